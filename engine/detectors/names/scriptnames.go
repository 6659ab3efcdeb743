package names

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Person names in non-Latin scripts by list and cue. The given names and
// surnames of scriptnames_data.go (from @faker-js/faker, MIT; see
// data/README.md) and the short authored lists below (common names and
// the diminutives faker lacks, and the words that are also names) are
// matched only beside a cue that makes a name likely, so that a word
// that is also a name ("Вера", "שירה", "지원") is not reported in
// running text:
//
//   - Greek: a capitalised given name (any case form: Γιώργος, Γιώργο,
//     Γιώργου) after an article (ο, η, τον, της …); any capitalised word
//     after κ., κα, κυρία, κύριε.
//   - Russian and Ukrainian: a capitalised given name (any case form:
//     Ольге, Артёма) standing alone, not beside another capitalised word
//     (pairs are the token scanner's) nor after a place preposition; an
//     initial and a surname ("Н. Соколова").
//   - Hebrew: a given name and a surname; after a label (על שם, בשם, שמי)
//     one or two words; a given name alone after עם, של, את, אצל or as a
//     speaker label.
//   - Thai: a given name after คุณ, นาย, นาง … (written together or apart),
//     with the surname after a space; one or two words after ชื่อ.
//   - Korean: a family name and a listed given name; a listed given name
//     with the vocative 아/야, the casual 이 forms, 한테, 랑, or a speaker
//     label colon.
//   - Japanese and Chinese: a family name and a listed given name;
//     a family name as a speaker label ("山本：") or a signature ("森田より");
//     a given name after 娘の, 息子の, 我们家 ….
//
// Arabic and Devanagari names use the lists through scriptNames
// (scripts.go). All lookups are map reads of substrings of the text (or
// of a fixed buffer), so nothing is allocated per text.

type nameSet map[string]struct{}

func (s nameSet) has(w string) bool {
	_, ok := s[w]
	return ok
}

func (s nameSet) addAll(list string, conv func(string) string) {
	for _, w := range strings.Split(list, "|") {
		if w = strings.TrimSpace(w); w == "" {
			continue
		}
		if conv != nil {
			w = conv(w)
		}
		s[w] = struct{}{}
	}
}

func (s nameSet) dropAll(list string, conv func(string) string) {
	for _, w := range strings.Split(list, "|") {
		if conv != nil {
			w = conv(w)
		}
		delete(s, w)
	}
}

func newSet(conv func(string) string, lists ...string) nameSet {
	s := nameSet{}
	for _, l := range lists {
		s.addAll(l, conv)
	}
	return s
}

// scriptNameLists are the sets the rules read, built once on first use.
type scriptNameLists struct {
	elStems, elSurStems nameSet // Greek, folded (greekFoldTo), stems
	cyrGiven, cyrStems  nameSet
	cyrSurnames         nameSet
	heGiven, heSurnames nameSet
	arGiven, arSurnames nameSet
	thGiven, thSurnames nameSet
	koGiven             nameSet
	jaGiven, jaSurnames nameSet
	zhGiven, zhSurnames nameSet
	hiGiven, hiSurnames nameSet
}

var (
	snOnce sync.Once
	snData *scriptNameLists
)

func scriptNameData() *scriptNameLists {
	snOnce.Do(func() {
		l := &scriptNameLists{}
		// Greek: stems of the folded names
		l.elStems, l.elSurStems = nameSet{}, nameSet{}
		for _, w := range strings.Split(snGreekGiven+"|"+elGivenExtra, "|") {
			f := greekFoldString(w)
			if !strings.Contains("|"+elGivenDrop+"|", "|"+f+"|") {
				l.elStems[greekStem(f)] = struct{}{}
			}
		}
		for _, w := range strings.Split(snGreekSurnames, "|") {
			l.elSurStems[greekStem(greekFoldString(w))] = struct{}{}
		}
		l.cyrGiven = newSet(nil, snCyrGiven, cyrGivenExtra)
		l.cyrGiven.dropAll(cyrGivenDrop, nil)
		l.cyrStems = nameSet{}
		for w := range l.cyrGiven {
			l.cyrStems[cyrStem(w)] = struct{}{}
		}
		l.cyrSurnames = newSet(nil, snCyrSurnames)
		l.heGiven = newSet(nil, snHebGiven, heGivenExtra)
		l.heGiven.dropAll(heGivenDrop, nil)
		l.heSurnames = newSet(nil, snHebSurnames, heSurnamesExtra)
		l.heSurnames.dropAll(heGivenDrop, nil)
		l.arGiven = newSet(nil, snArGiven, strings.Join(arGiven, "|"), arGivenExtra)
		l.arGiven.dropAll(arGivenDrop, nil)
		l.arSurnames = newSet(nil, snArSurnames, arSurnamesExtra)
		l.arSurnames.dropAll(arGivenDrop, nil)
		l.thGiven = newSet(nil, snThaiGiven, thGivenExtra)
		l.thSurnames = newSet(nil, snThaiSurnames, thSurnamesExtra)
		l.koGiven = newSet(nil, snKoGiven, koGivenExtra)
		l.koGiven.dropAll(koGivenDrop, nil)
		l.jaGiven = newSet(nil, snJaGiven, jaGivenExtra)
		l.jaGiven.dropAll(jaGivenDrop, nil)
		l.jaSurnames = newSet(nil, snJaSurnames, strings.Join(jaSurnames, "|"))
		l.zhGiven = newSet(nil, snZhGiven, zhGivenExtra)
		l.zhSurnames = newSet(nil, snZhSurnames, strings.Join(zhCompound, "|"))
		for r := range zhSurnames {
			l.zhSurnames[string(r)] = struct{}{}
		}
		l.hiGiven = newSet(nil, snDevaGiven, strings.Join(hiGiven, "|"), hiGivenExtra)
		l.hiSurnames = newSet(nil, snDevaSurnames, strings.Join(hiFamily, "|"), hiSurnamesExtra)
		snData = l
	})
	return snData
}

