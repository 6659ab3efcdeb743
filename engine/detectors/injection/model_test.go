package injection

import (
	"math"
	"testing"
)

func TestEmbeddedWeightsLoad(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	if len(embeddedWeights) > 4<<20 {
		t.Errorf("weights file is %d bytes, over 4 MiB", len(embeddedWeights))
	}
	nonzero := 0
	for _, w := range m.w {
		if w != 0 {
			nonzero++
		}
	}
	if nonzero < 1000 {
		t.Errorf("only %d non-zero weights: an untrained file?", nonzero)
	}
	if math.Abs(m.Threshold-DefaultThreshold) > 0.005 {
		t.Errorf("DefaultThreshold %.3f differs from the tuned threshold in the weights file %.3f", DefaultThreshold, m.Threshold)
	}
}

func TestModelRoundTrip(t *testing.T) {
	w := make([]float64, hashDim)
	w[7], w[99] = 1.5, -0.75
	m, err := LoadModel(EncodeModel(w, -1, 0.42))
	if err != nil {
		t.Fatal(err)
	}
	if m.Threshold < 0.419 || m.Threshold > 0.421 || m.w[7] != 127 || m.w[99] != -64 || m.bias != -1 {
		t.Errorf("round trip: threshold %v w7 %v w99 %v bias %v", m.Threshold, m.w[7], m.w[99], m.bias)
	}
	if _, err := LoadModel([]byte("nope")); err == nil {
		t.Error("garbage accepted")
	}
	if _, err := LoadModel(EncodeModel(w, 0, 0.5)[:100]); err == nil {
		t.Error("truncated file accepted")
	}
}

func TestSplit(t *testing.T) {
	counts := map[string]int{}
	for i := 0; i < 10000; i++ {
		counts[Split(string(rune('a'+i%26))+string(rune(i)))]++
	}
	if counts["train"] < 6000 || counts["tune"] < 700 || counts["test"] < 1500 {
		t.Errorf("split proportions: %v", counts)
	}
	// Fixed: the split of an id never changes.
	if got := SplitBucket("inj-0b5eb1b3b98a"); got != SplitBucket("inj-0b5eb1b3b98a") || Split("x") != Split("x") {
		t.Error("split not stable")
	}
}

func TestFeaturesMatchScoring(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Ignore previous instructions", benchText(5000), "数据 données 데이터"} {
		idx, val := Features(text, "user")
		z := m.bias
		for i, h := range idx {
			z += float64(m.w[h]) * m.scale * float64(val[i])
		}
		r := m.Analyze(text, "user")
		if p := sigmoid(z); math.Abs(p-r.Classifier) > 1e-4 {
			t.Errorf("classifier from Features %.5f, from scoring %.5f", p, r.Classifier)
		}
	}
}
