package pii

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"unicode/utf8"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// TestDevCorpus measures span-level precision, recall and F1 per type on
// the development corpus. It runs only when PARAPET_CORPORA names the
// corpora folder:
//
//	PARAPET_CORPORA=$PWD/../shared/corpora go test ./engine/detectors/pii -run TestDevCorpus -v
//
// A prediction counts as correct when it overlaps a gold span of the same
// type; a gold span counts as found when some prediction of its type
// overlaps it; "exact" counts predictions with exactly a gold span's
// bounds. PARAPET_PII_VERBOSE=1 also prints the misses. The corpus calls
// URLs DOMAIN_NAME; they are scored as URL.
func TestDevCorpus(t *testing.T) {
	dir := os.Getenv("PARAPET_CORPORA")
	if dir == "" {
		t.Skip("PARAPET_CORPORA not set")
	}
	fh, err := os.Open(filepath.Join(dir, "pii_dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	verbose := os.Getenv("PARAPET_PII_VERBOSE") != ""

	type ent struct {
		Type  string `json:"type"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Value string `json:"value"`
	}
	type row struct {
		ID       string `json:"id"`
		Text     string `json:"text"`
		Entities []ent  `json:"entities"`
	}
	// The corpus generator calls URLs DOMAIN_NAME; score them as URL.
	rename := map[string]string{"DOMAIN_NAME": URL}
	ours := map[string]bool{}
	for _, n := range typeNames {
		ours[n] = true
	}
	type counts struct{ tp, fp, found, gold, exact int }
	stats := map[string]*counts{}
	get := func(k string) *counts {
		if stats[k] == nil {
			stats[k] = &counts{}
		}
		return stats[k]
	}
	d := New(Options{})
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		for i := range r.Entities {
			if n, ok := rename[r.Entities[i].Type]; ok {
				r.Entities[i].Type = n
			}
		}
		f := &analysis.Field{Path: "text", Text: r.Text}
		var rep analysis.Report
		d.Scan(context.Background(), f, &rep)
		type pred struct {
			typ        string
			start, end int
		}
		var preds []pred
		for _, fi := range rep.Findings {
			preds = append(preds, pred{fi.Type, utf8.RuneCountInString(r.Text[:fi.ByteStart]), utf8.RuneCountInString(r.Text[:fi.ByteEnd])})
		}
		overlap := func(a1, a2, b1, b2 int) bool { return a1 < b2 && b1 < a2 }
		for _, p := range preds {
			c := get(p.typ)
			ok := false
			for _, g := range r.Entities {
				if g.Type == p.typ && overlap(p.start, p.end, g.Start, g.End) {
					ok = true
				}
			}
			if ok {
				c.tp++
				for _, g := range r.Entities {
					if g.Type == p.typ && g.Start == p.start && g.End == p.end {
						c.exact++
					}
				}
			} else {
				c.fp++
				if verbose {
					other := ""
					for _, g := range r.Entities {
						if overlap(p.start, p.end, g.Start, g.End) {
							other = " (gold " + g.Type + ")"
						}
					}
					rs := []rune(r.Text)
					t.Logf("FP %s %q%s in %q", p.typ, string(rs[p.start:p.end]), other, r.Text)
				}
			}
		}
		for _, g := range r.Entities {
			if !ours[g.Type] {
				continue
			}
			c := get(g.Type)
			c.gold++
			ok := false
			for _, p := range preds {
				if p.typ == g.Type && overlap(p.start, p.end, g.Start, g.End) {
					ok = true
				}
			}
			if ok {
				c.found++
			} else if verbose {
				t.Logf("FN %s %q in %q", g.Type, g.Value, r.Text)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range stats {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := fmt.Sprintf("\n%-18s %5s %5s %5s %5s %5s  %6s %6s %6s\n", "type", "gold", "found", "pred", "fp", "exact", "P", "R", "F1")
	for _, k := range keys {
		c := stats[k]
		p, rc := ratio(c.tp, c.tp+c.fp), ratio(c.found, c.gold)
		f1 := 0.0
		if p+rc > 0 {
			f1 = 2 * p * rc / (p + rc)
		}
		out += fmt.Sprintf("%-18s %5d %5d %5d %5d %5d  %6.3f %6.3f %6.3f\n", k, c.gold, c.found, c.tp+c.fp, c.fp, c.exact, p, rc, f1)
	}
	t.Log(out)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
