package parapet.access_test

import data.parapet.access
import data.parapet.fixtures_test as fx

ids(reasons) := {r.id | some r in reasons}

not_permitted := {"access": {"roles": ["employee"], "allowed": false, "action": "chat.completions", "tenant": "acme"}}

test_permitted_model_is_not_denied if {
	count(access.deny) == 0 with input as fx.base
	count(access.warn) == 0 with input as fx.base
}

test_model_not_permitted_denied if {
	reasons := access.deny with input as fx.prompt(not_permitted)
	ids(reasons) == {"access.model_not_permitted"}
	some r in reasons
	r.severity == "high"
	r.message == "alice (roles: employee) may not use model gpt-4o for chat.completions in tenant acme"
}

test_model_not_permitted_denied_in_response_phase if {
	ids(access.deny) == {"access.model_not_permitted"} with input as fx.response({"content": "hi"}, not_permitted)
}

# Breaks the schema on purpose: an engine that forgot input.access.
test_missing_access_denied if {
	ids(access.deny) == {"access.model_not_permitted"} with input as object.remove(fx.base, ["access"])
}

test_unknown_model_warns_by_default if {
	reasons := access.warn with input as fx.prompt(fx.model("mystery-llm"))
	ids(reasons) == {"access.unknown_model"}
	count(access.deny) == 0 with input as fx.prompt(fx.model("mystery-llm"))
}

test_unknown_model_effect_review if {
	inp := fx.prompt(fx.model("mystery-llm"))
	ids(access.review) == {"access.unknown_model"} with input as inp with data.parapet.config.unknown_model_effect as "review"
	count(access.warn) == 0 with input as inp with data.parapet.config.unknown_model_effect as "review"
}

test_unknown_model_effect_deny if {
	inp := fx.prompt(fx.model("mystery-llm"))
	ids(access.deny) == {"access.unknown_model"} with input as inp with data.parapet.config.unknown_model_effect as "deny"
}

test_unknown_model_effect_allow_is_silent if {
	inp := fx.prompt(fx.model("mystery-llm"))
	count(((access.warn | access.review) | access.deny)) == 0 with input as inp with data.parapet.config.unknown_model_effect as "allow"
}

test_high_risk_model_warns if {
	reasons := access.warn with input as fx.prompt(fx.model("deepseek-r1"))
	ids(reasons) == {"access.high_risk_model"}
	some r in reasons
	r.message == "model deepseek-r1 is rated high risk (provider deepseek, cloud, region cn)"
}

test_on_prem_deepseek_does_not_warn if {
	count(access.warn) == 0 with input as fx.prompt(fx.model("deepseek-r1-onprem"))
}

test_high_risk_warning_follows_config if {
	count(access.warn) == 0 with input as fx.prompt(fx.model("deepseek-r1")) with data.parapet.config.warn_model_risks as []
	ids(access.warn) == {"access.high_risk_model"} with input as fx.base with data.parapet.config.warn_model_risks as ["medium", "high"]
}
