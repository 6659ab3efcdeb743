#!/usr/bin/env python3
# Copyright the parapet authors. Licensed under the Apache License, Version 2.0.
"""Generate holdout.jsonl for the general3 secrets evaluation set.

Standard library only. Seeded with random.Random(7714); running it in this
directory rewrites holdout.jsonl byte-for-byte identically every time.

    python3 gen.py            # writes holdout.jsonl, validates it
    python3 gen.py --stats    # additionally prints the markdown count tables

Every credential value below is produced by the random generator at run time.
None of them is, or was ever, a real credential.
"""
import base64
import json
import re
import string
import sys
import uuid
import random
from collections import Counter

R = random.Random(7714)

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
HEX = "0123456789abcdef"
B64 = AN + "+/"
B64U = AN + "-_"


def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def b64(b):
    return base64.b64encode(b).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def ruuid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def E(value, etype):
    """An entity value: rendered into the text and recorded in `entities`."""
    return (value, etype)


# ---------------------------------------------------------------- people, hosts
FIRST = ["jsmith", "mgarcia", "a.kowalski", "tnguyen", "lmueller", "priya.r", "kbauer",
         "hchen", "dlopez", "ferreira.j", "m.rossi", "jvandijk", "tanaka.k", "wang.li",
         "odubois", "s.okafor", "e.lindqvist", "r.patel", "c.moreau", "b.santos"]
SVC = ["svc_reporting", "svc-etl", "app_rw", "billing_app", "jenkins", "deploy",
       "grafana_ro", "airflow", "svc_backup", "orders_api", "crm_sync", "metabase"]
HOSTS = ["db-prod-03.internal", "pg-analytics.corp.local", "mysql-eu1.ops.internal",
         "sql02.northwind.lan", "10.20.4.17", "orders-db.svc.cluster.local",
         "reporting-replica.int", "mariadb-legacy.dc2.local", "pgbouncer.platform.internal",
         "mssql-fin01.corp.local"]
DBS = ["orders", "billing", "crm", "inventory", "analytics", "payroll", "auth", "ledger"]
SYSTEMS = ["the Jira staging instance", "Jenkins", "the VPN portal", "Grafana",
           "the HR portal", "Confluence", "the SFTP drop", "Rancher", "Harbor", "ArgoCD"]
TEAMS = ["platform", "payments", "data-eng", "sre", "growth", "identity", "billing"]
WORDS = ["falcon", "meadow", "copper", "lantern", "orbit", "velvet", "harbor", "cactus",
         "pepper", "saturn", "glacier", "tundra", "ember", "quartz", "willow", "marble",
         "rocket", "nebula", "juniper", "cobalt", "walrus", "biscuit", "paprika", "zephyr",
         "otter", "mango", "granite", "lagoon", "thistle", "falafel", "pixel", "sparrow"]


def user():
    return R.choice(FIRST)


def svc():
    return R.choice(SVC)


def host():
    return R.choice(HOSTS)


def db():
    return R.choice(DBS)


def tstamp():
    return "2024-%02d-%02d" % (R.randint(1, 12), R.randint(1, 28))


def hhmm():
    return "%02d:%02d" % (R.randint(0, 23), R.randint(0, 59))


def pw(style=None, url_safe=False):
    """Human-ish passwords in several styles; some contain no digits at all."""
    style = style or R.choice(["wordnum", "words", "random", "leet", "words", "wordnum", "random"])
    if style == "wordnum":
        v = R.choice(WORDS).capitalize() + R.choice(WORDS) + str(R.randint(10, 9999)) + R.choice("!#%*.?$")
    elif style == "words":  # no digits
        ws = R.sample(WORDS, R.choice([3, 4]))
        v = R.choice(["-".join(ws), "".join(w.capitalize() for w in ws), "_".join(ws) + R.choice("!?.")])
    elif style == "leet":
        w = R.choice(WORDS) + R.choice(WORDS)
        v = w.replace("a", "4").replace("e", "3").replace("o", "0").replace("i", "1").capitalize() + R.choice("!$%")
    else:
        v = rs(AN, R.randint(10, 20)) + R.choice(["", "!", "#", "%", "*"])
        v = v[:3] + R.choice(DG) + v[3:]
    if url_safe:
        v = "".join(c for c in v if c in AN + "-_.~")
        if len(v) < 8:
            v += rs(AN, 8)
    return v


# ---------------------------------------------------------------- credential shapes
# Each generator follows the publicly documented shape; see README.md for sources.
def aws_akid():
    return R.choice(["AKIA", "AKIA", "ASIA"]) + rs(UP + "234567", 16)


def aws_secret():
    return rs(AN + "+/", 40)


def gcp_api_key():
    return "AIza" + rs(AN + "-_", 35)


def azure_storage_key():
    return b64(rbytes(64))


def azure_client_secret():
    return rs(AN + "_~.", 3) + R.choice(DG) + "Q~" + rs(AN + "_~.-", 34)


def azure_devops_pat():
    return rs(LO + "234567", 52)


def github_pat():
    return R.choice(["ghp_", "ghp_", "gho_", "ghs_"]) + rs(AN, 36)


def github_fine():
    return "github_pat_11" + rs(UP + DG, 20) + "_" + rs(AN, 59)


def gitlab_pat():
    return "glpat-" + rs(AN + "-_", 20)


def bitbucket_app_pw():
    return "ATBB" + rs(AN, 24) + rs(HEX.upper(), 8)


def slack_bot():
    return "xoxb-%s-%s-%s" % (rs(DG, 12), rs(DG, 13), rs(AN, 24))


def slack_user():
    return "xoxp-%s-%s-%s-%s" % (rs(DG, 12), rs(DG, 12), rs(DG, 13), rs(HEX, 32))


def slack_webhook():
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(UP + DG, 8), rs(UP + DG, 10), rs(AN, 24))


def discord_bot():
    uid = str(R.randint(10 ** 17, 10 ** 18 - 1))
    return b64u(uid.encode()) + "." + rs(B64U, 6) + "." + rs(B64U, 38)


def discord_webhook():
    return "https://discord.com/api/webhooks/%s/%s" % (R.randint(10 ** 17, 10 ** 18 - 1), rs(B64U, 68))


def telegram_bot():
    return "%d:AA%s" % (R.randint(10 ** 8, 10 ** 10 - 1), rs(AN + "_-", 33))


def teams_webhook():
    return "https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (
        R.choice(["contoso", "northwindtraders", "acmecorp", "fabrikam"]), ruuid(), ruuid(), rs(HEX, 32), ruuid())


def stripe_secret():
    return R.choice(["sk_live_", "sk_live_"]) + R.choice(["51" + rs(AN, 97), rs(AN, 24)])


def stripe_restricted():
    return "rk_live_51" + rs(AN, 97)


def square_token():
    return "EAAA" + rs(AN + "-_", 60)


def square_oauth_secret():
    return "sq0csp-" + rs(AN + "-_", 43)


def braintree_token():
    return "access_token$production$%s$%s" % (rs(LO + DG, 16), rs(HEX, 32))


def openai_key():
    return "sk-proj-" + rs(AN + "_-", 74) + "T3BlbkFJ" + rs(AN + "_-", 74)


def anthropic_key():
    return "sk-ant-api03-" + rs(AN + "_-", 93) + "AA"


def hf_token():
    return "hf_" + rs(UP + LO, 34)


def groq_key():
    return "gsk_" + rs(AN, 52)


def replicate_token():
    return "r8_" + rs(AN, 37)


def cohere_key():
    return rs(AN, 40)


def mistral_key():
    return rs(AN, 32)


def datadog_api():
    return rs(HEX, 32)


def datadog_app():
    return rs(HEX, 40)


def newrelic_key():
    return "NRAK-" + rs(UP + DG, 27)


def sentry_user_token():
    return "sntryu_" + rs(HEX, 64)


def sentry_org_token():
    claims = '{"iat":%d.%06d,"url":"https://sentry.io","region_url":"https://us.sentry.io","org":"%s"}' % (
        R.randint(1700000000, 1750000000), R.randint(0, 999999), R.choice(TEAMS))
    return "sntrys_" + b64(claims.encode()) + "_" + rs(AN + "+/", 43)


def grafana_sa():
    return "glsa_" + rs(AN, 32) + "_" + rs(HEX, 8)


def npm_token():
    return "npm_" + rs(AN, 36)


def pypi_token():
    return "pypi-AgEIcHlwaS5vcmc" + rs(AN + "-_", R.randint(120, 160))


def rubygems_key():
    return "rubygems_" + rs(HEX, 48)


def nuget_key():
    return "oy2" + rs(LO + DG, 43)


def vault_token():
    return "hvs.CAESI" + rs(AN + "_-", 86)


def doppler_token():
    return R.choice(["dp.st.prd.", "dp.st.stg.", "dp.st.dev."]) + rs(AN, 43)


def linear_key():
    return "lin_api_" + rs(AN, 40)


def notion_token():
    return R.choice(["secret_" + rs(AN, 43), "ntn_" + rs(DG, 11) + rs(AN, 35)])


def airtable_pat():
    return "pat" + rs(AN, 14) + "." + rs(HEX, 64)


def shopify_token():
    return "shpat_" + rs(HEX, 32)


def twilio_sk():
    return "SK" + rs(HEX, 32)


def twilio_ac():
    return "AC" + rs(HEX, 32)


def sendgrid_key():
    return "SG." + rs(AN + "-_", 22) + "." + rs(AN + "-_", 43)


def mailgun_key():
    return "key-" + rs(HEX, 32)


def jwt(alg=None):
    alg = alg or R.choice(["HS256", "RS256", "HS256"])
    hdr = b64u(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    iat = R.randint(1700000000, 1760000000)
    claims = {"sub": R.choice([user(), ruuid(), str(R.randint(1000, 99999))]), "iat": iat,
              "exp": iat + R.choice([900, 3600, 86400]),
              R.choice(["scope", "role", "tenant"]): R.choice(["read:orders write:orders", "admin", "acme-eu", "support"])}
    body = b64u(json.dumps(claims, separators=(",", ":")).encode())
    sig = rs(B64U, 43) if alg.startswith("HS") else rs(B64U, 342)
    return "%s.%s.%s" % (hdr, body, sig)


def wrap(s, n):
    return "\n".join(s[i:i + n] for i in range(0, len(s), n))


def pem_rsa(nbytes=None):
    body = b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00" + rbytes(nbytes or R.choice([600, 900, 1180]))
    return "-----BEGIN RSA PRIVATE KEY-----\n" + wrap(b64(body), 64) + "\n-----END RSA PRIVATE KEY-----"


def pem_ec():
    body = (b"\x30\x77\x02\x01\x01\x04\x20" + rbytes(32) +
            b"\xa0\x0a\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07\xa1\x44\x03\x42\x00\x04" + rbytes(64))
    return "-----BEGIN EC PRIVATE KEY-----\n" + wrap(b64(body), 64) + "\n-----END EC PRIVATE KEY-----"


def pem_pkcs8(nbytes=700):
    body = b"\x30\x82\x04\xbe\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00\x04\x82\x04\xa8" + rbytes(nbytes)
    return "-----BEGIN PRIVATE KEY-----\n" + wrap(b64(body), 64) + "\n-----END PRIVATE KEY-----"


def openssh_key():
    raw = (b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01"
           b"\x00\x00\x00\x33\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rbytes(250))
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + wrap(b64(raw), 70) + "\n-----END OPENSSH PRIVATE KEY-----"


def putty_key(comment):
    pub = b64(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rbytes(32))
    priv = b64(b"\x00\x00\x00\x20" + rbytes(32))
    return ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: %s\nPublic-Lines: 2\n%s\n"
            "Private-Lines: 1\n%s\nPrivate-MAC: %s" % (comment, wrap(pub, 64), priv, rs(HEX, 64)))


# ---------------------------------------------------------------- non-secret high-entropy values
def sha1():
    return rs(HEX, 40)


def sha256():
    return rs(HEX, 64)


def ssh_pub_ed():
    return "ssh-ed25519 " + b64(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rbytes(32))


def ssh_pub_rsa():
    return "ssh-rsa " + b64(b"\x00\x00\x00\x07ssh-rsa\x00\x00\x00\x03\x01\x00\x01\x00\x00\x01\x81\x00" + rbytes(384))


def cert_pem():
    body = b"\x30\x82\x03\x5c\x30\x82\x02\x44\xa0\x03\x02\x01\x02\x02\x14" + rbytes(R.choice([500, 700]))
    return "-----BEGIN CERTIFICATE-----\n" + wrap(b64(body), 64) + "\n-----END CERTIFICATE-----"


def stripe_pk():
    return "pk_live_51" + rs(AN, 97)


def mapbox_pk():
    claims = '{"u":"%s","a":"%s"}' % (R.choice(["acme-maps", "fleetview", "northwind-geo"]), rs(LO + DG, 25))
    return "pk." + b64u(claims.encode()) + "." + rs(B64U, 22)


def png_b64():
    return "iVBORw0KGgoAAAANSUhEUgAAA" + b64(rbytes(R.choice([90, 120, 150])))


JWT_IO_SAMPLE = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0"
                 "IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")


