package injection

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Obfuscations that are not encodings: an instruction written with its
// letters spaced or dotted apart ("i g n o r e", "d.i.s.r.e.g.a.r.d"), in
// Morse code, backwards, or as the initials of a run of words. Each is
// turned back into plain text and scanned like a decoded payload, so the
// signatures fire on it and the hiding itself counts as evidence
// (sigStrength). Reversing and initials are tried only when the text asks
// for them (REVHINT, ACROHINT concepts); spacing and Morse are recognised
// by their shape. All work is linear in the text and bounded by the
// decoding budget; each finder returns at most maxPayloads runs.

const (
	minSpacedLetters = 8 // single letters in a spaced-out run
	minMorseLetters  = 6 // Morse letters in a run
	minInitials      = 8 // words whose initials are read
)

// findSpaced appends the spaced-out letter runs of s. A run is single
// letters separated by short runs of the same separator characters
// (space, '.', '-', '_', '*', '|', '/'); a separator longer than the
// run's shortest, or one with a space where the shortest has none, is a
// word break.
func findSpaced(s string, out []payload, budget int) ([]payload, int) {
	i, found := 0, 0
	for i < len(s) && budget > 0 && found < maxPayloads {
		start, end, ok := spacedRun(s, i)
		if !ok {
			if end <= i {
				end = i + 1
			}
			i = end
			continue
		}
		dec := decodeSpaced(s[start:end], budget)
		if readable(dec) {
			out = append(out, payload{kind: viewSpaced, start: start, end: end, text: dec})
			budget -= len(dec)
			found++
		}
		i = end
	}
	return out, budget
}

func isSpacer(c byte) bool {
	return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '|' || c == '/'
}

// spacedRun finds the next spaced run at or after i: it returns its span
// and ok, or (when none starts before the next word) the position to go
// on from.
func spacedRun(s string, i int) (int, int, bool) {
	// skip to the start of a single letter followed by a spacer
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		prevOK := i == 0 || isSpacer(s[i-1]) || s[i-1] == '"' || s[i-1] == '\'' || s[i-1] == ':' || s[i-1] == '\n' || s[i-1] == '('
		if unicode.IsLetter(r) && prevOK && i+n < len(s) && isSpacer(s[i+n]) {
			break
		}
		i += n
	}
	start := i
	letters := 0
	end := i
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		j := i + n
		if j < len(s) && !isSpacer(s[j]) {
			break // a letter followed by a letter: an ordinary word
		}
		letters++
		end = j
		k := j
		for k < len(s) && k-j < 4 && isSpacer(s[k]) {
			k++
		}
		if k == j || k >= len(s) || k-j >= 4 {
			break
		}
		i = k
	}
	if letters >= minSpacedLetters {
		return start, end, true
	}
	if end <= start {
		end = start + 1
	}
	return start, end, false
}

func decodeSpaced(run string, budget int) []byte {
	// the shortest separator and whether it holds a space
	minSep, minSpace := 4, false
	for i := 0; i < len(run); {
		if !isSpacer(run[i]) {
			_, n := utf8.DecodeRuneInString(run[i:])
			i += n
			continue
		}
		j, sp := spacerRun(run, i)
		if j-i < minSep || j-i == minSep && !sp {
			minSep, minSpace = j-i, sp
		}
		i = j
	}
	out := make([]byte, 0, len(run)/2+1)
	for i := 0; i < len(run) && len(out) < budget; {
		if !isSpacer(run[i]) {
			_, n := utf8.DecodeRuneInString(run[i:])
			out = append(out, run[i:i+n]...)
			i += n
			continue
		}
		j, sp := spacerRun(run, i)
		if j-i > minSep || sp && !minSpace {
			out = append(out, ' ')
		}
		i = j
	}
	return out
}

// spacerRun returns the end of the run of spacers at i and whether it
// holds a space.
func spacerRun(run string, i int) (int, bool) {
	sp := false
	for ; i < len(run) && isSpacer(run[i]); i++ {
		sp = sp || run[i] == ' '
	}
	return i, sp
}

// morse maps International Morse Code (ITU-R M.1677-1) to letters and
// digits.
var morse = map[string]byte{
	".-": 'a', "-...": 'b', "-.-.": 'c', "-..": 'd', ".": 'e', "..-.": 'f', "--.": 'g', "....": 'h', "..": 'i',
	".---": 'j', "-.-": 'k', ".-..": 'l', "--": 'm', "-.": 'n', "---": 'o', ".--.": 'p', "--.-": 'q', ".-.": 'r',
	"...": 's', "-": 't', "..-": 'u', "...-": 'v', ".--": 'w', "-..-": 'x', "-.--": 'y', "--..": 'z',
	"-----": '0', ".----": '1', "..---": '2', "...--": '3', "....-": '4', ".....": '5', "-....": '6', "--...": '7',
	"---..": '8', "----.": '9',
}

