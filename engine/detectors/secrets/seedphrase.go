package secrets

// Wallet recovery phrases (CRYPTO_SEED_PHRASE): 12, 15, 18, 21 or 24
// words of the BIP-39 English word list in a row, the words that restore
// a cryptocurrency wallet. The last word carries a checksum (the first
// n/3 bits of the SHA-256 of the entropy the words encode); a phrase that
// passes it is reported on its own, one that fails it (a phrase someone
// retyped with a wrong word, or made up) only after wording about seeds,
// wallets or recovery phrases nearby. Documentation stand-ins (a word
// repeated, as in the "abandon … about" test vector, or the first words
// of the list in order) are not reported.
//
// Where: a phrase is looked for where people put one, at the start of a
// line (a phrase pasted on its own, a numbered list; from the scan's
// line-start hook, lineStart, so not in the chunks of dense code that
// the keyword automaton reads instead) and after a keyword and an operator ("mnemonic": "…", SEED_PHRASE=…, "Recovery
// phrase: …"); not in the middle of a sentence with no colon ("my seed
// is …"). A line costs one byte test when it starts with no lower-case
// letter, else a test of the first word's first four letters (one bit of
// a 66 KB table); only a run of twelve is looked up word by word.
//
// The word list is BIP-0039's english.txt (bitcoin/bips), as shipped by
// github.com/tyler-smith/go-bip39 v1.1.0 (MIT licence), byte for byte
// (CRC-32 c1dbd296, checked by TestBIP39List): data/bip39_english.txt.

import (
	"crypto/sha256"
	_ "embed"
	"strings"
)

const (
	idSeedPhrase      = "CRYPTO_SEED_PHRASE"
	idSeedPhraseNamed = "CRYPTO_SEED_PHRASE_NAMED"
)

//go:embed data/bip39_english.txt
var bip39Text string

var (
	bip39Words []string
	// bip39Keys holds the first four letters of every listed word (base
	// 27, 0 for a three-letter word's missing fourth): the words are
	// unique in their first four letters, so this is the list's filter,
	// and bip39Index confirms a run's words at the end.
	bip39Keys [(27*27*27*27 + 63) / 64]uint64
	// bip39First3[i] is the range of bip39Words whose first three letters
	// have index i (a*26*26 + b*26 + c); the list is sorted.
	bip39First3 [26 * 26 * 26][2]uint16
)

func init() {
	bip39Words = strings.Split(strings.TrimSpace(bip39Text), "\n")
	for i, w := range bip39Words {
		bip39Keys[key4(w)/64] |= 1 << (key4(w) % 64)
		k := first3(w)
		if bip39First3[k][1] == 0 {
			bip39First3[k][0] = uint16(i)
		}
		bip39First3[k][1] = uint16(i + 1)
	}
}

func key4(w string) int {
	k := 0
	for i := 0; i < 4; i++ {
		k *= 27
		if i < len(w) {
			k += int(w[i]-'a') + 1
		}
	}
	return k
}

func first3(w string) int {
	return (int(w[0]-'a')*26+int(w[1]-'a'))*26 + int(w[2]-'a')
}

// bip39Index returns the index of w in the list, or -1.
func bip39Index(w string) int {
	if len(w) < 3 || len(w) > 8 {
		return -1
	}
	for i := 0; i < 3; i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return -1
		}
	}
	r := bip39First3[first3(w)]
	for i := r[0]; i < r[1]; i++ {
		if bip39Words[i] == w {
			return int(i)
		}
	}
	return -1
}

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// listedWordAt reads the lower-case word of three to eight letters that
// starts at text[s], not part of a longer token, and returns its end when
// it passes the list's filter (bip39Keys), else -1.
func listedWordAt(text string, s int) int {
	if s > 0 && seedJoined(text[s-1]) {
		return -1
	}
	k, e := 0, s
	for e < len(text) && isLowerASCII(text[e]) {
		if e-s == 8 {
			return -1
		}
		if e-s < 4 {
			k = k*27 + int(text[e]-'a') + 1
		}
		e++
	}
	n := e - s
	if n < 3 || e < len(text) && seedJoined(text[e]) {
		return -1
	}
	if n == 3 {
		k *= 27
	}
	if bip39Keys[k/64]&(1<<(k%64)) == 0 {
		return -1
	}
	return e
}

