package secrets

import "strings"

// Credentials stated in prose: "my password is Summer2024!", "das
// Passwort lautet Xk9#mQ2vLp", "le mot de passe est ...", "use password
// Tr0ub4dor!Xq", "the token is <token>", "the API key was '<key>'".
//
// No keyword search finds these: "password", "token" and "key" are made
// of common letters and are only looked for before an operator. Instead
// the scan calls proseSecret at the start of every alphanumeric run
// around a digit (the run trigger, runAt), and it looks backwards from the
// value: white space, a linking word (is, was, ist, lautet, es, est,
// optionally followed by a colon), white space and a name; or, with no
// linking word, a name right after a verb (use, using, try, with,
// enter). Clean prose therefore pays nothing, and a digit run a few byte
// compares. Values without a digit are left to the assignment forms.
//
// Password names take a password-shaped value (proseValue: 8 to 64
// bytes, three character classes, not a path or joined words); token, key
// and secret names take a token-shaped value (16 to 200 token bytes with
// letters and digits, mixed case or at least 24 bytes, and the generic
// assignment checks: entropy, stand-in words, versions, truncated
// provider prefixes), so "the key is AES256-GCM" and "the token is
// expired" are not findings.

// prosePasswordNames name a password (matched case-insensitively as
// whole words; "contraseña" is UTF-8).
var prosePasswordNames = []string{
	"password", "passwort", "passwd", "passcode", "passphrase", "pwd", "pw",
	"kennwort", "mot de passe", "contraseña", "contrasena", "senha", "wachtwoord",
	"hasło", "lösenord", "losenord", "passord", "пароль",
	"mật khẩu", "kata sandi", "sandi", "kata laluan", "şifre", "şifrem", "parola", "heslo", "jelszó", "salasana",
}

// proseNameLastBytes holds the last byte (lower case) of every name.
var proseNameLastBytes = func() (t [256]bool) {
	for _, list := range [][]string{prosePasswordNames, proseSecretNames} {
		for _, w := range list {
			t[w[len(w)-1]|0x20] = true
		}
	}
	return t
}()

// proseSecretNames name a token or key ("API key", "access token" and
// "client secret" end in one of them).
var proseSecretNames = []string{"token", "key", "apikey", "secret"}

// proseLinks join a name and its value ("é" is UTF-8). Every link and
// name adds its last two bytes to proseTails, the filter the run hook
// passes at every number in prose: common English endings ("er", "re",
// "la", "na") would let most numbers through, so names and links that end
// in them (Danish "er", Turkish "şifre", "parola", "salasana") are left
// out.
var proseLinks = []string{"is", "was", "ist", "lautet", "es", "est", "é", "è", "to", "är", "jest", "it's", "là", "adalah", "ialah", "este", "je", "هي", "هو", "είναι", "ειναι"}

// proseConnectors join a name to what it is for: "the password for the
// admin account is …", "das Passwort für den Server ist …", "la
// contraseña del router es …" ("für" is UTF-8).
var proseConnectors = []string{
	"for", "of", "on", "to", "für", "fuer", "vom", "von", "zum", "zur", "des",
	"du", "de", "del", "da", "do", "di", "della", "dello", "voor", "van", "pour", "para", "per",
	"dell'", "dall'", "d'", "till", "för", "til", "dla", "pro",
}

// proseChangeVerbs take "to" before a new value: "the root password was
// changed to …", "reset bob's password to …", "set the password to …".
var proseChangeVerbs = []string{"changed", "change", "reset", "set", "updated", "update", "rotated", "switched"}

// proseMaxBetween bounds the words between a connector (or a change verb)
// and the linking word, and the bytes they take.
const (
	proseMaxBetween      = 7
	proseMaxBetweenBytes = 80
)

// proseVerbs take a name and its value with no linking word.
var proseVerbs = []string{"use", "using", "try", "with", "enter",
	// "with" in other languages: "met wachtwoord x", "med lösenordet x",
	// "con contraseña x", "com senha x", "z hasłem x"
	"met", "med", "mit", "avec", "con", "com", "z", "ze", "с", "з"}

// proseArticles may stand between a verb and the name.
var proseArticles = []string{"the", "my", "this", "our", "your", "new"}

// proseTails is a bit set of the last two bytes (lower case) of every
// linking word and name.
var proseTails = func() (t [1024]uint64) {
	for _, list := range [][]string{proseLinks, prosePasswordNames, proseSecretNames} {
		for _, w := range list {
			p := pairIndex(w[len(w)-2], w[len(w)-1])
			t[p>>6] |= 1 << (p & 63)
		}
	}
	return t
}()

func pairIndex(a, b byte) uint32 { return uint32(lowerASCII(a))<<8 | uint32(lowerASCII(b)) }

const (
	proseNone = iota
	prosePassword
	proseToken
	proseCommunity // an SNMP community string: a token or a password (lines.go)
)

// wordEndsAt reports whether text[:j] ends with the whole word w
// (case-insensitive; a letter or a non-ASCII byte before it makes it part
// of a longer word).
func wordEndsAt(text string, j int, w string) bool {
	if j < len(w) || !equalFold(text[j-len(w):j], w) {
		return false
	}
	if j == len(w) {
		return true
	}
	c := text[j-len(w)-1]
	return !isLetter(c) && c < 0x80
}

