package bundles

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/download"
	"github.com/open-policy-agent/opa/v1/plugins"
	"github.com/open-policy-agent/opa/v1/plugins/rest"
)

// source is one configured bundle and what became of it.
type source struct {
	m      *Manager
	role   string
	tenant string
	cfg    SourceConfig
	name   string
	vc     *bundle.VerificationConfig

	// pollMu makes polls of one source one at a time; the fields below it
	// are only touched while it is held.
	pollMu  sync.Mutex
	fp      string
	dl      *download.Downloader
	changed bool
	pollErr error
	// retry asks the next poll to fetch the bundle again even if it has
	// not changed: a tenant bundle refused for want of a base.
	retry atomic.Bool

	mu   sync.Mutex
	st   SourceStatus
	good bool
}

// SourceStatus is what /v1/bundles shows of one source.
type SourceStatus struct {
	Name   string `json:"name"`
	Role   string `json:"role"`
	Tenant string `json:"tenant,omitempty"`
	Kind   string `json:"kind"`
	// Revision is the revision of the bundle this source has active (the
	// last good one), empty if none.
	Revision string `json:"revision,omitempty"`
	ETag     string `json:"etag,omitempty"`
	// Signature is "verified", "unsigned" (no key configured, none
	// present) or "not verified" (signed, but no key configured).
	Signature string     `json:"signature,omitempty"`
	Activated *time.Time `json:"activated,omitempty"`
	LastCheck *time.Time `json:"last_check,omitempty"`
	// FromDisk is set while the active bundle is the persisted copy
	// (the bundle server has not answered since the start).
	FromDisk bool `json:"from_disk,omitempty"`
	// LastError is the last refusal since the last activation.
	LastError *Refusal `json:"last_error,omitempty"`
	// Failures counts refusals since the start.
	Failures int64 `json:"failures"`
}

// Refusal is a bundle that was refused, or could not be fetched.
type Refusal struct {
	At    time.Time `json:"at"`
	Stage string    `json:"stage"`
	// Revision of the refused bundle, when it got as far as being read.
	Revision string `json:"revision,omitempty"`
	// Error is the first problem on one line: "policy.rego:7:3: …".
	Error    string    `json:"error"`
	Problems []Problem `json:"problems"`
}

func newSource(m *Manager, role, tenant string, c SourceConfig) (*source, error) {
	s := &source{m: m, role: role, tenant: tenant, cfg: c, name: c.DisplayName()}
	s.st = SourceStatus{Name: s.name, Role: role, Tenant: tenant, Kind: c.Kind()}
	vc, err := c.Verify.options().Config()
	if err != nil {
		return nil, err
	}
	s.vc = vc
	if c.Kind() == KindHTTP {
		if s.dl, err = s.downloader(); err != nil {
			return nil, fmt.Errorf("bundle %s: %w", s.name, err)
		}
	}
	return s, nil
}

