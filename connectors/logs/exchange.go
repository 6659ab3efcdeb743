package logs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/parapet-dev/parapet/engine"
)

// Exchange is one logged model call: the request the application sent
// and the response it got, in OpenAI's or Anthropic's shape, turned into
// the engine's prompt and response requests.
type Exchange struct {
	// ID is the exchange's id in the log (id, custom_id, request_id or
	// the response's id); empty ones are named by source and line.
	ID        string
	Protocol  string // openai or anthropic
	Model     string
	Subject   engine.Subject
	Timestamp time.Time
	Messages  []engine.Message
	// Response is nil when the log has only the request.
	Response *engine.Response
}

// Prompt is the prompt-phase request for the exchange.
func (x *Exchange) Prompt() *engine.Request {
	return &engine.Request{Phase: engine.PhasePrompt, Subject: x.Subject, Resource: engine.Resource{Model: x.Model, Endpoint: x.endpoint()},
		Messages: x.Messages, Context: engine.Context{RequestID: x.ID}}
}

// ResponseRequest is the response-phase request, or nil without a response.
func (x *Exchange) ResponseRequest() *engine.Request {
	if x.Response == nil {
		return nil
	}
	r := x.Prompt()
	r.Phase = engine.PhaseResponse
	r.Response = x.Response
	return r
}

func (x *Exchange) endpoint() string {
	if x.Protocol == "anthropic" {
		return "messages"
	}
	return "chat.completions"
}

// MaxExchangeBytes bounds one logged exchange.
const MaxExchangeBytes = 16 << 20

// ExchangeDefaults fill what a log does not say.
type ExchangeDefaults struct {
	Subject string
	Tenant  string
	Roles   []string
	// Model overrides the logged model name (for a catalogue that names
	// models differently).
	Model string
}

// ReadExchanges reads JSON Lines of exchanges and calls fn for each line
// with the exchange or the reason it could not be read.
func ReadExchanges(r io.Reader, def ExchangeDefaults, fn func(line int, x *Exchange, err error)) error {
	return readLines(r, func(n int, line []byte) {
		if len(bytes.TrimSpace(line)) == 0 {
			return
		}
		x, err := ParseExchange(line, def)
		fn(n, x, err)
	})
}

// rawExchange is the union of the shapes the reader understands: a pair
// {"request": …, "response": …} (each possibly wrapped in {"body": …}, as
// OpenAI's batch files are), or a bare request with an "output".
type rawExchange struct {
	ID        string          `json:"id"`
	CustomID  string          `json:"custom_id"`
	RequestID string          `json:"request_id"`
	Request   json.RawMessage `json:"request"`
	Response  json.RawMessage `json:"response"`
	Body      json.RawMessage `json:"body"`
	Subject   json.RawMessage `json:"subject"`
	User      string          `json:"user"`
	Tenant    string          `json:"tenant"`
	Roles     []string        `json:"roles"`
	Timestamp json.RawMessage `json:"timestamp"`
	Created   json.RawMessage `json:"created_at"`
}

type chatRequest struct {
	Model    string            `json:"model"`
	Messages []json.RawMessage `json:"messages"`
	System   json.RawMessage   `json:"system"`
	Prompt   json.RawMessage   `json:"prompt"`
	User     string            `json:"user"`
	Metadata struct {
		UserID string `json:"user_id"`
	} `json:"metadata"`
	Body json.RawMessage `json:"body"`
}

type chatResponse struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Model   string `json:"model"`
	Choices []struct {
		Text    string `json:"text"`
		Message struct {
			Content          json.RawMessage `json:"content"`
			ReasoningContent string          `json:"reasoning_content"`
			Reasoning        string          `json:"reasoning"`
		} `json:"message"`
	} `json:"choices"`
	Content json.RawMessage `json:"content"`
	Body    json.RawMessage `json:"body"`
}

