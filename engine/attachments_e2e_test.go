package engine

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/detectors"
)

// Attachments (images, files …) reach the policy as input.attachments; the
// default library warns that they went unchecked, and a request that
// describes one badly is refused with the field named.
func TestAttachmentsReachThePolicy(t *testing.T) {
	e := New(Options{Analyzer: detectors.Default()})
	e.Activate(defaultPolicy(t))
	ctx := context.Background()
	req := &Request{Phase: PhasePrompt, Subject: Subject{ID: "alice", Tenant: "acme"},
		Resource: Resource{Model: "gpt-4o"}, Messages: []Message{{Role: "user", Content: "what does this chart show?"}},
		Attachments: []Attachment{{Type: "image", Field: "messages[0].content[1]", MediaType: "image/png", Source: "inline", Bytes: 2048}}}
	d, err := e.Decide(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if d.Effect != EffectWarn || reasonEffects(d) != "data.unchecked_attachment:warn" {
		t.Fatalf("effect %s, reasons %s", d.Effect, reasonEffects(d))
	}
	if msg := d.Reasons[0].Message; !strings.Contains(msg, "image (image/png)") {
		t.Fatalf("message %q", msg)
	}
	if ev := d.Reasons[0].Evidence; len(ev) != 1 || ev[0].Field != "attachments[0]" {
		t.Fatalf("evidence %+v", ev)
	}
	// Without the attachment the same prompt is allowed.
	req.Attachments = nil
	if d, err := e.Decide(ctx, req); err != nil || d.Effect != EffectAllow {
		t.Fatalf("no attachment: %v %s %s", err, d.Effect, reasonEffects(d))
	}

	for _, c := range []struct {
		att   Attachment
		field string
	}{
		{Attachment{}, "attachments[0].type"},
		{Attachment{Type: "pdf"}, "attachments[0].type"},
		{Attachment{Type: "file", Source: "s3"}, "attachments[0].source"},
		{Attachment{Type: "file", Bytes: -1}, "attachments[0].bytes"},
	} {
		req.Attachments = []Attachment{c.att}
		_, err := e.Decide(ctx, req)
		var re *RequestError
		if !errors.As(err, &re) || re.Field != c.field {
			t.Fatalf("%+v: want an error naming %s, got %v", c.att, c.field, err)
		}
	}
	if _, err := DecodeRequest([]byte(`{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"}],"attachments":[{"type":"image","url":"https://x"}]}`)); err == nil || !strings.Contains(err.Error(), "attachments[0].url") {
		t.Fatalf("unknown attachment field: %v", err)
	}
	r, err := DecodeRequest([]byte(`{"phase":"prompt","subject":{"id":"a"},"resource":{"model":"m"},"messages":[{"role":"user","content":"x"}],"attachments":[{"type":"audio","media_type":"audio/wav","source":"inline","bytes":10}]}`))
	if err != nil || len(r.Attachments) != 1 || r.Attachments[0].Type != "audio" {
		t.Fatalf("decode: %v %+v", err, r)
	}
}
