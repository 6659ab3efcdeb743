# METADATA
# title: Parapet shared policy helpers
# description: >-
#   Model catalogue lookups, evidence shaping and the configuration check
#   that the reason packages share. Produces no reasons of its own.
package parapet.lib

import data.parapet.config

# Speed, for rule authors. The engine partially evaluates the decision once
# per bundle: each package's reason rules are folded into main's reason
# sets, which takes 10-33% off a decision (docs/architecture.md).
# Two habits keep that working:
#   - Write a function as one definition, an else chain for its cases, not
#     one definition per case. A bundle with a function that could give two
#     values for one input is evaluated as written (slower), so that such a
#     conflict stays an evaluation error, and so a fail-closed deny.
#   - In a reason's head, use values the body has bound ("evidence": ev,
#     with ev := f(x) in the body), not function calls that build a set:
#     OPA 1.22's partial evaluation fails on some of those, and the engine
#     then evaluates the whole bundle as written.

# Sources whose text is the model's output rather than the prompt.
response_sources := {"response", "reasoning"}

# Effects a reason may carry, strongest first.
effects := ["deny", "review", "redact", "warn"]

# The catalogue entry for a model name. Models missing from the catalogue
# get config.unknown_model (by default cloud, high risk, reasoning), so that
# every rule meant for hosted models applies to them: fail safe.
model_info(name) := object.get(config.models, name, config.unknown_model)

# One call rather than config.models[input.resource.model], which partial
# evaluation unrolls into one alternative per catalogued model: negated (an
# unknown model), that is one test per model on every decision. (The call
# fails when the entry is false, as the reference does.)
known_model if object.get(config.models, input.resource.model, false)

# The requested model's catalogue entry, model_info(input.resource.model),
# looked up once per evaluation rather than on every use.
model := object.get(config.models, input.resource.model, config.unknown_model)

# Anything not declared on_prem counts as cloud.
is_cloud(info) if not info.deployment == "on_prem"

# is_cloud(model), evaluated once.
model_is_cloud if is_cloud(model)

is_on_prem(name) if model_info(name).deployment == "on_prem"

# "1 place", "3 places": how many spans a reason's evidence has.
places(n) := "1 place" if n == 1

else := sprintf("%d places", [n])

# The span shape used in reason evidence and redaction obligations.
evidence(f) := {"field": f.field, "start": f.start, "end": f.end, "type": f.type}

# Whether the detectors found anything. Reason rules that look through
# findings test this first, before their phase (the rule index settles the
# phase wherever the test stands): most calls have no findings, and this
# one test of the input is much cheaper than the phase test and the rule
# that collects the findings (an empty set) or their categories.
any_findings if input.analysis.findings != []

# Findings in prompt text (messages and documents), not model output.
prompt_findings contains f if {
	some f in input.analysis.findings
	not is_response_finding(f)
}

# Findings in the model's output (response.content, response.reasoning).
response_findings contains f if {
	some f in input.analysis.findings
	is_response_finding(f)
}

is_response_finding(f) if f.source in response_sources

# (Rules that loop over many findings test a prompt finding inline, as
#	not object.get(f, "source", "") in {"response", "reasoning"}
# which is what "not is_response_finding(f)" means, without a function call
# or a rule reference per finding: both cost an evaluation step each time.
# "not f.source in ..." would not do: with OPA 1.22 it does not hold when f
# has no source. Keep the literal sets in step with response_sources.)

# Roles after casbin's expansion. input.access is authoritative: the
# caller-supplied subject.roles only count once casbin has expanded them.
roles := {r | some r in input.access.roles}

# Formats a set of strings for messages: sorted, comma separated.
join_set(s) := concat(", ", sort(s))

# ---------------------------------------------------------------------------
# Configuration check. A bundle whose config lacks a knob the rules rely on
# would silently disable those rules; main turns any error here into a deny.
#
# config_ok runs on every evaluation, so it has a fast path: config_shape_ok
# makes the same checks as config_errors with one reference per knob, and
# binds the small groups of knobs (thresholds, classification, pii) with a
# pattern, which needs exactly the keys of the shipped data.json. A config
# whose groups have other keys, or that fails a check, takes the slow path,
# config_errors, which also explains the failure. Keep the two in step when
# adding a knob (and add it to the pattern, or every evaluation takes the
# slow path); lib_test checks that they agree.

config_ok if {
	config_shape_ok
	count(optional_config_errors) == 0
}

config_ok if {
	not config_shape_ok
	count(config_errors) == 0
}

