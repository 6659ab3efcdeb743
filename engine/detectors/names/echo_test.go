package names

import "testing"

// Speaker labels that recur, and names that come back.
func TestSpeakerLabelsAndEchoes(t *testing.T) {
	d := New(Options{})
	// lower-case speakers, and a mention of one of them
	checkPersons(t, d, "summarise this:\nkaro: did the parcel come?\nzuzia: yes today\nkaro: tell zuzia thanks",
		[]found{{"PERSON", "karo"}, {"PERSON", "zuzia"}, {"PERSON", "karo"}, {"PERSON", "zuzia"}})
	// with time stamps
	checkPersons(t, d, "[10:02] nadira: pushed?\n[10:03] tomek: yes\n[10:04] nadira: thx",
		[]found{{"PERSON", "nadira"}, {"PERSON", "tomek"}, {"PERSON", "nadira"}})
	// roles, kin and form fields are no people, however often they speak
	checkPersons(t, d, "agente: ¿su número?\ncliente: sí\nagente: gracias\ncliente: adiós", nil)
	checkPersons(t, d, "Mum: home?\nDad: yes\nMum: ok", nil)
	checkPersons(t, d, "Note: first\nNote: second", nil)
	// a speaker once is not enough
	checkPersons(t, d, "Result: fine\nnothing else", nil)
	// a full name, then the given name alone
	checkPersons(t, d, "Termin für Herrn Jonas Keller am Montag. Bitte erinnern Sie Jonas an die Unterlagen.",
		[]found{{"PERSON", "Jonas Keller"}, {"PERSON", "Jonas"}})
	// not a word of the dictionary, not inside an e-mail address
	checkPersons(t, d, "Mr Will Turner called. He will call again; write to will.turner@example.com",
		[]found{{"PERSON", "Will Turner"}})
}

// A lower-case given name after a word of kin or friendship.
func TestKinBeforeLowerCaseNames(t *testing.T) {
	d := New(Options{})
	checkPersons(t, d, "my daughter kayla is doing her forms", []found{{"PERSON", "kayla"}})
	checkPersons(t, d, "my brother said he will come", nil)
	checkPersons(t, d, "my friend will call", nil)
}

// Speaker labels that speak once: after a time stamp or an app name, a
// listed given name in a conversation of two lines, two-word labels and
// full-width colons; form fields stay out.
func TestSpeakerLabelsOnce(t *testing.T) {
	d := New(Options{})
	checkPersons(t, d, "[Tue 21:03] Ifeoma: ok wedding group!! final numbers by friday", []found{{"PERSON", "Ifeoma"}})
	checkPersons(t, d, "[WhatsApp] Nkechi: pls who has the plumber's number?\nIfy: try the group chat", []found{{"PERSON", "Nkechi"}, {"PERSON", "Ify"}})
	checkPersons(t, d, "hugo: yeah I'll do it\nmarta: thanks!", []found{{"PERSON", "hugo"}, {"PERSON", "marta"}})
	checkPersons(t, d, "[微信] 阿杰：群里的照片我都传到网盘了", []found{{"PERSON", "阿杰"}})
	checkPersons(t, d, "[22:10] Ελένη: κορίτσια, το πάρτι είναι το Σάββατο", []found{{"PERSON", "Ελένη"}})
	// forms: every field labels one line
	checkPersons(t, d, "Endereço: Rua Augusta, apto 32\nCelular: ligar depois", nil)
	checkPersons(t, d, "street: 27 Holloway Road\ntown: London\npostcode: N7 8JG", nil)
	checkPersons(t, d, "收件人：見訂單\n电话：见订单", nil)
}

// Who a chat message speaks to: a capitalised word that opens a message
// before a comma and lower-case words, a name no list knows after a
// greeting or "it's", and kin titles of other languages.
func TestChatVocatives(t *testing.T) {
	d := New(Options{})
	checkPersons(t, d, "Zé, o técnico da internet vem amanhã entre 8 e 12", []found{{"PERSON", "Zé"}})
	checkPersons(t, d, "Marku, przelej mi za bilety do piątku", []found{{"PERSON", "Marku"}})
	checkPersons(t, d, "voicemail: hi angie it's Kieran from the garage, your car is ready", []found{{"PERSON", "angie"}, {"PERSON", "Kieran"}})
	checkPersons(t, d, "thanks Glenys, see you at training", []found{{"PERSON", "Glenys"}})
	checkPersons(t, d, "mas Adit nomor tukang AC yang kemarin berapa ya?", []found{{"PERSON", "Adit"}})
	// not a vocative
	checkPersons(t, d, "Bodrum, Turkey is lovely in May", nil)
	checkPersons(t, d, "C'mon, sing it with me", nil)
	checkPersons(t, d, "Привіт, це я, дзвоню з роботи", nil)
	checkPersons(t, d, "Humilimont, nan 78618", nil)
}

// Lower-case names in casual text: after a greeting, thanks, a verb of
// contact or "this is", or opening a message with "you" after it.
func TestLowerChatNames(t *testing.T) {
	d := New(Options{})
	checkPersons(t, d, "omg hannah the florist wants a deposit by friday", []found{{"PERSON", "hannah"}})
	checkPersons(t, d, "jen did you put your form in yet", []found{{"PERSON", "jen"}})
	checkPersons(t, d, "voicemail: hey its mike just checking you're ok for sunday", []found{{"PERSON", "mike"}})
	checkPersons(t, d, "yeah hi can i speak to jenny please it's about the boiler", []found{{"PERSON", "jenny"}})
	checkPersons(t, d, "priya here, running ten minutes late sorry", []found{{"PERSON", "priya"}})
	checkPersons(t, d, "ok will follow up with patricia desrosiers in a couple of days", []found{{"PERSON", "patricia desrosiers"}})
	// words, and formal text
	checkPersons(t, d, "tell mark the box is done and ask will about it", nil)
	checkPersons(t, d, "hey there, thanks guys, see you soon", nil)
	checkPersons(t, d, "The minutes say hey jenny. The chair agreed. The meeting closed at noon.", nil)
}

