package bundles

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parapet-dev/parapet/engine"
)

// Replay: logged decisions are decided again on a candidate bundle from
// what the log kept (the request's metadata, the access result, the
// detectors' findings and scores; never the text, which a decision log
// does not hold), and every decision that would change is reported: old
// effect → new effect, reasons added and removed, with counts by rule,
// subject and model.

// ReplayCase is one logged decision.
type ReplayCase struct {
	DecisionID string
	Time       time.Time
	// Request is the request as the log describes it. Text the log did
	// not keep is a placeholder of the same length.
	Request *engine.Request
	// Facts are what the engine computed when it decided.
	Facts *engine.Facts
	// Old is the decision as logged.
	Old DecisionSummary
}

// ReplayOptions tune a Replayer.
type ReplayOptions struct {
	// KeepAccess uses the logged access result; by default roles are
	// resolved again with the candidate's own data.parapet.rbac.
	KeepAccess bool
	// Baseline, when set, decides every case too, and the report compares
	// the candidate with it rather than with the logged decisions: the
	// old and the new bundle judged on exactly the same reconstructed
	// input.
	Baseline *engine.Engine
	// MaxChanges bounds the changed decisions listed (the counts cover
	// all). Default 10000.
	MaxChanges int
}

// Transition counts decisions whose effect went From → To.
type Transition struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Count int    `json:"count"`
}

// RuleCount counts, for one reason id, the replayed decisions that gained
// it, lost it, or kept it with another effect.
type RuleCount struct {
	Reason  string `json:"reason"`
	Added   int    `json:"added"`
	Removed int    `json:"removed"`
	Changed int    `json:"changed"`
}

// KeyCount counts decisions and changed decisions for one subject or
// model.
type KeyCount struct {
	Key       string `json:"key"`
	Decisions int    `json:"decisions"`
	Changed   int    `json:"changed"`
}

// ReplayChange is one decision that would change.
type ReplayChange struct {
	DecisionID string          `json:"decision_id"`
	Time       time.Time       `json:"timestamp"`
	Subject    string          `json:"subject"`
	Tenant     string          `json:"tenant"`
	Model      string          `json:"model"`
	Phase      string          `json:"phase"`
	Old        DecisionSummary `json:"old"`
	New        DecisionSummary `json:"new"`
	Diff
}

// Skipped is a logged line replay could not use.
type Skipped struct {
	Where  string `json:"where"`
	Reason string `json:"reason"`
}

// ReplayReport is what a replay found.
type ReplayReport struct {
	Candidate engine.BundleInfo `json:"candidate"`
	// Baseline is "logged decisions" or the baseline bundle.
	Baseline  string `json:"baseline"`
	Decisions int    `json:"decisions"`
	Changed   int    `json:"changed"`
	// Transitions count every old → new effect pair, unchanged ones too.
	Transitions []Transition   `json:"transitions"`
	ByRule      []RuleCount    `json:"by_rule"`
	BySubject   []KeyCount     `json:"by_subject"`
	ByModel     []KeyCount     `json:"by_model"`
	Changes     []ReplayChange `json:"changes"`
	// Truncated is set when more decisions changed than Changes lists.
	Truncated bool      `json:"truncated,omitempty"`
	Skipped   []Skipped `json:"skipped,omitempty"`
}

// Replayer decides cases on a candidate and builds the report.
type Replayer struct {
	eng  *engine.Engine
	opts ReplayOptions

	rep      ReplayReport
	trans    map[[2]string]int
	rules    map[string]*RuleCount
	subjects map[string]*KeyCount
	models   map[string]*KeyCount
}

// NewReplayer replays on the policy active in candidate.
func NewReplayer(candidate *engine.Engine, opts ReplayOptions) *Replayer {
	if opts.MaxChanges <= 0 {
		opts.MaxChanges = 10000
	}
	r := &Replayer{eng: candidate, opts: opts, trans: map[[2]string]int{}, rules: map[string]*RuleCount{},
		subjects: map[string]*KeyCount{}, models: map[string]*KeyCount{}}
	if p := candidate.Policy(); p != nil {
		r.rep.Candidate = engine.BundleInfo{Name: p.Name, Revision: p.Revision}
	}
	r.rep.Baseline = "logged decisions"
	if opts.Baseline != nil {
		if p := opts.Baseline.Policy(); p != nil {
			r.rep.Baseline = p.Name + "@" + p.Revision
		}
	}
	return r
}

