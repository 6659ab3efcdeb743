package secrets

import (
	"context"
	"math"
	"math/rand"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

func scan(d *Detector, text string) []analysis.Finding {
	var r analysis.Report
	d.Scan(context.Background(), &analysis.Field{Path: "p", Source: "user", Text: text}, &r)
	return r.Findings
}

// Test values are assembled at run time so that this file does not look
// like a leak to other scanners.
func rep(s string, n int) string { return strings.Repeat(s, n) }

const b62 = "Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1Jd5Fs0Ga"

type tcase struct {
	name string
	text string
	typ  string // "" = expect no finding
	want string // expected span text; "" = do not check the span
}

var shared = New(Options{})

func runCases(t *testing.T, cases []tcase) {
	t.Helper()
	for _, c := range cases {
		fs := scan(shared, c.text)
		if c.typ == "" {
			if len(fs) != 0 {
				// Never print the text or span: they may hold a secret.
				t.Errorf("%s: want no finding, got %d (first type %s)", c.name, len(fs), fs[0].Type)
			}
			continue
		}
		ok := false
		for _, f := range fs {
			if f.Type != c.typ {
				continue
			}
			if f.ByteStart < 0 || f.ByteEnd > len(c.text) || f.ByteStart >= f.ByteEnd {
				t.Errorf("%s: span out of bounds [%d,%d) len %d", c.name, f.ByteStart, f.ByteEnd, len(c.text))
				continue
			}
			if c.want == "" || c.text[f.ByteStart:f.ByteEnd] == c.want {
				ok = true
			} else {
				t.Errorf("%s: %s span [%d,%d) is not the expected %d bytes", c.name, c.typ, f.ByteStart, f.ByteEnd, len(c.want))
			}
		}
		if !ok {
			var types []string
			for _, f := range fs {
				types = append(types, f.Type)
			}
			t.Errorf("%s: want %s, got types %v", c.name, c.typ, types)
		}
	}
}

func TestCloudKeys(t *testing.T) {
	akid := "AKIA" + "QYLPMN5HHHFPZAM2"
	awsSecret := "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "k2Lm9Qz4Tr"
	gkey := "AIza" + "SyD8xq7Lm3Xv7Rt2Kp9Wn4Bc6Yh1Jd5Fs0G"
	azKey := rep("Zq8Lm3Xv7Rt2Kp9W", 6)[:86] + "=="
	runCases(t, []tcase{
		{"aws key id", "aws_access_key_id = " + akid, "AWS_ACCESS_KEY_ID", akid},
		{"aws key id in prose", "my key is " + akid + ", keep it safe", "AWS_ACCESS_KEY_ID", akid},
		{"aws secret assignment", "aws_secret_access_key = " + awsSecret, "AWS_SECRET_ACCESS_KEY", awsSecret},
		{"aws example key", "AKIA" + "IOSFODNN7EXAMPLE", "", ""},
		{"aws key id too short", "AKIA" + "QYLPMN5HHHFPZA", "", ""},
		{"aws lower case", "akia" + "qylpmn5hhhfpzam2", "", ""},
		{"google api key", `GOOGLE_API_KEY="` + gkey + `"`, "GOOGLE_API_KEY", gkey},
		{"google key wrong prefix", "AIzb" + "SyD8xq7Lm3Xv7Rt2Kp9Wn4Bc6Yh1Jd5Fs0G", "", ""},
		{"azure storage", "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=" + azKey + ";EndpointSuffix=core.windows.net", "AZURE_STORAGE_ACCOUNT_KEY", azKey},
		{"azure placeholder", "AccountName=<name>;AccountKey=<key>;", "", ""},
		{"alibaba", "LTAI" + "5tQ8xLm3Xv7Rt2Kp9Wn4 ok", "ALIBABA_ACCESS_KEY_ID", "LTAI" + "5tQ8xLm3Xv7Rt2Kp9Wn4"},
		{"digitalocean", "dop_v1_" + rep("3fa9c2e8", 8), "DIGITALOCEAN_PAT", "dop_v1_" + rep("3fa9c2e8", 8)},
	})
}

func TestVCSTokens(t *testing.T) {
	ghp := "ghp_" + b62 + "Qw3E"
	gh2 := "github_pat_" + rep("11ABCDE2Fg0", 2)[:22] + "_" + rep(b62, 2)[:59]
	glpat := "glpat-" + "xQ7mN3pL9rT2vB8kW4zY"
	runCases(t, []tcase{
		{"github classic", "token: " + ghp, "GITHUB_PAT", ghp},
		{"github classic short", "ghp_" + b62[:30], "", ""},
		{"github fine grained", gh2, "GITHUB_FINE_GRAINED_PAT", gh2},
		{"github oauth", "gho_" + b62 + "Qw3E", "GITHUB_OAUTH_TOKEN", ""},
		{"github app", "ghs_" + b62 + "Qw3E", "GITHUB_APP_TOKEN", ""},
		{"gitlab pat", "export GITLAB_TOKEN=" + glpat, "GITLAB_PAT", glpat},
		{"gitlab wrong prefix", "glpet-" + "xQ7mN3pL9rT2vB8kW4zY", "", ""},
		{"bitbucket app password", "ATBB" + rep(b62, 1), "BITBUCKET_APP_PASSWORD", ""},
	})
}

func TestChatAndPaymentTokens(t *testing.T) {
	slackBot := "xoxb-" + "2913428372-1935247329541-gNq8Wt5ZrL0cVbXyHmPe3s2K"
	hook := "https://hooks.slack.com/services/T0" + "1QWPLZM/B0" + "2XKVNRT/" + "Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1"
	stripe := "sk_live_" + "51H8xq7Lm3Xv7Rt2Kp9Wn4Bc"
	tg := "5734829301:" + "AAG8xq7Lm3Xv7Rt2Kp9Wn4Bc6Yh1Jd5Fs0"
	runCases(t, []tcase{
		{"slack bot", "SLACK_BOT_TOKEN=" + slackBot, "SLACK_BOT_TOKEN", slackBot},
		{"slack placeholder", "xoxb-" + "0000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx", "", ""},
		{"slack webhook", "post to " + hook, "SLACK_WEBHOOK", ""},
		{"stripe live", `stripe.api_key = "` + stripe + `"`, "STRIPE_API_KEY", stripe},
		{"stripe publishable is public", "pk_live_" + "51H8xq7Lm3Xv7Rt2Kp9Wn4Bc", "", ""},
		{"telegram", "bot token " + tg, "TELEGRAM_BOT_TOKEN", tg},
		{"discord webhook", "https://discord.com/api/webhooks/" + "938472615093847261/" + rep(b62, 3)[:68], "DISCORD_WEBHOOK", ""},
	})
}

func TestModelProviderKeys(t *testing.T) {
	ant := "sk-ant-api03-" + rep(b62, 3)[:93] + "AA"
	proj := "sk-proj-" + rep(b62, 5)[:120]
	ds := "sk-" + "3fa9c2e81b7d4a6f9e0c5b2d8a1f7e34"
	runCases(t, []tcase{
		{"anthropic", "ANTHROPIC_API_KEY=" + ant, "ANTHROPIC_API_KEY", ant},
		{"anthropic truncated in docs", "sk-ant-api03-...", "", ""},
		{"openai project", `OPENAI_API_KEY="` + proj + `"`, "OPENAI_API_KEY", proj},
		{"deepseek", "api_key=" + ds, "DEEPSEEK_API_KEY", ds},
		{"groq", "gsk_" + rep(b62, 2)[:52], "GROQ_API_KEY", ""},
		{"replicate", "r8_" + rep(b62, 2)[:37], "REPLICATE_API_TOKEN", ""},
		{"perplexity", "pplx-" + rep(b62, 2)[:48], "PERPLEXITY_API_KEY", ""},
		{"hugging face", "hf_" + "ZqLmXvRtKpWnBcYhJdFsGaQwErTyUiOpAs", "HUGGINGFACE_TOKEN", ""},
		{"hugging face short", "hf_" + "ZqLmXvRt", "", ""},
		{"sk- in prose", "the task-based risk-free desk-top", "", ""},
	})
}

func TestRegistryAndSaaSTokens(t *testing.T) {
	npm := "npm_" + rep(b62, 2)[:36]
	runCases(t, []tcase{
		{"npm", "//registry.npmjs.org/:_authToken=" + npm, "NPM_ACCESS_TOKEN", npm},
		{"pypi", "pypi-AgEIcHlwaS5vcmc" + rep(b62, 3)[:70], "PYPI_UPLOAD_TOKEN", ""},
		{"docker hub", "dckr_pat_" + rep(b62, 1)[:27], "DOCKERHUB_TOKEN", ""},
		{"sendgrid", "SG." + rep(b62, 1)[:22] + "." + rep(b62, 2)[:43], "SENDGRID_API_TOKEN", ""},
		{"vault service", "VAULT_TOKEN=hvs." + rep(b62, 4)[:95], "VAULT_SERVICE_TOKEN", ""},
		{"linear", "lin_api_" + rep(b62, 2)[:40], "LINEAR_API_KEY", ""},
	})
}

func TestPrivateKeys(t *testing.T) {
	body := rep("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"+b62+"\n", 6)
	pem := "-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----"
	escaped := `"private_key": "-----BEGIN PRIVATE KEY-----\n` + strings.ReplaceAll(body, "\n", `\n`) + `-----END PRIVATE KEY-----\n"`
	openssh := "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "-----END OPENSSH PRIVATE KEY-----\n"
	pgp := "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + body + "=abcd\n-----END PGP PRIVATE KEY BLOCK-----"
	enc := "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + body + "-----END ENCRYPTED PRIVATE KEY-----"
	runCases(t, []tcase{
		{"rsa pem", "key:\n" + pem + "\nthanks", "PRIVATE_KEY", pem},
		{"json escaped (gcp service account)", escaped, "PRIVATE_KEY", ""},
		{"openssh", openssh, "PRIVATE_KEY", ""},
		{"pgp", pgp, "PRIVATE_KEY", ""},
		{"encrypted", enc, "PRIVATE_KEY", enc},
		{"truncated", "-----BEGIN EC PRIVATE KEY-----\n" + body, "PRIVATE_KEY", ""},
		{"placeholder body", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----", "", ""},
		{"public key", "-----BEGIN PUBLIC KEY-----\n" + body + "-----END PUBLIC KEY-----", "", ""},
		{"prose", "Never paste your private key into a chat.", "", ""},
		{"putty", "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nPublic-Lines: 2\n" + b62 + "\nPrivate-Lines: 3\n" + body + "Private-MAC: 3fa9c2e8", "PUTTY_PRIVATE_KEY", ""},
	})
}

func TestJWT(t *testing.T) {
	jwt := "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiI4ODIxMDQiLCJuYW1lIjoiUHJpeWEgTmFpciIsImlhdCI6MTcwMDAwMDAwMH0." + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	sample := "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ." + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	noAlg := "eyJ0eXAiOiJKV1QifQ." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0." + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6y"
	runCases(t, []tcase{
		{"jwt", "Authorization: Bearer " + jwt, "JWT", jwt},
		{"jwt in url", "https://x.example/cb?token=" + jwt + "&x=1", "JWT", jwt},
		{"header without alg", noAlg, "", ""},
		{"jwt.io sample", "Authorization: Bearer " + sample, "", ""},
		{"two segments", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0", "", ""},
	})
}

func TestConnectionStrings(t *testing.T) {
	runCases(t, []tcase{
		{"postgres", "DATABASE_URL=postgres://app:S3cr3tPassw0rdQ@db.internal:5432/prod", "CONNECTION_STRING_PASSWORD", "S3cr3tPassw0rdQ"},
		{"mongodb+srv", "mongodb+srv://svc:Xq7pL2mN9rT4@cluster0.abcde.mongodb.net/app", "CONNECTION_STRING_PASSWORD", "Xq7pL2mN9rT4"},
		{"redis no user", "redis://:Xq7pL2mN9rT4vB@cache:6379/0", "CONNECTION_STRING_PASSWORD", "Xq7pL2mN9rT4vB"},
		{"amqp", "amqp://guest:Xq7pL2mN9rT4@mq:5672/", "CONNECTION_STRING_PASSWORD", "Xq7pL2mN9rT4"},
		{"jdbc", "jdbc:mysql://root:Xq7pL2mN9rT4@localhost:3306/db", "CONNECTION_STRING_PASSWORD", "Xq7pL2mN9rT4"},
		{"https userinfo", "git clone https://deploy:Xq7pL2mN9rT4vB8k@git.example.com/r.git", "URL_CREDENTIALS", "Xq7pL2mN9rT4vB8k"},
		{"odbc", "Server=db;Database=app;User Id=app;Password=Xq7pL2mN9rT4;", "CONNECTION_STRING_PASSWORD", "Xq7pL2mN9rT4"},
		{"variable password", "postgres://app:${DB_PASSWORD}@db/prod", "", ""},
		// A literal password in a URL is reported however weak (policy
		// decides); only templates and masks are not.
		{"weak literal password", "postgres://user:password@localhost/db", "CONNECTION_STRING_PASSWORD", "password"},
		{"weak odbc password", "Server=host;User Id=app;Password=secret;Database=db;", "CONNECTION_STRING_PASSWORD", "secret"},
		{"odbc template", "Server=host;Uid=app;Pwd=#{datastore['DBPASSWORD']};", "", ""},
		{"masked", "postgres://user:****@localhost/db", "", ""},
		{"template", "mysql://<user>:<password>@host/db", "", ""},
		{"no password", "https://user@example.com/path", "", ""},
		{"email in url", "see https://example.com/@someone:page", "", ""},
	})
}

func TestAssignments(t *testing.T) {
	runCases(t, []tcase{
		{"env password", "DB_PASSWORD=Tr0ub4dor!3x", "PASSWORD_ASSIGNMENT", "Tr0ub4dor!3x"},
		{"yaml password", "db:\n  password: Xq7pL2mN9r\n", "PASSWORD_ASSIGNMENT", "Xq7pL2mN9r"},
		{"json password", `{"user": "svc", "password": "Xq7p-L2mN9r!"}`, "PASSWORD_ASSIGNMENT", "Xq7p-L2mN9r!"},
		{"code password", `conn = connect(host, password="Xq7pL2mN9r4")`, "PASSWORD_ASSIGNMENT", "Xq7pL2mN9r4"},
		{"xml password", "<password>Xq7pL2mN9r4</password>", "PASSWORD_ASSIGNMENT", "Xq7pL2mN9r4"},
		{"dotnet appsetting", `<add key="SmtpPassword" value="Xq7pL2mN9r4"/>`, "PASSWORD_ASSIGNMENT", "Xq7pL2mN9r4"},
		{"cli flag", "mytool --password Xq7pL2mN9r4 --verbose", "PASSWORD_ASSIGNMENT", "Xq7pL2mN9r4"},
		{"cli token flag", "mytool --api-token Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1 --verbose", "GENERIC_SECRET", "Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1"},
		{"cli other flag", "mytool --output-id Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1 --verbose", "", ""},
		{"generic api key", `api_key: "3fa9c2e81b7d4a6f9e0c5b2d8a1f7e34"`, "GENERIC_SECRET", "3fa9c2e81b7d4a6f9e0c5b2d8a1f7e34"},
		{"generic token", `const authToken = "Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1";`, "GENERIC_SECRET", "Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1"},
		{"client secret", "client_secret=Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1Jd5", "GENERIC_SECRET", "Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1Jd5"},
		{"google client secret (24)", "client_secret=Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1", "GOOGLE_OAUTH_CLIENT_SECRET", "Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1"},
		// near misses
		{"changeme", "password=changeme", "", ""},
		{"your key", `api_key: "<your-api-key>"`, "", ""},
		{"xxxx", "API_KEY=xxxxxxxxxxxxxxxxxxxx", "", ""},
		{"env ref", "password: ${DB_PASSWORD}", "", ""},
		{"shell var", "PASSWORD=$DB_PASSWORD", "", ""},
		{"stars", `"password": "********"`, "", ""},
		{"example", `secret: "example-secret-value-123"`, "", ""},
		{"dummy", "token = dummy_token_12345", "", ""},
		{"variable ref", "password = user_password", "", ""},
		{"call", "token = get_token(user)", "", ""},
		{"low entropy", `api_key = "aaaaabbbbbaaaaabbbbb"`, "", ""},
		{"public key name", `public_key: "3fa9c2e81b7d4a6f9e0c5b2d8a1f7e34"`, "", ""},
		{"token count", `"max_tokens": 4096`, "", ""},
		{"keyboard", "keyboard: Xq7pL2mN9r4Zq8", "", ""},
		{"prose", "The password must be at least 12 characters and the token expires in an hour.", "", ""},
		{"label", `"password": "Passwort"`, "", ""},
		{"version", `token_version = "1.2.3-beta4"`, "", ""},
		{"type", `token_type: "Bearer"`, "", ""},
	})
}

func TestPasswordHashes(t *testing.T) {
	bcrypt := "$2a$12$" + "R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"
	runCases(t, []tcase{
		{"bcrypt", "hash: " + bcrypt, "PASSWORD_HASH", bcrypt},
		{"bcrypt short", "$2a$12$" + "R9h/cIPz0gi", "", ""},
	})
}

func TestIdentifiers(t *testing.T) {
	arn := "arn:aws:iam::" + "938472615093:role/deploy"
	fs := scan(shared, arn)
	if len(fs) != 1 || fs[0].Type != "AWS_ARN" || fs[0].Score >= 0.5 || fs[0].Category != "identifier" {
		t.Errorf("want one low-score AWS_ARN finding of category identifier, got %d", len(fs))
	}
	if fs := scan(New(Options{NoIdentifiers: true}), arn); len(fs) != 0 {
		t.Errorf("NoIdentifiers should turn identifier rules off, got %d findings", len(fs))
	}
}

func TestOptionsRules(t *testing.T) {
	ghp := "ghp_" + b62 + "Qw3E"
	d := New(Options{Rules: []string{"GITHUB_PAT"}})
	if fs := scan(d, "DB_PASSWORD=Tr0ub4dor&3x "+ghp); len(fs) != 1 || fs[0].Type != "GITHUB_PAT" {
		t.Errorf("want only GITHUB_PAT, got %d findings", len(fs))
	}
	defer func() {
		if recover() == nil {
			t.Error("unknown rule id should panic")
		}
	}()
	New(Options{Rules: []string{"NO_SUCH_RULE"}})
}

func TestMinEntropy(t *testing.T) {
	v := `api_key = "abcdefgh12abcdefgh12"`
	strict := New(Options{MinEntropy: 4.5})
	if fs := scan(strict, v); len(fs) != 0 {
		t.Errorf("MinEntropy 4.5 should reject a low-entropy value")
	}
}

func TestGenericGivesWayToProvider(t *testing.T) {
	ghp := "ghp_" + b62 + "Qw3E"
	fs := scan(shared, `GITHUB_TOKEN="`+ghp+`"`)
	if len(fs) != 1 || fs[0].Type != "GITHUB_PAT" {
		var types []string
		for _, f := range fs {
			types = append(types, f.Type)
		}
		t.Errorf("want one GITHUB_PAT finding, got %v", types)
	}
}

func TestRuleCatalogue(t *testing.T) {
	rules := Rules()
	seen := map[string]bool{}
	provider := 0
	for _, r := range rules {
		if seen[r.ID] {
			t.Errorf("duplicate rule id %s", r.ID)
		}
		seen[r.ID] = true
		if r.ID != strings.ToUpper(r.ID) || strings.ContainsAny(r.ID, " -.") {
			t.Errorf("rule id %q is not UPPER_SNAKE", r.ID)
		}
		if r.Type == "" || r.Description == "" || r.Source == "" || r.License == "" {
			t.Errorf("rule %s lacks type, description, source or licence", r.ID)
		}
		if !r.Generic && !r.Identifier {
			provider++
		}
	}
	if provider < 150 {
		t.Errorf("want at least 150 provider formats, have %d", provider)
	}
	for _, id := range []string{"AWS_ACCESS_KEY_ID", "GITHUB_PAT", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "PRIVATE_KEY", "JWT", "CONNECTION_STRING_PASSWORD", "GENERIC_SECRET", "PASSWORD_ASSIGNMENT"} {
		if !seen[id] {
			t.Errorf("missing rule %s", id)
		}
	}
	t.Logf("%d rules, %d provider formats", len(rules), provider)
}

func TestCleanProse(t *testing.T) {
	text := mixedText(64<<10, 0, 42)
	if fs := scan(shared, text); len(fs) != 0 {
		t.Errorf("clean generated prose: %d findings (first %s)", len(fs), fs[0].Type)
	}
}

func TestMixedFindsSprinkledSecrets(t *testing.T) {
	text := mixedText(64<<10, 4<<10, 7)
	fs := scan(shared, text)
	if len(fs) < 10 {
		t.Errorf("want the sprinkled secrets found, got %d findings", len(fs))
	}
	for _, f := range fs {
		if f.ByteStart < 0 || f.ByteEnd > len(text) || f.ByteStart >= f.ByteEnd {
			t.Fatalf("span out of bounds")
		}
	}
}

func TestCleanScanDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under the race detector (sync.Pool drops items)")
	}
	text := mixedText(16<<10, 0, 9)
	f := &analysis.Field{Text: text}
	r := &analysis.Report{}
	scan(shared, text) // warm the pool
	allocs := testing.AllocsPerRun(20, func() {
		r.Findings = r.Findings[:0]
		shared.Scan(context.Background(), f, r)
	})
	if allocs > 0 {
		t.Errorf("clean scan allocates %.1f times", allocs)
	}
}

// TestPathological feeds 1 MB of repeated keyword fragments; it only has
// to finish (no timing assertion).
func TestPathological(t *testing.T) {
	frags := []string{
		"password=", "secret:", "token ", "api_key=", "://", "-----BEGIN ", "PRIVATE KEY", "eyJ",
		"ghp_", "sk-", "xoxb-", "AKIA", "key-", "pass", "Authorization: Bearer ", "$2a$", "@", ":",
	}
	for _, fr := range frags {
		text := strings.Repeat(fr, (1<<20)/len(fr))
		fs := scan(shared, text)
		for _, f := range fs {
			if f.ByteStart < 0 || f.ByteEnd > len(text) || f.ByteStart >= f.ByteEnd {
				t.Fatalf("span out of bounds")
			}
		}
	}
	mix := strings.Repeat(strings.Join(frags, ""), (1<<20)/len(strings.Join(frags, "")))
	scan(shared, mix)
}

func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var r analysis.Report
	shared.Scan(ctx, &analysis.Field{Text: mixedText(1<<20, 0, 1)}, &r) // must return
}

