package engine

import (
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
)

// Partial evaluation (prepare) folds rules into the rules that use them,
// which takes 10-33% off a decision of the default library
// (docs/benchmarks.md). It
// would also fold away one kind of evaluation error: a complete rule or a
// function with two values for the same input (eval_conflict_error), which
// plain evaluation reports and the engine turns into a fail-closed deny.
// Folded into its callers, such a rule is just two alternatives, and the
// error, and the deny, are lost. So:
//   - complete rules that can have more than one value are never folded:
//     partial evaluation keeps them as rules, which evaluate, and fail, as
//     written;
//   - a bundle with a function that can have more than one value is not
//     partially evaluated at all: even kept as a rule, a call whose result
//     partial evaluation compares with a constant (f(x, 3)) no longer
//     reports the conflict.
// TestPartialEvaluationKeepsConflictsErrors holds both.

// partialPlan says how to partially evaluate b: the rules to keep out of
// folding, or, when skip is set, why b is evaluated as written.
func partialPlan(b *bundle.Bundle) (keep []string, skip string) {
	rules, funcs := conflictPaths(b)
	if len(funcs) > 0 {
		return nil, skipReason(funcs)
	}
	return append(rules, sharedRules(b)...), ""
}

func skipReason(funcs []string) string {
	return "functions that can give two values for one input (" + strings.Join(funcs, ", ") +
		"), whose conflicts must stay evaluation errors; write each as one definition (an else chain) to have the bundle optimised"
}

// PartialEvaluationNote says why the engine would evaluate the policy
// made of modules as written rather than partially evaluated (slower, same
// decisions), or "" when it would partially evaluate it. parapet check
// prints it for policy authors.
func PartialEvaluationNote(modules map[string]*ast.Module) string {
	b := &bundle.Bundle{}
	for path, m := range modules {
		b.Modules = append(b.Modules, bundle.ModuleFile{Path: path, Parsed: m})
	}
	if _, funcs := conflictPaths(b); len(funcs) > 0 {
		return skipReason(funcs)
	}
	return ""
}

// sharedRules lists the complete rules of b that compute their value with
// a comprehension from the input (pii_evidence := sort({… | some f in
// input.analysis.findings …})). Folded, such a rule is copied into every
// place that reads it and computed again at each; kept, it is computed
// once per decision. (Rules that read data only are left alone: partial
// evaluation computes them once per bundle.) Keeping a rule never
// changes a decision, so when b does not compile here the list is just
// empty.
func sharedRules(b *bundle.Bundle) []string {
	mods := make(map[string]*ast.Module, len(b.Modules))
	for _, mf := range b.Modules {
		if mf.Parsed != nil {
			mods[mf.Path] = mf.Parsed.Copy()
		}
	}
	c := ast.NewCompiler().WithEnablePrintStatements(true)
	c.Compile(mods)
	if c.Failed() {
		return nil
	}
	readsInput := map[*ast.Rule]bool{}
	var visit func(r *ast.Rule, seen map[*ast.Rule]bool) bool
	visit = func(r *ast.Rule, seen map[*ast.Rule]bool) bool {
		if v, ok := readsInput[r]; ok {
			return v
		}
		if seen[r] {
			return false
		}
		seen[r] = true
		found := false
		ast.WalkRefs(r, func(ref ast.Ref) bool {
			if found {
				return true
			}
			if ref.HasPrefix(ast.InputRootRef) {
				found = true
				return true
			}
			if ref.HasPrefix(ast.DefaultRootRef) {
				for _, dep := range c.GetRulesDynamic(ref) {
					if visit(dep, seen) {
						found = true
						return true
					}
				}
			}
			return false
		})
		readsInput[r] = found
		return found
	}
	var out []string
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			if r.Head.RuleKind() != ast.SingleValue || len(r.Head.Args) > 0 || r.Default {
				continue
			}
			if !hasComprehension(r) || !visit(r, map[*ast.Rule]bool{}) {
				continue
			}
			if path := rulePath(m, r); path != DecisionQuery {
				out = append(out, path)
			}
		}
	}
	sort.Strings(out)
	return out
}