// spacesBefore returns the index before the white space that ends
// text[:j], or -1 when there is none.
func spacesBefore(text string, j int) int {
	i := j
	for i > 0 && j-i < 8 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	if i == j {
		return -1
	}
	return i
}

// proseNameAt returns the kind of name that ends text[:j] and its start.
func proseNameAt(text string, j int) (int, int) {
	if j == 0 {
		return proseNone, 0
	}
	if !proseNameLastBytes[text[j-1]|0x20] {
		return proseNone, 0 // the last byte of no name
	}
	for _, n := range prosePasswordNames {
		if wordEndsAt(text, j, n) {
			return prosePassword, j - len(n)
		}
	}
	for _, n := range proseSecretNames {
		if wordEndsAt(text, j, n) {
			return proseToken, j - len(n)
		}
	}
	return proseNone, 0
}

// proseSecret reports a credential stated in prose whose value starts at
// or before text[p], the start of an alphanumeric run around a digit.
func (d *Detector) proseSecret(st *scanState, text string, p int) {
	vs := p
	for vs > 0 && p-vs < 64 && text[vs-1] > ' ' {
		if text[vs-1] < 0x7f {
			vs--
		} else if n := latinLetterBefore(text, vs); n > 0 {
			vs -= n // a letter with a diacritic inside the value
		} else {
			break
		}
	}
	if vs > 0 && text[vs-1] >= 0x80 {
		if !d.proseTypographicQuote(st, text, vs, vs) && vs >= 3 && text[vs-3:vs] == "：" {
			d.cjkColonValue(st, text, vs) // "APIキー：x"
		}
		return
	}
	if vs > 1 && text[vs-1] == ' ' && text[vs-2] >= 0x80 && d.proseTypographicQuote(st, text, vs-1, vs) {
		return // « value »
	}
	if vs == 0 || text[vs-1] == '\n' || text[vs-1] == '\r' {
		d.proseLines(st, text, vs) // a value that starts its line
		return
	}
	if text[vs-1] != ' ' && text[vs-1] != '\t' {
		return // not after white space: a longer or non-ASCII token
	}
	if text[vs] == '(' {
		d.parenValue(st, text, vs) // "the admin password (x) was leaked"
		return
	}
	if text[vs] == '`' && d.quotedPair(st, text, vs) {
		return // "login is `fwadmin` / `x`"
	}
	if d.proseUserPass(st, text, vs) {
		return
	}
	kind, link, colon := proseNameBefore(text, vs)
	switch kind {
	case proseNone:
		d.proseLines(st, text, vs)
	case prosePassword:
		if d.ix.password < 0 {
			return
		}
		q := text[vs]
		if q == '"' || q == '\'' || q == '`' {
			if link == "is" {
				return // "password is 'x'": the assignment scanner reads it
			}
			s, e := quotedAt(text, vs)
			if s < 0 || !d.acceptValue(text[s:e], "password", true, true, true) {
				return
			}
			st.add(d.ix.password, s, e)
			return
		}
		ve := proseValue(text, vs)
		if ve < 0 && colon {
			ve = labelledValueEnd(text, vs) // "Contraseña de acceso: c2gte9ai"
		}
		if ve < 0 && link != "" && link != "bare" {
			ve = wordsDigitsEnd(text, vs) // "la contraseña del wifi es cucharaveranocamino19"
		}
		if ve < 0 && link != "" {
			ve = labelledValueEnd(text, vs) // "my password is hirx1ngt", "och lösenordet c2gte9ai"
		}
		if ve < 0 || proseStandIn(text[vs:ve]) || obviousFake(text[vs:ve]) {
			return
		}
		if (link == "" || link == "bare") && !colon && wordJoined(text[vs:ve]) && joinedParts(text[vs:ve]) <= 2 {
			return // "use password reset-2FA": after a bare verb, a word joined to a tag
		}
		st.add(d.ix.password, vs, ve)
	case proseToken:
		if d.ix.generic < 0 {
			return
		}
		s, e := vs, vs
		if q := text[vs]; q == '"' || q == '\'' || q == '`' {
			if s, e = quotedAt(text, vs); s < 0 {
				return
			}
		} else if e = proseTokenEnd(text, vs); e < 0 {
			d.wifiKeyValue(st, text, vs) // "the WPA2 key is Fa1c0n@62"
			return
		}
		if !tokenShaped(text[s:e]) || !d.acceptValue(text[s:e], "key", false, true, true) {
			if s == vs {
				d.wifiKeyValue(st, text, vs) // "the WPA2 key is x": a password
			}
			return
		}
		st.add(d.ix.generic, s, e)
	}
}

// proseVerbBefore reports a verb (after an optional article) before the
// name starting at text[ns].
func proseVerbBefore(text string, ns int) bool {
	j := spacesBefore(text, ns)
	if j <= 0 {
		return false
	}
	for _, a := range proseArticles {
		if wordEndsAt(text, j, a) {
			if k := spacesBefore(text, j-len(a)); k > 0 {
				j = k
			}
			break
		}
	}
	for _, v := range proseVerbs {
		if wordEndsAt(text, j, v) {
			return true
		}
	}
	return false
}

