package secrets

import "strings"

// Credentials laid out in lines rather than sentences, read from the value
// back (the run hook calls proseLines when the sentence forms in
// proseSecret found nothing):
//
//   - a label and a separator before the value on its line: "MDP : x",
//     "hasło bind: x", "• Wachtwoord kassa-pc: x", "Chiave precondivisa:
//     x", "password for the shared Adobe Stock account → x", "PW x" (a
//     bare name at the start of a line);
//   - a password name right before a strong value in languages whose
//     word for it the sentence forms do not take ("a palavra-passe x",
//     "şifresi x olarak güncellendi");
//   - a value that starts its line (after a speaker, a time stamp or a
//     dash) under a label line ("New password" / "Init-9104!") or in the
//     answer to a question about a password a few lines up ("what's the
//     password for the Canva account?" … "Thunder2022%"; "¿cuál era la
//     clave del router?" … "la de admin es x");
//   - a value that starts its line, then an arrow or a dash and a name
//     ("x ← that's the new Wi-Fi key").
//
// Every form takes only a password-shaped value (proseValue: 8 to 64
// bytes, three character classes, not a path), or for key and token names
// a token-shaped one that passes the assignment checks.

// lineLabelNames name a password in a label (lower case, matched as whole
// words with ASCII case folding; the capitalised forms of names that start
// with a non-ASCII letter are listed too).
var lineLabelNames = []string{
	"password", "passwort", "passwd", "passcode", "passphrase", "pwd", "pw", "psw", "pass", "mdp",
	"kennwort", "mot de passe", "contraseña", "contrasena", "clave", "senha", "palavra-passe",
	"wachtwoord", "hasło", "haslo", "lösenord", "losenord", "passord", "adgangskode", "kodeord",
	"salasana", "heslo", "jelszó", "parola", "şifre", "şifresi", "Şifre", "Şifresi", "sifre",
	"пароль", "Пароль", "пароля", "mật khẩu", "kata sandi",
	// Greek, Hebrew, Arabic (كلمة المرور, كلمة السر: twoWordName), Hindi,
	// Thai, Croatian/Serbian, Slovene, Estonian, Lithuanian, Latvian, and
	// passphrase words
	"κωδικός", "Κωδικός", "סיסמה", "סיסמא", "पासवर्ड", "รหัสผ่าน", "lozinka", "geslo", "parool",
	"slaptažodis", "parole", "lösenfras", "lösenfrasen", "wachtzin", "passfras", "passfrase",
	// Turkish "my/your password", Malay, Bengali, Persian
	"şifrem", "Şifrem", "şifreniz", "Şifreniz", "kata laluan", "পাসওয়ার্ড", "রমজ", "رمز عبور",
	// Swahili, Icelandic, Albanian
	"nenosiri", "neno la siri", "lykilorð", "fjalëkalimi",
	// definite forms: Swedish, Norwegian, Danish
	"lösenordet", "losenordet", "passordet", "adgangskoden", "kodeordet",
	// Hungarian possessive and accusative forms, Estonian genitive,
	// Indonesian and Malay possessive ("kata sandinya adalah x")
	"jelszava", "jelszavam", "jelszavad", "jelszót", "parooli", "sandinya", "passwordnya",
}

// lineKeyNames name a key or a token in a label.
var lineKeyNames = []string{
	"key", "token", "secret", "psk", "apikey", "api-key", "community", "chiave", "clé", "cle",
	"schlüssel", "schluessel", "sleutel", "klucz", "nyckel", "nøgle", "chave", "ключ", "Ключ",
	"токен", "Токен", "anahtar", "anahtarı", "anahtari",
}

// lineNotKey are words before a key name that make it something other
// than a credential ("public key", "license key", "primary key").
var lineNotKey = []string{
	"public", "publishable", "site", "license", "licence", "product", "primary", "foreign",
	"sort", "partition", "idempotency", "cache", "registry", "lookup", "row", "object",
	"routing", "shard", "dedup", "map", "hash", "encryption", "recovery", "activation", "serial",
	// public or not a credential: a Mixpanel project token, an APNs or
	// FCM device token, a page or continuation token, a domain
	// verification token
	"project", "device", "push", "registration", "page", "pagination", "next", "continuation",
	"cursor", "sync", "verification",
}

// lineDirectNames take a strong value right after them with no separator
// (the sentence forms take "password X" only after a qualifier).
var lineDirectNames = []string{"palavra-passe", "şifresi", "Şifresi", "şifre", "Şifre", "şifrem", "Şifrem", "mdp", "hasło", "heslo", "jelszó",
	// Hungarian possessive and accusative forms ("a jelszava x", "jelszóval
	// x"); definite forms in Swedish, Norwegian and Danish ("med
	// lösenordet x", "og adgangskoden x")
	"jelszava", "jelszavam", "jelszavad", "jelszót", "jelszóval",
	"lösenordet", "losenordet", "passordet", "adgangskoden", "kodeordet",
	// Thai and Hindi write "password X" in running text; Thai "the
	// password is" is written as one word
	"รหัสผ่าน", "पासवर्ड", "รหัสผ่านคือ", "รหัสผ่านก็คือ"}

const (
	lineMaxLabel = 96 // bytes from a label's name to its separator
	lineMaxWords = 7  // words from a label's name to its separator
	lineLookBack = 480
	lineNear     = 128 // bytes looked back for the start of the value's line
)

