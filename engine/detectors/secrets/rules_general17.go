package secrets

// general17Rules were added in the sixth round (2026-11-27) for credential
// forms the fifth round found missed: OpenVPN auth-user-pass files, maps
// of users to passwords, passwords passed to SDK constructors and
// Kubernetes static token files.
var general17Rules = []ruleDef{
	// An OpenVPN auth-user-pass file: the user on one line, the password
	// on the next, shown after the file's name.
	with(own("OPENVPN_AUTH_FILE_PASSWORD", "The password line of a two-line OpenVPN auth-user-pass file (user, then password) shown after auth.txt, auth-user-pass, login.conf or pass.txt.",
		`(?i)(?:auth-user-pass|auth\.txt|login\.conf|pass(?:word)?\.txt|credentials?[ \t]+file)[^\n]{0,160}\r?\n(?:[ \t]*(?:`+"```"+`[a-z]*|\$[ \t]*cat[ \t]+\S+)?[ \t]*\r?\n){0,2}[ \t]*[A-Za-z0-9._@\\-]{2,64}[ \t]*\r?\n[ \t]*([^\s'"<>{}]{4,64})[ \t]*(?:\r?\n[ \t]*(?:\r?\n|`+"```"+`)|\r?\n?$)`,
		"auth-user-pass", "auth.txt", "login.conf", "pass.txt", "password.txt"), func(r *ruleDef) {
		r.Validate = openvpnPasswordLine
		r.Type = idPassword
		r.Score = 0.7
	}),
}

// openvpnPasswordLine reports a line that reads as a password rather than
// a config directive or a word: a digit, an upper-case letter or a symbol
// besides - and _, not a template or a stand-in.
func openvpnPasswordLine(v string) bool {
	if isTemplate(v) || isPlaceholder(v) || obviousFake(v) {
		return false
	}
	return mixedPasswordLike(v)
}

// mixedPasswordLike reports a value of six bytes or more with a digit, an
// upper-case letter or a symbol other than - _ . / and some letter or
// digit, not a number alone.
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
			alpha, other = true, true
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
