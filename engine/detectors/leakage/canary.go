package leakage

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/parapet-dev/parapet/engine/analysis"
)

const (
	// minCanaryBytes is the shortest canary value looked for: shorter
	// values would match ordinary text.
	minCanaryBytes = 8
	// minVariantAlnum is the fewest letters and digits a canary needs
	// before its separator-insensitive form (the letters and digits alone)
	// is looked for.
	minVariantAlnum = 8
	// minEditAlnum is the fewest letters and digits a canary needs before
	// a one-character edit of it counts as a match.
	minEditAlnum = 12
	// maxCanaries bounds the label values looked for per request.
	maxCanaries = 16
	// maxCanaryBytes bounds one canary value; longer values are cut.
	maxCanaryBytes = 256
	// maxPerCanary bounds the findings per canary and field.
	maxPerCanary = 32

	scoreCanaryExact   = 1.0
	scoreCanaryVariant = 0.9
	scoreCanaryEncoded = 0.85
)

// rng is a byte range of state.canaryBuf.
type rng struct{ a, b int32 }

// b64core is the part of a canary's base64 encoding that does not depend
// on the bytes around it, for one alignment and alphabet.
type b64core struct {
	r                  rng
	partialL, partialR bool // a character mixing canary and other bits sits before / after it
}

type canary struct {
	fold, alnum, hex rng
	b64              [6]b64core
	nb64             int
}

// collectCanaries reads the canary values from the request labels: the
// key "canary" and every key that starts with it, in key order.
func (s *state) collectCanaries(labels map[string]string) {
	s.canaries = s.canaries[:0]
	s.canaryBuf = s.canaryBuf[:0]
	s.keys = s.keys[:0]
	for k := range labels {
		if len(k) >= 6 && strings.EqualFold(k[:6], "canary") {
			s.keys = append(s.keys, k)
		}
	}
	if len(s.keys) == 0 {
		return
	}
	slices.Sort(s.keys)
	s.labelsSeen = s.labelsSeen[:0]
	for _, k := range s.keys {
		v := strings.TrimSpace(labels[k])
		if len(v) > maxCanaryBytes {
			v = v[:maxCanaryBytes]
		}
		if len(v) < minCanaryBytes || slices.Contains(s.labelsSeen, v) {
			continue
		}
		if len(s.canaries) == maxCanaries {
			break
		}
		s.labelsSeen = append(s.labelsSeen, v)
		s.canaries = append(s.canaries, s.buildCanary(v))
	}
}

func (s *state) buildCanary(v string) canary {
	var c canary
	b := &s.canaryBuf
	at := func() int32 { return int32(len(*b)) }

	c.fold.a = at()
	*b = appendFold(*b, v)
	c.fold.b = at()

	c.alnum.a = at()
	*b = appendAlnum(*b, v)
	c.alnum.b = at()

	// s.tmp holds two zero bytes then the canary: tmp[2-a:] is the canary
	// after a bytes of other data.
	s.tmp = append(append(s.tmp[:0], 0, 0), v...)
	c.hex.a = at()
	*b = hex.AppendEncode(*b, s.tmp[2:])
	c.hex.b = at()

	n := len(v)
	for a := 0; a < 3; a++ {
		base := at()
		*b = base64.StdEncoding.AppendEncode(*b, s.tmp[2-a:])
		lo := (8*a + 5) / 6
		hi := 8 * (a + n) / 6
		core := b64core{
			r:        rng{base + int32(lo), base + int32(hi)},
			partialL: (8*a)%6 != 0,
			partialR: (8*(a+n))%6 != 0,
		}
		c.b64[c.nb64] = core
		c.nb64++
		// The URL-safe alphabet, when the core has '+' or '/'.
		std := (*b)[core.r.a:core.r.b]
		if bytes.ContainsAny(std, "+/") {
			ua := at()
			*b = append(*b, std...)
			for i := ua; i < at(); i++ {
				switch (*b)[i] {
				case '+':
					(*b)[i] = '-'
				case '/':
					(*b)[i] = '_'
				}
			}
			c.b64[c.nb64] = b64core{r: rng{ua, at()}, partialL: core.partialL, partialR: core.partialR}
			c.nb64++
		}
	}
	return c
}

// appendFold appends s with ASCII letters lower-cased: offsets do not
// move.
func appendFold(dst []byte, s string) []byte {
	n := len(dst)
	dst = slices.Grow(dst, len(s))[:n+len(s)]
	out := dst[n:]
	for i := 0; i < len(s) && i < len(out); i++ {
		out[i] = asciiFold[s[i]]
	}
	return dst
}

// asciiFold maps ASCII upper-case letters to lower case and every other
// byte to itself.
var asciiFold = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return
}()

// appendAlnum appends the letters and digits of s, folded (foldRune).
func appendAlnum(dst []byte, s string) []byte {
	for _, r := range s {
		if isWordRune(r) {
			dst = utf8.AppendRune(dst, foldRune(r))
		}
	}
	return dst
}

