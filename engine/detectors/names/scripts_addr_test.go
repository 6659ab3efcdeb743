package names

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// Street-address layouts of scripts.go beyond the marked Russian,
// Turkish, Indonesian and Vietnamese ones: the Russian and Ukrainian name
// before the street type, Hebrew, Arabic, Greek, Thai and Hindi streets,
// a Japanese or Chinese city and ward without the prefecture, and a
// Korean dong with its lot number. The examples are the project's own.
var scriptAddrCases = []struct {
	name string
	text string
	want []string // the addresses scanScripts reports, in order
}{
	// Russian and Ukrainian: the name before the type
	{"ru avenue abbreviation first", "Доставка: Лиговский пр., 48, кв. 17", []string{"Лиговский пр., 48, кв. 17"}},
	{"ru street house marker", "Офис переехал: Пятницкая ул., д. 23, офис 4.", []string{"Пятницкая ул., д. 23, офис 4"}},
	{"ru two-word name", "Большая Никитская ул., 12", []string{"Большая Никитская ул., 12"}},
	{"ru full type no comma", "живу на Садовая улица 8, г. Тула", []string{"Садовая улица 8, г. Тула"}},
	{"ru city first", "г. Казань, Кремлёвская ул., 35/2, 420008", []string{"г. Казань, Кремлёвская ул., 35/2, 420008"}},
	{"uk street", "Пишіть на Богдана Хмельницького вул., 16, кв. 3", []string{"Богдана Хмельницького вул., 16, кв. 3"}},
	{"uk no comma", "Саксаганського вул. 41", []string{"Саксаганського вул. 41"}},
	{"ru street-first still works", "ул. Ленина, д. 15", []string{"ул. Ленина, д. 15"}},
	{"ru name then type, years ago", "Тверская улица, 5 лет назад я там жил.", nil},
	{"ru name then type, no number", "Мы гуляли, где Тверская ул. встречается с бульваром.", nil},

	// Hebrew
	{"he street unit city", "הכתובת: רחוב ביאליק 14, דירה 6, רמת גן", []string{"רחוב ביאליק 14, דירה 6, רמת גן"}},
	{"he proclitic and avenue", "אנחנו גרים בשדרות ירושלים 88, קומה 2, יפו", []string{"שדרות ירושלים 88, קומה 2, יפו"}},
	{"he road postcode", "דרך יגאל אלון 120, תל אביב 6744320", []string{"דרך יגאל אלון 120, תל אביב 6744320"}},
	{"he abbreviation geresh name", "רח' ז'בוטינסקי 33, פתח תקווה", []string{"רח' ז'בוטינסקי 33, פתח תקווה"}},
	{"he street and shops", "רחוב ארוך עם 5 חנויות", nil},
	{"he street number then words", "ברחוב הזה יש 12 בתים", nil},
	{"he on the way", "בדרך הביתה 3 פעמים עצרנו.", nil},
	{"he by the way", "דרך אגב 5, תודה", nil},

	// Arabic
	{"ar number after, district, city", "العنوان: شارع الملك عبد العزيز 41، حي العليا، الرياض", []string{"شارع الملك عبد العزيز 41، حي العليا، الرياض"}},
	{"ar number before", "المكتب في 9 شارع محمد محمود، باب اللوق، القاهرة", []string{"9 شارع محمد محمود، باب اللوق، القاهرة"}},
	{"ar arabic-indic digits and postcode", "طريق الأمير فيصل ٦٣، جدة ٢٣٤٣٥", []string{"طريق الأمير فيصل ٦٣، جدة ٢٣٤٣٥"}},
	{"ar district first", "حي الملز، شارع الجامعة 18، الرياض", []string{"حي الملز، شارع الجامعة 18، الرياض"}},
	{"ar proclitic and unit", "نسكن بشارع الحمراء 7، شقة 12، بيروت", []string{"شارع الحمراء 7، شقة 12، بيروت"}},
	{"ar o'clock", "الاجتماع الساعة 5 مساءً", nil},
	{"ar by way of", "وصلت الرسالة عن طريق البريد 3 مرات", nil},
	{"ar street then minutes", "سأصل إلى شارع الحمراء بعد 10 دقائق", nil},
	{"ar count of streets", "يوجد 15 شارع في المدينة", nil},
	{"ar number before, no comma part", "مررنا على 4 شارع طويل", nil},
	{"ar children", "لدي 3 أطفال، وأسكن في دبي", nil},

	// Greek
	{"el genitive postcode city", "Στείλτε το στην Πατησίων 76, 104 34 Αθήνα", []string{"Πατησίων 76, 104 34 Αθήνα"}},
	{"el two words, postcode without space", "Βασιλίσσης Όλγας 118, 54645 Θεσσαλονίκη", []string{"Βασιλίσσης Όλγας 118, 54645 Θεσσαλονίκη"}},
	{"el marker and city", "στην οδό Αγίας Σοφίας 27, Θεσσαλονίκη", []string{"οδό Αγίας Σοφίας 27, Θεσσαλονίκη"}},
	{"el avenue abbreviation", "Λεωφ. Κηφισίας 204, 151 24 Μαρούσι", []string{"Λεωφ. Κηφισίας 204, 151 24 Μαρούσι"}},
	{"el street named after a date", "Διεύθυνση: 25ης Μαρτίου 31, 171 21 Νέα Σμύρνη", []string{"25ης Μαρτίου 31, 171 21 Νέα Σμύρνη"}},
	{"el date", "Σάββατο 5 Σεπτεμβρίου", nil},
	{"el date with a comma", "Πέμπτη 12 Οκτωβρίου, 10 00 το πρωί", nil},
	{"el word and number", "Κεφάλαιο 3, σελίδα 12.", nil},
	{"el weekday and city", "Τρίτη 14, Αθήνα", nil},
	{"el year and city", "Ολυμπιακοί Αγώνες 2004, Αθήνα", nil},

	// Thai
	{"th house number and parts", "ส่งที่ 57/3 ซอยลาดพร้าว 15 แขวงจอมพล เขตจตุจักร กรุงเทพฯ 10900", []string{"57/3 ซอยลาดพร้าว 15 แขวงจอมพล เขตจตุจักร กรุงเทพฯ 10900"}},
	{"th label and province", "บ้านเลขที่ 21 หมู่ 4 ตำบลสันทราย อำเภอสันทราย เชียงใหม่ 50210", []string{"บ้านเลขที่ 21 หมู่ 4 ตำบลสันทราย อำเภอสันทราย เชียงใหม่ 50210"}},
	{"th no postcode", "เลขที่ 8 ถนนนิมมานเหมินท์ ตำบลสุเทพ", []string{"เลขที่ 8 ถนนนิมมานเหมินท์ ตำบลสุเทพ"}},
	{"th floor", "ห้องประชุมอยู่ชั้น 3", nil},
	{"th rooms", "บ้านนี้มี 3 ห้อง 2 ชั้น", nil},
	{"th year", "ปี 2566 จังหวัดน่าน อำเภอปัว มีฝนตกมาก", nil},

	// Hindi
	{"hi flat and sector", "पता: फ्लैट 207, नीलगिरि अपार्टमेंट, सेक्टर 21, गुरुग्राम 122016", []string{"फ्लैट 207, नीलगिरि अपार्टमेंट, सेक्टर 21, गुरुग्राम 122016"}},
	{"hi number first", "मेरा पता 48, करोल बाग, नई दिल्ली 110005 है।", []string{"48, करोल बाग, नई दिल्ली 110005"}},
	{"hi house number word", "मकान नं. 9, गली नं. 4, शास्त्री नगर, जयपुर - 302016", []string{"मकान नं. 9, गली नं. 4, शास्त्री नगर, जयपुर - 302016"}},
	{"hi devanagari digits", "प्लॉट १७, गोमती नगर, लखनऊ २२६०१०", []string{"प्लॉट १७, गोमती नगर, लखनऊ २२६०१०"}},
	{"hi room", "कमरा 5 में बैठक है", nil},
	{"hi price", "मकान की कीमत 250000 रुपये है", nil},
	{"hi population", "सेक्टर 15 की आबादी 120000 है", nil},
	{"hi list of numbers", "मेरे पास 5, 10 और 200000 हैं", nil},

	// Japanese and Chinese: a city and its ward first
	{"ja designated city ward", "横浜市都筑区中川中央2-7-5", []string{"横浜市都筑区中川中央2-7-5"}},
	{"ja after a particle", "本社は名古屋市中区栄3丁目", []string{"名古屋市中区栄3丁目"}},
	{"ja kana city", "さいたま市大宮区桜木町4-2", []string{"さいたま市大宮区桜木町4-2"}},
	{"zh after a verb", "我住在佛山市南海区桂城街道56号", []string{"佛山市南海区桂城街道56号"}},
	{"ja city ward in a sentence", "川崎市中原区で開かれた会議には3号館の人も来た。", nil},
	{"ja city ward no number", "神戸市中央区に引っ越しました。", nil},

	// Korean: a dong and its lot number
	{"ko dong ga lot", "성내동3가 118-22", []string{"성내동3가 118-22"}},
	{"ko dong lot beonji", "주문자 주소는 서초구 방배동 912-4번지 입니다", []string{"서초구 방배동 912-4번지"}},
	{"ko province then dong lot", "경기도 성남시 분당구 정자동 178-1", []string{"경기도 성남시 분당구 정자동 178-1"}},
	{"ko dong lot alone", "대치동 1007-3", []string{"대치동 1007-3"}},
	{"ko dong without lot", "역삼동 821에서 만나요", nil},
	{"ko exercise", "주말마다 봉사활동 2-3 시간", nil},
	{"ko movement", "이동 1-2", nil},
}

