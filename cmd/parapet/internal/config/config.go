// Package config is the YAML configuration of `parapet serve`: each
// section owns its defaults and validation, and every problem is reported
// at once.
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"

	"gopkg.in/yaml.v3"
)

// Sensitive is a config value that must never be printed: it shows as
// "(sensitive)" in logs and in the effective config.
type Sensitive string

func (s Sensitive) String() string {
	if s == "" {
		return ""
	}
	return "(sensitive)"
}

// MarshalJSON hides the value.
func (s Sensitive) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Duration is a time.Duration that reads "30s" from YAML.
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

// Config is the whole file.
type Config struct {
	Server Server `yaml:"server" json:"server"`
	Bundle Bundle `yaml:"bundle" json:"bundle"`
	Log    Log    `yaml:"log" json:"log"`
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
	// Path is a bundle folder or .tar.gz. Empty: the embedded library.
	Path string `yaml:"path" json:"path"`
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
	return errors.Join(errs...)
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

// Effective is the config as JSON for the start-up log, secrets hidden.
func (c *Config) Effective() string {
	b, _ := json.Marshal(c)
	return string(b)
}