// quotedAt returns the inside of the quoted value opening at text[vs], on
// one line and at most 128 bytes long, or -1.
func quotedAt(text string, vs int) (int, int) {
	q := text[vs]
	for e := vs + 1; e < len(text) && e-vs <= 129; e++ {
		switch text[e] {
		case q:
			if e-vs-1 < 5 {
				return -1, -1
			}
			return vs + 1, e
		case '\n', '\r':
			return -1, -1
		}
	}
	return -1, -1
}

// proseTokenEnd returns the end of the unquoted token value starting at
// text[vs] in a sentence (at most 200 token bytes, a sentence's full stop
// or colon left out), or -1 when more than a token follows.
func proseTokenEnd(text string, vs int) int {
	e := vs
	for e < len(text) && e-vs <= 200 && isTokenByte(text[e]) {
		e++
	}
	if e < len(text) && text[e] > ' ' && !proseValueEnd(text[e]) {
		return -1
	}
	for e > vs && (text[e-1] == '.' || text[e-1] == ':') {
		e--
	}
	return e
}

// isTokenByte reports the bytes of a token value in prose.
func isTokenByte(c byte) bool {
	return isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '+' || c == '/' || c == '=' || c == '~' || c == ':'
}

// proseValueEnd reports bytes that may follow a value in a sentence.
func proseValueEnd(c byte) bool {
	switch c {
	case ',', ';', ')', '!', '?', '"', '\'', '`', ']':
		return true
	}
	return false
}

// tokenShaped reports a token-shaped value: 16 to 200 bytes with letters
// and digits, and mixed case or at least 24 bytes (hex, lower-case
// base32).
func tokenShaped(v string) bool {
	if len(v) < 16 || len(v) > 200 {
		return false
	}
	lo, up, di := false, false, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c && c <= 'z':
			lo = true
		case 'A' <= c && c <= 'Z':
			up = true
		case isDigit(c):
			di = true
		}
	}
	return di && (lo || up) && ((lo && up) || len(v) >= 24)
}

// wordJoined reports a value of parts joined by '-' or '_' of which one
// is four or more lower-case letters (reset-2FA, login_v2).
func wordJoined(v string) bool {
	if indexByte(v, '-') < 0 && indexByte(v, '_') < 0 {
		return false
	}
	run := 0
	for i := 0; i <= len(v); i++ {
		switch {
		case i < len(v) && 'a' <= v[i] && v[i] <= 'z':
			if run >= 0 {
				run++
			}
		case i == len(v) || v[i] == '-' || v[i] == '_':
			if run >= 4 {
				return true
			}
			run = 0
		default:
			run = -1 // a part with other bytes
		}
	}
	return false
}

// proseWordBefore returns the start of the word that ends text[:j] (letters,
// digits, non-ASCII bytes, and ' _ - . @ inside it), or -1.
func proseWordBefore(text string, j int) int {
	i := j
	for i > 0 && j-i < 40 {
		c := text[i-1]
		if c == '.' && (i == j || !isAlnum(text[i])) {
			break // a full stop, not a dot inside a name (bob.smith, example.com)
		}
		if isAlnum(c) || c >= 0x80 || c == '\'' || c == '_' || c == '-' || c == '.' || c == '@' {
			i--
			continue
		}
		break
	}
	if i == j {
		return -1
	}
	return i
}

// proseNameFor reports a password or secret name that a connector joins
// to a few words before text[:j]: "password for the admin account",
// "Passwort für den Server", "contraseña del router".
func proseNameFor(text string, j int) int {
	// A name with an adjective after it: "mot de passe provisoire".
	if ws := proseWordBefore(text, j); ws >= 0 && isPostAdjective(text[ws:j]) {
		if k := spacesBefore(text, ws); k > 0 {
			if kind, _ := proseNameAt(text, k); kind != proseNone {
				return kind
			}
		}
	}
	kind := proseNone
	connectedAt(text, j, proseNameMatcher, func(k int) bool {
		kind, _ = proseNameAt(text, k)
		return kind != proseNone
	})
	return kind
}

// connectedAt walks back over up to proseMaxBetween words before text[:j]
// and reports whether, before one of them that is a connector (not the
// last word), name(k) holds for the text ending at k.
func connectedAt(text string, j int, near *acMatcher, name func(k int) bool) bool {
	// Most linking words before a number ("it is 5 pm", "up to 10") have
	// no name anywhere before them: one automaton pass over the bytes the
	// walk could reach rules them out.
	if !containsAny(near, text[max(0, j-proseMaxBetweenBytes-24):j]) {
		return false
	}
	end := j
	for n := 0; n < proseMaxBetween && end-j < proseMaxBetweenBytes; n++ {
		ws := proseWordBefore(text, j)
		if ws < 0 {
			return false
		}
		// A connector word, or a word with an elided one ("dell'account"),
		// which may also be the last word.
		if (n > 0 && isConnector(text[ws:j])) || elidedConnector(text[ws:j]) {
			if k := spacesBefore(text, ws); k > 0 && name(k) {
				return true
			}
		}
		if j = spacesBefore(text, ws); j <= 0 {
			return false
		}
	}
	return false
}

