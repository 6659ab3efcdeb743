package proxy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"github.com/parapet-dev/parapet/engine"
)

// route is one proxied endpoint.
type route struct {
	name     string // the engine's endpoint (casbin action)
	kind     apiKind
	protocol string
	path     string // on the upstream
	extract  func(map[string]any, *promptText) *apiError
	// respond handles a 2xx upstream answer; nil passes it through
	// (embeddings are checked in the prompt phase only).
	respond func(*call, *http.Response)
}

var (
	routeChat       = &route{name: "chat.completions", kind: apiOpenAI, protocol: ProtocolOpenAI, path: "/chat/completions", extract: extractChat}
	routeCompletion = &route{name: "completions", kind: apiOpenAI, protocol: ProtocolOpenAI, path: "/completions", extract: extractCompletion}
	routeEmbedding  = &route{name: "embeddings", kind: apiOpenAI, protocol: ProtocolOpenAI, path: "/embeddings", extract: extractEmbedding}
	routeMessages   = &route{name: "messages", kind: apiAnthropic, protocol: ProtocolAnthropic, path: "/v1/messages", extract: extractMessages}
	// Anthropic's token counting sends the prompt to the upstream too, so
	// it is decided like a message (same endpoint for the policy); the
	// count comes back as it is.
	routeCountTokens = &route{name: "messages", kind: apiAnthropic, protocol: ProtocolAnthropic, path: "/v1/messages/count_tokens", extract: extractMessages}
)

func init() {
	routeChat.respond = func(k *call, r *http.Response) { k.respondOpenAI(r, true) }
	routeCompletion.respond = func(k *call, r *http.Response) { k.respondOpenAI(r, false) }
	routeMessages.respond = func(k *call, r *http.Response) { k.respondAnthropic(r) }
}

func (p *Proxy) chatCompletions(c *gin.Context) { p.serve(c, routeChat) }
func (p *Proxy) completions(c *gin.Context)     { p.serve(c, routeCompletion) }
func (p *Proxy) embeddings(c *gin.Context)      { p.serve(c, routeEmbedding) }
func (p *Proxy) messages(c *gin.Context)        { p.serve(c, routeMessages) }
func (p *Proxy) countTokens(c *gin.Context)     { p.serve(c, routeCountTokens) }

var (
	errUpstreamTimeout = errors.New("upstream timed out")
	errIdleTimeout     = errors.New("upstream stream stalled")
)

// call is one proxied request.
type call struct {
	p      *Proxy
	c      *gin.Context
	rt     *route
	caller Caller
	req    *engine.Request  // the prompt as decided
	d      *engine.Decision // the prompt decision
	up     *upstream
	target string // the model after routing, as the catalogue names it
	stream bool
	n      int // choices asked for
	info   StreamInfo
	ctx    context.Context // the upstream call's
	cancel context.CancelCauseFunc
	// ended: the upstream stream ended as its protocol says ([DONE],
	// message_stop), so what is left of its body (the last chunk of the
	// chunked encoding) is read, not cut, and its connection is reused.
	ended bool
	start time.Time
	// respFailedOpen: a response decision failed and the upstream is
	// fail-open, so the response went ahead unchecked.
	respFailedOpen bool
}

