package usage_test

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/loader"

	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/usage"
	"github.com/parapet-dev/parapet/engine/usage/redistest"
	defaultbundle "github.com/parapet-dev/parapet/rego"
)

func call(subject string, tokens int64) engine.UsageCall {
	return engine.UsageCall{Subject: subject, Tenant: "acme", Model: "gpt-4o", At: time.Date(2026, 11, 25, 10, 15, 30, 0, time.UTC),
		Requests: 1, Tokens: tokens, CostMicros: tokens * 2}
}

// storeContract is what every store must do.
func storeContract(t *testing.T, s engine.UsageStore) {
	ctx := context.Background()
	a1, err := s.Reserve(ctx, call("alice", 10))
	if err != nil {
		t.Fatal(err)
	}
	if a1.Subject.Day.Requests != 1 || a1.Subject.Day.Tokens != 10 || a1.Tenant.Month.Tokens != 10 || a1.Model.Minute.Requests != 1 {
		t.Fatalf("first reserve: %+v", a1)
	}
	if a1.Subject.Day.Cost != 0.00002 {
		t.Fatalf("cost = %v, want 0.00002", a1.Subject.Day.Cost)
	}
	b1, _ := s.Reserve(ctx, call("bob", 5))
	if b1.Subject.Day.Tokens != 5 || b1.Tenant.Day.Tokens != 15 || b1.Model.Day.Requests != 2 {
		t.Fatalf("bob shares the tenant and model, not the subject: %+v", b1)
	}
	p, _ := s.Peek(ctx, call("alice", 7))
	if p.Subject.Day.Tokens != 17 || p.Tenant.Day.Tokens != 22 {
		t.Fatalf("peek includes the call: %+v", p)
	}
	if err := s.Release(ctx, call("bob", 5)); err != nil {
		t.Fatal(err)
	}
	a2, _ := s.Reserve(ctx, call("alice", 1))
	if a2.Subject.Day.Tokens != 11 || a2.Tenant.Day.Tokens != 11 || a2.Tenant.Day.Requests != 2 {
		t.Fatalf("after bob's release: %+v", a2)
	}
	next := call("alice", 1)
	next.At = next.At.Add(time.Minute)
	a3, _ := s.Reserve(ctx, next)
	if a3.Subject.Minute.Requests != 1 || a3.Subject.Day.Requests != 3 {
		t.Fatalf("a new minute starts at zero, the day goes on: %+v", a3)
	}
	nextMonth := call("alice", 1)
	nextMonth.At = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	a4, _ := s.Reserve(ctx, nextMonth)
	if a4.Subject.Month.Requests != 1 || a4.Subject.Day.Requests != 1 {
		t.Fatalf("a new month: %+v", a4)
	}
}

func TestMemoryStore(t *testing.T) { storeContract(t, usage.NewMemory()) }

func testPrefix(t *testing.T) string {
	return "parapet:test:" + t.Name() + ":" + strconv.FormatInt(time.Now().UnixNano(), 36) + ":"
}

