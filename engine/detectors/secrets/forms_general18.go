package secrets

// Forms of the seventh round (general18 tests), written from how people
// write credentials at work in many languages; see general18_forms_test.go.

// qwertyStandIn reports a keyboard-walk stand-in: "qwerty" alone or with
// only a run of counting digits ("qwerty123", "Qwerty1234!"), the
// documentation's weak-password example. A person's password built on
// the walk ("Qwerty!3526", "qwerty.marmot77") is not one.
func qwertyStandIn(v string) bool {
	i := indexFold(v, "qwerty")
	if i < 0 {
		return false
	}
	var rest [64]byte
	n := 0
	for k := 0; k < len(v); k++ {
		if k >= i && k < i+6 {
			continue
		}
		c := v[k]
		if isAlnum(c) {
			if n == len(rest) {
				return false
			}
			rest[n] = c
			n++
		}
	}
	if n <= 2 {
		return true // "qwerty", "Qwerty!", "qwerty1"
	}
	up, down, same := true, true, true
	for k := 0; k < n; k++ {
		if !isDigit(rest[k]) {
			return false
		}
		if k > 0 {
			up = up && rest[k] == rest[k-1]+1
			down = down && rest[k]+1 == rest[k-1]
			same = same && rest[k] == rest[k-1]
		}
	}
	return up || down || same // "qwerty123", "Qwerty4321!", "qwerty111"
}

// pairedLinks are linking words that mean "is" only in one language
// family and are common words elsewhere (English "on", the filler "er"):
// they link a value only to a password name of their own languages, a
// few words back on the line. "Wilman salasana on x", "parool on x",
// "adgangskoden til systemet er x", "passordet er x".
var pairedLinks = []struct {
	link  string
	names []string
}{
	{"on", []string{"salasana", "salasanan", "salasanani", "salasanasi", "salasanamme", "parool", "parooli", "paroolid", "salasõna"}},
	{"er", []string{"adgangskode", "adgangskoden", "kodeord", "kodeordet", "passord", "passordet", "passordene", "adgangskoder"}},
	// Polish "hasło to x" (English "password to x" is not "is"), Swahili,
	// Hebrew, Bulgarian, Serbian, Latvian, Lithuanian
	{"to", []string{"hasło", "haslo", "Hasło", "Haslo"}},
	{"ni", []string{"nenosiri", "Nenosiri"}},
	{"היא", []string{"הסיסמה", "סיסמה", "הסיסמא", "סיסמא"}},
	{"е", []string{"паролата", "парола", "Паролата", "Парола"}},
	{"је", []string{"лозинка", "Лозинка"}},
	{"ir", []string{"parole", "Parole"}},
	{"yra", []string{"slaptažodis", "Slaptažodis"}},
}

// pairedLinkName reports a paired linking word ending text[:i] and one
// of its names at most six words before it on the line (from ls), with
// no sentence end between.
func pairedLinkName(text string, ls, i int) bool {
	for _, pl := range pairedLinks {
		if !wordEndsAt(text, i, pl.link) {
			continue
		}
		j := spacesBefore(text, i-len(pl.link))
		for words := 0; words < 7 && j > ls; words++ {
			ws := j
			for ws > ls && !isSpace(text[ws-1]) {
				ws--
			}
			raw := text[ws:j]
			if endsSentence(raw) || indexByte(raw, ':') >= 0 {
				return false
			}
			w := trimLabelWord(raw)
			if inWords(w, lineAboutWords) {
				return false
			}
			if inWords(w, pl.names) || hyphenNameIn(w, pl.names) {
				return true
			}
			j = ws
			for j > ls && isSpace(text[j-1]) {
				j--
			}
		}
		return false
	}
	return false
}

// hyphenNameIn reports a compound whose last part is one of names
// ("WLAN-salasana", "wifi-adgangskode").
func hyphenNameIn(w string, names []string) bool {
	h := lastIndexByte(w, '-')
	return h > 0 && h+1 < len(w) && inWords(w[h+1:], names)
}

