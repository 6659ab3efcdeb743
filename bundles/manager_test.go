package bundles_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/connectors/api"
	"github.com/parapet-dev/parapet/engine"
)

func decide(t testing.TB, eng *engine.Engine, purpose string) *engine.Decision {
	t.Helper()
	d, err := eng.Decide(context.Background(), &engine.Request{Phase: "prompt", Subject: engine.Subject{ID: "alice"},
		Resource: engine.Resource{Model: "gpt-4o"}, Purpose: purpose, Messages: []engine.Message{{Role: "user", Content: "hi"}}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func getJSON(t testing.TB, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v\n%s", url, err, b)
	}
	return resp.StatusCode
}

type bundlesResponse struct {
	Active *struct {
		Name     string `json:"name"`
		Revision string `json:"revision"`
	} `json:"active"`
	Status bundles.Status `json:"status"`
}

// The pipeline end to end: build, sign, serve from a loopback bundle
// server; a tampered bundle is refused and the old one serves on; a bundle
// that does not compile is refused with file:line in /v1/bundles; a good
// one activates; the last good one is on disk, and a restarted replica
// comes up on it with the bundle server gone.
func TestPipelineBuildSignServe(t *testing.T) {
	rk, _ := testKeys(t)
	work := t.TempDir()
	srv, ca := newTLSBundleServer(t, "s3cret")
	srv.publish(buildSigned(t, writeBundle(t, filepath.Join(work, "v1"), "v1", []string{"gambling"}, nil, nil), rk))

	persist := filepath.Join(work, "persist")
	cfg := bundles.Config{
		Base: bundles.SourceConfig{URL: srv.bundleURL(), Manual: true, Token: "s3cret", CACert: ca,
			Verify: bundles.VerifyConfig{Key: bundles.Secret(rk.pub)}},
		PersistDir: persist,
	}
	eng := engine.New(engine.Options{})
	reg := prometheus.NewRegistry()
	mgr, err := bundles.Wire(context.Background(), eng, cfg, bundles.Options{Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	defer mgr.Stop(context.Background())
	apiSrv := httptest.NewServer(api.New(eng, api.Options{BundleStatus: func() any { return mgr.Status() }}).Handler())
	defer apiSrv.Close()

	if p := eng.Policy(); p == nil || p.Revision != "v1" {
		t.Fatalf("v1 is not active: %+v", p)
	}
	if d := decide(t, eng, "gambling"); d.Effect != "deny" {
		t.Fatalf("v1 denies gambling: %s", d.Effect)
	}

	// Tampered: signed as v2, then data.json edited on the way.
	v2 := buildSigned(t, writeBundle(t, filepath.Join(work, "v2"), "v2", []string{"gambling"}, nil, nil), rk)
	srv.publish(tamper(t, v2, "data.json", func(s string) string { return strings.Replace(s, `"gambling"`, `"chess"`, 1) }))
	err = mgr.Refresh(context.Background())
	var ce *bundles.CheckError
	if !errors.As(err, &ce) || ce.Stage != bundles.StageSignature {
		t.Fatalf("tampered bundle: want a signature refusal, got %v", err)
	}
	if eng.Policy().Revision != "v1" || decide(t, eng, "gambling").Effect != "deny" {
		t.Fatal("serving did not go on with v1")
	}
	var br bundlesResponse
	getJSON(t, apiSrv.URL+"/v1/bundles", &br)
	if br.Active.Revision != "v1" || br.Status.Sources[0].LastError == nil || br.Status.Sources[0].LastError.Stage != "signature" || !br.Status.Degraded {
		t.Fatalf("/v1/bundles after the tampered bundle: %+v", br)
	}
	if got := counterValue(t, reg, "parapet_bundle_activation_failures_total", "stage", "signature"); got != 1 {
		t.Fatalf("signature failures = %v", got)
	}

	// Does not compile: signed properly, but broken.
	dir3 := writeBundle(t, filepath.Join(work, "v3"), "v3", []string{"gambling"}, nil, map[string]string{
		"extra.rego": "package parapet.extra\n\n# a rule with an unsafe variable\nallow if {\n\tx == 1\n}\n",
	})
	p3 := filepath.Join(work, "v3.tar.gz")
	must(os.WriteFile(p3, tarDir(t, dir3), 0o644)) // as any tool but Parapet's would package it
	if _, err := bundles.Sign(p3, "", bundles.SigningOptions{Key: rk.priv}); err != nil {
		t.Fatal(err)
	}
	raw3, _ := os.ReadFile(p3)
	srv.publish(raw3)
	if err := mgr.Refresh(context.Background()); !errors.As(err, &ce) || ce.Stage != bundles.StageCompile {
		t.Fatalf("broken bundle: want a compile refusal, got %v", err)
	}
	br = bundlesResponse{}
	getJSON(t, apiSrv.URL+"/v1/bundles", &br)
	le := br.Status.Sources[0].LastError
	if br.Active.Revision != "v1" || le == nil || le.Stage != "compile" || le.Revision != "v3" || !strings.HasPrefix(le.Error, "extra.rego:5") ||
		le.Problems[0].File != "extra.rego" || le.Problems[0].Line != 5 {
		t.Fatalf("/v1/bundles after the broken bundle: %+v", le)
	}
	var ready map[string]any
	if code := getJSON(t, apiSrv.URL+"/health/ready", &ready); code != 200 {
		t.Fatalf("/health/ready %d while v1 serves", code)
	}
	if h := mgr.Health(); !h.Ready || !h.Degraded || len(h.Errors) != 1 || !strings.HasPrefix(h.Errors[0], "base (compile): extra.rego:5:2: rego_unsafe_var_error") {
		t.Fatalf("health: %+v", h)
	}

	// Good again.
	srv.publish(buildSigned(t, writeBundle(t, filepath.Join(work, "v4"), "v4", []string{"crypto"}, nil, nil), rk))
	if err := mgr.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if eng.Policy().Revision != "v4" || decide(t, eng, "gambling").Effect != "allow" || decide(t, eng, "crypto").Effect != "deny" {
		t.Fatalf("v4 is not active: %s", eng.Policy().Revision)
	}
	st := mgr.Status()
	if st.Degraded || st.Sources[0].LastError != nil || st.Sources[0].Signature != "verified" || st.Sources[0].Failures != 2 {
		t.Fatalf("status after v4: %+v", st.Sources[0])
	}
	// Nothing new: 304, no activation.
	before := counterValue(t, reg, "parapet_bundle_activations_total", "role", "base")
	nm := srv.notModified.Load()
	if err := mgr.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if srv.notModified.Load() != nm+1 || counterValue(t, reg, "parapet_bundle_activations_total", "role", "base") != before {
		t.Fatal("an unchanged bundle was downloaded or activated again")
	}
	if srv.unauthorized.Load() != 0 {
		t.Fatal("the bearer token was not sent")
	}

	// A replica restarting with the bundle server down starts on the
	// persisted v4.
	_ = mgr.Stop(context.Background())
	srv.Close()
	eng2 := engine.New(engine.Options{})
	mgr2, err := bundles.Wire(context.Background(), eng2, cfg, bundles.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer mgr2.Stop(context.Background())
	if ok, why := mgr2.Ready(); !ok || eng2.Policy().Revision != "v4" {
		t.Fatalf("offline restart: ready=%v %s", ok, why)
	}
	if err := mgr2.Refresh(context.Background()); !errors.As(err, &ce) || ce.Stage != bundles.StageDownload {
		t.Fatalf("the bundle server is gone: want a download failure, got %v", err)
	}
	st = mgr2.Status()
	if eng2.Policy().Revision != "v4" || !st.Sources[0].FromDisk || st.Sources[0].LastError == nil || st.Sources[0].LastError.Stage != "download" {
		t.Fatalf("offline restart status: %+v", st.Sources[0])
	}
}

func counterValue(t testing.TB, reg *prometheus.Registry, name, label, value string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == label && l.GetValue() == value {
					sum += m.GetCounter().GetValue()
				}
			}
		}
	}
	return sum
}

// Swapping bundles under concurrent load fails no request: every
// decision is made whole by one revision or the other.
func TestSwapUnderLoadFailsNoRequest(t *testing.T) {
	rk, _ := testKeys(t)
	work := t.TempDir()
	v1 := buildSigned(t, writeBundle(t, filepath.Join(work, "v1"), "v1", []string{"gambling"}, nil, nil), rk)
	v2 := buildSigned(t, writeBundle(t, filepath.Join(work, "v2"), "v2", []string{"gambling", "crypto"}, []string{"chess"}, nil), rk)
	srv := newBundleServer(t, "")
	srv.publish(v1)
	eng := engine.New(engine.Options{})
	mgr, err := bundles.Wire(context.Background(), eng, bundles.Config{
		Base: bundles.SourceConfig{URL: srv.bundleURL(), Manual: true, Verify: bundles.VerifyConfig{Key: bundles.Secret(rk.pub)}},
	}, bundles.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer mgr.Stop(context.Background())
	apiSrv := httptest.NewServer(api.New(eng, api.Options{}).Handler())
	defer apiSrv.Close()

	stop := make(chan struct{})
	var ok, failed atomic.Int64
	var revs sync.Map
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 10 * time.Second}
	for w := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := `{"phase":"prompt","subject":{"id":"u` + string(rune('0'+w)) + `"},"resource":{"model":"gpt-4o"},"purpose":"gambling","messages":[{"role":"user","content":"hi"}]}`
			for n := 0; n < 5000; n++ {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := client.Post(apiSrv.URL+"/v1/decide", "application/json", strings.NewReader(body))
				if err != nil {
					failed.Add(1)
					continue
				}
				var d engine.Decision
				err = json.NewDecoder(resp.Body).Decode(&d)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 || d.FailClosed || d.Effect != "deny" || (d.Bundle.Revision != "v1" && d.Bundle.Revision != "v2") {
					failed.Add(1)
					continue
				}
				revs.Store(d.Bundle.Revision, true)
				ok.Add(1)
			}
		}()
	}
	swaps := 0
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) || swaps < 6 {
		next := v2
		if swaps%2 == 1 {
			next = v1
		}
		srv.publish(next)
		if err := mgr.Refresh(context.Background()); err != nil {
			t.Fatal(err)
		}
		swaps++
		time.Sleep(50 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	_, saw1 := revs.Load("v1")
	_, saw2 := revs.Load("v2")
	t.Logf("%d swaps, %d decisions, %d failed", swaps, ok.Load(), failed.Load())
	if failed.Load() != 0 || ok.Load() == 0 || !saw1 || !saw2 {
		t.Fatalf("%d failed of %d; saw v1=%v v2=%v", failed.Load(), ok.Load()+failed.Load(), saw1, saw2)
	}
}

// With long polling, a new bundle is active within moments of being
// published, though the poll interval is an hour.
func TestLongPolling(t *testing.T) {
	rk, _ := testKeys(t)
	work := t.TempDir()
	srv := newBundleServer(t, "")
	srv.publish(buildSigned(t, writeBundle(t, filepath.Join(work, "v1"), "v1", nil, nil, nil), rk))
	eng := engine.New(engine.Options{})
	mgr, err := bundles.Wire(context.Background(), eng, bundles.Config{
		Base: bundles.SourceConfig{URL: srv.bundleURL(), Interval: bundles.Duration(time.Hour), LongPoll: bundles.Duration(30 * time.Second),
			Verify: bundles.VerifyConfig{Key: bundles.Secret(rk.pub)}},
	}, bundles.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer mgr.Stop(context.Background())
	time.Sleep(300 * time.Millisecond) // the long poll is waiting
	srv.publish(buildSigned(t, writeBundle(t, filepath.Join(work, "v2"), "v2", nil, nil, nil), rk))
	waitFor(t, 10*time.Second, func() bool { return eng.Policy().Revision == "v2" })
}

func waitFor(t testing.TB, within time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A folder source is polled: an edit is picked up, a broken edit refused.
func TestFolderHotReload(t *testing.T) {
	dir := writeBundle(t, t.TempDir(), "f1", []string{"gambling"}, nil, map[string]string{"main_test.rego": ""})
	eng := engine.New(engine.Options{})
	mgr, err := bundles.Wire(context.Background(), eng, bundles.Config{
		Base: bundles.SourceConfig{URL: dir, Interval: bundles.Duration(50 * time.Millisecond)},
	}, bundles.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer mgr.Stop(context.Background())
	if eng.Policy().Revision != "f1" {
		t.Fatal(eng.Policy().Revision)
	}
	writeBundle(t, dir, "f2", []string{"crypto"}, nil, map[string]string{"main_test.rego": ""})
	waitFor(t, 10*time.Second, func() bool { return eng.Policy().Revision == "f2" })
	must(os.WriteFile(filepath.Join(dir, "broken.rego"), []byte("package parapet.x\n\np if {\n\tq == 1\n}\n"), 0o644))
	waitFor(t, 10*time.Second, func() bool {
		le := mgr.Status().Sources[0].LastError
		return le != nil && le.Stage == "compile" && strings.Contains(le.Error, "broken.rego:4")
	})
	if eng.Policy().Revision != "f2" {
		t.Fatal("the broken edit was activated")
	}
}

// With RunTests, a bundle whose own tests fail is refused, naming the test.
func TestRunTestsRefusesFailingBundle(t *testing.T) {
	dir := writeBundle(t, t.TempDir(), "t1", []string{"gambling"}, nil, nil)
	eng := engine.New(engine.Options{})
	mgr, err := bundles.Wire(context.Background(), eng, bundles.Config{Base: bundles.SourceConfig{URL: dir, Manual: true}, RunTests: true}, bundles.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer mgr.Stop(context.Background())
	if eng.Policy() == nil {
		t.Fatalf("passing tests refused: %+v", mgr.Status())
	}
	writeBundle(t, dir, "t2", []string{"gambling"}, nil, map[string]string{"main.rego": strings.Replace(testPolicy, `"deny" if {`, `"review" if {`, 1)})
	err = mgr.Refresh(context.Background())
	var ce *bundles.CheckError
	if !errors.As(err, &ce) || ce.Stage != bundles.StageTests || !strings.Contains(err.Error(), "main_test.rego:5") || !strings.Contains(err.Error(), "test_blocked") {
		t.Fatalf("want a tests refusal at main_test.rego:5, got %v", err)
	}
	if eng.Policy().Revision != "t1" {
		t.Fatal("the failing bundle was activated")
	}
}

func decodeBody(t testing.TB, resp *http.Response, v any) {
	t.Helper()
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("%d: %s", resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
}
