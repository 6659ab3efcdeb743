package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/parapet-dev/parapet/engine/detectors/injection"
)

// smallRows is a deterministic slice to train on: the hand-written rows,
// split between train and tune.
func smallRows() []row {
	rows := augmentRows()
	for i := range rows {
		if i%5 == 0 {
			rows[i].split = "tune"
		}
		if i%3 == 0 {
			rows[i].Subtype = "small_" + rows[i].Subtype // not augment_: takes part in the floor
		}
	}
	return rows
}

func TestTrainingIsDeterministic(t *testing.T) {
	cfg := defaultConfig()
	cfg.iters, cfg.augment = 15, false
	a := train(smallRows(), cfg)
	b := train(smallRows(), cfg)
	if !bytes.Equal(a.weights, b.weights) || a.threshold != b.threshold {
		t.Fatal("two trainings on the same rows gave different weights")
	}
	if _, err := injection.LoadModel(a.weights); err != nil {
		t.Fatal(err)
	}
}

func TestRowWeightsBalance(t *testing.T) {
	rows := smallRows()
	w := rowWeights(rows, 0.5)
	var att, ben float64
	for i, r := range rows {
		if r.attack {
			att += w[i]
		} else {
			ben += w[i]
		}
	}
	if d := att - ben; d > 1e-9 || d < -1e-9 {
		t.Errorf("attack weight %v, benign weight %v", att, ben)
	}
}

// TestCorpusSplit checks the documented split on the development corpus
// when it is present (it lives outside the repository).
func TestCorpusSplit(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "..", "shared", "corpora", "injection_dev.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skip("development corpus not present")
	}
	rows, err := readRows(path)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, r := range rows {
		n[r.split]++
	}
	if n["train"] < len(rows)*6/10 || n["tune"] < len(rows)/20 || n["test"] < len(rows)/7 {
		t.Errorf("split sizes %v of %d", n, len(rows))
	}
}
