package secrets

import (
	"regexp/syntax"
	"strings"
)

// Keyword triggers. A scan does not run an automaton over every byte.
// Instead one table lookup per byte (eight bytes per step) finds the rare
// bytes that can start work, and each kind of rare byte does its own
// cheap check:
//
//   - anchor bytes: every keyword with a byte that is rare in English
//     (a digit, '_', '-', '.', ':', '/', '$', an upper-case letter that
//     the format requires, or k, x, q, j, z) is anchored on its rarest
//     such byte. At an anchor the keywords through it are verified by a
//     backward walk of a small trie of their prefixes and a forward
//     compare of the rest: usually one or two byte compares.
//   - operator bytes (= : > , | ( {): keywords made only of common
//     letters ("password", "secret", "token", "key", "github",
//     "adafruit"...) are only looked for in the key before an operator:
//     every rule they trigger needs an operator within a few bytes after
//     the keyword (an assignment, `credentials {`, `NetworkCredential(`).
//     A small automaton runs over that key (a few bytes), not the text.
//   - a quote after a space (KEY "value", password is 'x') searches the
//     key before it the same way.
//   - a line break starts the line-start keywords (.netrc "machine").
//
// Clean prose therefore costs the table lookup per byte plus a short check
// every hundred bytes or so, and allocates nothing.

// englishFreq[b] is how often byte b occurs in English prose, per 100,000
// bytes (measured on the dev prose corpora). It decides which byte of a
// keyword to anchor on; bytes >= 0x80 count as 50.
var englishFreq = [128]uint16{
	0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 316, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	16792, 37, 233, 14, 5, 7, 15, 195, 70, 74, 29, 38, 814, 250, 1110, 84, 162, 148, 138, 78, 75, 72, 60, 54, 58, 54, 184, 20, 51, 31, 58, 76,
	5, 514, 110, 233, 286, 234, 88, 221, 123, 502, 57, 38, 119, 170, 283, 193, 288, 11, 185, 235, 478, 85, 39, 113, 19, 171, 9, 78, 28, 78, 2, 13,
	11, 6132, 922, 2302, 2664, 8542, 1395, 1367, 2863, 5138, 75, 566, 3369, 1817, 5452, 5926, 1679, 113, 4527, 5156, 6528, 2499, 715, 1256, 206, 1693, 64, 17, 8, 16, 1, 0,
}

func englishFreqOf(b byte) int {
	if b >= 0x80 {
		return 50
	}
	return int(englishFreq[b])
}

// Anchor costs: a keyword byte can anchor when its trigger bytes together
// occur at most this often per 100,000 bytes of English.
const (
	maxAnchorCostPunct  = 1200 // digits and punctuation ('.' is 1110)
	maxAnchorCostLetter = 650  // letters: the rare ones and required upper case
)

// What the gate lets through: work for the trigger's keywords and
// scanners (counted towards the dense-text switch), and the join hook,
// which most often returns at once (a full stop before a space) and is not
// counted.
const (
	gateWork = 1 << iota
	gateJoin
)

// Trigger classes in trigTable.
const (
	trigAnchor = 1 << iota
	trigOp
	trigQuote
	trigLine
	trigRun
	trigJoin
)

// opChars are the bytes after a key name that make it an assignment: the
// key before them is searched for operator keywords. (Calls and blocks,
// NetworkCredential( and credentials {, have keywords that end in the
// bracket and anchor on it.)
const opChars = "=:>,|"

func isOpChar(c rune) bool { return c < 0x80 && strings.IndexByte(opChars, byte(c)) >= 0 }

// regionByte reports bytes that can be part of the key before an
// operator: a name, a dotted or dashed path, spaces (not tabs, which
// indent code), quotes, brackets, $, @, / and backslash (see byteClass).
func regionByte(c byte) bool { return byteClass[c]&clKey != 0 }

// maxRegion bounds the key searched before an operator: the keyword must
// start within this many bytes of it.
const maxRegion = 80

// mustContainOp reports whether every match of re contains an operator
// byte.
func mustContainOp(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if isOpChar(r) {
				return true
			}
		}
		return false
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return false
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if !isOpChar(r) {
					return false
				}
			}
		}
		return true
	case syntax.OpCapture, syntax.OpPlus:
		return mustContainOp(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min >= 1 && mustContainOp(re.Sub[0])
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if mustContainOp(s) {
				return true
			}
		}
		return false
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !mustContainOp(s) {
				return false
			}
		}
		return len(re.Sub) > 0
	}
	return false
}

// spaceOrQuote reports a class of white space and quotes only.
func spaceOrQuote(re *syntax.Regexp) bool {
	if re.Op != syntax.OpCharClass {
		return false
	}
	for i := 0; i+1 < len(re.Rune); i += 2 {
		for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
			switch r {
			case ' ', '\t', '\n', '\r', '\f', '\v', '"', '\'', '`':
			default:
				return false
			}
		}
	}
	return true
}

// maxLenOp is maxLen where an unbounded run of white space or quotes
// counts 16 bytes (the key search skips that much before an operator) and
// a class counts one byte (the key search reads ASCII key bytes only;
// (?i) adds non-ASCII folds such as U+017F to classes).
func maxLenOp(re *syntax.Regexp) int {
	return longest(re, func(re *syntax.Regexp) int {
		if re.Op == syntax.OpLiteral {
			return leafBytes(re)
		}
		return 1
	}, func(sub *syntax.Regexp) int {
		if spaceOrQuote(sub) {
			return 16
		}
		return -1
	})
}

// opDistanceFor is opDistance for the matches that start with keyword
// kw: leading alternatives that cannot start with kw are left out.
func opDistanceFor(re *syntax.Regexp, kw string) int {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	var lead *syntax.Regexp
	var rest []*syntax.Regexp
	switch re.Op {
	case syntax.OpAlternate:
		lead = re
	case syntax.OpConcat:
		i := 0
		for i < len(re.Sub) && isAssertion(re.Sub[i]) {
			i++
		}
		if i < len(re.Sub) {
			l := re.Sub[i]
			for l.Op == syntax.OpCapture {
				l = l.Sub[0]
			}
			if l.Op == syntax.OpAlternate {
				lead, rest = l, re.Sub[i+1:]
			}
		}
	}
	if lead == nil {
		return opDistanceKw(re, kw, "", 0)
	}
	m, any := 0, false
	for _, b := range lead.Sub {
		if ps, _, ok := prefixes(b); ok {
			starts := false
			for _, p := range ps {
				lp := lowerLit(p)
				if strings.HasPrefix(lp, kw) || strings.HasPrefix(kw, lp) {
					starts = true
				}
			}
			if !starts {
				continue
			}
		}
		branch := &syntax.Regexp{Op: syntax.OpConcat, Sub: append([]*syntax.Regexp{b}, rest...)}
		n := opDistanceKw(branch, kw, "", 0)
		if n < 0 {
			return -1
		}
		m, any = max(m, n), true
	}
	if !any {
		return -1
	}
	return m
}

// flatten lists the elements of nested concatenations (and captures of
// them) in order.
func flatten(re *syntax.Regexp, out []*syntax.Regexp) []*syntax.Regexp {
	switch {
	case re.Op == syntax.OpConcat:
		for _, s := range re.Sub {
			out = flatten(s, out)
		}
	case re.Op == syntax.OpCapture && re.Sub[0].Op == syntax.OpConcat:
		out = flatten(re.Sub[0], out)
	default:
		out = append(out, re)
	}
	return out
}

