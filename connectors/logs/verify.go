package logs

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
)

// Record is one parsed line of a decision log: an event or a checkpoint.
type Record struct {
	Checkpoint *Checkpoint

	DecisionID string
	ChainID    string
	Seq        uint64
	PrevHash   string
	// Hash is what the line claims; Computed what its bytes hash to.
	Hash     string
	Computed string
	// Body is the event without its hash field, as hashed.
	Body []byte
}

// MaxLineBytes bounds one line of a decision log for the readers.
const MaxLineBytes = 64 << 20

// ParseLine reads one line of a decision log.
func ParseLine(line []byte) (*Record, error) {
	line = bytes.TrimRight(line, "\r\n")
	if len(line) == 0 {
		return nil, errors.New("empty line")
	}
	if bytes.HasPrefix(line, []byte(checkpointPrefix)) {
		var c Checkpoint
		if err := json.Unmarshal(line, &c); err != nil {
			return nil, fmt.Errorf("malformed checkpoint: %v", err)
		}
		if c.ChainID == "" || len(c.Hash) != 64 {
			return nil, errors.New("malformed checkpoint: chain_id or hash missing")
		}
		return &Record{Checkpoint: &c}, nil
	}
	body, claimed, err := splitLine(line)
	if err != nil {
		return nil, err
	}
	var head struct {
		DecisionID string  `json:"decision_id"`
		ChainID    string  `json:"chain_id"`
		Seq        *uint64 `json:"seq"`
		PrevHash   string  `json:"prev_hash"`
	}
	if err := json.Unmarshal(body, &head); err != nil {
		return &Record{DecisionID: guessDecisionID(line), Hash: claimed, Computed: lineHash(body)}, fmt.Errorf("not a JSON event: %v", err)
	}
	r := &Record{DecisionID: head.DecisionID, ChainID: head.ChainID, PrevHash: head.PrevHash, Hash: claimed, Computed: lineHash(body), Body: body}
	if head.ChainID == "" || head.Seq == nil || len(head.PrevHash) != 64 {
		return r, errors.New("not a chained event: chain_id, seq or prev_hash missing")
	}
	r.Seq = *head.Seq
	return r, nil
}

// guessDecisionID finds the decision id of a line that is not valid JSON,
// to name it in a report.
func guessDecisionID(line []byte) string {
	const key = `"decision_id":"`
	i := bytes.Index(line, []byte(key))
	if i < 0 {
		return ""
	}
	rest := line[i+len(key):]
	if j := bytes.IndexByte(rest, '"'); j >= 0 && j <= 64 {
		return string(rest[:j])
	}
	return ""
}

// VerifyOptions tune Verify.
type VerifyOptions struct {
	// PublicKeys check checkpoint signatures. Without any, signatures are
	// not checked (and Verify says so).
	PublicKeys []ed25519.PublicKey
	// RequireSigned fails when events are not covered by a valid
	// checkpoint, or when there is none.
	RequireSigned bool
}

// Problem is a place where a log fails verification.
type Problem struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	DecisionID string `json:"decision_id,omitempty"`
	ChainID    string `json:"chain_id,omitempty"`
	Seq        uint64 `json:"seq,omitempty"`
	Message    string `json:"message"`

	order [2]int
}

func (p Problem) String() string {
	s := p.File + ":" + strconv.Itoa(p.Line)
	if p.DecisionID != "" {
		s += ": decision " + p.DecisionID
	}
	if p.Seq != 0 {
		s += " (seq " + strconv.FormatUint(p.Seq, 10) + ")"
	}
	return s + ": " + p.Message
}

// ChainSummary is what Verify saw of one chain.
type ChainSummary struct {
	First, Last uint64
	Events      int
	Checkpoints int
	// Signed is the highest seq a valid checkpoint covers.
	Signed uint64
}

// VerifyReport is the outcome of Verify. OK when Problems is empty.
type VerifyReport struct {
	Files    int
	Events   int
	Chains   map[string]*ChainSummary
	Problems []Problem
	Warnings []string
}

// OK reports whether verification passed.
func (r *VerifyReport) OK() bool { return len(r.Problems) == 0 }

