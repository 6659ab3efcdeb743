package names

import (
	"strings"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// Two passes over a text after the token scan, for conversations:
//
//   - Speaker labels. A word (or two) at the start of a line, followed by
//     a colon ("lou: yes came today", "[19:02] Marta: ok", "小雨：好"),
//     is who speaks: a person, in lower case too, unless it names a role
//     (User, Agent, Customer, 客服), a kin (mum, Oma) or is a common word
//     (Note, Re, Date), when it labels two or more lines, when the text
//     has two or more labelled lines, or after a time stamp or an app
//     name in brackets. After kin or a title ("Tita Baby:", "Dona
//     Célia:") the name is the second word.
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
		пользователь клиент оператор агент вопрос ответ
		tita tito lola lolo kuya ate mang aling pak bu bapak ibu mas mbak anh chị em cô chú bà ông
		dona doña don seu sra sr tía tío tia tio zia zio ciocia wujek teta strýc
		客服 用户 用戶 顾客 顧客 客户 客戶 问 問 答 备注 備註 地址 电话 電話 姓名 名字 时间 時間 日期 主题
		主題 标题 標題 回复 回覆 系统 系統 助手 管理员 管理員 群主 老师 老師 医生 醫生 妈妈 媽媽 妈 媽
		爸爸 爸 我 你 司机 司機 快递 快遞 卖家 賣家 买家 買家 店家 老板 老闆 质问 質問 回答 住所 氏名
		名前 日時 件名 返信 システム 担当 担当者 お客様 店員 母 父 私 先生 質問者 回答者
		질문 답변 주소 전화 이름 고객 상담원 상담사 엄마 아빠 나 선생님 관리자 사용자
		المستخدم العميل الموظف سؤال جواب ملاحظة العنوان الهاتف الاسم أمي أبي
		משתמש לקוח נציג שאלה תשובה הערה כתובת טלפון שם אמא אבא
		उपयोगकर्ता ग्राहक सवाल जवाब पता फोन नाम मम्मी पापा माँ
		ผู้ใช้ ลูกค้า คำถาม คำตอบ ที่อยู่ โทร ชื่อ แม่ พ่อ แอดมิน
		χρήστης πελάτης ερώτηση απάντηση διεύθυνση τηλέφωνο όνομα μαμά μπαμπάς
		υπάλληλος υπάλληλη γιαγιά παππούς θεία θείος
		мама папа бабушка дедушка тётя дядя мама оператор
		منشی بیمار مشتری اپراتور کارشناس پزشک دکتر مامان بابا خاله عمه دایی عمو مادربزرگ پدربزرگ
		एजेंट ग्राहक ऑपरेटर मामा मामाजी मामी चाचा चाची दीदी भैया नानी दादी
		এজেন্ট গ্রাহক অপারেটর মামা মামী চাচা চাচী খালা আম্মু আব্বু নানু দাদু
		オペレーター スタッフ 係員 受付 祖母 祖父 おばあちゃん おじいちゃん
		大姨 小姨 舅舅 姑姑 叔叔 阿姨 奶奶 爷爷 外婆 外公 姥姥 哥哥 姐姐 弟弟 妹妹 大爷 大妈
		mẹ bố má mọ́mì dádì`) {
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
		if casualText(text, nn) {
			lowerChatNames(text, g, r, f, n0)
		}
		scriptChatNames(text, r, f, n0)
		rosterNames(text, g, r, f, n0)
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
	if strings.IndexByte(v, ' ') < 0 {
		fl := g.get(hashWord(v))
		if fl&(gAnyWord|gDict|gProper) != 0 || roleLabels[hashWord(v)] ||
			fl&gAnyPlace != 0 && (fl&gFirst == 0 || fl&gBigPlace != 0) {
			return // "will", "mark", "Paris", "Claimant": a word, not only this person ("Zara" is a town too)
		}
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
		s, e, n   int
		bracketed bool
	}
	var ls [maxLabels]label
	nl := 0
	var tc turnCursor
	for p := 0; p < len(text); {
		le, next := tc.end(text, p)
		if s, e, br := labelAt(text, p, le); e > s {
			found := false
			for k := 0; k < nl; k++ {
				if ls[k].e-ls[k].s == e-s && strings.EqualFold(text[ls[k].s:ls[k].e], text[s:e]) {
					ls[k].n++
					ls[k].bracketed = ls[k].bracketed || br
					found = true
					break
				}
			}
			if !found && nl < maxLabels {
				ls[nl] = label{s, e, 1, br}
				nl++
			}
		}
		p = next
	}
	// A conversation: two or more labelled lines. Then a label that speaks
	// once is a speaker too (a listed given name, unless one speaker
	// recurs in three lines or more), as is one after a time stamp or an
	// app name.
	lines, recurring := 0, false
	for k := 0; k < nl; k++ {
		lines += ls[k].n
		recurring = recurring || ls[k].n >= 2 && (!roleLabels[hashWord(text[ls[k].s:ls[k].e])] || kinLabel(text[ls[k].s:ls[k].e]))
	}
	conversation := lines >= 2
	nn := 0
	for k := 0; k < nl && nn < len(names); k++ {
		l := ls[k]
		if l.n < 2 && !conversation && !l.bracketed && !(nl == 1 && soleOpeningLabel(g, text, l.s, l.e)) {
			continue
		}
		w := text[l.s:l.e]
		if !l.bracketed && placeOrMonthLabel(g, w) {
			continue // "Paris: sunny / London: rain", "March: 12 / March: total"
		}
		// In a form ("Endereço: …\nCelular: …", "givenName: …") every
		// field labels one line too: a label that speaks once with no
		// time stamp must be a listed given name.
		// (A conversation of three labelled lines or more with one speaker
		// recurring is no form.)
		once := l.n < 2 && !l.bracketed && !(lines >= 3 && recurring)
		strong := l.n >= 2 || l.bracketed
		ns, ne := l.s, l.e // the name in the label
		if sp := strings.IndexByte(w, ' '); sp > 0 {
			w1, w2 := w[:sp], w[sp+1:]
			switch {
			case roleLabels[hashWord(w1)] && speakerWord(g, w2, strong) && (!once || givenName(g, w2)):
				ns = l.s + sp + 1 // "Tita Baby:", "Dona Célia:": kin or a title, then the name
			case speakerWord(g, w1, strong) && (speakerWord(g, w2, strong) || g.get(hashWord(w2))&gSurname != 0) && (!once || givenName(g, w1)):
			default:
				continue
			}
		} else if !speakerWord(g, w, strong) || once && !givenName(g, w) {
			continue
		}
		names[nn] = struct{ s, e int }{ns, ne}
		nn++
		// every line it labels
		tc = turnCursor{}
		for p := 0; p < len(text); {
			le, next := tc.end(text, p)
			if s, e, _ := labelAt(text, p, le); e-s == len(w) && strings.EqualFold(text[s:e], w) && !overlapsFinding(r.Findings[n0:], s+ns-l.s, e) {
				r.AddFinding("names", "pii", tPersonName, f, s+ns-l.s, e, labelScore)
			}
			p = next
		}
	}
	return nn
}

// soleOpeningLabel reports the only label of a text when it opens the
// text and is a listed given name that is no word, place or proper noun
// of any kind: a message pasted with its sender ("hugo: yeah I'll do
// it, …"), not "Note:" or "Chase:".
func soleOpeningLabel(g *table, text string, s, e int) bool {
	for k := 0; k < s; k++ {
		if text[k] != ' ' && text[k] != '"' {
			return false
		}
	}
	w := text[s:e]
	if strings.IndexByte(w, ' ') >= 0 || w[0] >= 0x80 {
		return false
	}
	h := hashWord(w)
	fl := g.get(h)
	return fl&(gFirst|gGiven) != 0 && fl&(gAnyWord|gDict|gProper|gBigPlace|gCity) == 0 && !roleLabels[h] && vocabT.get(h) == 0
}

// kinLabels are the role labels that are kin (mum, aunt, 大姨, Mẹ): one
// recurring makes a family chat as a named speaker does.
var kinLabels = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields(`mum mom mam mama mamma mamá mamãe maman mutti mutter mami papa papá pai vater
		vati dad daddy oma opa nonna nonno abuela abuelo babcia dziadek nan nana granny grandma grandpa
		auntie aunt uncle tita tito lola lolo tía tío tia tio zia zio ciocia wujek
		мама папа бабушка дедушка тётя дядя μαμά μπαμπάς γιαγιά παππούς θεία θείος
		مامان بابا خاله عمه دایی عمو أمي أبي मामा मामाजी मामी चाचा चाची दीदी मम्मी पापा মামা মামী চাচা খালা
		大姨 小姨 舅舅 姑姑 叔叔 阿姨 奶奶 爷爷 外婆 外公 妈妈 爸爸 母 父 엄마 아빠 mẹ bố má mọ́mì dádì`) {
		m[hashWord(w)] = true
	}
	return m
}()

func kinLabel(w string) bool { return kinLabels[hashWord(w)] }

// placeOrMonthLabel reports a label (its first word) that is a country,
// a state or a big city, or a month or weekday that is a common word:
// the heading of a line of notes, not a speaker, unless a time stamp
// says otherwise ("[19:22] Sari:").
func placeOrMonthLabel(g *table, w string) bool {
	if sp := strings.IndexByte(w, ' '); sp > 0 {
		w = w[:sp]
	}
	h := hashWord(w)
	fl := g.get(h)
	return fl&(gCountry|gState|gCityBig) != 0 || fl&gCommon != 0 && vocabT.get(h)&vCalendar != 0
}

// givenName reports a given name of the Latin lists or of a list in
// another script.
func givenName(g *table, w string) bool {
	if w[0] < 0x80 {
		if g.get(hashWord(w))&(gFirst|gGiven) != 0 {
			return true
		}
		// a double given name: "Kerry-Ann", "Jean-Luc", "Mary-Kate"
		if h := strings.IndexByte(w, '-'); h >= 3 {
			return g.get(hashWord(w[:h]))&(gFirst|gGiven) != 0 && g.get(hashWord(w[:h]))&gCommon == 0
		}
		return false
	}
	l := scriptNameData()
	for _, set := range []nameSet{l.cyrGiven, l.heGiven, l.arGiven, l.thGiven, l.koGiven, l.jaGiven, l.zhGiven, l.hiGiven} {
		if set.has(w) {
			return true
		}
	}
	return l.elStems.has(greekStem(greekFoldString(w)))
}

// speakerWord reports a word that may name a speaker: no role, kin or
// form field, no common word or proper noun; a given name may also be a
// town or a word ("hugo", "Marta", "Rose"), and after a time stamp or
// when it labels two lines (strong) even a big place or a common word
// ("[19:22] Sari:", "[20:16] Hùng:");
// any other word must be in no list (a name no list knows: "Ify").
func speakerWord(g *table, w string, strong bool) bool {
	h := hashWord(w)
	if roleLabels[h] {
		return false
	}
	if strings.HasSuffix(w, "人") || strings.HasSuffix(w, "者") || strings.HasSuffix(w, "員") || strings.HasSuffix(w, "员") {
		return false // 收件人, 联系人, 申請者, 担当員: who someone is, not a name
	}
	fl := g.get(h)
	if fl&(gFirst|gGiven|gName) != 0 {
		if strong {
			// "[20:16] Hùng:" (hung), "[19:22] Sari:"; a proper noun
			// that is no place when it labels lines ("Rach:" twice)
			return fl&gProper == 0 || fl&(gAnyPlace|gCommon) == 0
		}
		return fl&(gCommon|gProper|gCountry|gState|gRegion|gCityBig) == 0
	}
	return fl&(gCommon|gProper|gAnyPlace|gWord|gDict) == 0
}

// turnCursor finds the turns of a conversation in one pass: lines, and
// the parts of a line before " / " or " | ", which join the turns of a
// chat pasted on one line ("soph: 7 at Nando's? / ayesha: 7:30 pls /
// liv: yesss"). It keeps the next line break, slash and bar it found,
// so a long line is searched once, not once per turn.
type turnCursor struct {
	nl, slash, bar int // next positions (len(text) for none); 0 before the first search
	init           bool
}

// end returns the end of the turn starting at p and where the next one
// starts; p only grows between calls.
func (c *turnCursor) end(text string, p int) (end, next int) {
	if !c.init {
		c.init = true
		c.nl, c.slash, c.bar = -1, -1, -1
	}
	next1 := func(pos *int, b byte) {
		if *pos < p {
			if k := strings.IndexByte(text[p:], b); k >= 0 {
				*pos = p + k
			} else {
				*pos = len(text)
			}
		}
	}
	next1(&c.nl, '\n')
	for {
		next1(&c.slash, '/')
		next1(&c.bar, '|')
		k := min(c.slash, c.bar)
		if k >= c.nl {
			return c.nl, c.nl + 1
		}
		if k > p && text[k-1] == ' ' && k+1 < len(text) && text[k+1] == ' ' {
			return k - 1, k + 2
		}
		// a slash or bar inside a word or a URL: look past it
		if k == c.slash {
			c.slash = -1
			p2 := k + 1
			if j := strings.IndexByte(text[p2:], '/'); j >= 0 {
				c.slash = p2 + j
			} else {
				c.slash = len(text)
			}
		} else {
			p2 := k + 1
			if j := strings.IndexByte(text[p2:], '|'); j >= 0 {
				c.bar = p2 + j
			} else {
				c.bar = len(text)
			}
		}
	}
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
// spaces and bracketed time stamps or app names ("[19:02] ", "[WhatsApp]
// ", "[微信群·家人] "), one word of letters (2 to 20 bytes, any script; two
// bytes only when capitalised: "Fi: ") or two such words ("Tita Baby:",
// "Ana Souza:"), directly followed by a colon and a space, or a
// full-width colon. bracketed reports the brackets.
func labelAt(text string, p, le int) (s, e int, bracketed bool) {
	for p < le && (text[p] == ' ' || text[p] == '\t') {
		p++
	}
	for k := 0; k < 3 && p < le && text[p] == '['; k++ {
		c := strings.IndexByte(text[p:le], ']')
		if c < 0 || c > 64 {
			return 0, 0, false
		}
		p += c + 1
		bracketed = true
		for p < le && text[p] == ' ' {
			p++
		}
	}
	if p+1 < le && text[p] == '*' && text[p+1] == '*' {
		p += 2 // **Name**: (Markdown)
	}
	s = p
	words := 0
	for words < 2 {
		ws := p
		for p < le && p-ws <= 24 && !fullColonAt(text, p) && (text[p] >= 0x80 || (text[p]|0x20) >= 'a' && (text[p]|0x20) <= 'z' || p > ws && text[p] == '-' && p+1 < le && text[p+1] != ' ') {
			p++
		}
		n := p - ws
		if n > 24 || n < 2 || n == 2 && !('A' <= text[ws] && text[ws] <= 'Z') {
			return 0, 0, false
		}
		words++
		if words == 1 && p+1 < le && text[p] == ' ' && text[p+1] != ' ' {
			if q := p + 1; q < le && (text[q] >= 0x80 || (text[q]|0x20) >= 'a' && (text[q]|0x20) <= 'z') {
				p = q // a second word
				continue
			}
		}
		break
	}
	e = p
	// an honorific joined to the name: "Yamamoto-san", "Ji-woo-ssi"
	for _, h := range [...]string{"-san", "-sama", "-kun", "-chan", "-ssi", "-nim", "-ji", "-sensei"} {
		if e-s > len(h)+1 && strings.EqualFold(text[e-len(h):e], h) {
			e -= len(h)
			break
		}
	}
	if p+1 < le && text[p] == '*' && text[p+1] == '*' {
		p += 2
	}
	// a role or a unit in brackets, or a time, before the colon: "Dom
	// (Isla's dad):", "Giuliana (int. 4):", "Femi Okoro - 10:33:"
	if p+2 < le && text[p] == ' ' && text[p+1] == '(' {
		if c := strings.IndexByte(text[p:le], ')'); c > 0 && c < 32 {
			in := text[p+2 : p+c]
			p += c + 1
			if capitalisedWord(in) && words == 1 && !givenName(gazetteer(), text[s:e]) {
				// "Rider (Kwabena):", "Repartidor (Yeferson):": a role, then
				// the name in brackets
				s, e = p-c+1, p-1
			}
		}
	} else if q := timeAfterName(text, p, le); q > p {
		p = q
		bracketed = true // a time stamp after the name
	}
	if p < le && text[p] == ' ' && p+1 < le && text[p+1] == ':' {
		p++ // French: "Karim : …"
	}
	if fullColonAt(text, p) {
		return s, e, bracketed
	}
	if p+1 >= le || text[p] != ':' || text[p+1] != ' ' {
		return 0, 0, false
	}
	return s, e, bracketed
}

// capitalisedWord reports one capitalised word of letters (the name in
// "Rider (Kwabena):"), not "Isla's dad", "int. 4" or "external".
func capitalisedWord(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= 0x80 || c == '-') {
			return false
		}
	}
	return true
}

// timeAfterName returns the end of " - 10:33", ", 10:33" or " 10:33"
// after a speaker's name at text[p] (before the colon that ends the
// label), or p.
func timeAfterName(text string, p, le int) int {
	q := p
	if q+2 < le && text[q] == ' ' && text[q+1] == '-' {
		q += 2
	} else if q < le && text[q] == ',' {
		q++
	}
	for q < le && text[q] == ' ' {
		q++
	}
	d := q
	for d < le && d-q < 2 && text[d] >= '0' && text[d] <= '9' {
		d++
	}
	if d == q || d+2 >= le || text[d] != ':' || text[d+1] < '0' || text[d+1] > '9' || text[d+2] < '0' || text[d+2] > '9' {
		return p
	}
	return d + 3
}

// fullColonAt reports the full-width colon '：' at text[p].
func fullColonAt(text string, p int) bool {
	return p+2 < len(text) && text[p] == 0xEF && text[p+1] == 0xBC && text[p+2] == 0x9A
}
