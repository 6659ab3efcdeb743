package evaluate

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

type fixed struct {
	word, cat, typ string
}

func (f fixed) Name() string { return "fixed" }
func (f fixed) Scan(_ context.Context, fl *analysis.Field, r *analysis.Report) {
	if i := strings.Index(fl.Text, f.word); i >= 0 {
		r.AddFinding("fixed", f.cat, f.typ, fl, i, i+len(f.word), 1)
	}
}

func TestInjectionMetrics(t *testing.T) {
	corpus := `{"id":"1","text":"attack one","label":"injection","subtype":"direct:x"}
{"id":"2","text":"attack two","label":"jailbreak","subtype":"in_the_wild"}
{"id":"3","text":"quiet jailbreak","label":"jailbreak","subtype":"in_the_wild"}
{"id":"4","text":"benign attack-word","label":"benign","subtype":"cyber_frr:a"}
{"id":"5","text":"benign","label":"benign","subtype":"cyber_frr:b"}

{"id":"6","text":"benign","label":"benign","subtype":"xstest_safe:c"}
`
	score := func(s string) float64 {
		if strings.Contains(s, "attack") {
			return 0.9
		}
		return 0.1
	}
	rep, err := Injection(strings.NewReader(corpus), score, InjectionOptions{Threshold: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	o := rep.Overall
	if o.TP != 2 || o.FN != 1 || o.FP != 1 || o.TN != 2 {
		t.Fatalf("overall %+v", o)
	}
	if math.Abs(o.TPR-2.0/3) > 1e-9 || math.Abs(o.FPR-1.0/3) > 1e-9 || math.Abs(o.Precision-2.0/3) > 1e-9 {
		t.Fatalf("rates %+v", o)
	}
	if fr := rep.BySubtype["cyber_frr"]; fr.FP != 1 || fr.TN != 1 || fr.FPR != 0.5 {
		t.Fatalf("cyber_frr %+v", fr)
	}
	// Split selection keeps only the chosen rows.
	rep, _ = Injection(strings.NewReader(corpus), score, InjectionOptions{Threshold: 0.5, Split: "test", SplitOf: func(id string) string {
		if id == "1" || id == "5" {
			return "test"
		}
		return "train"
	}})
	if rep.Overall.N != 2 || rep.Overall.TP != 1 || rep.Overall.TN != 1 {
		t.Fatalf("split %+v", rep.Overall)
	}
	if _, err := Injection(strings.NewReader(`{"id":"x","label":"maybe"}`), score, InjectionOptions{}); err == nil || !strings.Contains(err.Error(), "row 1") {
		t.Fatalf("bad label: %v", err)
	}
	if _, err := Injection(strings.NewReader("{\"id\":1}\nnot json\n"), score, InjectionOptions{}); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("bad line: %v", err)
	}
}

func TestPIISpanScores(t *testing.T) {
	an := analysis.NewAnalyzer(fixed{"bob@x.io", "pii", "EMAIL_ADDRESS"}, fixed{"Paris", "pii", "LOCATION"}, fixed{"Acme", "pii", "PERSON"})
	corpus := `{"id":"a","text":"mail bob@x.io in Paris","entities":[{"type":"EMAIL_ADDRESS","start":5,"end":13},{"type":"GPE","start":17,"end":22}]}
{"id":"b","text":"Acme hires","entities":[{"type":"ORGANIZATION","start":0,"end":4}]}
{"id":"c","text":"no email here but bob","entities":[{"type":"PERSON","start":18,"end":21}]}
{"id":"d","text":"Acme only persons","entities":[],"annotated_types":["EMAIL_ADDRESS"]}
`
	rep, err := PII(strings.NewReader(corpus), an, PIIOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if e := rep.ByType["EMAIL_ADDRESS"]; e.Found != 1 || e.Correct != 1 || e.Gold != 1 || e.F1 != 1 {
		t.Fatalf("email %+v", e)
	}
	if l := rep.ByType["LOCATION"]; l.Correct != 1 || l.Matched != 1 {
		t.Fatalf("GPE must map to LOCATION: %+v", l)
	}
	// "Acme" as PERSON in row b is a false positive (ORGANIZATION is ignored,
	// not matched); in row d the type is not annotated, so it does not count.
	if p := rep.ByType["PERSON"]; p.Found != 1 || p.Correct != 0 || p.Gold != 1 || p.Matched != 0 {
		t.Fatalf("person %+v", p)
	}
	if rep.Micro.Found != 3 || rep.Micro.Correct != 2 || rep.Micro.Gold != 3 || rep.Micro.Matched != 2 {
		t.Fatalf("micro %+v", rep.Micro)
	}
}

func TestSecretsRates(t *testing.T) {
	an := analysis.NewAnalyzer(fixed{"AKIA", "secret", "AWS"})
	corpus := `{"id":"1","text":"key AKIAXYZ","label":"secret","type":"aws","entities":[{"start":4,"end":11}],"spans_known":true,"source":{"repo":"r1"}}
{"id":"2","text":"AKIA then value","label":"secret","type":"aws","entities":[{"start":10,"end":15}],"spans_known":true,"source":{"repo":"r1"}}
{"id":"3","text":"nothing","label":"secret","type":"gh","spans_known":false,"source":{"repo":"r2"}}
{"id":"4","text":"AKIA short","label":"not_secret","type":"aws","source":{"repo":"r2"}}
{"id":"5","text":"fine","label":"not_secret","type":"aws","source":{"repo":"r2"}}
`
	rep, err := Secrets(strings.NewReader(corpus), an, SecretsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Secret.Hits != 1 || rep.Secret.Total != 3 || rep.NotSecret.Hits != 1 || rep.NotSecret.Total != 2 {
		t.Fatalf("%+v %+v", rep.Secret, rep.NotSecret)
	}
	if rep.BySource["r2"].NotSecret.Rate != 0.5 || rep.WorstTypes[0].Type != "aws" {
		t.Fatalf("%+v %+v", rep.BySource["r2"], rep.WorstTypes)
	}
}

// With Errors, each report lists its mistakes: the spans (code-point
// offsets and text) and rows the detectors missed, and what they found
// that no label has.
func TestErrorLists(t *testing.T) {
	an := analysis.NewAnalyzer(fixed{"bob@x.io", "pii", "EMAIL_ADDRESS"}, fixed{"Zoë", "pii", "PERSON"})
	corpus := `{"id":"a","text":"é mail bob@x.io","entities":[{"type":"EMAIL_ADDRESS","start":7,"end":15}]}
{"id":"b","text":"ask Zoë or Ana","entities":[{"type":"PERSON","start":11,"end":14}]}
`
	rep, err := PII(strings.NewReader(corpus), an, PIIOptions{Errors: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []RowError{
		{ID: "b", Kind: "false", Type: "PERSON", Start: 4, End: 7, Value: "Zoë"},
		{ID: "b", Kind: "missed", Type: "PERSON", Start: 11, End: 14, Value: "Ana"},
	}
	if len(rep.Errors) != len(want) || rep.Errors[0] != want[0] || rep.Errors[1] != want[1] {
		t.Fatalf("pii errors %+v", rep.Errors)
	}
	if rep, _ := PII(strings.NewReader(corpus), an, PIIOptions{}); rep.Errors != nil {
		t.Fatalf("errors without the option: %+v", rep.Errors)
	}

	san := analysis.NewAnalyzer(fixed{"AKIA", "secret", "AWS"})
	scorpus := `{"id":"1","text":"key AKIAXYZ","label":"secret","type":"aws","entities":[{"start":4,"end":11}],"spans_known":true}
{"id":"2","text":"pass hunter2x","label":"secret","type":"password","entities":[{"start":5,"end":13}],"spans_known":true}
{"id":"3","text":"AKIA short","label":"not_secret","type":"aws"}
`
	srep, err := Secrets(strings.NewReader(scorpus), san, SecretsOptions{Errors: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(srep.Errors) != 2 || srep.Errors[0] != (RowError{ID: "2", Kind: "missed", Type: "password", Start: 5, End: 13, Value: "hunter2x"}) ||
		srep.Errors[1] != (RowError{ID: "3", Kind: "flagged", Type: "AWS", Start: 0, End: 4, Value: "AKIA"}) {
		t.Fatalf("secrets errors %+v", srep.Errors)
	}

	icorpus := `{"id":"1","text":"attack","label":"injection","subtype":"direct:x"}
{"id":"2","text":"quiet","label":"jailbreak","subtype":"in_the_wild"}
{"id":"3","text":"attack-word","label":"benign","subtype":"cyber_frr:a"}
`
	score := func(s string) float64 {
		if strings.Contains(s, "attack") {
			return 0.9
		}
		return 0.1
	}
	irep, err := Injection(strings.NewReader(icorpus), score, InjectionOptions{Threshold: 0.5, Errors: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(irep.Errors) != 2 || irep.Errors[0] != (RowError{ID: "2", Kind: "missed", Type: "in_the_wild", Score: 0.1}) ||
		irep.Errors[1] != (RowError{ID: "3", Kind: "flagged", Type: "cyber_frr:a", Score: 0.9}) {
		t.Fatalf("injection errors %+v", irep.Errors)
	}
}
