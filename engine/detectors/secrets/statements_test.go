package secrets

import "testing"

// Passwords in SQL, build files and C headers, tables and name/value
// entries, from the misses on the general6 set once its blind read was
// done (its rows are not copied here).
func TestStatementAndTablePasswords(t *testing.T) {
	pw := "Lantern" + "2017!"
	tok := "Vq8Hs7dK3xLm" + "2Rt9Pz4Wc6Nb"
	runCases(t, []tcase{
		// SQL
		{"mysql identified with", "CREATE USER 'etl'@'%' IDENTIFIED WITH mysql_native_password BY '" + pw + "';", "PASSWORD_ASSIGNMENT", pw},
		{"postgres create role", "CREATE ROLE analytics LOGIN PASSWORD '" + pw + "';", "PASSWORD_ASSIGNMENT", pw},
		{"postgres alter user", "ALTER USER app WITH ENCRYPTED PASSWORD '" + pw + "' VALID UNTIL 'infinity';", "PASSWORD_ASSIGNMENT", pw},
		{"sql server login", "CREATE LOGIN svc_report WITH PASSWORD = N'" + pw + "', CHECK_POLICY = OFF;", "PASSWORD_ASSIGNMENT", pw},
		{"t-sql unicode literal", "EXEC sp_addlinkedsrvlogin @rmtsrvname = N'CRM', @rmtuser = N'link', @rmtpassword = N'" + pw + "';", "PASSWORD_ASSIGNMENT", pw},
		{"postgres md5 verifier", "CREATE ROLE crm LOGIN PASSWORD 'md5" + "6ad55f8ac1f71351acc855534ca5fe1c';", "", ""},
		{"postgres scram verifier", "ALTER ROLE crm PASSWORD 'SCRAM-SHA-256$4096:c2FsdA==$aGFzaA==:c2lnbg==';", "", ""},
		{"sql no literal", "ALTER ROLE crm WITH PASSWORD NULL;", "", ""},
		// a password name starting a statement, then a quoted value
		{"gradle signing", "signingConfigs {\n    release {\n        storePassword '" + pw + "'\n        keyAlias 'upload'\n    }\n}", "PASSWORD_ASSIGNMENT", pw},
		{"c define", "#define WIFI_SSID \"Office-2G\"\n#define WIFI_PASSWORD \"" + pw + "\"\n", "PASSWORD_ASSIGNMENT", pw},
		{"cli flag quoted", "airflow connections add crm --conn-login reader --conn-password '" + pw + "' --conn-port 1433", "PASSWORD_ASSIGNMENT", pw},
		{"prose password quoted", "Your password \"" + pw + "\" was reset by the help desk.", "PASSWORD_ASSIGNMENT", pw},
		// key names in other languages
		{"dutch key name", "const char* wachtwoord = \"" + pw + "\";", "PASSWORD_ASSIGNMENT", pw},
		{"portuguese key name", "SENHA_BANCO=" + pw, "PASSWORD_ASSIGNMENT", pw},
		// tables
		{"semicolon csv", "Sistema;Usuário;Senha;Departamento\nERP;fin.ana;" + pw + ";Financeiro", "PASSWORD_ASSIGNMENT", pw},
		{"chinese header", "平台,账号,密码,负责人\n阿里云,ops,Hx" + pw + ",王磊", "PASSWORD_ASSIGNMENT", "Hx" + pw},
		{"export column name", "name,login_uri,login_username,login_password,login_totp\nJira,https://jira.example,ana," + pw + ",", "PASSWORD_ASSIGNMENT", pw},
		{"settings row", "smtp_host\tsmtp.example.com\nsmtp_password\t" + pw + "\t2026-11-20 10:02", "PASSWORD_ASSIGNMENT", pw},
		{"wiki row", "| Host | db01 |\n| DB password | " + pw + " |", "PASSWORD_ASSIGNMENT", pw},
		{"hash column", "user,password_hash\nana,x9" + pw, "", ""},
		{"label not first cell", "host,port,password policy,12chars\n", "", ""},
		// name/value entries
		{"kubernetes env password", "env:\n  - name: DB_PASSWORD\n    value: \"" + pw + "\"\n", "PASSWORD_ASSIGNMENT", pw},
		{"kubernetes env token", "env:\n  - name: API_TOKEN\n    value: " + tok + "\n", "GENERIC_SECRET", tok},
		{"kubernetes env reference", "env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password\n", "", ""},
		{"kubernetes env template", "env:\n  - name: DB_PASSWORD\n    value: \"{{ .Values.db.password }}\"\n", "", ""},
		{"postman header", `{ "key": "X-APPLICATION-KEY", "value": "` + tok + `" }`, "GENERIC_SECRET", tok},
		{"android string", `<string name="backend_api_key">` + tok + `</string>`, "GENERIC_SECRET", tok},
		{"android string text", `<string name="password_hint">Enter your password</string>`, "", ""},
		{"azure storage key", `"primary_access_key": "` + tok + `Zq+/w==",`, "GENERIC_SECRET", tok + "Zq+/w=="},
		// token ends
		{"telegram api url", "curl 'https://api.telegram.org/bot3732944204:AAcAecd3brySlOxn3on_TrnRxKfbzzecSAH/sendMessage'", "TELEGRAM_BOT_TOKEN", "3732944204:AAcAecd3brySlOxn3on_TrnRxKfbzzecSAH"},
		{"stripe key before colon quote", "curl https://api.stripe.com/v1/charges -u 'rk_live_" + tok + tok + ":'", "STRIPE_API_KEY", "rk_live_" + tok + tok},
		{"stripe key in escaped json", `{\"secret_key\":\"sk_live_` + tok + tok + `\"}`, "STRIPE_API_KEY", "sk_live_" + tok + tok},
	})
}

