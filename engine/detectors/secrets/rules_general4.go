package secrets

// Rules of the general4 round: BitLocker recovery keys, HubSpot private
// app tokens, OpenVPN static keys (scanPEM), Apple app-specific
// passwords, Basic credentials encoded in code, MFA backup codes, Apple
// plist secrets, SDK clients built with a literal key and Azure storage
// keys in Spark/Hadoop configuration.

// general4OpOnly lists keywords of these rules that have no byte rare
// enough to anchor on ("recovery code", "codes de secours"...): they are
// looked for only in the key before an operator or a quote
// ("Recovery codes: ...", "App specific password: ..."), like the
// generated rules' opOnlyKeywords. registerOpOnly adds them there while
// general4Rules is initialised, which is before any Detector is built
// (New depends on general4Rules through defs).
var general4OpOnly = map[string][]string{
	"MFA_BACKUP_CODE": {"recovery code", "codes de secours", "code de secours",
		"digos de respaldo", "digo de respaldo", "digos de recuperaci", "digo de recuperaci"},
	"APPLE_APP_SPECIFIC_PASSWORD": {"app specific password", "application specific password"},
	"HAPROXY_STATS_AUTH":          {"stats auth"}, // rules_general7.go: before the ':' of user:password
}

func registerOpOnly(rules []ruleDef) []ruleDef {
	return registerOpOnlyKeywords(general4OpOnly, rules)
}

// registerOpOnlyKeywords adds the keywords of byID to opOnlyKeywords.
func registerOpOnlyKeywords(byID map[string][]string, rules []ruleDef) []ruleDef {
	for id, kws := range byID {
		m := opOnlyKeywords[id]
		if m == nil {
			m = map[string]bool{}
			opOnlyKeywords[id] = m
		}
		for _, k := range kws {
			m[k] = true
		}
	}
	return rules
}

// digitDash are the BitLocker key's triggers: a digit before a hyphen.
// The key itself is found at the hit; its context words ("BitLocker",
// "Wiederherstellungsschlüssel", "clé de récupération") need not have a
// byte rare enough to anchor on, nor be ASCII.
var digitDash = []string{"0-", "1-", "2-", "3-", "4-", "5-", "6-", "7-", "8-", "9-"}

