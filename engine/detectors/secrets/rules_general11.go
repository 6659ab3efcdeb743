package secrets

import "strings"

// general11Rules were added in the fourth round of blind reads
// (2026-11-27, fourth session) from the development sets' misses.
var general11Rules = registerOpOnlyKeywords(general11OpOnly, []ruleDef{
	// A wallet recovery phrase: seedphrase.go. Its keywords are looked
	// for before an operator; line starts are checked by seedPhrases.
	{ID: idSeedPhrase, Type: "CRYPTO_SEED_PHRASE", Desc: "A wallet recovery phrase: 12 to 24 words of the BIP-39 English list whose last word's checksum holds, at a line start or after a name such as mnemonic or seed phrase.",
		Keywords: general11OpOnly[idSeedPhrase], Scan: scanSeedAssign, Score: 0.9, Source: srcParapet, License: licParapet},
	{ID: idSeedPhraseNamed, Type: "CRYPTO_SEED_PHRASE", Desc: "12 to 24 words of the BIP-39 English list after wording about a seed, a recovery phrase or a wallet (checksum not met: retyped or made up).",
		Scan: scanNone, Run: true, Score: 0.7, Source: srcParapet, License: licParapet},

	// Provider formats from the general11 development read.
	with(own("MIDTRANS_SERVER_KEY", "A Midtrans server key (Mid-server-…, SB-Mid-server-… in the sandbox).",
		`\b((?:SB-)?Mid-server-[A-Za-z0-9_-]{20,40})`+tokenEnd, "mid-server-"), entropy(3.0)),
	with(own("LLAMACLOUD_API_KEY", "A LlamaCloud (LlamaParse, LlamaIndex) API key.",
		`\b(llx-[A-Za-z0-9]{40,64})`+tokenEnd, "llx-"), entropy(3.5)),
	with(own("WOOCOMMERCE_CONSUMER_KEY", "A WooCommerce REST API consumer key (ck_ and 40 hex digits; its pair is the cs_ secret).",
		`\b(ck_[0-9a-f]{40})\b`, "ck_"), func(r *ruleDef) { r.Score = 0.7 }),
	with(own("FACEBOOK_STREAM_KEY", "A Facebook Live stream key (FB-<id>-0-<key>).",
		`\b(FB-[0-9]{10,20}-[0-9]-[A-Za-z0-9_-]{20,})`, "fb-"), entropy(3.5)),
	with(own("RTMP_STREAM_KEY", "A stream key in the path of a YouTube, Twitch, Facebook, Kick, Restream or TikTok ingest URL.",
		`(?i)\brtmps?://[^\s/]*(?:youtube\.com|twitch\.tv|facebook\.com|live-video\.net|restream\.io|kick\.com|tiktok[a-z]*\.com)(?::[0-9]+)?/(?:[^\s/]+/)?(?:live2|app|rtmp|live)/((?-i:[A-Za-z0-9_-]{16,128}))`,
		"rtmp://", "rtmps://"), entropy(3.0)),
	with(own("YOUTUBE_STREAM_KEY_NAMED", "A YouTube stream key (five groups of four) in a YouTube ingest URL or after stream_key.",
		`(?i)(?:stream[_-]key|live2/)[^\n]{0,40}?\b((?-i:[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}))\b`,
		"stream_key", "stream-key", "live2/"), entropy(3.0)),
	// Smart-home network keys: Z-Wave S0/S2 keys (Z-Wave JS, Home
	// Assistant) and the Zigbee2MQTT network key.
	with(own("ZWAVE_SECURITY_KEY", "A Z-Wave S0 or S2 network security key (32 hex digits after S0_Legacy, S2_Unauthenticated, S2_Authenticated or S2_AccessControl).",
		`(?i)\bS(?:0[ _]?Legacy|2[ _]?(?:Unauthenticated|Authenticated|Access[ _]?Control))(?:[ _]?key)?["']?[ \t]*[:=]?[ \t]*["']?(?:0x)?((?-i:[0-9A-Fa-f]{32}))\b`,
		"s0_legacy", "s0 legacy", "s0legacy", "s2_unauthenticated", "s2 unauthenticated", "s2unauthenticated",
		"s2_authenticated", "s2 authenticated", "s2authenticated", "s2_accesscontrol", "s2_access_control", "s2 access control", "s2accesscontrol"), entropy(2.5)),
	with(own("ZIGBEE_NETWORK_KEY", "A Zigbee network key as Zigbee2MQTT writes it (network_key: sixteen numbers).",
		`\bnetwork_key[ \t]*:[ \t]*\[[ \t]*((?:[0-9]{1,3}[ \t]*,[ \t]*){15}[0-9]{1,3})[ \t]*\]`, "network_key"), func(r *ruleDef) { r.Score = 0.8 }),
	// Proxy share links carry the user's credential: VLESS and VMess
	// user ids, Trojan passwords, Shadowsocks method:password.
	with(own("PROXY_SHARE_LINK_CREDENTIAL", "The credential in a VLESS, Trojan or Shadowsocks share link (vless://<uuid>@, trojan://<password>@, ss://<base64>@).",
		`\b(?:vless://([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})|trojan://([^@\s/:]{6,128})|ss://([A-Za-z0-9+/=_-]{16,256}))@`,
		"vless://", "trojan://", "ss://"), func(r *ruleDef) { r.Validate = notTemplate; r.Score = 0.8 }),
	with(own("CPANEL_API_TOKEN", "A cPanel API token in an Authorization: cpanel user:TOKEN header.",
		`(?i)\bAuthorization:[ \t]*cpanel[ \t]+[A-Za-z0-9._-]{1,64}:((?-i:[A-Z0-9]{32}))\b`, "authorization:"), entropy(3.0)),
	// Google app passwords: four groups of four lower-case letters after
	// a password name and a separator ("SMTP-AUTH Account Password: rinu
	// pzdv dnrq rmxj").
	with(own("GOOGLE_APP_PASSWORD", "A Google app password (four groups of four lower-case letters) after a password name.",
		`(?i)\bpassword\b[A-Za-z0-9 _.-]{0,40}[:=][ \t]*(?:\r?\n[ \t]*){0,3}["']?((?-i:[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}))(?:["'\s]|$)`,
		"password"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return notTemplate(v) && shannon(v) > 3.0 && vowellessGroup(v) }
		r.Type = idPassword
		r.Score = 0.7
	}),

	// From general12's development read (regulated work, help desks).
	cliPassword("PKCS11_PIN", "A user or security-officer PIN given to pkcs11-tool, softhsm2-util, p11tool, pkcs15-tool or yubico-piv-tool on the command line.",
		`\b(?:pkcs11-tool|softhsm2-util|p11tool|pkcs15-tool|yubico-piv-tool|ykman)\b(?:[^\n]|\\\n){0,200}?[ \t]--(?:so-|user-)?pin[ \t=]+['"]?(`+cliValue+`)`, " --pin", " --so-pin", " --user-pin"),
	with(own("TENCENT_CLOUD_SECRET_ID", "A Tencent Cloud SecretId (AKID and 32 letters and digits), the half of an API key pair that names it.",
		`\b(AKID[A-Za-z0-9]{32})\b`, "akid"), func(r *ruleDef) { r.Entropy = 3.5; r.Score = 0.8 }),
	with(own("FEISHU_LARK_WEBHOOK", "A Feishu or Lark custom bot webhook URL (whoever has it can post to the group).",
		`(https://open\.(?:feishu\.cn|larksuite\.com)/open-apis/bot/v2/hook/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`, "open-apis/bot/v2/hook/"), func(r *ruleDef) { r.Score = 0.8 }),
	with(own("XENDIT_SECRET_KEY", "A Xendit secret API key (xnd_production_… or xnd_development_…).",
		`\b(xnd_(?:production|development)_[A-Za-z0-9]{40,80})\b`, "xnd_"), entropy(3.5)),
	with(own("RACF_PASSWORD", "A password set with RACF ALTUSER or ADDUSER PASSWORD(...) on z/OS.",
		`(?i)\b(?:ALTUSER|ADDUSER|ALU|AU)\b[^\n]{0,80}?\bPASSWORD\(([^)\s]{1,8})\)`, "password("), func(r *ruleDef) {
		r.Validate = notTemplate
		r.Type = idPassword
		r.Score = 0.8
	}),
	with(own("EDI_ISA_PASSWORD", "The password in an X12 ISA segment (ISA04 when ISA03 is 01).",
		`\bISA\*[0-9]{2}\*[^*\n]{10}\*01\*([^*\s][^*\n]{0,9})\*`, "isa*"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return notTemplate(strings.TrimSpace(v)) && strings.TrimSpace(v) != "" }
		r.Type = idPassword
		r.Score = 0.7
	}),
	with(own("COOKIE_SESSION_VALUE", "A session or auth cookie in a Cookie or Set-Cookie header whose name says so (…SESSION…, …sid, …auth…, …token…).",
		`(?i)\b(?:set-)?cookie:[^\n]{0,200}?\b[A-Za-z0-9_.-]*(?:sess|sid|auth|token|jwt)[A-Za-z0-9_.-]*=((?-i:[A-Za-z0-9%._\-+/=]{24,512}))`, "cookie:"), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && charClasses(v) >= 2 && shannon(v) > 3.5
		}
		r.Type = "SESSION_COOKIE"
		r.Score = 0.7
	}),
	with(own("HSM_KEY_COMPONENT", "A clear key component for a payment HSM (groups of four hex digits after Component N), as key custodians write them.",
		`(?i)\bcomponent[ \t]*[0-9][ \t]*:[ \t]*((?-i:[0-9A-F]{4}(?:[ \t][0-9A-F]{4}){7,15}))`, "component"), func(r *ruleDef) { r.Score = 0.8 }),

	// From general13's development read (commerce and marketing).
	with(own("EBAY_CERT_ID", "An eBay application Cert ID, the client secret (PRD- or SBX- and a UUID-like hex string).",
		`\b((?:PRD|SBX)-[0-9a-f]{12}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})\b`, "prd-", "sbx-"), func(r *ruleDef) { r.Score = 0.8 }),
	with(own("SDK_SETTER_SECRET", "A literal key, secret, token or password given to an SDK setter (setSecretKey(\"…\"), setApiKey, setAccessToken, setClientSecret, setPassword).",
		`\bset(?:Secret|Api|Access|Private|Client|Auth|Merchant|App)?(?:Key|Secret|Token|Password)\s*\(\s*["']([^"'\s]{8,256})["']\s*\)`,
		`key("`, `key('`, `secret("`, `secret('`, `token("`, `token('`, `password("`, `password('`), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && !obviousFake(v) && !capsIdent(v) && shannon(v) > 3.0
		}
		r.Type = idGeneric
		r.Score = 0.7
	}),

	// Remote-support passwords given with the tool's ID ("TeamViewer-ID
	// 715 765 132, festes Kennwort oUECSPkiOT").
	with(own("REMOTE_SUPPORT_PASSWORD", "A TeamViewer, AnyDesk or RustDesk password stated with the tool's name, in several languages.",
		`(?:TeamViewer|Teamviewer|TEAMVIEWER|(?i:anydesk|rustdesk))[^\n]{0,100}?(?i:password|passwort|kennwort|contrase[ñn]a|senha|mot de passe|wachtwoord|has[łl]o|[şs]ifre|parola|heslo|รหัสผ่าน|كلمة (?:المرور|السر)|密码|密碼|パスワード|비밀번호)[^\n]{0,24}?[:：\s]\s*["'「]?([A-Za-z0-9!@#$%&*+=?_-]+(?:\.[A-Za-z0-9!@#$%&*+=?_-]+)*)`,
		"teamviewer", "anydesk", "rustdesk"), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			letter := false
			for i := 0; i < len(v); i++ {
				letter = letter || isLetter(v[i])
			}
			return letter && len(v) >= 6 && len(v) <= 24 && !isTemplate(v) && !isPlaceholder(v) && !obviousFake(v) && shannon(v) > 2.5 && !lowerWordOnly(v)
		}
		r.Type = idPassword
		r.Score = 0.7
	}),

	// From general14's development read (platform engineering).
	// Found from the run trigger (minioAlias): the words of the command
	// are common letters.
	{ID: idMinioAlias, Type: "MINIO_MC_ALIAS_SECRET", Desc: "The secret key in a MinIO client alias (mc alias set NAME URL ACCESS SECRET, mc config host add …).",
		Scan: scanNone, Run: true, Score: 0.8, Source: srcParapet, License: licParapet},
	with(own("DECODED_K8S_SECRET", "A value printed on the line after a command that reads a Kubernetes secret and decodes it (kubectl get secret … | base64 -d).",
		`(?i)\bget[ \t]+secrets?\b[^\n]{0,200}\|[ \t]*base64[ \t]+(?:-d|--decode|-D)[^\n]*\n[ \t]*((?-i:[!-~]{6,128}))[ \t]*(?:\n|$)`, "base64 -d", "base64 --decode", "base64 -D"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) && v[0] != '$' }
		r.Type = idPassword
		r.Score = 0.7
	}),
	with(own("SPLUNK_HEC_TOKEN", "A Splunk HTTP Event Collector token in an Authorization: Splunk header.",
		`(?i)\bAuthorization:[ \t]*Splunk[ \t]+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`, "authorization:"), func(r *ruleDef) { r.Score = 0.8 }),
	with(own("VAULT_APPROLE_SECRET_ID", "A HashiCorp Vault AppRole secret_id.",
		`\bsecret_id["']?[ \t]*[=:][ \t]*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`, "secret_id"), func(r *ruleDef) { r.Score = 0.8 }),
	with(own("HONEYCOMB_API_KEY", "A Honeycomb API key in the x-honeycomb-team header.",
		`(?i)\bx-honeycomb-team["']?[ \t]*[:=][ \t]*["']?((?-i:[A-Za-z0-9]{22,64}))`, "x-honeycomb-team"), entropy(3.0)),
	with(own("NATS_NKEY_SEED", "A NATS nkey seed (SU…, SA…, SO…) in a .creds file or after its header.",
		`-----BEGIN (?:USER|ACCOUNT|OPERATOR) NKEY SEED-----[ \t]*\r?\n[ \t]*(S[UAO][A-Z2-7]{56})`, "nkey seed-----"), func(r *ruleDef) { r.Score = 0.9 }),
})

