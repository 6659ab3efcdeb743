package secrets

import (
	"strings"
	"unicode/utf8"
)

// The assignment scanner: `password = "..."`, `api_key: ...`,
// `"client_secret": "..."`, `DB_PASSWORD=...`, `--token value`,
// `<password>...</password>`, `<add key="Password" value="..."/>`,
// `Authorization: Bearer ...`, `Password=...;` in connection strings.
// It runs on keyword hits ("pass", "pwd", "secret", "token", "key",
// "auth", "cred") and reads the key name around the hit, the operator and
// the value without a regex.

const (
	idPassword     = "PASSWORD_ASSIGNMENT"
	idGeneric      = "GENERIC_SECRET"
	idConnPassword = "CONNECTION_STRING_PASSWORD"
	idURLCreds     = "URL_CREDENTIALS"
)

const (
	maxKeyName  = 64
	maxValueLen = 256
)

// Key names containing one of these are not secret-valued (or are English
// words that contain a keyword).
var nameNegatives = []string{
	"bypass", "compass", "passage", "passeng", "passport", "passive", "passthrough",
	"passion", "surpass", "trespass", "impass", "overpass", "underpass", "passing",
	"keyboard", "keyword", "keynote", "keystone", "keystroke", "keypad", "keypress",
	"keycode", "keyframe", "keyup", "keydown", "keymap", "keybind", "keyset",
	"monkey", "donkey", "turkey", "jockey", "hockey", "whiskey", "hotkey", "turnkey",
	"tokeniz", "tokens", "keys", "secrets_manager", "secretsmanager",
	"authority", "authors", "author_", "authored", "authentic", "authz", "authoriz",
	"secretar", "secretion", "secrete",
	"_name", "-name", ".name", "name_", "keyname", "tokenname", "secretname",
	"url", "uri", "endpoint", "path", "file", "_dir", "length", "_len", "size",
	"_type", "type_", "count", "ttl", "expir", "timeout", "header", "field",
	"param", "policy", "prompt", "label", "hint", "regex", "pattern", "format",
	"version", "algorithm", "_alg", "method", "provider", "mode", "enable",
	"required", "_min", "_max", "max_", "min_", "reset", "forgot", "rotat",
	"strength", "validat", "placeholder", "input", "public", "pubkey", "_pub",
	"csrf", "xsrf", "keyref", "secretref", "_arn", "index", "_idx",
	"publishable", "primary_key", "primarykey", "foreign", "sort_key", "sortkey", "partition", "cache", "idempoten",
	"hash_key", "hashkey", "range_key", "lookup", "routing", "shard", "unique",
	"translation", "i18n", "schema", "sequence", "natural", "bucket", "searchonly", "search_only", "search-only",
	// a hash or digest of a password, a GPG key id (git's user.signingkey),
	// a mobile SDK's client token (FacebookClientToken, public in the app;
	// not VAULT_CLIENT_TOKEN), SCRAM's stored key
	"password_hash", "passwordhash", "pass_hash", "pwd_hash", "password_digest", "passworddigest",
	"signingkey", "clienttoken", "storedkey",
	"usage", "limit", "created", "updated", "changed", "confirm_", "display",
	"description", "desc_", "_desc", "title", "message", "error", "status",
	"event", "callback_url", "callbackurl", "callback_uri", "callback-url", "handler", "request", "response", "storage_class",
	"token_uri", "tokenuri", "key_id", "keyid", "_id", "-id",
	"update_password", "jsonwebtoken", "keyvault", "idx", "keying", "keypair", "secretkeyref",
	// where a value comes from (password_source, secretSource), not a data
	// source's own password (SPRING_DATASOURCE_PASSWORD)
	"_source", "-source", ".source", "secretsource", "passwordsource", "tokensource", "keysource", "credentialsource",
}

var nameNegMatcher = partMatcher(nameNegatives)

// isWordName reports names that are only a keyword (bare "key", "token",
// "auth"): they need a stronger value.
func isBareName(name string) bool {
	switch len(name) {
	case 3, 4, 5:
		return equalFold(name, "key") || equalFold(name, "auth") || equalFold(name, "token") || equalFold(name, "creds")
	}
	return false
}

// foreignPasswordNames are the word for password in other languages as
// it is written in a key name (ASCII, without diacritics): Dutch,
// German, Spanish, Portuguese, Polish, Turkish, Swedish, Finnish, Czech,
// Hungarian. "passwort" and "mot_de_passe" already hold "pass".
var foreignPasswordNames = []string{"wachtwoord", "kennwort", "contrasena", "senha", "haslo", "sifre", "losenord", "salasana", "heslo", "jelszo"}

var authSchemes = []string{"bearer ", "basic ", "token ", "digest ", "apikey "}

var (
	passwordNameMatcher = partMatcher(append([]string{"pass", "pwd"}, foreignPasswordNames...))
	secretNameMatcher   = partMatcher([]string{"secret", "token", "key", "auth", "cred"})
)

// isSecretName reports names with one of GENERIC_SECRET's keywords.
func isSecretName(name string) bool { return containsAny(secretNameMatcher, name) }

func isPasswordName(name string) bool {
	return containsAny(passwordNameMatcher, name) || wholePart(name, "pw") || wholePart(name, "psk") ||
		len(name) >= 7 && equalFold(name[len(name)-7:], "authtok") // sssd's ldap_default_authtok
}

