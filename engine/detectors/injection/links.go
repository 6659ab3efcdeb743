package injection

import "bytes"

// The classifier reads links and e-mail addresses as the words "url" and
// "email", not as their letters. Attack rows often send data to made-up
// hosts (evil.example, attacker.example) while benign rows rarely carry a
// link, so a model that read host names learnt that "example" and link
// paths are attack words: "Please send the customer the refund policy:
// https://kb.example/refunds" scored 0.92. What a link means for an attack
// (send the data there, render this image) is in the words around it and
// in the signatures, which still read the whole text.

// maskLinks returns b with every link (scheme:// or www.) and e-mail
// address replaced by " url " or " email ", written into dst (which must
// not share memory with b); b itself, and masked false, when it has
// none. It looks only where a link can be: at "://", "www." and "@".
func maskLinks(dst, b []byte) (out []byte, masked bool) {
	at, scheme, www := bytes.IndexByte(b, '@'), bytes.Index(b, []byte("://")), bytes.Index(b, []byte("www."))
	if at < 0 && scheme < 0 && www < 0 {
		return b, false
	}
	dst = dst[:0]
	last := 0 // b[:last] is written (or masked)
	for last < len(b) {
		// The earliest anchor at or after last.
		at, scheme, www = nextFrom(b, '@', "", at, last), nextFrom(b, 0, "://", scheme, last), nextFrom(b, 0, "www.", www, last)
		start, end, word := -1, -1, ""
		switch first := minPos(at, scheme, www); {
		case first < 0:
			return append(dst, b[last:]...), true
		case first == scheme:
			s := scheme
			for s > last && scheme-s < 12 && isLetterByte(b[s-1]) {
				s--
			}
			if s < scheme && (s == 0 || !isLocalByte(b[s-1])) {
				start, end, word = s, linkEnd(b, scheme+3), "url"
			}
			scheme = nextFrom(b, 0, "://", -2, scheme+1)
		case first == www:
			if e := linkEnd(b, www+4); e > www+4 && (www == 0 || !isLocalByte(b[www-1])) {
				start, end, word = www, e, "url"
			}
			www = nextFrom(b, 0, "www.", -2, www+1)
		default: // '@'
			s := at
			for s > last && isLocalByte(b[s-1]) {
				s--
			}
			k := at + 1
			for k < len(b) && isHostByte(b[k]) {
				k++
			}
			for k > at+1 && b[k-1] == '.' {
				k--
			}
			dot := bytes.IndexByte(b[at+1:k], '.') >= 0
			if s < at && dot && k > at+1 {
				start, end, word = s, k, "email"
			}
			at = nextFrom(b, '@', "", -2, at+1)
		}
		if start < 0 {
			continue
		}
		dst = append(dst, b[last:start]...)
		dst = append(dst, ' ')
		dst = append(dst, word...)
		dst = append(dst, ' ')
		last = end
	}
	return dst, true
}

// nextFrom is the position of c (or of sub) in b at or after from, given
// prev, the last position found: -1 when none is left, -2 to search
// afresh.
func nextFrom(b []byte, c byte, sub string, prev, from int) int {
	if prev == -1 || prev >= from {
		return prev
	}
	if from >= len(b) {
		return -1
	}
	var i int
	if sub == "" {
		i = bytes.IndexByte(b[from:], c)
	} else {
		i = bytes.Index(b[from:], []byte(sub))
	}
	if i < 0 {
		return -1
	}
	return from + i
}

func minPos(xs ...int) int {
	m := -1
	for _, x := range xs {
		if x >= 0 && (m < 0 || x < m) {
			m = x
		}
	}
	return m
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isHostByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c >= 0x80
}

func isLocalByte(c byte) bool {
	return isHostByte(c) || c == '_' || c == '+' || c == '%'
}

// linkEnd is where a link that goes on from b[i] ends: at white space, a
// quote or a bracket, without the sentence's closing punctuation.
func linkEnd(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r', '"', '\'', '<', '>', '(', ')', '[', ']', '{', '}', '`':
			goto done
		}
		i++
	}
done:
	for i > 0 {
		switch b[i-1] {
		case '.', ',', ';', ':', '!', '?':
			i--
			continue
		}
		break
	}
	return i
}
