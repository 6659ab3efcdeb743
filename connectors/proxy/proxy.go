package proxy

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/hashicorp/go-hclog"

	"github.com/parapet-dev/parapet/engine"
)

// Protocols an upstream can speak.
const (
	ProtocolOpenAI    = "openai"
	ProtocolAnthropic = "anthropic"
)

// Defaults.
const (
	DefaultMaxBodyBytes  = 8 << 20
	DefaultTimeout       = 10 * time.Minute
	DefaultIdleTimeout   = 2 * time.Minute
	DefaultEvalChars     = 200
	DefaultEvalInterval  = 250 * time.Millisecond
	defaultDialTimeout   = 10 * time.Second
	maxUpstreamBodyBytes = 64 << 20
)

// Upstream is a model API the proxy forwards to.
type Upstream struct {
	// Name identifies the upstream in config, logs and route obligations.
	Name string
	// Protocol is "openai" (default) or "anthropic". OpenAI-compatible
	// routes go to openai upstreams, /v1/messages to anthropic ones; the
	// proxy does not translate between them.
	Protocol string
	// BaseURL is what you would give the vendor's SDK: for openai it
	// includes /v1 (https://api.openai.com/v1, http://vllm:8000/v1), for
	// anthropic it does not (https://api.anthropic.com).
	BaseURL string
	// APIKey is sent upstream (Authorization: Bearer, or x-api-key for
	// anthropic). It is never logged or shown to callers. Empty: no key.
	APIKey string
	// Models the upstream serves, as the policy's catalogue names them;
	// path.Match patterns work ("*" serves any model). The first upstream
	// in order that serves a model gets it.
	Models []string
	// Rename maps a model name to the name the upstream knows it by
	// (deepseek-r1-onprem → deepseek-ai/DeepSeek-R1).
	Rename map[string]string
	// Timeout bounds a whole non-streamed call, and the wait for a
	// streamed call's first byte. Default 10m: reasoning models are slow.
	Timeout time.Duration
	// IdleTimeout bounds the gap between two chunks of a stream.
	// Default 2m.
	IdleTimeout time.Duration
	// FailOpen forwards calls to this upstream when the engine cannot
	// decide (no bundle, evaluation error), instead of refusing them. The
	// response says so in X-Parapet-Fail-Open. Default false: fail closed.
	FailOpen bool
}

// StreamOptions tune how streamed responses are checked.
type StreamOptions struct {
	// EvalChars: the response is decided again once this many new bytes
	// have arrived, if no sentence boundary came first. Smaller releases
	// text sooner and costs more decisions. Default 200.
	EvalChars int
	// EvalInterval: the response is decided again when new text has waited
	// this long, so a slow model's words still flow. Default 250ms.
	EvalInterval time.Duration
	// HoldBackChars keeps at least this many bytes of the newest text
	// unreleased, besides the word in progress and number-like runs, which
	// are always held. Raise it for detectors that need words after a
	// value (names, street addresses) at some cost in latency. Default 0.
	HoldBackChars int
	// DecideEveryChunk decides after every chunk, whatever the cadence:
	// text is released as evenly as the hold-back allows, at the most
	// cost. For transcripts and debugging.
	DecideEveryChunk bool
}

// Options configure the proxy.
type Options struct {
	Logger    hclog.Logger
	Upstreams []Upstream
	// Auth checks the caller's bearer token (or x-api-key). Nil: no keys;
	// only loopback callers are served, as the subject "local" with role
	// "developer".
	Auth Authenticator
	// TrustedHeaders, when set, takes the caller's identity from headers
	// set by an authenticating front proxy, for requests from its networks
	// only.
	TrustedHeaders *TrustedHeaders
	// MaxBodyBytes limits request bodies; past it, 413. Default 8 MiB.
	MaxBodyBytes int64
	Stream       StreamOptions
	// OnDecision sees every decision with what the caller received. It
	// must not block on I/O.
	OnDecision DecisionHook
	// Transport for upstream calls. Default: a pooled transport with a 10s
	// dial timeout.
	Transport http.RoundTripper
	// Metrics, when set (NewMetrics), count the decisions the proxy
	// records, how calls ended and upstream latency. Nil: no metrics.
	Metrics *Metrics
}

