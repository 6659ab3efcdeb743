package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// Rosters: lists of people written as short items between commas (or 、
// and ، in CJK and Arabic text, semicolons, line breaks and a closing
// "and"/"und"/"y"/"и" …), as squads, rotas, class lists and volunteer
// lists are pasted:
//
//	U11 squad: Amara, Leo, Kofi, Yusra, Mateo
//	who's on the tea rota: bev, raj, mo, elsie and kwabena
//	Mon: margaret, femi\nTue: alan, sunita
//	قائمة الفريق: يوسف، عمر، آدم، حمزة
//	少年篮球队名单：张子轩、李雨桐、陈浩然、刘思琪。
//
// Every item of such a list is a person, whether the lists know the name
// or not, in lower case too. A run of three or more items is a roster
// when most of its items could be names (one to three words of letters,
// none of them a dictionary word, a role or a place unless it is also a
// given name; in other scripts one to three words of one script, a Han or
// Hangul item of two to four characters) and either
//
//   - a roster word stands before it (rota, roster, squad, team,
//     volunteers, list, Liste, lista, rooster, список, قائمة, רשימת,
//     सूची, 名单, 名簿, 명단, danh sách …) and one item is a known given
//     name or already a PERSON, or
//   - two of its items are already PERSON findings ("Amara, Leo, Kofi,
//     Yusra"); then only capitalised items are added, since a word in
//     lower case between two names is more often a word of another
//     language ("Ich, Katarzyna Nowak, habe gesehen").
//
// "Day:" or "Room 1 -" labels inside the list are skipped. A sentence end
// (". ", "。", "।", "?") or a blank line ends the list. The pass runs only
// on the text around a list separator, so prose costs one IndexByte per
// comma.

const (
	rosterScore    = 0.6
	rosterReach    = 300 // bytes a list reaches either side of a comma
	rosterCueReach = 120 // bytes before the list where its roster word may stand
	maxRosterItems = 24
)

// rosterCues are the words that head a list of people.
var rosterCues = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields(`rota rotas roster rosters squad squads team teams lineup line-up
		volunteers volunteer helpers players members attendees attendance present apologies participants
		kids children names list class pairings signups sign-ups starters subs substitutes
		liste kader aufstellung mannschaft helfer ehrenamtliche freiwillige anwesend teilnehmer
		lista plantilla equipo voluntarios voluntarias asistentes convocados presentes alineación
		équipe bénévoles présents joueurs joueuses
		elenco squadra volontari presenti convocati
		equipa equipe voluntários escalação
		rooster lijst vrijwilligers aanwezig spelers
		drużyna drużyny skład wolontariusze obecni
		lag laget lagledare frivilliga frivillige deltagare
		joukkue joukkueen pelaajat vapaaehtoiset
		listesi takım kadro gönüllüler
		список списки команда состав волонтёры волонтеры волонтерів волонтери учасники
		قائمة فريق المتطوعين
		רשימת רשימה מתנדבים
		सूची टीम
		名单 名單 队员 隊員 成员 成員 名簿 メンバー 連絡網 명단 멤버
		sách daftar relawan orodha timu seznam tým listă echipa λίστα ομάδα`) {
		m[hashWord(w)] = true
	}
	return m
}()

// rosterCueSuffixes head a list at the end of a compound (Mitgliederliste,
// Oppasrooster, Klassenliste).
var rosterCueSuffixes = [...]string{"liste", "rooster", "lijst", "rota", "listesi"}

// rosterStop are words that fill a roster's slots without being names.
var rosterStop = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields(`mon tue tues wed thu thur thurs fri sat sun closed empty vacant tbc tba tbd
		none nobody n/a na off free open cancelled canceled spare reserve sub subs gk captain capt
		me myself you them us all everyone others etc hi hello hey dear thanks thank cheers regards ok
		okay yes no bye hola ciao salut hallo merci gracias danke`) {
		m[hashWord(w)] = true
	}
	return m
}()

