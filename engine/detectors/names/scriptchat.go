package names

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// Names in conversations written in scripts with spaces between words
// (Cyrillic, Greek, Arabic, Persian, Hebrew, Devanagari, Bengali), found
// by the words people put next to a name when they talk to or introduce
// someone, as the lower-case pass does for Latin text:
//
//   - before it: a greeting or thanks ("привет юлю", "היי שירה", "السلام
//     عليكم فهد", "हैलो मनोज"), a vocative particle ("يا ريم"), "it's" or
//     "my name is" ("это олег", "זה טל", "меня зовут Кристина", "معك
//     ناصر"), "I am" before a verb of speaking ("मैं दीपक बोल रहा", "আমি দীপা
//     বলছি");
//   - after it: "I am" or "speaking" ("امید هستم", "ο μανώλης είμαι",
//     "দীপা বলছি"), and honorifics ("مریم جان", "मनोज भैया", "सुनीता आंटी");
//   - an @mention in one of these scripts ("@Ελένη", "@עומר"): a display
//     name (an @handle in Latin letters is a user name, not reported).
//
// A word must be letters of one of these scripts, two to twenty runes,
// and no word for a group ("всем", "כולם", "جماعة", "सब").

var (
	scriptCueBefore = wordSet(`привет привіт здравствуй здрасте салют спасибо дякую это це зовут
		звати пока здравствуйте
		يا معك معاك مرحبا أهلا شكرا عليكم أنا
		سلام مرسی ممنون
		היי שלום תודה זה אני
		हैलो नमस्ते धन्यवाद हाय
		হ্যালো ধন্যবাদ
		γεια ευχαριστώ έλα`)
	scriptCueAfter = wordSet(`هستم جان بلدی
		είμαι
		বলছি
		भैया दीदी आंटी अंकल जी भाई बोल`)
	scriptNotName = wordSet(`всем всех ребята друзья народ я мы вы он она они все вам тебе это что
		как там тут вот да нет ну так привет
		всім друзі ви ми я це що
		جماعة شباب الجميع جميع أخي أختي حبيبي عزيزي أنا انت أنت هو هي نحن
		همه دوستان من تو
		כולם חברים לכולם אני אתה את הוא היא
		सब सभी दोस्तों मैं आप तुम
		সবাই আমি তুমি আপনি
		όλοι παιδιά εγώ εσύ ο η το του της τον την οι δεν να θα αν και που μην σπίτι εδώ εκεί καλησπέρα καλημέρα γεια Καλησπέρα Καλημέρα Γεια
		из в на не мой моя моё наш для про по от к у с за тот та то его её их
		з у на не мій моя наш для про від до
		بنات ناس اخوان عيال بكم بك فيكم عليكم جميعا
		לכם לך כאן פה ליד עם של`)
	scriptIntroVerb = wordSet(`बोल বলছি`)
	// weak cues ("it's", "I am") take only a listed given name
	scriptWeakCue = wordSet(`это це זה אני أنا`)
	// weak cues after a name: "είμαι" (I am) follows words of any kind
	scriptWeakAfter = wordSet(`είμαι`)
	// prepositions and postpositions of talk about someone, before or
	// after a listed given name only: "احكوا مع سامر", "رقم خالد", "به
	// فرهاد بگو", "برای بهار", "של אביגיל", "שאלות אל אסף", "с Димой",
	// "राहुल के घर", "रमेश को"
	scriptListedBefore = wordSet(`مع رقم عند لعند إلى الى به برای با از של אל עם אצל עבור с со для у від для з`)
	scriptListedAfter  = wordSet(`को के की से ने`)
)

