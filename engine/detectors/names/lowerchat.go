package names

import (
	"github.com/parapet-dev/parapet/engine/analysis"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lower-case names in casual text. Chats and voice transcripts write
// names in lower case ("hi angie", "tell kieran the jumper fits", "jen did
// you put your SSN on the form"), where the token scan, which skips runs
// of lower-case words, does not look. This pass reads casual text only:
// text with almost no capitals (a transcript), or a chat (it opens with a
// chat word, or has speaker labels). There it reports a listed given name
// that is no English word, after
//
//   - a greeting, thanks or a chat interjection ("hi", "thx", "omg",
//     "lol", "hola", "oi", "hallo", "ciao");
//   - a verb of contact ("tell", "ask", "text", "ping", "remind", "with";
//     "speak to", "talk to", "ask for");
//   - "it's"/"its" and "this is" ("hey its mike", "this is carla");
//
// or at the start of a message when "you" or "u" follows within two
// words ("tom can you grab milk", "jen did you …"), or "here" right after
// it ("mike here, …"). A name must carry a
// given-name flag and none of English word, common word, proper noun or
// big place, and be no role or kin word; a frequent given name that is
// also a dictionary word ("mike", "tom") only after a greeting or "it's".

// casualText reports chats and transcripts: labelled lines, a chat word
// first, or lines and sentences that mostly start in lower case (at least
// half of them, and two or more). Formal text shows itself within a few
// sentences (three capitalised starts), so most texts are read only a
// few hundred bytes.
func casualText(text string, labels int) bool {
	if labels > 0 || chatStart(text) {
		return true
	}
	starts, lower := 0, 0
	at := true // a line, a sentence or a quotation starts at the next letter
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '[' && at:
			// a tag at the start of a line ("[ASR] hi its carla", "[WhatsApp] …") is no sentence start
			if k := strings.IndexByte(text[i:min(len(text), i+40)], ']'); k > 0 && strings.IndexByte(text[i:i+k], '\n') < 0 {
				i += k
			}
		case c == '\n' || c == '"':
			at = true
		case c == '.' || c == '!' || c == '?':
			at = i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n')
		case 'a' <= c && c <= 'z':
			if at {
				starts++
				lower++
				at = false
				if lower >= 4 && lower*3 >= starts*2 {
					return true // casual text shows itself within a few lines too
				}
			}
		case 'A' <= c && c <= 'Z' || isDigit(c):
			if at {
				starts++
				at = false
				if starts-lower >= 3 && lower*2 < starts {
					return false
				}
			}
		case c >= 0x80:
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case r == '“' || r == '„' || r == '«' || r == '「':
				at = true
			case at && unicode.IsLower(r):
				starts++
				lower++
				at = false
			case at && unicode.IsLetter(r):
				starts++
				at = false
			}
			i += n - 1
		}
	}
	return lower >= 1 && lower*2 >= starts
}

// alphaASCII marks the ASCII letters and, for words, the apostrophe.
var alphaASCII = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 1
	}
	t['\''] = 2
	return
}()

