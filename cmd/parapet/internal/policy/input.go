package policy

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/spf13/cobra"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
)

// InputCommand builds `parapet input`.
func InputCommand() *cobra.Command {
	var bundle string
	cmd := &cobra.Command{
		Use:   "input [request.json]",
		Short: "Print the policy input for a request (access and analysis filled in)",
		Long: `Read a /v1/decide request body (from a file, or stdin) and print the
input the policy sees: the request with input.access (casbin roles and
permission) and input.analysis (detector findings and scores) filled in.

Use it to write _test.rego cases from real requests, or to feed
'opa eval -i' the same input Parapet evaluates. The output holds the
request's text: treat it as you treat the request.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var raw []byte
			var err error
			if len(args) == 1 {
				raw, err = os.ReadFile(args[0])
			} else {
				raw, err = io.ReadAll(cmd.InOrStdin())
			}
			if err != nil {
				return err
			}
			req, err := engine.DecodeRequest(raw)
			if err != nil {
				return fmt.Errorf("request: %w", err)
			}
			p, err := bundles.Compile(cmd.Context(), bundles.Source(bundle), nil)
			if err != nil {
				return &ExitError{ExitBadPolicy, err}
			}
			eng := engine.New(engine.Options{Analyzer: detectors.Default()})
			eng.Activate(p)
			in, err := eng.Input(cmd.Context(), req)
			if err != nil {
				return fmt.Errorf("request: %w", err)
			}
			v, err := ast.JSON(in)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(v)
		},
	}
	cmd.Flags().StringVar(&bundle, "bundle", "", "policy bundle folder or .tar.gz (default: the embedded library)")
	return cmd
}