// seedJoined reports a byte that makes a word part of a longer token.
func seedJoined(c byte) bool {
	return isAlnum(c) || c == '_' || c == '-' || c == '/' || c == '@' || c >= 0x80
}

// seedSep returns the end of the separator starting at text[i] between two
// words of a phrase: white space and commas, and a list number ("1. ",
// "2) ", "03:") between white space; -1 when text[i:] is none.
func seedSep(text string, i int) int {
	j, n := i, 0
	for j < len(text) && j-i < 12 {
		c := text[j]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',':
			j++
			n++
		case isDigit(c) && (j == i || !isDigit(text[j-1]) && !isLowerASCII(text[j-1])):
			k := j
			for k < len(text) && k-j < 2 && isDigit(text[k]) {
				k++
			}
			if k < len(text) && (text[k] == '.' || text[k] == ')' || text[k] == ':' || text[k] == '-') {
				k++
			}
			if k >= len(text) || (text[k] != ' ' && text[k] != '\t') {
				return -1
			}
			j = k
		default:
			if n == 0 {
				return -1
			}
			return j
		}
	}
	if n == 0 || j-i >= 12 {
		return -1
	}
	return j
}

type seedWord struct {
	s, e int
	idx  uint16
}

// seedLine checks the line starting at text[ls] (called at every line
// start by lineStart) and returns the end of the run of listed words it
// starts, or -1.
func (d *Detector) seedLine(st *scanState, text string, ls int) int {
	i := ls
	for i < len(text) && i-ls < 16 {
		c := text[i]
		if isLowerASCII(c) {
			break
		}
		switch {
		case c == ' ' || c == '\t' || c == '-' || c == '*' || c == '>' || c == '"' || c == '\'' || c == '`' || c == '(' || c == '[':
			i++
		case isDigit(c):
			j := i
			for j < len(text) && j-i < 2 && isDigit(text[j]) {
				j++
			}
			if j < len(text) && (text[j] == '.' || text[j] == ')' || text[j] == ':') {
				j++
			}
			if j == i || j >= len(text) || text[j] != ' ' && text[j] != '\t' {
				return -1
			}
			i = j
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0xA2: // •
			i += 3
		default:
			return -1
		}
	}
	return d.seedFrom(st, text, i)
}

// scanSeedAssign is the rule's scanner at a keyword before an operator
// ("mnemonic": "…", SEED_PHRASE=…, "Recovery phrase: …"): the run starts
// at the value.
func scanSeedAssign(d *Detector, st *scanState, text string, ks, ke int, _ int) {
	i := ke
	for i < len(text) && i-ke < 24 && !isLowerASCII(text[i]) {
		c := text[i]
		if c == '\n' && i > ke && text[i-1] == '\n' {
			return // a blank line: the wording was about something else
		}
		if isLetter(c) || isDigit(c) || c >= 0x80 {
			return
		}
		i++
	}
	d.seedFrom(st, text, i)
}

// seedFrom reads the run of listed words that starts at text[s], reports
// the phrase in it and returns the run's end (-1 when there is none).
func (d *Detector) seedFrom(st *scanState, text string, s int) int {
	if s >= len(text) || !isLowerASCII(text[s]) || s > 0 && seedJoined(text[s-1]) {
		return -1
	}
	e := listedWordAt(text, s)
	if e < 0 {
		return -1
	}
	// Count the run with the filter alone first: most runs are a word or
	// two (a line of code that starts with "return").
	n, last := 1, e
	for n < 30 {
		j := seedSep(text, last)
		if j < 0 {
			break
		}
		we := listedWordAt(text, j)
		if we < 0 {
			break
		}
		n, last = n+1, we
	}
	if n < 12 {
		return -1
	}
	var buf [32]seedWord
	words := buf[:0]
	for {
		k := bip39Index(text[s:e])
		if k < 0 {
			break // a word that only shares its first four letters with a listed one
		}
		words = append(words, seedWord{s, e, uint16(k)})
		if e >= last {
			break
		}
		s = seedSep(text, e)
		e = listedWordAt(text, s)
	}
	if len(words) < 12 {
		return -1
	}
	d.seedRun(st, text, words)
	return words[len(words)-1].e
}

