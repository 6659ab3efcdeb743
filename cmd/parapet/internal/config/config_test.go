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