var general4Rules = registerOpOnly([]ruleDef{
	{ID: "BITLOCKER_RECOVERY_KEY", Desc: "A BitLocker recovery password (48 digits in eight checked groups of six) near BitLocker or recovery key wording, in several languages.",
		Keywords: digitDash, Scan: scanBitLocker, Score: 0.9, Source: srcParapet, License: licParapet},
	// HubSpot private app access tokens: pat-<hublet region>-<uuid>. The
	// shape is HubSpot's (developers.hubspot.com/docs/apps/legacy-apps/
	// authentication/intro-to-auth shows "***-***-" then a UUID; public
	// code shows pat-na1-, pat-eu1-...).
	with(own("HUBSPOT_PRIVATE_APP_TOKEN", "A HubSpot private app access token (pat-<region>-<uuid>).",
		`\b(pat-(?:na1|na2|eu1|ap1)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`,
		"pat-na1-", "pat-na2-", "pat-eu1-", "pat-ap1-"), func(r *ruleDef) { r.Entropy = 3 }),
	{ID: "OPENVPN_STATIC_KEY", Type: "PRIVATE_KEY", Desc: "An OpenVPN static key block (-----BEGIN OpenVPN Static key V1-----, as used by tls-auth, tls-crypt and secret).",
		Keywords: []string{"openvpn static key v1-----"}, Scan: scanPEM, Score: 0.95, Source: srcParapet, License: licParapet},
	{ID: "APPLE_APP_SPECIFIC_PASSWORD", Desc: "An Apple ID app-specific password (xxxx-xxxx-xxxx-xxxx) within 80 bytes after app-specific password wording or fastlane's variable.",
		Keywords: []string{"app-specific password", "app-specific-password", "app_specific_password",
			"application-specific password", "application_specific_password", "app-spezifische",
			"app specific password", "application specific password"},
		Scan: scanAppSpecific, Score: 0.85, Source: srcParapet, License: licParapet},
	// Basic credentials encoded in code: btoa('user:pass'),
	// base64.b64encode(b"user:pass"), Base64.getEncoder().encodeToString(
	// "user:pass".getBytes()), Convert.ToBase64String(Encoding.UTF8.GetBytes("user:pass")).
	with(own("BASIC_AUTH_ENCODED_IN_CODE", "A password in user:password credentials base64-encoded in code for HTTP Basic auth (btoa, b64encode, encodeToString, ToBase64String).",
		`(?:btoa\(|b64encode\(|encodeToString\(|ToBase64String\(\s*(?:System\.)?(?:Text\.)?Encoding\.\w{1,12}\.GetBytes\()\s*b?["'`+"`"+`][A-Za-z0-9._@+\-]{1,64}:([^"'`+"`"+`\s]{4,128})["'`+"`"+`]`,
		"btoa(", "b64encode(", "encodetostring(", "tobase64string("), basicAuthInCode),
	with(own("BASIC_AUTH_BUFFER_IN_CODE", "A password in user:password credentials base64-encoded with Node's Buffer.from(...).toString('base64').",
		`\bBuffer\.from\(\s*["'`+"`"+`][A-Za-z0-9._@+\-]{1,64}:([^"'`+"`"+`\s]{4,128})["'`+"`"+`]\s*(?:,\s*["'][a-z0-9-]{3,8}["']\s*)?\)\s*\.toString\(\s*["']base64`,
		"buffer.from("), basicAuthInCode),
	{ID: "MFA_BACKUP_CODE", Desc: "MFA backup or recovery codes (dddd dddd, dddddddd, xxxxx-xxxxx) listed after backup/recovery code wording, in several languages: one finding per code.",
		Keywords: []string{"backup code", "backup-code", "backup_code", "back-up-code", "recovery-code", "recovery_code",
			"Sicherungscode", // German nouns are capitalised: anchored on the S
			"recovery code", "codes de secours", "code de secours", "digos de respaldo", "digo de respaldo", "digos de recuperaci", "digo de recuperaci",
			// Polish, Italian, Portuguese, Dutch (anchored on the k), German
			// (on the W), Japanese, Chinese, Korean
			"kody zapasowe", "kody odzyskiwania", "codici di backup", "digos de backup", "back-upcodes",
			"Wiederherstellungscode",
			"バックアップコード", "リカバリーコード", "备用码", "备份码", "恢复码", "백업 코드", "복구 코드"},
		Scan: scanBackupCodes, Score: 0.8, Source: srcParapet, License: licParapet},
	// Apple property lists: <key>Name</key> <string>value</string>.
	{ID: "PLIST_SECRET", Type: idGeneric, Desc: "A secret in an Apple property list: <key> named like a key, secret or token, then <string>value</string>.",
		Keywords: []string{"</key>"}, Scan: scanPlist, Kind: kindGeneric, Score: 0.6, Source: srcParapet, License: licParapet},
	{ID: "PLIST_PASSWORD", Type: idPassword, Desc: "A password in an Apple property list: <key> named like a password, then <string>value</string>.",
		Keywords: []string{"</key>"}, Scan: scanPlist, Kind: kindGeneric, Score: 0.6, Source: srcParapet, License: licParapet},

	// --- SDK clients built with a literal key as a positional argument ---
	sdkClient("COHERE_CLIENT_KEY", "COHERE_API_TOKEN", "Cohere",
		`\bcohere\.(?:Async)?Client(?:V2)?\(\s*(?:api_key\s*=\s*)?`,
		"cohere.client(", "cohere.clientv2(", "cohere.asyncclient(", "cohere.asyncclientv2("),
	sdkClient("GROQ_CLIENT_KEY", "GROQ_API_KEY", "Groq", `\b(?:Async)?Groq\(\s*`, "groq("),
	sdkClient("MISTRAL_CLIENT_KEY", "MISTRAL_API_KEY", "Mistral", `\b(?:Mistral|MistralClient|MistralAsyncClient)\(\s*`,
		"mistral(", "mistralclient(", "mistralasyncclient("),
	sdkClient("TOGETHER_CLIENT_KEY", "TOGETHER_API_KEY", "Together AI", `\b(?:Async)?Together\(\s*`, "together("),
	sdkClient("REPLICATE_CLIENT_KEY", "REPLICATE_API_TOKEN", "Replicate", `\breplicate\.Client\(\s*(?:api_token\s*=\s*)?`, "replicate.client("),
	sdkClient("PINECONE_CLIENT_KEY", "PINECONE_API_KEY", "Pinecone", `\b(?:Pinecone|PineconeGRPC|PineconeAsyncio)\(\s*`,
		"pinecone(", "pineconegrpc(", "pineconeasyncio("),
	sdkClient("OPENAI_CLIENT_KEY", "OPENAI_API_KEY", "OpenAI", `\b(?:Async)?(?:Azure)?OpenAI\(\s*`, "openai("),
	sdkClient("ANTHROPIC_CLIENT_KEY", "ANTHROPIC_API_KEY", "Anthropic", `\b(?:Async)?Anthropic\(\s*`, "anthropic("),
	// algoliasearch(appId, apiKey): the key is the second argument. A
	// search-only key is meant for browsers
	// (https://www.algolia.com/doc/guides/security/api-keys/): a line that
	// says so is left alone.
	with(own("ALGOLIA_CLIENT_KEY", "An Algolia API key given as the second argument of algoliasearch(appId, apiKey) or SearchClient.create / SearchClient(appId, apiKey).",
		`\b(?:algoliasearch|SearchClient\.create|SearchClient)\(\s*["'][A-Za-z0-9]{6,20}["']\s*,\s*["']([A-Za-z0-9]{20,100})["']`,
		"algoliasearch(", "searchclient.create(", "searchclient("), func(r *ruleDef) {
		sdkKey(r)
		r.Type = "ALGOLIA_API_KEY"
		// InstantSearch's own examples name the browser's client
		// searchClient: its key is the search-only one
		r.AllowLine = []string{`(?i)search[_-]?only|search[_-]?key|search[_-]?client|instantsearch|liteclient|algoliasearch/lite`}
	}),
	// Twilio's Client(account_sid, auth_token) (Python, C#) and
	// twilio(accountSid, authToken) (Node): the 32-hex auth token second,
	// after an AC... SID or a variable named for the SID.
	with(own("TWILIO_CLIENT_TOKEN", "A Twilio auth token given as the second argument of Client(accountSid, authToken) or twilio(accountSid, authToken).",
		`\b(?:Client|twilio|twilio["']\))\(\s*(?:["']AC[a-f0-9]{32}["']|[A-Za-z_][\w.\[\]"']{0,60}?(?i:sid)[\w.\[\]"']{0,20}?)\s*,\s*["']([a-f0-9]{32})["']`,
		"client(", "twilio(", "twilio')(", `twilio")(`), func(r *ruleDef) {
		sdkKey(r)
		r.Type = "TWILIO_AUTH_TOKEN"
	}),

	// An Azure storage account key (64 random bytes: 88 base64 characters
	// ending in ==, https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage)
	// set for the ABFS/WASB Hadoop driver: spark.conf.set("fs.azure.account.key.<account>.dfs.core.windows.net", "<key>"),
	// core-site.xml <name>fs.azure.account.key...</name><value>...</value>,
	// spark-defaults.conf and --conf lines.
	with(own("AZURE_STORAGE_KEY_HADOOP", "An Azure storage account key set in Spark/Hadoop configuration (fs.azure.account.key.<account>.dfs|blob.core.windows.net).",
		`(?i:fs\.azure\.account\.key\.[a-z0-9-]{1,64}\.(?:dfs|blob)\.core\.(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net|cloudapi\.de))["']?\s*(?:,|=|:|</name>)?\s*(?:<value>)?\s*["']?([A-Za-z0-9+/]{86}==)`,
		"fs.azure.account.key."), func(r *ruleDef) {
		r.Type = "AZURE_STORAGE_ACCOUNT_KEY"
		r.Entropy = 4
		r.Score = 0.9
	}),
})

