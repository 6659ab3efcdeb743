package secrets

import "strings"

// Rules written after the general10 set's misses were read (once its
// blind read was done): network device configurations (FortiOS, Junos,
// Cisco server keys), credentials given to client calls in Lua, Perl and
// MQTT tools, and provider formats that were missing. Formats are from
// each vendor's public documentation; the patterns are Parapet's own.
var general10Rules = []ruleDef{
	// SQL INSERT statements with a password column (sqlinsert.go).
	{ID: "SQL_INSERT_PASSWORD", Type: idPassword, Desc: "A password in the password column of an SQL INSERT statement's rows (INSERT INTO t (…, password) VALUES (…, 'x')); not hashes.",
		Keywords: []string{"values (", "values("}, Scan: scanSQLInsert, Kind: kindGeneric, Score: 0.7, Source: srcParapet, License: licParapet},
	// FortiOS: "set psksecret x", "set password x" (not "set password ENC
	// …", an encrypted value).
	with(own("FORTIOS_SECRET", "A pre-shared key or password in a FortiOS configuration (set psksecret x, set password x; not ENC values).",
		`(?m)^[ \t]*set[ \t]+(?:psksecret|password|passwd)[ \t]+["']?([^\s"']{3,128})["']?[ \t]*$`,
		"set psksecret", "set password", "set passwd"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) && v != "ENC" }
		r.Type = idPassword
		r.Score = 0.7
	}),
	// Junos: "authentication plaintext-password x" (the CLI takes the
	// clear text here), "set snmp community x".
	with(own("JUNOS_PLAINTEXT_PASSWORD", "A password in a Junos configuration (plaintext-password x).",
		`\bplaintext-password[ \t]+["']?([^\s"';]{3,128})`, "plaintext-password"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
		r.Type = idPassword
		r.Score = 0.7
	}),
	with(own("JUNOS_SNMP_COMMUNITY", "An SNMP community in a Junos configuration (set snmp community x); not public or private.",
		`(?m)^[ \t]*set[ \t]+snmp[ \t]+community[ \t]+["']?([^\s"']{3,64})`, "set snmp community "), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && !equalFold(v, "public") && !equalFold(v, "private")
		}
		r.Type = idPassword
		r.Score = 0.6
	}),
	// Cisco IOS server blocks: "tacacs server X" / "radius server X" with
	// " key 0 x" (clear text) or " key 7 x" (reversible) on an indented line.
	with(own("CISCO_SERVER_KEY", "A TACACS+ or RADIUS shared secret in a Cisco server block (key 0 x, key 7 x).",
		`(?m)^[ \t]+key[ \t]+[07][ \t]+([^\s]{3,128})[ \t]*$`, "key 0 ", "key 7 "), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
		r.Type = idPassword
		r.Score = 0.65
	}),
	// A password given to a client's auth call: Lua's red:auth("x"),
	// Node's client.auth("x"), Jedis's jedis.auth("x").
	with(own("AUTH_CALL_PASSWORD", "A password given to a client's auth call (red:auth(\"x\"), client.auth(\"x\")).",
		`[.:]auth\(\s*["']([^"'\n]{6,80})["']\s*\)`, ".auth(", ":auth("), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && !obviousFake(v) && charClasses(v) >= 3
		}
		r.Type = idPassword
		r.Score = 0.7
	}),
	// Mosquitto clients take the password with -P, also on a continued
	// line.
	with(own("MOSQUITTO_PASSWORD", "A password given to mosquitto_pub or mosquitto_sub (-P x).",
		`\bmosquitto_(?:pub|sub|rr)\b(?:[^\n]|\\\n){0,300}?[ \t]-P[ \t]+['"]?(`+cliValue+`)`, "mosquitto_"), func(r *ruleDef) {
		r.Validate = notTemplate
		r.Type = idPassword
		r.Score = 0.7
	}),
	// Contentful personal access tokens (CFPAT-).
	with(own("CONTENTFUL_PAT", "A Contentful personal access token (CFPAT- and 43 characters).",
		`\b(CFPAT-[A-Za-z0-9_-]{40,50})`+tokenEnd, "cfpat-"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v[6:]) > 3.5 }
		r.Score = 0.85
	}),
	// Mercado Pago access tokens: APP_USR- (production) or TEST-, the
	// application number, a date-like group and a hex part.
	with(own("MERCADOPAGO_ACCESS_TOKEN", "A Mercado Pago access token (APP_USR- or TEST-, digits, and a hex part).",
		`\b((?:APP_USR|TEST)-\d{10,20}-\d{6}-[0-9a-f]{20,40}(?:-\d{6,12})?)\b`, "app_usr-"), func(r *ruleDef) {
		r.Score = 0.85
	}),
	// IFTTT webhook keys in maker.ifttt.com URLs.
	with(own("IFTTT_WEBHOOK_KEY", "An IFTTT webhook key in a maker.ifttt.com URL.",
		`maker\.ifttt\.com/(?:trigger/[^/\s]{1,100}/(?:json/)?with/)?key/([A-Za-z0-9_-]{20,64})`, "maker.ifttt.com"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v) > 3.5 }
		r.Score = 0.85
	}),
	// WeCom (WeChat Work) group robot webhooks: the key is the credential.
	with(own("WECOM_WEBHOOK_KEY", "A WeCom group robot webhook key (qyapi.weixin.qq.com/cgi-bin/webhook/send?key=).",
		`qyapi\.weixin\.qq\.com/cgi-bin/webhook/send[?]key=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`, "/cgi-bin/webhook/send?key="), func(r *ruleDef) {
		r.Score = 0.85
	}),
	// Azure Logic Apps and Power Automate HTTP triggers: the sig= parameter
	// is the shared access signature that lets anyone run the flow.
	with(own("LOGIC_APP_TRIGGER_SIG", "The sig= signature of an Azure Logic Apps or Power Automate HTTP trigger URL.",
		`/triggers/[A-Za-z0-9_]{1,64}/paths/invoke\?[^\s"'<>]{0,300}?[?&]sig=([A-Za-z0-9_-]{30,64})`, "/paths/invoke?"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v) > 3.5 }
		r.Score = 0.85
	}),
	// Consul's gossip encryption key: encrypt = "<32 bytes base64>".
	with(own("CONSUL_GOSSIP_KEY", "A Consul gossip encryption key (encrypt = 32 bytes in base64).",
		`\bencrypt["']?[ \t]*[=:][ \t]*["']([A-Za-z0-9+/]{43}=)["']`, "encrypt"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v) > 4 }
		r.Score = 0.8
	}),
	// Intercom access tokens are base64 of "tok:<uuid>:1:0" (dG9rO…).
	with(own("INTERCOM_ACCESS_TOKEN", "An Intercom access token (base64 of tok:…).",
		`\b(dG9rO[A-Za-z0-9+/]{40,120}={0,2})`, "dg9ro"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return strings.HasPrefix(decodeB64(v), "tok:") }
		r.Score = 0.85
	}),
	// Kerberos keytabs in base64 (a keytab file starts with 0x05 0x02:
	// "BQI") under a key named like one.
	with(own("KERBEROS_KEYTAB_BASE64", "A Kerberos keytab in base64 (BQI…) under a name ending in keytab.",
		`(?i)keytab["']?[ \t]*[:=][ \t]*["']?((?-i:BQI[A-Za-z0-9+/]{40,}={0,2}))`, "keytab"), func(r *ruleDef) {
		r.Score = 0.85
	}),
	// RabbitMQ and other Erlang nodes: the .erlang.cookie file's content,
	// printed on the line after it (cat /var/lib/rabbitmq/.erlang.cookie).
	with(own("ERLANG_COOKIE", "An Erlang distribution cookie printed after .erlang.cookie (20 capital letters).",
		`\.erlang\.cookie[^\n]{0,80}\n[ \t]*([A-Z]{20})[ \t]*(?:\n|$)`, ".erlang.cookie"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return shannon(v) > 3.3 }
		r.Score = 0.8
	}),
}
