package serve

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/hashicorp/go-hclog"

	"github.com/parapet-dev/parapet/cmd/parapet/internal/config"
)

// startServe writes yaml to a config file, loads and validates it as
// `parapet serve --config` does, and runs the service (Run) until stop is
// called or the test ends. It returns the address the service listens on;
// stop shuts it down and fails the test if Run returned an error.
func startServe(t *testing.T, yaml string) (addr string, stop func()) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parapet.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg, hclog.NewNullLogger(), ready) }()
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("Run: %v", err)
	}
	var once sync.Once
	stop = func() {
		t.Helper()
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return addr, stop
}
