package secrets

import "strings"

// Passwords in SQL INSERT statements (dumps, seed files, migrations):
// INSERT INTO users (id, email, password) VALUES (1, 'a@b.c', 'x'), (…).
// The scanner is called at "values (" and reads back to the statement's
// column list; when one column names a password (password, passwd, pwd,
// pass, senha, 密码 … but not password_hash or password_digest) it reports
// that column's quoted value in every row tuple that follows. Values that
// are hashes (bcrypt, argon2, hex or base64 digests) are not passwords.

const (
	sqlMaxBack    = 512   // bytes from "values (" back to INSERT
	sqlMaxColumns = 64    // columns in the list
	sqlMaxRows    = 200   // row tuples read after VALUES
	sqlMaxBytes   = 64000 // bytes of the VALUES part read
)

func scanSQLInsert(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	// the column list ends right before "values": "(a, b, c) VALUES ("
	j := ks
	for j > 0 && isSpace(text[j-1]) || j > 0 && text[j-1] == '\n' {
		j--
	}
	if j == 0 {
		return
	}
	if text[j-1] != ')' {
		// INSERT INTO `t` VALUES (…) with no column list: the columns of
		// CREATE TABLE `t` earlier in the dump
		col := createTableColumn(text, j)
		if col >= 0 {
			sqlRows(st, text, ke, col, ri)
		}
		return
	}
	open := -1
	for k := j - 2; k >= 0 && j-k < sqlMaxBack; k-- {
		if text[k] == '(' {
			open = k
			break
		}
		if text[k] == ')' || text[k] == ';' {
			return
		}
	}
	if open < 0 || !insertBefore(text, open) {
		return
	}
	col := passwordColumnIn(text[open+1 : j-1])
	if col < 0 {
		return
	}
	sqlRows(st, text, ke, col, ri)
}

// sqlRows reports the quoted value of column col in each row tuple after
// VALUES, the first tuple's '(' at text[ke-1].
func sqlRows(st *scanState, text string, ke, col, ri int) {
	p := ke - 1 // at the '(' of the first tuple
	end := min(len(text), ke+sqlMaxBytes)
	for rows := 0; rows < sqlMaxRows && p < end && text[p] == '('; rows++ {
		p++
		for n := 0; p < end; n++ {
			for p < end && (isSpace(text[p]) || text[p] == '\n') {
				p++
			}
			vs, ve, next := sqlValue(text, p, end)
			if next < 0 {
				return
			}
			if n == col && ve > vs && sqlPasswordValue(text[vs:ve]) {
				st.add(ri, vs, ve)
			}
			p = next
			for p < end && (isSpace(text[p]) || text[p] == '\n') {
				p++
			}
			if p >= end {
				return
			}
			if text[p] == ',' {
				p++
				continue
			}
			if text[p] == ')' {
				p++
				break
			}
			return
		}
		for p < end && (isSpace(text[p]) || text[p] == '\n' || text[p] == ',') {
			p++
		}
	}
}

const sqlMaxCreateBack = 16 << 10 // bytes looked back for CREATE TABLE

// createTableColumn returns the index of the password column of the table
// named between INSERT INTO and text[j] (VALUES follows), from its CREATE
// TABLE statement earlier in the text, or -1.
func createTableColumn(text string, j int) int {
	s := max(0, j-160)
	i := lastIndexFold(text[s:j], "into")
	if i < 0 || lastIndexFold(text[s:s+i], "insert") < 0 {
		return -1
	}
	name := trimSpaceASCII(text[s+i+len("into") : j])
	name = trimSQLName(name)
	if name == "" || len(name) > 64 {
		return -1
	}
	lo := max(0, j-sqlMaxCreateBack)
	seg := text[lo:j]
	for end := len(seg); end > 0; {
		// (upper or lower case, as dumps write it: a case-folded search
		// back over 16 KB at every INSERT would be slow on a large dump)
		k := max(strings.LastIndex(seg[:end], "CREATE TABLE"), strings.LastIndex(seg[:end], "create table"))
		if k < 0 {
			return -1
		}
		end = k
		rest := seg[k+len("create table"):]
		p := indexByte(rest, '(')
		if p < 0 || p > 120 {
			continue
		}
		decl := trimSpaceASCII(rest[:p])
		if lastIndexFold(decl, "if not exists") == 0 {
			decl = trimSpaceASCII(decl[len("if not exists"):])
		}
		if !equalFold(trimSQLName(decl), name) {
			continue
		}
		return createColumns(rest[p+1:])
	}
	return -1
}

// trimSQLName strips quotes, brackets and a schema from a table name.
func trimSQLName(n string) string {
	if d := lastIndexByte(n, '.'); d >= 0 {
		n = n[d+1:]
	}
	for len(n) >= 2 && indexByte("`\"[", n[0]) >= 0 {
		n = n[1 : len(n)-1]
	}
	return n
}

