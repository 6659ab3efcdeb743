package secrets

// Placeholder rejection shared by the assignment, URL and connection
// string scanners: documentation and templates are full of values that
// stand in for a secret without being one.

// placeholderParts rejects a value that contains one of them
// (case-insensitive).
var placeholderParts = []string{
	"example", "placeholder", "changeme", "change_me", "change-me", "changeit",
	"your_", "your-", "yourpass", "yoursecret", "yourtoken", "yourkey", "yourapikey",
	"<your", "insert", "replace_", "replaceme", "redacted", "dummy", "sample",
	"fake", "xxxx", "****", "....", "…", "${", "{{", "}}", "#{", "%(", "%s",
	"todo", "fixme", "tbd", "_here", "-here", "goes_here", "enter_", "put_your",
	"my_password", "mypassword", "my_secret", "mysecret", "my_token", "mytoken",
	"secret_key_base_", "notreal", "not_real", "not-a-real", "notasecret",
	"process.env", "os.environ", "getenv", "environ[", "env(", "env[",
	"secretkeyref", "valuefrom", "vault:", "ssm:", "arn:aws:", "keyvault",
	"(optional)", "password1", "password123", "qwerty", "letmein", "hunter2",
	"abcdefgh", "12345678", "00000000", "####", "_password", "password_", "-password",
	"<password>", "_secret_", "<secret>", "<token>",
}

// placeholderWords rejects a value equal to one of them (case-insensitive).
var placeholderWords = []string{
	"password", "passw0rd", "passwd", "pass", "pwd", "secret", "token", "apikey",
	"api_key", "api-key", "key", "null", "nil", "none", "true", "false",
	"undefined", "empty", "string", "str", "test", "testing", "default", "value",
	"required", "optional", "hidden", "masked", "notset", "unset", "n/a", "na",
	"user", "username", "admin", "root", "guest", "demo", "foo", "bar", "baz",
	"foobar", "changeme", "secret123", "test123", "abc123", "123456", "1234",
	"12345", "1234567", "123456789", "0000", "000000", "private", "public",
	"bearer", "basic", "token123", "your-token", "your_token", "mytoken",
	"pa$$word", "p@ssw0rd", "p@ssword", "passw0rd!", "s3cr3t", "secret!",
	"supersecret", "topsecret", "secretpassword", "password!", "default_password",
}

// isPlaceholder reports values that stand in for a secret.
func isPlaceholder(v string) bool {
	if len(v) < 3 {
		return true
	}
	if repeatedRun(v) || sequential(v) || fillerRun(v) {
		return true
	}
	for _, w := range placeholderWords {
		if equalFold(v, w) {
			return true
		}
	}
	for _, p := range placeholderParts {
		if containsFold(v, p) {
			return true
		}
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