func (p *Proxy) serve(c *gin.Context, rt *route) {
	k := &call{p: p, c: c, rt: rt, caller: callerOf(c), start: time.Now()}
	raw, aerr := readBody(c, p.opts.MaxBodyBytes)
	if aerr != nil {
		p.fail(c, rt.kind, aerr)
		return
	}
	body, err := decodeObject(raw)
	if err != nil {
		p.fail(c, rt.kind, &apiError{status: http.StatusBadRequest, code: engine.CodeInvalidJSON, msg: "the body is not a JSON object: " + err.Error()})
		return
	}
	model, _ := body["model"].(string)
	if strings.TrimSpace(model) == "" {
		p.fail(c, rt.kind, &apiError{status: http.StatusBadRequest, code: engine.CodeMissingField, param: "model", msg: "model: is required"})
		return
	}
	k.stream, _ = body["stream"].(bool)
	k.n = 1
	if n, ok := body["n"].(json.Number); ok {
		if v, err := strconv.Atoi(string(n)); err == nil && v > 1 {
			k.n = v
		}
	}
	var pt promptText
	if aerr := rt.extract(body, &pt); aerr != nil {
		p.fail(c, rt.kind, aerr)
		return
	}
	h := c.Request.Header
	k.req = &engine.Request{
		Phase:       engine.PhasePrompt,
		Subject:     engine.Subject{ID: k.caller.Subject, Roles: k.caller.Roles, Tenant: k.caller.Tenant},
		Resource:    engine.Resource{Model: model, Endpoint: rt.name},
		Purpose:     h.Get("X-Parapet-Purpose"),
		Messages:    pt.messages(),
		Attachments: pt.atts,
		Context: engine.Context{
			Classification: h.Get("X-Parapet-Classification"),
			ConversationID: h.Get("X-Parapet-Conversation-Id"),
			RequestID:      firstNonEmpty(h.Get("X-Request-Id"), uuid.NewString()),
		},
	}
	k.info = StreamInfo{Route: rt.name, Caller: k.caller, Streamed: k.stream, Status: http.StatusOK}
	d, err := p.eng.Decide(c.Request.Context(), k.req)
	if err != nil {
		var re *engine.RequestError
		if errors.As(err, &re) {
			st := http.StatusBadRequest
			if re.Code == engine.CodeTooLarge {
				st = http.StatusRequestEntityTooLarge
			}
			p.fail(c, rt.kind, &apiError{status: st, code: re.Code, msg: "the prompt cannot be checked: " + re.Message})
			return
		}
		p.fail(c, rt.kind, &apiError{status: http.StatusInternalServerError, code: "internal", msg: "internal error"})
		return
	}
	k.d = d
	k.info.PromptDecisionID = d.DecisionID
	hdr := c.Writer.Header()
	hdr.Set("X-Parapet-Decision-Id", d.DecisionID)
	hdr.Set("X-Parapet-Effect", d.Effect)

	failOpen := false
	if !d.Allow {
		if u := p.pick(rt.protocol, model, ""); d.FailClosed && u != nil && u.FailOpen {
			failOpen = true
			hdr.Set("X-Parapet-Fail-Open", firstReason(d))
			p.log.Warn("engine could not decide; forwarding unchecked (upstream is fail-open)", "decision_id", d.DecisionID, "reason", firstReason(d), "upstream", u.Name)
		} else {
			k.info.Outcome, k.info.Status = OutcomeRefused, http.StatusForbidden
			p.record(c.Request.Context(), k.req, d, k.info)
			p.fail(c, rt.kind, denial(d, "the request was refused by policy"))
			return
		}
	}
	k.info.FailOpen = failOpen
	if d.Obligations != nil && d.Obligations.Notice != "" {
		hdr.Set("X-Parapet-Notice", headerSafe(d.Obligations.Notice))
	}

	modified := false
	if !failOpen && d.Messages != nil {
		modified = pt.apply(d.Messages)
	}
	k.target = model
	upName := ""
	if d.Route != nil && !failOpen {
		if d.Route.Model != "" {
			k.target = d.Route.Model
		}
		upName = d.Route.Upstream
	}
	k.up = p.pick(rt.protocol, k.target, upName)
	if k.up == nil {
		k.info.Outcome = OutcomeRefused
		if k.target != model || upName != "" {
			k.info.Status = http.StatusBadGateway
			p.record(c.Request.Context(), k.req, d, k.info)
			p.fail(c, rt.kind, &apiError{status: http.StatusBadGateway, code: "route_unavailable", msg: "the policy routes this call to " + describeRoute(k.target, upName) + ", which no " + rt.protocol + " upstream serves"})
			return
		}
		k.info.Status = http.StatusNotFound
		p.record(c.Request.Context(), k.req, d, k.info)
		msg := "no " + rt.protocol + " upstream serves model " + strconv.Quote(model)
		if len(p.upstreams) == 0 {
			msg = "no upstream is configured: start parapet serve with --upstream NAME=URL, or add upstreams: to its config"
		}
		p.fail(c, rt.kind, &apiError{status: http.StatusNotFound, code: "model_not_found", param: "model", msg: msg})
		return
	}
	if k.target != model || upName != "" {
		hdr.Set("X-Parapet-Route", k.target+"@"+k.up.Name)
	}
	send := k.up.upstreamModel(k.target)
	if send != model {
		body["model"] = send
		modified = true
	}
	out := raw
	if modified {
		out = encodeJSON(body)
	}
	k.info.Upstream, k.info.Model = k.up.Name, send
	k.info.Outcome = OutcomeForwarded
	k.forward(out)
	if k.info.FailOpen || k.respFailedOpen {
		p.metrics.failedOpen(rt.name) // once per call, however many choices
	}
	// The prompt decision is recorded once the call is over, with how it
	// ended when no response was decided (upstream error, timeout, client
	// gone); response decisions are recorded on their own.
	p.record(c.Request.Context(), k.req, d, k.info)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func firstReason(d *engine.Decision) string {
	if len(d.Reasons) > 0 {
		return d.Reasons[0].ID
	}
	return d.Effect
}

func describeRoute(model, up string) string {
	s := "model " + strconv.Quote(model)
	if up != "" {
		s += " on upstream " + strconv.Quote(up)
	}
	return s
}

// denial is the caller's error for a decision that refused: the reason id
// is the code, the decision id finds the record.
func denial(d *engine.Decision, what string) *apiError {
	msg := what
	if len(d.Reasons) > 0 {
		msg += ": " + d.Reasons[0].Message
	}
	msg += " (decision " + d.DecisionID + ")"
	return &apiError{status: http.StatusForbidden, code: firstReason(d), msg: msg, policy: true, decisionID: d.DecisionID}
}

// headerSafe makes a policy's notice fit in a header value.
func headerSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	if len(s) > 1024 {
		s = s[:1024]
	}
	return s
}

