package logs_test

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/connectors/logs"
	"github.com/parapet-dev/parapet/engine"
)

const (
	rawEmail  = "jane.doe@example.com"
	rawKey    = "AKIAZ7QW3LXK2PB4NDVT"
	rawPrompt = "Draft a reply confirming her refund about the walrus invoice"
)

func redactRequest() *engine.Request {
	return &engine.Request{
		Phase:    "prompt",
		Subject:  engine.Subject{ID: "alice", Tenant: "acme"},
		Resource: engine.Resource{Model: "gpt-4o"},
		Messages: []engine.Message{{Role: "user", Content: rawPrompt + " to " + rawEmail + " please."}},
		Context:  engine.Context{Labels: map[string]string{"app": "helpdesk", "canary": "c4n4ry-s3cret"}},
	}
}

func TestEventKeepsNoText(t *testing.T) {
	req := redactRequest()
	d := decide(t, req)
	if d.Effect != engine.EffectRedact {
		t.Fatalf("effect %s, want redact (%+v)", d.Effect, d.Reasons)
	}
	key := []byte("a-test-hmac-key-of-decent-length")
	ev := logs.NewEvent(req, d, logs.Connector{Name: "api", KeyID: "helpdesk"}, logs.NewMasking(logs.TextNone, key))
	raw, err := json.Marshal(ev)
	must(t, err)
	s := string(raw)
	for _, bad := range []string{rawEmail, "walrus", "c4n4ry-s3cret"} {
		if strings.Contains(s, bad) {
			t.Errorf("event holds %q: %s", bad, s)
		}
	}
	if ev.Path != logs.DecisionPath || ev.Bundles["default"].Revision == "" || ev.RequestedBy != "helpdesk" {
		t.Errorf("OPA fields: path %q bundles %v requested_by %q", ev.Path, ev.Bundles, ev.RequestedBy)
	}
	if ev.Subject != "alice" || ev.Tenant != "acme" || ev.Model != "gpt-4o" || ev.Connector != "api" || len(ev.ReasonIDs) == 0 {
		t.Errorf("parapet fields: %+v", ev)
	}
	// The digest of the field and of the email match what an auditor computes.
	if got, want := ev.Input.Messages[0].HMAC, logs.HMAC(key, req.Messages[0].Content); got != want {
		t.Errorf("field hmac %s, want %s", got, want)
	}
	found := false
	for _, f := range ev.Input.Analysis.Findings {
		if f.Type == "EMAIL_ADDRESS" {
			found = true
			if f.HMAC != logs.HMAC(key, rawEmail) {
				t.Errorf("finding hmac does not match the email's")
			}
		}
	}
	if !found || ev.Input.Access == nil {
		t.Errorf("findings or access missing: %+v", ev.Input)
	}
	if ev.Input.Messages[0].Chars != len([]rune(req.Messages[0].Content)) {
		t.Errorf("chars %d", ev.Input.Messages[0].Chars)
	}

	// Redacted mode keeps the words but not the finding.
	ev = logs.NewEvent(req, d, logs.Connector{Name: "api"}, logs.NewMasking(logs.TextRedacted, nil))
	txt := *ev.Input.Messages[0].Text
	if strings.Contains(txt, rawEmail) || !strings.Contains(txt, "<EMAIL_ADDRESS>") || !strings.Contains(txt, "walrus") {
		t.Errorf("redacted text %q", txt)
	}
}

func TestEventDigestsPlantedCanary(t *testing.T) {
	req := redactRequest()
	d := decide(t, req)
	token := engine.NewCanary()
	d.Obligations = &engine.Obligations{Canary: token, Notice: "n"}
	key := []byte("a-test-hmac-key-of-decent-length")
	for _, m := range []*logs.Masking{logs.NewMasking(logs.TextNone, key), logs.NewMasking(logs.TextNone, nil)} {
		ev := logs.NewEvent(req, d, logs.Connector{Name: "api"}, m)
		raw, err := json.Marshal(ev)
		must(t, err)
		if strings.Contains(string(raw), token) {
			t.Fatalf("event holds the canary: %s", raw)
		}
		if ev.Result.Obligations.Notice != "n" {
			t.Fatalf("other obligations kept: %+v", ev.Result.Obligations)
		}
	}
	ev := logs.NewEvent(req, d, logs.Connector{Name: "api"}, logs.NewMasking(logs.TextNone, key))
	if got, want := ev.Result.Obligations.Canary, "hmac:"+logs.HMAC(key, token); got != want {
		t.Fatalf("canary digest %q, want %q", got, want)
	}
	if d.Obligations.Canary != token {
		t.Fatal("the decision itself was changed")
	}
}

func TestPipelineFileChainVerify(t *testing.T) {
	dir := t.TempDir()
	k := writeKeys(t, dir)
	path := filepath.Join(dir, "logs", "decisions.jsonl")
	cfg := logs.Config{
		SpoolDir: filepath.Join(dir, "spool"),
		Sinks:    map[string]logs.SinkConfig{"audit": {Kind: logs.KindFile, Path: path, MaxBytes: 8 << 10}},
		Masking:  logs.MaskingConfig{HMACKeyFile: k.HMAC},
		Chain:    logs.ChainConfig{SigningKeyFile: k.Signing, CheckpointEvery: 7},
	}
	ctx := context.Background()
	p, err := logs.New(ctx, cfg, logs.Options{})
	must(t, err)
	req := redactRequest()
	d := decide(t, req)
	for range 40 {
		d2 := *d
		d2.DecisionID = newID(t)
		p.Decision(ctx, req, &d2, logs.Connector{Name: "api"})
	}
	must(t, p.Close(ctx))
	// A restarted pipeline continues the same chain.
	p, err = logs.New(ctx, cfg, logs.Options{})
	must(t, err)
	for range 10 {
		d2 := *d
		d2.DecisionID = newID(t)
		p.Decision(ctx, req, &d2, logs.Connector{Name: "api"})
	}
	must(t, p.Close(ctx))

	files := logFiles(t, path)
	if len(files) < 3 {
		t.Fatalf("want rotation, got %v", files)
	}
	pub, err := logs.ReadPublicKey(k.Public)
	must(t, err)
	rep, err := logs.Verify(files, logs.VerifyOptions{PublicKeys: []ed25519.PublicKey{pub}, RequireSigned: true})
	must(t, err)
	if !rep.OK() || rep.Events != 50 {
		t.Fatalf("verify: %d events, problems %v, warnings %v", rep.Events, rep.Problems, rep.Warnings)
	}
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		if strings.Contains(string(raw), rawEmail) || strings.Contains(string(raw), "walrus") {
			t.Fatalf("%s holds raw text", f)
		}
	}

}
