package proxy

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
)

// The fast path of chat streams (chunkFast) must write what the general
// path (chunk with maps) writes, byte for byte: these run the same
// upstream stream through the proxy both ways and compare what the client
// receives.

type fpAuth map[string]Caller

func (a fpAuth) Authenticate(tok string) (Caller, bool) {
	c, ok := a[tok]
	return c, ok
}

var (
	fpOnce   sync.Once
	fpEngine *engine.Engine
)

type fpHarness struct {
	mu   sync.Mutex
	body string // what the upstream streams
	url  string
}

func newFPHarness(tb testing.TB) *fpHarness {
	tb.Helper()
	fpOnce.Do(func() {
		e := engine.New(engine.Options{Analyzer: detectors.Default()})
		p, err := bundles.Compile(context.Background(), "", nil)
		if err != nil {
			panic(err)
		}
		e.Activate(p)
		fpEngine = e
	})
	h := &fpHarness{}
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		h.mu.Lock()
		body := h.body
		h.mu.Unlock()
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = io.WriteString(w, body)
	}))
	tb.Cleanup(up.Close)
	px, err := New(fpEngine, Options{
		Upstreams: []Upstream{{Name: "fake", BaseURL: up.URL + "/v1", Models: []string{"*"}}},
		Auth: fpAuth{
			"dev":   {Subject: "dev", Roles: []string{"developer"}, KeyID: "dev"},
			"carol": {Subject: "carol", Tenant: "acme", KeyID: "carol"}, // reasoning stripped
		},
		// Decisions at every chunk, so that both runs decide the same text.
		Stream: StreamOptions{DecideEveryChunk: true},
	})
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(px.Handler())
	tb.Cleanup(srv.Close)
	h.url = srv.URL
	return h
}

var fpUUID = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// run streams body through the proxy, on the fast path or not, and
// returns the status and what the client received.
func (h *fpHarness) run(tb testing.TB, body, token string, n int, fast bool) string {
	tb.Helper()
	h.mu.Lock()
	h.body = body
	h.mu.Unlock()
	generalChunksOnly.Store(!fast)
	defer generalChunksOnly.Store(false)
	req := `{"model":"deepseek-r1-onprem","stream":true,"n":` + string(rune('0'+n)) + `,"messages":[{"role":"user","content":"hi"}]}`
	r, err := http.NewRequest("POST", h.url+"/v1/chat/completions", strings.NewReader(req))
	if err != nil {
		tb.Fatal(err)
	}
	r.Header.Set("Authorization", "Bearer "+token)
	r.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.Status + "\n" + fpUUID.ReplaceAllString(string(out), "<uuid>")
}

// compare runs body both ways for each caller; it reports how many of its
// chunks have the fast path's shape.
func (h *fpHarness) compare(tb testing.TB, name, body string) int {
	tb.Helper()
	for _, token := range []string{"dev", "carol"} {
		for _, n := range []int{1, 2} {
			general := h.run(tb, body, token, n, false)
			fast := h.run(tb, body, token, n, true)
			if fast != general {
				tb.Errorf("%s (%s, n=%d): fast path wrote\n%s\ngeneral path wrote\n%s\nupstream sent\n%s", name, token, n, fast, general, body)
			}
		}
	}
	fast := 0
	var fc fastChunk
	for _, line := range strings.Split(body, "\n") {
		if d, ok := strings.CutPrefix(line, "data: "); ok && fc.parse([]byte(d)) {
			fast++
		}
	}
	return fast
}

const fpEnv = `"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","system_fingerprint":"fp"`

// fpChunk is a chat chunk of one choice.
func fpChunk(index int, delta, finish string) string {
	return `{` + fpEnv + `,"choices":[{"index":` + string(rune('0'+index)) + `,"delta":` + delta + `,"logprobs":null,"finish_reason":` + finish + `}]}`
}

func fpContent(words ...string) []string {
	out := []string{fpChunk(0, `{"role":"assistant","content":""}`, "null")}
	for _, w := range words {
		out = append(out, fpChunk(0, `{"content":`+quoteJSON(w)+`}`, "null"))
	}
	return append(out, fpChunk(0, `{}`, `"stop"`))
}

func quoteJSON(s string) string { return string(encodeJSON(s)) }

// fpStream is an SSE body of chunks, with [DONE] when done.
func fpStream(done bool, chunks ...string) string {
	var b strings.Builder
	for _, c := range chunks {
		b.WriteString("data: " + c + "\n\n")
	}
	if done {
		b.WriteString("data: [DONE]\n\n")
	}
	return b.String()
}

