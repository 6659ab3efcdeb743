package secrets

import "strings"

// general17Rules were added in the sixth round (2026-11-27) for credential
// forms the fifth round found missed: OpenVPN auth-user-pass files, maps
// of users to passwords, passwords passed to SDK constructors and
// Kubernetes static token files.
var general17Rules = registerOpOnlyKeywords(general17OpOnly, []ruleDef{
	// An OpenVPN auth-user-pass file: the user on one line, the password
	// on the next, shown after the file's name.
	with(own("OPENVPN_AUTH_FILE_PASSWORD", "The password line of a two-line OpenVPN auth-user-pass file (user, then password) shown after auth-user-pass or a file name such as auth.txt, login.conf, creds.txt or pass.txt.",
		`(?i)(?:auth-user-pass|(?:auth|login|creds|credentials|userpass|vpn-?auth)\.(?:txt|conf)|pass(?:word)?\.txt|credentials?[ \t]+file)[^\n]{0,160}\r?\n(?:[ \t]*(?:`+"```"+`[a-z]*|\$[ \t]*cat[ \t]+\S+)?[ \t]*\r?\n){0,2}[ \t]*[A-Za-z0-9._@\\-]{2,64}[ \t]*\r?\n[ \t]*([^\s'"<>{}]{4,64})[ \t]*(?:\r?\n[ \t]*(?:\r?\n|`+"```"+`)|\r?\n?$)`,
		"auth-user-pass", "auth.txt", "auth.conf", "login.conf", "login.txt", "creds.txt", "credentials.txt", "userpass.txt",
		"vpnauth.txt", "vpn-auth.txt", "pass.txt", "password.txt"), func(r *ruleDef) {
		r.Validate = openvpnPasswordLine
		r.Type = idPassword
		r.Score = 0.7
	}),
	// A map of user names to passwords under a name that says users,
	// logins, credentials or basic auth (JSON, YAML flow or block style).
	{ID: "USERS_MAP_PASSWORD", Type: idPassword, Desc: "A password in a map of users to passwords named users, RegisteredUsers, basic_auth_users, logins or credentials (JSON, YAML flow or block style); not a map of users to roles, e-mail addresses or ids.",
		Keywords: general17OpOnly["USERS_MAP_PASSWORD"], Scan: scanUsersMap, Score: 0.6, Source: srcParapet, License: licParapet},
	// A key and secret or a user and password passed as the last two
	// string arguments of an SDK client's constructor or an FTP login,
	// on one line or one argument a line with a trailing comma (as
	// formatters write long calls).
	with(own("SDK_CLIENT_SECRET_ARG", "A secret or password passed as the last string argument after a key or user name to an SDK client or FTP constructor (LazopClient(url, \"key\", \"secret\"), new Client(\"user\", \"pass\"), FTP(host, user, pass)).",
		`\b(?:[A-Za-z_][A-Za-z0-9_]*)?(?:Client|FTP|FTP_TLS|Credentials?)\(\s{0,20}(?:(?:\$?[A-Za-z_][A-Za-z0-9_.>-]*|"[^"\n]{0,200}"|'[^'\n]{0,200}')\s{0,20},\s{0,20}){0,2}["'][A-Za-z0-9._@\\-]{2,64}["']\s{0,20},\s{0,20}["']([^"'\s]{8,128})["']\s{0,20},?\s{0,20}\)`,
		"client(", "ftp(", "ftp_tls(", "credential(", "credentials("), func(r *ruleDef) {
		r.Validate = strongPasswordArg
		r.Type = idPassword
		r.Score = 0.6
	}),
	// The lines of a Kubernetes static token file: token,user,uid[,"groups"].
	{ID: "KUBERNETES_STATIC_TOKEN", Desc: "The token of each line of a Kubernetes static token file (token,user,uid,\"group1,group2\") shown after tokens.csv, known_tokens.csv or --token-auth-file.",
		Keywords: []string{"tokens.csv", "token.csv", "token-auth-file", "known_tokens"}, Scan: scanStaticTokens, Score: 0.7, Source: srcParapet, License: licParapet},
})

// general17OpOnly are keywords looked for only before an operator.
var general17OpOnly = map[string][]string{
	"USERS_MAP_PASSWORD": {"users", "logins", "credentials"},
}

// scanStaticTokens reports the token of each row of a Kubernetes static
// token file: the rows that follow the file's name within a few lines.
func scanStaticTokens(_ *Detector, st *scanState, text string, _, ke int, ri int) {
	p, rows := ke, 0
	for n := 0; n < 64; n++ {
		nl := strings.IndexByte(text[p:], '\n')
		if nl < 0 {
			return
		}
		ls := p + nl + 1
		if rows == 0 && ls-ke > 300 {
			return
		}
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		if s, e, ok := staticTokenRow(text[ls:le]); ok {
			st.add(ri, ls+s, ls+e)
			rows++
		} else if rows > 0 {
			return
		}
		if le >= len(text) {
			return
		}
		p = le
	}
}

