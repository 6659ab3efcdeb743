package secrets

import (
	"encoding/base64"
	"strings"
	"testing"
)

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

// Placeholders in other languages, values masked with three asterisks,
// instructions written in CJK in place of the value, and the keys that a
// provider prints in its public docs are no secrets; the same lines with
// a real-looking value still are.
func TestForeignPlaceholdersAndPublishedExamples(t *testing.T) {
	runCases(t, []tcase{
		{"french your key", "Authorization: Bearer VOTRE_CLE_API", "", ""},
		{"german your token", "API_TOKEN=DEIN_TOKEN_HIER", "", ""},
		{"three asterisks", "Server=sql01;User Id=shop;Password=***entfernt***;", "", ""},
		{"cjk instruction", "MYAPP_UPLOAD_STORE_PASSWORD=请在CI中设置", "", ""},
		{"stripe docs key", "Authorization: Bearer sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc", "", ""},
		{"real-looking password", "Server=sql01;User Id=shop;Password=Kq7#vLm2Tz;", "CONNECTION_STRING_PASSWORD", "Kq7#vLm2Tz"},
		{"stripe other key", "Authorization: Bearer sk_test_" + b62[:24], "STRIPE_API_KEY", ""},
	})
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

func TestTwilioAuthTokenPair(t *testing.T) {
	sid := "AC86116a4f9a3057" + "c061315994a3918579"
	tok := "a8f45df4f6e0c562" + "9b080d53c26a5dc1"
	runCases(t, []tcase{
		{"labelled lines", "account sid " + sid + "\nauth token " + tok, "TWILIO_AUTH_TOKEN", tok},
		{"client args", "Client(\"" + sid + "\", \"" + tok + "\")", "TWILIO_AUTH_TOKEN", tok},
		// near misses: a SID alone, zeros, a SHA-1 (40 hex) after it
		{"sid alone", "account sid " + sid + " only", "", ""},
		{"zeros", sid + " and " + rep("0", 32), "", ""},
		{"sha1 after", sid + " commit 3fa9c2e81b7d4a6f9e0c5b2d8a1f7e34a1b2c3d4", "", ""},
	})
}

func TestMoreCLIPasswords(t *testing.T) {
	pw := "Xk9mQ2v" + "Lp7"
	runCases(t, []tcase{
		{"sshpass", "sshpass -p " + pw + " ssh deploy@host", "PASSWORD_ASSIGNMENT", pw},
		{"sshpass quoted", "sshpass -p 'Xk9#mQ2" + "vLp' scp a deploy@host:", "PASSWORD_ASSIGNMENT", "Xk9#mQ2" + "vLp"},
		{"docker login -p", "docker login -u bob -p " + pw + " registry.example.com", "PASSWORD_ASSIGNMENT", pw},
		{"sqlcmd", "sqlcmd -S db01 -U sa -P " + pw + " -Q \"select 1\"", "PASSWORD_ASSIGNMENT", pw},
		{"mosquitto", "mosquitto_pub -h broker -u dev -P " + pw + " -t x -m y", "PASSWORD_ASSIGNMENT", pw},
		{"ldapsearch", "ldapsearch -x -D cn=admin,dc=example -w " + pw + " -b dc=example", "PASSWORD_ASSIGNMENT", pw},
		{"smbclient", "smbclient //srv/share -U bob%" + pw, "PASSWORD_ASSIGNMENT", pw},
		{"lftp", "lftp -u bob," + pw + " sftp://files.example.com", "PASSWORD_ASSIGNMENT", pw},
		{"net use", "net use \\\\srv\\share /user:CORP\\bob " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"xfreerdp", "xfreerdp /v:host /u:bob /p:" + pw, "PASSWORD_ASSIGNMENT", pw},
		{"openssl passout", "openssl pkcs12 -export -passout pass:" + pw + " -out a.p12", "PASSWORD_ASSIGNMENT", pw},
		{"mysqladmin", "mysqladmin -u root -p" + pw + " status", "PASSWORD_ASSIGNMENT", pw},
		// near misses: variables, templates, prompts, masks, files
		{"sshpass var", "sshpass -p $SSHPASS ssh deploy@host", "", ""},
		{"sshpass file", "sshpass -f /run/secrets/pw ssh deploy@host", "", ""},
		{"docker template", "docker login -u bob -p ${REG_PASS} registry.example.com", "", ""},
		{"sqlcmd placeholder", "sqlcmd -S db01 -U sa -P <password>", "", ""},
		{"ldap prompt", "ldapsearch -x -D cn=admin,dc=example -W -b dc=example", "", ""},
		{"smb no password", "smbclient //srv/share -U bob", "", ""},
		{"net use prompt", "net use \\\\srv\\share /user:CORP\\bob *", "", ""},
		{"openssl masked", "openssl rsa -in k.pem -passin pass:****", "", ""},
		{"openssl env", "openssl rsa -in k.pem -passin env:KEYPASS", "", ""},
		{"mosquitto changeme", "mosquitto_pub -h broker -u dev -P changeme -t x", "", ""},
		{"curl variable", "curl -u admin:$API_PASS https://api.example.com", "", ""},
		{"curl no password", "curl -u admin https://api.example.com", "", ""},
	})
}

// In a dotted key (Java properties, flattened YAML, object paths) only the
// segment with the keyword qualifies the value: "datasource" is not a
// "source" name.
func TestDottedPasswordNames(t *testing.T) {
	pw := "Lk8jH5g" + "Fd2"
	runCases(t, []tcase{
		{"spring properties", "spring.datasource.password=" + pw, "PASSWORD_ASSIGNMENT", pw},
		{"spring yaml flat", "spring.datasource.password: " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"nested", "app.mail.smtp.password=" + pw, "PASSWORD_ASSIGNMENT", pw},
		// near misses: the keyword's own segment is still read
		{"password file", "db.password_file=/run/secrets/db" + "2", "", ""},
		{"password path", "spring.datasource.password.path=/etc/pw" + "2", "", ""},
		{"template", "spring.datasource.password=${DB_PASSWORD}", "", ""},
		{"url", "spring.datasource.url=jdbc:postgresql://db:5432/app", "", ""},
	})
}

// A user and password pair after a credential word, in prose.
func TestProseUserPasswordPairs(t *testing.T) {
	pw := "Autumn" + "2025!"
	runCases(t, []tcase{
		{"login slash", "login admin / " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"creds colon", "creds are bob:" + pw, "PASSWORD_ASSIGNMENT", pw},
		{"credentials slash token", "credentials: deploy/" + pw, "PASSWORD_ASSIGNMENT", pw},
		{"login for", "login for the staging admin panel is admin / " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"german", "Zugangsdaten: admin / " + pw, "PASSWORD_ASSIGNMENT", pw},
		// near misses: no credential word, not password-shaped, templates
		{"ratio", "the ratio is bob:" + pw, "", ""},
		{"page", "login page / dashboard2", "", ""},
		{"numbers", "see account 12345 / 67890", "", ""},
		{"year", "account: billing/2024", "", ""},
		{"placeholder", "creds are admin:password123", "", ""},
		{"template", "login admin / ${ADMIN_PW}", "", ""},
	})
}

// htpasswd in batch mode, and (user, password) pairs in HTTP client code.
func TestHtpasswdAndAuthPairs(t *testing.T) {
	pw := "Zp4&wQ9" + "eRt"
	runCases(t, []tcase{
		{"htpasswd -b", "htpasswd -b /etc/nginx/.htpasswd alice " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"htpasswd -cb", "htpasswd -cb .htpasswd admin " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"htpasswd separate flags", "htpasswd -c -b -B /etc/apache2/.htpasswd bob " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"htpasswd -nb", "htpasswd -nb alice " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"requests auth", `requests.get(url, auth=("admin", "` + pw + `"))`, "PASSWORD_ASSIGNMENT", pw},
		{"session auth", `session.auth = ('api', '` + pw + `')`, "PASSWORD_ASSIGNMENT", pw},
		{"HTTPBasicAuth", `HTTPBasicAuth('user', '` + pw + `')`, "PASSWORD_ASSIGNMENT", pw},
		{"HTTPDigestAuth", `HTTPDigestAuth("user", "` + pw + `")`, "PASSWORD_ASSIGNMENT", pw},
		// near misses: prompts, variables, placeholders
		{"htpasswd prompt", "htpasswd -c .htpasswd alice", "", ""},
		{"htpasswd variable", "htpasswd -b .htpasswd alice $PASSWORD", "", ""},
		{"htpasswd -nb variable", "htpasswd -nb alice \"$PW\"", "", ""},
		{"other -b", "ls -b /tmp foo " + pw, "", ""},
		{"auth env", `auth=("admin", os.environ["PW"])`, "", ""},
		{"auth placeholder", `auth=("admin", "password")`, "", ""},
		{"auth names", `HTTPBasicAuth(user, pw)`, "", ""},
	})
}

// "pw" names a password only as a whole part of a key.
func TestPwKeyNames(t *testing.T) {
	pw := "Qx7mN3" + "pLz"
	runCases(t, []tcase{
		{"pw colon", "pw: " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"pw equals", "pw=" + pw, "PASSWORD_ASSIGNMENT", pw},
		{"DB_PW", "DB_PW=" + pw, "PASSWORD_ASSIGNMENT", pw},
		{"after user line", "user: bob\npw: " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"dotted", `smtp.pw = "` + pw + `"`, "PASSWORD_ASSIGNMENT", pw},
		// near misses: pw inside a word, numbers, booleans, templates
		{"upward", "upward_trend = " + pw, "", ""},
		{"pwm", "pwm_period=" + pw, "", ""},
		{"number", "pw: 12", "", ""},
		{"boolean", "pw: true", "", ""},
		{"template", "pw: ${PW}", "", ""},
	})
}

// Passwords of more command lines and client code.
func TestMoreCommandAndCodePasswords(t *testing.T) {
	pw := "Copper14" + "61.x"
	runCases(t, []tcase{
		{"zip -P", "zip -P '" + pw + "' -r payroll.zip payroll/", "PASSWORD_ASSIGNMENT", pw},
		{"7z -p", "7z a -p" + pw + " backup.7z data/", "PASSWORD_ASSIGNMENT", pw},
		{"ssh-keygen -N", "ssh-keygen -t ed25519 -N '" + pw + "' -f ~/.ssh/id_deploy", "PASSWORD_ASSIGNMENT", pw},
		{"rabbitmqctl", "rabbitmqctl add_user svc_sync '" + pw + "' && rabbitmqctl set_user_tags svc_sync administrator", "PASSWORD_ASSIGNMENT", pw},
		{"cqlsh", "cqlsh db-09 9042 -u cassandra -p '" + pw + "'", "PASSWORD_ASSIGNMENT", pw},
		{"ftp user line", "ftp -n host <<EOF\nuser jenkins " + pw + "\nbinary\nEOF", "PASSWORD_ASSIGNMENT", pw},
		{"sasl_passwd", "[smtp.example.io]:587 jonas@example.nl:" + pw, "PASSWORD_ASSIGNMENT", pw},
		{"CURLOPT_USERPWD", `curl_setopt($ch, CURLOPT_USERPWD, "wkim:` + pw + `");`, "PASSWORD_ASSIGNMENT", pw},
		{"ruby basic_auth", "req.basic_auth 'svc-backup', '" + pw + "'", "PASSWORD_ASSIGNMENT", pw},
		// near misses
		{"ssh-keygen empty", "ssh-keygen -t ed25519 -N '' -f ~/.ssh/id", "", ""},
		{"zip no password", "zip -r payroll.zip payroll/", "", ""},
		{"user line words", "user alice deleted\nuser bob created", "", ""},
		{"bracket text", `ADD:(USER)=[DM] ADD:(USER CLASS)=[DUNGEON MASTER!]`, "", ""},
		{"sasl template", "[smtp.example.io]:587 user@example.nl:${SMTP_PASSWORD}", "", ""},
		{"curl template", "curl --user neo4j:[PASSWORD] http://[IP]:7474/db/data/", "", ""},
		{"basic_auth vars", "req.basic_auth user, password", "", ""},
	})
}

// Public keys and documentation samples are not secrets.
func TestPublicKeysAndSamples(t *testing.T) {
	pub := "Say1x93aVbh7uByyzlJRohKum" + "dDDAAKMJRGnhHQ3L4Y="
	runCases(t, []tcase{
		{"wireguard public key", "interface: wg0\n  public key: " + pub + "\n  private key: (hidden)", "", ""},
		{"publishable key", "publishable key = " + pub, "", ""},
		{"stripe lower-case example", "new Stripe('sk_live_" + "exampleexampleabcdexampl')", "", ""},
		{"jwt.io sample assigned", `token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.` + `eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"`, "", ""},
		// still secrets: a key that is not public
		{"private key line", "private key: " + pub, "GENERIC_SECRET", pub},
	})
}

// Key/value pair objects (Postman collections and environments).
func TestKeyValuePairSecrets(t *testing.T) {
	tok := "XHQGLifPC80FYgBwlRa3" + "l3iLi1sg86DLWDOLX9BG"
	runCases(t, []tcase{
		{"postman bearer", `{ "key": "token", "value": "` + tok + `", "type": "string" }`, "GENERIC_SECRET", tok},
		{"postman env password", `{"key": "adminPassword", "value": "Tr0ub4dor&` + `3x", "enabled": true}`, "PASSWORD_ASSIGNMENT", "Tr0ub4dor&3x"},
		// near misses: other keys, variables, placeholders
		{"base url", `{ "key": "baseUrl", "value": "https://api.example.com/v2" }`, "", ""},
		{"variable", `{ "key": "token", "value": "{{token}}" }`, "", ""},
		{"placeholder", `{ "key": "apiKey", "value": "your-api-key" }`, "", ""},
	})
}

// Mapbox public tokens are identifiers (public by design), secret ones
// credentials.
func TestMapboxPublicTokens(t *testing.T) {
	pk := "pk.eyJ1IjoieXNtaXRoIiwiYSI6Ino2MTk4dDZjb3U4OGtvMXd5NWM4ZWxnaDIifQ." + "7Yt8s3015Su01NVTs81Ig2"
	sk := "sk.eyJ1IjoieXNtaXRoIiwiYSI6Ino2MTk4dDZjb3U4OGtvMXd5NWM4ZWxnaDIifQ." + "7Yt8s3015Su01NVTs81Ig2"
	runCases(t, []tcase{
		{"public in code", "mapboxgl.accessToken = '" + pk + "';", "MAPBOX_PUBLIC_TOKEN", pk},
		{"public in env", "VITE_MAPBOX_TOKEN=" + pk, "MAPBOX_PUBLIC_TOKEN", pk},
		{"secret", "MAPBOX_SECRET=" + sk, "MAPBOX_SECRET_TOKEN", sk},
	})
	for _, f := range scan(shared, "VITE_MAPBOX_TOKEN="+pk) {
		if f.Category != categoryIdentifier {
			t.Errorf("public token reported as %s (%s), want an identifier", f.Category, f.Type)
		}
	}
}

// Stripe publishable keys are meant for browsers: not secrets, whatever
// name they are assigned to.
func TestStripePublishableKeys(t *testing.T) {
	body := "51Hx8KlM2nP4qR6sT8uV0wX2y" + "Z4aB6cD8eF0gH2jK4lM"
	runCases(t, []tcase{
		{"publishableKey", "publishableKey: pk_test_" + body, "", ""},
		{"stripe_key pk", `stripe_key = "pk_live_` + body + `"`, "", ""},
		{"stripe_key sk", `stripe_key = "sk_live_` + body + `"`, "STRIPE_API_KEY", "sk_live_" + body},
	})
}

// Passwords as arguments in more command lines, SQL, PowerShell, JDBC,
// PHP, Terraform, piped into stdin, and named in Chinese, Japanese or
// Korean.
func TestPasswordArgumentsAndCJK(t *testing.T) {
	pw := "Kq7!mZ2" + "xRv"
	runCases(t, []tcase{
		{"az login", "az login -u admin@corp.example -p " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"net user", "net user svc_backup " + pw + " /add", "PASSWORD_ASSIGNMENT", pw},
		{"securestring", "$pw = ConvertTo-SecureString \"" + pw + "\" -AsPlainText -Force", "PASSWORD_ASSIGNMENT", pw},
		{"identified by", "ALTER USER 'root'@'localhost' IDENTIFIED BY '" + pw + "';", "PASSWORD_ASSIGNMENT", pw},
		{"jdbc", "conn = DriverManager.getConnection(url, \"app\", \"" + pw + "\");", "PASSWORD_ASSIGNMENT", pw},
		{"pdo", "$pdo = new PDO('mysql:host=db;dbname=shop', 'app', '" + pw + "');", "PASSWORD_ASSIGNMENT", pw},
		{"mysqli_connect", "$c = mysqli_connect('db', 'app', '" + pw + "', 'shop');", "PASSWORD_ASSIGNMENT", pw},
		{"terraform default", "variable \"db_password\" {\n  type    = string\n  default = \"" + pw + "\"\n}", "PASSWORD_ASSIGNMENT", pw},
		{"sudo -S", "echo '" + pw + "' | sudo -S apt update", "PASSWORD_ASSIGNMENT", pw},
		{"password-stdin", "echo " + pw + " | docker login -u ci --password-stdin", "PASSWORD_ASSIGNMENT", pw},
		{"chpasswd", "RUN echo 'root:" + pw + "' | chpasswd", "PASSWORD_ASSIGNMENT", pw},
		{"sqlplus", "sqlplus system/" + pw + "@ORCL", "PASSWORD_ASSIGNMENT", pw},
		{"chinese", "用户名 admin 密码 " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"japanese", "ユーザー名: admin パスワード：" + pw, "PASSWORD_ASSIGNMENT", pw},
		// near misses
		{"net user prompt", "net user svc_backup * /add", "", ""},
		{"securestring variable", "ConvertTo-SecureString $env:PW -AsPlainText -Force", "", ""},
		{"identified by variable", "IDENTIFIED BY '${DB_PW}'", "", ""},
		{"echo variable", "echo $PASSWORD | docker login -u ci --password-stdin", "", ""},
		{"terraform no default", "variable \"db_password\" {\n  sensitive = true\n}", "", ""},
		{"terraform other name", "variable \"region\" {\n  default = \"eu-west-1\"\n}", "", ""},
		{"chinese prose", "请重置密码后再登录", "", ""},
		{"japanese words", "パスワードを忘れた場合はリセットしてください", "", ""},
	})
}

// .pgpass lines, Wi-Fi pre-shared keys and network device configurations.
func TestPgpassWifiAndDeviceConfigs(t *testing.T) {
	pw := "Kq7!mZ2" + "xRv"
	runCases(t, []tcase{
		{"pgpass", "db.internal:5432:orders:app:" + pw, "PASSWORD_ASSIGNMENT", pw},
		{"pgpass wildcards", "*:*:*:replicator:" + pw, "PASSWORD_ASSIGNMENT", pw},
		{"wpa psk", "network={\n  ssid=\"CorpWiFi\"\n  psk=\"" + pw + "\"\n}", "PASSWORD_ASSIGNMENT", pw},
		{"enable secret", "enable secret " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"username password 0", "username admin privilege 15 password 0 " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"snmp community", "snmp-server community " + pw + " RO", "PASSWORD_ASSIGNMENT", pw},
		// near misses: hashes, defaults, times, other psk words
		{"enable secret hash", "enable secret 5 $1$abcd$xyz", "", ""},
		{"snmp default", "snmp-server community public RO", "", ""},
		{"clock", "time: 12:30:45:99:ok", "", ""},
		{"pskill", "pskill_timeout=" + pw, "", ""},
	})
}

// Passwords in DSNs, login calls, placeholder defaults, Helm flags,
// session cookies, Wi-Fi keys next to their network, names followed by a
// colon in other languages, passphrases after a colon, and run-together
// passphrases in YAML (the general3 development round).
func TestGeneral3Round(t *testing.T) {
	pw := "Kq7!mZ2" + "xRv"
	cookie := "dieHln4NuwMhcIrK" + "8fK3KBUjUaFYvBpY"
	runCases(t, []tcase{
		{"go mysql dsn", `dsn := "svc-etl:` + pw + `@tcp(db.internal:3306)/billing"`, "PASSWORD_ASSIGNMENT", pw},
		{"smtplib login", `    s.login("b.santos@corp.example", "` + pw + `")`, "PASSWORD_ASSIGNMENT", pw},
		{"pdo dsn variable", `$pdo = new PDO($dsn, 'jenkins', '` + pw + `', [`, "PASSWORD_ASSIGNMENT", pw},
		{"spring default", `@Value("${smtp.password:BiscuitZephyrCactus}")`, "PASSWORD_ASSIGNMENT", "BiscuitZephyrCactus"},
		{"shell default", `export X=${DB_PASSWORD:-` + pw + `}`, "PASSWORD_ASSIGNMENT", pw},
		{"helm set", "helm upgrade pg bitnami/postgresql --set auth.password=walrus_cobalt_saturn", "PASSWORD_ASSIGNMENT", "walrus_cobalt_saturn"},
		{"jsessionid", `{"name": "Cookie", "value": "JSESSIONID=` + cookie + `; theme=dark"}`, "SESSION_COOKIE", cookie},
		{"django session", "Cookie: sessionid=" + cookie + "; theme=dark", "SESSION_COOKIE", cookie},
		{"wifi schluessel", "SSID acme-guest, Schlüssel: HarborLanternTundraSparrow", "PASSWORD_ASSIGNMENT", "HarborLanternTundraSparrow"},
		{"wlan-schluessel", "WLAN-Schlüssel: " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"wifi key", "Guest Wi-Fi: CorpGuest, key: " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"kennwort colon", "Kennwort: Kq7mZ2xRvq", "PASSWORD_ASSIGNMENT", "Kq7mZ2xRvq"},
		{"passphrase after colon", "Contraseña provisional: walrus_saturn_granite_quartz?", "PASSWORD_ASSIGNMENT", "walrus_saturn_granite_quartz"},
		{"passphrase after french colon", "mot de passe : tundra_sparrow_juniper", "PASSWORD_ASSIGNMENT", "tundra_sparrow_juniper"},
		{"italian reset colon", "La password dell'utenza jenkins è stata reimpostata: tundra_sparrow_juniper_saturn", "PASSWORD_ASSIGNMENT", "tundra_sparrow_juniper_saturn"},
		{"it's after comma", "the shared mailbox got a new password, it's Orbitmeadow932%.", "PASSWORD_ASSIGNMENT", "Orbitmeadow932%"},
		{"yaml camel passphrase", "  password: HarborLanternTundraSparrow", "PASSWORD_ASSIGNMENT", "HarborLanternTundraSparrow"},
		// near misses
		{"dsn template", `dsn := "app:${DB_PASS}@tcp(db:3306)/x"`, "", ""},
		{"login variables", `s.login(user, password)`, "", ""},
		{"spring no default", `@Value("${smtp.password}")`, "", ""},
		{"spring default template", `@Value("${smtp.password:${OTHER}}")`, "", ""},
		{"helm set other key", "helm install x --set replicaCount=3", "", ""},
		{"session placeholder", "Cookie: sessionid=<your-session-id>", "", ""},
		{"session short", "sessionid=abc123", "", ""},
		{"wifi no network word", "Schlüssel: HarborLanternTundraSparrow", "", ""},
		{"wifi security type", "SSID: CorpNet, key: WPA2-Personal", "", ""},
		{"it's a time", "it's 5 pm, it's Orbitmeadow932 time", "", ""},
		{"it's policy", "the password policy, it's 12 characters minimum", "", ""},
		{"yaml type name", "  password: PasswordFieldValue", "", ""},
		{"yaml class name", "  password: DefaultAzureCredential", "", ""},
		{"dummy in url", "redact('postgres://app:hunter2-dummy@db/app')", "", ""},
	})
}

// A token rule translated from gitleaks ends its token at a quote, a space
// or JSON/markdown punctuation; in prose it also ends at a full stop or
// colon before a space and at CJK text, but not inside a dotted name, and
// the rule's (?i) must not let s and k in as "non-ASCII" (folds of ſ, K).
func TestTokenEndsInProse(t *testing.T) {
	hf := "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"
	runCases(t, []tcase{
		{"full stop", "Hugging Face token: " + hf + ". How do I log in?", "HUGGINGFACE_TOKEN", hf},
		{"question mark at end", "is this " + hf + "?", "HUGGINGFACE_TOKEN", hf},
		{"colon", "hf token " + hf + ": read only", "HUGGINGFACE_TOKEN", hf},
		{"cjk comma", "令牌是" + hf + "，请帮我看看", "HUGGINGFACE_TOKEN", hf},
		{"russian", "токен: " + hf + ". Как", "HUGGINGFACE_TOKEN", hf},
		// near misses
		{"dotted name", hf + ".example.com", "", ""},
		{"dot then letter", hf + ".x", "", ""},
		{"fold of long s", "void GLC_StateBeginUnderwaterAliasModelCaustics(texture_ref base)", "", ""},
	})
}

// Credentials laid out in lines (lines.go) and bare key names before a
// token (prose.go): written for the general4 development round.
func TestGeneral4Lines(t *testing.T) {
	pw := "Vq3#nL8pXe"
	tok := "Rk8vQ2mZ7xLp4sTw9yBn3cDf"
	runCases(t, []tcase{
		{"french abbreviation", "Accès au NAS : https://nas.local\nCompte : admin\nMDP : " + pw + "\n", "PASSWORD_ASSIGNMENT", pw},
		{"label with qualifier", "Zugang zum Drucker:\n• Passwort Admin-Konto: " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"polish label", "serwer LDAP: ldap://ldap.local\nhasło bind: " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"arrow after a phrase", "password for the shared stock photo account → harbor.lantern.731", "PASSWORD_ASSIGNMENT", "harbor.lantern.731"},
		{"italian key label", "Chiave precondivisa: 7yT+qW2%mZ9x", "PASSWORD_ASSIGNMENT", "7yT+qW2%mZ9x"},
		{"bare name alone on a line", "WIFI Lager_Gast\nPW tundra-quartz-maple37\nsee you", "PASSWORD_ASSIGNMENT", "tundra-quartz-maple37"},
		{"portuguese direct", "use o utilizador 'ops' e a palavra-passe " + pw + " para entrar", "PASSWORD_ASSIGNMENT", pw},
		{"turkish direct", "sunucu şifresi " + pw + " olarak değişti", "PASSWORD_ASSIGNMENT", pw},
		{"label line above", "Reset password\nTemporary password\n" + pw + "   Copy\nClose", "PASSWORD_ASSIGNMENT", pw},
		{"chat answer", "Ana 10:01\nwhat's the password for the shared Miro board?\nBen 10:03\n" + pw + "\nAna 10:03\nthanks", "PASSWORD_ASSIGNMENT", pw},
		{"speaker answer", "Lea: come si chiama la password del router?\nMarco: " + pw + "\n", "PASSWORD_ASSIGNMENT", pw},
		{"short answer with link", "[09:00] Ana: ¿cuál es la contraseña del portal?\n[09:02] Luis: la nueva es " + pw + "\n", "PASSWORD_ASSIGNMENT", pw},
		{"dash answer", "— E a senha do wifi?\n— " + pw + "\n", "PASSWORD_ASSIGNMENT", pw},
		{"client secret bare", "client secret " + tok + ". What's wrong?", "GENERIC_SECRET", tok},
		{"access token bare", "our access token " + tok + " expired", "GENERIC_SECRET", tok},
		{"relative clause", "the printer login is admin and the password we set is " + pw + ". How", "PASSWORD_ASSIGNMENT", pw},
		{"german qualifier before ist", "Das neue Kennwort laut Mail ist " + pw + ", aber", "PASSWORD_ASSIGNMENT", pw},
		{"snmp community", "SNMP community on the core switches is " + tok + " (v2c)", "GENERIC_SECRET", tok},
		{"dutch changed to", "het wachtwoord van de inbox is gewijzigd naar " + pw + ". Wil je", "PASSWORD_ASSIGNMENT", pw},
		{"value then name", "maple-quartz-heron58 ← that's the new guest Wi-Fi key", "PASSWORD_ASSIGNMENT", "maple-quartz-heron58"},
		{"email pair after login dashes", "Shared Canva login -- design@corp.example -- " + pw + " -- no 2FA", "PASSWORD_ASSIGNMENT", pw},
		{"user label pair in brackets", "log into Vimeo (user: video@corp.example / " + pw + ") and", "PASSWORD_ASSIGNMENT", pw},
		{"login pair in brackets", "the MDM admin login (mdm@corp.example / " + pw + ") says disabled", "PASSWORD_ASSIGNMENT", pw},
		{"dollar password", "het wachtwoord is gewijzigd naar $Molen20W87. Wil je", "PASSWORD_ASSIGNMENT", "$Molen20W87"},
		{"tbd inside a random token", "client_secret: Zz9Qw3Er5Ty7Ui9OpITbd8Kq7mZ2x", "GENERIC_SECRET", "Zz9Qw3Er5Ty7Ui9OpITbd8Kq7mZ2x"},
		// near misses
		{"password then words at line start", "password 2FA-Enabled accounts", "", ""},
		{"label with sentence before", "We changed it. The key: " + pw, "", ""},
		{"key label weak value", "Security key: WPA2-Personal", "", ""},
		{"public key bare", "public key " + tok + " is on the site", "", ""},
		{"project token", "Mixpanel project token 37c804e9a5bbc71c55f799ae9523eac7 is public", "", ""},
		{"device token", "device token d70af6d0ac04354a4d97d2677bff17d7ba98d8fa from the log", "", ""},
		{"answer without question", "Ana 10:01\nmeeting moved\nBen 10:03\n" + pw + "\n", "", ""},
		{"question not about a password", "Ana: what's the order number?\nBen: " + pw + "\n", "", ""},
		{"label line above a word", "New password\nrequired\n", "", ""},
		{"tbd alone", "password: TBD", "", ""},
		{"dollar variable in prose", "the password is $DB_PASS2 from the vault", "", ""},
		{"dollar all caps", "the password is $HOME2 today", "", ""},
		{"policy is", "The password policy is 12chars+ now", "", ""},
		{"key fingerprint", "ED25519 key fingerprint is SHA256:eQ5yKdN9EnV+sZGDFnnMb1cOBTMDEYk5bklxhpTN2pc.", "", ""},
		{"send to", "send the password to Alice" + "2024!x", "", ""},
		{"user count pair", "the user count / 2024Q1-report", "", ""},
		{"value then unrelated", "maple-quartz-heron58 - see the ticket", "", ""},
	})
}

// Passwords in pasted tables (tables.go).
func TestPasswordTables(t *testing.T) {
	pw := "Vq3#nL8pXe"
	runCases(t, []tcase{
		{"csv", "site,username,password,notes\nwiki,ana.b," + pw + ",admin\n", "PASSWORD_ASSIGNMENT", pw},
		{"csv later row", "site,username,password\nwiki,ana,x\nshop,ben,harbor.thunder.532\n", "PASSWORD_ASSIGNMENT", "harbor.thunder.532"},
		{"tsv last column", "Room\tDevice\tUser\tPassword\nLobby\tCamera\tadmin\t" + pw + "\n", "PASSWORD_ASSIGNMENT", pw},
		{"markdown", "| Tool | Login | Password |\n|---|---|---|\n| Miro | ops@corp.example | " + pw + " |\n", "PASSWORD_ASSIGNMENT", pw},
		{"header in german", "Dienst;x\nSystem,Benutzer,Passwort\nNAS,admin," + pw + "\n", "PASSWORD_ASSIGNMENT", pw},
		// near misses
		{"other column", "site,username,password\nwiki,ana.b2024x,\n", "", ""},
		{"no password header", "name,version,sha\nfoo,1.2.3,ab12cd34ef\n", "", ""},
		{"password policy column", "system,password policy\nvpn,min12chars\n", "", ""},
		{"masked", "site,password\nwiki,********\n", "", ""},
		{"yes no", "site,password set\nwiki,yes\n", "", ""},
		{"blank line ends the table", "site,user,password\n\nwiki,ana," + pw + "\n", "", ""},
	})
}

// Client keys that are public by design are identifiers (public.go).
func TestPublicByDesign(t *testing.T) {
	jwt := func(role string) string {
		enc := func(s string) string { return strings.TrimRight(base64.URLEncoding.EncodeToString([]byte(s)), "=") }
		return enc(`{"alg":"HS256","typ":"JWT"}`) + "." + enc(`{"iss":"supabase","ref":"abcdefghijklmnopqrst","role":"`+role+`","iat":1700000000}`) + ".Xk3vB8qLm2nR7tY9wZ4cD6fH1jK5pS0aE8gU3iO7yQw"
	}
	anon, service := jwt("anon"), jwt("service_role")
	key := "AIzaSyB3xK9vQ2mZ7pL4wN8cR1tY6uH0jD5fG2s"
	runCases(t, []tcase{
		{"supabase anon in code", "createClient('https://x.supabase.co', '" + anon + "')", "SUPABASE_ANON_KEY", anon},
		{"supabase anon in env", "SUPABASE_ANON_KEY=" + anon, "SUPABASE_ANON_KEY", anon},
		{"firebase web config", "const firebaseConfig = {\n  apiKey: \"" + key + "\",\n  authDomain: \"demo.firebaseapp.com\",\n};", "FIREBASE_WEB_API_KEY", key},
		// near misses: still credentials
		{"supabase service role", "SUPABASE_SERVICE_ROLE_KEY=" + service, "JWT", service},
		{"google key elsewhere", "Gemini key: " + key + " for the backend", "GOOGLE_API_KEY", key},
	})
}
