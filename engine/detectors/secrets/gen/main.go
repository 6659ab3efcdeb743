// Command gen translates the gitleaks default rule set (config/gitleaks.toml,
// MIT licence) into zz_gitleaks.go, a Go table the secrets detector compiles
// at start-up.
//
// Usage (from the module root):
//
//	cd /tmp && go mod download -json github.com/zricethezav/gitleaks/v8@v8.30.1
//	go run ./engine/detectors/secrets/gen            # finds the file in GOMODCACHE
//	go run ./engine/detectors/secrets/gen -in path/to/gitleaks.toml -version v8.30.1
//
// gitleaks is not a dependency of this module: the rule file is read from
// the module cache (or -in) only when the table is regenerated.
//
// What the translation does, rule by rule:
//
//   - ids become stable UPPER_SNAKE Parapet types (see idOverrides for the
//     ones renamed to Parapet's names, e.g. aws-access-token ->
//     AWS_ACCESS_KEY_ID);
//   - the leading "[\w.-]{0,50}?" of gitleaks' keyword-assignment template
//     is removed: it is lazy and unconstrained, so it never changes which
//     secret is captured, and dropping it lets the detector run the regex
//     on a small window that starts at the keyword;
//   - gitleaks patterns are already Go RE2 syntax (gitleaks is written in
//     Go), so no lookaround or backreference had to be rewritten;
//   - rules that only make sense with a file path (pkcs12-file,
//     kubernetes-secret-yaml, hashicorp-tf-password) are dropped: Parapet
//     scans prompt text, not files;
//   - generic-api-key, private-key and jwt are replaced by Parapet's own
//     detectors (assignment scanner, PEM block scanner, JWT with header
//     validation); generic-api-key's stopword list is kept and reused by
//     the assignment scanner;
//   - vault-service-token's legacy "s." branch is dropped (its keyword "s."
//     fires on every plural at the end of an English sentence); the
//     hand-written VAULT_TOKEN_LEGACY rule covers it with context;
//   - the token terminator "(?:[\x60'"\s;]|\\[nr]|$)" also accepts
//     , < ) ] } | & : a token in a prompt is as often followed by markdown,
//     HTML or JSON punctuation as by a quote or a space, and none of those
//     bytes is part of any rule's token alphabet (openers such as "(" stay
//     out: an identifier followed by "(" is a function, not a token); any
//     non-ASCII character (outside the rule's (?i), which would let s and
//     k in as the case folds of ſ and the Kelvin sign) (CJK text and full-width punctuation run straight
//     on from a token: "令牌是hf_…，请"); and . : ! ? before a space or the
//     end of the text, the end of a sentence in prose ("my token is
//     hf_….  How …"), or before a quote (curl -u 'sk_live_…:'), but not
//     inside a dotted name (hf_….example); and an escaped quote (\" or
//     \'), which ends a token inside a JSON or PHP serialised string;
//   - allowlists whose condition needs a path are dropped; the others are
//     kept with their target (secret, match or line).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

type allowlist struct {
	Description string   `toml:"description"`
	Condition   string   `toml:"condition"`
	Paths       []string `toml:"paths"`
	Regexes     []string `toml:"regexes"`
	RegexTarget string   `toml:"regexTarget"`
	Stopwords   []string `toml:"stopwords"`
}

type rule struct {
	ID          string      `toml:"id"`
	Description string      `toml:"description"`
	Regex       string      `toml:"regex"`
	Path        string      `toml:"path"`
	Entropy     float64     `toml:"entropy"`
	SecretGroup int         `toml:"secretGroup"`
	Keywords    []string    `toml:"keywords"`
	Allowlists  []allowlist `toml:"allowlists"`
}

type config struct {
	Allowlist allowlist `toml:"allowlist"`
	Rules     []rule    `toml:"rules"`
}

// Rules replaced by Parapet's own detectors or dropped (see package doc).
var skip = map[string]string{
	"generic-api-key":        "replaced by the assignment scanner (GENERIC_SECRET / PASSWORD_ASSIGNMENT)",
	"private-key":            "replaced by the PEM block scanner (PRIVATE_KEY)",
	"jwt":                    "replaced by the JWT scanner with header validation (JWT)",
	"pkcs12-file":            "path-only rule",
	"kubernetes-secret-yaml": "needs a .yaml path and multi-line context",
	"hashicorp-tf-password":  "needs a .tf path; the assignment scanner covers it",
}

