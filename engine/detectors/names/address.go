package names

import "strings"

const maxAddrTokens = 40 // lookahead bound; must stay well below ring

func isHouseNum(t *token) bool {
	return t != nil && t.kind == tNum && t.nletters <= 6 && (t.shape&sNumAlpha == 0 || t.end-t.start-int32(t.nletters) <= 2)
}

func isPlainNum(t *token, lo, hi int) bool {
	return t != nil && t.kind == tNum && t.shape&sNumAlpha == 0 && int(t.nletters) >= lo && int(t.nletters) <= hi
}

func (s *scanner) isOrdinal(t *token) bool {
	if t == nil || t.kind != tNum || t.shape&sNumAlpha == 0 {
		return false
	}
	suf := s.text[t.start+int32(t.nletters) : t.end]
	return strings.EqualFold(suf, "st") || strings.EqualFold(suf, "nd") || strings.EqualFold(suf, "rd") || strings.EqualFold(suf, "th")
}

func isPunct(t *token, c rune) bool { return t != nil && t.kind == tPunct && t.punct == c }

// dotAfter returns j+1 when token j is directly followed by a period token.
func (s *scanner) dotAfter(j int) int {
	if t, p := s.at(j), s.at(j+1); t != nil && isPunct(p, '.') && p.start == t.end {
		return j + 2
	}
	return j + 1
}

var yearPrep = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields("in since by of from until till before after during around circa early late mid the") {
		m[hashWord(w)] = true
	}
	return m
}()

// addressAt matches a street address starting at token i. locs receives
// the place names inside it (city, region, country); the count is returned.
func (d *Detector) addressAt(s *scanner, i int, locs *[8]span) (span, int) {
	t := s.at(i)
	nl := 0
	if end := s.cornerAt(i); end > i {
		e, n := d.addrTail(s, end, locs, false)
		return span{i, e, 0.7}, n
	}
	switch t.kind {
	case tNum:
		sp, n := d.addrFromNumber(s, i, locs)
		if sp.to <= i && isHouseNum(t) && isPunct(s.at(i+1), ',') {
			if e := s.pinAddress(i); e > i {
				return span{i, e, 0.7}, 0
			}
		}
		return sp, n
	case tWord:
		if t.shape&sAllCaps == 0 && !s.digitWithin(int(t.end), 48) {
			return span{}, 0
		}
		if end := s.boxAt(i); end > i {
			e, n := d.addrTail(s, end, locs, true)
			return span{i, e, 0.85}, n
		}
		v := s.vocab(t)
		if strings.EqualFold(s.str(t), "no") && t.shape&sCap != 0 {
			// "No. 15, Adeniran Ogunsanya Street, Surulere, Lagos": the
			// number, a comma, then a street named with its type
			k := s.dotAfter(i)
			if isHouseNum(s.at(k)) && isPunct(s.at(k+1), ',') {
				if e := s.namedStreetAt(k + 2); e > k+2 && !s.isCapWord(s.at(e)) && isPunct(s.at(e), ',') {
					e2, n := d.addrTail(s, e, locs, false)
					return span{i, max(e, e2), 0.75}, n
				}
			}
		}
		if end := s.blockLotAt(i); end > i {
			// Philippine subdivisions: "Blk 5 Lot 12, Camella Homes, Bacoor, Cavite"
			e, n := d.addrTail(s, end, locs, false)
			return span{i, max(e, end), 0.75}, n
		}
		if t.shape&sCap != 0 && (v&vUnit != 0 || s.unitWord(t)) {
			if e := s.pinAddress(i); e > i {
				return span{i, e, 0.7}, nl
			}
		}
		if v&vUnit != 0 && t.shape&sCap != 0 && t.nletters >= 3 {
			if end := s.unitAt(i); end > i {
				// "Apt. 675 62314 Mellemvej 32 ..." : a unit before the street
				k, _ := s.skipSep(end)
				if sl := s.at(k); isPunct(sl, '/') && sl.start == s.at(end-1).end {
					k++ // "Unit 4/27 Bourke Street"
				}
				if nt := s.at(k); isHouseNum(nt) {
					if sp, n := d.addrFromNumber(s, k, locs); sp.to > k {
						return span{i, sp.to, sp.score}, n
					}
				}
				if isPunct(s.at(end), ',') {
					// "Plot 17, Admiralty Way, Lekki Phase 1, Lagos", "Unit 12,
					// Adeniyi Jones Avenue, Ikeja": a unit, then a street named
					// with its type and no number, then the area
					if e := s.namedStreetAt(end + 1); e > end+1 && !s.isCapWord(s.at(e)) && isPunct(s.at(e), ',') {
						e2, n := d.addrTail(s, e, locs, false)
						return span{i, max(e, e2), 0.7}, n
					}
				}
				if w := s.str(t); strings.EqualFold(w, "apt") || strings.EqualFold(w, "apartment") || strings.EqualFold(w, "suite") || strings.EqualFold(w, "ste") {
					e, n := d.addrTail(s, end, locs, false)
					return span{i, e, 0.55}, n
				}
			}
			return span{}, 0
		}
		if end, score := s.streetFirst(i); end > i {
			if score < 0.7 && s.addrContext(i) {
				score = 0.7
			}
			e, n := d.addrTail(s, end, locs, false)
			if e > end {
				score += 0.1
			}
			return span{i, e, min(score, 0.9)}, n
		}
	}
	return span{}, nl
}

// digitWithin reports whether a digit follows p within n bytes on the same
// line: a byte test that tokenises nothing.
func (s *scanner) digitWithin(p, n int) bool {
	end := min(p+n, len(s.text))
	for ; p < end; p++ {
		switch class[s.text[p]] {
		case cDigit:
			return true
		case cNL:
			if p+1 < end && class[s.text[p+1]] == cNL {
				return false // a blank line ends the address
			}
		}
	}
	return false
}

