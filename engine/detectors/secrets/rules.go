package secrets

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
)

// Rule kinds.
const (
	kindProvider   = iota // a provider's credential format
	kindGeneric           // keyword = value with no known format
	kindIdentifier        // an account, bucket or client identifier: sensitive, not a credential
)

// ruleDef is one rule as written in a table (zz_gitleaks.go is generated;
// rules_parapet.go is written by hand). Either Pattern or Scan is set.
type ruleDef struct {
	ID         string // Parapet rule id, stable UPPER_SNAKE
	Type       string // finding type; "" = ID (several rules may report one type)
	Upstream   string // id in the rule set it was derived from
	Desc       string
	Contextual bool // the pattern needs a keyword and an assignment before the value
	Pattern    string
	Keywords   []string // lower-case literals; at least one must occur near a match
	Entropy    float64  // the secret's Shannon entropy must be above this
	Group      int      // capture group holding the secret; 0 = first non-empty group, or the whole match
	Allow      []string // regexes on the secret that reject a match
	AllowMatch []string // regexes on the whole match that reject it
	AllowLine  []string // regexes on the line that reject it
	Stopwords  []string // reject a secret containing one of these (case-insensitive)

	// Parapet fields (zero in generated rules).
	Source   string // "" = gitleaks; else e.g. "noseyparker (Apache-2.0)" or "parapet"
	License  string
	Score    float64 // 0 = default for the kind
	Kind     int
	Window   int                      // bytes scanned around a keyword when the pattern is unbounded (default 512)
	Validate func(secret string) bool // extra check on the secret
	Scan     scanFunc                 // custom scanner, called per keyword hit instead of a pattern
	Assign   bool                     // Scan is the assignment scanner (its keywords are found before operators)
	// Gate is a cheap necessary condition checked at a keyword hit
	// text[ks:ke] before the pattern runs (it must never reject a match).
	Gate     func(text string, ks, ke int) bool
	NoGlobal bool // skip gitleaks' global allowlist
	// Loose marks a heuristic format (a relaxed length, a generic
	// charset after a short prefix): its matches also go through the
	// obvious-fake checks (runs, sequences) that precise formats skip.
	Loose bool
	// Run marks a Scan rule with no keywords: it is called from the run
	// trigger (runHooks, at alphanumeric runs around a digit) instead.
	Run bool
}

// scanFunc is a hand-written matcher. It is called for each keyword hit
// text[ks:ke] and reports spans with st.add.
type scanFunc func(d *Detector, st *scanState, text string, ks, ke int, ri int)

// RuleInfo describes one rule.
type RuleInfo struct {
	ID          string // stable rule id
	Type        string // the finding type it reports (usually ID)
	Description string
	Source      string // where the rule comes from (rule set and version, upstream id)
	License     string // licence of the rule data
	Generic     bool   // generic assignment rule (lower score), not a provider format
	Identifier  bool   // reports identifiers (account ids, bucket names), not credentials
	Score       float64
}

// rule is a compiled ruleDef.
type rule struct {
	def        *ruleDef
	info       RuleInfo
	re         *regexp.Regexp
	group      int
	opDist     []int             // per keyword: bytes from the keyword to a required operator, -1 if none
	exactCase  map[string]string // keyword -> the case the format needs (hand-written upper-case keywords)
	maxLen     int               // longest possible match in bytes, capped by the window
	minLen     int               // shortest possible match in bytes
	prefixes   [][]litByte       // literal prefixes every match starts with, nil if unknown
	reAnch     *regexp.Regexp    // "^(?:pattern)", tried at a keyword hit when the match starts there
	tok        *tokMatcher       // hand-compiled reAnch, when the pattern is a simple token shape
	syn        *syntax.Regexp    // the parsed pattern
	wordStart  bool              // the pattern starts with \b: checked by hand before reAnch
	allow      []allowRe
	allowMatch []allowRe
	allowLine  []allowRe
	stop       []string
	score      float64
	gitleaks   bool
	loose      bool   // obvious-fake checks apply (generic and Loose rules)
	category   string // "secret", or "identifier" for identifier rules
}

// litByte is one byte of a literal prefix; fold means ASCII case-insensitive.
type litByte struct {
	b    byte
	fold bool
}

