package main

import (
	"fmt"
	"log"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// fakerVersion is the @faker-js/faker release read by fakerNames; the
// tarball is extracted to <npm>/faker-js-faker-<version>.
const fakerVersion = "10.6.0"

// fakerLocales are the faker locales whose person first and last names are
// added (F and l). Locales without names of their own (fakerInherits)
// add nothing.
var fakerLocales = []string{
	"de", "de_AT", "de_CH", "fr", "fr_BE", "fr_CA", "fr_CH", "nl", "nl_BE", "it", "es", "es_MX",
	"pt_BR", "pt_PT", "pl", "sv", "nb_NO", "da", "fi", "cs_CZ", "sk", "hu", "ro", "hr",
	"sr_RS_latin", "tr", "en_GB", "en_IE", "en_AU", "en_IN", "en_NG", "en_GH", "en_ZA", "cy",
	"id_ID", "vi", "af_ZA", "zu_ZA", "yo_NG", "lv", "az", "uz_UZ_latin", "eo",
}

// fakerInherits are the locales of fakerLocales that have no first names
// of their own: faker falls back to fr and en. Any other locale without
// names means the bundle changed shape, and fakerNames stops.
var fakerInherits = map[string]bool{"fr_CA": true, "en_GB": true, "en_IE": true, "cy": true}

// fakerNames reads person.first_name and person.last_name (generic, female,
// male) of one locale from faker's published bundle. Each locale's data is
// one minified ES module, dist/<locale>-<hash>.js, of the form
//
//	import{...}from"./base-….js";const r={…},i={metadata:{…,code:`de_AT`,…},person:{first_name:{female:`Anna.Berta`.split(`.`),…}}},a=new e({locale:[i,…]});export{…};
//
// jsModule evaluates the subset of JavaScript these files use (object and
// array literals, strings, template literals without substitutions,
// `…`.split(sep), references to the module's consts); the locale
// definition is the const whose metadata.code is the locale.
func fakerNames(dist, locale string) (given, surnames []string) {
	files, err := filepath.Glob(filepath.Join(dist, locale+"-*.js"))
	if err != nil || len(files) != 1 {
		log.Fatalf("faker %s: want one dist/%s-*.js, found %v (%v)", locale, locale, files, err)
	}
	m := jsModule(files[0])
	var def map[string]any
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		o, _ := m.resolve(m[k]).(map[string]any)
		md, _ := m.resolve(o["metadata"]).(map[string]any)
		if md != nil && m.resolve(md["code"]) == locale {
			def = o
		}
	}
	if def == nil {
		log.Fatalf("faker %s: no locale definition in %s", locale, files[0])
	}
	person, _ := m.resolve(def["person"]).(map[string]any)
	list := func(section string) []string {
		sec, _ := m.resolve(person[section]).(map[string]any)
		var out []string
		for _, g := range []string{"generic", "female", "male"} {
			v := m.resolve(sec[g])
			if v == nil {
				continue
			}
			arr, ok := v.([]any)
			if !ok {
				log.Fatalf("faker %s: person.%s.%s is %T, not a list", locale, section, g, v)
			}
			for _, s := range arr {
				s, ok := m.resolve(s).(string)
				if !ok {
					log.Fatalf("faker %s: person.%s.%s holds a non-string", locale, section, g)
				}
				out = append(out, s)
			}
		}
		return out
	}
	given, surnames = list("first_name"), list("last_name")
	if (len(given) == 0) != fakerInherits[locale] {
		log.Fatalf("faker %s: %d first names, %d last names: not what fakerInherits says", locale, len(given), len(surnames))
	}
	return given, surnames
}

// latinOnly reports whether s uses only ASCII, Latin-1 and Latin
// Extended-A characters (up to U+017F), the letters the detector folds.
func latinOnly(s string) bool {
	for _, r := range s {
		if r >= 0x180 {
			return false
		}
	}
	return true
}

// foldLatin is the detector's table (gazetteer.go): the ASCII base
// letters of lower-cased U+00C0..U+017F.
var foldLatin = strings.Split("a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|ss|a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|y|a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|d|d|e|e|e|e|e|e|e|e|e|e|g|g|g|g|g|g|g|g|h|h|h|h|i|i|i|i|i|i|i|i|i|i|||j|j|k|k|k|l|l|l|l|l|l|l|l|l|l|n|n|n|n|n|n||n|n|o|o|o|o|o|o|oe|oe|r|r|r|r|r|r|s|s|s|s|s|s|s|s|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|u|u|u|w|w|y|y|y|z|z|z|z|z|z|", "|")

