package names

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord  uint8 = iota + 1 // letters (with inner ' and -)
	tNum                    // starts with a digit: 42, 221B, 5th, 0B1
	tAlnum                  // starts with a letter, has digits: SW1A, M1
	tPunct                  // one punctuation rune
)

// Token shape bits.
const (
	sCap        uint16 = 1 << iota // first rune upper case
	sAllCaps                       // two or more letters, none lower case
	sLower                         // first rune lower case
	sPoss                          // followed by 's / ’s (not part of the token)
	sHyphen                        // has an inner hyphen
	sNonASCII                      // has non-ASCII bytes
	sSentence                      // starts a sentence / line / text
	sInnerCap                      // an upper-case letter after the first (McDonald)
	sDotAfter                      // directly followed by '.'
	sNumAlpha                      // tNum with letters
	sCaseSuffix                    // followed by a Turkish case ending after an apostrophe: Mehmet'in (not part of the token)
)

type token struct {
	start, end int32
	kind       uint8
	nl         uint8  // newlines in the gap before the token (capped at 3)
	shape      uint16 // s* bits
	punct      rune   // for tPunct
	nletters   int16  // letters (words) or digits (numbers)
	hashed     bool
	looked     bool
	vlooked    bool
	v          uint32 // vocab flags (when vlooked)
	h          uint64 // hashWord of the token
	h1         uint64 // hash of the part before the first hyphen
	g          uint32 // gazetteer flags of h (when looked)
}

const ring = 64 // tokens kept; lookbehind + lookahead must stay below this

// scanner tokenises text lazily into a ring of tokens.
type scanner struct {
	text     string
	pos      int // next byte to tokenise
	produced int // tokens produced so far
	floor    int // first token after the last skip; earlier ones are gone
	sentence bool
	gaz      *table
	noSkip   int // no skipping before this byte
	// noSkipping turns skip off (tests compare both ways).
	noSkipping bool
	langs      int         // langScan, once asked (0: not yet)
	tbl        []tableSpan // name cells of tables (names.go), reused
	toks       [ring]token
}

func (s *scanner) reset(text string, g *table) {
	s.text, s.pos, s.produced, s.floor, s.sentence, s.gaz = text, 0, 0, 0, true, g
	s.noSkip = 0
	s.langs = 0
}

// lang reports whether langScan found language l in the scanned text,
// scanning once.
func (s *scanner) lang(l int) bool {
	if s.langs == 0 {
		s.langs = langScan(s.text)
	}
	return s.langs&l != 0
}

// isGerman reports germanText for the scanned text, computed once.
func (s *scanner) isGerman() bool { return s.lang(langGerman) }

// germanText reports text written in German: at least four of its first
// 4 KB's lower-case words (three in a text under 600 bytes) are German
// articles, pronouns or particles that English and the other languages
// here do not use, or capitalised verbs and pronouns that open a request
// ("Kannst", "Schreib"). In German every noun is capitalised, and many
// are also surnames (Handwerker, Feld, Zoll), so a capitalised word alone
// is weaker evidence of a name there.
func germanText(text string) bool { return langScan(text)&langGerman != 0 }

// english reports a short English function word.
func english(w string) bool {
	switch w {
	case "the", "and", "you", "to", "of", "is", "for", "it", "in", "on", "my", "we", "can", "are", "be", "a", "an":
		return true
	}
	return false
}

// Languages langScan reports.
const (
	langGerman  = 1 << iota // germanText
	langSlavic              // Polish, Czech, Slovak, Lithuanian (inflect.go)
	langFinnish             // Finnish (inflect.go)
	langDone                // the scan has run
)

