package sdk_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"sync"
	"testing"

	"github.com/parapet-dev/parapet/connectors/sdk"
	"github.com/parapet-dev/parapet/connectors/sdk/contract"
)

var (
	serverOnce sync.Once
	serverURL  string
	serverErr  error
	bundleDir  string
	srv        *contract.Server
	tmp        string
)

// TestMain stops the contract server the tests shared.
func TestMain(m *testing.M) {
	code := m.Run()
	if srv != nil {
		srv.Close()
	}
	if tmp != "" {
		_ = os.RemoveAll(tmp)
	}
	os.Exit(code)
}

// contractServer builds parapet (or takes $PARAPET_BIN) and starts one
// `parapet serve` on the contract bundle for the whole test binary.
func contractServer(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts parapet serve")
	}
	serverOnce.Do(func() {
		tmp, serverErr = os.MkdirTemp("", "parapet-sdk-contract-")
		if serverErr != nil {
			return
		}
		bundleDir = tmp + "/bundle"
		if serverErr = contract.AssembleBundle(bundleDir); serverErr != nil {
			return
		}
		bin, err := contract.BuildParapet(context.Background(), tmp)
		if err != nil {
			serverErr = err
			return
		}
		var log bytes.Buffer
		srv, serverErr = contract.StartServer(context.Background(), bin, bundleDir, &syncWriter{w: &log})
		if serverErr != nil {
			serverErr = errors.Join(serverErr, errors.New(log.String()))
			return
		}
		serverURL = srv.URL
	})
	if serverErr != nil {
		t.Fatal(serverErr)
	}
	return serverURL
}

type syncWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func loadCases(t *testing.T) ([]contract.Case, map[string]string) {
	t.Helper()
	cases, err := contract.Load(contract.Dir())
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := contract.Tokens()
	if err != nil {
		t.Fatal(err)
	}
	return cases, tokens
}

func typedRequest(t *testing.T, c *contract.Case) *sdk.Request {
	t.Helper()
	raw, _ := json.Marshal(c.Request)
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var req sdk.Request
	if err := dec.Decode(&req); err != nil {
		t.Fatalf("the case's request does not fit sdk.Request: %v", err)
	}
	return &req
}

// checkOutcome compares what an SDK call gave with the case.
func checkOutcome(t *testing.T, c *contract.Case, req *sdk.Request, d *sdk.Decision, err error) {
	t.Helper()
	if c.ExpectError != nil {
		var ae *sdk.APIError
		if !errors.As(err, &ae) {
			t.Fatalf("got %v (decision %+v), want an *sdk.APIError", err, d)
		}
		for _, b := range c.ExpectError.CheckError(ae.Status, ae.Code, ae.Field) {
			t.Error(b)
		}
		if !errors.Is(err, &sdk.APIError{Code: c.ExpectError.Code}) {
			t.Errorf("errors.Is does not match code %s", c.ExpectError.Code)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(d)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	for _, b := range c.Expect.CheckDecision(m) {
		t.Error(b)
	}
	if r := c.Expect.Restored; r != nil {
		if got := sdk.Restore(r.Answer, sdk.Placeholders(req, d)); got != r.Want {
			t.Errorf("restored %q, want %q", got, r.Want)
		}
	}
}

// TestContractClient runs every contract case through the Client against
// a real `parapet serve`.
func TestContractClient(t *testing.T) {
	url := contractServer(t)
	cases, tokens := loadCases(t)
	clients := map[string]*sdk.Client{}
	for _, auth := range []string{"default", "acme", "invalid", "none"} {
		var opts []sdk.Option
		if tok := tokens[auth]; tok != "" {
			opts = append(opts, sdk.WithToken(tok))
		}
		c, err := sdk.NewClient(url, opts...)
		if err != nil {
			t.Fatal(err)
		}
		clients[auth] = c
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			auth := c.Auth
			if auth == "" {
				auth = "default"
			}
			cl := clients[auth]
			ctx := context.Background()
			if c.Typed() {
				req := typedRequest(t, &c)
				d, err := cl.Decide(ctx, req)
				checkOutcome(t, &c, req, d, err)
				return
			}
			body, err := c.Body()
			if err != nil {
				t.Fatal(err)
			}
			var d sdk.Decision
			err = cl.Do(ctx, sdk.RawRequest{Method: c.Method(), Path: c.Path(), ContentType: c.ContentType(), Body: body}, &d)
			checkOutcome(t, &c, nil, &d, err)
		})
	}
}

// TestContractEmbedded runs the typed cases the engine itself answers
// (decisions and request errors, not HTTP or auth errors) through
// Embedded on the same bundle: it must agree with the server.
func TestContractEmbedded(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the bundle and detectors")
	}
	dir := t.TempDir()
	if err := contract.AssembleBundle(dir); err != nil {
		t.Fatal(err)
	}
	emb, err := sdk.NewEmbedded(context.Background(), dir, sdk.EmbeddedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cases, _ := loadCases(t)
	ran := 0
	for _, c := range cases {
		if !c.Typed() || (c.Auth != "" && c.Auth != "default" && c.Auth != "acme") ||
			(c.ExpectError != nil && c.ExpectError.Code == sdk.CodeForbidden) {
			continue
		}
		ran++
		t.Run(c.Name, func(t *testing.T) {
			req := typedRequest(t, &c)
			d, err := emb.Decide(context.Background(), req)
			checkOutcome(t, &c, req, d, err)
		})
	}
	if ran < 20 {
		t.Fatalf("only %d cases ran embedded", ran)
	}
}
