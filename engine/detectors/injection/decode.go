package injection

import (
	"encoding/base64"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Limits on decoding encoded payloads found in a text.
const (
	minBase64Run   = 16    // shortest base64 run worth decoding
	minHexPairs    = 8     // shortest hex run (in bytes) worth decoding
	maxPayloads    = 8     // payloads decoded per text (per depth)
	maxDecodeBytes = 16384 // total decoded bytes per scored text
	maxDecodeDepth = 2     // a payload inside a payload is decoded once more
)

// payload is an encoded run of the original text and its decoded bytes.
type payload struct {
	kind       uint8 // viewBase64, viewHex, viewURL
	start, end int   // span of the encoded run in the text it was found in
	text       []byte
}

var b64Table = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_'
	}
	return t
}()

func isB64(c byte) bool { return b64Table[c] }

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// findPayloads appends the base64, hex and percent-encoded payloads of s
// that decode to readable text. budget bounds the decoded bytes; the new
// budget is returned. Work is linear in len(s).
func findPayloads(s string, out []payload, budget int, scratch *[]byte) ([]payload, int) {
	found := 0
	for i := 0; i < len(s) && found < maxPayloads && budget > 0; {
		c := s[i]
		if !isB64(c) {
			if c == '\\' && spacedHexStart(s, i) {
				if dec, end, ok := scanSpacedHex(s, i, budget); ok {
					out = append(out, payload{kind: viewHex, start: i, end: end, text: dec})
					budget -= len(dec)
					found++
					i = end
					continue
				}
			}
			i++
			continue
		}
		// start of a run of base64 characters; spaced hex starts with a
		// two-character run or a 0x prefix
		if (i+2 < len(s) && !isB64(s[i+2])) || (c == '0' && i+1 < len(s) && (s[i+1] == 'x' || s[i+1] == 'X')) {
			if !spacedHexStart(s, i) {
				goto run
			}
			dec, end, ok := scanSpacedHex(s, i, budget)
			if ok {
				out = append(out, payload{kind: viewHex, start: i, end: end, text: dec})
				budget -= len(dec)
				found++
				i = end
				continue
			}
			if end > i+3 {
				i = end // consumed short pairs: none is a base64 run
				continue
			}
		}
	run:
		j := i
		for j < len(s) && isB64(s[j]) {
			j++
		}
		run := s[i:j]
		for j < len(s) && s[j] == '=' {
			j++
		}
		if len(run) < minBase64Run {
			i = j
			continue
		}
		allHex := true
		for k := 0; k < len(run); k++ {
			if _, ok := hexVal(run[k]); !ok {
				allHex = false
				break
			}
		}
		if allHex && len(run) >= 2*minHexPairs && len(run)%2 == 0 {
			dec := make([]byte, 0, min(len(run)/2, budget))
			for k := 0; k+1 < len(run) && len(dec) < budget; k += 2 {
				h, _ := hexVal(run[k])
				l, _ := hexVal(run[k+1])
				dec = append(dec, h<<4|l)
			}
			if readable(dec) || encodedRun(dec) {
				out = append(out, payload{kind: viewHex, start: i, end: j, text: dec})
				budget -= len(dec)
				found++
			}
		} else if dec := decodeBase64(run, budget, scratch); dec != nil && (readable(dec) || encodedRun(dec)) {
			out = append(out, payload{kind: viewBase64, start: i, end: j, text: append([]byte(nil), dec...)})
			budget -= len(dec)
			found++
		}
		i = j
	}
	if found < maxPayloads && budget > 0 && strings.Count(s, "%") >= 3 {
		if dec := decodePercent(s, budget); dec != nil && readable(dec) {
			out = append(out, payload{kind: viewURL, start: 0, end: len(s), text: dec})
			budget -= len(dec)
		}
	}
	return out, budget
}

var hexTable = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		_, t[c] = hexVal(byte(c))
	}
	return t
}()

// mayHavePayload is a quick pass over the text findPayloads reads (the
// original, not the normalised view, which drops invalid and invisible
// characters and so can merge two runs into one): false means findPayloads
// would find nothing (no base64-alphabet run long enough, fewer than
// minHexPairs two-digit hex runs, no "\x" or "0x", fewer than three '%'),
// so the decoders can be skipped.
func mayHavePayload(b string) bool {
	run, pairs, pct := 0, 0, 0
	allHex := true
	for i := 0; i < len(b); i++ {
		c := b[i]
		if isB64(c) {
			run++
			allHex = allHex && hexTable[c]
			if run >= minBase64Run {
				return true
			}
			if c == 'x' && i > 0 && (b[i-1] == '0' || b[i-1] == '\\') {
				return true
			}
			continue
		}
		if run == 2 && allHex {
			if pairs++; pairs >= minHexPairs {
				return true
			}
		}
		run, allHex = 0, true
		if c == '%' {
			if pct++; pct >= 3 {
				return true
			}
		}
	}
	return run == 2 && allHex && pairs+1 >= minHexPairs
}

// spacedHexStart reports whether a spaced or escaped hex run may start at
// i: "\x", "0x", or two hex digits followed by a separator.
func spacedHexStart(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	c, d := s[i], s[i+1]
	if (c == '\\' || c == '0') && (d == 'x' || d == 'X') {
		return true
	}
	if _, ok := hexVal(c); !ok || (i > 0 && isB64(s[i-1])) {
		return false
	}
	if _, ok := hexVal(d); !ok {
		return false
	}
	e := s[i+2]
	return e == ' ' || e == ',' || e == ':'
}

