package pii

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Everything that starts at a digit: card, phone, SSN, IBAN, IPv4, NHS,
// NINO, bank, licence and passport numbers, Bitcoin addresses, MAC
// addresses written with dashes, and dates of birth.

const (
	maxGroups   = 8
	maxDigits   = 19
	maxTokenLen = 96
)

type span struct{ s, e int }

// phrase is a run of digit groups joined by phone- and card-style
// separators: one space, one of "-./", " - ", and parentheses.
type phrase struct {
	start     int // first byte, including a leading '+' or '('
	plus      bool
	paren     bool // group 0 is in parentheses: "(555) 123-4567"
	truncated bool // stopped by a limit while more digits followed
	ng        int
	nd        int
	g         [maxGroups]span
	sep       [maxGroups]byte // separator before group k: ' ', '-', '.', '/' or 'x' (mixed)
}

func (s *scanner) digitsOf(p *phrase, ng int, buf *[24]byte) []byte {
	n := 0
	for k := 0; k < ng; k++ {
		for i := p.g[k].s; i < p.g[k].e && n < len(buf); i++ {
			buf[n] = s.t[i]
			n++
		}
	}
	return buf[:n]
}

func (s *scanner) digit(i int) int {
	t := s.t
	lim := i - maxTokenLen
	if lim < s.floor {
		lim = s.floor
	}
	ts := i
	for ts > lim && isAlnum(t[ts-1]) {
		ts--
	}
	te := i
	for te < len(t) && isAlnum(t[te]) {
		te++
	}
	if ts > 0 && isAlnum(t[ts-1]) {
		return te // the token began before where we may look
	}
	if ts < s.last {
		return te
	}
	pure := true
	for k := ts; k < te; k++ {
		if !isDigit(t[k]) {
			pure = false
			break
		}
	}
	if !pure {
		if te-ts > maxTokenLen {
			return te
		}
		return s.token(ts, te)
	}
	return s.number(i, te)
}

// leftOK reports whether a number may start at st: not glued to a word,
// an identifier ("ID-123", "v1.2"), an email or a currency amount.
func leftOK(t string, st int) bool {
	if st == 0 {
		return true
	}
	c := t[st-1]
	if isAlnum(c) || c == '_' || c == '@' || c == '$' {
		return false
	}
	if (c == '-' || c == '.' || c == '/' || c == '+' || c == '\\') && st >= 2 && (isAlnum(t[st-2]) || t[st-2] == '.') {
		return false
	}
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeLastRuneInString(t[:st])
		if unicode.Is(unicode.Sc, r) || unicode.IsDigit(r) || unicode.IsLetter(r) && !unspaced(r) {
			return false
		}
	}
	return true
}

// unspaced reports a letter of a script written without spaces between
// words (Han, kana, Thai) or with particles glued on (Hangul): a number
// right after one starts a new word ("電話は03-1234-5678", "전화010-…").
func unspaced(r rune) bool {
	return r >= 0x3040 && r <= 0x30FF || r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF ||
		r >= 0xAC00 && r <= 0xD7A3 || r >= 0x0E00 && r <= 0x0E7F
}

func isExtStart(t string, j int) (int, bool) {
	// "x123", "ext 123", "ext. 123", "extension 123"; j points at the letter.
	k := j
	switch {
	case k < len(t) && (t[k] == 'x' || t[k] == 'X'):
		k++
	case k+3 <= len(t) && equalFold(t[k:k+3], "ext"):
		k += 3
		if k+6 <= len(t) && equalFold(t[k:k+6], "ension") {
			k += 6
		}
		if k < len(t) && t[k] == '.' {
			k++
		}
	default:
		return 0, false
	}
	if k < len(t) && t[k] == ' ' {
		k++
	}
	d := k
	for k < len(t) && isDigit(t[k]) && k-d <= 6 {
		k++
	}
	if k == d || k-d > 6 || (k < len(t) && isAlnum(t[k])) {
		return 0, false
	}
	return k, true
}

