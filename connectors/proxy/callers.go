package proxy

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/gin-gonic/gin"
)

// Caller is who made a proxied call.
type Caller struct {
	Subject string
	Roles   []string
	Tenant  string
	// KeyID is the id of the caller's API key, when it used one.
	KeyID string
	// Via is how the caller was identified: "key", "header" or "local".
	Via string
}

// Authenticator checks a caller's token. The decision service's keys file
// (api.Keys) is adapted to it by `parapet serve`.
type Authenticator interface {
	Authenticate(token string) (Caller, bool)
}

// LocalSubject is the caller of a Parapet without keys: loopback only.
const LocalSubject = "local"

// LocalRole is the role of the local caller.
const LocalRole = "developer"

// TrustedHeaders takes the caller's identity from headers set by an
// authenticating front proxy (an API gateway, oauth2-proxy). They are read
// only from requests whose peer address is in Networks; from anywhere else
// they are ignored. They are never forwarded upstream.
type TrustedHeaders struct {
	Networks []netip.Prefix
	// Header names. Defaults: X-Parapet-Subject, X-Parapet-Roles (comma
	// separated), X-Parapet-Tenant.
	Subject, Roles, Tenant string
}

func (t *TrustedHeaders) check() error {
	if len(t.Networks) == 0 {
		return errors.New("trusted_headers.networks: list the networks of the front proxy (CIDR)")
	}
	if t.Subject == "" {
		t.Subject = "X-Parapet-Subject"
	}
	if t.Roles == "" {
		t.Roles = "X-Parapet-Roles"
	}
	if t.Tenant == "" {
		t.Tenant = "X-Parapet-Tenant"
	}
	return nil
}

func (t *TrustedHeaders) trusts(remote string) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	ip = ip.Unmap()
	for _, n := range t.Networks {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

type apiKind uint8

const (
	apiOpenAI apiKind = iota
	apiAnthropic
)

const callerKey = "parapet.proxy.caller"

// token is the caller's credential: a bearer token (OpenAI clients) or
// x-api-key (Anthropic clients).
func token(r *http.Request) string {
	if t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return strings.TrimSpace(t)
	}
	return strings.TrimSpace(r.Header.Get("X-Api-Key"))
}

func isLoopback(remote string) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}

// identify finds the caller: trusted headers from a trusted network, else
// the API key, else (no keys configured) the local subject for loopback
// peers.
func (p *Proxy) identify(kind apiKind) gin.HandlerFunc {
	return func(c *gin.Context) {
		r := c.Request
		if th := p.opts.TrustedHeaders; th != nil && r.Header.Get(th.Subject) != "" {
			if th.trusts(r.RemoteAddr) {
				var roles []string
				for _, role := range strings.Split(r.Header.Get(th.Roles), ",") {
					if role = strings.TrimSpace(role); role != "" {
						roles = append(roles, role)
					}
				}
				c.Set(callerKey, Caller{Subject: strings.TrimSpace(r.Header.Get(th.Subject)), Roles: roles, Tenant: strings.TrimSpace(r.Header.Get(th.Tenant)), Via: "header"})
				c.Next()
				return
			}
			p.log.Debug("identity headers from an untrusted peer ignored", "peer", r.RemoteAddr, "path", r.URL.Path)
		}
		if p.opts.Auth == nil {
			if !isLoopback(r.RemoteAddr) {
				p.fail(c, kind, &apiError{status: http.StatusForbidden, code: "forbidden", msg: "this Parapet has no API keys and serves loopback callers only"})
				return
			}
			c.Set(callerKey, Caller{Subject: LocalSubject, Roles: []string{LocalRole}, Via: "local"})
			c.Next()
			return
		}
		tok := token(r)
		if tok == "" {
			p.fail(c, kind, &apiError{status: http.StatusUnauthorized, code: "unauthorized", msg: "an API key is required (Authorization: Bearer <key>, or x-api-key)"})
			return
		}
		caller, ok := p.opts.Auth.Authenticate(tok)
		if !ok {
			p.fail(c, kind, &apiError{status: http.StatusUnauthorized, code: "invalid_api_key", msg: "the API key is not valid"})
			return
		}
		caller.Via = "key"
		c.Set(callerKey, caller)
		c.Next()
	}
}

func callerOf(c *gin.Context) Caller {
	if v, ok := c.Get(callerKey); ok {
		return v.(Caller)
	}
	return Caller{}
}

// ParseNetworks parses CIDRs (or single addresses) for TrustedHeaders.
func ParseNetworks(cidrs []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	var errs []error
	for i, s := range cidrs {
		if pfx, err := netip.ParsePrefix(s); err == nil {
			out = append(out, pfx.Masked())
			continue
		}
		if a, err := netip.ParseAddr(s); err == nil {
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		errs = append(errs, fmt.Errorf("networks[%d]: %q is not a CIDR like 10.0.0.0/8", i, s))
	}
	return out, errors.Join(errs...)
}
