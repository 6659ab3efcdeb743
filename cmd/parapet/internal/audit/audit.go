// Package audit is `parapet audit`: verify the decision logs' chains and
// signatures, decrypt them for an authorised reviewer, scan logged model
// exchanges against the active policy, and make the keys all of that
// needs. It also wires the decision-log pipeline into `parapet serve`.
package audit

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"
	"gopkg.in/yaml.v3"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/cmd/parapet/internal/policy"
	"github.com/parapet-dev/parapet/connectors/logs"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
)

// Command builds `parapet audit` and its subcommands.
func Command() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Verify, decrypt and scan decision logs and logged model exchanges",
		Long: `Tools for the compliance record (docs/audit.md):

  verify   check the hash chains and signed checkpoints of decision-log files
  decrypt  open encrypted events and full-text captures, for authorised reviewers
  scan     evaluate logged OpenAI/Anthropic exchanges against the policy (detect only)
  keygen   make a checkpoint signing key, an encryption key or an HMAC key
  hmac     compute the digest of a known text, to find it in the logs`,
	}
	cmd.AddCommand(verifyCommand(), decryptCommand(), scanCommand(), keygenCommand(), hmacCommand())
	return cmd
}

// exitErr gives err an exit code: 1 for a failed check, 2 for bad usage.
func exitErr(code int, err error) error { return &policy.ExitError{Code: code, Err: err} }

