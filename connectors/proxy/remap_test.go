package proxy

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// Random texts with random replacements (as redaction and restore make
// them): every offset outside a replaced run moves exactly with the text,
// and a span that covers replaced runs covers their replacements.
func TestMapOffsetFollowsReplacements(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	words := []string{"the", "refund", "policy", "is", "über", "30", "days", "—", "日本", "see", "link", "and", "call"}
	values := []string{"<EMAIL_ADDRESS_1>", "<PERSON_2>", "jane.doe@example.com", "Zoë Müller", "+44 20 7946 0958", "x", "4111 1111 1111 1111", "<PHONE_NUMBER_1>"}
	for iter := 0; iter < 2000; iter++ {
		var oldB, newB strings.Builder
		type seg struct {
			oldStart, oldEnd, newStart, newEnd int
			isolated                           bool // words on both sides
		}
		var repl []seg
		var keep [][2]int // old offset -> new offset, outside replacements
		oc, nc := 0, 0
		lastWord := true
		used := map[string]bool{}
		for w := 0; w < 3+rng.Intn(30); w++ {
			if rng.Intn(4) == 0 {
				o, n := values[rng.Intn(len(values))], values[rng.Intn(len(values))]
				if o == n || used[o] || used[n] {
					continue // a value met twice could be aligned with either copy
				}
				used[o], used[n] = true, true
				s := seg{oc, oc + utf8.RuneCountInString(o), nc, nc + utf8.RuneCountInString(n), lastWord}
				if len(repl) > 0 && repl[len(repl)-1].oldEnd+1 == oc {
					repl[len(repl)-1].isolated = false
				}
				lastWord = false
				oldB.WriteString(o + " ")
				newB.WriteString(n + " ")
				oc, nc = s.oldEnd+1, s.newEnd+1
				repl = append(repl, s)
			} else {
				keep = append(keep, [2]int{oc, nc})
				lastWord = true
				x := words[rng.Intn(len(words))] + " "
				oldB.WriteString(x)
				newB.WriteString(x)
				oc += utf8.RuneCountInString(x)
				nc += utf8.RuneCountInString(x)
			}
		}
		hs, ok := diffHunks(oldB.String(), newB.String())
		if !ok {
			t.Fatalf("no diff for %q -> %q", oldB.String(), newB.String())
		}
		// Offsets where unchanged words start map exactly, and a span
		// over a replacement maps onto its replacement.
		for _, kv := range keep {
			if got := mapOffset(hs, kv[0], false); got != kv[1] {
				t.Fatalf("%q -> %q: offset %d maps to %d, want %d (hunks %v)", oldB.String(), newB.String(), kv[0], got, kv[1], hs)
			}
		}
		// Adjacent replacements (only a space between them) may be
		// aligned as one run; an isolated one maps onto its replacement
		// exactly.
		for _, r := range repl {
			if !r.isolated {
				continue
			}
			if s, e := mapOffset(hs, r.oldStart, false), mapOffset(hs, r.oldEnd, true); r.oldStart < r.oldEnd && (s != r.newStart || e != r.newEnd) {
				t.Fatalf("%q -> %q: span %d-%d maps to %d-%d, want %d-%d", oldB.String(), newB.String(), r.oldStart, r.oldEnd, s, e, r.newStart, r.newEnd)
			}
		}
		// Rebuilding the new text from the hunks gives it back.
		a, b := []rune(oldB.String()), []rune(newB.String())
		var out []rune
		pos := 0
		for _, h := range hs {
			out = append(out, a[pos:h.oldStart]...)
			out = append(out, b[h.newStart:h.newEnd]...)
			pos = h.oldEnd
		}
		out = append(out, a[pos:]...)
		if string(out) != newB.String() {
			t.Fatalf("hunks %v do not rebuild %q from %q: %q", hs, newB.String(), oldB.String(), string(out))
		}
	}
}

