package safelog

import (
	"strings"
	"testing"
)

func TestURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://alice:s3cret@bundles.example.com/b.tar.gz": "https://%28sensitive%29@bundles.example.com/b.tar.gz",
		"https://hooks.example.com/log?token=abc&x=1":       "https://hooks.example.com/log?token=%28sensitive%29&x=%28sensitive%29",
		"http://127.0.0.1:8181/logs":                        "http://127.0.0.1:8181/logs",
		"not a url: ?token=abc":                             "not a url: ?token=abc",
		"./bundle?x=1":                                      "./bundle?x=1",
		"":                                                  "",
	} {
		if got := URL(in); got != want {
			t.Errorf("URL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJSONHidesURLCredentialsAtAnyDepth(t *testing.T) {
	type sink struct {
		URL     string   `json:"url"`
		Brokers []string `json:"brokers"`
	}
	cfg := map[string]any{
		"bundle": map[string]any{"url": "https://bob:pw123@b.example.com/x.tar.gz?sig=zzz"},
		"sinks":  []sink{{URL: "https://l.example.com/v1?api_key=k-999", Brokers: []string{"kafka://u:p@127.0.0.1:9092"}}},
		"limit":  1.5,
		"name":   "plain",
	}
	got := JSON(cfg)
	for _, leak := range []string{"pw123", "bob", "zzz", "k-999", "u:p@"} {
		if strings.Contains(got, leak) {
			t.Errorf("%q leaks into %s", leak, got)
		}
	}
	for _, keep := range []string{"b.example.com/x.tar.gz", "l.example.com/v1", "127.0.0.1:9092", `"limit":1.5`, `"name":"plain"`} {
		if !strings.Contains(got, keep) {
			t.Errorf("%q missing from %s", keep, got)
		}
	}
}

func TestJSONOfUnencodable(t *testing.T) {
	if got := JSON(map[string]any{"f": func() {}}); got != "{}" {
		t.Fatalf("got %s", got)
	}
}
