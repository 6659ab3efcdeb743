# METADATA
# title: Acceptable use
# description: >-
#   Prompt injection and jailbreaks (direct, from the caller's messages, and
#   indirect, from retrieved documents and tool output), questions about
#   topics the system prompt or the policy rules out, and prompt size.
#   Prompt phase only: in the response phase the same messages come back
#   and were already judged.
package parapet.acceptable_use

import data.parapet.config
import data.parapet.lib

thresholds := config.thresholds

# "direct" or "indirect" for a finding source. Sources the config does not
# name get the stricter, indirect threshold.
source_kind(src) := object.get(config.injection_sources, src, "indirect")

# (An else chain, not one definition per kind: see the speed note in
# lib.rego.)
deny_threshold(kind) := thresholds.injection_deny if {
	kind == "direct"
} else := thresholds.injection_indirect_deny if {
	kind == "indirect"
}

# Performance: most prompts score below every threshold. injection_flagged
# settles that in one pass over the scores, against the lowest configured
# threshold, so that the rules below only run when a source might deny or
# warn. (It is a lower bound only: the rules below decide.) The reason rules
# test it before their phase, as they test prompt_chars: the rule index
# skips them in the response phase on the phase test wherever it stands, so
# in the prompt phase that test always holds and is best left for last.
lowest_threshold := min([t.injection_deny, t.injection_indirect_deny, t.injection_warn]) if {
	t := config.thresholds
} else := min({x |
	# Some threshold is missing (the config check denies): the others count.
	some name in ["injection_deny", "injection_indirect_deny", "injection_warn"]
	x := config.thresholds[name]
})

# (No phase test here: the rules that read it test the phase first.)
injection_flagged if {
	floor := lowest_threshold
	some s in input.analysis.injection.by_source
	s >= floor
}

# Sources at or above the deny threshold of their kind, by the injection
# scores the detectors report per source. The score test comes first: a
# source that scores low needs no lookup of its kind.
denied_direct contains src if {
	input.phase == "prompt"
	t := thresholds.injection_deny
	some src, s in input.analysis.injection.by_source
	s >= t
	source_kind(src) == "direct"
}

denied_indirect contains src if {
	input.phase == "prompt"
	t := thresholds.injection_indirect_deny
	some src, s in input.analysis.injection.by_source
	s >= t
	source_kind(src) == "indirect"
}

# Sources between the warn threshold and the deny threshold of their kind.
warned_sources contains src if {
	input.phase == "prompt"
	t := thresholds.injection_warn
	some src, s in input.analysis.injection.by_source
	s >= t
	s < deny_threshold(source_kind(src))
}

max_score(srcs) := max({input.analysis.injection.by_source[src] | some src in srcs})

# Injection findings (spans, when the detector reports them) from the given
# sources scoring at_least or more, as evidence.
injection_evidence(srcs, at_least) := sort({{"field": f.field, "start": f.start, "end": f.end, "type": f.type} |
	some f in input.analysis.findings
	f.category == "injection"
	f.source in srcs
	f.score >= at_least
	not object.get(f, "source", "") in {"response", "reasoning"}
})

# Scores in messages, to two decimals ("%.2f" would print an integer score
# of 1 as "%!f(int64=1)").
two_dp(x) := round(x * 100) / 100

deny contains {
	"id": "use.prompt_injection",
	"effect": "deny",
	"severity": "critical",
	"controls": ["OWASP-LLM01", "NIST-AI-600-1:information-security"],
	"message": sprintf(
		"prompt injection or jailbreak attempt in %s content (score %v, threshold %v)",
		[lib.join_set(srcs), two_dp(max_score(srcs)), thresholds.injection_deny],
	),
	"evidence": ev,
} if {
	injection_flagged
	input.phase == "prompt"
	count(denied_direct) > 0
	srcs := denied_direct
	ev := injection_evidence(srcs, thresholds.injection_deny)
}

deny contains {
	"id": "use.indirect_prompt_injection",
	"effect": "deny",
	"severity": "high",
	"controls": ["OWASP-LLM01", "OWASP-LLM06", "NIST-AI-600-1:information-security"],
	"message": sprintf(
		"instructions injected through %s content (score %v, threshold %v)",
		[lib.join_set(srcs), two_dp(max_score(srcs)), thresholds.injection_indirect_deny],
	),
	"evidence": ev,
} if {
	injection_flagged
	input.phase == "prompt"
	count(denied_indirect) > 0
	srcs := denied_indirect
	ev := injection_evidence(srcs, thresholds.injection_indirect_deny)
}

