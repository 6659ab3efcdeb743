package proxy

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net/http"
	"sync"
)

// sseEvent is one server-sent event. A comment (keep-alive) has only
// comment set.
type sseEvent struct {
	event   string
	data    []byte
	comment []byte
}

// sseReader reads server-sent events (text/event-stream).
type sseReader struct {
	r *bufio.Reader
	// reuse lets next build each event's data in one buffer, used again
	// for the next event: the data is then valid only until the next call
	// to next, and nothing that outlives the event may alias it.
	reuse bool
	data  []byte
	line  []byte // a line longer than the read buffer
}

const maxSSELine = 8 << 20

// readers holds the read buffers of finished streams (32 KiB each).
var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 32<<10) }}

func newSSEReader(r io.Reader) *sseReader {
	br := readers.Get().(*bufio.Reader)
	br.Reset(r)
	return &sseReader{r: br}
}

// release gives the read buffer back for another stream: nothing may use
// the reader, nor a line or event it returned, after.
func (s *sseReader) release() {
	s.r.Reset(nil)
	readers.Put(s.r)
	s.r = nil
}

// next returns the next event; io.EOF at the end of the stream.
func (s *sseReader) next() (sseEvent, error) {
	var ev sseEvent
	if s.reuse {
		ev.data = s.data[:0]
		defer func() { s.data = ev.data[:0] }()
	}
	have, lines := false, 0
	for {
		line, err := s.readLine()
		if err != nil {
			if errors.Is(err, io.EOF) && have {
				return ev, nil
			}
			return ev, err
		}
		if len(line) == 0 {
			if have {
				return ev, nil
			}
			continue
		}
		if line[0] == ':' {
			if !have {
				return sseEvent{comment: append([]byte(nil), line...)}, nil
			}
			continue
		}
		name, value, _ := bytes.Cut(line, []byte(":"))
		value = bytes.TrimPrefix(value, []byte(" "))
		switch string(name) {
		case "event":
			ev.event = string(value)
			have = true
		case "data":
			if lines > 0 {
				ev.data = append(ev.data, '\n')
			}
			ev.data = append(ev.data, value...)
			lines++
			have = true
		}
	}
}

// backlog is how much the upstream has sent that is not read yet.
func (s *sseReader) backlog() int { return s.r.Buffered() }

// eventReady reports whether a whole event is already buffered, so that
// the next call to next returns without waiting for the upstream.
func (s *sseReader) eventReady() bool {
	n := s.r.Buffered()
	if n == 0 {
		return false
	}
	b, _ := s.r.Peek(n)
	return bytes.Contains(b, []byte("\n\n")) || bytes.Contains(b, []byte("\r\n\r\n")) || bytes.Contains(b, []byte("\r\r"))
}

// maxUnflushed is how much output may wait for the next flush while the
// upstream is ahead.
const maxUnflushed = 32 << 10

// flushDue reports whether what the caller is owed should be sent now:
// unless the next upstream event is already here to be handled first (an
// upstream sending faster than the proxy reads), in which case the output
// of several events goes out in one write. Nothing waits on the upstream,
// nor on a decision (the guard flushes before deciding), and the first
// event goes out at once.
func flushDue(rd *sseReader, w *sseWriter) bool {
	return w.bytes == 0 || w.buf.Len() >= maxUnflushed || !rd.eventReady()
}

// readLine returns one line without its end (\n, \r\n or \r). The line
// is valid until the next call.
func (s *sseReader) readLine() ([]byte, error) {
	part, err := s.r.ReadSlice('\n')
	if err == nil {
		// The whole line is in the read buffer: no copy.
		part = bytes.TrimSuffix(part, []byte("\n"))
		return bytes.TrimSuffix(part, []byte("\r")), nil
	}
	buf := append(s.line[:0], part...)
	s.line = buf[:0]
	for err != nil {
		if errors.Is(err, bufio.ErrBufferFull) {
			if len(buf) > maxSSELine {
				return nil, errors.New("server-sent event line too long")
			}
			part, err = s.r.ReadSlice('\n')
			buf = append(buf, part...)
			s.line = buf[:0]
			continue
		}
		if len(buf) > 0 && errors.Is(err, io.EOF) {
			break
		}
		return nil, err
	}
	buf = bytes.TrimSuffix(buf, []byte("\n"))
	buf = bytes.TrimSuffix(buf, []byte("\r"))
	return buf, nil
}

// sseWriter writes events to the caller and flushes each batch.
type sseWriter struct {
	w     http.ResponseWriter
	buf   bytes.Buffer
	bytes int
	err   error
}

func (s *sseWriter) event(name string, data []byte) {
	if name != "" {
		s.buf.WriteString("event: ")
		s.buf.WriteString(name)
		s.buf.WriteByte('\n')
	}
	for {
		line, rest, more := bytes.Cut(data, []byte("\n"))
		s.buf.WriteString("data: ")
		s.buf.Write(line)
		s.buf.WriteByte('\n')
		if !more {
			break
		}
		data = rest
	}
	s.buf.WriteByte('\n')
}

func (s *sseWriter) comment(c []byte) {
	s.buf.Write(c)
	s.buf.WriteString("\n\n")
}

// flush sends what is buffered.
func (s *sseWriter) flush() error {
	if s.buf.Len() == 0 || s.err != nil {
		return s.err
	}
	n, err := s.w.Write(s.buf.Bytes())
	s.bytes += n
	s.buf.Reset()
	if err != nil {
		s.err = err
		return err
	}
	if f, ok := s.w.(http.Flusher); ok {
		f.Flush()
	}
	return nil
}
