package engine

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	"github.com/casbin/casbin/v2/util"
)

// DefaultTenant is the casbin domain used when a request names no tenant.
const DefaultTenant = "default"

// Access is what casbin says about the caller, placed in input.access.
type Access struct {
	Roles   []string `json:"roles"`
	Allowed bool     `json:"allowed"`
	Action  string   `json:"action"`
	Tenant  string   `json:"tenant"`
}

// rbac evaluates the casbin model and policy lines carried in a bundle's
// data.parapet.rbac. It is immutable once built, so results are cached.
type rbac struct {
	enforcer *casbin.SyncedEnforcer

	mu    sync.RWMutex
	cache map[string]Access
}

const rbacCacheMax = 4096

// newRBAC builds an enforcer from data.parapet.rbac = {"model": "...",
// "policies": [["p", ...], ["g", ...]]}. A nil spec means no RBAC section:
// every request is then denied access (fail closed).
func newRBAC(spec any) (*rbac, error) {
	if spec == nil {
		return nil, nil
	}
	obj, ok := spec.(map[string]any)
	if !ok {
		return nil, errors.New("data.parapet.rbac: must be an object with \"model\" and \"policies\"")
	}
	text, ok := obj["model"].(string)
	if !ok || strings.TrimSpace(text) == "" {
		return nil, errors.New("data.parapet.rbac.model: must be the casbin model text")
	}
	m, err := model.NewModelFromString(text)
	if err != nil {
		return nil, fmt.Errorf("data.parapet.rbac.model: %w", err)
	}
	e, err := casbin.NewSyncedEnforcer(m)
	if err != nil {
		return nil, fmt.Errorf("data.parapet.rbac.model: %w", err)
	}
	e.EnableLog(false)
	// Role links and policies whose domain is "*" apply in every tenant.
	e.AddNamedDomainMatchingFunc("g", "keyMatch", util.KeyMatch)

	lines, _ := obj["policies"].([]any)
	var ps, gs [][]string
	for i, l := range lines {
		arr, ok := l.([]any)
		if !ok || len(arr) < 2 {
			return nil, fmt.Errorf("data.parapet.rbac.policies[%d]: must be an array like [\"p\", sub, dom, obj, act]", i)
		}
		row := make([]string, len(arr))
		for j, v := range arr {
			s, ok := v.(string)
			if !ok {
				return nil, fmt.Errorf("data.parapet.rbac.policies[%d][%d]: must be a string", i, j)
			}
			row[j] = s
		}
		switch row[0] {
		case "p":
			ps = append(ps, row[1:])
		case "g":
			gs = append(gs, row[1:])
		default:
			return nil, fmt.Errorf("data.parapet.rbac.policies[%d]: unknown line type %q (want \"p\" or \"g\")", i, row[0])
		}
	}
	if len(ps) > 0 {
		if _, err := e.AddPolicies(ps); err != nil {
			return nil, fmt.Errorf("data.parapet.rbac.policies: %w", err)
		}
	}
	if len(gs) > 0 {
		if _, err := e.AddGroupingPolicies(gs); err != nil {
			return nil, fmt.Errorf("data.parapet.rbac.policies: %w", err)
		}
	}
	if err := e.BuildRoleLinks(); err != nil {
		return nil, fmt.Errorf("data.parapet.rbac: %w", err)
	}
	return &rbac{enforcer: e, cache: make(map[string]Access)}, nil
}

// resolve expands the subject's roles (those claimed in the request plus
// those granted to the subject id in the tenant, with the hierarchy) and
// checks the permission for (subject, tenant, model, action).
func (r *rbac) resolve(sub Subject, tenant, model, action string) (Access, error) {
	if r == nil {
		return Access{Roles: append([]string{}, sub.Roles...), Allowed: false, Action: action, Tenant: tenant}, nil
	}
	key := sub.ID + "\x00" + strings.Join(sub.Roles, "\x01") + "\x00" + tenant + "\x00" + model + "\x00" + action
	r.mu.RLock()
	a, ok := r.cache[key]
	r.mu.RUnlock()
	if ok {
		a.Roles = append([]string(nil), a.Roles...)
		return a, nil
	}

	seen := map[string]bool{}
	var roles []string
	add := func(name string) error {
		if seen[name] {
			return nil
		}
		seen[name] = true
		roles = append(roles, name)
		implied, err := r.enforcer.GetImplicitRolesForUser(name, tenant)
		if err != nil {
			return err
		}
		for _, x := range implied {
			if !seen[x] {
				seen[x] = true
				roles = append(roles, x)
			}
		}
		return nil
	}
	for _, role := range sub.Roles {
		if err := add(role); err != nil {
			return Access{}, err
		}
	}
	granted, err := r.enforcer.GetImplicitRolesForUser(sub.ID, tenant)
	if err != nil {
		return Access{}, err
	}
	for _, role := range granted {
		if err := add(role); err != nil {
			return Access{}, err
		}
	}
	sort.Strings(roles)

	allowed, err := r.enforcer.Enforce(sub.ID, tenant, model, action)
	if err != nil {
		return Access{}, err
	}
	for _, role := range roles {
		if allowed {
			break
		}
		if allowed, err = r.enforcer.Enforce(role, tenant, model, action); err != nil {
			return Access{}, err
		}
	}
	if roles == nil {
		roles = []string{}
	}
	a = Access{Roles: roles, Allowed: allowed, Action: action, Tenant: tenant}
	r.mu.Lock()
	if len(r.cache) >= rbacCacheMax {
		clear(r.cache)
	}
	r.cache[key] = a
	r.mu.Unlock()
	a.Roles = append([]string(nil), roles...)
	return a, nil
}
