package proxy

import (
	"bytes"
	"encoding/json"
	"slices"
	"unicode/utf8"
)

// Fast paths of encodeJSON for what the stream path encodes on every
// chunk: strings and objects of already-encoded values. They write the
// same bytes as encoding/json with HTML escaping off (sorted keys, compact
// values), without its reflection and without validating values again:
// every json.RawMessage here comes from json.Unmarshal or from encodeJSON.

func encodeFast(v any) ([]byte, bool) {
	switch v := v.(type) {
	case string:
		return appendString(make([]byte, 0, len(v)+2), v), true
	case map[string]json.RawMessage:
		return appendRawObject(nil, v)
	case []map[string]json.RawMessage:
		b := append([]byte(nil), '[')
		for i, m := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var ok bool
			if b, ok = appendRawObject(b, m); !ok {
				return nil, false
			}
		}
		return append(b, ']'), true
	}
	return nil, false
}

func appendRawObject(b []byte, m map[string]json.RawMessage) ([]byte, bool) {
	if m == nil {
		return append(b, "null"...), true
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		var ok bool
		if b, ok = appendRaw(b, m[k]); !ok {
			return nil, false
		}
	}
	return append(b, '}'), true
}

// appendRaw appends a value compacted, as encoding/json does.
func appendRaw(b []byte, raw json.RawMessage) ([]byte, bool) {
	if raw == nil {
		return append(b, "null"...), true
	}
	if bytes.IndexAny(raw, " \t\r\n") < 0 {
		return append(b, raw...), true
	}
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return nil, false
	}
	return append(b, buf.Bytes()...), true
}

const hexDigits = "0123456789abcdef"

// appendString is encoding/json's string encoding with HTML escaping off.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// Reading: the stream path splits every chunk into its fields, and the
// fields of its choices and deltas. encoding/json does it with reflection
// and checks the text again at every level; these split text that has
// been checked once (json.Valid, or a value json.Unmarshal returned), so
// they assume valid JSON and give what json.Unmarshal would: the same
// keys (the last of duplicates), values without the whitespace around
// them, strings decoded.

// parseObject reads a JSON object as json.Unmarshal into a
// map[string]json.RawMessage does: false for invalid JSON or another type;
// null is a nil map.
func parseObject(data []byte) (map[string]json.RawMessage, bool) {
	if !json.Valid(data) {
		return nil, false
	}
	v := trimSpace(data)
	if string(v) == "null" {
		return nil, true
	}
	if v[0] != '{' {
		return nil, false
	}
	return splitObject(v), true
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isJSONSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isJSONSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// skipValue returns the end of the valid JSON value that starts at b[i].
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = skipString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	for i < len(b) && b[i] != ',' && b[i] != '}' && b[i] != ']' && !isJSONSpace(b[i]) {
		i++
	}
	return i
}

// skipString returns the end of the string that starts at b[i].
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && isJSONSpace(b[i]) {
		i++
	}
	return i
}

// splitObject splits a valid JSON object into its fields.
func splitObject(b []byte) map[string]json.RawMessage {
	m := make(map[string]json.RawMessage, 8)
	i := skipSpace(b, 1)
	for i < len(b) && b[i] == '"' {
		end := skipString(b, i)
		key, ok := commonKey(b[i+1 : end-1])
		if !ok {
			key = decodeString(b[i:end])
		}
		i = skipSpace(b, end)
		i = skipSpace(b, i+1) // ':'
		vend := skipValue(b, i)
		m[key] = json.RawMessage(b[i:vend:vend])
		i = skipSpace(b, vend)
		if i < len(b) && b[i] == ',' {
			i = skipSpace(b, i+1)
		}
	}
	return m
}

