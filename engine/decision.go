package engine

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var messagePaths, documentPaths [64]string

func init() {
	for i := range messagePaths {
		messagePaths[i] = "messages[" + strconv.Itoa(i) + "].content"
		documentPaths[i] = "context.documents[" + strconv.Itoa(i) + "].text"
	}
}

func messagePath(i int) string {
	if i < len(messagePaths) {
		return messagePaths[i]
	}
	return "messages[" + strconv.Itoa(i) + "].content"
}

func documentPath(i int) string {
	if i < len(documentPaths) {
		return documentPaths[i]
	}
	return "context.documents[" + strconv.Itoa(i) + "].text"
}

// policyDecision is the shape data.parapet.main.decision must have.
type policyDecision struct {
	Effect      string   `json:"effect"`
	Reasons     []Reason `json:"reasons"`
	Obligations struct {
		Redact         []Evidence `json:"redact"`
		Restore        bool       `json:"restore"`
		StripReasoning bool       `json:"strip_reasoning"`
		Notice         string     `json:"notice"`
		Canary         bool       `json:"canary"`
	} `json:"obligations"`
	Route *Route `json:"route"`
}

// readDecision checks the policy's answer and copies it into d. The
// engine never lets a reason's effect be stronger than the decision's: the
// effect is the strongest of the policy's effect and its reasons' effects.
func readDecision(v any, d *Decision) error {
	obj, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("decision is %T, want an object", v)
	}
	pd, err := decodePolicyDecision(obj)
	if err != nil {
		return err
	}
	if _, ok := effectRank[pd.Effect]; !ok {
		return fmt.Errorf("decision.effect %q is not one of allow, warn, redact, review, deny", pd.Effect)
	}
	effect := pd.Effect
	for i, r := range pd.Reasons {
		if _, ok := effectRank[r.Effect]; !ok {
			return fmt.Errorf("decision.reasons[%d] (%s): effect %q is not one of allow, warn, redact, review, deny", i, r.ID, r.Effect)
		}
		if r.ID == "" {
			return fmt.Errorf("decision.reasons[%d]: id is empty", i)
		}
		if Stronger(r.Effect, effect) {
			effect = r.Effect
		}
		if pd.Reasons[i].Controls == nil {
			pd.Reasons[i].Controls = []string{}
		}
	}
	if pd.Reasons == nil {
		pd.Reasons = []Reason{}
	}
	d.Effect = effect
	d.Allow = effect != EffectDeny && effect != EffectReview
	d.Reasons = pd.Reasons
	if pd.Route != nil && (pd.Route.Model != "" || pd.Route.Upstream != "") {
		d.Route = pd.Route
	}
	ob := &Obligations{
		StripReasoning: pd.Obligations.StripReasoning,
		Notice:         pd.Obligations.Notice,
		Restore:        pd.Obligations.Restore,
	}
	d.redact = pd.Obligations.Redact
	d.canary = pd.Obligations.Canary
	if ob.StripReasoning || ob.Notice != "" || ob.Restore || len(d.redact) > 0 {
		d.Obligations = ob
	}
	return nil
}

// decodePolicyDecision reads the policy's result (as OPA returns it:
// maps, slices, strings, bools and json.Number) into a policyDecision,
// naming the first field of the wrong type. It does what a JSON round trip
// would, without encoding and parsing the result again on every decision.
func decodePolicyDecision(obj map[string]any) (policyDecision, error) {
	var pd policyDecision
	r := reader{}
	pd.Effect = r.str(obj, "effect", "decision.effect")
	if rs, ok := obj["reasons"]; ok && rs != nil {
		arr, ok := rs.([]any)
		if !ok {
			return pd, fmt.Errorf("decision.reasons: is %s, want an array", jsonType(rs))
		}
		pd.Reasons = make([]Reason, len(arr))
		for i, x := range arr {
			path := "decision.reasons[" + strconv.Itoa(i) + "]"
			ro, ok := x.(map[string]any)
			if !ok {
				return pd, fmt.Errorf("%s: is %s, want an object", path, jsonType(x))
			}
			rs := &pd.Reasons[i]
			rs.ID = r.str(ro, "id", path+".id")
			rs.Effect = r.str(ro, "effect", path+".effect")
			rs.Message = r.str(ro, "message", path+".message")
			rs.Severity = r.str(ro, "severity", path+".severity")
			rs.Controls = r.strs(ro, "controls", path+".controls")
			rs.Evidence = r.evidence(ro, "evidence", path+".evidence")
		}
	}
	if ob, ok := obj["obligations"]; ok && ob != nil {
		o, ok := ob.(map[string]any)
		if !ok {
			return pd, fmt.Errorf("decision.obligations: is %s, want an object", jsonType(ob))
		}
		pd.Obligations.Redact = r.evidence(o, "redact", "decision.obligations.redact")
		pd.Obligations.Restore = r.boolean(o, "restore", "decision.obligations.restore")
		pd.Obligations.StripReasoning = r.boolean(o, "strip_reasoning", "decision.obligations.strip_reasoning")
		pd.Obligations.Notice = r.str(o, "notice", "decision.obligations.notice")
		pd.Obligations.Canary = r.boolean(o, "canary", "decision.obligations.canary")
	}
	if rt, ok := obj["route"]; ok && rt != nil {
		o, ok := rt.(map[string]any)
		if !ok {
			return pd, fmt.Errorf("decision.route: is %s, want an object", jsonType(rt))
		}
		pd.Route = &Route{Model: r.str(o, "model", "decision.route.model"), Upstream: r.str(o, "upstream", "decision.route.upstream")}
	}
	return pd, r.err
}

