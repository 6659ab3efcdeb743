package proxy

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestEncodeFastMatchesEncodingJSON(t *testing.T) {
	var all []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
	}
	strs := []string{"", "plain", `q"uote\back`, "<b>&amp;</b>", "tab\tnl\nret\r\b\f\x00\x1f\x7f", "héllo wörld 日本 🎉",
		"\u2028\u2029", "bad \xff\xfe utf8 \xe2\x82", string(all), "ends with \\"}
	for _, s := range strs {
		if got, want := encodeJSON(s), encodeStd(s); !bytes.Equal(got, want) {
			t.Errorf("string %q: got %s, want %s", s, got, want)
		}
	}
	m := map[string]json.RawMessage{
		"b": json.RawMessage(`{"x": [1, 2, {"y" : "a b"}],` + "\n" + `"z":null}`),
		"a": json.RawMessage(`"<tag> & text"`),
		"c": nil, "d\u2028<": json.RawMessage(`true`), "e": json.RawMessage(`[ ]`),
	}
	if got, want := encodeJSON(m), encodeStd(m); !bytes.Equal(got, want) {
		t.Errorf("object: got %s, want %s", got, want)
	}
	arr := []map[string]json.RawMessage{m, {}, nil}
	if got, want := encodeJSON(arr), encodeStd(arr); !bytes.Equal(got, want) {
		t.Errorf("array: got %s, want %s", got, want)
	}
	if got, want := encodeJSON(map[string]json.RawMessage(nil)), encodeStd(map[string]json.RawMessage(nil)); !bytes.Equal(got, want) {
		t.Errorf("nil object: got %s, want %s", got, want)
	}
}

func TestParseObjectMatchesEncodingJSON(t *testing.T) {
	docs := []string{
		`{}`, ` { } `, `null`, `[]`, `"s"`, `1`, `{"a":1,}`, `{"a"}`, `{`, ``,
		`{"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi \"there\"\n"},"logprobs":null,"finish_reason":null}],"usage":null}`,
		"{ \"a\" : [ 1 , 2 , {\"b\" : \"c\\\\\"} ] ,\n\t\"a\":\"dup\", \"k\\u00e9y\": true, \"n\": -1.5e3, \"o\": {\"x\":{}}, \"e\":[], \"s\":\"]}\\\"{[\" }",
		`{"bad":"\xff\xfe","\xffkey":1}`,
	}
	for _, d := range docs {
		var want map[string]json.RawMessage
		werr := json.Unmarshal([]byte(d), &want)
		got, ok := parseObject([]byte(d))
		if ok != (werr == nil) {
			t.Errorf("%q: ok %v, encoding/json error %v", d, ok, werr)
			continue
		}
		if !ok {
			continue
		}
		if (got == nil) != (want == nil) || len(got) != len(want) {
			t.Errorf("%q: got %v, want %v", d, got, want)
			continue
		}
		for k, v := range want {
			if !bytes.Equal(got[k], v) {
				t.Errorf("%q: %q is %s, want %s", d, k, got[k], v)
			}
			var ws, gs string
			if json.Unmarshal(v, &ws) == nil {
				if gs, _ = getString(got, k); gs != ws {
					t.Errorf("%q: string %q is %q, want %q", d, k, gs, ws)
				}
			}
			var wa []map[string]json.RawMessage
			if json.Unmarshal(v, &wa) == nil {
				ga := arrayOf(got[k])
				if len(ga) != len(wa) {
					t.Errorf("%q: array %q has %d, want %d", d, k, len(ga), len(wa))
				}
				for i := range wa {
					if i < len(ga) && string(encodeJSON(ga[i])) != string(encodeJSON(wa[i])) {
						t.Errorf("%q: array %q[%d] is %s, want %s", d, k, i, encodeJSON(ga[i]), encodeJSON(wa[i]))
					}
				}
			}
			var wo map[string]json.RawMessage
			if json.Unmarshal(v, &wo) == nil && wo != nil {
				if g, w := encodeJSON(objectOf(got[k])), encodeJSON(wo); !bytes.Equal(g, w) {
					t.Errorf("%q: object %q is %s, want %s", d, k, g, w)
				}
			}
		}
	}
}
