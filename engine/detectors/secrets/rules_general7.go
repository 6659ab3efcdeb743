package secrets

import (
	"encoding/base64"
	"strings"
)

// Rules written after the general7 set's misses were read (once its blind
// read was done): server configuration directives that take a password
// with no operator (HAProxy, Redis, strongSwan), headers set by a web
// server, keys that are base64 without PEM armour, and provider formats
// that were missing. Formats are from each provider's public
// documentation; the patterns are Parapet's own.
var general7Rules = []ruleDef{
	// HAProxy userlists: "user NAME insecure-password X"; "stats auth
	// user:password".
	with(own("HAPROXY_PASSWORD", "A password in an HAProxy userlist (user NAME insecure-password X).",
		`\binsecure-password[ \t]+([^\s"']{3,128})`, "insecure-password"), authTuple),
	with(own("HAPROXY_STATS_AUTH", "A password in HAProxy's stats auth user:password.",
		`\bstats auth[ \t]+[^\s:]{1,64}:([^\s"']{3,128})`, "stats auth"), authTuple),
	// Redis: "requirepass X", "masterauth X" (redis.conf, CONFIG SET, the
	// server's --requirepass flag).
	with(own("REDIS_REQUIREPASS", "A password in a Redis configuration or command line (requirepass at a line start, --requirepass, CONFIG SET requirepass).",
		`(?im)(?:^[ \t]*|--|config[ \t]+set[ \t]+)requirepass["']?[ \t]+["']?([^\s"'$]{3,128})`, "requirepass"), authTuple),
	// strongSwan / Libreswan ipsec.secrets: "left right : PSK "x"".
	with(own("IPSEC_PSK", "An IPsec pre-shared key in ipsec.secrets (… : PSK \"x\").",
		`:[ \t]*PSK[ \t]+["']([^"'\n]{4,128})["']`, ": psk"), authTuple),
	// A header set by a web server or proxy (nginx proxy_set_header,
	// Apache RequestHeader, Caddy header_up) whose name is a key or
	// token: X-Algolia-API-Key "…", x-honeycomb-team ….
	with(own("PROXY_HEADER_SECRET", "A key or token in a header set by a web server or proxy (nginx proxy_set_header, Apache RequestHeader, Caddy header_up).",
		`(?i)\b(?:proxy_set_header|add_header|more_set_headers|RequestHeader[ \t]+(?:set|append|add)|header_up)[ \t]+["']?[A-Za-z0-9-]{0,40}(?:key|token|secret|team)[A-Za-z0-9-]{0,20}["']?[ \t]+["']?((?-i:[A-Za-z0-9_\-+/=.]{16,256}))["']?`,
		"proxy_set_header", "requestheader", "header_up", "add_header"), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && hasDigitAndLetter(v) && shannon(v) > 3
		}
		r.Type = idGeneric
		r.Score = 0.7
	}),
	// Laravel's application key: APP_KEY=base64:<32 bytes>.
	with(own("LARAVEL_APP_KEY", "A Laravel application key (APP_KEY=base64:…, 32 random bytes).",
		`(?i)\bAPP_KEY[ \t]*=[ \t]*["']?(base64:[A-Za-z0-9+/]{43}=)`, "app_key"), func(r *ruleDef) {
		r.Validate = notTemplate
		r.Score = 0.85
	}),
	// Kubernetes image pull secrets: .dockerconfigjson holds registry
	// credentials as base64 of {"auths": …}.
	with(own("DOCKERCONFIGJSON", "Registry credentials in a Kubernetes .dockerconfigjson (base64 of {\"auths\": …}).",
		`\.dockerconfigjson["']?[ \t]*:[ \t]*["']?(eyJhdXRocyI6[A-Za-z0-9+/]{20,}={0,2})`, ".dockerconfigjson"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return strings.Contains(decodeB64(v), "auth") }
		r.Score = 0.85
	}),
	// A private key as bare base64 DER, without PEM armour: PKCS#8 RSA
	// (MII…ADANBgkqhkiG9w0BAQEFAAS…) and EC P-256 (MIGHAgEAMBMGByqGSM49…).
	with(own("PRIVATE_KEY_DER_BASE64", "A private key as base64 DER without PEM armour (PKCS#8 RSA or EC P-256).",
		`\b((?:MII[A-Za-z0-9+/]{1,6}ADANBgkqhkiG9w0BAQEFAAS|MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg)[A-Za-z0-9+/]{60,}={0,2})`,
		"adanbgkqhkig9w0baqefaas", "mighageambmgbyqgsm49"), func(r *ruleDef) {
		r.Type = "PRIVATE_KEY"
		r.Score = 0.9
	}),
	// A private JSON Web Key: "d" after "kty" in the same object.
	with(own("JWK_PRIVATE_KEY", "The private part (\"d\") of a JSON Web Key, near its \"kty\".",
		`"kty"[^{}]{0,600}?"d"[ \t]*:[ \t]*"([A-Za-z0-9_-]{32,512})"`, `"kty"`), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v) > 3.5 }
		r.Type = "PRIVATE_KEY"
		r.Score = 0.85
	}),
	// Elasticsearch's create-API-key answer: "encoded" is base64 of
	// id:api_key, the value clients send.
	with(own("ELASTIC_API_KEY_ENCODED", "An Elasticsearch API key in its encoded form (base64 of id:api_key).",
		`"encoded"[ \t]*:[ \t]*"([A-Za-z0-9+/]{24,200}={0,2})"`, `"api_key"`), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			d := decodeB64(v)
			i := strings.IndexByte(d, ':')
			return i >= 8 && len(d)-i > 16
		}
		r.Score = 0.85
	}),
	// PagerDuty Events API v2 routing (integration) keys: 32 hex digits
	// named routing_key / service_key / integration_key.
	with(own("PAGERDUTY_ROUTING_KEY", "A PagerDuty routing or integration key (32 hex digits after routing_key, service_key or integration_key).",
		`(?i)\b(?:routing|service|integration)_key["']?[ \t]*[:=][ \t]*["']?([0-9a-f]{32})\b`, "routing_key", "service_key", "integration_key"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v) > 3 }
		r.Score = 0.8
	}),
	// Axiom API and personal tokens: xaat- / xapt- and a UUID.
	own("AXIOM_TOKEN", "An Axiom API token (xaat-) or personal token (xapt-) and a UUID.",
		`\b(xa[ap]t-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`, "xaat-", "xapt-"),
	// Honeycomb ingest keys: hcaik_ / hcxik_ and a lower-case key.
	own("HONEYCOMB_INGEST_KEY", "A Honeycomb ingest key (hcaik_ or hcxik_).",
		`\b(hc[ax]ik_[a-z0-9]{40,80})`+tokenEnd, "hcaik_", "hcxik_"),
	// Mollie API keys: live_ / test_ and 30 characters.
	with(own("MOLLIE_API_KEY", "A Mollie API key (live_ or test_ and 30 characters).",
		`\b((?:live|test)_[A-Za-z0-9]{30})`+tokenEnd, "live_", "test_"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return hasDigitAndLetter(v[5:]) && shannon(v[5:]) > 3.5 && !isPlaceholder(v) }
		r.Score = 0.8
	}),
	// Toss Payments secret keys (Korea): live_sk_ / test_sk_ / live_gsk_;
	// the client keys (_ck_) are public.
	with(own("TOSS_SECRET_KEY", "A Toss Payments secret key (live_sk_, test_sk_, live_gsk_).",
		`\b((?:live|test)_g?sk_[A-Za-z0-9]{20,40})`+tokenEnd, "live_sk_", "test_sk_", "live_gsk_", "test_gsk_"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v) > 3.5 }
		r.Score = 0.85
	}),
	// HashiCorp Vault service tokens in the short form its docs print
	// (hvs. and 24 characters, https://developer.hashicorp.com/vault/docs/concepts/tokens)
	// and batch tokens (hvb.AAAAAQ…) shorter than the generated rule's
	// 138 characters.
	with(own("VAULT_TOKEN_SHORT", "A HashiCorp Vault service token in its short form (hvs. and 24 characters) or a batch token (hvb.AAAAAQ…).",
		`\b(hvs\.[A-Za-z0-9]{24}|hvb\.AAAAAQ[A-Za-z0-9_-]{40,300})`+tokenEnd, "hvs.", "hvb."), func(r *ruleDef) {
		r.Validate = func(v string) bool { return hasDigitAndLetter(v[4:]) && shannon(v[4:]) > 3.5 }
		r.Type = "VAULT_TOKEN"
		r.Score = 0.85
	}),
}

// decodeB64 decodes standard base64 (padded or not), or returns "".
func decodeB64(v string) string {
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(v, "="))
		if err != nil {
			return ""
		}
	}
	return string(b)
}