// TestFormatsOverPlaceholders: a value in a provider's precise format is
// reported even when it looks like a documentation stand-in (sequences,
// runs of one letter, "fake" inside); only unmistakable templates are
// A password stated in prose without quotes: the value must look like one.
func TestPasswordInProse(t *testing.T) {
	runCases(t, []tcase{
		{"my password is", "Hi, my password is SkpXz9w3QlY7Zk and I cannot log in.", "PASSWORD_ASSIGNMENT", "SkpXz9w3QlY7Zk"},
		{"was, full stop", "The old wifi password was Summer2024!.", "PASSWORD_ASSIGNMENT", "Summer2024!"},
		{"upper case", "MY PASSWORD IS Tr0ub4dor&3 PLEASE RESET", "PASSWORD_ASSIGNMENT", "Tr0ub4dor&3"},
		{"passcode", "the door passcode is Gate-2291x", "PASSWORD_ASSIGNMENT", "Gate-2291x"},
		{"quoted still once", "the password is 'Xq7pL2mN9r4'", "PASSWORD_ASSIGNMENT", "Xq7pL2mN9r4"},
		{"a sentence after is", "The password is required for 2 factor login.", "", ""},
		{"a length", "Your password is 12 characters long.", "", ""},
		{"digits only", "the passcode is 4839201", "", ""},
		{"a URL", "the password is https://vault.corp.net/item/9", "", ""},
		{"a path", `the password is C:\Users\bob2\pw.txt`, "", ""},
		{"joined words", "my password is on_the_sticky_note_2", "", ""},
		{"not a password word", "the compass is Xq7pL2mN9r4", "", ""},
		{"no is", "password reset for Xq7pL2mN9r4 done", "", ""},
		{"template", "the password is ${DB_PASSWORD_2}", "", ""},
	})
}

