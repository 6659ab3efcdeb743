package contract

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Dir is the folder holding the case files, the schema, bundle/ and
// server/.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Dir(file)
}

// RepoRoot is the root of the Parapet repository this package is in.
func RepoRoot() string { return filepath.Join(Dir(), "..", "..", "..") }

// Case is one contract case: what to send and what must come back.
type Case struct {
	Name        string         `yaml:"name"`
	Description string         `yaml:"description"`
	Auth        string         `yaml:"auth"`
	Request     map[string]any `yaml:"request"`
	RawBody     *string        `yaml:"body"`
	BodyBase64  string         `yaml:"body_base64"`
	BodyRepeat  *Repeat        `yaml:"body_repeat"`
	HTTP        HTTP           `yaml:"http"`
	Expect      *Expect        `yaml:"expect"`
	ExpectError *ExpectError   `yaml:"expect_error"`

	File string `yaml:"-"` // the file the case is in
}

// Repeat builds a large body: Prefix + Unit×Count + Suffix.
type Repeat struct {
	Prefix string `yaml:"prefix"`
	Unit   string `yaml:"unit"`
	Count  int    `yaml:"count"`
	Suffix string `yaml:"suffix"`
}

// HTTP overrides the raw call's method, path and content type.
type HTTP struct {
	Method      string `yaml:"method"`
	Path        string `yaml:"path"`
	ContentType string `yaml:"content_type"`
}

// Expect lists decision fields to check; nil fields are not checked.
type Expect struct {
	Effect         *string            `yaml:"effect"`
	Allow          *bool              `yaml:"allow"`
	FailClosed     *bool              `yaml:"fail_closed"`
	Reasons        *[]string          `yaml:"reasons"`
	ReasonsInclude []string           `yaml:"reasons_include"`
	ReasonsExclude []string           `yaml:"reasons_exclude"`
	Messages       Optional[[]Msg]    `yaml:"messages"`
	Response       Optional[RespExp]  `yaml:"response"`
	Route          Optional[RouteExp] `yaml:"route"`
	Obligations    *ObligationsExp    `yaml:"obligations"`
	Restored       *Restored          `yaml:"restored"`
}

// Msg is an expected message.
type Msg struct {
	Role    string `yaml:"role" json:"role"`
	Content string `yaml:"content" json:"content"`
}

// RespExp is an expected transformed response.
type RespExp struct {
	Content   string `yaml:"content"`
	Reasoning string `yaml:"reasoning"`
}

// RouteExp is an expected route.
type RouteExp struct {
	Model    string `yaml:"model"`
	Upstream string `yaml:"upstream"`
}

// ObligationsExp lists obligations to check.
type ObligationsExp struct {
	Restore        *bool             `yaml:"restore"`
	StripReasoning *bool             `yaml:"strip_reasoning"`
	Notice         *string           `yaml:"notice"`
	Placeholders   map[string]string `yaml:"placeholders"`
}

// Restored is an SDK-side check: restoring the decision's placeholders in
// Answer must give Want.
type Restored struct {
	Answer string `yaml:"answer"`
	Want   string `yaml:"want"`
}

// ExpectError is the error the server must answer with.
type ExpectError struct {
	Status int     `yaml:"status"`
	Code   string  `yaml:"code"`
	Field  *string `yaml:"field"`
}

// Optional tells a key that is absent (not checked) from one that is null
// (must be absent in the decision) from one with a value.
type Optional[T any] struct {
	Set   bool // the key is in the case
	Null  bool // its value is null
	Value T
}

func (o *Optional[T]) setNull() { o.Set, o.Null = true, true }

// UnmarshalYAML reads a value (null never reaches it; see Load).
func (o *Optional[T]) UnmarshalYAML(n *yaml.Node) error {
	o.Set = true
	if n.Tag == "!!null" {
		o.Null = true
		return nil
	}
	return n.Decode(&o.Value)
}

