package leakage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parapet-dev/parapet/engine/analysis"
)

const (
	// scoreImageData and scoreImage score an image the client fetches when
	// it renders the answer, with and without data in its URL.
	scoreImageData = 0.9
	scoreImage     = 0.6
	// scoreLinkData and scoreLink score a link the user may follow.
	scoreLinkData = 0.8
	scoreLink     = 0.5
	// scoreUngrounded scores a URL that no document or prompt message
	// contains.
	scoreUngrounded = 0.6
	// minDataRun is the shortest run of base64, hex or percent-encoded
	// looking characters in a URL path or fragment that makes it
	// data-bearing.
	minDataRun = 24
	// maxURLBytes bounds one URL.
	maxURLBytes = 4096
	// maxURLs bounds the URLs looked at per field.
	maxURLs = 256
	// maxBracketDepth bounds the nesting of markdown brackets tracked.
	maxBracketDepth = 64
	// maxRefDefs bounds the markdown reference definitions per field.
	maxRefDefs = 64
	// maxLabelBytes is CommonMark's limit on a link label.
	maxLabelBytes = 999
)

const (
	kindBare uint8 = iota
	kindLink
	kindImage
)

type urlRef struct {
	start, end int32
	kind       uint8
	field      int32
}

// refDef is a markdown reference definition, [label]: url.
type refDef struct {
	la, lb int32 // label
	ua, ub int32 // url
	kind   uint8 // how it is used: kindBare (unused), kindLink or kindImage
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

func isHTTP(u string) bool {
	return hasPrefixFold(u, "http://") || hasPrefixFold(u, "https://") || hasPrefixFold(u, "www.")
}

// isFetchable reports whether a markdown or HTML destination is an http(s)
// or protocol-relative URL with a host.
func isFetchable(u string) bool {
	switch {
	case hasPrefixFold(u, "http://"):
		u = u[7:]
	case hasPrefixFold(u, "https://"):
		u = u[8:]
	case strings.HasPrefix(u, "//"):
		u = u[2:]
	default:
		return false
	}
	return u != "" && u[0] != '/' && u[0] != '?' && u[0] != '#'
}

// addURL records [a, b) of text as a URL of kind k, unless it is not
// fetchable; a URL already recorded at the same start keeps the stronger
// kind.
func (s *state) addURL(text string, a, b int, k uint8) {
	for a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\n') {
		a++
	}
	for b > a && (text[b-1] == ' ' || text[b-1] == '\t' || text[b-1] == '\n') {
		b--
	}
	if a >= b || !isFetchable(text[a:b]) && !(k == kindBare && hasPrefixFold(text[a:b], "www.")) {
		return
	}
	for i := range s.urls {
		if int(s.urls[i].start) == a {
			if k > s.urls[i].kind {
				s.urls[i].kind = k
				s.urls[i].end = int32(b)
			}
			return
		}
	}
	if len(s.urls) < maxURLs {
		s.urls = append(s.urls, urlRef{start: int32(a), end: int32(b), kind: k})
	}
}

// scanURLs reports the images and links of f and, when the request has
// documents, its ungrounded URLs.
func (s *state) scanURLs(f *analysis.Field, hasDocs bool, r *analysis.Report) {
	text := f.Text
	s.urls = s.urls[:0]
	s.collectDefs(text)
	s.scanBrackets(text)
	s.scanHTML(text)
	for i := range s.defs {
		if d := &s.defs[i]; d.kind != kindBare {
			s.addURL(text, int(d.ua), int(d.ub), d.kind)
		}
	}
	for from := 0; len(s.urls) < maxURLs; {
		a, b, ok := nextBareURL(text, from)
		if !ok {
			break
		}
		s.addURL(text, a, b, kindBare)
		from = b
	}
	s.codeRegions(text)
	for _, u := range s.urls {
		v := text[u.start:u.end]
		kind := u.kind
		if kind != kindBare && s.inCode(int(u.start)) {
			// Markdown and HTML in code are shown as text, never
			// rendered or fetched.
			kind = kindBare
		}
		switch kind {
		case kindImage:
			score := scoreImage
			if dataBearing(v) {
				score = scoreImageData
			}
			r.AddFinding(detectorName, CategoryURL, TypeImage, f, int(u.start), int(u.end), score)
		case kindLink:
			score := scoreLink
			if dataBearing(v) {
				score = scoreLinkData
			}
			r.AddFinding(detectorName, CategoryURL, TypeLink, f, int(u.start), int(u.end), score)
		}
		if hasDocs && isHTTP(v) {
			if _, ok := s.refURLs.get(s.urlHash(v)); !ok {
				r.AddFinding(detectorName, CategoryURL, TypeUngrounded, f, int(u.start), int(u.end), scoreUngrounded)
			}
		}
	}
}

