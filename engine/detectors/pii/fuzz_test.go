package pii

import (
	"context"
	"crypto/sha256"
	"math/big"
	"net/netip"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

var fuzzSeeds = []string{
	"call (212) 555-0143 or +44 20 7946 0958 x12",
	"card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32",
	"SSN 536-22-8170 born 5th of May 1990, DOB 03/15/1985",
	"ip 10.0.0.1 fe80::1%eth0 ::ffff:1.2.3.4 00:1a:2b:3c:4d:5e 0123.4567.89ab",
	"https://user@example.com:8080/a_(b)?q=1. www.example.org, a.b@c.example.com",
	"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
	"اتصل على ٠٥٥٢٣٤٧٨١٩ أو 555-0143، شماره ۰۹۳۵ ۲۲۱ ۶۸۰۴ https://x.example/٠١٢٣٤٥٦٧٨٩ ０８０-３３２１-７７０４ +٩٦٦ ٥٥ ٢٣٤ ٧٨١٩",
	"call me back on 3 1 2 5 5 5 0 1 9 9 or 0-1-6-1-4-9-6-0-7-7-2 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7",
	"email is a dot b underscore c at d dot e dot com at x dot dot com at  dot uk a at b dot co dot uk",
	"NHS 943 476 5919 NINO AB 12 34 56 C passport 912803456 driver's license D1234567",
	"Grüße josé@example.com 電話 +44 20 7946 0958。",
	"12 12 12 12 12 12 12 12 12 1.2.3.4.5 @@@ ::: www. http:// ( ) + -",
}

// FuzzScan checks that scanning never panics, reports spans inside the
// text, in order and without overlap, and is deterministic.
func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	d := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		var r1, r2 analysis.Report
		fl := &analysis.Field{Path: "p", Text: text}
		d.Scan(context.Background(), fl, &r1)
		d.Scan(context.Background(), fl, &r2)
		if len(r1.Findings) != len(r2.Findings) {
			t.Fatalf("not deterministic")
		}
		prev := 0
		for i, fi := range r1.Findings {
			if fi != r2.Findings[i] {
				t.Fatalf("not deterministic")
			}
			if fi.ByteStart < prev || fi.ByteEnd > len(text) || fi.ByteStart >= fi.ByteEnd {
				t.Fatalf("span [%d,%d) after %d in %d bytes", fi.ByteStart, fi.ByteEnd, prev, len(text))
			}
			if fi.Score < minReport || fi.Score > 1 {
				t.Fatalf("score %v", fi.Score)
			}
			v := text[fi.ByteStart:fi.ByteEnd]
			if strings.TrimSpace(v) != v {
				t.Fatalf("span %q has surrounding space", v)
			}
			prev = fi.ByteEnd
		}
	})
}

func refLuhn(s string) bool {
	if len(s) < 2 {
		return false
	}
	sum := 0
	for i := 0; i < len(s); i++ {
		c := s[len(s)-1-i]
		if c < '0' || c > '9' {
			return false
		}
		v := int(c - '0')
		if i%2 == 1 {
			v = v*2/10 + v*2%10
		}
		sum += v
	}
	return sum%10 == 0
}

func FuzzLuhn(f *testing.F) {
	for _, s := range []string{"4111111111111111", "4111111111111112", "0", "79927398713", "x1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := luhn(s)
		if got != luhn([]byte(s)) || got != refLuhn(s) {
			t.Fatalf("luhn(%q) = %v, reference %v", s, got, refLuhn(s))
		}
	})
}

func refIBAN(s string) bool {
	if len(s) < 5 {
		return false
	}
	u := strings.ToUpper(s)
	want, ok := ibanLengths[[2]byte{u[0], u[1]}]
	if !ok || int(want) != len(u) || u[2] < '0' || u[2] > '9' || u[3] < '0' || u[3] > '9' {
		return false
	}
	var b strings.Builder
	for _, c := range u[4:] + u[:4] {
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
		case c >= 'A' && c <= 'Z':
			b.WriteString(big.NewInt(int64(c - 'A' + 10)).String())
		default:
			return false
		}
	}
	n, ok := new(big.Int).SetString(b.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

func FuzzIBAN(f *testing.F) {
	for _, s := range []string{"GB82WEST12345698765432", "DE89370400440532013000", "DE89370400440532013001", "gb82west12345698765432", "NO9386011117947", "XX00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ref := validIBAN(s), refIBAN(s); got != ref {
			t.Fatalf("validIBAN(%q) = %v, reference %v", s, got, ref)
		}
	})
}

