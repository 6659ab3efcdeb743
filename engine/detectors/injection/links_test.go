package injection

import (
	"bytes"
	"testing"
)

func TestMaskLinks(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"see https://www.example.org/page.", "see  url ."},
		{"mail jane.doe@example.com, or www.example.com today", "mail  email , or  url  today"},
		{"no links here", "no links here"},
		{"a@b", "a@b"},
		{"user@host.", "user@host."},
		{"x http://u@h.com y", "x  url  y"},
		{"foo.www.bar and xhttps://a", "foo.www.bar and  url "},
		{"@@ :// www.", "@@ :// www."},
	} {
		got, _ := maskLinks(nil, []byte(c.in))
		if string(got) != c.want {
			t.Errorf("maskLinks(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzMaskLinks: any text masks without panic, the text is not touched
// when it has no anchor, and masking twice changes nothing more.
func FuzzMaskLinks(f *testing.F) {
	for _, s := range []string{"see https://x.example/a?b=c.", "a@b.co", "www.x", "@://www.", "ab@cd.ef@gh.ij http://k"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		out, masked := maskLinks(nil, b)
		if !masked && !bytes.Equal(out, b) {
			t.Fatalf("unmasked text changed: %q -> %q", s, out)
		}
		again, _ := maskLinks(nil, out)
		if !bytes.Equal(again, out) {
			t.Fatalf("masking twice: %q -> %q -> %q", s, out, again)
		}
	})
}
