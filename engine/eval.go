package engine

import (
	"context"
	"slices"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/metrics"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// evaluate runs p's decision query on input, then the tenant's layer when
// p has one for it (see layers.go), fills d and applies the obligations.
// With tr set, it evaluates the unoptimised queries and records the rules
// that fire.
func (e *Engine) evaluate(ctx context.Context, p *Policy, req *Request, tenant string, input ast.Value, d *Decision, tr *explainTracer) {
	q := p.query
	if tr != nil {
		var err error
		if q, err = p.explain.get(); err != nil {
			e.log.Error("preparing the traced query", "decision_id", d.DecisionID, "bundle", p.Name, "error", err)
			e.failClosed(d, ReasonEvalError, "policy evaluation failed; denying by default")
			return
		}
		tr.layer = ""
	}
	if !e.evalInto(ctx, p.Name, q, input, d, tr) {
		return
	}
	l := p.layers[tenant]
	if l == nil {
		applyObligations(req, d)
		return
	}
	lq := l.query
	if tr != nil {
		var err error
		if lq, err = l.explain.get(); err != nil {
			e.log.Error("preparing the traced query", "decision_id", d.DecisionID, "bundle", l.Name, "error", err)
			e.failClosed(d, ReasonEvalError, "policy evaluation failed; denying by default")
			return
		}
		tr.layer = tenant
	}
	ld := &Decision{DecisionID: d.DecisionID}
	if !e.evalInto(ctx, l.Name, lq, input, ld, tr) {
		// A broken tenant layer fails its tenant's requests closed.
		e.failClosed(d, ld.Reasons[0].ID, ld.Reasons[0].Message+" (tenant layer "+l.Name+")")
		return
	}
	if kept := mergeLayer(d, ld); len(kept) > 0 {
		l.kept.Add(int64(len(kept)))
		e.log.Warn("tenant layer dropped or weakened base reasons; kept them", "decision_id", d.DecisionID, "tenant", tenant, "layer", l.Name, "reasons", kept)
	}
	applyObligations(req, d)
}

// evalInto evaluates one prepared query and reads its decision into d. It
// reports false when d failed closed.
func (e *Engine) evalInto(ctx context.Context, name string, q rego.PreparedEvalQuery, input ast.Value, d *Decision, tr *explainTracer) bool {
	// OPA would start a goroutine per evaluation to watch ctx for
	// cancellation (and wake another thread to run it); a callback on ctx
	// does the same without one. Metrics are not read, so not kept.
	cancel := topdown.NewCancel()
	stop := context.AfterFunc(ctx, cancel.Cancel)
	defer stop()
	opts := make([]rego.EvalOption, 0, 4)
	opts = append(opts, rego.EvalParsedInput(input), rego.EvalExternalCancel(cancel), rego.EvalMetrics(noMetrics))
	if tr != nil {
		opts = append(opts, rego.EvalQueryTracer(tr))
	}
	rs, err := q.Eval(ctx, opts...)
	switch {
	case err != nil:
		e.log.Error("evaluating policy", "decision_id", d.DecisionID, "bundle", name, "error", err)
		e.failClosed(d, ReasonEvalError, "policy evaluation failed; denying by default")
	case len(rs) == 0 || len(rs[0].Expressions) == 0:
		e.failClosed(d, ReasonUndefinedDecision, DecisionQuery+" is undefined for this input; denying by default")
	default:
		if err := readDecision(rs[0].Expressions[0].Value, d); err != nil {
			e.log.Error("reading policy decision", "decision_id", d.DecisionID, "bundle", name, "error", err)
			e.failClosed(d, ReasonInvalidDecision, "the policy's decision is malformed ("+err.Error()+"); denying by default")
		}
	}
	return !d.FailClosed
}

// noMetrics is the evaluations' metrics: nobody reads them.
var noMetrics = metrics.NoOp()

// lazyQuery is a query prepared on first use: the unoptimised one that
// explain traces, which most policies never need.
type lazyQuery struct {
	once  sync.Once
	build func() (rego.PreparedEvalQuery, error)
	pq    rego.PreparedEvalQuery
	err   error
}

func newLazyQuery(name string, b *bundle.Bundle, opts CompileOptions) *lazyQuery {
	return &lazyQuery{build: func() (rego.PreparedEvalQuery, error) {
		pq, _, err := prepare(context.Background(), name, b, opts, false)
		return pq, err
	}}
}

func (l *lazyQuery) get() (rego.PreparedEvalQuery, error) {
	l.once.Do(func() { l.pq, l.err = l.build() })
	return l.pq, l.err
}

// FactsOptions tune DecideFacts.
type FactsOptions struct {
	// KeepAccess uses the access result in the facts as it is. By default
	// access is resolved again with the policy's own roles, so that a
	// bundle that changes roles is judged on them.
	KeepAccess bool
	// Reanalyze says the request still carries its text (a live request,
	// for shadow evaluation). When the policy's denied topics
	// (config.scope.topics) differ from those the facts were found with,
	// the detectors run again with the policy's topics, so that a
	// candidate's new topics list is judged on live traffic. Replay, whose
	// requests are rebuilt without their text, leaves it unset.
	Reanalyze bool
}

// DecideFacts decides req on the active policy with facts computed
// earlier, instead of running the detectors: by this process for a live
// decision (shadow evaluation), or read back from a decision log
// (replay). Usage is not counted again: the facts' usage goes to
// input.usage as it was. Like Decide, only a request the engine refuses
// is an error.
func (e *Engine) DecideFacts(ctx context.Context, req *Request, f *Facts, opts FactsOptions) (*Decision, error) {
	if f == nil {
		f = &Facts{}
	}
	if err := e.limits.Validate(req); err != nil {
		return nil, err
	}
	d := &Decision{DecisionID: newID()}
	p := e.policy.Load()
	if p == nil {
		e.failClosed(d, ReasonNoBundle, "no policy bundle is active; denying by default")
		return d, nil
	}
	d.Bundle = BundleInfo{Name: p.Name, Revision: p.Revision}
	acc := f.Access
	if !opts.KeepAccess {
		var err error
		if acc, err = p.rbac.resolve(req.Subject, req.Subject.Tenant, req.Resource.Model, req.Resource.Endpoint); err != nil {
			e.log.Error("resolving access", "decision_id", d.DecisionID, "error", err)
			e.failClosed(d, ReasonAccessError, "role resolution failed; denying by default")
			return d, nil
		}
	}
	an := &analysis.Analysis{Findings: f.Findings, Signals: f.Signals}
	if opts.Reanalyze && !slices.Equal(f.Topics, p.topics) {
		an = e.analyzer.Analyze(ctx, &analysis.Input{Phase: req.Phase, Fields: Fields(req), Labels: req.Context.Labels, Topics: p.topics})
	}
	d.Analysis = digest(an)
	d.facts = &Facts{Access: acc, Findings: an.Findings, Signals: an.Signals, Usage: f.Usage, Topics: p.topics}
	e.evaluate(ctx, p, req, acc.Tenant, buildInput(req, acc, an, f.Usage), d, nil)
	return d, nil
}
