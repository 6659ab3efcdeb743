package pii

import (
	"regexp"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// Phone validation uses libphonenumber's metadata as shipped in
// github.com/nyaruka/phonenumbers, and the same decision procedure as its
// IsValidNumber: find the region of the calling code (by leading digits
// where the code is shared), require the national significant number to
// match the region's general description, then one number type (fixed
// line, mobile, toll free, ...), each with its possible lengths. The
// library's own Parse/IsValidNumber costs about 60 µs and 90 allocations
// per call (it builds and looks up regex strings every time), which is too
// slow for a scanner; here the patterns of a calling code are compiled
// once, on first use, and matching allocates nothing. phoneValidLib keeps
// the library path for tests that check the two agree.

type numberDesc struct {
	re      *regexp.Regexp
	lengths []int32
}

func (d *numberDesc) match(nsn []byte) bool {
	if d == nil || d.re == nil {
		return false
	}
	if len(d.lengths) > 0 {
		ok := false
		for _, l := range d.lengths {
			if int(l) == len(nsn) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return d.re.Match(nsn)
}

type regionMeta struct {
	id        string
	lengths   uint32         // bit per possible national number length (general desc)
	leading   *regexp.Regexp // prefix match; nil if the region has none
	general   *numberDesc
	types     []*numberDesc
	natPrefix []string // national (trunk) prefixes for parsing, digits only
}

type callingCode struct {
	once    sync.Once
	metas   []*phonenumbers.PhoneMetadata
	regions []*regionMeta
}

var (
	phoneOnce  sync.Once
	phoneCodes map[int]*callingCode
	regionCC   map[string]int
)

func loadPhoneMeta() {
	phoneCodes = map[int]*callingCode{}
	regionCC = map[string]int{}
	coll, err := phonenumbers.MetadataCollection()
	if err != nil || coll == nil {
		return
	}
	for _, m := range coll.GetMetadata() {
		cc := int(m.GetCountryCode())
		c := phoneCodes[cc]
		if c == nil {
			c = &callingCode{}
			phoneCodes[cc] = c
		}
		if m.GetMainCountryForCode() {
			c.metas = append([]*phonenumbers.PhoneMetadata{m}, c.metas...)
		} else {
			c.metas = append(c.metas, m)
		}
		if _, ok := regionCC[m.GetId()]; !ok || m.GetMainCountryForCode() {
			regionCC[m.GetId()] = cc
		}
	}
}

func compileDesc(d *phonenumbers.PhoneNumberDesc) *numberDesc {
	if d == nil || d.GetNationalNumberPattern() == "" {
		return nil
	}
	re, err := regexp.Compile("^(?:" + d.GetNationalNumberPattern() + ")$")
	if err != nil {
		return nil
	}
	return &numberDesc{re: re, lengths: d.GetPossibleLength()}
}

func (c *callingCode) load() {
	c.once.Do(func() {
		for _, m := range c.metas {
			r := &regionMeta{id: m.GetId(), general: compileDesc(m.GetGeneralDesc())}
			for _, l := range m.GetGeneralDesc().GetPossibleLength() {
				if l > 0 && l < 32 {
					r.lengths |= 1 << l
				}
			}
			if len(m.GetGeneralDesc().GetPossibleLength()) == 0 {
				r.lengths = ^uint32(0)
			}
			if ld := m.GetLeadingDigits(); ld != "" {
				r.leading, _ = regexp.Compile("^(?:" + ld + ")")
			}
			// Validity needs any one type to match; the common ones go
			// first. A mobile pattern equal to the fixed-line one is
			// tried once.
			mobile := m.GetMobile()
			if m.GetSameMobileAndFixedLinePattern() {
				mobile = nil
			}
			for _, d := range []*phonenumbers.PhoneNumberDesc{m.GetFixedLine(), mobile, m.GetTollFree(), m.GetPremiumRate(),
				m.GetSharedCost(), m.GetVoip(), m.GetPersonalNumber(), m.GetPager(), m.GetUan(), m.GetVoicemail()} {
				if nd := compileDesc(d); nd != nil {
					r.types = append(r.types, nd)
				}
			}
			// The prefix for parsing is a regex; its plain-digit
			// alternatives ("0|180020") are what national numbers start
			// with. Alternatives with groups rewrite numbers and are left out.
			for _, alt := range strings.Split(m.GetNationalPrefixForParsing(), "|") {
				if alt != "" && allDigits(alt) {
					r.natPrefix = append(r.natPrefix, alt)
				}
			}
			if np := m.GetNationalPrefix(); np != "" && allDigits(np) && m.GetNationalPrefixForParsing() == "" {
				r.natPrefix = append(r.natPrefix, np)
			}
			c.regions = append(c.regions, r)
		}
	})
}

func (r *regionMeta) valid(nsn []byte) bool {
	if len(nsn) >= 32 || r.lengths&(1<<len(nsn)) == 0 || !r.general.match(nsn) {
		return false
	}
	for _, d := range r.types {
		if d.match(nsn) {
			return true
		}
	}
	return false
}

// validNSN reports whether nsn is a valid national significant number for
// calling code cc, choosing the region as GetRegionCodeForNumber does.
func validNSN(cc int, nsn []byte) bool {
	c := phoneCodes[cc]
	if c == nil || len(nsn) < 2 || len(nsn) > 17 {
		return false
	}
	c.load()
	if len(c.regions) == 1 {
		return c.regions[0].valid(nsn)
	}
	for _, r := range c.regions {
		if len(nsn) >= 32 || r.lengths&(1<<len(nsn)) == 0 {
			continue
		}
		if r.leading != nil {
			if r.leading.Match(nsn) {
				return r.valid(nsn)
			}
			continue
		}
		if r.valid(nsn) {
			return true
		}
	}
	return false
}

// validWithTrunk also accepts the number with the region's national
// (trunk) prefix removed, as parsing a nationally written number does.
func validWithTrunk(cc int, nsn []byte) bool {
	if validNSN(cc, nsn) {
		return true
	}
	c := phoneCodes[cc]
	if c == nil {
		return false
	}
	for _, r := range c.regions {
		for _, p := range r.natPrefix {
			if len(nsn) > len(p) && string(nsn[:len(p)]) == p && validNSN(cc, nsn[len(p):]) {
				return true
			}
		}
	}
	return false
}

// phoneValidDigits validates a number given as its digits: international
// (intl true: the digits start with the calling code) or national in
// region.
func phoneValidDigits(d []byte, intl bool, region string) bool {
	phoneOnce.Do(loadPhoneMeta)
	if intl {
		for n := 1; n <= 3 && n < len(d); n++ {
			cc := prefixNum(d, n)
			if d[0] == '0' {
				return false
			}
			if _, ok := phoneCodes[cc]; ok {
				return validWithTrunk(cc, d[n:])
			}
		}
		return false
	}
	cc, ok := regionCC[region]
	if !ok {
		return false
	}
	return validWithTrunk(cc, d)
}

// phoneValidLib is the library's own parse-and-validate, kept for tests.
func phoneValidLib(num, region string) bool {
	pn, err := phonenumbers.Parse(num, region)
	if err != nil {
		return false
	}
	return phonenumbers.IsValidNumber(pn)
}

// phonePossibleIntl reports whether d (calling code and national number)
// has a known calling code and a national number length that one of its
// regions allows.
func phonePossibleIntl(d []byte) bool {
	phoneOnce.Do(loadPhoneMeta)
	for n := 1; n <= 3 && n < len(d); n++ {
		if d[0] == '0' {
			return false
		}
		c := phoneCodes[prefixNum(d, n)]
		if c == nil {
			continue
		}
		c.load()
		l := len(d) - n
		for _, r := range c.regions {
			if l < 32 && r.lengths&(1<<l) != 0 {
				return true
			}
		}
		return false
	}
	return false
}

// otherRegions are the regions tried, in this order, for a nationally
// written number that the default region does not validate: "030
// 12345678" (Berlin), "(02) 9374 4000" (Sydney), "06 12345678" (a Dutch
// mobile), "(11) 3456-7890" (São Paulo). Each region's national (trunk)
// prefix and number plan are libphonenumber's metadata (see above); the
// list is the regions whose national formats are most often written
// without a country code in English-language text (and the Philippines'
// and Portugal's, whose mobiles chats write as "0917 455 2841" and
// "912 384 706"), with trunk prefix "0"
// or an area code in parentheses, as libphonenumber's per-region example
// numbers show (resources/PhoneNumberMetadata.xml, nationalPrefix and
// exampleNumber of each territory).
var otherRegions = [...]string{"GB", "DE", "FR", "IN", "AU", "BR", "NL", "IT", "ES", "IE", "NZ", "ZA", "NG", "BE", "CH", "AT", "PL", "SE", "MX", "JP", "CN", "PH", "PT"}

// phoneValidElsewhere reports whether the national digits d are a valid
// number in one of otherRegions other than skip (the default region).
// It returns how many regions it tried, for the validation budget.
func phoneValidElsewhere(d []byte, skip string) (bool, int) {
	phoneOnce.Do(loadPhoneMeta)
	tried := 0
	for _, r := range otherRegions {
		if r == skip {
			continue
		}
		cc, ok := regionCC[r]
		if !ok {
			continue
		}
		tried++
		if validWithTrunk(cc, d) {
			return true, tried
		}
	}
	return false, tried
}

// knownCallingCode reports whether the digits after a '+' start with an
// assigned country calling code (ITU-T E.164, as in libphonenumber's
// metadata) and leave 6 to 14 digits for the national number.
func knownCallingCode(d []byte) bool {
	phoneOnce.Do(loadPhoneMeta)
	if len(d) == 0 || d[0] == '0' {
		return false
	}
	for n := 1; n <= 3 && n < len(d); n++ {
		if _, ok := phoneCodes[prefixNum(d, n)]; ok {
			l := len(d) - n
			return l >= 6 && l <= 14
		}
	}
	return false
}