// lowerChatNames adds the lower-case names of casual text to r. One pass
// over the words, with no allocation: a word is compared with the cues
// by length and bytes, and only a word after a cue, or one that starts a
// message with "you" after it, is looked up.
func lowerChatNames(text string, g *table, r *analysis.Report, f *analysis.Field, n0 int) {
	start := true          // the next word starts a line or a message
	cue, greet := 0, false // the previous word was a cue (1), or "this is" (2 after "this")
	prevThis, prevTalk, prevE, prevHier := false, false, false, false
	prevS0, prevE0, prevLower := 0, 0, false // the previous word, for "jen said"
	prevPair := false                        // the previous word is one of kPair
	for i := 0; i < len(text); {
		c := text[i]
		if alphaASCII[c] != 1 && !latinLead(text, i) {
			switch c {
			case '\n':
				start, cue, prevThis = true, 0, false
			case ' ', '\t', ',', '!', '~':
			case '"':
				start, cue, prevThis = true, 0, false // a quoted message starts
			case ':':
				// "tom: …" is a label; the message starts after it
			case '@':
				// a mention: "@kat the form is …", not "kat@mail.com"
				if i == 0 || text[i-1] == ' ' || text[i-1] == '\n' || text[i-1] == '(' {
					cue, greet = 1, false
					i++
					continue
				}
				cue, prevThis = 0, false
			default:
				cue, prevThis = 0, false
			}
			i++
			continue
		}
		s := i
		for i < len(text) {
			if alphaASCII[text[i]] != 0 {
				i++
			} else if latinLead(text, i) {
				i += 2 // "gérard", "tío", "bună"
			} else {
				break
			}
		}
		if i < len(text) && text[i] >= 0x80 {
			for i < len(text) && text[i] > ' ' && text[i] != ',' && text[i] != '.' {
				i++ // a word with other letters: read past it, never report it
			}
			start, cue, prevThis, prevPair = false, 0, false, false
			continue
		}
		w := text[s:i]
		wasStart := start
		start = i < len(text) && text[i] == ':' && wasStart // a label: its message starts next
		candidate := cue == 1 || cue == 2
		isGreet := greet
		if !candidate && wasStart && ('a' <= c && c <= 'z' || c >= 0x80 && startsLower(text, s)) && (youWithin(text, i) || hereAfter(text, i)) {
			// "jen did you …", "mike here, …"; before an auxiliary and
			// "you" a frequent given name that is also a word counts too
			// ("tom can you grab milk")
			candidate, isGreet = true, auxYou(text, i)
		}
		lowerStart := 'a' <= c && c <= 'z' || c >= 0x80 && startsLower(text, s)
		if candidate && len(w) >= 3 && lowerStart {
			lowerChatName(text, g, r, f, n0, s, i, isGreet)
		} else if prevPair && len(w) >= 3 && 'a' <= c && c <= 'z' && i < len(text) && text[i] == ' ' || wasStart && len(w) >= 3 && 'a' <= c && c <= 'z' && i < len(text) && text[i] == ' ' && messageOpens(text, s) {
			lowerFullName(text, g, r, f, n0, s, i) // "rosa martinez presenting", "… is for kevin doyle"
		}
		kind := cueKind(w)
		prevPair = kind&kPair != 0
		if kind&kSpeech != 0 && prevLower && prevE0-prevS0 >= 3 && s == prevE0+1 && text[prevE0] == ' ' {
			lowerChatName(text, g, r, f, n0, prevS0, prevE0, false) // "jen said", "pete asks"
		}
		prevS0, prevE0, prevLower = s, i, lowerStart && cue == 0 && !candidate
		if kind == 0 {
			prevThis, prevTalk, prevE, prevHier = false, false, false, false
			cue = 0
			continue
		}
		// the cue for the next word
		prevWasThis, prevWasTalk, prevWasE, prevWasHier := prevThis, prevTalk, prevE, prevHier
		prevThis, prevTalk, prevE, prevHier = w == "this", kind&kTalk != 0, w == "é", w == "hier"
		switch {
		case w == "is" && prevWasThis, (w == "o" || w == "a") && prevWasE, w == "ist" && prevWasHier:
			cue, greet = 2, true // "this is carla", "é o thiago", "hier ist dieter"
		case kind&kKin != 0:
			cue, greet = 1, true // "uncle ray", "my mother ruth", "officer danielle brooks", "zia nunzia"
		case (w == "to" || w == "with" || w == "for") && prevWasTalk:
			cue, greet = 1, false // "can i speak to jenny", "asking for dev"
		case kind&kChat != 0:
			cue, greet = 1, kind&kContact == 0
		default:
			cue = 0
		}
	}
}

// latinLead reports a two-byte Latin letter with a diacritic at text[i]
// (U+00C0 to U+024F: é, ñ, ă, ș, ł …).
func latinLead(text string, i int) bool {
	return i+1 < len(text) && text[i] >= 0xC3 && text[i] <= 0xC9 && text[i+1]&0xC0 == 0x80
}

// startsLower reports a lower-case letter at text[s].
func startsLower(text string, s int) bool {
	r, _ := utf8.DecodeRuneInString(text[s:])
	return unicode.IsLower(r)
}

