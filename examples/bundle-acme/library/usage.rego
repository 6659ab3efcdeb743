# METADATA
# title: Usage budgets and rate limits
# description: >-
#   Budgets and rate limits per subject, tenant and model, decided on
#   input.usage: the counters the engine keeps (in memory, or in Redis so
#   that replicas share them) with this call included. Off until
#   data.parapet.config.budgets sets a limit. The package sits under
#   parapet.ext so that main.rego takes its reasons as it takes a tenant
#   layer's; the tenant name "usage" is therefore reserved.
package parapet.ext.usage

import data.parapet.config

budgets := object.get(config, "budgets", {})

scopes := {"subject", "tenant", "model"}

windows := {"minute", "day", "month"}

counters := {"requests", "tokens", "cost"}

# Each configured limit as [scope, window, counter, limit], from
# config.budgets[scope][window][counter], e.g.
# {"subject": {"day": {"tokens": 200000}}, "tenant": {"month": {"cost": 500}}}.
limits contains [scope, window, counter, limit] if {
	some scope in scopes
	some window, per_window in object.get(budgets, scope, {})
	window in windows
	some counter, limit in per_window
	counter in counters
	is_number(limit)
}

# A request counts against its own window, so "over" is used > limit.
over contains [scope, window, counter, limit, used] if {
	input.usage.available == true
	some [scope, window, counter, limit] in limits
	used := input.usage[scope][window][counter]
	used > limit
}

# Near a limit: used above warn_at (default 0.8) of it, and not over any.
near contains [scope, window, counter, limit, used] if {
	input.usage.available == true
	count(over) == 0
	warn_at := object.get(budgets, "warn_at", 0.8)
	some [scope, window, counter, limit] in limits
	used := input.usage[scope][window][counter]
	used > limit * warn_at
}

# (Else chains, not one definition per case: see the speed note in
# lib.rego.)
who(scope) := sprintf("%s/%s", [input.subject.tenant, input.subject.id]) if {
	scope == "subject"
} else := input.subject.tenant if {
	scope == "tenant"
} else := input.resource.model if {
	scope == "model"
}

reason_id(counter) := "usage.rate_limited" if {
	counter == "requests"
} else := "usage.budget_exceeded"

over_reason(o) := {
	"id": reason_id(o[2]),
	"effect": budget_effect,
	"severity": "medium",
	"controls": ["OWASP-LLM10"],
	"message": sprintf("%s %s is over its %s %s limit (%v, limit %v)", [o[0], who(o[0]), o[1], o[2], o[4], o[3]]),
	"evidence": [],
}

# What going over a limit does: deny (default) or review.
budget_effect := object.get(budgets, "effect", "deny")

# Every reason rule starts with its input.usage.available test (which the
# sets it reads require anyway), so that the rule index skips them all when
# usage is off (no input.usage) or the counters say otherwise.
deny contains over_reason(o) if {
	input.usage.available == true
	budget_effect == "deny"
	some o in over
}

review contains over_reason(o) if {
	input.usage.available == true
	budget_effect == "review"
	some o in over
}

warn contains {
	"id": "usage.budget_near",
	"effect": "warn",
	"severity": "low",
	"controls": ["OWASP-LLM10"],
	"message": sprintf("%s %s is near its %s %s limit (%v of %v)", [n[0], who(n[0]), n[1], n[2], n[4], n[3]]),
	"evidence": [],
} if {
	input.usage.available == true
	some n in near
}

# When limits are set but the usage store could not be reached, the
# counters are unknown: on_unavailable says what then (default allow:
# budgets are cost controls; "warn", "review" or "deny" to be stricter).
unavailable if {
	input.usage.available == false
	count(limits) > 0
}

unavailable_reason := {
	"id": "usage.unavailable",
	"effect": object.get(budgets, "on_unavailable", "allow"),
	"severity": "medium",
	"controls": ["OWASP-LLM10"],
	"message": "usage counters are unavailable, so budgets and rate limits cannot be checked",
	"evidence": [],
}

deny contains unavailable_reason if {
	input.usage.available == false
	unavailable
	object.get(budgets, "on_unavailable", "allow") == "deny"
}

review contains unavailable_reason if {
	input.usage.available == false
	unavailable
	object.get(budgets, "on_unavailable", "allow") == "review"
}

warn contains unavailable_reason if {
	input.usage.available == false
	unavailable
	object.get(budgets, "on_unavailable", "allow") == "warn"
}
