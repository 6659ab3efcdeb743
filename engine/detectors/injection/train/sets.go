package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/parapet-dev/parapet/engine/detectors/injection"
)

// trainingSets are the hand-written sets the released model is trained
// on: every set written for this project except general8 and general9,
// which are kept for aggregate-only readings (their READMEs). general7
// was such a set for an earlier model and is trained on since.
const trainingSets = "engine/detectors/injection/testdata/general," +
	"engine/detectors/injection/testdata/general2," +
	"engine/detectors/injection/testdata/general3," +
	"engine/detectors/injection/testdata/general4," +
	"engine/detectors/injection/testdata/general5," +
	"engine/detectors/injection/testdata/general6," +
	"engine/detectors/injection/testdata/general7," +
	"engine/detectors/injection/testdata/general_enterprise," +
	"engine/detectors/injection/testdata/agentic_dev," +
	"engine/detectors/injection/testdata/ai_notices_dev," +
	"engine/detectors/injection/testdata/styles_dev"

// heldOut are the files whose lines must never be training rows: the
// probes, the hand-written sets kept for aggregate readings (general8,
// general9) and general10 and general11, development sets for signatures
// only.
var heldOut = []string{
	"engine/detectors/injection/testdata/probes_benign.txt",
	"engine/detectors/injection/testdata/probes_attack.txt",
	"engine/detectors/injection/testdata/general8/attack.txt",
	"engine/detectors/injection/testdata/general8/benign_hard.txt",
	"engine/detectors/injection/testdata/general8/benign_ordinary.txt",
	"engine/detectors/injection/testdata/general9/attack.txt",
	"engine/detectors/injection/testdata/general9/benign_hard.txt",
	"engine/detectors/injection/testdata/general9/benign_ordinary.txt",
	"engine/detectors/injection/testdata/general10/attack.txt",
	"engine/detectors/injection/testdata/general10/benign_hard.txt",
	"engine/detectors/injection/testdata/general10/benign_ordinary.txt",
	"engine/detectors/injection/testdata/general11/attack.txt",
	"engine/detectors/injection/testdata/general11/benign_hard.txt",
	"engine/detectors/injection/testdata/general11/benign_ordinary.txt",
}

// decontaminate drops the rows whose normalised text is a line of one of
// the held-out files (under root), and reports how many it dropped.
// Hand-written sets repeat stock questions ("What is 15% of 240?") that
// another set's author wrote too.
func decontaminate(rows []row, root string, files []string) ([]row, int, error) {
	held := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return nil, 0, err
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				held[injection.Normalize(l)] = true
			}
		}
	}
	out := rows[:0:0]
	for _, r := range rows {
		if !held[injection.Normalize(r.Text)] {
			out = append(out, r)
		}
	}
	return out, len(rows) - len(out), nil
}

// setRows reads a hand-written set (testdata/general*, styles_dev: one
// prompt a line; a file whose name contains "attack" holds attacks,
// "benign" benign prompts) as training rows. Every row of every set is one
// family per label ("augment_sets"), so all of them together weigh as
// much as one family of the corpus; with each, every set is a family of
// its own.
func setRows(dir string, each bool) ([]row, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no .txt files in %s", dir)
	}
	set := filepath.Base(dir)
	var rows []row
	for _, name := range names {
		base := strings.TrimSuffix(filepath.Base(name), ".txt")
		attack, ok := setFileKind(base)
		if !ok {
			continue
		}
		label := "benign"
		if attack {
			label = "injection"
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		fam := "augment_sets"
		if each {
			fam = "augment_set_" + set
		}
		for i, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line == "" {
				continue
			}
			rows = append(rows, row{
				ID: fmt.Sprintf("set-%s-%s-%04d", set, base, i), Text: line, Label: label,
				Subtype: fam + ":" + set + "/" + base, split: "train", attack: label != "benign",
			})
		}
	}
	return rows, nil
}

// setLine is a prompt of a hand-written set as a caller sends it: the
// sets write a line break inside a prompt as the two characters \n (their
// READMEs), and a prompt that reaches Parapet through a JSON API has real
// ones. -general scores the lines this way. Scored as written, a
// multi-line prompt showed the detector backslash-n sequences, which
// most of the sets' multi-line prompts being attacks, the classifier
// had learnt to count as a sign of attack, so the figures on unseen sets
// were too high (general8 by 0.03). Training still reads the lines as
// written: normalisation reads a written line break glued to a word as
// the break itself (normalize.go), and a model trained on the decoded
// lines, tried on 2026-11-27, scored lower on the corpus test split
// (0.855 against 0.864) and on every development set.
func setLine(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }

// setFileKind tells a hand-written set's files apart by name: "attack"
// files hold attacks, "benign" files benign prompts; others are skipped.
func setFileKind(name string) (attack, ok bool) {
	switch {
	case strings.Contains(name, "attack"):
		return true, true
	case strings.Contains(name, "benign"):
		return false, true
	}
	return false, false
}