// The words the lower-case pass compares a word with, by kind. A word
// may be of several kinds ("asked" is a cue, a verb of contact, of
// talking and of saying).
const (
	kChat    uint8 = 1 << iota // a cue before a name: greetings, thanks, interjections, verbs of contact, "it's"
	kContact                   // a cue that is a verb: after it a given name that is also a dictionary word ("tell mark") is not taken
	kKin                       // kin words and titles ("uncle ray", "officer danielle brooks", "zia nunzia")
	kTalk                      // verbs before "to", "with" or "for" and a person ("speak to", "ask for")
	kSpeech                    // verbs of saying after a name ("jen said", "chuy dice")
	kPart                      // words of "this is", "é o", "hier ist", "speak to"
	kPair                      // words after which a lower-case given name and surname are a person ("is for kevin doyle")
)

var cueWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for kind, words := range map[uint8]string{
		// greetings, thanks, interjections, "it's", and greetings and
		// self-introductions of other languages ("hola", "coucou", "soy",
		// "sono", "met" on a Dutch phone call)
		kChat: `hi yo oi ty hey hii oii ola alo thx bye omg lol ask its soy hoi hej uè met olá heya hiya hiii
			heyy hola ciao halo tysm tell told text ping with it's haha sono sunt ahoj buna hello hallo salut
			thank night asked habla bună selam c'est chào thanks cheers texted pinged remind coucou morning
			message cześć merhaba reminded messaged ouais yeah oui gg msg msgd dm dmd whatsapp ring rang`,
		kContact: "tell told ask asked text texted ping pinged remind reminded message messaged with msg msgd dm dmd whatsapp ring rang",
		kKin: `uncle aunt auntie aunty nana nan gran granny grandma grandad grandpa mother father mum mom
			dad cousin officer detective doctor nurse sergeant constable mamie papi tío tía tio tia zia zio
			nonna nonno dona seu doña don doamna domnul tante onkel oma opa ciocia wujek teta strýc abla abi
			teyze amca bibi babu kuya ate tita tito housemate flatmate roommate neighbour neighbor colleague
			coworker boyfriend girlfriend bf gf hubby husband wife fiance fiancé fiancee bestie coach`,
		kTalk:   "speak speaking spoke talk talking talked chat chatted ask asking asked put transfer",
		kSpeech: "said says asked asks told tells showed mentioned thinks wants reckons texted replied dice disse sagt meinte",
		kPart:   "this is é o a hier ist to with for",
		kPair:   "is for from by es para de ist für pour",
	} {
		for _, w := range strings.Fields(words) {
			m[w] |= kind
		}
	}
	return m
}()

// cueKeys holds (length, first byte, second byte) of every word of
// cueWords: one bit of a table tells most words (no cue of any kind)
// from the few looked up in the map.
var cueKeys = func() *[1 << 20 / 64]uint64 {
	var t [1 << 20 / 64]uint64
	for w := range cueWords {
		k := cueKey(w)
		t[k/64] |= 1 << (k % 64)
	}
	return &t
}()

func cueKey(w string) uint32 {
	b1 := byte(0)
	if len(w) > 1 {
		b1 = w[1]
	}
	return uint32(min(len(w), 15))<<16 | uint32(w[0])<<8 | uint32(b1)
}

// cueKind returns the kinds of w, 0 for a word that is no cue.
func cueKind(w string) uint8 {
	if k := cueKey(w); cueKeys[k/64]&(1<<(k%64)) == 0 {
		return 0
	}
	return cueWords[w]
}

// hereAfter reports "here" right after text[i] ("mike here, can you …").
func hereAfter(text string, i int) bool {
	return i+5 <= len(text) && text[i] == ' ' && text[i+1:i+5] == "here" && (i+5 == len(text) || alphaASCII[text[i+5]] == 0)
}

// auxYou reports an auxiliary and "you" right after text[i]: " can you",
// " did u", " are you".
func auxYou(text string, i int) bool {
	if i >= len(text) || text[i] != ' ' {
		return false
	}
	j := i + 1
	for j < len(text) && 'a' <= text[j] && text[j] <= 'z' {
		j++
	}
	switch text[i+1 : j] {
	case "can", "could", "did", "do", "are", "will", "would", "have", "pls", "please":
	default:
		return false
	}
	return j+2 < len(text) && text[j] == ' ' && (strings.HasPrefix(text[j+1:], "you ") || strings.HasPrefix(text[j+1:], "u "))
}

