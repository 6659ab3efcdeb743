package secrets

// Forms added in the seventh round (2026-11-27, general18 and general17
// development misses), each written for the way people state that kind
// of secret in any field, not for one row:
//
//   - a PIN's distance from its name allows a byte more for each letter
//     of two bytes before it: "o PIN de assinatura do Cartão de Cidadão
//     é 9180" is as far in Portuguese as it would be in English
//     (twoByteLetters);
//   - a PIN's name with a case ending after a hyphen: Polish "PIN-em",
//     "PIN-u" (inflectedNameEnd);
//   - a bare "code" after a verb of opening or disarming: "the lock opens
//     with the code 4821", "abre com o código", "si apre con il codice",
//     "s'ouvre avec le code" (accessVerbBefore);
//   - a one-time code stated before its name, as SMS texts put it:
//     "G-645813 is your Google verification code", "482913 est votre code"
//     (codeFirstOTP);
//   - backup codes of other shapes (ten letters and digits, xxxx-xxxx)
//     one a line in a block of four or more under a line that names
//     backup or recovery codes in one of many languages (wordedCodeList).

// twoByteLetters counts the letters of two bytes (Latin with accents,
// Greek, Cyrillic, Hebrew, Arabic) in text[a:b]: a PIN may stand that
// many more bytes after its name, so that the distance is one of letters,
// not bytes ("o PIN de assinatura do Cartão de Cidadão é 9180" is as far
// in Portuguese as in English). CJK and Hangul keep their three bytes: a
// character there says more. ASCII is skipped eight bytes at a time.
func twoByteLetters(text string, a, b int) int {
	n := 0
	i := a
	for ; i+8 <= b; i += 8 {
		w := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
			uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
		if w&0x8080808080808080 == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if c := text[j]; c >= 0xc2 && c <= 0xdf {
				n++
			}
		}
	}
	for ; i < b; i++ {
		if c := text[i]; c >= 0xc2 && c <= 0xdf {
			n++
		}
	}
	return n
}

// inflectedNameEnd returns where the word text[ws:we] ends without a case
// ending of one to three lower-case letters after a hyphen ("PIN-em",
// "PIN-u", "PUK-a"), or -1 when it has none.
func inflectedNameEnd(text string, ws, we int) int {
	if we-ws < 5 {
		return -1
	}
	for k := 1; k <= 3 && we-k-1 > ws; k++ {
		c := text[we-k]
		if c < 'a' || c > 'z' {
			return -1
		}
		if text[we-k-1] == '-' {
			return we - k - 1
		}
	}
	return -1
}

// accessVerbs open, unlock or disarm something with a code: a bare "code"
// after one of them is the code of a lock, a door or an alarm ("the gate
// opens with the code 4821", "a fechadura abre com o código 827643",
// "l'allarme si disattiva con il codice 7536").
var accessVerbs = []string{
	"open", "opens", "opened", "unlock", "unlocks", "unlocked", "disarm", "disarms", "disarmed",
	"öffnet", "öffnen", "entsperrt", "entsperren", "entschärft", "deaktiviert",
	"ouvre", "ouvrent", "ouvrir", "déverrouille", "déverrouiller", "désactive", "désactiver",
	"abre", "abren", "abrir", "desbloquea", "desactiva", "desarma",
	"abrem", "desbloqueia", "desativa", "destranca",
	"apre", "aprono", "aprire", "sblocca", "disattiva", "disinserisce", "tacita",
	"opent", "openen", "ontgrendelt", "ontgrendel",
	"öppnas", "öppnar", "öppna", "låser", "åpnes", "åpner", "åbnes", "åbner",
	"otwiera", "otwierają", "otworzysz", "odblokowuje", "rozbraja",
	"avautuu", "aukeaa", "avaa", "açılır", "açılıyor", "açar", "otevírá", "odemyká",
}

// accessVerbBefore reports a verb of accessVerbs among the four words
// before a bare code name at text[ns] on its line (from ls), with no
// sentence end between: "abre com o código", "si apre con il codice",
// "opens with code".
func accessVerbBefore(text string, ls, ns int) bool {
	e := ns
	for n := 0; n < 4 && e > ls; n++ {
		for e > ls && (text[e-1] == ' ' || text[e-1] == '\t') {
			e--
		}
		s := e
		for s > ls && pinWordByte(text[s-1]) {
			s--
		}
		if s == e {
			return false // punctuation: a clause ends
		}
		if n == 0 && inWords(text[s:e], codeKindWords) {
			return false // "opens with error code 4012"
		}
		if inWords(text[s:e], accessVerbs) {
			return true
		}
		e = s
	}
	return false
}

