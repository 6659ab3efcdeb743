// Package detectors wires Parapet's built-in detectors into an analyzer.
// Each detector lives in its own package below this one and only reports;
// policy decides.
package detectors

import (
	"github.com/parapet-dev/parapet/engine/analysis"
	"github.com/parapet-dev/parapet/engine/detectors/injection"
	"github.com/parapet-dev/parapet/engine/detectors/names"
	"github.com/parapet-dev/parapet/engine/detectors/pii"
	"github.com/parapet-dev/parapet/engine/detectors/secrets"
)

// Default returns the analyzer with every built-in detector enabled.
func Default() *analysis.Analyzer {
	return analysis.NewAnalyzer(
		pii.New(pii.Options{}),
		names.New(names.Options{}),
		secrets.New(secrets.Options{}),
		injection.New(),
	)
}
