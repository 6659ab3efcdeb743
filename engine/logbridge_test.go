package engine

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/open-policy-agent/opa/v1/logging"
)

func TestOPALoggerBridge(t *testing.T) {
	var buf bytes.Buffer
	h := hclog.New(&hclog.LoggerOptions{Output: &buf, Level: hclog.Info, JSONFormat: true})
	l := NewOPALogger(h)
	l.WithFields(map[string]any{"plugin": "bundle"}).Info("downloaded %d bytes", 42)
	l.Debug("hidden")
	if l.GetLevel() != logging.Info {
		t.Fatalf("level %v", l.GetLevel())
	}
	out := buf.String()
	if !strings.Contains(out, `"@message":"downloaded 42 bytes"`) || !strings.Contains(out, `"plugin":"bundle"`) || strings.Contains(out, "hidden") {
		t.Fatalf("log: %s", out)
	}
}

func TestPrintGoesToTheLog(t *testing.T) {
	var buf bytes.Buffer
	h := hclog.New(&hclog.LoggerOptions{Output: &buf, Level: hclog.Info})
	b := testBundle(t, "r", nil, "package parapet.main\n\ndecision := {\"effect\": \"allow\", \"reasons\": []} if {\n\tprint(\"phase is\", input.phase)\n}\n")
	p, err := Compile(context.Background(), "t", b, CompileOptions{Logger: h})
	if err != nil {
		t.Fatal(err)
	}
	e := New(Options{})
	e.Activate(p)
	if d, _ := e.Decide(context.Background(), prompt("x")); d.Effect != "allow" {
		t.Fatalf("%+v", d)
	}
	if !strings.Contains(buf.String(), "phase is prompt") || !strings.Contains(buf.String(), "main.rego:4") {
		t.Fatalf("print output not in log: %s", buf.String())
	}
}