# ---------------------------------------------------------------- row builders
def S(group, ctx, typ, tpl, lang="en", **vals):
    return dict(label="secret", group=group, ctx=ctx, type=typ, tpl=tpl, lang=lang, vals=vals)


def N(group, ctx, typ, tpl, lang="en", **vals):
    return dict(label="not_secret", group=group, ctx=ctx, type=typ, tpl=tpl, lang=lang, vals=vals)


def pick(variants, en_share=0.55):
    """Pick (lang, template) from a dict of language variants."""
    others = [k for k in variants if k != "en"]
    if "en" in variants and (not others or R.random() < en_share):
        return "en", variants["en"]
    k = R.choice(others)
    return k, variants[k]


# ================================================================ SUPPORT / OPS (secret)
def s_login_help():
    lang, t = pick({
        "en": "hey, I can't get into ⟦sys⟧ since this morning, it keeps saying invalid credentials. user is ⟦u⟧, pass is ⟦pw⟧ — did the SSO migration break something?",
        "de": "Hallo, ich komme seit heute früh nicht mehr in ⟦sys⟧ rein. Benutzer ⟦u⟧, Passwort ⟦pw⟧ – wurde da etwas zurückgesetzt?",
        "fr": "Bonjour, impossible de me connecter à ⟦sys⟧ depuis ce matin. Identifiant : ⟦u⟧ / mot de passe : ⟦pw⟧. Vous pouvez vérifier si le compte est verrouillé ?",
        "es": "Buenas, no consigo entrar en ⟦sys⟧. Mi usuario es ⟦u⟧ y la contraseña ⟦pw⟧, me dice que son incorrectas. ¿Me ayudas?",
        "nl": "Hoi, ik kan sinds vanochtend niet meer inloggen op ⟦sys⟧. Gebruiker ⟦u⟧, wachtwoord ⟦pw⟧. Is er iets veranderd?",
    })
    return S("support", "chat_help", "password", t, lang, sys=R.choice(SYSTEMS), u=user(), pw=E(pw(), "password"))


def s_vault_help():
    lang, t = pick({
        "en": "the vault token I got from the onboarding script is ⟦tok⟧ but `vault kv get secret/⟦app⟧/db` gives me 403 permission denied. which policy do I need to ask for?",
        "es": "El token de Vault que me dieron es ⟦tok⟧ y al leer secret/data/⟦app⟧ me da 403. ¿Qué política necesito?",
        "pt": "Oi! Peguei o token do Vault ⟦tok⟧ com o time de plataforma, mas o `vault login` aceita e depois tudo em secret/⟦app⟧ dá permission denied. Alguma ideia?",
    })
    return S("support", "chat_help", "vault_token", t, lang, tok=E(vault_token(), "vault_token"), app=R.choice(DBS))


def s_github_pat():
    lang, t = pick({
        "en": "git push keeps failing with 'Permission to ⟦org⟧/⟦repo⟧.git denied'. my PAT is ⟦pat⟧, I set it as the password when git asked. does it need the workflow scope?",
        "it": "Ciao, il mio PAT di GitHub è ⟦pat⟧ ma `git push` su ⟦org⟧/⟦repo⟧ mi risponde 403. Serve lo scope repo oppure è un problema di SSO?",
        "zh": "我用这个 GitHub token：⟦pat⟧ 推送到 ⟦org⟧/⟦repo⟧ 的时候一直报 403，是不是权限不够？",
    })
    tok = github_pat() if R.random() < 0.6 else github_fine()
    return S("support", "chat_help", "github_token", t, lang, org=R.choice(["acme", "northwind", "initech"]),
             repo=R.choice(["billing-api", "infra-live", "mobile-app", "docs-site"]), pat=E(tok, "github_token"))


def s_handover():
    lang, t = pick({
        "en": "Shift handover ⟦d⟧\n- ⟦h⟧ replica lag back to normal after the vacuum\n- creds for the ⟦db⟧ maintenance user if you need them tonight: ⟦u⟧ / ⟦pw⟧\n- still open: rotate the S3 backup key (INC-⟦n⟧)",
        "pt": "Passagem de turno – ⟦d⟧\n- Banco ⟦h⟧ estável desde as 22h\n- Usuário de manutenção do ⟦db⟧: ⟦u⟧, senha ⟦pw⟧\n- Pendente: rotacionar a chave do bucket de backup (INC-⟦n⟧)",
        "de": "Übergabe Spätschicht ⟦d⟧\n- ⟦h⟧ läuft wieder, Replikation ok\n- Wartungszugang ⟦db⟧: Benutzer ⟦u⟧, Kennwort ⟦pw⟧\n- Offen: Backup-Key rotieren (INC-⟦n⟧)",
    })
    return S("support", "handover_note", "password", t, lang, d=tstamp(), h=host(), db=db(), u=svc(),
             pw=E(pw(), "password"), n=str(R.randint(1000, 9999)))


def s_incident_slack():
    lang, t = pick({
        "en": "Incident timeline (SEC-⟦n⟧)\n⟦t1⟧ secret-scanning alert on infra-live\n⟦t2⟧ confirmed: Slack bot token ⟦tok⟧ committed in scripts/notify.sh\n⟦t3⟧ token revoked in the Slack admin console, new one stored in Vault\n⟦t4⟧ audit log reviewed, no unexpected API calls",
        "fr": "Chronologie de l'incident SEC-⟦n⟧\n⟦t1⟧ alerte du scan de secrets\n⟦t2⟧ le jeton du bot Slack ⟦tok⟧ a été poussé dans scripts/notify.sh\n⟦t3⟧ jeton révoqué, remplacé dans Vault\n⟦t4⟧ revue des journaux terminée",
    })
    return S("support", "incident_timeline", "slack_token", t, lang, n=str(R.randint(100, 999)), t1=hhmm(), t2=hhmm(),
             t3=hhmm(), t4=hhmm(), tok=E(R.choice([slack_bot(), slack_user()]), "slack_token"))


def s_runbook():
    lang, t = pick({
        "en": "## Restore ⟦db⟧ from nightly dump\n1. ssh to the bastion (`ssh ops@bastion-2`)\n2. `export PGPASSWORD='⟦pw⟧'`\n3. `pg_restore -h ⟦h⟧ -U ⟦u⟧ -d ⟦db⟧ --clean /backups/⟦db⟧.dump`\n4. unset PGPASSWORD and log out",
        "ja": "## ⟦db⟧ のリストア手順\n1. 踏み台サーバにログイン\n2. `export PGPASSWORD='⟦pw⟧'` を実行\n3. `pg_restore -h ⟦h⟧ -U ⟦u⟧ -d ⟦db⟧ /backups/⟦db⟧.dump`\n4. 作業後は必ず unset すること",
    })
    return S("support", "runbook", "password", t, lang, db=db(), h=host(), u=svc(), pw=E(pw(), "password"))


def s_oncall_chat():
    t = ("[⟦t1⟧] pagerduty: CRITICAL ⟦h⟧ disk 97%\n[⟦t2⟧] ⟦a⟧: can't sudo on it, my LDAP group isn't synced\n"
         "[⟦t3⟧] ⟦b⟧: use the break-glass local account for now: ⟦u⟧ / ⟦pw⟧ — and open a ticket to rotate it after\n"
         "[⟦t4⟧] ⟦a⟧: in, cleaning /var/log/journal")
    return S("support", "oncall_chat", "password", t, "en", t1=hhmm(), t2=hhmm(), t3=hhmm(), t4=hhmm(), h=host(),
             a=user(), b=user(), u=R.choice(["breakglass", "root", "localadmin"]), pw=E(pw(), "password"))


def s_forwarded_email():
    lang, t = pick({
        "en": "---------- Forwarded message ---------\nFrom: IT Service Desk <servicedesk@corp.example>\nSubject: Your VPN account\n\nHello,\nyour account has been created.\nUsername: ⟦u⟧\nTemporary password: ⟦pw⟧\nYou will be asked to change it at first login.\n\n-- can you tell me why the client says 'authentication failed'?",
        "es": "---------- Mensaje reenviado ---------\nDe: Soporte TI\nAsunto: Acceso al portal de proveedores\n\nUsuario: ⟦u⟧\nContraseña provisional: ⟦pw⟧\n\n¿Por qué no me deja entrar con esto?",
        "it": "----- Messaggio inoltrato -----\nDa: Helpdesk IT\nOggetto: Credenziali VPN\n\nUtente: ⟦u⟧\nPassword temporanea: ⟦pw⟧\n\nMi dice sempre 'accesso negato', cosa sbaglio?",
    })
    return S("support", "forwarded_email", "password", t, lang, u=user(), pw=E(pw(), "password"))


def s_meeting_stripe():
    lang, t = pick({
        "en": "Payments sync – notes ⟦d⟧\nAttendees: ⟦a⟧, ⟦b⟧\n- reporting job moves to a restricted key: ⟦k⟧ (read-only on charges/payouts)\n- ⟦b⟧ to remove the old full-access key from the cron host\n- next: webhook retries",
        "nl": "Notulen betalingsoverleg ⟦d⟧\n- rapportagejob gebruikt voortaan de beperkte sleutel ⟦k⟧\n- ⟦b⟧ verwijdert de oude sleutel van de cron-server\n- volgende keer: webhooks",
    })
    k = stripe_restricted() if R.random() < 0.6 else stripe_secret()
    return S("support", "meeting_notes", "stripe_key", t, lang, d=tstamp(), a=user(), b=user(), k=E(k, "stripe_key"))


def s_api_rejects():
    gen, typ, prov = R.choice([(anthropic_key, "anthropic_key", "Anthropic"), (openai_key, "openai_key", "OpenAI"),
                               (groq_key, "groq_key", "Groq"), (hf_token, "huggingface_token", "Hugging Face")])
    lang, t = pick({
        "en": "why does the ⟦p⟧ API keep rejecting ⟦k⟧? I copied it straight from the console 10 minutes ago and still get 401.",
        "zh": "我的 ⟦p⟧ key 是 ⟦k⟧，调用的时候一直返回 401，是不是还没生效？",
        "ja": "⟦p⟧ のAPIキー ⟦k⟧ を使っていますが、ずっと 401 が返ってきます。何が原因でしょうか？",
    })
    return S("support", "chat_help", typ, t, lang, p=prov, k=E(gen(), typ))


def s_wifi():
    lang, t = pick({
        "en": "FYI the guest wifi on floor ⟦f⟧ was reset. SSID ⟦ssid⟧, passphrase ⟦pw⟧ — please don't post it in public channels.",
        "de": "Info: Das Gäste-WLAN im ⟦f⟧. OG wurde neu eingerichtet. SSID ⟦ssid⟧, Schlüssel: ⟦pw⟧",
        "fr": "Pour info, le wifi invités de l'étage ⟦f⟧ a changé : réseau ⟦ssid⟧, mot de passe ⟦pw⟧.",
    })
    return S("support", "announcement", "password", t, lang, f=str(R.randint(2, 9)),
             ssid=R.choice(["CORP-GUEST", "Visitors", "acme-guest"]), pw=E(pw("words"), "password"))


def s_aws_chat():
    lang, t = pick({
        "en": "getting AccessDenied on s3:PutObject for ⟦b⟧. these are the keys from the CI user:\naccess key ⟦ak⟧\nsecret ⟦sk⟧\nis the bucket policy wrong or the IAM user?",
        "fr": "J'ai un AccessDenied sur le bucket ⟦b⟧ avec ces clés :\nID : ⟦ak⟧\nSecret : ⟦sk⟧\nC'est la politique du bucket ?",
        "pt": "Tô levando AccessDenied no bucket ⟦b⟧. Chaves do usuário de CI:\nAccess key: ⟦ak⟧\nSecret: ⟦sk⟧\nO que pode ser?",
    })
    return S("support", "chat_help", "aws_access_key", t, lang, b=R.choice(["acme-artifacts", "nw-backups", "data-lake-raw"]),
             ak=E(aws_akid(), "aws_access_key_id"), sk=E(aws_secret(), "aws_secret_access_key"))


