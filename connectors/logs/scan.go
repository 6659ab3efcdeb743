package logs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"sync"

	"github.com/parapet-dev/parapet/engine"
)

// ScanOptions tune a Scanner.
type ScanOptions struct {
	Defaults ExchangeDefaults
	// Pipeline, when set, records every flagged decision as an event
	// (connector "scan"), so violations found in old logs join the
	// compliance record. Nil: report only.
	Pipeline *Pipeline
	// Workers evaluate in parallel. Default 1.
	Workers int
}

// Scanner is the log-stream auditor: it evaluates logged model
// exchanges against the active bundle in detect-only mode (nothing is
// enforced; the decisions are only counted and recorded).
type Scanner struct {
	eng  *engine.Engine
	opts ScanOptions

	mu  sync.Mutex
	rep *ScanReport
}

// ScanReport summarises a scan.
type ScanReport struct {
	Exchanges int `json:"exchanges"`
	Decisions int `json:"decisions"`
	// ByEffect counts exchanges by the strongest effect of their prompt
	// and response decisions.
	ByEffect map[string]int `json:"by_effect"`
	// ByReason counts exchanges in which a reason fired.
	ByReason  map[string]int         `json:"by_reason"`
	BySubject map[string]*ScanCounts `json:"by_subject"`
	ByModel   map[string]*ScanCounts `json:"by_model"`
	// Flagged are the exchanges whose effect is not allow.
	Flagged []Flagged     `json:"flagged"`
	Invalid []InvalidLine `json:"invalid,omitempty"`
}

// ScanCounts are exchanges seen and flagged.
type ScanCounts struct {
	Exchanges int `json:"exchanges"`
	Flagged   int `json:"flagged"`
}

// Flagged is one exchange a policy would not have simply allowed.
type Flagged struct {
	ID          string   `json:"id"`
	Source      string   `json:"source"`
	Line        int      `json:"line"`
	Effect      string   `json:"effect"`
	Reasons     []string `json:"reasons"`
	Subject     string   `json:"subject"`
	Model       string   `json:"model"`
	DecisionIDs []string `json:"decision_ids"`
}

// InvalidLine is a line that is not an exchange the reader understands.
type InvalidLine struct {
	Source string `json:"source"`
	Line   int    `json:"line"`
	Error  string `json:"error"`
}

// NewScanner makes a scanner over an engine with its policy active.
func NewScanner(eng *engine.Engine, opts ScanOptions) *Scanner {
	if opts.Workers < 1 {
		opts.Workers = 1
	}
	return &Scanner{eng: eng, opts: opts, rep: &ScanReport{
		ByEffect: map[string]int{}, ByReason: map[string]int{}, BySubject: map[string]*ScanCounts{}, ByModel: map[string]*ScanCounts{},
	}}
}

// Item is one line of a source for the scanner.
type Item struct {
	Source string
	Line   int
	Data   []byte
}

// Run scans the items from next until it returns io.EOF, with
// opts.Workers in parallel. progress, when set, is called after each.
func (s *Scanner) Run(ctx context.Context, next func() (Item, error), progress func(done int, flagged int)) error {
	items := make(chan Item, 4*s.opts.Workers)
	var wg sync.WaitGroup
	for range s.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				s.one(ctx, it)
				if progress != nil {
					s.mu.Lock()
					d, f := s.rep.Exchanges+len(s.rep.Invalid), len(s.rep.Flagged)
					s.mu.Unlock()
					progress(d, f)
				}
			}
		}()
	}
	var err error
	for {
		it, e := next()
		if errors.Is(e, io.EOF) {
			break
		}
		if e != nil {
			err = e
			break
		}
		if ctx.Err() != nil {
			err = ctx.Err()
			break
		}
		items <- it
	}
	close(items)
	wg.Wait()
	return err
}

