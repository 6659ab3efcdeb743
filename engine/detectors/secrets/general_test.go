package secrets

import "testing"

// Rules added after scoring the hand-written general sets
// (testdata/general): each with near misses.

func TestRawPasswordInURL(t *testing.T) {
	runCases(t, []tcase{
		{"hash in password", "engine = create_engine(\"postgres://app:Autumn" + "2026#@db.internal:5432/orders\")", "CONNECTION_STRING_PASSWORD", "Autumn" + "2026#"},
		{"hash mid password", "url=mysql://deploy:Q7#xL" + "2p9Vm@orders-db.eu-west-1.rds.amazonaws.com:3306/shop", "CONNECTION_STRING_PASSWORD", "Q7#xL" + "2p9Vm"},
		{"question mark", "redis://:Xq7pL?2mN9" + "rT4@cache:6379/0", "CONNECTION_STRING_PASSWORD", "Xq7pL?2mN9" + "rT4"},
		// near misses: a port before the path, a fragment with an @, no colon
		{"port then path at", "see http://localhost:3000/#/users/@maria for details", "", ""},
		{"fragment at", "https://docs.example.com/guide#contact@support", "", ""},
		{"path at", "https://medium.com/@someone/post-123", "", ""},
		{"template after hash", "postgres://app:${PW}#@db/x", "", ""},
	})
}

func TestDocExampleKeys(t *testing.T) {
	runCases(t, []tcase{
		{"aws example secret", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY", "", ""},
		{"aws example id", "aws_access_key_id = AKIAIOSFODNN7" + "EXAMPLE", "", ""},
		{"example after prefix", "STRIPE_SECRET_KEY=sk_test_" + "EXAMPLEKEY1234567890abcd", "", ""},
		// near misses: real-shaped keys, and EXAMPLE inside a token or a domain
		{"aws real-shaped", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "Zq8Lm3Xv7R", "AWS_SECRET_ACCESS_KEY", ""},
		{"stripe real-shaped", "STRIPE_SECRET_KEY=sk_live_" + b62[:24], "STRIPE_API_KEY", ""},
	})
	for _, c := range []struct {
		v    string
		want bool
	}{
		{"AKIAIOSFODNN7" + "EXAMPLE", true},
		{"abcEXAMPLE" + "KEY==", true},
		{"ghp_" + "EXAMPLE0000", true},
		{"00DE0X0A0M0PeLE!AQcAQH0dMH" + "EXAMPLEzmpkb58", false}, // mid-token
		{"LDAP://" + "EXAMPLE.COM", false},
		{"user@" + "EXAMPLE.COM", false},
		{"EXAMPLES_DIR", false},
		{"Zq8Lm3Xv7Rt2Kp9Wn4Bc", false},
	} {
		if got := docExample(c.v); got != c.want {
			t.Errorf("docExample(%q) = %v, want %v", c.v, got, c.want)
		}
	}
}

func TestAdminPasswordName(t *testing.T) {
	runCases(t, []tcase{
		{"admin pass", "ADMIN_PASS='fujdl-jeojxr-" + "408!'", "PASSWORD_ASSIGNMENT", "fujdl-jeojxr-" + "408!"},
		{"sysadmin password", "sysadmin_password: \"Tr0ub4dor&" + "x9\"", "PASSWORD_ASSIGNMENT", "Tr0ub4dor&" + "x9"},
		// near misses: min/max bounds stay negative, admin or not
		{"admin min length", "ADMIN_PASSWORD_MIN_LENGTH=12", "", ""},
		{"password min", "password_min: 8", "", ""},
		{"admin pass max age", "admin_pass_max_age=90d", "", ""},
	})
}

func TestSentryOrgToken(t *testing.T) {
	payload := "eyJpYXQiOjE3Mzk4NzE5ODcsInVybCI6Imh0dHBzOi8vc2VudHJ5LmlvIiwib3JnIjoiYWNtZSJ9"
	secret := b62 + "Xy_-" + b62[:7]
	runCases(t, []tcase{
		{"no region_url, urlsafe secret", "SENTRY_AUTH_TOKEN=sntrys_" + payload + "_" + secret, "SENTRY_ORG_TOKEN", "sntrys_" + payload + "_" + secret},
		{"in prose", "new token: sntrys_" + payload + "_" + secret + " (rotated)", "SENTRY_ORG_TOKEN", ""},
		// near misses: short secret part, no JSON payload, prefix alone
		{"short secret", "sntrys_" + payload + "_" + b62[:20], "", ""},
		{"not json", "sntrys_abc" + b62 + "_" + secret, "", ""},
		{"prefix in prose", "Sentry org tokens start with sntrys_ and user tokens with sntryu_.", "", ""},
	})
}

func TestCLIPasswordFlags(t *testing.T) {
	runCases(t, []tcase{
		{"docker login", "docker login registry.example.com -u deploy --password Xk9#mQ2v" + "Lp", "PASSWORD_ASSIGNMENT", "Xk9#mQ2v" + "Lp"},
		{"helm quoted", "helm repo add internal https://charts.example.com --username ci --password 'T7!pwZ3q" + "R9'", "PASSWORD_ASSIGNMENT", "T7!pwZ3q" + "R9"},
		{"equals", "wget --http-password=Rv8!kq2W" + "zm https://files.example.com/a.zip", "PASSWORD_ASSIGNMENT", "Rv8!kq2W" + "zm"},
		{"httpie", "http -a bob:hunter2" + "xQ GET https://api.example.com", "PASSWORD_ASSIGNMENT", "hunter2" + "xQ"},
		// near misses: stdin, a variable, a placeholder, prose about the flag
		{"stdin", "echo $TOKEN | docker login --password-stdin registry.example.com", "", ""},
		{"variable", "mytool --password $DB_PASS", "", ""},
		{"placeholder", "mytool --password <your-password>", "", ""},
		{"prose", "Use --password to set the admin password.", "", ""},
		{"url not httpie", "see https://example.com -a flag docs", "", ""},
	})
}
