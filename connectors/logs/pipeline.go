package logs

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/parapet-dev/parapet/engine"
)

// ErrClosed is returned by Record after Close.
var ErrClosed = errors.New("decision log pipeline is closed")

// Options are what a pipeline needs besides its config.
type Options struct {
	Logger hclog.Logger
	// Registerer receives the pipeline's metrics. Nil: not registered.
	Registerer prometheus.Registerer
	// Policy is data.parapet.log of the active bundle (NewRegoLogPolicy);
	// nil: none. SetPolicy swaps it when the bundle changes.
	Policy LogPolicy
	// Version goes into labels.version.
	Version string
}

// Pipeline records decision events: Record masks, encrypts, chains and
// hands each event to every sink's queue; a worker per sink ships them.
// Record never waits on sink I/O; with backpressure "block" it waits for
// queue space when a sink and its spool cannot keep up.
type Pipeline struct {
	cfg     Config
	log     hclog.Logger
	masking *Masking
	keys    *Keyring
	signer  ed25519.PrivateKey
	labels  map[string]string
	capture map[string]bool
	policy  atomic.Pointer[policyBox]
	metrics *metrics
	reg     prometheus.Registerer

	in      chan *Event
	closing chan struct{}
	mu      sync.RWMutex
	closed  bool

	state     *chainState
	sinks     []*sinkRunner
	seqDone   chan struct{}
	closeOnce sync.Once
	closeErr  error

	// sequencer-only state
	sinceCheckpoint int
	lastCheckpoint  time.Time
}

type policyBox struct{ p LogPolicy }

// New validates cfg, opens the chain state, the spools and the sinks, and
// starts the pipeline. Whatever it opened is closed again if a later step
// fails. A config with no sinks gives a pipeline that records nothing.
func New(ctx context.Context, cfg Config, opts Options) (_ *Pipeline, err error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("invalid logs configuration:\n%w", err)
	}
	cfg = cfg.withDefaults()
	if opts.Logger == nil {
		opts.Logger = hclog.NewNullLogger()
	}
	p := &Pipeline{
		cfg: cfg, log: opts.Logger, reg: opts.Registerer,
		in: make(chan *Event, 1024), closing: make(chan struct{}), seqDone: make(chan struct{}),
		capture: map[string]bool{},
	}
	p.policy.Store(&policyBox{opts.Policy})
	defer func() {
		if err != nil {
			p.abort()
		}
	}()

	var hkey []byte
	switch {
	case cfg.Masking.HMACKeyFile != "":
		b, err := os.ReadFile(cfg.Masking.HMACKeyFile)
		if err != nil {
			return nil, fmt.Errorf("logs.masking.hmac_key_file: %w", err)
		}
		if hkey = bytes.TrimRight(b, "\r\n"); len(hkey) < 16 {
			return nil, errors.New("logs.masking.hmac_key_file: the key must be at least 16 bytes")
		}
	case cfg.Masking.HMACKey != "":
		hkey = []byte(cfg.Masking.HMACKey)
	}
	p.masking = NewMasking(cfg.Masking.Text, hkey)
	if p.keys, err = LoadKeyring(cfg.Encryption.Keys); err != nil {
		return nil, fmt.Errorf("logs.encryption.keys: %w", err)
	}
	for _, e := range cfg.Masking.FullCapture {
		p.capture[e] = true
	}
	if cfg.Chain.SigningKeyFile != "" {
		if p.signer, err = ReadSigningKey(cfg.Chain.SigningKeyFile); err != nil {
			return nil, fmt.Errorf("logs.chain.signing_key_file: %w", err)
		}
	}
	if !cfg.Enabled() {
		close(p.seqDone)
		return p, nil
	}
	if p.state, err = openChainState(cfg.SpoolDir); err != nil {
		return nil, err
	}
	p.labels = map[string]string{"id": p.state.InstanceID, "version": opts.Version, "chain_id": p.state.ChainID}
	if cfg.InstanceID != "" {
		p.labels["id"] = cfg.InstanceID
	}
	if p.labels["version"] == "" {
		p.labels["version"] = "dev"
	}
	for k, v := range cfg.Labels {
		p.labels[k] = v
	}
	p.metrics = newMetrics()

	names := make([]string, 0, len(cfg.Sinks))
	for n := range cfg.Sinks {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		sc := cfg.Sinks[name]
		w, err := newSinkWriter(name, sc, p.log.Named(name), p.state.ChainID)
		if err != nil {
			return nil, fmt.Errorf("logs.sinks.%s: %w", name, err)
		}
		sp, err := openSpool(filepath.Join(cfg.SpoolDir, "sinks", name), cfg.SpoolMaxBytes)
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("logs.sinks.%s: %w", name, err)
		}
		r := &sinkRunner{
			name: name, cfg: sc, w: w, spool: sp, p: p, log: p.log.Named(name),
			queue: make(chan []byte, sc.QueueSize), done: make(chan struct{}),
			checkpoints: sc.Kind == KindFile || sc.Kind == KindKafka || sc.Kind == KindConsole,
		}
		switch sw := w.(type) {
		case *httpSink:
			sw.tooLarge = func() { p.metrics.dropped.WithLabelValues(name, "too_large").Inc() }
		case *alertSink:
			r.alert = newAlertFilter(sc)
			sw.suppressed = p.metrics.suppressed.WithLabelValues(name)
		}
		r.spooled.Store(sp.pending)
		p.sinks = append(p.sinks, r)
	}
	if err := p.metrics.register(opts.Registerer, p); err != nil {
		return nil, fmt.Errorf("logs: registering metrics: %w", err)
	}
	for _, r := range p.sinks {
		go r.run()
	}
	p.lastCheckpoint = time.Now()
	go p.sequence()
	p.log.Info("decision log pipeline started", "sinks", len(p.sinks), "chain_id", p.state.ChainID, "seq", p.state.Seq)
	return p, nil
}