func fpCases() map[string]string {
	secret := []string{"Here is the token: ghp_", "1a2B3c4D5e6F7g8H9i0J", "1k2L3m4N5o6P7q8R", " and more text after it."}
	cases := map[string]string{
		"plain":  fpStream(true, fpContent("Hello", " world.", " How", " are", " you?")...),
		"secret": fpStream(true, fpContent(secret...)...),
		"email":  fpStream(true, fpContent("Mail ", "jane.doe@", "example.com", " for a refund.", " Thanks.")...),
		"think":  fpStream(true, fpContent("<think>", "secret plan", "</think>", "\n\nHello ", "from R1.")...),
		"escapes": fpStream(true, fpContent("tab\there ", "new\nline ", `q"uote\ `, "<b>&amp;</b> ", "\u2028\u2029 ",
			"héllo 日本 🎉 ", "bad \xff utf8 ", "ctl \x01\x1f ")...),
		"no-done": fpStream(false, fpContent("Hello", " world.")...),
		"reasoning-content": fpStream(true,
			fpChunk(0, `{"role":"assistant","content":null,"reasoning_content":""}`, "null"),
			fpChunk(0, `{"reasoning_content":"Let me think. "}`, "null"),
			fpChunk(0, `{"reasoning_content":"The key is ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R. "}`, "null"),
			fpChunk(0, `{"content":"Done ","reasoning_content":null}`, "null"),
			fpChunk(0, `{"content":"now."}`, `"stop"`)),
		"reasoning": fpStream(true,
			fpChunk(0, `{"role":"assistant","reasoning":"Hmm, "}`, "null"),
			fpChunk(0, `{"reasoning":"yes. "}`, "null"),
			fpChunk(0, `{"content":"Answer ","refusal":null}`, "null"),
			fpChunk(0, `{"content":"here."}`, "null"),
			fpChunk(0, `{}`, `"stop"`)),
		"refusal": fpStream(true,
			fpChunk(0, `{"role":"assistant","refusal":""}`, "null"),
			fpChunk(0, `{"refusal":"I cannot "}`, "null"),
			fpChunk(0, `{"refusal":"help with that."}`, `"length"`)),
		"role-variants": fpStream(true,
			fpChunk(0, `{"role":""}`, "null"),
			fpChunk(0, `{"role":null,"content":null}`, "null"),
			fpChunk(0, `{"role":{"x":[1, 2]},"content":"a "}`, "null"),
			fpChunk(0, `{"content":"b c"}`, `"stop"`)),
		"finish-with-text": fpStream(true,
			fpChunk(0, `{"role":"assistant","content":"Hello wor"}`, "null"),
			fpChunk(0, `{"content":"ld, bye."}`, `"stop"`)),
		"logprobs": fpStream(true,
			`{"id":"x","choices":[{"index":0,"delta":{"content":"Hi "},"logprobs":{"content":[{"token":"Hi","logprob":-0.1}]},"finish_reason":null}]}`,
			`{"id":"x","choices":[{"index":0,"delta":{"content":"there."},"logprobs":{"content":[]},"finish_reason":"stop"}]}`),
		"whitespace": fpStream(true,
			"{ \"model\" : \"m 1\" , \"choices\" : [ { \"delta\" : { \"content\" : \"Hello \" , \"role\" : \"assistant\" } , \"index\" : 0 , \"finish_reason\" : null } ] , \"usage\" : null }",
			"{\"choices\":[{\"delta\":{\"content\":\"wor\"},\"index\":0,\"extra\":{ \"a\" : [ 1 , \"x y\" ] }}],\"z\":true,\"a\":-1.5e3}",
			"{\"choices\":[{\"delta\":{\"content\":\"ld.\"},\"index\":0,\"finish_reason\":\"stop\"}]}"),
		"multi-line-data": "data: {\"choices\":[{\"delta\":\ndata: {\"content\":\"Hi \"},\"index\":0}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"you.\"},\"index\":0,\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n",
		"usage": fpStream(true,
			fpChunk(0, `{"role":"assistant","content":"Hello "}`, "null"),
			fpChunk(0, `{"content":"you."}`, `"stop"`),
			`{`+fpEnv+`,"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}`),
		"usage-with-choice": fpStream(true,
			`{"id":"x","choices":[{"index":0,"delta":{"content":"Hello wo"}}],"usage":{"total_tokens":1}}`,
			`{"id":"x","choices":[{"index":0,"delta":{"content":"rld"}}],"usage":{"total_tokens":2}}`,
			`{"id":"x","choices":[{"index":0,"delta":{"content":"ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R"}}],"usage":null}`,
			`{"id":"x","choices":[{"index":0,"delta":{}}],"usage":{"total_tokens":3}}`),
		"tool-call-then-text": fpStream(true,
			fpChunk(0, `{"role":"assistant","content":"Calling. "}`, "null"),
			fpChunk(0, `{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":""}}]}`, "null"),
			fpChunk(0, `{"tool_calls":[{"index":0,"function":{"arguments":"{\"to\":\"jane.doe@"}}]}`, "null"),
			fpChunk(0, `{"content":"more "}`, "null"),
			fpChunk(0, `{"tool_calls":[{"index":0,"function":{"arguments":"example.com\"}"}}]}`, "null"),
			fpChunk(0, `{"content":"text."}`, "null"),
			fpChunk(0, `{}`, `"tool_calls"`)),
		"two-choices": fpStream(true,
			fpChunk(0, `{"role":"assistant","content":""}`, "null"),
			fpChunk(1, `{"role":"assistant","content":""}`, "null"),
			fpChunk(0, `{"content":"One "}`, "null"),
			fpChunk(1, `{"content":"Two ghp_1a2B3c4D5e6F7g8H9i0J"}`, "null"),
			fpChunk(0, `{"content":"more."}`, `"stop"`),
			fpChunk(1, `{"content":"1k2L3m4N5o6P7q8R end."}`, "null"),
			fpChunk(0, `{"content":"after done"}`, "null"),
			fpChunk(1, `{}`, `"stop"`)),
		"general-shapes": fpStream(true,
			`{"id":"a","id":"b","choices":[{"index":0,"delta":{"content":"dup "}}]}`,
			`{"id":"a","choices":[{"index":0,"delta":{"con\u0074ent":"escaped key "}}]}`,
			`{"id":"a","choices":[{"index":0,"délta":{},"delta":{"content":"odd key "}}]}`,
			`{"id":"a","choices":[{"index":0}]}`,
			`{"id":"a","choices":[{"index":0,"delta":null}]}`,
			`{"id":"a","choices":[{"index":0,"delta":{"content":5}}]}`,
			`{"id":"a","choices":[{"index":0,"delta":{"content":"x ","other":1}}]}`,
			`{"id":"a","choices":[{"index":0,"delta":{"content":"y ","content":"z "}}]}`,
			`{"id":"a","choices":[{"index":0,"delta":{"text":"t "}}]}`,
			`{"id":"a","choices":[{"index":0,"delta":{"content":"w "}},{"index":1,"delta":{"content":"v "}}]}`,
			`{"id":"a","choices":{"index":0}}`,
			`{"id":"a","error":null,"choices":[{"index":0,"delta":{"content":"e "}}]}`,
			`{"id":"a"}`,
			`null`,
			`{"id":"a","choices":[{"index":0,"delta":{"content":"end."}}]}`),
		"error-mid-stream": fpStream(true,
			fpChunk(0, `{"role":"assistant","content":"Hello "}`, "null"),
			`{"error":{"message":"overloaded"}}`),
		"invalid-mid-stream": fpStream(true,
			fpChunk(0, `{"role":"assistant","content":"Hello "}`, "null"),
			`{"choices":[`),
		"cut-then-more": fpStream(true, append(fpContent(secret...), fpChunk(0, `{"content":"late"}`, "null"))...),
	}
	return cases
}

