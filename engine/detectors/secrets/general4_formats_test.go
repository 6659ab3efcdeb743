package secrets

import (
	"strings"
	"testing"
)

// Formats added in the general4 round, each with near misses.

func TestBitLockerRecoveryKey(t *testing.T) {
	key := "162657-439516-471152-078925-" + "588676-654940-264099-413996"
	runCases(t, []tcase{
		{"english", "BitLocker recovery key for Priya's laptop: " + key + ".", "BITLOCKER_RECOVERY_KEY", key},
		{"recovery password", "Recovery password:\n    " + key + "\n", "BITLOCKER_RECOVERY_KEY", key},
		{"german", "BitLocker-Wiederherstellungsschlüssel für das Notebook: " + key, "BITLOCKER_RECOVERY_KEY", key},
		{"german without bitlocker", "Wiederherstellungsschlüssel: " + key, "BITLOCKER_RECOVERY_KEY", key},
		{"french", "Clé de récupération : " + key, "BITLOCKER_RECOVERY_KEY", key},
		{"spanish", "la clave de recuperación es " + key + ", guárdala", "BITLOCKER_RECOVERY_KEY", key},
		// near misses: a group not divisible by 11, a group above 720885,
		// no context, seven or nine groups, zeros
		{"not divisible", "BitLocker recovery key: 162657-439516-471152-078925-588676-654940-264099-" + "413997", "", ""},
		{"group too large", "BitLocker recovery key: 162657-439516-471152-078925-588676-654940-264099-" + "720896", "", ""},
		{"no context", "order reference " + key + " shipped", "", ""},
		{"seven groups", "BitLocker recovery key: 162657-439516-471152-078925-588676-654940-" + "264099", "", ""},
		{"nine groups", "BitLocker recovery key: " + key + "-" + "264099", "", ""},
		{"zeros", "BitLocker recovery key: " + strings.Repeat("000000-", 7) + "000000", "", ""},
	})
}

func TestHubSpotPrivateAppToken(t *testing.T) {
	tok := "pat-eu1-" + "b0c51c84-e3cd-43e1-9e4f-315a9f107afb"
	na := "pat-na1-" + "91fcccbc-3740-4d08-9d10-e31c947d8db1"
	runCases(t, []tcase{
		{"prose", "access token " + tok + ". Zapier", "HUBSPOT_PRIVATE_APP_TOKEN", tok},
		{"env", "HUBSPOT_ACCESS_TOKEN=" + na, "HUBSPOT_PRIVATE_APP_TOKEN", na},
		{"bearer", `'Authorization': 'Bearer ` + na + `'`, "HUBSPOT_PRIVATE_APP_TOKEN", na},
		// near misses: an unknown region, a short id, a masked example
		{"other region", "pat-xx9-" + "b0c51c84-e3cd-43e1-9e4f-315a9f107afb", "", ""},
		{"short", "token pat-na1-" + "b0c51c84-e3cd-43e1", "", ""},
		{"masked", "token pat-na1-" + "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", "", ""},
	})
}

func TestOpenVPNStaticKey(t *testing.T) {
	hex := "3fa9c2e81b7d4a6f9e0c5b2d8a1f7e34c61d0b9a7e2f4c8d5a3b6e9f1c0d2a47"
	var body strings.Builder
	for i := 0; i < 16; i++ {
		body.WriteString(hex[i*2%32:i*2%32+32] + "\n")
	}
	block := "-----BEGIN OpenVPN Static key V1-----\n" + body.String() + "-----END OpenVPN Static key V1-----"
	cert := "<ca>\n-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ" + rep(b62, 3) + "\n-----END CERTIFICATE-----\n</ca>\n"
	runCases(t, []tcase{
		{"tls-auth inline", "client\nremote vpn.example.net 1194\n" + cert + "key-direction 1\n<tls-auth>\n#\n# 2048 bit OpenVPN static key\n#\n" + block + "\n</tls-auth>\n", "PRIVATE_KEY", block},
		{"static key file", block + "\n", "PRIVATE_KEY", block},
		// near misses: the certificate alone, a header without a body
		{"certificate only", "client\n" + cert, "", ""},
		{"header only", "paste the -----BEGIN OpenVPN Static key V1----- block here", "", ""},
	})
}