def s_ssh_key_paste():
    lang, t = pick({
        "en": "ssh says 'invalid format' when I use this key from the old jump host, what format is it?\n\n⟦k⟧",
        "zh": "这个私钥在新机器上用不了，提示 invalid format，帮我看下是什么格式：\n\n⟦k⟧",
    })
    k = R.choice([pem_rsa(600), openssh_key(), pem_ec()])
    return S("support", "chat_help", "private_key", t, lang, k=E(k, "private_key"))


def s_ticket_reset():
    lang, t = pick({
        "en": "RITM00⟦n⟧ – resolved\nPassword for service account ⟦u⟧ reset as requested. New value: ⟦pw⟧\nPlease update the scheduled task on ⟦h⟧ before 18:00.",
        "it": "Ticket RITM00⟦n⟧ chiuso.\nLa password dell'utenza di servizio ⟦u⟧ è stata reimpostata: ⟦pw⟧\nAggiornare l'attività pianificata su ⟦h⟧.",
    })
    return S("support", "ticket", "password", t, lang, n=str(R.randint(10000, 99999)), u=svc(), h=host(), pw=E(pw(), "password"))


def s_npm_publish():
    lang, t = pick({
        "en": "npm publish fails with E403 on @⟦org⟧/ui-kit. token in my .npmrc is ⟦k⟧, created it as an automation token yesterday.",
        "de": "npm publish schlägt mit E403 fehl. Mein Token ist ⟦k⟧ (Automation-Token, gestern erstellt). Fehlt da eine Berechtigung für @⟦org⟧?",
    })
    return S("support", "chat_help", "npm_token", t, lang, org=R.choice(["acme", "northwind"]), k=E(npm_token(), "npm_token"))


def s_gitlab_handover():
    lang, t = pick({
        "de": "Hi ⟦a⟧, bevor ich in Urlaub gehe: Der Deploy-Job für ⟦p⟧ nutzt meinen Token ⟦k⟧. Bitte einen Projekt-Token anlegen und meinen danach widerrufen. Danke!",
        "en": "Hi ⟦a⟧, before I go on leave: the deploy job for ⟦p⟧ still uses my personal token ⟦k⟧. Please create a project token and revoke mine afterwards.",
    }, en_share=0.4)
    return S("support", "handover_note", "gitlab_token", t, lang, a=user(), p=R.choice(["infra/terraform", "web/shop", "data/pipelines"]),
             k=E(gitlab_pat(), "gitlab_token"))


def s_ja_staging():
    lang, t = pick({
        "ja": "お疲れ様です。検証環境のDB接続情報です。\nホスト: ⟦h⟧\nユーザー: ⟦u⟧\nパスワード: ⟦pw⟧\n接続できない場合は連絡ください。",
        "zh": "测试环境数据库信息如下：\n地址：⟦h⟧\n用户名：⟦u⟧\n密码：⟦pw⟧\n有问题随时找我。",
    })
    return S("support", "chat_handover", "password", t, lang, h=host(), u=svc(), pw=E(pw(), "password"))


def s_shared_mailbox():
    lang, t = pick({
        "nl": "Ter info: het nieuwe wachtwoord voor de gedeelde mailbox ⟦m⟧ is ⟦pw⟧. Graag niet doorsturen.",
        "en": "heads-up: the shared mailbox ⟦m⟧ got a new password, it's ⟦pw⟧. don't forward this please.",
        "pt": "Pessoal, a nova senha da caixa compartilhada ⟦m⟧ é ⟦pw⟧. Não repassem por e-mail.",
    })
    return S("support", "announcement", "password", t, lang, m=R.choice(["finance@", "support-eu@", "facturen@"]) + "corp.example",
             pw=E(pw(), "password"))


def s_jenkins_chat():
    t = ("⟦a⟧: anyone know the jenkins admin login? the pipeline for ⟦p⟧ is stuck and I need to kill the executor\n"
         "⟦b⟧: ⟦u⟧ and ⟦pw⟧ (no caps). we really should move this to SSO\n⟦a⟧: thx")
    return S("support", "team_chat", "password", t, "en", a=user(), b=user(), p=R.choice(["billing-api", "mobile"]),
             u=R.choice(["admin", "jenkins-admin"]), pw=E(pw("words").lower(), "password"))


def s_doppler():
    lang, t = pick({
        "en": "For the new worker service use this Doppler service token: ⟦k⟧ (config prd). Put it in the systemd unit as DOPPLER_TOKEN and it will pull the rest.",
        "es": "Para el nuevo worker usa este token de servicio de Doppler: ⟦k⟧. Ponlo como DOPPLER_TOKEN en la unidad de systemd.",
    })
    return S("support", "handover_note", "doppler_token", t, lang, k=E(doppler_token(), "doppler_token"))


SUPPORT_SECRET = [s_login_help, s_vault_help, s_github_pat, s_handover, s_incident_slack, s_runbook, s_oncall_chat,
                  s_forwarded_email, s_meeting_stripe, s_api_rejects, s_wifi, s_aws_chat, s_ssh_key_paste,
                  s_ticket_reset, s_npm_publish, s_gitlab_handover, s_ja_staging, s_shared_mailbox, s_jenkins_chat,
                  s_doppler]


# ================================================================ CODE (secret)
def c_java_jdbc():
    t = ('public class ReportDao {\n    private Connection open() throws SQLException {\n'
         '        String url = "jdbc:⟦drv⟧://⟦h⟧:⟦port⟧/⟦db⟧";\n'
         '        return DriverManager.getConnection(url, "⟦u⟧", "⟦pw⟧");\n    }\n}')
    drv, port = R.choice([("postgresql", "5432"), ("mysql", "3306"), ("mariadb", "3306")])
    return S("code", "java", "password", t, drv=drv, port=port, h=host(), db=db(), u=svc(), pw=E(pw(), "password"))


def c_spring_value():
    t = ('@Configuration\npublic class MailConfig {\n    @Value("${smtp.user:⟦u⟧}")\n    private String user;\n\n'
         '    @Value("${smtp.password:⟦pw⟧}")\n    private String password;\n}')
    return S("code", "java_spring", "password", t, u=user() + "@corp.example", pw=E(pw(), "password"))


def c_csharp_netcred():
    t = ('var handler = new HttpClientHandler\n{\n    Credentials = new NetworkCredential("⟦u⟧", "⟦pw⟧", "⟦dom⟧")\n};\n'
         'using var client = new HttpClient(handler);\nvar resp = await client.GetAsync("https://sharepoint.⟦dom2⟧/sites/ops/_api/web");')
    return S("code", "csharp", "password", t, u=svc(), pw=E(pw(), "password"), dom=R.choice(["CORP", "NORTHWIND"]),
             dom2=R.choice(["corp.local", "northwind.lan"]))


def c_csharp_connstr():
    t = ('private const string ConnStr =\n    "Server=⟦h⟧;Database=⟦db⟧;User Id=⟦u⟧;Password=⟦pw⟧;TrustServerCertificate=True;";\n\n'
         'using var conn = new SqlConnection(ConnStr);\nawait conn.OpenAsync();')
    return S("code", "csharp", "password", t, h=host(), db=db(), u=svc(), pw=E(pw(url_safe=True), "password"))


def c_go_sqlopen():
    t = ('func openDB() (*sql.DB, error) {\n\tdsn := "⟦u⟧:⟦pw⟧@tcp(⟦h⟧:3306)/⟦db⟧?parseTime=true"\n'
         '\treturn sql.Open("mysql", dsn)\n}')
    return S("code", "go", "password", t, u=svc(), pw=E(pw(url_safe=True), "password"), h=host(), db=db())


def c_go_basicauth():
    t = ('req, err := http.NewRequest("GET", "https://⟦h⟧/api/v2/artifacts", nil)\nif err != nil {\n\treturn err\n}\n'
         'req.SetBasicAuth("⟦u⟧", "⟦pw⟧")\nresp, err := http.DefaultClient.Do(req)')
    return S("code", "go", "password", t, h=R.choice(["nexus.corp.local", "artifactory.internal"]), u=svc(), pw=E(pw(), "password"))


def c_node_mysql():
    t = ("const mysql = require('mysql2');\n\nconst conn = mysql.createConnection({\n  host: '⟦h⟧',\n  user: '⟦u⟧',\n"
         "  password: '⟦pw⟧',\n  database: '⟦db⟧'\n});")
    return S("code", "javascript", "password", t, h=host(), u=svc(), pw=E(pw(), "password"), db=db())


def c_node_axios():
    t = ("const res = await axios.get('https://⟦h⟧/rest/api/2/search', {\n  params: { jql: 'project = OPS' },\n"
         "  auth: { username: '⟦u⟧', password: '⟦pw⟧' },\n});")
    return S("code", "javascript", "password", t, h=R.choice(["jira.corp.local", "jira.northwind.lan"]), u=user(), pw=E(pw(), "password"))


def c_php_pdo():
    t = ("<?php\n$dsn = 'pgsql:host=⟦h⟧;dbname=⟦db⟧';\n$pdo = new PDO($dsn, '⟦u⟧', '⟦pw⟧', [\n"
         "    PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,\n]);")
    return S("code", "php", "password", t, h=host(), db=db(), u=svc(), pw=E(pw(), "password"))


def c_php_mysqli():
    t = ("<?php\n$link = mysqli_connect('⟦h⟧', '⟦u⟧', '⟦pw⟧', '⟦db⟧');\nif (!$link) {\n"
         "    die('Connect error: ' . mysqli_connect_error());\n}")
    return S("code", "php", "password", t, h=host(), u=svc(), pw=E(pw(), "password"), db=db())


def c_ruby():
    if R.random() < 0.5:
        t = ('$redis = Redis.new(url: "redis://:⟦pw⟧@⟦h⟧:6379/2")\n$redis.set("warmup", Time.now.to_i)')
        return S("code", "ruby", "password", t, pw=E(pw(url_safe=True), "password"), h=R.choice(["redis-cache.internal", "10.20.8.5"]))
    t = ('ActiveRecord::Base.establish_connection(\n  adapter:  "postgresql",\n  host:     "⟦h⟧",\n  username: "⟦u⟧",\n'
         '  password: "⟦pw⟧",\n  database: "⟦db⟧"\n)')
    return S("code", "ruby", "password", t, h=host(), u=svc(), pw=E(pw(), "password"), db=db())


def c_rust():
    if R.random() < 0.5:
        t = ('let client = reqwest::Client::new();\nlet resp = client\n    .get("https://⟦h⟧/v1/metrics")\n'
             '    .basic_auth("⟦u⟧", Some("⟦pw⟧"))\n    .send()\n    .await?;')
        return S("code", "rust", "password", t, h=R.choice(["prom.corp.local", "victoria.internal"]), u=svc(), pw=E(pw(), "password"))
    t = ('let (client, connection) = tokio_postgres::connect(\n    "host=⟦h⟧ user=⟦u⟧ password=⟦pw⟧ dbname=⟦db⟧",\n'
         '    NoTls,\n).await?;')
    return S("code", "rust", "password", t, h=host(), u=svc(), pw=E(pw(url_safe=True), "password"), db=db())


def c_terraform():
    if R.random() < 0.5:
        t = ('provider "aws" {\n  region     = "⟦r⟧"\n  access_key = "⟦ak⟧"\n  secret_key = "⟦sk⟧"\n}')
        return S("code", "terraform", "aws_access_key", t, r=R.choice(["eu-west-1", "us-east-2", "eu-central-1"]),
                 ak=E(aws_akid(), "aws_access_key_id"), sk=E(aws_secret(), "aws_secret_access_key"))
    t = ('resource "aws_db_instance" "⟦db⟧" {\n  identifier        = "⟦db⟧-prod"\n  engine            = "postgres"\n'
         '  instance_class    = "db.t3.medium"\n  username          = "⟦u⟧"\n  password          = "⟦pw⟧"\n  skip_final_snapshot = false\n}')
    return S("code", "terraform", "password", t, db=db(), u=svc(), pw=E(pw(), "password"))


def c_powershell():
    t = ('$user = "⟦dom⟧\\⟦u⟧"\n$secpw = ConvertTo-SecureString "⟦pw⟧" -AsPlainText -Force\n'
         '$cred = New-Object System.Management.Automation.PSCredential ($user, $secpw)\n'
         'Invoke-Command -ComputerName ⟦h⟧ -Credential $cred -ScriptBlock { Restart-Service W3SVC }')
    return S("code", "powershell", "password", t, dom=R.choice(["CORP", "NW"]), u=svc(), pw=E(pw(), "password"),
             h=R.choice(["WEB01", "IIS-FIN-02", "APP03"]))


