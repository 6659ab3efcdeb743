package bundles

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/keys"
	"github.com/open-policy-agent/opa/v1/loader"
	"github.com/open-policy-agent/opa/v1/util"
)

// SignaturesFile is the name OPA gives a bundle's signatures.
const SignaturesFile = ".signatures.json"

// DefaultKeyID is the key id OPA's CLI uses when none is given
// (--verification-key-id): the "kid" of a token `opa build
// --signing-key` writes, and the id a verifier looks keys up under.
const DefaultKeyID = "default"

// SigningOptions say how to sign a bundle, as `opa sign` and `opa build
// --signing-key` take them.
type SigningOptions struct {
	// Key is a PEM file (RSA or ECDSA private key), PEM text, or the HMAC
	// secret itself.
	Key string
	// Algorithm is RS256 (default), RS384, RS512, PS256…, ES256, ES384,
	// ES512, HS256, HS384 or HS512.
	Algorithm string
	// KeyID goes into the token's "kid" (and the deprecated "keyid"
	// claim); verifiers look the key up under it. Default: none, as
	// `opa sign` does; a verifier then uses its own key id.
	KeyID string
	// ClaimsFile is a JSON file of extra claims (e.g. "scope").
	ClaimsFile string
}

func (o SigningOptions) config() (*bundle.SigningConfig, error) {
	if o.Key == "" {
		return nil, errors.New("signing: no key: give the private key's PEM file (RSA, ECDSA) or the HMAC secret")
	}
	if o.Algorithm != "" && !keys.IsSupportedAlgorithm(o.Algorithm) {
		return nil, fmt.Errorf("signing: unsupported algorithm %q", o.Algorithm)
	}
	return bundle.NewSigningConfig(o.Key, o.Algorithm, o.ClaimsFile), nil
}

// VerifyOptions say how to verify a bundle's signature, as OPA's
// --verification-key flags and bundle "signing" config do.
type VerifyOptions struct {
	// Key is a PEM file or PEM text (RSA or ECDSA public key), or the HMAC
	// secret itself.
	Key string
	// Algorithm is RS256 (default) or any other the signer used.
	Algorithm string
	// KeyID is the id the key is known by; a token naming another "kid"
	// is refused. Default "default".
	KeyID string
	// Scope, when set, must match the token's "scope" claim.
	Scope string
	// ExcludeFiles are bundle files the signature need not cover.
	ExcludeFiles []string
}

// Config builds OPA's verification config; nil when no key is set.
func (o VerifyOptions) Config() (*bundle.VerificationConfig, error) {
	if o.Key == "" {
		return nil, nil
	}
	alg := o.Algorithm
	if alg == "" {
		alg = "RS256"
	}
	if !keys.IsSupportedAlgorithm(alg) {
		return nil, fmt.Errorf("verification: unsupported algorithm %q", alg)
	}
	id := o.KeyID
	if id == "" {
		id = DefaultKeyID
	}
	kc, err := keys.NewKeyConfig(o.Key, alg, o.Scope)
	if err != nil {
		return nil, fmt.Errorf("verification key: %w", err)
	}
	return bundle.NewVerificationConfig(map[string]*keys.Config{id: kc}, id, o.Scope, o.ExcludeFiles), nil
}

// hashFiles lists a bundle's files with their SHA-256, exactly as `opa
// sign` does: data and YAML files hashed as JSON values (so formatting
// does not matter), the rest byte for byte; for a folder, the names are as
// given on the command line (dir/policy.rego), for a tarball as stored.
func hashFiles(path string) ([]bundle.FileInfo, error) {
	l, isDir, err := loader.GetBundleDirectoryLoader(path)
	if err != nil {
		return nil, err
	}
	h, err := bundle.NewSignatureHasher(bundle.SHA256)
	if err != nil {
		return nil, err
	}
	var files []bundle.FileInfo
	for {
		f, err := l.NextFile()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading the bundle: %w", err)
		}
		if bundle.IsSignaturesFile(f.Path()) {
			f.Close()
			continue
		}
		var buf bytes.Buffer
		n, err := f.Read(&buf, bundle.DefaultSizeLimitBytes+1)
		f.Close()
		if err != nil && err != io.EOF {
			return nil, err
		}
		if n > bundle.DefaultSizeLimitBytes {
			return nil, fmt.Errorf("bundle file %s is over %d bytes", f.Path(), bundle.DefaultSizeLimitBytes)
		}
		name := f.Path()
		if isDir {
			name = f.URL()
		}
		var v any = buf.Bytes()
		if bundle.IsStructuredDoc(name) {
			if err := util.Unmarshal(buf.Bytes(), &v); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
		sum, err := h.HashFile(v)
		if err != nil {
			return nil, err
		}
		files = append(files, bundle.NewFile(strings.TrimPrefix(name, "/"), hex.EncodeToString(sum), string(bundle.SHA256)))
	}
	return files, nil
}

