package parapet.main_test

import data.parapet.fixtures_test as fx
import data.parapet.main

ids(reasons) := [r.id | some r in reasons]

allow_decision := {
	"effect": "allow",
	"reasons": [],
	"obligations": {"redact": [], "restore": false, "strip_reasoning": false, "notice": "", "canary": false},
	"route": {},
}

ext_reason(id, effect) := {
	"id": id,
	"effect": effect,
	"severity": "low",
	"controls": ["OWASP-LLM09"],
	"message": "tenant rule",
	"evidence": [],
}

# --- shape ----------------------------------------------------------------

test_clean_prompt_is_allowed if {
	main.decision == allow_decision with input as fx.base
}

test_clean_response_is_allowed if {
	main.decision == allow_decision with input as fx.response({"content": "Here is the summary."}, {})
}

test_decision_always_has_every_key if {
	every name, inp in fx.fixtures {
		name != ""
		d := main.decision with input as inp
		object.keys(d) == {"effect", "reasons", "obligations", "route"}
		object.keys(d.obligations) == {"redact", "restore", "strip_reasoning", "notice", "canary"}
		is_array(d.reasons)
		is_array(d.obligations.redact)
		is_boolean(d.obligations.restore)
		is_boolean(d.obligations.strip_reasoning)
		is_string(d.obligations.notice)
		is_object(d.route)
	}
}

# Breaks the schema on purpose: an engine bug must deny, not allow.
test_incomplete_input_denied if {
	d := main.decision with input as {}
	d.effect == "deny"
	ids(d.reasons) == ["access.model_not_permitted", "policy.input_invalid"]
}

test_invalid_config_denied if {
	d := main.decision with input as fx.base with data.parapet.config.thresholds.injection_deny as null
	d.effect == "deny"
	some r in d.reasons
	r.id == "policy.config_invalid"
	startswith(r.message, "the policy bundle's configuration is invalid: config.thresholds.injection_deny: want number")
}

# A typo in an optional knob fails closed too: a budget whose effect is
# "block" would otherwise never deny.
test_invalid_optional_config_denied if {
	d := main.decision with input as fx.base with data.parapet.config.budgets as {"effect": "block", "subject": {"day": {"requests": 1}}}
	d.effect == "deny"
	some r in d.reasons
	r.id == "policy.config_invalid"
	r.message == "the policy bundle's configuration is invalid: config.budgets.effect: want review or deny, got block"
}

test_missing_config_denied if {
	d := main.decision with input as fx.base with data.parapet.config as {}
	d.effect == "deny"
	"policy.config_invalid" in ids(d.reasons)
}

# --- effect and order -----------------------------------------------------

test_effect_warn if {
	main.decision.effect == "warn" with input as fx.fixtures.high_risk_model
}

test_effect_redact_outranks_warn if {
	inp := object.union(fx.fixtures.pii_to_cloud, fx.model("deepseek-r1"))
	d := main.decision with input as inp
	d.effect == "redact"
	ids(d.reasons) == ["data.pii_to_cloud_model", "access.high_risk_model"]
}

test_effect_review if {
	d := main.decision with input as fx.fixtures.unknown_model with data.parapet.config.unknown_model_effect as "review"
	d.effect == "review"
	ids(d.reasons) == ["access.unknown_model"]
}

test_effect_deny_outranks_everything if {
	d := main.decision with input as fx.fixtures.everything with data.parapet.config.unknown_model_effect as "review"
	d.effect == "deny"
	ids(d.reasons) == [
		"access.model_not_permitted",
		"data.classified_to_cloud_model",
		"data.secret_in_prompt",
		"use.indirect_prompt_injection",
		"use.prompt_injection",
		"data.pii_to_cloud_model",
		"access.high_risk_model",
		"use.prompt_injection_suspected",
	]
}

test_reasons_sorted_by_effect_then_id if {
	d := main.decision with input as fx.fixtures.everything
	keys := [[0 - main.rank[r.effect], r.id] | some r in d.reasons]
	count(keys) > 1
	every i in numbers.range(1, count(keys) - 1) {
		keys[i - 1] < keys[i]
	}
}

# --- obligations ----------------------------------------------------------

test_redact_obligation_is_union_of_redact_evidence if {
	inp := fx.prompt(fx.with_findings([
		fx.pii("PERSON", "messages[1].content", "user"),
		object.union(fx.pii("EMAIL_ADDRESS", "messages[1].content", "user"), {"start": 0, "end": 2}),
		fx.pii("US_SSN", "context.documents[0].text", "document"),
		fx.pii("LOCATION", "messages[1].content", "user"),
		fx.secret("PRIVATE_KEY", "messages[0].content", "system"),
	]))
	d := main.decision with input as inp
	d.effect == "deny"
	d.obligations.redact == [
		{"field": "context.documents[0].text", "start": 3, "end": 12, "type": "US_SSN"},
		{"field": "messages[1].content", "start": 0, "end": 2, "type": "EMAIL_ADDRESS"},
		{"field": "messages[1].content", "start": 3, "end": 12, "type": "PERSON"},
	]
}