// proseLines runs the line forms for the value starting at text[vs] (after
// white space, or at the start of a line).
func (d *Detector) proseLines(st *scanState, text string, vs int) {
	if d.ix.password < 0 || vs >= len(text) {
		return
	}
	if q := text[vs]; q == '"' || q == '\'' || q == '`' {
		return // quoted: the assignment scanner's
	}
	// Most values fail here, before any walk back: a number, a word, a
	// version. The value's shape is checked once a form matches.
	if !roughValue(text, vs) {
		// groups of four hex digits after a key component's label
		if vs+9 <= len(text) && text[vs+4] == ' ' && vs > 1 && isHexGroup(text[vs:vs+4]) && isHexGroup(text[vs+5:vs+9]) {
			if i := spacesBefore(text, vs); i > 0 {
				if se, ok := separatorBefore(text, i); ok {
					ls := lineStartOf(text, se)
					if keyPartLabel(text, ls, se) {
						d.keyPartValue(st, text, vs)
					}
				}
			}
		}
		return
	}
	if vs == 0 || text[vs-1] == '\n' || text[vs-1] == '\r' {
		// a token alone on its line after a sentence that names a key and
		// ends in a colon: "usa este token (só DNS:Edit):\n\nx"
		if pc := prevLineColon(text, vs); pc > 0 {
			if keyNamedBefore(text, pc) {
				d.farKeyValue(st, text, vs)
			} else if passwordNamedLine(text, pc) {
				// "Here is the new password:\n\nx": alone on its line
				if ve := proseValue(text, vs); ve > 0 && restOfLine(text, ve) == "" && !proseStandIn(text[vs:ve]) && !obviousFake(text[vs:ve]) {
					st.add(d.ix.password, vs, ve)
					return
				}
			}
		}
		// a raw private key alone on its line under wording about one
		if d.hexPrivateKeyLine(st, text, vs) {
			return
		}
		// the line printed by "cat .vault_pass", "type secret.txt"
		if vs > 0 && catSecretFile(text, vs) {
			d.printedSecret(st, text, vs)
			return
		}
		// the value starts its line: "x ← that's the new Wi-Fi key", or
		// a message on its own (password-shaped: at most 64 bytes)
		if proseValue(text, vs) < 0 {
			return
		}
		if !d.valueThenName(st, text, vs) {
			d.answerValue(st, text, vs, vs, false)
		}
		return
	}
	i := vs
	if isSpace(text[vs-1]) {
		i = spacesBefore(text, vs)
	}
	if i <= 0 {
		return
	}
	// The label forms look at most lineMaxLabel bytes back, the answer
	// forms want a short line: the line start is looked for only that
	// far, and only once a form's word or separator is there.
	lineStart := func() (int, bool) {
		ls := i
		for ls > 0 && text[ls-1] != '\n' {
			if vs-ls >= lineNear {
				return ls, false
			}
			ls--
		}
		return ls, true
	}
	if se, ok := separatorBefore(text, i); ok {
		ls, known := lineStart()
		kind := labelBefore(text, ls, se)
		if kind == prosePassword || kind == proseToken || kind == proseCommunity {
			d.addLineValue(st, text, vs, kind)
			return
		}
		if known && keyPartLabel(text, ls, se) {
			d.keyPartValue(st, text, vs) // "Left half (Security Officer 1): x", "Component 2 (double length): x"
			return
		}
		// "… reset the password. New one: x", "Le nouveau : x", "New value: x"
		if lb := pronounLabelStart(text, ls, se); lb >= 0 && passwordNamedBefore(text, lb) {
			if ve := proseValue(text, vs); ve > 0 && !proseStandIn(text[vs:ve]) && !obviousFake(text[vs:ve]) {
				st.add(d.ix.password, vs, ve)
			}
			return
		}
		// a speaker label ("Elif:", "[10:05] Lucía:") or a dash: the
		// value starts the message
		if known && speakerPrefix(text, ls, se) {
			d.answerValue(st, text, ls, vs, false)
			return
		}
		if text[se] == ':' && keyNamedBefore(text, se) {
			d.farKeyValue(st, text, vs) // "la clave de API de Freshdesk para el conector: x"
		}
		return
	}
	// "PW x" at the start of a line; "a palavra-passe x"
	if ws := proseWordBefore(text, i); ws >= 0 {
		w := text[ws:i]
		if inWords(trimLabelWord(w), lineKeyNames) && d.wifiKeyValue(st, text, vs) {
			return // "WLAN „Lager-3“, Schlüssel x"
		}
		// Arabic and Persian write "password x" in running text too
		// ("وكلمة المرور x", with "and" joined to the name)
		direct := inWords(w, lineDirectNames) || (w == "المرور" || w == "السر" || w == "عبور") && ws > 0 && twoWordName(text, 0, ws, w)
		if direct || inWords(w, lineLabelNames) || configPasswordKey(w) {
			ls, known := lineStart()
			atStart := known && (ws == ls || bulletOnly(text, ls, ws) || afterSpeaker(text, ls, ws))
			if atStart || direct {
				ve := proseValue(text, vs)
				if ve < 0 && direct {
					ve = labelledValueEnd(text, vs) // "och lösenordet hirx1ngt", "şifre c2gte9ai"
				}
				if ve > 0 && (!atStart || direct || restOfLine(text, ve) == "") && !proseStandIn(text[vs:ve]) && !obviousFake(text[vs:ve]) {
					st.add(d.ix.password, vs, ve) // "PW x" alone on its line; "a palavra-passe x"
				}
				return
			}
		}
	}
	link := linkBefore(text, i)
	if !link || wordEndsAt(text, i, "to") {
		// "salasana on x", "adgangskoden er x", "hasło to x", "пароль от вайфая x"
		if ls, _ := lineStart(); pairedLinkName(text, ls, i) || slavicConnectorName(text, ls, i) {
			d.addLineValue(st, text, vs, prosePassword)
			return
		}
	}
	if (link && !wordEndsAt(text, i, "to")) || changedTo(text, i) {
		// "the password we set is x", "das neue Kennwort laut Mail
		// ist x", "SNMP community on the switches is x", "het
		// wachtwoord … is gewijzigd naar x"
		ls, known := lineStart()
		if kind := nameFewWordsBefore(text, ls, i); kind != proseNone {
			d.addLineValue(st, text, vs, kind)
			return
		}
		// "la de admin es x" in a short answer line
		if known && i-ls <= 48 {
			d.answerValue(st, text, ls, vs, true)
		}
	}
	// "it asks for the service account password, I type x"
	if ws := proseWordBefore(text, i); ws >= 0 && inWords(text[ws:i], typeVerbs) {
		ls, _ := lineStart()
		ss := max(ls, ws-120)
		for k := ws - 1; k > ss; k-- {
			if c := text[k]; (c == '.' || c == '?' || c == '!') && isSpace(text[k+1]) {
				ss = k + 1 // the sentence the verb is in
				break
			}
		}
		if nameInLine(text[ss:ws]) {
			if ve := proseValue(text, vs); ve > 0 && !proseStandIn(text[vs:ve]) && !obviousFake(text[vs:ve]) {
				st.add(d.ix.password, vs, ve)
			}
			return
		}
	}
	j := afterNow(text, i)
	if j != i && linkBefore(text, j) && !wordEndsAt(text, j, "to") {
		// "the wifi password is now x", "das Passwort … ist jetzt x",
		// "the admin password is literally x"
		ls, _ := lineStart()
		if kind := nameFewWordsBefore(text, ls, j); kind != proseNone {
			d.addLineValue(st, text, vs, kind)
			return
		}
	}
	// "… the password for the VPN. It's now x", "… la contraseña. La que
	// pongo es x": a short sentence of pronouns after one that names it
	if (j == i && link || j != i && linkBefore(text, j)) && (!wordEndsAt(text, j, "to") || polishTo(text, j)) && pronounSentence(text, j, vs) {
		ve := proseValue(text, vs)
		if ve > 0 && !proseStandIn(text[vs:ve]) && !obviousFake(text[vs:ve]) {
			st.add(d.ix.password, vs, ve)
		}
	}
}

// typeVerbs say a value was typed where a password is asked for.
var typeVerbs = []string{"type", "typed", "enter", "entered", "input", "tried", "pongo", "puse", "escribo", "tecleo", "digito", "digitei", "coloco", "tippe", "gebe", "tape", "saisis", "wpisuję", "wpisuje", "nhập", "ketik", "masukkan",
	// second person and more languages: "tu tapes x", "ik geef x",
	// "ik typ x", "inserisco x", "digite x", "skriver x", "yazıyorum x"
	"tapes", "tapez", "saisissez", "entrez", "geef", "typ", "tik", "vul", "inserisco", "inserisci", "scrivo", "digita", "digite",
	"gib", "gibst", "tippst", "skriver", "skriv", "kirjoitan", "syötän", "yazıyorum", "yazdım", "zadávám", "zadal", "ввожу", "ввёл", "ввел"}

// lineNowWords stand between a linking word and a new value: "it's now
// x", "es ahora x", "ist jetzt x".
var lineNowWords = []string{"now", "ahora", "jetzt", "nun", "maintenant", "désormais", "agora", "nu", "adesso", "ora", "teraz", "sekarang", "bây giờ", "şimdi", "acum",
	"currently", "still", "literally", "actually", "simply", "just", "aktuell", "noch", "actuellement", "actualmente", "atualmente", "attualmente", "ainda", "todavía", "encore"}

