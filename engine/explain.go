package engine

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Trace is one rule that fired in an explained decision. For a rule that
// produced one of the decision's reasons, Reason, Effect and Evidence say
// which; Inputs are the input values the rule's body read.
type Trace struct {
	// Reason is the id of the reason the rule produced; empty for the
	// other rules that fired on the way (helpers, main's combination).
	Reason string `json:"reason,omitempty"`
	Effect string `json:"effect,omitempty"`
	// Rule is the rule's full path: data.parapet.acceptable_use.deny.
	Rule string `json:"rule"`
	// File and Line locate the rule's head in the bundle.
	File string `json:"file"`
	Line int    `json:"line"`
	// Layer is the tenant, for a rule evaluated in a tenant's layer.
	Layer    string     `json:"layer,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
	// Inputs are the input references the rule's body read, with their
	// values (long ones shortened), e.g. input.access.allowed: false.
	Inputs map[string]any `json:"inputs,omitempty"`
	// Fired counts the times the rule's body held.
	Fired int `json:"fired"`
}

// Location is file:line.
func (t Trace) Location() string {
	if t.File == "" {
		return ""
	}
	return t.File + ":" + itoa(t.Line)
}

// Explain decides req like Decide, and says why: one Trace per reason of
// the decision, in the decision's order, with the file:line of the rule
// that produced it and its evidence, followed by every other rule that
// fired, in the order it first fired. It evaluates the bundle without
// the ahead-of-time optimisation so that rules match their source, which
// costs several times a normal decision: it is for authors and admins,
// not for every request. A reason the engine made itself (fail closed, or
// a base reason restored over a tenant layer) may have no rule.
func (e *Engine) Explain(ctx context.Context, req *Request) (*Decision, []Trace, error) {
	tr := newExplainTracer()
	d, err := e.decide(ctx, req, tr)
	if err != nil {
		return nil, nil, err
	}
	return d, tr.traces(d), nil
}

func itoa(i int) string {
	if i >= 0 && i < 10 {
		return string(rune('0' + i))
	}
	var b [20]byte
	n := len(b)
	neg := i < 0
	if neg {
		i = -i
	}
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}

// reasonSets are the rule names whose values are reasons.
var reasonSets = map[string]bool{"deny": true, "review": true, "redact": true, "warn": true}

type firedRule struct {
	trace Trace
	// reasons this rule produced, by id.
	reasons map[string]bool
}

// explainTracer records, for each rule whose body holds, where it is, how
// often it fired, the reasons it produced and the input it read.
type explainTracer struct {
	layer string
	order []*firedRule
	byKey map[string]*firedRule
}

func newExplainTracer() *explainTracer {
	return &explainTracer{byKey: map[string]*firedRule{}}
}

func (t *explainTracer) Enabled() bool { return true }

func (t *explainTracer) Config() topdown.TraceConfig { return topdown.TraceConfig{} }

func (t *explainTracer) TraceEvent(ev topdown.Event) {
	if ev.Op != topdown.ExitOp {
		return
	}
	r, ok := ev.Node.(*ast.Rule)
	if !ok || r.Module == nil {
		return
	}
	file, line := "", 0
	if r.Location != nil {
		file, line = strings.TrimPrefix(r.Location.File, "/"), r.Location.Row
	}
	key := t.layer + "\x00" + file + "\x00" + itoa(line) + "\x00" + r.Head.Name.String()
	fr := t.byKey[key]
	if fr == nil {
		fr = &firedRule{trace: Trace{Rule: ruleName(r), File: file, Line: line, Layer: t.layer}, reasons: map[string]bool{}}
		t.byKey[key] = fr
		t.order = append(t.order, fr)
	}
	fr.trace.Fired++
	if in := ev.Input(); in != nil {
		readInputs(r, &ev, in.Value, &fr.trace)
	}
	name := ""
	if ref := r.Head.Ref(); len(ref) > 0 {
		if s, ok := ref[len(ref)-1].Value.(ast.String); ok {
			name = string(s)
		} else if v, ok := ref[0].Value.(ast.Var); ok && len(ref) == 1 {
			name = string(v)
		}
	}
	if !reasonSets[name] || r.Head.Key == nil {
		return
	}
	if obj, ok := ev.Plug(r.Head.Key).Value.(ast.Object); ok {
		if idt := obj.Get(ast.StringTerm("id")); idt != nil {
			if id, ok := idt.Value.(ast.String); ok {
				fr.reasons[string(id)] = true
			}
		}
	}
}

func ruleName(r *ast.Rule) string {
	defer func() { _ = recover() }() // Ref panics on a rule without a module
	return r.Ref().GroundPrefix().String()
}

// maxInputRefs bounds the input values kept per rule.
const maxInputRefs = 12

// readInputs records the input references r's body reads, resolved with
// the bindings at the time the body held.
func readInputs(r *ast.Rule, ev *topdown.Event, input ast.Value, tr *Trace) {
	ast.WalkRefs(r.Body, func(ref ast.Ref) bool {
		if len(tr.Inputs) >= maxInputRefs || !ref[0].Equal(ast.InputRootDocument) {
			return false
		}
		plugged, ok := ev.Plug(ast.NewTerm(ref)).Value.(ast.Ref)
		if !ok || !plugged.IsGround() || len(plugged) < 2 {
			return false
		}
		v, err := input.Find(plugged[1:])
		if err != nil {
			return false
		}
		if tr.Inputs == nil {
			tr.Inputs = map[string]any{}
		}
		tr.Inputs[plugged.String()] = shorten(v)
		return false
	})
}

// shorten keeps a value readable in a trace: long strings are cut and big
// collections summarised.
func shorten(v ast.Value) any {
	x, err := ast.JSON(v)
	if err != nil {
		return v.String()
	}
	if s, ok := x.(string); ok {
		if r := []rune(s); len(r) > 80 {
			return string(r[:80]) + "…"
		}
		return s
	}
	if b, err := json.Marshal(x); err == nil && len(b) > 240 {
		switch c := x.(type) {
		case []any:
			return map[string]any{"items": len(c)}
		case map[string]any:
			keys := make([]string, 0, len(c))
			for k := range c {
				keys = append(keys, k)
			}
			return map[string]any{"keys": keys}
		}
		return string(b[:240]) + "…"
	}
	return x
}

// traces orders what was recorded: the decision's reasons first, then the
// other rules.
func (t *explainTracer) traces(d *Decision) []Trace {
	var out []Trace
	used := map[*firedRule]bool{}
	for _, r := range d.Reasons {
		found := false
		for _, fr := range t.order {
			if !fr.reasons[r.ID] {
				continue
			}
			tr := fr.trace
			tr.Reason, tr.Effect, tr.Evidence = r.ID, r.Effect, r.Evidence
			out = append(out, tr)
			used[fr] = true
			found = true
		}
		if !found {
			out = append(out, Trace{Reason: r.ID, Effect: r.Effect, Evidence: r.Evidence})
		}
	}
	for _, fr := range t.order {
		if !used[fr] {
			out = append(out, fr.trace)
		}
	}
	return out
}
