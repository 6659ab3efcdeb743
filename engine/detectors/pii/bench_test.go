package pii

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// benchParagraphs is ordinary English prose with the kinds of numbers such
// text carries (years, prices, versions, times, percentages) and, in a few
// paragraphs, personal data.
var benchParagraphs = []string{
	"The quarterly review covered the migration of the billing service to the new cluster. Most of the work went smoothly, although the team spent two days chasing a timeout that turned out to be a misconfigured load balancer. ",
	"In 2023 the company grew revenue by 14% to $4.2 million, and headcount rose from 38 to 52 people across three offices. The board approved the budget for the next fiscal year on March 3. ",
	"Please send the signed contract to jane.doe@example.com before Friday, or call me on (555) 123-4567 if anything is unclear. ",
	"We upgraded the database from version 12.4 to 15.2 and the client library to 3.11.2; the rollout finished at 14:30 UTC without incident. ",
	"Customer notes: the card on file is 4111 1111 1111 1111 and the refund should go to IBAN GB82 WEST 1234 5698 7654 32 once approved. ",
	"The meeting room on the fourth floor is booked every Tuesday from 10 to 11 for the design review, and lunch is provided for up to 12 people. ",
	"Our documentation lives at https://docs.example.org/guide/getting-started and the status page reports an uptime of 99.95% for the last 90 days. ",
	"He explained that the old process required each request to be approved by two managers, which often delayed simple changes by a week or more. ",
	"The server at 192.168.10.24 stopped answering health checks after the kernel update, so we rolled back to the previous image. ",
	"Shipping takes 3 to 5 business days; orders over 50 dollars ship free, and returns are accepted within 30 days of delivery. ",
}

func benchText(size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(benchParagraphs[i%len(benchParagraphs)])
	}
	return b.String()[:size]
}

// proseOnly is the same prose without personal data.
func proseText(size int) string {
	var b strings.Builder
	ps := []int{0, 1, 3, 5, 7, 9}
	for i := 0; b.Len() < size; i++ {
		b.WriteString(benchParagraphs[ps[i%len(ps)]])
	}
	return b.String()[:size]
}

func BenchmarkScan(b *testing.B) {
	d := New(Options{})
	for _, size := range []int{256, 2 << 10, 16 << 10, 64 << 10, 1 << 20} {
		for _, kind := range []string{"mixed", "prose"} {
			text := benchText(size)
			if kind == "prose" {
				text = proseText(size)
			}
			b.Run(fmt.Sprintf("%s/%d", kind, size), func(b *testing.B) {
				f := &analysis.Field{Path: "messages[0].content", Source: "user", Text: text}
				r := &analysis.Report{Findings: make([]analysis.Finding, 0, 4096)}
				ctx := context.Background()
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					r.Findings = r.Findings[:0]
					d.Scan(ctx, f, r)
				}
			})
		}
	}
}
