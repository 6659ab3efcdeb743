package lifecycle

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/cmd/parapet/internal/policy"
	"github.com/parapet-dev/parapet/connectors/logs"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/analysis"
)

// ExitChanged is replay's exit code with --fail-on-change when a decision
// would change.
const ExitChanged = 3

// loadPolicy compiles a bundle (folder, tarball, or "" for the embedded
// library) through Parapet's checks, without the probe.
func loadPolicy(ctx context.Context, path string) (*engine.Policy, error) {
	var (
		b   *bundle.Bundle
		err error
	)
	name := bundles.Source(path).Name()
	if path == "" {
		b, err = bundles.LoadDefault(true)
	} else {
		b, err = bundles.Read(path, nil)
	}
	if err != nil {
		return nil, &policy.ExitError{Code: policy.ExitBadPolicy, Err: err}
	}
	p, err := bundles.Check(ctx, name, b, bundles.CheckOptions{NoProbe: true})
	if err != nil {
		return nil, &policy.ExitError{Code: policy.ExitBadPolicy, Err: err}
	}
	return p, nil
}

// ReplayFlags are `parapet replay`'s flags.
type ReplayFlags struct {
	Bundle       string
	Baseline     string
	Logs         []string
	Format       string
	Output       string
	Keys         []string
	KeepAccess   bool
	FailOnChange bool
	NoProgress   bool
}

