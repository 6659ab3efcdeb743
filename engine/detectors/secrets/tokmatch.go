package secrets

import (
	"regexp/syntax"
	"unicode/utf8"
)

// A hand-compiled matcher for the common shape of token rules,
//
//	\b? ( literal | class{m,n} )... ( terminator | \b | nothing )
//
// with one capture group around a run of the items (\b(ghp_[0-9a-zA-Z]{36}),
// \b(sk-[a-f0-9]{32})(?:[^A-Za-z0-9_\-]|$) ...). It runs in one pass at a
// keyword hit, without the regexp engine's per-call setup, which for a
// counted repeat ({93}, {40,200}) means clearing a bitmap of program size
// times window length. It is only built when greedy matching gives the
// regexp's answer: a class run is followed by something that cannot start
// with a byte of its class, or has a fixed count. Where the text holds a
// non-ASCII byte that a class might match as part of a rune, it defers to
// the regexp.

type byteSet [4]uint64

func (s *byteSet) has(c byte) bool { return s[c>>6]&(1<<(c&63)) != 0 }
func (s *byteSet) add(c byte)      { s[c>>6] |= 1 << (c & 63) }
func (s *byteSet) intersects(o *byteSet) bool {
	return s[0]&o[0] != 0 || s[1]&o[1] != 0 || s[2]&o[2] != 0 || s[3]&o[3] != 0
}

type tokItem struct {
	alt      [][]tokItem // alternatives (fixed length, distinct first bytes)
	lit      string      // literal, lower case when fold
	fold     bool
	class    byteSet
	nonASCII bool // the class also matches non-ASCII runes
	min, max int  // class repeat counts; max < 0: unbounded
}

type tokMatcher struct {
	wordStart bool
	items     []tokItem
	capFrom   int // items[capFrom:capTo] are the capture group (capTo 0: no group)
	capTo     int
	// tail after the items
	tailWB    bool    // \b
	tailClass byteSet // a byte in this class,
	tailEnd   bool    // or the end of the text,
	tailEscNR bool    // or a backslash and a byte of tailEsc
	tailEsc   byteSet
	// or a byte of tailPunct (sentence punctuation) followed by a byte of
	// tailPunctNext or, when tailPunctEnd, the end of the text
	tailPunct     byteSet
	tailPunctNext byteSet
	tailPunctEnd  bool
	// tailNonASCII: the tail class holds every rune >= 0x80 ([^...]).
	tailNonASCII bool
	hasTail      bool
}

func classSet(re *syntax.Regexp) (byteSet, bool) {
	var s byteSet
	non := false
	for i := 0; i+1 < len(re.Rune); i += 2 {
		lo, hi := re.Rune[i], re.Rune[i+1]
		if hi >= 0x80 {
			non = true
			if lo >= 0x80 {
				continue
			}
			hi = 0x7f
		}
		for r := lo; r <= hi; r++ {
			s.add(byte(r))
		}
	}
	return s, non
}

