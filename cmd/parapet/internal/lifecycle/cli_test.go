package lifecycle

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/parapet-dev/parapet/cmd/parapet/internal/policy"
	"github.com/parapet-dev/parapet/engine"
)

func run(t *testing.T, cmd *cobra.Command, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(context.Background())
	return out.String(), err
}

func TestBundleBuildSignVerifyCommands(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "b.tar.gz")
	msg, err := run(t, BundleCommand(), "build", "testdata/replay/v2", "-o", out, "--revision", "v2-ci")
	if err != nil || !strings.Contains(msg, `revision "v2-ci"`) {
		t.Fatalf("build: %v\n%s", err, msg)
	}
	secret := "an-hmac-secret-long-enough-for-hs256"
	if msg, err := run(t, BundleCommand(), "sign", out, "--signing-key", secret, "--signing-alg", "HS256"); err != nil {
		t.Fatalf("sign: %v\n%s", err, msg)
	}
	msg, err = run(t, BundleCommand(), "verify", out, "--verification-key", secret, "--signing-alg", "HS256", "--format", "json")
	if err != nil {
		t.Fatalf("verify: %v\n%s", err, msg)
	}
	var v struct {
		Revision string   `json:"revision"`
		Files    []string `json:"files"`
	}
	if json.Unmarshal([]byte(msg), &v) != nil || v.Revision != "v2-ci" || len(v.Files) != 3 {
		t.Fatalf("verify: %s", msg)
	}
	_, err = run(t, BundleCommand(), "verify", out, "--verification-key", "another-secret-entirely-xxxxxxxx", "--signing-alg", "HS256")
	var ee *policy.ExitError
	if !errors.As(err, &ee) || ee.Code != 1 {
		t.Fatalf("wrong key: %v", err)
	}
	bad := filepath.Join(dir, "bad")
	must(t, os.MkdirAll(bad, 0o755))
	must(t, os.WriteFile(filepath.Join(bad, "p.rego"), []byte("package parapet.main\n\ndecision := x\n"), 0o644))
	_, err = run(t, BundleCommand(), "build", bad, "-o", filepath.Join(dir, "bad.tar.gz"))
	if !errors.As(err, &ee) || ee.Code != policy.ExitBadPolicy || !strings.Contains(err.Error(), "p.rego:3") {
		t.Fatalf("a broken bundle: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestExplainCommand(t *testing.T) {
	req := filepath.Join(t.TempDir(), "req.json")
	must(t, os.WriteFile(req, []byte(`{"phase":"prompt","subject":{"id":"bob","tenant":"acme"},"resource":{"model":"gpt-4o"},
		"purpose":"gambling","messages":[{"role":"user","content":"mail jane.doe@example.com the odds"}]}`), 0o644))
	msg, err := run(t, ExplainCommand(), "--bundle", "testdata/replay/v2", req)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"decision: deny", "data.email_to_cloud", "main.rego:10", "use.gambling", "main.rego:18",
		"evidence: messages[0].content[5:25] EMAIL_ADDRESS", `input.purpose = "gambling"`, "rules that fired", "data.parapet.main.decision"} {
		if !strings.Contains(msg, s) {
			t.Fatalf("explain lacks %q:\n%s", s, msg)
		}
	}
	msg, err = run(t, ExplainCommand(), "--bundle", "testdata/replay/v2", "--format", "json", req)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Decision engine.Decision `json:"decision"`
		Explain  []engine.Trace  `json:"explain"`
	}
	if err := json.Unmarshal([]byte(msg), &out); err != nil || out.Decision.Effect != "deny" || out.Explain[0].Line == 0 {
		t.Fatalf("json: %v\n%s", err, msg)
	}
}