// slavicNames and slavicConnectors: Russian and Ukrainian drop "is", so
// a password is stated as its name, what it is for and the value:
// "пароль от вайфая x", "пароль до ключа x", "пароль для входа: x".
var (
	slavicNames      = []string{"пароль", "Пароль", "пароли", "паролі"}
	slavicConnectors = []string{"от", "для", "до", "від", "на", "к", "к", "у", "в", "із", "из"}
)

// slavicConnectorName reports, for the value after text[:i], a password
// name right before a connector at most four words back on the line
// (from ls), with no punctuation between but a closing colon.
func slavicConnectorName(text string, ls, i int) bool {
	lo := max(ls, i-96)
	if index(text[lo:i], "арол") < 0 {
		return false // one search rules out every line without the name
	}
	j := i
	if j > lo && text[j-1] == ':' {
		j--
	}
	for words := 0; words < 5 && j > lo; words++ {
		ws := j
		for ws > lo && !isSpace(text[ws-1]) {
			ws--
		}
		raw := text[ws:j]
		if raw == "" || endsSentence(raw) || indexByte(raw, ',') >= 0 || indexByte(raw, ':') >= 0 ||
			indexByte(raw, '.') >= 0 || indexByte(raw, '!') >= 0 || indexByte(raw, '?') >= 0 {
			return false // a sentence ends between ("вайфая.")
		}
		if words > 0 && inWords(raw, slavicConnectors) {
			k := spacesBefore(text, ws)
			if k > lo {
				ns := k
				for ns > lo && !isSpace(text[ns-1]) {
					ns--
				}
				if inWords(text[ns:k], slavicNames) {
					return true
				}
			}
		}
		j = spacesBefore(text, ws)
		if j <= 0 {
			return false
		}
	}
	return false
}

// wifiWords on a line make a key name there a Wi-Fi key, whose value is
// a password: "the WPA2 key is x", "WLAN „Lager“, Schlüssel x", "clé
// Wi-Fi : x".
var wifiWords = partMatcher([]string{"wifi", "wi-fi", "wlan", "wpa", "wireless", "ssid", "hotspot", "wi fi", "와이파이", "ワイファイ", "无线"})

// wifiKeyLine reports Wi-Fi wording in the bytes before the value at
// text[vs] on its line (at most 100 bytes back).
func wifiKeyLine(text string, vs int) bool {
	ls := vs
	for ls > 0 && vs-ls < 100 && text[ls-1] != '\n' {
		ls--
	}
	return containsAny(wifiWords, text[ls:vs])
}

// wifiKeyValue reports a password-shaped value at text[vs] after a key
// name on a line about Wi-Fi: a Wi-Fi key is a password, which the token
// forms (16 bytes or more, letters and digits) would miss.
func (d *Detector) wifiKeyValue(st *scanState, text string, vs int) bool {
	if d.ix.password < 0 || !wifiKeyLine(text, vs) {
		return false
	}
	ve := proseValue(text, vs)
	if ve < 0 || proseStandIn(text[vs:ve]) || obviousFake(text[vs:ve]) {
		return false
	}
	st.add(d.ix.password, vs, ve)
	return true
}

// cjkKeyLabel reports a key, secret or token name in Chinese, Japanese or
// Korean as a label word: "API密钥", "AppSecret密钥", "APIキー", "アクセストークン",
// "시크릿", Korean "키" after "API" or "비밀".
func cjkKeyLabel(w string) bool {
	if w == "키" || w == "토큰" {
		return true
	}
	n := len("キー")
	if len(w) > n && w[len(w)-n:] == "キー" {
		return true
	}
	for _, k := range [...]string{"公钥", "公鑰", "公開", "공개"} {
		if index(w, k) >= 0 {
			return false // a public key
		}
	}
	return cjkKeyWord(w)
}

// cjkColonValue reports the value at text[vs] right after a full-width
// colon that ends a key label written in Chinese, Japanese or Korean
// ("APIキー：x", "访问令牌：x"); CJK_PASSWORD reads the password names.
func (d *Detector) cjkColonValue(st *scanState, text string, vs int) {
	se := vs - len("：")
	ls := se
	for ls > 0 && se-ls < lineMaxLabel && text[ls-1] != '\n' {
		ls--
	}
	if labelBefore(text, ls, se) == proseToken {
		d.addLineValue(st, text, vs, proseToken)
	}
}