// codeRegions records the fenced code blocks (``` or ~~~ at a line's
// start, to the closing fence or the end of the text) and the inline code
// spans (a run of backticks to the next run of the same length) of text.
func (s *state) codeRegions(text string) {
	s.code = s.code[:0]
	for i := 0; i < len(text); {
		lineStart := i == 0 || text[i-1] == '\n'
		if lineStart {
			j := i
			for j < len(text) && j-i < 3 && text[j] == ' ' {
				j++
			}
			if n := fenceLen(text, j); n > 0 {
				end := closingFence(text, j+n, text[j], n)
				s.code = append(s.code, [2]int32{int32(i), int32(end)})
				i = end
				continue
			}
		}
		if text[i] != '`' {
			i++
			continue
		}
		n := 1
		for i+n < len(text) && text[i+n] == '`' {
			n++
		}
		end := -1
		for k := i + n; k < len(text); {
			if text[k] != '`' {
				k++
				continue
			}
			m := 1
			for k+m < len(text) && text[k+m] == '`' {
				m++
			}
			if m == n {
				end = k + m
				break
			}
			k += m
		}
		if end < 0 {
			i += n // an unmatched run is literal backticks
			continue
		}
		s.code = append(s.code, [2]int32{int32(i), int32(end)})
		i = end
	}
}

// fenceLen is the length of a code fence (three or more backticks or
// tildes) at text[j], or 0.
func fenceLen(text string, j int) int {
	if j >= len(text) || (text[j] != '`' && text[j] != '~') {
		return 0
	}
	n := 0
	for j+n < len(text) && text[j+n] == text[j] {
		n++
	}
	if n < 3 {
		return 0
	}
	return n
}

// closingFence returns the end of the line that closes a fence of n
// characters c opened before from, or len(text) when none does.
func closingFence(text string, from int, c byte, n int) int {
	for i := from; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(text) && j-i-1 < 3 && text[j] == ' ' {
			j++
		}
		if m := fenceLen(text, j); m >= n && text[j] == c {
			end := j + m
			for end < len(text) && text[end] != '\n' {
				end++
			}
			return end
		}
	}
	return len(text)
}

func (s *state) inCode(pos int) bool {
	for _, r := range s.code {
		if int(r[0]) <= pos && pos < int(r[1]) {
			return true
		}
	}
	return false
}

// collectDefs finds the reference definitions of text: a line that starts
// (after up to three spaces) with [label]: followed by a URL.
func (s *state) collectDefs(text string) {
	s.defs = s.defs[:0]
	for ls := 0; ls < len(text) && len(s.defs) < maxRefDefs; {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		p := ls
		for p < le && p-ls < 3 && text[p] == ' ' {
			p++
		}
		if p < le && text[p] == '[' {
			q := p + 1
			for q < le && text[q] != ']' && text[q] != '[' {
				q++
			}
			if q+1 < le && text[q] == ']' && text[q+1] == ':' && q > p+1 {
				u := q + 2
				for u < le && (text[u] == ' ' || text[u] == '\t') {
					u++
				}
				ua, ub := u, u
				if u < le && text[u] == '<' {
					ua = u + 1
					ub = ua
					for ub < le && text[ub] != '>' {
						ub++
					}
				} else {
					for ub < le && text[ub] != ' ' && text[ub] != '\t' && text[ub] != '\r' {
						ub++
					}
				}
				if ub > ua {
					s.defs = append(s.defs, refDef{la: int32(p + 1), lb: int32(q), ua: int32(ua), ub: int32(ub)})
				}
			}
		}
		ls = le + 1
	}
}

// useDef marks the definition labelled text[a:b] as used by kind k.
func (s *state) useDef(text string, a, b int, k uint8) {
	if len(s.defs) == 0 || b-a > maxLabelBytes {
		return
	}
	label := strings.TrimSpace(text[a:b])
	if label == "" {
		return
	}
	for i := range s.defs {
		d := &s.defs[i]
		if strings.EqualFold(strings.TrimSpace(text[d.la:d.lb]), label) {
			if k > d.kind {
				d.kind = k
			}
			return
		}
	}
}

