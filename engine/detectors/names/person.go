package names

import (
	"slices"
	"strings"
)

// Context strengths before a name.
const (
	ctxNone = iota
	ctxWeak
	ctxMedium
	ctxStrong
)

// personContext grades the words before token i as evidence that a person
// name starts at i.
func (s *scanner) personContext(i int) int {
	p1 := s.at(i - 1)
	if s.vocativeAt(i) {
		return ctxMedium // "Zé, o técnico vem amanhã", "Marku, przelej mi…"
	}
	if p1 == nil {
		return ctxNone
	}
	if p1.kind == tPunct {
		switch p1.punct {
		case '@':
			// a mention: "@Fajar sini join", not "kat@Example.com"
			if p1.end == s.at(i).start && (p1.start == 0 || s.text[p1.start-1] == ' ' || s.text[p1.start-1] == '\n' || s.text[p1.start-1] == '(') {
				return ctxMedium
			}
		case '—', '–':
			// a signature after a dash that ends the message: "… after 5. — Rasa"
			if t := s.at(i); t.nl == 0 && s.flags(t)&gAnyPlace == 0 && signatureEnd(s.text, int(t.end)) {
				return ctxMedium
			}
		case '.':
			// "Dr. Smith", "Mrs. Barbara Yudina"; in chats in lower case:
			// "dr. Mihăilescu", "dott. Ferri"
			if p2 := s.at(i - 2); p2 != nil && p2.end == p1.start && s.vocab(p2)&vTitle != 0 && (p2.shape&sCap != 0 || p2.nletters >= 2 && standsAlone(s.text, int(p2.start)) && p1.end < s.at(i).start) {
				return ctxStrong
			} else if p2 != nil && p2.end == p1.start && p2.nletters == 1 && s.text[p2.start] == 'M' && p1.end < s.at(i).start {
				return ctxMedium // French "M. Lefebvre" (Monsieur), or an initial: "t.n.v. M. Smit"
			}
		case ':', '?':
			// "Name: John", "From: Alice", "What's your last name? Boyle"
			p2 := s.at(i - 2)
			if v := s.vocab(p2); v&vNameWord != 0 {
				return ctxStrong
			} else if v&(vGreet|vRelation) != 0 {
				return ctxMedium
			}
			if p1.punct == ':' && s.nameLabelBefore(i-2) {
				return ctxStrong // "Name on booking: Wiremu Tane", "Name of the patient: …"
			}
		case ',':
			// "Dear John," is after; "Hi, John" before; "the plumber,
			// Stelios," names the one just mentioned.
			if v := s.vocab(s.at(i - 2)); v&vGreet != 0 || v&vRelation != 0 && p1.nl == 0 && s.at(i-2).shape&sLower != 0 {
				return ctxMedium
			}
		}
		return ctxNone
	}
	if p1.kind != tWord {
		return ctxNone
	}
	v := s.vocab(p1)
	switch {
	case v&vTitle != 0:
		if p1.shape&sCap != 0 || p1.nletters > 3 {
			return ctxStrong
		}
		return ctxMedium
	case v&vIntro != 0:
		return ctxStrong
	}
	// "name is", "name's", "I am", "I'm", "this is"
	if h := s.hash(p1); h == hIs || h == hWas {
		p2 := s.at(i - 2)
		if p2 != nil && s.vocab(p2)&vNameWord != 0 {
			return ctxStrong
		}
		if p2 != nil && p2.kind == tWord && (s.hash(p2) == hThis || s.hash(p2) == hIt) {
			return ctxMedium
		}
		return ctxNone
	} else if h == hAm {
		if p2 := s.at(i - 2); p2 != nil && s.hash(p2) == hI {
			return ctxMedium
		}
	} else if h == hMe {
		// "call me X", "everyone calls me X"
		if p2 := s.at(i - 2); p2 != nil && p2.kind == tWord && (s.hash(p2) == hCall || s.hash(p2) == hCalls || s.hash(p2) == hCalled) {
			return ctxStrong
		}
	} else if (h == hPtA || h == hPtO) && p1.shape&sLower != 0 {
		// Portuguese "é a Jussara", "aqui é o Thiago": is, the article, the name
		if p2 := s.at(i - 2); p2 != nil && p2.kind == tWord && p2.nl == 0 && s.hash(p2) == hPtE {
			return ctxMedium
		}
	} else if h == hIm || h == hIts || h == hItsQ || h == hIt && p1.shape&sPoss != 0 {
		return ctxMedium // "I'm Kieran", "hi angie it's Lou from the garage"
	} else if h == hName && p1.shape&sPoss != 0 {
		return ctxStrong
	}
	switch {
	case v&vGreet != 0:
		return ctxMedium
	case v&vRelation != 0:
		return ctxMedium
	case p1.shape&sLower != 0 && p1.nletters <= 4 && tagalogMarker(s.str(p1)) && s.vocab(s.at(i))&vTitle == 0 && s.flags(s.at(i))&gBigPlace == 0:
		return ctxMedium // Tagalog marks a person's name: "si Marvin", "kay Lola", "ni Marites"
	case v&vPersonPre != 0:
		if p1.shape&sLower != 0 && contactVerb(s.hash(p1)) {
			return ctxMedium // "tell Kieran the jumper fits", "cc Aroha", "ping Tayo"
		}
		return ctxWeak
	}
	return ctxNone
}

// standsAlone reports a word at text[a] that starts after a space, a line
// break or an opening bracket (or the text): not the "fr" of a domain.
func standsAlone(text string, a int) bool {
	return a == 0 || text[a-1] == ' ' || text[a-1] == '\n' || text[a-1] == '(' || text[a-1] == '"'
}

// signatureEnd reports the end of a message at text[e]: the end of the
// text, a line break, or a closing quote, after optional spaces.
func signatureEnd(text string, e int) bool {
	for e < len(text) && text[e] == ' ' {
		e++
	}
	if e >= len(text) || text[e] == '\n' || text[e] == '"' || text[e] == '\'' {
		return true
	}
	return strings.HasPrefix(text[e:], "”") || strings.HasPrefix(text[e:], "»") || strings.HasPrefix(text[e:], "」")
}

// nameInAddressAfter reports an e-mail address at text[p] whose local
// part starts with the name and a separator: "irene.sotomayor@…".
func nameInAddressAfter(text string, p int, name string) bool {
	e := p + len(name)
	if len(name) < 3 || e >= len(text) || !strings.EqualFold(text[p:e], name) {
		return false
	}
	if c := text[e]; c != '.' && c != '_' && c != '@' {
		return false
	}
	at := strings.IndexByte(text[e:min(len(text), e+64)], '@')
	return at >= 0 && !strings.ContainsAny(text[e:e+at], " \n")
}

// turkishHonorific reports the Turkish words of address written after a
// given name: Bey, Hanım, Efendi, Hoca, abi, abla.
func turkishHonorific(w string) bool {
	switch w {
	case "Bey", "bey", "Hanım", "hanım", "Hanim", "hanim", "Efendi", "efendi", "Hoca", "hoca", "Abi", "abi", "Abla", "abla":
		return true
	}
	return false
}

// honorificSuffix reports a name with a Japanese, Korean or Hindi
// honorific joined by a hyphen: "Tanaka-san", "Ji-woo-ssi", "Verma-ji".
func honorificSuffix(w string) bool {
	for _, h := range [...]string{"-san", "-sama", "-kun", "-chan", "-sensei", "-ssi", "-nim", "-ji"} {
		if len(w) > len(h)+1 && strings.EqualFold(w[len(w)-len(h):], h) {
			return true
		}
	}
	return false
}

// foreignPersonHashes are verbs of saying, asking, calling, sending,
// coming, bringing and paying in the third person, in Spanish,
// Portuguese, French, Italian, German and Dutch.
var foreignPersonHashes = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields(`dijo dice pidió llamó mandó envió viene trae paga quiere
		disse diz pediu ligou mandou achou vem traz quer começa
		dit demande appelle passe vient apporte veut
		detto chiede chiama passa porta vuole
		sagt fragt ruft kommt bringt schreibt
		zegt vraagt belt komt brengt sluit`) {
		m[hashWord(w)] = true
	}
	return m
}()