type rosterItem struct {
	s, e    int // the item's name span
	kind    int8
	label   bool
	lower   bool // in lower case
	unknown bool // a Latin item no list knows at all
	place   bool // overlaps an address or a place
	digits  bool // holds a digit
}

const (
	itemOther = iota // letters that are no name, or prose
	itemNeutral
	itemCand
	itemSeed  // a candidate some list knows as a given name
	itemFound // already a PERSON finding
)

// rosterNames adds the items of rosters to r (unsorted).
func rosterNames(text string, g *table, r *analysis.Report, f *analysis.Field, n0 int) {
	done := 0 // lists end before this byte
	var sc sepCursor
	sc.init(text)
	for p := 0; p < len(text); {
		c, w := sc.next(p)
		if c < 0 {
			return
		}
		p = c + w
		if c < done || !shortAround(text, c, w) {
			continue
		}
		done = rosterAt(text, c, g, r, f, n0)
		if done <= c {
			done = c + w
		}
	}
}

// sepCursor finds the list separators of a text in order: commas, line
// breaks, 、 and ،. It remembers the next of each kind, so the text is
// searched once for each kind, not once for each separator.
type sepCursor struct {
	text string
	at   [4]int // next position of ',', '\n', "、", "،" (-1: none left)
	mb   bool   // the text has bytes of 、 or ،
}

var sepKinds = [4]string{",", "\n", "、", "،"}

func (c *sepCursor) init(text string) {
	c.text = text
	c.mb = strings.IndexByte(text, 0xE3) >= 0 || strings.IndexByte(text, 0xD8) >= 0
	for k := range c.at {
		c.at[k] = -2 // not searched yet
	}
}

// next returns the first separator at or after p and its length.
func (c *sepCursor) next(p int) (int, int) {
	best, bw := -1, 0
	for k, sep := range sepKinds {
		if k >= 2 && !c.mb {
			break
		}
		if c.at[k] == -1 {
			continue
		}
		if c.at[k] < p {
			i := strings.Index(c.text[p:], sep)
			if i < 0 {
				c.at[k] = -1
				continue
			}
			c.at[k] = p + i
		}
		if best < 0 || c.at[k] < best {
			best, bw = c.at[k], len(sep)
		}
	}
	return best, bw
}

// rosterAt reads the list around the separator at c and reports its
// items when it is a roster. It returns where the list ends.
func rosterAt(text string, c int, g *table, r *analysis.Report, f *analysis.Field, n0 int) int {
	rs := listRegionStart(text, c)
	re := listRegionEnd(text, c)
	if strings.IndexByte(text[rs:re], '|') >= 0 || strings.IndexByte(text[rs:re], '\t') >= 0 {
		return re // a table: table.go reads its name columns
	}
	var items [maxRosterItems]rosterItem
	n := 0
	for p := rs; p < re && n < maxRosterItems; {
		e, sw := itemEnd(text, p, re)
		s0, e0 := p, e
		// a label before a colon ("Mon:", "Present:", "the tea rota for the club:")
		// is no item; it may hold the roster word
		if k := lastColon(text[s0:e0]); k >= 0 {
			items[n] = rosterItem{s: s0, e: s0 + k, label: true}
			n++
			s0 += k + colonLen(text[s0+k:])
		} else if sw >= 3 && text[e+1] != ' ' && (p == 0 || text[p-1] == '\n') && e-p <= 24 {
			// "mon - jade", "Room 1 - jakub nowicki": a short label
			// opening a line before a dash
			items[n] = rosterItem{s: s0, e: e0, label: true}
			n++
			p = e + sw
			continue
		}
		if n < maxRosterItems {
			items[n] = classifyItem(text, s0, e0, g, r.Findings[n0:])
			n++
		}
		p = e + sw
		if sw == 0 {
			break
		}
	}
	cands, seeds, found, other := 0, 0, 0, 0
	place := false  // an item is (in) an address or a place: the list may be one
	digits := false // an item holds a number (a house number, a postcode, a phone)
	for _, it := range items[:n] {
		if it.label {
			continue
		}
		if it.kind == itemNeutral && it.place {
			place = true
		}
		if it.kind == itemNeutral && it.digits {
			digits = true
		}
		switch it.kind {
		case itemCand:
			cands++
		case itemSeed:
			cands++
			seeds++
		case itemFound:
			cands++
			found++
		case itemOther:
			other++
		}
	}
	// (the other separators of this sentence would read the same list)
	if cands < 3 || cands*10 < (cands+other)*6 {
		return re
	}
	// the roster word, looked for only now (it may stand in a label, in
	// the words before the list or in its first item)
	cue := seeds+found >= 1 && rosterCueIn(text[max(0, rs-rosterCueReach):re], g)
	if !(found >= 2 || cue) {
		return re
	}
	for _, it := range items[:n] {
		if it.label || (it.kind != itemCand && it.kind != itemSeed) {
			continue
		}
		if it.lower && !cue {
			continue // "Ich, Katarzyna Nowak, habe gesehen": lower case needs a roster word
		}
		if (place || !cue) && it.kind != itemSeed && !(it.unknown && !place && (cue || !digits)) {
			// beside an address ("Col. Crédito Constructor, … CDMX, recibe
			// Itzel Romero") or with no roster word, only a known name or
			// a word no list knows
			continue
		}
		if overlapsFinding(r.Findings[n0:], it.s, it.e) {
			continue
		}
		r.AddFinding("names", "pii", tPersonName, f, it.s, it.e, rosterScore)
	}
	return re
}

