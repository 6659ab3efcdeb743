package logs_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/connectors/logs"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
)

var (
	engOnce sync.Once
	eng     *engine.Engine
	engErr  error
)

// defaultEngine is the engine with the default bundle and every detector,
// shared by the tests (compiling it takes a while).
func defaultEngine(tb testing.TB) *engine.Engine {
	tb.Helper()
	engOnce.Do(func() {
		p, err := bundles.Compile(context.Background(), "", nil)
		if err != nil {
			engErr = err
			return
		}
		eng = engine.New(engine.Options{Analyzer: detectors.Default()})
		eng.Analyzer().Warm(context.Background())
		eng.Activate(p)
	})
	if engErr != nil {
		tb.Fatal(engErr)
	}
	return eng
}

func decide(tb testing.TB, req *engine.Request) *engine.Decision {
	tb.Helper()
	d, err := defaultEngine(tb).Decide(context.Background(), req)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// keys writes a signing key, its public key, an AES key and an HMAC key
// into dir.
type testKeys struct {
	Signing, Public, AES, HMAC string
}

func writeKeys(tb testing.TB, dir string) testKeys {
	tb.Helper()
	priv, pub, err := logs.GenerateSigningKey()
	if err != nil {
		tb.Fatal(err)
	}
	k := testKeys{
		Signing: filepath.Join(dir, "signing.pem"), Public: filepath.Join(dir, "signing.pub.pem"),
		AES: filepath.Join(dir, "aes.key"), HMAC: filepath.Join(dir, "hmac.key"),
	}
	must(tb, os.WriteFile(k.Signing, priv, 0o600))
	must(tb, os.WriteFile(k.Public, pub, 0o644))
	must(tb, os.WriteFile(k.AES, []byte("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"), 0o600))
	must(tb, os.WriteFile(k.HMAC, []byte("a-test-hmac-key-of-decent-length\n"), 0o600))
	return k
}

func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

// logFiles lists the active file and its rotations.
func logFiles(tb testing.TB, path string) []string {
	tb.Helper()
	rot, err := logs.RotatedFiles(path)
	must(tb, err)
	return append(rot, path)
}

func newID(tb testing.TB) string {
	tb.Helper()
	id, err := uuid.NewV7()
	must(tb, err)
	return id.String()
}

func procs() int { return runtime.GOMAXPROCS(0) }
