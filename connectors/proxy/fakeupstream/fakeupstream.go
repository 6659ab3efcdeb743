// Package fakeupstream is a deterministic model API for testing and
// benchmarking the proxy: OpenAI-compatible chat completions, completions,
// embeddings and models, and Anthropic-compatible messages, streamed and
// not, and the Responses API. What it answers is chosen by a line "scenario=NAME" in the last
// user message (default "plain"); see Scenarios.
package fakeupstream

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Scenario is a scripted answer: the chunks of content (and reasoning, and
// tool-call arguments) in the order they are streamed.
type Scenario struct {
	Reasoning []string // reasoning_content / thinking chunks, sent first
	Content   []string
	Tool      *Tool
}

// Tool is a tool call whose arguments are streamed in chunks.
type Tool struct {
	ID, Name string
	Args     []string
}

// Scenarios by name. "echo" answers with the last user message, in
// 4-byte chunks; "leak" with the system prompt it got, likewise; "bench=N" is N chunks of prose; "sleep=DUR" waits before
// answering; "error" answers 429; "hang" sends one chunk and waits for the
// caller to go away.
var Scenarios = map[string]Scenario{
	"plain": {Content: []string{"Hello", " there", "!", " How", " can", " I", " help", " you", " today", "?"}},
	// A GitHub token split across three chunks.
	"secret": {Content: []string{"Here is the token: ghp_", "1a2B3c4D5e6F7g8H9i0J", "1k2L3m4N5o6P7q8R", " and more text after it."}},
	// An email address split across three chunks.
	"email": {Content: []string{"Write to jane", ".doe@exa", "mple.com", " for the details."}},
	// Self-hosted DeepSeek R1: reasoning in <think> in the content.
	"think": {Content: []string{"<think>", "\nThe user", " greets me.", " Reply kindly.\n", "</think>", "\n\nHello", " from", " R1."}},
	// DeepSeek's API: reasoning in reasoning_content.
	"reasoning": {Reasoning: []string{"The user", " greets", " me."}, Content: []string{"Hello", " from", " DeepSeek."}},
	// A tool call whose arguments carry an email split across chunks.
	"tool": {Tool: &Tool{ID: "call_1", Name: "send_email", Args: []string{`{"to":`, ` "jane.doe@exa`, `mple.com",`, ` "body": "hi"}`}}},
}

// Request is one request the upstream received.
type Request struct {
	Path   string
	Header http.Header
	Body   map[string]any
}

// Upstream is the fake model API.
type Upstream struct {
	// Delay between streamed chunks. Default 0.
	Delay time.Duration
	// OnGone, when set, is called when a caller goes away mid-answer.
	OnGone func()

	mu       sync.Mutex
	requests []Request
}

// Requests returns what was received so far.
func (u *Upstream) Requests() []Request {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]Request(nil), u.requests...)
}

// Last returns the last request received.
func (u *Upstream) Last() Request {
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.requests) == 0 {
		return Request{}
	}
	return u.requests[len(u.requests)-1]
}

