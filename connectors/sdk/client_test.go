package sdk_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parapet-dev/parapet/connectors/sdk"
)

const decisionJSON = `{"decision_id":"d1","effect":"allow","allow":true,"reasons":[],"bundle":{"name":"default","revision":"r1"},"timings_us":{"validate":1,"access":1,"analysis":1,"eval":1,"total":4}}`

var hello = &sdk.Request{
	Phase:    sdk.PhasePrompt,
	Subject:  sdk.Subject{ID: "alice"},
	Resource: sdk.Resource{Model: "gpt-4o"},
	Messages: []sdk.Message{{Role: "user", Content: "hi"}},
}

// flaky answers with the given statuses in turn, then 200 with a decision.
func flaky(t *testing.T, statuses ...int) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		w.Header().Set("Content-Type", "application/json")
		if i < len(statuses) {
			w.WriteHeader(statuses[i])
			_, _ = w.Write([]byte(`{"error":{"code":"internal","message":"boom","error_id":"e1"}}`))
			return
		}
		_, _ = w.Write([]byte(decisionJSON))
	}))
	t.Cleanup(ts.Close)
	return ts, &n
}

func fastClient(t *testing.T, url string, opts ...sdk.Option) *sdk.Client {
	t.Helper()
	c, err := sdk.NewClient(url, append([]sdk.Option{sdk.WithBackoff(time.Millisecond, 5*time.Millisecond)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRetriesOn5xx(t *testing.T) {
	ts, n := flaky(t, 503, 502)
	d, err := fastClient(t, ts.URL).Decide(context.Background(), hello)
	if err != nil {
		t.Fatal(err)
	}
	if d.Effect != "allow" || n.Load() != 3 {
		t.Fatalf("effect %s after %d attempts, want allow after 3", d.Effect, n.Load())
	}
}

func TestGivesUpAfterRetries(t *testing.T) {
	ts, n := flaky(t, 500, 500, 500, 500)
	_, err := fastClient(t, ts.URL, sdk.WithRetries(2)).Decide(context.Background(), hello)
	var ae *sdk.APIError
	if !errors.As(err, &ae) || ae.Status != 500 || ae.Code != sdk.CodeInternal || ae.ErrorID != "e1" {
		t.Fatalf("got %v, want the last 500", err)
	}
	if !errors.Is(err, sdk.ErrInternal) {
		t.Error("errors.Is(err, ErrInternal) is false")
	}
	if n.Load() != 3 {
		t.Fatalf("%d attempts, want 3", n.Load())
	}
}

func TestNeverRetries4xx(t *testing.T) {
	var n atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.WriteHeader(400)
		_, _ = w.Write([]byte(`{"error":{"code":"invalid_field","message":"unknown role \"wizard\"","field":"messages[0].role","error_id":"e2"}}`))
	}))
	defer ts.Close()
	_, err := fastClient(t, ts.URL).Decide(context.Background(), hello)
	var ae *sdk.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("got %v", err)
	}
	if ae.Status != 400 || ae.Code != "invalid_field" || ae.Field != "messages[0].role" || ae.ErrorID != "e2" {
		t.Fatalf("got %+v", ae)
	}
	if !errors.Is(err, sdk.ErrInvalidField) || errors.Is(err, sdk.ErrMissingField) {
		t.Error("errors.Is matches the wrong codes")
	}
	if !strings.Contains(err.Error(), "messages[0].role") {
		t.Errorf("the message %q does not name the field", err)
	}
	if n.Load() != 1 {
		t.Fatalf("%d attempts for a 400, want 1", n.Load())
	}
}

func TestRetriesConnectionErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	var dials atomic.Int32
	hc := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, a string) (net.Conn, error) {
		dials.Add(1)
		return (&net.Dialer{}).DialContext(ctx, network, a)
	}}}
	_, err = fastClient(t, "http://"+addr, sdk.WithHTTPClient(hc), sdk.WithRetries(3)).Decide(context.Background(), hello)
	var ae *sdk.APIError
	if err == nil || errors.As(err, &ae) {
		t.Fatalf("got %v, want a connection error", err)
	}
	if dials.Load() != 4 {
		t.Fatalf("%d dials, want 4", dials.Load())
	}
}

func TestTimeoutPerAttempt(t *testing.T) {
	var n atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			select {
			case <-r.Context().Done():
			case <-time.After(2 * time.Second):
			}
			return
		}
		_, _ = w.Write([]byte(decisionJSON))
	}))
	defer ts.Close()
	d, err := fastClient(t, ts.URL, sdk.WithTimeout(100*time.Millisecond)).Decide(context.Background(), hello)
	if err != nil || d.Effect != "allow" {
		t.Fatalf("got %v, %v; want the second attempt's decision", d, err)
	}
}

func TestContextCancelStopsRetries(t *testing.T) {
	ts, n := flaky(t, 503, 503, 503, 503, 503, 503)
	c, _ := sdk.NewClient(ts.URL, sdk.WithRetries(5), sdk.WithBackoff(time.Second, time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Decide(ctx, hello)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want the context's deadline", err)
	}
	if time.Since(start) > 900*time.Millisecond || n.Load() != 1 {
		t.Fatalf("took %s over %d attempts", time.Since(start), n.Load())
	}
}

func TestNonParapetErrorBody(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(404)
		_, _ = w.Write([]byte("<html>nope</html>"))
	}))
	defer ts.Close()
	_, err := fastClient(t, ts.URL).Decide(context.Background(), hello)
	var ae *sdk.APIError
	if !errors.As(err, &ae) || ae.Status != 404 || ae.Code != sdk.CodeUnexpectedResponse {
		t.Fatalf("got %v", err)
	}
}

func TestTokenAndReady(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer s3cret" {
			w.WriteHeader(401)
			_, _ = w.Write([]byte(`{"error":{"code":"unauthorized","message":"a bearer token is required","field":"Authorization","error_id":"e"}}`))
			return
		}
		_, _ = w.Write([]byte(`{"status":"ready"}`))
	}))
	defer ts.Close()
	if err := fastClient(t, ts.URL, sdk.WithToken("s3cret")).Ready(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := fastClient(t, ts.URL).Ready(context.Background()); !errors.Is(err, sdk.ErrUnauthorized) {
		t.Fatalf("got %v, want unauthorized", err)
	}
}

func TestBadBaseURL(t *testing.T) {
	for _, u := range []string{"", "localhost:8282", "ftp://x"} {
		if _, err := sdk.NewClient(u); err == nil {
			t.Errorf("NewClient(%q) took it", u)
		}
	}
}
