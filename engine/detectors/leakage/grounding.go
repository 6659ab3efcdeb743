package leakage

import (
	"context"
	"math/bits"
	"strings"

	"github.com/parapet-dev/parapet/engine/analysis"
)

const (
	// minSentenceTokens is the fewest content tokens (stopwords dropped) a
	// sentence needs to be judged: shorter ones ("Sure.", "Here it is:")
	// carry no claim to check.
	minSentenceTokens = 4
	// unsupportedBelow is the support under which a sentence is reported.
	unsupportedBelow = 0.5
	// numberCap is the most a document can support a sentence with a
	// figure the document does not contain: below unsupportedBelow, so a
	// sentence whose words all come from a document but whose numbers do
	// not (a hallucinated figure) is reported.
	numberCap = 0.4
	// docBatch is how many documents share one token table (a bit each).
	docBatch = 64
	// maxSentences bounds the sentences judged per response.
	maxSentences = 1024
)

type sentence struct {
	start, end int32 // byte span, trimmed
	ta, tb     int32 // content tokens in s.gtoks
}

// stopwords are English function words, dropped before support is
// measured; numbers are kept.
var stopwords = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be
		because been before being below between both but by can could did do does doing down during each
		few for from further had has have having he her here hers herself him himself his how i if in into
		is it its itself just me more most my myself no nor not now of off on once only or other our ours
		ourselves out over own same she should so some such than that the their theirs them themselves then
		there these they this those through to too under until up very was we were what when where which
		while who whom why will with would you your yours yourself yourselves s t d ll re ve m may might
		must shall also yes okay ok here's there's it's`) {
		for _, t := range tokenize(nil, w) {
			m[t.hs] = true
		}
	}
	return m
}()

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "vs": true, "etc": true,
	"inc": true, "ltd": true, "jr": true, "sr": true, "no": true, "fig": true, "approx": true, "eg": true,
	"ie": true, "cf": true, "al": true, "co": true, "corp": true, "dept": true, "est": true, "vol": true,
}

// isAbbrev reports whether the word before the '.' at i is a single
// letter (e.g., i.e., initials) or a listed abbreviation.
func isAbbrev(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] >= 'a' && text[j-1] <= 'z' || text[j-1] >= 'A' && text[j-1] <= 'Z') {
		j--
	}
	w := text[j:i]
	if len(w) == 1 {
		return true
	}
	if len(w) == 0 || len(w) > 6 {
		return false
	}
	var buf [6]byte
	for k := 0; k < len(w); k++ {
		buf[k] = w[k] | 0x20
	}
	return abbreviations[string(buf[:len(w)])]
}

// splitSentences fills s.sentences with the sentences of text.
func (s *state) splitSentences(text string) {
	s.sentences = s.sentences[:0]
	start := 0
	emit := func(a, b int) {
		for a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r' || text[a] == '\n') {
			a++
		}
		for b > a && (text[b-1] == ' ' || text[b-1] == '\t' || text[b-1] == '\r' || text[b-1] == '\n') {
			b--
		}
		if b > a && len(s.sentences) < maxSentences {
			s.sentences = append(s.sentences, sentence{start: int32(a), end: int32(b)})
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case '\n':
			emit(start, i)
			start = i + 1
		case '.', '!', '?':
			j := i + 1
			for j < len(text) && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
			for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == ']' || text[j] == '*') {
				j++
			}
			if j < len(text) && text[j] != ' ' && text[j] != '\t' && text[j] != '\n' && text[j] != '\r' {
				continue
			}
			if c == '.' && j == i+1 && isAbbrev(text, i) {
				continue
			}
			emit(start, j)
			start = j
			i = j - 1
		case 0xE3: // 。 ！ ？ are E3 80 82, EF BC 81, EF BC 9F
			if strings.HasPrefix(text[i:], "。") {
				emit(start, i+3)
				start = i + 3
				i += 2
			}
		case 0xEF:
			if strings.HasPrefix(text[i:], "！") || strings.HasPrefix(text[i:], "？") {
				emit(start, i+3)
				start = i + 3
				i += 2
			}
		}
	}
	emit(start, len(text))
}