// downloader builds OPA's bundle downloader for a bundle server: it does
// the protocol (ETag and If-None-Match, 304, long polling, signature
// verification while reading) and OPA's REST client the credentials.
func (s *source) downloader() (*download.Downloader, error) {
	u, err := url.Parse(s.cfg.URL)
	if err != nil {
		return nil, err
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	u.Path, u.RawPath, u.RawQuery, u.Fragment = "", "", "", ""
	rc := map[string]any{"url": u.String(), "name": s.name}
	creds := map[string]any{}
	switch {
	case s.cfg.Token != "":
		creds["bearer"] = map[string]any{"token": string(s.cfg.Token)}
	case s.cfg.TokenFile != "":
		creds["bearer"] = map[string]any{"token_path": s.cfg.TokenFile}
	}
	if s.cfg.ClientCert != "" {
		if len(creds) > 0 {
			return nil, errors.New("a bundle server takes one credential: a bearer token or a client certificate")
		}
		creds["client_tls"] = map[string]any{"cert": s.cfg.ClientCert, "private_key": s.cfg.ClientKey}
	}
	if len(creds) > 0 {
		rc["credentials"] = creds
	}
	if s.cfg.CACert != "" {
		rc["tls"] = map[string]any{"ca_cert": s.cfg.CACert}
	}
	raw, err := json.Marshal(rc)
	if err != nil {
		return nil, err
	}
	lg := &opaLogger{log: s.m.log.Named("download"), fields: map[string]any{"bundle": s.name}}
	client, err := rest.New(raw, nil, rest.Logger(lg))
	if err != nil {
		return nil, err
	}
	manual := plugins.TriggerManual
	dc := download.Config{Trigger: &manual}
	if s.cfg.LongPoll > 0 {
		secs := int64(math.Ceil(time.Duration(s.cfg.LongPoll).Seconds()))
		dc.Polling.LongPollingTimeoutSeconds = &secs
	}
	if err := dc.ValidateAndInjectDefaults(); err != nil {
		return nil, err
	}
	return download.New(dc, client, path).
		WithCallback(s.onUpdate).
		WithBundleVerificationConfig(s.vc).
		WithBundlePersistence(true).
		WithBundleName(s.name).
		WithBundleParserOpts(ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}), nil
}

// key names the source's folder under Config.PersistDir.
func (s *source) key() string {
	sum := sha256.Sum256([]byte(s.cfg.URL))
	k := s.role
	if s.tenant != "" {
		k += "-" + s.tenant
	}
	return k + "-" + hex.EncodeToString(sum[:6])
}

func (s *source) hasGood() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.good
}

func (s *source) status() SourceStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	if st.LastError != nil {
		e := *st.LastError
		st.LastError = &e
	}
	return st
}

func (s *source) signature(b *bundle.Bundle) string {
	switch {
	case s.vc != nil:
		return "verified"
	case len(b.Signatures.Signatures) > 0:
		return "not verified"
	}
	return "unsigned"
}

func (s *source) succeed(b *bundle.Bundle, etag string, fromDisk bool) {
	now := time.Now().UTC()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.good = true
	s.st.Revision, s.st.ETag, s.st.Signature = b.Manifest.Revision, etag, s.signature(b)
	s.st.Activated, s.st.LastCheck, s.st.FromDisk, s.st.LastError = &now, &now, fromDisk, nil
}

