package proxy

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// The OpenAI Responses API (POST /v1/responses), which the OpenAI Agents
// SDK and newer OpenAI clients use instead of chat completions. The prompt
// is the instructions and the input items (messages, tool calls and tool
// results); the answer is a list of output items (messages, reasoning
// summaries, function calls), streamed as typed events
// (response.output_text.delta … response.completed).

var routeResponses = &route{name: "responses", kind: apiOpenAI, protocol: ProtocolOpenAI, path: "/responses", extract: extractResponses}

func init() {
	routeResponses.respond = func(k *call, r *http.Response) { k.respondResponses(r) }
}

func (p *Proxy) responses(c *gin.Context) { p.serve(c, routeResponses) }

// extractResponses collects the text of a Responses request: the
// instructions (a system prompt) and every text of the input items; tool
// results are tool messages, checked for indirect injection. A request
// without input (a stored prompt, or a conversation the upstream keeps) is
// refused: Parapet decides on the text it sees.
func extractResponses(body map[string]any, pt *promptText) *apiError {
	switch s := body["instructions"].(type) {
	case nil:
	case string:
		pt.add("system", s, func(v string) { body["instructions"] = v })
	default:
		return invalid("instructions", "must be a string")
	}
	switch in := body["input"].(type) {
	case nil:
		return invalid("input", "is required: the proxy checks the text of each call, so a call made only of a stored prompt or an upstream-kept conversation cannot be checked")
	case string:
		pt.add("user", in, func(v string) { body["input"] = v })
	case []any:
		for i, x := range in {
			where := "input[" + strconv.Itoa(i) + "]"
			m, ok := x.(map[string]any)
			if !ok {
				return invalid(where, "must be an input item (an object)")
			}
			typ, _ := m["type"].(string)
			switch typ {
			case "", "message":
				role, _ := m["role"].(string)
				switch role {
				case "user", "assistant", "system", "developer":
				default:
					return invalid(where+".role", "must be user, assistant, system or developer")
				}
				switch c := m["content"].(type) {
				case string:
					pt.add(role, c, func(v string) { m["content"] = v })
				case []any:
					contentParts(role, where+".content", c, pt)
				default:
					return invalid(where+".content", "must be a string or an array of content parts")
				}
			case "function_call", "custom_tool_call", "mcp_call":
				for _, key := range []string{"arguments", "input"} {
					if t, ok := m[key].(string); ok {
						pt.add("assistant", t, func(v string) { m[key] = v })
					}
				}
				if typ == "mcp_call" {
					if t, ok := m["output"].(string); ok {
						pt.add("tool", t, func(v string) { m["output"] = v })
					}
				}
			case "function_call_output", "custom_tool_call_output":
				switch out := m["output"].(type) {
				case string:
					pt.add("tool", out, func(v string) { m["output"] = v })
				case []any:
					contentParts("tool", where+".output", out, pt)
				}
			case "reasoning":
				if sum, ok := m["summary"].([]any); ok {
					contentParts("assistant", where+".summary", sum, pt)
				}
			case "local_shell_call_output", "shell_call_output", "apply_patch_call_output", "computer_call_output",
				"code_interpreter_call", "file_search_call":
				// What a built-in tool returned (shell output, files
				// found, interpreter logs, screenshots) is tool output.
				for _, key := range []string{"output", "outputs", "results"} {
					switch v := m[key].(type) {
					case string:
						pt.add("tool", v, func(s string) { m[key] = s })
					case map[string]any, []any:
						pt.toolOutput(where+"."+key, v)
					}
				}
			default:
				// Media given as an item of its own is recorded; other
				// items (item references, web search and computer
				// calls) carry no text to check.
				pt.openAIMedia(whole(where), m)
			}
		}
	default:
		return invalid("input", "must be a string or an array of input items")
	}
	return nil
}

// textField is one text of an output item: its channel, its text as the
// upstream sent it, and a setter for the caller's version.
type textField struct {
	kind chanKind
	key  string
	text string
	set  func(string)
}

// Channel keys of output item oi: "o<oi>:c<j>" its content part j,
// "o<oi>:s<j>" reasoning summary part j, "o<oi>:r<j>" reasoning text part
// j, "o<oi>:f" a tool call's arguments or input.
func itemKey(oi int, tag string, j int) string {
	k := "o" + strconv.Itoa(oi) + ":" + tag
	if j >= 0 {
		k += strconv.Itoa(j)
	}
	return k
}

