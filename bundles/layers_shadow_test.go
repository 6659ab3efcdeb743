package bundles_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/goleak"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/connectors/api"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
)

const acmeRego = `package parapet.ext.acme

deny contains {
	"id": "acme.no_codegen",
	"effect": "deny",
	"severity": "medium",
	"message": "code generation is not an approved use for acme",
	"controls": ["OWASP-LLM06"],
	"evidence": [],
} if input.purpose == "code-generation"
`

func acmeDecide(t testing.TB, eng *engine.Engine, tenant, purpose string) *engine.Decision {
	t.Helper()
	d, err := eng.Decide(context.Background(), &engine.Request{Phase: "prompt", Subject: engine.Subject{ID: "alice", Tenant: tenant, Roles: []string{"analyst"}},
		Resource: engine.Resource{Model: "llama-3.1-8b-onprem"}, Purpose: purpose, Messages: []engine.Message{{Role: "user", Content: "write a parser"}}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A tenant bundle layered over the base through the Manager: it adds its
// reasons for its tenant only; an update that would weaken the base is
// refused (with what and where in /v1/bundles) and the tenant keeps its
// last good layer.
func TestTenantLayerThroughManager(t *testing.T) {
	dir := t.TempDir()
	writeTenant := func(rev, config string) {
		files := map[string]string{
			".manifest": `{"revision": "` + rev + `", "roots": ["parapet/ext/acme"]}`,
			"acme.rego": acmeRego,
		}
		if config != "" {
			files["parapet/ext/acme/data.json"] = `{"config": ` + config + `}`
		}
		writeBundleFiles(t, dir, files)
	}
	writeTenant("acme-1", `{"thresholds": {"injection_deny": 0.3}}`)
	eng := engine.New(engine.Options{})
	reg := prometheus.NewRegistry()
	mgr, err := bundles.Wire(context.Background(), eng, bundles.Config{
		Base:    bundles.SourceConfig{}, // the embedded library
		Tenants: map[string]bundles.SourceConfig{"acme": {URL: dir, Manual: true}},
	}, bundles.Options{Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	defer mgr.Stop(context.Background())
	if st := mgr.Status(); len(st.Layers) != 1 || st.Layers[0].Revision != "acme-1" {
		t.Fatalf("layers: %+v / %+v", st.Layers, st.Sources)
	}
	if d := acmeDecide(t, eng, "acme", "code-generation"); d.Effect != "deny" || d.Reasons[0].ID != "acme.no_codegen" {
		t.Fatalf("acme: %s %+v", d.Effect, d.Reasons)
	}
	if d := acmeDecide(t, eng, "globex", "code-generation"); d.Effect == "deny" {
		t.Fatalf("globex got acme's rule: %+v", d.Reasons)
	}

	writeTenant("acme-2", `{"thresholds": {"injection_deny": 0.95}, "pii": {"redact_before_cloud": []}}`)
	err = mgr.Refresh(context.Background())
	var ce *bundles.CheckError
	if !errors.As(err, &ce) || ce.Stage != bundles.StageLayer {
		t.Fatalf("weakening: want a layer refusal, got %v", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "thresholds.injection_deny: 0.95 is weaker than the base's 0.37") || !strings.Contains(msg, "pii.redact_before_cloud: drops") {
		t.Fatalf("the refusal does not say what weakens: %v", err)
	}
	le := mgr.Status().Sources[1].LastError
	if le == nil || le.Stage != "layer" || le.Revision != "acme-2" || len(le.Problems) != 2 {
		t.Fatalf("status: %+v", le)
	}
	if d := acmeDecide(t, eng, "acme", "code-generation"); d.Effect != "deny" || mgr.Status().Layers[0].Revision != "acme-1" {
		t.Fatal("acme lost its last good layer")
	}
	if got := counterValue(t, reg, "parapet_bundle_activation_failures_total", "stage", "layer"); got != 1 {
		t.Fatalf("layer failures = %v", got)
	}

	// A tenant bundle reaching outside its root is refused the same way.
	writeBundleFiles(t, dir, map[string]string{"evil.rego": "package parapet.access\n\ndeny := set()\n"})
	// (OPA's reader already refuses a package outside the declared roots;
	// the engine refuses it too, and a bundle with no roots at all.)
	if err := mgr.Refresh(context.Background()); !errors.As(err, &ce) || !strings.Contains(err.Error(), "evil.rego") || !strings.Contains(err.Error(), "package parapet.access") {
		t.Fatalf("outside the root: %v", err)
	}
}

func writeBundleFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		must(mkdirAll(filepath.Dir(p)))
		must(writeFile(p, body))
	}
}

// Shadow mode: the candidate decides beside the active bundle on live
// traffic; only the active one is enforced; disagreements are reported
// with both decisions and counted by reason.
func TestShadowBundle(t *testing.T) {
	work := t.TempDir()
	active := writeBundle(t, filepath.Join(work, "active"), "v1", []string{"gambling"}, nil, nil)
	shadow := writeBundle(t, filepath.Join(work, "shadow"), "v2", []string{"gambling", "crypto"}, []string{"chess"}, nil)
	reg := prometheus.NewRegistry()
	rig := newShadowRig(t, engine.New(engine.Options{}), active, shadow, reg)
	mgr := rig.mgr

	effects := map[string]string{}
	for _, purpose := range []string{"gambling", "crypto", "chess", "travel"} {
		resp, err := http.Post(rig.url+"/v1/decide", "application/json", strings.NewReader(
			`{"phase":"prompt","subject":{"id":"alice","tenant":"acme"},"resource":{"model":"gpt-4o"},"purpose":"`+purpose+`","messages":[{"role":"user","content":"hi"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		var d engine.Decision
		decodeBody(t, resp, &d)
		effects[purpose] = d.Effect
		if d.Bundle.Revision != "v1" {
			t.Fatalf("the shadow decided a live request: %+v", d.Bundle)
		}
	}
	if effects["crypto"] != "allow" || effects["chess"] != "allow" || effects["gambling"] != "deny" {
		t.Fatalf("the active bundle's answers: %v", effects)
	}
	got := rig.disagreements(t)
	if len(got) != 2 {
		t.Fatalf("disagreements: %+v", got)
	}
	byAdded := map[string]bundles.Disagreement{}
	for _, d := range got {
		byAdded[strings.Join(d.Added, ",")] = d
	}
	c := byAdded["use.blocked_purpose"]
	if c.Active.Effect != "allow" || c.Shadow.Effect != "deny" || c.Shadow.Bundle.Revision != "v2" || c.Active.Bundle.Revision != "v1" || c.Tenant != "acme" || !c.EffectChanged {
		t.Fatalf("crypto disagreement: %+v", c)
	}
	if ch := byAdded["use.warned_purpose"]; ch.Shadow.Effect != "warn" {
		t.Fatalf("chess disagreement: %+v", ch)
	}
	if v := counterValue(t, reg, "parapet_shadow_disagreements_total", "reason", "use.blocked_purpose"); v != 1 {
		t.Fatalf("disagreements counted for use.blocked_purpose: %v", v)
	}
	if v := counterValue(t, reg, "parapet_shadow_decisions_total", "outcome", "agree"); v != 2 {
		t.Fatalf("agreements: %v", v)
	}
	if st := mgr.Status().Shadow; st == nil || st.Revision != "v2" || st.Evaluated != 4 || st.Disagreements != 2 {
		t.Fatalf("shadow status: %+v", st)
	}
}

// A tenant bundle that arrives before any base is good is layered as
// soon as the base is.
func TestTenantWaitsForBase(t *testing.T) {
	work := t.TempDir()
	base := writeBundle(t, filepath.Join(work, "base"), "b1", nil, nil, map[string]string{"broken.rego": "package parapet.x\n\np if {\n\tq == 1\n}\n"})
	tenant := filepath.Join(work, "acme")
	writeBundleFiles(t, tenant, map[string]string{
		".manifest": `{"revision": "acme-1", "roots": ["parapet/ext/acme"]}`,
		"acme.rego": acmeRego,
	})
	eng := engine.New(engine.Options{})
	mgr, err := bundles.Wire(context.Background(), eng, bundles.Config{
		Base:    bundles.SourceConfig{URL: base, Manual: true},
		Tenants: map[string]bundles.SourceConfig{"acme": {URL: tenant, Manual: true}},
	}, bundles.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer mgr.Stop(context.Background())
	if ok, _ := mgr.Ready(); ok {
		t.Fatal("ready with a broken base")
	}
	must(os.Remove(filepath.Join(base, "broken.rego")))
	_ = mgr.Refresh(context.Background())
	st := mgr.Status()
	if !st.Ready || len(st.Layers) != 1 || st.Layers[0].Revision != "acme-1" || st.Degraded {
		t.Fatalf("after the base is fixed: %+v", st)
	}
}

// Stop ends every goroutine Start began: pollers and the shadow worker.
func TestManagerStopLeavesNoGoroutines(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	work := t.TempDir()
	eng := engine.New(engine.Options{})
	mgr, err := bundles.Wire(context.Background(), eng, bundles.Config{
		Base:   bundles.SourceConfig{URL: writeBundle(t, filepath.Join(work, "a"), "a1", nil, nil, nil), Interval: bundles.Duration(10 * time.Millisecond)},
		Shadow: &bundles.SourceConfig{URL: writeBundle(t, filepath.Join(work, "b"), "b1", nil, nil, nil), Interval: bundles.Duration(10 * time.Millisecond)},
	}, bundles.Options{})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	if err := mgr.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	mgr.Shadow(context.Background(), &engine.Request{}, &engine.Decision{}) // after Stop: a no-op
}

const topicsPolicy = `package parapet.main

blocked contains {"id": "use.denied_topic", "effect": "deny", "message": "denied topic", "severity": "medium", "controls": ["OWASP-LLM01"], "evidence": []} if {
	some f in input.analysis.findings
	f.type == "DENIED_TOPIC"
}

decision := {"effect": "deny", "reasons": [r | some r in blocked], "obligations": {}, "route": {}} if {
	count(blocked) > 0
} else := {"effect": "allow", "reasons": [], "obligations": {}, "route": {}}
`

// A candidate that adds denied topics (config.scope.topics) is judged on
// them in shadow: the live facts were found without its topics, so the
// shadow looks for them again on the live request's text.
func TestShadowLooksForACandidatesTopics(t *testing.T) {
	work := t.TempDir()
	files := func(topics string) map[string]string {
		return map[string]string{"main.rego": topicsPolicy, "main_test.rego": "",
			"data.json": `{"parapet": {"config": {"scope": {"topics": ` + topics + `}}}}`}
	}
	active := writeBundle(t, filepath.Join(work, "active"), "v1", nil, nil, files(`[]`))
	shadow := writeBundle(t, filepath.Join(work, "shadow"), "v2", nil, nil, files(`["gambling"]`))
	rig := newShadowRig(t, engine.New(engine.Options{Analyzer: detectors.Default()}), active, shadow, prometheus.NewRegistry())
	for _, q := range []string{"What are the odds on tonight's game? I want to bet.", "Where is my parcel?"} {
		resp, err := http.Post(rig.url+"/v1/decide", "application/json", strings.NewReader(
			`{"phase":"prompt","subject":{"id":"alice","tenant":"acme"},"resource":{"model":"gpt-4o"},"messages":[{"role":"user","content":"`+q+`"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		var d engine.Decision
		decodeBody(t, resp, &d)
		if d.Effect != "allow" {
			t.Fatalf("the active bundle (no topics) on %q: %s", q, d.Effect)
		}
	}
	got := rig.disagreements(t)
	if len(got) != 1 || strings.Join(got[0].Added, ",") != "use.denied_topic" || got[0].Shadow.Effect != "deny" {
		t.Fatalf("disagreements: %+v", got)
	}
}

// shadowRig is /v1/decide on loopback with eng on an active bundle and a
// shadow candidate, recording what the shadow reports.
type shadowRig struct {
	mgr *bundles.Manager
	url string
	mu  sync.Mutex
	got []bundles.Disagreement
}

func newShadowRig(t *testing.T, eng *engine.Engine, active, shadow string, reg *prometheus.Registry) *shadowRig {
	t.Helper()
	r := &shadowRig{}
	mgr, err := bundles.Wire(context.Background(), eng, bundles.Config{
		Base:   bundles.SourceConfig{URL: active, Manual: true},
		Shadow: &bundles.SourceConfig{URL: shadow, Manual: true},
	}, bundles.Options{Registerer: reg, OnDisagreement: func(_ context.Context, d bundles.Disagreement) {
		r.mu.Lock()
		r.got = append(r.got, d)
		r.mu.Unlock()
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mgr.Stop(context.Background()) })
	srv := httptest.NewServer(api.New(eng, api.Options{
		OnDecision: func(ctx context.Context, req *engine.Request, d *engine.Decision, _ *api.Caller) {
			mgr.Shadow(ctx, req, d)
		},
		BundleStatus: func() any { return mgr.Status() },
	}).Handler())
	t.Cleanup(srv.Close)
	r.mgr, r.url = mgr, srv.URL
	return r
}

// disagreements waits for the shadow to finish and returns what it
// reported.
func (r *shadowRig) disagreements(t *testing.T) []bundles.Disagreement {
	t.Helper()
	if err := r.mgr.WaitShadow(context.Background()); err != nil {
		t.Fatal(err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bundles.Disagreement(nil), r.got...)
}
