package secrets

import "strings"

// Placeholder rejection. Two levels:
//
//   - isTemplate rejects only unmistakable template placeholders
//     (<your-key>, ${VAR}, $VAR, %VAR%, {{ x }}, ****, xxxx, changeme,
//     your_api_key_here, an empty value). It is the only check on a value
//     that matches a provider's precise format, and on literal passwords in
//     URLs, connection strings and credential formats: a weak or
//     documentation-looking value in such a format is still reported, and
//     policy decides.
//   - isPlaceholder adds the stricter checks used for GENERIC assignments
//     (password = ..., api_key: ...), where the value has no format to
//     vouch for it: stand-in words, sequences, repeated units, masks.

// placeholderParts rejects a value that contains one of them
// (case-insensitive).
var placeholderParts = []string{
	"example", "placeholder", "changeme", "change_me", "change-me", "changeit",
	"your_", "your-", "yourpass", "yoursecret", "yourtoken", "yourkey", "yourapikey",
	"<your", "insert", "replace_", "replaceme", "redacted", "dummy", "sample",
	"fake", "xxxx", "****", "....", "…", "${", "{{", "}}", "#{", "%(",
	"todo", "fixme", "_tbd", "tbd_", "-tbd", "tbd-", "_here", "-here", "goes_here", "enter_", "put_your",
	"secret_key_base_", "notreal", "not_real", "not-a-real", "notasecret",
	"process.env", "os.environ", "getenv", "environ[", "env(", "env[",
	"secretkeyref", "valuefrom", "vault:", "ssm:", "arn:aws:", "keyvault",
	"(optional)", "password1", "password123", "letmein", "hunter2",
	"abcdefgh", "12345678", "00000000", "####", "_password", "password_", "-password",
	"<password>", "_secret_", "<secret>", "<token>",
	// "change me" in other languages
	"змініть", "измените", "замените", "поменяй", "zmień", "zmien", "ändern", "aendern", "ändere",
	"changez", "cámbiame", "cambiame", "cámbialo", "altere-me", "wijzig-mij", "wijzigmij",
}

// placeholderWords rejects a value equal to one of them (case-insensitive).
var placeholderWords = []string{
	// names of hashing schemes, the setting of how to store a password
	// ("password_encryption = scram-sha-256")
	"scram-sha-256", "scram-sha-1", "md5", "sha256", "sha-256", "sha512", "sha-512", "bcrypt",
	"argon2", "argon2id", "argon2i", "pbkdf2", "pbkdf2-sha256", "yescrypt", "sha1", "sha-1",
	"password", "passw0rd", "passwd", "pass", "pwd", "secret", "token", "apikey",
	"api_key", "api-key", "key", "null", "nil", "none", "true", "false",
	"undefined", "empty", "string", "str", "test", "testing", "default", "value",
	"required", "optional", "hidden", "masked", "tbd", "notset", "unset", "n/a", "na",
	"user", "username", "admin", "root", "guest", "demo", "foo", "bar", "baz",
	"foobar", "changeme", "secret123", "test123", "abc123", "123456", "1234",
	"12345", "1234567", "123456789", "0000", "000000", "private", "public",
	"bearer", "basic", "token123", "your-token", "your_token", "mytoken",
	"pa$$word", "p@ssw0rd", "p@ssword", "passw0rd!", "s3cr3t", "secret!",
	"supersecret", "topsecret", "secretpassword", "password!", "default_password",
	"my_password", "mypassword", "my_secret", "mysecret", "my_token", "mytoken",
}

// printfVerb reports a printf verb, %s or %v, that no letter follows
// ("%s:%s@db", "user=%s;"). Case matters: a password may hold "%S"
// before a word ("Lokum%Simit92").
func printfVerb(v string) bool {
	for i := 0; i+1 < len(v); i++ {
		if v[i] == '%' && (v[i+1] == 's' || v[i+1] == 'v') && (i+2 == len(v) || !isLetter(v[i+2])) {
			return true
		}
	}
	return false
}