// numberWithin reports whether a number follows within n tokens of i.
func (s *scanner) numberWithin(i, n int) bool {
	for k := i + 1; k <= i+n; k++ {
		t := s.at(k)
		if t == nil || t.nl > 1 {
			return false
		}
		if t.kind == tNum {
			return true
		}
	}
	return false
}

// addrContext reports whether the words before i announce an address.
func (s *scanner) addrContext(i int) bool {
	for k := i - 1; k >= i-3; k-- {
		t := s.at(k)
		if t == nil {
			return false
		}
		if t.kind == tPunct {
			if t.punct == ':' || t.punct == ',' {
				continue
			}
			return false
		}
		if s.vocab(t)&vAddrCtx != 0 {
			return true
		}
		if t.kind != tWord {
			return false
		}
	}
	return false
}

func (d *Detector) addrFromNumber(s *scanner, i int, locs *[8]span) (span, int) {
	t := s.at(i)
	if !isHouseNum(t) {
		return span{}, 0
	}
	// "M.2", "v1.2", "x-42": a number glued to what precedes it is no house number
	if p := s.at(i - 1); p != nil && p.end == t.start && !(p.kind == tPunct && (p.punct == '#' || p.punct == '(' || p.punct == ',' || p.punct == ':' || p.punct == '"' || p.punct == '>')) {
		return span{}, 0
	}
	// "In 1999 Apple Park opened": a year after a preposition is no house number.
	if t.nletters == 4 && t.shape&sNumAlpha == 0 {
		if p := s.at(i - 1); p != nil && p.kind == tWord && yearPrep[s.hash(p)] {
			if y := s.text[t.start:t.end]; y >= "1500" && y <= "2099" {
				return span{}, 0
			}
		}
	}
	if e := s.japanBlock(i); e > i {
		sc := 0.8
		e2, n := d.addrTail(s, e, locs, false)
		return span{i, e2, sc}, n
	}
	j := i + 1
	// a second number ("9554 62 Rue Gafsa", "370 3911 Fourth Avenue") or a range "12-14"
	if nt := s.at(j); isHouseNum(nt) && nt.shape&sNumAlpha == 0 && nt.nl == 0 {
		j++
	} else if isPunct(nt, '-') && nt.start == t.end {
		if n2 := s.at(j + 1); isHouseNum(n2) && n2.start == nt.end {
			j += 2
		}
	} else if isPunct(nt, '/') && nt.start == t.end {
		// "3/15 Victoria Parade": unit 3 at number 15 (Australia, NZ)
		if n2 := s.at(j + 1); isHouseNum(n2) && n2.start == nt.end && isPlainNum(t, 1, 4) {
			j += 2
		}
	}
	if nt := s.at(j); nt != nil && nt.kind == tWord && nt.nl == 0 && nt.shape&sLower != 0 && (s.hash(nt) == hBis || s.hash(nt) == hTer || s.hash(nt) == hQuater) {
		j++ // "5 bis avenue Jean-Jaurès": French and Italian house-number suffixes
	}
	if nt := s.at(j); isPunct(nt, ',') {
		if n2 := s.at(j + 1); n2 != nil && n2.kind == tWord && s.vocab(n2)&vPrefixType != 0 {
			j++ // "12, rue de Rivoli"
		}
	}
	end, score := s.streetAfterNumber(j)
	if end <= j {
		return span{}, 0
	}
	if s.addrContext(i) {
		score += 0.1
	}
	e, n := d.addrTail(s, end, locs, false)
	if e > end {
		score += 0.05
	}
	return span{i, e, min(score, 0.95)}, n
}

// brokenSuffix reports a street type alone at the start of a line after
// the name, then a comma: text pasted from a PDF whose lines broke inside
// the street ("1180 Magnolia\nBlvd, Unit 6").
func (s *scanner) brokenSuffix(k, words int) bool {
	t := s.at(k)
	return words > 0 && t.nl == 1 && t.kind == tWord && t.shape&sCap != 0 && s.vocab(t)&vSuffix != 0 && isPunct(s.at(s.dotAfter(k)), ',')
}

var (
	hBis    = hashWord("bis")
	hTer    = hashWord("ter")
	hQuater = hashWord("quater")
)

