package scope

import (
	"strings"

	"github.com/parapet-dev/parapet/engine/detectors/names"
)

// term is one content word of a restricted topic.
type term struct {
	low, stem string
	weight    int  // 2 for a specific word, 1 for a common one (names.IsCommonWord)
	sub       bool // matched as a substring (a word of a script without spaces)
	exact     bool // only the same stem matches ("script" is not "scripture")
}

// topic is one thing a system prompt forbids: "quantum physics", "baking
// a cake", "politics". A text touches it when it has words worth at
// least half the topic's weight (see match).
type topic struct {
	terms []term
	total int
	all   bool // every term must match (a family's phrase), not half the weight
	named bool // named by the prompt itself, not a family's word or an alias
	label int  // the restriction (or the policy's topic) it came from: one finding each
}

func (t *topic) key() string {
	var b strings.Builder
	if t.all {
		b.WriteString("all:")
	}
	for i, x := range t.terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x.stem)
	}
	return b.String()
}

// Active cues put the topic after them ("do not discuss X", "never give
// advice on X", "avoid X", "refuse to talk about X"); passive cues put it
// before them when there is one ("recipes are not allowed", "pricing is
// off-limits", "X is out of scope"), else after ("you are not allowed to
// discuss X").
var activeCue = set("not", "don't", "dont", "doesn't", "shouldn't", "mustn't", "can't", "cannot", "won't",
	"never", "avoid", "avoiding", "refrain", "refuse", "decline", "nor")

var passiveCue = set("allowed", "permitted", "prohibited", "forbidden", "banned", "limits", "scope", "restricted")

// styleVerb begins a directive about how to answer rather than what
// about.
var styleVerb = set("be", "use", "exceed", "repeat", "apologize", "apologise", "start", "begin", "sign", "break",
	"change", "forget", "ignore", "switch", "format")

// stopAfter ends a topic phrase: the reason or condition that follows it
// ("… to maintain focus", "… because", "… that are more suited for …").
var stopAfter = set("because", "since", "unless", "except", "without", "which", "that", "whose", "so", "if", "when", "while",
	"even", "otherwise", "instead", "no", "under", "at", "with", "to", "for", "as", "in")

// stopAfterNext lists, for a stop word that often also begins a topic's
// own phrase, the words after it that mark a reason instead: "to maintain",
// "for safety", "in all cases", "as it …". Without one of them the word
// is part of the topic ("code in Python", "talk about to-do apps").
var stopAfterNext = map[string]map[string]bool{
	"to":    set("maintain", "avoid", "ensure", "keep", "protect", "prevent", "comply", "focus", "stay", "remain", "anyone", "the", "users", "user", "others", "customers", "anybody", "third", "outsiders", "people", "children", "kids", "students", "minors"),
	"for":   set("safety", "legal", "ethical", "privacy", "compliance", "security", "liability", "any", "reasons", "the", "our", "all"),
	"as":    set("it", "they", "this", "these", "that", "you", "we", "our", "those", "such", "doing"),
	"in":    set("all", "any", "order", "case", "cases", "this", "your", "the", "our", "public", "writing", "detail", "depth", "responses", "response", "answers", "conversations", "conversation", "chat"),
	"at":    set("all", "any"),
	"with":  set("anyone", "users", "customers", "others", "people", "anybody", "third", "students", "minors", "children", "kids", "them"),
	"no":    set("matter"),
	"under": set("any", "no"),
	"even":  set("if", "when", "though"),
	"so":    set("that", "as"),
	"that":  set("are", "is", "could", "might", "may", "would", "can", "will", "should", "were", "was", "might", "involve", "involves", "contain", "contains", "include", "includes", "require", "requires", "go", "goes"),
}

// alternative separators split a phrase into topics: "politics or
// religion", "sports, movies and music", "technical topics like AI".
var altSep = set("or", "and", "nor", "like", "including", "include", "includes", "especially", "particularly", "namely", "eg", "e", "g", "etc", "such", "plus", "also", "either", "neither", "versus", "vs")

