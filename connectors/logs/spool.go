package logs

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// spool is one sink's on-disk queue: JSON Lines segment files and a
// cursor (segment, offset) of what the sink has acknowledged. Only the
// sink's worker goroutine touches it. Appends are not fsynced one by one
// (a process crash keeps them; close syncs); the cursor is rewritten in
// place after every acknowledged batch.
type spool struct {
	dir      string
	maxBytes int64
	segMax   int64

	segs []uint64 // existing segments, oldest first
	w    *os.File // the newest segment, for appends
	wsz  int64

	rseg uint64 // cursor: next unread record is at (rseg, roff)
	roff int64

	pendingBytes int64
	pending      int64 // records not yet acknowledged

	cursor *os.File
}

const spoolExt = ".spool"

func openSpool(dir string, maxBytes int64) (*spool, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	s := &spool{dir: dir, maxBytes: maxBytes, segMax: 16 << 20}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), spoolExt)
		if !ok {
			continue
		}
		n, err := strconv.ParseUint(name, 10, 64)
		if err != nil {
			continue
		}
		s.segs = append(s.segs, n)
	}
	slices.Sort(s.segs)
	s.cursor, err = os.OpenFile(filepath.Join(dir, "cursor"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	var cur struct {
		Seg uint64 `json:"segment"`
		Off int64  `json:"offset"`
	}
	raw, _ := io.ReadAll(s.cursor)
	if t := bytes.TrimRight(raw, " \n\x00"); len(t) > 0 {
		if err := json.Unmarshal(t, &cur); err != nil {
			s.cursor.Close()
			return nil, fmt.Errorf("spool cursor %s is corrupt: %w", filepath.Join(dir, "cursor"), err)
		}
	}
	s.rseg, s.roff = cur.Seg, cur.Off
	// Drop segments wholly before the cursor; start at the oldest one left.
	for len(s.segs) > 0 && s.segs[0] < s.rseg {
		os.Remove(s.segPath(s.segs[0]))
		s.segs = s.segs[1:]
	}
	if len(s.segs) > 0 && s.segs[0] > s.rseg {
		s.rseg, s.roff = s.segs[0], 0
	}
	// Count what is pending, cutting a torn last line (a crash mid-append).
	for i, seg := range s.segs {
		b, err := os.ReadFile(s.segPath(seg))
		if err != nil {
			s.close()
			return nil, fmt.Errorf("spool: %w", err)
		}
		if i == len(s.segs)-1 {
			if cut := bytes.LastIndexByte(b, '\n') + 1; cut < len(b) {
				b = b[:cut]
				if err := os.Truncate(s.segPath(seg), int64(cut)); err != nil {
					s.close()
					return nil, fmt.Errorf("spool: %w", err)
				}
			}
		}
		if seg == s.rseg {
			if s.roff > int64(len(b)) {
				s.roff = int64(len(b))
			}
			b = b[s.roff:]
		}
		s.pendingBytes += int64(len(b))
		s.pending += int64(bytes.Count(b, []byte{'\n'}))
	}
	return s, nil
}

func (s *spool) segPath(n uint64) string {
	return filepath.Join(s.dir, fmt.Sprintf("%020d%s", n, spoolExt))
}

func (s *spool) empty() bool { return s.pending == 0 }

// room reports whether n more bytes fit under the cap.
func (s *spool) room(n int64) bool { return s.maxBytes <= 0 || s.pendingBytes+n <= s.maxBytes }

// append writes lines (each ending in '\n') at the end.
func (s *spool) append(lines [][]byte) error {
	if len(lines) == 0 {
		return nil
	}
	if s.w == nil || s.wsz >= s.segMax {
		if err := s.roll(); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	for _, l := range lines {
		buf.Write(l)
	}
	n, err := s.w.Write(buf.Bytes())
	s.wsz += int64(n)
	if err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	s.pendingBytes += int64(n)
	s.pending += int64(len(lines))
	return nil
}

func (s *spool) roll() error {
	if s.w != nil {
		s.w.Sync()
		s.w.Close()
		s.w = nil
	}
	// Reuse the newest segment if it still has room (after a restart).
	if n := len(s.segs); n > 0 {
		last := s.segs[n-1]
		if fi, err := os.Stat(s.segPath(last)); err == nil && fi.Size() < s.segMax {
			f, err := os.OpenFile(s.segPath(last), os.O_WRONLY|os.O_APPEND, 0o600)
			if err != nil {
				return fmt.Errorf("spool: %w", err)
			}
			s.w, s.wsz = f, fi.Size()
			return nil
		}
	}
	next := s.rseg
	if n := len(s.segs); n > 0 {
		next = s.segs[n-1] + 1
	}
	f, err := os.OpenFile(s.segPath(next), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	s.segs = append(s.segs, next)
	if len(s.segs) == 1 {
		s.rseg, s.roff = next, 0
	}
	s.w, s.wsz = f, 0
	return nil
}

// spoolPos is a cursor position.
type spoolPos struct {
	seg uint64
	off int64
}

// peek reads up to max records from the cursor, and the position after
// each of them, so a partial acknowledgement can be recorded.
func (s *spool) peek(max int) ([][]byte, []spoolPos, error) {
	var out [][]byte
	var pos []spoolPos
	seg, off := s.rseg, s.roff
	for _, n := range s.segs {
		if n < seg || len(out) >= max {
			continue
		}
		if n > seg {
			seg, off = n, 0
		}
		f, err := os.Open(s.segPath(n))
		if err != nil {
			return out, pos, fmt.Errorf("spool: %w", err)
		}
		if _, err := f.Seek(off, io.SeekStart); err != nil {
			f.Close()
			return out, pos, fmt.Errorf("spool: %w", err)
		}
		r := bufio.NewReaderSize(f, 64<<10)
		for len(out) < max {
			line, err := r.ReadBytes('\n')
			if err != nil {
				break // EOF or a line still being written
			}
			off += int64(len(line))
			out = append(out, line)
			pos = append(pos, spoolPos{n, off})
		}
		f.Close()
	}
	return out, pos, nil
}

// ack moves the cursor past the first k records of the last peek.
func (s *spool) ack(pos []spoolPos, lines [][]byte, k int) error {
	if k <= 0 {
		return nil
	}
	p := pos[k-1]
	for _, l := range lines[:k] {
		s.pendingBytes -= int64(len(l))
	}
	s.pending -= int64(k)
	s.rseg, s.roff = p.seg, p.off
	// Remove segments the cursor has left behind, keeping the one being
	// written.
	for len(s.segs) > 1 && s.segs[0] < s.rseg {
		os.Remove(s.segPath(s.segs[0]))
		s.segs = s.segs[1:]
	}
	if s.pending == 0 && len(s.segs) == 1 && s.w != nil && s.wsz >= s.segMax {
		// Fully drained and full: the next append starts a new segment.
		s.w.Close()
		s.w = nil
		os.Remove(s.segPath(s.segs[0]))
		s.segs = nil
		s.rseg++
		s.roff = 0
	}
	return s.saveCursor()
}

func (s *spool) saveCursor() error {
	b := []byte(`{"segment":` + strconv.FormatUint(s.rseg, 10) + `,"offset":` + strconv.FormatInt(s.roff, 10) + "}\n")
	for len(b) < 64 {
		b = append(b, ' ')
	}
	_, err := s.cursor.WriteAt(b, 0)
	return err
}

func (s *spool) close() error {
	var errs []error
	if s.w != nil {
		errs = append(errs, s.w.Sync(), s.w.Close())
		s.w = nil
	}
	if s.cursor != nil {
		errs = append(errs, s.saveCursor(), s.cursor.Sync(), s.cursor.Close())
		s.cursor = nil
	}
	return errors.Join(errs...)
}