// wholePart reports w (lower case) as a whole part of a name: "pw" in pw,
// DB_PW, smtp.pw, pw_admin, not in upward or pwm_period; "psk" (a Wi-Fi
// pre-shared key) in psk, wifi_psk.
func wholePart(name, w string) bool {
	for i := 0; i+len(w) <= len(name); i++ {
		if !equalFold(name[i:i+len(w)], w) {
			continue
		}
		if (i == 0 || !isLetter(name[i-1])) && (i+len(w) == len(name) || !isLetter(name[i+len(w)])) {
			return true
		}
	}
	return false
}

func scanAssignment(d *Detector, st *scanState, text string, ks, ke int, _ int) {
	// The key name: identifier bytes around the hit.
	ns := ks
	for ns > 0 && ks-ns < maxKeyName && isIdent(text[ns-1]) {
		ns--
	}
	ne := ke
	for ne < len(text) && ne-ke < maxKeyName && isIdent(text[ne]) {
		ne++
	}
	if ns == st.lastKeyStart && ne == st.lastKeyEnd {
		return
	}
	st.lastKeyStart, st.lastKeyEnd = ns, ne
	for ne > ke && (text[ne-1] == '.' || text[ne-1] == '-') {
		ne--
	}
	name := text[ns:ne]
	if isBareName(name) && publicBefore(text, ns) {
		return // "public key: ...", "publishable key = ..."
	}
	password := isPasswordName(name)
	if !password && !isSecretName(name) {
		return // a --flag hit without a secret word in it
	}
	if !assignmentFollows(text, ns, ne, password) {
		return // prose: no operator after the name
	}
	// In a dotted name (spring.datasource.password, config.db.pass) only
	// the segment holding the keyword and what follows it qualify the
	// value: "datasource" does not make a password a source.
	qual := name
	for j := ks - 1; j > ns; j-- {
		if text[j] == '.' {
			qual = text[j+1 : ne]
			break
		}
	}
	if keyNameRejected(name, qual) {
		return
	}

	// Operator. A name in a name field has its value in the value field
	// after it.
	nameField := nameFieldBefore(text, ns)
	pairAt := -1
	if nameField {
		pairAt = pairValueAfter(text, ne)
	}
	i := ne
	var openQuote byte
	if ns > 0 {
		switch text[ns-1] {
		case '"', '\'', '`':
			openQuote = text[ns-1]
		}
	}
	nameClosed := false
	if i < len(text) && openQuote != 0 && text[i] == openQuote {
		i++
		nameClosed = true
	} else if i+1 < len(text) && text[i] == '\\' && text[i+1] == '"' { // "{\"password\": \"...\"}"
		i += 2
	}
	if i < len(text) && text[i] == ']' {
		i++
	}
	xml := ns > 0 && i < len(text) && text[i] == '>' &&
		(text[ns-1] == '<' || nameClosed && pairAt < 0 && nameField) // <password>x<, <string name="api_key">x<
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i >= len(text) {
		return
	}
	opStart := i
	needQuote := false
	switch {
	case pairAt >= 0:
		opStart = pairAt - 1
		i = pairAt
	case xml:
		i++
	case text[i] == '=':
		i++
		for i < len(text) && (text[i] == '=' || text[i] == '>') && i-opStart < 3 {
			i++ // ==, ===, =>
		}
	case text[i] == ':':
		i++
		if i < len(text) && text[i] == '=' {
			i++
		}
	case text[i] == '?' && i+1 < len(text) && text[i+1] == '=':
		i += 2
	case text[i] == '-' && i+1 < len(text) && text[i+1] == '>':
		i += 2
	case openQuote != 0 && i+5 < len(text) && equalFold(text[i:i+5], "value"):
		// <add key="Password" value="..."/>
		i += 5
		for i < len(text) && isSpace(text[i]) {
			i++
		}
		if i >= len(text) || text[i] != '=' {
			return
		}
		i++
	case name[0] == '-' && i > ne && i < len(text):
		// --password value
	case text[i] == ',' && openQuote != 0:
		// ("api_token", "value"): a key and its value as call arguments
		i++
		needQuote = true
	case password && i+2 < len(text) && text[i] == 'i' && text[i+1] == 's' && isSpace(text[i+2]):
		// the password is 'value'
		i += 2
		needQuote = true
	case password && openQuote == 0 && i > ne && (text[i] == '"' || text[i] == '\'') && atLineStart(text, ns):
		// A password name that starts a statement and a quoted value
		// after a space: Gradle's storePassword 'x', C's
		// #define WIFI_PASSWORD "x", nginx-style directives.
		needQuote = true
	case password && openQuote == 0 && i > ne && (text[i] == '"' || text[i] == '\'') && nmcliLine(text, ns):
		// nmcli dev wifi connect "SSID" password "x": arguments, not prose
		needQuote = true
	default:
		return
	}
	tight := opStart == ne && i < len(text) && !isSpace(text[i]) // KEY=value
	spaced := i < len(text) && isSpace(text[i])
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i >= len(text) {
		return
	}

	// Value. SQL Server writes a Unicode string literal N'x'
	// (@password = N'x'), Python a bytes literal b"x"; TOML and Grafana's
	// INI a string in triple quotes ("""x""").
	if i+1 < len(text) && (password && text[i] == 'N' && text[i+1] == '\'' || text[i] == 'b' && (text[i+1] == '"' || text[i+1] == '\'')) {
		i++
	}
	if i+3 < len(text) && (text[i] == '"' || text[i] == '\'') && text[i+1] == text[i] && text[i+2] == text[i] {
		i += 2
	}
	vs, ve, quoted := i, i, false
	c := text[i]
	switch {
	case xml:
		for ve < len(text) && ve-vs < maxValueLen && text[ve] != '<' && text[ve] != '\n' {
			ve++
		}
		if ve >= len(text) || text[ve] != '<' {
			return
		}
	case c == '"' || c == '\'' || c == '`':
		if openQuote == c && !nameClosed {
			return // "Password:" inside a string; c closes that string
		}
		quoted = true
		vs++
		ve = vs
		for ve < len(text) && ve-vs < maxValueLen && text[ve] != c && text[ve] != '\n' {
			if text[ve] == '\\' && c == '"' && ve+1 < len(text) && text[ve+1] == '"' {
				break // \" closes a value inside a JSON-escaped string
			}
			ve++
		}
		if ve >= len(text) || (text[ve] != c && text[ve] != '\\') {
			return
		}
	case c == '\\' && i+1 < len(text) && text[i+1] == '"':
		quoted = true
		vs += 2
		ve = vs
		for ve < len(text) && ve-vs < maxValueLen && text[ve] != '\\' && text[ve] != '"' && text[ve] != '\n' {
			ve++
		}
		if ve >= len(text) || text[ve] != '\\' {
			return
		}
	default:
		if needQuote {
			return
		}
		if spaced && c == '#' {
			return // a comment
		}
		for ve < len(text) && ve-vs < maxValueLen {
			b := text[ve]
			if b <= ' ' || b == ',' || b == ';' || b == '&' || b == ')' || b == ']' || b == '}' ||
				b == '<' || b == '"' || b == '\'' || b == '`' || b == 0x7f {
				break
			}
			ve++
		}
		if ve-vs >= maxValueLen {
			return
		}
	}
	// Authorization: Bearer <token> / Basic <b64>.
	if v := text[vs:ve]; containsFold(name, "auth") && len(v) > 7 {
		for _, scheme := range authSchemes {
			if hasPrefixFold(v, scheme) {
				vs += len(scheme)
				if !quoted {
					ve = vs
					for ve < len(text) && ve-vs < maxValueLen && text[ve] > ' ' && text[ve] != '"' && text[ve] != '\'' && text[ve] != ',' && text[ve] != ';' {
						ve++
					}
				}
				break
			}
		}
	}
	// A value quoted twice ('"abc"'): keep the inner text.
	if ve-vs >= 2 && (text[vs] == '"' || text[vs] == '\'') && text[ve-1] == text[vs] {
		vs++
		ve--
	}
	v := text[vs:ve]
	if !quoted && callValue(text, vs, ve) {
		return // password=getpass.getpass('...'), token=os.getenv("X")
	}
	literal := quoted || pairAt >= 0
	if !quoted && atLineStart(text, ns) {
		// .env / INI (KEY=value) and YAML (key: value) lines hold
		// literals, not variable names.
		switch {
		case tight && text[opStart] == '=':
			literal = true
		case text[opStart] == ':' && spaced && lineEndsAt(text, ve) && (!camelCase(v) || camelPassphrase(v)) && index(v, ".") < 0:
			literal = true
		}
	}
	prev := ns - 1
	for prev >= 0 && isSpace(text[prev]) {
		prev--
	}
	// An ODBC / ADO.NET connection string (...;Password=value;...) holds
	// a literal: it is reported however weak, unless it is a template.
	odbc := password && !quoted && text[opStart] == '=' &&
		((prev >= 0 && text[prev] == ';') || nextKeyValue(text, ve))
	if odbc {
		if len(v) < 3 || isTemplate(v) || interpolated(text, vs, ve) {
			return
		}
	} else if !d.acceptValue(v, name, password, quoted, literal) {
		return
	}
	ri := d.ix.generic
	if !password && publicByDesign(text, vs, ve) {
		return // a Firebase web config's key, a Maps JavaScript key (public.go)
	}
	if password {
		ri = d.ix.password
		// Connection-string context: Password=...; or ?password=...&
		if odbc || (prev >= 0 && (text[prev] == '&' || text[prev] == '?')) {
			ri = d.ix.connPassword
		}
	}
	if ri >= 0 {
		st.add(ri, vs, ve)
	}
}