// itemFields lists the texts of output item oi. The setters change the
// item's parts; commit writes the parts back into it.
func itemFields(oi int, it map[string]json.RawMessage) (fields []textField, commit func()) {
	var commits []func()
	parts := func(arr, tag string, kind chanKind) {
		ps := arrayOf(it[arr])
		if ps == nil {
			return
		}
		for j, p := range ps {
			field := "text"
			if t, _ := getString(p, "type"); t == "refusal" {
				field = "refusal"
			}
			s, ok := getString(p, field)
			if !ok {
				continue
			}
			fields = append(fields, textField{kind: kind, key: itemKey(oi, tag, j), text: s, set: func(v string) {
				if v != s {
					// Token log probabilities would give away what was
					// redacted; citations move with the text.
					if _, ok := p["logprobs"]; ok {
						p["logprobs"] = json.RawMessage("[]")
					}
					remapAnnotations(p, s, v)
				}
				p[field] = encodeJSON(v)
			}})
		}
		commits = append(commits, func() { it[arr] = encodeJSON(ps) })
	}
	typ, _ := getString(it, "type")
	switch typ {
	case "message":
		parts("content", "c", kindContent)
	case "reasoning":
		parts("summary", "s", kindReasoning)
		parts("content", "r", kindReasoning)
	case "function_call", "custom_tool_call":
		field, kind := "arguments", kindTool
		if typ == "custom_tool_call" {
			field, kind = "input", kindContent
		}
		if s, ok := getString(it, field); ok {
			fields = append(fields, textField{kind: kind, key: itemKey(oi, "f", -1), text: s, set: func(v string) { it[field] = encodeJSON(v) }})
		}
	}
	return fields, func() {
		for _, c := range commits {
			c()
		}
	}
}

// outputText is the SDKs' convenience field: the text of every message's
// output_text parts.
func outputText(items []map[string]json.RawMessage) string {
	var b strings.Builder
	for _, it := range items {
		if t, _ := getString(it, "type"); t != "message" {
			continue
		}
		for _, p := range arrayOf(it["content"]) {
			if t, _ := getString(p, "type"); t == "output_text" {
				s, _ := getString(p, "text")
				b.WriteString(s)
			}
		}
	}
	return b.String()
}

// rewriteOutput gives the caller's output items: texts as text(key) says,
// stripped reasoning left out.
func rewriteOutput(g *guard, items []map[string]json.RawMessage, text func(key string) string) []map[string]json.RawMessage {
	out := make([]map[string]json.RawMessage, 0, len(items))
	for i, it := range items {
		if t, _ := getString(it, "type"); t == "reasoning" && g.strip {
			continue
		}
		fs, commit := itemFields(i, it)
		for _, f := range fs {
			f.set(text(f.key))
		}
		commit()
		out = append(out, it)
	}
	return out
}

// setOutput writes items as the response object's output (and its
// output_text when the upstream sent one).
func setOutput(r map[string]json.RawMessage, items []map[string]json.RawMessage) {
	r["output"] = encodeJSON(items)
	if _, ok := getString(r, "output_text"); ok {
		r["output_text"] = encodeJSON(outputText(items))
	}
}

// respondResponses checks a Responses API answer.
func (k *call) respondResponses(resp *http.Response) {
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		k.streamResponses(resp)
		return
	}
	body, ok := k.readAnswer(resp)
	if !ok {
		return
	}
	items := arrayOf(body["output"])
	g := k.newGuard()
	for i, it := range items {
		fs, _ := itemFields(i, it)
		for _, f := range fs {
			g.add(g.channel(f.kind, f.key), f.text)
		}
	}
	g.finish(k.c.Request.Context())
	k.setResponseHeaders([]*guard{g})
	if k.withhold([]*guard{g}) {
		return
	}
	rel := releaseAll(g, true)
	if items != nil {
		setOutput(body, rewriteOutput(g, items, func(key string) string { return rel[key] }))
	}
	k.answer(resp.StatusCode, encodeJSON(body))
	k.recordResponse(g, 0, OutcomeCompleted)
}

// respKey is what the stream knows of one text field: the event that
// carries its deltas and the fields that place them.
type respKey struct {
	deltaType string
	itemID    json.RawMessage
	oi        int
	indexName string // content_index, summary_index, or "" for a tool call
	index     json.RawMessage
}