// DecisionHook records a decision. info says what the caller actually got.
type DecisionHook func(ctx context.Context, req *engine.Request, d *engine.Decision, info StreamInfo)

// Outcome is how a proxied call ended for the caller.
type Outcome string

// Outcomes.
const (
	// OutcomeRefused: the prompt was denied; nothing was forwarded.
	OutcomeRefused Outcome = "refused"
	// OutcomeForwarded: the prompt was forwarded (prompt-phase record).
	OutcomeForwarded Outcome = "forwarded"
	// OutcomeCompleted: the caller got the whole (checked) response.
	OutcomeCompleted Outcome = "completed"
	// OutcomeContentFilter: a response decision denied; the caller got a
	// 403 or, streamed, a stream cut with content_filter.
	OutcomeContentFilter Outcome = "content_filter"
	// OutcomeUpstreamError: the upstream answered with an error or broke
	// off mid-stream.
	OutcomeUpstreamError Outcome = "upstream_error"
	// OutcomeUpstreamTimeout: the upstream did not answer in time (504,
	// or an error event mid-stream).
	OutcomeUpstreamTimeout Outcome = "upstream_timeout"
	// OutcomeClientGone: the caller disconnected; the upstream call was
	// cancelled.
	OutcomeClientGone Outcome = "client_disconnected"
)

// StreamInfo describes what the caller received for a decision. It never
// holds prompt or response text.
type StreamInfo struct {
	// Route is the endpoint: chat.completions, completions, embeddings,
	// messages, responses.
	Route    string
	Caller   Caller
	Upstream string
	// Model is the model name sent upstream, after routing and renaming.
	Model    string
	Streamed bool
	// Choice is the choice index a response decision is about.
	Choice  int
	Outcome Outcome
	// Status is the HTTP status the caller got.
	Status int
	// FailOpen: the engine could not decide and the upstream is marked
	// fail-open, so the call went ahead unchecked.
	FailOpen bool
	// Evaluations is the number of response decisions made, the last of
	// which is the one recorded.
	Evaluations int
	// SentBytes is the response text the caller received, in bytes;
	// HeldBytes the upstream text it never received.
	SentBytes int
	HeldBytes int
	// LateRedactions counts redactions that began in text already sent
	// (the hold-back could not see them coming); the rest was redacted.
	LateRedactions int
	// PromptDecisionID links a response decision to its prompt decision.
	PromptDecisionID string
	// ResponseOutcome sums up the call's response decisions recorded so
	// far, this one included: completed, unless one ended otherwise
	// (content_filter, client_disconnected …; the last such). Empty
	// before any. The prompt-phase record comes last, so there it is how
	// the response phase ended.
	ResponseOutcome Outcome
	// UpstreamDuration is the time from sending the call upstream to the
	// upstream's response headers; zero when none came.
	UpstreamDuration time.Duration
}

// Proxy serves the model-API routes for one engine.
type Proxy struct {
	eng       *engine.Engine
	log       hclog.Logger
	opts      Options
	upstreams []*upstream
	client    *http.Client
	cache     modelCache
	metrics   *boundMetrics // nil: no metrics
}

type upstream struct {
	Upstream
	base    *url.URL
	baseURL string // base, as text (endpoint appends paths to it)
}

func init() { gin.SetMode(gin.ReleaseMode) }

