package sdk

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Placeholders recovers, for a redacting decision on req, the original
// value behind each placeholder: the decision carries placeholders and
// types only, the caller has the text, and the redact reasons' evidence
// says where each value was (Unicode code points). Each field is checked
// against the redacted text the decision returned; a field that does not
// line up contributes nothing rather than a wrong value.
func Placeholders(req *Request, d *Decision) map[string]string {
	out := map[string]string{}
	if d == nil || d.Obligations == nil || len(d.Obligations.Placeholders) == 0 {
		return out
	}
	spans := map[string][]span{}
	for _, r := range d.Reasons {
		if r.Effect != EffectRedact {
			continue
		}
		for _, ev := range r.Evidence {
			if ev.End > ev.Start && ev.Type != "" {
				spans[ev.Field] = append(spans[ev.Field], span{ev.Start, ev.End})
			}
		}
	}
	if len(d.Messages) == len(req.Messages) {
		for i := range req.Messages {
			field := "messages[" + strconv.Itoa(i) + "].content"
			match(req.Messages[i].Content, d.Messages[i].Content, spans[field], out)
		}
	}
	if req.Response != nil && d.Response != nil {
		match(req.Response.Content, d.Response.Content, spans["response.content"], out)
		match(req.Response.Reasoning, d.Response.Reasoning, spans["response.reasoning"], out)
	}
	return out
}

type span struct{ start, end int }

var placeholderRE = regexp.MustCompile(`^<[A-Z][A-Z0-9_]*_[0-9]+>`)

// match walks original and redacted side by side: the text between spans
// must be equal, and at each merged span the redacted text has a
// placeholder for the span's value.
func match(original, redacted string, spans []span, out map[string]string) {
	if len(spans) == 0 || original == redacted {
		return
	}
	// Merge as the engine does: by start, longer first; overlaps join.
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	var merged []span
	for _, s := range spans {
		if n := len(merged); n > 0 && s.start < merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, s.end)
			continue
		}
		merged = append(merged, s)
	}
	runes := []rune(original)
	found := map[string]string{}
	pos, prev := 0, 0
	for _, s := range merged {
		start, end := min(max(s.start, 0), len(runes)), min(s.end, len(runes))
		if start >= end {
			continue
		}
		lit := string(runes[prev:start])
		if !strings.HasPrefix(redacted[pos:], lit) {
			return
		}
		pos += len(lit)
		ph := placeholderRE.FindString(redacted[pos:])
		if ph == "" {
			return
		}
		val := string(runes[start:end])
		if v, ok := found[ph]; ok && v != val {
			return
		}
		found[ph] = val
		pos += len(ph)
		prev = end
	}
	if redacted[pos:] != string(runes[prev:]) {
		return
	}
	for k, v := range found {
		out[k] = v
	}
}

var anyPlaceholderRE = regexp.MustCompile(`<[A-Z][A-Z0-9_]*_[0-9]+>`)

// Restore puts original values back in place of the placeholders in s.
// Placeholders not in the map stay as they are.
func Restore(s string, placeholders map[string]string) string {
	if len(placeholders) == 0 || !strings.Contains(s, "<") {
		return s
	}
	return anyPlaceholderRE.ReplaceAllStringFunc(s, func(p string) string {
		if v, ok := placeholders[p]; ok {
			return v
		}
		return p
	})
}
