package secrets

import "testing"

// Forms from the misses on the general10 set, once its blind read was
// done (its rows are not copied here).
func TestGeneral10Forms(t *testing.T) {
	pw := "Thistle" + "-4821"
	runCases(t, []tcase{
		// network device configurations
		{"fortios psk", "config vpn ipsec phase1-interface\n    edit \"hq\"\n        set psksecret " + pw + "\n    next\nend", "PASSWORD_ASSIGNMENT", pw},
		{"fortios encrypted", "        set password ENC SH2abcdef0123456789\n", "", ""},
		{"junos plaintext", "set system login user ops authentication plaintext-password " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"junos snmp", "set snmp community " + pw + " authorization read-only", "PASSWORD_ASSIGNMENT", pw},
		{"junos snmp public", "set snmp community public authorization read-only", "", ""},
		{"cisco tacacs key", "tacacs server ISE\n address ipv4 10.0.0.5\n key 0 " + pw + "\n timeout 5", "PASSWORD_ASSIGNMENT", pw},
		// calls and tools
		{"lua redis auth", `local ok, err = red:auth("` + pw + `")`, "PASSWORD_ASSIGNMENT", pw},
		{"auth with a variable", `client.auth(process.env.REDIS_PASS)`, "", ""},
		{"mosquitto", "mosquitto_pub -h mqtt.example.pl -p 8883 \\\n  -u sensor01 -P " + pw + " \\\n  -t farm/temp", "PASSWORD_ASSIGNMENT", pw},
		{"perl dbi", "my $dbh = DBI->connect(\"dbi:Pg:dbname=inv\", 'report', '" + pw + "', { RaiseError => 1 });", "PASSWORD_ASSIGNMENT", pw},
		{"refresh token name", "QBO_REFRESH_TOKEN=AB113802735093955XQHVCLfCm9cFd83" + "NaPlPRLNGGdJFNDbXY", "GENERIC_SECRET", "AB113802735093955XQHVCLfCm9cFd83NaPlPRLNGGdJFNDbXY"},
		{"secret reference name", "DB_PASSWORD_REF=prod/db/password7x", "", ""},
		// formats
		{"contentful", `"Authorization": "Bearer CFPAT-LuDBvLjdKgSjzKpHElQueO50j8WB` + `Lp_TZ2IjyOQUMNH"`, "CONTENTFUL_PAT", ""},
		{"mercado pago", `setAccessToken("APP_USR-1605528213755476-560690-d0685fb01a98dc4ac60757dbcd69e2f1-12` + `34567")`, "MERCADOPAGO_ACCESS_TOKEN", ""},
		{"ifttt", "https://maker.ifttt.com/trigger/lamp_on/with/key/kwhUdzqAXdvDR" + "UQjmtKTVZ?value1=80", "IFTTT_WEBHOOK_KEY", "kwhUdzqAXdvDRUQjmtKTVZ"},
		{"wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=dabad06d-f1dd-4aa0-97bf-" + "d3fa6bb39ee6", "WECOM_WEBHOOK_KEY", ""},
		{"logic app sig", "https://prod-12.westeurope.logic.azure.com:443/workflows/096d77f7/triggers/manual/paths/invoke?api-version=2016-06-01&sv=1.0&sig=NzDGlCe9BlnYqULuxtMYN_qotcsakm" + "WkMJc3gDtYIzr", "LOGIC_APP_TRIGGER_SIG", ""},
		{"consul gossip", `encrypt    = "x0LESM88W+K+ww7l2cZ/tvoSNGMrGt` + `aZ5TC0qFkufXs="`, "CONSUL_GOSSIP_KEY", ""},
		{"intercom", "token: dG9rOmYzMjczODllLTVjZjMtNDVlMy1hYmExLTQ4ZjU2ZGMw" + "ZDg3NDoxOjA=", "INTERCOM_ACCESS_TOKEN", ""},
		{"keytab", "data:\n  krb5.keytab: BQIAAABqAAIAEkNPUlAuS0VTVFJFTC5MT0NBTAAESFRUUAAbaW50cmFuZXQu" + "aW50cmFuZXQ=", "KERBEROS_KEYTAB_BASE64", ""},
		{"erlang cookie", "root@mq01:~# cat /var/lib/rabbitmq/.erlang.cookie\nSDGFPIFTYPLF" + "XPWFQYYR\nroot@mq01:~#", "ERLANG_COOKIE", "SDGFPIFTYPLFXPWFQYYR"},
		// tables, labels and lists
		{"passphrase in a password column", "Service,URL,Username,Password,Owner\nCanva,https://www.canva.com,team@example.com,maple_lantern_sunshine_granite,Marketing", "PASSWORD_ASSIGNMENT", "maple_lantern_sunshine_granite"},
		{"wifi key column", "Branch\tSSID\tWPA2 key\tPrinter\nLeeds\tHWL-Staff\t" + pw + "\tHP M479", "PASSWORD_ASSIGNMENT", pw},
		{"passphrase after a label", "> Senha do Wi-Fi: willow-amizade-cachorro\n> Painel: http://192.168.0.1", "PASSWORD_ASSIGNMENT", "willow-amizade-cachorro"},
		{"label about a policy", "Password policy: state-of-the-art\n", "", ""},
		{"codes without wording", "Can you lay them out?\n\n7ed79-fa0d7\n33b49-32ec2\n996dd-0ef59\na9942-0bc62\nd16ca-ccce3\n", "MFA_BACKUP_CODE", ""},
		{"numbered codes", "КОДИ\n1. 3399 5194\n2. 4080 0939\n3. 4332 4300\n4. 3110 5858\n5. 4695 8762\n", "MFA_BACKUP_CODE", ""},
		{"a list of order numbers", "Orders\n12345678\n23456781\n34567812\n45678123\n56781234\n", "", ""},
		{"two codes", "7ed79-fa0d7\n33b49-32ec2\n", "", ""},
		// PINs
		{"digits-only password", "Refund: enter amount → supervisor password 470456 → present card", "PIN", "470456"},
		{"key box code", "Der Schlüssel ist in der Schlüsselbox neben der Haustür, Code 3284.", "PIN", "3284"},
		{"korean door lock", "402호 도어락 비밀번호는 906926 입니다", "PIN", "906926"},
		{"password length", "password must have 12 characters", "", ""},
		{"password policy year", "password policy 2024", "", ""},
	})
}