// sqlConstraintWords start a table element that is no column.
var sqlConstraintWords = []string{"primary", "key", "unique", "constraint", "index", "foreign", "check", "fulltext", "spatial"}

// createColumns returns the index of the password column among the column
// definitions of a CREATE TABLE body (after its '('), or -1.
func createColumns(body string) int {
	depth, n, s := 0, 0, 0
	for i := 0; i < len(body) && i < 8192; i++ {
		switch body[i] {
		case '(':
			depth++
			continue
		case ')':
			if depth > 0 {
				depth--
				continue
			}
		case ',':
			if depth > 0 {
				continue
			}
		default:
			continue
		}
		// an element ends at body[i]
		el := trimSpaceASCII(body[s:i])
		for len(el) > 0 && (el[0] == '\n' || el[0] == '\r' || el[0] == '\t') {
			el = trimSpaceASCII(el[1:])
		}
		w := el
		if sp := indexByte(el, ' '); sp > 0 {
			w = el[:sp]
		}
		w = trimSQLName(w)
		constraint := false
		for _, c := range sqlConstraintWords {
			if equalFold(w, c) {
				constraint = true
			}
		}
		if !constraint {
			if passwordHeader(w) {
				return n
			}
			n++
		}
		if body[i] == ')' {
			return -1
		}
		s = i + 1
	}
	return -1
}

// insertBefore reports "INSERT INTO <table>" (optionally with IGNORE, a
// schema and quotes) just before the column list opening at text[open].
func insertBefore(text string, open int) bool {
	s := max(0, open-160)
	seg := text[s:open]
	i := lastIndexFold(seg, "insert")
	if i < 0 {
		return false
	}
	rest := seg[i+len("insert"):]
	return containsFold(rest, "into") && indexByte(rest, ';') < 0 && indexByte(rest, '(') < 0
}

// passwordColumnIn returns the index of the column that names a password
// in a column list ("id, `email`, \"password\"", "[pwd]"), or -1.
func passwordColumnIn(list string) int {
	n, s := 0, 0
	for i := 0; i <= len(list); i++ {
		if i < len(list) && list[i] != ',' {
			continue
		}
		name := trimSpaceASCII(list[s:i])
		for len(name) >= 2 && indexByte("`\"[", name[0]) >= 0 {
			name = name[1 : len(name)-1]
		}
		if n >= sqlMaxColumns {
			return -1
		}
		if passwordHeader(name) {
			return n
		}
		n++
		s = i + 1
	}
	return -1
}

// sqlValue reads one value at text[p]: a quoted string ('x', "x", with
// doubled or backslash-escaped quotes), or a bare word or number. It
// returns the quoted string's inside (empty for a bare value) and where
// the value ends, or -1 when the tuple is not well formed.
func sqlValue(text string, p, end int) (vs, ve, next int) {
	if p >= end {
		return 0, 0, -1
	}
	if q := text[p]; q == '\'' || q == '"' {
		k := p + 1
		for k < end {
			switch {
			case text[k] == '\\' && k+1 < end:
				k += 2
				continue
			case text[k] == q && k+1 < end && text[k+1] == q:
				k += 2
				continue
			case text[k] == q:
				return p + 1, k, k + 1
			case text[k] == '\n':
				return 0, 0, -1
			}
			k++
		}
		return 0, 0, -1
	}
	k := p
	for k < end && text[k] != ',' && text[k] != ')' && text[k] != '\n' && k-p < 64 {
		k++
	}
	if k == p || k-p >= 64 {
		return 0, 0, -1
	}
	return p, p, k
}

// sqlPasswordValue reports a value in a password column that can be a
// password: not a template, stand-in or hash.
func sqlPasswordValue(v string) bool {
	if len(v) < 4 || len(v) > 128 || isTemplate(v) || isPlaceholder(v) || obviousFake(v) || charClasses(v) < 2 {
		return false
	}
	if v[0] == '$' || hexDigest(v) || len(v) >= 40 && !hasSymbol(v) && shannon(v) > 4.5 {
		return false // $2y$… bcrypt, $argon2id$…, a hex or base64 digest
	}
	return true
}

// hexDigest reports 32, 40, 64 or 128 hex digits (MD5, SHA-1, SHA-256,
// SHA-512).
func hexDigest(v string) bool {
	switch len(v) {
	case 32, 40, 64, 128:
	default:
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i] | 0x20
		if !isDigit(v[i]) && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// lastIndexFold is the last index of the lower-case ASCII word w in s,
// case folded, or -1.
func lastIndexFold(s, w string) int {
	for i := len(s) - len(w); i >= 0; i-- {
		if equalFold(s[i:i+len(w)], w) {
			return i
		}
	}
	return -1
}
