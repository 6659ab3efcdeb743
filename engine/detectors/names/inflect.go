package names

// Inflected given names and surnames in Latin script. West Slavic and
// Baltic languages decline names (Polish "Zosię", "Oliwera",
// "Michałowi"; Czech "Honzovi", "Petry") and Finnish adds case endings
// with consonant gradation ("Ainon", "Riikalla", "Jukalta", "Virtasen"),
// so the word the text has is in no list. For a capitalised word no list
// has, in text of such a language, the base forms the endings allow are
// looked up; the word takes the name flags of a base form that is a name
// and no word or large place. Nothing is allocated: the base form is
// hashed from the word's prefix and the restored ending.

// inflection is an ending and what replaces it in the base form.
type inflection struct{ end, base string }

// slavicInflections: Polish, Czech and Slovak case endings of given names
// and surnames, and the Lithuanian dative, longest first.
var slavicInflections = []inflection{
	{"owi", ""},   // Polish dative: Michałowi, Oliwerowi
	{"ovi", ""},   // Czech dative: Petrovi
	{"ovi", "a"},  // Czech dative: Honzovi, Svobodovi
	{"em", ""},    // instrumental: Michałem
	{"ai", "a"},   // Lithuanian dative: Rūtai
	{"ę", "a"},    // accusative: Zosię, Kubę
	{"ą", "a"},    // instrumental: Zosią
	{"i", "ia"},   // genitive and dative: Zosi, Ani
	{"y", "a"},    // genitive: Marty, Petry
	{"u", "a"},    // Czech accusative: Ondru, Honzu
	{"a", ""},     // genitive and accusative: Oliwera, Michała, Petra
	{"iego", "i"}, // Polish surnames in -ski: Zielińskiego
	{"ej", "a"},   // Polish surnames in -ska: Szymańskiej
}

// finnishEndings are Finnish case endings, longest first; the base is the
// word without them (with gradation and -nen restored, see finnishBase).
var finnishEndings = []string{
	"lla", "llä", "lle", "lta", "ltä", "ssa", "ssä", "sta", "stä", "ksi", "na", "nä", "n",
}

// inflectedFlags returns the name flags of a base form of the capitalised
// word t that is a listed name, or 0.
func (s *scanner) inflectedFlags(t *token) uint32 {
	w := s.str(t)
	switch {
	case s.isWestSlavic():
		for _, in := range slavicInflections {
			if len(w) >= len(in.end)+3 && w[len(w)-len(in.end):] == in.end {
				if f := s.baseFlags(w[:len(w)-len(in.end)], in.base, ""); f != 0 {
					return f
				}
			}
		}
	case s.isFinnish():
		for _, e := range finnishEndings {
			if len(w) >= len(e)+3 && w[len(w)-len(e):] == e {
				if f := s.finnishBase(w[:len(w)-len(e)]); f != 0 {
					return f
				}
			}
		}
	}
	return 0
}

// finnishBase looks up a Finnish stem: as it is (Aino-n), with -se-
// restored to -nen (Virtase-n: Virtanen), and with the double consonant
// that gradation made single (Riika-lla: Riikka, Juka-lta: Jukka).
func (s *scanner) finnishBase(stem string) uint32 {
	if len(stem) < 3 {
		return 0
	}
	if f := s.baseFlags(stem, "", ""); f != 0 {
		return f
	}
	if n := len(stem); stem[n-2:] == "se" {
		if f := s.baseFlags(stem[:n-2], "nen", ""); f != 0 {
			return f
		}
	}
	// gradation: a single k, p or t before the final vowel was double
	n := len(stem)
	if n >= 4 && isVowelByte(stem[n-1]) && (stem[n-2] == 'k' || stem[n-2] == 'p' || stem[n-2] == 't') && !isConsonantByte(stem[n-3]) {
		return s.baseFlags(stem[:n-1], stem[n-2:n-1], stem[n-1:])
	}
	return 0
}

// baseFlags hashes prefix+a+b as hashWord would and returns its name
// flags, or 0 when it is no name, or also a word or a large place.
func (s *scanner) baseFlags(prefix, a, b string) uint32 {
	f := s.gaz.get(hashMore(hashMore(hashWord(prefix), a), b))
	if f&(gFirst|gGiven|gSurname) == 0 || f&(gAnyWord|gProper|gBigPlace) != 0 {
		return 0
	}
	return f & (gFirst | gGiven | gName | gSurname)
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isConsonantByte(c byte) bool {
	return 'a' <= c && c <= 'z' && !isVowelByte(c)
}

// isWestSlavic reports Polish, Czech, Slovak or Lithuanian text
// (langScan).
func (s *scanner) isWestSlavic() bool { return s.lang(langSlavic) }

// isFinnish reports Finnish text (langScan).
func (s *scanner) isFinnish() bool { return s.lang(langFinnish) }
