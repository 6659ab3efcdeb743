package proxy_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/parapet-dev/parapet/connectors/proxy"
)

// An upstream that breaks off a stream, or stalls past its idle timeout,
// ends the caller's stream with the API's error event and the outcome in
// the trailer, on every streamed route.
func TestStreamBrokenOffOrStalled(t *testing.T) {
	first := map[string]string{
		"/v1/chat/completions": `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"The returns window "},"finish_reason":null}]}`,
		"/v1/messages":         "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude\",\"content\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":0}}}\n\nevent: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\nevent: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"The returns window \"}}",
		"/v1/responses":        "event: response.output_item.added\ndata: {\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"msg\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}}\n\nevent: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg\",\"output_index\":0,\"content_index\":0,\"delta\":\"The returns window \"}",
	}
	bodies := map[string]string{
		"/v1/chat/completions": `{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]}`,
		"/v1/messages":         `{"model":"claude","max_tokens":9,"stream":true,"messages":[{"role":"user","content":"hi"}]}`,
		"/v1/responses":        `{"model":"gpt-4o","stream":true,"input":"hi"}`,
	}
	for _, tc := range []struct {
		name    string
		stall   bool
		code    string
		outcome proxy.Outcome
	}{
		{"broken off", false, "upstream_error", proxy.OutcomeUpstreamError},
		{"stalled", true, "upstream_timeout", proxy.OutcomeUpstreamTimeout},
	} {
		t.Run(tc.name, func(t *testing.T) {
			release := make(chan struct{})
			defer close(release)
			up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				w.Header().Set("Content-Type", "text/event-stream")
				_, _ = io.WriteString(w, first[r.URL.Path]+"\n\n")
				w.(http.Flusher).Flush()
				if tc.stall {
					select {
					case <-release:
					case <-r.Context().Done():
					}
				}
				// Returning ends the body without the stream's end event.
			}))
			defer up.Close()
			px, err := proxy.New(defaultEngine(t), proxy.Options{Upstreams: []proxy.Upstream{
				{Name: "oai", BaseURL: up.URL + "/v1", Models: []string{"gpt-4o"}, IdleTimeout: 300 * time.Millisecond},
				{Name: "ant", Protocol: proxy.ProtocolAnthropic, BaseURL: up.URL, Models: []string{"claude"}, IdleTimeout: 300 * time.Millisecond},
			}})
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(px.Handler())
			defer srv.Close()
			for path, body := range bodies {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+path, strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					cancel()
					t.Fatalf("%s: %v", path, err)
				}
				out, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				cancel()
				if err != nil || !strings.Contains(string(out), `"code":"`+tc.code+`"`) || !strings.Contains(string(out), "The returns window") {
					t.Errorf("%s: %v\n%s", path, err, out)
				}
				if got := resp.Trailer.Get("X-Parapet-Outcome"); got != string(tc.outcome) {
					t.Errorf("%s: outcome %q, want %q", path, got, tc.outcome)
				}
			}
		})
	}
}
