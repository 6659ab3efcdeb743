package secrets

// general18Rules were added in the seventh round (2026-11-27) for
// credential formats in their public shapes that no rule read: Dropbox
// access tokens without the word "dropbox" before an operator (passed to
// the SDK, in a header), Asana personal access tokens of the current
// shape, and RSA private keys written as bare base64 PKCS#1 DER rather
// than PEM.
var general18Rules = registerOpOnlyKeywords(general18OpOnly, []ruleDef{
	// Dropbox short-lived access tokens: "sl." (or "sl.u.") and 130 or
	// more URL-safe base64 bytes; the gitleaks rule wants "dropbox" and an
	// operator before it.
	{ID: "DROPBOX_ACCESS_TOKEN", Type: "DROPBOX_SHORT_LIVED_API_TOKEN", Desc: "A Dropbox short-lived access token (sl. or sl.u. and 130 or more URL-safe base64 bytes) wherever it stands (SDK constructor, Authorization header).",
		Keywords: []string{"sl."}, Scan: scanDropboxToken, Score: 0.85, Source: srcParapet, License: licParapet},
	// Asana personal access tokens: 2/<user gid>/<token gid>:<32 hex>
	// (the earlier shape was 1/<gid>:<32 hex>).
	with(own("ASANA_PERSONAL_ACCESS_TOKEN", "An Asana personal access token (2/<digits>/<digits>:<32 hex>, or 1/<digits>:<32 hex>).",
		`(?:^|[^0-9A-Za-z/])((?:2/[0-9]{8,20}/[0-9]{8,20}|1/[0-9]{8,20}):[0-9a-f]{32})\b`,
		"2/1", "2/2", "2/3", "2/4", "2/5", "2/6", "2/7", "2/8", "2/9", "1/1", "1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8", "1/9"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v[len(v)-32:]) > 3.2 && !obviousFake(v[len(v)-32:]) }
		r.Score = 0.9
	}),
	// An RSA private key as bare base64 DER in PKCS#1 (MII…, version 0,
	// then a 2048- or 4096-bit modulus: …AgEAAoIBAQ…, …AgEAAoICAQ…);
	// PRIVATE_KEY_DER_BASE64 reads PKCS#8. Public keys
	// (MIIBIjANBgkqhkiG9w0BAQEFAAOC…, MIIBCgKCAQEA…) open differently.
	// SNMPv3 users on Cisco-style devices: the auth and priv passphrases
	// in clear ("encrypted" keys are localized hashes and are left out).
	cliPassword("SNMPV3_AUTH_PASSWORD", "An SNMPv3 authentication passphrase in snmp-server user … v3 auth md5|sha <passphrase>.",
		`\bsnmp-server[ \t]+user[ \t]+\S{1,64}[ \t]+\S{1,64}[ \t]+v3[ \t]+auth[ \t]+(?i:md5|sha(?:-?[0-9]{3})?)[ \t]+(`+cliValue+`)`, "snmp-server user"),
	cliPassword("SNMPV3_PRIV_PASSWORD", "An SNMPv3 privacy passphrase in snmp-server user … v3 auth … priv des|3des|aes [128|192|256] <passphrase>.",
		`\bsnmp-server[ \t]+user[ \t]+\S{1,64}[ \t]+\S{1,64}[ \t]+v3[ \t]+auth[ \t]+\S{1,10}[ \t]+\S{1,64}[ \t]+priv[ \t]+(?i:des|3des|aes(?:[ \t]+(?:128|192|256))?)[ \t]+(`+cliValue+`)`, "snmp-server user"),
	// mosquitto_passwd -b <file> <user> <password>: the password in batch mode.
	cliPassword("MOSQUITTO_PASSWD_BATCH", "A password given to mosquitto_passwd in batch mode (-b <file> <user> <password>).",
		`\bmosquitto_passwd\b[^\n]{0,40}?[ \t]-b[ \t]+(?:-c[ \t]+)?[^\s-]\S{0,200}[ \t]+[^\s-]\S{0,63}[ \t]+['"]?(`+cliValue+`)`, "mosquitto_passwd"),
	// openssl enc -k <password> (a password on the command line).
	cliPassword("OPENSSL_ENC_PASSWORD", "A password given to openssl enc (or a cipher command) with -k.",
		`\bopenssl[ \t]+(?:enc|aes-[0-9]{3}-[a-z]{3}|des3|des-ede3-cbc|bf|chacha20)\b[^\n]{0,200}?[ \t]-k[ \t]+['"]?(`+cliValue+`)`, " -k"),
	// TOTP seeds: the secret of an otpauth:// URI (what a QR code holds),
	// and a setup key shown in groups of four base32 characters for
	// typing in ("Can't scan? Enter this key: 5ktq 7m2x …").
	with(own("TOTP_OTPAUTH_SECRET", "The TOTP/HOTP seed in an otpauth:// URI (secret=<base32>).",
		`otpauth://(?i:totp|hotp)/[^?\s]{0,200}\?(?:[^\s#]{0,300}?&)?secret=([A-Za-z2-7]{16,128})`, "otpauth://"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v) > 3 && !obviousFake(v) }
		r.Type = "TOTP_SECRET"
		r.Score = 0.85
	}),
	with(own("TOTP_SETUP_KEY", "A TOTP setup key in groups of four base32 characters (6 to 10 groups) after key or secret wording and a colon, in several languages.",
		`(?i:key|secret|clave|chave|chiave|schluessel|sleutel|klucz|nyckel|anahtar)[^\n:：]{0,60}[:：][ \t]*(?:\r?\n[ \t]*){0,2}((?:[a-z2-7]{4} ){5,9}[a-z2-7]{4}|(?:[A-Z2-7]{4} ){5,9}[A-Z2-7]{4})(?:[^A-Za-z0-9]|$)`,
		general18OpOnly["TOTP_SETUP_KEY"]...), func(r *ruleDef) {
		r.Validate = totpGroups
		r.Type = "TOTP_SECRET"
		r.Score = 0.8
	}),
	{ID: "PRIVATE_KEY_PKCS1_BASE64", Type: "PRIVATE_KEY", Desc: "An RSA private key written as bare base64 DER in PKCS#1 (MII…IBAAKCAQEA…) without PEM armour, as in key settings and exports.",
		Keywords: derKeyOpenings, Scan: scanDERKey, Score: 0.9, Source: srcParapet, License: licParapet},
})

