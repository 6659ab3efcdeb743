package secrets

// general16Rules were added in the fifth round (2026-11-27, fifth
// session) for the kinds of miss the earlier rounds left: one-time codes
// read out (otp.go) and the answers banks and portals ask for besides a
// password (memorable words, security answers, a mother's maiden name).
var general16Rules = registerOpOnlyKeywords(general16OpOnly, []ruleDef{
	{ID: idOneTimeCode, Type: "ONE_TIME_CODE", Desc: "A one-time code (OTP, 2FA, verification, BLIK or SMS code) read out after its name, in several languages; not on a line that says it expired or was rejected.",
		Scan: scanNone, Run: true, Score: 0.6, Source: srcParapet, License: licParapet},
	with(own(idSecurityAnswer, "A memorable word or the answer to a security question given with its name (memorable word: x, mother's maiden name = x, respuesta secreta: x), in several languages.",
		`(?i)\b(?:memorable[ \t]+(?:word|phrase|name|place|information|info|answer|data)|(?:mother'?s[ \t]+)?maiden[ \t]+name|secur(?:ity|e)[ \t]+(?:answer|word)|secret[ \t]+answer|palabra[ \t]+memorable|respuesta[ \t]+(?:de[ \t]+seguridad|secreta)|resposta[ \t]+secreta|sicherheitsantwort|geheimantwort|nom[ \t]+de[ \t]+jeune[ \t]+fille)[ \t]*[:=][ \t]*["']?([A-Za-z][A-Za-z0-9'-]{2,39})(?:["'\s.,;)!]|$)`,
		general16OpOnly[idSecurityAnswer]...), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && !obviousFake(v) && !inWords(v, securityAnswerStopWords)
		}
		r.Type = "SECURITY_ANSWER"
		r.Score = 0.6
	}),
	// The answer given after a security question ("Security question:
	// first pet? Answer: Rumpel").
	with(own("SECURITY_QUESTION_ANSWER", "The answer after a security question and its answer label (Security question: … Answer: x), in several languages.",
		`(?i)\b(?:security[ \t]+question|secret[ \t]+question|pregunta[ \t]+(?:de[ \t]+seguridad|secreta)|pergunta[ \t]+secreta|sicherheitsfrage|question[ \t]+secr(?:e|è)te)[ \t]*[:=][^\n]{0,100}?(?:\r?\n[^\n]{0,40}?)?\b(?:answer|respuesta|resposta|antwort|r(?:é|e)ponse)[ \t]*[:=][ \t]*["']?([A-Za-z][A-Za-z0-9'-]{2,39})(?:["'\s.,;)!]|$)`,
		"security question", "secret question", "pregunta de seguridad", "pregunta secreta", "pergunta secreta", "sicherheitsfrage", "question secr"), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && !obviousFake(v) && !inWords(v, securityAnswerStopWords)
		}
		r.Type = "SECURITY_ANSWER"
		r.Score = 0.6
	}),
	// Automation webhooks whose URL is the credential: anyone who has it
	// can start the scenario.
	with(own("MAKE_WEBHOOK_URL", "A Make (Integromat) scenario webhook URL (hook.<region>.make.com/<32 characters>).",
		`\bhttps?://(hook\.(?:(?:eu|us)[0-9]\.)?(?:make|integromat)\.com/[a-z0-9]{32})\b`,
		"hook.eu1.make.com", "hook.eu2.make.com", "hook.us1.make.com", "hook.us2.make.com", "hook.make.com", "hook.integromat.com"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v[len(v)-32:]) > 3.5 && !obviousFake(v[len(v)-32:]) }
		r.Score = 0.8
	}),
	with(own("ZAPIER_WEBHOOK_URL", "A Zapier catch hook URL (hooks.zapier.com/hooks/catch/<account>/<hook>).",
		`\bhttps?://(hooks\.zapier\.com/hooks/catch/[0-9]{4,12}/[a-z0-9]{5,12})\b`, "hooks.zapier.com"), func(r *ruleDef) {
		r.Score = 0.8
	}),
	with(own("PIPEDREAM_WEBHOOK_URL", "A Pipedream HTTP source endpoint (https://eo….m.pipedream.net).",
		`\bhttps?://(eo[a-z0-9]{12,24}\.m\.pipedream\.net)\b`, ".m.pipedream.net"), func(r *ruleDef) {
		r.Score = 0.8
	}),
	// More command lines and calls that take a password.
	cliPassword("KEYTOOL_STORE_PASSWORD", "A key store or key password given to keytool (-storepass, -keypass, -srcstorepass, -deststorepass …).",
		`\bkeytool\b[^\n]{0,300}?[ \t]-(?:src|dest)?(?:storepass|keypass)[ \t]+['"]?(`+cliValue+`)`,
		" -storepass", " -keypass", " -srcstorepass", " -deststorepass", " -srckeypass", " -destkeypass"),
	// curl -u user:password when the password has bytes the gitleaks
	// rule's class leaves out (!, #, %, ^, &, *, ~, +, =).
	with(cliPassword("CURL_USER_PASSWORD", "A password in curl -u/--user user:password with a byte such as !, #, % or * in it.",
		`\bcurl\b[^\n]{0,200}?[ \t](?:-u|--user)(?:=|[ \t]+)['"]?[^\s:'"$<]{1,64}:(`+cliValue+`)`, " -u", " --user"), func(r *ruleDef) {
		r.Validate = curlPasswordValue
	}),
	// Terraform state: the result of a random_password resource.
	with(own("TERRAFORM_RANDOM_PASSWORD", "The result of a random_password resource in Terraform state (terraform.tfstate).",
		`random_password"(?:[^\x00]{0,600}?)"result"[ \t]*:[ \t]*"([^"\n]{6,128})"`, "random_password\""), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
		r.Type = idPassword
		r.Score = 0.8
	}),
	cliPassword("PIHOLE_WEB_PASSWORD", "A Pi-hole web interface password set with pihole -a -p.",
		`\bpihole\b[ \t]+-a[ \t]+-p[ \t]+['"]?(`+cliValue+`)`, " -p"),
	with(own("WPA_PASSPHRASE_ARG", "A Wi-Fi passphrase given to wpa_passphrase SSID PASSPHRASE.",
		`\bwpa_passphrase[ \t]+(?:"[^"\n]{1,32}"|'[^'\n]{1,32}'|[^\s'"]{1,32})[ \t]+['"]?([^\s'"$<][^\s'"]{7,62})`, "wpa_passphrase"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
		r.Type = idPassword
		r.Score = 0.7
	}),
	cliPassword("IPMITOOL_PASSWORD", "A BMC password given to ipmitool -P.",
		`\bipmitool\b[^\n]{0,200}?[ \t]-P[ \t]+['"]?(`+cliValue+`)`, " -p"),
	cliPassword("MONGO_SHELL_PASSWORD", "A password given to mongo, mongosh or the MongoDB tools with -p or --password.",
		`\b(?:mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport|mongostat|mongotop)\b[^\n]{0,200}?[ \t](?:-p|--password)(?:=|[ \t]+)['"]?(`+cliValue+`)`, " -p", " --password"),
	cliPassword("NMCLI_WIFI_PSK", "A Wi-Fi key given to nmcli as wifi-sec.psk.",
		`\bwifi-sec\.psk[ \t]+['"]?(`+cliValue+`)`, "wifi-sec.psk"),
	with(own("OKHTTP_BASIC_CREDENTIALS", "A password in OkHttp's Credentials.basic(user, password).",
		`\bCredentials\.basic\([ \t]*"[^"\n]{1,64}"[ \t]*,[ \t]*"([^"\n]{3,64})"`, "credentials.basic("), authTuple),
	with(own("WIFI_QR_PASSWORD", "The password in a Wi-Fi QR code string (WIFI:T:WPA;S:network;P:password;;).",
		`\bWIFI:(?:[^;\n]{0,64};){0,6}?P:((?:\\;|[^;\n]){4,63});`, "wifi:t:", "wifi:s:"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
		r.Type = idPassword
		r.Score = 0.8
	}),
	// Passphrases of words separated by spaces, as password managers
	// generate them ("candle marble otter river"), after a password
	// label and a colon.
	with(own(idSpacedPassphrase, "A passphrase of four to six lower-case words separated by spaces after a password label and a colon (Password: candle marble otter river); not the XKCD example.",
		`(?i)\b(?:password|passphrase|passwort|kennwort|wachtwoord|senha|contrase(?:ñ|n)a|losenord|pwd|pw)[ \t]*:[ \t]*["']?((?-i:[a-z]{3,10}(?: [a-z]{3,10}){3,5}))["']?[ \t]*(?:$|\r?\n|[(,;.])`,
		"password", "passphrase", "passwort", "kennwort", "wachtwoord", "senha", "contrase", "losenord", "pwd", "pw"), func(r *ruleDef) {
		r.Validate = spacedWordsPassphrase
		r.Type = idPassword
		r.Score = 0.7
	}),
	with(own(idSpacedPassphrase+"_CJK", "A passphrase of four to six lower-case words separated by spaces after a password name in Chinese, Japanese or Korean (パスワード：candle marble otter river).",
		`(?:パスワード|密码|密碼|비밀번호)[ \t]*[:：][ \t]*["'「]?([a-z]{3,10}(?: [a-z]{3,10}){3,5})["'」]?[ \t]*(?:$|\r?\n|[(,;.])`,
		"パスワード", "密码", "密碼", "비밀번호"), func(r *ruleDef) {
		r.Validate = spacedWordsPassphrase
		r.Type = idPassword
		r.Score = 0.7
	}),
})

