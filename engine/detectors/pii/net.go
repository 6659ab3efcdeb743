package pii

// Parsers for network identifiers. Each takes the text and a start
// offset and returns the end of the longest well-formed value there, or
// -1. None allocates, and each reads a bounded number of bytes past start.

// parseIPv4 reads a dotted quad at t[i:]: four decimal octets 0-255
// without leading zeros. It returns the end offset or -1.
func parseIPv4(t string, i int) int {
	for part := 0; part < 4; part++ {
		if part > 0 {
			if i >= len(t) || t[i] != '.' {
				return -1
			}
			i++
		}
		s := i
		v := 0
		for i < len(t) && isDigit(t[i]) && i-s < 4 {
			v = v*10 + int(t[i]-'0')
			i++
		}
		n := i - s
		if n == 0 || n > 3 || v > 255 || (n > 1 && t[s] == '0') {
			return -1
		}
	}
	return i
}

// parseIPv6 reads an RFC 4291 text address at t[i:]: up to eight groups
// of one to four hex digits separated by ':', at most one "::" standing
// for one or more zero groups, and optionally a dotted IPv4 address in
// the last 32 bits. It returns the end offset or -1. It does not check
// what follows.
func parseIPv6(t string, i int) int {
	groups := 0
	compressed := false
	end := -1
	if i+1 < len(t) && t[i] == ':' && t[i+1] == ':' {
		compressed = true
		i += 2
		end = i
	}
	for groups < 8 {
		// A group, or an IPv4 tail.
		s := i
		for i < len(t) && isHex(t[i]) && i-s < 5 {
			i++
		}
		n := i - s
		if n == 0 {
			break
		}
		if i < len(t) && t[i] == '.' && n <= 3 && groups <= 6 {
			// IPv4 tail takes two groups' room.
			if e := parseIPv4(t, s); e > 0 && ((!compressed && groups+2 == 8) || (compressed && groups+2 < 8)) {
				return e
			}
			// Not a tail: the group ends before the dot.
		}
		if n > 4 {
			return -1
		}
		groups++
		end = i
		if i < len(t) && t[i] == ':' {
			if i+1 < len(t) && t[i+1] == ':' {
				if compressed {
					break // a second "::" is not allowed; stop before it
				}
				compressed = true
				i += 2
				end = i
				continue
			}
			if i+1 < len(t) && isHex(t[i+1]) {
				i++
				continue
			}
		}
		break
	}
	if compressed {
		if groups > 7 {
			return -1
		}
		if groups == 0 {
			return -1
		}
		return end
	}
	if groups == 8 {
		return end
	}
	return -1
}

// parseMAC reads an IEEE 802 MAC-48 address at t[i:]: six pairs of hex
// digits separated by ':' or '-' (the same throughout), or three groups of
// four separated by '.' (Cisco). It returns the end offset or -1.
func parseMAC(t string, i int) int {
	if i+14 <= len(t) && t[i+4] == '.' {
		for g := 0; g < 3; g++ {
			p := i + g*5
			for k := 0; k < 4; k++ {
				if !isHex(t[p+k]) {
					return -1
				}
			}
			if g < 2 && t[p+4] != '.' {
				return -1
			}
		}
		return i + 14
	}
	if i+17 > len(t) {
		return -1
	}
	sep := t[i+2]
	if sep != ':' && sep != '-' {
		return -1
	}
	for g := 0; g < 6; g++ {
		p := i + g*3
		if !isHex(t[p]) || !isHex(t[p+1]) {
			return -1
		}
		if g < 5 && t[p+2] != sep {
			return -1
		}
	}
	return i + 17
}

// isLocalChar reports whether c may appear in the local part of an email
// address (RFC 5322 atext plus '.').
func isLocalChar(c byte) bool {
	if isAlnum(c) {
		return true
	}
	switch c {
	case '.', '!', '#', '$', '%', '&', '\'', '*', '+', '/', '=', '?', '^', '_', '`', '{', '|', '}', '~', '-':
		return true
	}
	return false
}