// compileTok builds a tokMatcher for re, or returns nil.
func compileTok(re *syntax.Regexp) *tokMatcher {
	tm := &tokMatcher{}
	seq := flattenKeepCaptures(re, nil)
	i := 0
	if i < len(seq) && seq[i].Op == syntax.OpWordBoundary {
		tm.wordStart = true
		i++
	}
	captured := false
	addItems := func(elems []*syntax.Regexp) bool {
		for _, e := range elems {
			switch e.Op {
			case syntax.OpLiteral:
				lit := make([]byte, 0, len(e.Rune))
				for _, r := range e.Rune {
					if r >= 0x80 {
						return false
					}
					lit = append(lit, byte(r))
				}
				fold := e.Flags&syntax.FoldCase != 0
				if fold {
					for j := range lit {
						lit[j] = lowerASCII(lit[j])
					}
				}
				tm.items = append(tm.items, tokItem{lit: string(lit), fold: fold})
			case syntax.OpCharClass:
				s, non := classSet(e)
				tm.items = append(tm.items, tokItem{class: s, nonASCII: non, min: 1, max: 1})
			case syntax.OpRepeat, syntax.OpPlus, syntax.OpStar:
				sub := e.Sub[0]
				if sub.Op != syntax.OpCharClass {
					return false
				}
				s, non := classSet(sub)
				it := tokItem{class: s, nonASCII: non}
				switch e.Op {
				case syntax.OpRepeat:
					it.min, it.max = e.Min, e.Max
				case syntax.OpPlus:
					it.min, it.max = 1, -1
				default:
					it.min, it.max = 0, -1
				}
				tm.items = append(tm.items, it)
			case syntax.OpAlternate:
				it, ok := altItem(e)
				if !ok {
					return false
				}
				tm.items = append(tm.items, it)
			default:
				return false
			}
		}
		return true
	}
	for ; i < len(seq); i++ {
		e := seq[i]
		if e.Op == syntax.OpCapture {
			if captured {
				return nil
			}
			captured = true
			tm.capFrom = len(tm.items)
			inner := flattenKeepCaptures(e.Sub[0], nil)
			if len(inner) > 0 && inner[0].Op == syntax.OpWordBoundary && len(tm.items) == 0 {
				tm.wordStart = true
				inner = inner[1:]
			}
			if !addItems(inner) {
				return nil
			}
			tm.capTo = len(tm.items)
			continue
		}
		if i == len(seq)-1 && !addItemsOnly(e) {
			// The tail: \b, or (?:class|\\[nr]|$).
			if !tm.setTail(e) {
				return nil
			}
			continue
		}
		if !addItems([]*syntax.Regexp{e}) {
			return nil
		}
	}
	if len(tm.items) == 0 || (captured && tm.capFrom == tm.capTo) {
		return nil
	}
	// Greedy runs must give the regexp's answer.
	for j, it := range tm.items {
		if it.alt != nil || it.lit != "" || it.min == it.max {
			continue
		}
		var next byteSet
		if j+1 < len(tm.items) && tm.items[j+1].alt == nil && tm.items[j+1].lit == "" &&
			tm.items[j+1].max < 0 && j+1 != tm.capFrom && j+1 != tm.capTo && superset(&tm.items[j+1].class, &it.class) {
			// A run then an unbounded run of a wider class ([0-9]{10,13}
			// [a-zA-Z0-9-]*): however the first stops, the second takes
			// the rest, so the end is the same.
			continue
		}
		if j+1 < len(tm.items) {
			n := tm.items[j+1]
			if n.alt != nil {
				next = n.class
			} else if n.lit != "" {
				next.add(n.lit[0])
				if n.fold {
					next.add(upperASCII(n.lit[0]))
				}
			} else {
				next = n.class
				if n.min == 0 {
					return nil
				}
			}
		} else if tm.hasTail {
			if tm.tailWB {
				// \b after a run: exact when the class is all word
				// bytes or all non-word bytes.
				w, nw := false, false
				for c := 0; c < 128; c++ {
					if it.class.has(byte(c)) {
						if isWordByte(byte(c)) {
							w = true
						} else {
							nw = true
						}
					}
				}
				if w && nw || it.nonASCII {
					return nil
				}
				continue
			}
			next = tm.tailClass
			if tm.tailEscNR {
				next.add('\\')
			}
			for k := range next {
				next[k] |= tm.tailPunct[k]
			}
		} else {
			continue // nothing after: greedy is fine (the leftmost match is the same)
		}
		if it.class.intersects(&next) {
			return nil
		}
	}
	return tm
}

// altItem compiles an alternation whose branches are fixed-length runs of
// literals and single classes with pairwise distinct first bytes, so that
// at most one branch can start at a position.
func altItem(e *syntax.Regexp) (tokItem, bool) {
	var it tokItem
	var firsts byteSet
	for _, b := range e.Sub {
		var seq []tokItem
		for _, x := range flatten(b, nil) {
			switch x.Op {
			case syntax.OpLiteral:
				fold := x.Flags&syntax.FoldCase != 0
				lit := make([]byte, 0, len(x.Rune))
				for _, r := range x.Rune {
					if r >= 0x80 {
						return it, false
					}
					c := byte(r)
					if fold {
						c = lowerASCII(c)
					}
					lit = append(lit, c)
				}
				seq = append(seq, tokItem{lit: string(lit), fold: fold})
			case syntax.OpCharClass:
				cs, non := classSet(x)
				seq = append(seq, tokItem{class: cs, nonASCII: non, min: 1, max: 1})
			case syntax.OpRepeat:
				if x.Min != x.Max || x.Sub[0].Op != syntax.OpCharClass {
					return it, false
				}
				cs, non := classSet(x.Sub[0])
				seq = append(seq, tokItem{class: cs, nonASCII: non, min: x.Min, max: x.Max})
			default:
				return it, false
			}
		}
		if len(seq) == 0 {
			return it, false
		}
		var f byteSet
		if seq[0].lit != "" {
			f.add(seq[0].lit[0])
			if seq[0].fold {
				f.add(upperASCII(seq[0].lit[0]))
			}
		} else {
			f = seq[0].class
		}
		if f.intersects(&firsts) {
			return it, false
		}
		for k := range f {
			firsts[k] |= f[k]
		}
		it.alt = append(it.alt, seq)
	}
	it.class = firsts // first bytes, for the greedy check of a run before
	return it, true
}