// isPlaceholder reports values that stand in for a secret.
func isPlaceholder(v string) bool {
	if len(v) < 3 {
		return true
	}
	if repeatedRun(v) || sequential(v) || fillerRun(v) || cjkProse(v) {
		return true
	}
	for _, w := range placeholderWords {
		if equalFold(v, w) {
			return true
		}
	}
	if containsAny(placeholderMatcher, v) || printfVerb(v) || qwertyStandIn(v) {
		return true
	}
	first, last := v[0], v[len(v)-1]
	switch {
	case first == '<' || first == '[' || first == '{' || first == '%':
		// <password>, [PASSWORD], {password}, %VAR% or a printf verb
		return true
	case last == '>' || last == ']' || last == '}':
		return true
	case first == '$' && (isLetter(v[1]) || v[1] == '_' || v[1] == '{' || v[1] == '('):
		return true // $VAR, ${VAR}, $(cmd)
	case first == '@' && last == '@':
		return true
	}
	// x-ed out or masked: a value made mostly of one filler byte.
	fill := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case 'x', 'X', '*', '#', '.', '-', '_', '0':
			fill++
		}
	}
	return fill*4 >= len(v)*3
}

// partMatcher builds an automaton that finds any of parts (lower case)
// in one pass.
func partMatcher(parts []string) *acMatcher {
	m, err := newACMatcher(parts)
	if err != nil {
		panic(err)
	}
	return m
}

// containsAny reports whether one of m's patterns occurs in s, ignoring
// ASCII case.
func containsAny(m *acMatcher, s string) bool {
	i, _ := m.next(s, 0, 0)
	return i >= 0
}

var (
	templateMatcher    = partMatcher(templateParts)
	placeholderMatcher = partMatcher(placeholderParts)
)

// stopMatcher finds gitleaks' generic stopwords (common words in code
// that are not secrets) inside a candidate value.
var stopMatcher = func() *acMatcher {
	m, err := newACMatcher(genericStopwords)
	if err != nil {
		panic(err)
	}
	return m
}()

func hasStopword(v string) bool {
	i, _ := stopMatcher.next(v, 0, 0)
	return i >= 0
}

// templateParts make a value a template wherever they occur
// (case-insensitive).
var templateParts = []string{
	"${", "{{", "}}", "#{", "<%", "%>", "xxxx", "****", "####", "....", "…", "•••",
	"changeme", "change_me", "change-me", "changeit", "your_", "your-", "yourapikey",
	"yourkey", "yoursecret", "yourtoken", "yourpassword", "_here", "-here",
	"placeholder", "replace_me", "replaceme", "replace-me", "redacted", "dummy",
	"insert_", "insert-", "<your", "<insert", "<replace",
	// masked with three asterisks ("***entfernt***", "ab***yz")
	"***",
	// "your ..." and "... here" in other languages: VOTRE_CLE_API,
	// DEIN_TOKEN, TU_CLAVE_AQUI, SUA_CHAVE, JOUW_WACHTWOORD
	"votre_", "votre-", "dein_", "deine_", "ihr_token", "ihre_", "tu_clave", "tu-clave", "su_clave",
	"tu_contrase", "tua_chave", "sua_chave", "sua_senha", "seu_token", "la_tua_", "il_tuo_",
	"jouw_", "twoj_", "_aqui", "-aqui", "_ici", "-ici", "_hier", "-hier",
}