var (
	compileOnce sync.Once
	allRules    []*rule
	compileErr  error
	globalAllow []globalAllowRule
)

// globalAllowRule is one regex of gitleaks' global allowlist with the
// first byte a match must start with (0: any), so that most secrets skip
// the regex.
type globalAllowRule struct {
	re    *regexp.Regexp
	first byte
	hand  func(string) bool // a hand-written equivalent of re
}

// Two global allowlist regexes match anywhere; they are checked by hand
// (TestGlobalAllowByHand compares them with the regexes).
const (
	globalAllowBool   = `(?i)^true|false|null$`
	globalAllowRepeat = `^(?i:a+|b+|c+|d+|e+|f+|g+|h+|i+|j+|k+|l+|m+|n+|o+|p+|q+|r+|s+|t+|u+|v+|w+|x+|y+|z+|\*+|\.+)$`
)

// boolAllowed is globalAllowBool: ^true, false or null$ (sic: the
// alternation binds looser than the anchors).
func boolAllowed(s string) bool { return trueOrNull(s) || containsFold(s, "false") }

// trueOrNull is boolAllowed without "false", which globalAllowed finds
// with the stopwords.
func trueOrNull(s string) bool { return hasPrefixFold(s, "true") || hasSuffixFold(s, "null") }

// globalWords finds "false" and gitleaks' global stopwords in one pass.
var globalWords = partMatcher(append([]string{"false"}, gitleaksGlobalStopwords...))

// repeatAllowed is globalAllowRepeat: one letter (either case), '*' or
// '.' repeated.
func repeatAllowed(s string) bool {
	if len(s) == 0 {
		return false
	}
	c := lowerASCII(s[0])
	if !('a' <= c && c <= 'z') && c != '*' && c != '.' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if lowerASCII(s[i]) != c {
			return false
		}
	}
	return true
}

// globalAllowed reports a secret that gitleaks' global allowlist or
// global stopwords reject.
func globalAllowed(secret string) bool {
	if len(secret) == 0 {
		return false
	}
	if containsAny(globalWords, secret) {
		return true
	}
	for _, g := range globalAllow {
		if g.hand != nil {
			if g.hand(secret) {
				return true
			}
			continue
		}
		if g.first != 0 && secret[0] != g.first {
			continue
		}
		if g.re.MatchString(secret) {
			return true
		}
	}
	return false
}

// triggerOverrides replace the keywords of generated rules whose keyword
// has no byte rare enough to anchor on and no operator after it: they are
// triggered by a literal that every match contains instead.
var triggerOverrides = map[string][]string{
	// \b(pat[[:alnum:]]{14}\.[a-f0-9]{64})\b: found by its "pat" prefix
	// on the alnum run ("airtable" stays for AIRTABLE_API_KEY).
	"AIRTABLE_PAT": {"pat"},
	// The bare 40-hex alternative needs "sourcegraph" in the key before
	// an operator (SOURCEGRAPH_TOKEN=...); sgp_ tokens anywhere.
	"SOURCEGRAPH_ACCESS_TOKEN": {"sgp_", "sourcegraph"},
	// \bcurl\b ... (-H|--header) ...: triggered by the flag.
	"CURL_AUTH_HEADER": {" -h", "\t-h", "\n-h", " --header", "\t--header", "\n--header"},
	"CURL_AUTH_USER":   {" -u", "\t-u", "\n-u", " --user", "\t--user", "\n--user"},
}

// opOnlyKeywords are keywords of generated rules that are only looked for
// in the key before an operator, although the pattern does not need one:
// the keyword alone is common English and the format has no other
// literal to anchor on.
var opOnlyKeywords = map[string]map[string]bool{
	"SOURCEGRAPH_ACCESS_TOKEN": {"sourcegraph": true},
}

func defs() []*ruleDef {
	var out []*ruleDef
	for i := range gitleaksRules {
		d := &gitleaksRules[i]
		if kws, ok := triggerOverrides[d.ID]; ok {
			c := *d
			c.Keywords = kws
			d = &c
		}
		out = append(out, d)
	}
	for _, set := range [][]ruleDef{parapetRules, general4Rules, general7Rules, general8Rules, general9Rules, general10Rules, general11Rules, general16Rules, general17Rules, general18Rules, general19Rules} {
		for i := range set {
			out = append(out, &set[i])
		}
	}
	return out
}

