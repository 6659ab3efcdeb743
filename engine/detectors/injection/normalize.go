package injection

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normText is a normalised view of a text: lower case, the compatibility
// folds of NFKC applied rune by rune (full-width, ligatures, mathematical
// alphanumerics...; Latin accents and combining marks dropped; Han, kana,
// Hangul and Cyrillic pass through, already in NFKC form), zero-width and
// bidi controls removed, homoglyphs
// folded to Latin, runs of white space collapsed to one ' ' (or '\n' when
// the run held a line break). It always starts with '\n' so that
// line-start markers ("\nsystem:") match at the start of the text.
//
// off[i] is the byte offset in the original text of the rune that produced
// normalised byte i; it lets signature spans be reported on the original.
type normText struct {
	b []byte
	// off is filled only when track is set (spans are mapped back only
	// when a signature fired, so the common path skips it).
	off   []int32
	track bool
	// tags counts Unicode tag characters (U+E0020..U+E007E, "ASCII
	// smuggling") decoded into the view.
	tags int
	// nonASCII is set when the view holds bytes >= 0x80.
	nonASCII bool
	// spaces counts the word separators emitted (a cheap word count).
	spaces int

	pending byte // white space waiting for the next emitted byte
	lastWS  bool
}

func (n *normText) reset() {
	n.b = n.b[:0]
	n.off = n.off[:0]
	n.tags = 0
	n.nonASCII = false
	n.spaces = 0
	n.pending = 0
	n.lastWS = true
}

// emit appends one normalised byte produced by the rune at byte at.
func (n *normText) emit(c byte, at int) {
	if n.pending != 0 {
		if !n.lastWS {
			n.b = append(n.b, n.pending)
			n.spaces++
			if n.track {
				n.off = append(n.off, int32(at))
			}
		}
		n.pending = 0
	}
	n.b = append(n.b, c)
	if n.track {
		n.off = append(n.off, int32(at))
	}
	n.lastWS = false
}

func (n *normText) space(nl bool) {
	if nl {
		n.pending = '\n'
	} else if n.pending == 0 {
		n.pending = ' '
	}
}

// asciiMap maps an ASCII byte to its normalised byte; 0 drops it, 1 is
// white space, 2 a line break.
var asciiMap = func() (t [128]byte) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	t[' '], t['\t'], t['\r'], t['\v'], t['\f'] = 1, 1, 1, 1, 1
	t['\n'] = 2
	return t
}()