// not. Generic assignments keep the stricter checks.
func TestFormatsOverPlaceholders(t *testing.T) {
	uuid := "12345678-" + "ABCD-ABCD-ABCD-" + "1234567890AB"
	runCases(t, []tcase{
		{"snyk sequential uuid", `SNYK_TOKEN = "` + uuid + `"`, "SNYK_API_TOKEN", uuid},
		{"aws secret of one letter", "aws_secret_access_key: " + rep("a", 40), "AWS_SECRET_ACCESS_KEY", rep("a", 40)},
		{"aws key id sequential", "AKIA" + "DEADBEEF" + "DEADBEEF", "AWS_ACCESS_KEY_ID", ""},
		{"sonar sequential", `SONAR_LOGIN := "` + rep("12345678ABCDEF", 3)[:40] + `"`, "SONAR_API_TOKEN", ""},
		{"postgres weak password", "postgresql://user:" + "secret@localhost:5433/db", "CONNECTION_STRING_PASSWORD", "secret"},
		{"odbc weak password", "Data Source=10.0.0.1,1433;User ID=app;Password=" + "myPassword;", "CONNECTION_STRING_PASSWORD", "myPassword"},
		{"gradle literal", "credentials {\n  username 'deploy'\n  password 'SOME_PASSWORD'\n}", "PASSWORD_ASSIGNMENT", "SOME_PASSWORD"},
		{"password in prose", "The default password is 'blooberry'.", "PASSWORD_ASSIGNMENT", "blooberry"},
		{"jwt secret in yaml", "jwt:\n  secret: \"development#product\"\n", "GENERIC_SECRET", "development#product"},
		{"react app password", "REACT_APP_AUTH_PASSWORD=" + "whiteduke", "PASSWORD_ASSIGNMENT", "whiteduke"},
		// templates
		{"env template", `SNYK_TOKEN = "${SNYK_TOKEN}"`, "", ""},
		{"angle template", `SNYK_TOKEN = "<your-snyk-token>"`, "", ""},
		{"percent template", `SNYK_TOKEN = "%SNYK_TOKEN%"`, "", ""},
		{"x-ed out token", "ghp_" + rep("x", 36), "", ""},
		{"zero uuid", "InstrumentationKey=00000000-0000-0000-0000-000000000000;", "", ""},
		{"url template", "postgres://app:" + "<password>@db/prod", "", ""},
		// generic assignments stay strict
		{"generic stepped pairs", `api_key = "a1b2c3d4e5f6g7h8i9j0"`, "", ""},
		{"generic truncated provider value", `token: "xoxp-` + "1234-1234-1234-" + `4ddbc191d40ee098"`, "", ""},
		{"loose format sequence", "sk-" + "abcdefghijklmnopqrstuvwxyz123456", "", ""},
	})
}

