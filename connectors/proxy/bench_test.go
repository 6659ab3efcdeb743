package proxy_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/connectors/proxy"
	"github.com/parapet-dev/parapet/connectors/proxy/fakeupstream"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
)

// benchConns counts connections the upstream accepted: the proxy should
// reuse its connections.
var benchConns atomic.Int64

// benchProxy is the proxy on the default bundle in front of an unpaced
// fake upstream, both on loopback, as bench/proxy-overhead.sh runs them.
func benchProxy(b *testing.B, src bundles.Source, evals *atomic.Int64) (proxyURL, upstreamURL string) {
	b.Helper()
	e := engine.New(engine.Options{Analyzer: detectors.Default()})
	p, err := bundles.Compile(context.Background(), src, nil)
	if err != nil {
		b.Fatal(err)
	}
	e.Activate(p)
	up := httptest.NewUnstartedServer(&fakeupstream.Upstream{})
	up.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			benchConns.Add(1)
		}
	}
	up.Start()
	b.Cleanup(up.Close)
	px, err := proxy.New(e, proxy.Options{
		Upstreams: []proxy.Upstream{{Name: "fake", BaseURL: up.URL + "/v1", Models: []string{"*"}}},
		OnDecision: func(_ context.Context, req *engine.Request, _ *engine.Decision, info proxy.StreamInfo) {
			if req.Phase == engine.PhaseResponse {
				evals.Add(int64(info.Evaluations))
			}
		},
	})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(px.Handler())
	b.Cleanup(srv.Close)
	return srv.URL, up.URL
}

func benchPost(b *testing.B, url, body string, direct bool) {
	b.Helper()
	benchPostBundle(b, "", url, body, direct)
}

// benchPostBundle is benchPost with the proxy on the bundle at src ("" for
// the default one).
func benchPostBundle(b *testing.B, src bundles.Source, url, body string, direct bool) {
	b.Helper()
	var evals atomic.Int64
	base, up := benchProxy(b, src, &evals)
	if direct {
		base = up
	}
	client := &http.Client{}
	// One request before timing: the detectors build their tables on the
	// first text they see (once per process), which is not a request's
	// cost.
	if resp, err := client.Post(base+url, "application/json", bytes.NewReader([]byte(body))); err == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	evals.Store(0)
	benchConns.Store(0)
	b.ReportAllocs()
	for b.Loop() {
		resp, err := client.Post(base+url, "application/json", bytes.NewReader([]byte(body)))
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
	b.ReportMetric(float64(evals.Load())/float64(b.N), "evals/op")
	b.ReportMetric(float64(benchConns.Swap(0))/float64(b.N), "conns/op")
}

// BenchmarkProxyChat is one non-streamed chat completion through the
// proxy: a prompt decision, the upstream call and a response decision.
func BenchmarkProxyChat(b *testing.B) {
	benchPost(b, "/v1/chat/completions", benchChat, false)
}

// BenchmarkProxyChatAllowAll is BenchmarkProxyChat on bench/allow-all, a
// policy that allows everything: the proxy's own cost.
func BenchmarkProxyChatAllowAll(b *testing.B) {
	benchPostBundle(b, "../../bench/allow-all", "/v1/chat/completions", benchChat, false)
}

// BenchmarkDirectChat is BenchmarkProxyChat straight to the upstream.
func BenchmarkDirectChat(b *testing.B) {
	benchPost(b, "/v1/chat/completions", benchChat, true)
}

// benchChat is the chat of bench/proxy-overhead.sh's non-streamed runs.
const benchChat = `{"model":"gpt-4o","messages":[{"role":"system","content":"You are a helpful assistant for the returns desk."},{"role":"user","content":"Summarise our returns policy in three bullet points."}]}`

// BenchmarkProxyStream is one streamed chat completion of 240 words, one
// per chunk, from an upstream that sends them as fast as it can.
func BenchmarkProxyStream(b *testing.B) {
	benchPost(b, "/v1/chat/completions", `{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Summarise our returns policy.\nscenario=bench=240"}]}`, false)
}

// BenchmarkDirectStream is BenchmarkProxyStream straight to the upstream,
// for the ratio.
func BenchmarkDirectStream(b *testing.B) {
	benchPost(b, "/v1/chat/completions", `{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Summarise our returns policy.\nscenario=bench=240"}]}`, true)
}

// BenchmarkProxyStreamLong is BenchmarkProxyStream with a 4,000-word
// answer: the cost of deciding a long answer again as it grows.
func BenchmarkProxyStreamLong(b *testing.B) {
	benchPost(b, "/v1/chat/completions", `{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Summarise our returns policy.\nscenario=bench=4000"}]}`, false)
}

// BenchmarkDirectStreamLong is BenchmarkProxyStreamLong straight to the
// upstream.
func BenchmarkDirectStreamLong(b *testing.B) {
	benchPost(b, "/v1/chat/completions", `{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Summarise our returns policy.\nscenario=bench=4000"}]}`, true)
}