// afterNow returns where a "now" word that ends text[:i] starts (after
// the spaces before it), or i.
func afterNow(text string, i int) int {
	if ws := proseWordBefore(text, i); ws >= 0 && inWords(text[ws:i], lineNowWords) {
		if j := spacesBefore(text, ws); j > 0 {
			return j
		}
	}
	return i
}

// polishTo reports Polish "to" (it is) after "teraz" or "nowe" ending
// text[:j]: "Teraz to x", "Nowe to x".
func polishTo(text string, j int) bool {
	if !wordEndsAt(text, j, "to") {
		return false
	}
	k := spacesBefore(text, j-2)
	if k <= 0 {
		return false
	}
	ws := proseWordBefore(text, k)
	return ws >= 0 && (equalFold(text[ws:k], "teraz") || equalFold(text[ws:k], "nowe"))
}

// nowAfterValue reports a "now" word right after the value starting at
// text[vs]: "It's x now.", "C'est x maintenant."
func nowAfterValue(text string, vs int) bool {
	ve := proseValue(text, vs)
	if ve < 0 || ve >= len(text) || text[ve] != ' ' {
		return false
	}
	k := ve + 1
	e := k
	for e < len(text) && isLetter(text[e]) {
		e++
	}
	return e > k && inWords(text[k:e], lineNowWords)
}

// pronounMarkers make the short sentence about a new or current value:
// "the new one is", "la que pongo es", "das neue ist".
var pronounMarkers = []string{"new", "nueva", "nuevo", "neue", "nouveau", "nouvelle", "nova", "novo", "nieuwe", "nuova", "nowe", "pongo", "uso", "puse", "mine"}

// afterNowAt reports a "now" word right after the linking word ending
// text[:j] ("it's now x").
func afterNowAt(text string, j int) bool {
	k := j
	for k < len(text) && text[k] == ' ' {
		k++
	}
	e := k
	for e < len(text) && isLetter(text[e]) {
		e++
	}
	return e > k && inWords(text[k:e], lineNowWords)
}

// pronounLabelStart returns where a label of pronoun words with a marker
// ("New one", "Le nouveau", "Die neue", "New value") that ends at the
// separator text[se] starts, after a sentence end on its line or at the
// line start ls; -1 otherwise.
func pronounLabelStart(text string, ls, se int) int {
	j := se
	for j > ls && isSpace(text[j-1]) {
		j--
	}
	marked := false
	for n := 0; n < 4; n++ {
		ws := j
		for ws > ls && !isSpace(text[ws-1]) {
			ws--
		}
		if ws == j {
			return -1
		}
		w := text[ws:j]
		if n > 0 && (endsSentence(w) || w[len(w)-1] == ',') {
			if marked {
				return j
			}
			return -1
		}
		switch {
		case inWords(w, pronounMarkers):
			marked = true
		case inWords(w, pronounWords) || inWords(w, valueWords):
		default:
			return -1
		}
		if ws == ls {
			if marked {
				return ls
			}
			return -1
		}
		j = ws
		for j > ls && isSpace(text[j-1]) {
			j--
		}
	}
	return -1
}

// valueWords stand for a value in a label: "New value:", "Neuer Wert:".
var valueWords = []string{"value", "valor", "wert", "valeur", "valore", "waarde", "wartość", "one"}

// pronounWords may make up the short sentence before a value whose name
// the sentence before gave: "It's now", "The new one is", "La que pongo
// es", "Die neue ist", "C'est", "A nova é", "Het nieuwe is".
var pronounWords = []string{
	"it", "it's", "its", "this", "that", "the", "new", "one", "now", "mine", "my",
	"la", "el", "lo", "que", "pongo", "uso", "puse", "nueva", "nuevo", "ahora",
	"die", "das", "der", "neue", "es", "er", "sie", "jetzt", "nun",
	"c'est", "ce", "c'", "le", "nouveau", "nouvelle", "maintenant", "il", "elle",
	"a", "o", "nova", "novo", "ela", "ele", "agora", "het", "nieuwe", "de", "nu",
	"quella", "nuova", "ora", "adesso", "ta", "nowe", "teraz", "to",
}

// pronounSentence reports a sentence of at most five pronoun words that
// ends with the linking word ending text[:j] and starts after the end of
// a sentence that names a password, on the same line or the line before
// (at most 200 bytes back).
func pronounSentence(text string, j, vs int) bool {
	ss, marked := -1, afterNowAt(text, j) || nowAfterValue(text, vs)
	for n, k := 0, j; n < 6; n++ {
		ws := k
		for ws > 0 && text[ws-1] != ' ' && text[ws-1] != '\n' && text[ws-1] != '\t' {
			ws--
		}
		if ws == k {
			return false
		}
		w := text[ws:k]
		if n > 0 {
			if endsSentence(w) || w[len(w)-1] == ':' || w[len(w)-1] == ',' {
				ss = k // the sentence before ends here
				break
			}
			if !inWords(w, pronounWords) && !inWords(w, proseLinks) {
				return false
			}
		}
		if inWords(w, pronounMarkers) || inWords(w, lineNowWords) {
			marked = true
		}
		if ws == 0 || text[ws-1] == '\n' {
			ss = ws // the line starts the sentence
			break
		}
		k = spacesBefore(text, ws)
		if k <= 0 {
			return false
		}
	}
	if ss <= 0 || !marked {
		return false
	}
	return passwordNamedBefore(text, ss)
}

// passwordNamedBefore reports a password name in the 200 bytes before
// text[ss], on its line or the line before.
func passwordNamedBefore(text string, ss int) bool {
	lines := 0
	next := "" // the word after the one looked at
	for we := ss; we > 0 && ss-we < 200; {
		for we > 0 && !wordByte(text[we-1]) {
			if text[we-1] == '\n' {
				if lines++; lines > 1 {
					return false
				}
			}
			we--
		}
		ws := we
		for ws > 0 && wordByte(text[ws-1]) {
			ws--
		}
		if ws == we {
			return false
		}
		w := text[ws:we]
		if h := strings.LastIndexByte(w, '-'); h >= 0 && h+1 < len(w) {
			w = w[h+1:] // "WLAN-Passwort"
		}
		if inWords(w, lineLabelNames) || twoWordName(text, max(0, ss-200), ws, w) {
			// not "the password policy", "password reset emails"
			if !inWords(next, lineAboutWords) && !inWords(next, passwordTalkWords) && !inWords(next, passwordThingWords) {
				return true
			}
		}
		next = text[ws:we]
		we = ws
	}
	return false
}

// passwordThingWords after a password name make it something else than
// a password: "the password manager", "password reset emails".
var passwordThingWords = []string{"managers", "resets", "emails", "email", "mail", "requests", "request", "tool", "app", "vault", "spray", "spraying", "leak", "leaks", "breach", "protected", "protection", "less", "expiry", "expired", "audit"}

var configPasswordWords = []string{"requirepass", "masterauth", "rpcpassword", "bindpw", "bind_pw"}

// configPasswordKey reports a configuration key that names a password
// and takes its value after white space at the start of a line
// (mosquitto's "remote_password x", redis' "requirepass x", "bind_pw x").
func configPasswordKey(w string) bool {
	if inWords(w, configPasswordWords) {
		return true
	}
	if indexByte(w, '_') <= 0 || containsAny(nameNegMatcher, w) {
		return false // min_password, password_hash_password
	}
	for _, suf := range [...]string{"_password", "_passwd", "_pass", "_pwd"} {
		if len(w) > len(suf) && equalFold(w[len(w)-len(suf):], suf) {
			return true
		}
	}
	return false
}

