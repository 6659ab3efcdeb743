package main

import (
	"math"
	"sort"
	"strings"

	"github.com/parapet-dev/parapet/engine/detectors/injection"
)

func splitOf(id string) string { return injection.Split(id) }

// config fixes every training choice; nothing is random.
type config struct {
	iters    int     // full-batch Adam iterations
	lr       float64 // Adam step size
	l2       float64 // L2 penalty on weights (not the bias)
	minDF    int     // a hashed feature must occur in this many training rows
	minFam   int     // ... and in rows of this many subtype families
	famBal   float64 // family weight exponent: row weight = 1/size^famBal
	maxFPR   float64 // threshold: highest tune-split benign FPR allowed
	maxFamFP float64 // threshold: highest tune-split FPR on a hard-negative family
	// threshold floor: highest mean FPR on benign families left out of
	// training (leave-one-family-out on the train split)
	maxUnseenFPR float64
	// threshold floor set by the policy: the default policy warns from
	// 0.35, so deny must stay above that band; it is also the previous
	// release's threshold, so a retrained model never moves the deployed
	// operating point towards more false positives
	minThreshold float64
	augment      bool    // add the hand-written rows of augment.go to training
	cueless      float64 // training weight of a cueless "direct" row (noise.go) relative to its family's other rows
	shift        float64 // subtracted from the fitted bias, so the classifier's scores sit lower against the signatures and the threshold; negative: chosen by train
	benignProbes []row   // prompts that must score below the policy floor (chooseShift)
	extra        []row   // hand-written sets (-sets) added to training, like the augmentation rows
}

func defaultConfig() config {
	return config{iters: 300, lr: 0.05, l2: 2e-6, minDF: 2, minFam: 1, famBal: 1, maxFPR: 0.01, maxFamFP: 0.02, maxUnseenFPR: 0.02, minThreshold: 0.37, augment: true, cueless: 0, shift: -1}
}

type sparse struct {
	idx []uint32
	val []float32
}

type result struct {
	weights       []byte
	threshold     float64 // the largest of the two below and cfg.minThreshold
	tuneThreshold float64 // chosen on the tune split
	floor         float64 // from unseen-source (leave-one-family-out) scores
	shift         float64 // subtracted from the fitted bias
}

// train fits logistic regression on the train split (plus augmentation
// and the hand-written sets), shifts the classifier's bias (cfg.shift, or
// when it is negative the smallest multiple of 0.25 at which the
// unseen-source floor is no higher than the policy floor), chooses the
// threshold on the tune split and returns the weights file.
func train(rows []row, cfg config) result {
	tr := trainingRows(rows, cfg)
	w, b, unseen, shift := fitAndShift(tr, cfg)
	b -= shift
	floor := floorAt(unseen, cfg, shift)
	// threshold on the tune split, with the quantised model
	m, err := injection.LoadModel(injection.EncodeModel(w, b, 0.5))
	if err != nil {
		panic(err)
	}
	tuneTh := chooseThreshold(rows, m, cfg)
	th := math.Max(math.Max(tuneTh, floor), cfg.minThreshold)
	return result{weights: injection.EncodeModel(w, b, th), threshold: th, tuneThreshold: tuneTh, floor: floor, shift: shift}
}

// trainingRows is what the model is fitted on: the corpus's train split,
// the hand-written rows (cfg.augment) and the hand-written sets
// (cfg.extra).
func trainingRows(rows []row, cfg config) []row {
	var tr []row
	for _, r := range rows {
		if r.split == "train" {
			tr = append(tr, r)
		}
	}
	if cfg.augment {
		tr = append(tr, augmentRows()...)
	}
	return append(tr, cfg.extra...)
}

// fitAndShift fits tr, scores the unseen-source families and the benign
// probes, and returns the weights and bias before any shift, the
// unseen-source scores and the shift (chooseShift).
func fitAndShift(tr []row, cfg config) (w []float64, b float64, unseen [][]scoredParts, shift float64) {
	w, b = fit(tr, cfg)
	unseen = unseenSourceScores(tr, cfg)
	m0, err := injection.LoadModel(injection.EncodeModel(w, b, 0.5))
	if err != nil {
		panic(err)
	}
	return w, b, unseen, chooseShift(unseen, partsOf(m0, cfg.benignProbes), cfg)
}

