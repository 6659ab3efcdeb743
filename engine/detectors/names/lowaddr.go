package names

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// Lower-case street addresses in casual text ("he's stopping at ours so
// 42 mill lane", "la de la calle san bernardo 22", "rua doutor arnaldo
// 1520 apartamento 84", "de clercqstraat 112", "лиговский проспект 87
// квартира 12"). The token scan reads addresses from capitalised street
// names; chats and transcripts write them in lower case, where it skips.
// This pass reads every text at each house number (numbers are rare in
// prose, and the forms below need a street type):
//
//   - forwards: one to three name words and an English street type
//     ("42 mill lane", "1120 ridgeview drive", "flat 12 41 loveday
//     street"); a name word may be a common word only when a name or
//     place list has it too ("mill", not "blocks" in "5 blocks down main
//     street");
//   - backwards: a street type that comes first ("calle", "rua", "via",
//     "strada", "aleja", "ulica", "jalan", "rue", "đường", "улица",
//     "вулиці" …) and one to four name words, or a Dutch, German or
//     Nordic street word ending in its type ("clercqstraat",
//     "bahnhofstraße", "storgatan"), or a Russian or Ukrainian name before
//     its type ("лиговский проспект");
//
// then a unit after the number ("apartamento 84", "m. 45", "квартира 12",
// "rt 03 rw 05" is not taken).

var (
	addrSuffixEN = wordSet(`street st road rd lane ln drive dr avenue ave grove close way crescent
		cres place pl court ct terrace gardens hill boulevard blvd parade row walk mews square sq green
		rise park view circle cir highway hwy`)
	addrPrefixTypes = wordSet(`calle avenida avda av rua travessa alameda estrada rodovia via viale
		piazza corso vicolo largo strada str bulevardul aleea calea aleja al ulica ul osiedle jalan jl gang
		rue chemin impasse allée allee carrer passeig kalye daan đường phố ngõ hẻm улица ул проспект пр
		переулок пер бульвар шоссе площадь вулиця вулиці вул проспекту провулок бульвару`)
	addrSuffixTypes = wordSet(`проспект улица шоссе переулок бульвар проезд набережная вулиця
		провулок sokak sokağı caddesi cadde mahallesi`)
	addrCompound = []string{"straat", "laan", "weg", "gracht", "plein", "straße", "strasse", "gasse",
		"allee", "platz", "ring", "dijk", "kade", "singel", "steeg", "dreef", "gatan", "vägen", "gata",
		"vej", "gade", "veien", "gate", "katu", "tie", "kuja", "utca", "ulice", "cesta"}
	addrNumberWords = wordSet(`no nr nº número numero nomor namba n num`)
	addrUnitWords   = wordSet(`flat apt apartment apartamento apto ap unit suite piso m kv кв квартира
		daire int interno appartamento departamento depto wohnung whg`)
	addrMeasure = wordSet(`min mins minute minutes h hr hrs hour hours sec secs second seconds day days
		week weeks month months year years km kms mi mile miles m metre metres meter meters ft feet yd
		yards kg kgs g lb lbs sqm m² м² кв.м лет года год минут мин часов час км мес шт percent`)
	addrNotName = wordSet(`the a an of to and or for in on at my your his her our their this that is
		are was with from by me you him them it we they i he she be not no so but if then than as just
		about like into over after before`)
)