// keyHalfWords name one part of a key split between custodians; keySides
// say which ("left half", "zweite Hälfte", "première moitié").
var (
	keyHalfWords = []string{"half", "halves", "hälfte", "haelfte", "moitié", "moitie", "mitad", "metade", "metà", "meta", "helft", "połowa", "polowa"}
	keySides     = []string{
		"left", "right", "first", "second", "1st", "2nd", "linke", "rechte", "erste", "zweite",
		"gauche", "droite", "première", "premiere", "seconde", "deuxième", "izquierda", "derecha",
		"primera", "segunda", "primeira", "sinistra", "destra", "prima", "seconda", "linker", "rechter",
		"eerste", "tweede", "lewa", "prawa", "pierwsza", "druga",
	}
	keyComponentWords = []string{"component", "komponente", "composante", "componente", "komponent", "share"}
)

// keyPartLabel reports a label (ending at the separator text[se], from
// the line start ls) that names a part of a split key: a side and a half
// word next to each other ("Left half", "metade direita"), or a component
// or share with its number ("Component 2 (double length)").
func keyPartLabel(text string, ls, se int) bool {
	label := text[ls:se]
	if len(label) > 64 {
		return false
	}
	prev := ""
	for i := 0; i < len(label); {
		for i < len(label) && !wordByte(label[i]) && !isDigit(label[i]) {
			i++
		}
		j := i
		for j < len(label) && (wordByte(label[j]) || isDigit(label[j])) {
			j++
		}
		if j == i {
			break
		}
		w := label[i:j]
		if inWords(w, keyHalfWords) && inWords(prev, keySides) || inWords(prev, keyHalfWords) && inWords(w, keySides) {
			return true
		}
		if inWords(prev, keyComponentWords) && len(w) <= 2 && isDigit(w[0]) {
			return true
		}
		prev = w
		i = j
	}
	return false
}

// keyPartValue reports the part of a key after such a label: a token of
// 16 to 64 letters and digits with high entropy, or four to sixteen
// groups of four hex digits.
func (d *Detector) keyPartValue(st *scanState, text string, vs int) {
	if d.ix.generic < 0 {
		return
	}
	e := vs
	groups := 0
	for e+4 <= len(text) && isHexGroup(text[e:e+4]) && (e+4 == len(text) || !isAlnum(text[e+4])) {
		groups++
		if e+5 < len(text) && text[e+4] == ' ' && e+9 <= len(text) && isHexGroup(text[e+5:e+9]) {
			e += 5
			continue
		}
		e += 4
		break
	}
	if groups >= 4 && groups <= 16 {
		if v := text[vs:e]; shannon(v) > 3 && hexLetter(v) && !obviousFake(v) {
			st.add(d.ix.generic, vs, e)
		}
		return
	}
	e = proseTokenEnd(text, vs)
	if e < 0 || e-vs < 16 || e-vs > 64 {
		return
	}
	v := text[vs:e]
	if tokenShaped(v) && hasDigitAndLetter(v) && shannon(v) > 3.5 && d.acceptValue(v, "key", false, true, true) {
		st.add(d.ix.generic, vs, e)
	}
}

// hexLetter reports a hex letter in v.
func hexLetter(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i] | 0x20; 'a' <= c && c <= 'f' {
			return true
		}
	}
	return false
}

// isHexGroup reports four upper-case hex digits (or lower-case ones).
func isHexGroup(g string) bool {
	up, lo := 0, 0
	for i := 0; i < len(g); i++ {
		switch c := g[i]; {
		case isDigit(c):
		case 'A' <= c && c <= 'F':
			up++
		case 'a' <= c && c <= 'f':
			lo++
		default:
			return false
		}
	}
	return up == 0 || lo == 0
}

// privateKeyWords name a private key in many languages; hashWords make
// 64 hex digits a digest or an identifier instead.
var (
	privateKeyWords = []string{
		"private key", "privatekey", "private_key", "privkey", "priv key", "secret key", "clave privada",
		"chave privada", "clé privée", "cle privee", "privater schlüssel", "privaten schlüssel", "chiave privata",
		"klucz prywatny", "приватный ключ", "özel anahtar", "khóa riêng", "kunci privat", "私钥", "私鑰", "秘密鍵", "개인 키", "개인키",
	}
	hashWords = []string{
		"sha256", "sha-256", "sha3", "keccak", "hash", "digest", "checksum", "fingerprint", "txid", "tx id",
		"transaction", "commit", "public key", "pubkey", "address", "block", "merkle", "signature", "seed hash",
	}
)

