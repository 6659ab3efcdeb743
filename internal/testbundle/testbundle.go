// Package testbundle writes the default policy library to a directory for
// tests that need it with some configuration changed.
package testbundle

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	defaultbundle "github.com/parapet-dev/parapet/rego"
)

// Dir writes the default library (Rego modules, tests left out, and
// data.json) to a temporary directory, lets patch change
// data.parapet.config first, and returns the directory.
func Dir(t testing.TB, patch func(config map[string]any)) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(defaultbundle.FS, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || strings.HasSuffix(p, "_test.rego") || !(strings.HasSuffix(p, ".rego") || p == "data.json") {
			return err
		}
		b, err := fs.ReadFile(defaultbundle.FS, p)
		if err != nil {
			return err
		}
		if p == "data.json" && patch != nil {
			var d map[string]any
			if err := json.Unmarshal(b, &d); err != nil {
				return err
			}
			patch(d["parapet"].(map[string]any)["config"].(map[string]any))
			if b, err = json.Marshal(d); err != nil {
				return err
			}
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// Canary turns config.output.canary on.
func Canary(config map[string]any) { config["output"].(map[string]any)["canary"] = true }