// chooseShift returns cfg.shift, or when it is negative the smallest
// multiple of 0.25 at which the unseen-source floor is no higher than the
// policy floor and every benign probe (the known false positives of
// earlier models, testdata/probes_benign.txt) scores below it.
func chooseShift(unseen [][]scoredParts, probes []scoredParts, cfg config) float64 {
	if cfg.shift >= 0 {
		return cfg.shift
	}
	ok := func(shift float64) bool {
		if floorAt(unseen, cfg, shift) > cfg.minThreshold {
			return false
		}
		for _, p := range probes {
			if scoreAt(p, shift) >= cfg.minThreshold {
				return false
			}
		}
		return true
	}
	shift := 0.0
	for !ok(shift) && shift < maxShift {
		shift += 0.25
	}
	return shift
}

// resolveShift is the shift train would choose for rows (fitting the
// leave-one-family-out models), for the reports that refit the model.
func resolveShift(rows []row, cfg config) float64 {
	if cfg.shift >= 0 {
		return cfg.shift
	}
	_, _, _, shift := fitAndShift(trainingRows(rows, cfg), cfg)
	return shift
}

// maxShift bounds the automatic shift of the classifier's bias.
const maxShift = 4

// unseenSourceScores scores, for each benign family of the corpus's
// training rows, that family's rows with a model fitted without it
// (the hand-written rows always stay in training). Training rows only.
func unseenSourceScores(tr []row, cfg config) [][]scoredParts {
	fams := map[string]bool{}
	for _, r := range tr {
		if !r.attack && !strings.HasPrefix(r.Subtype, "augment_") {
			fams[family(r)] = true
		}
	}
	var out [][]scoredParts
	for _, f := range sortedKeys(fams) {
		var in, left []row
		for _, r := range tr {
			if !r.attack && family(r) == f {
				left = append(left, r)
			} else {
				in = append(in, r)
			}
		}
		w, b := fit(in, cfg)
		m, err := injection.LoadModel(injection.EncodeModel(w, b, 0.5))
		if err != nil {
			panic(err)
		}
		out = append(out, partsOf(m, left))
	}
	return out
}

// floorAt is the unseen-source floor for the classifier shifted by
// shift: the lowest threshold (multiple of 0.01) at which the mean of the
// left-out benign families' false-positive rates is at most
// cfg.maxUnseenFPR, an estimate of how the threshold must be set for
// benign prompts from a source the model never saw.
func floorAt(fams [][]scoredParts, cfg config, shift float64) float64 {
	for t := 0.05; t <= 0.951; t += 0.01 {
		t = math.Round(t*100) / 100
		mean := 0.0
		for _, s := range fams {
			fp := 0
			for _, p := range s {
				if scoreAt(p, shift) >= t {
					fp++
				}
			}
			mean += float64(fp) / float64(len(s)) / float64(len(fams))
		}
		if mean <= cfg.maxUnseenFPR {
			return t
		}
	}
	return 0.95
}