// fold maps a normalised phrase to the form the detector hashes it in:
// Latin-1 and Latin Extended-A letters folded to ASCII, so that "Saïd"
// and "said" are one word to it.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 0xC0 && r < 0x180 && foldLatin[r-0xC0] != "" {
			b.WriteString(foldLatin[r-0xC0])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

type jsRef string

// jsSpread is ...v in an array or object literal; names never use it.
type jsSpread struct{ v any }

type jsEnv map[string]any

func (m jsEnv) resolve(v any) any {
	for i := 0; i < 100; i++ {
		r, ok := v.(jsRef)
		if !ok {
			return v
		}
		v = m[string(r)]
	}
	log.Fatal("faker: reference cycle")
	return nil
}

// jsModule parses the statements of a minified faker chunk: imports,
// const declaration lists, and the final export.
func jsModule(path string) jsEnv {
	p := &jsParser{src: readFile(path), path: path}
	env := jsEnv{}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(jsErr); ok {
				log.Fatal(e.msg)
			}
			panic(r)
		}
	}()
	for {
		p.space()
		switch {
		case p.i >= len(p.src):
			return env
		case p.eat(";"):
		case p.word("import"):
			p.skipTo(";")
		case p.word("export"):
			p.skipTo(";")
		case p.word("const") || p.word("let") || p.word("var"):
			for {
				p.space()
				name := p.ident()
				p.expect("=")
				env[name] = p.valueOrSkip()
				if !p.eat(",") {
					break
				}
			}
		default:
			p.fail("unexpected statement")
		}
	}
}

type jsParser struct {
	src, path string
	i         int
}

type jsErr struct{ msg string }

// fail panics with a jsErr: the innermost valueOrSkip recovers from it,
// jsModule reports it if nothing does.
func (p *jsParser) fail(msg string) {
	end := min(p.i+80, len(p.src))
	panic(jsErr{fmt.Sprintf("%s:%d: %s at %q", p.path, p.i, msg, p.src[min(p.i, len(p.src)):end])})
}

// valueOrSkip parses a const initialiser, property value or array
// element. Code the subset does not cover (arrow functions, .map calls)
// is skipped and its value is nil; a locale definition or name list that
// needed it would then be missing, which fakerNames reports.
func (p *jsParser) valueOrSkip() (v any) {
	start := p.i
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(jsErr); !ok {
				panic(r)
			}
			p.i = start
			p.skipExpr()
			v = nil
		}
	}()
	v = p.value()
	p.space()
	if p.i < len(p.src) && strings.IndexByte(",;)]}", p.src[p.i]) < 0 {
		p.fail("expression continues")
	}
	return v
}

// skipExpr moves to the next ',' or ';' or closing bracket outside
// brackets and strings of its own.
func (p *jsParser) skipExpr() {
	depth := 0
	for p.i < len(p.src) {
		switch c := p.src[p.i]; c {
		case '"', '\'', '`':
			p.skipStr()
			continue
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth < 0 {
				return
			}
		case ',', ';':
			if depth == 0 {
				return
			}
		}
		p.i++
	}
}

// skipStr moves past a string or template literal, substitutions included.
func (p *jsParser) skipStr() {
	q := p.src[p.i]
	p.i++
	for p.i < len(p.src) {
		c := p.src[p.i]
		switch {
		case c == '\\':
			p.i += 2
			continue
		case c == q:
			p.i++
			return
		case q == '`' && strings.HasPrefix(p.src[p.i:], "${"):
			p.i += 2
			depth := 1
			for p.i < len(p.src) && depth > 0 {
				switch p.src[p.i] {
				case '"', '\'', '`':
					p.skipStr()
					continue
				case '{':
					depth++
				case '}':
					depth--
				}
				p.i++
			}
			continue
		}
		p.i++
	}
	p.fail("unterminated string")
}

func (p *jsParser) space() {
	for p.i < len(p.src) && strings.IndexByte(" \t\r\n", p.src[p.i]) >= 0 {
		p.i++
	}
}

func (p *jsParser) eat(s string) bool {
	p.space()
	if strings.HasPrefix(p.src[p.i:], s) {
		p.i += len(s)
		return true
	}
	return false
}

func (p *jsParser) expect(s string) {
	if !p.eat(s) {
		p.fail("want " + s)
	}
}

// word consumes keyword w if it is not the prefix of a longer identifier.
func (p *jsParser) word(w string) bool {
	p.space()
	if !strings.HasPrefix(p.src[p.i:], w) || p.i+len(w) < len(p.src) && isIdentByte(p.src[p.i+len(w)]) {
		return false
	}
	p.i += len(w)
	return true
}

