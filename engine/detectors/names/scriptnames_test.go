package names

import (
	"strings"
	"testing"
)

// Names of the non-Latin scripts found by list and cue (scriptnames.go),
// and ordinary sentences with words that are also names. The examples
// are the project's own.
var scriptNameCases = []struct {
	name string
	text string
	want []string // the PERSON spans scanScripts reports, in order
}{
	// Greek
	{"el article accusative", "Πες στον Νίκο ότι αργώ.", []string{"Νίκο"}},
	{"el article genitive", "Τα γενέθλια της Κατερίνας είναι αύριο.", []string{"Κατερίνας"}},
	{"el coordination", "Η Σοφία και ο Κώστας ήρθαν νωρίς.", []string{"Σοφία", "Κώστας"}},
	{"el honorific surname", "Μίλησα με την κα Αντωνίου χθες.", []string{"Αντωνίου"}},
	{"el article surname ending", "Ρώτησε τον Γεωργιάδη για το συμβόλαιο.", []string{"Γεωργιάδη"}},
	{"el Friday", "Η συνάντηση είναι την Παρασκευή στις 10.", nil},
	{"el city", "Ταξιδεύουμε στην Αθήνα και μετά στη Γεωργία.", nil},
	{"el lower-case words", "η ζωή είναι ωραία και η ειρήνη σημαντική", nil},

	// Russian and Ukrainian
	{"ru name alone", "Передай, пожалуйста, что Лёша опоздает.", []string{"Лёша"}},
	{"ru dative", "Отправь файл Марине до обеда.", []string{"Марине"}},
	{"ru genitive", "Ключи у Кости, забери вечером.", []string{"Кости"}},
	{"uk name", "Завтра Остап привезе документи.", []string{"Остап"}},
	{"ru initial and surname", "С уважением, П. Морозова", []string{"П. Морозова"}},
	{"ru pair left to the token scanner", "Ирина Смирнова придёт завтра.", nil},
	{"ru words that are names", "Вера в победу и Надежда на лучшее.", nil},
	{"ru city after preposition", "Мы жили во Владимире два года.", nil},

	// Hebrew
	{"he given and surname", "תודה רבה, משה פרץ, על העזרה.", []string{"משה פרץ"}},
	{"he label", "ההזמנה רשומה על שם דנה גולדברג, בבקשה.", []string{"דנה גולדברג"}},
	{"he with", "אני נפגשת היום עם מיכל בקפה.", []string{"מיכל"}},
	{"he words", "השירה של התלמידים הייתה יפה, ראינו אור גדול בים.", nil},

	// Arabic
	{"ar connector", "وقع العقد خالد بن سعد العتيبي أمس.", []string{"خالد بن سعد العتيبي"}},
	{"ar kin", "سأرسل الهدية لأخي طارق غداً.", []string{"طارق"}},
	{"ar nisba", "اتصلت نورة القحطاني بالمكتب.", []string{"نورة القحطاني"}},
	{"ar label", "الاسم سامي حداد، رقم الهاتف 0501234567", []string{"سامي حداد"}},
	{"ar words", "في الأيام الحالية نأمل الخير للجميع.", nil},

	// Hindi
	{"hi honorific after surname", "कल वर्मा जी से बात करनी है।", []string{"वर्मा"}},
	{"hi doctor", "डॉ. सुनील गुप्ता क्लिनिक में हैं।", []string{"सुनील गुप्ता"}},
	{"hi chat label", "प्रिया: मैं पहुँच गई", []string{"प्रिया"}},
	{"hi words", "विकास की योजना पर चर्चा हुई, जी हाँ।", nil},

	// Thai
	{"th title glued", "ฝากบอกคุณสมศักดิ์ว่าพรุ่งนี้ประชุม", []string{"สมศักดิ์"}},
	{"th label and surname", "ชื่อ วรรณา แสงทอง เบอร์ 081 111 2222", []string{"วรรณา แสงทอง"}},
	{"th you", "คุณช่วยส่งเอกสารให้หน่อยได้ไหม", nil},
	{"th quality", "คุณภาพของสินค้าดีมาก", nil},

	// Korean
	{"ko surname and listed given", "담당자는 김서연에게 연락해 주세요.", []string{"김서연"}},
	{"ko vocative", "민준아 밥 먹었어?", []string{"민준"}},
	{"ko label particle", "아이 이름은 박하윤이에요.", []string{"박하윤"}},
	{"ko words", "정부 지원을 받으려면 수정된 서류가 필요합니다.", nil},

	// Japanese and Chinese
	{"ja name with space and particle", "本日は佐藤 健太が担当します。", []string{"佐藤 健太"}},
	{"ja chat label", "山口：了解です", []string{"山口"}},
	{"ja signature", "よろしくお願いします。\n石井より", []string{"石井"}},
	{"ja kin", "息子の翔太が熱を出しました。", []string{"翔太"}},
	{"zh listed name", "请通知刘志明明天开会。", []string{"刘志明"}},
	{"zh coordination", "欢迎王芳和陈勇加入团队。", []string{"王芳", "陈勇"}},
	{"zh chat pet name", "群聊：\n小雪：我到了", []string{"小雪"}},
	{"zh words", "文明安静高兴，小计：35元", nil},
	{"ja words", "田中の天気は晴れ、山本線に乗ります。", nil},
}

func TestScriptListedNames(t *testing.T) {
	d := New(Options{})
	for _, tc := range scriptNameCases {
		t.Run(tc.name, func(t *testing.T) {
			var sp scriptSpans
			d.scanScripts(tc.text, &sp)
			var got []string
			for i := 0; i < sp.n; i++ {
				if x := sp.list[i]; x.typ == tPersonName && x.score > 0 {
					got = append(got, tc.text[x.start:x.end])
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("%q\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// The name rules allocate nothing (after the lists are built).
func TestScriptNamesAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	d := New(Options{})
	var b strings.Builder
	for _, tc := range scriptNameCases {
		b.WriteString(tc.text)
		b.WriteString("\n")
	}
	text := b.String()
	var sp scriptSpans
	d.scanScripts(text, &sp) // builds the lists
	if n := testing.AllocsPerRun(20, func() {
		var sp scriptSpans
		d.scanScripts(text, &sp)
	}); n != 0 {
		t.Errorf("scanScripts allocates %.0f times", n)
	}
}