def c_sql():
    v = R.choice([
        "CREATE USER ⟦u⟧ IDENTIFIED BY '⟦pw⟧';\nGRANT SELECT ON ⟦db⟧.* TO ⟦u⟧;",
        "ALTER USER ⟦u⟧ WITH PASSWORD '⟦pw⟧';",
        "CREATE USER '⟦u⟧'@'%' IDENTIFIED BY '⟦pw⟧';\nGRANT SELECT, INSERT ON ⟦db⟧.* TO '⟦u⟧'@'%';\nFLUSH PRIVILEGES;",
        "CREATE LOGIN ⟦u⟧ WITH PASSWORD = '⟦pw⟧', CHECK_POLICY = ON;",
    ])
    return S("code", "sql", "password", "-- migration ⟦n⟧: reporting user\n" + v, n=str(R.randint(100, 400)), u=svc(),
             db=db(), pw=E(pw(), "password"))


def c_dockerfile():
    gen, typ, var = R.choice([(sendgrid_key, "sendgrid_key", "SENDGRID_API_KEY"), (datadog_api, "datadog_key", "DD_API_KEY"),
                              (lambda: pw(), "password", "DB_PASSWORD")])
    t = ("FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"
         "ENV APP_ENV=production \\\n    ⟦var⟧=⟦k⟧\nCOPY . .\nCMD [\"gunicorn\", \"app:app\"]")
    return S("code", "dockerfile", typ, t, var=var, k=E(gen(), typ))


def c_gha():
    gen, typ, var = R.choice([(npm_token, "npm_token", "NODE_AUTH_TOKEN"), (github_pat, "github_token", "GH_TOKEN"),
                              (pypi_token, "pypi_token", "TWINE_PASSWORD"), (replicate_token, "replicate_token", "REPLICATE_API_TOKEN")])
    t = ("name: release\non:\n  push:\n    tags: ['v*']\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    env:\n"
         "      ⟦var⟧: ⟦k⟧\n    steps:\n      - uses: actions/checkout@v4\n      - run: make publish")
    return S("code", "github_actions", typ, t, var=var, k=E(gen(), typ))


def c_gitlab_ci():
    gen, typ, var = R.choice([(sentry_user_token, "sentry_token", "SENTRY_AUTH_TOKEN"),
                              (grafana_sa, "grafana_token", "GRAFANA_TOKEN"), (rubygems_key, "rubygems_key", "GEM_HOST_API_KEY")])
    t = ("variables:\n  DOCKER_DRIVER: overlay2\n  ⟦var⟧: \"⟦k⟧\"\n\nrelease:\n  stage: deploy\n  script:\n    - ./scripts/release.sh\n"
         "  only:\n    - tags")
    return S("code", "gitlab_ci", typ, t, var=var, k=E(gen(), typ))


def c_python_requests():
    gen, typ, url = R.choice([(hf_token, "huggingface_token", "https://huggingface.co/api/whoami-v2"),
                              (linear_key, "linear_key", "https://api.linear.app/graphql"),
                              (jwt, "jwt", "https://api.internal.example/v1/orders"),
                              (mistral_key, "mistral_key", "https://api.mistral.ai/v1/models")])
    t = ('import requests\n\nHEADERS = {"Authorization": "Bearer ⟦k⟧"}\n\n'
         'def ping():\n    r = requests.get("⟦url⟧", headers=HEADERS, timeout=10)\n    r.raise_for_status()\n    return r.json()')
    if typ == "linear_key":
        t = t.replace("Bearer ", "")
    return S("code", "python", typ, t, url=url, k=E(gen(), typ))


def c_python_smtp():
    t = ('import smtplib\n\nwith smtplib.SMTP("⟦h⟧", 587) as s:\n    s.starttls()\n    s.login("⟦u⟧", "⟦pw⟧")\n'
         '    s.send_message(msg)')
    return S("code", "python", "password", t, h=R.choice(["smtp.office365.com", "mail.corp.local", "smtp.sendgrid.net"]),
             u=user() + "@corp.example", pw=E(pw(), "password"))


CODE_SECRET = [c_java_jdbc, c_spring_value, c_csharp_netcred, c_csharp_connstr, c_go_sqlopen, c_go_basicauth,
               c_node_mysql, c_node_axios, c_php_pdo, c_php_mysqli, c_ruby, c_rust, c_terraform, c_powershell, c_sql,
               c_dockerfile, c_gha, c_gitlab_ci, c_python_requests, c_python_smtp]


# ================================================================ TOOLING OUTPUT / FILES (secret)
def t_kubectl_literal():
    t = ("$ kubectl -n ⟦ns⟧ create secret generic ⟦app⟧-db \\\n    --from-literal=username=⟦u⟧ \\\n"
         "    --from-literal=password='⟦pw⟧'\nsecret/⟦app⟧-db created")
    return S("tooling", "kubectl", "password", t, ns=R.choice(TEAMS), app=db(), u=svc(), pw=E(pw(), "password"))


def t_kubectl_yaml():
    p = pw()
    t = ("$ kubectl get secret ⟦app⟧-creds -o yaml\napiVersion: v1\ndata:\n  password: ⟦enc⟧\n  username: ⟦uenc⟧\n"
         "kind: Secret\nmetadata:\n  name: ⟦app⟧-creds\n  namespace: ⟦ns⟧\ntype: Opaque")
    u = svc()
    return S("tooling", "kubectl_output", "password_base64", t, app=db(), enc=E(b64(p.encode()), "password_base64"),
             uenc=b64(u.encode()), ns=R.choice(TEAMS))


def t_helm():
    t = ("helm upgrade --install ⟦rel⟧ bitnami/postgresql -n ⟦ns⟧ \\\n  --set auth.username=⟦u⟧ \\\n"
         "  --set auth.password=⟦pw⟧ \\\n  --set primary.persistence.size=50Gi")
    return S("tooling", "helm", "password", t, rel=db() + "-pg", ns=R.choice(TEAMS), u=svc(), pw=E(pw(url_safe=True), "password"))


def t_aws_credentials():
    t = ("$ cat ~/.aws/credentials\n[default]\naws_access_key_id = ⟦ak⟧\naws_secret_access_key = ⟦sk⟧\n\n"
         "[⟦prof⟧]\nrole_arn = arn:aws:iam::⟦acct⟧:role/ReadOnly\nsource_profile = default")
    return S("tooling", "aws_cli", "aws_access_key", t, ak=E(aws_akid(), "aws_access_key_id"),
             sk=E(aws_secret(), "aws_secret_access_key"), prof=R.choice(["audit", "prod-ro"]), acct=rs(DG, 12))


def t_az_login():
    t = ("az login --service-principal \\\n  -u ⟦app⟧ \\\n  -p '⟦sec⟧' \\\n  --tenant ⟦ten⟧\n"
         "az aks get-credentials -g rg-⟦team⟧ -n aks-⟦team⟧-prod")
    return S("tooling", "az_cli", "azure_client_secret", t, app=ruuid(), sec=E(azure_client_secret(), "azure_client_secret"),
             ten=ruuid(), team=R.choice(TEAMS))


def t_env_file():
    t = ("# .env (local)\nNODE_ENV=development\nPORT=3000\nDATABASE_URL=postgres://⟦u⟧:⟦pw⟧@localhost:5432/⟦db⟧\n"
         "STRIPE_SECRET_KEY=⟦sk⟧\nMAILGUN_API_KEY=⟦mg⟧\nLOG_LEVEL=debug")
    return S("tooling", "dotenv", "multiple", t, u=svc(), pw=E(pw(url_safe=True), "password"), db=db(),
             sk=E(stripe_secret(), "stripe_key"), mg=E(mailgun_key(), "mailgun_key"))


def t_ini():
    if R.random() < 0.5:
        t = "# ~/.my.cnf\n[client]\nuser=⟦u⟧\npassword=⟦pw⟧\nhost=⟦h⟧\n\n[mysqldump]\nsingle-transaction"
    else:
        t = ("; /etc/odbc.ini\n[⟦db⟧_dsn]\nDriver      = ODBC Driver 18 for SQL Server\nServer      = ⟦h⟧\n"
             "Database    = ⟦db⟧\nUID         = ⟦u⟧\nPWD         = ⟦pw⟧")
    return S("tooling", "ini", "password", t, u=svc(), pw=E(pw(), "password"), h=host(), db=db())


def t_webconfig():
    t = ('<configuration>\n  <connectionStrings>\n    <add name="⟦db⟧"\n         connectionString="Data Source=⟦h⟧;Initial Catalog=⟦db⟧;'
         'User ID=⟦u⟧;Password=⟦pw⟧;"\n         providerName="System.Data.SqlClient" />\n  </connectionStrings>\n</configuration>')
    return S("tooling", "xml_webconfig", "password", t, db=db(), h=host(), u=svc(), pw=E(pw(url_safe=True), "password"))


def t_maven():
    t = ("<settings>\n  <servers>\n    <server>\n      <id>⟦id⟧</id>\n      <username>⟦u⟧</username>\n"
         "      <password>⟦pw⟧</password>\n    </server>\n  </servers>\n</settings>")
    return S("tooling", "xml_maven", "password", t, id=R.choice(["nexus-releases", "internal-snapshots"]), u=svc(),
             pw=E(pw(), "password"))


def t_toml():
    if R.random() < 0.5:
        t = '# ~/.cargo/credentials.toml\n[registry]\ntoken = "⟦k⟧"\n\n[registries.⟦r⟧]\ncredential-provider = "cargo:token"'
        return S("tooling", "toml", "cratesio_token", t, r=R.choice(["acme-crates", "internal"]), k=E("cio" + rs(AN, 32), "cratesio_token"))
    t = ('[tool.poetry]\nname = "⟦n⟧"\n\n[[tool.poetry.source]]\nname = "internal"\nurl = "https://pypi.corp.local/simple"\n\n'
         '# poetry config http-basic.internal\n[http-basic.internal]\nusername = "⟦u⟧"\npassword = "⟦pw⟧"')
    return S("tooling", "toml", "password", t, n=R.choice(["etl-jobs", "billing-sdk"]), u=svc(), pw=E(pw(), "password"))


def t_yaml():
    if R.random() < 0.5:
        t = ("spring:\n  datasource:\n    url: jdbc:postgresql://⟦h⟧:5432/⟦db⟧\n    username: ⟦u⟧\n    password: ⟦pw⟧\n"
             "  jpa:\n    hibernate:\n      ddl-auto: validate")
        return S("tooling", "yaml", "password", t, h=host(), db=db(), u=svc(), pw=E(pw(), "password"))
    t = ("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: ⟦u⟧\n      POSTGRES_PASSWORD: ⟦pw⟧\n"
         "  grafana:\n    image: grafana/grafana:11.1.0\n    environment:\n      GF_SECURITY_ADMIN_PASSWORD: ⟦pw2⟧")
    return S("tooling", "yaml_compose", "password", t, u=svc(), pw=E(pw(), "password"), pw2=E(pw(), "password"))


def t_properties():
    t = ("# application-prod.properties\nserver.port=8080\nspring.datasource.url=jdbc:mysql://⟦h⟧:3306/⟦db⟧\n"
         "spring.datasource.username=⟦u⟧\nspring.datasource.password=⟦pw⟧\nspring.mail.password=⟦pw2⟧")
    return S("tooling", "properties", "password", t, h=host(), db=db(), u=svc(), pw=E(pw(), "password"), pw2=E(pw(), "password"))


def t_log_dsn():
    t = ("⟦d⟧T⟦t⟧:12.481Z ERROR [worker-3] db.pool: could not connect to postgres://⟦u⟧:⟦pw⟧@⟦h⟧:5432/⟦db⟧?sslmode=require\n"
         "⟦d⟧T⟦t⟧:12.482Z ERROR [worker-3] db.pool: FATAL: password authentication failed for user \"⟦u⟧\"\n"
         "⟦d⟧T⟦t⟧:17.483Z INFO  [worker-3] db.pool: retrying in 5s (attempt 4/10)")
    return S("tooling", "log_lines", "password", t, d=tstamp(), t=hhmm(), u=svc(), pw=E(pw(url_safe=True), "password"), h=host(), db=db())


def t_stacktrace():
    gen, typ = R.choice([(jwt, "jwt"), (datadog_api, "datadog_key"), (newrelic_key, "newrelic_key")])
    hdr = {"jwt": "Authorization: Bearer ", "datadog_key": "DD-API-KEY: ", "newrelic_key": "Api-Key: "}[typ]
    t = ("Traceback (most recent call last):\n  File \"/app/client.py\", line 88, in _send\n    resp.raise_for_status()\n"
         "requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://⟦h⟧/api/v1/series\n"
         "DEBUG request headers: {'User-Agent': 'python-requests/2.32.3', '⟦hn⟧': '⟦k⟧', 'Accept': '*/*'}")
    name, _ = hdr.split(": ", 1)
    pre = "Bearer " if typ == "jwt" else ""
    t = t.replace("'⟦hn⟧': '⟦k⟧'", "'⟦hn⟧': '" + pre + "⟦k⟧'")
    return S("tooling", "stack_trace", typ, t, h=R.choice(["api.datadoghq.eu", "gw.internal.example", "api.newrelic.com"]),
             hn=name, k=E(gen(), typ))