// New validates the options and builds the proxy.
func New(eng *engine.Engine, opts Options) (*Proxy, error) {
	if opts.Logger == nil {
		opts.Logger = hclog.NewNullLogger()
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.Stream.EvalChars <= 0 {
		opts.Stream.EvalChars = DefaultEvalChars
	}
	if opts.Stream.EvalInterval <= 0 {
		opts.Stream.EvalInterval = DefaultEvalInterval
	}
	if opts.Stream.HoldBackChars < 0 {
		opts.Stream.HoldBackChars = 0
	}
	p := &Proxy{eng: eng, log: opts.Logger, opts: opts}
	var errs []error
	names := map[string]bool{}
	for i, u := range opts.Upstreams {
		where := fmt.Sprintf("upstreams[%d]", i)
		if u.Name == "" {
			errs = append(errs, fmt.Errorf("%s.name: is required", where))
		} else if names[u.Name] {
			errs = append(errs, fmt.Errorf("%s.name: %q is used twice", where, u.Name))
		}
		names[u.Name] = true
		if u.Protocol == "" {
			u.Protocol = ProtocolOpenAI
		}
		if u.Protocol != ProtocolOpenAI && u.Protocol != ProtocolAnthropic {
			errs = append(errs, fmt.Errorf("%s.protocol: %q is not openai or anthropic", where, u.Protocol))
		}
		base, err := url.Parse(strings.TrimRight(u.BaseURL, "/"))
		if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
			errs = append(errs, fmt.Errorf("%s.base_url: %q is not an http(s) URL", where, u.BaseURL))
		}
		if len(u.Models) == 0 {
			errs = append(errs, fmt.Errorf("%s.models: list the models it serves (\"*\" for any)", where))
		}
		for j, m := range u.Models {
			if _, err := path.Match(m, ""); err != nil {
				errs = append(errs, fmt.Errorf("%s.models[%d]: %q is not a valid pattern", where, j, m))
			}
		}
		if u.Timeout <= 0 {
			u.Timeout = DefaultTimeout
		}
		if u.IdleTimeout <= 0 {
			u.IdleTimeout = DefaultIdleTimeout
		}
		uu := &upstream{Upstream: u, base: base}
		if base != nil {
			uu.baseURL = base.String()
		}
		p.upstreams = append(p.upstreams, uu)
	}
	if opts.TrustedHeaders != nil {
		if err := opts.TrustedHeaders.check(); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if opts.Metrics != nil {
		p.metrics = opts.Metrics.bind(p.upstreams)
		p.opts.OnDecision = p.metrics.hook(opts.OnDecision)
	}
	rt := opts.Transport
	if rt == nil {
		rt = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: defaultDialTimeout, KeepAlive: 30 * time.Second}).DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          256,
			MaxIdleConnsPerHost:   64,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   defaultDialTimeout,
			ExpectContinueTimeout: time.Second,
		}
	}
	// No client timeout: each call has its own deadline, and a stream may
	// rightly last longer than any fixed bound.
	p.client = &http.Client{Transport: rt, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return p, nil
}

// Mount adds the proxy's routes to r: POST /v1/chat/completions,
// /v1/completions, /v1/embeddings, /v1/messages and GET /v1/models.
func (p *Proxy) Mount(r gin.IRoutes) {
	r.POST("/v1/chat/completions", p.identify(apiOpenAI), p.chatCompletions)
	r.POST("/v1/completions", p.identify(apiOpenAI), p.completions)
	r.POST("/v1/embeddings", p.identify(apiOpenAI), p.embeddings)
	r.GET("/v1/models", p.identify(apiOpenAI), p.models)
	r.POST("/v1/messages", p.identify(apiAnthropic), p.messages)
	r.POST("/v1/messages/count_tokens", p.identify(apiAnthropic), p.countTokens)
	r.POST("/v1/responses", p.identify(apiOpenAI), p.responses)
}

// Handler serves the proxy's routes alone (for tests and embedding).
func (p *Proxy) Handler() http.Handler {
	r := gin.New()
	r.HandleMethodNotAllowed = true
	p.Mount(r)
	return r
}

// Upstreams lists the configured upstreams (keys included: do not log).
func (p *Proxy) Upstreams() []Upstream {
	out := make([]Upstream, len(p.upstreams))
	for i, u := range p.upstreams {
		out[i] = u.Upstream
	}
	return out
}

// pick returns the first upstream of the protocol that serves model, or
// the one named name when name is set.
func (p *Proxy) pick(protocol, model, name string) *upstream {
	for _, u := range p.upstreams {
		if u.Protocol != protocol {
			continue
		}
		if name != "" {
			if u.Name == name {
				return u
			}
			continue
		}
		if u.serves(model) {
			return u
		}
	}
	return nil
}

func (u *upstream) serves(model string) bool {
	for _, m := range u.Models {
		if ok, _ := path.Match(m, model); ok {
			return true
		}
	}
	return false
}

// upstreamModel is the model name to send to u.
func (u *upstream) upstreamModel(model string) string {
	if r, ok := u.Rename[model]; ok && r != "" {
		return r
	}
	return model
}

// endpoint is the URL of an API path on the upstream: OpenAI paths are
// relative to a base that ends in /v1, Anthropic ones carry /v1 themselves.
func (u *upstream) endpoint(p string) string {
	return u.baseURL + p
}