// respStream is a checked Responses API stream. Output indexes are
// renumbered when reasoning items are stripped, so the caller's are
// contiguous, and every event the caller gets has the next
// sequence_number.
type respStream struct {
	k        *call
	w        *sseWriter
	g        *guard
	seq      int
	outIndex map[int]int // the upstream's output_index → the caller's; -1: stripped
	nextOut  int
	keys     map[string]*respKey
	full     map[string]*strings.Builder // what the caller got of each text
	envelope map[string]json.RawMessage  // the response object as last announced
	items    []json.RawMessage           // the caller's finished items
}

// Delta and done events with text, by type: the channel tag and kind, the
// index field, the done event's text field and the matching delta event.
var respTextEvents = map[string]struct {
	tag       string
	kind      chanKind
	indexName string
	field     string // the text field of the done event ("delta" in deltas)
	deltaType string
}{
	"response.output_text.delta":             {"c", kindContent, "content_index", "", "response.output_text.delta"},
	"response.output_text.done":              {"c", kindContent, "content_index", "text", "response.output_text.delta"},
	"response.refusal.delta":                 {"c", kindContent, "content_index", "", "response.refusal.delta"},
	"response.refusal.done":                  {"c", kindContent, "content_index", "refusal", "response.refusal.delta"},
	"response.reasoning_summary_text.delta":  {"s", kindReasoning, "summary_index", "", "response.reasoning_summary_text.delta"},
	"response.reasoning_summary_text.done":   {"s", kindReasoning, "summary_index", "text", "response.reasoning_summary_text.delta"},
	"response.reasoning_text.delta":          {"r", kindReasoning, "content_index", "", "response.reasoning_text.delta"},
	"response.reasoning_text.done":           {"r", kindReasoning, "content_index", "text", "response.reasoning_text.delta"},
	"response.function_call_arguments.delta": {"f", kindTool, "", "", "response.function_call_arguments.delta"},
	"response.function_call_arguments.done":  {"f", kindTool, "", "arguments", "response.function_call_arguments.delta"},
	"response.custom_tool_call_input.delta":  {"f", kindContent, "", "", "response.custom_tool_call_input.delta"},
	"response.custom_tool_call_input.done":   {"f", kindContent, "", "input", "response.custom_tool_call_input.delta"},
}

func (k *call) streamResponses(resp *http.Response) {
	s := &respStream{k: k, g: k.newGuard(), outIndex: map[int]int{}, keys: map[string]*respKey{}, full: map[string]*strings.Builder{}}
	s.w = k.startStream(resp.StatusCode)
	s.g.flush = func() { _ = s.w.flush() }
	outcome, ended := k.eventLoop(resp, s.w, s.event, s.broken)
	_ = s.w.flush()
	if k.ended = ended && outcome == OutcomeCompleted && !s.g.denied; !k.ended {
		k.cancel(nil)
	}
	k.recordResponse(s.g, 0, outcome)
	k.endStream([]*guard{s.g}, outcome)
}

// eventLoop reads a stream's events into handle until it returns an
// outcome (the end of the stream in its protocol: ended is true) or the
// stream breaks off (broken says how) or the caller goes away. The
// Anthropic and Responses streams use it; chat completions have their own
// loop, with a fast path for plain chunks.
func (k *call) eventLoop(resp *http.Response, w *sseWriter, handle func(sseEvent, int) Outcome, broken func(error) Outcome) (outcome Outcome, ended bool) {
	idle := time.AfterFunc(k.up.IdleTimeout, func() { k.cancel(errIdleTimeout) })
	defer idle.Stop()
	rd := newSSEReader(resp.Body)
	defer rd.release()
	for {
		ev, err := rd.next()
		if err != nil {
			return broken(err), false
		}
		idle.Reset(k.up.IdleTimeout)
		if ev.comment != nil {
			w.comment(ev.comment)
			_ = w.flush()
			continue
		}
		oc := handle(ev, rd.backlog())
		if oc == "" && !flushDue(rd, w) {
			continue
		}
		if err := w.flush(); err != nil {
			return OutcomeClientGone, false
		}
		if oc != "" {
			return oc, true
		}
	}
}

// broken ends a stream the upstream broke off (no response.completed).
func (s *respStream) broken(error) Outcome {
	oc, e := s.k.streamBreak()
	if e != nil {
		s.sendError(e.code, e.msg)
	}
	return oc
}

// sendError ends the stream with the API's error event.
func (s *respStream) sendError(code, msg string) {
	s.send("error", map[string]json.RawMessage{"code": encodeJSON(code), "message": encodeJSON(msg), "param": json.RawMessage("null")})
}

