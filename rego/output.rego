# METADATA
# title: Model output
# description: >-
#   What the caller may see of the model's answer: secrets deny the
#   response, personal data is redacted, canary leaks and data-carrying
#   images to unlisted hosts deny, system-prompt leaks, unlisted links,
#   made-up links, ungrounded answers and answers about topics the system
#   prompt or the policy rules out warn, and reasoning is stripped for
#   callers not entitled to it. Findings count only when they are in
#   response.content or response.reasoning.
package parapet.output

import data.parapet.config
import data.parapet.lib

# Performance: every reason rule tests the phase, so that the rule index
# skips them in the prompt phase. Those that look through findings test
# lib.any_findings first (most answers have none: the one failed test is
# then all they cost; the index skips them on the phase test wherever it
# stands), then the categories; evidence objects are built in place rather
# than with lib.evidence.

# Findings in the model's answer (response.content, response.reasoning).
# (The literal set is lib.response_sources: a rule reference per finding
# costs an evaluation step.)
findings := {f | some f in input.analysis.findings; f.source in {"response", "reasoning"}}

# The categories among them: each reason rule below tests its category here
# before it looks through the findings.
categories := {f.category | some f in findings}

evidence_of(category) := sort({{"field": f.field, "start": f.start, "end": f.end, "type": f.type} |
	some f in findings
	f.category == category
})

types_of(ev) := concat(", ", sort({e.type | some e in ev}))

secret_evidence := evidence_of("secret")

deny contains {
	"id": "output.secret_in_response",
	"effect": "deny",
	"severity": "critical",
	"controls": ["OWASP-LLM02", "OWASP-LLM05", "NIST-AI-600-1:information-security"],
	"message": sprintf("response contains secrets or credentials (%s)", [types_of(secret_evidence)]),
	"evidence": secret_evidence,
} if {
	lib.any_findings
	input.phase == "response"
	"secret" in categories
	secret_evidence[0]
}

pii_evidence := sort({{"field": f.field, "start": f.start, "end": f.end, "type": f.type} |
	types := config.pii.redact_in_response
	some f in findings
	f.category == "pii"
	f.type in types
})

# Redacted for good: restore is false in the response phase.
redact contains {
	"id": "output.pii_in_response",
	"effect": "redact",
	"severity": "medium",
	"controls": ["OWASP-LLM02", "NIST-AI-600-1:data-privacy"],
	"message": sprintf("personal data (%s) redacted from the response", [types_of(pii_evidence)]),
	"evidence": pii_evidence,
} if {
	lib.any_findings
	input.phase == "response"
	"pii" in categories
	pii_evidence[0]
}

# --- leakage: canaries and the system prompt --------------------------------

evidence_of_type(category, type) := sort({{"field": f.field, "start": f.start, "end": f.end, "type": f.type} |
	some f in findings
	f.category == category
	f.type == type
})

canary_evidence := evidence_of_type("leak", "CANARY_TOKEN")

# A canary planted in the system prompt (obligation canary, or the caller's
# own in context.labels.canary) came back in the answer, exactly or as a
# close variant: the model is disclosing its instructions.
deny contains {
	"id": "output.canary_leak",
	"effect": "deny",
	"severity": "critical",
	"controls": ["OWASP-LLM07", "NIST-AI-600-1:information-security"],
	"message": "response reveals the canary token planted in the system prompt",
	"evidence": canary_evidence,
} if {
	lib.any_findings
	input.phase == "response"
	"leak" in categories
	canary_evidence[0]
}

prompt_leak_evidence := evidence_of_type("leak", "SYSTEM_PROMPT_LEAK")

# The share of the system prompt the answer repeats word for word (the
# detector's score, the same on each of a field's spans).
prompt_leak_coverage := max({f.score |
	some f in findings
	f.category == "leak"
	f.type == "SYSTEM_PROMPT_LEAK"
})

# Runs of the system prompt's words in the answer: a warning, and a deny
# once they cover config.output.system_prompt_leak_deny of it.
warn contains {
	"id": "output.system_prompt_leak",
	"effect": "warn",
	"severity": "high",
	"controls": ["OWASP-LLM07", "NIST-AI-600-1:information-security"],
	"message": sprintf("response repeats %s of the system prompt verbatim", [percent(prompt_leak_coverage)]),
	"evidence": prompt_leak_evidence,
} if {
	lib.any_findings
	input.phase == "response"
	"leak" in categories
	prompt_leak_evidence[0]
	prompt_leak_coverage < config.output.system_prompt_leak_deny
}

