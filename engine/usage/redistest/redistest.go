// Package redistest gives tests a Redis server: the one PARAPET_REDIS_URL
// names, or a redis-server started for the test on a loopback port. With
// neither, the test is skipped with a message that says how to get one,
// unless PARAPET_REQUIRE_REDIS=1 (as .ci/run sets it), which fails it.
package redistest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// URL returns the URL of a Redis server for t, starting one if need be.
func URL(t testing.TB) string {
	t.Helper()
	if u := os.Getenv("PARAPET_REDIS_URL"); u != "" {
		if err := ping(u, 3*time.Second); err != nil {
			t.Fatalf("PARAPET_REDIS_URL=%s does not answer: %v", u, err)
		}
		return u
	}
	bin := find()
	if bin == "" {
		msg := "no Redis for this test: redis-server is not installed (apt-get install redis-server) and PARAPET_REDIS_URL is not set; .ci/run provides one"
		if os.Getenv("PARAPET_REQUIRE_REDIS") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cmd := exec.Command(bin, "--port", fmt.Sprint(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
		"--dir", dir, "--daemonize", "no", "--loglevel", "warning")
	logFile, err := os.Create(filepath.Join(dir, "redis.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		logFile.Close()
	})
	u := fmt.Sprintf("redis://127.0.0.1:%d/0", port)
	if err := ping(u, 10*time.Second); err != nil {
		out, _ := os.ReadFile(logFile.Name())
		t.Fatalf("redis-server on port %d did not answer: %v\n%s", port, err, out)
	}
	return u
}

func find() string {
	if p, err := exec.LookPath("redis-server"); err == nil {
		return p
	}
	for _, d := range []string{"/usr/bin", "/usr/sbin", "/usr/local/bin"} {
		p := filepath.Join(d, "redis-server")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func ping(u string, within time.Duration) error {
	o, err := redis.ParseURL(u)
	if err != nil {
		return err
	}
	c := redis.NewClient(o)
	defer c.Close()
	deadline := time.Now().Add(within)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err = c.Ping(ctx).Err()
		cancel()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}
