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

# Performance: the decision is evaluated on every call, and each rule,
# reference and function call costs an evaluation step. The common case (an
# internal prompt, a few findings) is kept to few steps: a classification
# equal to classification.max_cloud is settled without a level lookup,
# evidence objects are built in place rather than with lib.evidence, and
# each reason rule tests the phase so that the rule index skips it in the
# response phase. The index does so wherever the test stands, and in the
# prompt phase the test always holds: rules whose first condition usually
# fails (lib.any_findings: most prompts have no findings; classified data)
# test it after that.

levels := config.classification.levels

max_level := max([l | some l in levels])

# The numeric level of a classification. An unknown classification counts as
# the most sensitive level (fail safe).
level(c) := l if {
	l := levels[c]
} else := max_level if {
	is_object(levels)
}

max_cloud_level := level(config.classification.max_cloud)

# The prompt's classification; config.classification.default when the
# caller gives none.
context_classification := input.context.classification if {
	classification_given
} else := config.classification.default

classification_given if input.context.classification != ""

# Classified material in the prompt, as evidence. The context classification
# points at context.classification; a document points at its text. (A
# classification equal to max_cloud is never above it.) The context's
# classification takes two rules, given and defaulted, rather than one
# through context_classification: partial evaluation settles the defaulted
# one against the config once per bundle (and drops it when the default may
# go to the cloud, as shipped), so a prompt without a classification costs
# one failed lookup.
classified contains {
	"field": "context.classification",
	"start": 0,
	"end": 0,
	"type": c,
} if {
	c := input.context.classification
	c != ""
	c != config.classification.max_cloud
	level(c) > max_cloud_level
}

classified contains {
	"field": "context.classification",
	"start": 0,
	"end": 0,
	"type": c,
} if {
	c := config.classification.default
	c != config.classification.max_cloud
	level(c) > max_cloud_level
	not classification_given
}

classified contains {
	"field": sprintf("context.documents[%d].text", [i]),
	"start": 0,
	"end": count(doc.text),
	"type": c,
} if {
	max_cloud := config.classification.max_cloud
	some i, doc in input.context.documents
	c := doc.classification
	c != ""
	c != max_cloud
	level(c) > max_cloud_level
}

# (No phase test here: every rule that reads it tests the phase first,
# routed included.)
classified_to_cloud if {
	count(classified) > 0
	lib.model_is_cloud
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

# Classified data for a cloud model, and an on-prem model to route it to.
routed if {
	input.phase == "prompt"
	classified_to_cloud
	route_target
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
	input.phase == "prompt"
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
	input.phase == "prompt"
	routed
}

default route := {}

route := {"model": route_target} if routed

notice contains sprintf(
	"This request contained %s data and was answered by the on-prem model %s instead of %s.",
	[lib.join_set(classified_types), route_target, input.resource.model],
) if {
	input.phase == "prompt"
	routed
}

# The model that will actually receive the prompt.
effective_model := object.get(route, "model", input.resource.model)

# Secrets and credentials never go to any model, on-prem included: they end
# up in logs, caches and training sets.
secret_evidence := sort({{"field": f.field, "start": f.start, "end": f.end, "type": f.type} |
	some f in input.analysis.findings
	f.category == "secret"
	not object.get(f, "source", "") in {"response", "reasoning"}
})

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
	lib.any_findings
	input.phase == "prompt"
	secret_evidence[0]
}

# Personal data of the configured types in prompt text.
pii_evidence := sort({{"field": f.field, "start": f.start, "end": f.end, "type": f.type} |
	types := config.pii.redact_before_cloud
	some f in input.analysis.findings
	f.category == "pii"
	f.type in types
	not object.get(f, "source", "") in {"response", "reasoning"}
})

# Personal data is replaced with placeholders before a cloud model sees it;
# on-prem models get it as is. The model that receives the prompt is
# effective_model: when the prompt is routed, an on-prem model (route_target
# is one by construction), else the requested model, lib.model.
redact contains {
	"id": "data.pii_to_cloud_model",
	"effect": "redact",
	"severity": "medium",
	"controls": ["OWASP-LLM02", "NIST-AI-600-1:data-privacy"],
	"message": sprintf(
		"personal data (%s) redacted before cloud model %s",
		[concat(", ", sort({e.type | some e in pii_evidence})), input.resource.model],
	),
	"evidence": pii_evidence,
} if {
	lib.any_findings
	input.phase == "prompt"
	lib.model_is_cloud
	not routed
	pii_evidence[0]
}

# --- content no detector reads ------------------------------------------------

# Images, audio, video and files in a prompt (input.attachments; the proxy
# lists every one it forwards) reach the model without content checks. The
# effect is config.attachments.types[type], else config.attachments.effect,
# else warn: by default the call goes ahead, and the decision and its log
# say what went unchecked. deny, review, or allow (off) are the others.
attachment_effect(t) := e if {
	e := config.attachments.types[t]
} else := object.get(config, ["attachments", "effect"], "warn")

unchecked(effect) := [[i, a] |
	some i, a in input.attachments
	attachment_effect(a.type) == effect
]

unchecked_reason(effect, atts) := {
	"id": "data.unchecked_attachment",
	"effect": effect,
	"severity": "medium",
	"controls": ["OWASP-LLM02", "NIST-AI-600-1:information-security", "NIST-AI-600-1:data-privacy"],
	"message": sprintf(
		"%d attachment(s) cannot be checked for secrets, personal data or injection: %s",
		[count(atts), concat(", ", [describe_attachment(a) | some [_, a] in atts])],
	),
	"evidence": [{"field": sprintf("attachments[%d]", [i]), "start": 0, "end": 0, "type": a.type} | some [i, a] in atts],
}

describe_attachment(a) := sprintf("%s (%s)", [a.type, a.media_type]) if {
	a.media_type != ""
} else := a.type

deny contains unchecked_reason("deny", atts) if {
	input.phase == "prompt"
	input.attachments[0]
	atts := unchecked("deny")
	atts[0]
}

review contains unchecked_reason("review", atts) if {
	input.phase == "prompt"
	input.attachments[0]
	atts := unchecked("review")
	atts[0]
}

warn contains unchecked_reason("warn", atts) if {
	input.phase == "prompt"
	input.attachments[0]
	atts := unchecked("warn")
	atts[0]
}
