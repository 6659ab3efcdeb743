// Package policy holds the policy author's commands: `parapet test` runs
// Rego tests as `opa test` does, `parapet check` compiles strictly against
// the input schema as `opa check --strict -s` does.
package policy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/loader"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/spf13/cobra"

	"github.com/parapet-dev/parapet/engine"
	defaultbundle "github.com/parapet-dev/parapet/rego"
)

// Exit codes, as `opa test` uses them: 1 for policies that do not load or
// compile, 2 for tests that fail.
const (
	ExitBadPolicy   = 1
	ExitTestsFailed = 2
)

// ExitError carries a process exit code.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

// loaded is a set of policy files and data.
type loaded struct {
	modules map[string]*ast.Module
	data    map[string]any
}

// load reads Rego and data files from paths, or the embedded library when
// there are none.
func load(paths []string) (*loaded, error) {
	l := loader.NewFileLoader().WithProcessAnnotation(true)
	if len(paths) == 0 {
		l = l.WithFS(defaultbundle.FS)
		paths = []string{"."}
	}
	res, err := l.Filtered(paths, func(_ string, info fs.FileInfo, _ int) bool {
		// Leave out the bundle manifest and files that are not policy.
		return !info.IsDir() && strings.HasPrefix(info.Name(), ".")
	})
	if err != nil {
		return nil, err
	}
	out := &loaded{modules: res.ParsedModules(), data: res.Documents}
	if len(out.modules) == 0 {
		return nil, fmt.Errorf("no .rego files found in %s", strings.Join(paths, ", "))
	}
	return out, nil
}

// TestFlags are `parapet test`'s flags.
type TestFlags struct {
	Verbose   bool
	Coverage  bool
	Threshold float64
	Run       string
	Timeout   time.Duration
	Format    string
}

