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
// seven seven double oh nine double oh three one four". The pass starts
// from the words zero, six, five and seven (a number of ten digits has
// one of them nine times in ten), found by their rare letters z, x and v
// so that ordinary text costs a few byte searches; only the stretch
// around such a word with a phone word before it is read word by word. A
// run is reported when its 7 to 15 digits make a valid number.

// spokenPhones reports runs of digit words that make a phone number.
func (s *scanner) spokenPhones(o *otherScan) {
	t := s.t
	var win [8][2]int
	n := 0
	for _, r := range [3]struct {
		c      byte
		w1, w2 string
	}{{'z', "zero", ""}, {'x', "six", ""}, {'v', "five", "seven"}} {
		off := 2
		if r.c == 'z' {
			off = 0
		}
		for k := 0; k < len(t) && n < len(win); {
			i := strings.IndexByte(t[k:], r.c)
			if i < 0 {
				break
			}
			i += k
			k = i + 1
			if off == 2 && (i < 2 || t[i-1] != 'i' && t[i-1] != 'e') {
				continue // not the "iv" of five, the "ev" of seven or the "ix" of six
			}
			a := i - off
			w := r.w1
			if !wholeWordAt(t, a, w) {
				if w = r.w2; w == "" || !wholeWordAt(t, a, w) {
					continue
				}
			}
			if !digitWordAfter(t, a+len(w)) || s.context(a, a+len(w))&(ctxPhone|ctxNumber) == 0 {
				continue // "six months", "five apples": no run of digits
			}
			win[n] = [2]int{max(0, a-160), min(len(t), a+200)}
			n++
			k = a + 200 // the window holds the run
		}
	}
	if n == 0 {
		return
	}
	// windows in order, merged, read once each
	for i := 1; i < n; i++ {
		for j := i; j > 0 && win[j][0] < win[j-1][0]; j-- {
			win[j], win[j-1] = win[j-1], win[j]
		}
	}
	lo, hi := win[0][0], win[0][1]
	for i := 1; i <= n; i++ {
		if i < n && win[i][0] <= hi {
			hi = max(hi, win[i][1])
			continue
		}
		for lo > 0 && t[lo-1] >= 'a' && t[lo-1] <= 'z' {
			lo-- // start at a word's start
		}
		s.spokenRuns(lo, hi, o)
		if i < n {
			lo, hi = win[i][0], win[i][1]
		}
	}
}

// digitWordAfter reports a digit word (or double, triple) after the
// space or comma at t[e:].
func digitWordAfter(t string, e int) bool {
	if e < len(t) && t[e] == ',' {
		e++
	}
	if e >= len(t) || t[e] != ' ' {
		return false
	}
	e++
	j := e
	for j < len(t) && j-e < 6 && 'a' <= t[j] && t[j] <= 'z' {
		j++
	}
	w := t[e:j]
	return spokenDigit(w) >= 0 || w == "double" || w == "triple"
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

// spokenRuns reads the words of t[lo:hi] and reports the runs of digit
// words among them that make a phone number.
func (s *scanner) spokenRuns(lo, hi int, o *otherScan) {
	t := s.t
	var d [16]byte
	n, start, end, rep := 0, -1, -1, 1
	for i := lo; i < hi; {
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
