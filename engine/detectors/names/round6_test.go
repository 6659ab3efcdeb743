package names

import (
	"context"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// TestShortGermanText: a short German request is German with three of
// its function words, so its capitalised nouns are no names on their own;
// Dutch and English text with one German-looking word stays out.
func TestShortGermanText(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Kannst du das als Tabelle machen? Praxis am Markt, Termine Montag.", true},
		{"Schreib bitte eine kurze Nachricht an die Eltern.", true},
		{"Can you make this a table? Das Boot is a film I like.", false},
		{"Kun je dit netjes maken? Ik ben Sanne, mijn bestelling is nooit aangekomen.", false},
		{"Posso pagar com o cartão das férias? Ele disse que sim.", false},
	} {
		if got := germanText(c.text); got != c.want {
			t.Errorf("germanText(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	checkRound5(t, []round5Case{
		{"de short nouns", "Kannst du das bitte kürzer machen? Spedition Dachser liefert, Platz ist gesperrt.", "PERSON", nil},
		{"de short with name", "Kannst du das bitte kürzer machen? Termin mit Jürgen Haas am Montag.", "PERSON", []string{"Jürgen Haas"}},
	})
}

// TestRoleNounBeforeName: a role (carer, witness, Installateur, testigo)
// before a name is context for it, and a capitalised German role noun is
// not part of the name.
func TestRoleNounBeforeName(t *testing.T) {
	checkRound5(t, []round5Case{
		{"de role noun", "Formuliere eine Nachricht an den Installateur Gruber: Termin Donnerstag 8 Uhr.", "PERSON", []string{"Gruber"}},
		{"en carer label", "Medication list\nCarer: Joy Mutasa 07700 900862", "PERSON", []string{"Joy Mutasa"}},
		{"en role then thing", "Ask the pharmacist about Calpol for a toddler.", "PERSON", nil},
		{"de role noun alone", "Bitte den Installateur anrufen, er kommt am Montag.", "PERSON", nil},
	})
}

// TestCommonWordGivenName: a given name that is an English word (Joy,
// Summer, Faith) before a surname or an unknown word is a name, but not a
// modal verb opening a question, a place after "to", a particle or an
// accented word whose folded form is English.
func TestCommonWordGivenName(t *testing.T) {
	checkRound5(t, []round5Case{
		{"summer surname", "- \"Dark mode looks weird on iPad\" - Summer Nakamura", "PERSON", []string{"Summer Nakamura"}},
		{"faith unknown", "The review was led by Faith Chepkoech and the board.", "PERSON", []string{"Faith Chepkoech"}},
		{"modal verb", "Will Kubernetes support arm64 nodes next year?", "PERSON", nil},
		{"place after to", "Songwriters from around the world come to Port Paien every summer.", "PERSON", nil},
		{"common noun after", "Summer Sale starts on Monday.", "PERSON", nil},
		{"vietnamese city", "Giao hàng tới Hà Nội trước thứ Sáu nhé.", "PERSON", nil},
	})
}

// TestTurkishCaseEndings: a Turkish case ending after an apostrophe is
// not part of the name (Mehmet'in, Zeynep'e, Ayşe'nin), an honorific after
// a name (Serdar Bey, Ayşe Hanım, Cengiz abi) is context and not a name,
// and Turkish month names with an ending are dates. Hawai'i and O'Neil
// keep their apostrophe.
func TestTurkishCaseEndings(t *testing.T) {
	checkRound5(t, []round5Case{
		{"tr genitive", "Sigorta dosyası: Mehmet'in arabası hasarlı.", "PERSON", []string{"Mehmet"}},
		{"tr dative pair", "Basketbol kulübü: Zeynep'e ve Emre Doğan'a forma numaralarını söyle.", "PERSON", []string{"Zeynep", "Emre Doğan"}},
		{"tr buffer n", "Kedi kayboldu, dün Ayşe'nin annesi aradı.", "PERSON", []string{"Ayşe"}},
		{"tr honorific", "Antrenör Serdar Bey cumartesi gelemiyor.", "PERSON", []string{"Serdar"}},
		{"tr hanim", "Ayşe Hanım geldi mi? Cengiz abi aradı.", "PERSON", []string{"Ayşe", "Cengiz"}},
		{"tr month", "Kartımdan 12 Nisan'da yapılan işlem bana ait değil.", "PERSON", nil},
		{"hawaiian okina", "We met O'Neil in Hawai'i last year.", "PERSON", []string{"O'Neil"}},
	})
	for _, c := range []struct {
		text string
		want int
	}{
		{"Mehmet'in", 2}, {"Ayşe'nin", 3}, {"Ayşe'in", 0}, {"Hawai'i", 0}, {"Emre'ye", 2},
		{"Ankara'da", 2}, {"O'Neil", 0}, {"Mehmet'inx", 0}, {"Mehmet'e", 1}, {"Rock'n", 0},
	} {
		q := 0
		for q < len(c.text) && c.text[q] != '\'' {
			q++
		}
		if got := caseSuffixLen(c.text, 0, q, 1); got != c.want {
			t.Errorf("caseSuffixLen(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

// TestCJKRoleBeforeName: a role noun before a Chinese or Japanese name
// (收件人, 客服, 对方司机, 相手方) is a cue when the name ends at a boundary
// or an honorific or verb cue; common words that start with a family
// name after a role ("客服周末不上班", "对方马上同意") are not names.
func TestCJKRoleBeforeName(t *testing.T) {
	checkRound5(t, []round5Case{
		{"zh recipient", "收件人李建国，电话见上。", "PERSON", []string{"李建国"}},
		{"zh agent said", "客服林晓婷说要核对卡号", "PERSON", []string{"林晓婷"}},
		{"zh other driver", "对方司机刘洋，承认追尾", "PERSON", []string{"刘洋"}},
		{"ja other party", "相手方 鈴木 一郎、目撃者 高橋 美穂。", "PERSON", []string{"鈴木 一郎", "高橋 美穂"}},
		{"zh weekend", "客服周末不上班，有事留言。", "PERSON", nil},
		{"zh at once", "对方马上同意了赔偿。", "PERSON", nil},
	})
}

// TestPostNominalsAndSwedishAv: capital letters after a name (MRCVS,
// FRCS) end it instead of spoiling it, a listed surname in capitals stays
// in it, and Swedish "av" (by) after a lower-case word is no "Av." street.
func TestPostNominalsAndSwedishAv(t *testing.T) {
	checkRound5(t, []round5Case{
		{"post-nominals", "Vet's name: Erin Matheson MRCVS. Pet: a Labrador.", "PERSON", []string{"Erin Matheson"}},
		{"caps surname", "Name: John SMITH", "PERSON", []string{"John SMITH"}},
		{"swedish by", "Stölden är anmäld av Johan Lindström igår.", "PERSON", []string{"Johan Lindström"}},
		{"avenida", "Entrega na Av. Paulista 1578, São Paulo.", "STREET_ADDRESS", []string{"Av. Paulista 1578, São Paulo"}},
	})
}

// TestInflectedNames: in Polish, Czech, Lithuanian and Finnish text a
// declined name no list has is read through its base form (Zosię,
// Michałowi, Honzovi, Rūtai, Ainon, Riikalla, Virtasen); a declined
// brand or place is not, and the endings are not tried in English.
func TestInflectedNames(t *testing.T) {
	checkRound5(t, []round5Case{
		{"pl accusative", "Trening przeniesiony, dziś po Zosię przyjedzie tata.", "PERSON", []string{"Zosię"}},
		{"pl dative", "Proszę przekazać to Michałowi jutro, już jest gotowe.", "PERSON", []string{"Michałowi"}},
		{"cs dative", "Prosím, zavolej zítra Honzovi, už je to hotové.", "PERSON", []string{"Honzovi"}},
		{"fi genitive", "Kiitos! Ainon ja Eetun vanhemmat tulevat huomenna.", "PERSON", []string{"Ainon", "Eetun"}},
		{"fi gradation", "Kiitos, puhuin eilen Riikalla, hän tulee huomenna.", "PERSON", []string{"Riikalla"}},
		{"pl brand", "Proszę, kupiłem wczoraj Fiata, już jest w garażu.", "PERSON", nil},
		{"en not inflected", "We tested the Oliwera prototype and the Zosie app yesterday.", "PERSON", nil},
	})
}

// TestUnitBeforeNamedStreet: a unit or plot and its number, then a street
// named with its type but no number ("Plot 17, Admiralty Way, Lekki"),
// and a UK address read back from its postcode when a list's previous
// item ends with a semicolon before it.
func TestUnitBeforeNamedStreet(t *testing.T) {
	checkRound5(t, []round5Case{
		{"ng plot", "Consignee: Adaeze Okoro, Plot 17, Admiralty Way, Lekki Phase 1, Lagos.", "STREET_ADDRESS", []string{"Plot 17, Admiralty Way, Lekki"}},
		{"ng unit", "Deliver to Unit 12, Adeniyi Jones Avenue, Ikeja, Lagos today.", "STREET_ADDRESS", []string{"Unit 12, Adeniyi Jones Avenue, Ikeja"}},
		{"plot alone", "We bought Plot 4, then sold it.", "STREET_ADDRESS", nil},
		{"uk list", "Stops: 12 Wharf Lane, Bristol BS1 6RL; Unit 7, Avonmouth Trade Park, Bristol BS11 9HZ; then back.", "STREET_ADDRESS",
			[]string{"12 Wharf Lane, Bristol BS1 6RL", "Unit 7, Avonmouth Trade Park, Bristol BS11 9HZ"}},
	})
}

// TestInflectionAllocatesNothing: the language tests and the base-form
// lookups of declined names allocate nothing.
func TestInflectionAllocatesNothing(t *testing.T) {
	d := New(Options{})
	var r analysis.Report
	field := &analysis.Field{Path: "p", Source: "user", Text: "Trening przeniesiony, dziś po Zosię przyjedzie tata Oliwera. Kiitos! Ainon ja Eetun vanhemmat tulevat huomenna, puhuin Riikalla. Mehmet'in arabası; Kannst du das bitte machen?"}
	d.Scan(context.Background(), field, &r) // warm the pools
	if len(r.Findings) < 3 {
		t.Fatalf("%d findings; the declined names were not read", len(r.Findings))
	}
	if raceEnabled {
		return
	}
	if n := testing.AllocsPerRun(20, func() {
		r.Findings = r.Findings[:0]
		d.Scan(context.Background(), field, &r)
	}); n != 0 {
		t.Errorf("%v allocations per scan, want 0", n)
	}
}

// TestDoubleGivenNames: a hyphenated name of two frequent given names is
// not weakened as a double surname is; a firm of two surnames still is.
func TestDoubleGivenNames(t *testing.T) {
	checkRound5(t, []round5Case{
		{"lily-mae", "Coach reported that Lily-Mae (U13) disclosed a concern.", "PERSON", []string{"Lily-Mae"}},
		{"jean-marc", "Départ dimanche 8h parking de la gare. Jean-Marc conduit.", "PERSON", []string{"Jean-Marc"}},
		{"firm", "I work for Ellis-Ingram", "PERSON", nil},
	})
}

// TestLangScan: one pass finds German, West Slavic and Finnish text,
// also after a short English request; English prose stops the scan.
func TestLangScan(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"Can you translate this for the driver? Bitte den Hund nicht in den Garten lassen, er ist noch jung.", langGerman},
		{"Please fix: Trening przeniesiony, dziś po Zosię przyjedzie tata.", langSlavic},
		{"Kiitos! Ainon ja Eetun vanhemmat tulevat huomenna.", langFinnish},
		{"It is a long day and we are in the office. You can see it on the board, and the team is on it. We are to go in an hour and it is for the best, and you can be on time for it.", 0},
	} {
		if got := langScan(c.text) &^ langDone; got != c.want {
			t.Errorf("langScan(%q) = %b, want %b", c.text, got, c.want)
		}
	}
}
