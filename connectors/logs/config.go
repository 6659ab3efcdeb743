package logs

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/internal/safelog"
)

// Sensitive is a config value that must never be printed; Duration reads
// "30s" from YAML. Both are the bundle section's types, so every config
// section prints secrets and durations alike.
type (
	Sensitive = bundles.Secret
	Duration  = bundles.Duration
)

// Backpressure modes: what Record does when a sink's queue is full.
const (
	// BackpressureBlock makes the decision wait for queue space: nothing is
	// lost, at the cost of latency while a sink and its spool are saturated.
	BackpressureBlock = "block"
	// BackpressureDrop drops the event for that sink and counts it in
	// parapet_log_events_dropped_total. The chain shows the gap.
	BackpressureDrop = "drop"
)

// Text modes: what the event keeps of message, response and document text.
const (
	// TextNone keeps no text, only lengths, HMAC digests and findings.
	TextNone = "none"
	// TextRedacted keeps the text with every finding replaced by its type
	// (<EMAIL_ADDRESS>). The rest of the prompt is kept as written.
	TextRedacted = "redacted"
)

// Encryption modes.
const (
	EncryptNone  = "none"
	EncryptField = "field"
	EncryptEvent = "event"
)

// Sink kinds.
const (
	KindConsole = "console"
	KindFile    = "file"
	KindHTTP    = "http"
	KindKafka   = "kafka"
	KindAlert   = "alert"
)

// Config is the `logs` section of parapet.yaml: the decision-log pipeline.
type Config struct {
	// Sinks by name. No sinks: decision logging is off.
	Sinks map[string]SinkConfig `yaml:"sinks" json:"sinks,omitempty"`
	// Labels are added to every event's labels (OPA's "labels").
	Labels map[string]string `yaml:"labels" json:"labels,omitempty"`
	// InstanceID is labels.id. Default: kept in spool_dir, made once.
	InstanceID string        `yaml:"instance_id" json:"instance_id,omitempty"`
	Masking    MaskingConfig `yaml:"masking" json:"masking"`
	// Chain configures signed checkpoints over the hash chain.
	Chain      ChainConfig      `yaml:"chain" json:"chain"`
	Encryption EncryptionConfig `yaml:"encryption" json:"encryption"`
	// Backpressure is "block" (default: a compliance record loses nothing)
	// or "drop" (decisions never wait; dropped events are counted).
	Backpressure string `yaml:"backpressure" json:"backpressure"`
	// SpoolDir holds each sink's spool and the chain state. Required when
	// any sink is set: without it a restart would lose events and break
	// the chain.
	SpoolDir string `yaml:"spool_dir" json:"spool_dir"`
	// SpoolMaxBytes caps each sink's spool. Past it, "block" stops taking
	// events for that sink and "drop" drops them. Default 1 GiB.
	SpoolMaxBytes int64 `yaml:"spool_max_bytes" json:"spool_max_bytes"`
}

// MaskingConfig says what of the request text an event keeps.
type MaskingConfig struct {
	// Text is "none" (default) or "redacted". Raw text is never stored.
	Text string `yaml:"text" json:"text"`
	// HMACKey keys the per-field HMAC-SHA-256 digests, so that a known
	// text can be matched against the log without the log holding it.
	// Prefer HMACKeyFile. No key: no digests.
	HMACKey Sensitive `yaml:"hmac_key" json:"hmac_key,omitempty"`
	// HMACKeyFile is a file holding the HMAC key.
	HMACKeyFile string `yaml:"hmac_key_file" json:"hmac_key_file,omitempty"`
	// FullCapture lists effects whose decisions capture the full request
	// text, encrypted (the obligation `log: full`). Default ["review"]
	// when encryption keys are set, none otherwise; setting it requires
	// encryption keys. A bundle can also ask for it per decision with
	// data.parapet.log.capture == "full".
	FullCapture []string `yaml:"full_capture" json:"full_capture"`
	// Policy evaluates data.parapet.log (mask, capture) from the active
	// bundle, like OPA's system.log.mask. Default true; it costs nothing
	// when the bundle has no such package.
	Policy *bool `yaml:"policy" json:"policy,omitempty"`
}

