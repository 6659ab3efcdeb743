package secrets

import (
	"context"
	"math/bits"
)

// Dense text (code, minified data) holds a trigger every few bytes, and
// then one automaton step per byte over every keyword is cheaper than
// handling each trigger. The scan goes by chunks: a chunk whose triggers
// needed work more often than once per denseGap bytes sends the next
// chunk (then 2, 4... up to 64 while the text stays dense) to the
// automaton, which finds every keyword occurrence
// (a superset of what the triggers find, so the findings there are those
// of the reference scan in TestTriggersFindWhatAFullKeywordScanFinds).
const (
	scanChunk = 1 << 10
	denseGap  = 12
	denseRun  = 1
)

// scanTriggers walks text for trigger bytes and hands every keyword found
// to its rules.
func (d *Detector) scanTriggers(ctx context.Context, st *scanState, text string) {
	n := len(text)
	if len(d.trig.line) > 0 {
		d.lineStart(st, text, 0)
	}
	dense, run := 0, denseRun
	for pos := 0; pos < n; pos += scanChunk {
		if pos&(ctxCheckEvery-1) == 0 && pos > 0 && ctx.Err() != nil {
			return
		}
		end := min(n, pos+scanChunk)
		if dense > 0 {
			d.automatonChunk(st, text, pos, end)
			dense--
			continue
		}
		if calls := d.triggerChunk(st, text, pos, end); calls*denseGap > end-pos {
			// Still dense after a run: try triggers again less often.
			dense, run = run, min(2*run, 64)
		} else {
			run = denseRun
		}
	}
}

// triggerChunk handles the trigger bytes of text[pos:end] and returns how
// many needed work.
func (d *Detector) triggerChunk(st *scanState, text string, pos, end int) int {
	t := d.trig
	pairs, gate := t.pairs, t.gate
	calls := 0
	i := pos
	// Eight bytes per step, two at a time through a 64K table of byte
	// pairs: a bit per trigger byte, then each set bit.
	for ; i+8 <= end; i += 8 {
		b := text[i : i+8]
		m := uint32(pairs[uint16(b[0])|uint16(b[1])<<8]) | uint32(pairs[uint16(b[2])|uint16(b[3])<<8])<<2 |
			uint32(pairs[uint16(b[4])|uint16(b[5])<<8])<<4 | uint32(pairs[uint16(b[6])|uint16(b[7])<<8])<<6
		for m != 0 {
			j := i + bits.TrailingZeros32(m)
			m &= m - 1
			// Most triggers are ruled out by the byte before them (an
			// anchor no keyword has after that byte, a quote not after
			// a space, the second byte of :=): no call then.
			var prev byte
			if j > 0 {
				prev = text[j-1]
			}
			if g := gate[uint16(prev)<<8|uint16(text[j])]; g == gateJoin {
				// Only the join hook, which needs a letter after the byte
				// too (a hyphen before a space or a digit is no join).
				if j+1 < len(text) && isLetter(text[j+1]) {
					d.triggerAt(st, text, j, g)
				}
			} else if g != 0 {
				d.triggerAt(st, text, j, g)
				calls += int(g & gateWork)
			}
		}
	}
	for ; i < end; i++ {
		if t.any[text[i]] != 0 {
			var prev byte
			if i > 0 {
				prev = text[i-1]
			}
			if g := gate[uint16(prev)<<8|uint16(text[i])]; g != 0 {
				d.triggerAt(st, text, i, g)
				calls += int(g & gateWork)
			}
		}
	}
	return calls
}

// automatonChunk finds every keyword that ends in text[pos:end] with one
// automaton step per byte.
func (d *Detector) automatonChunk(st *scanState, text string, pos, end int) {
	m := d.full
	i, s := max(0, pos-m.maxPat+1), 0
	part := text[:end]
	for {
		i, s = m.next(part, i, s)
		if i < 0 {
			return
		}
		if i <= pos {
			continue // ended in the chunk before
		}
		for _, kw := range m.outputs(s) {
			d.hitKeyword(st, text, kw, i-int(m.patLen[kw]), i)
		}
	}
}

