package names

import (
	"strings"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// Two passes over a text after the token scan, for conversations:
//
//   - Speaker labels. A word at the start of two or more lines, followed by
//     a colon ("lou: yes came today", "[19:02] Marta: ok"), is who speaks:
//     a person, in lower case too, unless it names a role (User, Agent,
//     Customer), a kin (mum, Oma) or is a common word (Note, Re, Date). In
//     a conversation (three labelled lines or more, one speaker
//     recurring) a label that speaks once counts too.
//   - Echoes. A person found once is the same person wherever the name
//     comes back as a whole word (case folded): "Jonas Keller … Jonas", "lou:
//     … tell lou". A single-word name echoes only when it is no word of
//     the dictionary (so "Will Smith" does not make every "will" a person),
//     and only within echoReach bytes of a finding, so a long text is not
//     searched once per name. Names inside an e-mail address, a URL or a
//     handle do not count.

const (
	maxEchoNames = 16
	maxEchoEach  = 16
	echoReach    = 2 << 10
	echoScore    = 0.6
	labelScore   = 0.7
	maxLabels    = 16
)

// roleLabels name who speaks by role, kin or form field, not by name.
var roleLabels = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields(`user users assistant system bot ai agent customer client caller operator
		support admin host guest me you moderator mod interviewer interviewee speaker q a qa note notes re
		subject from to cc bcc date time tel phone email mail mobile address name team staff reply answer
		question response output input summary title status update edit ps nb fyi todo info warning error
		mum mom mam mama mamma mamá mamãe maman mutti mutter mami papa papá pai padre vater vati dad daddy
		oma opa omi opi nonna nonno abuela abuelo avó avô vovó vovô babcia dziadek baba deda tata mamusia
		tato nan nana nanna granny grandma grandpa grandad gran auntie aunt uncle sis bro wife husband hubby
		boss teacher doctor dr nurse coach landlord tenant driver courier seller buyer vendor manager me
		yo ich je moi io eu ja я
		cliente clienta agente kunde kundin klient klientka operador operadora opérateur opératrice
		conseiller conseillère berater beraterin mitarbeiter mitarbeiterin claimant defendant plaintiff
		respondent applicant witness judge counsel solicitor patient paciente médico arzt ärztin usuario
		usuaria usuário utilisateur utilisatrice benutzer nutzer gebruiker utente użytkownik
		pregunta respuesta frage antwort réponse domanda risposta pergunta resposta vraag antwoord
		пользователь клиент оператор агент вопрос ответ`) {
		m[hashWord(w)] = true
	}
	return m
}()

// echoNames adds the speaker labels and the echoes of the PERSON findings
// among r.Findings[n0:] (this field's) to r, unsorted.
func (d *Detector) echoNames(f *analysis.Field, r *analysis.Report, n0 int) {
	text := f.Text
	g := gazetteer()
	var names [maxEchoNames]struct{ s, e int }
	nn := 0
	if d.person {
		nn = speakerLabels(text, g, r, f, n0, names[:])
	}
	for i := n0; i < len(r.Findings) && nn < maxEchoNames; i++ {
		x := &r.Findings[i]
		if x.Type != tPersonName {
			continue
		}
		names[nn] = struct{ s, e int }{x.ByteStart, x.ByteEnd}
		nn++
	}
	if nn == 0 {
		return
	}
	for k := 0; k < nn; k++ {
		s, e := names[k].s, names[k].e
		v := text[s:e]
		if sp := strings.IndexByte(v, ' '); sp > 0 {
			// a full name echoes as itself and by its given name
			echo(text, v, s, e, g, r, f, n0)
			if g.get(hashWord(v[:sp]))&gGiven != 0 {
				echo(text, v[:sp], s, e, g, r, f, n0)
			}
			continue
		}
		echo(text, v, s, e, g, r, f, n0)
	}
}

// echo adds the other whole-word occurrences of name v near [s, e).
func echo(text, v string, s, e int, g *table, r *analysis.Report, f *analysis.Field, n0 int) {
	if len(v) < 3 || strings.IndexByte(v, '\n') >= 0 {
		return
	}
	if strings.IndexByte(v, ' ') < 0 && (g.get(hashWord(v))&(gAnyWord|gDict|gProper|gAnyPlace) != 0 || roleLabels[hashWord(v)]) {
		return // "will", "mark", "Paris", "Claimant": a word, not only this person
	}
	lo, hi := max(0, s-echoReach), min(len(text), e+echoReach)
	for p, k := lo, 0; p+len(v) <= hi && k < maxEchoEach; p++ {
		if !foldAt(text, p, v) {
			continue
		}
		q := p + len(v)
		if p < e && q > s || !echoBoundary(text, p, q) || overlapsFinding(r.Findings[n0:], p, q) {
			continue
		}
		r.AddFinding("names", "pii", tPersonName, f, p, q, echoScore)
		k++
		p = q - 1
	}
}

