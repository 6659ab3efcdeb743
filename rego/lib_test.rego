package parapet.lib_test

import data.parapet.fixtures_test as fx
import data.parapet.lib

test_model_info_known if {
	lib.model_info("deepseek-r1") == {"provider": "deepseek", "deployment": "cloud", "region": "cn", "risk": "high", "reasoning": true}
	lib.model_info("deepseek-r1-onprem").deployment == "on_prem"
	lib.model_info("deepseek-r1-onprem").reasoning == true
}

test_unknown_model_is_cloud_high_risk_reasoning if {
	info := lib.model_info("mystery-llm")
	lib.is_cloud(info)
	info.risk == "high"
	info.reasoning == true
	not lib.known_model with input as fx.prompt(fx.model("mystery-llm"))
}

test_known_model if {
	lib.known_model with input as fx.base
}

test_deployment_other_than_on_prem_counts_as_cloud if {
	lib.is_cloud({"deployment": "hybrid"})
	lib.is_cloud({})
	not lib.is_cloud({"deployment": "on_prem"})
}

test_is_on_prem if {
	lib.is_on_prem("llama-3.1-8b-onprem")
	not lib.is_on_prem("gpt-4o")
	not lib.is_on_prem("mystery-llm")
}

test_prompt_and_response_findings_split if {
	inp := fx.response({"content": "x", "reasoning": "y"}, fx.with_findings([
		fx.pii("EMAIL_ADDRESS", "messages[1].content", "user"),
		fx.pii("EMAIL_ADDRESS", "context.documents[0].text", "document"),
		fx.pii("EMAIL_ADDRESS", "response.content", "response"),
		fx.pii("EMAIL_ADDRESS", "response.reasoning", "reasoning"),
	]))
	{f.field | some f in lib.prompt_findings} == {"messages[1].content", "context.documents[0].text"} with input as inp
	{f.field | some f in lib.response_findings} == {"response.content", "response.reasoning"} with input as inp
}

test_roles_come_from_access if {
	lib.roles == {"analyst", "employee"} with input as fx.base
	lib.roles == set() with input as fx.prompt(fx.roles([]))
}

test_default_config_is_valid if {
	count(lib.config_errors) == 0
}

test_config_missing_knobs if {
	errs := lib.config_errors with data.parapet.config as {}
	"config.thresholds.injection_deny: want number, got null" in errs
	"config.models: want object, got null" in errs
	"config.unknown_model_effect: want allow, warn, review or deny, got null" in errs
	count(errs) == count(lib.required_config) + 1
}

test_config_wrong_type if {
	errs := lib.config_errors with data.parapet.config.thresholds.injection_deny as "0.8"
	errs == {"config.thresholds.injection_deny: want number, got string"}
}

test_config_bad_unknown_model_effect if {
	errs := lib.config_errors with data.parapet.config.unknown_model_effect as "block"
	errs == {"config.unknown_model_effect: want allow, warn, review or deny, got block"}
}

test_config_bad_classification_levels if {
	errs := lib.config_errors with data.parapet.config.classification.max_cloud as "secret"
	errs == {`config.classification.max_cloud: "secret" is not in classification.levels`}
}

test_config_route_must_be_on_prem if {
	lib.config_errors == {`config.routes.confidential: "gpt-4o" is not an on_prem model in config.models`} with data.parapet.config.routes.confidential as "gpt-4o"
	lib.config_errors == {`config.routes.confidential: "nowhere" is not an on_prem model in config.models`} with data.parapet.config.routes.confidential as "nowhere"
	count(lib.config_errors) == 0 with data.parapet.config.routes.confidential as "deepseek-r1-onprem"
}

test_complete_input_has_no_errors if {
	every name, inp in fx.fixtures {
		name != ""
		count(lib.input_errors) == 0 with input as inp
	}
}

