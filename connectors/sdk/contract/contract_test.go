package contract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"gopkg.in/yaml.v3"
)

// Every case file conforms to the schema it points at, checked with OPA's
// json.match_schema (draft 7).
func TestFilesMatchSchema(t *testing.T) {
	schema, err := os.ReadFile(filepath.Join(Dir(), "contract.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(Dir(), "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no case files")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(raw), "# yaml-language-server: $schema=./contract.schema.json\n") {
			t.Errorf("%s: the first line must point editors at the schema", filepath.Base(f))
		}
		var doc any
		if err := yaml.Unmarshal(raw, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if ok, errs := matchSchema(t, doc, schema); !ok {
			t.Errorf("%s does not match the schema: %v", filepath.Base(f), errs)
		}
	}
	// The check bites: a misspelt key is refused.
	bad := map[string]any{"cases": []any{map[string]any{"name": "x", "expect": map[string]any{"efect": "allow"}}}}
	if ok, _ := matchSchema(t, bad, schema); ok {
		t.Error("the schema accepts expect.efect")
	}
}

func matchSchema(t *testing.T, doc any, schema []byte) (bool, any) {
	t.Helper()
	rs, err := rego.New(
		rego.Query(`json.match_schema(input.doc, input.schema)`),
		rego.Input(map[string]any{"doc": doc, "schema": string(schema)}),
	).Eval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	res := rs[0].Expressions[0].Value.([]any)
	return res[0] == true, res[1]
}

func TestLoad(t *testing.T) {
	cases, err := Load(Dir())
	if err != nil {
		t.Fatal(err)
	}
	effects := map[string]bool{}
	codes := map[string]bool{}
	for _, c := range cases {
		if c.Expect != nil && c.Expect.Effect != nil {
			effects[*c.Expect.Effect] = true
		}
		if c.ExpectError != nil {
			codes[c.ExpectError.Code] = true
		}
	}
	for _, e := range []string{"allow", "warn", "redact", "review", "deny"} {
		if !effects[e] {
			t.Errorf("no case for effect %s", e)
		}
	}
	// Every 4xx code of docs/api.md.
	for _, c := range []string{"invalid_json", "invalid_utf8", "unknown_field", "missing_field", "invalid_field",
		"unauthorized", "forbidden", "not_found", "method_not_allowed", "request_too_large", "unsupported_media_type"} {
		if !codes[c] {
			t.Errorf("no case for error code %s", c)
		}
	}
	t.Logf("%d cases", len(cases))
}

// The tokens the runners send are the ones whose hashes the server's keys
// file holds.
func TestTokensMatchKeys(t *testing.T) {
	tokens, err := Tokens()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(Dir(), "server", "keys.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Keys []struct {
			ID     string `yaml:"id"`
			SHA256 string `yaml:"sha256"`
			Tenant string `yaml:"tenant"`
		} `yaml:"keys"`
	}
	if err := yaml.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	hashes := map[string]string{}
	for _, k := range f.Keys {
		hashes[k.SHA256] = k.ID
	}
	for name, want := range map[string]string{"default": "contract", "acme": "acme-app"} {
		sum := sha256.Sum256([]byte(tokens[name]))
		if got := hashes[hex.EncodeToString(sum[:])]; got != want {
			t.Errorf("token %q matches key %q, want %q", name, got, want)
		}
	}
	sum := sha256.Sum256([]byte(tokens["invalid"]))
	if id, ok := hashes[hex.EncodeToString(sum[:])]; ok {
		t.Errorf("the invalid token matches key %q", id)
	}
}

// The checks bite: a decision that differs in each checked field is
// reported field by field.
func TestCheckDecisionReportsMismatches(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.yaml"), []byte(`cases:
- name: x
  expect:
    `+strings.ReplaceAll(strings.TrimSpace(`
effect: redact
allow: true
fail_closed: false
reasons: [data.pii_to_cloud_model]
reasons_include: [data.pii_to_cloud_model]
reasons_exclude: [use.prompt_injection]
messages: [{role: user, content: "hi <EMAIL_ADDRESS_1>"}]
response: null
route: null
obligations: {restore: true, strip_reasoning: false, notice: "", placeholders: {<EMAIL_ADDRESS_1>: EMAIL_ADDRESS}}
`), "\n", "\n    ")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	exp := cases[0].Expect
	good := map[string]any{
		"effect": "redact", "allow": true,
		"reasons":     []any{map[string]any{"id": "data.pii_to_cloud_model"}},
		"messages":    []any{map[string]any{"role": "user", "content": "hi <EMAIL_ADDRESS_1>"}},
		"obligations": map[string]any{"restore": true, "placeholders": map[string]any{"<EMAIL_ADDRESS_1>": "EMAIL_ADDRESS"}},
	}
	if bad := exp.CheckDecision(good); len(bad) != 0 {
		t.Fatalf("a matching decision is reported: %v", bad)
	}
	bad := map[string]any{
		"effect": "deny", "allow": false, "fail_closed": true,
		"reasons":     []any{map[string]any{"id": "use.prompt_injection"}},
		"messages":    []any{map[string]any{"role": "user", "content": "hi jane@example.com"}},
		"response":    map[string]any{"content": "x"},
		"route":       map[string]any{"model": "m"},
		"obligations": map[string]any{"strip_reasoning": true, "notice": "n"},
	}
	if got := exp.CheckDecision(bad); len(got) != 13 {
		t.Fatalf("%d problems, want 13: %q", len(got), got)
	}
	e := ExpectError{Status: 400, Code: "invalid_field", Field: new(string)}
	if got := e.CheckError(401, "unauthorized", "Authorization"); len(got) != 3 {
		t.Fatalf("got %q", got)
	}
}
