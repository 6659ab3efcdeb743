package secrets

// Private keys: PEM blocks of every kind (RSA, EC, DSA, OPENSSH, ENCRYPTED,
// PKCS#8, PGP PRIVATE KEY BLOCK), with real or JSON-escaped (\n) line
// breaks, base64-encoded PEM, and PuTTY key files. The whole block is the
// span: a truncated block (no END line) still reports its body.

const maxPEM = 64 << 10

func scanPEM(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	// The hit is "private key-----" or "private key block-----" inside
	// "-----BEGIN ... PRIVATE KEY-----": ke is taken back to the end of
	// "private key". OPENVPN_STATIC_KEY's hit is "openvpn static key
	// v1-----" in "-----BEGIN OpenVPN Static key V1-----" (OpenVPN's
	// --genkey secret format: 2048 bits as 16 lines of 32 hex digits,
	// https://openvpn.net/community-resources/reference-manual-for-openvpn-2-6/):
	// a shared secret like a private key, with a hex body.
	label := len("private key")
	if text[ks] == 'o' || text[ks] == 'O' {
		label = len("openvpn static key v1")
	}
	ke = ks + label
	lo := ks - 80
	if lo < 0 {
		lo = 0
	}
	bs := lastIndex(text[lo:ks], "-----BEGIN")
	if bs < 0 {
		return
	}
	bs += lo
	for j := bs; j < ks; j++ {
		if text[j] == '\n' {
			return
		}
	}
	he := ke
	if hasPrefixFold(text[he:], " block") {
		he += 6
	}
	if !hasPrefixFold(text[he:], "-----") {
		return
	}
	he += 5
	limit := he + maxPEM
	if limit > len(text) {
		limit = len(text)
	}
	end := -1
	if e := index(text[he:limit], "-----END"); e >= 0 {
		be := he + e
		if c := index(text[be+8:min(be+100, len(text))], "-----"); c >= 0 {
			end = be + 8 + c + 5
		}
		if !enoughBase64(text[he:be]) {
			return
		}
	} else {
		// Truncated: the body runs while bytes are base64, whitespace,
		// escaped newlines or RFC 1421 header lines.
		j := he
		for j < limit {
			c := text[j]
			if isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '\n' || c == '\r' || c == ' ' || c == '\\' || c == ':' || c == ',' || c == '-' {
				j++
				continue
			}
			break
		}
		if !enoughBase64(text[he:j]) {
			return
		}
		end = j
		for end > he && (text[end-1] == '\n' || text[end-1] == '\r' || text[end-1] == ' ' || text[end-1] == '\\') {
			end--
		}
	}
	if end > bs {
		st.add(ri, bs, end)
	}
}

// enoughBase64 reports a body with at least 64 base64 bytes that is not a
// run of one filler byte.
func enoughBase64(body string) bool {
	n := 0
	var first byte
	same := true
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\\' && i+1 < len(body) && (body[i+1] == 'n' || body[i+1] == 'r') {
			i++
			continue
		}
		if isAlnum(c) || c == '+' || c == '/' {
			if n == 0 {
				first = c
			} else if c != first {
				same = false
			}
			n++
		}
	}
	return n >= 64 && !same
}

// scanBase64PEM finds base64 text that decodes to a PEM private key
// ("LS0tLS1CRUdJTi" is base64 for "-----BEGIN").
func scanBase64PEM(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	if text[ks:ke] != "LS0tLS1CRUdJTi" {
		return
	}
	if ks > 0 && (isAlnum(text[ks-1]) || text[ks-1] == '+' || text[ks-1] == '/') {
		return
	}
	j := ks
	for j < len(text) && j-ks < maxPEM {
		c := text[j]
		if isAlnum(c) || c == '+' || c == '/' || c == '=' {
			j++
			continue
		}
		if (c == '\n' || c == '\r') && j+1 < len(text) && isAlnum(text[j+1]) {
			j++
			continue
		}
		break
	}
	if j-ks < 200 {
		return
	}
	var buf [96]byte
	n := decodeBase64Prefix(text[ks:min(j, ks+128)], buf[:])
	if !containsFold(string(buf[:n]), "private key") {
		return
	}
	st.add(ri, ks, j)
}

// scanPuTTY finds PuTTY private key files (PPK v2/v3).
func scanPuTTY(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	if ks > 0 && text[ks-1] != '\n' && text[ks-1] != ' ' && text[ks-1] != '"' && text[ks-1] != '\'' && text[ks-1] != '>' {
		return
	}
	limit := min(len(text), ks+maxPEM)
	pl := indexFold(text[ke:limit], "private-lines:")
	if pl < 0 {
		return
	}
	pl += ke
	end := pl
	if m := indexFold(text[pl:limit], "private-mac:"); m >= 0 {
		end = pl + m
	} else if m := indexFold(text[pl:limit], "private-hash:"); m >= 0 {
		end = pl + m
	}
	for end < len(text) && text[end] != '\n' && text[end] != '\r' {
		end++
	}
	if !enoughBase64(text[pl:end]) {
		return
	}
	st.add(ri, ks, end)
}

func index(s, sub string) int {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if s[i] == sub[0] && s[i:i+n] == sub {
			return i
		}
	}
	return -1
}

func lastIndex(s, sub string) int {
	n := len(sub)
	for i := len(s) - n; i >= 0; i-- {
		if s[i] == sub[0] && s[i:i+n] == sub {
			return i
		}
	}
	return -1
}

func indexFold(s, sub string) int {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if lowerASCII(s[i]) == sub[0] && equalFold(s[i:i+n], sub) {
			return i
		}
	}
	return -1
}

// b64val maps standard and URL-safe base64 bytes to their value, 0xff
// for anything else.
var b64val = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	const std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(std); i++ {
		t[std[i]] = byte(i)
	}
	t['-'], t['_'] = 62, 63
	return
}()

// decodeBase64Prefix decodes as much of s (standard or URL-safe base64,
// padding and line breaks skipped) as fits in dst and returns the number
// of bytes written. It stops at the first byte that is not base64.
func decodeBase64Prefix(s string, dst []byte) int {
	n, acc, bits := 0, uint(0), 0
	for i := 0; i < len(s) && n < len(dst); i++ {
		c := s[i]
		if c == '=' || c == '\n' || c == '\r' {
			continue
		}
		v := b64val[c]
		if v == 0xff {
			break
		}
		acc = acc<<6 | uint(v)
		bits += 6
		if bits >= 8 {
			bits -= 8
			dst[n] = byte(acc >> uint(bits))
			n++
		}
	}
	return n
}