// Load reads every *.yaml file in dir, in name order, and checks that
// case names are unique and each case is well formed.
func Load(dir string) ([]Case, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("no contract files in %s", dir)
	}
	var cases []Case
	seen := map[string]string{}
	var errs []error
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var doc struct {
			Cases []Case `yaml:"cases"`
		}
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(&doc); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(f), err)
		}
		// yaml.v3 calls no unmarshaler for a null value, so the keys set
		// to null are found in a second, untyped pass.
		var rawDoc struct {
			Cases []map[string]any `yaml:"cases"`
		}
		if err := yaml.Unmarshal(raw, &rawDoc); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(f), err)
		}
		for i := range doc.Cases {
			c := &doc.Cases[i]
			c.File = filepath.Base(f)
			if exp, ok := rawDoc.Cases[i]["expect"].(map[string]any); ok && c.Expect != nil {
				for key, opt := range map[string]interface{ setNull() }{
					"messages": &c.Expect.Messages, "response": &c.Expect.Response, "route": &c.Expect.Route,
				} {
					if v, ok := exp[key]; ok && v == nil {
						opt.setNull()
					}
				}
			}
			if prev, ok := seen[c.Name]; ok {
				errs = append(errs, fmt.Errorf("%s: case %q is also in %s", c.File, c.Name, prev))
			}
			seen[c.Name] = c.File
			if err := c.validate(); err != nil {
				errs = append(errs, fmt.Errorf("%s: case %q: %w", c.File, c.Name, err))
			}
			cases = append(cases, *c)
		}
	}
	return cases, errors.Join(errs...)
}

func (c *Case) validate() error {
	if c.Name == "" {
		return errors.New("name is required")
	}
	if (c.Expect == nil) == (c.ExpectError == nil) {
		return errors.New("needs exactly one of expect and expect_error")
	}
	n := 0
	for _, set := range []bool{c.Request != nil, c.RawBody != nil, c.BodyBase64 != "", c.BodyRepeat != nil} {
		if set {
			n++
		}
	}
	if n > 1 {
		return errors.New("give at most one of request, body, body_base64 and body_repeat")
	}
	switch c.Auth {
	case "", "default", "acme", "invalid", "none":
	default:
		return fmt.Errorf("auth %q is not default, acme, invalid or none", c.Auth)
	}
	return nil
}

// Typed reports whether the case goes through an SDK's typed decide call:
// it has a request and no HTTP override.
func (c *Case) Typed() bool {
	return c.Request != nil && c.HTTP == (HTTP{})
}

// Body is the raw body to send.
func (c *Case) Body() ([]byte, error) {
	switch {
	case c.Request != nil:
		return json.Marshal(c.Request)
	case c.RawBody != nil:
		return []byte(*c.RawBody), nil
	case c.BodyBase64 != "":
		return base64.StdEncoding.DecodeString(c.BodyBase64)
	case c.BodyRepeat != nil:
		r := c.BodyRepeat
		return []byte(r.Prefix + strings.Repeat(r.Unit, r.Count) + r.Suffix), nil
	}
	return nil, nil
}

// Method is the HTTP method of the raw call (default POST).
func (c *Case) Method() string { return or(c.HTTP.Method, "POST") }

// Path is the path of the raw call (default /v1/decide).
func (c *Case) Path() string { return or(c.HTTP.Path, "/v1/decide") }

// ContentType is the Content-Type of the raw call (default
// application/json).
func (c *Case) ContentType() string { return or(c.HTTP.ContentType, "application/json") }

