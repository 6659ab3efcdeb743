package logs_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/goleak"

	"github.com/parapet-dev/parapet/connectors/logs"
	"github.com/parapet-dev/parapet/engine"
)

func TestConfigValidateReportsEverything(t *testing.T) {
	c := logs.Config{
		Backpressure: "maybe",
		Masking:      logs.MaskingConfig{Text: "raw", FullCapture: []string{"review", "nope"}},
		Encryption:   logs.EncryptionConfig{Mode: "event"},
		Sinks: map[string]logs.SinkConfig{
			"f":   {Kind: logs.KindFile, Fsync: "sometimes"},
			"h":   {Kind: logs.KindHTTP, URL: "ftp://x"},
			"k":   {Kind: logs.KindKafka, SASL: logs.SASLConfig{Mechanism: "plain"}},
			"a":   {Kind: logs.KindAlert, URL: "https://hooks.example/x", MinSeverity: "urgent"},
			"bad": {Kind: "syslog"},
		},
	}
	err := c.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"logs.backpressure", "logs.spool_dir", "logs.masking.text", "logs.masking.full_capture[1]",
		"logs.masking.full_capture: full capture", "logs.encryption.keys", "logs.sinks.f.path", "logs.sinks.f.fsync",
		"logs.sinks.h.url", "logs.sinks.k.brokers", "logs.sinks.k.topic", "logs.sinks.k.sasl", "logs.sinks.a.min_severity",
		"logs.sinks.bad.kind",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
	ok := logs.Config{SpoolDir: "/tmp/x", Sinks: map[string]logs.SinkConfig{"c": {Kind: logs.KindConsole}},
		Masking: logs.MaskingConfig{HMACKey: "0123456789abcdef-secret"}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	if eff := ok.Effective(); strings.Contains(eff, "0123456789abcdef") || !strings.Contains(eff, "(sensitive)") {
		t.Fatalf("effective config shows the key: %s", eff)
	}
}

// slack is a Slack-compatible incoming webhook on loopback.
type slack struct {
	mu   sync.Mutex
	msgs []logs.SlackMessage
}

func (s *slack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var m logs.SlackMessage
	b, _ := io.ReadAll(r.Body)
	if r.Header.Get("Content-Type") != "application/json" || json.Unmarshal(b, &m) != nil || m.Text == "" {
		http.Error(w, "bad", 400)
		return
	}
	s.mu.Lock()
	s.msgs = append(s.msgs, m)
	s.mu.Unlock()
}

func TestAlertSink(t *testing.T) {
	hook := &slack{}
	ts := httptest.NewServer(hook)
	defer ts.Close()
	dir := t.TempDir()
	cfg := logs.Config{
		SpoolDir: filepath.Join(dir, "spool"),
		Sinks: map[string]logs.SinkConfig{"page": {Kind: logs.KindAlert, URL: ts.URL, MinSeverity: "high",
			RatePerMinute: 2, BatchSize: 1, FlushInterval: logs.Duration(time.Millisecond)}},
	}
	ctx := context.Background()
	reg := prometheus.NewRegistry()
	p, err := logs.New(ctx, cfg, logs.Options{Registerer: reg})
	must(t, err)
	secret := &engine.Request{Phase: "prompt", Subject: engine.Subject{ID: "bob", Tenant: "acme"},
		Resource: engine.Resource{Model: "gpt-4o"}, Messages: []engine.Message{{Role: "user", Content: "key " + rawKey + " for walrus"}}}
	d := decide(t, secret)
	if d.Effect != engine.EffectDeny {
		t.Fatalf("effect %s (%+v)", d.Effect, d.Reasons)
	}
	low := redactRequest() // medium severity: below the threshold
	dl := decide(t, low)
	for range 5 {
		p.Decision(ctx, low, dl, logs.Connector{Name: "api"})
		p.Decision(ctx, secret, d, logs.Connector{Name: "proxy"})
	}
	must(t, p.Close(ctx))
	hook.mu.Lock()
	defer hook.mu.Unlock()
	if len(hook.msgs) != 2 {
		t.Fatalf("%d messages, want 2 (the rate limit's burst)", len(hook.msgs))
	}
	b, _ := json.Marshal(hook.msgs)
	if !strings.Contains(string(b), d.DecisionID) || strings.Contains(string(b), dl.DecisionID) || strings.Contains(string(b), "walrus") || strings.Contains(string(b), rawKey) {
		t.Fatalf("alerts: %s", b)
	}
}

func TestBackpressureDropNeverWaits(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	// A collector that hangs: the sink's writes time out, its queue fills.
	block := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-block }))
	defer ts.Close()
	defer close(block)
	dir := t.TempDir()
	cfg := logs.Config{
		SpoolDir: filepath.Join(dir, "spool"), Backpressure: logs.BackpressureDrop,
		Sinks: map[string]logs.SinkConfig{"h": {Kind: logs.KindHTTP, URL: ts.URL, QueueSize: 10, BatchSize: 5, Timeout: logs.Duration(time.Second)}},
	}
	ctx := context.Background()
	reg := prometheus.NewRegistry()
	p, err := logs.New(ctx, cfg, logs.Options{Registerer: reg})
	must(t, err)
	req := redactRequest()
	d := decide(t, req)
	t0 := time.Now()
	for range 3000 {
		p.Decision(ctx, req, d, logs.Connector{Name: "api"})
	}
	if el := time.Since(t0); el > 2*time.Second {
		t.Fatalf("3000 records took %v with a hung sink", el)
	}
	waitFor(t, "drops counted", func() bool {
		mfs, _ := reg.Gather()
		for _, mf := range mfs {
			if mf.GetName() == "parapet_log_events_dropped_total" {
				for _, m := range mf.GetMetric() {
					if m.GetCounter().GetValue() > 0 {
						return true
					}
				}
			}
		}
		return false
	})
	cctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	p.Close(cctx) // the sink is still hung: what is left goes to the spool
}

