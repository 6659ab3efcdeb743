package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/go-hclog"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown/print"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// DecisionQuery is the one query the engine evaluates.
const DecisionQuery = "data.parapet.main.decision"

// Reason ids of the engine's own fail-closed decisions.
const (
	ReasonNoBundle          = "parapet.no_bundle"
	ReasonUndefinedDecision = "parapet.undefined_decision"
	ReasonEvalError         = "parapet.eval_error"
	ReasonInvalidDecision   = "parapet.invalid_decision"
	ReasonAccessError       = "parapet.access_error"
)

// Policy is a compiled bundle, ready to evaluate. It is immutable.
type Policy struct {
	Name      string
	Revision  string
	Activated time.Time

	query rego.PreparedEvalQuery
	// optimised is false when partial evaluation failed and query is the
	// unoptimised one (prepare).
	optimised bool
	rbac      *rbac

	// For explain, tenant layers and usage (explain.go, layers.go,
	// usage.go): the compiled bundle, a traced query prepared on first use,
	// the tenant layers and the model prices.
	bundle  *bundle.Bundle
	opts    CompileOptions
	explain *lazyQuery
	layers  map[string]*Layer
	prices  map[string]Price
	// topics are data.parapet.config.scope.topics, for the scope
	// detector (analysis.Input.Topics).
	topics []string
}

// readTopics reads data.parapet.config.scope.topics: absent, or a list of
// non-empty strings.
func readTopics(data map[string]any) ([]string, error) {
	v := dig(data, "parapet", "config", "scope", "topics")
	if v == nil {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("data.parapet.config.scope.topics: want a list of strings, got %T", v)
	}
	out := make([]string, 0, len(list))
	for i, x := range list {
		s, ok := x.(string)
		if !ok || strings.TrimSpace(s) == "" {
			return nil, fmt.Errorf("data.parapet.config.scope.topics[%d]: want a non-empty string, got %v", i, x)
		}
		out = append(out, s)
	}
	return out, nil
}

// CompileOptions tune Compile.
type CompileOptions struct {
	// Logger receives the policy's print() output. Default: no output.
	Logger hclog.Logger
}

// Compile prepares a bundle for evaluation. Test files (_test.rego) should
// be left out by the loader; they compile but are dead weight here.
func Compile(ctx context.Context, name string, b *bundle.Bundle, opts CompileOptions) (*Policy, error) {
	if b == nil {
		return nil, errors.New("compiling bundle: no bundle")
	}
	log := opts.Logger
	if log == nil {
		log = hclog.NewNullLogger()
	}
	if b.Manifest.Roots == nil {
		b.Manifest.Init()
	}
	opts.Logger = log
	pq, optimised, err := prepare(ctx, name, b, opts, true)
	if err != nil {
		return nil, err
	}
	var spec any
	if p, ok := b.Data["parapet"].(map[string]any); ok {
		spec = p["rbac"]
	}
	rb, err := newRBAC(spec)
	if err != nil {
		return nil, fmt.Errorf("compiling bundle %q: %w", name, err)
	}
	topics, err := readTopics(b.Data)
	if err != nil {
		return nil, fmt.Errorf("compiling bundle %q: %w", name, err)
	}
	p := &Policy{Name: name, Revision: b.Manifest.Revision, Activated: time.Now(), query: pq, optimised: optimised, rbac: rb,
		bundle: b, opts: opts, prices: readPrices(b.Data), topics: topics}
	p.explain = newLazyQuery(name, b, opts)
	return p, nil
}

