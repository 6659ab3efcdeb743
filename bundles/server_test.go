package bundles_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// bundleServer is an OPA-compatible bundle server on loopback: it serves
// one bundle with an ETag, answers 304 to a matching If-None-Match, holds
// a long poll (Prefer: wait=N) until a new bundle is published, and wants
// a bearer token when one is set.
type bundleServer struct {
	*httptest.Server
	token string

	mu      sync.Mutex
	raw     []byte
	etag    string
	changed chan struct{}

	requests, notModified, unauthorized atomic.Int64
}

func newBundleServer(t testing.TB, token string) *bundleServer {
	s := &bundleServer{token: token, changed: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// newTLSBundleServer serves over TLS and returns the server's CA
// certificate as a PEM file.
func newTLSBundleServer(t testing.TB, token string) (*bundleServer, string) {
	s := &bundleServer{token: token, changed: make(chan struct{})}
	s.Server = httptest.NewTLSServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	ca := filepath.Join(t.TempDir(), "ca.pem")
	must(os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.Certificate().Raw}), 0o644))
	return s, ca
}

// URL of the bundle.
func (s *bundleServer) bundleURL() string { return s.URL + "/bundles/parapet.tar.gz" }

// publish makes raw the bundle served, waking long polls.
func (s *bundleServer) publish(raw []byte) {
	sum := sha256.Sum256(raw)
	s.mu.Lock()
	s.raw, s.etag = raw, `"`+hex.EncodeToString(sum[:8])+`"`
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

var waitRE = regexp.MustCompile(`wait=(\d+)`)

func (s *bundleServer) serve(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	if r.URL.Path != "/bundles/parapet.tar.gz" {
		http.NotFound(w, r)
		return
	}
	if s.token != "" && r.Header.Get("Authorization") != "Bearer "+s.token {
		s.unauthorized.Add(1)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	inm := r.Header.Get("If-None-Match")
	s.mu.Lock()
	raw, etag, changed := s.raw, s.etag, s.changed
	s.mu.Unlock()
	longPoll := false
	if m := waitRE.FindStringSubmatch(r.Header.Get("Prefer")); m != nil {
		longPoll = true
		w.Header().Set("Content-Type", "application/vnd.openpolicyagent.bundles")
		if etag != "" && matches(inm, etag) {
			secs, _ := strconv.Atoi(m[1])
			select {
			case <-changed:
			case <-time.After(time.Duration(secs) * time.Second):
			case <-r.Context().Done():
				return
			}
			s.mu.Lock()
			raw, etag = s.raw, s.etag
			s.mu.Unlock()
		}
	}
	if raw == nil {
		http.NotFound(w, r)
		return
	}
	if matches(inm, etag) {
		s.notModified.Add(1)
		w.Header().Set("ETag", etag)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if !longPoll {
		w.Header().Set("Content-Type", "application/gzip")
	}
	w.Header().Set("ETag", etag)
	_, _ = w.Write(raw)
}

func matches(inm, etag string) bool {
	for _, e := range strings.Split(inm, ",") {
		if strings.TrimSpace(e) == etag {
			return true
		}
	}
	return false
}
