package names

import (
	"encoding/binary"
	"strings"
)

// UK street addresses that end in a postcode, in any case. Call
// transcripts and chats write them in lower case ("its 42 larch close
// wigan wn3 5hd", "lives at 18b granby street leicester le1 6fb"), where
// the token scanner, which reads capitals, finds none. A postcode in the
// Royal Mail format (area letters, district, a space, sector digit and
// unit letters) is looked for first. Before it on the same line there
// must be a house number, then one to four words ending in a street type,
// then at most three words of a town. The spans join the script spans,
// so an address the token scanner finds wins over one found here.

const ukAddrBack = 96 // bytes looked at before a postcode

// hasDigit8 reports an ASCII digit among the eight bytes of x: the "has a
// byte between m and n" test of Sean Eron Anderson's Bit Twiddling Hacks
// (public domain), with m = '0'-1 and n = '9'+1.
func hasDigit8(x uint64) bool {
	const ones, low7, high = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	const m, n = '0' - 1, '9' + 1
	return (ones*(127+n)-(x&low7))&^x&((x&low7)+ones*(127-m))&high != 0
}

// ukStreetTypes end the street part (lower case).
var ukStreetTypes = map[string]bool{
	"street": true, "st": true, "road": true, "rd": true, "avenue": true, "ave": true, "lane": true,
	"ln": true, "close": true, "drive": true, "dr": true, "way": true, "crescent": true, "court": true,
	"ct": true, "place": true, "pl": true, "grove": true, "gardens": true, "terrace": true,
	"square": true, "hill": true, "row": true, "walk": true, "mews": true, "green": true, "rise": true,
	"parade": true, "approach": true,
}

func isAlnumByte(c byte) bool { return isDigit(c) || isLetterByte(c) }

// ukPostcodeAt returns the end of a UK postcode starting at i (A9 9AA,
// A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA; any case), or -1.
func ukPostcodeAt(t string, i int) int {
	if i > 0 && isAlnumByte(t[i-1]) {
		return -1
	}
	j, n := i, 0
	for j < len(t) && n < 2 && isLetterByte(t[j]) {
		j++
		n++
	}
	if n == 0 || j >= len(t) || !isDigit(t[j]) {
		return -1
	}
	j++
	if j < len(t) && isAlnumByte(t[j]) {
		j++
	}
	if j >= len(t) || t[j] != ' ' {
		return -1
	}
	j++
	if j+3 > len(t) || !isDigit(t[j]) || !isLetterByte(t[j+1]) || !isLetterByte(t[j+2]) {
		return -1
	}
	j += 3
	if j < len(t) && isAlnumByte(t[j]) {
		return -1
	}
	return j
}

// ukAddresses adds the UK addresses of t to out. It is one pass over the
// digits of t, skipping eight bytes at a time where there are none.
func ukAddresses(t string, out *scriptSpans) {
	for i := 1; i+4 < len(t); i++ {
		if i+8 <= len(t) && !hasDigit8(binary.LittleEndian.Uint64([]byte(t[i:i+8]))) {
			i += 7
			continue
		}
		if !isDigit(t[i]) {
			continue
		}
		// a postcode's district digit is its second or third byte
		for k := 1; k <= 2 && i-k >= 0; k++ {
			ps := i - k
			pe := ukPostcodeAt(t, ps)
			if pe < 0 {
				continue
			}
			if s := ukAddressStart(t, ps); s >= 0 {
				out.add(tStreetAddress, s, pe, 0.8)
			} else if s := ukPartsStart(t, ps); s >= 0 {
				out.add(tStreetAddress, s, pe, 0.8)
			}
			i = pe
			break
		}
	}
}

// ukAddressStart finds, before the postcode at ps and on its line, a
// house number followed by words that end in a street type, and returns
// where the address starts, or -1.
func ukAddressStart(t string, ps int) int {
	lo := max(0, ps-ukAddrBack)
	type word struct{ s, e int }
	var ws [10]word // back from the postcode: town words, street type, street name, house number
	n := 0
	j := ps
	for n < len(ws) {
		for j > lo && (t[j-1] == ' ' || t[j-1] == ',') {
			j--
		}
		e := j
		for j > lo && isAlnumByte(t[j-1]) {
			j--
		}
		if j == e {
			break // a line break or punctuation ends the address
		}
		ws[n] = word{j, e}
		n++
		if isDigit(t[j]) {
			break // the house number
		}
	}
	if n < 3 {
		return -1
	}
	num := ws[n-1]
	if !isDigit(t[num.s]) || num.e-num.s > 5 || num.s > 0 && isAlnumByte(t[num.s-1]) {
		return -1
	}
	for k := num.s; k < num.e; k++ {
		if !isDigit(t[k]) && !(k == num.e-1 && isLetterByte(t[k])) {
			return -1 // 42, 18b; not 4x4
		}
	}
	// no function word of a sentence among the words ("5 miles along the
	// road to town, code ab1 2cd")
	for k := 0; k < n-1; k++ {
		if ukStopWord(t[ws[k].s:ws[k].e]) {
			return -1
		}
	}
	// the street type: after one to four street name words, before at
	// most three town words
	for k := n - 3; k >= 0 && k >= n-6; k-- {
		if k > 3 {
			continue
		}
		w := t[ws[k].s:ws[k].e]
		var b [9]byte
		if len(w) > len(b) {
			continue
		}
		for x := 0; x < len(w); x++ {
			b[x] = w[x] | 0x20 // ASCII letters and digits only
		}
		if ukStreetTypes[string(b[:len(w)])] {
			return num.s
		}
	}
	return -1
}