// langScan reads the words of text's first 4 KB once for the languages
// whose words the scanner weighs differently: German (germanText), West
// Slavic and Baltic (two words that are function words of those
// languages or carry their letters: ą ę ł ś ź ż ń ř ů ě ė ū č š ž ť ď ň
// ľ, which Croatian, Slovene and Latvian, also languages that decline
// names, share) and Finnish (two Finnish function words). A text whose
// first sixteen short English function words come before any word of
// those languages is English, and the scan stops there.
func langScan(text string) int {
	if len(text) > 4096 {
		text = text[:4096]
	}
	n, ns, nf, eng := 0, 0, 0, 0
	need := 4
	if len(text) < 600 {
		need = 3 // a short request: "Kannst du das als Tabelle machen?"
	}
	got := 0
	for i := 0; i < len(text) && got != langGerman|langSlavic|langFinnish; {
		for i < len(text) && !('a' <= text[i] && text[i] <= 'z' || text[i] >= 0x80) {
			i++
		}
		j := i
		high := false
		for j < len(text) {
			if c := text[j]; 'a' <= c && c <= 'z' {
				j++
			} else if c >= 0x80 {
				high = true
				j++
			} else {
				break
			}
		}
		if j == i {
			break
		}
		if j-i <= 3 && !high && english(text[i:j]) && i > 0 && text[i-1] == ' ' {
			// English function words: a text that has many of them and
			// none of the other languages' is read no further
			if eng++; eng >= 16 && n == 0 && ns == 0 && nf == 0 {
				break
			}
			i = j
			continue
		}
		w := ""
		if i == 0 || !('A' <= text[i-1] && text[i-1] <= 'Z') {
			w = text[i:j]
			switch w {
			case "der", "die", "das", "den", "dem", "des", "und", "ist", "nicht", "ein", "eine", "einen",
				"ich", "wir", "sie", "mit", "für", "auf", "bitte", "wird", "sind", "auch", "noch", "zum", "zur", "vom", "beim",
				// (German only: not Dutch, English, French or Portuguese words)
				"einem", "einer", "kannst", "machen", "schreib", "schreibe", "ihr", "ihre", "ihren", "ihrem", "ihnen",
				"zu", "dass", "oder", "aber", "nach", "bei", "uns", "unser", "unsere", "sich", "kann", "können",
				"soll", "muss", "wurde", "haben", "habe", "über", "möchte", "sehr", "gibt", "kein", "keine",
				"schon", "jetzt", "heute", "aus", "dieser", "diese", "dieses", "wenn", "weil", "mein", "meine",
				"meinen", "deine", "euch", "danke", "gerne", "liegt", "bereit", "fällt", "melden":
				if n++; n >= need {
					got |= langGerman
				}
			}
		} else if i == 1 || text[i-2] == ' ' || text[i-2] == '\n' {
			// requests open with a capitalised verb or pronoun
			w = text[i-1 : j]
			switch w {
			case "Kannst", "Könntest", "Schreib", "Schreibe", "Formuliere", "Mach", "Mache", "Fasse",
				"Hilf", "Gib", "Ich", "Wir", "Bitte", "Erkläre", "Sag":
				if n++; n >= need {
					got |= langGerman
				}
			}
		}
		switch w {
		case "się", "że", "już", "jest", "czy", "proszę", "przez", "jutro", "dziś", "będzie",
			"jsem", "prosím", "není", "který", "která", "také", "bude", "dnes", "zítra",
			"Proszę", "Prosím", "Czy":
			ns++
		case "että", "kanssa", "ovat", "oli", "hän", "kun", "jos", "myös", "mutta", "ole", "olen",
			"kiitos", "huomenna", "tänään", "sekä", "voitko", "vain", "kirjoita", "viesti", "tulee", "hoitaa",
			"Kiitos", "Voitko", "Kirjoita", "Hei":
			nf++
		default:
			if high && got&langSlavic == 0 {
				for _, r := range text[i:j] {
					switch r {
					case 'ą', 'ę', 'ł', 'ś', 'ź', 'ż', 'ń', 'ř', 'ů', 'ě', 'ė', 'ū', 'č', 'š', 'ž', 'ť', 'ď', 'ň', 'ľ':
						ns++
					default:
						continue
					}
					break
				}
			}
		}
		if ns >= 2 {
			got |= langSlavic
		}
		if nf >= 2 {
			got |= langFinnish
		}
		i = j
	}
	return got | langDone
}

