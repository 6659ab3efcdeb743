package injection

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normText is a normalised view of a text: lower case, NFKC (Latin
// accents stripped), zero-width and bidi controls removed, homoglyphs
// folded to Latin, runs of white space collapsed to one ' ' (or '\n' when
// the run held a line break). It always starts with '\n' so that
// line-start markers ("\nsystem:") match at the start of the text.
//
// off[i] is the byte offset in the original text of the rune that produced
// normalised byte i; it lets signature spans be reported on the original.
type normText struct {
	b   []byte
	off []int32
	// tags counts Unicode tag characters (U+E0020..U+E007E, "ASCII
	// smuggling") decoded into the view.
	tags int
}

func (n *normText) reset() {
	n.b = n.b[:0]
	n.off = n.off[:0]
	n.tags = 0
}

// normalize writes the normalised view of src into n.
func normalize(src string, n *normText) {
	n.reset()
	n.b = append(n.b, '\n')
	n.off = append(n.off, 0)
	var pending byte // pending white space: 0, ' ' or '\n'
	lastWS := true
	emit := func(c byte, at int) {
		if pending != 0 {
			if !lastWS {
				n.b = append(n.b, pending)
				n.off = append(n.off, int32(at))
			}
			pending = 0
		}
		n.b = append(n.b, c)
		n.off = append(n.off, int32(at))
		lastWS = false
	}
	space := func(nl bool) {
		if nl {
			pending = '\n'
		} else if pending == 0 {
			pending = ' '
		}
	}
	var tmp [64]byte
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'A' && c <= 'Z':
				emit(c+'a'-'A', i)
			case c == '\n':
				space(true)
			case c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
				space(false)
			case c < 0x20 || c == 0x7f:
				// other control characters are dropped
			default:
				emit(c, i)
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
		// Latin letter with diacritics: keep the base letter.
		var rb [utf8.UTFMax]byte
		w := utf8.EncodeRune(rb[:], r)
		d := norm.NFKD.Append(tmp[:0], rb[:w]...)
		if len(d) > 1 && d[0] < utf8.RuneSelf && isASCIILetter(d[0]) && allMarks(d[1:]) {
			c := d[0]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			emit(c, at)
			continue
		}
		// Everything else: NFKC, then fold each resulting rune.
		k := norm.NFKC.Append(tmp[:0], rb[:w]...)
		for j := 0; j < len(k); {
			kr, ks := utf8.DecodeRune(k[j:])
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
	if pending == '\n' && !lastWS {
		n.b = append(n.b, '\n')
		n.off = append(n.off, int32(len(src)))
	}
}

func emitRune(n *normText, r rune, at int, emit func(byte, int)) {
	var rb [utf8.UTFMax]byte
	w := utf8.EncodeRune(rb[:], r)
	emit(rb[0], at)
	for j := 1; j < w; j++ {
		n.b = append(n.b, rb[j])
		n.off = append(n.off, int32(at))
	}
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

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

// hasLeet reports whether b contains a leet character next to a letter,
// the only case in which the leet view can differ usefully.
func hasLeet(b []byte) bool {
	for i, c := range b {
		switch c {
		case '1', '3', '4', '0', '5', '7', '@', '$', '!', '|':
			if (i > 0 && isASCIILetter(b[i-1])) || (i+1 < len(b) && isASCIILetter(b[i+1])) {
				return true
			}
		}
	}
	return false
}

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
	normalize(s, &n)
	return string(n.b[1:])
}

// LeetFold returns the leetspeak skeleton of s's normalised view.
func LeetFold(s string) string {
	var n normText
	normalize(s, &n)
	return string(leetView(nil, n.b[1:]))
}
