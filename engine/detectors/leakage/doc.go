// Package leakage relates the model's answer to the rest of the request.
// It implements analysis.RequestDetector under the name "leakage" and
// looks only at the answer: fields with Source "response"
// (response.content) and "reasoning" (response.reasoning). The other
// fields are reference material: the system and developer messages, the
// prompt messages, the context documents and the request labels. Like
// every detector it only reports (byte offsets into the field, end
// exclusive, and a score in [0, 1]); policy decides. No matched value is
// put anywhere but in the offsets.
//
// # Canary tokens (category "leak", type CANARY_TOKEN)
//
// Canary values come from Input.Labels: the key "canary" and every key
// that starts with it ("canary_2"), at most maxCanaries (16) distinct
// values of up to maxCanaryBytes (256) bytes, surrounding spaces trimmed.
// Values shorter than minCanaryBytes (8) are ignored: they would match
// ordinary words. A canary is found
//
//   - exactly, ignoring ASCII case: score 1.0;
//   - as a close variant, score 0.9: the letters and digits of the text
//     (lower-cased, full-width forms folded) are compared with those of
//     the canary, so separators, whitespace, line breaks, zero-width and
//     other format characters and punctuation inserted or removed, and
//     case changes, do not matter ("PARAPETCANARY7f3a" for
//     "parapet-canary-7f3a"). This needs minVariantAlnum (8) letters and
//     digits in the canary. A canary of minEditAlnum (12) or more also
//     matches with one character edited, dropped or added (Levenshtein
//     distance 1 on that letters-and-digits stream); such a match keeps
//     one half of the canary intact, so only the places where a half
//     occurs are checked (at most maxEditProbes, 256, per canary and
//     field);
//   - encoded, score 0.85: base64 in the standard and URL-safe alphabets,
//     at each of the three byte alignments. For each alignment only the
//     characters that depend on the canary's bytes alone are searched (at
//     least 10 characters, 60 bits, for an 8-byte canary), so a canary
//     base64-encoded inside a longer string is found too; the span takes
//     in the partial characters on either side and '=' padding. Hex is
//     searched in either case.
//
// The span is the matched region of the original text. A weaker match
// that overlaps a stronger one is not reported again, and a canary
// reports at most maxPerCanary (32) spans per field.
//
// # System prompt text (category "leak", type SYSTEM_PROMPT_LEAK)
//
// The reference is the system and developer messages, one after another.
// Text is split into lower-cased word tokens (runs of Unicode letters,
// digits and combining marks; each Han, Hiragana, Katakana and Hangul
// rune is a token of its own, so Chinese, Japanese and Korean prompts
// work), and the reference's word 5-grams (shingleSize) are hashed into a
// table. In the answer, runs of consecutive 5-grams found in the table
// cover tokens; runs that overlap, or are at most maxLeakGap (2) tokens
// apart and continue the same passage of the reference, merge into one
// span. Spans of at least minLeakTokens (8) tokens are reported: a stock
// phrase of five or six words shared by chance ("you are a helpful
// assistant") is not. A reference shorter than 8 tokens never produces a
// finding. The score is the fraction of the reference's tokens that the
// reported spans of that field reproduce, together (0..1), and is the
// same on each span of the field, so that policy can act on how much of
// the prompt leaked. A paraphrase shares few 5-grams and is not reported.
//
// # Links and images (category "url")
//
//   - MARKDOWN_IMAGE: an image the client fetches as soon as it renders
//     the answer: ![alt](url "title"), ![alt][ref] / ![ref][] / ![ref]
//     with a [ref]: url definition, and <img src=url> (quotes optional).
//     Score 0.9 when the URL is data-bearing, else 0.6.
//   - MARKDOWN_LINK: [text](url), reference links, <a href=url> and
//     autolinks <https://...>. Score 0.8 when data-bearing, else 0.5.
//   - UNGROUNDED_URL: only when the request has at least one context
//     document, every http(s) URL of the answer (bare, markdown or HTML)
//     whose normalised form (scheme and host lower-cased, default port,
//     fragment and trailing slashes and punctuation dropped) is in no
//     document and no system, developer, user or tool message, nor is the
//     parent (a prefix ending at a '/' or '?') of a URL there: a likely
//     made-up link. Score 0.6. A URL can have both a MARKDOWN_* and an
//     UNGROUNDED_URL finding. Protocol-relative URLs are not checked.
//
// Markdown and HTML inside fenced code blocks (``` or ~~~, to the closing
// fence or the end of the text) and inline code spans are shown as text,
// never rendered or fetched: they get no MARKDOWN_* finding (an
// UNGROUNDED_URL still counts).
//
// Only http, https and protocol-relative (//host) destinations count;
// data:, mailto:, javascript: and relative links are not reported. A URL
// is data-bearing when it has a query string, or when its path or
// fragment has a run of at least minDataRun (24) characters of
// [A-Za-z0-9+=_%-] that looks encoded: three or more %XX escapes, all
// hex digits, or letters and digits together with at most one '-', '_',
// '+' or '=' per 12 characters (so a base64 blob is, and a
// how-to-configure-the-server slug is not).
//
// The span is exactly the URL, without the surrounding brackets, quotes,
// angle brackets or trailing punctuation, so that policy can read
// scheme://host from the finding's offsets. The detector does not know
// any allowlist: policy compares the host with data.parapet.config. Bare
// URLs end at whitespace, at < > " ` { } | \, at non-ASCII punctuation
// (。，) and lose trailing . , ; : ! ? ' " * _ ~ and unbalanced ) or ].
//
// # Grounding (category "grounding", type UNSUPPORTED_SENTENCE)
//
// Only when the request has at least one context document (retrieved or
// from a tool) and response.content is not empty. The answer is split
// into sentences at . ! ? followed by whitespace (not inside decimals or
// URLs, not after a single letter as in "e.g." or initials, nor after a
// short list of abbreviations), at line breaks and at 。！？. A sentence
// is judged when it has at least minSentenceTokens (4) content tokens:
// word tokens without a small English stopword list and without lone
// letters, numbers kept, lower-cased, with a trailing plural or
// possessive 's' stripped from words of four or more letters. Its
// support is the largest, over the documents, of the fraction of its
// content tokens that occur in the document; when a number of the
// sentence is not in the document, that document supports it at most
// numberCap (0.4), so a sentence whose words come from a document but
// whose figures do not is reported. A sentence with support below 0.5
// (unsupportedBelow) is reported with score 1 − support. The field also
// gets one signal, analysis kind "grounding", whose score is the mean
// support of the judged sentences (1.0 when none was judged).
//
// # Evaluation
//
// There is no labelled public corpus here for these signals (canary
// leaks, prompt leaks, exfiltration links, unsupported sentences), so
// the constants above are set by reasoning about what each rule must and
// must not match, and the only figures are the tests on hand-written
// cases in this package (true cases and negatives: paraphrases, short
// prompts, URLs that the documents contain, a CJK prompt leak, a canary
// with its dashes removed or base64-encoded, malformed markdown).
//
// # Cost
//
// One pass per field builds tokens (hashes and offsets, no strings); the
// reference shingles, the document token table (a bit per document, 64
// documents per table) and the grounded URL set are hash tables reused
// through a sync.Pool, and buffers holding derived text are cleared
// before they go back. The detector is safe for concurrent use, keeps no
// text between calls and, once its pool is warm, allocates nothing per
// request (BenchmarkScanRequest).
//
// On the 2-vCPU benchmark machine (where pii takes 8-9 µs per 2 KB), the
// target case of BenchmarkScanRequest (a 2 KB answer, a 2 KB system
// prompt with a canary, three 4 KB documents: about 16 KB of text) takes
// about 115-145 µs of CPU, over the 100 µs aimed at; about half is
// splitting the documents into words for grounding, a byte loop at about
// 250 MB/s. Without documents (no grounding, no ungrounded URLs) it is
// about 40 µs, and a request without an answer returns at once.
package leakage