// streetAfterNumber matches the street name after a house number.
func (s *scanner) streetAfterNumber(j int) (int, float64) {
	t := s.at(j)
	if t == nil || t.nl > 1 {
		return j, 0
	}
	if t.kind == tWord && s.vocab(t)&vDir != 0 && t.shape&sCap != 0 {
		if nt := s.at(s.dotAfter(j)); nt != nil && nt.kind == tWord && nt.shape&sCap != 0 {
			j = s.dotAfter(j)
			t = nt
		}
	}
	if t.kind != tWord && !s.isOrdinal(t) {
		return j, 0
	}
	if t.kind == tWord && s.vocab(t)&vPrefixType != 0 {
		if end := s.nameAfterType(j); end > j+1 {
			return end, 0.8
		}
	}
	k, words := j, 0
	lastSuffix := -1
	special := false // a street-type ending or word
	plain := true    // no English words among the name words
	for k < j+6 {
		t := s.at(k)
		if t == nil || (k > j && t.nl > 0 && !s.brokenSuffix(k, words)) {
			break
		}
		if s.isOrdinal(t) {
			words++
			k++
			continue
		}
		if t.kind != tWord {
			break
		}
		if k > j && t.shape&sSentence != 0 && s.flags(t)&gCommon != 0 {
			break // "444 29th St. The front ..."
		}
		v := s.vocab(t)
		str := s.str(t)
		ending := hasStreetEnding(str)
		if t.shape&sLower != 0 && !ending && v&vStreetLower == 0 {
			if v&vParticle != 0 && words > 0 {
				k++
				continue
			}
			if nx := s.at(k + 1); words > 0 && nx != nil && nx.kind == tWord && nx.nl == 0 && s.vocab(nx)&vStreetLower != 0 {
				k++
				continue
			}
			if v&vSuffix != 0 && words > 0 && t.nletters <= 6 {
				lastSuffix = k
				k = s.dotAfter(k)
				break
			}
			if words == 0 && k == j && s.lowerStreet(k) {
				words++ // "14 elm st apt 2", "42 clarendon road, bristol"
				k++
				continue
			}
			if words > 0 && k > j && s.at(k-1).shape&sLower != 0 && s.vocab(t)&vSuffix == 0 && s.lowerStreet(k) {
				words++
				k++
				continue
			}
			break
		}
		if v&vCalendar != 0 && !s.suffixWithin(k+1, 2) {
			return j, 0 // "18 December 2022", but "32 Jan Smuts Avenue"
		}
		if ending || v&(vStreetLower|vPrefixType) != 0 {
			special = true
		}
		if t.shape&(sAllCaps|sInnerCap) != 0 && !ending {
			plain = false // "PCIe NVMe Gen 4"
		}
		if v&vSuffix != 0 && words > 0 {
			lastSuffix = k
		}
		if f := s.flags(t); f&gAnyWord != 0 && v&(vSuffix|vDir) == 0 {
			plain = false
		}
		words++
		if v&(vSuffix|vStreetLower) != 0 {
			k = s.dotAfter(k)
		} else {
			k++
		}
	}
	if lastSuffix >= 0 {
		end := s.dotAfter(lastSuffix)
		if nt := s.at(end); nt != nil && nt.nl == 0 && nt.kind == tWord && nt.shape&sCap != 0 && s.vocab(nt)&vDir != 0 && nt.nletters <= 2 {
			end = s.dotAfter(end)
		}
		return end, 0.85
	}
	if words >= 1 && words <= 4 {
		// the number after the name: "5049 Harjukuja 54", "Puruntie 82"
		if nt := s.at(k); isHouseNum(nt) && nt.nletters <= 5 && nt.nl == 0 {
			if special {
				return k + 1, 0.75
			}
			if n0 := s.at(j - 1); plain && n0 != nil && n0.shape&sNumAlpha == 0 {
				return k + 1, 0.6
			}
		}
		if special && words <= 3 {
			return k, 0.6
		}
	}
	return j, 0
}

// nameAfterType matches "Rue de la Paix", "Via Franscini 71", "Avenue
// Teboulbi St." starting at the street-type word j.
func (s *scanner) nameAfterType(j int) int {
	k := s.dotAfter(j)
	words := 0
	for k < j+7 {
		t := s.at(k)
		if t == nil || t.nl > 0 || t.kind != tWord {
			break
		}
		v := s.vocab(t)
		if words > 0 && t.nletters <= 3 && numberLabel(s.str(t)) {
			break // "Gg. Mawar II No. 8"
		}
		if t.shape&sCap == 0 {
			if v&vParticle != 0 || (words == 0 && t.nletters <= 3) {
				k++
				continue
			}
			if words > 0 || t.nletters < 3 {
				break
			}
		}
		if v&vSuffix != 0 && words > 0 {
			k = s.dotAfter(k)
			words++
			break
		}
		words++
		k++
	}
	if words == 0 {
		return j
	}
	if nt := s.at(k); nt != nil && nt.kind == tWord && nt.nl == 0 && numberLabel(s.str(nt)) {
		// a number label between the name and the number: "Str. Florilor
		// nr. 12", "Mtaa wa Uhuru Na. 23", "Gg. Mawar II No. 8"
		if m := s.dotAfter(k); m > k {
			if n2 := s.at(m); isHouseNum(n2) && n2.nl == 0 && n2.nletters <= 5 {
				return m + 1
			}
		}
	}
	if nt := s.at(k); isHouseNum(nt) && nt.nl == 0 && nt.nletters <= 5 {
		k++
	} else if isPunct(nt, ',') && nt.nl == 0 {
		// "Rua Augusta, 1500", "Av. Paulista, 1000": Brazilian and
		// Spanish addresses put a comma before the number (Correios,
		// "Como endereçar corretamente"; Correos, "Cómo escribir una
		// dirección").
		if n2 := s.at(k + 1); isHouseNum(n2) && n2.nl == 0 && n2.nletters <= 5 && n2.shape&sNumAlpha == 0 {
			if n3 := s.at(k + 2); n3 == nil || n3.nl > 0 || n3.kind == tPunct && n3.punct != '.' && n3.punct != '%' {
				k += 2
			}
		}
	}
	return k
}

// namedStreetAt returns the end of one to four capitalised words ending
// in a street type at token k ("Adeniran Ogunsanya Street"), or k.
func (s *scanner) namedStreetAt(k int) int {
	for j := k; j < k+5; j++ {
		t := s.at(j)
		if t == nil || t.kind != tWord || t.shape&sCap == 0 || t.nl > 0 {
			return k
		}
		if j > k && s.vocab(t)&vSuffix != 0 {
			return s.dotAfter(j)
		}
	}
	return k
}

// blockLotAt returns the end of "Blk 5 Lot 12" / "Block 7, Lot 22" at
// word i (a Philippine subdivision address), or i.
func (s *scanner) blockLotAt(i int) int {
	t := s.at(i)
	if w := s.str(t); !strings.EqualFold(w, "blk") && !strings.EqualFold(w, "block") {
		return i
	}
	k := s.dotAfter(i)
	if !isHouseNum(s.at(k)) {
		return i
	}
	k++
	if isPunct(s.at(k), ',') {
		k++
	}
	if l := s.at(k); l == nil || l.kind != tWord || !strings.EqualFold(s.str(l), "lot") {
		return i
	}
	k = s.dotAfter(k)
	if !isHouseNum(s.at(k)) {
		return i
	}
	return k + 1
}

// numberLabel reports a word that labels a house number in several
// languages (written with a period after it): nr, no, nº, na, num, núm.
func numberLabel(w string) bool {
	for _, l := range [...]string{"nr", "no", "nº", "na", "num", "núm", "nro"} {
		if strings.EqualFold(w, l) {
			return true
		}
	}
	return false
}