// abort undoes a partial New.
func (p *Pipeline) abort() {
	for _, r := range p.sinks {
		r.w.Close()
		r.spool.close()
	}
	p.sinks = nil
	if p.state != nil {
		p.state.close()
	}
}

// SetPolicy swaps the bundle's log policy, for a bundle activation.
func (p *Pipeline) SetPolicy(lp LogPolicy) { p.policy.Store(&policyBox{lp}) }

// Masking is the pipeline's masking, for NewEvent.
func (p *Pipeline) Masking() *Masking { return p.masking }

// Enabled reports whether the pipeline has any sink.
func (p *Pipeline) Enabled() bool { return p != nil && len(p.sinks) > 0 }

// Event builds the event for a decision with this pipeline's masking.
func (p *Pipeline) Event(req *engine.Request, d *engine.Decision, c Connector) Event {
	return NewEvent(req, d, c, p.masking)
}

// Decision builds and records the event for a decision: the connectors'
// OnDecision hook. It never returns an error; failures are counted.
func (p *Pipeline) Decision(ctx context.Context, req *engine.Request, d *engine.Decision, c Connector) {
	if !p.Enabled() || d == nil {
		return
	}
	ev := p.Event(req, d, c)
	if err := p.Record(ctx, ev); err != nil {
		p.log.Warn("decision not logged", "decision_id", d.DecisionID, "error", err)
	}
}