def t_curl():
    gen, typ, url = R.choice([(openai_key, "openai_key", "https://api.openai.com/v1/models"),
                              (cohere_key, "cohere_key", "https://api.cohere.com/v2/chat"),
                              (airtable_pat, "airtable_token", "https://api.airtable.com/v0/meta/bases"),
                              (notion_token, "notion_token", "https://api.notion.com/v1/users")])
    t = ('curl -sS ⟦url⟧ \\\n  -H "Authorization: Bearer ⟦k⟧" \\\n  -H "Content-Type: application/json" | jq .')
    return S("tooling", "curl", typ, t, url=url, k=E(gen(), typ))


def t_raw_http_basic():
    u, p = svc(), pw()
    t = ("GET /api/v1/jobs/⟦n⟧ HTTP/1.1\nHost: ⟦h⟧\nAuthorization: Basic ⟦b⟧\nAccept: application/json\n\n"
         "HTTP/1.1 401 Unauthorized")
    return S("tooling", "raw_http", "basic_auth", t, n=str(R.randint(100, 9999)), h=R.choice(["ci.corp.local", "airflow.internal"]),
             b=E(b64((u + ":" + p).encode()), "basic_auth"))


def t_har_cookie():
    t = ('{\n  "request": {\n    "method": "POST",\n    "url": "https://⟦h⟧/api/cart",\n    "headers": [\n'
         '      {"name": "Cookie", "value": "⟦cn⟧=⟦c⟧; theme=dark"},\n      {"name": "X-Request-Id", "value": "⟦x⟧"}\n    ]\n  }\n}')
    return S("tooling", "har", "session_token", t, h=R.choice(["shop.example.com", "portal.corp.local"]),
             cn=R.choice(["sessionid", "connect.sid", "_session_id", "JSESSIONID"]), c=E(rs(AN, 32) if R.random() < 0.5 else "s%3A" + rs(B64U, 32) + "." + rs(AN, 43), "session_token"),
             x=ruuid())


def t_registry_rc():
    if R.random() < 0.5:
        t = "$ cat ~/.npmrc\n@⟦org⟧:registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=⟦k⟧\nsave-exact=true"
        return S("tooling", "npmrc", "npm_token", t, org=R.choice(["acme", "northwind"]), k=E(npm_token(), "npm_token"))
    t = "[distutils]\nindex-servers =\n    pypi\n\n[pypi]\nusername = __token__\npassword = ⟦k⟧"
    return S("tooling", "pypirc", "pypi_token", t, k=E(pypi_token(), "pypi_token"))


def t_docker_git():
    r = R.random()
    if r < 0.33:
        t = "$ docker login ⟦reg⟧ -u ⟦u⟧ -p ⟦pw⟧\nWARNING! Using --password via the CLI is insecure. Use --password-stdin.\nLogin Succeeded"
        return S("tooling", "docker_cli", "password", t, reg=R.choice(["harbor.corp.local", "registry.internal:5000"]), u=user(), pw=E(pw(url_safe=True), "password"))
    if r < 0.66:
        t = "$ git remote -v\norigin\thttps://oauth2:⟦k⟧@gitlab.⟦d⟧/⟦p⟧.git (fetch)\norigin\thttps://oauth2:⟦k⟧@gitlab.⟦d⟧/⟦p⟧.git (push)"
        return S("tooling", "git_cli", "gitlab_token", t, k=E(gitlab_pat(), "gitlab_token"), d=R.choice(["corp.local", "example.org"]), p=R.choice(["infra/ansible", "web/shop"]))
    t = "git clone https://⟦u⟧:⟦k⟧@dev.azure.com/⟦org⟧/⟦proj⟧/_git/⟦repo⟧"
    return S("tooling", "git_cli", "azure_devops_pat", t, u=user(), k=E(azure_devops_pat(), "azure_devops_pat"),
             org=R.choice(["contoso", "fabrikam"]), proj=R.choice(["Platform", "Retail"]), repo=R.choice(["api", "infra"]))


def t_gcloud_sa():
    key = pem_pkcs8(R.choice([300, 500])).replace("\n", "\\n")
    t = ('$ cat ⟦p⟧-sa.json\n{\n  "type": "service_account",\n  "project_id": "⟦p⟧",\n  "private_key_id": "⟦kid⟧",\n'
         '  "private_key": "⟦k⟧\\n",\n  "client_email": "deployer@⟦p⟧.iam.gserviceaccount.com",\n  "client_id": "⟦cid⟧",\n'
         '  "token_uri": "https://oauth2.googleapis.com/token"\n}\n$ gcloud auth activate-service-account --key-file=⟦p⟧-sa.json')
    p = R.choice(["acme-data-prod", "nw-ml-staging", "billing-42"])
    return S("tooling", "gcloud", "gcp_service_account_key", t, p=p, kid=E(rs(HEX, 40), "gcp_private_key_id"),
             k=E(key, "private_key"), cid=rs(DG, 21))


TOOLING_SECRET = [t_kubectl_literal, t_kubectl_yaml, t_helm, t_aws_credentials, t_az_login, t_env_file, t_ini,
                  t_webconfig, t_maven, t_toml, t_yaml, t_properties, t_log_dsn, t_stacktrace, t_curl, t_raw_http_basic,
                  t_har_cookie, t_registry_rc, t_docker_git, t_gcloud_sa]


# ================================================================ PROVIDER KEYS (secret)
# (row type, generator, env var, provider-specific snippet or None, display name)
PROVIDERS = [
    ("openai_key", openai_key, "OPENAI_API_KEY", 'client = OpenAI(api_key="⟦k⟧")', "OpenAI"),
    ("anthropic_key", anthropic_key, "ANTHROPIC_API_KEY", 'client = anthropic.Anthropic(api_key="⟦k⟧")', "Anthropic"),
    ("huggingface_token", hf_token, "HF_TOKEN", 'login(token="⟦k⟧")  # huggingface_hub', "Hugging Face"),
    ("groq_key", groq_key, "GROQ_API_KEY", 'client = Groq(api_key="⟦k⟧")', "Groq"),
    ("replicate_token", replicate_token, "REPLICATE_API_TOKEN", None, "Replicate"),
    ("cohere_key", cohere_key, "COHERE_API_KEY", 'co = cohere.ClientV2(api_key="⟦k⟧")', "Cohere"),
    ("mistral_key", mistral_key, "MISTRAL_API_KEY", 'client = Mistral(api_key="⟦k⟧")', "Mistral"),
    ("github_token", github_fine, "GITHUB_TOKEN", 'const octokit = new Octokit({ auth: "⟦k⟧" });', "GitHub"),
    ("gitlab_token", gitlab_pat, "GITLAB_TOKEN", 'gl = gitlab.Gitlab("https://gitlab.com", private_token="⟦k⟧")', "GitLab"),
    ("bitbucket_app_password", bitbucket_app_pw, "BITBUCKET_APP_PASSWORD", None, "Bitbucket"),
    ("slack_token", slack_bot, "SLACK_BOT_TOKEN", 'app = App(token="⟦k⟧", signing_secret=os.environ["SLACK_SIGNING_SECRET"])', "Slack"),
    ("discord_bot_token", discord_bot, "DISCORD_TOKEN", 'client.login("⟦k⟧");', "Discord"),
    ("telegram_bot_token", telegram_bot, "TELEGRAM_BOT_TOKEN", 'app = ApplicationBuilder().token("⟦k⟧").build()', "Telegram"),
    ("stripe_key", stripe_secret, "STRIPE_SECRET_KEY", "const stripe = require('stripe')('⟦k⟧');", "Stripe"),
    ("square_token", square_token, "SQUARE_ACCESS_TOKEN", 'client = Client(access_token="⟦k⟧", environment="production")', "Square"),
    ("square_oauth_secret", square_oauth_secret, "SQUARE_APPLICATION_SECRET", None, "Square"),
    ("braintree_token", braintree_token, "BRAINTREE_ACCESS_TOKEN", 'gateway = braintree.BraintreeGateway(access_token="⟦k⟧")', "Braintree"),
    ("datadog_key", datadog_api, "DD_API_KEY", None, "Datadog"),
    ("newrelic_key", newrelic_key, "NEW_RELIC_API_KEY", None, "New Relic"),
    ("sentry_token", sentry_org_token, "SENTRY_AUTH_TOKEN", None, "Sentry"),
    ("grafana_token", grafana_sa, "GRAFANA_SERVICE_ACCOUNT_TOKEN", None, "Grafana"),
    ("npm_token", npm_token, "NPM_TOKEN", None, "npm"),
    ("pypi_token", pypi_token, "PYPI_API_TOKEN", None, "PyPI"),
    ("rubygems_key", rubygems_key, "GEM_HOST_API_KEY", None, "RubyGems"),
    ("nuget_key", nuget_key, "NUGET_API_KEY", "dotnet nuget push bin/Release/*.nupkg --api-key ⟦k⟧ --source https://api.nuget.org/v3/index.json", "NuGet"),
    ("vault_token", vault_token, "VAULT_TOKEN", None, "Vault"),
    ("doppler_token", doppler_token, "DOPPLER_TOKEN", None, "Doppler"),
    ("linear_key", linear_key, "LINEAR_API_KEY", 'const linear = new LinearClient({ apiKey: "⟦k⟧" });', "Linear"),
    ("notion_token", notion_token, "NOTION_TOKEN", 'const notion = new Client({ auth: "⟦k⟧" });', "Notion"),
    ("airtable_token", airtable_pat, "AIRTABLE_API_KEY", None, "Airtable"),
    ("shopify_token", shopify_token, "SHOPIFY_ACCESS_TOKEN", None, "Shopify"),
    ("sendgrid_key", sendgrid_key, "SENDGRID_API_KEY", "sgMail.setApiKey('⟦k⟧');", "SendGrid"),
    ("mailgun_key", mailgun_key, "MAILGUN_API_KEY", None, "Mailgun"),
    ("gcp_api_key", gcp_api_key, "GOOGLE_API_KEY", None, "Google Cloud"),
]


def provider_row(entry):
    typ, gen, var, snippet, name = entry
    forms = ['export ⟦var⟧="⟦k⟧"', "⟦var⟧=⟦k⟧", "⟦lvar⟧: ⟦k⟧", '{\n  "⟦lvar⟧": "⟦k⟧"\n}',
             "$env:⟦var⟧ = \"⟦k⟧\"", "set ⟦var⟧=⟦k⟧",
             "here's the ⟦name⟧ key for the demo box, please rotate after friday: ⟦k⟧"]
    if snippet:
        forms += [snippet, snippet]
    t = R.choice(forms)
    if R.random() < 0.35 and not t.startswith("here"):
        t = R.choice(["# ⟦name⟧\n", "# added by ⟦who⟧ ⟦d⟧\n", "", "# TODO move to secret manager\n"]) + t
    return S("provider", "provider_" + typ, typ, t, var=var, lvar=var.lower(), name=name, who=user(), d=tstamp(),
             k=E(gen(), typ))


def make_provider_fn(entry):
    def fn():
        return provider_row(entry)
    fn.__name__ = "p_" + entry[0]
    return fn


def p_aws_boto():
    t = ('s3 = boto3.client(\n    "s3",\n    aws_access_key_id="⟦ak⟧",\n    aws_secret_access_key="⟦sk⟧",\n    region_name="⟦r⟧",\n)')
    return S("provider", "provider_aws", "aws_access_key", t, ak=E(aws_akid(), "aws_access_key_id"),
             sk=E(aws_secret(), "aws_secret_access_key"), r=R.choice(["eu-west-1", "ap-northeast-1"]))


def p_twilio():
    if R.random() < 0.5:
        t = "TWILIO_API_KEY=⟦a⟧\nTWILIO_API_SECRET=⟦b⟧\nTWILIO_FROM=+1555⟦n⟧"
        return S("provider", "provider_twilio", "twilio_key", t, a=E(twilio_sk(), "twilio_api_key_sid"),
                 b=E(rs(AN, 32), "twilio_api_secret"), n=rs(DG, 7))
    t = "client = Client(\"⟦a⟧\", \"⟦b⟧\")\nclient.messages.create(to=to, from_=\"+1555⟦n⟧\", body=msg)"
    return S("provider", "provider_twilio", "twilio_key", t, a=E(twilio_ac(), "twilio_account_sid"),
             b=E(rs(HEX, 32), "twilio_auth_token"), n=rs(DG, 7))


