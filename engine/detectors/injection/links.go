package injection

import "bytes"

// The classifier reads links and e-mail addresses as the words "url" and
// "email", not as their letters. Attack rows often send data to made-up
// hosts (evil.example, attacker.example) while benign rows rarely carry a
// link, so a model that read host names learnt that "example" and link
// paths are attack words: "Please send the customer the refund policy:
// https://kb.example/refunds" scored 0.92. What a link means for an attack
// (send the data there, render this image) is in the words around it and
// in the signatures, which still read the whole text.

// maskLinks returns b with every link (scheme:// or www.) and e-mail
// address replaced by " url " or " email ", written into dst; b itself
// when it has none.
func maskLinks(dst, b []byte) []byte {
	if bytes.IndexByte(b, '@') < 0 && bytes.Index(b, []byte("://")) < 0 && bytes.Index(b, []byte("www.")) < 0 {
		return b
	}
	dst = dst[:0]
	last := 0
	for i := 0; i < len(b); {
		start, end, word := linkAt(b, i)
		if end <= start {
			i++
			continue
		}
		dst = append(dst, b[last:start]...)
		dst = append(dst, ' ')
		dst = append(dst, word...)
		dst = append(dst, ' ')
		last, i = end, end
	}
	return append(dst, b[last:]...)
}

func isHostByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c >= 0x80
}

func isLocalByte(c byte) bool {
	return isHostByte(c) || c == '_' || c == '+' || c == '%'
}

// linkAt finds a link or an address that starts at b[i] (a scheme, "www."
// or the local part of an address), and the word that stands for it.
func linkAt(b []byte, i int) (start, end int, word string) {
	if i > 0 && isLocalByte(b[i-1]) {
		return 0, 0, "" // not at the start of a token
	}
	// scheme://…
	j := i
	for j < len(b) && j-i < 12 && (b[j] >= 'a' && b[j] <= 'z' || b[j] >= 'A' && b[j] <= 'Z') {
		j++
	}
	if j > i && j+3 <= len(b) && string(b[j:j+3]) == "://" {
		return i, linkEnd(b, j+3), "url"
	}
	if i+4 <= len(b) && (string(b[i:i+4]) == "www." || string(b[i:i+4]) == "WWW.") {
		return i, linkEnd(b, i+4), "url"
	}
	// local@host.tld
	j = i
	for j < len(b) && isLocalByte(b[j]) {
		j++
	}
	if j == i || j >= len(b) || b[j] != '@' {
		return 0, 0, ""
	}
	k := j + 1
	dot := false
	for k < len(b) && isHostByte(b[k]) {
		dot = dot || b[k] == '.'
		k++
	}
	for k > j+1 && b[k-1] == '.' {
		k--
	}
	if !dot || k <= j+1 {
		return 0, 0, ""
	}
	return i, k, "email"
}

// linkEnd is where a link that goes on from b[i] ends: at white space, a
// quote or a bracket, without the sentence's closing punctuation.
func linkEnd(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r', '"', '\'', '<', '>', '(', ')', '[', ']', '{', '}', '`':
			goto done
		}
		i++
	}
done:
	for i > 0 {
		switch b[i-1] {
		case '.', ',', ';', ':', '!', '?':
			i--
			continue
		}
		break
	}
	return i
}
