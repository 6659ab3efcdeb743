package pii

import (
	"context"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// Type names, as Presidio names them.
const (
	EmailAddress    = "EMAIL_ADDRESS"
	PhoneNumber     = "PHONE_NUMBER"
	CreditCard      = "CREDIT_CARD"
	IBANCode        = "IBAN_CODE"
	USSSN           = "US_SSN"
	IPAddress       = "IP_ADDRESS"
	MACAddress      = "MAC_ADDRESS"
	URL             = "URL"
	Crypto          = "CRYPTO"
	USBankNumber    = "US_BANK_NUMBER"
	USDriverLicense = "US_DRIVER_LICENSE"
	USPassport      = "US_PASSPORT"
	UKNHS           = "UK_NHS"
	UKNINO          = "UK_NINO"
	DateTime        = "DATE_TIME"
)

const (
	tEmail = iota
	tPhone
	tCard
	tIBAN
	tSSN
	tIP
	tMAC
	tURL
	tCrypto
	tBank
	tDL
	tPassport
	tNHS
	tNINO
	tDate
	numTypes
)

var typeNames = [numTypes]string{EmailAddress, PhoneNumber, CreditCard, IBANCode, USSSN, IPAddress,
	MACAddress, URL, Crypto, USBankNumber, USDriverLicense, USPassport, UKNHS, UKNINO, DateTime}

// Types lists every entity type the detector can report.
func Types() []string {
	out := make([]string, numTypes)
	copy(out, typeNames[:])
	return out
}

// Name is the detector name and the category of its findings.
const Name = "pii"

// Options configures a Detector.
type Options struct {
	// DefaultRegion is the ISO 3166 region used to read phone numbers
	// written without a country code. Empty means "US".
	DefaultRegion string
	// Types limits the entity types reported (names as in Types). Nil or
	// empty means all. Disabled types are still recognised, so that a
	// disabled card number is not reported as a phone number instead.
	Types []string
	// MinScore drops findings scoring below it. Zero keeps everything the
	// detector would report (its own floor is 0.3).
	MinScore float64
}

// Detector finds personal data with hand-written scanners and validators.
// It holds only configuration, so one Detector may be used by many
// goroutines at once.
type Detector struct {
	region   string
	enabled  [numTypes]bool
	minScore float64
}

// minReport is the lowest score the detector reports at all.
const minReport = 0.3

// New returns a detector configured by opts.
func New(opts Options) *Detector {
	d := &Detector{region: strings.ToUpper(opts.DefaultRegion), minScore: opts.MinScore}
	if d.region == "" {
		d.region = "US"
	}
	if d.minScore < minReport {
		d.minScore = minReport
	}
	if len(opts.Types) == 0 {
		for i := range d.enabled {
			d.enabled[i] = true
		}
	} else {
		for _, name := range opts.Types {
			for i, tn := range typeNames {
				if strings.EqualFold(name, tn) {
					d.enabled[i] = true
				}
			}
		}
	}
	return d
}

// Name returns "pii".
func (d *Detector) Name() string { return Name }

var _ analysis.Detector = (*Detector)(nil)

// Scan reports personal data found in f.Text.
func (d *Detector) Scan(ctx context.Context, f *analysis.Field, r *analysis.Report) {
	s := scanner{d: d, t: f.Text, f: f, r: r, first: len(r.Findings)}
	s.run(ctx)
	if ctx.Err() != nil {
		return
	}
	// Two passes for what the byte scan cannot start at: digits of other
	// scripts, and addresses said aloud. Their findings are then put in
	// order among the byte scan's.
	n0 := len(r.Findings)
	if s.high&(0x80*ones) != 0 && d.enabled[tPhone] {
		if k := firstOtherDigit(f.Text); k >= 0 {
			s.otherDigits(k, &otherScan{byteScan: n0, next: s.first})
		}
	}
	if d.enabled[tEmail] && strings.Contains(f.Text, " dot ") {
		s.spokenEmails(&otherScan{byteScan: n0, next: s.first})
	}
	if d.enabled[tPhone] {
		s.spokenPhones(&otherScan{byteScan: n0, next: s.first})
	}
	fs := r.Findings[s.first:]
	for i := n0 - s.first; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].ByteStart < fs[j-1].ByteStart; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// Trigger classes: the scanner skips every byte whose class is zero.
const (
	trDigit = 1 + iota
	trAt
	trColon
	trDot
)

var trigger = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = trDigit
	}
	t['@'] = trAt
	t[':'] = trColon
	t['.'] = trDot
	return
}()

// maybeTrigger loads t[i:i+8] as a little-endian word and returns a mask
// with the high bit set in each byte whose low seven bits lie in 0x2E-0x40,
// the range that holds '.', the digits, ':' and '@' (and '/', ';', '<',
// '=', '>', '?', which the caller then skips). Eight bytes of letters and
// spaces are passed over with a handful of instructions.
const ones = 0x0101010101010101

func maybeTrigger(t string, i int) uint64 { return triggerMask(load8(t, i)) }

