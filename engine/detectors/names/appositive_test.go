package names

import "testing"

// A country, state or big city that opens a message before a comma and
// an article or a possessive is described, not spoken to; a name in the
// same place, or a place before a question, is still a vocative.
func TestPlaceBeforeAppositiveIsNoVocative(t *testing.T) {
	checkRound5(t, []round5Case{
		{"city, possessive", "Paris, my favourite city, was busy.", "PERSON", nil},
		{"city, article", "Berlin, the capital, is cold in March.", "PERSON", nil},
		{"name", "Maria, can you send it?", "PERSON", []string{"Maria"}},
		{"name, article (pt)", "Zé, o técnico vem amanhã", "PERSON", []string{"Zé"}},
	})
}
