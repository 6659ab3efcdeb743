# METADATA
# title: Parapet decision
# description: >-
#   Combines the reasons of the access, acceptable_use, data_handling and
#   output packages (and of any tenant package under data.parapet.ext) into
#   the one decision the engine reads: data.parapet.main.decision. The
#   decision is always defined; a broken config or an incomplete input is a
#   deny, never a silent allow.
package parapet.main

import data.parapet.acceptable_use
import data.parapet.access
import data.parapet.data_handling
import data.parapet.lib
import data.parapet.output

# Effect ranks: deny > review > redact > warn > allow.
rank := {"allow": 0, "warn": 1, "redact": 2, "review": 3, "deny": 4}

# Fail closed on a config that would silently disable rules. lib.config_ok
# is the cheap check; lib.config_errors, which explains the failure, is only
# evaluated when it fails. The reason is ranked here, in a complete rule
# that reads data only, rather than in deny (which reads input): the
# engine's prepared query is partially evaluated against the bundle, which
# settles this rule once per bundle instead of on every decision.
config_ranked := {[0, "policy.config_invalid", {
	"id": "policy.config_invalid",
	"effect": "deny",
	"severity": "critical",
	"controls": ["NIST-AI-600-1:information-security"],
	"message": sprintf("the policy bundle's configuration is invalid: %s", [lib.join_set(lib.config_errors)]),
	"evidence": [],
}] |
	not lib.config_ok
}

# Fail closed on an input the engine did not complete.
deny contains {
	"id": "policy.input_invalid",
	"effect": "deny",
	"severity": "critical",
	"controls": ["NIST-AI-600-1:information-security"],
	"message": sprintf("the policy input is incomplete: %s", [lib.join_set(lib.input_errors)]),
	"evidence": [],
} if {
	not lib.input_ok
}

# Every reason as [rank, id, reason], rank 0 for deny up to 3 for warn, so
# that sorting gives the order of the decision. A reason's effect is the set
# it comes from: a reason in a deny set is a deny whatever its effect field
# says, so an extension can add reasons but cannot weaken one. Every effect
# set of the four packages is named, those the shipped rules leave empty
# too, so that a rule added to a package in a custom bundle is never
# ignored. (One rule per set: cheaper than one comprehension over all.)
ranked contains [0, object.get(r, "id", ""), object.union(r, {"effect": "deny"})] if some r in access.deny

ranked contains [0, object.get(r, "id", ""), object.union(r, {"effect": "deny"})] if some r in acceptable_use.deny

ranked contains [0, object.get(r, "id", ""), object.union(r, {"effect": "deny"})] if some r in data_handling.deny

ranked contains [0, object.get(r, "id", ""), object.union(r, {"effect": "deny"})] if some r in output.deny

ranked contains [0, object.get(r, "id", ""), object.union(r, {"effect": "deny"})] if some r in deny

ranked contains [1, object.get(r, "id", ""), object.union(r, {"effect": "review"})] if some r in access.review

ranked contains [1, object.get(r, "id", ""), object.union(r, {"effect": "review"})] if some r in acceptable_use.review

ranked contains [1, object.get(r, "id", ""), object.union(r, {"effect": "review"})] if some r in data_handling.review

ranked contains [1, object.get(r, "id", ""), object.union(r, {"effect": "review"})] if some r in output.review

ranked contains [2, object.get(r, "id", ""), r] if some r in redact_reasons

ranked contains [3, object.get(r, "id", ""), object.union(r, {"effect": "warn"})] if some r in access.warn

ranked contains [3, object.get(r, "id", ""), object.union(r, {"effect": "warn"})] if some r in acceptable_use.warn

ranked contains [3, object.get(r, "id", ""), object.union(r, {"effect": "warn"})] if some r in data_handling.warn

ranked contains [3, object.get(r, "id", ""), object.union(r, {"effect": "warn"})] if some r in output.warn

# Tenant bundles add packages under data.parapet.ext (e.g.
# package parapet.ext.acme) with the same deny/review/redact/warn sets.
ranked contains [0, object.get(x, "id", ""), x] if {
	some r in data.parapet.ext[pkg].deny
	x := object.union(ext_reason(pkg, r), {"effect": "deny"})
}

ranked contains [1, object.get(x, "id", ""), x] if {
	some r in data.parapet.ext[pkg].review
	x := object.union(ext_reason(pkg, r), {"effect": "review"})
}

