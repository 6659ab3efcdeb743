# METADATA
# title: Acceptable use
# description: >-
#   Prompt injection and jailbreaks (direct, from the caller's messages, and
#   indirect, from retrieved documents and tool output) and prompt size.
#   Prompt phase only: in the response phase the same messages come back
#   and were already judged.
package parapet.acceptable_use

import data.parapet.config
import data.parapet.lib

thresholds := config.thresholds

# "direct" or "indirect" for a finding source. Sources the config does not
# name get the stricter, indirect threshold.
source_kind(src) := object.get(config.injection_sources, src, "indirect")

deny_threshold("direct") := thresholds.injection_deny

deny_threshold("indirect") := thresholds.injection_indirect_deny

# Injection scores by source, as the detectors report them.
scores[src] := s if {
	input.phase == "prompt"
	some src, s in input.analysis.injection.by_source
}

# Sources at or above the deny threshold of their kind.
denied_sources(kind) := {src |
	some src, s in scores
	source_kind(src) == kind
	s >= deny_threshold(kind)
}

# Sources between the warn threshold and the deny threshold of their kind.
warned_sources := {src |
	some src, s in scores
	s >= thresholds.injection_warn
	s < deny_threshold(source_kind(src))
}

max_score(srcs) := max({scores[src] | some src in srcs})

# Injection findings (spans, when the detector reports them) from the given
# sources scoring at_least or more, as evidence.
injection_evidence(srcs, at_least) := sort({lib.evidence(f) |
	some f in lib.prompt_findings
	f.category == "injection"
	f.source in srcs
	f.score >= at_least
})

deny contains {
	"id": "use.prompt_injection",
	"effect": "deny",
	"severity": "critical",
	"controls": ["OWASP-LLM01", "NIST-AI-600-1:information-security"],
	"message": sprintf(
		"prompt injection or jailbreak attempt in %s content (score %.2f, threshold %.2f)",
		[lib.join_set(srcs), max_score(srcs), thresholds.injection_deny],
	),
	"evidence": injection_evidence(srcs, thresholds.injection_deny),
} if {
	srcs := denied_sources("direct")
	count(srcs) > 0
}

deny contains {
	"id": "use.indirect_prompt_injection",
	"effect": "deny",
	"severity": "high",
	"controls": ["OWASP-LLM01", "OWASP-LLM06", "NIST-AI-600-1:information-security"],
	"message": sprintf(
		"instructions injected through %s content (score %.2f, threshold %.2f)",
		[lib.join_set(srcs), max_score(srcs), thresholds.injection_indirect_deny],
	),
	"evidence": injection_evidence(srcs, thresholds.injection_indirect_deny),
} if {
	srcs := denied_sources("indirect")
	count(srcs) > 0
}

warn contains {
	"id": "use.prompt_injection_suspected",
	"effect": "warn",
	"severity": "medium",
	"controls": ["OWASP-LLM01", "NIST-AI-600-1:information-security"],
	"message": sprintf(
		"possible prompt injection in %s content (score %.2f, warn threshold %.2f)",
		[lib.join_set(warned_sources), max_score(warned_sources), thresholds.injection_warn],
	),
	"evidence": injection_evidence(warned_sources, thresholds.injection_warn),
} if {
	count(warned_sources) > 0
}

# Characters of prompt text: every message and every context document.
prompt_chars := sum([count(m.content) | some m in input.messages]) + sum([count(d.text) | some d in input.context.documents])

# Guards against unbounded consumption (cost, denial of wallet) per call;
# the engine's request size limit is the hard stop before this.
deny contains {
	"id": "use.prompt_too_large",
	"effect": "deny",
	"severity": "medium",
	"controls": ["OWASP-LLM10"],
	"message": sprintf(
		"prompt has %d characters, more than the limit of %d",
		[prompt_chars, config.limits.max_prompt_chars],
	),
	"evidence": [],
} if {
	input.phase == "prompt"
	prompt_chars > config.limits.max_prompt_chars
}
