package names

import "testing"

// TestRosterLists: the items of a list of people headed by a roster word
// (rota, squad, Liste, список, قائمة, 名单 …) are names in lower case and
// in other scripts too; a list with two names already found adds its
// other capitalised items. Lists of things, places and days, lower-case
// words between names with no roster word, and prose commas are no
// rosters.
func TestRosterLists(t *testing.T) {
	checkRound5(t, []round5Case{
		{"en lower rota", "who's on the tea rota this month: bev, raj, elsie and kwabena. can you make a table", "PERSON", []string{"bev", "raj", "elsie", "kwabena"}},
		{"en day rota", "Food bank rota\nMon: margaret, femi\nTue: alan, sunita\nWed: CLOSED", "PERSON", []string{"margaret", "femi", "alan", "sunita"}},
		{"en two found", "Squad for Saturday: Amara Okeke, Leo Brandt, Kofi, Yusra, Mateo.", "PERSON", []string{"Amara Okeke", "Leo Brandt", "Kofi", "Yusra", "Mateo"}},
		{"nl suffix cue", "Oppasrooster JO10: daan, noor, fenna, youssef.", "PERSON", []string{"daan", "noor", "fenna", "youssef"}},
		{"ar list", "قائمة الفريق: يوسف، عمر، آدم، حمزة.", "PERSON", []string{"يوسف", "عمر", "آدم", "حمزة"}},
		{"zh list", "少年篮球队名单：张子轩、李雨桐、陈浩然、刘思琪。", "PERSON", []string{"张子轩", "李雨桐", "陈浩然", "刘思琪"}},
		// near misses
		{"things list", "Shopping list: apples, pears, milk and bread.", "PERSON", nil},
		{"places list", "Team trips: Paris, Berlin, Madrid and Rome.", "PERSON", nil},
		{"days list", "Rota days: Mon, Tue, Thu and Sat.", "PERSON", nil},
		{"no cue lower", "Ich, Katarzyna Nowak, habe gesehen, wie Herr Jan Kowalski rückwärts fuhr.", "PERSON", []string{"Katarzyna Nowak", "Jan Kowalski"}},
		{"prose commas", "Well, the team said that, on balance, we should wait.", "PERSON", nil},
		{"line list", "community fridge volunteers this week:\nmon - jade\ntue - kwame + sue w\nwed - nobody yet!!\nthu - ravi", "PERSON", []string{"jade", "kwame", "sue w", "ravi"}},
		{"ratings", "Chess club pairing. Players and ratings: Dmitri 1840, Hannah 1720, Lars 1600, Mei 1590.", "PERSON", []string{"Dmitri", "Hannah", "Lars", "Mei"}},
		{"sentence with a name", "Bhai, Priya ka number 98201 44567 hai, call her today.", "PERSON", []string{"Priya"}},
		{"line list of things", "packing list:\nmon - towels\ntue - snacks\nwed - nothing", "PERSON", nil},
		{"address list", "Envío: Av. Insurgentes Sur 1602, piso 4, Col. Roma Norte, Alcaldía Cuauhtémoc, 06700 Ciudad de México, CDMX, recibe Itzel Romero Lugo, tel. 55 4187 2203.", "PERSON", []string{"Itzel Romero Lugo"}},
		{"greeting item", "Text to the nursery: \"Hi, today Oliver will be picked up by Margaret Oyelowo, not me. Thanks, Funmi.\"", "PERSON", []string{"Oliver", "Margaret Oyelowo", "Funmi"}},
		{"preposition at", "Make a tidy RSVP list for the party at Summerhall, 1 Summerhall, Edinburgh EH9 1PL: Morag Lindsay, Kirsty Fairbairn, Niamh O'Rourke.", "PERSON", []string{"Morag Lindsay", "Kirsty Fairbairn", "Niamh O'Rourke"}},
	})
}

// TestWorldNames19: frequent names of Southern and East Africa, Tibet,
// the Andes, Aotearoa, Israel and Punjab are names beside a title or
// another name; the words they are not stay words.
func TestWorldNames19(t *testing.T) {
	checkRound5(t, []round5Case{
		{"shona surname town", "Dr Naledi Moyo will act as chair until the AGM.", "PERSON", []string{"Naledi Moyo"}},
		{"tibetan", "Reference: Tenzin Dorje, monthly gift.", "PERSON", []string{"Tenzin Dorje"}},
		{"quechua", "Present at the meeting: Amaru Mamani.", "PERSON", []string{"Amaru Mamani"}},
		{"hebrew", "The rota has Noa Friedman on the car park.", "PERSON", []string{"Noa Friedman"}},
		// near misses
		{"word stays", "The lama and the llama walked up the hill.", "PERSON", nil},
		{"language", "She speaks Zulu and Xhosa at home.", "PERSON", nil},
	})
}

