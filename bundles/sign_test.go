package bundles_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/bundles"
)

func TestBuildWritesOPABundleWithoutTests(t *testing.T) {
	dir := writeBundle(t, t.TempDir(), "r1", []string{"gambling"}, nil, nil)
	var buf bytes.Buffer
	b, err := bundles.Build(context.Background(), dir, &buf, bundles.BuildOptions{Revision: "r1-ci"})
	if err != nil {
		t.Fatal(err)
	}
	if b.Manifest.Revision != "r1-ci" {
		t.Fatalf("revision %q", b.Manifest.Revision)
	}
	files := tarFiles(t, buf.Bytes())
	if _, ok := files[".manifest"]; !ok {
		t.Fatalf("no .manifest: %v", keys(files))
	}
	if !strings.Contains(files[".manifest"], `"revision":"r1-ci"`) || !strings.Contains(files[".manifest"], `"roots":["parapet"]`) {
		t.Fatalf(".manifest = %s", files[".manifest"])
	}
	for name := range files {
		if strings.HasSuffix(name, "_test.rego") {
			t.Fatalf("test file %s is in the bundle", name)
		}
	}
	buf.Reset()
	if _, err := bundles.Build(context.Background(), dir, &buf, bundles.BuildOptions{IncludeTests: true}); err != nil {
		t.Fatal(err)
	}
	if !hasSuffixIn(tarFiles(t, buf.Bytes()), "main_test.rego") {
		t.Fatal("IncludeTests left the tests out")
	}
}

func TestBuildOptimized(t *testing.T) {
	dir := writeBundle(t, t.TempDir(), "r1", []string{"gambling"}, nil, nil)
	var buf bytes.Buffer
	if _, err := bundles.Build(context.Background(), dir, &buf, bundles.BuildOptions{Optimize: 1}); err != nil {
		t.Fatal(err)
	}
	if !hasSuffixIn(tarFiles(t, buf.Bytes()), "optimized/parapet/main.rego") {
		t.Fatalf("no optimised module: %v", keys(tarFiles(t, buf.Bytes())))
	}
}

func hasSuffixIn(m map[string]string, suf string) bool {
	for k := range m {
		if strings.HasSuffix(k, suf) {
			return true
		}
	}
	return false
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestBuildRefusesWhatWouldNotActivate(t *testing.T) {
	cases := map[string]struct {
		file, body, stage, where string
	}{
		"syntax":       {"broken.rego", "package parapet.extra\n\nx := {\n", bundles.StageCompile, "broken.rego:4"},
		"unsafe":       {"unsafe.rego", "package parapet.extra\n\nallow if {\n\tx == 1\n}\n", bundles.StageCompile, "unsafe.rego:4"},
		"input schema": {"schema.rego", "package parapet.extra\n\nbad if input.subject.nickname == \"x\"\n", bundles.StageSchema, "schema.rego:3"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := writeBundle(t, t.TempDir(), "r1", nil, nil, map[string]string{c.file: c.body})
			_, err := bundles.Build(context.Background(), dir, &bytes.Buffer{}, bundles.BuildOptions{})
			var ce *bundles.CheckError
			if !errors.As(err, &ce) {
				t.Fatalf("want a CheckError, got %v", err)
			}
			if ce.Stage != c.stage || !strings.Contains(err.Error(), c.where) {
				t.Fatalf("stage %s, want %s at %s:\n%v", ce.Stage, c.stage, c.where, err)
			}
		})
	}
}

func TestSignVerifyTarball(t *testing.T) {
	rk, ek := testKeys(t)
	hs := keyPair{priv: "a-long-shared-secret-for-hs256-signing", pub: "a-long-shared-secret-for-hs256-signing", alg: "HS256"}
	for _, kp := range []keyPair{rk, ek, hs} {
		t.Run(kp.alg, func(t *testing.T) {
			dir := writeBundle(t, t.TempDir(), "r1", []string{"gambling"}, nil, nil)
			raw := buildSigned(t, dir, kp)
			p := filepath.Join(t.TempDir(), "b.tar.gz")
			must(os.WriteFile(p, raw, 0o644))
			v, err := bundles.Verify(p, bundles.VerifyOptions{Key: kp.pub, Algorithm: kp.alg})
			if err != nil {
				t.Fatal(err)
			}
			if v.Revision != "r1" || len(v.Files) < 3 {
				t.Fatalf("verified %+v", v)
			}
			bad := filepath.Join(t.TempDir(), "bad.tar.gz")
			must(os.WriteFile(bad, tamper(t, raw, "main.rego", func(s string) string {
				return strings.Replace(s, `input.purpose in data.parapet.config.blocked`, `false`, 1)
			}), 0o644))
			if _, err := bundles.Verify(bad, bundles.VerifyOptions{Key: kp.pub, Algorithm: kp.alg}); err == nil || !strings.Contains(err.Error(), "digest mismatch") {
				t.Fatalf("tampered bundle: %v", err)
			}
		})
	}
}

func TestVerifyRefusesWrongKeyAndUnsigned(t *testing.T) {
	rk, ek := testKeys(t)
	dir := writeBundle(t, t.TempDir(), "r1", nil, nil, nil)
	raw := buildSigned(t, dir, rk)
	p := filepath.Join(t.TempDir(), "b.tar.gz")
	must(os.WriteFile(p, raw, 0o644))
	if _, err := bundles.Verify(p, bundles.VerifyOptions{Key: ek.pub, Algorithm: "ES256"}); err == nil {
		t.Fatal("verified with the wrong key")
	}
	unsigned := filepath.Join(t.TempDir(), "u.tar.gz")
	must(os.WriteFile(unsigned, buildSigned(t, dir, keyPair{}), 0o644))
	if _, err := bundles.Verify(unsigned, bundles.VerifyOptions{Key: rk.pub}); err == nil || !strings.Contains(err.Error(), ".signatures.json") {
		t.Fatalf("unsigned bundle: %v", err)
	}
}

func TestSignFolder(t *testing.T) {
	rk, _ := testKeys(t)
	dir := writeBundle(t, t.TempDir(), "r1", nil, nil, nil)
	if _, err := bundles.Sign(dir, "", bundles.SigningOptions{Key: rk.priv}); err != nil {
		t.Fatal(err)
	}
	if !fileExists(filepath.Join(dir, ".signatures.json")) {
		t.Fatal("no .signatures.json")
	}
	if _, err := bundles.Verify(dir, bundles.VerifyOptions{Key: rk.pub}); err != nil {
		t.Fatal(err)
	}
	must(os.WriteFile(filepath.Join(dir, "main.rego"), []byte(testPolicy+"\n# edited\n"), 0o644))
	if _, err := bundles.Verify(dir, bundles.VerifyOptions{Key: rk.pub}); err == nil {
		t.Fatal("an edited folder verified")
	}
}
