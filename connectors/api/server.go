// Package api is Parapet's HTTP decision service: POST /v1/decide, health,
// readiness, Prometheus metrics and the active bundle, served with gin.
package api

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/hashicorp/go-hclog"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/parapet-dev/parapet/engine"
)

// DefaultMaxBodyBytes is the default request body limit: 1 MiB.
const DefaultMaxBodyBytes = 1 << 20

// Caller is who made an authenticated API call, from the keys file.
type Caller struct {
	KeyID   string
	Subject string
	Roles   []string
	Tenant  string
}

// DecisionHook sees every decision after it is made, for recording. It
// must not block on I/O.
type DecisionHook func(ctx context.Context, req *engine.Request, d *engine.Decision, caller *Caller)

// Options configure the server.
type Options struct {
	Logger hclog.Logger
	// MaxBodyBytes limits request bodies; past it the answer is 413.
	// Default 1 MiB.
	MaxBodyBytes int64
	// Keys, when set, requires a bearer token on every route except
	// /health and /health/ready.
	Keys *Keys
	// OnDecision, when set, is called with every decision.
	OnDecision DecisionHook
	// BundleStatus, when set, adds lifecycle detail (last error, sources)
	// to GET /v1/bundles.
	BundleStatus func() any
	// Health, when set, adds bundle lifecycle health (a refused bundle,
	// with file:line) to GET /health/ready.
	Health func() any
	// ExplainRole is the role an API key needs for POST
	// /v1/decide?explain=true. Default "admin". Without a keys file the
	// service is loopback-only and explain is open.
	ExplainRole string
}

// Server serves the decision API for one engine.
type Server struct {
	eng     *engine.Engine
	log     hclog.Logger
	opts    Options
	metrics *metrics
	router  *gin.Engine

	revMu   sync.Mutex
	lastRev string
}

func init() { gin.SetMode(gin.ReleaseMode) }

// New builds the server and its routes.
func New(eng *engine.Engine, opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = hclog.NewNullLogger()
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.ExplainRole == "" {
		opts.ExplainRole = "admin"
	}
	s := &Server{eng: eng, log: opts.Logger, opts: opts, metrics: newMetrics()}
	r := gin.New()
	r.Use(s.recover())
	r.HandleMethodNotAllowed = true
	r.NoRoute(func(c *gin.Context) {
		s.fail(c, CodeNotFound, "", "no such route: "+c.Request.Method+" "+c.Request.URL.Path)
	})
	r.NoMethod(func(c *gin.Context) {
		s.fail(c, CodeMethodNotAllowed, "", "method "+c.Request.Method+" is not allowed on "+c.Request.URL.Path)
	})
	r.GET("/health", s.health)
	r.GET("/health/ready", s.ready)
	authed := r.Group("/", s.auth())
	authed.POST("/v1/decide", s.decide)
	authed.GET("/v1/bundles", s.bundles)
	authed.GET("/metrics", s.metricsHandler())
	s.router = r
	s.observeBundle()
	return s
}

// Handler returns the HTTP handler.
func (s *Server) Handler() http.Handler { return s.router }

// Router exposes the gin engine so other connectors (the proxy) can add
// their routes to the same listener.
func (s *Server) Router() *gin.Engine { return s.router }

func (s *Server) recover() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("BUG: panic while serving", "path", c.Request.URL.Path, "panic", v)
				s.fail(c, CodeInternal, "", "internal error")
			}
		}()
		c.Next()
	}
}

const callerKey = "parapet.caller"

func (s *Server) auth() gin.HandlerFunc {
	return func(c *gin.Context) {
		if s.opts.Keys == nil {
			c.Next()
			return
		}
		h := c.GetHeader("Authorization")
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || token == "" {
			c.Header("WWW-Authenticate", `Bearer realm="parapet"`)
			s.fail(c, CodeUnauthorized, "Authorization", "a bearer token is required")
			return
		}
		k, ok := s.opts.Keys.Authenticate(strings.TrimSpace(token))
		if !ok {
			c.Header("WWW-Authenticate", `Bearer realm="parapet", error="invalid_token"`)
			s.fail(c, CodeUnauthorized, "Authorization", "the bearer token is not valid")
			return
		}
		c.Set(callerKey, &Caller{KeyID: k.ID, Subject: k.Subject, Roles: k.Roles, Tenant: k.Tenant})
		c.Next()
	}
}

// CallerFrom returns the authenticated caller of a request, or nil.
func CallerFrom(c *gin.Context) *Caller {
	if v, ok := c.Get(callerKey); ok {
		return v.(*Caller)
	}
	return nil
}