// proseChangedTo reports a password name before a change verb that ends
// text[:j] ("password was changed", "password has been reset"), or between
// the verb and text[:j] ("set the password", "reset bob's password").
func proseChangedTo(text string, j int) int {
	// "changed the admin password from <old> to": the name before "from"
	if ws := proseWordBefore(text, j); ws >= 0 {
		if k := spacesBefore(text, ws); k > 0 && wordEndsAt(text, k, "from") {
			if k2 := spacesBefore(text, k-4); k2 > 0 {
				if kind, _ := proseNameAt(text, k2); kind == prosePassword {
					return prosePassword
				}
			}
		}
	}
	// "set DD_APP_KEY to <key>": a variable named for a key or token
	if ws := proseWordBefore(text, j); ws >= 0 && envKeyName(text[ws:j]) {
		if k := spacesBefore(text, ws); k > 0 {
			if vs := proseWordBefore(text, k); vs >= 0 && (equalFold(text[vs:k], "set") || equalFold(text[vs:k], "export")) {
				return proseToken
			}
		}
	}
	// The name right before "to": "changed the root password to",
	// "set the BIOS supervisor password to"; "pass" only there ("reset
	// the root pass to").
	kind, ns := proseNameAt(text, j)
	if kind == proseNone && wordEndsAt(text, j, "pass") && passQualified(text, j-len("pass")) {
		kind, ns = prosePassword, j-len("pass")
	}
	if kind == prosePassword {
		for n := 0; n < 5; n++ {
			k := spacesBefore(text, ns)
			if k <= 0 {
				return proseNone
			}
			ws := proseWordBefore(text, k)
			if ws < 0 {
				return proseNone
			}
			if isChangeVerb(text[ws:k]) {
				return prosePassword
			}
			ns = ws
		}
		return proseNone
	}
	// The verb right before "to": "the root password was changed to".
	ws := proseWordBefore(text, j)
	if ws < 0 || !isChangeVerb(text[ws:j]) {
		return proseNone
	}
	for n := 0; n < 4; n++ {
		k := spacesBefore(text, ws)
		if k <= 0 {
			return proseNone
		}
		if kind, _ := proseNameAt(text, k); kind == prosePassword {
			return prosePassword
		}
		if ws = proseWordBefore(text, k); ws < 0 {
			return proseNone
		}
	}
	return proseNone
}

// envKeyName reports an environment variable's name (capitals, digits
// and underscores) that ends in KEY, TOKEN or SECRET: DD_APP_KEY,
// GITHUB_TOKEN, STRIPE_SECRET.
func envKeyName(w string) bool {
	if len(w) < 5 || !capsIdent(w) || indexByte(w, '_') < 0 {
		return false
	}
	for _, suf := range [...]string{"_KEY", "_TOKEN", "_SECRET", "_APIKEY", "_PAT"} {
		if len(w) > len(suf) && w[len(w)-len(suf):] == suf {
			return !containsAny(nameNegMatcher, w)
		}
	}
	return false
}

// prosePostAdjectives follow a name in Romance languages: "mot de passe
// provisoire", "contraseña temporal", "senha nova".
var prosePostAdjectives = []string{
	"provisoire", "temporaire", "actuel", "nouveau", "initial", "temporal", "provisional",
	"nueva", "nuevo", "actual", "temporária", "temporaria", "nova", "novo", "atual",
	"provvisoria", "temporanea", "nuova", "attuale", "mới", "baru", "nou", "nouă", "uusi",
}

func isPostAdjective(w string) bool { return inWords(w, prosePostAdjectives) }

// inWords reports whether w is one of the lower-case words, ignoring
// ASCII case.
func inWords(w string, words []string) bool {
	for _, x := range words {
		if len(w) == len(x) && equalFold(w, x) {
			return true
		}
	}
	return false
}

// joinedParts counts the parts of a value joined by '-' or '_'.
func joinedParts(v string) int {
	n := 1
	for i := 0; i < len(v); i++ {
		if v[i] == '-' || v[i] == '_' {
			n++
		}
	}
	return n
}

func isConnector(w string) bool { return inWords(w, proseConnectors) }

// elidedConnector reports a word that starts with an elided connector
// ("dell'account", "d'accès"): the name may stand right before it.
func elidedConnector(w string) bool {
	if i := index(w, "'"); i > 0 && i+1 < len(w) {
		return isConnector(w[:i+1])
	}
	return false
}

func isChangeVerb(w string) bool { return inWords(w, proseChangeVerbs) }

// proseCredWords name a user and password pair: "creds are bob:<pw>",
// "login admin / <pw>", "credentials: deploy/<pw>".
var proseCredWords = []string{
	"login", "logins", "creds", "credentials", "credential", "account", "user/pass",
	"user/password", "username/password", "login/password", "u/p",
	"zugangsdaten", "anmeldedaten", "identifiants", "credenciales", "credenciais",
}

