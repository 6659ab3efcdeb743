package bundles

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/go-hclog"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/parapet-dev/parapet/engine"
)

// Roles of a source.
const (
	RoleBase   = "base"
	RoleTenant = "tenant"
	RoleShadow = "shadow"
)

// Options are a Manager's collaborators.
type Options struct {
	Logger hclog.Logger
	// Registerer receives the lifecycle metrics
	// (parapet_bundle_activation_failures_total and the rest). Nil: none.
	Registerer prometheus.Registerer
	// OnDisagreement receives each shadow disagreement (both decisions,
	// no request text), e.g. for the decision log. It runs on the shadow
	// worker and must not block for long.
	OnDisagreement func(context.Context, Disagreement)
}

// Manager keeps the engine on the newest good bundle: it loads the base,
// tenant and shadow bundles from their sources, checks each new one
// before it takes traffic, activates it atomically (a request in flight
// finishes on the policy it started with) and keeps the last good one
// when a new one is refused. Its Status feeds /v1/bundles and
// /health/ready.
type Manager struct {
	eng     *engine.Engine
	cfg     Config
	log     hclog.Logger
	opts    Options
	metrics *metrics

	// mu serialises activation and guards what it changes.
	mu         sync.Mutex
	base       *engine.Policy
	layers     map[string]*engine.Layer
	tenantGood map[string]engine.TenantBundle

	shadow *shadowRunner

	sources []*source
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	started bool
}

// NewManager validates cfg and makes a manager for eng. Nothing is loaded
// until Start.
func NewManager(eng *engine.Engine, cfg Config, opts Options) (*Manager, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("invalid bundle configuration:\n%w", err)
	}
	if opts.Logger == nil {
		opts.Logger = hclog.NewNullLogger()
	}
	m := &Manager{eng: eng, cfg: cfg, log: opts.Logger, opts: opts, metrics: newMetrics(),
		layers: map[string]*engine.Layer{}, tenantGood: map[string]engine.TenantBundle{}}
	var errs []error
	add := func(role, tenant string, c SourceConfig) {
		s, err := newSource(m, role, tenant, c)
		if err != nil {
			errs = append(errs, err)
			return
		}
		m.sources = append(m.sources, s)
	}
	add(RoleBase, "", cfg.Base)
	tenants := make([]string, 0, len(cfg.Tenants))
	for t := range cfg.Tenants {
		tenants = append(tenants, t)
	}
	sort.Strings(tenants)
	for _, t := range tenants {
		add(RoleTenant, t, cfg.Tenants[t])
	}
	if cfg.Shadow != nil {
		add(RoleShadow, "", *cfg.Shadow)
		m.shadow = newShadowRunner(m, eng, cfg.ShadowQueue)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := m.register(opts.Registerer); err != nil {
		return nil, fmt.Errorf("registering bundle metrics: %w", err)
	}
	return m, nil
}