// Record hands an event to the pipeline. It does no I/O. With
// backpressure "drop" it never waits; with "block" it waits while the
// pipeline is saturated, until ctx ends.
func (p *Pipeline) Record(ctx context.Context, ev Event) error {
	if !p.Enabled() {
		return nil
	}
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return ErrClosed
	}
	e := &ev
	if p.cfg.Backpressure == BackpressureDrop {
		select {
		case p.in <- e:
			return nil
		default:
			p.metrics.dropped.WithLabelValues("*", "pipeline_full").Inc()
			return errors.New("decision log pipeline is full; event dropped")
		}
	}
	select {
	case p.in <- e:
		return nil
	case <-p.closing:
		return ErrClosed
	case <-ctx.Done():
		// The caller gave up (client gone); the decision is still logged
		// if there is room a moment later rather than lost.
		select {
		case p.in <- e:
			return nil
		case <-time.After(time.Second):
			p.metrics.dropped.WithLabelValues("*", "caller_gone").Inc()
			return fmt.Errorf("event dropped: %w", ctx.Err())
		}
	}
}

// Close stops taking events, flushes every queue to its sink or, when
// the sink is down or ctx ends first, to its spool, signs a last
// checkpoint and closes the sinks. It is safe to call more than once and
// after a partial start.
func (p *Pipeline) Close(ctx context.Context) error {
	if p == nil {
		return nil
	}
	p.closeOnce.Do(func() { p.closeErr = p.close(ctx) })
	return p.closeErr
}

func (p *Pipeline) close(ctx context.Context) error {
	if !p.Enabled() {
		return nil
	}
	for _, r := range p.sinks {
		r.setCloseCtx(ctx)
	}
	close(p.closing)
	p.mu.Lock()
	p.closed = true
	close(p.in)
	p.mu.Unlock()
	<-p.seqDone
	var errs []error
	for _, r := range p.sinks {
		select {
		case <-r.done:
		case <-ctx.Done():
			// Give the worker a moment to spool what it holds.
			select {
			case <-r.done:
			case <-time.After(5 * time.Second):
				errs = append(errs, fmt.Errorf("sink %s: did not stop in time", r.name))
			}
		}
		if r.err != nil {
			errs = append(errs, fmt.Errorf("sink %s: %w", r.name, r.err))
		}
	}
	if err := p.state.close(); err != nil {
		errs = append(errs, fmt.Errorf("chain state: %w", err))
	}
	p.metrics.unregister(p.reg)
	p.log.Info("decision log pipeline stopped", "seq", p.state.Seq)
	return errors.Join(errs...)
}

// sequence is the one goroutine that orders events: it applies the log
// policy, encryption and the chain, then fans the line out to the sinks.
func (p *Pipeline) sequence() {
	defer close(p.seqDone)
	defer func() {
		for _, r := range p.sinks {
			close(r.queue)
		}
	}()
	var tick <-chan time.Time
	if p.signer != nil && p.cfg.Chain.CheckpointInterval > 0 {
		t := time.NewTicker(time.Duration(p.cfg.Chain.CheckpointInterval))
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case ev, ok := <-p.in:
			if !ok {
				p.checkpoint()
				return
			}
			p.one(ev)
			// Drain what else is waiting before saving the state once.
		drain:
			for range 255 {
				select {
				case ev, ok := <-p.in:
					if !ok {
						break drain
					}
					p.one(ev)
				default:
					break drain
				}
			}
			if err := p.state.save(false); err != nil {
				p.log.Error("saving chain state", "error", err)
			}
		case <-tick:
			if time.Since(p.lastCheckpoint) >= time.Duration(p.cfg.Chain.CheckpointInterval) {
				p.checkpoint()
			}
		}
	}
}

func (p *Pipeline) one(ev *Event) {
	line, err := p.encode(ev)
	if err != nil {
		p.log.Error("BUG: encoding a decision event", "decision_id", ev.DecisionID, "error", err)
		p.metrics.dropped.WithLabelValues("*", "encode_error").Inc()
		return
	}
	for _, r := range p.sinks {
		l := line
		if r.alert != nil {
			if l = r.alert.line(ev); l == nil {
				continue
			}
		}
		r.enqueue(l)
	}
	p.sinceCheckpoint++
	if p.signer != nil && p.cfg.Chain.CheckpointEvery > 0 && p.sinceCheckpoint >= p.cfg.Chain.CheckpointEvery {
		p.checkpoint()
	}
}

