package names

import "strings"

// Small authored word sets (this project's own), looked up by word hash.
const (
	vLocPrep     uint32 = 1 << iota // in, from, near ...: a place may follow
	vTitle                          // Mr, Dr ...: a person follows
	vRelation                       // brother, colleague ...: a person may follow
	vGreet                          // hi, dear, thanks ...: a person may follow
	vPersonPre                      // by, with, met ...: weak person context
	vOrg                            // Inc, University ...: not a person
	vSuffix                         // Street, Ave ...: US/UK street suffix
	vPrefixType                     // Rue, Via, Calle ...: street type before the name
	vUnit                           // Apt, Suite ...
	vDir                            // N, NW, North ...
	vParticle                       // van, de, bin ...
	vAddrCtx                        // address, lives, located ...
	vPostVerb                       // said, told ...: after a person
	vStreetLower                    // lowercase street words inside a name: tér, u, utca
	vMilitary                       // APO, FPO, DPO
	vNameWord                       // "name" (for "name is", "Name:")
	vIntro                          // named, called: a name follows
	vNotName                        // words that look like names but start no name
	vStreetHard                     // street-type words that end no person name
	vLocWeak                        // at, to, from: before places and people alike
	vPossNoun                       // address, wife ...: "Matej's address"
	vFirmPre                        // at, of, from ...: before a firm name
	vNameSuffix                     // Jr, Sr, II, III
	vLocVerb                        // grew (up), flew, based ...: "grew up in X"
	vCalendar                       // months and weekdays: "June 20" is a date, not an address
	vDirAdj                         // North, Western ...: no place on their own
	vGenericVerb                    // is, has, can ...: follow anything, not only people
	vChat                           // hey, thx, congrats ...: open a chat message; a lower-case name may follow
	vDeterminer                     // the, a, an: "the Marriott was full" is no person
	vBrand                          // Mercedes, Bosch, Dell ...: brands and firms named after people
	vThing                          // office, lease, warehouse ...: nouns that a place or brand, not a person, modifies
	vHoliday                        // Christmas, Diwali, Corpus ...: "Christmas Eve", "Corpus Christi" are no people
)

const (
	// vStarts marks words that can begin a finding when capitalised.
	vStarts = vTitle | vUnit | vPrefixType | vDir | vMilitary | vNameWord | vIntro | vParticle | vSuffix | vStreetLower
	// vStreetish marks lower-case words that can follow a house number.
	vStreetish = vPrefixType | vSuffix | vStreetLower | vDir | vUnit | vParticle
)

// vocabTable maps word hashes to v* flags; vocabT.get(h) reads it.
type vocabTable struct{ t table }

func (v *vocabTable) get(h uint64) uint32 { return v.t.get(h) }

