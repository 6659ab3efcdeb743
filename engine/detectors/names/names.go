package names

import (
	"context"
	"sync"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// Entity types reported, in Presidio's naming.
const (
	TypePerson        = "PERSON"
	TypeStreetAddress = "STREET_ADDRESS"
	TypeLocation      = "LOCATION"
)

// skipSafeScore: below it the scanner reads every token, since the words
// it otherwise skips can make weak candidates (two capitalised English
// words score 0.3).
const skipSafeScore = 0.45

// DefaultMinScore is the score a finding needs when Options.MinScore is 0.
const DefaultMinScore = 0.5

// Options configures a Detector.
type Options struct {
	// Types lists the entity types to report (TypePerson, TypeStreetAddress,
	// TypeLocation); nil or empty reports all of them.
	Types []string
	// MinScore drops findings scored below it. 0 means DefaultMinScore;
	// a negative value reports every candidate (scores start at 0.3).
	MinScore float64
	// NestedLocations also reports the city, region and country inside a
	// street address as LOCATION findings.
	NestedLocations bool
}

// Detector finds person names, street addresses and place names. It is
// safe for concurrent use and keeps no text.
type Detector struct {
	person, address, location bool
	minScore                  float64
	nested                    bool
}

// New returns a names detector.
func New(opts Options) *Detector {
	d := &Detector{minScore: opts.MinScore, nested: opts.NestedLocations}
	if d.minScore == 0 {
		d.minScore = DefaultMinScore
	}
	if len(opts.Types) == 0 {
		d.person, d.address, d.location = true, true, true
	}
	for _, t := range opts.Types {
		switch t {
		case TypePerson:
			d.person = true
		case TypeStreetAddress:
			d.address = true
		case TypeLocation:
			d.location = true
		}
	}
	return d
}

// Name implements analysis.Detector.
func (d *Detector) Name() string { return "names" }

var _ analysis.Detector = (*Detector)(nil)

var scannerPool = sync.Pool{New: func() any { return new(scanner) }}

// Scan implements analysis.Detector. Findings are reported in order of
// their start; spans of one type never overlap. A LOCATION may lie inside
// a STREET_ADDRESS when Options.NestedLocations is set.
func (d *Detector) Scan(ctx context.Context, f *analysis.Field, r *analysis.Report) {
	if f == nil || len(f.Text) == 0 || !(d.person || d.address || d.location) {
		return
	}
	n0 := len(r.Findings)
	s := scannerPool.Get().(*scanner)
	s.reset(f.Text, gazetteer())
	// skipping drops only candidates weaker than skipSafeScore
	s.noSkipping = d.minScore < skipSafeScore
	var sp scriptSpans
	d.scanScripts(f.Text, &sp)
	if d.address {
		ukAddresses(f.Text, &sp) // lower-case UK addresses with a postcode
	}
	// Name cells of tables are people whatever the token scanner makes of
	// them; its PERSON findings that overlap one give way.
	var tbl []tableSpan
	if d.person {
		s.tbl = tablePersons(f.Text, s.tbl[:0]) // the pooled scanner keeps the slice
		tbl = s.tbl
	}
	ti, te := 0, 0 // the next table span to compare with, and to report
	flushTable := func(before int) {
		for ; te < len(tbl) && tbl[te].start < before; te++ {
			x := tbl[te]
			if !sp.overlapsAddress(x.start, x.end) {
				sp.dropPerson(x.start, x.end)
				r.AddFinding("names", "pii", tPersonName, f, x.start, x.end, tableScore)
			}
		}
	}
	d.scan(ctx, s, func(typ string, start, end int, score float64) {
		if typ == tStreetAddress && numberGoesOn(f.Text, end) {
			return // "Mastercard 2223 0040 …", "llama al 612 448 903": a card or a phone, not a house number
		}
		if typ == tStreetAddress {
			sp.dropAddress(start, end) // the token scanner's address wins
		} else if sp.overlapsAddress(start, end) {
			return // a street word read as a name ("Cumhuriyet Cad"), or part of the address
		}
		if typ == tPersonName && placeholderName(s.text[start:end]) {
			return // "Max Mustermann" in a form's example
		}
		if typ == tPersonName && len(tbl) > 0 {
			for ti < len(tbl) && tbl[ti].end <= start {
				ti++
			}
			if ti < len(tbl) && tbl[ti].start < end {
				return
			}
		}
		flushTable(start + 1) // in order of start
		r.AddFinding("names", "pii", typ, f, start, end, score)
	})
	flushTable(len(f.Text) + 1)
	for i := 0; i < sp.n; i++ {
		x := &sp.list[i]
		if x.score > 0 && x.score >= d.minScore && (x.typ == tPersonName && d.person || x.typ == tStreetAddress && d.address) {
			r.AddFinding("names", "pii", x.typ, f, x.start, x.end, x.score)
		}
	}
	if d.person {
		d.echoNames(f, r, n0)
	}
	if d.address {
		lowerAddresses(f.Text, gazetteer(), r, f, n0)
	}
	sortByStart(r.Findings[n0:])
	s.text = ""
	scannerPool.Put(s)
}

// sortByStart puts findings in order of their start: the script spans
// (CJK, Hangul, Cyrillic …) are reported after the token scanner's, and a
// text can mix both. Insertion sort: the slice is nearly sorted (at most
// maxScriptSpans out of place), and it allocates nothing.
func sortByStart(fs []analysis.Finding) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].ByteStart < fs[j-1].ByteStart; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// span is a finding in token indices [from, to).
type span struct {
	from, to int
	score    float64
}

