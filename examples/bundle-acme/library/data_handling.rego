# METADATA
# title: Data handling
# description: >-
#   What data may reach which model: classified data stays off cloud models
#   (or is routed to an on-prem model), secrets never reach any model, and
#   personal data is redacted before it reaches a cloud model. Prompt phase
#   only: in the response phase the prompt has already been judged, and the
#   output package governs what comes back.
package parapet.data_handling

import data.parapet.config
import data.parapet.lib

levels := config.classification.levels

max_level := max([l | some l in levels])

# The numeric level of a classification. An unknown classification counts as
# the most sensitive level (fail safe).
level(c) := object.get(levels, c, max_level)

max_cloud_level := level(config.classification.max_cloud)

# The prompt's classification; config.classification.default when the
# caller gives none.
context_classification := c if {
	c := input.context.classification
	c != ""
} else := config.classification.default

# Classified material in the prompt, as evidence. The context classification
# points at context.classification; a document points at its text.
classified contains {
	"field": "context.classification",
	"start": 0,
	"end": 0,
	"type": context_classification,
} if {
	level(context_classification) > max_cloud_level
}

classified contains {
	"field": sprintf("context.documents[%d].text", [i]),
	"start": 0,
	"end": count(doc.text),
	"type": doc.classification,
} if {
	some i, doc in input.context.documents
	doc.classification != ""
	level(doc.classification) > max_cloud_level
}

classified_to_cloud if {
	input.phase == "prompt"
	lib.is_cloud(lib.model)
	count(classified) > 0
}

classified_types := {e.type | some e in classified}

# The configured on-prem model for confidential prompts ("" turns routing
# off). A target that is not a catalogued on_prem model is ignored here (the
# config check in main reports it), so a bad route never sends data to the
# cloud.
route_target := t if {
	t := config.routes.confidential
	t != ""
	lib.is_on_prem(t)
}

# Without a route, classified data to a cloud model is denied.
deny contains {
	"id": "data.classified_to_cloud_model",
	"effect": "deny",
	"severity": "high",
	"controls": ["OWASP-LLM02", "NIST-AI-600-1:data-privacy", "NIST-AI-600-1:information-security"],
	"message": sprintf(
		"%s data may not be sent to cloud model %s (highest level allowed: %s)",
		[lib.join_set(classified_types), input.resource.model, config.classification.max_cloud],
	),
	"evidence": sort(classified),
} if {
	classified_to_cloud
	not route_target
}

# With a route, the call goes ahead on the on-prem model instead.
warn contains {
	"id": "data.classified_routed_on_prem",
	"effect": "warn",
	"severity": "low",
	"controls": ["OWASP-LLM02", "NIST-AI-600-1:data-privacy"],
	"message": sprintf(
		"%s data: routed from cloud model %s to on-prem model %s",
		[lib.join_set(classified_types), input.resource.model, route_target],
	),
	"evidence": sort(classified),
} if {
	classified_to_cloud
	route_target
}

default route := {}

route := {"model": route_target} if {
	classified_to_cloud
	route_target
}

notice contains sprintf(
	"This request contained %s data and was answered by the on-prem model %s instead of %s.",
	[lib.join_set(classified_types), route_target, input.resource.model],
) if {
	classified_to_cloud
	route_target
}

# The model that will actually receive the prompt.
effective_model := object.get(route, "model", input.resource.model)

# Secrets and credentials never go to any model, on-prem included: they end
# up in logs, caches and training sets.
secret_spans contains lib.evidence(f) if {
	input.phase == "prompt"
	some f in lib.prompt_findings
	f.category == "secret"
}

secret_evidence := sort(secret_spans)

deny contains {
	"id": "data.secret_in_prompt",
	"effect": "deny",
	"severity": "critical",
	"controls": ["OWASP-LLM02", "NIST-AI-600-1:information-security", "NIST-AI-600-1:data-privacy"],
	"message": sprintf(
		"prompt contains secrets or credentials (%s)",
		[lib.join_set({e.type | some e in secret_evidence})],
	),
	"evidence": secret_evidence,
} if {
	count(secret_evidence) > 0
}

redact_before_cloud := {t | some t in config.pii.redact_before_cloud}

# Personal data of the configured types is replaced with placeholders before
# a cloud model sees it; on-prem models (including a routed call) get it as
# is.
pii_spans contains lib.evidence(f) if {
	input.phase == "prompt"
	lib.is_cloud(lib.model_info(effective_model))
	some f in lib.prompt_findings
	f.category == "pii"
	f.type in redact_before_cloud
}

pii_evidence := sort(pii_spans)

redact contains {
	"id": "data.pii_to_cloud_model",
	"effect": "redact",
	"severity": "medium",
	"controls": ["OWASP-LLM02", "NIST-AI-600-1:data-privacy"],
	"message": sprintf(
		"personal data (%s) redacted before cloud model %s",
		[lib.join_set({e.type | some e in pii_evidence}), effective_model],
	),
	"evidence": pii_evidence,
} if {
	count(pii_evidence) > 0
}
