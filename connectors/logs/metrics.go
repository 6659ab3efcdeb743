package logs

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	shipped     *prometheus.CounterVec
	dropped     *prometheus.CounterVec
	errors      *prometheus.CounterVec
	checkpoints prometheus.Counter
	suppressed  *prometheus.CounterVec
	queued      *prometheus.GaugeVec
	spooled     *prometheus.GaugeVec

	collectors []prometheus.Collector
}

func newMetrics() *metrics {
	return &metrics{
		shipped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_log_events_shipped_total", Help: "Decision-log lines a sink accepted (events and checkpoints), by sink.",
		}, []string{"sink"}),
		dropped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_log_events_dropped_total", Help: "Decision-log lines lost, by sink (* for all) and reason: queue_full, spool_full, spool_error, pipeline_full, caller_gone, encode_error, too_large.",
		}, []string{"sink", "reason"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_log_sink_errors_total", Help: "Failed sink writes, by sink; the events went to the spool.",
		}, []string{"sink"}),
		checkpoints: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "parapet_log_checkpoints_total", Help: "Signed checkpoints written.",
		}),
		suppressed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_log_alerts_suppressed_total", Help: "Alerts held back by an alert sink's rate limit, by sink.",
		}, []string{"sink"}),
		queued: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "parapet_log_events_queued", Help: "Decision-log lines waiting in a sink's memory queue.",
		}, []string{"sink"}),
		spooled: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "parapet_log_events_spooled", Help: "Decision-log lines waiting in a sink's on-disk spool.",
		}, []string{"sink"}),
	}
}

// gauges reads the queue and spool sizes when scraped.
type gauges struct {
	m *metrics
	p *Pipeline
}

func (g gauges) Describe(ch chan<- *prometheus.Desc) {
	g.m.queued.Describe(ch)
	g.m.spooled.Describe(ch)
}

func (g gauges) Collect(ch chan<- prometheus.Metric) {
	for _, r := range g.p.sinks {
		g.m.queued.WithLabelValues(r.name).Set(float64(len(r.queue)))
		g.m.spooled.WithLabelValues(r.name).Set(float64(r.spooled.Load()))
	}
	g.m.queued.Collect(ch)
	g.m.spooled.Collect(ch)
}

func (m *metrics) register(reg prometheus.Registerer, p *Pipeline) error {
	for _, r := range p.sinks {
		m.shipped.WithLabelValues(r.name)
		m.errors.WithLabelValues(r.name)
		m.dropped.WithLabelValues(r.name, "queue_full")
	}
	if reg == nil {
		return nil
	}
	cs := []prometheus.Collector{m.shipped, m.dropped, m.errors, m.checkpoints, m.suppressed, gauges{m, p}}
	for _, c := range cs {
		if err := reg.Register(c); err != nil {
			var are prometheus.AlreadyRegisteredError
			if errors.As(err, &are) {
				// A restarted pipeline on the same registry: take over.
				reg.Unregister(are.ExistingCollector)
				if err := reg.Register(c); err == nil {
					m.collectors = append(m.collectors, c)
					continue
				}
			}
			m.unregister(reg)
			return err
		}
		m.collectors = append(m.collectors, c)
	}
	return nil
}

func (m *metrics) unregister(reg prometheus.Registerer) {
	if reg == nil {
		return
	}
	for _, c := range m.collectors {
		reg.Unregister(c)
	}
	m.collectors = nil
}