func compileAll() {
	compileOnce.Do(func() {
		for _, p := range gitleaksGlobalAllow {
			g := globalAllowRule{re: regexp.MustCompile(p)}
			switch p {
			case globalAllowBool:
				g.hand = trueOrNull // and "false", found by globalWords
			case globalAllowRepeat:
				g.hand = repeatAllowed
			}
			// ^ then a literal byte: only secrets starting with it can match.
			if parsed, err := syntax.Parse(p, syntax.Perl); err == nil {
				if ps, _, ok := prefixes(parsed); ok && anchoredAtStart(parsed) {
					first := ps[0][0]
					same := !first.fold
					for _, q := range ps {
						if q[0] != first {
							same = false
						}
					}
					if same {
						g.first = first.b
					}
				}
			}
			globalAllow = append(globalAllow, g)
		}
		seen := map[string]bool{}
		for _, d := range defs() {
			r, err := compileRule(d)
			if err != nil {
				compileErr = err
				return
			}
			if seen[d.ID] {
				compileErr = fmt.Errorf("secrets: duplicate rule id %s", d.ID)
				return
			}
			seen[d.ID] = true
			allRules = append(allRules, r)
		}
	})
}

func compileRule(d *ruleDef) (*rule, error) {
	r := &rule{def: d, group: d.Group, stop: d.Stopwords}
	r.gitleaks = d.Source == ""
	r.loose = d.Loose || d.Kind == kindGeneric
	r.category = "secret"
	if d.Kind == kindIdentifier {
		r.category = categoryIdentifier
	}
	src, lic := d.Source, d.License
	if r.gitleaks {
		src, lic = gitleaksSource, "MIT"
	}
	if d.Upstream != "" {
		src += " rule " + d.Upstream
	}
	r.score = d.Score
	if r.score == 0 {
		switch {
		case d.Kind == kindGeneric:
			r.score = 0.5
		case d.Kind == kindIdentifier:
			r.score = 0.3
		case d.Contextual:
			r.score = 0.7
		default:
			r.score = 0.9
		}
	}
	typ := d.Type
	if typ == "" {
		typ = d.ID
	}
	r.info = RuleInfo{ID: d.ID, Type: typ, Description: d.Desc, Source: src, License: lic,
		Generic: d.Kind == kindGeneric, Identifier: d.Kind == kindIdentifier, Score: r.score}
	if len(d.Keywords) == 0 && !d.Run {
		return nil, fmt.Errorf("secrets: rule %s has no keyword", d.ID)
	}
	// Keywords are matched ignoring case. A hand-written keyword in
	// upper case (NRAL) is also a hint that the format needs that case,
	// for choosing the byte to anchor on.
	if !r.gitleaks {
		var kws []string
		for _, k := range d.Keywords {
			if lk := strings.ToLower(k); lk != k {
				if r.exactCase == nil {
					r.exactCase = map[string]string{}
				}
				r.exactCase[lk] = k
				k = lk
			}
			kws = append(kws, k)
		}
		if r.exactCase != nil {
			c := *d
			c.Keywords = kws
			d = &c
			r.def = d
		}
	}
	for _, k := range d.Keywords {
		if k != strings.ToLower(k) {
			return nil, fmt.Errorf("secrets: rule %s keyword %q is not lower case", d.ID, k)
		}
	}
	window := d.Window
	if window == 0 {
		window = 512
	}
	r.maxLen = window
	if d.Scan == nil {
		re, err := regexp.Compile(d.Pattern)
		if err != nil {
			return nil, fmt.Errorf("secrets: rule %s: %v", d.ID, err)
		}
		parsed, err := syntax.Parse(d.Pattern, syntax.Perl)
		if err != nil {
			return nil, err
		}
		if n := maxLen(parsed); n >= 0 && n < window {
			r.maxLen = n
		}
		r.minLen = minLen(parsed)
		for _, k := range d.Keywords {
			r.opDist = append(r.opDist, opDistanceFor(parsed, k))
		}
		if ps, _, ok := prefixes(parsed); ok {
			r.prefixes = ps
		}
		tok := compileTok(parsed)
		r.syn, _ = syntax.Parse(d.Pattern, syntax.Perl) // for tests
		// Wide gap fillers (.{0,200}, [^}]{0,200}, \s{0,30}) become
		// unbounded: the window already bounds them, and a counted repeat
		// compiles to one NFA state per count, which makes Go's regexp
		// fall back from the backtracker to the slow NFA.
		if unboundFillers(parsed) {
			if re2, err := regexp.Compile(reString(parsed)); err == nil {
				re = re2
			}
		}
		r.re = re
		// Anchored variant: when every match starts with a literal prefix
		// (optionally after \b), a keyword hit is the match start and the
		// regex only has to be tried there.
		if r.prefixes != nil {
			lead, ok := leadingAssertions(parsed)
			first := r.prefixes[0][0].b
			if ok && (!lead || isAlnum(first) || first == '_') {
				if ra, err := regexp.Compile(`^(?:` + reString(parsed) + `)`); err == nil {
					r.reAnch = ra
					r.wordStart = lead
					if d.Group <= 1 && ra.NumSubexp() <= 1 {
						r.tok = tok
					}
				}
			}
		}
	}
	for _, list := range []struct {
		src []string
		dst *[]allowRe
	}{{d.Allow, &r.allow}, {d.AllowMatch, &r.allowMatch}, {d.AllowLine, &r.allowLine}} {
		for _, p := range list.src {
			re, err := regexp.Compile(p)
			if err != nil {
				return nil, fmt.Errorf("secrets: rule %s allowlist: %v", d.ID, err)
			}
			a := allowRe{re: re}
			if parsed, err := syntax.Parse(p, syntax.Perl); err == nil {
				a.lit, a.fold = requiredLiteral(parsed)
			}
			*list.dst = append(*list.dst, a)
		}
	}
	return r, nil
}

