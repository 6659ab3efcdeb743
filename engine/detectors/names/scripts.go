package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names and addresses in scripts the token scanner does not read: Chinese,
// Japanese and Korean (no capital letters, and no spaces in Chinese and
// Japanese), and the street-address layouts of Russian and Ukrainian,
// Turkish, Indonesian, Vietnamese, Hebrew, Arabic, Greek, Thai and Hindi.
// scanScripts runs only on text that holds such a script or marker, and
// allocates nothing.
//
// The lists are the project's own, from general knowledge of each
// language: the most common family names (Chinese, Japanese, Korean), the
// honorifics and titles written after a name (先生, 女士, 様, さん, 님,
// 씨 …), the labels written before one (收货人：, 担当：, 받는 사람: …), the
// top-level divisions that open an address (provinces and municipalities,
// the 47 prefectures, Korean provinces and metropolitan cities) and the
// markers of a street and a house number (路, 号, 丁目, 로, 길, ул., д., Cad.,
// No:, Jl., רחוב, شارع, οδός, ซอย, सेक्टर …). A name needs a cue on one
// side; a surname alone is a common word in Chinese. In Cyrillic, a
// capitalised word beside two initials ("Ивановой Е. А.", "Е. А.
// Иванова") is a name. The listed names of scriptnames.go (faker's lists
// for Greek, Cyrillic, Hebrew, Arabic, Thai, Korean, Japanese, Chinese and
// Nepali) add names found by a list and a cue.

// scriptSpan is a finding of scanScripts (byte offsets).
type scriptSpan struct {
	typ        string
	start, end int
	score      float64
}

const maxScriptSpans = 32

// scriptSpans collects scanScripts' findings without allocating.
type scriptSpans struct {
	n    int
	list [maxScriptSpans]scriptSpan
}

func (s *scriptSpans) add(typ string, start, end int, score float64) {
	if end <= start || s.n == maxScriptSpans {
		return
	}
	for i := 0; i < s.n; i++ {
		o := &s.list[i]
		if o.start < end && start < o.end {
			if o.typ == typ || typ == tPersonName {
				return // the first (an address before a name inside it) stays
			}
		}
	}
	s.list[s.n] = scriptSpan{typ, start, end, score}
	s.n++
}

// overlapsAddress reports a script address overlapping [start, end).
func (s *scriptSpans) overlapsAddress(start, end int) bool {
	for i := 0; i < s.n; i++ {
		o := &s.list[i]
		if o.typ == tStreetAddress && o.start < end && start < o.end {
			return true
		}
	}
	return false
}

// dropAddress drops the script addresses overlapping [start, end).
func (s *scriptSpans) dropAddress(start, end int) {
	for i := 0; i < s.n; i++ {
		o := &s.list[i]
		if o.typ == tStreetAddress && o.start < end && start < o.end {
			o.score = 0
		}
	}
}

// dropPerson drops the script names overlapping [start, end).
func (s *scriptSpans) dropPerson(start, end int) {
	for i := 0; i < s.n; i++ {
		o := &s.list[i]
		if o.typ == tPersonName && o.start < end && start < o.end {
			o.score = 0
		}
	}
}

const (
	tPersonName    = "PERSON"
	tStreetAddress = "STREET_ADDRESS"
)

// Scripts present in a text, found in one pass that skips ASCII eight
// bytes at a time.
const (
	hasCJK        = 1 << iota // lead bytes E3..E9: kana, CJK ideographs
	hasHangul                 // EA..ED
	hasCyr                    // D0, D1
	hasLatinX                 // C3..C5: Latin-1 and Latin Extended-A (Turkish, Vietnamese letters)
	hasViet                   // E1: Latin Extended Additional (ạ, ố, ừ …)
	hasMarker                 // an ASCII marker of the Turkish, Indonesian or transliterated forms
	hasArabic                 // D8..DB
	hasDevanagari             // E0 (Devanagari, Thai and other Indic scripts: the name lists decide)
	hasHebrew                 // D7: Hebrew letters
	hasGreek                  // CE, CF: Greek letters
)

func scriptsIn(text string) int {
	f := 0
	i := 0
	for i+8 <= len(text) {
		w := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
			uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
		if w&0x8080808080808080 == 0 {
			i += 8
			continue
		}
		b := text[i : i+8]
		f |= int(leadFlags[b[0]] | leadFlags[b[1]] | leadFlags[b[2]] | leadFlags[b[3]] |
			leadFlags[b[4]] | leadFlags[b[5]] | leadFlags[b[6]] | leadFlags[b[7]])
		i += 8
	}
	for ; i < len(text); i++ {
		f |= int(leadFlags[text[i]])
	}
	// The ASCII forms: Turkish addresses have "No:", Indonesian ones
	// "Jl." or "Jalan" ('J' and 'N' are rare enough for IndexByte to skip
	// most of the text; "Cad" or "ul." would not be).
	if strings.Contains(text, "No:") || strings.Contains(text, "Jl.") || strings.Contains(text, "Jalan ") {
		f |= hasMarker
	}
	return f
}

// leadFlags is leadFlag as a table.
var leadFlags = func() (t [256]uint16) {
	for c := 0; c < 256; c++ {
		t[c] = uint16(leadFlag(byte(c)))
	}
	return t
}()

func leadFlag(c byte) int {
	switch {
	case c < 0xC3:
		return 0
	case c <= 0xC5:
		return hasLatinX
	case c == 0xD0 || c == 0xD1:
		return hasCyr
	case c == 0xCE || c == 0xCF:
		return hasGreek
	case c == 0xD7:
		return hasHebrew
	case c == 0xE1:
		return hasViet
	case c >= 0xD8 && c <= 0xDB:
		return hasArabic
	case c == 0xE0:
		return hasDevanagari
	case c >= 0xE3 && c <= 0xE9:
		return hasCJK
	case c >= 0xEA && c <= 0xED:
		return hasHangul
	}
	return 0
}

// scanScripts finds names and addresses in text (see above).
func (d *Detector) scanScripts(text string, out *scriptSpans) {
	f := scriptsIn(text)
	if f&(hasCJK|hasHangul|hasCyr|hasMarker|hasViet|hasArabic|hasDevanagari|hasHebrew|hasGreek) == 0 {
		return
	}
	if d.address {
		if f&hasCJK != 0 {
			cjkAddresses(text, out)
		}
		if f&hasHangul != 0 {
			hangulAddresses(text, out)
		}
		if f&(hasCyr|hasMarker|hasViet) != 0 {
			markerAddresses(text, out, f)
		}
		if f&hasHebrew != 0 {
			hebrewAddresses(text, out)
		}
		if f&hasArabic != 0 {
			arabicAddresses(text, out)
		}
		if f&hasGreek != 0 {
			greekAddresses(text, out)
		}
		if f&hasDevanagari != 0 {
			thaiAddresses(text, out)
			devanagariAddresses(text, out)
		}
	}
	if d.person {
		l := scriptNameData()
		if f&hasCJK != 0 {
			cjkNames(text, out)
			cjkListedNames(text, out, l)
			jaFamiliarNames(text, out)
			zhFamiliarNames(text, out)
		}
		if f&hasHangul != 0 {
			hangulNames(text, out)
			koreanListedNames(text, out, l)
		}
		if f&hasArabic != 0 {
			arabicNames(text, out, l)
		}
		if f&hasDevanagari != 0 {
			devanagariNames(text, out, l)
			thaiNames(text, out, l)
		}
		if f&hasCyr != 0 {
			cyrillicInitialsNames(text, out)
			cyrillicGivenNames(text, out, l)
		}
		if f&hasGreek != 0 {
			greekNames(text, out, l)
		}
		if f&hasHebrew != 0 {
			hebrewNames(text, out, l)
		}
	}
}

// cyrillicInitialsNames reports a Cyrillic surname with the initials of
// the given name and patronymic, the formal Russian and Ukrainian way to
// name a person in letters and notices: "Ивановой Е. А.", "Бондаренка
// І. В.", "Е. А. Иванова".
func cyrillicInitialsNames(text string, out *scriptSpans) {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isCyrUpper(r) || i > 0 && cyrLetterBefore(text, i) {
			i += n
			continue
		}
		// initials first: "Е. А. Иванова"
		if e := cyrInitials(text, i); e > i {
			if ws, we := cyrWordAt(text, skipSpace(text, e)); we-ws >= 3*2 && ws > e {
				out.add(tPersonName, i, we, 0.85)
				i = we
				continue
			}
		}
		// a surname, then the initials: "Ивановой Е. А."
		ws, we := cyrWordAt(text, i)
		if we-ws >= 3*2 {
			if j := skipSpace(text, we); j > we {
				if e := cyrInitials(text, j); e > j {
					out.add(tPersonName, ws, e, 0.85)
					i = e
					continue
				}
			}
			i = we
			continue
		}
		i += n
	}
}

func isCyrUpper(r rune) bool {
	return r >= 0x400 && r <= 0x42F || r == 'Є' || r == 'І' || r == 'Ї' || r == 'Ґ'
}

func isCyrLetter(r rune) bool { return r >= 0x400 && r <= 0x4FF }

func cyrLetterBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isCyrLetter(r) || r == '-'
}

// cyrWordAt returns a capitalised Cyrillic word starting at i (with an
// inner hyphen), or an empty range.
func cyrWordAt(text string, i int) (int, int) {
	r, n := utf8.DecodeRuneInString(text[i:])
	if !isCyrUpper(r) {
		return i, i
	}
	j := i + n
	lower := 0
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if isCyrLetter(r) && !isCyrUpper(r) || r == '-' && lower > 0 {
			if r != '-' {
				lower++
			}
			j += n
			continue
		}
		break
	}
	if lower < 2 {
		return i, i
	}
	return i, j
}

// cyrInitials returns the end of two initials at i ("Е. А.", "І.В."),
// or i.
func cyrInitials(text string, i int) int {
	j := i
	for k := 0; k < 2; k++ {
		if k > 0 {
			j = skipSpace(text, j)
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isCyrUpper(r) || j+n >= len(text) || text[j+n] != '.' {
			return i
		}
		j += n + 1
	}
	if j < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[j:]); isCyrLetter(r) {
			return i
		}
	}
	return j
}

// skipSpace skips ASCII spaces and no-break spaces from i.
func skipSpace(text string, i int) int {
	for i < len(text) {
		if text[i] == ' ' {
			i++
		} else if strings.HasPrefix(text[i:], "\u00a0") {
			i += 2
		} else {
			break
		}
	}
	return i
}

// --- CJK helpers ---

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r == '々'
}
func isHiragana(r rune) bool { return r >= 0x3041 && r <= 0x309F }
func isKatakana(r rune) bool { return r >= 0x30A1 && r <= 0x30FF && r != '・' || r == 'ー' }
func isHangul(r rune) bool   { return r >= 0xAC00 && r <= 0xD7A3 }
func isFullDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

func runeAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return 0, 0
	}
	if text[i] < utf8.RuneSelf {
		return rune(text[i]), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

func runeBefore(text string, i int) (rune, int) {
	if i <= 0 {
		return 0, 0
	}
	if text[i-1] < utf8.RuneSelf {
		return rune(text[i-1]), 1
	}
	return utf8.DecodeLastRuneInString(text[:i])
}

func hasPrefixAt(text string, i int, p string) bool {
	return len(text)-i >= len(p) && text[i:i+len(p)] == p
}

// --- CJK addresses ---

// cjkAdminStarts open a Chinese or Japanese address: municipalities and
// provinces of China, Taiwan's and Hong Kong's cities, and Japan's 47
// prefectures (all written with their suffix).
var cjkAdminStarts = []string{
	"北京市", "上海市", "天津市", "重庆市", "重慶市", "香港", "澳门", "澳門", "台北市", "臺北市", "新北市",
	"台中市", "臺中市", "台南市", "臺南市", "高雄市", "桃園市", "新竹市", "基隆市",
	"广东省", "廣東省", "浙江省", "江苏省", "江蘇省", "山东省", "山東省", "河南省", "河北省", "四川省",
	"湖北省", "湖南省", "福建省", "安徽省", "辽宁省", "遼寧省", "陕西省", "陝西省", "江西省", "云南省",
	"雲南省", "广西", "廣西", "山西省", "贵州省", "貴州省", "吉林省", "黑龙江省", "黑龍江省", "甘肃省",
	"海南省", "内蒙古", "新疆", "西藏", "宁夏", "青海省",
	"广州市", "廣州市", "深圳市", "杭州市", "南京市", "成都市", "武汉市", "武漢市", "西安市", "苏州市",
	"蘇州市", "厦门市", "廈門市", "青岛市", "青島市", "大连市", "大連市", "宁波市", "寧波市", "长沙市",
	"郑州市", "鄭州市", "沈阳市", "瀋陽市", "哈尔滨市", "昆明市", "济南市", "合肥市", "福州市", "东莞市",
	"東京都", "北海道", "大阪府", "京都府", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
	"茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
	"山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "兵庫県", "奈良県", "和歌山県",
	"鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
	"佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
	"さいたま市", // a designated city written in kana
}

// cjkAddressLabels are followed by an address.
var cjkAddressLabels = []string{"地址：", "地址:", "住址：", "住所：", "住所:", "送货地址：", "收货地址：", "お届け先：", "配送先："}

// cjkUnitAfterNumber end an address part after a number: 号 (house), 號,
// 番地, 番, 号室, 丁目, 樓/楼/层/層/階 (floor), 室 (room), 栋/棟/座 (building).
var cjkUnitAfterNumber = []string{"号楼", "號樓", "号室", "號室", "番地", "丁目", "号", "號", "番", "樓", "楼", "层", "層", "階", "室", "栋", "棟", "座", "弄", "巷", "单元", "單元", "F"}

// cjkAddresses reports Chinese and Japanese addresses: from a postcode
// (〒123-4567), a label or a top-level division, through the last number
// with its unit ("88号", "1205室", "1-1-1"), stopping at punctuation,
// white space (after a number) or kana after a number.
func cjkAddresses(text string, out *scriptSpans) { addressesFrom(text, out, &cjkForm) }

var cjkForm = addressForm{
	lead: 0xE2, marks: []string{"〒"}, starts: cjkAdminStarts, labels: cjkAddressLabels,
	end: cjkAddressEnd, more: cityWardAddress,
}

// addressForm is an address layout for addressesFrom: it starts at a
// postcode mark or a division of starts (the address starts there) or
// after a label (it starts after the label and its spaces), and ends
// where end says; where none starts, more (if set) may read a weaker form
// and return its end. Only bytes from lead up can start one.
type addressForm struct {
	lead                  byte
	marks, starts, labels []string
	end, more             func(string, int) int
	first                 *firstRunes // of marks, starts and labels, set by init
}

// firstRunes is a set of runes below U+10000, one bit each.
type firstRunes [1 << 16 / 64]uint64

func (s *firstRunes) has(r rune) bool { return r >= 1<<16 || s[r>>6]&(1<<(r&63)) != 0 }

// addressesFrom reports the addresses of form f in text.
func addressesFrom(text string, out *scriptSpans, f *addressForm) {
	for i := 0; i < len(text); {
		if text[i] < f.lead {
			i++
			continue
		}
		r, n := runeAt(text, i)
		if f.first.has(r) {
			if start := prefixStart(text, i, f.marks, f.starts, f.labels); start >= 0 {
				if e := f.end(text, start); e > start {
					out.add(tStreetAddress, start, e, 0.85)
					i = e
					continue
				}
			}
		}
		if f.more != nil {
			if e := f.more(text, i); e > i {
				out.add(tStreetAddress, i, e, 0.8)
				i = e
				continue
			}
		}
		i += n
	}
}

// The first runes of the forms' marks, starts and labels, which let
// addressesFrom skip most runes without comparing strings.
func init() {
	for _, f := range []*addressForm{&cjkForm, &hangulForm} {
		f.first = new(firstRunes)
		for _, l := range [][]string{f.marks, f.starts, f.labels} {
			for _, w := range l {
				if r, _ := utf8.DecodeRuneInString(w); r < 1<<16 {
					f.first[r>>6] |= 1 << (r & 63)
				}
			}
		}
	}
}

// prefixStart returns where an address starts at text[i]: at i for a mark
// or a division, after a label and its spaces; -1 for none.
func prefixStart(text string, i int, marks, starts, labels []string) int {
	if startsWithAny(text, i, marks) {
		return i
	}
	for _, l := range labels {
		if hasPrefixAt(text, i, l) {
			j := i + len(l)
			for j < len(text) && text[j] == ' ' {
				j++
			}
			return j
		}
	}
	if startsWithAny(text, i, starts) {
		return i
	}
	return -1
}

// cjkAddressEnd returns the end of the address starting at start, or -1
// when no number with a unit (or a chō-me triple "1-1-1") is in it.
func cjkAddressEnd(text string, start int) int {
	end := -1
	sawNumber := false
	j := start
	if hasPrefixAt(text, j, "〒") {
		j += len("〒")
		for j < len(text) && (isDigit(text[j]) || text[j] == '-') {
			j++
		}
		for j < len(text) && text[j] == ' ' {
			j++
		}
	}
	for j < len(text) && j-start < 160 {
		r, n := runeAt(text, j)
		switch {
		case isFullDigit(r):
			k := j
			for k < len(text) {
				r2, n2 := runeAt(text, k)
				if !isFullDigit(r2) && r2 != '-' && r2 != '－' && r2 != '−' {
					break
				}
				k += n2
			}
			num := text[j:k]
			sawNumber = true
			sp := 0
			if cjkUnitAt(text, k+1) != "" && text[k] == ' ' {
				sp = 1 // "88 弄", "12 號": typed with spaces
			}
			unit := cjkUnitAt(text, k+sp)
			if unit != "" {
				end = k + sp + len(unit)
			} else if strings.Count(num, "-") >= 1 {
				end = k // 1-1-1, 3-1-3
			}
			j = k + sp + len(unit)
			continue
		case r == ' ' && j > start && cjkSpacedPart(text, j):
			// a space between the parts: "漕溪北路 88 弄 6 号", "宮崎 2-14-8", "12 樓 B 室"
		case isHan(r) || isKatakana(r) || r >= 'A' && r <= 'Z' || r == '之' || r == 'ヶ' || r == 'ケ':
		case isHiragana(r):
			if sawNumber {
				return end // 梅田3-1-3の1階
			}
		default:
			return end // punctuation, a space, a line break
		}
		j += n
	}
	return end
}

// cjkUnitAt returns the unit of cjkUnitAfterNumber at text[k], or "".
func cjkUnitAt(text string, k int) string {
	if k >= len(text) {
		return ""
	}
	for _, u := range cjkUnitAfterNumber {
		if hasPrefixAt(text, k, u) {
			if (u == "号" || u == "號") && (hasPrefixAt(text, k+len(u), "线") || hasPrefixAt(text, k+len(u), "線")) {
				return "" // "3号线": a metro line
			}
			return u
		}
	}
	return ""
}

// cjkSpacedPart reports a single space at text[j] inside a Chinese or
// Japanese address typed with spaces between its parts: after a Han
// character (a street or a unit) and before a number ("漕溪北路 88",
// "弄 6 号", "宮崎 2-14-8").
func cjkSpacedPart(text string, j int) bool {
	p, _ := runeBefore(text, j)
	nx, _ := runeAt(text, j+1)
	return isHan(p) && isFullDigit(nx)
}

// --- Korean addresses ---

// hangulAdminStarts open a Korean address: the special, metropolitan and
// self-governing cities and the provinces (full and short forms).
var hangulAdminStarts = []string{
	"서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "울산광역시",
	"세종특별자치시", "경기도", "강원도", "강원특별자치도", "충청북도", "충청남도", "전라북도", "전북특별자치도",
	"전라남도", "경상북도", "경상남도", "제주특별자치도", "서울시", "부산시", "인천시", "대구시", "대전시", "울산시",
	// the short forms, as a word of their own before a district: "서울 강남구 …"
	"서울 ", "부산 ", "인천 ", "대구 ", "대전 ", "울산 ", "광주 ", "세종 ", "경기 ", "제주 ",
}

// hangulAddresses reports Korean road-name addresses: a top-level division
// (or, after 주소:/배송지:, any) then words ending in 시/구/군/읍/면/동/로/길,
// a building number, and optional ", 4층" / ", 101동 1502호"; and lot-number
// addresses, a dong (or ri) and its lot ("역삼동 823-5"), with or without
// the division.
func hangulAddresses(text string, out *scriptSpans) { addressesFrom(text, out, &hangulForm) }

var hangulForm = addressForm{
	lead: 0xEA, starts: hangulAdminStarts, labels: hangulAddressLabels,
	end: hangulAddressEnd, more: hangulLotAddress,
}

var hangulAddressLabels = []string{"주소:", "주소 :", "배송지:", "주소："}

func hangulAddressEnd(text string, start int) int {
	end := -1
	road := false // a road name: its building number follows
	lot := false  // a dong or ri: its lot number follows
	j := start
	for j < len(text) && j-start < 200 {
		// a word
		k := j
		for k < len(text) && text[k] != ' ' && text[k] != ',' && text[k] != '\n' && text[k] != '(' && text[k] != ')' {
			_, n := runeAt(text, k)
			k += n
		}
		w := text[j:k]
		if w == "" {
			break
		}
		last, _ := utf8.DecodeLastRuneInString(w)
		first, _ := utf8.DecodeRuneInString(w)
		switch {
		case j == start && len(w) == 6 && text[k] == ' ':
			// a short city name ("서울 ", from hangulAdminStarts): a
			// district word must follow
			nx := k + 1
			for nx < len(text) && text[nx] != ' ' {
				nx++
			}
			if l, _ := utf8.DecodeLastRuneInString(text[k+1 : nx]); l != '구' && l != '시' && l != '군' {
				return -1
			}
		case first >= '0' && first <= '9':
			if !road && end < 0 && (!lot || lotNumberEnd(w, 0, false) != len(w)) {
				return -1
			}
			// 123, 4층, 101동, 1502호, 27-3
			end = k
		case last == '로' || last == '길':
			road = true
		case last == '시' || last == '구' || last == '군' || last == '읍' || last == '면' || last == '동' || last == '도' || last == '가' || last == '리':
			if end >= 0 {
				return end // the next address part is not this address's
			}
			lot = last == '동' || last == '가' || last == '리'
		default:
			return end
		}
		j = k
		for j < len(text) && (text[j] == ' ' || text[j] == ',') {
			j++
		}
	}
	return end
}

// --- addresses with markers: Russian/Ukrainian, Turkish, Indonesian, Vietnamese ---

// markerAddresses reports addresses made of marked parts:
//
//	ул. Ленина, д. 15, кв. 42, г. Казань, 420111   (Russian; вул., буд. Ukrainian)
//	Atatürk Mah. Cumhuriyet Cad. No:15 D:4 34710 Kadıköy/İstanbul
//	Jl. Merdeka No. 45, RT 03/RW 05, Bandung 40111
//	Số 12 Đường Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh
func markerAddresses(text string, out *scriptSpans, f int) {
	// Which forms can occur at all, from scriptsIn's flags: most text has
	// none.
	cyr := f&hasCyr != 0
	turkish := f&hasMarker != 0
	other := turkish || f&hasViet != 0 &&
		(strings.Contains(text, "Số ") || strings.Contains(text, "Đường ") || strings.Contains(text, "Phường "))
	if !cyr && !other {
		return
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == 0xD0 || c == 0xD1:
			if !cyr {
				continue
			}
		case c >= 'A' && c <= 'Z' || c == 'u' || c >= 0xC3 && c <= 0xC5:
			if !turkish && !other {
				continue
			}
		default:
			continue
		}
		if i > 0 && isWordByteAt(text, i) {
			continue
		}
		if cyr {
			if s, e := cyrillicAddress(text, i); e > s {
				out.add(tStreetAddress, s, e, 0.85)
				i = e - 1
				continue
			}
		}
		if s, e := latinMarkerAddress(text, i); e > s {
			out.add(tStreetAddress, s, e, 0.8)
			i = e - 1
		}
	}
}

// isWordByteAt reports a letter or digit right before text[i].
func isWordByteAt(text string, i int) bool {
	r, _ := runeBefore(text, i)
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80 && r != ' ' && !isPunctRune(r)
}

func isPunctRune(r rune) bool {
	switch r {
	case '，', '、', '。', '：', '（', '）', '«', '»', '—', '–', '\u00a0':
		return true
	}
	return false
}

// cyrillicStreet open a Russian or Ukrainian street part; cyrillicParts
// may follow it (house, flat, building, city, region). cyrillicTypeAfter
// are the street types written after the name ("Невский пр.", "Тверская
// ул.", "Хрещатик вул.").
var (
	cyrillicTypeAfter = []string{"ул.", "улица", "вул.", "вулиця", "пр.", "просп.", "проспект", "пр-т", "пер.",
		"переулок", "пров.", "провулок", "бул.", "бульв.", "бульвар", "наб.", "набережная", "ш.", "шоссе",
		"пл.", "площадь", "площа", "туп.", "тупик", "узвіз", "аллея", "алея"}
	cyrillicCity   = []string{"г. ", "м. ", "город "}
	cyrillicStreet = []string{"ул. ", "улица ", "вул. ", "вулиця ", "пр. ", "просп. ", "проспект ", "пер. ", "бул. ", "бульвар ", "наб. ", "ш. ", "шоссе ", "пл. "}
	cyrillicParts  = []string{"д. ", "дом ", "буд. ", "кв. ", "корп. ", "стр. ", "офис ", "оф. ", "г. ", "м. ", "обл. ", "р-н ", "эт. "}
)

