package pii

// Tokens that mix letters and digits: IBANs, Bitcoin addresses, compact
// NINOs, MAC addresses with dashes, ordinal days of birth, and licence
// and passport numbers near their context words.

func (s *scanner) token(ts, te int) int {
	t := s.t
	n := te - ts
	if ts > 0 {
		c := t[ts-1]
		if c == '@' || c == '_' || c == '$' || c == '/' || c == '\\' || c == '%' {
			return te
		}
		if (c == '-' || c == '.' || c == '+') && ts >= 2 && isAlnum(t[ts-2]) {
			if n == 2 && c == '-' {
				if e, ok := s.macDash(ts); ok {
					return e
				}
			}
			return te
		}
	}
	if te < len(t) && (t[te] == '@' || t[te] == '_') {
		return te
	}
	tok := t[ts:te]
	if n >= 4 && isLetter(tok[0]) && isLetter(tok[1]) && isDigit(tok[2]) && isDigit(tok[3]) {
		if e, ok := s.iban(ts, te); ok {
			return e
		}
	}
	glued := te < len(t) && (t[te] == '-' || t[te] == '.' || t[te] == '/' || t[te] == ':') && te+1 < len(t) && isAlnum(t[te+1])
	if !glued {
		if n >= 14 && lower(tok[0]) == 'b' && lower(tok[1]) == 'c' && tok[2] == '1' && validBech32Address(tok) {
			s.report(tCrypto, ts, te, 0.9)
			return te
		}
		if n >= 26 && n <= 35 && (tok[0] == '1' || tok[0] == '3') && validBase58Check(tok) {
			s.report(tCrypto, ts, te, 0.9)
			return te
		}
		if n == 9 && validNINOPrefix(tok[0], tok[1]) && allDigits(tok[2:8]) {
			if c := tok[8] &^ 0x20; c >= 'A' && c <= 'D' && isUpper(tok[0]) == isUpper(tok[8]) {
				score := 0.6
				if s.context(ts, te)&ctxNINO != 0 {
					score = 0.85
				}
				s.report(tNINO, ts, te, score)
				return te
			}
		}
	}
	if n == 2 && te < len(t) && t[te] == '-' {
		if e, ok := s.macDash(ts); ok {
			return e
		}
	}
	if e, ok := s.monthDate(ts, te); ok {
		return e
	}
	if glued {
		return te
	}
	// Licence and passport numbers: weak patterns, context only.
	letters, digits, lead := 0, 0, 0
	for k := 0; k < n; k++ {
		if isDigit(tok[k]) {
			digits++
		} else {
			letters++
			if digits == 0 {
				lead++
			}
		}
	}
	if digits >= 4 && n >= 5 && n <= 16 {
		var want uint32
		if n == 9 && lead == 1 && letters == 1 {
			want |= ctxPassport
		}
		if (lead == letters && letters <= 3) || (letters <= 2 && digits >= 6) {
			want |= ctxDL // "D1234567", "WDL12345"; not "1990s"
		}
		if want == 0 {
			return te
		}
		c := s.context(ts, te)
		if c&want != 0 {
			if nearestCtx(t, ts, te, c&want)&ctxPassport != 0 {
				s.report(tPassport, ts, te, 0.6)
			} else {
				s.report(tDL, ts, te, 0.55)
			}
			return te
		}
	}
	return te
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

// iban reads an IBAN starting at ts, compact or in groups of four
// separated by single spaces (or dashes), up to the length its country
// has.
func (s *scanner) iban(ts, te int) (int, bool) {
	t := s.t
	want, ok := ibanLengths[[2]byte{t[ts] &^ 0x20, t[ts+1] &^ 0x20}]
	if !ok {
		return 0, false
	}
	L := int(want)
	var buf [34]byte
	end := te
	if te-ts == L {
		copy(buf[:], t[ts:te])
	} else if te-ts == 4 {
		n := copy(buf[:], t[ts:te])
		k := te
		var sep byte
		if k < len(t) {
			sep = t[k] // groups are separated by spaces or, less often, dashes
		}
		if sep != ' ' && sep != '-' {
			return 0, false
		}
		for n < L {
			if k+1 >= len(t) || t[k] != sep || !isAlnum(t[k+1]) {
				return 0, false
			}
			k++
			g := k
			for k < len(t) && isAlnum(t[k]) && k-g < 5 {
				k++
			}
			gl := k - g
			if gl > 4 || (gl < 4 && n+gl != L) || n+gl > L {
				return 0, false
			}
			n += copy(buf[n:], t[g:k])
		}
		end = k
	} else {
		return 0, false
	}
	if end < len(t) && (isAlnum(t[end]) || t[end] == '@' || t[end] == '_') {
		return 0, false
	}
	if !validIBAN(buf[:L]) {
		return 0, false
	}
	score := 0.9
	if s.context(ts, end)&ctxIBAN != 0 {
		score = 1.0
	}
	s.report(tIBAN, ts, end, score)
	return end, true
}

// macDash reads a MAC address with dashes that contains the two-character
// group at i, looking back at most five groups for its start.
func (s *scanner) macDash(i int) (int, bool) {
	t := s.t
	st := i
	for k := 0; k < 5 && st >= 3 && t[st-1] == '-' && isHex(t[st-2]) && isHex(t[st-3]); k++ {
		st -= 3
	}
	for ; st <= i; st += 3 {
		if st < s.last || (st > 0 && (isAlnum(t[st-1]) || t[st-1] == '-')) {
			continue
		}
		if e := parseMAC(t, st); e > 0 && t[st+2] == '-' && boundaryAfter(t, e) {
			s.reportMAC(st, e)
			return e, true
		}
	}
	return 0, false
}

// isMonth reports whether w names a month, in full or as a three-letter
// abbreviation (or "Sept").
func isMonth(w string) bool {
	if len(w) < 3 || len(w) > 9 {
		return false
	}
	var full string
	switch uint32(lower(w[0]))<<16 | uint32(lower(w[1]))<<8 | uint32(lower(w[2])) {
	case 'j'<<16 | 'a'<<8 | 'n':
		full = "january"
	case 'f'<<16 | 'e'<<8 | 'b':
		full = "february"
	case 'm'<<16 | 'a'<<8 | 'r':
		full = "march"
	case 'a'<<16 | 'p'<<8 | 'r':
		full = "april"
	case 'm'<<16 | 'a'<<8 | 'y':
		full = "may"
	case 'j'<<16 | 'u'<<8 | 'n':
		full = "june"
	case 'j'<<16 | 'u'<<8 | 'l':
		full = "july"
	case 'a'<<16 | 'u'<<8 | 'g':
		full = "august"
	case 's'<<16 | 'e'<<8 | 'p':
		if len(w) == 4 && lower(w[3]) == 't' {
			return true
		}
		full = "september"
	case 'o'<<16 | 'c'<<8 | 't':
		full = "october"
	case 'n'<<16 | 'o'<<8 | 'v':
		full = "november"
	case 'd'<<16 | 'e'<<8 | 'c':
		full = "december"
	default:
		return false
	}
	return len(w) == 3 || (len(w) == len(full) && equalFold(w, full))
}

// monthBefore finds a month name ending just before the number at i:
// "May 5", "Jan. 5", "March, 1990".
func monthBefore(t string, i int) (int, bool) {
	k := i
	if k == 0 || t[k-1] != ' ' {
		return 0, false
	}
	k--
	if k > 0 && (t[k-1] == '.' || t[k-1] == ',') {
		k--
	}
	e := k
	for k > 0 && isLetter(t[k-1]) && e-k < 10 {
		k--
	}
	if k > 0 && isAlnum(t[k-1]) {
		return 0, false
	}
	if !isMonth(t[k:e]) {
		return 0, false
	}
	return k, true
}

// yearAt reads a four-digit year 1900-2099 at t[j:].
func yearAt(t string, j int) (int, bool) {
	if j+4 > len(t) || !allDigits(t[j:j+4]) || (j+4 < len(t) && isAlnum(t[j+4])) {
		return 0, false
	}
	if y := t[j : j+2]; y != "19" && y != "20" {
		return 0, false
	}
	return j + 4, true
}

// monthDate recognises dates written with a month name around the number
// token [ts, te) - "May 5, 1990", "5th of May 1990", "March 1990" - and
// reports them as DATE_TIME only when a word such as "born" or "DOB"
// is near.
func (s *scanner) monthDate(ts, te int) (int, bool) {
	t := s.t
	k := ts
	for k < te && isDigit(t[k]) {
		k++
	}
	nd := k - ts
	if nd == 0 || nd > 4 {
		return 0, false
	}
	if k < te {
		suf := t[k:te]
		if nd > 2 || len(suf) != 2 || !(equalFold(suf, "st") || equalFold(suf, "nd") || equalFold(suf, "rd") || equalFold(suf, "th")) {
			return 0, false
		}
	}
	v := prefixNum(t[ts:k], nd)
	start, end := 0, 0
	if ms, ok := monthBefore(t, ts); ok {
		start = ms
		switch {
		case nd <= 2 && v >= 1 && v <= 31:
			end = te
			j := te
			if j < len(t) && t[j] == ',' {
				j++
			}
			j = skipSpace1(t, j)
			if e, ok := yearAt(t, j); ok {
				end = e
			}
		case nd == 4 && k == te:
			if e, ok := yearAt(t, ts); ok {
				end = e
			} else {
				return 0, false
			}
		default:
			return 0, false
		}
	} else if nd <= 2 && v >= 1 && v <= 31 {
		start = ts
		j := skipSpace1(t, te)
		if j+3 <= len(t) && equalFold(t[j:j+3], "of ") {
			j += 3
		}
		m := j
		for j < len(t) && isLetter(t[j]) && j-m < 10 {
			j++
		}
		if m == j || !isMonth(t[m:j]) {
			return 0, false
		}
		if j < len(t) && t[j] == '.' {
			j++
		}
		if j < len(t) && t[j] == ',' {
			j++
		}
		j = skipSpace1(t, j)
		e, ok := yearAt(t, j)
		if !ok {
			return 0, false
		}
		end = e
	} else {
		return 0, false
	}
	if start < s.last {
		return 0, false
	}
	if s.context(start, end)&ctxDOB == 0 {
		return 0, false
	}
	s.report(tDate, start, end, 0.75)
	return end, true
}