// streetFirst matches a street name followed by its number, at word i:
// "Hauptstraße 5", "Via Franscini 71", "Søndergade 52", "Erzsébet tér 19."
func (s *scanner) streetFirst(i int) (int, float64) {
	t := s.at(i)
	if e := s.germanPrepStreet(i); e > i {
		return e, 0.7
	}
	v := s.vocab(t)
	if v&vPrefixType != 0 && t.shape&sCap != 0 {
		if end := s.nameAfterType(i); end > i+1 {
			if nt := s.at(end - 1); isHouseNum(nt) {
				return end, 0.75
			}
		}
	}
	k, words := i, 0
	special, plain := false, true
	// a lower-case street type before: "ul. Marszałkowska 84", "rue Gafsa
	// 12", and with a particle between: "calle de Embajadores 112"
	if p := s.at(i - 1); p != nil {
		k := i - 1
		if p.kind == tWord && p.shape&sLower != 0 && s.vocab(p)&vParticle != 0 && p.nl == 0 {
			k--
			p = s.at(k)
		}
		if isPunct(p, '.') {
			p = s.at(k - 1)
		}
		if p != nil && p.kind == tWord && p.shape&sLower != 0 && s.vocab(p)&(vPrefixType|vStreetLower) != 0 {
			special = true
		}
	}
	for k < i+4 {
		t := s.at(k)
		if t == nil || t.kind != tWord || (k > i && t.nl > 0) {
			break
		}
		v := s.vocab(t)
		ending := hasStreetEnding(s.str(t)) || words > 0 && isStreetEnding(s.str(t))
		if t.shape&sCap == 0 && !ending && v&vStreetLower == 0 {
			if v&vParticle != 0 && words > 0 {
				k++
				continue
			}
			break
		}
		if v&vCalendar != 0 {
			return i, 0 // "June 20", "Chapter 5"
		}
		if ending || v&(vStreetLower|vPrefixType) != 0 {
			special = true
		}
		if f := s.flags(t); f&gAnyWord != 0 && !ending && v&vStreetLower == 0 || t.shape&(sAllCaps|sInnerCap) != 0 {
			plain = false
		}
		words++
		if v&vStreetLower != 0 {
			k = s.dotAfter(k)
		} else {
			k++
		}
	}
	nt := s.at(k)
	if words == 0 || !isHouseNum(nt) || nt.nl > 0 || nt.nletters > 4 {
		return i, 0
	}
	// "Windows 10", "Python 3": the number must not run on into a unit or version.
	if nx := s.at(k + 1); nx != nil && nx.start == nt.end && nx.kind == tPunct && (nx.punct == '%' || nx.punct == ':' || nx.punct == '/' && !special) {
		return i, 0
	}
	end := k + 1
	if nx, n2 := s.at(k+1), s.at(k+2); special && isPunct(nx, '/') && nx.start == nt.end && isHouseNum(n2) && n2.start == nx.end {
		end = k + 3 // "84/92"
	}
	if y := s.str(nt); len(y) == 4 && y >= "1900" && y <= "2099" && !special {
		return i, 0 // "WMT 2014"
	}
	switch {
	case special:
		return end, 0.75
	case plain && s.addrContext(i):
		return end, 0.6
	}
	return i, 0
}

// German street names made of a preposition and a noun: "Am Weiher 3b",
// "Im Winkel 12", "Zum Sportplatz 4", "An der Kirche 7", "Auf dem Berg
// 2". They carry no street type, so one counts only with a house number
// (not a year) followed by a comma and a capitalised place or by a
// postcode: "Am Weiher 3b, Bergisch Gladbach".
var (
	germanStreetPreps    = map[uint64]bool{hashWord("am"): true, hashWord("im"): true, hashWord("zum"): true, hashWord("zur"): true, hashWord("an"): true, hashWord("auf"): true, hashWord("in"): true, hashWord("unter"): true, hashWord("hinter"): true, hashWord("beim"): true}
	germanStreetArticles = map[uint64]bool{hashWord("der"): true, hashWord("dem"): true, hashWord("den"): true, hashWord("die"): true}
	germanNeedsArticle   = map[uint64]bool{hashWord("an"): true, hashWord("auf"): true, hashWord("in"): true, hashWord("unter"): true, hashWord("hinter"): true}
)

func (s *scanner) germanPrepStreet(i int) int {
	t := s.at(i)
	if t.shape&sCap == 0 || t.shape&sAllCaps != 0 || !germanStreetPreps[s.hash(t)] {
		return i
	}
	k := i + 1
	if a := s.at(k); a != nil && a.kind == tWord && a.shape&sLower != 0 && germanStreetArticles[s.hash(a)] {
		k++
	} else if germanNeedsArticle[s.hash(t)] {
		return i
	}
	words := 0
	for words < 2 {
		w := s.at(k)
		if w == nil || w.kind != tWord || w.nl > 0 || w.shape&sCap == 0 || w.shape&sAllCaps != 0 || s.vocab(w)&vCalendar != 0 {
			break
		}
		words++
		k++
	}
	n := s.at(k)
	if words == 0 || !isHouseNum(n) || n.nl > 0 || n.nletters > 4 || int(n.end-n.start)-int(n.nletters) > 1 {
		return i
	}
	if y := s.str(n); len(y) == 4 && y >= "1900" && y <= "2099" {
		return i // "Im Jahr 2020"
	}
	c := s.at(k + 1)
	switch {
	case isPunct(c, ',') && c.start == n.end:
		if p := s.at(k + 2); p == nil || p.kind != tWord || p.shape&sCap == 0 || p.nl > 0 {
			if s.zipAt(k+2, true) <= k+2 {
				return i
			}
		}
	case s.zipAt(k+1, true) > k+1:
	default:
		return i
	}
	return k + 1
}

