package engine

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"
)

// Tenant layering: a base bundle plus one bundle per tenant. A tenant can
// add reasons and tighten the base's tunables, never remove or weaken a
// base reason. The engine enforces it twice:
//
//  1. Before a layer is compiled (CheckTenant): the tenant bundle may only
//     hold packages and data under data.parapet.ext.<tenant> (its .manifest
//     must say so), and each tunable it overrides in
//     data.parapet.ext.<tenant>.config must be at least as strict as the
//     base's; a tunable the engine does not know how to compare is
//     refused.
//  2. On every decision for the tenant: the base policy decides on its
//     own, the layer (base plus tenant, with the tightened config) decides
//     too, and the answer is the layer's with every base reason it lacks
//     or weakened put back, and the stronger effect. Whatever the tenant's
//     Rego does, a base deny stays a deny.
//
// Requests of tenants without a layer are decided by the base alone.

// TenantRoot is the data path a tenant bundle owns: parapet/ext/<tenant>.
// The default library's main.rego reads the tenant's reasons from there.
func TenantRoot(tenant string) string { return "parapet/ext/" + tenant }

// TenantBundle is one tenant's layer, as loaded.
type TenantBundle struct {
	Tenant string
	// Name says where the bundle came from, for status and logs.
	Name   string
	Bundle *bundle.Bundle
}

// Layer is a tenant bundle compiled on top of a base policy.
type Layer struct {
	Tenant   string
	Name     string
	Revision string

	base    *Policy
	query   rego.PreparedEvalQuery
	explain *lazyQuery
	kept    atomic.Int64
}

// Kept counts the base reasons this layer's evaluation lacked or weakened
// and the engine put back: each is a weakening attempt, refused.
func (l *Layer) Kept() int64 { return l.kept.Load() }

// LayerError says why a tenant bundle was refused; each problem names the
// file:line when there is one.
type LayerError struct {
	Tenant   string
	Problems []string
}

func (e *LayerError) Error() string {
	return fmt.Sprintf("tenant bundle %q refused:\n  %s", e.Tenant, strings.Join(e.Problems, "\n  "))
}

var tenantNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// CheckTenant reports why t may not be layered on base, or nil.
func CheckTenant(base *bundle.Bundle, t TenantBundle) error {
	var probs []string
	add := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	if !tenantNameRE.MatchString(t.Tenant) {
		add("tenant name %q: want lower-case letters, digits and _, starting with a letter", t.Tenant)
		return &LayerError{Tenant: t.Tenant, Problems: probs}
	}
	if t.Bundle == nil || base == nil {
		add("no bundle")
		return &LayerError{Tenant: t.Tenant, Problems: probs}
	}
	root := TenantRoot(t.Tenant)
	rootRef := "data." + strings.ReplaceAll(root, "/", ".")

	if rs := t.Bundle.Manifest.Roots; rs == nil || len(*rs) == 0 {
		add(".manifest: declares no roots, so the bundle would own all of data; a tenant bundle declares \"roots\": [%q]", root)
	} else {
		for _, r := range *rs {
			if r != root && !strings.HasPrefix(r, root+"/") {
				add(".manifest: root %q is outside the tenant's root %q", r, root)
			}
		}
	}
	for _, m := range base.Modules {
		if m.Parsed != nil && underRef(m.Parsed.Package.Path.String(), rootRef) {
			add("tenant %q is taken: the base bundle has package %s (%s)", t.Tenant, strings.TrimPrefix(m.Parsed.Package.Path.String(), "data."), loc(m.Parsed.Package.Location, m.Path))
		}
	}
	if dig(base.Data, "parapet", "ext", t.Tenant) != nil {
		add("tenant %q is taken: the base bundle has data under %s", t.Tenant, root)
	}
	for _, m := range t.Bundle.Modules {
		if m.Parsed == nil {
			continue
		}
		if p := m.Parsed.Package.Path.String(); !underRef(p, rootRef) {
			add("%s: package %s is outside the tenant's root (want package %s or below it)", loc(m.Parsed.Package.Location, m.Path), strings.TrimPrefix(p, "data."), strings.TrimPrefix(rootRef, "data."))
		}
	}
	walkOutside(t.Bundle.Data, []string{"parapet", "ext", t.Tenant}, nil, func(path string) {
		add("data.%s is outside the tenant's root %s", path, root)
	})
	if tc := dig(t.Bundle.Data, "parapet", "ext", t.Tenant, "config"); tc != nil {
		bc, _ := dig(base.Data, "parapet", "config").(map[string]any)
		checkConfig("", tc, bc, bc, func(format string, args ...any) {
			add("data.parapet.ext."+t.Tenant+".config."+format, args...)
		})
	}
	if len(probs) > 0 {
		return &LayerError{Tenant: t.Tenant, Problems: probs}
	}
	return nil
}