// TestOrgWordsAbroad: an organisation word in another language (Stichting,
// Sigorta, Seguros, Caritas, Homes) makes the capitalised words beside it
// a firm or a charity, not a person; a person beside one stays a person.
func TestOrgWordsAbroad(t *testing.T) {
	checkRound5(t, []round5Case{
		{"nl stichting", "Collecte voor de moskee t.n.v. Stichting Al-Fath, bedankt.", "PERSON", nil},
		{"tr sigorta", "Kaza tutanağı: karşı taraf Anadolu Sigorta ile sigortalı.", "PERSON", nil},
		{"ph homes", "The roof leaks at our unit in Camella Homes, Bacoor.", "PERSON", nil},
		{"person stays", "Witness Serkan Aksoy called Anadolu Sigorta on Monday.", "PERSON", []string{"Serkan Aksoy"}},
	})
}

// TestBrandsAndHolidays: ride-hailing, insurers, letting portals, banks
// and car models are things, and a holiday of two words (Yom Kippur,
// Rosh Hashanah) no person; a person beside them stays one.
func TestBrandsAndHolidays(t *testing.T) {
	checkRound5(t, []round5Case{
		{"uber driver", "The other guy says he drives for Uber and his insurer is Aviva.", "PERSON", nil},
		{"car model", "The silver Corsa pulled out and hit the blue Golf.", "PERSON", nil},
		{"holiday", "Security rota for Yom Kippur and Rosh Hashanah at the synagogue.", "PERSON", nil},
		{"person stays", "Yom Kippur rota: David Levy at the front door, call Miriam Cohen.", "PERSON", []string{"David Levy", "Miriam Cohen"}},
	})
}

// TestNumberGoesOn: a number that goes on in groups after a word is a
// card or a phone number, not a street-first house number; a postcode
// after the house number still ends an address.
func TestNumberGoesOn(t *testing.T) {
	checkRound5(t, []round5Case{
		{"card brand", "It is billed to the company Mastercard 2223 0040 1234 5673. Is that safe?", "STREET_ADDRESS", nil},
		{"it phone", "Richiamarlo al 338 412 7795. Puoi scrivere la risposta?", "STREET_ADDRESS", nil},
		{"es phone", "Si hay algún problema llama a Javier Ortega al 612 448 903.", "STREET_ADDRESS", nil},
		{"es street postcode", "Envíalo a Calle Mayor 45, 46001 Valencia, gracias.", "STREET_ADDRESS", []string{"Calle Mayor 45, 46001 Valencia"}},
		{"de street", "Die Wohnung ist in der Kaiserstraße 112, 60329 Frankfurt am Main.", "STREET_ADDRESS", []string{"Kaiserstraße 112, 60329 Frankfurt am Main"}},
	})
}

// TestCJKRolesRound7: more role nouns and labels before a Chinese name
// (目击者, 邀请人, 教练：) and church titles or a verb after it (姊妹,
// 驾驶); a common word after a role stays a word.
func TestCJKRolesRound7(t *testing.T) {
	checkRound5(t, []round5Case{
		{"zh witness", "对方司机黄志明驾驶白色大众。目击者林小红。", "PERSON", []string{"黄志明", "林小红"}},
		{"zh coach label", "少年篮球队。教练：赵磊。", "PERSON", []string{"赵磊"}},
		{"zh church", "本周六由郑美玲姊妹带领查经。", "PERSON", []string{"郑美玲"}},
		{"zh inviter", "邀请人周晓峰，出生日期见附件。", "PERSON", []string{"周晓峰"}},
		{"zh word after role", "目击者马上报警了。", "PERSON", nil},
	})
}

// TestArabicRoles: a role noun (the coach, the witness, the driver)
// before a listed Arabic given name marks it; the role before a word that
// is no given name marks nothing.
func TestArabicRoles(t *testing.T) {
	checkRound5(t, []round5Case{
		{"ar coach", "المدرب سامي سيحضر التدريب غدا.", "PERSON", []string{"سامي"}},
		{"ar witness", "حادث سيارة: الشاهد ريم، رقمها مع الشرطة.", "PERSON", []string{"ريم"}},
		{"ar role no name", "المدرب الجديد سيحضر التدريب غدا.", "PERSON", nil},
	})
}

// TestChatCuesRound7: in casual text a listed given name in lower case
// after a housemate, neighbour or partner word, or after msg/dm/whatsapp,
// is a name; a word after them is not.
func TestChatCuesRound7(t *testing.T) {
	checkRound5(t, []round5Case{
		{"housemate", "hey so my housemate tunde moved out and left his stuff. how long do i keep it?", "PERSON", []string{"tunde"}},
		{"msg", "training cancelled tonight bc pitch flooded. any q's msg priya on the group", "PERSON", []string{"priya"}},
		{"housemate word", "hey so my housemate situation is bad. how long do i keep his stuff?", "PERSON", nil},
	})
}
