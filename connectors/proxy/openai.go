package proxy

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/parapet-dev/parapet/engine"
)

// Text fields of a chat message or delta, and what they hold.
var chatTextKeys = []struct {
	key  string
	kind chanKind
}{
	{"content", kindContent},
	{"refusal", kindContent},
	{"reasoning_content", kindReasoning}, // DeepSeek, vLLM
	{"reasoning", kindReasoning},         // OpenRouter, newer vLLM and Ollama
}

func isTextKey(key string) bool {
	for _, t := range chatTextKeys {
		if t.key == key {
			return true
		}
	}
	return key == "text"
}

func getString(m map[string]json.RawMessage, key string) (string, bool) {
	raw, ok := m[key]
	if !ok || len(raw) == 0 || raw[0] != '"' {
		return "", false
	}
	return decodeString(raw), true
}

func isNull(raw json.RawMessage) bool { return len(raw) == 0 || string(raw) == "null" }

func intOf(raw json.RawMessage) int {
	n, _ := strconv.Atoi(string(raw))
	return n
}

// objectOf and arrayOf read a value of an object that was read with
// json.Unmarshal or parseObject, so valid JSON (rawjson.go).
func objectOf(raw json.RawMessage) map[string]json.RawMessage {
	raw = trimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return map[string]json.RawMessage{}
	}
	return splitObject(raw)
}

func arrayOf(raw json.RawMessage) []map[string]json.RawMessage {
	raw = trimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return nil
	}
	return splitArray(raw)
}

func toolKey(i int) string { return "tool:" + strconv.Itoa(i) }

// addChatTexts feeds the text fields of a message or delta to the guard.
// Tool calls are keyed by their index (their position when not streamed).
func addChatTexts(g *guard, m map[string]json.RawMessage) {
	for _, t := range chatTextKeys {
		if s, ok := getString(m, t.key); ok {
			g.add(g.channel(t.kind, t.key), s)
		}
	}
	for pos, tc := range arrayOf(m["tool_calls"]) {
		i := pos
		if raw, ok := tc["index"]; ok {
			i = intOf(raw)
		}
		if args, ok := getString(objectOf(tc["function"]), "arguments"); ok {
			g.add(g.channel(kindTool, toolKey(i)), args)
		} else {
			g.channel(kindTool, toolKey(i))
		}
	}
	if fc, ok := m["function_call"]; ok && !isNull(fc) {
		if args, ok := getString(objectOf(fc), "arguments"); ok {
			g.add(g.channel(kindTool, "function_call"), args)
		}
	}
}

// releaseAll releases every channel of g.
func releaseAll(g *guard, final bool) map[string]string {
	out := map[string]string{}
	for _, ch := range g.chans {
		if s := g.release(ch, final); s != "" {
			out[ch.key] = s
		}
	}
	return out
}

// setChatTexts writes released text into a message or delta. present
// keeps a text field the upstream sent even when nothing of it is
// released yet. It reports whether any text went in.
func setChatTexts(g *guard, m map[string]json.RawMessage, rel map[string]string, streamed bool) bool {
	any := false
	for _, t := range chatTextKeys {
		if t.kind == kindReasoning && g.strip {
			delete(m, t.key)
			continue
		}
		if r, ok := rel[t.key]; ok {
			m[t.key] = encodeJSON(r)
			any = true
		} else if _, isStr := getString(m, t.key); isStr {
			m[t.key] = json.RawMessage(`""`)
		}
	}
	tcs := arrayOf(m["tool_calls"])
	used := map[int]bool{}
	for pos, tc := range tcs {
		i := pos
		if raw, ok := tc["index"]; ok {
			i = intOf(raw)
		}
		used[i] = true
		fn := objectOf(tc["function"])
		if r, ok := rel[toolKey(i)]; ok {
			fn["arguments"] = encodeJSON(r)
			any = true
		} else if _, isStr := getString(fn, "arguments"); isStr {
			fn["arguments"] = json.RawMessage(`""`)
		}
		if _, had := tc["function"]; had {
			tc["function"] = encodeJSON(fn)
		}
	}
	if streamed {
		// Arguments released for a tool call this delta does not name.
		var extra []int
		for key := range rel {
			if n, ok := strings.CutPrefix(key, "tool:"); ok {
				if i, err := strconv.Atoi(n); err == nil && !used[i] {
					extra = append(extra, i)
				}
			}
		}
		sort.Ints(extra)
		for _, i := range extra {
			tcs = append(tcs, map[string]json.RawMessage{
				"index":    encodeJSON(i),
				"function": encodeJSON(map[string]string{"arguments": rel[toolKey(i)]}),
			})
			any = true
		}
	}
	if len(tcs) > 0 {
		m["tool_calls"] = encodeJSON(tcs)
	}
	if r, ok := rel["function_call"]; ok {
		fc := objectOf(m["function_call"])
		fc["arguments"] = encodeJSON(r)
		m["function_call"] = encodeJSON(fc)
		any = true
	}
	return any
}