// ParseExchange reads one logged exchange.
func ParseExchange(line []byte, def ExchangeDefaults) (*Exchange, error) {
	var raw rawExchange
	if err := json.Unmarshal(line, &raw); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v", err)
	}
	reqRaw := raw.Request
	if len(reqRaw) == 0 {
		reqRaw = raw.Body // an OpenAI batch input line
	}
	if len(reqRaw) == 0 || string(reqRaw) == "null" {
		return nil, errors.New(`no "request" (or "body") object`)
	}
	var req chatRequest
	if err := json.Unmarshal(reqRaw, &req); err != nil {
		return nil, fmt.Errorf("request: %v", err)
	}
	if len(req.Body) > 0 && req.Model == "" && len(req.Messages) == 0 {
		if err := json.Unmarshal(req.Body, &req); err != nil {
			return nil, fmt.Errorf("request.body: %v", err)
		}
	}
	x := &Exchange{ID: firstOf(raw.ID, raw.CustomID, raw.RequestID), Model: req.Model, Protocol: "openai"}
	if len(req.System) > 0 && string(req.System) != "null" {
		x.Protocol = "anthropic"
		s, err := contentText(req.System)
		if err != nil {
			return nil, fmt.Errorf("request.system: %v", err)
		}
		x.Messages = append(x.Messages, engine.Message{Role: "system", Content: s})
	}
	for i, m := range req.Messages {
		msgs, anthropic, err := parseMessage(m)
		if err != nil {
			return nil, fmt.Errorf("request.messages[%d]: %v", i, err)
		}
		if anthropic {
			x.Protocol = "anthropic"
		}
		x.Messages = append(x.Messages, msgs...)
	}
	if len(req.Prompt) > 0 && len(req.Messages) == 0 {
		s, err := contentText(req.Prompt)
		if err != nil {
			return nil, fmt.Errorf("request.prompt: %v", err)
		}
		x.Messages = append(x.Messages, engine.Message{Role: "user", Content: s})
	}
	if len(x.Messages) == 0 {
		return nil, errors.New("request has no messages")
	}

	if len(raw.Response) > 0 && string(raw.Response) != "null" {
		var resp chatResponse
		if err := json.Unmarshal(raw.Response, &resp); err != nil {
			return nil, fmt.Errorf("response: %v", err)
		}
		if len(resp.Body) > 0 && len(resp.Choices) == 0 && len(resp.Content) == 0 {
			if err := json.Unmarshal(resp.Body, &resp); err != nil {
				return nil, fmt.Errorf("response.body: %v", err)
			}
		}
		out := &engine.Response{}
		switch {
		case len(resp.Choices) > 0:
			c := resp.Choices[0]
			if len(c.Message.Content) > 0 && string(c.Message.Content) != "null" {
				s, err := contentText(c.Message.Content)
				if err != nil {
					return nil, fmt.Errorf("response.choices[0].message.content: %v", err)
				}
				out.Content = s
			} else {
				out.Content = c.Text
			}
			out.Reasoning = firstOf(c.Message.ReasoningContent, c.Message.Reasoning)
		case len(resp.Content) > 0:
			x.Protocol = "anthropic"
			text, thinking, err := anthropicBlocks(resp.Content)
			if err != nil {
				return nil, fmt.Errorf("response.content: %v", err)
			}
			out.Content, out.Reasoning = text, thinking
		default:
			return nil, errors.New("response has neither choices nor content")
		}
		x.Response = out
		if x.ID == "" {
			x.ID = resp.ID
		}
		if x.Model == "" {
			x.Model = resp.Model
		}
	}

	x.Subject = engine.Subject{ID: firstOf(req.User, req.Metadata.UserID, raw.User), Tenant: raw.Tenant, Roles: raw.Roles}
	if len(raw.Subject) > 0 {
		var s engine.Subject
		if json.Unmarshal(raw.Subject, &s) == nil && s.ID != "" {
			x.Subject = s
		} else {
			var id string
			if json.Unmarshal(raw.Subject, &id) == nil && id != "" {
				x.Subject.ID = id
			}
		}
	}
	if x.Subject.ID == "" {
		x.Subject.ID = firstOf(def.Subject, "unknown")
	}
	if x.Subject.Tenant == "" {
		x.Subject.Tenant = def.Tenant
	}
	if len(x.Subject.Roles) == 0 {
		x.Subject.Roles = def.Roles
	}
	if def.Model != "" {
		x.Model = def.Model
	}
	if x.Model == "" {
		return nil, errors.New("no model in the request or the response")
	}
	x.Timestamp = parseTime(firstRaw(raw.Timestamp, raw.Created))
	return x, nil
}