// asciiPinInWide returns the end of the last "PIN" or "PUK" in Latin
// letters between text[ls] and text[rs] that a CJK or Hangul character
// (a particle: は, 는, 를) follows, and the name; -1 when there is none.
func asciiPinInWide(text string, ls, rs int) (int, string) {
	for e := rs; e-3 >= ls; e-- {
		if text[e-1]|0x20 != 'n' && text[e-1]|0x20 != 'k' {
			continue
		}
		w := text[e-3 : e]
		name := ""
		switch {
		case equalFold(w, "pin"):
			name = "pin"
		case equalFold(w, "puk"):
			name = "puk"
		default:
			continue
		}
		if e-3 > ls && isAlnum(text[e-4]) {
			continue
		}
		if e < len(text) && text[e] >= 0xe0 {
			return e, name
		}
	}
	return -1, ""
}

// accessBeforeWords stand before a bare "code" and make it the code of a
// lock, a door or a till rather than a one-time code or a product's code:
// "override code", "Tor-Code", "porte, code 6983".
var accessBeforeWords = []string{
	"override", "manager", "supervisor", "disarm", "arming", "unlock", "lock", "till", "register",
	"door", "gate", "garage", "alarm", "safe", "padlock", "locker", "keypad", "entry", "entrance",
	"tür", "tor", "eingang", "tresor", "schloss", "porte", "portail", "cadenas", "coffre", "alarme",
	"puerta", "portón", "porton", "candado", "alarma", "porta", "portão", "portao", "cadeado", "alarme",
	"cancello", "portone", "lucchetto", "allarme", "deur", "poort", "hek", "kluis", "slot",
	"dörr", "grind", "larm", "dør", "drzwi", "brama", "furtka", "sejf", "ovi", "portti", "kapı",
}

// accessObjectWords, after a bare "code" and a connector, say what it
// opens: "the code to the gate", "código de la alarma", "koden till
// grinden", "code du portail", "Code für das Tor".
var accessObjectWords = []string{
	"door", "doors", "gate", "gates", "alarm", "garage", "safe", "padlock", "lockbox", "keybox", "locker",
	"tills", "register", "shed", "storeroom", "building", "entrance", "intercom",
	"tür", "türe", "tor", "tores", "alarmanlage", "garage", "tresor", "schloss", "eingang", "schlüsselkasten", "schlüsseltresor",
	"porte", "portail", "alarme", "coffre", "cadenas", "local", "immeuble", "interphone", "entrée", "entree",
	"puerta", "portón", "porton", "portal", "alarma", "garaje", "caja", "candado", "nave", "almacén",
	"porta", "portão", "portao", "portaria", "alarme", "garagem", "cofre", "cadeado", "canteiro",
	"cancello", "portone", "allarme", "cassaforte", "lucchetto", "magazzino",
	"deur", "poort", "hek", "alarm", "kluis", "slot",
	"dörren", "dörr", "grinden", "grind", "porten", "larmet", "larm", "förrådet", "boden",
	"døren", "døra", "porten", "alarmen", "boksen",
	"drzwi", "bramy", "brama", "furtki", "alarmu", "sejfu", "kłódki",
	"oven", "portin", "hälyttimen", "kassakaapin",
	"kapı", "kapının", "alarmın", "kasanın",
}

// accessCode reports a bare code name text[ns:ne] that is the code of a
// lock, a door or a till: a word of accessBeforeWords right before it,
// or a word of accessObjectWords between it and the number at rs.
func accessCode(text string, ls, ns, ne, rs int) bool {
	if p := prevWord(text, ls, ns); p != "" && (inWords(p, accessBeforeWords) || hyphenNameIn(p, accessBeforeWords)) {
		return true
	}
	// the code, a connector ("to", "for", "de", "till", "do" …), at
	// most two more words and the object: not "the code on the door",
	// a code written there
	g := text[ne:rs]
	for i, n := 0, 0; i < len(g) && n < 4; n++ {
		for i < len(g) && !pinWordByte(g[i]) {
			i++
		}
		j := i
		for j < len(g) && pinWordByte(g[j]) {
			j++
		}
		if j == i {
			return false
		}
		w := g[i:j]
		switch {
		case n == 0:
			if !inWords(w, accessConnectors) {
				return false
			}
		case inWords(w, accessObjectWords):
			return true
		}
		i = j
	}
	return false
}

