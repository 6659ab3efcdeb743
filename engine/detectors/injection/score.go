package injection

import (
	"context"
	"math"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// DefaultThreshold is the score at or above which a field counts as an
// attack (injection or jailbreak) for direct input (user, system,
// developer, assistant, response). It is the larger of the threshold
// chosen on the tune split and a floor estimated for benign prompts from
// unseen sources (see doc.go), and is also stored in the weights file.
const DefaultThreshold = 0.37

// DocumentThreshold is the suggested threshold for indirect input
// (retrieved documents and tool output). The development corpus has no
// benign documents, so it is not tuned: it is set above DefaultThreshold
// because the classifier was trained on prompts and long legitimate
// documents (manuals, policies) read like instructions, while the
// signatures that matter in documents (text addressed to the AI, fake
// turns, exfiltration) are strengthened for those sources and clear it on
// their own.
const DocumentThreshold = 0.5

// Views a signature can fire in.
const (
	viewMain = iota
	viewLeet
	viewRot13
	viewBase64
	viewHex
	viewURL
	viewSpaced   // letters spaced or dotted apart (obfuscate.go)
	viewMorse    // Morse code
	viewReversed // the text backwards, when it asks for reversing
	viewInitials // the initials of its words, when it asks for them
	numViews
)

var viewPrefix = [numViews]string{"", "leet:", "rot13:", "base64:", "hex:", "url:", "spaced:", "morse:", "reversed:", "initials:"}

// minTagChars is how many Unicode tag characters make "ASCII smuggling"
// (a flag emoji uses up to about seven).
const minTagChars = 10

// Span is where a signature fired, in byte offsets of the scored text (end
// exclusive). For an encoded payload it is the encoded run.
type Span struct {
	Signature string
	Type      string
	Start     int
	End       int
}

// Result is the full scoring of one text.
type Result struct {
	// Score is the attack probability in [0,1]: the classifier and the
	// signatures combined.
	Score float64
	// Classifier is the classifier's probability alone.
	Classifier float64
	// Signatures is the signatures' probability alone.
	Signatures float64
	// Matches are the names of the signatures that fired, prefixed by the
	// view they fired in ("base64:", "leet:", "rot13:", "hex:", "url:").
	Matches []string
	Spans   []Span
}

type hit struct {
	sig        int32
	view       uint8
	start, end int // original byte offsets (normalised ones until mapped)
	mapped     bool
}

// scanner holds the buffers of one scoring; scanners are pooled.
type scanner struct {
	nt, nt2, nt3 normText
	scratch      []byte
	view         []byte
	ev           []acEvent
	st           []sigState
	gen          uint32
	sh           []sigHit
	hits         []hit
	pay          []payload
	fb           featureBlocks
	masked       []byte // the normalised text with links masked (links.go)
	cats         uint32
	tags         int
	cues         []int32 // start and end of each MENTIONCUE keyword in the plain view
}

var scannerPool = sync.Pool{New: func() any {
	s := signatures()
	return &scanner{st: make([]sigState, s.nState)}
}}

func getScanner() *scanner { return scannerPool.Get().(*scanner) }
func putScanner(s *scanner) {
	const maxKeep = 256 << 10
	if cap(s.nt.b) > maxKeep || cap(s.nt3.b) > maxKeep || cap(s.fb.idx) > maxKeep || cap(s.scratch) > maxKeep || cap(s.masked) > maxKeep {
		return // do not keep huge buffers alive
	}
	scannerPool.Put(s)
}

func (sc *scanner) nextGen() uint32 {
	sc.gen++
	if sc.gen == 0 {
		clear(sc.st)
		sc.gen = 1
	}
	return sc.gen
}

// origSpan maps a span of a normalised view back to the original text.
func origSpan(nt *normText, text string, start, end int32) (int, int) {
	if end <= start || int(end) > len(nt.off) {
		return 0, 0
	}
	s := int(nt.off[start])
	e := int(nt.off[end-1])
	if e < len(text) {
		_, size := utf8.DecodeRuneInString(text[e:])
		e += size
	}
	if s > e {
		s = e
	}
	return s, e
}

// run scans text: normalisation, every view, the decoders, and the
// features. Results stay in sc.
func (sc *scanner) run(text string) {
	set := signatures()
	sc.hits = sc.hits[:0]
	sc.cats = 0
	normalize(text, &sc.nt, false)
	sc.tags = sc.nt.tags

	// plain view
	sc.ev = set.scanAll(sc.nt.b, sc.nt.nonASCII, sc.ev[:0])
	sc.sh = set.matchSigs(sc.nt.b, sc.nt.nonASCII, sc.ev, sc.st, sc.nextGen(), false, sc.sh[:0])
	sc.addHits(true, viewMain, 0, 0)
	rotHint, revHint, acroFrom := false, false, -1
	sc.cues = sc.cues[:0]
	for _, e := range sc.ev {
		for _, c := range set.kwConcepts[e.kw] {
			if c == set.mentionCue {
				sc.cues = append(sc.cues, e.start, e.end)
			}
			rotHint = rotHint || c == set.rotHint
			revHint = revHint || c == set.revHint
			if c == set.acroHint && acroFrom < 0 {
				acroFrom = int(e.end)
			}
		}
	}
	leet, rotated := viewStats(sc.nt.b)
	// leetspeak view
	if leet {
		sc.view = leetView(sc.view, sc.nt.b)
		sc.ev = set.leet.scan(sc.view, sc.ev[:0])
		sc.sh = set.matchSigs(sc.view, false, sc.ev, sc.st, sc.nextGen(), false, sc.sh[:0])
		sc.addHits(true, viewLeet, 0, 0)
	}
	// rot13 view (multi-element signatures only), when the text names an
	// encoding or its letters look rotated
	if rotHint || rotated {
		sc.ev = set.rot.scan(sc.nt.b, sc.ev[:0])
		if len(sc.ev) > 0 {
			sc.sh = set.matchSigs(sc.nt.b, sc.nt.nonASCII, sc.ev, sc.st, sc.nextGen(), true, sc.sh[:0])
			sc.addHits(true, viewRot13, 0, 0)
		}
	}
	// encoded payloads and other obfuscations
	spaced, morse := quickObfuscation(text)
	if mayHavePayload(text) || spaced || morse || revHint || acroFrom >= 0 {
		sc.decodeAndScan(text, spaced, morse, revHint, acroFrom)
	}

	if sc.tags >= minTagChars {
		sc.cats |= 1 << catObfuscation
	}
	feat, masked := maskLinks(sc.masked, sc.nt.b)
	if masked {
		sc.masked = feat // the scanner's own buffer, never nt's
	}
	sc.fb.extract(feat, sc.cats)
}

func (sc *scanner) decodeAndScan(text string, spaced, morse, revHint bool, acroFrom int) {
	set := signatures()
	budget := maxDecodeBytes
	sc.pay, budget = findPayloads(text, sc.pay[:0], budget, &sc.scratch)
	if spaced {
		sc.pay, budget = findSpaced(text, sc.pay, budget)
	}
	if morse {
		sc.pay, budget = findMorse(text, sc.pay, budget)
	}
	if revHint {
		if p, ok := reversedPayload(text, budget); ok {
			sc.pay = append(sc.pay, p)
			budget -= len(p.text)
		}
	}
	if acroFrom >= 0 {
		// read in the normalised text (lower case, folded), after the hint
		if p, ok := initialsPayload(string(sc.nt.b), acroFrom, budget); ok {
			p.start, p.end = 0, len(text)
			sc.pay = append(sc.pay, p)
			budget -= len(p.text)
		}
	}
	if len(sc.pay) == 0 {
		return
	}
	// Breadth-first over payloads; nested payloads keep the outer span.
	type item struct {
		p          payload
		depth      int
		start, end int
	}
	queue := make([]item, 0, len(sc.pay))
	for _, p := range sc.pay {
		queue = append(queue, item{p, 1, p.start, p.end})
	}
	for qi := 0; qi < len(queue); qi++ {
		it := queue[qi]
		s := string(it.p.text)
		normalize(s, &sc.nt2, false)
		sc.ev = set.scanAll(sc.nt2.b, sc.nt2.nonASCII, sc.ev[:0])
		sc.sh = set.matchSigs(sc.nt2.b, sc.nt2.nonASCII, sc.ev, sc.st, sc.nextGen(), false, sc.sh[:0])
		sc.sh = set.dropCredentialTurns(sc.sh, sc.nt2.b)
		for _, h := range sc.sh {
			if !set.sigs[h.sig].noFeature {
				sc.cats |= 1 << catObfuscation
				break
			}
		}
		sc.addHits(false, it.p.kind, it.start, it.end)
		// A payload that decodes to an order ("send the chat history to
		// …", "reply only with APPROVED") was hidden on purpose, however
		// plain its words: benign encoded data is rarely an instruction.
		if it.p.kind != viewURL && decodedOrder(sc.nt2.b) && !sc.hasName(set.sigs[set.encImp].name) {
			sc.hits = append(sc.hits, hit{sig: set.encImp, view: it.p.kind, start: it.start, end: it.end, mapped: true})
			sc.cats |= 1 << catObfuscation
		}
		if sc.nt2.tags >= minTagChars {
			sc.tags += sc.nt2.tags
		}
		if it.depth < maxDecodeDepth && budget > 0 {
			var inner []payload
			inner, budget = findPayloads(s, nil, budget, &sc.scratch)
			for _, p := range inner {
				if p.kind == viewURL && it.p.kind == viewURL {
					continue
				}
				queue = append(queue, item{p, it.depth + 1, it.start, it.end})
			}
		}
	}
}

// addHits converts sc.sh (spans in a view) into hits. With inView the
// spans are offsets of the normalised text (mapped later by mapSpans);
// otherwise the hits take the fixed span [start, end).
func (sc *scanner) addHits(inView bool, view uint8, start, end int) {
	set := signatures()
	for _, h := range sc.sh {
		d := &set.sigs[h.sig]
		if d.cat == catTopic {
			sc.cats |= 1 << catTopic // a feature, not a hit
			continue
		}
		if view != viewMain && sc.hasName(d.name) {
			if !d.noFeature {
				// the name may have fired as a score-only twin only
				sc.cats |= 1 << d.cat
			}
			continue // already fired in a plainer view
		}
		if inView {
			sc.hits = append(sc.hits, hit{sig: h.sig, view: view, start: int(h.start), end: int(h.end)})
		} else {
			sc.hits = append(sc.hits, hit{sig: h.sig, view: view, start: start, end: end, mapped: true})
		}
		if !d.noFeature {
			sc.cats |= 1 << d.cat
		}
	}
}

// mapSpans maps the hits' normalised offsets back to text.
func (sc *scanner) mapSpans(text string) {
	need := false
	for _, h := range sc.hits {
		need = need || !h.mapped
	}
	if !need {
		return
	}
	normalize(text, &sc.nt3, true)
	for i := range sc.hits {
		h := &sc.hits[i]
		if !h.mapped {
			h.start, h.end = origSpan(&sc.nt3, text, int32(h.start), int32(h.end))
			h.mapped = true
		}
	}
}

// dupHit reports whether an earlier hit has the same finding type and
// span as hit i.
func (sc *scanner) dupHit(i int) bool {
	set := signatures()
	h := sc.hits[i]
	for _, o := range sc.hits[:i] {
		if o.start == h.start && o.end == h.end && catFinding[set.sigs[o.sig].cat] == catFinding[set.sigs[h.sig].cat] {
			return true
		}
	}
	return false
}

func (sc *scanner) hasName(name int32) bool {
	set := signatures()
	for _, h := range sc.hits {
		if set.sigs[h.sig].name == name {
			return true
		}
	}
	return false
}

// Source kinds.
func directiveSource(source string) bool { return source == "system" || source == "developer" }
func indirectSource(source string) bool  { return source == "document" || source == "tool" }

// sigStrength is a fired signature's strength, adjusted for the view it
// fired in and the field's source.
func sigStrength(d *sigDef, view uint8, source string) float64 {
	s := float64(d.strength)
	switch {
	case directiveSource(source):
		// Operators legitimately write "you are now ...", "never reveal
		// your instructions", "stay in character" in system prompts.
		switch d.cat {
		case catPersona, catExtraction, catSecret, catRefusal, catJailbreak, catNoLimits:
			s *= 0.2
		}
	case indirectSource(source):
		// Text addressed to the AI has no business in a document.
		switch d.cat {
		case catAddressed, catFakeTurn, catExfil:
			s = math.Min(0.95, s*1.5)
		}
	}
	if view >= viewBase64 || view == viewRot13 {
		// Hiding an instruction in an encoding is evidence in itself.
		s += (1 - s) * 0.5
	}
	return s
}

// sourceShift moves the classifier's log-odds for the field's source.
func sourceShift(source string) float64 {
	if directiveSource(source) {
		return -1.5 // system prompts read like role-play set-ups
	}
	return 0
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// combine computes the scores from a finished scan.
func (sc *scanner) combine(m *Model, source string) (score, clf, sig float64) {
	set := signatures()
	if m != nil {
		clf = sigmoid(m.logit(&sc.fb) + sourceShift(source))
	}
	// noisy-OR over signature names, strongest firing of each
	miss := 1.0
	for i, h := range sc.hits {
		d := &set.sigs[h.sig]
		s := sc.hitStrength(h, source)
		dup := false
		for _, o := range sc.hits[:i] {
			if set.sigs[o.sig].name == d.name {
				if sc.hitStrength(o, source) >= s {
					dup = true
					break
				}
			}
		}
		if !dup {
			miss *= 1 - s
		}
	}
	if sc.tags >= minTagChars {
		miss *= 1 - 0.5
	}
	sig = 1 - miss
	score = 1 - (1-clf)*(1-sig)
	return score, clf, sig
}

// mentionFactor scales the strength of a signature that fires inside
// quotation marks in a text that talks about attack phrases (MENTIONCUE
// outside the quotes: "a regex that catches 'ignore previous
// instructions'", "in my novel a hacker tells a chatbot to 'ignore all
// previous instructions'"). The classifier still reads the whole text.
const mentionFactor = 0.25

// hitStrength is sigStrength, scaled down for a quoted mention.
func (sc *scanner) hitStrength(h hit, source string) float64 {
	d := &signatures().sigs[h.sig]
	s := sigStrength(d, h.view, source)
	if len(sc.cues) > 0 && !h.mapped && h.view == viewMain && d.cat != catObfuscation && d.cat != catExfil {
		if qs, qe, ok := quotedSpan(sc.nt.b, h.start, h.end); ok && sc.cueOutside(qs, qe) {
			s *= mentionFactor
		}
	}
	return s
}

// cueOutside reports whether a MENTIONCUE keyword lies outside [qs, qe).
func (sc *scanner) cueOutside(qs, qe int) bool {
	for i := 0; i+1 < len(sc.cues); i += 2 {
		if int(sc.cues[i+1]) <= qs || int(sc.cues[i]) >= qe {
			return true
		}
	}
	return false
}

// quoteClose is the closing mark of an opening quotation mark (0: none).
func quoteClose(r rune) rune {
	switch r {
	case '\'', '"':
		return r
	case '“', '”':
		return '”'
	case '‘':
		return '’'
	case '«':
		return '»'
	case '„':
		return '“'
	case '「':
		return '」'
	case '『':
		return '』'
	}
	return 0
}

// quotedSpan finds quotation marks around b[start:end] on the same line
// (an opening mark not glued to a letter before it, within 200 bytes
// before; its closing mark, not glued to a letter after it, within 300
// bytes after) and returns the span from the opening to the closing mark.
func quotedSpan(b []byte, start, end int) (int, int, bool) {
	if start < 0 || end > len(b) || start >= end {
		return 0, 0, false
	}
	lo := max(0, start-200)
	for i := start - 1; i >= lo; {
		r, size := utf8.DecodeLastRune(b[lo : i+1])
		i -= size
		if r == '\n' {
			return 0, 0, false
		}
		cl := quoteClose(r)
		if cl == 0 {
			continue
		}
		if r == '\'' || r == '"' {
			if i >= 0 {
				if p, _ := utf8.DecodeLastRune(b[:i+1]); isWordRune(p) {
					continue // an apostrophe or a closing mark
				}
			}
		}
		qs := i + 1
		hi := min(len(b), end+300)
		for j := end; j < hi; {
			r2, size2 := utf8.DecodeRune(b[j:hi])
			if r2 == '\n' {
				return 0, 0, false
			}
			if r2 == cl {
				if cl == '\'' || cl == '"' {
					if n, _ := utf8.DecodeRune(b[j+size2:]); isWordRune(n) {
						j += size2
						continue // an apostrophe inside the quote
					}
				}
				return qs, j + size2, true
			}
			j += size2
		}
		return 0, 0, false
	}
	return 0, 0, false
}

func isWordRune(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80 && r != utf8.RuneError && unicode.IsLetter(r)
}

func (sc *scanner) matches() []string {
	if len(sc.hits) == 0 && sc.tags < minTagChars {
		return nil
	}
	set := signatures()
	out := make([]string, 0, len(sc.hits)+1)
	for _, h := range sc.hits {
		out = append(out, viewPrefix[h.view]+set.names[set.sigs[h.sig].name])
	}
	if sc.tags >= minTagChars {
		out = append(out, "invisible_unicode_tags")
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Analyze scores text with the model m (nil: signatures only).
func (m *Model) Analyze(text, source string) Result {
	sc := getScanner()
	defer putScanner(sc)
	sc.run(text)
	var r Result
	r.Score, r.Classifier, r.Signatures = sc.combine(m, source)
	r.Matches = sc.matches()
	sc.mapSpans(text)
	if len(sc.hits) > 0 {
		set := signatures()
		r.Spans = make([]Span, 0, len(sc.hits))
		for _, h := range sc.hits {
			d := &set.sigs[h.sig]
			r.Spans = append(r.Spans, Span{
				Signature: viewPrefix[h.view] + set.names[d.name], Type: catFinding[d.cat],
				Start: h.start, End: h.end,
			})
		}
	}
	return r
}

// Score returns the attack probability of text and the signatures that
// fired, with model m.
func (m *Model) Score(text, source string) (float64, []string) {
	sc := getScanner()
	defer putScanner(sc)
	sc.run(text)
	s, _, _ := sc.combine(m, source)
	return s, sc.matches()
}

func defaultModelOrNil() *Model {
	m, err := DefaultModel()
	if err != nil {
		return nil
	}
	return m
}

// Score returns the attack (injection or jailbreak) probability of one
// field's text in [0,1] and the names of the signatures that fired. source
// is the field's source ("user", "system", "document", "tool", ...).
// Safe for concurrent use; the text is not retained.
func Score(text, source string) (float64, []string) {
	return defaultModelOrNil().Score(text, source)
}

// Analyze is Score with the classifier and signature parts and the spans.
func Analyze(text, source string) Result {
	return defaultModelOrNil().Analyze(text, source)
}

// Detector is the analysis.Detector for prompt injection and jailbreaks.
type Detector struct {
	// Model is the classifier; nil uses the embedded one.
	Model *Model
	// MaxFindings caps the spans reported per field (default 16).
	MaxFindings int
}

// New returns the detector with the embedded classifier.
func New() *Detector { return &Detector{} }

// Name implements analysis.Detector.
func (d *Detector) Name() string { return "injection" }

// Scan implements analysis.Detector: one "injection" signal per field and
// a finding per signature span.
func (d *Detector) Scan(ctx context.Context, f *analysis.Field, r *analysis.Report) {
	if f.Text == "" || ctx.Err() != nil {
		return
	}
	m := d.Model
	if m == nil {
		m = defaultModelOrNil()
	}
	sc := getScanner()
	defer putScanner(sc)
	sc.run(f.Text)
	score, _, _ := sc.combine(m, f.Source)
	r.AddSignal("injection", "injection", f, score, sc.matches())
	sc.mapSpans(f.Text)
	maxF := d.MaxFindings
	if maxF <= 0 {
		maxF = 16
	}
	set := signatures()
	n := 0
	for i, h := range sc.hits {
		if n >= maxF {
			break
		}
		if h.end <= h.start || sc.dupHit(i) {
			continue
		}
		r.AddFinding("injection", "injection", catFinding[set.sigs[h.sig].cat], f, h.start, h.end, score)
		n++
	}
}

var _ analysis.Detector = (*Detector)(nil)