// Authored additions: common names and diminutives the faker lists lack,
// and names that are also common words (dropped).
const (
	elGivenExtra = "Γιώργος|Γιώργης|Νίκος|Κώστας|Γιάννης|Μιχάλης|Παναγιώτης|Θανάσης|Σπύρος|Στέλιος|Χρήστος|Τάσος|" +
		"Λευτέρης|Μανώλης|Στάθης|Βαγγέλης|Θοδωρής|Πέτρος|Παύλος|Αλέξης|Φώτης|Σωτήρης|Μάκης|Τάκης|Λάμπρος|" +
		"Στέφανος|Μάριος|Άρης|Κυριάκος|Σταύρος|Νικόλαος|Μιχαήλ|Γεράσιμος|Ορέστης|Κατερίνα|Ελένη|Δέσποινα|" +
		"Μαρία|Σοφία|Αγγελική|Βασιλική|Ευτυχία|Φωτεινή|Ειρήνη|Άννα|Γιώτα|Βάσω|Ντίνα|Νατάσα|Μαρίνα|" +
		"Χαρίκλεια|Στέλλα|Έφη|Λένα|Ρένα|Τζένη|Δήμητρα|Χριστίνα|Ιωάννα|Αλεξάνδρα|Θεοδώρα|Μυρτώ|Δανάη|Εύα|" +
		"Όλγα|Ναταλία|Κική|Ρούλα|Νίκη|Ζωή|Ξανθή|Πόπη|Τούλα|Ευγενία|Ασπασία|Ματίνα"
	elGivenDrop = "γεωργια|αθηνα|παρασκευη|κυριακη" // a country, a city, Friday, Sunday
	// elNotNames are words whose stem is a name's: a country, a city, days
	elNotNames = "|γεωργια|γεωργιασ|αθηνα|αθηνασ|παρασκευη|παρασκευησ|κυριακη|κυριακησ|"

	cyrGivenExtra = "Саша|Саня|Серёжа|Сережа|Миша|Маша|Даша|Паша|Петя|Вася|Коля|Дима|Женя|Катя|Настя|Лена|" +
		"Оля|Таня|Наташа|Света|Юля|Аня|Ира|Вика|Ваня|Лёша|Леша|Алёша|Алеша|Витя|Толя|Костя|Гоша|Гриша|Лёня|" +
		"Федя|Стёпа|Тёма|Артём|Артем|Ксюша|Соня|Алёна|Галя|Валя|Люба|Надя|Зина|Лиза|Вова|Володя|Рома|Юра|" +
		"Сашко|Марічка|Оленка|Наталка|Іванко|Юрко|Софійка|Андрій|Дмитро|Сергій|Олексій|Тарас|Остап|Богдан"
	cyrGivenDrop = "Вера|Віра|Надежда|Надія|Любовь|Любов|Роман|Лев|Слава|Мир|Роза|Лилия|Лілія|Марта|Майя|Мая|" +
		"Лада|Ия|Ада|Сократ|Ким|Кир|Кий|Злата|Влада|Ива|Лука|Весна|Калина|Доля|Зоря|Аврора|Ангел|Кира|Ева|Іва|Лана|Ніка|Ника"

	heGivenExtra    = "אבי|דנה|מיכל|יוסי|משה|דוד|שרה|רחל|לאה|אסף|עידו|נועה|מאיה|יעל|רונית|אורית|שושנה|יצחק|אברהם|יעקב|רותי|אילנה|ענת|אפרת|מירב|חני|שלמה|מוטי|צחי|קובי|איתי|אלעד|ליאת|סיגל|גלית|עינת|דורית|תמי|שמוליק|אהרון|מרים|אסתר|חנה"
	heSurnamesExtra = "כהן|לוי|מזרחי|פרץ|ביטון|דהן|אברהם|פרידמן|אזולאי|מלכה|כץ|יוסף|עמר|אוחיון|חדד|גבאי|שפירא|אשכנזי|רוזנברג|גולדברג|וייס|ששון"
	heGivenDrop     = "אביב|אלון|אורן|אלמוג|זוהר|יהלום|ירדן|כרמל|לביא|מעיין|ענבר|רקפת|שחר|שירה|תהילה|תמר|אושר|אמונה|הדר|גפן|" +
		"דקל|הלל|עדן|טל|גל|בר|אור|שי|חן|רון|דן|גיל|זיו|נוי|ים|שקד|רז|דור|שיר|מור|חיים|ברק|אריה|אילן|אלה|אדר|אגם|" +
		"אופק|אפיק|ארבל|גוון|גורן|דגן|אמור|נועם|עוז|שלום|נחמה|ברכה|שמחה|אהבה|יונה|צבי|זאב|דוב|תום|גאולה|חירות|" +
		"אמיר|נגה|שגב|אביה|אוריה|אליה|טוב|גולן|שמש|אלה|ליבנה|אגמון|אדם|עמית|ניר|רועי|רועה"

	arGivenExtra    = "سلمى|فؤاد|فيصل|ريم|نوال|هيفاء|لينا|رنا|شيماء|أسماء|سعاد|جميلة|كريمة|عبير|عبدالعزيز|عبدالرحيم|عبدالكريم|بندر|تركي|نايف|مشعل|سلطان|راشد|حمد|جاسم|حمدان|زايد|منصور|يزيد"
	arSurnamesExtra = "حداد|خوري|نصار|نجار|منصور|عثمان|داود|سليمان|عيسى|حمدان|عباس|الخطيب|الحربي|الشمري|العتيبي|القحطاني|الغامدي|الزهراني|الدوسري|المطيري|المنصوري|الهاشمي"
	arGivenDrop     = "باسم|إسلام|اسلام|أمان|امان|أمير|امير|أمين|امين|سلام|نور|أمل|امل|هدى|سعيد|كريم|جميل|عادل|صالح|حسن|وفاء|رحمة|ضحى|بشرى|هناء|سلامة|بدر|الله"

	thGivenExtra    = "สมชาย|สมศักดิ์|สมหญิง|สมปอง|สมพร|สมบัติ|สมศรี|สุดา|มาลี|วิชัย|ประเสริฐ|สุนทร|อนุชา|ธนากร|ปิยะพร|วรรณา|นภา|ศิริพร|กิตติ|ชัยวัฒน์|สุรชัย|บุญมี|ประยุทธ|ณัฐพล|อรุณี|พิมพ์ชนก|ธีรพงษ์"
	thSurnamesExtra = "ใจดี|ศรีสุข|สุขใจ|รักไทย|แสงทอง|ทองดี|มีสุข|บุญมา|ศรีสวัสดิ์|วงศ์ใหญ่|สุวรรณ|แก้วมณี|พรหมมา|จันทร์เพ็ญ"

	koGivenExtra = "지은|민수|수진|준우|유나|민호|지훈|혜린|서연|민준|지민|수빈|예린|하윤|도윤|현우|지호|영희|철수|미영|은지|혜진|성민|동현|준호|상우|재훈|지현|수아|하은"
	koGivenDrop  = "지원|수정|정원|지수|재원|영수|지혜|진영|유지|성공|시원|서원|하늘|보람|이슬|다원|온유|은성|이안|현재|정의|민정|" +
		"사랑|기쁨|가람|나래|한결|슬기|소망|믿음|다온|라온|가온|시온|재이|아인|정현|은우|정민|상민|성진|경민|은혜|대한|민국|한국|한별|새롬|누리|다솜"

	jaGivenExtra = "大輔|康介|健太|翔太|拓也|直樹|大樹|一郎|太郎|花子|美咲|陽子|恵|愛|彩|翔|蓮|結衣|陽菜|さくら|ひなた|ゆい|はな|あおい|めぐみ"
	jaGivenDrop  = "きみ|キミ|はる|ハル|マサ|ヨシ|トミ|フミ|キヨ|きよ|ハナ|愛|恵"

	zhGivenExtra = "伟|芳|娜|敏|静|丽|强|磊|军|洋|勇|艳|杰|娟|涛|明|超|秀英|桂英|秀兰|建国|建华|建军|志强|志明|国强|海燕|丽娟|晓明|小明|浩然|子轩|欣怡|雨涵|俊杰|文博|家豪|建平|秀珍|淑芬|美玲|志伟|嘉欣|思远|婷婷|丽华|红梅|春梅|玉兰|文静|晓燕|德华|学友|佳怡|宇轩|梓涵"

	hiGivenExtra    = "अनीता|विनोद|राजेश|सुनीता|अनु|अंकित|अंकिता|आकाश|आदित्य|अभिषेक|अर्जुन|आरती|कविता|गौरव|दिव्या|नितिन|पंकज|प्रकाश|प्रवीण|मनीष|महेश|मोहन|रमेश|रोहित|रोहन|वंदना|शालिनी|संदीप|सचिन|सपना|सौरभ|स्नेहा|हर्ष|हरीश|ज्योति|नेहा|पूजा|अनिता|सरिता|रेखा|ममता|मीना|सुमन|उषा|अमन|करण|विवेक"
	hiSurnamesExtra = "पाटिल|शर्मा|वर्मा|मेहता|जोशी|देसाई|नायर|पिल्लई|अय्यर|भट्ट|त्रिपाठी|दुबे|चौहान|ठाकुर|राठौर|मलिक|सक्सेना|बंसल|गोयल|मित्तल|कपूर|खन्ना|मल्होत्रा|बनर्जी|चटर्जी|मुखर्जी|दास|घोष|बोस|सेन|राव|नायडू|कुलकर्णी|देशमुख|पांडेय|उपाध्याय|शुक्ला|द्विवेदी|चतुर्वेदी"
)

