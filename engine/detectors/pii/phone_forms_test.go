package pii

import "testing"

// Phone numbers as chats, transcripts and other languages write them
// (2026-11-27, fifth session): number words with letters outside ASCII,
// the countries of a Latin-script language's letters, Portuguese and
// Philippine mobiles, digits dictated one by one, digits of other
// scripts; and the order, invoice and booking numbers that are not
// phones, in several languages.
func TestPhoneForms(t *testing.T) {
	d := New(Options{})
	for _, c := range []struct{ text, value string }{
		{"Olá Rui, o meu número novo é 913 552 807, guarda aí.", "913 552 807"},                    // PT mobile after "número"
		{"Contacto: 934 118 260.", "934 118 260"},                                                  // PT, "contacto"
		{"Si no contesto, márcale al 55 3318 9047 a mi hermana.", "55 3318 9047"},                  // MX, "márcale"
		{"Mi número es 622 31 48 90, escríbeme.", "622 31 48 90"},                                  // ES, 3-2-2-2
		{"Cualquier cosa llama a Lucía al 611 204 937.", "611 204 937"},                            // ES, "llama"
		{"Pásale el horario a Begoña o a Íñigo 644 18 27 39", "644 18 27 39"},                      // ES letters, no phone word
		{"kuya pa-send naman ng number ni Tess\nBong: 0918 332 4410 yan", "0918 332 4410"},         // PH mobile, trunk 0
		{"Πελάτισσα: 697 225 8104", "697 225 8104"},                                                // GR mobile, not an NHS number
		{"landlord reference Maria Lopez (312) 555-0188.", "(312) 555-0188"},                       // a referee's number
		{"someone phoned Mrs Okoro on 01632 960441 and asked for her PIN", "01632 960441"},         // "phoned", a drama-range number
		{"ok call me back on 3 1 2 5 5 5 0 1 9 9 thanks", "3 1 2 5 5 5 0 1 9 9"},                   // dictated digits
		{"please ring me back on 0-1-6-1-4-9-6-0-7-7-2 about the boiler", "0-1-6-1-4-9-6-0-7-7-2"}, // with dashes
		{"للتواصل اتصل على ٠٥٥٢٣٤٧٨١٩ مساءً", "٠٥٥٢٣٤٧٨١٩"},                                        // Saudi mobile, Arabic-Indic digits
		{"شماره من ۰۹۳۵ ۲۲۱ ۶۸۰۴ است", "۰۹۳۵ ۲۲۱ ۶۸۰۴"},                                            // Iranian mobile, Persian digits
		{"電話：０８０-３３２１-７７０４", "０８０-３３２１-７７０４"},                                                      // Japanese mobile, full-width digits
	} {
		check(t, d, c.text, want{PhoneNumber, c.value})
	}
	// A 3-2-4 number with dashes near a phone word is still an SSN when
	// it is no phone number.
	check(t, d, "the leasing office wants both of ours\nDee: 412-36-0871 and mine", want{USSSN, "412-36-0871"})
	for _, text := range []string{
		"Fatura no: 99, sipariş no: 771-204-5590, tutar 2.450 TL", // an order number (Turkish)
		"Zamówienie nr 2024/03/5512 zostało wysłane",              // an order number (Polish)
		"注文番号 0312-5678-9012 のキャンセル",                              // an order number (Japanese)
		"部品番号 321-54-9876 は在庫切れ",                                  // a part number (Japanese)
		"Meine Bestellung 100-4471-22 ist beschädigt.",            // an order number (German)
		"Guten Tag! Die Rechnung Nr. 2024-0815 über 1.299,00 €",   // an invoice number
		"Lindenstraße 23, Berlin, USt-IdNr. DE 812 345 678",       // a VAT number
		"Rio de Janeiro - RJ, 22070-001; confirmar",               // a Brazilian postcode
		"Nomor resi saya 004417782291 belum sampai",               // a parcel number (Indonesian)
		"Numbers like 666-45-1234 are never issued.",              // an invalid SSN is no phone either
		"the code is 1 2 3 4 5 6 7 8 9 0",                         // dictated digits, no phone word
		"رقم الطلب ١٢٣٤٥٦٧٨٩٠",                                    // an order number in Arabic-Indic digits
		"سنة ١٤٤٥ هـ",                                             // a year
	} {
		none(t, d, PhoneNumber, text)
	}
}

// E-mail addresses said aloud, as speech transcripts write them, and a
// card grouped in fours near a phone word (16 digits are too many for a
// phone number).
func TestSpokenEmailAndGroupedCard(t *testing.T) {
	d := New(Options{})
	for _, c := range []struct{ text, value string }{
		{"yes the email is maria dot okafor at gmail dot com thanks", "maria dot okafor at gmail dot com"},
		{"my email address is pkumar at example dot co dot uk", "pkumar at example dot co dot uk"},
		{"send it to j underscore lee at mail dot example dot org please", "j underscore lee at mail dot example dot org"},
	} {
		check(t, d, c.text, want{EmailAddress, c.value})
	}
	for _, text := range []string{
		"I looked at google dot com yesterday",   // no address: no joiner, no e-mail word
		"we met at noon dot com",                 // the same
		"the email is maria at gmail dot comics", // no such domain ending
	} {
		none(t, d, EmailAddress, text)
	}
	check(t, d, "can you call the bank? use 4532 7153 3790 4967 for the deposit", want{CreditCard, "4532 7153 3790 4967"})
}