// accessConnectors join a code to what it opens.
var accessConnectors = []string{
	"to", "for", "of", "für", "fuer", "zur", "zum", "vom", "von", "des", "der", "de", "del", "du", "da", "do", "di",
	"della", "dello", "dei", "dell", "dall", "d", "van", "voor", "pour", "para", "per", "till", "för", "til", "for", "af", "av", "dla", "od",
}

// skipCodeNumber drops the number of a code in a series from the start of
// the gap after its name: "Kod autoryzacyjny nr 2 do operacji: 60682808",
// "code #3: 4821".
func skipCodeNumber(g string) string {
	i := 0
	for i < len(g) && g[i] == ' ' {
		i++
	}
	switch {
	case i+3 <= len(g) && equalFold(g[i:i+2], "nr") && (g[i+2] == ' ' || g[i+2] == '.'):
		i += 3
	case i < len(g) && g[i] == '#':
		i++
	default:
		return g
	}
	for i < len(g) && g[i] == ' ' {
		i++
	}
	j := i
	for j < len(g) && j-i < 2 && isDigit(g[j]) {
		j++
	}
	if j == i || j < len(g) && isAlnum(g[j]) {
		return g
	}
	return g[j:]
}

// cjkCounters follow a number that counts or dates something in Chinese,
// Japanese and Korean: years, months, days, hours, minutes, digits,
// times, items, people, yen, yuan, won.
var cjkCounters = []string{"年", "月", "日", "时", "時", "分", "秒", "桁", "回", "件", "个", "個", "人", "歳", "岁", "号", "円", "元",
	"년", "월", "일", "시", "분", "초", "개", "명", "원", "회", "자리"}

// cjkCounterAt reports a CJK or Hangul counter at text[i].
func cjkCounterAt(text string, i int) bool {
	if i >= len(text) || text[i] < 0xe0 {
		return false
	}
	for _, c := range cjkCounters {
		if len(text)-i >= len(c) && text[i:i+len(c)] == c {
			return true
		}
	}
	return false
}

// greekCodeKinds before a linking word make "κωδικός" (a password, and
// any code) some other code: an order, a confirmation, a postcode, a
// product, a booking, an error, a reference, a tracking or a discount
// code.
var greekCodeKinds = []string{"παραγγελίας", "επιβεβαίωσης", "ταχυδρομικός", "ταχυδρομικό", "προϊόντος", "πελάτη",
	"κράτησης", "σφάλματος", "αναφοράς", "παρακολούθησης", "έκπτωσης", "κουπονιού", "αποστολής", "τιμολογίου",
	"Παραγγελίας", "Επιβεβαίωσης", "Ταχυδρομικός", "Προϊόντος", "Κράτησης", "Σφάλματος", "Αναφοράς"}

// nmcliLine reports an nmcli command on the line before text[ns], whose
// arguments are names and values ("nmcli dev wifi connect Lab password
// "x"", after a shell prompt or sudo).
func nmcliLine(text string, ns int) bool {
	ls := ns
	for ls > 0 && ns-ls < 200 && text[ls-1] != '\n' {
		ls--
	}
	k := index(text[ls:ns], "nmcli ")
	if k < 0 {
		return false
	}
	k += ls
	return k == ls || text[k-1] == ' ' || text[k-1] == '>' || text[k-1] == '$' || text[k-1] == '\t'
}

// titleWord reports a capitalised word of lower-case letters ("Glacier"):
// passphrase words joined by dots are often capitalised
// ("Comet.Glacier.Raven").
func titleWord(w string) bool {
	return len(w) >= 2 && 'A' <= w[0] && w[0] <= 'Z' && lowerWordOnly(w[1:])
}

