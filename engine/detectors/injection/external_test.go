package injection

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/parapet-dev/parapet/engine/analysis"
)

func scanExternal(t *testing.T, e *External, text string) []analysis.Signal {
	t.Helper()
	var r analysis.Report
	e.Scan(context.Background(), &analysis.Field{Path: "messages[0].content", Source: "user", Text: text}, &r)
	return r.Signals
}

func TestExternalPromptGuard(t *testing.T) {
	t.Setenv("PARAPET_TEST_GUARD_KEY", "k-123")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer k-123" {
			http.Error(w, "no key", http.StatusUnauthorized)
			return
		}
		var in struct{ Text string }
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		switch in.Text {
		case "attack":
			w.Write([]byte(`{"score": 0.97}`))
		case "labelled benign":
			w.Write([]byte(`{"label": "BENIGN", "score": 0.9}`))
		default:
			w.Write([]byte(`{"score": 0.02}`))
		}
	}))
	defer srv.Close()
	e, err := NewExternal(ExternalConfig{URL: srv.URL, Kind: KindPromptGuard, APIKeyEnv: "PARAPET_TEST_GUARD_KEY"})
	if err != nil {
		t.Fatal(err)
	}
	sg := scanExternal(t, e, "attack")
	if len(sg) != 1 || sg[0].Detector != "external" || sg[0].Kind != "injection" || sg[0].Score != 0.97 {
		t.Errorf("attack: %+v", sg)
	}
	if sg := scanExternal(t, e, "hello"); len(sg) != 1 || sg[0].Score != 0.02 || len(sg[0].Matches) != 0 {
		t.Errorf("benign: %+v", sg)
	}
	if sg := scanExternal(t, e, "labelled benign"); len(sg) != 1 || sg[0].Score < 0.099 || sg[0].Score > 0.101 {
		t.Errorf("labelled: %+v", sg)
	}
}

func TestExternalOpenAIChat(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Model    string
			Messages []struct{ Role, Content string }
		}
		json.NewDecoder(r.Body).Decode(&in)
		answer := "safe"
		if len(in.Messages) == 1 && in.Messages[0].Content == "bad" {
			answer = "unsafe\nS1,S14"
		}
		if in.Model != "llama-guard" {
			answer = "???"
		}
		json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{"message": map[string]string{"role": "assistant", "content": answer}}}})
	}))
	defer srv.Close()
	e, err := NewExternal(ExternalConfig{URL: srv.URL, Kind: KindOpenAIChat, Model: "llama-guard", FailMode: FailClosed})
	if err != nil {
		t.Fatal(err)
	}
	sg := scanExternal(t, e, "bad")
	if len(sg) != 1 || sg[0].Score != 1 || len(sg[0].Matches) != 3 || sg[0].Matches[1] != "S1" || sg[0].Matches[2] != "S14" {
		t.Errorf("unsafe: %+v", sg)
	}
	if sg := scanExternal(t, e, "fine"); len(sg) != 1 || sg[0].Score != 0 {
		t.Errorf("safe: %+v", sg)
	}
	// An answer that is neither safe nor unsafe is a failure: closed mode.
	e2, _ := NewExternal(ExternalConfig{URL: srv.URL, Kind: KindOpenAIChat, Model: "other", FailMode: FailClosed})
	if sg := scanExternal(t, e2, "fine"); len(sg) != 1 || sg[0].Score != 1 || sg[0].Matches[0] != "external_unavailable" {
		t.Errorf("unparseable: %+v", sg)
	}
}

func TestExternalTimeoutAndFailModes(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
		w.Write([]byte(`{"score": 0.5}`))
	}))
	defer slow.Close()
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
	}))
	defer broken.Close()

	for _, url := range []string{slow.URL, broken.URL} {
		open, _ := NewExternal(ExternalConfig{URL: url, Kind: KindPromptGuard, Timeout: 50 * time.Millisecond})
		start := time.Now()
		if sg := scanExternal(t, open, "x"); len(sg) != 0 {
			t.Errorf("fail open reported %+v", sg)
		}
		if time.Since(start) > 1500*time.Millisecond {
			t.Errorf("timeout not applied")
		}
		closed, _ := NewExternal(ExternalConfig{URL: url, Kind: KindPromptGuard, Timeout: 50 * time.Millisecond, FailMode: FailClosed})
		sg := scanExternal(t, closed, "x")
		if len(sg) != 1 || sg[0].Score != 1 || len(sg[0].Matches) != 1 || sg[0].Matches[0] != "external_unavailable" {
			t.Errorf("fail closed reported %+v", sg)
		}
	}
	// Nothing listening: connection refused.
	l := httptest.NewServer(http.NotFoundHandler())
	url := l.URL
	l.Close()
	closed, _ := NewExternal(ExternalConfig{URL: url, Kind: KindPromptGuard, FailMode: FailClosed, Timeout: time.Second})
	if sg := scanExternal(t, closed, "x"); len(sg) != 1 || sg[0].Matches[0] != "external_unavailable" {
		t.Errorf("refused: %+v", sg)
	}
}

func TestExternalConfigValidation(t *testing.T) {
	for _, c := range []ExternalConfig{
		{URL: "ftp://x", Kind: KindPromptGuard},
		{URL: "http://127.0.0.1:1", Kind: "other"},
		{URL: "http://127.0.0.1:1", Kind: KindPromptGuard, FailMode: "maybe"},
		{URL: "", Kind: KindPromptGuard},
	} {
		if _, err := NewExternal(c); err == nil {
			t.Errorf("accepted %+v", c)
		}
	}
	e, err := NewExternal(ExternalConfig{URL: "http://127.0.0.1:1", Kind: KindPromptGuard, Sources: []string{"document"}})
	if err != nil {
		t.Fatal(err)
	}
	if sg := scanExternal(t, e, "x"); len(sg) != 0 {
		t.Errorf("user field sent although only documents are configured: %+v", sg)
	}
}