// at returns token i, or nil past the end of text or out of the ring.
func (s *scanner) at(i int) *token {
	if i < s.produced && i >= s.produced-ring && i >= s.floor {
		return &s.toks[i&(ring-1)]
	}
	return s.fill(i)
}

func (s *scanner) fill(i int) *token {
	if i < s.floor || i < s.produced-ring {
		return nil
	}
	for s.produced <= i {
		if !s.next() {
			return nil
		}
	}
	return &s.toks[i&(ring-1)]
}

// interesting marks bytes that may start something to report: capitals,
// digits and non-ASCII (which may be capitals).
// 'n' and 'c' are 2: they may begin "name" or "call", which may
// introduce a lower-case name.
var interesting = func() (t [256]uint8) {
	for i := range t {
		if i >= 'A' && i <= 'Z' || i >= '0' && i <= '9' || i >= 0x80 {
			t[i] = 1
		}
	}
	t['n'], t['c'] = 2, 2
	return
}()

const skipBack = 32 // bytes of context kept before an interesting byte

// skip jumps over stretches of lower-case prose: when no token is
// pending, it moves the tokeniser to shortly before the next capital,
// digit, non-ASCII byte or "name"/"call" (which may introduce a
// lower-case name). The tokens skipped can never start a finding, and
// the context rules look back no further than skipBack bytes.
func (s *scanner) skip() {
	text := s.text
	p := s.pos
	if p < s.noSkip || s.noSkipping {
		return
	}
	q := p
	for q < len(text) {
		for q < len(text) && interesting[text[q]] == 0 {
			q++
		}
		if q >= len(text) {
			break
		}
		if interesting[text[q]] == 2 { // 'n' or 'c': "name", "call"?
			if r := text[q:]; len(r) >= 4 && (r[:4] == "name" || r[:4] == "call") {
				break
			}
			q++
			continue
		}
		e := s.boring(q)
		if e == q {
			break
		}
		q = e
	}
	s.noSkip = q + skipBack
	if q-p <= skipBack+16 {
		return
	}
	b := q - skipBack
	for b < q && class[text[b-1]] != cSpace && class[text[b-1]] != cNL {
		b++
	}
	s.pos, s.sentence, s.floor = b, s.sentenceBefore(b), s.produced
}

// boring returns the end of the word or number at q when it can neither
// start a finding nor change one that follows within skipBack bytes
// (sentence-initial "The", "It", a count "42 items", "35%"); else q.
func (s *scanner) boring(q int) int {
	text := s.text
	c := text[q]
	e := q + 1
	switch class[c] {
	case cUpper:
		for e < len(text) && class[text[e]] == cLower {
			e++
		}
		if e < len(text) {
			switch class[text[e]] {
			case cUpper, cDigit, cHigh:
				return q
			case cPunct:
				if text[e] == '\'' || text[e] == '-' {
					if e-q == 1 && c == 'I' && text[e] == '\'' { // I'm, I've
						e++
						for e < len(text) && class[text[e]] == cLower {
							e++
						}
						return e
					}
					return q
				}
			}
		}
		if e-q == 1 {
			if c == 'I' || c == 'A' {
				return e
			}
			return q
		}
		h := hashWord(text[q:e])
		if vocabT.get(h)&vStarts != 0 {
			return q
		}
		f := s.gaz.get(h)
		if f&gMWStart != 0 && e+1 < len(text) && text[e] == ' ' && class[text[e+1]] == cLower {
			f &^= gMWStart // "Little great": no multi-word place goes on in lower case
		}
		if f&gAnyWord != 0 && f&(gAnyName|gAnyPlace|gMWStart) == 0 {
			return e // an English word that is no name or place: "Deploy", "The"
		}
		// a common word starts no name or place, except a given name
		// mid-sentence ("Will Smith") and the first word of a place ("New York")
		if f&gCommon != 0 && f&(gMWStart|gCountry|gState|gCityBig) == 0 && (f&gFirst == 0 || s.sentenceBefore(q)) {
			return e
		}
	case cDigit:
		for e < len(text) && class[text[e]] == cDigit {
			e++
		}
		if e-q > 6 {
			return e
		}
		if e < len(text) {
			switch text[e] {
			case '%', ':', '/', ')':
				return e
			case '.', ',':
				if e+1 < len(text) && class[text[e+1]] == cDigit {
					return e // 3.5, 1,000
				}
				if text[e] == '.' && (e+1 == len(text) || class[text[e+1]] == cSpace || class[text[e+1]] == cNL) {
					return e // "... in 2024. She"
				}
			case ' ':
				// "42 items": a number before a plain lower-case word
				k := e + 1
				w := k
				for w < len(text) && class[text[w]] == cLower {
					w++
				}
				if w > k && w < len(text) && (class[text[w]] == cSpace || text[w] == '.' || text[w] == ',') && vocabT.get(hashWord(text[k:w]))&vStreetish == 0 {
					return e
				}
			}
		}
	}
	return q
}