func FuzzNHS(f *testing.F) {
	for _, s := range []string{"9434765919", "9434765918", "1111111111", "401023213", "40102321x0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := validNHS(s)
		ref := false
		if len(s) == 10 && strings.Trim(s, "0123456789") == "" && strings.Count(s, s[:1]) != 10 {
			sum := 0
			for i := 0; i < 9; i++ {
				sum += int(s[i]-'0') * (10 - i)
			}
			c := (11 - sum%11) % 11
			ref = c != 10 && c == int(s[9]-'0')
		}
		if got != ref {
			t.Fatalf("validNHS(%q) = %v, reference %v", s, got, ref)
		}
	})
}

// refBase58Encode encodes b the standard way, for checking round trips.
func refBase58Encode(b []byte) string {
	n := new(big.Int).SetBytes(b)
	var out []byte
	mod := new(big.Int)
	for n.Sign() > 0 {
		n.DivMod(n, big.NewInt(58), mod)
		out = append(out, base58Alphabet[mod.Int64()])
	}
	for _, c := range b {
		if c != 0 {
			break
		}
		out = append(out, '1')
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}

func FuzzBase58Check(f *testing.F) {
	for _, s := range []string{"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "1111111111111111111114oLvT2", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !validBase58Check(s) {
			return
		}
		// A valid address decodes to version + hash + checksum and
		// re-encodes to itself.
		n := new(big.Int)
		for i := 0; i < len(s); i++ {
			n.Mul(n, big.NewInt(58))
			n.Add(n, big.NewInt(int64(strings.IndexByte(base58Alphabet, s[i]))))
		}
		var payload [25]byte
		n.FillBytes(payload[:])
		h1 := sha256.Sum256(payload[:21])
		h2 := sha256.Sum256(h1[:])
		if string(h2[:4]) != string(payload[21:]) || (payload[0] != 0 && payload[0] != 5) {
			t.Fatalf("%q accepted with a bad checksum or version", s)
		}
		if enc := refBase58Encode(payload[:]); enc != s {
			t.Fatalf("%q accepted but re-encodes as %q", s, enc)
		}
	})
}

func FuzzBech32(f *testing.F) {
	for _, s := range []string{"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !validBech32Address(s) {
			return
		}
		if !validBech32Address(strings.ToLower(s)) || !validBech32Address(strings.ToUpper(s)) {
			t.Fatalf("%q valid but not in the other case", s)
		}
		// Bech32 checksums detect any single substitution in the data.
		b := []byte(strings.ToLower(s))
		for i := 3; i < len(b); i++ {
			orig := b[i]
			for _, c := range []byte(bech32Charset) {
				if c == orig {
					continue
				}
				b[i] = c
				if validBech32Address(b) {
					t.Fatalf("%q: substitution at %d to %q still valid", s, i, c)
				}
				break
			}
			b[i] = orig
		}
	})
}

func FuzzIPv6(f *testing.F) {
	for _, s := range []string{"2001:db8::1", "::", "::1", "fe80::1%eth0", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := parseIPv6(s, 0)
		if e > len(s) {
			t.Fatalf("end %d past %d", e, len(s))
		}
		if e > 0 {
			a, err := netip.ParseAddr(s[:e])
			if err != nil || !a.Is6() {
				t.Fatalf("parseIPv6 took %q, netip says %v", s[:e], err)
			}
		}
		// "::" alone (the unspecified address) is deliberately not read.
		if a, err := netip.ParseAddr(s); err == nil && a.Is6() && a.Zone() == "" && e != len(s) && s != "::" {
			t.Fatalf("netip reads %q as IPv6, parseIPv6 ends at %d", s, e)
		}
	})
}
