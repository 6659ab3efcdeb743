// Package lifecycle holds the policy lifecycle commands: `parapet bundle
// build|sign|verify` (OPA's bundle and signature formats), `parapet
// replay` (logged decisions against a candidate bundle) and `parapet
// explain` (which rules fired for one request, and why).
package lifecycle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/cmd/parapet/internal/policy"
)

// BundleCommand builds `parapet bundle` and its subcommands.
func BundleCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bundle",
		Short: "Build, sign and verify policy bundles (OPA's formats)",
		Long: `Build, sign and verify policy bundles in OPA's own formats: a gzipped
tarball with a .manifest, and a .signatures.json of JWS tokens. What
'opa build --signing-key' and 'opa sign' write verifies here, and what
these commands write verifies with 'opa build --verification-key' and
loads in any OPA or OPA-compatible bundle server.`,
	}
	cmd.AddCommand(buildCommand(), signCommand(), verifyCommand())
	return cmd
}

// exitFor maps a bundle refusal to the exit codes `parapet test` uses:
// 2 for failing tests, 1 for anything else wrong with the policy.
func exitFor(err error) error {
	var ce *bundles.CheckError
	if errors.As(err, &ce) && ce.Stage == bundles.StageTests {
		return &policy.ExitError{Code: policy.ExitTestsFailed, Err: err}
	}
	return &policy.ExitError{Code: policy.ExitBadPolicy, Err: err}
}

func signingFlags(cmd *cobra.Command, o *bundles.SigningOptions) {
	f := cmd.Flags()
	f.StringVar(&o.Key, "signing-key", "", "private key PEM file (RSA, ECDSA), or the HMAC secret")
	f.StringVar(&o.Algorithm, "signing-alg", "RS256", "RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, HS256, HS384 or HS512")
	f.StringVar(&o.ClaimsFile, "claims-file", "", "JSON file of extra claims for the token (e.g. scope)")
}

func buildCommand() *cobra.Command {
	var (
		out string
		o   bundles.BuildOptions
	)
	cmd := &cobra.Command{
		Use:   "build DIR -o bundle.tar.gz",
		Short: "Build a bundle tarball from a policy folder",
		Long: `Build an OPA bundle (gzipped tarball) from a policy folder: its .rego and
data files and its .manifest (revision, roots), with _test.rego files
left out unless --tests. Before writing, the bundle goes through the
checks a running Parapet makes before it activates one (compile,
type-check against the input schema, a probe decision; with --tests,
its tests too), so a bundle that would be refused is refused here, with
file:line. Exit 1: the policy does not compile; 2: a test fails.

With --signing-key it is signed as 'opa build --signing-key' signs
(key id "default" unless --signing-key-id).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return errors.New("-o is required: where to write the bundle")
			}
			var buf bytes.Buffer
			b, err := bundles.Build(cmd.Context(), args[0], &buf, o)
			if err != nil {
				return exitFor(err)
			}
			if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
				return err
			}
			signed := ""
			if o.Sign.Key != "" {
				signed = ", signed (" + o.Sign.Algorithm + ")"
			}
			roots := []string{""}
			if b.Manifest.Roots != nil {
				roots = *b.Manifest.Roots
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: revision %q, roots %q, %d module(s)%s\n", out, b.Manifest.Revision, roots, len(b.Modules), signed)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&out, "output", "o", "", "the bundle tarball to write")
	f.StringVar(&o.Revision, "revision", "", "revision for the .manifest (default: the folder's .manifest)")
	f.IntVarP(&o.Optimize, "optimize", "O", 0, "optimisation level, as opa build -O (0, 1 or 2)")
	f.StringArrayVarP(&o.Entrypoints, "entrypoint", "e", nil, "entrypoint for optimisation (default parapet/main/decision; repeatable)")
	f.BoolVar(&o.IncludeTests, "tests", false, "keep _test.rego files (and run them before writing) for a server that runs a bundle's tests before activating it")
	f.BoolVar(&o.NoCheck, "no-check", false, "skip Parapet's checks (OPA's compile still runs)")
	signingFlags(cmd, &o.Sign)
	f.StringVar(&o.Sign.KeyID, "signing-key-id", "", "key id (kid) for the signature (default \"default\", as opa build)")
	return cmd
}

func signCommand() *cobra.Command {
	var (
		out string
		o   bundles.SigningOptions
	)
	cmd := &cobra.Command{
		Use:   "sign BUNDLE --signing-key KEY",
		Short: "Sign a bundle tarball or folder (OPA's .signatures.json)",
		Long: `Sign a bundle with a JWS in OPA's .signatures.json format, covering the
SHA-256 of every file. A tarball is rewritten (to -o, or in place) with
its files unchanged and the signature added; a folder gets a
.signatures.json, as 'opa sign --bundle' writes it (file names as given,
so sign and verify from the same place, as with OPA).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := bundles.Sign(args[0], out, o)
			if err != nil {
				return err
			}
			dst := out
			if dst == "" {
				dst = args[0]
				if fi, err := os.Stat(args[0]); err == nil && fi.IsDir() {
					dst = filepath.Join(args[0], bundles.SignaturesFile)
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "signed %d file(s) with %s: %s\n", len(files), o.Algorithm, dst)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "where to write (a tarball: the signed copy; a folder: the .signatures.json); default in place")
	signingFlags(cmd, &o)
	cmd.Flags().StringVar(&o.KeyID, "key-id", "", "key id (kid) for the signature (default none, as opa sign)")
	return cmd
}

func verifyCommand() *cobra.Command {
	var (
		o      bundles.VerifyOptions
		format string
	)
	cmd := &cobra.Command{
		Use:   "verify BUNDLE --verification-key KEY",
		Short: "Verify a bundle's signature",
		Long: `Verify a bundle's .signatures.json with OPA's verifier: the token's
signature under the key (and key id, and scope), and that every file is
covered, present and unchanged. Exit 1 if not.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, err := bundles.Verify(args[0], o)
			if err != nil {
				return &policy.ExitError{Code: 1, Err: err}
			}
			if format == "json" {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(v)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "verified %s: revision %q, %d file(s), key %q\n", args[0], v.Revision, len(v.Files), v.KeyID)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Key, "verification-key", "", "public key PEM file (RSA, ECDSA), or the HMAC secret")
	f.StringVar(&o.KeyID, "verification-key-id", bundles.DefaultKeyID, "the id the key is known by")
	f.StringVar(&o.Algorithm, "signing-alg", "RS256", "the algorithm the bundle was signed with")
	f.StringVar(&o.Scope, "scope", "", "the scope the signature must carry")
	f.StringSliceVar(&o.ExcludeFiles, "exclude-files", nil, "files the signature need not cover")
	f.StringVar(&format, "format", "text", "text or json")
	return cmd
}