// ServeHTTP answers OpenAI paths under /v1 and Anthropic's /v1/messages.
func (u *Upstream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	if r.Method == http.MethodPost {
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			http.Error(w, `{"error":{"message":"bad json","type":"invalid_request_error"}}`, http.StatusBadRequest)
			return
		}
	}
	u.mu.Lock()
	if len(u.requests) > 1000 {
		u.requests = u.requests[500:]
	}
	u.requests = append(u.requests, Request{Path: r.URL.Path, Header: r.Header.Clone(), Body: body})
	u.mu.Unlock()

	switch r.URL.Path {
	case "/v1/models":
		if r.Header.Get("Anthropic-Version") != "" {
			writeJSON(w, map[string]any{"data": []any{map[string]any{"type": "model", "id": "claude-sonnet-4"}}, "has_more": false})
			return
		}
		writeJSON(w, map[string]any{"object": "list", "data": []any{
			map[string]any{"id": "gpt-4o", "object": "model", "owned_by": "fake"},
			map[string]any{"id": "llama-3.1-8b-onprem", "object": "model", "owned_by": "fake"},
		}})
	case "/v1/embeddings":
		n := 1
		if in, ok := body["input"].([]any); ok {
			n = len(in)
		}
		data := make([]any, n)
		for i := range data {
			data[i] = map[string]any{"object": "embedding", "index": i, "embedding": []float64{0.1, 0.2, 0.3}}
		}
		writeJSON(w, map[string]any{"object": "list", "data": data, "model": body["model"], "usage": map[string]int{"prompt_tokens": 3, "total_tokens": 3}})
	case "/v1/messages/count_tokens":
		n := 0
		msgs, _ := body["messages"].([]any)
		for _, x := range msgs {
			if m, _ := x.(map[string]any); m != nil {
				switch c := m["content"].(type) {
				case string:
					n += len(strings.Fields(c))
				case []any:
					for _, b := range c {
						if bm, _ := b.(map[string]any); bm != nil {
							t, _ := bm["text"].(string)
							n += len(strings.Fields(t))
						}
					}
				}
			}
		}
		writeJSON(w, map[string]any{"input_tokens": n})
	case "/v1/chat/completions", "/v1/completions", "/v1/messages", "/v1/responses":
		u.answer(w, r, body)
	default:
		http.Error(w, `{"error":{"message":"no such path","type":"invalid_request_error"}}`, http.StatusNotFound)
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// systemText is the system prompt as the model got it: Anthropic's
// system field, or the OpenAI system and developer messages' text.
func systemText(body map[string]any) string {
	if s, ok := body["system"].(string); ok {
		return s
	}
	if s, ok := body["instructions"].(string); ok {
		return s
	}
	text := ""
	msgs, _ := body["messages"].([]any)
	for _, x := range msgs {
		if m, _ := x.(map[string]any); m["role"] == "system" || m["role"] == "developer" {
			if c, ok := m["content"].(string); ok {
				text += c
			}
		}
	}
	return text
}

// scenario reads "scenario=NAME" from the last user message.
func scenario(path string, body map[string]any) (string, string) {
	text := ""
	switch {
	case path == "/v1/completions":
		text, _ = body["prompt"].(string)
	case path == "/v1/responses":
		text = responsesText(body)
	default:
		msgs, _ := body["messages"].([]any)
		for i := len(msgs) - 1; i >= 0; i-- {
			m, _ := msgs[i].(map[string]any)
			if m["role"] != "user" {
				continue
			}
			switch c := m["content"].(type) {
			case string:
				text = c
			case []any:
				for _, part := range c {
					if pm, ok := part.(map[string]any); ok {
						if t, ok := pm["text"].(string); ok {
							text += t
						}
					}
				}
			}
			break
		}
	}
	name := "plain"
	for _, line := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "scenario="); ok {
			name = v
		}
	}
	return name, text
}

func (u *Upstream) answer(w http.ResponseWriter, r *http.Request, body map[string]any) {
	name, text := scenario(r.URL.Path, body)
	sc, ok := Scenarios[name]
	switch {
	case name == "error":
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Retry-After", "7")
		w.Header().Set("X-Request-Id", "req_fake_429")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(`{"error":{"message":"Rate limit reached for fake-model","type":"requests","param":null,"code":"rate_limit_exceeded"}}`))
		return
	case strings.HasPrefix(name, "sleep="):
		d, _ := time.ParseDuration(strings.TrimPrefix(name, "sleep="))
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
		sc = Scenarios["plain"]
	case name == "echo":
		echo := strings.TrimSpace(strings.Replace(text, "scenario=echo", "", 1))
		sc = Scenario{Content: split("You said: "+echo, 4)}
	case name == "leak":
		sc = Scenario{Content: split("My instructions are: "+systemText(body), 4)}
	case strings.HasPrefix(name, "bench="):
		n, _ := strconv.Atoi(strings.TrimPrefix(name, "bench="))
		sc = Scenario{Content: Prose(n)}
	case name == "hang":
		sc = Scenario{Content: []string{"Thinking", " about", " it"}}
	case !ok:
		sc = Scenarios["plain"]
	}
	if name == "hang" {
		// However far the answer got, wait for the caller to go away.
		defer u.hang(r)
	}
	model, _ := body["model"].(string)
	stream, _ := body["stream"].(bool)
	switch {
	case r.URL.Path == "/v1/messages" && stream:
		u.streamMessages(w, r, model, sc, name == "hang")
	case r.URL.Path == "/v1/messages":
		writeJSON(w, message(model, sc))
	case r.URL.Path == "/v1/responses" && stream:
		u.streamResponses(w, r, model, sc, name == "hang")
	case r.URL.Path == "/v1/responses":
		writeJSON(w, responseObject(model, "completed", responseItems(sc), sc))
	case stream:
		usage := false
		if so, ok := body["stream_options"].(map[string]any); ok {
			usage, _ = so["include_usage"].(bool)
		}
		u.streamOpenAI(w, r, model, sc, r.URL.Path == "/v1/completions", usage, name == "hang")
	case r.URL.Path == "/v1/completions":
		writeJSON(w, map[string]any{"id": "cmpl-fake", "object": "text_completion", "created": 1700000000, "model": model,
			"choices": []any{map[string]any{"index": 0, "text": strings.Join(sc.Content, ""), "logprobs": nil, "finish_reason": "stop"}},
			"usage":   usageOf(sc)})
	default:
		writeJSON(w, chatCompletion(model, sc))
	}
}

