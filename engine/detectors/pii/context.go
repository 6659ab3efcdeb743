package pii

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
)

var ctxWords = map[string]uint32{}

func addCtx(bit uint32, words ...string) {
	for _, w := range words {
		ctxWords[w] |= bit
	}
}

func init() {
	addCtx(ctxPhone, "phone", "phones", "telephone", "tel", "mobile", "cell", "cellphone", "cellular",
		"fax", "call", "calls", "calling", "called", "contact", "text", "texting", "sms", "whatsapp",
		"desk", "office", "landline", "hotline", "dial", "ring", "reach", "message", "messages",
		"answering", "voicemail", "ph", "mob", "tele", "telefon", "telefono", "tlf", "ext", "extension")
	addCtx(ctxCard, "credit", "card", "cards", "visa", "mastercard", "amex", "discover", "jcb", "diners",
		"maestro", "debit", "cc", "payment", "unionpay", "cvv", "cvc", "expiry", "expiration", "creditcard")
	addCtx(ctxNotCard, "order", "orders", "tracking", "invoice", "isbn", "ref", "reference", "serial",
		"sku", "confirmation", "shipment", "parcel", "ticket", "barcode", "upc", "ean", "imei", "batch", "lot")
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
	addCtx(ctxNINO, "nino", "insurance", "ni")
	addCtx(ctxCrypto, "bitcoin", "btc", "wallet", "crypto", "address")
}

const (
	ctxBefore = 56 // bytes looked at before a candidate
	ctxAfter  = 28 // and after it
)

// contextAround returns the context bits of words within a window around
// [s, e) of t. It reads at most ctxBefore+ctxAfter bytes and allocates
// nothing.
func contextAround(t string, s, e int) uint32 {
	lo := s - ctxBefore
	if lo < 0 {
		lo = 0
	} else {
		for lo < s && isAlnum(t[lo]) { // skip a word cut by the window
			lo++
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
	return wordsIn(t, lo, s) | wordsIn(t, e, hi)
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
		if n := j - i; n <= len(buf) && isLetter(t[i]) {
			for k := 0; k < n; k++ {
				buf[k] = lower(t[i+k])
			}
			mask |= ctxWords[string(buf[:n])]
		}
		i = j
	}
	return mask
}
