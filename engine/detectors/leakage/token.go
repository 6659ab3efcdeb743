package leakage

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// token is one word of a field: the hash of its lower-cased text and its
// byte span. No text is kept.
type token struct {
	h          uint64 // the word
	hs         uint64 // the word stemmed: a trailing plural or possessive 's' dropped
	start, end int32
	digit      bool // the token has a digit (a figure, for grounding)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// isCJK reports whether r is a Han, Hiragana, Katakana or Hangul rune:
// these scripts do not separate words with spaces, so each such rune is a
// token of its own.
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// foldRune lower-cases r and maps full-width ASCII letters and digits to
// ASCII.
func foldRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r < 0x80:
		return r
	case r >= 0xFF10 && r <= 0xFF19, r >= 0xFF21 && r <= 0xFF3A, r >= 0xFF41 && r <= 0xFF5A:
		return foldRune(r - 0xFEE0)
	}
	return unicode.ToLower(r)
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

var asciiWord = func() (t [256]bool) {
	for c := 0; c < 128; c++ {
		t[c] = isWordRune(rune(c))
	}
	return
}()

// asciiDigit is 1 for ASCII digits.
var asciiDigit = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	return
}()

// asciiLower maps ASCII letters and digits to their lower-case byte and
// every other byte to 0.
var asciiLower = func() (t [256]byte) {
	for c := 0; c < 128; c++ {
		if asciiWord[c] {
			t[c] = byte(foldRune(rune(c)))
		}
	}
	return
}()

// tokenize appends the word tokens of text to dst: runs of letters,
// digits and combining marks, lower-cased; each CJK rune is a token; a
// '.' or ',' between digits stays inside a number ("4.2", "2,000" hashes
// as "2000"). Each token has two hashes: of the word, and of the word
// with a trailing plural or possessive 's' dropped when it has four or
// more runes ("reports" and "report" stem alike; "ss" is kept).
func tokenize(dst []token, text string) []token {
	dst, _ = tokenizeFrom(dst, text, 0, int(^uint(0)>>1))
	return dst
}

// tokenizeFrom is tokenize from byte i, stopping once dst holds limit
// tokens; it returns where to resume.
func tokenizeFrom(dst []token, text string, i int, limit int) ([]token, int) {
	for i < len(text) && len(dst) < limit {
		c := text[i]
		if c < 0x80 {
			if asciiLower[c] == 0 {
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isCJK(r) {
				h := mix((uint64(fnvOffset) ^ uint64(foldRune(r))) * fnvPrime)
				dst = append(dst, token{h: h, hs: h, start: int32(i), end: int32(i + size)})
				i += size
				continue
			}
			if !isWordRune(r) {
				i += size
				continue
			}
		}
		// A word starts at i.
		start := i
		h := uint64(fnvOffset)
		n := 0
		var digit byte
		for i < len(text) {
			c := text[i]
			if l := asciiLower[c]; l != 0 {
				// ASCII: rotate and xor, no multiply (the token hash is
				// mixed once at the end).
				h = bits.RotateLeft64(h, 7) ^ uint64(l)
				digit |= asciiDigit[c]
				n++
				i++
				continue
			}
			if c < 0x80 {
				if (c == '.' || c == ',') && i > start && asciiDigit[text[i-1]] != 0 && i+1 < len(text) && asciiDigit[text[i+1]] != 0 {
					if c == '.' {
						h = (h ^ '.') * fnvPrime
					}
					i++
					continue
				}
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if isCJK(r) || !isWordRune(r) {
				break
			}
			if unicode.IsDigit(r) {
				digit = 1
			}
			h = (h ^ uint64(foldRune(r))) * fnvPrime
			n++
			i += size
		}
		// Stemming: the last byte was hashed by the ASCII step, which
		// rotate-xor undoes.
		mh := mix(h)
		ms := mh
		if n >= 4 && asciiLower[text[i-1]] == 's' && asciiLower[text[i-2]] != 's' {
			ms = mix(bits.RotateLeft64(h^'s', -7))
		}
		dst = append(dst, token{h: mh, hs: ms, start: int32(start), end: int32(i), digit: digit != 0})
	}
	return dst, i
}