// prepare compiles b and prepares the decision query, type-checked against
// the input schema. With partial set, the query is partially evaluated
// ahead of time (fast, but its rules no longer match the source for
// tracing).
func prepare(ctx context.Context, name string, b *bundle.Bundle, opts CompileOptions, partial bool) (pq rego.PreparedEvalQuery, optimised bool, err error) {
	ss, err := inputSchemaSet()
	if err != nil {
		return rego.PreparedEvalQuery{}, false, err
	}
	ropts := []func(*rego.Rego){
		rego.Query(DecisionQuery),
		rego.ParsedBundle(name, b),
		// Keep data as AST values in the store: reads during evaluation then
		// skip a Go-to-AST conversion of the config on every decision.
		rego.StoreReadAST(true),
		rego.Schemas(ss),
		rego.EnablePrintStatements(true),
		rego.PrintHook(printHook{log: opts.Logger.Named("rego")}),
	}
	var popts []rego.PrepareOption
	if partial {
		// Rules that can have two values stay rules, so that a conflict
		// is still an evaluation error (partial.go).
		keep, skip := partialPlan(b)
		if skip != "" {
			opts.Logger.Info("bundle not partially evaluated; its decisions are evaluated as written (same decisions, slower)", "bundle", name, "reason", skip)
			return prepare(ctx, name, b, opts, false)
		}
		popts = append(popts, rego.WithPartialEval())
		ropts = append(ropts, rego.DisableInlining(keep))
	}
	pq, err = rego.New(ropts...).PrepareForEval(ctx, popts...)
	if err != nil && partial {
		// Partial evaluation can fail on a bundle that plain evaluation
		// takes (OPA 1.22 does, for example, when a rule collects reasons
		// whose head calls a function that builds a set). Such a bundle is
		// still valid: evaluate it unoptimised, which decides the same but
		// more slowly, and say so.
		plain, _, perr := prepare(ctx, name, b, opts, false)
		if perr != nil {
			return plain, false, perr
		}
		opts.Logger.Warn("partial evaluation of the bundle failed; its decisions are evaluated unoptimised (same decisions, slower)",
			"bundle", name, "error", err)
		return plain, false, nil
	}
	if err != nil {
		return pq, false, compileError(name, err)
	}
	return pq, partial, nil
}

// printHook sends Rego print() output to the log, with its location.
type printHook struct{ log hclog.Logger }

func (h printHook) Print(pc print.Context, msg string) error {
	loc := ""
	if pc.Location != nil {
		loc = pc.Location.String()
	}
	h.log.Info(msg, "location", loc)
	return nil
}

// Options configure an Engine.
type Options struct {
	Logger   hclog.Logger
	Analyzer *analysis.Analyzer
	Limits   Limits
	// Usage, when set, counts requests, tokens and cost per subject,
	// tenant and model and gives the totals to policy as input.usage.
	// Default: off (no input.usage).
	Usage *UsageOptions
}

// Engine decides requests against the active policy. It is safe for
// concurrent use; Activate swaps the policy atomically, so a request in
// flight finishes on the policy it started with.
type Engine struct {
	log      hclog.Logger
	analyzer *analysis.Analyzer
	limits   Limits
	usage    *UsageOptions
	policy   atomic.Pointer[Policy]
}

// New makes an engine with no policy: until Activate, every decision is a
// fail-closed deny.
func New(opts Options) *Engine {
	if opts.Logger == nil {
		opts.Logger = hclog.NewNullLogger()
	}
	if opts.Analyzer == nil {
		opts.Analyzer = analysis.NewAnalyzer()
	}
	return &Engine{log: opts.Logger, analyzer: opts.Analyzer, limits: opts.Limits.withDefaults(), usage: opts.Usage.withDefaults()}
}

// Activate makes p the policy for every later decision.
func (e *Engine) Activate(p *Policy) { e.policy.Store(p) }

// Policy returns the active policy, or nil.
func (e *Engine) Policy() *Policy { return e.policy.Load() }

// Analyzer returns the engine's analyzer.
func (e *Engine) Analyzer() *analysis.Analyzer { return e.analyzer }

// Limits returns the engine's request limits.
func (e *Engine) Limits() Limits { return e.limits }

// Decide validates req, resolves access, runs the detectors, evaluates the
// policy and applies its obligations. A request the engine refuses gives a
// *RequestError; every other failure gives a fail-closed deny decision,
// never an error.
func (e *Engine) Decide(ctx context.Context, req *Request) (*Decision, error) {
	return e.decide(ctx, req, nil)
}