// proseUserLabels label the user name of a pair only with a colon:
// "(user: bob@example.com / x)", not "the user count / x".
var proseUserLabels = []string{"user", "username", "benutzer", "utilisateur", "usuario", "utente", "gebruiker", "login"}

// proseUserPass reports a password that follows a user name in a pair
// after a credential word, the token starting at text[vs]: "creds are
// bob:<pw>", "credentials: deploy/<pw>" (one token) or "login admin /
// <pw>". It reports whether the
// token was such a pair.
func (d *Detector) proseUserPass(st *scanState, text string, vs int) bool {
	if d.ix.password < 0 {
		return false
	}
	ps, us, ue := -1, -1, -1
	conj := false
	// user:password or user/password in one token
	for k := vs; k < len(text) && k-vs <= 64 && text[k] > ' ' && text[k] < 0x7f; k++ {
		if text[k] == ':' || text[k] == '/' {
			if k > vs && k+1 < len(text) && text[k+1] > ' ' {
				us, ue, ps = vs, k, k+1
			}
			break
		}
	}
	if ps < 0 {
		// user / password: the token after a slash (or "|", "--", a
		// dash) after a user name
		i := spacesBefore(text, vs)
		if i <= 0 {
			return false
		}
		sep := pairSeparator(text, i)
		if sep == 0 {
			// "x@y.com and Lant3rn5461": a conjunction after an e-mail
			// address (checked below)
			sep = conjunctionBefore(text, i)
			if sep == 0 {
				return false
			}
			conj = true
		}
		if ue = spacesBefore(text, i-sep); ue <= 0 {
			return false
		}
		us = ue
		for us > 0 && ue-us < 64 && isUserByte(text[us-1]) {
			us--
		}
		ps = vs
	}
	if us >= ue || ue-us > 64 {
		return false
	}
	for k := us; k < ue; k++ {
		if !isUserByte(text[k]) {
			return false
		}
	}
	// An e-mail address as the user is credential enough ("bookings@…
	// / Kabayan6644#"); after a conjunction only an e-mail address will do.
	j := us
	if (emailLike(text[us:ue]) || adminUser(text[us:ue])) && ps == vs {
		goto value // "root / QAZ2wsx!1661"
	}
	if conj {
		return false
	}
	// Before the user: "<cred word>", "<cred word>:", "<cred word> is/are",
	// "<cred word> (", "<cred word> --", "(user: …".
	if j > 0 && text[j-1] == '(' {
		j--
	}
	if k := spacesBefore(text, j); k > 0 {
		j = k
	} else if j == us {
		return false
	}
	if j > 0 && text[j-1] == '(' {
		j--
		if k := spacesBefore(text, j); k > 0 {
			j = k
		}
	}
	if sep := pairSeparator(text, j); sep > 0 && text[j-1] != '/' {
		if j = spacesBefore(text, j-sep); j <= 0 {
			return false
		}
	}
	if j <= 0 {
		return false
	}
	if text[j-1] == ':' {
		j--
		if ws := proseWordBefore(text, j); ws >= 0 && inWords(text[ws:j], proseUserLabels) {
			goto value
		}
	} else {
		for _, l := range [...]string{"are", "is"} {
			if wordEndsAt(text, j, l) {
				if j = spacesBefore(text, j-len(l)); j <= 0 {
					return false
				}
				// "the read-only user is analyst_ro / x"
				if ws := proseWordBefore(text, j); ws >= 0 && inWords(text[ws:j], proseUserLabels) && ps == vs {
					goto value
				}
				break
			}
		}
	}
	if !credWordAt(text, j) && !connectedAt(text, j, proseCredMatcher, func(k int) bool { return credWordAt(text, k) }) {
		return false
	}
value:
	pe := proseValue(text, ps)
	if pe < 0 || proseStandIn(text[ps:pe]) || obviousFake(text[ps:pe]) {
		return true
	}
	st.add(d.ix.password, ps, pe)
	return true
}

// pairSeparator returns the length of a separator between a user name
// and a password that ends text[:i] ("/", "|", "--", "—", "–"), or 0.
func pairSeparator(text string, i int) int {
	switch {
	case i <= 0:
		return 0
	case text[i-1] == '/' || text[i-1] == '|':
		return 1
	case i >= 2 && text[i-2:i] == "--":
		return 2
	case i >= 3 && (text[i-3:i] == "—" || text[i-3:i] == "–"):
		return 3
	}
	return 0
}

// conjunctionBefore returns the length of "and" (and, e, y, et, und, i,
// ve, và, dan) and its leading space ending text[:i] after a space, or 0.
func conjunctionBefore(text string, i int) int {
	if i < 2 {
		return 0
	}
	switch text[i-1] | 0x20 {
	case 'd', 'e', 'y', 't', 'i', 'n', 0xA0 | 0x20: // the last bytes of the words below
	default:
		return 0 // most words: one byte test
	}
	for _, c := range [...]string{"and", "e", "y", "et", "und", "i", "ve", "và", "dan"} {
		if wordEndsAt(text, i, c) && i-len(c) > 0 && text[i-len(c)-1] == ' ' {
			return len(c)
		}
	}
	return 0
}