func (s *scanner) buildPhrase(i int, p *phrase) {
	t := s.t
	p.start = i
	if i > 0 && t[i-1] == '(' {
		p.paren = true
		p.start = i - 1
	}
	if p.start > 0 && t[p.start-1] == '+' {
		p.plus = true
		p.start--
	}
	parenOpen, parenUsed := p.paren, p.paren
	j := i
	for {
		gs := j
		for j < len(t) && isDigit(t[j]) {
			j++
		}
		if j < len(t) && isLetter(t[j]) && p.ng > 0 {
			if _, ok := isExtStart(t, j); !ok {
				return // the group is glued to a word: not ours
			}
		}
		if p.nd+(j-gs) > maxDigits || p.ng == maxGroups {
			p.truncated = true
			return
		}
		p.g[p.ng] = span{gs, j}
		p.ng++
		p.nd += j - gs
		if p.ng == 1 && p.paren && (j >= len(t) || t[j] != ')') {
			p.paren = false
			p.start = i
			if p.plus {
				p.start = i - 1
				if t[p.start] != '+' {
					p.plus = false
					p.start = i
				}
			}
			parenOpen, parenUsed = false, false
		}
		k := j
		closed, opened := false, false
		if k < len(t) && t[k] == ')' && parenOpen {
			k++
			parenOpen, closed = false, true
		}
		sp := 0
		if k < len(t) && t[k] == ' ' {
			k++
			sp++
		}
		var punct byte
		if k < len(t) && (t[k] == '-' || t[k] == '.' || t[k] == '/') {
			punct = t[k]
			k++
			if sp > 0 && k < len(t) && t[k] == ' ' {
				k++
			}
		}
		if k < len(t) && t[k] == '(' && !parenUsed {
			k++
			parenOpen, parenUsed, opened = true, true, true
		}
		if k == j || k >= len(t) || !isDigit(t[k]) {
			return
		}
		if p.ng == maxGroups {
			p.truncated = true
			return
		}
		kind := byte('x')
		switch {
		case !closed && !opened && punct == 0 && sp == 1:
			kind = ' '
		case !closed && !opened && punct != 0 && sp == 0:
			kind = punct
		}
		p.sep[p.ng] = kind
		j = k
	}
}

func (s *scanner) number(i, te int) int {
	t := s.t
	// Fast path: most numbers in prose are short and stand alone ("in
	// 2023", "12 people"). Nothing but a date of birth can start there.
	if te-i <= 4 && !(i > 0 && (t[i-1] == '(' || t[i-1] == '+')) && !continues(t, te) {
		if e, ok := s.monthDate(i, te); ok {
			return e
		}
		return te
	}
	if te-i == 1 && te+1 < len(t) && (t[te] == ' ' || t[te] == '-') && isDigit(t[te+1]) && (te+2 == len(t) || !isDigit(t[te+2])) {
		if e, ok := s.spacedPhone(i); ok {
			return e
		}
	}
	var p phrase
	s.buildPhrase(i, &p)
	if p.ng == 0 {
		return te // a digit run longer than any number here
	}
	firstEnd := p.g[0].e
	if te-i == 2 && i > 0 && t[i-1] == '-' {
		if e, ok := s.macDash(i); ok {
			return e
		}
	}
	if !leftOK(t, p.start) {
		return firstEnd
	}
	if p.start < s.last {
		return firstEnd
	}
	// MAC address written with dashes, starting with a digit pair, or
	// Cisco style (0123.4567.89ab, with at least one hex letter).
	if te < len(t) && ((te-i == 2 && t[te] == '-') || (te-i == 4 && t[te] == '.')) {
		if e := parseMAC(t, i); e > 0 && boundaryAfter(t, e) && (t[te] == '-' || hasHexLetter(t[i:e])) {
			s.reportMAC(i, e)
			return e
		}
	}
	// Context is read once per phrase, around all of it, and shared by
	// the attempts on its prefixes.
	cc := lazyCtx{start: p.start, end: p.g[p.ng-1].e}
	for ng := p.ng; ng >= 1 && ng > p.ng-4; ng-- {
		if ng < p.ng && p.sep[ng] != ' ' && !(ng == 4 && p.sep[4] == '/' && p.sep[1] == '.' && p.sep[2] == '.' && p.sep[3] == '.') {
			continue // a prefix must end at a space (or be an IPv4 address before a CIDR prefix)
		}
		if end, ok := s.classify(&p, ng, &cc); ok {
			return end
		}
	}
	if e, ok := s.monthDate(i, te); ok {
		return e
	}
	return firstEnd
}

// classify decides what the first ng groups of p are. It returns the end
// of the consumed span and true when it reported (or deliberately
// swallowed) something.
type lazyCtx struct {
	start, end int
	done       bool
	bits       uint32
}

func (c *lazyCtx) get(s *scanner) uint32 {
	if !c.done {
		c.bits = s.context(c.start, c.end)
		c.done = true
	}
	return c.bits
}

