package engine

import (
	"context"
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/loader"

	"github.com/parapet-dev/parapet/engine/analysis"
	defaultbundle "github.com/parapet-dev/parapet/rego"
)

// injDetector reports an injection score written into the text as
// INJ=0.70, and an EMAIL_ADDRESS finding for every "@".
type injDetector struct{}

func (injDetector) Name() string { return "inj" }
func (injDetector) Scan(_ context.Context, f *analysis.Field, r *analysis.Report) {
	if i := strings.Index(f.Text, "INJ="); i >= 0 {
		s, _ := strconv.ParseFloat(f.Text[i+4:i+8], 64)
		r.AddSignal("inj", "injection", f, s, []string{"test"})
	}
	if i := strings.Index(f.Text, "@"); i >= 0 {
		r.AddFinding("inj", "pii", "EMAIL_ADDRESS", f, i-4, i+12, 0.9)
	}
}

func defaultBundle(t testing.TB) *bundle.Bundle {
	t.Helper()
	b, err := loader.NewFileLoader().WithFS(defaultbundle.FS).WithSkipBundleVerification(true).WithProcessAnnotation(true).
		WithFilter(func(_ string, info fs.FileInfo, _ int) bool {
			return !info.IsDir() && strings.HasSuffix(info.Name(), "_test.rego")
		}).AsBundle(".")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var basePolicy *Policy

func defaultPolicy(t testing.TB) *Policy {
	t.Helper()
	if basePolicy == nil {
		p, err := Compile(context.Background(), "default", defaultBundle(t), CompileOptions{})
		if err != nil {
			t.Fatal(err)
		}
		basePolicy = p
	}
	return basePolicy
}

func tenantBundle(t testing.TB, tenant, rev string, roots []string, data map[string]any, files map[string]string) TenantBundle {
	t.Helper()
	b := &bundle.Bundle{Manifest: bundle.Manifest{Revision: rev}, Data: data}
	if roots != nil {
		b.Manifest.Roots = &roots
	}
	if b.Data == nil {
		b.Data = map[string]any{}
	}
	for name, src := range files {
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		b.Modules = append(b.Modules, bundle.ModuleFile{Path: name, URL: name, Raw: []byte(src), Parsed: m})
	}
	return TenantBundle{Tenant: tenant, Name: tenant + ".tar.gz", Bundle: b}
}

const acmeRules = `package parapet.ext.acme

deny contains {
	"id": "acme.no_codegen",
	"effect": "deny",
	"severity": "medium",
	"message": "code generation is not an approved use for acme",
	"controls": ["OWASP-LLM06"],
	"evidence": [],
} if input.purpose == "code-generation"
`

func acmeReq(purpose, text string) *Request {
	return &Request{Phase: PhasePrompt, Subject: Subject{ID: "alice", Tenant: "acme", Roles: []string{"analyst"}},
		Resource: Resource{Model: "llama-3.1-8b-onprem"}, Purpose: purpose, Messages: []Message{{Role: "user", Content: text}}}
}

func TestTenantLayerAddsReasonsAndTightens(t *testing.T) {
	base := defaultPolicy(t)
	tb := tenantBundle(t, "acme", "acme-1", []string{"parapet/ext/acme"},
		map[string]any{"parapet": map[string]any{"ext": map[string]any{"acme": map[string]any{"config": map[string]any{
			"thresholds": map[string]any{"injection_deny": 0.3},
		}}}}},
		map[string]string{"acme.rego": acmeRules})
	l, err := CompileLayer(context.Background(), base, tb)
	if err != nil {
		t.Fatal(err)
	}
	p, err := base.WithLayers(l)
	if err != nil {
		t.Fatal(err)
	}
	e := New(Options{Analyzer: analysis.NewAnalyzer(injDetector{})})
	e.Activate(p)
	ctx := context.Background()

	d, _ := e.Decide(ctx, acmeReq("code-generation", "write a parser"))
	if d.Effect != EffectDeny || d.Reasons[0].ID != "acme.no_codegen" {
		t.Fatalf("acme's rule adds a deny: %+v", d.Reasons)
	}
	other := acmeReq("code-generation", "write a parser")
	other.Subject.Tenant = "globex"
	if d, _ := e.Decide(ctx, other); d.Effect != EffectAllow {
		t.Fatalf("acme's layer applies to acme only: %s %+v", d.Effect, d.Reasons)
	}
	// 0.36 is below the base's 0.37 (a warning: 0.35) but above acme's 0.3.
	d, _ = e.Decide(ctx, acmeReq("", "INJ=0.36 please"))
	if d.Effect != EffectDeny || d.Reasons[0].ID != "use.prompt_injection" {
		t.Fatalf("acme's tighter threshold denies: %s %+v", d.Effect, d.Reasons)
	}
	other = acmeReq("", "INJ=0.36 please")
	other.Subject.Tenant = "globex"
	if d, _ := e.Decide(ctx, other); d.Effect != EffectWarn {
		t.Fatalf("others keep the base threshold: %s %+v", d.Effect, d.Reasons)
	}
	if l.Kept() != 0 {
		t.Fatalf("nothing to restore, got %d", l.Kept())
	}
}

func TestTenantWeakeningRefused(t *testing.T) {
	base := defaultPolicy(t)
	ext := func(cfg map[string]any) map[string]any {
		return map[string]any{"parapet": map[string]any{"ext": map[string]any{"acme": map[string]any{"config": cfg}}}}
	}
	cases := []struct {
		name string
		tb   TenantBundle
		want string
	}{
		{"looser threshold", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
			ext(map[string]any{"thresholds": map[string]any{"injection_deny": 0.95}}), nil),
			"config.thresholds.injection_deny: 0.95 is weaker than the base's 0.37"},
		{"more allowed domains", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
			ext(map[string]any{"output": map[string]any{"allowed_domains": []any{"evil.example"}}}), nil),
			"config.output.allowed_domains: adds evil.example"},
		{"lower grounding bar", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
			ext(map[string]any{"output": map[string]any{"grounding_min": 0.1}}), nil),
			"config.output.grounding_min: 0.1 is weaker than the base's 0.5 (a tenant may only raise it)"},
		{"looser leak limit", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
			ext(map[string]any{"output": map[string]any{"system_prompt_leak_deny": 0.9}}), nil),
			"config.output.system_prompt_leak_deny: 0.9 is weaker than the base's 0.5"},
		{"fewer PII types", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
			ext(map[string]any{"pii": map[string]any{"redact_before_cloud": []any{"EMAIL_ADDRESS"}}}), nil),
			"config.pii.redact_before_cloud: drops"},
		{"more roles see reasoning", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
			ext(map[string]any{"reasoning": map[string]any{"visible_to_roles": []any{"developer", "admin", "employee"}}}), nil),
			"adds employee"},
		{"catalogue change", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
			ext(map[string]any{"models": map[string]any{"deepseek-r1": map[string]any{"deployment": "on_prem"}}}), nil),
			"config.models.deepseek-r1.deployment: a tenant may not change this tunable"},
		{"confidential to cloud", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
			ext(map[string]any{"classification": map[string]any{"max_cloud": "restricted"}}), nil),
			"restricted is weaker than the base's internal"},
		{"attachments off", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
			ext(map[string]any{"attachments": map[string]any{"effect": "allow"}}), nil),
			`config.attachments.effect: "allow" is weaker than the base's "warn"`},
		{"one attachment type off", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
			ext(map[string]any{"attachments": map[string]any{"types": map[string]any{"image": "allow"}}}), nil),
			`config.attachments.types.image: "allow" is weaker than the base's "warn"`},
		{"base package", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"}, nil,
			map[string]string{"evil.rego": "package parapet.acceptable_use\n\ndeny := set()\n"}),
			"evil.rego:1: package parapet.acceptable_use is outside the tenant's root"},
		{"base data", tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
			map[string]any{"parapet": map[string]any{"config": map[string]any{"restore": true}}}, nil),
			"data.parapet.config is outside the tenant's root"},
		{"no roots", tenantBundle(t, "acme", "1", nil, nil, map[string]string{"acme.rego": acmeRules}),
			"declares no roots"},
		{"wide root", tenantBundle(t, "acme", "1", []string{"parapet"}, nil, map[string]string{"acme.rego": acmeRules}),
			`root "parapet" is outside the tenant's root`},
		{"bad name", tenantBundle(t, "Acme Corp", "1", []string{"parapet/ext/acme"}, nil, nil), "tenant name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := CompileLayer(context.Background(), base, c.tb)
			var le *LayerError
			if !errors.As(err, &le) {
				t.Fatalf("want a LayerError, got %v", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not say %q", err, c.want)
			}
		})
	}
}

