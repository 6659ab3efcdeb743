# METADATA
# title: Acme Corp's additions to the default policy
# description: >-
#   Acme tightens Parapet's default library: models hosted outside its
#   approved regions are denied, every prompt to a cloud model states an
#   approved purpose, and legal and HR questions are held for a person.
#   Tunables live in data.parapet.config.acme (data.json). As a package under
#   data.parapet.ext, it can add reasons but never weaken a base one.
package parapet.ext.acme

import data.parapet.config
import data.parapet.lib

# Models hosted outside Acme's approved regions are denied for everyone, in
# both phases. The hosted DeepSeek R1 API is in region "cn"; uncatalogued
# models are in region "unknown".
deny contains {
	"id": "acme.model_region_not_approved",
	"effect": "deny",
	"message": sprintf("model %s is hosted in region %q, which Acme has not approved", [input.resource.model, lib.model.region]),
	"severity": "high",
	"controls": ["OWASP-LLM03", "NIST-AI-600-1:value-chain-and-component-integration"],
	"evidence": [],
} if {
	not lib.model.region in config.acme.approved_regions
}

# Every prompt to a cloud model states one of Acme's purposes, so that each
# use of a hosted model can be traced to an approved use case.
deny contains {
	"id": "acme.purpose_required",
	"effect": "deny",
	"message": sprintf("prompts to cloud models must state a purpose, one of: %s", [concat(", ", config.acme.purposes)]),
	"severity": "medium",
	"controls": ["OWASP-LLM06", "NIST-AI-600-1:human-ai-configuration"],
	"evidence": [],
} if {
	input.phase == "prompt"
	lib.is_cloud(lib.model)
	not approved_purpose
}

# A helper rule, so that a request without a purpose counts as unapproved:
# `not input.purpose in …` would be undefined, not true, for it.
approved_purpose if input.purpose in config.acme.purposes

# Legal and HR questions are held for a person whatever the model.
review contains {
	"id": "acme.human_review",
	"effect": "review",
	"message": sprintf("%s requests are reviewed by a person before they go ahead", [input.purpose]),
	"severity": "medium",
	"controls": ["NIST-AI-600-1:human-ai-configuration"],
	"evidence": [],
} if {
	input.purpose in config.acme.review_purposes
}
