package bundles

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/parapet-dev/parapet/engine"
)

// The stages a bundle goes through before it takes traffic; a refusal
// names the one that failed.
const (
	StageDownload  = "download"
	StageSignature = "signature"
	StageRead      = "read"
	StageCompile   = "compile"
	StageSchema    = "schema"
	StageTests     = "tests"
	StageProbe     = "probe"
	StageLayer     = "layer"
)

// Problem is one thing wrong with a bundle, at a file:line when known.
type Problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

// Location is file:line, or "" when the problem has no place.
func (p Problem) Location() string {
	if p.File == "" {
		return ""
	}
	if p.Line == 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line)
}

func (p Problem) String() string {
	if p.File == "" {
		return p.Message
	}
	s := p.File
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Col > 0 {
			s += ":" + strconv.Itoa(p.Col)
		}
	}
	return s + ": " + p.Message
}

// CheckError is a bundle refused by one of the checks.
type CheckError struct {
	Bundle   string    `json:"bundle"`
	Stage    string    `json:"stage"`
	Problems []Problem `json:"problems"`
}

func (e *CheckError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return fmt.Sprintf("bundle %q refused (%s):\n  %s", e.Bundle, e.Stage, strings.Join(lines, "\n  "))
}

// refuse makes a CheckError from an error, finding file:line in OPA's
// errors where they carry one.
func refuse(name, stage string, err error) *CheckError {
	var ce *CheckError
	if errors.As(err, &ce) {
		return ce
	}
	return &CheckError{Bundle: name, Stage: stage, Problems: problemsOf(err)}
}

func problemsOf(err error) []Problem {
	var errs ast.Errors
	if errors.As(err, &errs) && len(errs) > 0 {
		return astProblems(errs)
	}
	var ae *ast.Error
	if errors.As(err, &ae) {
		return astProblems(ast.Errors{ae})
	}
	var le *engine.LayerError
	if errors.As(err, &le) {
		out := make([]Problem, len(le.Problems))
		for i, p := range le.Problems {
			out[i] = parseProblem(p)
		}
		return out
	}
	var ps []Problem
	for _, line := range strings.Split(err.Error(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			ps = append(ps, parseProblem(line))
		}
	}
	return ps
}

// parseProblem reads "file:line[:col]: message" back into a Problem.
func parseProblem(s string) Problem {
	parts := strings.SplitN(s, ":", 4)
	if len(parts) >= 3 && strings.HasSuffix(parts[0], ".rego") {
		if line, err := strconv.Atoi(parts[1]); err == nil {
			p := Problem{File: parts[0], Line: line}
			rest := strings.Join(parts[2:], ":")
			if len(parts) == 4 {
				if col, err := strconv.Atoi(parts[2]); err == nil {
					p.Col, rest = col, parts[3]
				}
			}
			p.Message = strings.TrimSpace(rest)
			return p
		}
	}
	return Problem{Message: s}
}