// acceptValue decides whether an assigned value looks like a real secret.
func (d *Detector) acceptValue(v, name string, password, quoted, literal bool) bool {
	if password {
		if len(v) < 5 || len(v) > 128 {
			return false
		}
		if hasPrefixFold(v, "env:") || hasPrefixFold(v, "file:") || hasPrefixFold(v, "fd:") {
			return false // OpenSSL's -passin env:VAR, file:path, fd:n name where the password is
		}
	} else if len(v) < 10 {
		return false
	}
	if index(v, " ") >= 0 && !(password && quoted && containsFold(name, "phrase") && spacedPassphrase(v)) {
		return false
	}
	if isPlaceholder(v) || jwtIOSample(v) || mapboxPublic(v) || stripePublishable(v) || revenueCatPublic(v) || browserAgentKey(v) {
		return false
	}
	if password && pgMD5Verifier(v) {
		return false // PostgreSQL's stored md5 verifier, not the password
	}
	if password && filePath(v) {
		return false // LoadCredential=db-password:/etc/credstore/db, a file that holds it
	}
	if password && capsIdent(v) && isPasswordName(v) {
		return false // passwordVariable: 'PGPASSWORD': the name of a variable that holds it
	}
	if !quoted {
		if v[0] == '\\' || index(v, "[") >= 0 {
			return false
		}
	}
	if !literal {
		// Unquoted identifiers are variables (password = user_password,
		// token: str, secret = config.secret), calls or YAML syntax.
		switch v[0] {
		case '!', '&', '*', '|', '>', '(', ':':
			return false
		}
		ident, digit := true, false
		for i := 0; i < len(v); i++ {
			c := v[i]
			if isDigit(c) {
				digit = true
			} else if !isLetter(c) && c != '_' && c != '.' && c != '-' {
				ident = false
			}
			if c == '(' {
				return false
			}
		}
		if ident && !digit && !randomCase(v) && !(password && containsFold(name, "phrase") && dottedPassphrase(v)) {
			return false // a variable, not "jUsHWlOuNnvebjVoXQZn" or a passphrase's words
		}
	}
	if (qualifiedName(v) || hostname(v)) && !(password && (quoted || containsFold(name, "phrase")) && dottedPassphrase(v)) {
		return false
	}
	if !password && obviousFake(v) {
		return false
	}
	h := shannon(v)
	if password {
		min := d.minEntropy - 1
		if h <= min {
			return false
		}
		// Words with spaces are prose ("the one you chose"), not passwords,
		// unless quoted; a password has no space-separated run of words.
		if !quoted && charClasses(v) == 1 && len(v) < 8 {
			return false
		}
		// A capitalised word is a label ("Passwort"), not a password.
		if 'A' <= v[0] && v[0] <= 'Z' && charClasses(v[1:]) == 1 && 'a' <= v[1] && v[1] <= 'z' {
			return false
		}
		return true
	}
	if h <= d.minEntropy {
		return false
	}
	digit := false
	for i := 0; i < len(v); i++ {
		if isDigit(v[i]) {
			digit = true
			break
		}
		if v[i] == ' ' {
			return false // a phrase, not a token
		}
	}
	if !digit && !(len(v) >= 20 && h > d.minEntropy+1) && !randomCase(v) {
		return false
	}
	if isBareName(name) && (len(v) < 16 || h < d.minEntropy+0.5) {
		return false
	}
	if hasStopword(v) && !strongRandom(v) || version(v) || d.truncatedProviderValue(v) {
		return false
	}
	return true
}

