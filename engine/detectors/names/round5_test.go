package names

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// TestDebugRound5 prints every finding of the full scan (scripts and
// tables included) for NAMES_SCAN="x|y".
func TestDebugRound5(t *testing.T) {
	txt := os.Getenv("NAMES_SCAN")
	if txt == "" {
		t.Skip()
	}
	d := New(Options{})
	for _, line := range strings.Split(txt, "|") {
		for _, f := range scanAll(t, d, line) {
			t.Logf("%q: %s %q %.2f", line, f.Type, line[f.ByteStart:f.ByteEnd], f.Score)
		}
	}
}

// round5Case is a text and the findings of one type the full scan must
// report in it, in order (nil: none of that type).
type round5Case struct {
	name, text, typ string
	want            []string
}

func checkRound5(t *testing.T, cases []round5Case) {
	t.Helper()
	d := New(Options{})
	for _, c := range cases {
		var got []string
		for _, f := range scanAll(t, d, c.text) {
			if f.Type == c.typ {
				got = append(got, c.text[f.ByteStart:f.ByteEnd])
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q\n got %s %q\nwant %q", c.name, c.text, c.typ, got, c.want)
		}
	}
}

// TestSpacedScriptAddresses: Chinese, Japanese and Korean addresses typed
// with spaces between their parts, Korean short city names and districts
// before a road, and Arabic addresses that open with a building or unit.
func TestSpacedScriptAddresses(t *testing.T) {
	checkRound5(t, []round5Case{
		// Chinese and Japanese: a space between a street or unit and a number
		{"zh spaced lane", "新地址是上海市徐汇区漕溪北路 88 弄 6 号 1203 室，记得带钥匙", tStreetAddress, []string{"上海市徐汇区漕溪北路 88 弄 6 号 1203 室"}},
		{"zh-TW spaced lane", "飯店地址 台北市大安區忠孝東路四段 181 巷 12 號 5 樓，謝謝", tStreetAddress, []string{"台北市大安區忠孝東路四段 181 巷 12 號 5 樓"}},
		{"ja spaced chome", "住所は〒216-0033 神奈川県川崎市宮前区宮崎 2-14-8 です", tStreetAddress, []string{"〒216-0033 神奈川県川崎市宮前区宮崎 2-14-8"}},
		{"zh unspaced still", "寄到上海市徐汇区漕溪北路88号", tStreetAddress, []string{"上海市徐汇区漕溪北路88号"}},
		{"zh metro line", "上海市 3 号线换乘 2 号线", tStreetAddress, nil},
		{"zh metro line unspaced", "在上海市3号线上", tStreetAddress, nil},
		{"zh year and month", "上海市 2024 年 3 月的会议", tStreetAddress, nil},
		// Korean: a short city name, or a district, before the road
		{"ko short city road", "장소는 서울 강남구 테헤란로 152, 12층 입니다", tStreetAddress, []string{"서울 강남구 테헤란로 152, 12층"}},
		{"ko short city lot", "주소 부산 해운대구 우동 1408-3 연락은", tStreetAddress, []string{"부산 해운대구 우동 1408-3"}},
		{"ko district road", "우리 집 송파구 올림픽로 269, 2302호 로 와", tStreetAddress, []string{"송파구 올림픽로 269, 2302호"}},
		{"ko city alone", "서울 2024년 여름은 더웠다", tStreetAddress, nil},
		{"ko city then a noun", "서울 사람 3명이 왔다", tStreetAddress, nil},
		{"ko research route", "연구 경로 3개를 비교했다", tStreetAddress, nil},
		{"ko friend road", "친구 길 3번째 집", tStreetAddress, nil},
		// Arabic: a building or unit first, or a named street or tower before a unit
		{"ar building first", "الشحنة وصلت المستودع مبنى 2281، حي السلي، الرياض", tStreetAddress, []string{"مبنى 2281، حي السلي، الرياض"}},
		{"ar building then street", "الرجاء ترك الطلب عند عمارة 14، شارع الملك فهد، حي العليا، الرياض 12211", tStreetAddress, []string{"عمارة 14، شارع الملك فهد، حي العليا، الرياض 12211"}},
		{"ar street without number then unit", "العنوان شارع الملك فهد، مبنى 14، شقة 3، الرياض", tStreetAddress, []string{"شارع الملك فهد، مبنى 14، شقة 3، الرياض"}},
		{"ar tower then flat", "لدفع تأمين الشقة في برج الياسمين، شقة 2304، دبي مارينا", tStreetAddress, []string{"برج الياسمين، شقة 2304، دبي مارينا"}},
		{"ar flat and floor only", "شقة 3، الطابق الثاني", tStreetAddress, nil},
		{"ar office at an hour", "مكتب 5، في الساعة 3", tStreetAddress, nil},
		{"ar tower alone", "زرنا برج خليفة، أطول برج في العالم", tStreetAddress, nil},
		{"ar street then minutes", "سأصل إلى شارع الحمراء، بعد 10 دقائق", tStreetAddress, nil},
	})
}

// TestInlineChatTurns: the turns of a chat pasted on one line, joined by
// " / " or " | ", have speaker labels as lines do; a proper noun that is
// a given name labels a person when it labels two turns.
func TestInlineChatTurns(t *testing.T) {
	checkRound5(t, []round5Case{
		{"en slash turns, lower case", "what time are we meeting? soph: 7 at Nando's? / ayesha: 7:30 pls I finish late / soph: ok 7:30", tPersonName, []string{"soph", "ayesha", "soph"}},
		{"en pipe turns", "maya: running late | omar: np | maya: there in 5", tPersonName, []string{"maya", "omar", "maya"}},
		{"es slash turns", "Lucía: ¿vienes? / Mateo: sí, a las 8 / Lucía: vale", tPersonName, []string{"Lucía", "Mateo", "Lucía"}},
		{"de pipe turns", "Jens: bin gleich da | Anke: ok, bis gleich | Jens: super", tPersonName, []string{"Jens", "Anke", "Jens"}},
		{"proper noun labels two lines", "is my sister mad?\nRach: fine. do what you want\nRach: and don't call me", tPersonName, []string{"Rach", "Rach"}},
		{"form fields with slashes", "Price: $5 / Size: M / Colour: red / Note: fragile", tPersonName, nil},
		{"form fields with pipes", "Status: open | Priority: high | Owner: team", tPersonName, nil},
		{"path with spaces", "copy it to Documents / Work: the folder is shared", tPersonName, nil},
		{"places as labels", "Paris: sunny / London: rain / Paris: 18C", tPersonName, nil},
		{"months as labels", "March: 12 / March: total", tPersonName, nil},
		{"cities as labels on lines", "Paris: sunny\nLondon: rain\nParis: 18C", tPersonName, nil},
	})
}

func TestInlineChatTurnsTimeStamped(t *testing.T) {
	checkRound5(t, []round5Case{
		{"time-stamped town name", "[19:20] Dewi: arisan di rumah ya / [19:22] Sari: siap bu", tPersonName, []string{"Dewi", "Sari"}},
	})
}

// TestNameSlots: a capitalised name no list knows after a verb of
// contact ("tell", "ask", "ping", "cc"), or joined by a conjunction of
// several languages to a listed given name; @mentions of a listed given
// name in lower case in chats. Tools and products after the same verbs,
// sign-offs, brands, and the places of an address are not people.
func TestNameSlots(t *testing.T) {
	checkRound5(t, []round5Case{
		// verbs of contact
		{"en tell unknown name", "yes thanks!! tell Kieran the jumper fits", tPersonName, []string{"Kieran"}},
		{"en cc unknown name", "please cc Aroha on the reply", tPersonName, []string{"Aroha"}},
		{"en ping unknown name", "can you ping Tayo about the invoice", tPersonName, []string{"Tayo"}},
		{"en ask a tool", "ask Grok to summarise the thread", tPersonName, nil},
		{"en tell a tool", "tell Kubernetes to restart the pod", tPersonName, nil},
		{"en ping a tool", "ping Datadog support about the outage", tPersonName, nil},
		{"en text a keyword", "text STOP to 60060 to opt out", tPersonName, nil},
		{"en ask a month", "ask March for the figures", tPersonName, nil},
		// joined to a given name
		{"en and, unknown first", "My movers are Ionuț and Florin and they speak little English", tPersonName, []string{"Ionuț", "Florin"}},
		{"en and, town first", "Euan and Kirsty Fairbairn are coming", tPersonName, []string{"Euan", "Kirsty Fairbairn"}},
		{"fr et", "pour demain, Nolwenn et Inès ramènent les jus", tPersonName, []string{"Nolwenn", "Inès"}},
		{"es y (a particle too)", "mañana vienen Yeison y Camila a las ocho", tPersonName, []string{"Yeison y Camila"}},
		{"de und", "morgen kommen Jannik und Svenja vorbei", tPersonName, []string{"Jannik", "Svenja"}},
		{"en frameworks", "we use Python and Django for the backend", tPersonName, nil},
		{"en bookmakers", "William Hill, Ladbrokes and Paddy Power are blocked on the network.", tPersonName, nil},
		// (Watson, a frequent surname, is not raised by its neighbour)
		{"en surnames of fiction", "a story with Holmes and Watson arguing", tPersonName, []string{"Holmes"}},
		{"fr sign-off", "Merci pour tout. Cordialement, Élodie Garnier", tPersonName, []string{"Élodie Garnier"}},
		{"sw address places", "anakaa Kariakoo, Dar es Salaam", tPersonName, nil},
		{"en product and given name", "Anna and Kubernetes", tPersonName, []string{"Anna"}},
		// @mentions in chats
		{"en lower-case mention", "per my last message @kat the form is at the link. @Rowan fyi", tPersonName, []string{"kat", "Rowan"}},
		{"en here mention", "@here the build is green again", tPersonName, nil},
		{"en channel mention", "lol @channel standup now", tPersonName, nil},
		{"en e-mail is no mention", "hey email kat@example.com about it", tPersonName, nil},
	})
}

// TestKoreanGivenNameEndings: a listed Korean given name before the
// endings of talk about a person (한테, 도, 이가, 씨, 예요, 입니다); the
// names that are also common words before the same endings are not
// taken.
func TestKoreanGivenNameEndings(t *testing.T) {
	checkRound5(t, []round5Case{
		{"too", "지민: 현우도 데려와~", tPersonName, []string{"지민", "현우"}},
		{"to, too", "수빈: 민재한테도 말해줘", tPersonName, []string{"수빈", "민재"}},
		{"casual i", "축의금은 서연이 계좌로 보내주세요", tPersonName, []string{"서연"}},
		{"to after a final consonant", "화이트리스트는 태윤한테 요청하세요", tPersonName, []string{"태윤"}},
		{"copula", "상담원 윤아입니다.", tPersonName, []string{"윤아"}},
		{"honorific after a space, copula", "안녕하세요 서준 씨, 유나예요", tPersonName, []string{"서준", "유나"}},
		{"one, not at all", "하나도 모르겠어요", tPersonName, nil},
		{"glass", "유리가 깨졌어요", tPersonName, nil},
		{"autumn", "가을이 왔어요", tPersonName, nil},
		{"erasing", "지우는 중이에요", tPersonName, nil},
		{"sky (dropped name)", "하늘이 맑다", tPersonName, nil},
		{"correction (dropped name)", "수정이 필요합니다", tPersonName, nil},
	})
}

// TestNameShapesAndCues: an initial and a listed surname ("J. Mensah",
// French "M. Lefebvre"), lower-case titles with a period in chats ("dr.
// Mihăilescu", "dott. Ferri"), capitalised @mentions, a name signing
// after a dash at the end of a message, sign-offs of other languages
// before a name, and a possessive before a brand ("Cassie's Netflix").
func TestNameShapesAndCues(t *testing.T) {
	checkRound5(t, []round5Case{
		{"en initial surname", "Picker: J. Mensah. The handheld is charged", tPersonName, []string{"J. Mensah"}},
		{"nl initial surname", "graag overmaken t.n.v. K. Bakker onder vermelding", tPersonName, []string{"K. Bakker"}},
		{"fr monsieur", "j'ai appelé le syndic, M. Lefebvre passe demain", tPersonName, []string{"Lefebvre"}},
		{"initial in an e-mail", "requests: J.Ferreira+news@gmail.com, remove it", tPersonName, nil},
		{"initial then a word", "see appendix B. Overview of the plan", tPersonName, nil},
		{"ro lower-case dr.", "programarea la dr. Mihăilescu este joi", tPersonName, []string{"Mihăilescu"}},
		{"it lower-case dott.", "Gentile dott. Bianchi, le confermo la visita", tPersonName, []string{"Bianchi"}},
		{"fr domain before a sentence", "sur www.agence-rhodania.fr. Rends cette annonce plus courte", tPersonName, nil},
		{"id capitalised mention", "Rizky: mantap / Rizky: @Fajar sini join", tPersonName, []string{"Rizky", "Rizky", "Fajar"}},
		{"mention of a bot", "ask @StreamElements for the uptime", tPersonName, nil},
		{"mention of everyone", "@Everyone the server is back", tPersonName, nil},
		{"dash signature", "the pram is still for sale, collect after 5 — Tomasz", tPersonName, []string{"Tomasz"}},
		{"dash then a place", "we finally met — Paris", tPersonName, nil},
		{"dash then a weekday", "we can talk later — Monday", tPersonName, nil},
		{"nl sign-off", "de huur graag overmaken. Groet, Jacqueline de Wit", tPersonName, []string{"Jacqueline de Wit"}},
		{"es sign-off", "mañana no va a ir. Saludos, Marisol", tPersonName, []string{"Marisol"}},
		{"possessive before a brand", "Whoever keeps using Cassie's Netflix password stop.", tPersonName, []string{"Cassie"}},
		{"eponym still", "the Megan's Law register", tPersonName, nil},
	})
}

// TestGivenNameAfterTo: a listed given name that is no place and no
// frequent surname is not taken for a place after "to" or "from"
// ("questions to Glenys"); surnames and places still are ("flew to
// Coles", "returned to Feliciano").
func TestGivenNameAfterTo(t *testing.T) {
	checkRound5(t, []round5Case{
		{"en questions to", "questions to Glenys on the membership desk", tPersonName, []string{"Glenys"}},
		{"en goes to", "anything urgent goes to Tayo or the desk", tPersonName, []string{"Tayo"}},
		{"en flew to a surname", "last year we flew to Coles for the summer", tPersonName, nil},
		{"en returned to a surname", "she returned to Feliciano after the war", tPersonName, nil},
	})
}

// TestLowerFullNames: in casual text, a lower-case listed given name and
// listed surname (no English or dictionary word, no big place) opening a
// message or after "is", "for", "from" (and es/de/fr equivalents).
func TestLowerFullNames(t *testing.T) {
	checkRound5(t, []round5Case{
		{"en quoted message start", `tidy this caption: "rosa martinez presenting hi everyone so as omar mentioned"`, tPersonName, []string{"rosa martinez", "omar"}},
		{"en after for", `tidy: "hi this message is for kevin doyle this is andrea from the office"`, tPersonName, []string{"kevin doyle", "andrea"}},
		{"es after para", "oye la reserva es para lucia fernandez a las 9", tPersonName, []string{"lucia fernandez"}},
		{"en dictionary given name", `"the list is for john smith ok"`, tPersonName, nil},
		{"tl function words after a number", "kuya pa-send naman ng number ni Marites\nJun: 0917 455 2841 yan yung globe niya", tPersonName, []string{"Marites"}},
		{"en a place pair", `"we drove from paris texas yesterday"`, tPersonName, nil},
		{"en words", `"is for gift cards only"`, tPersonName, nil},
	})
}

// TestUKAddressParts: UK addresses read back from the postcode across
// capitalised comma parts, starting at a unit, a house number and a name,
// or a street, estate or building; parts that are no such thing (a name
// and a job title) make no address.
func TestUKAddressParts(t *testing.T) {
	checkRound5(t, []round5Case{
		{"unit on an estate", "the lease on Unit 14, Kingsway Industrial Estate, Luton LU1 1LP is up", tStreetAddress, []string{"Unit 14, Kingsway Industrial Estate, Luton LU1 1LP"}},
		{"number and a name", "removal to 5 The Maltings, Bury St Edmunds IP33 1UZ.", tStreetAddress, []string{"5 The Maltings, Bury St Edmunds IP33 1UZ"}},
		{"room in a building", "pick-up Room 4.12, Bush House, 30 Aldwych, London WC2B 4BG at 9", tStreetAddress, []string{"Room 4.12, Bush House, 30 Aldwych, London WC2B 4BG"}},
		{"street without a number", "The venue is Hengrave Barn, Bury Road, Hengrave IP28 6LZ; parking is round the back", tStreetAddress, []string{"Bury Road, Hengrave IP28 6LZ"}},
		{"town with upon", "Viewing at Flat 12, Marlowe House, 8 Quayside, Newcastle upon Tyne NE1 3DX today", tStreetAddress, []string{"Flat 12, Marlowe House, 8 Quayside, Newcastle upon Tyne NE1 3DX"}},
		{"name and job title", "Contact: John Smith, Sales Manager, Leeds LS1 4AP", tStreetAddress, nil},
		{"town and postcode only", "Our office is in Manchester M1 1AE", tStreetAddress, nil},
		{"counts before a town", "Tickets 2, Adults 3, Leeds LS1 4AP", tStreetAddress, nil},
	})
}

// TestNumberLabelStreets: a street type before the name and a number
// label between the name and the number (Romanian "Str. … nr.",
// Indonesian "Gg. … No.", Swahili "Mtaa wa … Na.").
func TestNumberLabelStreets(t *testing.T) {
	checkRound5(t, []round5Case{
		{"ro strada nr", "petrecerea e la Str. Florilor nr. 12, bl. A3, Cluj-Napoca", tStreetAddress, []string{"Str. Florilor nr. 12"}},
		{"ro bulevard nr", "lăsați coletul la Bd. Unirii nr. 57, bl. E4", tStreetAddress, []string{"Bd. Unirii nr. 57"}},
		{"id gang no", "rumah cat hijau Gg. Mawar II No. 8 ya", tStreetAddress, []string{"Gg. Mawar II No. 8"}},
		{"sw mtaa na", "anakaa Mtaa wa Uhuru Na. 23, Kariakoo, Dar es Salaam", tStreetAddress, []string{"Mtaa wa Uhuru Na. 23"}},
		{"a song number", "the Gang No. 1 song is on", tStreetAddress, nil},
		{"a label alone", "Str. No. 5", tStreetAddress, nil},
	})
}

// TestPersonMarkers: words that mark a person's name in some languages:
// the Vietnamese vocative "ơi" after the name, the Tagalog articles of
// personal names (si, ni, kay), and "family" before a surname in German,
// French, Spanish, Portuguese and Italian.
func TestPersonMarkers(t *testing.T) {
	checkRound5(t, []round5Case{
		{"vi vocative", "Khoa ơi camera ở nhà bà nội", tPersonName, []string{"Khoa"}},
		{"vi exclamation", "Trời ơi nóng quá", tPersonName, nil},
		{"vi kin vocative", "Mẹ ơi con về rồi", tPersonName, nil},
		{"tl si", "sabihan niyo rin si Marvin bukas", tPersonName, []string{"Marvin"}},
		{"tl ni", "pa-send naman ng number ni Marites", tPersonName, []string{"Marites"}},
		{"fr si before a city", "si Paris est loin, on prend le train", tPersonName, nil},
		{"de Familie", "bitte bei Familie Özdemir klingeln", tPersonName, []string{"Özdemir"}},
		{"es familia", "la familia Pérez vive aquí", tPersonName, []string{"Pérez"}},
	})
}

// TestJapaneseFamiliarNames: a kana name, or a Han name of one or two
// characters, alone before くん, ちゃん (and a kana name before さん);
// kin words, "everyone" and "baby" before the same endings are not names.
func TestJapaneseFamiliarNames(t *testing.T) {
	checkRound5(t, []round5Case{
		{"kana with spaces", "もしもし ゆうこ ちゃん たなか です あしたの 件 だけど けんじ さん にも 伝えて", tPersonName, []string{"ゆうこ", "けんじ"}},
		{"kana kun", "ひかり: そうたくん入れて", tPersonName, []string{"そうた"}},
		{"han kun after a label", "美咲：翔くんにも言っておいて", tPersonName, []string{"翔"}},
		{"katakana san", "マリアさんに聞いて", tPersonName, []string{"マリア"}},
		{"grandma", "おばあちゃんの家に行く", tPersonName, nil},
		{"baby", "赤ちゃんが泣いている", tPersonName, nil},
		{"everyone", "みなさん、こんにちは", tPersonName, nil},
		{"big sister", "お姉ちゃんが来た", tPersonName, nil},
		{"mum volleyball", "ママさんバレーの日", tPersonName, nil},
	})
}

// TestScriptPrepositionNames: a listed given name after the prepositions
// of talk about someone in Arabic, Persian, Hebrew and Russian (with, to,
// for, of, number of) or before the Hindi postpositions; an unlisted word
// in the same place is not taken.
func TestScriptPrepositionNames(t *testing.T) {
	checkRound5(t, []round5Case{
		{"ar with", "احكوا مع سامر يجيب الشموع", tPersonName, []string{"سامر"}},
		{"ar number of", "أرسل لي رقم خالد لو سمحت", tPersonName, []string{"خالد"}},
		{"fa to", "به فرهاد بگو شماره جدیدم", tPersonName, []string{"فرهاد"}},
		{"he of", "מי מביא עוגה ליום הולדת של אביגיל?", tPersonName, []string{"אביגיל"}},
		{"hi postposition", "सब लोग संडे को राहुल के घर आ रहे हो ना", tPersonName, []string{"राहुल"}},
		{"ar number of the phone", "رقم الهاتف 050 418 2736", tPersonName, nil},
		{"fa to the house", "به خانه رفتم", tPersonName, nil},
		{"he of the house", "המפתח של הבית אצלי", tPersonName, nil},
	})
}

// TestChineseFamiliarNames: 老 or 小 and a common family name as a word
// of its own; words made with them, and Japanese words, are not names.
func TestChineseFamiliarNames(t *testing.T) {
	checkRound5(t, []round5Case{
		{"lao surname at the end", "快递放在楼下了 你找一下老王」", tPersonName, []string{"老王"}},
		{"xiao surname then speech", "小李说明天开会", tPersonName, []string{"小李"}},
		{"lao surname then comma", "老刘，你好", tPersonName, []string{"老刘"}},
		{"teacher", "老师说的对", tPersonName, nil},
		{"childhood", "小时候我们住在这里", tPersonName, nil},
		{"pony", "小马过河的故事", tPersonName, nil},
		{"ja slightly high", "小高い丘の上", tPersonName, nil},
	})
}

// TestBlockLot: a Philippine subdivision address, block and lot.
func TestBlockLot(t *testing.T) {
	checkRound5(t, []round5Case{
		{"tl blk lot", "mga anak, sa Blk 5 Lot 12, Camella Homes, Bacoor, Cavite tayo sa Linggo ha", tStreetAddress, []string{"Blk 5 Lot 12"}},
		{"en block lot", "send it to Block 7, Lot 22, Phase 2, Cainta", tStreetAddress, []string{"Block 7, Lot 22"}},
		{"a block of flats", "the Block 5 lot was sold last year", tStreetAddress, nil},
		{"a lot", "Block 5 has a lot of noise", tStreetAddress, nil},
	})
}

// TestHindiAddressesMore: a PIN code with words after it in its part,
// and, without a PIN, a marked first part and two more parts that end
// the line, one of them marked too.
func TestHindiAddressesMore(t *testing.T) {
	checkRound5(t, []round5Case{
		{"no PIN, line end", "पिंकी: सब लोग संडे को आ रहे हो ना? फ़्लैट 302, साई अपार्टमेंट, सेक्टर 14, गुरुग्राम\nनेहा: हाँ", tStreetAddress, []string{"फ़्लैट 302, साई अपार्टमेंट, सेक्टर 14, गुरुग्राम"}},
		{"PIN then a full stop", "घर दे देना, मकान नं. 214, सेक्टर 15, फरीदाबाद, हरियाणा 121007. कॉल करें 98110 47263।", tStreetAddress, []string{"मकान नं. 214, सेक्टर 15, फरीदाबाद, हरियाणा 121007"}},
		{"PIN then words", "आपका ऑर्डर फ्लैट 12, सेक्टर 15, नोएडा 201301 पर गुरुवार को पहुँचेगा। संपर्क", tStreetAddress, []string{"फ्लैट 12, सेक्टर 15, नोएडा 201301"}},
		{"a lane, unmarked parts", "गली 5, बहुत संकरी है, मत जाना\n", tStreetAddress, nil},
		{"a population", "सेक्टर 15 की आबादी 120000 है", tStreetAddress, nil},
	})
}

// TestThaiNicknames: a short nickname after พี่ or น้อง, alone or before
// a particle; brother, sister and other words after them are not names.
func TestThaiNicknames(t *testing.T) {
	checkRound5(t, []round5Case{
		{"before a particle", "พี่บอยขอเบอร์ช่างแอร์หน่อย", tPersonName, []string{"บอย"}},
		{"at the end", "ชื่อพี่เอก", tPersonName, []string{"เอก"}},
		{"before a space", "น้องบีม ส่งใบเสนอราคาให้ลูกค้า", tPersonName, []string{"บีม"}},
		{"older brother", "พี่ชายของฉันไปทำงาน", tPersonName, nil},
		{"younger sister", "น้องสาวมาแล้ว", tPersonName, nil},
		{"everyone", "พี่ๆ ทุกคน", tPersonName, nil},
		{"will go", "พี่จะไปไหน", tPersonName, nil},
	})
}

// TestHonorificNames: a name with a Japanese, Korean or Hindi honorific
// joined by a hyphen, or with the Hindi "ji" after it.
func TestHonorificNames(t *testing.T) {
	checkRound5(t, []round5Case{
		{"ja san", "Meeting notes: Tanaka-san will send the revised quote by Friday.", tPersonName, []string{"Tanaka-san"}},
		{"ko nim", "Kim-nim said yes to the plan", tPersonName, []string{"Kim-nim"}},
		{"hi ji", "Verma ji ka address: H.No. 45", tPersonName, []string{"Verma"}},
		{"label keeps its trim", "[09:14] Yamamoto-san: I will join from Osaka", tPersonName, []string{"Yamamoto"}},
		{"a word then ji", "Thank ji for nothing", tPersonName, nil},
		{"no honorific", "the high-end team", tPersonName, nil},
	})
}

// TestNotNamesRound5: payment labels (IBAN, BIC) and sentence-opening
// words of Vietnamese and Malay ("Xin chào", "Sila") are no names;
// names beside them still are.
func TestNotNamesRound5(t *testing.T) {
	checkRound5(t, []round5Case{
		{"iban label", "IBAN: IT25 X054 2811 1010 0000 0418 772 intestato a Marco Esposito", tPersonName, []string{"Marco Esposito"}},
		{"iban after a name", "Payment to Lucas Bernard, IBAN FR76 3000 6000 0112", tPersonName, []string{"Lucas Bernard"}},
		{"vi greeting", "Xin chào! Vinamilk khuyến mãi mua 2 tặng 1", tPersonName, nil},
		{"ms please", "Sila hubungi kami di pejabat", tPersonName, nil},
		{"a singer stays as before", "Taylor Swift tickets are sold out", tPersonName, nil},
	})
}

// TestTownAfterPostcodes: the town after a Portuguese or Polish postcode
// (NNNN-NNN, NN-NNN) or a postcode in two groups (602 00, 114 55) is no
// person; a name after a plain count still is.
func TestTownAfterPostcodes(t *testing.T) {
	checkRound5(t, []round5Case{
		{"pt postcode", "a casa na Travessa do Carvalho 9, 1.º, 1200-089 Lisboa, pago a renda", tPersonName, nil},
		{"pl postcode", "wysyłka na adres 00-514 Warszawa, proszę", tPersonName, nil},
		{"se postcode", "skicka till Box 7, 114 55 Stockholm i dag", tPersonName, nil},
		{"a name after a count", "we have 3 cats and 12 dogs, Maria said", tPersonName, []string{"Maria"}},
	})
}

// TestOpeningMarks: ¿, ¡, « and „ open a sentence, so the words after
// them are read as sentence starts ("¿Está bien…", "« Si absent…").
func TestOpeningMarks(t *testing.T) {
	checkRound5(t, []round5Case{
		{"es question", "¿Está bien este IBAN para la fianza?", tPersonName, nil},
		{"fr guillemet", "« Si absent, laisser le colis chez la voisine »", tPersonName, nil},
		{"es name after ¿", "¿Juan viene mañana?", tPersonName, []string{"Juan"}},
		{"fr name after «", "« Marie Curie a dit »", tPersonName, []string{"Marie Curie"}},
	})
}

// TestVicoAndLabelLines: Italian "Vico" opens a street; an address tail
// does not take in the next line when a colon labels it.
func TestVicoAndLabelLines(t *testing.T) {
	checkRound5(t, []round5Case{
		{"it vico", "Gennaro: quale bar?? io sto al Vico Lungo Teatro Nuovo 31\nCiro: quello all'angolo", tStreetAddress, []string{"Vico Lungo Teatro Nuovo 31"}},
		{"the label after it", "Gennaro: quale bar?? io sto al Vico Lungo Teatro Nuovo 31\nCiro: quello all'angolo\nGennaro: ok", tPersonName, []string{"Gennaro", "Ciro", "Gennaro"}},
		{"a city on the next line still", "Hauptstraße 5\nBerlin", tStreetAddress, []string{"Hauptstraße 5\nBerlin"}},
	})
}

// TestRound5PassesWithoutAllocations: the rules of this round allocate
// nothing per scan (inline chat turns, mentions, lower-case full names,
// UK address parts, script addresses and names, honorifics).
func TestRound5PassesWithoutAllocations(t *testing.T) {
	d := New(Options{})
	text := "soph: 7 at Nando's? / ayesha: 7:30 pls | soph: ok, @kat the form / liv: yes\n" +
		"\"rosa martinez presenting\" tell Kieran, ping Tayo; Ionuț and Florin; J. Mensah — Tomasz\n" +
		"the lease on Unit 14, Kingsway Industrial Estate, Luton LU1 1LP; Str. Florilor nr. 12; Blk 5 Lot 12, Bacoor\n" +
		"上海市徐汇区漕溪北路 88 弄 6 号 1203 室 老王 ゆうこ ちゃん 서울 강남구 테헤란로 152 현우도 서연이\n" +
		"مبنى 2281، حي السلي، الرياض مع سامر; फ़्लैट 302, साई अपार्टमेंट, सेक्टर 14, गुरुग्राम\n" +
		"พี่บอยขอเบอร์ Khoa ơi si Marvin Tanaka-san Verma ji 1200-384 Lisboa ¿Está bien?"
	var r analysis.Report
	field := &analysis.Field{Path: "p", Source: "user", Text: text}
	d.Scan(context.Background(), field, &r) // warm the pools
	if len(r.Findings) < 20 {
		t.Fatalf("%d findings; the passes did not run", len(r.Findings))
	}
	if raceEnabled {
		return
	}
	if n := testing.AllocsPerRun(20, func() {
		r.Findings = r.Findings[:0]
		d.Scan(context.Background(), field, &r)
	}); n != 0 {
		t.Errorf("%v allocations per scan, want 0", n)
	}
}

// TestLongInlineChatIsLinear: a chat of thousands of turns on one line is
// read in one pass (the turns are found without searching the rest of
// the line once per turn).
func TestLongInlineChatIsLinear(t *testing.T) {
	text := strings.Repeat("maya: ok see you / omar: np | ", 4000)
	d := New(Options{})
	var r analysis.Report
	d.Scan(context.Background(), &analysis.Field{Path: "p", Source: "user", Text: text}, &r)
	if len(r.Findings) == 0 {
		t.Fatal("no speaker found")
	}
}

// TestIntroductionsOfOtherLanguages: self-introductions and call-centre
// openings of Spanish, Portuguese, Italian, German and French ("le habla
// Yeison", "soy Ana", "é a Jussara", "mi chiamo Giulia"), and a name
// before its own e-mail address in brackets; an article before a brand
// or a country is still no person.
func TestIntroductionsOfOtherLanguages(t *testing.T) {
	checkRound5(t, []round5Case{
		{"es le habla", "Bienvenido a Claro, le habla Yeison, ¿con quién tengo el gusto?", tPersonName, []string{"Yeison"}},
		{"es soy", "Hola, soy Ana y te escribo", tPersonName, []string{"Ana"}},
		{"pt é a", "oi, aqui é a Jussara, a vizinha do 42", tPersonName, []string{"Jussara"}},
		{"name before its e-mail", "las dudas a Irene (irene.sotomayor@gmail.com) por favor", tPersonName, []string{"Irene"}},
		{"en name before its e-mail", "goes to Tayo (tayo.bakare@crestlinehq.com) or ring the desk", tPersonName, []string{"Tayo"}},
		{"pt a brand", "o site é a Amazon, não a loja", tPersonName, nil},
		{"en article and a hotel", "the Marriott was full", tPersonName, nil},
		{"a brand before its site", "the Python (python.org) docs", tPersonName, nil},
	})
}

// TestDoubleGivenNameLabels: a double given name ("Kerry-Ann") labels a
// line once in a conversation, as a listed given name does; form fields
// with hyphens do not.
func TestDoubleGivenNameLabels(t *testing.T) {
	checkRound5(t, []round5Case{
		{"double given name", "who volunteered?\nKerry-Ann: I can do the cake stall\nPaul: I'll do the raffle", tPersonName, []string{"Kerry-Ann", "Paul"}},
		{"form fields", "Notes\nTo-do: buy milk\nFollow-up: call the bank", tPersonName, nil},
	})
}

// TestPersianAddresses: a Persian street (خیابان), alleys or districts
// after it, then a plate number (پلاک) and the city.
func TestPersianAddresses(t *testing.T) {
	checkRound5(t, []round5Case{
		{"fa street alley plate", "آدرس مطب: خیابان ولیعصر، کوچه توحید، پلاک ۲۴، تهران", tStreetAddress, []string{"خیابان ولیعصر، کوچه توحید، پلاک ۲۴، تهران"}},
		{"ar district street unit", "حي الروضة، شارع التحلية، مبنى 5، جدة", tStreetAddress, []string{"شارع التحلية، مبنى 5، جدة"}},
		{"fa busy street", "خیابان ولیعصر شلوغ است، کوچه ها هم", tStreetAddress, nil},
	})
}

// TestRoleLabelsOfOtherScripts: roles and kin that label chat lines in
// Persian, Hindi, Bengali, Japanese, Chinese, Greek, Russian, Vietnamese
// and Yoruba are no names; a kin label that recurs still makes a family
// chat, where a speaker who speaks once is a person.
func TestRoleLabelsOfOtherScripts(t *testing.T) {
	checkRound5(t, []round5Case{
		{"fa clinic call", "منشی: مطب دکتر، بفرمایید\nبیمار: سلام، نوبت دارم\nمنشی: شماره تماس؟", tPersonName, nil},
		{"hi agent", "एजेंट: नमस्ते, कैसे मदद करूँ\nग्राहक: मेरा कार्ड बंद है\nएजेंट: ठीक है", tPersonName, nil},
		{"ja operator", "オペレーター：お電話ありがとうございます\nお客様：ネットがつながりません\nオペレーター：確認します", tPersonName, nil},
		{"zh aunt", "大姨：周六谁去接外婆？\n大姨：我下午有事", tPersonName, nil},
		{"vi family chat", "Mẹ: Chủ nhật ai đón bà nội?\nTuấn: con đi được\nMẹ: ok con", tPersonName, []string{"Tuấn"}},
	})
}

// TestPetNames: a name right after a word for a pet names the pet, in
// several languages; after a word for a person it is still a person.
func TestPetNames(t *testing.T) {
	checkRound5(t, []round5Case{
		{"en dog and cat", "My dog Max and our cat Luna hate each other.", tPersonName, nil},
		{"nl dog", "We gaan met de hond Roos naar het park", tPersonName, nil},
		{"fr cat", "notre chat Félix dort sur le canapé", tPersonName, nil},
		{"en friend", "my friend Max came over", tPersonName, []string{"Max"}},
	})
}

// TestCasualCuesRound5: a tag in brackets at a line start does not make
// a transcript formal; "yeah", "ouais", "oui", "gg" open a vocative; a
// frequent given name that is also a word opens a message before an
// auxiliary and "you".
func TestCasualCuesRound5(t *testing.T) {
	checkRound5(t, []round5Case{
		{"tagged transcript", "[ASR] hi its carla from the parish office could you ring me back", tPersonName, []string{"carla"}},
		{"aux and you", "tom can you grab milk on the way back, we are out", tPersonName, []string{"tom"}},
		{"fr ouais", "transcription vocal : ouais kevin c est moi rappelle-moi", tPersonName, []string{"kevin"}},
		{"gg", "gg nico and Mads", tPersonName, []string{"nico", "Mads"}},
		{"a verb before you", "grant you access to the drive ok", tPersonName, nil},
		{"yeah and a word", "yeah sure thing see you", tPersonName, nil},
	})
}

// TestSoleOpeningLabelAndPossessions: the only label of a text, opening
// it, when it is a listed given name and no word; a possessive before an
// acronym ("Chidi's UK number", "Ben's DMs") is a person's.
func TestSoleOpeningLabelAndPossessions(t *testing.T) {
	checkRound5(t, []round5Case{
		{"lower-case sender", "hugo: yeah I'll do it, everyone send me your address by sunday", tPersonName, []string{"hugo"}},
		{"a field", "Note: the office is closed", tPersonName, nil},
		{"a word that is a name", "Chase: the bank called about the card", tPersonName, nil},
		{"possessive before an acronym", "pls who has Chidi's UK number?", tPersonName, []string{"Chidi"}},
		{"possessive before plural acronym", "appeals go to the mods, not to Ben's DMs pls", tPersonName, []string{"Ben"}},
		{"eponym still", "the Megan's Law register", tPersonName, nil},
	})
}

// TestForeignPersonVerbs: a name no list knows, mid-sentence, before a
// verb people do in Spanish, Portuguese, French, Italian, German or
// Dutch; not after an article, nor at a sentence start.
func TestForeignPersonVerbs(t *testing.T) {
	checkRound5(t, []round5Case{
		{"es pidió", "sí, y Facu pidió que el pago vaya a la cuenta nueva", tPersonName, []string{"Facu"}},
		{"pt achou", "O motorista Cleberson achou minha mochila", tPersonName, []string{"Cleberson"}},
		{"es institution after an article", "la Policía viene mañana", tPersonName, nil},
		{"es adverb at a sentence start", "Ayer dijo que sí", tPersonName, nil},
	})
}

// TestVietnameseStreetsMore: a Vietnamese street with its district right
// after it (no comma), or followed by two capitalised parts (district,
// city) with no ward word; English lists after a number are no address.
func TestVietnameseStreetsMore(t *testing.T) {
	checkRound5(t, []round5Case{
		{"alley and two parts", "mai họp lớp ở nhà Tuấn nha, số 27 ngõ 84 Trần Quang Diệu, Đống Đa, Hà Nội / ok", tStreetAddress, []string{"số 27 ngõ 84 Trần Quang Diệu, Đống Đa, Hà Nội"}},
		{"district after the street", "tối nay qua 45 Nguyễn Thị Minh Khai quận 1 uống cà phê không", tStreetAddress, []string{"45 Nguyễn Thị Minh Khai quận 1"}},
		{"en names after a number", "I have 3 Anna Maria, Bob, Carl", tStreetAddress, nil},
		{"en films after a number", "we saw 12 Angry Men, Jaws, Alien", tStreetAddress, nil},
	})
}

// TestGreekStreetAndCity: a Greek street named in the genitive, its
// number and one of the largest cities, without a postcode; a name, a
// weekday or an event with a number before a city is no address.
func TestGreekStreetAndCity(t *testing.T) {
	checkRound5(t, []round5Case{
		{"saint's street", "το πάρτι είναι στο Αγίας Σοφίας 22, Θεσσαλονίκη στις 9", tStreetAddress, []string{"Αγίας Σοφίας 22, Θεσσαλονίκη"}},
		{"saint's street 2", "η γιαγιά μένει Αγίου Δημητρίου 45, Θεσσαλονίκη", tStreetAddress, []string{"Αγίου Δημητρίου 45, Θεσσαλονίκη"}},
		{"a name and an age", "Ο Παύλος 22, Αθήνα είναι η πόλη του", tStreetAddress, nil},
		{"a weekday", "Τρίτη 14, Αθήνα", tStreetAddress, nil},
	})
}

// TestNumberFirstStreets: West African "No. 15, Adeniran Ogunsanya
// Street, Surulere, Lagos": a number label and number, a comma, a street
// with its type and more parts; a track or an invoice number is not.
func TestNumberFirstStreets(t *testing.T) {
	checkRound5(t, []round5Case{
		{"ng", "àdírẹ́sì tuntun ni No. 15, Adeniran Ogunsanya Street, Surulere, Lagos", tStreetAddress, []string{"No. 15, Adeniran Ogunsanya Street, Surulere"}},
		{"gh", "No. 7, Kofi Annan Road, Accra", tStreetAddress, []string{"No. 7, Kofi Annan Road, Accra"}},
		{"a studio", "Track No. 5, Abbey Road Studios", tStreetAddress, nil},
		{"an invoice", "Invoice No. 15, Sales Team", tStreetAddress, nil},
	})
}

// TestRelationAfterName: what people write after a person's name —
// "(me)", "(my sister)", "and I", ", my neighbour,", "is my brother" —
// and "me and" before one; a place with an apposition that is no
// relation, or a tool "and I", is not raised.
func TestRelationAfterName(t *testing.T) {
	checkRound5(t, []round5Case{
		{"me in brackets", "Matt (me) asked for the visit", tPersonName, []string{"Matt"}},
		{"and I", "Thomas and I arrive on the last train", tPersonName, []string{"Thomas"}},
		{"apposition", "Rosa, my neighbour, has the key", tPersonName, []string{"Rosa"}},
		{"is my", "Kieran is my boss", tPersonName, []string{"Kieran"}},
		{"me and", "me and Saoirse went to the gig", tPersonName, []string{"Saoirse"}},
		{"a tool and I", "Python and I go way back", tPersonName, nil},
		{"a month and I", "March and I never got along", tPersonName, nil},
	})
}
