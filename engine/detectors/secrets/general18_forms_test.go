package secrets

import "testing"

// Forms of the seventh round, written from how people state credentials
// at work in many languages (general17's misses, reworded); the values
// are made up. Each family has cases that must be found and near misses
// that must not.
func TestGeneral18Forms(t *testing.T) {
	pw := "Zv" + "ezda6945%"
	runCases(t, []tcase{
		// a keyboard walk is a stand-in only with nothing of one's own
		{"qwerty own", "my password is Qwerty!" + "3526.", "PASSWORD_ASSIGNMENT", "Qwerty!3526"},
		{"qwerty own label", "Kamera: admin, hasło Qwerty@" + "5759, ale", "PASSWORD_ASSIGNMENT", "Qwerty@5759"},
		{"qwerty counting", "password = qwerty" + "123", "", ""},
		{"qwerty counting symbol", "the password is Qwerty" + "1234!", "", ""},
		{"qwerty bare", "password: qwerty", "", ""},

		// Greek linking word
		{"greek is", "Ο κωδικός πρόσβασης του γραφείου στο Taxisnet είναι " + pw + " και", "PASSWORD_ASSIGNMENT", pw},
		{"greek order code", "Ο κωδικός παραγγελίας είναι ORD-2024-XY7.", "", ""},
		{"greek ssid", "Το SSID είναι Lab-WiFi-5G", "", ""},

		// linking words of one language family
		{"finnish on", "Wilman sijaistunnus on sijainen7 ja salasana on " + pw + ".", "PASSWORD_ASSIGNMENT", pw},
		{"estonian on", "Serveri parool on " + pw + ", palun vaheta see.", "PASSWORD_ASSIGNMENT", pw},
		{"danish er", "adgangskoden til systemet er " + pw + ".", "PASSWORD_ASSIGNMENT", pw},
		{"english on", "Set the password on Router-5G2x first", "", ""},
		{"english er", "the password, er, Build-2024x", "", ""},
		{"finnish on no value", "salasana on liian lyhyt", "", ""},
		{"polish to", "hasło to " + pw + ".", "PASSWORD_ASSIGNMENT", pw},
		{"swahili ni", "nenosiri ni " + pw + " kwa sasa", "PASSWORD_ASSIGNMENT", pw},
		{"hebrew hi", "הסיסמה היא " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"bulgarian e", "паролата е " + pw + ".", "PASSWORD_ASSIGNMENT", pw},
		{"latvian ir", "parole ir " + pw + ".", "PASSWORD_ASSIGNMENT", pw},
		{"indonesian possessive", "kata sandinya adalah " + pw + " ya", "PASSWORD_ASSIGNMENT", pw},
		{"thai is", "รหัสผ่านคือ " + pw + " ครับ", "PASSWORD_ASSIGNMENT", pw},
		{"english password to", "I sent the password to " + pw + " yesterday", "", ""},
		{"latvian no value", "Parole ir jāmaina ik pēc 90 dienām", "", ""},

		// Russian and Ukrainian: name, what it is for, the value
		{"russian ot", "пароль от вайфая " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"ukrainian do", "Файл ключа на флешці, пароль до ключа " + pw + ".", "PASSWORD_ASSIGNMENT", pw},
		{"russian ot no value", "пароль от вайфая спроси у админа", "", ""},
		{"russian ot sentence", "пароль от вайфая. Сервер " + pw, "", ""},

		// "and", "with" in other languages before a password name
		{"finnish ja", "tunnus on tmadmin ja salasana " + pw + ". Kiitos", "PASSWORD_ASSIGNMENT", pw},
		{"dutch met", "het account planning@example.nl met wachtwoord " + pw + ".", "PASSWORD_ASSIGNMENT", pw},
		{"swedish med", "logga in med lösenordet " + pw + " i morgon", "PASSWORD_ASSIGNMENT", pw},
		{"hungarian possessive", "A felhasználónév projekt, a jelszava " + pw + ", a tervek", "PASSWORD_ASSIGNMENT", pw},
		{"finnish ja no value", "ja salasana vaihdetaan huomenna", "", ""},
		{"hungarian no value", "a jelszava túl rövid", "", ""},
		{"dutch met weak", "met wachtwoord welkom", "", ""},

		// a Wi-Fi key is a password
		{"wpa2 key is", "The network is LAB-ROBOTICS and the WPA2 key is F4lc0n@" + "62. Print it", "PASSWORD_ASSIGNMENT", "F4lc0n@62"},
		{"german wlan schluessel", "WLAN „Bau-Lager-3“, Schlüssel " + pw + ". Nur für Tablets", "PASSWORD_ASSIGNMENT", pw},
		{"key no wifi", "the license key is AB-12cd-34!x", "", ""},
		{"wifi key elsewhere", "Wi-Fi name is Office-5G, the key is in the drawer", "", ""},
		{"wifi key stand-in", "the wifi key is changeme123!", "", ""},

		// keys named in Chinese, Japanese and Korean labels
		{"chinese key label", "API密钥: o48uXHiXqFg13vA3" + "CN8PX4DN6sE2splb", "GENERIC_SECRET", "o48uXHiXqFg13vA3CN8PX4DN6sE2splb"},
		{"japanese key fullwidth", "APIキー：o48uXHiXqFg13vA3" + "CN8PX4DN6sE2splb", "GENERIC_SECRET", "o48uXHiXqFg13vA3CN8PX4DN6sE2splb"},
		{"korean key label", "시크릿 키: o48uXHiXqFg13vA3" + "CN8PX4DN6sE2splb", "GENERIC_SECRET", "o48uXHiXqFg13vA3CN8PX4DN6sE2splb"},
		{"chinese public key", "公钥：o48uXHiXqFg13vA3" + "CN8PX4DN6sE2splb", "", ""},
		{"chinese key no value", "API密钥: 请联系管理员获取", "", ""},

		// a passphrase of four words or more after "with password"
		{"passphrase after verb", "I'm logged in as praxisadmin with password revontuli-gelato-falcon-havet but", "PASSWORD_ASSIGNMENT", "revontuli-gelato-falcon-havet"},
		{"three words after verb", "log in with password case-by-case", "", ""},
		{"hyphenated compound", "use password-protected-share-links", "", ""},

		// PINs: Latin "PIN" in CJK text, PIN1 and PIN2, codes of locks
		{"japanese pin particle", "課長から「ICカードのPINは5732です」と言われました", "PIN", "5732"},
		{"japanese pin year", "PINコードの変更は2026年から", "", ""},
		{"korean pin year", "비밀번호 변경은 2026년부터", "", ""},
		{"estonian pin1 pin2", "Tema ajutine PIN1 on 1078 ja PIN2 on 81828, need tuleb vahetada.", "PIN", ""},
		{"pin2 length", "PIN2 is 5 digits long", "", ""},
		{"spanish alarm code", "el código de la alarma es 1623 y hay que desactivarla", "PIN", "1623"},
		{"portuguese gate code", "o código do portão do canteiro é 997834 e depois", "PIN", "997834"},
		{"swedish gate code", "koden till grinden vid etableringen är 9340 och den byts", "PIN", "9340"},
		{"override code", "The manager override code on all tills is now 271048, don't share it", "PIN", "271048"},
		{"french key box code", "dans la boîte à clés à côté de la porte, code 6983.", "PIN", "6983"},
		{"italian elided", "il codice dell'allarme è 4821", "PIN", "4821"},
		{"code on the door", "the code on the door is 4821", "", ""},
		{"swedish gate code word", "portkoden är 4827", "PIN", "4827"},
		{"finnish door code word", "ovikoodi on 4827", "PIN", "4827"},
		{"finnish pin", "PIN-koodi on 4827", "PIN", "4827"},
		{"polish intercom", "kod do domofonu 4827", "PIN", "4827"},
		{"lockbox combo", "lockbox combo is 4827", "PIN", "4827"},
		{"combo price", "the combo deal costs 1299", "", ""},
		{"code for a course", "the code for the course is 4821", "", ""},
		{"product code", "the product code is 4821", "", ""},

		// override and manager codes in other scripts; Thai names
		{"arabic override code", "استخدموا رمز التجاوز 574230 ثم اضغطوا OK", "PIN", "574230"},
		{"hebrew manager code", "תשתמשו בקוד מנהל 3394 בקופה ותרשמו", "PIN", "3394"},
		{"thai access code", "รหัสเข้าแอปคือ 437111 ห้ามบอกใครนะ", "PIN", "437111"},
		{"thai postcode", "รหัสไปรษณีย์ 10110", "", ""},
		{"override counting", "the override code is 1234", "", ""},

		// the number of a code in a series
		{"polish numbered code", "przyszedł SMS: „Kod autoryzacyjny nr 2 do operacji: 60682808”. Strona", "ONE_TIME_CODE", "60682808"},
		{"polish numbered expired", "Kod nr 2 wygasł: 60682808", "", ""},

		// nmcli takes a password as an argument
		{"nmcli quoted", `PS C:\Users\x> nmcli dev wifi connect "Lab-WLAN" password "A4cTAozVCb6S7` + `DduQuflZk"`, "PASSWORD_ASSIGNMENT", "A4cTAozVCb6S7DduQuflZk"},
		{"nmcli variable", `nmcli dev wifi connect Lab password "$WIFI_PASS"`, "", ""},
		{"prose quoted word", `run nmcli, then the password "is" asked`, "", ""},
		{"no nmcli", `wifi connect Lab password "A4cTAozVCb6S7` + `DduQuflZk"`, "", ""},

		// passphrases of capitalised words joined by dots; a dot in a random string
		{"dotted title quoted", `"basicAuthPassword": "Ripple.Olive.Kayak.Badger1"`, "PASSWORD_ASSIGNMENT", "Ripple.Olive.Kayak.Badger1"},
		{"dotted settings path", `password = "Settings.Default.DbPass"`, "", ""},
		{"dotted namespace", `"password": "System.Net.Http"`, "", ""},
		{"random with dot", "username=reporting\npassword=G.bVMy8tVCHiYoj3" + "ayDFvJ\ndomain=CORP", "PASSWORD_ASSIGNMENT", "G.bVMy8tVCHiYoj3ayDFvJ"},
		{"property path", "password = config.db.password", "", ""},
		{"camel property path", "password=appConfig.getHTTPClient2", "", ""},

		// a Chinese password label then a value and an ASCII comma
		{"cjk password comma", "管理员账号 admin_gate,密码:tramonto.granite.sommar,每周一导出", "PASSWORD_ASSIGNMENT", "tramonto.granite.sommar"},
		{"cjk password sentence", "密码：Xk9mQ2vLp7。", "PASSWORD_ASSIGNMENT", "Xk9mQ2vLp7"},
		{"cjk password no value", "密码:请联系管理员,每周一导出", "", ""},

		// a password in brackets after its name
		{"paren english", "the admin password (Xk9#mQ2v" + "Lp7) was leaked", "PASSWORD_ASSIGNMENT", "Xk9#mQ2vLp7"},
		{"paren french quotes", "le mot de passe du compte de service « svc-paie » (Ko@l@+11" + "nebula) figurait en clair", "PASSWORD_ASSIGNMENT", "Ko@l@+11nebula"},
		{"paren ukrainian", "Звіт: пароль адміністратора CRM (SPRUCE_walnut" + "1996=) потрапив у скріншот", "PASSWORD_ASSIGNMENT", "SPRUCE_walnut1996="},
		{"paren policy", "the password policy (Rule-2024a) applies", "", ""},
		{"paren note", "password (min. 12 chars)", "", ""},
		{"paren key", "the key (Xk9#mQ2vLp7) works", "", ""},
		{"paren far", "the password was changed. The ticket (INC-2024#77x) is closed", "", ""},

		// three lower-case words after a password name and a link
		{"three words after comma", `Office Wi-Fi: network "Lakeside-Guests", password noodle-summit-oyster. Ask me`, "PASSWORD_ASSIGNMENT", "noodle-summit-oyster"},
		{"three words after is", "my password is correct-horse-battery.", "PASSWORD_ASSIGNMENT", "correct-horse-battery"},
		{"three words describe", "your password is auto-generated-daily", "", ""},
		{"three words time based", "the password is time-based-only", "", ""},
		{"two words", "the password is case-sensitive", "", ""},

		// recovery codes pasted onto one line
		{"codes on one line", "store these recovery codes, one per line:\n\n6ab04-e87a4 3cbfb-741e9 443cb-3900e e7959-" + "472e6", "MFA_BACKUP_CODE", ""},
		{"three codes on one line", "codes:\n6ab04-e87a4 3cbfb-741e9 443cb-3900e", "", ""},
		{"codes and a word", "build ids\nab12c-3de45 ab12c-3de46 ab12c-3de47 ab12c-3de48 ab12c-3de49 extra", "", ""},

		// joined words and a number after a password name and a linking word
		{"words digits spanish", "la contraseña del wifi de la oficina nueva es cucharaveranocamino" + "19 (la red se llama", "PASSWORD_ASSIGNMENT", "cucharaveranocamino19"},
		{"words digits english", "the password is sunnymeadow" + "2024.", "PASSWORD_ASSIGNMENT", "sunnymeadow2024"},
		{"words digits stand-in", "the password is password2024", "", ""},
		{"words digits user", "my username is johnsmith1985", "", ""},
		{"words digits not a password", "the project code name is sunnymeadow2024", "", ""},

		// Arabic and Persian password names right before the value
		{"arabic and password", "ادخل بالبريد bayt@hotmail.com\nوكلمة المرور $@b@h#" + "91\nلا تغيّر كلمة المرور", "PASSWORD_ASSIGNMENT", "$@b@h#91"},
		{"persian password", "رمز عبور Xk9#mQ2v" + "Lp7", "PASSWORD_ASSIGNMENT", "Xk9#mQ2vLp7"},
		{"arabic policy", "كلمة المرور يجب أن تكون 12 حرفا", "", ""},
		{"arabic weak", "كلمة المرور welcome", "", ""},

		// a user and password each in backticks
		{"backtick pair", "Shared admin login for the firewall is `fwadmin` / `+Noodle" + "1801JAS` (Kim asked", "PASSWORD_ASSIGNMENT", "+Noodle1801JAS"},
		{"backtick commands", "run `make` / `make-test2024X` first", "", ""},
		{"backtick stand-in", "login: `bob` / `changeme`", "", ""},

		// "pass" for a password only after a change verb and a qualifier
		{"root pass to", "I reset the root pass to tucxi-stgcqj-" + "818!, write it down", "PASSWORD_ASSIGNMENT", "tucxi-stgcqj-818!"},
		{"wifi pass to", "we changed the wifi pass to Harb0ur!" + "Lights yesterday", "PASSWORD_ASSIGNMENT", "Harb0ur!Lights"},
		{"boarding pass to", "set the boarding pass to Gate-12B now", "", ""},
		{"pass to someone", "please pass to Xk9#mQ2vLp7", "", ""},
	})
}

