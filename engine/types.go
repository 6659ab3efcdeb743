package engine

import "github.com/parapet-dev/parapet/engine/analysis"

// Phase says which side of a model call a request describes.
const (
	PhasePrompt   = "prompt"
	PhaseResponse = "response"
)

// Message roles accepted in Request.Messages.
var knownRoles = map[string]bool{
	"system": true, "developer": true, "user": true, "assistant": true, "tool": true,
}

// Request is what a connector asks the engine to decide on. Its JSON form is
// the body of POST /v1/decide; the JSON schema lives in schema/request.json.
type Request struct {
	// Phase is "prompt" (before the model call) or "response" (after it).
	Phase    string    `json:"phase"`
	Subject  Subject   `json:"subject"`
	Resource Resource  `json:"resource"`
	Purpose  string    `json:"purpose,omitempty"`
	Messages []Message `json:"messages,omitempty"`
	// Response is required in the response phase.
	Response *Response `json:"response,omitempty"`
	Context  Context   `json:"context,omitempty"`
	// Attachments lists the prompt's content that no detector reads
	// (images, audio, video, files), so that the policy knows what goes
	// to the model unchecked. Prompt phase.
	Attachments []Attachment `json:"attachments,omitempty"`
}

// Attachment is a piece of non-text content in a prompt. It carries no
// content, only what it is and where it sits.
type Attachment struct {
	// Type is image, audio, video or file.
	Type string `json:"type"`
	// Field is where it sits in the caller's request, e.g.
	// "messages[1].content[2]".
	Field string `json:"field,omitempty"`
	// MediaType is its MIME type when the request says, e.g. "image/png".
	MediaType string `json:"media_type,omitempty"`
	// Source is how the request carries it: "inline" (its data in the
	// request), "url", or "file" (the id of a file stored upstream).
	Source string `json:"source,omitempty"`
	// Bytes is the size of inline data, when known.
	Bytes int `json:"bytes,omitempty"`
}

// AttachmentTypes are the known Attachment.Type values.
var AttachmentTypes = map[string]bool{"image": true, "audio": true, "video": true, "file": true}

var attachmentSources = map[string]bool{"": true, "inline": true, "url": true, "file": true}

// Subject is the person or service on whose behalf the model is called.
type Subject struct {
	ID     string   `json:"id"`
	Roles  []string `json:"roles,omitempty"`
	Tenant string   `json:"tenant,omitempty"`
}

// Resource is the model and API being called.
type Resource struct {
	Model string `json:"model"`
	// Endpoint is the API called, e.g. "chat.completions" (the default),
	// "completions", "embeddings", "messages". It is the casbin action.
	Endpoint string `json:"endpoint,omitempty"`
}

// Message is one chat message. Tool results have role "tool".
type Message struct {
	Role       string `json:"role"`
	Content    string `json:"content"`
	Name       string `json:"name,omitempty"`
	ToolCallID string `json:"tool_call_id,omitempty"`
}

// Response is the model's answer, in the response phase.
type Response struct {
	Content string `json:"content"`
	// Reasoning is a reasoning model's chain of thought (DeepSeek R1's
	// reasoning_content or its <think> block).
	Reasoning string `json:"reasoning,omitempty"`
}

// Context is what else the caller knows about the call.
type Context struct {
	// Classification of the data in the prompt: public, internal,
	// confidential or restricted (the bundle's data lists the known ones).
	Classification string            `json:"classification,omitempty"`
	Documents      []Document        `json:"documents,omitempty"`
	ConversationID string            `json:"conversation_id,omitempty"`
	RequestID      string            `json:"request_id,omitempty"`
	Labels         map[string]string `json:"labels,omitempty"`
}

// Document is a retrieved document or tool output given to the model.
type Document struct {
	ID             string `json:"id,omitempty"`
	Text           string `json:"text"`
	Classification string `json:"classification,omitempty"`
	// Source is "retrieval" (default) or "tool".
	Source string `json:"source,omitempty"`
}

// Effects, strongest first.
const (
	EffectDeny   = "deny"
	EffectReview = "review"
	EffectRedact = "redact"
	EffectWarn   = "warn"
	EffectAllow  = "allow"
)

// effectRank orders effects: deny > review > redact > warn > allow.
var effectRank = map[string]int{
	EffectAllow: 0, EffectWarn: 1, EffectRedact: 2, EffectReview: 3, EffectDeny: 4,
}