// strongRandom reports a long value of letters of both cases and digits
// that changes case often and has high entropy: a generated secret in
// which a stopword ("vevp…", "atu…") is chance, not a word of code.
func strongRandom(v string) bool {
	if len(v) < 32 {
		return false
	}
	lo, up, di, changes := false, false, false, 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c && c <= 'z':
			lo = true
		case 'A' <= c && c <= 'Z':
			up = true
		case isDigit(c):
			di = true
		default:
			return false
		}
		if i > 0 && isLetter(c) && isLetter(v[i-1]) && (c <= 'Z') != (v[i-1] <= 'Z') {
			changes++
		}
	}
	return lo && up && di && changes*4 >= len(v) && shannon(v) >= 4.6
}

// keyNameRejected applies the negative name tests of the assignment
// scanner to a key name that has a secret or password word: qual is the
// part of a dotted name that qualifies the value (see scanAssignment).
func keyNameRejected(name, qual string) bool {
	if containsAny(nameNegMatcher, qual) && !adminName(qual) && !storePassName(qual) || refPart(qual) {
		return true
	}
	// Name ending in "Id"/"ID" (tokenId, KEY_ID handled above).
	if len(name) > 2 && name[len(name)-2] == 'I' && (name[len(name)-1] == 'd' || name[len(name)-1] == 'D') {
		return true
	}
	return siteKeyName(qual) || integrationKeyName(qual)
}

// refPart reports "ref" as a part of its own in a name (DB_PASSWORD_REF,
// secret-ref, token_ref_id): the value names where the secret is. Not
// "_refresh" (QBO_REFRESH_TOKEN).
func refPart(name string) bool {
	for i := 1; i+3 <= len(name); i++ {
		if c := name[i-1]; (c == '_' || c == '-' || c == '.') && equalFold(name[i:i+3], "ref") && (i+3 == len(name) || !isLetter(name[i+3])) {
			return true
		}
	}
	return false
}

// storePassName reports the password of a Java key store or trust store
// (keyStorePassword, javax.net.ssl.trustStorePassword, storepass): "keys"
// in it is no plural.
func storePassName(name string) bool {
	return containsFold(name, "storepass") || containsFold(name, "store_pass") || containsFold(name, "store-pass") || containsFold(name, "store.pass")
}

// siteKeyName reports the site key of a CAPTCHA widget (sitekey,
// site_key, siteKey, data-sitekey): reCAPTCHA, hCaptcha and Turnstile
// put it in the page, and only the secret key is a credential
// (https://developers.google.com/recaptcha/docs/display,
// https://docs.hcaptcha.com/, https://developers.cloudflare.com/turnstile/get-started/).
// A name that also says secret (RECAPTCHA_SITE_KEY_SECRET) is not one.
func siteKeyName(name string) bool {
	return (containsFold(name, "sitekey") || containsFold(name, "site_key") || containsFold(name, "site-key")) &&
		!containsFold(name, "secret") && !containsFold(name, "private")
}