// Rules lists every rule the package knows, sorted by id.
func Rules() []RuleInfo {
	compileAll()
	if compileErr != nil {
		panic(compileErr)
	}
	out := make([]RuleInfo, len(allRules))
	for i, r := range allRules {
		out[i] = r.info
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// anchoredAtStart reports a pattern that begins with ^ (\A).
func anchoredAtStart(re *syntax.Regexp) bool {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op == syntax.OpConcat && len(re.Sub) > 0 {
		re = re.Sub[0]
	}
	return re.Op == syntax.OpBeginText || re.Op == syntax.OpBeginLine
}

// leadingAssertions reports whether re starts with \b (lead) before its
// first consuming element; ok is false for any other leading assertion
// (^, $, \B), which an anchored run could not honour.
func leadingAssertions(re *syntax.Regexp) (lead, ok bool) {
	for {
		switch re.Op {
		case syntax.OpCapture:
			re = re.Sub[0]
			continue
		case syntax.OpConcat:
			for _, s := range re.Sub {
				switch s.Op {
				case syntax.OpWordBoundary:
					lead = true
					continue
				case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpNoWordBoundary, syntax.OpEndLine, syntax.OpEndText, syntax.OpEmptyMatch:
					return false, false
				}
				l, ok := leadingAssertions(s)
				return lead || l, ok
			}
			return lead, true
		case syntax.OpAlternate:
			lead, ok = false, true
			for _, s := range re.Sub {
				l, o := leadingAssertions(s)
				if !o || (lead != l && s != re.Sub[0]) {
					return false, false
				}
				lead = l
			}
			return lead, ok
		case syntax.OpWordBoundary:
			return true, true
		case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpNoWordBoundary, syntax.OpEndLine, syntax.OpEndText:
			return false, false
		}
		return false, true
	}
}

// unboundFillers rewrites x{0,n} (n >= 16) to x* where x is any byte, a
// negated class or a wide class, in place. It reports whether it changed
// anything.
func unboundFillers(re *syntax.Regexp) bool {
	changed := false
	for _, s := range re.Sub {
		if unboundFillers(s) {
			changed = true
		}
	}
	if re.Op == syntax.OpRepeat && re.Min == 0 && re.Max >= 16 && len(re.Sub) == 1 {
		sub := re.Sub[0]
		wide := sub.Op == syntax.OpAnyChar || sub.Op == syntax.OpAnyCharNotNL
		if sub.Op == syntax.OpCharClass {
			n := 0
			for i := 0; i+1 < len(sub.Rune); i += 2 {
				n += int(sub.Rune[i+1]-sub.Rune[i]) + 1
			}
			wide = n > 128
		}
		if wide {
			re.Op = syntax.OpStar
			re.Flags |= syntax.NonGreedy & re.Flags
			re.Min, re.Max = 0, -1
			changed = true
		}
	}
	return changed
}

// minLen returns the shortest match of re in bytes.
func minLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return literalBytes(re)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture:
		return minLen(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		return 0
	case syntax.OpPlus:
		return minLen(re.Sub[0])
	case syntax.OpRepeat:
		return minLen(re.Sub[0]) * re.Min
	case syntax.OpConcat:
		t := 0
		for _, s := range re.Sub {
			t += minLen(s)
		}
		return t
	case syntax.OpAlternate:
		m := -1
		for _, s := range re.Sub {
			if n := minLen(s); m < 0 || n < m {
				m = n
			}
		}
		if m < 0 {
			return 0
		}
		return m
	default:
		return 0
	}
}

// maxLen returns the longest match of re in bytes, or -1 if unbounded.
func maxLen(re *syntax.Regexp) int { return longest(re, leafBytes, unbounded) }

// longest returns the longest match of re, or -1 if unbounded, measuring
// each leaf (literal, class, any character) with leaf and each unbounded
// repeat of sub with star (-1: unbounded).
func longest(re *syntax.Regexp, leaf func(*syntax.Regexp) int, star func(sub *syntax.Regexp) int) int {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return leaf(re)
	case syntax.OpCapture, syntax.OpQuest:
		return longest(re.Sub[0], leaf, star)
	case syntax.OpStar, syntax.OpPlus:
		return star(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return star(re.Sub[0])
		}
		n := longest(re.Sub[0], leaf, star)
		if n < 0 {
			return -1
		}
		return n * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		t := 0
		for _, s := range re.Sub {
			n := longest(s, leaf, star)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				t += n
			} else {
				t = max(t, n)
			}
		}
		return t
	default: // empty-width assertions, empty match
		return 0
	}
}