// cyrillicAddress reads "[г. City, ]ул. Street, д. N[, кв. N][, г. City][, 123456]",
// and the name before the type: "Невский пр., 114, кв. 9", "Тверская ул.,
// д. 7", "Хрещатик вул. 22".
func cyrillicAddress(text string, i int) (int, int) {
	start := i
	j := i
	for _, p := range cyrillicCity {
		if hasPrefixAt(text, j, p) {
			k := commaPart(text, j+len(p))
			if k < 0 || !hasPrefixAt(text, k, ", ") {
				return 0, 0
			}
			j = k + 2
			break
		}
	}
	end := -1
	k := -1
	nameFirst := false
	if startsWithAny(text, j, cyrillicStreet) {
		if k = commaPart(text, j); k < 0 {
			return 0, 0
		}
		// "ул. Тверская, 7" or "ул. Тверская, д. 7" or "ул. Ленина 15"
		if lastIsNumber(text, j, k) {
			end = k
		}
	} else {
		if k = cyrNameFirst(text, j); k < 0 {
			return 0, 0
		}
		nameFirst = true
		// "Невский пр. 114" (no comma)
		if hasPrefixAt(text, k, " ") && k+1 < len(text) && isDigit(text[k+1]) {
			e := cyrHouseNumber(text, k+1)
			if e < 0 {
				return 0, 0
			}
			k, end = e, e
		}
	}
	for hasPrefixAt(text, k, ", ") {
		n := k + 2
		part := startsWithAny(text, n, cyrillicParts)
		e := commaPart(text, n)
		if e < 0 {
			break
		}
		if nameFirst && end < 0 && !part {
			// the house number must follow the name at once: "Тверская
			// ул., 7", not "Тверская улица, 5 лет назад"
			if e = cyrHouseNumber(text, n); e < 0 {
				break
			}
		}
		if part || isDigit(text[n]) {
			k = e
			if hasDigitIn(text, n, e) || end >= 0 {
				end = e
			}
			continue
		}
		break
	}
	if end < 0 {
		return 0, 0
	}
	return start, end
}

// cyrNameFirst returns the end of a street named before its type at j
// (one or two capitalised words, then the type: "Большая Садовая ул."),
// or -1.
func cyrNameFirst(text string, j int) int {
	k := j
	for w := 0; w < 2; w++ {
		ws, we := cyrWordAt(text, k)
		if we == ws || !hasPrefixAt(text, we, " ") {
			return -1
		}
		k = we + 1
		for _, t := range cyrillicTypeAfter {
			if !hasPrefixAt(text, k, t) {
				continue
			}
			e := k + len(t)
			if r, _ := runeAt(text, e); isCyrLetter(r) || r == '-' {
				continue // a longer word: "улицами"
			}
			return e
		}
	}
	return -1
}

// cyrHouseNumber returns the end of a house number at i that ends its
// part ("114", "7/2", "15А", "22-б"), or -1.
func cyrHouseNumber(text string, i int) int {
	e := i
	for e < len(text) && isDigit(text[e]) {
		e++
	}
	if e == i || e-i > 4 {
		return -1
	}
	if e+1 < len(text) && (text[e] == '/' || text[e] == '-') && isDigit(text[e+1]) {
		for e++; e < len(text) && isDigit(text[e]); e++ {
		}
	}
	if e < len(text) && text[e] == '-' && letterAt(text, e+1) {
		_, n := runeAt(text, e+1)
		e += 1 + n // "22-б"
	} else if letterAt(text, e) {
		_, n := runeAt(text, e)
		e += n // "15А"
	}
	// the number ends the part, or a marked part follows ("7 кв. 3")
	if e == len(text) || strings.IndexByte(",\n;).", text[e]) >= 0 ||
		text[e] == ' ' && (startsWithAny(text, e+1, cyrillicParts) || !letterAt(text, e+1)) {
		return e
	}
	return -1
}

// letterAt reports a letter at text[i].
func letterAt(text string, i int) bool {
	r, _ := runeAt(text, i)
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80 && unicode.IsLetter(r)
}

// commaPart returns the end of the part starting at j: before a comma,
// a line break or a sentence's end, at most 60 bytes on.
func commaPart(text string, j int) int {
	k := j
	for k < len(text) && k-j < 60 {
		c := text[k]
		if c == ',' || c == '\n' || c == ';' || c == '(' || c == ')' {
			break
		}
		if c == '.' && (k+1 == len(text) || text[k+1] == ' ' || text[k+1] == '\n') && !abbrevBefore(text, j, k) {
			break
		}
		k++
	}
	if k == j || k-j >= 60 {
		return -1
	}
	return k
}

// abbrevBefore reports a short abbreviation (д., кв., ул., No.) ending at
// the full stop text[k].
func abbrevBefore(text string, j, k int) bool {
	s := k
	for s > j && text[s-1] != ' ' {
		s--
	}
	w := text[s:k]
	return utf8.RuneCountInString(w) <= 4 && w != "" && !isDigit(w[0])
}

func lastIsNumber(text string, j, k int) bool {
	s := k
	for s > j && text[s-1] != ' ' {
		s--
	}
	return s < k && isDigit(text[s])
}

func hasDigitIn(text string, j, k int) bool {
	for ; j < k; j++ {
		if isDigit(text[j]) {
			return true
		}
	}
	return false
}

// latinStreetMarkers name a street (Turkish, Indonesian, Vietnamese,
// Russian transliterated) and the number marker after it.
var latinStreetMarkers = []string{" Cad. ", " Caddesi ", " Sok. ", " Sokak ", " Sk. ", " Bulvarı ", " Blv. ", " Mah. ", " Mahallesi "}

// latinMarkerAddress reads the Turkish, Indonesian and Vietnamese forms
// and "ul. Tverskaya, 7".
func latinMarkerAddress(text string, i int) (int, int) {
	switch {
	case hasPrefixAt(text, i, "Jl. ") || hasPrefixAt(text, i, "Jalan "):
		// Jl. Merdeka No. 45 / Jl. Gatot Subroto Kav. 52
		return markedNumber(text, i, []string{" No. ", " No ", " No.", " Kav. ", " Blok "}, 50)
	case hasPrefixAt(text, i, "ul. "):
		k := commaPart(text, i)
		if k > 0 && hasPrefixAt(text, k, ", ") && k+2 < len(text) && isDigit(text[k+2]) {
			e := k + 2
			for e < len(text) && (isDigit(text[e]) || isLetterByte(text[e])) {
				e++
			}
			return i, tailCityPostcode(text, e)
		}
		return 0, 0
	case hasPrefixAt(text, i, "Số ") || hasPrefixAt(text, i, "Đường ") || hasPrefixAt(text, i, "Phường "):
		return vietAddress(text, i)
	}
	// Turkish: a capitalised word or two, then a marker, up to No:N.
	if text[i] < 'A' || text[i] > 'Z' && text[i] < 0xC3 {
		return 0, 0
	}
	lim := min(len(text), i+90)
	seg := text[i:lim]
	m := -1
	for _, mk := range latinStreetMarkers {
		if k := strings.Index(seg, mk); k > 0 && (m < 0 || k < m) {
			m = k
		}
	}
	if m < 0 || m > 40 {
		return 0, 0
	}
	// the words before the marker are capitalised names of the quarter or
	// street
	if strings.ContainsAny(seg[:m], ",.:;") {
		return 0, 0
	}
	n := strings.Index(seg, "No:")
	if n < 0 {
		n = strings.Index(seg, "No: ")
	}
	if n < 0 || n < m {
		return 0, 0
	}
	e := i + n + 3
	for e < len(text) && text[e] == ' ' {
		e++
	}
	if e >= len(text) || !isDigit(text[e]) {
		return 0, 0
	}
	for e < len(text) && (isDigit(text[e]) || text[e] == '/') {
		e++
	}
	// D:4, Daire 4, Kat 2
	for _, p := range []string{" D:", " D: ", " Daire ", " Kat ", " K:"} {
		if hasPrefixAt(text, e, p) {
			f := e + len(p)
			for f < len(text) && isDigit(text[f]) {
				f++
			}
			if f > e+len(p) {
				e = f
			}
			break
		}
	}
	return i, tailCityPostcode(text, e)
}

// markedNumber reads from i to the number after one of marks (within
// lim bytes), then the tail.
func markedNumber(text string, i int, marks []string, lim int) (int, int) {
	seg := text[i:min(len(text), i+lim+8)]
	for _, mk := range marks {
		k := strings.Index(seg, mk)
		if k < 0 {
			continue
		}
		e := i + k + len(mk)
		for e < len(text) && text[e] == ' ' {
			e++
		}
		if e >= len(text) || !isDigit(text[e]) {
			continue
		}
		for e < len(text) && (isDigit(text[e]) || isLetterByte(text[e]) && e+1 < len(text) && !isLetterByte(text[e+1])) {
			e++
		}
		return i, tailCityPostcode(text, e)
	}
	return 0, 0
}

// tailCityPostcode extends an address ending at e over ", RT 03/RW 05",
// a postcode and a city ("34710 Kadıköy/İstanbul", ", Bandung 40111",
// ", Moscow 125009"): at most three comma parts, each a capitalised
// word or two, a postcode, or both.
func tailCityPostcode(text string, e int) int {
	end := e
	for parts := 0; parts < 3; parts++ {
		j := end
		if hasPrefixAt(text, j, ", ") {
			j += 2
		} else if hasPrefixAt(text, j, " ") && j+1 < len(text) && isDigit(text[j+1]) {
			j++
		} else {
			break
		}
		k := commaPart(text, j)
		if k < 0 {
			break
		}
		part := text[j:k]
		if !tailPart(part) {
			break
		}
		end = k
	}
	return end
}

// tailPart reports an address tail part: RT/RW, a postcode, a place name
// (capitalised words, "Kadıköy/İstanbul"), or a postcode and a place.
func tailPart(p string) bool {
	if strings.HasPrefix(p, "RT ") || strings.HasPrefix(p, "RW ") {
		return true
	}
	words := strings.Fields(p)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r == 'İ' || r == 'Ş' || r == 'Ç' || r == 'Ö' || r == 'Ü' || r == 'Đ' || r >= 0x0410 && r <= 0x042F) {
			return false
		}
	}
	return true
}

// vietParts open the parts of a Vietnamese address.
var vietParts = []string{"Số ", "Đường ", "Phường ", "Quận ", "Huyện ", "Xã ", "TP. ", "Thành phố ", "Tỉnh ", "P. ", "Q. "}

// vietAddress reads "Số 12 Đường Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ
// Chí Minh": comma parts that start with a Vietnamese division word.
func vietAddress(text string, i int) (int, int) {
	end := -1
	j := i
	for parts := 0; parts < 6; parts++ {
		if !startsWithAny(text, j, vietParts) {
			break
		}
		k := commaPart(text, j)
		if k < 0 {
			break
		}
		end = k
		if !hasPrefixAt(text, k, ", ") {
			break
		}
		j = k + 2
	}
	if end < 0 || !hasDigitIn(text, i, end) {
		return 0, 0
	}
	return i, end
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// --- shared helpers of the address layouts below ---

// prefixIn returns the length of the first of list that starts at
// text[j], or 0.
func prefixIn(text string, j int, list []string) int {
	for _, a := range list {
		if hasPrefixAt(text, j, a) {
			return len(a)
		}
	}
	return 0
}

// scriptDigit returns the byte length of a decimal digit at text[i] in
// one of the scripts read here (ASCII, Arabic-Indic, Extended
// Arabic-Indic, Devanagari, Thai), or 0.
func scriptDigit(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	switch c := text[i]; {
	case c >= '0' && c <= '9':
		return 1
	case c == 0xD9 || c == 0xDB:
		if i+1 < len(text) {
			if d := text[i+1]; c == 0xD9 && d >= 0xA0 && d <= 0xA9 || c == 0xDB && d >= 0xB0 && d <= 0xB9 {
				return 2 // U+0660..0669, U+06F0..06F9
			}
		}
	case c == 0xE0:
		if i+2 < len(text) {
			if b, d := text[i+1], text[i+2]; b == 0xA5 && d >= 0xA6 && d <= 0xAF || b == 0xB9 && d >= 0x90 && d <= 0x99 {
				return 3 // U+0966..096F, U+0E50..0E59
			}
		}
	}
	return 0
}

func isDigitRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= 0x660 && r <= 0x669 || r >= 0x6F0 && r <= 0x6F9 ||
		r >= 0x966 && r <= 0x96F || r >= 0xE50 && r <= 0xE59
}