var idOverrides = map[string]string{
	"aws-access-token":                "AWS_ACCESS_KEY_ID",
	"openai-api-key":                  "OPENAI_API_KEY",
	"anthropic-api-key":               "ANTHROPIC_API_KEY",
	"anthropic-admin-api-key":         "ANTHROPIC_ADMIN_API_KEY",
	"gcp-api-key":                     "GOOGLE_API_KEY",
	"1password-secret-key":            "ONEPASSWORD_SECRET_KEY",
	"1password-service-account-token": "ONEPASSWORD_SERVICE_ACCOUNT_TOKEN",
	"github-fine-grained-pat":         "GITHUB_FINE_GRAINED_PAT",
	"github-oauth":                    "GITHUB_OAUTH_TOKEN",
	"slack-webhook-url":               "SLACK_WEBHOOK",
	"stripe-access-token":             "STRIPE_API_KEY",
	"huggingface-access-token":        "HUGGINGFACE_TOKEN",
	"telegram-bot-api-token":          "TELEGRAM_BOT_TOKEN",
	"vault-service-token":             "VAULT_SERVICE_TOKEN",
	"vault-batch-token":               "VAULT_BATCH_TOKEN",
	"airtable-personnal-access-token": "AIRTABLE_PAT",
	"jwt-base64":                      "JWT_BASE64",
}

// patternOverrides replace an upstream pattern (documented above).
var patternOverrides = map[string]string{
	"vault-service-token": `\b(hvs\.[\w-]{90,120})(?:[\x60'"\s;]|\\[nr]|$)`,
	// Real keys are 95 characters after the prefix ending in AA; upstream
	// pins exactly that. Kept as is: ANTHROPIC_API_KEY_ANY in
	// rules_parapet.go takes other lengths.
}

var keywordOverrides = map[string][]string{
	"vault-service-token": {"hvs."},
	// "pat" alone fires on "path", "pattern"...; the token always has
	// "pat" + 14 alnum + "." so the rule keeps its "airtable" context
	// keyword and gains no new one.
}

const (
	terminator        = `(?:[\x60'"\s;]|\\[nr]|$`
	relaxedTerminator = `(?:[\x60'"\s;,<)\]}|&]|(?-i:[^\x00-\x7f])|[.:!?](?:[\s'"]|$)|\\[nr"']|$`
)

func parapetID(id string) string {
	if o, ok := idOverrides[id]; ok {
		return o
	}
	s := strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(id))
	if s[0] >= '0' && s[0] <= '9' {
		s = "R" + s
	}
	return s
}