func underRef(p, root string) bool { return p == root || strings.HasPrefix(p, root+".") }

func loc(l *ast.Location, path string) string {
	if l == nil {
		return strings.TrimPrefix(path, "/")
	}
	f := l.File
	if f == "" {
		f = path
	}
	return strings.TrimPrefix(f, "/") + ":" + strconv.Itoa(l.Row)
}

// walkOutside calls out for every top-level data path that leaves the
// allowed prefix.
func walkOutside(v any, allowed, at []string, out func(string)) {
	if len(at) == len(allowed) {
		return
	}
	m, ok := v.(map[string]any)
	if !ok {
		if len(at) > 0 {
			out(strings.Join(at, "."))
		}
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := append(append([]string{}, at...), k)
		if k != allowed[len(at)] {
			out(strings.Join(p, "."))
			continue
		}
		walkOutside(m[k], allowed, p, out)
	}
}

// A tunable a tenant may override, and how to tell stricter from looser.
type knobRule func(tenant, base any, baseCfg map[string]any) string

var knobRules = map[string]knobRule{
	"thresholds.injection_deny":          notHigher,
	"thresholds.injection_indirect_deny": notHigher,
	"thresholds.injection_warn":          notHigher,
	"limits.max_prompt_chars":            notHigher,
	"warn_model_risks":                   superset,
	"pii.redact_before_cloud":            superset,
	"pii.redact_in_response":             superset,
	"reasoning.visible_to_roles":         subset,
	"unknown_model_effect":               notWeakerEffect,
	"classification.max_cloud":           notHigherLevel,
	"classification.default":             notLowerLevel,
	"restore":                            onlyFalse,
	"injection_sources.*":                onlyIndirect,
	"budgets.*.*.*":                      notHigherBudget,
	"budgets.effect":                     notWeakerEffect,
	"budgets.on_unavailable":             notWeakerEffect,
	"budgets.warn_at":                    notHigher,
	"output.allowed_domains":             subset,
	"output.warn_unlisted_links":         onlyTrue,
	"output.system_prompt_leak_deny":     notHigher,
	"output.grounding_min":               notLower,
	"output.canary":                      onlyTrue,
	"attachments.effect":                 attachmentEffect,
	"attachments.types.*":                attachmentEffect,
}

func knobFor(path string) (knobRule, bool) {
	if r, ok := knobRules[path]; ok {
		return r, true
	}
	parts := strings.Split(path, ".")
	for pat, r := range knobRules {
		ps := strings.Split(pat, ".")
		if len(ps) != len(parts) {
			continue
		}
		ok := true
		for i := range ps {
			if ps[i] != "*" && ps[i] != parts[i] {
				ok = false
				break
			}
		}
		if ok {
			return r, true
		}
	}
	return nil, false
}

