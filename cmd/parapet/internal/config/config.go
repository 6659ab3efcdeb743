// Package config is the YAML configuration of `parapet serve`: each
// section owns its defaults and validation, and every problem is reported
// at once.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"net/url"
	"os"
	"path"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/connectors/logs"
	"github.com/parapet-dev/parapet/internal/safelog"
)

// Sensitive is a config value that must never be printed: it shows as
// "(sensitive)" in logs and in the effective config. Duration reads "30s"
// from YAML. Every section shares these types.
type (
	Sensitive = bundles.Secret
	Duration  = bundles.Duration
)

// Config is the whole file.
type Config struct {
	Server Server `yaml:"server" json:"server"`
	Bundle Bundle `yaml:"bundle" json:"bundle"`
	Log    Log    `yaml:"log" json:"log"`
	// Proxy tunes the model-API proxy (/v1/chat/completions, /v1/messages,
	// ...), which forwards to Upstreams.
	Proxy     Proxy      `yaml:"proxy" json:"proxy"`
	Upstreams []Upstream `yaml:"upstreams" json:"upstreams"`
	// Logs are the decision logs: sinks, masking, tamper evidence
	// (docs/audit.md). No sinks: off.
	Logs  logs.Config `yaml:"logs" json:"logs"`
	Usage Usage       `yaml:"usage" json:"usage"`
}

// Proxy is the model-API proxy section.
type Proxy struct {
	// MaxBodyBytes limits proxied request bodies. Default 8 MiB (images
	// and long conversations are bigger than decision requests); past it,
	// 413.
	MaxBodyBytes int64       `yaml:"max_body_bytes" json:"max_body_bytes"`
	Stream       ProxyStream `yaml:"stream" json:"stream"`
	// TrustedHeaders takes callers' identity from an authenticating front
	// proxy. Off by default.
	TrustedHeaders TrustedHeaders `yaml:"trusted_headers" json:"trusted_headers"`
}

// ProxyStream tunes how streamed responses are checked.
type ProxyStream struct {
	// EvalChars: decide the response again after this many new bytes when
	// no sentence has ended. Default 200. Smaller sends text sooner and
	// costs more decisions.
	EvalChars int `yaml:"eval_chars" json:"eval_chars"`
	// EvalInterval: decide again when new text has waited this long, so a
	// slow model's words keep flowing. Default 250ms.
	EvalInterval Duration `yaml:"eval_interval" json:"eval_interval"`
	// HoldBackChars keeps at least this many bytes of the newest text
	// unsent, besides the word in progress and number-like runs (always
	// held). Default 0; raise it for detectors that need the words after
	// a value (names, street addresses), at a cost in latency.
	HoldBackChars int `yaml:"hold_back_chars" json:"hold_back_chars"`
}

// TrustedHeaders reads the caller from headers an authenticating front
// proxy sets, only for requests from Networks.
type TrustedHeaders struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	// Networks of the front proxy, as CIDRs. Required when enabled.
	Networks []string `yaml:"networks" json:"networks"`
	// Header names. Defaults X-Parapet-Subject, X-Parapet-Roles (comma
	// separated) and X-Parapet-Tenant.
	SubjectHeader string `yaml:"subject_header" json:"subject_header"`
	RolesHeader   string `yaml:"roles_header" json:"roles_header"`
	TenantHeader  string `yaml:"tenant_header" json:"tenant_header"`
}

// Upstream is a model API the proxy forwards to. The key is never in the
// file: it is read from an environment variable or a file at start-up.
type Upstream struct {
	Name string `yaml:"name" json:"name"`
	// Protocol is openai (default) or anthropic.
	Protocol string `yaml:"protocol" json:"protocol"`
	// BaseURL as the vendor's SDK takes it: with /v1 for openai
	// (https://api.openai.com/v1, http://vllm:8000/v1,
	// http://ollama:11434/v1), without for anthropic
	// (https://api.anthropic.com).
	BaseURL    string `yaml:"base_url" json:"base_url"`
	APIKeyEnv  string `yaml:"api_key_env" json:"api_key_env"`
	APIKeyFile string `yaml:"api_key_file" json:"api_key_file"`
	// Models it serves, as the policy's catalogue names them; "*" and
	// other path.Match patterns work. The first upstream that serves a
	// model gets it.
	Models []string `yaml:"models" json:"models"`
	// Rename gives the upstream's own name for a model.
	Rename map[string]string `yaml:"rename" json:"rename,omitempty"`
	// Timeout of a non-streamed call, and of a stream's first byte.
	// Default 10m.
	Timeout Duration `yaml:"timeout" json:"timeout"`
	// IdleTimeout: the longest gap between streamed chunks. Default 2m.
	IdleTimeout Duration `yaml:"idle_timeout" json:"idle_timeout"`
	// FailOpen forwards calls when the engine cannot decide, instead of
	// refusing them. Default false (fail closed).
	FailOpen bool `yaml:"fail_open" json:"fail_open"`
}

