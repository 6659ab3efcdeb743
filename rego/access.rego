# METADATA
# title: Model access
# description: >-
#   Who may call which model. Casbin (data.parapet.rbac) is evaluated by the
#   engine; this package reads its result from input.access and adds the
#   model catalogue's view: unknown models and high-risk models. These rules
#   apply in both phases, so a caller that only reports responses is still
#   held to access control.
package parapet.access

import data.parapet.config
import data.parapet.lib

# Casbin said no, or the engine did not say (fail closed).
deny contains {
	"id": "access.model_not_permitted",
	"effect": "deny",
	"severity": "high",
	"controls": [
		"OWASP-LLM03",
		"NIST-AI-600-1:information-security",
		"NIST-AI-600-1:value-chain-and-component-integration",
	],
	"message": sprintf(
		"%s (roles: %s) may not use model %s for %s in tenant %s",
		[
			object.get(input, ["subject", "id"], "subject"),
			lib.join_set(lib.roles),
			object.get(input, ["resource", "model"], "?"),
			object.get(input, ["access", "action"], "?"),
			object.get(input, ["access", "tenant"], "?"),
		],
	),
	"evidence": [],
} if {
	not input.access.allowed
}

# A model that is not in the catalogue is treated as a hosted, high-risk,
# reasoning model by every other rule; this reason makes that visible.
# config.unknown_model_effect picks the effect ("allow" turns it off).
unknown_model_reason(effect) := {
	"id": "access.unknown_model",
	"effect": effect,
	"severity": "medium",
	"controls": ["OWASP-LLM03", "NIST-AI-600-1:value-chain-and-component-integration"],
	"message": sprintf(
		"model %s is not in the model catalogue; it is treated as a cloud model with high risk",
		[input.resource.model],
	),
	"evidence": [],
}

deny contains unknown_model_reason("deny") if {
	config.unknown_model_effect == "deny"
	not lib.known_model
}

review contains unknown_model_reason("review") if {
	config.unknown_model_effect == "review"
	not lib.known_model
}

warn contains unknown_model_reason("warn") if {
	config.unknown_model_effect == "warn"
	not lib.known_model
}

# Catalogued models whose risk rating is listed in config.warn_model_risks
# (default: high, e.g. the hosted DeepSeek API) get a warning on every call.
warn contains {
	"id": "access.high_risk_model",
	"effect": "warn",
	"severity": "medium",
	"controls": [
		"OWASP-LLM03",
		"NIST-AI-600-1:value-chain-and-component-integration",
		"NIST-AI-600-1:data-privacy",
	],
	"message": sprintf(
		"model %s is rated %s risk (provider %s, %s, region %s)",
		[
			input.resource.model,
			info.risk,
			object.get(info, "provider", "unknown provider"),
			object.get(info, "deployment", "cloud"),
			object.get(info, "region", "unknown"),
		],
	),
	"evidence": [],
} if {
	# Partial evaluation unrolls this lookup over the catalogue and keeps
	# only the models whose risk is listed, each as a test of
	# input.resource.model that the rule index settles: other models never
	# enter the rule.
	info := config.models[input.resource.model]
	info.risk in config.warn_model_risks
}
