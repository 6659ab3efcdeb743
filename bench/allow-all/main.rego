# METADATA
# title: Allow everything (benchmark floor)
# description: >-
#   A policy that decides nothing: every call is allowed with no
#   obligations. bench/proxy-overhead.sh runs with BUNDLE=bench/allow-all
#   to measure what the proxy costs apart from evaluating the default
#   library. Never deploy it.
package parapet.main

decision := {
	"effect": "allow",
	"reasons": [],
	"obligations": {"redact": [], "restore": false, "strip_reasoning": false, "notice": "", "canary": false},
	"route": {},
}