// TestCommand builds `parapet test`.
func TestCommand() *cobra.Command {
	var f TestFlags
	cmd := &cobra.Command{
		Use:   "test [path ...]",
		Short: "Run Rego tests (test_ rules) with coverage",
		Long: `Run Rego tests, as 'opa test' does, and print the coverage of the
policies under test.

With no path it tests the policy library embedded in this binary. Exit
codes: 0 all tests pass, 1 the policies do not load or compile, 2 a test
fails or coverage is under --threshold.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return RunTests(cmd.Context(), args, f, cmd.OutOrStdout())
		},
	}
	fl := cmd.Flags()
	fl.BoolVarP(&f.Verbose, "verbose", "v", false, "print every test and its print() output")
	fl.BoolVar(&f.Coverage, "coverage", false, "print OPA's JSON coverage report instead of the summary")
	fl.Float64Var(&f.Threshold, "threshold", 0, "fail (exit 2) when coverage is under this percentage")
	fl.StringVarP(&f.Run, "run", "r", "", "run only tests whose name matches this regular expression")
	fl.DurationVar(&f.Timeout, "timeout", 5*time.Second, "timeout per test")
	fl.StringVarP(&f.Format, "format", "f", "pretty", "output format: pretty or json")
	return cmd
}

// RunTests runs the tests in paths and writes the report to out.
func RunTests(ctx context.Context, paths []string, f TestFlags, out io.Writer) error {
	l, err := load(paths)
	if err != nil {
		return &ExitError{ExitBadPolicy, err}
	}
	ss, err := engine.InputSchemaSet()
	if err != nil {
		return &ExitError{ExitBadPolicy, err}
	}
	store := inmem.NewFromObject(l.data)
	txn, err := store.NewTransaction(ctx, storage.WriteParams)
	if err != nil {
		return &ExitError{ExitBadPolicy, err}
	}
	defer store.Abort(ctx, txn)

	compiler := ast.NewCompiler().
		WithPathConflictsCheck(storage.NonEmpty(ctx, store, txn)).
		WithEnablePrintStatements(true).
		WithSchemas(ss).
		WithUseTypeCheckAnnotations(true)
	cov := cover.New()
	runner := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(store).
		CapturePrintOutput(true).
		EnableTracing(f.Verbose).
		SetCoverageQueryTracer(cov).
		SetModules(l.modules).
		SetTimeout(f.Timeout).
		Filter(f.Run)
	ch, err := runner.RunTests(ctx, txn)
	if err != nil {
		return &ExitError{ExitBadPolicy, err}
	}

	var reporter tester.Reporter
	switch {
	case f.Coverage:
		reporter = tester.JSONCoverageReporter{Cover: cov, Modules: l.modules, Output: out, Threshold: f.Threshold, Verbose: f.Verbose}
	case f.Format == "json":
		reporter = tester.JSONReporter{Output: out}
	default:
		reporter = tester.PrettyReporter{Output: out, Verbose: f.Verbose}
	}
	failed, ran := false, false
	dup := make(chan *tester.Result)
	go func() {
		defer close(dup)
		for r := range ch {
			ran = true
			if !r.Pass() {
				failed = true
			}
			dup <- r
		}
	}()
	if err := reporter.Report(dup); err != nil && !failed {
		return &ExitError{ExitTestsFailed, err}
	}
	if !ran {
		return &ExitError{ExitBadPolicy, errors.New("no tests found (test rules are named test_*)")}
	}
	if !f.Coverage {
		rep := cov.Report(nonTestModules(l.modules))
		if f.Format != "json" {
			fmt.Fprintf(out, "Coverage: %.1f%% of policy lines (tests excluded)\n", rep.Coverage)
		}
		if f.Threshold > 0 && rep.Coverage < f.Threshold {
			return &ExitError{ExitTestsFailed, fmt.Errorf("coverage %.1f%% is under the threshold %.1f%%", rep.Coverage, f.Threshold)}
		}
	}
	if failed {
		return &ExitError{ExitTestsFailed, errors.New("some tests failed")}
	}
	return nil
}

func nonTestModules(ms map[string]*ast.Module) map[string]*ast.Module {
	out := make(map[string]*ast.Module, len(ms))
	for name, m := range ms {
		if !strings.HasSuffix(name, "_test.rego") {
			out[name] = m
		}
	}
	return out
}

// CheckCommand builds `parapet check`.
func CheckCommand() *cobra.Command {
	var noSchema bool
	cmd := &cobra.Command{
		Use:   "check [path ...]",
		Short: "Compile policies strictly and type-check them against the input schema",
		Long: `Compile policies in strict mode and type-check every reference to input
against Parapet's input schema (the request plus input.access and
input.analysis), as 'opa check --strict -s' does.

It also notes when the engine would not partially evaluate the policies
(a function with several definitions that could give different values:
see the speed note in rego/lib.rego), which makes decisions slower.

With no path it checks the embedded library. Errors are sorted by
file:line:col. Exit code 1 when there is any error.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return Check(args, !noSchema, cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVar(&noSchema, "no-schema", false, "compile strictly without the input schema")
	return cmd
}

// Check compiles the policies in paths and prints sorted errors.
func Check(paths []string, withSchema bool, out io.Writer) error {
	l, err := load(paths)
	if err != nil {
		return &ExitError{ExitBadPolicy, err}
	}
	c := ast.NewCompiler().WithStrict(true).WithEnablePrintStatements(true).WithUseTypeCheckAnnotations(true)
	if withSchema {
		ss, err := engine.InputSchemaSet()
		if err != nil {
			return &ExitError{ExitBadPolicy, err}
		}
		c = c.WithSchemas(ss)
	}
	c.Compile(l.modules)
	if c.Failed() {
		msgs := engine.SortedErrors(c.Errors)
		for _, m := range msgs {
			fmt.Fprintln(out, m)
		}
		return &ExitError{ExitBadPolicy, fmt.Errorf("%d error(s)", len(msgs))}
	}
	fmt.Fprintf(out, "%d module(s) OK\n", len(l.modules))
	if note := engine.PartialEvaluationNote(nonTestModules(l.modules)); note != "" {
		fmt.Fprintf(out, "note: parapet serve will evaluate these policies without partial evaluation (same decisions, slower): %s\n", note)
	}
	return nil
}

// Exit prints err and exits with its code; nil exits 0.
func Exit(err error) {
	if err == nil {
		os.Exit(0)
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		fmt.Fprintln(os.Stderr, "parapet:", ee.Err)
		os.Exit(ee.Code)
	}
	fmt.Fprintln(os.Stderr, "parapet:", err)
	os.Exit(1)
}
