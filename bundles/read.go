package bundles

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/loader"
)

// Read loads the bundle at path, a folder or a .tar.gz, test files
// included (SplitTests separates them). With vc set, the signature is
// checked as OPA checks it and a bundle without one is refused; without,
// signatures are not looked at.
func Read(path string, vc *bundle.VerificationConfig) (*bundle.Bundle, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("loading bundle %q: %w", path, err)
	}
	l := loader.NewFileLoader().WithProcessAnnotation(true).WithRegoVersion(ast.RegoV1)
	if vc != nil {
		l = l.WithBundleVerificationConfig(vc)
	} else {
		l = l.WithSkipBundleVerification(true)
	}
	b, err := l.AsBundle(path)
	if err != nil {
		return nil, fmt.Errorf("loading bundle %q: %w", path, err)
	}
	return b, nil
}

// ReadTarball reads a bundle tarball from memory, as Read does a file.
func ReadTarball(raw []byte, name string, vc *bundle.VerificationConfig) (*bundle.Bundle, error) {
	r := bundle.NewCustomReader(bundle.NewTarballLoaderWithBaseURL(bytes.NewReader(raw), name)).
		WithProcessAnnotations(true).WithRegoVersion(ast.RegoV1).WithBundleName(name)
	if vc != nil {
		r = r.WithBundleVerificationConfig(vc)
	} else {
		r = r.WithSkipBundleVerification(true)
	}
	b, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("loading bundle %q: %w", name, err)
	}
	return &b, nil
}

// IsTestModule reports whether a module is a test file: its name ends in
// _test.rego, as `opa test` and Parapet's loaders see it.
func IsTestModule(m bundle.ModuleFile) bool {
	return strings.HasSuffix(m.Path, "_test.rego")
}

// SplitTests returns a copy of b without its test files, to serve, and
// the test files.
func SplitTests(b *bundle.Bundle) (serve *bundle.Bundle, tests []bundle.ModuleFile) {
	cp := *b
	cp.Modules = nil
	for _, m := range b.Modules {
		if IsTestModule(m) {
			tests = append(tests, m)
		} else {
			cp.Modules = append(cp.Modules, m)
		}
	}
	return &cp, tests
}