deny contains {
	"id": "output.system_prompt_leak",
	"effect": "deny",
	"severity": "high",
	"controls": ["OWASP-LLM07", "NIST-AI-600-1:information-security"],
	"message": sprintf("response repeats %s of the system prompt verbatim (limit %s)", [percent(prompt_leak_coverage), percent(config.output.system_prompt_leak_deny)]),
	"evidence": prompt_leak_evidence,
} if {
	lib.any_findings
	input.phase == "response"
	"leak" in categories
	prompt_leak_coverage >= config.output.system_prompt_leak_deny
}

percent(x) := sprintf("%d%%", [round(x * 100)])

# --- links and images ---------------------------------------------------------

# The URL findings in the answer, each with the host the detector's span
# names. Hosts on config.output.allowed_domains (or below them) are trusted.
urls := [object.union(f, {"host": host, "allowed": allowed_host(host)}) |
	some f in findings
	f.category == "url"
	host := url_host(f)
]

url_host(f) := lower(m[0][1]) if {
	text := object.get(input.response, trim_prefix(f.field, "response."), "")
	u := substring(text, f.start, f.end - f.start)
	m := regex.find_all_string_submatch_n(`^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]+)`, u, 1)
}

default allowed_host(_) := false

allowed_host(host) if {
	some d in config.output.allowed_domains
	host == lower(d)
}

allowed_host(host) if {
	some d in config.output.allowed_domains
	endswith(host, concat("", [".", lower(d)]))
}

url_evidence(list) := [{"field": u.field, "start": u.start, "end": u.end, "type": u.type} | some u in list]

hosts_of(list) := concat(", ", sort({u.host | some u in list}))

# A markdown or HTML image whose URL carries data (a query string, an
# encoded path) to a host not on the allowlist: the client fetches it as
# soon as it renders the answer, which sends the data out. Denied.
exfil_images := [u |
	some u in urls
	u.type == "MARKDOWN_IMAGE"
	not u.allowed
	u.score >= 0.9
]

deny contains {
	"id": "output.image_exfiltration",
	"effect": "deny",
	"severity": "critical",
	"controls": ["OWASP-LLM02", "OWASP-LLM05", "NIST-AI-600-1:information-security"],
	"message": sprintf("response embeds images that would send data to hosts not on the allowlist (%s)", [hosts_of(exfil_images)]),
	"evidence": ev,
} if {
	lib.any_findings
	input.phase == "response"
	"url" in categories
	exfil_images[0]
	ev := url_evidence(exfil_images)
}

# Other images from hosts not on the allowlist, links that carry data to
# them and, when config.output.warn_unlisted_links is set, any link to
# them: warnings.
suspicious_urls := [u |
	some u in urls
	not u.allowed
	suspicious(u)
]

suspicious(u) if {
	u.type == "MARKDOWN_IMAGE"
	u.score < 0.9
}

suspicious(u) if {
	u.type == "MARKDOWN_LINK"
	u.score >= 0.8
}

suspicious(u) if {
	u.type == "MARKDOWN_LINK"
	config.output.warn_unlisted_links == true
}

warn contains {
	"id": "output.suspicious_url",
	"effect": "warn",
	"severity": "medium",
	"controls": ["OWASP-LLM05", "NIST-AI-600-1:information-security"],
	"message": sprintf("response links or embeds content from hosts not on the allowlist (%s)", [hosts_of(suspicious_urls)]),
	"evidence": ev,
} if {
	lib.any_findings
	input.phase == "response"
	"url" in categories
	suspicious_urls[0]
	ev := url_evidence(suspicious_urls)
}

# --- grounding ------------------------------------------------------------------

ungrounded_urls := [u | some u in urls; u.type == "UNGROUNDED_URL"]

# Links in an answer given documents that appear in none of them nor in
# the prompt: likely made up.
warn contains {
	"id": "output.ungrounded_url",
	"effect": "warn",
	"severity": "medium",
	"controls": ["OWASP-LLM09", "NIST-AI-600-1:confabulation"],
	"message": sprintf("response cites links found in no supplied document (%s)", [hosts_of(ungrounded_urls)]),
	"evidence": ev,
} if {
	lib.any_findings
	input.phase == "response"
	"url" in categories
	ungrounded_urls[0]
	ev := url_evidence(ungrounded_urls)
}

# An answer given documents whose sentences they mostly do not support
# (input.analysis.grounding: the mean support, present only when documents
# were supplied).
warn contains {
	"id": "output.ungrounded_answer",
	"effect": "warn",
	"severity": "medium",
	"controls": ["OWASP-LLM09", "NIST-AI-600-1:confabulation"],
	"message": sprintf("the supplied documents support %s of the response (minimum %s)", [percent(score), percent(config.output.grounding_min)]),
	"evidence": ev,
} if {
	input.phase == "response"
	score := input.analysis.grounding.score
	score < config.output.grounding_min
	ev := evidence_of_type("grounding", "UNSUPPORTED_SENTENCE")
}