// digitsAt returns the end of the digits at text[i] and their count.
func digitsAt(text string, i int) (int, int) {
	n := 0
	for {
		w := scriptDigit(text, i)
		if w == 0 {
			return i, n
		}
		i += w
		n++
	}
}

// houseNumEnd returns the end of a house number at text[k]: one to four
// digits, an optional "/N" or "-N", and an optional letter that ends the
// word ("56א", "27ب", "42Α"); -1 when there is none or it runs into a word.
func houseNumEnd(text string, k int) int {
	e, n := digitsAt(text, k)
	if n == 0 || n > 4 {
		return -1
	}
	if e < len(text) && (text[e] == '/' || text[e] == '-') {
		if x, n2 := digitsAt(text, e+1); n2 > 0 && n2 <= 4 {
			e = x
		}
	}
	if scriptDigit(text, e) > 0 {
		return -1
	}
	if letterAt(text, e) {
		_, w := runeAt(text, e)
		if letterAt(text, e+w) {
			return -1 // "5pm", "5مساء"
		}
		e += w
	}
	return e
}

// partEnds reports the end of an address part at x: the end of the text,
// punctuation or a separator of seps, after optional spaces.
func partEnds(text string, x int, seps []string) bool {
	for x < len(text) && text[x] == ' ' {
		x++
	}
	return x == len(text) || strings.IndexByte(",\n\r\t.;:!?()", text[x]) >= 0 ||
		prefixIn(text, x, seps) > 0 || prefixIn(text, x, sentenceMarks) > 0
}

// sentenceMarks end a part in the scripts that have their own.
var sentenceMarks = []string{"؛", "؟", "۔", "।", "·"}

// tailSpec describes the comma parts after a street: units with their
// number ("דירה 9", "شقة 4"), a postcode, marked areas ("حي الروضة") and
// up to two bare place names (the district and the city).
type tailSpec struct {
	word  func(string, int) int // the end of a word of the script at i, or i
	seps  []string              // part separators
	units []string              // read before a number
	areas []string              // read before a name
	stop  []string              // words that no place name holds
	pc    [2]int                // postcode lengths in digits
}

func (t *tailSpec) postcode(n int) bool { return n == t.pc[0] || n == t.pc[1] }

func (t *tailSpec) ends(text string, x int) bool { return partEnds(text, x, t.seps) }

// extend returns the end of the address ending at e with its tail.
func (t *tailSpec) extend(text string, e int) int {
	end, bare := e, 0
	for parts := 0; parts < 5; parts++ {
		j := skipSpace(text, end)
		sl := prefixIn(text, j, t.seps)
		if sl == 0 {
			break
		}
		j = skipSpace(text, j+sl)
		if u := prefixIn(text, j, t.units); u > 0 {
			x := houseNumEnd(text, skipSpace(text, j+u))
			if x < 0 || !t.ends(text, x) {
				break
			}
			end = x
			continue
		}
		if x, n := digitsAt(text, j); n > 0 {
			if !t.postcode(n) || !t.ends(text, x) {
				break
			}
			end = x
			continue
		}
		k := j
		if a := prefixIn(text, j, t.areas); a > 0 {
			k = j + a
		} else if bare++; bare > 2 {
			break
		}
		x := t.name(text, k, 3)
		if x < 0 {
			break
		}
		// the city's postcode after a space: "חיפה 3303100"
		if hasPrefixAt(text, x, " ") {
			if y, n := digitsAt(text, x+1); t.postcode(n) {
				x = y
			}
		}
		if !t.ends(text, x) {
			break
		}
		end = x
	}
	return end
}

// name returns the end of one to max words of the script at k (single
// spaces between), or -1 for none or a stop word among them.
func (t *tailSpec) name(text string, k, max int) int {
	end := -1
	for w := 0; w < max; w++ {
		we := t.word(text, k)
		if we == k {
			break
		}
		if inList(text[k:we], t.stop) {
			return -1
		}
		end = we
		if !hasPrefixAt(text, we, " ") {
			break
		}
		k = we + 1
	}
	return end
}

// --- Hebrew addresses ---

var (
	// hebrewStreets open a street: רחוב (street), רח', שדרות (avenue),
	// שד', סמטת (alley), כיכר (square), דרך (road).
	hebrewStreets = []string{"רחוב ", "רח' ", "רח׳ ", "שדרות ", "שד' ", "שד׳ ", "סמטת ", "כיכר ", "דרך "}
	hebrewTail    = tailSpec{
		word:  hebrewWordEnd,
		seps:  []string{","},
		units: []string{"דירה מס' ", "דירה ", "דיר' ", "קומה ", "כניסה ", "ת.ד. ", "ת.ד ", "מיקוד ", "בניין ", "מס' "},
		stop:  []string{"של", "עם", "על", "את", "אני", "זה", "זו", "לא", "יש", "גם", "כי", "הוא", "היא", "אם", "אבל", "או", "תודה", "שלום", "עד", "כל", "אגב"},
		pc:    [2]int{5, 7},
	}
)

func isHebrewRune(r rune) bool { return r >= 0x0591 && r <= 0x05F4 }

// hebrewWordEnd returns the end of a Hebrew word at i (with points,
// geresh and gershayim, "ז'בוטינסקי", "רמב"ם", "בן-גוריון"), or i.
func hebrewWordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		r, n := runeAt(text, j)
		if isHebrewRune(r) || j > i && (r == '\'' || r == '"' || r == '-') && isHebrewLetterAt(text, j+n) {
			j += n
			continue
		}
		break
	}
	if j > i {
		if r, _ := runeAt(text, i); r < 0x05D0 || r > 0x05EA {
			return i // a word starts with a letter
		}
	}
	return j
}

func isHebrewLetterAt(text string, i int) bool {
	r, _ := runeAt(text, i)
	return r >= 0x05D0 && r <= 0x05EA
}

// hebrewAddresses reports "רחוב הרצל 56, דירה 9, חיפה": a street marker
// (after a proclitic letter: "ברחוב"), one to four words of the name, the
// number, then units, a postcode and the city as comma parts.
func hebrewAddresses(text string, out *scriptSpans) {
	for i := 0; i < len(text); i++ {
		if text[i] != 0xD7 {
			continue
		}
		if p, _ := runeBefore(text, i); isHebrewRune(p) || p == '\'' || p == '"' {
			continue // inside a word
		}
		j := i
		m := prefixIn(text, j, hebrewStreets)
		if m == 0 {
			// one proclitic letter: ברחוב, לשדרות (not בדרך, "on the way")
			r, n := runeAt(text, i)
			if !strings.ContainsRune("בלמוה", r) {
				continue
			}
			if m = prefixIn(text, i+n, hebrewStreets); m == 0 || hasPrefixAt(text, i+n, "דרך ") {
				continue
			}
			j = i + n
		}
		if e := hebrewStreetEnd(text, j, m); e > j {
			out.add(tStreetAddress, j, e, 0.85)
			i = e - 1
		}
	}
}

func hebrewStreetEnd(text string, j, m int) int {
	k := j + m
	words := 0
	for scriptDigit(text, k) == 0 {
		we := hebrewWordEnd(text, k)
		if we == k || words == 4 || inList(text[k:we], hebrewTail.stop) || !hasPrefixAt(text, we, " ") {
			return -1
		}
		words++
		k = we + 1
	}
	if words == 0 {
		return -1
	}
	e := houseNumEnd(text, k)
	if e < 0 || !hebrewTail.ends(text, e) {
		return -1 // "רחוב ארוך עם 5 חנויות"
	}
	return hebrewTail.extend(text, e)
}

// --- Arabic addresses ---

var (
	arabicStarts  = []string{"شارع ", "طريق ", "حي ", "خیابان ", "بلوار "}
	arabicStreets = arabicStarts[:2]
	// Persian streets and boulevards, read with the unit-first layouts
	persianStreets = arabicStarts[3:]
	arabicTail     = tailSpec{
		word: arabicWordEnd,
		seps: []string{"،", ","},
		units: []string{"عمارة رقم ", "عمارة ", "مبنى رقم ", "مبنى ", "بناية ", "شقة رقم ", "شقة ", "الطابق ", "الدور ",
			"ص.ب. ", "ص.ب ", "ص. ب. ", "الرمز البريدي ", "رقم ", "پلاک ", "واحد ", "طبقه "},
		areas: []string{"حي ", "منطقة ", "کوچه ", "خیابان "},
		stop: []string{"في", "من", "على", "إلى", "الى", "عن", "مع", "أو", "او", "ثم", "هذا", "هذه", "ذلك", "التي",
			"الذي", "كل", "بعد", "قبل", "عند", "حتى", "لكن", "أن", "إن", "ان", "كان", "هو", "هي", "لا", "ما", "قد",
			"يوم", "الساعة", "ساعة", "دقيقة", "دقائق", "مرات", "مرة", "شكرا", "أنا", "نحن", "يوجد", "هناك"},
		pc: [2]int{5, 5},
	}
	arabicByWayOf = []string{"عن "} // "عن طريق": by means of
)

// arabicWordEnd returns the end of an Arabic word at i, or i.
func arabicWordEnd(text string, i int) int {
	j := i
	for j < len(text) && text[j] >= 0xD8 && text[j] <= 0xDB {
		r, n := runeAt(text, j)
		if !isArabicLetter(r) && r != 0x0670 {
			break
		}
		j += n
	}
	return j
}

// arabicAddresses reports "شارع الأمير سلطان 27، حي الروضة، جدة" and "15
// شارع جامعة الدول العربية، المهندسين، الجيزة": a street marker (شارع,
// طريق) with its name and the number after it, or the number before it
// and comma parts after; or a district (حي) and then such a street.
func arabicAddresses(text string, out *scriptSpans) {
	for i := 0; i < len(text); i++ {
		if text[i] != 0xD8 {
			continue
		}
		m := prefixIn(text, i, arabicStarts)
		if m == 0 {
			continue
		}
		if p, pn := runeBefore(text, i); isArabicLetter(p) {
			// one proclitic letter: بشارع, وشارع
			if !strings.ContainsRune("بولف", p) {
				continue
			}
			if q, _ := runeBefore(text, i-pn); isArabicLetter(q) {
				continue
			}
		}
		if s, e := arabicAddressAt(text, i, m); e > s {
			out.add(tStreetAddress, s, e, 0.85)
			i = e - 1
		}
	}
	arabicUnitFirst(text, out)
}

// arabicBuildings open an address at a building or a unit and its number
// ("مبنى 2281، حي السلي، الرياض", "عمارة 14، شارع الملك فهد، …", "فيلا 17،
// شارع 23، …"); arabicNamedBuildings before a building's name ("برج
// الياسمين، شقة 2304، دبي مارينا", "مجمع الروضة").
var (
	arabicBuildings      = []string{"مبنى رقم ", "مبنى ", "عمارة رقم ", "عمارة ", "بناية ", "فيلا ", "شقة ", "مكتب "}
	arabicNamedBuildings = []string{"برج ", "مجمع "}
)

// arabicUnitFirst reports Arabic addresses that open with their building
// or unit: a building word and its number, then at least two comma
// parts or a part that is a street or a district; or a named tower or
// compound followed by a unit and its number. A street with its name but
// no number before a unit ("شارع الملكة رانيا، عمارة 17، …") is read
// the same way.
func arabicUnitFirst(text string, out *scriptSpans) {
	for i := 0; i < len(text); i++ {
		if text[i] != 0xD8 && text[i] != 0xD9 {
			continue
		}
		if p, _ := runeBefore(text, i); isArabicLetter(p) {
			continue
		}
		if out.overlapsAddress(i, i+1) {
			continue
		}
		if m := prefixIn(text, i, arabicBuildings); m > 0 {
			e := houseNumEnd(text, skipSpace(text, i+m))
			if e < 0 || !arabicTail.ends(text, e) {
				continue
			}
			t := arabicTail.extend(text, e)
			j := skipSpace(text, e)
			j = skipSpace(text, j+prefixIn(text, j, arabicTail.seps))
			if t > e && (strings.Count(text[e:t], "،")+strings.Count(text[e:t], ",") >= 2 || prefixIn(text, j, arabicStarts) > 0) {
				out.add(tStreetAddress, i, t, 0.8)
				i = t - 1
			}
			continue
		}
		m := prefixIn(text, i, arabicNamedBuildings)
		if m == 0 {
			m = prefixIn(text, i, arabicStreets)
		}
		if m == 0 {
			m = prefixIn(text, i, persianStreets)
		}
		if m == 0 {
			continue
		}
		x := arabicTail.name(text, i+m, 4)
		if x < 0 {
			continue
		}
		// up to two named parts (an alley, a district) before the unit:
		// "خیابان ولیعصر، کوچه توحید، پلاک ۲۴، تهران"
		ok := false
		for k := 0; k < 3 && !ok; k++ {
			j := skipSpace(text, x)
			sl := prefixIn(text, j, arabicTail.seps)
			if sl == 0 {
				break
			}
			j = skipSpace(text, j+sl)
			if u := prefixIn(text, j, arabicTail.units); u > 0 && houseNumEnd(text, skipSpace(text, j+u)) >= 0 {
				ok = true
				break
			}
			a := prefixIn(text, j, arabicTail.areas)
			if a == 0 {
				break
			}
			if x = arabicTail.name(text, j+a, 3); x < 0 {
				break
			}
		}
		if !ok {
			continue
		}
		if t := arabicTail.extend(text, x); t > x {
			out.add(tStreetAddress, i, t, 0.8)
			i = t - 1
		}
	}
}