func checkConfig(path string, t, b any, baseCfg map[string]any, add func(string, ...any)) {
	if tm, ok := t.(map[string]any); ok {
		if _, isKnob := knobRules[path]; !isKnob || path == "" {
			keys := make([]string, 0, len(tm))
			for k := range tm {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			bm, _ := b.(map[string]any)
			for _, k := range keys {
				p := k
				if path != "" {
					p = path + "." + k
				}
				checkConfig(p, tm[k], bm[k], baseCfg, add)
			}
			return
		}
	}
	rule, ok := knobFor(path)
	if !ok {
		add("%s: a tenant may not change this tunable (only tighten thresholds, limits, budgets, PII types, roles that see reasoning, the unknown-model effect, classification levels, restore, injection sources, the output checks and the attachment effects)", path)
		return
	}
	if msg := rule(t, b, baseCfg); msg != "" {
		add("%s: %s", path, msg)
	}
}

func notHigher(t, b any, _ map[string]any) string {
	tv, ok := toFloat(t)
	if !ok {
		return fmt.Sprintf("want a number, got %v", t)
	}
	if bv, ok := toFloat(b); ok && tv > bv {
		return fmt.Sprintf("%v is weaker than the base's %v (a tenant may only lower it)", t, b)
	}
	return ""
}

func notHigherBudget(t, b any, c map[string]any) string {
	if b == nil { // the base sets no budget here: any budget tightens
		if _, ok := toFloat(t); !ok {
			return fmt.Sprintf("want a number, got %v", t)
		}
		return ""
	}
	return notHigher(t, b, c)
}

func strings_(v any) ([]string, bool) {
	arr, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(arr))
	for _, x := range arr {
		s, ok := x.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func superset(t, b any, _ map[string]any) string {
	ts, ok := strings_(t)
	if !ok {
		return fmt.Sprintf("want a list of strings, got %v", t)
	}
	bs, _ := strings_(b)
	have := map[string]bool{}
	for _, s := range ts {
		have[s] = true
	}
	var missing []string
	for _, s := range bs {
		if !have[s] {
			missing = append(missing, s)
		}
	}
	if len(missing) > 0 {
		return fmt.Sprintf("drops %s from the base's list (a tenant may only add)", strings.Join(missing, ", "))
	}
	return ""
}

func subset(t, b any, _ map[string]any) string {
	ts, ok := strings_(t)
	if !ok {
		return fmt.Sprintf("want a list of strings, got %v", t)
	}
	bs, _ := strings_(b)
	have := map[string]bool{}
	for _, s := range bs {
		have[s] = true
	}
	var extra []string
	for _, s := range ts {
		if !have[s] {
			extra = append(extra, s)
		}
	}
	if len(extra) > 0 {
		return fmt.Sprintf("adds %s to the base's list (a tenant may only remove)", strings.Join(extra, ", "))
	}
	return ""
}

func notWeakerEffect(t, b any, _ map[string]any) string {
	ts, ok := t.(string)
	if _, known := effectRank[ts]; !ok || !known {
		return fmt.Sprintf("want allow, warn, redact, review or deny, got %v", t)
	}
	if bs, ok := b.(string); ok && Stronger(bs, ts) {
		return fmt.Sprintf("%q is weaker than the base's %q", ts, bs)
	}
	return ""
}

// attachmentEffect is notWeakerEffect against what the base applies: its
// own value, else the base's attachments.effect, else warn (the library's
// default), so that a tenant cannot turn unchecked attachments off where
// the base says nothing.
func attachmentEffect(t, b any, baseCfg map[string]any) string {
	if _, ok := t.(string); ok && t == "redact" {
		return "want allow, warn, review or deny, got redact (an attachment cannot be redacted)"
	}
	if b == nil {
		b = dig(baseCfg, "attachments", "effect")
	}
	if b == nil {
		b = EffectWarn
	}
	return notWeakerEffect(t, b, baseCfg)
}

func level(v any, baseCfg map[string]any) (float64, bool) {
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	return toFloat(dig(baseCfg, "classification", "levels", s))
}

func notHigherLevel(t, b any, c map[string]any) string {
	tl, ok := level(t, c)
	if !ok {
		return fmt.Sprintf("%v is not one of the base's classification levels", t)
	}
	if bl, ok := level(b, c); ok && tl > bl {
		return fmt.Sprintf("%v is weaker than the base's %v (a tenant may only lower it)", t, b)
	}
	return ""
}

func notLowerLevel(t, b any, c map[string]any) string {
	tl, ok := level(t, c)
	if !ok {
		return fmt.Sprintf("%v is not one of the base's classification levels", t)
	}
	if bl, ok := level(b, c); ok && tl < bl {
		return fmt.Sprintf("%v is weaker than the base's %v (a tenant may only raise it)", t, b)
	}
	return ""
}

func onlyFalse(t, b any, _ map[string]any) string {
	tv, ok := t.(bool)
	if !ok {
		return fmt.Sprintf("want a boolean, got %v", t)
	}
	if bv, _ := b.(bool); tv && !bv {
		return "true is weaker than the base's false"
	}
	return ""
}

func onlyTrue(t, b any, _ map[string]any) string {
	tv, ok := t.(bool)
	if !ok {
		return fmt.Sprintf("want a boolean, got %v", t)
	}
	if bv, _ := b.(bool); !tv && bv {
		return "false is weaker than the base's true"
	}
	return ""
}

func notLower(t, b any, _ map[string]any) string {
	tv, ok := toFloat(t)
	if !ok {
		return fmt.Sprintf("want a number, got %v", t)
	}
	if bv, ok := toFloat(b); ok && tv < bv {
		return fmt.Sprintf("%v is weaker than the base's %v (a tenant may only raise it)", t, b)
	}
	return ""
}

func onlyIndirect(t, b any, _ map[string]any) string {
	if t == "indirect" || reflect.DeepEqual(t, b) {
		return ""
	}
	return fmt.Sprintf("%v is weaker than the base's %v (a tenant may only make a source indirect)", t, b)
}

// CompileLayer checks t against the base policy and compiles base plus t
// into a layer for WithLayers.
func CompileLayer(ctx context.Context, base *Policy, t TenantBundle) (*Layer, error) {
	if base == nil || base.bundle == nil {
		return nil, fmt.Errorf("compiling tenant layer %q: no base policy", t.Tenant)
	}
	if err := CheckTenant(base.bundle, t); err != nil {
		return nil, err
	}
	merged := layeredBundle(base.bundle, t)
	name := t.Name
	if name == "" {
		name = t.Tenant
	}
	opts := base.opts
	pq, _, err := prepare(ctx, name, merged, opts, true)
	if err != nil {
		return nil, err
	}
	return &Layer{
		Tenant: t.Tenant, Name: name, Revision: t.Bundle.Manifest.Revision,
		base: base, query: pq, explain: newLazyQuery(name, merged, opts),
	}, nil
}

// layeredBundle is base plus t: the tenant's modules beside the base's,
// its data under its root, and its config overrides merged into
// data.parapet.config.
func layeredBundle(base *bundle.Bundle, t TenantBundle) *bundle.Bundle {
	data := copyMap(base.Data)
	mergeInto(data, copyMap(t.Bundle.Data))
	if tc, ok := dig(t.Bundle.Data, "parapet", "ext", t.Tenant, "config").(map[string]any); ok {
		p, _ := data["parapet"].(map[string]any)
		if p == nil {
			p = map[string]any{}
			data["parapet"] = p
		}
		cfg, _ := p["config"].(map[string]any)
		if cfg == nil {
			cfg = map[string]any{}
			p["config"] = cfg
		}
		mergeInto(cfg, copyMap(tc))
	}
	b := &bundle.Bundle{Manifest: base.Manifest, Data: data}
	b.Manifest.Revision = base.Manifest.Revision + "+" + t.Tenant + "@" + t.Bundle.Manifest.Revision
	b.Modules = append(b.Modules, base.Modules...)
	for _, m := range t.Bundle.Modules {
		m.Path = "tenants/" + t.Tenant + "/" + strings.TrimPrefix(m.Path, "/")
		m.URL = m.Path
		b.Modules = append(b.Modules, m)
	}
	return b
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, e := range m {
		out[k] = deepCopy(e)
	}
	return out
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		return copyMap(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

// mergeInto merges src into dst: objects key by key, anything else
// replaced.
func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				mergeInto(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}

// WithLayers returns a copy of p in which each layer's tenant is decided
// by its layer (and the base, see above). Layers must have been compiled
// on p.
func (p *Policy) WithLayers(layers ...*Layer) (*Policy, error) {
	np := *p
	np.layers = make(map[string]*Layer, len(layers))
	for _, l := range layers {
		if l.base != p {
			return nil, fmt.Errorf("tenant layer %q was compiled on another base policy", l.Tenant)
		}
		if _, dup := np.layers[l.Tenant]; dup {
			return nil, fmt.Errorf("tenant %q has two layers", l.Tenant)
		}
		np.layers[l.Tenant] = l
	}
	return &np, nil
}

// Layers lists p's tenant layers, by tenant.
func (p *Policy) Layers() []*Layer {
	out := make([]*Layer, 0, len(p.layers))
	for _, l := range p.layers {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Tenant < out[j].Tenant })
	return out
}

// Bundle returns the bundle p was compiled from.
func (p *Policy) Bundle() *bundle.Bundle { return p.bundle }

// mergeLayer folds the base's decision d and the layer's ld into d: the
// layer's reasons plus every base reason the layer lacks or weakened
// (bar warnings and redactions the layer's stronger effect supersedes),
// the stronger effect, the base's route first. It returns the ids put
// back.
func mergeLayer(d, ld *Decision) []string {
	strongest := make(map[string]string, len(ld.Reasons))
	for _, r := range ld.Reasons {
		if e, ok := strongest[r.ID]; !ok || Stronger(r.Effect, e) {
			strongest[r.ID] = r.Effect
		}
	}
	reasons := append([]Reason(nil), ld.Reasons...)
	var kept []string
	for _, r := range d.Reasons {
		if e, ok := strongest[r.ID]; ok && !Stronger(r.Effect, e) {
			continue
		}
		// A base warn or redact the layer superseded with something
		// stronger (a tighter threshold turning a warning into a deny)
		// is not a weakening; a base deny or review always stays.
		if r.Effect != EffectDeny && r.Effect != EffectReview && Stronger(ld.Effect, r.Effect) {
			continue
		}
		reasons = append(reasons, r)
		kept = append(kept, r.ID)
	}
	sort.SliceStable(reasons, func(i, j int) bool {
		a, b := reasons[i], reasons[j]
		if a.Effect != b.Effect {
			return Stronger(a.Effect, b.Effect)
		}
		return a.ID < b.ID
	})
	effect := ld.Effect
	if Stronger(d.Effect, effect) {
		effect = d.Effect
	}
	baseRedacts, baseRestore := len(d.redact) > 0, d.Obligations != nil && d.Obligations.Restore
	ob := &Obligations{}
	if ld.Obligations != nil {
		*ob = *ld.Obligations
	}
	if d.Obligations != nil {
		ob.StripReasoning = ob.StripReasoning || d.Obligations.StripReasoning
		if ob.Notice == "" {
			ob.Notice = d.Obligations.Notice
		}
	}
	if baseRedacts && !baseRestore {
		ob.Restore = false
	}
	d.Effect, d.Allow, d.Reasons = effect, effect != EffectDeny && effect != EffectReview, reasons
	if d.Route == nil {
		d.Route = ld.Route
	}
	d.redact = append(append([]Evidence(nil), d.redact...), ld.redact...)
	d.canary = d.canary || ld.canary
	d.Obligations = nil
	if ob.StripReasoning || ob.Notice != "" || ob.Restore || len(d.redact) > 0 {
		d.Obligations = ob
	}
	return kept
}