// seedRun reports the phrase that starts a run of listed words: the
// longest of a valid length that passes the checksum (a phrase may be
// followed by listed words: "… zoo thank you"), or, with wording about
// seeds or wallets before it, a whole run of a valid length.
func (d *Detector) seedRun(st *scanState, text string, words []seedWord) {
	for _, n := range [...]int{24, 21, 18, 15, 12} {
		if n <= len(words) && seedChecksum(words[:n]) && !seedStandIn(words[:n]) {
			st.add(d.ix.seed, words[0].s, words[n-1].e)
			return
		}
	}
	switch n := len(words); n {
	case 12, 15, 18, 21, 24:
		if d.ix.seedLoose >= 0 && !seedStandIn(words) && seedContext(text, words[0].s) {
			st.add(d.ix.seedLoose, words[0].s, words[n-1].e)
		}
	}
}

// seedChecksum checks the BIP-39 checksum of n words (n*11 bits: n*32/3
// bits of entropy and n/3 bits of checksum).
func seedChecksum(w []seedWord) bool {
	n := len(w)
	var bits [33]byte // 24 words: 264 bits
	for i, x := range w {
		v := uint32(x.idx)
		for b := 0; b < 11; b++ {
			if v&(1<<(10-b)) != 0 {
				pos := i*11 + b
				bits[pos/8] |= 0x80 >> (pos % 8)
			}
		}
	}
	entBytes := n * 32 / 3 / 8
	cs := n / 3
	sum := sha256.Sum256(bits[:entBytes])
	got := bits[entBytes] >> (8 - cs)
	return got == sum[0]>>(8-cs)
}

// seedStandIn reports the phrases of documentation: a word repeated (the
// "abandon abandon … about" and "legal winner thank year" test vectors),
// or words in the list's own order ("abandon ability able about").
func seedStandIn(w []seedWord) bool {
	seen := map[uint16]bool{}
	inOrder := 0
	for i, x := range w {
		seen[x.idx] = true
		if i > 0 && x.idx == w[i-1].idx+1 {
			inOrder++
		}
	}
	return len(seen) < len(w)*3/4 || inOrder >= len(w)/3
}

// seedWords is wording that names a recovery phrase or a wallet, in
// several languages, looked for in the 400 bytes before a run.
var seedWords = []string{
	"seed", "mnemonic", "recovery phrase", "secret phrase", "backup phrase", "recovery words",
	"wallet", "metamask", "ledger", "trezor", "phantom", "exodus", "bip39", "bip-39", "12 words",
	"24 words", "12-word", "24-word", "twelve words",
	"semilla", "frase", "palabras", "phrase", "mots", "wiederherstellung", "wörter", "sleutelzin",
	"herstelzin", "portemonnee", "portafoglio", "parole", "portefeuille", "carteira", "palavras",
	"cüzdan", "kelime", "portfel", "słów", "fraza", "dompet", "frasa", "kata pemulihan", "cụm từ",
	"khôi phục", "ví ", "кошел", "фраз", "сид", "слов", "мнемон", "助记词", "助記詞", "钱包", "錢包",
	"恢复", "シード", "ウォレット", "復元", "복구", "지갑", "시드", "니모닉", "محفظ", "عبارة",
	"बीज", "वॉलेट", "กระเป๋า", "วลี",
}

var seedWordMatcher = partMatcher(seedWords)

func seedContext(text string, s int) bool {
	from := max(0, s-400)
	for from > 0 && from < s && text[from]&0xC0 == 0x80 {
		from++ // not inside a UTF-8 sequence
	}
	return containsAny(seedWordMatcher, text[from:s])
}