// triggerAt handles the trigger byte at text[i], which the gate let
// through as g.
func (d *Detector) triggerAt(st *scanState, text string, i int, g uint8) {
	if g&gateJoin != 0 && i >= st.joinEnd {
		d.passphraseAt(st, text, i)
	}
	if g&gateWork == 0 {
		return
	}
	t := d.trig
	c := text[i]
	k := t.table[c]
	if k&trigAnchor != 0 {
		// Inline fast path: a keyword can start at c, or the bytes
		// before c can belong to one.
		if t.rootEnds[c] && i+1 < len(text) && t.rootNext[c].has(lowerASCII(text[i+1])) {
			d.anchorAt(st, text, i, c)
		} else if i > 0 && t.prev[c].has(text[i-1]) {
			if i == 1 {
				d.anchorAt(st, text, i, c)
			} else if h := prev2Hash(c, text[i-1], text[i-2]); t.prev2[h>>6]&(1<<(h&63)) != 0 {
				d.anchorAt(st, text, i, c)
			}
		}
	}
	if k&trigOp != 0 {
		d.opAt(st, text, i, c)
	}
	if k&trigQuote != 0 && i > 0 && isSpace(text[i-1]) {
		d.searchKey(st, text, i)
	}
	if k&trigLine != 0 {
		d.lineStart(st, text, i+1)
	}
	if k&trigRun != 0 && i >= st.runEnd {
		d.runAt(st, text, i)
	}
}

// hitKeyword hands keyword kw found at text[ks:ke] to its rules.
func (d *Detector) hitKeyword(st *scanState, text string, kw int32, ks, ke int) {
	for _, l := range d.kwRules[d.kwIdx[kw]:d.kwIdx[kw+1]] {
		d.hit(st, text, l, ks, ke)
	}
}

// anchorAt verifies the keywords anchored on byte c at text[p]: their
// prefix backwards through the reverse trie, the rest forwards.
func (d *Detector) anchorAt(st *scanState, text string, p int, c byte) {
	t := d.trig
	// Fast path: most anchors start no keyword and follow a byte that no
	// keyword has before them.
	endsHere := t.rootEnds[c] && p+1 < len(text) && t.rootNext[c].has(lowerASCII(text[p+1]))
	if !endsHere && !t.mayPrecede(text, p, c) {
		return
	}
	ni := t.root[c]
	if ni < 0 {
		return
	}
	j := p
	for {
		nd := &t.nodes[ni]
		if nd.nend > 0 && (j < p || endsHere) {
			for _, e := range t.ends[nd.end0 : nd.end0+nd.nend] {
				ke := p + 1 + len(e.post)
				if ke <= len(text) && equalFold(text[p+1:ke], e.post) {
					d.hitKeyword(st, text, e.kw, j, ke)
				}
			}
		}
		if nd.nedge == 0 || j == 0 {
			return
		}
		j--
		b := lowerASCII(text[j])
		edges := t.edges[nd.edge0 : nd.edge0+nd.nedge]
		next := int32(-1)
		if len(edges) <= 8 {
			for _, e := range edges {
				if e.b == b {
					next = e.node
					break
				}
			}
		} else {
			lo, hi := 0, len(edges)
			for lo < hi {
				m := (lo + hi) / 2
				if edges[m].b < b {
					lo = m + 1
				} else {
					hi = m
				}
			}
			if lo < len(edges) && edges[lo].b == b {
				next = edges[lo].node
			}
		}
		if next < 0 {
			return
		}
		ni = next
	}
}

// opAt handles an operator byte: the key before it is searched for
// operator keywords. A comma counts only between quoted call arguments or
// before a token-like value, so that prose commas cost little.
func (d *Detector) opAt(st *scanState, text string, p int, c byte) {
	if p > 0 && d.trig.table[text[p-1]]&trigOp != 0 {
		return // second byte of :=, =>, ==, ::
	}
	if c == ',' && !commaAssigns(text, p) {
		return
	}
	d.searchKey(st, text, p)
}

