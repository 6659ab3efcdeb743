package logs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"
)

// LogQuery is what a bundle defines to shape its decision logs, like
// OPA's system.log.mask:
//
//	package parapet.log
//	mask contains "/input/subject/id"                       # erase
//	mask contains {"op": "upsert", "path": "/input/purpose", "value": "x"}
//	capture := "full" if input.result.effect == "review"   # log: full
//
// input is the event as it would be written (already without text).
const LogQuery = "data.parapet.log"

// LogPolicy is the bundle's say over what an event keeps.
type LogPolicy interface {
	Evaluate(ctx context.Context, event map[string]any) (LogRules, error)
}

// LogRules are what a log policy asked for one event.
type LogRules struct {
	Mask []MaskRule
	// Capture is true when the policy asked for the full text
	// (capture == "full"), which is stored encrypted.
	Capture bool
}

// MaskRule is one of OPA's mask operations.
type MaskRule struct {
	// Op is "remove" (default) or "upsert".
	Op    string
	Path  string
	Value any
}

// RegoLogPolicy evaluates data.parapet.log from a bundle.
type RegoLogPolicy struct {
	pq rego.PreparedEvalQuery
}

// NewRegoLogPolicy prepares data.parapet.log from b. It returns nil, nil
// when the bundle has no package parapet.log (or a sub-package of it).
func NewRegoLogPolicy(ctx context.Context, b *bundle.Bundle) (*RegoLogPolicy, error) {
	if b == nil {
		return nil, nil
	}
	want := ast.MustParseRef(LogQuery)
	found := false
	for _, m := range b.Modules {
		if m.Parsed != nil && m.Parsed.Package.Path.HasPrefix(want) {
			found = true
			break
		}
	}
	if !found {
		return nil, nil
	}
	cp := b.Copy()
	if cp.Manifest.Roots == nil {
		cp.Manifest.Init()
	}
	pq, err := rego.New(rego.Query(LogQuery), rego.ParsedBundle("log", &cp)).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("preparing %s: %w", LogQuery, err)
	}
	return &RegoLogPolicy{pq: pq}, nil
}

// Evaluate runs the policy with the event as input.
func (p *RegoLogPolicy) Evaluate(ctx context.Context, event map[string]any) (LogRules, error) {
	v, err := ast.InterfaceToValue(event)
	if err != nil {
		return LogRules{}, err
	}
	rs, err := p.pq.Eval(ctx, rego.EvalParsedInput(v))
	if err != nil {
		return LogRules{}, fmt.Errorf("evaluating %s: %w", LogQuery, err)
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return LogRules{}, nil
	}
	obj, _ := rs[0].Expressions[0].Value.(map[string]any)
	return parseLogRules(obj)
}

func parseLogRules(obj map[string]any) (LogRules, error) {
	var lr LogRules
	if c, ok := obj["capture"].(string); ok && c == "full" {
		lr.Capture = true
	}
	raw, ok := obj["mask"]
	if !ok || raw == nil {
		return lr, nil
	}
	list, ok := raw.([]any)
	if !ok {
		return lr, fmt.Errorf("%s.mask is %T, want a set", LogQuery, raw)
	}
	var errs []error
	for _, r := range list {
		switch v := r.(type) {
		case string:
			lr.Mask = append(lr.Mask, MaskRule{Op: "remove", Path: v})
		case map[string]any:
			op, _ := v["op"].(string)
			path, _ := v["path"].(string)
			if op == "" {
				op = "remove"
			}
			lr.Mask = append(lr.Mask, MaskRule{Op: op, Path: path, Value: v["value"]})
		default:
			errs = append(errs, fmt.Errorf("%s.mask: %v is not a path or an {op, path, value} object", LogQuery, r))
		}
	}
	return lr, errors.Join(errs...)
}

// applyMask carries out rules on the generic event, as OPA does: paths
// start with /input or /result (or one of Parapet's metadata fields);
// removals go to erased, upserts to masked.
// A path that does not exist is skipped.
func applyMask(ev map[string]any, rules []MaskRule) (erased, masked []string, err error) {
	var errs []error
	for _, r := range rules {
		parts, perr := maskPath(r.Path)
		if perr != nil {
			errs = append(errs, perr)
			continue
		}
		switch r.Op {
		case "remove":
			if removeAt(ev, parts) {
				erased = append(erased, r.Path)
			}
		case "upsert":
			if upsertAt(ev, parts, r.Value) {
				masked = append(masked, r.Path)
			}
		default:
			errs = append(errs, fmt.Errorf("mask %s: op %q is not remove or upsert", r.Path, r.Op))
		}
	}
	return erased, masked, errors.Join(errs...)
}

// maskRoots are the top-level fields a mask may touch: OPA's input and
// result, and Parapet's copies of request metadata.
var maskRoots = map[string]bool{"input": true, "result": true, "subject": true, "tenant": true, "model": true, "requested_by": true, "stream": true}

func maskPath(p string) ([]string, error) {
	if !strings.HasPrefix(p, "/") {
		return nil, fmt.Errorf("mask %q: must start with /", p)
	}
	parts := strings.Split(p[1:], "/")
	if !maskRoots[parts[0]] {
		return nil, fmt.Errorf("mask %q: only /input, /result and Parapet's /subject, /tenant, /model, /requested_by and /stream can be masked", p)
	}
	for i, s := range parts {
		u, err := url.PathUnescape(s)
		if err != nil {
			return nil, fmt.Errorf("mask %q: %w", p, err)
		}
		parts[i] = u
	}
	return parts, nil
}

func removeAt(node any, parts []string) bool {
	for i, key := range parts {
		last := i == len(parts)-1
		switch v := node.(type) {
		case map[string]any:
			child, ok := v[key]
			if !ok {
				return false
			}
			if last {
				delete(v, key)
				return true
			}
			// Arrays are replaced in their parent when an element goes.
			if arr, ok := child.([]any); ok && i+1 == len(parts)-1 {
				idx, err := strconv.Atoi(parts[i+1])
				if err != nil || idx < 0 || idx >= len(arr) {
					return false
				}
				v[key] = append(arr[:idx:idx], arr[idx+1:]...)
				return true
			}
			node = child
		case []any:
			idx, err := strconv.Atoi(key)
			if err != nil || idx < 0 || idx >= len(v) || last {
				return false
			}
			node = v[idx]
		default:
			return false
		}
	}
	return false
}

func upsertAt(node any, parts []string, value any) bool {
	for i, key := range parts {
		last := i == len(parts)-1
		switch v := node.(type) {
		case map[string]any:
			if last {
				v[key] = value
				return true
			}
			child, ok := v[key]
			if !ok {
				child = map[string]any{}
				v[key] = child
			}
			node = child
		case []any:
			idx, err := strconv.Atoi(key)
			if err != nil || idx < 0 || idx >= len(v) {
				return false
			}
			if last {
				v[idx] = value
				return true
			}
			node = v[idx]
		default:
			return false
		}
	}
	return false
}

// toGeneric turns a value into JSON-shaped Go values.
func toGeneric(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.UseNumber()
	if err := d.Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}
