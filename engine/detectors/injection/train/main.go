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
//
// -data defaults to ../shared/corpora/injection_dev.jsonl (relative to the
// repository root); -out to engine/detectors/injection/model/weights.bin.
// Training is deterministic: no randomness, full-batch optimisation over
// rows in file order, fixed iterations, so the same corpus gives the same
// bytes.
package main

import (
	"flag"
	"fmt"
	"os"

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
	lofo := flag.Bool("lofo", false, "leave-one-family-out inside the train split (for choosing settings)")
	flag.Parse()

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
		var m *injection.Model
		if *model != "" {
			b, err := os.ReadFile(*model)
			if err == nil {
				m, err = injection.LoadModel(b)
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "train:", err)
				os.Exit(1)
			}
		} else if m, err = injection.DefaultModel(); err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		th := m.Threshold
		if *evalTh > 0 {
			th = *evalTh
		}
		report(os.Stdout, rows, m, th)
		return
	}
	cfg := defaultConfig()
	cfg.l2, cfg.iters, cfg.augment = *l2, *iters, !*noAug
	cfg.minFam, cfg.famBal = *minFam, *famBal
	if *cv {
		crossValidate(rows, cfg)
		return
	}
	if *lofo {
		leaveFamilyOut(rows, cfg, injection.DefaultThreshold)
		return
	}
	res := train(rows, cfg)
	if err := os.WriteFile(*out, res.weights, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s (%d bytes); threshold %.3f = max(tune split %.3f, unseen-source floor %.3f)\n",
		*out, len(res.weights), res.threshold, res.tuneThreshold, res.floor)
	m, err := injection.LoadModel(res.weights)
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	report(os.Stdout, rows, m, res.threshold)
}
