// Package scope finds user messages and answers about topics that the
// request's own system (or developer) prompt rules out: "Do not discuss
// politics" and "Who should I vote for?". It implements
// analysis.RequestDetector under the name "scope" and reports findings
// of category "scope", type RESTRICTED_TOPIC, on the user message's or
// the answer's words; the policy decides (rego: use.restricted_topic,
// output.restricted_topic). Topics the policy itself rules out for every
// request (analysis.Input.Topics, from data.parapet.config.scope.topics)
// are read the same way and reported as DENIED_TOPIC, with the topic's
// name (use.denied_topic, output.denied_topic).
//
// It reads directives ("do not / never / avoid / refuse … X", "X is not
// allowed / off-limits"; the same in Spanish, French, German, Italian and
// Portuguese, and Chinese and Japanese by pattern, lang.go), keeps the
// topic's content words, and
// matches them by a crude stem, with word families (families.go) for
// topics that are asked about in other words. Clauses with a negation do
// not count, so refusals and acknowledgements are not reported.
// Allow-lists ("only answer questions about shipping") are not checked.
// Extraction runs once per distinct system prompt (a bounded cache);
// matching is one pass over the text. docs/detection.md has the figures.
package scope