func verifyCommand() *cobra.Command {
	var pubs []string
	var requireSigned, asJSON bool
	cmd := &cobra.Command{
		Use:   "verify FILE...",
		Short: "Check the hash chains and signed checkpoints of decision-log files",
		Long: `Check decision-log files (JSON Lines from a file sink, rotated files in any
order, or a Kafka topic dumped to a file): every event's hash against its
bytes, the prev_hash links in seq order, missing or duplicated events,
and every checkpoint's hash and ed25519 signature.

On failure it names the first broken event (file, line, decision id) and
exits 1. With --public-key, events after the last valid checkpoint are a
warning (the tail of a crash); with --require-signed they fail.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			var keys []ed25519.PublicKey
			for _, p := range pubs {
				k, err := logs.ReadPublicKey(p)
				if err != nil {
					return exitErr(2, fmt.Errorf("--public-key: %w", err))
				}
				keys = append(keys, k)
			}
			rep, err := logs.Verify(files, logs.VerifyOptions{PublicKeys: keys, RequireSigned: requireSigned})
			if err != nil {
				return exitErr(2, err)
			}
			return printVerify(cmd.OutOrStdout(), rep, asJSON)
		},
	}
	cmd.Flags().StringArrayVar(&pubs, "public-key", nil, "ed25519 public key (PEM) that signs checkpoints; repeat for rotated keys")
	cmd.Flags().BoolVar(&requireSigned, "require-signed", false, "fail when events are not covered by a valid signed checkpoint")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	return cmd
}

func printVerify(w io.Writer, rep *logs.VerifyReport, asJSON bool) error {
	if asJSON {
		out := map[string]any{"ok": rep.OK(), "files": rep.Files, "events": rep.Events, "chains": rep.Chains,
			"problems": rep.Problems, "warnings": rep.Warnings}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	} else {
		ids := make([]string, 0, len(rep.Chains))
		for id := range rep.Chains {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			c := rep.Chains[id]
			signed := "no signed checkpoint"
			if c.Signed > 0 {
				signed = fmt.Sprintf("signed up to seq %d", c.Signed)
			}
			fmt.Fprintf(w, "chain %s: events %d..%d (%d), %d checkpoints, %s\n", id, c.First, c.Last, c.Events, c.Checkpoints, signed)
		}
		for _, s := range rep.Warnings {
			fmt.Fprintln(w, "warning:", s)
		}
		for i, p := range rep.Problems {
			if i == 20 {
				fmt.Fprintf(w, "... and %d more problems\n", len(rep.Problems)-20)
				break
			}
			fmt.Fprintln(w, "FAIL", p)
		}
	}
	if !rep.OK() {
		p := rep.Problems[0]
		return exitErr(1, fmt.Errorf("verification failed: first broken event at %s:%d (decision %s): %s", p.File, p.Line, orNone(p.DecisionID), p.Message))
	}
	if !asJSON {
		fmt.Fprintf(w, "OK: %d events in %d files\n", rep.Events, rep.Files)
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// serveConfig is the part of parapet.yaml the audit tools read.
type serveConfig struct {
	Logs   logs.Config `yaml:"logs"`
	Bundle struct {
		Path string `yaml:"path"`
	} `yaml:"bundle"`
}

func readConfig(path string) (serveConfig, error) {
	var c serveConfig
	raw, err := os.ReadFile(path)
	if err != nil {
		return c, err
	}
	if err := yaml.Unmarshal(raw, &c); err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

func decryptCommand() *cobra.Command {
	var keyFlags []string
	var config string
	cmd := &cobra.Command{
		Use:   "decrypt [FILE...]",
		Short: "Decrypt encrypted events and full-text captures (authorised reviewers)",
		Long: `Decrypt decision-log lines (files, or stdin with none or "-") and write each
as JSON with its sealed values opened and "decrypted": true. Keys come
from --key ID=FILE (repeatable) or the logs.encryption.keys of --config.
Lines that are not encrypted pass through; a line whose key is missing or
whose sealed value was changed or moved fails the command.

Decrypted events hold what the log was built to hide: write them only
where the reviewer's access is itself recorded.`,
		RunE: func(cmd *cobra.Command, files []string) error {
			var kcs []logs.KeyConfig
			if config != "" {
				c, err := readConfig(config)
				if err != nil {
					return exitErr(2, err)
				}
				kcs = append(kcs, c.Logs.Encryption.Keys...)
			}
			for _, k := range keyFlags {
				id, file, ok := strings.Cut(k, "=")
				if !ok {
					return exitErr(2, fmt.Errorf("--key %q: want ID=FILE", k))
				}
				kcs = append(kcs, logs.KeyConfig{ID: id, File: file})
			}
			if len(kcs) == 0 {
				return exitErr(2, errors.New("no keys: give --key ID=FILE or --config"))
			}
			ring, err := logs.LoadKeyring(kcs)
			if err != nil {
				return exitErr(2, err)
			}
			if len(files) == 0 {
				files = []string{"-"}
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			for _, name := range files {
				if err := decryptFile(cmd.InOrStdin(), name, ring, out); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&keyFlags, "key", nil, "encryption key as ID=FILE (32 bytes raw, hex or base64); repeat for rotated keys")
	cmd.Flags().StringVar(&config, "config", "", "parapet.yaml whose logs.encryption.keys to use")
	return cmd
}

func decryptFile(stdin io.Reader, name string, ring *logs.Keyring, out io.Writer) error {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), logs.MaxLineBytes)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		plain, err := logs.Decrypt(line, ring)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		out.Write(plain)
		out.Write([]byte{'\n'})
	}
	return sc.Err()
}

