package scope

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one token of a text: its byte span, its lower-cased form and
// its stem. Clause breaks are tokens of their own (brk set).
type word struct {
	low, stem  string
	start, end int
	caps       bool // written in capitals, two letters or more ("AI")
	brk        bool // a clause break: . ! ? ; : newline, or "but"
	comma      bool // a comma (an alternative separator in a topic list)
	neg        bool // in a negated clause (markNegated)
	brkc       byte // for a break: '.', ':', '\n' … (0 for "but" and non-ASCII)
}

// tokenize splits s into words (letters and digits, with inner
// apostrophes) and break tokens, with their stems. Offsets are bytes into
// s.
func tokenize(s string) []word { return tokens(nil, s, true) }

// tokens is tokenize; without withStem it leaves stems empty, for the
// matcher to compute only for words that may match.
func tokens(out []word, s string, withStem bool) []word {
	if out == nil {
		out = make([]word, 0, len(s)/5+4)
	}
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiWord[c]:
				out = append(out, scanWord(s, i, withStem))
				i = out[len(out)-1].end
			case c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n':
				// a period inside a number or an abbreviation ("e.g.") is
				// not a break worth telling apart: topics do not span
				// them either way.
				out = append(out, word{start: i, end: i + 1, brk: true, brkc: c})
				i++
			case c == ',' || c == '/' || c == '(' || c == ')':
				out = append(out, word{start: i, end: i + 1, comma: true})
				i++
			default:
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			out = append(out, scanWord(s, i, withStem))
			i = out[len(out)-1].end
			continue
		case r == '。' || r == '！' || r == '？':
			out = append(out, word{start: i, end: i + n, brk: true})
		case r == '、' || r == '，':
			out = append(out, word{start: i, end: i + n, comma: true})
		}
		i += n
	}
	return out
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return
}()

// scanWord reads the word that starts at s[i].
func scanWord(s string, i int, withStem bool) word {
	j := i
	upper, wide := false, false
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				upper = upper || c >= 'A' && c <= 'Z'
				j++
				continue
			}
			// an inner apostrophe: don't, user's
			if c == '\'' && j+1 < len(s) && s[j+1] < utf8.RuneSelf && asciiWord[s[j+1]] {
				j++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r) {
			wide = true
			j += n
			continue
		}
		if r == '’' && j+n < len(s) {
			if r3, _ := utf8.DecodeRuneInString(s[j+n:]); unicode.IsLetter(r3) {
				wide = true
				j += n
				continue
			}
		}
		break
	}
	raw := s[i:j]
	w := word{start: i, end: j, low: raw}
	if wide {
		w.low = lower(raw)
	} else if upper {
		w.low = strings.ToLower(raw)
		w.caps = isCaps(raw)
	}
	if clauseBreakWord[w.low] {
		w.brk = true
	} else if withStem {
		w.stem = stem(w.low)
	}
	return w
}

// clauseBreakWord lists the words that start a new clause: "but" and its
// kind in the other languages a restriction is read in.
var clauseBreakWord = set("but", "however", "pero", "mais", "aber", "jedoch", "ma", "però", "mas", "porém")

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isCaps(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

func lower(s string) string {
	s = strings.ReplaceAll(s, "’", "'")
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// stem strips English inflections and a few derivational endings, enough
// that "baking", "bake" and "baked", "politics" and "political",
// "medications" and "medication" meet. It is deliberately crude: two
// words match when their stems are equal or one extends the other by a
// little (see sameTerm).
func stem(w string) string {
	if i := strings.IndexByte(w, '\''); i > 0 {
		w = w[:i] // user's, don't → user, don
	}
	if len(w) <= 3 || !isASCII(w) {
		return w
	}
	if strings.HasSuffix(w, "ies") && len(w) > 4 {
		return w[:len(w)-3] + "y" // studies → study
	}
	for _, suf := range []string{"ically", "ations", "ation", "ical", "ing", "ers", "ed", "es", "er", "al", "ly", "s"} {
		if !strings.HasSuffix(w, suf) || len(w)-len(suf) < 3 {
			continue
		}
		if suf == "s" && (strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is")) {
			continue
		}
		if suf == "es" && !strings.HasSuffix(w, "ses") && !strings.HasSuffix(w, "xes") && !strings.HasSuffix(w, "ches") && !strings.HasSuffix(w, "shes") {
			suf = "s" // cakes → cake, but boxes → box
		}
		base := w[:len(w)-len(suf)]
		if suf == "ing" || suf == "ed" || suf == "er" || suf == "ers" {
			n := len(base)
			switch {
			case n > 3 && base[n-1] == base[n-2] && !strings.ContainsRune("aeiousl", rune(base[n-1])):
				base = base[:n-1] // running → run, shopping → shop
			case n == 3 && !isVowel(base[0]) && isVowel(base[1]) && !isVowel(base[2]) && base[2] != 'w' && base[2] != 'x' && base[2] != 'y':
				base += "e" // baking → bake, coding → code
			}
		}
		return base
	}
	return w
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// sameTerm reports whether a word of the text (its stem t) is the term
// of a topic (its stem k): equal stems, or one a prefix of the other with
// at most three letters more and a shared part of five letters or more
// ("physic" / "physical", "medic" / "medicat").
func sameTerm(t, k string) bool {
	if t == k {
		return true
	}
	a, b := t, k
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 5 && len(b)-len(a) <= 3 && strings.HasPrefix(b, a)
}