// ChainConfig configures signed checkpoints.
type ChainConfig struct {
	// SigningKeyFile is an ed25519 private key (PKCS#8 PEM, as
	// `openssl genpkey -algorithm ed25519` or `parapet audit keygen`
	// writes). Empty: events are chained but no checkpoints are signed.
	SigningKeyFile string `yaml:"signing_key_file" json:"signing_key_file,omitempty"`
	// CheckpointEvery signs a checkpoint after this many events. Default 1000.
	CheckpointEvery int `yaml:"checkpoint_every" json:"checkpoint_every"`
	// CheckpointInterval signs one after this long with unsigned events.
	// Default 1m. A last one is signed at shutdown.
	CheckpointInterval Duration `yaml:"checkpoint_interval" json:"checkpoint_interval"`
}

// EncryptionConfig configures AES-256-GCM at rest.
type EncryptionConfig struct {
	// Mode is "none" (default), "field" (input, result and any Fields
	// encrypted, the envelope clear) or "event" (everything but the
	// envelope: decision_id, timestamp, chain fields).
	Mode string `yaml:"mode" json:"mode"`
	// Keys: the first encrypts, all decrypt, so keys can rotate. Each
	// file holds 32 bytes, raw, hex or base64.
	Keys []KeyConfig `yaml:"keys" json:"keys,omitempty"`
	// Fields are the top-level event fields "field" mode encrypts.
	// Default ["input", "result"].
	Fields []string `yaml:"fields" json:"fields,omitempty"`
}

// KeyConfig names an encryption key.
type KeyConfig struct {
	ID   string `yaml:"id" json:"id"`
	File string `yaml:"file" json:"file"`
}

// SinkConfig is one named sink. Kind picks which other fields apply.
type SinkConfig struct {
	Kind string `yaml:"kind" json:"kind"`
	// QueueSize bounds the in-memory queue. Default 10000.
	QueueSize int `yaml:"queue_size" json:"queue_size"`
	// BatchSize is the most events written at once. Default 500.
	BatchSize int `yaml:"batch_size" json:"batch_size"`
	// FlushInterval bounds how long an event waits for a batch to fill.
	// Default 1s (console and file: 100ms).
	FlushInterval Duration `yaml:"flush_interval" json:"flush_interval"`
	// RetryMin and RetryMax bound the backoff while the sink is down.
	// Defaults 100ms and 30s.
	RetryMin Duration `yaml:"retry_min" json:"retry_min"`
	RetryMax Duration `yaml:"retry_max" json:"retry_max"`

	// console
	// Stream is "stdout" (default) or "stderr".
	Stream string `yaml:"stream" json:"stream,omitempty"`

	// file
	// Path of the active file; rotated files get a timestamp before the
	// extension (decisions-20261125T101500Z.jsonl).
	Path string `yaml:"path" json:"path,omitempty"`
	// MaxBytes rotates the file past this size. Default 100 MiB.
	MaxBytes int64 `yaml:"max_bytes" json:"max_bytes,omitempty"`
	// MaxAge rotates the file once its first event is this old.
	// Default 24h.
	MaxAge Duration `yaml:"max_age" json:"max_age,omitempty"`
	// Fsync is "batch" (default: after every batch written), "interval"
	// (every FsyncInterval) or "never" (the OS decides).
	Fsync         string   `yaml:"fsync" json:"fsync,omitempty"`
	FsyncInterval Duration `yaml:"fsync_interval" json:"fsync_interval,omitempty"`
	// MaxBackups deletes the oldest rotated files past this many.
	// Default 0: keep all (an audit log is rarely yours to delete).
	MaxBackups int `yaml:"max_backups" json:"max_backups,omitempty"`

	// http (OPA's decision-log upload protocol) and alert
	// URL receives POSTs: for http, gzip JSON arrays of events
	// (an OPA service URL plus /logs); for alert, Slack-style JSON.
	URL string `yaml:"url" json:"url,omitempty"`
	// Headers are added to each POST. Values are secrets.
	Headers map[string]Sensitive `yaml:"headers" json:"headers,omitempty"`
	// UploadSizeLimitBytes caps a gzip upload, as OPA's
	// upload_size_limit_bytes. Default 32 KiB.
	UploadSizeLimitBytes int64 `yaml:"upload_size_limit_bytes" json:"upload_size_limit_bytes,omitempty"`
	// Timeout bounds one POST. Default 10s.
	Timeout Duration  `yaml:"timeout" json:"timeout,omitempty"`
	TLS     TLSConfig `yaml:"tls" json:"tls"`

	// kafka
	Brokers []string   `yaml:"brokers" json:"brokers,omitempty"`
	Topic   string     `yaml:"topic" json:"topic,omitempty"`
	SASL    SASLConfig `yaml:"sasl" json:"sasl"`

	// alert
	// MinSeverity: decisions with a reason at or above it are posted:
	// low, medium, high (default), critical.
	MinSeverity string `yaml:"min_severity" json:"min_severity,omitempty"`
	// Effects, when set, also limits alerts to these effects.
	Effects []string `yaml:"effects" json:"effects,omitempty"`
	// RatePerMinute caps posts; the excess is summarised in the next one.
	// Default 20.
	RatePerMinute int `yaml:"rate_per_minute" json:"rate_per_minute,omitempty"`
}

