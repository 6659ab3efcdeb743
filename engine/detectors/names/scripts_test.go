package names

import (
	"fmt"
	"sort"
	"testing"
)

// Names and addresses in Chinese, Japanese and Korean text, and the
// marked address layouts of Russian, Ukrainian, Turkish, Indonesian and
// Vietnamese (scripts.go). Written for the general5 development set.
func TestScripts(t *testing.T) {
	d := New(Options{})
	tests := []struct {
		name string
		text string
		want []found // sorted by type and text
	}{
		{"zh label", "收件人：刘强\n电话：见订单", []found{{"PERSON", "刘强"}}},
		{"zh honorific", "赵文博先生您好，您的预约已确认。", []found{{"PERSON", "赵文博"}}},
		{"zh surname and honorific", "尊敬的周女士：您的订单已发货。", []found{{"PERSON", "周"}}},
		{"zh verb after", "会议纪要：马超负责测试，下周提交。", []found{{"PERSON", "马超"}}},
		{"zh compound surname", "联系人：司马光明，座机见官网", []found{{"PERSON", "司马光明"}}},
		{"zh address", "请寄到上海市浦东新区世纪大道100号环球金融中心20楼，谢谢", []found{{"STREET_ADDRESS", "上海市浦东新区世纪大道100号环球金融中心20楼"}}},
		{"ja honorific", "山田花子様\nご注文ありがとうございます。", []found{{"PERSON", "山田花子"}}},
		{"ja family and san", "木村さん、会議は明日です。", []found{{"PERSON", "木村"}}},
		{"ja address", "〒150-0002 東京都渋谷区渋谷2-21-1の受付へ", []found{{"STREET_ADDRESS", "〒150-0002 東京都渋谷区渋谷2-21-1"}}},
		{"ko name and title", "윤서준 님, 예약이 확정되었습니다.", []found{{"PERSON", "윤서준"}}},
		{"ko label", "받는 사람: 강하늘\n", []found{{"PERSON", "강하늘"}}},
		{"ko address", "주소: 부산광역시 해운대구 센텀중앙로 79, 12층\n", []found{{"STREET_ADDRESS", "부산광역시 해운대구 센텀중앙로 79, 12층"}}},
		{"ru address", "Адрес: ул. Пушкина, д. 10, кв. 5, г. Самара, 443001\n", []found{{"STREET_ADDRESS", "ул. Пушкина, д. 10, кв. 5, г. Самара, 443001"}}},
		{"tr address", "Adres: Bahçelievler Mah. Gazi Cad. No:27 D:3 06490 Çankaya/Ankara", []found{{"STREET_ADDRESS", "Bahçelievler Mah. Gazi Cad. No:27 D:3 06490 Çankaya/Ankara"}}},
		{"id address", "Kirim ke Jl. Diponegoro No. 12, Surabaya 60241.", []found{{"STREET_ADDRESS", "Jl. Diponegoro No. 12, Surabaya 60241"}}},
		{"vi address", "Giao tới Số 5 Đường Trần Phú, Phường 4, Quận 5, TP. Hồ Chí Minh", []found{{"STREET_ADDRESS", "Số 5 Đường Trần Phú, Phường 4, Quận 5, TP. Hồ Chí Minh"}}},
		{"ar given and family", "مرحبا، أنا يوسف خالد الحربي، رقم الطلب 55", []found{{"PERSON", "يوسف خالد الحربي"}}},
		{"ar title", "السيدة نادية سمير ستتصل بك", []found{{"PERSON", "نادية سمير"}}},
		{"hi given and family", "नमस्ते विकास गुप्ता जी, धन्यवाद", []found{{"PERSON", "विकास गुप्ता"}}},
		{"hi title", "डॉ. रमेश जोशी से मिलें", []found{{"PERSON", "रमेश जोशी"}}},
		// near misses
		{"ar given name alone", "محمد رسول الله", nil},
		{"ar common words", "يرجى التحويل إلى الحساب اليوم", nil},
		{"hi family word alone", "सिंह एक जानवर है", nil},
		{"zh surname in a word", "王国的历史很长，高速公路已经开通。", nil},
		{"zh no cue", "李子很好吃，张开嘴。", nil},
		{"ja no cue", "田中の天気は晴れです。", nil},
		{"ko word starting with a surname", "이메일 주소를 확인해 주세요.", nil},
		{"ko three syllables no cue", "김치찌개 맛있어요.", nil},
		{"zh city without number", "我下周去北京市出差。", nil},
		{"ru street without number", "Мы гуляли по ул. Тверская вечером.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := spans(t, d, tc.text)
			var keep []found
			for _, g := range got {
				if g.typ == "PERSON" || g.typ == "STREET_ADDRESS" {
					keep = append(keep, g)
				}
			}
			sort.Slice(keep, func(i, j int) bool { return fmt.Sprint(keep[i]) < fmt.Sprint(keep[j]) })
			if fmt.Sprint(keep) != fmt.Sprint(tc.want) {
				t.Errorf("%q\n got %v\nwant %v", tc.text, keep, tc.want)
			}
		})
	}
}

