package leakage

import "github.com/parapet-dev/parapet/engine/analysis"

const (
	// shingleSize is the length of the word n-grams compared between the
	// system prompt and the answer: five words in a row rarely repeat by
	// chance outside stock phrases.
	shingleSize = 5
	// minLeakTokens is the shortest reproduced span reported, in tokens
	// (four consecutive shingles), and the shortest system prompt looked
	// at: a stock phrase of five or six words shared by chance is not a
	// leak.
	minLeakTokens = 8
	// maxLeakGap merges two reproduced runs separated by at most this many
	// tokens (a word changed or inserted in the middle of a copied
	// passage).
	maxLeakGap = 2
)

func shingleHash(ts []token) uint64 {
	h := uint64(fnvOffset)
	for i := range ts {
		h = (h ^ ts[i].h) * fnvPrime
	}
	return mix(h)
}

// buildPromptShingles tokenises the system and developer messages, one
// after the other, into s.ref and hashes their shingles into s.shingles
// (value: first reference position + 1). It returns the reference's
// token count.
func (s *state) buildPromptShingles(fields []analysis.Field) int {
	s.ref = s.ref[:0]
	for i := range fields {
		f := &fields[i]
		if f.Source == "system" || f.Source == "developer" {
			s.ref = tokenize(s.ref, f.Text)
		}
	}
	if len(s.ref) < minLeakTokens {
		return len(s.ref)
	}
	n := len(s.ref) - shingleSize + 1
	s.shingles.reset(n)
	for i := 0; i < n; i++ {
		if k := s.shingles.slot(shingleHash(s.ref[i : i+shingleSize])); k >= 0 && s.shingles.e[k].v == 0 {
			s.shingles.e[k].v = uint64(i + 1)
		}
	}
	return len(s.ref)
}

// scanPromptLeak reports the runs of f, tokenised in s.toks, that repeat
// the system prompt.
func (s *state) scanPromptLeak(f *analysis.Field, refTokens int, r *analysis.Report) {
	ts := s.toks
	if len(ts) < minLeakTokens {
		return
	}
	n := len(ts) - shingleSize + 1
	s.hits = s.hits[:0]
	any := false
	for i := 0; i < n; i++ {
		v, _ := s.shingles.get(shingleHash(ts[i : i+shingleSize]))
		s.hits = append(s.hits, int32(v))
		if v != 0 {
			any = true
		}
	}
	if !any {
		return
	}
	// Runs of consecutive hits cover tokens [first, last+shingleSize);
	// merge runs that overlap or nearly touch.
	// Runs separated by a gap merge only when they continue the same
	// passage of the reference (its position moved by about as much as
	// the response's).
	s.spans = s.spans[:0]
	ta, tb, last := -1, -1, -1
	flush := func() {
		if ta >= 0 && tb-ta >= minLeakTokens {
			s.spans = append(s.spans, span{int32(ta), int32(tb)})
		}
	}
	for i := 0; i < n; i++ {
		if s.hits[i] == 0 {
			continue
		}
		a, b := i, i+shingleSize
		if ta >= 0 && last == i-1 {
			tb, last = b, i
			continue
		}
		if ta >= 0 && a <= tb+maxLeakGap {
			drift := (int(s.hits[i]) - int(s.hits[last])) - (i - last)
			if drift >= -maxLeakGap && drift <= maxLeakGap {
				tb, last = b, i
				continue
			}
		}
		flush()
		ta, tb, last = a, b, i
	}
	flush()
	if len(s.spans) == 0 {
		return
	}
	// Coverage: the reference tokens under the reported spans' shingles.
	if cap(s.covered) >= refTokens {
		s.covered = s.covered[:refTokens]
		clear(s.covered)
	} else {
		s.covered = make([]bool, refTokens)
	}
	for _, sp := range s.spans {
		for i := int(sp.start); i+shingleSize <= int(sp.end) && i < n; i++ {
			if p := int(s.hits[i]) - 1; p >= 0 {
				for k := p; k < p+shingleSize && k < refTokens; k++ {
					s.covered[k] = true
				}
			}
		}
	}
	c := 0
	for _, v := range s.covered {
		if v {
			c++
		}
	}
	score := float64(c) / float64(refTokens)
	for _, sp := range s.spans {
		r.AddFinding(detectorName, CategoryLeak, TypePromptLeak, f, int(ts[sp.start].start), int(ts[sp.end-1].end), score)
	}
}
