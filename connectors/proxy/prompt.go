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

	"github.com/gin-gonic/gin"

	"github.com/parapet-dev/parapet/engine"
)

// promptText is the text of a request body as the engine sees it: one
// engine message per piece of text (a message's content, each text part,
// each tool call's arguments, each tool result), with a setter that writes
// a redacted version back into the body. The body is kept as generic JSON,
// so fields Parapet does not know are forwarded untouched.
type promptText struct {
	msgs []engine.Message
	sets []func(string)
	// atts are the media parts no detector reads (attachments.go).
	atts []engine.Attachment
}

func (pt *promptText) add(role, text string, set func(string)) {
	if text == "" {
		return
	}
	pt.msgs = append(pt.msgs, engine.Message{Role: role, Content: text})
	pt.sets = append(pt.sets, set)
}

// messages returns the engine messages; at least one, since a prompt with
// no text (an image alone) is still decided on its subject and model.
func (pt *promptText) messages() []engine.Message {
	if len(pt.msgs) == 0 {
		return []engine.Message{{Role: "user", Content: ""}}
	}
	return pt.msgs
}

// apply writes the decision's redacted messages back into the body. It
// reports whether anything changed.
func (pt *promptText) apply(msgs []engine.Message) bool {
	changed := false
	for i := range pt.msgs {
		if i < len(msgs) && msgs[i].Content != pt.msgs[i].Content {
			pt.sets[i](msgs[i].Content)
			changed = true
		}
	}
	return changed
}

// decodeObject parses a JSON object, keeping numbers as written.
func decodeObject(raw []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v map[string]any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if v == nil {
		return nil, errors.New("not an object")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("trailing data after the object")
	}
	return v, nil
}

// encodeJSON marshals without HTML escaping (a model's < and > stay as
// they are) and without a trailing newline.
func encodeJSON(v any) []byte {
	if out, ok := encodeFast(v); ok {
		return out
	}
	return encodeStd(v)
}

// encodeStd is encodeJSON through encoding/json, for what encodeFast does
// not handle (and the reference its tests compare with).
func encodeStd(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// readBody reads a JSON body under the limit.
func readBody(c *gin.Context, max int64) ([]byte, *apiError) {
	r := c.Request
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, _ := strings.Cut(ct, ";")
		mt = strings.TrimSpace(strings.ToLower(mt))
		if mt != "application/json" && !strings.HasSuffix(mt, "+json") {
			return nil, &apiError{status: http.StatusUnsupportedMediaType, code: engine.CodeUnsupportedType, msg: "Content-Type must be application/json, not " + strconv.Quote(ct)}
		}
	}
	tooLarge := &apiError{status: http.StatusRequestEntityTooLarge, code: engine.CodeTooLarge, msg: "the body is over the limit of " + strconv.FormatInt(max, 10) + " bytes"}
	if r.ContentLength > max {
		return nil, tooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, r.Body, max))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge
		}
		return nil, &apiError{status: http.StatusBadRequest, code: engine.CodeInvalidJSON, msg: "reading the body: " + err.Error()}
	}
	return body, nil
}

func invalid(param, msg string) *apiError {
	return &apiError{status: http.StatusBadRequest, code: engine.CodeInvalidField, param: param, msg: param + ": " + msg}
}

// openAIRole maps a chat role to the engine's; the legacy "function" role
// is a tool result.
func openAIRole(role string) string {
	if role == "function" {
		return "tool"
	}
	return role
}

// extractChat collects the text of a chat completions request.
func extractChat(body map[string]any, pt *promptText) *apiError {
	msgs, ok := body["messages"].([]any)
	if !ok || len(msgs) == 0 {
		return invalid("messages", "must be a non-empty array of messages")
	}
	for i, m := range msgs {
		mm, ok := m.(map[string]any)
		if !ok {
			return invalid("messages["+strconv.Itoa(i)+"]", "must be an object")
		}
		role, _ := mm["role"].(string)
		role = openAIRole(role)
		switch role {
		case "system", "developer", "user", "assistant", "tool":
		default:
			return invalid("messages["+strconv.Itoa(i)+"].role", "must be system, developer, user, assistant or tool")
		}
		switch content := mm["content"].(type) {
		case string:
			pt.add(role, content, func(s string) { mm["content"] = s })
		case []any:
			contentParts(role, index("messages", i)+".content", content, pt)
		}
		if tcs, ok := mm["tool_calls"].([]any); ok {
			for _, tc := range tcs {
				if fn, ok := mapAt(tc, "function"); ok {
					if args, ok := fn["arguments"].(string); ok {
						pt.add("assistant", args, func(s string) { fn["arguments"] = s })
					}
				}
			}
		}
		if fn, ok := mm["function_call"].(map[string]any); ok {
			if args, ok := fn["arguments"].(string); ok {
				pt.add("assistant", args, func(s string) { fn["arguments"] = s })
			}
		}
	}
	return nil
}

// contentParts adds the text and refusal of each content part, and
// records the parts that carry media; path is where the parts sit.
func contentParts(role, path string, parts []any, pt *promptText) {
	for i, part := range parts {
		pm, ok := part.(map[string]any)
		if !ok {
			continue
		}
		if pt.openAIMedia(place{path, i}, pm) {
			continue
		}
		for _, key := range []string{"text", "refusal"} {
			if t, ok := pm[key].(string); ok {
				pt.add(role, t, func(s string) { pm[key] = s })
			}
		}
	}
}