func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// lowerAddresses adds the lower-case street addresses of text.
func lowerAddresses(text string, g *table, r *analysis.Report, f *analysis.Field, n0 int) {
	for i := 0; i < len(text); i++ {
		for i+8 <= len(text) && !hasDigit8(binary.LittleEndian.Uint64([]byte(text[i:i+8]))) {
			i += 8 // eight digit-free bytes at a time, as ukAddresses does
		}
		for i < len(text) && text[i]-'0' > 9 {
			i++
		}
		if i >= len(text) {
			return
		}
		if i > 0 && (isDigit(text[i-1]) || alphaASCII[text[i-1]] != 0 || text[i-1] == '.' || text[i-1] == ':' || text[i-1] == '$' || text[i-1] >= 0x80 && !spaceBefore(text, i)) {
			continue
		}
		ns := i
		ne := i
		for ne < len(text) && isDigit(text[ne]) {
			ne++
		}
		if ne-ns > 5 {
			i = ne
			continue
		}
		if ne < len(text) && 'a' <= text[ne] && text[ne] <= 'z' && (ne+1 >= len(text) || !addrLetterByte(text[ne+1])) {
			ne++ // "43a"
		}
		if ne < len(text) && (isDigit(text[ne]) || text[ne] == ':' || text[ne] == '%' || text[ne] == '.' && ne+1 < len(text) && isDigit(text[ne+1])) {
			i = ne
			continue // a time, a share, a decimal
		}
		if ws, we := addrNextWord(text, ne); we > ws && addrMeasure[strings.TrimSuffix(text[ws:we], ".")] || ne < len(text) && text[ne] == ' ' && strings.HasPrefix(text[ne+1:], "м²") {
			i = ne
			continue // "10 min walk", "5 лет назад", "54 м²": a measure, not a house number
		}
		s, e := -1, -1
		if we := streetAfter(text, g, ne); we > 0 {
			s, e = ns, we
			// "flat 12 41 loveday street": the unit before the number
			if us := unitBefore(text, ns); us >= 0 {
				s = us
			}
		} else if ws := streetBefore(text, ns); ws >= 0 {
			s, e = ws, ne
			e = unitAfter(text, e)
		} else if ws, we := streetBeforePostcode(text, ns, ne); ws >= 0 {
			s, e = ws, we // "Údolní 15, 602 00 Brno", "chemin des Vignes 8, 1009 Pully"
		} else if we := vietStreet(text, ne); we > 0 {
			s, e = ns, we // "12 Lê Thánh Tông, phường Hải Châu 1"
			if ps, pe := addrPrevWord(text, ns); pe > ps && (text[ps:pe] == "hẻm" || text[ps:pe] == "ngõ" || text[ps:pe] == "ngách" || text[ps:pe] == "kiệt") {
				// "số 14, hẻm 221 …": the house number before the alley
				s = ps
				if q := strings.LastIndex(text[max(0, ps-16):ps], "số "); q >= 0 {
					s = max(0, ps-16) + q
				}
			} else if ps, pe := addrPrevWord(text, ns); pe > ps && (text[ps:pe] == "số" || text[ps:pe] == "nhà") {
				s = ps
				if ps2, pe2 := addrPrevWord(text, ps); pe2 > ps2 && text[ps:pe] == "nhà" && text[ps2:pe2] == "số" {
					s = ps2
				}
			}
		}
		i = ne
		if s < 0 || !takeAddressSpan(r, n0, s, e) {
			continue
		}
		r.AddFinding("names", "pii", tStreetAddress, f, s, e, lowerAddrScore)
		i = e
	}
}

const lowerAddrScore = 0.6

func addrLetterByte(c byte) bool { return alphaASCII[c] == 1 || c >= 0x80 }

func spaceBefore(text string, i int) bool { return i > 0 && (text[i-1] == ' ' || text[i-1] == '\n') }

// addrNextWord returns the lower-case word after the spaces at text[p] (ASCII
// or other letters; ' and - inside), or p, p.
func addrNextWord(text string, p int) (int, int) {
	for p < len(text) && text[p] == ' ' {
		p++
	}
	s := p
	for p < len(text) {
		r, n := utf8.DecodeRuneInString(text[p:])
		if unicode.IsLower(r) || unicode.IsLetter(r) && !unicode.IsUpper(r) || p > s && (r == '\'' || r == '-') {
			p += n
			continue
		}
		if p > s && unicode.IsLetter(r) {
			return s, s // a capital inside the word: not a lower-case word
		}
		break
	}
	return s, p
}

// addrPrevWord is addrNextWord read backwards from text[:p] (after spaces and one
// comma).
func addrPrevWord(text string, p int) (int, int) {
	for p > 0 && (text[p-1] == ' ' || text[p-1] == ',') {
		p--
	}
	e := p
	for p > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:p])
		if unicode.IsLower(r) || unicode.IsLetter(r) && !unicode.IsUpper(r) || p < e && (r == '\'' || r == '-') || r == '.' && p == e {
			p -= n
			continue
		}
		if unicode.IsLetter(r) {
			return e, e // inside a capitalised word ("Тверская"): the token scan's
		}
		break
	}
	return p, e
}

// streetAfter reads "mill lane" after a house number ending at p: one to
// three name words, then an English street type; it returns the end.
func streetAfter(text string, g *table, p int) int {
	if p >= len(text) || text[p] != ' ' {
		return -1
	}
	names := 0
	for k := 0; k < 4; k++ {
		s, e := addrNextWord(text, p)
		if e == s || e-s > 20 {
			return -1
		}
		w := text[s:e]
		if names > 0 && addrSuffixEN[w] {
			if e < len(text) && text[e] == '.' && e+1 < len(text) && text[e+1] != ' ' && text[e+1] != '\n' {
				return -1
			}
			return e
		}
		if addrNotName[w] || addrSuffixEN[w] || w[0] >= 0x80 {
			return -1
		}
		if fl := g.get(hashWord(w)); fl&gCommon != 0 && fl&(gAnyName|gAnyPlace) == 0 {
			return -1 // "5 blocks down main street"
		}
		names++
		p = e
	}
	return -1
}

