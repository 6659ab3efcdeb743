package injection

import (
	"strings"
	"testing"
)

// benchText builds a deterministic prompt of n bytes: ordinary request
// prose with a little code, punctuation and one non-ASCII word.
func benchText(n int) string {
	parts := []string{
		"Please review the following function and explain what it does. ",
		"I am trying to write a firewall rule that blocks inbound traffic on port 8080 except from our office range. ",
		"The script reads a CSV file, groups rows by customer id and sums the amounts; it is slow on large files. ",
		"Could you suggest a faster approach, maybe with a hash map, and keep the output format unchanged? ",
		"def total(rows):\n    out = {}\n    for r in rows:\n        out[r.id] = out.get(r.id, 0) + r.amount\n    return out\n",
		"Also, rewrite your previous answer in a more formal tone for the café newsletter. ",
		"Thanks! The deadline is Friday, 3 p.m., and the report goes to the whole team. ",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(parts[i%len(parts)])
	}
	return b.String()[:n]
}

func benchScore(b *testing.B, n int) {
	text := benchText(n)
	if _, err := DefaultModel(); err != nil {
		b.Fatal(err)
	}
	Score(text, "user") // warm the pools and tables
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Score(text, "user")
	}
}

func BenchmarkScore256B(b *testing.B) { benchScore(b, 256) }
func BenchmarkScore2KB(b *testing.B)  { benchScore(b, 2048) }
func BenchmarkScore16KB(b *testing.B) { benchScore(b, 16384) }
