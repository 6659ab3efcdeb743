package api

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// Key is one caller's API key as stored in the keys file: only the
// SHA-256 of the token is kept.
type Key struct {
	ID      string   `yaml:"id" json:"id"`
	SHA256  string   `yaml:"sha256" json:"-"`
	Subject string   `yaml:"subject" json:"subject"`
	Roles   []string `yaml:"roles" json:"roles"`
	Tenant  string   `yaml:"tenant" json:"tenant"`

	hash []byte
}

// Keys authenticates bearer tokens against a keys file.
type Keys struct {
	keys []Key
}

type keysFile struct {
	Keys []Key `yaml:"keys"`
}

// LoadKeys reads a keys file:
//
//	keys:
//	  - id: support-bot
//	    sha256: <hex SHA-256 of the token>
//	    subject: support-bot
//	    roles: [developer]
//	    tenant: acme
//
// Every problem is reported, with the entry it is in.
func LoadKeys(path string) (*Keys, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading keys file: %w", err)
	}
	var f keysFile
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("keys file %s: %w", path, err)
	}
	var errs []error
	ids := map[string]bool{}
	for i := range f.Keys {
		k := &f.Keys[i]
		where := fmt.Sprintf("keys file %s: keys[%d]", path, i)
		if k.ID == "" {
			errs = append(errs, fmt.Errorf("%s.id: is required", where))
		} else if ids[k.ID] {
			errs = append(errs, fmt.Errorf("%s.id: %q is used twice", where, k.ID))
		}
		ids[k.ID] = true
		h, err := hex.DecodeString(k.SHA256)
		if err != nil || len(h) != sha256.Size {
			errs = append(errs, fmt.Errorf("%s.sha256: must be the 64 hex digits of the token's SHA-256", where))
		}
		k.hash = h
		if k.Subject == "" {
			k.Subject = k.ID
		}
	}
	if len(f.Keys) == 0 {
		errs = append(errs, fmt.Errorf("keys file %s: no keys", path))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &Keys{keys: f.Keys}, nil
}

// Authenticate returns the key a token belongs to. It compares against
// every key in constant time, so timing says nothing about which matched.
func (ks *Keys) Authenticate(token string) (*Key, bool) {
	if token == "" {
		return nil, false
	}
	sum := sha256.Sum256([]byte(token))
	var found *Key
	for i := range ks.keys {
		if subtle.ConstantTimeCompare(sum[:], ks.keys[i].hash) == 1 {
			found = &ks.keys[i]
		}
	}
	return found, found != nil
}

// Len is the number of keys.
func (ks *Keys) Len() int { return len(ks.keys) }

// NewToken makes a random token and its keys-file hash.
func NewToken() (token, sha string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = "ppt_" + hex.EncodeToString(b)
	sum := sha256.Sum256([]byte(token))
	return token, hex.EncodeToString(sum[:]), nil
}