// scanBrackets pairs markdown brackets with a stack (reset at blank lines)
// and reads what follows each pair: an inline destination, a reference
// label, or nothing (a shortcut reference).
func (s *state) scanBrackets(text string) {
	s.pairs, s.stack = s.pairs[:0], s.stack[:0]
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\\':
			i++
		case '\n':
			if i+1 < len(text) && text[i+1] == '\n' {
				s.stack = s.stack[:0]
			}
		case '[':
			if len(s.stack) < maxBracketDepth {
				s.stack = append(s.stack, int32(i))
			}
		case ']':
			if n := len(s.stack); n > 0 {
				s.pairs = append(s.pairs, [2]int32{s.stack[n-1], int32(i)})
				s.stack = s.stack[:n-1]
			}
		}
	}
	for _, p := range s.pairs {
		o, c := int(p[0]), int(p[1])
		kind := kindLink
		if o > 0 && text[o-1] == '!' {
			kind = kindImage
		}
		if o > 0 && text[o-1] == ']' {
			continue // the label of a [text][label] reference
		}
		next := c + 1
		switch {
		case next < len(text) && text[next] == '(':
			a, b := inlineDest(text, next+1)
			if b > a {
				s.addURL(text, a, b, kind)
			}
		case next < len(text) && text[next] == '[':
			q := next + 1
			for q < len(text) && q-next < 1000 && text[q] != ']' && text[q] != '[' {
				q++
			}
			if q < len(text) && text[q] == ']' {
				if q == next+1 {
					s.useDef(text, o+1, c, kind)
				} else {
					s.useDef(text, next+1, q, kind)
				}
			}
		case next < len(text) && text[next] == ':':
			// a definition
		default:
			s.useDef(text, o+1, c, kind)
		}
	}
}

// inlineDest returns the destination of an inline link whose '(' ends at
// i: <...> or a run without spaces and with balanced parentheses.
func inlineDest(text string, i int) (int, int) {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i < len(text) && text[i] == '\n' {
		i++
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
	}
	if i < len(text) && text[i] == '<' {
		a := i + 1
		for b := a; b < len(text) && b-a < maxURLBytes; b++ {
			switch text[b] {
			case '>':
				return a, b
			case '\n', '<':
				return 0, 0
			}
		}
		return 0, 0
	}
	a, depth := i, 0
	b := a
	for ; b < len(text) && b-a < maxURLBytes; b++ {
		c := text[b]
		if c <= ' ' {
			break
		}
		if c == '\\' && b+1 < len(text) && text[b+1] > ' ' {
			b++
			continue
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
	}
	return a, b
}

// scanHTML finds <img src=...>, <a href=...> and autolinks <https://...>.
func (s *state) scanHTML(text string) {
	for from := 0; from < len(text); {
		i := strings.IndexByte(text[from:], '<')
		if i < 0 {
			return
		}
		i += from
		from = i + 1
		rest := text[i+1:]
		if isHTTP(rest) {
			for b := i + 1; b < len(text) && b-i < maxURLBytes; b++ {
				c := text[b]
				if c == '>' {
					s.addURL(text, i+1, b, kindLink)
					from = b + 1
					break
				}
				if c <= ' ' || c == '<' {
					break
				}
			}
			continue
		}
		var kind uint8
		var want string
		switch {
		case hasPrefixFold(rest, "img") && len(rest) > 3 && isTagSpace(rest[3]):
			kind, want = kindImage, "src"
			from = i + 4
		case hasPrefixFold(rest, "a") && len(rest) > 1 && isTagSpace(rest[1]):
			kind, want = kindLink, "href"
			from = i + 2
		default:
			continue
		}
		from = s.scanAttrs(text, from, kind, want)
	}
}

func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' }

// scanAttrs reads the attributes of a tag from i up to '>' and records the
// value of the attribute named want. It returns where scanning resumes.
func (s *state) scanAttrs(text string, i int, kind uint8, want string) int {
	start := i
	for i < len(text) && i-start < maxURLBytes {
		c := text[i]
		switch {
		case c == '>' || c == '<':
			return i
		case isTagSpace(c):
			i++
			continue
		}
		na := i
		for i < len(text) && text[i] != '=' && text[i] != '>' && text[i] != '<' && !isTagSpace(text[i]) {
			i++
		}
		name := text[na:i]
		for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') {
			i++
		}
		if i >= len(text) || text[i] != '=' {
			continue
		}
		i++
		for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') {
			i++
		}
		if i >= len(text) {
			return i
		}
		var va, vb int
		if q := text[i]; q == '"' || q == '\'' {
			va = i + 1
			e := strings.IndexByte(text[va:], q)
			if e < 0 {
				return va
			}
			vb = va + e
			i = vb + 1
		} else {
			va = i
			for i < len(text) && text[i] != '>' && text[i] != '<' && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r' {
				i++
			}
			vb = i
		}
		if strings.EqualFold(name, want) {
			s.addURL(text, va, vb, kind)
		}
	}
	return i
}