// hexPrivateKeyLine reports 64 hex digits (an optional 0x before them)
// alone on their line when the 300 bytes before name a private key and no
// digest: "I exported the private key from MetaMask … is it the wrong
// format?\n\n<64 hex>".
func (d *Detector) hexPrivateKeyLine(st *scanState, text string, vs int) bool {
	if d.ix.generic < 0 || vs == 0 {
		return false
	}
	s := vs
	if s+2 <= len(text) && text[s] == '0' && text[s+1]|0x20 == 'x' {
		s += 2
	}
	e := s
	for e < len(text) && e-s <= 64 && isHexByte(text[e]) {
		e++
	}
	if e-s != 64 || restOfLine(text, e) != "" {
		return false
	}
	before := text[max(0, vs-300):vs]
	found := false
	for _, w := range privateKeyWords {
		if containsFold(before, w) {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	if hashWordBefore(text, vs) {
		return false
	}
	if v := text[s:e]; shannon(v) > 3.5 && !obviousFake(v) {
		st.add(d.ix.generic, vs, e)
	}
	return true
}

// hashWordBefore reports wording about a digest in the 300 bytes before
// text[vs].
func hashWordBefore(text string, vs int) bool {
	before := text[max(0, vs-300):vs]
	for _, w := range hashWords {
		if containsFold(before, w) {
			return true
		}
	}
	return false
}

func allHex(v string) bool {
	for i := 0; i < len(v); i++ {
		if !isHexByte(v[i]) {
			return false
		}
	}
	return len(v) > 0
}

func isHexByte(c byte) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }

// catCommands print a file.
var catCommands = []string{"cat", "sudo cat", "type", "more", "less", "head", "tail", "get-content", "gc", "bat"}

// secretFileWords in a file's base name say it holds a credential.
var secretFileWords = []string{"pass", "pwd", "secret", "token", "credential", "creds", "apikey", "api_key", "api-key"}

// catSecretFile reports that the line before the one starting at ls is a
// shell command printing a file whose name says it holds a credential:
// "$ cat .vault_pass", "PS C:\> type C:\ops\db-password.txt".
func catSecretFile(text string, ls int) bool {
	pe := ls - 1
	if pe > 0 && text[pe-1] == '\r' {
		pe--
	}
	ps := pe
	for ps > 0 && text[ps-1] != '\n' && pe-ps < 200 {
		ps--
	}
	line := trimSpaceASCII(text[ps:pe])
	// the prompt: "$ ", "# ", "> ", "user@host:~$ ", "PS C:\x> "
	if k := strings.LastIndex(line, "$ "); k >= 0 && k < 64 {
		line = line[k+2:]
	} else if k := strings.LastIndex(line, "> "); k >= 0 && k < 64 {
		line = line[k+2:]
	} else if k := strings.LastIndex(line, "# "); k >= 0 && k < 64 {
		line = line[k+2:]
	} else {
		return false
	}
	cmd := ""
	for _, c := range catCommands {
		if len(line) > len(c)+1 && equalFold(line[:len(c)], c) && line[len(c)] == ' ' {
			cmd = c
			break
		}
	}
	if cmd == "" {
		return false
	}
	path := trimSpaceASCII(line[len(cmd)+1:])
	if path == "" || indexByte(path, ' ') >= 0 || indexByte(path, '|') >= 0 {
		return false // flags, several files, a pipe
	}
	base := path[max(strings.LastIndexByte(path, '/'), strings.LastIndexByte(path, '\\'))+1:]
	for _, w := range [...]string{"policy", "policies", "rule", "hint", "example", "sample", "template", "readme", "doc", ".md", ".rst", ".html", ".pdf", "generator", "reset", "history"} {
		if containsFold(base, w) {
			return false // about passwords, or a stand-in
		}
	}
	for _, w := range secretFileWords {
		if containsFold(base, w) {
			return !containsFold(base, "passwd") || containsFold(base, ".passwd") // /etc/passwd lists users
		}
	}
	return false
}

// printedSecret reports the value alone on its line after a command that
// printed a credential file: password-shaped or token-shaped.
func (d *Detector) printedSecret(st *scanState, text string, vs int) {
	if e := proseTokenEnd(text, vs); e-vs >= 24 && restOfLine(text, e) == "" && tokenShaped(text[vs:e]) && d.ix.generic >= 0 && d.acceptValue(text[vs:e], "token", false, true, true) {
		st.add(d.ix.generic, vs, e)
		return
	}
	if ve := proseValue(text, vs); ve > 0 && restOfLine(text, ve) == "" {
		if !proseStandIn(text[vs:ve]) && !obviousFake(text[vs:ve]) {
			st.add(d.ix.password, vs, ve)
		}
		return
	}
	if e := proseTokenEnd(text, vs); e > vs && restOfLine(text, e) == "" && tokenShaped(text[vs:e]) && d.ix.generic >= 0 && d.acceptValue(text[vs:e], "token", false, true, true) {
		st.add(d.ix.generic, vs, e)
	}
}

// farKeyReach bounds how far before a colon a sentence may name a key.
const farKeyReach = 160

// farKeyWords name a key or a token in a sentence (lower case, whole
// words; "clave", "ключ" …: lineKeyNames, plus "api-token", "jeton").
var farKeyWords = append([]string{"api-token", "clave", "jeton"}, lineKeyNames...)

// keyNamedBefore reports a sentence that names a key or token and ends in
// the colon at text[se]: at most farKeyReach bytes back on the line, no
// sentence end between, and not "public key", "license key" ….
func keyNamedBefore(text string, se int) bool {
	j := se
	for words := 0; j > 0 && se-j < farKeyReach && words < 24; words++ {
		for j > 0 && (isSpace(text[j-1]) || text[j-1] == '(' || text[j-1] == ')' || text[j-1] == ',' || text[j-1] == '"') {
			j--
		}
		ws := j
		for ws > 0 && !isSpace(text[ws-1]) && text[ws-1] != '\n' && text[ws-1] != '(' && text[ws-1] != ')' && text[ws-1] != ',' && text[ws-1] != '"' {
			ws--
		}
		if ws == j {
			return false
		}
		raw := text[ws:j]
		if j != se && endsSentence(raw) {
			return false
		}
		w := trimLabelWord(raw)
		if raw[0] >= 0x80 && cjkKeyWord(raw) {
			return true // "…将使用以下密钥签名"："
		}
		if inWords(w, farKeyWords) {
			if p := prevWord(text, max(0, ws-40), ws); p != "" && inWords(p, lineNotKey) {
				return false
			}
			return true
		}
		if ws > 0 && text[ws-1] == '\n' {
			return false
		}
		j = ws
	}
	return false
}

// passwordNamedLine reports a line ending in the colon at text[se] that
// names a password ("Here is the new password:", "Your app password
// for Outlook:", "新しいパスワード："), and is not about one ("The password
// requirements are:").
func passwordNamedLine(text string, se int) bool {
	ls := se
	for ls > 0 && text[ls-1] != '\n' && se-ls < 160 {
		ls--
	}
	line := text[ls:se]
	found := false
	for i := 0; i < len(line); {
		for i < len(line) && !wordByte(line[i]) {
			i++
		}
		j := i
		for j < len(line) && wordByte(line[j]) {
			j++
		}
		if j == i {
			break
		}
		w := line[i:j]
		switch {
		case inWords(w, lineAboutWords) || inWords(w, passwordTalkWords) || inWords(w, revokedWords):
			return false
		case inWords(w, lineLabelNames) || hyphenName(w) || twoWordName(line, 0, i, w):
			found = true
		}
		i = j
	}
	return found || cjkPasswordWord(line)
}

// revokedWords say a credential no longer works.
var revokedWords = []string{"revoked", "deleted", "expired", "invalidated", "disabled", "removed", "widerrufen", "gelöscht", "révoqué", "supprimé", "revocada", "eliminada", "revogada"}

// passwordTalkWords make a line about passwords rather than one that
// gives one: "Forgot your password?", "must contain:".
var passwordTalkWords = []string{"forgot", "forgotten", "must", "should", "contain", "contains", "least", "characters", "requirements", "tips", "never", "don't", "share", "sharing", "change", "strong", "weak", "choose", "create"}

// cjkPasswordWord reports a password name in Chinese, Japanese or Korean
// inside a line.
func cjkPasswordWord(line string) bool {
	for _, n := range [...]string{"密码", "密碼", "パスワード", "비밀번호", "口令"} {
		if index(line, n) >= 0 {
			return true
		}
	}
	return false
}

// cjkKeyWords name a key, a secret or a token in Chinese, Japanese and
// Korean, inside words written without spaces.
var cjkKeyWords = []string{"密钥", "密鑰", "秘钥", "秘密鍵", "シークレット", "トークン", "令牌", "시크릿", "비밀 키", "토큰"}

func cjkKeyWord(w string) bool {
	for _, k := range cjkKeyWords {
		if index(w, k) >= 0 {
			return true
		}
	}
	return false
}

// prevLineColon returns the colon that ends the last non-empty line
// before the line starting at ls (blank lines between are allowed), or
// -1.
func prevLineColon(text string, ls int) int {
	j := ls - 1 // its '\n'
	for j > 0 && (text[j-1] == '\n' || text[j-1] == '\r' || isSpace(text[j-1])) && ls-j < 8 {
		j--
	}
	if j > 0 && text[j-1] == ':' {
		return j - 1
	}
	if j >= 3 && text[j-3:j] == "：" {
		return j - 3
	}
	return -1
}

// farKeyValue reports a token at text[vs] after a sentence that names a
// key: only a strongly token-shaped one (20 bytes or more, letters and
// digits, high entropy, the assignment checks), since the name is far.
func (d *Detector) farKeyValue(st *scanState, text string, vs int) {
	if d.ix.generic < 0 || hashPrefixed(text[vs:]) {
		return
	}
	e := proseTokenEnd(text, vs)
	if e < 0 || indexByte(strings.TrimRight(text[vs:e], "="), '=') >= 0 {
		return // more than a token, or a pair ("id=key_…", the key's id; base64 padding aside)
	}
	v := text[vs:e]
	if allHex(v) && hashWordBefore(text, vs) {
		return // "the sha256 of the key file:", a digest
	}
	minH := 3.8
	if allHex(v) && len(v) >= 32 {
		minH = 3.3 // hex: 4 bits a byte at most
	}
	if len(v) >= 20 && tokenShaped(v) && hasDigitAndLetter(v) && shannon(v) > minH && d.acceptValue(v, "key", false, true, true) {
		st.add(d.ix.generic, vs, e)
	}
}

// nameFewWordsBefore reads back from the linking word or change verb
// ending text[:i] over at most six words on the line for a password or
// key name, with no sentence end and no word that makes the phrase about
// something else ("the password policy is …").
func nameFewWordsBefore(text string, ls, i int) int {
	j := i
	// the linking word itself, and a change verb's participle and
	// auxiliary before "to"
	for n := 0; n < 3 && j > ls; n++ {
		ws := j
		for ws > ls && !isSpace(text[ws-1]) {
			ws--
		}
		w := text[ws:j]
		if n > 0 && !inWords(w, lineChangeWords) && !linkBefore(text, j) {
			break
		}
		j = ws
		for j > ls && isSpace(text[j-1]) {
			j--
		}
	}
	for words := 0; words < 7 && j > ls; words++ {
		ws := j
		for ws > ls && !isSpace(text[ws-1]) {
			ws--
		}
		raw := text[ws:j]
		w := trimLabelWord(raw)
		if endsSentence(raw) || indexByte(raw, ':') >= 0 {
			return proseNone
		}
		switch {
		case inWords(w, lineAboutWords) || inWords(w, greekCodeKinds):
			return proseNone
		case inWords(w, lineLabelNames) || (ws > ls && twoWordName(text, ls, ws, w)):
			return prosePassword
		case snmpCommunityAt(text, ls, ws, w):
			return proseCommunity
		case inWords(w, lineKeyNames):
			if p := prevWord(text, ls, ws); p != "" && inWords(p, lineNotKey) {
				return proseNone
			}
			return proseToken
		}
		j = ws
		for j > ls && isSpace(text[j-1]) {
			j--
		}
	}
	return proseNone
}

// lineAboutWords make a phrase about a password rather than its value:
// "the password policy is …", "the password field is …".
var lineAboutWords = []string{
	"policy", "policies", "length", "requirement", "requirements", "rule", "rules", "format",
	"hint", "field", "manager", "strength", "expiry", "expiration", "reset", "link", "page",
	"prompt", "dialog", "complexity", "history", "hash", "hashes", "algorithm", "example",
	// about a key: "the key fingerprint is SHA256:…", "the key ID is …"
	"fingerprint", "fingerprints", "id", "ids", "name", "type", "size", "usage", "rotation",
	"version", "alias", "file", "path", "location", "vault", "store", "expiry", "owner",
}

// lineChangeWords stand between a name and "to" in other languages'
// "was changed to": "is gewijzigd naar", "wurde geändert auf", "a été
// changé en", "fue cambiada a", "foi alterada para", "è stata cambiata
// in", "zostało zmienione na".
var lineChangeWords = []string{
	"gewijzigd", "veranderd", "geändert", "geaendert", "gesetzt", "changé", "changée", "modifié",
	"modifiée", "cambiado", "cambiada", "cambiato", "cambiata", "modificata", "modificato",
	"impostata", "alterada", "alterado", "mudada", "mudado", "zmienione", "zmienione", "ustawione",
	// Indonesian and Malay "diganti menjadi", "diubah menjadi", "ditukar kepada"
	"diganti", "diubah", "ditukar", "ditetapkan",
}

// lineToWords are "to" after a change verb in other languages.
var lineToWords = []string{"naar", "auf", "in", "en", "a", "para", "na", "op", "menjadi", "jadi", "kepada"}

// changedTo reports a change verb and its "to" ending text[:i]
// ("gewijzigd naar", "geändert auf").
func changedTo(text string, i int) bool {
	ws := proseWordBefore(text, i)
	if ws < 0 || !inWords(text[ws:i], lineToWords) {
		return false
	}
	j := spacesBefore(text, ws)
	if j <= 0 {
		return false
	}
	ps := proseWordBefore(text, j)
	return ps >= 0 && inWords(text[ps:j], lineChangeWords)
}

// valueThenName reports a value that starts its line and is followed by
// an arrow or a dash and a password or key name later on the line:
// "x ← that's the new warehouse Wi-Fi key", "x - new VPN password".
func (d *Detector) valueThenName(st *scanState, text string, vs int) bool {
	ve := proseValue(text, vs)
	if ve < 0 {
		return false
	}
	k := ve
	for k < len(text) && isSpace(text[k]) {
		k++
	}
	arrow := false
	for _, a := range [...]string{"←", "<-", "<--", "—", "–", "-", "="} {
		if len(text)-k > len(a) && text[k:k+len(a)] == a && isSpace(text[k+len(a)]) {
			arrow = true
			k += len(a)
			break
		}
	}
	if !arrow {
		return false
	}
	le := k
	for le < len(text) && text[le] != '\n' && le-k < 96 {
		le++
	}
	rest := text[k:le]
	for i := 0; i < len(rest); {
		for i < len(rest) && !wordByte(rest[i]) {
			i++
		}
		j := i
		for j < len(rest) && wordByte(rest[j]) {
			j++
		}
		w := rest[i:j]
		if j > i && (inWords(w, lineLabelNames) || inWords(w, lineKeyNames)) {
			if proseStandIn(text[vs:ve]) || obviousFake(text[vs:ve]) {
				return true
			}
			st.add(d.ix.password, vs, ve)
			return true
		}
		i = j
	}
	return false
}

// roughValue is a quick necessary condition for both value shapes: at
// least eight printable bytes (ASCII, or Latin letters with diacritics)
// with a letter and a byte that is not one.
func roughValue(text string, vs int) bool {
	letter, other := false, false
	for e := vs; e < len(text) && text[e] > ' '; e++ {
		if text[e] >= 0x7f {
			n := latinLetterAt(text, e) // "Łódka_łó1"
			if n == 0 {
				return false
			}
			letter = true
			e += n - 1
		} else if isLetter(text[e]) {
			letter = true
		} else {
			other = true
		}
		if e-vs >= 7 && letter && other {
			return true
		}
	}
	return false
}

// addLineValue reports the value at text[vs] after a label of the kind:
// a password-shaped value after a password name; after a key name a
// token-shaped one, or a password-shaped one with a symbol in it
// ("Chiave precondivisa: 3xZeB+iJg8%…", not "key: WPA2-Personal").
func (d *Detector) addLineValue(st *scanState, text string, vs, kind int) {
	if hashPrefixed(text[vs:]) {
		return // SHA256:… is a fingerprint
	}
	if kind == proseCommunity {
		// an SNMP community: a token as a key's, else a password's shape
		if e := proseTokenEnd(text, vs); d.ix.generic >= 0 && e > vs && tokenShaped(text[vs:e]) && d.acceptValue(text[vs:e], "key", false, true, true) {
			st.add(d.ix.generic, vs, e)
			return
		}
		kind = prosePassword
	}
	if ve := proseValue(text, vs); ve > 0 && (kind == prosePassword || hasSymbol(text[vs:ve])) {
		if !proseStandIn(text[vs:ve]) && !obviousFake(text[vs:ve]) {
			st.add(d.ix.password, vs, ve)
		}
		return
	}
	if kind == prosePassword {
		// After a password label, letters and digits are enough: a
		// router's "Contraseña WiFi: 4NEHTRTGT7X7B1GBOJGG", "Contraseña de
		// acceso: c2gte9ai".
		if ve := labelledValueEnd(text, vs); ve > 0 && !proseStandIn(text[vs:ve]) && !obviousFake(text[vs:ve]) {
			st.add(d.ix.password, vs, ve)
		}
		return
	}
	if kind != proseToken || d.ix.generic < 0 {
		return
	}
	if e := proseTokenEnd(text, vs); e > vs && tokenShaped(text[vs:e]) && d.acceptValue(text[vs:e], "key", false, true, true) {
		st.add(d.ix.generic, vs, e)
	}
}

// labelledValueEnd returns the end of a value of letters and digits (both,
// 8 to 64 bytes, one word) starting at text[vs] after a password label,
// or -1: not a version, a date or a word with a year ("Sommer2024" has
// three classes and is proseValue's).
func labelledValueEnd(text string, vs int) int {
	ve := vs
	for ve < len(text) && ve-vs <= 64 && (isLetter(text[ve]) || isDigit(text[ve])) {
		ve++
	}
	if ve < len(text) && text[ve] > ' ' && text[ve] != ',' && text[ve] != '.' && text[ve] != ';' && text[ve] != ')' {
		return -1 // longer, or other bytes in it: proseValue's
	}
	v := text[vs:ve]
	if len(v) < 8 || len(v) > 64 || version(v) || isTemplate(v) {
		return -1
	}
	letters, digits, runs := 0, 0, 0
	for i := 0; i < len(v); i++ {
		if isDigit(v[i]) {
			digits++
			if i == 0 || !isDigit(v[i-1]) {
				runs++
			}
		} else {
			letters++
		}
	}
	// letters and digits mixed: more than one run of digits, digits
	// first, or digits inside ("4NEHTRTGT7X7B1GBOJGG", "c2gte9ai",
	// "hirx1ngt"; not "Kunde2024")
	if letters < 2 || digits < 1 || runs < 2 && !isDigit(v[0]) && isDigit(v[len(v)-1]) || shannon(v) < 2.5 {
		return -1
	}
	return ve
}

// answerValue reports a value that starts a message (at text[vs], on the
// line starting at ls) when a label line stands right above it or a
// question about a password a few lines up. inLine: the value ends a short
// answer ("la de admin es x") instead of standing alone.
func (d *Detector) answerValue(st *scanState, text string, ls, vs int, inLine bool) {
	ve := proseValue(text, vs)
	if ve < 0 || proseStandIn(text[vs:ve]) || obviousFake(text[vs:ve]) {
		return
	}
	le := ve
	for le < len(text) && text[le] != '\n' && le-ve < 64 {
		le++
	}
	alone := onlyTrailer(text[ve:le])
	if ls == 0 {
		return
	}
	// the line above, and up to six lines before it
	pe := ls - 1
	for n := 0; n < 7 && pe > 0 && ls-pe < lineLookBack; n++ {
		ps := lineStartOf(text, pe)
		line := text[ps:pe]
		if n == 0 && !inLine && bareLabel(line) {
			st.add(d.ix.password, vs, ve) // "New password" / "Init-9104!   Show"
			return
		}
		if alone || inLine {
			if q := indexByte(line, '?'); q >= 0 && nameInLine(line[:q]) {
				st.add(d.ix.password, vs, ve)
				return
			}
		}
		if ps == 0 {
			return
		}
		pe = ps - 1
	}
}

// lineStartOf returns the start of the line holding text[i] (at most
// lineLookBack bytes back; further back it returns i's side of that
// window, which no label can start before).
func lineStartOf(text string, i int) int {
	j := i
	for j > 0 && i-j < lineLookBack && text[j-1] != '\n' {
		j--
	}
	return j
}

// separatorBefore reports a label separator ending text[:i] (":", "：",
// "→", "->", "=>", "—", "–", "--", "-") and returns where it starts.
func separatorBefore(text string, i int) (int, bool) {
	switch c := text[i-1]; {
	case c == ':':
		return i - 1, true
	case c == '>' && i >= 2 && (text[i-2] == '-' || text[i-2] == '='):
		return i - 2, true
	case c == '-':
		if i >= 2 && text[i-2] == '-' {
			return i - 2, true
		}
		return i - 1, true
	case c >= 0x80 && i >= 3:
		switch text[i-3 : i] {
		case "：", "→", "—", "–":
			return i - 3, true
		}
	}
	return 0, false
}

// labelBefore reads the label that ends at text[se] (from the line start
// ls): a password or key name followed by at most a few words (a
// qualifier, a connector phrase, a bracket), with no sentence end between.
func labelBefore(text string, ls, se int) int {
	j := se
	for j > ls && isSpace(text[j-1]) {
		j--
	}
	// a qualifier in brackets before the separator: "(yes, the real one)",
	// counted as one word
	words := 0
	if j > ls && text[j-1] == ')' {
		if k := strings.LastIndexByte(text[max(ls, j-48):j], '('); k >= 0 {
			j = max(ls, j-48) + k
			for j > ls && isSpace(text[j-1]) {
				j--
			}
			words = 1
		}
	}
	for j > ls && se-j <= lineMaxLabel && words <= lineMaxWords {
		ws := j
		for ws > ls && !isSpace(text[ws-1]) {
			ws--
		}
		w := trimLabelWord(text[ws:j])
		if w == "" {
			// a separator or bullet between words
		} else if endsSentence(text[ws:j]) && j != se {
			return proseNone
		} else if words <= 2 && snmpCommunityAt(text, ls, ws, w) {
			return proseCommunity
		} else if inWords(w, lineLabelNames) || (ws > ls && twoWordName(text, ls, ws, w)) || hyphenName(w) {
			if words == 0 && text[se] == ':' && isPasswordName(w) {
				return proseNone // "password: x": the assignment scanner's
			}
			return prosePassword
		} else if words == 0 && !isASCII(w) && cjkKeyLabel(w) {
			return proseToken // "API密钥: x", "APIキー：x"
		} else if inWords(w, lineKeyNames) {
			if words == 0 && text[se] == ':' && isASCII(w) {
				return proseNone // "key: x", "token: x": the assignment scanner's
			}
			if p := prevWord(text, ls, ws); p != "" && inWords(p, lineNotKey) {
				return proseNone
			}
			if words > 2 {
				return proseNone // "key" far from its value: a sentence
			}
			return proseToken
		}
		words++
		j = ws
		for j > ls && isSpace(text[j-1]) {
			j--
		}
	}
	return proseNone
}

// hyphenName reports a compound whose last part is a password name
// ("WLAN-Passwort", "Admin-Kennwort", "Wi-Fi-wachtwoord").
func hyphenName(w string) bool {
	h := strings.LastIndexByte(w, '-')
	return h > 0 && h+1 < len(w) && inWords(w[h+1:], lineLabelNames)
}

// twoWordName reports the two-word password names ("mot de passe", "mật
// khẩu", "kata sandi") ending with w at text[:ws+len].
func twoWordName(text string, ls, ws int, w string) bool {
	switch {
	case equalFold(w, "passe"):
		return ws-ls >= 7 && equalFold(text[ws-7:ws-1], "mot de") || ws-ls >= 6 && equalFold(text[ws-6:ws-1], "palavra")
	case equalFold(w, "sandi"):
		return ws-ls >= 5 && equalFold(text[ws-5:ws-1], "kata")
	case w == "المرور" || w == "السر":
		return ws-ls >= 9 && text[ws-9:ws-1] == "كلمة"
	case w == "khẩu" || equalFold(w, "khau"):
		return ws-ls >= 6 && equalFold(text[ws-6:ws-1], "mật") || ws-ls >= 4 && equalFold(text[ws-4:ws-1], "mat")
	}
	// the other names of more than one word in lineLabelNames ("kata
	// laluan", "kata sandi", "رمز عبور"), by their last word
	for _, n := range lineMultiNames[lowerASCII(w[0])] {
		if k := len(n) - len(w); k > 0 && equalFold(n[k:], w) && ws-ls >= k && equalFold(text[ws-k:ws], n[:k]) &&
			(ws-k == ls || !isAlnum(text[ws-k-1]) && text[ws-k-1] < 0x80) {
			return true
		}
	}
	return false
}

// lineMultiNames holds the names of lineLabelNames written with spaces
// by the first byte (ASCII lower-cased) of their last word.
var lineMultiNames = func() (m [256][]string) {
	for _, n := range lineLabelNames {
		if i := strings.LastIndexByte(n, ' '); i > 0 {
			m[lowerASCII(n[i+1])] = append(m[lowerASCII(n[i+1])], n)
		}
	}
	return m
}()

// trimLabelWord strips brackets, quotes, bullets and markup around a word.
func trimLabelWord(w string) string {
	for len(w) > 0 && indexByte("([{*\"'`•#>", w[0]) >= 0 {
		w = w[1:]
	}
	for len(w) > 0 && indexByte(")]}*\"'`,;:", w[len(w)-1]) >= 0 {
		w = w[:len(w)-1]
	}
	if len(w) >= 3 && w[:3] == "•" {
		w = w[3:]
	}
	return w
}

// endsSentence reports a word that ends a sentence ("done.", "why?").
func endsSentence(w string) bool {
	if len(w) < 2 {
		return false
	}
	c := w[len(w)-1]
	return c == '?' || c == '!' || c == '.' && isLetter(w[len(w)-2])
}

// prevWord returns the word before text[ws] on its line, trimmed.
func prevWord(text string, ls, ws int) string {
	j := ws
	for j > ls && isSpace(text[j-1]) {
		j--
	}
	s := j
	for s > ls && !isSpace(text[s-1]) {
		s--
	}
	return trimLabelWord(text[s:j])
}

// bulletOnly reports whether text[ls:ws] holds only a bullet and spaces.
func bulletOnly(text string, ls, ws int) bool {
	s := trimSpaceASCII(text[ls:ws])
	switch s {
	case "", "-", "*", "•", ">", "—", "–":
		return true
	}
	return false
}

// afterSpeaker reports a chat speaker label and nothing else before the
// word at text[ws] on the line starting at ls: "Mum: password x",
// "[14/3 18:03] Ramón (jefe): contraseña x".
func afterSpeaker(text string, ls, ws int) bool {
	j := ws
	for j > ls && isSpace(text[j-1]) {
		j--
	}
	if j == ws || j <= ls+1 || text[j-1] != ':' {
		return false
	}
	return speakerPrefix(text, ls, j-1)
}

// speakerPrefix reports a chat speaker or a dash before the separator at
// text[se] at the start of a line: "Elif:", "[10:05] Lucía:", "Kwame
// Adeyemi 09:15:", "—".
func speakerPrefix(text string, ls, se int) bool {
	s := trimSpaceASCII(text[ls:se])
	if s == "" {
		return true // "— x", "-- x"
	}
	if se-ls > 1 && (text[ls] == ' ' && text[ls+1] == ' ' || text[ls] == '\t') {
		return false // an indented key ("    image: x" in YAML), not who speaks
	}
	if len(s) > 40 {
		return false
	}
	words := 1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			words++
		case c == '.' || c == '?' || c == '!' || c == ',':
			return false
		}
	}
	return words <= 4
}

