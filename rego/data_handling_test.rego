package parapet.data_handling_test

import data.parapet.data_handling as dh
import data.parapet.fixtures_test as fx

ids(reasons) := {r.id | some r in reasons}

all_reasons(inp) := r if {
	r := (dh.deny | dh.redact) | dh.warn with input as inp
}

confidential := {"context": {"classification": "confidential"}}

# --- classification -------------------------------------------------------

test_internal_data_to_cloud_allowed if {
	count(all_reasons(fx.base)) == 0
	count(all_reasons(fx.prompt({"context": {"classification": "public"}}))) == 0
}

test_confidential_to_cloud_denied if {
	reasons := dh.deny with input as fx.prompt(confidential)
	ids(reasons) == {"data.classified_to_cloud_model"}
	some r in reasons
	r.message == "confidential data may not be sent to cloud model gpt-4o (highest level allowed: internal)"
	r.evidence == [{"field": "context.classification", "start": 0, "end": 0, "type": "confidential"}]
}

test_restricted_to_hosted_deepseek_denied if {
	inp := fx.prompt(object.union(fx.model("deepseek-r1"), {"context": {"classification": "restricted"}}))
	ids(dh.deny) == {"data.classified_to_cloud_model"} with input as inp
}

test_confidential_to_on_prem_allowed if {
	count(all_reasons(fx.prompt(object.union(fx.model("deepseek-r1-onprem"), confidential)))) == 0
	count(all_reasons(fx.prompt(object.union(fx.model("llama-3.1-8b-onprem"), {"context": {"classification": "restricted"}})))) == 0
}

test_confidential_to_unknown_model_denied if {
	ids(dh.deny) == {"data.classified_to_cloud_model"} with input as fx.prompt(object.union(fx.model("mystery-llm"), confidential))
}

test_classified_document_to_cloud_denied if {
	inp := fx.prompt({"context": {"documents": [
		{"id": "kb-1", "text": "public FAQ", "classification": "public"},
		{"id": "hr-7", "text": "salary bands", "classification": "restricted", "source": "retrieval"},
	]}})
	some r in dh.deny with input as inp
	r.id == "data.classified_to_cloud_model"
	r.evidence == [{"field": "context.documents[1].text", "start": 0, "end": 12, "type": "restricted"}]
}

test_unclassified_document_follows_context if {
	inp := fx.prompt({"context": {"documents": [{"text": "no label"}, {"text": "empty label", "classification": ""}]}})
	count(all_reasons(inp)) == 0
}

test_unknown_classification_is_most_sensitive if {
	ids(dh.deny) == {"data.classified_to_cloud_model"} with input as fx.prompt({"context": {"classification": "top-secret"}})
	dh.level("top-secret") == 3
}

test_missing_classification_uses_default if {
	inp := fx.prompt({"context": {"classification": ""}})
	dh.context_classification == "internal" with input as inp
	dh.context_classification == "internal" with input as object.remove(fx.base, ["context"])
	dh.context_classification == "confidential" with input as fx.prompt(confidential)
	ids(dh.deny) == {"data.classified_to_cloud_model"} with input as inp with data.parapet.config.classification.default as "confidential"
}

test_max_cloud_level_from_config if {
	count(dh.deny) == 0 with input as fx.prompt(confidential) with data.parapet.config.classification.max_cloud as "confidential"
	ids(dh.deny) == {"data.classified_to_cloud_model"} with input as fx.base with data.parapet.config.classification.max_cloud as "public"
}

test_classification_not_judged_in_response_phase if {
	count(all_reasons(fx.response({"content": "ok"}, confidential))) == 0
}

# --- routing --------------------------------------------------------------

test_no_route_by_default if {
	dh.route == {} with input as fx.prompt(confidential)
}

test_confidential_routed_on_prem_when_configured if {
	inp := fx.prompt(object.union(fx.model("deepseek-r1"), confidential))
	reasons := all_reasons(inp) with data.parapet.config.routes.confidential as "deepseek-r1-onprem"
	ids(reasons) == {"data.classified_routed_on_prem"}
	dh.route == {"model": "deepseek-r1-onprem"} with input as inp with data.parapet.config.routes.confidential as "deepseek-r1-onprem"
	dh.notice == {"This request contained confidential data and was answered by the on-prem model deepseek-r1-onprem instead of deepseek-r1."} with input as inp with data.parapet.config.routes.confidential as "deepseek-r1-onprem"
}