func (s *scanner) classify(p *phrase, ng int, lc *lazyCtx) (int, bool) {
	t := s.t
	full := ng == p.ng
	start := p.start
	end := p.g[ng-1].e
	var buf [24]byte
	d := s.digitsOf(p, ng, &buf)
	nd := len(d)
	if full && p.truncated {
		return 0, false
	}
	colonHex := end+1 < len(t) && t[end] == ':' && isHex(t[end+1])
	if end < len(t) {
		c := t[end]
		if c == '@' || c == '_' {
			return 0, false
		}
		if c == '.' && end+1 < len(t) && isAlnum(t[end+1]) {
			return 0, false
		}
	}
	plain := !p.plus && !p.paren
	sameSep := func(kinds string) bool {
		k0 := p.sep[1]
		for k := 1; k < ng; k++ {
			if p.sep[k] != k0 {
				return false
			}
		}
		for k := 0; k < len(kinds); k++ {
			if kinds[k] == k0 {
				return true
			}
		}
		return false
	}
	glen := func(k int) int { return p.g[k].e - p.g[k].s }
	context := func() uint32 { return lc.get(s) }

	// Dates: d/m/y, m-d-y, y-m-d (with an optional time after a space).
	if plain && ng >= 3 && (ng == 3 || p.sep[3] == ' ') && p.sep[1] == p.sep[2] && (p.sep[1] == '/' || p.sep[1] == '-' || p.sep[1] == '.') {
		if de, ok := numericDate(t, p.g[0], p.g[1], p.g[2]); ok {
			if context()&ctxDOB != 0 {
				s.report(tDate, start, de, 0.75)
			} else {
				s.consume(de)
			}
			return de, true
		}
	}

	// IPv4 (not the tail of something IPv6-like that did not parse).
	if plain && ng == 4 && sameSep(".") && !afterIPv6Group(t, start) {
		if e := parseIPv4(t, start); e == end {
			if e < len(t) && t[e] == '.' && e+1 < len(t) && isDigit(t[e+1]) {
				return 0, false
			}
			c := context()
			if c&ctxVersion != 0 {
				return end, true // "version 10.4.2.1", "firmware went to 1.0.4.12": labelled a version
			}
			score := 0.6
			if c&ctxIP != 0 {
				score = 0.85
			}
			s.report(tIP, start, end, score)
			return end, true
		}
		return 0, false
	}
	if plain && nd < 7 && ng >= 2 && sameSep(".") {
		return 0, false // 1.2.3, 10.4.1: versions, not anything here
	}
	if colonHex {
		return 0, false // a time, or part of an IPv6 or MAC address
	}

	// US SSN: 3-2-4 with one separator used twice, or nine digits with
	// context.
	if plain && nd == 9 && ((ng == 3 && glen(0) == 3 && glen(1) == 2 && sameSep("- .")) || ng == 1) && validSSN(d) {
		c := context()
		if ng == 3 {
			score := 0.5
			if c&ctxSSN != 0 {
				score = 0.85
			} else if c&ctxPhone != 0 {
				score = 0.3
			}
			if c&ctxPhone == 0 || c&ctxSSN != 0 {
				s.report(tSSN, start, end, score)
				return end, true
			}
			// With a phone word near ("the leasing office needs it:
			// 529-41-0836"), a 3-2-4 number with dashes that is no
			// phone number is still an SSN, more weakly.
			if sameSep("-") && !s.validPhone(p, ng, d) {
				s.report(tSSN, start, end, 0.4)
				return end, true
			}
		} else if c&ctxSSN != 0 {
			s.report(tSSN, start, end, 0.6)
			return end, true
		}
	}

	// Payment cards: 12-19 digits, ungrouped, in fours, or 4-6-5 / 4-6-4.
	if plain && nd >= 12 && nd <= 19 && luhn(d) {
		grouped := ng == 1
		if ng >= 3 && sameSep(" -") {
			grouped = true
			for k := 0; k < ng-1; k++ {
				if glen(k) != 4 {
					grouped = false
				}
			}
			if glen(ng-1) > 4 {
				grouped = false
			}
			if ng == 3 && glen(0) == 4 && glen(1) == 6 && (glen(2) == 5 || glen(2) == 4) {
				grouped = true
			}
			// Part of a longer run of four-digit groups ("1234 5678 9012
			// 3456" whose last three groups pass Luhn, or "4242 4242 4242
			// 4241" whose first three do): the number is the whole run.
			if !full && glen(ng) == 4 || fourDigitGroupBefore(t, start) {
				grouped = false
			}
		}
		if grouped {
			c := context()
			issuer := cardIssuerOK(d)
			score := 0.0
			switch {
			case issuer && c&ctxCard != 0:
				score = 0.9
			case issuer:
				score = 0.55
			case c&ctxCard != 0:
				score = 0.5
			}
			if c&ctxNotCard != 0 {
				score -= 0.3
			}
			if c&ctxPhone != 0 && c&ctxCard == 0 && (nd <= 15 || ng == 1) {
				score = 0 // a phone number that happens to pass Luhn (but grouped, 16 digits are too many for E.164)
			}
			if oneDigitRepeated(d) {
				score = 0 // 0000 0000 0000 0000: a stand-in that passes Luhn
			}
			if score > 0 && !(c&ctxBank != 0 && c&ctxCard == 0 && !issuer) {
				s.report(tCard, start, end, score)
				return end, true
			}
		}
	}

	// UK NHS number: 10 digits, 3-3-4 or ungrouped, mod 11.
	nhsShape := plain && nd == 10 && (ng == 1 || (ng == 3 && glen(0) == 3 && glen(1) == 3 && sameSep(" -")))
	if nhsShape && validNHS(d) {
		c := context()
		if c&ctxNHS != 0 {
			s.report(tNHS, start, end, 0.85)
			return end, true
		}
		// Without an NHS word, a number with a leading 0 is a phone
		// number written with its trunk prefix ("087 413 2290"), not
		// an NHS number (England and Wales issue 4xx and 6xx-7xx).
		if c&ctxPhone == 0 && d[0] != '0' && !phoneWordBefore(t, start) && !s.validPhone(p, ng, d) && (ng == 1 || p.sep[1] == ' ') &&
			!s.validInScript(p, ng, d, start, end) { // "Πελάτης: 694 518 2207", a Greek mobile
			s.report(tNHS, start, end, 0.4)
			return end, true
		}
	}

	// UK National Insurance number written "AB 12 34 56 C" or "AB 123456 C".
	if plain && nd == 6 && ((ng == 3 && glen(0) == 2 && glen(1) == 2 && sameSep(" ")) || ng == 1) {
		if st, e, ok := ninoAround(t, start, end); ok && st >= s.last {
			score := 0.6
			if context()&ctxNINO != 0 {
				score = 0.85
			}
			s.report(tNINO, st, e, score)
			return e, true
		}
	}

	// Phone numbers.
	if nd >= 7 && nd <= 15 && !(p.plus && p.paren) {
		pend := end
		if full {
			if e, ok := isExtStart(t, skipSpace1(t, end)); ok {
				pend = e
			}
		}
		c := phoneContext(t, start, context())
		if c&ctxPhone == 0 && labelLetterBefore(t, start) {
			c |= ctxPhone // "T: 020 7946 0958 | M: 07700 900123" in a signature
		}
		if thousands(p, ng) {
			return 0, false // 5.000.000: an amount
		}
		valid := s.validPhone(p, ng, d)
		// A national number (trunk "0" or an area code in parentheses)
		// that the default region does not know may be another
		// country's: "030 12345678", "(02) 9374 4000".
		// It must have 9+ digits (not a postcode such as Brazil's
		// "01304-001"), and without a phone word be grouped with no other
		// type's word near ("IBAN NL91 ABNA 0417 1643 01").
		// With a phone word, a number grouped as mobiles are (3-3-3,
		// 3-3-4, 3-2-2-2) may also be from a country without a trunk
		// prefix: "llame a Javier al 612 448 903". Not 3-2-4, an SSN's
		// shape.
		// 3-2-4, an SSN's shape ("numbers like 666-45-1234"): a phone
		// number only when it validates.
		ssnShape := plain && ng == 3 && glen(0) == 3 && glen(1) == 2 && glen(2) == 4
		mobileGroups := ng > 2 && glen(0) == 3 && (glen(1) == 3 || ng == 4 && glen(1) == 2 && glen(2) == 2 && glen(3) == 2)
		abroad := !valid && !p.plus && (d[0] == '0' || p.paren || c&ctxPhone != 0 && mobileGroups && sameSep(" -") && !streetNear(t, start, end)) && nd >= 9 &&
			(c&ctxPhone != 0 || ng > 1 && c&(ctxTyped|ctxNotCard) == 0) && s.validElsewhere(p, ng, d)
		// In text of another script, the number is that script's
		// country's, with or without a trunk prefix: "138 0013 8000"
		// (a Chinese mobile), "010-1234-5678" (Korean), "8 (495)
		// 123-45-67" (Russian).
		// Not a Brazilian postcode (CEP) "22070-001".
		cep := plain && ng == 2 && glen(0) == 5 && glen(1) == 3 && p.sep[1] == '-'
		if !valid && !abroad && !p.plus && nd >= 8 && !cep &&
			(c&ctxPhone != 0 || ng > 1 && c&(ctxTyped|ctxNotCard) == 0 && !streetNear(t, start, end)) {
			abroad = s.validInScript(p, ng, d, start, end)
		}
		score := 0.0
		switch {
		case (valid || abroad) && c&ctxPhone != 0:
			score = 0.85
		case valid && (ng > 1 || p.plus || p.paren):
			score = 0.6
		case abroad:
			score = 0.5
		case valid:
			score = 0.45 // bare digits that happen to be a valid number
		case c&ctxPhone != 0 && phoneShape(p, ng, nd) && !streetNear(t, start, end) && !ssnShape:
			score = 0.5
		case p.plus && nd >= 8 && ng > 1 && s.possibleIntl(p, ng, d):
			score = 0.4
		case p.plus && nd >= 8 && ng >= 3 && phoneShape(p, ng, nd) && knownCallingCode(d):
			score = 0.4 // "+234 1 270 0000": a calling code and groups, not in the plan
		case nanpShape(t, p, ng):
			score = 0.4 // (555) 555-0100, 555-555-0100: formatted as a phone
		}
		if c&ctxNotCard != 0 {
			score -= 0.4
		}
		if !p.plus && !p.paren && d[0] != '0' && slashIn(p, ng) {
			// a file, case or house number: "2024/88714", "Vinohradská
			// 1511/230" (a phone with a slash has its area code's trunk
			// 0 before it: "030/1234567")
			score = 0
		}
		// Inside a longer run of numbers ("57 68 61 74 20 69 73 20", a
		// table row) a number that happens to validate is not a phone
		// unless a phone word says so.
		inRun := ng < p.ng || (p.start >= 2 && t[p.start-1] == ' ' && tokenHasDigit(t, p.start-1))
		if inRun && c&ctxPhone == 0 {
			score = 0
		}
		if c&(ctxCard|ctxBank|ctxSSN|ctxPassport|ctxDL|ctxIBAN) != 0 && c&ctxPhone == 0 && !p.plus {
			score -= 0.2
		}
		if score >= minReport {
			s.report(tPhone, start, pend, score)
			return pend, true
		}
	}

	// Weak patterns that need context.
	if plain && full && nd >= 5 {
		c := context()
		dlShape := nd >= 5 && nd <= 14 && (ng == 1 || sameSep("- "))
		var want uint32
		if ng == 1 && nd == 9 {
			want |= ctxPassport
		}
		if dlShape {
			want |= ctxDL
		}
		if ng == 1 && nd >= 8 && nd <= 17 {
			want |= ctxBank
		}
		if c&want != 0 {
			switch m := nearestCtx(t, start, end, c&want); {
			case m&ctxPassport != 0:
				s.report(tPassport, start, end, 0.6)
			case m&ctxDL != 0:
				s.report(tDL, start, end, 0.6)
			default:
				s.report(tBank, start, end, 0.6)
			}
			return end, true
		}
	}
	return 0, false
}