def p_azure_storage():
    t = ('AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=⟦acc⟧;AccountKey=⟦k⟧;'
         'EndpointSuffix=core.windows.net"')
    return S("provider", "provider_azure", "azure_storage_key", t, acc=R.choice(["stacmeprodlogs", "nwbackup01", "mlartifactsweu"]),
             k=E(azure_storage_key(), "azure_storage_key"))


WEBHOOKS = [(slack_webhook, "slack_webhook", "slack"), (discord_webhook, "discord_webhook", "discord"),
            (teams_webhook, "teams_webhook", "teams")]


def p_webhooks(which):
    gen, typ, lab = WEBHOOKS[which]
    t = R.choice(["alerting:\n  ⟦lab⟧:\n    webhook_url: ⟦k⟧\n    send_resolved: true",
                  "curl -X POST -H 'Content-Type: application/json' -d '{\"text\":\"deploy finished\"}' ⟦k⟧",
                  "WEBHOOK_URL = \"⟦k⟧\"  # ⟦lab⟧ channel #⟦ch⟧"])
    return S("provider", "provider_webhook", typ, t, lab=lab, ch=R.choice(["deploys", "alerts-prod"]), k=E(gen(), typ))


def p_jwt():
    t = R.choice(["localStorage.setItem('access_token', '⟦k⟧');",
                  "Authorization: Bearer ⟦k⟧",
                  "decode this for me please, want to see which claims we issue: ⟦k⟧"])
    return S("provider", "provider_jwt", "jwt", t, k=E(jwt(), "jwt"))


def p_private_keys(which):
    r = (0.1, 0.5, 0.9)[which]
    if r < 0.35:
        t = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ⟦n⟧-tls\ntype: kubernetes.io/tls\nstringData:\n  tls.key: |\n    ⟦k⟧"
        k = "\n".join("    " + ln for ln in pem_rsa(R.choice([600, 900])).split("\n"))
        # entity = the PEM block as it appears (indented)
        return S("provider", "provider_pem", "private_key", t, n=R.choice(["shop", "api"]), k=E(k.lstrip(), "private_key"))
    if r < 0.7:
        t = "$ cat ~/.ssh/id_ed25519\n⟦k⟧"
        return S("provider", "provider_openssh", "private_key", t, k=E(openssh_key(), "private_key"))
    t = "⟦k⟧"
    return S("provider", "provider_putty", "private_key", t, k=E(putty_key(user() + "@laptop"), "private_key"))


def p_datadog_pair():
    t = ("datadog:\n  site: datadoghq.eu\n  apiKey: ⟦a⟧\n  appKey: ⟦b⟧\n  clusterName: ⟦c⟧")
    return S("provider", "provider_datadog", "datadog_key", t, a=E(datadog_api(), "datadog_key"),
             b=E(datadog_app(), "datadog_app_key"), c=R.choice(["prod-eu", "staging"]))


def p_sentryclirc():
    t = "# ~/.sentryclirc\n[auth]\ntoken=⟦k⟧\n\n[defaults]\norg=⟦o⟧\nproject=⟦p⟧"
    return S("provider", "provider_sentry", "sentry_token", t, k=E(sentry_user_token(), "sentry_token"),
             o=R.choice(TEAMS), p=R.choice(["web", "api", "ios"]))


PROVIDER_SECRET = [make_provider_fn(e) for e in PROVIDERS] + [
    p_aws_boto, p_twilio, p_azure_storage, p_jwt, p_datadog_pair, p_sentryclirc,
    lambda: p_webhooks(0), lambda: p_webhooks(1), lambda: p_webhooks(2),
    lambda: p_private_keys(0), lambda: p_private_keys(1), lambda: p_private_keys(2)]


# ================================================================ SUPPORT / OPS (not_secret)
def ns_prose_rotated():
    lang, t = pick({
        "en": "I rotated the ⟦db⟧ database password yesterday and put the new one in 1Password under 'prod / ⟦db⟧'. If your job fails with auth errors, restart it so it picks up the new secret from Vault.",
        "de": "Ich habe gestern das Passwort der ⟦db⟧-Datenbank rotiert; das neue liegt im Tresor unter 'prod/⟦db⟧'. Falls Jobs mit Auth-Fehlern abbrechen, bitte neu starten.",
        "fr": "J'ai changé hier le mot de passe de la base ⟦db⟧, le nouveau est dans le coffre sous « prod/⟦db⟧ ». Redémarrez vos jobs s'ils échouent à l'authentification.",
        "ja": "昨日 ⟦db⟧ のDBパスワードをローテーションしました。新しい値は Vault の prod/⟦db⟧ にあります。認証エラーが出たらジョブを再起動してください。",
    })
    return N("support", "chat_prose", "prose_no_value", t, lang, db=db())


def ns_password_policy():
    lang, t = pick({
        "en": "Password policy (effective ⟦d⟧): at least ⟦n⟧ characters, no reuse of the last 12 passwords, must not contain your username, rotated every 180 days for service accounts. Passphrases of 4+ random words are encouraged.",
        "es": "Política de contraseñas: mínimo ⟦n⟧ caracteres, sin reutilizar las últimas 12, no puede contener el nombre de usuario. Se recomiendan frases de paso de 4 palabras o más.",
        "it": "Policy password: almeno ⟦n⟧ caratteri, niente riutilizzo delle ultime 12, cambio ogni 180 giorni per le utenze di servizio.",
        "zh": "密码策略：长度至少 ⟦n⟧ 位，不能与最近 12 次重复，不能包含用户名，服务账号每 180 天更换一次。",
    })
    return N("support", "policy_text", "password_policy", t, lang, d=tstamp(), n=str(R.choice([12, 14, 16])))


def ns_masked():
    lang, t = pick({
        "en": "the ⟦p⟧ key ending in …⟦l⟧ was revoked at ⟦t⟧ after it showed up in a public gist. billing shows no usage after that. new key is already in the secret store.",
        "pt": "A chave ⟦p⟧ terminada em ⟦l⟧ (⟦pref⟧…⟦l⟧) foi revogada às ⟦t⟧. A nova já está no cofre.",
        "nl": "De ⟦p⟧-sleutel die eindigt op ⟦l⟧ (⟦pref⟧****⟦l⟧) is om ⟦t⟧ ingetrokken.",
    })
    p, pref = R.choice([("OpenAI", "sk-proj-"), ("Stripe", "sk_live_"), ("Anthropic", "sk-ant-"), ("GitHub", "ghp_")])
    return N("support", "chat_prose", "masked_value", t, lang, p=p, pref=pref, l=rs(AN, 4), t=hhmm())


def ns_redacted_paste():
    lang, t = pick({
        "en": "here's my login for the vendor portal: user ⟦u⟧, password [REDACTED by DLP] — can you tell me why the MFA prompt never shows up?",
        "de": "Zugang fürs Lieferantenportal: Benutzer ⟦u⟧, Passwort ******** (von mir entfernt). Warum kommt die MFA-Abfrage nicht?",
        "es": "Mi usuario es ⟦u⟧ y la contraseña te la paso por el gestor, no por aquí. El problema es que el portal no me pide el segundo factor.",
    })
    return N("support", "chat_help", "redacted", t, lang, u=user())


def ns_identifiers():
    lang, t = pick({
        "en": "can you add ⟦u⟧@corp.example to the db-readers group on ⟦h⟧? the user should connect via the pgbouncer at ⟦h2⟧:6432, database ⟦db⟧.",
        "fr": "Peux-tu ajouter ⟦u⟧@corp.example au groupe db-readers sur ⟦h⟧ ? La connexion passe par ⟦h2⟧:6432, base ⟦db⟧.",
        "ja": "⟦u⟧@corp.example を ⟦h⟧ の db-readers グループに追加してください。接続先は ⟦h2⟧:6432 です。",
    })
    return N("support", "chat_help", "identifier_only", t, lang, u=user(), h=host(), h2=host(), db=db())


def ns_ordinary_words():
    t = R.choice([
        "Key takeaways from the retro: 1) the token bucket rate limiter was sized for last year's traffic, 2) nobody owned the primary key migration on ⟦db⟧.orders, 3) we need a keyboard shortcut for the incident template.",
        "the tokenizer splits that prompt into roughly ⟦n⟧ tokens, so we're under the context limit. the key issue is latency, not cost.",
        "Tip: the answer key for the onboarding quiz is on the wiki. Also, the office key fob for floor ⟦f⟧ now needs to be re-registered at reception.",
        "We're passing the idempotency key through to the ledger so duplicate webhooks don't create duplicate rows. Composite key is (merchant_id, event_id).",
    ])
    return N("support", "chat_prose", "ordinary_word", t, db=db(), n=str(R.randint(800, 5000)), f=str(R.randint(2, 9)))


def ns_ticket_ids():
    t = ("Support case #⟦n⟧\nCustomer reports intermittent 502s.\nRequest ID: ⟦rid⟧\ntraceparent: 00-⟦tr⟧-⟦sp⟧-01\n"
         "Correlation-Id: ⟦cid⟧\nFirst seen: ⟦d⟧ ⟦t⟧ UTC")
    return N("support", "ticket", "request_trace_id", t, n=str(R.randint(10000, 99999)), rid=R.choice(["req_" + rs(AN, 24), ruuid()]),
             tr=rs(HEX, 32), sp=rs(HEX, 16), cid=ruuid(), d=tstamp(), t=hhmm())


def ns_incident_no_value():
    lang, t = pick({
        "en": "Postmortem summary ⟦d⟧\nRoot cause: an AWS access key for the CI user was committed to a public fork. GuardDuty flagged unusual ListBuckets calls at ⟦t⟧.\nActions: key deactivated and deleted, CloudTrail reviewed, secret scanning push protection enabled org-wide.",
        "es": "Resumen del incidente ⟦d⟧: se publicó por error un token de Slack en un repositorio. Se revocó a las ⟦t⟧ y se activó la protección de push del escaneo de secretos.",
    })
    return N("support", "incident_timeline", "prose_no_value", t, lang, d=tstamp(), t=hhmm())


def ns_vault_reference():
    lang, t = pick({
        "en": "the creds for the ⟦db⟧ reporting user live at vault://secret/data/⟦db⟧/reporting#password — don't copy them into the job config, use the vault agent template.",
        "it": "Le credenziali dell'utente di reporting sono in vault://secret/data/⟦db⟧/reporting (campo password). Non copiarle nel file di configurazione.",
        "zh": "⟦db⟧ 报表账号的密码在 vault://secret/data/⟦db⟧/reporting，不要直接写进配置文件，用 vault agent 模板读取。",
    })
    return N("support", "chat_prose", "reference", t, lang, db=db())


def ns_default_changeme():
    lang, t = pick({
        "en": "after installing ⟦prod⟧ the default admin password is `changeme`; the setup wizard forces you to set a new one before anything else works.",
        "de": "Nach der Installation von ⟦prod⟧ ist das Standardpasswort `changeme`, der Assistent zwingt einen aber sofort zur Änderung.",
        "it": "Dopo l'installazione di ⟦prod⟧ la password predefinita è `changeme`, ma la procedura guidata obbliga a cambiarla subito.",
    })
    return N("support", "chat_prose", "placeholder", t, lang, prod=R.choice(["the NAS appliance", "the print server", "the new firewall", "the badge system"]))


def ns_login_no_value():
    lang, t = pick({
        "en": "my login is ⟦u⟧ and the password is the one from the onboarding email, I don't want to paste it here. The page just reloads after I click sign in.",
        "pt": "Meu login é ⟦u⟧, a senha é a do e-mail de boas-vindas (não vou colar aqui). A página só recarrega quando clico em entrar.",
        "nl": "Mijn gebruikersnaam is ⟦u⟧, het wachtwoord staat in de welkomstmail. De pagina laadt gewoon opnieuw na inloggen.",
    })
    return N("support", "chat_help", "identifier_only", t, lang, u=user())


SUPPORT_NEG = [ns_prose_rotated, ns_password_policy, ns_masked, ns_redacted_paste, ns_identifiers, ns_ordinary_words,
               ns_ticket_ids, ns_incident_no_value, ns_vault_reference, ns_default_changeme, ns_login_no_value]


# ================================================================ CODE (not_secret)
def nc_env_lookup():
    t = R.choice([
        'db_password = os.getenv("DB_PASSWORD")\nif not db_password:\n    raise RuntimeError("DB_PASSWORD not set")',
        'String pw = System.getenv("⟦var⟧");\nConnection c = DriverManager.getConnection(url, user, pw);',
        "const conn = mysql.createConnection({\n  host: process.env.DB_HOST,\n  user: process.env.DB_USER,\n  password: process.env.⟦var⟧,\n});",
        'var pw = Environment.GetEnvironmentVariable("⟦var⟧");\nvar cred = new NetworkCredential(user, pw);',
        'dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", os.Getenv("DB_USER"), os.Getenv("⟦var⟧"), host, name)',
        "$pdo = new PDO($dsn, getenv('DB_USER'), getenv('⟦var⟧'));",
    ])
    return N("code", "env_lookup", "reference", t, var=R.choice(["DB_PASSWORD", "SMTP_PASSWORD", "REPORTING_DB_PASS"]))


