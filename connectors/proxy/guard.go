package proxy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/parapet-dev/parapet/engine"
)

// chanKind says what a channel of response text is.
type chanKind uint8

const (
	// kindContent is answer text; it may hold <think> blocks (self-hosted
	// DeepSeek R1), which count as reasoning.
	kindContent chanKind = iota
	// kindReasoning is reasoning text: reasoning_content, Anthropic
	// thinking.
	kindReasoning
	// kindTool is tool-call arguments (JSON text); scanned as content.
	kindTool
)

// channel is one stream of response text: a field of one choice, or one
// Anthropic content block. raw is what the upstream sent; sent is how much
// of raw has been released to the caller (or dropped).
type channel struct {
	kind      chanKind
	key       string
	raw       []byte
	sent      int
	evaluated int       // len(raw) when the last decision was made
	spans     []rawSpan // redactions from the last decision, raw byte offsets
	trimLead  bool      // drop the newlines that follow a stripped </think>
	seenLate  map[int]bool
	holdFor   int // the evaluated length holdAt was computed for
	holdAt    int // holdFrom(raw[:holdFor])
}

type rawSpan struct {
	start, end int
	typ        string
}

// guard decides one response as it arrives and releases only what a
// decision covers. A non-streamed response is the same with one decision.
type guard struct {
	p        *Proxy
	base     engine.Request // response phase: subject, resource, context
	vault    *engine.Vault  // the prompt's placeholders, when the policy restores
	alloc    placeholders   // placeholders for response redactions
	strip    bool
	failOpen bool // the upstream is fail-open: an undecidable response goes ahead

	chans []*channel

	last    *engine.Decision
	lastReq *engine.Request
	evals   int

	pending      int // bytes received since the last decision
	pendingSince time.Time
	boundary     bool          // a sentence ended in the pending text
	lastEval     time.Time     // when the last decision was made
	lastCost     time.Duration // how long it took
	decided      int           // bytes of response text it covered

	// flush, when set, sends what the stream has written so far; it runs
	// before each decision, so that output batched while the upstream was
	// ahead never waits for one.
	flush func()

	sentBytes  int
	late       int
	denied     bool // a decision refused the response: stop
	failedOpen bool // a decision failed and the response went ahead unchecked
}

func newGuard(p *Proxy, base engine.Request, prompt *engine.Decision, failOpen bool) *guard {
	g := &guard{p: p, base: base, failOpen: failOpen}
	g.base.Phase = engine.PhaseResponse
	// The system and developer messages the model saw are the reference
	// for system-prompt leaks; the rest of the prompt was judged with it.
	var ref []engine.Message
	for _, m := range base.Messages {
		if m.Role == "system" || m.Role == "developer" {
			ref = append(ref, m)
		}
	}
	g.base.Messages = ref
	g.base.Attachments = nil // judged with the prompt
	if prompt != nil && prompt.Obligations != nil && prompt.Obligations.Canary != "" {
		// The canary planted in the system prompt: the response checks
		// look for it.
		labels := make(map[string]string, len(base.Context.Labels)+1)
		for k, v := range base.Context.Labels {
			labels[k] = v
		}
		labels["canary"] = prompt.Obligations.Canary
		g.base.Context.Labels = labels
	}
	if prompt != nil && prompt.Obligations != nil {
		g.strip = prompt.Obligations.StripReasoning
		if prompt.Obligations.Restore {
			g.vault = prompt.Vault()
		}
		g.alloc.seed(prompt.Obligations.Placeholders)
	}
	return g
}

// channel returns the channel with key, making it if needed.
func (g *guard) channel(kind chanKind, key string) *channel {
	for _, ch := range g.chans {
		if ch.key == key {
			return ch
		}
	}
	ch := &channel{kind: kind, key: key}
	g.chans = append(g.chans, ch)
	return ch
}

func (g *guard) lookup(key string) *channel {
	for _, ch := range g.chans {
		if ch.key == key {
			return ch
		}
	}
	return nil
}