// Stronger reports whether effect a outranks effect b.
func Stronger(a, b string) bool { return effectRank[a] > effectRank[b] }

// Decision is the engine's answer.
type Decision struct {
	DecisionID string `json:"decision_id"`
	Effect     string `json:"effect"`
	// Allow is false for deny and review: the call must not go ahead as is.
	Allow   bool     `json:"allow"`
	Reasons []Reason `json:"reasons"`
	// Messages holds the transformed messages when the effect redacted
	// prompt content.
	Messages []Message `json:"messages,omitempty"`
	// Response holds the transformed response in the response phase when
	// redaction or reasoning stripping changed it.
	Response    *Response    `json:"response,omitempty"`
	Route       *Route       `json:"route,omitempty"`
	Obligations *Obligations `json:"obligations,omitempty"`
	// FailClosed is set when the engine denied because it could not reach
	// a decision (no bundle, undefined decision, evaluation error).
	FailClosed bool            `json:"fail_closed,omitempty"`
	Bundle     BundleInfo      `json:"bundle"`
	Timings    Timings         `json:"timings_us"`
	Analysis   *AnalysisDigest `json:"analysis,omitempty"`

	redact []Evidence // the policy's redaction spans
	vault  *Vault     // originals behind the placeholders; never serialised
	canary bool       // the policy asked for a canary in the system prompt
	facts  *Facts     // what the engine computed for the policy input
}

// Facts are what the engine added to the request before evaluation: the
// access result and the detectors' findings and scores. They hold no
// request text, so a decision log can keep them, and replaying a decision
// against a new policy needs nothing else besides the request metadata.
type Facts struct {
	Access   Access             `json:"access"`
	Findings []analysis.Finding `json:"findings"`
	Signals  []analysis.Signal  `json:"signals,omitempty"`
	// Usage is what input.usage held, when usage counting is on.
	Usage *UsageTotals `json:"usage,omitempty"`
	// Topics are the policy's denied topics (config.scope.topics) the
	// findings were looked for with; not logged.
	Topics []string `json:"-"`
}

// Facts returns the access result and findings the decision was made on,
// or nil when the engine failed before computing them.
func (d *Decision) Facts() *Facts { return d.facts }

// Vault returns the placeholders of this decision's redaction with the
// values they replaced, for restoring a response in-process. It is nil
// when nothing was redacted.
func (d *Decision) Vault() *Vault { return d.vault }

// Reason is one rule that fired.
type Reason struct {
	ID       string     `json:"id"`
	Effect   string     `json:"effect"`
	Message  string     `json:"message"`
	Severity string     `json:"severity"`
	Controls []string   `json:"controls"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Evidence points at the span of input that made a rule fire. Offsets are
// Unicode code points into Field, end exclusive.
type Evidence struct {
	Field string `json:"field"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type,omitempty"`
}

// Route asks the connector to send the call elsewhere.
type Route struct {
	Model    string `json:"model,omitempty"`
	Upstream string `json:"upstream,omitempty"`
}

// Obligations are what the connector must do besides forwarding.
type Obligations struct {
	StripReasoning bool   `json:"strip_reasoning,omitempty"`
	Notice         string `json:"notice,omitempty"`
	// Restore asks the connector to put redacted originals back into the
	// model's response before the caller sees it.
	Restore bool `json:"restore,omitempty"`
	// Placeholders maps each placeholder used in redaction to the type it
	// stands for. The original values never leave the engine in a decision.
	Placeholders map[string]string `json:"placeholders,omitempty"`
	// Canary is the token the engine planted in the first system (or
	// developer) message of Decision.Messages, when the policy asked for
	// one. Send those messages to the model, and pass the token back as
	// context.labels.canary when checking the response: the leakage
	// detector looks for it there.
	Canary string `json:"canary,omitempty"`
}

// BundleInfo names the policy that decided.
type BundleInfo struct {
	Name     string `json:"name"`
	Revision string `json:"revision"`
}

// Timings in microseconds.
type Timings struct {
	Validate int64 `json:"validate"`
	Access   int64 `json:"access"`
	Analysis int64 `json:"analysis"`
	Eval     int64 `json:"eval"`
	Total    int64 `json:"total"`
}

// AnalysisDigest is a value-free summary of what the detectors found, for
// callers and logs: counts by type and the injection score.
type AnalysisDigest struct {
	Counts         map[string]int `json:"counts,omitempty"`
	InjectionScore float64        `json:"injection_score"`
}