// normalize writes the normalised view of src into n; with track it also
// fills n.off.
func normalize(src string, n *normText, track bool) {
	n.track = track
	n.reset()
	n.b = append(n.b, '\n')
	if track {
		n.off = append(n.off, 0)
	}
	emit := n.emit
	space := n.space
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			m := asciiMap[c]
			if c == '\\' && i+2 < len(src) && (src[i+1] == 'n' || src[i+1] == 'r' || src[i+1] == 't') && escapeFollower(src[i+2]) {
				// A written escape glued to a word ("line one\nIgnore …"
				// in JSON strings, logs and tool output pasted as text) is
				// the white space it stands for: otherwise its letter
				// glues onto the word and hides it from the keywords.
				// So is one before a digit or a list, quote or markup
				// sign ("\n1.", "\n- ", "\n<!--"). Escapes before
				// anything else ("\n" in code) are left as they are.
				n.space(src[i+1] != 't')
				i += 2
				continue
			}
			switch {
			case m == c && c > ' ' && n.pending == 0 && !track:
				// a run of bytes that normalise to themselves (a
				// backslash ends it: it may open a written escape)
				j := i + 1
				for j < len(src) && src[j] < utf8.RuneSelf && src[j] > ' ' && src[j] != '\\' && asciiMap[src[j]] == src[j] {
					j++
				}
				n.b = append(n.b, src[i:j]...)
				n.lastWS = false
				i = j
				continue
			case m > 2:
				if n.pending == 0 && !track {
					n.b = append(n.b, m)
					n.lastWS = false
				} else {
					n.emit(m, i)
				}
			case m == 2:
				n.pending = '\n'
			case m == 1:
				if n.pending == 0 {
					n.pending = ' '
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		at := i
		i += size
		if r == utf8.RuneError && size == 1 {
			continue
		}
		// Fast paths for scripts whose NFKC form is themselves.
		switch {
		case r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3,
			r >= 0x3041 && r <= 0x3096, r >= 0x30A1 && r <= 0x30FA:
			emitRune(n, r, at, emit)
			continue
		case r >= 0x0400 && r <= 0x04FF, r >= 0x0370 && r <= 0x03FF:
			if l, ok := homoglyph(r); ok {
				emit(l, at)
				continue
			}
			r = unicode.ToLower(r)
			if l, ok := homoglyph(r); ok {
				emit(l, at)
			} else {
				emitRune(n, r, at, emit)
			}
			continue
		case r >= 0xE0020 && r <= 0xE007E:
			// Unicode tag characters carry invisible ASCII: decode them.
			n.tags++
			c := byte(r - 0xE0000)
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == ' ' {
				space(false)
			} else {
				emit(c, at)
			}
			continue
		}
		if invisible(r) {
			continue
		}
		if unicode.IsSpace(r) {
			space(r == 0x2028 || r == 0x2029 || r == 0x85)
			continue
		}
		if l, ok := homoglyph(r); ok {
			emit(l, at)
			continue
		}
		// Compatibility decomposition of the rune (empty: none). Taken
		// from the tables without allocating.
		var rb [utf8.UTFMax]byte
		w := utf8.EncodeRune(rb[:], r)
		d := norm.NFKD.Properties(rb[:w]).Decomposition()
		if len(d) == 0 {
			if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
				continue
			}
			lr := unicode.ToLower(r)
			if l, ok := homoglyph(lr); ok {
				emit(l, at)
				continue
			}
			emitRune(n, lr, at, emit)
			continue
		}
		// Latin letter with diacritics: keep the base letter.
		if len(d) > 1 && d[0] < utf8.RuneSelf && isASCIILetter(d[0]) && allMarks(d[1:]) {
			c := d[0]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			emit(c, at)
			continue
		}
		// Everything else (full-width forms, ligatures, mathematical
		// alphanumerics, circled letters...): fold each rune of the
		// decomposition; combining marks are dropped.
		for j := 0; j < len(d); {
			kr, ks := utf8.DecodeRune(d[j:])
			j += ks
			if kr < utf8.RuneSelf {
				c := byte(kr)
				switch {
				case c >= 'A' && c <= 'Z':
					emit(c+'a'-'A', at)
				case c == ' ' || c == '\t':
					space(false)
				case c < 0x20:
				default:
					emit(c, at)
				}
				continue
			}
			if invisible(kr) || unicode.Is(unicode.Mn, kr) || unicode.Is(unicode.Me, kr) {
				continue
			}
			if unicode.IsSpace(kr) {
				space(false)
				continue
			}
			if l, ok := homoglyph(kr); ok {
				emit(l, at)
				continue
			}
			kr = unicode.ToLower(kr)
			if l, ok := homoglyph(kr); ok {
				emit(l, at)
				continue
			}
			emitRune(n, kr, at, emit)
		}
	}
	if n.pending == '\n' && !n.lastWS {
		n.b = append(n.b, '\n')
		if track {
			n.off = append(n.off, int32(len(src)))
		}
	}
}