func skipSpace1(t string, i int) int {
	if i < len(t) && t[i] == ' ' {
		return i + 1
	}
	return i
}

// slashIn reports a '/' between the first ng groups of p.
func slashIn(p *phrase, ng int) bool {
	for k := 1; k < ng; k++ {
		if p.sep[k] == '/' {
			return true
		}
	}
	return false
}

// phoneShape is the loose test for numbers in a phone context: groups of
// digits as people write phone numbers, not an amount or a version.
func phoneShape(p *phrase, ng, nd int) bool {
	if nd < 7 || nd > 13 {
		return false
	}
	if ng == 1 {
		return nd >= 7 && nd <= 12
	}
	dots := 0
	for k := 1; k < ng; k++ {
		if p.sep[k] == '.' {
			dots++
		}
		if p.sep[k] == '/' && ng > 2 {
			return false
		}
	}
	if dots > 0 && ng < 3 {
		return false
	}
	for k := 0; k < ng; k++ {
		l := p.g[k].e - p.g[k].s
		if l > 8 || (l == 1 && k > 0 && !(p.plus || p.sep[k] == 'x')) {
			return false
		}
	}
	return true
}

// phoneDigits writes the number as phonenumbers should read it: '+' and
// the digits, with a national trunk "(0)" after a country code dropped
// and "00"/"011" international prefixes turned into '+'.
func (s *scanner) phoneDigits(p *phrase, ng int, d []byte, out *[32]byte) (int, bool) {
	n := 0
	intl := p.plus
	src := d
	if !intl && len(d) > 2 && d[0] == '0' && d[1] == '0' {
		intl, src = true, d[2:]
	} else if !intl && s.d.region == "US" && len(d) > 3 && d[0] == '0' && d[1] == '1' && d[2] == '1' {
		intl, src = true, d[3:]
	}
	if intl {
		out[n] = '+'
		n++
	}
	skip := -1
	if p.plus && ng >= 3 {
		// "+41 (0)96 471 07 95": drop the parenthesised trunk zero.
		for k := 1; k < ng; k++ {
			g := p.g[k]
			if g.e-g.s == 1 && s.t[g.s] == '0' && g.s > 0 && s.t[g.s-1] == '(' {
				skip = g.s
			}
		}
	}
	off := len(d) - len(src)
	idx := 0
	for k := 0; k < ng; k++ {
		for i := p.g[k].s; i < p.g[k].e; i++ {
			if idx >= off && i != skip && n < len(out) {
				out[n] = s.t[i]
				n++
			}
			idx++
		}
	}
	return n, intl
}

