package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error codes carried by RequestError, stable for clients.
const (
	CodeInvalidJSON     = "invalid_json"
	CodeInvalidUTF8     = "invalid_utf8"
	CodeUnknownField    = "unknown_field"
	CodeMissingField    = "missing_field"
	CodeInvalidField    = "invalid_field"
	CodeTooLarge        = "request_too_large"
	CodeUnsupportedType = "unsupported_media_type"
)

// RequestError is a request the engine refuses. Field names the offending
// field as a path ("messages[2].role"); Code is stable for programs.
type RequestError struct {
	Code    string
	Field   string
	Message string
}

func (e *RequestError) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Message
	}
	return e.Message
}

func reqErr(code, field, format string, a ...any) *RequestError {
	return &RequestError{Code: code, Field: field, Message: fmt.Sprintf(format, a...)}
}

// Limits bound what one request may hold.
type Limits struct {
	// MaxMessages is the most messages in a request. Default 1024.
	MaxMessages int
	// MaxDocuments is the most context documents, and the most
	// attachments. Default 256.
	MaxDocuments int
	// MaxFieldBytes is the longest single text field. Default 1 MiB (the
	// HTTP layer's body limit is usually the tighter one).
	MaxFieldBytes int
}

func (l Limits) withDefaults() Limits {
	if l.MaxMessages <= 0 {
		l.MaxMessages = 1024
	}
	if l.MaxDocuments <= 0 {
		l.MaxDocuments = 256
	}
	if l.MaxFieldBytes <= 0 {
		l.MaxFieldBytes = 1 << 20
	}
	return l
}

var knownEndpoints = map[string]bool{
	"chat.completions": true, "completions": true, "embeddings": true, "messages": true, "responses": true,
}