// A base whose Rego lets an extension suppress reasons (an author's
// mistake, or a base written before layering) still cannot be weakened:
// the engine decides with the base alone too and keeps its reasons.
func TestTenantLayerCannotRemoveBaseDenyAtRuntime(t *testing.T) {
	const lenient = `package parapet.main

base contains {"id": "base.no_secrets", "effect": "deny", "message": "no secrets", "severity": "high", "controls": ["OWASP-LLM02"]} if {
	some f in input.analysis.findings
	f.category == "pii"
}

suppressed contains id if some id in data.parapet.ext[_].suppress

ext contains r if some r in data.parapet.ext[_].deny

reasons := [r | some r in base; not r.id in suppressed] if true

all := array.concat(reasons, [r | some r in ext])

decision := {"effect": "allow", "reasons": all, "obligations": {}, "route": {}}
`
	bb := testBundle(t, "base-1", map[string]any{"parapet": map[string]any{}}, lenient)
	base, err := Compile(context.Background(), "base", bb, CompileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tb := tenantBundle(t, "acme", "acme-2", []string{"parapet/ext/acme"}, nil, map[string]string{"acme.rego": `package parapet.ext.acme

suppress := {"base.no_secrets"}

deny contains {"id": "acme.extra", "effect": "warn", "message": "m", "severity": "low", "controls": ["OWASP-LLM02"]} if true
`})
	l, err := CompileLayer(context.Background(), base, tb)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := base.WithLayers(l)
	e := New(Options{Analyzer: analysis.NewAnalyzer(injDetector{})})
	e.Activate(p)
	d, _ := e.Decide(context.Background(), acmeReq("", "mail jane@example.com now"))
	ids := reasonIDs(d)
	if d.Effect != EffectDeny || ids != "base.no_secrets,acme.extra" {
		t.Fatalf("the base deny is kept: %s %s", d.Effect, ids)
	}
	if l.Kept() != 1 {
		t.Fatalf("Kept() = %d, want 1", l.Kept())
	}
}

func reasonIDs(d *Decision) string {
	ids := make([]string, len(d.Reasons))
	for i, r := range d.Reasons {
		ids[i] = r.ID
	}
	return strings.Join(ids, ",")
}

// reasonEffects lists a decision's reasons as "id:effect", space-separated.
func reasonEffects(d *Decision) string {
	out := make([]string, len(d.Reasons))
	for i, r := range d.Reasons {
		out[i] = r.ID + ":" + r.Effect
	}
	return strings.Join(out, " ")
}

func TestTenantTakenByBase(t *testing.T) {
	base := defaultPolicy(t)
	bb := *base.Bundle()
	bb.Data = map[string]any{"parapet": map[string]any{"ext": map[string]any{"usage": map[string]any{}}}}
	err := CheckTenant(&bb, tenantBundle(t, "usage", "1", []string{"parapet/ext/usage"}, nil, nil))
	if err == nil || !strings.Contains(err.Error(), "is taken") {
		t.Fatalf("want taken, got %v", err)
	}
}

func TestExplainNamesRulesAndEvidence(t *testing.T) {
	e := New(Options{Analyzer: analysis.NewAnalyzer(injDetector{})})
	e.Activate(defaultPolicy(t))
	req := &Request{Phase: PhasePrompt, Subject: Subject{ID: "alice", Tenant: "acme", Roles: []string{"analyst"}},
		Resource: Resource{Model: "gpt-4o"}, Messages: []Message{{Role: "user", Content: "mail jane@example.com about INJ=0.95"}}}
	d, traces, err := e.Explain(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := e.Decide(context.Background(), req)
	if d.Effect != plain.Effect || reasonIDs(d) != reasonIDs(plain) {
		t.Fatalf("explain decides as Decide does: %s %s vs %s %s", d.Effect, reasonIDs(d), plain.Effect, reasonIDs(plain))
	}
	if len(d.Reasons) == 0 {
		t.Fatal("no reasons")
	}
	for i, r := range d.Reasons {
		tr := traces[i]
		if tr.Reason != r.ID || tr.File == "" || tr.Line == 0 || !strings.HasSuffix(tr.File, ".rego") {
			t.Fatalf("trace %d for %s: %+v", i, r.ID, tr)
		}
	}
	var inj *Trace
	for i := range traces {
		if traces[i].Reason == "use.prompt_injection" {
			inj = &traces[i]
		}
	}
	if inj == nil || inj.File != "acceptable_use.rego" || inj.Rule != "data.parapet.acceptable_use.deny" {
		t.Fatalf("injection trace: %+v", inj)
	}

	sawMain := false
	for _, tr := range traces[len(d.Reasons):] {
		if tr.Reason != "" || tr.Fired == 0 {
			t.Fatalf("other rules come after the reasons: %+v", tr)
		}
		if tr.Rule == "data.parapet.main.decision" {
			sawMain = true
		}
	}
	if !sawMain {
		t.Fatal("main.decision is not in the trace")
	}
}

func TestDecideFactsReproducesDecide(t *testing.T) {
	e := New(Options{Analyzer: analysis.NewAnalyzer(injDetector{})})
	e.Activate(defaultPolicy(t))
	req := &Request{Phase: PhasePrompt, Subject: Subject{ID: "alice", Tenant: "acme", Roles: []string{"analyst"}},
		Resource: Resource{Model: "gpt-4o"}, Messages: []Message{{Role: "user", Content: "mail jane@example.com about INJ=0.55"}}}
	d, _ := e.Decide(context.Background(), req)
	// The text is gone (as in a decision log); the facts are enough.
	blank := *req
	blank.Messages = []Message{{Role: "user", Content: strings.Repeat("x", len(req.Messages[0].Content))}}
	r, err := New(Options{}).withPolicy(defaultPolicy(t)).DecideFacts(context.Background(), &blank, d.Facts(), FactsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Effect != d.Effect || reasonIDs(r) != reasonIDs(d) {
		t.Fatalf("replayed %s %s, decided %s %s", r.Effect, reasonIDs(r), d.Effect, reasonIDs(d))
	}
}

func (e *Engine) withPolicy(p *Policy) *Engine { e.Activate(p); return e }

// memStore is a minimal UsageStore for the engine's own tests.
type memStore struct{ n map[string]int64 }

func (m *memStore) add(c UsageCall, sign int64) UsageTotals {
	m.n[c.Subject] += sign * c.Requests
	m.n["tok:"+c.Subject] += sign * c.Tokens
	var t UsageTotals
	t.Subject.Day.Requests = m.n[c.Subject]
	t.Subject.Day.Tokens = m.n["tok:"+c.Subject]
	return t
}
func (m *memStore) Reserve(_ context.Context, c UsageCall) (UsageTotals, error) {
	return m.add(c, 1), nil
}
func (m *memStore) Release(_ context.Context, c UsageCall) error { m.add(c, -1); return nil }
func (m *memStore) Peek(_ context.Context, c UsageCall) (UsageTotals, error) {
	t := m.add(c, 1)
	m.add(c, -1)
	return t, nil
}

func TestUsageInInputAndPrices(t *testing.T) {
	const pol = `package parapet.main

decision := {"effect": "deny", "reasons": [{"id": "usage.budget_exceeded", "effect": "deny", "message": "m", "severity": "low", "controls": []}], "obligations": {}, "route": {}} if {
	input.usage.subject.day.requests > 2
} else := {"effect": "allow", "reasons": [], "obligations": {}, "route": {}}
`
	data := map[string]any{"parapet": map[string]any{"config": map[string]any{"models": map[string]any{
		"m": map[string]any{"price": map[string]any{"input_per_mtok": 2, "output_per_mtok": 10}},
	}}}}
	p := compileT(t, "u1", data, pol)
	e := New(Options{Usage: &UsageOptions{Store: &memStore{n: map[string]int64{}}}})
	e.Activate(p)
	var effects []string
	for range 4 {
		d, _ := e.Decide(context.Background(), prompt("abcdefgh abcdefgh"))
		effects = append(effects, d.Effect)
		if u := d.Facts().Usage; u == nil || !u.Available || u.Request.Tokens != 5 || u.Request.Cost != 0.00001 {
			t.Fatalf("usage: %+v", u)
		}
	}
	if strings.Join(effects, ",") != "allow,allow,deny,deny" {
		t.Fatalf("effects %v", effects)
	}
	if d, _ := e.Decide(PeekUsage(context.Background()), prompt("x")); d.Facts().Usage.Subject.Day.Requests != 3 {
		t.Fatalf("a peeking decision sees the call: %+v", d.Facts().Usage)
	}
	in, err := e.Input(context.Background(), prompt("x"))
	if err != nil {
		t.Fatal(err)
	}
	u, err := in.(ast.Object).Find(ast.MustParseRef("x.usage.subject.day.requests")[1:])
	if err != nil || u.String() != "3" {
		t.Fatalf("Input peeks without counting: %v %v", u, err)
	}
}

// Explain records the input values a reason's rule read.
func TestExplainRecordsInputsRead(t *testing.T) {
	const pol = `package parapet.main

deny contains {"id": "use.blocked", "effect": "deny", "message": "blocked", "severity": "high", "controls": ["OWASP-LLM06"]} if {
	input.purpose == "gambling"
	input.subject.tenant in {"acme", "globex"}
}

decision := {"effect": "allow", "reasons": [r | some r in deny], "obligations": {}, "route": {}}
`
	e := New(Options{})
	e.Activate(compileT(t, "x1", nil, pol))
	req := prompt("hi")
	req.Purpose, req.Subject.Tenant = "gambling", "acme"
	d, traces, err := e.Explain(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if d.Effect != EffectDeny || traces[0].Reason != "use.blocked" || traces[0].File != "main.rego" || traces[0].Line != 3 {
		t.Fatalf("%s %+v", d.Effect, traces)
	}
	if in := traces[0].Inputs; in["input.purpose"] != "gambling" || in["input.subject.tenant"] != "acme" {
		t.Fatalf("inputs read: %+v", in)
	}
}

func TestTenantMayTightenOutputChecks(t *testing.T) {
	base := defaultPolicy(t)
	tb := tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
		map[string]any{"parapet": map[string]any{"ext": map[string]any{"acme": map[string]any{"config": map[string]any{
			"output": map[string]any{"canary": true, "warn_unlisted_links": true, "grounding_min": 0.7, "system_prompt_leak_deny": 0.2, "allowed_domains": []any{}},
		}}}}}, nil)
	if _, err := CompileLayer(context.Background(), base, tb); err != nil {
		t.Fatalf("tightening the output checks is allowed: %v", err)
	}
	tb = tenantBundle(t, "acme", "1", []string{"parapet/ext/acme"},
		map[string]any{"parapet": map[string]any{"ext": map[string]any{"acme": map[string]any{"config": map[string]any{
			"output": map[string]any{"canary": "yes"},
		}}}}}, nil)
	if _, err := CompileLayer(context.Background(), base, tb); err == nil || !strings.Contains(err.Error(), "config.output.canary: want a boolean") {
		t.Fatalf("want a type error, got %v", err)
	}
}