// revenueCatPublic reports a RevenueCat public SDK key: appl_ (App
// Store), goog_ (Google Play), amzn_ (Amazon Appstore)
// (https://revenuecat.github.io/codelabs/guides/configure-sdk.html) and
// strp_ (Stripe) then letters and digits. They ship in apps
// (Purchases.configure(withAPIKey: ...)); RevenueCat's secret keys start
// with sk_.
func revenueCatPublic(v string) bool {
	if len(v) < 20 || len(v) > 64 || v[4] != '_' {
		return false
	}
	switch v[:5] {
	case "appl_", "goog_", "amzn_", "strp_":
	default:
		return false
	}
	for i := 5; i < len(v); i++ {
		if !isAlnum(v[i]) {
			return false
		}
	}
	return true
}

// callValue reports an unquoted value text[vs:ve] that is a function
// call: an identifier or dotted name of two or more bytes, then '(' and a
// closing bracket, a quote or an identifier (getpass.getpass('...'),
// os.getenv("X"), get_secret("x"), read_token()). The value of the key
// is what the call returns, not the text.
func callValue(text string, vs, ve int) bool {
	i := vs
	if i >= len(text) || !(isLetter(text[i]) || text[i] == '_') {
		return false
	}
	for i < ve && (isWordByte(text[i]) || text[i] == '.') {
		i++
	}
	if i-vs < 2 || i >= len(text) || text[i] != '(' || text[i-1] == '.' {
		return false
	}
	i++
	if i >= len(text) {
		return false
	}
	c := text[i]
	return c == ')' || c == '"' || c == '\'' || c == '`' || isLetter(c) || c == '_'
}

// publicBefore reports the word "public" or "publishable" before a bare
// key name that starts at text[ns] (WireGuard's "public key: ...").
func publicBefore(text string, ns int) bool {
	j := ns
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '_' || text[j-1] == '-') && ns-j < 3 {
		j--
	}
	if j == ns {
		return false
	}
	return wordEndsAt(text, j, "public") || wordEndsAt(text, j, "publishable")
}

// nextKeyValue reports whether text[i:] is ";" and another key=value pair
// of a connection string (";Initial Catalog=...", "; Database=...").
func nextKeyValue(text string, i int) bool {
	if i >= len(text) || text[i] != ';' {
		return false
	}
	i++
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	start := i
	for i < len(text) && i-start < 40 && (isAlnum(text[i]) || text[i] == ' ' || text[i] == '_' || text[i] == '.' || text[i] == '-') {
		i++
	}
	return i > start && i < len(text) && text[i] == '=' && isLetter(text[start])
}

// truncatedProviderValue reports a value that starts with the literal
// prefix of a provider format (hvs., xoxp-, ghp_ ...) but is shorter than
// any match of that format: a truncated example (ghp_abc..., hvs.short),
// which the generic rule leaves to the format.
func (d *Detector) truncatedProviderValue(v string) bool {
	for _, p := range d.providerPrefixes {
		if len(v) >= len(p.lit) && v[:len(p.lit)] == p.lit && len(v) < p.minLen {
			return true
		}
	}
	return false
}

// proseValue returns the end of an unquoted password stated in prose
// starting at vs, or -1. The words after "is" in a sentence ("required",
// "8 characters", "the one you chose") are not passwords: the value must
// be one run of 8 to 64 printable ASCII bytes with letters and digits or
// symbols, of at least three character classes (seven bytes with all
// four), and a sentence's closing full stop is not part of it.
func proseValue(text string, vs int) int {
	ve := vs
	for ve < len(text) && ve-vs <= 64 && text[ve] > ' ' {
		if text[ve] < 0x7f {
			ve++
		} else if n := latinLetterAt(text, ve); n > 0 {
			ve += n // "Brezel_Käsekuchen_32"
		} else {
			break
		}
	}
	if ve < len(text) && text[ve] > ' ' {
		return -1 // longer, or not ASCII
	}
	for ve > vs && (text[ve-1] == '.' || text[ve-1] == ',' || text[ve-1] == ';' || text[ve-1] == ')') {
		ve--
	}
	v := text[vs:ve]
	// seven bytes only with all four classes: "Faro36+" is a password,
	// "8-chars" and "Test-12" describe or name one
	if len(v) < 7 || len(v) == 7 && charClasses(v) < 4 || len(v) > 64 || isTemplate(v) && !dollarPassword(v) {
		return -1
	}
	letters, others, upper := false, false, false
	slashes, joins := 0, 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c|0x20 && c|0x20 <= 'z':
			letters = true
			upper = upper || c <= 'Z'
		default:
			others = true
		}
		switch c {
		case '/', '\\':
			slashes++
		case '_', '-':
			joins++
		}
	}
	if !letters || !others || charClasses(v) < 3 {
		return -1
	}
	// A path or URL ("in /etc/secrets/db", "https://vault/...") or words
	// joined in lower case with a short one among them
	// ("on_the_sticky_note") name where the password is, not the password;
	// "nutmeg-fjord-bramble10" is one.
	if slashes > 1 || index(v, "://") >= 0 || (joins >= 2 && !upper && shortJoinedPart(v)) {
		return -1
	}
	return ve
}

// pgMD5Verifier reports "md5" and 32 hex digits: what PostgreSQL stores
// for a password, not the password.
func pgMD5Verifier(v string) bool {
	if len(v) != 35 || v[:3] != "md5" {
		return false
	}
	for i := 3; i < len(v); i++ {
		if !isLowerHex(v[i]) {
			return false
		}
	}
	return true
}