// reader reads typed fields and keeps the first type error.
type reader struct{ err error }

func (r *reader) fail(path string, v any, want string) {
	if r.err == nil {
		r.err = fmt.Errorf("%s: is %s, want %s", path, jsonType(v), want)
	}
}

func (r *reader) str(o map[string]any, k, path string) string {
	v, ok := o[k]
	if !ok || v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		r.fail(path, v, "a string")
	}
	return s
}

func (r *reader) boolean(o map[string]any, k, path string) bool {
	v, ok := o[k]
	if !ok || v == nil {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		r.fail(path, v, "a boolean")
	}
	return b
}

func (r *reader) num(v any, path string) int {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		if err != nil {
			f, ferr := n.Float64()
			if ferr != nil {
				r.fail(path, v, "an integer")
				return 0
			}
			return int(f)
		}
		return int(i)
	case float64:
		return int(n)
	case int:
		return n
	case int64:
		return int(n)
	}
	r.fail(path, v, "an integer")
	return 0
}

func (r *reader) strs(o map[string]any, k, path string) []string {
	v, ok := o[k]
	if !ok || v == nil {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		r.fail(path, v, "an array of strings")
		return nil
	}
	out := make([]string, len(arr))
	for i, x := range arr {
		s, ok := x.(string)
		if !ok {
			r.fail(path+"["+strconv.Itoa(i)+"]", x, "a string")
		}
		out[i] = s
	}
	return out
}