// parseMessage reads one chat message. Anthropic content blocks become
// text; tool results become role "tool" messages.
func parseMessage(raw json.RawMessage) ([]engine.Message, bool, error) {
	var m struct {
		Role       string          `json:"role"`
		Content    json.RawMessage `json:"content"`
		Name       string          `json:"name"`
		ToolCallID string          `json:"tool_call_id"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, false, err
	}
	role := m.Role
	switch role {
	case "system", "developer", "user", "assistant", "tool":
	case "function":
		role = "tool"
	case "":
		return nil, false, errors.New("role is missing")
	default:
		return nil, false, fmt.Errorf("unknown role %q", m.Role)
	}
	if len(m.Content) == 0 || string(m.Content) == "null" {
		return []engine.Message{{Role: role, Content: "", Name: m.Name, ToolCallID: m.ToolCallID}}, false, nil
	}
	if m.Content[0] != '[' {
		s, err := contentText(m.Content)
		return []engine.Message{{Role: role, Content: s, Name: m.Name, ToolCallID: m.ToolCallID}}, false, err
	}
	var blocks []contentBlock
	if err := json.Unmarshal(m.Content, &blocks); err != nil {
		return nil, false, err
	}
	anthropic := false
	var text []string
	var out []engine.Message
	for _, b := range blocks {
		switch b.Type {
		case "text", "input_text", "output_text":
			text = append(text, b.Text)
		case "tool_result":
			anthropic = true
			s, err := contentText(b.Content)
			if err != nil {
				return nil, false, err
			}
			out = append(out, engine.Message{Role: "tool", Content: s, ToolCallID: b.ToolUseID})
		case "tool_use", "thinking", "redacted_thinking":
			anthropic = true
		}
	}
	if len(text) > 0 || len(out) == 0 {
		out = append([]engine.Message{{Role: role, Content: strings.Join(text, "\n"), Name: m.Name, ToolCallID: m.ToolCallID}}, out...)
	}
	return out, anthropic, nil
}

type contentBlock struct {
	Type      string          `json:"type"`
	Text      string          `json:"text"`
	Thinking  string          `json:"thinking"`
	Content   json.RawMessage `json:"content"`
	ToolUseID string          `json:"tool_use_id"`
}

// contentText reads a content value: a string, or an array of blocks
// whose text is joined.
func contentText(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if raw[0] == '"' {
		err := json.Unmarshal(raw, &s)
		return s, err
	}
	text, _, err := anthropicBlocks(raw)
	return text, err
}

func anthropicBlocks(raw json.RawMessage) (text, thinking string, err error) {
	var blocks []contentBlock
	if err := json.Unmarshal(raw, &blocks); err != nil {
		return "", "", err
	}
	var t, th []string
	for _, b := range blocks {
		switch b.Type {
		case "text", "input_text", "output_text", "":
			t = append(t, b.Text)
		case "thinking":
			th = append(th, b.Thinking)
		case "tool_result":
			s, err := contentText(b.Content)
			if err != nil {
				return "", "", err
			}
			t = append(t, s)
		}
	}
	return strings.Join(t, "\n"), strings.Join(th, "\n"), nil
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func firstRaw(rs ...json.RawMessage) json.RawMessage {
	for _, r := range rs {
		if len(r) > 0 && string(r) != "null" {
			return r
		}
	}
	return nil
}

// parseTime reads an RFC 3339 string or Unix seconds.
func parseTime(raw json.RawMessage) time.Time {
	if len(raw) == 0 {
		return time.Time{}
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		t, _ := time.Parse(time.RFC3339Nano, s)
		return t
	}
	var n float64
	if json.Unmarshal(raw, &n) == nil && n > 0 && n < 1e12 {
		return time.Unix(int64(n), 0).UTC()
	}
	return time.Time{}
}
