package secrets

import "strings"

// PINs and door codes stated after their name (PIN_OR_DOOR_CODE): "PIN:
// 4821", "die PIN für die App ist 14905", "pin do aplikacji 9145", "the
// gate code is 7 1 2 1", "Mã mở cửa cho khách: 795584#".
//
// The names are words of common letters, which keywords only find before
// an operator, so the run trigger calls pinCode at every alphanumeric run
// around a digit. A run of four to eight digits (or one digit, then three
// to seven more one space apart) looks back on its line for a name at most
// pinMaxGap bytes before it, with no digit, no sentence end and no word
// that makes the number something else in between (a card's last digits,
// a count, a model, a date). Most numbers (years, amounts) stop at the
// first check: no "pin", "cod", "kod", "zahl", "mã" or 番号 in the bytes
// before them.

const (
	pinMaxGap    = 40 // bytes between the end of a name and the number (a letter of two bytes counts once: gapLen)
	pinLookBack  = 64 // bytes looked back for a name
	pinMinDigits = 4
	pinMaxDigits = 8
)

// pinNames name a PIN or a door code (lower case; matched as whole words,
// ASCII case folded).
var pinNames = []string{
	"pin", "pincode", "pin-code", "pin code", "pin-nummer", "pin number", "pin码", "pin-kód", "kod pin",
	"geheimzahl", "door code", "door-code", "gate code", "lockbox code", "key box code", "keybox code",
	"keypad code", "alarm code", "garage code", "entry code", "türcode", "tuercode", "torcode",
	"code porte", "code de porte", "code de la porte", "boîte à code", "boite à code",
	"código pin", "codigo pin", "código de acceso", "codigo de acceso", "código de la puerta", "codigo de la puerta",
	"codice pin", "kod do drzwi", "mã mở cửa", "mã pin", "暗証番号",
	// PUK codes; Hungarian "kapu kódja" (the gate's code), "kódja"; an
	// alarm keypad ("tastierino"), alarm codes in other languages
	"puk", "puk-code", "puk code", "kapukód", "kódja", "tastierino", "codice allarme", "código de alarma",
	"code alarme", "alarmcode", "alarm-code", "codice del cancello",
	// key boxes, safes and bank security codes
	"schlüsselbox", "schluesselbox", "keybox", "key box", "combination", "kombination", "säkerhetskod",
	"sicherheitscode", "digicode", "도어락", "비밀번호", "暗証", "密码", "パスワード",
	// a password of digits only is a PIN: "supervisor password 470456"
	"password", "passwort", "kennwort", "wachtwoord", "hasło", "mot de passe", "contraseña", "clave",
	"senha", "parola", "heslo", "jelszó",
	// Turkish (a bank's "internet şifresi"), Arabic "secret code", "secret number"
	"şifre", "şifresi", "sifre", "sifresi", "الرمز السري", "الرقم السري",
	// "PIN" in Hindi and Bengali
	"पिन", "पिन कोड", "পিন",
	// override and manager codes (a till's, a cabinet's), Arabic and
	// Hebrew; Thai codes and passwords, written without spaces
	"override code", "manager code", "supervisor code", "رمز التجاوز", "رمز المدير", "קוד מנהל", "קוד עקיפה",
	"รหัสผ่าน", "รหัสเข้า", "รหัส pin", "รหัสปลดล็อก",
	// door, gate and alarm codes written as one word (Swedish, Danish,
	// Norwegian, Finnish), Finnish PIN, Polish intercom, a lock's combo
	"portkod", "portkoden", "dörrkod", "dörrkoden", "grindkod", "grindkoden", "larmkod", "larmkoden",
	"dørkode", "dørkoden", "portkode", "portkoden", "alarmkode", "alarmkoden", "ovikoodi", "porttikoodi",
	"hälytyskoodi", "pin-koodi", "pin-koodin", "kod do domofonu", "kod domofonu", "lockbox combo", "lock combo", "padlock combo", "safe combo",
	// definite and compound forms in Swedish, Danish and Norwegian
	// ("säkerhetskoden till BankID är", "pinkoden")
	"säkerhetskoden", "pinkod", "pinkoden", "pin-kod", "pin-koden", "pinkode", "pin-kode",
	"sikkerhedskode", "sikkerhedskoden", "sikkerhetskode", "sikkerhetskoden",
}

