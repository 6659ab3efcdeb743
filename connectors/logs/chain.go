package logs

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// GenesisHash is the prev_hash of a chain's first event.
var GenesisHash = strings.Repeat("0", 64)

// hashSuffix is how every event line ends: ,"hash":"<64 hex>"}.
const (
	hashKey       = `,"hash":"`
	hashSuffixLen = len(hashKey) + 64 + 2
)

// A line's hash is the SHA-256 of the line without its hash field: the
// exact bytes before ,"hash":"…" followed by "}". It covers prev_hash, so
// the events form a chain; the bytes are hashed as written, so the
// verifier never re-serialises anything.
func sealLine(body []byte) []byte {
	sum := sha256.Sum256(body)
	out := make([]byte, 0, len(body)+hashSuffixLen+1)
	out = append(out, body[:len(body)-1]...)
	out = append(out, hashKey...)
	out = hex.AppendEncode(out, sum[:])
	out = append(out, '"', '}', '\n')
	return out
}

// splitLine undoes sealLine: the hashed body and the hash the line claims.
func splitLine(line []byte) (body []byte, claimed string, err error) {
	line = bytes.TrimRight(line, "\r\n")
	n := len(line)
	if n < hashSuffixLen+2 || line[n-1] != '}' || line[n-2] != '"' || string(line[n-hashSuffixLen:n-hashSuffixLen+len(hashKey)]) != hashKey {
		return nil, "", errors.New(`the line does not end with ,"hash":"<64 hex digits>"}`)
	}
	claimed = string(line[n-66 : n-2])
	body = make([]byte, 0, n-hashSuffixLen+1)
	body = append(body, line[:n-hashSuffixLen]...)
	body = append(body, '}')
	return body, claimed, nil
}

// lineHash is the hex SHA-256 of a body.
func lineHash(body []byte) string {
	s := sha256.Sum256(body)
	return hex.EncodeToString(s[:])
}

// Checkpoint is a signed statement that event Seq of chain ChainID has
// hash Hash: since each hash covers the one before, it vouches for every
// event up to Seq. It is written as its own line beside the events and is
// not part of the chain.
type Checkpoint struct {
	Type      string    `json:"type"` // "checkpoint"
	ChainID   string    `json:"chain_id"`
	Seq       uint64    `json:"seq"`
	Hash      string    `json:"hash"`
	Timestamp time.Time `json:"timestamp"`
	KeyID     string    `json:"key_id"`
	Signature []byte    `json:"sig"`
}

const checkpointPrefix = `{"type":"checkpoint"`

func (c *Checkpoint) message() []byte {
	return []byte("parapet-checkpoint-v1\n" + c.ChainID + "\n" + strconv.FormatUint(c.Seq, 10) + "\n" + c.Hash + "\n" + c.Timestamp.UTC().Format(time.RFC3339Nano))
}

func signCheckpoint(key ed25519.PrivateKey, chainID string, seq uint64, hash string, now time.Time) *Checkpoint {
	c := &Checkpoint{Type: "checkpoint", ChainID: chainID, Seq: seq, Hash: hash, Timestamp: now.UTC(),
		KeyID: KeyID(key.Public().(ed25519.PublicKey))}
	c.Signature = ed25519.Sign(key, c.message())
	return c
}

// Verify checks the signature with pub.
func (c *Checkpoint) Verify(pub ed25519.PublicKey) bool {
	return len(c.Signature) == ed25519.SignatureSize && ed25519.Verify(pub, c.message(), c.Signature)
}

func (c *Checkpoint) line() []byte {
	b, _ := json.Marshal(c)
	return append(b, '\n')
}

// chainState is where a chain stands, kept in the spool dir so that a
// restarted pipeline continues the same chain.
type chainState struct {
	ChainID string `json:"chain_id"`
	Seq     uint64 `json:"seq"`
	Hash    string `json:"hash"`
	// InstanceID is labels.id when the config sets none.
	InstanceID string `json:"instance_id"`

	f *os.File
}

func openChainState(dir string) (*chainState, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("chain state: %w", err)
	}
	path := filepath.Join(dir, "chain.json")
	st := &chainState{}
	raw, err := os.ReadFile(path)
	switch {
	case err == nil:
		if err := json.Unmarshal(bytes.TrimRight(raw, " \n\x00"), st); err != nil {
			return nil, fmt.Errorf("chain state %s is corrupt (%v); move it away to start a new chain", path, err)
		}
	case errors.Is(err, os.ErrNotExist):
	default:
		return nil, fmt.Errorf("chain state: %w", err)
	}
	if st.ChainID == "" {
		st.ChainID = newUUID()
		st.Hash = GenesisHash
	}
	if st.InstanceID == "" {
		st.InstanceID = newUUID()
	}
	st.f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("chain state: %w", err)
	}
	return st, st.save(true)
}

// save overwrites the state in place (one pwrite; fsync when asked). A
// process crash keeps what was written; a machine crash keeps the last
// synced state.
func (s *chainState) save(sync bool) error {
	b, _ := json.Marshal(s)
	b = append(b, '\n')
	// Pad so a shorter state fully overwrites a longer one.
	for len(b) < 256 {
		b = append(b, ' ')
	}
	if _, err := s.f.WriteAt(b, 0); err != nil {
		return err
	}
	if sync {
		return s.f.Sync()
	}
	return nil
}

func (s *chainState) close() error {
	if s.f == nil {
		return nil
	}
	err := s.save(true)
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	s.f = nil
	return err
}

func newUUID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}
