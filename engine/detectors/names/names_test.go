package names

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

type found struct {
	typ, text string
}

func scanAll(t testing.TB, d *Detector, text string) []analysis.Finding {
	t.Helper()
	var r analysis.Report
	d.Scan(context.Background(), &analysis.Field{Path: "p", Source: "user", Text: text}, &r)
	return r.Findings
}

func spans(t testing.TB, d *Detector, text string) []found {
	var out []found
	for _, f := range scanAll(t, d, text) {
		out = append(out, found{f.Type, text[f.ByteStart:f.ByteEnd]})
	}
	return out
}

func TestScan(t *testing.T) {
	d := New(Options{})
	tests := []struct {
		name string
		text string
		want []found // exact list, in order
	}{
		// people
		{"full name", "Yesterday I spoke with Sarah Johnson about the invoice.", []found{{"PERSON", "Sarah Johnson"}}},
		{"title", "Please forward this to Dr. Okonkwo before Friday.", []found{{"PERSON", "Okonkwo"}}},
		{"title with full name", "Mrs. Barbara Yudina will call back.", []found{{"PERSON", "Barbara Yudina"}}},
		{"my name is", "Hi, my name is Rubija and I need help.", []found{{"PERSON", "Rubija"}}},
		{"lower-case after trigger", "my name is eva kleist", []found{{"PERSON", "eva kleist"}}},
		{"dear", "Dear Ingrid,\nthank you for your letter.", []found{{"PERSON", "Ingrid"}}},
		{"initial", "The report was written by Janka M. Szász last year.", []found{{"PERSON", "Janka M. Szász"}}},
		{"particle", "We invited Ludwig van Beethoven to the party.", []found{{"PERSON", "Ludwig van Beethoven"}}},
		{"apostrophe surname", "Ask Sinead O'Brien for the keys.", []found{{"PERSON", "Sinead O'Brien"}}},
		{"Mc surname", "Ask Mary McDonald for the keys.", []found{{"PERSON", "Mary McDonald"}}},
		{"hyphenated given name", "Jean-Luc Picard commands the ship.", []found{{"PERSON", "Jean-Luc Picard"}}},
		{"possessive", "That is Kevin's address, not mine.", []found{{"PERSON", "Kevin"}}},
		{"sentence-initial name", "Nicole wrote to the bank.", []found{{"PERSON", "Nicole"}}},
		{"signature", "Thanks for your help.\n\nSincerely,\nRobert Brown", []found{{"PERSON", "Robert Brown"}}},
		{"name label, lower case", "Name: kevin doyle\nRole: admin", []found{{"PERSON", "kevin doyle"}}},
		{"surname first", "Smith, John called yesterday.", []found{{"PERSON", "Smith"}, {"PERSON", "John"}}},
		{"all caps", "PASSENGER: JOHN SMITH", []found{{"PERSON", "JOHN SMITH"}}},
		{"name suffix", "He was called Kevin Veitonen II, like his father.", []found{{"PERSON", "Kevin Veitonen II"}}},

		// ambiguous words that must not fire
		{"modal and nouns", "Will you mark the rose?", nil},
		{"sentence-initial words", "May I ask? Grant access to the folder. Hope this helps. Bill me later.", nil},
		{"month", "The deadline is in May and the review in June.", nil},
		{"title of a work", "We watched Gone With The Wind and Cautionary Tales.", nil},
		{"firm", "She spent a year at Davis, Reynolds and Williamson as an intern.", nil},
		{"and sons", "Thomas and Sons is an investment bank.", nil},
		{"acronyms", "The API and the SDK use JSON over HTTP.", nil},
		{"code", "func main() { fmt.Println(x) }", nil},

		// addresses
		{"US address", "Send it to 1600 Pennsylvania Avenue NW, Washington, DC 20500 please.",
			[]found{{"STREET_ADDRESS", "1600 Pennsylvania Avenue NW, Washington, DC 20500"}}},
		{"US address with apartment", "I live at 742 Evergreen Terrace, Apt 4B, Springfield, IL 62704.",
			[]found{{"STREET_ADDRESS", "742 Evergreen Terrace, Apt 4B, Springfield, IL 62704"}}},
		{"abbreviated suffix", "The restaurant is at 2450 Crown St in town.", []found{{"STREET_ADDRESS", "2450 Crown St"}}},
		{"PO box", "Mail it to P.O. Box 1234, Anchorage, AK 99501.", []found{{"STREET_ADDRESS", "P.O. Box 1234, Anchorage, AK 99501"}}},
		{"military", "Please return to Unit 4719 Box 7394\nDPO AP 70942 in case of an issue.",
			[]found{{"STREET_ADDRESS", "Unit 4719 Box 7394\nDPO AP 70942"}}},
		{"UK", "Write to 10 Downing Street, London SW1A 2AA.", []found{{"STREET_ADDRESS", "10 Downing Street, London SW1A 2AA"}}},
		{"French", "Le bureau est au 31 rue de Rivoli, Paris.", []found{{"STREET_ADDRESS", "31 rue de Rivoli, Paris"}}},
		{"postcode before city", "Die Adresse ist Hauptstraße 5, 10115 Berlin.", []found{{"STREET_ADDRESS", "Hauptstraße 5, 10115 Berlin"}}},
		{"Polish", "Adres: ul. Marszałkowska 84/92, 00-514 Warszawa", []found{{"STREET_ADDRESS", "Marszałkowska 84/92, 00-514 Warszawa"}}},
		{"Finnish", "Tomomi Nishiyama lives at Mannerheimintie 82.", []found{{"PERSON", "Tomomi Nishiyama"}, {"STREET_ADDRESS", "Mannerheimintie 82"}}},
		{"street corner", "Meet me at the corner of 5th and Main Street tomorrow.", []found{{"STREET_ADDRESS", "5th and Main Street"}}},
		{"not a street corner", "Put it in the corner of the room and leave.", nil},
		{"not an address: year", "In 1999 Apple Park was only a plan.", nil},
		{"not an address: version", "Upgrade to Windows 10 and Python 3 today.", nil},

		// locations
		{"country", "She moved from Tunisia last year.", []found{{"LOCATION", "Tunisia"}}},
		{"multi-word city", "We flew into New York on Monday.", []found{{"LOCATION", "New York"}}},
		{"city after in", "The meeting is in Lappeenranta this year.", []found{{"LOCATION", "Lappeenranta"}}},
		{"unlisted town", "Mr. Baader grew up in Remniku.", []found{{"PERSON", "Baader"}, {"LOCATION", "Remniku"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := spans(t, d, tc.text)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("%q\n got %v\nwant %v", tc.text, got, tc.want)
			}
		})
	}
}