// compatible reports whether a match that has consumed the literal
// consumed can go on through branch b and still spell keyword kw (true
// when that cannot be told).
func compatible(b *syntax.Regexp, kw, consumed string) bool {
	if kw == "" || !strings.HasPrefix(kw, consumed) && !strings.HasPrefix(consumed, kw) {
		return true
	}
	if strings.HasPrefix(consumed, kw) {
		return true
	}
	ps, _, ok := prefixes(b)
	if !ok {
		return true
	}
	for _, p := range ps {
		full := consumed + lowerLit(p)
		if strings.HasPrefix(full, kw) || strings.HasPrefix(kw, full) {
			return true
		}
	}
	return false
}

func isAssertion(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	return false
}

// opDistanceKw returns how far from the start of a match of re an
// operator byte must have occurred (the end of the first element that
// must contain one), or -1 when a match need not contain one within a
// bounded distance. consumed is the literal text the match has so far;
// while it is a prefix of the keyword kw, alternatives that cannot go on
// to spell kw are left out (the parser factors "nytimes|newyorktimes" into
// "n(?:ytimes|ewyorktimes)").
func opDistanceKw(re *syntax.Regexp, kw, consumed string, base int) int {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op == syntax.OpAlternate {
		re = &syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{re}}
	}
	re = &syntax.Regexp{Op: syntax.OpConcat, Sub: flatten(re, nil)}
	dist := base
	for i, s := range re.Sub {
		if s.Op == syntax.OpLiteral {
			// A literal with an operator in it: the key is the part
			// before the operator ("... to installation:").
			for j, r := range s.Rune {
				if isOpChar(r) {
					if dist+j < len(kw) {
						return -1
					}
					return dist + j + 1
				}
			}
		}
		if s.Op == syntax.OpAlternate || s.Op == syntax.OpCapture && s.Sub[0].Op == syntax.OpAlternate {
			// Distribute the rest over the branches.
			alt := s
			if alt.Op == syntax.OpCapture {
				alt = alt.Sub[0]
			}
			m, any := 0, false
			for _, b := range alt.Sub {
				if !compatible(b, kw, consumed) {
					continue
				}
				rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: append([]*syntax.Regexp{b}, re.Sub[i+1:]...)}
				n := opDistanceKw(rest, kw, consumed, dist)
				if n < 0 {
					return -1
				}
				m, any = max(m, n), true
			}
			if !any {
				return -1
			}
			return m
		}
		if s.Op == syntax.OpLiteral && consumed != "" || s.Op == syntax.OpLiteral && dist == 0 {
			consumed += strings.ToLower(string(s.Rune))
		} else if !isAssertion(s) {
			consumed = "\x00" // no longer within the keyword
		}
		if mustContainOp(s) {
			n := maxLenOp(s)
			if n < 0 || dist < len(kw) {
				return -1 // the keyword cannot be before the operator
			}
			return dist + n
		}
		n := maxLenOp(s)
		if n < 0 || !keyOnly(s) {
			return -1 // the operator could be far, or before the keyword
		}
		dist += n
	}
	return -1
}

// keyOnly reports whether every byte re can match is a key byte (see
// regionByte) or white space: the part of a match before its operator,
// where the keyword has to be for the key search to find it.
func keyOnly(re *syntax.Regexp) bool {
	ok := func(r rune) bool {
		return r >= 0x80 || regionByte(byte(r)) || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
	}
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if !ok(r) {
				return false
			}
		}
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			hi := re.Rune[i+1]
			if hi > 0x7f {
				hi = 0x7f
			}
			for r := re.Rune[i]; r <= hi; r++ {
				if !ok(r) {
					return false
				}
			}
		}
		return true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return true // a wildcard separator (MailchimpSDK.initialize): taken as a key byte
	}
	for _, sub := range re.Sub {
		if !keyOnly(sub) {
			return false
		}
	}
	return true
}

// How a keyword is found.
const (
	findAnchor   = iota // through its rarest byte (trigAnchor)
	findOp              // in the key before an operator or a quote
	findLine            // at the start of a line
	findRun             // at the start of an alphanumeric run that holds a digit
	findFallback        // through a common letter: slow, kept out by TestKeywordClasses
)