var vocabT = func() *vocabTable {
	m := &vocabTable{*newTable(2048)}
	add := func(f uint32, words string) {
		for _, w := range strings.Fields(words) {
			m.t.or(hashWord(w), f)
		}
	}
	add(vLocPrep, `in from at near to around outside across throughout within toward towards into
		visit visiting visited via between reach reached leave leaving left fly flew flying moved move
		based born live lives living lived resides residing relocated travel traveling travelling trip
		en à au aus nach bei`)
	add(vTitle, `mr mrs ms miss mx mister madam madame dr doctor prof professor sir dame lady lord rev
		reverend fr father sister brother capt captain col colonel sgt sergeant lt lieutenant cpl
		officer detective det judge justice senator sen rep representative governor gov mayor
		uncle aunt auntie cousin grandma grandpa granny nana mme mlle herr frau señor señora sra srta
		monsieur dott ing signor signora dona don mrs. inspector agent coach nurse pastor rabbi imam herrn
		president ceo prince princess king queen saint
		mas mbak pak bu bapak ibu kak bang kuya tita tito lola lolo nonna nonno zia zio tía tío tia tio
		doña seu bwana anh chị chú bác ông bà pani pan paní pane
		familie famille familia família famiglia`)
	add(vRelation, `brother sister son daughter wife husband mother father mom mum dad friend colleague
		boss manager patient client customer neighbor neighbour partner boyfriend girlfriend fiance
		fiancé fiancée teacher student coworker co-worker roommate assistant employee tenant landlord
		grandson granddaughter nephew niece stepson stepdaughter child baby contact user member kid
		kids says said asks asked replied replies adds added explains explained starring featuring
		feat ft holder cardholder applicant candidate attendee payee beneficiary plumber electrician
		courier driver owner landlady
		titular beneficiario beneficiaria solicitante hermano hermana hijo hija esposo esposa amigo amiga
		vecino vecina compañero compañera frère sœur soeur mère père fils fille mari ami amie collègue
		voisin voisine bénéficiaire bruder schwester mutter vater sohn tochter freund freundin kollege
		kollegin nachbar nachbarin kontoinhaber kontoinhaberin empfänger empfängerin irmão irmã mãe pai
		filho filha marido amigo vizinho vizinha fratello sorella figlio figlia marito moglie amico amica
		vicino vicina collega broer zus moeder vader zoon dochter vriend vriendin buurman buurvrouw
		granne grannen syster bror dotter
		carer caregiver witness claimant caller adjuster assessor physio physiotherapist pharmacist
		dentist vet midwife receptionist caretaker treasurer volunteer organiser organizer referee
		installateur handwerker hausmeister hausmeisterin vermieter vermieterin mieter mieterin
		trainerin techniker monteur fahrer fahrerin kunde kundin patientin zeuge zeugin gutachter
		sachbearbeiter sachbearbeiterin ansprechpartner ansprechpartnerin unfallgegner unfallgegnerin
		livreur livreuse témoin destinataire assuré assurée infirmier infirmière
		cliente paciente testigo perito repartidor repartidora destinatario destinataria asegurado
		asegurada testimone corriere paziente motorista testemunha entregador segurado segurada
		klant getuige bezorger tegenpartij klient klientka pacjent pacjentka kierowca świadek
		kurier trener trenerka rzeczoznawca odbiorca
		antrenör müşteri sürücü şoför tanık komşu kurye eczacı avukat`)
	add(vGreet, `dear hi hello hey thanks thank congratulations welcome greetings sincerely regards
		cheers signed attn attention cc bye goodbye love yours
		hola olá ola bonjour bonsoir salut hallo servus moin ciao salve hej hei hoi namaste merhaba
		salaam salam shalom privet ahoj cześć czesc
		oi alo alô halo hai habari jambo mambo kumusta selam chào merci gracias grazie danke obrigado
		obrigada dzięki dzieki díky diky asante salamat
		groet groeten saludos cumprimentos cordialement bisous besos beijos abrazos abraços baci
		grüße gruß pozdrawiam pozdrowienia pozdrav atenciosamente saluti`)
	// Chat openers, lower-case at the start of a message: "hey its ahmed",
	// "thx sneha", "congrats babatunde", "yo dmitri".
	add(vChat, `hi hey heya hiya hello yo thx thanks thank ty tysm congrats congratulations dear
		morning evening bye cya sup its it's im i'm lol omg hiii hii heyy oii alo halo`)
	// and, capitalised at a sentence start, the articles and pronouns of
	// other languages that are no name particle ("Ihr Termin", "Im
	// Ernst", "Les Galeries …"; not de, da, la, le, van, von, das, los …)
	add(vDeterminer, `the a an our your their my his its
		die der den dem ein eine einen einem einer ihr ihre ihren ihrem im am zum zur vom beim wir sie
		es bitte unser unsere dieser diese dieses les un une nous vous votre vos notre nos ce cette ces
		una sus nuestro nuestra il gli het een uw onze os um uma seu`)
	add(vPersonPre, `by with met meet meeting ask asked tell told call called email emailed text texted
		ping contact contacted thank thanks visit visited see saw and or for per hired fired interview
		interviewed invite invited introduce introduced joined join`)
	add(vLocWeak, `at to from via and between reach reached leave leaving left move moved`)
	add(vPossNoun, `address phone number email e-mail account wife husband mother father mom dad son
		daughter kid kids child children brother sister friend boss birthday car house home office
		name surname family parents cousin uncle aunt niece nephew girlfriend boyfriend partner card
		passport license licence ssn id profile details record records file contract desk
		killers killer death funeral wedding lawyer doctor`)
	add(vFirmPre, `at of from for the by with to join joined`)
	add(vLocVerb, `up grew originally flew fly flying based born lives live living lived moved move
		located raised travelled traveled traveling travelling visiting visited trip vacation holiday
		holidays situated headquartered relocated relocating returned return returning arrived arriving
		stationed settled resides residing staying stayed went going drove driving headed heading
		home office family`)
	add(vCalendar, `january february march april may june july august september october november
		december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
		friday saturday sunday mon tue tues wed thu thur thurs fri sat sun week day year today
		tomorrow yesterday chapter section page figure fig table version step part level grade
		volume vol issue no number item episode season round phase stage class room gate terminal
		platform row seat nr nº núm`+" "+foreignCalendar)
	add(vDirAdj, `north south east west northern southern eastern western central upper lower
		northeast northwest southeast southwest middle greater inner outer new old`)
	add(vGenericVerb, `who was is has had and will would did does can could should must may might
		just also never always`)
	add(vNameSuffix, `jr sr ii iii iv phd md esq`)
	add(vOrg, `inc incorporated corp corporation co llc llp ltd plc gmbh ag sa srl bv nv oy ab as asa
		company companies group bank university college institute school academy foundation association
		society hospital clinic church hotel hotels airlines airways systems technologies technology
		solutions partners holdings industries labs laboratories international club council committee
		department ministry agency party fund trust museum library orchestra magazine times news press
		records studios studio team fc network networks services service software media entertainment
		pharmaceuticals motors energy capital ventures consulting insurance airport station center centre
		restaurant cafe café bar grill store stores shop market mall investments investment financial
		associates sons brothers partners bros lines logistics health healthcare analytics data
		software labs
		prize prizes award awards medal medals trophy scholarship scholarships fellowship fellowships
		lecture lectures syndrome disease infirmary memorial airport stadium arena theatre theater
		festival show week day act brand world puja solicitors attorneys lawyers accountants
		architects opticians dentists
		homes lettings charities ministries stichting stiftung fundacion fundación fondation fondazione
		fundacao fundação vakfi vakfı sigorta sigortasi sigortası versicherung versicherungen assurance
		assurances seguros assicurazioni verzekeringen caritas`)
	add(vStreetHard, `street streets st avenue avenues ave av road roads rd boulevard blvd highway hwy
		parkway pkwy expressway expy freeway fwy turnpike plaza square squares sq terrace crescent
		creek creeks cliff cliffs forge forges union unions island islands mill mills lake lakes
		heights gardens meadows estates springs ln ct pl cir trl drives courts lanes parks
		causeway crossroad stravenue throughway trafficway underpass overpass viaduct skyway motorway
		ports harbors harbours villages ville vista vistas ranch rapids shoals shores summit tunnel
		junction junctions knolls crossing ridges valleys falls fields flats fords groves haven
		hills hollow inlet keys landing locks loaf manors mountains orchard pines plains points
		prairie radial ramp route spur spurs stream trace track trail views walks wells`)
	add(vSuffix, `st street ave avenue av rd road blvd boulevard ln lane dr drive way ct court pl place
		ter terrace cir circle pkwy parkway hwy highway sq square trl trail loop aly alley cres crescent
		close grove gdns gardens row walk hill pike path ridge crossing xing expy expressway fwy freeway
		tpke turnpike mews green rise wharf quay broadway heights view point bend cove glen landing
		meadow meadows commons route rte streets squares avenues roads lanes drives courts parks
		plaza park pass run estates fort junction manor orchard springs vale valley villas
		parade esplanade promenade circuit chase caddesi cadde caddesi'nde sokak sokağı sokagi bulvarı
		bulvari`)
	add(vPrefixType, `rue avenue av avenida via viale vicolo corso piazza piazzale largo calle carrer camino
		paseo plaza rua travessa praça praca estrada alameda boulevard bd bld chemin allée allee impasse
		quai cours route strada ulica ul utca ulice ulitsa prospekt cesta calea strada bulevardul
		λεωφόρος οδός λ rambla ronda avinguda passeig jalan lorong aleja plac osiedle os heol ffordd
		stryd str strada bulevardul gg gang mtaa vico`)
	add(vUnit, `apt apartment suite ste unit fl floor room rm bldg building flat no blk plot`)
	add(vDir, `n s e w ne nw se sw north south east west northeast northwest southeast southwest`)
	add(vParticle, `van der den de del della dello dei degli di da das dos do du la le les lo von zu
		vom ten ter bin binti ibn al el y af av st saint san santa mac`)
	add(vAddrCtx, `address addresses at on located locate lives live living lived resides reside moved
		move ship shipping deliver delivery send sent mail mailed visit office is to`)
	add(vPostVerb, `said says told asked wrote writes replied answered lives lived works worked born died
		who was is has had and will would did does called emailed texted agreed thinks thought added
		explained noted shouted spent began went came wants wanted likes liked loves loved knows knew
		made makes gave gives took takes got gets left joined met sent received signed became became
		decided tried went walked ran smiled laughed cried replied nodded sighed whispered yelled
		screamed looked turned asks tells writes works leads led founded owns owned can could should
		must may might just also never always`)
	// Brands, products and firms named after people or sharing a word with
	// a name list, common in business text: a lone one is no person
	// ("the Mercedes lease", "Bosch drills", "Porsche Taycan"), though a
	// name may end with one ("Harrison Ford", "Michael Dell"). This
	// project's own list, from general knowledge of well-known brands.
	add(vBrand, `mercedes porsche ferrari lamborghini maserati bugatti ford chevrolet chevy dodge chrysler
		tesla renault peugeot citroen opel skoda toyota honda nissan mazda subaru suzuki mitsubishi
		hyundai kia volvo saab bentley audi dell compaq siemens bosch miele braun philips dyson
		heineken carlsberg guinness nestle heinz kellogg chanel dior gucci prada armani versace hermes
		givenchy balenciaga fendi vuitton zara nike adidas puma reebok lego ikea walmart costco
		marriott hilton hyatt deloitte kpmg accenture pfizer merck bayer novartis roche sanofi boeing
		airbus siri alexa cortana jira jenkins kafka oracle salesforce zendesk hubspot workday
		telefonica vodafone santander barclays lloyds hsbc natwest safeway tesco sainsbury aldi lidl
		carrefour auchan mcdonald wendy nordstrom macy walgreens dillard kroger disney warner
		paramount universal bosch-siemens rolex cartier tiffany bulgari swarovski lindt cadbury
		mars ferrero danone unilever bic michelin goodyear pirelli bridgestone dunlop yamaha kawasaki
		ducati vespa piaggio fiat lancia lexus infiniti cadillac buick pontiac lincoln-mercury
		jaguar-landrover tata mahindra godrej bajaj infosys wipro reliance adani birla
		mercedes-benz rolls-royce harley-davidson hewlett-packard
		kubernetes docker terraform ansible grok copilot chatgpt openai anthropic deepseek mistral
		figma zapier trello asana okta datadog vercel heroku netlify postgres postgresql redis nginx
		mongodb mysql sqlite github gitlab bitbucket jupyter pytorch tensorflow django grafana kibana
		webpack svelte nextjs twilio sendgrid mailchimp shopify squarespace wordpress databricks
		airtable clickup miro canva dropbox onedrive sharepoint netflix spotify hulu youtube instagram
		tiktok paypal venmo
		uber lyft deliveroo doordash grubhub glovo wolt airbnb expedia ryanair easyjet lufthansa
		aviva allianz axa geico metlife mapfre generali foxtons rightmove zoopla monzo revolut
		rabobank bbva argos primark currys greggs halfords puregym corsa qashqai`)
	// Nouns that follow a place, brand or product used as a modifier, and
	// rarely a person's name: "the Savannah warehouse", "Dell drivers".
	add(vThing, `office offices team teams branch branches store stores shop shops warehouse site sites
		plant factory depot hub lab labs room rooms suite suites hall building campus lease contract
		van vans car cars truck trucks fleet laptop laptops drivers pipeline pipelines
		server servers cluster app apps portal platform licence license catalogue catalog range
		quote invoice invoices trip trips flight flights tour fair event events sale
		sales campaign programme program project model product products deal
		workshop workshops lecture panel tickets stadium match engine compaction tax region
		tractors loaders jackets freezer kitchen ports remittance transfer
		statements integrations integration merchandising clinic lymphoma disease syndrome studios
		concierge entrance annex location locations outlet outlets showroom dealership
		dealer subscription plan stack instance instances node nodes database cluster
		deployment release update upgrade firmware bottle bottles
		stock bonds fund card cards line lines network routers printers printer
		phones headset headsets tyres tires parts pallets shipment shipments order period scholarship fellowship prize award`)
	add(vHoliday, `christmas easter halloween thanksgiving diwali deepavali eid hanukkah chanukah kwanzaa
		ramadan ramzan pentecost whit whitsun ascension carnaval carnival semana juneteenth midsummer
		navratri dussehra holi onam pongal vesak passover obon corpus boxing
		yom kippur rosh hashanah sukkot shavuot purim pesach nowruz vaisakhi baisakhi lohri`)
	add(vStreetLower, `al tér ter u utca út ut útja körút korut köz koz sor kapu ulica ul ulice cesta st str
		gate gata gade vej vei veien vegen tee tänav mnt maantee tie katu straße strasse weg allee
		platz laan straat rua via`)
	add(vMilitary, `apo fpo dpo`)
	add(vNameWord, `name names`)
	add(vIntro, `named called call nicknamed aka alias habla llamo chamo chiamo heiße heisse m'appelle soy sou`)
	add(vNotName, `i i'm i'll i've i'd ok okay yes no hello hi hey dear thanks please sorry god lord
		jesus christ allah buddha mr mrs ms dr sir madam january february march april may june july
		august september october november december monday tuesday wednesday thursday friday saturday
		sunday jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
		sun english french german spanish italian american british european african asian chinese
		japanese russian christmas easter halloween thanksgiving internet google facebook twitter
		amazon apple microsoft windows linux android iphone chatgpt openai python java javascript
		covid re fw fwd subject note iban bic
		kiitos proszę prosze prosím prosim dziękuję dziekuje děkuji dekuji
		diwali deepavali eid hanukkah chanukah kwanzaa ramadan ramzan pentecost whit whitsun ascension
		carnaval carnival semana juneteenth midsummer navratri dussehra holi onam pongal vesak passover
		obon corpus
		unser unsere neue neuer neues bitte danke merci gracias obrigado obrigada grazie nuovo nuova
		nueva nuevo nova novo liebe lieber sehr`+
		// weekdays and months of other languages (capitalised in German,
		// at a sentence start elsewhere); not those that are also common
		// given names (Mai, Domingo, Domenica, Avril)
		` `+foreignCalendar)
	return m
}()