func (s *Server) health(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

func (s *Server) ready(c *gin.Context) {
	p := s.eng.Policy()
	out := gin.H{}
	if s.opts.Health != nil {
		out["bundles"] = s.opts.Health()
	}
	if p == nil {
		out["status"], out["reason"] = "not_ready", "no bundle is active"
		c.JSON(http.StatusServiceUnavailable, out)
		return
	}
	out["status"], out["bundle"] = "ready", gin.H{"name": p.Name, "revision": p.Revision}
	c.JSON(http.StatusOK, out)
}

// SetOnDecision sets the decision hook after construction, for hooks that
// need the server's registry first. Call it before serving.
func (s *Server) SetOnDecision(h DecisionHook) { s.opts.OnDecision = h }

// Registerer is the registry /metrics serves, for other parts of the
// process (decision logs, bundle lifecycle) to add their metrics to.
func (s *Server) Registerer() prometheus.Registerer { return s.metrics.reg }

func (s *Server) bundles(c *gin.Context) {
	s.observeBundle()
	out := gin.H{}
	if p := s.eng.Policy(); p != nil {
		out["active"] = gin.H{"name": p.Name, "revision": p.Revision, "activated": p.Activated.UTC().Format(time.RFC3339Nano)}
	} else {
		out["active"] = nil
	}
	if s.opts.BundleStatus != nil {
		out["status"] = s.opts.BundleStatus()
	}
	c.JSON(http.StatusOK, out)
}

// observeBundle keeps the bundle-info gauge on the active revision.
func (s *Server) observeBundle() {
	p := s.eng.Policy()
	if p == nil {
		return
	}
	s.revMu.Lock()
	defer s.revMu.Unlock()
	if p.Name+"\x00"+p.Revision == s.lastRev {
		return
	}
	s.metrics.bundleInfo.Reset()
	s.metrics.bundleInfo.WithLabelValues(p.Name, p.Revision).Set(1)
	s.lastRev = p.Name + "\x00" + p.Revision
}

func (s *Server) metricsHandler() gin.HandlerFunc {
	h := promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{})
	return func(c *gin.Context) {
		s.observeBundle()
		h.ServeHTTP(c.Writer, c.Request)
	}
}

// ReadJSONBody reads a JSON request body under a size limit, answering
// 415 for a non-JSON content type and 413 past the limit. It is shared by
// the connectors that take JSON.
func ReadJSONBody(r *http.Request, w http.ResponseWriter, max int64) ([]byte, *engine.RequestError) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return nil, &engine.RequestError{Code: engine.CodeUnsupportedType, Field: "Content-Type", Message: "must be application/json, not " + strconv.Quote(ct)}
		}
	}
	if r.ContentLength > max {
		return nil, &engine.RequestError{Code: engine.CodeTooLarge, Message: "the body is " + strconv.FormatInt(r.ContentLength, 10) + " bytes; the limit is " + strconv.FormatInt(max, 10)}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, &engine.RequestError{Code: engine.CodeTooLarge, Message: "the body is over the limit of " + strconv.FormatInt(max, 10) + " bytes"}
		}
		return nil, &engine.RequestError{Code: engine.CodeInvalidJSON, Message: "reading the body: " + err.Error()}
	}
	return body, nil
}

func (s *Server) decide(c *gin.Context) {
	body, rerr := ReadJSONBody(c.Request, c.Writer, s.opts.MaxBodyBytes)
	if rerr != nil {
		s.failErr(c, rerr)
		return
	}
	req, err := engine.DecodeRequest(body)
	if err != nil {
		s.failErr(c, err)
		return
	}
	caller := CallerFrom(c)
	if caller != nil && caller.Tenant != "" {
		// A key bound to a tenant decides only for that tenant.
		if req.Subject.Tenant == "" {
			req.Subject.Tenant = caller.Tenant
		} else if req.Subject.Tenant != caller.Tenant {
			s.fail(c, CodeForbidden, "subject.tenant", "this API key may only decide for tenant "+strconv.Quote(caller.Tenant))
			return
		}
	}
	explain := c.Query("explain") == "true"
	if explain && s.opts.Keys != nil && (caller == nil || !slices.Contains(caller.Roles, s.opts.ExplainRole)) {
		s.fail(c, CodeForbidden, "explain", "explain=true needs an API key with the "+strconv.Quote(s.opts.ExplainRole)+" role")
		return
	}
	var (
		d      *engine.Decision
		traces []engine.Trace
	)
	if explain {
		d, traces, err = s.eng.Explain(c.Request.Context(), req)
	} else {
		d, err = s.eng.Decide(c.Request.Context(), req)
	}
	if err != nil {
		s.failErr(c, err)
		return
	}
	s.metrics.decisions.WithLabelValues(d.Effect).Inc()
	s.metrics.latency.WithLabelValues(d.Effect).Observe(float64(d.Timings.Total) / 1e6)
	s.metrics.analysis.Observe(float64(d.Timings.Analysis) / 1e6)
	s.metrics.eval.Observe(float64(d.Timings.Eval) / 1e6)
	if s.opts.OnDecision != nil {
		s.opts.OnDecision(c.Request.Context(), req, d, caller)
	}
	if explain {
		c.JSON(http.StatusOK, struct {
			*engine.Decision
			Explain []engine.Trace `json:"explain"`
		}{d, traces})
		return
	}
	c.JSON(http.StatusOK, d)
}