// add appends text the upstream sent.
func (g *guard) add(ch *channel, text string) {
	if text == "" {
		return
	}
	prev := byte(0)
	if n := len(ch.raw); n > 0 {
		prev = ch.raw[n-1]
	}
	ch.raw = append(ch.raw, text...)
	if g.pending == 0 {
		g.pendingSince = time.Now()
	}
	g.pending += len(text)
	if !g.boundary && sentenceEnd(prev, text) {
		g.boundary = true
	}
}

// sentenceEnd reports a sentence boundary in text (prev is the byte before
// it): a newline, or . ! ? followed by a space.
func sentenceEnd(prev byte, text string) bool {
	if strings.IndexByte(text, '\n') >= 0 || strings.Contains(text, "。") {
		return true
	}
	if isEnd(prev) && isSpace(text[0]) {
		return true
	}
	for i := 0; i+1 < len(text); i++ {
		if isEnd(text[i]) && isSpace(text[i+1]) {
			return true
		}
	}
	return false
}

func isEnd(b byte) bool { return b == '.' || b == '!' || b == '?' }

// decisionGap paces decisions at sentence boundaries and EvalChars: the
// next one waits until decisionGap times the last one's cost has passed
// since it, so that deciding takes at most about a quarter of the time.
// A model generating at its own pace is never held by it (its chunks come
// further apart than a decision takes); an upstream as fast as the proxy
// (one that has the whole answer already) is decided every few sentences
// instead of at each one.
const decisionGap = 3

// due reports whether the pending text should be decided now: at a
// sentence boundary, past EvalChars, after EvalInterval, or as soon as a
// first word is complete while nothing visible has been sent yet (time to
// first token).
//
// backlog is how many bytes the upstream has already sent that are not yet
// read: while it is behind the upstream, the guard reads on rather than
// decide, up to a few EvalChars, so a fast upstream costs a few decisions
// and a paced one (a model generating) is decided as it goes.
func (g *guard) due(now time.Time, backlog int) bool {
	if g.pending == 0 {
		return false
	}
	o := g.p.opts.Stream
	if o.DecideEveryChunk {
		return true
	}
	// Read on while the upstream is ahead, up to 4 x EvalChars or half
	// the text decided so far, whichever is more: every decision reads the
	// whole response again, so spacing them in proportion keeps the work
	// for a long answer sent at once linear in its length, not quadratic.
	ahead := max(4*o.EvalChars, g.decided/2)
	if backlog > 0 && g.pending < ahead {
		return false
	}
	if now.Sub(g.pendingSince) >= o.EvalInterval || g.pending >= ahead {
		return true
	}
	if (g.boundary || g.pending >= o.EvalChars) && now.Sub(g.lastEval) >= decisionGap*g.lastCost {
		return true
	}
	if g.sentBytes == 0 && (g.evals == 0 || now.Sub(g.lastEval) >= 20*time.Millisecond) {
		return g.visibleWordPending()
	}
	return false
}

// visibleWordPending reports whether some channel holds a complete word
// that the caller would see once decided.
func (g *guard) visibleWordPending() bool {
	for _, ch := range g.chans {
		if ch.kind == kindReasoning && g.strip {
			continue
		}
		from := ch.sent
		if ch.kind == kindContent && g.strip {
			if th := thinkRanges(ch.raw); len(th) > 0 {
				last := th[len(th)-1]
				if !last.closed {
					continue
				}
				from = max(from, last.end)
			}
		}
		if from < len(ch.raw) && holdFrom(ch.raw, 0) > from {
			return true
		}
	}
	return false
}

// segment maps a piece of a decided field back to its channel.
type segment struct {
	field  string // response.content or response.reasoning
	off    int    // byte offset in the field
	ch     *channel
	rawOff int
	n      int
}

