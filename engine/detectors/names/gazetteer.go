package names

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/gazetteer.txt.gz
var gazetteerGz []byte

// Gazetteer flags, one bit per code letter of data/gazetteer.txt.gz.
const (
	gFirst    uint32 = 1 << iota // F given name
	gLast                        // L frequent surname
	gLastRare                    // l rare surname
	gName                        // N person name (first or last)
	gWord                        // W English word, mostly lowercase
	gCommon                      // C common English word
	gProper                      // P proper noun that is not a name
	gCountry                     // K
	gState                       // S state, province, region
	gAbbr                        // A state/province abbreviation
	gCityBig                     // B
	gCity                        // Y
	gTown                        // T
	gMWStart                     // first word of a multi-word entry
	gMW2                         // (on the first word) some entry has >= 2 words
	gMW3                         // ... >= 3 words
	gMW4                         // ... 4 words
	gGiven                       // G frequent given name
	gRegion                      // R first-level region (GeoNames admin1)
	gDict                        // D also a lower-case dictionary word
)

const (
	gAnyName  = gFirst | gLast | gLastRare | gName
	gSurname  = gLast | gLastRare
	gAnyWord  = gWord | gCommon
	gAnyPlace = gCountry | gState | gRegion | gCityBig | gCity | gTown
	gBigPlace = gCountry | gState | gCityBig
)

var codeFlags = [256]uint32{
	'F': gFirst, 'G': gGiven, 'L': gLast, 'l': gLastRare, 'N': gName, 'W': gWord, 'C': gCommon, 'D': gDict,
	'P': gProper, 'K': gCountry, 'S': gState, 'R': gRegion, 'A': gAbbr, 'B': gCityBig, 'Y': gCity, 'T': gTown,
}

// table is an open-addressing hash map from 64-bit token or phrase
// hashes to flags. Each slot packs a 32-bit fingerprint of the hash (its
// high half, never 0) with the flags, so a lookup touches one cache line;
// the slot index comes from the low half. With at most half the slots
// used, a stranger matches a fingerprint about once in two billion
// lookups.
type table struct {
	slots []uint64
	mask  uint64
}

func newTable(n int) *table {
	size := 1
	for size < n*2 {
		size <<= 1
	}
	return &table{slots: make([]uint64, size), mask: uint64(size - 1)}
}

func fingerprint(h uint64) uint64 { return (h >> 32) | 1 }

func (t *table) get(h uint64) uint32 {
	fp := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := t.slots[i]
		if e>>32 == fp {
			return uint32(e)
		}
		if e == 0 {
			return 0
		}
	}
}

func (t *table) or(h uint64, f uint32) {
	fp := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := t.slots[i]
		if e>>32 == fp {
			t.slots[i] = e | uint64(f)
			return
		}
		if e == 0 {
			t.slots[i] = fp<<32 | uint64(f)
			return
		}
	}
}

var (
	gazOnce sync.Once
	gaz     *table
)

// gazetteer returns the word table, decoding the embedded data on first use.
func gazetteer() *table {
	gazOnce.Do(func() { gaz = loadGazetteer(gazetteerGz); addWorldNames(gaz) })
	return gaz
}

func loadGazetteer(gz []byte) *table {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("names: bad embedded gazetteer: " + err.Error())
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		panic("names: bad embedded gazetteer: " + err.Error())
	}
	data := string(raw)
	t := newTable(strings.Count(data, "\n"))
	for len(data) > 0 {
		nl := strings.IndexByte(data, '\n')
		if nl < 0 {
			nl = len(data)
		}
		line := data[:nl]
		data = data[min(nl+1, len(data)):]
		tab := strings.IndexByte(line, '\t')
		if len(line) == 0 || line[0] == '#' || tab <= 0 {
			continue
		}
		var f uint32
		for i := 0; i < tab; i++ {
			f |= codeFlags[line[i]]
		}
		phrase := line[tab+1:]
		sp := strings.IndexByte(phrase, ' ')
		if sp < 0 {
			t.or(hashWord(phrase), f)
			continue
		}
		h := phraseStart
		words := 0
		first := phrase[:sp]
		for phrase != "" {
			w := phrase
			if k := strings.IndexByte(phrase, ' '); k >= 0 {
				w, phrase = phrase[:k], phrase[k+1:]
			} else {
				phrase = ""
			}
			h = phraseAdd(h, hashWord(w))
			words++
		}
		t.or(h, f)
		mw := gMWStart | gMW2
		if words >= 3 {
			mw |= gMW3
		}
		if words >= 4 {
			mw |= gMW4
		}
		t.or(hashWord(first), mw)
	}
	return t
}

const (
	fnvOffset          = 14695981039346656037
	fnvPrime           = 1099511628211
	phraseStart uint64 = 0x9e3779b97f4a7c15
)

// phraseAdd folds a word hash into a phrase hash.
func phraseAdd(h, w uint64) uint64 {
	h ^= w + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	return h * 0xff51afd7ed558ccd
}

// lowerASCII maps A-Z to a-z and keeps other bytes.
var lowerASCII = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if i >= 'A' && i <= 'Z' {
			t[i] = byte(i) + 'a' - 'A'
		}
	}
	return
}()

// foldLatin gives the ASCII base letters of lowercased U+00C0..U+017F, so
// that "Goiânia" and "Goiania" hash alike.
var foldLatin = strings.Split("a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|ss|a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|y|a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|d|d|e|e|e|e|e|e|e|e|e|e|g|g|g|g|g|g|g|g|h|h|h|h|i|i|i|i|i|i|i|i|i|i|||j|j|k|k|k|l|l|l|l|l|l|l|l|l|l|n|n|n|n|n|n||n|n|o|o|o|o|o|o|oe|oe|r|r|r|r|r|r|s|s|s|s|s|s|s|s|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|u|u|u|w|w|y|y|y|z|z|z|z|z|z|", "|")

// hashWord hashes a word case- and accent-insensitively. Apostrophes are
// normalised to ASCII; other bytes are hashed as they are.
func hashWord(s string) uint64 { return hashMore(fnvOffset, s) }

// hashMore continues hash h over s as hashWord does: hashMore(hashWord(a),
// b) is hashWord(a+b), without making a+b.
func hashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			h = (h ^ uint64(lowerASCII[c])) * fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		h = hashRune(h, r)
	}
	return h
}

func hashRune(h uint64, r rune) uint64 {
	if r == '’' || r == 'ʼ' {
		return (h ^ '\'') * fnvPrime
	}
	r = unicode.ToLower(r)
	if r >= 0xC0 && r < 0x180 {
		if f := foldLatin[r-0xC0]; f != "" {
			for j := 0; j < len(f); j++ {
				h = (h ^ uint64(f[j])) * fnvPrime
			}
			return h
		}
	}
	if unicode.Is(unicode.Mn, r) { // combining accents: drop
		return h
	}
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	for j := 0; j < n; j++ {
		h = (h ^ uint64(buf[j])) * fnvPrime
	}
	return h
}

// IsCommonWord reports whether w (any case) is one of the gazetteer's
// common English words (SUBTLEX-US, 300 or more occurrences: "car",
// "cake", "advice"), as against a rarer one ("quantum", "python"). Other
// detectors use it to weigh how specific a word is. The table is decoded
// on first use.
func IsCommonWord(w string) bool {
	return gazetteer().get(hashWord(w))&gCommon != 0
}
