package secrets

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"regexp/syntax"
)

// reString prints a parsed regexp as a pattern that parses back to the
// same tree. It stands in for (*syntax.Regexp).String, which since Go
// 1.22 works out the fewest flags to print by folding the case of every
// rune of every character class: for the wide classes of these rules
// ([^\s], [^"'\n]…) that is about a million unicode.SimpleFold calls a
// class, and it made String take 96 % of the start-up of the secrets
// detector (about a second). This printer needs no flag analysis: case
// folding is already compiled out of classes, so a class is printed as
// its ranges, and a literal that folds case is wrapped in (?i:…); every
// other flag-dependent operator is printed in a form that does not
// depend on flags. TestReStringRoundTrips parses every rule's printed
// pattern back and compares the trees.
func reString(re *syntax.Regexp) string {
	var b strings.Builder
	writeRe(&b, re)
	return b.String()
}

func writeRe(b *strings.Builder, re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpNoMatch:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
	case syntax.OpEmptyMatch:
		b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			b.WriteString(`(?i:`)
		}
		for _, r := range re.Rune {
			writeRune(b, r)
		}
		if re.Flags&syntax.FoldCase != 0 {
			b.WriteByte(')')
		}
	case syntax.OpCharClass:
		b.WriteByte('[')
		if len(re.Rune) == 0 {
			b.WriteString(`^\x00-\x{10FFFF}`)
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			writeRune(b, lo)
			if hi != lo {
				b.WriteByte('-')
				writeRune(b, hi)
			}
		}
		b.WriteByte(']')
	case syntax.OpAnyCharNotNL:
		b.WriteString(`(?-s:.)`)
	case syntax.OpAnyChar:
		b.WriteString(`(?s:.)`)
	case syntax.OpBeginLine:
		b.WriteString(`(?m:^)`)
	case syntax.OpEndLine:
		b.WriteString(`(?m:$)`)
	case syntax.OpBeginText:
		b.WriteString(`\A`)
	case syntax.OpEndText:
		if re.Flags&syntax.WasDollar != 0 {
			b.WriteString(`(?-m:$)`)
		} else {
			b.WriteString(`\z`)
		}
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpCapture:
		if re.Name != "" {
			b.WriteString(`(?P<` + re.Name + `>`)
		} else {
			b.WriteByte('(')
		}
		writeRe(b, re.Sub[0])
		b.WriteByte(')')
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		b.WriteString(`(?:`)
		writeRe(b, re.Sub[0])
		b.WriteByte(')')
		switch re.Op {
		case syntax.OpStar:
			b.WriteByte('*')
		case syntax.OpPlus:
			b.WriteByte('+')
		case syntax.OpQuest:
			b.WriteByte('?')
		default:
			b.WriteByte('{')
			b.WriteString(strconv.Itoa(re.Min))
			if re.Max != re.Min {
				b.WriteByte(',')
				if re.Max >= 0 {
					b.WriteString(strconv.Itoa(re.Max))
				}
			}
			b.WriteByte('}')
		}
		if re.Flags&syntax.NonGreedy != 0 {
			b.WriteByte('?')
		}
	case syntax.OpConcat:
		b.WriteString(`(?:`)
		for _, s := range re.Sub {
			writeRe(b, s)
		}
		b.WriteByte(')')
	case syntax.OpAlternate:
		b.WriteString(`(?:`)
		for i, s := range re.Sub {
			if i > 0 {
				b.WriteByte('|')
			}
			writeRe(b, s)
		}
		b.WriteByte(')')
	default:
		// Every Op of regexp/syntax is handled above; an unknown one
		// (a future Go) falls back to the library's printer.
		b.WriteString(re.String())
	}
}

// writeRune writes r so that it stands for itself, in or out of a class.
func writeRune(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == ' ') {
		b.WriteRune(r)
		return
	}
	if r < utf8.RuneSelf && strings.ContainsRune(`\.+*?()|[]{}^$-`, r) {
		b.WriteByte('\\')
		b.WriteRune(r)
		return
	}
	b.WriteString(`\x{`)
	b.WriteString(strconv.FormatInt(int64(r), 16))
	b.WriteByte('}')
}