// phoneBufs holds digit buffers for phone validation: the regexp
// matcher keeps a reference to its input, so a stack buffer would escape
// and cost an allocation per candidate.
var phoneBufs = sync.Pool{New: func() any { return new([32]byte) }}

func (s *scanner) validPhone(p *phrase, ng int, d []byte) bool {
	// Each validation runs a few regular expressions. Ordinary text has
	// a handful of candidates; text built to have a candidate every few
	// bytes ("12 12 12 ...") gets a budget proportional to its length,
	// after which numbers are judged by shape and context alone.
	if s.phoneChecks >= 64+len(s.t)/256 {
		return false
	}
	s.phoneChecks++
	buf := phoneBufs.Get().(*[32]byte)
	defer phoneBufs.Put(buf)
	n, intl := s.phoneDigits(p, ng, d, buf)
	nd := n
	if intl {
		nd--
	}
	if nd < 7 || nd > 15 {
		return false
	}
	if intl {
		return phoneValidDigits(buf[1:n], true, s.d.region)
	}
	return phoneValidDigits(buf[:n], false, s.d.region)
}

// validElsewhere is validPhone for a national number in the regions
// other than the default one (phoneValidElsewhere), within the same
// budget.
func (s *scanner) validElsewhere(p *phrase, ng int, d []byte) bool {
	if s.phoneChecks >= 64+len(s.t)/256 || len(d) < 7 || len(d) > 13 {
		return false
	}
	buf := phoneBufs.Get().(*[32]byte)
	defer phoneBufs.Put(buf)
	n := copy(buf[:], d)
	ok, tried := phoneValidElsewhere(buf[:n], s.d.region)
	s.phoneChecks += tried
	return ok
}