// adminUser reports the names of built-in administrator accounts.
func adminUser(v string) bool {
	for _, a := range [...]string{"root", "admin", "administrator", "sa", "postgres", "sysadmin", "superuser"} {
		if strings.EqualFold(v, a) {
			return true
		}
	}
	return false
}

// emailLike reports a user@domain.tld token.
func emailLike(v string) bool {
	at := index(v, "@")
	return at > 0 && at < len(v)-3 && index(v[at:], ".") > 1
}

// proseNameMatcher and proseCredMatcher find any name, or any credential
// word, inside a stretch of text (case-insensitive).
var (
	proseNameMatcher = partMatcher(append(append([]string{}, prosePasswordNames...), proseSecretNames...))
	proseCredMatcher = partMatcher(proseCredWords)
)

// credWordAt reports whether a credential word ends text[:j].
func credWordAt(text string, j int) bool {
	for _, w := range proseCredWords {
		if wordEndsAt(text, j, w) {
			return true
		}
	}
	return false
}

// isUserByte reports the bytes of a user name in a credential pair.
func isUserByte(c byte) bool {
	return isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '@' || c == '\\'
}

// proseNameBefore reads back from a value starting at text[vs], after
// white space: a linking word and the name before it (directly, through a
// connector, or a change verb before "to"), or a name after a verb. It
// returns the kind of name, the linking word and whether a colon followed
// the linking word.
func proseNameBefore(text string, vs int) (kind int, link string, colon bool) {
	i := spacesBefore(text, vs)
	if i <= 0 {
		return proseNone, "", false
	}
	if text[i-1] == ':' {
		colon = true // "the password is: x"; "password: x" is an assignment
		i--
		if i > 0 && text[i-1] == ' ' {
			i = spacesBefore(text, i) // French: "mot de passe : x"
			if i <= 0 {
				return proseNone, "", false
			}
		}
	}
	// Most words before a number end in two bytes that end no linking
	// word and no name: one table lookup rules them out.
	if i < 2 || proseTails[pairIndex(text[i-2], text[i-1])>>6]&(1<<(pairIndex(text[i-2], text[i-1])&63)) == 0 {
		if colon && i >= 2 {
			// "the password for the HR portal: x"
			return proseNameFor(text, i), "", true
		}
		return proseNone, "", false
	}
	kind = proseNone
	for _, l := range proseLinks {
		if wordEndsAt(text, i, l) {
			if j := spacesBefore(text, i-len(l)); j > 0 {
				if l == "it's" {
					// after a comma: "the mailbox got a new password, it's X"
					if j > 1 && text[j-1] == ',' {
						kind, _ = proseNameAt(text, j-1)
					}
				} else if l == "to" {
					// "changed to"; Polish "hasło do serwera X to ..."
					if kind = proseChangedTo(text, j); kind == proseNone {
						kind = proseNameFor(text, j)
					}
				} else if kind, _ = proseNameAt(text, j); kind == proseNone {
					kind = proseNameFor(text, j)
				}
				link = l
			}
			break
		}
	}
	if kind == proseNone && !colon {
		var ns int
		if kind, ns = proseNameAt(text, i); kind != proseNone && !proseVerbBefore(text, ns) {
			if kind == prosePassword && proseQualified(text, ns) {
				link = "bare" // "initial password X", "/ password X", "bob@example.com pw X"
			} else if kind == proseToken && credentialKeyName(text, ns) {
				link = "bare" // "client secret X", "access token X": a token-shaped X only
			} else {
				kind = proseNone
			}
		}
	}
	if kind == proseNone && colon {
		// A name the assignment scanner does not know: "Kennwort: X",
		// "Contraseña: X" (it reads "password: X" and "Passwort: X").
		if k, ns := proseNameAt(text, i); k == prosePassword && !isPasswordName(text[ns:i]) {
			return k, "", true
		}
		kind = proseNameFor(text, i) // "the password for the HR portal: X"
	}
	return kind, link, colon
}

// credentialKeyName reports a key or token name starting at text[ns]
// that names a credential: not "public key", "license key", "primary
// key" (lineNotKey).
func credentialKeyName(text string, ns int) bool {
	j := spacesBefore(text, ns)
	if j <= 0 {
		return true
	}
	ws := proseWordBefore(text, j)
	return ws < 0 || !inWords(trimLabelWord(text[ws:j]), lineNotKey)
}

// proseQualifiers may stand right before a password name that is followed
// by its value with no verb: "initial password X", "dem Kennwort X".
var proseQualifiers = []string{
	"initial", "temporary", "temp", "new", "default", "master", "admin", "root", "provisional",
	"current", "one-time", "wifi", "wi-fi", "the", "my", "your", "our", "his", "her", "their",
	"dem", "das", "den", "die", "dein", "ihr", "le", "la", "el", "il", "o", "a", "het", "je",
	"login", "account", "portal", "user", "e", "y", "and", "und", "et", "và", "dan",
	"en", "og", "och", "ve",
	// "and" in Finnish and Estonian, Hungarian, Romanian, Polish,
	// Russian and Ukrainian, Greek: "käyttäjä on x ja salasana y"
	"ja", "és", "și", "si", "i", "oraz", "и", "і", "й", "και",
}

