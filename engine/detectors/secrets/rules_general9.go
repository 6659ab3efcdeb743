package secrets

// Rules written after the general9 set's misses were read (once its blind
// read was done): formats of tools an agent sees in files and terminals
// (FileZilla site exports, Redis ACL files, secrets piped into a
// container engine) and Notion's current token prefix. Formats are from
// each tool's public documentation; the patterns are Parapet's own.
var general9Rules = []ruleDef{
	// Notion integration tokens since 2024 start with ntn_
	// (https://developers.notion.com/docs/authorization).
	with(own("NOTION_TOKEN_NTN", "A Notion integration token (ntn_ and about 46 characters).",
		`\b(ntn_[A-Za-z0-9]{40,60})`+tokenEnd, "ntn_"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return hasDigitAndLetter(v[4:]) && shannon(v[4:]) > 3.5 }
		r.Type = "NOTION_API_TOKEN"
		r.Score = 0.85
	}),
	// FileZilla's sitemanager.xml and recentservers.xml keep the password
	// base64-encoded: <Pass encoding="base64">…</Pass>.
	with(own("FILEZILLA_PASSWORD", "A password in a FileZilla site export (<Pass encoding=\"base64\">…</Pass>, or plain <Pass>).",
		`<Pass(?: encoding="base64")?>([^<\s]{3,256})</Pass>`, "<pass encoding=\"base64\">", "<pass>"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
		r.Type = idPassword
		r.Score = 0.75
	}),
	// Redis ACL rules: "user NAME on >password ~keys +@cmds" in users.acl
	// or ACL SETUSER (https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/).
	with(own("REDIS_ACL_PASSWORD", "A password in a Redis ACL rule (user NAME … >password, ACL SETUSER).",
		`(?im)^[ \t]*(?:acl[ \t]+setuser|user)[ \t]+[^\s]{1,64}(?:[ \t]+[^\s>]{1,40}){0,6}[ \t]+>([^\s]{3,128})`, " on >"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
		r.Type = idPassword
		r.Score = 0.7
	}),
	// A secret piped into a container engine's secret store: printf '%s'
	// 'x' | docker secret create NAME -, echo x | podman secret create.
	with(own("PIPED_CONTAINER_SECRET", "A secret piped into docker or podman secret create (printf '%s' 'x' | docker secret create NAME -).",
		`(?:\becho[ \t]+(?:-n[ \t]+)?|\bprintf[ \t]+(?:["']%s(?:\\n)?["'][ \t]+)?)["']?([^\s"'|$]{3,128})["']?[ \t]*\|[ \t]*(?:sudo[ \t]+)?(?:docker|podman)[ \t]+secret[ \t]+create`,
		"| docker secret create", "|docker secret create", "| podman secret create", "|podman secret create", "| sudo docker secret create"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) && v != "-" }
		r.Type = idPassword
		r.Score = 0.7
	}),
	// KeePass XML exports: <String><Key>Password</Key><Value
	// ProtectInMemory="True">…</Value></String> (unprotected export).
	with(own("KEEPASS_XML_PASSWORD", "A password in a KeePass XML export (<Key>Password</Key><Value …>x</Value>).",
		`<Key>Password</Key>\s*<Value(?:\s+ProtectInMemory="True")?>([^<]{3,256})</Value>`, "<key>password</key>"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
		r.Type = idPassword
		r.Score = 0.8
	}),
}