// youWithin reports "you" or "u" among the two words after text[i].
func youWithin(text string, i int) bool {
	for k := 0; k < 2; k++ {
		for i < len(text) && (text[i] == ' ' || text[i] == ',') {
			i++
		}
		j := i
		for j < len(text) && 'a' <= text[j] && text[j] <= 'z' {
			j++
		}
		if w := text[i:j]; w == "you" || w == "u" {
			return true
		}
		if j == i {
			return false
		}
		i = j
	}
	return false
}

// messageOpens reports that the word at text[s] opens a message: only
// spaces stand between it and the start of the text, a line, a quote or
// a speaker's colon (not "Jun: 0917 455 2841 yan yung globe").
func messageOpens(text string, s int) bool {
	k := s - 1
	for k >= 0 && text[k] == ' ' {
		k--
	}
	return k < 0 || text[k] == '\n' || text[k] == '"' || text[k] == ':'
}

// lowerFullName reports a listed given name at text[s:e] followed by a
// listed surname, neither an English word, a dictionary word, a proper
// noun or a big place (a town of the same name is no matter): two such
// names in a row are a person's.
func lowerFullName(text string, g *table, r *analysis.Report, f *analysis.Field, n0, s, e int) {
	h := hashWord(text[s:e])
	fl := g.get(h)
	if fl&(gFirst|gGiven) == 0 || fl&(gAnyWord|gProper|gBigPlace|gDict) != 0 || roleLabels[h] || kinWords[h] || vocabT.get(h) != 0 {
		return
	}
	q := e + 1
	j := q
	for j < len(text) && 'a' <= text[j] && text[j] <= 'z' {
		j++
	}
	if j-q < 3 || j < len(text) && (text[j] >= 0x80 || text[j] == '@' || text[j] == '.' && j+1 < len(text) && text[j+1] != ' ' && text[j+1] != '\n') {
		return
	}
	nh := hashWord(text[q:j])
	if nf := g.get(nh); nf&gSurname == 0 || nf&(gAnyWord|gDict|gProper|gBigPlace) != 0 || vocabT.get(nh) != 0 {
		return
	}
	if overlapsFinding(r.Findings[n0:], s, j) {
		return
	}
	r.AddFinding("names", "pii", tPersonName, f, s, j, lowerChatScore)
}

// lowerChatName reports the listed given name text[s:e] (and a surname
// after it) unless a finding covers it.
func lowerChatName(text string, g *table, r *analysis.Report, f *analysis.Field, n0, s, e int, greet bool) {
	h := hashWord(text[s:e])
	fl := g.get(h)
	if fl&(gFirst|gGiven) == 0 || fl&(gAnyWord|gProper|gBigPlace) != 0 || roleLabels[h] || kinWords[h] || vocabT.get(h)&(vNotName|vChat|vGenericVerb|vGreet) != 0 {
		return
	}
	if fl&gDict != 0 && !(greet && fl&gGiven != 0) {
		return // "tell mark", "with grant"; but "hey mike", "hi its tom"
	}
	end := e
	// a surname after it ("with patricia desrosiers", "benjamin a
	// seiler"): a listed surname or name that is no English word
	p := e
	for k := 0; k < 2; k++ {
		q := p
		for q < len(text) && text[q] == ' ' {
			q++
		}
		if q == p || q >= len(text) || text[q] < 'a' || text[q] > 'z' {
			break
		}
		j := q
		for j < len(text) && 'a' <= text[j] && text[j] <= 'z' {
			j++
		}
		if j < len(text) && text[j] >= 0x80 {
			break
		}
		if j-q == 1 && k == 0 {
			p = j
			continue // a middle initial
		}
		nh := hashWord(text[q:j])
		if nf := g.get(nh); nf&(gSurname|gName) != 0 && nf&(gAnyWord|gDict|gProper|gAnyPlace) == 0 && vocabT.get(nh) == 0 {
			end = j
		}
		break
	}
	if overlapsFinding(r.Findings[n0:], s, end) {
		return
	}
	r.AddFinding("names", "pii", tPersonName, f, s, end, lowerChatScore)
}

const lowerChatScore = 0.6