// randomSegment reports a dot-separated part of v of twelve bytes or more
// with digits and letters whose case changes at a quarter of them or
// more: random, not an identifier (getHTTPClient2, DataSource).
func randomSegment(v string) bool {
	s := 0
	for i := 0; i <= len(v); i++ {
		if i < len(v) && v[i] != '.' {
			continue
		}
		seg := v[s:i]
		s = i + 1
		if len(seg) < 12 {
			continue
		}
		digits, flips := 0, 0
		var prev byte // 'l', 'u' or 0
		for k := 0; k < len(seg); k++ {
			c := seg[k]
			var cur byte
			switch {
			case isDigit(c):
				digits++
				continue
			case 'a' <= c && c <= 'z':
				cur = 'l'
			case 'A' <= c && c <= 'Z':
				cur = 'u'
			default:
				continue
			}
			if prev != 0 && cur != prev {
				flips++
			}
			prev = cur
		}
		if digits > 0 && flips*4 >= len(seg) {
			return true
		}
	}
	return false
}

// parenValue reports a password-shaped value in brackets, the bracket
// opening at text[ps], after a password name a few words before it: "the
// admin password (x) was leaked", "le mot de passe du compte « svc » (x)
// figurait", "пароль адміністратора CRM (x) потрапив". The brackets are
// not part of the value.
func (d *Detector) parenValue(st *scanState, text string, ps int) {
	if d.ix.password < 0 || ps+1 >= len(text) {
		return
	}
	vs := ps + 1
	ve := proseValue(text, vs)
	if ve < 0 || ve >= len(text) || text[ve] != ')' {
		return
	}
	if proseStandIn(text[vs:ve]) || obviousFake(text[vs:ve]) {
		return
	}
	if !parenNameBefore(text, ps) {
		return
	}
	st.add(d.ix.password, vs, ve)
}

// parenNameBefore reports a password name at most eight words before the
// bracket at text[ps] on its line, with no sentence end, colon or word
// about the password (policy, length, hint …) between; quotes and dashes
// between words do not count.
func parenNameBefore(text string, ps int) bool {
	ls := ps
	for ls > 0 && ps-ls < 120 && text[ls-1] != '\n' {
		ls--
	}
	j := ps
	for j > ls && isSpace(text[j-1]) {
		j--
	}
	for words := 0; words < 8 && j > ls; {
		ws := j
		for ws > ls && !isSpace(text[ws-1]) {
			ws--
		}
		raw := text[ws:j]
		if endsSentence(raw) || indexByte(raw, ':') >= 0 || indexByte(raw, ';') >= 0 {
			return false
		}
		w := trimLabelWord(raw)
		switch {
		case w == "" || w == "«" || w == "»" || w == "—" || w == "–" || w == "-" || w == "„" || w == "“" || w == "”":
			// punctuation between words
		case inWords(w, lineAboutWords) || inWords(w, passwordTalkWords):
			return false
		case inWords(w, lineLabelNames) || (ws > ls && twoWordName(text, ls, ws, w)) || hyphenName(w):
			return true
		default:
			words++
		}
		j = ws
		for j > ls && isSpace(text[j-1]) {
			j--
		}
	}
	return false
}

// passDescWords are parts of hyphenated words that describe a password
// rather than spell one: "auto-generated-daily", "time-based-only".
var passDescWords = []string{"auto", "generated", "based", "protected", "managed", "required", "enabled", "disabled",
	"sensitive", "only", "daily", "weekly", "monthly", "random", "system", "self", "service", "time", "factor",
	"multi", "single", "sign", "reset", "less", "free", "strong", "weak", "long", "short", "case", "user", "admin",
	"default", "change", "rotated", "expired", "expiry", "temporary", "login", "password", "secure", "same", "different"}

// describedParts reports a word of passDescWords among the parts of v
// joined by '-', '_' or '.'.
func describedParts(v string) bool {
	s := 0
	for i := 0; i <= len(v); i++ {
		if i < len(v) && !isJoin(v[i]) {
			continue
		}
		if inWords(v[s:i], passDescWords) {
			return true
		}
		s = i + 1
	}
	return false
}

