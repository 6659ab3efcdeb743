package secrets

import "testing"

// Forms of the fifth round (kinds of miss left by the earlier rounds),
// written from how people write them, not copied from any set's rows; the
// values are made up.
func TestGeneral16Forms(t *testing.T) {
	runCases(t, []tcase{
		// a label name of two words with a qualifier after it
		{"malay label qualifier", "Kata laluan Wi-Fi: Dapur7+Lima", "PASSWORD_ASSIGNMENT", "Dapur7+Lima"},
		{"indonesian label qualifier", "Kata sandi email kantor: Meja#4421x", "PASSWORD_ASSIGNMENT", "Meja#4421x"},
		{"portal qualifier", "Admin Portal password (prod): Vq7!lorne22", "PASSWORD_ASSIGNMENT", "Vq7!lorne22"},
		{"malay label, no value", "Kata laluan Wi-Fi: tanya penyelia", "", ""},
		{"malay label, version", "Kata laluan Wi-Fi: v2.4.1", "", ""},
		{"cjk name with alternative", "パスワード／パスフレーズ：Tora55!", "PASSWORD_ASSIGNMENT", "Tora55!"},
		{"cjk name with bracket", "密码（临时）：Qk29#mb1", "PASSWORD_ASSIGNMENT", "Qk29#mb1"},
		{"cjk name with bracket, placeholder", "密码（临时）：<password>", "", ""},

		// a Google app password on a line below its name
		{"app password below", "I created an app password like Google said:\n\nqwpt hbrd sxkf mlzn\n\nWhere does it go?", "PASSWORD_ASSIGNMENT", "qwpt hbrd sxkf mlzn"},
		{"app password below, words", "Here is the app password:\n\nsend them over when\n", "", ""},

		// one-time codes read out
		{"otp 2fa", "it just sent the 2FA code to my phone: 417 092, type it in quickly", "ONE_TIME_CODE", "417 092"},
		{"otp verification is", "Your verification code is 730914", "ONE_TIME_CODE", "730914"},
		{"otp spanish", "el código de verificación es 582039, pásamelo ya", "ONE_TIME_CODE", "582039"},
		{"otp polish blik", "kod BLIK: 604 218, ważny 2 minuty", "ONE_TIME_CODE", "604 218"},
		{"otp german", "Der Bestätigungscode lautet 83920417", "ONE_TIME_CODE", "83920417"},
		{"otp chinese", "验证码 603817，请勿泄露", "ONE_TIME_CODE", "603817"},
		{"otp expired polish", "Kod weryfikacyjny 704512 z wczoraj już wygasł.", "", ""},
		{"otp rejected log", "WARN auth: verification code 514309 for user 7712 rejected: expired", "", ""},
		{"otp expired english", "The OTP 902417 expired before I could type it.", "", ""},
		{"otp digits policy", "The OTP is 6 digits long and arrives by SMS.", "", ""},
		{"card auth code", "Receipt 4471\nAuth code 595120\nCard **** 3435", "", ""},
		{"otp amount", "The OTP fee is 123 456,00 zł", "", ""},
		{"otp sequence", "verification code 123456", "", ""},
		{"pin split groups", "PIN: 482 913", "", ""},

		// PIN names in Turkish and Arabic, a qualifier in brackets
		{"turkish pin qualifier", "İnternet şifresi (6 haneli): 508213", "PIN", "508213"},
		{"japanese pin qualifier", "暗証番号（数字4桁）：7304", "PIN", "7304"},
		{"pin qualifier english", "PIN (card): 8027", "PIN", "8027"},
		{"arabic secret code", "وأدخل الرمز السري 581907 ثم علامة #", "PIN", "581907"},
		{"turkish password length", "Şifre en az 8 karakter olmalı, 2024 kuralı", "", ""},
		{"pin last digits in bracket", "PIN (last 4 digits) 3435 on the card", "", ""},

		// a password named a sentence before
		{"it's now", "I reset the password for the VPN. It's now Kx7!pala", "PASSWORD_ASSIGNMENT", "Kx7!pala"},
		{"the new one", "Changed the wifi password: the new one is Gr8t!Wave9", "PASSWORD_ASSIGNMENT", "Gr8t!Wave9"},
		{"spanish la que pongo", "Me pide la contraseña todo el rato. La que pongo es Otoño#2026 y no entra.", "PASSWORD_ASSIGNMENT", "Otoño#2026"},
		{"german das neue", "Ich habe das WLAN-Passwort geändert. Das neue ist Haus#2024ab", "PASSWORD_ASSIGNMENT", "Haus#2024ab"},
		{"portuguese a nova", "Troquei a senha do roteador. A nova é Casa!2025x", "PASSWORD_ASSIGNMENT", "Casa!2025x"},
		{"french maintenant", "J'ai changé le mot de passe du NAS. C'est maintenant Loup#7781z", "PASSWORD_ASSIGNMENT", "Loup#7781z"},
		{"pronoun, no marker", "I forgot my password. It is INC-4421x!", "", ""},
		{"pronoun, other subject", "I reset the password yesterday. The error is ERR_AUTH-401!", "", ""},
		{"pronoun, no password before", "We moved the office. It's now Floor-3B#2 in the east wing", "", ""},
		{"pronoun, name two lines up", "password policy\n\nnotes\nIt's now Kx7!pala", "", ""},

		// memorable words and security answers
		{"memorable word", "Memorable word: tangerine", "SECURITY_ANSWER", "tangerine"},
		{"maiden name", "Mother's maiden name: Kowalski", "SECURITY_ANSWER", "Kowalski"},
		{"security answer quoted", `security answer = "Pembroke"`, "SECURITY_ANSWER", "Pembroke"},
		{"spanish secret answer", "Respuesta secreta: Canelo", "SECURITY_ANSWER", "Canelo"},
		{"portuguese secret answer", "Resposta secreta: Bolinha", "SECURITY_ANSWER", "Bolinha"},
		{"german security answer", "Sicherheitsantwort: Waldmeister", "SECURITY_ANSWER", "Waldmeister"},
		{"memorable word required", "Memorable word: required", "", ""},
		{"maiden name field", "maiden name: the name before marriage", "", ""},
		{"memorable word placeholder", "memorable word: <your word>", "", ""},
		{"memorable word prose", "Banks ask for a memorable word when you log in.", "", ""},

		// a generated secret in which a stopword is chance; a callback token
		{"long random client secret", "Client Secret: " + "qW7nRt2LmZ8vKx4Bp9Hs3Jd6Fy1Gc5Ne" + "VevPNTobxA2kQ8", "GENERIC_SECRET", ""},
		{"callback token", "const SHOP_CALLBACK_TOKEN = '" + "Hq4ZnV8xKt2RmW6pLs9Bd3Jy7Fc1Gv5N" + "aT0eXu8Q';", "GENERIC_SECRET", ""},
		{"callback url", "const PAYMENT_CALLBACK_URL = 'https://shop.example.com/hooks/pay';", "", ""},
		{"stopword identifier", "client_secret = 'MyApplicationSecretForTestingPurposes'", "", ""},

		// backup codes in two numbered columns
		{"backup codes two columns", "BACKUP CODES\n1. 4817 2093      6. 7302 5581\n2. 9154 0368      7. 2269 8410\n3. 6631 4907      8. 5028 1736\n", "MFA_BACKUP_CODE", ""},
		{"two columns of amounts", "1. 4817 2093 total\n2. 9154 0368 total\n", "", ""},

		// password names in more languages; running-text names in Thai and Hindi
		{"swahili label", "Nenosiri la portal: Simba#4417", "PASSWORD_ASSIGNMENT", "Simba#4417"},
		{"thai direct", "เข้าระบบด้วยอีเมล shop@example.com รหัสผ่าน Mali8842# แล้วตอบแชท", "PASSWORD_ASSIGNMENT", "Mali8842#"},
		{"hindi direct", "पासवर्ड Neem+Tara2025 है।", "PASSWORD_ASSIGNMENT", "Neem+Tara2025"},
		{"thai policy", "รหัสผ่าน ต้องมี 8 ตัวอักษร", "", ""},

		// a count of digits before a PIN
		{"pin digit count portuguese", "a senha eletrônica de 6 dígitos é 639204.", "PIN", "639204"},
		{"pin digit count english", "the 6-digit PIN is 508213", "PIN", "508213"},
		{"pin digit count german", "PIN (4 Stellen): 8027", "PIN", "8027"},
		{"pin last digits", "PIN ending in 4 digits 3435", "", ""},
		{"pin count example", "Use a PIN of 6 digits, e.g. 2024", "", ""},

		// configuration keys that take a password after white space
		{"mosquitto remote password", "remote_username edge-01\nremote_password Brno#6947x\nbridge_cafile /etc/ca.crt", "PASSWORD_ASSIGNMENT", "Brno#6947x"},
		{"redis requirepass", "requirepass Vb8#kLm22q", "PASSWORD_ASSIGNMENT", "Vb8#kLm22q"},
		{"config password variable", "remote_password ${MQTT_PASS}", "", ""},
		{"config min password", "min_password 12chars!x", "", ""},

		// halves and components of a split key
		{"key halves", "Left half (Security Officer 1): Wq4RtZ8xPm2LkN7v\nRight half (Security Officer 2): 3hJs9KdF6gTb1YcX", "GENERIC_SECRET", ""},
		{"spanish key half", "Primera mitad: Pz8Kw2NqR5tLx7Vm", "GENERIC_SECRET", "Pz8Kw2NqR5tLx7Vm"},
		{"component with qualifier", "Component 2 (double length): 7E1A 40C9 B23F 9D05 61AE C84B 0F37 2D96", "GENERIC_SECRET", "7E1A 40C9 B23F 9D05 61AE C84B 0F37 2D96"},
		{"first half score", "First half: 2-1 to the home side", "", ""},
		{"first half prose", "First half (report): the team scored 2 goals", "", ""},
		{"component name", "Component 1 (frontend): ReactDOMServer2024abcd", "", ""},
		{"half of digits", "second half: 1234 5678 9012 3456", "", ""},

		// a credential file printed in a terminal
		{"cat vault pass", "$ cat .vault_pass\nSaigon.Rendang43\n\n$ ls -l", "PASSWORD_ASSIGNMENT", "Saigon.Rendang43"},
		{"cat password file root prompt", "root@h:~# cat /etc/app/db_password.txt\nQ7m!rTz09pX\n", "PASSWORD_ASSIGNMENT", "Q7m!rTz09pX"},
		{"type token file", "PS C:\\ops> type C:\\ops\\api_token.txt\nVq3ZkT9wLm2RpX7bNc4HsY8d\n", "GENERIC_SECRET", "Vq3ZkT9wLm2RpX7bNc4HsY8d"},
		{"cat etc passwd", "$ cat /etc/passwd\nroot:x:0:0:root:/root:/bin/bash\n", "", ""},
		{"cat other file", "$ cat notes.txt\nSaigon.Rendang43\n", "", ""},
		{"cat script", "$ cat .vault_pass\n#!/usr/bin/env python3\n", "", ""},

		// a data source's password is no "source" of one
		{"spring datasource password", "ENV SPRING_DATASOURCE_PASSWORD=Hq4mZ8x0Lt2r", "PASSWORD_ASSIGNMENT", "Hq4mZ8x0Lt2r"},
		{"password source", "password_source = vault", "", ""},
		{"secret source", "secretSource: Hq4mZ8x0Lt2rW", "", ""},

		// passphrases of spaced words after a password label
		{"spaced passphrase", "Password: velvet marble thunder window", "PASSWORD_ASSIGNMENT", "velvet marble thunder window"},
		{"spaced passphrase japanese", "パスワード：candle marble otter river\nログイン後に確認", "PASSWORD_ASSIGNMENT", "candle marble otter river"},
		{"spaced passphrase german", "Passwort: tanne wolke kiesel laterne", "PASSWORD_ASSIGNMENT", "tanne wolke kiesel laterne"},
		{"spaced sentence", "password: same as the wifi one", "", ""},
		{"spaced sentence sent", "Password: sent by text message later", "", ""},
		{"spaced sentence ask", "pw: ask me on slack please", "", ""},
		{"spaced sentence german", "Passwort: kommt per separater mail", "", ""},
		{"spaced three words", "password: orange tiger lamp", "", ""},

		// a raw private key alone on its line under wording about one
		{"hex private key", "I exported the private key from my wallet, is it the wrong format?\n\n5f1c8e2a9b7d03f46e18c2a5d9b07f3e" + "41a6c8d2e0f9b3a7c5d1e8f2a4b6c9d0\n", "GENERIC_SECRET", ""},
		{"hex digest of a key", "Here is the sha256 of the private key file:\n5f1c8e2a9b7d03f46e18c2a5d9b07f3e" + "41a6c8d2e0f9b3a7c5d1e8f2a4b6c9d0", "", ""},
		{"hex transaction", "The private key is stored in the HSM.\nTransaction hash:\n0x5f1c8e2a9b7d03f46e18c2a5d9b07f3e" + "41a6c8d2e0f9b3a7c5d1e8f2a4b6c9d0", "", ""},
		{"hex no key wording", "Build output:\n5f1c8e2a9b7d03f46e18c2a5d9b07f3e" + "41a6c8d2e0f9b3a7c5d1e8f2a4b6c9d0", "", ""},

		// a token on the line below a CJK sentence naming a key
		{"cjk key sentence", "页面上写着“您的 webhook 将使用以下密钥签名”：\n\n9c41e7a2b85d30f6c1e94a7d2b58f03e6a1c9d4b7e2f58a03c6e91d4b7a2f5c8\n", "GENERIC_SECRET", ""},
		{"cjk hash sentence", "这是提交的哈希值：\n\n9c41e7a2b85d30f6c1e94a7d2b58f03e6a1c9d4b7e2f58a03c6e91d4b7a2f5c8", "", ""},

		// automation webhooks
		{"make webhook", "The webhook URL pasted into Typeform:\nhttps://hook.eu2.make.com/q8w3kz1m5x7c9v2b4n6h0j8g4f2d6s1a", "MAKE_WEBHOOK_URL", ""},
		{"make help page", "https://www.make.com/en/help/tools/webhooks", "", ""},
		{"make sequence", "https://hook.us1.make.com/abcdefghijklmnopqrstuvwxyz012345", "", ""},
		{"zapier hook", "POST https://hooks.zapier.com/hooks/catch/4821937/b7xk2qp/", "ZAPIER_WEBHOOK_URL", ""},
		{"zapier docs", "https://help.zapier.com/hc/en-us/articles/8496288690317", "", ""},
		{"pipedream", "curl -d x https://eo8kq2w3z9x1v7c.m.pipedream.net", "PIPEDREAM_WEBHOOK_URL", ""},

		// command lines and calls that take a password
		{"keytool storepass", "keytool -importcert -alias api -file ca.crt -keystore trust.jks -storepass Fj0rd_77 -noprompt", "PASSWORD_ASSIGNMENT", "Fj0rd_77"},
		{"keytool storepass variable", "keytool -list -keystore trust.jks -storepass $STORE_PASS", "", ""},
		{"ipmitool", "ipmitool -I lanplus -H 10.0.0.9 -U ADMIN -P Qz8!wxLm2 chassis status", "PASSWORD_ASSIGNMENT", "Qz8!wxLm2"},
		{"ipmitool prompt", "ipmitool -I lanplus -H 10.0.0.9 -U ADMIN -a chassis status", "", ""},
		{"mongosh", "mongosh --host rs0/db1 -u admin -p Kx2!vTq9z --authenticationDatabase admin", "PASSWORD_ASSIGNMENT", "Kx2!vTq9z"},
		{"mongosh prompt", "mongosh --host rs0/db1 -u admin -p --authenticationDatabase admin", "", ""},
		{"lftp quoted", "lftp -u deploy,'Yarr0w$1' sftp://files.example.io", "PASSWORD_ASSIGNMENT", "Yarr0w$1"},
		{"nmcli psk", "nmcli con modify lab wifi-sec.psk 'Wq8#nTz4kL'", "PASSWORD_ASSIGNMENT", "Wq8#nTz4kL"},
		{"okhttp basic", `val c = Credentials.basic("kasia", "Lato2025.")`, "PASSWORD_ASSIGNMENT", "Lato2025."},
		{"okhttp basic variable", `val c = Credentials.basic(user, password)`, "", ""},
		{"wifi qr", "WIFI:T:WPA;S:Cafe-Guest;P:jasperotterisland;;", "PASSWORD_ASSIGNMENT", "jasperotterisland"},
		{"wifi qr template", "WIFI:T:WPA;S:<ssid>;P:<password>;;", "", ""},

		// an adverb between the linking word and the value
		{"is now", "The wifi password is now Xk9!mQ2vLp", "PASSWORD_ASSIGNMENT", "Xk9!mQ2vLp"},
		{"ist jetzt", "das Passwort für die Staging-Datenbank ist jetzt Apfel2001?.", "PASSWORD_ASSIGNMENT", "Apfel2001?"},
		{"is literally", "the printer admin panel password is literally !QAZ2wsx#1 lol", "PASSWORD_ASSIGNMENT", "!QAZ2wsx#1"},
		{"is now, time", "It is now 10:30 and the build 4.2.1-rc is still running", "", ""},
		{"is now, room", "The meeting is now Room-4B#2 on floor 3", "", ""},
		{"is still, policy", "The password policy is still Min-8chars+1digit", "", ""},

		// more languages
		{"indonesian changed to", "Kata sandi akun email sudah diganti menjadi Melati@88pagi. Tolong", "PASSWORD_ASSIGNMENT", "Melati@88pagi"},
		{"arabic link", "كلمة المرور الخاصة بلوحة التحكم هي Yasmin2015+ واسم المستخدم admin", "PASSWORD_ASSIGNMENT", "Yasmin2015+"},
		{"dutch en wachtwoord", "log in met gebruiker beheer en wachtwoord TULP_fiets2017!, daarna", "PASSWORD_ASSIGNMENT", "TULP_fiets2017!"},
		{"hindi pin", "फ़ोन की लॉक स्क्रीन का पिन 386020 है", "PIN", "386020"},
		{"indonesian changed to, date", "Jadwal sudah diganti menjadi 2024-05-01", "", ""},

		// curl -u with bytes the gitleaks class leaves out; MinIO aliases anywhere on the line
		{"curl user bang", "curl -u etl_user:vucxi-stgcqj-818! https://artifactory.example.io/health", "PASSWORD_ASSIGNMENT", "vucxi-stgcqj-818!"},
		{"curl user hash", "curl -u deploy:Q5@72F7#OSDpE%ZsD https://es.example.io/", "PASSWORD_ASSIGNMENT", "Q5@72F7#OSDpE%ZsD"},
		{"curl user stand-in", "curl -u 'test:test' https://x.example.io", "", ""},
		{"curl user template", "curl -u <user:password> https://test.example.com/endpoint", "", ""},
		{"curl user variable", "curl -u user:$TOKEN https://x.example.io", "", ""},
		{"curl user plain", "curl --user user:pass --digest http://127.0.0.1:5000/file", "", ""},
		{"minio in backquotes", "`mc alias set minio http://minio.internal:9000 6FKQFD07VGV8BSM7MGK0 n4a5ioVQsarkvIezAdKwEv6YBPdSfr2Kg4wGbxoo`", "MINIO_MC_ALIAS_SECRET", "n4a5ioVQsarkvIezAdKwEv6YBPdSfr2Kg4wGbxoo"},
		{"minio after RUN", "Step 4/9 : RUN mc alias set minio http://minio.internal:9000 YN9N571M7VKFLR7LUV1O qunRsr8GPidzcVfLRkDpZvg827AsPhCBxznPOPGG", "MINIO_MC_ALIAS_SECRET", "qunRsr8GPidzcVfLRkDpZvg827AsPhCBxznPOPGG"},

		// Terraform state
		{"tfstate random password", "{\n  \"type\": \"random_password\",\n  \"instances\": [{\"attributes\": {\"length\": 24, \"result\": \"q%siDQY4lbS*%8NlU\", \"special\": true}}]\n}", "PASSWORD_ASSIGNMENT", "q%siDQY4lbS*%8NlU"},
		{"tfstate random string", "{\"type\": \"random_string\", \"instances\": [{\"attributes\": {\"result\": \"q%siDQY4lbS*%8NlU\"}}]}", "", ""},

		// labels with a bracketed qualifier; a hex key after a sentence naming it
		{"label bracket qualifier", "Password for the HR portal sandbox tenant (yes, the real one): Wander1219", "PASSWORD_ASSIGNMENT", "Wander1219"},
		{"hex key after sentence", "here's the Datadog key for the demo box, please rotate after friday: d4854c82432b3e8a1ce3b0891b491964", "GENERIC_SECRET", "d4854c82432b3e8a1ce3b0891b491964"},
		{"hex hash after sentence", "here's the key's sha256 for the demo box, check it: d4854c82432b3e8a1ce3b0891b491964", "", ""},

		// changes, variables, users and typed values in prose
		{"changed from to", "we changed the admin password from meadow.walrus.glacier to VDQCmWeUQImeCMEc2VQzelRpsltE1wRZ last night", "PASSWORD_ASSIGNMENT", "VDQCmWeUQImeCMEc2VQzelRpsltE1wRZ"},
		{"moved from to", "we moved the meeting from room 4 to Room-4B#2 today", "", ""},
		{"set the bios password to", "I set the BIOS supervisor password to Winter2026~ on all laptops", "PASSWORD_ASSIGNMENT", "Winter2026~"},
		{"set env key to", "I set DD_APP_KEY to 702859c346686a362c989389fb41fb3635d0102d and it still fails", "GENERIC_SECRET", "702859c346686a362c989389fb41fb3635d0102d"},
		{"set max token to", "I set MAX_TOKEN to 4096 and the reply still gets cut", "", ""},
		{"user is pair", "if you need to get in, the read-only user is analyst_ro / Walrus~falcon72", "PASSWORD_ASSIGNMENT", "Walrus~falcon72"},
		{"user is group", "the user is bob / admin group", "", ""},
		{"typed after name", "it asks for the service account password, I type Wombat7830 and it says locked", "PASSWORD_ASSIGNMENT", "Wombat7830"},
		{"typed spanish", "me pide la contraseña y pongo Herbst@2026 pero no entra", "PASSWORD_ASSIGNMENT", "Herbst@2026"},
		{"typed other sentence", "I reset my password. Then I typed INC-4421x! in the ticket field", "", ""},

		// homelab command lines; compound label names with a qualifier
		{"pihole", "pihole -a -p Xk9!mQ2vLp", "PASSWORD_ASSIGNMENT", "Xk9!mQ2vLp"},
		{"pihole prompt", "pihole -a -p", "", ""},
		{"wpa_passphrase", "wpa_passphrase HomeNet Xk9mQ2vLp77", "PASSWORD_ASSIGNMENT", "Xk9mQ2vLp77"},
		{"wpa_passphrase quoted ssid", `wpa_passphrase "Home Net" 'correct-horse-77'`, "PASSWORD_ASSIGNMENT", "correct-horse-77"},
		{"wpa_passphrase stdin", "wpa_passphrase HomeNet < pass.txt", "", ""},
		{"german compound qualifier", "WLAN-Passwort (Gäste): Haus!2024ab", "PASSWORD_ASSIGNMENT", "Haus!2024ab"},
		{"french qualifier", "mot de passe WiFi (invités) : Maison#2024x", "PASSWORD_ASSIGNMENT", "Maison#2024x"},
		{"polish qualifier", "Hasło do Wi-Fi (goście): Dom#2024abc", "PASSWORD_ASSIGNMENT", "Dom#2024abc"},
		{"compound policy", "WLAN-Passwort (Regel): mindestens 12 Zeichen", "", ""},

		// a value alone on its line under a line that names a password
		{"password line above", "Here is the new password:\n\nKx7!pala99\n\nPlease change it.", "PASSWORD_ASSIGNMENT", "Kx7!pala99"},
		{"password rules above", "The password requirements are:\nMin8chars!x", "", ""},
		{"forgot password above", "Forgot your password? Reset it here:\nhttps://x.example.com/r?id=9Xk!", "", ""},
		{"apple app password below", "Here's the app-specific password I generated:\nwxyz-abcd-efgh-ijkl", "PASSWORD_ASSIGNMENT", "wxyz-abcd-efgh-ijkl"},
		{"app password no colon", "I created an app password for Outlook\n\nqwpt-hbrd-sxkf-mlzn", "PASSWORD_ASSIGNMENT", "qwpt-hbrd-sxkf-mlzn"},
		{"hyphenated words below other line", "Here is the agenda for Monday:\nkick-off-team-lunch", "", ""},

		// a bare "code" with wording about a login or a text message
		{"bare code login sms", "Google sent me a login code by SMS: 482913, can you type it?", "ONE_TIME_CODE", "482913"},
		{"error code login", "the error code from the login page is 4012", "", ""},
		{"promo code login", "Use the promo code 4812 at checkout, login first", "", ""},
		{"zip code login", "your zip code is 94107 for the login form", "", ""},
		{"bare code no context", "the code on the door is 4821", "", ""},
		{"key box then code", "Der Schlüssel ist in der Schlüsselbox neben der Haustür, Code 3284.", "PIN", "3284"},

		// security questions and their answers
		{"security question answer", "Security question: Name of first pet\nAnswer: Rumpel", "SECURITY_ANSWER", "Rumpel"},
		{"german security question", "Sicherheitsfrage: Lieblingsessen? Antwort: Spaetzle", "SECURITY_ANSWER", "Spaetzle"},
		{"spanish security question", "Pregunta de seguridad: ciudad natal. Respuesta: Albacete", "SECURITY_ANSWER", "Albacete"},
		{"security question answer required", "Security question: pick one\nAnswer: required", "", ""},

		// a label of pronouns after a sentence that names the password
		{"new one label", "I changed the VPN password yesterday. New one: Kx7!pala", "PASSWORD_ASSIGNMENT", "Kx7!pala"},
		{"french le nouveau", "J'ai réinitialisé ton mot de passe. Le nouveau : Kx7!pala", "PASSWORD_ASSIGNMENT", "Kx7!pala"},
		{"new value label", "Password for service account svc-etl reset as requested. New value: L4g00nb1scu1t%", "PASSWORD_ASSIGNMENT", "L4g00nb1scu1t%"},
		{"new one, other subject", "We moved offices. New one: Floor-3B#2", "", ""},
		{"new value alone", "New value: Kx7!pala", "", ""},

		// "now" after the value; Russian codes; memorable information
		{"now after value", "Reset the VPN password for you. It's Kx7!pala22 now.", "PASSWORD_ASSIGNMENT", "Kx7!pala22"},
		{"french maintenant after", "J'ai changé le mot de passe du wifi. C'est Kx7!pala22 maintenant.", "PASSWORD_ASSIGNMENT", "Kx7!pala22"},
		{"now after value, other", "We moved the office. It's Floor-3B#2 now.", "", ""},
		{"russian code", "Код подтверждения: 482913", "ONE_TIME_CODE", "482913"},
		{"memorable information", "memorable information: blackpool1987", "SECURITY_ANSWER", "blackpool1987"},

		// a sentence about a password thing is no naming of a password
		{"pronoun after policy", "I updated the password policy. It's now Min12+chars!", "", ""},
		{"pronoun after manager", "We rolled out a new password manager. The new one is Bitwarden-2024!", "", ""},
		{"label after reset emails", "Password reset emails were delayed. New one: INC-4471x!", "", ""},
		{"pronoun after field", "The password field is required. Now it's Step2-of-3!", "", ""},

		// near misses of the round's forms
		{"app password revoked", "App password revoked:\nqwpt-hbrd-sxkf-mlzn", "", ""},
		{"app password revoked prose", "The app password for Outlook was revoked yesterday\nqwpt-hbrd-sxkf-mlzn", "", ""},
		{"app password doc example", "Here's the app-specific password:\nabcd-efgh-ijkl-mnop", "", ""},
		{"cat password policy", "$ cat password_policy.md\nMinimum-12-chars!", "", ""},
		{"otp used", "The OTP 482913 I got yesterday didn't work, it was already used.", "", ""},
		{"otp format", "2FA code format: 000 000", "", ""},
		{"memorable word masked", "Memorable word: ********", "", ""},
		{"security answer blank", "Security question: What was your first pet's name?\nAnswer: ______", "", ""},
		{"lau kcv", "LAU key KCV (left half): 8B4B99", "", ""},
		{"left half zeros", "Left half: 0000000000000000", "", ""},

		{"polish teraz to", "Zmieniłem hasło do routera. Teraz to Kx7!pala22", "PASSWORD_ASSIGNMENT", "Kx7!pala22"},
		{"polish teraz to, other", "Pojedziemy na wakacje. Teraz to Plan-B#2024", "", ""},
	})
}
