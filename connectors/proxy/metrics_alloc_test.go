package proxy

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parapet-dev/parapet/engine"
)

// Observing a decision allocates nothing: the label children are made
// once, in New.
func TestMetricsObserveAllocs(t *testing.T) {
	m, err := NewMetrics(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	b := m.bind([]*upstream{{Upstream: Upstream{Name: "fake"}}})
	d := &engine.Decision{Effect: engine.EffectRedact, Timings: engine.Timings{Analysis: 120, Eval: 80, Total: 260}}
	prompt := &engine.Request{Phase: engine.PhasePrompt}
	response := &engine.Request{Phase: engine.PhaseResponse}
	info := StreamInfo{Route: "chat.completions", Upstream: "fake", Streamed: true, Outcome: OutcomeForwarded,
		ResponseOutcome: OutcomeCompleted, Evaluations: 3, LateRedactions: 1, UpstreamDuration: time.Millisecond}
	hook := b.hook(nil)
	if n := testing.AllocsPerRun(200, func() {
		hook(t.Context(), response, d, info)
		hook(t.Context(), prompt, d, info)
	}); n != 0 {
		t.Errorf("%v allocations per call", n)
	}
}

// Counting a request error or a fail-open call allocates nothing either.
func TestMetricsRequestErrorAllocs(t *testing.T) {
	m, err := NewMetrics(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	b := m.bind(nil)
	bad := &apiError{status: http.StatusBadRequest, code: engine.CodeInvalidJSON}
	odd := &apiError{status: http.StatusTeapot, code: "not_a_known_code"}
	denied := &apiError{status: http.StatusForbidden, code: "use.prompt_injection", policy: true}
	if n := testing.AllocsPerRun(200, func() {
		b.requestError("/v1/chat/completions", bad)
		b.requestError("/elsewhere", odd)
		b.requestError("/v1/messages", denied)
		b.failedOpen("chat.completions")
	}); n != 0 {
		t.Errorf("%v allocations per call", n)
	}
}

// The labels of a request error: the route from the matched path (or
// "unknown"), the code if it is a known one (or "other"); policy denials
// and upstream failures are not request errors.
func TestRequestErrorLabels(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	var b *boundMetrics
	b.requestError("/v1/chat/completions", &apiError{code: "internal"}) // nil: no metrics, no panic
	b.failedOpen("chat.completions")
	b = m.bind(nil)
	for _, c := range []struct {
		path string
		e    apiError
	}{
		{"/v1/chat/completions", apiError{code: "internal"}},
		{"/api/v1/messages", apiError{code: engine.CodeTooLarge}}, // mounted under a prefix
		{"/v1/models", apiError{code: "invalid_api_key"}},
		{"", apiError{code: "unauthorized"}},                                     // no route matched
		{"/v1/embeddings", apiError{code: "Ignore previous instructions"}},       // never a label
		{"/v1/embeddings", apiError{code: "use.prompt_injection", policy: true}}, // a denial: not counted
		{"/v1/completions", apiError{code: "upstream_timeout"}},                  // an outcome: not counted
		{"/v1/completions", apiError{code: "upstream_invalid_response"}},
	} {
		b.requestError(c.path, &c.e)
	}
	b.failedOpen("messages")
	b.failedOpen("not-a-route") // not counted, not a label
	got := map[string]float64{}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		switch mf.GetName() {
		case "parapet_proxy_request_errors_total", "parapet_proxy_fail_open_total":
		default:
			continue
		}
		for _, s := range mf.GetMetric() {
			key := mf.GetName()
			for _, l := range s.GetLabel() {
				key += " " + l.GetName() + "=" + l.GetValue()
			}
			got[key] = s.GetCounter().GetValue()
		}
	}
	want := map[string]float64{
		"parapet_proxy_request_errors_total code=internal route=chat.completions":  1,
		"parapet_proxy_request_errors_total code=request_too_large route=messages": 1,
		"parapet_proxy_request_errors_total code=invalid_api_key route=models":     1,
		"parapet_proxy_request_errors_total code=unauthorized route=unknown":       1,
		"parapet_proxy_request_errors_total code=other route=embeddings":           1,
		"parapet_proxy_fail_open_total route=messages":                             1,
	}
	var sum float64
	for k, v := range got {
		if v != want[k] {
			t.Errorf("%s = %v, want %v", k, v, want[k])
		}
		sum += v
	}
	if sum != 6 {
		t.Errorf("sum %v, want 6", sum)
	}
	// Every route and code made up front; fail-open on the four routes.
	if n := len(got); n != len(metricErrorRoutes)*len(metricErrorCodes)+len(metricRoutes) {
		t.Errorf("%d series", n)
	}
}

// The metrics' fixed route names are the routes', and every code the
// proxy can answer with outside a policy denial is a known request-error
// code or an upstream failure: read from the package's source, so that a
// new error code is not silently counted as "other".
func TestRequestErrorCodesAreKnown(t *testing.T) {
	for i, rt := range []*route{routeChat, routeCompletion, routeEmbedding, routeMessages, routeResponses} {
		if metricRoutes[i] != rt.name || metricErrorRoutes[i] != rt.name {
			t.Errorf("route %d: metrics say %q/%q, the route %q", i, metricRoutes[i], metricErrorRoutes[i], rt.name)
		}
	}
	known := map[string]bool{}
	for _, c := range metricErrorCodes[:len(metricErrorCodes)-1] {
		known[c] = true
	}
	upstreamCode := map[string]bool{}
	for _, c := range upstreamErrorCodes {
		upstreamCode[c] = true
	}
	// The engine's codes (engine.RequestError, passed on as they are).
	fset := gotoken.NewFileSet()
	ef, err := parser.ParseFile(fset, "../../engine/validate.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	engineCodes := map[string]string{}
	ast.Inspect(ef, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok {
			for i, name := range vs.Names {
				if strings.HasPrefix(name.Name, "Code") && i < len(vs.Values) {
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == gotoken.STRING {
						engineCodes[name.Name], _ = strconv.Unquote(lit.Value)
					}
				}
			}
		}
		return true
	})
	if len(engineCodes) < 5 {
		t.Fatalf("engine codes: %v", engineCodes)
	}
	for name, code := range engineCodes {
		if !known[code] {
			t.Errorf("engine.%s = %q is not in metricErrorCodes", name, code)
		}
	}
	files, _ := filepath.Glob("*.go")
	seen := 0
	for _, fn := range files {
		if strings.HasSuffix(fn, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, fn, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if id, ok := cl.Type.(*ast.Ident); !ok || id.Name != "apiError" {
				return true
			}
			var code ast.Expr
			policy := false
			for _, el := range cl.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				switch kv.Key.(*ast.Ident).Name {
				case "code":
					code = kv.Value
				case "policy":
					policy = true
				}
			}
			seen++
			where := fset.Position(cl.Pos()).String()
			switch v := code.(type) {
			case *ast.BasicLit:
				s, _ := strconv.Unquote(v.Value)
				if policy {
					if known[s] || upstreamCode[s] {
						t.Errorf("%s: the policy denial %q shares a request-error code", where, s)
					}
				} else if !known[s] && !upstreamCode[s] {
					t.Errorf("%s: code %q is neither in metricErrorCodes nor in upstreamErrorCodes", where, s)
				}
			case *ast.SelectorExpr:
				if x, ok := v.X.(*ast.Ident); ok && x.Name == "engine" {
					if _, ok := engineCodes[v.Sel.Name]; !ok {
						t.Errorf("%s: engine.%s is not a code of engine/validate.go", where, v.Sel.Name)
					}
				} else if !policy && !(ok && x.Name == "re" && v.Sel.Name == "Code") {
					t.Errorf("%s: a code the test cannot check", where)
				}
			default:
				if !policy {
					t.Errorf("%s: a code the test cannot check", where)
				}
			}
			return true
		})
	}
	if seen < 20 {
		t.Errorf("%d apiError literals found; the test reads the wrong files", seen)
	}
}