// staticTokenRow reads token,user,uid[,groups] and returns the token's
// span when it reads as a token (16 to 128 bytes, not a template, a
// stand-in or a fake, some entropy).
func staticTokenRow(line string) (s, e int, ok bool) {
	for s < len(line) && isSpace(line[s]) {
		s++
	}
	e = s
	for e < len(line) && e-s <= 128 && (isAlnum(line[e]) || indexByte("._~+/=-", line[e]) >= 0) {
		e++
	}
	if e-s < 16 || e-s > 128 || e >= len(line) || line[e] != ',' {
		return 0, 0, false
	}
	// the user and the uid: two fields with no spaces or quotes
	i := e + 1
	for f := 0; f < 2; f++ {
		for i < len(line) && isSpace(line[i]) {
			i++
		}
		fs := i
		for i < len(line) && line[i] != ',' && line[i] > ' ' && line[i] != '"' {
			i++
		}
		if i == fs {
			return 0, 0, false
		}
		if f == 0 {
			if i >= len(line) || line[i] != ',' {
				return 0, 0, false
			}
			i++
		}
	}
	for i < len(line) && (isSpace(line[i]) || line[i] == '\r') {
		i++
	}
	if i < len(line) && line[i] != ',' {
		return 0, 0, false
	}
	v := line[s:e]
	if isTemplate(v) || isPlaceholder(v) || obviousFake(v) || shannon(v) <= 3 {
		return 0, 0, false
	}
	return s, e, true
}

// strongPasswordArg reports an argument with three of the four classes
// (lower case, upper case, digit, symbol other than - _ . / :) that is
// not a template or a stand-in: a host, a version or a word is not.
func strongPasswordArg(v string) bool {
	if isTemplate(v) || isPlaceholder(v) || obviousFake(v) {
		return false
	}
	if sl := strings.LastIndexByte(v, '/'); sl >= 0 && sl+1 < len(v) && isDigit(v[sl+1]) && indexByte(v[sl:], '.') > 0 {
		return false // a product and version (MyApp/1.0)
	}
	var lower, upper, digit, sym int
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c && c <= 'z':
			lower = 1
		case 'A' <= c && c <= 'Z':
			upper = 1
		case isDigit(c):
			digit = 1
		case indexByte("-_./:", c) >= 0:
		default:
			sym = 1
		}
	}
	return lower+upper+digit+sym >= 3
}

// usersMapValue reports a value in a users map that reads as a password:
// mixed like one, not letters alone (ReadOnly), a role (ROLE_ADMIN), a
// hash or a variable after $, an e-mail address, a number, a UUID or hex
// id, a boolean, a template or a stand-in.
func usersMapValue(v string) bool {
	if isTemplate(v) || isPlaceholder(v) || obviousFake(v) || !mixedPasswordLike(v) || v[0] == '$' {
		return false // $ starts a hash ($2y$…) or a variable
	}
	letters := true
	for i := 0; i < len(v) && letters; i++ {
		letters = isLetter(v[i])
	}
	if letters {
		return false // a role or a name (ReadOnly, ServiceAccount)
	}
	if at := indexByte(v, '@'); at > 0 && indexByte(v[at:], '.') > 0 {
		return false // an e-mail address
	}
	upper, lowerOrDigit, hexOnly := false, false, true
	for i := 0; i < len(v); i++ {
		c := v[i]
		if 'A' <= c && c <= 'Z' {
			upper = true
		} else if 'a' <= c && c <= 'z' {
			lowerOrDigit = true
		}
		if !isLowerHex(c) && c != '-' {
			hexOnly = false
		}
	}
	if hexOnly || (upper && !lowerOrDigit && !hasDigit(v)) {
		return false // a hex id or UUID; ROLE_ADMIN
	}
	return indexByte(v, ':') < 0 // urn:…, arn:…, role:admin
}

func hasDigit(v string) bool {
	for i := 0; i < len(v); i++ {
		if isDigit(v[i]) {
			return true
		}
	}
	return false
}

// openvpnPasswordLine reports a line that reads as a password rather than
// a config directive or a word: a digit, an upper-case letter or a symbol
// besides - and _, not a template or a stand-in.
func openvpnPasswordLine(v string) bool {
	if isTemplate(v) || isPlaceholder(v) || obviousFake(v) || fileNameLike(v) {
		return false
	}
	return mixedPasswordLike(v)
}

// fileNameLike reports a name with an extension of one to four lower-case
// letters (README.md, main.go): a listing of files, not a password.
func fileNameLike(v string) bool {
	dot := strings.LastIndexByte(v, '.')
	if dot < 1 || len(v)-dot-1 < 1 || len(v)-dot-1 > 4 {
		return false
	}
	for i := dot + 1; i < len(v); i++ {
		if c := v[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	for i := 0; i < dot; i++ {
		if c := v[i]; !isAlnum(c) && c != '_' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// mixedPasswordLike reports a value of six bytes or more with a letter and
// a digit, an upper-case letter after the first byte or a symbol other
// than - _ . / :, not a number or a capitalised word alone.
func mixedPasswordLike(v string) bool {
	if len(v) < 6 {
		return false
	}
	alpha, digits, other := false, 0, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c && c <= 'z':
			alpha = true
		case 'A' <= c && c <= 'Z':
			alpha = true
			other = other || i > 0 // not a capitalised word (Johnathan)
		case isDigit(c):
			digits++
		case indexByte("-_./:", c) >= 0:
		default:
			other = true
		}
	}
	if !alpha {
		return false
	}
	return other || digits > 0
}
