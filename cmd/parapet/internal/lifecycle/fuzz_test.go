package lifecycle

import (
	"testing"
)

// FuzzParseLogLine: any line a log file may hold is an event, a skip with
// a reason, or a checkpoint; never a panic.
func FuzzParseLogLine(f *testing.F) {
	f.Add([]byte(`{"decision_id":"d1","timestamp":"2026-11-25T10:00:00Z","bundles":{"default":{"revision":"r"}},"path":"parapet/main/decision",` +
		`"input":{"phase":"prompt","subject":{"id":"a","tenant":"acme"},"resource":{"model":"m"},"messages":[{"role":"user","chars":5}],` +
		`"context":{},"access":{"roles":[],"allowed":true,"action":"chat.completions","tenant":"acme"},"analysis":{"findings":[{"type":"EMAIL_ADDRESS","field":"messages[0].content","start":0,"end":3}]}},` +
		`"result":{"effect":"allow","allow":true,"reasons":[]},"effect":"allow","chain_id":"c","seq":1,"prev_hash":"0","hash":"1"}`))
	f.Add([]byte(`{"type":"checkpoint","chain_id":"c","seq":1,"hash":"x"}`))
	f.Add([]byte(`{"decision_id":"d2","sealed":{"enc":"A256GCM","kid":"k1","ct":"AAAA"}}`))
	f.Add([]byte(`{"input":{"messages":[{"chars":-1}]}}`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, line []byte) {
		c, skip := parseLogLine(line, nil)
		if c != nil && skip != "" {
			t.Fatal("both a case and a skip")
		}
		if c != nil && (c.Request == nil || c.Facts == nil) {
			t.Fatal("a case without request or facts")
		}
	})
}
