package parapet.main

emails := [{"field": f.field, "start": f.start, "end": f.end, "type": f.type} |
	some f in input.analysis.findings
	f.type == "EMAIL_ADDRESS"
]

redact contains {
	"id": "data.email_redacted", "effect": "redact", "message": "email addresses redacted",
	"severity": "medium", "controls": ["OWASP-LLM02"], "evidence": emails,
} if count(emails) > 0

reasons := [r | some r in redact]

effect := "redact" if count(redact) > 0

else := "allow"

decision := {"effect": effect, "reasons": reasons, "obligations": {"redact": emails}, "route": {}}