// foreignCalendar are weekdays and months in German, Dutch, French,
// Spanish, Italian, Portuguese and Polish, without those that are also
// common given names (Marco, also março without its accent; Julio,
// Abril, Mei, Maj).
const foreignCalendar = `montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
	januar jänner februar märz juni juli oktober dezember
	maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart augustus
	lundi mardi mercredi jeudi vendredi samedi dimanche janvier février fevrier juin juillet août aout
	septembre octobre novembre décembre decembre
	lunes martes miércoles miercoles jueves viernes sábado sabado enero febrero marzo junio
	agosto septiembre setiembre octubre noviembre diciembre
	lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi gennaio febbraio
	aprile maggio giugno luglio settembre ottobre dicembre
	segunda terça terca quarta quinta sexta janeiro fevereiro maio junho julho setembro
	outubro dezembro
	poniedziałek wtorek środa czwartek piątek sobota niedziela styczeń luty marzec kwiecień
	czerwiec lipiec sierpień wrzesień październik listopad grudzień
	ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
	pazartesi salı çarşamba perşembe cuma cumartesi`

func (s *scanner) vocab(t *token) uint32 {
	if t == nil || t.kind != tWord {
		return 0
	}
	if !t.vlooked {
		t.v = vocabT.get(s.hash(t))
		t.vlooked = true
	}
	return t.v
}