// listRegionStart goes back from c to the start of the sentence, line
// group or text (at most rosterReach bytes).
func listRegionStart(text string, c int) int {
	lo := max(0, c-rosterReach)
	for i := c - 1; i >= lo; i-- {
		switch b := text[i]; b {
		case '\n':
			if i > 0 && text[i-1] == '\n' {
				return i + 1
			}
		case '.', '!', '?':
			if sentenceEndAt(text, i) {
				return i + 1
			}
		case 0x82: // 。 E3 80 82
			if i >= 2 && text[i-2] == 0xE3 && text[i-1] == 0x80 {
				return i + 1
			}
		case 0xA4: // । E0 A5 A4
			if i >= 2 && text[i-2] == 0xE0 && text[i-1] == 0xA5 {
				return i + 1
			}
		}
	}
	// do not start inside a UTF-8 sequence
	for lo > 0 && lo < len(text) && text[lo]&0xC0 == 0x80 {
		lo++
	}
	return lo
}

// listRegionEnd goes forward from c to the end of the sentence.
func listRegionEnd(text string, c int) int {
	hi := min(len(text), c+rosterReach)
	for i := c + 1; i < hi; i++ {
		switch b := text[i]; b {
		case '\n':
			if i+1 < len(text) && text[i+1] == '\n' {
				return i
			}
		case '.', '!', '?':
			if sentenceEndAt(text, i) {
				return i
			}
		case 0xE3:
			if i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0x82 { // 。
				return i
			}
		case 0xE0:
			if i+2 < len(text) && text[i+1] == 0xA5 && text[i+2] == 0xA4 { // ।
				return i
			}
		case 0xEF: // ！ ？ (EF BC 81, EF BC 9F)
			if i+2 < len(text) && text[i+1] == 0xBC && (text[i+2] == 0x81 || text[i+2] == 0x9F) {
				return i
			}
		}
	}
	for hi < len(text) && hi > 0 && text[hi]&0xC0 == 0x80 {
		hi--
	}
	return hi
}

// sentenceEndAt reports the punctuation at i ending a sentence: followed
// by a space, a line break or the end, and (a period) not after an
// initial ("J. Ashworth") or inside a number or a word ("w/c", "3.5").
func sentenceEndAt(text string, i int) bool {
	// (a line break after it does not end a list of one item a line:
	// "wed - nobody yet!!\nthu - ravi")
	if i+1 < len(text) && text[i+1] != ' ' && text[i+1] != '\t' && text[i+1] != '.' {
		return false
	}
	if text[i] == '.' && i >= 1 {
		// an initial: one letter after a space or at the start
		if isASCIILetter(text[i-1]) && (i == 1 || !isWordByte(text[i-2])) {
			return false
		}
	}
	return true
}

