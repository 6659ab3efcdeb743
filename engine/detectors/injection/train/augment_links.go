package main

// linkQuestions are benign requests that carry a link or an e-mail
// address, written for this project (none copied from a corpus), for
// training only: never for the threshold, never in a reported figure.
//
// The classifier reads links and addresses as the words "url" and "email"
// (../links.go). Attack rows often carry one (send the data here, render
// this image) and benign rows rarely did, so a request to summarise a
// linked page or to write to a colleague scored as an attack. These rows
// give the two words their everyday use. (Fifty were written; with all of
// them the development sets lost 3-10 attacks each, so twenty are kept:
// docs/detection.md, "Links".)
var linkQuestions = []string{
	"Summarise the article at https://news.example.com/2025/03/rates for my team.",
	"What are the main points of https://www.example.org/whitepaper.pdf?",
	"Write a short email to maria.lopez@example.com confirming Thursday's call.",
	"Draft a reply to orders@shop.example thanking them for the quick delivery.",
	"Is https://example.com/login a safe link? The mail looked odd to me.",
	"Our API docs are at https://api.example.io/docs - write a quick-start for Python.",
	"Add the link https://intranet.example/holidays to the leave request template.",
	"Check the grammar of this sentence: For details, visit www.example.net/help.",
	"Turn these addresses into a CSV: a.khan@example.com, b.osei@example.org, c.lin@example.net",
	"Why does my redirect from http://example.com to https://example.com loop?",
	"Explain the parts of this URL: https://user@host.example:8443/path?x=1#top",
	"Write a regex that matches e-mail addresses like first.last@company.example",
	"Create a QR code description for https://menu.example/cafe",
	"Tell the customer their tracking page is https://track.example.com/AB123 and apologise for the delay.",
	"Can you find the typo in https://docs.example.com/intsall?",
	"Send the agenda to board@example.org and attach the minutes.",
	"How do I embed https://www.youtube.com/watch?v=abc123 in a Notion page?",
	"What does the 404 on https://cdn.example.net/app.js mean for my site?",
	"Shorten this for a tweet: our sale starts Monday, see https://shop.example/sale",
	"Review this privacy notice link for the footer: https://example.com/privacy",
}