// Add decides one case and counts it. A request the engine refuses (as
// the live engine would have) is skipped, not an error.
func (r *Replayer) Add(ctx context.Context, c *ReplayCase) error {
	fo := engine.FactsOptions{KeepAccess: r.opts.KeepAccess}
	old := c.Old
	if r.opts.Baseline != nil {
		req := *c.Request
		d, err := r.opts.Baseline.DecideFacts(ctx, &req, c.Facts, fo)
		if err != nil {
			r.Skip(c.DecisionID, "the baseline refuses the request: "+err.Error())
			return nil
		}
		old = Summarize(d)
	}
	req := *c.Request
	d, err := r.eng.DecideFacts(ctx, &req, c.Facts, fo)
	if err != nil {
		r.Skip(c.DecisionID, "the request is refused: "+err.Error())
		return nil
	}
	nw := Summarize(d)
	diff := Compare(old, nw)
	r.rep.Decisions++
	r.trans[[2]string{old.Effect, nw.Effect}]++
	changed := !diff.Empty()
	count := func(m map[string]*KeyCount, k string) {
		kc := m[k]
		if kc == nil {
			kc = &KeyCount{Key: k}
			m[k] = kc
		}
		kc.Decisions++
		if changed {
			kc.Changed++
		}
	}
	count(r.subjects, c.Request.Subject.Tenant+"/"+c.Request.Subject.ID)
	count(r.models, c.Request.Resource.Model)
	if !changed {
		return nil
	}
	r.rep.Changed++
	rule := func(id string) *RuleCount {
		rc := r.rules[id]
		if rc == nil {
			rc = &RuleCount{Reason: id}
			r.rules[id] = rc
		}
		return rc
	}
	for _, id := range diff.Added {
		rule(id).Added++
	}
	for _, id := range diff.Removed {
		rule(id).Removed++
	}
	for _, id := range diff.Changed {
		rule(id).Changed++
	}
	if len(r.rep.Changes) >= r.opts.MaxChanges {
		r.rep.Truncated = true
		return nil
	}
	r.rep.Changes = append(r.rep.Changes, ReplayChange{
		DecisionID: c.DecisionID, Time: c.Time, Subject: c.Request.Subject.ID, Tenant: c.Request.Subject.Tenant,
		Model: c.Request.Resource.Model, Phase: c.Request.Phase, Old: old, New: nw, Diff: diff,
	})
	return nil
}

// Skip records a line that could not be replayed.
func (r *Replayer) Skip(where, why string) {
	if len(r.rep.Skipped) < 1000 {
		r.rep.Skipped = append(r.rep.Skipped, Skipped{Where: where, Reason: why})
	}
}