// general11OpOnly are keywords looked for only before an operator or a
// quote, as general4OpOnly.
var general11OpOnly = map[string][]string{
	idSeedPhrase: {"mnemonic", "seed", "phrase", "recovery words", "secret words"},
}

// vowellessGroup reports a group of letters with no vowel (a, e, i, o, u,
// y) among the space-separated groups of v: random letters have one in
// four groups of four out of five times, English words ("send them over
// when") almost never.
func vowellessGroup(v string) bool {
	vowel := false
	for i := 0; i <= len(v); i++ {
		if i == len(v) || v[i] == ' ' {
			if !vowel {
				return true
			}
			vowel = false
			continue
		}
		switch v[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			vowel = true
		}
	}
	return false
}

// lowerWordOnly reports a value of lower-case letters only (a word of the
// sentence, "password is set"), not a password.
func lowerWordOnly(v string) bool {
	for i := 0; i < len(v); i++ {
		if v[i] < 'a' || v[i] > 'z' {
			return false
		}
	}
	return true
}

const idMinioAlias = "MINIO_MC_ALIAS_SECRET"

// minioAlias is the run hook of MINIO_MC_ALIAS_SECRET: the run text[rs:re]
// around a digit is the last of four arguments after "mc alias set" (or
// "mc config host add") at the start of its line.
func (d *Detector) minioAlias(st *scanState, text string, rs, re int) {
	if d.ix.minio < 0 || re-rs < 16 || re-rs > 128 || rs == 0 || text[rs-1] != ' ' {
		return
	}
	if re < len(text) && text[re] != ' ' && text[re] != '\n' && text[re] != '\r' && text[re] != '\'' && text[re] != '"' && text[re] != '`' {
		return
	}
	ls := rs
	for ls > 0 && rs-ls < 300 && text[ls-1] != '\n' {
		ls--
	}
	// the command anywhere on the line: after a prompt, "RUN", a backquote
	line := text[ls:rs]
	var rest string
	for _, cmd := range [...]string{"mc alias set ", "mc config host add "} {
		if k := strings.LastIndex(line, cmd); k >= 0 && (k == 0 || line[k-1] == ' ' || line[k-1] == '`' || line[k-1] == '$' || line[k-1] == '>' || line[k-1] == '\t') {
			rest = line[k+len(cmd):]
			break
		}
	}
	if rest == "" || fieldCount(rest) != 3 {
		return // NAME URL ACCESS, then the secret
	}
	if v := text[rs:re]; !notTemplate(v) || shannon(v) < 3.5 {
		return
	}
	st.add(d.ix.minio, rs, re)
}

// fieldCount counts the fields of s separated by white space (strings.Fields
// without the slice).
func fieldCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