// generic words carry no topic of their own: the verbs of the directive,
// quantifiers, and nouns like "topic", "information", "advice".
var generic = set(
	"a", "an", "the", "any", "all", "some", "this", "that", "these", "those", "it", "its", "them", "they", "their",
	"you", "your", "yours", "yourself", "we", "our", "us", "i", "me", "my", "he", "she", "his", "her", "him",
	"user", "users", "customer", "customers", "people", "person", "anyone", "anybody", "someone", "one",
	"to", "of", "on", "in", "at", "for", "with", "about", "regarding", "related", "relating", "concerning", "around",
	"into", "from", "by", "over", "than", "then", "there", "here", "what", "how", "when", "where", "why", "who", "whom", "which",
	"topic", "topics", "subject", "subjects", "matter", "matters", "issue", "issues", "question", "questions", "query", "queries",
	"information", "info", "details", "detail", "detailed", "discussion", "discussions", "discuss", "discussing", "discussed",
	"talk", "talking", "talks", "speak", "speaking", "mention", "mentioning", "comment", "commenting", "chat", "chatting",
	"share", "sharing", "provide", "providing", "give", "giving", "offer", "offering", "help", "helping", "assist", "assisting", "assistance",
	"answer", "answering", "answers", "respond", "responding", "reply", "replying", "engage", "engaging", "entertain",
	"reveal", "revealing", "disclose", "disclosing", "divulge", "tell", "telling", "explain", "explaining", "describe", "describing",
	"generate", "generating", "write", "writing", "create", "creating", "produce", "producing", "make", "making", "do", "doing",
	"task", "tasks", "instruction", "instructions", "guidance", "advice", "advise", "advising", "recommendation", "recommendations",
	"suggestion", "suggestions", "opinion", "opinions", "views", "view", "thoughts", "content", "contents", "anything", "something",
	"things", "thing", "stuff", "kind", "kinds", "type", "types", "sort", "sorts", "area", "areas", "field", "fields", "aspect", "aspects",
	"depth", "deep", "heavily", "heavy", "complex", "complicated", "technical", "controversial", "heated", "sensitive", "specific",
	"general", "other", "others", "else", "more", "most", "very", "really", "please", "always", "ever", "never", "not", "no",
	"be", "is", "are", "was", "were", "been", "being", "am", "can", "could", "should", "would", "will", "shall", "must", "may", "might",
	"do", "does", "did", "don't", "dont", "under", "circumstances", "circumstance", "case", "cases", "costs", "whatsoever", "whatever",
	"programmed", "designed", "allowed", "permitted", "able", "supposed", "meant", "want", "wants", "need", "needs", "way", "ways",
	"manner", "form", "forms", "using", "use", "engage", "get", "go", "let", "keep", "try", "attempt", "directly", "indirectly",
	"strictly", "absolutely", "consciously", "explicitly", "specifically", "completely", "entirely", "ever", "even", "just", "only",
	"own", "new", "certain", "various", "related", "pertaining", "involving", "involve", "including", "etc", "such", "like",
	"events", "event", "stories", "story", "examples", "example", "facts", "knowledge", "data", "material", "materials", "requests", "request",
	"limits", "scope", "prohibited", "forbidden", "banned", "restricted", "refuse", "refrain", "decline", "avoid", "avoiding",
	"private", "personal", "confidential", "given", "prompt", "system", "conversation", "conversations", "chatbot", "bot", "assistant",
	"off", "out", "away", "clear", "stay", "steer", "circumstances", "times", "time", "situation", "situations",
	"politely", "kindly", "gently", "firmly", "respectfully", "simply", "instead", "anymore", "further",
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "than", "less", "fewer",
	"word", "words", "sentence", "sentences", "paragraph", "paragraphs", "line", "lines", "characters",
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// aliases are the other name of a topic that the stems cannot find.
var aliases = map[string][]string{
	"artificial intelligence":     {"ai"},
	"ai":                          {"artificial intelligence"},
	"machine learning":            {"ml"},
	"ml":                          {"machine learning"},
	"large language model":        {"llm"},
	"llm":                         {"large language model"},
	"cryptocurrency":              {"crypto"},
	"crypto":                      {"cryptocurrency"},
	"television":                  {"tv"},
	"tv":                          {"television"},
	"virtual reality":             {"vr"},
	"natural language processing": {"nlp"},
}

// cueHint is a cheap test that a system prompt may restrict a topic at
// all, before it is tokenised: every cue contains one of these (ASCII,
// any case).
var cueHints = []string{"not", "n't", "never", "avoid", "refrain", "refuse", "decline", "allowed", "permitted",
	"nunca", "jamás", "evit", "ne ", "jamais", "évit", "nicht", "kein", "nie", "vermeid", "mai", "non ", "não", "nao",
	"prohib", "interdit", "verboten", "untersagt", "vietat", "proibid", "erlaubt", "permis", "consentito",
	"不要", "禁止", "不得", "请勿", "避免", "不讨论", "不谈论", "不提供", "ない", "控え", "お断り", "避け",
	"prohibit", "forbid", "banned", "limits", "scope", "restricted", "circumstances", "away", "clear", "no", "except", "excluding", "besides"}

func mayRestrict(s string) bool {
	for _, h := range cueHints {
		if containsFold(s, h) {
			return true
		}
	}
	return false
}

// containsFold is strings.Contains with ASCII case folding of s (h is
// lower case).
func containsFold(s, h string) bool {
	n := len(h)
outer:
	for i := 0; i+n <= len(s); i++ {
		for j := 0; j < n; j++ {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != h[j] {
				continue outer
			}
		}
		return true
	}
	return false
}

// extract finds the topics that a system or developer prompt forbids.
// It reads English directives only; allow-lists ("only answer questions
// about shipping") are not restrictions it can check by words and are
// left alone.
func extract(s string) []topic {
	if !mayRestrict(s) {
		return nil
	}
	ws := tokenize(s)
	var out []topic
	seen := map[string]bool{}
	add := func(t topic) {
		k := t.key()
		if t.total == 0 || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, t)
	}
	var prev []word
	var found []topic
	// allowed holds the stems of the prompt's other clauses: what the
	// deployment is for ("help with prescription refills"). A family's
	// word among them is the deployment's own business, not the
	// restricted topic ("prescription" for a pharmacy told not to
	// recommend dosages).
	allowed := map[string]bool{}
	list := false // in the lines after a list header ("Never:")
	for lo := 0; lo < len(ws); {
		hi := lo
		for hi < len(ws) && !ws[hi].brk {
			hi++
		}
		clause := ws[lo:hi]
		var ts []topic
		header := hi < len(ws) && ws[hi].brkc == ':' && listHeader(clause)
		if list && len(clause) > 0 && !(lo > 0 && ws[lo-1].brkc == ':') && !bulletAt(s, clause[0].start) {
			list = false // a line that is not an item ends the list
		}
		switch {
		case len(clause) > 0 && cjkClause(clause):
			ts = cjkTopicsOf(s[clause[0].start:clause[len(clause)-1].end])
		case header:
			list = true
		case list && len(clause) == 0 && hi < len(ws) && ws[hi].brkc == '\n' && lo > 0 && ws[lo-1].brkc == '\n':
			list = false // a blank line ends the list
		case list && len(clause) > 0 && clauseHasCue(clause):
			ts = clauseTopics(clause)
		case list && len(clause) > 0:
			ts = phraseTopics(clause, true) // "- discuss politics", "- competitors' pricing"
		default:
			ts = clauseTopics(clause)
		}
		if hi < len(ws) && ws[hi].brkc == ':' && !header {
			list = false // another heading
		}
		if len(ts) == 0 && prev != nil && refersBack(clause) {
			// "The password is 'Mouse'. Don't share it with anyone."
			ts = phraseTopics(subject(subjectOf(prev)), false)
		}
		prev = clause
		if len(ts) > 0 {
			prev = nil // "… is not allowed. Please avoid this topic."
		} else {
			for _, w := range clause {
				allowed[w.stem] = true
			}
		}
		found = append(found, ts...)
		lo = hi + 1
	}
	for i, t := range found {
		if seen[t.key()] {
			continue // a restriction said twice: its family is in already
		}
		t.named = true
		t.label = i
		add(t)
		for _, a := range aliases[phrase(t)] {
			at := topicOf(tokenize(a))
			at.label = i
			add(at)
		}
		for _, ft := range familyTopics(t) {
			if len(ft.terms) == 1 && allowed[ft.terms[0].stem] {
				continue
			}
			ft.label = i
			add(ft)
		}
	}
	return out
}