// proseQualified reports what may stand before a password name that is
// followed by its value with no verb: a qualifier ("initial password"),
// a slash after a user name ("bob / password"), or a user name or e-mail
// address ("bob@example.com pw").
func proseQualified(text string, ns int) bool {
	j := spacesBefore(text, ns)
	if j <= 0 {
		return false
	}
	if text[j-1] == '/' || text[j-1] == ',' {
		return true
	}
	for _, q := range proseQualifiers {
		if wordEndsAt(text, j, q) {
			return true
		}
	}
	ws := proseWordBefore(text, j)
	return ws >= 0 && index(text[ws:j], "@") > 0
}

// passphraseAt is the join hook: at a '-' or '_' between two letters it reads
// the token around it, and reports a passphrase without digits stated in
// prose after a password name and a linking word ("my password is
// correct-horse-battery-staple", "the new password is
// Purple-Monkey-Dishwasher"). Tokens with a digit are the run hook's.
// Passphrases joined only by dots are not looked for: '.' ends most
// sentences, and a hook there cost a tenth more scan time.
func (d *Detector) passphraseAt(st *scanState, text string, p int) {
	if d.ix.password < 0 || p == 0 || p+1 >= len(text) || !isLetter(text[p-1]) || !isLetter(text[p+1]) {
		return
	}
	ts := p
	for ts > 0 && p-ts < 64 && (isLetter(text[ts-1]) || isJoin(text[ts-1])) {
		ts--
	}
	te := p + 1
	for te < len(text) && te-p < 64 && (isLetter(text[te]) || isJoin(text[te])) {
		te++
	}
	st.joinEnd = te
	for te > ts && isJoin(text[te-1]) {
		te-- // a full stop after the passphrase
	}
	if ts > 0 && isTableDelim(text[ts-1]) {
		d.tableCell(st, text, ts, te) // a passphrase in a password column
		return
	}
	if ts == 0 || text[ts-1] == '\n' {
		// alone on its line under a line that names a password:
		// "Here's the app-specific password I generated:\nwxyz-abcd-efgh-ijkl"
		if sh, lo := passphraseShape(text[ts:te]); (sh || lo) && ts > 0 && restOfLine(text, te) == "" && passwordAbove(text, ts) && !isPlaceholder(text[ts:te]) && !obviousFake(text[ts:te]) && !alphabetRun(text[ts:te]) {
			st.add(d.ix.password, ts, te)
		}
		return
	}
	if text[ts-1] != ' ' && text[ts-1] != '\t' {
		return
	}
	if te < len(text) && text[te] > ' ' && !proseValueEnd(text[te]) && text[te] != '.' {
		return // more of the token follows (a digit, a slash …)
	}
	shaped, loose := passphraseShape(text[ts:te])
	if !shaped && !loose {
		return
	}
	if directNameBefore(text, ts) && !describedParts(text[ts:te]) && !isPlaceholder(text[ts:te]) && !obviousFake(text[ts:te]) {
		// a name that takes its value with no link: "adgangskoden
		// fiets-duna-orchid", "şifre tulpe_jesien_qamar olarak"
		st.add(d.ix.password, ts, te)
		return
	}
	kind, link, colon := proseNameBefore(text, ts)
	// after a verb ("log in with password a-b-c-d"), four words or more
	verbLink := kind == prosePassword && link == "" && !colon && joinedParts(text[ts:te]) >= 4
	// after a name and a linking word, or a qualified name ("password is
	// noodle-summit-oyster", "network X, password noodle-summit-oyster"),
	// three words of four letters or more
	if !shaped && loose && kind == prosePassword && link != "" && !describedParts(text[ts:te]) {
		shaped = true
	}
	if !shaped || kind != prosePassword || (link == "" && !colon && !verbLink) {
		// after a label, three words of four letters or more are enough:
		// "Senha do Wi-Fi: willow-amizade-cachorro"
		if !proseNameColon(text, ts) && !labelledPassword(text, ts) {
			return
		}
	}
	v := text[ts:te]
	if isPlaceholder(v) || obviousFake(v) {
		return
	}
	st.add(d.ix.password, ts, te)
}

// labelledPassword reports a label line's password name before the
// value at text[vs]: "Senha do Wi-Fi: x", "WLAN-Passwort Gäste: x".
func labelledPassword(text string, vs int) bool {
	i := spacesBefore(text, vs)
	if i <= 0 {
		return false
	}
	se, ok := separatorBefore(text, i)
	if !ok {
		return false
	}
	ls := se
	for ls > 0 && text[ls-1] != '\n' && se-ls < lineMaxLabel {
		ls--
	}
	return labelBefore(text, ls, se) == prosePassword
}

// proseNameColon reports a password name and a colon right before the
// value at text[vs] ("mot de passe : x", "password: x"); a passphrase
// there is a literal, which the assignment scanner cannot tell from an
// identifier.
func proseNameColon(text string, vs int) bool {
	i := spacesBefore(text, vs)
	if i <= 0 || text[i-1] != ':' {
		return false
	}
	if i--; i > 0 && text[i-1] == ' ' {
		i = spacesBefore(text, i)
	}
	if i <= 0 {
		return false
	}
	kind, _ := proseNameAt(text, i)
	return kind == prosePassword
}

