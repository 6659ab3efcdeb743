package names

import "testing"

// Latin-script address forms from the address misses on the general8 set,
// once its blind reads were done (its rows are not copied here).
func TestGeneral8AddressForms(t *testing.T) {
	d := New(Options{Types: []string{TypeStreetAddress}})
	for text, want := range map[string]string{
		// a house-number suffix (French, Italian)
		"appartement au 12 ter rue des Lilas, 31000 Toulouse, libre": "12 ter rue des Lilas, 31000 Toulouse",
		// a lower-case street type and a particle before the name; floor and door
		"el piso de calle de Alcalá 214, 2.º A, 28028 Madrid tiene": "Alcalá 214, 2.º A, 28028 Madrid",
		// Polish osiedle
		"odbiór z os. Lecha 12/4, 61-298 Poznań, po 17": "Lecha 12/4, 61-298 Poznań",
		// a street type as a word of its own after the name
		"Lieferung an Lange Gasse 4, 1080 Wien": "Lange Gasse 4",
		"teslimat Moda Caddesi 88/2, Kadıköy":   "Moda Caddesi 88/2, Kadıköy",
		// Welsh street type before the name
		"Send it to 7 Heol y Bont, Bangor LL57 2AB please": "7 Heol y Bont, Bangor LL57 2AB",
		// German streets made of a preposition and a noun
		"ralf: Am Lindenhof 12a, Bergisch Gladbach": "Am Lindenhof 12a, Bergisch Gladbach",
		"Wir wohnen An der Mühle 7, 50667 Köln.":    "An der Mühle 7, 50667 Köln",
		// a line break inside the street, from a PDF
		"between the Landlord and the Tenant of 420 Sycamore\nAve, Unit 3, Fresno,\nCA 93701 (herein": "420 Sycamore\nAve, Unit 3, Fresno,\nCA 93701",
	} {
		if got := spans(t, d, text); len(got) != 1 || got[0].text != want {
			t.Errorf("%q: got %v, want %q", text, got, want)
		}
	}
	for _, text := range []string{
		"Im Jahr 2020, Berlin war leer",           // a year, not a house number
		"Am Montag 5, Berlin",                     // a weekday
		"In Python 3, Guido changed print",        // English
		"Vive en la calle de Alcalá desde 2019",   // no house number
		"I bought 3 Apples\nStreet food was good", // a line break before a word that is no street type here
		"I saw it 5 bis repetita",                 // no street after the suffix
	} {
		if got := spans(t, d, text); len(got) != 0 {
			t.Errorf("%q: got %v, want none", text, got)
		}
	}
}
