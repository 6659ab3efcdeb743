package secrets

import "testing"

// Forms from the misses on the general13 set, once its blind read was
// done (its rows are not copied here; the values are made up).
func TestGeneral13Forms(t *testing.T) {
	runCases(t, []tcase{
		{"email slash password", "login sa editor: bookings@salon.example.ph / Kabayan6644#. Yung bug", "PASSWORD_ASSIGNMENT", "Kabayan6644#"},
		{"email and password", "our main login: dana@candles.example.com and Lant3rn5461. Please", "PASSWORD_ASSIGNMENT", "Lant3rn5461"},
		{"word and password", "tea and Lant3rn5461", "", ""},
		{"login password", "username SRIGANESH176, login password Namaste2014#. Profile", "PASSWORD_ASSIGNMENT", "Namaste2014#"},
		{"e senha", "usuário juliana.vendas e senha saudade*8195 . Qualquer coisa", "PASSWORD_ASSIGNMENT", "saudade*8195"},
		{"postgres md5 verifier after login", "CREATE ROLE crm LOGIN PASSWORD 'md5" + "6ad55f8ac1f71351acc855534ca5fe1c';", "", ""},
		{"sdk setter", `$options->setSecretKey("LNRZhes3Ev0rCukP24Za0B` + `iZpsId4yKC");`, "GENERIC_SECRET", "LNRZhes3Ev0rCukP24Za0BiZpsId4yKC"},
		{"sdk setter placeholder", `$options->setApiKey("BURAYA_API_ANAHTARINIZ");`, "", ""},
		{"ebay cert id", "Cert ID (Client Secret): PRD-2ba827cb6066-25ba-4cc3-" + "3f36-3313", "EBAY_CERT_ID", ""},
	})
}