def nc_spring_no_default():
    t = ('@Value("${⟦a⟧}")\nprivate String password;\n\n@Value("${⟦b⟧}")\nprivate String ⟦f⟧;')
    return N("code", "java_spring", "reference", t, a=R.choice(["spring.datasource.password", "db.password", "ldap.bind-password"]),
             b=R.choice(["stripe.secret-key", "sendgrid.api-key", "slack.bot-token", "openai.api-key"]),
             f=R.choice(["apiKey", "stripeKey", "token"]))


def nc_gha_secrets():
    t = ("    env:\n      NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n      AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n"
         "      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n    steps:\n      - uses: actions/checkout@⟦sha⟧ # v4\n      - run: npm publish")
    return N("code", "github_actions", "reference", t, sha=sha1())


def nc_terraform_var():
    t = ('resource "random_password" "db" {\n  length  = 24\n  special = true\n}\n\nresource "aws_db_instance" "⟦db⟧" {\n'
         '  username = var.db_username\n  password = random_password.db.result\n}\n\nvariable "db_username" {\n  default = "⟦u⟧"\n}')
    return N("code", "terraform", "reference", t, db=db(), u=svc())


def nc_powershell_prompt():
    t = R.choice([
        "$cred = Get-Credential -UserName \"CORP\\⟦u⟧\" -Message \"Enter the service account password\"\nInvoke-Command -ComputerName APP03 -Credential $cred -ScriptBlock { iisreset }",
        "$secpw = Read-Host -Prompt 'Password' -AsSecureString\n$cred = New-Object PSCredential ('⟦u⟧', $secpw)",
        "$secpw = ConvertTo-SecureString $env:SVC_PASSWORD -AsPlainText -Force",
    ])
    return N("code", "powershell", "reference", t, u=svc())


def nc_sql_placeholder():
    t = R.choice([
        "CREATE USER ⟦u⟧ IDENTIFIED BY '<password>';\n-- replace <password> with the value from the vault before running",
        "ALTER USER ⟦u⟧ WITH PASSWORD :'new_password';  -- psql -v new_password=... ",
        "CREATE LOGIN ⟦u⟧ WITH PASSWORD = '$(SvcPassword)';  -- sqlcmd variable",
    ])
    return N("code", "sql", "placeholder", t, u=svc())


def nc_dockerfile_secret_mount():
    t = ("# syntax=docker/dockerfile:1\nFROM node:20-alpine\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n"
         "ENV API_KEY=${API_KEY}\nCOPY --from=builder@sha256:⟦dig⟧ /app/dist /app")
    return N("code", "dockerfile", "reference", t, dig=sha256())


def nc_hash_constants():
    t = R.choice([
        'const (\n\t// SHA-256 of the vendored installer, checked before exec\n\tinstallerSHA256 = "⟦h⟧"\n\tgitCommit = "⟦c⟧"\n)',
        'EXPECTED_CHECKSUM = "⟦h⟧"  # sha256 of model.onnx\nBUILD_SHA = "⟦c⟧"',
        'private static final UUID TENANT_NAMESPACE = UUID.fromString("⟦u⟧");\nprivate static final String SCHEMA_HASH = "⟦h⟧";',
    ])
    return N("code", "constants", "high_entropy_non_secret", t, h=sha256(), c=sha1(), u=ruuid())


def nc_test_fixture():
    t = R.choice([
        'def test_rejects_bad_key(client):\n    resp = client.get("/v1/me", headers={"Authorization": "Bearer fake-token-for-tests"})\n    assert resp.status_code == 401',
        "it('masks the password in logs', () => {\n  const line = redact('postgres://app:hunter2-dummy@db/app');\n  expect(line).toBe('postgres://app:****@db/app');\n});",
        '[Fact]\npublic void ConnectionString_IsParsed()\n{\n    var cs = "Server=localhost;User Id=sa;Password=YOUR_PASSWORD_HERE;";\n    Assert.Equal("localhost", Parse(cs).Server);\n}',
    ])
    return N("code", "test_fixture", "placeholder", t)


def nc_placeholder_code():
    t = R.choice([
        'client = OpenAI(api_key="YOUR_API_KEY_HERE")',
        "const stripe = require('stripe')('sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'); // put your own key here",
        'GITHUB_TOKEN = "<your-token>"  # needs repo scope',
        "req.SetBasicAuth(\"admin\", \"changeme\") // default from the vendor docs, overridden in prod",
        'headers = {"X-API-Key": "${API_KEY}"}',
    ])
    return N("code", "placeholder_code", "placeholder", t)


def nc_public_frontend():
    t = R.choice([
        "const stripe = Stripe('⟦pk⟧'); // publishable key, safe for the browser",
        "mapboxgl.accessToken = '⟦mb⟧';\nconst map = new mapboxgl.Map({ container: 'map', style: 'mapbox://styles/mapbox/streets-v12' });",
    ])
    return N("code", "frontend", "publishable_key", t, pk=stripe_pk(), mb=mapbox_pk())


CODE_NEG = [nc_env_lookup, nc_spring_no_default, nc_gha_secrets, nc_terraform_var, nc_powershell_prompt, nc_sql_placeholder,
            nc_dockerfile_secret_mount, nc_hash_constants, nc_test_fixture, nc_placeholder_code, nc_public_frontend]


# ================================================================ TOOLING (not_secret)
def nt_kubectl_list():
    t = ("$ kubectl -n ⟦ns⟧ get secrets\nNAME                  TYPE                DATA   AGE\n⟦a⟧-db-creds         Opaque              2      ⟦d1⟧d\n"
         "⟦a⟧-tls              kubernetes.io/tls   2      ⟦d2⟧d\nregistry-pull         kubernetes.io/dockerconfigjson   1   ⟦d3⟧d")
    return N("tooling", "kubectl_output", "identifier_only", t, ns=R.choice(TEAMS), a=db(), d1=str(R.randint(1, 300)),
             d2=str(R.randint(1, 300)), d3=str(R.randint(1, 300)))


def nt_image_digest():
    t = R.choice([
        "$ docker pull ghcr.io/⟦o⟧/api:1.⟦v⟧.0\nDigest: sha256:⟦h⟧\nStatus: Downloaded newer image for ghcr.io/⟦o⟧/api:1.⟦v⟧.0",
        "image: registry.corp.local/⟦o⟧/worker@sha256:⟦h⟧",
    ])
    return N("tooling", "docker_output", "high_entropy_non_secret", t, o=R.choice(TEAMS), v=str(R.randint(1, 40)), h=sha256())


def nt_integrity():
    pkg = R.choice(["lodash", "left-pad", "react-dom", "chalk", "zod"])
    t = ('    "node_modules/⟦p⟧": {\n      "version": "⟦v⟧",\n      "resolved": "https://registry.npmjs.org/⟦p⟧/-/⟦p⟧-⟦v⟧.tgz",\n'
         '      "integrity": "sha512-⟦i⟧"\n    }')
    return N("tooling", "lockfile", "high_entropy_non_secret", t, p=pkg, v="%d.%d.%d" % (R.randint(1, 9), R.randint(0, 20), R.randint(0, 9)),
             i=b64(rbytes(64)))


def nt_git_log():
    t = ("$ git log --oneline -4\n⟦a⟧ fix: retry on 503 from payments gateway\n⟦b⟧ chore: bump token-bucket limiter to 200 rps\n"
         "⟦c⟧ feat(auth): read API key from secret manager instead of env\n⟦d⟧ Merge pull request #⟦n⟧ from ⟦u⟧/rotate-keys\n$ git rev-parse HEAD\n⟦full⟧")
    full = sha1()
    return N("tooling", "git_output", "high_entropy_non_secret", t, a=full[:7], b=sha1()[:7], c=sha1()[:7], d=sha1()[:7],
             n=str(R.randint(100, 4000)), u=user(), full=full)


def nt_checksums():
    t = "$ sha256sum -c SHA256SUMS\n⟦a⟧  terraform_1.⟦v⟧.0_linux_amd64.zip\n⟦b⟧  terraform_1.⟦v⟧.0_darwin_arm64.zip"
    return N("tooling", "checksum_output", "high_entropy_non_secret", t, a=sha256(), b=sha256(), v=str(R.randint(5, 9)))


def nt_env_example():
    lines = ["DATABASE_URL=postgres://⟦u⟧:${DB_PASSWORD}@localhost:5432/⟦db⟧", "STRIPE_SECRET_KEY=", "OPENAI_API_KEY=your-key-here",
             "SENDGRID_API_KEY=<sendgrid key>", "SESSION_SECRET=changeme", "API_TOKEN=%API_TOKEN%", "REDIS_PASSWORD=********",
             "GITHUB_TOKEN={{ github_token }}", "AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY", "JWT_SECRET=replace-me"]
    t = "# .env.example — copy to .env and fill in\nPORT=⟦p⟧\n" + "\n".join(R.sample(lines, 5))
    return N("tooling", "dotenv", "placeholder", t, u=svc(), db=db(), p=str(R.choice([3000, 8000, 8080, 5000])))


def nt_masked_log():
    t = ("⟦d⟧T⟦t⟧:03.114Z INFO  db.pool: connecting to postgres://⟦u⟧:****@⟦h⟧:5432/⟦db⟧\n"
         "⟦d⟧T⟦t⟧:03.208Z INFO  http: POST /v1/charges auth=Bearer sk_live_…⟦l⟧ status=200 dur=93ms\n"
         "⟦d⟧T⟦t⟧:03.301Z DEBUG config: SMTP_PASSWORD=[REDACTED] SLACK_TOKEN=********")
    return N("tooling", "log_lines", "masked_value", t, d=tstamp(), t=hhmm(), u=svc(), h=host(), db=db(), l=rs(AN, 4))


def nt_curl_var():
    t = R.choice([
        'curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user',
        "curl -u \"$JIRA_USER:$JIRA_API_TOKEN\" https://jira.corp.local/rest/api/2/myself",
        "GET /v1/me HTTP/1.1\nHost: api.example.com\nAuthorization: Bearer <token>\nX-Request-Id: ⟦rid⟧",
        "curl -H \"X-Vault-Token: $(cat ~/.vault-token)\" https://vault.corp.local/v1/secret/data/app",
    ])
    return N("tooling", "curl", "reference", t, rid=ruuid())


def nt_base64_image():
    t = '<img alt="logo" src="data:image/png;base64,⟦b⟧" width="32" height="32">'
    return N("tooling", "html", "high_entropy_non_secret", t, b=png_b64())


def nt_aws_identity():
    t = ('$ aws sts get-caller-identity\n{\n    "UserId": "AIDA⟦a⟧",\n    "Account": "⟦acct⟧",\n    "Arn": "arn:aws:iam::⟦acct⟧:user/⟦u⟧"\n}')
    return N("tooling", "aws_cli", "identifier_only", t, a=rs(UP + "234567", 17), acct=rs(DG, 12), u=user())


def nt_az_account():
    t = ('$ az account show\n{\n  "environmentName": "AzureCloud",\n  "id": "⟦s⟧",\n  "name": "⟦n⟧",\n  "tenantId": "⟦t⟧",\n'
         '  "user": {\n    "name": "⟦u⟧@corp.example",\n    "type": "user"\n  }\n}')
    return N("tooling", "az_cli", "identifier_only", t, s=ruuid(), n=R.choice(["prod-platform", "sandbox-data"]), t=ruuid(), u=user())


def nt_public_keys():
    t = R.choice([
        "$ cat ~/.ssh/authorized_keys\n⟦p1⟧ ⟦u⟧@laptop\n⟦p2⟧ deploy@ci",
        "$ openssl s_client -connect ⟦h⟧:443 -showcerts </dev/null 2>/dev/null | sed -n '/BEGIN/,/END/p'\n⟦c⟧",
        "$ ssh-keygen -lf ~/.ssh/id_ed25519.pub\n256 SHA256:⟦fp⟧ ⟦u⟧@laptop (ED25519)",
    ])
    return N("tooling", "public_key", "public_key_or_cert", t, p1=ssh_pub_ed(), p2=ssh_pub_rsa(), u=user(),
             h=R.choice(["api.example.com", "portal.corp.local"]), c=cert_pem(), fp=b64(rbytes(32)).rstrip("="))


