package secrets

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// Options configure a Detector.
type Options struct {
	// Rules lists the rule ids to run; nil runs all of them. Unknown ids
	// make New panic (a configuration error).
	Rules []string
	// NoIdentifiers turns off the rules that report identifiers rather
	// than credentials (AWS account ids and ARNs, bucket names, OAuth
	// client ids, age recipients, usernames in app config) when Rules is
	// nil. They are on by default, score 0.3 and report category
	// "identifier", not "secret", so that a policy that blocks secrets
	// does not block them unless it chooses to.
	NoIdentifiers bool
	// MinEntropy is the Shannon entropy (bits per byte) a GENERIC_SECRET
	// value must exceed; password assignments use MinEntropy-1, since
	// people choose passwords. 0 means the default, 3.0.
	MinEntropy float64
}

// DefaultMinEntropy is the MinEntropy used when Options leave it 0.
const DefaultMinEntropy = 3.0

// categoryIdentifier is the finding category of identifier rules.
const categoryIdentifier = "identifier"

// Detector finds credentials in text. It is safe for concurrent use and
// keeps no text between calls.
type Detector struct {
	rules      []*rule
	trig       *triggers
	full       *acMatcher // every keyword, for dense text (see scanTriggers)
	kws        []string
	kwIdx      []int32 // keyword id -> start in kwRules; kwIdx[k+1] is the end
	kwRules    []kwRule
	minEntropy float64
	pool       sync.Pool
	byID       map[string]int // rule id -> index in rules, for scanners that report several types
	ix         struct{ password, generic, connPassword, urlCreds, discord, mailgun, pin, otp, backupCodes, seed, seedLoose, minio int }
	// providerPrefixes are case-sensitive literal prefixes (4+ bytes with
	// a separator, such as "hvs." or "xoxp-") of provider formats, with
	// the shortest match of any format that starts with them.
	providerPrefixes []providerPrefix
}

type providerPrefix struct {
	lit    string
	minLen int
}

// ruleIndex returns the index of rule id in d.rules, or -1 when disabled.
func (d *Detector) ruleIndex(id string) int {
	if i, ok := d.byID[id]; ok {
		return i
	}
	return -1
}

// kwRule links a keyword to a rule it triggers.
type kwRule struct {
	rule     int32
	anchored bool // matches start at the keyword: window [ks-1, ks+maxLen], prefix gate
}

// Name implements analysis.Detector.
func (d *Detector) Name() string { return "secrets" }

// New builds a detector. It compiles the rule set once per process and the
// keyword automaton once per detector, so build one and share it.
func New(opts Options) *Detector {
	compileAll()
	if compileErr != nil {
		panic(compileErr)
	}
	d := &Detector{minEntropy: opts.MinEntropy}
	if d.minEntropy == 0 {
		d.minEntropy = DefaultMinEntropy
	}
	if opts.Rules == nil {
		for _, r := range allRules {
			if r.def.Kind != kindIdentifier || !opts.NoIdentifiers {
				d.rules = append(d.rules, r)
			}
		}
	} else {
		byID := map[string]*rule{}
		for _, r := range allRules {
			byID[r.info.ID] = r
		}
		for _, id := range opts.Rules {
			r, ok := byID[id]
			if !ok {
				panic(fmt.Sprintf("secrets: unknown rule id %q", id))
			}
			d.rules = append(d.rules, r)
		}
	}
	d.byID = map[string]int{}
	for i, r := range d.rules {
		d.byID[r.info.ID] = i
	}
	d.ix.password = d.ruleIndex(idPassword)
	d.ix.generic = d.ruleIndex(idGeneric)
	d.ix.connPassword = d.ruleIndex(idConnPassword)
	d.ix.urlCreds = d.ruleIndex(idURLCreds)
	d.ix.discord = d.ruleIndex(idDiscordFormat)
	d.ix.mailgun = d.ruleIndex(idMailgunNear)
	d.ix.pin = d.ruleIndex(idPINCode)
	d.ix.otp = d.ruleIndex(idOneTimeCode)
	d.ix.backupCodes = d.ruleIndex("MFA_BACKUP_CODE")
	d.ix.seed = d.ruleIndex(idSeedPhrase)
	d.ix.seedLoose = d.ruleIndex(idSeedPhraseNamed)
	d.ix.minio = d.ruleIndex(idMinioAlias)
	prefixMin := map[string]int{}
	for _, r := range d.rules {
		if r.def.Kind != kindProvider || r.prefixes == nil {
			continue
		}
		for _, p := range r.prefixes {
			lit, sep := make([]byte, 0, len(p)), false
			for _, c := range p {
				if c.fold {
					break
				}
				lit = append(lit, c.b)
				if !isAlnum(c.b) {
					sep = true
				}
			}
			if len(lit) < 4 || !sep {
				continue
			}
			if m, ok := prefixMin[string(lit)]; !ok || r.minLen < m {
				prefixMin[string(lit)] = r.minLen
			}
		}
	}
	for lit, m := range prefixMin {
		d.providerPrefixes = append(d.providerPrefixes, providerPrefix{lit, m})
	}
	slices.SortFunc(d.providerPrefixes, func(a, b providerPrefix) int { return strings.Compare(a.lit, b.lit) })
	var kws []string
	kwID := map[string]int{}
	var links [][]kwRule
	var rulesOf [][]*rule
	var opShaped []bool
	for ri, r := range d.rules {
		anchoredRule := false
		for _, k := range r.def.Keywords {
			if r.anchoredFor(k) {
				anchoredRule = true
			}
		}
		for ki, k := range r.def.Keywords {
			anchored := r.anchoredFor(k)
			if anchoredRule && !anchored {
				// Every match starts with one of the rule's other
				// keywords: this one adds no trigger.
				continue
			}
			id, ok := kwID[k]
			if !ok {
				id = len(kws)
				kwID[k] = id
				kws = append(kws, k)
				links = append(links, nil)
				rulesOf = append(rulesOf, nil)
				opShaped = append(opShaped, true)
			}
			links[id] = append(links[id], kwRule{rule: int32(ri), anchored: anchored})
			rulesOf[id] = append(rulesOf[id], r)
			if !r.opShapedFor(ki) {
				opShaped[id] = false
			}
		}
	}
	trig, err := buildTriggers(kws, rulesOf, opShaped)
	if err != nil {
		panic(err)
	}
	d.trig = trig
	d.kws = kws
	if d.full, err = newACMatcher(kws); err != nil {
		panic(err)
	}
	d.kwIdx = make([]int32, len(kws)+1)
	for i, l := range links {
		d.kwIdx[i] = int32(len(d.kwRules))
		d.kwRules = append(d.kwRules, l...)
	}
	d.kwIdx[len(kws)] = int32(len(d.kwRules))
	n := len(d.rules)
	d.pool.New = func() any {
		return &scanState{pending: make([]window, n)}
	}
	return d
}