// alphabetRun reports letters that follow the alphabet ("abcd-efgh-ijkl-mnop",
// the documentation's example app password), joins left out.
func alphabetRun(v string) bool {
	prev, n := byte(0), 0
	for i := 0; i < len(v); i++ {
		c := v[i] | 0x20
		if c < 'a' || c > 'z' {
			continue
		}
		if prev != 0 && c != prev+1 {
			return false
		}
		prev = c
		n++
	}
	return n >= 8
}

// passwordAbove reports, for a value starting the line at ls, a line
// above it (blank lines between) that names a password and ends in a
// colon, or that names an app password ("I created an app password for
// Outlook").
func passwordAbove(text string, ls int) bool {
	if pc := prevLineColon(text, ls); pc > 0 {
		return passwordNamedLine(text, pc)
	}
	j := ls - 1
	for j > 0 && (text[j-1] == '\n' || text[j-1] == '\r' || isSpace(text[j-1])) && ls-j < 8 {
		j--
	}
	ps := j
	for ps > 0 && text[ps-1] != '\n' && j-ps < 200 {
		ps--
	}
	line := text[ps:j]
	for _, p := range [...]string{"app password", "app-password", "app specific password", "app-specific password", "application password", "app-passwort", "app passwort", "anwendungskennwort", "mot de passe d'application", "mot de passe d’application", "contraseña de aplicación", "senha de app", "senha de aplicativo", "hasło aplikacji", "app-wachtwoord"} {
		if containsFold(line, p) {
			for _, w := range revokedWords {
				if containsFold(line, w) {
					return false // "the app password … was revoked"
				}
			}
			return true
		}
	}
	return false
}

func isJoin(c byte) bool { return c == '-' || c == '.' || c == '_' }

// passphraseShape reports (shaped) words joined by '-', '.' or '_' that make a
// passphrase: three or more parts of 3 to 12 letters each, with upper and
// lower case (Sunshine.Mountain.River) or four or more parts
// (correct-horse-battery-staple), or three or more of four or more letters
// joined by '_' (pepper_umber_quartz: prose has no snake_case words).
// "one-time-use", "case-sensitive" and "up-to-date" are not.
//
// loose reports three parts or more of four letters or more: what a label
// before it makes a passphrase.
func passphraseShape(v string) (shaped, loose bool) {
	parts, n, lo, up, under, minPart := 0, 0, false, false, false, 99
	for i := 0; i <= len(v); i++ {
		if i == len(v) || isJoin(v[i]) {
			if n < 3 || n > 12 {
				return false, false
			}
			if i < len(v) && v[i] == '_' {
				under = true
			}
			parts, minPart, n = parts+1, min(minPart, n), 0
			continue
		}
		c := v[i]
		switch {
		case 'a' <= c && c <= 'z':
			lo = true
		case 'A' <= c && c <= 'Z':
			up = true
		default:
			return false, false
		}
		n++
	}
	return parts >= 4 || (parts >= 3 && lo && up) || (parts >= 3 && under && minPart >= 4), parts >= 3 && minPart >= 4
}

// typographicQuotes pairs opening and closing quotes of many languages:
// “…”, „…“, «…», ‘…’, 「…」, ‹…›.
var typographicQuotes = [][2]string{
	{"\u201c", "\u201d"}, {"\u201e", "\u201c"}, {"\u201e", "\u201d"}, {"\u00ab", "\u00bb"},
	{"\u2018", "\u2019"}, {"\u300c", "\u300d"}, {"\u2039", "\u203a"},
}

// proseTypographicQuote reports a password in typographic quotes after a
// name and a linking word: the password is “…”, le mot de passe est « … »,
// das Passwort ist „…“. The opening quote ends at text[qe] and the value
// starts at text[vs] (after a space, as French puts one). It reports
// whether a typographic quote opened there.
func (d *Detector) proseTypographicQuote(st *scanState, text string, qe, vs int) bool {
	if d.ix.password < 0 {
		return false
	}
	opened := false
	for _, q := range typographicQuotes {
		qs := qe - len(q[0])
		if qs < 0 || text[qs:qe] != q[0] {
			continue
		}
		opened = true
		e := vs
		for e < len(text) && e-vs <= 128 && text[e] != '\n' && text[e] >= ' ' && text[e] < 0x80 {
			e++
		}
		ve := e
		for ve > vs && text[ve-1] == ' ' {
			ve-- // « value »
		}
		if e+len(q[1]) > len(text) || text[e:e+len(q[1])] != q[1] {
			continue // „ closes with “ in German, with ” elsewhere
		}
		if ve-vs < 5 {
			return true
		}
		if qs == 0 || (text[qs-1] != ' ' && text[qs-1] != '\t') {
			return true
		}
		if kind, _, _ := proseNameBefore(text, qs); kind != prosePassword {
			return true
		}
		if d.acceptValue(text[vs:ve], "password", true, true, true) {
			st.add(d.ix.password, vs, ve)
		}
		return true
	}
	return opened
}
