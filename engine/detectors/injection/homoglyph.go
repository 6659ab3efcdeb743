package injection

import "unicode"

// homoglyphs folds Cyrillic, Greek and other look-alike letters to the
// Latin letter they imitate. Both cases are listed because the fold runs
// before lower-casing. Keywords pass through the same fold, so folding a
// genuine Russian or Greek word is harmless: it still matches its own
// (folded) keywords.
var homoglyphs = func() map[rune]byte {
	m := map[rune]byte{}
	add := func(latin byte, runes string) {
		for _, r := range runes {
			m[r] = latin
		}
	}
	// Cyrillic
	add('a', "Аа")
	add('b', "ВЬь")
	add('c', "Сс")
	add('e', "ЕеЁё")
	add('h', "НһҺ")
	add('i', "ІіЇї")
	add('j', "Јј")
	add('k', "Кк")
	add('m', "Мм")
	add('o', "Оо")
	add('p', "Рр")
	add('q', "Ԛԛ")
	add('s', "Ѕѕ")
	add('t', "Тт")
	add('w', "Ԝԝ")
	add('x', "Хх")
	add('y', "Уу")
	// Greek
	add('a', "Αα")
	add('b', "Ββ")
	add('e', "Εε")
	add('h', "Η")
	add('i', "Ιι")
	add('k', "Κκ")
	add('m', "Μ")
	add('n', "Ννη")
	add('o', "Οοσ")
	add('p', "Ρρ")
	add('t', "Ττ")
	add('u', "υ")
	add('x', "Χχ")
	add('y', "Υγ")
	add('z', "Ζ")
	// Latin look-alikes NFKC leaves alone
	add('a', "ɑᴀ")
	add('b', "ʙ")
	add('c', "ᴄ")
	add('d', "ᴅ")
	add('e', "ᴇ")
	add('g', "ɡɢ")
	add('h', "ʜ")
	add('i', "ıɪ")
	add('j', "ȷᴊ")
	add('k', "ᴋ")
	add('l', "ʟ")
	add('m', "ᴍ")
	add('n', "ɴ")
	add('o', "ᴏ")
	add('p', "ᴘ")
	add('r', "ʀ")
	add('s', "ꜱ")
	add('t', "ᴛ")
	add('u', "ᴜ")
	add('v', "ᴠ")
	add('w', "ᴡ")
	add('y', "ʏ")
	add('z', "ᴢ")
	// Armenian
	add('o', "օՕ")
	add('h', "հ")
	add('n', "ո")
	add('u', "ս")
	// Fold both cases of a letter alike. The fold runs before lower-casing,
	// so a capital mapped to a letter its lower case is not (Cyrillic Н
	// and В, whose н and в look like no Latin letter) made a capitalised
	// Russian word fold differently from the same word in lower case, and
	// from its keyword: "Новое задание" missed "новое задание". The lower
	// case decides when the two differ (Greek Η and η, Υ and υ).
	for r, c := range m {
		lr := unicode.ToLower(r)
		if lr == r {
			continue
		}
		if lc, ok := m[lr]; ok {
			if lc != c {
				m[r] = lc
			}
			continue
		}
		m[lr] = c
	}
	return m
}()

func homoglyph(r rune) (byte, bool) {
	c, ok := homoglyphs[r]
	return c, ok
}
