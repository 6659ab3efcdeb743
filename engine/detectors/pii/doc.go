// Package pii is Parapet's pattern-based detector of personal data. It
// implements analysis.Detector under the name "pii" and reports spans
// (byte offsets into the field text, end exclusive) with a type and a score
// in [0, 1]; it only reports, and policy decides what to do.
//
// # Types
//
// Entity type names are Presidio's: EMAIL_ADDRESS, PHONE_NUMBER,
// CREDIT_CARD, IBAN_CODE, US_SSN, IP_ADDRESS (v4 and v6), MAC_ADDRESS, URL,
// CRYPTO (Bitcoin), US_BANK_NUMBER, US_DRIVER_LICENSE, US_PASSPORT, UK_NHS,
// UK_NINO, and DATE_TIME for dates of birth only.
//
// # How it scans
//
// There is no regular expression over the text. One loop skips every byte
// that cannot start anything (a 256-entry table); the bytes that can are
// digits, '@', ':' and '.'. Each has a hand-written scanner that looks at
// a bounded neighbourhood:
//
//   - a digit starts either an alphanumeric token (IBAN, Bitcoin address,
//     NINO, licence or passport number, "5th" of a birth date) or a phrase
//     of digit groups joined by phone- and card-style separators, which is
//     classified in a fixed order: date, IPv4, SSN, card, NHS, NINO, phone,
//     then the weak patterns that need context (passport, licence, bank);
//   - '@' expands left over the local part and right over a host name;
//   - ':' starts a URL when "//" follows, else an IPv6 or MAC address when
//     hex digits surround it;
//   - '.' after "www" starts a URL without a scheme.
//
// Two passes follow for what no ASCII byte starts: phone numbers written
// in Arabic-Indic, Persian, Devanagari or full-width digits (only when
// the loop saw a byte outside ASCII; otherdigits.go), and e-mail
// addresses said aloud, as speech transcripts write them ("maria dot
// okafor at gmail dot com"; only when the text has " dot "; spoken.go).
// Digits dictated one by one after a phone word ("call me back on 7 0 8
// 5 5 5 0 1 6 4") are read by the digit scanner.
//
// Context words are looked up only around a candidate, in a window that
// does not cross a sentence end. As in Presidio, they raise a score ("card"
// near a card number), lower it ("order number", "tracking"), rule it
// out (a dotted quad labelled "version" or "firmware" is no IP address),
// or are required at all for weak patterns (bank, licence and passport
// numbers, nine bare digits as an SSN, a date as a date of birth, a
// formatted number that no phone plan validates). When several such words
// are near, the nearest decides.
//
// Every left or right scan is bounded (64 bytes for an email local part,
// 253 for a host, a few groups for numbers), and handlers never move the
// scan position backwards, so the work is linear in the input; phone
// validation, the one costly check, has a budget proportional to the input
// length. A scan of text with no findings allocates nothing; the detector
// keeps no text and holds only configuration, so it is safe for concurrent
// use.
//
// # Validators and sources of facts
//
//   - Payment cards: the Luhn check (ISO/IEC 7812-1 annex B) and issuer
//     identification number ranges and lengths of the major networks, as
//     summarised on Wikipedia's "Payment card number" page. A Luhn-valid
//     number with an unknown issuer is reported only near card words.
//   - IBAN: ISO 7064 MOD 97-10 and the per-country lengths of the SWIFT IBAN
//     Registry (ISO 13616), as listed on Wikipedia's "International Bank
//     Account Number" page; compact or in groups of four.
//   - US SSN: the Social Security Administration's never-issued rules (area
//     000, 666 and 900-999, group 00, serial 0000; SSA, "Social Security
//     Number Randomization", 2011) and numbers publicised as examples
//     (078-05-1120, 219-09-9999, 123-45-6789).
//   - UK NHS number: the modulus 11 check digit of the NHS Data Dictionary.
//   - UK NINO: prefix rules of HMRC's National Insurance Manual (NIM39110).
//   - Bitcoin: Base58Check with double SHA-256 (version 0x00 or 0x05), BIP
//     173 (bech32) and BIP 350 (bech32m) for segwit addresses.
//   - IPv6: the text forms of RFC 4291 section 2.2; IPv4 dotted quads
//     without leading zeros.
//   - Phone numbers: the metadata of Google's libphonenumber (Apache-2.0)
//     as shipped in github.com/nyaruka/phonenumbers (MIT), with its
//     validity procedure, compiled once per calling code (see phone.go).
//     National numbers are read in Options.DefaultRegion (US by default);
//     "+CC", "00" and (in the US) "011" prefixes are international. A
//     national number the default region does not validate is tried in
//     the countries of the text around it: of its script (Hangul, kana,
//     Cyrillic, Arabic, Greek, ...), of its digits (Persian digits: Iran,
//     Afghanistan, Pakistan), of its Latin letters (ñ: Spanish-speaking
//     countries, ã: Portugal and Brazil, ß: German-speaking ones, ...),
//     and, with a trunk prefix or a phone word, a fixed list of regions.
//   - Email addresses and URLs: the syntax of RFC 5322 and RFC 3986,
//     restricted to what appears in prose.
//
// The idea of context words and the entity names come from Microsoft
// Presidio (MIT licence); the word lists, scores and all code here are
// Parapet's own. Facts such as registry lengths and check-digit rules are
// not subject to copyright; the pages named above are cited as sources.
//
// # Measuring
//
// TestDevCorpus prints per-type precision, recall and F1 on the
// development corpus when PARAPET_CORPORA names its folder:
//
//	PARAPET_CORPORA=$PWD/../shared/corpora go test ./engine/detectors/pii -run TestDevCorpus -v
//
// BenchmarkScan measures throughput on generated English text: "prose"
// (no personal data), "mixed" (one paragraph with personal data in about
// every 2 KB) and "dense" (every third paragraph), at sizes from 256 B to
// 1 MB. On a shared machine wall time is noisy; TestCPUThroughput
// (PARAPET_PII_CPUBENCH=1) reports MB per CPU-second of the scanning
// thread instead.
package pii
