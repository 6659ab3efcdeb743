package bundles_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/bundles"
)

// Stock OPA and Parapet read each other's signed bundles: `opa build
// --signing-key` and `opa sign` output verifies with Parapet, and
// Parapet's with `opa build --verification-key`. RS256, ES256 and HS256.
func TestOPASignaturesInterop(t *testing.T) {
	opaBin(t)
	rk, ek := testKeys(t)
	hs := keyPair{priv: "a-long-shared-secret-for-hs256-signing", pub: "a-long-shared-secret-for-hs256-signing", alg: "HS256"}
	for _, kp := range []keyPair{rk, ek, hs} {
		t.Run(kp.alg, func(t *testing.T) {
			work := t.TempDir()
			writeBundle(t, filepath.Join(work, "pol"), "r-"+kp.alg, []string{"gambling"}, nil, map[string]string{"main_test.rego": ""})

			// opa build --signing-key → Parapet verifies, and serves it.
			if out, err := runOPA(t, work, "build", "-b", "pol", "--signing-key", kp.priv, "--signing-alg", kp.alg, "-o", "opa.tar.gz"); err != nil {
				t.Fatalf("opa build: %v\n%s", err, out)
			}
			if _, err := bundles.Verify(filepath.Join(work, "opa.tar.gz"), bundles.VerifyOptions{Key: kp.pub, Algorithm: kp.alg}); err != nil {
				t.Fatalf("Parapet does not verify opa build's signature: %v", err)
			}
			vc, _ := bundles.VerifyOptions{Key: kp.pub, Algorithm: kp.alg}.Config()
			b, err := bundles.Read(filepath.Join(work, "opa.tar.gz"), vc)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := bundles.Check(context.Background(), "opa.tar.gz", b, bundles.CheckOptions{}); err != nil {
				t.Fatalf("opa build's bundle does not pass Parapet's checks: %v", err)
			}

			// opa sign a folder → Parapet verifies the folder (signature
			// paths are as given to opa sign, so verify from the same
			// place, as OPA does).
			if out, err := runOPA(t, work, "sign", "--bundle", "pol", "--signing-key", kp.priv, "--signing-alg", kp.alg, "-o", "pol"); err != nil {
				t.Fatalf("opa sign: %v\n%s", err, out)
			}
			chdir(t, work)
			if _, err := bundles.Verify("pol", bundles.VerifyOptions{Key: kp.pub, Algorithm: kp.alg}); err != nil {
				t.Fatalf("Parapet does not verify opa sign's signature: %v", err)
			}
			must(os.Remove(filepath.Join(work, "pol", ".signatures.json")))

			// Parapet build + sign → opa build --verification-key accepts
			// it; tampered, refuses it.
			var buf bytes.Buffer
			if _, err := bundles.Build(context.Background(), filepath.Join(work, "pol"), &buf, bundles.BuildOptions{}); err != nil {
				t.Fatal(err)
			}
			pp := filepath.Join(work, "parapet.tar.gz")
			must(os.WriteFile(pp, buf.Bytes(), 0o644))
			if _, err := bundles.Sign(pp, "", bundles.SigningOptions{Key: kp.priv, Algorithm: kp.alg}); err != nil {
				t.Fatal(err)
			}
			if out, err := runOPA(t, work, "build", "-b", "parapet.tar.gz", "--verification-key", kp.pub, "--signing-alg", kp.alg, "-o", "check.tar.gz"); err != nil {
				t.Fatalf("opa does not verify Parapet's signature: %v\n%s", err, out)
			}
			raw, _ := os.ReadFile(pp)
			must(os.WriteFile(filepath.Join(work, "tampered.tar.gz"), tamper(t, raw, "data.json", func(s string) string {
				return strings.Replace(s, "gambling", "chess", 1)
			}), 0o644))
			if out, err := runOPA(t, work, "build", "-b", "tampered.tar.gz", "--verification-key", kp.pub, "--signing-alg", kp.alg, "-o", "t.tar.gz"); err == nil {
				t.Fatalf("opa accepted a tampered Parapet bundle:\n%s", out)
			}

			// Parapet signs during build (as opa build --signing-key) →
			// opa verifies.
			buf.Reset()
			if _, err := bundles.Build(context.Background(), filepath.Join(work, "pol"), &buf, bundles.BuildOptions{Sign: bundles.SigningOptions{Key: kp.priv, Algorithm: kp.alg}}); err != nil {
				t.Fatal(err)
			}
			must(os.WriteFile(filepath.Join(work, "built-signed.tar.gz"), buf.Bytes(), 0o644))
			if out, err := runOPA(t, work, "build", "-b", "built-signed.tar.gz", "--verification-key", kp.pub, "--signing-alg", kp.alg, "-o", "c2.tar.gz"); err != nil {
				t.Fatalf("opa does not verify a bundle Parapet signed while building: %v\n%s", err, out)
			}

			// Parapet signs a folder → opa build verifies the folder.
			if _, err := bundles.Sign("pol", "", bundles.SigningOptions{Key: kp.priv, Algorithm: kp.alg}); err != nil {
				t.Fatal(err)
			}
			if out, err := runOPA(t, work, "build", "-b", "pol", "--verification-key", kp.pub, "--signing-alg", kp.alg, "-o", "c3.tar.gz"); err != nil {
				t.Fatalf("opa does not verify a folder Parapet signed: %v\n%s", err, out)
			}
		})
	}
}

func chdir(t *testing.T, dir string) {
	t.Helper()
	old, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(old) })
}

// The default library itself builds, signs and verifies with both tools.
func TestDefaultLibraryBuildsAndVerifiesWithOPA(t *testing.T) {
	opaBin(t)
	rk, _ := testKeys(t)
	var buf bytes.Buffer
	if _, err := bundles.Build(context.Background(), "../rego", &buf, bundles.BuildOptions{Revision: "lib-ci", Sign: bundles.SigningOptions{Key: rk.priv}}); err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	must(os.WriteFile(filepath.Join(work, "lib.tar.gz"), buf.Bytes(), 0o644))
	if _, err := bundles.Verify(filepath.Join(work, "lib.tar.gz"), bundles.VerifyOptions{Key: rk.pub}); err != nil {
		t.Fatal(err)
	}
	if out, err := runOPA(t, work, "build", "-b", "lib.tar.gz", "--verification-key", rk.pub, "-o", "out.tar.gz"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}
