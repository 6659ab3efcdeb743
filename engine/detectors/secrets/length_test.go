package secrets

import (
	"regexp/syntax"
	"testing"
)

func TestRegexpLengths(t *testing.T) {
	cases := []struct {
		re          string
		bytes, keys int
	}{
		{`abc`, 3, 3},
		{`é`, 2, 2},
		{`[a-z]{4}`, 4, 4},
		{`[a-zé]{4}`, 16, 4},
		{`.`, 4, 1},
		{`ab(cd|efg)?`, 5, 5},
		{`a{2,5}b`, 6, 6},
		{`a+`, -1, -1},
		{`a{3,}`, -1, -1},
		{`key\s*=`, -1, 20},
		{`key["']*=`, -1, 20},
		{`key[\s"']{0,}=\s*`, -1, 36},
		{`^\bx$`, 1, 1},
	}
	for _, c := range cases {
		re, err := syntax.Parse(c.re, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		re = re.Simplify()
		if got := maxLen(re); got != c.bytes {
			t.Errorf("maxLen(%q) = %d, want %d", c.re, got, c.bytes)
		}
		if got := maxLenOp(re); got != c.keys {
			t.Errorf("maxLenOp(%q) = %d, want %d", c.re, got, c.keys)
		}
	}
}
