package secrets

import "testing"

// Credentials stated in prose (prose.go), each form with near misses.
// Values are fake and assembled at run time.

func TestProsePasswords(t *testing.T) {
	pw := "Xk9#mQ2v" + "Lp"
	runCases(t, []tcase{
		{"is", "my password is " + pw + " for now", "PASSWORD_ASSIGNMENT", pw},
		{"is colon", "the password is: " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"was quoted", "my password was '" + pw + "' until today", "PASSWORD_ASSIGNMENT", pw},
		{"use", "use password Tr0ub4dor!" + "Xq to log in", "PASSWORD_ASSIGNMENT", "Tr0ub4dor!" + "Xq"},
		{"try the", "try the password Tr0ub4dor!" + "Xq", "PASSWORD_ASSIGNMENT", "Tr0ub4dor!" + "Xq"},
		{"german lautet", "das Passwort lautet " + pw + ".", "PASSWORD_ASSIGNMENT", pw},
		{"german ist", "Das Kennwort ist " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"spanish", "la contraseña es " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"french", "le mot de passe est " + pw, "PASSWORD_ASSIGNMENT", pw},
		// near misses: words, sizes, placeholders, stand-ins, joined words
		{"too short", "the password is too short", "", ""},
		{"eight chars", "the password is 8 characters long", "", ""},
		{"at least", "the password is at least 12 chars", "", ""},
		{"placeholder", "the password is <password>", "", ""},
		{"variable", "la contraseña es $DB_PASSWORD2", "", ""},
		{"template", "das Passwort lautet ${ADMIN_PW}", "", ""},
		{"masked", "the password is ****" + "****1", "", ""},
		{"changeme", "use password changeme123!", "", ""},
		{"password123", "the password was Password123!", "", ""},
		{"hunter2", "use password hunter2!" + "Xq", "", ""},
		{"joined word", "use password reset-2FA flow", "", ""},
		{"stored in", "the password is stored in vault2", "", ""},
		{"path", "le mot de passe est dans /etc/app/pw2.txt", "", ""},
		{"no verb", "password 2FA-Enabled accounts", "", ""},
	})
}

// A name joined to what it is for, or a change verb before "to", may
// stand between the name and the linking word.
func TestProsePasswordsForAndChangedTo(t *testing.T) {
	pw := "Xk9#mQ2v" + "Lp"
	runCases(t, []tcase{
		{"for account", "the password for the admin account is " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"for user", "the password for bob is Sommer" + "2025!", "PASSWORD_ASSIGNMENT", "Sommer" + "2025!"},
		{"changed to", "the root password was changed to " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"has been reset to", "the password has been reset to " + pw + ".", "PASSWORD_ASSIGNMENT", pw},
		{"reset possessive to", "I reset bob's password to " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"set the password to", "please set the password to " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"german für", "das Passwort für den Server ist " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"spanish del", "la contraseña del router es " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"french du", "le mot de passe du wifi est " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"portuguese é", "a senha do servidor é " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"dutch voor", "het wachtwoord voor de server is " + pw, "PASSWORD_ASSIGNMENT", pw},
		// near misses: no connector, no change verb, too many words, not a password
		{"manager", "the password manager is 1Pass" + "word", "", ""},
		{"policy", "the password policy for new hires is 12Chars+", "", ""},
		{"moved to", "we moved the password to Vault" + "2024", "", ""},
		{"send to", "send the password to Alice" + "2024", "", ""},
		{"limit changed", "the limit was changed to 500MB", "", ""},
		{"far", "the password for the old staging cluster in the basement rack is " + pw, "", ""},
		{"sentence between", "the password for it. The build is " + pw, "", ""},
	})
}