// sentenceBefore reports whether a sentence starts at byte q.
func (s *scanner) sentenceBefore(q int) bool {
	k := q - 1
	for k >= 0 && (class[s.text[k]] == cSpace || class[s.text[k]] == cNL) {
		if s.text[k] == '\n' {
			return true
		}
		k--
	}
	if k < 0 {
		return true
	}
	switch s.text[k] {
	case '.', '!', '?', ':', ';', '"', '(', '[', '*', '>', '|', '-':
		return true
	}
	return false
}

// charClass for ASCII bytes.
const (
	cSpace = iota
	cNL
	cLower
	cUpper
	cDigit
	cPunct
	cHigh // >= 0x80
)

var class = func() (t [256]uint8) {
	for i := range t {
		switch {
		case i >= 0x80:
			t[i] = cHigh
		case i == '\n':
			t[i] = cNL
		case i == ' ' || i == '\t' || i == '\r' || i == '\v' || i == '\f':
			t[i] = cSpace
		case i >= 'a' && i <= 'z':
			t[i] = cLower
		case i >= 'A' && i <= 'Z':
			t[i] = cUpper
		case i >= '0' && i <= '9':
			t[i] = cDigit
		case i < 0x20:
			t[i] = cSpace
		default:
			t[i] = cPunct
		}
	}
	return
}()

func isLetterRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }

// next produces one token; false at end of text.
func (s *scanner) next() bool {
	text := s.text
	p := s.pos
	nl := 0
	// skip spaces
	for p < len(text) {
		c := class[text[p]]
		if c == cSpace {
			p++
			continue
		}
		if c == cNL {
			nl++
			p++
			continue
		}
		if c == cHigh {
			r, n := utf8.DecodeRuneInString(text[p:])
			if r == 0xA0 || r == 0x2028 || r == 0x2029 || (r >= 0x2000 && r <= 0x200B) || r == 0x3000 || r == 0x202F || r == 0xFEFF {
				if r == 0x2028 || r == 0x2029 {
					nl++
				}
				p += n
				continue
			}
		}
		break
	}
	if p >= len(text) {
		s.pos = p
		return false
	}
	t := &s.toks[s.produced&(ring-1)]
	*t = token{start: int32(p)}
	if nl > 3 {
		nl = 3
	}
	t.nl = uint8(nl)
	if nl > 0 {
		s.sentence = true
	}
	if s.sentence {
		t.shape |= sSentence
	}
	s.sentence = false
	c := text[p]
	switch class[c] {
	case cDigit:
		t.kind = tNum
		q := p
		for q < len(text) && class[text[q]] == cDigit {
			q++
		}
		t.nletters = int16(min(q-p, 1000))
		for q < len(text) {
			k := class[text[q]]
			if k == cLower || k == cUpper || k == cDigit {
				t.shape |= sNumAlpha
				q++
				continue
			}
			break
		}
		p = q
	case cLower, cUpper, cHigh:
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[p:])
			if !isLetterRune(r) {
				t.kind, t.punct = tPunct, r
				p += n
				s.afterPunct(r)
				break
			}
		}
		t.kind = tWord
		if unicode.IsUpper(r) {
			t.shape |= sCap
		} else {
			t.shape |= sLower
		}
		upper, lower := 0, 0
		if t.shape&sCap != 0 {
			upper++
		} else {
			lower++
		}
		letters := 1
		q := p + n
		if c >= utf8.RuneSelf {
			t.shape |= sNonASCII
		}
		// fast path: a run of ASCII lower-case letters
		for q < len(text) && class[text[q]] == cLower {
			q++
		}
		lower += q - (p + n)
		letters += q - (p + n)
	loop:
		for q < len(text) {
			b := text[q]
			switch class[b] {
			case cLower:
				lower++
				letters++
				q++
			case cUpper:
				upper++
				letters++
				t.shape |= sInnerCap
				q++
			case cDigit:
				t.kind = tAlnum
				q++
			case cHigh:
				r, n := utf8.DecodeRuneInString(text[q:])
				if isLetterRune(r) {
					t.shape |= sNonASCII
					if unicode.IsUpper(r) {
						upper++
						t.shape |= sInnerCap
					} else if unicode.IsLower(r) {
						lower++
					}
					letters++
					q += n
					continue
				}
				if r == '’' || r == 'ʼ' {
					if q2, ok := s.apostrophe(t, q, n); ok {
						q = q2
						continue
					}
				}
				break loop
			case cPunct:
				if b == '\'' {
					if q2, ok := s.apostrophe(t, q, 1); ok {
						q = q2
						continue
					}
					break loop
				}
				if b == '-' && q+1 < len(text) && startsLetter(text[q+1:]) {
					if t.shape&sHyphen == 0 {
						t.h1 = hashWord(text[p:q])
					}
					t.shape |= sHyphen
					q++
					continue
				}
				break loop
			default:
				break loop
			}
		}
		if letters >= 2 && lower == 0 {
			t.shape |= sAllCaps
		}
		t.nletters = int16(min(letters, 1000))
		p = q
		// possessive 's right after the word
		if p < len(text) {
			if text[p] == '\'' && p+1 < len(text) && (text[p+1] == 's' || text[p+1] == 'S') && (p+2 >= len(text) || !startsLetter(text[p+2:])) {
				t.shape |= sPoss
				t.end = int32(p)
				s.pos = p + 2
				s.produced++
				return true
			}
			if len(text)-p >= 4 && text[p:p+3] == "’" && (text[p+3] == 's' || text[p+3] == 'S') && (p+4 >= len(text) || !startsLetter(text[p+4:])) {
				t.shape |= sPoss
				t.end = int32(p)
				s.pos = p + 4
				s.produced++
				return true
			}
			if text[p] == '.' {
				t.shape |= sDotAfter
			}
			if t.shape&sCap != 0 && (text[p] == '\'' || len(text)-p >= 3 && text[p:p+3] == "’") {
				n := 1
				if text[p] != '\'' {
					n = 3
				}
				if k := caseSuffixLen(text, int(t.start), p, n); k > 0 {
					t.shape |= sCaseSuffix
					t.end = int32(p)
					s.pos = p + n + k
					s.produced++
					return true
				}
			}
		}
	default: // ASCII punctuation
		t.kind, t.punct = tPunct, rune(c)
		p++
		s.afterPunct(rune(c))
	}
	t.end = int32(p)
	s.pos = p
	s.produced++
	return true
}

// apostrophe decides whether the apostrophe of n bytes at q continues the
// word (O'Brien, d'Ivoire) rather than ending it (possessive, quote).
func (s *scanner) apostrophe(t *token, q, n int) (int, bool) {
	text := s.text
	if q+n >= len(text) || !startsLetter(text[q+n:]) {
		return q, false
	}
	if t.shape&sCap != 0 && caseSuffixLen(text, int(t.start), q, n) > 0 {
		return q, false // "Mehmet'in": the name ends at the apostrophe
	}
	// 's followed by a non-letter is a possessive: stop here.
	if (text[q+n] == 's' || text[q+n] == 'S') && (q+n+1 >= len(text) || !startsLetter(text[q+n+1:])) {
		return q, false
	}
	return q + n, true
}