func TestScriptAddressLayouts(t *testing.T) {
	d := New(Options{})
	for _, tc := range scriptAddrCases {
		t.Run(tc.name, func(t *testing.T) {
			var sp scriptSpans
			d.scanScripts(tc.text, &sp)
			var got []string
			for i := 0; i < sp.n; i++ {
				if x := sp.list[i]; x.typ == tStreetAddress {
					got = append(got, tc.text[x.start:x.end])
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("%q\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// The whole detector reports the addresses (the token scanner's own
// address may win a part: "Τσιμισκή 15" of "οδός Τσιμισκή 15"), and
// nothing in the near misses.
func TestScriptAddressesInScan(t *testing.T) {
	d := New(Options{})
	for _, tc := range scriptAddrCases {
		t.Run(tc.name, func(t *testing.T) {
			var got []found
			for _, f := range spans(t, d, tc.text) {
				if f.typ == tStreetAddress {
					got = append(got, f)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%q\n got %v\nwant %q", tc.text, got, tc.want)
			}
			for i, g := range got {
				if !strings.Contains(tc.want[i], g.text) {
					t.Errorf("%q: got %q, want a part of %q", tc.text, g.text, tc.want[i])
				}
			}
		})
	}
}

// The layouts allocate nothing.
func TestScriptAddressesAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	d := New(Options{})
	var b strings.Builder
	for _, tc := range scriptAddrCases {
		b.WriteString(tc.text)
		b.WriteString("\n")
	}
	text := b.String()
	if n := testing.AllocsPerRun(20, func() {
		var sp scriptSpans
		d.scanScripts(text, &sp)
	}); n != 0 {
		t.Errorf("scanScripts allocates %.0f times", n)
	}
}

// BenchmarkScanScriptAddresses scans text in the scripts above, addresses
// and prose mixed.
func BenchmarkScanScriptAddresses(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 64<<10 {
		for _, tc := range scriptAddrCases {
			sb.WriteString(tc.text)
			sb.WriteString(" ")
		}
	}
	benchText(b, sb.String())
}

// BenchmarkScanScriptsOnly measures scanScripts alone on the text of
// BenchmarkScanScriptAddresses.
func BenchmarkScanScriptsOnly(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 64<<10 {
		for _, tc := range scriptAddrCases {
			sb.WriteString(tc.text)
			sb.WriteString(" ")
		}
	}
	text := sb.String()
	d := New(Options{})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		var sp scriptSpans
		d.scanScripts(text, &sp)
	}
}

// FuzzScriptAddresses checks that the layouts stay inside the text, on
// rune boundaries, and that addresses do not overlap.
func FuzzScriptAddresses(f *testing.F) {
	for _, tc := range scriptAddrCases {
		f.Add(tc.text)
	}
	d := New(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		var sp scriptSpans
		d.scanScripts(s, &sp)
		for i := 0; i < sp.n; i++ {
			x := sp.list[i]
			if x.start < 0 || x.end > len(s) || x.start >= x.end {
				t.Fatalf("%q: span %d..%d", s, x.start, x.end)
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[x.start]) || x.end < len(s) && !utf8.RuneStart(s[x.end])) {
				t.Fatalf("%q: span %d..%d splits a rune", s, x.start, x.end)
			}
			for j := 0; j < i; j++ {
				if y := sp.list[j]; y.typ == x.typ && y.start < x.end && x.start < y.end {
					t.Fatalf("%q: %q overlaps %q", s, s[x.start:x.end], s[y.start:y.end])
				}
			}
		}
	})
}