// TLSConfig is client TLS for the http, alert and kafka sinks.
type TLSConfig struct {
	Enabled  bool   `yaml:"enabled" json:"enabled,omitempty"`
	CAFile   string `yaml:"ca_file" json:"ca_file,omitempty"`
	CertFile string `yaml:"cert_file" json:"cert_file,omitempty"`
	KeyFile  string `yaml:"key_file" json:"key_file,omitempty"`
	// ServerName overrides the name checked in the server's certificate.
	ServerName         string `yaml:"server_name" json:"server_name,omitempty"`
	InsecureSkipVerify bool   `yaml:"insecure_skip_verify" json:"insecure_skip_verify,omitempty"`
}

// SASLConfig authenticates to Kafka.
type SASLConfig struct {
	// Mechanism is "", "plain", "scram-sha-256" or "scram-sha-512".
	Mechanism string    `yaml:"mechanism" json:"mechanism,omitempty"`
	Username  string    `yaml:"username" json:"username,omitempty"`
	Password  Sensitive `yaml:"password" json:"password,omitempty"`
}

var severityRank = map[string]int{"": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}

var effectNames = []string{"allow", "warn", "redact", "review", "deny"}

// Enabled reports whether any sink is configured.
func (c *Config) Enabled() bool { return len(c.Sinks) > 0 }

// withDefaults fills unset fields. It does not touch Sinks' kinds.
func (c Config) withDefaults() Config {
	if c.Backpressure == "" {
		c.Backpressure = BackpressureBlock
	}
	if c.SpoolMaxBytes == 0 {
		c.SpoolMaxBytes = 1 << 30
	}
	if c.Masking.Text == "" {
		c.Masking.Text = TextNone
	}
	if c.Masking.FullCapture == nil && len(c.Encryption.Keys) > 0 {
		c.Masking.FullCapture = []string{"review"}
	}
	if c.Chain.CheckpointEvery == 0 {
		c.Chain.CheckpointEvery = 1000
	}
	if c.Chain.CheckpointInterval == 0 {
		c.Chain.CheckpointInterval = Duration(time.Minute)
	}
	if c.Encryption.Mode == "" {
		c.Encryption.Mode = EncryptNone
	}
	if c.Encryption.Mode == EncryptField && len(c.Encryption.Fields) == 0 {
		c.Encryption.Fields = []string{"input", "result"}
	}
	sinks := make(map[string]SinkConfig, len(c.Sinks))
	for name, s := range c.Sinks {
		sinks[name] = s.withDefaults()
	}
	c.Sinks = sinks
	return c
}