func TestAppleAppSpecificPassword(t *testing.T) {
	pw := "awpb-tnlf-" + "fivr-lvzq"
	runCases(t, []tcase{
		{"prose", "Apple ID marta.lin@nordlicht-versand.example, app-specific password " + pw + ". Which", "APPLE_APP_SPECIFIC_PASSWORD", pw},
		{"fastlane", "FASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD=" + pw, "APPLE_APP_SPECIFIC_PASSWORD", pw},
		{"german", "Das app-spezifische Passwort für Thunderbird ist " + pw, "APPLE_APP_SPECIFIC_PASSWORD", pw},
		{"spaces and colon", "App specific password: " + pw, "APPLE_APP_SPECIFIC_PASSWORD", pw},
		// near misses: no wording, too far, templates, upper case, five groups
		{"no wording", "the words " + pw + " again", "", ""},
		{"too far", "app-specific password" + strings.Repeat(" and more words", 8) + " " + pw, "", ""},
		{"template", "app-specific password xxxx-xxxx-xxxx-xxxx", "", ""},
		{"alphabet", "app-specific password abcd-efgh-" + "ijkl-mnop", "", ""},
		{"upper case", "app-specific password AWPB-TNLF-" + "FIVR-LVZQ", "", ""},
		{"five groups", "app-specific password " + pw + "-abcd", "", ""},
	})
}

func TestBasicAuthEncodedInCode(t *testing.T) {
	pw := "MDJU#^ejUK" + "%0"
	runCases(t, []tcase{
		{"btoa single", "Authorization: 'Basic ' + btoa('shopfront:" + pw + "')", "PASSWORD_ASSIGNMENT", pw},
		{"btoa double", `headers.Authorization = "Basic " + btoa("svc-sync:` + pw + `");`, "PASSWORD_ASSIGNMENT", pw},
		{"btoa backtick", "const auth = btoa(`api:" + pw + "`);", "PASSWORD_ASSIGNMENT", pw},
		{"python b64encode", `token = base64.b64encode(b"jenkins:` + pw + `").decode()`, "PASSWORD_ASSIGNMENT", pw},
		{"python str encode", `base64.b64encode("jenkins:` + pw + `".encode("utf-8"))`, "PASSWORD_ASSIGNMENT", pw},
		{"node buffer", "const h = 'Basic ' + Buffer.from('ci-bot:" + pw + "').toString('base64');", "PASSWORD_ASSIGNMENT", pw},
		{"java", `String enc = Base64.getEncoder().encodeToString("admin:` + pw + `".getBytes());`, "PASSWORD_ASSIGNMENT", pw},
		{"csharp", `var b = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:` + pw + `"));`, "PASSWORD_ASSIGNMENT", pw},
		// near misses: variables, templates, stand-ins, no base64
		{"concatenation", "btoa(user + ':' + pass)", "", ""},
		{"template", "btoa('${user}:${pass}')", "", ""},
		{"template literal", "btoa(`${user}:${pass}`)", "", ""},
		{"f-string", `base64.b64encode(f"{user}:{password}".encode())`, "", ""},
		{"stand-in", "btoa('user:password')", "", ""},
		{"short", "btoa('user:abc')", "", ""},
		{"buffer not base64", "const k = Buffer.from('ns:" + pw + "');", "", ""},
	})
}

func TestMFABackupCodes(t *testing.T) {
	google := "Backup codes for the shared IT admin Google account (printed, for the safe):\n1. 9311 6058   2. 1067 8298\n3. 4193 " + "0234"
	github := "Recovery codes:\n" + "ab12c-3de45\n" + "e91fd-07b3c\n"
	wantSpans(t, "google", google, "MFA_BACKUP_CODE", "9311 6058", "1067 8298", "4193 "+"0234")
	wantSpans(t, "github", github, "MFA_BACKUP_CODE", "ab12c-3de45", "e91fd-07b3c")
	runCases(t, []tcase{
		{"github file", "cat github-recovery-codes.txt\n" + "ab12c-3de45", "MFA_BACKUP_CODE", "ab12c-3de45"},
		{"unspaced", "2FA backup code: " + "48213094", "MFA_BACKUP_CODE", "48213094"},
		{"german", "Sicherungscodes für das Konto: 7302 " + "9184", "MFA_BACKUP_CODE", "7302 9184"},
		{"french", "Codes de secours : 4821 " + "3094", "MFA_BACKUP_CODE", "4821 3094"},
		{"spanish", "Códigos de respaldo: 7302 " + "9184", "MFA_BACKUP_CODE", "7302 9184"},
		// near misses: no codes, no wording, card-like groups, sequences,
		// words without digits
		{"no codes", "backup codes are in the vault", "", ""},
		{"order number", "Order 9311 6058 shipped", "", ""},
		{"card groups", "backup codes: see 4193 0234 9311 " + "6058 on file", "", ""},
		{"sequence", "backup codes: 1234 5678", "", ""},
		{"words", "recovery codes: store-their-paper copies", "", ""},
	})
}