func arabicAddressAt(text string, j, m int) (int, int) {
	if hasPrefixAt(text, j, "حي ") {
		// a district, then the street: "حي الروضة، شارع …"
		x := arabicTail.name(text, j+m, 3)
		if x < 0 {
			return 0, 0
		}
		k := skipSpace(text, x)
		sl := prefixIn(text, k, arabicTail.seps)
		if sl == 0 {
			return 0, 0
		}
		k = skipSpace(text, k+sl)
		if sm := prefixIn(text, k, arabicStreets); sm > 0 {
			if _, e := arabicStreetAt(text, k, sm, false); e > k {
				return j, e
			}
		}
		return 0, 0
	}
	if hasPrefixAt(text, j, "طريق ") && endsWithAny(text, j, arabicByWayOf) {
		return 0, 0
	}
	return arabicStreetAt(text, j, m, true)
}

// arabicStreetAt reads the street at its marker text[j:j+m], with the
// number before it (when numFirst) or after its name.
func arabicStreetAt(text string, j, m int, numFirst bool) (int, int) {
	start, before := j, false
	if numFirst && j > 0 && text[j-1] == ' ' {
		s := j - 1
		for {
			r, n := runeBefore(text, s)
			if !isDigitRune(r) {
				break
			}
			s -= n
		}
		if p, _ := runeBefore(text, s); s < j-1 && !unicode.IsLetter(p) && !isDigitRune(p) && p != '/' && p != '-' {
			start, before = s, true
		}
	}
	k := j + m
	words, nameEnd := 0, k
	for scriptDigit(text, k) == 0 && words < 6 {
		we := arabicWordEnd(text, k)
		if we == k {
			break
		}
		if inList(text[k:we], arabicTail.stop) {
			return 0, 0
		}
		words++
		nameEnd = we
		if !hasPrefixAt(text, we, " ") {
			break
		}
		k = we + 1
	}
	if scriptDigit(text, k) > 0 {
		// the number after the name: "شارع الأمير سلطان 27"
		e := houseNumEnd(text, k)
		if e < 0 || !arabicTail.ends(text, e) {
			return 0, 0 // "شارع الحمراء 5 دقائق"
		}
		t := arabicTail.extend(text, e)
		if words == 0 && t == e {
			return 0, 0 // "شارع 9" alone
		}
		return start, t
	}
	if before && words > 0 && arabicTail.ends(text, nameEnd) {
		// the number before: "15 شارع جامعة الدول العربية، المهندسين"
		if t := arabicTail.extend(text, nameEnd); t > nameEnd {
			return start, t
		}
	}
	return 0, 0
}

// --- Greek addresses ---

// greekMarkers name a street before its name: οδός (street, in three
// cases), Λεωφόρος (avenue), Πλατεία (square).
var (
	greekMarkers = []string{"οδός ", "Οδός ", "οδό ", "Οδό ", "οδού ", "Οδού ", "οδ. ", "Οδ. ", "Λεωφόρος ", "λεωφόρος ",
		"Λεωφόρου ", "λεωφόρου ", "Λεωφόρο ", "λεωφόρο ", "Λεωφ. ", "λεωφ. ", "Πλατεία ", "πλατεία "}
	greekPCLabels = []string{"Τ.Κ. ", "Τ.Κ.", "ΤΚ "}
)

func isGreekLetter(r rune) bool { return r >= 0x0386 && r <= 0x03CE && r != 0x0387 }
func isGreekUpper(r rune) bool  { return r >= 0x0386 && r <= 0x03AB && r != 0x0387 }

// greekCapWord returns the end of a capitalised Greek word of three or
// more letters at i ("Ερμού", "Αγίου-Δημητρίου"), or i.
func greekCapWord(text string, i int) int {
	r, n := runeAt(text, i)
	if !isGreekUpper(r) {
		return i
	}
	j, letters := i+n, 1
	for j < len(text) {
		r, n := runeAt(text, j)
		if isGreekLetter(r) {
			letters++
		} else if r != '-' || !greekLetterAt(text, j+1) {
			break
		}
		j += n
	}
	if letters < 3 {
		return i
	}
	return j
}

func greekLetterAt(text string, i int) bool {
	r, _ := runeAt(text, i)
	return isGreekLetter(r)
}

// greekAddresses reports "Ερμού 42, 105 63 Αθήνα" (the street in the
// genitive and its number, then a postcode and the city) and "οδός
// Τσιμισκή 15, Θεσσαλονίκη" (a street marker first, the postcode
// optional). A Greek word and a number alone are no address ("Σάββατο 5").
func greekAddresses(text string, out *scriptSpans) {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != 0xCE && c != 0xCF {
			continue
		}
		if i > 0 && isWordByteAt(text, i) {
			continue
		}
		if s, e := greekAddressAt(text, i); e > s {
			out.add(tStreetAddress, s, e, 0.85)
			i = e - 1
		}
	}
}

func greekAddressAt(text string, i int) (int, int) {
	j := i + prefixIn(text, i, greekMarkers)
	marked := j > i
	if marked {
		j = greekOrdinal(text, j) // "οδός 25ης Μαρτίου 8"
	} else if s := greekOrdinalBefore(text, i); s < i {
		i = s // "28ης Οκτωβρίου 15"
	}
	k, words := j, 0
	for {
		we := greekCapWord(text, k)
		if we == k || words == 3 || !hasPrefixAt(text, we, " ") {
			return 0, 0
		}
		words++
		k = we + 1
		if k < len(text) && isDigit(text[k]) {
			break
		}
	}
	e := houseNumEnd(text, k)
	if e < 0 {
		return 0, 0
	}
	end, post := greekTail(text, e)
	if !post && !(marked && partEnds(text, end, nil)) && !(hasPrefixAt(text, e, ", ") && startsWithAny(text, e+2, greekCities) && greekGenitive(text[j:k-1])) {
		return 0, 0
	}
	return i, end
}

