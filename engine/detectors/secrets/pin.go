package secrets

import (
	"bytes"
	"strings"
)

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
	pinMaxGap    = 40 // bytes between the end of a name and the number
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
}

// pinNameBytes and pinHintBytes are pinNames and pinHints as bytes.
var pinNameBytes, pinHintBytes = toBytes(pinNames), toBytes(pinHints)

func toBytes(list []string) [][]byte {
	out := make([][]byte, len(list))
	for i, s := range list {
		out[i] = []byte(s)
	}
	return out
}

// pinHints are parts of every name: one of them must be in the bytes
// before a number before the names are tried.
var pinHints = []string{"pin", "cod", "kod", "kód", "zahl", "mã", "番号", "puk", "tastier", "alarm",
	"box", "combin", "digicode", "도어락", "비밀번호", "暗証", "密码", "パスワード", "pass", "wort", "woord", "hasło", "clave", "contraseña", "senha", "parola", "heslo", "jelszó"}

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
	ve := pinDigitsEnd(text, rs, re)
	if ve < 0 {
		return
	}
	switch c := text[rs-1]; {
	case c == ' ' || c == '\t' || c == ':' || c == '"' || c == '\'' || c == '(' || c >= 0x80:
	default:
		return // a part of something longer: -4821, #4821, x4821
	}
	ls := max(0, rs-pinLookBack)
	if i := strings.LastIndexByte(text[ls:rs], '\n'); i >= 0 {
		ls += i + 1
	}
	var buf [pinLookBack]byte
	w := buf[:rs-ls]
	for i := range w {
		w[i] = lowerASCII(text[ls+i])
	}
	hint := false
	for _, h := range pinHintBytes {
		if bytes.Contains(w, h) {
			hint = true
			break
		}
	}
	if !hint {
		return
	}
	ne := -1 // the end of the last name in w
	for _, n := range pinNameBytes {
		i := bytes.LastIndex(w, n)
		if i < 0 || i+len(n) <= ne {
			continue
		}
		if i > 0 && (isAlnum(w[i-1]) || w[i-1] >= 0x80 && latinLetterBefore(text, ls+i) > 0) {
			continue
		}
		if e := i + len(n); e < len(w) && (isAlnum(w[e]) || w[e] >= 0x80 && latinLetterAt(text, ls+e) > 0) {
			continue
		}
		ne = i + len(n)
	}
	if ne < 0 || len(w)-ne > pinMaxGap || !pinGap(w[ne:]) {
		return
	}
	v := text[rs:ve]
	digits := strings.ReplaceAll(v, " ", "")
	if obviousFake(digits) || sequential(digits) || repeatedRun(digits) {
		return
	}
	st.add(d.ix.pin, rs, ve)
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

// pinGap reports the bytes between a PIN's name and its number as a plain
// link ("für die App ist", "do aplikacji", ": "), with no digit, no
// sentence end and no word of pinGapWords.
func pinGap(g []byte) bool {
	for i := 0; i < len(g); {
		c := g[i]
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
			if string(g[i:j]) == w {
				return false
			}
		}
		i = j
	}
	return true
}
