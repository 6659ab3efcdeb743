# METADATA
# title: Acme's policy tests
# description: >-
#   Each test runs the whole decision (data.parapet.main.decision) on Acme's
#   data, so it checks Acme's rules and the tightened defaults together.
package parapet.acme_test

import data.parapet.main

# A prompt from an analyst to gpt-4o for customer support: allowed at Acme.
base := {
	"phase": "prompt",
	"subject": {"id": "alice", "roles": [], "tenant": "acme"},
	"resource": {"model": "gpt-4o", "endpoint": "chat.completions"},
	"purpose": "customer-support",
	"messages": [{"role": "user", "content": "Summarise the ticket for me."}],
	"context": {"classification": "internal"},
	"access": {"roles": ["analyst", "employee"], "allowed": true, "action": "chat.completions", "tenant": "acme"},
	"analysis": {
		"findings": [],
		"counts": {},
		"categories": {},
		"injection": {"score": 0.02, "by_source": {"user": 0.02}, "fields": {}, "matches": []},
	},
}

decide(overrides) := d if {
	d := main.decision with input as object.union(base, overrides)
}

ids(d) := {r.id | some r in d.reasons}

developer := {"roles": ["developer", "analyst", "employee"], "allowed": true, "action": "chat.completions", "tenant": "acme"}

test_customer_support_prompt_allowed if {
	d := decide({})
	d.effect == "allow"
	count(d.reasons) == 0
}

test_hosted_deepseek_denied_even_for_developers if {
	d := decide({"resource": {"model": "deepseek-r1"}, "access": developer})
	d.effect == "deny"
	"acme.model_region_not_approved" in ids(d)
}

test_on_prem_deepseek_allowed if {
	d := decide({"resource": {"model": "deepseek-r1-onprem"}, "access": developer, "purpose": "engineering"})
	d.effect == "allow"
}

# The default library only warns on an uncatalogued model; Acme denies it.
test_unknown_model_denied if {
	d := decide({"resource": {"model": "mistral-large-unlisted"}, "access": developer})
	d.effect == "deny"
	{"access.unknown_model", "acme.model_region_not_approved"} & ids(d) == {"access.unknown_model", "acme.model_region_not_approved"}
}

test_cloud_prompt_needs_a_purpose if {
	d := main.decision with input as json.remove(base, ["purpose"])
	d.effect == "deny"
	ids(d) == {"acme.purpose_required"}
}

test_cloud_prompt_needs_an_approved_purpose if {
	d := decide({"purpose": "fun"})
	"acme.purpose_required" in ids(d)
}

test_on_prem_prompt_needs_no_purpose if {
	d := main.decision with input as json.remove(object.union(base, {"resource": {"model": "llama-3.1-8b-onprem"}}), ["purpose"])
	d.effect == "allow"
}

# The purpose rule judges prompts; a reported response is not refused for it.
test_response_needs_no_purpose if {
	d := main.decision with input as json.remove(object.union(base, {"phase": "response", "response": {"content": "Done."}}), ["purpose"])
	not "acme.purpose_required" in ids(d)
}

test_legal_advice_held_for_review if {
	d := decide({"purpose": "legal-advice"})
	d.effect == "review"
	ids(d) == {"acme.human_review"}
}

test_review_never_weakens_a_deny if {
	d := decide({"purpose": "hr-decision", "resource": {"model": "deepseek-r1"}, "access": developer})
	d.effect == "deny"
	"acme.human_review" in ids(d)
}

# Acme denies from an injection score of 0.3 (the default: 0.37, where
# the classifier's benign false-positive rate is about 1%; Acme accepts
# more false positives) and warns from 0.25 (the default: 0.35).
test_stricter_injection_threshold if {
	d := decide({"analysis": {"injection": {"score": 0.33, "by_source": {"user": 0.33}}}})
	d.effect == "deny"
	"use.prompt_injection" in ids(d)
}

test_injection_warning_from_0_25 if {
	d := decide({"analysis": {"injection": {"score": 0.27, "by_source": {"user": 0.27}}}})
	d.effect == "warn"
	ids(d) == {"use.prompt_injection_suspected"}
}

# Names the model writes are redacted at Acme (the default only redacts
# them before a cloud model, in prompts).
test_person_in_response_redacted if {
	finding := {
		"detector": "names", "category": "pii", "type": "PERSON", "field": "response.content",
		"source": "response", "start": 9, "end": 17, "score": 0.9,
	}
	d := decide({
		"phase": "response",
		"response": {"content": "Call Mr. Jane Doe today."},
		"analysis": {"findings": [finding], "counts": {"PERSON": 1}, "categories": {"pii": 1}},
	})
	d.effect == "redact"
	"output.pii_in_response" in ids(d)
}

# Acme's rules are well formed: id, effect, message, severity, controls.
test_acme_reasons_well_formed if {
	count(main.malformed_reasons) == 0 with input as object.union(base, {"purpose": "legal-advice", "resource": {"model": "deepseek-r1"}})
}