// rulePath is the path of the document r defines, as DisableInlining takes
// it: data.parapet.lib.model.
func rulePath(m *ast.Module, r *ast.Rule) string {
	return m.Package.Path.Extend(r.Head.Ref().GroundPrefix()).String()
}

// hasComprehension reports whether r computes anything with a
// comprehension.
func hasComprehension(r *ast.Rule) bool {
	found := false
	ast.WalkClosures(r, func(x any) bool {
		switch x.(type) {
		case *ast.ArrayComprehension, *ast.SetComprehension, *ast.ObjectComprehension:
			found = true
		}
		return found
	})
	return found
}

// conflictPaths lists the complete rules and the functions of b that can
// produce more than one value for one input:
//   - those with two or more definitions (an else chain is one) that do not
//     all give the same constant value, and
//   - those with a definition whose value is not a constant and whose body
//     iterates (some x in xs, xs[_], xs[i]), which can bind it more than
//     once, and rules with a variable in their name (p[x] := …).
//
// Rules of the form "p if …" all give true and never conflict; neither do
// constant rules.
func conflictPaths(b *bundle.Bundle) (rules, funcs []string) {
	type info struct {
		defs      int
		constants map[string]bool
		varies    bool
		function  bool
	}
	all := map[string]*info{}
	for _, mf := range b.Modules {
		m := mf.Parsed
		if m == nil {
			continue
		}
		for _, r := range m.Rules {
			if r.Default || r.Head.RuleKind() != ast.SingleValue {
				continue
			}
			path := rulePath(m, r)
			in := all[path]
			if in == nil {
				in = &info{constants: map[string]bool{}}
				all[path] = in
			}
			in.defs++
			in.function = len(r.Head.Args) > 0
			if !r.Head.Ref().IsGround() {
				in.varies = true // p[x] := …: one rule, many keys
			}
			for branch := r; branch != nil; branch = branch.Else {
				v := branch.Head.Value
				switch {
				case v == nil:
					in.varies = true
				case !ast.IsConstant(v.Value):
					in.constants["?"] = true // a value computed by the body
					if iterates(branch.Body, r.Head.Args.Vars()) {
						in.varies = true
					}
				case branch == r && r.Else == nil:
					in.constants[v.String()] = true
				default:
					in.constants["?"] = true // an else chain: one of its values
				}
			}
		}
	}
	for path, in := range all {
		if !in.varies && (in.defs < 2 || (len(in.constants) < 2 && !in.constants["?"])) {
			continue
		}
		if in.function {
			funcs = append(funcs, path)
		} else {
			rules = append(rules, path)
		}
	}
	sort.Strings(rules)
	sort.Strings(funcs)
	return rules, funcs
}

// iterates reports whether body can succeed more than once: it has a
// "some … in …" or a reference with a variable after its head (xs[_],
// xs[i]) other than one of bound, the function's arguments. (A variable
// bound earlier in the body counts too: the check errs on the side of
// keeping a rule.) Comprehensions are not looked into: they iterate inside
// one value.
func iterates(body ast.Body, bound ast.VarSet) bool {
	found := false
	vis := ast.NewGenericVisitor(func(x any) bool {
		if found {
			return true
		}
		switch x := x.(type) {
		case *ast.ArrayComprehension, *ast.SetComprehension, *ast.ObjectComprehension:
			return true
		case *ast.SomeDecl:
			for _, t := range x.Symbols {
				if _, ok := t.Value.(ast.Call); ok {
					found = true
				}
			}
		case *ast.Every:
			return true // every … does not bind outside itself
		case ast.Ref:
			for _, t := range x[1:] {
				if v, ok := t.Value.(ast.Var); ok && !bound.Contains(v) {
					found = true
				}
			}
		}
		return found
	})
	vis.Walk(body)
	return found
}