// boxAt matches "PO Box 12", "P.O. Box 12", "Post Office Box 12",
// "Postbox 21", "PSC 0413, Box 8144", "Unit 4719 Box 7394", "CMR 402 Box 3".
func (s *scanner) boxAt(i int) int {
	var buf [16]byte
	n := 0
	k := i
	for k < i+7 && n < len(buf) {
		t := s.at(k)
		if t == nil {
			return i
		}
		if t.kind == tPunct && t.punct == '.' {
			k++
			continue
		}
		if t.kind != tWord || t.nletters > 6 {
			break
		}
		for _, c := range s.text[t.start:t.end] {
			if n < len(buf) && c < 0x80 {
				buf[n] = lowerASCII[c]
				n++
			}
		}
		k++
		w := string(buf[:n])
		if w == "pobox" || w == "postofficebox" || w == "postbox" || w == "pob" {
			if nt := s.at(k); isHouseNum(nt) {
				return k + 1
			}
			return i
		}
		if !strings.HasPrefix("postofficebox", w) && !strings.HasPrefix("pobox", w) {
			break
		}
	}
	// post-office boxes of other languages: "Postfach 10 12 34" (DE, AT,
	// CH), "Postbus 2045" (NL), "Postboks 12" (DK, NO), "Apartado 45"
	// (ES, PT), "Casilla 221" (CL, AR), "Caixa Postal 1520" (BR), "Boîte
	// postale 12" (FR), "Private Bag 9" and "Locked Bag 3" (ZA, AU, NZ)
	if e := s.foreignBox(i); e > i {
		return e
	}
	// military and unit boxes
	t := s.at(i)
	w := s.str(t)
	if t.shape&sAllCaps != 0 && (w == "USS" || w == "USNS" || w == "USNV" || w == "USCGC") {
		// a ship: "USNS Bergman\nFPO AP 93757"
		k := i + 1
		for k < i+4 && s.isCapWord(s.at(k)) {
			k++
		}
		if k > i+1 {
			if m := s.at(s.skipSepIdx(k)); m != nil && m.kind == tWord && s.vocab(m)&vMilitary != 0 {
				return k
			}
		}
		return i
	}
	if strings.EqualFold(w, "psc") || strings.EqualFold(w, "cmr") || strings.EqualFold(w, "unit") {
		k := i + 1
		if !isHouseNum(s.at(k)) {
			return i
		}
		k++
		if isPunct(s.at(k), ',') {
			k++
		}
		if b := s.at(k); b != nil && b.kind == tWord && strings.EqualFold(s.str(b), "box") && isHouseNum(s.at(k+1)) {
			return k + 2
		}
	}
	return i
}

// unitAt matches "Apt. 4B", "Suite 200", "Unit #3" at word i.
func (s *scanner) unitAt(i int) int {
	t := s.at(i)
	if t == nil || t.kind != tWord || s.vocab(t)&vUnit == 0 {
		return i
	}
	if strings.EqualFold(s.str(t), "no") {
		return i
	}
	k := s.dotAfter(i)
	if isPunct(s.at(k), '#') {
		k++
	}
	nt := s.at(k)
	if nt == nil || nt.nl > 0 {
		return i
	}
	if isHouseNum(nt) || nt.kind == tAlnum && nt.end-nt.start <= 5 || nt.kind == tWord && nt.nletters == 1 && nt.shape&sCap != 0 {
		return k + 1
	}
	return i
}

// skipSep skips commas between address parts and reports whether a line
// break was crossed.
func (s *scanner) skipSep(j int) (int, bool) {
	nl := false
	for c := 0; c < 6; c++ {
		t := s.at(j)
		if t == nil {
			return j, nl
		}
		if t.nl > 0 {
			nl = true
		}
		if t.kind == tPunct && (t.punct == ',' || t.punct == '-' && t.nl > 0) {
			j++
			continue
		}
		// quoted-mail and list prefixes at a line start: "> ", "| ", "??? "
		if t.kind == tPunct && (t.punct == '>' || t.punct == '|' || t.punct == '?') {
			if p := s.at(j - 1); t.nl > 0 || p != nil && p.kind == tPunct && p.punct == t.punct && p.end == t.start {
				j++
				continue
			}
		}
		break
	}
	if t := s.at(j); t != nil && t.nl > 0 {
		nl = true
	}
	return j, nl
}

// zipAt matches a postcode at j: 12345, 12345-6789, 1234 (4-6 digits),
// "SW1A 1AA", "K1A 0B1". Returns the end or j.
func (s *scanner) zipAt(j int, loose bool) int {
	t := s.at(j)
	if t == nil {
		return j
	}
	if d, n := s.at(j+1), s.at(j+2); isPlainNum(t, 2, 2) && isPunct(d, '-') && d.start == t.end && isPlainNum(n, 3, 3) && n.start == d.end {
		return j + 3 // Polish "00-514"
	}
	if d, n := s.at(j+1), s.at(j+2); isPlainNum(t, 3, 3) && isPunct(d, '-') && d.start == t.end && isPlainNum(n, 4, 4) && n.start == d.end {
		return j + 3 // Japanese "153-0063"
	}
	if isPlainNum(t, 5, 5) || loose && isPlainNum(t, 4, 6) {
		if d, n := s.at(j+1), s.at(j+2); isPunct(d, '-') && d.start == t.end && isPlainNum(n, 4, 4) && n.start == d.end {
			return j + 3
		}
		return j + 1
	}
	if t.kind == tAlnum && t.end-t.start <= 4 && t.shape&sAllCaps|sCap != 0 {
		str := s.str(t)
		if str[0] >= 'A' && str[0] <= 'Z' && strings.ToUpper(str) == str {
			if n := s.at(j + 1); n != nil && n.kind == tNum && n.shape&sNumAlpha != 0 && n.end-n.start == 3 && n.nl == 0 {
				ns := s.text[n.start:n.end]
				if ns[0] >= '0' && ns[0] <= '9' && strings.ToUpper(ns) == ns {
					return j + 2
				}
			}
		}
	}
	return j
}

