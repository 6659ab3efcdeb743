package logs_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/parapet-dev/parapet/connectors/logs"
)

const sampleEvent = `{"decision_id":"d1","labels":{"id":"i"},"path":"parapet/main/decision","timestamp":"2026-11-25T10:00:00Z","effect":"allow","chain_id":"c","seq":1,"prev_hash":"0000000000000000000000000000000000000000000000000000000000000000","hash":"5f0c1f1b2b5ff5f6e9ae1e7a7f0ac5c0fdf3ad7b5f6d1c8c3d0a7a0f8b1e2d3c"}`

const sampleCheckpoint = `{"type":"checkpoint","chain_id":"c","seq":1,"hash":"5f0c1f1b2b5ff5f6e9ae1e7a7f0ac5c0fdf3ad7b5f6d1c8c3d0a7a0f8b1e2d3c","timestamp":"2026-11-25T10:00:00Z","key_id":"k","sig":"AAAA"}`

// FuzzParseLine: any line parses or fails cleanly, never panics.
func FuzzParseLine(f *testing.F) {
	f.Add([]byte(sampleEvent))
	f.Add([]byte(sampleCheckpoint))
	f.Add([]byte(`{"type":"checkpoint"`))
	f.Add([]byte(`,"hash":"` + string(bytes.Repeat([]byte("a"), 64)) + `"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		r, err := logs.ParseLine(line)
		if err == nil && r == nil {
			t.Fatal("nil record without an error")
		}
	})
}

// FuzzVerify: verify reads any file without panicking, and a log it
// accepts has no problems it failed to report.
func FuzzVerify(f *testing.F) {
	f.Add([]byte(sampleEvent + "\n" + sampleCheckpoint + "\n"))
	f.Add([]byte("\n\n{}\nnot json\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.jsonl")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		rep, err := logs.Verify([]string{path, path}, logs.VerifyOptions{RequireSigned: true})
		if err != nil {
			t.Fatal(err)
		}
		if rep.OK() && rep.Events > 0 {
			// Every accepted event must re-parse with a matching hash.
			for _, l := range bytes.Split(data, []byte("\n")) {
				if r, err := logs.ParseLine(l); err == nil && r.Checkpoint == nil && r.Hash != r.Computed {
					t.Fatalf("accepted a line whose hash does not match: %q", l)
				}
			}
		}
	})
}

// FuzzDecrypt: decrypting any line fails cleanly or returns JSON.
func FuzzDecrypt(f *testing.F) {
	ring, _ := logs.NewKeyring([]string{"k"}, [][]byte{bytes.Repeat([]byte{1}, 32)})
	f.Add([]byte(sampleEvent))
	f.Add([]byte(`{"decision_id":"d","input":{"enc":"A256GCM","kid":"k","nonce":"AAAAAAAAAAAAAAAA","ct":"AAAA"}}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		logs.Decrypt(line, ring)
	})
}