func TestRemapAnnotations(t *testing.T) {
	old := "Refunds take 30 days (policy). Contact <EMAIL_ADDRESS_1> or see the FAQ."
	new := "Refunds take 30 days (policy). Contact jane.doe@example.com or see the FAQ."
	// "policy" is 22-28, the placeholder 39-56, "FAQ" 68-71 in old.
	p := map[string]json.RawMessage{"annotations": json.RawMessage(`[{"type":"url_citation","start_index":22,"end_index":28,"url":"https://a"},{"type":"url_citation","start_index":39,"end_index":56,"url":"https://b"},{"type":"url_citation","start_index":68,"end_index":71,"url":"https://c","title":"FAQ"}]`)}
	remapAnnotations(p, old, new)
	var anns []struct {
		Start int    `json:"start_index"`
		End   int    `json:"end_index"`
		URL   string `json:"url"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(p["annotations"], &anns); err != nil {
		t.Fatal(err)
	}
	r := []rune(new)
	got := []string{string(r[anns[0].Start:anns[0].End]), string(r[anns[1].Start:anns[1].End]), string(r[anns[2].Start:anns[2].End])}
	if got[0] != "policy" || got[1] != "jane.doe@example.com" || got[2] != "FAQ" || anns[2].Title != "FAQ" || anns[2].URL != "https://c" {
		t.Fatalf("annotations point at %q (%+v)", got, anns)
	}
}

// FuzzDiffHunks: any two texts give hunks that rebuild the new text from
// the old one, and every offset maps into the new text, without panic.
func FuzzDiffHunks(f *testing.F) {
	f.Add("Contact <EMAIL_ADDRESS_1> or see the FAQ.", "Contact jane.doe@example.com or see the FAQ.")
	f.Add("日本 x", "日本語 y z")
	f.Add("", "abc")
	f.Fuzz(func(t *testing.T, oldText, newText string) {
		if !utf8.ValidString(oldText) || !utf8.ValidString(newText) {
			return
		}
		hs, _ := diffHunks(oldText, newText) // exact or coarse, both must rebuild
		a, b := []rune(oldText), []rune(newText)
		var out []rune
		pos := 0
		for _, h := range hs {
			if h.oldStart < pos || h.oldEnd < h.oldStart || h.oldEnd > len(a) || h.newEnd < h.newStart || h.newEnd > len(b) {
				t.Fatalf("bad hunk %+v in %v", h, hs)
			}
			out = append(out, a[pos:h.oldStart]...)
			out = append(out, b[h.newStart:h.newEnd]...)
			pos = h.oldEnd
		}
		out = append(out, a[pos:]...)
		if string(out) != newText {
			t.Fatalf("%q -> %q: hunks %v rebuild %q", oldText, newText, hs, string(out))
		}
		for i := 0; i <= len(a); i++ {
			for _, end := range []bool{false, true} {
				if m := mapOffset(hs, i, end); m < 0 || m > len(b) {
					t.Fatalf("offset %d maps to %d, outside 0-%d", i, m, len(b))
				}
			}
		}
	})
}

// Texts too different to diff word by word (more than maxDiffEdits words)
// give one hunk between their common prefix and suffix: offsets there
// still map exactly, and an old text that is a prefix of the new one
// works too.
func TestDiffHunksTooDifferent(t *testing.T) {
	var x, y strings.Builder
	for i := 0; i < maxDiffEdits; i++ {
		fmt.Fprintf(&x, "a%d ", i)
		fmt.Fprintf(&y, "b%d ", i)
	}
	oldText, newText := "Intro: "+x.String()+"end.", "Intro: "+y.String()+"end."
	hs, ok := diffHunks(oldText, newText)
	if ok || len(hs) != 1 {
		t.Fatalf("want one coarse hunk, got %v %v", ok, hs)
	}
	if got := mapOffset(hs, 2, false); got != 2 {
		t.Errorf("prefix offset maps to %d", got)
	}
	endOld, endNew := utf8.RuneCountInString(oldText)-4, utf8.RuneCountInString(newText)-4
	if got := mapOffset(hs, endOld, false); got != endNew {
		t.Errorf("suffix offset %d maps to %d, want %d", endOld, got, endNew)
	}
	// The old text a prefix of the new one, too different to diff (an
	// earlier fallback read the byte past the old text's end here).
	p := map[string]json.RawMessage{"annotations": json.RawMessage(`[{"type":"url_citation","start_index":0,"end_index":3}]`)}
	remapAnnotations(p, "abc", "abc"+y.String())
	var anns []struct{ Start, End int }
	if err := json.Unmarshal([]byte(strings.NewReplacer("start_index", "Start", "end_index", "End").Replace(string(p["annotations"]))), &anns); err != nil || len(anns) != 1 || anns[0].Start != 0 || anns[0].End < 3 {
		t.Errorf("annotations %s (%v)", p["annotations"], err)
	}
}
