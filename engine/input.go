package engine

import (
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// The policy input is built as an ast.Value directly: going through JSON or
// map[string]any would cost a second conversion on every decision.

// The object keys of the input, and the short values that recur on every
// decision (phases, roles, sources, finding categories and types), are
// interned: OPA shares interned terms between evaluations (they are never
// modified), so building an input allocates only for what varies.
func init() {
	ast.InternStringTerm(
		// keys
		"access", "action", "allowed", "analysis", "available", "by_source", "categories", "category",
		"classification", "content", "context", "conversation_id", "cost", "counts", "day", "detector",
		"documents", "end", "endpoint", "field", "fields", "findings", "id", "labels", "matches", "messages",
		"minute", "model", "month", "name", "phase", "purpose", "reasoning", "request", "request_id",
		"requests", "resource", "response", "role", "roles", "score", "source", "start", "subject", "tenant",
		"text", "tokens", "tool_call_id", "topic", "type", "usage", "injection", "grounding", "scope",
		// values
		PhasePrompt, PhaseResponse, "system", "developer", "user", "assistant", "tool", "function",
		"document", "retrieval", "default", "local", "employee", "analyst", "admin",
		"chat.completions", "completions", "embeddings", "messages", "responses",
	)
}

// str is a string term; short strings that were interned are shared.
func str(s string) *ast.Term {
	if len(s) <= maxInternedLen {
		return ast.InternedTerm(s)
	}
	return ast.StringTerm(s)
}

// maxInternedLen bounds the strings looked up among the interned ones:
// longer ones (message text) are never interned, and hashing them for the
// lookup would be wasted.
const maxInternedLen = 32

func item(k string, v *ast.Term) [2]*ast.Term { return [2]*ast.Term{str(k), v} }

func strArray(xs []string) *ast.Term {
	ts := make([]*ast.Term, len(xs))
	for i, x := range xs {
		ts[i] = str(x)
	}
	return ast.ArrayTerm(ts...)
}

// intTerm is an integer term, shared for the small numbers OPA interns.
func intTerm(n int) *ast.Term { return ast.InternedTerm(n) }

func num(f float64) *ast.Term {
	// Scores are rounded to 4 decimals so that equal inputs give equal
	// inputs to policy across platforms, and logs stay short.
	return ast.FloatNumberTerm(round4(f))
}

func round4(f float64) float64 {
	if f < 0 {
		return -float64(int64(-f*10000+0.5)) / 10000
	}
	return float64(int64(f*10000+0.5)) / 10000
}

// buildInput turns a validated request, its access result and its analysis
// into the policy input. The shape is documented in docs/api.md and checked
// by engine/schema/input.json.
func buildInput(req *Request, acc Access, an *analysis.Analysis, usage *UsageTotals) ast.Value {
	items := make([][2]*ast.Term, 0, 10)
	items = append(items,
		item("phase", str(req.Phase)),
		item("subject", ast.ObjectTerm(
			item("id", str(req.Subject.ID)),
			item("roles", strArray(nonNil(req.Subject.Roles))),
			item("tenant", str(acc.Tenant)),
		)),
		item("resource", ast.ObjectTerm(
			item("model", str(req.Resource.Model)),
			item("endpoint", str(req.Resource.Endpoint)),
		)),
	)
	if req.Purpose != "" {
		items = append(items, item("purpose", str(req.Purpose)))
	}
	msgs := make([]*ast.Term, len(req.Messages))
	for i := range req.Messages {
		m := &req.Messages[i]
		mi := make([][2]*ast.Term, 0, 4)
		mi = append(mi, item("role", str(m.Role)), item("content", str(m.Content)))
		if m.Name != "" {
			mi = append(mi, item("name", str(m.Name)))
		}
		if m.ToolCallID != "" {
			mi = append(mi, item("tool_call_id", str(m.ToolCallID)))
		}
		msgs[i] = ast.ObjectTerm(mi...)
	}
	items = append(items, item("messages", ast.ArrayTerm(msgs...)))
	if req.Response != nil {
		items = append(items, item("response", ast.ObjectTerm(
			item("content", str(req.Response.Content)),
			item("reasoning", str(req.Response.Reasoning)),
		)))
	}
	items = append(items, item("context", contextTerm(&req.Context)))
	if len(req.Attachments) > 0 {
		atts := make([]*ast.Term, len(req.Attachments))
		for i := range req.Attachments {
			a := &req.Attachments[i]
			atts[i] = ast.ObjectTerm(
				item("type", str(a.Type)),
				item("field", str(a.Field)),
				item("media_type", str(a.MediaType)),
				item("source", str(a.Source)),
				item("bytes", ast.IntNumberTerm(a.Bytes)),
			)
		}
		items = append(items, item("attachments", ast.ArrayTerm(atts...)))
	}
	items = append(items, item("access", ast.ObjectTerm(
		item("roles", strArray(acc.Roles)),
		item("allowed", ast.BooleanTerm(acc.Allowed)),
		item("action", str(acc.Action)),
		item("tenant", str(acc.Tenant)),
	)))
	items = append(items, item("analysis", analysisTerm(an)))
	if usage != nil {
		items = append(items, item("usage", usage.term()))
	}
	return ast.NewObject(items...)
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func contextTerm(c *Context) *ast.Term {
	items := make([][2]*ast.Term, 0, 6)
	if c.Classification != "" {
		items = append(items, item("classification", str(c.Classification)))
	}
	docs := make([]*ast.Term, len(c.Documents))
	for i := range c.Documents {
		d := &c.Documents[i]
		src := d.Source
		if src == "" {
			src = "retrieval"
		}
		di := [][2]*ast.Term{item("text", str(d.Text)), item("source", str(src))}
		if d.ID != "" {
			di = append(di, item("id", str(d.ID)))
		}
		if d.Classification != "" {
			di = append(di, item("classification", str(d.Classification)))
		}
		docs[i] = ast.ObjectTerm(di...)
	}
	items = append(items, item("documents", ast.ArrayTerm(docs...)))
	if c.ConversationID != "" {
		items = append(items, item("conversation_id", str(c.ConversationID)))
	}
	if c.RequestID != "" {
		items = append(items, item("request_id", str(c.RequestID)))
	}
	if len(c.Labels) > 0 {
		li := make([][2]*ast.Term, 0, len(c.Labels))
		for k, v := range c.Labels {
			li = append(li, item(k, str(v)))
		}
		items = append(items, item("labels", ast.ObjectTerm(li...)))
	}
	return ast.ObjectTerm(items...)
}

// signalKinds are always present under input.analysis so policies can read
// them without guarding for absence.
var signalKinds = []string{"injection"}

func analysisTerm(an *analysis.Analysis) *ast.Term {
	findings := make([]*ast.Term, len(an.Findings))
	counts := map[string]int{}
	cats := map[string]int{}
	for i := range an.Findings {
		f := &an.Findings[i]
		fi := [][2]*ast.Term{
			item("detector", str(f.Detector)),
			item("category", str(f.Category)),
			item("type", str(f.Type)),
			item("field", str(f.Field)),
			item("source", str(f.Source)),
			item("start", intTerm(f.Start)),
			item("end", intTerm(f.End)),
			item("score", num(f.Score)),
		}
		if f.Topic != "" {
			fi = append(fi, item("topic", str(f.Topic)))
		}
		findings[i] = ast.ObjectTerm(fi...)
		counts[f.Type]++
		cats[f.Category]++
	}
	items := [][2]*ast.Term{
		item("findings", ast.ArrayTerm(findings...)),
		item("counts", countTerm(counts)),
		item("categories", countTerm(cats)),
	}
	for kind, s := range summarizeSignals(an.Signals) {
		items = append(items, item(kind, s.term()))
	}
	return ast.ObjectTerm(items...)
}

func countTerm(m map[string]int) *ast.Term {
	items := make([][2]*ast.Term, 0, len(m))
	for k, v := range m {
		items = append(items, item(k, intTerm(v)))
	}
	return ast.ObjectTerm(items...)
}

// signalSummary is the per-kind view of signals: the maximum overall, per
// source and per field.
type signalSummary struct {
	Score    float64
	BySource map[string]float64
	Fields   map[string]float64
	Matches  []string
}

func (s *signalSummary) term() *ast.Term {
	bySrc := make([][2]*ast.Term, 0, len(s.BySource))
	for k, v := range s.BySource {
		bySrc = append(bySrc, item(k, num(v)))
	}
	fields := make([][2]*ast.Term, 0, len(s.Fields))
	for k, v := range s.Fields {
		fields = append(fields, item(k, num(v)))
	}
	return ast.ObjectTerm(
		item("score", num(s.Score)),
		item("by_source", ast.ObjectTerm(bySrc...)),
		item("fields", ast.ObjectTerm(fields...)),
		item("matches", strArray(s.Matches)),
	)
}

func summarizeSignals(sigs []analysis.Signal) map[string]*signalSummary {
	out := make(map[string]*signalSummary, len(signalKinds))
	for _, k := range signalKinds {
		out[k] = &signalSummary{BySource: map[string]float64{}, Fields: map[string]float64{}, Matches: []string{}}
	}
	for i := range sigs {
		s := &sigs[i]
		sum := out[s.Kind]
		if sum == nil {
			sum = &signalSummary{BySource: map[string]float64{}, Fields: map[string]float64{}, Matches: []string{}}
			out[s.Kind] = sum
		}
		if s.Score > sum.Score {
			sum.Score = s.Score
		}
		if s.Score > sum.BySource[s.Source] {
			sum.BySource[s.Source] = s.Score
		} else if _, ok := sum.BySource[s.Source]; !ok {
			sum.BySource[s.Source] = s.Score
		}
		if s.Score > sum.Fields[s.Field] {
			sum.Fields[s.Field] = s.Score
		} else if _, ok := sum.Fields[s.Field]; !ok {
			sum.Fields[s.Field] = s.Score
		}
		sum.Matches = append(sum.Matches, s.Matches...)
	}
	for _, sum := range out {
		if len(sum.Matches) > 1 {
			sort.Strings(sum.Matches)
			sum.Matches = dedupSorted(sum.Matches)
		}
	}
	return out
}

func dedupSorted(xs []string) []string {
	out := xs[:1]
	for _, x := range xs[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}
