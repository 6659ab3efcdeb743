package secrets

import (
	"context"
	"crypto/sha256"
	"hash/crc32"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

func TestBIP39List(t *testing.T) {
	if got := crc32.ChecksumIEEE([]byte(bip39Text)); got != 0xc1dbd296 {
		t.Fatalf("data/bip39_english.txt CRC-32 %08x, want c1dbd296 (BIP-0039 english.txt)", got)
	}
	if len(bip39Words) != 2048 {
		t.Fatalf("%d words", len(bip39Words))
	}
	for i, w := range bip39Words {
		if bip39Index(w) != i {
			t.Fatalf("bip39Index(%q) = %d, want %d", w, bip39Index(w), i)
		}
	}
	for _, w := range []string{"the", "and", "abandons", "zzz", "Abandon", "ab"} {
		if bip39Index(w) >= 0 {
			t.Errorf("bip39Index(%q) found", w)
		}
	}
	// the last keys of the four-letter table (a fuzzed "zzz" once read
	// past its end)
	for _, w := range []string{"zzz", "zzzz", "zzzzzzzz", "zoo", "zone"} {
		listedWordAt(w, 0)
		listedWordAt("\n"+w+" zoo zoo", 1)
	}
}

// mnemonic encodes entropy (16 to 32 bytes) as BIP-39 words, checksum
// included, independently of seedChecksum.
func mnemonic(entropy []byte) []string {
	sum := sha256.Sum256(entropy)
	bits := ""
	for _, b := range entropy {
		for i := 7; i >= 0; i-- {
			bits += string('0' + rune(b>>i&1))
		}
	}
	for i := 7; i >= 8-len(entropy)/4; i-- {
		bits += string('0' + rune(sum[0]>>i&1))
	}
	var out []string
	for i := 0; i < len(bits); i += 11 {
		v := 0
		for _, c := range bits[i : i+11] {
			v = v<<1 | int(c-'0')
		}
		out = append(out, bip39Words[v])
	}
	return out
}

func seedFindings(t *testing.T, d *Detector, text string) []analysis.Finding {
	t.Helper()
	r := &analysis.Report{}
	d.Scan(context.Background(), &analysis.Field{Path: "prompt", Text: text}, r)
	var out []analysis.Finding
	for _, f := range r.Findings {
		if f.Type == "CRYPTO_SEED_PHRASE" {
			out = append(out, f)
		}
	}
	return out
}

func TestSeedPhrases(t *testing.T) {
	d := New(Options{})
	rng := rand.New(rand.NewPCG(11, 12))
	ent := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	w12 := mnemonic(ent(16))
	w24 := mnemonic(ent(32))
	// A made-up phrase: listed words whose checksum fails.
	bad := append([]string(nil), w12...)
	for i := 0; ; i++ {
		bad[11] = bip39Words[(bip39Index(w12[11])+1+i)%2048]
		ws := make([]seedWord, 12)
		for j, w := range bad {
			ws[j] = seedWord{idx: uint16(bip39Index(w))}
		}
		if !seedChecksum(ws) {
			break
		}
	}
	numbered := ""
	for i, w := range w24 {
		numbered += " " + string(rune('0'+(i+1)/10)) + string(rune('0'+(i+1)%10)) + ". " + w + "\n"
	}
	cases := []struct {
		name, text, want string
		score            float64
	}{
		{"12 words on their own line, no wording", "ok so it is\n" + strings.Join(w12, " ") + " and nothing else", strings.Join(w12, " "), 0.9},
		{"followed by listed words", "\n" + strings.Join(w12, " ") + " thank you", strings.Join(w12, " "), 0.9},
		{"after a name and a colon", "My recovery phrase: " + strings.Join(w12, " ") + ".", strings.Join(w12, " "), 0.9},
		{"json", `{"mnemonic": "` + strings.Join(w24, " ") + `"}`, strings.Join(w24, " "), 0.9},
		{"env", "SEED_PHRASE=" + strings.Join(w12, " "), strings.Join(w12, " "), 0.9},
		{"mid-sentence, no colon (not looked for)", "ok so it is " + strings.Join(w12, " ") + " and nothing else", "", 0},
		{"24 words, numbered lines", "Backup:\n" + numbered + "done", strings.TrimSpace(numbered[strings.Index(numbered, ". ")+2:]), 0.9},
		{"made up, after a wallet name", "My uncle left a note with \"MetaMask\" written on it and these words:\n\n" + strings.Join(bad, " ") + "\n\nCan we get in?", strings.Join(bad, " "), 0.7},
		{"made up, Korean wording", "하드웨어 지갑 복구 문구 — 절대 보여주지 말 것!\n" + strings.Join(bad, " ") + "\n- 순서 중요", strings.Join(bad, " "), 0.7},
		{"made up, no wording", "Words for the spelling test: " + strings.Join(bad, " ") + ".", "", 0},
		{"test vector", "seed: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "", 0},
		{"list order", "wallet seed example: abandon ability able about above absent absorb abstract absurd abuse access accident", "", 0},
		{"eleven words", "seed phrase: " + strings.Join(w12[:11], " "), "", 0},
		{"joined words", "seed: " + strings.Join(w12, "-"), "", 0},
		{"prose", "The quick brown fox jumps over the lazy dog while the wallet of the family sits on a table near the window, and nobody ever asks about the seed.", "", 0},
	}
	for _, c := range cases {
		fs := seedFindings(t, d, c.text)
		if c.want == "" {
			if len(fs) > 0 {
				t.Errorf("%s: found [%d,%d)", c.name, fs[0].ByteStart, fs[0].ByteEnd)
			}
			continue
		}
		if len(fs) != 1 {
			t.Errorf("%s: %d findings in %q", c.name, len(fs), c.text)
			continue
		}
		if got := c.text[fs[0].ByteStart:fs[0].ByteEnd]; got != c.want || fs[0].Score != c.score {
			t.Errorf("%s: found [%d,%d) (%.2f), want %d bytes at %d (%.2f)", c.name, fs[0].ByteStart, fs[0].ByteEnd, fs[0].Score, len(c.want), strings.Index(c.text, c.want), c.score)
		}
	}
}