config_shape_ok if {
	c := config
	is_boolean(c.restore)
	{"injection_deny": deny, "injection_indirect_deny": indirect_deny, "injection_warn": warn} = c.thresholds
	is_number(deny)
	is_number(indirect_deny)
	is_number(warn)
	is_object(c.injection_sources)
	is_number(c.limits.max_prompt_chars)
	is_object(c.models)
	unknown := c.unknown_model
	is_object(unknown)
	is_string(unknown.deployment)
	c.unknown_model_effect in {"allow", "warn", "review", "deny"}
	is_array(c.warn_model_risks)
	{"levels": levels, "default": default_level, "max_cloud": max_cloud} = c.classification
	is_object(levels)
	is_string(default_level)
	levels[default_level]
	is_string(max_cloud)
	levels[max_cloud]
	is_string(c.routes.confidential)
	valid_route
	{"redact_before_cloud": before_cloud, "redact_in_response": in_response} = c.pii
	is_array(before_cloud)
	is_array(in_response)
	is_array(c.reasoning.visible_to_roles)
	{
		"allowed_domains": allowed_domains, "warn_unlisted_links": warn_links,
		"system_prompt_leak_deny": leak_deny, "grounding_min": grounding_min, "canary": canary,
	} = c.output
	is_array(allowed_domains)
	is_boolean(warn_links)
	is_number(leak_deny)
	is_number(grounding_min)
	is_boolean(canary)
}

valid_route if config.routes.confidential == ""

valid_route if is_on_prem_known(config.routes.confidential)

required_config := {
	"restore": "boolean",
	"thresholds.injection_deny": "number",
	"thresholds.injection_indirect_deny": "number",
	"thresholds.injection_warn": "number",
	"injection_sources": "object",
	"limits.max_prompt_chars": "number",
	"models": "object",
	"unknown_model": "object",
	"unknown_model.deployment": "string",
	"unknown_model_effect": "string",
	"warn_model_risks": "array",
	"classification.levels": "object",
	"classification.default": "string",
	"classification.max_cloud": "string",
	"routes.confidential": "string",
	"pii.redact_before_cloud": "array",
	"pii.redact_in_response": "array",
	"reasoning.visible_to_roles": "array",
	"output.allowed_domains": "array",
	"output.warn_unlisted_links": "boolean",
	"output.system_prompt_leak_deny": "number",
	"output.grounding_min": "number",
	"output.canary": "boolean",
}

config_errors contains msg if {
	some path, want in required_config
	got := type_name(object.get(config, split(path, "."), null))
	got != want
	msg := sprintf("config.%s: want %s, got %s", [path, want, got])
}

# Negate a helper rule, not "x in S" itself: with OPA 1.22, "not x in S"
# does not hold when x is undefined (a function call on an undefined value
# is not negated to true), so a missing knob would pass unnoticed.
valid_unknown_model_effect if config.unknown_model_effect in {"allow", "warn", "review", "deny"}

config_errors contains msg if {
	not valid_unknown_model_effect
	msg := sprintf("config.unknown_model_effect: want allow, warn, review or deny, got %v", [object.get(config, "unknown_model_effect", null)])
}

# The optional knobs (scope, budgets, attachments): a config without them
# takes their defaults, but a value they cannot mean is an error, not a
# silent allow (a budget whose effect reads "block" would otherwise never
# deny). config_ok checks them on the fast path too: they read data only,
# so the engine's partial evaluation settles them once per bundle.
config_errors contains msg if some msg in optional_config_errors

knob_effects := {"allow", "warn", "review", "deny"}

optional_config_errors contains msg if {
	some knob in ["prompt_effect", "response_effect", "topics_effect"]
	effect := object.get(config, ["scope", knob], "warn")
	not effect in knob_effects
	msg := sprintf("config.scope.%s: want allow, warn, review or deny, got %v", [knob, effect])
}

optional_config_errors contains msg if {
	topics := object.get(config, ["scope", "topics"], [])
	not is_string_list(topics)
	msg := sprintf("config.scope.topics: want a list of strings, got %v", [topics])
}

budget_scopes := {"subject", "tenant", "model"}

budget_windows := {"minute", "day", "month"}

budget_counters := {"requests", "tokens", "cost"}

budget_keys := budget_scopes | {"effect", "on_unavailable", "warn_at"}

optional_config_errors contains msg if {
	budgets := object.get(config, "budgets", {})
	not is_object(budgets)
	msg := sprintf("config.budgets: want an object, got %v", [budgets])
}

optional_config_errors contains msg if {
	some key, _ in object.get(config, "budgets", {})
	not key in budget_keys
	msg := sprintf("config.budgets.%v: unknown key (want subject, tenant, model, effect, on_unavailable or warn_at)", [key])
}

optional_config_errors contains msg if {
	some scope in budget_scopes
	per_scope := object.get(config, ["budgets", scope], {})
	not is_object(per_scope)
	msg := sprintf("config.budgets.%s: want an object of windows (minute, day, month), got %v", [scope, per_scope])
}

