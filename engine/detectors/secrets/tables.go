package secrets

// Passwords in pasted tables: a CSV (comma or semicolon), TSV or Markdown
// table whose header names a password column ("site,username,password,notes",
// "| Tool | Login | Password |", "Location<TAB>Device<TAB>User<TAB>Password",
// "平台,账号,密码", a password manager's "login_password"), and a row whose
// first cell names a password and whose next cell holds it (a settings
// table's "smtp_password<TAB>value", a wiki's "| DB password | value |").
// The run hook calls tableCell at each alphanumeric run around a digit; a
// cell that could be a password is checked against its column's header,
// which is looked for once per row (the rows of one table inherit it).

const (
	tableMaxCell  = 48   // bytes of a cell
	tableMaxLine  = 1024 // bytes of a row
	tableMaxRows  = 40   // rows between a cell and its header
	tableMaxBytes = 4096 // bytes between a cell and its header
)

func isTableDelim(c byte) bool { return c == ',' || c == '\t' || c == '|' || c == ';' }

// tableCell reports the cell holding the run text[rs:re] when its column
// is a password column.
func (d *Detector) tableCell(st *scanState, text string, rs, re int) {
	if d.ix.password < 0 || re-rs > tableMaxCell {
		return // a long run is a token, not a password typed into a table
	}
	// The token around the run first: a password has a letter and at
	// least six bytes, which most numbers in prose do not.
	vs := rs
	for vs > 0 && rs-vs < tableMaxCell && text[vs-1] > ' ' && !isTableDelim(text[vs-1]) {
		vs--
	}
	ve := re
	for ve < len(text) && ve-re < tableMaxCell && text[ve] > ' ' && !isTableDelim(text[ve]) {
		ve++
	}
	v := text[vs:ve]
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = v[1 : len(v)-1] // a quoted CSV cell: the quotes are not the password
	}
	if len(v) < 6 || !letterAndOther(v) {
		return
	}
	// Then the cell: only spaces between the token and a delimiter or
	// the line's end on either side, and a delimiter on one of them.
	cs := vs
	for cs > 0 && text[cs-1] == ' ' {
		cs--
	}
	left := byte('\n')
	if cs > 0 {
		left = text[cs-1]
	}
	k := ve
	for k < len(text) && text[k] == ' ' {
		k++
	}
	right := byte('\n')
	if k < len(text) {
		right = text[k]
	}
	if right == '\r' {
		right = '\n'
	}
	if right == '\n' && vs-cs >= 2 && alignedLabelBefore(text, cs) {
		// a two-column listing aligned with spaces (PowerShell's Name /
		// Value, `vault kv get`): "db_password              Orchard=2008"
		if !proseStandIn(v) && !obviousFake(v) && charClasses(v) >= 2 {
			st.add(d.ix.password, vs, ve)
		}
		return
	}
	if !isTableDelim(left) && !isTableDelim(right) ||
		left != '\n' && !isTableDelim(left) || right != '\n' && !isTableDelim(right) {
		return
	}
	delim := left
	if !isTableDelim(delim) {
		delim = right
	}
	ls := cs
	for ls > 0 && text[ls-1] != '\n' {
		if cs-ls >= tableMaxLine {
			return
		}
		ls--
	}
	if st.tblLine != ls || st.tblDelim != delim {
		st.tblLine, st.tblDelim, st.tblCols = ls, delim, passwordColumn(text, ls, delim)
	}
	if c := cellIndex(text, ls, cs, delim); c >= 64 || st.tblCols&(1<<c) == 0 {
		if !isTableDelim(left) || !labelCellBefore(text, ls, cs-1) {
			return
		}
	}
	if proseStandIn(v) || obviousFake(v) || charClasses(v) < 2 {
		return
	}
	if len(v) < ve-vs {
		vs, ve = vs+1, ve-1
	}
	st.add(d.ix.password, vs, ve)
}

// alignedLabelBefore reports a line that starts with one key-style word
// naming a password (db_password, smtp.pass) and then only the spaces that
// end at text[cs].
func alignedLabelBefore(text string, cs int) bool {
	ls := cs
	for ls > 0 && text[ls-1] != '\n' {
		if cs-ls > 64 {
			return false
		}
		ls--
	}
	w := text[ls:cs]
	for i := 0; i < len(w); i++ {
		if !isIdent(w[i]) && w[i] != '.' && w[i] != '-' {
			return false
		}
	}
	return len(w) >= 3 && passwordHeader(w)
}

// labelCellBefore reports a row whose first cell, ending at the delimiter
// text[de], names a password: the value is the cell after it.
func labelCellBefore(text string, ls, de int) bool {
	delim := text[de]
	s := ls
	for s < de && (text[s] == ' ' || text[s] == delim && delim == '|') {
		s++ // a Markdown row's leading pipe
	}
	for i := s; i < de; i++ {
		if text[i] == delim {
			return false // not the first cell
		}
	}
	return passwordHeader(text[s:de])
}