// checkpoint signs the chain's head, if any event came since the last.
func (p *Pipeline) checkpoint() {
	if p.signer == nil || p.sinceCheckpoint == 0 {
		return
	}
	c := signCheckpoint(p.signer, p.state.ChainID, p.state.Seq, p.state.Hash, time.Now())
	line := c.line()
	for _, r := range p.sinks {
		if r.checkpoints {
			r.enqueue(line)
		}
	}
	p.sinceCheckpoint = 0
	p.lastCheckpoint = time.Now()
	p.metrics.checkpoints.Inc()
	if err := p.state.save(true); err != nil {
		p.log.Error("saving chain state", "error", err)
	}
}

// wireEvent is an event as written. Fields that encryption may replace
// are of type any.
type wireEvent struct {
	DecisionID  string                    `json:"decision_id"`
	Labels      map[string]string         `json:"labels"`
	Bundles     map[string]BundleRevision `json:"bundles,omitempty"`
	Path        string                    `json:"path"`
	Input       any                       `json:"input,omitempty"`
	Result      any                       `json:"result,omitempty"`
	Erased      []string                  `json:"erased,omitempty"`
	Masked      []string                  `json:"masked,omitempty"`
	RequestedBy string                    `json:"requested_by,omitempty"`
	Timestamp   time.Time                 `json:"timestamp"`
	Metrics     any                       `json:"metrics,omitempty"`
	Effect      string                    `json:"effect,omitempty"`
	ReasonIDs   []string                  `json:"reason_ids,omitempty"`
	Severity    string                    `json:"severity,omitempty"`
	Connector   string                    `json:"connector,omitempty"`
	Subject     any                       `json:"subject,omitempty"`
	Tenant      string                    `json:"tenant,omitempty"`
	Model       string                    `json:"model,omitempty"`
	Phase       string                    `json:"phase,omitempty"`
	Stream      any                       `json:"stream,omitempty"`
	Capture     *Sealed                   `json:"capture,omitempty"`
	Sealed      *Sealed                   `json:"sealed,omitempty"`
	ChainID     string                    `json:"chain_id"`
	Seq         uint64                    `json:"seq"`
	PrevHash    string                    `json:"prev_hash"`
}

// sealedPart is what "event" encryption hides: all but the envelope.
type sealedPart struct {
	Input       any      `json:"input,omitempty"`
	Result      any      `json:"result,omitempty"`
	Erased      []string `json:"erased,omitempty"`
	Masked      []string `json:"masked,omitempty"`
	RequestedBy string   `json:"requested_by,omitempty"`
	Metrics     any      `json:"metrics,omitempty"`
	Effect      string   `json:"effect,omitempty"`
	ReasonIDs   []string `json:"reason_ids,omitempty"`
	Severity    string   `json:"severity,omitempty"`
	Subject     any      `json:"subject,omitempty"`
	Tenant      string   `json:"tenant,omitempty"`
	Model       string   `json:"model,omitempty"`
	Phase       string   `json:"phase,omitempty"`
	Stream      any      `json:"stream,omitempty"`
	Capture     *Sealed  `json:"capture,omitempty"`
}

// encryptableFields are the fields "field" encryption can seal.
var encryptableFields = []string{"input", "result", "metrics", "subject", "stream"}

