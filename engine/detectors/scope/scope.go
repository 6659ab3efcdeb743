package scope

import (
	"context"
	"hash/maphash"
	"strings"
	"sync"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// Finding category and types.
const (
	Category       = "scope"
	TypeRestricted = "RESTRICTED_TOPIC"
	// TypeDenied is a topic the policy itself rules out for every request
	// (analysis.Input.Topics); the finding's Topic names it.
	TypeDenied   = "DENIED_TOPIC"
	detectorName = "scope"
)

// Options configure a Detector. The zero value is the default.
type Options struct {
	// CacheSize bounds how many distinct system prompts keep their
	// extracted topics (default 256). System prompts repeat from request
	// to request, so most decisions skip extraction.
	CacheSize int
}

// Detector reports user messages and answers that touch a topic the
// request's own system (or developer) prompt forbids. It is safe for
// concurrent use.
type Detector struct {
	seed  maphash.Seed
	mu    sync.Mutex
	cache map[uint64]*rules
	max   int
}

// New returns a detector.
func New(o Options) *Detector {
	if o.CacheSize <= 0 {
		o.CacheSize = 256
	}
	return &Detector{seed: maphash.MakeSeed(), cache: map[uint64]*rules{}, max: o.CacheSize}
}

// Name implements analysis.RequestDetector.
func (d *Detector) Name() string { return detectorName }

// rules are one system prompt's topics, indexed for matching: a family's
// words by their stem (a map lookup per word of the text), the prompt's
// own words in a short list matched by sameTerm, and words of scripts
// without spaces as substrings.
type rules struct {
	names  []string // a policy's topics (nil for a system prompt's)
	topics []topic
	nterms int
	pre    [1 << 16 / 64]uint64 // prefix keys of every ASCII term
	exact  map[string][]termRef
	loose  []termRef
	subs   []termRef
}

type termRef struct {
	topic, term int // indexes into topics and its terms
	id          int // a number for the pair, 0..nterms-1
}

func compile(ts []topic) *rules {
	r := &rules{topics: ts, exact: map[string][]termRef{}}
	for ti := range ts {
		for ki, k := range ts[ti].terms {
			ref := termRef{topic: ti, term: ki, id: r.nterms}
			r.nterms++
			switch {
			case k.sub:
				r.subs = append(r.subs, ref)
			case k.exact:
				r.exact[k.stem] = append(r.exact[k.stem], ref)
				r.pre[prefix(k.stem)/64] |= 1 << (prefix(k.stem) % 64)
			default:
				r.loose = append(r.loose, ref)
				r.pre[prefix(k.stem)/64] |= 1 << (prefix(k.stem) % 64)
			}
		}
	}
	return r
}

// prefix hashes the first three bytes of a word (all of a shorter one)
// to a bit of rules.pre. A stem keeps the first three letters of its
// word, so a word and its stem have the same key.
func prefix(w string) uint32 {
	var k uint32
	for i := 0; i < len(w) && i < 3; i++ {
		k = k<<8 | uint32(w[i])
	}
	k |= uint32(min(len(w), 3)) << 24
	return (k * 2654435761) >> 16
}

func (r *rules) mayHave(w string) bool {
	p := prefix(w)
	return r.pre[p/64]&(1<<(p%64)) != 0
}

// rulesOf returns the rules of system text s, from the cache when s was
// seen (a prompt that forbids nothing is cached too, as nil).
func (d *Detector) rulesOf(s string) *rules {
	return d.cached(maphash.String(d.seed, s), func() *rules {
		if ts := extract(s); len(ts) > 0 {
			return compile(ts)
		}
		return nil
	})
}

// policyRules returns the rules of a policy's topics, cached like a
// system prompt's.
func (d *Detector) policyRules(names []string) *rules {
	var h maphash.Hash
	h.SetSeed(d.seed)
	h.WriteString("\x00policy")
	for _, n := range names {
		h.WriteByte(0)
		h.WriteString(n)
	}
	return d.cached(h.Sum64(), func() *rules {
		ts := policyTopics(names)
		if len(ts) == 0 {
			return nil
		}
		rs := compile(ts)
		rs.names = append([]string(nil), names...)
		return rs
	})
}

// cached returns the rules cached under key h, building and caching them
// on a miss. The cache is bounded crudely: when full it is emptied, and
// the working set (a deployment's few system prompts) refills at once.
func (d *Detector) cached(h uint64, build func() *rules) *rules {
	d.mu.Lock()
	rs, ok := d.cache[h]
	d.mu.Unlock()
	if ok {
		return rs
	}
	rs = build()
	d.mu.Lock()
	if len(d.cache) >= d.max {
		clear(d.cache)
	}
	d.cache[h] = rs
	d.mu.Unlock()
	return rs
}

// ScanRequest implements analysis.RequestDetector. The topics come from
// every system and developer message (RESTRICTED_TOPIC) and from the
// policy (in.Topics, DENIED_TOPIC); in the prompt phase the latest user
// message is checked, in the response phase the answer and its reasoning.
func (d *Detector) ScanRequest(ctx context.Context, in *analysis.Input, r *analysis.Report) {
	if in == nil || r == nil {
		return
	}
	var sets []*rules
	for i := range in.Fields {
		f := &in.Fields[i]
		if f.Source == "system" || f.Source == "developer" {
			if rs := d.rulesOf(f.Text); rs != nil {
				sets = append(sets, rs)
			}
		}
	}
	if len(in.Topics) > 0 {
		if rs := d.policyRules(in.Topics); rs != nil {
			sets = append(sets, rs)
		}
	}
	if len(sets) == 0 {
		return
	}
	response := in.Phase == "response"
	// In the prompt phase only the latest user message is judged: earlier
	// turns were judged when they were new, and a conversation that once
	// touched a restricted topic must not be refused on every later turn.
	lastUser := -1
	for i := range in.Fields {
		if in.Fields[i].Source == "user" && in.Fields[i].Text != "" {
			lastUser = i
		}
	}
	var m matcher
	for i := range in.Fields {
		f := &in.Fields[i]
		if f.Text == "" || ctx.Err() != nil {
			continue
		}
		if response && f.Source != "response" && f.Source != "reasoning" || !response && i != lastUser {
			continue
		}
		buf := wordPool.Get().(*[]word)
		ws := tokens((*buf)[:0], f.Text, false)
		markNegated(ws)
		for _, rs := range sets {
			m.run(rs, ws)
			// One finding per restriction (its family's words and
			// aliases included) and per word: the first word of the text
			// that touches it.
			first := len(r.Findings)
		topics:
			for ti := range rs.topics {
				start, end, score, ok := m.result(rs, ti)
				if !ok {
					continue
				}
				label := rs.topics[ti].label
				for k := first; k < len(r.Findings); k++ {
					g := &r.Findings[k]
					if m.label[k-first] == label || g.ByteStart == start {
						if m.label[k-first] == label && start < g.ByteStart {
							g.ByteStart, g.ByteEnd, g.Score = start, end, score
						}
						continue topics
					}
				}
				typ := TypeRestricted
				if rs.names != nil {
					typ = TypeDenied
				}
				r.AddFinding(detectorName, Category, typ, f, start, end, score)
				if rs.names != nil {
					r.Findings[len(r.Findings)-1].Topic = rs.names[label]
				}
				m.label = append(m.label[:len(r.Findings)-1-first], label)
			}
		}
		clear(ws) // the words hold text of the request
		*buf = ws[:0]
		wordPool.Put(buf)
	}
}

var wordPool = sync.Pool{New: func() any { b := make([]word, 0, 512); return &b }}

// matcher holds one field's match state against one set of rules.
type matcher struct {
	label []int  // per finding made for the current rules: its restriction
	seen  []bool // per term: found
	got   []int  // per topic: weight found
	start []int  // per topic: the first word found
	end   []int
}

func (m *matcher) run(rs *rules, ws []word) {
	m.seen = resize(m.seen, rs.nterms)
	n := len(rs.topics)
	m.got, m.start, m.end = resizeInt(m.got, n, 0), resizeInt(m.start, n, -1), resizeInt(m.end, n, -1)
	hit := func(ref termRef, w *word) {
		if m.seen[ref.id] {
			return
		}
		m.seen[ref.id] = true
		m.got[ref.topic] += rs.topics[ref.topic].terms[ref.term].weight
		if m.start[ref.topic] < 0 || w.start < m.start[ref.topic] {
			m.start[ref.topic], m.end[ref.topic] = w.start, w.end
		}
	}
	for i := range ws {
		w := &ws[i]
		if w.brk || w.comma || w.neg {
			continue
		}
		if !isASCII(w.low) {
			for _, ref := range rs.subs {
				if strings.Contains(w.low, rs.topics[ref.topic].terms[ref.term].low) {
					hit(ref, w)
				}
			}
		}
		if !rs.mayHave(w.low) {
			continue // no term starts like it
		}
		if w.stem == "" {
			w.stem = stem(w.low)
		}
		for _, ref := range rs.exact[w.stem] {
			if k := &rs.topics[ref.topic].terms[ref.term]; len(k.low) > 2 || w.caps {
				hit(ref, w)
			}
		}
		if generic[w.low] {
			continue // a word of a directive ("discuss", "advice"): not a topic's
		}
		for _, ref := range rs.loose {
			k := &rs.topics[ref.topic].terms[ref.term]
			if (len(k.low) > 2 || w.caps) && sameTerm(w.stem, k.stem) {
				hit(ref, w)
			}
		}
	}
}

// result reports whether topic ti matched: the words of it found are worth
// at least half its weight (all of it for a family's phrase). It returns
// the span of the first word found and the share of the weight found.
func (m *matcher) result(rs *rules, ti int) (start, end int, score float64, ok bool) {
	t := &rs.topics[ti]
	got := m.got[ti]
	if got == 0 || 2*got < t.total || t.all && got < t.total {
		return 0, 0, 0, false
	}
	return m.start[ti], m.end[ti], float64(got) / float64(t.total), true
}

func resize(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func resizeInt(b []int, n, v int) []int {
	if cap(b) < n {
		b = make([]int, n)
	}
	b = b[:n]
	for i := range b {
		b[i] = v
	}
	return b
}

// Restricted reports whether user text asks about a topic that system
// prompt system rules out: what ScanRequest reports as RESTRICTED_TOPIC
// for a request of those two messages.
func (d *Detector) Restricted(system, text string) bool {
	var r analysis.Report
	d.ScanRequest(context.Background(), &analysis.Input{Phase: "prompt", Fields: []analysis.Field{
		{Path: "messages[0].content", Source: "system", Text: system},
		{Path: "messages[1].content", Source: "user", Text: text},
	}}, &r)
	return len(r.Findings) > 0
}

// Restrictions returns, for tests and tools, the topics that system text
// s names as forbidden, each as its words (not the words of a topic
// family or an alias that the detector also looks for).
func Restrictions(s string) [][]string {
	var out [][]string
	for _, t := range extract(s) {
		if !t.named {
			continue
		}
		var ws []string
		for _, x := range t.terms {
			ws = append(ws, x.low)
		}
		out = append(out, ws)
	}
	return out
}

// negation marks a clause whose words do not count: the text says the
// topic is not wanted or not allowed ("I know you can't discuss pricing",
// "I know pricing is off-limits", "I'm sorry, I can't help with that").
var negation = set("not", "no", "never", "don't", "dont", "doesn't", "can't", "cannot", "won't", "isn't", "aren't",
	"shouldn't", "mustn't", "wouldn't", "couldn't", "didn't", "nor", "neither", "unable", "sorry", "avoid", "apologize", "apologise",
	// a clause that states the restriction itself: "I know pricing is
	// off-limits", "salaries are restricted", "that's out of scope"
	"forbidden", "prohibited", "restricted", "banned", "limits", "scope",
	// the same in es, fr, de, it, pt ("sé que la política está prohibida");
	// not their plain negations, which a question asks with as often as
	// it declines ("non …", "no …")
	"prohibido", "prohibida", "interdit", "interdite", "verboten", "vietato", "vietata", "proibido", "proibida")

// negStart holds the first letters of the negation words.
var negStart = func() (t [256]bool) {
	for w := range negation {
		t[w[0]] = true
	}
	return
}()

// markNegated marks the words of negated clauses.
func markNegated(ws []word) {
	for lo := 0; lo < len(ws); {
		hi := lo
		neg := false
		for hi < len(ws) && !ws[hi].brk {
			if l := ws[hi].low; !neg && len(l) >= 2 && len(l) <= 10 && negStart[l[0]] && negation[l] {
				neg = true
			}
			hi++
		}
		if neg {
			for i := lo; i < hi; i++ {
				ws[i].neg = true
			}
		}
		lo = hi + 1
	}
}