// buildStream fills s.stream with the folded letters and digits of text
// and s.sStart with the byte offset of the rune each stream byte
// came from. Whitespace, punctuation, zero-width and other format
// characters are dropped.
func (s *state) buildStream(text string) {
	s.stream, s.sStart = s.stream[:0], s.sStart[:0]
	for i := 0; i < len(text); {
		if c := text[i]; c < 0x80 {
			if l := asciiLower[c]; l != 0 {
				s.stream = append(s.stream, l)
				s.sStart = append(s.sStart, int32(i))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		end := i + size
		if !isWordRune(r) {
			i = end
			continue
		}
		n := len(s.stream)
		s.stream = utf8.AppendRune(s.stream, foldRune(r))
		for ; n < len(s.stream); n++ {
			s.sStart = append(s.sStart, int32(i))
		}
		i = end
	}
}

// streamEnd returns the end of the rune that stream byte j came from.
func (s *state) streamEnd(text string, j int) int {
	i := int(s.sStart[j])
	if text[i] < 0x80 {
		return i + 1
	}
	_, size := utf8.DecodeRuneInString(text[i:])
	return i + size
}

func isB64Byte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_'
}

// scanCanaries reports every canary found in f.
func (s *state) scanCanaries(f *analysis.Field, r *analysis.Report) {
	text := f.Text
	s.fold = appendFold(s.fold[:0], text)
	s.raw = append(s.raw[:0], text...)
	s.buildStream(text)
	buf := s.canaryBuf
	for ci := range s.canaries {
		c := &s.canaries[ci]
		s.spans = s.spans[:0]
		add := func(a, b int, score float64) bool {
			if len(s.spans) >= maxPerCanary || a >= b || overlaps(s.spans, a, b) {
				return len(s.spans) < maxPerCanary
			}
			s.spans = append(s.spans, span{int32(a), int32(b)})
			r.AddFinding(detectorName, CategoryLeak, TypeCanary, f, a, b, score)
			return len(s.spans) < maxPerCanary
		}
		// Exact, ignoring ASCII case.
		pat := buf[c.fold.a:c.fold.b]
		eachIndex(s.fold, pat, func(i int) bool { return add(i, i+len(pat), scoreCanaryExact) })
		// Letters and digits only: separators, spaces, line breaks,
		// zero-width characters and case do not matter.
		alnum := buf[c.alnum.a:c.alnum.b]
		L := len(alnum)
		if L >= minVariantAlnum {
			eachIndex(s.stream, alnum, func(i int) bool {
				return add(int(s.sStart[i]), s.streamEnd(text, i+L-1), scoreCanaryVariant)
			})
		}
		// One character edited, dropped or added.
		if L >= minEditAlnum {
			s.scanEdits(text, alnum, add)
		}
		// Encodings.
		for k := 0; k < c.nb64; k++ {
			core := c.b64[k]
			pat := buf[core.r.a:core.r.b]
			eachIndex(s.raw, pat, func(i int) bool {
				a, b := i, i+len(pat)
				if core.partialL && a > 0 && isB64Byte(text[a-1]) {
					a--
				}
				if core.partialR && b < len(text) && isB64Byte(text[b]) {
					b++
				}
				for n := 0; n < 2 && b < len(text) && text[b] == '='; n++ {
					b++
				}
				return add(a, b, scoreCanaryEncoded)
			})
		}
		hx := buf[c.hex.a:c.hex.b]
		eachIndex(s.fold, hx, func(i int) bool { return add(i, i+len(hx), scoreCanaryEncoded) })
	}
}

// eachIndex calls fn with the start of each non-overlapping occurrence of
// pat in hay, left to right, until fn returns false.
func eachIndex(hay, pat []byte, fn func(i int) bool) {
	if len(pat) == 0 {
		return
	}
	for from := 0; from < len(hay); {
		i := bytes.Index(hay[from:], pat)
		if i < 0 || !fn(from+i) {
			return
		}
		from += i + len(pat)
	}
}

// maxEditProbes bounds the candidate positions checked for one-edit
// matches of one canary in one field.
const maxEditProbes = 256

// scanEdits finds windows of the stream within edit distance 1 of alnum.
// Such a window contains one half of alnum unchanged, so only the places
// where a half occurs are checked.
func (s *state) scanEdits(text string, alnum []byte, add func(a, b int, score float64) bool) {
	L := len(alnum)
	h := L / 2
	st := s.stream
	probes := 0
	try := func(a, b int) bool {
		if a < 0 || b > len(st) || a >= b {
			return false
		}
		if !within1(alnum, st[a:b]) {
			return false
		}
		return true
	}
	report := func(a, b int) bool {
		return add(int(s.sStart[a]), s.streamEnd(text, b-1), scoreCanaryVariant)
	}
	for half := 0; half < 2; half++ {
		pat := alnum[:h]
		if half == 1 {
			pat = alnum[h:]
		}
		for from := 0; from < len(st) && probes < maxEditProbes; {
			i := bytes.Index(st[from:], pat)
			if i < 0 {
				break
			}
			i += from
			probes++
			from = i + 1
			if half == 0 {
				for _, b := range [3]int{i + L, i + L - 1, i + L + 1} {
					if try(i, b) {
						if !report(i, b) {
							return
						}
						from = b
						break
					}
				}
			} else {
				end := i + len(pat)
				for _, a := range [3]int{end - L, end - L + 1, end - L - 1} {
					if try(a, end) {
						if !report(a, end) {
							return
						}
						from = end
						break
					}
				}
			}
		}
	}
}

// within1 reports whether a and b are at most one insertion, deletion or
// substitution apart.
func within1(a, b []byte) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
				if diff > 1 {
					return false
				}
			}
		}
		return true
	case 1:
		i := 0
		for i < len(b) && a[i] == b[i] {
			i++
		}
		return bytes.Equal(a[i+1:], b[i:])
	}
	return false
}
