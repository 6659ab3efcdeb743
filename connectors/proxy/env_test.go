package proxy_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/connectors/proxy"
	"github.com/parapet-dev/parapet/connectors/proxy/fakeupstream"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
	defaultbundle "github.com/parapet-dev/parapet/rego"
)

// Tokens of the test callers (see testAuth).
const (
	devToken    = "ppt_dev"
	carolToken  = "ppt_carol"
	upstreamKey = "sk-upstream-secret"
)

// testAuth maps tokens to callers, as api.Keys does from a keys file.
type testAuth map[string]proxy.Caller

func (a testAuth) Authenticate(tok string) (proxy.Caller, bool) {
	c, ok := a[tok]
	return c, ok
}

var callers = testAuth{
	devToken:   {Subject: "dev", Roles: []string{"developer"}, KeyID: "dev"},
	carolToken: {Subject: "carol", Tenant: "acme", KeyID: "carol"},
}

var (
	engOnce sync.Once
	sharedE *engine.Engine
)

// defaultEngine is one engine on the embedded default bundle, shared by
// the tests (loading the detectors takes a while).
func defaultEngine(t testing.TB) *engine.Engine {
	t.Helper()
	engOnce.Do(func() {
		e := engine.New(engine.Options{Analyzer: detectors.Default()})
		p, err := bundles.Compile(context.Background(), "", nil)
		if err != nil {
			panic(err)
		}
		e.Activate(p)
		sharedE = e
	})
	return sharedE
}

// bundleEngine is an engine on a bundle made of the given files.
func bundleEngine(t *testing.T, files map[string]string) *engine.Engine {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dirEngine(t, dir)
}

// dirEngine is an engine on the bundle directory dir.
func dirEngine(t *testing.T, dir string) *engine.Engine {
	t.Helper()
	e := engine.New(engine.Options{Analyzer: detectors.Default()})
	p, err := bundles.Compile(context.Background(), bundles.Source(dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	e.Activate(p)
	return e
}

type record struct {
	phase string
	d     *engine.Decision
	info  proxy.StreamInfo
	req   *engine.Request
}

// env is a proxy in front of a fake upstream, both on loopback.
type env struct {
	t       *testing.T
	up      *fakeupstream.Upstream
	upURL   string
	px      *proxy.Proxy
	url     string
	mu      sync.Mutex
	records []record
}

type envOpt func(*proxy.Options)

func withAuth(o *proxy.Options) { o.Auth = callers }

func newEnv(t *testing.T, eng *engine.Engine, opts ...envOpt) *env {
	t.Helper()
	e := &env{t: t, up: &fakeupstream.Upstream{}}
	upSrv := httptest.NewServer(e.up)
	t.Cleanup(upSrv.Close)
	e.upURL = upSrv.URL
	o := proxy.Options{
		Upstreams: []proxy.Upstream{
			{Name: "fake", BaseURL: upSrv.URL + "/v1", APIKey: upstreamKey, Models: []string{"*"}},
			{Name: "fake-anthropic", Protocol: proxy.ProtocolAnthropic, BaseURL: upSrv.URL, APIKey: upstreamKey, Models: []string{"*"}},
		},
		OnDecision: func(_ context.Context, req *engine.Request, d *engine.Decision, info proxy.StreamInfo) {
			e.mu.Lock()
			e.records = append(e.records, record{req.Phase, d, info, req})
			e.mu.Unlock()
		},
	}
	for _, f := range opts {
		f(&o)
	}
	px, err := proxy.New(eng, o)
	if err != nil {
		t.Fatal(err)
	}
	e.px = px
	srv := httptest.NewServer(px.Handler())
	t.Cleanup(srv.Close)
	e.url = srv.URL
	return e
}

func (e *env) recorded() []record {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]record(nil), e.records...)
}

// lastResponseRecord waits for the response-phase record (written after
// the last byte is sent).
func (e *env) lastResponseRecord() record {
	e.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		recs := e.recorded()
		for i := len(recs) - 1; i >= 0; i-- {
			if recs[i].phase == engine.PhaseResponse {
				return recs[i]
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	e.t.Fatal("no response decision recorded")
	return record{}
}

func (e *env) client(token string, extra ...option.RequestOption) openai.Client {
	opts := []option.RequestOption{option.WithBaseURL(e.url + "/v1/"), option.WithAPIKey(token), option.WithMaxRetries(0)}
	return openai.NewClient(append(opts, extra...)...)
}

func userMsg(text string) openai.ChatCompletionNewParams {
	return openai.ChatCompletionNewParams{
		Model:    "gpt-4o",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(text)},
	}
}

// streamed is what a client accumulated from a stream.
type streamed struct {
	content, reasoning, finish string
	args                       string
	chunks                     int
	err                        error
	header                     http.Header
}

// streamChat runs a streamed chat completion through openai-go.
func streamChat(t *testing.T, c openai.Client, params openai.ChatCompletionNewParams) streamed {
	t.Helper()
	var resp *http.Response
	s := c.Chat.Completions.NewStreaming(context.Background(), params, option.WithResponseInto(&resp))
	var out streamed
	for s.Next() {
		ck := s.Current()
		out.chunks++
		for _, ch := range ck.Choices {
			out.content += ch.Delta.Content
			if f, ok := ch.Delta.JSON.ExtraFields["reasoning_content"]; ok && f.Raw() != "null" {
				out.reasoning += unquote(f.Raw())
			}
			for _, tc := range ch.Delta.ToolCalls {
				out.args += tc.Function.Arguments
			}
			if ch.FinishReason != "" {
				out.finish = ch.FinishReason
			}
		}
	}
	out.err = s.Err()
	if resp != nil {
		out.header = resp.Header
	}
	return out
}

func unquote(raw string) string {
	s := strings.TrimPrefix(strings.TrimSuffix(raw, `"`), `"`)
	return strings.ReplaceAll(s, `\n`, "\n")
}

// rawPost posts a body and returns the status, headers and the whole body
// (for streams: every byte the client received).
func rawPost(t *testing.T, url, token, body string, hdr ...string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for k, v := range resp.Trailer {
		resp.Header[k] = v
	}
	return resp.StatusCode, resp.Header, string(b)
}

// sseData returns the data lines of a stream.
func sseData(body string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
			out = append(out, d)
		}
	}
	return out
}

// countingHandler is an OpenAI upstream that counts calls and answers
// "ok".
type countingHandler struct {
	mu    sync.Mutex
	n     int
	model string
}

func (h *countingHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Model string `json:"model"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	h.mu.Lock()
	h.n++
	h.model = body.Model
	h.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"id":"x","object":"chat.completion","created":1,"model":"` + body.Model + `","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}`))
}

func newServer(t *testing.T, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// defaultBundleWith writes the default bundle to a temporary folder, its
// data.json changed by edit, and returns the folder.
func defaultBundleWith(t *testing.T, edit func(data []byte) []byte) string {
	t.Helper()
	dir := t.TempDir()
	files, err := fs.Glob(defaultbundle.FS, "*")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		b, err := fs.ReadFile(defaultbundle.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "data.json" {
			b = edit(b)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
