package audit

import (
	"context"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/parapet-dev/parapet/connectors/api"
	"github.com/parapet-dev/parapet/connectors/logs"
	"github.com/parapet-dev/parapet/connectors/proxy"
	"github.com/parapet-dev/parapet/engine"
)

// Logs is the decision-log pipeline of a running `parapet serve`.
type Logs struct {
	*logs.Pipeline
}

// StartLogs starts the pipeline for cfg (the logs section of parapet.yaml)
// with the log policy (data.parapet.log) of the bundle at bundlePath ("" =
// the embedded library). reg receives the pipeline's metrics; nil: not
// exported. With no sinks configured it returns a pipeline that records
// nothing, so the caller needs no special case.
func StartLogs(ctx context.Context, cfg logs.Config, log hclog.Logger, bundlePath string, reg prometheus.Registerer, version string) (*Logs, error) {
	if log == nil {
		log = hclog.NewNullLogger()
	}
	var lp logs.LogPolicy
	if cfg.Enabled() {
		var err error
		if lp, err = logPolicy(ctx, bundlePath); err != nil {
			return nil, err
		}
	}
	p, err := logs.New(ctx, cfg, logs.Options{Logger: log, Registerer: reg, Policy: lp, Version: version})
	if err != nil {
		return nil, err
	}
	if cfg.Enabled() {
		log.Info("decision logs on", "config", cfg.Effective())
	} else {
		log.Warn("decision logs off: no logs.sinks configured")
	}
	return &Logs{p}, nil
}

// APIHook records the decision API's decisions (api.Options.OnDecision).
func (l *Logs) APIHook() api.DecisionHook {
	return func(ctx context.Context, req *engine.Request, d *engine.Decision, c *api.Caller) {
		conn := logs.Connector{Name: "api"}
		if c != nil {
			conn.KeyID = c.KeyID
		}
		l.Decision(ctx, req, d, conn)
	}
}

// ProxyHook records the proxy's decisions (proxy.Options.OnDecision),
// with what the caller actually received.
func (l *Logs) ProxyHook() proxy.DecisionHook {
	return func(ctx context.Context, req *engine.Request, d *engine.Decision, info proxy.StreamInfo) {
		l.Decision(ctx, req, d, logs.Connector{Name: "proxy", KeyID: info.Caller.KeyID, Stream: StreamOutcome(info)})
	}
}

// StreamOutcome turns the proxy's account of a call into the event's
// stream field.
func StreamOutcome(info proxy.StreamInfo) *logs.StreamOutcome {
	return &logs.StreamOutcome{
		Outcome: string(info.Outcome), Route: info.Route, Upstream: info.Upstream, Model: info.Model,
		Streamed: info.Streamed, Choice: info.Choice, Status: info.Status, FailOpen: info.FailOpen,
		Evaluations: info.Evaluations, SentBytes: info.SentBytes, HeldBytes: info.HeldBytes,
		LateRedactions: info.LateRedactions, PromptDecisionID: info.PromptDecisionID, Via: info.Caller.Via,
	}
}

// Stop flushes the pipeline, waiting at most timeout: what a sink has not
// taken by then stays in its spool for the next start.
func (l *Logs) Stop(timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return l.Close(ctx)
}
