package policy

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func exitCode(err error) int {
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	if err != nil {
		return 1
	}
	return 0
}

const okPolicy = "package x\n\nallow if input.subject.id == \"a\"\n"

func TestExitCodes(t *testing.T) {
	flags := TestFlags{Timeout: 5 * time.Second}
	cases := map[string]struct {
		files map[string]string
		code  int
	}{
		"pass":     {map[string]string{"p.rego": okPolicy, "p_test.rego": "package x\n\ntest_a if allow with input as {\"subject\": {\"id\": \"a\"}}\n"}, 0},
		"fail":     {map[string]string{"p.rego": okPolicy, "p_test.rego": "package x\n\ntest_b if allow with input as {\"subject\": {\"id\": \"b\"}}\n"}, ExitTestsFailed},
		"bad rego": {map[string]string{"p.rego": "package x\n\nallow if {\n"}, ExitBadPolicy},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			err := RunTests(context.Background(), []string{write(t, c.files)}, flags, &out)
			if got := exitCode(err); got != c.code {
				t.Fatalf("exit %d, want %d (%v)\n%s", got, c.code, err, out.String())
			}
		})
	}
}

func TestEmbeddedLibraryPassesWithCoverage(t *testing.T) {
	var out bytes.Buffer
	if err := RunTests(context.Background(), nil, TestFlags{Timeout: 10 * time.Second, Threshold: 90}, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "PASS:") || !strings.Contains(out.String(), "Coverage:") {
		t.Fatalf("report: %s", out.String())
	}
}

func TestCheckSortsErrorsByLocation(t *testing.T) {
	dir := write(t, map[string]string{
		"b.rego": "package parapet.b\n\nx if input.nosuchfield == 1\n",
		"a.rego": "package parapet.a\n\nimport data.unused\n\ny := 1\n",
	})
	var out bytes.Buffer
	err := Check([]string{dir}, true, &out)
	if exitCode(err) != ExitBadPolicy {
		t.Fatalf("exit %d: %v", exitCode(err), err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 2 || !strings.Contains(lines[0], "a.rego:3:") || !strings.Contains(lines[len(lines)-1], "b.rego:3:") {
		t.Fatalf("errors not sorted by file:line:\n%s", out.String())
	}
	out.Reset()
	if err := Check(nil, true, &out); err != nil {
		t.Fatalf("embedded library: %v\n%s", err, out.String())
	}
	if strings.Contains(out.String(), "note:") {
		t.Fatalf("the embedded library must be partially evaluated:\n%s", out.String())
	}
}

func TestCheckNotesAPolicyLeftUnoptimised(t *testing.T) {
	dir := write(t, map[string]string{
		"a.rego": "package parapet.a\n\nlevel(x) := 1 if x > 0\n\nlevel(x) := 2 if x > 1\n\ny := level(count(input.messages))\n",
	})
	var out bytes.Buffer
	if err := Check([]string{dir}, true, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "note: parapet serve will evaluate these policies without partial evaluation") ||
		!strings.Contains(out.String(), "data.parapet.a.level") {
		t.Fatalf("no note naming the function:\n%s", out.String())
	}
}
