package secrets

import (
	"regexp"
	"regexp/syntax"
	"testing"
	"unicode"
)

// TestReStringRoundTrips: reString(tree) parses back to an equivalent
// tree for every rule pattern and allowlist, before and after the filler
// rewrite.
func TestReStringRoundTrips(t *testing.T) {
	var pats []string
	for _, d := range defs() {
		if d.Pattern != "" {
			pats = append(pats, d.Pattern)
		}
		pats = append(pats, d.Allow...)
		pats = append(pats, d.AllowMatch...)
		pats = append(pats, d.AllowLine...)
	}
	pats = append(pats, gitleaksGlobalAllow...)
	pats = append(pats, `(?i)a.b(?s:.)c(?m)^x$`, `\Aab+?c{2,5}?d{3}e{2,}\z`, `(?U)a+b*`, `[^\s"']{0,200}`, `(?P<name>x)|y`, `[\x00-\x{10FFFF}]`, `ǅ(?i:ǅ)k`, `(?:)|a`)
	for _, p := range pats {
		for _, unbound := range []bool{false, true} {
			want, err := syntax.Parse(p, syntax.Perl)
			if err != nil {
				t.Fatalf("%q: %v", p, err)
			}
			if unbound {
				unboundFillers(want)
			}
			s := reString(want)
			got, err := syntax.Parse(s, syntax.Perl)
			if err != nil {
				t.Fatalf("%q printed as %q: %v", p, s, err)
			}
			g, w := canon(got.Simplify()), canon(want.Simplify())
			// Equal trees, or (when the printed groups nest literals
			// differently) the same pattern by the library's own printer,
			// which keeps what a tree matches.
			if !g.Equal(w) && g.String() != w.String() {
				t.Errorf("%q (unbound=%v) printed as %q parses to %v, want %v", p, unbound, s, got, want)
			}
			if _, err := regexp.Compile(s); err != nil {
				t.Errorf("%q printed as %q: %v", p, s, err)
			}
		}
	}
}

// canon removes the differences that do not change what a tree matches:
// the fold flag of a literal with no letter that folds, and dot versus
// the class of every rune (but newline).
func canon(re *syntax.Regexp) *syntax.Regexp {
	for i, s := range re.Sub {
		re.Sub[i] = canon(s)
	}
	switch re.Op {
	case syntax.OpLiteral:
		folds := false
		for _, r := range re.Rune {
			if unicode.SimpleFold(r) != r {
				folds = true
			}
		}
		if !folds {
			re.Flags &^= syntax.FoldCase
		}
	case syntax.OpCharClass:
		re.Flags &^= syntax.FoldCase // folding is compiled into the ranges
	case syntax.OpAnyChar:
		re.Op, re.Rune, re.Flags = syntax.OpCharClass, []rune{0, unicode.MaxRune}, re.Flags&^syntax.FoldCase
	case syntax.OpAnyCharNotNL:
		re.Op, re.Rune, re.Flags = syntax.OpCharClass, []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}, re.Flags&^syntax.FoldCase
	}
	return re
}
