package injection

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"sync"
)

// The classifier's weights: int8-quantised logistic regression over the
// hashed features (see features.go), written by ./train.
//
// File layout (little endian):
//
//	magic "PPIJ", version uint16 (1), hash bits uint16,
//	threshold float32 (tuned on the tune split), bias float32,
//	scale float32 (weight = int8 * scale), then 2^bits int8 weights.
//
//go:embed model/weights.bin
var embeddedWeights []byte

const modelMagic = "PPIJ"

// Model is a loaded classifier.
type Model struct {
	Threshold float64
	bias      float64
	scale     float64
	w         []int8
}

// LoadModel parses a weights file.
func LoadModel(b []byte) (*Model, error) {
	if len(b) < 20 || string(b[:4]) != modelMagic {
		return nil, errors.New("injection: not a weights file")
	}
	if v := binary.LittleEndian.Uint16(b[4:]); v != 1 {
		return nil, errors.New("injection: unsupported weights version")
	}
	if bits := binary.LittleEndian.Uint16(b[6:]); bits != HashBits {
		return nil, errors.New("injection: weights hash size does not match")
	}
	m := &Model{
		Threshold: float64(math.Float32frombits(binary.LittleEndian.Uint32(b[8:]))),
		bias:      float64(math.Float32frombits(binary.LittleEndian.Uint32(b[12:]))),
		scale:     float64(math.Float32frombits(binary.LittleEndian.Uint32(b[16:]))),
	}
	if len(b) != 20+hashDim {
		return nil, errors.New("injection: truncated weights file")
	}
	m.w = make([]int8, hashDim)
	for i, c := range b[20:] {
		m.w[i] = int8(c)
	}
	return m, nil
}

// EncodeModel writes float weights as a weights file (used by the trainer).
// Weights are quantised symmetrically to int8.
func EncodeModel(w []float64, bias, threshold float64) []byte {
	maxAbs := 0.0
	for _, v := range w {
		maxAbs = math.Max(maxAbs, math.Abs(v))
	}
	scale := maxAbs / 127
	if scale == 0 {
		scale = 1
	}
	out := make([]byte, 20+hashDim)
	copy(out, modelMagic)
	binary.LittleEndian.PutUint16(out[4:], 1)
	binary.LittleEndian.PutUint16(out[6:], HashBits)
	binary.LittleEndian.PutUint32(out[8:], math.Float32bits(float32(threshold)))
	binary.LittleEndian.PutUint32(out[12:], math.Float32bits(float32(bias)))
	binary.LittleEndian.PutUint32(out[16:], math.Float32bits(float32(scale)))
	for i, v := range w {
		q := math.Round(v / scale)
		q = math.Max(-127, math.Min(127, q))
		out[20+i] = byte(int8(q))
	}
	return out
}

// logit is the classifier's log-odds for extracted features.
func (m *Model) logit(fb *featureBlocks) float64 {
	ws, cs := fb.scales()
	w := m.w
	var sw, sc, sg int64
	idx := fb.idx
	for _, h := range idx[:fb.nWord] {
		sw += int64(w[h])
	}
	for _, h := range idx[fb.nWord : fb.nWord+fb.nChar] {
		sc += int64(w[h])
	}
	for _, h := range idx[fb.nWord+fb.nChar:] {
		sg += int64(w[h])
	}
	return m.bias + m.scale*(float64(sw)*ws+float64(sc)*cs+float64(sg))
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// DefaultModel is the embedded classifier.
func DefaultModel() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = LoadModel(embeddedWeights) })
	return defaultModel, defaultErr
}
