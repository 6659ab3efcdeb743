package proxy

import (
	"context"
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parapet-dev/parapet/engine"
)

// Metrics are the proxy's Prometheus metrics. Build them once with
// NewMetrics and pass them in Options.Metrics; the proxy observes every
// decision it records (the ones Options.OnDecision sees).
//
// Calls the proxy refuses itself, without a policy decision to refuse
// them, are counted by error code; calls that went ahead unchecked because
// the engine could not decide and the upstream is fail-open, by route.
//
// Labels are bounded: the route, the outcome, the phase, the effect and
// the error code come from fixed sets, the upstream from the
// configuration. No model name, subject or text is ever a label.
type Metrics struct {
	requests    *prometheus.CounterVec   // route, outcome
	decisions   *prometheus.CounterVec   // phase, effect
	duration    *prometheus.HistogramVec // phase
	analysis    *prometheus.HistogramVec // phase
	eval        *prometheus.HistogramVec // phase
	evaluations prometheus.Histogram
	late        prometheus.Counter
	upstream    *prometheus.HistogramVec // upstream
	reqErrors   *prometheus.CounterVec   // route, code
	failOpen    *prometheus.CounterVec   // route
}

// latencyBuckets are the decision API's (connectors/api), so the proxy's
// decision timings compare bucket for bucket with /v1/decide's.
var latencyBuckets = []float64{.00005, .0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1}

// upstreamBuckets span a cached embedding to a reasoning model thinking
// for minutes before its first byte.
var upstreamBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600}

// evaluationBuckets count response decisions per streamed answer.
var evaluationBuckets = []float64{1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64, 128}

// NewMetrics registers the proxy's metrics on reg. A nil reg gives nil
// Metrics: no metrics.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	if reg == nil {
		return nil, nil
	}
	m := &Metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_proxy_requests_total",
			Help: "Proxied calls that got a prompt decision, by route and how they ended for the caller: refused, completed, content_filter, upstream_error, upstream_timeout, client_disconnected, or forwarded (no response decision was made).",
		}, []string{"route", "outcome"}),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_proxy_decisions_total",
			Help: "Decisions the proxy recorded, by phase and effect: one per prompt, one per response choice (a stream's last decision).",
		}, []string{"phase", "effect"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parapet_proxy_decision_duration_seconds", Help: "Time to decide a recorded proxy decision, by phase.", Buckets: latencyBuckets,
		}, []string{"phase"}),
		analysis: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parapet_proxy_analysis_duration_seconds", Help: "Time spent in detectors per recorded proxy decision, by phase.", Buckets: latencyBuckets,
		}, []string{"phase"}),
		eval: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parapet_proxy_eval_duration_seconds", Help: "Time spent evaluating the policy per recorded proxy decision, by phase.", Buckets: latencyBuckets,
		}, []string{"phase"}),
		evaluations: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "parapet_proxy_response_evaluations", Help: "Response decisions made per streamed answer (per choice).", Buckets: evaluationBuckets,
		}),
		late: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "parapet_proxy_late_redactions_total", Help: "Response redactions that began in text already sent to the caller (raise hold_back_chars).",
		}),
		upstream: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parapet_proxy_upstream_duration_seconds", Help: "Time from sending a call upstream to the upstream's response headers, by upstream.", Buckets: upstreamBuckets,
		}, []string{"upstream"}),
		reqErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_proxy_request_errors_total",
			Help: "Proxied calls the proxy refused itself, not by a policy decision, by route and the error code the caller got: bad requests, authentication, model_not_found, route_unavailable, internal; other for any code not listed. Policy denials and upstream failures are in parapet_proxy_requests_total instead.",
		}, []string{"route", "code"}),
		failOpen: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_proxy_fail_open_total",
			Help: "Proxied calls the engine could not decide (the prompt, or a response) that went ahead unchecked because the upstream is fail-open, by route; once per call.",
		}, []string{"route"}),
	}
	for _, c := range []prometheus.Collector{m.requests, m.decisions, m.duration, m.analysis, m.eval, m.evaluations, m.late, m.upstream, m.reqErrors, m.failOpen} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// The fixed label values, in index order.
