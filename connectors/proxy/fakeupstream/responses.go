package fakeupstream

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// The OpenAI Responses API (POST /v1/responses): the same scenarios, as a
// response object or as its stream of typed events (response.created,
// response.output_item.added, response.output_text.delta …
// response.completed, each with a sequence_number). Reasoning is a
// reasoning item with a summary, a tool call a function_call item.

// responsesText is the text of the last user input of a Responses
// request: input as a string, or the last user message item's text.
func responsesText(body map[string]any) string {
	switch in := body["input"].(type) {
	case string:
		return in
	case []any:
		for i := len(in) - 1; i >= 0; i-- {
			m, _ := in[i].(map[string]any)
			if m["role"] != "user" {
				continue
			}
			switch c := m["content"].(type) {
			case string:
				return c
			case []any:
				text := ""
				for _, part := range c {
					if pm, ok := part.(map[string]any); ok {
						if t, ok := pm["text"].(string); ok {
							text += t
						}
					}
				}
				return text
			}
		}
	}
	return ""
}

// responseItems are the output items of sc, complete.
func responseItems(sc Scenario) []any {
	var out []any
	if sc.Reasoning != nil {
		out = append(out, map[string]any{"id": "rs_fake", "type": "reasoning",
			"summary": []any{map[string]any{"type": "summary_text", "text": strings.Join(sc.Reasoning, "")}}})
	}
	if len(sc.Content) > 0 {
		out = append(out, map[string]any{"id": "msg_fake", "type": "message", "role": "assistant", "status": "completed",
			"content": []any{map[string]any{"type": "output_text", "text": strings.Join(sc.Content, ""), "annotations": citations(strings.Join(sc.Content, ""))}}})
	}
	if sc.Tool != nil {
		out = append(out, map[string]any{"id": "fc_fake", "type": "function_call", "call_id": sc.Tool.ID, "name": sc.Tool.Name,
			"arguments": strings.Join(sc.Tool.Args, ""), "status": "completed"})
	}
	return out
}

func responseObject(model, status string, output []any, sc Scenario) map[string]any {
	n := usageOf(sc)["completion_tokens"]
	r := map[string]any{"id": "resp_fake", "object": "response", "created_at": 1700000000, "status": status, "model": model,
		"output": output, "parallel_tool_calls": true, "tool_choice": "auto", "tools": []any{}, "text": map[string]any{"format": map[string]any{"type": "text"}}}
	if status == "completed" {
		r["usage"] = map[string]any{"input_tokens": 10, "output_tokens": n, "total_tokens": 10 + n}
	}
	return r
}

func (u *Upstream) streamResponses(w http.ResponseWriter, r *http.Request, model string, sc Scenario, hang bool) {
	startSSE(w)
	s := &sse{w: w, r: r, u: u}
	seq := 0
	send := func(typ string, ev map[string]any) bool {
		ev["type"] = typ
		ev["sequence_number"] = seq
		seq++
		return s.send(typ, ev)
	}
	if !send("response.created", map[string]any{"response": responseObject(model, "in_progress", []any{}, sc)}) ||
		!send("response.in_progress", map[string]any{"response": responseObject(model, "in_progress", []any{}, sc)}) {
		return
	}
	items := responseItems(sc)
	for oi, item := range items {
		it := item.(map[string]any)
		id := it["id"]
		var added map[string]any
		switch it["type"] {
		case "reasoning":
			added = map[string]any{"id": id, "type": "reasoning", "summary": []any{}}
		case "message":
			added = map[string]any{"id": id, "type": "message", "role": "assistant", "status": "in_progress", "content": []any{}}
		case "function_call":
			added = map[string]any{"id": id, "type": "function_call", "call_id": it["call_id"], "name": it["name"], "arguments": "", "status": "in_progress"}
		}
		if !send("response.output_item.added", map[string]any{"output_index": oi, "item": added}) {
			return
		}
		switch it["type"] {
		case "reasoning":
			if !send("response.reasoning_summary_part.added", map[string]any{"item_id": id, "output_index": oi, "summary_index": 0, "part": map[string]any{"type": "summary_text", "text": ""}}) {
				return
			}
			for _, t := range sc.Reasoning {
				if !send("response.reasoning_summary_text.delta", map[string]any{"item_id": id, "output_index": oi, "summary_index": 0, "delta": t}) {
					return
				}
			}
			text := strings.Join(sc.Reasoning, "")
			if !send("response.reasoning_summary_text.done", map[string]any{"item_id": id, "output_index": oi, "summary_index": 0, "text": text}) ||
				!send("response.reasoning_summary_part.done", map[string]any{"item_id": id, "output_index": oi, "summary_index": 0, "part": map[string]any{"type": "summary_text", "text": text}}) {
				return
			}
		case "message":
			if !send("response.content_part.added", map[string]any{"item_id": id, "output_index": oi, "content_index": 0, "part": map[string]any{"type": "output_text", "text": "", "annotations": []any{}}}) {
				return
			}
			for i, t := range sc.Content {
				if !send("response.output_text.delta", map[string]any{"item_id": id, "output_index": oi, "content_index": 0, "delta": t, "logprobs": []any{}}) {
					return
				}
				if hang && i == 0 {
					return
				}
			}
			text := strings.Join(sc.Content, "")
			if !send("response.output_text.done", map[string]any{"item_id": id, "output_index": oi, "content_index": 0, "text": text, "logprobs": []any{}}) ||
				!send("response.content_part.done", map[string]any{"item_id": id, "output_index": oi, "content_index": 0, "part": map[string]any{"type": "output_text", "text": text, "annotations": citations(text)}}) {
				return
			}
		case "function_call":
			for _, a := range sc.Tool.Args {
				if !send("response.function_call_arguments.delta", map[string]any{"item_id": id, "output_index": oi, "delta": a}) {
					return
				}
			}
			if !send("response.function_call_arguments.done", map[string]any{"item_id": id, "output_index": oi, "arguments": strings.Join(sc.Tool.Args, "")}) {
				return
			}
		}
		if !send("response.output_item.done", map[string]any{"output_index": oi, "item": it}) {
			return
		}
	}
	send("response.completed", map[string]any{"response": responseObject(model, "completed", items, sc)})
}

// citations cites every https:// link of an answer, as web search does: a
// url_citation over the link, in code points.
func citations(text string) []any {
	out := []any{}
	from := 0
	for {
		i := strings.Index(text[from:], "https://")
		if i < 0 {
			return out
		}
		start := from + i
		end := start + strings.IndexAny(text[start:]+" ", " \n")
		out = append(out, map[string]any{"type": "url_citation", "url": text[start:end], "title": "source",
			"start_index": utf8.RuneCountInString(text[:start]), "end_index": utf8.RuneCountInString(text[:end])})
		from = end
	}
}