// foldAt reports text[p:] starting with v, ASCII letters case folded.
func foldAt(text string, p int, v string) bool {
	if (text[p]|0x20) != (v[0]|0x20) || len(text)-p < len(v) {
		return false
	}
	for i := 1; i < len(v); i++ {
		a, b := text[p+i], v[i]
		if a != b && !(a|0x20 == b|0x20 && (a|0x20) >= 'a' && (a|0x20) <= 'z') {
			return false
		}
	}
	return true
}

// echoBoundary reports text[p:q] as a whole word that is not part of an
// e-mail address, a URL, a path or a handle.
func echoBoundary(text string, p, q int) bool {
	if p > 0 {
		c := text[p-1]
		if isWordByte(c) || c == '@' || c == '.' || c == '_' || c == '/' || c == '#' || c == '-' {
			return false
		}
	}
	if q < len(text) {
		c := text[q]
		if isWordByte(c) || c == '@' || c == '_' || c == '/' || c == '-' || c == '.' && q+1 < len(text) && isWordByte(text[q+1]) {
			return false
		}
	}
	return true
}

// isWordByte reports a letter, a digit or a byte of a non-ASCII letter.
func isWordByte(c byte) bool {
	return c >= 0x80 || c >= '0' && c <= '9' || (c|0x20) >= 'a' && (c|0x20) <= 'z'
}

func overlapsFinding(fs []analysis.Finding, s, e int) bool {
	for i := range fs {
		if fs[i].ByteStart < e && fs[i].ByteEnd > s {
			return true
		}
	}
	return false
}

// speakerLabels reports the words that label two or more lines of text as
// PERSON (each occurrence as a label), and returns them in names (one
// occurrence each) for the echo pass.
func speakerLabels(text string, g *table, r *analysis.Report, f *analysis.Field, n0 int, names []struct{ s, e int }) int {
	type label struct {
		s, e, n int
	}
	var ls [maxLabels]label
	nl := 0
	for p := 0; p < len(text); {
		le := lineEndAt(text, p)
		if s, e := labelAt(text, p, le); e > s {
			found := false
			for k := 0; k < nl; k++ {
				if ls[k].e-ls[k].s == e-s && strings.EqualFold(text[ls[k].s:ls[k].e], text[s:e]) {
					ls[k].n++
					found = true
					break
				}
			}
			if !found && nl < maxLabels {
				ls[nl] = label{s, e, 1}
				nl++
			}
		}
		p = le + 1
	}
	// A conversation: three or more labelled lines, one label recurring.
	// Then a label that speaks once is a speaker too.
	lines, recurring := 0, false
	for k := 0; k < nl; k++ {
		lines += ls[k].n
		recurring = recurring || ls[k].n >= 2 && !roleLabels[hashWord(text[ls[k].s:ls[k].e])]
	}
	conversation := lines >= 3 && recurring
	nn := 0
	for k := 0; k < nl && nn < len(names); k++ {
		l := ls[k]
		w := text[l.s:l.e]
		fl := g.get(hashWord(w))
		if l.n < 2 && !conversation || roleLabels[hashWord(w)] || fl&(gCommon|gProper|gAnyPlace) != 0 || fl&(gWord|gDict) != 0 && fl&gGiven == 0 {
			continue
		}
		names[nn] = struct{ s, e int }{l.s, l.e}
		nn++
		// every line it labels
		for p := 0; p < len(text); {
			le := lineEndAt(text, p)
			if s, e := labelAt(text, p, le); e-s == len(w) && strings.EqualFold(text[s:e], w) && !overlapsFinding(r.Findings[n0:], s, e) {
				r.AddFinding("names", "pii", tPersonName, f, s, e, labelScore)
			}
			p = le + 1
		}
	}
	return nn
}

// lineEndAt returns the end of the line starting at p (its '\n', or the
// end of the text).
func lineEndAt(text string, p int) int {
	if le := strings.IndexByte(text[p:], '\n'); le >= 0 {
		return p + le
	}
	return len(text)
}

// labelAt returns the speaker label of the line text[p:le]: after optional
// spaces and a bracketed time stamp ("[19:02] "), one word of letters (3
// to 20 bytes, any script) directly followed by a colon and a space.
func labelAt(text string, p, le int) (int, int) {
	for p < le && (text[p] == ' ' || text[p] == '\t') {
		p++
	}
	if p < le && text[p] == '[' {
		c := strings.IndexByte(text[p:le], ']')
		if c < 0 || c > 24 {
			return 0, 0
		}
		p += c + 1
		for p < le && text[p] == ' ' {
			p++
		}
	}
	s := p
	for p < le && p-s <= 20 && (text[p] >= 0x80 || (text[p]|0x20) >= 'a' && (text[p]|0x20) <= 'z') {
		p++
	}
	if p-s < 3 || p-s > 20 || p+1 >= le || text[p] != ':' || text[p+1] != ' ' {
		return 0, 0
	}
	return s, p
}