func scanCommand() *cobra.Command {
	var (
		bundle, config, out, subject, tenant, model, brokers, topic string
		roles                                                       []string
		asJSON                                                      bool
		workers                                                     int
	)
	cmd := &cobra.Command{
		Use:   "scan [FILE...]",
		Short: "Evaluate logged model exchanges against the policy, detect only",
		Long: `Read logged model exchanges — JSON Lines, each an OpenAI- or
Anthropic-style pair {"id", "request": {...}, "response": {...}} (OpenAI
batch lines with "body" and "custom_id" too) — from files, stdin ("-") or
a Kafka topic (--kafka-brokers, --kafka-topic: read from the start to the
end it has when the scan starts), and decide each exchange's prompt and
response against the bundle. Nothing is enforced.

It prints a summary (exchanges by effect, reason, subject and model) and
the flagged exchanges by id. With --out, or the sinks of --config's logs
section, every flagged decision is also written as a masked, chained
decision event (connector "scan"). Subject, tenant and roles come from the
log ("user", "subject", "tenant", "roles", Anthropic metadata.user_id)
or the flags.`,
		RunE: func(cmd *cobra.Command, files []string) error {
			ctx := cmd.Context()
			if len(files) == 0 && topic == "" {
				files = []string{"-"}
			}
			var cfg logs.Config
			if config != "" {
				c, err := readConfig(config)
				if err != nil {
					return exitErr(2, err)
				}
				cfg = c.Logs
				if bundle == "" {
					bundle = c.Bundle.Path
				}
			}
			if out != "" {
				if cfg.Sinks == nil {
					cfg.Sinks = map[string]logs.SinkConfig{}
				}
				cfg.Sinks["scan-out"] = logs.SinkConfig{Kind: logs.KindFile, Path: out}
				if cfg.SpoolDir == "" {
					cfg.SpoolDir = out + ".state"
				}
			}
			eng := engine.New(engine.Options{Analyzer: detectors.Default()})
			p, err := bundles.Compile(ctx, bundles.Source(bundle), nil)
			if err != nil {
				return err
			}
			eng.Activate(p)
			lp, err := logPolicy(ctx, bundle)
			if err != nil {
				return err
			}
			pipe, err := logs.New(ctx, cfg, logs.Options{Policy: lp})
			if err != nil {
				return exitErr(2, err)
			}
			sc := logs.NewScanner(eng, logs.ScanOptions{Pipeline: pipe, Workers: workers,
				Defaults: logs.ExchangeDefaults{Subject: subject, Tenant: tenant, Roles: roles, Model: model}})
			var sources []func() (logs.Item, error)
			var total int64
			var closers []func()
			defer func() {
				for _, c := range closers {
					c()
				}
			}()
			var read countingReaders
			for _, name := range files {
				if name == "-" {
					sources = append(sources, logs.LineSource("stdin", cmd.InOrStdin()))
					continue
				}
				f, err := os.Open(name)
				if err != nil {
					return err
				}
				closers = append(closers, func() { f.Close() })
				if fi, err := f.Stat(); err == nil {
					total += fi.Size()
				}
				sources = append(sources, logs.LineSource(name, read.wrap(f)))
			}
			if topic != "" {
				next, n, stop, err := logs.KafkaSource(ctx, logs.SinkConfig{Brokers: strings.Split(brokers, ","), Topic: topic})
				if err != nil {
					return err
				}
				closers = append(closers, stop)
				sources = append(sources, next)
				_ = n
			}
			bar := newProgress(cmd.ErrOrStderr(), total, &read)
			err = sc.Run(ctx, chain(sources), bar.update)
			bar.done()
			cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			cerr := pipe.Close(cctx)
			cancel()
			if err != nil {
				return err
			}
			if cerr != nil {
				return cerr
			}
			printScan(cmd.OutOrStdout(), sc.Report(), asJSON)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&bundle, "bundle", "", "policy bundle: a folder or .tar.gz (default: the embedded library, or --config's bundle.path)")
	f.StringVar(&config, "config", "", "parapet.yaml: its logs section receives the violation events")
	f.StringVar(&out, "out", "", "write flagged decisions as decision events (JSON Lines) to this file")
	f.StringVar(&subject, "subject", "", "subject id for exchanges that name none (default \"unknown\")")
	f.StringVar(&tenant, "tenant", "", "tenant for exchanges that name none")
	f.StringSliceVar(&roles, "role", nil, "roles for exchanges that name none (repeatable)")
	f.StringVar(&model, "model", "", "evaluate every exchange as this model (the catalogue's name)")
	f.StringVar(&brokers, "kafka-brokers", "", "comma-separated Kafka brokers to read --kafka-topic from")
	f.StringVar(&topic, "kafka-topic", "", "Kafka topic of logged exchanges")
	f.BoolVar(&asJSON, "json", false, "print the report as JSON")
	f.IntVar(&workers, "workers", runtime.NumCPU(), "exchanges evaluated in parallel")
	return cmd
}

// logPolicy prepares the bundle's data.parapet.log, if it has one.
func logPolicy(ctx context.Context, path string) (logs.LogPolicy, error) {
	var lp *logs.RegoLogPolicy
	var err error
	if path == "" {
		b, lerr := bundles.LoadDefault(false)
		if lerr != nil {
			return nil, lerr
		}
		lp, err = logs.NewRegoLogPolicy(ctx, b)
	} else {
		b, lerr := bundles.Load(path, false)
		if lerr != nil {
			return nil, lerr
		}
		lp, err = logs.NewRegoLogPolicy(ctx, b)
	}
	if err != nil || lp == nil {
		return nil, err
	}
	return lp, nil
}

func chain(srcs []func() (logs.Item, error)) func() (logs.Item, error) {
	i := 0
	return func() (logs.Item, error) {
		for i < len(srcs) {
			it, err := srcs[i]()
			if errors.Is(err, io.EOF) {
				i++
				continue
			}
			return it, err
		}
		return logs.Item{}, io.EOF
	}
}

func printScan(w io.Writer, rep *logs.ScanReport, asJSON bool) {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "exchanges\t%d\ndecisions\t%d\nflagged\t%d\nunreadable lines\t%d\n\n", rep.Exchanges, rep.Decisions, len(rep.Flagged), len(rep.Invalid))
	fmt.Fprintln(tw, "EFFECT\tEXCHANGES")
	for _, e := range []string{"deny", "review", "redact", "warn", "allow"} {
		if n := rep.ByEffect[e]; n > 0 {
			fmt.Fprintf(tw, "%s\t%d\n", e, n)
		}
	}
	fmt.Fprintln(tw, "\nREASON\tEXCHANGES")
	for _, k := range sortedByCount(rep.ByReason) {
		fmt.Fprintf(tw, "%s\t%d\n", k, rep.ByReason[k])
	}
	for _, t := range []struct {
		name string
		m    map[string]*logs.ScanCounts
	}{{"SUBJECT", rep.BySubject}, {"MODEL", rep.ByModel}} {
		fmt.Fprintf(tw, "\n%s\tEXCHANGES\tFLAGGED\n", t.name)
		keys := make([]string, 0, len(t.m))
		for k := range t.m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if t.m[keys[i]].Flagged != t.m[keys[j]].Flagged {
				return t.m[keys[i]].Flagged > t.m[keys[j]].Flagged
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			fmt.Fprintf(tw, "%s\t%d\t%d\n", k, t.m[k].Exchanges, t.m[k].Flagged)
		}
	}
	if len(rep.Flagged) > 0 {
		fmt.Fprintln(tw, "\nFLAGGED\tEFFECT\tWHERE\tREASONS")
		for _, f := range rep.Flagged {
			fmt.Fprintf(tw, "%s\t%s\t%s:%d\t%s\n", f.ID, f.Effect, f.Source, f.Line, strings.Join(f.Reasons, ","))
		}
	}
	if len(rep.Invalid) > 0 {
		fmt.Fprintln(tw, "\nUNREADABLE\tERROR")
		for _, x := range rep.Invalid {
			fmt.Fprintf(tw, "%s:%d\t%s\n", x.Source, x.Line, x.Error)
		}
	}
	tw.Flush()
}