// greekGenitive reports a street name whose last word is in the genitive,
// as Greek streets named after people, saints and places are ("Αγίας
// Σοφίας", "Ερμού", "Πατησίων"); not "Τρίτη", "Αγώνες", "Παύλος".
func greekGenitive(name string) bool {
	for _, e := range [...]string{"ου", "ού", "ας", "άς", "ης", "ής", "ων", "ών", "εως", "έως"} {
		if strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}

// greekCities may end a street and its number without a postcode:
// "Αγίας Σοφίας 22, Θεσσαλονίκη" (the largest cities, nominative).
var greekCities = []string{"Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "Λάρισα", "Βόλος", "Ιωάννινα", "Χανιά",
	"Ρόδος", "Καλαμάτα", "Πειραιάς", "Κέρκυρα", "Καβάλα", "Σέρρες", "Χαλκίδα", "Αλεξανδρούπολη", "Κομοτηνή"}

// greekOrdinals end the day of a date that names a street ("28ης
// Οκτωβρίου", "25ης Μαρτίου").
var greekOrdinals = []string{"ης ", "ου "}

// greekOrdinal returns the end of an ordinal and its space at j, or j.
func greekOrdinal(text string, j int) int {
	k := j
	for k < len(text) && isDigit(text[k]) && k-j < 2 {
		k++
	}
	if k == j {
		return j
	}
	if o := prefixIn(text, k, greekOrdinals); o > 0 {
		return k + o
	}
	return j
}

// greekOrdinalBefore returns the start of an ordinal and its space that
// end at i, or i.
func greekOrdinalBefore(text string, i int) int {
	for _, o := range greekOrdinals {
		if i >= len(o) && text[i-len(o):i] == o {
			s := i - len(o)
			for s > 0 && isDigit(text[s-1]) && i-len(o)-s < 2 {
				s--
			}
			if s < i-len(o) && (s == 0 || !isWordByteAt(text, s)) {
				return s
			}
		}
	}
	return i
}

// greekTail extends a Greek street and number ending at e over ", 105 63
// Αθήνα", ", Θεσσαλονίκη 546 22", ", Τ.Κ. 54622"; it reports whether a
// postcode was among them.
func greekTail(text string, e int) (int, bool) {
	end, post := e, false
	for parts := 0; parts < 3; parts++ {
		j := end
		comma := hasPrefixAt(text, j, ", ")
		if comma {
			j += 2
		} else if hasPrefixAt(text, j, " ") {
			j++
		} else {
			break
		}
		j += prefixIn(text, j, greekPCLabels)
		if p := greekPostcode(text, j); p > j {
			post, end = true, p
			if hasPrefixAt(text, p, " ") {
				if c := greekPlace(text, p+1); c > p+1 {
					end = c
				}
			}
			continue
		}
		if !comma {
			break
		}
		c := greekPlace(text, j)
		if c <= j {
			break
		}
		end = c
	}
	return end, post
}

// greekPostcode returns the end of a Greek postcode at j ("105 63",
// "54622"), or j.
func greekPostcode(text string, j int) int {
	if j+5 > len(text) || text[j] < '1' || text[j] > '8' || !isDigit(text[j+1]) || !isDigit(text[j+2]) {
		return j
	}
	k := j + 3
	if text[k] == ' ' {
		k++
	}
	if k+2 > len(text) || !isDigit(text[k]) || !isDigit(text[k+1]) || k+2 < len(text) && (isDigit(text[k+2]) || letterAt(text, k+2)) {
		return j
	}
	return k + 2
}

// greekPlace returns the end of one or two capitalised Greek words at j.
func greekPlace(text string, j int) int {
	e := greekCapWord(text, j)
	if e > j && hasPrefixAt(text, e, " ") {
		if e2 := greekCapWord(text, e+1); e2 > e+1 {
			e = e2
		}
	}
	return e
}

// --- Thai addresses ---

var (
	thaiHouseLabels = []string{"บ้านเลขที่ ", "เลขที่ ", "บ้านเลขที่", "เลขที่"}
	// thaiParts open the parts after the house number: village, moo,
	// soi, road, khwaeng/tambon, khet/amphoe, province, building, floor, room
	thaiParts = []string{"หมู่บ้าน", "หมู่ที่", "หมู่", "ม.", "ซอย", "ซ.", "ถนน", "ถ.", "แขวง", "เขต", "ตำบล", "ต.",
		"อำเภอ", "อ.", "จังหวัด", "จ.", "อาคาร", "ชั้น", "ห้อง"}
	// thaiInnerParts end a part name written without a space before them
	thaiInnerParts = []string{"แขวง", "เขต", "ตำบล", "อำเภอ", "จังหวัด", "ซอย", "ถนน"}
	thaiCities     = []string{"กรุงเทพมหานคร", "กรุงเทพฯ", "กทม."}
)

// thaiNameEnd returns the end of the Thai letters at j, up to a part
// marker written without a space ("คลองตันเหนือเขตวัฒนา").
func thaiNameEnd(text string, j int) int {
	k := j
	for k+2 < len(text) && text[k] == 0xE0 && (text[k+1] == 0xB8 || text[k+1] == 0xB9) {
		if scriptDigit(text, k) > 0 || k > j && prefixIn(text, k, thaiInnerParts) > 0 {
			break
		}
		k += 3
	}
	return k
}

// thaiAddresses reports "99/12 ซอยสุขุมวิท 39 แขวงคลองตันเหนือ เขตวัฒนา
// กรุงเทพฯ 10110": a house number (N or N/N, after an optional เลขที่),
// then parts that open with a marker (ซอย, ถนน, หมู่, แขวง, เขต, ตำบล,
// อำเภอ …), ending at a five-digit postcode or the last part. Two parts,
// or one with the postcode or an N/N number, make an address.
func thaiAddresses(text string, out *scriptSpans) {
	if !strings.Contains(text, "\xe0\xb8") {
		return
	}
	for i := 0; i < len(text); i++ {
		if c := text[i]; (c < '0' || c > '9') && c != 0xE0 || scriptDigit(text, i) == 0 {
			continue
		}
		if p, _ := runeBefore(text, i); isDigitRune(p) || p == '/' || p == '-' || p == '.' || p < utf8.RuneSelf && isLetterByte(byte(p)) {
			continue
		}
		if s, e := thaiAddressAt(text, i); e > s {
			out.add(tStreetAddress, s, e, 0.85)
			i = e - 1
			continue
		}
		x, _ := digitsAt(text, i)
		i = x - 1
	}
}

func thaiAddressAt(text string, i int) (int, int) {
	e, n := digitsAt(text, i)
	if n > 4 {
		return 0, 0
	}
	slash := false
	if e < len(text) && text[e] == '/' {
		x, n2 := digitsAt(text, e+1)
		if n2 == 0 || n2 > 4 {
			return 0, 0
		}
		e, slash = x, true
	} else if n == 4 && (hasPrefixAt(text, i, "19") || hasPrefixAt(text, i, "20") || hasPrefixAt(text, i, "25")) {
		return 0, 0 // a year, AD or Buddhist era
	}
	start := i
	for _, l := range thaiHouseLabels {
		if i >= len(l) && text[i-len(l):i] == l {
			start = i - len(l)
			break
		}
	}
	parts, end, post := 0, e, false
	for k := e; parts < 10; {
		j := k
		for j < len(text) && text[j] == ' ' && j-k < 3 {
			j++
		}
		if j == k {
			break
		}
		if x, n := digitsAt(text, j); n > 0 {
			if n == 5 && parts > 0 && !letterAt(text, x) {
				end, post = x, true
			}
			break
		}
		if c := prefixIn(text, j, thaiCities); c > 0 {
			parts++
			end, k = j+c, j+c
			continue
		}
		m := prefixIn(text, j, thaiParts)
		if m == 0 {
			// a province, then the postcode: "เชียงใหม่ 50200"
			if x := thaiNameEnd(text, j); x > j && parts > 0 && hasPrefixAt(text, x, " ") {
				if y, n := digitsAt(text, x+1); n == 5 && !letterAt(text, y) {
					end, post = y, true
				}
			}
			break
		}
		x := thaiNameEnd(text, j+m)
		if x == j+m && hasPrefixAt(text, x, " ") && prefixIn(text, x+1, thaiParts) == 0 {
			x = thaiNameEnd(text, x+1) // "ถนน สุขุมวิท"
			if x == j+m+1 {
				x = j + m
			}
		}
		// the part's number: "ซอยสุขุมวิท 39", "หมู่ 5", "ม.5"
		y := x
		if hasPrefixAt(text, y, " ") {
			y++
		}
		if z, n := digitsAt(text, y); n > 0 && n < 5 {
			if z < len(text) && text[z] == '/' {
				if z2, n2 := digitsAt(text, z+1); n2 > 0 {
					z = z2
				}
			}
			x = z
		}
		if x == j+m {
			break // a marker alone: "3 ห้อง"
		}
		parts++
		end, k = x, x
	}
	if parts >= 2 || parts == 1 && (post || slash) {
		return start, end
	}
	return 0, 0
}

// --- Hindi (Devanagari) addresses ---

var (
	// hindiStarts open an address with a number after them: flat, house,
	// plot, sector, lane, block, bungalow, ward, quarter, shop.
	hindiStarts = []string{"फ्लैट", "फ़्लैट", "मकान", "प्लॉट", "प्लाट", "हाउस", "सेक्टर", "गली", "ब्लॉक", "कोठी",
		"वार्ड", "क्वार्टर", "दुकान", "शॉप"}
	hindiNumberWords = []string{" नं. ", " नं.", " नं ", " नंबर ", " न. ", " संख्या ", " सं. ", " क्रमांक ", " "}
	// hindiAfterPIN may end the sentence after an address: "... है".
	hindiAfterPIN = []string{" है", " हैं", " था", " थी", " पर", " में"}
	// hindiStop are words no place name before a PIN code is.
	hindiStop = []string{"और", "कुल", "रुपये", "रुपए", "रु", "लगभग", "केवल", "सिर्फ", "मात्र", "है", "हैं", "था",
		"में", "से", "का", "की", "के", "को", "या"}
)

// devanagariAddresses reports "फ्लैट 304, साईं अपार्टमेंट, सेक्टर 15, नोएडा
// 201301" and "12, लाजपत नगर-II, नई दिल्ली 110024": a marker with its
// number (or a number and a comma), then comma parts up to a six-digit
// PIN code (which may have words after it in its part); without a PIN,
// a marker with its number and two or more parts, one of them marked
// too ("सेक्टर 14", "साई अपार्टमेंट"), that end the line.
func devanagariAddresses(text string, out *scriptSpans) {
	if !strings.Contains(text, "\xe0\xa4") {
		return
	}
	for i := 0; i < len(text); i++ {
		if c := text[i]; !isDigit(c) && (c != 0xE0 || i+1 == len(text) || text[i+1] != 0xA4 && text[i+1] != 0xA5) {
			continue // not a digit or a Devanagari letter (U+0900..097F)
		}
		if p, _ := runeBefore(text, i); isDevanagari(p) || isDigitRune(p) || p < utf8.RuneSelf && isLetterByte(byte(p)) || p == '-' || p == '/' {
			continue
		}
		if e := hindiAddressEnd(text, i); e > i {
			out.add(tStreetAddress, i, e, 0.85)
			i = e - 1
		}
	}
}

// hasPIN reports six digits in a row in text (an Indian PIN code).
func hasPIN(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; (c >= '0' && c <= '9' || c == 0xE0) && scriptDigit(text, i) > 0 {
			x, n := digitsAt(text, i)
			if n == 6 {
				return true
			}
			i = x - 1
		}
	}
	return false
}

func hindiAddressEnd(text string, i int) int {
	var k int
	numberFirst := false
	if m := prefixIn(text, i, hindiStarts); m > 0 {
		k = i + m
		if r, _ := runeAt(text, k); isDevanagari(r) {
			return -1 // a longer word
		}
		u := prefixIn(text, k, hindiNumberWords)
		if u == 0 {
			return -1
		}
		if k = alnumNumEnd(text, skipSpace(text, k+u)); k < 0 {
			return -1
		}
	} else {
		if k = alnumNumEnd(text, i); k < 0 || !hasPrefixAt(text, k, ", ") {
			return -1
		}
		numberFirst = true
	}
	letters, marked := false, false
	for parts := 0; parts < 8; parts++ {
		j := k
		for j < len(text) && j-k < 120 {
			c := text[j]
			if c == ',' || c == '\n' || c == ';' || c == '|' {
				break
			}
			r, n := runeAt(text, j)
			if r == '।' || r == '॥' {
				break
			}
			if r >= utf8.RuneSelf {
				if !isDevanagari(r) && r != 0x200C && r != 0x200D {
					return -1
				}
				if scriptDigit(text, j) == 0 {
					letters = true
				}
			} else if !isLetterByte(c) && !isDigit(c) && strings.IndexByte(" -/.():#", c) < 0 {
				return -1
			}
			j += n
		}
		if j-k >= 120 {
			return -1
		}
		if numberFirst && parts == 1 {
			// "12, लाजपत नगर": the locality after the number is a word
			if r, _ := runeAt(text, skipSpace(text, k)); !isDevanagari(r) || isDigitRune(r) {
				return -1
			}
		}
		if e := pinEnd(text, k, j); e > 0 && letters && parts > 0 {
			return e // the PIN after a comma part, not in the first: "सेक्टर 15 की आबादी 120000"
		}
		if letters && parts > 0 {
			// the PIN inside the part, before more words: "नोएडा 201301 पर गुरुवार को …"
			if x := firstPINEnd(text, k, j); x > 0 {
				if e := pinEnd(text, k, x); e > 0 {
					return e
				}
			}
		}
		if parts > 0 {
			q := skipSpace(text, k)
			if m := prefixIn(text, q, hindiStarts); m > 0 && scriptDigit(text, skipSpace(text, q+m)) > 0 || hindiPlaceWordIn(text[k:j]) {
				marked = true // "सेक्टर 14", "साई अपार्टमेंट", "मॉल रोड"
			}
		}
		if !numberFirst && marked && parts >= 2 && letters && (j == len(text) || text[j] == '\n' || hasPrefixAt(text, j, "।")) {
			// no PIN, but a marker with its number and two more parts,
			// ending the line: "फ़्लैट 302, साई अपार्टमेंट, सेक्टर 14, गुरुग्राम"
			e := j
			for e > k && text[e-1] == ' ' {
				e--
			}
			return e
		}
		if j == len(text) || text[j] != ',' {
			return -1
		}
		k = j + 1
	}
	return -1
}

// hindiPlaceWords name a building, road or locality in an address.
var hindiPlaceWords = []string{"अपार्टमेंट", "रोड", "मार्ग", "नगर", "कॉलोनी", "विहार", "एन्क्लेव", "सोसाइटी", "टावर", "बिल्डिंग", "चौक"}

func hindiPlaceWordIn(part string) bool {
	for _, w := range hindiPlaceWords {
		if strings.Contains(part, w) {
			return true
		}
	}
	return false
}

// firstPINEnd returns the end of the first six-digit number in
// text[k:j] (ASCII or Devanagari digits), or -1.
func firstPINEnd(text string, k, j int) int {
	for i := k; i < j; {
		if scriptDigit(text, i) > 0 {
			x, n := digitsAt(text, i)
			if n == 6 && x <= j {
				return x
			}
			i = x
			continue
		}
		i++
	}
	return -1
}

// alnumNumEnd returns the end of a house or plot number at k ("304",
// "B-12", "C-4/12", "१२"), or -1.
func alnumNumEnd(text string, k int) int {
	j := k
	if j < len(text) && text[j] >= 'A' && text[j] <= 'Z' {
		j++
		if j < len(text) && text[j] == '-' {
			j++
		}
	}
	e, n := digitsAt(text, j)
	if n == 0 || n > 5 {
		return -1
	}
	for e < len(text) && (text[e] == '/' || text[e] == '-' || isLetterByte(text[e])) {
		x, n := digitsAt(text, e+1)
		if isLetterByte(text[e]) {
			x, n = e+1, 1
		}
		if n == 0 {
			break
		}
		e = x
	}
	return e
}

// pinEnd returns the end of a PIN code that ends the part text[k:j]
// ("नोएडा 201301", "नई दिल्ली - 110024", "पिन: 110024", "... 110005 है"),
// or -1.
func pinEnd(text string, k, j int) int {
	for j > k && (text[j-1] == ' ' || text[j-1] == '.') {
		j--
	}
	for _, w := range hindiAfterPIN {
		if j-k > len(w) && text[j-len(w):j] == w {
			j -= len(w)
			break
		}
	}
	s, n := j, 0
	for s > k {
		r, w := runeBefore(text, s)
		if !isDigitRune(r) {
			break
		}
		s -= w
		n++
	}
	if n != 6 || hasPrefixAt(text, s, "0") || hasPrefixAt(text, s, "०") {
		return -1
	}
	// what comes before: nothing, a dash or colon, or a place name
	p := s
	for p > k && text[p-1] == ' ' {
		p--
	}
	if p == k || text[p-1] == '-' || text[p-1] == ':' {
		return j
	}
	q := p
	for q > k {
		r, w := runeBefore(text, q)
		if !isDevanagari(r) || isDigitRune(r) {
			break
		}
		q -= w
	}
	if q == p || inList(text[q:p], hindiStop) {
		return -1
	}
	return j
}

// --- Japanese city and ward, Korean dong and lot ---

// cityParticles may stand right before a city in running text ("住在佛山市…").
const cityParticles = zhParticles + "在到于於住寄往至"

// cityWardAddress reads an address that starts at a designated city and
// its ward, without the prefecture or province: "横浜市港北区日吉本町1-4-22",
// "佛山市顺德区大良街道88号". It needs the number block at the end, and no kana
// after the ward (a sentence, not an address: "横浜市港北区で3号…").
func cityWardAddress(text string, i int) int {
	r, n := runeAt(text, i)
	if !isHan(r) {
		return -1
	}
	if p, _ := runeBefore(text, i); isHan(p) && !strings.ContainsRune(cityParticles, p) {
		return -1
	}
	if strings.ContainsRune(cityParticles, r) && hanRunTo(text, i+n, '市', 4) > 0 {
		return -1 // "寄到上海市…": the city starts later
	}
	w := hanRunTo(text, i, '市', 4)
	if w < 0 {
		return -1
	}
	x := hanRunTo(text, w, '区', 4)
	if x < 0 {
		return -1
	}
	e := cjkAddressEnd(text, i)
	if e <= x {
		return -1
	}
	for j := x; j < e; {
		r, n := runeAt(text, j)
		if isHiragana(r) {
			return -1
		}
		j += n
	}
	return e
}

