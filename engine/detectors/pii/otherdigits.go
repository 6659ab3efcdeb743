package pii

import "strings"

// Phone numbers written in the digits of other scripts: Arabic-Indic
// (٠٥٠١٢٣٤٥٦٧, U+0660–0669), Extended Arabic-Indic as in Persian and Urdu
// (۰۹۱۲ ۴۸۳ ۷۱۰۵, U+06F0–06F9), Devanagari (U+0966–096F) and full-width
// (０９０-１２３４-５６７８, U+FF10–FF19). The byte scanner only starts at
// ASCII digits; these runs are found in a second pass that only runs when
// the text holds one of their lead bytes, read as ASCII digits and
// validated in the countries that write them. ASCII text costs nothing:
// the byte scanner notes on its way whether any byte was outside ASCII.

// otherDigit returns the value of the digit encoded at t[i] and its
// length in bytes, or -1 when no such digit starts there.
func otherDigit(t string, i int) (int, int) {
	if i+1 >= len(t) {
		return -1, 0
	}
	c, c1 := t[i], t[i+1]
	switch {
	case c == 0xD9 && c1 >= 0xA0 && c1 <= 0xA9:
		return int(c1 - 0xA0), 2
	case c == 0xDB && c1 >= 0xB0 && c1 <= 0xB9:
		return int(c1 - 0xB0), 2
	case i+2 < len(t) && c == 0xE0 && c1 == 0xA5 && t[i+2] >= 0xA6 && t[i+2] <= 0xAF:
		return int(t[i+2] - 0xA6), 3
	case i+2 < len(t) && c == 0xEF && c1 == 0xBC && t[i+2] >= 0x90 && t[i+2] <= 0x99:
		return int(t[i+2] - 0x90), 3
	}
	return -1, 0
}

// firstOtherDigit returns where the first digit of another script may
// start (a lead byte of one), or -1 when the text has none: four fast
// byte searches. Scan only calls it when run saw a byte outside ASCII.
func firstOtherDigit(t string) int {
	first := -1
	for _, lead := range [...]string{"\xd9", "\xdb", "\xe0\xa5", "\xef\xbc"} {
		if k := strings.Index(t, lead); k >= 0 && (first < 0 || k < first) {
			first = k
		}
	}
	return first
}

// digitRegions are the countries that write the digits whose lead byte
// is lead.
func digitRegions(lead byte) []string {
	switch lead {
	case 0xD9:
		return regionsArabicDigits
	case 0xDB:
		return regionsPersianDigits
	case 0xE0:
		return regionsIN
	}
	return regionsFullWidth
}

var (
	regionsArabicDigits  = []string{"SA", "EG", "AE", "IQ", "JO", "KW", "QA", "SY", "LB", "OM", "BH", "MA", "DZ", "YE", "SD", "LY"}
	regionsPersianDigits = []string{"IR", "AF", "PK"}
	regionsFullWidth     = []string{"JP", "CN", "TW", "HK", "KR"}
)

// otherDigits scans t from k for runs of other scripts' digits.
func (s *scanner) otherDigits(k int, o *otherScan) {
	t := s.t
	for i := k; i < len(t); {
		if _, n := otherDigit(t, i); n == 0 {
			i++
			continue
		}
		i = s.otherDigitRun(i, o)
	}
}

// otherScan walks the byte scan's findings (in order) beside a later
// pass's candidates, which come in order too.
type otherScan struct {
	byteScan int // end of the byte scan's findings in r.Findings
	next     int // the first of them that may still overlap a run
}

// reported reports whether [start, end) overlaps a finding of the byte
// scan (a URL that holds such digits, say). Runs come in order, so the
// findings before next end before every later run: linear overall.
func (s *scanner) reported(start, end int, o *otherScan) bool {
	fs := s.r.Findings
	for o.next < o.byteScan && fs[o.next].ByteEnd <= start {
		o.next++
	}
	for k := o.next; k < o.byteScan && fs[k].ByteStart < end; k++ {
		if start < fs[k].ByteEnd {
			return true
		}
	}
	return false
}

// otherDigitRun reads the run of digits at i (digits of any script, one
// space, dash, dot or parenthesis between them), reports it when it is a
// phone number and returns where the run ends.
func (s *scanner) otherDigitRun(i int, o *otherScan) int {
	t := s.t
	var d [16]byte
	n, j, end := 0, i, i
	for j < len(t) {
		v, size := otherDigit(t, j)
		if size == 0 && isDigit(t[j]) {
			v, size = int(t[j]-'0'), 1
		}
		if size > 0 {
			if n == len(d) {
				return skipOtherRun(t, j)
			}
			d[n] = byte('0' + v)
			n++
			j += size
			end = j
			continue
		}
		// One separator between digits.
		if n > 0 && (t[j] == ' ' || t[j] == '-' || t[j] == '.' || t[j] == '(' || t[j] == ')') && j+1 < len(t) {
			if v, _ := otherDigit(t, j+1); v >= 0 || isDigit(t[j+1]) {
				j++
				continue
			}
		}
		break
	}
	if n < 7 || n > 15 {
		return end
	}
	start := i
	intl := false
	if start > 0 && t[start-1] == '+' {
		start--
		intl = true
	} else if start >= 3 && t[start-3:start] == "\uff0b" { // full-width '+'
		start -= 3
		intl = true
	}
	c := phoneContext(t, start, s.context(start, end))
	if c&ctxNotCard != 0 && c&ctxPhone == 0 {
		return end
	}
	valid := false
	if s.phoneChecks < 64+len(t)/256 {
		buf := phoneBufs.Get().(*[32]byte)
		m := copy(buf[:], d[:n])
		if intl {
			s.phoneChecks++
			valid = phoneValidDigits(buf[:m], true, s.d.region)
		} else {
			for _, r := range digitRegions(t[i]) {
				s.phoneChecks++
				if phoneValidDigits(buf[:m], false, r) {
					valid = true
					break
				}
			}
		}
		phoneBufs.Put(buf)
	}
	score := 0.0
	switch {
	case valid && c&ctxPhone != 0:
		score = 0.85
	case valid:
		score = 0.6
	case c&ctxPhone != 0 && n >= 9 && n <= 13:
		score = 0.5
	}
	if score >= minReport && !s.reported(start, end, o) {
		s.report(tPhone, start, end, score)
	}
	return end
}

// skipOtherRun returns the end of an over-long run of digits.
func skipOtherRun(t string, j int) int {
	for j < len(t) {
		if _, size := otherDigit(t, j); size > 0 {
			j += size
		} else if isDigit(t[j]) {
			j++
		} else {
			break
		}
	}
	return j
}