// nextBareURL finds the next http(s) URL in text at or after from, or a
// web address written without a scheme ("www.example.com/page", as models
// often write them), and returns its span with trailing punctuation and
// unbalanced closing brackets left out.
func nextBareURL(text string, from int) (int, int, bool) {
	// k is the offset of the next "://" at or after from (-1: none), found
	// again only once from has passed it, so that a run of rejected "www."
	// candidates does not search the rest of the text each time.
	k, kFrom := 0, -1
	for from < len(text) {
		if kFrom < 0 || (k >= 0 && kFrom+k < from) {
			k, kFrom = strings.Index(text[from:], "://"), from
		}
		kAt := -1
		if k >= 0 {
			kAt = kFrom + k
		}
		w := indexWWW(text, from, kAt)
		var a, host int
		switch {
		case w >= 0:
			a, host, from = w, w, w+4
			if a > 0 && (asciiWord[text[a-1]] || strings.IndexByte("+-./@:", text[a-1]) >= 0) {
				continue
			}
			if !hostLike(text[w+4:]) {
				continue
			}
		case kAt < 0:
			return 0, 0, false
		default:
			from = kAt + 3
			switch {
			case kAt >= 5 && strings.EqualFold(text[kAt-5:kAt], "https"):
				a = kAt - 5
			case kAt >= 4 && strings.EqualFold(text[kAt-4:kAt], "http"):
				a = kAt - 4
			default:
				continue
			}
			if a > 0 && (asciiWord[text[a-1]] || text[a-1] == '+' || text[a-1] == '-' || text[a-1] == '.') {
				continue
			}
			host = kAt + 3
		}
		b := host
		for b < len(text) && b-a < maxURLBytes {
			c := text[b]
			if c < 0x80 {
				if c <= ' ' || c == '<' || c == '>' || c == '"' || c == '`' || c == '{' || c == '}' || c == '|' || c == '\\' || c == 0x7f {
					break
				}
				b++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[b:])
			if unicode.IsSpace(r) || unicode.IsPunct(r) || r == utf8.RuneError {
				break
			}
			b += size
		}
		b = trimURLEnd(text, a, b)
		if b <= host || text[host] == '/' || text[host] == '?' || text[host] == '#' {
			continue
		}
		return a, b, true
	}
	return 0, 0, false
}

// indexWWW is the offset of the first "www." (any case) in text at or
// after from and before the "://" at offset kAt (kAt < 0: none), or -1.
func indexWWW(text string, from, kAt int) int {
	end := len(text)
	if kAt >= 0 {
		end = kAt
	}
	for i := from; i+4 <= end; {
		j := strings.IndexByte(text[i:end], '.')
		if j < 0 {
			return -1
		}
		i += j
		if i >= 3 && hasPrefixFold(text[i-3:], "www.") {
			return i - 3
		}
		i++
	}
	return -1
}

// hostLike reports whether s starts with a host name of at least two
// labels after "www." ("example.com"), the last of two or more letters (a
// dot that ends a sentence after it does not count).
func hostLike(s string) bool {
	labels, letters, n, lastLetters := 0, 0, 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		switch {
		case c >= 'a' && c <= 'z':
			n++
			letters++
		case s[i] >= '0' && s[i] <= '9' || s[i] == '-':
			n++
			letters = -len(s) // a label with a digit or hyphen is no top-level domain
		case s[i] == '.' && n > 0:
			labels++
			lastLetters, n, letters = letters, 0, 0
			continue
		default:
			i = len(s)
			continue
		}
	}
	if n > 0 {
		labels++
		lastLetters = letters
	}
	return labels >= 2 && lastLetters >= 2
}

func trimURLEnd(text string, a, b int) int {
	for b > a {
		switch c := text[b-1]; c {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '*', '_', '~':
			b--
			continue
		case ')', ']':
			open, close := byte('('), c
			if c == ']' {
				open = '['
			}
			if strings.Count(text[a:b], string(open)) < strings.Count(text[a:b], string(close)) {
				b--
				continue
			}
		}
		break
	}
	return b
}

