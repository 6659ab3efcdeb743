package parapet.output_test

import data.parapet.fixtures_test as fx
import data.parapet.output

ids(reasons) := {r.id | some r in reasons}

all_reasons(inp) := r if {
	r := (output.deny | output.redact) | output.warn with input as inp
}

test_clean_response_has_no_reasons if {
	count(all_reasons(fx.response({"content": "All good."}, {}))) == 0
}

test_secret_in_response_denied if {
	reasons := output.deny with input as fx.fixtures.secret_in_response
	ids(reasons) == {"output.secret_in_response"}
	some r in reasons
	r.message == "response contains secrets or credentials (AWS_ACCESS_KEY_ID)"
	r.evidence == [{"field": "response.content", "start": 0, "end": 20, "type": "AWS_ACCESS_KEY_ID"}]
}

test_secret_in_reasoning_denied if {
	inp := fx.response({"content": "ok", "reasoning": "the key is ..."}, fx.with_findings([fx.secret("PRIVATE_KEY", "response.reasoning", "reasoning")]))
	ids(output.deny) == {"output.secret_in_response"} with input as inp
}

test_prompt_secret_is_not_an_output_reason if {
	inp := fx.response({"content": "ok"}, fx.with_findings([fx.secret("PRIVATE_KEY", "messages[1].content", "user")]))
	count(all_reasons(inp)) == 0
}

test_output_rules_need_response_phase if {
	inp := object.union(fx.fixtures.secret_in_response, {"phase": "prompt"})
	count(all_reasons(inp)) == 0
}

test_pii_in_response_redacted if {
	reasons := output.redact with input as fx.fixtures.pii_in_response
	ids(reasons) == {"output.pii_in_response"}
	some r in reasons
	r.evidence == [{"field": "response.content", "start": 3, "end": 12, "type": "PHONE_NUMBER"}]
}

test_pii_in_reasoning_redacted if {
	inp := fx.response({"content": "ok", "reasoning": "SSN 078-05-1120"}, fx.with_findings([fx.pii("US_SSN", "response.reasoning", "reasoning")]))
	ids(output.redact) == {"output.pii_in_response"} with input as inp
}

test_response_pii_types_come_from_config if {
	inp := fx.response({"content": "Ada Lovelace"}, fx.with_findings([fx.pii("PERSON", "response.content", "response")]))
	count(output.redact) == 0 with input as inp
	ids(output.redact) == {"output.pii_in_response"} with input as inp with data.parapet.config.pii.redact_in_response as ["PERSON"]
}

test_leak_warns if {
	reasons := output.warn with input as fx.fixtures.leak_in_response
	ids(reasons) == {"output.system_prompt_leak"}
	some r in reasons
	r.controls[0] == "OWASP-LLM07"
	r.message == "response repeats 30% of the system prompt verbatim"
	r.evidence == [{"field": "response.content", "start": 17, "end": 53, "type": "SYSTEM_PROMPT_LEAK"}]
	count(output.deny) == 0 with input as fx.fixtures.leak_in_response
}

test_large_leak_denied if {
	inp := fx.fixtures.leak_in_response
	count(output.warn) == 0 with input as inp with data.parapet.config.output.system_prompt_leak_deny as 0.3
	reasons := output.deny with input as inp with data.parapet.config.output.system_prompt_leak_deny as 0.3
	ids(reasons) == {"output.system_prompt_leak"}
	some r in reasons
	r.message == "response repeats 30% of the system prompt verbatim (limit 30%)"
}

test_canary_denied if {
	reasons := output.deny with input as fx.fixtures.canary_in_response
	ids(reasons) == {"output.canary_leak"}
	some r in reasons
	r.evidence == [{"field": "response.content", "start": 6, "end": 25, "type": "CANARY_TOKEN"}]
	count(output.warn) == 0 with input as fx.fixtures.canary_in_response
}

test_canary_in_prompt_is_not_an_output_reason if {
	inp := fx.response({"content": "ok"}, fx.with_findings([fx.finding("leak", "CANARY_TOKEN", "messages[0].content", "system", 0, 5)]))
	count(all_reasons(inp)) == 0
}

test_external_image_warns if {
	reasons := output.warn with input as fx.fixtures.url_in_response
	ids(reasons) == {"output.suspicious_url"}
	some r in reasons
	r.message == "response links or embeds content from hosts not on the allowlist (evil.example)"
	count(output.deny) == 0 with input as fx.fixtures.url_in_response
}

test_data_carrying_image_denied if {
	reasons := output.deny with input as fx.fixtures.image_exfiltration
	ids(reasons) == {"output.image_exfiltration"}
	some r in reasons
	r.evidence == [{"field": "response.content", "start": 5, "end": 33, "type": "MARKDOWN_IMAGE"}]
	count(output.warn) == 0 with input as fx.fixtures.image_exfiltration
}

test_allowlisted_hosts_pass if {
	inp := fx.fixtures.image_exfiltration
	count(all_reasons(inp)) == 0 with data.parapet.config.output.allowed_domains as ["example"]
	count(all_reasons(inp)) == 0 with data.parapet.config.output.allowed_domains as ["Evil.Example"]
	ids(output.deny) == {"output.image_exfiltration"} with input as inp with data.parapet.config.output.allowed_domains as ["vil.example"]
}

link(url, score) := fx.response({"content": sprintf("[docs](%s)", [url])}, fx.with_findings([object.union(
	fx.finding("url", "MARKDOWN_LINK", "response.content", "response", 7, 7 + count(url)),
	{"score": score},
)]))