// ukStopWord reports the words of a sentence that no street or town name
// in an address is made of.
func ukStopWord(w string) bool {
	switch w {
	case "the", "to", "a", "an", "of", "in", "on", "at", "and", "or", "for", "from", "with", "by",
		"my", "your", "our", "is", "was", "are", "be", "along", "about", "code", "miles", "minutes",
		"The", "To", "A", "In", "On", "At", "And", "My", "Your", "Our":
		return true
	}
	return false
}

// ukPartsBack is how far ukPartsStart looks back from a postcode.
const ukPartsBack = 160

// ukUnitWords open a unit part ("Unit 14", "Flat 6B", "Room 4.12").
var ukUnitWords = map[string]bool{"Unit": true, "Flat": true, "Room": true, "Suite": true, "Apartment": true, "Apt": true, "Block": true, "Floor": true}

// ukPlaceTypes end a capitalised part that names a street, an estate or
// a building ("Bury Road", "Kingsway Industrial Estate", "Bush House").
var ukPlaceTypes = map[string]bool{
	"Street": true, "Road": true, "Lane": true, "Avenue": true, "Close": true, "Drive": true, "Way": true,
	"Crescent": true, "Court": true, "Place": true, "Grove": true, "Gardens": true, "Terrace": true,
	"Square": true, "Row": true, "Walk": true, "Mews": true, "Parade": true, "Approach": true,
	"Estate": true, "Park": true, "House": true, "Cottages": true, "Buildings": true, "Yard": true,
	"Wharf": true, "Quay": true, "Mansions": true, "Chambers": true,
}

// ukPartsStart reads the capitalised layout of a UK address back from
// the postcode at ps, part by part across commas on the same line: the
// town just before the postcode, and before it parts that are all
// capitalised words or numbers. The address starts at the earliest of
// them that is a unit and its number ("Unit 14, Kingsway Industrial
// Estate, Luton LU1 1LP"), a house number and a name ("5 The Maltings,
// Bury St Edmunds IP33 1UZ", "1 Summerhall, Edinburgh EH9 1PL") or a
// street, estate or building ("Bury Road, Hengrave IP28 6LZ", "Infirmary
// Square, Leicester LE1 5WW"); with none, there is no address ("John
// Smith, Sales Manager, Leeds LS1 4AP").
func ukPartsStart(t string, ps int) int {
	lo := max(0, ps-ukPartsBack)
	start := -1
	j := ps
	for part := 0; part < 6; part++ {
		// the part ends at j (before ", " or the postcode's space)
		for j > lo && t[j-1] == ' ' {
			j--
		}
		e := j
		ws := j // the part's first word
		words, first, last := 0, "", ""
		numFirst, stop := false, false
		for j > lo {
			k := j
			for k > lo && t[k-1] != ' ' && t[k-1] != ',' && t[k-1] != '\n' {
				k--
			}
			w := t[k:j]
			if w == "" {
				break
			}
			c := w[0]
			switch {
			case w[len(w)-1] == ';' || w[len(w)-1] == ':':
				stop = true // "…, Bristol BS1 6RL; Unit 7, …": the list's previous item ends here
			case c >= 'A' && c <= 'Z':
			case isDigit(c) && len(w) <= 6:
			case w == "upon":
			default:
				stop = true // a word of the sentence: the part starts after it
			}
			if stop {
				break
			}
			if words == 0 {
				last = w
			}
			first = w
			words++
			j, ws = k, k
			if j > lo && t[j-1] == ' ' {
				j--
				continue
			}
			break
		}
		if words == 0 || words > 5 {
			return start
		}
		if part > 0 {
			switch {
			case isDigit(first[0]):
				numFirst = true
			}
			sp := strings.IndexByte(t[ws:e], ' ')
			second := ""
			if sp > 0 {
				second = t[ws+sp+1 : e]
			}
			if numFirst && words >= 2 || ukUnitWords[first] && second != "" && isDigit(second[0]) || words >= 2 && ukPlaceTypes[last] {
				start = ws
			}
		}
		// the part before: after ", " on the same line
		if !stop && j > lo && t[j-1] == ',' {
			j--
			continue
		}
		return start
	}
	return start
}