// passwordHeaderWords are the CJK column names of a password; Latin ones
// are lineLabelNames.
var passwordHeaderWords = []string{"密码", "密碼", "口令", "パスワード", "비밀번호", "비번"}

// secretHeaderWords name a column of other secrets typed into tables: a
// Wi-Fi key, a TOTP seed (a password manager's export).
var secretHeaderWords = []string{
	"wpa2 key", "wpa key", "wpa3 key", "wifi key", "wi-fi key", "wlan key", "wireless key", "network key",
	"psk", "wifi password", "wi-fi password", "wlan-schlüssel", "wlan schlüssel", "clé wifi", "clé wi-fi",
	"totp", "login_totp", "totp secret", "otp secret", "2fa secret", "mfa secret",
}

// passwordSuffixes end a key-style column name that holds a password
// (login_password, dbPass, admin-pwd).
var passwordSuffixes = append([]string{"password", "passwd", "pwd", "pass"}, foreignPasswordNames...)

// passwordHeader reports a table cell that names a password column.
func passwordHeader(cell string) bool {
	s := trimSpaceASCII(cell)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = trimSpaceASCII(s[1 : len(s)-1])
	}
	if bareLabel(s) {
		return true
	}
	for _, w := range passwordHeaderWords {
		if s == w {
			return true
		}
	}
	for _, w := range secretHeaderWords {
		if equalFold(s, w) {
			return true
		}
	}
	if len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdent(s[i]) {
			return false
		}
	}
	for _, w := range passwordSuffixes {
		n := len(s) - len(w)
		if n < 1 || !equalFold(s[n:], w) {
			continue
		}
		c := s[n-1]
		if c == '_' || c == '-' || c == '.' || ('a' <= c && c <= 'z' && 'A' <= s[n] && s[n] <= 'Z') {
			return true
		}
	}
	return false
}

// cellIndex counts the delimiters between the row start ls and the cell
// start cs.
func cellIndex(text string, ls, cs int, delim byte) int {
	n := 0
	for i := ls; i < cs; i++ {
		if text[i] == delim {
			n++
		}
	}
	return n
}

// delimCount counts delim in the line text[ls:le].
func delimCount(line string, delim byte) int {
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] == delim {
			n++
		}
	}
	return n
}

// passwordColumn finds the header of the table whose row starts at ls
// (the first of the rows above with as many delimiters, Markdown rule
// rows skipped) and returns its password columns, a bit for each (a
// password and a TOTP seed, say), or 0.
func passwordColumn(text string, ls int, delim byte) uint64 {
	le := ls
	for le < len(text) && text[le] != '\n' && le-ls < tableMaxLine {
		le++
	}
	want := delimCount(text[ls:le], delim)
	if want < 2 && !(delim == '\t' && want >= 1) {
		return 0
	}
	hs, wiki := -1, false
	start := ls
	for rows := 0; start > 0 && rows < tableMaxRows && ls-start < tableMaxBytes; rows++ {
		pe := start - 1
		ps := pe
		for ps > 0 && text[ps-1] != '\n' && pe-ps < tableMaxLine {
			ps--
		}
		line := text[ps:pe]
		if delimCount(line, delim) != want {
			// a Confluence or Jira wiki table: its header cells are
			// between double bars (|| User || Password ||), its rows'
			// between single ones
			if delim == '|' && wikiHeaderRow(line) && wikiDelimCount(line) == want {
				hs, wiki = ps, true
			}
			break
		}
		if !ruleRow(line) {
			hs = ps
		}
		start = ps
	}
	if hs < 0 {
		return 0
	}
	he := hs
	for he < len(text) && text[he] != '\n' {
		he++
	}
	var cols uint64
	col, cs := 0, hs
	for i := hs; i <= he && col < 64; i++ {
		if i == he || text[i] == delim {
			if passwordHeader(text[cs:i]) {
				cols |= 1 << col
			}
			col++
			if wiki && i+1 < he && text[i+1] == delim {
				i++
			}
			cs = i + 1
		}
	}
	return cols
}

// wikiHeaderRow reports a Confluence or Jira wiki table header: it starts
// with || after any spaces.
func wikiHeaderRow(line string) bool {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i+1 < len(line) && line[i] == '|' && line[i+1] == '|'
}

// wikiDelimCount counts the bars of a wiki header row, || as one.
func wikiDelimCount(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '|' {
			n++
			if i+1 < len(line) && line[i+1] == '|' {
				i++
			}
		}
	}
	return n
}

// ruleRow reports a Markdown table's rule row (|---|:---:|).
func ruleRow(line string) bool {
	dash := false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '-':
			dash = true
		case '|', ':', ' ', '\t', '\r':
		default:
			return false
		}
	}
	return dash
}

// letterAndOther reports a letter and a byte that is not one in v.
func letterAndOther(v string) bool {
	letter, other := false, false
	for i := 0; i < len(v); i++ {
		if isLetter(v[i]) {
			letter = true
		} else {
			other = true
		}
	}
	return letter && other
}