// Formats of the seventh round (rules_general18.go).
func TestGeneral18Formats(t *testing.T) {
	dbx := "sl." + rep(b62, 5)[:138]
	asana := "2/1205" + "948371642901/1206019283746501:" + "3f9c2a7e1b5d4c8f" + "a06e2d9b7c1f4a35"
	body := rep(b62+"+/", 40)[:1180]
	pkcs1 := "MIIEow" + "IBAAKCAQEA" + body + "=="
	runCases(t, []tcase{
		{"dropbox sdk", `dbx = dropbox.Dropbox("` + dbx + `")`, "DROPBOX_SHORT_LIVED_API_TOKEN", dbx},
		{"dropbox short", `see sl.` + rep(b62, 2)[:60], "", ""},
		{"dropbox domain", "see example.com/sl.html", "", ""},
		{"dropbox run", `"sl.` + rep("a", 140) + `"`, "", ""},
		{"asana pat", "ASANA_TOKEN=" + asana, "ASANA_PERSONAL_ACCESS_TOKEN", asana},
		{"asana dates", "on 12/2/2024 we paid 1/3 of the invoice 2/1234567890", "", ""},
		{"asana hex run", "2/1205948371642901/1206019283746501:" + rep("0", 32), "", ""},
		{"pkcs1 bare", "<RSAKeyValue>" + pkcs1 + "</RSAKeyValue>", "PRIVATE_KEY", pkcs1},
		{"pkcs1 public", `"publicKey": "MIIBCg` + `KCAQEA` + body[:360] + `IDAQAB"`, "", ""},
		{"pkcs1 short", "x MIIEow" + "IBAAKCAQEA" + body[:100], "", ""},

		// command lines and configs that take a password
		{"snmpv3 auth", "snmp-server user monitor netops v3 auth sha Kp9vQx" + "2LmZ priv aes 128 Tz4wRx8NbV", "PASSWORD_ASSIGNMENT", ""},
		{"snmpv3 encrypted", "snmp-server user monitor netops v3 encrypted auth sha 4F:3A:9C priv aes 128 7B:2C", "", ""},
		{"mosquitto batch", "mosquitto_passwd -b /etc/mosquitto/passwd sensor01 Kp9vQx" + "2LmZ!", "PASSWORD_ASSIGNMENT", "Kp9vQx2LmZ!"},
		{"mosquitto prompt", "mosquitto_passwd -c /etc/mosquitto/passwd sensor01", "", ""},
		{"openssl enc k", "openssl enc -aes-256-cbc -salt -in db.sql -out db.enc -k Kp9vQx" + "2LmZ!", "PASSWORD_ASSIGNMENT", "Kp9vQx2LmZ!"},
		{"openssl enc variable", "openssl enc -aes-256-cbc -k $BACKUP_PASS -in a", "", ""},

		// an SNMP community string is a password
		{"community string is", "the community string is Nq7vLx" + "2Rtz", "PASSWORD_ASSIGNMENT", "Nq7vLx2Rtz"},
		{"ro community label", "RO community: Nq7vLx" + "2Rtz", "PASSWORD_ASSIGNMENT", "Nq7vLx2Rtz"},
		{"community forum", "Our community forum is Forum-2024x", "", ""},

		// TOTP seeds
		{"otpauth secret", "otpauth://totp/ACME:bob?secret=5KTQ7M2XRW4N" + "BZ6PH3YDQ7VF&issuer=ACME", "TOTP_SECRET", "5KTQ7M2XRW4NBZ6PH3YDQ7VF"},
		{"setup key groups", "Can't scan the QR code? Enter this key instead:\n5ktq 7m2x rw4n bz6p h3yd q7vf 2lmc " + "x3ae\n", "TOTP_SECRET", "5ktq 7m2x rw4n bz6p h3yd q7vf 2lmc x3ae"},
		{"setup key spanish", "Clave secreta: 5KTQ 7M2X RW4N BZ6P H3YD " + "Q7VF", "TOTP_SECRET", "5KTQ 7M2X RW4N BZ6P H3YD Q7VF"},
		{"key words", "key: this that then what when were will them", "", ""},
		{"license key groups", "license key: ABCD EFGH IJKL MNOP QRST UVWX", "", ""},
	})
}