// addrTail extends an address over unit, city, region, postcode and
// country parts: ", Apt 4, Springfield, IL 62704", "\nLAPPEENRANTA\nSK\n53650".
func (d *Detector) addrTail(s *scanner, j int, locs *[8]span, box bool) (int, int) {
	end := j
	nloc := 0
	var unit, city, state, zip, country bool
	start := j
	for parts := 0; parts < 7 && end-start < maxAddrTokens-12; parts++ {
		k, nl := s.skipSep(end)
		t := s.at(k)
		if t == nil {
			break
		}
		if nl && t.nl > 2 {
			break
		}
		if nl && t.kind == tWord {
			if c := s.at(k + 1); isPunct(c, ':') && c.start == t.end {
				break // the next line is a speaker's or a field's: "Ciro: quello…", "Tel: …"
			}
		}
		// military: "APO AA 42323"
		if t.kind == tWord && s.vocab(t)&vMilitary != 0 && t.shape&sAllCaps != 0 {
			if a := s.at(k + 1); a != nil && a.shape&sAllCaps != 0 && a.nletters == 2 {
				if z := s.zipAt(k+2, true); z > k+2 {
					end = z
					zip = true
					continue
				}
			}
		}
		if !unit && t.kind == tWord && s.vocab(t)&vUnit != 0 && t.shape&sCap != 0 {
			if e := s.unitAt(k); e > k {
				end, unit = e, true
				continue
			}
		}
		if !unit && !zip && !city && t.kind == tNum && t.nl == 0 {
			if e := s.floorDoorAt(k); e > k {
				end, unit = e, true // "Embajadores 112, 3.º B, 28045 Madrid"
				continue
			}
		}
		if !zip {
			if e := s.zipAt(k, city || state || country || box); e > k {
				if city || state || country || box || nl || isPunct(s.at(k-1), ',') {
					end, zip = e, true
					continue
				}
			}
		}
		if t.kind != tWord || t.shape&sCap == 0 {
			break
		}
		if !state && t.shape&sAllCaps != 0 && t.nletters <= 3 {
			if s.flags(t)&gAbbr != 0 && t.nletters == 2 || s.zipAt(s.skipSepIdx(k+1), true) > s.skipSepIdx(k+1) {
				end, state = k+1, true
				continue
			}
			break
		}
		// a place from the gazetteer: city, region or country
		pe, pf := s.placeAt(k)
		if pe > k && pf&gCountry == 0 && !city && !state && (!zip || !nl) {
			// a longer capitalised run on the same line may be the city: "María Albina"
			ce := pe
			for ce < k+3 && s.isCapWord(s.at(ce)) {
				ce++
			}
			if ce > pe && s.addrPartFollows(ce, 0) {
				pe, pf = ce, gCity
			}
		}
		if pe > k && (!country || pf&gCountry == 0) {
			if pf&gCountry != 0 {
				country = true
			} else if pf&gState != 0 && (city || !s.nextIsPlace(pe)) {
				state = true
			} else if !city && !state && (!zip || !nl && !country) {
				city = true // also after the postcode: 10115 Berlin
			} else if pf&gState != 0 {
				state = true
			} else {
				break
			}
			if nloc < len(locs) {
				locs[nloc] = span{k, pe, 0.7}
				nloc++
			}
			end = pe
			continue
		}
		if (city || state) && !zip && !country {
			// an unlisted region or country before the postcode: "Greenlander 07609"
			ce := k
			for ce < k+3 {
				w := s.at(ce)
				if w == nil || w.kind != tWord || w.shape&sCap == 0 || (ce > k && w.nl > 0) || s.flags(w)&gCommon != 0 {
					break
				}
				ce++
			}
			if ce > k {
				if z := s.zipAt(ce, true); z > ce && s.at(ce).nl == 0 {
					end, zip, country = z, true, true
					continue
				}
			}
			break
		}
		if zip && !city && !state && !country && !nl {
			// European order, postcode then city: "00-514 Warszawa", "10115 Berlin"
			ce := k
			for ce < k+3 && s.isCapWord(s.at(ce)) && s.flags(s.at(ce))&gCommon == 0 {
				ce++
			}
			if ce > k {
				if nloc < len(locs) {
					locs[nloc] = span{k, ce, 0.6}
					nloc++
				}
				end, city = ce, true
				continue
			}
		}
		if city || state || zip || country {
			break
		}
		// an unknown city: capitalised words confirmed by what follows
		ce := k
		for ce < k+3 {
			w := s.at(ce)
			if w == nil || w.kind != tWord || w.shape&sCap == 0 || (ce > k && w.nl > 0) || s.flags(w)&gCommon != 0 && w.shape&sAllCaps == 0 {
				break
			}
			if w.shape&sAllCaps != 0 && w.nletters <= 3 && ce > k {
				break
			}
			ce++
		}
		if ce == k {
			break
		}
		if !s.addrPartFollows(ce, 1) {
			break
		}
		if nloc < len(locs) {
			locs[nloc] = span{k, ce, 0.6}
			nloc++
		}
		city = true
		end = ce
	}
	return end, nloc
}

// floorDoorAt matches a Spanish, Portuguese or Italian floor and door
// after a street number: "3.º B", "2º 1ª", "4°A", "1.º izq." It returns
// the token after it, or k.
func (s *scanner) floorDoorAt(k int) int {
	t := s.at(k)
	if t.end-t.start > 2 {
		return k
	}
	p := int(t.end)
	if p < len(s.text) && s.text[p] == '.' {
		p++
	}
	if !ordinalMarkAt(s.text, p) {
		return k
	}
	p += 2
	q := p
	for q < len(s.text) && s.text[q] == ' ' {
		q++
	}
	// the door: a letter, a number with º/ª, izq./dcha./esq./dto.
	r := q
	for r < len(s.text) && r-q < 5 && (asciiLetter(s.text[r]) || s.text[r] >= '0' && s.text[r] <= '9') {
		r++
	}
	switch {
	case r > q && ordinalMarkAt(s.text, r):
		p = r + 2 // "1ª"
	case r-q == 1 || r-q >= 3 && r-q <= 4:
		if r < len(s.text) && s.text[r] == '.' {
			r++ // "izq."
		}
		p = r
	}
	j := k + 1
	for {
		x := s.at(j)
		if x == nil || int(x.start) >= p {
			break
		}
		j++
	}
	return j
}

