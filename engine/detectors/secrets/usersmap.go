package secrets

// scanUsersMap reads a map of user names to passwords after its name
// (users, RegisteredUsers, basic_auth_users, logins, credentials) and
// reports each password: JSON or YAML flow style ({"admin": "x", "ops":
// "y"}) or a YAML block (name:\n  admin: x\n  ops: y). A value that reads
// as a role, an e-mail address, an id or a word, or a first key that is a
// field name (type, provider, role …), is not reported.
func scanUsersMap(_ *Detector, st *scanState, text string, _, ke int, ri int) {
	i := ke
	if i < len(text) && (text[i] == '"' || text[i] == '\'') {
		i++
	}
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i >= len(text) || (text[i] != ':' && text[i] != '=') {
		return
	}
	i++
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	switch {
	case i < len(text) && text[i] == '{':
		i++
		for n := 0; n < 32; n++ {
			for i < len(text) && (isSpace(text[i]) || text[i] == '\n' || text[i] == '\r') {
				i++
			}
			vs, ve, next, ok := usersMapPair(text, i, n == 0, true)
			if !ok {
				return
			}
			if vs >= 0 {
				st.add(ri, vs, ve)
			}
			i = next
			for i < len(text) && isSpace(text[i]) {
				i++
			}
			if i >= len(text) || text[i] != ',' {
				return
			}
			i++
		}
	case i < len(text) && (text[i] == '\n' || text[i] == '\r'):
		if text[i] == '\r' {
			i++
		}
		if i >= len(text) || text[i] != '\n' {
			return
		}
		i++
		ind := 0
		for i+ind < len(text) && isSpace(text[i+ind]) {
			ind++
		}
		if ind == 0 {
			return
		}
		for n := 0; n < 32 && i+ind <= len(text); n++ {
			for k := 0; k < ind; k++ {
				if i+k >= len(text) || !isSpace(text[i+k]) {
					return
				}
			}
			if i+ind < len(text) && isSpace(text[i+ind]) {
				return // deeper: not a line of this map
			}
			vs, ve, next, ok := usersMapPair(text, i+ind, n == 0, false)
			if !ok {
				return
			}
			if vs >= 0 {
				st.add(ri, vs, ve)
			}
			i = next
			for i < len(text) && (isSpace(text[i]) || text[i] == '\r') {
				i++
			}
			if i < len(text) && text[i] == '#' {
				for i < len(text) && text[i] != '\n' {
					i++
				}
			}
			if i >= len(text) || text[i] != '\n' {
				return
			}
			i++
		}
	}
}

// usersMapPair reads key: value at text[i]. It returns the value's span
// (vs = -1 when the value is not reported) and the byte after the pair;
// ok is false when there is no pair (the map ends or is not of users).
func usersMapPair(text string, i int, first, flow bool) (vs, ve, next int, ok bool) {
	ks, ke, i, ok := usersMapToken(text, i, flow)
	if !ok || ke-ks > 64 {
		return -1, -1, i, false
	}
	for p := ks; p < ke; p++ {
		if c := text[p]; !isAlnum(c) && indexByte("._@-", c) < 0 {
			return -1, -1, i, false
		}
	}
	if first && usersMapFieldKey(text[ks:ke]) {
		return -1, -1, i, false
	}
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i >= len(text) || text[i] != ':' {
		return -1, -1, i, false
	}
	i++
	if i < len(text) && !isSpace(text[i]) && text[i] != '"' && text[i] != '\'' {
		return -1, -1, i, false // key:value with no space is not YAML (and JSON puts a quote)
	}
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	vs, ve, i, ok = usersMapToken(text, i, flow)
	if !ok {
		return -1, -1, i, false
	}
	j := i
	for j < len(text) && isSpace(text[j]) {
		j++
	}
	if j < len(text) && indexByte(",}\r\n#", text[j]) < 0 {
		return -1, -1, i, false // an expression (User("x"), a + b), not a value
	}
	if flow && i == ve && identifierLike(text[vs:ve]) {
		return -1, -1, i, true // a bare name in code ({alice: makeUser1}) is a variable
	}
	if ve-vs < 4 || ve-vs > 128 || !usersMapValue(text[vs:ve]) {
		return -1, -1, i, true
	}
	return vs, ve, i, true
}

// identifierLike reports a name of letters, digits, _ and $ that does not
// start with a digit.
func identifierLike(v string) bool {
	if v == "" || isDigit(v[0]) {
		return false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; !isAlnum(c) && c != '_' && c != '$' {
			return false
		}
	}
	return true
}

// usersMapToken reads a quoted or bare token at text[i] with no space in
// it and returns its span (without quotes) and the byte after it.
func usersMapToken(text string, i int, flow bool) (s, e, next int, ok bool) {
	if i >= len(text) {
		return i, i, i, false
	}
	if q := text[i]; q == '"' || q == '\'' {
		s = i + 1
		e = s
		for e < len(text) && text[e] != q && text[e] != '\n' && e-s <= 128 {
			if text[e] == ' ' || text[e] == '\t' {
				return s, e, e, false
			}
			e++
		}
		if e >= len(text) || text[e] != q || e == s {
			return s, e, e, false
		}
		return s, e, e + 1, true
	}
	s, e = i, i
	for e < len(text) && e-s <= 128 {
		c := text[e]
		if c <= ' ' || c == '"' || c == '\'' || c == '{' || c == '}' || c == '[' || c == ']' || c == '#' || c == '(' || (flow && c == ',') {
			break
		}
		if c == ':' && (e+1 >= len(text) || text[e+1] == ' ' || text[e+1] == '\t' || text[e+1] == '\n' || text[e+1] == '\r') {
			break // the key's colon
		}
		e++
	}
	return s, e, e, e > s
}

// usersMapFieldKey reports a key that names a field rather than a user
// (credentials: {type: ServiceAccount}).
func usersMapFieldKey(k string) bool {
	for _, w := range usersMapFieldKeys {
		if equalFold(k, w) {
			return true
		}
	}
	return false
}

var usersMapFieldKeys = []string{
	"type", "kind", "name", "provider", "region", "source", "mode", "method", "scope", "file", "path", "url",
	"endpoint", "host", "role", "roles", "email", "id", "uid", "username", "user", "format", "version", "profile",
	"default", "description", "count", "enabled", "group", "groups", "limit", "total", "max", "min",
}