// Start loads every source once (a bundle server's persisted copy first,
// so a replica starts offline), then polls them in the background until
// Stop. It returns an error only when ctx ends first; a source that fails
// is reported in Status, and until the base has a good bundle every
// decision is a fail-closed deny and Ready is false.
func (m *Manager) Start(ctx context.Context) error {
	if m.started {
		return errors.New("bundle manager: already started")
	}
	m.started = true
	for _, s := range m.sources {
		if s.cfg.Kind() == KindHTTP {
			s.loadPersisted(ctx)
		}
		if !s.hasGood() || s.cfg.Kind() != KindHTTP {
			// Nothing serves for this source yet: wait for the first poll.
			_, _ = s.poll(ctx)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	lctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	for _, s := range m.sources {
		if s.cfg.Kind() == KindEmbedded || s.cfg.Manual {
			continue
		}
		m.wg.Add(1)
		go s.loop(lctx, !s.hasGood() || s.cfg.Kind() != KindHTTP)
	}
	if m.shadow != nil {
		m.shadow.start()
	}
	return nil
}

// Stop ends polling and the shadow worker, waiting for them up to ctx.
// It tolerates a Manager that was never started.
func (m *Manager) Stop(ctx context.Context) error {
	if m.cancel != nil {
		m.cancel()
	}
	done := make(chan struct{})
	go func() {
		m.wg.Wait()
		if m.shadow != nil {
			m.shadow.stop()
		}
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("stopping the bundle manager: %w", ctx.Err())
	}
}

// Refresh polls every source now and waits for the result: the joined
// errors of the sources whose new bundle was refused or not fetched.
func (m *Manager) Refresh(ctx context.Context) error {
	var errs []error
	for _, s := range m.sources {
		if s.cfg.Kind() == KindEmbedded {
			continue
		}
		if _, err := s.poll(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Ready reports whether a base bundle is active, and if not, why.
func (m *Manager) Ready() (bool, string) {
	if m.eng.Policy() != nil {
		return true, ""
	}
	st := m.sources[0].status()
	if st.LastError != nil {
		return false, "no bundle is active: " + st.LastError.Error
	}
	return false, "no bundle is active yet"
}

// ShadowEngine is the engine the shadow bundle is active in, or nil.
func (m *Manager) ShadowEngine() *engine.Engine {
	if m.shadow == nil {
		return nil
	}
	return m.shadow.eng
}

// offer puts a bundle from s through the checks and activates it, or
// records why not. It is the one way a bundle reaches the engine.
func (m *Manager) offer(ctx context.Context, s *source, b *bundle.Bundle, raw []byte, etag string, fromDisk bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	rev := b.Manifest.Revision
	co := CheckOptions{Logger: m.log.Named("rego"), RunTests: m.cfg.RunTests, NoProbe: m.cfg.NoProbe}
	switch s.role {
	case RoleBase:
		p, err := Check(ctx, s.name, b, co)
		if err != nil {
			return m.fail(s, stageOf(err, StageCompile), rev, err)
		}
		layers := make(map[string]*engine.Layer, len(m.tenantGood))
		for t, tb := range m.tenantGood {
			l, err := CheckLayer(ctx, p, tb, co)
			if err != nil {
				return m.fail(s, StageLayer, rev, fmt.Errorf("tenant %s's layer %s (revision %s) does not fit this base, which is refused so that the tenant keeps its rules: %w",
					t, tb.Name, tb.Bundle.Manifest.Revision, err))
			}
			layers[t] = l
		}
		np, err := p.WithLayers(values(layers)...)
		if err != nil {
			return m.fail(s, StageLayer, rev, err)
		}
		m.eng.Activate(np)
		m.base, m.layers = p, layers
		if m.shadow != nil {
			m.shadow.relayer(ctx, m.tenantGood, co)
		}
		// Tenant bundles that waited for a base are fetched again.
		for _, ts := range m.sources {
			if ts.role == RoleTenant && !ts.hasGood() {
				ts.retry.Store(true)
			}
		}
	case RoleTenant:
		if m.base == nil {
			return m.fail(s, StageLayer, rev, errors.New("no base bundle is active to layer this tenant bundle on"))
		}
		tb := engine.TenantBundle{Tenant: s.tenant, Name: s.name, Bundle: b}
		l, err := CheckLayer(ctx, m.base, tb, co)
		if err != nil {
			return m.fail(s, stageOf(err, StageLayer), rev, err)
		}
		layers := make(map[string]*engine.Layer, len(m.layers)+1)
		for t, x := range m.layers {
			layers[t] = x
		}
		layers[s.tenant] = l
		np, err := m.base.WithLayers(values(layers)...)
		if err != nil {
			return m.fail(s, StageLayer, rev, err)
		}
		m.eng.Activate(np)
		m.layers = layers
		m.tenantGood[s.tenant] = tb
		if m.shadow != nil {
			m.shadow.relayer(ctx, m.tenantGood, co)
		}
	case RoleShadow:
		p, err := Check(ctx, s.name, b, co)
		if err != nil {
			return m.fail(s, stageOf(err, StageCompile), rev, err)
		}
		m.shadow.activate(ctx, p, m.tenantGood, co)
	}
	s.succeed(b, etag, fromDisk)
	m.metrics.activations.WithLabelValues(s.name, s.role).Inc()
	m.metrics.lastActive.WithLabelValues(s.name, s.role).SetToCurrentTime()
	m.log.Info("bundle activated", "bundle", s.name, "role", s.role, "tenant", s.tenant, "revision", rev, "from_disk", fromDisk, "signature", s.signature(b))
	if s.cfg.Kind() == KindHTTP && !fromDisk && raw != nil && m.cfg.PersistDir != "" {
		if err := m.persist(s, raw, etag); err != nil {
			m.log.Warn("could not keep the bundle on disk; a restart will need the bundle server", "bundle", s.name, "error", err)
		}
	}
	return nil
}

func values(m map[string]*engine.Layer) []*engine.Layer {
	out := make([]*engine.Layer, 0, len(m))
	for _, l := range m {
		out = append(out, l)
	}
	return out
}

// fail records a refused (or unfetched) bundle: status with file:line,
// metric, log. The last good bundle keeps serving.
func (m *Manager) fail(s *source, stage, rev string, err error) error {
	ce := refuse(s.name, stage, err)
	if ce.Stage == "" {
		ce.Stage = stage
	}
	s.failed(ce, rev)
	m.metrics.failures.WithLabelValues(s.name, s.role, ce.Stage).Inc()
	lines := make([]string, len(ce.Problems))
	for i, p := range ce.Problems {
		lines[i] = p.String()
	}
	m.log.Error("bundle refused; the last good bundle keeps serving", "bundle", s.name, "role", s.role, "tenant", s.tenant,
		"revision", rev, "stage", ce.Stage, "problems", strings.Join(lines, "; "))
	return ce
}

// stageOf is the stage a CheckError names, or def.
func stageOf(err error, def string) string {
	var ce *CheckError
	if errors.As(err, &ce) && ce.Stage != "" {
		return ce.Stage
	}
	return def
}

func (m *Manager) persistPath(s *source) string {
	return filepath.Join(m.cfg.PersistDir, s.key())
}

// persist keeps a bundle server's last good bundle and its ETag.
func (m *Manager) persist(s *source, raw []byte, etag string) error {
	dir := m.persistPath(s)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dir, "bundle.tar.gz"), raw); err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, "etag"), []byte(etag))
}

// Status is what /v1/bundles shows of the lifecycle.
type Status struct {
	// Ready is true once a base bundle is active.
	Ready bool `json:"ready"`
	// Degraded is true when some source's last bundle was refused or not
	// fetched: its last good bundle serves, possibly stale.
	Degraded bool           `json:"degraded"`
	Sources  []SourceStatus `json:"sources"`
	Layers   []LayerStatus  `json:"layers,omitempty"`
	Shadow   *ShadowStatus  `json:"shadow,omitempty"`
}

// LayerStatus is one active tenant layer.
type LayerStatus struct {
	Tenant   string `json:"tenant"`
	Bundle   string `json:"bundle"`
	Revision string `json:"revision"`
	// Kept counts base reasons the layer dropped or weakened and the
	// engine put back.
	Kept int64 `json:"kept"`
}

// Status reports every source, layer and the shadow. It never waits on
// an activation in progress.
func (m *Manager) Status() Status {
	st := Status{Ready: m.eng.Policy() != nil}
	for _, s := range m.sources {
		ss := s.status()
		if ss.LastError != nil {
			st.Degraded = true
		}
		st.Sources = append(st.Sources, ss)
	}
	if p := m.eng.Policy(); p != nil {
		for _, l := range p.Layers() {
			st.Layers = append(st.Layers, LayerStatus{Tenant: l.Tenant, Bundle: l.Name, Revision: l.Revision, Kept: l.Kept()})
		}
	}
	if m.shadow != nil {
		st.Shadow = m.shadow.status()
	}
	return st
}

// Wire builds the lifecycle for eng from cfg and starts it: the one call
// `parapet serve` makes. Hook the result into the API with
//
//	opts.BundleStatus = func() any { return mgr.Status() }
//
// and call mgr.Shadow from the decision hooks; Stop it on shutdown.
func Wire(ctx context.Context, eng *engine.Engine, cfg Config, opts Options) (*Manager, error) {
	m, err := NewManager(eng, cfg, opts)
	if err != nil {
		return nil, err
	}
	if err := m.Start(ctx); err != nil {
		_ = m.Stop(context.Background())
		return nil, err
	}
	return m, nil
}

// Health is the short form of Status for /health/ready: whether a base
// bundle serves, and each source's last refusal as one line
// ("base: extra.rego:5:2: rego_unsafe_var_error: var x is unsafe").
type Health struct {
	Ready    bool     `json:"ready"`
	Degraded bool     `json:"degraded"`
	Errors   []string `json:"errors,omitempty"`
}

// Health reports readiness and the sources' last refusals.
func (m *Manager) Health() Health {
	st := m.Status()
	h := Health{Ready: st.Ready, Degraded: st.Degraded}
	for _, s := range st.Sources {
		if s.LastError != nil {
			who := s.Role
			if s.Tenant != "" {
				who += " " + s.Tenant
			}
			h.Errors = append(h.Errors, who+" ("+s.LastError.Stage+"): "+s.LastError.Error)
		}
	}
	return h
}
