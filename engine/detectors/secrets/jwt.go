package secrets

// validJWT checks that the first segment of a compact JWS/JWE decodes to a
// JSON object with an "alg" member.
func validJWT(tok string) bool {
	dot := -1
	for i := 0; i < len(tok); i++ {
		if tok[i] == '.' {
			dot = i
			break
		}
	}
	if dot < 4 {
		return false
	}
	var buf [384]byte
	n := decodeBase64Prefix(tok[:dot], buf[:])
	h := string(buf[:n])
	i := 0
	for i < len(h) && (h[i] == ' ' || h[i] == '\n' || h[i] == '\r' || h[i] == '\t') {
		i++
	}
	if i >= len(h) || h[i] != '{' {
		return false
	}
	return index(h, `"alg"`) >= 0 && !jwtIOSample(tok)
}

// jwtIOSample reports the jwt.io sample token. It is a template
// (isTemplate) for every regex rule; the JWT scanner and the assignment
// scanner, which do not ask isTemplate, check it themselves.
func jwtIOSample(v string) bool {
	return len(v) > len(jwtIOSamplePayload)+20 && v[0] == 'e' && index(v, jwtIOSamplePayload) > 0
}

// jwtIOSamplePayload is the payload of the sample token on jwt.io and in
// countless tutorials ({"sub":"1234567890","name":"John
// Doe","iat":1516239022}): a documentation example, not a credential.
const jwtIOSamplePayload = "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."

// scanJWT reads header.payload.signature at an "eyJ" hit without a regex:
// base64url segments of at least 10, 10 and 16 bytes (padding tolerated),
// not preceded or followed by another token byte, and a header that
// decodes to JSON with "alg".
func scanJWT(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	if e := jwtEnd(text, ks, ke); e > ks && !anonJWT(text[ks:e]) {
		st.add(ri, ks, e) // an anon key is SUPABASE_ANON_KEY's, an identifier
	}
}

// jwtEnd returns the end of the JWT starting at the "eyJ" hit text[ks:ke],
// or -1.
func jwtEnd(text string, ks, ke int) int {
	if text[ks:ke] != "eyJ" || (ks > 0 && (isB64URL(text[ks-1]) || text[ks-1] == '.')) {
		return -1
	}
	i := ks
	for seg := 0; seg < 3; seg++ {
		s := i
		for i < len(text) && isB64URL(text[i]) {
			i++
		}
		n := i - s
		for i < len(text) && text[i] == '=' && i-s-n < 2 {
			i++
		}
		if n < 10 || (seg == 2 && n < 16) {
			return -1
		}
		if seg < 2 {
			if i >= len(text) || text[i] != '.' {
				return -1
			}
			i++
		}
	}
	if i < len(text) && (text[i] == '.' || isB64URL(text[i])) {
		return -1
	}
	if !validJWT(text[ks:i]) {
		return -1
	}
	return i
}

func isB64URL(c byte) bool { return isAlnum(c) || c == '-' || c == '_' }
