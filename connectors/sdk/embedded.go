package sdk

import (
	"context"
	"fmt"

	"github.com/hashicorp/go-hclog"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
)

// Embedded decides in-process: the engine, every built-in detector and a
// bundle loaded from disk, with no network. It is safe for concurrent use.
type Embedded struct {
	eng *engine.Engine
}

// EmbeddedOptions tune NewEmbedded.
type EmbeddedOptions struct {
	// Logger receives the engine's log and the policy's print() output.
	// Default: none.
	Logger hclog.Logger
	// Limits bound requests as the server's do. Default: the engine's.
	Limits engine.Limits
}

// NewEmbedded loads the bundle at path (a folder or a .tar.gz; "" for the
// default library built into Parapet) and warms the detectors, so the
// first decision is as fast as the rest.
func NewEmbedded(ctx context.Context, path string, opts EmbeddedOptions) (*Embedded, error) {
	log := opts.Logger
	if log == nil {
		log = hclog.NewNullLogger()
	}
	eng := engine.New(engine.Options{Logger: log, Analyzer: detectors.Default(), Limits: opts.Limits})
	p, err := bundles.Compile(ctx, bundles.Source(path), log.Named("bundle"))
	if err != nil {
		return nil, fmt.Errorf("parapet: %w", err)
	}
	eng.Analyzer().Warm(ctx)
	eng.Activate(p)
	return &Embedded{eng: eng}, nil
}

// Decide decides req in-process. A refused request gives the *APIError
// the HTTP API would answer with (without an error id). req is not
// modified.
func (e *Embedded) Decide(ctx context.Context, req *Request) (*Decision, error) {
	r := *req // the engine fills in defaults (tenant, endpoint)
	d, err := e.eng.Decide(ctx, &r)
	if err != nil {
		return nil, fromEngine(err)
	}
	return d, nil
}

// Engine is the engine behind the decider, for reloading a bundle
// (Engine().Activate) or reading the active policy.
func (e *Embedded) Engine() *engine.Engine { return e.eng }
