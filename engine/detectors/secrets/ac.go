package secrets

import "fmt"

// acMatcher is an Aho-Corasick automaton compiled to a dense DFA over byte
// equivalence classes. Matching is ASCII case-insensitive: patterns are
// lower-cased when built and the class table maps 'A'-'Z' to the classes
// of 'a'-'z'. Every byte that appears in no pattern shares class 0, so the
// table stays small (states x classes uint16 entries).
//
// Each transition entry holds the next state in its low 15 bits and, in
// bit 15, whether that state ends at least one pattern. The scan loop is
// one table load per input byte and only leaves the loop on a match.
type acMatcher struct {
	class   [256]uint8
	nclass  int
	shift   uint     // row width is 1<<shift >= nclass
	delta   []uint16 // state<<shift | class -> next state | acOut
	outIdx  []int32  // state -> start in outs; outIdx[s+1] is the end
	outs    []int32  // pattern ids
	patLen  []int32  // pattern id -> length in bytes
	maxPat  int      // longest pattern
	nstates int
}

const (
	acOut      = 0x8000
	acStateMsk = 0x7fff
)

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + ('a' - 'A')
	}
	return b
}

// newACMatcher builds the automaton. Empty patterns are ignored.
func newACMatcher(patterns []string) (*acMatcher, error) {
	m := &acMatcher{patLen: make([]int32, len(patterns))}
	// Byte classes.
	var used [256]bool
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			used[lowerASCII(p[i])] = true
		}
	}
	n := 1
	for b := 0; b < 256; b++ {
		if used[b] {
			if n > 255 {
				return nil, fmt.Errorf("secrets: too many byte classes")
			}
			m.class[b] = uint8(n)
			n++
		}
	}
	for b := 'A'; b <= 'Z'; b++ {
		m.class[b] = m.class[b+('a'-'A')]
	}
	m.nclass = n
	for 1<<m.shift < n {
		m.shift++
	}

	// Trie.
	type node struct {
		next map[uint8]int32
		out  []int32
		fail int32
	}
	nodes := []node{{next: map[uint8]int32{}}}
	for id, p := range patterns {
		m.patLen[id] = int32(len(p))
		m.maxPat = max(m.maxPat, len(p))
		if p == "" {
			continue
		}
		s := int32(0)
		for i := 0; i < len(p); i++ {
			c := m.class[lowerASCII(p[i])]
			nx, ok := nodes[s].next[c]
			if !ok {
				nx = int32(len(nodes))
				nodes = append(nodes, node{next: map[uint8]int32{}})
				nodes[s].next[c] = nx
			}
			s = nx
		}
		nodes[s].out = append(nodes[s].out, int32(id))
	}
	if len(nodes) > acStateMsk {
		return nil, fmt.Errorf("secrets: keyword automaton has %d states, limit %d", len(nodes), acStateMsk)
	}
	m.nstates = len(nodes)
	m.delta = make([]uint16, len(nodes)<<m.shift)

	// BFS: failure links and full transitions.
	queue := make([]int32, 0, len(nodes))
	for c := 0; c < n; c++ {
		if nx, ok := nodes[0].next[uint8(c)]; ok {
			nodes[nx].fail = 0
			queue = append(queue, nx)
			m.delta[c] = uint16(nx)
		}
	}
	sh := m.shift
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		f := nodes[s].fail
		nodes[s].out = append(nodes[s].out, nodes[f].out...)
		for c := 0; c < n; c++ {
			if nx, ok := nodes[s].next[uint8(c)]; ok {
				nodes[nx].fail = int32(m.delta[int(f)<<sh|c] & acStateMsk)
				queue = append(queue, nx)
				m.delta[int(s)<<sh|c] = uint16(nx)
			} else {
				m.delta[int(s)<<sh|c] = m.delta[int(f)<<sh|c] & acStateMsk
			}
		}
	}
	m.outIdx = make([]int32, len(nodes)+1)
	for s := range nodes {
		m.outIdx[s] = int32(len(m.outs))
		m.outs = append(m.outs, nodes[s].out...)
	}
	m.outIdx[len(nodes)] = int32(len(m.outs))
	for i, t := range m.delta {
		if len(nodes[t&acStateMsk].out) > 0 {
			m.delta[i] = t | acOut
		}
	}
	return m, nil
}

// next advances from state s over text[i:] and stops just after the first
// byte that lands in a state with outputs. It returns the position after
// that byte and the state, or -1 and the final state when text ends.
func (m *acMatcher) next(text string, i int, s int) (int, int) {
	delta, sh, cls := m.delta, m.shift, &m.class
	// Unrolled by four: most bytes leave no output.
	for ; i+3 < len(text); i += 4 {
		t := delta[s<<sh|int(cls[text[i]])]
		if t&acOut != 0 {
			return i + 1, int(t & acStateMsk)
		}
		t = delta[int(t)<<sh|int(cls[text[i+1]])]
		if t&acOut != 0 {
			return i + 2, int(t & acStateMsk)
		}
		t = delta[int(t)<<sh|int(cls[text[i+2]])]
		if t&acOut != 0 {
			return i + 3, int(t & acStateMsk)
		}
		t = delta[int(t)<<sh|int(cls[text[i+3]])]
		if t&acOut != 0 {
			return i + 4, int(t & acStateMsk)
		}
		s = int(t)
	}
	for ; i < len(text); i++ {
		t := delta[s<<sh|int(cls[text[i]])]
		s = int(t & acStateMsk)
		if t&acOut != 0 {
			return i + 1, s
		}
	}
	return -1, s
}

// outputs returns the ids of the patterns that end in state s.
func (m *acMatcher) outputs(s int) []int32 {
	return m.outs[m.outIdx[s]:m.outIdx[s+1]]
}
