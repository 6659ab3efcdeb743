package proxy_test

import (
	"bytes"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parapet-dev/parapet/connectors/proxy"
	"github.com/parapet-dev/parapet/connectors/proxy/fakeupstream"
)

// The routes with a response phase, with a request body for each.
var fuzzRoutes = []struct{ path, body, streamBody string }{
	{"/v1/chat/completions", `{"model":"m","messages":[{"role":"user","content":"hi"}]}`, `{"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}`},
	{"/v1/completions", `{"model":"m","prompt":"hi"}`, `{"model":"m","stream":true,"prompt":"hi"}`},
	{"/v1/messages", `{"model":"m","max_tokens":9,"messages":[{"role":"user","content":"hi"}]}`, `{"model":"m","max_tokens":9,"stream":true,"messages":[{"role":"user","content":"hi"}]}`},
	{"/v1/responses", `{"model":"m","input":"hi"}`, `{"model":"m","stream":true,"input":"hi"}`},
}

// fuzzHarness is the proxy in front of an upstream that answers whatever
// the fuzzer gives it, with the server's log kept, where net/http reports
// a handler's panic.
type fuzzHarness struct {
	url    string
	mu     sync.Mutex
	answer []byte
	sse    bool
	errLog bytes.Buffer
}

func newFuzzHarness(tb testing.TB) *fuzzHarness {
	tb.Helper()
	h := &fuzzHarness{}
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		h.mu.Lock()
		answer, sse := h.answer, h.sse
		h.mu.Unlock()
		if sse {
			w.Header().Set("Content-Type", "text/event-stream")
		} else {
			w.Header().Set("Content-Type", "application/json")
		}
		_, _ = w.Write(answer)
	}))
	tb.Cleanup(up.Close)
	px, err := proxy.New(defaultEngine(tb), proxy.Options{Upstreams: []proxy.Upstream{
		{Name: "oai", BaseURL: up.URL + "/v1", Models: []string{"*"}},
		{Name: "ant", Protocol: proxy.ProtocolAnthropic, BaseURL: up.URL, Models: []string{"*"}},
	}})
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(px.Handler())
	srv.Config.ErrorLog = log.New(lockedWriter{&h.mu, &h.errLog}, "", 0)
	srv.Start()
	tb.Cleanup(srv.Close)
	h.url = srv.URL
	return h
}

type lockedWriter struct {
	mu *sync.Mutex
	b  *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// fuzzClient gives up on an answer that does not end: a proxy that hangs
// on some upstream answer fails the test instead of stalling it.
var fuzzClient = &http.Client{Timeout: 20 * time.Second}

// upstreamSeeds are what the fake upstream answers each route, streamed
// and not, in a few scenarios, each with the pick that sends its request.
func upstreamSeeds(tb testing.TB) (picks []uint8, answers [][]byte) {
	tb.Helper()
	up := &fakeupstream.Upstream{}
	for ri, rt := range fuzzRoutes {
		for _, sc := range []string{"plain", "secret", "tool", "reasoning", "think"} {
			for si, body := range []string{rt.body, rt.streamBody} {
				body = strings.Replace(body, `"hi"`, `"scenario=`+sc+`"`, 1)
				if rt.path == "/v1/messages" || rt.path == "/v1/responses" {
					body = strings.Replace(body, `"content":"hi"`, `"content":"scenario=`+sc+`"`, 1)
				}
				rec := httptest.NewRecorder()
				up.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, rt.path, strings.NewReader(body)))
				picks = append(picks, uint8(ri+4*si))
				answers = append(answers, rec.Body.Bytes())
			}
		}
	}
	return picks, answers
}

// Whatever an upstream answers, the proxy answers the caller and does not
// panic: no input crashes a handler (net/http would log the panic and cut
// the connection).
func FuzzUpstreamAnswers(f *testing.F) {
	picks, answers := upstreamSeeds(f)
	for i, s := range answers {
		f.Add(picks[i], s)
	}
	for i, s := range []string{
		"data: {\"choices\":[{\"index\":-3,\"delta\":{\"content\":7,\"tool_calls\":[{\"index\":\"x\"}]}}]}\n\ndata: [DONE]\n\n",
		"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":99,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}\n\n",
		"event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"output_index\":-1,\"content_index\":null,\"delta\":\"ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R\"}\n\nevent: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":5}]}]}}\n\n",
		"data: {\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"type\":\"reasoning\",\"summary\":[{\"text\":\"a\"},7,null]}}\n\ndata: {\"type\":\"response.content_part.done\",\"output_index\":0,\"part\":[]}\n\n",
		`{"output":[{"type":"function_call","arguments":{"a":1}},{"type":"message","content":"text"}],"output_text":"x"}`,
		`{"choices":[{"message":{"content":["x"],"tool_calls":{}}}]}`,
		`{"content":[{"type":"tool_use","input":"not an object"},{"type":"text"}]}`,
		"data: {\n\ndata: [DONE]\n\n",
	} {
		f.Add(uint8(i), []byte(s))
	}
	h := newFuzzHarness(f)
	f.Fuzz(func(t *testing.T, pick uint8, answer []byte) {
		if len(answer) > 32<<10 {
			return
		}
		rt := fuzzRoutes[int(pick)%len(fuzzRoutes)]
		stream := pick&4 != 0 // the request asks for a stream; the answer is whatever came
		body := rt.body
		if stream {
			body = rt.streamBody
		}
		h.mu.Lock()
		h.answer, h.sse = answer, bytes.HasPrefix(bytes.TrimSpace(answer), []byte("data:")) || bytes.HasPrefix(bytes.TrimSpace(answer), []byte("event:"))
		h.errLog.Reset()
		h.mu.Unlock()
		req, _ := http.NewRequest(http.MethodPost, h.url+rt.path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Anthropic-Version", "2023-06-01")
		resp, err := fuzzClient.Do(req)
		if err == nil {
			_, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		h.mu.Lock()
		logged := h.errLog.String()
		h.mu.Unlock()
		if strings.Contains(logged, "panic") {
			t.Fatalf("%s: the proxy panicked on the upstream answer %q:\n%s", rt.path, answer, logged)
		}
		if err != nil {
			t.Fatalf("%s: the caller got no complete answer (%v) for the upstream answer %q", rt.path, err, answer)
		}
	})
}
