package proxy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parapet-dev/parapet/connectors/proxy"
)

// lingeringUpstream streams a short answer in the OpenAI or Anthropic
// format, and after the stream's last event waits on linger before it ends
// the body (the last chunk of the chunked encoding), as a server does that
// is slow to finish its response or keeps it open.
type lingeringUpstream struct {
	linger func()
}

func (u lingeringUpstream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	w.Header().Set("Content-Type", "text/event-stream")
	f := w.(http.Flusher)
	var events []string
	if strings.HasSuffix(r.URL.Path, "/messages") {
		events = []string{
			"event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude\",\"content\":[],\"usage\":{\"input_tokens\":3,\"output_tokens\":0}}}",
			"event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
			"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"The returns window is thirty days.\"}}",
			"event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}",
			"event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":7}}",
			"event: message_stop\ndata: {\"type\":\"message_stop\"}",
		}
	} else {
		chunk := `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":%q},"finish_reason":%s}]}`
		events = []string{
			fmt.Sprintf(chunk, "The returns window ", "null"),
			fmt.Sprintf(chunk, "is thirty days.", "null"),
			fmt.Sprintf(chunk, "", `"stop"`),
			"data: [DONE]",
		}
	}
	for _, ev := range events {
		_, _ = io.WriteString(w, ev+"\n\n")
		f.Flush()
	}
	u.linger()
}

// lingerEnv is the proxy on the default bundle in front of u, with both
// protocols' routes, and a count of the connections u accepted.
func lingerEnv(t *testing.T, u lingeringUpstream) (proxyURL string, conns *atomic.Int64) {
	t.Helper()
	conns = &atomic.Int64{}
	up := httptest.NewUnstartedServer(u)
	up.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			conns.Add(1)
		}
	}
	up.Start()
	t.Cleanup(up.Close)
	px, err := proxy.New(defaultEngine(t), proxy.Options{Upstreams: []proxy.Upstream{
		{Name: "oai", BaseURL: up.URL + "/v1", Models: []string{"gpt-4o"}},
		{Name: "ant", Protocol: proxy.ProtocolAnthropic, BaseURL: up.URL, Models: []string{"claude"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(px.Handler())
	t.Cleanup(srv.Close)
	return srv.URL, conns
}

var streamRoutes = []struct{ name, path, body, last string }{
	{"openai", "/v1/chat/completions", `{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"How long is the returns window?"}]}`, "data: [DONE]"},
	{"anthropic", "/v1/messages", `{"model":"claude","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"How long is the returns window?"}]}`, `"type":"message_stop"`},
}

// streamOnce sends one streamed call and reads the answer to its end.
func streamOnce(ctx context.Context, url, body string) (string, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return string(b), fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return string(b), err
}

// streamedText joins the text of a stream's chunks (OpenAI deltas'
// content, Anthropic text deltas): how the proxy splits it into chunks
// depends on timing.
func streamedText(sse string) string {
	var b strings.Builder
	for _, line := range strings.Split(sse, "\n") {
		data, ok := strings.CutPrefix(line, "data: ")
		if !ok || data == "[DONE]" {
			continue
		}
		var ev struct {
			Choices []struct {
				Delta struct {
					Content string `json:"content"`
				} `json:"delta"`
			} `json:"choices"`
			Delta struct {
				Text string `json:"text"`
			} `json:"delta"`
		}
		if json.Unmarshal([]byte(data), &ev) != nil {
			continue
		}
		for _, c := range ev.Choices {
			b.WriteString(c.Delta.Content)
		}
		b.WriteString(ev.Delta.Text)
	}
	return b.String()
}

// A stream that ended normally leaves its upstream connection open for
// the next call: the proxy reads the rest of the body (here sent 20 ms
// after the last event) instead of cutting it, which closed the connection.
func TestStreamEndKeepsUpstreamConnection(t *testing.T) {
	for _, rt := range streamRoutes {
		t.Run(rt.name, func(t *testing.T) {
			url, conns := lingerEnv(t, lingeringUpstream{linger: func() { time.Sleep(20 * time.Millisecond) }})
			const calls = 6
			for i := range calls {
				out, err := streamOnce(context.Background(), url+rt.path, rt.body)
				if err != nil || !strings.Contains(out, rt.last) || streamedText(out) != "The returns window is thirty days." {
					t.Fatalf("call %d: %v\n%s", i, err, out)
				}
				// Give the proxy the lingering end of the body before the
				// next call (pacing only; nothing here is timed).
				time.Sleep(60 * time.Millisecond)
			}
			// One connection, and one spare for a drain that the machine's
			// load delayed past the next call.
			if n := conns.Load(); n > 2 {
				t.Fatalf("%d calls opened %d upstream connections; a stream's end should leave its connection for the next call", calls, n)
			}
		})
	}
}

// The caller is not kept waiting for the upstream to end its body: the
// answer ends for the caller when the stream does, while the upstream
// still holds its response open.
func TestStreamEndDoesNotWaitForTheUpstreamBody(t *testing.T) {
	for _, rt := range streamRoutes {
		t.Run(rt.name, func(t *testing.T) {
			release := make(chan struct{})
			url, _ := lingerEnv(t, lingeringUpstream{linger: func() {
				select {
				case <-release:
				case <-time.After(10 * time.Second):
				}
			}})
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			out, err := streamOnce(ctx, url+rt.path, rt.body)
			close(release)
			if err != nil || !strings.Contains(out, rt.last) {
				t.Fatalf("the caller's stream did not end while the upstream held its body open: %v\n%s", err, out)
			}
		})
	}
}