// meaningful reports whether a delta says anything besides empty text.
func meaningful(d map[string]json.RawMessage) bool {
	for key, raw := range d {
		if isNull(raw) {
			continue
		}
		switch {
		case isTextKey(key):
			if s, ok := getString(d, key); !ok || s != "" {
				return true
			}
		case key == "tool_calls":
			for _, tc := range arrayOf(raw) {
				if _, ok := tc["id"]; ok {
					return true
				}
				fn := objectOf(tc["function"])
				if _, ok := fn["name"]; ok {
					return true
				}
				if s, _ := getString(fn, "arguments"); s != "" {
					return true
				}
			}
		case key == "function_call":
			fc := objectOf(raw)
			if _, ok := fc["name"]; ok {
				return true
			}
			if s, _ := getString(fc, "arguments"); s != "" {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// respondOpenAI checks a chat or text completion and answers the caller.
func (k *call) respondOpenAI(resp *http.Response, chat bool) {
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		k.streamOpenAI(resp, chat)
		return
	}
	body, ok := k.readAnswer(resp)
	if !ok {
		return
	}
	choices := arrayOf(body["choices"])
	guards := make([]*guard, len(choices))
	msgs := make([]map[string]json.RawMessage, len(choices))
	ctx := k.c.Request.Context()
	for i, ch := range choices {
		g := k.newGuard()
		guards[i] = g
		if chat {
			msgs[i] = objectOf(ch["message"])
			addChatTexts(g, msgs[i])
		} else if s, ok := getString(ch, "text"); ok {
			g.add(g.channel(kindContent, "text"), s)
		}
		g.finish(ctx)
	}
	if len(choices) == 0 {
		// Nothing to check (an empty answer): still decided and recorded.
		g := k.newGuard()
		g.finish(ctx)
		guards = append(guards, g)
	}
	k.setResponseHeaders(guards)
	if k.withhold(guards) {
		return
	}
	for i, ch := range choices {
		g := guards[i]
		rel := releaseAll(g, true)
		changed := g.changed()
		if chat {
			setChatTexts(g, msgs[i], rel, false)
			ch["message"] = encodeJSON(msgs[i])
		} else if _, ok := getString(ch, "text"); ok {
			ch["text"] = encodeJSON(rel["text"])
		}
		if changed {
			// Token log probabilities would give away what was redacted.
			if _, ok := ch["logprobs"]; ok {
				ch["logprobs"] = json.RawMessage("null")
			}
		}
	}
	if len(choices) > 0 {
		body["choices"] = encodeJSON(choices)
	}
	k.answer(resp.StatusCode, encodeJSON(body))
	for i, g := range guards {
		k.recordResponse(g, i, OutcomeCompleted)
	}
}

// readAnswer reads a non-streamed answer as a JSON object. When it cannot,
// the caller has been answered (502, or the upstream failure) and ok is
// false.
func (k *call) readAnswer(resp *http.Response) (body map[string]json.RawMessage, ok bool) {
	raw, err := readAll(resp.Body)
	if err != nil {
		k.upstreamFailed(err)
		return nil, false
	}
	if body, ok = parseObject(raw); !ok {
		k.badUpstreamAnswer()
	}
	return body, ok
}

// withhold refuses a non-streamed answer that a decision denied: a 403 in
// the route's format, every choice recorded as content_filter. It reports
// whether it did.
func (k *call) withhold(guards []*guard) bool {
	for _, g := range guards {
		if g.denied {
			k.info.Status = http.StatusForbidden
			for j, g2 := range guards {
				k.recordResponse(g2, j, OutcomeContentFilter)
			}
			k.p.fail(k.c, k.rt.kind, denial(g.last, "the model's answer was withheld by policy"))
			return true
		}
	}
	return false
}

// changed reports whether the caller's text will differ from the
// upstream's: redactions, restored placeholders, stripped reasoning.
func (g *guard) changed() bool {
	if g.strip || g.vault != nil {
		return true
	}
	for _, ch := range g.chans {
		if len(ch.spans) > 0 {
			return true
		}
	}
	return false
}

// setResponseHeaders sets the response decision headers of a non-streamed
// answer: the id of the first choice's decision, the strongest effect.
func (k *call) setResponseHeaders(guards []*guard) {
	h := k.c.Writer.Header()
	effect := engine.EffectAllow
	for i, g := range guards {
		if g.last == nil {
			continue
		}
		if i == 0 {
			h.Set("X-Parapet-Response-Decision-Id", g.last.DecisionID)
		}
		if engine.Stronger(g.last.Effect, effect) {
			effect = g.last.Effect
		}
		if g.failedOpen {
			h.Set("X-Parapet-Fail-Open", g.reason())
		}
	}
	h.Set("X-Parapet-Response-Effect", effect)
}

// badUpstreamAnswer refuses an answer that cannot be read, so cannot be
// checked.
func (k *call) badUpstreamAnswer() {
	k.info.Outcome, k.info.Status = OutcomeUpstreamError, http.StatusBadGateway
	k.p.fail(k.c, k.rt.kind, &apiError{status: http.StatusBadGateway, code: "upstream_invalid_response", msg: "upstream " + strconv.Quote(k.up.Name) + " sent an answer that cannot be read, so cannot be checked"})
}

const streamTrailers = "X-Parapet-Response-Decision-Id, X-Parapet-Response-Effect, X-Parapet-Outcome"

// startStream writes the headers of a checked stream.
func (k *call) startStream(status int) *sseWriter {
	h := k.c.Writer.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	h.Set("Trailer", streamTrailers)
	k.c.Writer.WriteHeader(status)
	k.c.Writer.Flush()
	return &sseWriter{w: k.c.Writer}
}

// endStream sets the trailers: what was decided last and how it ended.
func (k *call) endStream(guards []*guard, outcome Outcome) {
	h := k.c.Writer.Header()
	effect := engine.EffectAllow
	id := ""
	for _, g := range guards {
		if g == nil || g.last == nil {
			continue
		}
		if id == "" {
			id = g.last.DecisionID
		}
		if engine.Stronger(g.last.Effect, effect) {
			effect = g.last.Effect
		}
	}
	h.Set("X-Parapet-Response-Decision-Id", id)
	h.Set("X-Parapet-Response-Effect", effect)
	h.Set("X-Parapet-Outcome", string(outcome))
}

// oaiStream is a checked OpenAI stream (chat or text completions).
type oaiStream struct {
	k      *call
	chat   bool
	w      *sseWriter
	guards map[int]*guard
	order  []int
	done   map[int]bool
	cut    int
	// last is the last chunk read (a copy), whose fields other than
	// choices and usage are the envelope of the chunks Parapet writes
	// itself (envelope): kept as text and read only when needed.
	last []byte
	fc   fastChunk
	out  []byte // the chunk the fast path writes
}

func (s *oaiStream) guard(i int) *guard {
	g, ok := s.guards[i]
	if !ok {
		g = s.k.newGuard()
		g.flush = func() { _ = s.w.flush() }
		s.guards[i] = g
		s.order = append(s.order, i)
	}
	return g
}

func (s *oaiStream) all() []*guard {
	out := make([]*guard, 0, len(s.order))
	for _, i := range s.order {
		out = append(out, s.guards[i])
	}
	return out
}

func (k *call) streamOpenAI(resp *http.Response, chat bool) {
	s := &oaiStream{k: k, chat: chat, guards: map[int]*guard{}, done: map[int]bool{}}
	s.w = k.startStream(resp.StatusCode)
	idle := time.AfterFunc(k.up.IdleTimeout, func() { k.cancel(errIdleTimeout) })
	defer idle.Stop()
	rd := newSSEReader(resp.Body)
	defer rd.release()
	rd.reuse = true // chunk keeps nothing of the event's data
	outcome := OutcomeCompleted
	for {
		ev, err := rd.next()
		if err != nil {
			outcome = s.broken(err)
			break
		}
		idle.Reset(k.up.IdleTimeout)
		if ev.comment != nil {
			s.w.comment(ev.comment)
			_ = s.w.flush()
			continue
		}
		if string(bytes.TrimSpace(ev.data)) == "[DONE]" {
			s.finishAll()
			s.w.event("", []byte("[DONE]"))
			k.ended = true
			break
		}
		stop, oc := s.chunk(ev.data, rd.backlog())
		if stop || flushDue(rd, s.w) {
			if err := s.w.flush(); err != nil {
				outcome = OutcomeClientGone
				break
			}
		}
		if stop {
			outcome = oc
			break
		}
	}
	_ = s.w.flush()
	if !k.ended {
		k.cancel(nil)
	}
	for _, i := range s.order {
		if !s.done[i] {
			k.recordResponse(s.guards[i], i, outcome)
		}
	}
	if s.cut > 0 && outcome == OutcomeCompleted {
		outcome = OutcomeContentFilter
	}
	k.endStream(s.all(), outcome)
}

// broken handles the end of an upstream stream without [DONE].
func (s *oaiStream) broken(err error) Outcome {
	k := s.k
	oc, e := k.streamBreak()
	if oc == OutcomeUpstreamError && errors.Is(err, io.EOF) && len(s.done) > 0 && len(s.done) == len(s.guards) {
		// Every choice finished; some servers close without [DONE].
		s.w.event("", []byte("[DONE]"))
		return OutcomeCompleted
	}
	if e != nil {
		s.w.event("", errorJSON(apiOpenAI, e, ""))
	}
	return oc
}

// streamBreak says how an upstream stream that ended without its end
// event ended, and the error the caller is sent (none when the caller is
// gone).
func (k *call) streamBreak() (Outcome, *apiError) {
	switch {
	case k.clientGone():
		return OutcomeClientGone, nil
	case isStall(k):
		return OutcomeUpstreamTimeout, &apiError{status: http.StatusGatewayTimeout, code: "upstream_timeout", msg: "upstream " + strconv.Quote(k.up.Name) + " stalled mid-stream"}
	}
	return OutcomeUpstreamError, &apiError{status: http.StatusBadGateway, code: "upstream_error", msg: "upstream " + strconv.Quote(k.up.Name) + " broke off the stream"}
}

// finishAll makes the last decision on choices that sent no
// finish_reason, and sends what remains.
func (s *oaiStream) finishAll() {
	ctx := s.k.c.Request.Context()
	for _, i := range s.order {
		if s.done[i] {
			continue
		}
		g := s.guards[i]
		g.finish(ctx)
		if g.denied {
			s.cutChoice(i, g)
			continue
		}
		rel := releaseAll(g, true)
		if len(rel) > 0 {
			choice := map[string]json.RawMessage{"index": encodeJSON(i), "finish_reason": json.RawMessage("null")}
			if s.chat {
				d := map[string]json.RawMessage{}
				setChatTexts(g, d, rel, true)
				choice["delta"] = encodeJSON(d)
			} else {
				choice["text"] = encodeJSON(rel["text"])
			}
			ck := s.envelope()
			ck["choices"] = encodeJSON([]any{choice})
			s.w.event("", encodeJSON(ck))
		}
		s.done[i] = true
		s.k.recordResponse(g, i, OutcomeCompleted)
	}
}

// envelope returns the fields of the last chunk read other than choices
// and usage, a new map.
func (s *oaiStream) envelope() map[string]json.RawMessage {
	env, _ := parseObject(s.last)
	if env == nil {
		return map[string]json.RawMessage{}
	}
	delete(env, "choices")
	delete(env, "usage")
	return env
}

// allCut reports whether a decision has cut every choice, and then ends
// the stream for the caller; the caller stops the upstream.
func (s *oaiStream) allCut() bool {
	if s.cut >= s.k.n && s.cut == len(s.guards) {
		s.w.event("", []byte("[DONE]"))
		return true
	}
	return false
}

// chunk checks one upstream chunk and writes what may go out. stop ends
// the stream.
func (s *oaiStream) chunk(data []byte, backlog int) (stop bool, outcome Outcome) {
	if s.chat && !generalChunksOnly.Load() && s.fc.parse(data) {
		if i := intOf(s.fc.index); !s.done[i] && textOnly(s.guard(i)) {
			return s.chunkFast(data, i, backlog)
		}
	}
	k := s.k
	ck, ok := parseObject(data)
	if !ok {
		s.w.event("", errorJSON(apiOpenAI, &apiError{status: http.StatusBadGateway, code: "upstream_invalid_response", msg: "upstream " + strconv.Quote(k.up.Name) + " sent a chunk that cannot be read, so cannot be checked"}, ""))
		return true, OutcomeUpstreamError
	}
	if e, ok := ck["error"]; ok && !isNull(e) {
		s.w.event("", data)
		return true, OutcomeUpstreamError
	}
	rawChoices, hasChoices := ck["choices"]
	// data is the reader's buffer, used again for the next event.
	s.last = append(s.last[:0], data...)
	if !hasChoices {
		s.w.event("", data)
		return false, ""
	}
	ctx := k.c.Request.Context()
	now := time.Now()
	choices := arrayOf(rawChoices)
	out := make([]map[string]json.RawMessage, 0, len(choices))
	for _, ch := range choices {
		i := intOf(ch["index"])
		if s.done[i] {
			continue
		}
		g := s.guard(i)
		delta := ch
		if s.chat {
			delta = objectOf(ch["delta"])
			addChatTexts(g, delta)
		} else if t, ok := getString(ch, "text"); ok {
			g.add(g.channel(kindContent, "text"), t)
		}
		finished := !isNull(ch["finish_reason"])
		if finished {
			g.finish(ctx)
		} else if g.due(now, backlog) {
			g.decide(ctx)
		}
		if g.denied {
			s.cutChoice(i, g)
			continue
		}
		rel := releaseAll(g, finished)
		if _, ok := ch["logprobs"]; ok {
			// Log probabilities name the tokens, held or redacted ones too.
			ch["logprobs"] = json.RawMessage("null")
		}
		keep := finished
		if s.chat {
			setChatTexts(g, delta, rel, true)
			ch["delta"] = encodeJSON(delta)
			keep = keep || meaningful(delta)
		} else {
			ch["text"] = encodeJSON(rel["text"])
			keep = keep || rel["text"] != ""
		}
		if keep {
			out = append(out, ch)
		}
		if finished {
			s.done[i] = true
			k.recordResponse(g, i, OutcomeCompleted)
		}
	}
	if s.allCut() {
		return true, OutcomeContentFilter
	}
	usage, hasUsage := ck["usage"]
	if len(out) == 0 && (!hasUsage || isNull(usage)) && len(choices) > 0 {
		return false, ""
	}
	ck["choices"] = encodeJSON(out)
	s.w.event("", encodeJSON(ck))
	return false, ""
}

// cutChoice ends a choice that a decision refused: a last chunk with
// finish_reason content_filter, naming the decision.
func (s *oaiStream) cutChoice(i int, g *guard) {
	choice := map[string]json.RawMessage{"index": encodeJSON(i), "finish_reason": json.RawMessage(`"content_filter"`), "logprobs": json.RawMessage("null")}
	if s.chat {
		choice["delta"] = json.RawMessage("{}")
	} else {
		choice["text"] = json.RawMessage(`""`)
	}
	ck := s.envelope()
	ck["choices"] = encodeJSON([]any{choice})
	ck["parapet"] = encodeJSON(map[string]string{"decision_id": g.last.DecisionID, "code": g.reason()})
	s.w.event("", encodeJSON(ck))
	s.done[i] = true
	s.cut++
	s.k.recordResponse(g, i, OutcomeContentFilter)
}

// generalChunksOnly keeps chat streams off the fast path: tests set it to
// compare the fast path with the general one.
var generalChunksOnly atomic.Bool

// fastChunk is a chat chunk of the common shape, split without maps: one
// choice whose delta holds only role and text fields (content, refusal,
// reasoning), the text fields strings or null, no error field, every key
// plain and once (splitFields). chunkFast handles it as chunk does, and
// writes the same bytes.
type fastChunk struct {
	top, choice, delta    [16]rawField
	nTop, nChoice, nDelta int
	index, finish         []byte
}

func (f *fastChunk) parse(data []byte) bool {
	if !json.Valid(data) {
		return false
	}
	v := trimSpace(data)
	if v[0] != '{' {
		return false
	}
	var ok bool
	if f.nTop, ok = splitFields(v, f.top[:]); !ok {
		return false
	}
	if _, ok := field(f.top[:f.nTop], "error"); ok {
		return false
	}
	arr, _ := field(f.top[:f.nTop], "choices")
	if len(arr) == 0 || arr[0] != '[' {
		return false
	}
	i := skipSpace(arr, 1)
	if i >= len(arr) || arr[i] != '{' {
		return false
	}
	end := skipValue(arr, i)
	if j := skipSpace(arr, end); j >= len(arr) || arr[j] != ']' {
		return false
	}
	if f.nChoice, ok = splitFields(arr[i:end], f.choice[:]); !ok {
		return false
	}
	ch := f.choice[:f.nChoice]
	f.index, _ = field(ch, "index")
	f.finish, _ = field(ch, "finish_reason")
	d, _ := field(ch, "delta")
	if len(d) == 0 || d[0] != '{' {
		return false
	}
	if f.nDelta, ok = splitFields(d, f.delta[:]); !ok {
		return false
	}
	for _, fd := range f.delta[:f.nDelta] {
		switch {
		case string(fd.key) == "role":
		case isChatTextKey(string(fd.key)):
			if fd.val[0] != '"' && string(fd.val) != "null" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func isChatTextKey(key string) bool {
	for _, t := range chatTextKeys {
		if t.key == key {
			return true
		}
	}
	return false
}

// textOnly reports whether every channel of g is a text field, so that
// what it releases goes into text fields only (no tool calls).
func textOnly(g *guard) bool {
	for _, ch := range g.chans {
		if !isChatTextKey(ch.key) {
			return false
		}
	}
	return true
}

// emptyJSONString and textKeyBytes are read only.
var (
	emptyJSONString = []byte(`""`)
	textKeyBytes    = func() map[string][]byte {
		m := map[string][]byte{}
		for _, t := range chatTextKeys {
			m[t.key] = []byte(t.key)
		}
		return m
	}()
)

// outField is a field of the delta chunkFast writes: raw, or the string
// str when isStr.
type outField struct {
	key   []byte
	raw   []byte
	str   string
	isStr bool
}

// chunkFast is chunk for a fastChunk (s.fc) of choice i, whose guard
// has text channels only: the same steps in the same order, the same
// bytes out (addChatTexts, releaseAll, setChatTexts, meaningful and the
// sorted encoding of encodeJSON, without the maps).
func (s *oaiStream) chunkFast(data []byte, i, backlog int) (stop bool, outcome Outcome) {
	k, f := s.k, &s.fc
	s.last = append(s.last[:0], data...)
	ctx := k.c.Request.Context()
	now := time.Now()
	g := s.guard(i)
	delta := f.delta[:f.nDelta]
	for _, t := range chatTextKeys {
		if v, ok := field(delta, t.key); ok && v[0] == '"' {
			g.add(g.channel(t.kind, t.key), decodeString(v))
		}
	}
	finished := !isNull(f.finish)
	if finished {
		g.finish(ctx)
	} else if g.due(now, backlog) {
		g.decide(ctx)
	}
	keep := false
	var outs [16]outField // role and the text keys, at most 9
	n := 0
	if g.denied {
		s.cutChoice(i, g)
	} else {
		// releaseAll, without the map: the guard has at most one channel
		// per text key.
		var rel [8]struct{ key, s string } // one per text key, 4
		nr := 0
		for _, ch := range g.chans {
			if r := g.release(ch, finished); r != "" {
				rel[nr].key, rel[nr].s = ch.key, r
				nr++
			}
		}
		released := func(key string) (string, bool) {
			for _, r := range rel[:nr] {
				if r.key == key {
					return r.s, true
				}
			}
			return "", false
		}
		stripped := func(key string) bool {
			return g.strip && (key == "reasoning_content" || key == "reasoning")
		}
		// setChatTexts on the delta's fields, then the released text of
		// fields the delta does not have.
		for _, fd := range delta {
			key := string(fd.key)
			switch {
			case key == "role":
				outs[n] = outField{key: fd.key, raw: fd.val}
			case stripped(key):
				continue
			default:
				if r, ok := released(key); ok {
					outs[n] = outField{key: fd.key, str: r, isStr: true}
				} else if fd.val[0] == '"' {
					outs[n] = outField{key: fd.key, raw: emptyJSONString}
				} else {
					outs[n] = outField{key: fd.key, raw: fd.val}
				}
			}
			n++
		}
		for _, r := range rel[:nr] {
			if _, had := field(delta, r.key); had || stripped(r.key) {
				continue
			}
			outs[n] = outField{key: textKeyBytes[r.key], str: r.s, isStr: true}
			n++
		}
		sorted := outs[:n]
		for j := 1; j < len(sorted); j++ {
			for m := j; m > 0 && bytes.Compare(sorted[m-1].key, sorted[m].key) > 0; m-- {
				sorted[m-1], sorted[m] = sorted[m], sorted[m-1]
			}
		}
		// meaningful: a role not null, or text not empty (the delta's
		// text is "" or null unless released).
		keep = finished
		for _, o := range sorted {
			if o.isStr || (string(o.key) == "role" && !isNull(o.raw)) {
				keep = true
			}
		}
		if finished {
			s.done[i] = true
			k.recordResponse(g, i, OutcomeCompleted)
		}
	}
	if s.allCut() {
		return true, OutcomeContentFilter
	}
	top := f.top[:f.nTop]
	if usage, hasUsage := field(top, "usage"); !keep && (!hasUsage || isNull(usage)) {
		return false, ""
	}
	b := append(s.out[:0], '{')
	for j, tf := range top {
		b = appendKey(b, tf.key, j == 0)
		if string(tf.key) != "choices" {
			b = appendValue(b, tf.val)
			continue
		}
		b = append(b, '[')
		if keep {
			b = append(b, '{')
			for c, cf := range f.choice[:f.nChoice] {
				b = appendKey(b, cf.key, c == 0)
				switch string(cf.key) {
				case "logprobs":
					// Log probabilities name the tokens, held or redacted ones too.
					b = append(b, "null"...)
				case "delta":
					b = append(b, '{')
					for d, o := range outs[:n] {
						b = appendKey(b, o.key, d == 0)
						if o.isStr {
							b = appendString(b, o.str)
						} else {
							b = appendValue(b, o.raw)
						}
					}
					b = append(b, '}')
				default:
					b = appendValue(b, cf.val)
				}
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, '}')
	s.out = b
	s.w.event("", b)
	return false, ""
}
