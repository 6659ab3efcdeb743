// Package secrets finds credentials in text: provider API keys and tokens
// (cloud, VCS, chat, payment, model providers, package registries, SaaS),
// private keys (PEM of every kind, base64 PEM, PuTTY), JWTs, passwords in
// connection strings and URLs, password hashes, and generic
// `password=` / `api_key:` / `secret:` / `token =` assignments.
//
// The detector only reports spans (analysis.Report.AddFinding with
// category "secret", a stable UPPER_SNAKE type and a score); policy
// decides what to do with them. Provider formats score 0.9 (0.7 when the
// format needs a keyword next to it), connection-string passwords 0.85,
// generic assignments 0.5-0.6, password hashes 0.6 and identifiers
// (account ids, client ids, public keys) 0.3.
//
// There are 556 rules: 535 provider and credential formats, 8 generic
// (the assignment scanners PASSWORD_ASSIGNMENT and GENERIC_SECRET,
// JWT_SECRET_CONFIG, key/value pairs, plists, SQL INSERT rows, passwords
// in prose …) and
// 13 identifier rules. Rules lists them all.
//
// # What is rejected
//
// A value that matches a provider's precise format (prefix, length,
// charset, checksum where there is one) is credential-shaped and is
// reported even when it looks like a documentation stand-in
// (12345678-ABCD-..., a run of one letter, "fake" inside): policy
// decides. Only unmistakable templates are rejected (isTemplate:
// <your-key>, ${VAR}, $VAR, %VAR%, {{ x }}, #{x}, ****, xxxx, changeme,
// your_api_key_here, a zeroed value, an empty one), plus the upstream
// rule's own entropy and allowlists for gitleaks rules. Literal passwords
// in URLs, ODBC/ADO.NET connection strings and credential formats
// (netrc, PsExec, NetworkCredential, Gradle, PHPMailer...) are reported
// however weak. Heuristic formats (relaxed lengths, a generic charset
// after a short prefix; ruleDef.Loose) and GENERIC assignments keep the
// stricter checks: stand-in words, sequences, runs, stepped pairs
// (a1b2c3), entropy, and for generic values a provider prefix on a value
// too short for that provider (a truncated example).
//
// # How a scan works
//
// No automaton runs over the text. One table lookup per byte (eight bytes
// per step, trigger.go) finds the bytes that can start work; together
// they are about 6% of English (TestKeywordClasses), so clean prose costs
// the lookup plus a short check every twenty bytes or so, and allocates
// nothing. Every rule keyword is found one of four ways (trigger.go):
//
//   - anchored: a keyword with a byte that is rare in English (a digit,
//     '_', '-', '.', '/', '$', an upper-case letter the format requires,
//     or k, x, q, j, z) is anchored on it; the anchors are chosen by a
//     weighted set cover over measured English byte frequencies (an
//     upper-case A anchors AKIA, ASIA, AIDA... at once). At an anchor a
//     bloom filter of the two bytes before it sends most back at once;
//     the rest walk a small reverse trie of the keywords' prefixes and
//     compare the rest forwards.
//   - before an operator: keywords made only of common letters
//     ("password", "secret", "token", "key", "github", "adafruit"...) are
//     looked for only in the key before an assignment operator (= : > |
//     and, before a quoted or token-like value, a comma) or before a
//     quoted value after a space (KEY "value", password is 'x'). This is
//     exact for every rule whose pattern needs an operator within a
//     bounded distance after the keyword, which regexp analysis checks
//     (opDistanceFor); a small automaton runs over that key only.
//   - at a line start: .netrc "machine".
//   - at the start of an alphanumeric run around a digit: letters-only
//     token prefixes (dapi..., cio..., pat....), and the run hooks, which
//     have no keyword: a credential stated in prose before the run ("the
//     token is ...", "das Passwort lautet ...", "use password ...";
//     prose.go) and a Discord bot token starting with it (discord.go).
//
// A few generated rules get other keywords (triggerOverrides: curl's -H
// and -u flags) or are looked for before operators only (opOnlyKeywords).
// The eight-byte step reads byte pairs through a 64K table, and a second
// 64K table of (previous byte, trigger byte) drops most triggers without
// a call. Dense text (code, where a trigger needs work every few bytes)
// is scanned by chunks with a full Aho-Corasick pass over every keyword
// instead, which is cheaper there. TestTriggersFindWhatAFullKeywordScanFinds
// compares the findings with such a full pass.
//
// At a keyword hit a rule runs: a hand-written scanner, or its pattern on
// a window around the hit (from the keyword to the pattern's longest
// match when every match starts with a keyword, else that length on both
// sides; windows of one rule merge). A rule whose matches start with a
// literal prefix is first checked against that prefix, case-sensitively,
// at the hit, and a rule may have a cheap Gate (a necessary condition).
// Token patterns of the common shape \b(prefix[class]{m,n})terminator run
// as a hand-compiled one-pass matcher (tokmatch.go) instead of the regexp
// engine, whose setup for counted repeats costs more than the match; it
// is built only where greedy matching provably gives the regexp's answer,
// and TestTokMatcherAgreesWithRegexp and FuzzTokMatcher compare the two.
// Checks that depend only on a candidate span (templates, fakes, entropy,
// gitleaks' global allowlist) are made once per span however many rules
// match it.
//
// # Rule sources and licences
//
//   - zz_gitleaks.go is generated by gen/main.go from gitleaks'
//     config/gitleaks.toml (gitleaks v8.30.1, MIT licence, Copyright (c)
//     2019 Zachary Rice): 216 rules. Regenerate with `go run
//     ./engine/detectors/secrets/gen` after `cd /tmp && go mod download
//     github.com/zricethezav/gitleaks/v8@v8.30.1`; gitleaks is not a
//     dependency of this module. Its generic-api-key stopword list is
//     reused by the assignment scanner.
//
//   - rules_parapet.go, rules_general4.go and rules_general7.go hold 249
//     hand-written rules. The 90 marked as noseyparker are adapted from
//     Nosey Parker's built-in rules (praetorian-inc/noseyparker, commit
//     2e6e7f36ce36, Apache License 2.0); the other 159 are Parapet's own, written from
//     providers' published token formats and the formats of the tools
//     and files that hold credentials.
//
//   - data/bip39_english.txt is BIP-0039's English word list
//     (bitcoin/bips bip-0039/english.txt, as shipped by
//     github.com/tyler-smith/go-bip39 v1.1.0, MIT licence), used by the
//     wallet recovery phrase rules (seedphrase.go).
//
// Go's RE2 has no lookaround and no backreferences: trailing context is a
// consumed non-capturing group, and the secret is always a capture group.
//
// Identifier rules (AWS account ids, ARNs and IAM unique ids, bucket
// names, OAuth client ids, age recipients, usernames in React app .env
// files) report things that are sensitive but not credentials. They are
// on by default, score 0.3 and report category "identifier" rather than
// "secret", so a policy that denies secrets does not deny them unless it
// chooses to; Options.NoIdentifiers turns them off.
//
// Rules lists every rule with its id, finding type, description, source
// and licence.
//
// Measuring: `PARAPET_CORPORA=$PWD/../shared/corpora go test
// ./engine/detectors/secrets -run TestDevCorpus -v` prints recall (any
// finding, and "secret" findings only) and the near-miss flag rate on the
// shared dev corpus; the benchmarks beside the code report MB/s, CPU-time
// MB/s (cpu-MB/s, steadier on a shared machine) and allocations on
// generated mixed English text, clean prose, code, and single secrets.
package secrets
