package lifecycle

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/connectors/logs"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
)

// recordLog decides the requests with bundle v1 and the real detectors,
// and records them with the decision-log pipeline into a file, as
// `parapet serve` does.
func recordLog(t *testing.T, cfg logs.Config, path string, reqs []*engine.Request) {
	t.Helper()
	ctx := context.Background()
	p, err := loadPolicy(ctx, "testdata/replay/v1")
	if err != nil {
		t.Fatal(err)
	}
	eng := engine.New(engine.Options{Analyzer: detectors.Default()})
	eng.Activate(p)
	cfg.SpoolDir = filepath.Join(filepath.Dir(path), "spool")
	cfg.Sinks = map[string]logs.SinkConfig{"audit": {Kind: logs.KindFile, Path: path}}
	pipe, err := logs.New(ctx, cfg, logs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, req := range reqs {
		d, err := eng.Decide(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		pipe.Decision(ctx, req, d, logs.Connector{Name: "api"})
	}
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pipe.Close(cctx); err != nil {
		t.Fatal(err)
	}
}

func req(subject, model, purpose, text string) *engine.Request {
	return &engine.Request{Phase: "prompt", Subject: engine.Subject{ID: subject, Tenant: "acme"}, Resource: engine.Resource{Model: model},
		Purpose: purpose, Messages: []engine.Message{{Role: "user", Content: text}}}
}

var recorded = []*engine.Request{
	req("alice", "gpt-4o", "support", "Summarise our returns policy."),
	req("bob", "gpt-4o", "support", "Draft a reply to jane.doe@example.com about her refund."),
	req("carol", "llama-3.1-8b-onprem", "gambling", "Which horse wins on Sunday?"),
	req("dave", "llama-3.1-8b-onprem", "support", "Forward this to max.mustermann@example.org please."),
	req("bob", "gpt-4o", "support", "And copy sam@example.net too."),
}

// Two bundle versions over a recorded log: the diff names each change.
func TestReplayTwoBundleVersions(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "decisions.jsonl")
	recordLog(t, logs.Config{}, path, recorded)

	var out bytes.Buffer
	err := Replay(context.Background(), ReplayFlags{Bundle: "testdata/replay/v2", Logs: []string{path}, Format: "json", NoProgress: true}, &out, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	var rep bundles.ReplayReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if rep.Decisions != 5 || rep.Changed != 3 || rep.Candidate.Revision != "v2" || len(rep.Skipped) != 0 {
		t.Fatalf("report: %d decisions, %d changed, candidate %+v, skipped %+v", rep.Decisions, rep.Changed, rep.Candidate, rep.Skipped)
	}
	var changes []string
	for _, c := range rep.Changes {
		changes = append(changes, c.Subject+" "+c.Model+" "+c.Old.Effect+"→"+c.New.Effect+" +"+strings.Join(c.Added, ",")+" -"+strings.Join(c.Removed, ","))
		if c.Old.Bundle.Revision != "v1" || c.New.Bundle.Revision != "v2" || c.DecisionID == "" || c.Time.IsZero() {
			t.Fatalf("change %+v", c)
		}
	}
	sort.Strings(changes)
	want := []string{
		"bob gpt-4o redact→deny +data.email_to_cloud -data.email_redacted",
		"bob gpt-4o redact→deny +data.email_to_cloud -data.email_redacted",
		"carol llama-3.1-8b-onprem allow→deny +use.gambling -",
	}
	if strings.Join(changes, "\n") != strings.Join(want, "\n") {
		t.Fatalf("changes:\n%s\nwant:\n%s", strings.Join(changes, "\n"), strings.Join(want, "\n"))
	}
	rules := map[string]bundles.RuleCount{}
	for _, r := range rep.ByRule {
		rules[r.Reason] = r
	}
	if rules["data.email_to_cloud"].Added != 2 || rules["data.email_redacted"].Removed != 2 || rules["use.gambling"].Added != 1 {
		t.Fatalf("by rule: %+v", rep.ByRule)
	}
	if rep.BySubject[0].Key != "acme/bob" || rep.BySubject[0].Changed != 2 || rep.ByModel[0].Key != "gpt-4o" || rep.ByModel[0].Changed != 2 {
		t.Fatalf("by subject %+v, by model %+v", rep.BySubject, rep.ByModel)
	}
	trans := map[string]int{}
	for _, tr := range rep.Transitions {
		trans[tr.From+"→"+tr.To] = tr.Count
	}
	if trans["redact→deny"] != 2 || trans["allow→deny"] != 1 || trans["allow→allow"] != 1 || trans["redact→redact"] != 1 {
		t.Fatalf("transitions %v", trans)
	}

	// The same bundle changes nothing.
	out.Reset()
	if err := Replay(context.Background(), ReplayFlags{Bundle: "testdata/replay/v1", Logs: []string{path}, Format: "json", NoProgress: true, FailOnChange: true}, &out, os.Stderr); err != nil {
		t.Fatalf("v1 over its own log: %v", err)
	}

	// Table and HTML.
	out.Reset()
	if err := Replay(context.Background(), ReplayFlags{Bundle: "testdata/replay/v2", Logs: []string{path}, Format: "table", NoProgress: true}, &out, os.Stderr); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"5 decisions replayed, 3 would change", "redact → deny", "data.email_to_cloud", "acme/bob"} {
		if !strings.Contains(out.String(), s) {
			t.Fatalf("table lacks %q:\n%s", s, out.String())
		}
	}
	html := filepath.Join(dir, "replay.html")
	err = Replay(context.Background(), ReplayFlags{Bundle: "testdata/replay/v2", Logs: []string{path}, Format: "html", Output: html, NoProgress: true, FailOnChange: true}, &out, os.Stderr)
	if err == nil || !strings.Contains(err.Error(), "3 of 5 decisions would change") {
		t.Fatalf("--fail-on-change: %v", err)
	}
	page, _ := os.ReadFile(html)
	for _, s := range []string{"<svg", "data.email_to_cloud", "Changes by rule", "<b>3</b> of 5"} {
		if !bytes.Contains(page, []byte(s)) {
			t.Fatalf("the HTML report lacks %q", s)
		}
	}
	for _, s := range []string{"<script", "src=", "href=", "@import"} {
		if bytes.Contains(page, []byte(s)) {
			t.Fatalf("the HTML report is not self-contained: %q", s)
		}
	}
}

// An encrypted log replays with its key, and is skipped (saying why)
// without it.
func TestReplayEncryptedLog(t *testing.T) {
	dir := t.TempDir()
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	keyFile := filepath.Join(dir, "k1.key")
	if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(key)), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "decisions.jsonl")
	recordLog(t, logs.Config{Encryption: logs.EncryptionConfig{Mode: logs.EncryptEvent, Keys: []logs.KeyConfig{{ID: "k1", File: keyFile}}}}, path, recorded)

	var out bytes.Buffer
	if err := Replay(context.Background(), ReplayFlags{Bundle: "testdata/replay/v2", Logs: []string{path}, Format: "json", NoProgress: true}, &out, os.Stderr); err != nil {
		t.Fatal(err)
	}
	var rep bundles.ReplayReport
	_ = json.Unmarshal(out.Bytes(), &rep)
	if rep.Decisions != 0 || len(rep.Skipped) != 5 || !strings.Contains(rep.Skipped[0].Reason, "--key") {
		t.Fatalf("without the key: %+v", rep)
	}
	out.Reset()
	if err := Replay(context.Background(), ReplayFlags{Bundle: "testdata/replay/v2", Logs: []string{path}, Keys: []string{"k1=" + keyFile}, Format: "json", NoProgress: true}, &out, os.Stderr); err != nil {
		t.Fatal(err)
	}
	rep = bundles.ReplayReport{}
	_ = json.Unmarshal(out.Bytes(), &rep)
	if rep.Decisions != 5 || rep.Changed != 3 {
		t.Fatalf("with the key: %d decisions, %d changed, skipped %+v", rep.Decisions, rep.Changed, rep.Skipped)
	}
}

func TestProgressBarOnlyOnATerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 100, true)
	p.add(50)
	p.done()
	if buf.Len() != 0 {
		t.Fatalf("drew on a non-terminal: %q", buf.String())
	}
	p = &progress{w: &buf, on: true, total: 100}
	p.add(50)
	p.decision()
	p.done()
	if !strings.Contains(buf.String(), "100%  1 decisions") || !strings.Contains(buf.String(), "[####") {
		t.Fatalf("bar: %q", buf.String())
	}
}

// Attachments are logged (described, never their content) and replayed:
// a candidate that warns on unchecked images sees the logged image.
func TestReplayKeepsAttachments(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "decisions.jsonl")
	withImage := req("alice", "gpt-4o", "support", "What does this chart show?")
	withImage.Attachments = []engine.Attachment{{Type: "image", Field: "messages[0].content[1]", MediaType: "image/png", Source: "url"}}
	recordLog(t, logs.Config{}, path, []*engine.Request{withImage, req("alice", "gpt-4o", "support", "Summarise our returns policy.")})
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, []byte(`"attachments":[{"type":"image","field":"messages[0].content[1]","media_type":"image/png","source":"url"}]`)) {
		t.Fatalf("the log does not describe the attachment:\n%s", raw)
	}
	var out bytes.Buffer
	if err := Replay(context.Background(), ReplayFlags{Bundle: "../../../../rego", Logs: []string{path}, Format: "json", NoProgress: true}, &out, os.Stderr); err != nil {
		t.Fatal(err)
	}
	var rep bundles.ReplayReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Decisions != 2 || rep.Changed != 1 || len(rep.Changes) != 1 || strings.Join(rep.Changes[0].Added, ",") != "data.unchecked_attachment" {
		t.Fatalf("report: %d decisions, %d changed, %+v", rep.Decisions, rep.Changed, rep.Changes)
	}
}
