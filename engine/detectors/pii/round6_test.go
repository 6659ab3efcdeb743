package pii

import (
	"context"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// TestFileAndHouseNumbersWithSlash: a number with a '/' whose first group
// has no trunk 0 is a file, case or house number, not a phone; a phone
// written with a slash after its area code still is. Insurance policy and
// claim-file words before a number mark it as no phone.
func TestFileAndHouseNumbersWithSlash(t *testing.T) {
	d := New(Options{})
	for _, text := range []string{
		"la sua pratica di sinistro n. 2024/88714 è stata presa in carico",          // an Italian claim file
		"Adresa: Vinohradská 1511/230, 100 00 Praha 10, tel. na recepci",            // a Czech house number
		"Bitte Aktenzeichen 4471/2219 angeben, Rückruf erbeten",                     // a file number
		"My home insurance policy 7734 2210 renews in March, can you call them?",    // a policy number
		"Numero polizza 338 412 7795: il sinistro è del 3 marzo, chiamare l'agente", // an Italian policy number
	} {
		none(t, d, PhoneNumber, text)
	}
	check(t, d, "Rufen Sie mich unter 030/2384991 an.", want{PhoneNumber, "030/2384991"})
	check(t, d, "Su póliza cubre el daño; mi teléfono es 612 84 39 70.", want{PhoneNumber, "612 84 39 70"})
}

// TestSpokenPhones: phone numbers said aloud in transcripts, with
// "double" and "oh"; a count, a number without a phone word and a run too
// short or not in any number plan are no phone.
func TestSpokenPhones(t *testing.T) {
	d := New(Options{})
	check(t, d, `voicemail: "ring me back on oh seven seven double oh nine double oh three one four ta"`,
		want{PhoneNumber, "oh seven seven double oh nine double oh three one four"})
	check(t, d, "call us back at six one seven five five five oh one two three thanks",
		want{PhoneNumber, "six one seven five five five oh one two three"})
	for _, text := range []string{
		"count with me: one two three four five six seven eight nine ten, and again",
		"the combination is six one seven five five five oh one two three, do not share it",
		"call me at five or six, whichever suits",
		"call back at one one one one one one one one one one please",
	} {
		none(t, d, PhoneNumber, text)
	}
}

// TestSpokenPhonesAllocateNothing: the spoken-phone pass keeps its
// digits on the stack (validation reads a pooled buffer).
func TestSpokenPhonesAllocateNothing(t *testing.T) {
	d := New(Options{})
	var r analysis.Report
	field := &analysis.Field{Path: "p", Source: "user", Text: "call us back at six one seven five five five oh one two three thanks, or ring oh seven seven double oh nine double oh three one four; five apples"}
	d.Scan(context.Background(), field, &r) // warm the pools
	if len(r.Findings) != 2 {
		t.Fatalf("%d findings, want the two spoken phones", len(r.Findings))
	}
	if raceEnabled {
		return
	}
	if n := testing.AllocsPerRun(20, func() {
		r.Findings = r.Findings[:0]
		d.Scan(context.Background(), field, &r)
	}); n != 0 {
		t.Errorf("%v allocations per scan, want 0", n)
	}
}