// commaAssigns reports a comma that can separate a key from its value:
// after a quote or bracket ("api_token", "...") or before a token-like
// run of at least 10 bytes with a digit, or 16 without.
func commaAssigns(text string, p int) bool {
	j := p - 1
	for j >= 0 && isSpace(text[j]) {
		j--
	}
	if j >= 0 {
		switch text[j] {
		case '"', '\'', '`', ']', ')':
			return true
		}
	}
	i := p + 1
	for k := 0; k < 5 && i < len(text) && byteClass[text[i]]&clValueSkip != 0; k++ {
		i++
	}
	s, digit := i, false
	for i < len(text) && i-s < 16 && byteClass[text[i]]&clToken != 0 {
		if isDigit(text[i]) {
			digit = true
		}
		i++
	}
	return i-s >= 16 || (i-s >= 10 && digit)
}

// searchKey runs the operator-keyword automaton over the key before
// text[p]: back over white space and quotes, then over key bytes, at most
// maxRegion of them and three spaces (adafruit io key = ...; not a whole
// line of code).
func (d *Detector) searchKey(st *scanState, text string, p int) {
	re := p
	for k := 0; re > 0 && k < 16 && byteClass[text[re-1]]&clSkip != 0; k++ {
		re--
	}
	if re == st.lastRegionEnd {
		return // the same key as the last operator's
	}
	st.lastRegionEnd = re
	rs, spaces := re, 0
	for rs > 0 && re-rs < maxRegion {
		c := text[rs-1]
		if byteClass[c]&clKey == 0 {
			break
		}
		if c == ' ' {
			if spaces++; spaces > 3 {
				break
			}
		}
		rs--
	}
	if re-rs < 2 {
		return // shorter than the shortest key keyword ("pw")
	}
	m := d.trig.ctx
	key := text[:re]
	s, i := 0, rs
	for {
		i, s = m.next(key, i, s)
		if i < 0 {
			return
		}
		for _, id := range m.outputs(s) {
			d.hitKeyword(st, text, d.trig.ctxKw[id], i-int(m.patLen[id]), i)
		}
	}
}

// lineStart checks the line-start keywords at text[i:], after
// indentation.
func (d *Detector) lineStart(st *scanState, text string, i int) {
	if d.ix.seed >= 0 && i >= st.seedEnd {
		if end := d.seedLine(st, text, i); end > i {
			st.seedEnd = end // a numbered list: its other lines start inside it
		}
	}
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i >= len(text) || !d.trig.lineFirst[text[i]] {
		return // most lines start with a byte no line keyword starts with
	}
	for _, l := range d.trig.line {
		if len(text)-i >= len(l.lit) && text[i:i+len(l.lit)] == l.lit {
			d.hitKeyword(st, text, l.kw, i, i+len(l.lit))
		}
	}
}

// runAt checks the run keywords at the start of the alphanumeric run
// around the digit at text[p], and of the run before it when the two are
// joined by a dot (pat....<hex>).
func (d *Detector) runAt(st *scanState, text string, p int) {
	rs := p
	for rs > 0 && p-rs < 256 && isAlnum(text[rs-1]) {
		rs--
	}
	re := p + 1
	for re < len(text) && re-p < 256 && isAlnum(text[re]) {
		re++
	}
	st.runEnd = re
	d.runPrefix(st, text, rs)
	d.runHooks(st, text, rs, re)
	if rs >= 2 && text[rs-1] == '.' {
		r2 := rs - 1
		for r2 > 0 && rs-1-r2 < 64 && isAlnum(text[r2-1]) {
			r2--
		}
		d.runPrefix(st, text, r2)
		d.discordToken(st, text, r2, rs-1)
	}
}

// runHooks runs the scanners that start at the alphanumeric run
// text[rs:re] around a digit: a credential stated in prose before it, a
// Discord bot token starting with it.
func (d *Detector) runHooks(st *scanState, text string, rs, re int) {
	d.proseSecret(st, text, rs)
	d.tableCell(st, text, rs, re)
	d.discordToken(st, text, rs, re)
	d.mailgunKey(st, text, rs, re)
	d.pinCode(st, text, rs, re)
	d.codeList(st, text, rs)
	d.minioAlias(st, text, rs, re)
}

func (d *Detector) runPrefix(st *scanState, text string, i int) {
	if i >= len(text) || !d.trig.runFirst.has(lowerASCII(text[i])) {
		return
	}
	for _, l := range d.trig.run {
		if len(text)-i >= len(l.lit) && equalFold(text[i:i+len(l.lit)], l.lit) {
			d.hitKeyword(st, text, l.kw, i, i+len(l.lit))
		}
	}
}