test_links if {
	# A plain link warns only when unlisted links are to be flagged.
	count(all_reasons(link("https://other.example/page", 0.5))) == 0
	ids(output.warn) == {"output.suspicious_url"} with input as link("https://other.example/page", 0.5)
		with data.parapet.config.output.warn_unlisted_links as true
	count(output.warn) == 0 with input as link("https://docs.acme.example/page", 0.5)
		with data.parapet.config.output.warn_unlisted_links as true
		with data.parapet.config.output.allowed_domains as ["acme.example"]

	# A link that carries data warns.
	ids(output.warn) == {"output.suspicious_url"} with input as link("https://u:p@[2001:db8::1]:8443/x?d=c2VjcmV0", 0.8)
	some r in output.warn with input as link("https://u:p@[2001:db8::1]:8443/x?d=c2VjcmV0", 0.8)
	r.message == "response links or embeds content from hosts not on the allowlist ([2001:db8::1])"
	some r2 in output.warn with input as link("//cdn.other.example/x?d=1", 0.8)
	r2.message == "response links or embeds content from hosts not on the allowlist (cdn.other.example)"
}

test_ungrounded_url_warns if {
	reasons := output.warn with input as fx.fixtures.ungrounded_url
	ids(reasons) == {"output.ungrounded_url"}
	some r in reasons
	r.message == "response cites links found in no supplied document (docs.example.com)"
}

test_ungrounded_answer_warns if {
	reasons := output.warn with input as fx.fixtures.ungrounded_answer
	ids(reasons) == {"output.ungrounded_answer"}
	some r in reasons
	r.message == "the supplied documents support 25% of the response (minimum 50%)"
	r.evidence == [{"field": "response.content", "start": 22, "end": 39, "type": "UNSUPPORTED_SENTENCE"}]
	count(output.warn) == 0 with input as fx.fixtures.ungrounded_answer with data.parapet.config.output.grounding_min as 0.2
}

test_canary_planted_when_configured if {
	not output.plant_canary with input as fx.base
	output.plant_canary with input as fx.base with data.parapet.config.output.canary as true
	not output.plant_canary with input as fx.prompt({"messages": [{"role": "user", "content": "hi"}]}) with data.parapet.config.output.canary as true
	not output.plant_canary with input as fx.response({"content": "ok"}, {}) with data.parapet.config.output.canary as true
}

# --- reasoning ------------------------------------------------------------

test_reasoning_stripped_for_roles_without_access if {
	output.strip_reasoning with input as fx.prompt(fx.model("deepseek-r1"))
	output.strip_reasoning with input as fx.prompt(fx.model("deepseek-r1-onprem"))
	output.strip_reasoning with input as fx.fixtures.reasoning_stripped
}

test_reasoning_kept_for_developer_and_admin if {
	not output.strip_reasoning with input as fx.prompt(object.union(fx.model("deepseek-r1"), fx.roles(["developer", "analyst", "employee"])))
	not output.strip_reasoning with input as object.union(fx.fixtures.reasoning_stripped, fx.roles(["admin"]))
}

test_subject_roles_alone_do_not_unlock_reasoning if {
	inp := fx.prompt(object.union(fx.model("deepseek-r1"), {"subject": {"id": "mallory", "roles": ["admin"]}}))
	output.strip_reasoning with input as inp
}

test_non_reasoning_model_not_stripped if {
	not output.strip_reasoning with input as fx.base
	not output.strip_reasoning with input as fx.response({"content": "ok"}, {})
	not output.strip_reasoning with input as fx.response({"content": "ok", "reasoning": ""}, {})
}

test_reasoning_text_stripped_even_for_non_reasoning_model if {
	output.strip_reasoning with input as fx.response({"content": "ok", "reasoning": "hmm"}, {})
}

test_unknown_model_reasoning_stripped if {
	output.strip_reasoning with input as fx.prompt(fx.model("mystery-llm"))
}

test_reasoning_roles_from_config if {
	not output.strip_reasoning with input as fx.prompt(fx.model("deepseek-r1")) with data.parapet.config.reasoning.visible_to_roles as ["analyst"]
}

test_restricted_topic_in_response_warns_by_default if {
	reasons := output.warn with input as fx.fixtures.restricted_topic_in_response
	ids(reasons) == {"output.restricted_topic"}
	some r in reasons
	r.message == "the response discusses a topic the system prompt rules out (1 place)"
	r.evidence == [{"field": "response.content", "start": 0, "end": 8, "type": "RESTRICTED_TOPIC"}]
}

test_restricted_topic_in_response_effect_from_config if {
	ids(output.deny) == {"output.restricted_topic"} with input as fx.fixtures.restricted_topic_in_response with data.parapet.config.scope.response_effect as "deny"
	ids(output.review) == {"output.restricted_topic"} with input as fx.fixtures.restricted_topic_in_response with data.parapet.config.scope.response_effect as "review"
	count(all_reasons(fx.fixtures.restricted_topic_in_response)) == 0 with data.parapet.config.scope.response_effect as "allow"
}

test_restricted_topic_in_prompt_is_not_an_output_reason if {
	count(all_reasons(object.union(fx.fixtures.restricted_topic, {"phase": "response", "response": {"content": "ok"}}))) == 0
}

test_denied_topic_in_response_warns_by_default if {
	reasons := output.warn with input as fx.fixtures.denied_topic_in_response
	ids(reasons) == {"output.denied_topic"}
	some r in reasons
	r.message == "the response discusses a topic this policy rules out (politics)"
	ids(output.review) == {"output.denied_topic"} with input as fx.fixtures.denied_topic_in_response with data.parapet.config.scope.topics_effect as "review"
	ids(output.deny) == {"output.denied_topic"} with input as fx.fixtures.denied_topic_in_response with data.parapet.config.scope.topics_effect as "deny"
	count(all_reasons(fx.fixtures.denied_topic_in_response)) == 0 with data.parapet.config.scope.topics_effect as "allow"
}
