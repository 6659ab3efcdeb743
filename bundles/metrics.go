package bundles

import (
	"errors"
	"fmt"

	"github.com/hashicorp/go-hclog"
	"github.com/open-policy-agent/opa/v1/logging"
	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	activations  *prometheus.CounterVec
	failures     *prometheus.CounterVec
	lastActive   *prometheus.GaugeVec
	shadow       *prometheus.CounterVec
	disagreement *prometheus.CounterVec
	kept         *prometheus.Desc
}

func newMetrics() *metrics {
	return &metrics{
		activations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_bundle_activations_total", Help: "Bundles that passed their checks and took traffic (or the shadow slot), by source and role.",
		}, []string{"bundle", "role"}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_bundle_activation_failures_total", Help: "Bundles refused or not fetched, by source, role and the stage that failed (download, signature, read, compile, schema, tests, probe, layer). The last good bundle kept serving.",
		}, []string{"bundle", "role", "stage"}),
		lastActive: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "parapet_bundle_last_activation_timestamp_seconds", Help: "When each source's bundle was last activated (Unix time).",
		}, []string{"bundle", "role"}),
		shadow: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_shadow_decisions_total", Help: "Live decisions evaluated on the shadow bundle: agree, disagree, dropped (queue full) or error.",
		}, []string{"outcome"}),
		disagreement: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_shadow_disagreements_total", Help: "Shadow disagreements by reason id and change: added (only the shadow gives it), removed (only the active one), effect (both, with different effects; reason \"\" when only the decision's effect differs).",
		}, []string{"reason", "change"}),
		kept: prometheus.NewDesc("parapet_tenant_layer_kept_reasons_total",
			"Base reasons a tenant layer's evaluation dropped or weakened and the engine put back (refused weakening attempts), by tenant, since the layer was compiled.",
			[]string{"tenant"}, nil),
	}
}

// keptCollector reports each active tenant layer's Kept count.
type keptCollector struct{ m *Manager }

func (c keptCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.m.metrics.kept }

func (c keptCollector) Collect(ch chan<- prometheus.Metric) {
	p := c.m.eng.Policy()
	if p == nil {
		return
	}
	for _, l := range p.Layers() {
		ch <- prometheus.MustNewConstMetric(c.m.metrics.kept, prometheus.CounterValue, float64(l.Kept()), l.Tenant)
	}
}

func (m *metrics) collectors() []prometheus.Collector {
	return []prometheus.Collector{m.activations, m.failures, m.lastActive, m.shadow, m.disagreement}
}

func (m *Manager) register(reg prometheus.Registerer) error {
	if reg == nil {
		return nil
	}
	var errs []error
	for _, c := range append(m.metrics.collectors(), keptCollector{m}) {
		if err := reg.Register(c); err != nil {
			var are prometheus.AlreadyRegisteredError
			if !errors.As(err, &are) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// opaLogger sends OPA's downloader and REST client logs to hclog.
type opaLogger struct {
	log    hclog.Logger
	fields map[string]any
}

func (l *opaLogger) args() []any {
	out := make([]any, 0, 2*len(l.fields))
	for k, v := range l.fields {
		out = append(out, k, v)
	}
	return out
}

func (l *opaLogger) Debug(f string, a ...any) { l.log.Debug(fmt.Sprintf(f, a...), l.args()...) }
func (l *opaLogger) Info(f string, a ...any)  { l.log.Info(fmt.Sprintf(f, a...), l.args()...) }
func (l *opaLogger) Warn(f string, a ...any)  { l.log.Warn(fmt.Sprintf(f, a...), l.args()...) }

// Error is logged at debug: the Manager reports every failure itself,
// with its stage, once.
func (l *opaLogger) Error(f string, a ...any) { l.log.Debug(fmt.Sprintf(f, a...), l.args()...) }

func (l *opaLogger) WithFields(f map[string]any) logging.Logger {
	n := &opaLogger{log: l.log, fields: map[string]any{}}
	for k, v := range l.fields {
		n.fields[k] = v
	}
	for k, v := range f {
		n.fields[k] = v
	}
	return n
}

func (l *opaLogger) GetLevel() logging.Level {
	switch {
	case l.log.IsDebug() || l.log.IsTrace():
		return logging.Debug
	case l.log.IsInfo():
		return logging.Info
	case l.log.IsWarn():
		return logging.Warn
	}
	return logging.Error
}

func (l *opaLogger) SetLevel(logging.Level) {}

var _ logging.Logger = (*opaLogger)(nil)