// dottedPassphrase reports words joined by dots that are a passphrase,
// not a reference to a setting: three or more lower-case words of three
// letters or more, a digit or two at the end allowed, none a word of
// configuration ("lantern.harbour.kettle.fennel6", not
// "spring.datasource.password").
func dottedPassphrase(v string) bool {
	n := strings.Count(v, ".") + 1
	if n < 3 {
		return false
	}
	switch v[strings.LastIndexByte(v, '.')+1:] {
	case "com", "org", "net", "io", "dev", "app", "local", "internal", "lan", "corp", "cloud", "info",
		"biz", "edu", "gov", "int", "example", "test", "invalid", "localhost", "home", "svc", "cluster":
		return false // a host name
	}
	k := 0
	for p := range strings.SplitSeq(v, ".") {
		w := strings.TrimRight(p, "0123456789")
		if k < n-1 && w != p || len(w) < 3 || !lowerWordOnly(w) && !titleWord(w) {
			return false
		}
		k++
		if inWords(w, dottedStopWords) {
			return false
		}
	}
	return true
}

// dottedStopWords are the words of property paths and references
// (config.db.password, Settings.Default.Value), not of passphrases.
var dottedStopWords = []string{"config", "conf", "settings", "setting", "env", "environ", "secret", "secrets", "vault", "password",
	"passwd", "pass", "pwd", "database", "datasource", "app", "spring", "prod", "dev", "key", "keys", "value",
	"values", "credentials", "creds", "auth", "user", "admin", "process", "var", "vars", "params", "self",
	"this", "props", "options", "opts", "cfg", "data", "default", "local", "global",
	"system", "microsoft", "properties", "resources", "net", "http", "io", "util", "com", "org"}

// randomCase reports letters only, sixteen or more, whose case changes at
// a third of the letters or more: random, not camelCase words
// ("jUsHWlOuNnvebjVoXQZn", not "ThisIsMyPasswordHere").
func randomCase(v string) bool {
	if len(v) < 16 {
		return false
	}
	changes := 0
	for i := 0; i < len(v); i++ {
		if !isLetter(v[i]) {
			return false
		}
		if i > 0 && (v[i] <= 'Z') != (v[i-1] <= 'Z') {
			changes++
		}
	}
	return changes*3 >= len(v)
}

// capsIdent reports an identifier in capitals, digits and underscores
// (PGPASSWORD, DB_PASSWORD_2).
func capsIdent(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; (c < 'A' || c > 'Z') && !isDigit(c) && c != '_' {
			return false
		}
	}
	return len(v) > 0
}

// interpolated reports a value that is a name in braces, cut at its
// closing brace: C#'s $"…;Password={secret.Value};", Python's
// f"…;pwd={password};". ODBC braces a literal password only to quote the
// symbols in it.
func interpolated(text string, vs, ve int) bool {
	if text[vs] != '{' || ve >= len(text) || text[ve] != '}' || ve-vs < 2 {
		return false
	}
	for i := vs + 1; i < ve; i++ {
		if c := text[i]; !isLetter(c) && !isDigit(c) && c != '_' && c != '.' {
			return false
		}
	}
	return isLetter(text[vs+1]) || text[vs+1] == '_'
}

// phraseFunctionWords mark a quoted value with spaces as a sentence
// ("the one you chose", "must be at least 12 characters"), not a
// passphrase.
var phraseFunctionWords = []string{
	"the", "a", "an", "you", "your", "is", "are", "be", "to", "of", "and", "or", "for",
	"with", "in", "on", "at", "this", "that", "it", "not", "no", "must", "should", "will",
	"here", "enter", "use", "password", "passphrase", "characters", "least", "same", "as",
}

// spacedPassphrase reports words in lower case separated by single
// spaces, as passphrase generators write them ("bocian bursztyn
// wiewiorka kasztan 1"): three to eight words of letters (Latin, with
// diacritics) or digits, at least three of four or more letters, and no
// function word.
func spacedPassphrase(v string) bool {
	words, long := 0, 0
	for i := 0; i < len(v); {
		j, letters := i, 0
		for j < len(v) && v[j] != ' ' {
			switch c := v[j]; {
			case 'a' <= c && c <= 'z':
				letters++
				j++
			case isDigit(c):
				j++
			default:
				n := latinLetterAt(v, j)
				if n == 0 {
					return false
				}
				letters++
				j += n
			}
		}
		if j == i || j-i > 16 {
			return false // two spaces, or not a word
		}
		for _, f := range phraseFunctionWords {
			if v[i:j] == f {
				return false
			}
		}
		words++
		if letters >= 4 {
			long++
		}
		i = j + 1
		if j == len(v)-1 {
			return false // a trailing space
		}
	}
	return words >= 3 && words <= 8 && long >= 3
}

// shortJoinedPart reports a part of fewer than three bytes between '_' or
// '-' joins (on_the_note, in-the-vault), other than a number.
func shortJoinedPart(v string) bool {
	n, digits := 0, 0
	for i := 0; i <= len(v); i++ {
		if i == len(v) || v[i] == '_' || v[i] == '-' {
			if n < 3 && (n == 0 || digits < n) {
				return true // a number is no short word: "caju-sol-nuvem-milho-34"
			}
			n, digits = 0, 0
			continue
		}
		n++
		if isDigit(v[i]) {
			digits++
		}
	}
	return false
}

