package secrets

import (
	"context"
	"encoding/json"
	"math/rand"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// English prose with the technical vocabulary a prompt to a coding
// assistant carries (keys, tokens, passwords, access, auth...), so that the
// keyword prefilter fires as it would on real traffic.
var benchWords = strings.Fields(`the of and to in a is that for it as was with be by on not he this are
or his from at which but have an they you were her she there been one all we their has would when
if so no what up out about into than them can only other new some could time these two may then do
first any my now such like our over man me even most made after also did many before must through
back years where much your way well down should because each just those people how too little state
good very make world still own see men work long get here between both life being under never day
same another know while last might us great old year off come since against go came right used take
three system data model request response user account access key token secret password service
server client login session security policy review deploy config file value error result report
team customer support please thanks could you help me write a function that returns the list sorted
by date and explain why the test fails when the cache is empty api endpoint authentication author
keyboard monkey passage compass bypass tokenizer secretary passenger keynote authority credentials`)

var benchSecrets = []string{
	"AWS_ACCESS_KEY_ID=AKIAQYLPMN5HHHFPZAM2",
	`password: "Tr0ub4dor&3xq"`,
	"ghp_8f4KxQ2mZr7T1pLw9cVb3nYe6HdJ0sAuGi5o",
	"postgres://app:S3cr3tPassw0rdQ@db.internal:5432/prod",
	"sk-ant-api03-" + strings.Repeat("Xq7pL2mN9rT4vB8k", 6)[:93] + "AA",
	"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
	"xoxb-2913428372-1935247329541-gNq8Wt5ZrL0cVbXyHmPe3s2K",
}

// mixedText builds about n bytes of English sentences with a secret every
// ~secretEvery bytes (0: none).
func mixedText(n, secretEvery int, seed int64) string {
	rng := rand.New(rand.NewSource(seed))
	var b strings.Builder
	b.Grow(n + 256)
	next := secretEvery
	for b.Len() < n {
		words := 6 + rng.Intn(14)
		for i := 0; i < words; i++ {
			w := benchWords[rng.Intn(len(benchWords))]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			if i < words-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
		if rng.Intn(8) == 0 {
			b.WriteString("\n\n")
		}
		if secretEvery > 0 && b.Len() >= next {
			b.WriteString(benchSecrets[rng.Intn(len(benchSecrets))])
			b.WriteString("\n")
			next += secretEvery
		}
	}
	return b.String()
}

func benchScan(b *testing.B, text string) {
	d := New(Options{})
	f := &analysis.Field{Path: "messages[0].content", Text: text}
	r := &analysis.Report{}
	ctx := context.Background()
	d.Scan(ctx, f, r) // fill the pool outside the timing
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	b.ResetTimer()
	for b.Loop() {
		r.Findings = r.Findings[:0]
		d.Scan(ctx, f, r)
	}
	if cpu := threadCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(len(text))*float64(b.N)/cpu/1e6, "cpu-MB/s")
	}
}

// threadCPU returns the CPU time of the calling OS thread in seconds:
// "cpu-MB/s" is bytes per second of this thread's CPU time, which a
// machine shared with other work disturbs less than wall-clock MB/s.
func threadCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// Mixed: English with the technical vocabulary of a coding prompt and a
// secret every ~1 KB (2 KB), 8 KB (64 KB) or 64 KB (1 MB). Clean: the same
// prose without secrets.
func BenchmarkScanMixed2KB(b *testing.B)  { benchScan(b, mixedText(2<<10, 1000, 1)) }
func BenchmarkScanMixed64KB(b *testing.B) { benchScan(b, mixedText(64<<10, 8<<10, 2)) }
func BenchmarkScanMixed1MB(b *testing.B)  { benchScan(b, mixedText(1<<20, 64<<10, 3)) }
func BenchmarkScanClean2KB(b *testing.B)  { benchScan(b, mixedText(2<<10, 0, 4)) }
func BenchmarkScanClean64KB(b *testing.B) { benchScan(b, mixedText(64<<10, 0, 4)) }
func BenchmarkScanClean1MB(b *testing.B)  { benchScan(b, mixedText(1<<20, 0, 5)) }

// BenchmarkScanSecret scans a sentence around each kind of benchmark
// secret: the cost of one finding.
func BenchmarkScanSecret(b *testing.B) {
	names := []string{"aws", "password", "github", "postgres", "anthropic", "jwt", "slack"}
	for i, s := range benchSecrets {
		b.Run(names[i], func(b *testing.B) {
			benchScan(b, "The team reviewed the request and "+s+" was in the config file here.")
		})
	}
}

// BenchmarkScanCode is Go-like source: identifiers, operators, strings.
func BenchmarkScanCode(b *testing.B) {
	line := `	cfg.Timeout = time.Duration(opts.TimeoutSeconds) * time.Second // default 30s` + "\n" +
		`	if err := client.Do(ctx, req, &resp); err != nil { return fmt.Errorf("request %s: %w", req.URL, err) }` + "\n" +
		`	headers := map[string]string{"Content-Type": "application/json", "X-Request-Id": id}` + "\n"
	benchScan(b, strings.Repeat(line, (64<<10)/len(line)))
}

// BenchmarkScanPrompt2KB scans the text fields of the 2 KB support-chat
// request in engine/testdata/prompt-2k.json, one Scan per field, as
// engine/detectors BenchmarkAnalyze2KB/secrets does without the
// analyzer around it.
func BenchmarkScanPrompt2KB(b *testing.B) {
	raw, err := os.ReadFile("../../testdata/prompt-2k.json")
	if err != nil {
		b.Skip(err)
	}
	var req struct {
		Messages []struct{ Content string }
		Context  struct{ Documents []struct{ Text string } }
	}
	if err := json.Unmarshal(raw, &req); err != nil {
		b.Fatal(err)
	}
	var fields []*analysis.Field
	n := 0
	for _, m := range req.Messages {
		fields = append(fields, &analysis.Field{Path: "m", Text: m.Content})
		n += len(m.Content)
	}
	for _, d := range req.Context.Documents {
		fields = append(fields, &analysis.Field{Path: "d", Text: d.Text})
		n += len(d.Text)
	}
	d := New(Options{})
	r := &analysis.Report{}
	ctx := context.Background()
	b.SetBytes(int64(n))
	b.ReportAllocs()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	for b.Loop() {
		r.Findings = r.Findings[:0]
		for _, f := range fields {
			d.Scan(ctx, f, r)
		}
	}
	if cpu := threadCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/cpu/1e6, "cpu-MB/s")
	}
}
