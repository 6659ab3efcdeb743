// Package detectors wires Parapet's built-in detectors into an analyzer.
// Each detector lives in its own package below this one and only reports;
// policy decides.
package detectors

import (
	"github.com/parapet-dev/parapet/engine/analysis"
)

// Default returns the analyzer with every built-in detector enabled.
func Default() *analysis.Analyzer {
	return analysis.NewAnalyzer()
}