// pinByLastWord indexes the names written with spaces between words by
// their last word ("door code" under "code"); pinLastShape holds, for the
// first byte of each last word, a bit for its length in bytes, and
// pinLastEnd the same for its last byte (lower case); pinWide holds the
// names in CJK and Hangul, which particles follow without a space
// ("비밀번호는").
var pinByLastWord, pinLastShape, pinLastEnd, pinWide = func() (map[string][]string, [256]uint32, [256]uint32, []string) {
	m := map[string][]string{}
	var shape, end [256]uint32
	var wide []string
	for _, n := range append(append([]string{}, pinNames...), otpNames...) {
		if strings.IndexFunc(n, func(r rune) bool { return r >= 0x3000 || r >= 0x0e00 && r <= 0x0e7f }) >= 0 { // CJK, Hangul, Thai
			wide = append(wide, n)
			continue
		}
		last := n[strings.LastIndexByte(n, ' ')+1:]
		m[last] = append(m[last], n)
		shape[last[0]] |= 1 << len(last)
		end[lowerASCII(last[len(last)-1])] |= 1 << len(last)
	}
	return m, shape, end, wide
}()

// pinNameEnd returns the end (an offset in text) of the last PIN name
// that ends at most pinMaxGap bytes before the number at rs, looking no
// further back than ls; -1 when there is none. Words are looked up by
// their last word, lower-cased into a small buffer, so a number costs a
// byte test per word before it and a map lookup for the few that could
// end a name, not a search per name.
func pinNameEnd(text string, ls, rs, slack int) (int, string) {
	var buf [31]byte
	for we := rs; we > ls && rs-we <= pinMaxGap+slack; {
		for we > ls && !pinWordByte(text[we-1]) {
			we--
		}
		ws := we
		for ws > ls && pinWordByte(text[ws-1]) {
			ws--
		}
		if ws == we || rs-we > pinMaxGap+slack {
			break
		}
		ws = afterOpeningQuote(text, ws, we) // „Codul …
		if n := we - ws; n >= 3 && n <= len(buf) && pinLastShape[lowerASCII(text[ws])]&pinLastEnd[lowerASCII(text[we-1])]&(1<<n) != 0 {
			if e, name := pinNameAtWord(text, ls, ws, we, &buf); e >= 0 {
				return e, name
			}
		}
		// the word without a case ending after a hyphen (Polish "PIN-em",
		// "PIN-u")
		if we-ws >= 5 && (text[we-2] == '-' || text[we-3] == '-' || text[we-4] == '-') {
			if e, name := pinNameAtWord(text, ls, ws, inflectedNameEnd(text, ws, we), &buf); e >= 0 {
				return e, name
			}
		}
		we = ws
	}
	ne, nn := -1, ""
	for i := ls; i < rs; i++ {
		if text[i] >= 0xe0 { // a lead byte of CJK or Hangul: the names written without spaces
			for _, name := range pinWide {
				if k := strings.LastIndex(text[i:rs], name); k >= 0 && i+k+len(name) > ne {
					ne, nn = i+k+len(name), name
				}
			}
			// "ICカードのPINは1234です": PIN in Latin letters inside a
			// word of CJK or Hangul
			if e, name := asciiPinInWide(text, ls, rs); e > ne {
				ne, nn = e, name
			}
			break
		}
	}
	return ne, nn
}

// pinNameAtWord returns the end of the PIN name that ends the word
// text[ws:e] (e < 0: none), looked up by its last word, or -1.
func pinNameAtWord(text string, ls, ws, e int, buf *[31]byte) (int, string) {
	if n := e - ws; e >= 0 && n >= 3 && n <= len(buf) && pinLastShape[lowerASCII(text[ws])]&(1<<n) != 0 {
		for i := ws; i < e; i++ {
			buf[i-ws] = lowerASCII(text[i])
		}
		for _, name := range pinByLastWord[string(buf[:n])] {
			s := e - len(name)
			if s < ls || !equalFold(text[s:e], name) {
				continue
			}
			if s > 0 && (isAlnum(text[s-1]) || text[s-1] >= 0x80 && latinLetterBefore(text, s) > 0) {
				continue
			}
			return e, name
		}
	}
	return -1, ""
}

// pinWordByte reports the bytes of a word in pinNameEnd: ASCII letters,
// '-', and the bytes of non-ASCII letters (ASCII punctuation and spaces end
// a word).
func pinWordByte(c byte) bool {
	return c >= 0x80 || c|0x20 >= 'a' && c|0x20 <= 'z' || c == '-'
}