type window struct {
	start, end int
	active     bool
}

type span struct {
	rule       int32
	start, end int
}

// scanState is the per-call scratch space, pooled so that a scan of clean
// text allocates nothing.
type scanState struct {
	pending []window // per rule
	active  []int32  // rules with a pending window
	found   []span
	// last generic assignment key handled, so that two keywords in one
	// key ("secret_token") do not scan it twice
	lastKeyStart, lastKeyEnd int
	// end of the last key searched before an operator
	lastRegionEnd int
	// end of the last alphanumeric run checked for run keywords
	runEnd int
	// joinEnd is the end of the last token the join hook read.
	joinEnd int
	// the table row last read by tableCell: its start, and the password
	// column of its table (-1: none) and the delimiter
	tblLine  int
	seedEnd  int    // no wallet phrase starts before this (inside one found at a line start)
	tblCols  uint64 // the password columns of the table at tblLine (a bit a column)
	tblDelim byte
	checks   spanChecks
}

// spanChecks caches the checks of the last candidate span.
type spanChecks struct {
	s, e     int
	template bool
	fake     int8    // -1 unknown, 0 no, 1 yes
	global   int8    // gitleaks' global allowlist and stopwords: -1 unknown, 0 pass, 1 reject
	entropy  float64 // -1 unknown
}

func (st *scanState) add(ri int, start, end int) {
	if start < end {
		st.found = append(st.found, span{rule: int32(ri), start: start, end: end})
	}
}

// ctxCheckEvery is how many bytes are scanned between context checks.
const ctxCheckEvery = 1 << 18

// Scan implements analysis.Detector.
func (d *Detector) Scan(ctx context.Context, f *analysis.Field, r *analysis.Report) {
	text := f.Text
	if len(text) == 0 {
		return
	}
	st := d.pool.Get().(*scanState)
	st.active, st.found = st.active[:0], st.found[:0]
	st.lastKeyStart, st.lastKeyEnd = -1, -1
	st.lastRegionEnd = -1
	st.runEnd = 0
	st.joinEnd = 0
	st.tblLine = -1
	st.seedEnd = 0
	st.checks = spanChecks{s: -1}

	d.scanTriggers(ctx, st, text)
	for _, ri := range st.active {
		w := &st.pending[ri]
		if w.active {
			d.runRegex(st, text, int(ri), w.start, w.end)
			w.active = false
		}
	}
	d.report(st, f, r)
	d.pool.Put(st)
}