type seen struct {
	rec  *Record
	file string
	line int
	fidx int
}

// Verify checks decision-log files: each event's hash against its bytes,
// the chain of prev_hash links in seq order across all the files given
// (rotated files in any order), gaps, forks, and every checkpoint's hash
// and signature. Problems are sorted so the first is the earliest broken
// event. An error is returned only when a file cannot be read.
func Verify(files []string, opts VerifyOptions) (*VerifyReport, error) {
	rep := &VerifyReport{Chains: map[string]*ChainSummary{}}
	var events, cps []seen
	firstSeq := make([]uint64, len(files))
	for fi, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		rep.Files++
		firstSeq[fi] = ^uint64(0)
		err = readLines(f, func(n int, line []byte) {
			if len(bytes.TrimSpace(line)) == 0 {
				return
			}
			rec, err := ParseLine(line)
			if err != nil {
				p := Problem{File: name, Line: n, Message: err.Error()}
				if rec != nil {
					p.DecisionID = rec.DecisionID
				} else {
					p.DecisionID = guessDecisionID(line)
				}
				p.order = [2]int{fi, n}
				rep.Problems = append(rep.Problems, p)
				return
			}
			if rec.Checkpoint != nil {
				cps = append(cps, seen{rec, name, n, fi})
				return
			}
			if rec.Seq < firstSeq[fi] {
				firstSeq[fi] = rec.Seq
			}
			events = append(events, seen{rec, name, n, fi})
		})
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
	}
	// Order files by their first seq, so problems sort in chain order.
	rank := make([]int, len(files))
	idx := make([]int, len(files))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return firstSeq[idx[a]] < firstSeq[idx[b]] })
	for r, i := range idx {
		rank[i] = r
	}
	problem := func(s seen, msg string) {
		rep.Problems = append(rep.Problems, Problem{File: s.file, Line: s.line, DecisionID: s.rec.DecisionID,
			ChainID: s.rec.ChainID, Seq: s.rec.Seq, Message: msg, order: [2]int{rank[s.fidx], s.line}})
	}
	for i := range rep.Problems {
		rep.Problems[i].order[0] = rank[rep.Problems[i].order[0]]
	}

	byChain := map[string][]seen{}
	for _, e := range events {
		byChain[e.rec.ChainID] = append(byChain[e.rec.ChainID], e)
		rep.Events++
		if e.rec.Hash != e.rec.Computed {
			problem(e, "the event's hash does not match its content: the line was changed")
		}
	}
	bySeq := map[string]map[uint64]seen{}
	for id, evs := range byChain {
		sort.SliceStable(evs, func(a, b int) bool { return evs[a].rec.Seq < evs[b].rec.Seq })
		sum := &ChainSummary{First: evs[0].rec.Seq, Last: evs[len(evs)-1].rec.Seq, Events: len(evs)}
		rep.Chains[id] = sum
		m := make(map[uint64]seen, len(evs))
		bySeq[id] = m
		if first := evs[0]; first.rec.Seq == 1 && first.rec.PrevHash != GenesisHash {
			problem(first, "the chain's first event does not start from the genesis hash")
		} else if first.rec.Seq == 0 {
			problem(first, "seq 0 is not a valid position")
		} else if first.rec.Seq > 1 {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("chain %s starts at seq %d in %s:%d: the files with earlier events were not given", id, first.rec.Seq, first.file, first.line))
		}
		var prev *seen
		for i := range evs {
			e := evs[i]
			if d, ok := m[e.rec.Seq]; ok {
				if d.rec.Hash == e.rec.Hash {
					rep.Warnings = append(rep.Warnings, fmt.Sprintf("seq %d of chain %s appears twice (%s:%d and %s:%d): the same file given twice?", e.rec.Seq, id, d.file, d.line, e.file, e.line))
					continue
				}
				problem(e, fmt.Sprintf("another event (%s:%d) has the same seq: the chain forks", d.file, d.line))
				continue
			}
			m[e.rec.Seq] = e
			if prev != nil {
				switch {
				case e.rec.Seq != prev.rec.Seq+1:
					problem(e, fmt.Sprintf("events %d to %d are missing before this one (deleted, or dropped under backpressure)", prev.rec.Seq+1, e.rec.Seq-1))
				case e.rec.PrevHash != prev.rec.Hash:
					problem(e, fmt.Sprintf("prev_hash does not match the hash of the event before it (%s:%d): an event was changed, removed or inserted", prev.file, prev.line))
				}
			}
			prev = &evs[i]
		}
	}

	if len(cps) > 0 && len(opts.PublicKeys) == 0 {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("%d checkpoint signature(s) not checked: give the public key (--public-key)", len(cps)))
	}
	keys := map[string]ed25519.PublicKey{}
	for _, k := range opts.PublicKeys {
		keys[KeyID(k)] = k
	}
	for _, c := range cps {
		cp := c.rec.Checkpoint
		sum := rep.Chains[cp.ChainID]
		if sum == nil {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s:%d: checkpoint for chain %s, which has no events in these files", c.file, c.line, cp.ChainID))
			continue
		}
		sum.Checkpoints++
		at := Problem{File: c.file, Line: c.line, ChainID: cp.ChainID, Seq: cp.Seq, order: [2]int{rank[c.fidx], c.line}}
		e, ok := bySeq[cp.ChainID][cp.Seq]
		if !ok {
			if cp.Seq >= sum.First && cp.Seq <= sum.Last {
				at.Message = "checkpoint refers to an event that is missing"
				rep.Problems = append(rep.Problems, at)
			}
			continue
		}
		at.DecisionID = e.rec.DecisionID
		if e.rec.Hash != cp.Hash || e.rec.Computed != cp.Hash {
			at.Message = fmt.Sprintf("checkpoint does not match event %d (%s:%d): the events up to it were changed since they were signed", cp.Seq, e.file, e.line)
			rep.Problems = append(rep.Problems, at)
			continue
		}
		if len(keys) == 0 {
			continue
		}
		k, ok := keys[cp.KeyID]
		if !ok {
			at.Message = fmt.Sprintf("checkpoint is signed by key %s, not by any key given", cp.KeyID)
			rep.Problems = append(rep.Problems, at)
			continue
		}
		if !cp.Verify(k) {
			at.Message = "checkpoint signature is not valid"
			rep.Problems = append(rep.Problems, at)
			continue
		}
		if cp.Seq > sum.Signed {
			sum.Signed = cp.Seq
		}
	}
	if len(keys) > 0 || opts.RequireSigned {
		for id, sum := range rep.Chains {
			if sum.Signed >= sum.Last {
				continue
			}
			msg := fmt.Sprintf("chain %s: events %d to %d are not covered by a valid signed checkpoint", id, max(sum.Signed+1, sum.First), sum.Last)
			if opts.RequireSigned {
				e := bySeq[id][sum.Last]
				rep.Problems = append(rep.Problems, Problem{File: e.file, Line: e.line, DecisionID: e.rec.DecisionID, ChainID: id, Seq: sum.Last, Message: msg, order: [2]int{rank[e.fidx], e.line}})
			} else {
				rep.Warnings = append(rep.Warnings, msg+" (the tail after a crash, or checkpoints removed)")
			}
		}
	}
	sort.SliceStable(rep.Problems, func(a, b int) bool {
		pa, pb := rep.Problems[a].order, rep.Problems[b].order
		if pa[0] != pb[0] {
			return pa[0] < pb[0]
		}
		return pa[1] < pb[1]
	})
	sort.Strings(rep.Warnings)
	return rep, nil
}

// readLines calls fn with each line (1-based numbers), lines of any
// length up to MaxLineBytes.
func readLines(r io.Reader, fn func(n int, line []byte)) error {
	br := bufio.NewReaderSize(r, 256<<10)
	n := 0
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			long := append([]byte(nil), line...)
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
				if len(long) > MaxLineBytes {
					return fmt.Errorf("line %d is longer than %d bytes", n+1, MaxLineBytes)
				}
			}
			line = long
		}
		if len(line) > 0 {
			n++
			fn(n, line)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