// scanSpacedHex parses hex byte pairs starting at i, each optionally
// prefixed by "\x" or "0x" and separated by one of " ,:". It needs
// minHexPairs pairs and some separator or prefix (plain runs are handled
// by the caller). It returns the end of what it consumed even on failure,
// so the caller can skip it and stay linear.
func scanSpacedHex(s string, i, budget int) ([]byte, int, bool) {
	// first pass: count pairs without allocating
	n, j, marked := spacedHexPairs(s, i, budget, nil)
	if n < minHexPairs || !marked {
		return nil, j, false
	}
	dec := make([]byte, 0, n)
	_, j, _ = spacedHexPairs(s, i, budget, &dec)
	return dec, j, readable(dec)
}

func spacedHexPairs(s string, i, budget int, dec *[]byte) (n, end int, marked bool) {
	j := i
	for n < budget {
		k := j
		pref := false
		if k+1 < len(s) && (s[k] == '\\' || s[k] == '0') && (s[k+1] == 'x' || s[k+1] == 'X') {
			k += 2
			pref = true
		}
		if k+2 > len(s) {
			break
		}
		h, ok1 := hexVal(s[k])
		l, ok2 := hexVal(s[k+1])
		if !ok1 || !ok2 {
			break
		}
		k += 2
		if k < len(s) && isB64(s[k]) {
			break // part of a longer word
		}
		if pref {
			marked = true
		}
		if dec != nil {
			*dec = append(*dec, h<<4|l)
		}
		n++
		j = k
		if j+1 < len(s) && (s[j] == ' ' || s[j] == ',' || s[j] == ':') && (isB64(s[j+1]) || s[j+1] == '\\') {
			j++
			marked = true
		}
	}
	return n, j, marked
}

// decodeBase64 decodes run into *scratch (grown as needed) and returns the
// decoded bytes, which alias *scratch.
func decodeBase64(run string, budget int, scratch *[]byte) []byte {
	enc := base64.RawStdEncoding
	for i := 0; i < len(run); i++ {
		if run[i] == '-' || run[i] == '_' {
			enc = base64.RawURLEncoding
			break
		}
	}
	if len(run)%4 == 1 {
		run = run[:len(run)-1]
	}
	if enc.DecodedLen(len(run)) > budget {
		run = run[:budget/3*4]
	}
	need := enc.DecodedLen(len(run))
	if cap(*scratch) < need {
		*scratch = make([]byte, need)
	}
	dst := (*scratch)[:need]
	n, err := enc.Decode(dst, unsafeBytes(run))
	if err != nil {
		return nil
	}
	return dst[:n]
}

// decodePercent decodes %XX escapes when s holds at least three of them.
func decodePercent(s string, budget int) []byte {
	n := 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '%' {
			if _, ok := hexVal(s[i+1]); ok {
				if _, ok := hexVal(s[i+2]); ok {
					n++
				}
			}
		}
	}
	if n < 3 {
		return nil
	}
	out := make([]byte, 0, min(len(s), budget))
	for i := 0; i < len(s) && len(out) < budget; i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) {
			h, ok1 := hexVal(s[i+1])
			l, ok2 := hexVal(s[i+2])
			if ok1 && ok2 {
				out = append(out, h<<4|l)
				i += 2
				continue
			}
		}
		if c == '+' {
			c = ' '
		}
		out = append(out, c)
	}
	return out
}

// readable reports whether decoded bytes are text worth scanning: valid
// UTF-8, mostly letters and spaces, with at least one space or one
// character of a script written without spaces.
func readable(b []byte) bool {
	if len(b) < 6 || !utf8.Valid(b) {
		return false
	}
	total, good, spaces := 0, 0, 0
	cjk := false
	for len(b) > 0 {
		r, s := utf8.DecodeRune(b)
		b = b[s:]
		total++
		switch {
		case r == ' ' || r == '\n' || r == '\t':
			spaces++
			good++
		case unicode.IsLetter(r):
			good++
			if r >= 0x3000 {
				cjk = true
			}
		case unicode.IsDigit(r) || unicode.IsPunct(r):
			good++
		}
	}
	return good*100 >= total*90 && (spaces > 0 || cjk)
}

// encodedRun reports whether decoded bytes are themselves one run of
// base64 (or hex) characters: an encoding wrapped in another (hex of
// base64), kept so that the nested pass decodes it. Random bytes are
// rarely all in that alphabet over minBase64Run bytes.
func encodedRun(b []byte) bool {
	if len(b) < minBase64Run {
		return false
	}
	n := len(b)
	for n > 0 && b[n-1] == '=' {
		n--
	}
	for _, c := range b[:n] {
		if !isB64(c) {
			return false
		}
	}
	return true
}

// DecodePayloads returns the readable decoded texts of the base64, hex and
// percent-encoded payloads in s (one level), for tests and tools.
func DecodePayloads(s string) []string {
	var scratch []byte
	ps, _ := findPayloads(s, nil, maxDecodeBytes, &scratch)
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = string(p.text)
	}
	return out
}

// unsafeBytes views a string as bytes without copying; the bytes are only
// read.
func unsafeBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }
