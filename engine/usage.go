package engine

import (
	"context"
	"encoding/json"
	"math"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Usage counting: the engine counts each call's requests, tokens and cost
// per subject, tenant and model, and gives policy the totals in
// input.usage, so that Rego decides what a budget or a rate limit means
// ("deny above budget", "warn near it"). The counters live in a
// UsageStore: in memory (engine/usage.NewMemory) or in Redis
// (engine/usage.NewRedis) so that replicas share them.

// UsageStore keeps usage counters in fixed windows (the current minute,
// UTC day and UTC month). It must be safe for concurrent use.
type UsageStore interface {
	// Reserve adds c to every counter it belongs to, atomically, and
	// returns the totals including c. Concurrent callers see distinct
	// totals, so a budget holds across callers and replicas.
	Reserve(ctx context.Context, c UsageCall) (UsageTotals, error)
	// Release takes back a reservation whose call was refused.
	Release(ctx context.Context, c UsageCall) error
	// Peek returns the totals as Reserve would, without adding c.
	Peek(ctx context.Context, c UsageCall) (UsageTotals, error)
}

// UsageCall is one call's usage.
type UsageCall struct {
	Subject string
	Tenant  string
	Model   string
	// At picks the windows; Reserve and Release of one call use the same.
	At time.Time
	// Requests is 1 in the prompt phase and 0 in the response phase, so a
	// call counts once.
	Requests int64
	// Tokens of the prompt (prompt phase) or of the response and its
	// reasoning (response phase).
	Tokens int64
	// CostMicros is the cost in millionths of the price unit.
	CostMicros int64
}

// UsageCounter is one window's totals.
type UsageCounter struct {
	Requests int64 `json:"requests"`
	Tokens   int64 `json:"tokens"`
	// Cost is in the unit of the bundle's prices (e.g. US dollars).
	Cost float64 `json:"cost"`
}

// UsageWindows are a scope's totals in the current minute, UTC day and
// UTC month.
type UsageWindows struct {
	Minute UsageCounter `json:"minute"`
	Day    UsageCounter `json:"day"`
	Month  UsageCounter `json:"month"`
}

// UsageTotals is input.usage.
type UsageTotals struct {
	// Available is false when the store could not be reached; the counters
	// are then zero and policy decides (the default library's
	// config.budgets.on_unavailable).
	Available bool `json:"available"`
	// Request is this call's own tokens and cost.
	Request UsageCounter `json:"request"`
	// Subject is the subject's usage in its tenant, over all models.
	Subject UsageWindows `json:"subject"`
	// Tenant is the tenant's usage over all subjects and models.
	Tenant UsageWindows `json:"tenant"`
	// Model is the model's usage over all tenants.
	Model UsageWindows `json:"model"`
}

// UsageOptions turn usage counting on.
type UsageOptions struct {
	Store UsageStore
	// Tokens counts the tokens of a text for a model. Default: one token
	// per four bytes, rounded up; engine/usage.Tokens counts with
	// tiktoken's o200k_base encoding, offline.
	Tokens func(model, text string) int
}

func (o *UsageOptions) withDefaults() *UsageOptions {
	if o == nil || o.Store == nil {
		return nil
	}
	c := *o
	if c.Tokens == nil {
		c.Tokens = func(_, s string) int { return (len(s) + 3) / 4 }
	}
	return &c
}

// Price is what a model costs per million tokens, from the bundle's model
// catalogue: data.parapet.config.models[m].price =
// {"input_per_mtok": 2.5, "output_per_mtok": 10}. Models without one cost
// nothing; data.parapet.config.unknown_model.price prices models not in
// the catalogue.
type Price struct {
	InputPerMTok  float64
	OutputPerMTok float64
}

const unknownModelPrice = "\x00unknown"

func readPrices(data map[string]any) map[string]Price {
	cfg := dig(data, "parapet", "config")
	out := map[string]Price{}
	if models, ok := dig(cfg, "models").(map[string]any); ok {
		for name, m := range models {
			if p, ok := readPrice(dig(m, "price")); ok {
				out[name] = p
			}
		}
	}
	if p, ok := readPrice(dig(cfg, "unknown_model", "price")); ok {
		out[unknownModelPrice] = p
	}
	return out
}

func readPrice(v any) (Price, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return Price{}, false
	}
	in, _ := toFloat(m["input_per_mtok"])
	out, _ := toFloat(m["output_per_mtok"])
	return Price{InputPerMTok: in, OutputPerMTok: out}, in > 0 || out > 0
}

