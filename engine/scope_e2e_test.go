package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/detectors"
)

// The default library deciding on the scope detector's real findings: a
// user message (prompt phase) or an answer (response phase) about a topic
// the request's own system prompt rules out.
func TestRestrictedTopicDecides(t *testing.T) {
	e := New(Options{Analyzer: detectors.Default()})
	e.Activate(defaultPolicy(t))
	ctx := context.Background()
	system := "You are the help assistant for PayLoop, a payments app. Answer questions about sending money and linking bank accounts. Refuse questions about cryptocurrency."
	req := func(phase, user, answer string) *Request {
		r := &Request{Phase: phase, Subject: Subject{ID: "alice", Tenant: "acme"}, Resource: Resource{Model: "llama-3.1-8b-onprem"},
			Messages: []Message{{Role: "system", Content: system}, {Role: "user", Content: user}}}
		if phase == PhaseResponse {
			r.Response = &Response{Content: answer}
		}
		return r
	}
	for _, c := range []struct {
		name, phase, user, answer string
		want                      string
	}{
		{"on-topic question", PhasePrompt, "How do I link my bank account?", "", ""},
		{"restricted topic named", PhasePrompt, "Can I send cryptocurrency to a friend?", "", "use.restricted_topic:warn"},
		{"restricted topic by a family word", PhasePrompt, "Is now a good time to buy Bitcoin?", "", "use.restricted_topic:warn"},
		{"answer stays on topic", PhaseResponse, "Is now a good time to buy Bitcoin?", "I can only help with PayLoop payments and bank links.", ""},
		{"answer discusses it", PhaseResponse, "Is now a good time to buy Bitcoin?", "Bitcoin prices swing a lot; many buy in small amounts.", "output.restricted_topic:warn"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := e.Decide(ctx, req(c.phase, c.user, c.answer))
			if err != nil {
				t.Fatal(err)
			}
			if got := reasonEffects(d); got != c.want {
				t.Fatalf("reasons %q, want %q (%+v)", got, c.want, d.Reasons)
			}
			if c.want != "" {
				ev := d.Reasons[0].Evidence
				if len(ev) == 0 || ev[0].Type != "RESTRICTED_TOPIC" {
					t.Fatalf("evidence %+v", ev)
				}
			}
		})
	}

	// An author who wants the gateway to refuse sets the effect in data.
	b := defaultBundle(t)
	b.Data["parapet"].(map[string]any)["config"].(map[string]any)["scope"] = map[string]any{"prompt_effect": "deny", "response_effect": "deny"}
	p, err := Compile(ctx, "strict", b, CompileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	strict := New(Options{Analyzer: detectors.Default()})
	strict.Activate(p)
	d, err := strict.Decide(ctx, req(PhasePrompt, "Is now a good time to buy Bitcoin?", ""))
	if err != nil {
		t.Fatal(err)
	}
	if d.Effect != "deny" || d.Allow || reasonEffects(d) != "use.restricted_topic:deny" {
		t.Fatalf("strict policy: effect %s, reasons %q", d.Effect, reasonEffects(d))
	}
}

// Topics the policy rules out for every request (config.scope.topics):
// denied by default, whatever the system prompt, with the topic named.
func TestDeniedTopicsFromPolicyData(t *testing.T) {
	ctx := context.Background()
	b := defaultBundle(t)
	cfg := b.Data["parapet"].(map[string]any)["config"].(map[string]any)
	cfg["scope"] = map[string]any{"prompt_effect": "warn", "response_effect": "warn", "topics": []any{"politics", "medical advice"}, "topics_effect": "deny"}
	p, err := Compile(ctx, "topics", b, CompileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e := New(Options{Analyzer: detectors.Default()})
	e.Activate(p)
	req := func(phase, user, answer string) *Request {
		r := &Request{Phase: phase, Subject: Subject{ID: "alice", Tenant: "acme"}, Resource: Resource{Model: "llama-3.1-8b-onprem"},
			Messages: []Message{{Role: "user", Content: user}}}
		if phase == PhaseResponse {
			r.Response = &Response{Content: answer}
		}
		return r
	}
	d, err := e.Decide(ctx, req(PhasePrompt, "I have a fever, which pills should I take?", ""))
	if err != nil {
		t.Fatal(err)
	}
	if d.Effect != "deny" || len(d.Reasons) != 1 || d.Reasons[0].ID != "use.denied_topic" || !strings.Contains(d.Reasons[0].Message, "(medical advice)") {
		t.Fatalf("prompt: %s %+v", d.Effect, d.Reasons)
	}
	d, _ = e.Decide(ctx, req(PhasePrompt, "Where is my parcel?", ""))
	if d.Effect != "allow" {
		t.Fatalf("on-topic prompt: %s %+v", d.Effect, d.Reasons)
	}
	d, _ = e.Decide(ctx, req(PhaseResponse, "Any news?", "The senator won the election."))
	if d.Effect != "deny" || d.Reasons[0].ID != "output.denied_topic" {
		t.Fatalf("answer: %s %+v", d.Effect, d.Reasons)
	}

	// A malformed topics list is refused at compile time, naming the field.
	cfg["scope"] = map[string]any{"topics": []any{"politics", 7}}
	if _, err := Compile(ctx, "bad", b, CompileOptions{}); err == nil || !strings.Contains(err.Error(), "data.parapet.config.scope.topics[1]") {
		t.Fatalf("bad topics: %v", err)
	}
}

// Shadow evaluation of a candidate with another topics list: the live
// decision's facts were found without the candidate's topics, so with
// Reanalyze (the request still has its text) they are looked for again.
func TestDecideFactsLooksForACandidatesTopics(t *testing.T) {
	ctx := context.Background()
	live := New(Options{Analyzer: detectors.Default()})
	live.Activate(defaultPolicy(t))
	b := defaultBundle(t)
	b.Data["parapet"].(map[string]any)["config"].(map[string]any)["scope"] = map[string]any{"topics": []any{"gambling"}, "topics_effect": "deny"}
	p, err := Compile(ctx, "candidate", b, CompileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	shadow := New(Options{Analyzer: live.Analyzer()})
	shadow.Activate(p)
	req := &Request{Phase: PhasePrompt, Subject: Subject{ID: "alice", Tenant: "acme"}, Resource: Resource{Model: "llama-3.1-8b-onprem"},
		Messages: []Message{{Role: "user", Content: "What are the odds on tonight's game? I want to bet."}}}
	d, err := live.Decide(ctx, req)
	if err != nil || d.Effect != "allow" {
		t.Fatalf("live: %v %+v", err, d)
	}
	without, _ := shadow.DecideFacts(ctx, req, d.Facts(), FactsOptions{})
	with, _ := shadow.DecideFacts(ctx, req, d.Facts(), FactsOptions{Reanalyze: true})
	if without.Effect != "allow" {
		t.Errorf("without Reanalyze (replay): %s", without.Effect)
	}
	if with.Effect != "deny" || with.Reasons[0].ID != "use.denied_topic" {
		t.Errorf("with Reanalyze (shadow): %s %+v", with.Effect, with.Reasons)
	}
}