test_prompt_redaction_is_restored if {
	d := main.decision with input as fx.fixtures.pii_to_cloud
	d.effect == "redact"
	d.obligations.restore == true
	d.obligations.redact == [{"field": "messages[1].content", "start": 3, "end": 12, "type": "EMAIL_ADDRESS"}]
}

test_restore_follows_config if {
	d := main.decision with input as fx.fixtures.pii_to_cloud with data.parapet.config.restore as false
	d.effect == "redact"
	d.obligations.restore == false
}

test_response_redaction_is_not_restored if {
	d := main.decision with input as fx.fixtures.pii_in_response
	d.effect == "redact"
	d.obligations.restore == false
	d.obligations.redact == [{"field": "response.content", "start": 3, "end": 12, "type": "PHONE_NUMBER"}]
}

test_route_and_notice if {
	inp := object.union(fx.fixtures.confidential_to_cloud, fx.model("deepseek-r1"))
	d := main.decision with input as inp with data.parapet.config.routes.confidential as "deepseek-r1-onprem"
	d.effect == "warn"
	d.route == {"model": "deepseek-r1-onprem"}
	d.obligations.notice == "This request contained confidential data and was answered by the on-prem model deepseek-r1-onprem instead of deepseek-r1."
	ids(d.reasons) == ["access.high_risk_model", "data.classified_routed_on_prem"]
}

test_confidential_denied_without_route if {
	d := main.decision with input as fx.fixtures.confidential_to_cloud
	d.effect == "deny"
	d.route == {}
}

test_strip_reasoning_obligation if {
	d := main.decision with input as fx.fixtures.reasoning_stripped
	d.obligations.strip_reasoning == true
	d.effect == "warn"
}

# --- extensions -----------------------------------------------------------

test_extension_adds_reasons_and_notices if {
	d := main.decision with input as fx.base
		with data.parapet.ext as {"acme": {
			"review": [ext_reason("acme.purpose_review", "review")],
			"notice": ["Reviewed by acme."],
		}}
	d.effect == "review"
	ids(d.reasons) == ["acme.purpose_review"]
	d.obligations.notice == "Reviewed by acme."
}

test_extension_cannot_weaken_a_deny if {
	d := main.decision with input as fx.base
		with data.parapet.ext as {"acme": {"deny": [ext_reason("acme.blocked", "warn")]}}
	d.effect == "deny"
	d.reasons[0].effect == "deny"
}

test_extension_string_reasons_still_count if {
	d := main.decision with input as fx.base
		with data.parapet.ext as {"acme": {"deny": ["no models on Sundays"]}}
	d.effect == "deny"
	d.reasons == [{"id": "ext.acme", "effect": "deny", "message": "no models on Sundays"}]
	count(main.malformed_reasons) == 1 with input as fx.base
		with data.parapet.ext as {"acme": {"deny": ["no models on Sundays"]}}
}

# --- every reason is well formed ------------------------------------------

# Config variants that switch on the reasons the default config leaves off.
config_variants := [
	{},
	{"routes": {"confidential": "deepseek-r1-onprem"}, "limits": {"max_prompt_chars": 500}},
	{"unknown_model_effect": "review"},
	{"unknown_model_effect": "deny"},
]

reason_ids_seen contains id if {
	some variant in config_variants
	some inp in fx.fixtures
	cfg := object.union(data.parapet.config, variant)
	d := main.decision with input as inp with data.parapet.config as cfg
	some r in d.reasons
	id := r.id
}

reason_ids_seen contains id if {
	some inp in [{}, fx.base]
	some r in main.decision.reasons with input as inp with data.parapet.config.restore as "yes"
	id := r.id
}

test_every_reason_is_well_formed if {
	every variant in config_variants {
		every inp in fx.fixtures {
			cfg := object.union(data.parapet.config, variant)
			count(main.malformed_reasons) == 0 with input as inp with data.parapet.config as cfg
		}
	}
	count(main.malformed_reasons) == 0 with input as {}
	count(main.malformed_reasons) == 0 with input as fx.base with data.parapet.config as {}
}