// Passwords in SQL INSERT rows, by the column list or the CREATE TABLE
// before them; hashes in a password column are not passwords.
func TestSQLInsertPasswords(t *testing.T) {
	pw := "Saffron" + "1989_"
	runCases(t, []tcase{
		{"column list", "INSERT INTO users (id, email, password) VALUES (1, 'a@example.com', '" + pw + "'), (2, 'b@example.com', 'Maple2021=');", "PASSWORD_ASSIGNMENT", ""},
		{"quoted columns", "INSERT INTO `staff` (`id`,`login`,`pass`) VALUES (1,'admin','" + pw + "');", "PASSWORD_ASSIGNMENT", pw},
		{"create table", "CREATE TABLE `staff_users` (\n  `id` int(11) NOT NULL,\n  `login` varchar(64),\n  `password` varchar(255),\n  PRIMARY KEY (`id`)\n);\nINSERT INTO `staff_users` VALUES (1,'admin','" + pw + "');", "PASSWORD_ASSIGNMENT", pw},
		{"hash column", "INSERT INTO customers (id, email, password_hash) VALUES (1,'a@example.com','x9" + pw + "');", "", ""},
		{"md5 in a password column", "INSERT INTO users (id, password) VALUES (1, '5f4dcc3b5aa765d61d8327deb882cf99');", "", ""},
		{"no password column", "INSERT INTO orders (id, note) VALUES (1, '" + pw + "');", "", ""},
		{"values in a string", "SELECT * FROM t WHERE y = 'values (3)'", "", ""},
	})
}

// A token at the end of a sentence that names a key or token further back
// than a label: "la clave de API de Freshdesk para el conector: x".
func TestKeyNamedEarlierInTheSentence(t *testing.T) {
	tok := "lBLfj1GvN5a8Q5La" + "EvY7kQ2"
	runCases(t, []tcase{
		{"spanish", "Te paso la clave de API de Freshdesk para el conector con el ERP: " + tok, "GENERIC_SECRET", tok},
		{"russian", "Я создал ключ в разделе Account → API, вот он: " + tok, "GENERIC_SECRET", tok},
		{"own line", "usa este token (só tem permissão Zone.DNS:Edit nessa zona):\n\n" + tok + "\n\nO script", "GENERIC_SECRET", tok},
		{"fingerprint", "The public key fingerprint: SHA256:abcdefghijk1234567890", "", ""},
		{"a commit", "The API changelog lists this commit: 9fceb02d0ae598e95dc970b74767f19372d61af8", "", ""},
		{"an error id", "The API returned an error: 7f3e9c2a-1b4d-4e8f-9a2c-3d5e7f9b1c2d", "", ""},
		{"a licence key", "the license key for the product: AB12C-DE34F-GH56I-JK78L", "", ""},
		{"a key id", `Nuova chiave creata per "gateway": id=key_8GTVYZSE0Z5G8EPUT7ESFVUOEI`, "", ""},
	})
}

// A table with two secret columns: the password and the TOTP seed of a
// password manager's export are both reported.
func TestTwoSecretColumns(t *testing.T) {
	seed := "YGNFSUYQKZLRWEKC" + "U4KFGGDR5ZSYQK3J"
	text := "url,username,password,totp,extra\nhttps://github.com/login,dev,Kx9mQ2vLpx," + seed + ",x"
	var pw, totp bool
	for _, f := range scan(shared, text) {
		switch text[f.ByteStart:f.ByteEnd] {
		case "Kx9mQ2vLpx":
			pw = true
		case seed:
			totp = true
		}
	}
	if !pw || !totp {
		t.Fatalf("password found %v, TOTP seed found %v", pw, totp)
	}
}
