// Package evaluate scores detectors on labelled corpora in the format of
// the project's public dev corpora (JSON Lines; see docs/detection.md):
// injection (attack vs benign), PII (typed spans) and secrets (secret vs
// near miss). It backs `parapet eval`; the metrics are plain counts so that
// anyone can recompute them.
package evaluate

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// Metrics are confusion counts and the rates derived from them. For a
// group that holds only benign rows, only FP/TN (and FPR) mean anything;
// for one that holds only attacks, only TP/FN (and TPR).
type Metrics struct {
	TP, FP, TN, FN int
	TPR            float64 `json:"tpr"`
	FPR            float64 `json:"fpr"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	N              int     `json:"n"`
}

func (m *Metrics) finish() {
	m.N = m.TP + m.FP + m.TN + m.FN
	m.TPR = ratio(m.TP, m.TP+m.FN)
	m.Recall = m.TPR
	m.FPR = ratio(m.FP, m.FP+m.TN)
	m.Precision = ratio(m.TP, m.TP+m.FP)
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Progress is told how many rows are done of how many.
type Progress func(done, total int)

// readLines reads a JSON Lines file into raw rows, naming the line of any
// row that is not JSON.
func readLines(r io.Reader) ([]json.RawMessage, error) {
	var rows []json.RawMessage
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		if !json.Valid(b) {
			return nil, fmt.Errorf("line %d: not valid JSON", line)
		}
		rows = append(rows, append(json.RawMessage(nil), b...))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return rows, nil
}

// InjectionRow is one row of an injection corpus.
type InjectionRow struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Label   string `json:"label"` // injection | jailbreak | benign
	Subtype string `json:"subtype"`
	// SystemPrompt is the system prompt the row was written against, when
	// the corpus has one (CyberSecEval's rows do). It is read only when
	// InjectionOptions.Context is set.
	SystemPrompt string `json:"system_prompt"`
}

// InjectionReport scores attack detection: injection and jailbreak rows
// together are the positives.
type InjectionReport struct {
	Split     string  `json:"split"`
	Threshold float64 `json:"threshold"`
	// Context says whether rows with a system prompt were also judged
	// against it (InjectionOptions.Context); ContextRows counts the rows
	// that have one, ContextOnly those that only that judgement flagged.
	Context     bool                `json:"context"`
	ContextRows int                 `json:"context_rows,omitempty"`
	ContextOnly int                 `json:"context_only,omitempty"`
	Overall     Metrics             `json:"overall"`
	ByLabel     map[string]*Metrics `json:"by_label"`
	BySubtype   map[string]*Metrics `json:"by_subtype"`
	Errors      []RowError          `json:"errors,omitempty"`
}

// InjectionOptions select rows and the threshold.
type InjectionOptions struct {
	Threshold float64
	// Split, when not empty, keeps only rows for which SplitOf(id)
	// returns it.
	Split    string
	SplitOf  func(id string) string
	Progress Progress
	// Context, when set, also flags a row that has a system prompt when
	// Context(systemPrompt, text) is true: the text asks for what its
	// system prompt rules out (the scope detector).
	Context func(systemPrompt, text string) bool
	// Errors lists every missed attack and flagged benign row (id,
	// subtype as the type, and score) in the report.
	Errors bool
}

// SubtypeFamily is the part of a subtype before its first colon:
// "cyber_frr:Discovery" → "cyber_frr".
func SubtypeFamily(s string) string {
	if i := strings.IndexByte(s, ':'); i >= 0 {
		return s[:i]
	}
	return s
}

// Injection scores rows with score and reports TPR/FPR/precision/F1
// overall, per label and per subtype family.
func Injection(r io.Reader, score func(text string) float64, opts InjectionOptions) (*InjectionReport, error) {
	raw, err := readLines(r)
	if err != nil {
		return nil, err
	}
	var rows []InjectionRow
	for i, b := range raw {
		var row InjectionRow
		if err := json.Unmarshal(b, &row); err != nil {
			return nil, fmt.Errorf("row %d: %w", i+1, err)
		}
		switch row.Label {
		case "injection", "jailbreak", "benign":
		default:
			return nil, fmt.Errorf("row %d (%s): label %q is not injection, jailbreak or benign", i+1, row.ID, row.Label)
		}
		if opts.Split != "" && opts.SplitOf != nil && opts.SplitOf(row.ID) != opts.Split {
			continue
		}
		rows = append(rows, row)
	}
	rep := &InjectionReport{Split: opts.Split, Threshold: opts.Threshold, Context: opts.Context != nil, ByLabel: map[string]*Metrics{}, BySubtype: map[string]*Metrics{}}
	if rep.Split == "" {
		rep.Split = "all"
	}
	for i, row := range rows {
		attack := row.Label != "benign"
		sc := score(row.Text)
		flagged := sc >= opts.Threshold
		if row.SystemPrompt != "" {
			rep.ContextRows++
		}
		if opts.Context != nil && row.SystemPrompt != "" {
			if !flagged && opts.Context(row.SystemPrompt, row.Text) {
				flagged = true
				rep.ContextOnly++
			}
		}
		if opts.Errors && attack != flagged {
			kind := "missed"
			if flagged {
				kind = "flagged"
			}
			rep.Errors = append(rep.Errors, RowError{ID: row.ID, Kind: kind, Type: row.Subtype, Score: math.Round(sc*1e4) / 1e4})
		}
		for _, m := range []*Metrics{&rep.Overall, group(rep.ByLabel, row.Label), group(rep.BySubtype, SubtypeFamily(row.Subtype))} {
			switch {
			case attack && flagged:
				m.TP++
			case attack:
				m.FN++
			case flagged:
				m.FP++
			default:
				m.TN++
			}
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(rows))
		}
	}
	rep.Overall.finish()
	for _, m := range rep.ByLabel {
		m.finish()
	}
	for _, m := range rep.BySubtype {
		m.finish()
	}
	return rep, nil
}

func group(m map[string]*Metrics, k string) *Metrics {
	g := m[k]
	if g == nil {
		g = &Metrics{}
		m[k] = g
	}
	return g
}

// Span is a labelled or found entity, in code points.
type Span struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func overlaps(a, b Span) bool { return a.Start < b.End && b.Start < a.End }

// RowError is one mistake on one row, listed when the options ask for
// errors (parapet eval --errors): a labelled span or row the detectors
// missed ("missed"), a span they found that no label has ("false"), or a
// negative row they flagged ("flagged"). Value is the text of the span
// (code-point offsets, end exclusive), when there is one.
type RowError struct {
	ID    string  `json:"id"`
	Kind  string  `json:"kind"`
	Type  string  `json:"type,omitempty"`
	Start int     `json:"start,omitempty"`
	End   int     `json:"end,omitempty"`
	Value string  `json:"value,omitempty"`
	Score float64 `json:"score,omitempty"`
}

// spanText is text[start:end] in code points (empty when out of range).
func spanText(runes []rune, start, end int) string {
	if start < 0 || end > len(runes) || start >= end {
		return ""
	}
	return string(runes[start:end])
}

// PIIRow is one row of a PII corpus.
type PIIRow struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Entities []Span `json:"entities"`
	// AnnotatedTypes, when present, lists the only types the row's
	// annotations are complete for.
	AnnotatedTypes []string `json:"annotated_types"`
}

// GoldTypeMap maps corpus type names to Parapet's: the dev corpus uses
// Presidio's names, where a city or country is GPE and a bare domain is
// DOMAIN_NAME.
var GoldTypeMap = map[string]string{"GPE": "LOCATION", "DOMAIN_NAME": "URL"}

// IgnoredGoldTypes are corpus types that are not personal data for most
// policies and that Parapet does not detect by design.
var IgnoredGoldTypes = map[string]bool{"ORGANIZATION": true, "TITLE": true, "NRP": true}

// PIIReport is span-level precision, recall and F1 per type and
// micro-averaged over all types. A found span counts as correct when it
// overlaps a labelled span of the same type.
type PIIReport struct {
	Rows   int                    `json:"rows"`
	ByType map[string]*SpanScores `json:"by_type"`
	Micro  SpanScores             `json:"micro"`
	Errors []RowError             `json:"errors,omitempty"`
}

// SpanScores count spans: Found of which Correct overlap a labelled span
// of the same type; Gold of which Matched are overlapped by a found span
// of the same type.
type SpanScores struct {
	Found     int     `json:"found"`
	Correct   int     `json:"correct"`
	Gold      int     `json:"gold"`
	Matched   int     `json:"matched"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (s *SpanScores) finish() {
	s.Precision = ratio(s.Correct, s.Found)
	s.Recall = ratio(s.Matched, s.Gold)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

func spanGroup(m map[string]*SpanScores, k string) *SpanScores {
	g := m[k]
	if g == nil {
		g = &SpanScores{}
		m[k] = g
	}
	return g
}

// PIIOptions tune PII scoring.
type PIIOptions struct {
	// Category of findings to score; default "pii".
	Category string
	Progress Progress
	// Errors lists every missed and false span in the report.
	Errors bool
}

// PII runs the analyzer on every row's text and scores its findings.
func PII(r io.Reader, an *analysis.Analyzer, opts PIIOptions) (*PIIReport, error) {
	if opts.Category == "" {
		opts.Category = "pii"
	}
	raw, err := readLines(r)
	if err != nil {
		return nil, err
	}
	rep := &PIIReport{ByType: map[string]*SpanScores{}}
	for i, b := range raw {
		var row PIIRow
		if err := json.Unmarshal(b, &row); err != nil {
			return nil, fmt.Errorf("row %d: %w", i+1, err)
		}
		rep.Rows++
		var annotated map[string]bool
		if row.AnnotatedTypes != nil {
			annotated = map[string]bool{}
			for _, t := range row.AnnotatedTypes {
				annotated[mapType(t)] = true
			}
		}
		var gold []Span
		for _, e := range row.Entities {
			if IgnoredGoldTypes[e.Type] {
				continue
			}
			e.Type = mapType(e.Type)
			if annotated != nil && !annotated[e.Type] {
				continue
			}
			gold = append(gold, e)
		}
		var found []Span
		for _, f := range Analyze(an, row.Text) {
			if f.Category != opts.Category {
				continue
			}
			if annotated != nil && !annotated[f.Type] {
				continue
			}
			found = append(found, Span{Type: f.Type, Start: f.Start, End: f.End})
		}
		var runes []rune
		if opts.Errors {
			runes = []rune(row.Text)
		}
		for _, f := range found {
			m := spanGroup(rep.ByType, f.Type)
			m.Found++
			if matchAny(f, gold) {
				m.Correct++
			} else if opts.Errors {
				rep.Errors = append(rep.Errors, RowError{ID: row.ID, Kind: "false", Type: f.Type, Start: f.Start, End: f.End, Value: spanText(runes, f.Start, f.End)})
			}
		}
		for _, g := range gold {
			m := spanGroup(rep.ByType, g.Type)
			m.Gold++
			if matchAny(g, found) {
				m.Matched++
			} else if opts.Errors {
				rep.Errors = append(rep.Errors, RowError{ID: row.ID, Kind: "missed", Type: g.Type, Start: g.Start, End: g.End, Value: spanText(runes, g.Start, g.End)})
			}
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(raw))
		}
	}
	for _, m := range rep.ByType {
		rep.Micro.Found += m.Found
		rep.Micro.Correct += m.Correct
		rep.Micro.Gold += m.Gold
		rep.Micro.Matched += m.Matched
		m.finish()
	}
	rep.Micro.finish()
	return rep, nil
}

func mapType(t string) string {
	if m, ok := GoldTypeMap[t]; ok {
		return m
	}
	return t
}

func matchAny(s Span, others []Span) bool {
	for _, o := range others {
		if o.Type == s.Type && overlaps(s, o) {
			return true
		}
	}
	return false
}

// Analyze runs an analyzer on one text as a user message and returns its
// findings with code point offsets.
func Analyze(an *analysis.Analyzer, text string) []analysis.Finding {
	res := an.Analyze(context.Background(), &analysis.Input{Phase: "prompt", Fields: []analysis.Field{{Path: "text", Source: "user", Text: text}}})
	return res.Findings
}

// SecretRow is one row of a secrets corpus.
type SecretRow struct {
	ID         string `json:"id"`
	Text       string `json:"text"`
	Label      string `json:"label"` // secret | not_secret
	Type       string `json:"type"`
	Entities   []Span `json:"entities"`
	SpansKnown bool   `json:"spans_known"`
	Source     struct {
		Repo string `json:"repo"`
	} `json:"source"`
}

// SecretsReport is recall on secret rows and the flag rate on near-miss
// rows, overall and per source repository, with the rule types missed or
// flagged most.
type SecretsReport struct {
	Categories []string             `json:"categories"`
	Secret     RateCount            `json:"secret_recall"`
	NotSecret  RateCount            `json:"not_secret_flag_rate"`
	BySource   map[string]*SrcStats `json:"by_source"`
	WorstTypes []TypeCount          `json:"worst_types"`
	Errors     []RowError           `json:"errors,omitempty"`
}

// RateCount is a rate with its counts.
type RateCount struct {
	Hits  int     `json:"hits"`
	Total int     `json:"total"`
	Rate  float64 `json:"rate"`
}

// SrcStats splits the secrets figures by source.
type SrcStats struct {
	Secret    RateCount `json:"secret_recall"`
	NotSecret RateCount `json:"not_secret_flag_rate"`
}

// TypeCount is a rule type with how many of its rows went wrong.
type TypeCount struct {
	Type   string `json:"type"`
	Missed int    `json:"missed"`
	Flaged int    `json:"flagged"`
}

// SecretsOptions tune secrets scoring.
type SecretsOptions struct {
	// Categories of findings that count; default "secret" and
	// "identifier" (the secrets detector reports resource identifiers
	// such as ARNs and bucket URLs under "identifier", so that policy can
	// treat them apart from credentials).
	Categories []string
	Progress   Progress
	// Errors lists every missed secret row and flagged not_secret row
	// in the report.
	Errors bool
}

// Secrets runs the analyzer on every row. A secret row counts as found
// when a finding overlaps one of its labelled spans (or, without spans,
// when anything is found); a not_secret row counts as flagged when
// anything is found.
func Secrets(r io.Reader, an *analysis.Analyzer, opts SecretsOptions) (*SecretsReport, error) {
	if len(opts.Categories) == 0 {
		opts.Categories = []string{"secret", "identifier"}
	}
	counts := map[string]bool{}
	for _, c := range opts.Categories {
		counts[c] = true
	}
	raw, err := readLines(r)
	if err != nil {
		return nil, err
	}
	rep := &SecretsReport{Categories: opts.Categories, BySource: map[string]*SrcStats{}}
	bad := map[string]*TypeCount{}
	for i, b := range raw {
		var row SecretRow
		if err := json.Unmarshal(b, &row); err != nil {
			return nil, fmt.Errorf("row %d: %w", i+1, err)
		}
		var found []Span
		for _, f := range Analyze(an, row.Text) {
			if counts[f.Category] {
				found = append(found, Span{Type: f.Type, Start: f.Start, End: f.End})
			}
		}
		src := rep.BySource[row.Source.Repo]
		if src == nil {
			src = &SrcStats{}
			rep.BySource[row.Source.Repo] = src
		}
		tc := bad[row.Type]
		if tc == nil {
			tc = &TypeCount{Type: row.Type}
			bad[row.Type] = tc
		}
		switch row.Label {
		case "secret":
			hit := len(found) > 0
			if row.SpansKnown && len(row.Entities) > 0 {
				hit = false
				for _, f := range found {
					for _, e := range row.Entities {
						if overlaps(f, Span{Start: e.Start, End: e.End}) {
							hit = true
						}
					}
				}
			}
			count(&rep.Secret, hit)
			count(&src.Secret, hit)
			if !hit {
				tc.Missed++
				if opts.Errors {
					e := RowError{ID: row.ID, Kind: "missed", Type: row.Type}
					if len(row.Entities) > 0 {
						e.Start, e.End = row.Entities[0].Start, row.Entities[0].End
						e.Value = spanText([]rune(row.Text), e.Start, e.End)
					}
					rep.Errors = append(rep.Errors, e)
				}
			}
		case "not_secret":
			flagged := len(found) > 0
			count(&rep.NotSecret, flagged)
			count(&src.NotSecret, flagged)
			if flagged {
				tc.Flaged++
				if opts.Errors {
					f := found[0]
					rep.Errors = append(rep.Errors, RowError{ID: row.ID, Kind: "flagged", Type: f.Type, Start: f.Start, End: f.End, Value: spanText([]rune(row.Text), f.Start, f.End)})
				}
			}
		default:
			return nil, fmt.Errorf("row %d (%s): label %q is not secret or not_secret", i+1, row.ID, row.Label)
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(raw))
		}
	}
	for _, tc := range bad {
		if tc.Missed+tc.Flaged > 0 {
			rep.WorstTypes = append(rep.WorstTypes, *tc)
		}
	}
	sort.Slice(rep.WorstTypes, func(i, j int) bool {
		a, b := rep.WorstTypes[i], rep.WorstTypes[j]
		if a.Missed+a.Flaged != b.Missed+b.Flaged {
			return a.Missed+a.Flaged > b.Missed+b.Flaged
		}
		return a.Type < b.Type
	})
	if len(rep.WorstTypes) > 15 {
		rep.WorstTypes = rep.WorstTypes[:15]
	}
	return rep, nil
}

func count(rc *RateCount, hit bool) {
	rc.Total++
	if hit {
		rc.Hits++
	}
	rc.Rate = ratio(rc.Hits, rc.Total)
}
