package names

import (
	"context"
	"math/rand/v2"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// mixedText generates n bytes of mixed English: prose, a few names,
// places, numbers, addresses and code, like a typical chat prompt (about
// one entity per 600 bytes).
func mixedText(n int) string { return genText(n, 1) }

// denseText has an entity every ~120 bytes, as in a PII test set.
func denseText(n int) string { return genText(n, 6) }

func genText(n, density int) string {
	r := rand.New(rand.NewPCG(1, 2))
	prose := strings.Fields(`the of and to in is that for it as was with be by on not he this are or his
		from at which but have an they you were her she there been one all we their has would when if
		so no what up out about who them more can could said time only new some into two then like
		other how its our these may will over first after also did many most where me before must
		through back years much your way well down should because each just those people how too
		little state good very make world still own see men work long get here between both life
		being under never day same another know while last might us great old year off come since
		against go came right used take three policy model request response data customer report
		invoice meeting please thanks review summary deploy server function error value config`)
	names := []string{"Sarah Johnson", "Mr. Okafor", "Dr. Lee", "Maria", "Kevin", "Priya Natarajan",
		"John", "Anna Schmidt", "O'Brien", "Will", "May", "Grant"}
	places := []string{"London", "New York", "Germany", "Paris", "Texas", "Lagos", "Tokyo"}
	addrs := []string{"221B Baker Street, London NW1 6XE", "742 Evergreen Terrace, Springfield, IL 62704",
		"1600 Amphitheatre Parkway, Mountain View, CA 94043", "Hauptstraße 5, 10115 Berlin"}
	code := []string{"func main() { fmt.Println(\"hello\") }", "SELECT id, name FROM users WHERE id = 42;",
		"if (x > 10) { return x * 2; }", "curl -X POST https://api.example.com/v1/items"}
	var b strings.Builder
	for b.Len() < n {
		words := 8 + r.IntN(14)
		for i := 0; i < words; i++ {
			w := prose[r.IntN(len(prose))]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			switch x := r.IntN(600); {
			case x < 3*density:
				b.WriteString(" " + names[r.IntN(len(names))])
			case x < 5*density:
				b.WriteString(" in " + places[r.IntN(len(places))])
			case x < 6*density:
				b.WriteString(" 2024")
			case x < 7*density:
				b.WriteString(", 35%")
			}
			if i < words-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
		switch x := r.IntN(240 / density); {
		case x == 0:
			b.WriteString("Ship it to " + addrs[r.IntN(len(addrs))] + ". ")
		case x == 1:
			b.WriteString("\n" + code[r.IntN(len(code))] + "\n")
		case x < 4:
			b.WriteString("\n\n")
		}
	}
	return b.String()[:n]
}

func benchScan(b *testing.B, n int) { benchText(b, mixedText(n)) }

func benchText(b *testing.B, text string) {
	d := New(Options{})
	f := &analysis.Field{Path: "messages[0].content", Source: "user", Text: text}
	var r analysis.Report
	d.Scan(context.Background(), f, &r) // load the gazetteer outside the timing
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	b.ResetTimer()
	for b.Loop() {
		r.Findings = r.Findings[:0]
		d.Scan(ctx, f, &r)
	}
	reportCPU(b, cpu0, len(text))
}

// threadCPU returns the CPU time of the calling OS thread, so that the
// throughput can be read on a machine shared with other work.
func threadCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// reportCPU adds "cpu-MB/s": bytes scanned per second of this thread's
// CPU time (wall-clock MB/s suffers when other processes share the cores).
func reportCPU(b *testing.B, cpu0 float64, n int) {
	if cpu := threadCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/cpu/1e6, "cpu-MB/s")
	}
}

func BenchmarkScan2KB(b *testing.B)  { benchScan(b, 2<<10) }
func BenchmarkScan64KB(b *testing.B) { benchScan(b, 64<<10) }
func BenchmarkScan1MB(b *testing.B)  { benchScan(b, 1<<20) }

// BenchmarkScanDense64KB has an entity every ~120 bytes.
func BenchmarkScanDense64KB(b *testing.B) { benchText(b, denseText(64<<10)) }

// BenchmarkScanProseOnly measures text without entities: the clean-text
// path that should not allocate.
func BenchmarkScanProseOnly(b *testing.B) {
	d := New(Options{})
	text := strings.Repeat("the quick brown fox jumps over the lazy dog and then it runs back home again. ", 1<<16/80)
	f := &analysis.Field{Path: "p", Text: text}
	var r analysis.Report
	d.Scan(context.Background(), f, &r)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	b.ResetTimer()
	for b.Loop() {
		r.Findings = r.Findings[:0]
		d.Scan(context.Background(), f, &r)
	}
	reportCPU(b, cpu0, len(text))
}

func BenchmarkLoadGazetteer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadGazetteer(gazetteerGz)
	}
}

// BenchmarkCalibrate is a plain byte loop (count spaces), to read the
// other numbers against when the machine is shared: on an idle core it
// runs at several GB/s.
func BenchmarkCalibrate(b *testing.B) {
	text := mixedText(64 << 10)
	b.SetBytes(int64(len(text)))
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	n := 0
	for b.Loop() {
		for i := 0; i < len(text); i++ {
			if class[text[i]] == cSpace {
				n++
			}
		}
	}
	reportCPU(b, cpu0, len(text))
	if n == 0 {
		b.Fatal("no spaces")
	}
}

// BenchmarkScanChat64KB measures casual text, where the lower-case pass
// reads every word: the mixed text in lower case, with chat cues.
func BenchmarkScanChat64KB(b *testing.B) {
	text := strings.ToLower(mixedText(64 << 10))
	text = strings.ReplaceAll(text, ". ", ". hi angie, tell kieran this is carla. ")[:64<<10]
	benchText(b, text)
}