// --- Greek ---

// greekFoldRune lower-cases a Greek letter and drops its accent.
func greekFoldRune(r rune) rune {
	if r >= 'Α' && r <= 'Ω' {
		r += 'α' - 'Α'
	}
	switch r {
	case 'ά', 'Ά':
		return 'α'
	case 'έ', 'Έ':
		return 'ε'
	case 'ή', 'Ή':
		return 'η'
	case 'ί', 'ϊ', 'ΐ', 'Ί', 'Ϊ':
		return 'ι'
	case 'ό', 'Ό':
		return 'ο'
	case 'ύ', 'ϋ', 'ΰ', 'Ύ', 'Ϋ':
		return 'υ'
	case 'ώ', 'Ώ':
		return 'ω'
	case 'ς':
		return 'σ'
	}
	return r
}

func greekFoldString(s string) string {
	var buf [128]byte
	return string(greekFoldTo(buf[:0], s))
}

// greekFoldTo appends the folded s to b (b's capacity bounds it).
func greekFoldTo(b []byte, s string) []byte {
	for _, r := range s {
		if len(b)+4 > cap(b) {
			break
		}
		b = utf8.AppendRune(b, greekFoldRune(r))
	}
	return b
}

// greekEndings are the case endings of Greek names, folded, longest first.
var greekEndings = []string{"οσ", "ησ", "ασ", "εσ", "ου", "ο", "η", "α", "ε", "σ"}

// greekStem drops the case ending of a folded Greek name.
func greekStem(f string) string {
	for _, e := range greekEndings {
		if strings.HasSuffix(f, e) && utf8.RuneCountInString(f)-utf8.RuneCountInString(e) >= 3 {
			return f[:len(f)-len(e)]
		}
	}
	return f
}

// greekStemIn reports whether the folded word f, in some case form, has
// its stem in set.
func greekStemIn(set nameSet, f []byte) bool {
	if _, ok := set[string(f)]; ok {
		return true
	}
	for _, e := range greekEndings {
		if len(f) >= len(e)+6 && string(f[len(f)-len(e):]) == e {
			if _, ok := set[string(f[:len(f)-len(e)])]; ok {
				return true
			}
		}
	}
	return false
}

// greekNotName reports a folded word of elNotNames.
func greekNotName(w []byte) bool {
	for k := 1; k < len(elNotNames); {
		e := strings.IndexByte(elNotNames[k:], '|')
		if string(w) == elNotNames[k:k+e] {
			return true
		}
		k += e + 1
	}
	return false
}

// inListBytes is inList for a byte slice.
func inListBytes(w []byte, list []string) bool {
	for _, x := range list {
		if string(w) == x {
			return true
		}
	}
	return false
}

// greekSurnameEndings mark a Greek surname, folded.
var greekSurnameEndings = []string{"πουλοσ", "πουλο", "πουλου", "πουλε", "ιδησ", "ιδη", "ιδου", "ακησ", "ακη", "ογλου", "αδησ", "αδη"}

// Words before a Greek name: honorifics (any capitalised word after them
// is a name) and articles (a listed given name or a surname after them).
var (
	greekHonorifics = []string{"κ.", "κα", "κα.", "κυρια", "κυριασ", "κυριε", "κυριοσ", "κυριου", "κυριο", "κον", "κο", "κου", "δρ.", "δρ", "γιατρο", "γιατροσ"}
	greekArticles   = []string{"ο", "η", "τον", "την", "τη", "του", "τησ", "στον", "στην", "στη", "στου", "στησ", "με", "και"}
)

