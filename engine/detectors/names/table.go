package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// People in pasted tables: a CSV (comma or semicolon), TSV or Markdown
// table whose header names a person column ("first_name,last_name,email",
// "name<TAB>city<TAB>phone", "| Nombre | Apellido |", "姓名,电话") holds a
// person in that column on every row below it, whether or not the name is
// in a gazetteer ("Aisha,Bello", "Nora,Haskins"). A bare "name" column
// counts only beside a column that describes a person (email, phone,
// address, date of birth, department …), so that "name,price,sku" (a
// product list) does not. The cell must look like a name: one to four
// words of letters, each starting with a capital or in a script without
// case.

const (
	tableMaxRows  = 500  // rows read below a header
	tableMaxLine  = 2048 // bytes of a header or row
	tableMaxCells = 32
	tableCellMax  = 60 // bytes of a name cell
	headerMaxLine = 512
	headerCellMax = 40 // bytes of a header cell, spaces around it included
	tableScore    = 0.75
)

// personColumns name a column that holds a person (lower case, with
// spaces, '_', '-' and '.' removed).
var personColumns = map[string]bool{
	"fullname": true, "firstname": true, "givenname": true,
	"lastname": true, "surname": true, "familyname": true, "middlename": true,
	"contactname": true, "contact": true, "customername": true, "employee": true, "employeename": true,
	"cardholder": true, "cardholdername": true, "accountholder": true, "patient": true, "patientname": true,
	"guest": true, "guestname": true, "passenger": true, "passengername": true, "attendee": true,
	"recipient": true, "recipientname": true, "applicant": true, "candidate": true, "student": true,
	"studentname": true, "membername": true, "person": true, "speaker": true, "author": true,
	"nombre": true, "apellido": true, "apellidos": true, "nombrecompleto": true,
	"prénom": true, "prenom": true, "nomdefamille": true, "nomcomplet": true,
	"vorname": true, "nachname": true, "familienname": true,
	"nome": true, "cognome": true, "nomecompleto": true, "sobrenome": true,
	"voornaam": true, "achternaam": true, "imię": true, "imie": true, "nazwisko": true,
	"имя": true, "фамилия": true, "фио": true, "отчество": true, "ad": true, "soyad": true, "soyadı": true, "adsoyad": true,
	"姓名": true, "名字": true, "姓": true, "氏名": true, "名前": true, "이름": true, "성명": true,
	"họtên": true, "tên": true, "الاسم": true, "नाम": true,
}

// bareNameColumns hold a person only beside a column that describes one.
var bareNameColumns = map[string]bool{"name": true, "nom": true, "naam": true, "namn": true, "navn": true,
	"first": true, "last": true, "given": true}

// personDetailColumns describe a person (lower case, compacted as above;
// matched as prefixes so that "email_address", "phone_number" count).
var personDetailColumns = []string{
	"email", "mail", "phone", "tel", "mobile", "cell", "address", "addr", "street", "city", "dob",
	"birth", "department", "dept", "role", "title", "position", "salary", "iban", "ssn", "nino",
	"correo", "teléfono", "telefono", "dirección", "direccion", "adresse", "telefon", "indirizzo",
	"geburts", "naissance", "nacimiento", "e-mail", "电话", "電話", "邮箱", "地址", "住所", "電話番号",
	"전화", "주소", "телефон", "адрес", "почта",
}

// tableSpan is a PERSON cell found by tablePersons.
type tableSpan struct{ start, end int }

// tablePersons appends the name cells of tables in text to out, in order
// of their start. It returns quickly when text has a single line.
func tablePersons(text string, out []tableSpan) []tableSpan {
	if strings.IndexByte(text, '\n') < 0 {
		return out
	}
	var cols [tableMaxCells]cellRange
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		next := le + 1
		if le-ls <= tableMaxLine {
			if delim := tableDelim(text[ls:le]); delim != 0 {
				n := splitCells(text, ls, le, delim, cols[:])
				if mask := personMask(text, cols[:n]); mask != 0 {
					next, out = tableRows(text, next, delim, n, mask, out)
				}
			}
		}
		ls = next
	}
	return out
}

// cellRange is a cell's byte range in the text.
type cellRange struct{ s, e int }

// tableDelim returns the delimiter of a line that could be a table
// header: a tab, or at least one '|', ';' or ',' outside quotes, and no
// cell longer than headerCellMax bytes (so a line of prose is given up
// after its first words).
func tableDelim(line string) byte {
	if len(line) > headerMaxLine {
		return 0
	}
	var tab, bar, semi, comma int
	inQ := false
	run := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '\t' && c != '|' && c != ';' && c != ',' {
			if run++; run > headerCellMax {
				return 0
			}
			if c == '"' {
				inQ = !inQ
			}
			continue
		}
		run = 0
		switch c {
		case '\t':
			tab++
		case '|':
			if !inQ {
				bar++
			}
		case ';':
			if !inQ {
				semi++
			}
		case ',':
			if !inQ {
				comma++
			}
		}
	}
	switch {
	case tab > 0:
		return '\t'
	case bar >= 2:
		return '|'
	case semi > 0 && semi >= comma:
		return ';'
	case comma > 0:
		return ','
	}
	return 0
}