func foreignPersonVerb(h uint64) bool { return foreignPersonHashes[h] }

// articleBefore reports an article of a Romance or Germanic language
// right before token i.
func articleBefore(s *scanner, i int) bool {
	p := s.at(i - 1)
	if p == nil || p.kind != tWord || p.nl > 0 {
		return false
	}
	w := s.str(p)
	for _, a := range [...]string{"el", "la", "le", "lo", "los", "las", "les", "il", "o", "os", "a", "as", "der", "die",
		"das", "den", "dem", "de", "het", "een", "un", "una", "une", "um", "uma", "the"} {
		if strings.EqualFold(w, a) {
			return true
		}
	}
	return false
}

// relationAfter reports what people write after a person's name: "(me)",
// "(my sister)", "(Isla's dad)", "and I", "and me", ", my neighbour",
// "is my brother". k is the token after the name.
func (s *scanner) relationAfter(k int) bool {
	nx := s.at(k)
	if nx == nil || nx.nl > 0 {
		return false
	}
	a, b := s.at(k+1), s.at(k+2)
	word := func(t *token) bool { return t != nil && t.kind == tWord && t.nl == 0 }
	switch {
	case isPunct(nx, '('):
		if word(a) && (s.hash(a) == hMe || s.hash(a) == hMy && word(b) && s.vocab(b)&vRelation != 0 || s.vocab(a)&vRelation != 0 && isPunct(b, ')')) {
			return true
		}
	case s.isAnd(nx) && nx.kind == tWord:
		if word(a) && (s.hash(a) == hI || s.hash(a) == hMe) && (b == nil || b.kind != tWord || b.shape&sLower != 0) {
			return true
		}
	case isPunct(nx, ','):
		if word(a) && s.hash(a) == hMy && word(b) && s.vocab(b)&vRelation != 0 && b.shape&sLower != 0 {
			return true
		}
	case word(nx) && s.hash(nx) == hIs:
		if word(a) && s.hash(a) == hMy && word(b) && s.vocab(b)&vRelation != 0 && b.shape&sLower != 0 {
			return true
		}
	}
	return false
}

// meAndBefore reports "me and" (or "my wife and") right before token i:
// "me and Sarah went", "my husband and Andrius".
func (s *scanner) meAndBefore(i int) bool {
	p1, p2 := s.at(i-1), s.at(i-2)
	return p1 != nil && p1.kind == tWord && p1.nl == 0 && s.hash(p1) == hAnd && p2 != nil && p2.kind == tWord && p2.nl == 0 && s.hash(p2) == hMe
}

// petNoun reports the words for pets in several languages, before a
// pet's name.
func petNoun(w string) bool {
	switch w {
	case "dog", "cat", "puppy", "kitten", "pup", "hamster", "parrot", "pony", "horse", "rabbit", "bunny", "goldfish",
		"hond", "kat", "poes", "chien", "chienne", "chat", "chaton", "perro", "perra", "perrito", "gato", "gata", "gatito",
		"cane", "cagnolino", "gatto", "gattino", "hund", "katze", "kater", "pies", "kot", "cachorro", "cachorra":
		return true
	}
	return false
}

// tagalogMarker reports the Tagalog articles of personal names (si,
// ni, kay and their plurals).
func tagalogMarker(w string) bool {
	switch w {
	case "si", "ni", "kay", "sina", "nina", "kina":
		return true
	}
	return false
}

// vietKinWord reports the Vietnamese kin words, pronouns and
// exclamations said before "ơi" that are no name.
func vietKinWord(w string) bool {
	for _, k := range vietKin {
		if strings.EqualFold(w, k) {
			return true
		}
	}
	return false
}

var vietKin = strings.Fields(`trời chúa mẹ ba bố anh em chị con cô chú bác ông bà má cha bạn dì dượng cậu mợ
	thím ơi nội ngoại cháu các mọi người bé`)

var hPtA, hPtO, hPtE = hashWord("a"), hashWord("o"), hashWord("é")

// contactHashes are verbs whose object is a person one contacts: "tell
// Kieran", "ask Glenys", "ping Tayo", "cc Aroha", "remind Ionuț".
var contactHashes = func() (h [14]uint64) {
	for k, w := range strings.Fields("tell told ask asked ping pinged text texted remind reminded message messaged cc dm") {
		h[k] = hashWord(w)
	}
	return
}()

func contactVerb(h uint64) bool {
	for _, x := range contactHashes {
		if x == h {
			return true
		}
	}
	return false
}

// conjHashes join two people in a list in several languages: and, und,
// et, y, e, i, och, og, en, ve, és, oraz.
var conjHashes = func() (h [12]uint64) {
	for k, w := range strings.Fields("and und et y e i och og en ve és oraz") {
		h[k] = hashWord(w)
	}
	return
}()

// pairedWithGiven reports the single word [i, last) joined by "&" or a
// conjunction to a capitalised given name that is no English
// word or proper noun: "Ionuț and Florin", "Euan and Kirsty Fairbairn",
// "Mathis et Léa".
func (s *scanner) pairedWithGiven(i, last int) bool {
	join := func(t *token) bool {
		if t == nil || t.nl > 0 {
			return false
		}
		if t.kind == tPunct {
			return t.punct == '&' // not a comma: "Cordialement, Élodie", "Kariakoo, Dar es Salaam"
		}
		if t.kind != tWord || t.shape&sLower == 0 {
			return false
		}
		h := s.hash(t)
		for _, x := range conjHashes {
			if x == h {
				return true
			}
		}
		return false
	}
	given := func(k int) bool {
		w := s.at(k)
		if !s.isCapWord(w) || w.shape&sAllCaps != 0 || s.flags(w)&(gFirst|gGiven) == 0 || s.flags(w)&(gAnyWord|gProper|gBigPlace) != 0 {
			return false
		}
		// a surname may follow it ("Kirsty Fairbairn"), not a word
		// ("Paddy Power", a bookmaker)
		nx := s.at(k + 1)
		return !s.isCapWord(nx) || s.flags(nx)&(gSurname|gName) != 0 && s.flags(nx)&gAnyWord == 0
	}
	return join(s.at(i-1)) && given(i-2) || join(s.at(last)) && given(last+1)
}

