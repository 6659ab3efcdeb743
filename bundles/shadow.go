package bundles

import (
	"context"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/parapet-dev/parapet/engine"
)

// Shadow mode: a candidate bundle is evaluated beside the active one on
// live traffic and never enforced. Each live decision is queued (never
// waited on) and decided again on the shadow policy from the same facts
// (access, findings, usage: the detectors do not run twice); where the
// two differ, the disagreement is logged with both decisions, counted by
// reason, and handed to Options.OnDisagreement.

// ReasonSummary is a reason without its message and evidence.
type ReasonSummary struct {
	ID     string `json:"id"`
	Effect string `json:"effect"`
}

// DecisionSummary is a decision without request text: what a
// disagreement or a replay diff shows of each side.
type DecisionSummary struct {
	Bundle  engine.BundleInfo `json:"bundle"`
	Effect  string            `json:"effect"`
	Reasons []ReasonSummary   `json:"reasons"`
	Route   *engine.Route     `json:"route,omitempty"`
}

// Summarize strips a decision to its summary.
func Summarize(d *engine.Decision) DecisionSummary {
	s := DecisionSummary{Bundle: d.Bundle, Effect: d.Effect, Route: d.Route, Reasons: make([]ReasonSummary, len(d.Reasons))}
	for i, r := range d.Reasons {
		s.Reasons[i] = ReasonSummary{ID: r.ID, Effect: r.Effect}
	}
	return s
}

// Diff is how two decisions on the same request differ.
type Diff struct {
	// Added are reasons only the new (shadow, candidate) decision gives;
	// Removed only the old (active, logged) one; Changed both, with
	// another effect.
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
	Changed []string `json:"changed,omitempty"`
	// EffectChanged is set when the decisions' effects differ.
	EffectChanged bool `json:"effect_changed,omitempty"`
	// RouteChanged is set when they route differently.
	RouteChanged bool `json:"route_changed,omitempty"`
}

// Empty reports whether the decisions agree.
func (d Diff) Empty() bool {
	return len(d.Added) == 0 && len(d.Removed) == 0 && len(d.Changed) == 0 && !d.EffectChanged && !d.RouteChanged
}

// Compare says how the new decision differs from the old.
func Compare(old, new DecisionSummary) Diff {
	o, n := effects(old.Reasons), effects(new.Reasons)
	var d Diff
	for id, e := range n {
		if oe, ok := o[id]; !ok {
			d.Added = append(d.Added, id)
		} else if oe != e {
			d.Changed = append(d.Changed, id)
		}
	}
	for id := range o {
		if _, ok := n[id]; !ok {
			d.Removed = append(d.Removed, id)
		}
	}
	sort.Strings(d.Added)
	sort.Strings(d.Removed)
	sort.Strings(d.Changed)
	d.EffectChanged = old.Effect != new.Effect
	d.RouteChanged = routeOf(old.Route) != routeOf(new.Route)
	return d
}

func routeOf(r *engine.Route) string {
	if r == nil {
		return ""
	}
	return r.Model + "\x00" + r.Upstream
}

// effects maps each reason id to its strongest effect.
func effects(rs []ReasonSummary) map[string]string {
	m := make(map[string]string, len(rs))
	for _, r := range rs {
		if e, ok := m[r.ID]; !ok || engine.Stronger(r.Effect, e) {
			m[r.ID] = r.Effect
		}
	}
	return m
}

// Disagreement is a live decision the shadow bundle decides otherwise.
type Disagreement struct {
	DecisionID string          `json:"decision_id"`
	Subject    string          `json:"subject"`
	Tenant     string          `json:"tenant"`
	Model      string          `json:"model"`
	Phase      string          `json:"phase"`
	Active     DecisionSummary `json:"active"`
	Shadow     DecisionSummary `json:"shadow"`
	Diff
}

// ShadowStatus is what /v1/bundles shows of shadow mode.
type ShadowStatus struct {
	Active        bool   `json:"active"`
	Revision      string `json:"revision,omitempty"`
	Evaluated     int64  `json:"evaluated"`
	Disagreements int64  `json:"disagreements"`
	Dropped       int64  `json:"dropped"`
}

type shadowJob struct {
	ctx context.Context
	req engine.Request
	d   DecisionSummary
	id  string
	f   *engine.Facts
}

type shadowRunner struct {
	m    *Manager
	eng  *engine.Engine
	base *engine.Policy
	q    chan shadowJob
	done chan struct{}
	once sync.Once

	pending                           sync.WaitGroup
	evaluated, disagreements, dropped atomic.Int64

	// closeMu makes Shadow and stop exclusive, so that a decision hook
	// still running during shutdown never sends on the closed queue.
	closeMu sync.RWMutex
	closed  bool
}

func newShadowRunner(m *Manager, active *engine.Engine, queue int) *shadowRunner {
	if queue <= 0 {
		queue = 1024
	}
	return &shadowRunner{
		m:    m,
		eng:  engine.New(engine.Options{Logger: m.log.Named("shadow"), Limits: active.Limits(), Analyzer: active.Analyzer()}),
		q:    make(chan shadowJob, queue),
		done: make(chan struct{}),
	}
}

// activate makes p (with the tenants' layers, where they fit) the shadow
// policy. Called with the manager's lock held.
func (r *shadowRunner) activate(ctx context.Context, p *engine.Policy, tenants map[string]engine.TenantBundle, co CheckOptions) {
	r.base = p
	r.relayer(ctx, tenants, co)
}

