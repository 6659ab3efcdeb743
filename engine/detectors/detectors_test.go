package detectors

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
	"github.com/parapet-dev/parapet/engine/detectors/injection"
	"github.com/parapet-dev/parapet/engine/detectors/leakage"
	"github.com/parapet-dev/parapet/engine/detectors/names"
	"github.com/parapet-dev/parapet/engine/detectors/pii"
	"github.com/parapet-dev/parapet/engine/detectors/secrets"
)

// promptFields reads the 2 KB benchmark request's text fields.
func promptFields(tb testing.TB) []analysis.Field {
	tb.Helper()
	raw, err := os.ReadFile("../testdata/prompt-2k.json")
	if err != nil {
		tb.Fatal(err)
	}
	var req struct {
		Messages []struct{ Role, Content string }
		Context  struct{ Documents []struct{ Text string } }
	}
	if err := json.Unmarshal(raw, &req); err != nil {
		tb.Fatal(err)
	}
	var fs []analysis.Field
	for _, m := range req.Messages {
		fs = append(fs, analysis.Field{Path: "m", Source: m.Role, Text: m.Content})
	}
	for _, d := range req.Context.Documents {
		fs = append(fs, analysis.Field{Path: "d", Source: "document", Text: d.Text})
	}
	return fs
}

// BenchmarkAnalyze2KB runs each detector, and all of them, on the text of
// the 2 KB benchmark prompt.
func BenchmarkAnalyze2KB(b *testing.B) {
	fields := promptFields(b)
	n := 0
	for _, f := range fields {
		n += len(f.Text)
	}
	for _, c := range []struct {
		name string
		a    *analysis.Analyzer
	}{
		{"pii", analysis.NewAnalyzer(pii.New(pii.Options{}))},
		{"names", analysis.NewAnalyzer(names.New(names.Options{}))},
		{"secrets", analysis.NewAnalyzer(secrets.New(secrets.Options{}))},
		{"injection", analysis.NewAnalyzer(injection.New())},
		{"leakage", analysis.NewAnalyzer(leakage.New(leakage.Options{}))},
		{"all", Default()},
	} {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			c.a.Warm(ctx)
			in := &analysis.Input{Phase: "prompt", Fields: fields}
			b.ReportAllocs()
			b.SetBytes(int64(n))
			for b.Loop() {
				c.a.Analyze(ctx, in)
			}
		})
	}
}

// Names, ByName and Default agree on the built-in detectors.
func TestRegistry(t *testing.T) {
	want := map[string]bool{}
	for _, n := range Names {
		want[n] = true
		a, err := ByName([]string{n})
		if err != nil {
			t.Fatalf("ByName(%q): %v", n, err)
		}
		if got := a.Names(); len(got) != 1 || got[0] != n {
			t.Fatalf("ByName(%q) built %v", n, got)
		}
	}
	if !want["leakage"] {
		t.Fatal("leakage is not registered")
	}
	got := Default().Names()
	if len(got) != len(Names) {
		t.Fatalf("Default runs %v, Names lists %v", got, Names)
	}
	for _, n := range got {
		if !want[n] {
			t.Fatalf("Default runs %q, which Names does not list", n)
		}
	}
	if _, err := ByName([]string{"nope"}); err == nil {
		t.Fatal("ByName accepted an unknown detector")
	}
}

// The default policy denies injection at the detector's calibrated
// thresholds (docs/detection.md): retraining the classifier moves
// DefaultThreshold, and this test makes the policy follow.
func TestPolicyThresholdsMatchDetector(t *testing.T) {
	raw, err := os.ReadFile("../../rego/data.json")
	if err != nil {
		t.Fatal(err)
	}
	var data struct {
		Parapet struct {
			Config struct {
				Thresholds map[string]float64 `json:"thresholds"`
			} `json:"config"`
		} `json:"parapet"`
	}
	if err := json.Unmarshal(raw, &data); err != nil {
		t.Fatal(err)
	}
	th := data.Parapet.Config.Thresholds
	if th["injection_deny"] != injection.DefaultThreshold || th["injection_indirect_deny"] != injection.DocumentThreshold {
		t.Fatalf("rego/data.json thresholds %v; the detector's are %v (direct) and %v (documents)", th, injection.DefaultThreshold, injection.DocumentThreshold)
	}
	if th["injection_warn"] >= th["injection_deny"] {
		t.Fatalf("warn threshold %v is not below deny %v", th["injection_warn"], th["injection_deny"])
	}
}