// ReplayCommand builds `parapet replay`.
func ReplayCommand() *cobra.Command {
	var f ReplayFlags
	cmd := &cobra.Command{
		Use:   "replay --bundle NEW --logs FILE...",
		Short: "Re-evaluate logged decisions against a candidate bundle",
		Long: `Re-evaluate decisions from decision-log files (as 'parapet serve' writes
them: JSON Lines, rotated files, .gz too) against a candidate bundle, and
report every decision that would change: old effect → new effect,
reasons added and removed, with counts by rule, subject and model.

The log keeps no request text: each decision is decided again from what
it kept (metadata, access, the detectors' findings and scores), with
redacted text where masking.text is "redacted" and a placeholder of the
same length otherwise. Rules that read raw text cannot be replayed
faithfully; --baseline OLD decides with the old bundle on the same
reconstructed input, so that only the policy change shows.

Roles are resolved again with the candidate's data.parapet.rbac
(--keep-access uses the logged ones). Encrypted logs need their keys:
--key ID=FILE. A progress bar shows on a terminal.

  parapet replay --bundle new.tar.gz --logs decisions.jsonl --format html -o replay.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			f.Logs = append(f.Logs, args...)
			return Replay(cmd.Context(), f, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Bundle, "bundle", "", "candidate bundle: folder or .tar.gz (default: the embedded library)")
	fl.StringVar(&f.Baseline, "baseline", "", "compare with this bundle decided on the same input, not with the logged decisions")
	fl.StringSliceVar(&f.Logs, "logs", nil, "decision-log files (repeatable; more may follow as arguments)")
	fl.StringVar(&f.Format, "format", "table", "table, json or html")
	fl.StringVarP(&f.Output, "output", "o", "", "write the report here (default stdout)")
	fl.StringArrayVar(&f.Keys, "key", nil, "decryption key of encrypted logs, ID=FILE (repeatable)")
	fl.BoolVar(&f.KeepAccess, "keep-access", false, "use the logged access result instead of resolving roles with the candidate")
	fl.BoolVar(&f.FailOnChange, "fail-on-change", false, "exit 3 when any decision would change (for CI)")
	fl.BoolVar(&f.NoProgress, "no-progress", false, "no progress bar, even on a terminal")
	return cmd
}

// Replay runs a replay and writes the report.
func Replay(ctx context.Context, f ReplayFlags, stdout, stderr io.Writer) error {
	if len(f.Logs) == 0 {
		return errors.New("no decision logs: give --logs FILE")
	}
	switch f.Format {
	case "table", "json", "html":
	default:
		return fmt.Errorf("--format %q: want table, json or html", f.Format)
	}
	var keys *logs.Keyring
	if len(f.Keys) > 0 {
		var kcs []logs.KeyConfig
		for _, k := range f.Keys {
			id, file, ok := strings.Cut(k, "=")
			if !ok {
				return fmt.Errorf("--key %q: want ID=FILE", k)
			}
			kcs = append(kcs, logs.KeyConfig{ID: id, File: file})
		}
		var err error
		if keys, err = logs.LoadKeyring(kcs); err != nil {
			return err
		}
	}
	p, err := loadPolicy(ctx, f.Bundle)
	if err != nil {
		return err
	}
	cand := engine.New(engine.Options{})
	cand.Activate(p)
	opts := bundles.ReplayOptions{KeepAccess: f.KeepAccess}
	if f.Baseline != "" {
		bp, err := loadPolicy(ctx, f.Baseline)
		if err != nil {
			return err
		}
		opts.Baseline = engine.New(engine.Options{})
		opts.Baseline.Activate(bp)
	}
	r := bundles.NewReplayer(cand, opts)

	var total int64
	for _, path := range f.Logs {
		fi, err := os.Stat(path)
		if err != nil {
			return err
		}
		total += fi.Size()
	}
	bar := newProgress(stderr, total, !f.NoProgress)
	for _, path := range f.Logs {
		if err := replayFile(ctx, path, keys, r, bar); err != nil {
			bar.done()
			return err
		}
	}
	bar.done()
	rep := r.Report()

	out := stdout
	if f.Output != "" {
		file, err := os.Create(f.Output)
		if err != nil {
			return err
		}
		defer file.Close()
		out = file
	}
	switch f.Format {
	case "json":
		err = rep.WriteJSON(out)
	case "html":
		err = rep.WriteHTML(out)
	default:
		err = rep.WriteTable(out)
	}
	if err != nil {
		return err
	}
	if f.Output != "" {
		fmt.Fprintf(stderr, "%d decisions replayed, %d would change: %s\n", rep.Decisions, rep.Changed, f.Output)
	}
	if f.FailOnChange && rep.Changed > 0 {
		return &policy.ExitError{Code: ExitChanged, Err: fmt.Errorf("%d of %d decisions would change", rep.Changed, rep.Decisions)}
	}
	return nil
}

// countingReader counts the bytes read through it, for the progress bar.
type countingReader struct {
	r   io.Reader
	bar *progress
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.bar.add(int64(n))
	return n, err
}

func replayFile(ctx context.Context, path string, keys *logs.Keyring, r *bundles.Replayer, bar *progress) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	var in io.Reader = &countingReader{r: file, bar: bar}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(in)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		in = zr
	}
	return ReadLogCases(in, path, keys, func(c *bundles.ReplayCase, where, skip string) error {
		if skip != "" {
			r.Skip(where, skip)
			return nil
		}
		bar.decision()
		return r.Add(ctx, c)
	})
}

// logLine is the envelope of a logged event; input and result may be
// sealed (encrypted) objects.
type logLine struct {
	Type       string                         `json:"type"`
	DecisionID string                         `json:"decision_id"`
	Timestamp  time.Time                      `json:"timestamp"`
	Bundles    map[string]logs.BundleRevision `json:"bundles"`
	Input      json.RawMessage                `json:"input"`
	Result     json.RawMessage                `json:"result"`
	Sealed     json.RawMessage                `json:"sealed"`
}

func sealed(raw json.RawMessage) bool {
	var probe struct {
		Enc string `json:"enc"`
		CT  string `json:"ct"`
	}
	return len(raw) > 0 && raw[0] == '{' && json.Unmarshal(raw, &probe) == nil && probe.Enc != "" && probe.CT != ""
}

// ReadLogCases reads a decision log and calls fn with each event as a
// replay case, or with why it was skipped. Checkpoint lines are passed
// over; encrypted events are opened with keys when given.
func ReadLogCases(r io.Reader, name string, keys *logs.Keyring, fn func(c *bundles.ReplayCase, where, skip string) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, err := readLine(br)
		if err == io.EOF && len(line) == 0 {
			return nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		c, skip := parseLogLine(line, keys)
		if c == nil && skip == "" {
			continue // a checkpoint
		}
		if c != nil {
			where = c.DecisionID
		}
		if err := fn(c, where, skip); err != nil {
			return err
		}
	}
}

func readLine(br *bufio.Reader) ([]byte, error) {
	var out []byte
	for {
		chunk, err := br.ReadSlice('\n')
		out = append(out, chunk...)
		if len(out) > logs.MaxLineBytes {
			return nil, fmt.Errorf("a line is over %d bytes", logs.MaxLineBytes)
		}
		if err != bufio.ErrBufferFull {
			return out, err
		}
	}
}

func parseLogLine(line []byte, keys *logs.Keyring) (*bundles.ReplayCase, string) {
	var ll logLine
	if err := json.Unmarshal(line, &ll); err != nil {
		return nil, "not a JSON event: " + err.Error()
	}
	if ll.Type == "checkpoint" {
		return nil, ""
	}
	if len(ll.Sealed) > 0 || sealed(ll.Input) || sealed(ll.Result) {
		if keys == nil {
			return nil, "encrypted: give its key with --key ID=FILE"
		}
		clear, err := logs.Decrypt(line, keys)
		if err != nil {
			return nil, "cannot decrypt: " + err.Error()
		}
		ll = logLine{}
		if err := json.Unmarshal(clear, &ll); err != nil {
			return nil, "not a JSON event once decrypted: " + err.Error()
		}
	}
	if len(ll.Input) == 0 || string(ll.Input) == "null" {
		return nil, "logged without its input (a mask policy erased it)"
	}
	var in logs.Input
	if err := json.Unmarshal(ll.Input, &in); err != nil {
		return nil, "input: " + err.Error()
	}
	var res logs.Result
	if len(ll.Result) > 0 {
		if err := json.Unmarshal(ll.Result, &res); err != nil {
			return nil, "result: " + err.Error()
		}
	}
	if in.Analysis == nil || in.Access == nil {
		return nil, "no facts logged: the engine failed closed before analysis (" + res.Effect + ")"
	}
	if why := implausible(&in); why != "" {
		return nil, why
	}
	c := &bundles.ReplayCase{DecisionID: ll.DecisionID, Time: ll.Timestamp, Request: requestFrom(&in), Facts: factsFrom(&in)}
	c.Old = bundles.DecisionSummary{Effect: res.Effect, Route: res.Route, Reasons: make([]bundles.ReasonSummary, len(res.Reasons))}
	for i, r := range res.Reasons {
		c.Old.Reasons[i] = bundles.ReasonSummary{ID: r.ID, Effect: r.Effect}
	}
	for name, br := range ll.Bundles {
		c.Old.Bundle = engine.BundleInfo{Name: name, Revision: br.Revision}
	}
	return c, ""
}

// maxReplayChars bounds a logged text's length (the engine's own limit
// is 1 MiB per field): a placeholder is built for it.
const maxReplayChars = 1 << 20

// implausible refuses a logged input the engine could not have decided,
// before a placeholder text is built for it.
func implausible(in *logs.Input) string {
	fields := make([]logs.TextField, 0, len(in.Messages)+len(in.Context.Documents)+2)
	fields = append(fields, in.Messages...)
	if in.Response != nil {
		fields = append(fields, in.Response.Content)
		if in.Response.Reasoning != nil {
			fields = append(fields, *in.Response.Reasoning)
		}
	}
	for _, d := range in.Context.Documents {
		fields = append(fields, d.TextField)
	}
	if len(fields) > 2048 {
		return "too many text fields to be a logged decision"
	}
	total := 0
	for _, f := range fields {
		if f.Chars < 0 || f.Chars > maxReplayChars {
			return "a text field's length is out of range"
		}
		if f.Text == nil {
			total += f.Chars
		}
	}
	if total > 16*maxReplayChars {
		return "the texts are too long to be a logged decision"
	}
	return ""
}

// text stands for a logged text field: its redacted text when the log
// kept it, else a placeholder of its length.
func text(tf logs.TextField) string {
	if tf.Text != nil {
		return *tf.Text
	}
	return strings.Repeat("x", tf.Chars)
}

func requestFrom(in *logs.Input) *engine.Request {
	req := &engine.Request{Phase: in.Phase, Subject: in.Subject, Resource: in.Resource, Purpose: in.Purpose}
	for _, m := range in.Messages {
		req.Messages = append(req.Messages, engine.Message{Role: m.Role, Name: m.Name, ToolCallID: m.ToolCallID, Content: text(m)})
	}
	if in.Response != nil {
		req.Response = &engine.Response{Content: text(in.Response.Content)}
		if in.Response.Reasoning != nil {
			req.Response.Reasoning = text(*in.Response.Reasoning)
		}
	}
	req.Context = engine.Context{Classification: in.Context.Classification, ConversationID: in.Context.ConversationID,
		RequestID: in.Context.RequestID, Labels: in.Context.Labels}
	for _, d := range in.Context.Documents {
		req.Context.Documents = append(req.Context.Documents, engine.Document{ID: d.ID, Classification: d.Classification, Source: d.Source, Text: text(d.TextField)})
	}
	req.Attachments = in.Attachments
	return req
}

func factsFrom(in *logs.Input) *engine.Facts {
	f := &engine.Facts{Access: *in.Access, Signals: in.Analysis.Signals}
	for _, x := range in.Analysis.Findings {
		f.Findings = append(f.Findings, analysis.Finding{Detector: x.Detector, Category: x.Category, Type: x.Type, Field: x.Field,
			Source: x.Source, Start: x.Start, End: x.End, Score: x.Score, ByteStart: -1, ByteEnd: -1})
	}
	return f
}

// progress draws a progress bar on a terminal: bytes read of the total,
// and decisions replayed.
type progress struct {
	w         io.Writer
	on        bool
	total     int64
	read      int64
	decisions int64
	last      time.Time
}

func newProgress(w io.Writer, total int64, want bool) *progress {
	p := &progress{w: w, total: total}
	if f, ok := w.(*os.File); ok && want && term.IsTerminal(int(f.Fd())) {
		p.on = true
	}
	return p
}

func (p *progress) add(n int64) {
	p.read += n
	p.draw(false)
}

func (p *progress) decision() { p.decisions++ }

func (p *progress) draw(force bool) {
	if !p.on || (!force && time.Since(p.last) < 100*time.Millisecond) {
		return
	}
	p.last = time.Now()
	frac := 1.0
	if p.total > 0 {
		frac = min(float64(p.read)/float64(p.total), 1)
	}
	const width = 30
	fill := int(frac * width)
	fmt.Fprintf(p.w, "\rreplaying [%s%s] %3d%%  %d decisions", strings.Repeat("#", fill), strings.Repeat("-", width-fill), int(frac*100), p.decisions)
}

func (p *progress) done() {
	if !p.on {
		return
	}
	p.read = p.total
	p.draw(true)
	fmt.Fprintln(p.w)
}