// assignmentFollows is the cheap first test: after the name (and a
// closing quote or bracket) comes an operator, a comma, "is", or, for a
// --flag, a space.
func assignmentFollows(text string, ns, ne int, password bool) bool {
	if nameFieldBefore(text, ns) && (pairValueAfter(text, ne) >= 0 || ne+1 < len(text) && text[ne+1] == '>') {
		return true
	}
	i := ne
	if i < len(text) && (text[i] == '"' || text[i] == '\'' || text[i] == '`' || text[i] == ']' || text[i] == '\\') {
		i++
		if i < len(text) && (text[i] == '"' || text[i] == ']') {
			i++
		}
	}
	if ns > 0 && text[ns-1] == '<' && i < len(text) && text[i] == '>' {
		return true
	}
	sp := i
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i >= len(text) {
		return false
	}
	switch text[i] {
	case '=', ':', ',':
		return true
	case '?', '-':
		return i+1 < len(text) && (text[i+1] == '=' || text[i+1] == '>')
	case 'i':
		return password && i+2 < len(text) && text[i+1] == 's' && isSpace(text[i+2])
	case 'v', 'V':
		return true // key="Password" value="..."
	case '"', '\'':
		// storePassword 'x' (Gradle), #define WIFI_PASSWORD "x" (C)
		if password && i > sp && (atLineStart(text, ns) || nmcliLine(text, ns)) {
			return true
		}
	}
	return text[ns] == '-' && i > sp
}

// latinLetterAt returns the length of the UTF-8 Latin letter with
// diacritics (U+00C0 to U+024F, not × or ÷, and Latin Extended Additional,
// U+1E00 to U+1EFF: Vietnamese "Đàlạt636%") at text[i], or 0: such
// letters run on inside a password written in prose; CJK text and
// typographic quotes end one.
func latinLetterAt(text string, i int) int {
	r, n := utf8.DecodeRuneInString(text[i:])
	if (r < 0xc0 || r > 0x24f || r == 0xd7 || r == 0xf7) && (r < 0x1e00 || r > 0x1eff) {
		return 0
	}
	return n
}

// latinLetterBefore is latinLetterAt for the letter ending at text[:i].
func latinLetterBefore(text string, i int) int {
	r, n := utf8.DecodeLastRuneInString(text[:i])
	if (r < 0xc0 || r > 0x24f || r == 0xd7 || r == 0xf7) && (r < 0x1e00 || r > 0x1eff) {
		return 0
	}
	return n
}

// browserAgentKey reports keys that vendors put in the page
// source of every visitor's browser, public by design: New Relic's
// browser licence key (NRJS-…) and Datadog's client token ("pub" and 32
// hex digits; Datadog's docs: client tokens are not secret).
func browserAgentKey(v string) bool {
	if hasPrefixFold(v, "nrjs-") || adyenClientKey(v) {
		return true
	}
	if len(v) != 35 || v[:3] != "pub" {
		return false
	}
	for i := 3; i < len(v); i++ {
		if !isLowerHex(v[i]) {
			return false
		}
	}
	return true
}

// adyenClientKey reports an Adyen client key (live_ or test_ and 32
// upper-case letters and digits), which Adyen's web Drop-in puts in the
// page: public by design.
func adyenClientKey(v string) bool {
	if len(v) != 37 || (v[:5] != "live_" && v[:5] != "test_") {
		return false
	}
	for i := 5; i < len(v); i++ {
		if !('A' <= v[i] && v[i] <= 'Z' || isDigit(v[i])) {
			return false
		}
	}
	return true
}