// TestGlobalAllowByHand checks the hand-written versions of gitleaks'
// two unanchored global allowlist regexes against the regexes.
func TestGlobalAllowByHand(t *testing.T) {
	compileAll()
	hand := 0
	for _, g := range globalAllow {
		if g.hand == nil {
			continue
		}
		hand++
		h := g.hand
		if g.re.String() == globalAllowBool {
			h = boolAllowed
		}
		for _, s := range []string{"", "true", "TRUEish", "xtrue", "isfalsey", "FALSE", "nullx", "xnull", "NULL",
			"aaaa", "AaAa", "ab", "****", "....", "*.", "zzzzZ", "0000", "a", "__", "Zq8Lm3Xv7Rt2"} {
			if got, want := h(s), g.re.MatchString(s); got != want {
				t.Errorf("%s on %q: hand %v, regex %v", g.re, s, got, want)
			}
		}
	}
	if hand != 2 {
		t.Errorf("want 2 hand-checked allowlist regexes, have %d", hand)
	}
}

// TestTokMatcherAgreesWithRegexp runs every hand-compiled token matcher
// and its rule's anchored regexp at many positions of generated text and
// wants the same answer wherever the matcher is sure.
func TestTokMatcherAgreesWithRegexp(t *testing.T) {
	compileAll()
	rng := rand.New(rand.NewSource(3))
	alphabets := []string{
		"abcdef0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "abcXYZ019_-.+/=~",
		" \t\n\"'`;,<>)]}|&\\nr:@$%.!?", "é€ſK",
	}
	n, checked, matched := 0, 0, 0
	for _, r := range allRules {
		if r.tok == nil {
			continue
		}
		n++
		for trial := 0; trial < 300; trial++ {
			var b strings.Builder
			if rng.Intn(2) == 0 {
				b.WriteString(alphabets[rng.Intn(len(alphabets))][:1])
			}
			p := r.prefixes[rng.Intn(len(r.prefixes))]
			for _, c := range p {
				if c.fold && rng.Intn(2) == 0 {
					b.WriteByte(upperASCII(c.b))
				} else {
					b.WriteByte(c.b)
				}
			}
			for k := rng.Intn(4); k >= 0; k-- {
				a := alphabets[rng.Intn(len(alphabets))]
				for m := rng.Intn(160); m > 0; m-- {
					b.WriteByte(a[rng.Intn(len(a))])
				}
			}
			text := b.String()
			if trial%2 == 0 {
				// A string the pattern generates, then noise.
				var g strings.Builder
				if rng.Intn(3) == 0 {
					g.WriteByte(" x_"[rng.Intn(3)])
				}
				genRegexp(&g, r.syn, rng)
				if rng.Intn(2) == 0 {
					a := alphabets[rng.Intn(len(alphabets))]
					for m := rng.Intn(6); m > 0; m-- {
						g.WriteByte(a[rng.Intn(len(a))])
					}
				}
				text = g.String()
			}
			for ks := 0; ks < len(text) && ks < 2; ks++ {
				if !r.prefixAt(text, ks) || r.wordStart && ks > 0 && isWordByte(text[ks-1]) {
					continue // as Detector.hit
				}
				ms, me, cs, ce, ok, sure := r.tok.match(text, ks)
				if !sure {
					continue
				}
				checked++
				m := r.reAnch.FindStringSubmatchIndex(text[ks:])
				if (m != nil) != ok {
					t.Fatalf("%s at %d of %q: matcher %v, regexp %v", r.info.ID, ks, text, ok, m != nil)
				}
				if !ok {
					continue
				}
				matched++
				gs, ge := m[0], m[1]
				if len(m) >= 4 && m[2] >= 0 {
					gs, ge = m[2], m[3]
				}
				if ms != ks || cs-ks != gs || ce-ks != ge || me-ks != m[1] {
					t.Fatalf("%s at %d of %q: matcher [%d,%d) group [%d,%d), regexp %v", r.info.ID, ks, text, ms-ks, me-ks, cs-ks, ce-ks, m)
				}
			}
		}
	}
	t.Logf("%d hand-compiled rules, %d positions compared, %d matches", n, checked, matched)
	if matched < n*20 {
		t.Errorf("too few matches compared (%d for %d rules)", matched, n)
	}
}

