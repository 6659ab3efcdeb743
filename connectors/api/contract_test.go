package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/connectors/api"
	"github.com/parapet-dev/parapet/connectors/sdk/contract"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
)

// TestContract runs the SDKs' contract suite (connectors/sdk/contract)
// against the API in-process, configured as the suite's server is: the
// default library plus the suite's extension, its keys and its 64 KiB
// body limit. The SDKs run the same cases against `parapet serve`.
func TestContract(t *testing.T) {
	cases, err := contract.Load(contract.Dir())
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := contract.Tokens()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := contract.AssembleBundle(dir); err != nil {
		t.Fatal(err)
	}
	p, err := bundles.Compile(context.Background(), bundles.Source(dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	eng := engine.New(engine.Options{Analyzer: detectors.Default()})
	eng.Activate(p)
	keys, err := api.LoadKeys(filepath.Join(contract.Dir(), "server", "keys.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(api.New(eng, api.Options{Keys: keys, MaxBodyBytes: 64 << 10}).Handler())
	t.Cleanup(ts.Close)

	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			body, err := c.Body()
			if err != nil {
				t.Fatal(err)
			}
			var rd io.Reader
			if body != nil {
				rd = bytes.NewReader(body)
			}
			req, _ := http.NewRequest(c.Method(), ts.URL+c.Path(), rd)
			if body != nil {
				req.Header.Set("Content-Type", c.ContentType())
			}
			if tok := c.Token(tokens); tok != "" {
				req.Header.Set("Authorization", "Bearer "+tok)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			var out map[string]any
			if err := json.Unmarshal(raw, &out); err != nil {
				t.Fatalf("status %d, body is not JSON: %q", resp.StatusCode, raw)
			}
			var bad []string
			if c.ExpectError != nil {
				e, _ := out["error"].(map[string]any)
				code, _ := e["code"].(string)
				field, _ := e["field"].(string)
				bad = c.ExpectError.CheckError(resp.StatusCode, code, field)
				if id, _ := e["error_id"].(string); id == "" {
					bad = append(bad, "the error has no error_id")
				}
			} else {
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("status %d: %s", resp.StatusCode, raw)
				}
				bad = c.Expect.CheckDecision(out)
			}
			for _, b := range bad {
				t.Error(b)
			}
		})
	}
}