func main() {
	in := flag.String("in", "", "path to gitleaks.toml (default: GOMODCACHE/github.com/zricethezav/gitleaks/v8@VERSION/config/gitleaks.toml)")
	version := flag.String("version", "v8.30.1", "gitleaks module version the file comes from")
	out := flag.String("out", "engine/detectors/secrets/zz_gitleaks.go", "output file")
	flag.Parse()
	path := *in
	if path == "" {
		cache, err := exec.Command("go", "env", "GOMODCACHE").Output()
		if err != nil {
			log.Fatal(err)
		}
		path = filepath.Join(strings.TrimSpace(string(cache)), "github.com/zricethezav/gitleaks/v8@"+*version, "config/gitleaks.toml")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("%v (download it with: cd /tmp && go mod download -json github.com/zricethezav/gitleaks/v8@%s)", err, *version)
	}
	var cfg config
	if err := toml.Unmarshal(data, &cfg); err != nil {
		log.Fatal(err)
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by go run ./engine/detectors/secrets/gen; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "// Rule data translated from gitleaks %s, config/gitleaks.toml\n", *version)
	fmt.Fprintf(&b, "// (Go module github.com/zricethezav/gitleaks/v8@%s).\n", *version)
	fmt.Fprintf(&b, "// gitleaks is MIT licensed: Copyright (c) 2019 Zachary Rice.\n")
	fmt.Fprintf(&b, "// Permission is hereby granted, free of charge, to any person obtaining a copy\n")
	fmt.Fprintf(&b, "// of this software ... (full text: LICENSE in the gitleaks module).\n")
	fmt.Fprintf(&b, "// See gen/main.go for what the translation changes.\n\n")
	fmt.Fprintf(&b, "package secrets\n\n")
	fmt.Fprintf(&b, "const gitleaksSource = %q\n\n", "gitleaks "+*version+" (MIT)")

	fmt.Fprintf(&b, "// gitleaksGlobalAllow: secret-target regexes of the global allowlist.\n")
	fmt.Fprintf(&b, "var gitleaksGlobalAllow = []string{\n")
	for _, r := range cfg.Allowlist.Regexes {
		fmt.Fprintf(&b, "\t%s,\n", goRaw(r))
	}
	fmt.Fprintf(&b, "}\n\n")
	fmt.Fprintf(&b, "var gitleaksGlobalStopwords = %s\n\n", strList(cfg.Allowlist.Stopwords))

	templ := regexp.MustCompile(`\[\\w\.-\]\{0,50\}\?`)
	var skipped, genericStop []string
	fmt.Fprintf(&b, "var gitleaksRules = []ruleDef{\n")
	for _, r := range cfg.Rules {
		if why, ok := skip[r.ID]; ok {
			skipped = append(skipped, r.ID+": "+why)
			if r.ID == "generic-api-key" {
				for _, a := range r.Allowlists {
					genericStop = append(genericStop, a.Stopwords...)
				}
			}
			continue
		}
		if r.Regex == "" {
			skipped = append(skipped, r.ID+": no pattern")
			continue
		}
		pat := r.Regex
		if o, ok := patternOverrides[r.ID]; ok {
			pat = o
		}
		pat = strings.ReplaceAll(pat, terminator, relaxedTerminator)
		contextual := templ.MatchString(pat)
		pat = templ.ReplaceAllString(pat, "")
		if _, err := regexp.Compile(pat); err != nil {
			log.Fatalf("%s: %v", r.ID, err)
		}
		kws := r.Keywords
		if o, ok := keywordOverrides[r.ID]; ok {
			kws = o
		}
		fmt.Fprintf(&b, "\t{\n\t\tID: %q, Upstream: %q, Contextual: %v,\n", parapetID(r.ID), r.ID, contextual)
		fmt.Fprintf(&b, "\t\tDesc: %q,\n", r.Description)
		fmt.Fprintf(&b, "\t\tPattern: %s,\n", goRaw(pat))
		fmt.Fprintf(&b, "\t\tKeywords: %s,\n", strList(kws))
		if r.Entropy != 0 {
			fmt.Fprintf(&b, "\t\tEntropy: %v,\n", r.Entropy)
		}
		if r.SecretGroup != 0 {
			fmt.Fprintf(&b, "\t\tGroup: %d,\n", r.SecretGroup)
		}
		var allowS, allowM, allowL, stop []string
		for _, a := range r.Allowlists {
			if len(a.Paths) > 0 || a.Condition == "AND" {
				continue // needs a file path
			}
			switch a.RegexTarget {
			case "", "secret":
				allowS = append(allowS, a.Regexes...)
			case "match":
				allowM = append(allowM, a.Regexes...)
			case "line":
				allowL = append(allowL, a.Regexes...)
			}
			stop = append(stop, a.Stopwords...)
		}
		if len(allowS) > 0 {
			fmt.Fprintf(&b, "\t\tAllow: %s,\n", rawList(allowS))
		}
		if len(allowM) > 0 {
			fmt.Fprintf(&b, "\t\tAllowMatch: %s,\n", rawList(allowM))
		}
		if len(allowL) > 0 {
			fmt.Fprintf(&b, "\t\tAllowLine: %s,\n", rawList(allowL))
		}
		if len(stop) > 0 {
			fmt.Fprintf(&b, "\t\tStopwords: %s,\n", strList(stop))
		}
		fmt.Fprintf(&b, "\t},\n")
	}
	fmt.Fprintf(&b, "}\n\n")
	fmt.Fprintf(&b, "// Upstream rules not translated:\n")
	for _, s := range skipped {
		fmt.Fprintf(&b, "//   - %s\n", s)
	}
	fmt.Fprintln(&b)
	sort.Strings(genericStop)
	fmt.Fprintf(&b, "// genericStopwords: the stopword list of gitleaks' generic-api-key rule.\n")
	fmt.Fprintf(&b, "var genericStopwords = %s\n", strList(genericStop))
	finish(&b, *out)
}

func finish(b *bytes.Buffer, out string) {
	src, err := format.Source(b.Bytes())
	if err != nil {
		os.WriteFile(out+".broken", b.Bytes(), 0o644)
		log.Fatal(err)
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

func goRaw(s string) string {
	if !strings.Contains(s, "`") {
		return "`" + s + "`"
	}
	return fmt.Sprintf("%q", s)
}

func rawList(ss []string) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, goRaw(s))
	}
	return "[]string{" + strings.Join(parts, ", ") + "}"
}

func strList(ss []string) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, fmt.Sprintf("%q", s))
	}
	return "[]string{" + strings.Join(parts, ", ") + "}"
}
