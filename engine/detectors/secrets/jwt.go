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
	return index(h, `"alg"`) >= 0
}
