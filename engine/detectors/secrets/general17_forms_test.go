package secrets

import "testing"

// Forms of the sixth round, written from how people write them; the
// values are made up.
func TestGeneral17Forms(t *testing.T) {
	runCases(t, []tcase{
		// OpenVPN auth-user-pass files
		{"ovpn auth.txt", "Put this in auth.txt for auth-user-pass:\nvpnuser\nTr0ub4dor&3x\n", "PASSWORD_ASSIGNMENT", "Tr0ub4dor&3x"},
		{"ovpn fenced", "My credentials file (/etc/openvpn/auth.txt):\n```\njdoe@corp.example\nWinter#2031vpn\n```\nbut it still fails", "PASSWORD_ASSIGNMENT", "Winter#2031vpn"},
		{"ovpn cat", "auth-user-pass /etc/openvpn/login.conf\n$ cat /etc/openvpn/login.conf\nmarta\nk9Lp2qXz\n", "PASSWORD_ASSIGNMENT", "k9Lp2qXz"},
		{"ovpn creds crlf", "my creds.txt for the VPN:\r\nj.smith\r\nHarb0ur!Lights\r\n", "PASSWORD_ASSIGNMENT", "Harb0ur!Lights"},
		{"ovpn german", "Inhalt der Datei zugang/creds.txt:\n\nmmueller\nSommer2031!\n\nDanach openvpn neu starten.", "PASSWORD_ASSIGNMENT", "Sommer2031!"},
		{"ovpn login.txt code list", "login.txt\nmain.go\nREADME.md\n", "", ""},
		{"ovpn config directives", "auth-user-pass auth.txt\nauth-nocache\npersist-key\npersist-tun\n", "", ""},
		{"ovpn config two directives", "auth-user-pass auth.txt\npersist-key\npersist-tun\n", "", ""},
		{"ovpn placeholder", "auth.txt:\nyour_username\n<your_password>\n", "", ""},
		{"ovpn prose after", "Create auth.txt with two lines:\nusername\npassword\n", "", ""},
		{"ovpn three lines", "auth.txt contains:\nuser1\nPassw0rd1\nextra3line\n", "", ""},

		// maps of users to passwords
		{"users json", `config.json: {"users": {"admin": "S3cr3t!x", "viewer": "hunter22"}}`, "PASSWORD_ASSIGNMENT", "S3cr3t!x"},
		{"orthanc registered users", `"RegisteredUsers": {"alice": "p@ssW0rd99"}`, "PASSWORD_ASSIGNMENT", "p@ssW0rd99"},
		{"basic auth users yaml block", "basic_auth_users:\n  admin: Qw3rty!xyz\n", "PASSWORD_ASSIGNMENT", "Qw3rty!xyz"},
		{"basic auth users flow", "basic_auth_users: {prom: Gr4fana-Pass}", "PASSWORD_ASSIGNMENT", "Gr4fana-Pass"},
		{"python logins dict", `LOGINS = {"ops": "Blu3Sky#77"}`, "PASSWORD_ASSIGNMENT", "Blu3Sky#77"},
		{"users json second", `{"users": {"admin": "admin", "viewer": "v1ewOnly#4"}}`, "PASSWORD_ASSIGNMENT", "v1ewOnly#4"},
		{"users yaml block second", "basic_auth_users:\n  admin: admin\n  ops: Op5-Team!\n", "PASSWORD_ASSIGNMENT", "Op5-Team!"},
		{"users json multiline", "{\n  \"logins\": {\n    \"root\": \"t0Or!Pass\"\n  }\n}", "PASSWORD_ASSIGNMENT", "t0Or!Pass"},
		{"users to roles", `"users": {"alice": "admin", "bob": "viewer"}`, "", ""},
		{"users to upper roles", `"users": {"alice": "ROLE_ADMIN", "bob": "ROLE_USER"}`, "", ""},
		{"users to emails", `"users": {"alice": "alice@example.com"}`, "", ""},
		{"users to ids", `"users": {"alice": "1042", "bob": "7f3c9a2e-1b4d-4c8e-9f00-3a2b1c0d9e8f"}`, "", ""},
		{"users to arns", `users: {deploy: role:admin7}`, "", ""},
		{"users yaml nested", "users:\n  alice:\n    role: admin\n", "", ""},
		{"users yaml list", "users:\n  - name: alice\n    uid: 1001\n", "", ""},
		{"users to booleans", `"users": {"alice": true}`, "", ""},
		{"credentials field map", "credentials: {type: ServiceAccount, name: Deploy2}", "", ""},
		{"credentials yaml fields", "credentials:\n  provider: AzureAD\n", "", ""},
		{"users count map", `{"users": {"count": "1200", "limit": "5000"}}`, "", ""},
		{"users to display names", `"users": {"jdoe": "Johnathan", "mlee": "Mary"}`, "", ""},
		{"ruby users hash", `USERS = { "deploy" => "x" }`, "", ""},
		{"php logins array", `$logins = {"root": "Sup3r$ecret"}`, "PASSWORD_ASSIGNMENT", "Sup3r$ecret"},
		{"users truncated 1", "users:", "", ""},
		{"users truncated 2", "users: {", "", ""},
		{"users truncated 3", "users:\n", "", ""},
		{"users truncated 4", "users:\n  ", "", ""},
		{"users truncated 5", `users: {"a"`, "", ""},
		{"users truncated 6", "users: {a: ", "", ""},
		{"users truncated 7", "users:\r", "", ""},
		{"users truncated 8", "users:\n  a:", "", ""},
		{"users truncated 9", `users = {"a": "Zz9!`, "", ""},
		{"users key no space", "users: {a:Zz9!kk}", "", ""},
		{"users deeper block", "users:\n  alice:\n    password: \n", "", ""},
		{"python users objects", `users = {"alice": UserRecord(role="admin"), "bob": UserRecord(role="ops")}`, "", ""},
		{"js users expressions", `const users = {alice: makeUser1, bob: getUser("Bob")}`, "", ""},
		{"users placeholder", `"users": {"admin": "${ADMIN_PASSWORD}"}`, "", ""},

		// secrets passed to SDK clients
		{"lazop client", `client = LazopClient(url, "34567812", "Hx8sKq0dPzLm3vRt9YwE")`, "PASSWORD_ASSIGNMENT", "Hx8sKq0dPzLm3vRt9YwE"},
		{"csharp new client", `var c = new Client("user", "P@ssw0rd!");`, "PASSWORD_ASSIGNMENT", "P@ssw0rd!"},
		{"python ftp", `ftp = FTP("ftp.example.com", "bob", "s3cretPass7")`, "PASSWORD_ASSIGNMENT", "s3cretPass7"},
		{"python ftp tls", `ftps = FTP_TLS('files.example.org', 'uploader', 'Upl0ad#Key')`, "PASSWORD_ASSIGNMENT", "Upl0ad#Key"},
		{"go new client", `c := sdk.NewClient("AKID8842", "Tz9vQw2mLp4xRk7s")`, "PASSWORD_ASSIGNMENT", "Tz9vQw2mLp4xRk7s"},
		{"php client single quotes", `$c = new ApiClient($endpoint, 'merchant42', 'Mx7#kLq2pR');`, "PASSWORD_ASSIGNMENT", "Mx7#kLq2pR"},
		{"java client args", `FtpClient client = new FtpClient("backup.example.net", "backup", "B4ckup!2031");`, "PASSWORD_ASSIGNMENT", "B4ckup!2031"},
		{"client user agent", `HttpClient("https://api.example.com", "agent", "MyApp/1.0.3")`, "", ""},
		{"client snapshot version", `new Client("my-app", "1.2.3-SNAPSHOT")`, "", ""},
		{"client time zone", `new Client("en_US", "Europe/Berlin")`, "", ""},
		{"client spaced words", `new Client("user", "Hello World 2")`, "", ""},
		{"client host and port", `new Client("localhost", "8080")`, "", ""},
		{"client host names", `RedisClient("cache", "redis-01.internal")`, "", ""},
		{"client version", `HttpClient("api", "v2.10.3-beta")`, "", ""},
		{"client greeting", `new Client("Hello", "World!")`, "", ""},
		{"client env vars", `LazopClient(url, appkey, appSecret)`, "", ""},
		{"client template", `new Client("user", "${CLIENT_SECRET}")`, "", ""},
		{"client placeholder", `FTP("host", "user", "your_password")`, "", ""},

		// Kubernetes static token files
		{"k8s tokens csv", "tokens.csv for --token-auth-file:\n31ada4fd-adec-460c-809a-9e56ceb75269,admin,1000,\"system:masters,dev\"\n", "KUBERNETES_STATIC_TOKEN", "31ada4fd-adec-460c-809a-9e56ceb75269"},
		{"k8s known tokens", "cat /srv/kubernetes/known_tokens.csv\nZk3vP9qLm2xW8rT5yN1b,kubelet,kubelet-1\n", "KUBERNETES_STATIC_TOKEN", "Zk3vP9qLm2xW8rT5yN1b"},
		{"k8s token file flag", "kube-apiserver --token-auth-file=/etc/k8s/tokens.csv\n\n  a3f91c07be5d42e8906c1f7b,deployer,2001\n", "KUBERNETES_STATIC_TOKEN", "a3f91c07be5d42e8906c1f7b"},
		{"k8s tokens two rows", "known_tokens.csv:\nZk3vP9qLm2xW8rT5yN1b,kubelet,kubelet-1\nQ2w9Ex7Rt4Yu1Io8Pa5s,scheduler,sched-1,\"system:kube-scheduler\"\n", "KUBERNETES_STATIC_TOKEN", ""},
		{"k8s tokens header only", "tokens.csv has the columns:\ntoken,user,uid,groups\n", "", ""},
		{"k8s tokens placeholder", "tokens.csv:\n<token>,admin,1000\n", "", ""},
		{"k8s tokens fake", "tokens.csv:\nxxxxxxxxxxxxxxxxxxxxxxxx,admin,1000\n", "", ""},
		{"tokens csv other data", "tokens.csv is a word list:\nhello,world,again\n", "", ""},

		// Confluence and Jira wiki tables
		{"wiki table spaced", "|| User || Password ||\n| admin | S3cr3t!9 |\n", "PASSWORD_ASSIGNMENT", "S3cr3t!9"},
		{"wiki table tight", "||User||Password||\n|admin|S3cr3t!9|\n|deploy|Dpl#2024xy|\n", "PASSWORD_ASSIGNMENT", ""},
		{"wiki table more columns", "h2. Test accounts\n|| Username || Password || Notes ||\n| qa_lead | Qa!Lead77 | staging only |\n", "PASSWORD_ASSIGNMENT", "Qa!Lead77"},
		{"wiki table stand-in", "|| User || Password ||\n| admin | <ask Bob> |\n", "", ""},
		{"wiki table in vault", "|| User || Password ||\n| admin | (in vault) |\n", "", ""},
		{"wiki table no password column", "|| Host || Version ||\n| db-01.lan | 14.2-r3 |\n", "", ""},
	})
}