func TestMultiByteOffsets(t *testing.T) {
	d := New(Options{})
	text := "Grüße — Krisztián Szöllösy wohnt in Zürich. Ναι."
	fs := scanAll(t, d, text)
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s[%d:%d]=%s", f.Type, f.ByteStart, f.ByteEnd, text[f.ByteStart:f.ByteEnd]))
	}
	start := strings.Index(text, "Krisztián")
	end := strings.Index(text, " wohnt")
	mStart := strings.Index(text, "Zürich")
	want := []string{
		fmt.Sprintf("PERSON[%d:%d]=Krisztián Szöllösy", start, end),
		fmt.Sprintf("LOCATION[%d:%d]=Zürich", mStart, mStart+len("Zürich")),
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
	// the analyzer turns them into code points
	out := analysis.NewAnalyzer(d).Analyze(context.Background(), &analysis.Input{Fields: []analysis.Field{{Path: "p", Text: text}}})
	if len(out.Findings) != 2 || out.Findings[0].Start != 8 || out.Findings[0].End != 26 {
		t.Fatalf("code points: %+v", out.Findings)
	}
}

func TestOptions(t *testing.T) {
	text := "John Smith lives at 12 Baker Street, London."
	all := spans(t, New(Options{}), text)
	if len(all) != 2 {
		t.Fatalf("all types: %v", all)
	}
	only := spans(t, New(Options{Types: []string{TypeStreetAddress}}), text)
	if len(only) != 1 || only[0].typ != TypeStreetAddress {
		t.Fatalf("address only: %v", only)
	}
	if got := spans(t, New(Options{MinScore: 0.99}), text); len(got) != 0 {
		t.Fatalf("min score 0.99: %v", got)
	}
	nested := spans(t, New(Options{NestedLocations: true}), text)
	if len(nested) != 3 || nested[2] != (found{TypeLocation, "London"}) {
		t.Fatalf("nested: %v", nested)
	}
	if New(Options{}).Name() != "names" {
		t.Fatal("name")
	}
}