func emitRune(n *normText, r rune, at int, _ func(byte, int)) {
	n.nonASCII = true
	var rb [utf8.UTFMax]byte
	w := utf8.EncodeRune(rb[:], r)
	n.emit(rb[0], at)
	for j := 1; j < w; j++ {
		n.b = append(n.b, rb[j])
		if n.track {
			n.off = append(n.off, int32(at))
		}
	}
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// escapeFollower reports whether a written escape ("\n") before c is
// read as the white space it stands for (see normalize).
func escapeFollower(c byte) bool {
	switch {
	case isASCIILetter(c), c >= '0' && c <= '9', c >= utf8.RuneSelf:
		return true
	}
	switch c {
	case '\\', '<', '>', '-', '*', '#', '[', '(':
		return true
	}
	return false
}

func allMarks(b []byte) bool {
	for len(b) > 0 {
		r, s := utf8.DecodeRune(b)
		if !unicode.Is(unicode.Mn, r) {
			return false
		}
		b = b[s:]
	}
	return true
}

// invisible reports zero-width, bidi and other format characters that
// render as nothing and are used to split keywords.
func invisible(r rune) bool {
	switch {
	case r == 0x00AD, r == 0x034F, r == 0x061C, r == 0x115F, r == 0x1160,
		r == 0x17B4, r == 0x17B5, r == 0x180E, r == 0x3164, r == 0xFEFF, r == 0xFFA0:
		return true
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E,
		r >= 0x2060 && r <= 0x206F, r >= 0xFE00 && r <= 0xFE0F,
		r >= 0xE0000 && r <= 0xE0FFF, r >= 0x1D173 && r <= 0x1D17A:
		return true
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)
}

// leetFold maps a normalised byte to its leetspeak skeleton. Letters that
// leet digits stand for are folded together ('1', 'l', '!' and '|' all
// become 'i') so one automaton matches every reading.
var leetTable = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for _, p := range []string{"1i", "li", "!i", "|i", "3e", "4a", "@a", "0o", "5s", "$s", "7t"} {
		t[p[0]] = p[1]
	}
	return t
}()

// hasLeet reports whether b contains a leet character inside a word
// (letters on both sides) or starting one (two letters after it), the only
// cases in which the leet view can differ usefully.
func hasLeet(b []byte) bool {
	leet, _ := viewStats(b)
	return leet
}

// looksRotated compares the frequency of English's commonest letters
// (e, t, a, o) with that of their rot13 images (r, g, n, b): in English
// text the first are about twice as frequent, in rot13 text the reverse.
func looksRotated(b []byte) bool {
	_, rot := viewStats(b)
	return rot
}

const (
	stCommon = 1 << iota
	stRotated
	stLeet
)

var statClass = func() (t [256]uint8) {
	for _, c := range "etao" {
		t[c] = stCommon
	}
	for _, c := range "rgnb" {
		t[c] = stRotated
	}
	for _, c := range "134057@$!|" {
		t[c] = stLeet
	}
	return t
}()

// viewStats is one pass over a normalised view that decides whether the
// leet and rot13 views are worth scanning (see hasLeet, looksRotated).
func viewStats(b []byte) (leet, rotated bool) {
	var cnt [8]int
	for _, c := range b {
		cnt[statClass[c]]++
	}
	if cnt[stLeet] > 0 {
		for i := 1; i+1 < len(b); i++ {
			if statClass[b[i]] == stLeet && isASCIILetter(b[i+1]) &&
				(isASCIILetter(b[i-1]) || (i+2 < len(b) && isASCIILetter(b[i+2]) && !isAlnum(b[i-1]))) {
				leet = true
				break
			}
		}
	}
	return leet, cnt[stRotated] >= 12 && cnt[stRotated] > cnt[stCommon]
}

var leetChar = func() (t [256]bool) {
	for _, c := range "134057@$!|" {
		t[c] = true
	}
	return t
}()

func isAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

func leetView(dst, b []byte) []byte {
	dst = dst[:0]
	for _, c := range b {
		dst = append(dst, leetTable[c])
	}
	return dst
}

// rot13 rotates ASCII letters of b into dst.
func rot13(dst, b []byte) []byte {
	dst = dst[:0]
	for _, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			c = 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			c = 'A' + (c-'A'+13)%26
		}
		dst = append(dst, c)
	}
	return dst
}

// Normalize returns the normalised view the detector matches against
// (exported for tests and tools; not needed to score).
func Normalize(s string) string {
	var n normText
	normalize(s, &n, false)
	return string(n.b[1:])
}

// LeetFold returns the leetspeak skeleton of s's normalised view.
func LeetFold(s string) string {
	var n normText
	normalize(s, &n, false)
	return string(leetView(nil, n.b[1:]))
}