// appositiveOpener reports an article or a possessive at the start of
// rest, which opens a description of the word before the comma.
func appositiveOpener(rest string) bool {
	for _, w := range [...]string{"my ", "our ", "the ", "a ", "an ", "its ", "his ", "her ", "their ", "where ", "which ",
		"la ", "el ", "le ", "les ", "los ", "las ", "die ", "der ", "das ", "il ", "lo ", "ma ", "mon ", "mi ", "mein ",
		"meine ", "unsere ", "notre ", "nuestra ", "nuestro ", "la nostra ", "a nossa ", "nossa ", "onde ", "donde ", "wo "} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// vocativeAt reports a capitalised word that opens a line or a message
// and is followed by a comma and a lower-case word: who the message
// speaks to ("Zé, o técnico vem amanhã"; not "Bodrum, Turkey").
func (s *scanner) vocativeAt(i int) bool {
	t := s.at(i)
	if t == nil || t.kind != tWord || t.shape&sCap == 0 {
		return false
	}
	if p := s.at(i - 1); p != nil && t.nl == 0 && !(p.kind == tPunct && p.punct == ':' && s.at(i-2) != nil && s.at(i-2).nl > 0) {
		return false // not at a line start, nor after a speaker label
	}
	// ", " and two lower-case words, read from the bytes (tokenising
	// ahead would stop the scanner from skipping)
	text, p := s.text, int(t.end)
	if p+2 >= len(text) || text[p] != ',' || text[p+1] != ' ' {
		return false
	}
	p += 2
	// A country, state or big city before an article or a possessive is
	// described, not spoken to: "Paris, my favourite city", "Berlin, the
	// capital".
	if s.flags(t)&gBigPlace != 0 && appositiveOpener(text[p:]) {
		return false
	}
	for k := 0; k < 2; k++ {
		if p >= len(text) || text[p] < 'a' || text[p] > 'z' {
			return false
		}
		for p < len(text) && (text[p] >= 'a' && text[p] <= 'z' || text[p] >= 0x80) {
			p++
		}
		if k == 0 {
			if p >= len(text) || text[p] != ' ' {
				return false
			}
			p++
		}
	}
	w := s.str(t)
	if strings.ContainsAny(w, "'’") {
		return false // "C'mon, sing it with me"
	}
	if w[0] >= 0x80 && w[0] < 0xC3 || w[0] > 0xC5 {
		// not a Latin letter: only a listed name ("Γιώργο, στείλε"; not
		// "Привіт, це …", "Посоветуй, что …")
		if !givenName(s.gaz, w) {
			return false
		}
	}
	return true
}

// nameLabelBefore reports a label that starts with the word Name and
// ends at token k, a colon after it: "Name on booking", "Name of the
// patient", "Name (as on passport)" (at most four more words, on one
// line).
func (s *scanner) nameLabelBefore(k int) bool {
	for j := k; j >= k-5 && j >= 0; j-- {
		t := s.at(j)
		if t == nil {
			return false
		}
		if t.kind == tWord && s.vocab(t)&vNameWord != 0 && t.shape&sCap != 0 {
			return j < k
		}
		if t.nl > 0 || t.kind == tNum || t.kind == tWord && !personLabelWords[s.hash(t)] {
			return false // "Name of the street: Baker"
		}
	}
	return false
}

// personLabelWords may stand between Name and the colon of a label that
// names a person.
var personLabelWords = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields(`of on for the a in as per full legal your his her their booking
		reservation account holder card cardholder patient applicant employee guest passenger client
		customer tenant contact child student member person recipient sender beneficiary signatory
		passport id signer buyer seller driver owner parent guardian`) {
		m[hashWord(w)] = true
	}
	return m
}()

var (
	hIs     = hashWord("is")
	hWas    = hashWord("was")
	hThis   = hashWord("this")
	hIt     = hashWord("it")
	hAm     = hashWord("am")
	hI      = hashWord("i")
	hIm     = hashWord("i'm")
	hName   = hashWord("name")
	hMy     = hashWord("my")
	hMe     = hashWord("me")
	hCall   = hashWord("call")
	hCalls  = hashWord("calls")
	hCalled = hashWord("called")
)

// lowerNameTrigger reports whether token i ends a phrase after which a
// lower-case name is plausible: "my name is", "I am", "call me", "dear".
func (s *scanner) lowerNameTrigger(i int) bool {
	t := s.at(i)
	if isPunct(t, ':') {
		return s.vocab(s.at(i-1))&vNameWord != 0
	}
	if t == nil || t.kind != tWord || t.nletters > 10 {
		return false
	}
	// cheap filter before hashing (the scan's own, maybeTrigger): is, me,
	// mr, name's, named, called, call, aka, alias, mister, caller, patient;
	// and kin and friends (maybeKin)
	w := s.text[t.start:t.end]
	if maybeKin(w) && kinWords[s.hash(t)] {
		return true // "my daughter kayla", "my friend lou"
	}
	if !maybeTrigger(w) || t.nletters > 9 {
		return false
	}
	h := s.hash(t)
	if h == hIs {
		// "my name is", and on a call "this is trevor"
		p := s.at(i - 1)
		return p != nil && (s.vocab(p)&vNameWord != 0 || p.kind == tWord && s.hash(p) == hThis && chatStart(s.text))
	}
	if h == hIts || h == hItsQ {
		// "hi its dean walsh": a lower-case chat opening
		return i <= 3 && chatStart(s.text)
	}
	if h == hMister || h == hCaller || h == hPatient {
		return true // "thank you mister abernathy", "caller mohammed aziz"
	}
	if h == hName && t.shape&sPoss != 0 {
		return true
	}
	if h == hMe {
		p := s.at(i - 1)
		return p != nil && p.kind == tWord && (s.hash(p) == hCall || s.hash(p) == hCalls || s.hash(p) == hCalled)
	}
	if h == hMr || h == hMrs || h == hMs || h == hMiss || h == hDr {
		return true // "please call mrs patel"
	}
	return s.vocab(t)&vIntro != 0
}

// kinList are kin and friends before a lower-case given name: "my
// daughter kayla", "tell my friend lou". The name after one must still be
// a listed name and no English word (lowerPerson).
const kinList = `son sis bro kid wife aunt baby mate niece uncle sister friend cousin nephew auntie
	granny brother husband grandma grandpa partner daughter neighbor roommate flatmate neighbour
	colleague boyfriend girlfriend`

// kinWords hashes kinList; kinPrefixes holds the first two letters of its
// words, the byte filter maybeKin applies before hashing.
var kinWords, kinPrefixes = func() (map[uint64]bool, []uint16) {
	m := map[uint64]bool{}
	var pre []uint16
	for _, w := range strings.Fields(kinList) {
		m[hashWord(w)] = true
		if p := uint16(w[0])<<8 | uint16(w[1]); !slices.Contains(pre, p) {
			pre = append(pre, p)
		}
	}
	return m, pre
}()

// maybeKin is the byte filter before kinWords: a word of 3 to 10 bytes
// whose first two letters start one of them.
func maybeKin(w string) bool {
	if len(w) < 3 || len(w) > 10 {
		return false
	}
	return slices.Contains(kinPrefixes, uint16(lowerASCII[w[0]])<<8|uint16(lowerASCII[w[1]]))
}

var (
	hIts     = hashWord("its")
	hItsQ    = hashWord("it's")
	hMister  = hashWord("mister")
	hCaller  = hashWord("caller")
	hPatient = hashWord("patient")
)

// afterTitle reports a title (mr, mrs, ms, miss, dr, mister) at token i:
// the lower-case word after it is a surname even when no list has it.
func (s *scanner) afterTitle(i int) bool {
	t := s.at(i)
	if t == nil || t.kind != tWord {
		return false
	}
	switch s.hash(t) {
	case hMr, hMrs, hMs, hMiss, hDr, hMister:
		return true
	}
	return false
}

var (
	hMr   = hashWord("mr")
	hMrs  = hashWord("mrs")
	hMs   = hashWord("ms")
	hMiss = hashWord("miss")
	hDr   = hashWord("dr")
)

// chatCue reports whether the tokens 0..k open the text with lower-case
// chat words only ("hey its", "thx", "congrats"), so that a lower-case
// name may follow at k+1.
func (s *scanner) chatCue(k int) bool {
	if k < 0 || k > 2 {
		return false
	}
	for j := 0; j <= k; j++ {
		t := s.at(j)
		if t == nil || t.kind != tWord || t.shape&sLower == 0 || t.nl > 0 || s.vocab(t)&vChat == 0 {
			return false
		}
		if j == 0 && !chatStart(s.text[:t.end]) {
			return false
		}
	}
	return true
}

// soloFunctionWord reports the articles, conjunctions and verbs of
// other languages that begin sentences and are also listed as names, but
// never make a name on their own (Vietnamese "Xin chào",
// Malay "Sila" please).
func soloFunctionWord(w string) bool {
	for _, f := range [...]string{"el", "le", "si", "ta", "está", "esta", "es", "su", "sus", "já", "ev", "xin", "sila"} {
		if strings.EqualFold(w, f) {
			return true
		}
	}
	return false
}

// saintBefore reports "St.", "Saint", "San", "Santa", "São", "Sankt" …
// right before token i: the name that follows is a church's, a
// hospital's or a town's.
func (s *scanner) saintBefore(i int) bool {
	p := s.at(i - 1)
	if p != nil && p.kind == tPunct && p.punct == '.' {
		p = s.at(i - 2)
	}
	if p == nil || p.kind != tWord || p.nl != 0 {
		return false
	}
	switch s.str(p) {
	case "St", "Saint", "Sainte", "Ste", "San", "Santa", "Santo", "São", "Sankt", "Sant", "Sint":
		return true
	}
	return false
}