func greekNames(text string, out *scriptSpans, l *scriptNameLists) {
	var buf [96]byte
	for i := 0; i < len(text); {
		if text[i] != 0xCE && text[i] != 0xCF {
			i++
			continue
		}
		r, n := runeAt(text, i)
		if !isGreekUpper(r) || i > 0 && greekLetterAt(text, i-prevRuneLen(text, i)) {
			i += n
			continue
		}
		e := greekCapWord(text, i)
		if e == i {
			i += n
			continue
		}
		// not beside another capitalised word: the pair is the token scanner's
		if next := skipSpace(text, e); next > e {
			if r2, _ := runeAt(text, next); isGreekUpper(r2) {
				i = e
				continue
			}
		}
		ps, pe := prevWord(text, i, isGreekLetter)
		if ps == pe {
			i = e
			continue
		}
		prev := greekFoldTo(buf[:0], text[ps:pe])
		if pe < i && text[pe] == '.' {
			prev = append(prev, '.')
		}
		if r0, _ := utf8.DecodeRune(prev); isGreekUpper(r0) {
			i = e
			continue
		}
		word := greekFoldTo(buf[len(prev):len(prev)], text[i:e])
		ok := false
		switch {
		case inListBytes(prev, greekHonorifics):
			ok = true
		case inListBytes(prev, greekArticles) && !greekNotName(word):
			ok = greekStemIn(l.elStems, word) || greekStemIn(l.elSurStems, word)
			for _, s := range greekSurnameEndings {
				ok = ok || len(word) > len(s) && string(word[len(word)-len(s):]) == s
			}
		}
		if ok && !out.overlapsAddress(i, e) {
			out.add(tPersonName, i, e, 0.75)
		}
		i = e
	}
}

// prevRuneLen returns the byte length of the rune before i (1 at 0).
func prevRuneLen(text string, i int) int {
	if i == 0 {
		return 0
	}
	_, n := runeBefore(text, i)
	return n
}

// prevWord returns the word of the script before i, over spaces and one
// full stop ("κ. Παπαδόπουλο"), or an empty range.
func prevWord(text string, i int, in func(rune) bool) (int, int) {
	j := i
	for j > 0 && (text[j-1] == ' ' || j >= 2 && text[j-2:j] == "\u00a0") {
		if text[j-1] == ' ' {
			j--
		} else {
			j -= 2
		}
	}
	if j == i {
		return i, i // no space before: not a separate word
	}
	if j > 0 && text[j-1] == '.' {
		j--
	}
	e := j
	for j > 0 {
		r, n := runeBefore(text, j)
		if !in(r) {
			break
		}
		j -= n
	}
	return j, e
}

// --- Russian and Ukrainian ---

// cyrStem drops the final vowel, й or ь of a Cyrillic given name.
func cyrStem(w string) string {
	r, n := utf8.DecodeLastRuneInString(w)
	switch r {
	case 'а', 'я', 'о', 'й', 'ь', 'є':
		if utf8.RuneCountInString(w) > 3 {
			return w[:len(w)-n]
		}
	}
	return w
}

// cyrEndings are case endings of Russian and Ukrainian given names.
var cyrEndings = []string{"ой", "ей", "ом", "ем", "ём", "ою", "ею", "ію", "ові", "еві", "а", "я", "у", "ю", "е", "ы", "и", "і", "ь", "й", "о", "є"}

func (l *scriptNameLists) cyrGivenForm(w string) bool {
	if l.cyrGiven.has(w) {
		return true
	}
	for _, e := range cyrEndings {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w)-utf8.RuneCountInString(e) >= 3 && l.cyrStems.has(w[:len(w)-len(e)]) {
			return true
		}
	}
	return false
}

// cyrPlacePreps come before a place ("во Владимире", "у Києві"), not a person.
var cyrPlacePreps = []string{"в", "во", "из", "на", "под", "до", "по", "над", "із", "город", "місто", "г.", "м."}

// cyrSurnameEndings mark a Russian or Ukrainian surname.
var cyrSurnameEndings = []string{"ова", "ева", "ёва", "ина", "ына", "ов", "ев", "ёв", "ин", "ын", "ский", "ская", "цкий", "цкая", "енко", "ук", "юк", "чук", "ич", "ян", "швили", "дзе", "ко", "ська", "цька"}

// cyrillicGivenNames reports a Russian or Ukrainian given name standing
// alone ("мам, Серёжа заберёт", "звонить Ольге", "у Артёма") and an
// initial with a surname ("Н. Соколова").
func cyrillicGivenNames(text string, out *scriptSpans, l *scriptNameLists) {
	for i := 0; i < len(text); {
		if text[i] != 0xD0 && text[i] != 0xD1 {
			i++
			continue
		}
		r, n := runeAt(text, i)
		if !isCyrUpper(r) || i > 0 && cyrLetterBefore(text, i) {
			i += n
			continue
		}
		// an initial and a surname
		if i+n < len(text) && text[i+n] == '.' {
			j := skipSpace(text, i+n+1)
			if j > i+n+1 {
				if ws, we := cyrWordAt(text, j); we > ws && cyrInitials(text, i) == i {
					w := text[ws:we]
					ok := l.cyrSurnames.has(w)
					for _, s := range cyrSurnameEndings {
						ok = ok || strings.HasSuffix(w, s) && len(w) > len(s)+4
					}
					if ok && !cyrUpperAfter(text, we) && !out.overlapsAddress(i, we) {
						out.add(tPersonName, i, we, 0.75)
						i = we
						continue
					}
				}
			}
		}
		ws, we := cyrWordAt(text, i)
		if we == ws {
			i += n
			continue
		}
		w := text[ws:we]
		if cyrUpperAfter(text, we) || we < len(text) && text[we] == '.' && cyrInitialAt(text, skipSpace(text, we+1)) {
			i = we
			continue
		}
		ps, pe := prevWord(text, i, isCyrLetter)
		if pe > ps {
			if p, _ := runeAt(text, ps); isCyrUpper(p) && !(pe < i && text[pe] == '.') && !sentenceStartAt(text, ps) {
				i = we // after a capitalised word: a pair
				continue
			}
			pw := text[ps:pe]
			if pe < i && text[pe] == '.' {
				pw = text[ps : pe+1]
			}
			if inList(pw, cyrPlacePreps) {
				i = we
				continue
			}
		}
		if l.cyrGivenForm(w) && !out.overlapsAddress(ws, we) {
			out.add(tPersonName, ws, we, 0.7)
		}
		i = we
	}
}