func isASCIILetter(b byte) bool { return (b|0x20) >= 'a' && (b|0x20) <= 'z' }

// itemEnd finds the end of the item starting at p: the next separator
// before re, and the separator's length (0 at re).
func itemEnd(text string, p, re int) (int, int) {
	depth := 0
	for i := p; i < re; {
		b := text[i]
		switch {
		case b == '(' || b == '[':
			depth++
		case b == ')' || b == ']':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case b == ',' || b == ';' || b == '\n' || b == '+' || b == '/' || b == '|' || b == '&':
			return i, 1
		case b == ' ':
			if i+2 < re && (text[i+1] == '-' || text[i+1] == '|') && text[i+2] == ' ' {
				return i, 3
			}
			if i+4 < re && text[i+1] == 0xE2 && text[i+2] == 0x80 && (text[i+3] == 0x93 || text[i+3] == 0x94) && text[i+4] == ' ' {
				return i, 5 // " – ", " — "
			}
			if k := conjunctionAt(text, i+1, re); k > 0 {
				return i, 1 + k
			}
		case b >= 0x80:
			if strings.HasPrefix(text[i:], "、") {
				return i, len("、")
			}
			if strings.HasPrefix(text[i:], "،") {
				return i, len("،")
			}
		}
		i++
	}
	return re, 0
}

// conjunctionAt reports the length (with its space) of a conjunction
// joining the last item of a list ("and ", "und ", "y ", "и ") at i.
func conjunctionAt(text string, i, re int) int {
	k := i
	for k < re && k-i < 7 && text[k] != ' ' {
		k++
	}
	if k >= re || text[k] != ' ' {
		return 0
	}
	switch text[i:k] {
	case "and", "und", "y", "e", "et", "og", "och", "i", "en", "ve", "és", "dan", "и", "і", "та":
		return k - i + 1
	}
	return 0
}

func lastColon(s string) int {
	k := strings.LastIndexByte(s, ':')
	if j := strings.LastIndex(s, "："); j > k {
		k = j
	}
	if k >= 0 && k+1 < len(s) && s[k+1] >= '0' && s[k+1] <= '9' {
		return -1 // a time ("9:15")
	}
	return k
}

func colonLen(s string) int {
	if strings.HasPrefix(s, "：") {
		return len("：")
	}
	return 1
}

// rosterCueIn reports a roster word among the words of s.
func rosterCueIn(s string, g *table) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isLetterRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isLetterRune(r) && r != '-' {
				break
			}
			j += n
		}
		w := s[i:j]
		if rosterCues[hashWord(w)] {
			return true
		}
		if len(w) > 6 {
			for _, suf := range rosterCueSuffixes {
				if len(w) > len(suf) && foldAt(w, len(w)-len(suf), suf) {
					return true
				}
			}
		}
		// CJK cues are written with no space around them
		if r0, _ := utf8.DecodeRuneInString(w); r0 >= 0x3000 {
			for _, cu := range [...]string{"名单", "名單", "名簿", "명단", "連絡網"} {
				if strings.Contains(w, cu) {
					return true
				}
			}
		}
		i = j
	}
	return false
}

