package proxy

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

func blockKey(i int) string { return "block:" + strconv.Itoa(i) }

// blockKind is the channel kind of an Anthropic content block type; ok is
// false for blocks without text to check (images, redacted thinking).
func blockKind(typ string) (chanKind, string, bool) {
	switch typ {
	case "text":
		return kindContent, "text", true
	case "thinking":
		return kindReasoning, "thinking", true
	case "tool_use", "server_tool_use":
		return kindTool, "input", true
	}
	return 0, "", false
}

func isThinking(typ string) bool { return typ == "thinking" || typ == "redacted_thinking" }

// respondAnthropic checks a Messages API answer.
func (k *call) respondAnthropic(resp *http.Response) {
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		k.streamAnthropic(resp)
		return
	}
	body, ok := k.readAnswer(resp)
	if !ok {
		return
	}
	blocks := arrayOf(body["content"])
	g := k.newGuard()
	for i, b := range blocks {
		typ, _ := getString(b, "type")
		kind, field, ok := blockKind(typ)
		if !ok {
			continue
		}
		ch := g.channel(kind, blockKey(i))
		if kind == kindTool {
			g.add(ch, string(b[field]))
		} else if s, ok := getString(b, field); ok {
			g.add(ch, s)
		}
	}
	g.finish(k.c.Request.Context())
	k.setResponseHeaders([]*guard{g})
	if k.withhold([]*guard{g}) {
		return
	}
	rel := releaseAll(g, true)
	out := make([]map[string]json.RawMessage, 0, len(blocks))
	for i, b := range blocks {
		typ, _ := getString(b, "type")
		if isThinking(typ) && g.strip {
			continue
		}
		kind, field, ok := blockKind(typ)
		if !ok {
			out = append(out, b)
			continue
		}
		text := rel[blockKey(i)]
		if kind == kindTool {
			if text != string(b[field]) {
				if !json.Valid([]byte(text)) {
					// A redaction broke the tool input's JSON: withhold.
					k.recordResponse(g, 0, OutcomeContentFilter)
					k.p.fail(k.c, k.rt.kind, &apiError{status: http.StatusForbidden, code: "tool_input_redacted", msg: "a tool call's input could not be redacted as valid JSON; withheld (decision " + g.last.DecisionID + ")", policy: true, decisionID: g.last.DecisionID})
					return
				}
				b[field] = json.RawMessage(text)
			}
		} else {
			b[field] = encodeJSON(text)
		}
		out = append(out, b)
	}
	body["content"] = encodeJSON(out)
	k.answer(resp.StatusCode, encodeJSON(body))
	k.recordResponse(g, 0, OutcomeCompleted)
}

// antStream is a checked Anthropic stream. Block indexes are renumbered
// when thinking blocks are stripped, so the caller's are contiguous.
type antStream struct {
	k        *call
	w        *sseWriter
	g        *guard
	outIndex map[int]int // upstream block index → caller's; -1: dropped
	types    map[int]string
	nextOut  int
	open     int // the upstream block being streamed, or -1
	held     map[int][][]byte
	usage    json.RawMessage
}