// hanRunTo returns the end of one to max Han characters at i and then
// last (区 also as 區), or -1.
func hanRunTo(text string, i int, last rune, max int) int {
	j := i
	for n := 0; n <= max; n++ {
		r, w := runeAt(text, j)
		if !isHan(r) {
			return -1
		}
		j += w
		if n > 0 && (r == last || last == '区' && r == '區') {
			return j
		}
	}
	return -1
}

// koCommonDong are common words that end in 동 and name no dong
// (activity, exercise, movement, behaviour, labour …).
var koCommonDong = []string{"활동", "운동", "이동", "행동", "노동", "자동", "작동", "변동", "연동", "감동", "공동",
	"협동", "출동", "진동", "충동", "파동", "가동", "발동", "유동", "소동", "선동", "난동", "반동", "구동", "수동",
	"능동", "기동", "율동", "격동"}

// hangulLotAddress reads a lot-number address without the province:
// "성수동2가 277-41", "강남구 역삼동 823-5번지" (up to two words ending in
// 시, 구 or 군, a dong, then its lot number N-N).
func hangulLotAddress(text string, i int) int {
	if r, _ := runeAt(text, i); !isHangul(r) {
		return -1
	}
	if p, _ := runeBefore(text, i); isHangul(p) || p >= '0' && p <= '9' {
		return -1
	}
	j := i
	for w := 0; w < 3; w++ {
		k := j
		for k < len(text) {
			r, n := runeAt(text, k)
			if !isHangul(r) && !(r >= '0' && r <= '9') {
				break
			}
			k += n
		}
		if k == j || !hasPrefixAt(text, k, " ") {
			return -1
		}
		word := text[j:k]
		if dongWord(word) {
			return lotNumberEnd(text, k+1, true)
		}
		last, _ := utf8.DecodeLastRuneInString(word)
		if w > 0 && (last == '로' || last == '길') && (len(word) >= 9 || isDigit(word[0]) || strings.ContainsAny(word, "0123456789")) {
			// a district, then a road name of three syllables or more
			// (or with its number: "월드컵북로12길") and the building
			// number: "송파구 올림픽로 269, 2302호" (not "연구 경로 3")
			return hangulAddressEnd(text, i)
		}
		if w == 2 || last != '시' && last != '구' && last != '군' {
			return -1
		}
		j = k + 1
	}
	return -1
}

// dongWord reports the name of a dong: "역삼동" (two syllables or more
// before 동, not a common word) or "성수동2가".
func dongWord(w string) bool {
	if r, _ := utf8.DecodeRuneInString(w); !isHangul(r) {
		return false
	}
	if x, ok := strings.CutSuffix(w, "가"); ok {
		k := len(x)
		for k > 0 && isDigit(x[k-1]) {
			k--
		}
		return k < len(x) && k > len("동") && strings.HasSuffix(x[:k], "동")
	}
	if !strings.HasSuffix(w, "동") || len(w) < 3*3 {
		return false
	}
	for _, c := range koCommonDong {
		if strings.HasSuffix(w, c) {
			return false
		}
	}
	for i := 0; i < len(w); i++ {
		if isDigit(w[i]) {
			return false
		}
	}
	return true
}

// lotNumberEnd returns the end of a lot number at k ("277-41", "823-5번지",
// or "823" unless hyphen is set) that ends the word, or -1.
func lotNumberEnd(text string, k int, hyphen bool) int {
	e := k
	for e < len(text) && isDigit(text[e]) && e-k < 5 {
		e++
	}
	if e == k || e-k > 4 {
		return -1
	}
	if e+1 < len(text) && text[e] == '-' && isDigit(text[e+1]) {
		f := e + 1
		for f < len(text) && isDigit(text[f]) && f-e < 6 {
			f++
		}
		e = f
	} else if hyphen {
		return -1
	}
	if hasPrefixAt(text, e, "번지") {
		e += len("번지")
	}
	if r, _ := runeAt(text, e); isHangul(r) || r >= '0' && r <= '9' || r == '-' || r < utf8.RuneSelf && isLetterByte(byte(r)) {
		return -1
	}
	return e
}

// --- CJK names ---

// zhSurnames are the most common Chinese family names, simplified and
// traditional forms; zhCompound the common two-character ones.
var (
	zhSurnames = func() map[rune]bool {
		m := map[rune]bool{}
		for _, r := range "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯洪莊庄简簡游詹施颜顏柯翁傅卓阮温溫蓝藍古纪紀连連欧歐" {
			m[r] = true
		}
		return m
	}()
	zhCompound = []string{"欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "令狐", "慕容", "宇文", "长孙", "長孫"}
	jaSurnames = []string{
		"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "渡邊", "山本", "中村", "小林", "加藤", "吉田", "山田",
		"佐々木", "山口", "松本", "井上", "木村", "斎藤", "斉藤", "清水", "山崎", "森", "池田", "橋本", "阿部",
		"石川", "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤",
		"青木", "坂本", "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原", "中野", "三浦", "原田", "中川",
		"松田", "竹内", "小野", "田村", "中山", "和田", "石田", "森田", "上田", "柴田", "酒井", "工藤", "横山",
		"宮崎", "宮本", "内田", "高木", "安藤", "島田", "谷口", "大野", "高田", "丸山", "今井", "河野", "藤本",
		"村田", "武田", "上野", "杉山", "増田", "小山", "大塚", "平野", "菅原", "久保", "松井", "千葉", "岩崎",
		"桜井", "木下", "野口", "松尾", "菊地", "野村", "新井", "渡部",
	}
	// honorifics and titles after a name (Chinese, Japanese)
	cjkAfterName = []string{
		"先生", "女士", "小姐", "老师", "老師", "经理", "經理", "医生", "醫生", "同学", "同學", "总", "總",
		"様", "さま", "さん", "先生", "君", "くん", "ちゃん", "氏", "殿", "部長", "課長", "社長", "と申します",
		"负责", "負責", "说", "說", "表示", "确认", "確認",
		"主任", "教授", "院长", "院長", "律师", "律師", "护士", "護士", "妈妈", "媽媽", "爸爸",
		"你好", "您好",
		"姊妹", "弟兄", "牧师", "牧師", "长老", "長老", "传道", "傳道", "驾驶", "駕駛",
	}
	// labels and words before a name
	cjkBeforeName = []string{
		"收货人：", "收货人:", "收件人：", "收件人:", "联系人：", "聯絡人：", "聯繫人：", "姓名：", "姓名 ", "姓名:",
		"持卡人", "负责人是", "負責人是", "我是", "我叫", "同事", "新员工", "新員工", "员工", "員工", "客户", "客戶",
		"患者", "担当：", "担当:", "担当者：", "氏名：", "名前：", "宛先：", "给", "給",
		"收款人：", "收款人:", "付款人：", "户名：", "戶名：", "乘客", "旅客：", "申请人：", "申請人：",
		"担当 ", "院長 ", "院长 ", "署名：", "氏名 ", "名前 ", "差出人：", "房东", "房東", "内科", "外科", "儿科", "兒科", "牙科",
		"教练：", "教練：", "队长：", "隊長：", "目击者：", "目擊者：", "证人：", "證人：", "邀请人：", "邀請人：",
		"负责人：", "負責人：", "房东：", "房東：", "司机：", "司機：", "担保人：", "擔保人：",
	}
	// roles before a name in tickets, deliveries, claims and clubs
	// ("收件人李建国，", "客服林晓婷说", "相手方 鈴木 一郎、"). Weaker than the
	// labels above: the name must end at a boundary or a cue, because
	// common words start with family names too ("客服周末不上班", "对方马上同意").
	cjkRoleBefore = []string{
		"收件人", "收货人", "联系人", "聯絡人", "用户", "用戶", "买家", "買家", "卖家", "賣家", "客服", "司机", "司機",
		"伴娘", "伴郎", "教练", "教練", "队长", "隊長", "病人", "家长", "家長", "室友", "邻居", "鄰居", "快递员", "快遞員",
		"骑手", "騎手", "证人", "證人", "受益人", "投保人", "被保险人", "被保險人", "会员", "會員", "店长", "店長",
		"对方", "對方", "租客", "车主", "車主", "经办人", "經辦人",
		"相手方 ", "相手方", "目撃者 ", "目撃者", "受取人 ", "受取人：", "受取人",
		"目击者", "目擊者", "邀请人", "邀請人", "担保人", "擔保人", "志愿者", "志願者",
	}
)

// cjkNames reports Chinese and Japanese names with a cue: a label before
// ("收货人：李娜", "担当：鈴木 一郎") or an honorific, title or verb after
// ("陈志强先生", "佐藤さん", "周杰负责").
func cjkNames(text string, out *scriptSpans) {
	for i := 0; i < len(text); {
		if text[i] < 0xE3 {
			i++
			continue
		}
		r, n := runeAt(text, i)
		if !isHan(r) {
			i += n
			continue
		}
		if e, score := cjkNameAt(text, i); e > i {
			if !out.overlapsAddress(i, e) {
				out.add(tPersonName, i, e, score)
			}
			i = e
			continue
		}
		i += n
	}
}

// cjkNameAt returns the end of a cued name starting at i, and its score.
func cjkNameAt(text string, i int) (int, float64) {
	// the family name
	fe := -1
	ja := false
	for _, s := range jaSurnames {
		if hasPrefixAt(text, i, s) {
			fe, ja = i+len(s), true
			break
		}
	}
	if fe < 0 {
		for _, s := range zhCompound {
			if hasPrefixAt(text, i, s) {
				fe = i + len(s)
				break
			}
		}
	}
	if fe < 0 {
		if r, n := runeAt(text, i); zhSurnames[r] {
			fe = i + n
		}
	}
	if fe < 0 {
		return -1, 0
	}
	// a Han character right before the family name joins it to a word,
	// unless that word is a label ("持卡人张丽", "同事刘洋")
	before := endsWithAny(text, i, cjkBeforeName)
	roleOnly := false
	if !before && endsWithAny(text, i, cjkRoleBefore) {
		before, roleOnly = true, true
	}
	if r, _ := runeBefore(text, i); !before && (isHan(r) || isKatakana(r)) {
		if isHan(r) && !strings.ContainsRune(zhParticles, r) ||
			!afterNameAt(text, fe) && !afterGivenName(text, fe, ja) {
			return -1, 0
		}
	}
	// the given name: up to two Han (Chinese) or three Han or kana
	// (Japanese, after an optional space), up to a cue or a boundary
	maxGiven := 2
	j := fe
	if ja {
		maxGiven = 3
		if j < len(text) && text[j] == ' ' {
			j++
		}
	}
	given := j
	count := 0
	best := -1
	if afterNameAt(text, fe) {
		best = fe // the family name alone: 黄先生, 佐藤さん
	}
	for count < maxGiven && j < len(text) {
		r, n := runeAt(text, j)
		if !isHan(r) && !(ja && (isHiragana(r) || isKatakana(r)) && count > 0) {
			break
		}
		if afterNameAt(text, j) {
			break
		}
		j += n
		count++
		if afterNameAt(text, j) || nameBoundary(text, j) {
			best = j
		}
	}
	if best < 0 && before && ja && nameBoundary(text, fe) { // (a role too: 相手方 鈴木、)
		best = fe // 担当 高橋、
	}
	if best < 0 && before && !roleOnly && count > 0 {
		// after a label: the family name and one Han (Chinese names are
		// mostly two or three characters: take two when the text runs on)
		r, n := runeAt(text, given)
		if isHan(r) {
			best = given + n
		}
	}
	if best < 0 {
		return -1, 0
	}
	after := afterNameAt(text, best)
	if !before && !after {
		return -1, 0 // no cue on either side: 谢谢, 张开嘴
	}
	score := 0.8
	if before && after {
		score = 0.9
	}
	if best > fe && text[best-1] == ' ' {
		best--
	}
	return best, score
}

// zhParticles may stand right before a name in running Chinese text
// ("尊敬的李女士", "请王经理", "和张老师").
const zhParticles = "的给給请請向跟和与與找是叫由让讓把被"

// endsWithAny reports one of list ending text[:i].
func endsWithAny(text string, i int, list []string) bool {
	for _, l := range list {
		if i >= len(l) && text[i-len(l):i] == l {
			return true
		}
	}
	return false
}

// startsWithAny reports one of list starting at text[j].
func startsWithAny(text string, j int, list []string) bool {
	for _, a := range list {
		if hasPrefixAt(text, j, a) {
			return true
		}
	}
	return false
}

// afterNameAt reports an honorific, title or verb at j (after one space:
// 佐藤花子 様).
func afterNameAt(text string, j int) bool {
	if j < len(text) && text[j] == ' ' {
		j++
	}
	return startsWithAny(text, j, cjkAfterName)
}

// afterGivenName reports a cue within two characters after the family
// name ends at fe (a given name, then the honorific).
func afterGivenName(text string, fe int, ja bool) bool {
	j := fe
	if ja && j < len(text) && text[j] == ' ' {
		j++
	}
	for k := 0; k < 3 && j < len(text); k++ {
		r, n := runeAt(text, j)
		if !isHan(r) && !isHiragana(r) && !isKatakana(r) {
			return false
		}
		j += n
		if afterNameAt(text, j) {
			return true
		}
	}
	return false
}

// nameBoundary reports a boundary after a name: punctuation, white space,
// a line break, a bracket, the end.
func nameBoundary(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	r, _ := runeAt(text, j)
	switch r {
	case ' ', '\n', '\t', '，', '。', '、', '：', '；', '（', '(', ')', '）', ',', '.', ':', '！', '？', '「', '」', '【', '】':
		return true
	}
	return false
}

// --- Korean names ---

// koSurnames are the most common Korean family names (one syllable).
var koSurnames = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용" {
		m[r] = true
	}
	return m
}()