func (d *Detector) scan(ctx context.Context, s *scanner, emit func(typ string, start, end int, score float64)) {
	out := func(typ string, sp span) {
		if sp.score < d.minScore || sp.score <= 0 {
			return
		}
		if sp.score > 1 {
			sp.score = 1
		}
		a, b := s.at(sp.from), s.at(sp.to-1)
		if a == nil || b == nil {
			return
		}
		end := int(b.end)
		if b.kind == tPunct && sp.to-1 > sp.from { // never end on a period or comma
			end = int(s.at(sp.to - 2).end)
		}
		emit(typ, int(a.start), end, sp.score)
	}
	var locs [8]span
	if d.person && chatStart(s.text) {
		s.noSkip = 64 // read the opening words of a chat message ("hey its ahmed")
	}
	prevTrigger := false // the previous token may end "my name is", "called" ...
	thingEnd := 0        // no person starts before this token (inside a brand or eponym)
	for i, n := 0, 0; ; n++ {
		if n&1023 == 1023 && ctx.Err() != nil {
			return
		}
		if i == s.produced {
			s.skip()
		}
		t := s.at(i)
		if t == nil {
			return
		}
		if t.kind != tWord || t.shape&sCap != 0 {
			// "Name: john doe": a colon after "name" also lets a lower-case name follow
			prevTrigger = t.kind == tPunct && t.punct == ':' && s.vocab(s.at(i-1))&vNameWord != 0
		}
		switch t.kind {
		case tPunct:
			i++
			continue
		case tNum:
			if d.address {
				if sp, nl := d.addressAt(s, i, &locs); sp.to > i {
					out(TypeStreetAddress, sp)
					if d.nested && d.location && sp.score >= d.minScore {
						for _, l := range locs[:nl] {
							out(TypeLocation, l)
						}
					}
					i = sp.to
					continue
				}
			}
			i++
			continue
		}
		// words
		if t.shape&sCap == 0 {
			if t.kind == tWord && d.person && t.nletters >= 2 && prevTrigger && s.lowerNameTrigger(i-1) {
				if sp := d.lowerPerson(s, i, s.afterTitle(i-1)); sp.to > i {
					out(TypePerson, sp)
					i = sp.to
					continue
				}
			}
			if t.kind == tWord && d.person && t.nletters >= 2 && i <= 3 && s.chatCue(i-1) {
				if sp := d.chatPerson(s, i); sp.to > i {
					out(TypePerson, sp)
					i = sp.to
					continue
				}
			}
			prevTrigger = t.kind == tWord && (maybeTrigger(s.text[t.start:t.end]) || maybeKin(s.text[t.start:t.end]))
			if d.address && t.kind == tWord && t.nletters >= 5 && s.digitAfter(t) && hasStreetEnding(s.str(t)) {
				if sp, nl := d.addressAt(s, i, &locs); sp.to > i {
					out(TypeStreetAddress, sp)
					if d.nested && d.location && sp.score >= d.minScore {
						for _, l := range locs[:nl] {
							out(TypeLocation, l)
						}
					}
					i = sp.to
					continue
				}
			}
			i++
			continue
		}
		// common words with a capital ("The", "This", "In") start nothing
		if t.kind == tWord {
			// (but a German street may start with one: "Am Weiher 3b";
			// the address scan below takes it)
			if f := s.flags(t); (f&gCommon != 0 && f&(gAnyName|gAnyPlace) == 0 || s.vocab(t)&vDeterminer != 0) && s.vocab(t)&(vUnit|vPrefixType|vTitle|vDir) == 0 && !s.unitWord(t) &&
				!(d.address && germanStreetPreps[s.hash(t)] && s.digitWithin(int(t.end), 40) && s.germanPrepStreet(i) > i) {
				i++
				continue
			}
		}
		if d.address {
			if sp, nl := d.addressAt(s, i, &locs); sp.to > i {
				out(TypeStreetAddress, sp)
				if d.nested && d.location && sp.score >= d.minScore {
					for _, l := range locs[:nl] {
						out(TypeLocation, l)
					}
				}
				i = sp.to
				continue
			}
		}
		if t.kind != tWord {
			i++
			continue
		}
		var p, l span
		if d.person && i >= thingEnd {
			p = d.personAt(s, i)
		}
		if d.location {
			l = d.locationAt(s, i)
		}
		if l.to > i && p.to > i && l.score == p.score && p.to != l.to {
			if p.to > l.to { // equal scores: the longer span wins
				l.score = 0
			} else {
				p.score = 0
			}
		}
		switch {
		case p.score == skipThing && l.score < d.minScore:
			// a brand, street or eponym: no person starts inside it
			// ("Calvin Klein", not "Klein"), but an address still may
			thingEnd = p.to
			i++
		case l.to > i && l.score >= p.score && l.score >= d.minScore:
			out(TypeLocation, l)
			i = l.to
		case p.to > i && p.score >= d.minScore:
			out(TypePerson, p)
			i = p.to
		case l.to > i+1:
			i = l.to // a multi-word place too weak to report is no person either
		default:
			i++
		}
	}
}