func (s SinkConfig) withDefaults() SinkConfig {
	if s.QueueSize == 0 {
		s.QueueSize = 10000
	}
	if s.BatchSize == 0 {
		s.BatchSize = 500
	}
	if s.FlushInterval == 0 {
		s.FlushInterval = Duration(time.Second)
		if s.Kind == KindFile || s.Kind == KindConsole {
			s.FlushInterval = Duration(100 * time.Millisecond)
		}
	}
	if s.RetryMin == 0 {
		s.RetryMin = Duration(100 * time.Millisecond)
	}
	if s.RetryMax == 0 {
		s.RetryMax = Duration(30 * time.Second)
	}
	if s.Timeout == 0 {
		s.Timeout = Duration(10 * time.Second)
	}
	switch s.Kind {
	case KindConsole:
		if s.Stream == "" {
			s.Stream = "stdout"
		}
	case KindFile:
		if s.MaxBytes == 0 {
			s.MaxBytes = 100 << 20
		}
		if s.MaxAge == 0 {
			s.MaxAge = Duration(24 * time.Hour)
		}
		if s.Fsync == "" {
			s.Fsync = "batch"
		}
		if s.FsyncInterval == 0 {
			s.FsyncInterval = Duration(time.Second)
		}
	case KindHTTP:
		if s.UploadSizeLimitBytes == 0 {
			s.UploadSizeLimitBytes = 32 << 10
		}
	case KindAlert:
		if s.MinSeverity == "" {
			s.MinSeverity = "high"
		}
		if s.RatePerMinute == 0 {
			s.RatePerMinute = 20
		}
	}
	return s
}

