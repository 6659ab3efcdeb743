package pii

import "strings"

// E-mail addresses said aloud, as speech transcripts write them:
// "arthur dot pennock at btinternet dot com", "j underscore lee at
// example dot co dot uk". Only text with " dot " in it is looked at.

// spokenEmails reports spoken addresses after the byte scan.
func (s *scanner) spokenEmails(o *otherScan) {
	t := s.t
	for k := 0; k < len(t); {
		a := strings.Index(t[k:], " at ")
		if a < 0 {
			return
		}
		a += k
		k = a + 4
		end, ok := spokenDomain(t, a+4)
		if !ok {
			continue
		}
		start, joined := spokenLocal(t, a)
		if start < 0 || !joined && !emailWordBefore(t, start) {
			continue // "look at example dot com": no address without a joiner or an e-mail word
		}
		if !s.reported(start, end, o) {
			s.report(tEmail, start, end, 0.6)
		}
		k = end
	}
}

// spokenWord returns the end of the word (ASCII letters, digits, '-')
// at i, or i.
func spokenWord(t string, i int) int {
	j := i
	for j < len(t) && (isAlnum(t[j]) || t[j] == '-') && j-i < 64 {
		j++
	}
	return j
}

// spokenDomain reads "label dot label (dot label)*" at i, ending in a
// domain that bare host names end in too (bareTLD), and returns its end.
func spokenDomain(t string, i int) (int, bool) {
	e := spokenWord(t, i)
	if e-i < 2 {
		return 0, false
	}
	labels := 1
	for labels < 6 && strings.HasPrefix(t[e:], " dot ") {
		f := spokenWord(t, e+5)
		if f == e+5 {
			break
		}
		e = f
		labels++
	}
	if labels < 2 {
		return 0, false
	}
	k := e
	for k > i && t[k-1] != ' ' {
		k--
	}
	var buf [8]byte
	if e-k > len(buf) {
		return 0, false
	}
	for x := k; x < e; x++ {
		buf[x-k] = lower(t[x])
	}
	if !bareTLD(string(buf[:e-k])) || e < len(t) && isAlnum(t[e]) {
		return 0, false
	}
	return e, true
}

// spokenLocal reads the local part that ends at a (the space before
// "at"): a word, and words before it joined by " dot ", " underscore ",
// " dash " or " hyphen ". It returns its start and whether it had a
// joiner.
func spokenLocal(t string, a int) (int, bool) {
	st := a
	for st > 0 && (isAlnum(t[st-1]) || t[st-1] == '-') && a-st < 64 {
		st--
	}
	if st == a || st > 0 && t[st-1] != ' ' && t[st-1] != '\n' && t[st-1] != '"' && t[st-1] != '\'' {
		return -1, false
	}
	joined := false
	for a-st < 128 { // a local part is at most 64 characters, said aloud about twice that
		ok := false
		for _, j := range [...]string{" dot ", " underscore ", " dash ", " hyphen "} {
			if st >= len(j) && t[st-len(j):st] == j {
				w := st - len(j)
				b := w
				for b > 0 && (isAlnum(t[b-1]) || t[b-1] == '-') && w-b < 64 {
					b--
				}
				if b < w {
					st, ok, joined = b, true, true
				}
				break
			}
		}
		if !ok {
			return st, joined
		}
	}
	return -1, false
}

// emailWordBefore reports "email", "e-mail", "mail" or "address" in the
// 40 bytes before st.
func emailWordBefore(t string, st int) bool {
	w := t[max(st-40, 0):st]
	for _, p := range [...]string{"mail", "Mail", "address", "Address"} {
		if strings.Contains(w, p) {
			return true
		}
	}
	return false
}