// parseHost reads a DNS host name at t[i:]: labels of letters, digits and
// hyphens (not at either end of a label), at least two labels, and a
// top-level label of two or more letters (or an "xn--" label). Trailing
// dots and hyphens are not part of it. It returns the end or -1.
func parseHost(t string, i int, max int) int {
	labels := 0
	end := -1
	p := i
	for labels < 127 {
		s := p
		for p < len(t) && p-i < max && (isAlnum(t[p]) || t[p] == '-') {
			p++
		}
		if p == s || p-s > 63 {
			break
		}
		e := p
		for e > s && t[e-1] == '-' { // a label does not end with '-'
			e--
		}
		if e == s || t[s] == '-' {
			break
		}
		labels++
		if labels >= 2 && e == p && tldOK(t[s:e]) {
			end = e
		}
		if e != p || p >= len(t) || t[p] != '.' || p+1 >= len(t) || !isAlnum(t[p+1]) {
			break
		}
		p++
	}
	return end
}

func tldOK(l string) bool {
	if len(l) >= 4 && (l[0]|0x20) == 'x' && (l[1]|0x20) == 'n' && l[2] == '-' && l[3] == '-' {
		return true
	}
	if len(l) < 2 || len(l) > 24 {
		return false
	}
	for i := 0; i < len(l); i++ {
		if !isLetter(l[i]) {
			return false
		}
	}
	return true
}

// isURLChar reports whether c may appear in a URL after the host (RFC 3986
// reserved and unreserved characters plus '%').
func isURLChar(c byte) bool {
	if isAlnum(c) {
		return true
	}
	switch c {
	case '-', '.', '_', '~', ':', '/', '?', '#', '[', ']', '@', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', '%':
		return true
	}
	return false
}

// parseURLRest reads a host (with optional userinfo and port) and then a
// path, query and fragment starting at t[i:]. Trailing punctuation that
// usually belongs to the sentence is left out, as are unbalanced closing
// brackets. It returns the end or -1.
func parseURLRest(t string, i int, maxLen int, userinfo bool) int {
	limit := i + maxLen
	if limit > len(t) {
		limit = len(t)
	}
	// Userinfo: up to an '@' before any '/', within the limit.
	for k := i; userinfo && k < limit && k-i < 128; k++ {
		c := t[k]
		if c == '@' {
			i = k + 1
			break
		}
		if c == '/' || !isURLChar(c) {
			break
		}
	}
	var hostEnd int
	if e := parseIPv4(t, i); e > 0 {
		hostEnd = e
	} else if e := parseHost(t, i, 253); e > 0 {
		hostEnd = e
	} else if len(t)-i >= 9 && equalFold(t[i:i+9], "localhost") {
		hostEnd = i + 9
	} else {
		return -1
	}
	p := hostEnd
	if p < limit && t[p] == ':' { // port
		q := p + 1
		for q < limit && isDigit(t[q]) && q-p <= 5 {
			q++
		}
		if q > p+1 {
			p = q
		}
	}
	if p < limit && (t[p] == '/' || t[p] == '?' || t[p] == '#') {
		for p < limit && isURLChar(t[p]) {
			p++
		}
	} else if p < len(t) && (isAlnum(t[p]) || t[p] == '@' || t[p] == '_') {
		return -1 // host glued to more word characters
	}
	// Trim trailing punctuation and unbalanced closing brackets. The
	// balance is counted once so trimming stays linear.
	paren, square := 0, 0
	for k := hostEnd; k < p; k++ {
		switch t[k] {
		case '(':
			paren++
		case ')':
			paren--
		case '[':
			square++
		case ']':
			square--
		}
	}
	for p > hostEnd {
		c := t[p-1]
		if c == '.' || c == ',' || c == ':' || c == ';' || c == '!' || c == '?' || c == '\'' || c == '*' {
			p--
			continue
		}
		if c == ')' && paren < 0 {
			paren++
			p--
			continue
		}
		if c == ']' && square < 0 {
			square++
			p--
			continue
		}
		break
	}
	return p
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}