// Prose is n chunks of deterministic text, one word each, with a sentence
// end every twelve words.
func Prose(n int) []string {
	words := []string{"the", "policy", "decides", "every", "call", "and", "the", "proxy", "enforces", "what", "it", "said"}
	out := make([]string, n)
	for i := range out {
		w := words[i%len(words)]
		if i%12 == 11 {
			w += "."
		}
		if i == 0 {
			out[i] = "The"
			continue
		}
		if i%12 == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		out[i] = " " + w
	}
	return out
}

func split(s string, n int) []string {
	var out []string
	for len(s) > n {
		out = append(out, s[:n])
		s = s[n:]
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

func usageOf(sc Scenario) map[string]int {
	n := len(sc.Content) + len(sc.Reasoning)
	if sc.Tool != nil {
		n += len(sc.Tool.Args)
	}
	return map[string]int{"prompt_tokens": 10, "completion_tokens": n, "total_tokens": 10 + n}
}

func chatCompletion(model string, sc Scenario) map[string]any {
	msg := map[string]any{"role": "assistant", "content": strings.Join(sc.Content, "")}
	if sc.Reasoning != nil {
		msg["reasoning_content"] = strings.Join(sc.Reasoning, "")
	}
	finish := "stop"
	if sc.Tool != nil {
		msg["content"] = nil
		msg["tool_calls"] = []any{map[string]any{"id": sc.Tool.ID, "type": "function", "function": map[string]any{"name": sc.Tool.Name, "arguments": strings.Join(sc.Tool.Args, "")}}}
		finish = "tool_calls"
	}
	return map[string]any{"id": "chatcmpl-fake", "object": "chat.completion", "created": 1700000000, "model": model, "system_fingerprint": "fp_fake",
		"choices": []any{map[string]any{"index": 0, "message": msg, "logprobs": nil, "finish_reason": finish}},
		"usage":   usageOf(sc)}
}

func message(model string, sc Scenario) map[string]any {
	var content []any
	if sc.Reasoning != nil {
		content = append(content, map[string]any{"type": "thinking", "thinking": strings.Join(sc.Reasoning, ""), "signature": "sig_fake"})
	}
	if len(sc.Content) > 0 {
		content = append(content, map[string]any{"type": "text", "text": strings.Join(sc.Content, "")})
	}
	stop := "end_turn"
	if sc.Tool != nil {
		var input any
		_ = json.Unmarshal([]byte(strings.Join(sc.Tool.Args, "")), &input)
		content = append(content, map[string]any{"type": "tool_use", "id": "toolu_fake", "name": sc.Tool.Name, "input": input})
		stop = "tool_use"
	}
	return map[string]any{"id": "msg_fake", "type": "message", "role": "assistant", "model": model, "content": content,
		"stop_reason": stop, "stop_sequence": nil, "usage": map[string]int{"input_tokens": 10, "output_tokens": usageOf(sc)["completion_tokens"]}}
}

type sse struct {
	w http.ResponseWriter
	r *http.Request
	u *Upstream
	n int
}

func (s *sse) send(event string, v any) bool {
	if s.n > 0 && s.u.Delay > 0 {
		select {
		case <-time.After(s.u.Delay):
		case <-s.r.Context().Done():
			return false
		}
	}
	s.n++
	b, _ := json.Marshal(v)
	if event != "" {
		fmt.Fprintf(s.w, "event: %s\n", event)
	}
	fmt.Fprintf(s.w, "data: %s\n\n", b)
	s.w.(http.Flusher).Flush()
	return s.r.Context().Err() == nil
}

func (u *Upstream) hang(r *http.Request) {
	<-r.Context().Done()
	if u.OnGone != nil {
		u.OnGone()
	}
}

func startSSE(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Request-Id", "req_fake_stream")
	w.WriteHeader(http.StatusOK)
}

func (u *Upstream) streamOpenAI(w http.ResponseWriter, r *http.Request, model string, sc Scenario, completions, usage, hang bool) {
	startSSE(w)
	s := &sse{w: w, r: r, u: u}
	chunk := func(choice map[string]any) map[string]any {
		c := map[string]any{"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1700000000, "model": model, "system_fingerprint": "fp_fake",
			"choices": []any{choice}}
		if completions {
			c["id"], c["object"] = "cmpl-fake", "text_completion"
			delete(c, "system_fingerprint")
		}
		if usage {
			c["usage"] = nil
		}
		return c
	}
	delta := func(d map[string]any, finish any) map[string]any {
		if completions {
			t, _ := d["content"].(string)
			return chunk(map[string]any{"index": 0, "text": t, "logprobs": nil, "finish_reason": finish})
		}
		return chunk(map[string]any{"index": 0, "delta": d, "logprobs": nil, "finish_reason": finish})
	}
	if !completions && !s.send("", delta(map[string]any{"role": "assistant", "content": ""}, nil)) {
		return
	}
	for _, t := range sc.Reasoning {
		if !completions && !s.send("", delta(map[string]any{"reasoning_content": t}, nil)) {
			return
		}
	}
	for i, t := range sc.Content {
		if !s.send("", delta(map[string]any{"content": t}, nil)) {
			return
		}
		if hang && i == 0 {
			return
		}
	}
	finish := "stop"
	if sc.Tool != nil && !completions {
		finish = "tool_calls"
		if !s.send("", delta(map[string]any{"content": nil, "tool_calls": []any{map[string]any{"index": 0, "id": sc.Tool.ID, "type": "function", "function": map[string]any{"name": sc.Tool.Name, "arguments": ""}}}}, nil)) {
			return
		}
		for _, a := range sc.Tool.Args {
			if !s.send("", delta(map[string]any{"tool_calls": []any{map[string]any{"index": 0, "function": map[string]any{"arguments": a}}}}, nil)) {
				return
			}
		}
	}
	if completions {
		s.send("", delta(map[string]any{"content": ""}, finish))
	} else {
		s.send("", delta(map[string]any{}, finish))
	}
	if usage {
		c := chunk(nil)
		c["choices"] = []any{}
		c["usage"] = usageOf(sc)
		s.send("", c)
	}
	fmt.Fprint(w, "data: [DONE]\n\n")
	w.(http.Flusher).Flush()
}

func (u *Upstream) streamMessages(w http.ResponseWriter, r *http.Request, model string, sc Scenario, hang bool) {
	startSSE(w)
	s := &sse{w: w, r: r, u: u}
	if !s.send("message_start", map[string]any{"type": "message_start", "message": map[string]any{"id": "msg_fake", "type": "message", "role": "assistant", "model": model,
		"content": []any{}, "stop_reason": nil, "stop_sequence": nil, "usage": map[string]int{"input_tokens": 10, "output_tokens": 1}}}) {
		return
	}
	idx := 0
	block := func(start map[string]any, deltaType, field string, parts []string, extra ...map[string]any) bool {
		if !s.send("content_block_start", map[string]any{"type": "content_block_start", "index": idx, "content_block": start}) {
			return false
		}
		for i, p := range parts {
			if !s.send("content_block_delta", map[string]any{"type": "content_block_delta", "index": idx, "delta": map[string]any{"type": deltaType, field: p}}) {
				return false
			}
			if hang && i == 0 {
				return false
			}
		}
		for _, e := range extra {
			if !s.send("content_block_delta", map[string]any{"type": "content_block_delta", "index": idx, "delta": e}) {
				return false
			}
		}
		ok := s.send("content_block_stop", map[string]any{"type": "content_block_stop", "index": idx})
		idx++
		return ok
	}
	if sc.Reasoning != nil && !block(map[string]any{"type": "thinking", "thinking": ""}, "thinking_delta", "thinking", sc.Reasoning, map[string]any{"type": "signature_delta", "signature": "sig_fake"}) {
		return
	}
	if len(sc.Content) > 0 && !block(map[string]any{"type": "text", "text": ""}, "text_delta", "text", sc.Content) {
		return
	}
	stop := "end_turn"
	if sc.Tool != nil {
		stop = "tool_use"
		if !block(map[string]any{"type": "tool_use", "id": "toolu_fake", "name": sc.Tool.Name, "input": map[string]any{}}, "input_json_delta", "partial_json", sc.Tool.Args) {
			return
		}
	}
	s.send("message_delta", map[string]any{"type": "message_delta", "delta": map[string]any{"stop_reason": stop, "stop_sequence": nil}, "usage": map[string]int{"output_tokens": usageOf(sc)["completion_tokens"]}})
	s.send("message_stop", map[string]any{"type": "message_stop"})
}