// germanGreeting reports the last word of a German sign-off ("Mit
// freundlichen Grüßen"), which a name follows: the names lists know
// few German given names (Jürgen), so the sign-off vouches for it.
func germanGreeting(w string) bool {
	switch w {
	case "Grüßen", "Grüssen", "Grüße", "Grüsse", "Gruß", "Gruss":
		return true
	}
	return false
}

// placeholderNames are the stand-in names of forms and documentation
// (Max Mustermann, Joe Bloggs …): whoever writes one means no one. Stand-ins
// that are also common real names are not listed (John Smith, Mario
// Rossi, Jan Kowalski, Jean Dupont, 山田太郎, Иван Иванов), nor are John
// and Jane Doe, which stand for a real but unnamed person in court papers
// and for a customer in many examples, this project's SDK contract suite
// among them: redacting a stand-in costs little, missing a person costs
// more.
var placeholderNames = map[string]bool{
	"john q. public": true, "richard roe": true, "joe bloggs": true, "fred bloggs": true,
	"max mustermann": true, "erika mustermann": true, "otto normalverbraucher": true,
	"fulano de tal": true,
}

// placeholderName reports a stand-in name (placeholderNames), in any
// ASCII case. It allocates nothing.
func placeholderName(s string) bool {
	var b [40]byte
	if len(s) > len(b) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return placeholderNames[string(b[:len(s)])]
}

// afterVietnameseCounter reports a capitalised word after "thứ" (a
// weekday: "thứ Hai") or "tiếng" (a language: "tiếng Anh").
func (s *scanner) afterVietnameseCounter(i int) bool {
	p := s.at(i - 1)
	if p == nil || p.kind != tWord || p.nl != 0 {
		return false
	}
	w := s.str(p)
	return w == "thứ" || w == "Thứ" || w == "tiếng" || w == "Tiếng"
}

// postcodeBefore reports whether token i follows a four- or five-digit
// number on the same line, after a space, that is not a year: a
// postcode, so the word is a town ("1070 Wien"), not a person.
func (s *scanner) postcodeBefore(i int) bool {
	p := s.at(i - 1)
	t := s.at(i)
	if p == nil || t == nil || p.kind != tNum || t.nl != 0 || p.shape&sNumAlpha != 0 || p.end >= t.start {
		return false
	}
	n := s.text[p.start:p.end]
	if len(n) == 8 && n[4] == '-' || len(n) == 6 && n[2] == '-' {
		return true // Portugal "1200-384 Lisboa", Poland "00-950 Warszawa" (as one number)
	}
	if q := s.at(i - 2); q != nil && q.end == p.start || q != nil && q.kind == tNum && q.end+1 == p.start && s.text[q.end] == ' ' {
		// the same, split: "1200-384", and two groups: "602 00 Brno", "114 55 Stockholm"
		if q.kind == tPunct && q.punct == '-' && len(n) == 3 {
			if r := s.at(i - 3); r != nil && r.kind == tNum && r.end == q.start && (r.end-r.start == 4 || r.end-r.start == 2) {
				return true
			}
		}
		if q.kind == tNum && len(n) == 2 && q.end-q.start == 3 && q.end+1 == p.start {
			return true
		}
	}
	// four digits that read as a year ("In 2019 Maria moved") are no postcode
	return len(n) == 5 || len(n) == 4 && !strings.HasPrefix(n, "19") && !strings.HasPrefix(n, "20")
}

// chatPerson matches a lower-case name after a chat opener: "hey its
// ahmed", "thx sneha". Stricter than lowerPerson, since nothing but the
// opener announces it: one or two words, each a listed name and neither
// an English word nor a large place.
func (d *Detector) chatPerson(s *scanner, i int) span {
	j := i
	for ; j < i+2; j++ {
		t := s.at(j)
		if t == nil || t.kind != tWord || t.shape&sLower == 0 || (j > i && t.nl > 0) {
			break
		}
		f := s.flags(t)
		if f&gAnyName == 0 || f&(gAnyWord|gDict|gBigPlace) != 0 || s.vocab(t)&(vNotName|vChat|vGenericVerb) != 0 {
			break
		}
	}
	if j == i {
		return span{}
	}
	return span{i, j, 0.6}
}

// lowerPerson matches a lower-case name after a trigger: "my name is eva
// kleist". Every word must be in a name list and not a common word.
func (d *Detector) lowerPerson(s *scanner, i int, afterTitle bool) span {
	j := i
	for ; j < i+3; j++ {
		t := s.at(j)
		if t == nil || t.kind != tWord || (j > i && t.nl > 0) {
			break
		}
		f := s.flags(t)
		if j == i && afterTitle && f&(gAnyWord|gDict|gAnyPlace) == 0 && s.vocab(t) == 0 && t.nletters >= 3 {
			// "mr tembo": after a title, a word no list knows is a surname
			if t.shape&sPoss != 0 {
				j++
				break
			}
			continue
		}
		if f&gAnyName == 0 || f&gCommon != 0 || s.vocab(t)&vNotName != 0 {
			break
		}
		// after the first word, a surname that is also a dictionary word
		// must be a frequent one ("dean walsh", "delores king"; not
		// "kerry how")
		if j > i && (f&gDict != 0 && f&gLast == 0 || t.nletters < 3) {
			break
		}
		if t.shape&sPoss != 0 {
			j++
			break
		}
	}
	if j == i {
		return span{}
	}
	return span{i, j, 0.7}
}