// record hands a decision to the hook.
func (p *Proxy) record(ctx context.Context, req *engine.Request, d *engine.Decision, info StreamInfo) {
	if p.log.IsDebug() {
		p.log.Debug("proxy decision", "decision_id", d.DecisionID, "phase", req.Phase, "effect", d.Effect,
			"route", info.Route, "upstream", info.Upstream, "model", info.Model, "outcome", info.Outcome,
			"status", info.Status, "streamed", info.Streamed, "sent_bytes", info.SentBytes, "held_bytes", info.HeldBytes)
	}
	if p.opts.OnDecision != nil && d != nil {
		p.opts.OnDecision(ctx, req, d, info)
	}
}

// Request headers a caller may pass to the upstream. Everything else, the
// caller's credentials first, stays here.
var forwardRequestHeaders = []string{"Anthropic-Version", "Anthropic-Beta", "Openai-Beta", "Idempotency-Key", "X-Request-Id"}

// Response headers that are not passed back: hop-by-hop, lengths that no
// longer hold, and what identifies the upstream account.
var dropResponseHeaders = map[string]bool{
	"Content-Length": true, "Content-Encoding": true, "Transfer-Encoding": true, "Connection": true,
	"Keep-Alive": true, "Proxy-Authenticate": true, "Proxy-Connection": true, "Te": true, "Trailer": true,
	"Upgrade": true, "Set-Cookie": true, "Server": true, "Date": true, "Alt-Svc": true, "Via": true,
	"Openai-Organization": true, "Openai-Project": true, "Anthropic-Organization-Id": true,
}

