package secrets

import (
	"context"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"", "password=hunter22x", "postgres://u:p4ssw0rdX@h/db", "-----BEGIN RSA PRIVATE KEY-----\nMIIE",
		"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijklmnopqrstu", "ghp_" + b62 + "Qw3E", "\"api_key\": \"",
		"LS0tLS1CRUdJTi", "PuTTY-User-Key-File-2:", "<add key=\"Password\" value=\"x", "sk-ant-api03-",
		"la contraseña es Xk9#mQ2vLp", "the token is '" + b62 + "'", "use the password Tr0ub4dor!Xq",
		"NTg4NzI2MTY3NzE5MDcwNTc3.v9kw53." + b62[:27], "MTkzNTg0MzYxMTk3OTc5ODQ1MQ.GJMuHb.",
		// this round's scanners: PINs, code lists, SQL rows, repeats
		"PIN: 4821 and the gate code 7 1 2 1", "7ed79-fa0d7\n33b49-32ec2\n996dd-0ef59\na9942-0bc62\nd16ca-ccce3\n",
		"INSERT INTO t (id, password) VALUES (1,'x", "CREATE TABLE `t` (`password` varchar(9)\nINSERT INTO `t` VALUES (",
		"Mum: password Harbor-Orbit58\nMum: Harbor-Orbit58", "values (", "1. 3399 5194\n2. 4080 0939\n",
		// the fifth round's forms: one-time codes, qualifiers, pronoun sentences, key parts, printed files
		"the 2FA code to my phone: 417 092", "şifresi (6 haneli): 508213", "暗証番号（数字4桁）：7304",
		"the password for the VPN. It's now Kx7!pala", "Left half (x 1): Wq4RtZ8xPm2LkN7v", "Component 2 (double length): 7E1A 40C9 B23F 9D05",
		"$ cat .vault_pass\nSaigon.Rendang43\n", "Password: velvet marble thunder window", "private key\n\n5f1c8e2a9b7d03f46e18c2a5d9b07f3e41a6c8d2e0f9b3a7c5d1e8f2a4b6c9d0",
		"1. 4817 2093      6. 7302 5581\n2. 9154 0368      7. 2269 8410\n", "I set DD_APP_KEY to 702859c346686a362c989389fb41fb3635d0102d",
	} {
		f.Add(s)
	}
	d := New(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		var r analysis.Report
		d.Scan(context.Background(), &analysis.Field{Text: s}, &r)
		for _, fd := range r.Findings {
			if fd.ByteStart < 0 || fd.ByteEnd > len(s) || fd.ByteStart >= fd.ByteEnd {
				t.Fatalf("span [%d,%d) out of bounds for %d bytes", fd.ByteStart, fd.ByteEnd, len(s))
			}
		}
	})
}

// naiveFind lists every (pattern, end) pair by brute force.
func naiveFind(patterns []string, text string) map[[2]int]bool {
	out := map[[2]int]bool{}
	lt := strings.ToLower(text)
	for id, p := range patterns {
		if p == "" {
			continue
		}
		lp := strings.ToLower(p)
		for i := 0; i+len(lp) <= len(lt); i++ {
			if lt[i:i+len(lp)] == lp {
				out[[2]int{id, i + len(lp)}] = true
			}
		}
	}
	return out
}

func acFind(m *acMatcher, text string) map[[2]int]bool {
	out := map[[2]int]bool{}
	s, i := 0, 0
	for {
		i, s = m.next(text, i, s)
		if i < 0 {
			return out
		}
		for _, id := range m.outputs(s) {
			out[[2]int{int(id), i}] = true
		}
	}
}

func FuzzAhoCorasick(f *testing.F) {
	f.Add("he,she,his,hers", "ushers and HIS sheep")
	f.Add("a,aa,aaa", "aaaaAAAA")
	f.Add("ghp_,xoxb-,://,pass", "x://ghp_PASSxoxb-pass")
	f.Fuzz(func(t *testing.T, pats, text string) {
		patterns := strings.Split(pats, ",")
		if len(patterns) > 64 {
			patterns = patterns[:64]
		}
		for i, p := range patterns {
			// ASCII case folding only: keep patterns lower case.
			patterns[i] = strings.ToLower(p)
			if strings.ToLower(patterns[i]) != patterns[i] || len(p) != len(patterns[i]) {
				t.Skip()
			}
			for j := 0; j < len(p); j++ {
				if p[j] >= 0x80 {
					t.Skip() // strings.ToLower folds non-ASCII; the matcher does not
				}
			}
		}
		for j := 0; j < len(text); j++ {
			if text[j] >= 0x80 {
				t.Skip()
			}
		}
		m, err := newACMatcher(patterns)
		if err != nil {
			t.Skip()
		}
		got, want := acFind(m, text), naiveFind(patterns, text)
		if len(got) != len(want) {
			t.Fatalf("automaton found %d matches, naive %d", len(got), len(want))
		}
		for k := range want {
			if !got[k] {
				t.Fatalf("automaton missed pattern %d ending at %d", k[0], k[1])
			}
		}
	})
}