test_route_only_for_classified_cloud_calls if {
	dh.route == {} with input as fx.base with data.parapet.config.routes.confidential as "deepseek-r1-onprem"
	dh.route == {} with input as fx.prompt(object.union(fx.model("llama-3.1-8b-onprem"), confidential)) with data.parapet.config.routes.confidential as "deepseek-r1-onprem"
}

test_route_to_cloud_model_is_ignored if {
	inp := fx.prompt(confidential)
	ids(dh.deny) == {"data.classified_to_cloud_model"} with input as inp with data.parapet.config.routes.confidential as "claude-sonnet-4"
	dh.route == {} with input as inp with data.parapet.config.routes.confidential as "claude-sonnet-4"
}

test_routed_prompt_is_not_redacted if {
	inp := fx.prompt(object.union(confidential, fx.with_findings([fx.pii("EMAIL_ADDRESS", "messages[1].content", "user")])))
	ids(all_reasons(inp)) == {"data.classified_routed_on_prem"} with data.parapet.config.routes.confidential as "deepseek-r1-onprem"
	dh.effective_model == "deepseek-r1-onprem" with input as inp with data.parapet.config.routes.confidential as "deepseek-r1-onprem"
}

# --- secrets --------------------------------------------------------------

test_secret_in_user_message_denied if {
	reasons := dh.deny with input as fx.fixtures.secret_in_prompt
	ids(reasons) == {"data.secret_in_prompt"}
	some r in reasons
	r.severity == "critical"
	r.evidence == [{"field": "messages[1].content", "start": 0, "end": 20, "type": "AWS_ACCESS_KEY_ID"}]
}

test_secret_in_any_message_or_document_denied if {
	every f in [
		fx.secret("PRIVATE_KEY", "messages[0].content", "system"),
		fx.secret("GITHUB_TOKEN", "messages[2].content", "assistant"),
		fx.secret("GENERIC_SECRET", "messages[3].content", "tool"),
		fx.secret("AWS_ACCESS_KEY_ID", "context.documents[0].text", "document"),
		fx.secret("GENERIC_SECRET", "context.documents[1].text", "tool"),
	] {
		ids(dh.deny) == {"data.secret_in_prompt"} with input as fx.prompt(fx.with_findings([f]))
	}
}

test_secret_denied_for_on_prem_models_too if {
	inp := object.union(fx.fixtures.secret_in_prompt, fx.model("llama-3.1-8b-onprem"))
	ids(dh.deny) == {"data.secret_in_prompt"} with input as inp
}

test_secret_message_lists_types if {
	inp := fx.prompt(fx.with_findings([
		fx.secret("PRIVATE_KEY", "messages[1].content", "user"),
		fx.secret("GITHUB_TOKEN", "messages[0].content", "system"),
	]))
	some r in dh.deny with input as inp
	r.message == "prompt contains secrets or credentials (GITHUB_TOKEN, PRIVATE_KEY)"
	count(r.evidence) == 2
}

test_secret_in_prompt_not_rejudged_in_response_phase if {
	inp := fx.response({"content": "ok"}, fx.with_findings([fx.secret("PRIVATE_KEY", "messages[1].content", "user")]))
	count(dh.deny) == 0 with input as inp
}

# --- personal data --------------------------------------------------------

test_pii_redacted_before_cloud_model if {
	reasons := dh.redact with input as fx.fixtures.pii_to_cloud
	ids(reasons) == {"data.pii_to_cloud_model"}
	some r in reasons
	r.evidence == [{"field": "messages[1].content", "start": 3, "end": 12, "type": "EMAIL_ADDRESS"}]
	r.message == "personal data (EMAIL_ADDRESS) redacted before cloud model gpt-4o"
}