// Articles and pronouns of other languages start no name at a sentence
// start ("Ihr Termin", "Im Ernst"), and names after them are still found.
func TestForeignFunctionWords(t *testing.T) {
	d := New(Options{})
	for _, c := range []struct {
		text string
		want []found
	}{
		{"Sehr geehrte Frau Müller,\nIhr Termin ist am Montag.", []found{{"PERSON", "Müller"}}},
		{"Nous vous remercions de votre commande.", nil},
		{"Ihr Ansprechpartner ist Jonas Becker.", []found{{"PERSON", "Jonas Becker"}}},
		{"El cliente llamó ayer. El pedido llegó tarde.", nil},
		{"Ahmed El Amrani llamó ayer.", []found{{"PERSON", "Ahmed El Amrani"}}},
		{"Si hay algún problema, llama a la oficina.", nil},
		{"Ta med rapporten från september.", nil},
		{"Cuộc họp dời sang thứ Hai. Dịch sang tiếng Anh giúp tôi.", nil},
	} {
		checkPersons(t, d, c.text, c.want)
	}
}

// Weekdays and months of other languages are not names ("seit Montag",
// "Freitag"), and names next to them, or that share a month's letters
// in another language (Julio, Marco), are still found.
func TestForeignCalendarWords(t *testing.T) {
	d := New(Options{})
	for _, c := range []struct {
		text string
		want []found
	}{
		{"Die Rechnung ist seit Montag fällig.", nil},
		{"Freitag schließt die Bibliothek um 18 Uhr.", nil},
		{"Vendredi, réunion avec Claire Dubois.", []found{{"PERSON", "Claire Dubois"}}},
		{"Recibí el informe de Julio Romero el miércoles.", []found{{"PERSON", "Julio Romero"}}},
		{"Marco Rossi arriva giovedì a Milano.", []found{{"PERSON", "Marco Rossi"}}},
		{"Am Donnerstag ruft Anna Schmidt an.", []found{{"PERSON", "Anna Schmidt"}}},
		// the town after a postcode is no person; a year is no postcode
		{"Neue Adresse: Hietzinger Hauptstraße 22/4, 1130 Wien", nil},
		{"In 2019 Maria moved to Berlin.", []found{{"PERSON", "Maria"}}},
	} {
		checkPersons(t, d, c.text, c.want)
	}
}

// checkPersons compares the PERSON spans found in text with want.
func checkPersons(t *testing.T, d *Detector, text string, want []found) {
	t.Helper()
	var got []found
	for _, g := range spans(t, d, text) {
		if g.typ == "PERSON" {
			got = append(got, g)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%q\n got %v\nwant %v", text, got, want)
	}
}
