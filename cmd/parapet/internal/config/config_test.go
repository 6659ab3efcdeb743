package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The configuration shown in the README must load and validate, so the
// docs stay true.
func TestREADMEConfigLoads(t *testing.T) {
	raw, err := os.ReadFile("../../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	i := strings.Index(s, "## Configuration")
	if i < 0 {
		t.Fatal("README has no Configuration section")
	}
	s = s[i:]
	start := strings.Index(s, "```yaml\n")
	end := strings.Index(s[start+8:], "```")
	if start < 0 || end < 0 {
		t.Fatal("no yaml block in the Configuration section")
	}
	block := s[start+8 : start+8+end]
	path := filepath.Join(t.TempDir(), "parapet.yaml")
	os.WriteFile(path, []byte(block), 0o644)
	c, err := Load(path)
	if err != nil {
		t.Fatalf("README config: %v", err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("README config: %v", err)
	}
	if c.Usage.Store != "memory" || len(c.Logs.Sinks) != 1 || c.Bundle.Shadow == nil {
		t.Fatalf("README config read wrong: %+v", c)
	}
}

// The start-up log prints the effective config: a bundle server URL's
// password or token query must not be in it.
func TestEffectiveHidesURLCredentials(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parapet.yaml")
	os.WriteFile(path, []byte(`bundle:
  path: https://deploy:hunter2@bundles.example.com/acme.tar.gz?sig=abc123
  shadow: {url: "https://bundles.example.com/candidate.tar.gz?token=t0ps3cret"}
`), 0o644)
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	eff := c.Effective()
	for _, leak := range []string{"hunter2", "deploy", "abc123", "t0ps3cret"} {
		if strings.Contains(eff, leak) {
			t.Errorf("effective config shows %q: %s", leak, eff)
		}
	}
	if !strings.Contains(eff, "bundles.example.com/acme.tar.gz") {
		t.Errorf("effective config lost the bundle host and path: %s", eff)
	}
}
