package secrets

// One-time codes read out or passed on (ONE_TIME_CODE): "it just texted
// the 2FA code to my phone: 985 981", "el código de verificación es
// 482913", "kod BLIK: 911 008", "验证码 603817". A code is a secret while
// it is valid: whoever holds it can finish a login or a payment. The
// run hook of PIN_OR_DOOR_CODE (pinCode) finds them: the names below are
// in its table, and a number of four to eight digits, or two groups of
// three, after one of them is a one-time code unless its line says the
// code expired or was rejected (a log line, a story about an old code).

const idOneTimeCode = "ONE_TIME_CODE"

// otpNames name a one-time code (lower case; matched like pinNames).
var otpNames = []string{
	"otp", "otp code", "2fa code", "2fa-code", "mfa code", "one-time code", "one time code", "one-time passcode",
	"one-time pin", "verification code", "login code", "sign-in code", "signin code",
	"sms code", "2-step code", "two-factor code",
	"blik", "kod blik", "blik code", "kod sms", "kod weryfikacyjny", "kod jednorazowy", "kod autoryzacyjny",
	"bestätigungscode", "bestaetigungscode", "verifizierungscode", "sms-code", "sms-tan", "mobiletan",
	"code de vérification", "code de verification", "code sms", "code de confirmation sms",
	"código de verificación", "codigo de verificacion", "código de verificação", "codigo de verificacao",
	"código sms", "codigo sms", "código otp", "codice di verifica", "codice otp", "codice sms",
	"verificatiecode", "sms-code", "mã otp", "mã xác nhận", "mã xác thực", "kode otp", "kode verifikasi",
	"doğrulama kodu", "dogrulama kodu", "код подтверждения", "код из смс", "одноразовый код",
	"Код подтверждения", "Код из СМС", "код из СМС", "Одноразовый код",
	"رمز التحقق", "验证码", "驗證碼", "認証コード", "確認コード", "인증번호", "인증 번호",
	// a bare "code" only with wording about a login or a text message on
	// its line (otpContext)
	"code", "código", "codigo", "kod", "codice", "kode", "код",
	// Swedish, Danish and Norwegian "the code", Finnish, Turkish (kapı
	// kodu), Czech, Slovak and Hungarian
	"koden", "koodi", "kodu", "kód",
	// Romanian: "codul de verificare", "Codul tău de autentificare este …"
	"codul de verificare", "cod de verificare", "codul de autentificare", "cod de autentificare", "codul", "cod",
}

// bareCodeNames are the otpNames that say only "code".
var bareCodeNames = []string{"code", "código", "codigo", "kod", "codice", "kode", "код", "koden", "koodi", "kodu", "kód", "codul", "cod"}

// otpContextWords on a bare code's line make it a one-time code.
var otpContextWords = []string{
	"sms", "texted", "text message", "2fa", "mfa", "otp", "authenticator", "verification", "verify",
	"sign-in", "sign in", "login", "log in", "log-in", "one-time", "blik", "whatsapp", "telegram",
	"bestätigung", "anmelde", "connexion", "vérification", "verificación", "verificação", "acceso",
	"logowania", "weryfik", "accesso", "verifica", "masuk", "verifikasi", "вход", "подтвержд",
	"autentific", "authentif", "verificare",
}

// codeKindWords before a bare "code" make it some other code: an error,
// a postcode, a product, a discount, a bank's sort code …
var codeKindWords = []string{
	"error", "status", "exit", "return", "response", "http", "zip", "postal", "post", "area", "country",
	"dial", "dialing", "product", "item", "sku", "promo", "promotion", "discount", "coupon", "voucher",
	"gift", "referral", "invite", "invitation", "tracking", "order", "reference", "booking", "confirmation",
	"activation", "license", "licence", "source", "qr", "bar", "colour", "color", "language", "currency",
	"airport", "region", "course", "class", "dress", "tax", "sort", "branch", "bank", "swift", "bic",
	"iban", "routing", "transit", "fault", "diagnostic", "trouble", "obd", "icd", "cpt", "hs", "naics",
	"postleitzahl", "fehler", "error-", "código postal", "postal", "ошибки", "ошибка",
}

// otpContext reports, for a bare "code" starting at text[ns] on the line
// from ls, no word before it that makes it another kind of code, and
// wording about a login or a text message on its line up to the number's
// end ve and a little after.
func otpContext(text string, ls, ns, ve int) bool {
	if p := prevWord(text, ls, ns); p != "" && inWords(p, codeKindWords) {
		return false
	}
	le := ve
	for le < len(text) && text[le] != '\n' && le-ve < 80 {
		le++
	}
	line := text[ls:le]
	for _, w := range otpContextWords {
		if containsFold(line, w) {
			return true
		}
	}
	return false
}

// otpNameSet tells the one-time code names from the PIN names.
var otpNameSet = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range otpNames {
		m[n] = true
	}
	return m
}()

// otpDeadWords on a code's line make it a code that no longer works.
var otpDeadWords = []string{
	"expired", "rejected", "invalid", "incorrect", "wrong", "failed", "used", "abgelaufen", "ungültig",
	"expiré", "expirée", "caducado", "caducó", "expirado", "expirou", "scaduto", "verlopen",
	"wygasł", "wygasl", "nieprawidłowy", "истёк", "истек", "过期", "期限切れ", "만료", "hết hạn", "kedaluwarsa",
}

// liveCode reports a one-time code whose line (from ls, the code ending
// at ve) says nothing about it having expired or been rejected.
func liveCode(text string, ls, ve int) bool {
	le := ve
	for le < len(text) && text[le] != '\n' && le-ve < 120 {
		le++
	}
	line := text[ls:le]
	for _, w := range otpDeadWords {
		if i := indexFold(line, w); i >= 0 && (i == 0 || !isLetter(line[i-1])) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}