// Passphrases without digits, joined by hyphens, after a password name
// and a linking word.
func TestProsePassphrases(t *testing.T) {
	runCases(t, []tcase{
		{"four words", "my password is correct-horse-" + "battery-staple", "PASSWORD_ASSIGNMENT", "correct-horse-battery-staple"},
		{"capitalised three", "the new password is Purple-Monkey-" + "dishwasher.", "PASSWORD_ASSIGNMENT", "Purple-Monkey-dishwasher"},
		{"for the lab", "the password for the lab is purple-monkey-" + "dishwasher-lamp", "PASSWORD_ASSIGNMENT", "purple-monkey-dishwasher-lamp"},
		{"changed to", "the wifi password was changed to Blue-Elephant-" + "Rocket", "PASSWORD_ASSIGNMENT", "Blue-Elephant-Rocket"},
		// near misses: ordinary hyphenated words, short parts, no link, not a password name
		{"case-sensitive", "the password is case-sensitive", "", ""},
		{"one-time-use", "the password is one-time-use", "", ""},
		{"up-to-date", "the password is up-to-date", "", ""},
		{"auto-generated", "the password is auto-generated", "", ""},
		{"token", "the token is Single-Sign-On", "", ""},
		{"manager", "the password manager is Bit-Warden-Pro", "", ""},
		{"no link", "see also: correct-horse-battery-staple", "", ""},
		{"short part", "le mot de passe est Fleur-de-Lys-Bleue", "", ""},
		{"dots", "the new password is Sunshine.Mountain.River", "", ""},
	})
}

func TestProseTokens(t *testing.T) {
	tok := "Zq8Lm3Xv7Rt2Kp9W" + "n4Bc6Yh1Jd5"
	hex := "3fa9c2e81b7d4a6f" + "9e0c5b2d8a1f7e34"
	runCases(t, []tcase{
		{"token is", "the token is " + tok, "GENERIC_SECRET", tok},
		{"api key is full stop", "Their API key is " + tok + ". Please rotate it.", "GENERIC_SECRET", tok},
		{"access token was hex", "the access token was " + hex + ", please rotate", "GENERIC_SECRET", hex},
		{"secret quoted", "the client secret is `" + tok + "`", "GENERIC_SECRET", tok},
		{"use token", "use token " + tok + " for the staging API", "GENERIC_SECRET", tok},
		// near misses: words, algorithms, versions, durations, ids, placeholders
		{"expired", "the token is expired", "", ""},
		{"stay calm", "the key is to stay calm", "", ""},
		{"algorithm", "the key is AES256-GCM-SHA384", "", ""},
		{"rsa", "the key is RSA2048", "", ""},
		{"version", "the token is v1.2.3-beta4", "", ""},
		{"duration", "the token is valid for 3600 seconds", "", ""},
		{"sequence", "the key is 1234567890abcdef1234567890abcdef", "", ""},
		{"env var", "the token is $API_TOKEN123", "", ""},
		{"template", "the token is ${API_TOKEN}", "", ""},
		{"example", "the secret is sk_test_" + "EXAMPLE1234567890abcd", "", ""},
		{"path", "the key is in /etc/keys/id_rsa2", "", ""},
		{"monkey", "the monkey is " + tok, "", ""},
	})
}

