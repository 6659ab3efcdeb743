package names

// placeAt looks up the longest gazetteer place starting at word i: a
// multi-word entry ("New York", "Villafranca del Cid") or a single word.
// It returns the end token and the entry's flags.
func (s *scanner) placeAt(i int) (end int, f uint32) {
	t := s.at(i)
	if t == nil || t.kind != tWord {
		return i, 0
	}
	f0 := s.flags(t)
	if f0&gMWStart != 0 {
		maxWords := 2
		if f0&gMW4 != 0 {
			maxWords = 4
		} else if f0&gMW3 != 0 {
			maxWords = 3
		}
		var hs [4]uint64
		var ends [4]int
		hs[0] = phraseAdd(phraseStart, s.hash(t))
		ends[0] = i + 1
		k, j := 1, i+1
		for k < maxWords {
			nt := s.at(j)
			if nt != nil && nt.kind == tPunct && nt.punct == '.' && nt.start == s.at(j-1).end {
				j++ // "St. Louis"
				nt = s.at(j)
			}
			if nt == nil || nt.kind != tWord || nt.nl > 0 {
				break
			}
			hs[k] = phraseAdd(hs[k-1], s.hash(nt))
			j++
			ends[k] = j
			k++
		}
		for k--; k >= 1; k-- {
			if pf := s.gaz.get(hs[k]); pf&gAnyPlace != 0 {
				// every capitalisable word should be capitalised
				return ends[k], pf
			}
		}
	}
	if f0&gAnyPlace != 0 {
		return i + 1, f0
	}
	return i, 0
}

// locContext grades the words before i as introducing a place: 2 for
// "in", "near", "lives in"; 1 for "at", "to", "from", which also precede
// people; 0 otherwise.
func (s *scanner) locContext(i int) int {
	p := s.at(i - 1)
	if p == nil || p.kind != tWord || p.shape&sCap != 0 && p.shape&sSentence == 0 {
		return 0
	}
	v := s.vocab(p)
	if v&vLocPrep == 0 {
		return 0
	}
	if v&vLocWeak != 0 {
		return 1
	}
	return 2
}

// placeFollows reports whether token j (after an optional comma) is a
// state, abbreviation or country: "Springfield, IL", "Lyon, France".
func (s *scanner) placeFollows(j int) bool {
	t := s.at(j)
	if t != nil && t.kind == tPunct && t.punct == ',' {
		j++
		t = s.at(j)
	}
	if t == nil || t.kind != tWord || t.nl > 0 || t.shape&sCap == 0 {
		return false
	}
	f := s.flags(t)
	if t.shape&sAllCaps != 0 && t.nletters <= 3 {
		return f&gAbbr != 0
	}
	_, pf := s.placeAt(j)
	return pf&(gCountry|gState) != 0
}

// locationAt matches a place name at capitalised word i.
func (d *Detector) locationAt(s *scanner, i int) span {
	t := s.at(i)
	if t.shape&sAllCaps != 0 && t.nletters <= 3 {
		return span{} // abbreviations only inside addresses
	}
	end, pf := s.placeAt(i)
	if end == i {
		return s.unlistedPlace(i)
	}
	lc := s.locContext(i)
	if lc < 2 && s.placeFollows(end) {
		lc = 2
	}
	multi := end-i > 1
	f := s.flags(t)
	if multi {
		f = pf
	} else if s.vocab(t)&(vNotName|vDirAdj) != 0 {
		return span{}
	}
	if !multi && pf&gCountry == 0 && s.orgAround(i, end, 1) {
		return span{} // "at Davis, Reynolds and Williamson"
	}
	given := f&gGiven != 0
	name := f&gAnyName != 0
	word := f&gAnyWord != 0
	common := f&gCommon != 0
	if common && !multi {
		return span{}
	}
	// how much a bare word needs context: 0 none, 1 any, 2 strong
	need := 0
	switch {
	case multi || !name && !word:
	case given:
		need = 2
	default:
		need = 1
	}
	var score float64
	switch {
	case pf&gCountry != 0:
		score = 0.85
		if given && lc < 2 {
			score = 0.5
		}
	case pf&(gState|gCityBig) != 0:
		switch {
		case need == 0:
			score = 0.75
		case lc >= need:
			score = 0.7
		case need == 1 && !word && pf&gCityBig != 0:
			score = 0.55 // "a poem about Paris": a big city more often than a person
		default:
			score = 0.4
		}
		if lc > 0 {
			score += 0.1
		}
	case pf&(gCity|gRegion) != 0:
		switch {
		case need == 0 && lc > 0:
			score = 0.75
		case need == 0:
			score = 0.45
		case lc >= need:
			score = 0.6
		}
	default: // town
		switch {
		case need == 0 && lc > 0:
			score = 0.65
		case need == 0 && multi:
			score = 0.45
		case lc >= 2 && need == 1 && !word:
			score = 0.5
		}
	}
	if score == 0 {
		return span{}
	}
	return span{i, end, score}
}

// unlistedPlace matches a capitalised name that no list knows after a
// phrase that introduces a place: "grew up in Remniku", "flew to
// STAXROITH", "originally from Marindia", "based in Assen".
func (s *scanner) unlistedPlace(i int) span {
	p := s.at(i - 1)
	if p == nil || p.kind != tWord || p.shape&sLower == 0 || s.vocab(p)&vLocPrep == 0 {
		return span{}
	}
	if q := s.at(i - 2); q == nil || q.kind != tWord || s.vocab(q)&vLocVerb == 0 {
		return span{}
	}
	end := i
	for end < i+3 {
		t := s.at(end)
		if t == nil || t.kind != tWord || t.shape&sCap == 0 || (end > i && t.nl > 0) {
			break
		}
		f := s.flags(t)
		if f&(gAnyWord|gProper|gGiven) != 0 || s.vocab(t)&(vNotName|vOrg|vTitle) != 0 {
			break
		}
		end++
	}
	if end == i {
		return span{}
	}
	return span{i, end, 0.6}
}
