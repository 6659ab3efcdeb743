package engine

import (
	"crypto/rand"
	"encoding/hex"
)

// CanaryPrefix starts every canary token the engine plants.
const CanaryPrefix = "pc-"

// NewCanary returns a fresh canary token: CanaryPrefix and 16 random hex
// digits, long enough that a model cannot produce it by chance and that
// the leakage detector can match a variant with one character changed.
func NewCanary() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return CanaryPrefix + hex.EncodeToString(b[:])
}

// CanaryLine is what plantCanary appends to the system prompt: an HTML
// comment, which models repeat verbatim when they dump their instructions
// and otherwise leave alone. It goes at the end so that the prompt's
// prefix, which providers cache, stays the same.
func CanaryLine(token string) string { return "\n\n<!-- " + token + " -->" }

// plantCanary appends a fresh canary to the first system or developer
// message of the messages the connector will send (d.Messages, made from
// the request's when the policy did not redact), and records the token in
// the obligations. A request without such a message gets none: there is
// no system prompt to protect.
func plantCanary(req *Request, d *Decision) {
	msgs := d.Messages
	if msgs == nil {
		msgs = req.Messages
	}
	for i := range msgs {
		if msgs[i].Role != "system" && msgs[i].Role != "developer" {
			continue
		}
		if d.Messages == nil {
			d.Messages = make([]Message, len(req.Messages))
			copy(d.Messages, req.Messages)
		}
		token := NewCanary()
		d.Messages[i].Content += CanaryLine(token)
		if d.Obligations == nil {
			d.Obligations = &Obligations{}
		}
		d.Obligations.Canary = token
		return
	}
}