// sentenceStartAt reports that the word at i starts the text, a line or
// a sentence (a capitalised word there need not be a name).
func sentenceStartAt(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == 0 {
		return true
	}
	r, _ := runeBefore(text, j)
	return strings.ContainsRune(".!?\n:«\"—", r)
}

// cyrUpperAfter reports a capitalised Cyrillic word after the spaces at e.
func cyrUpperAfter(text string, e int) bool {
	j := skipSpace(text, e)
	if j == e {
		return false
	}
	r, _ := runeAt(text, j)
	return isCyrUpper(r)
}

func cyrInitialAt(text string, j int) bool {
	r, n := runeAt(text, j)
	return isCyrUpper(r) && j+n < len(text) && text[j+n] == '.'
}

// --- Hebrew ---

// hebrewLabels are followed by a name; hebrewBefore by a given name alone.
var (
	hebrewLabels = []string{"שם", "בשם", "שמי", "שמו", "שמה", "השם", "לכבוד"}
	hebrewBefore = []string{"עם", "של", "את", "אצל", "ועם", "לבין", "ובין", "הבן", "הבת", "בני", "בתי", "אחי", "אחותי", "חבר", "חברה", "ל"}
	hebrewStop   = []string{"של", "את", "עם", "הוא", "היא", "זה", "זו", "לא", "כן", "על", "אל", "מה", "מי", "כל", "גם", "רק", "אני", "אתה", "את", "הם", "הן", "משתמש", "מלא", "פרטי", "משפחה", "החברה", "הלקוח"}
)

func hebrewNames(text string, out *scriptSpans, l *scriptNameLists) {
	for i := 0; i < len(text); {
		if text[i] != 0xD7 || !isHebrewLetterAt(text, i) {
			i++
			continue
		}
		if p, _ := runeBefore(text, i); isHebrewRune(p) || p == '-' || p == '\'' {
			i += 2
			continue
		}
		e := hebrewWordEnd(text, i)
		if e == i {
			i += 2
			continue
		}
		w := text[i:e]
		// a label, then one or two words
		if inList(w, hebrewLabels) || w == "שם" && hasPrefixAt(text, e, ":") {
			s := e
			if s < len(text) && text[s] == ':' {
				s++
			}
			s = skipSpace(text, s)
			if ne := hebrewWordEnd(text, s); ne > s && !inList(text[s:ne], hebrewStop) && !strings.HasPrefix(text[s:ne], "ה") {
				end := ne
				if s2 := skipSpace(text, ne); s2 == ne+1 {
					if e2 := hebrewWordEnd(text, s2); e2 > s2 && (l.heSurnames.has(hebrewFirstPart(text[s2:e2])) || hebrewPartEnds(text, e2) && !inList(text[s2:e2], hebrewStop)) {
						end = e2
					}
				}
				if !out.overlapsAddress(s, end) {
					out.add(tPersonName, s, end, 0.75)
				}
				i = end
				continue
			}
		}
		if l.heGiven.has(w) && len(w) >= 4 {
			// a given name and a surname
			if s2 := skipSpace(text, e); s2 == e+1 {
				if e2 := hebrewWordEnd(text, s2); e2 > s2 && l.heSurnames.has(hebrewFirstPart(text[s2:e2])) {
					if !out.overlapsAddress(i, e2) {
						out.add(tPersonName, i, e2, 0.75)
					}
					i = e2
					continue
				}
			}
			// a given name alone after a cue, or as a speaker label
			ps, pe := prevWord(text, i, isHebrewRune)
			cue := pe > ps && inList(text[ps:pe], hebrewBefore) || hasPrefixAt(text, e, ":") && hebrewLineStart(text, i)
			if cue && len(w) >= 6 && !out.overlapsAddress(i, e) {
				out.add(tPersonName, i, e, 0.7)
			}
		}
		i = e
	}
}

// hebrewFirstPart is the part of a double surname before its hyphen.
func hebrewFirstPart(w string) string {
	if k := strings.IndexByte(w, '-'); k > 0 {
		return w[:k]
	}
	return w
}

// hebrewPartEnds reports punctuation or the end right after a word.
func hebrewPartEnds(text string, e int) bool {
	if e >= len(text) {
		return true
	}
	switch text[e] {
	case ',', '.', ';', ':', '\n', ')':
		return true
	}
	return false
}

// hebrewLineStart reports that only spaces stand between the start of
// the line (or a colon) and i.
func hebrewLineStart(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	return j == 0 || text[j-1] == '\n' || text[j-1] == ':'
}

// --- Thai ---

var (
	thaiTitles       = []string{"นางสาว", "คุณ", "นาย", "นาง", "น.ส.", "ด.ช.", "ด.ญ.", "พี่", "น้อง"}
	thaiFormalTitles = []string{"นางสาว", "นาย", "นาง", "น.ส.", "ด.ช.", "ด.ญ."}
	thaiLabels       = []string{"ชื่อ-นามสกุล", "ชื่อ-สกุล", "ชื่อผู้ติดต่อ", "ชื่อ"}
	// particles and words that may follow a name written together with it
	thaiAfterName = []string{"ครับ", "ค่ะ", "คะ", "นะ", "ว่า", "ที่", "จะ", "ได้", "มา", "ไป", "ช่วย", "ด้วย", "และ", "กับ", "หน่อย", "โทร", "เป็น", "ก็", "บอก", "ขอ"}
)

func isThai(r rune) bool { return r >= 0x0E01 && r <= 0x0E4E }

// thaiRun returns the end of the Thai letters at i.
func thaiRun(text string, i int) int {
	for i < len(text) {
		r, n := runeAt(text, i)
		if !isThai(r) {
			break
		}
		i += n
	}
	return i
}

// thaiNotNicknames follow พี่ and น้อง as words: brother, sister, the
// repetition mark, kin and roles.
var thaiNotNicknames = []string{"ชาย", "สาว", "ๆ", "เขย", "สะใภ้", "น้อง", "พี่", "ทุกคน", "เลี้ยง", "ใหญ่", "รอง", "คน", "ที่", "ก็", "จะ", "ได้"}