// basicAuthInCode: the password of encoded Basic credentials is reported
// however weak, unless it is a template or a stand-in.
func basicAuthInCode(r *ruleDef) {
	r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
	r.Type = idPassword
	r.Score = 0.7
}

// sdkClient is a provider SDK client constructed with a literal key as
// its first argument (cohere.ClientV2("..."), Groq("...")); ctor matches
// up to the argument.
func sdkClient(id, typ, provider, ctor string, kws ...string) ruleDef {
	return with(own(id, "A "+provider+" API key given as a literal to the SDK client's constructor.",
		ctor+`["']([A-Za-z0-9_-]{20,100})["']`, kws...), func(r *ruleDef) {
		sdkKey(r)
		r.Type = typ
	})
}

// sdkKey: a key given to an SDK client is a token, not a word: it has
// entropy, is no obvious stand-in and has a letter and a digit.
func sdkKey(r *ruleDef) {
	r.Entropy = 3.2
	r.Loose = true
	r.Score = 0.8
	r.Validate = func(v string) bool { return !isPlaceholder(v) && hasDigitAndLetter(v) }
}

// --- BitLocker recovery keys ---

// bitLockerContext are the words one of which must be within
// bitLockerNear bytes of a recovery key.
var bitLockerContext = partMatcher([]string{
	"bitlocker", "recovery key", "recovery-key", "recovery password",
	"wiederherstellungsschl", "wiederherstellungskennwort",
	"clé de récupération", "cle de recuperation", "mot de passe de récupération",
	"clave de recuperación", "clave de recuperacion", "contraseña de recuperación",
})