# The well-formedness test above only means something if the fixtures
# trigger every reason the library can produce. Keep this list and the
# README's table in step.
test_fixtures_cover_every_reason_id if {
	reason_ids_seen == {
		"access.model_not_permitted",
		"access.unknown_model",
		"access.high_risk_model",
		"use.prompt_injection",
		"use.indirect_prompt_injection",
		"use.prompt_injection_suspected",
		"use.prompt_too_large",
		"use.restricted_topic",
		"use.denied_topic",
		"data.classified_to_cloud_model",
		"data.classified_routed_on_prem",
		"data.secret_in_prompt",
		"data.pii_to_cloud_model",
		"output.secret_in_response",
		"output.pii_in_response",
		"output.system_prompt_leak",
		"output.canary_leak",
		"output.suspicious_url",
		"output.image_exfiltration",
		"output.ungrounded_url",
		"output.restricted_topic",
		"output.denied_topic",
		"output.ungrounded_answer",
		"policy.config_invalid",
		"policy.input_invalid",
	}
}

test_malformed_reasons_are_caught if {
	bad := [
		{"id": "acme.x", "severity": "low", "controls": ["OWASP-LLM01"], "evidence": []},
		{"id": "acme.y", "message": "m", "severity": "urgent", "controls": ["OWASP-LLM01"], "evidence": []},
		{"id": "acme.z", "message": "m", "severity": "low", "controls": [], "evidence": []},
		{"id": "acme.w", "message": "m", "severity": "low", "controls": ["LLM01"], "evidence": []},
		{"id": "acme.v", "message": "m", "severity": "low", "controls": ["OWASP-LLM01"], "evidence": [{"field": "x", "start": 5, "end": 1}]},
		{"id": "acme.u", "message": "m", "severity": "low", "controls": ["OWASP-LLM01"]},
		{"id": "Bad Id", "message": "m", "severity": "low", "controls": ["OWASP-LLM01"], "evidence": []},
	]
	malformed := main.malformed_reasons with input as fx.base with data.parapet.ext as {"acme": {"warn": bad}}
	count(malformed) == count(bad)
}

test_decision_parts_have_names if {
	d := main.decision with input as fx.fixtures.pii_to_cloud
	main.effect == d.effect with input as fx.fixtures.pii_to_cloud
	main.reasons == d.reasons with input as fx.fixtures.pii_to_cloud
	main.redactions == d.obligations.redact with input as fx.fixtures.pii_to_cloud
	main.restore == d.obligations.restore with input as fx.fixtures.pii_to_cloud
	main.notice == d.obligations.notice with input as fx.fixtures.pii_to_cloud
	main.route == d.route with input as fx.fixtures.pii_to_cloud
}

test_extension_redactions_join_the_obligation if {
	evidence := [
		{"field": "messages[1].content", "start": 0, "end": 2},
		{"field": "messages[0].content", "start": 5, "end": 9, "type": "CUSTOMER_ID"},
	]
	d := main.decision with input as fx.fixtures.pii_to_cloud
		with data.parapet.ext as {"acme": {"redact": [object.union(ext_reason("acme.customer_id", "deny"), {"evidence": evidence})]}}
	d.effect == "redact"
	ids(d.reasons) == ["acme.customer_id", "data.pii_to_cloud_model"]
	d.reasons[0].effect == "redact"
	d.obligations.redact == [
		{"field": "messages[0].content", "start": 5, "end": 9, "type": "CUSTOMER_ID"},
		{"field": "messages[1].content", "start": 0, "end": 2, "type": ""},
		{"field": "messages[1].content", "start": 3, "end": 12, "type": "EMAIL_ADDRESS"},
	]
}

# The set a reason is in decides its effect, in the base packages too.
test_base_reason_effect_follows_its_set if {
	d := main.decision with input as fx.base
		with data.parapet.access.warn as {ext_reason("access.custom", "deny")}
	d.effect == "warn"
	d.reasons == [ext_reason("access.custom", "warn")]
}

# Sets the shipped rules leave empty still count, for rules a custom bundle
# adds to a base package.
test_every_effect_set_of_the_base_packages_counts if {
	span := {"field": "messages[0].content", "start": 0, "end": 4, "type": "X"}
	d := main.decision with input as fx.base
		with data.parapet.acceptable_use.review as {ext_reason("use.custom", "warn")}
		with data.parapet.data_handling.review as {ext_reason("data.custom", "warn")}
		with data.parapet.output.review as {ext_reason("output.custom", "warn")}
		with data.parapet.access.redact as {object.union(ext_reason("access.custom", "warn"), {"evidence": [span]})}
		with data.parapet.acceptable_use.redact as {object.union(ext_reason("use.custom_redact", "warn"), {"evidence": [span]})}
	d.effect == "review"
	[[r.id, r.effect] | some r in d.reasons] == [
		["data.custom", "review"],
		["output.custom", "review"],
		["use.custom", "review"],
		["access.custom", "redact"],
		["use.custom_redact", "redact"],
	]
	d.obligations.redact == [span]
}
