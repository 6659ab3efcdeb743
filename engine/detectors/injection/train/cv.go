package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/parapet-dev/parapet/engine/detectors/injection"
)

// crossValidate trains on six of the seven train-split buckets and scores
// the seventh, for each bucket, and reports pooled out-of-fold metrics. It
// is for choosing model settings without touching the tune or test rows.
func crossValidate(rows []row, cfg config) {
	type scored struct {
		s      float64
		attack bool
		fam    string
		text   string
		ms     []string
	}
	var all []scored
	for fold := 0; fold <= 6; fold++ {
		var tr, te []row
		for _, r := range rows {
			if r.split != "train" {
				continue
			}
			if injection.SplitBucket(r.ID) == fold {
				te = append(te, r)
			} else {
				tr = append(tr, r)
			}
		}
		if cfg.augment {
			tr = append(tr, augmentRows()...)
		}
		tr = append(tr, cfg.extra...)
		w, b := fit(tr, cfg)
		m, err := injection.LoadModel(injection.EncodeModel(w, b-cfg.shift, 0.5))
		if err != nil {
			panic(err)
		}
		for _, r := range te {
			s, ms := m.Score(r.Text, "user")
			all = append(all, scored{s, r.attack, family(r), r.Text, ms})
		}
	}
	// AUC
	sort.Slice(all, func(i, j int) bool { return all[i].s < all[j].s })
	var pos, neg, rankSum float64
	for i, x := range all {
		if x.attack {
			pos++
			rankSum += float64(i + 1)
		} else {
			neg++
		}
	}
	auc := (rankSum - pos*(pos+1)/2) / (pos * neg)
	fmt.Printf("cv: n=%d AUC %.4f\n", len(all), auc)
	// at the deployed threshold, per family
	{
		th := injection.DefaultThreshold
		famHit, famN := map[string]int{}, map[string]int{}
		var tp, fp int
		for _, x := range all {
			k := x.fam
			famN[k]++
			if x.s >= th {
				famHit[k]++
				if x.attack {
					tp++
				} else {
					fp++
				}
			}
			if cvVerbose && (x.s >= th) != x.attack {
				t := x.text
				if len(t) > 200 {
					t = t[:200]
				}
				fmt.Printf("   cv miss %-12s %.2f %v %q\n", x.fam, x.s, x.ms, t)
			}
		}
		fmt.Printf("cv: at %.2f TPR %.3f (%d/%.0f) FPR %.4f (%d/%.0f)\n", th, float64(tp)/pos, tp, pos, float64(fp)/neg, fp, neg)
		for _, f := range sortedKeys(famN) {
			fmt.Printf("cv:   %-28s %.3f (%d/%d)\n", f, float64(famHit[f])/float64(famN[f]), famHit[f], famN[f])
		}
	}
	for _, maxFPR := range []float64{0.01, 0.02} {
		// lowest threshold with FPR <= maxFPR
		var th float64 = 1
		for t := 0.0; t <= 1.0001; t += 0.005 {
			fp := 0
			for _, x := range all {
				if !x.attack && x.s >= t {
					fp++
				}
			}
			if float64(fp)/neg <= maxFPR {
				th = t
				break
			}
		}
		tp := 0
		famFP, famN := map[string]int{}, map[string]int{}
		for _, x := range all {
			if x.attack && x.s >= th {
				tp++
			}
			if !x.attack {
				famN[x.fam]++
				if x.s >= th {
					famFP[x.fam]++
				}
			}
		}
		fmt.Printf("cv: FPR<=%.2f threshold %.3f TPR %.3f; FPR cyber_frr %d/%d xstest_safe %d/%d\n",
			maxFPR, th, float64(tp)/pos, famFP["cyber_frr"], famN["cyber_frr"], famFP["xstest_safe"], famN["xstest_safe"])
	}
}

var (
	lofoVerbose = os.Getenv("LOFO_VERBOSE") != ""
	cvVerbose   = os.Getenv("CV_VERBOSE") != ""
)

// leaveFamilyOut trains without one subtype family at a time (train split
// only) and reports how the model does on that unseen family at threshold
// th: a proxy for data from other sources.
func leaveFamilyOut(rows []row, cfg config, th float64) {
	fams := map[string]bool{}
	for _, r := range rows {
		fams[family(r)] = true
	}
	var sumTPR, sumFPR float64
	var nA, nB int
	for _, f := range sortedKeys(fams) {
		var tr, te []row
		for _, r := range rows {
			if r.split != "train" {
				continue
			}
			if family(r) == f {
				te = append(te, r)
			} else {
				tr = append(tr, r)
			}
		}
		if len(te) < 10 {
			continue
		}
		if cfg.augment {
			tr = append(tr, augmentRows()...)
		}
		tr = append(tr, cfg.extra...)
		w, b := fit(tr, cfg)
		m, err := injection.LoadModel(injection.EncodeModel(w, b-cfg.shift, th))
		if err != nil {
			panic(err)
		}
		flagged := 0
		for _, r := range te {
			s, ms := m.Score(r.Text, "user")
			if s >= th {
				flagged++
			}
			if lofoVerbose && (s >= th) != r.attack {
				t := r.Text
				if len(t) > 160 {
					t = t[:160]
				}
				fmt.Printf("   miss %.2f %v %q\n", s, ms, t)
			}
		}
		rate := float64(flagged) / float64(len(te))
		if te[0].attack {
			fmt.Printf("lofo: %-30s TPR %.3f (%d/%d)\n", f, rate, flagged, len(te))
			sumTPR += rate
			nA++
		} else {
			fmt.Printf("lofo: %-30s FPR %.3f (%d/%d)\n", f, rate, flagged, len(te))
			sumFPR += rate
			nB++
		}
	}
	fmt.Printf("lofo: mean TPR %.3f, mean FPR %.3f\n", sumTPR/float64(nA), sumFPR/float64(nB))
}