// lineKeywords are found only at the start of a line: the rules they
// trigger have no rare byte and no operator, and the format puts them
// first on a line (.netrc; the user line of an ftp script; Oracle tools;
// network device configurations).
var lineKeywords = map[string]bool{"machine": true, "user ": true,
	"sqlplus ": true, "expdp ": true, "impdp ": true, "rman ": true, "sqlldr ": true, "dgmgrl ": true,
	"enable secret": true, "enable password": true, "username ": true, "snmp-server community ": true,
	"set psksecret": true, "set password": true, "set passwd": true, "set snmp community ": true, "key 0 ": true, "key 7 ": true}

// opScanKeywords are the assignment scanner's keywords that are found in
// the key before an operator (password = ..., "api_key": ...); its other
// keywords ("--" for --password value) are anchored.
var opScanKeywords = func() map[string]bool {
	m := map[string]bool{"pass": true, "pwd": true, "pw": true, "psk": true, "secret": true, "token": true, "key": true, "auth": true, "cred": true}
	for _, w := range foreignPasswordNames {
		m[w] = true
	}
	return m
}()

// rtNode is a node of the reverse trie of keyword prefixes: the bytes
// before an anchor, read backwards.
type rtNode struct {
	edge0, nedge int32 // children in triggers.edges, sorted by byte
	end0, nend   int32 // keywords whose prefix ends here, in triggers.ends
}

type rtEdge struct {
	b    byte
	node int32
}

type rtEnd struct {
	kw     int32
	post   string // the keyword after the anchor byte, compared forwards
	preLen int32
}

type lineKW struct {
	kw  int32
	lit string
}

// triggers is what a Detector scans with.
type triggers struct {
	table [256]uint8
	any   [256]uint8      // 1 where table is not 0
	pairs *[1 << 16]uint8 // byte pair (little endian) -> any of the first | any of the second << 1
	// gate[prev<<8|c] is 0 when trigger byte c after byte prev can do
	// nothing (see triggerAt).
	gate *[1 << 16]uint8 // gateWork | gateJoin
	root [256]int32      // anchor byte -> reverse trie node, -1 for none
	// prev[c] holds the (lower-case) bytes that can come just before
	// anchor c in a keyword; rootEnds[c] says a keyword starts at c.
	prev     [256]byteSet
	rootEnds [256]bool
	// rootNext[c] holds the (lower-case) bytes that can follow anchor c
	// in the keywords that start at c.
	rootNext [256]byteSet
	// prev2 is a bloom filter of (anchor, byte before, byte before that)
	// over the anchored keywords, folded: it sends most anchors back
	// after two byte compares.
	prev2 [1 << 16 / 64]uint64
	nodes []rtNode
	edges []rtEdge
	ends  []rtEnd
	ctx   *acMatcher // op keywords, run over the key before an operator
	ctxKw []int32    // ctx pattern id -> keyword id
	line  []lineKW
	// lineFirst marks the first bytes of the line keywords.
	lineFirst [256]bool
	run       []lineKW // keywords that start an alphanumeric token (dapi..., cio...)
	// runFirst holds the first bytes of the run keywords.
	runFirst byteSet
	class    []uint8 // keyword id -> find*
	// anchor[kw] is the anchor byte index for findAnchor keywords.
	anchor []int
}

// anchorBytes returns the trigger bytes for position a of keyword kw
// (lower case): the byte itself for a non-letter; for a letter the cases
// that the linked rules accept there.
func anchorBytes(kw string, a int, rules []*rule) []byte {
	c := kw[a]
	if !isLetter(c) {
		return []byte{c}
	}
	lo, up := false, false
	for _, r := range rules {
		if ex, ok := r.exactCase[kw]; ok {
			if ex[a] == c {
				lo = true
			} else {
				up = true
			}
			continue
		}
		if !r.anchoredFor(kw) {
			lo, up = true, true
			break
		}
		for _, p := range r.prefixes {
			if len(p) <= a || !strings.HasPrefix(lowerLit(p), kw[:a+1]) {
				continue
			}
			if p[a].fold {
				lo, up = true, true
			} else if p[a].b == c {
				lo = true
			} else {
				up = true
			}
		}
	}
	var out []byte
	if lo {
		out = append(out, c)
	}
	if up {
		out = append(out, c-('a'-'A'))
	}
	return out
}

type anchorOption struct {
	a  int
	bs []byte
}

// anchorOptions lists the positions of kw rare enough to anchor on, with
// their trigger bytes.
func anchorOptions(kw string, rules []*rule) []anchorOption {
	var out []anchorOption
	for a := 0; a < len(kw); a++ {
		if kw[a] == ' ' {
			continue
		}
		bs := anchorBytes(kw, a, rules)
		cost := 0
		for _, b := range bs {
			cost += englishFreqOf(b)
		}
		limit := maxAnchorCostPunct
		if isLetter(kw[a]) {
			limit = maxAnchorCostLetter
		}
		if len(bs) > 0 && cost <= limit {
			out = append(out, anchorOption{a, bs})
		}
	}
	return out
}

// runKeyword reports a letters-only keyword that every linked rule needs
// at the start of its match (dapi..., cio...): it is found at the start of
// the alphanumeric run around a digit.
func runKeyword(kw string, rules []*rule) bool {
	for i := 0; i < len(kw); i++ {
		if !isLetter(kw[i]) {
			return false
		}
	}
	for _, r := range rules {
		if !r.anchoredFor(kw) {
			return false
		}
	}
	return true
}

// chooseAnchor returns the cheapest anchor position of kw and its
// trigger bytes, or -1 when no byte is rare enough. Bytes in used (other
// keywords' anchors) cost nothing extra and win ties.
func chooseAnchor(kw string, rules []*rule, used map[byte]int, fallback bool) (int, []byte) {
	best, bestCost, bestMarginal := -1, 1<<30, 1<<30
	var bestBytes []byte
	for a := 0; a < len(kw); a++ {
		if kw[a] == ' ' {
			continue
		}
		bs := anchorBytes(kw, a, rules)
		if len(bs) == 0 {
			continue
		}
		cost, marginal := 0, 0
		for _, b := range bs {
			cost += englishFreqOf(b)
			if used[b] == 0 {
				marginal += englishFreqOf(b)
			}
		}
		limit := maxAnchorCostPunct
		if isLetter(kw[a]) {
			limit = maxAnchorCostLetter
		}
		if (cost <= limit || fallback) && (marginal < bestMarginal || marginal == bestMarginal && cost < bestCost) {
			best, bestCost, bestMarginal, bestBytes = a, cost, marginal, bs
		}
	}
	return best, bestBytes
}