def nt_har_redacted():
    t = ('{"name": "Cookie", "value": "sessionid=[REDACTED]; csrftoken=[REDACTED]; theme=dark"},\n'
         '{"name": "Authorization", "value": "Bearer ***"},\n{"name": "traceparent", "value": "00-⟦tr⟧-⟦sp⟧-01"}')
    return N("tooling", "har", "redacted", t, tr=rs(HEX, 32), sp=rs(HEX, 16))


TOOLING_NEG = [nt_kubectl_list, nt_image_digest, nt_integrity, nt_git_log, nt_checksums, nt_env_example, nt_masked_log,
               nt_curl_var, nt_base64_image, nt_aws_identity, nt_az_account, nt_public_keys, nt_har_redacted]


# ================================================================ PROVIDER (not_secret)
def np_aws_docs():
    t = R.choice([
        "From the AWS docs: aws_access_key_id = AKIAIOSFODNN7EXAMPLE and aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY are example values; never use them in real configs.",
        "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n# values copied from the AWS CLI user guide",
    ])
    return N("provider", "doc_example", "doc_example", t)


def np_jwt_io():
    t = R.choice([
        "this is the sample token from jwt.io, decoding it gives sub=1234567890 and name John Doe: ⟦j⟧",
        "// example from jwt.io, used only in the parser unit test\nconst SAMPLE = '⟦j⟧';",
    ])
    return N("provider", "doc_example", "doc_example", t, j=JWT_IO_SAMPLE)


def np_publishable():
    t = R.choice([
        "STRIPE_PUBLISHABLE_KEY=⟦pk⟧\n# publishable key — it ships to the browser, it's not the secret one",
        "NEXT_PUBLIC_MAPBOX_TOKEN=⟦mb⟧",
    ])
    return N("provider", "publishable_key", "publishable_key", t, pk=stripe_pk(), mb=mapbox_pk())


def np_placeholder_keys():
    t = R.choice([
        "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "OPENAI_API_KEY=sk-proj-...your key...",
        "ANTHROPIC_API_KEY=sk-ant-api03-EXAMPLE-EXAMPLE-EXAMPLE",
        "HF_TOKEN=hf_dummy_token_for_docs",
        "export VAULT_TOKEN=hvs.EXAMPLE_TOKEN_DO_NOT_USE",
        "TWILIO_AUTH_TOKEN=your_auth_token",
        "DOPPLER_TOKEN=dp.st.dev.sample",
    ])
    return N("provider", "placeholder", "placeholder", t)


def np_prefix_prose():
    lang, t = pick({
        "en": "Quick guide for reviewers: Anthropic keys start with sk-ant-, Groq keys with gsk_, Hugging Face tokens with hf_, GitLab PATs with glpat- and Vault service tokens with hvs. If you see any of these followed by a long random string in a PR, block it and ping #security.",
        "de": "Kurzer Hinweis: GitHub-Tokens beginnen mit ghp_ oder github_pat_, Slack-Bot-Tokens mit xoxb-, Stripe-Geheimschlüssel mit sk_live_. Wenn ihr so etwas in einem Merge Request seht, bitte sofort melden.",
        "fr": "Rappel : les clés Stripe secrètes commencent par sk_live_, les jetons npm par npm_ et ceux de PyPI par pypi-. Ne les collez jamais dans un ticket.",
        "es": "Recordatorio: los tokens de Linear empiezan por lin_api_, los de Notion por ntn_ o secret_ y los de Airtable por pat. Nunca los pegues en el chat.",
    })
    return N("provider", "policy_text", "prose_no_value", t, lang)


def np_masked_console():
    t = R.choice([
        "Name            Key               Created      Last used\nci-publisher    npm_****⟦l⟧        ⟦d⟧   2 hours ago\nold-laptop      npm_****⟦l2⟧        ⟦d⟧   never",
        "API keys\n  • prod-backend   sk-proj-…⟦l⟧   created ⟦d⟧\n  • eval-harness   sk-proj-…⟦l2⟧   created ⟦d⟧",
        "Token: hvs.****************⟦l⟧ (policies: default, ⟦p⟧-read)  ttl: 768h",
    ])
    return N("provider", "masked_console", "masked_value", t, l=rs(AN, 4), l2=rs(AN, 4), d=tstamp(), p=db())


def np_jwks():
    t = ('{\n  "keys": [\n    {\n      "kty": "RSA",\n      "use": "sig",\n      "kid": "⟦kid⟧",\n      "alg": "RS256",\n'
         '      "n": "⟦n⟧",\n      "e": "AQAB"\n    }\n  ]\n}')
    return N("provider", "jwks_public", "public_key_or_cert", t, kid=rs(B64U, 27), n=b64u(b"\xc4" + rbytes(255)))


def np_doc_example_markers():
    t = R.choice([
        "# sample config from the README\nsendgrid:\n  api_key: SG.EXAMPLE_KEY.EXAMPLE_SECRET_NOT_REAL",
        "stripe:\n  secret_key: sk_test_EXAMPLE   # documentation sample",
        "datadog:\n  apiKey: <DATADOG_API_KEY>\n  appKey: <DATADOG_APP_KEY>",
        "[auth]\ntoken=sntrys_YOUR_TOKEN_HERE",
    ])
    return N("provider", "doc_example", "doc_example", t)


def np_ids_not_keys():
    t = R.choice([
        "Sentry event ⟦e⟧ in project web (release ⟦c⟧)",
        "Stripe charge ch_⟦a⟧ refunded, payment_intent pi_⟦b⟧, customer cus_⟦s⟧",
        "OpenAI request id req_⟦h⟧, model gpt-4o, 1,842 tokens",
        "GitHub Actions run ⟦n⟧ for commit ⟦c⟧ failed at step 'npm ci'",
    ])
    return N("provider", "provider_ids", "request_trace_id", t, e=rs(HEX, 32), c=sha1(), a=rs(AN, 24), b=rs(AN, 24),
             s=rs(AN, 14), h=rs(HEX, 32), n=str(R.randint(10 ** 9, 10 ** 10)))


def np_cert_pub():
    t = R.choice([
        "Paste this public key into the GitLab deploy keys page:\n⟦p⟧ ci@runner-⟦n⟧",
        "-- CA bundle for the internal proxy (public)\n⟦c⟧",
    ])
    return N("provider", "public_key", "public_key_or_cert", t, p=R.choice([ssh_pub_ed(), ssh_pub_rsa()]), n=str(R.randint(1, 9)),
             c=cert_pem())


PROVIDER_NEG = [np_aws_docs, np_jwt_io, np_publishable, np_placeholder_keys, np_prefix_prose, np_masked_console, np_jwks,
                np_doc_example_markers, np_ids_not_keys, np_cert_pub]


# ================================================================ wrappers (authors' framing)
PRE = {
    "en": ["Can you review this?", "why does this fail in prod but not locally?", "quick q, is this config right?",
           "Found this while debugging the deploy:", "help — getting auth errors with this", "Explain what this does:"],
    "de": ["Kannst du dir das mal anschauen? Der Build schlägt fehl:", "Bitte prüf mal diese Konfiguration:",
           "Hier der Ausschnitt von heute Nacht, was ist da los?"],
    "fr": ["Peux-tu m'aider à comprendre pourquoi ça ne marche pas ?", "Voici la config actuelle, qu'est-ce qui cloche ?"],
    "es": ["¿Me ayudas a depurar esto? Falla al conectar:", "Esto es lo que tengo, ¿qué está mal?"],
    "pt": ["Pode revisar esse trecho? Está dando erro:", "Segue a saída do comando, o que significa?"],
    "it": ["Mi aiuti a capire perché non funziona?", "Ecco il file, c'è qualcosa di sbagliato?"],
    "nl": ["Kun je hiernaar kijken? De deploy faalt steeds:", "Dit is de huidige config, klopt dit?"],
    "ja": ["このコードでエラーが出ます。原因を教えてください。", "以下の設定で問題ないか確認してください："],
    "zh": ["帮我看看这段为什么会失败：", "下面是配置内容，请帮忙检查一下："],
}
FOREIGN = [k for k in PRE if k != "en"]


def frame(row):
    """Add a short question from the user around snippets (code, tooling, provider groups)."""
    if row["group"] == "support":
        return row
    r = R.random()
    if row["lang"] == "en" and r < 0.16:
        lang = R.choice(FOREIGN)
        row["tpl"] = R.choice(PRE[lang]) + "\n\n" + row["tpl"]
        row["lang"] = lang
    elif r < 0.55:
        row["tpl"] = R.choice(PRE["en"]) + "\n\n" + row["tpl"]
    elif r < 0.65:
        row["tpl"] = "```\n" + row["tpl"] + "\n```"
    return row


MARK = re.compile(r"⟦(\w+)⟧")


def render(tpl, vals):
    out, ents, pos, last = [], [], 0, 0
    for m in MARK.finditer(tpl):
        lit = tpl[last:m.start()]
        out.append(lit)
        pos += len(lit)
        v = vals[m.group(1)]
        if isinstance(v, tuple):
            value, etype = v
            ents.append({"type": etype, "start": pos, "end": pos + len(value), "value": value})
        else:
            value = v
        out.append(value)
        pos += len(value)
        last = m.end()
    out.append(tpl[last:])
    return "".join(out), ents


SEEN = set()


def schedule(fns, n):
    """Round-robin over template functions until n rows with distinct texts are produced."""
    rows, i = [], 0
    while len(rows) < n:
        fn = fns[i % len(fns)]
        i += 1
        for _ in range(10):
            row = frame(fn())
            text, _ = render(row["tpl"], row["vals"])
            if text not in SEEN:
                SEEN.add(text)
                rows.append(row)
                break
    return rows


def build():
    rows = []
    rows += schedule(SUPPORT_SECRET, 40)
    rows += schedule(CODE_SECRET, 40)
    rows += schedule(TOOLING_SECRET, 40)
    rows += schedule(PROVIDER_SECRET, len(PROVIDER_SECRET))
    rows += schedule(SUPPORT_NEG, 34)
    rows += schedule(CODE_NEG, 34)
    rows += schedule(TOOLING_NEG, 34)
    rows += schedule(PROVIDER_NEG, 34)
    R.shuffle(rows)
    out, meta, seen = [], [], set()
    for i, r in enumerate(rows):
        text, ents = render(r["tpl"], r["vals"])
        assert text not in seen, "duplicate text"
        seen.add(text)
        if r["label"] == "secret":
            assert ents, r["type"]
        else:
            assert not ents, r["type"]
        for e in ents:
            assert text[e["start"]:e["end"]] == e["value"]
        out.append({"id": "g3-%03d" % i, "text": text, "label": r["label"], "type": r["type"], "entities": ents,
                    "spans_known": True, "source": {"repo": "parapet/general3-handwritten"}})
        meta.append({"group": r["group"], "ctx": r["ctx"], "lang": r["lang"]})
    return out, meta


def validate(path):
    ids = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            assert list(o) == ["id", "text", "label", "type", "entities", "spans_known", "source"], list(o)
            assert o["id"] not in ids
            ids.add(o["id"])
            assert o["label"] in ("secret", "not_secret")
            assert (o["label"] == "secret") == bool(o["entities"])
            for e in o["entities"]:
                assert list(e) == ["type", "start", "end", "value"]
                assert o["text"][e["start"]:e["end"]] == e["value"]
    return len(ids)


def stats(out, meta):
    def table(title, keyf):
        c = Counter((keyf(o, m), o["label"]) for o, m in zip(out, meta))
        keys = sorted({k for k, _ in c})
        lines = ["| %s | secret | not_secret | total |" % title, "|---|---:|---:|---:|"]
        for k in keys:
            s, n = c[(k, "secret")], c[(k, "not_secret")]
            lines.append("| %s | %d | %d | %d |" % (k, s, n, s + n))
        s = sum(v for (k, l), v in c.items() if l == "secret")
        n = sum(v for (k, l), v in c.items() if l == "not_secret")
        lines.append("| **total** | %d | %d | %d |" % (s, n, s + n))
        return "\n".join(lines)

    print(table("group", lambda o, m: m["group"]))
    print()
    print(table("language", lambda o, m: m["lang"]))
    print()
    print(table("row type", lambda o, m: o["type"]))
    print()
    ec = Counter(e["type"] for o in out for e in o["entities"])
    print("| entity type | entities |\n|---|---:|")
    for k in sorted(ec):
        print("| %s | %d |" % (k, ec[k]))
    print("| **total** | %d |" % sum(ec.values()))


def main():
    out, meta = build()
    with open("holdout.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    n = validate("holdout.jsonl")
    print("wrote holdout.jsonl: %d rows" % n, file=sys.stderr)
    if "--stats" in sys.argv:
        stats(out, meta)


if __name__ == "__main__":
    main()