func (r *reader) evidence(o map[string]any, k, path string) []Evidence {
	v, ok := o[k]
	if !ok || v == nil {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		r.fail(path, v, "an array")
		return nil
	}
	out := make([]Evidence, len(arr))
	for i, x := range arr {
		p := path + "[" + strconv.Itoa(i) + "]"
		eo, ok := x.(map[string]any)
		if !ok {
			r.fail(p, x, "an object")
			continue
		}
		out[i].Field = r.str(eo, "field", p+".field")
		out[i].Type = r.str(eo, "type", p+".type")
		if s, ok := eo["start"]; ok && s != nil {
			out[i].Start = r.num(s, p+".start")
		}
		if e, ok := eo["end"]; ok && e != nil {
			out[i].End = r.num(e, p+".end")
		}
	}
	return out
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number, float64, int, int64:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// Vault maps placeholders to the values they replaced, for one request.
// It never leaves the process: decisions carry placeholders and types
// only.
type Vault struct {
	byValue map[string]string // type+"\x00"+value -> placeholder
	values  map[string]string // placeholder -> value
	next    map[string]int    // type -> last number used
}

// Placeholder returns the placeholder for value of type typ, making one if
// the value has not been seen in this request.
func (v *Vault) Placeholder(typ, value string) string {
	if v.byValue == nil {
		v.byValue, v.values, v.next = map[string]string{}, map[string]string{}, map[string]int{}
	}
	k := typ + "\x00" + value
	if p, ok := v.byValue[k]; ok {
		return p
	}
	v.next[typ]++
	p := "<" + typ + "_" + strconv.Itoa(v.next[typ]) + ">"
	v.byValue[k] = p
	v.values[p] = value
	return p
}

// Len is the number of placeholders.
func (v *Vault) Len() int { return len(v.values) }

var placeholderRE = regexp.MustCompile(`<[A-Z][A-Z0-9_]*_[0-9]+>`)

// Restore puts the original values back in place of their placeholders.
// Placeholders the vault does not know are left as they are.
func (v *Vault) Restore(s string) string {
	if v == nil || len(v.values) == 0 || !strings.Contains(s, "<") {
		return s
	}
	return placeholderRE.ReplaceAllStringFunc(s, func(p string) string {
		if val, ok := v.values[p]; ok {
			return val
		}
		return p
	})
}

// applyObligations carries out the policy's redaction, canary and
// reasoning stripping on copies of the request's text.
func applyObligations(req *Request, d *Decision) {
	if len(d.redact) > 0 && d.Effect != EffectDeny {
		redact(req, d)
	}
	if d.canary && d.Effect != EffectDeny && req.Phase == PhasePrompt {
		plantCanary(req, d)
	}
	if d.Obligations != nil && d.Obligations.StripReasoning && req.Response != nil {
		if d.Response == nil {
			r := *req.Response
			d.Response = &r
		}
		d.Response.Reasoning = ""
		d.Response.Content = StripThink(d.Response.Content)
	}
}

type span struct {
	start, end int // code points
	typ        string
}

// redact replaces every span the policy listed with a numbered
// placeholder, in the messages (prompt phase) and the response (response
// phase). Overlapping spans merge; the longer type wins.
func redact(req *Request, d *Decision) {
	byField := map[string][]span{}
	for _, ev := range d.redact {
		if ev.End <= ev.Start || ev.Type == "" {
			continue
		}
		byField[ev.Field] = append(byField[ev.Field], span{ev.Start, ev.End, ev.Type})
	}
	if len(byField) == 0 {
		return
	}
	vault := &Vault{}
	d.vault = vault
	if len(req.Messages) > 0 {
		changed := false
		msgs := make([]Message, len(req.Messages))
		copy(msgs, req.Messages)
		for i := range msgs {
			if sp := byField[messagePath(i)]; len(sp) > 0 {
				msgs[i].Content = applySpans(msgs[i].Content, sp, vault)
				changed = true
			}
		}
		if changed {
			d.Messages = msgs
		}
	}
	if req.Response != nil {
		c, r := byField["response.content"], byField["response.reasoning"]
		if len(c) > 0 || len(r) > 0 {
			resp := *req.Response
			if len(c) > 0 {
				resp.Content = applySpans(resp.Content, c, vault)
			}
			if len(r) > 0 {
				resp.Reasoning = applySpans(resp.Reasoning, r, vault)
			}
			d.Response = &resp
		}
	}
	if vault.Len() > 0 {
		if d.Obligations == nil {
			d.Obligations = &Obligations{}
		}
		d.Obligations.Placeholders = make(map[string]string, vault.Len())
		for p := range vault.values {
			d.Obligations.Placeholders[p] = p[1:strings.LastIndexByte(p, '_')]
		}
	}
}

func applySpans(text string, spans []span, vault *Vault) string {
	valid := spans[:0:0]
	for _, s := range spans {
		if s.start < 0 {
			s.start = 0
		}
		if s.end > s.start {
			valid = append(valid, s)
		}
	}
	spans = valid
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	merged := spans[:0:0]
	for _, s := range spans {
		if n := len(merged); n > 0 && s.start < merged[n-1].end {
			if s.end > merged[n-1].end {
				merged[n-1].end = s.end
			}
			continue
		}
		merged = append(merged, s)
	}
	// Code point offsets to byte offsets in one walk: the points are
	// non-decreasing because merged spans do not overlap.
	points := make([]int, 0, 2*len(merged))
	for _, s := range merged {
		points = append(points, s.start, s.end)
	}
	at := make([]int, len(points))
	j, cp := 0, 0
	for i := range text {
		for j < len(points) && points[j] == cp {
			at[j] = i
			j++
		}
		cp++
	}
	for ; j < len(points); j++ {
		at[j] = len(text)
	}
	var b strings.Builder
	b.Grow(len(text))
	prev := 0
	for k, s := range merged {
		bs, be := at[2*k], at[2*k+1]
		if bs >= be {
			continue
		}
		b.WriteString(text[prev:bs])
		b.WriteString(vault.Placeholder(s.typ, text[bs:be]))
		prev = be
	}
	b.WriteString(text[prev:])
	return b.String()
}

// StripThink removes <think>…</think> blocks (self-hosted DeepSeek R1 puts
// its reasoning there) from content. An unclosed block is removed to the
// end, since its text is reasoning too.
func StripThink(s string) string {
	for {
		i := strings.Index(s, "<think>")
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], "</think>")
		if j < 0 {
			return strings.TrimRight(s[:i], " \n")
		}
		s = s[:i] + strings.TrimLeft(s[i+j+len("</think>"):], "\n")
	}
}