// forward sends the body upstream and hands the answer on.
func (k *call) forward(body []byte) {
	p, c := k.p, k.c
	// The upstream call ends with the caller's request, except that a
	// stream that ended normally is read to its end first (release).
	parent := c.Request.Context()
	k.ctx, k.cancel = context.WithCancelCause(context.WithoutCancel(parent))
	unwatch := context.AfterFunc(parent, func() { k.cancel(context.Cause(parent)) })
	var resp *http.Response
	defer func() { k.release(resp, unwatch) }()
	timer := time.AfterFunc(k.up.Timeout, func() { k.cancel(errUpstreamTimeout) })
	defer timer.Stop()

	hreq, err := http.NewRequestWithContext(k.ctx, http.MethodPost, k.up.endpoint(k.rt.path), bytes.NewReader(body))
	if err != nil {
		k.upstreamFailed(err)
		return
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set("User-Agent", "parapet-proxy")
	if k.stream {
		hreq.Header.Set("Accept", "text/event-stream")
	} else {
		hreq.Header.Set("Accept", "application/json")
	}
	for _, name := range forwardRequestHeaders {
		if v := c.Request.Header.Get(name); v != "" {
			hreq.Header.Set(name, v)
		}
	}
	if k.up.Protocol == ProtocolAnthropic {
		if hreq.Header.Get("Anthropic-Version") == "" {
			hreq.Header.Set("Anthropic-Version", "2023-06-01")
		}
		if k.up.APIKey != "" {
			hreq.Header.Set("X-Api-Key", k.up.APIKey)
		}
	} else if k.up.APIKey != "" {
		hreq.Header.Set("Authorization", "Bearer "+k.up.APIKey)
	}
	sent := time.Now()
	resp, err = p.client.Do(hreq)
	if err != nil {
		resp = nil
		k.upstreamFailed(err)
		return
	}
	k.info.UpstreamDuration = time.Since(sent)
	copyHeaders(c.Writer.Header(), resp.Header)
	ct := resp.Header.Get("Content-Type")
	switch {
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		// Upstream errors pass through unchanged.
		k.info.Outcome, k.info.Status = OutcomeUpstreamError, resp.StatusCode
		k.passThrough(resp)
	case k.rt.respond == nil:
		k.info.Outcome, k.info.Status = OutcomeCompleted, resp.StatusCode
		k.passThrough(resp)
	case strings.HasPrefix(ct, "text/event-stream"):
		timer.Stop()
		k.rt.respond(k, resp)
	default:
		k.rt.respond(k, resp)
	}
}

// drainLimit and drainTimeout bound what release reads after a stream's
// end: an upstream that sends more, or keeps the body open, loses the
// connection.
const (
	drainLimit   = 4 << 10
	drainTimeout = 2 * time.Second
)

// release ends the upstream call. After a stream that ended normally, the
// rest of the body is read in the background, so that the transport keeps
// the connection for the next call instead of closing it (cancelling a
// body that has not reached its end closes the connection; it did so after
// about one stream in fifteen on loopback). Otherwise the body is closed
// and the call cancelled at once.
func (k *call) release(resp *http.Response, unwatch func() bool) {
	if resp == nil {
		unwatch()
		k.cancel(nil)
		return
	}
	if !k.ended || !unwatch() {
		resp.Body.Close()
		k.cancel(nil)
		return
	}
	go func(body io.ReadCloser, cancel context.CancelCauseFunc) {
		t := time.AfterFunc(drainTimeout, func() { cancel(nil) })
		_, _ = io.CopyN(io.Discard, body, drainLimit)
		t.Stop()
		body.Close()
		cancel(nil)
	}(resp.Body, k.cancel)
}

func copyHeaders(dst, src http.Header) {
	for name, vs := range src {
		if dropResponseHeaders[http.CanonicalHeaderKey(name)] {
			continue
		}
		dst[name] = append([]string(nil), vs...)
	}
}

// passThrough copies the upstream's answer as it is.
func (k *call) passThrough(resp *http.Response) {
	k.c.Status(resp.StatusCode)
	_, err := io.Copy(flushWriter{k.c.Writer}, resp.Body)
	if err != nil && k.clientGone() {
		k.info.Outcome = OutcomeClientGone
	}
}

// answer sends a checked, non-streamed answer to the caller now, with its
// length, rather than when the handler returns: the decisions are then
// recorded (the decision log's work) after the caller has its answer.
func (k *call) answer(status int, body []byte) {
	k.c.Header("Content-Length", strconv.Itoa(len(body)))
	k.c.Data(status, "application/json", body)
	k.c.Writer.Flush()
}

type flushWriter struct{ w gin.ResponseWriter }

func (f flushWriter) Write(b []byte) (int, error) {
	n, err := f.w.Write(b)
	f.w.Flush()
	return n, err
}

func (k *call) clientGone() bool { return k.c.Request.Context().Err() != nil }

// upstreamFailed answers a call whose upstream gave no answer.
func (k *call) upstreamFailed(err error) {
	switch {
	case k.clientGone():
		k.info.Outcome, k.info.Status = OutcomeClientGone, 499
		k.c.Abort()
	case errors.Is(context.Cause(k.ctx), errUpstreamTimeout):
		k.info.Outcome, k.info.Status = OutcomeUpstreamTimeout, http.StatusGatewayTimeout
		k.p.fail(k.c, k.rt.kind, &apiError{status: http.StatusGatewayTimeout, code: "upstream_timeout", msg: "upstream " + strconv.Quote(k.up.Name) + " did not answer within " + k.up.Timeout.String()})
	default:
		// The URL may carry a key (some gateways take one in the query):
		// log only the cause.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		k.p.log.Warn("upstream unreachable", "upstream", k.up.Name, "error", err)
		k.info.Outcome, k.info.Status = OutcomeUpstreamError, http.StatusBadGateway
		k.p.fail(k.c, k.rt.kind, &apiError{status: http.StatusBadGateway, code: "upstream_unreachable", msg: "upstream " + strconv.Quote(k.up.Name) + " could not be reached"})
	}
}

// readAll reads an upstream body under a generous limit.
func readAll(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxUpstreamBodyBytes+1))
	if err == nil && len(b) > maxUpstreamBodyBytes {
		return nil, errors.New("upstream body too large")
	}
	return b, err
}

