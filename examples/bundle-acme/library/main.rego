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

by_rank := ["allow", "warn", "redact", "review", "deny"]

# Fail closed on a config that would silently disable rules.
deny contains {
	"id": "policy.config_invalid",
	"effect": "deny",
	"severity": "critical",
	"controls": ["NIST-AI-600-1:information-security"],
	"message": sprintf("the policy bundle's configuration is invalid: %s", [lib.join_set(lib.config_errors)]),
	"evidence": [],
} if {
	count(lib.config_errors) > 0
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
	count(lib.input_errors) > 0
}

# Every reason, with its effect set from the set it came from: a reason in a
# deny set is a deny whatever its effect field says, so an extension can add
# reasons but cannot weaken one.
reasons_set contains object.union(r, {"effect": e}) if {
	some e in lib.effects
	some r in access[e]
}

reasons_set contains object.union(r, {"effect": e}) if {
	some e in lib.effects
	some r in acceptable_use[e]
}

reasons_set contains object.union(r, {"effect": e}) if {
	some e in lib.effects
	some r in data_handling[e]
}

reasons_set contains object.union(r, {"effect": e}) if {
	some e in lib.effects
	some r in output[e]
}

reasons_set contains object.union(r, {"effect": "deny"}) if {
	some r in deny
}

# Tenant bundles add packages under data.parapet.ext (e.g.
# package parapet.ext.acme) with the same deny/review/redact/warn sets.
reasons_set contains object.union(ext_reason(pkg, r), {"effect": e}) if {
	some e in lib.effects
	some r in data.parapet.ext[pkg][e]
}

# A tenant rule written in the common "deny contains msg" style still takes
# effect; malformed_reasons flags it for the tenant's tests.
ext_reason(_, r) := r if is_object(r)

ext_reason(pkg, r) := {"id": sprintf("ext.%s", [pkg]), "message": sprintf("%v", [r])} if not is_object(r)

effect := by_rank[max({rank[r.effect] | some r in reasons_set} | {0})]

# Stable order: strongest effect first, then by id.
reasons := [t[2] | some t in sort({[0 - rank[r.effect], object.get(r, "id", ""), r] | some r in reasons_set})]

# Spans to replace with placeholders: the evidence of every redact reason,
# de-duplicated, ordered by field then offset.
redactions := [{"field": s[0], "start": s[1], "end": s[2], "type": s[3]} |
	some s in sort({[e.field, e.start, e.end, object.get(e, "type", "")] |
		some r in reasons_set
		r.effect == "redact"
		some e in r.evidence
	})
]

# Put redacted originals back into the answer the caller sees. Only prompt
# redactions are restored: the caller wrote those values; response
# redactions hide what the model produced.
default restore := false

restore if {
	input.phase == "prompt"
	count(redactions) > 0
	data.parapet.config.restore == true
}

notices contains n if some n in data_handling.notice

notices contains n if some n in data.parapet.ext[_].notice

notice := concat(" ", sort(notices))

route := data_handling.route

decision := {
	"effect": effect,
	"reasons": reasons,
	"obligations": {
		"redact": redactions,
		"restore": restore,
		"strip_reasoning": output.strip_reasoning,
		"notice": notice,
	},
	"route": route,
}

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
