package engine

// Helpers for connectors that enforce decisions on text they relay (the
// proxy), beyond what the JSON decision carries.

// Redactions returns the spans the policy asked to redact: code point
// offsets into the request field each names, end exclusive. A connector
// that applies them itself, for instance to a response as it streams, uses
// these rather than Decision.Response. Nil when nothing was redacted, and
// for a deny.
func (d *Decision) Redactions() []Evidence {
	if d.Effect == EffectDeny {
		return nil
	}
	return d.redact
}

// Access resolves the subject's roles and whether casbin lets it call
// model through endpoint under the active policy: what the policy would
// see in input.access, without a decision. With no active policy nothing
// is allowed.
func (e *Engine) Access(s Subject, model, endpoint string) (Access, error) {
	if s.Tenant == "" {
		s.Tenant = DefaultTenant
	}
	if endpoint == "" {
		endpoint = "chat.completions"
	}
	p := e.policy.Load()
	if p == nil {
		return Access{Roles: []string{}, Action: endpoint, Tenant: s.Tenant}, nil
	}
	return p.rbac.resolve(s, s.Tenant, model, endpoint)
}
