package secrets

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// TestDevCorpus measures recall and the flag rate of near misses on the
// shared dev corpus. It is a measurement, not a gate:
//
//	PARAPET_CORPORA=$PWD/../shared/corpora go test ./engine/detectors/secrets -run TestDevCorpus -v
//
// Recall counts a secret row as found when a finding overlaps one of its
// labelled spans (spans_known) or, for rows without spans, when the row
// has any finding. A not_secret row counts as flagged when it has any
// finding. Identifier rules are on (as by default) and report category
// "identifier"; the log also gives recall counting "secret" findings
// only. PARAPET_SECRETS_NO_IDENTIFIERS=1 turns the identifier rules off.
// Set PARAPET_CORPUS_MISSES=1 to print missed rows' ids and types (never
// their text).
func TestDevCorpus(t *testing.T) {
	dir := os.Getenv("PARAPET_CORPORA")
	if dir == "" {
		t.Skip("PARAPET_CORPORA not set")
	}
	f, err := os.Open(filepath.Join(dir, "secrets_dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type entity struct {
		Start, End int
	}
	type row struct {
		ID         string   `json:"id"`
		Text       string   `json:"text"`
		Label      string   `json:"label"`
		Type       string   `json:"type"`
		Entities   []entity `json:"entities"`
		SpansKnown bool     `json:"spans_known"`
		Source     struct {
			Repo string `json:"repo"`
		} `json:"source"`
	}
	type tally struct{ n, hit int }
	d := New(Options{NoIdentifiers: os.Getenv("PARAPET_SECRETS_NO_IDENTIFIERS") != ""})
	var pos, neg, posSecret tally
	srcSecret := map[string]*tally{}
	bySource := map[string]*[2]tally{}
	byType := map[string]*[2]tally{}
	flaggedBy := map[string]int{}
	var misses []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var rw row
		if err := json.Unmarshal(sc.Bytes(), &rw); err != nil {
			t.Fatal(err)
		}
		field := &analysis.Field{Path: "text", Text: rw.Text}
		var rep analysis.Report
		d.Scan(context.Background(), field, &rep)
		src := rw.Source.Repo
		if bySource[src] == nil {
			bySource[src] = &[2]tally{}
		}
		if byType[rw.Type] == nil {
			byType[rw.Type] = &[2]tally{}
		}
		switch rw.Label {
		case "secret":
			// found: any finding counts; foundSecret: category "secret" only.
			found, foundSecret := false, false
			for _, fd := range rep.Findings {
				hit := true
				if rw.SpansKnown && len(rw.Entities) > 0 {
					hit = false
					for _, e := range rw.Entities {
						bs, be := analysis.ByteOffset(rw.Text, e.Start), analysis.ByteOffset(rw.Text, e.End)
						if fd.ByteStart < be && bs < fd.ByteEnd {
							hit = true
						}
					}
				}
				if hit {
					found = true
					if fd.Category == "secret" {
						foundSecret = true
					}
				}
			}
			if srcSecret[src] == nil {
				srcSecret[src] = &tally{}
			}
			posSecret.n++
			srcSecret[src].n++
			if foundSecret {
				posSecret.hit++
				srcSecret[src].hit++
			}
			pos.n++
			bySource[src][0].n++
			byType[rw.Type][0].n++
			if found {
				pos.hit++
				bySource[src][0].hit++
				byType[rw.Type][0].hit++
			} else {
				misses = append(misses, "miss "+rw.ID+" "+rw.Type)
			}
		case "not_secret":
			neg.n++
			bySource[src][1].n++
			byType[rw.Type][1].n++
			if len(rep.Findings) > 0 {
				neg.hit++
				bySource[src][1].hit++
				byType[rw.Type][1].hit++
				seen := map[string]bool{}
				for _, fd := range rep.Findings {
					if !seen[fd.Type] {
						flaggedBy[fd.Type]++
						seen[fd.Type] = true
					}
				}
				misses = append(misses, "flag "+rw.ID+" "+rw.Type)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	rate := func(x tally) float64 {
		if x.n == 0 {
			return 0
		}
		return float64(x.hit) / float64(x.n)
	}
	t.Logf("rules: %d (%d provider formats)", len(Rules()), countProvider())
	t.Logf("recall on secret rows:        %.3f (%d/%d)", rate(pos), pos.hit, pos.n)
	t.Logf("  counting category secret only: %.3f (%d/%d)", rate(posSecret), posSecret.hit, posSecret.n)
	t.Logf("flag rate on not_secret rows: %.3f (%d/%d)", rate(neg), neg.hit, neg.n)
	var srcs []string
	for s := range bySource {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	for _, s := range srcs {
		b := bySource[s]
		t.Logf("  %-28s recall %.3f (%d/%d; secret only %.3f)  flag rate %.3f (%d/%d)", s, rate(b[0]), b[0].hit, b[0].n, rate(*srcSecret[s]), rate(b[1]), b[1].hit, b[1].n)
	}
	type worst struct {
		typ        string
		miss, flag int
	}
	var ws []worst
	for typ, b := range byType {
		if m, fl := b[0].n-b[0].hit, b[1].hit; m+fl > 0 {
			ws = append(ws, worst{typ, m, fl})
		}
	}
	sort.Slice(ws, func(i, j int) bool {
		if a, b := ws[i].miss+ws[i].flag, ws[j].miss+ws[j].flag; a != b {
			return a > b
		}
		return ws[i].typ < ws[j].typ
	})
	var sb strings.Builder
	for i, w := range ws {
		if i == 25 {
			break
		}
		fmt.Fprintf(&sb, "\n  %-48s missed %d  flagged %d", w.typ, w.miss, w.flag)
	}
	t.Logf("worst corpus types (missed secret rows, flagged near misses):%s", sb.String())
	var fb []string
	for typ, n := range flaggedBy {
		fb = append(fb, fmt.Sprintf("%s=%d", typ, n))
	}
	sort.Strings(fb)
	t.Logf("finding types on flagged not_secret rows: %s", strings.Join(fb, " "))
	if os.Getenv("PARAPET_CORPUS_MISSES") != "" {
		sort.Strings(misses)
		t.Logf("misses and flags:\n%s", strings.Join(misses, "\n"))
	}
}

func countProvider() int {
	n := 0
	for _, r := range Rules() {
		if !r.Generic && !r.Identifier {
			n++
		}
	}
	return n
}
