package proxy

import (
	"encoding/json"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Citation annotations (Responses output_text parts: url_citation,
// container_file_citation) point into their text by start_index and
// end_index, in characters. When redaction or restore changes the text,
// they must move with it, or a client underlines the wrong words.

// hunk is one changed run: old[oldStart:oldEnd] became new[newStart:newEnd]
// (code point offsets).
type hunk struct{ oldStart, oldEnd, newStart, newEnd int }

// maxDiffEdits bounds the diff (replacements are few: placeholders and
// the values they stand for). Past it, everything between the common
// prefix and suffix is one changed run.
const maxDiffEdits = 256

// diffHunks finds the changed runs between two texts. It diffs their
// words (see words), so that a replacement is not aligned with the
// letters it happens to share with the original (the "x" of "example"),
// by Myers' O(ND) algorithm (E. W. Myers, "An O(ND) Difference Algorithm
// and Its Variations", Algorithmica 1986) after trimming the common
// prefix and suffix. When the texts differ by more than maxDiffEdits
// words, ok is false and the one hunk is everything between that prefix
// and suffix.
func diffHunks(oldText, newText string) (hs []hunk, ok bool) {
	a, ao := words(oldText)
	b, bo := words(newText)
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	x, y := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(x) == 0 && len(y) == 0 {
		return nil, true
	}
	n, m := len(x), len(y)
	maxD := min(n+m, maxDiffEdits)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	found := false
	for d := 0; d <= maxD && !found; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				i = v[off+k+1] // down: an insertion
			} else {
				i = v[off+k-1] + 1 // right: a deletion
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i++
				j++
			}
			v[off+k] = i
			if i >= n && j >= m {
				found = true
				break
			}
		}
	}
	if !found {
		return []hunk{{ao[pre], ao[len(a)-suf], bo[pre], bo[len(b)-suf]}}, false
	}
	// Walk back from the end: at each d, the snake before (i, j) and the
	// one edit that led to it (word offsets).
	var rev []hunk
	i, j := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		vd := trace[d]
		k := i - j
		pk := k - 1
		if k == -d || (k != d && vd[off+k-1] < vd[off+k+1]) {
			pk = k + 1
		}
		pi := vd[off+pk]
		pj := pi - pk
		for i > pi && j > pj {
			i--
			j--
		}
		if d > 0 {
			if i == pi { // an insertion of y[pj]
				rev = append(rev, hunk{pi, pi, pj, pj + 1})
			} else { // a deletion of x[pi]
				rev = append(rev, hunk{pi, pi + 1, pj, pj})
			}
		}
		i, j = pi, pj
	}
	// Touching edits are one change; word offsets become code points.
	for l := len(rev) - 1; l >= 0; l-- {
		h := rev[l]
		h = hunk{ao[pre+h.oldStart], ao[pre+h.oldEnd], bo[pre+h.newStart], bo[pre+h.newEnd]}
		if len(hs) > 0 {
			last := &hs[len(hs)-1]
			if h.oldStart <= last.oldEnd && h.newStart <= last.newEnd {
				last.oldEnd = max(last.oldEnd, h.oldEnd)
				last.newEnd = max(last.newEnd, h.newEnd)
				continue
			}
		}
		hs = append(hs, h)
	}
	// Words carry their trailing space: give back the characters a
	// change begins or ends with on both sides, so that a span ending
	// before the space still ends there.
	ra, rb := []rune(oldText), []rune(newText)
	for i := range hs {
		h := &hs[i]
		for h.oldEnd > h.oldStart && h.newEnd > h.newStart && ra[h.oldEnd-1] == rb[h.newEnd-1] {
			h.oldEnd--
			h.newEnd--
		}
		for h.oldEnd > h.oldStart && h.newEnd > h.newStart && ra[h.oldStart] == rb[h.newStart] {
			h.oldStart++
			h.newStart++
		}
	}
	return hs, true
}

// words splits a text into words: runs of characters other than white
// space, each with the white space that follows it; a Chinese, Japanese
// or Korean character is a word of its own. A placeholder or a value is
// then one or a few words, and two unrelated ones never align on the
// punctuation they share. offs holds the code point offset of each
// word's start and, last, of the text's end.
func words(s string) (ws []string, offs []int) {
	cp, start, startCP := 0, -1, 0
	inSpace := false
	for i, r := range s {
		space := unicode.IsSpace(r)
		cjk := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
		if start < 0 || (!space && (inSpace || cjk)) || (!space && !inSpace && isCJKAt(s, i)) {
			if start >= 0 {
				ws, offs = append(ws, s[start:i]), append(offs, startCP)
			}
			start, startCP = i, cp
		}
		inSpace = space
		cp++
	}
	if start >= 0 {
		ws, offs = append(ws, s[start:]), append(offs, startCP)
	}
	return ws, append(offs, cp)
}

// isCJKAt says whether the character before byte i is a Chinese,
// Japanese or Korean one (a word of its own, so what follows starts
// another).
func isCJKAt(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// mapOffset moves a code point offset of the old text to the new one. An
// offset inside a changed run goes to the run's start when it starts a
// span, and to its end when it ends one; at text inserted from nothing, a
// start goes after it and an end before it.
func mapOffset(hs []hunk, pos int, isEnd bool) int {
	shift := 0
	for _, h := range hs {
		if pos == h.oldStart && h.oldStart == h.oldEnd {
			// Text inserted here: a span ending here ends before it, one
			// starting here starts after it.
			if isEnd {
				return h.newStart
			}
			return h.newEnd
		}
		if pos <= h.oldStart {
			return h.newStart - (h.oldStart - pos)
		}
		if pos < h.oldEnd {
			if isEnd {
				return h.newEnd
			}
			return h.newStart
		}
		shift = h.newEnd - h.oldEnd
	}
	return pos + shift
}

// remapAnnotations moves the start_index and end_index of the
// annotations of a content part whose text changed from oldText to
// newText. Other annotation fields are kept as they are.
func remapAnnotations(p map[string]json.RawMessage, oldText, newText string) {
	raw, ok := p["annotations"]
	if !ok || oldText == newText {
		return
	}
	anns := arrayOf(raw)
	if len(anns) == 0 {
		return
	}
	hs, _ := diffHunks(oldText, newText) // past maxDiffEdits, one coarse hunk
	changed := false
	for _, a := range anns {
		for _, key := range []string{"start_index", "end_index"} {
			r, ok := a[key]
			if !ok {
				continue
			}
			var n int
			if json.Unmarshal(r, &n) != nil {
				continue
			}
			if m := mapOffset(hs, n, key == "end_index"); m != n {
				a[key] = json.RawMessage(strconv.Itoa(m))
				changed = true
			}
		}
	}
	if changed {
		p["annotations"] = encodeJSON(anns)
	}
}
