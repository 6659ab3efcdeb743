package pii

import "strings"

// Context words, in the manner of Presidio's context enhancement: words
// near a candidate raise (or, for the negative sets, lower) its score, and
// candidates with weak patterns are reported only when such a word is
// near. Words are matched whole, case-insensitively, on runs of ASCII
// letters and digits ("driver's" gives "driver" and "s").

const (
	ctxPhone uint32 = 1 << iota
	ctxCard
	ctxNotCard // order, tracking, invoice: numbers that are not cards or phones
	ctxSSN
	ctxIP
	ctxVersion // version, build, release: dotted numbers that are not IPs
	ctxIBAN
	ctxDOB
	ctxDL
	ctxPassport
	ctxBank
	ctxNHS
	ctxNINO
	ctxCrypto
	ctxStreet // street, avenue, suite: a number in an address
	ctxNumber // "number", "no": a phone word only when no other type's word is near
)

// ctxTyped is the context of the types whose words can explain a nearby
// "number".
const ctxTyped = ctxCard | ctxSSN | ctxIBAN | ctxDL | ctxPassport | ctxBank | ctxNHS | ctxNINO | ctxCrypto | ctxIP

// ctxTable is an open-addressing hash table of the context words (a Go
// map costs more than the rest of the context scan).
const ctxTableSize = 1024

type ctxEntry struct {
	word string
	mask uint32
}

var ctxTable [ctxTableSize]ctxEntry

