// Command train fits the injection classifier on the development corpus
// and writes its weights file; with -eval it only reports metrics of the
// embedded (or -model) weights on the fixed split.
//
// Run from the repository root:
//
//	go run ./engine/detectors/injection/train                # train, write weights, report
//	go run ./engine/detectors/injection/train -eval          # report the embedded weights
//	go run ./engine/detectors/injection/train -eval -threshold 0.5
//	go run ./engine/detectors/injection/train -data PATH -out PATH
//	go run ./engine/detectors/injection/train -score < lines.txt  # score one text per line
//	go run ./engine/detectors/injection/train -general engine/detectors/injection/testdata/general3  # TPR/FPR per file of a hand-written set
//
// -data defaults to ../shared/corpora/injection_dev.jsonl (relative to the
// repository root); -out to engine/detectors/injection/model/weights.bin.
// Training is deterministic: no randomness, full-batch optimisation over
// rows in file order, fixed iterations, so the same corpus gives the same
// bytes.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parapet-dev/parapet/engine/detectors/injection"
)

func main() {
	data := flag.String("data", "../shared/corpora/injection_dev.jsonl", "development corpus (JSON lines: id, text, label, subtype)")
	out := flag.String("out", "engine/detectors/injection/model/weights.bin", "weights file to write")
	evalOnly := flag.Bool("eval", false, "only evaluate the weights (-model, or the embedded ones) on the split")
	model := flag.String("model", "", "weights file to evaluate with -eval (default: embedded)")
	evalTh := flag.Float64("threshold", 0, "with -eval: report at this threshold instead of the model's")
	sigStats := flag.Bool("sigstats", false, "print how often each signature fires per label family")
	cv := flag.Bool("cv", false, "7-fold cross-validation inside the train split (for choosing settings)")
	l2 := flag.Float64("l2", defaultConfig().l2, "L2 penalty")
	iters := flag.Int("iters", defaultConfig().iters, "optimisation iterations")
	noAug := flag.Bool("noaugment", false, "do not add the hand-written training rows")
	minFam := flag.Int("minfam", defaultConfig().minFam, "a feature must occur in this many families")
	famBal := flag.Float64("fambal", defaultConfig().famBal, "family weight exponent")
	cuelessW := flag.Float64("cueless", defaultConfig().cueless, "training weight of cueless CyberSecEval direct rows (0: left out)")
	lofo := flag.Bool("lofo", false, "leave-one-family-out inside the train split (for choosing settings)")
	splitList := flag.String("splits", "train,tune,test", "splits to report, comma-separated (choose settings with train,tune; read test once)")
	general := flag.String("general", "", "report TPR and FPR on the hand-written sets in this directory (testdata/general*, styles_dev: files named *attack* and *benign*) with the weights (-model, or the embedded ones) at their threshold (or -threshold)")
	sets := flag.String("sets", trainingSets, "also train on the hand-written sets in these directories (comma-separated; files named *attack* and *benign*); \"\" for none")
	setsEach := flag.Bool("setfam", true, "with -sets: every set is a training family of its own (false: all sets are one family per label)")
	shift := flag.Float64("shift", defaultConfig().shift, "subtract this from the classifier's logit (its bias) after fitting; negative: the smallest multiple of 0.25 that brings the unseen-source floor, and every benign probe (-probes), under the policy floor")
	probes := flag.String("probes", "engine/detectors/injection/testdata/probes_benign.txt", "benign prompts that must score below the policy floor when the shift is chosen (\"\" for none)")
	loso := flag.Bool("loso", false, "with -sets: leave each set out in turn, train on the rest and report its TPR and FPR (counts only)")
	scoreLines := flag.Bool("score", false, "score each line of stdin with the weights (-model, or the embedded ones): score, classifier, signatures, matches")
	flag.Parse()

	if *scoreLines {
		m, err := loadModel(*model)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		scoreStdin(os.Stdin, os.Stdout, m)
		return
	}
	if *general != "" {
		m, err := loadModel(*model)
		if err == nil {
			th := m.Threshold
			if *evalTh > 0 {
				th = *evalTh
			}
			err = reportGeneral(os.Stdout, *general, m, th)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		return
	}
	rows, err := readRows(*data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	if *sigStats {
		printSigStats(rows)
		return
	}
	if *evalOnly {
		m, err := loadModel(*model)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		th := m.Threshold
		if *evalTh > 0 {
			th = *evalTh
		}
		report(os.Stdout, rows, m, th, strings.Split(*splitList, ","))
		return
	}
	cfg := defaultConfig()
	cfg.l2, cfg.iters, cfg.augment = *l2, *iters, !*noAug
	cfg.minFam, cfg.famBal, cfg.cueless = *minFam, *famBal, *cuelessW
	cfg.shift = *shift
	if cfg.benignProbes, err = readProbes(*probes); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	var byDir map[string][]row
	var order []string
	if *sets != "" {
		byDir, order, err = readSets(*sets, *setsEach)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		dropped := 0
		for _, d := range order {
			rs, n, err := decontaminate(byDir[d], ".", heldOut)
			if err != nil {
				fmt.Fprintln(os.Stderr, "train:", err)
				os.Exit(1)
			}
			byDir[d], dropped = rs, dropped+n
			cfg.extra = append(cfg.extra, rs...)
		}
		fmt.Printf("hand-written sets: %d rows (%d left out: lines of the held-out files)\n", len(cfg.extra), dropped)
	}
	if *cv || *lofo || *loso {
		// the reports refit the model and need the shift train would use
		cfg.shift = resolveShift(rows, cfg)
		fmt.Printf("classifier shift %.2f\n", cfg.shift)
	}
	if *loso {
		if len(order) < 2 {
			fmt.Fprintln(os.Stderr, "train: -loso needs at least two sets (-sets)")
			os.Exit(2)
		}
		leaveSetOut(os.Stdout, rows, byDir, order, cfg, injection.DefaultThreshold, []float64{0, 0.5, 1, 1.25, 1.5, 1.75, 2, 2.5})
		return
	}
	if *cv {
		crossValidate(rows, cfg)
		return
	}
	if *lofo {
		leaveFamilyOut(rows, cfg, injection.DefaultThreshold)
		return
	}
	res := train(rows, cfg)
	if cfg.shift < 0 && res.shift >= maxShift {
		fmt.Fprintf(os.Stderr, "train: warning: the classifier's shift stopped at its bound %.2f: the unseen-source floor or a benign probe is still at or over %.2f (a signature alone may put a probe there)\n", float64(maxShift), cfg.minThreshold)
	}
	if err := os.WriteFile(*out, res.weights, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s (%d bytes); classifier shift %.2f; threshold %.3f = max(tune split %.3f, unseen-source floor %.3f, policy floor %.3f)\n",
		*out, len(res.weights), res.shift, res.threshold, res.tuneThreshold, res.floor, cfg.minThreshold)
	m, err := injection.LoadModel(res.weights)
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	report(os.Stdout, rows, m, res.threshold, strings.Split(*splitList, ","))
}

// loadModel reads a weights file, or returns the embedded model for "".
func loadModel(path string) (*injection.Model, error) {
	if path == "" {
		return injection.DefaultModel()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return injection.LoadModel(b)
}

// scoreStdin prints, for each non-empty input line, the combined score,
// the classifier and signature parts and the signatures that fired.
func scoreStdin(r io.Reader, w io.Writer, m *injection.Model) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		if t == "" {
			continue
		}
		res := m.Analyze(t, "user")
		fmt.Fprintf(w, "%.3f  clf %.3f  sig %.3f  %-40q %v\n", res.Score, res.Classifier, res.Signatures, t, res.Matches)
	}
}

// reportGeneral scores the hand-written sets in dir (one prompt a line;
// a file whose name contains "attack" holds attacks, "benign" benign
// prompts) and prints, for each file, the share flagged: TPR for attacks,
// FPR for benign prompts. Only counts are printed: the holdout lines are
// never to be read one by one (testdata/general*/README.md).
func reportGeneral(w io.Writer, dir string, m *injection.Model, th float64) error {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("no .txt files in %s", dir)
	}
	fmt.Fprintf(w, "threshold %.3f\n", th)
	for _, name := range names {
		base := filepath.Base(name)
		attack, ok := setFileKind(base)
		if !ok {
			continue
		}
		measure := "FPR"
		if attack {
			measure = "TPR"
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		n, flagged := 0, 0
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line == "" {
				continue
			}
			n++
			if s, _ := m.Score(setLine(line), "user"); s >= th {
				flagged++
			}
		}
		fmt.Fprintf(w, "%-24s %s %.3f (%d/%d)\n", base, measure, ratio(flagged, n), flagged, n)
	}
	return nil
}
