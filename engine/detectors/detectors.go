// Package detectors wires Parapet's built-in detectors into an analyzer.
// Each detector lives in its own package below this one and only reports;
// policy decides.
package detectors

import (
	"fmt"
	"strings"

	"github.com/parapet-dev/parapet/engine/analysis"
	"github.com/parapet-dev/parapet/engine/detectors/injection"
	"github.com/parapet-dev/parapet/engine/detectors/leakage"
	"github.com/parapet-dev/parapet/engine/detectors/names"
	"github.com/parapet-dev/parapet/engine/detectors/pii"
	"github.com/parapet-dev/parapet/engine/detectors/scope"
	"github.com/parapet-dev/parapet/engine/detectors/secrets"
)

// Default returns the analyzer with every built-in detector enabled.
func Default() *analysis.Analyzer {
	return analysis.NewAnalyzer(
		pii.New(pii.Options{}),
		names.New(names.Options{}),
		secrets.New(secrets.Options{}),
		injection.New(),
		leakage.New(leakage.Options{}),
		scope.New(scope.Options{}),
	)
}

// Names lists the built-in detectors, in the order Default runs them.
var Names = []string{"pii", "names", "secrets", "injection", "leakage", "scope"}

// ByName returns an analyzer with the named built-in detectors only.
func ByName(list []string) (*analysis.Analyzer, error) {
	var ds []any
	for _, n := range list {
		switch n {
		case "pii":
			ds = append(ds, pii.New(pii.Options{}))
		case "names":
			ds = append(ds, names.New(names.Options{}))
		case "secrets":
			ds = append(ds, secrets.New(secrets.Options{}))
		case "injection":
			ds = append(ds, injection.New())
		case "leakage":
			ds = append(ds, leakage.New(leakage.Options{}))
		case "scope":
			ds = append(ds, scope.New(scope.Options{}))
		default:
			return nil, fmt.Errorf("unknown detector %q (known: %s)", n, strings.Join(Names, ", "))
		}
	}
	return analysis.NewAnalyzer(ds...), nil
}