// koAfterName are the titles and honorifics written after a Korean name
// (attached or after a space).
var koAfterName = []string{"님", "씨", "고객님", "선생님", "과장님", "과장", "대리님", "대리", "부장님", "부장", "팀장님", "팀장", "사장님", "교수님", "교수", "원장님", "원장", "환자", "입니다"}

// koBeforeName are labels before a Korean name.
var koBeforeName = []string{"받는 사람: ", "받는 사람 : ", "받는사람: ", "수신: ", "수신자: ", "이름: ", "성명: ", "환자 ", "담당자: ", "담당자 ", "보내는 사람: ", "예약자: ", "공인중개사 ", "담당 ", "예금주: ", "예금주 ",
	"소유자 ", "소유자: ", "이름 ", "이름은 ", "이름이 ", "성함 ", "성함은 ", "성함: ", "성명 ", "명의 ", "신청인 ", "신청인: ", "작성자: ", "작성자 ", "고객명: "}

// hangulNames reports three-syllable Korean names that start with a
// family name and have a title after them or a label before them
// ("김민준 님", "정민호 과장님께서", "받는 사람: 이서연", "(한예린)").
func hangulNames(text string, out *scriptSpans) {
	for i := 0; i < len(text); {
		if text[i] < 0xEA {
			i++
			continue
		}
		r, n := runeAt(text, i)
		if !isHangul(r) || !koSurnames[r] {
			i += n
			continue
		}
		if p, _ := runeBefore(text, i); isHangul(p) {
			i += n
			continue
		}
		// three syllables
		j := i + n
		ok := true
		for k := 0; k < 2; k++ {
			r2, n2 := runeAt(text, j)
			if !isHangul(r2) {
				ok = false
				break
			}
			j += n2
		}
		if !ok {
			i += n
			continue
		}
		k := j
		if k < len(text) && text[k] == ' ' {
			k++
		}
		cue := startsWithAny(text, k, koAfterName) || endsWithAny(text, i, koBeforeName) ||
			i > 0 && text[i-1] == '(' && j < len(text) && text[j] == ')' // (한예린) after an address
		// a syllable right after the third one must be a title's
		// (김민준님), or the three are the start of a longer word
		if r3, _ := runeAt(text, j); !cue || isHangul(r3) && !startsWithAny(text, j, koAfterName) &&
			!(endsWithAny(text, i, koBeforeName) && restIn(text, j, hangulWordEnd(text, j), koAfterFull)) { // 이름은 오준우야
			i += n
			continue
		}
		if !out.overlapsAddress(i, j) {
			out.add(tPersonName, i, j, 0.8)
		}
		i = j
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// --- Arabic and Devanagari names ---

// Common given names and family names (Arabic script, Devanagari), the
// project's own lists from general knowledge. A name is a given name and
// one or two more name words ("أحمد محمد العلي", "राहुल शर्मा"), or any
// one or two name-like words after a title ("السيدة …", "डॉ. …").
var (
	arGiven = []string{
		"محمد", "أحمد", "احمد", "علي", "عمر", "خالد", "يوسف", "إبراهيم", "ابراهيم", "حسن", "حسين", "عبد",
		"فاطمة", "منى", "مريم", "سارة", "ليلى", "عائشة", "زينب", "سلمى", "ريم", "خديجة", "محمود", "مصطفى",
		"طارق", "سامي", "ياسر", "ماجد", "فيصل", "وليد", "نادية", "رانيا", "دينا", "هالة", "سمير", "ناصر",
		"عبدالله", "عبدالرحمن", "سعد", "فهد", "نورة", "هند", "لمى", "مها", "رشا", "هشام", "أيمن", "عماد",
	}
	arTitles = []string{"السيد", "السيدة", "الأستاذ", "الأستاذة", "الدكتور", "الدكتورة", "د.", "المهندس", "المهندسة", "اسمي", "باسم", "الاسم", "اسمه", "اسمها", "الحاج", "الحاجة"}
	hiGiven  = []string{
		"राहुल", "सुनीता", "अनिल", "प्रिया", "अमित", "राजेश", "सुरेश", "पूजा", "नेहा", "विकास", "संजय", "रवि",
		"अंजलि", "दीपक", "मनोज", "कविता", "सीमा", "आशा", "रीता", "गीता", "विजय", "अजय", "अरुण", "किरण", "सुनील", "रमेश",
	}
	hiFamily = []string{
		"शर्मा", "वर्मा", "देवी", "सिंह", "गुप्ता", "कुमार", "पटेल", "यादव", "जैन", "मिश्रा", "अग्रवाल", "रेड्डी",
		"कुमारी", "खान", "चौधरी", "तिवारी", "पांडे", "श्रीवास्तव", "मेहता", "जोशी",
	}
	hiTitles = []string{"श्री", "श्रीमती", "डॉ.", "सुश्री"}
)

func inList(w string, list []string) bool {
	for _, x := range list {
		if w == x {
			return true
		}
	}
	return false
}

// nextWord returns the word of the script starting at or after i (letters
// of the script and combining marks), skipping spaces only.
func nextWord(text string, i int, in func(rune) bool) (int, int) {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	j := i
	for j < len(text) {
		r, n := runeAt(text, j)
		if !in(r) {
			break
		}
		j += n
	}
	return i, j
}

func isArabicLetter(r rune) bool {
	return r >= 0x0621 && r <= 0x064A || r >= 0x064B && r <= 0x065F || r == 0x0671 || r == 0x067E || r == 0x0686 || r == 0x06A9 || r == 0x06AF || r == 0x06CC
}
func isDevanagari(r rune) bool { return r >= 0x0900 && r <= 0x097F && r != 0x0964 && r != 0x0965 }

// arabicNames and devanagariNames report the names described above.
func arabicNames(text string, out *scriptSpans, l *scriptNameLists) {
	c := nameScript{in: isArabicLetter, given: l.arGiven, family: l.arSurnames, titles: arTitles,
		kin: arKin, connectors: arConnectors, arabic: true, lo: 0xD8, hi: 0xDB}
	scriptNames(text, out, &c)
}

func devanagariNames(text string, out *scriptSpans, l *scriptNameLists) {
	c := nameScript{in: isDevanagari, given: l.hiGiven, family: l.hiSurnames, titles: hiTitles,
		after: hiAfterName, lo: 0xE0, hi: 0xE0}
	scriptNames(text, out, &c)
}

// nameScript describes the names of one script for scriptNames.
type nameScript struct {
	in            func(rune) bool
	given, family nameSet
	titles        []string // before one or two words of a name
	kin           []string // before a given name alone (with a proclitic: "لأختي")
	after         []string // after a given or family name alone (honorifics: "शर्मा जी")
	connectors    []string // between the parts of a name ("بن")
	arabic        bool     // a family name may be any word of the article ال
	lo, hi        byte
}

var (
	arKin = []string{"ابني", "ابنه", "ابنها", "ابنتي", "ابنته", "ابنتها", "بنتي", "أخي", "أختي", "اخي", "اختي", "أخته", "أخوه", "زوجي", "زوجتي", "صديقي", "صديقتي", "جدي", "جدتي", "عمي", "خالي", "خالتي", "عمتي", "الطفل", "الطفلة", "أخوك", "أختك",
		// roles before a given name alone ("المدرب سامي", "الشاهد ريم")
		"المدرب", "المدربة", "الشاهد", "الشاهدة", "السائق", "المالك", "المستأجر", "المستأجرة", "الكابتن",
		"الشيخ", "الإمام", "المتطوع", "المتطوعة", "المشرف", "المشرفة", "الجار", "الجارة", "زميلي", "زميلتي"}
	arConnectors = []string{"بن", "بنت", "ابن"}
	hiAfterName  = []string{"जी", "भैया", "भइया", "भाई", "दीदी", "साहब", "साहिबा", "सर", "मैडम", "बाबू", "चाचा", "मामा"}
)

// isNisba reports an Arabic family name of the article and the nisba
// ending ("الحربي", "الشمري").
func isNisba(w string) bool {
	return strings.HasPrefix(w, "ال") && strings.HasSuffix(w, "ي") && utf8.RuneCountInString(w) >= 5
}

// scriptNames walks the words of one script: a given name followed by a
// given or family name (or, in Arabic, a given name and then words of
// the family, "العلي"), a title followed by one or two words, a given
// name alone after a kin word or as a speaker label ("नेहा:"), and a
// given or family name before an honorific ("शर्मा जी").
func scriptNames(text string, out *scriptSpans, c *nameScript) {
	in := c.in
	for i := 0; i < len(text); {
		if text[i] < c.lo || text[i] > c.hi {
			i++
			continue
		}
		if p, _ := runeBefore(text, i); in(p) {
			_, n := runeAt(text, i)
			i += n
			continue
		}
		ws, we := nextWord(text, i, in)
		if we == ws {
			_, n := runeAt(text, i)
			i += n
			continue
		}
		w := text[ws:we]
		dot := hasPrefixAt(text, we, ".")
		titled := inList(w, c.titles) || dot && inListDot(w, c.titles)
		if titled {
			if dot {
				we++
			}
			s, e := nextWord(text, we, in)
			if e == s {
				i = we
				continue
			}
			end := e
			if s2, e2 := nextWord(text, e, in); e2 > s2 && (c.given.has(text[s2:e2]) || c.family.has(text[s2:e2]) || c.arabic && strings.HasPrefix(text[s2:e2], "ال") ||
				e2 == len(text) || strings.ContainsRune(",،.:;)", rune(text[e2]))) {
				end = e2
			}
			out.add(tPersonName, s, end, 0.8)
			i = end
			continue
		}
		if c.given.has(w) {
			end := -1
			k := we
			for n := 0; n < 3; n++ {
				s, e := nextWord(text, k, in)
				if e == s {
					break
				}
				x := text[s:e]
				if inList(x, c.connectors) && n < 2 {
					if s2, e2 := nextWord(text, e, in); e2 > s2 {
						end, k = e2, e2
						n++
						continue
					}
					break
				}
				if c.given.has(x) || c.family.has(x) || w == "عبد" && n == 0 || c.arabic && strings.HasPrefix(x, "ال") && (end > 0 || isNisba(x)) {
					end, k = e, e
					continue
				}
				break
			}
			if end > 0 {
				out.add(tPersonName, ws, end, 0.7)
				i = end
				continue
			}
		}
		if c.given.has(w) || c.family.has(w) {
			alone := false
			if c.given.has(w) {
				ps, pe := prevWord(text, ws, in)
				pw := text[ps:pe]
				alone = inList(pw, c.kin) || len(pw) > 2 && (pw[:2] == "ل" || pw[:2] == "و") && inList(pw[2:], c.kin) ||
					hasPrefixAt(text, we, ":") && !hasPrefixAt(text, we, "://")
			}
			if s, e := nextWord(text, we, in); e > s && inList(text[s:e], c.after) {
				alone = true
			}
			if alone && !out.overlapsAddress(ws, we) {
				out.add(tPersonName, ws, we, 0.7)
			}
		}
		i = we
	}
}

// inListDot reports w followed by a full stop in list ("डॉ.").
func inListDot(w string, list []string) bool {
	for _, x := range list {
		if len(x) == len(w)+1 && x[len(w)] == '.' && x[:len(w)] == w {
			return true
		}
	}
	return false
}