// Sign signs the bundle at path, a folder or a .tar.gz, in OPA's format.
// A folder gets a .signatures.json in it (as `opa sign` writes and `opa
// build` expects); a tarball is rewritten to out (path itself when out is
// empty) with its files unchanged and a .signatures.json added or
// replaced. It returns the names of the files signed.
func Sign(path, out string, o SigningOptions) ([]string, error) {
	sc, err := o.config()
	if err != nil {
		return nil, err
	}
	files, err := hashFiles(path)
	if err != nil {
		return nil, fmt.Errorf("signing %s: %w", path, err)
	}
	token, err := bundle.GenerateSignedToken(files, sc, o.KeyID)
	if err != nil {
		return nil, fmt.Errorf("signing %s: %w", path, err)
	}
	sig, err := json.MarshalIndent(map[string]any{"signatures": []string{token}}, "", " ")
	if err != nil {
		return nil, err
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		dst := filepath.Join(path, SignaturesFile)
		if out != "" {
			dst = out
		}
		return names, os.WriteFile(dst, sig, 0o644)
	}
	if out == "" {
		out = path
	}
	return names, rewriteTarball(path, out, sig)
}

// rewriteTarball copies a bundle tarball with its signatures replaced.
func rewriteTarball(in, out string, sig []byte) error {
	src, err := os.Open(in)
	if err != nil {
		return err
	}
	defer src.Close()
	zr, err := gzip.NewReader(src)
	if err != nil {
		return fmt.Errorf("%s: not a gzipped tarball: %w", in, err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", in, err)
		}
		if bundle.IsSignaturesFile(h.Name) {
			continue
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := io.Copy(tw, tr); err != nil {
			return err
		}
	}
	if err := tw.WriteHeader(&tar.Header{Name: "/" + SignaturesFile, Mode: 0o600, Typeflag: tar.TypeReg, Size: int64(len(sig))}); err != nil {
		return err
	}
	if _, err := tw.Write(sig); err != nil {
		return err
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return writeFileAtomic(out, buf.Bytes())
}

// writeFileAtomic writes through a temporary file and a rename, so a
// reader never sees half a bundle.
func writeFileAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".parapet-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}

// Verified says what Verify checked.
type Verified struct {
	Path     string   `json:"path"`
	Revision string   `json:"revision"`
	Roots    []string `json:"roots"`
	// Files are the files the signature covers, all present and matching.
	Files []string `json:"files"`
	// KeyID is the key the signature was checked with.
	KeyID string `json:"key_id"`
}

// Verify checks the signature of the bundle at path (folder or .tar.gz)
// with OPA's own verifier: the token's signature under the key, the scope,
// and that every file is covered, present and unchanged.
func Verify(path string, o VerifyOptions) (*Verified, error) {
	vc, err := o.Config()
	if err != nil {
		return nil, err
	}
	if vc == nil {
		return nil, errors.New("verifying: no key: give the public key's PEM file (RSA, ECDSA) or the HMAC secret")
	}
	b, err := Read(path, vc)
	if err != nil {
		return nil, err
	}
	v := &Verified{Path: path, Revision: b.Manifest.Revision, KeyID: vc.KeyID}
	if b.Manifest.Roots != nil {
		v.Roots = *b.Manifest.Roots
	}
	files, err := hashFiles(path)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		v.Files = append(v.Files, f.Name)
	}
	return v, nil
}