// Key reads the upstream's API key from its environment variable or file.
// No source configured: no key.
func (u *Upstream) Key() (string, error) {
	switch {
	case u.APIKeyEnv != "":
		v := strings.TrimSpace(os.Getenv(u.APIKeyEnv))
		if v == "" {
			return "", fmt.Errorf("upstream %q: environment variable %s is not set", u.Name, u.APIKeyEnv)
		}
		return v, nil
	case u.APIKeyFile != "":
		b, err := os.ReadFile(u.APIKeyFile)
		if err != nil {
			return "", fmt.Errorf("upstream %q: reading api_key_file: %w", u.Name, err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	return "", nil
}

// ParseUpstreamFlag reads --upstream NAME=URL: an upstream serving every
// model, its key from the environment variable NAME_API_KEY when set
// (OPENAI_API_KEY for --upstream openai=...). The name anthropic speaks
// Anthropic's API; any other name, OpenAI's.
func ParseUpstreamFlag(s string) (Upstream, error) {
	name, rawURL, ok := strings.Cut(s, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || rawURL == "" {
		return Upstream{}, fmt.Errorf("--upstream %q: want NAME=URL, e.g. openai=https://api.openai.com/v1", s)
	}
	u := Upstream{Name: name, BaseURL: strings.TrimSpace(rawURL), Models: []string{"*"}}
	if strings.EqualFold(name, "anthropic") {
		u.Protocol = "anthropic"
	}
	env := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			return r
		}
		return '_'
	}, name) + "_API_KEY"
	if os.Getenv(env) != "" {
		u.APIKeyEnv = env
	}
	return u, nil
}

// Server is the listener and API section.
type Server struct {
	// Addr is the listen address. Default 127.0.0.1:8282 (loopback only).
	Addr string `yaml:"addr" json:"addr"`
	// MaxBodyBytes limits request bodies. Default 1 MiB; past it, 413.
	MaxBodyBytes int64 `yaml:"max_body_bytes" json:"max_body_bytes"`
	// KeysFile holds hashed API keys. Without it the API needs no token,
	// which is only allowed on a loopback address.
	KeysFile string `yaml:"keys_file" json:"keys_file"`
	// ShutdownTimeout bounds how long in-flight requests may take to
	// finish on SIGTERM. Default 30s.
	ShutdownTimeout Duration `yaml:"shutdown_timeout" json:"shutdown_timeout"`
}

// Bundle says which policy to serve.
type Bundle struct {
	// Path is a bundle folder, a .tar.gz or an https:// bundle-server URL:
	// shorthand for base.url. Empty: the embedded library.
	Path string `yaml:"path" json:"path"`
	// The lifecycle: base, tenants, shadow, persist_dir, run_tests,
	// no_probe, shadow_queue (docs/policy-lifecycle.md).
	bundles.Config `yaml:",inline"`
}

// Lifecycle is the bundle section as the bundle manager takes it.
func (b Bundle) Lifecycle() bundles.Config {
	c := b.Config
	if c.Base.URL == "" {
		c.Base.URL = b.Path
	}
	return c
}

// Usage is where the usage counters behind input.usage live.
type Usage struct {
	// Store is "memory", or redis://host:6379/0 shared by replicas.
	// Empty: off (input.usage is absent). It may hold a password, so it
	// is never printed.
	Store string `yaml:"store" json:"-"`
}

// Log configures Parapet's own logs (never prompt text).
type Log struct {
	// Level is trace, debug, info, warn or error. Default info.
	Level string `yaml:"level" json:"level"`
	// Format is text or json. Default text.
	Format string `yaml:"format" json:"format"`
}

// Default is the configuration with no file.
func Default() Config {
	return Config{
		Server: Server{Addr: "127.0.0.1:8282", MaxBodyBytes: 1 << 20, ShutdownTimeout: Duration(30 * time.Second)},
		Log:    Log{Level: "info", Format: "text"},
		Proxy:  Proxy{MaxBodyBytes: 8 << 20, Stream: ProxyStream{EvalChars: 200, EvalInterval: Duration(250 * time.Millisecond)}},
	}
}

// Load reads a YAML file over the defaults. Unknown keys are errors.
func Load(path string) (Config, error) {
	c := Default()
	raw, err := os.ReadFile(path)
	if err != nil {
		return c, fmt.Errorf("reading config: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return c, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

// Validate reports every problem in the config at once.
func (c *Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Server.Addr); err != nil {
		errs = append(errs, fmt.Errorf("server.addr: %q is not host:port", c.Server.Addr))
	} else if c.Server.KeysFile == "" && !IsLoopback(c.Server.Addr) {
		errs = append(errs, fmt.Errorf("server.addr: %q is not a loopback address; listening beyond this machine requires server.keys_file", c.Server.Addr))
	}
	if c.Server.MaxBodyBytes <= 0 {
		errs = append(errs, fmt.Errorf("server.max_body_bytes: must be positive, not %d", c.Server.MaxBodyBytes))
	}
	if c.Server.ShutdownTimeout <= 0 {
		errs = append(errs, errors.New("server.shutdown_timeout: must be positive"))
	}
	switch c.Log.Level {
	case "trace", "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("log.level: %q is not one of trace, debug, info, warn, error", c.Log.Level))
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("log.format: %q is not text or json", c.Log.Format))
	}
	errs = append(errs, c.validateProxy()...)
	lc := c.Bundle.Lifecycle()
	errs = append(errs, lc.Validate(), c.Logs.Validate())
	if st := c.Usage.Store; st != "" && st != "memory" && !strings.HasPrefix(st, "redis://") && !strings.HasPrefix(st, "rediss://") {
		errs = append(errs, errors.New("usage.store: want memory or a redis:// URL"))
	}
	return errors.Join(errs...)
}

func (c *Config) validateProxy() []error {
	var errs []error
	p := &c.Proxy
	if p.MaxBodyBytes <= 0 {
		errs = append(errs, fmt.Errorf("proxy.max_body_bytes: must be positive, not %d", p.MaxBodyBytes))
	}
	if p.Stream.EvalChars <= 0 {
		errs = append(errs, fmt.Errorf("proxy.stream.eval_chars: must be positive, not %d", p.Stream.EvalChars))
	}
	if p.Stream.EvalInterval <= 0 {
		errs = append(errs, errors.New("proxy.stream.eval_interval: must be positive"))
	}
	if p.Stream.HoldBackChars < 0 {
		errs = append(errs, fmt.Errorf("proxy.stream.hold_back_chars: must not be negative, not %d", p.Stream.HoldBackChars))
	}
	if th := p.TrustedHeaders; th.Enabled {
		if len(th.Networks) == 0 {
			errs = append(errs, errors.New("proxy.trusted_headers.networks: list the front proxy's networks (CIDR) when trusted headers are enabled"))
		}
		for i, n := range th.Networks {
			if _, err := netip.ParsePrefix(n); err != nil {
				if _, err := netip.ParseAddr(n); err != nil {
					errs = append(errs, fmt.Errorf("proxy.trusted_headers.networks[%d]: %q is not a CIDR like 10.0.0.0/8", i, n))
				}
			}
		}
	}
	names := map[string]bool{}
	for i, u := range c.Upstreams {
		where := fmt.Sprintf("upstreams[%d]", i)
		if u.Name == "" {
			errs = append(errs, fmt.Errorf("%s.name: is required", where))
		} else if names[u.Name] {
			errs = append(errs, fmt.Errorf("%s.name: %q is used twice", where, u.Name))
		}
		names[u.Name] = true
		switch u.Protocol {
		case "", "openai", "anthropic":
		default:
			errs = append(errs, fmt.Errorf("%s.protocol: %q is not openai or anthropic", where, u.Protocol))
		}
		if pu, err := url.Parse(u.BaseURL); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
			errs = append(errs, fmt.Errorf("%s.base_url: %q is not an http(s) URL", where, u.BaseURL))
		} else if pu.User != nil {
			errs = append(errs, fmt.Errorf("%s.base_url: must not carry credentials; use api_key_env or api_key_file", where))
		}
		if u.APIKeyEnv != "" && u.APIKeyFile != "" {
			errs = append(errs, fmt.Errorf("%s: set api_key_env or api_key_file, not both", where))
		}
		if len(u.Models) == 0 {
			errs = append(errs, fmt.Errorf("%s.models: list the models it serves (\"*\" for any)", where))
		}
		for j, m := range u.Models {
			if _, err := path.Match(m, ""); err != nil || m == "" {
				errs = append(errs, fmt.Errorf("%s.models[%d]: %q is not a model name or pattern", where, j, m))
			}
		}
		if u.Timeout < 0 || u.IdleTimeout < 0 {
			errs = append(errs, fmt.Errorf("%s: timeouts must not be negative", where))
		}
	}
	return errs
}

// IsLoopback reports whether a listen address only accepts local
// connections.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Effective is the config as JSON for the start-up log, secrets hidden:
// typed secrets print as "(sensitive)", and so do the user information
// and query values of every URL (a bundle server or log endpoint URL can
// carry a password or a token).
func (c *Config) Effective() string {
	return safelog.JSON(c)
}