// skipTo moves past the next sep that is outside a string literal.
func (p *jsParser) skipTo(sep string) {
	for p.i < len(p.src) {
		switch c := p.src[p.i]; {
		case c == '"' || c == '\'' || c == '`':
			p.skipStr()
		case strings.HasPrefix(p.src[p.i:], sep):
			p.i += len(sep)
			return
		default:
			p.i++
		}
	}
	p.i++ // past the end: no separator
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (p *jsParser) ident() string {
	p.space()
	j := p.i
	for j < len(p.src) && isIdentByte(p.src[j]) {
		j++
	}
	if j == p.i {
		p.fail("want identifier")
	}
	s := p.src[p.i:j]
	p.i = j
	return s
}

// str reads a quoted string or a template literal without substitutions.
func (p *jsParser) str() string {
	q := p.src[p.i]
	p.i++
	var b strings.Builder
	for {
		if p.i >= len(p.src) {
			p.fail("unterminated string")
		}
		c := p.src[p.i]
		switch {
		case c == q:
			p.i++
			return b.String()
		case c == '\\':
			if p.i+1 >= len(p.src) {
				p.fail("bad escape")
			}
			switch e := p.src[p.i+1]; e {
			case '\\', '\'', '"', '`', '/':
				b.WriteByte(e)
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				p.fail("unsupported escape")
			}
			p.i += 2
		case q == '`' && strings.HasPrefix(p.src[p.i:], "${"):
			p.fail("template substitution")
		default:
			b.WriteByte(c)
			p.i++
		}
	}
}

// value parses an expression: a literal, optionally followed by
// .split(sep); a reference to a const; or a call (new e({…}), evaluated to
// nil).
func (p *jsParser) value() any {
	p.space()
	if p.i >= len(p.src) {
		p.fail("want value")
	}
	var v any
	switch c := p.src[p.i]; {
	case c == '{':
		p.i++
		o := map[string]any{}
		for !p.eat("}") {
			p.space()
			var k string
			if p.eat("...") {
				o["..."+strconv.Itoa(p.i)] = jsSpread{p.value()}
				if !p.eat(",") && !strings.HasPrefix(p.src[p.i:], "}") {
					p.fail("want , or }")
				}
				continue
			}
			if c := p.src[p.i]; c == '"' || c == '\'' || c == '`' {
				k = p.str()
			} else {
				k = p.ident()
			}
			if p.eat(":") {
				o[k] = p.valueOrSkip()
			} else {
				o[k] = jsRef(k) // shorthand {a}
			}
			if !p.eat(",") && !strings.HasPrefix(p.src[p.i:], "}") {
				p.fail("want , or }")
			}
		}
		v = o
	case c == '[':
		p.i++
		a := []any{}
		for !p.eat("]") {
			if p.eat("...") {
				a = append(a, jsSpread{p.value()})
			} else {
				a = append(a, p.valueOrSkip())
			}
			if !p.eat(",") && !strings.HasPrefix(p.src[p.i:], "]") {
				p.fail("want , or ]")
			}
		}
		v = a
	case c == '"' || c == '\'' || c == '`':
		v = p.str()
	case c == '-' || c == '.' || c >= '0' && c <= '9':
		j := p.i + 1
		for j < len(p.src) && strings.IndexByte("0123456789.eE+-xabcdefABCDEF_", p.src[j]) >= 0 {
			j++
		}
		v = p.src[p.i:j]
		p.i = j
	case c == '!': // minified booleans: !0, !1
		p.i++
		p.value()
		v = nil
	case isIdentByte(c):
		id := p.ident()
		switch id {
		case "true", "false", "null", "undefined":
			v = nil
		case "new":
			p.ident()
			p.args()
			v = nil
		default:
			if p.eat("(") {
				p.i--
				p.args()
				v = nil
			} else {
				v = jsRef(id)
			}
		}
	default:
		p.fail("unsupported value")
	}
	for p.eat(".split(") {
		p.space()
		sep, ok := p.value().(string)
		if !ok {
			p.fail("split separator is not a string")
		}
		p.expect(")")
		s, ok := v.(string)
		if !ok {
			p.fail("split of a non-string")
		}
		var a []any
		for _, x := range strings.Split(s, sep) {
			a = append(a, x)
		}
		v = a
	}
	return v
}

// args skips a parenthesised argument list.
func (p *jsParser) args() {
	p.expect("(")
	for !p.eat(")") {
		p.value()
		if !p.eat(",") && !strings.HasPrefix(p.src[p.i:], ")") {
			p.fail("want , or )")
		}
	}
}