func unbounded(*syntax.Regexp) int { return -1 }

// literalBytes is the length of a literal in UTF-8 bytes.
func literalBytes(re *syntax.Regexp) int {
	n := 0
	for _, r := range re.Rune {
		n += runeBytes(r)
	}
	return n
}

// leafBytes is the longest a literal, class or any-character matches in
// UTF-8 bytes.
func leafBytes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return literalBytes(re)
	case syntax.OpCharClass:
		for i := 1; i < len(re.Rune); i += 2 {
			if re.Rune[i] >= 0x80 {
				return 4
			}
		}
		return 1
	}
	return 4
}

func runeBytes(r rune) int {
	switch {
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case r < 0x10000:
		return 3
	}
	return 4
}

const (
	maxPrefixes   = 64
	maxPrefixLen  = 16
	maxClassRunes = 4
)

// prefixes returns literal byte strings one of which starts every match of
// re. exact reports that the strings are the whole match (so a following
// concatenation element may extend them). ok is false when re can start
// with something that is not a short literal.
func prefixes(re *syntax.Regexp) (out [][]litByte, exact, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		var p []litByte
		fold := re.Flags&syntax.FoldCase != 0
		for _, r := range re.Rune {
			if r >= 0x80 {
				return nil, false, false
			}
			p = append(p, litByte{byte(r), fold && isLetter(byte(r))})
		}
		return [][]litByte{p}, true, true
	case syntax.OpCharClass:
		var rs []rune
		for i := 0; i < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r >= 0x80 || len(rs) >= maxClassRunes*2 {
					return nil, false, false
				}
				rs = append(rs, r)
			}
		}
		for _, r := range rs {
			out = append(out, []litByte{{byte(r), false}})
		}
		if len(out) > maxClassRunes*2 {
			return nil, false, false
		}
		return out, true, true
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpPlus:
		p, _, ok := prefixes(re.Sub[0])
		return p, false, ok
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false, false
		}
		p, _, ok := prefixes(re.Sub[0])
		return p, false, ok
	case syntax.OpAlternate:
		exact = true
		for _, s := range re.Sub {
			p, ex, ok := prefixes(s)
			if !ok {
				return nil, false, false
			}
			exact = exact && ex
			out = append(out, p...)
		}
		if len(out) > maxPrefixes {
			return nil, false, false
		}
		return out, exact, true
	case syntax.OpConcat:
		out = [][]litByte{{}}
		exact = true
		for _, s := range re.Sub {
			switch s.Op {
			case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
				if len(out) == 1 && len(out[0]) == 0 {
					continue // leading assertion
				}
			}
			p, ex, ok := prefixes(s)
			if !ok || len(out)*len(p) > maxPrefixes {
				exact = false
				break
			}
			var next [][]litByte
			for _, a := range out {
				for _, b := range p {
					c := append(append([]litByte{}, a...), b...)
					if len(c) > maxPrefixLen {
						c = c[:maxPrefixLen]
						ex = false
					}
					next = append(next, c)
				}
			}
			out = next
			if !ex {
				exact = false
				break
			}
		}
		for _, p := range out {
			if len(p) == 0 {
				return nil, false, false
			}
		}
		return out, exact, true
	}
	return nil, false, false
}

func isLetter(b byte) bool { return ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') }

// anchoredFor reports whether every match of r starts with one of the
// rule's keywords, and keyword kw can start a match: then a hit on kw only
// needs a window that starts at the hit, and the literal prefixes can be
// checked at the hit before any regex runs.
func (r *rule) anchoredFor(kw string) bool {
	if r.prefixes == nil {
		return false
	}
	kwStarts := false
	for _, p := range r.prefixes {
		lp := lowerLit(p)
		covered := false
		for _, k := range r.def.Keywords {
			if strings.HasPrefix(lp, k) {
				covered = true
				if k == kw {
					kwStarts = true
				}
			}
		}
		if !covered {
			return false
		}
	}
	return kwStarts
}

func lowerLit(p []litByte) string {
	b := make([]byte, len(p))
	for i, c := range p {
		b[i] = lowerASCII(c.b)
	}
	return string(b)
}

// opShapedFor reports whether every match that keyword r.def.Keywords[ki]
// triggers needs an assignment operator soon after the keyword, so that
// the keyword need only be looked for in the key before an operator.
func (r *rule) opShapedFor(ki int) bool {
	if opOnlyKeywords[r.def.ID][r.def.Keywords[ki]] {
		return true
	}
	if r.def.Scan != nil {
		return r.def.Assign && opScanKeywords[r.def.Keywords[ki]]
	}
	kw := r.def.Keywords[ki]
	if strings.ContainsAny(kw, opChars) {
		return false
	}
	return ki < len(r.opDist) && r.opDist[ki] >= 0 && r.opDist[ki] <= maxRegion
}

// prefixAt reports whether one of r's literal prefixes occurs at text[i:].
func (r *rule) prefixAt(text string, i int) bool {
outer:
	for _, p := range r.prefixes {
		if i+len(p) > len(text) {
			continue
		}
		for j, c := range p {
			t := text[i+j]
			if c.fold {
				t = lowerASCII(t)
				if t != lowerASCII(c.b) {
					continue outer
				}
			} else if t != c.b {
				continue outer
			}
		}
		return true
	}
	return false
}

// allowRe is an allowlist regexp with a literal every match contains, so
// that most texts skip the regexp.
type allowRe struct {
	re   *regexp.Regexp
	lit  string // "" when there is none
	fold bool   // lit is lower case and compared ignoring case
}

func (a *allowRe) MatchString(s string) bool {
	if a.lit != "" {
		if a.fold {
			if !containsFold(s, a.lit) {
				return false
			}
		} else if !strings.Contains(s, a.lit) {
			return false
		}
	}
	return a.re.MatchString(s)
}

// requiredLiteral returns the longest ASCII literal that every match of
// re contains.
func requiredLiteral(re *syntax.Regexp) (string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		b := make([]byte, 0, len(re.Rune))
		fold := re.Flags&syntax.FoldCase != 0
		for _, r := range re.Rune {
			if r >= 0x80 {
				return "", false
			}
			c := byte(r)
			if fold {
				c = lowerASCII(c)
			}
			b = append(b, c)
		}
		return string(b), fold
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLiteral(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredLiteral(re.Sub[0])
		}
	case syntax.OpConcat:
		best, bestFold := "", false
		for _, s := range re.Sub {
			if l, f := requiredLiteral(s); len(l) > len(best) {
				best, bestFold = l, f
			}
		}
		return best, bestFold
	}
	return "", false
}
