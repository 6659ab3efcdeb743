// Command parapet is the policy-as-code engine for governing AI model use:
// one binary for the decision service, the proxy and the policy tools.
package main

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/parapet-dev/parapet/cmd/parapet/internal/audit"
	"github.com/parapet-dev/parapet/cmd/parapet/internal/detect"
	"github.com/parapet-dev/parapet/cmd/parapet/internal/lifecycle"
	"github.com/parapet-dev/parapet/cmd/parapet/internal/policy"
	"github.com/parapet-dev/parapet/cmd/parapet/internal/serve"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = ""

func main() {
	serve.Version = version
	root := &cobra.Command{
		Use:   "parapet",
		Short: "Policy-as-code guardrails for AI models, on Open Policy Agent",
		Long: `Parapet decides, with Rego policies you test as code, whether each prompt
and response to an AI model may go ahead: it detects PII, secrets and
prompt injection, checks roles and data classifications, redacts, routes
and records every decision.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(
		serve.Command(),
		policy.TestCommand(),
		policy.CheckCommand(),
		policy.InputCommand(),
		detect.AnalyzeCommand(),
		detect.EvalCommand(),
		audit.Command(),
		lifecycle.BundleCommand(),
		lifecycle.ReplayCommand(),
		lifecycle.ExplainCommand(),
		versionCommand(),
	)
	policy.Exit(root.ExecuteContext(context.Background()))
}

func versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of parapet and of the OPA it embeds",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			v, opa, goV := version, "unknown", "unknown"
			if bi, ok := debug.ReadBuildInfo(); ok {
				goV = bi.GoVersion
				if v == "" {
					v = bi.Main.Version
				}
				for _, d := range bi.Deps {
					if d.Path == "github.com/open-policy-agent/opa" {
						opa = d.Version
					}
				}
			}
			if v == "" || v == "(devel)" {
				v = "dev"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "parapet %s\nopa %s\ngo %s\n", v, opa, goV)
		},
	}
}