func (s *source) failed(ce *CheckError, rev string) {
	now := time.Now().UTC()
	r := &Refusal{At: now, Stage: ce.Stage, Revision: rev, Problems: ce.Problems}
	if len(ce.Problems) > 0 {
		r.Error = ce.Problems[0].String()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.LastCheck, s.st.LastError = &now, r
	s.st.Failures++
}

func (s *source) touch(etag string) {
	now := time.Now().UTC()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.LastCheck = &now
	if etag != "" {
		s.st.ETag = etag
		s.st.FromDisk = false
	}
}

// poll fetches the source once and offers what is new. It reports
// whether there was a new bundle, and the refusal, if any.
func (s *source) poll(ctx context.Context) (bool, error) {
	s.pollMu.Lock()
	defer s.pollMu.Unlock()
	if s.retry.Swap(false) {
		s.fp = ""
		if s.dl != nil {
			s.dl.SetCache("")
		}
	}
	switch s.cfg.Kind() {
	case KindEmbedded:
		b, err := LoadDefault(true)
		if err != nil {
			return false, s.m.fail(s, StageRead, "", err)
		}
		return true, s.m.offer(ctx, s, b, nil, "", false)
	case KindFile:
		fp, err := fingerprint(s.cfg.URL)
		if err != nil {
			return false, s.m.fail(s, StageRead, "", err)
		}
		if fp == s.fp {
			s.touch("")
			return false, nil
		}
		s.fp = fp
		b, err := Read(s.cfg.URL, s.vc)
		if err != nil {
			return true, s.m.fail(s, classify(err), "", err)
		}
		return true, s.m.offer(ctx, s, b, nil, "", false)
	}
	s.changed, s.pollErr = false, nil
	err := s.dl.Trigger(ctx)
	if s.pollErr == nil && err != nil && ctx.Err() == nil {
		s.pollErr = s.m.fail(s, classify(err), "", err)
	}
	return s.changed, s.pollErr
}

// onUpdate is the downloader's callback, within poll.
func (s *source) onUpdate(ctx context.Context, u download.Update) error {
	if ctx.Err() != nil {
		return nil
	}
	switch {
	case u.Error != nil:
		s.pollErr = s.m.fail(s, classify(u.Error), "", u.Error)
	case u.Bundle == nil:
		s.touch(u.ETag) // 304: nothing new
	default:
		s.changed = true
		var raw []byte
		if u.Raw != nil {
			raw, _ = io.ReadAll(u.Raw)
		}
		s.pollErr = s.m.offer(ctx, s, u.Bundle, raw, u.ETag, false)
	}
	return nil
}

// loadPersisted activates the copy of a bundle server's last good bundle
// kept on disk, if there is one and it still verifies.
func (s *source) loadPersisted(ctx context.Context) {
	if s.m.cfg.PersistDir == "" {
		return
	}
	dir := s.m.persistPath(s)
	raw, err := os.ReadFile(filepath.Join(dir, "bundle.tar.gz"))
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			s.m.log.Warn("reading the persisted bundle", "bundle", s.name, "error", err)
		}
		return
	}
	etag, _ := os.ReadFile(filepath.Join(dir, "etag"))
	b, err := ReadTarball(raw, s.name, s.vc)
	if err != nil {
		_ = s.m.fail(s, classify(err), "", fmt.Errorf("the persisted copy: %w", err))
		return
	}
	if s.m.offer(ctx, s, b, nil, string(etag), true) == nil {
		s.pollMu.Lock()
		s.dl.SetCache(string(etag))
		s.pollMu.Unlock()
	}
}

// loop polls until ctx ends: every Interval; at once again after a long
// poll that waited or brought a bundle; backing off after failures.
func (s *source) loop(ctx context.Context, polled bool) {
	defer s.m.wg.Done()
	interval := s.cfg.interval()
	delay, fails := time.Duration(0), 0
	if polled {
		delay = interval
	}
	for {
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		t0 := time.Now()
		changed, err := s.poll(ctx)
		if ctx.Err() != nil {
			return
		}
		longPolled := s.cfg.Kind() == KindHTTP && s.cfg.LongPoll > 0 && (changed || time.Since(t0) >= time.Second)
		switch {
		case err != nil && !changed:
			fails++
			delay = min(interval, time.Duration(100<<min(fails, 12))*time.Millisecond)
		case longPolled:
			fails, delay = 0, 10*time.Millisecond
		default:
			fails, delay = 0, interval
		}
	}
}

// fingerprint hashes a file or a folder's files, to tell when it changed.
func fingerprint(path string) (string, error) {
	h := sha256.New()
	fi, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if !fi.IsDir() {
		f, err := os.Open(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		if _, err := io.Copy(h, f); err != nil {
			return "", err
		}
		return hex.EncodeToString(h.Sum(nil)), nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(files)
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// classify names the stage a read or download error belongs to.
func classify(err error) string {
	var he download.HTTPError
	if errors.As(err, &he) {
		return StageDownload
	}
	msg := strings.ToLower(err.Error())
	for _, s := range []string{"signature", "verification", "digest mismatch", "scope mismatch", "jws", "jwt", "key id", "keyid", "verify"} {
		if strings.Contains(msg, s) {
			return StageSignature
		}
	}
	for _, s := range []string{"request failed", "connection refused", "no such host", "timeout", "tls:", "x509"} {
		if strings.Contains(msg, s) {
			return StageDownload
		}
	}
	return StageRead
}