// matchSeq matches fixed items at text[pos:]; it returns the end, or -1.
func matchSeq(items []tokItem, text string, pos int) (int, bool) {
	for j := range items {
		it := &items[j]
		if it.lit != "" {
			if len(text)-pos < len(it.lit) {
				return -1, true
			}
			if it.fold {
				if !equalFold(text[pos:pos+len(it.lit)], it.lit) {
					return -1, true
				}
			} else if text[pos:pos+len(it.lit)] != it.lit {
				return -1, true
			}
			pos += len(it.lit)
			continue
		}
		for n := 0; n < it.min; n++ {
			if pos >= len(text) {
				return -1, true
			}
			c := text[pos]
			if c >= 0x80 {
				return -1, !it.nonASCII
			}
			if !it.class.has(c) {
				return -1, true
			}
			pos++
		}
	}
	return pos, true
}

// allNonASCII reports a class that holds every rune from 0x80 up.
func allNonASCII(re *syntax.Regexp) bool {
	r := re.Rune
	return len(r) >= 2 && r[len(r)-1] == 0x10ffff && r[len(r)-2] <= 0x80
}

func superset(a, b *byteSet) bool {
	return b[0]&^a[0] == 0 && b[1]&^a[1] == 0 && b[2]&^a[2] == 0 && b[3]&^a[3] == 0
}

// flattenKeepCaptures is flatten without descending into captures.
func flattenKeepCaptures(re *syntax.Regexp, out []*syntax.Regexp) []*syntax.Regexp {
	if re.Op == syntax.OpConcat {
		for _, s := range re.Sub {
			out = flattenKeepCaptures(s, out)
		}
		return out
	}
	return append(out, re)
}

// addItemsOnly reports whether e is an item (not a tail).
func addItemsOnly(e *syntax.Regexp) bool {
	switch e.Op {
	case syntax.OpLiteral, syntax.OpCharClass, syntax.OpRepeat, syntax.OpPlus, syntax.OpStar:
		return true
	}
	return false
}

func upperASCII(b byte) byte {
	if 'a' <= b && b <= 'z' {
		return b - ('a' - 'A')
	}
	return b
}

