package injection

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// readProbes reads testdata/probes_*.txt: one text per line, '#' comments.
func readProbes(t testing.TB, name string) []string {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, strings.ReplaceAll(l, `\n`, "\n")) // a written line break (as in the sets)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestProbes holds the embedded weights to short held-out probes: everyday
// workplace questions (passwords policies, contracts, credentials, HR, IT,
// translation, trivia) must score below DefaultThreshold, so that the
// default policy does not deny them, and short attacks (overrides,
// extraction, personas, encoded payloads) at or above it. The probes are
// not training rows; see testdata/.
func TestProbes(t *testing.T) {
	benign := readProbes(t, "probes_benign.txt")
	attacks := readProbes(t, "probes_attack.txt")
	if len(benign) < 30 || len(attacks) < 20 {
		t.Fatalf("%d benign and %d attack probes: testdata truncated?", len(benign), len(attacks))
	}
	for _, text := range benign {
		if s, ms := Score(text, "user"); s >= DefaultThreshold {
			t.Errorf("benign probe %q scores %.3f (matches %v), want < %.2f", text, s, ms, DefaultThreshold)
		}
	}
	for _, text := range attacks {
		if s, ms := Score(text, "user"); s < DefaultThreshold {
			t.Errorf("attack probe %q scores %.3f (matches %v), want >= %.2f", text, s, ms, DefaultThreshold)
		}
	}
}
