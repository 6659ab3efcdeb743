package leakage

import (
	"context"
	"strings"
	"sync"

	"github.com/parapet-dev/parapet/engine/analysis"
)

// Finding categories and types.
const (
	CategoryLeak      = "leak"
	CategoryURL       = "url"
	CategoryGrounding = "grounding"

	TypeCanary       = "CANARY_TOKEN"
	TypePromptLeak   = "SYSTEM_PROMPT_LEAK"
	TypeImage        = "MARKDOWN_IMAGE"
	TypeLink         = "MARKDOWN_LINK"
	TypeUngrounded   = "UNGROUNDED_URL"
	TypeUnsupported  = "UNSUPPORTED_SENTENCE"
	SignalGrounding  = "grounding"
	detectorName     = "leakage"
	documentPathBase = "context.documents["
)

// Options configure a Detector. The zero value is the default; there is
// nothing to configure yet (the constants are documented in the package
// comment).
type Options struct{}

// Detector relates the model's answer (response.content and
// response.reasoning) to the rest of the request: canaries and system
// prompt text it repeats, the links and images it contains, and how well
// its sentences are grounded in the supplied documents. It is safe for
// concurrent use and keeps no text between calls.
type Detector struct {
	pool sync.Pool
}

// New returns a detector.
func New(Options) *Detector {
	d := &Detector{}
	d.pool.New = func() any { return new(state) }
	return d
}

// Name implements analysis.RequestDetector.
func (d *Detector) Name() string { return detectorName }

// state is the scratch space of one ScanRequest, pooled. Buffers that
// hold text derived from the request are cleared before it goes back.
type state struct {
	toks, ref  []token
	hits       []int32
	covered    []bool
	shingles   htab
	fold, raw  []byte // ASCII-lower-cased and raw copies of a field
	stream     []byte // lower-cased letters and digits of a field
	sStart     []int32
	canaries   []canary
	canaryBuf  []byte // every canary's forms, back to back
	tmp        []byte
	keys       []string
	spans      []span
	urls       []urlRef
	code       [][2]int32 // code blocks and spans of the field being scanned
	defs       []refDef
	pairs      [][2]int32
	stack      []int32
	norm       []byte
	refURLs    htab
	docTok     htab
	sentences  []sentence
	support    []float64
	gtoks      []token
	labelsSeen []string
}

func (s *state) release() {
	clear(s.fold)
	clear(s.raw)
	clear(s.stream)
	clear(s.canaryBuf)
	clear(s.tmp)
	clear(s.norm)
	clear(s.keys)
	clear(s.labelsSeen)
	clear(s.canaries)
}

// isDocument reports whether f is a context document (retrieved, or the
// output of a tool).
func isDocument(f *analysis.Field) bool {
	return f.Source == "document" || f.Source == "tool" && strings.HasPrefix(f.Path, documentPathBase)
}

func isResponse(f *analysis.Field) bool {
	return f.Source == "response" || f.Source == "reasoning"
}

// isPrompt reports whether f is a message of the prompt that can ground a
// URL: system, developer, user or tool.
func isPrompt(f *analysis.Field) bool {
	switch f.Source {
	case "system", "developer", "user":
		return true
	case "tool":
		return !strings.HasPrefix(f.Path, documentPathBase)
	}
	return false
}

// ScanRequest implements analysis.RequestDetector.
func (d *Detector) ScanRequest(ctx context.Context, in *analysis.Input, r *analysis.Report) {
	if in == nil || r == nil {
		return
	}
	hasResponse, hasDocs := false, false
	for i := range in.Fields {
		f := &in.Fields[i]
		if isResponse(f) && f.Text != "" {
			hasResponse = true
		}
		if isDocument(f) {
			hasDocs = true
		}
	}
	if !hasResponse {
		return
	}
	s := d.pool.Get().(*state)
	defer func() {
		s.release()
		d.pool.Put(s)
	}()

	s.collectCanaries(in.Labels)
	refTokens := s.buildPromptShingles(in.Fields)
	if hasDocs {
		s.buildGroundedURLs(in.Fields)
	}
	grounded := false
	for i := range in.Fields {
		f := &in.Fields[i]
		if !isResponse(f) || f.Text == "" {
			continue
		}
		if ctx.Err() != nil {
			return
		}
		if len(s.canaries) > 0 {
			s.scanCanaries(f, r)
		}
		s.scanURLs(f, hasDocs, r)
		ground := hasDocs && !grounded && f.Source == "response"
		if refTokens < minLeakTokens && !ground {
			continue
		}
		s.toks = tokenize(s.toks[:0], f.Text)
		if refTokens >= minLeakTokens {
			s.scanPromptLeak(f, refTokens, r)
		}
		if ground {
			grounded = true
			s.scanGrounding(ctx, f, in.Fields, r)
		}
	}
}

// span is a reported byte range, for de-duplication.
type span struct{ start, end int32 }

func overlaps(list []span, a, b int) bool {
	for _, sp := range list {
		if a < int(sp.end) && int(sp.start) < b {
			return true
		}
	}
	return false
}