func (d *Detector) hit(st *scanState, text string, l kwRule, ks, ke int) {
	ri := int(l.rule)
	rl := d.rules[ri]
	if rl.def.Scan != nil {
		rl.def.Scan(d, st, text, ks, ke, ri)
		return
	}
	if rl.def.Gate != nil && !rl.def.Gate(text, ks, ke) {
		return
	}
	var ws, we int
	if l.anchored {
		if !rl.prefixAt(text, ks) {
			return
		}
		if rl.reAnch != nil {
			if rl.wordStart && ks > 0 && isWordByte(text[ks-1]) {
				return
			}
			d.runAnchored(st, text, ri, ks, min(len(text), ks+rl.maxLen+1))
			return
		}
		ws, we = ks-1, ks+rl.maxLen+1
	} else {
		ws, we = ks-rl.maxLen-1, ke+rl.maxLen+1
	}
	if ws < 0 {
		ws = 0
	}
	if we > len(text) {
		we = len(text)
	}
	w := &st.pending[ri]
	if w.active {
		if ws <= w.end {
			if we > w.end {
				w.end = we
			}
			if ws < w.start {
				w.start = ws
			}
			return
		}
		d.runRegex(st, text, ri, w.start, w.end)
	} else {
		w.active = true
		st.active = append(st.active, int32(ri))
	}
	w.start, w.end = ws, we
}

// runRegex runs rule ri's pattern over text[ws:we] and records accepted
// secrets.
func (d *Detector) runRegex(st *scanState, text string, ri int, ws, we int) {
	rl := d.rules[ri]
	win := text[ws:we]
	if !rl.re.MatchString(win) {
		return
	}
	for _, m := range rl.re.FindAllStringSubmatchIndex(win, -1) {
		d.acceptMatch(st, text, ri, ws, m)
	}
}

// acceptMatch takes the secret group of match m (offsets relative to ws)
// and records it if the rule's checks accept it.
func (d *Detector) acceptMatch(st *scanState, text string, ri int, ws int, m []int) {
	rl := d.rules[ri]
	win := text[ws:]
	{
		s, e := m[0], m[1]
		// gitleaks trims newlines off the match before taking the group.
		for e > s && win[e-1] == '\n' {
			e--
		}
		ms, me := s, e
		if rl.group > 0 {
			if 2*rl.group+1 >= len(m) || m[2*rl.group] < 0 {
				return
			}
			s, e = m[2*rl.group], m[2*rl.group+1]
		} else {
			for g := 1; 2*g+1 < len(m); g++ {
				if m[2*g] >= 0 && m[2*g+1] > m[2*g] {
					s, e = m[2*g], m[2*g+1]
					break
				}
			}
		}
		if e > me {
			e = me
		}
		if s >= e {
			return
		}
		if !d.accept(st, rl, text, ws+ms, ws+me, ws+s, ws+e) {
			return
		}
		st.add(ri, ws+s, ws+e)
	}
}

// runAnchored tries rule ri's anchored pattern at text[ks:we].
func (d *Detector) runAnchored(st *scanState, text string, ri int, ks, we int) {
	rl := d.rules[ri]
	if rl.tok != nil {
		ms, me, cs, ce, ok, sure := rl.tok.match(text, ks)
		if sure {
			if ok {
				m := [4]int{0, me - ks, cs - ks, ce - ks}
				d.acceptMatch(st, text, ri, ks, m[:])
			}
			return
		}
		_ = ms
	}
	win := text[ks:we]
	m := rl.reAnch.FindStringSubmatchIndex(win)
	if m == nil {
		return
	}
	d.acceptMatch(st, text, ri, ks, m)
}

func isWordByte(b byte) bool { return byteClass[b]&clWord != 0 }

// accept applies entropy, allowlists, stopwords and the rule's validator.
func (d *Detector) accept(st *scanState, rl *rule, text string, ms, me, s, e int) bool {
	secret := text[s:e]
	// Several rules often match one token: the checks that depend on the
	// token alone are made once per span.
	c := &st.checks
	if c.s != s || c.e != e {
		*c = spanChecks{s: s, e: e, template: isTemplate(secret), fake: -1, global: -1, entropy: -1}
	}
	if c.template {
		return false
	}
	if rl.category != categoryIdentifier && publicByDesign(text, s, e) {
		return false // reported by an identifier rule (public.go)
	}
	if rl.loose {
		if c.fake < 0 {
			c.fake = 0
			if obviousFake(secret) {
				c.fake = 1
			}
		}
		if c.fake == 1 {
			return false
		}
	}
	if rl.def.Entropy != 0 {
		if c.entropy < 0 {
			c.entropy = shannon(secret)
		}
		if c.entropy <= rl.def.Entropy {
			return false
		}
	}
	if rl.gitleaks && !rl.def.NoGlobal {
		if c.global < 0 {
			c.global = 0
			if globalAllowed(secret) { // includes the global stopwords
				c.global = 1
			}
		}
		if c.global == 1 {
			return false
		}
	}
	for i := range rl.allow {
		if rl.allow[i].MatchString(secret) {
			return false
		}
	}
	for i := range rl.allowMatch {
		if rl.allowMatch[i].MatchString(text[ms:me]) {
			return false
		}
	}
	if len(rl.allowLine) > 0 {
		ls, le := lineBounds(text, ms, me)
		for i := range rl.allowLine {
			if rl.allowLine[i].MatchString(text[ls:le]) {
				return false
			}
		}
	}
	for _, w := range rl.stop {
		if containsFold(secret, w) {
			return false
		}
	}
	if rl.def.Validate != nil && !rl.def.Validate(secret) {
		return false
	}
	return true
}

