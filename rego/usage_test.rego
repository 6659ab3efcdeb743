package parapet.usage_test

import data.parapet.ext.usage
import data.parapet.main

counter(r, t, c) := {"requests": r, "tokens": t, "cost": c}

windows(m, d, mo) := {"minute": m, "day": d, "month": mo}

zero := counter(0, 0, 0)

# An input with usage: alice in acme on gpt-4o, with the given subject
# day tokens and tenant month cost.
usage_input(subject_day_tokens, tenant_month_cost, available) := {
	"phase": "prompt",
	"subject": {"id": "alice", "roles": [], "tenant": "acme"},
	"resource": {"model": "gpt-4o", "endpoint": "chat.completions"},
	"messages": [{"role": "user", "content": "hi"}],
	"context": {"documents": []},
	"access": {"roles": ["analyst"], "allowed": true, "action": "chat.completions", "tenant": "acme"},
	"analysis": {"findings": [], "counts": {}, "categories": {}, "injection": {"score": 0, "by_source": {}, "fields": {}, "matches": []}},
	"usage": {
		"available": available,
		"request": {"tokens": 1, "cost": 0},
		"subject": windows(counter(3, 10, 0), counter(3, subject_day_tokens, 0), zero),
		"tenant": windows(zero, zero, counter(0, 0, tenant_month_cost)),
		"model": windows(counter(7, 70, 0), zero, zero),
	},
}

budgets := {
	"subject": {"day": {"tokens": 1000}, "minute": {"requests": 5}},
	"tenant": {"month": {"cost": 100}},
}

ids(rs) := {r.id | some r in rs}

test_off_without_budgets if {
	count(usage.deny) == 0 with input as usage_input(5000, 500, true)
	count(usage.warn) == 0 with input as usage_input(5000, 500, true)
}

test_under_budget if {
	count(usage.deny) == 0 with input as usage_input(100, 10, true) with data.parapet.config.budgets as budgets
	count(usage.warn) == 0 with input as usage_input(100, 10, true) with data.parapet.config.budgets as budgets
}

test_over_token_budget_denies if {
	rs := usage.deny with input as usage_input(1001, 10, true) with data.parapet.config.budgets as budgets
	ids(rs) == {"usage.budget_exceeded"}
	some r in rs
	r.message == "subject acme/alice is over its day tokens limit (1001, limit 1000)"
}

test_over_cost_budget_denies if {
	rs := usage.deny with input as usage_input(10, 100.5, true) with data.parapet.config.budgets as budgets
	some r in rs
	r.message == "tenant acme is over its month cost limit (100.5, limit 100)"
}

test_rate_limit if {
	b := {"model": {"minute": {"requests": 6}}}
	ids(usage.deny) == {"usage.rate_limited"} with input as usage_input(1, 1, true) with data.parapet.config.budgets as b
}

test_review_instead_of_deny if {
	b := object.union(budgets, {"effect": "review"})
	count(usage.deny) == 0 with input as usage_input(2000, 1, true) with data.parapet.config.budgets as b
	ids(usage.review) == {"usage.budget_exceeded"} with input as usage_input(2000, 1, true) with data.parapet.config.budgets as b
}

test_near_budget_warns if {
	ids(usage.warn) == {"usage.budget_near"} with input as usage_input(900, 1, true) with data.parapet.config.budgets as budgets
}

test_unavailable_allows_by_default if {
	count(usage.deny) == 0 with input as usage_input(0, 0, false) with data.parapet.config.budgets as budgets
	count(usage.warn) == 0 with input as usage_input(0, 0, false) with data.parapet.config.budgets as budgets
}

test_unavailable_can_deny if {
	b := object.union(budgets, {"on_unavailable": "deny"})
	ids(usage.deny) == {"usage.unavailable"} with input as usage_input(0, 0, false) with data.parapet.config.budgets as b
}

test_unavailable_can_review if {
	b := object.union(budgets, {"on_unavailable": "review"})
	ids(usage.review) == {"usage.unavailable"} with input as usage_input(0, 0, false) with data.parapet.config.budgets as b
	count(usage.deny) == 0 with input as usage_input(0, 0, false) with data.parapet.config.budgets as b
}

test_unavailable_can_warn if {
	b := object.union(budgets, {"on_unavailable": "warn"})
	ids(usage.warn) == {"usage.unavailable"} with input as usage_input(0, 0, false) with data.parapet.config.budgets as b
	count(usage.review) == 0 with input as usage_input(0, 0, false) with data.parapet.config.budgets as b
}

# Through main: the decision denies, and the reason is well formed.
test_main_denies_over_budget if {
	d := main.decision with input as usage_input(1001, 1, true) with data.parapet.config.budgets as budgets
	d.effect == "deny"
	some r in d.reasons
	r.id == "usage.budget_exceeded"
	count(main.malformed_reasons) == 0 with input as usage_input(1001, 1, true) with data.parapet.config.budgets as budgets
}