var (
	// The route names (routeChat.name …), spelled out: the arrays' sizes
	// are part of the Proxy type, which the routes refer to.
	metricRoutes   = [...]string{"chat.completions", "completions", "embeddings", "messages", "responses"}
	metricOutcomes = [...]Outcome{OutcomeRefused, OutcomeForwarded, OutcomeCompleted, OutcomeContentFilter, OutcomeUpstreamError, OutcomeUpstreamTimeout, OutcomeClientGone}
	metricPhases   = [...]string{engine.PhasePrompt, engine.PhaseResponse}
	metricEffects  = [...]string{engine.EffectAllow, engine.EffectWarn, engine.EffectRedact, engine.EffectReview, engine.EffectDeny}

	// Request errors are counted on every route the proxy serves, GET
	// /v1/models too (it can refuse a caller), and "unknown" for a path
	// that is none of them (mounted elsewhere by an embedder).
	metricErrorRoutes = [...]string{"chat.completions", "completions", "embeddings", "messages", "responses", "models", "unknown"}
	// The codes of the errors the proxy makes itself before or without a
	// policy decision (errors.go, call.go, callers.go, prompt.go), and
	// those of engine.RequestError; anything else counts as "other", the
	// last. TestRequestErrorCodesAreKnown keeps this list and the code in
	// step.
	metricErrorCodes = [...]string{
		"unauthorized", "invalid_api_key", "forbidden",
		engine.CodeUnsupportedType, engine.CodeTooLarge,
		engine.CodeInvalidJSON, engine.CodeInvalidUTF8, engine.CodeUnknownField, engine.CodeMissingField, engine.CodeInvalidField,
		"model_not_found", "route_unavailable", "internal",
		"other",
	}
	// upstreamErrorCodes are the errors the proxy answers when the
	// upstream failed a forwarded call: they are outcomes of
	// parapet_proxy_requests_total (upstream_error, upstream_timeout), not
	// request errors.
	upstreamErrorCodes = [...]string{"upstream_timeout", "upstream_unreachable", "upstream_invalid_response", "upstream_error"}
)

// The paths Mount serves, in metricErrorRoutes order.
var metricErrorPaths = [...]string{"/v1/chat/completions", "/v1/completions", "/v1/embeddings", "/v1/messages", "/v1/responses", "/v1/models"}

// boundMetrics are one proxy's label children, made once so that an
// observation is an array index and an atomic add.
type boundMetrics struct {
	m         *Metrics
	requests  [len(metricRoutes)][len(metricOutcomes)]prometheus.Counter
	decisions [len(metricPhases)][len(metricEffects)]prometheus.Counter
	duration  [len(metricPhases)]prometheus.Observer
	analysis  [len(metricPhases)]prometheus.Observer
	eval      [len(metricPhases)]prometheus.Observer
	upstream  map[string]prometheus.Observer
	reqErrors [len(metricErrorRoutes)][len(metricErrorCodes)]prometheus.Counter
	failOpen  [len(metricRoutes)]prometheus.Counter
}

func (m *Metrics) bind(upstreams []*upstream) *boundMetrics {
	b := &boundMetrics{m: m, upstream: make(map[string]prometheus.Observer, len(upstreams))}
	for i, r := range metricRoutes {
		for j, o := range metricOutcomes {
			b.requests[i][j] = m.requests.WithLabelValues(r, string(o))
		}
	}
	for i, ph := range metricPhases {
		for j, e := range metricEffects {
			b.decisions[i][j] = m.decisions.WithLabelValues(ph, e)
		}
		b.duration[i] = m.duration.WithLabelValues(ph)
		b.analysis[i] = m.analysis.WithLabelValues(ph)
		b.eval[i] = m.eval.WithLabelValues(ph)
	}
	for _, u := range upstreams {
		b.upstream[u.Name] = m.upstream.WithLabelValues(u.Name)
	}
	for i, r := range metricErrorRoutes {
		for j, code := range metricErrorCodes {
			b.reqErrors[i][j] = m.reqErrors.WithLabelValues(r, code)
		}
	}
	for i, r := range metricRoutes {
		b.failOpen[i] = m.failOpen.WithLabelValues(r)
	}
	return b
}