optional_config_errors contains msg if {
	some scope in budget_scopes
	some window, _ in object.get(config, ["budgets", scope], {})
	not window in budget_windows
	msg := sprintf("config.budgets.%s.%v: unknown window (want minute, day or month)", [scope, window])
}

optional_config_errors contains msg if {
	some scope in budget_scopes
	some window, counters in object.get(config, ["budgets", scope], {})
	window in budget_windows
	some counter, _ in counters
	not counter in budget_counters
	msg := sprintf("config.budgets.%s.%s.%v: unknown counter (want requests, tokens or cost)", [scope, window, counter])
}

optional_config_errors contains msg if {
	some scope in budget_scopes
	some window, counters in object.get(config, ["budgets", scope], {})
	window in budget_windows
	some counter, limit in counters
	counter in budget_counters
	not non_negative_number(limit)
	msg := sprintf("config.budgets.%s.%s.%s: want a number of at least 0, got %v", [scope, window, counter, limit])
}

non_negative_number(x) if {
	is_number(x)
	x >= 0
}

optional_config_errors contains msg if {
	effect := object.get(config, ["budgets", "effect"], "deny")
	not effect in {"review", "deny"}
	msg := sprintf("config.budgets.effect: want review or deny, got %v", [effect])
}

optional_config_errors contains msg if {
	effect := object.get(config, ["budgets", "on_unavailable"], "allow")
	not effect in knob_effects
	msg := sprintf("config.budgets.on_unavailable: want allow, warn, review or deny, got %v", [effect])
}

optional_config_errors contains msg if {
	warn_at := object.get(config, ["budgets", "warn_at"], 0.8)
	not fraction(warn_at)
	msg := sprintf("config.budgets.warn_at: want a number above 0 and at most 1, got %v", [warn_at])
}

fraction(x) if {
	is_number(x)
	x > 0
	x <= 1
}

optional_config_errors contains msg if {
	effect := object.get(config, ["attachments", "effect"], "warn")
	not effect in knob_effects
	msg := sprintf("config.attachments.effect: want allow, warn, review or deny, got %v", [effect])
}

optional_config_errors contains msg if {
	some kind, effect in object.get(config, ["attachments", "types"], {})
	not kind in attachment_types
	msg := sprintf("config.attachments.types.%v: unknown attachment type (want image, audio, video or file)", [kind])
}

optional_config_errors contains msg if {
	some kind, effect in object.get(config, ["attachments", "types"], {})
	not effect in knob_effects
	msg := sprintf("config.attachments.types.%v: want allow, warn, review or deny, got %v", [kind, effect])
}

optional_config_errors contains msg if {
	some key, _ in object.get(config, "attachments", {})
	not key in {"effect", "types"}
	msg := sprintf("config.attachments.%v: unknown key (want effect or types)", [key])
}

# The types of input.attachments (non-text content the detectors cannot
# read; the proxy lists them).
attachment_types := {"image", "audio", "video", "file"}

is_string_list(x) if {
	is_array(x)
	every t in x {
		is_string(t)
	}
}

config_errors contains msg if {
	some name in ["default", "max_cloud"]
	level := object.get(config, ["classification", name], null)
	is_string(level)
	not config.classification.levels[level]
	msg := sprintf("config.classification.%s: %q is not in classification.levels", [name, level])
}

config_errors contains msg if {
	target := config.routes.confidential
	target != ""
	not is_on_prem_known(target)
	msg := sprintf("config.routes.confidential: %q is not an on_prem model in config.models", [target])
}

is_on_prem_known(name) if config.models[name].deployment == "on_prem"

# ---------------------------------------------------------------------------
# Input check. The engine must always fill phase, access and analysis; a
# missing piece would silently disable rules, so main denies instead. As for
# the config, input_ok is the cheap check run on every evaluation and
# input_errors the explanation, evaluated only when input_ok fails.

input_ok if {
	valid_phase
	is_string(input.resource.model)
	is_boolean(input.access.allowed)
	is_array(input.access.roles)
	is_array(input.analysis.findings)
	is_object(input.analysis.injection.by_source)
}

input_errors contains "phase: want prompt or response" if not valid_phase

valid_phase if input.phase in {"prompt", "response"}

required_input := {
	"resource.model": "string",
	"access.allowed": "boolean",
	"access.roles": "array",
	"analysis.findings": "array",
	"analysis.injection.by_source": "object",
}

input_errors contains msg if {
	some path, want in required_input
	got := type_name(object.get(input, split(path, "."), null))
	got != want
	msg := sprintf("%s: want %s, got %s", [path, want, got])
}
