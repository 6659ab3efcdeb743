package leakage

import (
	"context"
	"fmt"
	"strings"
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

func BenchmarkScanRequest(b *testing.B) {
	d := New(Options{})
	in := benchInput()
	n := 0
	for _, f := range in.Fields {
		n += len(f.Text)
	}
	ctx := context.Background()
	var r analysis.Report
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		r.Findings, r.Signals = r.Findings[:0], r.Signals[:0]
		d.ScanRequest(ctx, in, &r)
	}
}