func TestFastPathMatchesGeneralPath(t *testing.T) {
	h := newFPHarness(t)
	total := 0
	for name, body := range fpCases() {
		total += h.compare(t, name, body)
	}
	if total < 50 {
		t.Errorf("only %d chunks of the cases take the fast path", total)
	}
}

// goldenChunks are the chat chunks of the streamed golden transcripts.
func goldenChunks(tb testing.TB) [][]string {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "chat-stream*.txt"))
	if len(files) == 0 {
		tb.Fatal("no golden chat streams")
	}
	var out [][]string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var chunks []string
		for _, line := range strings.Split(string(b), "\n") {
			if d, ok := strings.CutPrefix(line, "data: {"); ok {
				chunks = append(chunks, "{"+d)
			}
		}
		out = append(out, chunks)
	}
	return out
}

func FuzzFastPathMatchesGeneralPath(f *testing.F) {
	for _, chunks := range goldenChunks(f) {
		f.Add(fpStream(true, chunks...))
	}
	for _, body := range fpCases() {
		f.Add(body)
	}
	h := newFPHarness(f)
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 16<<10 || bytes.Contains([]byte(body), []byte("\x00")) {
			return
		}
		for _, n := range []int{1, 2} {
			general := h.run(t, body, "carol", n, false)
			if fast := h.run(t, body, "carol", n, true); fast != general {
				t.Errorf("n=%d: fast path wrote\n%s\ngeneral path wrote\n%s\nupstream sent\n%q", n, fast, general, body)
			}
		}
	})
}

// commonKey gives the key json.Unmarshal gives, escaped or not.
func TestCommonKeysMatchEncodingJSON(t *testing.T) {
	for _, d := range []string{
		`{"id":1,"object":2,"created":3,"model":4,"system_fingerprint":5,"choices":6,"index":7,"delta":8,"message":9}`,
		`{"role":1,"content":2,"refusal":3,"reasoning_content":4,"reasoning":5,"text":6,"finish_reason":7,"logprobs":8,"usage":9}`,
		`{"tool_calls":1,"function":2,"arguments":3,"name":4,"type":5,"content_block":6,"partial_json":7,"thinking":8}`,
		`{"con\u0074ent":1,"i\u0064":2,"content ":3," content":4,"Content":5,"contents":6,"":7,"\u0000":8}`,
		`{"content":1,"con\u0074ent":2,"i\u0064":3,"id":4}`,
	} {
		var want map[string]json.RawMessage
		if err := json.Unmarshal([]byte(d), &want); err != nil {
			t.Fatal(err)
		}
		got, _ := parseObject([]byte(d))
		if len(got) != len(want) {
			t.Errorf("%s: got %v, want %v", d, got, want)
		}
		for k, v := range want {
			if !bytes.Equal(got[k], v) {
				t.Errorf("%s: %q is %s, want %s", d, k, got[k], v)
			}
		}
	}
}