// genRegexp writes a random string that re matches (assertions aside).
func genRegexp(b *strings.Builder, re *syntax.Regexp, rng *rand.Rand) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 && r < 0x80 && rng.Intn(2) == 0 {
				r = rune(upperASCII(byte(r)))
			}
			b.WriteRune(r)
		}
	case syntax.OpCharClass:
		var rs []rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1] && r < 0x80; r++ {
				rs = append(rs, r)
			}
		}
		if len(rs) == 0 {
			b.WriteRune(re.Rune[0])
			return
		}
		b.WriteRune(rs[rng.Intn(len(rs))])
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte("a-Z9 ."[rng.Intn(6)])
	case syntax.OpCapture:
		genRegexp(b, re.Sub[0], rng)
	case syntax.OpConcat:
		for _, s := range re.Sub {
			genRegexp(b, s, rng)
		}
	case syntax.OpAlternate:
		genRegexp(b, re.Sub[rng.Intn(len(re.Sub))], rng)
	case syntax.OpQuest:
		if rng.Intn(2) == 0 {
			genRegexp(b, re.Sub[0], rng)
		}
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		lo, hi := 0, 3
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
			if hi < 0 || hi > lo+8 {
				hi = lo + 8
			}
			if rng.Intn(4) == 0 {
				hi = re.Max
				if hi < 0 {
					hi = lo + 20
				}
			}
		}
		n := lo + rng.Intn(hi-lo+1)
		for ; n > 0; n-- {
			genRegexp(b, re.Sub[0], rng)
		}
	}
}

