package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/detectors"
)

// The default library deciding on credentials written the way people
// paste them into a chat (the secrets detector's prose, pair, command-line
// and code forms): the prompt is denied and the evidence names the value.
func TestCredentialsInChatAreDenied(t *testing.T) {
	e := New(Options{Analyzer: detectors.Default()})
	e.Activate(defaultPolicy(t))
	ctx := context.Background()
	pw := "Kq7!mZ2" + "xRv"
	for _, c := range []struct{ name, text, value string }{
		{"prose with a connector", "hey, the password for the admin account on sql-stg-07 is " + pw + " please rotate it", pw},
		{"user and password pair", "login admin / " + pw + " — why does SSO bounce me?", pw},
		{"passphrase", "my new password is correct-horse-" + "battery-staple, is it strong enough?", "correct-horse-battery-staple"},
		{"command line", "why does this fail? htpasswd -b /etc/nginx/.htpasswd alice " + pw, pw},
		{"code", `fix this: requests.get(url, auth=("admin", "` + pw + `"))`, pw},
		{"typographic quotes", "das Passwort ist \u201e" + pw + "\u201c", pw},
		{"label line", "Accès au NAS : https://nas.local\nCompte : admin\nMDP : " + pw + "\nmerci", pw},
		{"chat answer", "Ana 10:01\nwhat's the password for the shared Miro board?\nBen 10:03\n" + pw + "\n\nsummarise this thread", pw},
		{"pasted table", "dedupe this export:\nsite,username,password\nwiki,ana," + pw + "\n", pw},
		{"token before a full stop", "my HF token is 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. How do I log in?", "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"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := e.Decide(ctx, &Request{Phase: PhasePrompt, Subject: Subject{ID: "alice", Tenant: "acme"},
				Resource: Resource{Model: "gpt-4o"}, Messages: []Message{{Role: "user", Content: c.text}}})
			if err != nil {
				t.Fatal(err)
			}
			if d.Effect != EffectDeny || !strings.Contains(reasonEffects(d), "data.secret_in_prompt:deny") {
				t.Fatalf("effect %s, reasons %s", d.Effect, reasonEffects(d))
			}
			found := false
			for _, r := range d.Reasons {
				for _, ev := range r.Evidence {
					runes := []rune(c.text)
					if r.ID == "data.secret_in_prompt" && ev.End <= len(runes) && string(runes[ev.Start:ev.End]) == c.value {
						found = true
					}
				}
			}
			if !found {
				t.Fatalf("no evidence span on %q: %+v", c.value, d.Reasons)
			}
		})
	}
	// The same words without a value stay allowed.
	d, err := e.Decide(ctx, &Request{Phase: PhasePrompt, Subject: Subject{ID: "alice", Tenant: "acme"},
		Resource: Resource{Model: "gpt-4o"}, Messages: []Message{{Role: "user", Content: "the password for the admin account is in the vault; how do I rotate it?"}}})
	if err != nil || d.Effect != EffectAllow {
		t.Fatalf("no value: %v %s %s", err, d.Effect, reasonEffects(d))
	}
	// A key that is public by design (a Firebase web config) is an
	// identifier: the prompt is not denied for it.
	d, err = e.Decide(ctx, &Request{Phase: PhasePrompt, Subject: Subject{ID: "alice", Tenant: "acme"},
		Resource: Resource{Model: "gpt-4o"}, Messages: []Message{{Role: "user", Content: "why is the map blank? const firebaseConfig = { apiKey: \"AIzaSyB3xK9vQ2mZ7pL4wN8cR1tY6uH0jD5fG2s\", authDomain: \"demo.firebaseapp.com\" };"}}})
	if err != nil || strings.Contains(reasonEffects(d), "data.secret_in_prompt") {
		t.Fatalf("public key: %v %s %s", err, d.Effect, reasonEffects(d))
	}
}
