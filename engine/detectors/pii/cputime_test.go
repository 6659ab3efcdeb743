package pii

import (
	"context"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/parapet-dev/parapet/engine/analysis"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestCPUThroughput reports MB per CPU-second (user+system time of the
// scanning thread, Linux) rather than wall time, which on a shared, loaded machine says
// more than BenchmarkScan. It runs only with PARAPET_PII_CPUBENCH=1.
func TestCPUThroughput(t *testing.T) {
	if os.Getenv("PARAPET_PII_CPUBENCH") == "" {
		t.Skip("PARAPET_PII_CPUBENCH not set")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	d := New(Options{})
	for _, kind := range []struct {
		name  string
		every int
	}{{"prose", 0}, {"mixed", 10}, {"dense", 3}} {
		for _, size := range []int{2 << 10, 64 << 10, 1 << 20} {
			text := sampleText(size, kind.every)
			f := &analysis.Field{Text: text}
			r := &analysis.Report{Findings: make([]analysis.Finding, 0, 8192)}
			iters := (64 << 20) / size
			d.Scan(context.Background(), f, r)
			c0 := cpuTime()
			for i := 0; i < iters; i++ {
				r.Findings = r.Findings[:0]
				d.Scan(context.Background(), f, r)
			}
			el := cpuTime() - c0
			t.Logf("%-5s %8d B: %7.1f MB/cpu-s (%d findings)", kind.name, size, float64(size*iters)/1e6/el.Seconds(), len(r.Findings))
		}
	}
}
