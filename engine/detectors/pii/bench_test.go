package pii

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// proseParagraphs is ordinary English prose with the numbers such text
// carries (years, prices, versions, times, percentages, counts) and no
// personal data.
var proseParagraphs = []string{
	"The quarterly review covered the migration of the billing service to the new cluster. Most of the work went smoothly, although the team spent two days chasing a timeout that turned out to be a misconfigured load balancer.\n\n",
	"In 2023 the company grew revenue by 14% to $4.2 million, and headcount rose from 38 to 52 people across three offices. The board approved the budget for the next fiscal year on March 3.\n\n",
	"We upgraded the database from version 12.4 to 15.2 and the client library to 3.11.2; the rollout finished at 14:30 UTC without incident, and p99 latency fell from 210 ms to 145 ms.\n\n",
	"The meeting room on the fourth floor is booked every Tuesday from 10 to 11 for the design review, and lunch is provided for up to 12 people. Please tell facilities by Monday if you need a vegetarian option.\n\n",
	"He explained that the old process required each request to be approved by two managers, which often delayed simple changes by a week or more. The new policy lets team leads approve changes under 500 lines.\n\n",
	"Shipping takes 3 to 5 business days; orders over 50 dollars ship free, and returns are accepted within 30 days of delivery. Gift cards cannot be exchanged for cash except where the law requires it.\n\n",
	"Section 4.2 of the agreement limits liability to the fees paid in the preceding 12 months. Either party may terminate with 60 days' written notice, as described in clause 9(b).\n\n",
	"Can you summarise the attached report in five bullet points? Focus on the risks, the open questions, and anything that needs a decision before the end of Q3.\n\n",
	"The recipe calls for 2 cups of flour, 1.5 teaspoons of baking powder and 250 g of butter; bake at 180 degrees for 25 to 30 minutes, until the top is golden.\n\n",
	"Our documentation explains how to configure retries: set max_attempts to 5 and the backoff to 200 ms, doubling each time up to a ceiling of 10 seconds.\n\n",
	"During the 1990s the city's population grew from about 1.2 million to nearly 1.5 million, and the transit authority added 42 km of new rail lines between 1994 and 2001.\n\n",
	"Write a short poem about autumn in the style of a nineteenth-century romantic poet, with four stanzas of four lines each, and avoid the word 'leaves'.\n\n",
}

// piiParagraphs carry personal data; the mixed sample has one of them in
// roughly every 2 KB of prose, the dense sample one in every three
// paragraphs.
var piiParagraphs = []string{
	"Please send the signed contract to jane.doe@example.com before Friday, or call me on (212) 555-0143 if anything is unclear.\n\n",
	"Customer notes: the card on file is 4111 1111 1111 1111 and the refund should go to IBAN GB82 WEST 1234 5698 7654 32 once approved.\n\n",
	"The server at 192.168.10.24 stopped answering health checks after the kernel update; see https://status.example.org/incidents/2291 for the timeline.\n\n",
	"Her SSN is 536-22-8170 and she was born on 14 March 1986, according to the intake form signed by Dr. Patel.\n\n",
}

func sampleText(size, every int) string {
	var b strings.Builder
	for i, j := 0, 0; b.Len() < size; i++ {
		if every > 0 && i%every == every-1 {
			b.WriteString(piiParagraphs[j%len(piiParagraphs)])
			j++
			continue
		}
		b.WriteString(proseParagraphs[i%len(proseParagraphs)])
	}
	return b.String()[:size]
}

func BenchmarkScan(b *testing.B) {
	d := New(Options{})
	for _, size := range []int{256, 2 << 10, 16 << 10, 64 << 10, 1 << 20} {
		for _, kind := range []struct {
			name  string
			every int
		}{{"prose", 0}, {"mixed", 10}, {"dense", 3}} {
			text := sampleText(size, kind.every)
			b.Run(fmt.Sprintf("%s/%d", kind.name, size), func(b *testing.B) {
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