// Report returns the report so far, sorted: transitions by count, rules
// by changes, subjects and models by changed decisions.
func (r *Replayer) Report() *ReplayReport {
	rep := r.rep
	rep.Transitions = nil
	for k, n := range r.trans {
		rep.Transitions = append(rep.Transitions, Transition{From: k[0], To: k[1], Count: n})
	}
	sort.Slice(rep.Transitions, func(i, j int) bool {
		a, b := rep.Transitions[i], rep.Transitions[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.From+a.To < b.From+b.To
	})
	rep.ByRule = nil
	for _, rc := range r.rules {
		rep.ByRule = append(rep.ByRule, *rc)
	}
	sort.Slice(rep.ByRule, func(i, j int) bool {
		a, b := rep.ByRule[i], rep.ByRule[j]
		if x, y := a.Added+a.Removed+a.Changed, b.Added+b.Removed+b.Changed; x != y {
			return x > y
		}
		return a.Reason < b.Reason
	})
	rep.BySubject, rep.ByModel = sortKeys(r.subjects), sortKeys(r.models)
	if rep.Changes == nil {
		rep.Changes = []ReplayChange{}
	}
	return &rep
}

func sortKeys(m map[string]*KeyCount) []KeyCount {
	out := make([]KeyCount, 0, len(m))
	for _, kc := range m {
		out = append(out, *kc)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Changed != out[j].Changed {
			return out[i].Changed > out[j].Changed
		}
		if out[i].Decisions != out[j].Decisions {
			return out[i].Decisions > out[j].Decisions
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// WriteJSON writes the report as indented JSON.
func (rep *ReplayReport) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

func reasonList(rs []ReasonSummary) string {
	if len(rs) == 0 {
		return "-"
	}
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return strings.Join(out, ",")
}

func plusMinus(d Diff) string {
	var parts []string
	for _, id := range d.Added {
		parts = append(parts, "+"+id)
	}
	for _, id := range d.Removed {
		parts = append(parts, "-"+id)
	}
	for _, id := range d.Changed {
		parts = append(parts, "~"+id)
	}
	if d.RouteChanged {
		parts = append(parts, "route")
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " ")
}

// tableRows bounds the changed decisions a table lists; JSON and HTML
// list them all (up to MaxChanges).
const tableRows = 50

// WriteTable writes the report as aligned text tables.
func (rep *ReplayReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "candidate %s@%s against %s: %d decisions replayed, %d would change", rep.Candidate.Name, rep.Candidate.Revision, rep.Baseline, rep.Decisions, rep.Changed)
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(tw, ", %d skipped", len(rep.Skipped))
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "\nEFFECT\tDECISIONS")
	for _, t := range rep.Transitions {
		arrow := t.From + " → " + t.To
		if t.From == t.To {
			arrow = t.From + " (unchanged)"
		}
		fmt.Fprintf(tw, "%s\t%d\n", arrow, t.Count)
	}
	if len(rep.ByRule) > 0 {
		fmt.Fprintln(tw, "\nRULE\tADDED\tREMOVED\tEFFECT CHANGED")
		for _, r := range rep.ByRule {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\n", r.Reason, r.Added, r.Removed, r.Changed)
		}
	}
	keys := func(title string, ks []KeyCount) {
		n := 0
		for _, k := range ks {
			if k.Changed > 0 {
				n++
			}
		}
		if n == 0 {
			return
		}
		fmt.Fprintf(tw, "\n%s\tCHANGED\tDECISIONS\n", title)
		for i, k := range ks {
			if k.Changed == 0 || i == 20 {
				break
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\n", k.Key, k.Changed, k.Decisions)
		}
	}
	keys("SUBJECT", rep.BySubject)
	keys("MODEL", rep.ByModel)
	if len(rep.Changes) > 0 {
		fmt.Fprintln(tw, "\nDECISION\tTIME\tSUBJECT\tMODEL\tEFFECT\tREASONS")
		for i, c := range rep.Changes {
			if i == tableRows {
				fmt.Fprintf(tw, "… and %d more (use --format json or html)\n", rep.Changed-tableRows)
				break
			}
			ts := ""
			if !c.Time.IsZero() {
				ts = c.Time.UTC().Format(time.RFC3339)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s/%s\t%s\t%s → %s\t%s\n", c.DecisionID, ts, c.Tenant, c.Subject, c.Model, c.Old.Effect, c.New.Effect, plusMinus(c.Diff))
		}
	}
	for i, s := range rep.Skipped {
		if i == 0 {
			fmt.Fprintln(tw, "\nSKIPPED\tWHY")
		}
		if i == 20 {
			fmt.Fprintf(tw, "… and %d more\n", len(rep.Skipped)-20)
			break
		}
		fmt.Fprintf(tw, "%s\t%s\n", s.Where, s.Reason)
	}
	return tw.Flush()
}

// bar is one row of the HTML chart.
type bar struct {
	Label                   string
	Y                       int
	AddW, RemW, ChgW, Total int
	AddX, RemX, ChgX        int
	TextX                   int
}

// WriteHTML writes a self-contained HTML report (inline CSS and SVG, no
// script, nothing fetched) with a chart of the changes by rule.
func (rep *ReplayReport) WriteHTML(w io.Writer) error {
	const barArea = 420
	most := 1
	for _, r := range rep.ByRule {
		if n := r.Added + r.Removed + r.Changed; n > most {
			most = n
		}
	}
	var bars []bar
	for i, r := range rep.ByRule {
		if i == 30 {
			break
		}
		b := bar{Label: r.Reason, Y: 10 + i*26, Total: r.Added + r.Removed + r.Changed}
		b.AddW = r.Added * barArea / most
		b.RemW = r.Removed * barArea / most
		b.ChgW = r.Changed * barArea / most
		b.AddX = 260
		b.RemX = b.AddX + b.AddW
		b.ChgX = b.RemX + b.RemW
		b.TextX = b.ChgX + b.ChgW + 6
		bars = append(bars, b)
	}
	data := struct {
		*ReplayReport
		Bars        []bar
		ChartHeight int
		Generated   string
	}{rep, bars, 20 + len(bars)*26, time.Now().UTC().Format(time.RFC3339)}
	return replayHTML.Execute(w, data)
}

var replayHTML = template.Must(template.New("replay").Funcs(template.FuncMap{
	"reasons": reasonList,
	"diff":    plusMinus,
	"when": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	},
	"same": func(a, b string) bool { return a == b },
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Parapet replay: {{.Candidate.Name}}@{{.Candidate.Revision}}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1d2430;max-width:1200px}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}th,td{padding:.25em .7em;border-bottom:1px solid #dde2ea;text-align:left;vertical-align:top}
th{background:#f3f5f8}td.n{text-align:right}.summary{font-size:1.1em}
.deny{color:#b3261e;font-weight:600}.review{color:#8a5300;font-weight:600}.redact{color:#6b4fa0}.warn{color:#8a6d00}.allow{color:#1e7b34}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
code{font-size:12px}
</style></head><body>
<h1>Replay of {{.Decisions}} logged decisions on {{.Candidate.Name}}@{{.Candidate.Revision}}</h1>
<p class="summary">Compared with {{.Baseline}}: <b>{{.Changed}}</b> of {{.Decisions}} decisions would change{{if .Skipped}}; {{len .Skipped}} log lines skipped{{end}}.</p>
<h2>Effects</h2>
<table><tr><th>old</th><th>new</th><th>decisions</th></tr>
{{range .Transitions}}<tr><td class="{{.From}}">{{.From}}</td><td class="{{.To}}">{{if same .From .To}}unchanged{{else}}{{.To}}{{end}}</td><td class="n">{{.Count}}</td></tr>
{{end}}</table>
{{if .Bars}}<h2>Changes by rule</h2>
<p class="legend"><span style="background:#2e7d32"></span>added<span style="background:#c62828"></span>removed<span style="background:#f9a825"></span>effect changed</p>
<svg xmlns="http://www.w3.org/2000/svg" width="760" height="{{.ChartHeight}}" role="img" aria-label="changes by rule">
{{range .Bars}}<text x="250" y="{{.Y}}" dy="14" text-anchor="end" font-size="12">{{.Label}}</text>
<rect x="{{.AddX}}" y="{{.Y}}" width="{{.AddW}}" height="18" fill="#2e7d32"/><rect x="{{.RemX}}" y="{{.Y}}" width="{{.RemW}}" height="18" fill="#c62828"/><rect x="{{.ChgX}}" y="{{.Y}}" width="{{.ChgW}}" height="18" fill="#f9a825"/>
<text x="{{.TextX}}" y="{{.Y}}" dy="14" font-size="12">{{.Total}}</text>
{{end}}</svg>
<table><tr><th>rule</th><th>added</th><th>removed</th><th>effect changed</th></tr>
{{range .ByRule}}<tr><td><code>{{.Reason}}</code></td><td class="n">{{.Added}}</td><td class="n">{{.Removed}}</td><td class="n">{{.Changed}}</td></tr>
{{end}}</table>{{end}}
<h2>By subject</h2>
<table><tr><th>tenant/subject</th><th>changed</th><th>decisions</th></tr>
{{range .BySubject}}<tr><td>{{.Key}}</td><td class="n">{{.Changed}}</td><td class="n">{{.Decisions}}</td></tr>
{{end}}</table>
<h2>By model</h2>
<table><tr><th>model</th><th>changed</th><th>decisions</th></tr>
{{range .ByModel}}<tr><td>{{.Key}}</td><td class="n">{{.Changed}}</td><td class="n">{{.Decisions}}</td></tr>
{{end}}</table>
<h2>Changed decisions{{if .Truncated}} (the first {{len .Changes}}){{end}}</h2>
<table><tr><th>decision</th><th>time</th><th>tenant/subject</th><th>model</th><th>phase</th><th>old → new</th><th>reasons</th></tr>
{{range .Changes}}<tr><td><code>{{.DecisionID}}</code></td><td>{{when .Time}}</td><td>{{.Tenant}}/{{.Subject}}</td><td>{{.Model}}</td><td>{{.Phase}}</td>
<td><span class="{{.Old.Effect}}">{{.Old.Effect}}</span> → <span class="{{.New.Effect}}">{{.New.Effect}}</span></td><td><code>{{diff .Diff}}</code></td></tr>
{{end}}</table>
{{if .Skipped}}<h2>Skipped</h2><table><tr><th>where</th><th>why</th></tr>
{{range .Skipped}}<tr><td>{{.Where}}</td><td>{{.Reason}}</td></tr>{{end}}</table>{{end}}
<p style="color:#6b7280;margin-top:3em">Generated by parapet replay at {{.Generated}}. Replay decides again from what the decision log kept (metadata, access, findings and scores, never the text); rules that read raw text see a placeholder of the same length.</p>
</body></html>
`))
