package proxy

import (
	"strconv"
	"strings"

	"github.com/parapet-dev/parapet/engine"
)

// Images, audio, video and files in a prompt are forwarded as they are: no
// detector reads them. Each is listed in the engine request
// (input.attachments) with its type, place, media type and size, so that
// the policy knows what goes to the model unchecked and the decision log
// records it. Never its content or its URL.

func (pt *promptText) attach(typ string, where place, mediaType, source string, size int) {
	pt.atts = append(pt.atts, engine.Attachment{Type: typ, Field: where.String(), MediaType: mediaType, Source: source, Bytes: size})
}

// place is where a part sits in the caller's body: path, or path[i] when
// i >= 0. Its text is built only for a part that is recorded, not for
// each text part of every prompt.
type place struct {
	path string
	i    int
}

func (p place) String() string {
	if p.i < 0 {
		return p.path
	}
	return index(p.path, p.i)
}

// whole is the place path itself.
func whole(path string) place { return place{path, -1} }

// attachURL records media given as a URL: a data: URL is inline data (its
// media type and decoded size are read from it), anything else a link the
// upstream fetches.
func (pt *promptText) attachURL(typ string, where place, u, mediaType string) {
	if mt, size, ok := dataURL(u); ok {
		if mediaType == "" {
			mediaType = mt
		}
		pt.attach(typ, where, mediaType, "inline", size)
		return
	}
	pt.attach(typ, where, mediaType, "url", 0)
}

// dataURL reads a data: URL's media type and the size of its data.
func dataURL(u string) (mediaType string, size int, ok bool) {
	if len(u) < 5 || !strings.EqualFold(u[:5], "data:") {
		return "", 0, false
	}
	head, data, found := strings.Cut(u[5:], ",")
	if !found {
		return "", 0, false
	}
	mediaType, params, _ := strings.Cut(head, ";")
	if strings.Contains(";"+params+";", ";base64;") {
		return strings.ToLower(mediaType), base64Size(data), true
	}
	return strings.ToLower(mediaType), len(data), true
}

// base64Size is the decoded size of base64 text (padding and line breaks
// allowed), without decoding it.
func base64Size(s string) int {
	n, pad := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '=':
			pad++
		case c == '\n' || c == '\r' || c == ' ':
		default:
			n++
		}
	}
	t := n + pad
	size := t/4*3 - pad
	switch t % 4 { // unpadded
	case 2:
		size++
	case 3:
		size += 2
	}
	return max(size, 0)
}

// openAIMedia records a chat or Responses content part that carries media:
// chat's image_url, input_audio, file (and the video_url and audio_url of
// vLLM and other OpenAI-compatible servers); the Responses API's
// input_image, input_file and input_audio. It reports whether the part was
// one.
func (pt *promptText) openAIMedia(where place, pm map[string]any) bool {
	typ, _ := pm["type"].(string)
	switch typ {
	case "image_url", "input_image", "video_url", "audio_url":
		kind := urlPartKinds[typ]
		var u string
		switch v := pm[typ].(type) {
		case string:
			u = v
		case map[string]any:
			u, _ = v["url"].(string)
		}
		if typ == "input_image" {
			u, _ = pm["image_url"].(string)
		}
		if u == "" {
			if id, _ := pm["file_id"].(string); id != "" {
				pt.attach(kind, where, "", "file", 0)
				return true
			}
		}
		pt.attachURL(kind, where, u, "")
	case "input_audio":
		var data, format string
		if a, ok := pm["input_audio"].(map[string]any); ok {
			data, _ = a["data"].(string)
			format, _ = a["format"].(string)
		}
		mt := ""
		if format != "" {
			mt = "audio/" + strings.ToLower(format)
		}
		pt.attach("audio", where, mt, "inline", base64Size(data))
	case "file", "input_file":
		f := pm
		if typ == "file" {
			f, _ = pm["file"].(map[string]any)
		}
		name, _ := f["filename"].(string)
		mt := mediaTypeOf(name)
		if d, ok := f["file_data"].(string); ok && d != "" {
			if dmt, size, ok := dataURL(d); ok {
				if dmt != "" {
					mt = dmt
				}
				pt.attach("file", where, mt, "inline", size)
			} else {
				pt.attach("file", where, mt, "inline", base64Size(d))
			}
			return true
		}
		if u, ok := f["file_url"].(string); ok && u != "" {
			if mt == "" {
				path, _, _ := strings.Cut(u, "?")
				mt = mediaTypeOf(path)
			}
			pt.attach("file", where, mt, "url", 0)
			return true
		}
		pt.attach("file", where, mt, "file", 0)
	default:
		return false
	}
	return true
}

