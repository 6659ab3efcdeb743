package secrets

import "math"

// shannon returns the Shannon entropy of s in bits per byte.
func shannon(s string) float64 {
	if len(s) == 0 {
		return 0
	}
	var counts [256]int32
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	inv := 1 / float64(len(s))
	var h float64
	for _, c := range counts {
		if c > 0 {
			p := float64(c) * inv
			h -= p * math.Log2(p)
		}
	}
	return h
}

// containsFold reports whether sub (lower case) occurs in s, ignoring ASCII case.
func containsFold(s, sub string) bool {
	n := len(sub)
	if n == 0 {
		return true
	}
	first := sub[0]
	for i := 0; i+n <= len(s); i++ {
		if lowerASCII(s[i]) != first {
			continue
		}
		if equalFold(s[i:i+n], sub) {
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
func isAlnum(b byte) bool { return isDigit(b) || isLetter(b) }

// isIdent reports bytes that can be part of a key name: letters, digits,
// '_', '-' and '.'.
func isIdent(b byte) bool { return isAlnum(b) || b == '_' || b == '-' || b == '.' }

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
	if steppedPairs(s) {
		return true
	}
	same, seq := 1, 1
	for i := 1; i < len(s); i++ {
		a, b := s[i-1], s[i]
		if b == a {
			same++
			if same >= 6 {
				return true
			}
		} else {
			same = 1
		}
		if isAlnum(a) && isAlnum(b) && b == a+1 {
			seq++
			if seq >= 6 {
				return true
			}
		} else {
			seq = 1
		}
	}
	return false
}

// steppedPairs reports a run of ascending or descending letter-digit
// pairs (a1b2c3d4e5, d4c3b2a1): the keyboard-walk stand-in of documentation,
// never a random token.
func steppedPairs(s string) bool {
	n := 0
	for i := 0; i+3 < len(s); i += 2 {
		a, d, b, e := lowerASCII(s[i]), s[i+1], lowerASCII(s[i+2]), s[i+3]
		up := b == a+1 && (e == d+1 || (d == '9' && e == '0'))
		down := b+1 == a && (e+1 == d || (d == '0' && e == '9'))
		if 'a' <= a && a <= 'z' && isDigit(d) && isDigit(e) && (up || down) {
			n++
			if n >= 3 {
				return true
			}
			continue
		}
		n = 0
		i-- // realign by one byte
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
