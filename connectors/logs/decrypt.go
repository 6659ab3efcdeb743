package logs

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Decrypt opens every sealed value of an event line: the whole event
// ("event" mode), each sealed field ("field" mode) and the full-text
// capture. It returns the event as JSON with those values in clear and
// "decrypted": true; the hash fields are kept for reference but no
// longer match the content. Checkpoint lines come back unchanged.
func Decrypt(line []byte, keys *Keyring) ([]byte, error) {
	line = bytes.TrimRight(line, "\r\n")
	if bytes.HasPrefix(line, []byte(checkpointPrefix)) {
		return line, nil
	}
	var ev map[string]any
	d := json.NewDecoder(bytes.NewReader(line))
	d.UseNumber()
	if err := d.Decode(&ev); err != nil {
		return nil, fmt.Errorf("not a JSON event: %w", err)
	}
	id, _ := ev["decision_id"].(string)
	opened := false
	open := func(field string, v any) (any, bool, error) {
		s, ok := asSealed(v)
		if !ok {
			return v, false, nil
		}
		pt, err := keys.Open(s, sealAAD(id, field))
		if err != nil {
			return nil, false, fmt.Errorf("decision %s: %s: %w", id, field, err)
		}
		var out any
		dd := json.NewDecoder(bytes.NewReader(pt))
		dd.UseNumber()
		if err := dd.Decode(&out); err != nil {
			return nil, false, fmt.Errorf("decision %s: %s: %w", id, field, err)
		}
		return out, true, nil
	}
	if v, ok := ev["sealed"]; ok {
		inner, did, err := open("event", v)
		if err != nil {
			return nil, err
		}
		if did {
			delete(ev, "sealed")
			if m, ok := inner.(map[string]any); ok {
				for k, x := range m {
					ev[k] = x
				}
			}
			opened = true
		}
	}
	for _, f := range append(append([]string{}, encryptableFields...), "capture") {
		v, ok := ev[f]
		if !ok {
			continue
		}
		out, did, err := open(f, v)
		if err != nil {
			return nil, err
		}
		if did {
			ev[f] = out
			opened = true
		}
	}
	if opened {
		ev["decrypted"] = true
	}
	return marshal(ev)
}

func asSealed(v any) (*Sealed, bool) {
	m, ok := v.(map[string]any)
	if !ok || m["enc"] == nil || m["kid"] == nil || m["ct"] == nil {
		return nil, false
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, false
	}
	var s Sealed
	if json.Unmarshal(b, &s) != nil {
		return nil, false
	}
	return &s, true
}