// general18OpOnly lists keywords of these rules made of common letters:
// they are looked for only in the key before an operator (the colon
// after "Enter this key instead").
var general18OpOnly = map[string][]string{
	"TOTP_SETUP_KEY": {"key", "secret", "clave", "chave", "chiave", "schluessel", "sleutel", "klucz", "nyckel", "anahtar"},
}

// derKeyOpenings are the keywords of PRIVATE_KEY_PKCS1_BASE64: what
// follows the first six bytes (MIIEow, MIIEpA, MIIJKQ …) of the key.
var derKeyOpenings = []string{"ibaakcaqea", "ibaakcagea"}

// derKeyExact are the same openings in their case.
var derKeyExact = []string{"IBAAKCAQEA", "IBAAKCAgEA"}

// scanDERKey reports a bare base64 DER private key around the opening
// text[ks:ke]: from its MII start to the end of the base64 run, 300
// bytes or more.
func scanDERKey(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	exact := false
	for _, o := range derKeyExact {
		if text[ks:ke] == o {
			exact = true
			break
		}
	}
	if !exact {
		return
	}
	// MII, the length and the start of the version ("MIIEow", "MIIJKQ")
	s := ks - 6
	if s < 0 || text[s:s+3] != "MII" {
		return
	}
	if s > 0 && (isAlnum(text[s-1]) || text[s-1] == '+' || text[s-1] == '/') {
		return
	}
	e := ke
	for e < len(text) && e-s < maxPEM && (isAlnum(text[e]) || text[e] == '+' || text[e] == '/') {
		e++
	}
	for k := 0; k < 2 && e < len(text) && text[e] == '='; k++ {
		e++
	}
	if e-s < 300 {
		return
	}
	st.add(ri, s, e)
}

// scanDropboxToken reports a Dropbox short-lived token starting at the
// keyword "sl." (text[ks:ke]).
func scanDropboxToken(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	if text[ks:ke] != "sl." || ks > 0 && (isAlnum(text[ks-1]) || text[ks-1] == '.' || text[ks-1] == '_' || text[ks-1] == '-') {
		return
	}
	p := ke
	if p+2 <= len(text) && text[p:p+2] == "u." {
		p += 2
	}
	e := p
	for e < len(text) && e-p < 2000 && (isAlnum(text[e]) || text[e] == '_' || text[e] == '-') {
		e++
	}
	if e-p < 130 || e < len(text) && (text[e] == '=' || text[e] == '.') {
		return
	}
	v := text[p:e]
	if shannon(v) < 4.5 || !hasDigitAndLetter(v) || obviousFake(v) {
		return
	}
	st.add(ri, ks, e)
}

// totpGroups reports base32 groups that read as a random seed: two digits
// (2-7) or more, eight letters or more, no stand-in run.
func totpGroups(v string) bool {
	digits, letters := 0, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case '2' <= c && c <= '7':
			digits++
		case isLetter(c):
			letters++
		}
	}
	return digits >= 2 && letters >= 8 && !obviousFake(v) && shannon(v) > 3.2
}
