package logs

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/analysis"
)

// DecisionPath is the OPA "path" of every event: the rule the engine asks.
const DecisionPath = "parapet/main/decision"

// Event is one decision in OPA's decision-log event format (decision_id,
// labels, bundles, path, input, result, timestamp, metrics), with Parapet's
// fields beside them. Input and Result hold no request text: see Input.
//
// The chain fields (chain_id, seq, prev_hash, hash) are set by the
// pipeline when it records the event.
type Event struct {
	DecisionID string                    `json:"decision_id"`
	Labels     map[string]string         `json:"labels"`
	Bundles    map[string]BundleRevision `json:"bundles,omitempty"`
	Path       string                    `json:"path"`
	Input      *Input                    `json:"input,omitempty"`
	Result     *Result                   `json:"result,omitempty"`
	// Erased and Masked list the JSON pointers the bundle's mask policy
	// removed or replaced, as OPA's events do.
	Erased []string `json:"erased,omitempty"`
	Masked []string `json:"masked,omitempty"`
	// RequestedBy is the API key id of the caller, when it used one.
	RequestedBy string           `json:"requested_by,omitempty"`
	Timestamp   time.Time        `json:"timestamp"`
	Metrics     map[string]int64 `json:"metrics,omitempty"`

	// Effect is the decision's effect; ReasonIDs the ids of every reason;
	// Severity the highest reason severity.
	Effect    string   `json:"effect"`
	ReasonIDs []string `json:"reason_ids"`
	Severity  string   `json:"severity,omitempty"`
	// Connector is how the request came in: api, proxy, sdk or scan.
	Connector string `json:"connector"`
	Subject   string `json:"subject"`
	Tenant    string `json:"tenant"`
	Model     string `json:"model"`
	Phase     string `json:"phase"`
	// Stream is what the proxy's caller actually received.
	Stream *StreamOutcome `json:"stream,omitempty"`

	// req is the request, kept in memory only, for full capture.
	req *engine.Request
}

// BundleRevision is OPA's bundles.<name>.revision.
type BundleRevision struct {
	Revision string `json:"revision"`
}

// Input is the request as the policy saw it, minus its text: metadata,
// per-field lengths and HMAC digests (and redacted text if configured),
// the access result and the detectors' findings (types and offsets, never
// values). Replaying a decision against a new policy needs nothing else.
type Input struct {
	Phase    string          `json:"phase"`
	Subject  engine.Subject  `json:"subject"`
	Resource engine.Resource `json:"resource"`
	Purpose  string          `json:"purpose,omitempty"`
	Messages []TextField     `json:"messages,omitempty"`
	Response *ResponseText   `json:"response,omitempty"`
	Context  ContextMeta     `json:"context"`
	// Attachments are the prompt's images, audio and files as the
	// connector described them: type, place, media type and size, never
	// their content or URL.
	Attachments []engine.Attachment `json:"attachments,omitempty"`
	Access      *engine.Access      `json:"access,omitempty"`
	Analysis    *AnalysisFacts      `json:"analysis,omitempty"`
}

// TextField stands for one text field of the request.
type TextField struct {
	Role       string `json:"role,omitempty"`
	Name       string `json:"name,omitempty"`
	ToolCallID string `json:"tool_call_id,omitempty"`
	// Chars is the length in Unicode code points.
	Chars int `json:"chars"`
	// HMAC is hex HMAC-SHA-256 of the text under the configured key.
	HMAC string `json:"hmac,omitempty"`
	// Text is the text with every finding replaced by <TYPE>, only with
	// masking.text: redacted.
	Text *string `json:"text,omitempty"`
}

// ResponseText stands for the model's response.
type ResponseText struct {
	Content   TextField  `json:"content"`
	Reasoning *TextField `json:"reasoning,omitempty"`
}

// ContextMeta is the request context without document text.
type ContextMeta struct {
	Classification string            `json:"classification,omitempty"`
	ConversationID string            `json:"conversation_id,omitempty"`
	RequestID      string            `json:"request_id,omitempty"`
	Labels         map[string]string `json:"labels,omitempty"`
	Documents      []DocumentMeta    `json:"documents,omitempty"`
}

// DocumentMeta stands for one context document.
type DocumentMeta struct {
	ID             string `json:"id,omitempty"`
	Classification string `json:"classification,omitempty"`
	Source         string `json:"source,omitempty"`
	TextField
}

// AnalysisFacts are the detectors' findings and signals.
type AnalysisFacts struct {
	Findings []Finding         `json:"findings"`
	Signals  []analysis.Signal `json:"signals,omitempty"`
}