// streetBefore reads the street before a house number at text[ns]: a type
// and one to four name words ("calle san bernardo"), a compound street
// word ("de clercqstraat"), or a name and a Russian or Ukrainian type
// ("лиговский проспект"); it returns the start, or -1.
func streetBefore(text string, ns int) int {
	if !spaceBefore(text, ns) {
		return -1
	}
	p := ns
	// "nomor 9", "nr. 14", "namba 17": a number word first
	if s, e := addrPrevWord(text, p); e > s && addrNumberWords[strings.TrimSuffix(text[s:e], ".")] {
		p = s
	}
	s0, e0 := addrPrevWord(text, p)
	if e0 == s0 {
		return -1
	}
	w0 := strings.TrimSuffix(text[s0:e0], ".")
	for _, c := range addrCompound {
		if len(w0) > len(c)+2 && strings.HasSuffix(w0, c) {
			// a particle before it: "de clercqstraat", "van baerlestraat"
			if s1, e1 := addrPrevWord(text, s0); e1 > s1 && (text[s1:e1] == "de" || text[s1:e1] == "van" || text[s1:e1] == "der" || text[s1:e1] == "den") {
				return s1
			}
			return s0
		}
	}
	if addrSuffixTypes[w0] {
		if s1, e1 := addrPrevWord(text, s0); e1 > s1 && !addrNotName[text[s1:e1]] && !addrPrefixTypes[text[s1:e1]] {
			return s1
		}
		return -1
	}
	// a type, then one to four name words
	names := 0
	s, e := s0, e0
	for k := 0; k < 5; k++ {
		w := strings.TrimSuffix(text[s:e], ".")
		if addrPrefixTypes[w] {
			if names == 0 {
				return -1
			}
			return s
		}
		if addrNotName[w] || len(w) > 24 {
			return -1
		}
		names++
		if s, e = addrPrevWord(text, s); e == s {
			return -1
		}
	}
	return -1
}

// unitBefore returns the start of "flat 12" (or "apt 4b,") ending right
// before the house number at text[ns], or -1.
func unitBefore(text string, ns int) int {
	p := ns
	for p > 0 && (text[p-1] == ' ' || text[p-1] == ',') {
		p--
	}
	q := p
	for q > 0 && (isDigit(text[q-1]) || 'a' <= text[q-1] && text[q-1] <= 'z' && q < p && isDigit(text[q])) {
		q--
	}
	if q == p || q == 0 || text[q-1] != ' ' {
		return -1
	}
	if s, e := addrPrevWord(text, q); e > s && addrUnitWords[text[s:e]] {
		return s
	}
	return -1
}

// unitAfter extends an address ending at e by a unit ("apartamento 84",
// "m. 45", "квартира 12").
func unitAfter(text string, e int) int {
	s, we := addrNextWord(text, e)
	if we == s || !addrUnitWords[strings.TrimSuffix(text[s:we], ".")] {
		return e
	}
	p := we
	for p < len(text) && (text[p] == ' ' || text[p] == '.') {
		p++
	}
	q := p
	for q < len(text) && isDigit(text[q]) {
		q++
	}
	if q == p || q-p > 5 {
		return e
	}
	return q
}

// capWordBefore returns the capitalised word (any script, with
// diacritics, hyphens and apostrophes inside; or an abbreviation ending in
// a dot: "Avda.", "C/", "Bd.") that ends text[:p] after spaces, or -1.
func capWordBefore(text string, p int) (int, int) {
	for p > 0 && text[p-1] == ' ' {
		p--
	}
	e := p
	if p > 0 && (text[p-1] == '.' || text[p-1] == '/') {
		p--
	}
	for p > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:p])
		if unicode.IsLetter(r) || r == '-' || r == '\'' {
			p -= n
			continue
		}
		break
	}
	if p == e {
		return -1, -1
	}
	return p, e
}

// addrParticles stand between the words of a street name.
var addrParticles = wordSet(`de del des la le les di da do dos das du van der den sa von zu al el y i e`)

