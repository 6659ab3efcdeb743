package secrets

import (
	"math"
	"strings"
)

// shannon returns the Shannon entropy of s in bits per byte:
// log2(n) - sum(c log2 c)/n over the byte counts c.
func shannon(s string) float64 {
	n := len(s)
	if n == 0 {
		return 0
	}
	var counts [256]int32
	for i := 0; i < n; i++ {
		counts[s[i]]++
	}
	var sum float64
	for i := 0; i < n; i++ {
		c := counts[s[i]]
		if c > 0 {
			sum += clog2(int(c))
			counts[s[i]] = 0 // count each byte value once
		}
	}
	return clog2(n)/float64(n) - sum/float64(n)
}

// clog2Table[c] is c*log2(c).
var clog2Table = func() (t [512]float64) {
	for c := 1; c < len(t); c++ {
		t[c] = float64(c) * math.Log2(float64(c))
	}
	return
}()

func clog2(c int) float64 {
	if c < len(clog2Table) {
		return clog2Table[c]
	}
	return float64(c) * math.Log2(float64(c))
}

// containsFold reports whether sub (lower case) occurs in s, ignoring ASCII case.
func containsFold(s, sub string) bool {
	n := len(sub)
	if n == 0 {
		return true
	}
	first := sub[0]
	for i, last := 0, len(s)-n; i <= last; i++ {
		if s[i]|0x20 != first|0x20 {
			continue // cannot be first in either case (a superset test)
		}
		if lowerASCII(s[i]) == first && equalFold(s[i:i+n], sub) {
			return true
		}
	}
	return false
}

// equalFold compares s with lower-case t, ignoring ASCII case.
func equalFold(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerASCII(s[i]) != t[i] {
			return false
		}
	}
	return true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && equalFold(s[:len(prefix)], prefix)
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && equalFold(s[len(s)-len(suffix):], suffix)
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
func isAlnum(b byte) bool { return byteClass[b]&clAlnum != 0 }

// Byte classes for the hot character tests.
const (
	clAlnum     = 1 << iota
	clWord      // alnum or '_'
	clIdent     // word, '-' or '.'
	clKey       // a byte of the key before an operator (regionByte); not a tab
	clSkip      // skipped between a key and its operator: blanks, quotes, ] \ ? !
	clValueSkip // skipped between an operator and its value: blanks, quotes, =
	clToken     // a byte of a token-like value: alnum _ - + / = . ~
)

var byteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		if isDigit(b) || isLetter(b) {
			t[c] |= clAlnum | clWord | clIdent | clKey
		}
		switch b {
		case '_':
			t[c] |= clWord | clIdent | clKey
		case '-', '.':
			t[c] |= clIdent | clKey
		case ' ', '"', '\'', '`', '[', ']', '$', '@', '\\', '/':
			t[c] |= clKey
		}
		switch b {
		case ' ', '\t', '"', '\'', '`', ']', '\\', '?', '!':
			t[c] |= clSkip
		}
		switch b {
		case ' ', '\t', '"', '\'', '`', '=':
			t[c] |= clValueSkip
		}
		if isDigit(b) || isLetter(b) || strings.IndexByte("_-+/=.~", b) >= 0 {
			t[c] |= clToken
		}
	}
	return
}()

// isIdent reports bytes that can be part of a key name: letters, digits,
// '_', '-' and '.'.
func isIdent(b byte) bool { return byteClass[b]&clIdent != 0 }

func isSpace(b byte) bool { return b == ' ' || b == '\t' }

// charClasses counts which of lower, upper, digit and other printable
// bytes occur in s.
func charClasses(s string) int {
	var lo, up, di, ot int
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			lo = 1
		case 'A' <= c && c <= 'Z':
			up = 1
		case isDigit(c):
			di = 1
		default:
			ot = 1
		}
	}
	return lo + up + di + ot
}

// repeatedRun reports whether s is one byte repeated, or a short unit
// repeated (abcabcabc, 121212).
func repeatedRun(s string) bool {
	for unit := 1; unit <= 4 && unit*2 <= len(s); unit++ {
		rep := true
		for i := unit; i < len(s); i++ {
			if s[i] != s[i-unit] {
				rep = false
				break
			}
		}
		if rep {
			return true
		}
	}
	return false
}

// sequential reports ascending or descending runs of letters or digits
// covering s (123456789, abcdef).
func sequential(s string) bool {
	if len(s) < 4 {
		return false
	}
	up, down := true, true
	for i := 1; i < len(s); i++ {
		a, b := lowerASCII(s[i-1]), lowerASCII(s[i])
		if b != a+1 && !(a == '9' && b == '0') {
			up = false
		}
		if b+1 != a {
			down = false
		}
	}
	return up || down
}

// obviousFake reports secrets with a long run of one byte (xxxxxx, 000000,
// ******) or an ascending alphabet or digit run (abcdef, 123456): random
// tokens almost never contain either, documentation stand-ins often do.
func obviousFake(s string) bool {
	same, seq, digits := 1, 1, 0
	for i := 1; i < len(s); i++ {
		a, b := s[i-1], s[i]
		if isDigit(b) {
			digits++
		}
		if b == a {
			if same++; same >= 6 {
				return true
			}
			seq = 1
			continue
		}
		same = 1
		if b == a+1 && isAlnum(a) && isAlnum(b) {
			if seq++; seq >= 6 {
				return true
			}
		} else {
			seq = 1
		}
	}
	return digits >= 3 && steppedPairs(s)
}

// steppedPairs reports a run of ascending or descending letter-digit
// pairs (a1b2c3d4e5, d4c3b2a1): the keyboard-walk stand-in of documentation,
// never a random token.
func steppedPairs(s string) bool {
	n := 0
	for i := 0; i+3 < len(s); {
		d, e := s[i+1], s[i+3]
		if !isDigit(d) || !isDigit(e) {
			n = 0
			i++
			continue
		}
		a, b := lowerASCII(s[i]), lowerASCII(s[i+2])
		up := b == a+1 && (e == d+1 || (d == '9' && e == '0'))
		down := b+1 == a && (e+1 == d || (d == '0' && e == '9'))
		if 'a' <= a && a <= 'z' && (up || down) {
			if n++; n >= 3 {
				return true
			}
			i += 2
			continue
		}
		n = 0
		i++
	}
	return false
}

// fillerRun reports a run of six or more of one byte (xxxxxx, ******).
func fillerRun(s string) bool {
	same := 1
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] {
			same++
			if same >= 6 {
				return true
			}
		} else {
			same = 1
		}
	}
	return false
}