// thaiNickname returns the end of a nickname of two to five runes after
// พี่ or น้อง (Thais call each other by one: "พี่บอยขอเบอร์", "น้องบีม
// ส่ง", "ชื่อพี่เอก"), written together with what follows only when a
// particle follows it; or -1.
func thaiNickname(text string, s, run int) int {
	if run == s || startsWithAny(text, s, thaiNotNicknames) {
		return -1
	}
	if n := utf8.RuneCountInString(text[s:run]); n >= 2 && n <= 5 {
		return run // the whole run: "น้องบีม ส่ง", "ชื่อพี่เอก"
	}
	for k, n := s, 0; k < run && n < 5; {
		_, w := runeAt(text, k)
		k += w
		n++
		if n >= 2 && startsWithAny(text, k, thaiAfterName) {
			if r, _ := runeAt(text, k); r >= 0x0E30 && r <= 0x0E3A || r >= 0x0E47 && r <= 0x0E4E {
				continue // a vowel or tone mark belongs to the name's last letter
			}
			return k
		}
	}
	return -1
}

func thaiNames(text string, out *scriptSpans, l *scriptNameLists) {
	for i := 0; i < len(text); {
		if text[i] != 0xE0 || i+1 < len(text) && text[i+1] != 0xB8 && text[i+1] != 0xB9 {
			i++
			continue
		}
		label := false
		m := 0
		for _, t := range thaiLabels {
			if hasPrefixAt(text, i, t) {
				m, label = len(t), true
				break
			}
		}
		formal := false
		if m == 0 {
			for _, t := range thaiTitles {
				if hasPrefixAt(text, i, t) {
					m, formal = len(t), inList(t, thaiFormalTitles)
					break
				}
			}
		}
		if m == 0 {
			_, n := runeAt(text, i)
			i += n
			continue
		}
		s := i + m
		if label {
			if s < len(text) && text[s] == ':' {
				s++
			}
			if skipSpace(text, s) == s {
				i = s // "ชื่อเรื่อง": a word, not a label
				continue
			}
		}
		s = skipSpace(text, s)
		run := thaiRun(text, s)
		end := -1
		switch {
		case run == s:
		case l.thGiven.has(text[s:run]) || label && utf8.RuneCountInString(text[s:run]) >= 2 && utf8.RuneCountInString(text[s:run]) <= 15:
			end = run
		default:
			// the name written together with what follows: "คุณสมชายว่า"
			for k := run; k > s; {
				_, n := runeBefore(text, k)
				k -= n
				if k > s && utf8.RuneCountInString(text[s:k]) >= 3 && l.thGiven.has(text[s:k]) && startsWithAny(text, k, thaiAfterName) {
					end = k
					break
				}
			}
		}
		if end < 0 && (hasPrefixAt(text, i, "พี่") || hasPrefixAt(text, i, "น้อง")) {
			end = thaiNickname(text, s, run)
		}
		if end < 0 {
			i = s
			continue
		}
		// the surname after one space
		if end == run && end+1 < len(text) && text[end] == ' ' {
			s2 := end + 1
			if e2 := thaiRun(text, s2); e2 > s2 && !startsWithAny(text, s2, thaiAfterName) {
				n2 := utf8.RuneCountInString(text[s2:e2])
				if l.thSurnames.has(text[s2:e2]) || (formal || label) && n2 >= 2 && n2 <= 15 && (e2 == len(text) || text[e2] == ' ' || text[e2] < 0x80) {
					end = e2
				}
			}
		}
		if !out.overlapsAddress(s, end) {
			out.add(tPersonName, s, end, 0.75)
		}
		i = end
	}
}

// --- Korean ---

// koCasualAfter follow a given name in speech: the vocative, the casual
// 이 forms, "to", "with", "'s family".
var (
	koAfterConsonant = []string{"아", "이가", "이는", "이도", "이랑", "이한테", "이네", "이야", "이가요", "이에게"}
	koAfterVowel     = []string{"야", "랑", "한테", "네", "에게"}
	// particles and copulas after a full name
	koAfterFull = []string{"은", "는", "이", "가", "을", "를", "의", "에게", "께", "께서", "한테", "와", "과", "랑", "이랑", "도", "야", "이야", "입니다", "이고", "이며", "이에요", "예요", "님", "씨", "군", "양"}
)

// koParticles follow a given name in talk about a person: "to" (한테,
// 에게), "too" (도), "with" (랑, 하고), the subject, topic and object
// endings, the copula ("유나예요", "윤아입니다") and the honorifics 씨 and
// 님. After a final consonant the casual 이 may come first ("서연이",
// "서연이가", "현우도", "태윤한테", "민재한테도").
var koParticles = []string{"도", "한테", "한테도", "한테서", "에게", "에게도", "랑", "하고", "네", "가", "는", "를", "의",
	"씨", "님", "예요", "야", "야말로", "이", "은", "을", "과", "와", "이에요", "입니다", "이고", "이야", "이랑", "이네", "이가", "이는", "이도"}

// koParticleDrop are listed given names that are also common words
// before the same endings ("하나도" not at all, "유리가" glass, "지우는"
// erasing, "미소를" a smile): with those endings they are not taken.
var koParticleDrop = []string{"하나", "우주", "가을", "태양", "유리", "민주", "지성", "아름", "미소", "나은", "지우", "소원", "수지", "준수", "지안", "수호"}

func koParticleRest(rest string, final bool) bool {
	if final {
		if rest == "이" {
			return true // "서연이 계좌로"
		}
		if r, ok := strings.CutPrefix(rest, "이"); ok && inList(r, koParticles) {
			return true // "서연이가", "서연이한테"
		}
		// after a final consonant the endings that need a vowel are not taken
		return inList(rest, koParticles) && rest != "가" && rest != "는" && rest != "를" && rest != "야" && rest != "예요" && rest != "랑" && rest != "와" && rest != "네"
	}
	return inList(rest, koParticles) && rest != "이" && rest != "은" && rest != "을" && rest != "과" && rest != "이에요"
}

func hangulHasFinal(r rune) bool { return (r-0xAC00)%28 != 0 }

// hangulWordEnd returns the end of the Hangul syllables at i.
func hangulWordEnd(text string, i int) int {
	for i < len(text) {
		r, n := runeAt(text, i)
		if !isHangul(r) {
			break
		}
		i += n
	}
	return i
}

