package bundles

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parapet-dev/parapet/engine"
)

// Secret is a config value that must never be printed: it shows as
// "(sensitive)" in logs and in the effective config.
type Secret string

func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "(sensitive)"
}

// MarshalJSON hides the value.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// MarshalYAML hides the value.
func (s Secret) MarshalYAML() (any, error) { return s.String(), nil }

// Duration is a time.Duration that reads "30s" from YAML and prints as
// one in JSON.
type Duration time.Duration

// UnmarshalYAML reads a Go duration string.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("line %d: %q is not a duration like \"30s\"", n.Line, s)
	}
	*d = Duration(v)
	return nil
}

// MarshalJSON prints the duration as a string.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

// SourceConfig says where one bundle comes from and how far to trust it.
type SourceConfig struct {
	// URL is an https:// (or http://) URL on an OPA-compatible bundle
	// server, a bundle folder, a .tar.gz file, or empty for the library
	// embedded in the binary.
	URL string `yaml:"url" json:"url"`
	// Name is the bundle's name in decisions, logs and /v1/bundles.
	// Default: "default" for the embedded library, else the URL (without
	// credentials or query).
	Name string `yaml:"name" json:"name,omitempty"`
	// Interval between polls. Default 60s for a bundle server, 5s for a
	// file or folder (which costs a stat of each file).
	Interval Duration `yaml:"interval" json:"interval,omitempty"`
	// LongPoll asks the bundle server to hold each poll open up to this
	// long and answer as soon as a new bundle is there (OPA's long
	// polling; the server must support it, else polling goes on at
	// Interval). Default 0: off.
	LongPoll Duration `yaml:"long_poll" json:"long_poll,omitempty"`
	// Manual turns polling off: only Refresh (or a restart) loads a new
	// bundle.
	Manual bool `yaml:"manual" json:"manual,omitempty"`

	// Token is a bearer token for the bundle server. Prefer TokenFile.
	Token Secret `yaml:"token" json:"token,omitempty"`
	// TokenFile holds the bearer token; it is read again on each poll.
	TokenFile string `yaml:"token_file" json:"token_file,omitempty"`
	// ClientCert and ClientKey (PEM files) authenticate to the bundle
	// server with mTLS.
	ClientCert string `yaml:"client_cert" json:"client_cert,omitempty"`
	ClientKey  string `yaml:"client_key" json:"client_key,omitempty"`
	// CACert (PEM file) is the CA the bundle server's certificate must
	// chain to. Default: the system's.
	CACert string `yaml:"ca_cert" json:"ca_cert,omitempty"`

	// Verify: when Verify.Key is set, a bundle must carry a signature
	// (.signatures.json) made with that key, or it is refused.
	Verify VerifyConfig `yaml:"verification" json:"verification"`
}

// VerifyConfig is SourceConfig's signature check.
type VerifyConfig struct {
	// Key is the public key's PEM file (RSA, ECDSA) or, for HS256, the
	// secret itself. Empty: signatures are not checked.
	Key Secret `yaml:"key" json:"key,omitempty"`
	// KeyID the key is known by. Default "default", as OPA's.
	KeyID string `yaml:"key_id" json:"key_id,omitempty"`
	// Algorithm: RS256 (default), ES256, HS256 and the rest OPA takes.
	Algorithm string `yaml:"algorithm" json:"algorithm,omitempty"`
	// Scope, when set, must match the signature's scope claim.
	Scope        string   `yaml:"scope" json:"scope,omitempty"`
	ExcludeFiles []string `yaml:"exclude_files" json:"exclude_files,omitempty"`
}

func (v VerifyConfig) options() VerifyOptions {
	return VerifyOptions{Key: string(v.Key), KeyID: v.KeyID, Algorithm: v.Algorithm, Scope: v.Scope, ExcludeFiles: v.ExcludeFiles}
}

// Kinds of source.
const (
	KindEmbedded = "embedded"
	KindFile     = "file"
	KindHTTP     = "http"
)

// Kind says what URL points at.
func (c SourceConfig) Kind() string {
	switch {
	case c.URL == "":
		return KindEmbedded
	case strings.HasPrefix(c.URL, "https://"), strings.HasPrefix(c.URL, "http://"):
		return KindHTTP
	}
	return KindFile
}

// DisplayName is Name, or what it defaults to.
func (c SourceConfig) DisplayName() string {
	if c.Name != "" {
		return c.Name
	}
	switch c.Kind() {
	case KindEmbedded:
		return DefaultName
	case KindHTTP:
		if u, err := url.Parse(c.URL); err == nil {
			u.User, u.RawQuery, u.Fragment = nil, "", ""
			return u.String()
		}
	}
	return c.URL
}