// codeFirstLinks join a code that comes first to its name in an SMS text:
// "G-645813 is your Google verification code", "482913 est votre code".
var codeFirstLinks = []string{
	" is your ", " is the ", " es tu ", " es su ", " est votre ", " est ton ", " ist dein ", " ist ihr ",
	" é o seu ", " é o teu ", " è il tuo ", " è il suo ", " is je ", " is uw ", " är din ", " er din ",
	" on sinun ", " to twój ", " to twoj ", " este codul ", " jest twoim ",
}

// codeFirstNames end the words after such a link: the code's name.
var codeFirstNames = []string{
	"code", "codes", "código", "codigo", "codice", "kod", "koden", "koodi", "codul", "passcode", "otp", "pin",
	"bestätigungscode", "verificatiecode", "verifieringskod", "vahvistuskoodi",
}

// codeFirstOTP reports a number of four to eight digits at text[rs:ve]
// followed by a link and, within three more words, a one-time code's
// name: "645813 is your Google verification code".
func codeFirstOTP(text string, ve int) bool {
	if ve+4 > len(text) || text[ve] != ' ' {
		return false
	}
	switch lowerASCII(text[ve+1]) {
	case 'i', 'e', 'o', 't', 'j', 0xc3: // is, es, est, ist, on, to, jest, é, è, är, er
	default:
		return false
	}
	var link string
	for _, l := range codeFirstLinks {
		if len(text)-ve >= len(l) && equalFold(text[ve:ve+len(l)], l) {
			link = l
			break
		}
	}
	if link == "" {
		return false
	}
	p := ve + len(link)
	for n := 0; n < 4 && p < len(text); n++ {
		s := p
		for p < len(text) && pinWordByte(text[p]) && text[p] != '-' {
			p++
		}
		if p == s {
			return false
		}
		if inWords(text[s:p], codeFirstNames) {
			return p == len(text) || !isAlnum(text[p])
		}
		if p < len(text) && text[p] != ' ' {
			return false
		}
		p++
	}
	return false
}

// googleCodePrefix reports Google's "G-" before a code at text[rs]
// ("G-645813 is your Google verification code").
func googleCodePrefix(text string, rs int) bool {
	return rs >= 2 && text[rs-1] == '-' && text[rs-2] == 'G' && (rs == 2 || !isAlnum(text[rs-3]))
}

// wordedCodeMin is the number of codes in a worded block.
const wordedCodeMin = 4

// backupCodeWords on the line above a block name backup or recovery codes
// (matched in any case, ASCII folded).
var backupCodeWords = []string{
	"backup code", "backup-code", "back-up code", "back-upcode", "recovery code", "recovery-code", "scratch code",
	"emergency code", "reserve code", "2fa code", "mfa code",
	"wiederherstellungscode", "notfallcode", "ersatzcode",
	"codes de secours", "codes de récupération", "codes de sauvegarde", "codes de secours",
	"códigos de respaldo", "códigos de recuperación", "códigos de backup", "códigos de reserva", "códigos de recuperação",
	"codici di backup", "codici di recupero", "codici di emergenza",
	"herstelcode", "reservecode", "reservkod", "återställningskod", "reservekode", "gjenopprettingskode",
	"kody zapasowe", "kodów zapasowych", "kody odzyskiwania", "kody awaryjne", "kody jednorazowe",
	"varakoodi", "palautuskoodi", "záložní kód", "záložní kódy", "obnovovací kód", "yedek kod", "kurtarma kod",
	"tartalék kód", "coduri de rezervă", "coduri de recuperare", "резервные коды", "резервні коди", "коды восстановления",
	"バックアップコード", "リカバリーコード", "备用码", "备份码", "恢复码", "備用碼", "백업 코드", "복구 코드",
}

// looseCodeAt returns the end of a code of the worded-block shapes at
// text[p]: eight to twelve lower-case letters and digits, or xxxx-xxxx
// (letters and digits), standing alone; -1 otherwise.
func looseCodeAt(text string, p int) int {
	e := p
	for e < len(text) && e-p <= 12 && (isDigit(text[e]) || text[e] >= 'a' && text[e] <= 'z') {
		e++
	}
	n := e - p
	if n == 4 && e+5 <= len(text) && text[e] == '-' {
		f := e + 1
		for f < len(text) && f-e <= 5 && (isDigit(text[f]) || text[f] >= 'a' && text[f] <= 'z') {
			f++
		}
		if f-e-1 != 4 {
			return -1
		}
		e, n = f, 9
	} else if n < 8 || n > 12 {
		return -1
	}
	if e < len(text) && text[e] != '\n' && text[e] != '\r' && text[e] != ' ' && text[e] != '\t' {
		return -1
	}
	return e
}

