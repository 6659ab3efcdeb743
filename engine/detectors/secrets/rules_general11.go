package secrets

// general11Rules were added in the fourth round of blind reads
// (2026-11-27, fourth session) from the development sets' misses.
var general11Rules = registerOpOnlyKeywords(general11OpOnly, []ruleDef{
	// A wallet recovery phrase: seedphrase.go. Its keywords are looked
	// for before an operator; line starts are checked by seedPhrases.
	{ID: idSeedPhrase, Type: "CRYPTO_SEED_PHRASE", Desc: "A wallet recovery phrase: 12 to 24 words of the BIP-39 English list whose last word's checksum holds, at a line start or after a name such as mnemonic or seed phrase.",
		Keywords: general11OpOnly[idSeedPhrase], Scan: scanSeedAssign, Score: 0.9, Source: srcParapet, License: licParapet},
	{ID: idSeedPhraseNamed, Type: "CRYPTO_SEED_PHRASE", Desc: "12 to 24 words of the BIP-39 English list after wording about a seed, a recovery phrase or a wallet (checksum not met: retyped or made up).",
		Scan: scanNone, Run: true, Score: 0.7, Source: srcParapet, License: licParapet},
})

// general11OpOnly are keywords looked for only before an operator or a
// quote, as general4OpOnly.
var general11OpOnly = map[string][]string{
	idSeedPhrase: {"mnemonic", "seed", "phrase", "recovery words", "secret words"},
}
