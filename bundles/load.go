package bundles

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/hashicorp/go-hclog"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/loader"

	"github.com/parapet-dev/parapet/engine"
	defaultbundle "github.com/parapet-dev/parapet/rego"
)

// DefaultName is the name of the embedded default bundle.
const DefaultName = "default"

// skipTests filters _test.rego files out of a bundle that is to be served.
func skipTests(_ string, info fs.FileInfo, _ int) bool {
	return !info.IsDir() && strings.HasSuffix(info.Name(), "_test.rego")
}

// Load reads a bundle from a folder or a .tar.gz file. With tests set,
// _test.rego files are kept (for running them).
func Load(path string, tests bool) (*bundle.Bundle, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("loading bundle %q: %w", path, err)
	}
	l := loader.NewFileLoader().WithSkipBundleVerification(true).WithProcessAnnotation(true)
	if !tests {
		l = l.WithFilter(skipTests)
	}
	b, err := l.AsBundle(path)
	if err != nil {
		return nil, fmt.Errorf("loading bundle %q: %w", path, err)
	}
	return b, nil
}

// LoadDefault reads the policy library embedded in the binary.
func LoadDefault(tests bool) (*bundle.Bundle, error) {
	l := loader.NewFileLoader().WithFS(defaultbundle.FS).WithSkipBundleVerification(true).WithProcessAnnotation(true)
	if !tests {
		l = l.WithFilter(skipTests)
	}
	b, err := l.AsBundle(".")
	if err != nil {
		return nil, fmt.Errorf("loading the embedded default bundle: %w", err)
	}
	return b, nil
}

// Source names where a bundle comes from: "" for the embedded default, a
// folder or a tarball path otherwise.
type Source string

// Name is how a source is shown in decisions and /v1/bundles.
func (s Source) Name() string {
	if s == "" {
		return DefaultName
	}
	return string(s)
}

// Compile loads a source and compiles it for the engine.
func Compile(ctx context.Context, src Source, log hclog.Logger) (*engine.Policy, error) {
	var (
		b   *bundle.Bundle
		err error
	)
	if src == "" {
		b, err = LoadDefault(false)
	} else {
		b, err = Load(string(src), false)
	}
	if err != nil {
		return nil, err
	}
	return engine.Compile(ctx, src.Name(), b, engine.CompileOptions{Logger: log})
}
