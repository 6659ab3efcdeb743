package injection

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// acMatcher is an Aho-Corasick automaton over bytes, compiled to a dense
// DFA over byte classes. It reports every keyword occurrence in one pass.
type acMatcher struct {
	class  [256]uint16
	nClass int
	// trans[row+class] is the next state's row (state*nClass), with
	// outFlag set when that state has outputs.
	trans  []uint32
	outOff []int32 // outputs of state s: outs[outOff[s]:outOff[s+1]]
	outs   []int32 // keyword ids
	kwLen  []int32
	ids    []int32 // local keyword index -> caller's keyword id
	kwLeft []bool  // keyword needs a word boundary before it
	kwRite []bool  // keyword needs a word boundary after it
	kwStem []bool  // keyword is a stem: its match extends to the end of the word
}

// acEvent is one keyword occurrence [start, end) in the scanned bytes.
type acEvent struct {
	kw         int32
	start, end int32
}

// boundaryRune reports whether a rune takes part in word boundaries.
// Han, kana and Hangul are written without spaces inside phrases, so
// keywords in those scripts match anywhere.
func boundaryRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r == '_'
	}
	if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return false
	}
	return !(unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}

// newACMatcher compiles normalised keywords; ids[i] is the id reported for
// keywords[i]. A keyword ending in '*' is a stem: it needs no boundary
// after it.
func newACMatcher(keywords []string, ids []int32) *acMatcher {
	m := &acMatcher{ids: ids}
	type node struct {
		next map[byte]int32
		fail int32
		out  []int32
	}
	nodes := []node{{next: map[byte]int32{}}}
	used := [256]bool{}
	for id, kw := range keywords {
		stem := len(kw) > 1 && kw[len(kw)-1] == '*'
		if stem {
			kw = kw[:len(kw)-1]
		}
		first, _ := utf8.DecodeRuneInString(kw)
		last, _ := utf8.DecodeLastRuneInString(kw)
		m.kwLen = append(m.kwLen, int32(len(kw)))
		// An @-mention ("@coding-agent") needs no word character
		// before it, as a word does: "team@ai.example" is an address.
		m.kwLeft = append(m.kwLeft, boundaryRune(first) || first == '@')
		m.kwRite = append(m.kwRite, !stem && boundaryRune(last))
		m.kwStem = append(m.kwStem, stem && boundaryRune(last))
		s := int32(0)
		for i := 0; i < len(kw); i++ {
			c := kw[i]
			used[c] = true
			nx, ok := nodes[s].next[c]
			if !ok {
				nx = int32(len(nodes))
				nodes = append(nodes, node{next: map[byte]int32{}})
				nodes[s].next[c] = nx
			}
			s = nx
		}
		nodes[s].out = append(nodes[s].out, int32(id))
	}
	m.nClass = 1
	for c := 0; c < 256; c++ {
		if used[c] {
			m.class[c] = uint16(m.nClass)
			m.nClass++
		}
	}
	n := len(nodes)
	if n*m.nClass >= outFlag {
		panic("injection: keyword automaton too large")
	}
	st := make([]int32, n*m.nClass) // state transitions while building
	// BFS: fail links and full transitions.
	queue := make([]int32, 0, n)
	var keys []byte
	for c := 0; c < 256; c++ {
		if nx, ok := nodes[0].next[byte(c)]; ok {
			nodes[nx].fail = 0
			queue = append(queue, nx)
			st[int(m.class[c])] = nx
		}
	}
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		f := nodes[s].fail
		nodes[s].out = append(nodes[s].out, nodes[f].out...)
		// default transitions: inherit from fail state (already complete,
		// since BFS processes shallower states first)
		copy(st[int(s)*m.nClass:int(s+1)*m.nClass], st[int(f)*m.nClass:int(f+1)*m.nClass])
		// the node's own edges, in byte order (a node has a few; looking
		// up all 256 bytes in each node's map was most of the build time)
		keys = keys[:0]
		for c := range nodes[s].next {
			keys = append(keys, c)
		}
		slices.Sort(keys)
		for _, c := range keys {
			nx := nodes[s].next[c]
			nodes[nx].fail = st[int(f)*m.nClass+int(m.class[c])]
			st[int(s)*m.nClass+int(m.class[c])] = nx
			queue = append(queue, nx)
		}
	}
	m.outOff = make([]int32, n+1)
	for s := 0; s < n; s++ {
		m.outOff[s] = int32(len(m.outs))
		m.outs = append(m.outs, nodes[s].out...)
	}
	m.outOff[n] = int32(len(m.outs))
	m.trans = make([]uint32, len(st))
	for i, nx := range st {
		v := uint32(int(nx) * m.nClass)
		if len(nodes[nx].out) > 0 {
			v |= outFlag
		}
		m.trans[i] = v
	}
	return m
}

const outFlag = 1 << 31

// scan appends every keyword occurrence in b that respects its word
// boundaries to ev, in order of end offset.
func (m *acMatcher) scan(b []byte, ev []acEvent) []acEvent {
	if m == nil {
		return ev
	}
	row := uint32(0)
	nc := uint32(m.nClass)
	trans, class, outOff := m.trans, &m.class, m.outOff
	for i := 0; i < len(b); i++ {
		t := trans[row+uint32(class[b[i]])]
		row = t &^ outFlag
		if t&outFlag != 0 {
			s := row / nc
			o, e := outOff[s], outOff[s+1]
			end := int32(i + 1)
			for _, kw := range m.outs[o:e] {
				start := end - m.kwLen[kw]
				if m.kwLeft[kw] && start > 0 {
					if r, _ := utf8.DecodeLastRune(b[:start]); boundaryRune(r) {
						continue
					}
				}
				if m.kwRite[kw] && int(end) < len(b) {
					if r, _ := utf8.DecodeRune(b[end:]); boundaryRune(r) {
						continue
					}
				}
				e := end
				if m.kwStem[kw] {
					for int(e) < len(b) {
						r, size := utf8.DecodeRune(b[e:])
						if !boundaryRune(r) {
							break
						}
						e += int32(size)
					}
				}
				ev = append(ev, acEvent{kw: m.ids[kw], start: start, end: e})
			}
		}
	}
	return ev
}