// endsWord reports that text[j:e] is one of list (or empty) and the word
// ends there.
func restIn(text string, j, e int, list []string) bool {
	return j == e || inList(text[j:e], list)
}

func koreanListedNames(text string, out *scriptSpans, l *scriptNameLists) {
	for i := 0; i < len(text); {
		if text[i] < 0xEA || text[i] > 0xED {
			i++
			continue
		}
		r, n := runeAt(text, i)
		if !isHangul(r) {
			i += n
			continue
		}
		if p, _ := runeBefore(text, i); isHangul(p) {
			i += n
			continue
		}
		e := hangulWordEnd(text, i)
		syl := (e - i) / 3
		// a family name and a listed given name: 오준우, 이수진에게
		if syl >= 3 && koSurnames[r] && l.koGiven.has(text[i+3:i+9]) && restIn(text, i+9, e, koAfterFull) {
			if !out.overlapsAddress(i, i+9) {
				out.add(tPersonName, i, i+9, 0.75)
			}
			i = e
			continue
		}
		// a listed given name with a casual ending, or before 생일 / a colon
		if syl >= 2 && l.koGiven.has(text[i:i+6]) {
			last, _ := runeAt(text, i+3)
			after := koAfterVowel
			if hangulHasFinal(last) {
				after = koAfterConsonant
			}
			ok := e > i+6 && (inList(text[i+6:e], after) || koParticleRest(text[i+6:e], hangulHasFinal(last)) && !inList(text[i:i+6], koParticleDrop))
			if e == i+6 && (hasPrefixAt(text, e, " 씨") || hasPrefixAt(text, e, " 님")) {
				ok = true // "서준 씨", "윤아 님"
			} else if e == i+6 {
				k := skipSpace(text, e)
				ok = hasPrefixAt(text, e, ":") || hasPrefixAt(text, e, "：") ||
					k == e+1 && (hasPrefixAt(text, k, "생일") || hasPrefixAt(text, k, "엄마") || hasPrefixAt(text, k, "아빠"))
			}
			if ok && !out.overlapsAddress(i, i+6) {
				out.add(tPersonName, i, i+6, 0.7)
			}
		}
		i = e
	}
}

// --- Japanese and Chinese ---

var (
	jaParticleAfter = "とはがをにのもへやか、。，・」』）)\n "
	jaKin           = []string{"娘の", "息子の", "妻の", "夫の", "母の", "父の", "姉の", "妹の", "兄の", "弟の", "孫の", "友人の", "友達の"}
	zhKin           = []string{"我们家", "我們家", "我家", "儿子", "兒子", "女儿", "女兒", "孩子", "欢迎", "歡迎", "联系", "聯繫", "通知", "告诉", "告訴"}
	zhHome          = []string{"我们家", "我們家", "我家", "儿子", "兒子", "女儿", "女兒"}
	zhAnd           = "和与與、及跟"
	// 小 and a character at a line start before a colon is a pet name
	// ("小雨："), unless it is one of these words
	zhXiaoWords = []string{"小计", "小計", "小结", "小結", "小区", "小區", "小时", "小時", "小说", "小說", "小组", "小組", "小费", "小費", "小学", "小學", "小孩", "小编", "小編", "小票", "小姐", "小心", "小吃", "小题", "小題", "小贴", "小貼", "小号", "小號", "小程"}
	zhAfter     = "和与與跟及、，。的说說在是也已会會将將都就还還你您加明今昨：:）)\n "
)

// runeIn reports whether the rune at j is in set (or j is the end).
func runeIn(text string, j int, set string) bool {
	if j >= len(text) {
		return true
	}
	r, _ := runeAt(text, j)
	return strings.ContainsRune(set, r)
}

// cjkLongest returns the end of the longest member of set of one to max
// runes at i (of Han or kana), or -1.
func cjkLongest(text string, i, max int, set nameSet) int {
	ends := [4]int{}
	j, k := i, 0
	for k < max && j < len(text) {
		r, n := runeAt(text, j)
		if !isHan(r) && !isHiragana(r) && !isKatakana(r) {
			break
		}
		j += n
		ends[k] = j
		k++
	}
	for ; k > 0; k-- {
		if set.has(text[i:ends[k-1]]) {
			return ends[k-1]
		}
	}
	return -1
}

func cjkListedNames(text string, out *scriptSpans, l *scriptNameLists) {
	lastEnd := -10
	for i := 0; i < len(text); {
		if text[i] < 0xE3 {
			i++
			continue
		}
		r, n := runeAt(text, i)
		if !isHan(r) && !isHiragana(r) {
			i += n
			continue
		}
		p, _ := runeBefore(text, i)
		// a given name after a kin word: 娘のひなた, 我们家浩然
		if endsWithAny(text, i, jaKin) {
			if e := cjkLongest(text, i, 3, l.jaGiven); e > 0 && runeIn(text, e, jaParticleAfter) {
				out.add(tPersonName, i, e, 0.75)
				i = e
				continue
			}
		}
		if endsWithAny(text, i, zhKin) {
			if e := cjkLongest(text, i, 2, l.zhGiven); e > 0 && utf8.RuneCountInString(text[i:e]) == 2 && (runeIn(text, e, zhAfter) || endsWithAny(text, i, zhHome)) {
				out.add(tPersonName, i, e, 0.7)
				i = e
				continue
			}
		}
		lineStart := p == 0 || p == '\n'
		// a chat label at a line start: 小雨：, 朵朵妈妈：
		if lineStart {
			if e := zhPetLabel(text, i); e > i {
				out.add(tPersonName, i, e, 0.7)
				i = e
				continue
			}
		}
		if !isHan(r) || isHan(p) && !strings.ContainsRune(zhParticles, p) && !endsWithAny(text, i, zhKin) || isKatakana(p) {
			i += n
			continue
		}
		// Japanese: family name, optional space, listed given name
		if fe := cjkLongest(text, i, 4, l.jaSurnames); fe > 0 && utf8.RuneCountInString(text[i:fe]) >= 2 {
			g := fe
			if g < len(text) && text[g] == ' ' {
				g++
			}
			if ge := cjkLongest(text, g, 3, l.jaGiven); ge > 0 && runeIn(text, ge, jaParticleAfter) && text[i:ge] != "山田太郎" { // the form example
				if !out.overlapsAddress(i, ge) {
					out.add(tPersonName, i, ge, 0.75)
				}
				i = ge
				continue
			}
			// a speaker label (山本：) or a signature (森田より)
			lineStart := p == 0 || p == '\n' || p == ' ' || p == '：' || p == '、' || p == '」'
			label := lineStart && (hasPrefixAt(text, fe, "：") || hasPrefixAt(text, fe, ": "))
			sig := hasPrefixAt(text, fe, "より") && runeIn(text, fe+len("より"), "。\n」 ")
			if (label || sig) && !out.overlapsAddress(i, fe) {
				out.add(tPersonName, i, fe, 0.7)
				i = fe
				continue
			}
		}
		// Chinese: family name and a listed two-character given name
		// (one character after 欢迎 or 和 after a name: 欢迎张伟和李静)
		fe := cjkLongest(text, i, 2, l.zhSurnames)
		if fe > 0 {
			strong := endsWithAny(text, i, zhKin) || i == lastEnd+3 && strings.ContainsRune(zhAnd, p)
			if ge := cjkLongest(text, fe, 2, l.zhGiven); ge > 0 && (strong || utf8.RuneCountInString(text[fe:ge]) == 2) && runeIn(text, ge, zhAfter) {
				if !out.overlapsAddress(i, ge) {
					out.add(tPersonName, i, ge, 0.7)
				}
				i, lastEnd = ge, ge
				continue
			}
		}
		i += n
	}
}