// postcodeCityAt reports a postcode and a capitalised place after ", " at
// text[p] ("602 00 Brno", "1009 Pully", "28020 Madrid", "00-950 Warszawa",
// "1012 AB Amsterdam") and returns the end of the place, or -1.
func postcodeCityAt(text string, p int) int {
	if p+2 >= len(text) || text[p] != ',' || text[p+1] != ' ' {
		return -1
	}
	q := p + 2
	d := q
	for d < len(text) && isDigit(text[d]) {
		d++
	}
	n := d - q
	switch {
	case n == 3 && d+3 < len(text) && text[d] == ' ' && isDigit(text[d+1]) && isDigit(text[d+2]) && !isDigit(text[d+3]):
		d += 3 // 602 00, 123 45
	case (n == 2 || n == 4) && d+4 < len(text) && text[d] == '-' && isDigit(text[d+1]) && isDigit(text[d+2]) && isDigit(text[d+3]):
		d += 4 // 00-950 (Poland), 1200-384 (Portugal)
	case n == 4 && d+3 < len(text) && text[d] == ' ' && 'A' <= text[d+1] && text[d+1] <= 'Z' && 'A' <= text[d+2] && text[d+2] <= 'Z' && text[d+3] == ' ':
		d += 3 // 1012 AB
	case n == 4 || n == 5:
	default:
		return -1
	}
	if d >= len(text) || text[d] != ' ' {
		return -1
	}
	ws := d + 1
	r, size := utf8.DecodeRuneInString(text[ws:])
	if !unicode.IsUpper(r) {
		return -1
	}
	we := ws + size
	for we < len(text) {
		r, n := utf8.DecodeRuneInString(text[we:])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		we += n
	}
	return we
}

// streetBeforePostcode reads the continental layout "Street Number,
// Postcode Place": one to five words before the house number (capitalised,
// or particles and street types in lower case), and after it a postcode
// and a place, perhaps after a floor or a door ("3.º izq.", "pta. 14").
func streetBeforePostcode(text string, ns, ne int) (int, int) {
	p := ne
	for k := 0; k < 2; k++ {
		if end := postcodeCityAt(text, p); end > 0 {
			break
		}
		// skip a short unit segment: ", 3.º izq.", ", pta. 14"
		if p+2 >= len(text) || text[p] != ',' {
			return -1, -1
		}
		q := p + 1
		for q < len(text) && q-p < 16 && text[q] != ',' && text[q] != '\n' {
			q++
		}
		if q >= len(text) || text[q] != ',' {
			return -1, -1
		}
		p = q
	}
	end := postcodeCityAt(text, p)
	if end < 0 {
		return -1, -1
	}
	s, caps := -1, 0
	q := ns
	for k := 0; k < 5; k++ {
		ws, we := capWordBefore(text, q)
		if ws < 0 {
			break
		}
		w := text[ws:we]
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps++
			s = ws
		case addrParticles[w] || addrPrefixTypes[strings.TrimSuffix(w, ".")] || w == "chemin" || w == "camí" || w == "vico" || w == "contrada":
			if caps == 0 && !addrPrefixTypes[strings.TrimSuffix(w, ".")] && w != "chemin" {
				return -1, -1
			}
			s = ws
		default:
			k = 5
			continue
		}
		q = ws
	}
	if caps == 0 || s < 0 {
		return -1, -1
	}
	// a particle does not start a street ("de Bravo Murillo" needs "C/")
	for {
		ws, we := addrNextWord(text, s)
		if we > ws && addrParticles[text[ws:we]] && ws == s {
			s = we + 1
			continue
		}
		break
	}
	return s, end
}

// vietAdmin are the words of a Vietnamese address after the street:
// ward, district, commune, county, town.
var vietAdmin = []string{"phường", "quận", "xã", "huyện", "thị trấn", "thị xã", "tp.", "thành phố", "p.", "q."}

