package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// wordDetector reports every occurrence of a word, as a stand-in for a real
// detector with a known answer.
type wordDetector struct{ word, typ, cat string }

func (w wordDetector) Name() string { return "word" }
func (w wordDetector) Scan(_ context.Context, f *analysis.Field, r *analysis.Report) {
	off := 0
	for {
		i := strings.Index(f.Text[off:], w.word)
		if i < 0 {
			return
		}
		r.AddFinding("word", w.cat, w.typ, f, off+i, off+i+len(w.word), 0.9)
		off += i + len(w.word)
	}
}

func testBundle(t testing.TB, rev string, data map[string]any, src string) *bundle.Bundle {
	t.Helper()
	m, err := ast.ParseModuleWithOpts("main.rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	if data == nil {
		data = map[string]any{}
	}
	return &bundle.Bundle{
		Manifest: bundle.Manifest{Revision: rev},
		Data:     data,
		Modules:  []bundle.ModuleFile{{Path: "main.rego", URL: "main.rego", Raw: []byte(src), Parsed: m}},
	}
}

func compileT(t testing.TB, rev string, data map[string]any, src string) *Policy {
	t.Helper()
	p, err := Compile(context.Background(), "test", testBundle(t, rev, data, src), CompileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const redactPolicy = `package parapet.main

spans := [{"field": f.field, "start": f.start, "end": f.end, "type": f.type} |
	some f in input.analysis.findings
	f.category == "pii"
]

decision := {
	"effect": "redact",
	"reasons": [{"id": "data.pii", "effect": "redact", "message": "pii", "severity": "low", "controls": ["OWASP-LLM02"], "evidence": spans}],
	"obligations": {"redact": spans, "restore": true, "strip_reasoning": input.phase == "response", "notice": ""},
	"route": {},
} if count(spans) > 0

decision := {"effect": "allow", "reasons": [], "obligations": {"redact": [], "restore": false, "strip_reasoning": false, "notice": ""}, "route": {}} if count(spans) == 0
`

func prompt(texts ...string) *Request {
	req := &Request{Phase: PhasePrompt, Subject: Subject{ID: "alice"}, Resource: Resource{Model: "m"}}
	for _, t := range texts {
		req.Messages = append(req.Messages, Message{Role: "user", Content: t})
	}
	return req
}

func TestNoBundleFailsClosed(t *testing.T) {
	e := New(Options{})
	d, err := e.Decide(context.Background(), prompt("hi"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Effect != EffectDeny || d.Allow || !d.FailClosed || d.Reasons[0].ID != ReasonNoBundle {
		t.Fatalf("got %+v", d)
	}
}

func TestUndefinedDecisionFailsClosed(t *testing.T) {
	e := New(Options{})
	e.Activate(compileT(t, "r1", nil, "package parapet.main\n\ndecision := {\"effect\": \"allow\"} if input.phase == \"nope\"\n"))
	d, _ := e.Decide(context.Background(), prompt("hi"))
	if d.Effect != EffectDeny || !d.FailClosed || d.Reasons[0].ID != ReasonUndefinedDecision {
		t.Fatalf("got %+v", d)
	}
	if d.Bundle.Revision != "r1" {
		t.Fatalf("bundle info missing: %+v", d.Bundle)
	}
}

func TestEvalErrorFailsClosed(t *testing.T) {
	e := New(Options{})
	// Two complete definitions with different values: a runtime conflict.
	e.Activate(compileT(t, "r1", nil, `package parapet.main

decision := {"effect": "allow"} if input.phase == "prompt"

decision := {"effect": "deny"} if count(input.messages) > 0
`))
	d, _ := e.Decide(context.Background(), prompt("hi"))
	if d.Effect != EffectDeny || !d.FailClosed || d.Reasons[0].ID != ReasonEvalError {
		t.Fatalf("got %+v", d)
	}
}

// A decision whose context is cancelled stops evaluating and fails
// closed (the engine watches the context itself, not with OPA's goroutine
// per evaluation).
func TestCancelledEvaluationFailsClosed(t *testing.T) {
	e := New(Options{})
	// Eight billion steps unless cancelled.
	e.Activate(compileT(t, "r1", nil, `package parapet.main

n := count([1 |
	some i in numbers.range(1, 2000 * count(input.messages))
	some j in numbers.range(1, 2000)
	some k in numbers.range(1, 2000)
])

decision := {"effect": "allow"} if n > 0
`))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	d, _ := e.Decide(ctx, prompt("hi"))
	if d.Effect != EffectDeny || !d.FailClosed || d.Reasons[0].ID != ReasonEvalError {
		t.Fatalf("got %+v", d)
	}
}

func TestMalformedDecisionFailsClosed(t *testing.T) {
	for name, src := range map[string]string{
		"unknown effect": `decision := {"effect": "maybe", "reasons": []}`,
		"not an object":  `decision := "allow"`,
		"reason no id":   `decision := {"effect": "warn", "reasons": [{"effect": "warn"}]}`,
		"controls type":  `decision := {"effect": "warn", "reasons": [{"id": "x", "effect": "warn", "controls": "OWASP"}]}`,
		"evidence start": `decision := {"effect": "redact", "reasons": [], "obligations": {"redact": [{"field": "f", "start": "0", "end": 1, "type": "T"}]}}`,
	} {
		t.Run(name, func(t *testing.T) {
			e := New(Options{})
			e.Activate(compileT(t, "r1", nil, "package parapet.main\n\n"+src+"\n"))
			d, _ := e.Decide(context.Background(), prompt("hi"))
			if d.Effect != EffectDeny || !d.FailClosed || d.Reasons[0].ID != ReasonInvalidDecision {
				t.Fatalf("got %+v", d)
			}
		})
	}
}

func TestReasonEffectRaisesDecisionEffect(t *testing.T) {
	e := New(Options{})
	e.Activate(compileT(t, "r1", nil, `package parapet.main

decision := {"effect": "allow", "reasons": [{"id": "x", "effect": "deny", "message": "m", "severity": "high", "controls": []}]}
`))
	d, _ := e.Decide(context.Background(), prompt("hi"))
	if d.Effect != EffectDeny || d.Allow || d.FailClosed {
		t.Fatalf("a deny reason must make the decision deny; got %+v", d)
	}
}

func TestRedactionPlaceholders(t *testing.T) {
	e := New(Options{Analyzer: analysis.NewAnalyzer(wordDetector{"bob@example.com", "EMAIL_ADDRESS", "pii"}, wordDetector{"555-0100", "PHONE_NUMBER", "pii"})})
	e.Activate(compileT(t, "r1", nil, redactPolicy))
	req := prompt("héllo 👋 bob@example.com, call 555-0100", "again: bob@example.com and 555-0100")
	d, err := e.Decide(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if d.Effect != EffectRedact || !d.Allow {
		t.Fatalf("effect %s", d.Effect)
	}
	want := []string{"héllo 👋 <EMAIL_ADDRESS_1>, call <PHONE_NUMBER_1>", "again: <EMAIL_ADDRESS_1> and <PHONE_NUMBER_1>"}
	for i, w := range want {
		if d.Messages[i].Content != w {
			t.Errorf("messages[%d] = %q, want %q", i, d.Messages[i].Content, w)
		}
	}
	// The request itself is not changed.
	if !strings.Contains(req.Messages[0].Content, "bob@example.com") {
		t.Error("the request was modified in place")
	}
	// Evidence offsets are code points: "héllo 👋 " is 8 code points.
	ev := d.Reasons[0].Evidence[0]
	if ev.Field != "messages[0].content" || ev.Start != 8 || ev.End != 8+len("bob@example.com") {
		t.Errorf("evidence %+v", ev)
	}
	if got := d.Obligations.Placeholders; got["<EMAIL_ADDRESS_1>"] != "EMAIL_ADDRESS" || len(got) != 2 {
		t.Errorf("placeholders %v", got)
	}
	if got := d.Vault().Restore("mail <EMAIL_ADDRESS_1> or <PHONE_NUMBER_1>, not <X_9>"); got != "mail bob@example.com or 555-0100, not <X_9>" {
		t.Errorf("restore = %q", got)
	}
}

func TestApplySpansMergesOverlaps(t *testing.T) {
	v := &Vault{}
	got := applySpans("abcdefghij", []span{{2, 5, "A"}, {4, 7, "B"}, {8, 20, "C"}}, v)
	if got != "ab<A_1>h<C_1>" {
		t.Fatalf("got %q", got)
	}
}

func TestStripReasoning(t *testing.T) {
	e := New(Options{Analyzer: analysis.NewAnalyzer(wordDetector{"bob@example.com", "EMAIL_ADDRESS", "pii"})})
	e.Activate(compileT(t, "r1", nil, redactPolicy))
	req := &Request{Phase: PhaseResponse, Subject: Subject{ID: "a"}, Resource: Resource{Model: "m"},
		Response: &Response{Content: "<think>mail bob@example.com</think>\nThe answer, bob@example.com.", Reasoning: "thinking about bob@example.com"}}
	d, err := e.Decide(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if d.Response == nil || d.Response.Reasoning != "" || d.Response.Content != "The answer, <EMAIL_ADDRESS_1>." {
		t.Fatalf("response %+v", d.Response)
	}
}

func TestStripThink(t *testing.T) {
	for in, want := range map[string]string{
		"<think>a</think>\n\nb":                "b",
		"x<think>a</think>y<think>b":           "xy",
		"no think":                             "no think",
		"<think>only":                          "",
		"a <think>1</think>b<think>2</think>c": "a bc",
	} {
		if got := StripThink(in); got != want {
			t.Errorf("StripThink(%q) = %q, want %q", in, got, want)
		}
	}
}

const rbacModel = `[request_definition]
r = sub, dom, obj, act

[policy_definition]
p = sub, dom, obj, act

[role_definition]
g = _, _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = g(r.sub, p.sub, r.dom) && (p.dom == "*" || r.dom == p.dom) && globMatch(r.obj, p.obj) && (p.act == "*" || r.act == p.act)
`

func rbacData() map[string]any {
	rows := [][]string{
		{"p", "employee", "*", "*-onprem", "*"},
		{"p", "developer", "*", "*", "*"},
		{"p", "analyst", "acme", "gpt-4o", "chat.completions"},
		{"g", "analyst", "employee", "*"},
		{"g", "carol", "analyst", "acme"},
	}
	var ps []any
	for _, r := range rows {
		var a []any
		for _, x := range r {
			a = append(a, x)
		}
		ps = append(ps, a)
	}
	return map[string]any{"parapet": map[string]any{"rbac": map[string]any{"model": rbacModel, "policies": ps}}}
}

const accessPolicy = `package parapet.main

decision := {"effect": "allow", "reasons": []} if input.access.allowed

decision := {"effect": "deny", "reasons": [{"id": "access.model_not_permitted", "effect": "deny", "message": concat(",", input.access.roles), "severity": "high", "controls": ["OWASP-LLM06"]}]} if not input.access.allowed
`

func TestAccessFromCasbin(t *testing.T) {
	e := New(Options{})
	e.Activate(compileT(t, "r1", rbacData(), accessPolicy))
	cases := []struct {
		sub    Subject
		model  string
		effect string
		roles  string
	}{
		{Subject{ID: "carol", Tenant: "acme"}, "gpt-4o", "allow", ""},                                             // granted analyst in acme
		{Subject{ID: "carol", Tenant: "acme"}, "llama-onprem", "allow", ""},                                       // analyst inherits employee
		{Subject{ID: "carol", Tenant: "acme"}, "deepseek-r1", "deny", "analyst,employee"},                         // not permitted
		{Subject{ID: "carol", Tenant: "globex"}, "gpt-4o", "deny", ""},                                            // no grant in this tenant
		{Subject{ID: "dave", Roles: []string{"analyst"}, Tenant: "globex"}, "gpt-4o", "deny", "analyst,employee"}, // analyst's gpt-4o grant is acme-only
		{Subject{ID: "dave", Roles: []string{"developer"}}, "deepseek-r1", "allow", ""},
		{Subject{ID: "eve"}, "gpt-4o", "deny", ""},
	}
	for _, c := range cases {
		req := prompt("hi")
		req.Subject, req.Resource.Model = c.sub, c.model
		d, err := e.Decide(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if d.Effect != c.effect {
			t.Errorf("%+v on %s: effect %s, want %s", c.sub, c.model, d.Effect, c.effect)
		}
		if c.roles != "" && d.Reasons[0].Message != c.roles {
			t.Errorf("%+v: expanded roles %q, want %q", c.sub, d.Reasons[0].Message, c.roles)
		}
	}
}

func TestBadRBACDataRefused(t *testing.T) {
	data := map[string]any{"parapet": map[string]any{"rbac": map[string]any{"model": rbacModel, "policies": []any{[]any{"x", "a"}}}}}
	_, err := Compile(context.Background(), "t", testBundle(t, "r", data, accessPolicy), CompileOptions{})
	if err == nil || !strings.Contains(err.Error(), "data.parapet.rbac.policies[0]") {
		t.Fatalf("err = %v", err)
	}
}

func TestCompileErrorNamesFileAndLine(t *testing.T) {
	src := "package parapet.main\n\ndecision := x if {\n\ty := 1\n}\n"
	m, err := ast.ParseModuleWithOpts("bad.rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	b := &bundle.Bundle{Data: map[string]any{}, Modules: []bundle.ModuleFile{{Path: "bad.rego", URL: "bad.rego", Raw: []byte(src), Parsed: m}}}
	_, err = Compile(context.Background(), "t", b, CompileOptions{})
	if err == nil || !strings.Contains(err.Error(), "bad.rego:3:") {
		t.Fatalf("err = %v", err)
	}
}

// Bundles swap atomically: each decision comes wholly from one revision.
func TestActivateIsAtomicUnderLoad(t *testing.T) {
	mk := func(rev, effect string) *Policy {
		return compileT(t, rev, nil, fmt.Sprintf(`package parapet.main

decision := {"effect": %q, "reasons": [{"id": %q, "effect": %q, "message": "m", "severity": "low", "controls": []}]}
`, effect, rev, effect))
	}
	p1, p2 := mk("r1", "warn"), mk("r2", "redact")
	e := New(Options{})
	e.Activate(p1)
	var wg sync.WaitGroup
	var bad, total atomic.Int64
	stop := make(chan struct{})
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				d, err := e.Decide(context.Background(), prompt("hi"))
				total.Add(1)
				if err != nil || d.FailClosed || d.Reasons[0].ID != d.Bundle.Revision ||
					(d.Bundle.Revision == "r1") != (d.Effect == "warn") {
					bad.Add(1)
				}
			}
		}()
	}
	for i := 0; total.Load() < 2000; i++ {
		if i%2 == 0 {
			e.Activate(p2)
		} else {
			e.Activate(p1)
		}
		runtime.Gosched()
	}
	close(stop)
	wg.Wait()
	if bad.Load() != 0 || total.Load() == 0 {
		t.Fatalf("%d of %d decisions mixed revisions or failed", bad.Load(), total.Load())
	}
}

func TestValidationNamesTheField(t *testing.T) {
	cases := []struct {
		name, body, code, field string
	}{
		{"wrong phase", `{"phase":"during","subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"}]}`, CodeInvalidField, "phase"},
		{"missing phase", `{"subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"}]}`, CodeMissingField, "phase"},
		{"missing messages", `{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m"}}`, CodeMissingField, "messages"},
		{"unknown role", `{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"},{"role":"wizard","content":"y"}]}`, CodeInvalidField, "messages[1].role"},
		{"unknown top-level field", `{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"}],"extra":1}`, CodeUnknownField, "extra"},
		{"unknown nested field", `{"phase":"prompt","subject":{"id":"a","name":"x"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"}]}`, CodeUnknownField, "subject.name"},
		{"unknown field in array", `{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"},{"role":"user","content":"y","model":"z"}]}`, CodeUnknownField, "messages[1].model"},
		{"invalid utf8", "{\"phase\":\"prompt\",\"subject\":{\"id\":\"a\"},\"resource\":{\"model\":\"m\"},\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"user\",\"content\":\"bad \xff byte\"}]}", CodeInvalidUTF8, "messages[1].content"},
		{"wrong type", `{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":42}]}`, CodeInvalidField, "messages[0].content"},
		{"missing subject", `{"phase":"prompt","resource":{"model":"m"},"messages":[{"role":"user","content":"x"}]}`, CodeMissingField, "subject.id"},
		{"missing model", `{"phase":"prompt","subject":{"id":"a"},"messages":[{"role":"user","content":"x"}]}`, CodeMissingField, "resource.model"},
		{"response missing", `{"phase":"response","subject":{"id":"a"},"resource":{"model":"m"}}`, CodeMissingField, "response"},
		{"bad endpoint", `{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m","endpoint":"images"},"messages":[{"role":"user","content":"x"}]}`, CodeInvalidField, "resource.endpoint"},
		{"bad doc source", `{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"}],"context":{"documents":[{"text":"t","source":"web"}]}}`, CodeInvalidField, "context.documents[0].source"},
		{"syntax", `{"phase":`, CodeInvalidJSON, ""},
		{"trailing", `{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"}]} {}`, CodeInvalidJSON, ""},
		{"not an object", `[1,2]`, CodeInvalidJSON, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, err := DecodeRequest([]byte(c.body))
			if err == nil {
				err = Limits{}.Validate(req)
			}
			var re *RequestError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, want a RequestError", err)
			}
			if re.Code != c.code || re.Field != c.field {
				t.Fatalf("got code %q field %q (%v), want %q %q", re.Code, re.Field, re, c.code, c.field)
			}
		})
	}
}

func TestValidRequestGetsDefaults(t *testing.T) {
	req, err := DecodeRequest([]byte(`{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := (Limits{}).Validate(req); err != nil {
		t.Fatal(err)
	}
	if req.Resource.Endpoint != "chat.completions" || req.Subject.Tenant != DefaultTenant {
		t.Fatalf("defaults not filled: %+v", req)
	}
}

func FuzzDecodeRequest(f *testing.F) {
	f.Add([]byte(`{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"}]}`))
	f.Add([]byte("{\"messages\":[{\"content\":\"\xff\"}]}"))
	f.Add([]byte(`{"context":{"documents":[{"x":1}]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := DecodeRequest(body)
		if err != nil {
			var re *RequestError
			if !errors.As(err, &re) || re.Code == "" {
				t.Fatalf("error without a code: %v", err)
			}
			return
		}
		_ = Limits{}.Validate(req)
	})
}

func FuzzApplySpans(f *testing.F) {
	f.Add("héllo 👋 world", 1, 4, 3, 9)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		v := &Vault{}
		out := applySpans(text, []span{{s1, e1, "A"}, {s2, e2, "B"}}, v)
		if v.Len() == 0 && out != text {
			t.Fatalf("no placeholder but text changed: %q -> %q", text, out)
		}
	})
}
