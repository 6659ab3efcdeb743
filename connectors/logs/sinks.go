package logs

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"
)

// sinkWriter delivers lines (events and checkpoints, each ending in
// '\n') somewhere. Write reports how many lines, from the start, were
// delivered: the rest are retried from the spool. It is called from one
// goroutine.
type sinkWriter interface {
	Write(ctx context.Context, lines [][]byte) (int, error)
	Close() error
}

func newSinkWriter(name string, c SinkConfig, log hclog.Logger, chainID string) (sinkWriter, error) {
	switch c.Kind {
	case KindConsole:
		out := os.Stdout
		if c.Stream == "stderr" {
			out = os.Stderr
		}
		return &consoleSink{w: out}, nil
	case KindFile:
		return openFileSink(c, log)
	case KindHTTP:
		cl, err := httpClient(c)
		if err != nil {
			return nil, err
		}
		return &httpSink{url: c.URL, headers: c.Headers, limit: c.UploadSizeLimitBytes, client: cl, log: log}, nil
	case KindKafka:
		return newKafkaSink(c, chainID)
	case KindAlert:
		cl, err := httpClient(c)
		if err != nil {
			return nil, err
		}
		return newAlertSink(name, c, cl, log), nil
	}
	return nil, fmt.Errorf("unknown sink kind %q", c.Kind)
}

// consoleSink writes JSON Lines to stdout or stderr.
type consoleSink struct{ w io.Writer }

func (s *consoleSink) Write(_ context.Context, lines [][]byte) (int, error) {
	var buf bytes.Buffer
	for _, l := range lines {
		buf.Write(l)
	}
	if _, err := s.w.Write(buf.Bytes()); err != nil {
		return 0, err
	}
	return len(lines), nil
}

func (s *consoleSink) Close() error { return nil }

func tlsConfig(c TLSConfig) (*tls.Config, error) {
	if !c.Enabled && c.CAFile == "" && c.CertFile == "" && !c.InsecureSkipVerify {
		return nil, nil
	}
	tc := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: c.ServerName, InsecureSkipVerify: c.InsecureSkipVerify} //nolint:gosec // an explicit opt-in
	if c.CAFile != "" {
		pem, err := os.ReadFile(c.CAFile)
		if err != nil {
			return nil, fmt.Errorf("tls.ca_file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("tls.ca_file: %s holds no PEM certificate", c.CAFile)
		}
		tc.RootCAs = pool
	}
	if c.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(c.CertFile, c.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("tls.cert_file: %w", err)
		}
		tc.Certificates = []tls.Certificate{cert}
	}
	return tc, nil
}

func httpClient(c SinkConfig) (*http.Client, error) {
	tc, err := tlsConfig(c.TLS)
	if err != nil {
		return nil, err
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = tc
	tr.MaxIdleConnsPerHost = 2
	return &http.Client{Transport: tr, Timeout: time.Duration(c.Timeout)}, nil
}

// httpSink speaks OPA's decision-log upload protocol: each POST is a gzip
// JSON array of events (Content-Type application/json, Content-Encoding
// gzip) no bigger than the upload size limit; any 2xx acknowledges it.
// Checkpoint lines are not sent: OPA collectors expect events only.
type httpSink struct {
	url     string
	headers map[string]Sensitive
	limit   int64
	client  *http.Client
	log     hclog.Logger

	perChunk int // events per chunk that fit last time
	tooLarge func()
}

func (s *httpSink) Write(ctx context.Context, lines [][]byte) (int, error) {
	done := 0
	for done < len(lines) {
		n := s.perChunk
		if n <= 0 || n > len(lines)-done {
			n = len(lines) - done
		}
		var body []byte
		for {
			var err error
			body, err = gzipArray(lines[done : done+n])
			if err != nil {
				return done, err
			}
			if int64(len(body)) <= s.limit {
				break
			}
			if n == 1 {
				// One event alone is over the limit: OPA drops such an
				// event too. Skip it and count it.
				s.log.Error("event is over upload_size_limit_bytes when compressed; dropped", "bytes", len(body), "limit", s.limit)
				if s.tooLarge != nil {
					s.tooLarge()
				}
				body = nil
				break
			}
			// Shrink in proportion, with a margin.
			n = max(1, int(float64(n)*float64(s.limit)/float64(len(body))*0.9))
		}
		if body != nil {
			if err := s.post(ctx, body); err != nil {
				return done, err
			}
		}
		s.perChunk = n + n/8 + 1
		done += n
	}
	return done, nil
}

func gzipArray(lines [][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&buf)
	zw.Write([]byte{'['})
	first := true
	for _, l := range lines {
		if bytes.HasPrefix(l, []byte(checkpointPrefix)) {
			continue
		}
		if !first {
			zw.Write([]byte{','})
		}
		first = false
		zw.Write(bytes.TrimRight(l, "\n"))
	}
	zw.Write([]byte{']'})
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return w
}}

func (s *httpSink) post(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Content-Encoding", "gzip")
	req.Header.Set("User-Agent", "parapet-decision-logs")
	for k, v := range s.headers {
		req.Header.Set(k, string(v))
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return fmt.Errorf("log upload failed: %w", err)
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return fmt.Errorf("log upload failed: server replied %s", resp.Status)
	}
	return nil
}

func (s *httpSink) Close() error {
	s.client.CloseIdleConnections()
	return nil
}

// fileSink writes JSON Lines to a file, rotating by size and age.
type fileSink struct {
	c   SinkConfig
	log hclog.Logger

	f       *os.File
	size    int64
	born    time.Time // timestamp of the file's first line
	dirty   bool
	lastSyn time.Time
}