// looseCodeLine reports a line (starting at ls) that holds one code of
// the worded-block shapes and nothing else.
func looseCodeLine(text string, ls int) bool {
	p := lineCodeStart(text, ls)
	e := looseCodeAt(text, p)
	if e < 0 {
		return false
	}
	for e < len(text) && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r') {
		e++
	}
	return e == len(text) || text[e] == '\n'
}

// wordedCodeList reports the code starting the run at text[rs] on a line
// of its own (from ls) in a block of wordedCodeMin or more such lines
// whose line above (blank lines between) names backup or recovery codes.
func (d *Detector) wordedCodeList(st *scanState, text string, ls, rs int) {
	e := looseCodeAt(text, rs)
	if e < 0 || !looseCodeLine(text, ls) {
		return
	}
	digits, letters := 0, 0
	for i := rs; i < e; i++ {
		if isDigit(text[i]) {
			digits++
		} else if text[i] != '-' {
			letters++
		}
	}
	if digits == 0 || letters == 0 {
		return
	}
	top, total := ls, 1
	for p, k := ls, 0; p > 0 && k < codeListLines; k++ { // up
		q := prevLine(text, p)
		if !looseCodeLine(text, q) {
			break
		}
		top, total, p = q, total+1, q
		if q == 0 {
			break
		}
	}
	for p, k := nextLine(text, ls), 0; p >= 0 && k < codeListLines && total < wordedCodeMin; k++ { // down
		if !looseCodeLine(text, p) {
			break
		}
		total++
		p = nextLine(text, p)
	}
	if total < wordedCodeMin || top == 0 {
		return
	}
	// the line above the block, blank lines skipped
	j := top - 1
	for j > 0 && (text[j-1] == '\n' || text[j-1] == '\r' || text[j-1] == ' ') && top-j < 8 {
		j--
	}
	ps := j
	for ps > 0 && text[ps-1] != '\n' && j-ps < 300 {
		ps--
	}
	line := text[ps:j]
	for _, w := range backupCodeWords {
		if containsFold(line, w) {
			for _, r := range revokedWords {
				if containsFold(line, r) {
					return
				}
			}
			st.add(d.ix.backupCodes, rs, e)
			return
		}
	}
}

// openingQuotes open a quotation in many languages and stick to the word
// after them: „ “ ‘ ‚ « ‹.
var openingQuotes = [...]string{"\u201e", "\u201c", "\u2018", "\u201a", "\u00ab", "\u2039"}

// afterOpeningQuote returns where the word text[ws:we] starts after an
// opening quote stuck to it ("„Codul"), or ws.
func afterOpeningQuote(text string, ws, we int) int {
	if text[ws] < 0xc2 {
		return ws
	}
	for _, q := range openingQuotes {
		if we-ws > len(q) && text[ws:ws+len(q)] == q {
			return ws + len(q)
		}
	}
	return ws
}

// directNameBefore reports a name of lineDirectNames (one that takes its
// value right after it: "şifre", "hasło", "lösenordet", "adgangskoden")
// as the word before text[vs], one space between.
func directNameBefore(text string, vs int) bool {
	if vs < 2 || text[vs-1] != ' ' {
		return false
	}
	ws := vs - 1
	for ws > 0 && text[ws-1] != ' ' && text[ws-1] != '\n' && vs-1-ws < 24 {
		ws--
	}
	return inWords(text[ws:vs-1], lineDirectNames)
}

// integrationKeyName reports the name of an integration key: Duo's ikey
// (an application's identifier, next to its secret skey) and the
// integration key of OAuth apps (DocuSign's client id). The value names
// the application; the secret is the one beside it.
func integrationKeyName(name string) bool {
	switch {
	case equalFold(name, "ikey"), equalFold(name, "integration_key"), equalFold(name, "integrationkey"), equalFold(name, "integration-key"):
		return true
	case len(name) > 5 && equalFold(name[len(name)-5:], "_ikey"):
		return true
	}
	return false
}