const bitLockerNear = 300

// scanBitLocker is called at a digit before a hyphen (text[ks:ke] is
// "d-"). A BitLocker recovery password is 48 digits in eight groups of
// six joined by hyphens; each group is divisible by 11 and at most 720885
// (65535 * 11): Microsoft's Win32_EncryptableVolume
// ProtectKeyWithNumericalPassword documentation
// (https://learn.microsoft.com/en-us/windows/win32/secprov/protectkeywithnumericalpassword-win32-encryptablevolume).
// Only the hit after the first group does the work.
func scanBitLocker(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	const keyLen = 8*6 + 7
	s := ks - 5
	if s < 0 || s+keyLen > len(text) {
		return
	}
	if s > 0 && (isAlnum(text[s-1]) || text[s-1] == '-') {
		return // not the first group
	}
	for g := 0; g < 8; g++ {
		p := s + g*7
		n := 0
		for j := p; j < p+6; j++ {
			c := text[j]
			if !isDigit(c) {
				return
			}
			n = n*10 + int(c-'0')
		}
		if n%11 != 0 || n > 720885 {
			return
		}
		if g < 7 && text[p+6] != '-' {
			return
		}
	}
	e := s + keyLen
	if e < len(text) && (isAlnum(text[e]) || text[e] == '-') {
		return
	}
	if isTemplate(text[s:e]) {
		return // 000000-000000-...
	}
	if !containsAny(bitLockerContext, text[max(0, s-bitLockerNear):min(len(text), e+bitLockerNear)]) {
		return
	}
	st.add(ri, s, e)
}

// --- Apple app-specific passwords ---

// appSpecificNear is how far after the wording the password may start.
const appSpecificNear = 80

// scanAppSpecific reports an app-specific password, four groups of four
// lower-case letters joined by hyphens (Apple: "Sign in to apps with
// your Apple Account using app-specific passwords",
// https://support.apple.com/en-us/102654), that starts within 80 bytes
// after the wording.
func scanAppSpecific(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	last := min(len(text)-19, ke+appSpecificNear)
	for p := ke; p <= last; p++ {
		if !lowerQuad(text, p) || (p > 0 && (isAlnum(text[p-1]) || text[p-1] == '-')) {
			continue
		}
		if !(text[p+4] == '-' && lowerQuad(text, p+5) && text[p+9] == '-' && lowerQuad(text, p+10) && text[p+14] == '-' && lowerQuad(text, p+15)) {
			continue
		}
		e := p + 19
		if e < len(text) && (isAlnum(text[e]) || text[e] == '-') {
			continue
		}
		v := text[p:e]
		var buf [16]byte
		letters := append(append(append(append(buf[:0], v[0:4]...), v[5:9]...), v[10:14]...), v[15:19]...)
		if isTemplate(v) || obviousFake(string(letters)) || repeatedRun(string(letters)) {
			return // xxxx-xxxx-..., abcd-efgh-ijkl-mnop
		}
		st.add(ri, p, e)
		return
	}
}

// lowerQuad reports four lower-case ASCII letters at text[p:].
func lowerQuad(text string, p int) bool {
	if p+4 > len(text) {
		return false
	}
	for j := p; j < p+4; j++ {
		if text[j] < 'a' || text[j] > 'z' {
			return false
		}
	}
	return true
}

// --- MFA backup and recovery codes ---

// backupCodesNear is how far after the wording codes are looked for.
const backupCodesNear = 400

