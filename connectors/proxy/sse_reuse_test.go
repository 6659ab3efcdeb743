package proxy

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// readAllEvents reads every event, copying what the reader may reuse.
func readAllEvents(t *testing.T, r io.Reader, reuse bool) ([]sseEvent, error) {
	t.Helper()
	rd := newSSEReader(r)
	rd.reuse = reuse
	var out []sseEvent
	for {
		ev, err := rd.next()
		if err != nil {
			return out, err
		}
		out = append(out, sseEvent{event: ev.event, data: bytes.Clone(ev.data), comment: bytes.Clone(ev.comment)})
	}
}

// TestSSEReaderReuse: reading into one reused buffer gives the events a
// reader without reuse gives, whatever the line ends, the line lengths
// (past the read buffer) and how the upstream's writes are split.
func TestSSEReaderReuse(t *testing.T) {
	long := strings.Repeat("x", 70<<10)
	streams := []string{
		"data: {\"a\":1}\n\ndata: [DONE]\n\n",
		"data: one\r\ndata: two\r\n\r\n: keep-alive\r\n\r\nevent: e\r\ndata:three\r\n\r\n",
		"data: one\rdata: two\r\r",
		"data: " + long + "\n\ndata: short\n\n",
		"data: short\n\ndata: " + long + "\ndata: " + long[:40000] + "\n\ndata: x\n\n",
		": comment only\n\n\n\ndata: after blanks\n\nevent: only-name\n\ndata: last without end",
		"data:\n\ndata: \n\ndata: a\ndata:\ndata: b\n\n",
		"",
	}
	for _, s := range streams {
		for _, half := range []bool{false, true} {
			mk := func() io.Reader {
				if half {
					return iotest.HalfReader(strings.NewReader(s))
				}
				return strings.NewReader(s)
			}
			want, werr := readAllEvents(t, mk(), false)
			got, gerr := readAllEvents(t, mk(), true)
			if !errors.Is(gerr, werr) && gerr.Error() != werr.Error() {
				t.Errorf("%.40q: error %v, want %v", s, gerr, werr)
			}
			if len(got) != len(want) {
				t.Fatalf("%.40q: %d events, want %d", s, len(got), len(want))
			}
			for i := range want {
				if got[i].event != want[i].event || !bytes.Equal(got[i].data, want[i].data) || !bytes.Equal(got[i].comment, want[i].comment) {
					t.Errorf("%.40q: event %d = %q %.40q %q, want %q %.40q %q", s, i, got[i].event, got[i].data, got[i].comment, want[i].event, want[i].data, want[i].comment)
				}
			}
		}
	}
}

// TestSSEWriterEvent: an event's data lines each get a data: field.
func TestSSEWriterEvent(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"", "{}", "data: {}\n\n"},
		{"", "", "data: \n\n"},
		{"x", "a\nb\n", "event: x\ndata: a\ndata: b\ndata: \n\n"},
	} {
		var w sseWriter
		w.event(c.name, []byte(c.data))
		if got := w.buf.String(); got != c.want {
			t.Errorf("event(%q, %q) = %q, want %q", c.name, c.data, got, c.want)
		}
	}
}
