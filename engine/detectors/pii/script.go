package pii

import "unicode/utf8"

// scriptWindow is how many bytes around a number are read for the script
// of the text it is written in.
const scriptWindow = 96

// scriptRegions returns the regions (ISO 3166 codes, as libphonenumber
// names them) whose national numbers the text around t[start:end] is
// likely to hold, from the first letters of another script or a
// language's own letters found there: Hangul (KR), kana (JP), Han without
// kana (CN, TW, HK), Cyrillic (RU, UA, BY, KZ), Arabic (SA, AE, EG, MA),
// Hebrew (IL), Devanagari (IN), Thai (TH), Greek (GR), Vietnamese (VN),
// Turkish (TR), Polish (PL), Czech (CZ), and other Latin-script languages
// by their letters (latinClass). It allocates nothing: the lists are
// static.
func scriptRegions(t string, start, end int) []string {
	lo := max(0, start-scriptWindow)
	hi := min(len(t), end+scriptWindow)
	han := false
	latin := 0
	for i := lo; i < hi; {
		c := t[i]
		if c < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		i += size
		switch {
		case r >= 0xAC00 && r <= 0xD7A3, r >= 0x1100 && r <= 0x11FF:
			return regionsKR
		case r >= 0x3040 && r <= 0x30FF:
			return regionsJP
		case r >= 0x4E00 && r <= 0x9FFF:
			han = true
		case r >= 0x0400 && r <= 0x04FF:
			return regionsCyrillic
		case r >= 0x0600 && r <= 0x06FF:
			return regionsArabic
		case r >= 0x0590 && r <= 0x05FF:
			return regionsIL
		case r >= 0x0900 && r <= 0x097F:
			return regionsIN
		case r >= 0x0E00 && r <= 0x0E7F:
			return regionsTH
		case r >= 0x0370 && r <= 0x03FF:
			return regionsGR
		case r == 'ư' || r == 'ơ' || r == 'đ' || r == 'Đ' || r >= 0x1EA0 && r <= 0x1EF9:
			return regionsVN
		case r == 'ş' || r == 'ğ' || r == 'ı' || r == 'Ş' || r == 'Ğ' || r == 'İ':
			return regionsTR
		case r == 'ł' || r == 'ą' || r == 'ę' || r == 'ś' || r == 'ź' || r == 'ż' || r == 'ń' || r == 'Ł':
			return regionsPL
		case r == 'ř' || r == 'ě' || r == 'ů' || r == 'Ř':
			return regionsCZ
		default:
			if l := latinClass(r); l > latin {
				latin = l
			}
		}
	}
	if han {
		return regionsHan
	}
	return latinRegions[latin]
}

// latinClass ranks the letters of Latin-script languages that tell where
// a nationally written number is from, most telling first: Spanish ñ ¿ ¡,
// Portuguese ã õ, German ß, Nordic å ø æ, then ç, ä ö ü, French and
// Italian accents, and Spanish or Portuguese acute accents. 0: none.
func latinClass(r rune) int {
	switch r {
	case 'ñ', 'Ñ', '¿', '¡':
		return 8
	case 'ã', 'õ', 'Ã', 'Õ':
		return 7
	case 'ß':
		return 6
	case 'å', 'Å', 'ø', 'Ø', 'æ', 'Æ':
		return 5
	case 'ç', 'Ç':
		return 4
	case 'ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü':
		return 3
	case 'è', 'ê', 'à', 'â', 'ô', 'î', 'û', 'ù', 'ì', 'ò', 'ë', 'ï':
		return 2
	case 'á', 'í', 'ó', 'ú', 'é', 'Á', 'É', 'Í', 'Ó', 'Ú':
		return 1
	}
	return 0
}

// latinRegions are the regions of each latinClass.
var latinRegions = [...][]string{
	nil,
	{"ES", "PT", "MX", "BR", "AR", "CO", "CL", "PE"},
	{"FR", "IT", "BE", "CH"},
	{"DE", "AT", "CH", "SE", "FI"},
	{"PT", "BR", "FR"},
	{"SE", "NO", "DK", "FI"},
	{"DE", "AT", "CH"},
	{"PT", "BR"},
	{"ES", "MX", "AR", "CO", "CL", "PE"},
}

var (
	regionsKR       = []string{"KR"}
	regionsJP       = []string{"JP"}
	regionsHan      = []string{"CN", "TW", "HK"}
	regionsCyrillic = []string{"RU", "UA", "BY", "KZ"}
	regionsArabic   = []string{"SA", "AE", "EG", "MA"}
	regionsIL       = []string{"IL"}
	regionsIN       = []string{"IN"}
	regionsTH       = []string{"TH"}
	regionsGR       = []string{"GR"}
	regionsVN       = []string{"VN"}
	regionsTR       = []string{"TR"}
	regionsPL       = []string{"PL"}
	regionsCZ       = []string{"CZ"}
)
