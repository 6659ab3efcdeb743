package sdk

import (
	"context"
	"fmt"

	"github.com/parapet-dev/parapet/engine"
)

// ModelCall is what the guarded function sends to the model: the
// messages as the policy left them (placeholders instead of redacted
// values) and the model it routed to.
type ModelCall struct {
	// Model is the model to call: the request's, or the route's.
	Model string
	// Upstream is set when the policy routes the call to another upstream.
	Upstream string
	// Messages are the messages to send.
	Messages []Message
	// Prompt is the prompt decision.
	Prompt *Decision
}

// ModelFunc calls the model once and returns its answer.
type ModelFunc func(ctx context.Context, call *ModelCall) (*Response, error)

// Result is a guarded call that went ahead.
type Result struct {
	// Content is the answer to show: redacted where the response check
	// redacted, reasoning blocks stripped when the policy says so, and the
	// prompt's redacted values restored.
	Content string
	// Reasoning is the model's reasoning, "" when stripped.
	Reasoning string
	// Model is the model that was called.
	Model string
	// Prompt and Response are the two decisions (Response is nil when
	// the guard skips the response check).
	Prompt, Response *Decision
	// Notices are the decisions' notices for the user.
	Notices []string
}

// Warnings lists the reasons of both decisions whose effect is warn.
func (r *Result) Warnings() []Reason {
	var out []Reason
	for _, d := range []*Decision{r.Prompt, r.Response} {
		if d == nil {
			continue
		}
		for _, rs := range d.Reasons {
			if rs.Effect == EffectWarn {
				out = append(out, rs)
			}
		}
	}
	return out
}

// Guard wraps model calls in Parapet's checks: the prompt is decided, the
// model is called with the redacted or rerouted request, the answer is
// decided, and the prompt's redacted values are restored in it. A refusal
// at either step is a *DeniedError naming the step.
type Guard struct {
	decider Decider
	// SkipResponseCheck skips the second decision (for models whose
	// answers need no checking). Default false.
	SkipResponseCheck bool
}

// NewGuard makes a guard deciding with d (a Client or an Embedded).
func NewGuard(d Decider) *Guard { return &Guard{decider: d} }

// Do runs one guarded call of the model for req (phase prompt; its
// Messages are the prompt).
func (g *Guard) Do(ctx context.Context, req *Request, call ModelFunc) (*Result, error) {
	pr := *req
	pr.Phase = PhasePrompt
	prompt, err := g.decider.Decide(ctx, &pr)
	if err != nil {
		return nil, fmt.Errorf("parapet: checking the prompt: %w", err)
	}
	if !prompt.Allow {
		return nil, &DeniedError{Step: StepPrompt, Decision: prompt}
	}
	mc := &ModelCall{Model: req.Resource.Model, Messages: req.Messages, Prompt: prompt}
	if len(prompt.Messages) > 0 {
		mc.Messages = prompt.Messages
	}
	if rt := prompt.Route; rt != nil {
		if rt.Model != "" {
			mc.Model = rt.Model
		}
		mc.Upstream = rt.Upstream
	}
	resp, err := call(ctx, mc)
	if err != nil {
		return nil, err
	}
	if resp == nil {
		resp = &Response{}
	}
	res := &Result{Model: mc.Model, Prompt: prompt, Content: resp.Content, Reasoning: resp.Reasoning}
	strip := prompt.Obligations != nil && prompt.Obligations.StripReasoning
	if !g.SkipResponseCheck {
		rr := *req
		rr.Phase = PhaseResponse
		rr.Resource.Model = mc.Model
		rr.Messages = mc.Messages
		rr.Response = resp
		if prompt.Obligations != nil && prompt.Obligations.Canary != "" {
			// The canary planted in the system prompt: the response
			// check looks for it.
			labels := make(map[string]string, len(req.Context.Labels)+1)
			for k, v := range req.Context.Labels {
				labels[k] = v
			}
			labels["canary"] = prompt.Obligations.Canary
			rr.Context.Labels = labels
		}
		d, err := g.decider.Decide(ctx, &rr)
		if err != nil {
			return nil, fmt.Errorf("parapet: checking the response: %w", err)
		}
		res.Response = d
		if !d.Allow {
			return nil, &DeniedError{Step: StepResponse, Decision: d}
		}
		if d.Response != nil {
			res.Content, res.Reasoning = d.Response.Content, d.Response.Reasoning
		}
		strip = strip || (d.Obligations != nil && d.Obligations.StripReasoning)
	}
	if strip {
		res.Reasoning = ""
		res.Content = engine.StripThink(res.Content)
	}
	if prompt.Obligations != nil && prompt.Obligations.Restore {
		ph := Placeholders(req, prompt)
		res.Content = Restore(res.Content, ph)
		res.Reasoning = Restore(res.Reasoning, ph)
	}
	for _, d := range []*Decision{prompt, res.Response} {
		if d != nil && d.Obligations != nil && d.Obligations.Notice != "" {
			res.Notices = append(res.Notices, d.Obligations.Notice)
		}
	}
	return res, nil
}