// maybeTrigger is a cheap byte test for the words after which a lower-case
// name may follow (is, named, called, call, aka, alias, nicknamed, name's,
// and the titles mr, ms, dr, mrs, miss).
func maybeTrigger(w string) bool {
	switch len(w) {
	case 2:
		a, b := lowerASCII[w[0]], lowerASCII[w[1]]
		return a == 'i' && b == 's' || a == 'm' && (b == 'e' || b == 'r' || b == 's') || a == 'd' && b == 'r'
	case 3, 4, 5, 6, 7, 9:
		switch lowerASCII[w[0]] {
		case 'n', 'c', 'a', 'm', 'i', 'p':
			return true
		}
	}
	return false
}

// chatStart reports whether text opens, after blanks, with a lower-case
// chat opener ("hey", "thx", "congrats"): a byte test and one lookup.
func chatStart(text string) bool {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
		i++
	}
	j := i
	for j < len(text) && j-i < 16 && (class[text[j]] == cLower || text[j] == '\'') {
		j++
	}
	if j == i || j-i >= 16 || j < len(text) && class[text[j]] != cSpace && class[text[j]] != cPunct {
		return false
	}
	return vocabT.get(hashWord(text[i:j]))&vChat != 0
}

// numberGoesOn reports a span ending in a number that goes on after it in
// two or more groups of three to six digits ("2223 0040 1234 5673",
// "338 412 7795"): the start of a card or phone number, not a house
// number. A postcode after a house number is one group ("Calle Mayor 45
// 46001 Valencia"), and a Czech one ends in two digits ("1511 120 00").
func numberGoesOn(text string, end int) bool {
	if end == 0 || end > len(text) || !isDigit(text[end-1]) {
		return false
	}
	groups := 0
	for p := end; p < len(text) && (text[p] == ' ' || text[p] == '-'); {
		q := p + 1
		for q < len(text) && isDigit(text[q]) {
			q++
		}
		if n := q - p - 1; n < 3 || n > 6 || q < len(text) && isWordByte(text[q]) {
			break
		}
		groups++
		p = q
	}
	return groups >= 2
}