ranked contains [3, object.get(x, "id", ""), x] if {
	some r in data.parapet.ext[pkg].warn
	x := object.union(ext_reason(pkg, r), {"effect": "warn"})
}

# The redact reasons, whose evidence makes the redaction obligation.
redact_reasons contains object.union(r, {"effect": "redact"}) if some r in data_handling.redact

redact_reasons contains object.union(r, {"effect": "redact"}) if some r in output.redact

redact_reasons contains object.union(r, {"effect": "redact"}) if some r in access.redact

redact_reasons contains object.union(r, {"effect": "redact"}) if some r in acceptable_use.redact

redact_reasons contains object.union(ext_reason(pkg, r), {"effect": "redact"}) if {
	some r in data.parapet.ext[pkg].redact
}

# A tenant rule written in the common "deny contains msg" style still takes
# effect; malformed_reasons flags it for the tenant's tests.
# (One else chain, not two definitions: see the speed note in lib.rego.)
ext_reason(pkg, r) := r if {
	is_object(r)
} else := {"id": sprintf("ext.%s", [pkg]), "message": sprintf("%v", [r])}

reasons_set := {t[2] | some t in all_ranked}

all_ranked := ranked | config_ranked

notices contains n if some n in data_handling.notice

notices contains n if some n in data.parapet.ext[_].notice

# The parts of the decision are computed here, in one rule, rather than in a
# rule each: every rule a query goes through costs an evaluation step.
decision := {
	"effect": strongest[0].effect,
	"reasons": sorted,
	"obligations": {
		"redact": spans,
		"restore": restore_spans(spans),
		"strip_reasoning": output.strip_reasoning,
		"notice": concat(" ", sort(notices)),
		"canary": output.plant_canary,
	},
	"route": data_handling.route,
} if {
	# Stable order: strongest effect first, then by id.
	# The sets are read outside the comprehensions on purpose. The engine
	# partially evaluates this query once per bundle, and partial
	# evaluation keeps a comprehension as it is: read inside one, ranked
	# would be evaluated rule by rule on every decision, through the rules
	# above and then each package's. Read here, its rules are folded into
	# the reason rules they collect (and config_ranked is settled), which
	# takes 10-33% off the time of a decision (docs/architecture.md).
	failed_config := config_ranked
	collected := ranked
	sorted := [t[2] | some t in sort(collected | failed_config)]

	# The effect of the first of the sorted reasons, the strongest, or allow
	# when there are none. (One call here, not an else chain in a function:
	# cheaper on every decision.)
	strongest := array.concat(sorted, [{"effect": "allow"}])

	# Spans to replace with placeholders: the evidence of every redact
	# reason, de-duplicated, ordered by field then offset. The redact
	# reasons are taken from collected (rank 2 is redact_reasons, one to
	# one), not from redact_reasons, whose rules would be evaluated a
	# second time.
	spans := [{"field": field, "start": start, "end": end, "type": type} |
		some [field, start, end, type] in sort({[e.field, e.start, e.end, object.get(e, "type", "")] |
			some [2, _, r] in collected
			some e in r.evidence
		})
	]
}

# Put redacted originals back into the answer the caller sees. Only prompt
# redactions are restored: the caller wrote those values; response
# redactions hide what the model produced.
default restore_spans(_) := false

# (The spans first: they are usually none.)
restore_spans(spans) if {
	count(spans) > 0
	input.phase == "prompt"
	data.parapet.config.restore == true
}

# The parts of the decision under their own names.
effect := decision.effect

reasons := decision.reasons

redactions := decision.obligations.redact

restore := decision.obligations.restore

notice := decision.obligations.notice

route := decision.route

# Reasons missing a field the engine and the audit log rely on. Tests
# assert this is empty for every fixture; it is not part of the decision.
malformed_reasons contains r if {
	some r in reasons_set
	not well_formed(r)
}

well_formed(r) if {
	is_string(r.id)
	regex.match(`^[a-z_]+\.[a-z_]+$`, r.id)
	r.effect in {"deny", "review", "redact", "warn"}
	is_string(r.message)
	r.message != ""
	r.severity in {"low", "medium", "high", "critical"}
	is_array(r.controls)
	count(r.controls) > 0
	every c in r.controls {
		is_string(c)
		regex.match(`^(OWASP-LLM(0[1-9]|10)|NIST-AI-600-1:[a-z-]+)$`, c)
	}
	is_array(r.evidence)
	every e in r.evidence {
		is_string(e.field)
		e.field != ""
		is_number(e.start)
		is_number(e.end)
		e.start <= e.end
	}
}
