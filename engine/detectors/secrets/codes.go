package secrets

// Backup codes listed without wording around them: a block of five or
// more lines that hold nothing but codes of the MFA_BACKUP_CODE shapes
// xxxxx-xxxxx and dddd dddd (not a lone dddddddd), one or two a line, optionally
// numbered ("1. 9242 7368"). The run hook calls codeList at each run
// around a digit; only a run that starts such a line does any work.

const (
	codeListMin   = 5  // codes in a block
	codeListLines = 12 // lines looked at on each side
)

// codeList reports the code starting the run at text[rs] when its line
// and enough lines around it hold only codes.
func (d *Detector) codeList(st *scanState, text string, rs int) {
	if d.ix.backupCodes < 0 {
		return
	}
	// only a run at the start of its line (after spaces and a number
	// such as "10. "): a few bytes back, never the whole line
	ls := rs
	for ls > 0 && rs-ls < 12 && text[ls-1] != '\n' {
		ls--
	}
	if ls > 0 && text[ls-1] != '\n' || lineCodeStart(text, ls) != rs {
		return
	}
	if codesOnLine(text, ls) == 0 {
		d.wordedCodeList(st, text, ls, rs) // other shapes, under a line naming them
		return
	}
	total := 0
	for p, k := ls, 0; p >= 0 && k <= codeListLines; k++ { // this line and up
		n := codesOnLine(text, p)
		if n == 0 {
			break
		}
		total += n
		if p == 0 {
			break
		}
		p = prevLine(text, p)
	}
	for p, k := nextLine(text, ls), 0; p >= 0 && k < codeListLines && total < codeListMin; k++ { // down
		n := codesOnLine(text, p)
		if n == 0 {
			break
		}
		total += n
		p = nextLine(text, p)
	}
	if total < codeListMin {
		return
	}
	// this line's codes
	p := rs
	for p < len(text) && text[p] != '\n' {
		if e := backupCodeAt(text, p); e > 0 {
			st.add(d.ix.backupCodes, p, e)
			p = e
			continue
		}
		p++
	}
}

// lineCodeStart returns where the first code of the line at ls starts,
// after spaces and a "N." or "N)" number, or -1.
func lineCodeStart(text string, ls int) int {
	p := ls
	for p < len(text) && (text[p] == ' ' || text[p] == '\t') {
		p++
	}
	q := p
	for q < len(text) && q-p < 3 && isDigit(text[q]) {
		q++
	}
	if q > p && q+1 < len(text) && (text[q] == '.' || text[q] == ')') && text[q+1] == ' ' {
		p = q + 2
		for p < len(text) && text[p] == ' ' {
			p++
		}
	}
	return p
}

// codesOnLine counts the codes on the line starting at ls when it holds
// one or two codes and nothing else, or four to twelve codes of the
// xxxxx-xxxxx shape (a list pasted onto one line), counted as a block;
// 0 otherwise.
func codesOnLine(text string, ls int) int {
	p := lineCodeStart(text, ls)
	n, dashed := 0, true
	for n < 13 {
		if p >= len(text) || text[p] == '\n' || text[p] == '\r' {
			break
		}
		e := backupCodeAt(text, p)
		if e < 0 || e-p == 8 {
			return 0 // a lone number of eight digits may be anything: only the wording makes it a code
		}
		dashed = dashed && e-p == 11
		n++
		p = e
		for p < len(text) && (text[p] == ' ' || text[p] == '\t') {
			p++
		}
		if n == 1 && p > e+1 {
			p = skipItemNumber(text, p) // two numbered columns: "1. 6053 8184     6. 2656 1390"
		}
	}
	switch {
	case n > 2 && n >= 4 && n <= 12 && dashed:
		return max(n, codeListMin) // "6ab04-e87a4 3cbfb-741e9 443cb-3900e e7959-472e6"
	case n > 2:
		return 0
	}
	return n
}

// skipItemNumber returns where the text after a list number ("6. ",
// "12) ") at text[p] starts, or p when there is none.
func skipItemNumber(text string, p int) int {
	q := p
	for q < len(text) && q-p < 3 && isDigit(text[q]) {
		q++
	}
	if q > p && q+1 < len(text) && (text[q] == '.' || text[q] == ')') && text[q+1] == ' ' {
		q += 2
		for q < len(text) && text[q] == ' ' {
			q++
		}
		return q
	}
	return p
}

func nextLine(text string, p int) int {
	for p < len(text) && text[p] != '\n' {
		p++
	}
	if p+1 >= len(text) {
		return -1
	}
	return p + 1
}

func prevLine(text string, ls int) int {
	p := ls - 1 // the '\n' ending the previous line
	for p > 0 && text[p-1] != '\n' {
		p--
	}
	return p
}
