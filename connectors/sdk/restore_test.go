package sdk_test

import (
	"context"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/connectors/sdk"
)

// Placeholders, worked out from the decision's evidence as a remote
// client must, agree with the engine's own vault.
func TestPlaceholdersAgreeWithVault(t *testing.T) {
	e := defaultEmbedded(t)
	texts := []string{
		"Draft a reply to jane.doe@example.com confirming her refund.",
		"Héllo 👋 write to jane.doe@example.com and again to jane.doe@example.com",
		"Email jane.doe@example.com and call +1 415 555 0132, tell Jane Doe at 10 Downing Street, London SW1A 2AA.",
		"Cards 4111 1111 1111 1111 and 5500 0000 0000 0004 for john@example.org and mary@example.org",
	}
	for _, text := range texts {
		req := prompt("alice", "gpt-4o", "You are kind.", text, "and again: "+text)
		req.Phase = sdk.PhasePrompt
		d, err := e.Decide(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if d.Effect != sdk.EffectRedact {
			t.Fatalf("%q: effect %s", text, d.Effect)
		}
		ph := sdk.Placeholders(req, d)
		if len(ph) != len(d.Obligations.Placeholders) {
			t.Errorf("%q: recovered %v, the decision has %v", text, ph, d.Obligations.Placeholders)
		}
		for p, v := range ph {
			if want := d.Vault().Restore(p); want != v {
				t.Errorf("%q: %s is %q, the vault says %q", text, p, v, want)
			}
		}
		for i, m := range d.Messages {
			if got := sdk.Restore(m.Content, ph); got != req.Messages[i].Content {
				t.Errorf("restoring message %d gives %q", i, got)
			}
		}
	}
}

// A decision whose redacted text does not line up with the evidence gives
// no value rather than a wrong one.
func TestPlaceholdersRefuseMismatch(t *testing.T) {
	req := prompt("alice", "gpt-4o", "mail bob@example.com now")
	d := &sdk.Decision{
		Effect:      sdk.EffectRedact,
		Reasons:     []sdk.Reason{{ID: "x", Effect: sdk.EffectRedact, Evidence: []sdk.Evidence{{Field: "messages[0].content", Start: 5, End: 20, Type: "EMAIL_ADDRESS"}}}},
		Messages:    []sdk.Message{{Role: "user", Content: "mail <EMAIL_ADDRESS_1> later"}},
		Obligations: &sdk.Obligations{Restore: true, Placeholders: map[string]string{"<EMAIL_ADDRESS_1>": "EMAIL_ADDRESS"}},
	}
	if ph := sdk.Placeholders(req, d); len(ph) != 0 {
		t.Fatalf("got %v from a mismatched decision", ph)
	}
	d.Messages[0].Content = "mail <EMAIL_ADDRESS_1> now"
	if ph := sdk.Placeholders(req, d); ph["<EMAIL_ADDRESS_1>"] != "bob@example.com" {
		t.Fatalf("got %v", ph)
	}
}

func TestRestoreLeavesUnknownPlaceholders(t *testing.T) {
	got := sdk.Restore("<A_1> <B_2> <a_1> <A_1>", map[string]string{"<A_1>": "x"})
	if got != "x <B_2> <a_1> x" {
		t.Fatalf("got %q", got)
	}
}

// Placeholders reads a decision from the network: whatever it holds, it
// must not panic, and every value it recovers is text of the request.
func FuzzPlaceholders(f *testing.F) {
	f.Add("mail bob@example.com now", "mail <EMAIL_ADDRESS_1> now", 5, 20, 0, 0)
	f.Add("Héllo 👋 a@b.io", "Héllo 👋 <EMAIL_ADDRESS_1>", 8, 14, 2, 30)
	f.Add("x", "<A_1><B_2>", -3, 99, 0, 1)
	f.Fuzz(func(t *testing.T, original, redacted string, s1, e1, s2, e2 int) {
		req := &sdk.Request{Messages: []sdk.Message{{Role: "user", Content: original}}}
		d := &sdk.Decision{
			Reasons: []sdk.Reason{{Effect: sdk.EffectRedact, Evidence: []sdk.Evidence{
				{Field: "messages[0].content", Start: s1, End: e1, Type: "T"},
				{Field: "messages[0].content", Start: s2, End: e2, Type: "T"},
			}}},
			Messages:    []sdk.Message{{Role: "user", Content: redacted}},
			Obligations: &sdk.Obligations{Placeholders: map[string]string{"<T_1>": "T"}},
		}
		for p, v := range sdk.Placeholders(req, d) {
			if !strings.Contains(original, v) || !strings.Contains(redacted, p) {
				t.Fatalf("%q -> %q is not from the request", p, v)
			}
		}
	})
}
