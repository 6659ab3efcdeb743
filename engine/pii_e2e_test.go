package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/detectors"
)

// The default library deciding on personal data written in other scripts:
// a Chinese name and a national mobile number, a Japanese name and
// address, a Korean name and mobile number are replaced with placeholders
// before a cloud model sees them.
func TestPersonalDataInOtherScriptsIsRedacted(t *testing.T) {
	e := New(Options{Analyzer: detectors.Default()})
	e.Activate(defaultPolicy(t))
	ctx := context.Background()
	for _, c := range []struct {
		name, text string
		values     []string
		types      []string
	}{
		{"chinese", "您好，我是王伟，电话 138 0013 8000，请回电。", []string{"王伟", "138 0013 8000"}, []string{"PERSON", "PHONE_NUMBER"}},
		{"japanese", "お届け先：〒100-0005 東京都千代田区丸の内1-1-1 佐藤花子 様", []string{"〒100-0005 東京都千代田区丸の内1-1-1", "佐藤花子"}, []string{"STREET_ADDRESS", "PERSON"}},
		{"korean", "김민준 님, 배송 문의는 010-1234-5678로 주세요.", []string{"김민준", "010-1234-5678"}, []string{"PERSON", "PHONE_NUMBER"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := e.Decide(ctx, &Request{Phase: PhasePrompt, Subject: Subject{ID: "alice", Tenant: "acme"},
				Resource: Resource{Model: "gpt-4o"}, Messages: []Message{{Role: "user", Content: c.text}}})
			if err != nil {
				t.Fatal(err)
			}
			if d.Effect != EffectRedact || len(d.Messages) != 1 {
				t.Fatalf("effect %s, reasons %s", d.Effect, reasonEffects(d))
			}
			got := d.Messages[0].Content
			for _, v := range c.values {
				if strings.Contains(got, v) {
					t.Errorf("%q still in the redacted prompt %q", v, got)
				}
			}
			for _, typ := range c.types {
				if !strings.Contains(got, "<"+typ+"_1>") {
					t.Errorf("no %s placeholder in %q", typ, got)
				}
			}
		})
	}
}

// A password the answer repeats is evidence everywhere it stands: the
// secrets detector reports every copy of a value it found once (a policy
// that redacts secrets leaves no second copy), and a PIN stated after its
// name is a secret too. The default library denies the answer and points
// at all three.
func TestRepeatedSecretIsEvidenceEverywhere(t *testing.T) {
	e := New(Options{Analyzer: detectors.Default()})
	e.Activate(defaultPolicy(t))
	pw := "Harbor" + "-Orbit58"
	text := "They set the password to " + pw + ", and " + pw + " also sits on a sticky note. Your card PIN is 4827."
	d, err := e.Decide(context.Background(), &Request{Phase: PhaseResponse, Subject: Subject{ID: "alice", Tenant: "acme"},
		Resource: Resource{Model: "gpt-4o"}, Messages: []Message{{Role: "user", Content: "what did the helpdesk say?"}},
		Response: &Response{Content: text}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Effect != EffectDeny {
		t.Fatalf("effect %s, reasons %s", d.Effect, reasonEffects(d))
	}
	covered := map[string]int{}
	for _, r := range d.Reasons {
		for _, ev := range r.Evidence {
			if ev.Field == "response.content" {
				covered[string([]rune(text)[ev.Start:ev.End])]++
			}
		}
	}
	if covered[pw] != 2 || covered["4827"] != 1 {
		t.Fatalf("evidence %v: want both copies of the password and the PIN", covered)
	}
}