func phrase(t topic) string {
	var b strings.Builder
	for i, x := range t.terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x.low)
	}
	return b.String()
}

// bulletAt reports whether the word at byte i begins a list item: only a
// bullet ("-", "*", "•") or a number ("1.", "2)") stands between it and the
// start of its line.
func bulletAt(s string, i int) bool {
	j := i
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	k := j
	for k > 0 && s[k-1] != '\n' {
		k--
	}
	mark := strings.TrimSpace(s[k:j])
	switch {
	case mark == "-" || mark == "*" || mark == "•" || mark == "–" || mark == "·":
		return true
	case len(mark) >= 2 && (mark[len(mark)-1] == '.' || mark[len(mark)-1] == ')'):
		for _, c := range mark[:len(mark)-1] {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	return false
}

// cjkClause reports a clause written in Chinese or Japanese.
func cjkClause(c []word) bool {
	for _, w := range c {
		if hasNoSpaces(w.low) {
			return true
		}
	}
	return false
}

// cjkTopicsOf makes topics of cjkTopics' phrases: each is matched as a
// substring of the text.
func cjkTopicsOf(clause string) []topic {
	var out []topic
	for _, t := range cjkTopics(clause) {
		out = append(out, topic{terms: []term{{low: t, stem: t, weight: 1, sub: true, exact: true}}, total: 1})
	}
	return out
}

// clauseHasCue reports whether clauseTopics would find a directive.
func clauseHasCue(c []word) bool {
	for _, w := range c {
		if activeCue[w.low] || w.low == "circumstances" {
			return true
		}
	}
	return len(c) > 0 && c[0].low == "no"
}

// anythingBefore reports an "anything" or "everything" (or "any topic")
// before an exception.
func anythingBefore(c []word) bool {
	for i, w := range c {
		if w.low == "anything" || w.low == "everything" || w.low == "any" && i+1 < len(c) && (c[i+1].low == "topic" || c[i+1].low == "question" || c[i+1].low == "subject") {
			return true
		}
	}
	return false
}

// listHeader reports a clause that introduces a list of forbidden topics
// on the lines that follow: "Never:", "Do not discuss:", "Forbidden
// topics:", "Off-limits:". It has a cue and nothing but cues and generic
// words.
func listHeader(c []word) bool {
	cue := false
	for _, w := range c {
		switch {
		case activeCue[w.low] || passiveCue[w.low] || w.low == "no" || w.low == "off" || w.low == "out" || w.low == "limits":
			cue = true
		case generic[w.low] || w.low == "rules" || w.low == "restrictions" || w.low == "following" || w.low == "below":
		default:
			return false
		}
	}
	return cue
}

// clauseTopics reads one clause (no breaks inside).
func clauseTopics(c []word) []topic {
	if len(c) > 0 && (c[0].low == "if" || c[0].low == "when" || c[0].low == "unless") {
		return nil // a condition ("If a question is not about shipping, …")
	}
	cue := -1
	for i := range c {
		l := c[i].low
		if i > 0 && c[i-1].low == "to" && (i == 1 || c[i-2].comma) {
			continue // "to avoid legal risk, …" is a reason, not a directive
		}
		if l == "circumstances" && i > 0 && c[i-1].low == "no" {
			cue = i // "under no circumstances should you …"
			break
		}
		if l == "no" && i == 0 && len(c) > 1 {
			cue = i // a rule in a list: "No politics.", "- No medical advice"
			break
		}
		if (l == "except" || l == "excluding" || l == "besides") && anythingBefore(c[:i]) {
			cue = i // "You can discuss anything about our fleet except upcoming route changes"
			break
		}
		if l == "non" && i+1 < len(c) && italianNon(c[i+1].low) {
			cue = i // "non parlare di politica"
			break
		}
		if activeCue[l] || passiveCue[l] && i > 0 && passiveBefore[c[i-1].low] {
			cue = i
			break
		}
		if l == "away" && i > 0 && c[i-1].low == "stay" || l == "clear" && i > 0 && c[i-1].low == "steer" {
			cue = i
			break
		}
	}
	if cue < 0 {
		return nil
	}
	// A rule about the answer's style, not a topic: "don't be rude",
	// "never use more than three sentences", "do not exceed 100 words".
	for i := cue + 1; i < len(c); i++ {
		l := c[i].low
		if l == "you" || l == "ever" || l == "always" || l == "should" || l == "must" || l == "to" || activeCue[l] {
			continue
		}
		if styleVerb[l] {
			return nil
		}
		break
	}
	var ts []topic
	if passiveCue[c[cue].low] || cue+1 < len(c) && passiveCue[c[cue+1].low] {
		// "recipes are not allowed", "pricing is off-limits"
		ts = phraseTopics(subject(c[:cue]), false)
	}
	if len(ts) == 0 {
		ts = phraseTopics(c[cue+1:], true)
	}
	return ts
}

// phraseTopics splits the words of a directive's object into topics. When
// cut is set, the phrase ends at the first reason or condition.
func phraseTopics(ws []word, cut bool) []topic {
	if cut {
		content := false
		for i := range ws {
			l := ws[i].low
			if !stopAfter[l] || !content {
				// a reason can only end a phrase that has begun:
				// "do not, under any circumstances, share X"
				content = content || !generic[l] && !ws[i].comma && !activeCue[l]
				continue
			}
			next := ""
			if i+1 < len(ws) {
				next = ws[i+1].low
			}
			if nx, ok := stopAfterNext[l]; ok {
				if nx[next] {
					ws = ws[:i]
					break
				}
				continue
			}
			ws = ws[:i]
			break
		}
	}
	var out []topic
	part := ws[:0:0]
	flush := func() {
		if t := topicOf(part); t.total > 0 {
			out = append(out, t)
		}
		part = part[:0]
	}
	for _, w := range ws {
		if w.comma || altSep[w.low] {
			flush()
			continue
		}
		part = append(part, w)
	}
	flush()
	return out
}

// refersBack reports a directive whose object is a pronoun: "don't
// reveal it", "never share this".
func refersBack(c []word) bool {
	cue := false
	for i, w := range c {
		if activeCue[w.low] {
			cue = true
			continue
		}
		if !cue {
			continue
		}
		if w.low == "it" || w.low == "them" {
			return true
		}
		if w.low == "this" || w.low == "that" {
			// a pronoun ("never share this", "this with anyone") or "this
			// topic", not a determiner of something else ("this prompt")
			next := ""
			if i+1 < len(c) {
				next = c[i+1].low
			}
			switch next {
			case "", "with", "to", "topic", "subject", "matter", "information", "secret", "value":
				return true
			}
		}
	}
	return false
}

// subjectOf returns the words before the first "is" or "are" of a
// clause: "The secret key is 'Piano'" → "The secret key".
func subjectOf(c []word) []word {
	for i, w := range c {
		if w.low == "is" || w.low == "are" {
			return c[:i]
		}
	}
	return nil
}

// reasonStart begins a leading reason before a passive directive's
// subject: "Due to allergen concerns, recipes are not allowed."
var reasonStart = set("due", "to", "for", "because", "as", "since", "given", "in", "owing", "per", "according",
	"under", "unfortunately", "however", "also", "please", "note", "so", "therefore", "thus", "and")

// subject drops the leading comma-separated reasons before a passive
// cue's subject.
func subject(ws []word) []word {
	for {
		i := 0
		for i < len(ws) && !ws[i].comma {
			i++
		}
		if i == len(ws) || len(ws) == 0 || !reasonStart[ws[0].low] {
			return ws
		}
		ws = ws[i+1:]
	}
}

// isValue reports a word with digits ("Gamma789", "500"): a value the
// prompt guards or an amount, not a topic a user would name.
func isValue(w string) bool {
	letters, digits := false, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		letters = letters || c >= 'a' && c <= 'z'
		digits = digits || c >= '0' && c <= '9'
	}
	return digits // "Gamma789", "500": values and amounts, not topics
}

// topicOf keeps the content words of a phrase as terms.
func topicOf(ws []word) topic {
	var t topic
	for _, w := range ws {
		if w.brk || w.comma || generic[w.low] || activeCue[w.low] || len(w.low) < 2 {
			continue
		}
		if len(w.low) == 2 && !w.caps && aliases[w.low] == nil || isValue(w.low) {
			continue
		}
		wt := 2
		if names.IsCommonWord(w.low) || names.IsCommonWord(w.stem) {
			wt = 1 // "baking" is as common as "bake"
		}
		t.terms = append(t.terms, term{low: w.low, stem: w.stem, weight: wt})
		t.total += wt
	}
	return t
}

// policyTopics reads the topics a policy names (config.scope.topics:
// "politics", "medical advice", "competitors' pricing"): each is a topic
// phrase as in a directive's object, with its aliases and family words;
// label is the index of the policy's topic.
func policyTopics(names []string) []topic {
	var out []topic
	seen := map[string]bool{}
	add := func(t topic, label int) {
		k := t.key()
		if t.total == 0 || seen[k] {
			return
		}
		seen[k] = true
		t.label = label
		out = append(out, t)
	}
	for i, n := range names {
		for _, t := range phraseTopics(tokenize(n), false) {
			if seen[t.key()] {
				continue
			}
			t.named = true
			add(t, i)
			for _, a := range aliases[phrase(t)] {
				add(topicOf(tokenize(a)), i)
			}
			for _, ft := range familyTopics(t) {
				add(ft, i)
			}
		}
	}
	return out
}