// wantSpans checks that text has a finding of type typ at each of spans
// (in order of occurrence) and no other finding.
func wantSpans(t *testing.T, name, text, typ string, spans ...string) {
	t.Helper()
	fs := scan(shared, text)
	got := map[[2]int]string{}
	for _, f := range fs {
		got[[2]int{f.ByteStart, f.ByteEnd}] = f.Type
	}
	off := 0
	for _, s := range spans {
		i := strings.Index(text[off:], s)
		if i < 0 {
			t.Fatalf("%s: span not in text", name)
		}
		k := [2]int{off + i, off + i + len(s)}
		if got[k] != typ {
			t.Errorf("%s: no %s at [%d,%d)", name, typ, k[0], k[1])
		}
		off = k[1]
	}
	if len(fs) != len(spans) {
		t.Errorf("%s: %d findings, want %d", name, len(fs), len(spans))
	}
}

func TestPlistSecrets(t *testing.T) {
	key := "75a6e1e53d90e97a" + "62f91f189dee0de7"
	pw := "Tr0ub4dor&" + "3xQ"
	runCases(t, []tcase{
		{"algolia key", "<key>AlgoliaAPIKey</key>\n<string>" + key + "</string>", "GENERIC_SECRET", key},
		{"indented", "\t<key>STRIPE_SECRET</key>\n\t<string>" + b62 + "</string>", "GENERIC_SECRET", b62},
		{"password", "<key>DatabasePassword</key><string>" + pw + "</string>", "PASSWORD_ASSIGNMENT", pw},
		// near misses: ids, other keys, build variables, words
		{"app id", "<key>AlgoliaAppID</key><string>30I0ZJ8KZE</string>", "", ""},
		{"bundle id", "<key>CFBundleIdentifier</key>\n<string>com.nordlicht.shop</string>", "", ""},
		{"build variable", "<key>API_KEY</key>\n<string>$(API_KEY)</string>", "", ""},
		{"client id", "<key>CLIENT_ID</key><string>" + key + "</string>", "", ""},
		{"not a string", "<key>NSAppTransportSecurity</key>\n<dict>", "", ""},
		{"public key name", "<key>PublicKey</key><string>" + key + "</string>", "", ""},
	})
}

func TestSDKClientKeys(t *testing.T) {
	k := "oYzb9B7BdgyaX7kwolKp" + "XNUOBF9mXZVK5g0iDHIX"
	hex := "a8f45df4f6e0c562" + "9b080d53c26a5dc1"
	runCases(t, []tcase{
		{"cohere v2", `co = cohere.ClientV2("` + k + `")`, "COHERE_API_TOKEN", k},
		{"cohere v1", `co = cohere.Client('` + k + `')`, "COHERE_API_TOKEN", k},
		{"groq", `client = Groq("` + k + `")`, "GROQ_API_KEY", k},
		{"mistral", `client = Mistral("` + k + `")`, "MISTRAL_API_KEY", k},
		{"together", `client = Together("` + k + `")`, "TOGETHER_API_KEY", k},
		{"replicate", `rc = replicate.Client(api_token="` + k + `")`, "REPLICATE_API_TOKEN", k},
		{"pinecone", `pc = Pinecone("` + k + `")`, "PINECONE_API_KEY", k},
		{"anthropic positional", `client = Anthropic("` + k + `")`, "ANTHROPIC_API_KEY", k},
		{"openai positional", `client = OpenAI("` + k + `")`, "OPENAI_API_KEY", k},
		{"algolia", `const client = algoliasearch("30I0ZJ8KZE", "` + hex + `");`, "ALGOLIA_API_KEY", hex},
		{"twilio python", `client = Client(account_sid, "` + hex + `")`, "TWILIO_AUTH_TOKEN", hex},
		{"twilio node", `const client = require('twilio')(accountSid, '` + hex + `');`, "TWILIO_AUTH_TOKEN", hex},
		// near misses: variables, environment, placeholders, search-only
		// keys, other clients
		{"cohere environ", `co = cohere.ClientV2(os.environ["CO_API_KEY"])`, "", ""},
		{"cohere variable", `co = cohere.Client(api_key)`, "", ""},
		{"cohere placeholder", `co = cohere.Client("your-api-key-goes-here-1234")`, "", ""},
		{"algolia search only", `const search = algoliasearch("30I0ZJ8KZE", "` + hex + `"); // search-only key`, "", ""},
		{"other client", `c = Client(base_url, "` + hex + `")`, "", ""},
		{"words", `client = Groq("this_is_not_a_real_key_at_all")`, "", ""},
	})
}