// dataBearing reports whether a URL carries data: a query string, or a
// path or fragment run of at least minDataRun characters that looks
// base64, hex or percent-encoded.
func dataBearing(u string) bool {
	if i := strings.Index(u, "//"); i >= 0 {
		u = u[i+2:]
	}
	p := strings.IndexAny(u, "/?#")
	if p < 0 {
		return false
	}
	u = u[p:]
	if q := strings.IndexByte(u, '?'); q >= 0 {
		end := len(u)
		if h := strings.IndexByte(u[q:], '#'); h >= 0 {
			end = q + h
		}
		if end > q+1 {
			return true
		}
	}
	for i := 0; i < len(u); {
		if !isDataByte(u[i]) {
			i++
			continue
		}
		j := i
		letters, digits, seps, pct, hexOnly := 0, 0, 0, 0, true
		for j < len(u) && isDataByte(u[j]) {
			c := u[j]
			switch {
			case c >= '0' && c <= '9':
				digits++
			case c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F':
				letters++
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				letters++
				hexOnly = false
			case c == '%':
				if j+2 < len(u) && isHex(u[j+1]) && isHex(u[j+2]) {
					pct++
				}
				hexOnly = false
			default: // - _ + =
				seps++
				hexOnly = false
			}
			j++
		}
		if n := j - i; n >= minDataRun {
			if pct >= 3 || hexOnly || letters > 0 && digits > 0 && seps*12 <= n {
				return true
			}
		}
		i = j
	}
	return false
}

func isDataByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '=' || c == '_' || c == '%' || c == '-'
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// normURL writes the normalised form of an http(s) URL to s.norm: scheme
// and host lower-cased, the default port, the fragment and trailing
// slashes and punctuation dropped. It returns the length of the scheme and
// authority part.
func (s *state) normURL(u string) int {
	n := s.norm[:0]
	rest := u
	port := ""
	if i := strings.Index(u, "://"); i >= 0 {
		// The scheme is left out of the key: an answer that quotes
		// https://… for a document's http://… (or writes www.… without a
		// scheme) names the same page.
		rest = u[i+3:]
		if i == 5 {
			port = ":443"
		} else {
			port = ":80"
		}
	}
	ae := strings.IndexAny(rest, "/?#")
	if ae < 0 {
		ae = len(rest)
	}
	auth := rest[:ae]
	if strings.HasSuffix(auth, ":80") || strings.HasSuffix(auth, ":443") {
		if port == "" || strings.HasSuffix(auth, port) {
			auth = auth[:strings.LastIndexByte(auth, ':')]
		}
	}
	if hasPrefixFold(auth, "www.") {
		auth = auth[4:]
	}
	n = appendFold(n, auth)
	hostEnd := len(n)
	path := rest[ae:]
	if h := strings.IndexByte(path, '#'); h >= 0 {
		path = path[:h]
	}
	n = append(n, path...)
	for len(n) > hostEnd {
		switch n[len(n)-1] {
		case '/', '.', ',', ';', ':', '!', '?', ')', ']', '\'', '"':
			n = n[:len(n)-1]
			continue
		}
		break
	}
	s.norm = n
	return hostEnd
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return mix(h)
}

func (s *state) urlHash(u string) uint64 {
	s.normURL(u)
	return hashBytes(s.norm)
}

// buildGroundedURLs hashes the normalised URLs of the documents and
// prompt messages, and each of their prefixes that ends before a '/' or
// '?' of the path, so that a response URL that names a page's parent is
// grounded too.
func (s *state) buildGroundedURLs(fields []analysis.Field) {
	s.urls = s.urls[:0]
	keys := 0
	for fi := range fields {
		f := &fields[fi]
		if !isDocument(f) && !isPrompt(f) {
			continue
		}
		for from := 0; ; {
			a, b, ok := nextBareURL(f.Text, from)
			if !ok {
				break
			}
			from = b
			s.urls = append(s.urls, urlRef{start: int32(a), end: int32(b), field: int32(fi)})
			keys++
			for _, c := range f.Text[a:b] {
				if c == '/' || c == '?' {
					keys++
				}
			}
		}
	}
	s.refURLs.reset(keys)
	for _, u := range s.urls {
		v := fields[u.field].Text[u.start:u.end]
		he := s.normURL(v)
		n := s.norm
		s.refURLs.slot(hashBytes(n))
		for k := he; k < len(n); k++ {
			if n[k] == '/' || n[k] == '?' {
				e := k
				for e > he && n[e-1] == '/' {
					e--
				}
				s.refURLs.slot(hashBytes(n[:e]))
			}
		}
	}
	s.urls = s.urls[:0]
}
