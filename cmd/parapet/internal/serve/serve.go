// Package serve is `parapet serve`: the decision service and the
// model-API proxy on one listener.
package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/spf13/cobra"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/cmd/parapet/internal/audit"
	"github.com/parapet-dev/parapet/cmd/parapet/internal/config"
	"github.com/parapet-dev/parapet/connectors/api"
	"github.com/parapet-dev/parapet/connectors/proxy"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
	"github.com/parapet-dev/parapet/engine/usage"
)

// Flags are serve's command-line flags; set ones override the config file.
type Flags struct {
	Addr         string
	Bundle       string
	Config       string
	LogLevel     string
	LogFormat    string
	Upstreams    []string
	ShadowBundle string
	UsageStore   string
}

// Command builds `parapet serve`.
func Command() *cobra.Command {
	var f Flags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the decision service and the model-API proxy",
		Long: `Run the decision service and the model-API proxy.

With no flags it serves the embedded default policy library on
127.0.0.1:8282 and needs no other service. Listening beyond loopback
requires an API keys file (server.keys_file in --config).

Decision routes: POST /v1/decide, GET /health, GET /health/ready,
GET /metrics, GET /v1/bundles.

Proxy routes (OpenAI- and Anthropic-compatible; point a client's base URL
at http://127.0.0.1:8282/v1): POST /v1/chat/completions, /v1/completions,
/v1/embeddings, /v1/messages (and its count_tokens), /v1/responses and
GET /v1/models. Each call is decided on its prompt before it is
forwarded and on its response, streamed or not, before the caller sees
it. Upstreams come from the config file's
upstreams: section, or for a quick try from --upstream:

  OPENAI_API_KEY=sk-... parapet serve --upstream openai=https://api.openai.com/v1
  parapet serve --upstream ollama=http://127.0.0.1:11434/v1

Without a keys file, proxy callers are the subject "local" with role
"developer". SIGTERM or SIGINT drains in-flight requests and exits.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := f.config(cmd)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGTERM, syscall.SIGINT)
			defer stop()
			return Run(ctx, cfg, NewLogger(cfg.Log), nil)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Addr, "addr", "127.0.0.1:8282", "listen address (host:port)")
	fl.StringVar(&f.Bundle, "bundle", "", "policy bundle: a folder, a .tar.gz or an https:// bundle-server URL (default: the embedded library)")
	fl.StringVar(&f.ShadowBundle, "shadow-bundle", "", "candidate bundle evaluated beside the active one on live traffic, never enforced")
	fl.StringVar(&f.UsageStore, "usage-store", "", "usage counters for input.usage: memory, or redis://host:6379/0 shared by replicas (default: off)")
	fl.StringVar(&f.Config, "config", "", "YAML config file")
	fl.StringVar(&f.LogLevel, "log-level", "info", "log level: trace, debug, info, warn, error")
	fl.StringVar(&f.LogFormat, "log-format", "text", "log format: text or json")
	fl.StringArrayVar(&f.Upstreams, "upstream", nil, "model API to proxy to, NAME=URL, serving every model (repeatable); its key is read from $NAME_API_KEY; the name anthropic speaks Anthropic's API")
	return cmd
}

// config merges the file (if any) with the flags the user set.
func (f *Flags) config(cmd *cobra.Command) (config.Config, error) {
	cfg := config.Default()
	if f.Config != "" {
		var err error
		if cfg, err = config.Load(f.Config); err != nil {
			return cfg, err
		}
	}
	set := cmd.Flags().Changed
	if set("addr") {
		cfg.Server.Addr = f.Addr
	}
	if set("bundle") {
		cfg.Bundle.Path, cfg.Bundle.Base.URL = "", f.Bundle
	}
	if set("shadow-bundle") {
		if cfg.Bundle.Shadow == nil {
			cfg.Bundle.Shadow = &bundles.SourceConfig{}
		}
		cfg.Bundle.Shadow.URL = f.ShadowBundle
	}
	if set("usage-store") {
		cfg.Usage.Store = f.UsageStore
	}
	if set("log-level") {
		cfg.Log.Level = f.LogLevel
	}
	if set("log-format") {
		cfg.Log.Format = f.LogFormat
	}
	for _, s := range f.Upstreams {
		u, err := config.ParseUpstreamFlag(s)
		if err != nil {
			return cfg, err
		}
		replaced := false
		for i := range cfg.Upstreams {
			if cfg.Upstreams[i].Name == u.Name {
				cfg.Upstreams[i].BaseURL, replaced = u.BaseURL, true
			}
		}
		if !replaced {
			cfg.Upstreams = append(cfg.Upstreams, u)
		}
	}
	if err := cfg.Validate(); err != nil {
		return cfg, fmt.Errorf("invalid configuration:\n%w", err)
	}
	return cfg, nil
}

// NewLogger makes the process logger.
func NewLogger(c config.Log) hclog.Logger {
	return hclog.New(&hclog.LoggerOptions{
		Name:       "parapet",
		Level:      hclog.LevelFromString(c.Level),
		JSONFormat: c.Format == "json",
		Output:     os.Stderr,
		TimeFormat: time.RFC3339,
	})
}

// Run serves until ctx ends, then drains. ready, when not nil, receives the
// bound address once the listener is up (for tests).
func Run(ctx context.Context, cfg config.Config, log hclog.Logger, ready chan<- string) error {
	log.Info("starting parapet", "config", cfg.Effective())

	var uo *engine.UsageOptions
	if cfg.Usage.Store != "" {
		st, err := usage.Open(cfg.Usage.Store)
		if err != nil {
			return fmt.Errorf("usage.store: %w", err)
		}
		uo = usage.Options(st)
		log.Info("usage counters on: input.usage is filled", "store", storeKind(cfg.Usage.Store))
	}
	eng := engine.New(engine.Options{Logger: log.Named("engine"), Analyzer: detectors.Default(), Usage: uo})
	t0 := time.Now()
	eng.Analyzer().Warm(ctx)
	log.Debug("detectors loaded", "took", time.Since(t0).String(), "detectors", strings.Join(eng.Analyzer().Names(), ","))

	opts := api.Options{Logger: log.Named("api"), MaxBodyBytes: cfg.Server.MaxBodyBytes}
	if cfg.Server.KeysFile != "" {
		keys, err := api.LoadKeys(cfg.Server.KeysFile)
		if err != nil {
			return err
		}
		opts.Keys = keys
		log.Info("API keys loaded", "file", cfg.Server.KeysFile, "keys", keys.Len())
	} else {
		log.Warn("no keys file: the API takes unauthenticated calls, on loopback only", "addr", cfg.Server.Addr)
		log.Warn("no keys file: proxy callers are the local subject, on loopback only", "subject", proxy.LocalSubject, "role", proxy.LocalRole)
	}
	var mgr *bundles.Manager
	opts.BundleStatus = func() any { return mgr.Status() }
	opts.Health = func() any { return mgr.Health() }
	srv := api.New(eng, opts)

	lifecycle := cfg.Bundle.Lifecycle()
	mgr, err := bundles.Wire(ctx, eng, lifecycle, bundles.Options{Logger: log.Named("bundle"), Registerer: srv.Registerer()})
	if err != nil {
		return err
	}
	defer mgr.Stop(context.Background())
	if ok, why := mgr.Ready(); !ok {
		if lifecycle.Base.Kind() != bundles.KindHTTP {
			return errors.New(why)
		}
		log.Warn("no bundle active yet; /health/ready answers 503 until one is", "reason", why)
	} else if p := eng.Policy(); p != nil {
		log.Info("bundle active", "name", p.Name, "revision", p.Revision)
	}

	logPath := cfg.Bundle.Path
	if lifecycle.Base.Kind() == bundles.KindHTTP {
		logPath = "" // the log policy is read from a local bundle only
	}
	lg, err := audit.StartLogs(ctx, cfg.Logs, log.Named("logs"), logPath, srv.Registerer(), Version)
	if err != nil {
		return err
	}
	// Deferred after the listener's shutdown below has drained requests,
	// so their decisions are flushed too.
	defer lg.Stop(time.Duration(cfg.Server.ShutdownTimeout))
	apiHook := lg.APIHook()
	srv.SetOnDecision(func(ctx context.Context, r *engine.Request, d *engine.Decision, c *api.Caller) {
		apiHook(ctx, r, d, c)
		mgr.Shadow(ctx, r, d)
	})

	popts, err := proxyOptions(cfg, opts.Keys, log.Named("proxy"))
	if err != nil {
		return err
	}
	proxyHook := lg.ProxyHook()
	popts.OnDecision = func(ctx context.Context, r *engine.Request, d *engine.Decision, info proxy.StreamInfo) {
		proxyHook(ctx, r, d, info)
		mgr.Shadow(ctx, r, d)
	}
	if popts.Metrics, err = proxy.NewMetrics(srv.Registerer()); err != nil {
		return fmt.Errorf("proxy metrics: %w", err)
	}
	px, err := proxy.New(eng, popts)
	if err != nil {
		return fmt.Errorf("invalid proxy configuration:\n%w", err)
	}
	px.Mount(srv.Router())
	for _, u := range px.Upstreams() {
		log.Info("upstream", "name", u.Name, "protocol", u.Protocol, "base_url", u.BaseURL, "models", strings.Join(u.Models, ","), "key", keyState(u.APIKey), "fail_open", u.FailOpen)
	}
	if len(popts.Upstreams) == 0 {
		log.Info("no upstreams: the proxy routes answer 404 until one is configured (upstreams: in --config, or --upstream NAME=URL)")
	}

	ln, err := net.Listen("tcp", cfg.Server.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", cfg.Server.Addr, err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.StandardLogger(&hclog.StandardLoggerOptions{InferLevels: true})}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String())
	if ready != nil {
		ready <- ln.Addr().String()
	}

	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: draining in-flight requests", "timeout", time.Duration(cfg.Server.ShutdownTimeout).String())
	sctx, cancel := context.WithTimeout(context.Background(), time.Duration(cfg.Server.ShutdownTimeout))
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutting down: %w", err)
	}
	log.Info("stopped")
	return nil
}

// keysAuth adapts the keys file to the proxy's Authenticator.
type keysAuth struct{ keys *api.Keys }

func (a keysAuth) Authenticate(token string) (proxy.Caller, bool) {
	k, ok := a.keys.Authenticate(token)
	if !ok {
		return proxy.Caller{}, false
	}
	return proxy.Caller{Subject: k.Subject, Roles: k.Roles, Tenant: k.Tenant, KeyID: k.ID}, true
}

// proxyOptions builds the proxy's options from the config, reading each
// upstream's key.
func proxyOptions(cfg config.Config, keys *api.Keys, log hclog.Logger) (proxy.Options, error) {
	o := proxy.Options{
		Logger:       log,
		MaxBodyBytes: cfg.Proxy.MaxBodyBytes,
		Stream: proxy.StreamOptions{
			EvalChars:     cfg.Proxy.Stream.EvalChars,
			EvalInterval:  time.Duration(cfg.Proxy.Stream.EvalInterval),
			HoldBackChars: cfg.Proxy.Stream.HoldBackChars,
		},
	}
	if keys != nil {
		o.Auth = keysAuth{keys}
	}
	if th := cfg.Proxy.TrustedHeaders; th.Enabled {
		nets, err := proxy.ParseNetworks(th.Networks)
		if err != nil {
			return o, fmt.Errorf("proxy.trusted_headers: %w", err)
		}
		o.TrustedHeaders = &proxy.TrustedHeaders{Networks: nets, Subject: th.SubjectHeader, Roles: th.RolesHeader, Tenant: th.TenantHeader}
	}
	var errs []error
	for _, u := range cfg.Upstreams {
		key, err := u.Key()
		if err != nil {
			errs = append(errs, err)
		}
		o.Upstreams = append(o.Upstreams, proxy.Upstream{
			Name: u.Name, Protocol: u.Protocol, BaseURL: u.BaseURL, APIKey: key, Models: u.Models, Rename: u.Rename,
			Timeout: time.Duration(u.Timeout), IdleTimeout: time.Duration(u.IdleTimeout), FailOpen: u.FailOpen,
		})
	}
	return o, errors.Join(errs...)
}

// Version is the binary's version, for decision-log events.
var Version string

func storeKind(spec string) string {
	if spec == "memory" {
		return spec
	}
	return "redis"
}

func keyState(k string) string {
	if k == "" {
		return "(none)"
	}
	return "(sensitive)"
}
