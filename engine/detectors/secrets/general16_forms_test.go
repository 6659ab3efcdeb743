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
	})
}
