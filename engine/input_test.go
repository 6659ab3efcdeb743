package engine

import (
	"strconv"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// summarizeSignals keeps the maximum per source and per field, whether
// it looks keys up linearly (a few) or by index (many, past
// keyedMaxLinear): compared here with maps.
func TestSummarizeSignalsMaxPerKey(t *testing.T) {
	var sigs []analysis.Signal
	for i := range 120 {
		sigs = append(sigs, analysis.Signal{
			Kind: "injection", Source: []string{"user", "system", "tool"}[i%3],
			Field: "messages[" + strconv.Itoa(i%45) + "].content", Score: float64((i*37)%101) / 100,
			Matches: []string{strconv.Itoa(i % 4)},
		})
	}
	sigs = append(sigs, analysis.Signal{Kind: "other", Source: "user", Field: "x", Score: 0})
	sums := summarizeSignals(sigs)
	if len(sums) != 2 || sums[0].kind != "injection" || sums[1].kind != "other" {
		t.Fatalf("kinds: %+v", sums)
	}
	bySrc, fields, max := map[string]float64{}, map[string]float64{}, 0.0
	for _, s := range sigs[:120] {
		if v, ok := bySrc[s.Source]; !ok || s.Score > v {
			bySrc[s.Source] = s.Score
		}
		if v, ok := fields[s.Field]; !ok || s.Score > v {
			fields[s.Field] = s.Score
		}
		max = maxF(max, s.Score)
	}
	got := sums[0]
	if got.Score != max {
		t.Fatalf("score %v, want %v", got.Score, max)
	}
	check := func(name string, m *keyedMax, want map[string]float64) {
		if len(m.keys) != len(want) {
			t.Fatalf("%s: %d keys, want %d", name, len(m.keys), len(want))
		}
		for i, k := range m.keys {
			if m.max[i] != want[k] {
				t.Fatalf("%s[%s] = %v, want %v", name, k, m.max[i], want[k])
			}
		}
	}
	check("by_source", &got.BySource, bySrc)
	check("fields", &got.Fields, fields)
	if len(got.Matches) != 4 {
		t.Fatalf("matches %v", got.Matches)
	}
	if o := sums[1]; len(o.Fields.keys) != 1 || o.Matches == nil {
		t.Fatalf("other: %+v", o)
	}
}

func maxF(a, b float64) float64 {
	if b > a {
		return b
	}
	return a
}