// requestError counts an error the proxy answered with, unless it is a
// policy denial (counted as refused in parapet_proxy_requests_total) or
// an upstream failure (upstream_error, upstream_timeout there). Most come
// before any decision; model_not_found and route_unavailable come after
// an allowing prompt decision, so those calls are also refused in
// parapet_proxy_requests_total. path is the matched route (gin's
// FullPath); the code is a label only if it is one of metricErrorCodes.
func (b *boundMetrics) requestError(path string, e *apiError) {
	if b == nil || e.policy || indexOf(upstreamErrorCodes[:], e.code) >= 0 {
		return
	}
	r := len(metricErrorPaths)                       // unknown
	path = strings.TrimSuffix(path, "/count_tokens") // counted with messages
	for i, p := range metricErrorPaths {
		if strings.HasSuffix(path, p) {
			r = i
			break
		}
	}
	c := indexOf(metricErrorCodes[:len(metricErrorCodes)-1], e.code)
	if c < 0 {
		c = len(metricErrorCodes) - 1 // other
	}
	b.reqErrors[r][c].Inc()
}

// failedOpen counts a call that went ahead unchecked.
func (b *boundMetrics) failedOpen(route string) {
	if b == nil {
		return
	}
	if r := indexOf(metricRoutes[:], route); r >= 0 {
		b.failOpen[r].Inc()
	}
}

func indexOf[T comparable](set []T, v T) int {
	for i, s := range set {
		if s == v {
			return i
		}
	}
	return -1
}

// hook observes a decision, then hands it to next.
func (b *boundMetrics) hook(next DecisionHook) DecisionHook {
	return func(ctx context.Context, req *engine.Request, d *engine.Decision, info StreamInfo) {
		b.observe(req, d, &info)
		if next != nil {
			next(ctx, req, d, info)
		}
	}
}

func (b *boundMetrics) observe(req *engine.Request, d *engine.Decision, info *StreamInfo) {
	ph := 0
	if req.Phase == engine.PhaseResponse {
		ph = 1
	}
	if e := indexOf(metricEffects[:], d.Effect); e >= 0 {
		b.decisions[ph][e].Inc()
	} else {
		// The engine only decides the effects above; kept for safety.
		b.m.decisions.WithLabelValues(metricPhases[ph], d.Effect).Inc()
	}
	b.duration[ph].Observe(float64(d.Timings.Total) / 1e6)
	b.analysis[ph].Observe(float64(d.Timings.Analysis) / 1e6)
	b.eval[ph].Observe(float64(d.Timings.Eval) / 1e6)

	if ph == 1 {
		if info.Streamed {
			b.m.evaluations.Observe(float64(info.Evaluations))
		}
		if info.LateRedactions > 0 {
			b.m.late.Add(float64(info.LateRedactions))
		}
		return
	}
	// The prompt-phase record comes last, once per call, with how the
	// response phase (if any) ended.
	outcome := info.Outcome
	if info.ResponseOutcome != "" {
		outcome = info.ResponseOutcome
	}
	r, o := indexOf(metricRoutes[:], info.Route), indexOf(metricOutcomes[:], outcome)
	if r >= 0 && o >= 0 {
		b.requests[r][o].Inc()
	} else {
		b.m.requests.WithLabelValues(info.Route, string(outcome)).Inc()
	}
	if info.UpstreamDuration > 0 {
		if obs, ok := b.upstream[info.Upstream]; ok {
			obs.Observe(info.UpstreamDuration.Seconds())
		}
	}
}