func (s *Scanner) one(ctx context.Context, it Item) {
	x, err := ParseExchange(it.Data, s.opts.Defaults)
	if err != nil {
		s.invalid(it, err)
		return
	}
	if x.ID == "" {
		x.ID = it.Source + ":" + strconv.Itoa(it.Line)
	}
	reqs := []*engine.Request{x.Prompt()}
	if r := x.ResponseRequest(); r != nil {
		reqs = append(reqs, r)
	}
	effect := engine.EffectAllow
	reasons := map[string]bool{}
	var ids []string
	for _, req := range reqs {
		d, err := s.eng.Decide(ctx, req)
		if err != nil {
			s.invalid(it, fmt.Errorf("%s phase: %w", req.Phase, err))
			return
		}
		if engine.Stronger(d.Effect, effect) {
			effect = d.Effect
		}
		for _, r := range d.Reasons {
			reasons[r.ID] = true
		}
		ids = append(ids, d.DecisionID)
		if d.Effect != engine.EffectAllow && s.opts.Pipeline.Enabled() {
			ev := s.opts.Pipeline.Event(req, d, Connector{Name: "scan"})
			ev.Labels = map[string]string{"exchange_id": x.ID, "scan_source": it.Source + ":" + strconv.Itoa(it.Line)}
			if !x.Timestamp.IsZero() {
				ev.Labels["exchange_time"] = x.Timestamp.UTC().Format("2006-01-02T15:04:05Z07:00")
			}
			s.opts.Pipeline.Record(ctx, ev)
		}
	}
	rs := make([]string, 0, len(reasons))
	for r := range reasons {
		rs = append(rs, r)
	}
	sort.Strings(rs)

	s.mu.Lock()
	defer s.mu.Unlock()
	rep := s.rep
	rep.Exchanges++
	rep.Decisions += len(reqs)
	rep.ByEffect[effect]++
	for _, r := range rs {
		rep.ByReason[r]++
	}
	flagged := effect != engine.EffectAllow
	for _, m := range []struct {
		by  map[string]*ScanCounts
		key string
	}{{rep.BySubject, x.Subject.ID}, {rep.ByModel, x.Model}} {
		c := m.by[m.key]
		if c == nil {
			c = &ScanCounts{}
			m.by[m.key] = c
		}
		c.Exchanges++
		if flagged {
			c.Flagged++
		}
	}
	if flagged {
		rep.Flagged = append(rep.Flagged, Flagged{ID: x.ID, Source: it.Source, Line: it.Line, Effect: effect, Reasons: rs,
			Subject: x.Subject.ID, Model: x.Model, DecisionIDs: ids})
	}
}

func (s *Scanner) invalid(it Item, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rep.Invalid = append(s.rep.Invalid, InvalidLine{Source: it.Source, Line: it.Line, Error: err.Error()})
}

// Report returns the report, flagged exchanges in source order.
func (s *Scanner) Report() *ScanReport {
	s.mu.Lock()
	defer s.mu.Unlock()
	sort.Slice(s.rep.Flagged, func(i, j int) bool {
		a, b := s.rep.Flagged[i], s.rep.Flagged[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Line < b.Line
	})
	sort.Slice(s.rep.Invalid, func(i, j int) bool {
		a, b := s.rep.Invalid[i], s.rep.Invalid[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Line < b.Line
	})
	return s.rep
}

// LineSource reads JSON Lines from r as scan items.
func LineSource(name string, r io.Reader) func() (Item, error) {
	ch := make(chan Item, 64)
	errc := make(chan error, 1)
	go func() {
		errc <- readLines(r, func(n int, line []byte) {
			if len(line) > MaxExchangeBytes {
				ch <- Item{Source: name, Line: n, Data: []byte("{}")}
				return
			}
			ch <- Item{Source: name, Line: n, Data: append([]byte(nil), line...)}
		})
		close(ch)
	}()
	return func() (Item, error) {
		for it := range ch {
			if len(trimSpace(it.Data)) == 0 {
				continue
			}
			return it, nil
		}
		if err := <-errc; err != nil {
			return Item{}, err
		}
		return Item{}, io.EOF
	}
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\n' || b[0] == '\r' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