// ordinalMarkAt reports º, ª or ° (two bytes each) at text[p].
func ordinalMarkAt(text string, p int) bool {
	return strings.HasPrefix(text[p:], "º") || strings.HasPrefix(text[p:], "ª") || strings.HasPrefix(text[p:], "°")
}

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// addrPartFollows reports whether, after j, the address goes on with a
// state abbreviation, postcode, country or state, possibly after one more
// capitalised run (a region or an unlisted country: "Greenlander 07609").
func (s *scanner) addrPartFollows(j int, more int) bool {
	nk, _ := s.skipSep(j)
	nt := s.at(nk)
	if nt == nil {
		return false
	}
	if nt.kind == tWord && nt.shape&sAllCaps != 0 && nt.nletters <= 3 && (s.flags(nt)&gAbbr != 0 || s.zipAt(s.skipSepIdx(nk+1), true) > s.skipSepIdx(nk+1)) {
		return true
	}
	if s.zipAt(nk, true) > nk {
		return true
	}
	if _, pf := s.placeAt(nk); pf&(gCountry|gState) != 0 {
		return true
	}
	if more > 0 && nt.kind == tWord && nt.shape&sCap != 0 && s.flags(nt)&gCommon == 0 {
		e := nk + 1
		for e < nk+3 {
			w := s.at(e)
			if w == nil || w.kind != tWord || w.shape&sCap == 0 || w.nl > 0 {
				break
			}
			e++
		}
		return s.addrPartFollows(e, more-1)
	}
	return false
}

func (s *scanner) skipSepIdx(j int) int {
	k, _ := s.skipSep(j)
	return k
}

// nextIsPlace reports whether a country or region follows j.
func (s *scanner) nextIsPlace(j int) bool {
	k, _ := s.skipSep(j)
	_, pf := s.placeAt(k)
	return pf&(gCountry|gState) != 0
}

var (
	hCorner = hashWord("corner")
	hOf     = hashWord("of")
)

// cornerAt matches the two streets of "the corner of Main St and 5th Ave",
// "corner of Csabai kapu 39. and Mathias Pass" starting at token i.
func (s *scanner) cornerAt(i int) int {
	o, c := s.at(i-1), s.at(i-2)
	if o == nil || c == nil || o.kind != tWord || c.kind != tWord || s.hash(o) != hOf || s.hash(c) != hCorner {
		return i
	}
	street := func(k int) (int, bool) {
		start, strong := k, false
		for k < start+6 {
			t := s.at(k)
			if t == nil || t.nl > 0 || k > start && s.isAnd(t) {
				break
			}
			switch {
			case t.kind == tNum:
				strong = true
			case t.kind == tWord && t.shape&sCap != 0:
				if s.vocab(t)&(vSuffix|vStreetHard|vPrefixType) != 0 || hasStreetEnding(s.str(t)) {
					strong = true
				}
			case t.kind == tWord && s.vocab(t)&(vStreetLower|vParticle|vSuffix) != 0:
			case t.kind == tWord && hasStreetEnding(s.str(t)):
				strong = true
			case isPunct(t, '.') && k > start:
			default:
				return k, strong && k > start
			}
			k++
		}
		return k, strong && k > start
	}
	e1, ok1 := street(i)
	if !s.isAnd(s.at(e1)) {
		return i
	}
	e2, ok2 := street(e1 + 1)
	if e2 <= e1+1 || !(ok1 || ok2) {
		return i
	}
	return e2
}

var (
	hHouse = hashWord("house")
	hPlot  = hashWord("plot")
	hDoor  = hashWord("door")
	hShop  = hashWord("shop")
)

// unitWord reports "House 4", "Plot 9", "Door 12", "Shop 3", "B-12": a
// capitalised word that may start an address when a number follows (a
// byte test first, then one hash).
func (s *scanner) unitWord(t *token) bool {
	if t.shape&sCap == 0 || t.nletters > 5 {
		return false
	}
	p := int(t.end)
	if p < len(s.text) && s.text[p] == '-' && t.nletters == 1 {
		p++
	}
	if !(p < len(s.text) && (class[s.text[p]] == cDigit || s.text[p] == ' ' && p+1 < len(s.text) && class[s.text[p+1]] == cDigit)) {
		return false
	}
	if t.nletters == 1 {
		return true
	}
	h := s.hash(t)
	return h == hHouse || h == hPlot || h == hDoor || h == hShop
}

// pinAddress matches an Indian-style address that starts at a unit or
// house number and runs over comma-separated parts (building, cross or
// main road, sector, locality, city, state) to a six-digit PIN code:
// "Flat 302, Sai Residency, 14th Cross, Indiranagar, Bengaluru 560038",
// "B-12, Sector 62, Noida, Uttar Pradesh 201301". India Post's PIN is six
// digits, the first 1-9 (India Post, "Postal Index Number"), and the
// address format is India Post's guidance for addressing mail. The PIN
// must follow a listed city, state or region, and at least two parts must
// come before the one that ends in it. It returns the end, or i.
func (s *scanner) pinAddress(i int) int {
	parts, inPart := 0, 0
	for k := i; k < i+maxAddrTokens/2; k++ {
		t := s.at(k)
		if t == nil || t.nl > 1 || k > i && t.nl == 1 && inPart > 0 {
			return i
		}
		switch t.kind {
		case tPunct:
			switch t.punct {
			case ',':
				if inPart == 0 {
					return i
				}
				parts++
				inPart = 0
			case '.', '-', '/', '#', '(', ')':
			default:
				return i
			}
			continue
		case tNum:
			if isPlainNum(t, 6, 6) && s.text[t.start] != '0' && parts >= 2 {
				if p := s.at(k - 1); p != nil && p.kind == tWord && s.flags(p)&gAnyPlace != 0 {
					return k + 1
				}
				for b := k - 3; b < k-1; b++ { // "Uttar Pradesh 201301", "New Delhi 110057"
					if w := s.at(b); w != nil && w.kind == tWord && b > i {
						if pe, _ := s.placeAt(b); pe == k {
							return k + 1
						}
					}
				}
			}
		case tWord:
			if t.shape&sCap == 0 && s.vocab(t)&(vUnit|vParticle) == 0 {
				return i
			}
		}
		if inPart++; inPart > 5 {
			return i
		}
	}
	return i
}