// Look-alikes from the general7 set's false positives, once its blind
// read was done (its rows are not copied here).
func TestGeneral7LookAlikes(t *testing.T) {
	runCases(t, []tcase{
		{"yaml key after a password question", "How should I pass the DB password in Compose?\n\nservices:\n  db:\n    image: postgres:16.2\n", "", ""},
		{"speaker answer still", "Ana: what's the wifi password?\nBo: Kettle-Lamp-77\n", "PASSWORD_ASSIGNMENT", "Kettle-Lamp-77"},
		{"systemd credential path", "LoadCredential=db-password:/etc/credstore/app-db\n", "", ""},
		{"secret in a run dir", "DB_PASSWORD=/run/secrets/db_password\n", "", ""},
		{"ansible update_password", "- name: add user\n  user:\n    name: deploy\n    update_password: on_create\n", "", ""},
		{"new relic browser key", `licenseKey:"NRJS-` + "5c1e9b2a7f3d40e8a61" + `"`, "", ""},
		{"datadog client token", `clientToken: 'pub` + "0f2b6a9c1d4e7f8a3b5c6d7e8f9a0b1c" + `',`, "", ""},
		{"cjk instruction as value", "client-secret: 替换为你的Secret（从保险库复制）\n", "", ""},
	})
}

// Formats from the general7 set's misses, once its blind read was done
// (values are made up here; no row is copied).
func TestGeneral7Formats(t *testing.T) {
	pw := "Lantern" + "2017!"
	h32 := "3f9c0a7b1e5d42c8" + "9a6b0d1e2f3c4a5b"
	runCases(t, []tcase{
		{"haproxy userlist", "userlist ops\n    user monitor insecure-password " + pw + "\n", "PASSWORD_ASSIGNMENT", pw},
		{"haproxy stats auth", "listen stats\n    stats auth admin:" + pw + "\n", "PASSWORD_ASSIGNMENT", pw},
		{"redis.conf", "port 6379\nrequirepass " + pw + "\n", "PASSWORD_ASSIGNMENT", pw},
		{"redis prose", "We moved from requirepass to ACL users last year.", "", ""},
		{"ipsec psk", "192.0.2.1 198.51.100.7 : PSK \"" + pw + "Qz9\"\n", "PASSWORD_ASSIGNMENT", pw + "Qz9"},
		{"nginx basic header", `proxy_set_header Authorization "Basic dXNlcjpMYW50ZXJuMjAxNyE=";`, "HTTP_BASIC_AUTH", "dXNlcjpMYW50ZXJuMjAxNyE="},
		{"apache api key header", `RequestHeader set X-Vendor-API-Key "` + h32 + `"`, "GENERIC_SECRET", h32},
		{"laravel app key", "APP_ENV=production\nAPP_KEY=base64:" + "w5cskTyGQoVz2UM+YiqlDaVLsPeTbkCLEAErdcwx0iI=" + "\n", "LARAVEL_APP_KEY", ""},
		{"pagerduty routing key", "pagerduty_configs:\n  - routing_key: " + h32 + "\n", "PAGERDUTY_ROUTING_KEY", h32},
		{"axiom token", "AXIOM_TOKEN=xaat-" + "c30f9c6a-fc0f-4b81-b157-0207f6c7fcca", "AXIOM_TOKEN", ""},
		{"mollie key", "API key: live_" + "oRKMRHTUuS2Q9lBrJSkIVNyKSddZh4", "MOLLIE_API_KEY", ""},
		{"adyen client key", "clientKey: 'live_" + "9ISXNTFJ52WV313JQMTPW7LHVJCZIS9U',", "", ""},
		{"toss secret key", "시크릿 키: live_sk_" + "U9fWBwxWrjfSu1n86tMlT73EoFS0", "TOSS_SECRET_KEY", ""},
		{"vault short token", "vault login hvs." + "Hi4oPhtgCyq1ih7CdFqYFFEy", "VAULT_TOKEN", ""},
		{"python bytes literal", `WEBHOOK_SECRET = b"` + h32 + `"`, "GENERIC_SECRET", h32},
		{"ini triple quotes", "[database]\nuser = grafana\npassword = \"\"\"" + pw + "\"\"\"\n", "PASSWORD_ASSIGNMENT", pw},
		{"sssd authtok", "ldap_default_authtok_type = password\nldap_default_authtok = " + pw + "\n", "PASSWORD_ASSIGNMENT", pw},
		{"diacritics in prose password", "Neues Kennwort für svc-backup ist Brezel_Käsekuchen_32 – gerade gesetzt", "PASSWORD_ASSIGNMENT", "Brezel_Käsekuchen_32"},
		{"jwk private", `{"kty": "EC", "crv": "P-256", "x": "rwU0Susr9G7ixD8Dn0A9R7pdsV_8nDRey5gT0HiSW9k", "d": "B5Bd0QW91HSce7jF4ol_2tUJ87FF0TILtVqhTa0btb4"}`, "PRIVATE_KEY", "B5Bd0QW91HSce7jF4ol_2tUJ87FF0TILtVqhTa0btb4"},
		{"jwk public", `{"kty": "EC", "crv": "P-256", "x": "rwU0Susr9G7ixD8Dn0A9R7pdsV_8nDRey5gT0HiSW9k", "y": "bcW6dNIksE0bdACgjGWriNlTM9tDNuyePCfdulFPdaY"}`, "", ""},
	})
}