// pinGapWords make the number after a PIN's name something else.
var pinGapWords = []string{
	"ending", "ends", "last", "digit", "digits", "attempt", "attempts", "tries", "times", "length", "long",
	"model", "pad", "terminal", "reader", "request", "ticket", "order", "ref", "id", "no",
	"year", "years", "since", "until", "from", "before", "after", "expire", "expires", "valid", "version",
	"gpio", "header", "port", "board", "reset", "change", "changed", "minute", "minutes", "second", "seconds",
	"hour", "hours", "days", "page", "step", "line", "error", "status", "letzten", "endet", "derniers",
	"últimos", "ultimos", "ultimi", "mit", "with", "policy", "rules", "characters", "chars", "expires", "expired",
}

// pinCode is the run hook of PIN_OR_DOOR_CODE for the run text[rs:re].
func (d *Detector) pinCode(st *scanState, text string, rs, re int) {
	if d.ix.pin < 0 || rs == 0 {
		return
	}
	ve, split := pinDigitsEnd(text, rs, re), false
	if ve < 0 {
		// "985 981": a one-time code read out in two groups of three
		if re-rs != 3 || re+4 > len(text) || text[re] != ' ' || !allDigits(text[rs:re]) || !allDigits(text[re+1:re+4]) ||
			re+5 < len(text) && (text[re+4] == ' ' || text[re+4] == '.' || text[re+4] == ',') && isDigit(text[re+5]) ||
			re+4 < len(text) && isAlnum(text[re+4]) {
			return
		}
		ve, split = re+4, true
	}
	if !split && d.ix.otp >= 0 && (text[rs-1] == ' ' || text[rs-1] == '"' || text[rs-1] == '\n' || text[rs-1] >= 0x80 || googleCodePrefix(text, rs)) && codeFirstOTP(text, ve) {
		// "G-645813 is your Google verification code": the code first
		if v := text[rs:ve]; !obviousFake(v) && !sequential(v) && !repeatedRun(v) && liveCode(text, rs, ve) {
			st.add(d.ix.otp, rs, ve)
		}
		return
	}
	switch c := text[rs-1]; {
	case c == ' ' || c == '\t' || c == ':' || c == '"' || c == '\'' || c == '(' || c >= 0x80:
	default:
		return // a part of something longer: -4821, #4821, x4821
	}
	if cjkCounterAt(text, ve) {
		return // 2026年, 2026년, 1500円: a year, a date, an amount, a count
	}
	slack := twoByteLetters(text, max(0, rs-pinLookBack), rs)
	ls := max(0, rs-pinLookBack-slack)
	if i := strings.LastIndexByte(text[ls:rs], '\n'); i >= 0 {
		ls += i + 1
	}
	ne, name := pinNameEnd(text, ls, rs, slack)
	access := false
	if ne >= 0 && inWords(name, bareCodeNames) && !otpContext(text, ls, ne-len(name), ve) {
		// a bare "code" with no wording about a login: what it opens may
		// name it ("the code to the gate is", "código de la alarma es",
		// "override code"), or a PIN's name before it may still name the
		// number ("Schlüsselbox …, Code 3284")
		if accessCode(text, ls, ne-len(name), ne, rs) || accessVerbBefore(text, ls, ne-len(name)) {
			access = true
		} else if ne, name = pinNameEnd(text, ls, ne-len(name), slack); otpNameSet[name] {
			return
		}
	}
	if ne >= 0 && (name == "pin" || name == "puk") && ne+1 < rs && (text[ne] == '1' || text[ne] == '2') && !isAlnum(text[ne+1]) {
		ne++ // an ID card's PIN1 and PIN2, a SIM's PUK2
	}
	if ne < 0 || rs-ne > pinMaxGap+slack || !pinGap(withoutQualifier(skipCodeNumber(text[ne:rs]))) {
		return
	}
	v := text[rs:ve]
	digits := strings.ReplaceAll(v, " ", "")
	if obviousFake(digits) || sequential(digits) || repeatedRun(digits) {
		return
	}
	if otpNameSet[name] && !access {
		if d.ix.otp >= 0 && liveCode(text, ls, ve) {
			st.add(d.ix.otp, rs, ve)
		}
		return
	}
	if split {
		return // "123 456" is a one-time code's shape, not a PIN's
	}
	st.add(d.ix.pin, rs, ve)
}