// scanGrounding measures how well each sentence of the response f,
// tokenised in s.toks, is supported by the documents of fields.
func (s *state) scanGrounding(ctx context.Context, f *analysis.Field, fields []analysis.Field, r *analysis.Report) {
	text := f.Text
	s.splitSentences(text)
	// Content tokens of the response (s.toks), assigned to sentences in
	// order.
	s.gtoks = s.gtoks[:0]
	for _, t := range s.toks {
		if t.end-t.start == 1 && !t.digit || stopwords[t.hs] {
			continue // a stopword, or a lone letter (e.g., initials)
		}
		s.gtoks = append(s.gtoks, t)
	}
	k := 0
	for i := range s.sentences {
		sn := &s.sentences[i]
		for k < len(s.gtoks) && s.gtoks[k].start < sn.start {
			k++
		}
		sn.ta = int32(k)
		for k < len(s.gtoks) && s.gtoks[k].end <= sn.end {
			k++
		}
		sn.tb = int32(k)
	}
	s.support = s.support[:0]
	for range s.sentences {
		s.support = append(s.support, 0)
	}
	// The response's content tokens go into a small table; each document
	// is tokenised a chunk at a time and sets its bit on the entries it
	// shares. Documents are taken docBatch at a time.
	s.docTok.reset(len(s.gtoks))
	for _, t := range s.gtoks {
		s.docTok.slot(t.hs)
	}
	for first := 0; first < len(fields); {
		if ctx.Err() != nil {
			return
		}
		for i := range s.docTok.e {
			s.docTok.e[i].v = 0
		}
		ndocs := 0
		next := len(fields)
		for i := first; i < len(fields); i++ {
			f := &fields[i]
			if !isDocument(f) {
				continue
			}
			if ndocs == docBatch {
				next = i
				break
			}
			bit := uint64(1) << ndocs
			ndocs++
			for at := 0; at < len(f.Text); {
				s.toks, at = tokenizeFrom(s.toks[:0], f.Text, at, 256)
				for _, t := range s.toks {
					if k := s.docTok.find(t.hs); k >= 0 {
						s.docTok.e[k].v |= bit
					}
				}
			}
		}
		first = next
		if ndocs == 0 {
			break
		}
		for i := range s.sentences {
			sn := &s.sentences[i]
			ts := s.gtoks[sn.ta:sn.tb]
			if len(ts) < minSentenceTokens {
				continue
			}
			var counts [docBatch]int32
			numMask := ^uint64(0)
			for _, t := range ts {
				m, _ := s.docTok.get(t.hs)
				if t.digit {
					numMask &= m
				}
				for mm := m; mm != 0; mm &= mm - 1 {
					counts[bits.TrailingZeros64(mm)]++
				}
			}
			for d := 0; d < ndocs; d++ {
				v := float64(counts[d]) / float64(len(ts))
				if numMask&(1<<d) == 0 && v > numberCap {
					v = numberCap
				}
				if v > s.support[i] {
					s.support[i] = v
				}
			}
		}
	}
	sum, n := 0.0, 0
	for i := range s.sentences {
		sn := &s.sentences[i]
		if sn.tb-sn.ta < minSentenceTokens {
			continue
		}
		sup := s.support[i]
		sum += sup
		n++
		if sup < unsupportedBelow {
			r.AddFinding(detectorName, CategoryGrounding, TypeUnsupported, f, int(sn.start), int(sn.end), 1-sup)
		}
	}
	mean := 1.0
	if n > 0 {
		mean = sum / float64(n)
	}
	r.AddSignal(detectorName, SignalGrounding, f, mean, nil)
}