func lineBounds(text string, s, e int) (int, int) {
	ls := strings.LastIndexByte(text[:s], '\n') + 1
	le := strings.IndexByte(text[e:], '\n')
	if le < 0 {
		le = len(text)
	} else {
		le += e
	}
	return ls, le
}

// Bounds of repeats: the found values it looks for, and the other
// occurrences it adds for each.
const (
	maxRepeatValues = 32
	maxRepeatsEach  = 8
	minRepeatLen    = 6
	repeatReach     = 4 << 10 // bytes looked at on each side of a found value
)

// repeats adds every other occurrence of a found value in the text, found
// or not: a password dictated twice ("7 1 2 1, je répète 7 1 2 1"), a key
// pasted in a command and again in its output. A redaction that hid one
// copy and left the other would leak it. Only values of six bytes or more
// are looked for, as whole tokens (no letter or digit glued on), within
// repeatReach bytes of the found one, so that a long text with many
// findings is not searched once per finding.
func repeats(st *scanState, text string) {
	n := min(len(st.found), maxRepeatValues)
	for i := 0; i < n; i++ {
		a := st.found[i]
		v := text[a.start:a.end]
		if len(v) < minRepeatLen {
			continue
		}
		seen := false
		for j := 0; j < i; j++ {
			if b := st.found[j]; b.end-b.start == len(v) && text[b.start:b.end] == v {
				seen = true
				break
			}
		}
		if seen {
			continue
		}
		lo, hi := max(0, a.start-repeatReach), min(len(text), a.end+repeatReach)
		for from, k := lo, 0; k < maxRepeatsEach; {
			x := strings.Index(text[from:hi], v)
			if x < 0 {
				break
			}
			s, e := from+x, from+x+len(v)
			from = s + 1
			if s < a.end && e > a.start {
				continue // the found value itself
			}
			if s > 0 && isAlnum(text[s-1]) && isAlnum(v[0]) || e < len(text) && isAlnum(text[e]) && isAlnum(v[len(v)-1]) {
				continue // part of a longer token
			}
			st.found = append(st.found, span{rule: a.rule, start: s, end: e})
			k++
		}
	}
}

// report resolves overlaps and hands the findings to the report: exact
// duplicates are dropped, and a generic finding that overlaps a provider
// or identifier finding gives way to it.
func (d *Detector) report(st *scanState, f *analysis.Field, r *analysis.Report) {
	if len(st.found) == 0 {
		return
	}
	repeats(st, f.Text)
	fs := st.found
	slices.SortFunc(fs, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return b.end - a.end
		}
		return int(a.rule) - int(b.rule)
	})
	for i := range fs {
		a := &fs[i]
		if a.rule < 0 {
			continue
		}
		for j := i + 1; j < len(fs) && fs[j].start < a.end; j++ {
			b := &fs[j]
			if b.rule < 0 {
				continue
			}
			ra, rb := d.rules[a.rule], d.rules[b.rule]
			ga, gb := ra.def.Kind == kindGeneric, rb.def.Kind == kindGeneric
			switch {
			case ga && !gb:
				a.rule = -1
			case gb && !ga:
				b.rule = -1
			case ga && gb:
				b.rule = -1 // keep the earlier, longer one
			case a.start == b.start && a.end == b.end:
				// One span, two formats: keep the more specific (higher
				// score, then earlier rule).
				if rb.score > ra.score {
					a.rule = -1
				} else {
					b.rule = -1
				}
			}
			if a.rule < 0 {
				break
			}
		}
	}
	for _, a := range fs {
		if a.rule < 0 {
			continue
		}
		rl := d.rules[a.rule]
		r.AddFinding("secrets", rl.category, rl.info.Type, f, a.start, a.end, rl.score)
	}
}