// relayer compiles the tenants' layers on the shadow base. A layer that
// does not fit is left out of the shadow (and logged): shadow mode never
// blocks anything.
func (r *shadowRunner) relayer(ctx context.Context, tenants map[string]engine.TenantBundle, co CheckOptions) {
	if r.base == nil {
		return
	}
	co.NoProbe, co.RunTests = true, false
	var layers []*engine.Layer
	for t, tb := range tenants {
		l, err := CheckLayer(ctx, r.base, tb, co)
		if err != nil {
			r.m.log.Warn("tenant layer left out of the shadow policy", "tenant", t, "error", err)
			continue
		}
		layers = append(layers, l)
	}
	p, err := r.base.WithLayers(layers...)
	if err != nil {
		r.m.log.Warn("shadow layers", "error", err)
		p = r.base
	}
	r.eng.Activate(p)
}

func (r *shadowRunner) start() { go r.run() }

func (r *shadowRunner) stop() {
	r.once.Do(func() {
		r.closeMu.Lock()
		r.closed = true
		close(r.q)
		r.closeMu.Unlock()
	})
	<-r.done
}

func (r *shadowRunner) run() {
	defer close(r.done)
	for j := range r.q {
		r.evaluate(j)
		r.pending.Done()
	}
}

// Shadow queues a live decision for evaluation on the shadow bundle; it
// never blocks. Call it with every decision the active policy made (the
// API's OnDecision hook, the proxy's). Without a shadow bundle it does
// nothing.
func (m *Manager) Shadow(ctx context.Context, req *engine.Request, d *engine.Decision) {
	r := m.shadow
	if r == nil || req == nil || d == nil || d.Facts() == nil || r.eng.Policy() == nil {
		return
	}
	j := shadowJob{ctx: context.WithoutCancel(ctx), req: copyRequest(req), d: Summarize(d), id: d.DecisionID, f: d.Facts()}
	r.closeMu.RLock()
	defer r.closeMu.RUnlock()
	if r.closed {
		return
	}
	r.pending.Add(1)
	select {
	case r.q <- j:
	default:
		r.pending.Done()
		r.dropped.Add(1)
		m.metrics.shadow.WithLabelValues("dropped").Inc()
	}
}

// copyRequest copies what a connector might change after the decision:
// the slices and the response. Strings are immutable.
func copyRequest(req *engine.Request) engine.Request {
	c := *req
	c.Subject.Roles = append([]string(nil), req.Subject.Roles...)
	c.Messages = append([]engine.Message(nil), req.Messages...)
	c.Context.Documents = append([]engine.Document(nil), req.Context.Documents...)
	if req.Response != nil {
		r := *req.Response
		c.Response = &r
	}
	return c
}

func (r *shadowRunner) evaluate(j shadowJob) {
	// The request is the live one, text included: a candidate with other
	// denied topics has them looked for (FactsOptions.Reanalyze).
	d, err := r.eng.DecideFacts(j.ctx, &j.req, j.f, engine.FactsOptions{Reanalyze: true})
	if err != nil {
		r.m.metrics.shadow.WithLabelValues("error").Inc()
		r.m.log.Warn("shadow evaluation refused the request", "decision_id", j.id, "error", err)
		return
	}
	r.evaluated.Add(1)
	shadow := Summarize(d)
	diff := Compare(j.d, shadow)
	if diff.Empty() {
		r.m.metrics.shadow.WithLabelValues("agree").Inc()
		return
	}
	r.disagreements.Add(1)
	r.m.metrics.shadow.WithLabelValues("disagree").Inc()
	for _, id := range diff.Added {
		r.m.metrics.disagreement.WithLabelValues(id, "added").Inc()
	}
	for _, id := range diff.Removed {
		r.m.metrics.disagreement.WithLabelValues(id, "removed").Inc()
	}
	for _, id := range diff.Changed {
		r.m.metrics.disagreement.WithLabelValues(id, "effect").Inc()
	}
	if diff.EffectChanged && len(diff.Added)+len(diff.Removed)+len(diff.Changed) == 0 {
		r.m.metrics.disagreement.WithLabelValues("", "effect").Inc()
	}
	dis := Disagreement{DecisionID: j.id, Subject: j.req.Subject.ID, Tenant: j.req.Subject.Tenant, Model: j.req.Resource.Model,
		Phase: j.req.Phase, Active: j.d, Shadow: shadow, Diff: diff}
	r.m.log.Info("shadow bundle disagrees", "decision_id", j.id, "subject", dis.Subject, "tenant", dis.Tenant, "model", dis.Model,
		"active_bundle", j.d.Bundle.Revision, "active_effect", j.d.Effect, "active_reasons", ids(j.d.Reasons),
		"shadow_bundle", shadow.Bundle.Revision, "shadow_effect", shadow.Effect, "shadow_reasons", ids(shadow.Reasons),
		"added", diff.Added, "removed", diff.Removed, "changed", diff.Changed)
	if r.m.opts.OnDisagreement != nil {
		r.m.opts.OnDisagreement(j.ctx, dis)
	}
}

func ids(rs []ReasonSummary) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

func (r *shadowRunner) status() *ShadowStatus {
	st := &ShadowStatus{Evaluated: r.evaluated.Load(), Disagreements: r.disagreements.Load(), Dropped: r.dropped.Load()}
	if p := r.eng.Policy(); p != nil {
		st.Active, st.Revision = true, p.Revision
	}
	return st
}

// WaitShadow blocks until every queued decision has been evaluated on
// the shadow bundle, or ctx ends (for tests and orderly shutdown).
func (m *Manager) WaitShadow(ctx context.Context) error {
	if m.shadow == nil {
		return nil
	}
	done := make(chan struct{})
	go func() {
		m.shadow.pending.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
