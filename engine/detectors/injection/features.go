package injection

import (
	"encoding/binary"
	"math"
	"slices"
)

// Feature hashing. The classifier sees three blocks of features, all
// hashed into one table of 2^HashBits weights:
//
//   - word unigrams and bigrams of the normalised text, each occurrence
//     worth 1/sqrt(number of word features), so that the block has unit
//     norm-ish scale whatever the length of the text;
//   - character 4-grams of the normalised bytes, likewise worth
//     1/sqrt(number of character features);
//   - one feature per signature category that fired (worth 1), shared by
//     all languages.
const (
	HashBits = 18
	hashDim  = 1 << HashBits
	// maxFeatureBytes bounds the normalised text the classifier reads; the
	// signatures scan everything.
	maxFeatureBytes = 32 << 10
	charN           = 4 // character n-gram order (packed into a uint32)
)

const (
	seedWord   = 0x9e3779b97f4a7c15
	seedBigram = 0xc2b2ae3d27d4eb4f
	seedChar   = 0x165667b19e3779f9
	seedCat    = 0x27d4eb2f165667c5
	fnvOffset  = 14695981039346656037
	fnvPrime   = 1099511628211
)

func mixIndex(h uint64) uint32 {
	h ^= h >> 29
	return uint32((h * 0xff51afd7ed558ccd) >> (64 - HashBits))
}

var wordByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 || c == '\''
	}
	return t
}()

func isWordByte(c byte) bool { return wordByte[c] }

// featureBlocks holds the hashed feature occurrences of one text.
type featureBlocks struct {
	idx          []uint32 // word block, then char block, then categories
	nWord, nChar int
}

// extract fills fb from normalised bytes b (with its leading '\n') and a
// bit set of fired signature categories.
func (fb *featureBlocks) extract(b []byte, cats uint32) {
	fb.idx = fb.idx[:0]
	if len(b) > maxFeatureBytes {
		b = b[:maxFeatureBytes]
	}
	// words
	var prev uint64
	havePrev := false
	for i := 0; i < len(b); {
		if !isWordByte(b[i]) {
			i++
			continue
		}
		h := uint64(fnvOffset)
		for i < len(b) && isWordByte(b[i]) {
			h = (h ^ uint64(b[i])) * fnvPrime
			i++
		}
		fb.idx = append(fb.idx, mixIndex(h^seedWord))
		if havePrev {
			fb.idx = append(fb.idx, mixIndex((prev*31+h)^seedBigram))
		}
		prev, havePrev = h, true
	}
	fb.nWord = len(fb.idx)
	// character n-grams (3..5) over the bytes after the leading '\n'
	c := b
	if len(c) > 0 && c[0] == '\n' {
		c = c[1:]
	}
	// A 4-gram is its four bytes packed into one word, then mixed.
	for i := 0; i+charN <= len(c); i++ {
		v := uint64(binary.LittleEndian.Uint32(c[i:]))
		fb.idx = append(fb.idx, mixIndex(v^seedChar))
	}
	fb.nChar = len(fb.idx) - fb.nWord
	for k := 0; k < numCats; k++ {
		if cats&(1<<k) != 0 && k != catSecret {
			fb.idx = append(fb.idx, mixIndex(uint64(k+1)*seedCat))
		}
	}
}

// Length-aware scaling: a block of n features is worth 1/sqrt(max(n,
// floor)) per occurrence, so that a short text, which carries little
// evidence, stays near the bias instead of being decided by one or two
// words.
const (
	minWordFeatures = 24
	minCharFeatures = 64
)

// scales returns the value of one occurrence in the word and character
// blocks (category features are worth 1).
func (fb *featureBlocks) scales() (word, char float64) {
	if fb.nWord > 0 {
		word = 1 / math.Sqrt(float64(max(fb.nWord, minWordFeatures)))
	}
	if fb.nChar > 0 {
		char = 1 / math.Sqrt(float64(max(fb.nChar, minCharFeatures)))
	}
	return
}

// Features returns the classifier's sparse feature vector of a text
// (indices sorted, duplicates summed), as the trainer sees it. The
// features do not depend on the source; it is accepted so that a future
// source-aware feature does not change the signature.
func Features(text, source string) (idx []uint32, val []float32) {
	_ = source
	sc := getScanner()
	defer putScanner(sc)
	sc.run(text)
	fb := &sc.fb
	ws, cs := fb.scales()
	m := map[uint32]float64{}
	for i, h := range fb.idx {
		switch {
		case i < fb.nWord:
			m[h] += ws
		case i < fb.nWord+fb.nChar:
			m[h] += cs
		default:
			m[h] += 1
		}
	}
	idx = make([]uint32, 0, len(m))
	for h := range m {
		idx = append(idx, h)
	}
	slices.Sort(idx)
	val = make([]float32, len(idx))
	for i, h := range idx {
		val[i] = float32(m[h])
	}
	return idx, val
}
