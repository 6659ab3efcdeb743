package secrets

const (
	idMailgunNear = "MAILGUN_KEY_NEAR_NAME"
	idPINCode     = "PIN_OR_DOOR_CODE"
)

// Rules written after the general8 set's misses were read (once its
// blind reads were done): credentials passed positionally to well-known
// calls, PINs and door codes, and provider formats that were missing.
// Formats are from each provider's public documentation; the patterns are
// Parapet's own.
var general8Rules = []ruleDef{
	// A password given positionally to a call that takes a user name and a
	// password, with an optional argument before them (a DSN, a URL, a
	// host): JavaMail's PasswordAuthentication("user", "pw"), PHP's
	// new PDO($dsn, 'user', 'pw') and the PDO->__construct(...) line of a
	// stack trace, mysqli_connect('host', 'user', 'pw'), JDBC's
	// DriverManager.getConnection(url, "user", "pw"), Apache HttpClient's
	// UsernamePasswordCredentials, reqwest's .basic_auth("user",
	// Some("pw")), and .login("user", "pw") (smtplib, ftplib, imaplib).
	with(own("CREDENTIAL_CALL_PASSWORD", "A password given positionally to a call that takes a user and a password (PasswordAuthentication, new PDO, mysqli_connect, getConnection, UsernamePasswordCredentials, basic_auth, login).",
		`(?i)\b(?:PasswordAuthentication|PDO(?:->__construct)?|DBI->connect|mysqli_connect|mysqli|mysql_connect|getConnection|UsernamePasswordCredentials|basic_auth|login)\s*\(\s*(?:[^,()\n]{1,200},\s*)?(?:@?["'][^"'\n]{1,128}["'])\s*,\s*(?:Some\(\s*)?["']([^"'\n]{3,80})["']`,
		"passwordauthentication(", "pdo(", "pdo (", "pdo->__construct(", "mysqli_connect(", "mysqli(", "mysql_connect(",
		"getconnection(", "usernamepasswordcredentials(", "basic_auth(", "login(", "dbi->connect("), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && !obviousFake(v) && charClasses(v) >= 2 && len(v) >= 6
		}
		r.Type = idPassword
		r.Score = 0.7
	}),
	// A bearer token given to an HTTP client call: reqwest's
	// .bearer_auth("…"), Spring's setBearerAuth("…"), Laravel's
	// Http::withToken('…').
	with(own("BEARER_CALL_TOKEN", "A bearer token given to an HTTP client call (bearer_auth, setBearerAuth, withToken).",
		`(?i)\b(?:bearer_auth|setBearerAuth|withToken|withBearerToken)\s*\(\s*["']((?-i:[A-Za-z0-9._~+/=-]{16,512}))["']`,
		"bearer_auth(", "setbearerauth(", "withtoken(", "withbearertoken("), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && hasDigitAndLetter(v) && shannon(v) > 3.5
		}
		r.Type = idGeneric
		r.Score = 0.75
	}),
	// Mailgun's current API and sending keys: 32 hex digits, a dash and
	// two groups of 8 (the same shape as the signing key), with the word
	// Mailgun in the 300 bytes before. Found from the run trigger
	// (mailgunKey): "Mailgun" is a word of common letters, which keywords
	// only find before an operator.
	{ID: idMailgunNear, Type: "MAILGUN_PRIVATE_API_TOKEN", Desc: "A Mailgun API or sending key (32 hex digits, then two dashed groups of 8) with the word Mailgun in the 300 bytes before it.",
		Scan: scanNone, Run: true, Score: 0.8, Source: srcParapet, License: licParapet},
	// Azure Cosmos DB account keys: 64 random bytes in base64 (86
	// characters and "=="), after the account's documents.azure.com
	// endpoint.
	with(own("AZURE_COSMOS_KEY", "An Azure Cosmos DB account key (88 base64 characters ending in ==) after a documents.azure.com endpoint.",
		`(?i)documents\.azure\.com[\s\S]{0,400}?["'=:\s]((?-i:[A-Za-z0-9+/]{86}==))`, "documents.azure.com"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v) > 4.5 }
		r.Score = 0.85
	}),
	// Alibaba Cloud AccessKey secrets: 30 letters and digits after
	// "AccessKey Secret" (the console's label), in any language's
	// sentence ("AccessKey Secret 为 …").
	with(own("ALIBABA_ACCESS_KEY_SECRET", "An Alibaba Cloud AccessKey secret (30 letters and digits) after the label AccessKey Secret.",
		`(?i)\baccess[ _]?key[ _]?secret(?:[ \t]*(?:[:：=]|为|為|是|is|:))?[ \t]*["'「]?((?-i:[A-Za-z0-9]{30}))\b`,
		"accesskey secret", "accesskeysecret", "access key secret", "access_key_secret"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return hasDigitAndLetter(v) && shannon(v) > 3.8 }
		r.Score = 0.85
	}),
	// OpenWeather keys travel as appid=<32 hex> in the API's URLs.
	with(own("OPENWEATHER_APPID", "An OpenWeather API key (appid= and 32 hex digits in an openweathermap.org URL).",
		`(?i)openweathermap\.org/[^\s"'<>]{0,300}?[?&]appid=([0-9a-f]{32})\b`, "openweathermap.org"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v) > 3 }
		r.Score = 0.8
	}),
	// Tailscale auth keys, OAuth client secrets and API keys:
	// tskey-auth-, tskey-client-, tskey-api- (https://tailscale.com/kb/1085/auth-keys).
	with(own("TAILSCALE_KEY", "A Tailscale auth key, OAuth client secret or API key (tskey-auth-, tskey-client-, tskey-api-).",
		`\b(tskey-(?:auth|client|api)-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,64})`+tokenEnd, "tskey-"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v) > 3.5 }
		r.Score = 0.9
	}),
	// PINs and door codes stated after their name: "PIN: 4821", "die PIN
	// für die App ist 14905", "pin do aplikacji 9145", "door code 7 1 2 1",
	// "Mã mở cửa cho khách: 795584#". Found from the run trigger (pinCode
	// in pin.go): the names are words of common letters.
	{ID: idPINCode, Type: "PIN", Desc: "A PIN or a door, gate or lockbox code stated after its name (PIN: 4821, door code 7 1 2 1), in several languages.",
		Scan: scanNone, Run: true, Score: 0.6, Source: srcParapet, License: licParapet},
}

// mailgunKey is the run hook of MAILGUN_KEY_NEAR_NAME: the run text[s:e]
// around a digit is 32 hex digits followed by -<8 hex>-<8 hex>, and the
// word Mailgun stands in the 300 bytes before it.
func (d *Detector) mailgunKey(st *scanState, text string, s, e int) {
	if e-s != 32 || d.ix.mailgun < 0 || e+18 > len(text) || text[e] != '-' || text[e+9] != '-' {
		return
	}
	if s > 0 && (isAlnum(text[s-1]) || text[s-1] == '-') || e+18 < len(text) && (isAlnum(text[e+18]) || text[e+18] == '-') {
		return
	}
	for i := s; i < e+18; i++ {
		if i == e || i == e+9 {
			continue
		}
		if c := text[i]; !isDigit(c) && (c < 'a' || c > 'f') {
			return
		}
	}
	if shannon(text[s:e]) <= 3 || !containsFold(text[max(0, s-300):s], "mailgun") {
		return
	}
	st.add(d.ix.mailgun, s, e+18)
}