// buildTriggers classifies the keywords and builds the tables. links[k]
// are keyword k's rule links; opShaped[k] says every rule it triggers
// needs an operator after it.
func buildTriggers(kws []string, rulesOf [][]*rule, opShaped []bool) (*triggers, error) {
	t := &triggers{class: make([]uint8, len(kws)), anchor: make([]int, len(kws))}
	for i := range t.root {
		t.root[i] = -1
	}
	type tnode struct {
		next map[byte]int
		ends []rtEnd
	}
	var nodes []tnode
	newNode := func() int {
		nodes = append(nodes, tnode{next: map[byte]int{}})
		return len(nodes) - 1
	}
	rootOf := map[byte]int{}
	var ctxPats []string
	type anchorChoice struct {
		k, a int
		bs   []byte
	}
	var anchorSet []anchorChoice
	var pending []int
	for k, kw := range kws {
		t.anchor[k] = -1
		switch {
		case lineKeywords[kw]:
			t.class[k] = findLine
			t.line = append(t.line, lineKW{kw: int32(k), lit: kw})
			t.lineFirst[kw[0]] = true
			continue
		case opShaped[k]:
			t.class[k] = findOp
			t.ctxKw = append(t.ctxKw, int32(k))
			ctxPats = append(ctxPats, kw)
			continue
		}
		if a, _ := chooseAnchor(kw, rulesOf[k], nil, false); a < 0 && runKeyword(kw, rulesOf[k]) {
			t.class[k] = findRun
			t.run = append(t.run, lineKW{kw: int32(k), lit: kw})
			t.runFirst.add(kw[0])
			continue
		}
		t.class[k] = findAnchor
		pending = append(pending, k)
	}
	// Choose anchors by weighted set cover: repeatedly take the trigger
	// byte set that anchors the most remaining keywords per unit of
	// English frequency added (an upper-case A anchors AKIA, ASIA, AIDA,
	// AROA... at once).
	opts := map[int][]anchorOption{}
	byBytes := map[string][]int{} // trigger byte set -> keywords that can anchor on it
	var keys []string
	for _, k := range pending {
		opts[k] = anchorOptions(kws[k], rulesOf[k])
		for _, o := range opts[k] {
			key := string(o.bs)
			if _, ok := byBytes[key]; !ok {
				keys = append(keys, key)
			}
			byBytes[key] = append(byBytes[key], k)
		}
	}
	chosen := map[byte]bool{}
	done := map[int]bool{}
	for {
		bestRatio, bestKey := -1.0, ""
		for _, key := range keys {
			n := 0
			for _, k := range byBytes[key] {
				if !done[k] {
					n++
				}
			}
			if n == 0 {
				continue
			}
			cost := 0
			for i := 0; i < len(key); i++ {
				if !chosen[key[i]] {
					cost += englishFreqOf(key[i])
				}
			}
			ratio := float64(cost) / float64(n)
			if bestRatio < 0 || ratio < bestRatio || ratio == bestRatio && len(key) < len(bestKey) {
				bestRatio, bestKey = ratio, key
			}
		}
		if bestRatio < 0 {
			break
		}
		for i := 0; i < len(bestKey); i++ {
			chosen[bestKey[i]] = true
		}
		for _, k := range byBytes[bestKey] {
			if done[k] {
				continue
			}
			for _, o := range opts[k] {
				if string(o.bs) == bestKey {
					t.anchor[k] = o.a
					anchorSet = append(anchorSet, anchorChoice{k, o.a, o.bs})
					done[k] = true
					break
				}
			}
		}
	}
	for _, k := range pending {
		if !done[k] {
			// No byte rare enough: anchor on the cheapest letter (slow).
			a, bs := chooseAnchor(kws[k], rulesOf[k], nil, true)
			t.class[k] = findFallback
			t.anchor[k] = a
			anchorSet = append(anchorSet, anchorChoice{k, a, bs})
		}
	}
	for _, ac := range anchorSet {
		k, kw, a, bs := ac.k, kws[ac.k], ac.a, ac.bs
		for _, b := range bs {
			r, ok := rootOf[b]
			if !ok {
				r = newNode()
				rootOf[b] = r
			}
			n := r
			for j := a - 1; j >= 0; j-- {
				c := kw[j]
				nx, ok := nodes[n].next[c]
				if !ok {
					nx = newNode()
					nodes[n].next[c] = nx
				}
				n = nx
			}
			nodes[n].ends = append(nodes[n].ends, rtEnd{kw: int32(k), post: kw[a+1:], preLen: int32(a)})
			t.table[b] |= trigAnchor
		}
	}
	// Flatten the trie.
	t.nodes = make([]rtNode, len(nodes))
	for i, n := range nodes {
		var bs []byte
		for b := range n.next {
			bs = append(bs, b)
		}
		slicesSortBytes(bs)
		t.nodes[i].edge0, t.nodes[i].nedge = int32(len(t.edges)), int32(len(bs))
		for _, b := range bs {
			t.edges = append(t.edges, rtEdge{b: b, node: int32(n.next[b])})
		}
		t.nodes[i].end0, t.nodes[i].nend = int32(len(t.ends)), int32(len(n.ends))
		t.ends = append(t.ends, n.ends...)
	}
	for _, ac := range anchorSet {
		kw, a := kws[ac.k], ac.a
		for _, b := range ac.bs {
			switch {
			case a >= 2:
				t.addPrev2(b, kw[a-1], kw[a-2])
			case a == 1:
				for c := 0; c < 256; c++ {
					t.addPrev2(b, kw[0], byte(c))
				}
			}
		}
	}
	for b, r := range rootOf {
		t.root[b] = int32(r)
		t.rootEnds[b] = len(nodes[r].ends) > 0
		for _, e := range nodes[r].ends {
			if e.post == "" {
				t.rootNext[b] = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
				break
			}
			t.rootNext[b].add(e.post[0])
		}
		for c := range nodes[r].next {
			t.prev[b].add(c)
			t.prev[b].add(upperASCII(c))
		}
	}
	ctx, err := newACMatcher(ctxPats)
	if err != nil {
		return nil, err
	}
	t.ctx = ctx
	for _, c := range opChars {
		t.table[c] |= trigOp
	}
	for _, c := range "\"'`" {
		t.table[c] |= trigQuote
	}
	if len(t.line) > 0 {
		t.table['\n'] |= trigLine
	}
	if len(t.run) > 0 {
		for c := '0'; c <= '9'; c++ {
			t.table[c] |= trigRun
		}
	}
	// The join hook (passphrases in prose) runs at '-' and '_' after a
	// letter. Not at '.', which ends most sentences: a tenth more scan
	// time on prose for passphrases joined by dots.
	t.table['-'] |= trigJoin
	t.table['_'] |= trigJoin
	for c := range t.table {
		if t.table[c] != 0 {
			t.any[c] = 1
		}
	}
	t.gate = new([1 << 16]uint8)
	for prev := 0; prev < 256; prev++ {
		for c := 0; c < 256; c++ {
			k, p := t.table[c], byte(prev)
			ok := k&(trigLine|trigRun) != 0 ||
				k&trigAnchor != 0 && (t.rootEnds[c] || t.prev[c].has(p) || prev == 0) ||
				k&trigOp != 0 && t.table[p]&trigOp == 0 ||
				k&trigQuote != 0 && (p == ' ' || p == '\t')
			if ok {
				t.gate[prev<<8|c] = gateWork
			}
			if k&trigJoin != 0 && isLetter(p) {
				t.gate[prev<<8|c] |= gateJoin
			}
		}
	}
	t.pairs = new([1 << 16]uint8)
	for w := range t.pairs {
		t.pairs[w] = t.any[w&0xff] | t.any[w>>8]<<1
	}
	return t, nil
}

func prev2Hash(anchor, p1, p2 byte) uint32 {
	x := uint32(anchor) | uint32(p1|0x20)<<8 | uint32(p2|0x20)<<16
	return (x * 0x9E3779B1) >> 16
}

func (t *triggers) addPrev2(anchor, p1, p2 byte) {
	h := prev2Hash(anchor, p1, p2)
	t.prev2[h>>6] |= 1 << (h & 63)
}

// mayPrecede reports whether the two bytes before an anchor c at
// text[p] can belong to a keyword anchored on c (false positives
// possible, no false negatives).
func (t *triggers) mayPrecede(text string, p int, c byte) bool {
	if p == 0 || !t.prev[c].has(text[p-1]) {
		return false
	}
	if p == 1 {
		return true
	}
	h := prev2Hash(c, text[p-1], text[p-2])
	return t.prev2[h>>6]&(1<<(h&63)) != 0
}

func slicesSortBytes(b []byte) {
	for i := 1; i < len(b); i++ {
		for j := i; j > 0 && b[j] < b[j-1]; j-- {
			b[j], b[j-1] = b[j-1], b[j]
		}
	}
}