# These inputs break the schema on purpose: they stand for an engine bug.
test_incomplete_input_errors if {
	lib.input_errors == {
		"phase: want prompt or response",
		"resource.model: want string, got null",
		"access.allowed: want boolean, got null",
		"access.roles: want array, got null",
		"analysis.findings: want array, got null",
		"analysis.injection.by_source: want object, got null",
	} with input as {}
	lib.input_errors == {"phase: want prompt or response"} with input as object.union(fx.base, {"phase": "later"})
}

test_join_set if {
	lib.join_set({"b", "a"}) == "a, b"
	lib.join_set(set()) == ""
}

# --- config_ok (the fast check main runs) agrees with config_errors ----------

# A value of the wrong type for a knob that wants the given type.
wrong_value("number") := "1"

wrong_value(want) := 1 if want != "number"

config_pointer(path) := concat("", ["/", replace(path, ".", "/")])

broken_configs contains json.remove(data.parapet.config, [config_pointer(path)]) if {
	some path, _ in lib.required_config
}

broken_configs contains json.patch(data.parapet.config, [{"op": "add", "path": config_pointer(path), "value": wrong_value(want)}]) if {
	some path, want in lib.required_config
}

broken_configs contains json.patch(data.parapet.config, [{"op": "add", "path": path, "value": value}]) if {
	some [path, value] in [
		["/unknown_model_effect", "block"],
		["/classification/default", "secret"],
		["/classification/max_cloud", "secret"],
		["/routes/confidential", "gpt-4o"],
		["/routes/confidential", "nowhere"],
	]
}

broken_configs contains {}

test_broken_configs_are_not_ok if {
	count(broken_configs) == (2 * count(lib.required_config)) + 6
	every cfg in broken_configs {
		count(lib.config_errors) > 0 with data.parapet.config as cfg
		not lib.config_ok with data.parapet.config as cfg
	}
}

# The optional knobs are checked on the fast path too: a typo in one is an
# invalid config (main denies), not a rule that silently never fires.
test_bad_optional_knobs_are_not_ok if {
	every c in [
		["/scope", {"response_effect": "block"}, "config.scope.response_effect: want allow, warn, review or deny, got block"],
		["/budgets", {"effect": "block"}, "config.budgets.effect: want review or deny, got block"],
		["/budgets", {"effect": "warn"}, "config.budgets.effect: want review or deny, got warn"],
		["/budgets", {"on_unavailable": "off"}, "config.budgets.on_unavailable: want allow, warn, review or deny, got off"],
		["/budgets", {"warn_at": 80}, "config.budgets.warn_at: want a number above 0 and at most 1, got 80"],
		["/budgets", {"user": {"day": {"tokens": 5}}}, "config.budgets.user: unknown key (want subject, tenant, model, effect, on_unavailable or warn_at)"],
		["/budgets", {"subject": {"hour": {"tokens": 5}}}, "config.budgets.subject.hour: unknown window (want minute, day or month)"],
		["/budgets", {"subject": {"day": {"token": 5}}}, "config.budgets.subject.day.token: unknown counter (want requests, tokens or cost)"],
		["/budgets", {"tenant": {"month": {"cost": "500"}}}, "config.budgets.tenant.month.cost: want a number of at least 0, got 500"],
		["/budgets", {"model": 3}, "config.budgets.model: want an object of windows (minute, day, month), got 3"],
		["/budgets", [], "config.budgets: want an object, got []"],
		["/attachments", {"effect": "block"}, "config.attachments.effect: want allow, warn, review or deny, got block"],
		["/attachments", {"types": {"pdf": "deny"}}, "config.attachments.types.pdf: unknown attachment type (want image, audio, video or file)"],
		["/attachments", {"types": {"file": "redact"}}, "config.attachments.types.file: want allow, warn, review or deny, got redact"],
		["/attachments", {"effects": "deny"}, "config.attachments.effects: unknown key (want effect or types)"],
	] {
		[path, value, want] := c
		cfg := json.patch(data.parapet.config, [{"op": "add", "path": path, "value": value}])
		lib.config_errors == {want} with data.parapet.config as cfg
		lib.config_shape_ok with data.parapet.config as cfg
		not lib.config_ok with data.parapet.config as cfg
	}
}