// send writes one event to the caller, with the caller's output index and
// the next sequence number.
func (s *respStream) send(typ string, m map[string]json.RawMessage) {
	m["type"] = encodeJSON(typ)
	if raw, ok := m["output_index"]; ok {
		if out, ok := s.outIndex[intOf(raw)]; ok {
			m["output_index"] = encodeJSON(out)
		}
	}
	m["sequence_number"] = encodeJSON(s.seq)
	s.seq++
	s.w.event(typ, encodeJSON(m))
}

// key returns the channel key of a text event of output item oi, noting
// what placing its deltas takes.
func (s *respStream) key(typ string, m map[string]json.RawMessage, oi int) (string, chanKind) {
	te := respTextEvents[typ]
	j := -1
	if te.indexName != "" {
		j = intOf(m[te.indexName])
	}
	key := itemKey(oi, te.tag, j)
	if _, ok := s.keys[key]; !ok {
		s.keys[key] = &respKey{deltaType: te.deltaType, itemID: m["item_id"], oi: oi, indexName: te.indexName, index: m[te.indexName]}
	}
	return key, te.kind
}

// emit sends what the text at key may release now, as a delta event.
func (s *respStream) emit(key string, final bool) {
	ch := s.g.lookup(key)
	if ch == nil {
		return
	}
	text := s.g.release(ch, final)
	if text == "" {
		return
	}
	b := s.full[key]
	if b == nil {
		b = &strings.Builder{}
		s.full[key] = b
	}
	b.WriteString(text)
	rk := s.keys[key]
	if rk == nil || s.outIndex[rk.oi] < 0 {
		return
	}
	m := map[string]json.RawMessage{"output_index": encodeJSON(rk.oi), "delta": encodeJSON(text)}
	if rk.itemID != nil {
		m["item_id"] = rk.itemID
	}
	if rk.indexName != "" {
		m[rk.indexName] = rk.index
	}
	if rk.deltaType == "response.output_text.delta" {
		m["logprobs"] = json.RawMessage("[]")
	}
	s.send(rk.deltaType, m)
}

// text is what the caller got of the text at key.
func (s *respStream) text(key string) string {
	if b := s.full[key]; b != nil {
		return b.String()
	}
	return ""
}

// catchUp adds what an item's full text has beyond the deltas received (a
// server that sends a text only in its done event).
func (s *respStream) catchUp(kind chanKind, key, full string) {
	ch := s.g.channel(kind, key)
	if len(full) > len(ch.raw) && strings.HasPrefix(full, string(ch.raw)) {
		s.g.add(ch, full[len(ch.raw):])
	}
}