warn contains {
	"id": "use.prompt_injection_suspected",
	"effect": "warn",
	"severity": "medium",
	"controls": ["OWASP-LLM01", "NIST-AI-600-1:information-security"],
	"message": sprintf(
		"possible prompt injection in %s content (score %v, warn threshold %v)",
		[lib.join_set(warned_sources), two_dp(max_score(warned_sources)), thresholds.injection_warn],
	),
	"evidence": ev,
} if {
	injection_flagged
	input.phase == "prompt"
	count(warned_sources) > 0
	ev := injection_evidence(warned_sources, thresholds.injection_warn)
}

# Characters of prompt text: every message and every context document.
prompt_chars := sum([count(c) | c := input.messages[_].content]) + sum([count(t) | t := input.context.documents[_].text])

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
	prompt_chars > config.limits.max_prompt_chars
	input.phase == "prompt"
}

# --- topics the system prompt rules out --------------------------------------

# A user message asks about a topic that the request's own system or
# developer prompt forbids ("Do not discuss politics", "Under no
# circumstances should you give instructions on how to code in Python"):
# the scope detector's RESTRICTED_TOPIC findings. config.scope.prompt_effect
# picks the effect: warn (the default), review, deny, or allow (off). Prompt
# phase only; output.restricted_topic is the same for the answer.
topic_evidence := sort({{"field": f.field, "start": f.start, "end": f.end, "type": f.type} |
	some f in input.analysis.findings
	f.type == "RESTRICTED_TOPIC"
	f.source == "user"
})

topic_effect := object.get(config, ["scope", "prompt_effect"], "warn")

restricted_topic_reason(effect) := {
	"id": "use.restricted_topic",
	"effect": effect,
	"severity": "medium",
	"controls": ["OWASP-LLM01", "NIST-AI-600-1:information-integrity"],
	"message": sprintf("a user message asks about a topic the system prompt rules out (%s)", [lib.places(count(topic_evidence))]),
	"evidence": topic_evidence,
}

deny contains restricted_topic_reason("deny") if {
	lib.any_findings
	input.phase == "prompt"
	topic_effect == "deny"
	topic_evidence[0]
}

review contains restricted_topic_reason("review") if {
	lib.any_findings
	input.phase == "prompt"
	topic_effect == "review"
	topic_evidence[0]
}

warn contains restricted_topic_reason("warn") if {
	lib.any_findings
	input.phase == "prompt"
	topic_effect == "warn"
	topic_evidence[0]
}

# A user message asks about a topic the policy itself rules out for every
# request, whatever the system prompt (config.scope.topics: "politics",
# "medical advice"; the scope detector's DENIED_TOPIC findings name the
# topic). config.scope.topics_effect picks the effect: warn (the default),
# review, deny or allow. The shipped config lists no topics. The default is
# a warning because the detector reads words, not meaning: on a blind set
# it flagged about one ordinary request in seventeen (docs/detection.md);
# shadow-test a list on your own traffic before you make it deny.
denied_topic_findings := [f |
	some f in input.analysis.findings
	f.type == "DENIED_TOPIC"
	f.source == "user"
]

denied_topic_reason(effect) := {
	"id": "use.denied_topic",
	"effect": effect,
	"severity": "medium",
	"controls": ["OWASP-LLM01", "NIST-AI-600-1:information-integrity"],
	"message": sprintf("a user message asks about a topic this policy rules out (%s)", [concat(", ", sort({t | some f in denied_topic_findings; t := object.get(f, "topic", "?")}))]),
	"evidence": sort({{"field": f.field, "start": f.start, "end": f.end, "type": f.type} | some f in denied_topic_findings}),
}

denied_topic_effect := object.get(config, ["scope", "topics_effect"], "warn")

deny contains denied_topic_reason("deny") if {
	lib.any_findings
	input.phase == "prompt"
	denied_topic_effect == "deny"
	denied_topic_findings[0]
}

review contains denied_topic_reason("review") if {
	lib.any_findings
	input.phase == "prompt"
	denied_topic_effect == "review"
	denied_topic_findings[0]
}

warn contains denied_topic_reason("warn") if {
	lib.any_findings
	input.phase == "prompt"
	denied_topic_effect == "warn"
	denied_topic_findings[0]
}