// scanBackupCodes reports each backup code in the backupCodesNear bytes
// after the wording: Google's eight-digit backup codes, printed as
// "dddd dddd" (https://support.google.com/accounts/answer/1187538), also
// written without the space, and GitHub's recovery codes as it lists
// them in github-recovery-codes.txt, two groups of five lower-case
// letters and digits (xxxxx-xxxxx,
// https://docs.github.com/en/authentication/securing-your-account-with-two-factor-authentication-2fa/configuring-two-factor-authentication-recovery-methods).
func scanBackupCodes(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	end := min(len(text), ke+backupCodesNear)
	for p := ke; p < end; p++ {
		c := text[p]
		if !isAlnum(c) || (p > 0 && (isAlnum(text[p-1]) || text[p-1] == '-' || text[p-1] == '_')) {
			continue
		}
		if e := backupCodeAt(text, p); e > 0 {
			st.add(ri, p, e)
			p = e
		}
	}
}

// backupCodeAt returns the end of a backup code starting at text[p], or
// -1.
func backupCodeAt(text string, p int) int {
	var buf [10]byte
	n, e := 0, -1
	switch {
	case digitRun(text, p, 4) && p+9 <= len(text) && text[p+4] == ' ' && digitRun(text, p+5, 4):
		e = p + 9
		// Not one of several groups (a card or phone number).
		if e+1 < len(text) && text[e] == ' ' && isDigit(text[e+1]) || p >= 2 && text[p-1] == ' ' && isDigit(text[p-2]) {
			return -1
		}
		n = copy(buf[:], text[p:p+4])
		n += copy(buf[n:], text[p+5:p+9])
	case digitRun(text, p, 8):
		e = p + 8
		n = copy(buf[:], text[p:e])
	case p+11 <= len(text) && text[p+5] == '-':
		// xxxxx-xxxxx: lower-case letters and digits, at least one digit.
		digit := false
		for j := p; j < p+11; j++ {
			c := text[j]
			if j == p+5 {
				continue
			}
			if isDigit(c) {
				digit = true
			} else if c < 'a' || c > 'z' {
				return -1
			}
			buf[n] = c
			n++
		}
		if !digit {
			return -1
		}
		e = p + 11
	default:
		return -1
	}
	if e < len(text) && (isAlnum(text[e]) || text[e] == '-' || text[e] == '_' || text[e] == '.' && e+1 < len(text) && isDigit(text[e+1])) {
		return -1
	}
	v := string(buf[:n])
	if obviousFake(v) || repeatedRun(v) || sequential(v) || isTemplate(text[p:e]) {
		return -1
	}
	return e
}

// digitRun reports k digits at text[p:].
func digitRun(text string, p, k int) bool {
	if p+k > len(text) {
		return false
	}
	for j := p; j < p+k; j++ {
		if !isDigit(text[j]) {
			return false
		}
	}
	return true
}

// --- Apple property lists ---

// scanPlist reads <key>Name</key> then <string>value</string> at a hit on
// "</key>". The name goes through the assignment scanner's name tests and
// the value through its value checks; PLIST_PASSWORD reports password
// names, PLIST_SECRET the others.
func scanPlist(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	ns := ks
	for ns > 0 && ks-ns <= maxKeyName && text[ns-1] != '>' && text[ns-1] != '<' && text[ns-1] != '\n' {
		ns--
	}
	if ns < 5 || text[ns-5:ns] != "<key>" || ns == ks {
		return
	}
	name := text[ns:ks]
	password := isPasswordName(name)
	if !password && !isSecretName(name) {
		return
	}
	if password != (d.rules[ri].info.Type == idPassword) || keyNameRejected(name, name) {
		return
	}
	i := ke
	for i < len(text) && i-ke < 64 && (isSpace(text[i]) || text[i] == '\n' || text[i] == '\r') {
		i++
	}
	if len(text)-i < 8 || text[i:i+8] != "<string>" {
		return
	}
	vs := i + 8
	ve := vs
	for ve < len(text) && ve-vs < maxValueLen && text[ve] != '<' && text[ve] != '\n' {
		ve++
	}
	if len(text)-ve < 9 || text[ve:ve+9] != "</string>" || ve == vs {
		return
	}
	if !d.acceptValue(text[vs:ve], name, password, true, true) {
		return
	}
	st.add(ri, vs, ve)
}
