package secrets

import "testing"

// Forms from the misses and false positives on the general9 set, once
// its blind read was done (its rows are not copied here).
func TestGeneral9Forms(t *testing.T) {
	pw := "Quill" + "-Harbor58"
	runCases(t, []tcase{
		// files and terminals
		{"notion ntn", "token ntn_xPNZ2SWpu7ecE8wAafVw6DxHt04da2AJEjx" + "eMqnEGYbjI8 returns 401", "NOTION_API_TOKEN", "ntn_xPNZ2SWpu7ecE8wAafVw6DxHt04da2AJEjxeMqnEGYbjI8"},
		{"filezilla base64", "<User>upload</User>\n<Pass encoding=\"base64\">OSNRbW95SWtWK3ZX" + "I1o2I0NncGQ=</Pass>", "PASSWORD_ASSIGNMENT", "OSNRbW95SWtWK3ZXI1o2I0NncGQ="},
		{"redis acl", "user default off\nuser worker on >" + pw + " ~jobs:* +@list", "PASSWORD_ASSIGNMENT", pw},
		{"piped docker secret", "printf '%s' '" + pw + "' | docker secret create pg_pass -", "PASSWORD_ASSIGNMENT", pw},
		{"piped variable", `echo "$PG_PASS" | docker secret create pg -`, "", ""},
		{"keepass xml", "<String><Key>Password</Key><Value ProtectInMemory=\"True\">" + pw + "</Value></String>", "PASSWORD_ASSIGNMENT", pw},
		{"java key store", "javax.net.ssl.keyStorePassword=tanuki" + "68_", "PASSWORD_ASSIGNMENT", "tanuki68_"},
		{"aligned listing", "Name                     Value\n----                     -----\ndb_host                  pg.internal\ndb_password              " + pw + "\n", "PASSWORD_ASSIGNMENT", pw},
		{"aligned policy", "password_policy          min12chars\n", "", ""},
		{"quoted csv cell", "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\"\n\"Root\",\"NAS\",\"admin\",\"" + pw + "\",\"https://nas\"", "PASSWORD_ASSIGNMENT", pw},
		{"words joined with a number", "Senha temporária: caju-sol-nuvem-milho-" + "34\n\nAo entrar", "PASSWORD_ASSIGNMENT", "caju-sol-nuvem-milho-34"},
		{"arabic label", "• كلمة المرور: " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"backup codes in polish", "a poniżej kody zapasowe do 2FA (gdyby telefon był już oddany):\n\n  61a6f-a4292   383e8-eeaf0\n", "MFA_BACKUP_CODE", ""},
		{"backup codes in japanese", "・2段階認証のバックアップコード（1つにつき1回）\n  1. 9242 7368\n  2. 5982 0465\n", "MFA_BACKUP_CODE", ""},
		{"puk", "entonces pide el PUK, que es 15542929 (lo tienes en la tarjeta)", "PIN", "15542929"},
		{"hungarian gate code", "A kapu kódja 28733, utána nyomjátok meg", "PIN", "28733"},
		// look-alikes
		{"password word in a url", "export DATABASE_URL=\"postgres://uzytkownik:HASLO@localhost:5432/sklep\"", "", ""},
		{"change me in ukrainian", `db_password          = "змініть-мене"`, "", ""},
		{"netrc prompt", "machine nexus.example.nl\n  login <gebruikersnaam>\n  password <token uit Nexus>\n", "", ""},
		{"hash column list", "INSERT INTO `customers` (`id`, `email`, `password_hash`, `created_at`) VALUES", "", ""},
		{"variable name", "passwordVariable: 'PGPASSWORD')]) {", "", ""},
		{"signing key id", "user.signingkey=263524133C67B5A2", "", ""},
		{"facebook client token", "<key>FacebookClientToken</key>\n<string>ea81ef08ac016131f63b6dfce123c87c</string>", "", ""},
		{"scram stored key", "storedKey: 'tKDi4ompq//IXpbIXDQYANrItpKokTcAX+Xg84le6Vk=',", "", ""},
	})
}