// fit is deterministic logistic regression (before any shift of the
// bias): full-batch Adam over the rows
// in order, L2 penalty, a document-frequency mask. Products are converted
// explicitly so that the compiler cannot fuse them into FMA instructions
// on some architectures and not others: the same rows give the same bits.
func fit(tr []row, cfg config) ([]float64, float64) {
	if cfg.cueless == 0 {
		var kept []row
		for _, r := range tr {
			if !cueless(r) {
				kept = append(kept, r)
			}
		}
		tr = kept
	}
	X := make([]sparse, len(tr))
	y := make([]float64, len(tr))
	for i, r := range tr {
		idx, val := injection.Features(r.Text, "user")
		X[i] = sparse{idx, val}
		if r.attack {
			y[i] = 1
		}
	}
	sw := rowWeights(tr, cfg.famBal, cfg.cueless)

	// document frequency mask: a feature must occur in minDF rows and in
	// minFam families (a feature seen in one source only is likely an
	// artefact of how that source was written)
	df := make([]int32, 1<<injection.HashBits)
	famOf := map[string]int{}
	nf := make([]uint16, len(df))
	lastFam := make([]int32, len(df))
	for i := range lastFam {
		lastFam[i] = -1
	}
	order := make([]int, len(X))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return family(tr[order[a]]) < family(tr[order[b]]) })
	for _, i := range order {
		f := family(tr[i])
		id, ok := famOf[f]
		if !ok {
			id = len(famOf)
			famOf[f] = id
		}
		for _, h := range X[i].idx {
			df[h]++
			if lastFam[h] != int32(id) {
				lastFam[h] = int32(id)
				nf[h]++
			}
		}
	}
	mask := make([]bool, len(df))
	for h, n := range df {
		mask[h] = int(n) >= cfg.minDF && int(nf[h]) >= cfg.minFam
	}

	d := len(df)
	w := make([]float64, d)
	g := make([]float64, d)
	m1 := make([]float64, d)
	m2 := make([]float64, d)
	var b, bm1, bm2 float64
	const beta1, beta2, eps = 0.9, 0.999, 1e-8
	for it := 1; it <= cfg.iters; it++ {
		clear(g)
		gb := 0.0
		for i, x := range X {
			z := b
			for k, h := range x.idx {
				if mask[h] {
					z += float64(w[h] * float64(x.val[k]))
				}
			}
			p := 1 / (1 + math.Exp(-z))
			e := (p - y[i]) * sw[i]
			gb += e
			for k, h := range x.idx {
				if mask[h] {
					g[h] += float64(e * float64(x.val[k]))
				}
			}
		}
		c1 := 1 - math.Pow(beta1, float64(it))
		c2 := 1 - math.Pow(beta2, float64(it))
		for h := 0; h < d; h++ {
			if !mask[h] {
				continue
			}
			gh := g[h] + float64(cfg.l2*w[h])
			m1[h] = float64(beta1*m1[h]) + float64((1-beta1)*gh)
			m2[h] = float64(beta2*m2[h]) + float64((1-beta2)*gh*gh)
			w[h] -= cfg.lr * (m1[h] / c1) / (math.Sqrt(m2[h]/c2) + eps)
		}
		bm1 = beta1*bm1 + (1-beta1)*gb
		bm2 = beta2*bm2 + (1-beta2)*gb*gb
		b -= cfg.lr * (bm1 / c1) / (math.Sqrt(bm2/c2) + eps)
	}
	return w, b
}

// rowWeights balances the training objective: within a label, a row of a
// family of n rows weighs n^-exp (exp 1: every subtype family weighs the
// same, so the 750 security-flavoured cyber_frr rows or the 648 in-the-wild
// jailbreaks do not define their label), and attacks and benign rows
// weigh the same in total. A cueless row (noise.go) counts as cueless of
// a row, in its family's size too, so that its family keeps its weight.
// Weights sum to 1.
func rowWeights(rows []row, exp, cuelessW float64) []float64 {
	f := make([]float64, len(rows))
	n := map[string]float64{}
	for i, r := range rows {
		f[i] = 1
		if cueless(r) {
			f[i] = cuelessW
		}
		n[family(r)+"|"+r.Label] += f[i]
	}
	w := make([]float64, len(rows))
	var tot [2]float64
	for i, r := range rows {
		if f[i] > 0 {
			w[i] = f[i] * math.Pow(n[family(r)+"|"+r.Label], -exp)
		}
		tot[b2i(r.attack)] += w[i]
	}
	for i, r := range rows {
		w[i] /= 2 * tot[b2i(r.attack)]
	}
	return w
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hardNegative reports the families whose FPR has its own target.
func hardNegative(fam string) bool { return fam == "cyber_frr" || fam == "xstest_safe" }

// chooseThreshold picks, on the tune split only, the lowest threshold
// (rounded up to 0.01) whose benign FPR is at most cfg.maxFPR overall and
// cfg.maxFamFP on each hard-negative family.
func chooseThreshold(rows []row, m *injection.Model, cfg config) float64 {
	type sc struct {
		s      float64
		attack bool
		fam    string
	}
	var tune []sc
	for _, r := range rows {
		if r.split != "tune" {
			continue
		}
		s, _ := m.Score(r.Text, "user")
		tune = append(tune, sc{s, r.attack, family(r)})
	}
	ok := func(t float64) bool {
		var fp, neg int
		famFP, famN := map[string]int{}, map[string]int{}
		for _, x := range tune {
			if x.attack {
				continue
			}
			neg++
			famN[x.fam]++
			if x.s >= t {
				fp++
				famFP[x.fam]++
			}
		}
		if neg > 0 && float64(fp)/float64(neg) > cfg.maxFPR {
			return false
		}
		for f, n := range famN {
			if hardNegative(f) && float64(famFP[f])/float64(n) > cfg.maxFamFP {
				return false
			}
		}
		return true
	}
	cands := []float64{}
	for t := 0.05; t <= 0.951; t += 0.01 {
		cands = append(cands, math.Round(t*100)/100)
	}
	sort.Float64s(cands)
	for _, t := range cands {
		if ok(t) {
			return t
		}
	}
	return 0.95
}