func TestShannon(t *testing.T) {
	for _, s := range []string{"", "a", "aaaa", "ab", "abcd", b62, rep("Zq8L", 200), rep(b62, 20)} {
		var counts [256]float64
		for i := 0; i < len(s); i++ {
			counts[s[i]]++
		}
		want := 0.0
		for _, c := range counts {
			if c > 0 {
				p := c / float64(len(s))
				want -= p * math.Log2(p)
			}
		}
		if got := shannon(s); math.Abs(got-want) > 1e-9 {
			t.Errorf("shannon(%d bytes) = %v, want %v", len(s), got, want)
		}
	}
}

func TestObviousFake(t *testing.T) {
	for s, want := range map[string]bool{
		"Zq8Lm3Xv7Rt2": false, "xxxxxx": true, "aaaaab": false, "aaaaaab": true, "abcdef": true, "12345": false,
		"123456": true, "a1b2c3d4": true, "d4c3b2a1": true, "a1b2c3": false, "x-a1b2c3d4-y": true, "9z8y7x6w": false,
		"i9j0k1l2": true, "Q7a1b2Kc3d4": false,
	} {
		if got := obviousFake(s); got != want {
			t.Errorf("obviousFake(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestKeywordClasses: every keyword is found through a rare byte, an
// operator, a line start or an alphanumeric run; none through a common
// letter (which would make every scan slower), and the trigger bytes
// together stay rare in English.
func TestKeywordClasses(t *testing.T) {
	d := New(Options{})
	counts := map[uint8]int{}
	for k, kw := range d.kws {
		counts[d.trig.class[k]]++
		if d.trig.class[k] == findFallback {
			t.Errorf("keyword %q has no rare byte, operator or other trigger", kw)
		}
	}
	freq := 0
	for c := 0; c < 128; c++ {
		if d.trig.table[c] != 0 {
			freq += englishFreqOf(byte(c))
		}
	}
	t.Logf("keywords: %d anchored, %d before operators, %d at line start, %d at run start; trigger bytes are %.1f%% of English",
		counts[findAnchor], counts[findOp], counts[findLine], counts[findRun], float64(freq)/1000)
	if freq > 8000 {
		t.Errorf("trigger bytes are %.1f%% of English text, want at most 8%%", float64(freq)/1000)
	}
}

// refScan is Scan with every keyword found by a full Aho-Corasick pass.
func refScan(d *Detector, text string) []analysis.Finding {
	m := d.full // every keyword
	st := d.pool.Get().(*scanState)
	st.active, st.found = st.active[:0], st.found[:0]
	st.lastKeyStart, st.lastKeyEnd = -1, -1
	st.lastRegionEnd = -1
	st.runEnd = 0
	st.joinEnd = 0
	st.checks = spanChecks{s: -1}
	s, i := 0, 0
	for {
		i, s = m.next(text, i, s)
		if i < 0 {
			break
		}
		for _, kw := range m.outputs(s) {
			d.hitKeyword(st, text, kw, i-int(m.patLen[kw]), i)
		}
	}
	// The run hooks (prose credentials, Discord tokens) have no keyword:
	// they run at every alphanumeric run around a digit.
	for i := 0; i < len(text); i++ {
		if isDigit(text[i]) && i >= st.runEnd {
			d.runAt(st, text, i)
		}
		if (text[i] == '-' || text[i] == '_') && i >= st.joinEnd {
			d.passphraseAt(st, text, i)
		}
	}
	for _, ri := range st.active {
		w := &st.pending[ri]
		if w.active {
			d.runRegex(st, text, int(ri), w.start, w.end)
			w.active = false
		}
	}
	var r analysis.Report
	d.report(st, &analysis.Field{Text: text}, &r)
	d.pool.Put(st)
	return r.Findings
}

// TestTriggersFindWhatAFullKeywordScanFinds compares Scan with a
// reference that finds every keyword with a full Aho-Corasick pass over
// the text (the scan before the trigger tables) and runs the run hooks at
// every digit. Mixed prose with
// secrets, code and config must give the same findings.
func TestTriggersFindWhatAFullKeywordScanFinds(t *testing.T) {
	d := New(Options{})
	code := strings.Repeat(`	cfg.Timeout = time.Duration(opts.TimeoutSeconds) * time.Second // default 30s
	if err := client.Do(ctx, req, &resp); err != nil { return fmt.Errorf("request %s: %w", req.URL, err) }
	headers := map[string]string{"Content-Type": "application/json", "X-Request-Id": id}
`, 20)
	config := "DB_PASSWORD=Tr0ub4dor!3x\nexport GITLAB_TOKEN=glpat-xQ7mN3pL9rT2vB8kW4zY\n" +
		`{"client_secret": "Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1Jd5", "api_key": "3fa9c2e81b7d4a6f9e0c5b2d8a1f7e34"}` + "\n" +
		"<add key=\"SmtpPassword\" value=\"Xq7pL2mN9r4\"/>\nmytool --password Xq7pL2mN9r4 --verbose\n" +
		"AccountName=acme;AccountKey=" + rep("Zq8Lm3Xv7Rt2Kp9W", 6)[:86] + "==;\n" +
		"jdbc:mysql://root:Xq7pL2mN9rT4@localhost:3306/db\nhttps://hooks.slack.com/services/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\n"
	texts := []string{mixedText(64<<10, 700, 21), code, config, code + config + mixedText(8<<10, 500, 22)}
	for i, s := range benchSecrets {
		texts = append(texts, "see "+s+" and "+strings.ToUpper(s[:1])+s[1:]+".")
		_ = i
	}
	for ti, text := range texts {
		var r analysis.Report
		d.Scan(context.Background(), &analysis.Field{Text: text}, &r)
		key := func(fs []analysis.Finding) map[[3]int]string {
			m := map[[3]int]string{}
			for _, f := range fs {
				m[[3]int{f.ByteStart, f.ByteEnd, len(f.Type)}] = f.Type
			}
			return m
		}
		got, want := key(r.Findings), key(refScan(d, text))
		for k, typ := range want {
			if got[k] != typ {
				t.Errorf("text %d: scan misses %s at [%d,%d)", ti, typ, k[0], k[1])
			}
		}
		for k, typ := range got {
			if want[k] != typ {
				t.Errorf("text %d: scan adds %s at [%d,%d)", ti, typ, k[0], k[1])
			}
		}
		if ti == 0 && len(want) < 20 {
			t.Errorf("mixed text: only %d findings", len(want))
		}
	}
}
