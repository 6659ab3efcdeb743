package secrets

// general16Rules were added in the fifth round (2026-11-27, fifth
// session) for the kinds of miss the earlier rounds left: one-time codes
// read out (otp.go) and the answers banks and portals ask for besides a
// password (memorable words, security answers, a mother's maiden name).
var general16Rules = registerOpOnlyKeywords(general16OpOnly, []ruleDef{
	{ID: idOneTimeCode, Type: "ONE_TIME_CODE", Desc: "A one-time code (OTP, 2FA, verification, BLIK or SMS code) read out after its name, in several languages; not on a line that says it expired or was rejected.",
		Scan: scanNone, Run: true, Score: 0.6, Source: srcParapet, License: licParapet},
	with(own(idSecurityAnswer, "A memorable word or the answer to a security question given with its name (memorable word: x, mother's maiden name = x, respuesta secreta: x), in several languages.",
		`(?i)\b(?:memorable[ \t]+(?:word|phrase|name|place)|(?:mother'?s[ \t]+)?maiden[ \t]+name|secur(?:ity|e)[ \t]+(?:answer|word)|secret[ \t]+answer|palabra[ \t]+memorable|respuesta[ \t]+(?:de[ \t]+seguridad|secreta)|resposta[ \t]+secreta|sicherheitsantwort|geheimantwort|nom[ \t]+de[ \t]+jeune[ \t]+fille)[ \t]*[:=][ \t]*["']?([A-Za-z][A-Za-z0-9'-]{2,39})(?:["'\s.,;)!]|$)`,
		general16OpOnly[idSecurityAnswer]...), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && !obviousFake(v) && !inWords(v, securityAnswerStopWords)
		}
		r.Type = "SECURITY_ANSWER"
		r.Score = 0.6
	}),
})

const idSecurityAnswer = "SECURITY_ANSWER"

// general16OpOnly are keywords looked for only before an operator.
var general16OpOnly = map[string][]string{
	idSecurityAnswer: {"memorable word", "memorable phrase", "memorable name", "memorable place", "maiden name",
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