// event checks one upstream event; a non-empty outcome ends the stream.
func (s *respStream) event(ev sseEvent, backlog int) Outcome {
	ctx := s.k.c.Request.Context()
	g := s.g
	m, ok := parseObject(ev.data)
	if !ok {
		s.sendError("upstream_invalid_response", "upstream sent an event that cannot be read, so cannot be checked")
		return OutcomeUpstreamError
	}
	typ, _ := getString(m, "type")
	if typ == "" {
		typ = ev.event
	}
	oi, stripped := -1, false
	if raw, ok := m["output_index"]; ok {
		oi = intOf(raw)
		if out, ok := s.outIndex[oi]; ok && out < 0 {
			stripped = true
		}
	}
	// The text of a stripped reasoning item is still decided on (a
	// decision covers the whole answer); nothing of it is sent.
	if te, ok := respTextEvents[typ]; ok && oi >= 0 {
		key, kind := s.key(typ, m, oi)
		if te.field == "" {
			t, _ := getString(m, "delta")
			g.add(g.channel(kind, key), t)
			if g.due(time.Now(), backlog) {
				g.decide(ctx)
			}
			if g.denied {
				return s.cut()
			}
			s.emit(key, false)
			return ""
		}
		if full, ok := getString(m, te.field); ok {
			s.catchUp(kind, key, full)
		}
		if ch := g.lookup(key); ch != nil && ch.evaluated < len(ch.raw) {
			g.decide(ctx)
			if g.denied {
				return s.cut()
			}
		}
		s.emit(key, true)
		if stripped {
			return ""
		}
		m[te.field] = encodeJSON(s.text(key))
		if _, ok := m["logprobs"]; ok && g.changed() {
			m["logprobs"] = json.RawMessage("[]")
		}
		s.send(typ, m)
		return ""
	}
	if stripped {
		return ""
	}
	switch typ {
	case "response.created", "response.in_progress", "response.queued":
		s.envelope = objectOf(m["response"])
		s.send(typ, m)
	case "response.output_item.added":
		item := objectOf(m["item"])
		if t, _ := getString(item, "type"); t == "reasoning" && g.strip {
			s.outIndex[oi] = -1
			return ""
		}
		s.outIndex[oi] = s.nextOut
		s.nextOut++
		fs, commit := itemFields(oi, item)
		for _, f := range fs {
			// Text announced with the item (normally none) goes out
			// through the checks like the deltas.
			g.add(g.channel(f.kind, f.key), f.text)
			f.set("")
		}
		commit()
		m["item"] = encodeJSON(item)
		s.send(typ, m)
	case "response.content_part.added", "response.reasoning_summary_part.added",
		"response.content_part.done", "response.reasoning_summary_part.done":
		tag, indexName := "c", "content_index"
		if strings.HasPrefix(typ, "response.reasoning_summary_part") {
			tag, indexName = "s", "summary_index"
		}
		key := itemKey(oi, tag, intOf(m[indexName]))
		part := objectOf(m["part"])
		field := "text"
		if t, _ := getString(part, "type"); t == "refusal" {
			field = "refusal"
		}
		if t, ok := getString(part, field); ok {
			if strings.HasSuffix(typ, ".added") {
				kind := kindContent
				if tag == "s" {
					kind = kindReasoning
				}
				g.add(g.channel(kind, key), t)
				part[field] = json.RawMessage(`""`)
			} else {
				part[field] = encodeJSON(s.text(key))
			}
			m["part"] = encodeJSON(part)
		}
		s.send(typ, m)
	case "response.output_item.done":
		item := objectOf(m["item"])
		fs, commit := itemFields(oi, item)
		for _, f := range fs {
			s.catchUp(f.kind, f.key, f.text)
		}
		for _, f := range fs {
			if ch := g.lookup(f.key); ch != nil && ch.evaluated < len(ch.raw) {
				g.decide(ctx)
				break
			}
		}
		if g.denied {
			return s.cut()
		}
		for _, f := range fs {
			s.emit(f.key, true)
			f.set(s.text(f.key))
		}
		commit()
		m["item"] = encodeJSON(item)
		s.items = append(s.items, m["item"])
		s.send(typ, m)
	case "response.completed", "response.incomplete", "response.failed":
		r := objectOf(m["response"])
		items := arrayOf(r["output"])
		for i, it := range items {
			fs, _ := itemFields(i, it)
			for _, f := range fs {
				s.catchUp(f.kind, f.key, f.text)
			}
		}
		g.finish(ctx)
		if g.denied {
			return s.cut()
		}
		for _, ch := range g.chans {
			s.emit(ch.key, true)
		}
		if items != nil {
			setOutput(r, rewriteOutput(g, items, s.text))
			m["response"] = encodeJSON(r)
		}
		s.send(typ, m)
		if typ == "response.failed" {
			return OutcomeUpstreamError
		}
		return OutcomeCompleted
	case "error":
		s.send(typ, m)
		return OutcomeUpstreamError
	default: // annotations, tool progress, and what comes later
		s.send(typ, m)
	}
	return ""
}

// cut ends the response after a refusing decision: response.incomplete
// with incomplete_details.reason "content_filter" (the API's own for a
// filtered answer), holding the items finished before it.
func (s *respStream) cut() Outcome {
	r := map[string]json.RawMessage{}
	for k, v := range s.envelope {
		r[k] = v
	}
	r["status"] = encodeJSON("incomplete")
	r["incomplete_details"] = json.RawMessage(`{"reason":"content_filter"}`)
	items := s.items
	if items == nil {
		items = []json.RawMessage{}
	}
	r["output"] = encodeJSON(items)
	s.send("response.incomplete", map[string]json.RawMessage{
		"response": encodeJSON(r),
		"parapet":  encodeJSON(map[string]string{"decision_id": s.g.last.DecisionID, "code": s.g.reason()}),
	})
	return OutcomeContentFilter
}

// isStall reports whether the upstream call ended on a timeout: the
// whole call's, or the stream's idle one.
func isStall(k *call) bool {
	c := context.Cause(k.ctx)
	return errors.Is(c, errIdleTimeout) || errors.Is(c, errUpstreamTimeout)
}