// setTail accepts \b or an alternation of a class, \\[nr] and $.
func (tm *tokMatcher) setTail(e *syntax.Regexp) bool {
	if e.Op == syntax.OpWordBoundary {
		tm.tailWB, tm.hasTail = true, true
		return true
	}
	if e.Op != syntax.OpAlternate {
		return false
	}
	for _, b := range e.Sub {
		switch b.Op {
		case syntax.OpCharClass:
			s, non := classSet(b)
			if non {
				if !allNonASCII(b) {
					return false
				}
				tm.tailNonASCII = true
			}
			for k := range s {
				tm.tailClass[k] |= s[k]
			}
		case syntax.OpEndText:
			tm.tailEnd = true
		case syntax.OpEndLine:
			return false
		case syntax.OpConcat:
			if len(b.Sub) == 2 && b.Sub[0].Op == syntax.OpCharClass && tm.setPunct(b.Sub[0], b.Sub[1]) {
				continue
			}
			// \\[nr]
			if len(b.Sub) != 2 || b.Sub[0].Op != syntax.OpLiteral || string(b.Sub[0].Rune) != `\` || b.Sub[1].Op != syntax.OpCharClass {
				return false
			}
			s, _ := classSet(b.Sub[1])
			var nr byteSet
			nr.add('n')
			nr.add('r')
			nr.add('N')
			nr.add('R')
			for k := range s {
				if s[k]&^nr[k] != 0 {
					return false
				}
				tm.tailEsc[k] |= s[k]
			}
			tm.tailEscNR = true
		default:
			return false
		}
	}
	tm.hasTail = true
	return true
}

// setPunct accepts [punct](?:class|$) or [punct]class after a token: a
// sentence's full stop, colon and the like, which end a token only when a
// space or the end of the text follows.
func (tm *tokMatcher) setPunct(p, next *syntax.Regexp) bool {
	ps, non := classSet(p)
	if non {
		return false
	}
	var ns byteSet
	end := false
	switch next.Op {
	case syntax.OpCharClass:
		s, n := classSet(next)
		if n {
			return false
		}
		ns = s
	case syntax.OpAlternate:
		for _, b := range next.Sub {
			switch b.Op {
			case syntax.OpCharClass:
				s, n := classSet(b)
				if n {
					return false
				}
				for k := range s {
					ns[k] |= s[k]
				}
			case syntax.OpEndText:
				end = true
			default:
				return false
			}
		}
	default:
		return false
	}
	for k := range ps {
		tm.tailPunct[k] |= ps[k]
		tm.tailPunctNext[k] |= ns[k]
	}
	tm.tailPunctEnd = tm.tailPunctEnd || end
	return true
}

// match tries the pattern at text[ks:]. sure is false when the answer
// needs the regexp (a non-ASCII byte where a class could match a rune).
func (tm *tokMatcher) match(text string, ks int) (ms, me, cs, ce int, ok, sure bool) {
	pos := ks
	if tm.wordStart {
		before := ks > 0 && isWordByte(text[ks-1])
		after := ks < len(text) && isWordByte(text[ks])
		if before == after {
			return 0, 0, 0, 0, false, true
		}
	}
	cs, ce = -1, -1
	for j := range tm.items {
		if j == tm.capFrom {
			cs = pos
		}
		it := &tm.items[j]
		if it.alt != nil {
			matched := false
			for _, seq := range it.alt {
				end, sure := matchSeq(seq, text, pos)
				if !sure {
					return 0, 0, 0, 0, false, false
				}
				if end >= 0 {
					pos, matched = end, true
					break
				}
			}
			if !matched {
				return 0, 0, 0, 0, false, true
			}
		} else if it.lit != "" {
			if len(text)-pos < len(it.lit) {
				return 0, 0, 0, 0, false, true
			}
			if it.fold {
				if !equalFold(text[pos:pos+len(it.lit)], it.lit) {
					return 0, 0, 0, 0, false, true
				}
			} else if text[pos:pos+len(it.lit)] != it.lit {
				return 0, 0, 0, 0, false, true
			}
			pos += len(it.lit)
		} else {
			limit := len(text)
			if it.max >= 0 && pos+it.max < limit {
				limit = pos + it.max
			}
			start := pos
			// The class holds no byte >= 0x80, so the run stops there.
			for pos < limit && it.class.has(text[pos]) {
				pos++
			}
			if pos < limit && text[pos] >= 0x80 && it.nonASCII {
				return 0, 0, 0, 0, false, false
			}
			if pos-start < it.min {
				return 0, 0, 0, 0, false, true
			}
		}
		if j+1 == tm.capTo {
			ce = pos
		}
	}
	if tm.hasTail {
		switch {
		case tm.tailWB:
			before := pos > 0 && isWordByte(text[pos-1])
			after := pos < len(text) && isWordByte(text[pos])
			if before == after {
				return 0, 0, 0, 0, false, true
			}
		case pos == len(text):
			if !tm.tailEnd {
				return 0, 0, 0, 0, false, true
			}
		case text[pos] >= 0x80:
			if !tm.tailNonASCII {
				return 0, 0, 0, 0, false, false
			}
			_, size := utf8.DecodeRuneInString(text[pos:])
			me = pos + size
		case tm.tailClass.has(text[pos]):
			me = pos + 1
		case tm.tailEscNR && text[pos] == '\\' && pos+1 < len(text) && tm.tailEsc.has(text[pos+1]):
			me = pos + 2
		case tm.tailPunct.has(text[pos]) && pos+1 == len(text) && tm.tailPunctEnd:
			me = pos + 1
		case tm.tailPunct.has(text[pos]) && pos+1 < len(text) && tm.tailPunctNext.has(text[pos+1]):
			me = pos + 2
		default:
			return 0, 0, 0, 0, false, true
		}
	}
	if me == 0 {
		me = pos
	}
	if tm.capTo == 0 {
		cs, ce = ks, pos
	}
	return ks, me, cs, ce, true, true
}
