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

// Phone numbers said aloud, as speech transcripts write them: "call us
// back at six one seven five five five oh one two three", "ring me on oh
// seven seven double oh nine double oh three one four". Only text with
// one of the words five, seven, six or zero is looked at (hasSpokenDigits:
// a number of ten digits has one of them nine times in ten), and a run
// is reported only with a phone word before it and when its 7 to 15
// digits make a valid number.

// hasSpokenDigits is the cheap test before spokenPhones: it looks for
// the rare letters v, x and z and checks the word around them, so that
// ordinary text costs a few byte searches (a search for " oh " costs as
// much as the whole scan: spaces are everywhere).
func hasSpokenDigits(t string) bool {
	return rareWord(t, 'z', "zero", "") || rareWord(t, 'x', "six", "") || rareWord(t, 'v', "five", "seven")
}

// rareWord reports the lower-case word w (or w2) as a whole word in t,
// found by its byte c (the third byte of w and w2; the first of "zero").
func rareWord(t string, c byte, w, w2 string) bool {
	off := 2
	if c == 'z' {
		off = 0
	}
	for k := 0; k < len(t); {
		i := strings.IndexByte(t[k:], c)
		if i < 0 {
			return false
		}
		i += k
		k = i + 1
		if wholeWordAt(t, i-off, w) || w2 != "" && wholeWordAt(t, i-off, w2) {
			return true
		}
	}
	return false
}

// wholeWordAt reports w at t[a:] as a whole word.
func wholeWordAt(t string, a int, w string) bool {
	return a >= 0 && a+len(w) <= len(t) && t[a:a+len(w)] == w &&
		(a == 0 || !isAlnum(t[a-1])) && (a+len(w) == len(t) || !isAlnum(t[a+len(w)]))
}

// spokenDigit returns the digit a lower-case word says, or -1.
func spokenDigit(w string) int {
	switch w {
	case "zero", "oh":
		return 0
	case "one":
		return 1
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	case "eight":
		return 8
	case "nine":
		return 9
	}
	return -1
}

// spokenPhones reports runs of digit words that make a phone number.
func (s *scanner) spokenPhones(o *otherScan) {
	t := s.t
	var d [16]byte
	n, start, end, rep := 0, -1, -1, 1
	for i := 0; i < len(t); {
		if !('a' <= t[i] && t[i] <= 'z') {
			if t[i] != ' ' && t[i] != ',' && start >= 0 {
				s.spokenPhone(start, end, d[:min(n, len(d))], n, o)
				n, start, end, rep = 0, -1, -1, 1
			}
			i++
			continue
		}
		j := i
		for j < len(t) && 'a' <= t[j] && t[j] <= 'z' {
			j++
		}
		if j < len(t) && t[j] >= 0x80 || i > 0 && t[i-1] >= 0x80 {
			i = j // part of a word with letters outside ASCII
			continue
		}
		w := t[i:j]
		switch dg := spokenDigit(w); {
		case w == "double" && rep == 1:
			rep = 2
		case w == "triple" && rep == 1:
			rep = 3
		case dg >= 0:
			for ; rep > 0; rep-- {
				if n < len(d) {
					d[n] = byte('0' + dg)
				}
				n++
			}
			rep = 1
			if start < 0 {
				start = i
			}
			end = j
		default:
			if start >= 0 {
				s.spokenPhone(start, end, d[:min(n, len(d))], n, o)
				n, start, end = 0, -1, -1
			}
			rep = 1
		}
		i = j
	}
	if start >= 0 {
		s.spokenPhone(start, end, d[:min(n, len(d))], n, o)
	}
}

// spokenPhone reports the run t[start:end] of n digits (the first of
// them in d) when a phone word is before it and the digits validate. The
// digits are copied to a pooled buffer, as validPhone does, so that d
// stays on the caller's stack.
func (s *scanner) spokenPhone(start, end int, d []byte, n int, o *otherScan) {
	if n < 7 || n > 15 || s.reported(start, end, o) || s.context(start, end)&(ctxPhone|ctxNumber) == 0 {
		return
	}
	buf := phoneBufs.Get().(*[32]byte)
	defer phoneBufs.Put(buf)
	k := copy(buf[:], d)
	ok := phoneValidDigits(buf[:k], false, s.d.region)
	if !ok {
		ok, _ = phoneValidElsewhere(buf[:k], s.d.region)
	}
	if ok {
		s.report(tPhone, start, end, 0.6)
	}
}
