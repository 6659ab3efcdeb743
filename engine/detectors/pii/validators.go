package pii

import "crypto/sha256"

// This file holds the checksum and structure validators. Each works on a
// byte slice or string it is handed and allocates nothing (base58check
// hashes on the stack).

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isLetter(c byte) bool {
	c |= 0x20
	return c >= 'a' && c <= 'z'
}
func isAlnum(c byte) bool { return isDigit(c) || isLetter(c) }
func isHex(c byte) bool {
	if isDigit(c) {
		return true
	}
	c |= 0x20
	return c >= 'a' && c <= 'f'
}
func lower(c byte) byte {
	if isUpper(c) {
		return c + 32
	}
	return c
}

// luhn reports whether the ASCII digit string d passes the Luhn (mod 10)
// check. Non-digits make it fail.
func luhn[T ~string | ~[]byte](d T) bool {
	if len(d) < 2 {
		return false
	}
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		c := d[i]
		if !isDigit(c) {
			return false
		}
		v := int(c - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}

func prefixNum[T ~string | ~[]byte](d T, n int) int {
	v := 0
	for i := 0; i < n && i < len(d); i++ {
		v = v*10 + int(d[i]-'0')
	}
	return v
}

// cardIssuerOK reports whether the digits start with an issuer
// identification number (IIN) range of a major card network and have a
// length that network issues. Ranges from ISO/IEC 7812 issuer tables as
// published by the networks (summarised on Wikipedia's "Payment card
// number" page).
func cardIssuerOK[T ~string | ~[]byte](d T) bool {
	n := len(d)
	if n < 12 || n > 19 {
		return false
	}
	p1, p2, p3, p4, p6 := prefixNum(d, 1), prefixNum(d, 2), prefixNum(d, 3), prefixNum(d, 4), prefixNum(d, 6)
	switch {
	case p1 == 4: // Visa
		return n == 13 || n == 16 || n == 19
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720: // Mastercard
		return n == 16
	case p2 == 34 || p2 == 37: // American Express
		return n == 15
	case p4 >= 2200 && p4 <= 2204: // Mir
		return n >= 16 && n <= 19
	case p3 >= 300 && p3 <= 305, p2 == 36, p2 == 38, p2 == 39, p4 == 3095: // Diners Club
		return n >= 14 && n <= 19
	case p4 >= 3528 && p4 <= 3589: // JCB
		return n >= 16 && n <= 19
	case p4 == 1800 || p4 == 2131: // JCB (legacy 15-digit)
		return n == 15
	case p1 == 1: // UATP
		return n == 15
	case p4 == 6011, p3 >= 644 && p3 <= 649, p2 == 65, p6 >= 622126 && p6 <= 622925: // Discover
		return n >= 16 && n <= 19
	case p2 == 62, p2 == 81: // UnionPay
		return n >= 16 && n <= 19
	case p4 == 5018, p4 == 5020, p4 == 5038, p4 == 5893, p4 == 6304, p4 == 6759, p4 == 6761, p4 == 6762, p4 == 6763,
		p2 >= 56 && p2 <= 58, p2 == 50, p2 == 67, p2 == 63: // Maestro and other debit
		return n >= 12 && n <= 19
	case p4 == 6521 || p4 == 6522 || p2 == 60: // RuPay
		return n == 16
	}
	return false
}

// ibanLengths is the IBAN length per country code, from the SWIFT IBAN
// Registry (ISO 13616) as listed on Wikipedia's "International Bank
// Account Number" page.
var ibanLengths = map[[2]byte]uint8{
	{'A', 'D'}: 24, {'A', 'E'}: 23, {'A', 'L'}: 28, {'A', 'T'}: 20, {'A', 'Z'}: 28,
	{'B', 'A'}: 20, {'B', 'E'}: 16, {'B', 'G'}: 22, {'B', 'H'}: 22, {'B', 'I'}: 27,
	{'B', 'R'}: 29, {'B', 'Y'}: 28, {'C', 'H'}: 21, {'C', 'R'}: 22, {'C', 'Y'}: 28,
	{'C', 'Z'}: 24, {'D', 'E'}: 22, {'D', 'J'}: 27, {'D', 'K'}: 18, {'D', 'O'}: 28,
	{'E', 'E'}: 20, {'E', 'G'}: 29, {'E', 'S'}: 24, {'F', 'I'}: 18, {'F', 'K'}: 18,
	{'F', 'O'}: 18, {'F', 'R'}: 27, {'G', 'B'}: 22, {'G', 'E'}: 22, {'G', 'I'}: 23,
	{'G', 'L'}: 18, {'G', 'R'}: 27, {'G', 'T'}: 28, {'H', 'N'}: 28, {'H', 'R'}: 21,
	{'H', 'U'}: 28, {'I', 'E'}: 22, {'I', 'L'}: 23, {'I', 'Q'}: 23, {'I', 'S'}: 26,
	{'I', 'T'}: 27, {'J', 'O'}: 30, {'K', 'W'}: 30, {'K', 'Z'}: 20, {'L', 'B'}: 28,
	{'L', 'C'}: 32, {'L', 'I'}: 21, {'L', 'T'}: 20, {'L', 'U'}: 20, {'L', 'V'}: 21,
	{'L', 'Y'}: 25, {'M', 'C'}: 27, {'M', 'D'}: 24, {'M', 'E'}: 22, {'M', 'K'}: 19,
	{'M', 'N'}: 20, {'M', 'R'}: 27, {'M', 'T'}: 31, {'M', 'U'}: 30, {'N', 'I'}: 28,
	{'N', 'L'}: 18, {'N', 'O'}: 15, {'O', 'M'}: 23, {'P', 'K'}: 24, {'P', 'L'}: 28,
	{'P', 'S'}: 29, {'P', 'T'}: 25, {'Q', 'A'}: 29, {'R', 'O'}: 24, {'R', 'S'}: 22,
	{'R', 'U'}: 33, {'S', 'A'}: 24, {'S', 'C'}: 31, {'S', 'D'}: 18, {'S', 'E'}: 24,
	{'S', 'I'}: 19, {'S', 'K'}: 24, {'S', 'M'}: 27, {'S', 'O'}: 23, {'S', 'T'}: 25,
	{'S', 'V'}: 28, {'T', 'L'}: 23, {'T', 'N'}: 24, {'T', 'R'}: 26, {'U', 'A'}: 29,
	{'V', 'A'}: 22, {'V', 'G'}: 24, {'X', 'K'}: 20, {'Y', 'E'}: 30,
}

// validIBAN checks a compact IBAN (no spaces; letters in either case):
// known country, the registry length for it, two check digits, an
// alphanumeric BBAN and ISO 7064 MOD 97-10.
func validIBAN[T ~string | ~[]byte](b T) bool {
	if len(b) < 15 || len(b) > 34 {
		return false
	}
	cc := [2]byte{b[0] &^ 0x20, b[1] &^ 0x20}
	want, ok := ibanLengths[cc]
	if !ok || int(want) != len(b) || !isDigit(b[2]) || !isDigit(b[3]) {
		return false
	}
	// Rearranged: BBAN, country, check digits. Letters count as 10..35.
	rem := 0
	add := func(c byte) bool {
		switch {
		case isDigit(c):
			rem = (rem*10 + int(c-'0')) % 97
		case isLetter(c):
			rem = (rem*100 + int(lower(c)-'a'+10)) % 97
		default:
			return false
		}
		return true
	}
	for i := 4; i < len(b); i++ {
		if !add(b[i]) {
			return false
		}
	}
	for i := 0; i < 4; i++ {
		if !add(b[i]) {
			return false
		}
	}
	return rem == 1
}

// validNHS checks a 10-digit NHS number: weights 10..2 on the first nine
// digits, check digit = 11 - (sum mod 11), 11 -> 0, 10 is invalid.
func validNHS[T ~string | ~[]byte](d T) bool {
	if len(d) != 10 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		if !isDigit(d[i]) {
			return false
		}
		sum += int(d[i]-'0') * (10 - i)
	}
	if !isDigit(d[9]) {
		return false
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	if check == 10 {
		return false
	}
	// All-same-digit numbers pass the checksum but are not issued.
	same := true
	for i := 1; i < 10; i++ {
		if d[i] != d[0] {
			same = false
			break
		}
	}
	return !same && check == int(d[9]-'0')
}

// validSSN applies the Social Security Administration's never-issued
// rules to nine digits: area 000, 666 and 900-999; group 00; serial
// 0000; and numbers publicised as examples or advertising.
func validSSN[T ~string | ~[]byte](d T) bool {
	if len(d) != 9 {
		return false
	}
	for i := 0; i < len(d); i++ {
		if !isDigit(d[i]) {
			return false
		}
	}
	area := prefixNum(d, 3)
	group := prefixNum(d[3:5], 2)
	serial := prefixNum(d[5:9], 4)
	if area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0 {
		return false
	}
	switch string(d) { // the conversion does not allocate in a switch
	case "078051120", "219099999", "123456789", "111111111", "222222222", "333333333",
		"444444444", "555555555", "777777777", "888888888", "987654321":
		return false
	}
	return true
}

// validNINOPrefix checks the two-letter prefix of a UK National
// Insurance number (HMRC NIM39110): first letter not D, F, I, Q, U, V;
// second letter not D, F, I, O, Q, U, V; and not BG, GB, KN, NK, NT, TN,
// ZZ.
func validNINOPrefix(a, b byte) bool {
	a, b = a&^0x20, b&^0x20
	if !isUpper(a) || !isUpper(b) {
		return false
	}
	switch a {
	case 'D', 'F', 'I', 'Q', 'U', 'V':
		return false
	}
	switch b {
	case 'D', 'F', 'I', 'O', 'Q', 'U', 'V':
		return false
	}
	switch string([]byte{a, b}) {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

var base58Index = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(base58Alphabet); i++ {
		t[base58Alphabet[i]] = int8(i)
	}
	return
}()

// validBase58Check decodes a Bitcoin Base58Check address and verifies its
// double-SHA-256 checksum and its version byte (0x00 P2PKH, 0x05 P2SH).
// The payload of a Bitcoin address is exactly 25 bytes.
func validBase58Check[T ~string | ~[]byte](s T) bool {
	if len(s) < 26 || len(s) > 35 {
		return false
	}
	var out [25]byte
	for i := 0; i < len(s); i++ {
		v := base58Index[s[i]]
		if v < 0 {
			return false
		}
		carry := int(v)
		for j := len(out) - 1; j >= 0; j-- {
			carry += int(out[j]) * 58
			out[j] = byte(carry)
			carry >>= 8
		}
		if carry != 0 {
			return false // more than 25 bytes
		}
	}
	// Leading '1's encode leading zero bytes; a canonical encoding has
	// exactly one '1' per leading zero byte.
	ones := 0
	for ones < len(s) && s[ones] == '1' {
		ones++
	}
	zeros := 0
	for zeros < len(out) && out[zeros] == 0 {
		zeros++
	}
	if ones != zeros {
		return false
	}
	if out[0] != 0x00 && out[0] != 0x05 {
		return false
	}
	h1 := sha256.Sum256(out[:21])
	h2 := sha256.Sum256(h1[:])
	return h2[0] == out[21] && h2[1] == out[22] && h2[2] == out[23] && h2[3] == out[24]
}

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

var bech32Index = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(bech32Charset); i++ {
		c := bech32Charset[i]
		t[c] = int8(i)
		if isLower(c) {
			t[c-32] = int8(i)
		}
	}
	return
}()

func bech32Polymod(v uint32, gen *[5]uint32, b byte) uint32 {
	top := v >> 25
	v = (v&0x1ffffff)<<5 ^ uint32(b)
	for i := 0; i < 5; i++ {
		if (top>>i)&1 == 1 {
			v ^= gen[i]
		}
	}
	return v
}

// validBech32Address checks a segwit address with human-readable part
// "bc" (BIP 173 / BIP 350): single case, charset, checksum constant 1
// (bech32) for witness version 0 and 0x2bc830a3 (bech32m) for versions
// 1-16, program length 2-40 bytes (20 or 32 for version 0).
func validBech32Address[T ~string | ~[]byte](s T) bool {
	if len(s) < 14 || len(s) > 90 {
		return false
	}
	hasLower, hasUpper := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 33 || c > 126 {
			return false
		}
		if isLower(c) {
			hasLower = true
		} else if isUpper(c) {
			hasUpper = true
		}
	}
	if hasLower && hasUpper {
		return false
	}
	if lower(s[0]) != 'b' || lower(s[1]) != 'c' || s[2] != '1' {
		return false
	}
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	// hrp expansion of "bc": high bits, 0, low bits.
	chk = bech32Polymod(chk, &gen, 'b'>>5)
	chk = bech32Polymod(chk, &gen, 'c'>>5)
	chk = bech32Polymod(chk, &gen, 0)
	chk = bech32Polymod(chk, &gen, 'b'&31)
	chk = bech32Polymod(chk, &gen, 'c'&31)
	data := s[3:]
	if len(data) < 7 { // witness version + 6 checksum chars
		return false
	}
	for i := 0; i < len(data); i++ {
		v := bech32Index[data[i]]
		if v < 0 {
			return false
		}
		chk = bech32Polymod(chk, &gen, byte(v))
	}
	ver := bech32Index[data[0]]
	if ver > 16 {
		return false
	}
	want := uint32(1)
	if ver > 0 {
		want = 0x2bc830a3
	}
	if chk != want {
		return false
	}
	// Program: 5-bit groups after the version, before the checksum,
	// regrouped into bytes with no leftover of 5 bits or more and no
	// non-zero padding.
	nbits := (len(data) - 1 - 6) * 5
	plen := nbits / 8
	if nbits%8 >= 5 {
		return false
	}
	if last := bech32Index[data[len(data)-7]]; nbits%8 > 0 && int(last)&(1<<(nbits%8)-1) != 0 {
		return false
	}
	if plen < 2 || plen > 40 {
		return false
	}
	if ver == 0 && plen != 20 && plen != 32 {
		return false
	}
	return true
}