func TestBlockModeLosesNothingAndStopsCleanly(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	rc := newReceiver(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "d.jsonl")
	cfg := logs.Config{
		SpoolDir: filepath.Join(dir, "spool"),
		Sinks: map[string]logs.SinkConfig{
			"h": {Kind: logs.KindHTTP, URL: rc.url(), QueueSize: 4, BatchSize: 3},
			"f": {Kind: logs.KindFile, Path: path, QueueSize: 2, BatchSize: 2},
			"c": {Kind: logs.KindConsole, Stream: "stderr", QueueSize: 1},
		},
	}
	ctx := context.Background()
	p, err := logs.New(ctx, cfg, logs.Options{})
	must(t, err)
	req := redactRequest()
	d := decide(t, req)
	var wg sync.WaitGroup
	ids := make(chan string, 400)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				d2 := *d
				d2.DecisionID = newID(t)
				ids <- d2.DecisionID
				p.Decision(ctx, req, &d2, logs.Connector{Name: "api"})
			}
		}()
	}
	wg.Wait()
	close(ids)
	must(t, p.Close(ctx))
	if err := p.Record(ctx, logs.Event{}); err != logs.ErrClosed {
		t.Fatalf("Record after Close: %v", err)
	}
	got, _ := rc.count()
	for id := range ids {
		if got[id] != 1 {
			t.Fatalf("%s delivered %d times", id, got[id])
		}
	}
	rep, err := logs.Verify([]string{path}, logs.VerifyOptions{})
	must(t, err)
	if !rep.OK() || rep.Events != 400 {
		t.Fatalf("verify: %d events %v", rep.Events, rep.Problems)
	}
	rc.stop()
}

func TestNoSinksIsANoOp(t *testing.T) {
	p, err := logs.New(context.Background(), logs.Config{}, logs.Options{})
	must(t, err)
	if p.Enabled() {
		t.Fatal("enabled without sinks")
	}
	p.Decision(context.Background(), redactRequest(), &engine.Decision{DecisionID: "x"}, logs.Connector{})
	must(t, p.Close(context.Background()))
	must(t, p.Close(context.Background()))
}

func TestNewUnwindsOnFailure(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	dir := t.TempDir()
	cfg := logs.Config{
		SpoolDir: filepath.Join(dir, "spool"),
		Sinks: map[string]logs.SinkConfig{
			"a": {Kind: logs.KindFile, Path: filepath.Join(dir, "ok.jsonl")},
			"b": {Kind: logs.KindHTTP, URL: "https://127.0.0.1:1/logs", TLS: logs.TLSConfig{CAFile: filepath.Join(dir, "missing.pem")}},
		},
	}
	if _, err := logs.New(context.Background(), cfg, logs.Options{}); err == nil || !strings.Contains(err.Error(), "logs.sinks.b") {
		t.Fatalf("err %v", err)
	}
	// The chain state and the first sink were closed: a second start works.
	delete(cfg.Sinks, "b")
	p, err := logs.New(context.Background(), cfg, logs.Options{})
	must(t, err)
	must(t, p.Close(context.Background()))
}