// personAt matches a person name starting at capitalised word i.
func (d *Detector) personAt(s *scanner, i int) span {
	t0 := s.at(i)
	if t0.nletters < 2 && t0.shape&sDotAfter == 0 { // lone capital letter
		return span{}
	}
	if pe, _ := s.placeAt(i); pe > i+1 {
		return span{} // "Villafranca del Cid", "New York"
	}
	if s.vocab(t0)&vTitle != 0 && s.isCapWord(s.at(s.dotAfter(i))) {
		return span{} // "Mayor Rudy Giuliani": the name starts after the title
	}
	if p := s.at(i - 1); turkishHonorific(s.str(t0)) && s.isCapWord(p) && t0.nl == 0 {
		return span{} // the "Bey" of "Serdar Bey"
	}
	if s.vocab(t0)&vRelation != 0 && s.isCapWord(s.at(i+1)) && s.flags(t0)&gGiven == 0 {
		return span{} // German nouns: "den Installateur Gruber", "die Nachbarin Frau Öztürk": the name follows the role
	}
	var idx [6]int // name tokens (not particles or initials)
	n := 0
	j := i
	last := i // one past the last name word
	org := false
	for j < i+8 && n < len(idx) {
		t := s.at(j)
		if t == nil {
			break
		}
		if j > i {
			if t.nl > 0 {
				break
			}
			if p := s.at(j - 1); p != nil && p.shape&(sPoss|sCaseSuffix) != 0 {
				break
			}
		}
		if t.kind != tWord {
			break
		}
		v := s.vocab(t)
		if t.shape&sCap != 0 {
			if j > i && (v&vTitle != 0 && t.shape&sDotAfter != 0) {
				break
			}
			if v&vOrg != 0 && !(t.nletters <= 3 && t.shape&sAllCaps == 0 && s.flags(t)&gGiven != 0) || j > i && v&vStreetHard != 0 {
				// (a short firm suffix that is also a given name in
				// mixed case is the name: "Åsa Lindqvist", not "ASA")
				org = true
				break
			}
			if j > i && v&vUnit != 0 {
				break // "Mrs. Barbara Yudina Apt. 675"
			}
			if j > i && n > 0 && turkishHonorific(s.str(t)) {
				break // "Serdar Bey", "Ayşe Hanım": the honorific follows the name
			}
			if j > i && v&vNameSuffix != 0 && n > 0 {
				j = s.dotAfter(j) // "Kevin Veitonen II", "John Smith Jr."
				last = j
				break
			}
			if j > i && t.shape&sAllCaps != 0 && t.nletters <= 4 && romanNumeral(s.str(t)) {
				// "King Edward VII Hospital", "the Alfonso XII entrance": a
				// monarch's name on a building is no person
				if nx := s.at(j + 1); nx != nil && nx.nl == 0 && nx.kind == tWord && (nx.shape&sCap != 0 && s.vocab(nx)&vOrg != 0 || nx.shape&sLower != 0 && s.vocab(nx)&vThing != 0) {
					org = true
				}
				break
			}
			if j > i && t.shape&sAllCaps != 0 && t.nletters <= 3 {
				break
			}
			if n >= 2 && t.shape&sAllCaps != 0 && t.nletters <= 6 && t0.shape&sAllCaps == 0 && s.flags(t)&gAnyName == 0 {
				break // letters after a name: "Erin Matheson MRCVS", "Ama Owusu FRCS"
			}
			if j > i && v&vSuffix != 0 && s.flags(t)&gSurname == 0 {
				org = true // "Baker Street": a place, not a person
				break
			}
			if t.nletters == 1 { // initial, maybe with a period
				j++
				if nx := s.at(j); nx != nil && nx.kind == tPunct && nx.punct == '.' && nx.start == t.end {
					j++
				}
				continue
			}
			if j > i && v&vNotName != 0 {
				break
			}
			idx[n] = j
			n++
			j++
			last = j
			continue
		}
		// lower-case particle between capitalised words: "van der", "de la"
		if v&vParticle != 0 && n > 0 {
			nx := s.at(j + 1)
			if nx != nil && nx.kind == tWord && nx.nl == 0 && (nx.shape&sCap != 0 || s.vocab(nx)&vParticle != 0) {
				j++
				continue
			}
		}
		break
	}
	if n == 0 || org || s.orgAround(i, last, n) {
		return span{}
	}
	ctx := s.personContext(i)
	if s.namedThing(i, last, idx[:n], ctx) {
		return span{i, last, skipThing} // skip the whole phrase: "Calvin Klein", not "Klein"
	}
	if n == 1 && ctx < ctxStrong {
		if p := s.at(i - 1); p != nil && p.kind == tWord && p.shape&sLower != 0 && p.nl == 0 && petNoun(s.str(p)) {
			return span{i, last, skipThing} // a pet: "my dog Max", "de hond Roos", "notre chat Félix"
		}
	}
	if n == 1 && last == i+1 {
		// "the Marriott was full", "a Ford.": one word after an article,
		// as the head of its phrase, names a thing, not a person; "the
		// Christiansen novel" (a noun follows) still may.
		if p := s.at(i - 1); p != nil && p.kind == tWord && p.shape&sLower != 0 && p.nl == 0 && s.vocab(p)&vDeterminer != 0 && ctx < ctxMedium {
			nx := s.at(last)
			if isPunct(nx, '(') && nameInAddressAfter(s.text, int(nx.end), s.str(t0)) {
				// "a Irene (irene.sotomayor@…)": the e-mail address names her
			} else if nx == nil || nx.nl > 0 || nx.kind == tPunct || nx.kind == tWord && nx.shape&sLower != 0 && s.vocab(nx)&(vPostVerb|vGenericVerb) != 0 {
				return span{}
			}
		}
		// "Olá, sou a Ana", "Bonjour!": a greeting, not a name.
		if nx := s.at(last); s.vocab(t0)&vGreet != 0 && (isPunct(nx, ',') || isPunct(nx, '!')) {
			return span{}
		}
	}
	score := d.nameEvidence(s, idx[:n], ctx)
	if score <= 0 {
		return span{}
	}
	if n >= 2 && last-i > n && score < 0.6 && s.flags(t0)&gAnyName != 0 && s.particleIn(i, last) {
		score = 0.6 // "Bram de Vries", "Joost van der Linden": a name, a particle, a surname
	}
	lt := s.at(last - 1)
	nx := s.at(last)
	if ctx < ctxMedium && s.relationAfter(last) {
		ctx = ctxMedium // "Matt (me) asked", "Thomas and I arrive", "Rosa, my neighbour,", "Femi is my brother"
	} else if ctx < ctxMedium && s.meAndBefore(i) {
		ctx = ctxMedium // "me and Sarah went"
	}
	if n == 1 && isPunct(nx, '(') && nameInAddressAfter(s.text, int(nx.end), s.str(t0)) {
		ctx = ctxStrong // "Irene (irene.sotomayor@gmail.com)", "Tayo (tayo.bakare@…)"
	} else if n <= 2 && nx != nil && nx.kind == tWord && nx.nl == 0 && nx.shape&sLower != 0 && (s.str(nx) == "ji" || s.str(nx) == "jee") && s.flags(lt)&(gAnyWord|gProper|gBigPlace) == 0 {
		ctx = ctxStrong // Hindi honorific: "Verma ji ka address", "Sharma ji"
	} else if n <= 2 && nx != nil && nx.kind == tWord && nx.nl == 0 && turkishHonorific(s.str(nx)) && s.flags(lt)&(gAnyWord|gProper|gBigPlace) == 0 {
		ctx = ctxStrong // Turkish honorific after the name: "Serdar Bey", "Ayşe Hanım", "Cengiz abi"
	} else if n <= 3 && honorificSuffix(s.str(lt)) && !isPunct(nx, ':') { // (a label: the label pass trims the honorific)
		ctx = ctxStrong // "Tanaka-san will send", "Ji-woo-ssi", "Verma-ji"
	}
	switch {
	case lt.shape&sPoss != 0:
		if nx != nil && nx.kind == tWord && s.vocab(nx)&vPossNoun != 0 {
			score += 0.2 // "Matej's address"
		} else {
			score += 0.05
		}
	case nx != nil && nx.kind == tWord && nx.nl == 0 && s.vocab(nx)&vPostVerb != 0 && nx.shape&sLower != 0:
		score += 0.05
		if n == 1 && score < 0.5 && s.flags(t0)&(gAnyWord|gProper|gAnyPlace) == 0 && t0.shape&sAllCaps == 0 && s.vocab(nx)&vGenericVerb == 0 {
			score = 0.5 // "Shovda is very reliable"
		}
	case n == 1 && nx != nil && nx.kind == tWord && nx.nl == 0 && nx.shape&sLower != 0 && t0.shape&(sSentence|sAllCaps) == 0 && foreignPersonVerb(s.hash(nx)):
		// a verb people do, in Spanish, Portuguese, French, Italian, German
		// or Dutch, after a name mid-sentence: "y Facu pidió", "o motorista
		// Cleberson achou", "en Wouter sluit aan"
		if score < 0.5 && s.flags(t0)&(gAnyWord|gProper|gAnyPlace) == 0 && !articleBefore(s, i) {
			score = 0.5 // (not after an article: "el Banco dice", "la Policía viene")
		}
	case isPunct(nx, ':') && nx.start == lt.end && t0.shape&sSentence != 0 && n <= 3 && (n > 1 || s.flags(t0)&gAnyName != 0):
		// a one-word label must be a listed name: "Nicole: Remember me", not "Attendees: Lars"
		// what is said starts with a capital or a quote: "Nicole: Remember me", not "Adres: ul."
		said := s.at(last + 1)
		if p := s.at(i - 1); (p == nil || t0.nl > 0) && said != nil && said.nl == 0 && (said.shape&sCap != 0 || said.kind == tPunct && (said.punct == '"' || said.punct == '“')) {
			if ctx < ctxMedium {
				ctx = ctxMedium // a speaker: "Nicole: Remember me"
			}
		}
	case n <= 3 && nx != nil && nx.kind == tWord && nx.nl == 0 && s.str(nx) == "ơi" && !vietKinWord(s.str(t0)):
		ctx = ctxStrong // Vietnamese vocative: "Bin ơi", "Khoa ơi"; not "Trời ơi", "Mẹ ơi"
	case (isPunct(nx, '?') || isPunct(nx, '!')) && isPunct(s.at(i-1), ','):
		if ctx < ctxMedium {
			ctx = ctxMedium // "Remember me, Mary?"
		}
	}
	if n == 1 && s.flags(t0)&gDict != 0 && t0.shape&sSentence != 0 && ctx < ctxMedium {
		// "Grant access", "Bill me later", but "Roger has 5 balls"
		if !(nx != nil && nx.kind == tWord && nx.shape&sLower != 0 && s.vocab(nx)&vPostVerb != 0) {
			score = min(score, 0.4)
		}
	}
	if n == 1 && isPunct(nx, ',') && s.flags(t0)&gSurname != 0 {
		if g := s.at(last + 1); s.isCapWord(g) && s.flags(g)&gGiven != 0 && !s.isAnd(s.at(last+2)) && !isPunct(s.at(last+2), ',') {
			score += 0.15 // "Smith, John": surname first
		}
	}
	if n == 1 && t0.nletters == 1 && t0.shape&sDotAfter != 0 && score < 0.6 && int(t0.end)+1 < int(s.at(idx[0]).start) && standsAlone(s.text, int(t0.start)) {
		// an initial and a surname: "J. Mensah", "t.n.v. M. Smit", "M.
		// Lefebvre passe demain"
		if f := s.flags(s.at(idx[0])); f&(gSurname|gName) != 0 && f&(gAnyWord|gProper|gBigPlace|gCity) == 0 {
			score = 0.6
		}
	}
	if n == 1 && s.inNameList(i, last) {
		score += 0.1 // "Matheus, Janet, Nicholas and Terri"
	}
	if n == 1 && score < 0.5 && t0.shape&sAllCaps == 0 && s.flags(t0)&(gLast|gAnyWord|gProper|gCountry|gState|gRegion|gCityBig|gCity) == 0 && !t0sentenceFunction(s, t0) && s.pairedWithGiven(i, last) {
		score = 0.5 // "Ionuț and Florin", "Euan and Kirsty Fairbairn": a name no list knows beside one
	}
	if n == 1 && s.locContext(i) > 0 && s.flags(t0)&gGiven == 0 && (s.flags(t0)&gFirst == 0 || s.flags(t0)&(gAnyPlace|gLast) != 0) {
		score -= 0.15 // "flew to Coles", "returned to Feliciano"
	}
	switch ctx {
	case ctxStrong:
		score = max(score, 0.85)
	case ctxMedium:
		score += 0.15
		if isPunct(nx, ',') && lt.shape&sPoss == 0 {
			score += 0.1 // "Hi Vinicio, ..."
		}
	case ctxWeak:
		score += 0.05
	}
	if score > 0.95 {
		score = 0.95
	}
	return span{i, last, score}
}

