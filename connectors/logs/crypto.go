package logs

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"hash"
	"os"
	"sync"
)

// hmacPool reuses keyed HMAC-SHA-256 states: Reset restores the key.
type hmacPool struct{ p sync.Pool }

func newHMACPool(key []byte) *hmacPool {
	k := bytes.Clone(key)
	return &hmacPool{p: sync.Pool{New: func() any { return hmac.New(sha256.New, k) }}}
}

func (h *hmacPool) sum(s string) string {
	m := h.p.Get().(hash.Hash)
	m.Reset()
	m.Write([]byte(s))
	var buf [sha256.Size]byte
	out := hex.EncodeToString(m.Sum(buf[:0]))
	h.p.Put(m)
	return out
}

// HMAC returns the hex HMAC-SHA-256 of text under key, as events store it:
// what an auditor computes to find a known text in the log.
func HMAC(key []byte, text string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(text))
	return hex.EncodeToString(m.Sum(nil))
}

// AlgA256GCM names AES-256-GCM in sealed values.
const AlgA256GCM = "A256GCM"

// Sealed is an encrypted value: AES-256-GCM under the key named KeyID,
// with the decision id and the field name as additional data, so a sealed
// value cannot be moved to another event or field unnoticed.
type Sealed struct {
	Enc   string `json:"enc"`
	KeyID string `json:"kid"`
	Nonce []byte `json:"nonce"`
	CT    []byte `json:"ct"`
}

// Keyring holds the AES-256-GCM keys: the first seals, any opens.
type Keyring struct {
	ids   []string
	aeads map[string]cipher.AEAD
}

// NewKeyring makes a keyring from ids and 32-byte keys, in order.
func NewKeyring(ids []string, keys [][]byte) (*Keyring, error) {
	if len(ids) != len(keys) || len(ids) == 0 {
		return nil, errors.New("keyring: need one id per key and at least one key")
	}
	k := &Keyring{aeads: map[string]cipher.AEAD{}}
	for i, key := range keys {
		if len(key) != 32 {
			return nil, fmt.Errorf("key %q: %d bytes, want 32 (AES-256)", ids[i], len(key))
		}
		b, err := aes.NewCipher(key)
		if err != nil {
			return nil, err
		}
		g, err := cipher.NewGCM(b)
		if err != nil {
			return nil, err
		}
		k.ids = append(k.ids, ids[i])
		k.aeads[ids[i]] = g
	}
	return k, nil
}

// LoadKeyring reads the configured key files.
func LoadKeyring(keys []KeyConfig) (*Keyring, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	var ids []string
	var raw [][]byte
	var errs []error
	for _, kc := range keys {
		b, err := ReadSymmetricKey(kc.File)
		if err != nil {
			errs = append(errs, fmt.Errorf("encryption key %q: %w", kc.ID, err))
			continue
		}
		ids = append(ids, kc.ID)
		raw = append(raw, b)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return NewKeyring(ids, raw)
}

// ReadSymmetricKey reads a 32-byte key stored raw, as hex or as base64.
func ReadSymmetricKey(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) == 32 {
		return b, nil
	}
	t := bytes.TrimSpace(b)
	if k, err := hex.DecodeString(string(t)); err == nil && len(k) == 32 {
		return k, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if k, err := enc.DecodeString(string(t)); err == nil && len(k) == 32 {
			return k, nil
		}
	}
	return nil, fmt.Errorf("%s: not a 32-byte key (raw, hex or base64)", path)
}

// ActiveID is the id of the key that seals.
func (k *Keyring) ActiveID() string { return k.ids[0] }

// Seal encrypts plaintext under the active key.
func (k *Keyring) Seal(plaintext, aad []byte) *Sealed {
	id := k.ids[0]
	g := k.aeads[id]
	nonce := make([]byte, g.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		panic("BUG: crypto/rand failed: " + err.Error())
	}
	return &Sealed{Enc: AlgA256GCM, KeyID: id, Nonce: nonce, CT: g.Seal(nil, nonce, plaintext, aad)}
}

// Open decrypts s.
func (k *Keyring) Open(s *Sealed, aad []byte) ([]byte, error) {
	if s.Enc != AlgA256GCM {
		return nil, fmt.Errorf("unknown algorithm %q", s.Enc)
	}
	g, ok := k.aeads[s.KeyID]
	if !ok {
		return nil, fmt.Errorf("no key %q", s.KeyID)
	}
	if len(s.Nonce) != g.NonceSize() {
		return nil, errors.New("bad nonce")
	}
	pt, err := g.Open(nil, s.Nonce, s.CT, aad)
	if err != nil {
		return nil, fmt.Errorf("key %q: authentication failed (wrong key, or the value was changed or moved)", s.KeyID)
	}
	return pt, nil
}

func sealAAD(decisionID, field string) []byte {
	return []byte("parapet-log-v1\x00" + decisionID + "\x00" + field)
}

// ReadSigningKey reads an ed25519 private key from a PKCS#8 PEM file.
func ReadSigningKey(path string) (ed25519.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	blk, _ := pem.Decode(b)
	if blk == nil {
		return nil, fmt.Errorf("%s: no PEM block", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ek, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("%s: a %T, want an ed25519 key", path, k)
	}
	return ek, nil
}

// ReadPublicKey reads an ed25519 public key from a PKIX PEM file, or the
// public half of a private key file.
func ReadPublicKey(path string) (ed25519.PublicKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	blk, _ := pem.Decode(b)
	if blk == nil {
		return nil, fmt.Errorf("%s: no PEM block", path)
	}
	if blk.Type == "PRIVATE KEY" {
		k, err := ReadSigningKey(path)
		if err != nil {
			return nil, err
		}
		return k.Public().(ed25519.PublicKey), nil
	}
	k, err := x509.ParsePKIXPublicKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ek, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, fmt.Errorf("%s: a %T, want an ed25519 key", path, k)
	}
	return ek, nil
}

// KeyID names a public key: the first 16 hex digits of its SHA-256.
func KeyID(pub ed25519.PublicKey) string {
	s := sha256.Sum256(pub)
	return hex.EncodeToString(s[:8])
}

// GenerateSigningKey makes an ed25519 key pair as PEM (private PKCS#8,
// public PKIX).
func GenerateSigningKey() (priv, pub []byte, err error) {
	pk, sk, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(sk)
	if err != nil {
		return nil, nil, err
	}
	pder, err := x509.MarshalPKIXPublicKey(pk)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pder}), nil
}