// findMorse appends the Morse-code runs of s: codes of dots and dashes
// separated by single spaces, words by '/' or three or more spaces.
func findMorse(s string, out []payload, budget int) ([]payload, int) {
	found := 0
	for i := 0; i < len(s) && budget > 0 && found < maxPayloads; {
		if s[i] != '.' && s[i] != '-' || i > 0 && (s[i-1] == '.' || s[i-1] == '-') {
			i++ // not the start of a code
			continue
		}
		start := i
		var dec []byte
		letters, end := 0, i
		for i < len(s) {
			j := i
			for j < len(s) && (s[j] == '.' || s[j] == '-') && j-i < 6 {
				j++
			}
			c, ok := morse[s[i:j]]
			if !ok || j < len(s) && s[j] != ' ' && s[j] != '/' {
				break // not a code, or one run into other text
			}
			dec = append(dec, c)
			letters++
			end = j
			// separator: one space (next letter), or a word break
			k := j
			for k < len(s) && (s[k] == ' ' || s[k] == '/') {
				k++
			}
			if k == j || k >= len(s) || s[k] != '.' && s[k] != '-' {
				break
			}
			if k-j > 1 {
				dec = append(dec, ' ')
			}
			i = k
		}
		if letters >= minMorseLetters && len(dec) <= budget && strings.IndexByte(string(dec), ' ') >= 0 {
			out = append(out, payload{kind: viewMorse, start: start, end: end, text: dec})
			budget -= len(dec)
			found++
		}
		if end <= start {
			end = start + 1
		}
		i = end
	}
	return out, budget
}

// reversedPayload is s with its characters in reverse order.
func reversedPayload(s string, budget int) (payload, bool) {
	if len(s) > budget {
		return payload{}, false
	}
	out := make([]byte, 0, len(s))
	for i := len(s); i > 0; {
		_, n := utf8.DecodeLastRuneInString(s[:i])
		out = append(out, s[i-n:i]...)
		i -= n
	}
	return payload{kind: viewReversed, start: 0, end: len(s), text: out}, true
}

// initialsPayload reads the initials of the words of s from byte from on:
// words run together, and punctuation (';', '.', ':') or a line
// break ends one word of the hidden text. "Please Raise Infinitely Nice
// Tulips; Yes, Our Untamed Roses" reads "print your".
func initialsPayload(s string, from, budget int) (payload, bool) {
	var out []byte
	words := 0
	inWord := false
	for i := from; i < len(s) && len(out) < budget; {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r):
			if !inWord {
				out = utf8.AppendRune(out, unicode.ToLower(r))
				words++
			}
			inWord = true
		case r == ';' || r == '.' || r == ':' || r == '\n':
			if len(out) > 0 && out[len(out)-1] != ' ' {
				out = append(out, ' ')
			}
			inWord = false
		default:
			inWord = false
		}
		i += n
	}
	if words < minInitials {
		return payload{}, false
	}
	return payload{kind: viewInitials, start: from, end: len(s), text: out}, true
}

// Byte classes of the quick pass.
const (
	qOther = iota
	qLetter
	qSpacer // also the dots and dashes of Morse
	qBreak  // space and '/': between Morse codes
)

var qClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			t[c] = qLetter
		case c == ' ' || c == '/':
			t[c] = qBreak
		case isSpacer(byte(c)):
			t[c] = qSpacer
		}
	}
	return t
}()

// quickObfuscation is one pass over the text: spaced is false when
// findSpaced would find nothing (no minSpacedLetters single characters in
// a row, each followed by a spacer or the end), morse false when findMorse
// would (no minMorseLetters dot-dash codes in a row).
func quickObfuscation(s string) (spaced, morse bool) {
	nSp, nMo, code := 0, 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		switch qClass[c] {
		case qLetter:
			j := i + 1
			for j < len(s) && qClass[s[j]] == qLetter {
				j++
			}
			// one character: an ASCII letter or one multi-byte rune
			one := j-i == 1 && c < utf8.RuneSelf
			if !one && c >= 0xC0 {
				_, size := utf8.DecodeRuneInString(s[i:])
				one = j-i == size
			}
			if one && (j == len(s) || isSpacer(s[j])) {
				if nSp++; nSp >= minSpacedLetters {
					spaced = true
				}
			} else {
				nSp = 0
			}
			nMo, code = 0, 0
			i = j
			continue
		case qSpacer:
			code++
		case qBreak:
			if code > 0 && code <= 6 {
				if nMo++; nMo >= minMorseLetters {
					morse = true
				}
			} else if code > 6 {
				nMo = 0
			}
			code = 0
		default:
			nSp, nMo, code = 0, 0, 0
		}
		if spaced && morse {
			return
		}
		i++
	}
	if code > 0 && code <= 6 && nMo+1 >= minMorseLetters {
		morse = true
	}
	return
}