// decide is Decide, with the rules that fire recorded in tr when it is set
// (Explain).
func (e *Engine) decide(ctx context.Context, req *Request, tr *explainTracer) (*Decision, error) {
	reserveStack(false)
	t0 := time.Now()
	if err := e.limits.Validate(req); err != nil {
		return nil, err
	}
	d := &Decision{DecisionID: newID()}
	t1 := time.Now()
	d.Timings.Validate = us(t1.Sub(t0))

	p := e.policy.Load()
	if p == nil {
		e.failClosed(d, ReasonNoBundle, "no policy bundle is active; denying by default")
		d.Timings.Total = us(time.Since(t0))
		return d, nil
	}
	d.Bundle = BundleInfo{Name: p.Name, Revision: p.Revision}

	acc, err := p.rbac.resolve(req.Subject, req.Subject.Tenant, req.Resource.Model, req.Resource.Endpoint)
	t2 := time.Now()
	d.Timings.Access = us(t2.Sub(t1))
	if err != nil {
		e.log.Error("resolving access", "decision_id", d.DecisionID, "error", err)
		e.failClosed(d, ReasonAccessError, "role resolution failed; denying by default")
		d.Timings.Total = us(time.Since(t0))
		return d, nil
	}

	in := &analysis.Input{Phase: req.Phase, Fields: Fields(req), Labels: req.Context.Labels, Topics: p.topics}
	an := e.analyzer.Analyze(ctx, in)
	t3 := time.Now()
	d.Timings.Analysis = us(t3.Sub(t2))
	d.Analysis = digest(an)
	d.facts = &Facts{Access: acc, Findings: an.Findings, Signals: an.Signals, Topics: p.topics}
	usage, call := e.reserveUsage(ctx, p, req, acc)
	d.facts.Usage = usage

	t4 := time.Now()
	e.evaluate(ctx, p, req, acc.Tenant, buildInput(req, acc, an, usage), d, tr)
	d.Timings.Eval = us(time.Since(t4))
	if call != nil && !d.Allow {
		e.releaseUsage(ctx, call)
	}
	d.Timings.Total = us(time.Since(t0))
	return d, nil
}

func (e *Engine) failClosed(d *Decision, id, msg string) {
	d.Effect = EffectDeny
	d.Allow = false
	d.FailClosed = true
	d.Reasons = []Reason{{
		ID: id, Effect: EffectDeny, Message: msg, Severity: "critical",
		Controls: []string{"PARAPET-FAIL-CLOSED"},
	}}
	d.Route, d.Obligations, d.Messages, d.Response = nil, nil, nil, nil
}

func us(d time.Duration) int64 { return d.Microseconds() }

func newID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}

func init() { uuid.EnableRandPool() }

func digest(an *analysis.Analysis) *AnalysisDigest {
	dg := &AnalysisDigest{}
	if len(an.Findings) > 0 {
		dg.Counts = make(map[string]int)
		for i := range an.Findings {
			dg.Counts[an.Findings[i].Type]++
		}
	}
	for i := range an.Signals {
		if s := &an.Signals[i]; s.Kind == "injection" && s.Score > dg.InjectionScore {
			dg.InjectionScore = round4(s.Score)
		}
	}
	return dg
}

// Fields lists the text fields of a request in a fixed order, as the
// detectors see them.
func Fields(req *Request) []analysis.Field {
	fields := make([]analysis.Field, 0, len(req.Messages)+len(req.Context.Documents)+2)
	for i := range req.Messages {
		m := &req.Messages[i]
		fields = append(fields, analysis.Field{Path: messagePath(i), Source: m.Role, Text: m.Content})
	}
	if req.Response != nil {
		fields = append(fields, analysis.Field{Path: "response.content", Source: "response", Text: req.Response.Content})
		if req.Response.Reasoning != "" {
			fields = append(fields, analysis.Field{Path: "response.reasoning", Source: "reasoning", Text: req.Response.Reasoning})
		}
	}
	for i := range req.Context.Documents {
		d := &req.Context.Documents[i]
		src := "document"
		if d.Source == "tool" {
			src = "tool"
		}
		fields = append(fields, analysis.Field{Path: documentPath(i), Source: src, Text: d.Text})
	}
	return fields
}

// Input returns the policy input the engine would evaluate for req: the
// request with input.access and input.analysis filled in. It is what
// `opa eval -i` or a _test.rego case needs to reproduce a decision.
func (e *Engine) Input(ctx context.Context, req *Request) (ast.Value, error) {
	if err := e.limits.Validate(req); err != nil {
		return nil, err
	}
	p := e.policy.Load()
	if p == nil {
		return nil, errors.New("no policy bundle is active")
	}
	acc, err := p.rbac.resolve(req.Subject, req.Subject.Tenant, req.Resource.Model, req.Resource.Endpoint)
	if err != nil {
		return nil, fmt.Errorf("resolving access: %w", err)
	}
	an := e.analyzer.Analyze(ctx, &analysis.Input{Phase: req.Phase, Fields: Fields(req), Labels: req.Context.Labels, Topics: p.topics})
	return buildInput(req, acc, an, e.peekUsage(ctx, p, req, acc)), nil
}