// Finding is a detector finding: where and what, never the value. HMAC
// digests the value, so "was this address ever sent" can be answered by
// whoever holds the key.
type Finding struct {
	Detector string  `json:"detector"`
	Category string  `json:"category"`
	Type     string  `json:"type"`
	Field    string  `json:"field"`
	Source   string  `json:"source"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Score    float64 `json:"score"`
	HMAC     string  `json:"hmac,omitempty"`
}

// Result is the decision as the caller got it, without transformed text
// (the redacted messages are in Input when masking.text is redacted).
type Result struct {
	Effect      string                 `json:"effect"`
	Allow       bool                   `json:"allow"`
	Reasons     []engine.Reason        `json:"reasons"`
	Route       *engine.Route          `json:"route,omitempty"`
	Obligations *engine.Obligations    `json:"obligations,omitempty"`
	FailClosed  bool                   `json:"fail_closed,omitempty"`
	Analysis    *engine.AnalysisDigest `json:"analysis,omitempty"`
}

// Connector describes where a decision came from.
type Connector struct {
	// Name is api, proxy, sdk or scan.
	Name string
	// KeyID is the caller's API key id, if any (the event's requested_by).
	KeyID string
	// Stream is set by the proxy: what the caller received.
	Stream *StreamOutcome
}

// StreamOutcome is how a proxied call ended for the caller. It mirrors
// the proxy's StreamInfo and never holds text.
type StreamOutcome struct {
	// Outcome: refused, forwarded, completed, content_filter,
	// upstream_error, upstream_timeout or client_disconnected.
	Outcome          string `json:"outcome"`
	Route            string `json:"route,omitempty"`
	Upstream         string `json:"upstream,omitempty"`
	Model            string `json:"model,omitempty"`
	Streamed         bool   `json:"streamed,omitempty"`
	Choice           int    `json:"choice,omitempty"`
	Status           int    `json:"status,omitempty"`
	FailOpen         bool   `json:"fail_open,omitempty"`
	Evaluations      int    `json:"evaluations,omitempty"`
	SentBytes        int    `json:"sent_bytes,omitempty"`
	HeldBytes        int    `json:"held_bytes,omitempty"`
	LateRedactions   int    `json:"late_redactions,omitempty"`
	PromptDecisionID string `json:"prompt_decision_id,omitempty"`
	Via              string `json:"via,omitempty"`
}

// Masking turns request text into what an event may keep.
type Masking struct {
	// Text is TextNone or TextRedacted.
	Text string
	// Key keys the HMAC digests; nil: no digests.
	Key []byte

	hmacs *hmacPool
}

// NewMasking makes the masking for a text mode and HMAC key.
func NewMasking(text string, key []byte) *Masking {
	m := &Masking{Text: text, Key: key}
	if len(key) > 0 {
		m.hmacs = newHMACPool(key)
	}
	return m
}

// NewEvent turns a decision into an event: the request's metadata, the
// decision, the engine's facts, digests instead of text. It does no I/O;
// the pipeline's Record does the rest. m may be nil (no digests, no text).
func NewEvent(req *engine.Request, d *engine.Decision, c Connector, m *Masking) Event {
	if m == nil {
		m = &Masking{Text: TextNone}
	}
	ev := Event{
		DecisionID:  d.DecisionID,
		Path:        DecisionPath,
		RequestedBy: c.KeyID,
		Timestamp:   time.Now().UTC(),
		Effect:      d.Effect,
		Connector:   c.Name,
		Stream:      c.Stream,
		req:         req,
	}
	if d.Bundle.Name != "" {
		ev.Bundles = map[string]BundleRevision{d.Bundle.Name: {Revision: d.Bundle.Revision}}
	}
	t := d.Timings
	ev.Metrics = map[string]int64{
		"timer_parapet_validate_ns": t.Validate * 1000,
		"timer_parapet_access_ns":   t.Access * 1000,
		"timer_parapet_analysis_ns": t.Analysis * 1000,
		"timer_rego_query_eval_ns":  t.Eval * 1000,
		"timer_parapet_decide_ns":   t.Total * 1000,
	}
	if req == nil {
		req = &engine.Request{}
	}
	ev.Subject, ev.Tenant, ev.Model, ev.Phase = req.Subject.ID, req.Subject.Tenant, req.Resource.Model, req.Phase

	fields := engine.Fields(req)
	text := make(map[string]string, len(fields))
	for _, f := range fields {
		text[f.Path] = f.Text
	}
	var findings []analysis.Finding
	facts := d.Facts()
	if facts != nil {
		findings = facts.Findings
	}
	byField := map[string][]analysis.Finding{}
	for _, f := range findings {
		byField[f.Field] = append(byField[f.Field], f)
	}
	field := func(path, s string) TextField {
		tf := TextField{Chars: utf8.RuneCountInString(s)}
		if m.hmacs != nil && s != "" {
			tf.HMAC = m.hmacs.sum(s)
		}
		if m.Text == TextRedacted {
			r := maskSpans(s, byField[path])
			tf.Text = &r
		}
		return tf
	}

	in := &Input{
		Phase:    req.Phase,
		Subject:  req.Subject,
		Resource: req.Resource,
		Purpose:  req.Purpose,
		Context: ContextMeta{
			Classification: req.Context.Classification,
			ConversationID: req.Context.ConversationID,
			RequestID:      req.Context.RequestID,
			Labels:         safeLabels(req.Context.Labels, m),
		},
	}
	if len(req.Attachments) > 0 {
		in.Attachments = append([]engine.Attachment(nil), req.Attachments...)
	}
	for i := range req.Messages {
		msg := &req.Messages[i]
		tf := field(fields[i].Path, msg.Content)
		tf.Role, tf.Name, tf.ToolCallID = msg.Role, msg.Name, msg.ToolCallID
		in.Messages = append(in.Messages, tf)
	}
	if req.Response != nil {
		rt := &ResponseText{Content: field("response.content", req.Response.Content)}
		if req.Response.Reasoning != "" {
			r := field("response.reasoning", req.Response.Reasoning)
			rt.Reasoning = &r
		}
		in.Response = rt
	}
	for i := range req.Context.Documents {
		doc := &req.Context.Documents[i]
		path := "context.documents[" + itoa(i) + "].text"
		in.Context.Documents = append(in.Context.Documents, DocumentMeta{
			ID: doc.ID, Classification: doc.Classification, Source: doc.Source,
			TextField: field(path, doc.Text),
		})
	}
	if facts != nil {
		acc := facts.Access
		in.Access = &acc
		af := &AnalysisFacts{Findings: make([]Finding, len(findings)), Signals: facts.Signals}
		for i, f := range findings {
			lf := Finding{
				Detector: f.Detector, Category: f.Category, Type: f.Type, Field: f.Field,
				Source: f.Source, Start: f.Start, End: f.End, Score: f.Score,
			}
			if m.hmacs != nil {
				if s, ok := text[f.Field]; ok && f.ByteStart >= 0 && f.ByteEnd <= len(s) && f.ByteStart < f.ByteEnd {
					lf.HMAC = m.hmacs.sum(s[f.ByteStart:f.ByteEnd])
				}
			}
			af.Findings[i] = lf
		}
		in.Analysis = af
	}
	ev.Input = in

	res := &Result{
		Effect: d.Effect, Allow: d.Allow, Route: d.Route, Obligations: d.Obligations,
		FailClosed: d.FailClosed, Analysis: d.Analysis,
	}
	if ob := d.Obligations; ob != nil && ob.Canary != "" {
		// The planted canary is kept like a canary label: a digest or
		// nothing.
		c := *ob
		c.Canary = ""
		if m.hmacs != nil {
			c.Canary = "hmac:" + m.hmacs.sum(ob.Canary)
		}
		res.Obligations = &c
	}
	res.Reasons = make([]engine.Reason, len(d.Reasons))
	ev.ReasonIDs = make([]string, len(d.Reasons))
	for i, r := range d.Reasons {
		r.Message = scrubMessage(r.Message, findings, text)
		res.Reasons[i] = r
		ev.ReasonIDs[i] = r.ID
		if severityRank[r.Severity] > severityRank[ev.Severity] {
			ev.Severity = r.Severity
		}
	}
	ev.Result = res
	return ev
}

// safeLabels keeps request labels except those detectors use as secrets
// (a planted canary token), which become digests or nothing.
func safeLabels(l map[string]string, m *Masking) map[string]string {
	if len(l) == 0 {
		return nil
	}
	out := make(map[string]string, len(l))
	for k, v := range l {
		if strings.Contains(strings.ToLower(k), "canary") {
			if m.hmacs != nil {
				out[k] = "hmac:" + m.hmacs.sum(v)
			}
			continue
		}
		out[k] = v
	}
	return out
}

// maskSpans replaces each finding's byte span in s with <TYPE>.
// Overlapping findings merge.
func maskSpans(s string, fs []analysis.Finding) string {
	if len(fs) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pos := 0
	for i := 0; i < len(fs); i++ {
		bs, be, typ := fs[i].ByteStart, fs[i].ByteEnd, fs[i].Type
		if bs < pos {
			bs = pos
		}
		if be > len(s) {
			be = len(s)
		}
		if be <= bs {
			continue
		}
		// Extend over later findings that overlap this one.
		for i+1 < len(fs) && fs[i+1].ByteStart < be {
			i++
			if fs[i].ByteEnd > be && fs[i].ByteEnd <= len(s) {
				be = fs[i].ByteEnd
			}
		}
		b.WriteString(s[pos:bs])
		b.WriteString("<" + typ + ">")
		pos = be
	}
	b.WriteString(s[pos:])
	return b.String()
}

// scrubMessage removes finding values from a policy-written reason
// message, in case a rule quoted the input (sprintf with input text).
func scrubMessage(msg string, fs []analysis.Finding, text map[string]string) string {
	for _, f := range fs {
		s := text[f.Field]
		if f.ByteStart < 0 || f.ByteEnd > len(s) || f.ByteEnd-f.ByteStart < 4 {
			continue
		}
		if v := s[f.ByteStart:f.ByteEnd]; strings.Contains(msg, v) {
			msg = strings.ReplaceAll(msg, v, "<"+f.Type+">")
		}
	}
	for _, s := range text {
		if len(s) >= 8 && strings.Contains(msg, s) {
			msg = strings.ReplaceAll(msg, s, "<TEXT>")
		}
	}
	return msg
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}