func TestAhoCorasickMatchesNaive(t *testing.T) {
	d := New(Options{})
	var kws []string
	for i := 0; i+1 < len(d.kwIdx); i++ {
		kws = append(kws, "")
	}
	// Rebuild the keyword list from the rules in automaton order.
	seen := map[string]bool{}
	kws = kws[:0]
	for _, r := range d.rules {
		for _, k := range r.def.Keywords {
			if !seen[k] {
				seen[k] = true
				kws = append(kws, k)
			}
		}
	}
	m, err := newACMatcher(kws)
	if err != nil {
		t.Fatal(err)
	}
	text := mixedText(32<<10, 2<<10, 11) + strings.Join(kws, " ") + strings.ToUpper(strings.Join(kws, "|"))
	got, want := acFind(m, text), naiveFind(kws, text)
	if len(got) != len(want) {
		t.Fatalf("automaton found %d matches, naive %d", len(got), len(want))
	}
	for k := range want {
		if !got[k] {
			t.Fatalf("automaton missed keyword %d ending at %d", k[0], k[1])
		}
	}
}

// FuzzTokMatcher compares the hand-compiled token matchers with their
// rules' anchored regexps at every position of the input where a rule's
// literal prefix occurs.
func FuzzTokMatcher(f *testing.F) {
	f.Add("ghp_" + b62 + "Qw3E")
	f.Add("sk-ant-api03-" + strings.Repeat("Xq7pL2mN9rT4vB8k", 6)[:93] + "AA\"")
	f.Add("xoxb-2913428372-1935247329541-gNq8Wt5ZrL0cVbXyHmPe3s2K é")
	f.Add("AKIAQYLPMN5HHHFPZAM2 sk-3fa9c2e81b7d4a6f9e0c5b2d8a1f7e34\\n")
	compileAll()
	var rules []*rule
	for _, r := range allRules {
		if r.tok != nil {
			rules = append(rules, r)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 512 {
			return
		}
		for _, r := range rules {
			for ks := 0; ks < len(text); ks++ {
				if !r.prefixAt(text, ks) || r.wordStart && ks > 0 && isWordByte(text[ks-1]) {
					continue
				}
				ms, me, cs, ce, ok, sure := r.tok.match(text, ks)
				if !sure {
					continue
				}
				m := r.reAnch.FindStringSubmatchIndex(text[ks:])
				if (m != nil) != ok {
					t.Fatalf("%s at %d: matcher %v, regexp %v", r.info.ID, ks, ok, m != nil)
				}
				if !ok {
					continue
				}
				gs, ge := m[0], m[1]
				if len(m) >= 4 && m[2] >= 0 {
					gs, ge = m[2], m[3]
				}
				if ms != ks || cs-ks != gs || ce-ks != ge || me-ks != m[1] {
					t.Fatalf("%s at %d: matcher [%d,%d) group [%d,%d), regexp %v", r.info.ID, ks, ms-ks, me-ks, cs-ks, ce-ks, m)
				}
			}
		}
	})
}

// FuzzTriggersWithinFullScan checks that every finding of Scan is also a
// finding of the reference scan that finds every keyword occurrence with
// a full Aho-Corasick pass (refScan): the triggers only ever find fewer
// keyword occurrences, never other ones.
func FuzzTriggersWithinFullScan(f *testing.F) {
	f.Add("DB_PASSWORD=Tr0ub4dor!3x and ghp_" + b62 + "Qw3E")
	f.Add(`{"client_secret": "Zq8Lm3Xv7Rt2Kp9Wn4Bc6Yh1Jd5", "adafruit_key": "` + b62 + `"}`)
	f.Add("postgres://app:S3cr3tPassw0rdQ@db.internal:5432/prod\nmachine h login u password p4ss")
	f.Add("curl -u admin:s3cretpass https://x -H \"Authorization: Bearer " + b62 + "\"")
	f.Add("das Passwort lautet Xk9#mQ2vLp. the API key is " + b62 + ". sshpass -p Xk9mQ2vLp7 ssh h")
	f.Add("key is NTg4NzI2MTY3NzE5MDcwNTc3.v9kw53." + b62[:27] + ".\nAC86116a4f9a3057c061315994a3918579 a8f45df4f6e0c5629b080d53c26a5dc1")
	f.Add("verification code is 730914. I reset the password for the VPN. It's now Kx7!pala\nremote_password Brno#6947x\nWLAN-Passwort (Gäste): Haus!2024ab")
	d := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		var r analysis.Report
		d.Scan(context.Background(), &analysis.Field{Text: text}, &r)
		ref := map[[2]int]string{}
		for _, fd := range refScan(d, text) {
			ref[[2]int{fd.ByteStart, fd.ByteEnd}] += fd.Type + " "
		}
		for _, fd := range r.Findings {
			if !strings.Contains(ref[[2]int{fd.ByteStart, fd.ByteEnd}], fd.Type+" ") {
				t.Fatalf("scan finds %s at [%d,%d) that a full keyword scan does not", fd.Type, fd.ByteStart, fd.ByteEnd)
			}
		}
	})
}