// t0sentenceFunction reports a word of the sentence that is never a
// name alone (soloFunctionWord) or a greeting.
func t0sentenceFunction(s *scanner, t *token) bool {
	return soloFunctionWord(s.str(t)) || s.vocab(t)&(vGreet|vChat|vDeterminer|vCalendar|vNotName|vOrg|vBrand|vThing|vHoliday|vTitle) != 0
}

// particleIn reports a lower-case name particle (van, de, der …) among
// tokens i to last.
func (s *scanner) particleIn(i, last int) bool {
	for j := i + 1; j < last; j++ {
		if t := s.at(j); t != nil && t.kind == tWord && t.shape&sLower != 0 && s.vocab(t)&vParticle != 0 {
			return true
		}
	}
	return false
}

// skipThing is the score of a span that names a thing: the scan skips it.
const skipThing = -1

var hAnd = hashWord("and")

func (s *scanner) isAnd(t *token) bool {
	return t != nil && (t.kind == tPunct && t.punct == '&' || t.kind == tWord && s.hash(t) == hAnd)
}

func (s *scanner) isCapWord(t *token) bool {
	return t != nil && t.kind == tWord && t.shape&sCap != 0 && t.nl == 0
}

// orgAround spots firm names around the name words [i, last): "Thomas
// and Sons", "at Davis, Reynolds and Williamson", "the Clark, Romero and
// Hall Orchestra" (surnames listed as a firm, introduced as one).
func (s *scanner) orgAround(i, last, n int) bool {
	nx := s.at(last)
	if s.isAnd(nx) {
		if w := s.at(last + 1); s.isCapWord(w) && s.vocab(w)&vOrg != 0 {
			return true
		}
	}
	if n != 1 || last != i+1 || s.flags(s.at(i))&gGiven != 0 {
		return false
	}
	notGiven := func(k int) bool { w := s.at(k); return s.isCapWord(w) && s.flags(w)&gGiven == 0 }
	// the list "A , B and C" around i: find where it starts and ends
	first := -1
	switch {
	case isPunct(nx, ',') && notGiven(i+2) && s.isAnd(s.at(i+3)) && notGiven(i+4):
		first = i
	case isPunct(s.at(i-1), ',') && s.isAnd(nx) && notGiven(i-2) && notGiven(i+2):
		first = i - 2
	case s.isAnd(s.at(i-1)) && notGiven(i-2) && isPunct(s.at(i-3), ',') && notGiven(i-4):
		first = i - 4
	}
	if first < 0 {
		return false
	}
	if b := s.at(first - 1); b != nil && b.kind == tWord && s.vocab(b)&vFirmPre != 0 {
		return true
	}
	if a := s.at(first + 5); s.isCapWord(a) && s.vocab(a)&vOrg != 0 {
		return true
	}
	if a, b := s.at(first+5), s.at(first+6); a != nil && a.kind == tWord && s.hash(a) == hIs && b != nil && b.kind == tWord && (s.hash(b) == hA || s.hash(b) == hAn) {
		return true // "Lopez, Santos and Coleman is a design agency"
	}
	return false
}

var (
	hA  = hashWord("a")
	hAn = hashWord("an")
)

