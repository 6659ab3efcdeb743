package bundles_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/parapet-dev/parapet/bundles"
)

// keyPair is a signing key and its public half, as PEM files.
type keyPair struct{ priv, pub, alg string }

var (
	keysOnce sync.Once
	rsaKeys  keyPair
	ecKeys   keyPair
	keysDir  string
)

func testKeys(t testing.TB) (rsaK, ecK keyPair) {
	t.Helper()
	keysOnce.Do(func() {
		dir, err := os.MkdirTemp("", "parapet-keys-")
		if err != nil {
			panic(err)
		}
		keysDir = dir
		rk, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		rsaKeys = writePair(dir, "rsa", "RS256", x509.MarshalPKCS1PrivateKey(rk), "RSA PRIVATE KEY", &rk.PublicKey)
		ek, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			panic(err)
		}
		der, _ := x509.MarshalECPrivateKey(ek)
		ecKeys = writePair(dir, "ec", "ES256", der, "EC PRIVATE KEY", &ek.PublicKey)
	})
	return rsaKeys, ecKeys
}

func writePair(dir, name, alg string, der []byte, typ string, pub any) keyPair {
	kp := keyPair{priv: filepath.Join(dir, name+".pem"), pub: filepath.Join(dir, name+".pub.pem"), alg: alg}
	must(os.WriteFile(kp.priv, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600))
	pd, err := x509.MarshalPKIXPublicKey(pub)
	must(err)
	must(os.WriteFile(kp.pub, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pd}), 0o644))
	return kp
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// A small policy that decides on input.purpose: the purposes in
// data.parapet.config.blocked are denied with reason use.blocked_purpose,
// those in data.parapet.config.warned warned with use.warned_purpose.
const testPolicy = `package parapet.main

blocked contains {"id": "use.blocked_purpose", "effect": "deny", "message": "blocked purpose", "severity": "high", "controls": ["OWASP-LLM06"], "evidence": []} if {
	input.purpose in data.parapet.config.blocked
}

warned contains {"id": "use.warned_purpose", "effect": "warn", "message": "warned purpose", "severity": "low", "controls": ["OWASP-LLM06"], "evidence": []} if {
	input.purpose in data.parapet.config.warned
}

reasons := array.concat([r | some r in blocked], [r | some r in warned])

effect := "deny" if {
	count(blocked) > 0
} else := "warn" if {
	count(warned) > 0
} else := "allow"

decision := {"effect": effect, "reasons": reasons, "obligations": {}, "route": {}}
`

const testPolicyTest = `package parapet.main_test

import data.parapet.main

test_blocked if {
	main.decision.effect == "deny" with input as {"purpose": "gambling"} with data.parapet.config.blocked as ["gambling"]
}
`

// writeBundle writes a test bundle folder: revision rev, the given blocked
// and warned purposes, and extra files (name → content).
func writeBundle(t testing.TB, dir, rev string, blocked, warned []string, extra map[string]string) string {
	t.Helper()
	must(os.MkdirAll(dir, 0o755))
	q := func(xs []string) string {
		if len(xs) == 0 {
			return "[]"
		}
		return `["` + strings.Join(xs, `", "`) + `"]`
	}
	files := map[string]string{
		".manifest":      fmt.Sprintf(`{"revision": %q, "roots": ["parapet"]}`, rev),
		"main.rego":      testPolicy,
		"main_test.rego": testPolicyTest,
		"data.json":      fmt.Sprintf(`{"parapet": {"config": {"blocked": %s, "warned": %s}}}`, q(blocked), q(warned)),
	}
	for k, v := range extra {
		files[k] = v
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		must(os.MkdirAll(filepath.Dir(p), 0o755))
		if body == "" {
			os.Remove(p)
			continue
		}
		must(os.WriteFile(p, []byte(body), 0o644))
	}
	return dir
}

// buildSigned builds a folder into a signed tarball and returns its bytes.
func buildSigned(t testing.TB, dir string, kp keyPair) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := bundles.Build(context.Background(), dir, &buf, bundles.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "b.tar.gz")
	must(os.WriteFile(out, buf.Bytes(), 0o644))
	if kp.priv != "" {
		if _, err := bundles.Sign(out, "", bundles.SigningOptions{Key: kp.priv, Algorithm: kp.alg}); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(out)
	must(err)
	return b
}

// tarFiles lists a bundle tarball's files and contents.
func tarFiles(t testing.TB, raw []byte) map[string]string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	out := map[string]string{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(tr)
		out[strings.TrimPrefix(h.Name, "/")] = string(b)
	}
}

// tamper rewrites one file inside a bundle tarball, keeping the rest and
// the signature as they are.
func tamper(t testing.TB, raw []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	found := false
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(tr)
		if strings.TrimPrefix(h.Name, "/") == name {
			b = []byte(edit(string(b)))
			h.Size = int64(len(b))
			found = true
		}
		must(tw.WriteHeader(h))
		_, err = tw.Write(b)
		must(err)
	}
	must(tw.Close())
	must(zw.Close())
	if !found {
		t.Fatalf("no %s in the bundle", name)
	}
	return buf.Bytes()
}

// opaBin finds the stock OPA CLI: $OPA, then PATH, then ~/go/bin/opa.
// Without one the test is skipped, unless PARAPET_REQUIRE_OPA=1 (as
// .ci/run sets it).
func opaBin(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("OPA"); p != "" {
		return p
	}
	if p, err := exec.LookPath("opa"); err == nil {
		return p
	}
	if home, err := os.UserHomeDir(); err == nil {
		if p := filepath.Join(home, "go", "bin", "opa"); fileExists(p) {
			return p
		}
	}
	msg := "no opa CLI: set OPA=/path/to/opa (v1.22.3) or go install github.com/open-policy-agent/opa@v1.22.3; .ci/run does"
	if os.Getenv("PARAPET_REQUIRE_OPA") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func runOPA(t testing.TB, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(opaBin(t), args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// tarDir packages a folder as a bundle tarball without any check.
func tarDir(t testing.TB, dir string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	entries, err := os.ReadDir(dir)
	must(err)
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), "_test.rego") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		must(err)
		must(tw.WriteHeader(&tar.Header{Name: "/" + e.Name(), Mode: 0o644, Size: int64(len(b)), Typeflag: tar.TypeReg}))
		_, err = tw.Write(b)
		must(err)
	}
	must(tw.Close())
	must(zw.Close())
	return buf.Bytes()
}

func mkdirAll(p string) error { return os.MkdirAll(p, 0o755) }

func writeFile(p, body string) error { return os.WriteFile(p, []byte(body), 0o644) }