// scriptChatNames adds names found next to conversation cue words.
func scriptChatNames(text string, r *analysis.Report, f *analysis.Field, n0 int) {
	if !hasCueScript(text) {
		return // most texts: one table test a byte
	}
	type word struct {
		s, e   int
		script bool // letters of a cue script only
		at     bool // after '@'
	}
	var buf [3]word // the last three words
	n := 0
	g := gazetteer()
	add := func(w word, listed bool) {
		if !w.script || w.e-w.s < 4 || overlapsFinding(r.Findings[n0:], w.s, w.e) {
			return
		}
		v := text[w.s:w.e]
		if listed && !givenName(g, v) && !givenNameCapitalised(g, v) {
			return
		}
		if scriptNotName[v] || scriptCueBefore[v] || scriptCueAfter[v] || roleLabels[hashWord(v)] || utf8.RuneCountInString(v) > 20 {
			return
		}
		r.AddFinding("names", "pii", tPersonName, f, w.s, w.e, lowerChatScore)
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0x80 {
			if c != ' ' && c != '@' {
				n = 0 // punctuation: a cue and a name stand next to each other
			}
			i++
			continue
		}
		rn, size := utf8.DecodeRuneInString(text[i:])
		if !cueLetter(rn) {
			if !unicode.IsLetter(rn) {
				n = 0
			} else {
				n = 0 // a word of another script
				for i < len(text) && text[i] >= 0x80 {
					i++
				}
				continue
			}
			i += size
			continue
		}
		s := i
		script := true
		for i < len(text) && text[i] >= 0x80 {
			rn, size := utf8.DecodeRuneInString(text[i:])
			if !cueLetter(rn) && rn != '\u200c' {
				if unicode.IsLetter(rn) {
					script = false
				} else {
					break
				}
			}
			i += size
		}
		w := word{s, i, script, s > 0 && text[s-1] == '@'}
		if w.at && w.script {
			add(w, false) // "@Ελένη", "@עומר"
		}
		if n > 0 {
			prev := buf[(n-1)%3]
			pv := text[prev.s:prev.e]
			v := text[w.s:w.e]
			switch {
			case scriptCueBefore[pv]:
				add(w, scriptWeakCue[pv]) // "привет юлю", "يا ريم", "это олег"
			case scriptListedBefore[pv]:
				add(w, true) // "مع سامر", "به فرهاد", "של אביגיל"
			case scriptListedAfter[v]:
				add(prev, true) // "राहुल के घर"
			case scriptCueAfter[v]:
				// "امید هستم", "মনোজ ভাই", "দীপা বলছি"; a full name
				// before it too ("رضا کاظمی هستم")
				if n > 1 {
					if pp := buf[(n-2)%3]; pp.script && spacesOnly(text, pp.e, prev.s) && !scriptCueBefore[text[pp.s:pp.e]] && !scriptNotName[text[pp.s:pp.e]] && givenName(g, text[pp.s:pp.e]) {
						add(word{pp.s, prev.e, true, false}, false)
						break
					}
				}
				add(prev, scriptWeakAfter[v])
			}
			// "मैं दीपक बोल रहा", "আমি দীপা বলছি": I, the name, speaking
			if n > 1 && scriptIntroVerb[v] {
				if pp := text[buf[(n-2)%3].s:buf[(n-2)%3].e]; pp == "मैं" || pp == "আমি" {
					add(prev, false)
				}
			}
		}
		buf[n%3] = w
		n++
	}
}

// cueLetter reports a letter (or combining mark) of the scripts this pass
// reads, by block: Greek, Cyrillic, Hebrew, Arabic (not its comma,
// question mark and full stop), Devanagari and Bengali (not the danda).
func cueLetter(r rune) bool {
	switch {
	case r >= 0x370 && r <= 0x52F, r >= 0x1F00 && r <= 0x1FFF:
		return r != 0x37E && r != 0x387
	case r >= 0x591 && r <= 0x5F2:
		return r != 0x5BE && r != 0x5C0 && r != 0x5C3 && r != 0x5C6
	case r >= 0x610 && r <= 0x6FF:
		return r != 0x61B && r != 0x61F && r != 0x6D4 && !(r >= 0x660 && r <= 0x66D) && !(r >= 0x6F0 && r <= 0x6F9)
	case r >= 0x900 && r <= 0x9FF:
		return r != 0x964 && r != 0x965 && !(r >= 0x966 && r <= 0x96F) && !(r >= 0x9E6 && r <= 0x9EF)
	}
	return false
}

// cueLeads marks the first bytes of the UTF-8 forms of those blocks.
var cueLeads = func() (t [256]bool) {
	for b := 0xCD; b <= 0xDB; b++ {
		t[b] = true // Greek, Cyrillic, Hebrew, Arabic
	}
	t[0xE0] = true // Devanagari, Bengali (and other Indic scripts)
	t[0xE1] = true // Greek Extended
	return
}()

// hasCueScript reports a byte that may start a letter of those scripts.
func hasCueScript(text string) bool {
	i := 0
	for i+8 <= len(text) {
		if binary.LittleEndian.Uint64([]byte(text[i:i+8]))&0x8080808080808080 == 0 {
			i += 8 // eight ASCII bytes
			continue
		}
		for j := i; j < i+8; j++ {
			if cueLeads[text[j]] {
				return true
			}
		}
		i += 8
	}
	for ; i < len(text); i++ {
		if cueLeads[text[i]] {
			return true
		}
	}
	return false
}

// spacesOnly reports that text[a:b] is spaces.
func spacesOnly(text string, a, b int) bool {
	for i := a; i < b; i++ {
		if text[i] != ' ' {
			return false
		}
	}
	return true
}

// givenNameCapitalised is givenName for v with its first letter
// capitalised (the script lists hold names capitalised: "олег" is listed
// as "Олег"), built in a stack buffer.
func givenNameCapitalised(g *table, v string) bool {
	r, n := utf8.DecodeRuneInString(v)
	var buf [64]byte
	if len(v)+4 > len(buf) {
		return false
	}
	b := utf8.AppendRune(buf[:0], unicode.ToUpper(r))
	b = append(b, v[n:]...)
	l := scriptNameData()
	for _, set := range []nameSet{l.cyrGiven, l.heGiven, l.arGiven, l.hiGiven} {
		if _, ok := set[string(b)]; ok {
			return true
		}
	}
	return false
}
