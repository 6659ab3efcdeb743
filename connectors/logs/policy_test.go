package logs_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/parapet-dev/parapet/connectors/logs"
	"github.com/parapet-dev/parapet/engine"
)

const logModule = `package parapet.log

# Erase who asked, pseudonymise the purpose.
mask contains "/input/subject/id"

mask contains "/subject"

mask contains {"op": "upsert", "path": "/input/purpose", "value": "(masked)"}

# log: full for denials of this subject's requests.
capture := "full" if {
	input.result.effect == "deny"
	input.input.subject.id == "bob"
}
`

func logBundle(t *testing.T) *bundle.Bundle {
	t.Helper()
	m, err := ast.ParseModuleWithOpts("log.rego", logModule, ast.ParserOptions{RegoVersion: ast.RegoV1})
	must(t, err)
	b := &bundle.Bundle{Data: map[string]any{}, Modules: []bundle.ModuleFile{{URL: "log.rego", Path: "log.rego", Raw: []byte(logModule), Parsed: m}}}
	return b
}

// readEvents reads the event lines of a log file as generic JSON.
func readEvents(t *testing.T, path string) []map[string]any {
	t.Helper()
	raw, err := os.ReadFile(path)
	must(t, err)
	var out []map[string]any
	for _, l := range bytes.Split(bytes.TrimSpace(raw), []byte("\n")) {
		if bytes.HasPrefix(l, []byte(`{"type":"checkpoint"`)) {
			continue
		}
		var m map[string]any
		must(t, json.Unmarshal(l, &m))
		out = append(out, m)
	}
	return out
}

func TestRegoMaskAndCapture(t *testing.T) {
	ctx := context.Background()
	lp, err := logs.NewRegoLogPolicy(ctx, logBundle(t))
	must(t, err)
	if lp == nil {
		t.Fatal("no policy from a bundle with package parapet.log")
	}
	if none, err := logs.NewRegoLogPolicy(ctx, &bundle.Bundle{Data: map[string]any{}}); err != nil || none != nil {
		t.Fatalf("a bundle without parapet.log gives %v, %v", none, err)
	}
	dir := t.TempDir()
	k := writeKeys(t, dir)
	path := filepath.Join(dir, "d.jsonl")
	cfg := logs.Config{
		SpoolDir:   filepath.Join(dir, "spool"),
		Sinks:      map[string]logs.SinkConfig{"f": {Kind: logs.KindFile, Path: path}},
		Encryption: logs.EncryptionConfig{Keys: []logs.KeyConfig{{ID: "k1", File: k.AES}}},
		Masking:    logs.MaskingConfig{FullCapture: []string{}},
	}
	p, err := logs.New(ctx, cfg, logs.Options{Policy: lp})
	must(t, err)
	secret := &engine.Request{Phase: "prompt", Subject: engine.Subject{ID: "bob", Tenant: "acme"}, Purpose: "support",
		Resource: engine.Resource{Model: "gpt-4o"}, Messages: []engine.Message{{Role: "user", Content: "key " + rawKey + " for walrus"}}}
	d := decide(t, secret)
	if d.Effect != engine.EffectDeny {
		t.Fatalf("effect %s", d.Effect)
	}
	p.Decision(ctx, secret, d, logs.Connector{Name: "api"})
	plain := redactRequest()
	p.Decision(ctx, plain, decide(t, plain), logs.Connector{Name: "api"})
	must(t, p.Close(ctx))

	evs := readEvents(t, path)
	if len(evs) != 2 {
		t.Fatalf("%d events", len(evs))
	}
	for _, ev := range evs {
		in := ev["input"].(map[string]any)
		if _, ok := in["subject"].(map[string]any)["id"]; ok {
			t.Errorf("subject id not erased: %v", in["subject"])
		}
		if ev["effect"] == "deny" && in["purpose"] != "(masked)" {
			t.Errorf("purpose not masked: %v", in["purpose"])
		}
		if _, ok := ev["subject"]; ok {
			t.Errorf("top-level subject not erased")
		}
		if !strings.Contains(strings.Join(toStrings(ev["erased"]), ","), "/input/subject/id") {
			t.Errorf("erased %v", ev["erased"])
		}
	}
	if evs[0]["capture"] == nil || evs[1]["capture"] != nil {
		t.Fatalf("capture: deny %v, redact %v", evs[0]["capture"], evs[1]["capture"])
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte(rawKey)) || bytes.Contains(raw, []byte("walrus")) {
		t.Fatal("full capture is in clear")
	}
	// An authorised reviewer opens the capture.
	ring, err := logs.LoadKeyring(cfg.Encryption.Keys)
	must(t, err)
	out, err := logs.Decrypt(bytes.SplitN(raw, []byte("\n"), 2)[0], ring)
	must(t, err)
	if !bytes.Contains(out, []byte(rawKey)) || !bytes.Contains(out, []byte(`"decrypted":true`)) {
		t.Fatalf("decrypted capture: %s", out)
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestEncryptionModes(t *testing.T) {
	ctx := context.Background()
	for _, mode := range []string{logs.EncryptField, logs.EncryptEvent} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			k := writeKeys(t, dir)
			old := filepath.Join(dir, "old.key")
			must(t, os.WriteFile(old, bytes.Repeat([]byte{7}, 32), 0o600))
			path := filepath.Join(dir, "d.jsonl")
			cfg := logs.Config{
				SpoolDir:   filepath.Join(dir, "spool"),
				Sinks:      map[string]logs.SinkConfig{"f": {Kind: logs.KindFile, Path: path}},
				Encryption: logs.EncryptionConfig{Mode: mode, Keys: []logs.KeyConfig{{ID: "2026-11", File: k.AES}, {ID: "2026-10", File: old}}},
				Masking:    logs.MaskingConfig{Text: logs.TextRedacted, HMACKeyFile: k.HMAC},
			}
			p, err := logs.New(ctx, cfg, logs.Options{})
			must(t, err)
			req := redactRequest()
			p.Decision(ctx, req, decide(t, req), logs.Connector{Name: "api"})
			must(t, p.Close(ctx))
			raw, _ := os.ReadFile(path)
			if bytes.Contains(raw, []byte("walrus")) || bytes.Contains(raw, []byte(`"kid":"2026-11"`)) == false {
				t.Fatalf("the redacted text is in clear or the key id is missing: %s", raw)
			}
			rep, err := logs.Verify([]string{path}, logs.VerifyOptions{})
			must(t, err)
			if !rep.OK() {
				t.Fatalf("encrypted log does not verify: %v", rep.Problems)
			}
			ring, err := logs.LoadKeyring(cfg.Encryption.Keys)
			must(t, err)
			out, err := logs.Decrypt(bytes.TrimSpace(raw), ring)
			must(t, err)
			if !bytes.Contains(out, []byte("walrus")) || bytes.Contains(out, []byte(rawEmail)) {
				t.Fatalf("decrypted: %s", out)
			}
			// The wrong key, or a sealed value moved to another event, fails.
			wrong, _ := logs.NewKeyring([]string{"2026-11"}, [][]byte{bytes.Repeat([]byte{1}, 32)})
			if _, err := logs.Decrypt(bytes.TrimSpace(raw), wrong); err == nil {
				t.Fatal("decrypted with the wrong key")
			}
			moved := bytes.Replace(bytes.TrimSpace(raw), []byte(`"decision_id":"`), []byte(`"decision_id":"x`), 1)
			if _, err := logs.Decrypt(moved, ring); err == nil {
				t.Fatal("a sealed value opened under another decision id")
			}
		})
	}
}
