package logs_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parapet-dev/parapet/connectors/api"
	"github.com/parapet-dev/parapet/connectors/logs"
	"github.com/parapet-dev/parapet/engine"
)

// receiver is an OPA-compatible decision-log collector on loopback: it
// takes gzip JSON arrays of events on POST /logs and counts every
// decision id. It can be stopped and started again on the same address.
type receiver struct {
	t    testing.TB
	addr string

	mu     sync.Mutex
	ids    map[string]int
	raw    bytes.Buffer // every decompressed body, for the leak grep
	posts  int
	srv    *http.Server
	served chan struct{}
}

func newReceiver(t testing.TB) *receiver {
	r := &receiver{t: t, ids: map[string]int{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	r.addr = ln.Addr().String()
	r.serve(ln)
	t.Cleanup(r.stop)
	return r
}

func (r *receiver) url() string { return "http://" + r.addr + "/logs" }

func (r *receiver) serve(ln net.Listener) {
	r.srv = &http.Server{Handler: http.HandlerFunc(r.handle), ReadHeaderTimeout: 5 * time.Second}
	r.served = make(chan struct{})
	go func(s *http.Server, done chan struct{}) {
		defer close(done)
		s.Serve(ln)
	}(r.srv, r.served)
}

func (r *receiver) handle(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodPost || req.URL.Path != "/logs" || req.Header.Get("Content-Encoding") != "gzip" || req.Header.Get("Content-Type") != "application/json" {
		http.Error(w, "bad upload", http.StatusBadRequest)
		return
	}
	zr, err := gzip.NewReader(req.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var events []struct {
		DecisionID string `json:"decision_id"`
		Path       string `json:"path"`
	}
	if err := json.Unmarshal(body, &events); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.posts++
	r.raw.Write(body)
	for _, e := range events {
		if e.Path != logs.DecisionPath {
			r.t.Errorf("event %s has path %q", e.DecisionID, e.Path)
		}
		r.ids[e.DecisionID]++
	}
	w.WriteHeader(http.StatusOK)
}

// stop shuts the receiver down gracefully: uploads in flight get their
// answer, later ones are refused.
func (r *receiver) stop() {
	if r.srv == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	r.srv.Shutdown(ctx)
	<-r.served
	r.srv = nil
}

func (r *receiver) start() {
	ln, err := net.Listen("tcp", r.addr)
	must(r.t, err)
	r.serve(ln)
}

func (r *receiver) count() (ids map[string]int, raw []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ids = make(map[string]int, len(r.ids))
	for k, v := range r.ids {
		ids[k] = v
	}
	return ids, bytes.Clone(r.raw.Bytes())
}

// inputs are the test requests; each holds text that must never reach a
// sink: an email, an AWS-style key, and the prompt's own words.
type input struct {
	body  string
	words []string
}

func testInputs(i int) input {
	email := fmt.Sprintf("customer%04d@example.org", i)
	word := fmt.Sprintf("zebracorn%05d", i)
	switch i % 4 {
	case 0: // redact: email to a cloud model
		return input{fmt.Sprintf(`{"phase":"prompt","subject":{"id":"alice","tenant":"acme"},"resource":{"model":"gpt-4o"},"messages":[{"role":"user","content":"Tell %s about %s refunds"}]}`, email, word), []string{email, word}}
	case 1: // deny: a secret
		key := awsKey(i)
		return input{fmt.Sprintf(`{"phase":"prompt","subject":{"id":"bob","tenant":"acme"},"resource":{"model":"gpt-4o"},"messages":[{"role":"user","content":"use aws_access_key_id = %s for %s"}]}`, key, word), []string{key, word}}
	case 2: // allow: on-prem model
		return input{fmt.Sprintf(`{"phase":"prompt","subject":{"id":"carol","tenant":"acme"},"resource":{"model":"llama-3.1-8b-onprem"},"messages":[{"role":"user","content":"Summarise the %s returns policy"}]}`, word), []string{word}}
	default: // response phase
		return input{fmt.Sprintf(`{"phase":"response","subject":{"id":"alice","tenant":"acme"},"resource":{"model":"gpt-4o"},"messages":[{"role":"user","content":"hi %s"}],"response":{"content":"Write to %s about %s"}}`, word, email, word), []string{email, word}}
	}
}

// leakRE matches the raw text of any test input.
var leakRE = regexp.MustCompile(`zebracorn|customer[0-9]{4}@example\.org|AKIA[A-Z2-7]{16}|refunds|returns policy`)

// awsKey makes a distinct AWS-style access key id for input i.
func awsKey(i int) string {
	const alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b := []byte("AKIAQ7ZX3MWP5TRLNKVD")
	for j := 19; i > 0 && j > 8; j-- {
		b[j] = alpha[i%32]
		i /= 32
	}
	return string(b)
}

// postDecide asks the server for one decision and returns its id.
func postDecide(client *http.Client, url, body string) (string, error) {
	resp, err := client.Post(url+"/v1/decide", "application/json", strings.NewReader(body))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var d struct {
		DecisionID string `json:"decision_id"`
	}
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		return "", fmt.Errorf("status %d: %s", resp.StatusCode, raw)
	}
	if err := json.Unmarshal(raw, &d); err != nil || d.DecisionID == "" {
		return "", fmt.Errorf("bad decision %s", raw)
	}
	return d.DecisionID, nil
}

// server is the decision API on loopback with the pipeline as its
// OnDecision hook; the pipeline can be swapped (a restart).
type server struct {
	url  string
	pipe atomic.Pointer[logs.Pipeline]
	hs   *http.Server
}

func newServer(t testing.TB) *server {
	s := &server{}
	srv := api.New(defaultEngine(t), api.Options{OnDecision: func(ctx context.Context, req *engine.Request, d *engine.Decision, c *api.Caller) {
		conn := logs.Connector{Name: "api"}
		if c != nil {
			conn.KeyID = c.KeyID
		}
		s.pipe.Load().Decision(ctx, req, d, conn)
	}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	s.url = "http://" + ln.Addr().String()
	s.hs = &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go s.hs.Serve(ln)
	t.Cleanup(func() { s.hs.Close() })
	return s
}

// load sends decisions [from, to) with 8 workers and records each id.
func load(t testing.TB, s *server, from, to int, ids []string) {
	t.Helper()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}, Timeout: 60 * time.Second}
	defer client.CloseIdleConnections()
	var next atomic.Int64
	next.Store(int64(from))
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= to {
					return
				}
				id, err := postDecide(client, s.url, testInputs(i).body)
				if err != nil {
					errs <- fmt.Errorf("decision %d: %w", i, err)
					return
				}
				ids[i] = id
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// TestEndToEnd is the acceptance run: decisions through the
// decision API with a file sink and an HTTP sink, the HTTP receiver down
// for part of the run, the pipeline restarted once. Every decision id
// reaches the receiver exactly once, the file logs verify (rotated
// files included), one flipped byte is caught and named, and no raw
// email, key or prompt text is in any sink's bytes or the spool.
func TestEndToEnd(t *testing.T) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("PARAPET_E2E_DECISIONS")); err == nil {
		n = v
	}
	if raceEnabled || testing.Short() {
		n = 1200 // the race detector makes each decision ~10x slower
	}
	dir := t.TempDir()
	k := writeKeys(t, dir)
	rc := newReceiver(t)
	path := filepath.Join(dir, "logs", "decisions.jsonl")
	cfg := logs.Config{
		SpoolDir: filepath.Join(dir, "spool"),
		Sinks: map[string]logs.SinkConfig{
			"audit":     {Kind: logs.KindFile, Path: path, MaxBytes: 1 << 20},
			"collector": {Kind: logs.KindHTTP, URL: rc.url(), BatchSize: 200, RetryMin: logs.Duration(20 * time.Millisecond), RetryMax: logs.Duration(200 * time.Millisecond)},
		},
		Masking: logs.MaskingConfig{HMACKeyFile: k.HMAC},
		Chain:   logs.ChainConfig{SigningKeyFile: k.Signing, CheckpointEvery: 500},
	}
	ctx := context.Background()
	reg := prometheus.NewRegistry()
	p, err := logs.New(ctx, cfg, logs.Options{Registerer: reg, Version: "test"})
	must(t, err)
	s := newServer(t)
	s.pipe.Store(p)
	ids := make([]string, n)

	q := n / 4
	load(t, s, 0, q, ids) // receiver up
	rc.stop()
	load(t, s, q, 2*q, ids) // receiver down: the HTTP sink spools
	waitFor(t, "events spooled", func() bool {
		return gauge(reg, "parapet_log_events_spooled", "collector") > 0
	})
	// Restart while the receiver is still down: the spool must survive.
	cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	must(t, p.Close(cctx))
	cancel()
	reg = prometheus.NewRegistry()
	p, err = logs.New(ctx, cfg, logs.Options{Registerer: reg, Version: "test"})
	must(t, err)
	s.pipe.Store(p)
	load(t, s, 2*q, 3*q, ids)
	rc.start() // the receiver is back: the spool is replayed
	load(t, s, 3*q, n, ids)
	cctx, cancel = context.WithTimeout(ctx, 30*time.Second)
	must(t, p.Close(cctx))
	cancel()

	got, raw := rc.count()
	for i, id := range ids {
		if got[id] != 1 {
			t.Fatalf("decision %d (%s) reached the receiver %d times", i, id, got[id])
		}
	}
	if len(got) != n {
		t.Fatalf("receiver has %d decision ids, want %d", len(got), n)
	}

	files := logFiles(t, path)
	if len(files) < 2 {
		t.Fatalf("want rotated files, got %v", files)
	}
	pub, err := logs.ReadPublicKey(k.Public)
	must(t, err)
	rep, err := logs.Verify(files, logs.VerifyOptions{PublicKeys: []ed25519.PublicKey{pub}, RequireSigned: true})
	must(t, err)
	if !rep.OK() || rep.Events != n {
		t.Fatalf("verify: %d events, problems %v", rep.Events, rep.Problems)
	}
	t.Logf("%d decisions, %d files, chains %v, %d uploads", n, len(files), len(rep.Chains), rc.posts)

	// No raw text in any sink's bytes, nor in the spool.
	var all bytes.Buffer
	all.Write(raw)
	for _, f := range files {
		b, err := os.ReadFile(f)
		must(t, err)
		all.Write(b)
	}
	filepath.Walk(cfg.SpoolDir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			b, _ := os.ReadFile(p)
			all.Write(b)
		}
		return nil
	})
	// One pass over everything for each kind of raw text, then a spot
	// check of exact values.
	hay := all.Bytes()
	if m := leakRE.Find(hay); m != nil {
		t.Fatalf("raw text %q of a test input is in the logs", m)
	}
	for i := 0; i < n; i += 97 {
		for _, w := range testInputs(i).words {
			if bytes.Contains(hay, []byte(w)) {
				t.Fatalf("raw text %q of input %d is in the logs", w, i)
			}
		}
	}

	// Flip one byte of one event in the middle of a rotated file.
	victim := files[len(files)/2]
	b, err := os.ReadFile(victim)
	must(t, err)
	lines := bytes.SplitAfter(b, []byte("\n"))
	li := len(lines) / 2
	for bytes.HasPrefix(lines[li], []byte(`{"type":"checkpoint"`)) {
		li++
	}
	line := lines[li]
	ev, err := logs.ParseLine(line)
	must(t, err)
	at := bytes.Index(line, []byte(`"effect":"`)) + len(`"effect":"`)
	line[at] ^= 0x01 // deny → eeny, allow → `llow: still valid JSON
	must(t, os.WriteFile(victim, bytes.Join(lines, nil), 0o640))
	rep, err = logs.Verify(files, logs.VerifyOptions{PublicKeys: []ed25519.PublicKey{pub}})
	must(t, err)
	if rep.OK() {
		t.Fatal("verify passed after a byte was flipped")
	}
	first := rep.Problems[0]
	if first.File != victim || first.Line != li+1 || first.DecisionID != ev.DecisionID {
		t.Fatalf("first problem %v, want %s:%d decision %s", first, victim, li+1, ev.DecisionID)
	}
}

// gauge reads one sink's value of a metric from a registry.
func gauge(reg *prometheus.Registry, name, sink string) float64 {
	mfs, _ := reg.Gather()
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "sink" && l.GetValue() == sink {
					if m.GetGauge() != nil {
						return m.GetGauge().GetValue()
					}
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}

func waitFor(t testing.TB, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal(errors.New("timed out waiting for " + what))
		}
		time.Sleep(10 * time.Millisecond)
	}
}