// decide asks the engine about everything received so far.
func (g *guard) decide(ctx context.Context) {
	if g.flush != nil {
		g.flush()
	}
	var content, reasoning strings.Builder
	var segs []segment
	add := func(b *strings.Builder, field string, ch *channel, from, to int) {
		if from >= to {
			return
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		segs = append(segs, segment{field: field, off: b.Len(), ch: ch, rawOff: from, n: to - from})
		b.Write(ch.raw[from:to])
	}
	for _, ch := range g.chans {
		switch ch.kind {
		case kindReasoning:
			add(&reasoning, "response.reasoning", ch, 0, len(ch.raw))
		case kindTool:
			add(&content, "response.content", ch, 0, len(ch.raw))
		case kindContent:
			pos := 0
			for _, t := range thinkRanges(ch.raw) {
				add(&content, "response.content", ch, pos, t.start)
				add(&reasoning, "response.reasoning", ch, t.inner, t.innerEnd)
				pos = t.end
			}
			add(&content, "response.content", ch, pos, len(ch.raw))
		}
	}
	req := g.base
	req.Response = &engine.Response{Content: content.String(), Reasoning: reasoning.String()}
	t0 := time.Now()
	d, err := g.p.eng.Decide(ctx, &req)
	if err != nil {
		// The engine refused the response itself (too large, invalid
		// text): it cannot be checked, so it is not released.
		d = refusedResponse(err)
	}
	g.last, g.lastReq = d, &req
	g.evals++
	g.pending, g.boundary = 0, false
	g.lastEval = time.Now()
	g.lastCost = g.lastEval.Sub(t0)
	g.decided = 0
	for _, ch := range g.chans {
		ch.evaluated = len(ch.raw)
		ch.spans = ch.spans[:0]
		g.decided += len(ch.raw)
	}
	if !d.Allow {
		if d.FailClosed && g.failOpen {
			g.failedOpen = true
			return
		}
		g.denied = true
		return
	}
	if d.Obligations != nil && d.Obligations.StripReasoning {
		g.strip = true
	}
	g.mapRedactions(d.Redactions(), content.String(), reasoning.String(), segs)
}

// refusedResponse is the decision recorded when the engine refuses to
// decide on a response (over its size limit, invalid text).
func refusedResponse(err error) *engine.Decision {
	id, msg := "parapet.response_invalid", "the response could not be checked; withheld"
	var re *engine.RequestError
	if errors.As(err, &re) {
		if re.Code == engine.CodeTooLarge {
			id = "parapet.response_too_large"
		}
		msg = "the response could not be checked (" + re.Error() + "); withheld"
	}
	uid, _ := uuid.NewV7()
	return &engine.Decision{
		DecisionID: uid.String(), Effect: engine.EffectDeny, FailClosed: true,
		Reasons: []engine.Reason{{ID: id, Effect: engine.EffectDeny, Message: msg, Severity: "critical", Controls: []string{"PARAPET-FAIL-CLOSED"}}},
	}
}

// mapRedactions turns the policy's spans (code points in the decided
// fields) into raw byte spans per channel.
func (g *guard) mapRedactions(ev []engine.Evidence, content, reasoning string, segs []segment) {
	if len(ev) == 0 {
		return
	}
	for _, e := range ev {
		var text string
		switch e.Field {
		case "response.content":
			text = content
		case "response.reasoning":
			text = reasoning
		default:
			continue
		}
		if e.End <= e.Start || e.Type == "" {
			continue
		}
		bs, be := cpToByte(text, e.Start), cpToByte(text, e.End)
		for _, s := range segs {
			if s.field != e.Field {
				continue
			}
			lo, hi := max(bs, s.off), min(be, s.off+s.n)
			if lo >= hi {
				continue
			}
			s.ch.spans = append(s.ch.spans, rawSpan{start: lo - s.off + s.rawOff, end: hi - s.off + s.rawOff, typ: e.Type})
		}
	}
	for _, ch := range g.chans {
		if len(ch.spans) == 0 {
			continue
		}
		ch.spans = mergeSpans(ch.spans)
		for _, s := range ch.spans {
			if s.start < ch.sent && !ch.seenLate[s.start] {
				// Part of it already went out: the hold-back could not see
				// it coming. The rest is redacted; the log says so.
				if ch.seenLate == nil {
					ch.seenLate = map[int]bool{}
				}
				ch.seenLate[s.start] = true
				g.late++
				g.p.log.Warn("a redaction began in response text already sent; raise proxy.stream.hold_back_chars", "type", s.typ)
			}
		}
	}
}

// mergeSpans sorts spans and merges overlaps; the earlier (longer) type
// wins, as in the engine.
func mergeSpans(spans []rawSpan) []rawSpan {
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.start < out[n-1].end {
			if s.end > out[n-1].end {
				out[n-1].end = s.end
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// cpToByte converts a code point offset into a byte offset in s.
func cpToByte(s string, cp int) int {
	if cp <= 0 {
		return 0
	}
	n := 0
	for i := range s {
		if n == cp {
			return i
		}
		n++
	}
	return len(s)
}

// release returns the text of ch that the caller may now see: decided,
// outside the hold-back, redacted, restored and with reasoning stripped.
// final releases everything decided (the channel is complete).
func (g *guard) release(ch *channel, final bool) string {
	if g.denied {
		return ""
	}
	limit := ch.evaluated
	if limit <= ch.sent {
		return ""
	}
	if ch.kind == kindReasoning && g.strip {
		ch.sent = limit
		return ""
	}
	b := limit
	if !final {
		// holdFrom reads the whole decided text; it changes only with a
		// decision, while release runs on every chunk.
		if ch.holdFor != limit {
			ch.holdAt, ch.holdFor = holdFrom(ch.raw[:limit], g.p.opts.Stream.HoldBackChars), limit
		}
		b = ch.holdAt
	}
	for _, s := range ch.spans {
		if s.start < b && b < s.end {
			b = s.start
		}
	}
	if b <= ch.sent {
		return ""
	}
	out := g.render(ch, ch.sent, b)
	ch.sent = b
	g.sentBytes += len(out)
	return out
}

// render produces the caller's text for raw[from:to].
func (g *guard) render(ch *channel, from, to int) string {
	var thinks []thinkRange
	if ch.kind == kindContent && g.strip {
		thinks = thinkRanges(ch.raw)
	}
	spans := ch.spans
	var b strings.Builder
	b.Grow(to - from)
	pos := from
	for pos < to {
		next := to
		skipped := false
		for _, t := range thinks {
			if t.start <= pos && pos < t.end {
				pos = min(t.end, to)
				if t.closed && pos == t.end {
					ch.trimLead = true
				}
				skipped = true
				break
			}
			if t.start > pos && t.start < next {
				next = t.start
			}
		}
		if skipped {
			continue
		}
		for _, s := range spans {
			if s.start <= pos && pos < s.end {
				b.WriteString(g.alloc.get(s.typ, string(ch.raw[s.start:s.end])))
				ch.trimLead = false
				pos = min(s.end, to)
				skipped = true
				break
			}
			if s.start > pos && s.start < next {
				next = s.start
			}
		}
		if skipped {
			continue
		}
		plain := string(ch.raw[pos:next])
		if ch.trimLead {
			plain = strings.TrimLeft(plain, "\r\n")
			if plain != "" {
				ch.trimLead = false
			}
		}
		if g.vault != nil {
			if ch.kind == kindTool {
				plain = restoreJSON(g.vault, plain)
			} else {
				plain = g.vault.Restore(plain)
			}
		}
		b.WriteString(plain)
		pos = next
	}
	return b.String()
}

// finish makes the last decision, over everything received.
func (g *guard) finish(ctx context.Context) {
	if g.pending > 0 || g.evals == 0 {
		g.decide(ctx)
	}
}

// held is the upstream text the caller has not received.
func (g *guard) held() int {
	n := 0
	for _, ch := range g.chans {
		n += len(ch.raw) - ch.sent
	}
	return n
}

// reason is the first reason of the last decision, for cut streams.
func (g *guard) reason() string {
	if g.last != nil && len(g.last.Reasons) > 0 {
		return g.last.Reasons[0].ID
	}
	return ""
}

// holdFrom is where the text that must stay unreleased begins: the word in
// progress (a token, key or address is never sent in part), a run of
// number-like words before it (card, phone and account numbers come in
// groups), an unfinished PEM block, and at least margin bytes.
func holdFrom(s []byte, margin int) int {
	n := len(s)
	i := n
	for i > 0 {
		r, size := utf8.DecodeLastRune(s[:i])
		if isBreak(r) {
			break
		}
		i -= size
	}
	j := i
	if i == n || numberish(s[i:n]) {
		for k := 0; k < 8; k++ {
			e := j
			for e > 0 && isSpace(s[e-1]) {
				e--
			}
			if e == 0 || j-e > 2 || e == j {
				break
			}
			st := e
			for st > 0 && !isSpace(s[st-1]) {
				st--
			}
			if !numberish(s[st:e]) {
				break
			}
			j = st
		}
	}
	if k := lastIndex(s, "-----BEGIN"); k >= 0 && k < j {
		end := lastIndex(s[k:], "-----END")
		if end < 0 || !contains(s[k+end+8:], "-----") {
			j = k
		}
	}
	if margin > 0 && n-margin < j {
		lim := max(n-margin, 0)
		for lim > 0 && !isSpace(s[lim-1]) {
			lim--
		}
		j = lim
	}
	return j
}

func lastIndex(s []byte, sub string) int { return bytes.LastIndex(s, []byte(sub)) }
func contains(s []byte, sub string) bool { return bytes.Contains(s, []byte(sub)) }

func isSpace(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
}

// isBreak: whitespace, and CJK characters and punctuation, which are never
// part of a key, an address or a number, so CJK text flows word by word.
func isBreak(r rune) bool {
	if r < utf8.RuneSelf {
		return isSpace(byte(r))
	}
	return r == '\u00a0' || r == '\u3000' ||
		(r >= 0x2E80 && r <= 0x9FFF) || // CJK radicals, punctuation, kana, ideographs
		(r >= 0xAC00 && r <= 0xD7AF) || // Hangul
		(r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0xFF00 && r <= 0xFFEF) // full-width forms
}

// numberish: a word that may be one group of a longer number or code.
func numberish(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	upper := len(w) <= 5
	for _, c := range w {
		if c >= '0' && c <= '9' {
			return true
		}
		if !(c >= 'A' && c <= 'Z') {
			upper = false
		}
	}
	return upper
}

// thinkRange is a <think>…</think> block in content: [start,end) includes
// the tags; [inner,innerEnd) is the reasoning. An unclosed block runs to
// the end.
type thinkRange struct {
	start, inner, innerEnd, end int
	closed                      bool
}

func thinkRanges(s []byte) []thinkRange {
	const open, shut = "<think>", "</think>"
	str := string(s)
	if !strings.Contains(str, open) {
		return nil
	}
	var out []thinkRange
	pos := 0
	for {
		i := strings.Index(str[pos:], open)
		if i < 0 {
			return out
		}
		t := thinkRange{start: pos + i, inner: pos + i + len(open)}
		j := strings.Index(str[t.inner:], shut)
		if j < 0 {
			t.innerEnd, t.end = len(str), len(str)
			return append(out, t)
		}
		t.innerEnd = t.inner + j
		t.end = t.innerEnd + len(shut)
		t.closed = true
		out = append(out, t)
		pos = t.end
	}
}

// placeholders numbers the response's redactions after the prompt's, so a
// value redacted from the response never shares a placeholder with a
// prompt value that is restored.
type placeholders struct {
	byValue map[string]string
	next    map[string]int
}

func (p *placeholders) seed(prompt map[string]string) {
	for ph, typ := range prompt {
		i := strings.LastIndexByte(ph, '_')
		if i < 0 {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSuffix(ph[i+1:], ">"))
		if err != nil {
			continue
		}
		if p.next == nil {
			p.next = map[string]int{}
		}
		if n > p.next[typ] {
			p.next[typ] = n
		}
	}
}

func (p *placeholders) get(typ, value string) string {
	if p.byValue == nil {
		p.byValue = map[string]string{}
	}
	if p.next == nil {
		p.next = map[string]int{}
	}
	k := typ + "\x00" + value
	if ph, ok := p.byValue[k]; ok {
		return ph
	}
	p.next[typ]++
	ph := "<" + typ + "_" + strconv.Itoa(p.next[typ]) + ">"
	p.byValue[k] = ph
	return ph
}

var placeholderRE = regexp.MustCompile(`<[A-Z][A-Z0-9_]*_[0-9]+>`)

// restoreJSON restores placeholders inside JSON text (tool arguments),
// escaping each value for a JSON string.
func restoreJSON(v *engine.Vault, s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	return placeholderRE.ReplaceAllStringFunc(s, func(ph string) string {
		val := v.Restore(ph)
		if val == ph {
			return ph
		}
		q, _ := json.Marshal(val)
		return string(q[1 : len(q)-1])
	})
}