func ctxHash(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

func ctxLookup(b []byte) uint32 {
	for i := ctxHash(b) & (ctxTableSize - 1); ; i = (i + 1) & (ctxTableSize - 1) {
		e := &ctxTable[i]
		if e.word == "" {
			return 0
		}
		if e.word == string(b) {
			return e.mask
		}
	}
}

// ctxShape has, per first and last character, a bit for each word length
// in the table, so that most words are rejected without a lookup.
var ctxShape [26][37]uint32

func shapeIndex(c byte) int {
	if isDigit(c) {
		return 26 + int(c-'0')
	}
	return int(lower(c) - 'a')
}

func ctxShapeOK(t string, i, j int) bool {
	return isLetter(t[i]) && j-i < 32 && ctxShape[lower(t[i])-'a'][shapeIndex(t[j-1])]&(1<<(j-i)) != 0
}

func addCtx(bit uint32, words ...string) {
	for _, w := range words {
		ctxShape[w[0]-'a'][shapeIndex(w[len(w)-1])] |= 1 << len(w)
		for i := ctxHash([]byte(w)) & (ctxTableSize - 1); ; i = (i + 1) & (ctxTableSize - 1) {
			e := &ctxTable[i]
			if e.word == "" || e.word == w {
				e.word = w
				e.mask |= bit
				break
			}
		}
	}
}

func init() {
	addCtx(ctxPhone, "phone", "phones", "telephone", "tel", "mobile", "cell", "cellphone", "cellular",
		"fax", "call", "calls", "calling", "called", "contact", "text", "texting", "sms", "whatsapp",
		"desk", "office", "landline", "hotline", "dial", "ring", "reach", "message", "messages",
		"answering", "voicemail", "ph", "mob", "tele", "telefon", "telefono", "tlf", "ext", "extension",
		// other languages' phone words (ASCII runs: "teléfono" gives "tel", "fono")
		"telefone", "telephone", "telefoon", "telefonnummer", "rufnummer", "handy", "mobil", "mobiel",
		"movil", "celular", "cellulare", "portable", "tfno", "telf", "fono", "erreichbar", "joindre",
		"appeler", "llamar", "llame", "llamen", "ligar", "liga", "ligue", "liguem", "chiamare", "chiamami", "bel", "anrufen", "telp", "sdt", "telefonu", "telefonem",
		// "contact" and "call" in other languages, and Indonesian,
		// Malay, Tagalog and Swahili words for a phone or its number
		"contacto", "contato", "contatto", "kontakt", "kontakta", "kontaktiere", "bellen", "appelle", "appelez",
		"chiama", "chiamate", "llama", "marcar", "marque", "hubungi", "nomor", "tawagan", "simu", "namba", "handynummer",
		// verbs of calling, in their other forms
		"phoned", "phoning", "rang", "rings", "texted", "dialed", "dialled", "dialing", "dialling", "whatsapp", "whatsapped",
		"reached", "reachable", "callback", "angerufen", "ruf", "rufen", "ligou")
	addCtx(ctxCard, "credit", "card", "cards", "visa", "mastercard", "amex", "discover", "jcb", "diners",
		"maestro", "debit", "cc", "payment", "unionpay", "cvv", "cvc", "expiry", "expiration", "creditcard")
	addCtx(ctxNotCard, "order", "orders", "tracking", "invoice", "isbn", "ref", "reference", "serial", "aktenzeichen",
		// the same in other languages: order, invoice, parcel, file
		"pedido", "commande", "bestellung", "bestellnummer", "auftrag", "rechnung", "factura", "fattura", "facture",
		"fatura", "ordine", "bestelling", "factuur", "pesanan", "resi", "buchung", "booking", "reserva", "reservierung", "reservation", "prenotazione",
		"artnr", "idnr", "ustidnr", "steuernummer", "vat", "tva", "iva", "nif", "cif", "faktura", "sendung", "expediente", "dossier",
		"sku", "confirmation", "shipment", "parcel", "ticket", "barcode", "upc", "ean", "imei", "batch", "lot",
		// identifiers that are not phone numbers either: "part no. 4111-2222", "member ID 009921347"
		"id", "pin", "passcode", "otp", "part", "parts", "model", "item", "product", "catalog", "catalogue",
		"asin", "quote", "claim", "member", "coupon", "voucher",
		// insurance policies and claim files
		// ("póliza 0341-220087", "sinistro n. 2024/88714")
		"policy", "polizza", "sinistro", "pratica")
	addCtx(ctxSSN, "ssn", "ssns", "social", "security", "ss", "ssa", "ssnumber")
	addCtx(ctxIP, "ip", "ipv4", "ipv6", "address", "addr", "server", "host", "client", "gateway",
		"router", "dns", "subnet", "network", "proxy", "firewall", "blocked")
	addCtx(ctxVersion, "version", "versions", "ver", "v", "release", "build", "firmware", "rev", "revision", "sdk", "api")
	addCtx(ctxIBAN, "iban", "bank", "account", "transfer", "wire", "swift", "bic", "sepa")
	addCtx(ctxDOB, "born", "birth", "birthday", "birthdate", "dob", "bday", "birthplace", "nacimiento", "geboren")
	addCtx(ctxDL, "driver", "drivers", "driving", "license", "licence", "licenses", "dl", "lic")
	addCtx(ctxPassport, "passport", "passports")
	addCtx(ctxBank, "bank", "banking", "account", "accounts", "acct", "routing", "checking", "savings", "aba")
	addCtx(ctxNHS, "nhs", "health", "patient")
	addCtx(ctxNINO, "nino", "insurance")
	addCtx(ctxCrypto, "bitcoin", "btc", "wallet", "crypto", "address")
	addCtx(ctxNumber, "number", "numbers", "num", "nbr", "contact",
		"nummer", "numero", "numer", "numara", "numaram", "numarasi", "numaras")
	addCtx(ctxStreet, "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln",
		"drive", "dr", "suite", "apt", "apartment", "court", "ct", "plaza", "highway", "hwy", "way", "place", "pl",
		"square", "sq", "terrace", "parkway", "pkwy", "floor", "fl", "unit", "box")
}

// phoneWordsUTF8 are phone words written in other scripts or with
// letters outside ASCII, which the word table (ASCII runs) cannot hold:
// Chinese, Japanese, Korean, Russian and Ukrainian, Vietnamese, Arabic,
// Hindi, Thai, Greek.
var phoneWordsUTF8 = []string{
	"电话", "電話", "手机", "手機", "联系方式", "聯絡", "携帯", "ケータイ", "でんわ",
	"전화", "연락처", "휴대폰", "핸드폰",
	"телефон", "Телефон", "тел.", "Тел.", "моб.", "мобильный",
	"điện thoại", "Điện thoại", "ĐT", "hotline",
	"هاتف", "جوال", "फ़ोन", "फोन", "मोबाइल", "โทร", "τηλ", "Τηλ", "telemóvel", "móvil", "llámame", "llámenos",
}

// numberWordsUTF8 are words for "number" and "call" with letters outside
// ASCII: like "number", a phone word only when no other type's word is
// near ("o teu número novo é 912 384 706", "márcale al 55 4127 8830").
var numberWordsUTF8 = []string{
	"número", "Número", "numéro", "Numéro", "numarası", "numaram", "numară", "číslo", "numerem",
	"márcale", "márcame", "llámale", "llámame", "ligue-me", "zadzwoń",
	"номер", "Номер", "رقم", "شماره", "تماس", "تلفن", "موبایل", "اتصل", "טלפון", "נייד", "αριθμός", "τηλέφωνο",
}

// notNumberWordsUTF8 label a number as an order, invoice or parcel in
// words with letters outside ASCII ("sipariş no 771-204-5590",
// "Zamówienie nr 2024/03/5512", "注文番号 0312-5678-9012"); like the
// negative words of the table, they count only within negBefore bytes.
var notNumberWordsUTF8 = []string{
	"sipariş", "Sipariş", "zamówieni", "Zamówieni", "faktúra", "objednávk", "заказ", "Заказ", "накладн",
	"注文", "部品", "订单", "訂單", "单号", "單號", "주문", "송장", "伝票", "طلب", "הזמנה",
	"póliza", "Póliza", "apólice", "Apólice", "保单", "保單", "证券番号", "보험증권",
}

// utf8CtxBefore returns ctxPhone, ctxNumber and ctxNotCard for the words
// of phoneWordsUTF8, numberWordsUTF8 and notNumberWordsUTF8 in the
// context window before s. The window is only read when it holds a
// non-ASCII byte.
func utf8CtxBefore(t string, s int) uint32 {
	lo := max(s-ctxBefore, 0)
	w := t[lo:s]
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return 0
	}
	var m uint32
	for _, p := range phoneWordsUTF8 {
		if strings.Contains(w, p) {
			m |= ctxPhone
			break
		}
	}
	for _, p := range numberWordsUTF8 {
		if strings.Contains(w, p) {
			m |= ctxNumber
			break
		}
	}
	near := t[max(s-negBefore, 0):s]
	for _, p := range notNumberWordsUTF8 {
		if strings.Contains(near, p) {
			m |= ctxNotCard
			break
		}
	}
	return m
}