// checkInvariants verifies spans are in bounds, on rune boundaries, sorted
// by start, and that spans of one type do not overlap.
func checkInvariants(t testing.TB, text string, fs []analysis.Finding) {
	t.Helper()
	lastEnd := map[string]int{}
	prevStart := 0
	for _, f := range fs {
		if f.ByteStart < 0 || f.ByteEnd > len(text) || f.ByteStart >= f.ByteEnd {
			t.Fatalf("span out of bounds: %+v (len %d)", f, len(text))
		}
		if f.ByteStart < prevStart {
			t.Fatalf("findings not sorted: %+v", fs)
		}
		prevStart = f.ByteStart
		if e, ok := lastEnd[f.Type]; ok && f.ByteStart < e {
			t.Fatalf("overlapping %s spans: %+v", f.Type, fs)
		}
		lastEnd[f.Type] = f.ByteEnd
		if f.Score <= 0 || f.Score > 1 {
			t.Fatalf("score out of range: %+v", f)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"John Smith lives at 12 Baker Street, London SW1A 2AA.",
		"Mrs. Barbara Yudina Apt. 675 62314 Mellemvej 32\nAalborg NO 9100",
		"USNS Bergman\nFPO AP 93757",
		"> \n> 2224 Trenerys gate 232\n> Apt. 342\n> TRONDHEIM\n> Norway 64389",
		"my name is eva kleist", "O'Brien-McDonald's", "Ναι Άμμος 184, ΠΑΦΟΣ", "\xff\xfeA B", "1 2 3 4 5 6",
	} {
		f.Add(s)
	}
	all := New(Options{MinScore: -1, NestedLocations: true}) // reads every token
	def := New(Options{})                                    // skips lower-case prose
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, scanAll(t, all, s))
		checkInvariants(t, s, scanAll(t, def, s))
	})
}

func TestPathological(t *testing.T) {
	d := New(Options{MinScore: -1, NestedLocations: true})
	def := New(Options{})
	var b strings.Builder
	words := []string{"John", "Smith", "Street", "12", "Apt", "New", "York", "A.", "USNS", "FPO", "AA", "12345", ",", "\n", "O'Brien", "Van"}
	for i := 0; b.Len() < 1<<20; i++ {
		b.WriteString(words[(i*7)%len(words)])
		b.WriteByte(' ')
	}
	for _, text := range []string{
		b.String(),
		strings.Repeat("Aaaa ", 1<<20/5),
		strings.Repeat("1 ", 1<<19),
		strings.Repeat("A", 1<<20),
		strings.Repeat("9", 1<<20),
		strings.Repeat("Ü-", 1<<19),
		strings.Repeat("P.O. Box ", 1<<20/9),
		strings.Repeat("name call ", 1<<20/10),
		strings.Repeat("a", 1<<20) + "Z",
	} {
		checkInvariants(t, text, scanAll(t, d, text))
		checkInvariants(t, text, scanAll(t, def, text))
	}
}

func TestConcurrent(t *testing.T) {
	d := New(Options{})
	text := "Sarah Johnson lives at 742 Evergreen Terrace, Springfield, IL 62704."
	want := fmt.Sprint(spans(t, d, text))
	done := make(chan string)
	for i := 0; i < 8; i++ {
		go func() {
			var got string
			for j := 0; j < 50; j++ {
				got = fmt.Sprint(spans(t, d, text))
			}
			done <- got
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got != want {
			t.Fatalf("concurrent result %s, want %s", got, want)
		}
	}
}

// TestSkipIsTransparent checks that skipping lower-case prose changes no
// finding: the same text scanned token by token gives the same result.
func TestSkipIsTransparent(t *testing.T) {
	d := New(Options{MinScore: skipSafeScore, NestedLocations: true})
	texts := []string{mixedText(64 << 10), denseText(64 << 10)}
	if dir := os.Getenv("PARAPET_CORPORA"); dir != "" {
		for _, name := range []string{"pii_dev.jsonl", "injection_dev.jsonl"} {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(b), "\n") {
				var row struct{ Text string }
				if json.Unmarshal([]byte(line), &row) == nil && row.Text != "" {
					texts = append(texts, row.Text)
				}
			}
		}
	}
	run := func(text string, noSkip bool) string {
		s := new(scanner)
		s.reset(text, gazetteer())
		s.noSkipping = noSkip
		var b strings.Builder
		d.scan(context.Background(), s, func(typ string, a, e int, score float64) {
			fmt.Fprintf(&b, "%s[%d:%d]%.2f ", typ, a, e, score)
		})
		return b.String()
	}
	for _, text := range texts {
		if a, b := run(text, false), run(text, true); a != b {
			t.Fatalf("skip changes findings in %q:\n skip   %s\n noskip %s", text[:min(len(text), 200)], a, b)
		}
	}
}