func load8(t string, i int) uint64 {
	w := t[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

func triggerMask(w uint64) uint64 {
	x := w & (0x7f * ones)
	return (x + (0x80-0x2e)*ones) &^ (x + (0x80-0x41)*ones) & (0x80 * ones)
}

// scanner is the state of one Scan. It lives on the stack.
type scanner struct {
	d *Detector
	t string
	f *analysis.Field
	r *analysis.Report
	// last is the end of the last reported (or deliberately consumed)
	// span; nothing new starts before it.
	last int
	// floor is where the previous handler left off; left scans for a
	// token stop there so no byte is rescanned without bound.
	floor int
	// phoneChecks counts phone validations (see validPhone).
	phoneChecks int
	// first is the index in r.Findings of this scan's first finding.
	first int
	// high has a byte's high bit set when run skipped over a byte
	// outside ASCII (the bytes that handlers read are not in it).
	high uint64
	// work counts bytes handled and context windows read; tests use it to
	// check that the scan stays linear.
	work int
}

// context reads the context words around [start, end).
func (s *scanner) context(start, end int) uint32 {
	s.work += ctxBefore + ctxAfter
	return contextAround(s.t, start, end)
}

const chunk = 1 << 16

func (s *scanner) run(ctx context.Context) {
	t := s.t
	n := len(t)
	i := 0
	nextCheck := chunk
	for i < n {
		// Fast skip over bytes that start nothing, noting on the way
		// whether any byte is outside ASCII (for otherDigits).
		for i+8 <= n {
			w := load8(t, i)
			s.high |= w
			if m := triggerMask(w); m != 0 {
				j := i + bits.TrailingZeros64(m)/8
				if trigger[t[j]] != 0 {
					i = j
					break
				}
				i = j + 1
				continue
			}
			i += 8
		}
		for i < n && trigger[t[i]] == 0 {
			s.high |= uint64(t[i])
			i++
		}
		if i >= n {
			break
		}
		if i >= nextCheck {
			if ctx.Err() != nil {
				return
			}
			nextCheck = i + chunk
		}
		var next int
		switch trigger[t[i]] {
		case trDigit:
			next = s.digit(i)
		case trAt:
			next = s.at(i)
		case trColon:
			next = s.colon(i)
		default:
			next = s.dot(i)
		}
		if next <= i {
			next = i + 1
		}
		s.work += next - i
		i = next
		if i > s.floor {
			s.floor = i
		}
	}
}

func (s *scanner) report(typ int, start, end int, score float64) {
	if end > s.last {
		s.last = end
	}
	if score > 1 {
		score = 1
	}
	if !s.d.enabled[typ] || score < s.d.minScore || start < 0 || end > len(s.t) || start >= end {
		return
	}
	s.r.AddFinding(Name, "pii", typeNames[typ], s.f, start, end, score)
}

// consume marks [.., end) as handled without reporting.
func (s *scanner) consume(end int) {
	if end > s.last {
		s.last = end
	}
}

// ---- '@': email addresses ----

func (s *scanner) at(i int) int {
	t := s.t
	lim := i - 64
	if lim < s.last {
		lim = s.last
	}
	j := i
	for j > lim && isLocalChar(t[j-1]) {
		j--
	}
	if j == i-64 && j > 0 && isLocalChar(t[j-1]) {
		return i + 1 // local part longer than RFC 5321 allows
	}
	for j < i && (t[j] == '.' || t[j] == '\'' || t[j] == '/' || t[j] == '|' || t[j] == '`' || t[j] == '{') {
		j++
	}
	if j == i || t[i-1] == '.' {
		return i + 1
	}
	e := parseHost(t, i+1, 253)
	if e < 0 {
		return i + 1
	}
	if j > 0 && (t[j-1] == ':' || t[j-1] == '/') && inURLAuthority(t, j) {
		return e // user@ or user:password@ in a URL (the secrets detector reports passwords)
	}
	if messageIDBefore(t, j) {
		return e // Message-ID: <…@host>, an e-mail's id, not an address
	}
	s.report(tEmail, j, e, 0.9)
	return e
}

// messageIDBefore reports an e-mail header that holds message ids
// (Message-ID, In-Reply-To, References) right before t[j:], with the
// id's '<'.
func messageIDBefore(t string, j int) bool {
	k := j
	if k == 0 || t[k-1] != '<' {
		return false
	}
	k--
	for k > 0 && t[k-1] == ' ' {
		k--
	}
	for _, h := range []string{"message-id:", "in-reply-to:", "references:"} {
		if k >= len(h) && strings.EqualFold(t[k-len(h):k], h) {
			return true
		}
	}
	return false
}

// inURLAuthority reports whether t[j:] starts inside a URL's authority:
// a "scheme://" ends the run of non-space bytes before it.
func inURLAuthority(t string, j int) bool {
	for k := j - 1; k >= 2 && j-k < 256; k-- {
		switch c := t[k]; {
		case c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '(':
			return false
		case c == '/' && t[k-1] == '/' && t[k-2] == ':':
			return true
		}
	}
	return false
}

// ---- ':': URLs with a scheme, IPv6 and MAC addresses ----

func (s *scanner) colon(i int) int {
	t := s.t
	n := len(t)
	if i+2 < n && t[i+1] == '/' && t[i+2] == '/' {
		return s.schemeURL(i)
	}
	if i+1 >= n || !(isHex(t[i+1]) || t[i+1] == ':') {
		return i + 1
	}
	// Up to four hex digits before the first ':' of an address.
	st := i
	for st > i-4 && st > 0 && isHex(t[st-1]) {
		st--
	}
	if st < s.last {
		return i + 1
	}
	if st > 0 {
		c := t[st-1]
		if isAlnum(c) || c == ':' || c == '.' || c == '_' || c == '-' || c == '@' {
			return i + 1
		}
	}
	if e := parseMAC(t, st); e > 0 && t[st+2] == ':' && boundaryAfter(t, e) {
		s.reportMAC(st, e)
		return e
	}
	e := parseIPv6(t, st)
	if e < 0 || !boundaryAfter(t, e) {
		return i + 1
	}
	hasDigit := false
	for k := st; k < e; k++ {
		if isDigit(t[k]) {
			hasDigit = true
			break
		}
	}
	if !hasDigit {
		return i + 1
	}
	// Trailing ':' is not part of an address (e.g. "fe80::1: up").
	score := 0.7
	if s.context(st, e)&ctxIP != 0 {
		score = 0.9
	}
	s.report(tIP, st, e, score)
	return e
}

// boundaryAfter reports whether a value ending at e is not glued to more
// word characters or address punctuation.
func boundaryAfter(t string, e int) bool {
	if e >= len(t) {
		return true
	}
	c := t[e]
	if isAlnum(c) || c == '_' || c == '@' {
		return false
	}
	if (c == ':' || c == '.' || c == '-') && e+1 < len(t) && isAlnum(t[e+1]) {
		return false
	}
	if c == ':' && e+1 < len(t) && t[e+1] == ':' {
		return false
	}
	return true
}

var urlSchemes = []string{"http", "https", "ftp", "ftps", "sftp", "ws", "wss"}

func (s *scanner) schemeURL(i int) int {
	t := s.t
	st := i
	for st > i-6 && st > 0 && isLetter(t[st-1]) {
		st--
	}
	if st > 0 && (isAlnum(t[st-1]) || t[st-1] == '+' || t[st-1] == '-' || t[st-1] == '.') || st < s.last {
		return i + 3
	}
	ok := false
	for _, sc := range urlSchemes {
		if equalFold(t[st:i], sc) {
			ok = true
			break
		}
	}
	if !ok {
		return i + 3
	}
	e := parseURLRest(t, i+3, 4096, true)
	if e < 0 {
		return i + 3
	}
	s.report(tURL, st, e, 0.6)
	return e
}

// ---- '.': "www." URLs and bare domain names ----

func (s *scanner) dot(i int) int {
	t := s.t
	if i+1 >= len(t) || !isAlnum(t[i+1]) || i == 0 || !isAlnum(t[i-1]) {
		return i + 1 // sentence ends, decimals are handled elsewhere
	}
	// The label before the first dot of a name.
	st := i
	for st > 0 && i-st < 64 && (isAlnum(t[st-1]) || t[st-1] == '-') {
		st--
	}
	if st > 0 {
		c := t[st-1]
		if isAlnum(c) || c == '-' || c == '.' || c == '/' || c == '@' || c == '_' || c == ':' || c == '\\' || c >= utf8.RuneSelf {
			return i + 1 // not the first dot of a name, or part of a path
		}
	}
	if st < s.last {
		return i + 1
	}
	if i-st == 3 && lower(t[st]) == 'w' && lower(t[st+1]) == 'w' && lower(t[st+2]) == 'w' {
		if e := parseURLRest(t, st, 4096, false); e > 0 {
			s.report(tURL, st, e, 0.5)
			return e
		}
		return i + 1
	}
	// A bare domain ("example.com/path") counts only with a common
	// top-level domain in lower case; file names ("setup.py", "README.md")
	// and names like "ASP.NET" stay out.
	he := parseHost(t, st, 253)
	if he < 0 {
		return i + 1
	}
	tl := he
	for tl > st && t[tl-1] != '.' {
		tl--
	}
	if !bareTLD(t[tl:he]) {
		return he
	}
	e := parseURLRest(t, st, 4096, false)
	if e < 0 {
		return he
	}
	s.report(tURL, st, e, 0.45)
	return e
}

var bareTLDs = map[string]bool{}

func init() {
	for _, tld := range strings.Fields(`com org net edu gov mil int info biz io co ai app dev uk de fr ca au
		us eu nl ch es it se no dk fi be at jp cn in br ru ie nz za mx ar cz hu pt gr tr kr tw hk sg
		il ae ua ro bg hr sk si lt lv ee is lu me tv fm ly ng ke`) {
		bareTLDs[tld] = true
	}
}

func bareTLD(tld string) bool {
	if len(tld) < 2 || len(tld) > 4 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		if !isLower(tld[i]) {
			return false
		}
	}
	return bareTLDs[tld]
}
