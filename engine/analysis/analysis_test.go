package analysis

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

type substr struct{ word string }

func (s substr) Name() string { return "substr" }
func (s substr) Scan(_ context.Context, f *Field, r *Report) {
	for off := 0; ; {
		i := strings.Index(f.Text[off:], s.word)
		if i < 0 {
			return
		}
		r.AddFinding("substr", "test", "W", f, off+i, off+i+len(s.word), 1)
		off += i + 1
	}
}

type lengthSignal struct{}

func (lengthSignal) Name() string { return "len" }
func (lengthSignal) ScanRequest(_ context.Context, in *Input, r *Report) {
	for i := range in.Fields {
		r.AddSignal("len", "length", &in.Fields[i], float64(len(in.Fields[i].Text)), nil)
	}
}

func TestCodePointOffsets(t *testing.T) {
	a := NewAnalyzer(substr{"ab"}, lengthSignal{})
	fields := []Field{
		{Path: "messages[0].content", Source: "user", Text: "日本ab語 ab 🎉ab"},
		{Path: "messages[1].content", Source: "user", Text: ""},
		{Path: "response.content", Source: "response", Text: "abab"},
	}
	an := a.Analyze(context.Background(), &Input{Fields: fields})
	type span struct {
		field      string
		start, end int
	}
	want := []span{{"messages[0].content", 2, 4}, {"messages[0].content", 6, 8}, {"messages[0].content", 10, 12},
		{"response.content", 0, 2}, {"response.content", 2, 4}}
	if len(an.Findings) != len(want) {
		t.Fatalf("findings %+v", an.Findings)
	}
	for i, w := range want {
		f := an.Findings[i]
		if f.Field != w.field || f.Start != w.start || f.End != w.end {
			t.Errorf("finding %d = %s [%d,%d), want %+v", i, f.Field, f.Start, f.End, w)
		}
		text := fields[0].Text
		if f.Field == "response.content" {
			text = fields[2].Text
		}
		if got := string([]rune(text)[f.Start:f.End]); got != "ab" {
			t.Errorf("code point slice %q", got)
		}
	}
	if len(an.Signals) != 3 || a.Names()[1] != "len" {
		t.Fatalf("signals %+v names %v", an.Signals, a.Names())
	}
}

func TestResponsePhaseScansTheAnswer(t *testing.T) {
	a := NewAnalyzer(substr{"ab"}, lengthSignal{})
	fields := []Field{
		{Path: "messages[0].content", Source: "system", Text: "ab"},
		{Path: "messages[1].content", Source: "user", Text: "ab"},
		{Path: "context.documents[0].text", Source: "document", Text: "ab"},
		{Path: "response.content", Source: "response", Text: "xab"},
		{Path: "response.reasoning", Source: "reasoning", Text: "ab"},
	}
	an := a.Analyze(context.Background(), &Input{Phase: "response", Fields: fields})
	if len(an.Findings) != 2 || an.Findings[0].Field != "response.content" || an.Findings[1].Field != "response.reasoning" {
		t.Fatalf("field detectors scan only the answer in the response phase: %+v", an.Findings)
	}
	if len(an.Signals) != 5 {
		t.Fatalf("request detectors see every field: %+v", an.Signals)
	}
	if an := a.Analyze(context.Background(), &Input{Phase: "prompt", Fields: fields}); len(an.Findings) != 5 {
		t.Fatalf("the prompt phase scans every field: %+v", an.Findings)
	}
}

func FuzzCodePoints(f *testing.F) {
	f.Add("héllo wörld ab", "ab")
	f.Fuzz(func(t *testing.T, text, word string) {
		if word == "" || !utf8.ValidString(text) {
			return
		}
		an := NewAnalyzer(substr{word}).Analyze(context.Background(), &Input{Fields: []Field{{Path: "p", Text: text}}})
		n := utf8.RuneCountInString(text)
		for _, fd := range an.Findings {
			if fd.Start < 0 || fd.End > n || fd.Start > fd.End {
				t.Fatalf("span [%d,%d) outside %d code points", fd.Start, fd.End, n)
			}
			if fd.Start != utf8.RuneCountInString(text[:fd.ByteStart]) {
				t.Fatalf("start %d for byte %d", fd.Start, fd.ByteStart)
			}
		}
	})
}
