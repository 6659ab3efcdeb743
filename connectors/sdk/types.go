package sdk

import (
	"context"

	"github.com/parapet-dev/parapet/engine"
)

// The request and decision are the engine's own types: the JSON of
// POST /v1/decide (docs/api.md).
type (
	Request     = engine.Request
	Subject     = engine.Subject
	Resource    = engine.Resource
	Message     = engine.Message
	Response    = engine.Response
	Context     = engine.Context
	Document    = engine.Document
	Attachment  = engine.Attachment
	Decision    = engine.Decision
	Reason      = engine.Reason
	Evidence    = engine.Evidence
	Route       = engine.Route
	Obligations = engine.Obligations
	BundleInfo  = engine.BundleInfo
)

// Phases and effects.
const (
	PhasePrompt   = engine.PhasePrompt
	PhaseResponse = engine.PhaseResponse

	EffectAllow  = engine.EffectAllow
	EffectWarn   = engine.EffectWarn
	EffectRedact = engine.EffectRedact
	EffectReview = engine.EffectReview
	EffectDeny   = engine.EffectDeny
)

// Decider decides one request. Client and Embedded implement it; so can a
// test double.
type Decider interface {
	Decide(ctx context.Context, req *Request) (*Decision, error)
}

var (
	_ Decider = (*Client)(nil)
	_ Decider = (*Embedded)(nil)
)