func (c SourceConfig) interval() time.Duration {
	if c.Interval > 0 {
		return time.Duration(c.Interval)
	}
	if c.Kind() == KindHTTP {
		return time.Minute
	}
	return 5 * time.Second
}

func (c SourceConfig) validate(where string) error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s.%s: %s", where, field, fmt.Sprintf(format, args...)))
	}
	switch c.Kind() {
	case KindHTTP:
		u, err := url.Parse(c.URL)
		if err != nil || u.Host == "" {
			bad("url", "%q is not a URL", c.URL)
		}
		if c.Token != "" && c.TokenFile != "" {
			bad("token_file", "set token or token_file, not both")
		}
		if (c.ClientCert == "") != (c.ClientKey == "") {
			bad("client_cert", "mTLS needs both client_cert and client_key")
		}
		if u != nil && u.Scheme == "http" && (c.Token != "" || c.TokenFile != "") {
			bad("url", "a bearer token would go in clear over http://; use https://")
		}
	case KindFile:
		if _, err := os.Stat(c.URL); err != nil {
			bad("url", "%v", err)
		}
		if c.Token != "" || c.TokenFile != "" || c.ClientCert != "" || c.LongPoll > 0 {
			bad("url", "credentials and long polling apply to bundle servers (https://), not to files")
		}
	}
	if c.Interval < 0 || c.LongPoll < 0 {
		bad("interval", "must not be negative")
	}
	if c.Kind() == KindHTTP && c.Interval > 0 && time.Duration(c.Interval) < 100*time.Millisecond {
		bad("interval", "at least 100ms between polls of a bundle server")
	}
	if _, err := c.Verify.options().Config(); err != nil {
		bad("verification", "%v", err)
	}
	for _, f := range []struct{ name, path string }{{"token_file", c.TokenFile}, {"client_cert", c.ClientCert}, {"client_key", c.ClientKey}, {"ca_cert", c.CACert}} {
		if f.path != "" {
			if _, err := os.Stat(f.path); err != nil {
				bad(f.name, "%v", err)
			}
		}
	}
	return errors.Join(errs...)
}

// Config is the bundle lifecycle: where the base, tenant and shadow
// bundles come from, and how each new one is checked.
type Config struct {
	// Base is the policy every request is decided by. Default: the
	// embedded library.
	Base SourceConfig `yaml:"base" json:"base"`
	// Tenants are layered over the base for their tenant's requests; a
	// tenant bundle may add reasons and tighten tunables, never weaken
	// the base (see engine.CheckTenant). Keyed by tenant.
	Tenants map[string]SourceConfig `yaml:"tenants" json:"tenants,omitempty"`
	// Shadow, when set, is evaluated beside the active policy on live
	// traffic and never enforced; disagreements are logged and counted.
	Shadow *SourceConfig `yaml:"shadow" json:"shadow,omitempty"`
	// PersistDir keeps the last good bundle of each bundle-server source,
	// so that a replica starts (offline if need be) on it. Default: off.
	PersistDir string `yaml:"persist_dir" json:"persist_dir,omitempty"`
	// RunTests runs a new bundle's own _test.rego files (when it carries
	// them: folders do, `parapet bundle build --tests` keeps them) and
	// refuses it if one fails.
	RunTests bool `yaml:"run_tests" json:"run_tests,omitempty"`
	// NoProbe skips the probe decision a new bundle must pass.
	NoProbe bool `yaml:"no_probe" json:"no_probe,omitempty"`
	// ShadowQueue bounds the live decisions waiting for shadow
	// evaluation; past it they are dropped and counted. Default 1024.
	ShadowQueue int `yaml:"shadow_queue" json:"shadow_queue,omitempty"`
}

// Validate reports every problem at once.
func (c *Config) Validate() error {
	errs := []error{c.Base.validate("bundle.base")}
	names := make([]string, 0, len(c.Tenants))
	for t := range c.Tenants {
		names = append(names, t)
	}
	sort.Strings(names)
	for _, t := range names {
		if err := engine.CheckTenant(nil, engine.TenantBundle{Tenant: t}); err != nil && strings.Contains(err.Error(), "tenant name") {
			errs = append(errs, fmt.Errorf("bundle.tenants.%s: %q is not a tenant name (lower-case letters, digits, _)", t, t))
		}
		src := c.Tenants[t]
		if src.Kind() == KindEmbedded {
			errs = append(errs, fmt.Errorf("bundle.tenants.%s.url: required", t))
			continue
		}
		errs = append(errs, src.validate("bundle.tenants."+t))
	}
	if c.Shadow != nil {
		errs = append(errs, c.Shadow.validate("bundle.shadow"))
	}
	if c.ShadowQueue < 0 {
		errs = append(errs, errors.New("bundle.shadow_queue: must not be negative"))
	}
	return errors.Join(errs...)
}