func astProblems(errs ast.Errors) []Problem {
	seen := map[string]bool{}
	var out []Problem
	for _, e := range errs {
		p := Problem{Message: string(e.Code) + ": " + e.Message}
		if e.Location != nil {
			p.File, p.Line, p.Col = strings.TrimPrefix(e.Location.File, "/"), e.Location.Row, e.Location.Col
		}
		if k := p.String(); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return out
}

// CheckOptions tune Check.
type CheckOptions struct {
	Logger hclog.Logger
	// RunTests runs the bundle's own _test.rego files, when it has any,
	// and refuses it if one fails.
	RunTests bool
	// NoProbe skips the probe decision.
	NoProbe bool
	// TestTimeout bounds the tests. Default 1m.
	TestTimeout time.Duration
}

// Check takes a bundle as read (tests included) through the checks that
// come before activation, and compiles it for the engine:
//
//   - compile: the modules compile (`opa check`);
//   - schema: every input reference type-checks against the input schema;
//   - tests: with RunTests, the bundle's own tests pass;
//   - probe: a harmless request decides without failing closed (no
//     undefined or malformed decision, no policy.config_invalid).
//
// A refusal is a *CheckError naming the stage and each problem's
// file:line.
func Check(ctx context.Context, name string, b *bundle.Bundle, o CheckOptions) (*engine.Policy, error) {
	if o.Logger == nil {
		o.Logger = hclog.NewNullLogger()
	}
	serve, tests := SplitTests(b)
	mods := serve.ParsedModules(name)
	if len(mods) == 0 {
		return nil, &CheckError{Bundle: name, Stage: StageCompile, Problems: []Problem{{Message: "the bundle has no policy (no .rego files besides tests)"}}}
	}
	c := ast.NewCompiler().WithEnablePrintStatements(true).WithDefaultRegoVersion(ast.RegoV1)
	if c.Compile(mods); c.Failed() {
		return nil, &CheckError{Bundle: name, Stage: StageCompile, Problems: astProblems(c.Errors)}
	}
	ss, err := engine.InputSchemaSet()
	if err != nil {
		return nil, err
	}
	c = ast.NewCompiler().WithEnablePrintStatements(true).WithSchemas(ss).WithDefaultRegoVersion(ast.RegoV1)
	if c.Compile(serve.ParsedModules(name)); c.Failed() {
		return nil, &CheckError{Bundle: name, Stage: StageSchema, Problems: astProblems(c.Errors)}
	}
	if o.RunTests && len(tests) > 0 {
		if err := runTests(ctx, name, b, o); err != nil {
			return nil, err
		}
	}
	p, err := engine.Compile(ctx, name, serve, engine.CompileOptions{Logger: o.Logger})
	if err != nil {
		return nil, refuse(name, StageCompile, err)
	}
	if !o.NoProbe {
		if err := probe(ctx, name, p, engine.DefaultTenant); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func runTests(ctx context.Context, name string, b *bundle.Bundle, o CheckOptions) error {
	timeout := o.TestTimeout
	if timeout == 0 {
		timeout = time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	store := inmem.NewFromObject(b.Data)
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return err
	}
	defer store.Abort(ctx, txn)
	ch, err := tester.NewRunner().SetStore(store).SetModules(b.ParsedModules(name)).
		SetDefaultRegoVersion(ast.RegoV1).SetTimeout(timeout).CapturePrintOutput(true).RunTests(ctx, txn)
	if err != nil {
		return refuse(name, StageTests, err)
	}
	var probs []Problem
	n := 0
	for r := range ch {
		n++
		if r.Pass() || r.Skip {
			continue
		}
		p := Problem{Message: r.Package + "." + r.Name + " failed"}
		if r.Error != nil {
			p.Message = r.Package + "." + r.Name + ": " + r.Error.Error()
		}
		if r.Location != nil {
			p.File, p.Line = strings.TrimPrefix(r.Location.File, "/"), r.Location.Row
		}
		probs = append(probs, p)
	}
	if len(probs) > 0 {
		return &CheckError{Bundle: name, Stage: StageTests, Problems: probs}
	}
	o.Logger.Debug("bundle tests passed", "bundle", name, "tests", n)
	return nil
}

// probeRequest is a harmless prompt that any working bundle decides
// without failing closed.
func probeRequest(tenant string) *engine.Request {
	return &engine.Request{
		Phase:    engine.PhasePrompt,
		Subject:  engine.Subject{ID: "parapet-probe", Tenant: tenant},
		Resource: engine.Resource{Model: "parapet-probe"},
		Messages: []engine.Message{{Role: "user", Content: "Hello."}},
	}
}

// probe decides probeRequest on p and refuses the bundle if the decision
// failed closed or says the bundle's configuration is invalid.
func probe(ctx context.Context, name string, p *engine.Policy, tenant string) error {
	e := engine.New(engine.Options{})
	e.Activate(p)
	d, err := e.Decide(ctx, probeRequest(tenant))
	if err != nil {
		return &CheckError{Bundle: name, Stage: StageProbe, Problems: []Problem{{Message: "the probe request was refused: " + err.Error()}}}
	}
	var probs []Problem
	for _, r := range d.Reasons {
		if d.FailClosed || r.ID == "policy.config_invalid" {
			probs = append(probs, Problem{Message: "a probe decision (tenant " + tenant + ") gave " + r.ID + ": " + r.Message})
		}
	}
	if len(probs) > 0 {
		return &CheckError{Bundle: name, Stage: StageProbe, Problems: probs}
	}
	return nil
}

// CheckLayer compiles a tenant bundle on the base policy, refusing it if
// it would weaken the base (engine.CheckTenant), does not compile, fails
// its tests (with RunTests) or fails closed on a probe for its tenant.
func CheckLayer(ctx context.Context, base *engine.Policy, t engine.TenantBundle, o CheckOptions) (*engine.Layer, error) {
	serve, tests := SplitTests(t.Bundle)
	if o.RunTests && len(tests) > 0 {
		merged := *t.Bundle
		merged.Modules = append(append([]bundle.ModuleFile(nil), base.Bundle().Modules...), t.Bundle.Modules...)
		merged.Data = mergeData(base.Bundle().Data, t.Bundle.Data)
		if err := runTests(ctx, t.Name, &merged, o); err != nil {
			return nil, err
		}
	}
	t.Bundle = serve
	l, err := engine.CompileLayer(ctx, base, t)
	if err != nil {
		var le *engine.LayerError
		if errors.As(err, &le) {
			return nil, refuse(t.Name, StageLayer, err)
		}
		return nil, refuse(t.Name, StageCompile, err)
	}
	if !o.NoProbe {
		p, err := base.WithLayers(l)
		if err != nil {
			return nil, err
		}
		if err := probe(ctx, t.Name, p, t.Tenant); err != nil {
			return nil, err
		}
	}
	return l, nil
}

func mergeData(a, b map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		if am, ok := out[k].(map[string]any); ok {
			if bm, ok := v.(map[string]any); ok {
				out[k] = mergeData(am, bm)
				continue
			}
		}
		out[k] = v
	}
	return out
}
