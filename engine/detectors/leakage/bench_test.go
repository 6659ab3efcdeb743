package leakage

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

func repeatTo(s string, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(s)
		b.WriteByte(' ')
	}
	return b.String()[:n]
}

// benchInput is the target case: a 2 KB system prompt with a canary, three
// 4 KB documents with URLs, a 2 KB response with links, an image, part
// of the system prompt and grounded and ungrounded sentences.
func benchInput() *analysis.Input {
	sys := repeatTo(systemPrompt+" Internal reference "+canaryValue+".", 2048)
	var docs []string
	for i := 0; i < 3; i++ {
		docs = append(docs, repeatTo(fmt.Sprintf("%s See https://shop.example.com/help/page-%d for details. Order %d shipped on time.", groundDoc, i, 1000+i), 4096))
	}
	resp := repeatTo("The X100 backpack has a capacity of 32 litres and ships with a rain cover. "+
		"Read [the guide](https://shop.example.com/help/page-1) or ![chart](https://img.example.net/c.png?d=abc). "+
		"If a customer asks for a refund, collect the order number and the email address used at checkout. "+
		"It also comes with a lifetime guarantee and free repairs at https://repairs.example.org/x100.\n", 2048)
	q := req{system: sys, user: "Tell me about the X100 backpack.", response: resp, docs: docs,
		labels: map[string]string{"canary": canaryValue}}
	return q.input()
}

// BenchmarkScanRequest runs the target case (benchInput), the same
// without documents (no grounding, no ungrounded URLs) and a prompt-phase
// request (no response: nothing to do). Besides wall-clock time it
// reports cpu-µs/op, the calling thread's CPU time per request, which a
// machine shared with other work disturbs less.
func BenchmarkScanRequest(b *testing.B) {
	full := benchInput()
	var noDocs, prompt analysis.Input
	for _, f := range full.Fields {
		if !isDocument(&f) {
			noDocs.Fields = append(noDocs.Fields, f)
		}
		if !isResponse(&f) {
			prompt.Fields = append(prompt.Fields, f)
		}
	}
	noDocs.Labels, prompt.Labels = full.Labels, full.Labels
	for _, c := range []struct {
		name string
		in   *analysis.Input
	}{{"target", full}, {"no-documents", &noDocs}, {"prompt-phase", &prompt}} {
		b.Run(c.name, func(b *testing.B) {
			d := New(Options{})
			n := 0
			for _, f := range c.in.Fields {
				n += len(f.Text)
			}
			ctx := context.Background()
			var r analysis.Report
			d.ScanRequest(ctx, c.in, &r) // fill the pool outside the timing
			b.ReportAllocs()
			b.SetBytes(int64(n))
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			cpu0 := threadCPU()
			b.ResetTimer()
			for b.Loop() {
				r.Findings, r.Signals = r.Findings[:0], r.Signals[:0]
				d.ScanRequest(ctx, c.in, &r)
			}
			if cpu := threadCPU() - cpu0; cpu > 0 {
				b.ReportMetric(cpu*1e6/float64(b.N), "cpu-µs/op")
			}
		})
	}
}

// threadCPU returns the CPU time of the calling OS thread in seconds.
func threadCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
