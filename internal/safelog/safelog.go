// Package safelog prints configuration for logs without the credentials
// that URLs can carry.
//
// Typed secrets (bundles.Secret) already print as "(sensitive)". A URL is
// a plain string, yet "https://user:pass@bundles.example.com/b.tar.gz" or
// "https://host/hook?token=…" holds a credential all the same. JSON walks a
// value's JSON form and, in every string that is an absolute URL, replaces
// the user information and each query value with "(sensitive)"; the
// scheme, host and path stay, so the log still says where things go.
package safelog

import (
	"encoding/json"
	"net/url"
	"strings"
)

// Hidden replaces a credential in printed configuration.
const Hidden = "(sensitive)"

// JSON is v as compact JSON, URL credentials hidden. A value that cannot
// be encoded gives "{}" (the caller logs configuration it has already
// validated).
func JSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "{}"
	}
	var tree any
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.UseNumber()
	if err := d.Decode(&tree); err != nil {
		return "{}"
	}
	out, err := json.Marshal(walk(tree))
	if err != nil {
		return "{}"
	}
	return string(out)
}

func walk(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = walk(x)
		}
		return t
	case []any:
		for i, x := range t {
			t[i] = walk(x)
		}
		return t
	case string:
		return URL(t)
	}
	return v
}

// URL hides the user information and query values of s when s is an
// absolute URL with a host; any other string comes back unchanged.
func URL(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return s
	}
	changed := false
	if u.User != nil {
		u.User = url.User(Hidden)
		changed = true
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			q[k] = []string{Hidden}
		}
		u.RawQuery = q.Encode()
		changed = true
	}
	if !changed {
		return s
	}
	return u.String()
}