// curlPasswordValue reports a password of six bytes or more with a byte
// outside [A-Za-z0-9_$@.{}-], not a template or a stand-in.
func curlPasswordValue(v string) bool {
	if len(v) < 6 || isTemplate(v) || isPlaceholder(v) || obviousFake(v) || indexByte(v, '<') >= 0 || indexByte(v, '>') >= 0 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; !isAlnum(c) && indexByte("_$@.{}-", c) < 0 {
			return true
		}
	}
	return false
}

const (
	idSecurityAnswer   = "SECURITY_ANSWER"
	idSpacedPassphrase = "SPACED_PASSPHRASE"
)

// spacedWordsPassphrase reports words that make a generated passphrase
// rather than a sentence: none of them a common word of prose ("same as
// the wifi one", "sent by text message"), no word twice.
func spacedWordsPassphrase(v string) bool {
	if isPlaceholder(v) || isTemplate(v) || v == "correct horse battery staple" {
		return false // the XKCD example
	}
	for i := 0; i < len(v); {
		j := i
		for j < len(v) && v[j] != ' ' {
			j++
		}
		w := v[i:j]
		if inWords(w, passphraseStopWords) {
			return false
		}
		for k := j + 1; k < len(v); {
			l := k
			for l < len(v) && v[l] != ' ' {
				l++
			}
			if v[k:l] == w {
				return false
			}
			k = l + 1
		}
		i = j + 1
	}
	return true
}

