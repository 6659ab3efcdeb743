package parapet.main

emails := [{"field": f.field, "start": f.start, "end": f.end, "type": f.type} |
	some f in input.analysis.findings
	f.type == "EMAIL_ADDRESS"
]

cloud if not input.resource.model in data.parapet.config.on_prem

deny contains {
	"id": "data.email_to_cloud", "effect": "deny", "message": "email addresses may not go to a cloud model",
	"severity": "high", "controls": ["OWASP-LLM02"], "evidence": emails,
} if {
	count(emails) > 0
	cloud
}

deny contains {
	"id": "use.gambling", "effect": "deny", "message": "gambling is not an approved purpose",
	"severity": "medium", "controls": ["OWASP-LLM06"], "evidence": [],
} if input.purpose == "gambling"

redact contains {
	"id": "data.email_redacted", "effect": "redact", "message": "email addresses redacted",
	"severity": "medium", "controls": ["OWASP-LLM02"], "evidence": emails,
} if {
	count(emails) > 0
	not cloud
}

reasons := array.concat([r | some r in deny], [r | some r in redact])

effect := "deny" if count(deny) > 0

else := "redact" if count(redact) > 0

else := "allow"

decision := {"effect": effect, "reasons": reasons, "obligations": {"redact": emails}, "route": {}}