func dig(v any, path ...string) any {
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// usageCall measures req: its tokens, priced with p's catalogue.
func (e *Engine) usageCall(p *Policy, req *Request, acc Access) *UsageCall {
	c := &UsageCall{Subject: req.Subject.ID, Tenant: acc.Tenant, Model: req.Resource.Model, At: time.Now().UTC()}
	var tokens int
	perM := 0.0
	price, ok := p.prices[req.Resource.Model]
	if !ok {
		price = p.prices[unknownModelPrice]
	}
	if req.Phase == PhasePrompt {
		c.Requests = 1
		for i := range req.Messages {
			tokens += e.usage.Tokens(req.Resource.Model, req.Messages[i].Content)
		}
		for i := range req.Context.Documents {
			tokens += e.usage.Tokens(req.Resource.Model, req.Context.Documents[i].Text)
		}
		perM = price.InputPerMTok
	} else if req.Response != nil {
		tokens = e.usage.Tokens(req.Resource.Model, req.Response.Content) + e.usage.Tokens(req.Resource.Model, req.Response.Reasoning)
		perM = price.OutputPerMTok
	}
	c.Tokens = int64(tokens)
	// perM per million tokens, in micro units: tokens * perM.
	c.CostMicros = int64(math.Round(float64(tokens) * perM))
	return c
}

type peekKey struct{}

// PeekUsage marks decisions made with the returned context as not
// counting: input.usage still shows the totals with the call included,
// but nothing is added. A connector that decides the same response again
// and again as it streams uses it for every decision but the last, so
// that the response's tokens count once.
func PeekUsage(ctx context.Context) context.Context { return context.WithValue(ctx, peekKey{}, true) }

// reserveUsage counts req and returns the totals for input.usage, and the
// call to release if the decision refuses it. With usage off it returns
// nil, nil; with the store down, totals marked unavailable and no call.
func (e *Engine) reserveUsage(ctx context.Context, p *Policy, req *Request, acc Access) (*UsageTotals, *UsageCall) {
	if e.usage == nil {
		return nil, nil
	}
	if peek, _ := ctx.Value(peekKey{}).(bool); peek {
		return e.peekUsage(ctx, p, req, acc), nil
	}
	c := e.usageCall(p, req, acc)
	t, err := e.usage.Store.Reserve(ctx, *c)
	if err != nil {
		e.log.Error("usage store: reserving", "error", err)
		return unavailableUsage(c), nil
	}
	t.Available = true
	t.Request = UsageCounter{Tokens: c.Tokens, Cost: micros(c.CostMicros)}
	return &t, c
}

func (e *Engine) releaseUsage(ctx context.Context, c *UsageCall) {
	if err := e.usage.Store.Release(context.WithoutCancel(ctx), *c); err != nil {
		e.log.Error("usage store: releasing a refused call", "error", err)
	}
}

// peekUsage is reserveUsage without counting, for Input.
func (e *Engine) peekUsage(ctx context.Context, p *Policy, req *Request, acc Access) *UsageTotals {
	if e.usage == nil {
		return nil
	}
	c := e.usageCall(p, req, acc)
	t, err := e.usage.Store.Peek(ctx, *c)
	if err != nil {
		return unavailableUsage(c)
	}
	t.Available = true
	t.Request = UsageCounter{Tokens: c.Tokens, Cost: micros(c.CostMicros)}
	return &t
}

func unavailableUsage(c *UsageCall) *UsageTotals {
	return &UsageTotals{Request: UsageCounter{Tokens: c.Tokens, Cost: micros(c.CostMicros)}}
}

func micros(m int64) float64 { return float64(m) / 1e6 }

// MicrosToCost turns a store's micro-unit cost into the price unit.
func MicrosToCost(m int64) float64 { return micros(m) }

func (c UsageCounter) term() *ast.Term {
	return ast.ObjectTerm(
		item("requests", ast.IntNumberTerm(int(c.Requests))),
		item("tokens", ast.IntNumberTerm(int(c.Tokens))),
		item("cost", ast.FloatNumberTerm(c.Cost)),
	)
}

func (w UsageWindows) term() *ast.Term {
	return ast.ObjectTerm(
		item("minute", w.Minute.term()),
		item("day", w.Day.term()),
		item("month", w.Month.term()),
	)
}

func (u *UsageTotals) term() *ast.Term {
	return ast.ObjectTerm(
		item("available", ast.BooleanTerm(u.Available)),
		item("request", ast.ObjectTerm(
			item("tokens", ast.IntNumberTerm(int(u.Request.Tokens))),
			item("cost", ast.FloatNumberTerm(u.Request.Cost)),
		)),
		item("subject", u.Subject.term()),
		item("tenant", u.Tenant.term()),
		item("model", u.Model.term()),
	)
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}