// caseSuffixLen returns the length of a Turkish case or plural ending
// written after an apostrophe at text[q] (n bytes) behind the proper
// name text[start:q]: Mehmet'in, Zeynep'e, Ankara'da, Ayşe'nin,
// Emre'ye, Doğan'a. Vowel harmony is not checked, but the buffer
// consonant is: after a vowel the ending starts with n, y, d or t
// ("Ayşe'ye"), after a consonant it is no bare n- or y- form, so that
// Hawai'i, O'Neil and rock'n'roll stay words. 0: no such ending.
func caseSuffixLen(text string, start, q, n int) int {
	e := q + n
	k := e
	for k < len(text) && k-e < 12 {
		c := text[k]
		if 'a' <= c && c <= 'z' {
			k++
			continue
		}
		if c >= utf8.RuneSelf {
			r, m := utf8.DecodeRuneInString(text[k:])
			if unicode.IsLower(r) {
				k += m
				continue
			}
		}
		break
	}
	if k == e || k < len(text) && startsLetter(text[k:]) {
		return 0
	}
	suf := text[e:k]
	switch suf {
	case "in", "ın", "un", "ün", "i", "ı", "u", "ü", "e", "a",
		"de", "da", "te", "ta", "den", "dan", "ten", "tan", "le", "la", "yle", "yla",
		"nin", "nın", "nun", "nün", "ye", "ya", "yi", "yı", "yu", "yü",
		"ler", "lar", "lerin", "ların", "deki", "daki", "teki", "taki", "dir", "dır":
	default:
		return 0
	}
	if q-start < 2 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[start:q])
	vowelStem := false
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'ı', 'ö', 'ü', 'A', 'E', 'I', 'O', 'U', 'İ', 'Ö', 'Ü':
		vowelStem = true
	}
	switch suf[0] {
	case 'n', 'y':
		if !vowelStem {
			return 0
		}
	case 'd', 't', 'l':
	default: // a bare vowel ending: after a consonant only ("Mehmet'i", not "Hawai'i")
		if vowelStem {
			return 0
		}
	}
	return k - e
}

func startsLetter(s string) bool {
	c := s[0]
	switch class[c] {
	case cLower, cUpper:
		return true
	case cHigh:
		r, _ := utf8.DecodeRuneInString(s)
		return isLetterRune(r)
	}
	return false
}

func (s *scanner) afterPunct(r rune) {
	switch r {
	case '.', '!', '?', ':', ';', '"', '“', '”', '(', '[', '•', '*', '>', '|', '…', '-', '–', '—', '¿', '¡', '«', '„':
		s.sentence = true
	}
}

// word returns the token's text.
func (s *scanner) str(t *token) string { return s.text[t.start:t.end] }

// hash returns the token's word hash, computed on first use.
func (s *scanner) hash(t *token) uint64 {
	if !t.hashed {
		t.h = hashWord(s.text[t.start:t.end])
		if t.shape&sHyphen == 0 {
			t.h1 = t.h
		}
		t.hashed = true
	}
	return t.h
}

// flags returns the gazetteer flags of a word token.
func (s *scanner) flags(t *token) uint32 {
	if !t.looked {
		t.looked = true
		if t.kind == tWord {
			t.g = s.gaz.get(s.hash(t))
			if t.g == 0 && t.shape&(sCap|sAllCaps|sHyphen) == sCap && t.nletters >= 4 && t.nletters <= 16 {
				t.g = s.inflectedFlags(t) // "Zosię", "Virtasen": a declined name
			}
		}
	}
	return t.g
}

// digitAfter reports whether a digit follows t after spaces, without
// tokenising further (which would keep skip from running).
func (s *scanner) digitAfter(t *token) bool {
	p := int(t.end)
	for p < len(s.text) && s.text[p] == ' ' {
		p++
	}
	return p < len(s.text) && class[s.text[p]] == cDigit
}

// numberNext reports whether token i+1 is a number on the same line.
func (s *scanner) numberNext(i int) bool {
	t := s.at(i + 1)
	return t != nil && t.kind == tNum && t.nl == 0
}

// gap reports what separates token i-1 from token i: whether they are
// adjacent (no space) is start==end of the previous.
func (s *scanner) adjacent(a, b *token) bool { return a.end == b.start }