test_good_optional_knobs_are_ok if {
	every c in [
		["/scope", {"prompt_effect": "deny", "topics": ["politics"]}],
		["/budgets", {"subject": {"day": {"tokens": 200000}, "minute": {"requests": 30}}, "tenant": {"month": {"cost": 500}}, "effect": "review", "warn_at": 0.8, "on_unavailable": "warn"}],
		["/attachments", {"effect": "deny", "types": {"image": "warn", "file": "review"}}],
	] {
		[path, value] := c
		cfg := json.patch(data.parapet.config, [{"op": "add", "path": path, "value": value}])
		count(lib.config_errors) == 0 with data.parapet.config as cfg
		lib.config_ok with data.parapet.config as cfg
	}
}

# Configs laid out differently from data.json take the slow path, and pass.
test_valid_configs_of_another_layout_are_ok if {
	every patch in [
		{"op": "add", "path": "/thresholds/injection_block", "value": 0.99},
		{"op": "add", "path": "/classification/note", "value": "x"},
		{"op": "add", "path": "/budgets", "value": {}},
		{"op": "add", "path": "/routes/confidential", "value": "deepseek-r1-onprem"},
	] {
		cfg := json.patch(data.parapet.config, [patch])
		count(lib.config_errors) == 0 with data.parapet.config as cfg
		lib.config_ok with data.parapet.config as cfg
	}
	not lib.config_shape_ok with data.parapet.config.thresholds as {"injection_deny": 0.8, "injection_indirect_deny": 0.6, "injection_warn": 0.4, "injection_block": 0.99}
}

# The shipped config takes the fast path.
test_default_config_takes_the_fast_path if {
	lib.config_shape_ok
	lib.config_ok
}

# --- input_ok (the fast check main runs) agrees with input_errors ------------

input_pointer(path) := concat("", ["/", replace(path, ".", "/")])

broken_inputs contains json.remove(fx.base, [input_pointer(path)]) if {
	some path, _ in lib.required_input
}

broken_inputs contains json.patch(fx.base, [{"op": "add", "path": input_pointer(path), "value": "x"}]) if {
	some path, want in lib.required_input
	want != "string"
}

broken_inputs contains json.patch(fx.base, [{"op": "add", "path": "/resource/model", "value": 4}])

broken_inputs contains object.union(fx.base, {"phase": "later"})

broken_inputs contains {}

# These inputs break the schema on purpose: they stand for an engine bug.
test_broken_inputs_are_not_ok if {
	count(broken_inputs) == (2 * count(lib.required_input)) + 2
	every inp in broken_inputs {
		count(lib.input_errors) > 0 with input as inp
		not lib.input_ok with input as inp
	}
	every name, inp in fx.fixtures {
		name != ""
		lib.input_ok with input as inp
	}
}

test_evidence_shape if {
	lib.evidence(fx.pii("EMAIL_ADDRESS", "messages[1].content", "user")) == {"field": "messages[1].content", "start": 3, "end": 12, "type": "EMAIL_ADDRESS"}
	lib.effects == ["deny", "review", "redact", "warn"]
}

test_config_bad_scope_effect if {
	errs := lib.config_errors with data.parapet.config.scope.response_effect as "block"
	errs == {"config.scope.response_effect: want allow, warn, review or deny, got block"}
	count(lib.config_errors) == 0 with data.parapet.config.scope as {}
}

test_config_bad_scope_topics if {
	errs := lib.config_errors with data.parapet.config.scope.topics as "politics"
	errs == {"config.scope.topics: want a list of strings, got politics"}
	errs2 := lib.config_errors with data.parapet.config.scope.topics as ["politics", 3]
	errs2 == {"config.scope.topics: want a list of strings, got [\"politics\", 3]"}
	count(lib.config_errors) == 0 with data.parapet.config.scope.topics as ["politics", "medical advice"]
}

test_places if {
	lib.places(1) == "1 place"
	lib.places(3) == "3 places"
}