// passphraseStopWords are common words of prose and of talk about
// passwords: a run of words with one of them is a sentence.
var passphraseStopWords = []string{
	"the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "her", "was", "one", "our", "out",
	"his", "has", "had", "how", "its", "let", "may", "new", "now", "old", "see", "two", "way", "who", "did",
	"get", "got", "use", "used", "using", "via", "with", "from", "this", "that", "they", "them", "then",
	"than", "there", "their", "what", "when", "where", "which", "while", "will", "would", "should", "could",
	"your", "yours", "have", "been", "were", "into", "onto", "only", "just", "also", "same", "some", "such",
	"very", "more", "most", "much", "many", "each", "every", "other", "another", "here", "after", "before",
	"about", "above", "below", "again", "still", "yet", "please", "thanks", "thank", "sent", "send", "sending",
	"ask", "asked", "call", "text", "message", "email", "mail", "phone", "sms", "slack", "teams", "signal",
	"whatsapp", "chat", "vault", "manager", "keepass", "bitwarden", "lastpass", "note", "notes", "file",
	"set", "unset", "none", "empty", "blank", "hidden", "masked", "redacted", "removed", "changed", "change",
	"reset", "expired", "unknown", "same", "usual", "default", "provided", "separately", "request", "admin",
	"user", "username", "login", "account", "password", "passphrase", "secret", "token", "key", "required",
	"optional", "needed", "enter", "type", "click", "show", "copy", "paste", "store", "stored", "saved",
	"don", "isn", "doesn", "won", "can't", "it's", "is", "be", "to", "of", "in", "on", "at", "by", "or", "as",
	"if", "so", "no", "do", "my", "me", "we", "us", "he", "she", "it", "an",
	// other languages' function words
	"der", "die", "das", "und", "ist", "nicht", "mit", "von", "per", "les", "des", "une", "est", "pas",
	"que", "los", "las", "por", "con", "para", "una", "del", "não", "com", "het", "een", "niet", "och", "att",
}

// general16OpOnly are keywords looked for only before an operator.
var general16OpOnly = map[string][]string{
	idSecurityAnswer: {"memorable word", "memorable phrase", "memorable name", "memorable place", "memorable information",
		"memorable info", "memorable answer", "memorable data", "maiden name",
		"security answer", "secure answer", "security word", "secure word", "secret answer", "palabra memorable",
		"respuesta de seguridad", "respuesta secreta", "resposta secreta", "sicherheitsantwort", "geheimantwort", "nom de jeune fille"},
}

// securityAnswerStopWords are words a form puts after the name instead of
// an answer.
var securityAnswerStopWords = []string{
	"required", "optional", "none", "unknown", "hidden", "redacted", "same", "see", "ask", "what", "which",
	"the", "your", "not", "set", "yes", "true", "false", "null", "empty", "question", "answer", "word",
	"enter", "type", "letters", "characters", "chars", "case", "sensitive", "needed", "requerido", "erforderlich",
	"obligatoire", "obrigatório", "example", "sample", "test", "string", "text",
}