// nameEvidence scores capitalised words as a person name from the lists
// alone; 0 means "not a name".
func (d *Detector) nameEvidence(s *scanner, idx []int, ctx int) float64 {
	type feat struct {
		f                       uint32
		given, first, sur, name bool
		word, common, proper    bool
		place, bigPlace         bool
		unknown, shape          bool
		notName, sentence, caps bool
		hyphen                  bool
	}
	var fs [6]feat
	for k, j := range idx {
		t := s.at(j)
		f := s.flags(t)
		if f == 0 && t.shape&sHyphen != 0 && t.h1 != t.h {
			f = s.gaz.get(t.h1) &^ (gMWStart | gMW2 | gMW3 | gMW4)
		}
		ft := feat{f: f}
		ft.first = f&gFirst != 0
		ft.sur = f&gSurname != 0
		ft.given = f&gGiven != 0 || ft.first && f&gLast == 0
		ft.name = f&gAnyName != 0
		ft.word = f&gAnyWord != 0
		ft.common = f&gCommon != 0
		ft.proper = f&gProper != 0
		ft.place = f&gAnyPlace != 0
		ft.bigPlace = f&gBigPlace != 0
		ft.notName = s.vocab(t)&vNotName != 0
		ft.sentence = t.shape&sSentence != 0
		ft.caps = t.shape&sAllCaps != 0
		ft.hyphen = t.shape&sHyphen != 0
		ft.unknown = f&(gAnyName|gAnyWord|gProper|gAnyPlace) == 0
		ft.shape = t.shape&sInnerCap != 0 && !ft.caps && namePrefix(s.str(t)) || ft.unknown && hasSurnameEnding(s.str(t))
		if t.shape&sInnerCap != 0 && !ft.caps && !ft.name && !ft.shape && !(ft.hyphen && capsAfterHyphens(s.str(t))) {
			return 0 // camelCase: "PowerBI", "DJing", "PersonX"; not "Whitcombe-Hale"
		}
		if ft.caps && (t.nletters <= 3 || t.nletters <= 5 && !ft.name) {
			return 0 // acronym
		}
		fs[k] = ft
	}
	f0 := fs[0]
	if s.saintBefore(idx[0]) {
		return 0 // "St. Luke's", "chiesa di San Domenico": a saint's name is a place's
	}
	if len(idx) == 1 {
		score := 0.0
		switch {
		case f0.notName:
			return 0
		case f0.sentence && ctx < ctxStrong && soloFunctionWord(s.str(s.at(idx[0]))):
			return 0 // Spanish "El cliente llamó", French "Le rendez-vous": a word of the sentence, alone ("El Amrani", "Le Minh" have two)
		case ctx < ctxStrong && s.afterVietnameseCounter(idx[0]):
			return 0 // "thứ Hai" (Monday), "tiếng Anh" (English)
		case ctx < ctxStrong && s.postcodeBefore(idx[0]):
			return 0 // "1070 Wien", "8010 Graz": the town after a postcode
		case ctx < ctxMedium && !f0.given && s.isGerman():
			return 0 // German capitalises nouns, and many are surnames: "den Handwerker", "16 Zoll"
		case f0.common:
			if ctx == ctxStrong && f0.first {
				return 0.5
			}
			return 0
		case f0.word:
			if ctx >= ctxMedium && f0.first {
				return 0.5
			}
			return 0
		case f0.f&gCountry != 0:
			return 0
		case f0.proper:
			if ctx == ctxStrong && f0.name {
				return 0.5
			}
			return 0
		case f0.given && !f0.place:
			score = 0.6
		case f0.given && !f0.bigPlace:
			score = 0.5
		case f0.name && !f0.place:
			score = 0.5
			if f0.sentence && ctx == ctxNone {
				score = 0.4
			}
		case f0.name:
			score = 0.35
		case f0.unknown && ctx == ctxStrong:
			score = 0.5
		case f0.unknown && ctx == ctxMedium && !f0.sentence:
			score = 0.5 // "hi Kieran", "thanks Glenys", "it's Lou": a name no list knows
		case f0.unknown && f0.shape:
			score = 0.4
		default:
			score = 0.3
		}
		if (f0.caps || f0.hyphen && !s.givenPair(s.at(idx[0]))) && ctx < ctxMedium {
			score -= 0.15 // "HORTEN", "Weber-Santana"; not "Lily-Mae", "Jean-Marc"
		}
		return score
	}
	// two or more words
	lastF := fs[len(idx)-1]
	if ctx < ctxMedium && s.isGerman() && !germanGreeting(s.str(s.at(idx[0]))) {
		given := false
		for k := range idx {
			given = given || fs[k].given
		}
		if !given {
			return 0 // German nouns in a row: "Uhr zu Hause", "Chorfahrt Wien"
		}
	}
	nameish := 0 // words that are names or unknown
	for k := range idx {
		ft := fs[k]
		if ft.notName || (ft.common && !ft.name) || (ft.proper && !(k > 0 && (f0.first || ft.sur && f0.unknown && ft.f&gDict == 0))) {
			if ctx != ctxStrong {
				return 0
			}
		}
		if ft.f&(gCountry|gState) != 0 && !(k == 0 && ft.given) && !(k > 0 && f0.f&gGiven != 0) {
			return 0 // "Southern Austria", but "Michael Jordan"
		}
		if ft.place && !ft.name && ft.f&(gCityBig|gCity) != 0 {
			return 0
		}
		if (ft.name && !ft.common) || ft.unknown {
			nameish++
		}
	}
	switch {
	case f0.first && !f0.common && (lastF.sur || lastF.name) && !lastF.common:
		if f0.given || lastF.sur {
			return 0.85
		}
		return 0.75
	case f0.first && !f0.common && (lastF.unknown || lastF.shape) && !lastF.word:
		return 0.8
	case f0.first && f0.common && !f0.sentence && lastF.sur && !lastF.word:
		return 0.6 // "May Johnson" mid-sentence
	case f0.first && f0.common && len(idx) == 2 && (lastF.sur || lastF.unknown) && !lastF.word && !lastF.proper && !lastF.bigPlace && !lastF.caps && commonGivenWord(s, s.at(idx[0])) && s.locContext(idx[0]) == 0:
		// a given name that is also a common word before a surname or a
		// word no list knows: "Joy Mutasa", "Summer Nakamura", "Faith
		// Chepkoech". At a sentence start a verb may open it ("Will
		// Kubernetes support …"), so there a lower-case word must not follow;
		// after a place word it is a place ("to Port Paien").
		if nx := s.at(idx[1] + 1); !f0.sentence || nx == nil || nx.nl > 0 || nx.kind != tWord || nx.shape&sLower == 0 {
			return 0.55
		}
		return 0.45
	case f0.first && !f0.word && lastF.word && lastF.sur:
		return 0.7 // "John Baker"
	case nameish == len(idx) && (f0.name || lastF.name):
		return 0.7
	case nameish == len(idx):
		return 0.6 // unknown capitalised words: foreign names
	case f0.first && !f0.word:
		return 0.45
	}
	return 0.3
}

// givenPair reports a double given name joined by one hyphen whose two
// parts are frequent given names, the second no frequent surname
// ("Lily-Mae", "Jean-Marc", "Anne-Sophie"; not "Ellis-Ingram").
func (s *scanner) givenPair(t *token) bool {
	w := s.str(t)
	k := strings.IndexByte(w, '-')
	if k <= 0 || strings.IndexByte(w[k+1:], '-') >= 0 || t.shape&sAllCaps != 0 {
		return false
	}
	first := s.gaz.get(t.h1)
	second := s.gaz.get(hashWord(w[k+1:]))
	return first&gGiven != 0 && second&gGiven != 0 && second&gLast == 0 && (first|second)&gCommon == 0
}

// commonGivenWord reports a given name that is itself an English word of
// at least three ASCII letters ("Joy", "Summer", "Faith"), not an
// accented word whose folded form is one ("Hà", "Dé") nor a particle
// ("De").
func commonGivenWord(s *scanner, t *token) bool {
	if t.nletters < 3 || t.shape&sAllCaps != 0 {
		return false
	}
	for _, c := range []byte(s.str(t)) {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// capsAfterHyphens reports a hyphenated word whose inner capitals all
// follow a hyphen: a double-barrelled name ("Whitcombe-Hale",
// "Lloyd-Jones"), not camelCase ("eBay-Shop", "PowerBI-Team").
func capsAfterHyphens(w string) bool {
	for i := 1; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' && w[i-1] != '-' {
			return false
		}
	}
	return true
}

// namePrefix reports a surname prefix before an inner capital: McDonald,
// MacLeod, O'Brien, DeAngelo, LaToya, DiMaggio, VanDyke, FitzGerald.
func namePrefix(w string) bool {
	for _, p := range [...]string{"Mc", "Mac", "O'", "O’", "D'", "De", "Di", "Da", "La", "Le", "Van", "Von", "Fitz", "St"} {
		if len(w) > len(p) && w[:len(p)] == p {
			c := w[len(p)]
			return c >= 'A' && c <= 'Z' || c >= 0x80
		}
	}
	return false
}

// inNameList reports whether the single word at i sits in a list next to a
// frequent given name: "Matheus, Janet", "Kevin and Alma".
func (s *scanner) inNameList(i, last int) bool {
	given := func(k int) bool { w := s.at(k); return s.isCapWord(w) && s.flags(w)&gGiven != 0 }
	if p := s.at(i - 1); isPunct(p, ',') || s.isAnd(p) {
		if given(i - 2) {
			return true
		}
	}
	if nx := s.at(last); isPunct(nx, ',') || s.isAnd(nx) {
		if given(last + 1) {
			return true
		}
	}
	return false
}