// Lower-case street addresses, as chats and transcripts write them.
func TestLowerAddresses(t *testing.T) {
	d := New(Options{})
	checkAddr := func(text, want string) { t.Helper(); checkOnlyAddress(t, d, text, want, false) }
	checkAddr("he's stopping at ours so 42 mill lane not the flat ok", "42 mill lane")
	checkAddr("the repair on flat 9 23 beacon road please ring me back", "flat 9 23 beacon road")
	checkAddr("comemos en casa de consuelo la de la calle san bernardo 22 y que lleves el vino", "calle san bernardo 22")
	checkAddr("o endereço é rua doutor arnaldo 1520 apartamento 84 interfona", "rua doutor arnaldo 1520 apartamento 84")
	checkAddr("скинул адрес лиговский проспект 87 квартира 12 подъезд второй", "лиговский проспект 87 квартира 12")
	// counts, measures and capitalised streets are not this pass's
	checkAddr("i walked 5 blocks down main street and it took 20 minutes", "")
	checkAddr("3-bed semi, south-facing garden, 10 min walk to the station", "")
	checkAddr("Тверская улица, 5 лет назад я там жил.", "")
}

// Names next to conversation cue words in Cyrillic, Greek, Arabic,
// Persian, Hebrew, Devanagari and Bengali.
func TestScriptChatNames(t *testing.T) {
	d := New(Options{})
	checkPersons(t, d, "голосовое: привет катя как дела перезвони", []found{{"PERSON", "катя"}})
	checkPersons(t, d, "это олег перезвони мне вечером", []found{{"PERSON", "олег"}})
	checkPersons(t, d, "это из книги, не помню какой", nil)
	checkPersons(t, d, "يا سارة تعالي بكرة", []found{{"PERSON", "سارة"}})
	checkPersons(t, d, "يا بنات العزومة عندي", nil)
	checkPersons(t, d, "היי נועה מה קורה", []found{{"PERSON", "נועה"}})
	checkPersons(t, d, "सुनो मैं राहुल बोल रहा हूँ", []found{{"PERSON", "राहुल"}})
	checkPersons(t, d, "সালাম আমি রিয়া বলছি", []found{{"PERSON", "রিয়া"}})
	checkPersons(t, d, "@Ελένη στείλε τα στοιχεία", []found{{"PERSON", "Ελένη"}})
	checkPersons(t, d, "Καλησπέρα, είμαι στο γραφείο", nil)
}

// Street, number, postcode and place (the continental layout), and
// Vietnamese streets named after people; names and places inside an
// address are the address's.
func TestPostcodeAndVietnameseAddresses(t *testing.T) {
	d := New(Options{})
	checkAddr := func(text, want string) { t.Helper(); checkOnlyAddress(t, d, text, want, true) }
	checkAddr("Shrň inzerát: byt 2+kk, Údolní 15, 602 00 Brno, 3. patro", "Údolní 15, 602 00 Brno")
	checkAddr("Yo: C/ de Bravo Murillo 214, 3.º izq., 28020 Madrid", "C/ de Bravo Murillo 214, 3.º izq., 28020 Madrid")
	checkAddr("khách sạn ở 12 Lê Thánh Tông, phường Hải Châu 1, Đà Nẵng", "12 Lê Thánh Tông, phường Hải Châu 1")
	checkAddr("nhà em ở số 14, hẻm 221 Lý Thường Kiệt, phường 15, quận 11", "số 14, hẻm 221 Lý Thường Kiệt, phường 15")
}

// Labels of Teams, Slack and Markdown exports: a time after the name, a
// role or unit in brackets, an honorific joined by a hyphen.
func TestSpeakerLabelForms(t *testing.T) {
	d := New(Options{})
	checkPersons(t, d, "Femi Okoro - 10:33: the lease ends in March", []found{{"PERSON", "Femi Okoro"}})
	checkPersons(t, d, "Giuliana (int. 4): domani tolgono l'acqua\nMarco: chi l'ha detto?", []found{{"PERSON", "Giuliana"}, {"PERSON", "Marco"}})
	checkPersons(t, d, "[09:14] Yamamoto-san: I will join from Osaka", []found{{"PERSON", "Yamamoto"}})
	checkPersons(t, d, "**Ifeoma**: can everyone do Thursday?\n**Ngozi**: yes", []found{{"PERSON", "Ifeoma"}, {"PERSON", "Ngozi"}})
	checkPersons(t, d, "Pieter-Jan Claes (Gent): ik kan pas vanaf tien uur\nLotte Peeters (Brussel): ok", []found{{"PERSON", "Pieter-Jan Claes"}, {"PERSON", "Lotte Peeters"}})
}

// checkOnlyAddress checks that text holds the street address want and no
// other (want "": none); withPersons: and no PERSON either.
func checkOnlyAddress(t *testing.T, d *Detector, text, want string, withPersons bool) {
	t.Helper()
	var got []string
	for _, g := range spans(t, d, text) {
		if g.typ == "STREET_ADDRESS" || withPersons && g.typ == "PERSON" {
			got = append(got, g.typ+":"+g.text)
		}
	}
	if want == "" && len(got) > 0 || want != "" && (len(got) != 1 || got[0] != "STREET_ADDRESS:"+want) {
		t.Errorf("%q: got %q, want the address %q alone", text, got, want)
	}
}