// oneDigitRepeated reports digits that are all the same (0000 0000 0000
// 0000): a stand-in, whatever checksum it passes.
func oneDigitRepeated(d []byte) bool {
	for i := 1; i < len(d); i++ {
		if d[i] != d[0] {
			return false
		}
	}
	return len(d) > 0
}

// exampleMACs are the MAC addresses that documentation and forms print as
// stand-ins (hex digits only, lower case).
var exampleMACs = map[string]bool{
	"aabbccddeeff": true, "001122334455": true, "112233445566": true, "000000000000": true,
}

// reportMAC reports the MAC address t[st:e] unless it is a stand-in.
func (s *scanner) reportMAC(st, e int) {
	if !exampleMAC(s.t[st:e]) {
		s.report(tMAC, st, e, 0.7)
	}
}

// exampleMAC reports a MAC address (any notation) that is a stand-in.
func exampleMAC(m string) bool {
	var b [12]byte
	n := 0
	for i := 0; i < len(m); i++ {
		c := m[i]
		if c == ':' || c == '-' || c == '.' {
			continue
		}
		if n == len(b) {
			return false
		}
		if 'A' <= c && c <= 'F' {
			c += 'a' - 'A'
		}
		b[n] = c
		n++
	}
	return n == 12 && exampleMACs[string(b[:])]
}