// newGuard starts the response check for one choice.
func (k *call) newGuard() *guard {
	sent := k.req.Messages
	if k.d != nil && k.d.Messages != nil && !k.info.FailOpen {
		sent = k.d.Messages // redacted, or with a canary: what the model saw
	}
	base := engine.Request{Subject: k.req.Subject, Resource: engine.Resource{Model: k.target, Endpoint: k.rt.name}, Purpose: k.req.Purpose, Context: k.req.Context, Messages: sent}
	g := newGuard(k.p, base, k.d, k.up.FailOpen)
	if k.info.FailOpen {
		// The prompt went unchecked; the response is still checked, but
		// an undecidable one goes ahead too.
		g.failOpen = true
	}
	return g
}

// recordResponse records a guard's last decision with what the caller
// got.
func (k *call) recordResponse(g *guard, choice int, outcome Outcome) {
	if g.failedOpen {
		k.respFailedOpen = true
	}
	if k.p.opts.OnDecision == nil && !k.p.log.IsDebug() {
		return
	}
	// The record covers everything the upstream sent, decided or not yet
	// (a stream the client left, or that broke off).
	g.finish(context.WithoutCancel(k.c.Request.Context()))
	if k.info.ResponseOutcome == "" || outcome != OutcomeCompleted {
		k.info.ResponseOutcome = outcome
	}
	info := k.info
	info.Choice = choice
	info.Outcome = outcome
	info.Evaluations = g.evals
	info.SentBytes = g.sentBytes
	info.HeldBytes = g.held()
	info.LateRedactions = g.late
	if g.failedOpen {
		info.FailOpen = true
	}
	if g.last != nil {
		k.p.record(k.c.Request.Context(), g.lastReq, g.last, info)
	}
}
