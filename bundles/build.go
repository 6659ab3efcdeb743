package bundles

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/hashicorp/go-hclog"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/compile"
)

// BuildOptions tune Build.
type BuildOptions struct {
	// Revision replaces the .manifest's revision.
	Revision string
	// Optimize is OPA's -O: 0 (default) keeps the modules as written; 1
	// and 2 partially evaluate the entrypoints ahead of time.
	Optimize int
	// Entrypoints for optimisation. Default: parapet/main/decision. Add
	// any other rule Parapet reads (e.g. parapet/log/mask for the
	// decision log) or the optimiser may drop it.
	Entrypoints []string
	// IncludeTests keeps _test.rego files (for a Manager that runs a
	// bundle's tests before activating it). Default: left out.
	IncludeTests bool
	// Sign, when its Key is set, signs the bundle as `opa build
	// --signing-key` does.
	Sign SigningOptions
	// NoCheck skips Parapet's checks (compile against the input schema,
	// tests, probe decision) before writing.
	NoCheck bool
	Logger  hclog.Logger
}

// DecisionEntrypoint is the rule the engine evaluates, as an OPA
// entrypoint.
const DecisionEntrypoint = "parapet/main/decision"

// Build writes the bundle in dir to w in OPA's bundle format (a gzipped
// tarball with a .manifest carrying the revision and roots), as `opa
// build -b` does, test files left out. Unless NoCheck, the result is
// first put through Check (with its tests when IncludeTests), so a bundle
// that would be refused at activation is refused here, with file:line.
func Build(ctx context.Context, dir string, w io.Writer, o BuildOptions) (*bundle.Bundle, error) {
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("building bundle: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("building bundle: %s is not a folder", dir)
	}
	var buf bytes.Buffer
	c := compile.New().
		WithAsBundle(true).
		// Paths inside the bundle are relative to dir, whatever dir is.
		WithFS(os.DirFS(dir)).
		WithPaths(".").
		WithRegoVersion(ast.RegoV1).
		WithOptimizationLevel(o.Optimize).
		WithFilter(func(abspath string, info fs.FileInfo, depth int) bool {
			if !o.IncludeTests && skipTests(abspath, info, depth) {
				return true
			}
			// Never package an existing tarball or an old signature.
			return !info.IsDir() && (bundle.IsSignaturesFile(info.Name()) || hasSuffix(info.Name(), ".tar.gz"))
		}).
		WithOutput(&buf)
	if o.Optimize > 0 {
		eps := o.Entrypoints
		if len(eps) == 0 {
			eps = []string{DecisionEntrypoint}
		}
		c = c.WithEntrypoints(eps...)
	}
	if o.Revision != "" {
		c = c.WithRevision(o.Revision)
	}
	if o.Sign.Key != "" {
		sc, err := o.Sign.config()
		if err != nil {
			return nil, err
		}
		kid := o.Sign.KeyID
		if kid == "" {
			kid = DefaultKeyID // as `opa build --signing-key` does
		}
		c = c.WithBundleSigningConfig(sc).WithBundleVerificationKeyID(kid)
	}
	if err := c.Build(ctx); err != nil {
		return nil, refuse(dir, StageCompile, err)
	}
	b := c.Bundle()
	if !o.NoCheck {
		back, err := ReadTarball(buf.Bytes(), dir, nil)
		if err != nil {
			return nil, refuse(dir, StageRead, err)
		}
		if _, err := Check(ctx, dir, back, CheckOptions{Logger: o.Logger, RunTests: o.IncludeTests}); err != nil {
			return nil, err
		}
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return nil, err
	}
	return b, nil
}

func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }
