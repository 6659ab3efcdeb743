package names

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

type corpusRow struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Entities []struct {
		Type  string `json:"type"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Value string `json:"value"`
	} `json:"entities"`
}

// corpusBucket splits rows by a hash of their id: buckets 0-6 are the
// tuning part, 7-9 the held-out part.
func corpusBucket(id string) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % 10)
}

type prf struct{ tp, fp, goldHit, gold int }

func (m prf) String() string {
	p, r := ratio(m.tp, m.tp+m.fp), ratio(m.goldHit, m.gold)
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (pred %d, tp %d, gold %d, found %d)", p, r, f1, m.tp+m.fp, m.tp, m.gold, m.goldHit)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestDevCorpus measures span-level precision and recall on the DEV PII
// corpus (overlap counts as a match; GPE is scored as LOCATION). It runs
// only when PARAPET_CORPORA names the corpora folder. Set
// PARAPET_NAMES_DEBUG=fp or =fn to print misses of the tuning part.
func TestDevCorpus(t *testing.T) {
	dir := os.Getenv("PARAPET_CORPORA")
	if dir == "" {
		t.Skip("PARAPET_CORPORA not set")
	}
	f, err := os.Open(filepath.Join(dir, "pii_dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	debug := os.Getenv("PARAPET_NAMES_DEBUG")
	d := New(Options{NestedLocations: os.Getenv("PARAPET_NAMES_NESTED") != ""})
	a := analysis.NewAnalyzer(d)
	gold := map[string]string{"PERSON": "PERSON", "STREET_ADDRESS": "STREET_ADDRESS", "GPE": "LOCATION"}
	types := []string{"PERSON", "STREET_ADDRESS", "LOCATION"}
	res := map[string]map[string]*prf{"tune": {}, "heldout": {}}
	for _, part := range res {
		for _, ty := range types {
			part[ty] = &prf{}
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	rows := 0
	for sc.Scan() {
		var row corpusRow
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		rows++
		part := "tune"
		if corpusBucket(row.ID) >= 7 {
			part = "heldout"
		}
		out := a.Analyze(context.Background(), &analysis.Input{Fields: []analysis.Field{{Path: "text", Text: row.Text}}})
		runes := []rune(row.Text)
		for _, ty := range types {
			m := res[part][ty]
			var gs [][2]int
			for _, e := range row.Entities {
				if gold[e.Type] == ty {
					gs = append(gs, [2]int{e.Start, e.End})
				}
			}
			var ps [][2]int
			for _, fd := range out.Findings {
				if fd.Type == ty {
					ps = append(ps, [2]int{fd.Start, fd.End})
				}
			}
			for _, p := range ps {
				hit := false
				for _, g := range gs {
					if p[0] < g[1] && g[0] < p[1] {
						hit = true
					}
				}
				if hit {
					m.tp++
				} else {
					m.fp++
					if debug == "fp" && part == "tune" {
						t.Logf("FP %s %q in %q", ty, string(runes[p[0]:p[1]]), row.Text)
					}
				}
			}
			for _, g := range gs {
				m.gold++
				hit := false
				for _, p := range ps {
					if p[0] < g[1] && g[0] < p[1] {
						hit = true
					}
				}
				if hit {
					m.goldHit++
				} else if debug == "fn" && part == "tune" {
					t.Logf("FN %s %q in %q", ty, string(runes[g[0]:g[1]]), row.Text)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("pii_dev.jsonl: %d rows; tuning part = id-hash buckets 0-6, held-out part = 7-9", rows)
	for _, part := range []string{"tune", "heldout"} {
		for _, ty := range types {
			t.Logf("%-8s %-15s %s", part, ty, res[part][ty])
		}
	}
}