test_pii_in_documents_redacted if {
	inp := fx.prompt(fx.with_findings([
		fx.pii("US_SSN", "context.documents[0].text", "document"),
		fx.pii("PERSON", "messages[1].content", "user"),
	]))
	some r in dh.redact with input as inp
	{e.field | some e in r.evidence} == {"context.documents[0].text", "messages[1].content"}
}

test_pii_not_redacted_for_on_prem_model if {
	inp := object.union(fx.fixtures.pii_to_cloud, fx.model("deepseek-r1-onprem"))
	count(dh.redact) == 0 with input as inp
}

test_pii_redacted_for_unknown_model if {
	inp := object.union(fx.fixtures.pii_to_cloud, fx.model("mystery-llm"))
	ids(dh.redact) == {"data.pii_to_cloud_model"} with input as inp
}

test_pii_types_come_from_config if {
	inp := fx.prompt(fx.with_findings([
		fx.pii("DATE_TIME", "messages[1].content", "user"),
		fx.pii("LOCATION", "messages[1].content", "user"),
	]))
	count(dh.redact) == 0 with input as inp
	ids(dh.redact) == {"data.pii_to_cloud_model"} with input as inp with data.parapet.config.pii.redact_before_cloud as ["LOCATION"]
}

test_pii_category_required if {
	f := object.union(fx.pii("EMAIL_ADDRESS", "messages[1].content", "user"), {"category": "url"})
	count(dh.redact) == 0 with input as fx.prompt(fx.with_findings([f]))
}

test_response_pii_not_redacted_in_prompt_phase_rules if {
	inp := fx.response({"content": "mail me at a@b.c"}, fx.with_findings([fx.pii("EMAIL_ADDRESS", "response.content", "response")]))
	count(dh.redact) == 0 with input as inp
	count(dh.redact) == 0 with input as object.union(inp, {"phase": "prompt"})
}

test_unknown_classification_allowed_when_max_cloud_is_the_top_level if {
	inp := fx.prompt({"context": {"classification": "top-secret"}})
	count(all_reasons(inp)) == 0 with data.parapet.config.classification.max_cloud as "restricted"
}

# --- attachments no detector reads ---------------------------------------------

with_attachments := fx.prompt({"attachments": [
	{"type": "image", "field": "messages[1].content[1]", "media_type": "image/png", "source": "inline", "bytes": 5120},
	{"type": "file", "field": "messages[1].content[2]", "media_type": "", "source": "file", "bytes": 0},
]})

test_attachments_warn_by_default if {
	reasons := dh.warn with input as with_attachments
	ids(reasons) == {"data.unchecked_attachment"}
	some r in reasons
	r.message == "2 attachment(s) cannot be checked for secrets, personal data or injection: image (image/png), file"
	r.evidence == [
		{"field": "attachments[0]", "start": 0, "end": 0, "type": "image"},
		{"field": "attachments[1]", "start": 0, "end": 0, "type": "file"},
	]
	count(dh.deny) == 0 with input as with_attachments
	count(all_reasons(fx.base)) == 0
}

test_attachment_effect_per_type if {
	cfg := {"effect": "warn", "types": {"file": "deny"}}
	denied := dh.deny with input as with_attachments with data.parapet.config.attachments as cfg
	[r] := [r | some r in denied]
	r.id == "data.unchecked_attachment"
	r.evidence == [{"field": "attachments[1]", "start": 0, "end": 0, "type": "file"}]
	warned := dh.warn with input as with_attachments with data.parapet.config.attachments as cfg
	[w] := [w | some w in warned]
	w.evidence == [{"field": "attachments[0]", "start": 0, "end": 0, "type": "image"}]
}

test_attachment_effect_review_and_off if {
	ids(dh.review) == {"data.unchecked_attachment"} with input as with_attachments with data.parapet.config.attachments as {"effect": "review"}
	count(all_reasons(with_attachments)) == 0 with data.parapet.config.attachments as {"effect": "allow"}
}

test_attachments_only_in_the_prompt_phase if {
	inp := object.union(with_attachments, {"phase": "response", "response": {"content": "ok", "reasoning": ""}})
	count(dh.warn) == 0 with input as inp
}