// linkBefore reports a linking word ("is", "es", "ist", "é" …) ending
// text[:i].
func linkBefore(text string, i int) bool {
	for _, l := range proseLinks {
		if wordEndsAt(text, i, l) {
			return true
		}
	}
	return false
}

// onlyTrailer reports what may follow a value that stands alone on its
// line: spaces, closing punctuation, an emoji, or one short word (a
// button's caption in OCR text).
func onlyTrailer(s string) bool {
	s = trimSpaceASCII(s)
	return len(s) <= 6
}

// bareLabel reports a line that is only a password label: "New
// password", "Password:", "Temporary password".
func bareLabel(line string) bool {
	s := trimSpaceASCII(line)
	if len(s) == 0 || len(s) > 40 {
		return false
	}
	if s[len(s)-1] == ':' {
		s = s[:len(s)-1]
	}
	words, last := 1, 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			words++
			last = i + 1
		} else if s[i] == '?' || s[i] == '.' || s[i] == ',' {
			return false
		}
	}
	return words <= 3 && inWords(trimLabelWord(s[last:]), lineLabelNames)
}

// nameInLine reports a password name as a whole word in a question.
func nameInLine(s string) bool {
	for i := 0; i < len(s); {
		for i < len(s) && !wordByte(s[i]) {
			i++
		}
		j := i
		for j < len(s) && wordByte(s[j]) {
			j++
		}
		if j > i && inWords(s[i:j], lineLabelNames) {
			return true
		}
		i = j
	}
	// names of more than one word: "mot de passe", "kata sandi"
	for _, n := range lineSpacedNames {
		if k := indexFold(s, n); k >= 0 && (k == 0 || !wordByte(s[k-1])) && (k+len(n) == len(s) || !wordByte(s[k+len(n)])) {
			return true
		}
	}
	return false
}

