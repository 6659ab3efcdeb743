package logs_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/parapet-dev/parapet/connectors/logs"
	"github.com/parapet-dev/parapet/engine"
)

// BenchmarkDecideWithSinks measures decision latency at concurrency 8
// (b.SetParallelism over GOMAXPROCS) on a realistic 2 KB prompt with the
// default bundle, without decision logs and with a file sink and a Kafka
// sink (an in-process kfake broker, so the broker's own CPU is counted
// against the sinks). latency-us is the mean time from request bytes to
// a recorded decision; p99-us its 99th percentile; cpu-us/op the process
// CPU time (user+system) per decision, background logging included, which
// a busy machine disturbs less than latency. bench/logs-overhead.sh
// runs it and compares.
func BenchmarkDecideWithSinks(b *testing.B) {
	raw, err := os.ReadFile("../../engine/testdata/prompt-2k.json")
	if err != nil {
		b.Fatal(err)
	}
	e := defaultEngine(b)
	for _, mode := range []string{"off", "file+kafka"} {
		b.Run("sinks="+mode, func(b *testing.B) {
			var p *logs.Pipeline
			if mode != "off" {
				c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, "decisions"))
				if err != nil {
					b.Fatal(err)
				}
				defer c.Close()
				dir := b.TempDir()
				k := writeKeys(b, dir)
				p, err = logs.New(context.Background(), logs.Config{
					SpoolDir: filepath.Join(dir, "spool"),
					Sinks: map[string]logs.SinkConfig{
						"file":  {Kind: logs.KindFile, Path: filepath.Join(dir, "decisions.jsonl")},
						"kafka": {Kind: logs.KindKafka, Brokers: c.ListenAddrs(), Topic: "decisions"},
					},
					Masking: logs.MaskingConfig{HMACKeyFile: k.HMAC},
					Chain:   logs.ChainConfig{SigningKeyFile: k.Signing},
				}, logs.Options{})
				if err != nil {
					b.Fatal(err)
				}
				defer p.Close(context.Background())
			}
			var mu sync.Mutex
			var lat []time.Duration
			b.ReportAllocs()
			b.SetParallelism(max(1, 8/procs()))
			b.ResetTimer()
			cpu0 := cpuTime()
			b.RunParallel(func(pb *testing.PB) {
				ctx := context.Background()
				mine := make([]time.Duration, 0, 1024)
				for pb.Next() {
					t0 := time.Now()
					req, err := engine.DecodeRequest(raw)
					if err != nil {
						b.Error(err)
						return
					}
					d, err := e.Decide(ctx, req)
					if err != nil {
						b.Error(err)
						return
					}
					if p != nil {
						p.Decision(ctx, req, d, logs.Connector{Name: "api"})
					}
					mine = append(mine, time.Since(t0))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			if p != nil {
				// Charge the pipeline's remaining work to this run.
				p.Close(context.Background())
			}
			cpu := cpuTime() - cpu0
			b.StopTimer()
			if len(lat) == 0 {
				return
			}
			b.ReportMetric(float64(cpu.Microseconds())/float64(len(lat)), "cpu-us/op")
			slices.Sort(lat)
			var sum time.Duration
			for _, l := range lat {
				sum += l
			}
			b.ReportMetric(float64(sum.Microseconds())/float64(len(lat)), "latency-us")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-us")
		})
	}
}

// BenchmarkPipelineEvent is the logging work per decision on its own:
// building the masked event, chaining, encoding, writing to a file sink
// (fsync per batch) and producing to Kafka, measured as throughput until
// Close has flushed everything. Compare its ns/op with a decision's.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkPipelineEvent(b *testing.B) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, "decisions"))
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	dir := b.TempDir()
	k := writeKeys(b, dir)
	p, err := logs.New(context.Background(), logs.Config{
		SpoolDir: filepath.Join(dir, "spool"),
		Sinks: map[string]logs.SinkConfig{
			"file":  {Kind: logs.KindFile, Path: filepath.Join(dir, "decisions.jsonl")},
			"kafka": {Kind: logs.KindKafka, Brokers: c.ListenAddrs(), Topic: "decisions"},
		},
		Masking: logs.MaskingConfig{HMACKeyFile: k.HMAC},
		Chain:   logs.ChainConfig{SigningKeyFile: k.Signing},
	}, logs.Options{})
	if err != nil {
		b.Fatal(err)
	}
	raw, err := os.ReadFile("../../engine/testdata/prompt-2k.json")
	if err != nil {
		b.Fatal(err)
	}
	req, err := engine.DecodeRequest(raw)
	if err != nil {
		b.Fatal(err)
	}
	d := decide(b, req)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p.Decision(ctx, req, d, logs.Connector{Name: "api"})
	}
	if err := p.Close(ctx); err != nil {
		b.Fatal(err)
	}
}