// namedThing reports whether the capitalised words [i, last) (name words
// at idx) name a thing rather than a person, from the words around them:
//
//   - a street: after a street type ("Via Giuseppe Mazzini", "avenue
//     Victor Hugo", "Rua Dr. Mário Ferraz", "Col. Juárez");
//   - a brand or a firm named after people: "the Mercedes lease",
//     "Porsche Taycan", "Calvin Klein", "Procter & Gamble";
//   - a modifier of a thing noun: "the Savannah warehouse", "Dell drivers";
//   - an eponym: "Megan's Law", "St Patrick's Day", "McDonald's, Wendy's";
//   - a product with a number: "Jordan 4 Retro", "Jasmine 5";
//   - a holiday or month word before it: "Christmas Eve", "Corpus Christi";
//   - a verb before an object: "Bill the client", "Mark it as read".
//
// A strong context ("Mr.", "my name is") overrides all but the street.
func (s *scanner) namedThing(i, last int, idx []int, ctx int) bool {
	t0 := s.at(i)
	n := len(idx)
	// streets named after people
	if s.vocab(t0)&vPrefixType != 0 && n > 1 {
		return true // "Via Giuseppe Mazzini": the candidate starts with the street type
	}
	if s.streetBefore(i) {
		return true
	}
	if ctx == ctxStrong {
		return false
	}
	lt, nx := s.at(last-1), s.at(last)
	first := s.at(idx[0])
	// brands
	if s.vocab(first)&vBrand != 0 {
		return true // "Bosch", "Porsche Taycan"; not "Harrison Ford"
	}
	// a holiday of two words: "Yom Kippur", "Rosh Hashanah"
	if n > 1 && s.vocab(first)&vHoliday != 0 && s.vocab(s.at(idx[1]))&vHoliday != 0 && s.flags(first)&gGiven == 0 {
		return true
	}
	if n > 1 && brandPairs.get(phraseAdd(phraseAdd(phraseStart, s.hash(first)), s.hash(s.at(idx[1])))) != 0 {
		return true // "Calvin Klein", "Morgan Stanley"
	}
	// "Procter & Gamble", "Harrison & Cole": firms, unless two given names ("Tom & Anna")
	if isPunct(nx, '&') && nx.nl == 0 {
		if w := s.at(last + 1); s.isCapWord(w) && (s.flags(w)&gGiven == 0 || s.flags(first)&gGiven == 0 || s.vocab(s.at(last+2))&vOrg != 0) {
			return true
		}
	}
	if p := s.at(i - 1); isPunct(p, '&') && t0.nl == 0 {
		if w := s.at(i - 2); s.isCapWord(w) && !(s.flags(w)&gGiven != 0 && s.flags(first)&gGiven != 0) {
			return true
		}
	}
	if lt.shape&sPoss != 0 {
		if n == 1 && s.isCapWord(nx) && s.flags(nx)&gGiven == 0 && s.vocab(nx)&vBrand == 0 && nx.shape&(sAllCaps|sInnerCap) == 0 {
			return true // "Megan's Law", "Victoria's Secret", "St Patrick's Day"; not "Cassie's Netflix password", "Chidi's UK number", "Ben's DMs"
		}
		if n == 1 && ctx < ctxMedium && (nx == nil || nx.nl > 0 || nx.kind == tPunct && nx.punct != '.' || s.isAnd(nx)) {
			return true // "McDonald's, Wendy's and ...": a shop or a brand
		}
		return false
	}
	if nx != nil && nx.nl == 0 {
		switch nx.kind {
		case tWord:
			if nx.shape&sLower != 0 && s.vocab(nx)&vThing != 0 {
				return true // "the Savannah warehouse", "Dell drivers"
			}
			if n == 1 && nx.shape&sLower != 0 && ctx < ctxMedium && s.flags(t0)&gDict != 0 && s.objectWord(nx) {
				return true // "Bill the client", "Mark it as read"
			}
		case tNum:
			if n == 1 && ctx < ctxMedium && nx.start == lt.end+1 {
				return true // "Jordan 4 Retro", "Air Max 90"
			}
		}
	}
	// "Christmas Eve", "Corpus Christi", "Whit Monday"
	if p := s.at(i - 1); s.isCapWord(p) && t0.nl == 0 && p.end+1 == t0.start {
		if s.vocab(p)&(vHoliday|vCalendar) != 0 && s.flags(p)&gGiven == 0 {
			return true
		}
	}
	return false
}

var (
	hThe     = hashWord("the")
	hCol     = hashWord("col")
	hColonia = hashWord("colonia")
	hPlace   = hashWord("place")
	hAv      = hashWord("av")
	hThem    = hashWord("them")
	hHim     = hashWord("him")
	hUs      = hashWord("us")
	hAll     = hashWord("all")
)

// objectWord reports a word that starts the object of a verb: "Bill the
// client", "Mark it", "Grant them access".
func (s *scanner) objectWord(t *token) bool {
	switch s.hash(t) {
	case hThe, hA, hAn, hIt, hThem, hHim, hMe, hUs, hAll, hThis:
		return true
	}
	return false
}

// streetBefore reports whether a street type comes right before token i,
// maybe with a period or a title between: "avenue Victor Hugo", "Av.
// Benito Juárez", "Rua Dr. Mário Ferraz", "Col. Juárez" (a Mexican
// colonia), "place Charles de Gaulle".
func (s *scanner) streetBefore(i int) bool {
	if t := s.at(i); t == nil || t.nl > 0 {
		return false
	}
	k := i - 1
	p := s.at(k)
	if isPunct(p, '.') {
		k--
		p = s.at(k)
	}
	if p != nil && p.kind == tWord && (s.hash(p) == hCol || s.hash(p) == hColonia) {
		return true // "Col. Juárez": a Mexican colonia, not Colonel Juárez
	}
	if p != nil && p.kind == tWord && s.vocab(p)&vTitle != 0 && p.nl == 0 {
		k-- // "Rua Dr. Mário"
		if p = s.at(k); isPunct(p, '.') {
			k--
		}
		p = s.at(k)
		if p == nil || p.kind != tWord || s.vocab(p)&vPrefixType == 0 {
			return false
		}
	}
	if p == nil || p.kind != tWord {
		return false
	}
	if s.vocab(p)&vPrefixType != 0 {
		// "Av. Paulista", "av Brasil"; but "anmält av Johan" (Swedish and
		// Norwegian "by") has no dot and follows a lower-case word
		if s.hash(p) == hAv && k == i-1 && p.shape&sLower != 0 {
			if q := s.at(k - 1); q != nil && q.kind == tWord && q.shape&sLower != 0 && q.nl == 0 && p.nl == 0 {
				return false
			}
		}
		return true
	}
	return s.hash(p) == hPlace && p.shape&sLower != 0
}

// brandPairs holds the phrase hashes of two-word brands and firms named
// after people (this project's own list, from general knowledge): a
// person never found as "Calvin Klein jeans" or "Morgan Stanley".
var brandPairs = func() *table {
	t := newTable(256)
	for _, p := range strings.Split(`calvin klein|louis vuitton|tommy hilfiger|ralph lauren|hugo boss|alfred dunhill|jimmy choo|john lewis|william hill|paddy power|john deere|eli lilly|charles schwab|raymond james|morgan stanley|goldman sachs|wells fargo|albert heijn|walt disney|estee lauder|yves saint|christian dior|marc jacobs|michael kors|kate spade|tory burch|vera wang|ted baker|paul smith|stella mccartney|giorgio armani|salvatore ferragamo|karl lagerfeld|carolina herrera|anne klein|kenneth cole|steve madden|max mara|emilio pucci|harley davidson|aston martin|alfa romeo|betty crocker|sara lee|tim hortons|jack daniel|johnnie walker|jim beam|merrill lynch|edward jones|arthur andersen|booz allen|hewlett packard|thermo fisher|pitney bowes|rolls royce|mercedes benz|baker mckenzie|clifford chance|allen overy|herbert smith|lambert smith|dolce gabbana|abercrombie fitch|barnes noble|smith wesson|philip morris|john hancock|dean witter|charles tyrwhitt|georg jensen|ben sherman|fred perry|tommy bahama|victoria secret|johnson controls|lloyds banking|marks spencer|dr pepper|jenny craig|martha stewart`, "|") {
		w := strings.Fields(p)
		t.or(phraseAdd(phraseAdd(phraseStart, hashWord(w[0])), hashWord(w[1])), 1)
	}
	return t
}()

// romanNumeral reports whether w is a Roman numeral of I-XXXIX in capitals.
func romanNumeral(w string) bool {
	if w == "" {
		return false
	}
	for k := 0; k < len(w); k++ {
		if c := w[k]; c != 'I' && c != 'V' && c != 'X' {
			return false
		}
	}
	return true
}
