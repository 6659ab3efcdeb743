package secrets

import "testing"

// Forms of the seventh round's second half, written from how people state
// codes and app credentials in many languages (general18's and
// general17's misses, reworded); the values are made up. Each family has
// cases that must be found and near misses that must not.
func TestGeneral19Forms(t *testing.T) {
	runCases(t, []tcase{
		// a bare "code" after a verb of opening or disarming
		{"pt opens with code", "a fechadura da garagem abre com o código 5" + "20731 e depois", "PIN", "520731"},
		{"it opens with code", "il portone si apre con il codice 6" + "4092, poi", "PIN", "64092"},
		{"it alarm silenced", "l'allarme si disattiva con il codice 8" + "513 entro un minuto", "PIN", "8513"},
		{"en opens with code", "The side door opens with the code 3" + "9071 after 6pm.", "PIN", "39071"},
		{"fr opens with code", "le local vélo s'ouvre avec le code 7" + "4120.", "PIN", "74120"},
		{"open app product code", "Open the app and look up product code 4" + "4120 in the list.", "", ""},
		{"open verb far away", "Open the file. The code 7" + "4120 is the order.", "", ""},
		{"opens with error code", "The tool opens with error code 4" + "012 every time.", "", ""},

		// a PIN's name with a case ending after a hyphen (Polish)
		{"pl pin-em", "logujesz się numerem służbowym i PIN-em 4" + "052, potem", "PIN", "4052"},
		{"pl pin-u", "nie pamiętam PIN-u 7" + "391 do karty", "PIN", "7391"},
		{"pl pin-em count", "PIN-em z 4 cyfr, nie 1" + "234", "", ""},
		{"pin-based word", "a PIN-based login since 2" + "019", "", ""},

		// Scandinavian definite and compound names
		{"sv sakerhetskoden", "säkerhetskoden till BankID är 9" + "02710. Ge den", "PIN", "902710"},
		{"no pinkoden", "pinkoden er 4" + "817", "PIN", "4817"},
		{"sv sakerhetskoden length", "säkerhetskoden ska ha 6 siffror sedan 2" + "021", "", ""},

		// the gap to a PIN counted in letters, not bytes
		{"pt accented gap", "o PIN de assinatura do Cartão de Cidadão é 9" + "180", "PIN", "9180"},
		{"pt accented too far", "o PIN de assinatura do Cartão de Cidadão que está na gaveta é 9" + "180", "", ""},

		// a one-time code stated before its name, as SMS texts put it
		{"google g-code", "The SMS: \"G-6" + "45813 is your Google verification code.\"", "ONE_TIME_CODE", "645813"},
		{"code first en", "Text: 4" + "82913 is your login code. Don't share it.", "ONE_TIME_CODE", "482913"},
		{"code first fr", "« 7" + "30155 est votre code de connexion »", "ONE_TIME_CODE", "730155"},
		{"code first expired", "4" + "82913 is your login code, but it expired.", "", ""},
		{"code first order", "4" + "82913 is your order number", "", ""},
		{"code first year", "2" + "026 is the year of the launch code", "", ""},

		// Romanian code names, an opening quote stuck to the name
		{"ro codul", "Mesajul: „Codul tău de autentificare este 1" + "79357.”", "ONE_TIME_CODE", "179357"},
		{"ro cod verificare", "cod de verificare: 5" + "51930", "ONE_TIME_CODE", "551930"},
		{"ro codul postal", "codul poștal este 0" + "10011", "", ""},

		// backup codes of other shapes, one a line, under a line naming them
		{"pl backup block", "Zapisuję kody zapasowe do konta:\n\nqe" + "bso9j33q\n2jcm" + "tmgzi8\nry2l" + "mrjwiq\nn1on" + "ng3ry1\n", "MFA_BACKUP_CODE", ""},
		{"en dashed block", "Here are my backup codes:\n\n6bjc-" + "e1se\nh1t7-" + "xm4w\nhuoj-rocq\nryq4-" + "spdp\n9q8x-" + "28x2", "MFA_BACKUP_CODE", ""},
		{"block no wording", "Sample ids:\n\nqe" + "bso9j33q\n2jcm" + "tmgzi8\nry2l" + "mrjwiq\nn1on" + "ng3ry1\n", "", ""},
		{"block too short", "backup codes:\nqe" + "bso9j33q\n2jcm" + "tmgzi8\nry2l" + "mrjwiq\n", "", ""},
		{"block revoked", "these backup codes were revoked:\nqe" + "bso9j33q\n2jcm" + "tmgzi8\nry2l" + "mrjwiq\nn1on" + "ng3ry1\n", "", ""},

		// X app-only bearer tokens
		{"x bearer", "headers = {\"Authorization\": \"Bearer AAAAAAAAAAAAAAAAAAAAA" + "LIs61f32hY6M7e9Bleyb%2Buhxd1wCFbsRgSCKQ60IHa0%3DpDNvLzh20rUW53KDHGEUyxnLAuyu94zRoHhpt49Wv0H3Iy2D3a\"}", "TWITTER_BEARER_TOKEN", ""},
		{"x bearer as", "AAAAAAAAAAAAAAAAAAAAA" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "", ""},
		{"x bearer base64 zeros", "data = AAAAAAAAAAAAAAAAAAAAA" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", "", ""},

		// app passwords in four groups of four letters after their name
		{"app password hyphen", "I made an app-password for Thunderbird: „slmr vpqb" + " kpxy dgyy”", "PASSWORD", "slmr vpqb kpxy dgyy"},
		{"app password ja", "アプリパスワードは abcz qwpx" + " mnlt rvys です", "PASSWORD", "abcz qwpx mnlt rvys"},
		{"app password prose", "Create an app-password that will make your life easier", "", ""},
		{"app password alphabet", "the app-password looks like abcd efgh ijkl mnop in the docs", "", ""},

		// two dotted words, one capitalised, and a number are a password
		// where a password's value is quoted (Zebra StageNow, XML)
		{"xml dotted value", "<parm name=\"PassPhrase\" value=\"sol.Gan" + "ges33\"/>", "PASSWORD_ASSIGNMENT", "sol.Ganges33"},
		{"yaml dotted quoted", "password: \"river.Mon" + "soon47\"", "PASSWORD_ASSIGNMENT", "river.Monsoon47"},
		{"dotted property", "password = config.Pass" + "word12", "", ""},
		{"dotted lower", "password: \"settings.dbpass\"", "", ""},

		// seven bytes in prose with all four character classes
		{"seven four classes", "kullanıcı adı antalya_tur, şifre Faro" + "36+. Lütfen", "PASSWORD_ASSIGNMENT", "Faro36+"},
		{"seven prose is", "the password is Kes" + "12!x. Please", "PASSWORD_ASSIGNMENT", "Kes12!x"},
		{"seven three classes", "the password is 8-chars long", "", ""},
		{"seven lower digits symbol", "the password is abc12-x now", "", ""},

		// letters with digits inside, after a name and a linking word or
		// a name that takes its value directly
		{"mixed after is", "my password is hirx" + "1ngt, change it", "PASSWORD_ASSIGNMENT", "hirx1ngt"},
		{"mixed swedish direct", "med TeamViewer-ID 618 703 243 och lösenordet hirx" + "1ngt, som vi byter", "PASSWORD_ASSIGNMENT", "hirx1ngt"},
		{"mixed word year", "the password is monkey" + "123 now", "", ""},
		{"mixed version", "the password is v2.1.0 now", "", ""},
		{"mixed no link", "Run hirx" + "1ngt first", "", ""},

		// a passphrase right after a name that takes its value directly
		{"danish direct passphrase", "med brugernavnet vikar03 og adgangskoden fiets-duna-" + "orchid.", "PASSWORD_ASSIGNMENT", "fiets-duna-orchid"},
		{"turkish direct passphrase", "hbys_app için şifre tulpe_jesien_" + "qamar olarak ayarlandı", "PASSWORD_ASSIGNMENT", "tulpe_jesien_qamar"},
		{"direct described", "hasło auto-generated-value", "", ""},
		{"direct short parts", "hasło to-be-set", "", ""},
		{"no direct name", "the wiki page fiets-duna-orchid", "", ""},

		// Copernicus CDS/ADS API keys after the store's URL
		{"cds rc", "~/.cdsapirc:\n\nurl: https://cds.climate.copernicus.eu/api\nkey: 26b1e18a-" + "84d6-4222-8bfb-eaf1e8d5b4f2", "COPERNICUS_CDS_API_KEY", "26b1e18a-84d6-4222-8bfb-eaf1e8d5b4f2"},
		{"cds client legacy", "c = cdsapi.Client(url=\"https://ads.atmosphere.copernicus.eu/api\", key=\"12345:26b1e18a-" + "84d6-4222-8bfb-eaf1e8d5b4f2\")", "COPERNICUS_CDS_API_KEY", "12345:26b1e18a-84d6-4222-8bfb-eaf1e8d5b4f2"},
		{"cds placeholder", "url: https://cds.climate.copernicus.eu/api\nkey: <PERSONAL-ACCESS-TOKEN>", "", ""},
		{"uuid other api", "url: https://example.org/api\nkey: 26b1e18a-" + "84d6-4222-8bfb-eaf1e8d5b4f2", "", ""},

		// an SDK client's secret argument, one argument a line
		{"sdk multiline", "client = globus_sdk.ConfidentialAppAuthClient(\n    \"5d9c7cc5-07eb-42c4-8734-695436ce438f\",\n    \"cV0Moj6SqGq8vHAMIV/" + "7H51eAx7V5YD/UNYOiTuUNbOo\",\n)", "PASSWORD_ASSIGNMENT", "cV0Moj6SqGq8vHAMIV/7H51eAx7V5YD/UNYOiTuUNbOo"},
		{"sdk multiline region", "client = SomeClient(\n    \"5d9c7cc5-07eb-42c4-8734-695436ce438f\",\n    \"region-eu-west\",\n)", "", ""},

		// a value typed where a password is asked for, in more languages
		{"dutch geef", "iinit vraagt om een wachtwoord en ik geef Ğüneş" + "952*, maar ik krijg een fout.", "PASSWORD_ASSIGNMENT", "Ğüneş952*"},
		{"french tapez", "Le site demande le mot de passe, vous tapez Cerf" + "vol82!x et validez", "PASSWORD_ASSIGNMENT", "Cerfvol82!x"},
		{"typed no password", "ik geef Morgen" + "2024! terug aan de bibliotheek", "", ""},
		{"typed other sentence", "Het wachtwoord is verlopen. Ik typ Morgen" + "2024! in de zoekbalk", "", ""},

		// an integration key names the application; its secret is beside it
		{"duo ikey", "[duo]\nikey = DIDTDPZTKY247" + "BUZ4COF\nskey = {{ vault_duo_skey }}", "", ""},
		{"duo skey", "[duo]\nikey = DIDTDPZTKY247" + "BUZ4COF\nskey = Zq8Lm3Xv7Rt2Ws9Kp4" + "Yb6Nc1Hd5Jf0Ga3Eu8Ti2", "GENERIC_SECRET", "Zq8Lm3Xv7Rt2Ws9Kp4Yb6Nc1Hd5Jf0Ga3Eu8Ti2"},
		{"apikey not ikey", "apikey = DIDTDPZTKY247" + "BUZ4COFx9Lq", "GENERIC_SECRET", ""},

		// InstantSearch's browser client holds the search-only key
		{"algolia search client", "const searchClient = algoliasearch(\"7EY4BWLDWN\", \"697eb9e0e079cb5c" + "de91c9cdb10e111a\");", "", ""},
		{"algolia admin client", "const client = algoliasearch(\"7EY4BWLDWN\", \"697eb9e0e079cb5c" + "de91c9cdb10e111a\");", "ALGOLIA_API_KEY", "697eb9e0e079cb5cde91c9cdb10e111a"},
	})
}