// Token is the bearer token the case sends, from tokens; "" for none.
func (c *Case) Token(tokens map[string]string) string {
	if c.Auth == "none" {
		return ""
	}
	return tokens[or(c.Auth, "default")]
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Tokens reads server/tokens.json: the bearer token for each auth name.
func Tokens() (map[string]string, error) {
	raw, err := os.ReadFile(filepath.Join(Dir(), "server", "tokens.json"))
	if err != nil {
		return nil, err
	}
	var t map[string]string
	return t, json.Unmarshal(raw, &t)
}

// CheckDecision compares a decision, as decoded from its JSON form, with
// the expectation and returns every mismatch.
func (e *Expect) CheckDecision(d map[string]any) []string {
	var bad []string
	add := func(format string, a ...any) { bad = append(bad, fmt.Sprintf(format, a...)) }
	if e.Effect != nil && d["effect"] != *e.Effect {
		add("effect is %v, want %s", d["effect"], *e.Effect)
	}
	if e.Allow != nil && d["allow"] != *e.Allow {
		add("allow is %v, want %v", d["allow"], *e.Allow)
	}
	if e.FailClosed != nil {
		fc, _ := d["fail_closed"].(bool)
		if fc != *e.FailClosed {
			add("fail_closed is %v, want %v", fc, *e.FailClosed)
		}
	}
	ids := ReasonIDs(d)
	has := map[string]bool{}
	for _, id := range ids {
		has[id] = true
	}
	if e.Reasons != nil {
		want := append([]string{}, *e.Reasons...)
		got := append([]string{}, ids...)
		sort.Strings(want)
		sort.Strings(got)
		if !reflect.DeepEqual(want, got) && !(len(want) == 0 && len(got) == 0) {
			add("reasons are %v, want %v", got, want)
		}
	}
	for _, id := range e.ReasonsInclude {
		if !has[id] {
			add("reasons %v lack %s", ids, id)
		}
	}
	for _, id := range e.ReasonsExclude {
		if has[id] {
			add("reasons %v include %s", ids, id)
		}
	}
	if e.Messages.Set {
		var got []Msg
		if raw, ok := d["messages"].([]any); ok {
			for _, m := range raw {
				mm, _ := m.(map[string]any)
				role, _ := mm["role"].(string)
				content, _ := mm["content"].(string)
				got = append(got, Msg{Role: role, Content: content})
			}
		}
		switch {
		case e.Messages.Null && len(got) > 0:
			add("messages are %v, want none", got)
		case !e.Messages.Null && !reflect.DeepEqual(got, e.Messages.Value):
			add("messages are %v, want %v", got, e.Messages.Value)
		}
	}
	if e.Response.Set {
		r, ok := d["response"].(map[string]any)
		switch {
		case e.Response.Null && ok && r != nil:
			add("response is %v, want none", r)
		case !e.Response.Null:
			content, _ := r["content"].(string)
			reasoning, _ := r["reasoning"].(string)
			if !ok || content != e.Response.Value.Content || reasoning != e.Response.Value.Reasoning {
				add("response is %v, want %+v", d["response"], e.Response.Value)
			}
		}
	}
	if e.Route.Set {
		r, ok := d["route"].(map[string]any)
		switch {
		case e.Route.Null && ok && r != nil:
			add("route is %v, want none", r)
		case !e.Route.Null:
			model, _ := r["model"].(string)
			up, _ := r["upstream"].(string)
			if model != e.Route.Value.Model || up != e.Route.Value.Upstream {
				add("route is %v, want %+v", d["route"], e.Route.Value)
			}
		}
	}
	if o := e.Obligations; o != nil {
		got, _ := d["obligations"].(map[string]any)
		if o.Restore != nil {
			if v, _ := got["restore"].(bool); v != *o.Restore {
				add("obligations.restore is %v, want %v", v, *o.Restore)
			}
		}
		if o.StripReasoning != nil {
			if v, _ := got["strip_reasoning"].(bool); v != *o.StripReasoning {
				add("obligations.strip_reasoning is %v, want %v", v, *o.StripReasoning)
			}
		}
		if o.Notice != nil {
			if v, _ := got["notice"].(string); v != *o.Notice {
				add("obligations.notice is %q, want %q", v, *o.Notice)
			}
		}
		if o.Placeholders != nil {
			ph := map[string]string{}
			if raw, ok := got["placeholders"].(map[string]any); ok {
				for k, v := range raw {
					ph[k], _ = v.(string)
				}
			}
			if !reflect.DeepEqual(ph, o.Placeholders) {
				add("obligations.placeholders are %v, want %v", ph, o.Placeholders)
			}
		}
	}
	return bad
}

// ReasonIDs lists the ids of a decision's reasons, in order.
func ReasonIDs(d map[string]any) []string {
	ids := []string{}
	rs, _ := d["reasons"].([]any)
	for _, r := range rs {
		if m, ok := r.(map[string]any); ok {
			id, _ := m["id"].(string)
			ids = append(ids, id)
		}
	}
	return ids
}

// CheckError compares an error answer with the expectation.
func (e *ExpectError) CheckError(status int, code, field string) []string {
	var bad []string
	if status != e.Status {
		bad = append(bad, fmt.Sprintf("status is %d, want %d", status, e.Status))
	}
	if code != e.Code {
		bad = append(bad, fmt.Sprintf("code is %q, want %q", code, e.Code))
	}
	if e.Field != nil && field != *e.Field {
		bad = append(bad, fmt.Sprintf("field is %q, want %q", field, *e.Field))
	}
	return bad
}
