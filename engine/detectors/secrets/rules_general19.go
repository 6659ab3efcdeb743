package secrets

import "strings"

// general19Rules were added in the seventh round's second half
// (2026-11-27, general18 development misses): two credentials whose
// shape is their own and which no rule read where people paste them.
var general19Rules = []ruleDef{
	// X (Twitter) API app-only bearer tokens: twenty to twenty-two "A"s
	// (base64 of leading zero bytes) and then the URL-encoded rest (%2B,
	// %2F, %3D). The value shape is gitleaks' twitter-bearer-token rule
	// (gitleaks v8, MIT licence: A{22}[a-zA-Z0-9%]{80,100}); that rule also
	// wants the word "twitter" and an operator before it, and the token in
	// X's own documentation starts with 21 "A"s, so 20 to 22 are taken
	// here, wherever the token stands (an Authorization header in code).
	with(ruleDef{ID: "X_APP_BEARER_TOKEN", Type: "TWITTER_BEARER_TOKEN",
		Desc:     "An X (Twitter) API app-only bearer token (20 to 22 'A's and 80 to 110 URL-encoded base64 characters) wherever it stands.",
		Pattern:  `(AAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{80,112})(?:[^A-Za-z0-9%]|$)`,
		Keywords: []string{"aaaaaaaaaaaaaaaa"},
		Source:   "gitleaks twitter-bearer-token value shape (MIT), adapted", License: "MIT"}, func(r *ruleDef) {
		r.Validate = xBearerToken
		r.Score = 0.85
	}),
	// Copernicus Climate / Atmosphere Data Store API keys as cdsapi reads
	// them: ~/.cdsapirc holds "url: https://cds.climate.copernicus.eu/api"
	// and "key: <UID>:<API key>" (ecmwf/cdsapi README, Apache-2.0); the
	// current CDS takes the personal access token (a UUID) alone. The
	// key is taken within four lines after the store's URL, also as
	// cdsapi.Client(url=…, key=…).
	with(own("COPERNICUS_CDS_API_KEY", "A Copernicus CDS/ADS API key (UUID, or UID:UUID) after the store's API URL, as in ~/.cdsapirc or cdsapi.Client(url=…, key=…).",
		`(?i)(?:cds|ads|ewds)\.[a-z.]{0,20}copernicus\.eu/api[^\n]{0,120}?(?:\n[^\n]{0,120}?){0,3}?\bkey['"]?[ \t]*[:=][ \t]*['"]?((?:[0-9]{3,8}:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[^0-9a-f-]|$)`,
		"copernicus.eu/api"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !obviousFake(strings.ReplaceAll(v, "-", "")) }
		r.Score = 0.8
	}),
	// Google app passwords (and other app-specific passwords of the same
	// shape): sixteen lower-case letters in four groups of four, as the
	// account page shows them, after an app-password name in one of
	// several languages, quoted or not.
	with(own("APP_PASSWORD_SPACED", "An app password of four groups of four lower-case letters (as Google shows it) after an app-password name in one of several languages.",
		`(?i:app[- ]?passwor[dt]|app[- ]specific password|application password|anwendungskennwort|mot de passe d’application|contrase(?:ñ|n)a de (?:aplicaci(?:ó|o)n|app)|senha de (?:app|aplicativo)|has(?:ł|l)o aplikacji|app-wachtwoord|applösenord|app-adgangskode|app-passord|sovelluksen salasana|password per le app|password dell.app|uygulama şifresi|пароль приложения|пароль застосунку|アプリ ?パスワード|应用专用密码|앱 비밀번호)[^\n]{0,40}?(?:^|[\s"'„“«:：(])((?-i:[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}))(?:[^A-Za-z0-9]|$)`,
		appPasswordKeywords...), func(r *ruleDef) {
		r.Validate = spacedAppPassword
		r.Type = "PASSWORD"
		r.Score = 0.8
	}),
}

// appPasswordKeywords trigger APP_PASSWORD_SPACED: the names with a
// byte rarer than a letter and no case outside ASCII (a hyphen, a
// typographic apostrophe, CJK, Hangul); plain "app password" would be
// looked for in every text, and the automaton folds ASCII case only.
var appPasswordKeywords = []string{
	"app-password", "app-passwort", "app-specific password", "app-wachtwoord", "app-adgangskode", "app-passord",
	"d’application", "アプリパスワード", "アプリ パスワード", "应用专用密码", "앱 비밀번호",
}

// xBearerToken checks the part after the run of "A"s: long, mixed,
// not a run of one letter.
func xBearerToken(v string) bool {
	rest := strings.TrimLeft(v, "A")
	if len(v)-len(rest) > 22 || len(rest) < 60 {
		return false
	}
	up, lo, dg := false, false, false
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case c >= 'A' && c <= 'Z':
			up = true
		case c >= 'a' && c <= 'z':
			lo = true
		case c >= '0' && c <= '9':
			dg = true
		}
	}
	return up && lo && dg && shannon(rest) > 4
}

// commonFour are frequent English four-letter words: text after an
// app-password name that is made of them is prose ("app password that
// will make your …"), not a password.
var commonFour = []string{
	"that", "this", "with", "from", "your", "will", "have", "they", "them", "then", "than", "what", "when",
	"were", "been", "make", "like", "just", "only", "some", "also", "more", "into", "over", "here", "each",
	"once", "used", "uses", "need", "must", "want", "does", "done", "sure", "same", "name", "send", "type",
	"copy", "open", "mail", "code", "page", "link", "sign", "work", "goes", "keep", "show", "text", "line",
	"four", "five", "word", "note", "save", "time", "next", "back", "down", "list", "user", "they",
}

// spacedAppPassword reports sixteen letters in four groups that are not
// prose (at most one common word) and do not follow the alphabet.
func spacedAppPassword(v string) bool {
	if alphabetRun(v) || obviousFake(strings.ReplaceAll(v, " ", "")) {
		return false
	}
	common := 0
	for _, g := range strings.Fields(v) {
		if inWords(g, commonFour) {
			common++
		}
	}
	return common <= 1
}
