package api

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

type metrics struct {
	reg        *prometheus.Registry
	decisions  *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	analysis   prometheus.Histogram
	eval       prometheus.Histogram
	errors     *prometheus.CounterVec
	bundleInfo *prometheus.GaugeVec
}

var latencyBuckets = []float64{.00005, .0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_decisions_total", Help: "Decisions made, by effect.",
		}, []string{"effect"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parapet_decision_duration_seconds", Help: "Time to decide, from a parsed request to a decision, by effect.",
			Buckets: latencyBuckets,
		}, []string{"effect"}),
		analysis: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "parapet_analysis_duration_seconds", Help: "Time spent in detectors per decision.", Buckets: latencyBuckets,
		}),
		eval: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "parapet_eval_duration_seconds", Help: "Time spent evaluating the policy per decision.", Buckets: latencyBuckets,
		}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parapet_request_errors_total", Help: "Requests refused with an error, by error code.",
		}, []string{"code"}),
		bundleInfo: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "parapet_bundle_info", Help: "The active bundle (value 1), labelled with its name and revision.",
		}, []string{"name", "revision"}),
	}
	m.reg.MustRegister(m.decisions, m.latency, m.analysis, m.eval, m.errors, m.bundleInfo,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}
