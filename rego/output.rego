# METADATA
# title: Model output
# description: >-
#   What the caller may see of the model's answer: secrets deny the
#   response, personal data is redacted, canary leaks and suspicious URLs
#   warn, and reasoning is stripped for callers not entitled to it. Findings
#   count only when they are in response.content or response.reasoning.
package parapet.output

import data.parapet.config
import data.parapet.lib

# Performance: every reason rule starts with the phase test, so that the
# rule index skips them in the prompt phase; evidence objects are built in
# place rather than with lib.evidence.

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
	input.phase == "response"
	"pii" in categories
	pii_evidence[0]
}

leak_evidence := evidence_of("leak")

# Canary tokens or system prompt text in the answer. A warning for now, so
# that detectors can be tuned on live traffic; raise to deny in a tenant
# bundle once they are trusted.
warn contains {
	"id": "output.system_prompt_leak",
	"effect": "warn",
	"severity": "high",
	"controls": ["OWASP-LLM07", "NIST-AI-600-1:information-security"],
	"message": sprintf("response may reveal the system prompt or planted canaries (%s)", [types_of(leak_evidence)]),
	"evidence": leak_evidence,
} if {
	input.phase == "response"
	"leak" in categories
	leak_evidence[0]
}

url_evidence := evidence_of("url")

# Links and markdown images in the answer: a channel for exfiltration
# (an image URL carrying data) and for hallucinated links.
warn contains {
	"id": "output.suspicious_url",
	"effect": "warn",
	"severity": "medium",
	"controls": ["OWASP-LLM05", "OWASP-LLM09", "NIST-AI-600-1:information-integrity"],
	"message": sprintf("response contains suspicious links (%s)", [types_of(url_evidence)]),
	"evidence": url_evidence,
} if {
	input.phase == "response"
	"url" in categories
	url_evidence[0]
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

produces_reasoning if lib.model.reasoning == true

produces_reasoning if input.response.reasoning != ""