func openFileSink(c SinkConfig, log hclog.Logger) (*fileSink, error) {
	s := &fileSink{c: c, log: log}
	if err := os.MkdirAll(dirOf(c.Path), 0o750); err != nil {
		return nil, err
	}
	if err := s.open(); err != nil {
		return nil, err
	}
	return s, nil
}

func dirOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i > 0 {
		return p[:i]
	}
	return "."
}

func (s *fileSink) open() error {
	f, err := os.OpenFile(s.c.Path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	s.f, s.size, s.born = f, fi.Size(), time.Time{}
	if s.size > 0 {
		s.born = firstTimestamp(s.c.Path)
		// A torn last line (a crash mid-write) would glue onto the next
		// event; end it so the next event starts on a line of its own.
		if last := lastByte(s.c.Path, s.size); last != '\n' {
			f.Write([]byte{'\n'})
			s.size++
		}
	}
	return nil
}

func lastByte(path string, size int64) byte {
	f, err := os.Open(path)
	if err != nil {
		return '\n'
	}
	defer f.Close()
	b := []byte{'\n'}
	f.ReadAt(b, size-1)
	return b[0]
}

// firstTimestamp reads the "timestamp" of a file's first line.
func firstTimestamp(path string) time.Time {
	f, err := os.Open(path)
	if err != nil {
		return time.Now()
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, buf)
	buf = buf[:n]
	const key = `"timestamp":"`
	if i := bytes.Index(buf, []byte(key)); i >= 0 {
		rest := buf[i+len(key):]
		if j := bytes.IndexByte(rest, '"'); j > 0 {
			if t, err := time.Parse(time.RFC3339Nano, string(rest[:j])); err == nil {
				return t
			}
		}
	}
	return time.Now()
}

func (s *fileSink) Write(_ context.Context, lines [][]byte) (int, error) {
	var buf bytes.Buffer
	written := 0
	flush := func(upto int) error {
		if buf.Len() == 0 {
			return nil
		}
		n, err := s.f.Write(buf.Bytes())
		s.size += int64(n)
		buf.Reset()
		if err != nil {
			return err
		}
		s.dirty = true
		written = upto
		return nil
	}
	for i, l := range lines {
		now := time.Now()
		over := s.c.MaxBytes > 0 && s.size+int64(buf.Len())+int64(len(l)) > s.c.MaxBytes
		old := s.c.MaxAge > 0 && !s.born.IsZero() && now.Sub(s.born) >= time.Duration(s.c.MaxAge)
		if (over || old) && s.size+int64(buf.Len()) > 0 {
			if err := flush(i); err != nil {
				return written, err
			}
			if err := s.rotate(); err != nil {
				return written, err
			}
		}
		if s.born.IsZero() {
			s.born = now
		}
		buf.Write(l)
	}
	if err := flush(len(lines)); err != nil {
		return written, err
	}
	switch s.c.Fsync {
	case "batch":
		if err := s.sync(); err != nil {
			return 0, err
		}
	case "interval":
		if time.Since(s.lastSyn) >= time.Duration(s.c.FsyncInterval) {
			if err := s.sync(); err != nil {
				return 0, err
			}
		}
	}
	return len(lines), nil
}

func (s *fileSink) sync() error {
	if !s.dirty {
		return nil
	}
	s.dirty = false
	s.lastSyn = time.Now()
	return s.f.Sync()
}

// RotatedName is the name a rotated file gets: the path with the UTC
// rotation time before its extension.
func RotatedName(path string, t time.Time) string {
	ext := ""
	base := path
	if i := strings.LastIndexByte(path, '.'); i > strings.LastIndexByte(path, '/') {
		base, ext = path[:i], path[i:]
	}
	return base + "-" + t.UTC().Format("20060102T150405.000000000Z") + ext
}

func (s *fileSink) rotate() error {
	if err := s.f.Sync(); err != nil {
		return err
	}
	if err := s.f.Close(); err != nil {
		return err
	}
	name := RotatedName(s.c.Path, time.Now())
	for i := 1; fileExists(name); i++ {
		name = RotatedName(s.c.Path, time.Now()) + "." + strconv.Itoa(i)
	}
	if err := os.Rename(s.c.Path, name); err != nil {
		return err
	}
	s.dirty = false
	if err := s.open(); err != nil {
		return err
	}
	s.prune()
	return nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// prune deletes the oldest rotated files past MaxBackups.
func (s *fileSink) prune() {
	if s.c.MaxBackups <= 0 {
		return
	}
	rotated, err := RotatedFiles(s.c.Path)
	if err != nil {
		return
	}
	for len(rotated) > s.c.MaxBackups {
		if err := os.Remove(rotated[0]); err != nil {
			s.log.Warn("removing an old decision log", "file", rotated[0], "error", err)
		}
		rotated = rotated[1:]
	}
}

// RotatedFiles lists the rotated files of a file sink's path, oldest
// first (not the active file).
func RotatedFiles(path string) ([]string, error) {
	dir := dirOf(path)
	base := path[len(dir)+1:]
	if dir == "." && !strings.HasPrefix(path, "./") {
		base = path
	}
	ext := ""
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base, ext = base[:i], base[i:]
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		n := e.Name()
		if strings.HasPrefix(n, base+"-") && strings.Contains(n, ext) && len(n) > len(base)+len(ext)+1 {
			out = append(out, dir+"/"+n)
		}
	}
	return out, nil // ReadDir sorts by name: the timestamps sort in time order
}

func (s *fileSink) Close() error {
	if s.f == nil {
		return nil
	}
	err := errors.Join(s.f.Sync(), s.f.Close())
	s.f = nil
	return err
}

var (
	_ sinkWriter = (*consoleSink)(nil)
	_ sinkWriter = (*fileSink)(nil)
	_ sinkWriter = (*httpSink)(nil)
)