func TestAzureStorageKeyHadoop(t *testing.T) {
	key := rep("Zq8Lm3Xv7Rt2Kp9W", 6)[:86] + "=="
	runCases(t, []tcase{
		{"spark conf", `spark.conf.set("fs.azure.account.key.mystorageacct.dfs.core.windows.net", "` + key + `")`, "AZURE_STORAGE_ACCOUNT_KEY", key},
		{"core-site", "<property>\n  <name>fs.azure.account.key.logs01.blob.core.windows.net</name>\n  <value>" + key + "</value>\n</property>", "AZURE_STORAGE_ACCOUNT_KEY", key},
		{"spark-defaults", "spark.hadoop.fs.azure.account.key.logs01.dfs.core.windows.net " + key, "AZURE_STORAGE_ACCOUNT_KEY", key},
		// near misses: secret scopes, short values
		{"secret scope", `spark.conf.set("fs.azure.account.key.acct.dfs.core.windows.net", dbutils.secrets.get(scope="kv", key="storage"))`, "", ""},
		{"template", `spark.conf.set("fs.azure.account.key.acct.dfs.core.windows.net", "{{secrets/kv/storage}}")`, "", ""},
		{"short", `spark.conf.set("fs.azure.account.key.acct.dfs.core.windows.net", "abc123")`, "", ""},
	})
}

// Function calls assigned to secret names, and public client keys.
func TestGeneral4FalsePositives(t *testing.T) {
	site := "6LdJn83YBKiimBp_3g1j" + "oxGdrN-ZRONwZbGHAAtm"
	rc := "appl_9CWxU83TC5WTrL" + "GCnTM5b5ZnovN"
	pw := "Xk9#mQ2v" + "Lp"
	runCases(t, []tcase{
		{"getpass", "password=getpass.getpass('Snowflake password: ')", "", ""},
		{"getenv", `token=os.getenv("X")`, "", ""},
		{"get_secret", `secret=get_secret("x")`, "", ""},
		{"call no args", "DB_PASSWORD=read_password()", "", ""},
		{"revenuecat swift", `Purchases.configure(withAPIKey: "` + rc + `")`, "", ""},
		{"revenuecat google", `apiKey: "goog_` + "XhQGLifPC80FYgBwlRa3l3iL" + `"`, "", ""},
		{"recaptcha widget", `<div class="g-recaptcha" data-sitekey="` + site + `"></div>`, "", ""},
		{"recaptcha site key env", `RECAPTCHA_SITE_KEY="` + site + `"`, "", ""},
		{"turnstile sitekey", `turnstile.render('#w', { sitekey: '` + site + `' })`, "", ""},
		{"siteKey", "siteKey: '" + site + "'", "", ""},
		// still secrets
		{"recaptcha secret", `RECAPTCHA_SECRET="` + site + `"`, "GENERIC_SECRET", site},
		{"recaptcha secret key", `recaptcha_secret_key = "` + site + `"`, "GENERIC_SECRET", site},
		{"secretkey", `"secretkey": "` + site + `"`, "GENERIC_SECRET", site},
		{"literal password", "password=" + pw, "PASSWORD_ASSIGNMENT", pw},
		{"password with bracket", "password=" + pw + "(9", "PASSWORD_ASSIGNMENT", pw + "(9"},
	})
}