// wordsDigitsEnd returns the end of a value of lower-case letters then
// digits starting at text[vs] (eight letters or more, two to four
// digits: "cucharaveranocamino19", "sunnymeadow2024"), or -1. Only after a
// password name and a linking word: elsewhere such a word is a user name
// or an identifier.
func wordsDigitsEnd(text string, vs int) int {
	e := vs
	for e < len(text) && e-vs <= 40 && 'a' <= text[e] && text[e] <= 'z' {
		e++
	}
	letters := e - vs
	d := e
	for d < len(text) && d-e <= 4 && isDigit(text[d]) {
		d++
	}
	digits := d - e
	if letters < 8 || digits < 2 || digits > 4 {
		return -1
	}
	if d < len(text) && text[d] > ' ' && !proseValueEnd(text[d]) && text[d] != '.' {
		return -1 // more of the token follows
	}
	if isPlaceholder(text[vs:d]) || isPasswordName(text[vs:e]) || inWords(text[vs:e], placeholderWords) {
		return -1 // password2024, welcome… stand-ins
	}
	return d
}

// quotedPair reports a user and password pair written as code, each in
// backticks, the password's opening backtick at text[vs]: "the shared
// admin login is `fwadmin` / `x`". A credential word before the pair on
// its line (login, account, credentials …), or an administrator's or an
// e-mail address as the user, makes it a pair.
func (d *Detector) quotedPair(st *scanState, text string, vs int) bool {
	if d.ix.password < 0 {
		return false
	}
	pe := vs + 1
	for pe < len(text) && pe-vs <= 65 && text[pe] != '`' && text[pe] > ' ' {
		pe++
	}
	if pe >= len(text) || text[pe] != '`' {
		return false
	}
	i := spacesBefore(text, vs)
	if i <= 0 {
		return false
	}
	sep := pairSeparator(text, i)
	if sep == 0 {
		return false
	}
	j := spacesBefore(text, i-sep)
	if j <= 1 || text[j-1] != '`' {
		return false
	}
	us := j - 1
	for us > 0 && j-us < 66 && text[us-1] != '`' && text[us-1] > ' ' {
		us--
	}
	if us == 0 || text[us-1] != '`' || us == j-1 {
		return false
	}
	user, v := text[us:j-1], text[vs+1:pe]
	for k := 0; k < len(user); k++ {
		if !isUserByte(user[k]) {
			return false
		}
	}
	ls := us - 1
	for ls > 0 && us-ls < 120 && text[ls-1] != '\n' {
		ls--
	}
	if !emailLike(user) && !adminUser(user) && !containsAny(proseCredMatcher, text[ls:us]) {
		return false
	}
	if len(v) < 8 || len(v) > 64 || charClasses(v) < 3 || proseStandIn(v) || obviousFake(v) {
		return true
	}
	st.add(d.ix.password, vs+1, pe)
	return true
}

// passQualifiers before "pass" make it a password ("the root pass", "my
// wifi pass"), not a boarding or a season pass.
var passQualifiers = []string{"root", "admin", "administrator", "wifi", "wi-fi", "wlan", "vpn", "db", "database",
	"user", "account", "login", "router", "server", "ssh", "sudo", "my", "your", "our", "his", "her", "their",
	"mysql", "postgres", "sa", "email", "mail", "ftp", "sftp", "smtp", "nas"}

// passQualified reports a word of passQualifiers before "pass" at text[ns].
func passQualified(text string, ns int) bool {
	j := spacesBefore(text, ns)
	if j <= 0 {
		return false
	}
	ws := proseWordBefore(text, j)
	return ws >= 0 && inWords(text[ws:j], passQualifiers)
}

// snmpCommunityAt reports "community" at text[ws:] named as an SNMP
// community string, a password by another name: after snmp, ro, rw,
// read or write ("SNMP community", "RO community"), or before "string".
func snmpCommunityAt(text string, ls, ws int, w string) bool {
	if !equalFold(w, "community") && !equalFold(w, "communities") {
		return false
	}
	if p := prevWord(text, ls, ws); p != "" && inWords(p, snmpWords) {
		return true
	}
	k := ws + len(w)
	for k < len(text) && text[k] == ' ' {
		k++
	}
	e := k
	for e < len(text) && isLetter(text[e]) {
		e++
	}
	return e > k && (equalFold(text[k:e], "string") || equalFold(text[k:e], "strings"))
}

var snmpWords = []string{"snmp", "snmpv1", "snmpv2", "snmpv2c", "v2c", "ro", "rw", "read", "write", "read-only", "read-write", "trap"}
