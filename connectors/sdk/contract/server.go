package contract

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// AssembleBundle writes the suite's bundle to dst: the default library
// (rego/, without its tests) plus bundle/*.rego from this folder.
func AssembleBundle(dst string) error {
	lib := filepath.Join(RepoRoot(), "rego")
	entries, err := os.ReadDir(lib)
	if err != nil {
		return fmt.Errorf("assembling the contract bundle: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(dst, "contract"), 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasSuffix(n, "_test.rego") ||
			!(strings.HasSuffix(n, ".rego") || n == "data.json" || n == ".manifest") {
			continue
		}
		if err := copyFile(filepath.Join(lib, n), filepath.Join(dst, n)); err != nil {
			return err
		}
	}
	ext, err := filepath.Glob(filepath.Join(Dir(), "bundle", "*.rego"))
	if err != nil {
		return err
	}
	for _, f := range ext {
		if strings.HasSuffix(f, "_test.rego") {
			continue
		}
		if err := copyFile(f, filepath.Join(dst, "contract", filepath.Base(f))); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	raw, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, raw, 0o644)
}

// Server is a running `parapet serve` for the suite.
type Server struct {
	URL string
	cmd *exec.Cmd
	out chan struct{}
}

// StartServer runs `bin serve` with server/parapet.yaml (keys, a 64 KiB
// body limit, a free loopback port) on bundleDir, and waits until it
// listens. Its log goes to logw (nil: discarded).
func StartServer(ctx context.Context, bin, bundleDir string, logw io.Writer) (*Server, error) {
	if logw == nil {
		logw = io.Discard
	}
	cmd := exec.Command(bin, "serve", "--config", "parapet.yaml", "--bundle", bundleDir)
	cmd.Dir = filepath.Join(Dir(), "server")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stdout = logw
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s serve: %w", bin, err)
	}
	s := &Server{cmd: cmd, out: make(chan struct{})}
	addr := make(chan string, 1)
	go func() {
		defer close(s.out)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		sent := false
		for sc.Scan() {
			line := sc.Bytes()
			fmt.Fprintf(logw, "%s\n", line)
			var ev struct {
				Message string `json:"@message"`
				Addr    string `json:"addr"`
			}
			if !sent && json.Unmarshal(line, &ev) == nil && ev.Message == "listening" && ev.Addr != "" {
				addr <- ev.Addr
				sent = true
			}
		}
		_, _ = io.Copy(logw, stderr)
	}()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	select {
	case a := <-addr:
		s.URL = "http://" + a
		return s, nil
	case <-s.out:
		_ = cmd.Wait()
		return nil, errors.New("parapet serve exited before listening (see its log)")
	case <-ctx.Done():
		s.Close()
		return nil, errors.New("parapet serve did not listen within 60s")
	}
}

// Close stops the server and waits for it.
func (s *Server) Close() {
	if s.cmd.Process != nil {
		_ = s.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = s.cmd.Process.Kill()
			<-done
		}
	}
}

// BuildParapet builds the parapet binary into dir, or returns $PARAPET_BIN
// when it is set (CI builds it once for every suite).
func BuildParapet(ctx context.Context, dir string) (string, error) {
	if bin := os.Getenv("PARAPET_BIN"); bin != "" {
		return bin, nil
	}
	bin := filepath.Join(dir, "parapet")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/parapet")
	cmd.Dir = RepoRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/parapet: %w\n%s", err, out)
	}
	return bin, nil
}