// classifyItem reads text[s:e] as a list item.
func classifyItem(text string, s, e int, g *table, fs []analysis.Finding) rosterItem {
	// trim spaces, a parenthesis ("(chair)") and a final period
	if k := strings.IndexAny(text[s:e], "(["); k >= 0 {
		e = s + k
	}
	for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '-' || text[s] == '*' || text[s] == '"') {
		s++
	}
	for e > s {
		c := text[e-1]
		if c == ' ' || c == '\t' || c == '"' {
			e--
			continue
		}
		// a final period, unless it ends an initial ("P.")
		if c == '.' && !(e-2 >= s && isASCIILetter(text[e-2]) && (e-3 < s || text[e-3] == ' ')) {
			e--
			continue
		}
		break
	}
	it := rosterItem{s: s, e: e, kind: itemOther}
	if e <= s {
		it.kind = itemNeutral
		return it
	}
	for i := range fs {
		if fs[i].ByteStart < e && fs[i].ByteEnd > s {
			if fs[i].Type == tPersonName {
				// a name that fills the item; a sentence holding one
				// ("Priya ka number … hai") is no item of a list
				if 2*(min(e, fs[i].ByteEnd)-max(s, fs[i].ByteStart)) >= e-s {
					it.kind = itemFound
				}
			} else {
				it.kind = itemNeutral
				it.place = fs[i].Type == tStreetAddress || fs[i].Type == TypeLocation
			}
			return it
		}
	}
	// a trailing score, rating or shirt number: "Dmitri 1840", "Kofi 7"
	if k := strings.LastIndexByte(text[s:e], ' '); k > 0 && allDigits(text[s+k+1:e]) && e-(s+k+1) <= 5 {
		if !hasDigitByte(text[s : s+k]) {
			e = s + k
			it.e, it.digits = e, true
		}
	}
	v := text[s:e]
	if len(v) > 48 {
		return it
	}
	words, script, seed, unknown := 0, 0, false, true
	first, _ := utf8.DecodeRuneInString(v)
	for i := 0; i < len(v); {
		r, n := utf8.DecodeRuneInString(v[i:])
		if r == ' ' {
			i += n
			continue
		}
		if r >= '0' && r <= '9' {
			it.kind, it.digits = itemNeutral, true // "Room 1", a phone or a time
			return it
		}
		j := i
		for j < len(v) {
			r, n := utf8.DecodeRuneInString(v[j:])
			if r == ' ' {
				break
			}
			if r >= '0' && r <= '9' {
				it.kind, it.digits = itemNeutral, true
				return it
			}
			if !isLetterRune(r) && r != '-' && r != '\'' && r != '’' && r != '.' && r != '・' {
				return it
			}
			j += n
		}
		w := v[i:j]
		words++
		if words > 3 {
			return it
		}
		sc := runeScript(r)
		if script == 0 {
			script = sc
		} else if sc != script {
			return it
		}
		ok, known := rosterWord(w, sc, g)
		if !ok && words > 1 && sc == scLatin && len(w) == 1 {
			ok = true // "sue w", "Hannah K": an initial without its period
		}
		if !ok {
			return it
		}
		if known && words > 1 && unicode.IsLower(r) && !unicode.IsLower(first) {
			known = false // a particle: the "des" of "Gîte des Tilleuls"
		}
		seed = seed || known
		unknown = unknown && sc == scLatin && g.get(hashWord(w)) == 0
		i = j
	}
	if words == 0 {
		it.kind = itemNeutral
		return it
	}
	it.kind = itemCand
	r0, _ := utf8.DecodeRuneInString(v)
	it.lower = unicode.IsLower(r0)
	it.unknown = unknown
	if seed {
		it.kind = itemSeed
	}
	return it
}

const (
	scLatin = iota + 1
	scHan
	scHangul
	scKana
	scOther
)

func runeScript(r rune) int {
	switch {
	case r < 0x250:
		return scLatin
	case isHan(r):
		return scHan
	case isHangul(r):
		return scHangul
	case r >= 0x3040 && r <= 0x30FF:
		return scKana
	}
	return scOther
}