// urlPartKinds are the attachment types of OpenAI-style parts that carry a
// URL.
var urlPartKinds = map[string]string{"image_url": "image", "input_image": "image", "video_url": "video", "audio_url": "audio"}

// anthropicMedia records an Anthropic content block that carries media:
// image, document (other than plain text, which is checked) and
// container_upload. It reports whether the block was one.
func (pt *promptText) anthropicMedia(where place, bm map[string]any) bool {
	typ, _ := bm["type"].(string)
	kind := "file"
	switch typ {
	case "image":
		kind = "image"
	case "document":
	case "container_upload":
		pt.attach("file", where, "", "file", 0)
		return true
	default:
		return false
	}
	src, _ := bm["source"].(map[string]any)
	mt, _ := src["media_type"].(string)
	switch src["type"] {
	case "base64":
		data, _ := src["data"].(string)
		pt.attach(kind, where, mt, "inline", base64Size(data))
	case "url":
		u, _ := src["url"].(string)
		pt.attachURL(kind, where, u, mt)
	case "file":
		pt.attach(kind, where, mt, "file", 0)
	case "text", "content":
		return false // text the proxy checks
	default:
		pt.attach(kind, where, mt, "", 0)
	}
	return true
}

// mediaTypeOf guesses a media type from a file name's extension, for the
// common document types only.
func mediaTypeOf(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return ""
	}
	switch strings.ToLower(name[i+1:]) {
	case "pdf":
		return "application/pdf"
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case "pptx":
		return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
	case "csv":
		return "text/csv"
	case "txt":
		return "text/plain"
	case "json":
		return "application/json"
	}
	return ""
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// toolOutput adds the text of a server tool's result that the caller sends
// back to the model (Anthropic's web_fetch, code execution, text editor
// and MCP tool results; the Responses API's shell, patch, computer, code
// interpreter and file search items) as tool messages, checked for
// indirect injection like any tool result, and records the media in it.
// Only text fields are read: ids, URLs, titles and encrypted content are
// not.
func (pt *promptText) toolOutput(path string, node any) {
	switch v := node.(type) {
	case []any:
		for i, x := range v {
			if s, ok := x.(string); ok {
				pt.add("tool", s, func(s string) { v[i] = s })
				continue
			}
			pt.toolOutput(index(path, i), x)
		}
	case map[string]any:
		if pt.anthropicMedia(whole(path), v) || pt.openAIMedia(whole(path), v) || pt.screenshot(whole(path), v) {
			return
		}
		for _, k := range sortedKeys(v) {
			switch x := v[k].(type) {
			case string:
				if toolTextKeys[k] || (k == "data" && v["type"] == "text") {
					pt.add("tool", x, func(s string) { v[k] = s })
				}
			case map[string]any, []any:
				if !toolSkipKeys[k] {
					pt.toolOutput(path+"."+k, x)
				}
			}
		}
	}
}

var toolTextKeys = map[string]bool{"text": true, "stdout": true, "stderr": true, "output": true, "content": true, "logs": true}

var toolSkipKeys = map[string]bool{"encrypted_content": true, "citations": true, "annotations": true, "input": true}

// screenshot records a computer-use screenshot (Responses
// computer_call_output).
func (pt *promptText) screenshot(where place, m map[string]any) bool {
	if m["type"] != "computer_screenshot" {
		return false
	}
	if u, ok := m["image_url"].(string); ok && u != "" {
		pt.attachURL("image", where, u, "")
	} else {
		pt.attach("image", where, "", "file", 0)
	}
	return true
}