# --- topics the system prompt rules out ---------------------------------------

# The answer discusses a topic that the request's system or developer prompt
# forbids (the scope detector's RESTRICTED_TOPIC findings; refusals that
# name the topic do not count): the model did what it was told not to, often
# the sign of a jailbreak that worked. config.scope.response_effect picks the
# effect: warn (the default), review, deny, or allow (off).
topic_evidence := sort({{"field": f.field, "start": f.start, "end": f.end, "type": f.type} |
	some f in findings
	f.type == "RESTRICTED_TOPIC"
})

topic_effect := object.get(config, ["scope", "response_effect"], "warn")

restricted_topic_reason(effect) := {
	"id": "output.restricted_topic",
	"effect": effect,
	"severity": "medium",
	"controls": ["OWASP-LLM01", "NIST-AI-600-1:information-integrity"],
	"message": sprintf("the response discusses a topic the system prompt rules out (%s)", [lib.places(count(topic_evidence))]),
	"evidence": topic_evidence,
}

deny contains restricted_topic_reason("deny") if {
	lib.any_findings
	input.phase == "response"
	"scope" in categories
	topic_effect == "deny"
	topic_evidence[0]
}

review contains restricted_topic_reason("review") if {
	lib.any_findings
	input.phase == "response"
	"scope" in categories
	topic_effect == "review"
	topic_evidence[0]
}

warn contains restricted_topic_reason("warn") if {
	lib.any_findings
	input.phase == "response"
	"scope" in categories
	topic_effect == "warn"
	topic_evidence[0]
}

# The answer discusses a topic the policy itself rules out for every
# request (config.scope.topics; DENIED_TOPIC findings).
# config.scope.topics_effect picks the effect, as for the prompt: warn (the
# default); deny cuts the answer.
denied_topic_findings := [f | some f in findings; f.type == "DENIED_TOPIC"]

denied_topic_reason(effect) := {
	"id": "output.denied_topic",
	"effect": effect,
	"severity": "medium",
	"controls": ["OWASP-LLM05", "NIST-AI-600-1:information-integrity"],
	"message": sprintf("the response discusses a topic this policy rules out (%s)", [concat(", ", sort({t | some f in denied_topic_findings; t := object.get(f, "topic", "?")}))]),
	"evidence": sort({{"field": f.field, "start": f.start, "end": f.end, "type": f.type} | some f in denied_topic_findings}),
}

denied_topic_effect := object.get(config, ["scope", "topics_effect"], "warn")

deny contains denied_topic_reason("deny") if {
	lib.any_findings
	input.phase == "response"
	"scope" in categories
	denied_topic_effect == "deny"
	denied_topic_findings[0]
}

review contains denied_topic_reason("review") if {
	lib.any_findings
	input.phase == "response"
	"scope" in categories
	denied_topic_effect == "review"
	denied_topic_findings[0]
}

warn contains denied_topic_reason("warn") if {
	lib.any_findings
	input.phase == "response"
	"scope" in categories
	denied_topic_effect == "warn"
	denied_topic_findings[0]
}

# --- canary obligation ------------------------------------------------------------

# Ask the engine to plant a fresh canary in the system prompt, when
# config.output.canary is on and there is a system (or developer) message
# to protect. The engine returns the token in obligations.canary; the
# connector passes it back in context.labels.canary with the response.
default plant_canary := false

plant_canary if {
	input.phase == "prompt"
	config.output.canary == true
	some m in input.messages
	m.role in {"system", "developer"}
}

# Reasoning (chain of thought) can echo the system prompt, documents and
# personal data the answer itself leaves out. Only roles in
# config.reasoning.visible_to_roles see it. Applies to catalogued reasoning
# models, to unknown models (fail safe), and to any response that carries
# reasoning text. Set in both phases so that a streaming proxy knows before
# the first token.
default strip_reasoning := false

strip_reasoning if {
	produces_reasoning
	not reasoning_visible
}

reasoning_visible if {
	visible := config.reasoning.visible_to_roles
	some r in input.access.roles
	r in visible
}

# The catalogue's reasoning models, by their lookup rather than through
# lib.model: partial evaluation unrolls the lookup and keeps only the
# reasoning models, each as a test of input.resource.model that the rule
# index settles, so other models never enter the rule.
produces_reasoning if {
	info := config.models[input.resource.model]
	info.reasoning == true
}

# Models missing from the catalogue get config.unknown_model, as in
# lib.model. (A missing model name is no model: "not x in S" does not hold
# when x is undefined, as lib.model is then undefined.)
produces_reasoning if {
	not input.resource.model in object.keys(config.models)
	config.unknown_model.reasoning == true
}

produces_reasoning if input.response.reasoning != ""
