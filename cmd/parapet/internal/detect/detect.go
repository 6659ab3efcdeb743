// Package detect holds the detector commands: `parapet analyze` runs the
// detectors over JSON Lines, `parapet eval` scores them on a labelled
// corpus.
package detect

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parapet-dev/parapet/engine/analysis"
	"github.com/parapet-dev/parapet/engine/detectors"
	"github.com/parapet-dev/parapet/engine/detectors/evaluate"
	"github.com/parapet-dev/parapet/engine/detectors/injection"
	"github.com/parapet-dev/parapet/engine/detectors/scope"
)

// AnalyzeCommand builds `parapet analyze`.
func AnalyzeCommand() *cobra.Command {
	var list, topics string
	cmd := &cobra.Command{
		Use:   "analyze",
		Short: "Run the detectors over JSON Lines on stdin",
		Long: `Read JSON Lines on stdin, each an object with a "text" field (other fields
are allowed), and write one JSON line per input line to stdout, in the same
order:

  {"id": <the input's id, if any>,
   "findings": [{"detector", "type", "start", "end", "score"}],
   "injection": {"score": <0..1>, "attack": <score at or above the default threshold>}}

Offsets are Unicode code points, end exclusive. A line that is not a JSON
object with a string "text" is an error naming its line number.

A line may also carry "system_prompt": the system message the text was
sent under. It is read as context, as /v1/decide reads a request's system
message: the scope detector reports RESTRICTED_TOPIC where the text asks
about a topic the system prompt rules out. Findings are reported for
"text" only.

--topics lists topics a policy rules out for every request (as
data.parapet.config.scope.topics does): the scope detector reports
DENIED_TOPIC, with the topic, where a text asks about one.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			an, err := detectors.ByName(splitList(list))
			if err != nil {
				return err
			}
			return AnalyzeTopics(cmd.Context(), an, splitList(topics), cmd.InOrStdin(), cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&list, "detectors", strings.Join(detectors.Names, ","), "comma-separated detectors to run")
	cmd.Flags().StringVar(&topics, "topics", "", `comma-separated topics a policy rules out for every request ("politics,medical advice")`)
	return cmd
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

type analyzeOut struct {
	ID       json.RawMessage `json:"id"`
	Findings []outFinding    `json:"findings"`
	Inj      outInjection    `json:"injection"`
}

type outFinding struct {
	Detector string  `json:"detector"`
	Type     string  `json:"type"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Score    float64 `json:"score"`
	Topic    string  `json:"topic,omitempty"`
}

type outInjection struct {
	Score  float64 `json:"score"`
	Attack bool    `json:"attack"`
}

// Analyze streams lines from in to out.
func Analyze(ctx context.Context, an *analysis.Analyzer, in io.Reader, out io.Writer) error {
	return AnalyzeTopics(ctx, an, nil, in, out)
}

// AnalyzeTopics is Analyze with topics a policy rules out
// (analysis.Input.Topics).
func AnalyzeTopics(ctx context.Context, an *analysis.Analyzer, topics []string, in io.Reader, out io.Writer) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	w := bufio.NewWriter(out)
	defer w.Flush()
	enc := json.NewEncoder(w)
	line := 0
	for sc.Scan() {
		line++
		var row struct {
			ID     json.RawMessage `json:"id"`
			Text   *string         `json:"text"`
			System string          `json:"system_prompt"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return fmt.Errorf("line %d: not a JSON object: %w", line, err)
		}
		if row.Text == nil {
			return fmt.Errorf("line %d: no string field \"text\"", line)
		}
		in := &analysis.Input{Phase: "prompt", Fields: []analysis.Field{{Path: "text", Source: "user", Text: *row.Text}}, Topics: topics}
		if row.System != "" {
			// The system prompt is context (the scope detector reads
			// what it rules out); only findings in "text" are written.
			in.Fields = append(in.Fields, analysis.Field{Path: "system_prompt", Source: "system", Text: row.System})
		}
		res := an.Analyze(ctx, in)
		o := analyzeOut{ID: row.ID, Findings: []outFinding{}}
		if len(o.ID) == 0 {
			o.ID = json.RawMessage("null")
		}
		for _, f := range res.Findings {
			if f.Field != "text" {
				continue
			}
			o.Findings = append(o.Findings, outFinding{Detector: f.Detector, Type: f.Type, Start: f.Start, End: f.End, Score: round4(f.Score), Topic: f.Topic})
		}
		for _, s := range res.Signals {
			if s.Kind == "injection" && s.Field == "text" && s.Score > o.Inj.Score {
				o.Inj.Score = round4(s.Score)
			}
		}
		o.Inj.Attack = o.Inj.Score >= injection.DefaultThreshold
		if err := enc.Encode(o); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", line+1, err)
	}
	return nil
}

func round4(f float64) float64 { return float64(int64(f*10000+0.5)) / 10000 }

// EvalFlags are `parapet eval`'s flags.
type EvalFlags struct {
	JSON         bool
	Split        string
	Threshold    float64
	Categories   string
	SystemPrompt bool
	Errors       bool
}

// EvalCommand builds `parapet eval`.
func EvalCommand() *cobra.Command {
	var f EvalFlags
	cmd := &cobra.Command{
		Use:   "eval injection|pii|secrets FILE.jsonl",
		Short: "Score the detectors on a labelled corpus",
		Long: `Score the detectors on a labelled JSON Lines corpus in the format of the
project's dev corpora (docs/detection.md):

  injection  rows {id, text, label: injection|jailbreak|benign, subtype}:
             TPR, FPR, precision and F1 for "attack" (injection and
             jailbreak), overall, per label and per subtype family
  pii        rows {id, text, entities: [{type, start, end}], annotated_types?}:
             span-level precision, recall and F1 per type and micro-averaged;
             a found span is correct when it overlaps a labelled one of the
             same type; only annotated_types count when a row has them
  secrets    rows {id, text, label: secret|not_secret, entities, spans_known}:
             recall on secret rows, flag rate on not_secret rows

--split picks the injection classifier's train, tune or test rows (fixed by
a hash of the row id; see docs/detection.md); the default scores every row.

By default an injection row is judged on its text alone. With
--system-prompt, a row that also has a "system_prompt" field is judged as
/v1/decide and the proxy see it, with its system message: it is also an
attack when the scope detector finds that the text asks about a topic the
system prompt rules out (RESTRICTED_TOPIC). The report says how many rows
only that flagged.
A progress bar goes to stderr when it is a terminal.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return Eval(args[0], args[1], f, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&f.JSON, "json", false, "print JSON instead of a table")
	fl.StringVar(&f.Split, "split", "", "injection only: score only the train, tune or test rows")
	fl.Float64Var(&f.Threshold, "threshold", injection.DefaultThreshold, "injection only: attack threshold")
	fl.BoolVar(&f.SystemPrompt, "system-prompt", false, "injection only: also judge rows that have a system_prompt against it (the scope detector)")
	fl.StringVar(&f.Categories, "categories", "secret,identifier", "secrets only: finding categories that count as flagging a row")
	fl.BoolVar(&f.Errors, "errors", false, "also list every mistake, a line each: missed and false spans (pii), missed and flagged rows (secrets, injection), with the row id and the text of the span (the corpus's own text: use it on your data, not in logs)")
	return cmd
}

// Eval scores one corpus.
func Eval(kind, path string, f EvalFlags, out, errOut io.Writer) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	progress := progressBar(errOut)
	var rep any
	switch kind {
	case "injection":
		switch f.Split {
		case "", "train", "tune", "test":
		default:
			return fmt.Errorf("--split %q: want train, tune or test", f.Split)
		}
		opts := evaluate.InjectionOptions{Threshold: f.Threshold, Split: f.Split, SplitOf: injection.Split, Progress: progress, Errors: f.Errors}
		if f.SystemPrompt {
			sc := scope.New(scope.Options{})
			opts.Context = func(system, text string) bool { return sc.Restricted(system, text) }
		}
		rep, err = evaluate.Injection(file, func(text string) float64 {
			s, _ := injection.Score(text, "user")
			return s
		}, opts)
	case "pii":
		rep, err = evaluate.PII(file, detectors.Default(), evaluate.PIIOptions{Progress: progress, Errors: f.Errors})
	case "secrets":
		rep, err = evaluate.Secrets(file, detectors.Default(), evaluate.SecretsOptions{Categories: splitList(f.Categories), Progress: progress, Errors: f.Errors})
	default:
		return fmt.Errorf("unknown corpus kind %q: want injection, pii or secrets", kind)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if f.JSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', tabwriter.AlignRight)
	defer tw.Flush()
	switch r := rep.(type) {
	case *evaluate.InjectionReport:
		fmt.Fprintf(tw, "split: %s, threshold %.3f\n", r.Split, r.Threshold)
		if r.Context {
			fmt.Fprintf(tw, "with system prompts: %d rows had one; %d flagged only as asking about a topic it rules out\n", r.ContextRows, r.ContextOnly)
		} else if r.ContextRows > 0 {
			fmt.Fprintf(tw, "text only: %d rows also have a system_prompt (--system-prompt judges them with it)\n", r.ContextRows)
		}
		fmt.Fprintln(tw, "group\tn\tTPR\tFPR\tprecision\tF1\t")
		row := func(name string, m *evaluate.Metrics) {
			// Precision and F1 mean nothing for a group without attacks.
			prec := 0
			if m.TP+m.FN > 0 {
				prec = m.TP + m.FP
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t\n", name, m.N, rate(m.TP+m.FN, m.TPR), rate(m.FP+m.TN, m.FPR), rate(prec, m.Precision), rate(m.TP+m.FN, m.F1))
		}
		row("overall", &r.Overall)
		for _, k := range keys(r.ByLabel) {
			row("label "+k, r.ByLabel[k])
		}
		for _, k := range keys(r.BySubtype) {
			row(k, r.BySubtype[k])
		}
	case *evaluate.PIIReport:
		fmt.Fprintf(tw, "rows: %d\n", r.Rows)
		fmt.Fprintln(tw, "type\tgold\tfound\tprecision\trecall\tF1\t")
		for _, k := range keys(r.ByType) {
			s := r.ByType[k]
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t\n", k, s.Gold, s.Found, rate(s.Found, s.Precision), rate(s.Gold, s.Recall), rate(s.Gold+s.Found, s.F1))
		}
		s := r.Micro
		fmt.Fprintf(tw, "micro\t%d\t%d\t%s\t%s\t%s\t\n", s.Gold, s.Found, rate(s.Found, s.Precision), rate(s.Gold, s.Recall), rate(s.Gold+s.Found, s.F1))
	case *evaluate.SecretsReport:
		fmt.Fprintf(tw, "counting findings of categories: %s\n", strings.Join(r.Categories, ", "))
		fmt.Fprintln(tw, "source\tsecret rows\trecall\tnot_secret rows\tflag rate\t")
		fmt.Fprintf(tw, "all\t%d\t%.3f\t%d\t%.3f\t\n", r.Secret.Total, r.Secret.Rate, r.NotSecret.Total, r.NotSecret.Rate)
		for _, k := range keys(r.BySource) {
			s := r.BySource[k]
			fmt.Fprintf(tw, "%s\t%d\t%.3f\t%d\t%.3f\t\n", k, s.Secret.Total, s.Secret.Rate, s.NotSecret.Total, s.NotSecret.Rate)
		}
		if len(r.WorstTypes) > 0 {
			fmt.Fprintln(tw, "\nrule type\tmissed\tflagged\t")
			for _, t := range r.WorstTypes {
				fmt.Fprintf(tw, "%s\t%d\t%d\t\n", t.Type, t.Missed, t.Flaged)
			}
		}
	default:
		return errors.New("BUG: unknown report type")
	}
	if f.Errors {
		var errs []evaluate.RowError
		switch r := rep.(type) {
		case *evaluate.InjectionReport:
			errs = r.Errors
		case *evaluate.PIIReport:
			errs = r.Errors
		case *evaluate.SecretsReport:
			errs = r.Errors
		}
		tw.Flush()
		fmt.Fprintf(out, "\nerrors: %d (kind, type, row id, text or score)\n", len(errs))
		for _, e := range errs {
			switch {
			case e.Value != "":
				fmt.Fprintf(out, "%s\t%s\t%s\t%q\n", e.Kind, e.Type, e.ID, e.Value)
			case e.Score != 0:
				fmt.Fprintf(out, "%s\t%s\t%s\tscore %.4f\n", e.Kind, e.Type, e.ID, e.Score)
			default:
				fmt.Fprintf(out, "%s\t%s\t%s\n", e.Kind, e.Type, e.ID)
			}
		}
	}
	return nil
}

// rate prints a rate, or "-" when its denominator is empty.
func rate(denom int, v float64) string {
	if denom == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// progressBar draws on w when it is a terminal, and does nothing
// otherwise.
func progressBar(w io.Writer) evaluate.Progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	last := -1
	return func(done, total int) {
		if total == 0 {
			return
		}
		pct := done * 100 / total
		if pct == last && done != total {
			return
		}
		last = pct
		n := pct * 30 / 100
		fmt.Fprintf(w, "\r[%s%s] %3d%% %d/%d", strings.Repeat("=", n), strings.Repeat(" ", 30-n), pct, done, total)
		if done == total {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}
