package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/parapet-dev/parapet/engine/detectors/injection"
)

type counts struct{ tp, fp, tn, fn int }

func (c *counts) add(attack, flagged bool) {
	switch {
	case attack && flagged:
		c.tp++
	case attack:
		c.fn++
	case flagged:
		c.fp++
	default:
		c.tn++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c counts) String() string {
	tpr := ratio(c.tp, c.tp+c.fn)
	fpr := ratio(c.fp, c.fp+c.tn)
	prec := ratio(c.tp, c.tp+c.fp)
	f1 := 0.0
	if prec+tpr > 0 {
		f1 = 2 * prec * tpr / (prec + tpr)
	}
	return fmt.Sprintf("n=%4d  TPR %.3f (%d/%d)  FPR %.3f (%d/%d)  precision %.3f  F1 %.3f",
		c.tp+c.fp+c.tn+c.fn, tpr, c.tp, c.tp+c.fn, fpr, c.fp, c.fp+c.tn, prec, f1)
}

// report prints, for each split, overall metrics at threshold th for the
// combined score, the classifier alone and the signatures alone, then
// TPR per label and attack family and FPR per benign family.
func report(w io.Writer, rows []row, m *injection.Model, th float64, splits []string) {
	fmt.Fprintf(w, "threshold %.3f (attack = injection + jailbreak)\n", th)
	for _, split := range splits {
		var all, clf, sig counts
		var scores []scoredRow
		label := map[string]*counts{}
		fam := map[string]*counts{}
		var cue, noCue counts // CyberSecEval direct rows, by noise.go's rule
		for _, r := range rows {
			if r.split != split {
				continue
			}
			res := m.Analyze(r.Text, "user")
			scores = append(scores, scoredRow{res.Score, r.attack})
			all.add(r.attack, res.Score >= th)
			clf.add(r.attack, res.Classifier >= th)
			sig.add(r.attack, res.Signatures >= th)
			if label[r.Label] == nil {
				label[r.Label] = &counts{}
			}
			label[r.Label].add(r.attack, res.Score >= th)
			k := r.Label + " " + family(r)
			if fam[k] == nil {
				fam[k] = &counts{}
			}
			fam[k].add(r.attack, res.Score >= th)
			if family(r) == "direct" && r.attack {
				if cueless(r) {
					noCue.add(true, res.Score >= th)
				} else {
					cue.add(true, res.Score >= th)
				}
			}
		}
		fmt.Fprintf(w, "\n== %s split\n", split)
		fmt.Fprintf(w, "combined     %v\n", all)
		fmt.Fprintf(w, "classifier   %v\n", clf)
		fmt.Fprintf(w, "signatures   %v\n", sig)
		fmt.Fprintf(w, "AUC %.4f (threshold-free; a description, not an operating point)\n", auc(scores))
		for _, l := range sortedKeys(label) {
			c := label[l]
			if l == "benign" {
				fmt.Fprintf(w, "  label %-10s FPR %.3f (%d/%d)\n", l, ratio(c.fp, c.fp+c.tn), c.fp, c.fp+c.tn)
			} else {
				fmt.Fprintf(w, "  label %-10s TPR %.3f (%d/%d)\n", l, ratio(c.tp, c.tp+c.fn), c.tp, c.tp+c.fn)
			}
		}
		for _, k := range sortedKeys(fam) {
			c := fam[k]
			if c.tp+c.fn > 0 {
				fmt.Fprintf(w, "  family %-36s TPR %.3f (%d/%d)\n", k, ratio(c.tp, c.tp+c.fn), c.tp, c.tp+c.fn)
			} else {
				fmt.Fprintf(w, "  family %-36s FPR %.3f (%d/%d)\n", k, ratio(c.fp, c.fp+c.tn), c.fp, c.fp+c.tn)
			}
		}
		fmt.Fprintf(w, "  direct rows with an attack cue           TPR %.3f (%d/%d)\n", ratio(cue.tp, cue.tp+cue.fn), cue.tp, cue.tp+cue.fn)
		fmt.Fprintf(w, "  direct rows without one (cueless)        TPR %.3f (%d/%d)\n", ratio(noCue.tp, noCue.tp+noCue.fn), noCue.tp, noCue.tp+noCue.fn)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// printSigStats prints how often each signature fires per label family
// (all splits), to audit signatures for false positives.
func printSigStats(rows []row) {
	type key struct{ sig, fam string }
	n := map[key]int{}
	famN := map[string]int{}
	for _, r := range rows {
		f := r.Label + " " + family(r)
		famN[f]++
		_, ms := injection.Score(r.Text, "user")
		for _, s := range ms {
			n[key{s, f}]++
		}
	}
	var ks []key
	for k := range n {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].sig != ks[j].sig {
			return ks[i].sig < ks[j].sig
		}
		return ks[i].fam < ks[j].fam
	})
	for _, k := range ks {
		fmt.Printf("%-40s %-36s %4d / %d\n", k.sig, k.fam, n[k], famN[k.fam])
	}
}

type scoredRow struct {
	s      float64
	attack bool
}

// auc is the probability that an attack outscores a benign row (ties
// count half).
func auc(xs []scoredRow) float64 {
	sort.Slice(xs, func(i, j int) bool { return xs[i].s < xs[j].s })
	var pos, neg, rank float64
	for i := 0; i < len(xs); {
		j := i
		for j < len(xs) && xs[j].s == xs[i].s {
			j++
		}
		mid := float64(i+j+1) / 2
		for k := i; k < j; k++ {
			if xs[k].attack {
				pos++
				rank += mid
			} else {
				neg++
			}
		}
		i = j
	}
	if pos == 0 || neg == 0 {
		return 0
	}
	return (rank - pos*(pos+1)/2) / (pos * neg)
}