func mapAt(v any, key string) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, false
	}
	out, ok := m[key].(map[string]any)
	return out, ok
}

// extractStrings collects a string or an array of strings (completions'
// prompt, embeddings' input). Token arrays are refused: Parapet must see
// the text it decides on.
func extractStrings(body map[string]any, key string, required bool, pt *promptText) *apiError {
	switch v := body[key].(type) {
	case nil:
		if required {
			return invalid(key, "is required")
		}
	case string:
		pt.add("user", v, func(s string) { body[key] = s })
	case []any:
		for i, item := range v {
			s, ok := item.(string)
			if !ok {
				return invalid(key+"["+strconv.Itoa(i)+"]", "must be text: token ids cannot be checked by the policy")
			}
			pt.add("user", s, func(s string) { v[i] = s })
		}
	default:
		return invalid(key, "must be a string or an array of strings")
	}
	return nil
}

func extractCompletion(body map[string]any, pt *promptText) *apiError {
	if err := extractStrings(body, "prompt", true, pt); err != nil {
		return err
	}
	return extractStrings(body, "suffix", false, pt)
}

func extractEmbedding(body map[string]any, pt *promptText) *apiError {
	return extractStrings(body, "input", true, pt)
}

// extractMessages collects the text of an Anthropic messages request: the
// system prompt, text blocks, tool inputs (each string in them) and tool
// results, which are checked for indirect injection as tool messages.
func extractMessages(body map[string]any, pt *promptText) *apiError {
	switch sys := body["system"].(type) {
	case string:
		pt.add("system", sys, func(s string) { body["system"] = s })
	case []any:
		textBlocks("system", "system", sys, pt)
	}
	msgs, ok := body["messages"].([]any)
	if !ok || len(msgs) == 0 {
		return invalid("messages", "must be a non-empty array of messages")
	}
	for i, m := range msgs {
		mm, ok := m.(map[string]any)
		if !ok {
			return invalid("messages["+strconv.Itoa(i)+"]", "must be an object")
		}
		role, _ := mm["role"].(string)
		if role != "user" && role != "assistant" {
			return invalid("messages["+strconv.Itoa(i)+"].role", "must be user or assistant")
		}
		switch content := mm["content"].(type) {
		case string:
			pt.add(role, content, func(s string) { mm["content"] = s })
		case []any:
			path := index("messages", i) + ".content"
			for j, b := range content {
				bm, ok := b.(map[string]any)
				if !ok {
					continue
				}
				where := place{path, j}
				if pt.anthropicMedia(where, bm) {
					continue
				}
				switch bm["type"] {
				case "text":
					if t, ok := bm["text"].(string); ok {
						pt.add(role, t, func(s string) { bm["text"] = s })
					}
				case "thinking":
					if t, ok := bm["thinking"].(string); ok {
						pt.add("assistant", t, func(s string) { bm["thinking"] = s })
					}
				case "tool_use":
					stringLeaves("assistant", bm, "input", pt)
				case "tool_result":
					switch rc := bm["content"].(type) {
					case string:
						pt.add("tool", rc, func(s string) { bm["content"] = s })
					case []any:
						textBlocks("tool", where.String()+".content", rc, pt)
					}
				case "document":
					// Plain text and content documents are checked as
					// retrieved text (other sources are attachments).
					src, _ := bm["source"].(map[string]any)
					switch src["type"] {
					case "text":
						if t, ok := src["data"].(string); ok {
							pt.add("tool", t, func(s string) { src["data"] = s })
						}
					case "content":
						if blocks, ok := src["content"].([]any); ok {
							textBlocks("tool", where.String()+".source.content", blocks, pt)
						} else if t, ok := src["content"].(string); ok {
							pt.add("tool", t, func(s string) { src["content"] = s })
						}
					}
				case "search_result":
					// A search result given to the model (RAG): its text
					// is checked for indirect injection like a document.
					if blocks, ok := bm["content"].([]any); ok {
						textBlocks("tool", where.String()+".content", blocks, pt)
					}
				default:
					// Server tools' results (web_fetch, code execution,
					// text editor, MCP) are tool output too.
					if t, _ := bm["type"].(string); strings.HasSuffix(t, "_tool_result") {
						pt.toolOutput(where.String()+".content", bm["content"])
					}
				}
			}
		}
	}
	return nil
}

// textBlocks adds the text of each text block and records the blocks
// that carry media; path is where the blocks sit.
func textBlocks(role, path string, blocks []any, pt *promptText) {
	for i, b := range blocks {
		bm, ok := b.(map[string]any)
		if !ok {
			continue
		}
		if pt.anthropicMedia(place{path, i}, bm) {
			continue
		}
		if bm["type"] == "text" {
			if t, ok := bm["text"].(string); ok {
				pt.add(role, t, func(s string) { bm["text"] = s })
			}
		}
	}
}

// stringLeaves adds every string inside parent[key] (a tool's input).
func stringLeaves(role string, parent map[string]any, key string, pt *promptText) {
	switch v := parent[key].(type) {
	case string:
		pt.add(role, v, func(s string) { parent[key] = s })
	case map[string]any:
		for _, k := range sortedKeys(v) {
			stringLeaves(role, v, k, pt)
		}
	case []any:
		for i := range v {
			i := i
			if s, ok := v[i].(string); ok {
				pt.add(role, s, func(s string) { v[i] = s })
				continue
			}
			if m, ok := v[i].(map[string]any); ok {
				for _, k := range sortedKeys(m) {
					stringLeaves(role, m, k, pt)
				}
			}
		}
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