var (
	boxWords  = map[uint64]bool{hashWord("postfach"): true, hashWord("postbus"): true, hashWord("postboks"): true, hashWord("apartado"): true, hashWord("casilla"): true, hashWord("postbox"): true}
	boxFirst  = map[uint64]bool{hashWord("caixa"): true, hashWord("boîte"): true, hashWord("boite"): true, hashWord("private"): true, hashWord("locked"): true}
	boxSecond = map[uint64]bool{hashWord("postal"): true, hashWord("postale"): true, hashWord("bag"): true}
	hBP       = hashWord("bp")
	hCS       = hashWord("cs")
)

// foreignBox matches a post-office box written in another language at word
// i and returns the end after its number (number groups included:
// "Postfach 10 12 34"), or i.
func (s *scanner) foreignBox(i int) int {
	t := s.at(i)
	if t == nil || t.kind != tWord || t.shape&sCap == 0 {
		return i
	}
	h := s.hash(t)
	k := i + 1
	switch {
	case boxWords[h]:
	case boxFirst[h]:
		if w := s.at(k); w == nil || w.kind != tWord || w.nl > 0 || !boxSecond[s.hash(w)] {
			return i
		}
		k++
	case h == hBP && t.shape&sAllCaps != 0:
		// "BP 4512" (boîte postale): only with a French postcode after it
	default:
		return i
	}
	nt := s.at(k)
	if !isHouseNum(nt) || nt.nl > 0 || nt.shape&sNumAlpha != 0 {
		return i
	}
	if dot := s.at(k + 1); isPunct(dot, '.') && dot.start == nt.end && isHouseNum(s.at(k+2)) {
		return i // "Postfach 2.0": a version
	}
	k++
	for g := 0; g < 3; g++ { // "10 12 34": groups of two digits
		if n := s.at(k); isPlainNum(n, 2, 2) && n.nl == 0 && !isPunct(s.at(k+1), '-') {
			k++
			continue
		}
		break
	}
	if h == hBP {
		j, _ := s.skipSep(k)
		if !isPlainNum(s.at(j), 5, 5) {
			return i
		}
	}
	return k
}

// suffixWithin reports a street suffix word among the n words from k on
// the same line.
func (s *scanner) suffixWithin(k, n int) bool {
	for m := k; m < k+n; m++ {
		t := s.at(m)
		if t == nil || t.kind != tWord || t.nl > 0 {
			return false
		}
		if s.vocab(t)&vSuffix != 0 && m > k {
			return true
		}
	}
	return false
}

// lowerStreet reports whether the lower-case words from k (one or two,
// none a common English word, a calendar word or a unit) end in a street
// suffix that closes the street: at a comma, a line end, the text end, a
// unit or a number ("14 elm st apt 2", "42 clarendon road, bristol").
// Not "5 blocks down main street" (common words).
func (s *scanner) lowerStreet(k int) bool {
	for m := k; m < k+3; m++ {
		t := s.at(m)
		if t == nil || t.kind != tWord || t.shape&sLower == 0 || (m > k && t.nl > 0) {
			return false
		}
		v := s.vocab(t)
		if m > k && v&vSuffix != 0 && t.nletters <= 6 {
			e := s.dotAfter(m)
			nx := s.at(e)
			return nx == nil || nx.nl > 0 || isPunct(nx, ',') || nx.kind == tNum || nx.kind == tWord && s.vocab(nx)&vUnit != 0
		}
		if s.flags(t)&gCommon != 0 || v&(vCalendar|vUnit|vSuffix|vDeterminer) != 0 || t.nletters < 3 {
			return false
		}
	}
	return false
}

// japanBlock matches a romanised Japanese block address at number i:
// chōme-banchi(-gō) and a district, then a ward or city word ("2-11-3
// Meguro, Meguro-ku", "1-4-2 Umeda, Kita-ku"); it returns the end after
// the ward, or i. The ward word (-ku, -shi, -cho, -machi, -gun) is
// required, so "1-2-3 go" or a date "2-11-3" alone is no address.
func (s *scanner) japanBlock(i int) int {
	t := s.at(i)
	if !isPlainNum(t, 1, 4) {
		return i
	}
	k := i + 1
	groups := 1
	for groups < 3 {
		d, n := s.at(k), s.at(k+1)
		if !isPunct(d, '-') || d.start != s.at(k-1).end || !isPlainNum(n, 1, 4) || n.start != d.end {
			break
		}
		k += 2
		groups++
	}
	if groups < 2 {
		return i
	}
	for m := k; m < k+6; m++ {
		w := s.at(m)
		if w == nil || w.nl > 0 {
			return i
		}
		if isPunct(w, ',') {
			continue
		}
		if w.kind != tWord || w.shape&sCap == 0 {
			return i
		}
		str := s.str(w)
		for _, suf := range [...]string{"-ku", "-shi", "-cho", "-machi", "-gun"} {
			if len(str) > len(suf)+1 && strings.EqualFold(str[len(str)-len(suf):], suf) {
				return m + 1 // (compared in place: strings.ToLower allocated)
			}
		}
	}
	return i
}
