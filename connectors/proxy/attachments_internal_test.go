package proxy

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestBase64Size(t *testing.T) {
	for n := 0; n < 40; n++ {
		raw := strings.Repeat("x", n)
		std := base64.StdEncoding.EncodeToString([]byte(raw))
		unpadded := base64.RawStdEncoding.EncodeToString([]byte(raw))
		wrapped := ""
		for i := 0; i < len(std); i += 8 {
			wrapped += std[i:min(i+8, len(std))] + "\r\n"
		}
		for _, s := range []string{std, unpadded, wrapped} {
			if got := base64Size(s); got != n {
				t.Fatalf("base64Size(%q) = %d, want %d", s, got, n)
			}
		}
	}
	if got := base64Size("="); got != 0 {
		t.Fatalf("garbage: %d", got)
	}
}

func TestDataURL(t *testing.T) {
	for _, c := range []struct {
		in   string
		mt   string
		size int
		ok   bool
	}{
		{"data:image/PNG;base64,AAAA", "image/png", 3, true},
		{"DATA:text/plain,hello", "text/plain", 5, true},
		{"data:;base64,AA==", "", 1, true},
		{"data:image/png;base64", "", 0, false},
		{"https://x/y.png", "", 0, false},
		{"dat", "", 0, false},
	} {
		mt, size, ok := dataURL(c.in)
		if mt != c.mt || size != c.size || ok != c.ok {
			t.Errorf("dataURL(%q) = %q %d %v", c.in, mt, size, ok)
		}
	}
}
