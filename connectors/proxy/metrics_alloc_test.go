package proxy

import (
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