func TestWordJoined(t *testing.T) {
	for v, want := range map[string]bool{
		"reset-2FA": true, "login_v2": true, "v2-login": true, "Tr0ub4dor!Xq": false,
		"Xk9#mQ2vLp": false, "abc-2FA": false, "Summer2024!": false, "kjmsi-tyqrbz-148!": true,
	} {
		if got := wordJoined(v); got != want {
			t.Errorf("wordJoined(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestDiscordTokenFormat(t *testing.T) {
	// Base64 of the fake user ids 588726167719070577 and 19358436119797984510.
	id18, id20 := "NTg4NzI2MTY3NzE5MDcwNTc3", "MTkzNTg0MzYxMTk3OTc5ODQ1MQ"
	mac27, mac38 := "HPgyG15jsqKozThy94wa6lh"+"hT1e", "jjkmP0bjwy9qQ3HfaV0kwFNM2UldV"+"7P1G9mL9A"
	tok := id18 + ".v9kw53." + mac38
	runCases(t, []tcase{
		{"ticket prose", "They sent their config, the key is " + tok + ". Please verify.", "DISCORD_BOT_TOKEN", tok},
		{"chat line", "pasting the bot creds here\n" + tok + "\nthx", "DISCORD_BOT_TOKEN", tok},
		{"20 digit id, short mac", "Bot " + id20 + ".GJMuHb." + mac27, "DISCORD_BOT_TOKEN", id20 + ".GJMuHb." + mac27},
		// near misses: a first segment that is not base64 digits, a leading
		// zero, a short HMAC, a fourth segment
		{"not digits", "QWxhZGRpbjpvcGVuIHNlc2FtZ2.v9kw53." + mac38, "", ""},
		{"leading zero", "MDg4NzI2MTY3NzE5MDcwNTc3.v9kw53." + mac38, "", ""},
		{"short mac", id18 + ".v9kw53.HPgyG15jsq", "", ""},
		{"four segments", id18 + ".v9kw53." + mac38 + ".abc", "", ""},
	})
	for seg, want := range map[string]bool{
		id18: true, id20: true, "Mzg1NDAxMDM5ODE4NDkzMDky": true,
		"MDg4NzI2MTY3NzE5MDcwNTc3": false, "NTg4NzI2MTY3NzE5MDcwNTcA": false, "NTg4NzI2MTY3NzE5MDcwNTc3M": false, "NTg4NzI2MTY3NzE5MDcw": false,
	} {
		if got := discordUserID(seg); got != want {
			t.Errorf("discordUserID(%q) = %v, want %v", seg, got, want)
		}
	}
}

// Bare names after a qualifier, more languages, adjectives after the name,
// and passphrases joined by underscores.
func TestProseQualifiedAndLanguages(t *testing.T) {
	pw := "Summer20" + "23*x"
	runCases(t, []tcase{
		{"initial password", "Username webadmin, initial password " + pw + "\nChange it within 24 hours", "PASSWORD_ASSIGNMENT", pw},
		{"slash password", "Email kim@example.com / password " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"email pw", "my SonarQube login is nora@example.eu pw " + pw + " — why?", "PASSWORD_ASSIGNMENT", pw},
		{"dem Kennwort", "ich melde mich mit dem Kennwort maple_frost_jigsaw_puffin_eclipse" + "67 an", "PASSWORD_ASSIGNMENT", "maple_frost_jigsaw_puffin_eclipse67"},
		{"italian è", "la password dell'account amministratore è " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"polish to", "hasło do serwera pg-dev-12.prod.example.io to " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"swedish definite form", "lösenordet är " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"swedish lösenord för", "lösenord för servern är " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"french provisoire", "Ton mot de passe provisoire est Falcon_Kayak_Lantern_" + "Thunder5 et", "PASSWORD_ASSIGNMENT", "Falcon_Kayak_Lantern_Thunder5"},
		{"host between", "the password for the admin account on sql-stg-07.prod.example.io is " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"colon after for", "the password for the HR portal: " + pw, "PASSWORD_ASSIGNMENT", pw},
		{"lower joined with digit", "la password dell'account è nutmeg-fjord-bramble" + "10 — cambiala", "PASSWORD_ASSIGNMENT", "nutmeg-fjord-bramble10"},
		{"underscore passphrase", "current metabase password is falcon_dolphin_lilac_" + "gravel until then", "PASSWORD_ASSIGNMENT", "falcon_dolphin_lilac_gravel"},
		{"slash underscore passphrase", "Email kim@example.com / password pepper_umber_" + "quartz", "PASSWORD_ASSIGNMENT", "pepper_umber_quartz"},
		// near misses
		{"no qualifier", "password 2FA-Enabled accounts", "", ""},
		{"on monday", "we change the password on Monday2024", "", ""},
		{"short part joined", "the password is on_the_sticky_note2", "", ""},
		{"snake words short", "the password is max_len_ok", "", ""},
		{"two-part bare", "use password reset-2FA flow", "", ""},
	})
}

// Passwords in typographic quotes.
func TestProseTypographicQuotes(t *testing.T) {
	pw := "Kq7!mZ2" + "xRv"
	runCases(t, []tcase{
		{"english", "the password is \u201c" + pw + "\u201d", "PASSWORD_ASSIGNMENT", pw},
		{"german", "das Passwort ist \u201e" + pw + "\u201c", "PASSWORD_ASSIGNMENT", pw},
		{"low-high quotes", "hasło do serwera to \u201e" + pw + "\u201d", "PASSWORD_ASSIGNMENT", pw},
		{"french spaced", "le mot de passe est \u00ab " + pw + " \u00bb", "PASSWORD_ASSIGNMENT", pw},
		{"french tight", "le mot de passe est \u00ab" + pw + "\u00bb", "PASSWORD_ASSIGNMENT", pw},
		{"japanese brackets", "the password is \u300c" + pw + "\u300d", "PASSWORD_ASSIGNMENT", pw},
		// near misses: no name, unclosed, placeholder
		{"no name", "he said \u201c" + pw + "\u201d", "", ""},
		{"unclosed", "the password is \u201c" + pw + " and more", "", ""},
		{"placeholder", "the password is \u201c<password1>\u201d", "", ""},
	})
}