// fullText is what full capture seals.
type fullText struct {
	Messages  []engine.Message  `json:"messages,omitempty"`
	Response  *engine.Response  `json:"response,omitempty"`
	Documents []engine.Document `json:"documents,omitempty"`
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// encode turns an event into its chained line.
func (p *Pipeline) encode(ev *Event) ([]byte, error) {
	w := wireEvent{
		DecisionID: ev.DecisionID, Labels: p.labels, Bundles: ev.Bundles, Path: ev.Path,
		Erased: ev.Erased, Masked: ev.Masked, RequestedBy: ev.RequestedBy, Timestamp: ev.Timestamp,
		Effect: ev.Effect, ReasonIDs: ev.ReasonIDs, Severity: ev.Severity, Connector: ev.Connector,
		Subject: ev.Subject, Tenant: ev.Tenant, Model: ev.Model, Phase: ev.Phase,
	}
	if ev.Input != nil {
		w.Input = ev.Input
	}
	if ev.Result != nil {
		w.Result = ev.Result
	}
	if ev.Metrics != nil {
		w.Metrics = ev.Metrics
	}
	if ev.Stream != nil {
		w.Stream = ev.Stream
	}
	if len(ev.Labels) > 0 {
		w.Labels = make(map[string]string, len(p.labels)+len(ev.Labels))
		for k, v := range p.labels {
			w.Labels[k] = v
		}
		for k, v := range ev.Labels {
			w.Labels[k] = v
		}
	}
	capture := p.capture[ev.Effect]
	if lp := p.policy.Load().p; lp != nil {
		g, err := toGeneric(w)
		if err != nil {
			return nil, err
		}
		gm := g.(map[string]any)
		rules, err := lp.Evaluate(context.Background(), gm)
		if err != nil {
			p.log.Error("log policy failed; the event is kept without its input", "decision_id", ev.DecisionID, "error", err)
			w.Input = nil
			w.Erased = append(w.Erased, "/input")
		} else {
			if len(rules.Mask) > 0 {
				erased, masked, err := applyMask(gm, rules.Mask)
				if err != nil {
					p.log.Warn("log policy mask rule skipped", "decision_id", ev.DecisionID, "error", err)
				}
				w.Input, w.Result, w.Subject, w.Stream = gm["input"], gm["result"], gm["subject"], gm["stream"]
				w.Tenant, _ = gm["tenant"].(string)
				w.Model, _ = gm["model"].(string)
				w.RequestedBy, _ = gm["requested_by"].(string)
				w.Erased = append(w.Erased, erased...)
				w.Masked = append(w.Masked, masked...)
			}
			capture = capture || rules.Capture
		}
	}
	if capture && p.keys != nil && ev.req != nil {
		b, err := json.Marshal(fullText{Messages: ev.req.Messages, Response: ev.req.Response, Documents: ev.req.Context.Documents})
		if err != nil {
			return nil, err
		}
		w.Capture = p.keys.Seal(b, sealAAD(ev.DecisionID, "capture"))
	}
	switch p.cfg.Encryption.Mode {
	case EncryptField:
		for _, f := range p.cfg.Encryption.Fields {
			var ptr *any
			switch f {
			case "input":
				ptr = &w.Input
			case "result":
				ptr = &w.Result
			case "metrics":
				ptr = &w.Metrics
			case "subject":
				ptr = &w.Subject
			case "stream":
				ptr = &w.Stream
			}
			if ptr == nil || *ptr == nil {
				continue
			}
			b, err := marshal(*ptr)
			if err != nil {
				return nil, err
			}
			*ptr = p.keys.Seal(b, sealAAD(ev.DecisionID, f))
		}
	case EncryptEvent:
		sp := sealedPart{
			Input: w.Input, Result: w.Result, Erased: w.Erased, Masked: w.Masked, RequestedBy: w.RequestedBy,
			Metrics: w.Metrics, Effect: w.Effect, ReasonIDs: w.ReasonIDs, Severity: w.Severity, Subject: w.Subject,
			Tenant: w.Tenant, Model: w.Model, Phase: w.Phase, Stream: w.Stream, Capture: w.Capture,
		}
		b, err := marshal(sp)
		if err != nil {
			return nil, err
		}
		w = wireEvent{DecisionID: w.DecisionID, Labels: w.Labels, Bundles: w.Bundles, Path: w.Path,
			Timestamp: w.Timestamp, Connector: w.Connector, Sealed: p.keys.Seal(b, sealAAD(ev.DecisionID, "event"))}
	}
	w.ChainID = p.state.ChainID
	w.Seq = p.state.Seq + 1
	w.PrevHash = p.state.Hash
	body, err := marshal(w)
	if err != nil {
		return nil, err
	}
	line := sealLine(body)
	p.state.Seq = w.Seq
	p.state.Hash = lineHash(body)
	return line, nil
}

// sinkRunner is one sink's queue, spool and worker.
type sinkRunner struct {
	name        string
	cfg         SinkConfig
	w           sinkWriter
	spool       *spool
	p           *Pipeline
	log         hclog.Logger
	queue       chan []byte
	done        chan struct{}
	checkpoints bool
	alert       *alertFilter

	spooled  atomic.Int64
	closeCtx atomic.Pointer[context.Context]
	err      error
}

func (r *sinkRunner) setCloseCtx(ctx context.Context) { r.closeCtx.Store(&ctx) }

// ctx bounds one sink write: its timeout, and the Close deadline once
// the pipeline is closing.
func (r *sinkRunner) ctx() (context.Context, context.CancelFunc) {
	base := context.Background()
	if c := r.closeCtx.Load(); c != nil {
		base = *c
	}
	return context.WithTimeout(base, time.Duration(r.cfg.Timeout))
}

func (r *sinkRunner) enqueue(line []byte) {
	if r.p.cfg.Backpressure == BackpressureBlock {
		r.queue <- line
		return
	}
	select {
	case r.queue <- line:
	default:
		r.p.metrics.dropped.WithLabelValues(r.name, "queue_full").Inc()
	}
}

// run ships batches while the sink is up. When a write fails the batch
// and everything after it goes to the spool, in order, until a retry
// (with backoff) has replayed the spool to the sink.
func (r *sinkRunner) run() {
	defer close(r.done)
	min, max := time.Duration(r.cfg.RetryMin), time.Duration(r.cfg.RetryMax)
	backoff := min
	retryAt := time.Now()
	batch := make([][]byte, 0, r.cfg.BatchSize)
	flush := time.NewTimer(time.Hour)
	flush.Stop()
	retry := time.NewTimer(time.Hour)
	retry.Stop()
	defer flush.Stop()
	defer retry.Stop()
	open := true
	for open {
		if r.spool.empty() {
			batch, open = r.collect(batch[:0], flush)
			if len(batch) == 0 {
				continue
			}
			n, err := r.write(batch)
			if err != nil {
				r.log.Warn("sink is down; spooling", "error", err, "spooled", len(batch)-n)
				r.spill(batch[n:])
				backoff = min
				retryAt = time.Now().Add(backoff)
			}
			continue
		}
		// Degraded: keep taking events into the spool until the retry.
		retry.Reset(time.Until(retryAt))
		var queue <-chan []byte = r.queue
		if r.p.cfg.Backpressure == BackpressureBlock && !r.spool.room(64<<10) {
			queue = nil // spool full: stop taking, so Record waits
		}
		select {
		case l, ok := <-queue:
			if !ok {
				open = false
				break
			}
			batch = append(batch[:0], l)
			batch, _ = r.drain(batch)
			r.spill(batch)
		case <-retry.C:
			if r.replay() {
				backoff = min
				retryAt = time.Now()
			} else {
				backoff = jitter(backoff*2, max)
				retryAt = time.Now().Add(backoff)
			}
		}
		if !retry.Stop() {
			select {
			case <-retry.C:
			default:
			}
		}
	}
	r.finish()
}

// collect waits for a first line, then fills the batch until it is full,
// the flush interval passes, or the queue closes.
func (r *sinkRunner) collect(batch [][]byte, flush *time.Timer) ([][]byte, bool) {
	l, ok := <-r.queue
	if !ok {
		return batch, false
	}
	batch = append(batch, l)
	batch, ok = r.drain(batch)
	if !ok || len(batch) >= r.cfg.BatchSize {
		return batch, ok
	}
	flush.Reset(time.Duration(r.cfg.FlushInterval))
	defer func() {
		if !flush.Stop() {
			select {
			case <-flush.C:
			default:
			}
		}
	}()
	for len(batch) < r.cfg.BatchSize {
		select {
		case l, ok := <-r.queue:
			if !ok {
				return batch, false
			}
			batch = append(batch, l)
		case <-flush.C:
			return batch, true
		}
	}
	return batch, true
}

// drain adds what is waiting in the queue, up to a batch.
func (r *sinkRunner) drain(batch [][]byte) ([][]byte, bool) {
	for len(batch) < r.cfg.BatchSize {
		select {
		case l, ok := <-r.queue:
			if !ok {
				return batch, false
			}
			batch = append(batch, l)
		default:
			return batch, true
		}
	}
	return batch, true
}

func (r *sinkRunner) write(lines [][]byte) (int, error) {
	ctx, cancel := r.ctx()
	defer cancel()
	n, err := r.w.Write(ctx, lines)
	if n > 0 {
		r.p.metrics.shipped.WithLabelValues(r.name).Add(float64(n))
	}
	if err != nil {
		r.p.metrics.errors.WithLabelValues(r.name).Inc()
	}
	return n, err
}

func (r *sinkRunner) spill(lines [][]byte) {
	if len(lines) == 0 {
		return
	}
	var size int64
	for _, l := range lines {
		size += int64(len(l))
	}
	if !r.spool.room(size) {
		r.p.metrics.dropped.WithLabelValues(r.name, "spool_full").Add(float64(len(lines)))
		r.log.Error("spool is full; events dropped", "events", len(lines))
		return
	}
	if err := r.spool.append(lines); err != nil {
		r.p.metrics.dropped.WithLabelValues(r.name, "spool_error").Add(float64(len(lines)))
		r.log.Error("spooling failed; events dropped", "events", len(lines), "error", err)
		return
	}
	r.spooled.Store(r.spool.pending)
}

// replay sends spooled batches until the spool is empty (true) or a write
// fails (false).
func (r *sinkRunner) replay() bool {
	for !r.spool.empty() {
		lines, pos, err := r.spool.peek(r.cfg.BatchSize)
		if err != nil || len(lines) == 0 {
			r.log.Error("reading the spool", "error", err)
			return false
		}
		n, werr := r.write(lines)
		if err := r.spool.ack(pos, lines, n); err != nil {
			r.log.Error("saving the spool cursor", "error", err)
		}
		r.spooled.Store(r.spool.pending)
		if werr != nil {
			r.log.Debug("sink still down", "error", werr)
			return false
		}
	}
	r.log.Info("sink recovered; spool replayed")
	return true
}

// finish runs at shutdown, after the queue has closed and been drained:
// it tries to replay the spool until the Close deadline, then closes.
func (r *sinkRunner) finish() {
	ctx := context.Background()
	if c := r.closeCtx.Load(); c != nil {
		ctx = *c
	}
	backoff := time.Duration(r.cfg.RetryMin)
	for !r.spool.empty() && ctx.Err() == nil {
		if r.replay() {
			break
		}
		select {
		case <-time.After(backoff):
		case <-ctx.Done():
		}
		backoff = jitter(backoff*2, time.Duration(r.cfg.RetryMax))
	}
	if !r.spool.empty() {
		r.log.Warn("sink still down at shutdown; events stay in the spool for the next start", "spooled", r.spool.pending)
	}
	r.err = errors.Join(r.w.Close(), r.spool.close())
}

func jitter(d, max time.Duration) time.Duration {
	if d > max {
		d = max
	}
	// ±10% so replicas do not retry in step.
	return d - d/10 + time.Duration(time.Now().UnixNano()%int64(d/5+1))
}