// validInScript validates a national number in the countries of the
// script written around it (scriptRegions), within the validation budget.
func (s *scanner) validInScript(p *phrase, ng int, d []byte, start, end int) bool {
	if s.phoneChecks >= 64+len(s.t)/256 || len(d) < 8 || len(d) > 13 {
		return false
	}
	regions := scriptRegions(s.t, start, end)
	if len(regions) == 0 {
		return false
	}
	buf := phoneBufs.Get().(*[32]byte)
	defer phoneBufs.Put(buf)
	n := copy(buf[:], d)
	for _, r := range regions {
		if r == s.d.region {
			continue
		}
		s.phoneChecks++
		if phoneValidDigits(buf[:n], false, r) {
			return true
		}
	}
	return false
}

// labelLetterBefore reports whether the number at st follows a one-letter
// phone label of a signature or a contact card: "T: ", "M: ", "P: ",
// "F: ", "H: ", "O: ", "C: " (telephone, mobile, phone, fax, home,
// office, cell), the letter at the start of a line or after a space,
// '|' or '/' separator.
func labelLetterBefore(t string, st int) bool {
	k := st
	if k > 0 && t[k-1] == ' ' {
		k--
	}
	if k < 2 || t[k-1] != ':' {
		return false
	}
	switch t[k-2] {
	case 'T', 'M', 'P', 'F', 'H', 'O', 'C', 't', 'm', 'p', 'f', 'h', 'o', 'c':
	default:
		return false
	}
	if k == 2 {
		return true
	}
	switch t[k-3] {
	case ' ', '\n', '\t', '|', '/', '(', ',', ';':
		return true
	}
	return false
}

// possibleIntl reports whether an international number has a known
// calling code and a national number of a length that code's regions use
// (libphonenumber's "possible" test).
func (s *scanner) possibleIntl(p *phrase, ng int, d []byte) bool {
	var buf [32]byte
	n, intl := s.phoneDigits(p, ng, d, &buf)
	return intl && n > 1 && phonePossibleIntl(buf[1:n])
}