func (k *call) streamAnthropic(resp *http.Response) {
	s := &antStream{k: k, g: k.newGuard(), outIndex: map[int]int{}, types: map[int]string{}, open: -1, held: map[int][][]byte{}}
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

func (s *antStream) broken(error) Outcome {
	oc, e := s.k.streamBreak()
	if e != nil {
		s.w.event("error", errorJSON(apiAnthropic, e, ""))
	}
	return oc
}

// event checks one upstream event; a non-empty outcome ends the stream.
func (s *antStream) event(ev sseEvent, backlog int) Outcome {
	ctx := s.k.c.Request.Context()
	m, ok := parseObject(ev.data)
	if !ok {
		s.w.event("error", errorJSON(apiAnthropic, &apiError{status: http.StatusBadGateway, code: "upstream_invalid_response", msg: "upstream sent an event that cannot be read, so cannot be checked"}, ""))
		return OutcomeUpstreamError
	}
	typ, _ := getString(m, "type")
	if typ == "" {
		typ = ev.event
	}
	g := s.g
	switch typ {
	case "content_block_start":
		i := intOf(m["index"])
		cb := objectOf(m["content_block"])
		bt, _ := getString(cb, "type")
		s.types[i] = bt
		s.open = i
		if isThinking(bt) && g.strip {
			s.outIndex[i] = -1
			return ""
		}
		if kind, field, ok := blockKind(bt); ok {
			ch := g.channel(kind, blockKey(i))
			if t, ok := getString(cb, field); ok && t != "" {
				g.add(ch, t)
				cb[field] = json.RawMessage(`""`)
				m["content_block"] = encodeJSON(cb)
			}
		}
		s.outIndex[i] = s.nextOut
		s.nextOut++
		m["index"] = encodeJSON(s.outIndex[i])
		s.w.event(ev.event, encodeJSON(m))
	case "content_block_delta":
		i := intOf(m["index"])
		delta := objectOf(m["delta"])
		dt, _ := getString(delta, "type")
		field := ""
		switch dt {
		case "text_delta":
			field = "text"
		case "thinking_delta":
			field = "thinking"
		case "input_json_delta":
			field = "partial_json"
		case "signature_delta":
			// After all of the block's text: held until the block ends.
			s.held[i] = append(s.held[i], ev.data)
			return ""
		default:
			if s.outIndex[i] >= 0 {
				m["index"] = encodeJSON(s.outIndex[i])
				s.w.event(ev.event, encodeJSON(m))
			}
			return ""
		}
		kind, _, _ := blockKind(s.types[i])
		t, _ := getString(delta, field)
		g.add(g.channel(kind, blockKey(i)), t)
		if g.due(time.Now(), backlog) {
			g.decide(ctx)
		}
		if g.denied {
			return s.cut()
		}
		s.emit(i, false)
	case "content_block_stop":
		i := intOf(m["index"])
		if ch := g.lookup(blockKey(i)); ch != nil && ch.evaluated < len(ch.raw) {
			g.decide(ctx)
			if g.denied {
				return s.cut()
			}
		}
		s.emit(i, true)
		s.open = -1
		if out, ok := s.outIndex[i]; ok && out >= 0 {
			for _, h := range s.held[i] {
				hm := objectOf(h)
				hm["index"] = encodeJSON(out)
				s.w.event("content_block_delta", encodeJSON(hm))
			}
			m["index"] = encodeJSON(out)
			s.w.event(ev.event, encodeJSON(m))
		}
		delete(s.held, i)
	case "message_delta":
		if u, ok := m["usage"]; ok {
			s.usage = u
		}
		g.finish(ctx)
		if g.denied {
			return s.cut()
		}
		for i := range s.types {
			s.emit(i, true)
		}
		s.w.event(ev.event, ev.data)
	case "message_stop":
		s.w.event(ev.event, ev.data)
		return OutcomeCompleted
	case "error":
		s.w.event(ev.event, ev.data)
		return OutcomeUpstreamError
	default: // message_start, ping, and what comes later
		if u, ok := objectOf(m["message"])["usage"]; ok {
			s.usage = u
		}
		s.w.event(ev.event, ev.data)
	}
	return ""
}

// emit sends what block i may release now.
func (s *antStream) emit(i int, final bool) {
	ch := s.g.lookup(blockKey(i))
	if ch == nil {
		return
	}
	text := s.g.release(ch, final)
	out, ok := s.outIndex[i]
	if text == "" || !ok || out < 0 {
		return
	}
	var delta any
	switch s.types[i] {
	case "thinking":
		delta = map[string]string{"type": "thinking_delta", "thinking": text}
	case "tool_use", "server_tool_use":
		delta = map[string]string{"type": "input_json_delta", "partial_json": text}
	default:
		delta = map[string]string{"type": "text_delta", "text": text}
	}
	s.w.event("content_block_delta", encodeJSON(map[string]any{"type": "content_block_delta", "index": out, "delta": delta}))
}

// cut ends the message after a refusing decision: the open block stops,
// then stop_reason "refusal" (Anthropic's own for a classifier stop) and
// message_stop.
func (s *antStream) cut() Outcome {
	if s.open >= 0 {
		if out, ok := s.outIndex[s.open]; ok && out >= 0 {
			s.w.event("content_block_stop", encodeJSON(map[string]any{"type": "content_block_stop", "index": out}))
		}
	}
	usage := map[string]json.RawMessage{"output_tokens": json.RawMessage("0")}
	if s.usage != nil {
		if ot, ok := objectOf(s.usage)["output_tokens"]; ok {
			usage["output_tokens"] = ot
		}
	}
	s.w.event("message_delta", encodeJSON(map[string]any{
		"type":    "message_delta",
		"delta":   map[string]any{"stop_reason": "refusal", "stop_sequence": nil},
		"usage":   usage,
		"parapet": map[string]string{"decision_id": s.g.last.DecisionID, "code": s.g.reason()},
	}))
	s.w.event("message_stop", []byte(`{"type":"message_stop"}`))
	return OutcomeContentFilter
}
