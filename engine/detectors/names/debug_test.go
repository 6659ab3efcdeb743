package names

// Tuning helpers, all skipped unless their environment variable is set:
// NAMES_WORDS=a,b prints gazetteer flags; NAMES_TEXT="x|y" prints every
// candidate with its score; NAMES_STATS=1 prints token counts of the
// benchmark text; NAMES_BENIGN=<corpora dir> prints what fires on the
// benign prompts of injection_dev.jsonl (false-positive review).

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestDebugFlags(t *testing.T) {
	w := os.Getenv("NAMES_WORDS")
	if w == "" {
		t.Skip()
	}
	g := gazetteer()
	for _, x := range strings.Split(w, ",") {
		f := g.get(hashWord(x))
		var b []byte
		for c := 0; c < 256; c++ {
			if codeFlags[c] != 0 && f&codeFlags[c] != 0 {
				b = append(b, byte(c))
			}
		}
		t.Logf("%s: %s", x, b)
	}
}

func TestDebugText(t *testing.T) {
	txt := os.Getenv("NAMES_TEXT")
	if txt == "" {
		t.Skip()
	}
	d := New(Options{MinScore: -1})
	s := new(scanner)
	for _, line := range strings.Split(txt, "|") {
		s.reset(line, gazetteer())
		d.scan(t.Context(), s, func(typ string, a, b int, score float64) {
			t.Logf("%q: %s %q %.2f", line, typ, line[a:b], score)
		})
	}
}

func TestDebugTokStats(t *testing.T) {
	if os.Getenv("NAMES_STATS") == "" {
		t.Skip()
	}
	text := mixedText(64 << 10)
	d := New(Options{})
	s := new(scanner)
	s.reset(text, gazetteer())
	n := 0
	d.scan(t.Context(), s, func(typ string, a, b int, score float64) { n++ })
	t.Logf("bytes %d tokens %d findings %d", len(text), s.produced, n)
	t.Logf("%s", text[:1500])
}

func TestDebugBenign(t *testing.T) {
	dir := os.Getenv("NAMES_BENIGN")
	if dir == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(dir + "/injection_dev.jsonl")
	d := New(Options{})
	s := new(scanner)
	counts := map[string]int{}
	total := 0
	for _, line := range strings.Split(string(b), "\n") {
		var row struct{ Text, Label string }
		if json.Unmarshal([]byte(line), &row) != nil || row.Label != "benign" {
			continue
		}
		total += len(row.Text)
		s.reset(row.Text, gazetteer())
		d.scan(t.Context(), s, func(typ string, a, b int, score float64) {
			counts[typ]++
			lo, hi := max(0, a-40), min(len(row.Text), b+30)
			t.Logf("%s %q  ...%q", typ, row.Text[a:b], row.Text[lo:hi])
		})
	}
	t.Logf("bytes %d counts %v", total, counts)
}

// TestDebugGeneral prints the PERSON and STREET_ADDRESS misses on a
// hand-written development set: NAMES_GENERAL=<path to a dev.jsonl>
// (../pii/testdata/general/dev.jsonl, ../pii/testdata/general3/dev.jsonl;
// never a holdout). Character offsets are code points.
func TestDebugGeneral(t *testing.T) {
	path := os.Getenv("NAMES_GENERAL")
	if path == "" {
		t.Skip()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := New(Options{Types: []string{TypePerson, TypeStreetAddress}})
	for _, line := range strings.Split(string(b), "\n") {
		var row corpusRow
		if json.Unmarshal([]byte(line), &row) != nil {
			continue
		}
		rs := []rune(row.Text)
		type sp struct {
			typ  string
			a, b int
		}
		var gold, pred []sp
		for _, e := range row.Entities {
			if e.Type == TypePerson || e.Type == TypeStreetAddress {
				gold = append(gold, sp{e.Type, e.Start, e.End})
			}
		}
		for _, f := range scanAll(t, d, row.Text) {
			a := len([]rune(row.Text[:f.ByteStart]))
			pred = append(pred, sp{f.Type, a, a + len([]rune(row.Text[f.ByteStart:f.ByteEnd]))})
		}
		hit := func(x sp, ys []sp) bool {
			for _, y := range ys {
				if x.typ == y.typ && x.a < y.b && y.a < x.b {
					return true
				}
			}
			return false
		}
		for _, p := range pred {
			if !hit(p, gold) {
				t.Logf("FP %s %-14s %q   | %q", row.ID, p.typ, string(rs[p.a:p.b]), strings.ReplaceAll(row.Text, "\n", " / "))
			}
		}
		for _, g := range gold {
			if !hit(g, pred) {
				t.Logf("FN %s %-14s %q   | %q", row.ID, g.typ, string(rs[g.a:g.b]), strings.ReplaceAll(row.Text, "\n", " / "))
			}
		}
	}
}