// rosterWord reports whether w may be (part of) a name in a roster, and
// whether a list knows it as a given name.
func rosterWord(w string, sc int, g *table) (ok, known bool) {
	nr := utf8.RuneCountInString(w)
	h := hashWord(w)
	if roleLabels[h] || rosterStop[h] || rosterCues[h] {
		return false, false
	}
	switch sc {
	case scLatin:
		if nr == 2 && w[1] == '.' && isASCIILetter(w[0]) && w[0] < 'a' {
			return true, false // an initial
		}
		if nr < 2 || strings.IndexByte(w, '.') >= 0 || nr <= 4 && allUpperASCII(w) {
			return false, false // "TP.", "CDMX": abbreviations
		}
		fl := g.get(h)
		given := fl&(gFirst|gGiven) != 0
		if !given && (fl&(gAnyWord|gDict|gProper) != 0 || fl&gAnyPlace != 0) {
			return false, false
		}
		return true, given && fl&gCommon == 0
	case scHan:
		if nr < 2 || nr > 4 {
			return false, false
		}
		l := scriptNameData()
		first, _ := utf8.DecodeRuneInString(w)
		return true, l.zhSurnames.has(w[:utf8.RuneLen(first)]) || l.jaSurnames.has(w[:utf8.RuneLen(first)])
	case scHangul:
		if nr < 2 || nr > 4 {
			return false, false
		}
		l := scriptNameData()
		_, n := utf8.DecodeRuneInString(w)
		return true, l.koGiven.has(w[n:])
	case scKana:
		return nr >= 2, false
	}
	if nr < 2 {
		return false, false
	}
	l := scriptNameData()
	return true, l.arGiven.has(w) || l.heGiven.has(w) || l.hiGiven.has(w) || l.cyrGiven.has(w) ||
		l.arSurnames.has(w) || l.heSurnames.has(w) || l.hiSurnames.has(w) || l.cyrSurnames.has(w)
}

// shortAround is the cheap test before a list is read: the items on both
// sides of the separator at c are short (at most three words within 48
// bytes), and both have another separator (or a colon) beyond them, so
// that c is inside a list of three or more.
func shortAround(text string, c, w int) bool {
	sepBefore, sepAfter := false, false
	words := 0
	i := c - 1
	for ; i >= 0 && c-i <= 48; i-- {
		b := text[i]
		if b == ',' || b == '\n' || b == ';' || b == ':' || b == 0x81 && i >= 2 && text[i-1] == 0x80 && text[i-2] == 0xE3 ||
			b == 0x8C && i >= 1 && text[i-1] == 0xD8 || b == 0x9A && i >= 2 && text[i-1] == 0xBC && text[i-2] == 0xEF {
			sepBefore = true
			break
		}
		if (b == '.' || b == '!' || b == '?') && sentenceEndAt(text, i) {
			break
		}
		if b == ' ' && i+1 < c && text[i+1] != ' ' && (isASCIILetter(text[i+1]) || text[i+1] >= 0x80) {
			if words++; words > 3 {
				return false
			}
		}
	}
	if i >= 0 && c-i > 48 {
		return false
	}
	words = 0
	j := c + w
	for ; j < len(text) && j-c-w <= 48; j++ {
		b := text[j]
		if b == ',' || b == '\n' || b == ';' || b == 0xE3 && j+2 < len(text) && text[j+1] == 0x80 && text[j+2] == 0x81 ||
			b == 0xD8 && j+1 < len(text) && text[j+1] == 0x8C {
			sepAfter = true
			break
		}
		if (b == '.' || b == '!' || b == '?') && sentenceEndAt(text, j) ||
			b == 0xE3 && j+2 < len(text) && text[j+1] == 0x80 && text[j+2] == 0x82 {
			break
		}
		if b == ' ' && j > c+w && text[j-1] != ' ' {
			if k := conjunctionAt(text, j+1, len(text)); k > 0 {
				return true // "Kofi, Yusra and Mateo": three items
			}
			if j+1 < len(text) && !isASCIILetter(text[j+1]) && text[j+1] < 0x80 {
				continue // "- jade", "+ sue w": a dash or a plus is no word
			}
			if words++; words > 3 {
				return false
			}
		}
	}
	if j < len(text) && j-c-w > 48 {
		return false
	}
	return sepBefore && sepAfter
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func hasDigitByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func allUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}
