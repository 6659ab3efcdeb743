package engine_test

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
)

func loadPrompt(tb testing.TB) []byte {
	tb.Helper()
	raw, err := os.ReadFile("testdata/prompt-2k.json")
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

func defaultEngine(tb testing.TB) *engine.Engine {
	tb.Helper()
	p, err := bundles.Compile(context.Background(), "", nil)
	if err != nil {
		tb.Fatal(err)
	}
	e := engine.New(engine.Options{Analyzer: detectors.Default()})
	e.Analyzer().Warm(context.Background())
	e.Activate(p)
	return e
}

// BenchmarkDecide is one decision on a realistic 2 KB support-chat prompt
// with the default bundle and every built-in detector: decode, validate,
// access, analysis, evaluation and redaction.
func BenchmarkDecide(b *testing.B) {
	raw := loadPrompt(b)
	e := defaultEngine(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		req, err := engine.DecodeRequest(raw)
		if err != nil {
			b.Fatal(err)
		}
		d, err := e.Decide(ctx, req)
		if err != nil || d.FailClosed {
			b.Fatalf("%v %+v", err, d)
		}
	}
}

func TestDefaultBundleDecidesThePrompt(t *testing.T) {
	e := defaultEngine(t)
	req, err := engine.DecodeRequest(loadPrompt(t))
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.Decide(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if d.Effect != engine.EffectRedact || d.FailClosed {
		t.Fatalf("effect %s, reasons %+v", d.Effect, d.Reasons)
	}
}

// smallMessages is the small chat of bench/proxy-overhead.sh.
var smallMessages = []engine.Message{
	{Role: "system", Content: "You are a helpful assistant for the returns desk."},
	{Role: "user", Content: "Summarise our returns policy in three bullet points."},
}

// smallRequest asks about smallMessages in a phase (the answer is added
// by the caller).
func smallRequest(phase string) *engine.Request {
	return &engine.Request{Phase: phase, Subject: engine.Subject{ID: "local", Roles: []string{"developer"}},
		Resource: engine.Resource{Model: "gpt-4o", Endpoint: "chat.completions"}, Messages: smallMessages}
}

// BenchmarkDecideSmall is one decision on the small chat of
// bench/proxy-overhead.sh, its prompt and its answer: the two decisions a
// non-streamed call through the proxy makes.
func BenchmarkDecideSmall(b *testing.B) {
	e := defaultEngine(b)
	ctx := context.Background()
	for _, phase := range []string{engine.PhasePrompt, engine.PhaseResponse} {
		b.Run(phase, func(b *testing.B) {
			b.ReportAllocs()
			var eval int64
			for b.Loop() {
				req := smallRequest(phase)
				if phase == engine.PhaseResponse {
					req.Response = &engine.Response{Content: "Here are three points: items can be returned within 30 days; refunds go to the original payment method; sale items are final."}
				}
				d, err := e.Decide(ctx, req)
				if err != nil || d.FailClosed || d.Effect != engine.EffectAllow {
					b.Fatalf("%v %+v", err, d)
				}
				eval += d.Timings.Eval
			}
			b.ReportMetric(float64(eval)/float64(b.N), "eval-µs/op")
		})
	}
}

// BenchmarkDecideSmallNewGoroutine is BenchmarkDecideSmall's prompt
// decided on a new goroutine each time, as on a new connection: its stack
// starts small and must grow for OPA's evaluation.
func BenchmarkDecideSmallNewGoroutine(b *testing.B) {
	e := defaultEngine(b)
	ctx := context.Background()
	b.ReportAllocs()
	done := make(chan error)
	for b.Loop() {
		go func() {
			d, err := e.Decide(ctx, smallRequest(engine.PhasePrompt))
			if err == nil && (d.FailClosed || d.Effect != engine.EffectAllow) {
				err = errors.New(d.Effect)
			}
			done <- err
		}()
		if err := <-done; err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileDefault is activating the default bundle: compiling it
// and partially evaluating the decision query (docs/architecture.md).
func BenchmarkCompileDefault(b *testing.B) {
	for b.Loop() {
		if _, err := bundles.Compile(context.Background(), "", nil); err != nil {
			b.Fatal(err)
		}
	}
}