// numericDate checks three groups as a calendar date: y-m-d, d-m-y or
// m-d-y with a two- or four-digit year. It returns the end of the date
// (including a following "hh:mm[:ss]" time) when it is one.
func numericDate(t string, a, b, c span) (int, bool) {
	val := func(g span) int {
		v := 0
		for i := g.s; i < g.e; i++ {
			v = v*10 + int(t[i]-'0')
		}
		return v
	}
	la, lb, lc := a.e-a.s, b.e-b.s, c.e-c.s
	va, vb, vc := val(a), val(b), val(c)
	ok := false
	switch {
	case la == 4 && lb <= 2 && lc <= 2:
		ok = va >= 1000 && vb >= 1 && vb <= 12 && vc >= 1 && vc <= 31
	case la <= 2 && lb <= 2 && (lc == 4 || lc == 2):
		dm := (va >= 1 && va <= 31 && vb >= 1 && vb <= 12) || (va >= 1 && va <= 12 && vb >= 1 && vb <= 31)
		ok = dm && (lc == 2 || vc >= 1000)
	}
	if !ok {
		return 0, false
	}
	e := c.e
	// Optional time: " 11:34:35" or "T11:34".
	if e+3 < len(t) && (t[e] == ' ' || t[e] == 'T') && isDigit(t[e+1]) {
		k := e + 1
		parts := 0
		for parts < 3 {
			d := k
			for k < len(t) && isDigit(t[k]) && k-d < 2 {
				k++
			}
			if k-d != 2 && !(parts == 0 && k-d == 1) {
				break
			}
			parts++
			if parts < 3 && k+1 < len(t) && t[k] == ':' && isDigit(t[k+1]) {
				k++
				continue
			}
			break
		}
		if parts >= 2 && (k >= len(t) || !isAlnum(t[k])) {
			e = k
		}
	}
	return e, true
}

// ninoAround finds the letters around "12 34 56" in "AB 12 34 56 C".
func ninoAround(t string, st, e int) (int, int, bool) {
	if st < 3 || t[st-1] != ' ' || !isLetter(t[st-2]) || !isLetter(t[st-3]) {
		return 0, 0, false
	}
	if st >= 4 && isAlnum(t[st-4]) {
		return 0, 0, false
	}
	if !validNINOPrefix(t[st-3], t[st-2]) {
		return 0, 0, false
	}
	k := skipSpace1(t, e)
	if k >= len(t) {
		return 0, 0, false
	}
	c := t[k] &^ 0x20
	if c < 'A' || c > 'D' || (k+1 < len(t) && isAlnum(t[k+1])) {
		return 0, 0, false
	}
	return st - 3, k + 1, true
}

func hasHexLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'f' {
			return true
		}
	}
	return false
}

// fourDigitGroupBefore reports whether a group of exactly four digits
// and one space or hyphen come right before start.
func fourDigitGroupBefore(t string, start int) bool {
	if start < 5 || (t[start-1] != ' ' && t[start-1] != '-') {
		return false
	}
	for k := start - 5; k < start-1; k++ {
		if !isDigit(t[k]) {
			return false
		}
	}
	return start < 6 || !isAlnum(t[start-6])
}

// tokenHasDigit reports whether the alphanumeric token ending at e (at
// most eight bytes of it) has a digit.
func tokenHasDigit(t string, e int) bool {
	for k := e - 1; k >= 0 && e-k <= 8 && isAlnum(t[k]); k-- {
		if isDigit(t[k]) {
			return true
		}
	}
	return false
}

// continues reports whether the digits ending at e go on as a longer
// number: a separator, or up to three of them, then a digit, or an
// extension, or a MAC-style hex group.
func continues(t string, e int) bool {
	for k := e; k < len(t) && k-e < 3; k++ {
		switch c := t[k]; {
		case c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == ':':
			continue
		case isDigit(c):
			return k > e
		case k == e && isLetter(c):
			return true // glued letters: "4508x769", "1a-2b"
		default:
			return false
		}
	}
	return false
}

