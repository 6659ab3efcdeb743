package scope

import (
	"strings"
	"testing"
)

// Every word of a family must be able to match: no lower-case word of two
// letters or fewer (those must be written in capitals), so a phrase never
// waits for a word it cannot see; and no word of a directive, which would
// match every request that repeats the rule.
func TestFamilyWordsCanMatch(t *testing.T) {
	for i, f := range families {
		for _, w := range f.words {
			if strings.Count(w, " ") > 3 {
				t.Errorf("family %d: %q: single words read as one phrase", i, w)
			}
			for _, p := range strings.Fields(w) {
				if generic[p] && p != "deep" || len(p) <= 2 && isASCII(p) && p != "ai" && p != "tv" && p != "w2" {
					t.Errorf("family %d: %q: %q cannot match", i, w, p)
				}
			}
		}
		if len(f.triggers) == 0 || len(f.words) == 0 {
			t.Errorf("family %d is empty", i)
		}
	}
}