// DecodeRequest parses a JSON request body strictly: unknown fields,
// invalid UTF-8 and trailing data are refused with the field named.
func DecodeRequest(body []byte) (*Request, error) {
	if !utf8.Valid(body) {
		field := fieldAtInvalidUTF8(body)
		return nil, reqErr(CodeInvalidUTF8, field, "text is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var req Request
	if err := dec.Decode(&req); err != nil {
		return nil, jsonError(body, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, reqErr(CodeInvalidJSON, "", "unexpected data after the JSON object")
	}
	return &req, nil
}

func jsonError(body []byte, err error) *RequestError {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		field := jsonPath(typeErr.Field)
		if p := pathAtOffset(body, typeErr.Offset); p != "" && strings.ReplaceAll(generalize(p), "[*]", "") == field {
			field = p // the same field, with its array indexes
		}
		if field == "" {
			return reqErr(CodeInvalidJSON, "", "the body must be a JSON object")
		}
		return reqErr(CodeInvalidField, field, "must be %s, not %s", jsonKind(typeErr.Type.Kind().String()), typeErr.Value)
	case errors.As(err, &syntaxErr):
		line, col := lineCol(body, syntaxErr.Offset)
		return reqErr(CodeInvalidJSON, "", "invalid JSON at line %d, column %d: %s", line, col, strings.TrimPrefix(syntaxErr.Error(), "json: "))
	case errors.Is(err, io.EOF):
		return reqErr(CodeInvalidJSON, "", "the body is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return reqErr(CodeInvalidJSON, "", "the JSON body ends too early")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name, _ := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
		if p := unknownFieldPath(body, name); p != "" {
			return reqErr(CodeUnknownField, p, "unknown field")
		}
		return reqErr(CodeUnknownField, name, "unknown field")
	}
	return reqErr(CodeInvalidJSON, "", "%s", strings.TrimPrefix(err.Error(), "json: "))
}

func jsonKind(k string) string {
	switch k {
	case "slice":
		return "an array"
	case "struct", "map":
		return "an object"
	case "ptr":
		return "an object"
	case "int", "int64", "float64":
		return "a number"
	case "bool":
		return "a boolean"
	}
	return "a " + k
}

// jsonPath turns encoding/json's "messages.1.content" into "messages[1].content".
func jsonPath(p string) string {
	if p == "" {
		return ""
	}
	parts := strings.Split(p, ".")
	var b strings.Builder
	for i, part := range parts {
		if _, err := strconv.Atoi(part); err == nil && i > 0 {
			b.WriteString("[" + part + "]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(part)
	}
	return b.String()
}

func lineCol(body []byte, off int64) (int, int) {
	if off > int64(len(body)) {
		off = int64(len(body))
	}
	line, col := 1, 1
	for _, c := range body[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// walkJSON visits every value of a JSON document with its path. visit
// gets the path and the raw bytes of scalar values (strings with quotes)
// and object keys; returning false stops the walk.
func walkJSON(body []byte, visit func(path string, key bool, raw []byte, end int64) bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	type frame struct {
		obj   bool
		index int
		path  string
		key   string
		inKey bool
	}
	var stack []frame
	cur := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := &stack[len(stack)-1]
		if f.obj {
			if f.path == "" {
				return f.key
			}
			return f.path + "." + f.key
		}
		return f.path + "[" + strconv.Itoa(f.index) + "]"
	}
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return
		}
		end := dec.InputOffset()
		// Token() skips separators before the value: trim to the value.
		raw := bytes.TrimLeft(body[start:end], " \t\r\n,:")
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				p := cur()
				if len(stack) > 0 {
					top := &stack[len(stack)-1]
					if top.obj {
						top.inKey = true
					}
				}
				stack = append(stack, frame{obj: t == '{', path: p, index: 0, inKey: true})
			case '}', ']':
				stack = stack[:len(stack)-1]
				if len(stack) > 0 {
					top := &stack[len(stack)-1]
					if top.obj {
						top.inKey = true
					} else {
						top.index++
					}
				}
			}
		default:
			if len(stack) > 0 && stack[len(stack)-1].obj && stack[len(stack)-1].inKey {
				top := &stack[len(stack)-1]
				top.key, _ = t.(string)
				top.inKey = false
				if !visit(cur(), true, raw, end) {
					return
				}
				continue
			}
			if !visit(cur(), false, raw, end) {
				return
			}
			if len(stack) > 0 {
				top := &stack[len(stack)-1]
				if top.obj {
					top.inKey = true
				} else {
					top.index++
				}
			}
		}
	}
}

// pathAtOffset returns the path of the scalar value that ends at off.
func pathAtOffset(body []byte, off int64) string {
	found := ""
	walkJSON(body, func(path string, key bool, _ []byte, end int64) bool {
		if !key && end == off {
			found = path
			return false
		}
		return end < off
	})
	return found
}

func fieldAtInvalidUTF8(body []byte) string {
	found := ""
	walkJSON(body, func(path string, key bool, raw []byte, _ int64) bool {
		if !utf8.Valid(raw) {
			found = path
			return false
		}
		return true
	})
	return found
}

// allowedKeys lists the keys each object path may hold; "*" stands for an
// array index. It mirrors the Request struct.
var allowedKeys = map[string]map[string]bool{
	"":                     set("phase", "subject", "resource", "purpose", "messages", "response", "context", "attachments"),
	"attachments[*]":       set("type", "field", "media_type", "source", "bytes"),
	"subject":              set("id", "roles", "tenant"),
	"resource":             set("model", "endpoint"),
	"messages[*]":          set("role", "content", "name", "tool_call_id"),
	"response":             set("content", "reasoning"),
	"context":              set("classification", "documents", "conversation_id", "request_id", "labels"),
	"context.documents[*]": set("id", "text", "classification", "source"),
}

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func unknownFieldPath(body []byte, name string) string {
	found := ""
	walkJSON(body, func(path string, key bool, _ []byte, _ int64) bool {
		if !key {
			return true
		}
		parent, last := "", path
		if i := strings.LastIndexByte(path, '.'); i >= 0 {
			parent, last = path[:i], path[i+1:]
		}
		if last != name {
			return true
		}
		allowed, ok := allowedKeys[generalize(parent)]
		if ok && !allowed[last] {
			found = path
			return false
		}
		return true
	})
	return found
}

// generalize replaces array indexes with "*".
func generalize(p string) string {
	if !strings.Contains(p, "[") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '[' {
			j := strings.IndexByte(p[i:], ']')
			if j > 0 {
				b.WriteString("[*]")
				i += j
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// Validate checks a decoded request and fills defaults (endpoint, tenant).
func (l Limits) Validate(req *Request) error {
	l = l.withDefaults()
	switch req.Phase {
	case PhasePrompt, PhaseResponse:
	case "":
		return reqErr(CodeMissingField, "phase", "is required: \"prompt\" or \"response\"")
	default:
		return reqErr(CodeInvalidField, "phase", "must be \"prompt\" or \"response\", not %q", req.Phase)
	}
	if strings.TrimSpace(req.Subject.ID) == "" {
		return reqErr(CodeMissingField, "subject.id", "is required")
	}
	for i, r := range req.Subject.Roles {
		if strings.TrimSpace(r) == "" {
			return reqErr(CodeInvalidField, "subject.roles["+strconv.Itoa(i)+"]", "must not be empty")
		}
	}
	if req.Subject.Tenant == "" {
		req.Subject.Tenant = DefaultTenant
	}
	if strings.TrimSpace(req.Resource.Model) == "" {
		return reqErr(CodeMissingField, "resource.model", "is required")
	}
	if req.Resource.Endpoint == "" {
		req.Resource.Endpoint = "chat.completions"
	} else if !knownEndpoints[req.Resource.Endpoint] {
		return reqErr(CodeInvalidField, "resource.endpoint", "unknown endpoint %q (want chat.completions, completions, embeddings, messages or responses)", req.Resource.Endpoint)
	}
	if req.Phase == PhasePrompt && len(req.Messages) == 0 {
		return reqErr(CodeMissingField, "messages", "a prompt needs at least one message")
	}
	if req.Phase == PhaseResponse && req.Response == nil {
		return reqErr(CodeMissingField, "response", "is required in the response phase")
	}
	if len(req.Messages) > l.MaxMessages {
		return reqErr(CodeInvalidField, "messages", "holds %d messages; the limit is %d", len(req.Messages), l.MaxMessages)
	}
	for i := range req.Messages {
		m := &req.Messages[i]
		if m.Role == "" {
			return reqErr(CodeMissingField, "messages["+strconv.Itoa(i)+"].role", "is required")
		}
		if !knownRoles[m.Role] {
			return reqErr(CodeInvalidField, "messages["+strconv.Itoa(i)+"].role", "unknown role %q (want system, developer, user, assistant or tool)", m.Role)
		}
		if len(m.Content) > l.MaxFieldBytes {
			return reqErr(CodeTooLarge, "messages["+strconv.Itoa(i)+"].content", "is %d bytes; the limit is %d", len(m.Content), l.MaxFieldBytes)
		}
	}
	if req.Response != nil {
		if len(req.Response.Content) > l.MaxFieldBytes {
			return reqErr(CodeTooLarge, "response.content", "is %d bytes; the limit is %d", len(req.Response.Content), l.MaxFieldBytes)
		}
		if len(req.Response.Reasoning) > l.MaxFieldBytes {
			return reqErr(CodeTooLarge, "response.reasoning", "is %d bytes; the limit is %d", len(req.Response.Reasoning), l.MaxFieldBytes)
		}
	}
	if len(req.Attachments) > l.MaxDocuments {
		return reqErr(CodeInvalidField, "attachments", "holds %d attachments; the limit is %d", len(req.Attachments), l.MaxDocuments)
	}
	for i := range req.Attachments {
		a := &req.Attachments[i]
		at := "attachments[" + strconv.Itoa(i) + "]"
		if a.Type == "" {
			return reqErr(CodeMissingField, at+".type", "is required: image, audio, video or file")
		}
		if !AttachmentTypes[a.Type] {
			return reqErr(CodeInvalidField, at+".type", "must be image, audio, video or file, not %q", a.Type)
		}
		if !attachmentSources[a.Source] {
			return reqErr(CodeInvalidField, at+".source", "must be inline, url or file, not %q", a.Source)
		}
		if a.Bytes < 0 {
			return reqErr(CodeInvalidField, at+".bytes", "must not be negative")
		}
		if len(a.Field) > 1024 || len(a.MediaType) > 255 {
			return reqErr(CodeTooLarge, at, "field or media_type is too long")
		}
	}
	if len(req.Context.Documents) > l.MaxDocuments {
		return reqErr(CodeInvalidField, "context.documents", "holds %d documents; the limit is %d", len(req.Context.Documents), l.MaxDocuments)
	}
	for i := range req.Context.Documents {
		d := &req.Context.Documents[i]
		switch d.Source {
		case "", "retrieval", "tool":
		default:
			return reqErr(CodeInvalidField, "context.documents["+strconv.Itoa(i)+"].source", "must be \"retrieval\" or \"tool\", not %q", d.Source)
		}
		if len(d.Text) > l.MaxFieldBytes {
			return reqErr(CodeTooLarge, "context.documents["+strconv.Itoa(i)+"].text", "is %d bytes; the limit is %d", len(d.Text), l.MaxFieldBytes)
		}
	}
	return nil
}