// Street-name endings in languages that write the street type into the
// name (Hauptstraße, Mannerheimintie, Søndergade, Kungsgatan).
var streetEndings = []string{
	"straße", "strasse", "gasse", "weg", "platz", "allee", "ufer", "steig", "pfad",
	"katu", "tie", "kuja", "polku", "raitti", "gade", "vej", "vænget", "stræde",
	"gata", "gatan", "vägen", "väg", "veien", "vei", "veg", "vegen", "laan", "straat",
	"plein", "gracht", "kade", "singel", "dreef", "utca", "körút", "ulica", "sokak",
	"sokağı", "caddesi", "bulvarı", "prospekt", "stræti", "gränd", "torget", "torg",
}

// byLastByte indexes endings by their last byte, lower-cased.
func byLastByte(list []string) (idx [256][]string) {
	for _, e := range list {
		c := lowerASCII[e[len(e)-1]]
		idx[c] = append(idx[c], e)
	}
	return
}

var (
	streetEndingIdx  = byLastByte(streetEndings)
	surnameEndingIdx = byLastByte(surnameEndings)
)

func hasEnding(w string, idx *[256][]string) bool {
	if len(w) < 5 {
		return false
	}
	for _, e := range idx[lowerASCII[w[len(w)-1]]] {
		if len(w) > len(e)+2 && strings.EqualFold(w[len(w)-len(e):], e) {
			return true
		}
	}
	return false
}

// hasStreetEnding reports whether a word ends with a street type.
func hasStreetEnding(w string) bool { return hasEnding(w, &streetEndingIdx) }

// isStreetEnding reports a word that is a street type of streetEndings
// on its own, after the name: "Lange Gasse 4", "Oude Gracht 12",
// "Bağdat Caddesi 301".
func isStreetEnding(w string) bool {
	if len(w) < 3 {
		return false
	}
	for _, e := range streetEndingIdx[lowerASCII[w[len(w)-1]]] {
		if len(w) == len(e) && strings.EqualFold(w, e) {
			return true
		}
	}
	return false
}

// Surname endings common across European languages; used only as weak
// evidence for a capitalised word that no list knows.
var surnameEndings = []string{
	"son", "sen", "sson", "ová", "ova", "ski", "ska", "sky", "ský", "wicz", "owicz", "ić", "vić",
	"dóttir", "poulos", "escu", "enko", "ov", "ev", "eva", "yan", "ian", "ini", "elli", "etti",
	"ez", "es", "berg", "mann", "stein", "ović", "ak", "czyk", "chuk", "uk", "aki", "oglu", "oğlu",
}

func hasSurnameEnding(w string) bool { return hasEnding(w, &surnameEndingIdx) }