// commonKey returns the keys of chat and message chunks without
// allocating: k is the text between a key's quotes.
func commonKey(k []byte) (string, bool) {
	switch string(k) {
	case "id":
		return "id", true
	case "object":
		return "object", true
	case "created":
		return "created", true
	case "model":
		return "model", true
	case "system_fingerprint":
		return "system_fingerprint", true
	case "choices":
		return "choices", true
	case "index":
		return "index", true
	case "delta":
		return "delta", true
	case "message":
		return "message", true
	case "role":
		return "role", true
	case "content":
		return "content", true
	case "refusal":
		return "refusal", true
	case "reasoning_content":
		return "reasoning_content", true
	case "reasoning":
		return "reasoning", true
	case "text":
		return "text", true
	case "finish_reason":
		return "finish_reason", true
	case "logprobs":
		return "logprobs", true
	case "usage":
		return "usage", true
	case "tool_calls":
		return "tool_calls", true
	case "function":
		return "function", true
	case "arguments":
		return "arguments", true
	case "name":
		return "name", true
	case "type":
		return "type", true
	case "content_block":
		return "content_block", true
	case "partial_json":
		return "partial_json", true
	case "thinking":
		return "thinking", true
	}
	return "", false
}

// splitArray splits a valid JSON array of objects; an element that is not
// an object is a nil map.
func splitArray(b []byte) []map[string]json.RawMessage {
	var out []map[string]json.RawMessage
	i := skipSpace(b, 1)
	for i < len(b) && b[i] != ']' {
		end := skipValue(b, i)
		var m map[string]json.RawMessage
		if b[i] == '{' {
			m = splitObject(b[i:end])
		}
		out = append(out, m)
		i = skipSpace(b, end)
		if i < len(b) && b[i] == ',' {
			i = skipSpace(b, i+1)
		}
	}
	if out == nil {
		out = []map[string]json.RawMessage{}
	}
	return out
}

// decodeString decodes a valid JSON string literal.
func decodeString(q []byte) string {
	inner := q[1 : len(q)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner)
	}
	var s string
	_ = json.Unmarshal(q, &s)
	return s
}

// rawField is one field of a JSON object split without a map, for the
// stream's fast path (fastChunk): key is the text between the key's
// quotes, which splitFields takes only when it needs no escaping, so it is
// the decoded key and encodes as itself.
type rawField struct {
	key, val []byte
}

// splitFields splits a valid JSON object into dst as splitObject does,
// sorted by key as encoding/json writes them. It returns false (the caller
// takes the general path) for more fields than dst holds, a key that is
// not plain printable ASCII, or the same key twice.
func splitFields(b []byte, dst []rawField) (int, bool) {
	n := 0
	i := skipSpace(b, 1)
	for i < len(b) && b[i] == '"' {
		end := skipString(b, i)
		if n == len(dst) || end-1 <= i {
			return 0, false
		}
		key := b[i+1 : end-1]
		for _, c := range key {
			if c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
				return 0, false
			}
		}
		i = skipSpace(b, end)
		i = skipSpace(b, i+1) // ':'
		vend := skipValue(b, i)
		dst[n] = rawField{key: key, val: b[i:vend:vend]}
		n++
		i = skipSpace(b, vend)
		if i < len(b) && b[i] == ',' {
			i = skipSpace(b, i+1)
		}
	}
	fs := dst[:n]
	for j := 1; j < len(fs); j++ { // insertion sort: a few fields
		for k := j; k > 0 && bytes.Compare(fs[k-1].key, fs[k].key) > 0; k-- {
			fs[k-1], fs[k] = fs[k], fs[k-1]
		}
	}
	for j := 1; j < len(fs); j++ {
		if bytes.Equal(fs[j-1].key, fs[j].key) {
			return 0, false
		}
	}
	return n, true
}

// field returns the value of key among fields.
func field(fs []rawField, key string) ([]byte, bool) {
	for _, f := range fs {
		if string(f.key) == key {
			return f.val, true
		}
	}
	return nil, false
}

// appendKey appends a plain key (splitFields) and its colon, after a
// comma unless first.
func appendKey(b []byte, key []byte, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, key...)
	return append(b, '"', ':')
}

// appendValue is appendRaw for a value of valid JSON, which it cannot
// fail on.
func appendValue(b []byte, raw []byte) []byte {
	if out, ok := appendRaw(b, raw); ok {
		return out
	}
	return append(b, raw...)
}