func newRedis(t *testing.T, u, prefix string) *usage.Redis {
	t.Helper()
	s, err := usage.NewRedis(u, usage.RedisOptions{Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestRedisStore(t *testing.T) {
	storeContract(t, newRedis(t, redistest.URL(t), testPrefix(t)))
}

// Two clients (two connection pools, as two replicas have) reserving
// concurrently see every total exactly once.
func TestRedisConcurrentReservesAreAtomic(t *testing.T) {
	u := redistest.URL(t)
	prefix := testPrefix(t)
	a, b := newRedis(t, u, prefix), newRedis(t, u, prefix)
	const n = 200
	var seen sync.Map
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func(s engine.UsageStore) {
			defer wg.Done()
			tot, err := s.Reserve(context.Background(), call("alice", 1))
			if err != nil {
				t.Error(err)
				return
			}
			if _, dup := seen.LoadOrStore(tot.Subject.Day.Requests, true); dup {
				t.Errorf("total %d seen twice", tot.Subject.Day.Requests)
			}
		}([]engine.UsageStore{a, b}[i%2])
	}
	wg.Wait()
	for i := int64(1); i <= n; i++ {
		if _, ok := seen.Load(i); !ok {
			t.Fatalf("total %d never seen", i)
		}
	}
}

func TestUnavailableRedisMarksUsageUnavailable(t *testing.T) {
	s, err := usage.NewRedis("redis://127.0.0.1:1/0?dial_timeout=200ms", usage.RedisOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	eng := budgetEngine(t, s, 5)
	d, err := eng.Decide(context.Background(), prompt("alice"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Effect != "deny" || d.Reasons[0].ID != "usage.unavailable" {
		t.Fatalf("the policy decides what an unreachable store means: %+v", d.Reasons)
	}
}

func TestTokens(t *testing.T) {
	if n := usage.Tokens("gpt-4o", "hello world"); n != 2 {
		t.Fatalf("Tokens(hello world) = %d, want 2", n)
	}
	if usage.Tokens("x", "") != 0 {
		t.Fatal("empty text has tokens")
	}
	long := strings.Repeat("The quick brown fox jumps over the lazy dog. ", 100)
	if n := usage.Tokens("deepseek-r1", long); n < 900 || n > 1200 {
		t.Fatalf("Tokens(100 sentences) = %d", n)
	}
}

func TestOpen(t *testing.T) {
	if s, err := usage.Open(""); err != nil || s == nil {
		t.Fatal(s, err)
	}
	if _, err := usage.Open("memcached://x"); err == nil {
		t.Fatal("memcached accepted")
	}
}

const budgetPolicy = `package parapet.main

limit := data.limit

reasons contains {"id": "usage.budget_exceeded", "effect": "deny", "message": "over budget", "severity": "medium", "controls": ["OWASP-LLM10"]} if {
	input.usage.available
	input.usage.subject.day.requests > limit
}

reasons contains {"id": "usage.unavailable", "effect": "deny", "message": "no usage", "severity": "medium", "controls": ["OWASP-LLM10"]} if {
	not input.usage.available
}

decision := {"effect": "allow", "reasons": [r | some r in reasons], "obligations": {}, "route": {}}
`

func budgetEngine(t testing.TB, s engine.UsageStore, limit int) *engine.Engine {
	t.Helper()
	m, err := ast.ParseModuleWithOpts("main.rego", budgetPolicy, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	b := &bundle.Bundle{Manifest: bundle.Manifest{Revision: "budget"}, Data: map[string]any{"limit": limit},
		Modules: []bundle.ModuleFile{{Path: "main.rego", URL: "main.rego", Raw: []byte(budgetPolicy), Parsed: m}}}
	p, err := engine.Compile(context.Background(), "budget", b, engine.CompileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	eng := engine.New(engine.Options{Usage: usage.Options(s)})
	eng.Activate(p)
	return eng
}

func prompt(subject string) *engine.Request {
	return &engine.Request{Phase: "prompt", Subject: engine.Subject{ID: subject, Tenant: "acme"},
		Resource: engine.Resource{Model: "gpt-4o"}, Messages: []engine.Message{{Role: "user", Content: "hello there"}}}
}

func TestBudgetInMemory(t *testing.T) {
	eng := budgetEngine(t, usage.NewMemory(), 3)
	var effects []string
	for range 5 {
		d, err := eng.Decide(context.Background(), prompt("alice"))
		if err != nil {
			t.Fatal(err)
		}
		effects = append(effects, d.Effect)
		if d.Facts().Usage == nil || d.Facts().Usage.Request.Tokens != 2 {
			t.Fatalf("facts carry the usage: %+v", d.Facts().Usage)
		}
	}
	// Refused calls are released, so they do not eat the budget; the
	// budget is the policy's (three a day), not the store's.
	if got := strings.Join(effects, ","); got != "allow,allow,allow,deny,deny" {
		t.Fatalf("effects = %s", got)
	}
	d, _ := eng.Decide(context.Background(), prompt("bob"))
	if d.Effect != "allow" {
		t.Fatalf("bob has his own budget: %s", d.Effect)
	}
}

// The budget holds across processes sharing one Redis: two child
// processes (this test binary, re-run) decide concurrently for the same
// subject, and between them exactly the budget is allowed.
func TestRedisBudgetHoldsAcrossProcesses(t *testing.T) {
	u := redistest.URL(t)
	const budget, perChild = 25, 40
	prefix := "parapet:test:procs:" + strconv.FormatInt(time.Now().UnixNano(), 36) + ":"
	var total atomic.Int64
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestUsageChildProcess$", "-test.count=1")
			cmd.Env = append(os.Environ(), "PARAPET_USAGE_CHILD="+u, "PARAPET_USAGE_PREFIX="+prefix,
				"PARAPET_USAGE_N="+strconv.Itoa(perChild), "PARAPET_USAGE_BUDGET="+strconv.Itoa(budget))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("child %d: %v\n%s", i, err, out)
				return
			}
			sc := bufio.NewScanner(strings.NewReader(string(out)))
			found := false
			for sc.Scan() {
				if v, ok := strings.CutPrefix(sc.Text(), "allowed="); ok {
					n, _ := strconv.Atoi(v)
					total.Add(int64(n))
					found = true
				}
			}
			if !found {
				t.Errorf("child %d printed no count:\n%s", i, out)
			}
		}()
	}
	wg.Wait()
	if got := total.Load(); got != budget {
		t.Fatalf("two processes allowed %d calls between them, want exactly the budget %d", got, budget)
	}
}

// TestUsageChildProcess is the child of the test above; on its own it
// does nothing.
func TestUsageChildProcess(t *testing.T) {
	u := os.Getenv("PARAPET_USAGE_CHILD")
	if u == "" {
		t.Skip("run by TestRedisBudgetHoldsAcrossProcesses")
	}
	n, _ := strconv.Atoi(os.Getenv("PARAPET_USAGE_N"))
	budget, _ := strconv.Atoi(os.Getenv("PARAPET_USAGE_BUDGET"))
	s, err := usage.NewRedis(u, usage.RedisOptions{Prefix: os.Getenv("PARAPET_USAGE_PREFIX")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	eng := budgetEngine(t, s, budget)
	var allowed atomic.Int64
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range n / 4 {
				d, err := eng.Decide(context.Background(), prompt("alice"))
				if err != nil {
					t.Error(err)
					return
				}
				if d.Allow {
					allowed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	fmt.Printf("allowed=%d\n", allowed.Load())
}

// The shipped budget rule (rego/usage.rego) over Redis: two engines, as
// two replicas, share a subject's daily request budget.
func TestDefaultLibraryBudgetOverRedis(t *testing.T) {
	u := redistest.URL(t)
	b, err := loader.NewFileLoader().WithFS(defaultbundle.FS).WithSkipBundleVerification(true).WithProcessAnnotation(true).
		WithFilter(func(_ string, info fs.FileInfo, _ int) bool { return strings.HasSuffix(info.Name(), "_test.rego") }).AsBundle(".")
	if err != nil {
		t.Fatal(err)
	}
	b.Data["parapet"].(map[string]any)["config"].(map[string]any)["budgets"] = map[string]any{
		"subject": map[string]any{"day": map[string]any{"requests": 5}},
	}
	p, err := engine.Compile(context.Background(), "default", b, engine.CompileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	prefix := "parapet:test:lib:" + strconv.FormatInt(time.Now().UnixNano(), 36) + ":"
	var engs []*engine.Engine
	for range 2 {
		s, err := usage.NewRedis(u, usage.RedisOptions{Prefix: prefix})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		e := engine.New(engine.Options{Usage: usage.Options(s)})
		e.Activate(p)
		engs = append(engs, e)
	}
	var got []string
	for i := range 8 {
		d, err := engs[i%2].Decide(context.Background(), &engine.Request{Phase: "prompt", Subject: engine.Subject{ID: "alice", Tenant: "acme"},
			Resource: engine.Resource{Model: "llama-3.1-8b-onprem"}, Messages: []engine.Message{{Role: "user", Content: "Summarise our returns policy."}}})
		if err != nil {
			t.Fatal(err)
		}
		s := d.Effect
		if len(d.Reasons) > 0 {
			s += ":" + d.Reasons[0].ID
		}
		got = append(got, s)
	}
	if strings.Join(got[5:], ",") != "deny:usage.rate_limited,deny:usage.rate_limited,deny:usage.rate_limited" {
		t.Fatalf("effects: %v", got)
	}
	for _, g := range got[:5] {
		if strings.HasPrefix(g, "deny") {
			t.Fatalf("denied within the budget: %v", got)
		}
	}
}