// filePath reports an absolute file path (/etc/credstore/db-password,
// /run/secrets/x): where a password is kept, not the password.
func filePath(v string) bool {
	if len(v) < 4 || v[0] != '/' || index(v[1:], "/") < 0 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !isLetter(c) && !isDigit(c) && c != '/' && c != '.' && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

// nameFieldBefore reports a key name that is itself the value of a name
// or key field: "- name: DB_PASSWORD" (a Kubernetes env entry),
// {"key": "X-Api-Key", (a Postman or HAR header), <string
// name="api_key"> (Android resources). Its value is in the value field
// that follows (pairValueAfter) or the element's text.
func nameFieldBefore(text string, ns int) bool {
	j := ns
	if j > 0 && (text[j-1] == '"' || text[j-1] == '\'') {
		j--
	}
	for j > 0 && isSpace(text[j-1]) {
		j--
	}
	if j == 0 || (text[j-1] != ':' && text[j-1] != '=') {
		return false
	}
	j--
	for j > 0 && isSpace(text[j-1]) {
		j--
	}
	if j > 0 && (text[j-1] == '"' || text[j-1] == '\'') {
		j--
	}
	for _, w := range []string{"name", "key"} {
		if k := j - len(w); k >= 0 && equalFold(text[k:j], w) && (k == 0 || !isIdent(text[k-1])) {
			return true
		}
	}
	return false
}

// pairValueAfter finds, after a key name at ne that is the value of a name
// field, the value field of the same entry: `, "value": ` on the line or
// `value:` on the next one. It returns the position after the operator,
// or -1.
func pairValueAfter(text string, ne int) int {
	i := ne
	if i < len(text) && (text[i] == '"' || text[i] == '\'') {
		i++
	}
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i < len(text) && text[i] == ',' {
		i++
	}
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i < len(text) && text[i] == '\r' {
		i++
	}
	if i < len(text) && text[i] == '\n' {
		i++
		for i < len(text) && isSpace(text[i]) {
			i++
		}
	}
	if i < len(text) && (text[i] == '"' || text[i] == '\'') {
		i++
	}
	if i+5 > len(text) || !equalFold(text[i:i+5], "value") {
		return -1
	}
	i += 5
	if i < len(text) && (text[i] == '"' || text[i] == '\'') {
		i++
	}
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i < len(text) && (text[i] == ':' || text[i] == '=') {
		return i + 1
	}
	return -1
}

// atLineStart reports whether only indentation, "export", "set",
// "#define", a list dash or a comment mark precede position i on its line.
func atLineStart(text string, i int) bool {
	j := i
	for j > 0 && isSpace(text[j-1]) {
		j--
	}
	for _, w := range []string{"export", "set", "#define", "-", "#", "//"} {
		if j >= len(w) && text[j-len(w):j] == w {
			j -= len(w)
			for j > 0 && isSpace(text[j-1]) {
				j--
			}
			break
		}
	}
	return j == 0 || text[j-1] == '\n' || text[j-1] == '\r'
}

// lineEndsAt reports whether only spaces or a comment follow position i on
// its line.
func lineEndsAt(text string, i int) bool {
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	return i >= len(text) || text[i] == '\n' || text[i] == '\r' || text[i] == '#'
}

func camelCase(v string) bool {
	for i := 1; i < len(v); i++ {
		if 'a' <= v[i-1] && v[i-1] <= 'z' && 'A' <= v[i] && v[i] <= 'Z' {
			return true
		}
	}
	return false
}

// camelPassphrase reports three to six capitalised words run together
// (HarborLanternTundraSparrow), as passphrase generators write them, and
// not a type or class name: no part is a word of code or a credential
// word (PasswordField, SecretsManagerStore, DefaultAzureCredential).
func camelPassphrase(v string) bool {
	parts := 0
	for i := 0; i < len(v); {
		if v[i] < 'A' || v[i] > 'Z' {
			return false
		}
		j := i + 1
		for j < len(v) && 'a' <= v[j] && v[j] <= 'z' {
			j++
		}
		if j-i < 3 || j-i > 12 || inWords(v[i:j], camelCodeWords) {
			return false
		}
		parts++
		i = j
	}
	return parts >= 3 && parts <= 6
}

// camelCodeWords are parts of type, class and field names.
var camelCodeWords = []string{
	"password", "passwd", "pass", "secret", "secrets", "token", "key", "keys", "credential",
	"credentials", "auth", "login", "user", "account", "field", "value", "input", "string",
	"text", "type", "name", "form", "box", "view", "model", "entity", "config", "settings",
	"setting", "manager", "service", "provider", "helper", "util", "utils", "handler",
	"factory", "builder", "policy", "rule", "rules", "hash", "hasher", "encoder", "validator",
	"required", "default", "reset", "change", "update", "get", "set", "new", "old",
	"current", "confirm", "store", "storage", "vault", "client", "server", "request",
	"response", "param", "params", "ref", "source", "azure", "aws", "google", "file",
	"env", "environment", "variable", "option", "options", "mode", "level", "strength",
	"encrypted", "plain", "hidden", "masked", "random", "generated", "generator", "data",
}

// qualifiedName reports dotted code references (config.secret,
// X25519.KeyPair): two or more identifier segments of at most 24 bytes.
// Two segments, the first capitalised and the last ending in two digits,
// are a password (Pitanga.Jabuticaba83), not a reference.
func qualifiedName(v string) bool {
	if randomSegment(v) {
		return false // G.bVMy8tVCHiYoj3ayDFvJ: a dot in a random string
	}
	segs, segLen := 1, 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '.':
			if segLen == 0 {
				return false
			}
			segs++
			segLen = 0
		case isLetter(c) || c == '_' || (isDigit(c) && segLen > 0):
			segLen++
			if segLen > 24 {
				return false
			}
		default:
			return false
		}
	}
	if segs == 2 && segLen >= 6 && ('A' <= v[0] && v[0] <= 'Z' || 'A' <= v[len(v)-segLen] && v[len(v)-segLen] <= 'Z') && isDigit(v[len(v)-1]) && isDigit(v[len(v)-2]) && !isDigit(v[len(v)-segLen]) {
		return false // Pitanga.Jabuticaba83, sol.Ganges33: two words, one capitalised, and a number, a password
	}
	return segs >= 2 && segLen > 0
}

// hostname reports host names (sm02915.int.contoso.com).
func hostname(v string) bool {
	dots, last := 0, 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '.':
			dots++
			last = i + 1
		case ('a' <= c && c <= 'z') || isDigit(c) || c == '-':
		default:
			return false
		}
	}
	if dots < 2 || last >= len(v) {
		return false
	}
	for i := last; i < len(v); i++ {
		if !isLetter(v[i]) {
			return false
		}
	}
	return true
}

// version reports values containing a dotted version number (0.11.2).
func version(v string) bool {
	for i := 0; i+4 < len(v); i++ {
		if isDigit(v[i]) && v[i+1] == '.' && isDigit(v[i+2]) {
			j := i + 3
			for j < len(v) && isDigit(v[j]) {
				j++
			}
			if j+1 < len(v) && v[j] == '.' && isDigit(v[j+1]) {
				return true
			}
		}
	}
	return false
}

// adminName reports a name whose only negative part is the "min" of
// "admin" (ADMIN_PASS, sysadmin_password): "_min"/"min_" are there for
// numeric bounds (min_length), and must not drop the admin's password.
func adminName(name string) bool {
	i := indexFold(name, "admin")
	if i < 0 {
		return false
	}
	var buf [maxKeyName * 2]byte
	if len(name) > len(buf) {
		return false
	}
	n := copy(buf[:], name)
	buf[i+3] = '1' // admin -> adm1n
	return !containsAny(nameNegMatcher, string(buf[:n]))
}
