package lifecycle

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/parapet-dev/parapet/bundles"
	"github.com/parapet-dev/parapet/cmd/parapet/internal/policy"
	"github.com/parapet-dev/parapet/engine"
	"github.com/parapet-dev/parapet/engine/detectors"
)

// ExplainFlags are `parapet explain`'s flags.
type ExplainFlags struct {
	Bundle  string
	Tenants []string
	Format  string
	All     bool
}

// ExplainCommand builds `parapet explain`.
func ExplainCommand() *cobra.Command {
	var f ExplainFlags
	cmd := &cobra.Command{
		Use:   "explain [request.json]",
		Short: "Decide one request locally and show which rules fired, and why",
		Long: `Read a /v1/decide request body (a file, or stdin), decide it with the
bundle and the real detectors, and print the decision with, for each
reason, the rule that produced it (file:line), its evidence and the input
values the rule read; then every other rule that fired, in order.
--all adds the helper rules of the library; --format json prints the
decision and the traces as JSON (what POST /v1/decide?explain=true
returns to an admin).

  parapet explain --bundle rego/ req.json
  parapet explain --bundle base/ --tenant-bundle acme=acme/ req.json

The output can hold the request's text (evidence, input values): treat
it as you treat the request.`,
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
			return Explain(cmd.Context(), f, raw, cmd.OutOrStdout())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Bundle, "bundle", "", "policy bundle: folder or .tar.gz (default: the embedded library)")
	fl.StringArrayVar(&f.Tenants, "tenant-bundle", nil, "a tenant's layer, TENANT=PATH (repeatable)")
	fl.StringVar(&f.Format, "format", "text", "text or json")
	fl.BoolVar(&f.All, "all", false, "list every rule that fired, not only the reasons and the rules of the reason packages")
	return cmd
}

// Explain decides one request body and prints why.
func Explain(ctx context.Context, f ExplainFlags, body []byte, out io.Writer) error {
	req, err := engine.DecodeRequest(body)
	if err != nil {
		return fmt.Errorf("request: %w", err)
	}
	p, err := loadPolicy(ctx, f.Bundle)
	if err != nil {
		return err
	}
	var layers []*engine.Layer
	for _, t := range f.Tenants {
		tenant, path, ok := strings.Cut(t, "=")
		if !ok {
			return fmt.Errorf("--tenant-bundle %q: want TENANT=PATH", t)
		}
		b, err := bundles.Read(path, nil)
		if err != nil {
			return &policy.ExitError{Code: policy.ExitBadPolicy, Err: err}
		}
		l, err := bundles.CheckLayer(ctx, p, engine.TenantBundle{Tenant: tenant, Name: path, Bundle: b}, bundles.CheckOptions{NoProbe: true})
		if err != nil {
			return &policy.ExitError{Code: policy.ExitBadPolicy, Err: err}
		}
		layers = append(layers, l)
	}
	if p, err = p.WithLayers(layers...); err != nil {
		return err
	}
	eng := engine.New(engine.Options{Analyzer: detectors.Default()})
	eng.Activate(p)
	d, traces, err := eng.Explain(ctx, req)
	if err != nil {
		return fmt.Errorf("request: %w", err)
	}
	if f.Format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Decision *engine.Decision `json:"decision"`
			Explain  []engine.Trace   `json:"explain"`
		}{d, traces})
	}
	writeExplain(out, d, traces, f.All)
	return nil
}

// reasonPackage reports whether a rule belongs to a package that produces
// reasons or combines them (not a helper library).
func reasonPackage(rule string) bool {
	return !strings.HasPrefix(rule, "data.parapet.lib.")
}

func writeExplain(out io.Writer, d *engine.Decision, traces []engine.Trace, all bool) {
	fmt.Fprintf(out, "decision: %s (bundle %s@%s)", d.Effect, d.Bundle.Name, d.Bundle.Revision)
	if d.FailClosed {
		fmt.Fprint(out, ", failed closed")
	}
	fmt.Fprintln(out)
	if d.Route != nil {
		fmt.Fprintf(out, "route: %s %s\n", d.Route.Model, d.Route.Upstream)
	}
	if d.Obligations != nil {
		var obs []string
		if d.Obligations.StripReasoning {
			obs = append(obs, "strip reasoning")
		}
		if d.Obligations.Restore {
			obs = append(obs, "restore placeholders")
		}
		if n := len(d.Obligations.Placeholders); n > 0 {
			obs = append(obs, fmt.Sprintf("%d placeholder(s)", n))
		}
		if d.Obligations.Notice != "" {
			obs = append(obs, "notice: "+d.Obligations.Notice)
		}
		if len(obs) > 0 {
			fmt.Fprintf(out, "obligations: %s\n", strings.Join(obs, "; "))
		}
	}
	rest := 0
	if len(d.Reasons) > 0 {
		fmt.Fprintln(out, "\nreasons:")
	}
	for _, tr := range traces {
		if tr.Reason == "" {
			rest++
			continue
		}
		loc := tr.Location()
		if loc == "" {
			loc = "(made by the engine)"
		}
		if tr.Layer != "" {
			loc += " [tenant " + tr.Layer + "]"
		}
		fmt.Fprintf(out, "  %-7s %-36s %s\n", tr.Effect, tr.Reason, loc)
		for _, r := range d.Reasons {
			if r.ID == tr.Reason {
				fmt.Fprintf(out, "          %s\n", r.Message)
				break
			}
		}
		for _, e := range tr.Evidence {
			typ := ""
			if e.Type != "" {
				typ = " " + e.Type
			}
			fmt.Fprintf(out, "          evidence: %s[%d:%d]%s\n", e.Field, e.Start, e.End, typ)
		}
		writeInputs(out, tr.Inputs, "          ")
	}
	if rest == 0 {
		return
	}
	fmt.Fprintln(out, "\nrules that fired, in order:")
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	hidden := 0
	for _, tr := range traces {
		if tr.Reason != "" {
			continue
		}
		if !all && !reasonPackage(tr.Rule) {
			hidden++
			continue
		}
		layer := ""
		if tr.Layer != "" {
			layer = " [tenant " + tr.Layer + "]"
		}
		fmt.Fprintf(tw, "  %s\t%s\t×%d%s\n", tr.Location(), tr.Rule, tr.Fired, layer)
	}
	tw.Flush()
	if hidden > 0 {
		fmt.Fprintf(out, "  (%d helper rule(s) of data.parapet.lib not shown; --all shows them)\n", hidden)
	}
}

func writeInputs(out io.Writer, in map[string]any, indent string) {
	keys := make([]string, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b, err := json.Marshal(in[k])
		if err != nil {
			continue
		}
		fmt.Fprintf(out, "%s%s = %s\n", indent, k, b)
	}
}