// nanpShape reports whether the groups are written the way North American
// numbers are: (NPA) NXX-XXXX, NPA-NXX-XXXX or NPA.NXX.XXXX, optionally
// after "1-", "+1 " or "001-". Such formatting marks a phone number even
// when the digits are not assigned (555 numbers, generated data).
func nanpShape(t string, p *phrase, ng int) bool {
	k := 0
	if ng == 4 {
		g := p.g[0]
		v := t[g.s:g.e]
		if !(v == "1" || v == "001" || v == "011") {
			return false
		}
		k = 1
	}
	if ng-k != 3 {
		return false
	}
	l := func(j int) int { return p.g[j].e - p.g[j].s }
	if l(k) != 3 || l(k+1) != 3 || l(k+2) != 4 {
		return false
	}
	s1, s2 := p.sep[k+1], p.sep[k+2]
	switch {
	case p.paren && k == 0: // "(555) 555-0100", "(555)555-0100"
		return s2 == '-' || s2 == ' ' || s2 == '.'
	case s1 == s2 && (s1 == '-' || s1 == '.'):
		return k == 0 || p.sep[1] == s1 || p.sep[1] == ' '
	}
	return false
}

// afterIPv6Group reports whether st follows "::" or ":hhhh:", as the IPv4
// tail of an IPv6 address does.
func afterIPv6Group(t string, st int) bool {
	if st < 2 || t[st-1] != ':' {
		return false
	}
	if t[st-2] == ':' {
		return true
	}
	k := st - 2
	for k >= 0 && st-2-k < 4 && isHex(t[k]) {
		k--
	}
	return k >= 0 && k < st-2 && t[k] == ':'
}

// thousands reports a number grouped as an amount is: one to three
// digits, then groups of exactly three after dots (5.000.000). (A comma
// ends a phrase, so 12,500,000 never reaches here.)
func thousands(p *phrase, ng int) bool {
	if ng < 3 || p.g[0].e-p.g[0].s > 3 {
		return false
	}
	for k := 1; k < ng; k++ {
		if p.sep[k] != '.' || p.g[k].e-p.g[k].s != 3 {
			return false
		}
	}
	return true
}

// spacedPhone reads a phone number dictated digit by digit, as speech
// transcripts and careful chat write it: "call me back on 7 0 8 5 5 5 0 1
// 6 4", "0-1-1-5-4-9-6-0-9-3-3". Nine to fifteen single digits, each
// after one space or dash, are a phone number only after a phone word,
// and score higher when they validate.
func (s *scanner) spacedPhone(i int) (int, bool) {
	t := s.t
	var d [16]byte
	n, j := 0, i
	sep := t[i+1]
	for j < len(t) && isDigit(t[j]) && n < len(d) {
		d[n] = t[j]
		n++
		if j+2 < len(t) && t[j+1] == sep && isDigit(t[j+2]) && (j+3 == len(t) || !isDigit(t[j+3])) {
			j += 2
			continue
		}
		j++
		break
	}
	if n < 9 || n > 15 || (j < len(t) && (isAlnum(t[j]) || t[j] == sep && j+1 < len(t) && isDigit(t[j+1]))) {
		return 0, false
	}
	if i > 0 && (isAlnum(t[i-1]) || t[i-1] == '.' || t[i-1] == ',') {
		return 0, false
	}
	c := phoneContext(t, i, s.context(i, j))
	if c&ctxPhone == 0 || c&ctxNotCard != 0 {
		return 0, false
	}
	score := 0.5
	if s.validDigits(d[:n], i, j) {
		score = 0.85
	}
	s.report(tPhone, i, j, score)
	return j, true
}

// validDigits validates nationally written digits (no '+') in the
// default region, the countries of the script around [start, end), then
// the other regions, within the validation budget.
func (s *scanner) validDigits(d []byte, start, end int) bool {
	if s.phoneChecks >= 64+len(s.t)/256 || len(d) < 7 || len(d) > 15 {
		return false
	}
	s.phoneChecks++
	buf := phoneBufs.Get().(*[32]byte)
	defer phoneBufs.Put(buf)
	n := copy(buf[:], d)
	if phoneValidDigits(buf[:n], false, s.d.region) {
		return true
	}
	for _, r := range scriptRegions(s.t, start, end) {
		s.phoneChecks++
		if r != s.d.region && phoneValidDigits(buf[:n], false, r) {
			return true
		}
	}
	ok, tried := phoneValidElsewhere(buf[:n], s.d.region)
	s.phoneChecks += tried
	return ok
}

// phoneContext completes the context words c of a phone candidate at
// start: with the words written with letters outside ASCII before it
// ("电话：138…", "Телефон: 8 (495) …", "o teu número é …", "sipariş no
// …"), and a number word ("my number is …", "número") made a phone word
// when no other type's word explains it.
func phoneContext(t string, start int, c uint32) uint32 {
	c |= utf8CtxBefore(t, start)
	if c&ctxNumber != 0 && c&(ctxTyped|ctxNotCard) == 0 {
		c |= ctxPhone
	}
	return c
}