// lineSpacedNames are the names of lineLabelNames written as more than
// one word.
var lineSpacedNames = func() (out []string) {
	for _, n := range lineLabelNames {
		if strings.IndexByte(n, ' ') >= 0 {
			out = append(out, n)
		}
	}
	return out
}()

// wordByte reports the bytes of a word in nameInLine (letters, non-ASCII,
// '-').
func wordByte(c byte) bool { return isLetter(c) || c >= 0x80 || c == '-' }

// hashPrefixed reports a value that starts with a digest's name and a
// colon (SHA256:…, MD5:…, sha1:…).
func hashPrefixed(v string) bool {
	for _, p := range [...]string{"sha256:", "sha512:", "sha384:", "sha1:", "md5:"} {
		if hasPrefixFold(v, p) {
			return true
		}
	}
	return false
}

// restOfLine returns what follows text[ve] on its line, without spaces.
func restOfLine(text string, ve int) string {
	le := ve
	for le < len(text) && text[le] != '\n' && le-ve < 256 {
		le++
	}
	return trimSpaceASCII(text[ve:le])
}

// hasSymbol reports a byte that is not a letter, a digit or a join.
func hasSymbol(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; !isAlnum(c) && c != '-' && c != '_' && c != '.' {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func trimSpaceASCII(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// proseStandIn is isPlaceholder for a value stated in prose or a table,
// where "$Molen20W87" is a password that starts with a dollar sign, not
// a shell variable (dollarPassword).
func proseStandIn(v string) bool { return isPlaceholder(v) && !dollarPassword(v) }

// dollarPassword reports a value that starts with '$' and reads as a
// password rather than a variable: upper and lower case and a digit, no
// '_', no brace or bracket ($Molen20W87; not $DB_PASS, $HOME2, ${pw},
// $(cmd), $1299).
func dollarPassword(v string) bool {
	if len(v) < 8 || v[0] != '$' {
		return false
	}
	lo, up, di := false, false, false
	for i := 1; i < len(v); i++ {
		switch c := v[i]; {
		case c >= 'a' && c <= 'z':
			lo = true
		case c >= 'A' && c <= 'Z':
			up = true
		case c >= '0' && c <= '9':
			di = true
		case c == '_' || c == '{' || c == '(' || c == '[':
			return false
		}
	}
	return lo && up && di
}