// readProbes reads a probe file (one prompt a line, # comments) as
// benign rows; "" gives none.
func readProbes(path string) ([]row, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []row
	for i, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, row{ID: fmt.Sprintf("probe-%04d", i), Text: line, Label: "benign", Subtype: "probe", split: "probe"})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no probes", path)
	}
	return rows, nil
}

// readSets reads every directory of a comma-separated list.
func readSets(list string, each bool) (map[string][]row, []string, error) {
	out := map[string][]row{}
	var order []string
	for _, d := range strings.Split(list, ",") {
		if d = strings.TrimSpace(d); d == "" {
			continue
		}
		rs, err := setRows(d, each)
		if err != nil {
			return nil, nil, err
		}
		out[d] = rs
		order = append(order, d)
	}
	return out, order, nil
}

// scored is one row's classifier logit and signature score, so that a
// shift of the classifier's bias can be applied after the fit.
type scoredParts struct {
	file   string
	attack bool
	logit  float64
	sig    float64
}

func scoreAt(p scoredParts, shift float64) float64 {
	clf := 1 / (1 + math.Exp(-(p.logit - shift)))
	return 1 - (1-clf)*(1-p.sig)
}

// partsOf scores rows with m, keeping the two parts apart.
func partsOf(m *injection.Model, rs []row) []scoredParts {
	out := make([]scoredParts, 0, len(rs))
	for _, r := range rs {
		res := m.Analyze(r.Text, "user")
		c := math.Min(math.Max(res.Classifier, 1e-12), 1-1e-12)
		out = append(out, scoredParts{
			file: r.Subtype[strings.IndexByte(r.Subtype, ':')+1:], attack: r.attack,
			logit: math.Log(c / (1 - c)), sig: res.Signatures,
		})
	}
	return out
}

// setRates is the mean TPR over attack files and the mean FPR over
// benign files of scored rows at a threshold and classifier shift, and
// the highest FPR of an "ordinary" benign file.
func setRates(ps []scoredParts, th, shift float64) (tpr, fpr, ordinary float64, perFile map[string][2]int) {
	perFile = map[string][2]int{}
	for _, p := range ps {
		c := perFile[p.file]
		c[1]++
		if scoreAt(p, shift) >= th {
			c[0]++
		}
		perFile[p.file] = c
	}
	var na, nb float64
	for f, c := range perFile {
		r := ratio(c[0], c[1])
		if strings.Contains(f, "attack") {
			tpr += r
			na++
		} else {
			fpr += r
			nb++
			if strings.Contains(f, "ordinary") {
				ordinary = math.Max(ordinary, r)
			}
		}
	}
	return tpr / na, fpr / nb, ordinary, perFile
}

// leaveSetOut trains, for each hand-written set, on the corpus's train
// split, the augmentation rows and every other set, and scores the set
// left out; the rows without any set are the model trained without them.
// It reports the mean TPR over attack files and FPR over benign files at
// the threshold th for a range of shifts of the classifier's bias, and
// each file at the given shift. Only counts are printed (the sets' lines
// are not to be read one by one). It measures what training on text
// written by other hands buys on text from yet another hand.
func leaveSetOut(w io.Writer, rows []row, sets map[string][]row, order []string, cfg config, th float64, shifts []float64) {
	cfg.extra = nil
	base := trainingRows(rows, cfg)
	// the shifts are applied to the scores below
	model := func(tr []row) *injection.Model {
		wt, b := fit(tr, cfg)
		m, err := injection.LoadModel(injection.EncodeModel(wt, b, 0.5))
		if err != nil {
			panic(err)
		}
		return m
	}
	m0 := model(base)
	var without, with []scoredParts
	for _, d := range order {
		var tr []row
		tr = append(tr, base...)
		for _, o := range order {
			if o != d {
				tr = append(tr, sets[o]...)
			}
		}
		without = append(without, partsOf(m0, sets[d])...)
		with = append(with, partsOf(model(tr), sets[d])...)
	}
	t0, f0, o0, files0 := setRates(without, th, 0)
	fmt.Fprintf(w, "without sets, threshold %.2f: mean attack TPR %.3f, mean benign FPR %.3f, highest ordinary FPR %.3f\n", th, t0, f0, o0)
	for _, sh := range shifts {
		t, f, o, _ := setRates(with, th, sh)
		fmt.Fprintf(w, "trained on the other sets, classifier shift %.2f: mean attack TPR %.3f, mean benign FPR %.3f, highest ordinary FPR %.3f\n", sh, t, f, o)
	}
	_, _, _, files1 := setRates(with, th, cfg.shift)
	fmt.Fprintf(w, "by file, without sets -> trained on the others (shift %.2f):\n", cfg.shift)
	for _, f := range sortedKeys(files0) {
		a, b := files0[f], files1[f]
		fmt.Fprintf(w, "  %-34s %.3f (%d/%d) -> %.3f (%d/%d)\n", f, ratio(a[0], a[1]), a[0], a[1], ratio(b[0], b[1]), b[0], b[1])
	}
}
