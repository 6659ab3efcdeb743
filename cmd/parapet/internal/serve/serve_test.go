package serve

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/parapet-dev/parapet/cmd/parapet/internal/config"
	"github.com/parapet-dev/parapet/connectors/logs"
)

const body = `{"phase":"prompt","subject":{"id":"alice","tenant":"acme"},"resource":{"model":"gpt-4o"},"messages":[{"role":"user","content":"Draft a reply to jane.doe@example.com"}]}`

func TestServeDrainsOnShutdown(t *testing.T) {
	cfg := config.Default()
	cfg.Server.Addr = "127.0.0.1:0"
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg, hclog.NewNullLogger(), ready) }()
	addr := <-ready

	// Start requests, then shut down while they are in flight: every one
	// that was accepted must complete with 200.
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[int]int{}
	started := make(chan struct{}, 32)
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			started <- struct{}{}
			resp, err := http.Post("http://"+addr+"/v1/decide", "application/json", strings.NewReader(body))
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				codes[-1]++
				return
			}
			resp.Body.Close()
			codes[resp.StatusCode]++
		}()
	}
	for i := 0; i < 32; i++ {
		<-started
	}
	// Let some reach the server first: on a loaded machine (or under
	// -race) none might before the listener closes.
	time.Sleep(20 * time.Millisecond)
	cancel()
	wg.Wait()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	// Requests that raced the listener closing may be refused (-1), but
	// none that reached the server may fail.
	for code, n := range codes {
		if code != 200 && code != -1 {
			t.Fatalf("%d requests got %d during shutdown: %v", n, code, codes)
		}
	}
	if codes[200] == 0 {
		t.Fatalf("no request completed: %v", codes)
	}
}

func TestBrokenBundleFailsStartWithFileLine(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.rego"), []byte("package parapet.main\n\ndecision := {\"effect\": x}\n"), 0o644)
	cfg := config.Default()
	cfg.Server.Addr = "127.0.0.1:0"
	cfg.Bundle.Path = dir
	err := Run(context.Background(), cfg, hclog.NewNullLogger(), nil)
	if err == nil || !strings.Contains(err.Error(), "main.rego:3:") {
		t.Fatalf("err = %v, want file:line", err)
	}
}

func TestConfigValidation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(path, []byte("server:\n  addr: 0.0.0.0:8282\n  max_body_bytes: -1\nlog:\n  level: loud\n"), 0o644)
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	err = cfg.Validate()
	for _, want := range []string{"server.addr", "keys_file", "server.max_body_bytes", "log.level"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("validation error lacks %q: %v", want, err)
		}
	}
	os.WriteFile(path, []byte("server:\n  adr: x\n"), 0o644)
	if _, err := config.Load(path); err == nil || !strings.Contains(err.Error(), "adr") {
		t.Errorf("unknown key not reported: %v", err)
	}
}

func TestSensitiveNeverPrints(t *testing.T) {
	s := config.Sensitive("hunter2")
	b, _ := s.MarshalJSON()
	if strings.Contains(string(b), "hunter2") || s.String() != "(sensitive)" {
		t.Fatalf("sensitive value leaked: %s %s", b, s)
	}
}

// TestServeWiresLogsShadowUsage runs `parapet serve` from a config file
// with a file decision log, a shadow bundle and in-memory usage counters,
// and checks each is live: the log holds the decision (no text) and
// verifies, /v1/bundles reports the shadow, the lifecycle and log metrics
// are on /metrics.
func TestServeWiresLogsShadowUsage(t *testing.T) {
	dir := t.TempDir()
	logFile := filepath.Join(dir, "decisions.jsonl")
	addr, stop := startServe(t, `server:
  addr: 127.0.0.1:0
bundle:
  shadow:
    url: ../../../../rego
usage:
  store: memory
logs:
  spool_dir: `+filepath.Join(dir, "spool")+`
  sinks:
    audit:
      kind: file
      path: `+logFile+`
`)
	resp, err := http.Post("http://"+addr+"/v1/decide", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var d struct {
		DecisionID string `json:"decision_id"`
		Effect     string `json:"effect"`
	}
	json.Unmarshal(raw, &d)
	if resp.StatusCode != 200 || d.Effect != "redact" {
		t.Fatalf("decide: %d %s", resp.StatusCode, raw)
	}
	time.Sleep(200 * time.Millisecond) // let the shadow worker and the log queue take the decision
	for path, want := range map[string]string{
		"/v1/bundles": `"shadow"`,
		"/metrics":    "parapet_bundle_activations_total",
	} {
		r, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s:\n%.2000s", path, want, b)
		}
	}
	stop() // drains the log queue
	logged, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(logged), d.DecisionID) {
		t.Fatalf("decision %s not in the log:\n%s", d.DecisionID, logged)
	}
	if strings.Contains(string(logged), "jane.doe@example.com") {
		t.Fatal("the log holds prompt text")
	}
	rep, err := logs.Verify([]string{logFile}, logs.VerifyOptions{})
	if err != nil || !rep.OK() {
		t.Fatalf("verify: %v %+v", err, rep)
	}
}
