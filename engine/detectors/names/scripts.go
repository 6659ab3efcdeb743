package names

import (
	"strings"
	"unicode/utf8"
)

// Names and addresses in scripts the token scanner does not read: Chinese,
// Japanese and Korean (no capital letters, and no spaces in Chinese and
// Japanese), and the street-address layouts of Russian and Ukrainian,
// Turkish, Indonesian and Vietnamese. scanScripts runs only on text that
// holds such a script or marker, and allocates nothing.
//
// The lists are the project's own, from general knowledge of each
// language: the most common family names (Chinese, Japanese, Korean), the
// honorifics and titles written after a name (先生, 女士, 様, さん, 님,
// 씨 …), the labels written before one (收货人：, 担当：, 받는 사람: …), the
// top-level divisions that open an address (provinces and municipalities,
// the 47 prefectures, Korean provinces and metropolitan cities) and the
// markers of a street and a house number (路, 号, 丁目, 로, 길, ул., д., Cad.,
// No:, Jl. …). A name needs a cue on one side; a surname alone is a
// common word in Chinese. In Cyrillic, a capitalised word beside two
// initials ("Ивановой Е. А.", "Е. А. Иванова") is a name.

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
var leadFlags = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		t[c] = uint8(leadFlag(byte(c)))
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
	if f&(hasCJK|hasHangul|hasCyr|hasMarker|hasViet|hasArabic|hasDevanagari) == 0 {
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
	}
	if d.person {
		if f&hasCJK != 0 {
			cjkNames(text, out)
		}
		if f&hasHangul != 0 {
			hangulNames(text, out)
		}
		if f&hasArabic != 0 {
			arabicNames(text, out)
		}
		if f&hasDevanagari != 0 {
			devanagariNames(text, out)
		}
		if f&hasCyr != 0 {
			cyrillicInitialsNames(text, out)
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
}

// cjkAddressLabels are followed by an address.
var cjkAddressLabels = []string{"地址：", "地址:", "住址：", "住所：", "住所:", "送货地址：", "收货地址：", "お届け先：", "配送先："}

// cjkUnitAfterNumber end an address part after a number: 号 (house), 號,
// 番地, 番, 号室, 丁目, 樓/楼/层/層/階 (floor), 室 (room), 栋/棟/座 (building).
var cjkUnitAfterNumber = []string{"号楼", "號樓", "号室", "號室", "番地", "丁目", "号", "號", "番", "樓", "楼", "层", "層", "階", "室", "栋", "棟", "座", "F"}

// cjkAddresses reports Chinese and Japanese addresses: from a postcode
// (〒123-4567), a label or a top-level division, through the last number
// with its unit ("88号", "1205室", "1-1-1"), stopping at punctuation,
// white space (after a number) or kana after a number.
func cjkAddresses(text string, out *scriptSpans) {
	addressesFrom(text, out, 0xE2, []string{"〒"}, cjkAdminStarts, cjkAddressLabels, cjkAddressEnd)
}

// addressesFrom reports the addresses that start at a postcode mark or a
// division of starts (the address starts there) or after a label (it
// starts after the label and its spaces), and end where end says. Only
// bytes from lead up can start one.
func addressesFrom(text string, out *scriptSpans, lead byte, marks, starts, labels []string, end func(string, int) int) {
	for i := 0; i < len(text); {
		if text[i] < lead {
			i++
			continue
		}
		start := prefixStart(text, i, marks, starts, labels)
		if start >= 0 {
			if e := end(text, start); e > start {
				out.add(tStreetAddress, start, e, 0.85)
				i = e
				continue
			}
		}
		_, n := runeAt(text, i)
		i += n
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
			unit := ""
			for _, u := range cjkUnitAfterNumber {
				if hasPrefixAt(text, k, u) {
					unit = u
					break
				}
			}
			if unit != "" {
				end = k + len(unit)
			} else if strings.Count(num, "-") >= 1 {
				end = k // 1-1-1, 3-1-3
			}
			j = k + len(unit)
			continue
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

// --- Korean addresses ---

// hangulAdminStarts open a Korean address: the special, metropolitan and
// self-governing cities and the provinces (full and short forms).
var hangulAdminStarts = []string{
	"서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "울산광역시",
	"세종특별자치시", "경기도", "강원도", "강원특별자치도", "충청북도", "충청남도", "전라북도", "전북특별자치도",
	"전라남도", "경상북도", "경상남도", "제주특별자치도", "서울시", "부산시", "인천시", "대구시", "대전시", "울산시",
}

// hangulAddresses reports Korean road-name addresses: a top-level division
// (or, after 주소:/배송지:, any) then words ending in 시/구/군/읍/면/동/로/길,
// a building number, and optional ", 4층" / ", 101동 1502호".
func hangulAddresses(text string, out *scriptSpans) {
	addressesFrom(text, out, 0xEA, nil, hangulAdminStarts, hangulAddressLabels, hangulAddressEnd)
}

var hangulAddressLabels = []string{"주소:", "주소 :", "배송지:", "주소："}

func hangulAddressEnd(text string, start int) int {
	end := -1
	road := false
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
		case first >= '0' && first <= '9':
			if !road && end < 0 {
				return -1
			}
			// 123, 4층, 101동, 1502호, 27-3
			end = k
		case last == '로' || last == '길':
			road = true
		case last == '시' || last == '구' || last == '군' || last == '읍' || last == '면' || last == '동' || last == '도' || last == '가':
			if end >= 0 {
				return end // the next address part is not this address's
			}
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
// may follow it (house, flat, building, city, region).
var (
	cyrillicCity   = []string{"г. ", "м. ", "город "}
	cyrillicStreet = []string{"ул. ", "улица ", "вул. ", "вулиця ", "пр. ", "просп. ", "проспект ", "пер. ", "бул. ", "бульвар ", "наб. ", "ш. ", "шоссе ", "пл. "}
	cyrillicParts  = []string{"д. ", "дом ", "буд. ", "кв. ", "корп. ", "стр. ", "офис ", "оф. ", "г. ", "м. ", "обл. ", "р-н ", "эт. "}
)

// cyrillicAddress reads "[г. City, ]ул. Street, д. N[, кв. N][, г. City][, 123456]".
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
	if !startsWithAny(text, j, cyrillicStreet) {
		return 0, 0
	}
	k := commaPart(text, j)
	if k < 0 {
		return 0, 0
	}
	end := -1
	// "ул. Тверская, 7" or "ул. Тверская, д. 7" or "ул. Ленина 15"
	if lastIsNumber(text, j, k) {
		end = k
	}
	for hasPrefixAt(text, k, ", ") {
		n := k + 2
		part := startsWithAny(text, n, cyrillicParts)
		e := commaPart(text, n)
		if e < 0 {
			break
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
	}
	// labels and words before a name
	cjkBeforeName = []string{
		"收货人：", "收货人:", "收件人：", "收件人:", "联系人：", "聯絡人：", "聯繫人：", "姓名：", "姓名 ", "姓名:",
		"持卡人", "负责人是", "負責人是", "我是", "我叫", "同事", "新员工", "新員工", "员工", "員工", "客户", "客戶",
		"患者", "担当：", "担当:", "担当者：", "氏名：", "名前：", "宛先：", "给", "給",
		"收款人：", "收款人:", "付款人：", "户名：", "戶名：", "乘客", "旅客：", "申请人：", "申請人：",
		"担当 ", "院長 ", "院长 ", "署名：",
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
	if best < 0 && before && count > 0 {
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
var koBeforeName = []string{"받는 사람: ", "받는 사람 : ", "받는사람: ", "수신: ", "수신자: ", "이름: ", "성명: ", "환자 ", "담당자: ", "담당자 ", "보내는 사람: ", "예약자: ", "공인중개사 ", "담당 ", "예금주: ", "예금주 "}

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
		if r3, _ := runeAt(text, j); !cue || isHangul(r3) && !startsWithAny(text, j, koAfterName) {
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
	arTitles = []string{"السيد", "السيدة", "الأستاذ", "الأستاذة", "الدكتور", "الدكتورة", "د.", "المهندس", "المهندسة", "اسمي", "باسم"}
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
func arabicNames(text string, out *scriptSpans) {
	scriptNames(text, out, isArabicLetter, arGiven, nil, arTitles, 0xD8, 0xDB)
}

func devanagariNames(text string, out *scriptSpans) {
	scriptNames(text, out, isDevanagari, hiGiven, hiFamily, hiTitles, 0xE0, 0xE0)
}

// scriptNames walks the words of one script: a given name followed by a
// given or family name (or, in Arabic, a given name and then words of
// the family, "العلي"), or a title followed by one or two words.
func scriptNames(text string, out *scriptSpans, in func(rune) bool, given, family, titles []string, lo, hi byte) {
	for i := 0; i < len(text); {
		if text[i] < lo || text[i] > hi {
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
		titled := inList(w, titles) || w == "د" && hasPrefixAt(text, we, ".")
		if titled {
			if w == "د" {
				we++
			}
			s, e := nextWord(text, we, in)
			if e == s {
				i = we
				continue
			}
			end := e
			if s2, e2 := nextWord(text, e, in); e2 > s2 && (inList(text[s2:e2], given) || inList(text[s2:e2], family) || family == nil && strings.HasPrefix(text[s2:e2], "ال")) {
				end = e2
			}
			out.add(tPersonName, s, end, 0.8)
			i = end
			continue
		}
		if inList(w, given) {
			end := -1
			k := we
			for n := 0; n < 2; n++ {
				s, e := nextWord(text, k, in)
				if e == s {
					break
				}
				x := text[s:e]
				if inList(x, given) || inList(x, family) || w == "عبد" && n == 0 || family == nil && n == 1 && strings.HasPrefix(x, "ال") && end > 0 {
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
		i = we
	}
}