// phoneWordBefore reports one of phoneWordsUTF8 in the context window
// before s.
func phoneWordBefore(t string, s int) bool { return utf8CtxBefore(t, s)&ctxPhone != 0 }

// negBefore is how far before a candidate a negative word ("order",
// "tracking", "version") counts: it must label the number, as in "order
// number 12345" or "version 1.2.3.4", not just occur in the sentence.
const negBefore = 24

// streetNear reports whether the word right before [s, e) or one of the
// two right after it names a street or a unit ("17031 2202 Rissik St",
// "Apt. 675 62314"), which makes the number part of an address.
func streetNear(t string, s, e int) bool {
	k := s
	for k > 0 && s-k < 3 && (t[k-1] == ' ' || t[k-1] == '.' || t[k-1] == ',') {
		k--
	}
	j := k
	for j > 0 && k-j < 16 && isAlnum(t[j-1]) {
		j--
	}
	if j < k && (j == 0 || !isAlnum(t[j-1])) && wordsIn(t, j, k)&ctxStreet != 0 {
		return true
	}
	return streetAfter(t, e)
}

// streetAfter reports whether one of the two words right after e names a
// street.
func streetAfter(t string, e int) bool {
	hi := e + 20
	if hi > len(t) {
		hi = len(t)
	}
	words := 0
	i := e
	for i < hi && words < 3 {
		if t[i] == '\n' {
			return false
		}
		if !isAlnum(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && isAlnum(t[j]) {
			j++
		}
		if j > hi {
			return false
		}
		words++
		if wordsIn(t, i, j)&ctxStreet != 0 {
			return true
		}
		i = j
	}
	return false
}

const (
	ctxBefore = 56 // bytes looked at before a candidate
	ctxAfter  = 28 // and after it
)

// contextAround returns the context bits of words within a window around
// [s, e) of t. It reads at most ctxBefore+ctxAfter bytes and allocates
// nothing.
func contextAround(t string, s, e int) uint32 {
	lo, hi := ctxWindow(t, s, e)
	return wordsBefore(t, lo, s) | wordsIn(t, e, hi)&^(ctxNotCard|ctxVersion|ctxStreet)
}

// wordsBefore is wordsIn for the window before a candidate, in one pass:
// negative words count only within negBefore bytes of it.
func wordsBefore(t string, lo, s int) uint32 {
	var mask uint32
	nameEnd := -1 // end of the previous word when it was capitalised and no label
	var buf [16]byte
	i := lo
	for i < s {
		if !isAlnum(t[i]) {
			i++
			continue
		}
		j := i
		for j < s && isAlnum(t[j]) {
			j++
		}
		var m uint32
		if n := j - i; n <= len(buf) && ctxShapeOK(t, i, j) {
			for k := 0; k < n; k++ {
				buf[k] = lower(t[i+k])
			}
			m = ctxLookup(buf[:n])
			if i < s-negBefore {
				m &^= ctxNotCard | ctxVersion
			}
		}
		name := m == 0 && j-i >= 2 && isUpper(t[i]) && isLower(t[i+1])
		if name && nameEnd >= 0 && i == nameEnd+1 && t[nameEnd] == ' ' {
			// Two capitalised words that are no labels (a name) between
			// a negative word and the number end the label: "landlord
			// reference Victor Ruiz (201) 555-0144" is a person's
			// number; "Rechnung Nr. 2024-0815" is still an invoice's.
			mask &^= ctxNotCard | ctxVersion
		}
		nameEnd = -1
		if name {
			nameEnd = j
		}
		mask |= m &^ ctxStreet
		i = j
	}
	return mask
}

// ctxWindow returns the bounds of the context window around [s, e): at
// most ctxBefore bytes before and ctxAfter after, not cutting words, and
// not crossing the end of a sentence, so that "born" in one sentence does
// not make a date in the next a birth date.
func ctxWindow(t string, s, e int) (int, int) {
	lo := s - ctxBefore
	if lo < 0 {
		lo = 0
	} else {
		for lo < s && isAlnum(t[lo]) { // skip a word cut by the window
			lo++
		}
	}
	for k := s - 1; k > lo; k-- {
		if sentenceEnd(t, k) {
			lo = k + 1
			break
		}
	}
	hi := e + ctxAfter
	if hi > len(t) {
		hi = len(t)
	} else {
		for hi > e && isAlnum(t[hi-1]) {
			hi--
		}
	}
	for k := e; k < hi; k++ {
		// Nor a line break after it: in an address block or a signature
		// the next line's label ("SP, 01304-001\nCelular: ...") is not
		// about this number.
		if sentenceEnd(t, k) || t[k] == '\n' {
			hi = k
			break
		}
	}
	return lo, hi
}

// sentenceEnd reports whether t[k] is a full stop, question or exclamation
// mark that ends a sentence: followed by a space and a capital letter,
// and (for '.') after a word of four or more characters, so that "Tel.",
// "No." and "Dr." do not count.
func sentenceEnd(t string, k int) bool {
	c := t[k]
	if c != '.' && c != '!' && c != '?' {
		return false
	}
	if k+2 >= len(t) || t[k+1] != ' ' || !isUpper(t[k+2]) {
		return false
	}
	if c == '.' {
		n := 0
		j := k - 1
		for ; j >= 0 && isAlnum(t[j]); j-- {
			n++
		}
		// A capital inside the word makes it an abbreviation:
		// "USt-IdNr. DE 812 345 678".
		for i := j + 2; i < k; i++ {
			if isUpper(t[i]) {
				return false
			}
		}
		return n >= 4
	}
	return true
}

// nearestCtx returns the bits in mask of the context word nearest to
// [s, e): the closest one before it, else the first one after it. It
// decides between weak types when several context words are near
// ("passport ... account number 123").
func nearestCtx(t string, s, e int, mask uint32) uint32 {
	lo, hi := ctxWindow(t, s, e)
	var buf [16]byte
	j := s
	for j > lo {
		if !isAlnum(t[j-1]) {
			j--
			continue
		}
		i := j
		for i > lo && isAlnum(t[i-1]) {
			i--
		}
		if n := j - i; n <= len(buf) && ctxShapeOK(t, i, j) {
			for k := 0; k < n; k++ {
				buf[k] = lower(t[i+k])
			}
			if m := ctxLookup(buf[:n]) & mask; m != 0 {
				return m
			}
		}
		j = i
	}
	i := e
	for i < hi {
		if !isAlnum(t[i]) {
			i++
			continue
		}
		k := i
		for k < hi && isAlnum(t[k]) {
			k++
		}
		if m := wordsIn(t, i, k) & mask; m != 0 {
			return m
		}
		i = k
	}
	return 0
}

func wordsIn(t string, lo, hi int) uint32 {
	var mask uint32
	var buf [16]byte
	i := lo
	for i < hi {
		if !isAlnum(t[i]) {
			i++
			continue
		}
		j := i
		for j < hi && isAlnum(t[j]) {
			j++
		}
		if n := j - i; n <= len(buf) && ctxShapeOK(t, i, j) {
			for k := 0; k < n; k++ {
				buf[k] = lower(t[i+k])
			}
			mask |= ctxLookup(buf[:n])
		}
		i = j
	}
	return mask
}