// withoutQualifier drops a bracketed qualifier that ends the gap between
// a name and its number, before the separator: "şifresi (6 haneli): ",
// "暗証番号（数字4桁）：", "PIN (app): ".
func withoutQualifier(g string) string {
	e := len(g)
	for e > 0 && (g[e-1] == ' ' || g[e-1] == ':' || g[e-1] == '\t') {
		e--
	}
	if e >= 3 && g[e-3:e] == "：" {
		e -= 3
	}
	var open int
	switch {
	case e >= 1 && g[e-1] == ')':
		open = strings.LastIndexByte(g[:e], '(')
	case e >= 3 && g[e-3:e] == "）":
		open = strings.LastIndex(g[:e], "（")
	default:
		return g
	}
	if open < 0 || e-open > 32 || indexByte(g[e:], ':') < 0 && index(g[e:], "：") < 0 {
		return g // long, or no separator after it: "PIN (last 4 digits) 3435"
	}
	for _, w := range [...]string{"last", "ending", "ends", "letzten", "derniers", "últimos", "ultimos", "ultimi", "son"} {
		if containsFold(g[open:e], w) {
			return g
		}
	}
	return g[:open]
}

// pinDigitsEnd returns the end of a PIN starting at the run text[rs:re]:
// the run itself when it is four to eight digits, or a single digit and
// three to seven more one space apart ("7 1 2 1"); -1 otherwise, and when
// the number goes on as a date, an amount, a time or a longer token.
func pinDigitsEnd(text string, rs, re int) int {
	ve := re
	switch n := re - rs; {
	case n == 1 && isDigit(text[rs]):
		k := 1
		for ve+1 < len(text) && text[ve] == ' ' && isDigit(text[ve+1]) && (ve+2 == len(text) || !isAlnum(text[ve+2])) {
			ve += 2
			k++
		}
		if k < pinMinDigits || k > pinMaxDigits {
			return -1
		}
	case n >= pinMinDigits && n <= pinMaxDigits:
		for i := rs; i < re; i++ {
			if !isDigit(text[i]) {
				return -1
			}
		}
	default:
		return -1
	}
	if ve < len(text) {
		switch c := text[ve]; c {
		case '-', '/', '.', ',', ':', '+', '_', '@', '%':
			if ve+1 < len(text) && isAlnum(text[ve+1]) {
				return -1 // 2024-05-01, 1.500, 12:30, 4821@host
			}
		case '$':
			return -1
		}
	}
	return ve
}

// pinCountWords follow a count of digits in a PIN's description.
var pinCountWords = []string{"digit", "digits", "dígitos", "digitos", "cifre", "cifras", "chiffres", "stellen", "stellig", "stellige", "haneli", "hane", "cyfr", "cyfry", "số", "桁"}

// digitCount returns the end of a count of digits ("6 dígitos", "4-digit",
// "4桁") starting at g[i], or i.
func digitCount(g string, i int) int {
	j := i
	for j < len(g) && j-i < 2 && isDigit(g[j]) {
		j++
	}
	if j < len(g) && (g[j] == ' ' || g[j] == '-') {
		j++
	}
	k := j
	for k < len(g) && (isLetter(g[k]) || g[k] >= 0x80 && g[k] != 0xe3 && g[k] != 0xef) {
		k++
	}
	if k == j && len(g)-j >= 3 && g[j:j+3] == "桁" {
		k = j + 3
	}
	if k > j && inWords(g[j:k], pinCountWords) {
		// not "the last 4 digits": the word before the count
		if p := prevWordIn(g, i); p != "" && inWords(p, pinGapWords) && !inWords(p, pinCountWords) {
			return i
		}
		return k
	}
	return i
}

// prevWordIn returns the word before g[i].
func prevWordIn(g string, i int) string {
	j := i
	for j > 0 && (g[j-1] == ' ' || g[j-1] == '(') {
		j--
	}
	s := j
	for s > 0 && isLetter(g[s-1]) {
		s--
	}
	return g[s:j]
}

// pinGap reports the bytes between a PIN's name and its number as a plain
// link ("für die App ist", "do aplikacji", ": "), with no digit, no
// sentence end and no word of pinGapWords.
func pinGap(g string) bool {
	for i := 0; i < len(g); {
		c := g[i]
		if isDigit(c) && (i == 0 || !isAlnum(g[i-1])) {
			if j := digitCount(g, i); j > i {
				i = j // "senha de 6 dígitos é", "6-digit PIN", "PIN (4 Stellen)"
				continue
			}
		}
		if isDigit(c) || c == '.' || c == '!' || c == '?' || c == ';' {
			return false
		}
		if !isLetter(c) {
			i++
			continue
		}
		j := i
		for j < len(g) && (isLetter(g[j]) || g[j] >= 0x80) {
			j++
		}
		for _, w := range pinGapWords {
			if equalFold(g[i:j], w) {
				return false
			}
		}
		i = j
	}
	return true
}