func sortedByCount(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// countingReaders counts bytes read across files, for the progress bar.
type countingReaders struct {
	mu sync.Mutex
	n  int64
}

func (c *countingReaders) wrap(r io.Reader) io.Reader { return &countingReader{r, c} }

func (c *countingReaders) load() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

type countingReader struct {
	r io.Reader
	c *countingReaders
}

func (r *countingReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.c.mu.Lock()
	r.c.n += int64(n)
	r.c.mu.Unlock()
	return n, err
}

// progress draws a one-line bar on a terminal, at most ten times a second.
type progress struct {
	w     io.Writer
	tty   bool
	total int64
	read  *countingReaders
	mu    sync.Mutex
	last  time.Time
	drawn bool
}

func newProgress(w io.Writer, total int64, read *countingReaders) *progress {
	p := &progress{w: w, total: total, read: read}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) update(done, flagged int) {
	if !p.tty {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.drawn = true
	if p.total <= 0 {
		fmt.Fprintf(p.w, "\r%d exchanges, %d flagged ", done, flagged)
		return
	}
	frac := float64(p.read.load()) / float64(p.total)
	if frac > 1 {
		frac = 1
	}
	const width = 30
	n := int(frac * width)
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%%  %d exchanges, %d flagged ", strings.Repeat("=", n), strings.Repeat(" ", width-n), frac*100, done, flagged)
}

func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func keygenCommand() *cobra.Command {
	var signing, encryption, hmacKey string
	cmd := &cobra.Command{
		Use:   "keygen",
		Short: "Make a checkpoint signing key, an encryption key or an HMAC key",
		Long: `Make the keys of logs.chain, logs.encryption and logs.masking:

  --signing FILE      an ed25519 key pair: FILE (private, PKCS#8 PEM; give it
                      to parapet serve) and FILE.pub (public; give it to
                      auditors for parapet audit verify --public-key)
  --encryption FILE   a 32-byte AES-256 key, base64 (logs.encryption.keys)
  --hmac FILE         a 32-byte HMAC key, hex (logs.masking.hmac_key_file)

Files are created with mode 0600 and never overwritten.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if signing == "" && encryption == "" && hmacKey == "" {
				return exitErr(2, errors.New("give --signing, --encryption or --hmac"))
			}
			w := cmd.OutOrStdout()
			if signing != "" {
				priv, pub, err := logs.GenerateSigningKey()
				if err != nil {
					return err
				}
				if err := writeNew(signing, priv, 0o600); err != nil {
					return err
				}
				if err := writeNew(signing+".pub", pub, 0o644); err != nil {
					return err
				}
				k, _ := logs.ReadPublicKey(signing + ".pub")
				fmt.Fprintf(w, "signing key %s, public key %s.pub, key id %s\n", signing, signing, logs.KeyID(k))
			}
			if encryption != "" {
				b := make([]byte, 32)
				rand.Read(b)
				if err := writeNew(encryption, []byte(base64.StdEncoding.EncodeToString(b)+"\n"), 0o600); err != nil {
					return err
				}
				fmt.Fprintf(w, "encryption key %s\n", encryption)
			}
			if hmacKey != "" {
				b := make([]byte, 32)
				rand.Read(b)
				if err := writeNew(hmacKey, []byte(hex.EncodeToString(b)+"\n"), 0o600); err != nil {
					return err
				}
				fmt.Fprintf(w, "hmac key %s\n", hmacKey)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&signing, "signing", "", "write an ed25519 signing key pair to FILE and FILE.pub")
	cmd.Flags().StringVar(&encryption, "encryption", "", "write an AES-256 key to FILE")
	cmd.Flags().StringVar(&hmacKey, "hmac", "", "write an HMAC key to FILE")
	return cmd
}

func writeNew(path string, b []byte, mode os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func hmacCommand() *cobra.Command {
	var keyFile string
	cmd := &cobra.Command{
		Use:   "hmac --key-file FILE [TEXT]",
		Short: "Print the HMAC-SHA-256 digest of a known text, as decision events store it",
		Long: `Print the digest that decision events store for a text: a whole message
(input.messages[i].hmac) or a detector finding such as an email address
(input.analysis.findings[j].hmac). Grep the logs for it to find every
decision that carried the text. TEXT is read from stdin when not given
(without its final newline).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if keyFile == "" {
				return exitErr(2, errors.New("--key-file is required (logs.masking.hmac_key_file)"))
			}
			b, err := os.ReadFile(keyFile)
			if err != nil {
				return err
			}
			key := bytes.TrimRight(b, "\r\n")
			var text string
			if len(args) == 1 {
				text = args[0]
			} else {
				in, err := io.ReadAll(cmd.InOrStdin())
				if err != nil {
					return err
				}
				text = strings.TrimSuffix(string(in), "\n")
			}
			fmt.Fprintln(cmd.OutOrStdout(), logs.HMAC(key, text))
			return nil
		},
	}
	cmd.Flags().StringVar(&keyFile, "key-file", "", "the HMAC key file of logs.masking.hmac_key_file")
	return cmd
}