// vietStreet reads "Lê Thánh Tông, phường Hải Châu 1" after a house number
// ending at ne ("12", "45/12", "số 18 ngõ 64 …"): two to five capitalised
// words and a ward, district or commune after a comma; it returns the end
// of that part (and of one more part after it).
func vietStreet(text string, ne int) int {
	p := ne
	if p < len(text) && text[p] == '/' { // 45/12
		p++
		for p < len(text) && isDigit(text[p]) {
			p++
		}
	}
	words := 0
	for words < 6 {
		ws, we := addrNextCapWord(text, p)
		if ws < 0 {
			// "ngõ 64", "hẻm 221": an alley and its number
			if s2, e2 := addrNextWord(text, p); e2 > s2 && (text[s2:e2] == "ngõ" || text[s2:e2] == "hẻm" || text[s2:e2] == "ngách" || text[s2:e2] == "kiệt") {
				q := e2
				for q < len(text) && text[q] == ' ' {
					q++
				}
				d := q
				for d < len(text) && (isDigit(text[d]) || text[d] == '/') {
					d++
				}
				if d > q {
					p = d
					continue
				}
			}
			break
		}
		words++
		p = we
	}
	if words < 2 || p+2 >= len(text) {
		return -1
	}
	if text[p] == ' ' && vietLetters(text[ne:p]) {
		// the district right after the street: "45 Nguyễn Thị Minh Khai quận 1"
		rest := text[p+1:]
		for _, a := range vietAdmin {
			if len(rest) > len(a)+1 && strings.EqualFold(rest[:len(a)], a) && rest[len(a)] == ' ' {
				e := p + 1 + len(a) + 1
				for e < len(text) && (isDigit(text[e]) || text[e] >= 0x80 || text[e] >= 'A' && text[e] <= 'Z') && e-p < 24 {
					if _, w := addrNextCapWord(text, e); w < 0 && !isDigit(text[e]) {
						break
					}
					e++
				}
				for e > p && text[e-1] == ' ' {
					e--
				}
				if e > p+1+len(a)+1 {
					return e
				}
			}
		}
		return -1
	}
	if text[p] != ',' {
		return -1
	}
	rest := text[p+2:]
	if !startsWithAnyFold(rest, vietAdmin) {
		// no ward word: two capitalised parts after the street, a
		// district and a city ("Trần Quang Diệu, Đống Đa, Hà Nội"), with
		// Vietnamese letters in the street
		if !vietLetters(text[ne:p]) {
			return -1
		}
		e, parts := p, 0
		for parts < 3 && e+2 < len(text) && text[e] == ',' && text[e+1] == ' ' {
			q, n := e+2, 0
			for n < 4 {
				ws, we := addrNextCapWord(text, q)
				if ws < 0 || ws > q+1 {
					break
				}
				q, n = we, n+1
			}
			if n == 0 {
				break
			}
			e, parts = q, parts+1
		}
		if parts >= 2 {
			return e
		}
		return -1
	}
	for _, a := range vietAdmin {
		if len(rest) >= len(a) && strings.EqualFold(rest[:len(a)], a) {
			e := p + 2 + len(a)
			for e < len(text) && text[e] != ',' && text[e] != '\n' && text[e] != '.' && e-p < 60 {
				e++
			}
			for e > p && text[e-1] == ' ' {
				e--
			}
			return e
		}
	}
	return -1
}

// vietLetters reports a letter of Vietnamese beyond Latin-1 in s (ă, đ,
// ơ, ư, or one with a dot or hook below: ệ, ậ, ễ …).
func vietLetters(s string) bool {
	for _, r := range s {
		if r == 'ă' || r == 'Ă' || r == 'đ' || r == 'Đ' || r == 'ơ' || r == 'Ơ' || r == 'ư' || r == 'Ư' || r >= 0x1EA0 && r <= 0x1EF9 || r == 'ĩ' || r == 'ũ' {
			return true
		}
	}
	return false
}

// startsWithAnyFold reports whether s starts with one of list, ignoring
// case.
func startsWithAnyFold(s string, list []string) bool {
	for _, a := range list {
		if len(s) >= len(a) && strings.EqualFold(s[:len(a)], a) {
			return true
		}
	}
	return false
}

// addrNextCapWord returns the capitalised word after the spaces at
// text[p], or -1.
func addrNextCapWord(text string, p int) (int, int) {
	for p < len(text) && text[p] == ' ' {
		p++
	}
	r, n := utf8.DecodeRuneInString(text[p:])
	if !unicode.IsUpper(r) {
		return -1, -1
	}
	s := p
	p += n
	for p < len(text) {
		r, n := utf8.DecodeRuneInString(text[p:])
		if !unicode.IsLetter(r) {
			break
		}
		p += n
	}
	return s, p
}

// takeAddressSpan makes room for an address at [s, e): names and places
// inside it are its street and town ("Lê Thánh Tông", "Brno"), and go;
// another address or anything reaching outside it keeps the span.
func takeAddressSpan(r *analysis.Report, n0, s, e int) bool {
	fs := r.Findings[n0:]
	for _, x := range fs {
		if x.ByteStart < e && s < x.ByteEnd && (x.Type == tStreetAddress || x.ByteStart < s || x.ByteEnd > e) {
			return false
		}
	}
	k := n0
	for _, x := range fs {
		if x.ByteStart < e && s < x.ByteEnd {
			continue // a name or place inside the address
		}
		r.Findings[k] = x
		k++
	}
	r.Findings = r.Findings[:k]
	return true
}