// splitCells splits text[ls:le] at delim (outside double quotes) into
// cells, trimmed of spaces and quotes; a Markdown row's outer pipes make no
// cells. It returns the number of cells, at most len(out); a row with more
// cells reports len(out)+1.
func splitCells(text string, ls, le int, delim byte, out []cellRange) int {
	if delim == '|' {
		for ls < le && (text[ls] == ' ' || text[ls] == '\t') {
			ls++
		}
		if ls < le && text[ls] == '|' {
			ls++
		}
		for le > ls && (text[le-1] == ' ' || text[le-1] == '\t' || text[le-1] == '\r') {
			le--
		}
		if le > ls && text[le-1] == '|' {
			le--
		}
	}
	n := 0
	cs := ls
	inQ := false
	for i := ls; i <= le; i++ {
		if i < le && text[i] == '"' {
			inQ = !inQ
		}
		if i == le || (!inQ && text[i] == delim) {
			if n == len(out) {
				return n + 1
			}
			s, e := cs, i
			for s < e && (text[s] == ' ' || text[s] == '"' || text[s] == '\t') {
				s++
			}
			for e > s && (text[e-1] == ' ' || text[e-1] == '"' || text[e-1] == '\r' || text[e-1] == '\t') {
				e--
			}
			out[n] = cellRange{s, e}
			n++
			cs = i + 1
		}
	}
	return n
}

// compactHeader lower-cases a header cell into buf and drops ' ', '_',
// '-', '.'; nil when it is too long to be a header.
func compactHeader(h string, buf []byte) []byte {
	if len(h) > 48 {
		return nil
	}
	b := buf[:0]
	for i := 0; i < len(h); {
		c := h[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ', '_', '-', '.', '*', ':':
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(h[i:])
		i += n
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// personMask returns the person columns of a header row as a bit mask, or
// 0 when the row is no header with one.
func personMask(text string, cells []cellRange) uint32 {
	if len(cells) < 2 || len(cells) > tableMaxCells {
		return 0
	}
	var buf [64]byte
	var mask, bare uint32
	detail := false
	for i, c := range cells {
		h := compactHeader(text[c.s:c.e], buf[:])
		if len(h) == 0 {
			continue
		}
		switch {
		case personColumns[string(h)]:
			mask |= 1 << i
		case bareNameColumns[string(h)]:
			bare |= 1 << i
		default:
			for _, p := range personDetailColumns {
				if len(h) >= len(p) && string(h[:len(p)]) == p {
					detail = true
					break
				}
			}
		}
	}
	if detail || mask != 0 {
		mask |= bare
	}
	return mask
}

// tableRows reads the rows below a header (from ls) while they have the
// header's n cells, appends the name cells of columns in mask to out and
// returns where the table ends.
func tableRows(text string, ls int, delim byte, n int, mask uint32, out []tableSpan) (int, []tableSpan) {
	var cells [tableMaxCells]cellRange
	for rows := 0; ls < len(text) && rows < tableMaxRows; rows++ {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		if le-ls > tableMaxLine {
			return ls, out
		}
		m := splitCells(text, ls, le, delim, cells[:])
		if m != n {
			return ls, out
		}
		if delim == '|' && markdownRule(text[ls:le]) {
			ls = le + 1
			continue
		}
		for i := 0; i < m; i++ {
			if mask&(1<<i) != 0 && nameCell(text[cells[i].s:cells[i].e]) {
				out = append(out, tableSpan{cells[i].s, cells[i].e})
			}
		}
		ls = le + 1
	}
	return ls, out
}

// markdownRule reports a Markdown table's rule row (|---|:---:|).
func markdownRule(line string) bool {
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

// nameCell reports a cell that looks like a person's name: one to four
// words of letters (with ' - . inside), each starting with a capital
// letter or a letter of a script without case.
func nameCell(c string) bool {
	if len(c) == 0 || len(c) > tableCellMax {
		return false
	}
	words, start := 0, true
	for _, r := range c {
		switch {
		case r == ' ':
			start = true
			continue
		case start:
			if !unicode.IsLetter(r) || unicode.IsLower(r) {
				return false
			}
			words++
			start = false
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || r == '\'' || r == '’' || r == '-' || r == '.':
		default:
			return false
		}
	}
	return words >= 1 && words <= 4
}