// zhFamiliarSurnames may follow 老 or 小 as the familiar way to call
// someone by the family name ("老王", "小李"); not those that make
// common words with them (小马 pony, 老牛, 小白 novice, 小钱, 老古董).
const zhFamiliarSurnames = "王李张黄高林周陈刘杨赵吴孙朱何宋郭罗梁胡叶丁田方"

// zhFamiliarNames reports 老 or 小 and a common family name, as a word of
// its own: followed by punctuation, a space, the end, a non-Han letter or
// one of zhAfter ("你找一下老王", "小李说").
func zhFamiliarNames(text string, out *scriptSpans) {
	for _, pre := range [...]string{"老", "小"} {
		for from := 0; from < len(text); {
			k := strings.Index(text[from:], pre)
			if k < 0 {
				break
			}
			k += from
			from = k + len(pre)
			r, n := runeAt(text, from)
			if !strings.ContainsRune(zhFamiliarSurnames, r) {
				continue
			}
			e := from + n
			if nx, _ := runeAt(text, e); e < len(text) && (isHan(nx) && !strings.ContainsRune(zhAfter, nx) || isHiragana(nx) || isKatakana(nx)) {
				continue // 小李子, 老王家: part of a longer word; Japanese 小高い
			}
			if p, _ := runeBefore(text, k); k > 0 && (p == '老' || p == '小' || p == '大') {
				continue
			}
			if !out.overlapsAddress(k, e) {
				out.add(tPersonName, k, e, 0.65)
			}
			from = e
		}
	}
}

// jaFamiliar are the familiar honorifics after a given name (くん, ちゃん)
// and さん, which after kana names a person too ("けんじ さん", "マリアさん").
var jaFamiliar = []string{"くん", "ちゃん", "さん"}

// jaFamiliarNames reports a name written in kana (two to five) or, before
// くん and ちゃん, in one or two Han characters, standing alone before
// a familiar honorific, directly or after a space: "ゆうこ ちゃん",
// "そうたくん", "翔くん", "けんじ さん". Words that take the same endings
// are not names: those that start with the polite お ("おばあちゃん",
// "おかあさん"), everyone and babies ("みなさん", "あかちゃん", "赤ちゃん"),
// and kin written in Han ("姉ちゃん", "婆ちゃん").
func jaFamiliarNames(text string, out *scriptSpans) {
	for _, h := range jaFamiliar {
		for from := 0; from < len(text); {
			k := strings.Index(text[from:], h)
			if k < 0 {
				break
			}
			k += from
			from = k + len(h)
			e := k
			if e > 0 && text[e-1] == ' ' {
				e--
			}
			// the name: a run of one kind of script before e
			st, runes := e, 0
			kind := 0 // 1 hiragana, 2 katakana, 3 Han
			for st > 0 && runes < 6 {
				r, n := runeBefore(text, st)
				c := 0
				switch {
				case isHiragana(r):
					c = 1
				case isKatakana(r):
					c = 2
				case isHan(r):
					c = 3
				}
				if c == 0 || kind != 0 && c != kind {
					break
				}
				kind = c
				st -= n
				runes++
			}
			if runes == 0 || runes > 5 {
				continue
			}
			// a boundary before it: the text's start, a space, punctuation
			if st > 0 {
				p, _ := runeBefore(text, st)
				if isHan(p) || isHiragana(p) || isKatakana(p) || p < 0x80 && (p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z' || p >= '0' && p <= '9') {
					continue
				}
			}
			name := text[st:e]
			switch kind {
			case 1, 2:
				if runes < 2 || strings.HasPrefix(name, "お") || startsWithAny(text, st, jaNotNames) {
					continue
				}
			case 3:
				if h == "さん" || runes > 2 || strings.ContainsAny(name, "赤婆爺姉兄母父祖叔伯皆奥嫁娘息") {
					continue
				}
			}
			if !out.overlapsAddress(st, e) {
				out.add(tPersonName, st, e, 0.7)
			}
		}
	}
}

// jaNotNames take familiar endings and are no names.
var jaNotNames = []string{"みな", "あか", "ばあ", "じい", "かあ", "とう", "にい", "ねえ", "みんな", "ママ", "パパ", "ばば", "じじ"}

// zhPetLabel returns the end of a pet name that labels a chat line at i
// ("小雨：" → 小雨, "朵朵妈妈：" → 朵朵), or i.
func zhPetLabel(text string, i int) int {
	r, n := runeAt(text, i)
	r2, n2 := runeAt(text, i+n)
	if !isHan(r2) {
		return i
	}
	e := i + n + n2
	switch {
	case r == '小' && !startsWithAny(text, i, zhXiaoWords) && (hasPrefixAt(text, e, "：") || hasPrefixAt(text, e, ":")):
		return e
	case r == r2 && (hasPrefixAt(text, e, "妈妈：") || hasPrefixAt(text, e, "爸爸：") || hasPrefixAt(text, e, "媽媽：")):
		return e
	}
	return i
}
