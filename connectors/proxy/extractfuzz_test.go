package proxy

import (
	"testing"

	"github.com/parapet-dev/parapet/engine"
)

// FuzzCallerBodies: whatever JSON a caller sends any route, extracting its
// text and media never panics; what is extracted is a valid engine request
// (every attachment has a known type and source); and writing redacted
// text back and re-encoding the body works. Run longer with
// go test -fuzz FuzzCallerBodies ./connectors/proxy/.
func FuzzCallerBodies(f *testing.F) {
	seeds := []string{
		`{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}},{"type":"input_audio","input_audio":{"data":"AA==","format":"wav"}},{"type":"file","file":{"file_id":"f","filename":"a.pdf"}},{"type":"video_url","video_url":"https://v"}]}]}`,
		`{"model":"m","messages":[{"role":"tool","content":"x"},{"role":"assistant","tool_calls":[{"function":{"arguments":"{}"}}]}]}`,
		`{"model":"m","system":[{"type":"text","text":"s"}],"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","data":"AAAA"}},{"type":"document","source":{"type":"content","content":[{"type":"text","text":"d"},{"type":"image","source":{"type":"url","url":"u"}}]}},{"type":"search_result","content":[{"type":"text","text":"r"}]},{"type":"tool_result","content":[{"type":"image","source":{"type":"file"}}]},{"type":"container_upload","file_id":"x"}]}]}`,
		`{"model":"m","instructions":"i","input":[{"role":"user","content":[{"type":"input_image","image_url":"data:,x"},{"type":"input_file","file_url":"https://f/a.xlsx?x=1"}]},{"type":"input_image","file_id":"f"},{"type":"function_call_output","output":[{"type":"input_text","text":"t"}]}]}`,
		`{"model":"m","messages":[{"role":"assistant","content":[{"type":"web_fetch_tool_result","content":{"type":"web_fetch_result","content":{"type":"document","source":{"type":"text","data":"d"}}}},{"type":"mcp_tool_result","content":["a",{"type":"text","text":"b"}]}]}]}`,
		`{"model":"m","input":[{"type":"shell_call_output","output":[{"stdout":"a","stderr":"b"}]},{"type":"computer_call_output","output":{"type":"computer_screenshot","file_id":"f"}},{"type":"file_search_call","results":[{"text":"t","attributes":{"k":"v"}}]}]}`,
		`{"model":"m","prompt":["a","b"],"suffix":"c"}`,
		`{"model":"m","input":"x"}`,
		`{"messages":[{"role":"user","content":[{"type":"file","file":"notamap"},{"type":"image_url","image_url":7},{"type":"document","source":{"type":"content","content":"text"}}]}]}`,
	}
	for _, s := range seeds {
		f.Add(s)
	}
	extractors := []func(map[string]any, *promptText) *apiError{extractChat, extractMessages, extractResponses, extractCompletion, extractEmbedding}
	f.Fuzz(func(t *testing.T, body string) {
		for _, extract := range extractors {
			m, err := decodeObject([]byte(body))
			if err != nil {
				return
			}
			var pt promptText
			if extract(m, &pt) != nil {
				continue
			}
			req := engine.Request{Phase: engine.PhasePrompt, Subject: engine.Subject{ID: "s"}, Resource: engine.Resource{Model: "m"},
				Messages: pt.messages(), Attachments: pt.atts}
			if err := (engine.Limits{}).Validate(&req); err != nil {
				t.Fatalf("extracted an invalid request from %s: %v", body, err)
			}
			red := make([]engine.Message, len(pt.msgs))
			for i, msg := range pt.msgs {
				red[i] = msg
				red[i].Content = "[REDACTED]"
			}
			pt.apply(red)
			if out := encodeJSON(m); out == nil {
				t.Fatalf("re-encoding failed for %s", body)
			}
		}
	})
}
