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
	"رمز التحقق", "验证码", "驗證碼", "認証コード", "確認コード", "인증번호", "인증 번호",
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