// Validate reports every problem in the section at once. Paths in errors
// start at "logs.".
func (c *Config) Validate() error {
	if c == nil {
		return nil
	}
	d := c.withDefaults()
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("logs.%s: "+format, append([]any{field}, args...)...))
	}
	switch d.Backpressure {
	case BackpressureBlock, BackpressureDrop:
	default:
		bad("backpressure", "%q is not block or drop", c.Backpressure)
	}
	if len(c.Sinks) > 0 && c.SpoolDir == "" {
		bad("spool_dir", "required when sinks are set: the spool keeps events while a sink is down and the chain across restarts")
	}
	if d.SpoolMaxBytes < 0 {
		bad("spool_max_bytes", "must not be negative")
	}
	switch d.Masking.Text {
	case TextNone, TextRedacted:
	default:
		bad("masking.text", "%q is not none or redacted", c.Masking.Text)
	}
	if c.Masking.HMACKey != "" && c.Masking.HMACKeyFile != "" {
		bad("masking.hmac_key", "set hmac_key or hmac_key_file, not both")
	}
	if c.Masking.HMACKey != "" && len(c.Masking.HMACKey) < 16 {
		bad("masking.hmac_key", "must be at least 16 bytes")
	}
	for i, e := range c.Masking.FullCapture {
		if !slices.Contains(effectNames, e) {
			bad(fmt.Sprintf("masking.full_capture[%d]", i), "%q is not an effect (allow, warn, redact, review, deny)", e)
		}
	}
	if len(c.Masking.FullCapture) > 0 && len(c.Encryption.Keys) == 0 {
		bad("masking.full_capture", "full capture stores the request text and needs encryption.keys: it is never stored in clear")
	}
	if c.Chain.CheckpointEvery < 0 {
		bad("chain.checkpoint_every", "must not be negative")
	}
	if c.Chain.CheckpointInterval < 0 {
		bad("chain.checkpoint_interval", "must not be negative")
	}
	switch d.Encryption.Mode {
	case EncryptNone:
	case EncryptField, EncryptEvent:
		if len(c.Encryption.Keys) == 0 {
			bad("encryption.keys", "mode %q needs at least one key", d.Encryption.Mode)
		}
	default:
		bad("encryption.mode", "%q is not none, field or event", c.Encryption.Mode)
	}
	for _, f := range c.Encryption.Fields {
		if !slices.Contains(encryptableFields, f) {
			bad("encryption.fields", "%q cannot be encrypted (one of %s)", f, strings.Join(encryptableFields, ", "))
		}
	}
	seen := map[string]bool{}
	for i, k := range c.Encryption.Keys {
		if k.ID == "" || strings.ContainsAny(k.ID, " \t\n\"") {
			bad(fmt.Sprintf("encryption.keys[%d].id", i), "must be a non-empty word")
		}
		if seen[k.ID] {
			bad(fmt.Sprintf("encryption.keys[%d].id", i), "%q is used twice", k.ID)
		}
		seen[k.ID] = true
		if k.File == "" {
			bad(fmt.Sprintf("encryption.keys[%d].file", i), "required")
		}
	}
	names := make([]string, 0, len(d.Sinks))
	for n := range d.Sinks {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, name := range names {
		s := d.Sinks[name]
		at := "sinks." + name + "."
		if name == "" || strings.ContainsAny(name, "/\\. ") {
			bad("sinks", "%q is not a usable sink name (no dots, slashes or spaces)", name)
		}
		if s.QueueSize < 1 {
			bad(at+"queue_size", "must be positive")
		}
		if s.BatchSize < 1 {
			bad(at+"batch_size", "must be positive")
		}
		if s.FlushInterval <= 0 || s.RetryMin <= 0 || s.RetryMax < s.RetryMin {
			bad(at+"retry_max", "flush_interval and retry_min must be positive and retry_max at least retry_min")
		}
		switch s.Kind {
		case KindConsole:
			if s.Stream != "stdout" && s.Stream != "stderr" {
				bad(at+"stream", "%q is not stdout or stderr", s.Stream)
			}
		case KindFile:
			if s.Path == "" {
				bad(at+"path", "required for a file sink")
			}
			if s.MaxBytes < 0 || s.MaxAge < 0 {
				bad(at+"max_bytes", "max_bytes and max_age must not be negative")
			}
			switch s.Fsync {
			case "batch", "interval", "never":
			default:
				bad(at+"fsync", "%q is not batch, interval or never", s.Fsync)
			}
		case KindHTTP, KindAlert:
			if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				bad(at+"url", "%q is not an http(s) URL", s.URL)
			}
			if s.Kind == KindHTTP && s.UploadSizeLimitBytes < 90 {
				bad(at+"upload_size_limit_bytes", "must be at least 90 (one event in a gzip body)")
			}
			if s.Kind == KindAlert {
				if _, ok := severityRank[s.MinSeverity]; !ok || s.MinSeverity == "" {
					bad(at+"min_severity", "%q is not low, medium, high or critical", s.MinSeverity)
				}
				for _, e := range s.Effects {
					if !slices.Contains(effectNames, e) {
						bad(at+"effects", "%q is not an effect", e)
					}
				}
				if s.RatePerMinute < 1 {
					bad(at+"rate_per_minute", "must be positive")
				}
			}
		case KindKafka:
			if len(s.Brokers) == 0 {
				bad(at+"brokers", "required for a kafka sink")
			}
			if s.Topic == "" {
				bad(at+"topic", "required for a kafka sink")
			}
			switch s.SASL.Mechanism {
			case "":
			case "plain", "scram-sha-256", "scram-sha-512":
				if s.SASL.Username == "" || s.SASL.Password == "" {
					bad(at+"sasl", "mechanism %s needs username and password", s.SASL.Mechanism)
				}
			default:
				bad(at+"sasl.mechanism", "%q is not plain, scram-sha-256 or scram-sha-512", s.SASL.Mechanism)
			}
		case "":
			bad(at+"kind", "required: console, file, http, kafka or alert")
		default:
			bad(at+"kind", "%q is not console, file, http, kafka or alert", s.Kind)
		}
		if (s.TLS.CertFile == "") != (s.TLS.KeyFile == "") {
			bad(at+"tls", "cert_file and key_file go together")
		}
	}
	return errors.Join(errs...)
}

// Effective is the section as JSON for the start-up log, secrets hidden:
// typed secrets print as "(sensitive)", and so do the user information
// and query values of every URL (a bundle server or log endpoint URL can
// carry a password or a token).
func (c *Config) Effective() string {
	return safelog.JSON(c)
}