// isTemplate reports values that are unmistakably a template placeholder
// rather than a literal: see the package comment above.
func isTemplate(v string) bool {
	if len(v) == 0 {
		return true
	}
	first, last := v[0], v[len(v)-1]
	switch {
	case first == '<' && (last == '>' || indexByte(v, '>') > 0):
		return true // <your-key>, <password>
	case first == '<' && len(v) > 1 && isLetter(v[1]) && len(v) <= 40:
		return true // "<token from your profile>" cut at its first space
	case first == '[' && last == ']', first == '{' && last == '}', first == '(' && last == ')':
		return true // [PASSWORD], {password}
	case first == '%' && last == '%' && len(v) > 2:
		return true // %VAR%
	case first == '@' && last == '@' && len(v) > 2:
		return true // @VAR@
	case first == '$' && len(v) > 1 && (v[1] == '{' || v[1] == '('):
		return true // ${VAR}, $(cmd)
	case first == '$' && len(v) > 1 && (isLetter(v[1]) || v[1] == '_') && identOnly(v[1:]):
		return true // $VAR
	}
	if containsAny(templateMatcher, v) {
		return true
	}
	return zeroFill(v) || docExample(v) || jwtIOSample(v) || publishedExample[v] || cjkProse(v)
}

// publishedExample are keys printed in providers' public documentation
// for every reader to copy: Stripe's test-mode secret keys of its API
// reference (https://docs.stripe.com/api/authentication, and the older
// one of its earlier docs). They are public by design, not anyone's
// secret.
var publishedExample = map[string]bool{
	"sk_test_4eC39HqLyjWDarjtT1zdp7dc": true,
	"sk_test_BQokikJOvBiI2HlWgH4olfQ2": true,
}

// cjkProse reports a value written in Chinese, Japanese or Korean words
// with hardly any ASCII letters or digits ("请在CI中设置", "ここに入力"),
// or with four or more of them ("替换为你的Secret"): an instruction
// standing in for the value, not a password.
func cjkProse(v string) bool {
	cjk, ascii := 0, 0
	for _, r := range v {
		switch {
		case r >= 0x3040 && r <= 0x30ff, r >= 0x3400 && r <= 0x9fff, r >= 0xac00 && r <= 0xd7af:
			cjk++
		case r < 0x80 && (isLetter(byte(r)) || r >= '0' && r <= '9'):
			ascii++
		}
	}
	return cjk >= 2 && ascii < 3 || cjk >= 4
}

// docExample reports a token marked as a documentation sample by the
// upper-case word EXAMPLE where provider documentation puts it: at the
// end of the token (AWS's AKIAIOSFODNN7EXAMPLE and
// wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html)
// or at the start of the random part after a prefix (sk_test_EXAMPLE...,
// ghp_EXAMPLE..., sk_live_example...). A random token has those seven upper-case bytes at a
// given place with odds of 1 in 62^7. EXAMPLE in the middle of a token
// is left alone (the shared corpus labels such tokens as secrets).
func docExample(v string) bool {
	e := len(v)
	for e > 0 && v[e-1] == '=' {
		e--
	}
	if hasSuffix(v[:e], "EXAMPLE") || hasSuffix(v[:e], "EXAMPLEKEY") {
		return true
	}
	for _, w := range [...]string{"EXAMPLE", "example"} {
		for off := 0; ; {
			i := strings.Index(v[off:], w)
			if i < 0 {
				break
			}
			i += off
			if i > 0 && (v[i-1] == '_' || v[i-1] == '-') {
				return true
			}
			off = i + 7
		}
	}
	return false
}

func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }

// zeroFill reports a value that is mostly a run of zeros or of one mask
// byte (00000000-0000-..., 0000000000TUVWXYZ): a nil UUID or a zeroed
// example, not a credential.
func zeroFill(v string) bool {
	run, longest, zeros := 0, 0, 0
	for i := 0; i < len(v); i++ {
		if v[i] == '0' {
			zeros++
			run++
			if run > longest {
				longest = run
			}
		} else if v[i] != '-' {
			run = 0
		}
	}
	return longest >= 8 && zeros*2 >= len(v)
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// identOnly reports a non-empty run of letters, digits and '_'.
func identOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) {
			return false
		}
	}
	return len(s) > 0
}
