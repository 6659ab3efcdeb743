#!/usr/bin/env python3
"""general6 blind hold-out set for the Parapet secrets detector.

Python 3 standard library only. Deterministic: template t draws from
random.Random(SEED + "/" + t); row order from random.Random(SEED).

    python3 gen.py           write holdout.jsonl and validate it
    python3 gen.py --check   rebuild and compare byte for byte
    python3 gen.py --stats   print counts per label, group, language, type

Template mini-language (inside a template's text):
    ⟨gen⟩        fresh value from generator `gen`
    ⟨gen@n⟩      fresh value, remembered as n
    ⟨=n⟩         the remembered value n again
    ⟦etype|…⟧    mark the enclosed (substituted) text as an entity of etype
"""
import base64
import collections
import hashlib
import json
import os
import random
import re
import string
import sys

SEED = "parapet/general6/holdout/v1"
SOURCE = {"repo": "handwritten/general6"}
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DIG = string.digits
ALPHA = UP + LO
ALN = UP + LO + DIG
HEX = "0123456789abcdef"
B64 = ALN + "+/"
URL = ALN + "-_"
B32 = UP + "234567"


def rs(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


def b64url(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


WORDS = [
    "harbor", "tulip", "rocket", "falcon", "maple", "copper", "lantern", "mosaic",
    "pepper", "orbit", "willow", "cobalt", "meadow", "glacier", "saffron", "walnut",
    "sonnenblume", "fromage", "mariposa", "saudade", "girasole", "fiets", "kwiatek",
    "medved", "sakura", "panda", "tornado", "biscuit", "pelican", "zephyr", "marmot",
    "juniper", "quokka", "nebula", "cactus", "basalt", "falafel", "mango", "otter",
    "kestrel", "lagune", "bretzel", "paella", "bacalhau", "tiramisu", "stroopwafel",
    "pierogi", "borscht", "dumpling", "matcha", "sunset", "summer", "winter", "dragon",
]
SYM = "!@#$%&*?.-_+="


def pw(r):
    s = r.randrange(7)
    w = r.choice(WORDS)
    w2 = r.choice(WORDS)
    if s == 0:
        return w.capitalize() + str(r.randint(1970, 2026)) + r.choice(SYM)
    if s == 1:
        return w + r.choice(".-_") + w2.capitalize() + "-" + str(r.randint(10, 99))
    if s == 2:
        leet = w.replace("a", "@").replace("o", "0").replace("e", "3").replace("i", "1")
        return leet.capitalize() + r.choice(SYM) + str(r.randint(1, 99))
    if s == 3:
        return rs(r, ALN + "!#%*", r.randint(14, 20))
    if s == 4:
        return "-".join(r.choice(WORDS) for _ in range(3)) + "-" + str(r.randint(2, 9))
    if s == 5:
        return w2.capitalize() + r.choice(SYM) + w.capitalize() + str(r.randint(1, 9)) + r.choice(SYM)
    return r.choice(["Qwerty", "Asdfgh", "Zxcvbn", "1qaz2wsx", "Qaz123"]) + r.choice(SYM) + w + str(r.randint(1, 99))


def pwu(r):
    """Human-style password safe inside URLs, XML and Groovy strings."""
    s = r.randrange(4)
    w = r.choice(WORDS)
    w2 = r.choice(WORDS)
    if s == 0:
        return w.capitalize() + str(r.randint(1970, 2026)) + r.choice("!*")
    if s == 1:
        return w + r.choice(".-_") + w2.capitalize() + "-" + str(r.randint(10, 99))
    if s == 2:
        return rs(r, ALN, r.randint(14, 20))
    return w2.capitalize() + r.choice("._-") + w.capitalize() + str(r.randint(10, 999))


def jwt(r, payload=None, alg="HS256"):
    h = b64url(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    if payload is None:
        payload = {"sub": str(r.randint(10000, 999999)), "iat": r.randint(1760000000, 1790000000)}
        payload["exp"] = payload["iat"] + r.choice([900, 3600, 86400])
        payload["role"] = r.choice(["admin", "user", "support", "billing"])
    p = b64url(json.dumps(payload, separators=(",", ":")).encode())
    siglen = 43 if alg.startswith("HS") else 342
    return h + "." + p + "." + rs(r, URL, siglen)


def supa(r, role):
    ref = rs(r, LO, 20)
    iat = r.randint(1700000000, 1760000000)
    return jwt(r, {"iss": "supabase", "ref": ref, "role": role, "iat": iat, "exp": iat + 315360000})


def b64lines(r, first, n):
    body = first + rs(r, B64, 64 * n - len(first)) + rs(r, B64, r.randint(8, 40))
    return [body[i:i + 64] for i in range(0, len(body), 64)]


def pem(r, label, first, n=4, sep="\n"):
    lines = ["-----BEGIN %s-----" % label] + b64lines(r, first, n) + ["-----END %s-----" % label]
    return sep.join(lines)


def uuid4(r):
    h = rs(r, HEX, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:32])


def discord_bot(r):
    uid = str(r.randint(10 ** 17, 10 ** 19 - 1))
    return b64url(uid.encode()) + "." + rs(r, URL, 6) + "." + rs(r, URL, 38)


GEN = {
    "pw": pw,
    "pwu": pwu,
    "pwr": lambda r: rs(r, ALN + "!#%*-_", r.randint(16, 24)),
    "word": lambda r: r.choice(WORDS),
    "pin4": lambda r: "%04d" % r.randint(0, 9999),
    "pin6": lambda r: "%06d" % r.randint(0, 999999),
    "aws_id": lambda r: "AKIA" + rs(r, B32, 16),
    "aws_sts_id": lambda r: "ASIA" + rs(r, B32, 16),
    "aws_secret": lambda r: rs(r, ALN + "/+", 40),
    "aws_session": lambda r: "IQoJb3JpZ2luX2VjE" + rs(r, B64, 220),
    "gcp_key": lambda r: "AIza" + rs(r, URL, 35),
    "gcp_oauth_secret": lambda r: "GOCSPX-" + rs(r, URL, 28),
    "gcp_client_id": lambda r: str(r.randint(10 ** 11, 10 ** 12 - 1)) + "-" + rs(r, LO + DIG, 32) + ".apps.googleusercontent.com",
    "azure_storage": lambda r: rs(r, B64, 86) + "==",
    "azure_sb": lambda r: rs(r, B64, 43) + "=",
    "azure_secret": lambda r: rs(r, ALN, 3) + "8Q~" + rs(r, ALN + "_.-~", 34),
    "azure_devops": lambda r: rs(r, LO + "234567", 52),
    "azure_sig": lambda r: rs(r, ALN, 30) + "%2B" + rs(r, ALN, 12) + "%3D",
    "ghp": lambda r: "ghp_" + rs(r, ALN, 36),
    "gho": lambda r: "gho_" + rs(r, ALN, 36),
    "ghs": lambda r: "ghs_" + rs(r, ALN, 36),
    "github_pat": lambda r: "github_pat_11" + rs(r, UP + DIG, 20) + "_" + rs(r, ALN, 59),
    "glpat": lambda r: "glpat-" + rs(r, URL, 20),
    "glptt": lambda r: "glptt-" + rs(r, HEX, 40),
    "gldt": lambda r: "gldt-" + rs(r, URL, 20),
    "glrt": lambda r: "glrt-" + rs(r, URL, 20),
    "slack_bot": lambda r: "xoxb-%d-%d-%s" % (r.randint(10 ** 11, 10 ** 12 - 1), r.randint(10 ** 12, 10 ** 13 - 1), rs(r, ALN, 24)),
    "slack_user": lambda r: "xoxp-%d-%d-%d-%s" % (r.randint(10 ** 11, 10 ** 12 - 1), r.randint(10 ** 11, 10 ** 12 - 1), r.randint(10 ** 12, 10 ** 13 - 1), rs(r, HEX, 32)),
    "slack_hook": lambda r: "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(r, UP + DIG, 8), rs(r, UP + DIG, 10), rs(r, ALN, 24)),
    "sk_live": lambda r: "sk_live_51" + rs(r, ALN, 97),
    "sk_live_short": lambda r: "sk_live_" + rs(r, ALN, 24),
    "rk_live": lambda r: "rk_live_51" + rs(r, ALN, 97),
    "pk_live": lambda r: "pk_live_51" + rs(r, ALN, 97),
    "pk_test": lambda r: "pk_test_51" + rs(r, ALN, 97),
    "whsec": lambda r: "whsec_" + rs(r, ALN, 32),
    "twilio_ac": lambda r: "AC" + rs(r, HEX, 32),
    "twilio_sk": lambda r: "SK" + rs(r, HEX, 32),
    "hex32": lambda r: rs(r, HEX, 32),
    "sendgrid": lambda r: "SG." + rs(r, URL, 22) + "." + rs(r, URL, 43),
    "openai": lambda r: "sk-proj-" + rs(r, URL, 74) + "T3BlbkFJ" + rs(r, URL, 74),
    "openai_legacy": lambda r: "sk-" + rs(r, ALN, 20) + "T3BlbkFJ" + rs(r, ALN, 20),
    "openai_svc": lambda r: "sk-svcacct-" + rs(r, URL, 74) + "T3BlbkFJ" + rs(r, URL, 74),
    "anthropic": lambda r: "sk-ant-api03-" + rs(r, URL, 93) + "AA",
    "anthropic_admin": lambda r: "sk-ant-admin01-" + rs(r, URL, 93) + "AA",
    "hf": lambda r: "hf_" + rs(r, ALPHA, 34),
    "npm": lambda r: "npm_" + rs(r, ALN, 36),
    "pypi": lambda r: "pypi-AgEIcHlwaS5vcmc" + rs(r, URL, 160),
    "dockerhub": lambda r: "dckr_pat_" + rs(r, URL, 27),
    "dd_api": lambda r: rs(r, HEX, 32),
    "dd_app": lambda r: rs(r, HEX, 40),
    "shpat": lambda r: "shpat_" + rs(r, HEX, 32),
    "shpss": lambda r: "shpss_" + rs(r, HEX, 32),
    "mailgun": lambda r: "key-" + rs(r, HEX, 32),
    "mailgun2": lambda r: rs(r, HEX, 32) + "-" + rs(r, HEX, 8) + "-" + rs(r, HEX, 8),
    "telegram": lambda r: "%d:AA%s" % (r.randint(10 ** 9, 8 * 10 ** 9), rs(r, URL, 33)),
    "discord_bot": discord_bot,
    "discord_hook": lambda r: "https://discord.com/api/webhooks/%d/%s" % (r.randint(10 ** 17, 10 ** 19 - 1), rs(r, URL, 68)),
    "jwt": lambda r: jwt(r),
    "jwt_rs": lambda r: jwt(r, alg="RS256"),
    "supa_service": lambda r: supa(r, "service_role"),
    "supa_anon": lambda r: supa(r, "anon"),
    "rsa_pem": lambda r: pem(r, "RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA"),
    "pkcs8_pem": lambda r: pem(r, "PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ"),
    "pkcs8_pem_esc": lambda r: pem(r, "PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ", sep="\\n"),
    "rsa_pem_esc": lambda r: pem(r, "RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA", sep="\\n"),
    "ec_pem": lambda r: pem(r, "EC PRIVATE KEY", "MHcCAQEEI", 2),
    "p8_pem": lambda r: pem(r, "PRIVATE KEY", "MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg", 2),
    "openssh_pem": lambda r: pem(r, "OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", 4),
    "enc_pem": lambda r: pem(r, "ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI", 5),
    "cert_pem": lambda r: pem(r, "CERTIFICATE", "MIIDdzCCAl+gAwIBAgIU", 5),
    "pub_pem": lambda r: pem(r, "PUBLIC KEY", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", 5),
    "ssh_ed_pub": lambda r: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(r, B64, 43),
    "bcrypt": lambda r: "$2b$12$" + rs(r, ALN + "./", 53),
    "bcrypt2y": lambda r: "$2y$10$" + rs(r, ALN + "./", 53),
    "argon2": lambda r: "$argon2id$v=19$m=65536,t=3,p=4$" + rs(r, B64, 22) + "$" + rs(r, B64, 43),
    "scram": lambda r: "SCRAM-SHA-256$4096:" + rs(r, B64, 22) + "==$" + rs(r, B64, 43) + "=:" + rs(r, B64, 43) + "=",
    "pbkdf2": lambda r: "pbkdf2_sha256$600000$" + rs(r, ALN, 22) + "$" + rs(r, B64, 43) + "=",
    "sha256": lambda r: rs(r, HEX, 64),
    "sha1": lambda r: rs(r, HEX, 40),
    "sha7": lambda r: rs(r, HEX, 7),
    "md5": lambda r: rs(r, HEX, 32),
    "uuid": uuid4,
    "vault": lambda r: "hvs.CAESI" + rs(r, URL, 86),
    "heroku": lambda r: "HRKU-AA" + rs(r, URL, 58),
    "do": lambda r: "dop_v1_" + rs(r, HEX, 64),
    "cloudflare": lambda r: rs(r, URL, 40),
    "mapbox_sk": lambda r: "sk.eyJ1IjoiY" + rs(r, URL, 50) + "." + rs(r, URL, 22),
    "mapbox_pk": lambda r: "pk.eyJ1IjoiY" + rs(r, URL, 50) + "." + rs(r, URL, 22),
    "algolia_app": lambda r: rs(r, UP + DIG, 10),
    "sentry_dsn": lambda r: "https://%s@o%d.ingest.us.sentry.io/%d" % (rs(r, HEX, 32), r.randint(100000, 999999), r.randint(1000000, 9999999)),
    "sentry_token": lambda r: "sntryu_" + rs(r, HEX, 64),
    "fcm": lambda r: "AAAA" + rs(r, URL, 7) + ":APA91b" + rs(r, URL, 134),
    "postman": lambda r: "PMAK-" + rs(r, HEX, 24) + "-" + rs(r, HEX, 34),
    "linear": lambda r: "lin_api_" + rs(r, ALN, 40),
    "notion": lambda r: "ntn_" + rs(r, ALN, 46),
    "atlassian": lambda r: "ATATT3xFfGF0" + rs(r, URL, 170) + "=" + rs(r, UP + DIG, 8),
    "square": lambda r: "EAAA" + rs(r, URL, 60),
    "mailchimp": lambda r: rs(r, HEX, 32) + "-us" + str(r.randint(2, 21)),
    "vercel": lambda r: rs(r, ALN, 24),
    "netlify": lambda r: "nfp_" + rs(r, ALN, 36),
    "tfc": lambda r: rs(r, ALN, 14) + ".atlasv1." + rs(r, ALN, 67),
    "newrelic": lambda r: "NRAK-" + rs(r, UP + DIG, 27),
    "newrelic_lic": lambda r: rs(r, HEX, 36) + "NRAL",
    "okta": lambda r: "00" + rs(r, URL, 40),
    "grafana": lambda r: "glsa_" + rs(r, ALN, 32) + "_" + rs(r, HEX, 8),
    "circleci": lambda r: "CCIPAT_" + rs(r, ALN, 22) + "_" + rs(r, HEX, 40),
    "bitbucket": lambda r: "ATBB" + rs(r, ALN, 32),
    "particle": lambda r: rs(r, HEX, 40),
    "blynk": lambda r: rs(r, URL, 32),
    "thingspeak": lambda r: rs(r, UP + DIG, 16),
    "hex16": lambda r: rs(r, HEX, 16).upper(),
    "hex32up": lambda r: rs(r, HEX, 32).upper(),
    "aln20": lambda r: rs(r, ALN, 20),
    "aln32": lambda r: rs(r, ALN, 32),
    "aln40": lambda r: rs(r, ALN, 40),
    "url43": lambda r: rs(r, URL, 43),
    "b64_44": lambda r: rs(r, B64, 43) + "=",
    "dig6": lambda r: "%06d" % r.randint(0, 999999),
    "dig10": lambda r: str(r.randint(10 ** 9, 10 ** 10 - 1)),
    "stripe_obj": lambda r: rs(r, ALN, 24),
    "mac": lambda r: ":".join(rs(r, "0123456789ABCDEF", 2) for _ in range(6)),
    "gh_oauth_id": lambda r: "Ov23li" + rs(r, ALN, 14),
    "expo": lambda r: rs(r, ALN + "_-", 40),
    "openweather": lambda r: rs(r, HEX, 32),
    "snyk": uuid4,
}

# Published documentation examples: must never be marked as secrets.
DOC_EXAMPLES = [
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
]

GROUPS = collections.OrderedDict([
    ("review", "code review diffs (+/- lines) pasted for a second opinion"),
    ("notebook", "Jupyter notebook cells and their output"),
    ("sql", "SQL scripts and migrations (CREATE USER, ALTER ROLE, linked servers, COPY credentials)"),
    ("apiclient", "Postman collections / environments and Insomnia exports"),
    ("tfstate", "Terraform state excerpts (terraform.tfstate, terraform show, state pull)"),
    ("mobile", "mobile app configs: Android gradle, gradle.properties, strings.xml, google-services.json, iOS Info.plist, xcconfig, GoogleService-Info.plist, Expo app.json"),
    ("ci", "CI YAML of GitLab, Bitbucket Pipelines, CircleCI, Azure Pipelines with credentials inline (or, as negatives, referenced)"),
    ("devtools", "browser devtools copies: 'Copy as cURL' from the network tab, localStorage / sessionStorage / cookie dumps, HAR snippets"),
    ("email", "email threads forwarding credentials"),
    ("sheet", "spreadsheets of accounts pasted as CSV / TSV / markdown tables"),
    ("iot", "IoT device setup notes (Wi-Fi, MQTT, LoRaWAN, firmware secrets.h, cloud device keys)"),
    ("dbbackup", "database dumps and backups (pg_dump, mysqldump, mongodump JSON, Redis, settings tables)"),
    ("pwexport", "password-manager exports (Bitwarden, 1Password, KeePass, LastPass, Chrome CSV)"),
    ("ticket", "support tickets quoting a customer's API key or password"),
])

LANGS = collections.OrderedDict([
    ("en", "English"), ("de", "German"), ("fr", "French"), ("es", "Spanish"),
    ("pt", "Portuguese"), ("it", "Italian"), ("nl", "Dutch"), ("pl", "Polish"),
    ("ru", "Russian"), ("zh", "Chinese"), ("ja", "Japanese"),
])

TEMPLATES = []


def T(name, group, lang, label, typ, text):
    TEMPLATES.append((name, group, lang, label, typ, text))


# ---------------------------------------------------------------------------
# Templates. Each is used exactly once.
# ---------------------------------------------------------------------------

# --- review: code review diffs ----------------------------------------------

T("rev_settings_py", "review", "en", "secret", "aws_access_key", """Can you review this diff before I merge? CI is green.

--- a/app/settings/prod.py
+++ b/app/settings/prod.py
@@ -41,6 +41,8 @@ STORAGES = {
     "default": {"BACKEND": "storages.backends.s3.S3Storage"},
 }
+AWS_ACCESS_KEY_ID = "⟦aws_access_key_id|⟨aws_id⟩⟧"
+AWS_SECRET_ACCESS_KEY = "⟦aws_secret_access_key|⟨aws_secret⟩⟧"
 AWS_STORAGE_BUCKET_NAME = "acme-media-prod"
 AWS_S3_REGION_NAME = "eu-central-1\"""")

T("rev_env_removed", "review", "en", "not_secret", "secret_reference", """Reviewer here. This PR looks right to me, it moves the key out of source:

-OPENAI_API_KEY = "sk-proj-...redacted-in-PR-description..."
+OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]
+if not OPENAI_API_KEY:
+    raise RuntimeError("OPENAI_API_KEY is not set")

Anything else I should check?""")

T("rev_js_stripe", "review", "en", "secret", "stripe_secret_key", """PR #2291 "checkout: hotfix for webhook retries" — is this safe?

diff --git a/server/payments.js b/server/payments.js
index 3f1c2ab..9e04d17 100644
--- a/server/payments.js
+++ b/server/payments.js
@@ -1,5 +1,5 @@
-const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);
+const stripe = require('stripe')('⟦stripe_secret_key|⟨sk_live⟩⟧');
 const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET;""")

T("rev_js_pk", "review", "en", "not_secret", "publishable_key", """Quick sanity check on this frontend diff — the reviewer flagged "key in source" but I think it is fine because it is the publishable key:

--- a/web/src/stripe.ts
+++ b/web/src/stripe.ts
-export const stripePromise = loadStripe(import.meta.env.VITE_STRIPE_PK);
+export const stripePromise = loadStripe('⟨pk_live⟩');

The secret key stays on the server.""")

T("rev_go_dsn", "review", "en", "secret", "password", """Review comment thread on internal/db/conn.go:

@@ -12,7 +12,7 @@ func Open() (*sql.DB, error) {
-	dsn := os.Getenv("DATABASE_URL")
+	dsn := "postgres://billing_rw:⟦password|⟨pwu⟩⟧@pg-billing.internal:5432/billing?sslmode=require"
 	return sql.Open("pgx", dsn)

> marta: please don't hardcode this, even temporarily
> me: it's only for the staging branch, will revert""")

T("rev_yaml_slack", "review", "en", "secret", "slack_webhook", """Does this alertmanager change look correct? I only swapped the receiver.

 receivers:
   - name: oncall
     slack_configs:
-      - api_url_file: /etc/alertmanager/slack_url
+      - api_url: ⟦slack_webhook|⟨slack_hook⟩⟧
         channel: '#alerts-prod'
         send_resolved: true""")

T("rev_gitignore", "review", "en", "not_secret", "placeholder", """Small PR, adding the example env file:

+++ b/.env.example
+DATABASE_URL=postgres://app:<password>@localhost:5432/app
+REDIS_URL=redis://localhost:6379/0
+SENDGRID_API_KEY=<your-sendgrid-key>
+JWT_SECRET=changeme-in-real-env
+GITHUB_TOKEN=
+++ b/.gitignore
+.env
+.env.local""")

T("rev_ts_openai_de", "review", "de", "secret", "openai_api_key", """Kannst du mir bei diesem Review helfen? Der Kollege hat den Schlüssel direkt eingecheckt, ich will im Kommentar erklären, warum das problematisch ist.

--- a/src/ai/client.ts
+++ b/src/ai/client.ts
@@ -3,3 +3,3 @@
-const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
+const client = new OpenAI({ apiKey: "⟦openai_api_key|⟨openai⟩⟧" });""")

T("rev_secret_ref_de", "review", "de", "not_secret", "secret_reference", """Bitte kurz drüberschauen, ob der Diff so passt – das Passwort kommt jetzt aus dem Key Vault:

-      "ConnectionStrings__Main": "Server=sql01;Database=Shop;User Id=shop;Password=***entfernt***;"
+      "ConnectionStrings__Main": "@Microsoft.KeyVault(SecretUri=https://kv-shop-prod.vault.azure.net/secrets/sql-main/)"

Der alte Wert wurde gestern rotiert.""")

T("rev_python_hf", "review", "en", "secret", "huggingface_token", """Reviewing a teammate's PR to our training repo; the login line was added in the last commit:

@@ -1,6 +1,9 @@
 from datasets import load_dataset
+from huggingface_hub import login
+
+login(token="⟦huggingface_token|⟨hf⟩⟧")
 
 ds = load_dataset("acme/support-tickets-v3", split="train")""")

T("rev_ruby_sendgrid", "review", "en", "secret", "sendgrid_api_key", """I'm reviewing config/initializers/mail.rb and want a short comment for the author:

+ActionMailer::Base.smtp_settings = {
+  user_name: 'apikey',
+  password: '⟦sendgrid_api_key|⟨sendgrid⟩⟧',
+  address: 'smtp.sendgrid.net',
+  port: 587,
+  authentication: :plain
+}""")

T("rev_lockfile_hashes", "review", "en", "not_secret", "integrity_hash", """Why did this PR change 400 lines of package-lock.json? Example hunk:

-      "resolved": "https://registry.npmjs.org/axios/-/axios-1.7.7.tgz",
-      "integrity": "sha512-⟨url43⟩⟨url43⟩==",
+      "resolved": "https://registry.npmjs.org/axios/-/axios-1.7.9.tgz",
+      "integrity": "sha512-⟨url43⟩⟨url43⟩==",""")

T("rev_k8s_secret_pl", "review", "pl", "secret", "password", """Cześć, możesz zrobić review tego PR? Dodałem Secret dla Redisa:

+apiVersion: v1
+kind: Secret
+metadata:
+  name: redis-auth
+type: Opaque
+stringData:
+  REDIS_PASSWORD: "⟦password|⟨pw⟩⟧"

Wiem, że hasło nie powinno być w repo, ale to tylko tymczasowo.""")

T("rev_migration_sha_pl", "review", "pl", "not_secret", "git_sha", """Review: ten diff przywraca migrację z commita ⟨sha1⟩, która została przypadkiem usunięta w ⟨sha7⟩.

-    op.drop_column("invoices", "vat_id")
+    op.add_column("invoices", sa.Column("vat_id", sa.String(32)))""")

T("rev_terraform_pw_zh", "review", "zh", "secret", "password", """帮我看一下这个 PR，同事在 Terraform 里直接写了数据库密码：

 resource "aws_db_instance" "orders" {
   engine         = "postgres"
   instance_class = "db.t4g.medium"
-  password       = var.db_password
+  password       = "⟦password|⟨pw⟩⟧"
 }

我应该怎么写 review 意见？""")

T("rev_uuid_zh", "review", "zh", "not_secret", "identifier", """代码评审：这个改动只是把租户 ID 写死了，应该没问题吧？

-tenant_id = config["tenant_id"]
+tenant_id = "⟨uuid⟩"  # contoso 生产租户

租户 ID 不是机密，只是标识符。""")

T("rev_github_pat_workflow", "review", "en", "secret", "github_pat", """Second pair of eyes please — this is a diff to scripts/release.sh:

@@ -8,7 +8,7 @@ set -euo pipefail
-gh auth login --with-token < "$GH_TOKEN_FILE"
+echo "⟦github_pat|⟨github_pat⟩⟧" | gh auth login --with-token
 gh release create "v$VERSION" dist/*.tar.gz --notes-file CHANGELOG.md""")

T("rev_redacted_diff", "review", "en", "not_secret", "redacted", """I pasted the diff with the token masked, only tell me whether the logic is right:

-    headers = {"Authorization": f"Bearer {token}"}
+    headers = {"Authorization": "Bearer ghp_****************************Wq7d"}
+    # TODO: revert before merge""")

T("rev_php_mailgun", "review", "en", "secret", "mailgun_api_key", """Is this Laravel config change OK to merge?

--- a/config/services.php
+++ b/config/services.php
     'mailgun' => [
         'domain' => env('MAILGUN_DOMAIN'),
-        'secret' => env('MAILGUN_SECRET'),
+        'secret' => env('MAILGUN_SECRET', '⟦mailgun_api_key|⟨mailgun⟩⟧'),
         'endpoint' => 'api.eu.mailgun.net',
     ],""")

T("rev_java_jwt_secret", "review", "en", "secret", "password", """Code review for AuthConfig.java, new line 27:

+    private static final String JWT_SIGNING_SECRET = "⟦password|⟨pwr⟩⟧";
+
+    @Bean
+    public JwtDecoder jwtDecoder() {
+        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(JWT_SIGNING_SECRET.getBytes(), "HmacSHA256")).build();
+    }""")

T("rev_firebase_web", "review", "en", "not_secret", "public_client_key", """The security bot commented "Google API key detected" on this diff. It's the Firebase web config, which ships to every browser anyway; the key is restricted to our domains in the console. Should I dismiss it?

+const firebaseConfig = {
+  apiKey: "⟨gcp_key⟩",
+  authDomain: "acme-shop-prod.firebaseapp.com",
+  projectId: "acme-shop-prod",
+  storageBucket: "acme-shop-prod.appspot.com",
+  messagingSenderId: "⟨dig10@s⟩",
+  appId: "1:⟨=s⟩:web:⟨sha7⟩⟨sha7⟩ab"
+};""")

T("rev_ansible_vault_fr", "review", "fr", "not_secret", "encrypted_blob", """Revue de code : le mot de passe est maintenant chiffré avec ansible-vault, c'est bon pour toi ?

-db_password: "à remplacer"
+db_password: !vault |
+  $ANSIBLE_VAULT;1.1;AES256
+  ⟨sha256⟩
+  ⟨sha256⟩
+  ⟨sha1⟩""")

T("rev_private_key_fr", "review", "fr", "secret", "private_key", """Je relis une PR et je vois ça dans le diff, c'est grave ?

diff --git a/deploy/keys/deploy_key b/deploy/keys/deploy_key
new file mode 100600
--- /dev/null
+++ b/deploy/keys/deploy_key
@@ -0,0 +1,8 @@
⟦openssh_private_key|⟨openssh_pem⟩⟧""")

T("rev_test_fixture", "review", "en", "not_secret", "doc_example_key", """Review question: the unit test uses the AWS documentation example credentials, is that acceptable?

+def test_signer_builds_auth_header():
+    creds = Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
+    sig = sign_request(creds, "GET", "/", region="us-east-1")
+    assert sig.startswith("AWS4-HMAC-SHA256")""")

T("rev_telegram_ru", "review", "ru", "secret", "telegram_bot_token", """Посмотри, пожалуйста, мой дифф, бот теперь стартует без .env:

-TOKEN = os.getenv("BOT_TOKEN")
+TOKEN = "⟦telegram_bot_token|⟨telegram⟩⟧"
 bot = Bot(token=TOKEN)
 dp = Dispatcher()""")

T("rev_policy_text_ru", "review", "ru", "not_secret", "password_policy", """Ревью: в этом PR меняется валидация пароля. Проверь, что правила совпадают с политикой:

-MIN_LENGTH = 8
+MIN_LENGTH = 12
+REQUIRE_CLASSES = 3  # строчные, заглавные, цифры, спецсимволы — минимум три из четырёх
+MAX_AGE_DAYS = None  # без принудительной смены, как в NIST 800-63B""")

# --- notebook: Jupyter cells -------------------------------------------------

T("nb_openai_cell", "notebook", "en", "secret", "openai_api_key", """My notebook cell keeps failing with RateLimitError, here's the cell:

In [3]:
import openai
client = openai.OpenAI(api_key="⟦openai_api_key|⟨openai⟩⟧")
resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "ping"}])

RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota'}}""")

T("nb_getpass", "notebook", "en", "not_secret", "secret_reference", """Is this the right pattern for Colab so nobody sees my key when I share the notebook?

In [1]:
from getpass import getpass
import os
os.environ["ANTHROPIC_API_KEY"] = getpass("Anthropic key: ")

In [2]:
from google.colab import userdata
hf_token = userdata.get("HF_TOKEN")""")

T("nb_snowflake_pw", "notebook", "en", "secret", "password", """Cell 4 of analysis.ipynb, the connection times out after 60 s:

conn = snowflake.connector.connect(
    user="ANALYTICS_SVC",
    password="⟦password|⟨pw⟩⟧",
    account="xy12345.eu-central-1",
    warehouse="REPORTING_WH",
    database="SALES",
)""")

T("nb_json_ipynb_anthropic", "notebook", "en", "secret", "anthropic_api_key", """Here is the raw .ipynb JSON of the cell that breaks, can you see why the output is empty?

{
 "cell_type": "code",
 "execution_count": 7,
 "metadata": {},
 "outputs": [],
 "source": [
  "import anthropic\\n",
  "client = anthropic.Anthropic(api_key=\\"⟦anthropic_api_key|⟨anthropic⟩⟧\\")\\n",
  "msg = client.messages.create(model=\\"claude-sonnet-4-5\\", max_tokens=512, messages=msgs)\\n"
 ]
}""")

T("nb_output_hash", "notebook", "en", "not_secret", "hash", """Output of my dedup cell, why do two files have the same digest?

In [12]: df[["path", "sha256"]].head(3)
Out[12]:
                     path                                                            sha256
0  raw/2024-07-01.parquet  ⟨sha256@h⟩
1  raw/2024-07-02.parquet  ⟨sha256⟩
2  raw/2024-07-01_copy.parquet  ⟨=h⟩""")

T("nb_gcp_sa_dict", "notebook", "en", "secret", "gcp_service_account_key", r"""Notebook cell that builds BigQuery credentials from a dict — works locally, fails on the shared JupyterHub:

info = {
  "type": "service_account",
  "project_id": "acme-analytics-412",
  "private_key_id": "⟨sha1⟩",
  "private_key": "⟦private_key|⟨pkcs8_pem_esc⟩⟧\n",
  "client_email": "bq-reader@acme-analytics-412.iam.gserviceaccount.com",
  "client_id": "⟨dig10⟩⟨pin6⟩"
}
creds = service_account.Credentials.from_service_account_info(info)""")

T("nb_dotenv", "notebook", "en", "not_secret", "secret_reference", """%load_ext dotenv
%dotenv ../.env

import os
DB_URL = os.getenv("WAREHOUSE_URL")
assert DB_URL, "set WAREHOUSE_URL in ../.env (see README, never commit the file)"

Why does %dotenv say it can't find the file?""")

T("nb_es_mongo", "notebook", "es", "secret", "password", """Hola, en mi notebook de Jupyter la conexión a Mongo Atlas da timeout. Esta es la celda:

In [5]:
from pymongo import MongoClient
cliente = MongoClient("mongodb+srv://analitica:⟦password|⟨pwu⟩⟧@cluster0.ab1cd.mongodb.net/ventas?retryWrites=true&w=majority")
db = cliente["ventas"]

¿Puede ser la IP whitelist?""")

T("nb_es_placeholder", "notebook", "es", "not_secret", "placeholder", """¿Por qué me da 401? Copié la celda del tutorial tal cual:

In [2]:
import requests
API_KEY = "TU_API_KEY_AQUI"
r = requests.get("https://api.openweathermap.org/data/2.5/weather", params={"q": "Sevilla", "appid": API_KEY})
r.status_code
Out[2]: 401""")

T("nb_pt_wandb", "notebook", "pt", "secret", "api_key", """Oi! Meu notebook no Kaggle não consegue logar no Weights & Biases. Célula:

!pip install -q wandb
import wandb
wandb.login(key="⟦api_key|⟨sha1⟩⟧")
wandb.init(project="classificador-reviews")

Aparece "wandb: ERROR api_key not configured (no-tty)".""")

T("nb_pt_uuid_runid", "notebook", "pt", "not_secret", "identifier", """Saída do notebook — qual desses é o id do experimento que eu preciso passar para o mlflow?

run_id: ⟨hex32@h⟩
experiment_id: 418273650
artifact_uri: s3://mlflow-artifacts/418273650/⟨=h⟩/artifacts
request_id: ⟨uuid⟩""")

T("nb_ja_hf", "notebook", "ja", "secret", "huggingface_token", """Jupyter のセルでモデルをダウンロードしようとすると 401 になります。トークンは合っているはずです。

In [4]:
from transformers import AutoModelForCausalLM
model = AutoModelForCausalLM.from_pretrained(
    "acme-jp/llm-internal-7b",
    token="⟦huggingface_token|⟨hf⟩⟧",
)""")

T("nb_ja_env", "notebook", "ja", "not_secret", "secret_reference", """ノートブックで API キーを安全に扱う方法を教えてください。今はこうしています：

import os
api_key = os.environ.get("OPENAI_API_KEY")  # キー自体は .env に置いて git には含めない
print(api_key[:3] + "..." if api_key else "未設定")""")

T("nb_kaggle_json", "notebook", "en", "secret", "api_key", """First cell of my Kaggle notebook writes kaggle.json so the CLI works on Colab:

!mkdir -p ~/.kaggle
!echo '{"username":"dana_ml","key":"⟦api_key|⟨hex32⟩⟧"}' > ~/.kaggle/kaggle.json
!chmod 600 ~/.kaggle/kaggle.json
!kaggle competitions download -c playground-series-s5e2""")

T("nb_sqlalchemy_magic", "notebook", "en", "secret", "password", """%load_ext sql
%sql mysql+pymysql://report:⟦password|⟨pwu⟩⟧@10.20.0.15:3306/crm

%%sql
SELECT status, COUNT(*) FROM tickets GROUP BY status;

This worked yesterday, today: (pymysql.err.OperationalError) (1045, "Access denied for user 'report'@'10.20.0.88'")""")

T("nb_base64_text", "notebook", "en", "not_secret", "base64_data", """What is this string in my notebook output? A colleague says it might be a key.

In [9]: payload["data"]
Out[9]: '⟨b64text⟩'""".replace("⟨b64text⟩", base64.b64encode("Quarterly churn report: EMEA 4.1%, APAC 3.7%, AMER 5.2% - generated by nightly job".encode()).decode()))

T("nb_nl_azure_openai", "notebook", "nl", "secret", "azure_openai_key", """Mijn notebookcel geeft een 404 'DeploymentNotFound'. Klopt de configuratie?

client = AzureOpenAI(
    api_key="⟦azure_openai_key|⟨hex32⟩⟧",
    api_version="2024-10-21",
    azure_endpoint="https://acme-nl-openai.openai.azure.com/",
)
resp = client.chat.completions.create(model="gpt4o-prod", messages=berichten)""")

T("nb_nl_masked_output", "notebook", "nl", "not_secret", "masked_key", """Uitvoer van mijn notebook, ik heb de sleutel al afgeschermd:

In [3]: print(cfg)
{'endpoint': 'https://acme-nl-openai.openai.azure.com/', 'api_key': '************************c91e', 'deployment': 'gpt4o-prod'}""")

# --- sql: scripts and migrations ---------------------------------------------

T("sql_create_user_pg", "sql", "en", "secret", "password", """Can you check this migration for Postgres 16? It fails on the GRANT line.

-- V42__reporting_role.sql
CREATE ROLE reporting LOGIN PASSWORD '⟦password|⟨pw⟩⟧';
GRANT CONNECT ON DATABASE shop TO reporting;
GRANT USAGE ON SCHEMA public TO reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO reproting;""")

T("sql_scram_hash", "sql", "en", "not_secret", "password_hash", """pg_dumpall --roles-only output, is it OK to keep this file in the repo?

CREATE ROLE app_ro;
ALTER ROLE app_ro WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS PASSWORD '⟨scram⟩';""")

T("sql_mysql_identified", "sql", "en", "secret", "password", """MySQL 8 script for the new replica, it errors with 1396:

CREATE USER 'repl'@'10.0.%' IDENTIFIED WITH caching_sha2_password BY '⟦password|⟨pw⟩⟧';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'10.0.%';
FLUSH PRIVILEGES;""")

T("sql_psql_var", "sql", "en", "not_secret", "placeholder", """Our bootstrap script takes the password as a psql variable so it never lands in the file:

\\set app_pw `echo "$APP_DB_PASSWORD"`
CREATE ROLE app LOGIN PASSWORD :'app_pw';

Is :'app_pw' quoted correctly?""")

T("sql_mssql_linked", "sql", "en", "secret", "password", """This T-SQL for a linked server returns 'Login failed for user'. What's wrong?

EXEC sp_addlinkedserver @server = N'ERP01', @srvproduct = N'', @provider = N'MSOLEDBSQL', @datasrc = N'erp01.corp.local';
EXEC sp_addlinkedsrvlogin @rmtsrvname = N'ERP01', @useself = N'False', @locallogin = NULL,
     @rmtuser = N'finance_link', @rmtpassword = N'⟦password|⟨pw⟩⟧';""")

T("sql_snowflake_stage", "sql", "en", "secret", "aws_access_key", """Snowflake external stage — COPY INTO says access denied on the bucket:

CREATE OR REPLACE STAGE raw_events_stage
  URL = 's3://acme-raw-events/2025/'
  CREDENTIALS = (AWS_KEY_ID = '⟦aws_access_key_id|⟨aws_id⟩⟧' AWS_SECRET_KEY = '⟦aws_secret_access_key|⟨aws_secret⟩⟧')
  FILE_FORMAT = (TYPE = PARQUET);""")

T("sql_storage_integration", "sql", "en", "not_secret", "identifier", """Better version with a storage integration instead of keys — does it look right?

CREATE STORAGE INTEGRATION s3_raw
  TYPE = EXTERNAL_STAGE
  STORAGE_PROVIDER = 'S3'
  ENABLED = TRUE
  STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::⟨dig10⟩12:role/snowflake-raw-reader'
  STORAGE_ALLOWED_LOCATIONS = ('s3://acme-raw-events/');""")

T("sql_de_alter_user", "sql", "de", "secret", "password", """Ich habe das Passwort für den Oracle-Benutzer zurückgesetzt, aber die Anwendung meldet ORA-01017. Skript:

ALTER USER LAGER_APP IDENTIFIED BY "⟦password|⟨pw⟩⟧" ACCOUNT UNLOCK;
ALTER PROFILE APP_PROFIL LIMIT PASSWORD_LIFE_TIME UNLIMITED;

Muss ich noch etwas neu starten?""")

T("sql_de_hash_table", "sql", "de", "not_secret", "password_hash", """Warum ist die Spalte passwort_hash 60 Zeichen lang? Auszug aus unserer Tabelle:

INSERT INTO benutzer (id, email, passwort_hash) VALUES
 (101, 'k.weber@example.de', '⟨bcrypt⟩'),
 (102, 'j.huber@example.de', '⟨bcrypt⟩');""")

T("sql_fr_dblink", "sql", "fr", "secret", "password", """Bonjour, ma requête dblink renvoie « password is required ». Voici le script :

SELECT *
FROM dblink('host=pg-compta.interne dbname=compta user=lecture password=⟦password|⟨pwu⟩⟧',
            'SELECT id, montant FROM factures WHERE exercice = 2025')
  AS t(id int, montant numeric);""")

T("sql_fr_policy", "sql", "fr", "not_secret", "password_policy", """Peux-tu traduire cette politique en paramètres MySQL ?

-- Politique de mots de passe (DSI, v3) :
-- au moins 14 caractères, pas de réutilisation des 5 derniers,
-- verrouillage après 6 échecs pendant 15 minutes.
SET PERSIST validate_password.length = 14;
SET PERSIST validate_password.policy = STRONG;""")

T("sql_it_conn_comment", "sql", "it", "secret", "password", """Ciao, questo script di migrazione lo lanciamo con sqlcmd. Va bene?

-- eseguire con: sqlcmd -S sql-magazzino.local -U migrazioni -P ⟦password|⟨pwu⟩⟧ -i 2025_11_aggiunta_lotti.sql
ALTER TABLE dbo.Lotti ADD Scadenza date NULL;
GO""")

T("sql_it_uuid_seed", "sql", "it", "not_secret", "identifier", """Script di seed per l'ambiente di test — gli UUID vanno bene così?

INSERT INTO clienti (id, ragione_sociale, piva) VALUES
 ('⟨uuid⟩', 'Ferramenta Rossi S.r.l.', 'IT01234560789'),
 ('⟨uuid⟩', 'Pasticceria Bianchi', 'IT09876540321');""")

T("sql_clickhouse_user", "sql", "en", "secret", "password", """ClickHouse: CREATE USER works but the dashboard can't log in.

CREATE USER grafana_ro IDENTIFIED WITH sha256_password BY '⟦password|⟨pw⟩⟧' HOST IP '10.8.0.0/16';
GRANT SELECT ON metrics.* TO grafana_ro;""")

T("sql_zh_redshift", "sql", "zh", "secret", "aws_access_key", """这个 Redshift 的 COPY 语句报错 "S3ServiceException: Access Denied"，帮我看看：

COPY ods.orders
FROM 's3://acme-cn-dw/orders/2025-11-26/'
ACCESS_KEY_ID '⟦aws_access_key_id|⟨aws_id⟩⟧'
SECRET_ACCESS_KEY '⟦aws_secret_access_key|⟨aws_secret⟩⟧'
FORMAT AS PARQUET;""")

T("sql_zh_redacted", "sql", "zh", "not_secret", "redacted", """我已经把密码去掉了，这个建库脚本语法对吗？

CREATE USER 'etl'@'%' IDENTIFIED BY '********';  -- 密码见 KMS，不写在脚本里
GRANT SELECT, INSERT ON dw.* TO 'etl'@'%';""")

T("sql_ru_pgbouncer", "sql", "ru", "secret", "password", """Почему pgbouncer пишет "password authentication failed"? Вот что я сделал:

-- на сервере
CREATE USER pgbouncer_auth WITH PASSWORD '⟦password|⟨pw@p⟩⟧';
-- userlist.txt
"pgbouncer_auth" "⟦password|⟨=p⟩⟧\"""")

T("sql_ru_md5", "sql", "ru", "not_secret", "password_hash", """В старом дампе пароли в виде md5, это нормально для PostgreSQL 11?

CREATE ROLE crm LOGIN PASSWORD 'md5⟨md5⟩';""")

T("sql_linked_ssis_config", "sql", "en", "not_secret", "secret_reference", """Our SSIS deployment script reads the password from the catalog environment, so nothing sensitive here, right?

EXEC [SSISDB].[catalog].[create_environment_variable]
  @environment_name = N'Prod', @variable_name = N'ErpPassword',
  @data_type = N'String', @sensitive = 1,
  @value = N'$(ErpPasswordFromPipeline)', @folder_name = N'Finance';""")

# --- apiclient: Postman / Insomnia exports -----------------------------------

T("pm_env_export", "apiclient", "en", "secret", "twilio_auth_token", """Exported my Postman environment, why does {{authToken}} resolve to empty in the collection runner?

{
  "id": "⟨uuid⟩",
  "name": "Twilio prod",
  "values": [
    { "key": "accountSid", "value": "⟨twilio_ac⟩", "type": "default", "enabled": true },
    { "key": "authToken", "value": "⟦twilio_auth_token|⟨hex32⟩⟧", "type": "secret", "enabled": true }
  ],
  "_postman_variable_scope": "environment"
}""")

T("pm_collection_vars", "apiclient", "en", "not_secret", "placeholder", """Postman collection snippet — I want to share it with the vendor, is anything sensitive in it?

"auth": {
  "type": "bearer",
  "bearer": [ { "key": "token", "value": "{{access_token}}", "type": "string" } ]
},
"variable": [
  { "key": "baseUrl", "value": "https://api.example-erp.com/v2" },
  { "key": "access_token", "value": "" }
]""")

T("pm_basic_auth", "apiclient", "en", "secret", "password", """This Postman request works in the app but not in Newman. Collection JSON:

"request": {
  "auth": {
    "type": "basic",
    "basic": [
      { "key": "username", "value": "svc-integration", "type": "string" },
      { "key": "password", "value": "⟦password|⟨pw⟩⟧", "type": "string" }
    ]
  },
  "method": "GET",
  "url": "https://jira.acme.internal/rest/api/2/search?jql=project=OPS"
}""")

T("pm_api_key_header", "apiclient", "en", "secret", "datadog_api_key", """Postman request export, Datadog returns 403 Forbidden:

{
  "name": "submit metric",
  "request": {
    "method": "POST",
    "header": [
      { "key": "DD-API-KEY", "value": "⟦datadog_api_key|⟨dd_api⟩⟧" },
      { "key": "DD-APPLICATION-KEY", "value": "⟦datadog_app_key|⟨dd_app⟩⟧" },
      { "key": "Content-Type", "value": "application/json" }
    ],
    "url": "https://api.datadoghq.eu/api/v2/series"
  }
}""")

T("pm_postman_api_key", "apiclient", "en", "secret", "postman_api_key", """Our Newman job pulls the collection from the Postman API. Here's the script step:

newman run "https://api.getpostman.com/collections/⟨dig10⟩-⟨uuid⟩?apikey=⟦postman_api_key|⟨postman⟩⟧" \\
  -e envs/staging.json --reporters cli,junit""")

T("pm_secret_type_masked", "apiclient", "en", "not_secret", "redacted", """Postman's "Export" gave me this — the secret-type variable shows as masked, is that expected?

{ "key": "clientSecret", "value": "••••••••••••", "type": "secret", "enabled": true },
{ "key": "clientId", "value": "⟨gcp_client_id⟩", "type": "default", "enabled": true }""")

T("insomnia_yaml_bearer", "apiclient", "en", "secret", "github_pat", """Insomnia v4 export (YAML), the request to GitHub returns 401 "Bad credentials":

  - _id: req_⟨hex32⟩
    _type: request
    name: list org repos
    method: GET
    url: https://api.github.com/orgs/acme/repos
    authentication:
      type: bearer
      token: ⟦github_pat|⟨ghp⟩⟧
      prefix: Bearer""")

T("insomnia_env_template", "apiclient", "en", "not_secret", "placeholder", """Insomnia base environment we commit to the repo:

{
  "base_url": "http://localhost:8080",
  "api_key": "{{ _.api_key_from_private_env }}",
  "tenant": "demo"
}

Each developer adds api_key_from_private_env in their own private sub-environment.""")

T("pm_de_oauth", "apiclient", "de", "secret", "oauth_client_secret", """Hallo, in meiner Postman-Umgebung funktioniert der OAuth2-Token-Abruf nicht („invalid_client“). Export:

{ "key": "client_id", "value": "⟨gcp_client_id⟩", "enabled": true },
{ "key": "client_secret", "value": "⟦oauth_client_secret|⟨gcp_oauth_secret⟩⟧", "enabled": true },
{ "key": "token_url", "value": "https://oauth2.googleapis.com/token", "enabled": true }""")

T("pm_fr_shopify", "apiclient", "fr", "secret", "shopify_access_token", """Bonjour, ma collection Postman pour l'API Admin Shopify renvoie 401. L'en-tête :

"header": [
  { "key": "X-Shopify-Access-Token", "value": "⟦shopify_access_token|⟨shpat⟩⟧" }
],
"url": "https://boutique-lyon.myshopify.com/admin/api/2025-01/orders.json?status=any"

Le jeton a été créé hier dans l'app personnalisée.""")

T("pm_fr_algolia_search", "apiclient", "fr", "not_secret", "publishable_key", """Ma requête Postman vers Algolia marche avec la clé « Search-Only API Key » (celle qui est publique et utilisée côté navigateur) :

X-Algolia-Application-Id: ⟨algolia_app⟩
X-Algolia-API-Key: ⟨hex32⟩

Mais l'indexation échoue avec 403. Pourquoi ?""")

T("pm_es_mailchimp", "apiclient", "es", "secret", "mailchimp_api_key", """Mi petición en Insomnia a Mailchimp devuelve "API Key Invalid":

curl --request GET \\
  --url https://us14.api.mailchimp.com/3.0/lists \\
  --user 'anystring:⟦mailchimp_api_key|⟨mailchimp⟩⟧'""")

T("pm_es_doc_example", "apiclient", "es", "not_secret", "doc_example_key", """En la documentación de Stripe aparece esta clave de ejemplo en la colección de Postman, ¿es real?

Authorization: Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc

La documentación dice que es una clave de prueba pública de ejemplo.""")

T("pm_pt_sendgrid", "apiclient", "pt", "secret", "sendgrid_api_key", """Exportei a collection do Postman, o envio de e-mail retorna 403. Alguém vê o problema?

"header": [
  { "key": "Authorization", "value": "Bearer ⟦sendgrid_api_key|⟨sendgrid⟩⟧" },
  { "key": "Content-Type", "value": "application/json" }
],
"url": "https://api.sendgrid.com/v3/mail/send\"""")

T("pm_pt_env_var_ref", "apiclient", "pt", "not_secret", "secret_reference", """Na nossa collection usamos variáveis do Vault do Postman, não guardamos nada no JSON:

{ "key": "Authorization", "value": "Bearer {{vault:sendgrid-api-key}}" }

Isso é suficiente para passar na auditoria?""")

T("insomnia_cookie_jar", "apiclient", "en", "secret", "session_cookie", """Insomnia cookie jar from the export, the session keeps expiring after one request:

  - _id: jar_⟨hex32⟩
    _type: cookie_jar
    cookies:
      - key: sessionid
        value: ⟦session_cookie|⟨url43⟩⟧
        domain: admin.acme-shop.com
        httpOnly: true
        secure: true""")

T("pm_uuid_ids", "apiclient", "en", "not_secret", "identifier", """Which of these IDs from my Postman export do I need for the monitor API?

collection uid: ⟨dig10⟩-⟨uuid⟩
environment uid: ⟨dig10⟩-⟨uuid⟩
workspace id: ⟨uuid⟩""")

# --- tfstate: Terraform state excerpts ---------------------------------------

T("tf_iam_access_key", "tfstate", "en", "secret", "aws_access_key", """terraform state pull | jq shows this for the CI user; is it a problem that the secret is in the state?

{
  "mode": "managed",
  "type": "aws_iam_access_key",
  "name": "ci",
  "instances": [
    {
      "attributes": {
        "id": "⟦aws_access_key_id|⟨aws_id@k⟩⟧",
        "secret": "⟦aws_secret_access_key|⟨aws_secret⟩⟧",
        "status": "Active",
        "user": "ci-deployer"
      },
      "sensitive_attributes": [[{"type": "get_attr", "value": "secret"}]]
    }
  ]
}""")

T("tf_sensitive_null", "tfstate", "en", "not_secret", "redacted", """terraform show output for the RDS instance — the password is hidden, right?

# aws_db_instance.orders:
resource "aws_db_instance" "orders" {
    address            = "orders.c9xk2ab1cdef.eu-west-1.rds.amazonaws.com"
    arn                = "arn:aws:rds:eu-west-1:⟨dig10⟩31:db:orders"
    engine             = "postgres"
    password           = (sensitive value)
    username           = "orders_admin"
}""")

T("tf_random_password", "tfstate", "en", "secret", "password", """Excerpt from terraform.tfstate that someone attached to a Jira ticket:

{
  "type": "random_password",
  "name": "redis",
  "instances": [
    {
      "schema_version": 3,
      "attributes": {
        "id": "none",
        "length": 24,
        "result": "⟦password|⟨pwr⟩⟧",
        "special": true
      }
    }
  ]
}""")

T("tf_tls_private_key", "tfstate", "en", "secret", "rsa_private_key", r"""Why does tls_private_key store the key in state? From our tfstate:

"attributes": {
  "algorithm": "RSA",
  "rsa_bits": 2048,
  "private_key_pem": "⟦rsa_private_key|⟨rsa_pem_esc⟩⟧\n",
  "public_key_fingerprint_md5": "⟨mac⟩:⟨mac⟩"
}""")

T("tf_outputs_ids", "tfstate", "en", "not_secret", "identifier", """terraform output -json, which of these should I hide before posting in the vendor forum?

{
  "vpc_id": { "sensitive": false, "type": "string", "value": "vpc-0⟨sha7⟩⟨sha7⟩ab" },
  "cluster_endpoint": { "sensitive": false, "type": "string", "value": "https://⟨hex32up⟩.gr7.eu-west-1.eks.amazonaws.com" },
  "kms_key_arn": { "sensitive": false, "type": "string", "value": "arn:aws:kms:eu-west-1:⟨dig10⟩31:key/⟨uuid⟩" },
  "db_password": { "sensitive": true, "type": "string", "value": null }
}""")

T("tf_azure_sp", "tfstate", "en", "secret", "azure_client_secret", """Terraform state for azuread_application_password — the secret is in plain text here?

"type": "azuread_application_password",
"instances": [{
  "attributes": {
    "application_id": "/applications/⟨uuid⟩",
    "display_name": "github-deployer",
    "end_date": "2026-06-01T00:00:00Z",
    "key_id": "⟨uuid⟩",
    "value": "⟦azure_client_secret|⟨azure_secret⟩⟧"
  }
}]""")

T("tf_github_provider", "tfstate", "en", "not_secret", "hash", """Part of .terraform.lock.hcl that changed in the PR, should I worry?

provider "registry.terraform.io/integrations/github" {
  version     = "6.3.1"
  constraints = "~> 6.0"
  hashes = [
    "h1:⟨url43⟩=",
    "zh:⟨sha256⟩",
    "zh:⟨sha256⟩",
  ]
}""")

T("tf_de_storage_key", "tfstate", "de", "secret", "azure_storage_key", """Im Terraform-State steht der Storage-Account-Schlüssel im Klartext, ist das normal?

"type": "azurerm_storage_account",
"attributes": {
  "name": "stbuchhaltungprod",
  "primary_access_key": "⟦azure_storage_key|⟨azure_storage⟩⟧",
  "primary_blob_endpoint": "https://stbuchhaltungprod.blob.core.windows.net/"
}""")

T("tf_de_ids", "tfstate", "de", "not_secret", "identifier", """Kann ich diesen Ausschnitt aus „terraform state show“ gefahrlos ins Ticket kopieren?

# azurerm_key_vault.main:
resource "azurerm_key_vault" "main" {
    id        = "/subscriptions/⟨uuid⟩/resourceGroups/rg-fibu/providers/Microsoft.KeyVault/vaults/kv-fibu-prod"
    tenant_id = "⟨uuid⟩"
    vault_uri = "https://kv-fibu-prod.vault.azure.net/"
    sku_name  = "standard"
}""")

T("tf_ja_db_password", "tfstate", "ja", "secret", "password", """terraform show の出力に DB のパスワードがそのまま出ています。どうすれば隠せますか？

# google_sql_user.app:
resource "google_sql_user" "app" {
    instance = "hanbai-db"
    name     = "hanbai_app"
    password = "⟦password|⟨pw⟩⟧"
}""")

T("tf_ja_null_sensitive", "tfstate", "ja", "not_secret", "redacted", """修正後の state です。今は sensitive 扱いなので問題ないですか？

"outputs": {
  "db_password": { "value": "(sensitive)", "type": "string", "sensitive": true },
  "db_host": { "value": "10.21.0.3", "type": "string" }
}""")

T("tf_cloudflare_token", "tfstate", "en", "secret", "cloudflare_api_token", """State from our DNS workspace (terraform state pull), the provider block values ended up in a data source:

{
  "mode": "data",
  "type": "external",
  "name": "cf_token",
  "instances": [{ "attributes": { "result": { "token": "⟦cloudflare_api_token|⟨cloudflare⟩⟧" }, "program": ["./scripts/get_cf_token.sh"] } }]
}""")

T("tf_it_backend_sas", "tfstate", "it", "secret", "azure_sas_token", """Ciao, il backend remoto di Terraform non si inizializza. Ho messo questo in backend.hcl:

storage_account_name = "sttfstateitprod"
container_name       = "tfstate"
key                  = "rete.terraform.tfstate"
sas_token            = "?sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2026-12-31T23:59:59Z&st=2025-01-01T00:00:00Z&spr=https&sig=⟦azure_sas_token|⟨azure_sig⟩⟧\"""")

T("tf_it_backend_ref", "tfstate", "it", "not_secret", "secret_reference", """Versione corretta del backend, senza chiavi nel file:

terraform init \\
  -backend-config="storage_account_name=sttfstateitprod" \\
  -backend-config="use_azuread_auth=true"

L'autenticazione avviene con l'identità del runner. Ti sembra giusto?""")

T("tf_serial_lineage", "tfstate", "en", "not_secret", "identifier", """Two people ran apply at once, the state header now says:

{
  "version": 4,
  "terraform_version": "1.9.8",
  "serial": 412,
  "lineage": "⟨uuid⟩",
  "outputs": {},
  "check_results": null
}

Which lineage is right?""")

T("tf_datadog_provider_state", "tfstate", "en", "secret", "datadog_api_key", """Our datadog_api_key resource leaked into state, copy from terraform state show:

# datadog_api_key.ci:
resource "datadog_api_key" "ci" {
    id   = "⟨uuid⟩"
    key  = "⟦datadog_api_key|⟨dd_api⟩⟧"
    name = "ci-pipeline"
}""")

# --- mobile: Android / iOS configs --------------------------------------------

T("mob_gradle_signing", "mobile", "en", "secret", "password", """Release build fails with "Keystore was tampered with, or password was incorrect". app/build.gradle:

android {
    signingConfigs {
        release {
            storeFile file("../keys/release.jks")
            storePassword "⟦password|⟨pwu⟩⟧"
            keyAlias "acme-release"
            keyPassword "⟦password|⟨pwu⟩⟧"
        }
    }
}""")

T("mob_gradle_props_ref", "mobile", "en", "not_secret", "secret_reference", """Is this the right way to keep signing secrets out of build.gradle.kts?

signingConfigs {
    create("release") {
        storeFile = file(System.getenv("KEYSTORE_PATH") ?: "release.jks")
        storePassword = System.getenv("KEYSTORE_PASSWORD")
        keyAlias = "upload"
        keyPassword = providers.gradleProperty("UPLOAD_KEY_PASSWORD").orNull
    }
}""")

T("mob_gradle_properties", "mobile", "en", "secret", "password", """~/.gradle/gradle.properties on the build machine, the Nexus publish step returns 401:

org.gradle.jvmargs=-Xmx4g
nexusUsername=android-ci
nexusPassword=⟦password|⟨pw⟩⟧
RELEASE_STORE_FILE=/opt/keys/upload.jks""")

T("mob_strings_xml_fb", "mobile", "en", "not_secret", "identifier", """res/values/strings.xml for the Facebook SDK — the SDK docs say to put these here:

<resources>
    <string name="app_name">Acme Shop</string>
    <string name="facebook_app_id">⟨dig10@f⟩⟨pin4@g⟩</string>
    <string name="fb_login_protocol_scheme">fb⟨=f⟩⟨=g⟩</string>
</resources>

Is the app id sensitive?""")

T("mob_strings_xml_secret", "mobile", "en", "secret", "api_key", """Our Android strings.xml has this, and a pentest report flagged it:

<resources>
    <string name="app_name">FieldOps</string>
    <string name="backend_admin_api_key">⟦api_key|⟨aln40⟩⟧</string>
    <string name="support_email">support@fieldops.example</string>
</resources>

The key grants admin access to our backend. How do I move it?""")

T("mob_google_services", "mobile", "en", "not_secret", "public_client_key", """google-services.json from the Firebase console — GitHub secret scanning warned about it. It's the Android client config and the key is restricted to our package name and SHA-1, so is it OK to commit?

{
  "project_info": { "project_number": "⟨dig10⟩", "project_id": "acme-shop-prod" },
  "client": [{
    "client_info": { "mobilesdk_app_id": "1:⟨dig10⟩:android:⟨sha1⟩", "android_client_info": { "package_name": "com.acme.shop" } },
    "api_key": [{ "current_key": "⟨gcp_key⟩" }]
  }]
}""")

T("mob_plist_secret", "mobile", "en", "secret", "stripe_secret_key", """Info.plist from our iOS app; the reviewer says this key must not be in the bundle:

<key>StripePublishableKey</key>
<string>⟨pk_live⟩</string>
<key>StripeSecretKey</key>
<string>⟦stripe_secret_key|⟨sk_live_short⟩⟧</string>""")

T("mob_xcconfig_ref", "mobile", "en", "not_secret", "secret_reference", """Release.xcconfig — values come from the CI environment:

API_BASE_URL = https:/$()/api.acme.example
SENTRY_AUTH_TOKEN = $(SENTRY_AUTH_TOKEN)
REVENUECAT_PUBLIC_KEY = $(REVENUECAT_PUBLIC_KEY)
#include? "Secrets.xcconfig\"""")

T("mob_xcconfig_secret", "mobile", "en", "secret", "sentry_auth_token", """Secrets.xcconfig got committed by mistake (it was in .gitignore but someone used git add -f):

SENTRY_AUTH_TOKEN = ⟦sentry_auth_token|⟨sentry_token⟩⟧
SENTRY_ORG = acme
SENTRY_PROJECT = ios-shop""")

T("mob_p8_key", "mobile", "en", "secret", "apple_p8_key", """Fastlane can't upload to TestFlight. I pasted the App Store Connect key file content into the env var like this:

APP_STORE_CONNECT_API_KEY_ID=⟨algolia_app⟩
APP_STORE_CONNECT_ISSUER_ID=⟨uuid⟩
APP_STORE_CONNECT_API_KEY_CONTENT="⟦ec_private_key|⟨p8_pem⟩⟧\"""")

T("mob_fcm_server_key", "mobile", "en", "secret", "fcm_server_key", """Legacy FCM push from our Laravel backend stopped working; the config:

'fcm' => [
    'server_key' => '⟦fcm_server_key|⟨fcm⟩⟧',
    'sender_id'  => '⟨dig10⟩',
],""")

T("mob_de_gradle_maps", "mobile", "de", "secret", "google_api_key", """Wir haben den Geocoding-Schlüssel (serverseitig, ohne Einschränkungen!) in die local.properties gelegt und über BuildConfig eingebunden:

# local.properties
sdk.dir=/Users/lena/Library/Android/sdk
GEOCODING_SERVER_KEY=⟦google_api_key|⟨gcp_key⟩⟧

Ist das sicher genug, wenn die Datei nicht im Git ist?""")

T("mob_de_expo_public", "mobile", "de", "not_secret", "publishable_key", """In unserer Expo-app.json steht Folgendes – laut RevenueCat-Doku ist das der öffentliche SDK-Schlüssel für die App:

"extra": {
  "revenueCatAppleKey": "appl_⟨aln20⟩⟨pin4⟩",
  "eas": { "projectId": "⟨uuid⟩" }
}

Muss ich den verstecken?""")

T("mob_ja_plist", "mobile", "ja", "secret", "password", """iOS アプリの Info.plist に検証環境の Basic 認証を書いています。レビューで指摘されました。

<key>StagingBasicAuthUser</key>
<string>qa</string>
<key>StagingBasicAuthPassword</key>
<string>⟦password|⟨pwu⟩⟧</string>""")

T("mob_ja_googleservice_plist", "mobile", "ja", "not_secret", "public_client_key", """GoogleService-Info.plist の API_KEY は公開しても大丈夫と聞きました（バンドル ID で制限済み）。本当ですか？

<key>API_KEY</key>
<string>⟨gcp_key⟩</string>
<key>BUNDLE_ID</key>
<string>jp.acme.shop</string>
<key>GCM_SENDER_ID</key>
<string>⟨dig10⟩</string>""")

T("mob_zh_gradle", "mobile", "zh", "secret", "password", """Android 打包报错 "Failed to read key from store"，gradle 配置如下：

signingConfigs {
    release {
        storeFile file('release.keystore')
        storePassword '⟦password|⟨pwu@p⟩⟧'
        keyAlias 'shangcheng'
        keyPassword '⟦password|⟨=p⟩⟧'
    }
}""")

T("mob_zh_placeholder", "mobile", "zh", "not_secret", "placeholder", """我在 gradle.properties 里只放了占位符，真实值由 CI 注入，这样可以吗？

MYAPP_UPLOAD_STORE_PASSWORD=请在CI中设置
MYAPP_UPLOAD_KEY_PASSWORD=请在CI中设置
AMAP_KEY=your_amap_key_here""")

T("mob_bundle_id_team", "mobile", "en", "not_secret", "identifier", """fastlane Appfile — are these IDs private?

app_identifier("com.acme.fieldops")
apple_id("mobile-ci@acme.example")
itc_team_id("⟨dig10⟩")
team_id("⟨hex16⟩")""".replace("⟨hex16⟩", "Q7XK29LM4P"))

# --- ci: GitLab / Bitbucket / CircleCI / Azure Pipelines YAML --------------

T("ci_gitlab_docker_login", "ci", "en", "secret", "docker_hub_pat", """.gitlab-ci.yml — the build job can't push to Docker Hub ("unauthorized: incorrect username or password"):

build:
  stage: build
  image: docker:27
  services: [docker:27-dind]
  script:
    - echo "⟦docker_hub_pat|⟨dockerhub⟩⟧" | docker login -u acmebot --password-stdin
    - docker build -t acme/api:$CI_COMMIT_SHORT_SHA .
    - docker push acme/api:$CI_COMMIT_SHORT_SHA""")

T("ci_gitlab_masked_vars", "ci", "en", "not_secret", "secret_reference", """Our .gitlab-ci.yml after the cleanup, nothing is inline any more:

deploy:
  stage: deploy
  script:
    - echo "$REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"
    - helm upgrade --install api ./chart --set image.tag=$CI_COMMIT_SHA
  variables:
    KUBE_CONTEXT: acme/infra:prod-agent""")

T("ci_gitlab_trigger", "ci", "en", "secret", "gitlab_pipeline_trigger_token", """Downstream trigger from our monorepo pipeline returns 404:

trigger_docs:
  stage: .post
  script:
    - >
      curl -X POST --fail
      -F token=⟦gitlab_pipeline_trigger_token|⟨glptt⟩⟧
      -F ref=main
      https://gitlab.acme.example/api/v4/projects/412/trigger/pipeline""")

T("ci_gitlab_glpat_var", "ci", "en", "secret", "gitlab_pat", """Semantic-release in GitLab CI needs a token with api scope. I put it in the variables block:

variables:
  GITLAB_TOKEN: "⟦gitlab_pat|⟨glpat⟩⟧"
  GIT_DEPTH: "0"

release:
  image: node:22
  script:
    - npx semantic-release""")

T("ci_bitbucket_ssh_key", "ci", "en", "secret", "private_key", """bitbucket-pipelines.yml — the deploy step writes the key from a variable, but for debugging I inlined it:

pipelines:
  branches:
    main:
      - step:
          name: Deploy
          script:
            - mkdir -p ~/.ssh
            - |
              cat > ~/.ssh/id_rsa <<'EOF'
⟦rsa_private_key|⟨rsa_pem⟩⟧
              EOF
            - chmod 600 ~/.ssh/id_rsa
            - ssh deploy@203.0.113.40 './deploy.sh'""")

T("ci_bitbucket_vars_ok", "ci", "en", "not_secret", "secret_reference", """Bitbucket pipe for S3 deploy — is this safe to paste in our wiki?

- pipe: atlassian/aws-s3-deploy:1.6.0
  variables:
    AWS_ACCESS_KEY_ID: $AWS_ACCESS_KEY_ID
    AWS_SECRET_ACCESS_KEY: $AWS_SECRET_ACCESS_KEY
    AWS_DEFAULT_REGION: 'eu-west-1'
    S3_BUCKET: 'acme-static-site'
    LOCAL_PATH: 'build'""")

T("ci_bitbucket_app_pw", "ci", "en", "secret", "bitbucket_app_password", """Step that tags the release back to the repo fails with 403:

- step:
    name: Tag release
    script:
      - git remote set-url origin https://release-bot:⟦bitbucket_app_password|⟨bitbucket⟩⟧@bitbucket.org/acme/payments.git
      - git tag v$BITBUCKET_BUILD_NUMBER && git push origin --tags""")

T("ci_circleci_env_inline", "ci", "en", "secret", "npm_token", """.circleci/config.yml publish job — npm says "E401 Unable to authenticate":

jobs:
  publish:
    docker:
      - image: cimg/node:22.11
    environment:
      NPM_TOKEN: ⟦npm_token|⟨npm⟩⟧
    steps:
      - checkout
      - run: echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > ~/.npmrc
      - run: npm publish --access public""")

T("ci_circleci_context", "ci", "en", "not_secret", "secret_reference", """CircleCI config using a context; reviewers asked whether any secret is visible:

workflows:
  release:
    jobs:
      - publish:
          context:
            - npm-publishing
          filters:
            branches:
              only: main
# the npm-publishing context holds NPM_TOKEN (set in Organization Settings > Contexts)""")

T("ci_circleci_api_trigger", "ci", "en", "secret", "circleci_token", """Script we use to trigger a CircleCI pipeline from Jenkins:

curl -X POST https://circleci.com/api/v2/project/gh/acme/mobile/pipeline \\
  -H "Circle-Token: ⟦circleci_token|⟨circleci⟩⟧" \\
  -H "Content-Type: application/json" \\
  -d '{"branch":"release/5.2","parameters":{"run_e2e":true}}'""")

T("ci_azure_pipelines_inline", "ci", "en", "secret", "azure_client_secret", """azure-pipelines.yml — az login fails with AADSTS7000215 "Invalid client secret":

steps:
- script: |
    az login --service-principal \\
      -u ⟨uuid⟩ \\
      -p '⟦azure_client_secret|⟨azure_secret⟩⟧' \\
      --tenant ⟨uuid⟩
    az acr build -r acmeregistry -t api:$(Build.BuildId) .
  displayName: Build image""")

T("ci_azure_pipelines_vars", "ci", "en", "not_secret", "secret_reference", """Corrected Azure Pipelines YAML with a variable group linked to Key Vault:

variables:
- group: kv-prod-secrets
steps:
- task: AzureCLI@2
  inputs:
    azureSubscription: 'sc-prod-workload-identity'
    scriptType: bash
    inlineScript: |
      echo "Using SP $(servicePrincipalId)"
      az keyvault secret show --vault-name kv-prod --name sql-admin --query id""")

T("ci_azure_devops_pat", "ci", "en", "secret", "azure_devops_pat", """Our self-hosted agent config script (config.cmd) as we run it in the VM extension:

.\\config.cmd --unattended --url https://dev.azure.com/acme-fin --auth pat --token ⟦azure_devops_pat|⟨azure_devops⟩⟧ --pool Linux-Build --agent build-07 --runAsService""")

T("ci_gitlab_runner_register", "ci", "en", "secret", "gitlab_runner_token", """Runner registration in our cloud-init, runner shows as "never contacted":

runcmd:
  - gitlab-runner register --non-interactive --url https://gitlab.acme.example --token ⟦gitlab_runner_token|⟨glrt⟩⟧ --executor docker --docker-image alpine:3.20""")

T("ci_de_sonar", "ci", "de", "secret", "api_key", """Unser GitLab-Job für SonarQube schlägt mit „Not authorized“ fehl. Die Konfiguration:

sonarqube-check:
  image: sonarsource/sonar-scanner-cli:11
  variables:
    SONAR_HOST_URL: "https://sonar.firma.intern"
    SONAR_TOKEN: "⟦api_key|squ_⟨sha1⟩⟧"
  script:
    - sonar-scanner -Dsonar.projectKey=lagerverwaltung""")

T("ci_de_job_token", "ci", "de", "not_secret", "secret_reference", """Reicht das CI_JOB_TOKEN für das Paket-Registry-Upload oder brauche ich ein eigenes Token?

upload:
  script:
    - 'curl --header "JOB-TOKEN: $CI_JOB_TOKEN" --upload-file dist/lager-1.4.2.tar.gz "${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/generic/lager/1.4.2/lager-1.4.2.tar.gz"'""")

T("ci_fr_heroku", "ci", "fr", "secret", "heroku_api_key", """Le déploiement sur Heroku depuis Bitbucket Pipelines ne marche plus depuis qu'ils ont changé le format des clés :

- step:
    name: Déploiement Heroku
    script:
      - git push https://heroku:⟦heroku_api_key|⟨heroku⟩⟧@git.heroku.com/boutique-prod.git HEAD:main""")

T("ci_fr_masked_log", "ci", "fr", "not_secret", "redacted", """Voici le log du job GitLab, la variable est bien masquée non ?

$ echo "Connexion au registre avec $REGISTRY_TOKEN"
Connexion au registre avec [MASKED]
$ docker login -u gitlab-ci-token -p [MASKED] registry.acme.example
Login Succeeded""")

T("ci_es_azure_storage", "ci", "es", "secret", "azure_storage_key", """En Azure Pipelines la tarea de copia de archivos falla. Tengo esto en el YAML:

- task: AzureCLI@2
  inputs:
    inlineScript: |
      az storage blob upload-batch -d '$web' -s ./dist \\
        --account-name stwebtienda \\
        --account-key "⟦azure_storage_key|⟨azure_storage⟩⟧\"""")

T("ci_pl_sha_digest", "ci", "pl", "not_secret", "image_digest", """Czy te wartości w naszym .gitlab-ci.yml to jakieś sekrety? Kolega przypiął obrazy po digestach:

image: python:3.12-slim@sha256:⟨sha256⟩
services:
  - name: postgres:16@sha256:⟨sha256⟩
    alias: db""")

T("ci_pl_pypi", "ci", "pl", "secret", "pypi_token", """Publikacja do PyPI z CircleCI nie działa, twine pisze 403. Fragment configa:

      - run:
          name: Publikacja
          command: |
            pip install twine
            twine upload -u __token__ -p ⟦pypi_token|⟨pypi⟩⟧ dist/*""")

T("ci_ru_slack_notify", "ci", "ru", "not_secret", "placeholder", """Шаблон для уведомлений в Slack из Azure Pipelines, вместо вебхука плейсхолдер:

- script: |
    curl -X POST -H 'Content-type: application/json' \\
      --data '{"text":"Сборка $(Build.BuildNumber) завершена"}' \\
      "$(SLACK_WEBHOOK_URL)"
  displayName: Уведомление""")

# --- devtools: browser devtools copies ---------------------------------------

T("dev_curl_bearer_jwt", "devtools", "en", "secret", "jwt", """I did "Copy as cURL" from the Network tab, why does it work in the browser but return 401 from my terminal?

curl 'https://app.acme-crm.com/api/v1/contacts?page=2' \\
  -H 'accept: application/json' \\
  -H 'authorization: Bearer ⟦jwt|⟨jwt⟩⟧' \\
  -H 'origin: https://app.acme-crm.com' \\
  -H 'user-agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36'""")

T("dev_curl_cookie", "devtools", "en", "secret", "session_cookie", """Copied from Chrome devtools; the export endpoint times out after 30 s, can you spot a header problem?

curl 'https://admin.shopnova.io/reports/export.csv?from=2025-10-01' \\
  -H 'cookie: _ga=GA1.1.⟨dig10⟩.⟨dig10⟩; csrftoken=⟨aln32⟩; sessionid=⟦session_cookie|⟨url43⟩⟧' \\
  -H 'x-csrftoken: ⟨aln32⟩' \\
  --compressed""")

T("dev_localstorage_dump", "devtools", "en", "secret", "refresh_token", """Output of JSON.stringify(localStorage) on our SPA; the user gets logged out every few minutes:

{"theme":"dark","i18nextLng":"en-GB","auth":"{\\"access_token\\":\\"⟦jwt|⟨jwt_rs⟩⟧\\",\\"refresh_token\\":\\"⟦refresh_token|⟨url43⟩⟧\\",\\"expires_in\\":300}","lastRoute":"/invoices"}""")

T("dev_localstorage_noauth", "devtools", "en", "not_secret", "identifier", """localStorage dump from the checkout page, nothing private here I think:

{"ajs_anonymous_id":"\\"⟨uuid⟩\\"","cart_id":"⟨uuid⟩","consent":"{\\"analytics\\":true,\\"ads\\":false}","experiment_bucket":"B","last_seen_release":"⟨sha7⟩"}""")

T("dev_curl_api_key_header", "devtools", "en", "secret", "openai_api_key", """Copy as cURL from our internal playground (it calls OpenAI straight from the browser, I know):

curl 'https://api.openai.com/v1/responses' \\
  -H 'content-type: application/json' \\
  -H 'authorization: Bearer ⟦openai_api_key|⟨openai_svc⟩⟧' \\
  --data-raw '{"model":"gpt-4.1-mini","input":"Summarise ticket #8812"}'""")

T("dev_har_redacted", "devtools", "en", "not_secret", "redacted", """HAR snippet I sanitised before sending to the vendor:

"request": {
  "method": "POST",
  "url": "https://api.vendor-pay.com/v2/charges",
  "headers": [
    { "name": "Authorization", "value": "Bearer [redacted by HAR sanitizer]" },
    { "name": "Idempotency-Key", "value": "⟨uuid⟩" }
  ]
}""")

T("dev_maps_browser_key", "devtools", "en", "not_secret", "public_client_key", """From view-source on our store locator. The Maps JavaScript key is restricted to HTTP referrers *.acme-stores.com/* in the Cloud console, so I assume exposing it is fine?

<script async
  src="https://maps.googleapis.com/maps/api/js?key=⟨gcp_key⟩&callback=initMap&libraries=places">
</script>""")

T("dev_sessionstorage_supabase", "devtools", "en", "secret", "supabase_service_role_key", """Why can any visitor delete rows? Our admin page's sessionStorage has:

sb-config: {"url":"https://⟨word⟩.supabase.co","key":"⟦supabase_service_role_key|⟨supa_service⟩⟧"}""".replace("⟨word⟩", "qzhnbkxvgtlmaeprwdco"))

T("dev_supabase_anon", "devtools", "en", "not_secret", "publishable_key", """Network tab shows this apikey header on every request to Supabase — it's the anon key, RLS is on for all tables. Is that normal?

apikey: ⟨supa_anon⟩
x-client-info: supabase-js-web/2.45.4""")

T("dev_de_curl_basic", "devtools", "de", "secret", "basic_auth", """Ich habe die Anfrage aus den Firefox-Entwicklertools kopiert („Als cURL kopieren“). Warum bekomme ich im Terminal 403?

curl 'https://intranet.firma.de/api/urlaub/antraege' \\
  -H 'Authorization: Basic ⟦basic_auth|⟨basic⟩⟧' \\
  -H 'Accept: application/json'""".replace("⟨basic⟩", base64.b64encode(b"m.schulz:Herbstlaub2025!").decode()))

T("dev_fr_cookie_consent", "devtools", "fr", "not_secret", "identifier", """Voici les cookies de notre site (onglet Application des DevTools). Lesquels sont sensibles ?

_ga        GA1.1.⟨dig10⟩.⟨dig10⟩
didomi_token  ⟨b64txt⟩
lang       fr-FR""".replace("⟨b64txt⟩", base64.b64encode(b'{"user_id":"18c2-anon","purposes":{"enabled":["analytics"]}}').decode()))

T("dev_es_curl_stripe", "devtools", "es", "secret", "stripe_restricted_key", """Copié la petición desde la pestaña Red de Chrome, nuestra página de administración llama a Stripe directamente:

curl 'https://api.stripe.com/v1/refunds' \\
  -u '⟦stripe_restricted_key|⟨rk_live⟩⟧:' \\
  -d charge=ch_⟨stripe_obj⟩

¿Es grave que esto esté en el frontend?""")

T("dev_pt_localstorage", "devtools", "pt", "secret", "jwt", """Dump do localStorage do painel (Chrome > Application). O token expira cedo demais?

token: ⟦jwt|⟨jwt⟩⟧
usuario: {"id":4412,"nome":"Beatriz","perfil":"financeiro"}""")

T("dev_it_curl_placeholder", "devtools", "it", "not_secret", "placeholder", """Nella documentazione interna abbiamo questo esempio di cURL, va bene così?

curl 'https://api.gestionale.it/v1/fatture' \\
  -H 'Authorization: Bearer <IL_TUO_TOKEN>' \\
  -H 'Accept: application/json'""")

T("dev_ru_curl_tg", "devtools", "ru", "secret", "telegram_bot_token", """Скопировал запрос из вкладки Network (наш виджет шлёт заявки прямо в Telegram), почему иногда 429?

curl 'https://api.telegram.org/bot⟦telegram_bot_token|⟨telegram⟩⟧/sendMessage' \\
  -H 'content-type: application/json' \\
  --data-raw '{"chat_id":"-100⟨dig10⟩","text":"Новая заявка с сайта"}'""")

T("dev_zh_request_ids", "devtools", "zh", "not_secret", "request_id", """网络面板里这个请求失败了，响应头如下，哪一个可以给客服排查？

x-request-id: ⟨uuid⟩
x-amz-cf-id: ⟨url43⟩==
traceparent: 00-⟨hex32⟩-⟨hex16⟩-01""".replace("⟨hex16⟩", "⟨sha7⟩⟨sha7⟩ab"))

T("dev_ja_cookie", "devtools", "ja", "secret", "session_cookie", """DevTools からコピーした cURL です。管理画面のエクスポートが 500 になります。

curl 'https://kanri.example.jp/export?type=orders' \\
  -b 'laravel_session=⟦session_cookie|⟨b64_44⟩⟧; XSRF-TOKEN=⟨url43⟩' \\
  --compressed""")

# --- email: threads forwarding credentials -----------------------------------

T("mail_fwd_vpn", "email", "en", "secret", "password", """Can you help me write a polite reply asking IT to stop emailing passwords? This is what I got:

---------- Forwarded message ---------
From: IT Service Desk <servicedesk@acme-logistics.com>
Date: Tue, 25 Nov 2026 at 09:12
Subject: Your VPN account
To: Priya Nair <p.nair@acme-logistics.com>

Hi Priya,
your VPN account is ready. Username: pnair, temporary password: ⟦password|⟨pw⟩⟧
Please change it at first login.
Regards, Service Desk""")

T("mail_vendor_sftp", "email", "en", "secret", "password", """Summarise this thread for me and tell me what to do next:

> On Mon, 24 Nov 2026, Tom Becker wrote:
> > Can you resend the SFTP details? The old ones don't work.
>
> Sure — host sftp.payroll-partner.example, port 2222, user acme_upload, password ⟦password|⟨pw⟩⟧. The password expires on 31 Dec.

Thanks, that worked. — Tom""")

T("mail_rotation_notice", "email", "en", "not_secret", "rotation_notice", """Proofread this email before I send it to the team:

Subject: Stripe secret key rotated

Hi all, following yesterday's incident we rolled the Stripe live secret key at 14:05 UTC. The old key is revoked; the new one is only in AWS Secrets Manager under prod/payments/stripe. Nothing needs to change in your code, the service picks it up on restart. Please do not paste keys into tickets or email.""")

T("mail_api_key_to_agency", "email", "en", "secret", "openai_api_key", """Translate this into German for our agency partner:

Hi Jonas, as discussed here's the key for the chatbot pilot, please use it only for the staging site and keep usage under 50 EUR/month:

⟦openai_api_key|⟨openai⟩⟧

Best, Claire""")

T("mail_password_reset_link", "email", "en", "not_secret", "identifier", """Is this password reset email a phishing attempt? The link looks weird:

From: Microsoft account team <account-security-noreply@accountprotection.microsoft.com>
Subject: Microsoft account password reset

Use this code to reset the password for the Microsoft account c*****@outlook.com.
Security code: expired
Reference: ⟨uuid⟩""")

T("mail_de_zugangsdaten", "email", "de", "secret", "password", """Kannst du diese E-Mail zusammenfassen und mir sagen, ob ich etwas tun muss?

Von: Lohnbüro Schneider <info@lohnbuero-schneider.example>
Betreff: Zugangsdaten DATEV Unternehmen online

Sehr geehrte Frau Yilmaz,
anbei wie besprochen die Zugangsdaten für das Belegportal:
Benutzername: yilmaz.baeckerei
Kennwort: ⟦password|⟨pw⟩⟧
Bitte ändern Sie das Kennwort nach der ersten Anmeldung.
Mit freundlichen Grüßen""")

T("mail_de_no_password", "email", "de", "not_secret", "security_advice", """Bitte formuliere diese E-Mail freundlicher:

Hallo zusammen, wir verschicken ab sofort KEINE Passwörter mehr per E-Mail. Das Initialpasswort bekommt ihr per SMS, die Zugangsdaten für Dienstleister nur noch über den Passwort-Tresor (Freigabelink, 7 Tage gültig).""")

T("mail_fr_identifiants", "email", "fr", "secret", "password", """Peux-tu m'aider à répondre à ce mail du prestataire ?

De : Support Hébergement <support@hebergeur-exemple.fr>
Objet : Vos identifiants FTP

Bonjour Monsieur Lambert,
Voici vos identifiants pour l'espace FTP du site vitrine :
Serveur : ftp.cabinet-lambert.fr
Identifiant : cablambert
Mot de passe : ⟦password|⟨pw⟩⟧
Cordialement, l'équipe support""")

T("mail_fr_masked", "email", "fr", "not_secret", "redacted", """J'ai reçu cet e-mail de confirmation, c'est normal que le mot de passe soit caché ?

Objet : Votre compte a été créé
Identifiant : m.dupont
Mot de passe : ••••••••• (celui que vous avez choisi)
Pour le modifier, rendez-vous dans Mon compte > Sécurité.""")

T("mail_es_aws_keys", "email", "es", "secret", "aws_access_key", """Resume este hilo de correo por favor:

De: Carlos Ortega
Para: equipo-datos
Asunto: RE: acceso al bucket de informes

Os paso las claves del usuario de solo lectura mientras arreglamos SSO:
AWS_ACCESS_KEY_ID=⟦aws_access_key_id|⟨aws_id⟩⟧
AWS_SECRET_ACCESS_KEY=⟦aws_secret_access_key|⟨aws_secret⟩⟧
Región eu-south-2. Por favor no las reenviéis.""")

T("mail_es_example_doc", "email", "es", "not_secret", "doc_example_key", """Un proveedor nos mandó esto como "ejemplo de configuración", ¿son claves reales?

aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

(son los valores de ejemplo de la documentación de AWS)""")

T("mail_it_wifi_ospiti", "email", "it", "secret", "password", """Traduci in inglese questa mail per gli ospiti stranieri:

Oggetto: Informazioni per la visita di giovedì
Gentili ospiti, al vostro arrivo potete collegarvi alla rete Wi-Fi "Studio-Ospiti" con la password ⟦password|⟨pw⟩⟧. Il parcheggio è nel cortile interno.""")

T("mail_it_policy", "email", "it", "not_secret", "password_policy", """Correggi gli errori in questa comunicazione interna:

A partire dal 1° dicembre le password dovranno avere almeno 12 caratteri, includere lettere maiuscole, minuscole e numeri, e non potranno essere uguali alle ultime 5. L'autenticazione a due fattori sarà obbligatoria per tutti.""")

T("mail_nl_inlog", "email", "nl", "secret", "password", """Kun je deze mail korter maken? Ik wil hem doorsturen naar de nieuwe collega.

Hoi Sanne,
De inloggegevens voor het klantportaal van de boekhouder:
gebruikersnaam: administratie@bakkerij-dewit.nl
wachtwoord: ⟦password|⟨pw⟩⟧
Groet, Erik""")

T("mail_nl_revoked", "email", "nl", "not_secret", "rotation_notice", """Klopt deze mail inhoudelijk?

Onderwerp: API-sleutel ingetrokken
Beste klant, de API-sleutel die op 20 november per ongeluk in een openbaar ticket stond, is door ons ingetrokken. U kunt in het dashboard onder Instellingen > API een nieuwe sleutel aanmaken. De oude sleutel werkt niet meer.""")

T("mail_pl_dane", "email", "pl", "secret", "password", """Pomóż mi odpisać na tego maila od działu IT:

Temat: Dostęp do serwera testowego
Cześć Kasia, dane do logowania na serwer testowy:
host: test-erp.firma.local
login: kasia.nowak
hasło: ⟦password|⟨pw⟩⟧
Pozdrawiam, Marek""")

# --- sheet: spreadsheets of accounts ------------------------------------------

T("sheet_csv_social", "sheet", "en", "secret", "password", """Can you turn this CSV into a markdown table for our onboarding doc?

service,login,password,owner,notes
Instagram,@acme.bakery,⟦password|⟨pw⟩⟧,Lucy,2FA on Lucy's phone
Mailchimp,marketing@acme-bakery.example,⟦password|⟨pw⟩⟧,Lucy,
Canva,design@acme-bakery.example,⟦password|⟨pw⟩⟧,Omar,team plan""")

T("sheet_vault_refs", "sheet", "en", "not_secret", "secret_reference", """Here's our access spreadsheet (exported as TSV), please sort it by owner:

system	account	where is the password	owner
Xero	finance@acme.example	1Password > Finance vault	Maya
AWS root	aws-root@acme.example	sealed envelope, office safe	CTO
Google Workspace admin	admin@acme.example	1Password > IT vault	Dev""")

T("sheet_tsv_api_keys", "sheet", "en", "secret", "api_key", """Please check this list for duplicates, we track vendor API keys in a sheet:

vendor	environment	key	created
SendGrid	prod	⟦sendgrid_api_key|⟨sendgrid⟩⟧	2025-03-02
Twilio	prod	⟦twilio_auth_token|⟨hex32⟩⟧	2025-03-02
Datadog	prod	⟦datadog_api_key|⟨dd_api⟩⟧	2025-06-18
Notion	prod	⟦notion_token|⟨notion⟩⟧	2025-09-30""")

T("sheet_hashes", "sheet", "en", "not_secret", "hash", """Spreadsheet of our release artefacts, can you check the sha256 column format?

| file | version | sha256 |
|---|---|---|
| agent-linux-amd64.tar.gz | 3.4.1 | ⟨sha256⟩ |
| agent-darwin-arm64.tar.gz | 3.4.1 | ⟨sha256⟩ |
| agent-windows-amd64.zip | 3.4.1 | ⟨sha256⟩ |""")

T("sheet_pt_contas", "sheet", "pt", "secret", "password", """Organiza esta planilha de acessos por departamento, por favor:

Sistema;Usuário;Senha;Departamento
ERP Protheus;fin.joana;⟦password|⟨pw⟩⟧;Financeiro
Portal Nota Fiscal;contabil;⟦password|⟨pw⟩⟧;Contabilidade
Banco (internet banking);op.ricardo;⟦password|⟨pw⟩⟧;Tesouraria""")

T("sheet_pt_empty", "sheet", "pt", "not_secret", "placeholder", """Planilha modelo para o novo cliente preencher, está clara?

Sistema;Usuário;Senha;Observação
ERP;(preencher);(não escrever aqui, enviar pelo cofre);
E-mail;(preencher);(não escrever aqui, enviar pelo cofre);""")

T("sheet_es_cuentas", "sheet", "es", "secret", "password", """¿Puedes pasar esta tabla a formato CSV?

| Cuenta | Usuario | Contraseña | Responsable |
|---|---|---|---|
| Amazon Seller Central | ventas@tienda-olivo.es | ⟦password|⟨pw⟩⟧ | Lucía |
| Correos Online | tiendaolivo | ⟦password|⟨pw⟩⟧ | Andrés |""")

T("sheet_es_ids", "sheet", "es", "not_secret", "identifier", """Tabla de pedidos exportada de Excel, ¿qué columna es el identificador único?

pedido	cliente	id_pago	seguimiento
10442	Lucía M.	pi_⟨stripe_obj⟩	ES⟨dig10⟩ES
10443	Andrés P.	pi_⟨stripe_obj⟩	ES⟨dig10⟩ES""")

T("sheet_ru_accounts", "sheet", "ru", "secret", "password", """Преобразуй эту таблицу в JSON:

Сервис | Логин | Пароль
1С:Бухгалтерия | buh_ivanova | ⟦password|⟨pw⟩⟧
Контур.Диадок | ivanova@ooo-romashka.example | ⟦password|⟨pw⟩⟧""")

T("sheet_ja_masked", "sheet", "ja", "not_secret", "redacted", """このアカウント一覧を部署ごとに並べ替えてください（パスワード列は伏せ字にしてあります）。

サービス,ID,パスワード,部署
freee,keiri01,********,経理
Slack,admin@example.co.jp,********,情シス
kintone,eigyo-lead,********,営業""")

T("sheet_zh_accounts", "sheet", "zh", "secret", "password", """帮我把这个账号表整理成 Markdown 表格：

平台,账号,密码,负责人
阿里云,ops@shanghai-trade.example,⟦password|⟨pw⟩⟧,王磊
企业微信,hr_admin,⟦password|⟨pw⟩⟧,李娜""")

T("sheet_coupons", "sheet", "en", "not_secret", "coupon_code", """Sheet of promo codes for Black Friday; please spot any duplicates:

code,discount,valid_until
BF26-⟨thingspeak⟩,20%,2026-11-30
BF26-⟨thingspeak⟩,20%,2026-11-30
CYBER-⟨thingspeak⟩,15%,2026-12-02""")

# --- iot: device setup notes ---------------------------------------------------

T("iot_secrets_h", "iot", "en", "secret", "password", """My ESP32 won't connect to MQTT, here's secrets.h:

#pragma once
#define WIFI_SSID     "Greenhouse-2G"
#define WIFI_PASSWORD "⟦password|⟨pw⟩⟧"
#define MQTT_HOST     "192.168.1.20"
#define MQTT_USER     "sensors"
#define MQTT_PASS     "⟦password|⟨pw⟩⟧\"""")

T("iot_secrets_h_template", "iot", "en", "not_secret", "placeholder", """Is this secrets.h.example OK to ship in the repo?

#define WIFI_SSID     "your-ssid"
#define WIFI_PASSWORD "your-wifi-password"
#define MQTT_PASS     "changeme"
// copy to secrets.h and fill in; secrets.h is gitignored""")

T("iot_lorawan", "iot", "en", "secret", "lorawan_app_key", """Setting up the LoRaWAN soil sensor on TTN, the join keeps failing. Values from the console:

DevEUI: ⟨hex16⟩
JoinEUI (AppEUI): 0000000000000000
AppKey: ⟦lorawan_app_key|⟨hex32up⟩⟧

Frequency plan EU868, LoRaWAN 1.0.3.""")

T("iot_lorawan_ids_only", "iot", "en", "not_secret", "identifier", """Which of these is printed on the sensor's label? I only have:

DevEUI: ⟨hex16⟩
JoinEUI: ⟨hex16⟩
MAC: ⟨mac⟩
Serial: SN-2025-⟨pin6⟩""")

T("iot_aws_iot_cert", "iot", "en", "secret", "rsa_private_key", """AWS IoT Core: the Pi gets "TLS handshake failed". I pasted the files into config.yaml:

endpoint: a1b2c3d4e5f6g7-ats.iot.eu-central-1.amazonaws.com
thing_name: pump-station-04
private_key: |
⟦rsa_private_key|⟨rsa_pem⟩⟧""")

T("iot_cert_only", "iot", "en", "not_secret", "certificate", """Is it OK to post the device certificate in the forum? I removed the private key.

device.crt:
⟨cert_pem⟩""")

T("iot_home_assistant", "iot", "en", "secret", "jwt", """Home Assistant REST call from my Node-RED flow returns 401:

msg.headers = {
  "Authorization": "Bearer ⟦jwt|⟨jwt⟩⟧",
  "Content-Type": "application/json"
};
msg.url = "http://homeassistant.local:8123/api/services/light/turn_on";""")

T("iot_de_router", "iot", "de", "secret", "password", """Einrichtungsnotiz für den Kunden Praxis Dr. Hofmann, bitte in eine saubere Anleitung umwandeln:

- FRITZ!Box 7590, Admin-Kennwort: ⟦password|⟨pw⟩⟧
- WLAN „Praxis-Intern“, WPA2-Schlüssel: ⟦password|⟨pw⟩⟧
- Gäste-WLAN nur über Ticketdrucker""")

T("iot_de_ssid_only", "iot", "de", "not_secret", "wifi_ssid", """Unsere Sensoren finden das Netz nicht. Konfiguration laut Handbuch:

SSID: Lager-Sensorik-5G
Verschlüsselung: WPA3-Personal
Kennwort: siehe Aufkleber am Router (nicht hier notieren)""")

T("iot_nl_thermostat", "iot", "nl", "secret", "api_key", """Mijn slimme thermostaat praat niet meer met de ThingSpeak-grafiek. Config van de ESP8266:

const char* ssid = "Ziggo-Thuis";
const char* wachtwoord = "⟦password|⟨pw⟩⟧";
String writeApiKey = "⟦api_key|⟨thingspeak⟩⟧";""")

T("iot_nl_serials", "iot", "nl", "not_secret", "serial_number", """Welke van deze nummers moet ik aan de installateur doorgeven voor de garantie?

Omvormer serienummer: ⟨thingspeak⟩
Firmware: 4.12.7 (build ⟨sha7⟩)
MAC-adres: ⟨mac⟩""")

T("iot_pl_mqtt", "iot", "pl", "secret", "password", """Czujnik temperatury nie łączy się z brokerem. Notatka z instalacji:

broker: mqtt.magazyn.local:8883
użytkownik: czujnik_hala3
hasło: ⟦password|⟨pw⟩⟧
topic: hala3/temperatura""")

T("iot_pl_firmware_hash", "iot", "pl", "not_secret", "hash", """Czy suma kontrolna firmware się zgadza? Producent podaje:

plik: sterownik_v2.3.1.bin
SHA-256: ⟨sha256⟩
MD5: ⟨md5⟩""")

T("iot_particle", "iot", "en", "secret", "particle_access_token", """Particle Photon setup notes from the maker space wiki — the webhook can't call the device function:

curl https://api.particle.io/v1/devices/⟨sha7⟩⟨hex16⟩/setRelay \\
  -d arg=on \\
  -d access_token=⟦particle_access_token|⟨particle⟩⟧""".replace("⟨hex16⟩", "0f2a9c4b11e3d7e8a"))

# --- dbbackup: dumps and backups ------------------------------------------------

T("db_pgdump_settings", "dbbackup", "en", "secret", "smtp_password", """Part of last night's pg_dump (plain format); the app reads SMTP settings from this table. Why are emails not going out?

COPY public.app_settings (key, value, updated_at) FROM stdin;
smtp_host	smtp.office365.com	2026-11-20 10:02:11
smtp_user	noreply@acme-clinic.example	2026-11-20 10:02:11
smtp_password	⟦password|⟨pw⟩⟧	2026-11-20 10:02:11
smtp_port	587	2026-11-20 10:02:11
\\.""")

T("db_pgdump_users_hash", "dbbackup", "en", "not_secret", "password_hash", """Snippet of the users table from the backup, the login says "invalid credentials" for everyone after restore:

COPY public.users (id, email, password, is_active) FROM stdin;
1	admin@acme-clinic.example	⟨pbkdf2⟩	t
2	reception@acme-clinic.example	⟨pbkdf2⟩	t
\\.""")

T("db_mysqldump_wp", "dbbackup", "en", "not_secret", "password_hash", """mysqldump of a WordPress site, is the admin password recoverable from this?

INSERT INTO `wp_users` VALUES (1,'admin','⟨bcrypt2y⟩','admin','owner@olive-bistro.example','','2019-04-11 09:12:44','',0,'Olive Bistro');""")

T("db_mysqldump_options", "dbbackup", "en", "secret", "stripe_secret_key", """From a WooCommerce mysqldump someone uploaded to a shared drive:

INSERT INTO `wp_options` VALUES (48211,'woocommerce_stripe_settings','a:4:{s:7:\\"enabled\\";s:3:\\"yes\\";s:15:\\"publishable_key\\";s:107:\\"⟨pk_live⟩\\";s:10:\\"secret_key\\";s:107:\\"⟦stripe_secret_key|⟨sk_live⟩⟧\\";s:8:\\"testmode\\";s:2:\\"no\\";}','yes');""")

T("db_mongo_export", "dbbackup", "en", "secret", "api_key", """mongoexport of the integrations collection, one document:

{"_id":{"$oid":"⟨hex16⟩⟨sha7⟩a1b"},"tenant":"nordwind","provider":"hubspot","accessToken":"⟦api_key|pat-eu1-⟨uuid⟩⟧","createdAt":{"$date":"2026-10-02T08:11:00Z"}}""".replace("⟨hex16⟩", "6734c2e1f0a9b8"))

T("db_mongo_oid_only", "dbbackup", "en", "not_secret", "identifier", """mongodump metadata, what do these values mean?

{"indexes":[{"v":2,"key":{"_id":1},"name":"_id_"}],"uuid":"⟨hex32⟩","collectionName":"orders","type":"collection"}
{"_id":{"$oid":"6734c2e1f0a9b8⟨sha7⟩fff"},"status":"shipped"}""")

T("db_redis_rdb_dump", "dbbackup", "en", "not_secret", "base64_data", """redis-cli --raw DUMP output for a session key, what encoding is this?

"\\x00\\xc3@\\x8a@\\x9b\\x1f{\\"cart\\":[{\\"sku\\":\\"TEA-0412\\",\\"qty\\":2}],\\"locale\\":\\"en\\x0b\\x00\\xd4\\x9e...\"

and GET on the same key shows: ⟨b64cart⟩""".replace("⟨b64cart⟩", base64.b64encode(b'{"cart":[{"sku":"TEA-0412","qty":2}],"locale":"en"}').decode()))

T("db_de_backup_script", "dbbackup", "de", "secret", "password", """Unser nächtliches Backup-Skript, das Backup ist seit Montag leer. Siehst du den Fehler?

#!/bin/bash
DATUM=$(date +%F)
mysqldump -u sicherung -p'⟦password|⟨pw⟩⟧' --single-transaction warenwirtschaft | gzip > /backup/ww_$DATUM.sql.gz
find /backup -name 'ww_*.sql.gz' -mtime +14 -delete""")

T("db_de_pgpass_ref", "dbbackup", "de", "not_secret", "secret_reference", """Ist das die empfohlene Variante ohne Passwort im Skript?

export PGPASSFILE=/etc/backup/.pgpass   # Rechte 0600, gehört root
pg_dump -h db01 -U sicherung -Fc warenwirtschaft > /backup/ww_$(date +%F).dump""")

T("db_it_dump_config", "dbbackup", "it", "secret", "password", """Nel backup del database del gestionale c'è questa tabella di configurazione, è un problema?

INSERT INTO configurazione (chiave, valore) VALUES
 ('pec_utente', 'amministrazione@pec.studio-verdi.example'),
 ('pec_password', '⟦password|⟨pw⟩⟧'),
 ('sdi_canale', 'PEC');""")

T("db_pt_checksum", "dbbackup", "pt", "not_secret", "hash", """O backup do banco foi corrompido? Comparei os checksums:

backup_2026-11-25.sql.gz  sha256 ⟨sha256⟩
backup_2026-11-26.sql.gz  sha256 ⟨sha256⟩
tamanho: 1,8 GB / 1,8 GB""")

T("db_es_sqlite_tokens", "dbbackup", "es", "not_secret", "redacted", """Saqué esta fila de la copia SQLite de la app, ya ocultamos el token antes de compartirla:

sqlite> SELECT id, proveedor, token, caduca FROM integraciones LIMIT 1;
7|google_drive|ya29.…(oculto)…|2026-11-27 10:14:00""")

# --- pwexport: password-manager exports ---------------------------------------

T("pwx_bitwarden_csv", "pwexport", "en", "secret", "password", """I exported from Bitwarden and want to import into 1Password, which columns map where?

folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
Work,,login,Jira,,,0,https://acme.atlassian.net,r.ahmed@acme.example,⟦password|⟨pw⟩⟧,
Personal,1,login,Netflix,,,0,https://netflix.com,rahmed,⟦password|⟨pw⟩⟧,""")

T("pwx_chrome_csv", "pwexport", "en", "secret", "password", """Chrome's password export, can you remove the duplicates for me?

name,url,username,password,note
accounts.google.com,https://accounts.google.com/,jt.morales@gmail.com,⟦password|⟨pw@a⟩⟧,
accounts.google.com,https://accounts.google.com/,jt.morales@gmail.com,⟦password|⟨=a⟩⟧,
portal.cityutilities.example,https://portal.cityutilities.example/login,jtmorales,⟦password|⟨pw⟩⟧,""")

T("pwx_keepass_xml_protected", "pwexport", "en", "not_secret", "encrypted_blob", """KeePass XML export header, is the value below the actual password?

<Entry>
  <String><Key>Title</Key><Value>NAS admin</Value></String>
  <String><Key>Password</Key><Value Protected="True">⟨b64_44⟩</Value></String>
</Entry>
(exported with "protect in memory", the value is XOR-encrypted with the inner stream key)""")

T("pwx_1password_template", "pwexport", "en", "not_secret", "placeholder", """The 1Password CSV import template from our IT wiki, looks right?

title,website,username,password,notes
Example login,https://example.com,user@example.com,<password>,Replace before importing""")

T("pwx_fr_lastpass", "pwexport", "fr", "secret", "password", """Export LastPass de ma mère, je veux juste garder les comptes bancaires :

url,username,password,totp,extra,name,grouping,fav
https://www.credit-exemple.fr,5548123,⟦password|⟨pw⟩⟧,,,Banque,Finances,1
https://www.impots.gouv.fr,1 87 06 75 012 345,⟦password|⟨pw⟩⟧,,,Impôts,Finances,0""")

T("pwx_pl_keepass_csv", "pwexport", "pl", "secret", "password", """Eksport z KeePassXC do CSV, chcę to przenieść do Bitwardena:

"Grupa","Tytuł","Nazwa użytkownika","Hasło","URL","Notatki"
"Root/Praca","Poczta firmowa","a.kowalska","⟦password|⟨pw⟩⟧","https://poczta.firma.pl",""
"Root/Dom","Router","admin","⟦password|⟨pw⟩⟧","http://192.168.0.1","" """.strip())

T("pwx_nl_empty_passwords", "pwexport", "nl", "not_secret", "empty_value", """Waarom is de wachtwoordkolom leeg in mijn export uit de browser?

name,url,username,password
mijn.overheid.nl,https://mijn.overheid.nl,j.devries,
bol.com,https://www.bol.com,jdevries@example.nl,""")

T("pwx_ru_totp", "pwexport", "ru", "not_secret", "security_advice", """Подскажи, как безопасно перенести пароли из Chrome в KeePassXC? Экспорт CSV я пока не делал: прочитал, что файл лежит незашифрованным, и хочу сразу удалить его после импорта.""")

# --- ticket: support tickets quoting customer credentials ----------------------

T("tkt_customer_pastes_key", "ticket", "en", "secret", "anthropic_api_key", """Help me draft a reply to this ticket, and tell me what we should do about the key:

Ticket #48213 — "API returns 401 since this morning"
Customer: Hi, our integration stopped working. Our key is ⟦anthropic_api_key|⟨anthropic⟩⟧ and we call /v1/messages from our backend in eu-west-1. Nothing changed on our side. Please fix ASAP!""")

T("tkt_masked_key", "ticket", "en", "not_secret", "masked_key", """Ticket #48214: "Customer says key sk-ant-...7QaA stopped working after the billing change." Please summarise the likely causes for the agent.""")

T("tkt_zendesk_github", "ticket", "en", "secret", "github_pat", """Zendesk ticket, the customer attached their CLI output:

$ acme-deploy connect --provider github --token ⟦github_pat|⟨github_pat⟩⟧
Error: token lacks "contents:write" on acme-corp/website

What permissions should I tell them to add?""")

T("tkt_request_id_only", "ticket", "en", "not_secret", "request_id", """Customer ticket: "Upload failed, here are the details from the error dialog: Request ID ⟨uuid⟩, Trace ⟨hex32⟩, time 2026-11-26 14:03:12 UTC." Can you write an internal note for the backend team?""")

T("tkt_discord_bot", "ticket", "en", "secret", "discord_bot_token", """Community server admin opened a ticket; draft a reply that tells them what to do first:

"Our moderation bot went offline and someone said it might be rate-limited. Here's our config in case it helps:
DISCORD_TOKEN=⟦discord_bot_token|⟨discord_bot⟩⟧
GUILD_ID=⟨dig10⟩⟨pin6⟩
We're on discord.py 2.4." """.strip())

T("tkt_twilio_sid_only", "ticket", "en", "not_secret", "identifier", """Customer writes: "SMS not delivered to +44 numbers. Account SID ⟨twilio_ac⟩, message SID SM⟨hex32⟩." Draft a reply asking for the error code.""")

T("tkt_slack_bot", "ticket", "en", "secret", "slack_bot_token", """Ticket from a customer using our Slack integration — summarise and suggest next steps:

"We reinstalled the app and now nothing posts. Here's the bot token from the OAuth page in case you need it: ⟦slack_bot_token|⟨slack_bot⟩⟧. Channel is #sales-alerts." """.strip())

T("tkt_revoked_notice", "ticket", "en", "not_secret", "rotation_notice", """Internal note on ticket #51022 — rewrite it as a customer-facing message:

"Customer posted their live API key in the public community thread. We revoked it at 09:40 UTC, deleted the post, and emailed them to create a new key. No usage from unknown IPs in the last 24 h." """.strip())

T("tkt_sentry_dsn", "ticket", "en", "not_secret", "public_client_key", """Customer ticket: "Errors from our React app aren't showing up. We init with Sentry.init({ dsn: '⟨sentry_dsn⟩' })." The DSN is the public client key, so that part is fine to share. What else could be wrong?""")

T("tkt_do_token", "ticket", "en", "secret", "digitalocean_token", """Please turn this ticket into a bug report for engineering:

From: ops@kestrel-media.example
"Your Terraform module fails on droplet creation with 'Unable to authenticate you'. We export DIGITALOCEAN_TOKEN=⟦digitalocean_token|⟨do⟩⟧ before running apply. Version 2.3.0." """.strip())

T("tkt_de_kunde_passwort", "ticket", "de", "secret", "password", """Bitte fasse dieses Support-Ticket zusammen und schlage eine Antwort vor:

Kunde (Autohaus Brandt): „Seit dem Update kann sich unser Werkstattmeister nicht mehr anmelden. Benutzer: werkstatt, Passwort: ⟦password|⟨pw⟩⟧ – bitte schnell prüfen, wir haben heute 20 Termine!“""")

T("tkt_de_hash", "ticket", "de", "not_secret", "hash", """Ticket: Der Kunde fragt, ob die Datei manipuliert wurde. Er schickt nur die Prüfsumme: SHA-256 ⟨sha256⟩ für rechnung_2026_11.pdf. Wie antworte ich?""")

T("tkt_fr_cle_api", "ticket", "fr", "secret", "openai_api_key", """Peux-tu répondre à ce ticket client ?

« Bonjour, notre chatbot affiche "invalid_api_key". Notre clé est ⟦openai_api_key|⟨openai_legacy⟩⟧, nous l'avons créée en 2023. Merci de vérifier de votre côté. »""")

T("tkt_fr_placeholder", "ticket", "fr", "not_secret", "placeholder", """Ticket : le client a suivi notre guide et a littéralement collé « Authorization: Bearer VOTRE_CLE_API » dans son script. Rédige une réponse gentille qui explique quoi remplacer.""")

T("tkt_es_contrasena", "ticket", "es", "secret", "password", """Ayúdame a responder este ticket de soporte:

"Hola, no puedo entrar al panel del hosting. Mi usuario es farmacia_sol y la contraseña ⟦password|⟨pw⟩⟧. Ya la probé tres veces y ahora me dice que la cuenta está bloqueada.\"""")

T("tkt_es_policy", "ticket", "es", "not_secret", "password_policy", """Un cliente pregunta en un ticket por qué rechazamos su contraseña. Nuestra política: mínimo 12 caracteres, no puede contener el nombre de usuario, se comprueba contra listas de contraseñas filtradas. Escribe una respuesta breve.""")

T("tkt_pt_chave", "ticket", "pt", "secret", "stripe_secret_key", """Responde a este chamado de suporte, por favor:

"Olá, o checkout da nossa loja parou. Estamos usando a chave ⟦stripe_secret_key|⟨sk_live_short⟩⟧ no plugin. O erro é 'Expired API Key provided'." """.strip())

T("tkt_pt_pedido", "ticket", "pt", "not_secret", "identifier", """Chamado #7781: cliente informa que o pagamento foi recusado. Dados enviados: pedido 10092, id da transação ch_⟨stripe_obj⟩, código de rastreio BR⟨dig10⟩BR. Resuma para o time financeiro.""")

T("tkt_it_token", "ticket", "it", "secret", "gitlab_pat", """Riassumi questo ticket per il team tecnico:

"Buongiorno, la pipeline non riesce a clonare il repository privato. Abbiamo configurato il token ⟦gitlab_pat|⟨glpat⟩⟧ con scope read_repository. Potete controllare?\"""")

T("tkt_it_uuid", "ticket", "it", "not_secret", "identifier", """Ticket #3310: il cliente chiede la cancellazione dei suoi dati (GDPR). ID account ⟨uuid⟩, ID richiesta ⟨uuid⟩. Scrivi la risposta standard.""")

T("tkt_ja_apikey", "ticket", "ja", "secret", "sendgrid_api_key", """このサポートチケットへの返信を作成してください。

「メールが送信できません。設定している API キーは ⟦sendgrid_api_key|⟨sendgrid⟩⟧ です。昨日までは問題なく送れていました。」""")

T("tkt_ja_masked", "ticket", "ja", "not_secret", "masked_key", """チケット要約をお願いします：顧客は「API キー（末尾 …f3Q9）が無効と表示される」と連絡してきました。キー全体は送ってもらっていません。""")

T("tkt_zh_apikey", "ticket", "zh", "secret", "alibaba_access_key", """帮我回复这个工单：

客户：“你们的短信接口一直返回 403。我们的 AccessKey ID 是 ⟦alibaba_access_key_id|LTAI⟨aln20⟩⟧，AccessKey Secret 是 ⟦alibaba_access_key_secret|⟨aln32⟩⟧，请尽快处理。”""")

T("tkt_zh_rotation", "ticket", "zh", "not_secret", "rotation_notice", """把这段工单备注改写成给客户的通知：客户在公开论坛贴出了 API 密钥，我们已在 10:20 吊销该密钥并删除帖子，请客户在控制台重新生成新密钥，旧密钥已失效。""")

T("tkt_nl_wachtwoord", "ticket", "nl", "secret", "password", """Kun je dit supportticket samenvatten?

"Goedemiddag, ik kan niet meer inloggen op de webshop-beheeromgeving. Gebruiker: info@fietsenwinkel-bakker.nl, wachtwoord: ⟦password|⟨pw⟩⟧. Ik heb niets veranderd.\"""")

# ---------------------------------------------------------------------------
# Rendering, validation, output
# ---------------------------------------------------------------------------

TOKEN = re.compile(r"⟨([^⟩]*)⟩|⟦([a-z0-9_]+)\||⟧")


def render(name, text):
    r = random.Random(SEED + "/" + name)
    mem = {}
    out = []
    pos = 0
    ents = []
    open_ = None
    n = 0
    for m in TOKEN.finditer(text):
        out.append(text[pos:m.start()])
        n += len(text[pos:m.start()])
        pos = m.end()
        if m.group(1) is not None:
            spec = m.group(1)
            if spec.startswith("="):
                v = mem[spec[1:]]
            else:
                g, _, keep = spec.partition("@")
                v = GEN[g](r)
                if keep:
                    assert keep not in mem, (name, keep)
                    mem[keep] = v
            out.append(v)
            n += len(v)
        elif m.group(2) is not None:
            assert open_ is None, (name, "nested span")
            open_ = (m.group(2), n)
        else:
            assert open_ is not None, (name, "stray ⟧")
            ents.append((open_[0], open_[1], n))
            open_ = None
    assert open_ is None, (name, "unclosed span")
    out.append(text[pos:])
    s = "".join(out)
    return s, [{"type": t, "start": a, "end": b, "value": s[a:b]} for t, a, b in ents]


def build():
    names = [t[0] for t in TEMPLATES]
    dup = [k for k, c in collections.Counter(names).items() if c > 1]
    assert not dup, ("duplicate template names", dup)
    rows = []
    for name, group, lang, label, typ, text in TEMPLATES:
        assert group in GROUPS, (name, group)
        assert lang in LANGS, (name, lang)
        assert label in ("secret", "not_secret"), (name, label)
        s, ents = render(name, text)
        rows.append(({"text": s, "label": label, "type": typ, "entities": ents}, name, group, lang))
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    out = []
    for i, k in enumerate(order):
        row, name, group, lang = rows[k]
        rec = collections.OrderedDict()
        rec["id"] = "sg6-%03d" % i
        rec["text"] = row["text"]
        rec["label"] = row["label"]
        rec["type"] = row["type"]
        rec["entities"] = row["entities"]
        rec["spans_known"] = True
        rec["source"] = SOURCE
        out.append((rec, name, group, lang))
    return out


def validate(out):
    texts = set()
    nsec = 0
    nonen = 0
    for rec, name, group, lang in out:
        t = rec["text"]
        assert t not in texts, ("duplicate text", name)
        texts.add(t)
        assert t == t.strip() and t, ("text has outer whitespace", name)
        ents = rec["entities"]
        if rec["label"] == "not_secret":
            assert ents == [], ("not_secret with entities", name)
        else:
            nsec += 1
            assert ents, ("secret row without entities", name)
        spans = sorted((e["start"], e["end"]) for e in ents)
        for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
            assert b1 <= a2, ("overlapping spans", name)
        for e in ents:
            v = e["value"]
            assert t[e["start"]:e["end"]] == v, ("span mismatch", name)
            assert v and v == v.strip(), ("span carries whitespace", name, v)
            assert re.fullmatch(r"[a-z0-9_]+", e["type"]), (name, e["type"])
            for d in DOC_EXAMPLES:
                assert d not in v, ("documentation example marked", name)
            i = t.find(v)
            while i >= 0:
                assert any(a <= i and i + len(v) <= b for a, b in spans), ("unmarked occurrence", name, v)
                i = t.find(v, i + 1)
        if lang != "en":
            nonen += 1
    n = len(out)
    assert n == 240, ("row count", n)
    share = nsec / n
    assert 0.52 <= share <= 0.57, ("secret share", share)
    assert nonen / n >= 0.25, ("non-English share", nonen / n)
    return True


def dump(out):
    lines = [json.dumps(rec, ensure_ascii=False) for rec, _, _, _ in out]
    return ("\n".join(lines) + "\n").encode("utf-8")


def stats(out):
    n = len(out)
    lab = collections.Counter(rec["label"] for rec, _, _, _ in out)
    nonen = sum(1 for _, _, _, lang in out if lang != "en")
    p = print
    p("rows: %d" % n)
    p("label: not_secret %d, secret %d  (secret share %.1f%%)" % (lab["not_secret"], lab["secret"], 100.0 * lab["secret"] / n))
    p("non-English rows: %d (%.1f%%)" % (nonen, 100.0 * nonen / n))
    p("templates: %d (each used once)" % len(TEMPLATES))
    p("")
    p("%-20s %7s %11s %6s" % ("group", "secret", "not_secret", "total"))
    for g in GROUPS:
        c = collections.Counter(rec["label"] for rec, _, grp, _ in out if grp == g)
        p("  %-18s %7d %11d %6d" % (g, c["secret"], c["not_secret"], c["secret"] + c["not_secret"]))
    p("")
    p("%-20s %7s %11s %6s" % ("language", "secret", "not_secret", "total"))
    for lg, lname in LANGS.items():
        c = collections.Counter(rec["label"] for rec, _, _, l in out if l == lg)
        p("  %-18s %7d %11d %6d" % (lg + " " + lname, c["secret"], c["not_secret"], c["secret"] + c["not_secret"]))
    for label in ("secret", "not_secret"):
        c = collections.Counter(rec["type"] for rec, _, _, _ in out if rec["label"] == label)
        p("")
        p("row type (%s, %d kinds):" % (label, len(c)))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            p("  %-34s %d" % (k, v))
    c = collections.Counter(e["type"] for rec, _, _, _ in out for e in rec["entities"])
    p("")
    p("entity type (%d spans, %d kinds):" % (sum(c.values()), len(c)))
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        p("  %-34s %d" % (k, v))


def main(argv):
    out = build()
    validate(out)
    data = dump(out)
    if "--stats" in argv:
        stats(out)
        return 0
    if "--check" in argv:
        with open(OUT, "rb") as f:
            cur = f.read()
        if cur != data:
            print("holdout.jsonl differs from a fresh build", file=sys.stderr)
            return 1
        print("ok: holdout.jsonl matches (sha256 %s)" % hashlib.sha256(data).hexdigest())
        return 0
    with open(OUT, "wb") as f:
        f.write(data)
    print("wrote %s: %d rows, sha256 %s" % (OUT, len(out), hashlib.sha256(data).hexdigest()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
