#!/usr/bin/env python3
"""Generate the general5 blind hold-out set for Parapet's secrets detector.

Standard library only.  Deterministic: every template draws from its own
random.Random seeded with SEED + "/" + template name, and the final row order
comes from random.Random(SEED).  All credential values are fake: random
strings in the documented shape (prefix, length, alphabet) of each kind, with
no valid checksums.

    python3 gen.py           # write holdout.jsonl (and validate it)
    python3 gen.py --check   # validate the existing holdout.jsonl against a fresh build
    python3 gen.py --stats   # print counts per label / group / language / type / entity type

Group (flavour) and language are kept here in the template registry, not in
the rows.
"""

import argparse
import base64
import collections
import hashlib
import json
import os
import random
import string
import sys

SEED = "parapet/general5/holdout/v1"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")
SOURCE = {"repo": "parapet/general5-handwritten"}

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
HEX = "0123456789abcdef"
B64 = AN + "+/"
B64U = AN + "-_"
BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"


# --------------------------------------------------------------------------
# building blocks

class S:
    """A marked secret span inside a template's list of parts."""

    def __init__(self, value, etype=None):
        self.value = value
        self.etype = etype


TEMPLATES = []  # (name, group, lang, label, type, fn)
_NAMES = set()


def T(name, group, lang, label, rtype):
    assert label in ("secret", "not_secret")

    def deco(fn):
        assert name not in _NAMES, name
        _NAMES.add(name)
        TEMPLATES.append((name, group, lang, label, rtype, fn))
        return fn

    return deco


def rs(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


def hexs(r, n):
    return rs(r, HEX, n)


def digits(r, n):
    return str(r.randint(1, 9)) + rs(r, DG, n - 1)


def uuid4(r):
    h = hexs(r, 32)
    h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def b64(data):
    return base64.b64encode(data).decode()


def b64u_nopad(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def rbytes(r, n):
    return bytes(r.randrange(256) for _ in range(n))


def wrap64(s, w=64):
    return "\n".join(s[i:i + w] for i in range(0, len(s), w))


# --------------------------------------------------------------------------
# fake credentials in the documented shape of each kind

def aws_akid(r, prefix="AKIA"):
    return prefix + rs(r, UP + "234567", 16)


def aws_secret(r):
    return rs(r, B64, 40)


def gh_pat(r, prefix="ghp_"):
    return prefix + rs(r, AN, 36)


def gh_fine(r):
    return "github_pat_" + rs(r, AN, 22) + "_" + rs(r, AN, 59)


def glpat(r):
    return "glpat-" + rs(r, B64U, 20)


def bitbucket_app(r):
    return "ATBB" + rs(r, AN, 32)


def atlassian(r):
    return "ATATT3xFfGF0" + rs(r, B64U, 170) + "=" + rs(r, "0123456789ABCDEF", 8)


def circleci(r):
    return "CCIPAT_" + rs(r, AN, 22) + "_" + hexs(r, 40)


def slack_bot(r):
    return f"xoxb-{digits(r, 11)}-{digits(r, 13)}-{rs(r, AN, 24)}"


def slack_user(r):
    return f"xoxp-{digits(r, 11)}-{digits(r, 11)}-{digits(r, 13)}-{hexs(r, 32)}"


def slack_webhook(r):
    return (f"https://hooks.slack.com/services/T{rs(r, UP + DG, 8)}/"
            f"B{rs(r, UP + DG, 10)}/{rs(r, AN, 24)}")


def discord_bot(r):
    snow = str(r.randint(10 ** 17, 12 * 10 ** 17))
    return b64u_nopad(snow.encode()) + "." + rs(r, B64U, 6) + "." + rs(r, B64U, 38)


def discord_webhook(r):
    return f"https://discord.com/api/webhooks/{digits(r, 19)}/{rs(r, B64U, 68)}"


def telegram(r):
    return f"{r.randint(10 ** 8, 10 ** 10 - 1)}:AA{rs(r, B64U, 33)}"


def stripe_sk(r, prefix="sk_live_51"):
    return prefix + rs(r, AN, 97)


def sendgrid(r):
    return "SG." + rs(r, B64U, 22) + "." + rs(r, B64U, 43)


def openai_proj(r, kind="proj"):
    return f"sk-{kind}-" + rs(r, B64U, 74) + "T3BlbkFJ" + rs(r, B64U, 74)


def openai_legacy(r):
    return "sk-" + rs(r, AN, 20) + "T3BlbkFJ" + rs(r, AN, 20)


def anthropic(r, kind="api03"):
    return f"sk-ant-{kind}-" + rs(r, B64U, 93) + "AA"


def deepseek(r):
    return "sk-" + hexs(r, 32)


def hf(r):
    return "hf_" + rs(r, UP + LO, 34)


def google(r):
    return "AIza" + rs(r, B64U, 35)


def groq(r):
    return "gsk_" + rs(r, AN, 52)


def pplx(r):
    return "pplx-" + rs(r, AN, 48)


def xai(r):
    return "xai-" + rs(r, AN, 80)


def together(r):
    return "tgp_v1_" + rs(r, B64U, 43)


def fireworks(r):
    return "fw_" + rs(r, AN, 24)


def doppler(r, kind="pt"):
    return f"dp.{kind}." + rs(r, AN, 43)


def vault(r):
    return "hvs." + rs(r, AN, 24)


def pulumi(r):
    return "pul-" + hexs(r, 40)


def tfc(r):
    return rs(r, AN, 14) + ".atlasv1." + rs(r, AN, 67)


def pscale(r, kind="pw"):
    return f"pscale_{kind}_" + rs(r, B64U, 43)


def shopify(r, prefix="shpat_"):
    return prefix + hexs(r, 32)


def square(r):
    return "EAAA" + rs(r, B64U, 60)


def braintree(r):
    return f"access_token$production${rs(r, LO + DG, 16)}${hexs(r, 32)}"


def adyen(r):
    return "AQE" + rs(r, B64, 65) + "==-" + rs(r, B64, 43) + "=-" + rs(r, AN, 16)


def grafana_cloud(r):
    blob = json.dumps({"o": digits(r, 6), "n": "stack-" + digits(r, 6) + "-hm-read",
                       "k": rs(r, AN, 24), "m": {"r": r.choice(["prod-eu-west-2", "prod-us-east-0"])}},
                      separators=(",", ":"))
    return "glc_" + b64(blob.encode())


def grafana_sa(r):
    return "glsa_" + rs(r, AN, 32) + "_" + hexs(r, 8)


def jwt(r, payload, alg="HS256"):
    head = b64u_nopad(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    body = b64u_nopad(json.dumps(payload, separators=(",", ":")).encode())
    sig_len = 43 if alg.startswith("HS") else 342
    return f"{head}.{body}.{rs(r, B64U, sig_len)}"


def azure_storage_key(r):
    return b64(rbytes(r, 64))


def azure_client_secret(r):
    return rs(r, AN, 3) + "8Q~" + rs(r, AN + "_.~-", 34)


def age_key(r):
    return "AGE-SECRET-KEY-1" + rs(r, BECH32, 58)


def pem_block(label, body):
    return f"-----BEGIN {label}-----\n{wrap64(body)}\n-----END {label}-----"


def rsa_private(r, lines=14):
    return pem_block("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA" + rs(r, B64, 64 * lines - 16 + 20))


def pkcs8_private(r, lines=12):
    return pem_block("PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + rs(r, B64, 64 * lines - 32 + 12))


def ec_private(r):
    return pem_block("EC PRIVATE KEY", "MHcCAQEEI" + rs(r, B64, 43) + "oAoGCCqGSM49AwEHoUQDQgAE" + rs(r, B64, 86) + "==")


def openssh_private(r):
    body = ("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
            "QyNTUxOQAAACB" + rs(r, B64, 200) + "AAAAEHNlcmdpb0BidWlsZGJveC0wMQ==")
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + wrap64(body, 70) + "\n-----END OPENSSH PRIVATE KEY-----"


def pgp_private(r):
    body = "lQOYBG" + rs(r, B64, 64 * 9 - 6)
    return ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + wrap64(body) + "\n=" + rs(r, B64, 4)
            + "\n-----END PGP PRIVATE KEY BLOCK-----")


# --------------------------------------------------------------------------
# human passwords

WORDS = ["falcon", "maple", "harbor", "copper", "velvet", "summit", "lantern", "otter",
         "orchid", "ginger", "cobalt", "meadow", "tundra", "pepper", "saturn", "walnut",
         "raven", "juniper", "glacier", "biscuit", "thunder", "marble", "cactus", "pirate",
         "nebula", "willow", "rocket", "violet", "badger", "canyon", "mango", "quartz",
         "ember", "harvest", "pelican", "shadow", "banjo", "cricket", "dolphin", "spruce",
         "kettle", "tiger", "lemon", "anchor", "comet", "fjord", "honey", "island",
         "jasper", "koala", "lotus", "mosaic", "noodle", "oyster", "puffin", "radish"]
SYMS = "!@#$%&*?_-+.="
WALKS = ["1qaz2wsx", "1qaz@WSX", "!QAZ2wsx", "zaq1XSW@", "Zaq12wsx", "1q2w3e4r", "1Q2w3e4r",
         "qwerty", "Qwerty", "asdfgh", "Asdf", "zxcvbnm", "poiuytrewq", "qazwsx", "QAZwsx",
         "1qazxsw2", "mnbvcxz", "qweasdzxc", "Qwe123", "!qaz@wsx#edc", "1qaz2wsx3edc", "asdf;lkj"]


def leet(w, r):
    m = {"a": "@", "e": "3", "i": "1", "o": "0", "s": "$"}
    return "".join(m[c] if c in m and r.random() < 0.5 else c for c in w)


def pw_mix(r):
    w1, w2 = r.sample(WORDS, 2)
    year = str(r.randint(1979, 2026))
    pat = r.randrange(6)
    if pat == 0:
        return w1.capitalize() + year + r.choice(SYMS)
    if pat == 1:
        return w1 + r.choice(SYMS) + w2.capitalize() + rs(r, DG, r.randint(2, 3))
    if pat == 2:
        return leet(w1, r).capitalize() + r.choice(SYMS) + year[-2:] + w2
    if pat == 3:
        return w1.upper() + "_" + w2 + year + r.choice(SYMS)
    if pat == 4:
        return r.choice(SYMS) + w1.capitalize() + rs(r, DG, 4) + w2[:3].upper()
    return rs(r, AN, 5) + r.choice(SYMS) + rs(r, AN + SYMS, 7)


def pw_random(r, n=16):
    out = rs(r, AN + "!@#%^&*-_=+", n)
    return out


_URL_UNSAFE = str.maketrans({"@": "!", "#": "*", "?": "!", "%": "-", "/": "_", "&": "+", "=": "_", "$": "!", "^": "~"})
_SHELL_UNSAFE = str.maketrans({"$": "!", "%": "-", "&": "+", "^": "~", "#": "*"})


def urlsafe(p):
    """Password usable verbatim in URL userinfo / query strings."""
    return p.translate(_URL_UNSAFE)


def shellsafe(p):
    """Password usable unquoted or double-quoted in a shell / Groovy string."""
    return p.translate(_SHELL_UNSAFE)


def passphrase(r, n=4, sep="-", words=None):
    return sep.join(r.sample(words or WORDS, n))


def kwalk(r):
    w = r.choice(WALKS)
    tail = r.choice(["!", "2024", "#1", "123", "!!", str(r.randint(10, 99)), "$$", "2025!"])
    return w + tail


# ==========================================================================
# SECRET templates, English
# ==========================================================================

# ---- chat threads (Slack / Teams) ----------------------------------------

@T("chat_openai_proj", "chat", "en", "secret", "openai_api_key")
def _(r):
    k = openai_proj(r)
    return ["[10:42] priya.n: staging evals are failing with 401, did someone rotate the key?\n"
            "[10:43] marco: yeah sorry, new one is ", S(k), "\n[10:43] priya.n: ty, re-running now"]


@T("chat_anthropic_dm", "chat", "en", "secret", "anthropic_api_key")
def _(r):
    k = anthropic(r)
    return ["hey can you paste this into the summarizer lambda env for me? I'm on my phone: ", S(k),
            " (the old one got revoked this morning)"]


@T("chat_aws_pair_teams", "chat", "en", "secret", "aws_access_key")
def _(r):
    a, s = aws_akid(r), aws_secret(r)
    return ["Jonas Becker (Teams, 14:07): ok here's the temp IAM user for the vendor migration — access key ",
            S(a, "aws_access_key_id"), " secret ", S(s, "aws_secret_access_key"),
            ". Please delete this message once you've copied it"]


@T("chat_github_pat_thread", "chat", "en", "secret", "github_pat")
def _(r):
    k = gh_pat(r)
    return ["> is the release bot still broken?\nnot anymore, I swapped its token to mine for now (",
            S(k), "), will make a proper machine user next sprint"]


@T("chat_slack_webhook", "chat", "en", "secret", "slack_webhook")
def _(r):
    u = slack_webhook(r)
    return ["for the #deploys alerts just POST to ", S(u), " — no auth needed, the URL is the auth"]


@T("chat_db_password_quick", "chat", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Lena: what's the pw for the reporting replica again?\nTom: ", S(p),
            "\nLena: 👍\nTom: user is readonly_bi, host is the usual one"]


@T("chat_stripe_live", "chat", "en", "secret", "stripe_secret_key")
def _(r):
    k = stripe_sk(r)
    return ["@finance-eng heads up, I used the live key ", S(k),
            " in my local script to backfill the refunds. Running it once, then I'll wipe it"]


@T("chat_hf_token", "chat", "en", "secret", "huggingface_token")
def _(r):
    k = hf(r)
    return ["the gated llama weights need a token, use mine: ", S(k), " (read-only scope)"]


@T("chat_vault_root", "chat", "en", "secret", "vault_token")
def _(r):
    k = vault(r)
    return ["ok unsealed. root token from the init output is ", S(k),
            " — I'll revoke it after we've created the admin policy, don't save it anywhere"]


@T("chat_wifi_guest", "chat", "en", "secret", "password")
def _(r):
    p = passphrase(r, 3, "-")
    return ["Office Wi-Fi for the offsite: network \"Lakeside-Guests\", password ", S(p), ". Ask me if it doesn't connect."]


@T("chat_telegram_bot", "chat", "en", "secret", "telegram_bot_token")
def _(r):
    k = telegram(r)
    return ["i made the alert bot in BotFather, token is ", S(k), "\nadd it to the on-call group and give it admin"]


@T("chat_sendgrid", "chat", "en", "secret", "sendgrid_api_key")
def _(r):
    k = sendgrid(r)
    return ["Marketing's transactional emails bounced since 9am. I generated a fresh SendGrid key with mail.send only: ",
            S(k), ". Can someone with prod access update the secret?"]


@T("chat_keyboard_walk_admin", "chat", "en", "secret", "password")
def _(r):
    p = kwalk(r)
    return ["lol the printer admin panel password is literally ", S(p), " — someone should change that"]


@T("chat_groq", "chat", "en", "secret", "groq_api_key")
def _(r):
    k = groq(r)
    return ["quick one: benchmarking llama on groq, feel free to use ", S(k), " until friday, it has a $50 cap"]


@T("chat_linear", "chat", "en", "secret", "linear_api_key")
def _(r):
    k = "lin_api_" + rs(r, AN, 40)
    return ["for the triage script you need a personal key, here's the one I made for the team account: ", S(k)]


@T("chat_pin_door", "chat", "en", "secret", "pin")
def _(r):
    p = rs(r, DG, 6)
    return ["Server room door code changed today. New code: ", S(p), "# — please don't write it on the door frame again"]


@T("chat_live_otp", "chat", "en", "secret", "otp_code")
def _(r):
    a, b = rs(r, DG, 3), rs(r, DG, 3)
    c = a + " " + b
    return ["I'm logging into the shared registrar account now, it just texted the 2FA code to my phone: ",
            S(c), " — Ahmed, type it in on your side, it's valid for the next 5 minutes"]


# ---- runbooks and wiki pages ---------------------------------------------

@T("runbook_redis_cli", "runbook", "en", "secret", "password")
def _(r):
    p = pw_random(r, 20)
    return ["## Flushing the rate-limit cache\n\n1. SSH to bastion-02.\n2. Connect:\n\n"
            "    redis-cli -h cache-rl.internal -p 6379 -a '", S(p), "' --no-auth-warning\n\n"
            "3. Run `SCAN 0 MATCH rl:* COUNT 1000` and delete the stale keys."]


@T("runbook_psql_admin", "runbook", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Step 4 — take a manual snapshot before the migration:\n"
            "PGPASSWORD='", S(p), "' pg_dump -h orders-db.prod -U migrator -Fc orders > orders_$(date +%F).dump"]


@T("runbook_cloudflare_purge", "runbook", "en", "secret", "cloudflare_api_token")
def _(r):
    k = rs(r, B64U, 40)
    z = hexs(r, 32)
    return ["**Purge CDN cache (emergency only)**\n\ncurl -X POST \"https://api.cloudflare.com/client/v4/zones/", z,
            "/purge_cache\" -H \"Authorization: Bearer ", S(k), "\" -H \"Content-Type: application/json\" --data '{\"purge_everything\":true}'"]


@T("runbook_pagerduty", "runbook", "en", "secret", "pagerduty_api_key")
def _(r):
    k = "u+" + rs(r, B64U, 18)
    return ["Maintenance windows can be created from the CLI. The REST key for the ops service account is ", S(k),
            " (header `Authorization: Token token=...`)."]


@T("runbook_age_key", "runbook", "en", "secret", "age_secret_key")
def _(r):
    k = age_key(r)
    pub = "age1" + rs(r, BECH32.lower(), 58)
    return ["### Decrypting the SOPS files locally\n\nPut this in ~/.config/sops/age/keys.txt:\n\n"
            "# created: 2025-03-02T09:14:55Z\n# public key: ", pub, "\n", S(k), "\n\nThen `sops -d secrets.enc.yaml`."]


@T("runbook_datadog_keys", "runbook", "en", "secret", "datadog_api_key")
def _(r):
    a, b = hexs(r, 32), hexs(r, 40)
    return ["Datadog agent on the legacy VMs: edit /etc/datadog-agent/datadog.yaml, set api_key: ", S(a, "datadog_api_key"),
            " and for the monitor-sync script also export DD_APP_KEY=", S(b, "datadog_app_key"), "."]


@T("runbook_ldap_bind", "runbook", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["LDAP troubleshooting: test the bind with\n\nldapsearch -x -H ldaps://dc01.corp.example -D \"CN=svc-jira,OU=Service,DC=corp,DC=example\" -w '",
            S(p), "' -b \"DC=corp,DC=example\" \"(sAMAccountName=jdoe)\""]


@T("runbook_do_token", "runbook", "en", "secret", "digitalocean_token")
def _(r):
    k = "dop_v1_" + hexs(r, 64)
    return ["To resize the droplet: `doctl auth init --access-token ", S(k), "` then `doctl compute droplet-action resize 318842 --size s-4vcpu-8gb`."]


@T("runbook_ipmi", "runbook", "en", "secret", "password")
def _(r):
    p = shellsafe(kwalk(r))
    return ["If the host hangs, power-cycle it through the BMC:\nipmitool -I lanplus -H 10.20.0.14 -U ADMIN -P ", S(p), " chassis power cycle"]


@T("runbook_wiki_table", "runbook", "en", "secret", "password")
def _(r):
    p1, p2 = pw_mix(r), pw_random(r, 14)
    return ["| system | login | password | notes |\n|---|---|---|---|\n| Grafana (local admin) | admin | ", S(p1),
            " | SSO down fallback |\n| UPS web UI | apc | ", S(p2), " | rack B |"]


@T("runbook_newrelic", "runbook", "en", "secret", "newrelic_user_key")
def _(r):
    k = "NRAK-" + rs(r, UP + DG, 27)
    return ["NerdGraph queries in this runbook use the ops user key ", S(k),
            ". Paste it into the API explorer when asked."]


@T("runbook_pgp_key", "runbook", "en", "secret", "pgp_private_key")
def _(r):
    k = pgp_private(r)
    return ["Release signing key (needed only when the HSM is unavailable). Import with `gpg --import`:\n\n", S(k), "\n\nPassphrase is in the safe."]


@T("runbook_mongo_uri", "runbook", "en", "secret", "password")
def _(r):
    p = urlsafe(pw_random(r, 18))
    return ["Connect to the analytics cluster:\nmongosh \"mongodb+srv://analyst:", S(p), "@analytics.x7k2p.mongodb.net/events?retryWrites=true\""]


@T("runbook_sqlcmd", "runbook", "en", "secret", "password")
def _(r):
    p = shellsafe(pw_mix(r))
    return ["Restore check (run on the DR box):\nsqlcmd -S tcp:sql-dr01,1433 -U sa -P \"", S(p), "\" -Q \"RESTORE VERIFYONLY FROM DISK='D:\\\\bak\\\\crm_full.bak'\""]


@T("runbook_passphrase_kdbx", "runbook", "en", "secret", "password")
def _(r):
    p = passphrase(r, 5, " ")
    return ["Break-glass: the team KeePass file is on the encrypted USB in the safe. Master passphrase: \"", S(p), "\". Log every use in #security."]


# ---- incidents and postmortems --------------------------------------------

@T("incident_leaked_gcp_key", "incident", "en", "secret", "google_api_key")
def _(r):
    k = google(r)
    return ["Postmortem INC-2291: a Maps/Places key (", S(k), ") was hard-coded in the Android app and scraped. "
            "Billing spiked to $4.1k before we restricted it. Action: rotate + add app restrictions."]


@T("incident_timeline_slack_token", "incident", "en", "secret", "slack_bot_token")
def _(r):
    k = slack_bot(r)
    return ["Timeline (UTC)\n13:02 secret scanner flags public gist containing ", S(k),
            "\n13:05 token confirmed valid (auth.test ok, team=acme-corp)\n13:09 token revoked, bot reinstalled"]


@T("incident_npm_token", "incident", "en", "secret", "npm_token")
def _(r):
    k = "npm_" + rs(r, AN, 36)
    return ["Root cause: the publish token ", S(k), " was echoed by `npm config list` in a public CI log on Tuesday. "
            "No malicious versions were published; token revoked Wed 08:14."]


@T("incident_discord", "incident", "en", "secret", "discord_bot_token")
def _(r):
    k = discord_bot(r)
    return ["INC-118 community bot takeover. The bot token ", S(k),
            " was committed to the repo in config.json on 3 May. Attacker used it to spam #announcements."]


@T("incident_pypi", "incident", "en", "secret", "pypi_token")
def _(r):
    k = "pypi-AgEIcHlwaS5vcmc" + rs(r, B64U, 150)
    return ["What leaked: the project-scoped PyPI token\n  ", S(k), "\nWhere: Dockerfile ARG baked into image layer 7 of the public image."]


@T("incident_azure_storage", "incident", "en", "secret", "azure_storage_key")
def _(r):
    k = azure_storage_key(r)
    return ["Sev2 — storage account `stcustexports` key1 exposed in a support ticket attachment:\n"
            "DefaultEndpointsProtocol=https;AccountName=stcustexports;AccountKey=", S(k), ";EndpointSuffix=core.windows.net\n"
            "Mitigation: key1 regenerated at 16:40, SAS tokens reissued."]


@T("incident_docker_pat", "incident", "en", "secret", "docker_hub_pat")
def _(r):
    k = "dckr_pat_" + rs(r, B64U, 27)
    return ["Detection: GitGuardian alert on commit 4e1a… for a Docker Hub PAT (", S(k), ") in scripts/push.sh. Rotated within 20 min."]


@T("incident_twilio", "incident", "en", "secret", "twilio_auth_token")
def _(r):
    sid, tok = "AC" + hexs(r, 32), hexs(r, 32)
    return ["Impact: SMS toll fraud, ~38k messages. The account SID ", sid, " and auth token ", S(tok),
            " were readable in the mobile app bundle."]


@T("incident_openai_legacy", "incident", "en", "secret", "openai_api_key")
def _(r):
    k = openai_legacy(r)
    return ["Quoting the leaked line from the notebook for the record: openai.api_key = \"", S(k), "\" — already rotated."]


@T("incident_db_dsn_postmortem", "incident", "en", "secret", "password")
def _(r):
    p = urlsafe(pw_mix(r))
    return ["5 whys, #2: why was the DSN in the error page? Because DEBUG=True printed settings, including "
            "postgres://app_rw:", S(p), "@10.4.1.22:5432/shop. Fix: debug off in prod, password rotated."]


@T("incident_heroku", "incident", "en", "secret", "heroku_api_key")
def _(r):
    k = "HRKU-AA" + rs(r, B64U, 58)
    return ["Contractor laptop stolen. Their Heroku API key ", S(k), " has been revoked; audit shows no use after 02:00."]


@T("incident_ssh_key_in_ticket", "incident", "en", "secret", "openssh_private_key")
def _(r):
    k = openssh_private(r)
    return ["Ticket OPS-4471 (now restricted) contained the deploy key below, pasted by a customer while asking for help:\n\n", S(k), "\n\nRemoved from authorized_keys on all hosts."]


# ---- on-call handover -------------------------------------------------------

@T("handover_notes_mixed", "handover", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Handover Fri→Mon\n- Kafka lag alert flapping, silenced until Mon 09:00\n- VPN appliance admin pw reset to ", S(p),
            " after lockout\n- Nothing else open"]


@T("handover_tfc", "handover", "en", "secret", "terraform_cloud_token")
def _(r):
    k = tfc(r)
    return ["for tonight's apply you'll need the team token, I put it in your DMs too: ", S(k)]


@T("handover_pulumi", "handover", "en", "secret", "pulumi_token")
def _(r):
    k = pulumi(r)
    return ["on-call notes week 32: pulumi stack `net-prod` is locked by a crashed run. Use PULUMI_ACCESS_TOKEN=", S(k),
            " and `pulumi cancel`."]


@T("handover_pscale", "handover", "en", "secret", "planetscale_password")
def _(r):
    k = pscale(r)
    return ["If the branch promote fails again, connect with user `w8x2lq0` and password ", S(k), " and check the deploy queue."]


@T("handover_sentry", "handover", "en", "secret", "sentry_token")
def _(r):
    k = "sntryu_" + hexs(r, 64)
    return ["Sentry release cleanup script still needs a token; mine is ", S(k), ", swap it for the org one when it's approved."]


@T("handover_jenkins", "handover", "en", "secret", "jenkins_api_token")
def _(r):
    k = "11" + hexs(r, 32)
    return ["Jenkins: retrigger nightly with curl -X POST -u oncall-bot:", S(k), " https://ci.corp.example/job/nightly/build"]


@T("handover_pin_phone", "handover", "en", "secret", "pin")
def _(r):
    p = rs(r, DG, 4)
    return ["The on-call phone is in the drawer, SIM PIN ", S(p), ", charge it before you leave."]


@T("handover_grafana_sa", "handover", "en", "secret", "grafana_service_account_token")
def _(r):
    k = grafana_sa(r)
    return ["Dashboard provisioning uses service account token ", S(k), " (Editor role). It's also in the ansible vault."]


@T("handover_okta", "handover", "en", "secret", "okta_api_token")
def _(r):
    k = "00" + rs(r, B64U, 40)
    return ["Okta: I deactivated the two leavers manually with the API token ", S(k), ". Remaining offboarding is in the ticket."]


# ---- config files -----------------------------------------------------------

@T("cfg_dotenv_app", "config", "en", "secret", "password")
def _(r):
    p = urlsafe(pw_random(r, 24))
    k = "sk_live_51" + rs(r, AN, 97)
    return ["NODE_ENV=production\nPORT=8080\nDATABASE_URL=postgresql://shop:", S(p, "password"), "@db.internal:5432/shop\n"
            "STRIPE_SECRET_KEY=", S(k, "stripe_secret_key"), "\nLOG_LEVEL=info\n"]


@T("cfg_ini_mysql", "config", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["[client]\nuser = backup\npassword = ", S(p), "\nhost = 127.0.0.1\n\n[mysqldump]\nsingle-transaction\n"]


@T("cfg_toml_cargo", "config", "en", "secret", "crates_io_token")
def _(r):
    k = "cio" + rs(r, AN, 32)
    return ["# ~/.cargo/credentials.toml\n[registry]\ntoken = \"", S(k), "\"\n"]


@T("cfg_webconfig", "config", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["<configuration>\n  <connectionStrings>\n    <add name=\"Crm\" connectionString=\"Server=tcp:sql-crm.database.windows.net,1433;"
            "Initial Catalog=crm;User ID=crmapp;Password=", S(p), ";Encrypt=True;\" providerName=\"System.Data.SqlClient\" />\n"
            "  </connectionStrings>\n</configuration>"]


@T("cfg_maven_settings", "config", "en", "secret", "password")
def _(r):
    p = pw_random(r, 16)
    return ["<settings>\n  <servers>\n    <server>\n      <id>nexus-releases</id>\n      <username>deployer</username>\n"
            "      <password>", S(p), "</password>\n    </server>\n  </servers>\n</settings>"]


@T("cfg_nuget", "config", "en", "secret", "azure_devops_pat")
def _(r):
    pat = rs(r, LO + DG, 52)
    return ["<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSourceCredentials>\n    <AzureArtifacts>\n"
            "      <add key=\"Username\" value=\"build\" />\n      <add key=\"ClearTextPassword\" value=\"", S(pat), "\" />\n"
            "    </AzureArtifacts>\n  </packageSourceCredentials>\n</configuration>"]


@T("cfg_properties_spring", "config", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["spring.datasource.url=jdbc:postgresql://pg-billing:5432/billing\nspring.datasource.username=billing\n"
            "spring.datasource.password=", S(p), "\nspring.jpa.hibernate.ddl-auto=validate\n"]


@T("cfg_k8s_secret", "config", "en", "secret", "kubernetes_secret")
def _(r):
    p = pw_random(r, 20)
    enc = b64(p.encode())
    user = b64(b"api_service")
    return ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-db\n  namespace: payments\ntype: Opaque\ndata:\n"
            "  username: ", user, "\n  password: ", S(enc), "\n"]


@T("cfg_k8s_secret_stringdata", "config", "en", "secret", "kubernetes_secret")
def _(r):
    k = openai_proj(r, "svcacct")
    return ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: llm-gateway\nstringData:\n  OPENAI_API_KEY: ", S(k, "openai_api_key"), "\n"]


@T("cfg_compose", "config", "en", "secret", "password")
def _(r):
    p1, p2 = pw_mix(r), pw_random(r, 18)
    return ["services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: ", S(p1),
            "\n  minio:\n    image: minio/minio\n    environment:\n      MINIO_ROOT_USER: minioadmin\n      MINIO_ROOT_PASSWORD: ", S(p2), "\n"]


@T("cfg_ansible_vars", "config", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    k = rs(r, AN, 32)
    return ["# group_vars/monitoring.yml\nzabbix_db_user: zabbix\nzabbix_db_password: \"", S(p, "password"), "\"\n"
            "mistral_api_key: ", S(k, "mistral_api_key"), "\n"]


@T("cfg_tfvars", "config", "en", "secret", "azure_client_secret")
def _(r):
    cs = azure_client_secret(r)
    return ["tenant_id       = \"", uuid4(r), "\"\nsubscription_id = \"", uuid4(r), "\"\nclient_id       = \"", uuid4(r),
            "\"\nclient_secret   = \"", S(cs), "\"\nlocation        = \"westeurope\"\n"]


@T("cfg_gha_inline", "config", "en", "secret", "netlify_token")
def _(r):
    k = "nfp_" + rs(r, AN, 36)
    return ["name: deploy-docs\non: [push]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
            "      - run: npx netlify-cli deploy --prod --dir site\n        env:\n          NETLIFY_AUTH_TOKEN: ", S(k),
            "\n          NETLIFY_SITE_ID: ", uuid4(r), "\n"]


@T("cfg_jenkinsfile", "config", "en", "secret", "password")
def _(r):
    p = shellsafe(pw_mix(r))
    return ["pipeline {\n  agent any\n  environment {\n    REGISTRY = 'registry.corp.example'\n  }\n  stages {\n    stage('push') {\n"
            "      steps {\n        sh \"docker login -u ci -p '", S(p), "' $REGISTRY && docker push $REGISTRY/app:${BUILD_NUMBER}\"\n"
            "      }\n    }\n  }\n}"]


@T("cfg_netrc", "config", "en", "secret", "heroku_api_key")
def _(r):
    k = "HRKU-AA" + rs(r, B64U, 58)
    return ["machine api.heroku.com\n  login ops@corp.example\n  password ", S(k), "\nmachine git.heroku.com\n  login ops@corp.example\n  password ", S(k), "\n"]


@T("cfg_pypirc", "config", "en", "secret", "pypi_token")
def _(r):
    k = "pypi-AgEIcHlwaS5vcmc" + rs(r, B64U, 140)
    return ["[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = ", S(k), "\n"]


@T("cfg_npmrc", "config", "en", "secret", "npm_token")
def _(r):
    k = "npm_" + rs(r, AN, 36)
    return ["@acme:registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=", S(k), "\nalways-auth=true\n"]


@T("cfg_pipconf", "config", "en", "secret", "password")
def _(r):
    p = urlsafe(pw_random(r, 22))
    return ["[global]\nindex-url = https://pypi-proxy:", S(p), "@artifacts.corp.example/api/pypi/pypi-virtual/simple\ntimeout = 30\n"]


@T("cfg_rclone", "config", "en", "secret", "aws_access_key")
def _(r):
    a, s = aws_akid(r), aws_secret(r)
    return ["[backup-s3]\ntype = s3\nprovider = AWS\naccess_key_id = ", S(a, "aws_access_key_id"), "\nsecret_access_key = ",
            S(s, "aws_secret_access_key"), "\nregion = eu-central-1\n"]


@T("cfg_s3cfg", "config", "en", "secret", "aws_access_key")
def _(r):
    a, s = aws_akid(r), aws_secret(r)
    return ["[default]\naccess_key = ", S(a, "aws_access_key_id"), "\nbucket_location = US\nhost_base = s3.amazonaws.com\n"
            "secret_key = ", S(s, "aws_secret_access_key"), "\nuse_https = True\n"]


@T("cfg_git_credentials", "config", "en", "secret", "gitlab_pat")
def _(r):
    k1, k2 = glpat(r), gh_pat(r)
    return ["$ cat ~/.git-credentials\nhttps://oauth2:", S(k1, "gitlab_pat"), "@gitlab.corp.example\nhttps://mbauer:", S(k2, "github_pat"), "@github.com\n"]


@T("cfg_docker_config", "config", "en", "secret", "basic_auth")
def _(r):
    p = pw_mix(r)
    a = b64(f"ci-robot:{p}".encode())
    return ["{\n  \"auths\": {\n    \"registry.corp.example\": {\n      \"auth\": \"", S(a), "\"\n    }\n  },\n  \"credsStore\": \"\"\n}"]


@T("cfg_gcp_sa_json", "config", "en", "secret", "private_key")
def _(r):
    k = pkcs8_private(r, 10)
    kj = k.replace("\n", "\\n")
    return ["{\n  \"type\": \"service_account\",\n  \"project_id\": \"acme-data-prod\",\n  \"private_key_id\": \"", hexs(r, 40),
            "\",\n  \"private_key\": \"", S(kj), "\\n\",\n  \"client_email\": \"etl@acme-data-prod.iam.gserviceaccount.com\"\n}"]


@T("cfg_appsettings_json", "config", "en", "secret", "azure_openai_key")
def _(r):
    k = hexs(r, 32)
    return ["{\n  \"AzureOpenAI\": {\n    \"Endpoint\": \"https://contoso-eus2.openai.azure.com/\",\n    \"ApiKey\": \"", S(k),
            "\",\n    \"Deployment\": \"gpt-4o-mini\"\n  }\n}"]


@T("cfg_wp_config", "config", "en", "secret", "password")
def _(r):
    p = pw_random(r, 16).replace("'", "")
    return ["define( 'DB_NAME', 'wp_blog' );\ndefine( 'DB_USER', 'wp_blog' );\ndefine( 'DB_PASSWORD', '", S(p), "' );\ndefine( 'DB_HOST', 'localhost' );"]


@T("cfg_helm_values", "config", "en", "secret", "anthropic_api_key")
def _(r):
    k = anthropic(r)
    return ["# values-prod.yaml\nreplicaCount: 3\nenv:\n  LLM_PROVIDER: anthropic\n  ANTHROPIC_API_KEY: \"", S(k), "\"\nresources:\n  limits:\n    memory: 1Gi\n"]


@T("cfg_circleci_env", "config", "en", "secret", "circleci_token")
def _(r):
    k = circleci(r)
    return ["# .envrc (direnv)\nexport CIRCLE_TOKEN=", S(k), "\nexport CIRCLE_PROJECT=gh/acme/api\n"]


@T("cfg_vercel_json", "config", "en", "secret", "vercel_token")
def _(r):
    k = rs(r, AN, 24)
    return ["// scripts/deploy.config.js\nmodule.exports = {\n  team: 'acme-web',\n  vercelToken: '", S(k), "',\n  prod: true,\n};"]


@T("cfg_fastly_toml", "config", "en", "secret", "fastly_api_token")
def _(r):
    k = rs(r, B64U, 32)
    return ["# fastly.toml (do not commit!)\n[profile.ops]\ndefault = true\nemail = \"ops@corp.example\"\ntoken = \"", S(k), "\"\n"]


@T("cfg_doppler_yaml", "config", "en", "secret", "doppler_token")
def _(r):
    k = doppler(r, "st")
    return ["# Dockerfile snippet\nENV DOPPLER_TOKEN=", S(k), "\nCMD [\"doppler\", \"run\", \"--\", \"node\", \"server.js\"]"]


@T("cfg_shopify_env", "config", "en", "secret", "shopify_access_token")
def _(r):
    k = shopify(r)
    return ["SHOPIFY_STORE=acme-outdoor.myshopify.com\nSHOPIFY_ADMIN_TOKEN=", S(k), "\nSHOPIFY_API_VERSION=2025-01\n"]


@T("cfg_braintree_php", "config", "en", "secret", "braintree_access_token")
def _(r):
    k = braintree(r)
    return ["<?php\n$gateway = new Braintree\\Gateway([\n    'accessToken' => '", S(k), "'\n]);"]


@T("cfg_adyen_yaml", "config", "en", "secret", "adyen_api_key")
def _(r):
    k = adyen(r)
    return ["adyen:\n  merchant-account: AcmeECOM\n  environment: LIVE\n  api-key: \"", S(k), "\"\n"]


@T("cfg_mailgun_env", "config", "en", "secret", "mailgun_api_key")
def _(r):
    k = "key-" + hexs(r, 32)
    return ["MAILGUN_DOMAIN=mg.acme-mail.example\nMAILGUN_API_KEY=", S(k), "\n"]


@T("cfg_postmark_env", "config", "en", "secret", "postmark_server_token")
def _(r):
    k = uuid4(r)
    return ["# mailer config\nPOSTMARK_SERVER_TOKEN=", S(k), "\nPOSTMARK_FROM=noreply@acme.example\n"]


@T("cfg_notion_python", "config", "en", "secret", "notion_token")
def _(r):
    k = "ntn_" + digits(r, 11) + rs(r, AN, 35)
    return ["from notion_client import Client\nnotion = Client(auth=\"", S(k), "\")\nDB_ID = \"", hexs(r, 32), "\""]


@T("cfg_asana_sh", "config", "en", "secret", "asana_pat")
def _(r):
    k = f"2/{digits(r, 16)}/{digits(r, 16)}:{hexs(r, 32)}"
    return ["#!/bin/sh\nASANA_PAT='", S(k), "'\ncurl -s -H \"Authorization: Bearer $ASANA_PAT\" https://app.asana.com/api/1.0/users/me\n"]


@T("cfg_atlassian_env", "config", "en", "secret", "atlassian_api_token")
def _(r):
    k = atlassian(r)
    return ["JIRA_URL=https://acme.atlassian.net\nJIRA_EMAIL=svc-reports@acme.example\nJIRA_API_TOKEN=", S(k), "\n"]


@T("cfg_bitbucket_pipelines", "config", "en", "secret", "bitbucket_app_password")
def _(r):
    k = bitbucket_app(r)
    return ["# bitbucket-pipelines.yml\npipelines:\n  default:\n    - step:\n        script:\n"
            "          - git push https://release-bot:", S(k), "@bitbucket.org/acme/infra.git HEAD:release\n"]


@T("cfg_square_py", "config", "en", "secret", "square_access_token")
def _(r):
    k = square(r)
    return ["client = Client(\n    access_token=\"", S(k), "\",\n    environment=\"production\",\n)"]


@T("cfg_deepseek_toml", "config", "en", "secret", "deepseek_api_key")
def _(r):
    k = deepseek(r)
    return ["[providers.deepseek]\nbase_url = \"https://api.deepseek.com\"\napi_key = \"", S(k), "\"\nmodel = \"deepseek-chat\"\n"]


@T("cfg_xai_env", "config", "en", "secret", "xai_api_key")
def _(r):
    k = xai(r)
    return ["# .env.local\nXAI_API_KEY=", S(k), "\nXAI_MODEL=grok-2-latest\n"]


@T("cfg_together_yaml", "config", "en", "secret", "together_api_key")
def _(r):
    k = together(r)
    return ["litellm_settings:\n  drop_params: true\nmodel_list:\n  - model_name: llama-70b\n    litellm_params:\n"
            "      model: together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo\n      api_key: ", S(k), "\n"]


@T("cfg_fireworks_js", "config", "en", "secret", "fireworks_api_key")
def _(r):
    k = fireworks(r)
    return ["const client = new OpenAI({\n  baseURL: 'https://api.fireworks.ai/inference/v1',\n  apiKey: '", S(k), "',\n});"]


@T("cfg_cohere_ipynb", "config", "en", "secret", "cohere_api_key")
def _(r):
    k = rs(r, AN, 40)
    return ["{\"cell_type\": \"code\", \"source\": [\"import cohere\\n\", \"co = cohere.ClientV2(api_key=\\\"", S(k), "\\\")\\n\"]}"]


@T("cfg_pplx_cursor", "config", "en", "secret", "perplexity_api_key")
def _(r):
    k = pplx(r)
    return ["{\n  \"mcpServers\": {\n    \"perplexity\": {\n      \"command\": \"npx\",\n      \"args\": [\"-y\", \"server-perplexity-ask\"],\n"
            "      \"env\": { \"PERPLEXITY_API_KEY\": \"", S(k), "\" }\n    }\n  }\n}"]


@T("cfg_openrouter_env", "config", "en", "secret", "openrouter_api_key")
def _(r):
    k = "sk-or-v1-" + hexs(r, 64)
    return ["OPENROUTER_API_KEY=", S(k), "\nDEFAULT_MODEL=anthropic/claude-3.5-sonnet\n"]


@T("cfg_replicate_sh", "config", "en", "secret", "replicate_api_token")
def _(r):
    k = "r8_" + rs(r, AN, 37)
    return ["export REPLICATE_API_TOKEN=", S(k), "\npython run_sdxl.py --prompt \"a lighthouse at dusk\""]


# ---- CLI transcripts and shell history ----------------------------------------

@T("cli_history_mysql", "cli", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["  501  cd /var/backups\n  502  ls -lh\n  503  mysql -h 10.0.3.17 -u root -p'", S(p), "' -e 'SHOW PROCESSLIST'\n  504  history | tail\n"]


@T("cli_curl_u", "cli", "en", "secret", "password")
def _(r):
    p = pw_random(r, 14).replace("'", "")
    return ["$ curl -u elastic:'", S(p), "' -k https://es-logs-01:9200/_cluster/health?pretty\n{\n  \"cluster_name\" : \"logs\",\n  \"status\" : \"yellow\"\n}"]


@T("cli_kubectl_literal", "cli", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    k = openai_proj(r)
    return ["kubectl -n ml create secret generic inference-env \\\n  --from-literal=DB_PASSWORD='", S(p, "password"),
            "' \\\n  --from-literal=OPENAI_API_KEY='", S(k, "openai_api_key"), "'\nsecret/inference-env created"]


@T("cli_mongo_shell", "cli", "en", "secret", "password")
def _(r):
    p = shellsafe(pw_mix(r))
    return ["root@db3:~# mongo --host rs0/db1,db2,db3 -u clusterAdmin -p ", S(p), " --authenticationDatabase admin\nMongoDB shell version v4.4.29\nrs0:PRIMARY>"]


@T("cli_gh_auth", "cli", "en", "secret", "github_pat")
def _(r):
    k = gh_fine(r)
    return ["$ echo ", S(k), " | gh auth login --with-token\n$ gh auth status\ngithub.com\n  ✓ Logged in to github.com account deploy-acme (keyring)"]


@T("cli_aws_configure", "cli", "en", "secret", "aws_access_key")
def _(r):
    a, s = aws_akid(r), aws_secret(r)
    return ["$ aws configure --profile audit\nAWS Access Key ID [None]: ", S(a, "aws_access_key_id"), "\nAWS Secret Access Key [None]: ",
            S(s, "aws_secret_access_key"), "\nDefault region name [None]: us-east-1\nDefault output format [None]: json"]


@T("cli_aws_sts", "cli", "en", "secret", "aws_session_credentials")
def _(r):
    a, s = aws_akid(r, "ASIA"), aws_secret(r)
    tok = "IQoJb3JpZ2luX2VjE" + rs(r, B64, 300)
    return ["$ aws sts assume-role --role-arn arn:aws:iam::493822104113:role/BreakGlass --role-session-name ir-jlee\n{\n    \"Credentials\": {\n"
            "        \"AccessKeyId\": \"", S(a, "aws_access_key_id"), "\",\n        \"SecretAccessKey\": \"", S(s, "aws_secret_access_key"),
            "\",\n        \"SessionToken\": \"", S(tok, "aws_session_token"), "\",\n        \"Expiration\": \"2025-06-11T18:22:07+00:00\"\n    }\n}"]


@T("cli_docker_login", "cli", "en", "secret", "gitlab_deploy_token")
def _(r):
    k = "gldt-" + rs(r, B64U, 20)
    return ["$ docker login registry.gitlab.com -u gitlab+deploy-token-88 -p ", S(k),
            "\nWARNING! Using --password via the CLI is insecure. Use --password-stdin.\nLogin Succeeded"]


@T("cli_htpasswd", "cli", "en", "secret", "password")
def _(r):
    p = passphrase(r, 3, ".")
    h = "$apr1$" + rs(r, AN, 8) + "$" + rs(r, AN + "./", 22)
    return ["$ htpasswd -nb grafana-proxy ", S(p), "\ngrafana-proxy:", h]


@T("cli_openssl_pass", "cli", "en", "secret", "password")
def _(r):
    p = shellsafe(pw_mix(r))
    return ["$ openssl pkcs12 -export -in tls.crt -inkey tls.key -out bundle.p12 -passout pass:", S(p), "\n$ ls -l bundle.p12\n-rw------- 1 ops ops 4213 bundle.p12"]


@T("cli_vault_login", "cli", "en", "secret", "vault_token")
def _(r):
    k = vault(r)
    return ["$ vault login -method=userpass username=jkim\nPassword (will be hidden):\nSuccess! You are now authenticated.\n\nKey                  Value\n---                  -----\n"
            "token                ", S(k), "\ntoken_accessor       ", rs(r, AN, 24), "\ntoken_duration       768h\ntoken_policies       [\"default\" \"ops\"]"]


@T("cli_psql_uri", "cli", "en", "secret", "password")
def _(r):
    p = urlsafe(pw_random(r, 16))
    return ["ops@bastion:~$ psql \"postgresql://reporting:", S(p), "@pg-ro.internal:5432/warehouse?sslmode=require\" -c '\\dt'"]


@T("cli_export_history", "cli", "en", "secret", "databricks_token")
def _(r):
    k = "dapi" + hexs(r, 32)
    return [" 1088  export DATABRICKS_HOST=https://adb-4417.2.azuredatabricks.net\n 1089  export DATABRICKS_TOKEN=", S(k), "\n 1090  databricks jobs list\n"]


@T("cli_sshpass", "cli", "en", "secret", "password")
def _(r):
    p = kwalk(r)
    return ["for h in sw-core-1 sw-core-2; do sshpass -p '", S(p), "' ssh admin@$h 'show running-config' > $h.cfg; done"]


@T("cli_smbclient", "cli", "en", "secret", "password")
def _(r):
    p = urlsafe(pw_mix(r))
    return ["smbclient //fs01/finance -U 'CORP\\svc_scan%", S(p), "' -c 'ls'"]


@T("cli_nuget_push", "cli", "en", "secret", "nuget_api_key")
def _(r):
    k = "oy2" + rs(r, LO + DG, 43)
    return ["PS C:\\build> dotnet nuget push .\\out\\Acme.Telemetry.2.4.0.nupkg --api-key ", S(k),
            " --source https://api.nuget.org/v3/index.json\nPushing Acme.Telemetry.2.4.0.nupkg to 'https://www.nuget.org/api/v2/package'...\n  Created https://www.nuget.org/api/v2/package/ 2140ms\nYour package was pushed."]


# ---- logs, CI output, stack traces, HTTP dumps --------------------------------

@T("log_ci_echo", "log", "en", "secret", "github_pat")
def _(r):
    k = gh_pat(r, "ghs_")
    return ["2025-04-02T11:03:55.8123Z ##[group]Run ./scripts/release.sh\n2025-04-02T11:03:55.8130Z + git remote set-url origin https://x-access-token:",
            S(k), "@github.com/acme/web.git\n2025-04-02T11:03:56.0412Z + git push origin v2.14.0"]


@T("log_stacktrace_dsn", "log", "en", "secret", "password")
def _(r):
    p = urlsafe(pw_mix(r))
    return ["Traceback (most recent call last):\n  File \"/app/worker.py\", line 41, in <module>\n    engine = create_engine(settings.DB_URL)\n"
            "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not connect to server\n"
            "(Background on this error at: https://sqlalche.me/e/20/e3q8) [url: postgresql+psycopg2://worker:", S(p), "@pg-main:5432/jobs]"]


@T("log_java_jdbc", "log", "en", "secret", "password")
def _(r):
    p = urlsafe(pw_mix(r))
    return ["2025-05-19 03:12:44,901 ERROR [main] o.h.e.j.s.SqlExceptionHelper - Access denied for user 'inventory'@'10.2.8.4'\n"
            "Caused by: java.sql.SQLException: Cannot create PoolableConnectionFactory (url=jdbc:mysql://mysql-inv:3306/inv?user=inventory&password=", S(p), ")"]


@T("log_http_bearer", "log", "en", "secret", "jwt")
def _(r):
    t = jwt(r, {"sub": "svc-billing", "iss": "https://auth.acme.example", "scope": "invoices:write", "exp": 1767225600}, "RS256")
    return ["> POST /v2/invoices HTTP/1.1\n> Host: api.acme.example\n> User-Agent: curl/8.5.0\n> Authorization: Bearer ", S(t),
            "\n> Content-Type: application/json\n>\n< HTTP/1.1 201 Created"]


@T("log_http_cookie", "log", "en", "secret", "session_cookie")
def _(r):
    sid = rs(r, AN, 32)
    return ["GET /admin/users HTTP/2\nhost: backoffice.acme.example\ncookie: _ga=GA1.2.1183.1719; sessionid=", S(sid), "; csrftoken=", rs(r, AN, 12),
            "\naccept: text/html"]


@T("log_http_xapikey", "log", "en", "secret", "api_key")
def _(r):
    k = hexs(r, 32)
    return ["[debug] request: GET https://api.weatherstack.example/current?query=Berlin headers={'X-API-Key': '", S(k), "', 'Accept': 'application/json'} status=200"]


@T("log_http_basic", "log", "en", "secret", "basic_auth")
def _(r):
    p = pw_mix(r)
    a = b64(f"jenkins:{p}".encode())
    return ["POST /service/rest/v1/components?repository=maven-releases HTTP/1.1\nHost: nexus.corp.example\nAuthorization: Basic ", S(a), "\nContent-Length: 48211"]


@T("log_k8s_env_dump", "log", "en", "secret", "slack_user_token")
def _(r):
    k = slack_user(r)
    return ["$ kubectl exec deploy/notifier -- env | sort\nHOSTNAME=notifier-7d9f8-x2kq\nNODE_VERSION=20.11.1\nSLACK_TOKEN=", S(k, "slack_user_token"), "\nTZ=UTC"]


@T("log_crashloop_sendgrid", "log", "en", "secret", "sendgrid_api_key")
def _(r):
    k = sendgrid(r)
    return ["worker-3  | Config loaded: {'smtp_host': 'smtp.sendgrid.net', 'smtp_user': 'apikey', 'smtp_password': '", S(k),
            "', 'retries': 3}\nworker-3  | KeyError: 'from_address'"]


@T("log_nginx_query_token", "log", "en", "secret", "api_key")
def _(r):
    k = rs(r, AN, 40)
    return ["203.0.113.54 - - [12/Mar/2025:08:41:03 +0000] \"GET /export/orders.csv?access_token=", S(k),
            " HTTP/1.1\" 200 88213 \"-\" \"python-requests/2.31\""]


@T("log_terraform_plan", "log", "en", "secret", "password")
def _(r):
    p = pw_random(r, 20)
    return ["  # aws_db_instance.reporting will be updated in-place\n  ~ resource \"aws_db_instance\" \"reporting\" {\n        id       = \"reporting-prod\"\n"
            "      ~ password = (sensitive value)\n    }\n\n# debug output from the custom provider wrapper:\n[TRACE] set master password=", S(p), " for reporting-prod"]


@T("log_gitlab_runner", "log", "en", "secret", "gitlab_runner_token")
def _(r):
    k = "glrt-" + rs(r, B64U, 20)
    return ["$ gitlab-runner register --non-interactive --url https://gitlab.corp.example --token ", S(k),
            " --executor docker --docker-image alpine:3.20\nRuntime platform  arch=amd64 os=linux\nRunner registered successfully."]


@T("log_rabbit_amqp", "log", "en", "secret", "password")
def _(r):
    p = urlsafe(pw_mix(r))
    return ["celery@worker-1 ready.\n[config]\n.> app:         tasks:0x7f2c\n.> transport:   amqp://celery:", S(p), "@rabbitmq:5672//\n.> results:     redis://redis:6379/1"]


# ---- answers written by an assistant ------------------------------------------

@T("asst_updated_env", "assistant", "en", "secret", "openai_api_key")
def _(r):
    k = openai_proj(r)
    return ["Here is your updated `.env` with the new key in place and the unused variables removed:\n\n```\nOPENAI_API_KEY=", S(k),
            "\nOPENAI_MODEL=gpt-4o\n```\n\nRestart the dev server so the change is picked up."]


@T("asst_fixed_compose", "assistant", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["The problem is that `DB_PASS` and `POSTGRES_PASSWORD` differ. I've made them match using the value from your message:\n\n```yaml\n"
            "  api:\n    environment:\n      DB_PASS: \"", S(p), "\"\n  db:\n    environment:\n      POSTGRES_PASSWORD: \"", S(p), "\"\n```"]


@T("asst_curl_example_real", "assistant", "en", "secret", "anthropic_api_key")
def _(r):
    k = anthropic(r)
    return ["Sure — with the key you shared, the request looks like this:\n\ncurl https://api.anthropic.com/v1/messages \\\n  -H \"x-api-key: ", S(k),
            "\" \\\n  -H \"anthropic-version: 2023-06-01\" \\\n  -H \"content-type: application/json\" \\\n  -d '{\"model\": \"claude-3-5-haiku-latest\", \"max_tokens\": 256, \"messages\": [{\"role\": \"user\", \"content\": \"ping\"}]}'\n\n"
            "Note: you should rotate this key since it was posted in chat."]


@T("asst_python_refactor", "assistant", "en", "secret", "google_api_key")
def _(r):
    k = google(r)
    return ["Here's the refactored function. I kept your key inline as requested, but consider moving it to an environment variable:\n\n```python\n"
            "import google.generativeai as genai\n\ngenai.configure(api_key=\"", S(k), "\")\nmodel = genai.GenerativeModel(\"gemini-1.5-flash\")\n```"]


@T("asst_summary_of_thread", "assistant", "en", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Summary of the thread:\n- The staging VPN was migrated to WireGuard on Tuesday.\n- Shared admin login for the firewall is `fwadmin` / `", S(p),
            "` (Kim asked everyone to switch to personal accounts).\n- Next step: decommission the old OpenVPN box."]


@T("asst_k8s_manifest", "assistant", "en", "secret", "kubernetes_secret")
def _(r):
    k = hf(r)
    enc = b64(k.encode())
    return ["I've converted your token to base64 for the Secret manifest:\n\n```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: hf-token\ntype: Opaque\ndata:\n  HF_TOKEN: ",
            S(enc), "\n```\n\nApply it with `kubectl apply -f hf-secret.yaml`."]


@T("asst_glc_alloy", "assistant", "en", "secret", "grafana_cloud_token")
def _(r):
    k = grafana_cloud(r)
    return ["Your Alloy config should be:\n\n```\nprometheus.remote_write \"cloud\" {\n  endpoint {\n    url = \"https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push\"\n"
            "    basic_auth {\n      username = \"1834011\"\n      password = \"", S(k), "\"\n    }\n  }\n}\n```"]


@T("asst_ssh_rsa_key", "assistant", "en", "secret", "rsa_private_key")
def _(r):
    k = rsa_private(r, 12)
    return ["The error `Load key \"id_rsa\": invalid format` happens because the file lost its line breaks. Here is your key reformatted correctly — save it with `chmod 600`:\n\n",
            S(k), "\n"]


@T("asst_webhook_discord", "assistant", "en", "secret", "discord_webhook")
def _(r):
    u = discord_webhook(r)
    return ["Done. The GitHub Action step now posts to your Discord channel:\n\n```yaml\n- name: notify\n  run: |\n    curl -H 'Content-Type: application/json' -d '{\"content\":\"deploy ok\"}' ", S(u), "\n```"]


@T("asst_wifi_qr", "assistant", "en", "secret", "password")
def _(r):
    p = passphrase(r, 4, "")
    return ["To make a QR code for your guest Wi-Fi, encode this string:\n\nWIFI:T:WPA;S:CafeBlau-Guest;P:", S(p), ";;\n\nMost phone cameras will join the network automatically."]


@T("asst_ec_key", "assistant", "en", "secret", "ec_private_key")
def _(r):
    k = ec_private(r)
    return ["Here is the JWT signing configuration with the EC key you provided:\n\n```\nJWT_ALG=ES256\nJWT_PRIVATE_KEY=\"", S(k), "\"\n```"]


@T("asst_postgres_fix", "assistant", "en", "secret", "password")
def _(r):
    p = urlsafe(pw_random(r, 11))
    i = r.randrange(1, len(p))
    p = p[:i] + "@" + p[i:]
    return ["Your connection string has an unescaped `@` in the password. Use this instead:\n\n`postgresql://admin:", S(p.replace("@", "%40")), "@localhost:5432/app`"]


@T("asst_supabase", "assistant", "en", "secret", "supabase_service_role_key")
def _(r):
    t = jwt(r, {"iss": "supabase", "ref": rs(r, LO, 20), "role": "service_role", "iat": 1717000000, "exp": 2032576000})
    return ["In a server-only route you can create an admin client:\n\n```ts\nconst supabase = createClient(\n  'https://xyzcompany.supabase.co',\n  '", S(t),
            "' // service_role key from your message — never ship this to the browser\n);\n```"]


# ==========================================================================
# SECRET templates, other languages
# ==========================================================================

WORDS_DE = ["sonne", "baum", "fenster", "kaffee", "brezel", "wolke", "hafen", "eichhorn", "apfel", "tanne"]
WORDS_ES = ["gato", "playa", "luna", "naranja", "tormenta", "camino", "verano", "cuchara", "rio", "nube"]


@T("de_chat_db_pw", "chat", "de", "secret", "password")
def _(r):
    p = r.choice(WORDS_DE).capitalize() + str(r.randint(1990, 2025)) + r.choice("!?#")
    return ["Kurze Info: das Passwort für die Staging-Datenbank ist jetzt ", S(p), ". Benutzer bleibt \"stage_app\". Bitte nicht ins Wiki kopieren."]


@T("de_runbook_gitlab", "runbook", "de", "secret", "gitlab_pat")
def _(r):
    k = glpat(r)
    return ["Schritt 3: Zugriffstoken für den Mirror-Job hinterlegen. Das aktuelle Token lautet ", S(k),
            " und läuft Ende des Quartals ab – vorher erneuern!"]


@T("de_handover_passphrase", "handover", "de", "secret", "password")
def _(r):
    p = passphrase(r, 4, "-", WORDS_DE)
    return ["Übergabe Nachtschicht: Der Tresor-Laptop ist gesperrt, Kennwort zum Entsperren: ", S(p), ". Ticket zur Festplattenprüfung ist offen."]


@T("fr_chat_openai", "chat", "fr", "secret", "openai_api_key")
def _(r):
    k = openai_proj(r)
    return ["Salut Camille, voici la clé d'API pour le prototype du chatbot : ", S(k), " — ne la partage pas en dehors de l'équipe s'il te plaît."]


@T("fr_incident_mdp", "incident", "fr", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Compte rendu d'incident : le mot de passe du compte de service « svc-paie » (", S(p),
            ") figurait en clair dans un script partagé sur le lecteur réseau. Il a été changé à 11h20."]


@T("fr_config_twilio", "config", "fr", "secret", "twilio_api_key")
def _(r):
    sid, sec = "SK" + hexs(r, 32), rs(r, AN, 32)
    return ["# Configuration SMS (ne pas committer)\n# identifiant de clé API\nTWILIO_API_KEY_SID=", sid, "\n# secret associé\nTWILIO_API_KEY_SECRET=", S(sec), "\n"]


@T("es_chat_wifi", "chat", "es", "secret", "password")
def _(r):
    p = passphrase(r, 3, "", WORDS_ES) + str(r.randint(10, 99))
    return ["Chicos, la contraseña del wifi de la oficina nueva es ", S(p), " (la red se llama \"Oficina-5P\")."]


@T("es_runbook_slack", "runbook", "es", "secret", "slack_bot_token")
def _(r):
    k = slack_bot(r)
    return ["Para reiniciar el bot de guardias, exporta el token del bot antes de lanzar el servicio:\n\nexport SLACK_BOT_TOKEN=", S(k), "\nsystemctl restart guardias-bot"]


@T("es_asst_stripe", "assistant", "es", "secret", "stripe_restricted_key")
def _(r):
    k = stripe_sk(r, "rk_live_51")
    return ["Aquí tienes el archivo de configuración corregido con tu clave restringida:\n\n```\nSTRIPE_KEY=", S(k), "\n```\n\nRecuerda que esta clave solo tiene permiso de lectura sobre cargos."]


@T("pt_chat_pin", "chat", "pt", "secret", "pin")
def _(r):
    p = rs(r, DG, 4)
    return ["Gente, o cartão corporativo novo chegou. A senha do cartão é ", S(p), ", usem só para as despesas da viagem, ok?"]


@T("pt_config_hf", "config", "pt", "secret", "huggingface_token")
def _(r):
    k = hf(r)
    return ["# token de acesso ao Hugging Face (somente leitura)\nHF_TOKEN=", S(k), "\n# modelo padrão\nMODEL_ID=neuralmind/bert-base-portuguese-cased\n"]


@T("it_chat_aws", "chat", "it", "secret", "aws_access_key")
def _(r):
    a, s = aws_akid(r), aws_secret(r)
    return ["Ciao Luca, ecco le credenziali per il bucket dei backup: chiave di accesso ", S(a, "aws_access_key_id"),
            ", chiave segreta ", S(s, "aws_secret_access_key"), ". Valgono solo fino a venerdì."]


@T("it_handover_pw", "handover", "it", "secret", "password")
def _(r):
    p = kwalk(r)
    return ["Passaggio di consegne: la password dell'utente admin del NAS è ", S(p), " — va cambiata appena rientra Giulia."]


@T("nl_chat_discord", "chat", "nl", "secret", "discord_webhook")
def _(r):
    u = discord_webhook(r)
    return ["Hoi! Ik heb een webhook aangemaakt voor de meldingen, hier is de URL: ", S(u), " — zet hem maar in de CI-variabelen."]


@T("nl_runbook_wachtwoord", "runbook", "nl", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Noodprocedure: log in op de router met gebruiker beheer en wachtwoord ", S(p), ", daarna de WAN-interface opnieuw starten."]


@T("sv_chat_losenord", "chat", "sv", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Hej! Lösenordet till testmiljöns admin-konto är ", S(p), ". Byt gärna efter demon i morgon."]


@T("sv_config_doppler", "config", "sv", "secret", "doppler_token")
def _(r):
    k = doppler(r, "pt")
    return ["# personlig Doppler-token för lokal utveckling, dela inte\nexport DOPPLER_TOKEN=", S(k), "\n"]


@T("pl_chat_haslo", "chat", "pl", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Cześć, hasło do panelu hostingu to ", S(p), ", login: biuro. Zmień je po zalogowaniu, proszę."]


@T("pl_incident_token", "incident", "pl", "secret", "gitlab_pat")
def _(r):
    k = glpat(r)
    return ["Raport z incydentu: token dostępu ", S(k), " został opublikowany w publicznym repozytorium. Unieważniono go o 14:05."]


@T("cs_chat_heslo", "chat", "cs", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Ahoj, heslo k účtu na FTP je ", S(p), ", uživatelské jméno máš v mailu. Po nahrání souborů ho prosím změň."]


@T("cs_runbook_sendgrid", "runbook", "cs", "secret", "sendgrid_api_key")
def _(r):
    k = sendgrid(r)
    return ["Postup obnovy e-mailů: do proměnné SENDGRID_API_KEY nastav klíč ", S(k), " a restartuj kontejner mailer."]


@T("ru_chat_parol", "chat", "ru", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Коллеги, пароль от тестового сервера: ", S(p), ". Логин — deploy. После релиза смените, пожалуйста."]


@T("ru_handover_token", "handover", "ru", "secret", "telegram_bot_token")
def _(r):
    k = telegram(r)
    return ["Передача смены: бот для алертов перевыпущен, новый токен ", S(k), ", старый отозван в 03:10."]


@T("uk_chat_klyuch", "chat", "uk", "secret", "google_api_key")
def _(r):
    k = google(r)
    return ["Привіт! Ось ключ API для карт у мобільному застосунку: ", S(k), ". Обмеження за пакетом ще не налаштовані."]


@T("uk_incident_pw", "incident", "uk", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Звіт про інцидент: пароль адміністратора CRM (", S(p), ") потрапив у скріншот у публічному каналі. Пароль змінено о 16:40."]


@T("ja_chat_pw", "chat", "ja", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["お疲れさまです。検証環境のDBパスワードは「", S(p), "」です。ユーザー名は app_test です。"]


@T("ja_runbook_anthropic", "runbook", "ja", "secret", "anthropic_api_key")
def _(r):
    k = anthropic(r)
    return ["手順2：環境変数にAPIキーを設定します。\nexport ANTHROPIC_API_KEY=", S(k), "\n設定後、サービスを再起動してください。"]


@T("ja_asst_key", "assistant", "ja", "secret", "groq_api_key")
def _(r):
    k = groq(r)
    return ["修正した設定ファイルです。いただいたAPIキーをそのまま入れています：\n\n```toml\n[llm]\nprovider = \"groq\"\napi_key = \"", S(k), "\"\n```"]


@T("zh_chat_mima", "chat", "zh", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["测试环境的数据库密码是 ", S(p), "，用户名 qa_user，用完记得告诉我改掉。"]


@T("zh_config_deepseek", "config", "zh", "secret", "deepseek_api_key")
def _(r):
    k = deepseek(r)
    return ["# DeepSeek 接口配置（请勿提交到仓库）\nDEEPSEEK_API_KEY=", S(k), "\nDEEPSEEK_BASE_URL=https://api.deepseek.com\n"]


@T("zh_incident_ak", "incident", "zh", "secret", "aws_access_key")
def _(r):
    a, s = aws_akid(r), aws_secret(r)
    return ["事故复盘：访问密钥 ", S(a, "aws_access_key_id"), " 及其私有密钥 ", S(s, "aws_secret_access_key"), " 被写在前端代码中，已于当天禁用并轮换。"]


@T("ko_chat_pw", "chat", "ko", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["공유 계정 비밀번호는 ", S(p), " 입니다. 외부에 공유하지 말아 주세요."]


@T("ko_config_token", "config", "ko", "secret", "github_pat")
def _(r):
    k = gh_pat(r)
    return ["# 배포 스크립트용 깃허브 토큰 (개인 토큰, 커밋 금지)\nGITHUB_TOKEN=", S(k), "\n"]


@T("ar_chat_pw", "chat", "ar", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["مرحباً، كلمة المرور الخاصة بلوحة التحكم هي ", S(p), " واسم المستخدم admin. يرجى تغييرها بعد أول دخول."]


@T("ar_runbook_key", "runbook", "ar", "secret", "openai_api_key")
def _(r):
    k = openai_proj(r)
    return ["الخطوة الثالثة: أضف مفتاح الواجهة البرمجية إلى ملف البيئة:\nOPENAI_API_KEY=", S(k), "\nثم أعد تشغيل الخدمة."]


@T("hi_chat_pw", "chat", "hi", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["सर्वर का पासवर्ड ", S(p), " है, यूज़रनेम ubuntu है। काम होने के बाद इसे बदल देना।"]


@T("hi_handover_otp_pin", "handover", "hi", "secret", "pin")
def _(r):
    p = rs(r, DG, 6)
    return ["ऑन-कॉल फ़ोन की लॉक स्क्रीन का पिन ", S(p), " है, फ़ोन मेरी डेस्क की दराज़ में है।"]


@T("vi_chat_matkhau", "chat", "vi", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Mật khẩu tài khoản quản trị Jenkins là ", S(p), ", tên đăng nhập là admin. Nhớ đổi sau khi cài xong nhé."]


@T("vi_config_key", "config", "vi", "secret", "perplexity_api_key")
def _(r):
    k = pplx(r)
    return ["# khóa API Perplexity dùng cho bot tóm tắt tin tức\nPPLX_API_KEY=", S(k), "\n"]


@T("id_chat_sandi", "chat", "id", "secret", "password")
def _(r):
    p = pw_mix(r)
    return ["Kata sandi untuk akun email support sudah diganti menjadi ", S(p), ". Tolong jangan disimpan di catatan umum ya."]


@T("id_runbook_token", "runbook", "id", "secret", "vault_token")
def _(r):
    k = vault(r)
    return ["Langkah darurat: login ke Vault memakai token ", S(k), " lalu jalankan `vault operator step-down`."]


# ==========================================================================
# NOT_SECRET templates (hard negatives), English
# ==========================================================================

# ---- placeholders and masked values ------------------------------------------

@T("neg_runbook_angle_placeholder", "runbook", "en", "not_secret", "placeholder")
def _(r):
    return ["To query the billing API manually:\n\ncurl -H \"Authorization: Bearer <your-token>\" https://billing.internal/api/v1/invoices?limit=5\n\n"
            "Get a personal token from the portal under Settings → Tokens."]


@T("neg_compose_env_interp", "config", "en", "not_secret", "placeholder")
def _(r):
    return ["services:\n  app:\n    image: ghcr.io/acme/app:1.9.2\n    environment:\n      OPENAI_API_KEY: ${OPENAI_API_KEY}\n"
            "      DB_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD in .env}\n"]


@T("neg_chat_xxxx", "chat", "en", "not_secret", "placeholder")
def _(r):
    return ["the format is sk-proj-xxxxxxxxxxxxxxxxxxxxxxxx, you paste it in the field called \"API key\" and hit save. don't send me yours, just check it starts with sk-proj-"]


@T("neg_changeme_instruction", "config", "en", "not_secret", "placeholder")
def _(r):
    return ["# values.yaml — defaults for local testing\nadminUser: admin\nadminPassword: changeme   # MUST be overridden: helm install ... --set adminPassword=<strong value>\n"]


@T("neg_incident_redacted", "incident", "en", "not_secret", "redacted")
def _(r):
    return ["Evidence (sanitised): the request log contained `Authorization: Bearer [REDACTED]` and `x-api-key: [REDACTED-40-chars]`. "
            "Full values are in the restricted evidence bucket, not in this doc."]


@T("neg_log_masked_stars", "log", "en", "not_secret", "redacted")
def _(r):
    return ["2025-02-11 09:14:02 INFO  Connecting to jdbc:postgresql://pg-main:5432/core as core_app (password=********)\n"
            "2025-02-11 09:14:02 INFO  HikariPool-1 - Start completed."]


@T("neg_env_example_empty", "config", "en", "not_secret", "placeholder")
def _(r):
    return ["# .env.example — copy to .env and fill in\nANTHROPIC_API_KEY=\nSTRIPE_SECRET_KEY=\nSENTRY_DSN=\nDATABASE_URL=postgres://user:password@localhost:5432/dbname\n"]


@T("neg_truncated_key_listing", "chat", "en", "not_secret", "masked_key")
def _(r):
    tail = rs(r, AN, 4)
    return [f"I checked the API keys page: there are two keys, \"ci-evals\" (sk-proj-...{tail}, created Mar 3) and \"prod\" (sk-proj-...{rs(r, AN, 4)}, created Jan 12). "
            "Which one should I revoke?"]


@T("neg_your_password_here", "runbook", "en", "not_secret", "placeholder")
def _(r):
    return ["Edit `~/.pgpass` and add a line of the form\n\n    hostname:port:database:username:your_password_here\n\nthen `chmod 600 ~/.pgpass`. Never commit this file."]


@T("neg_ui_dots", "chat", "en", "not_secret", "redacted")
def _(r):
    return ["screenshot description: SMTP settings page, host smtp.office365.com, port 587, user alerts@acme.example, password field shows •••••••••• and a \"reveal\" eye icon"]


@T("neg_password_prompt_hidden", "cli", "en", "not_secret", "redacted")
def _(r):
    return ["$ ssh -o PreferredAuthentications=password deploy@10.1.4.9\ndeploy@10.1.4.9's password:\nPermission denied, please try again.\ndeploy@10.1.4.9's password:\nLast login: Tue Jun  3 10:02:11 2025"]


@T("neg_empty_password_local", "config", "en", "not_secret", "empty_value")
def _(r):
    return ["# redis for local dev only, no auth\nredis:\n  host: localhost\n  port: 6379\n  password: \"\"\n  db: 0\n"]


# ---- references to secrets --------------------------------------------------------

@T("neg_jinja_vault_var", "config", "en", "not_secret", "secret_reference")
def _(r):
    return ["- name: Configure app DB\n  template:\n    src: app.ini.j2\n    dest: /etc/app/app.ini\n  vars:\n    db_password: \"{{ vault_app_db_password }}\"\n    api_token: \"{{ lookup('hashi_vault', 'secret=kv/data/app:token') }}\"\n"]


@T("neg_code_getenv", "assistant", "en", "not_secret", "secret_reference")
def _(r):
    return ["Instead of hard-coding the key, read it from the environment:\n\n```python\nimport os\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=os.environ[\"OPENAI_API_KEY\"])\n```\n\nThen set it in your shell with `export OPENAI_API_KEY=...`."]


@T("neg_docker_secret_file", "config", "en", "not_secret", "secret_reference")
def _(r):
    return ["#!/bin/sh\nset -e\nexport DB_PASSWORD=\"$(cat /run/secrets/db_password)\"\nexec gunicorn app:wsgi --bind 0.0.0.0:8000\n"]


@T("neg_vault_kv_path", "runbook", "en", "not_secret", "secret_reference")
def _(r):
    return ["The Stripe keys live in Vault: `vault kv get -field=secret_key kv/prod/payments/stripe`. Only the payments-oncall policy can read that path."]


@T("neg_gha_secrets_ctx", "config", "en", "not_secret", "secret_reference")
def _(r):
    return ["      - name: Publish\n        run: npm publish --access public\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n          SLACK_WEBHOOK: ${{ secrets.SLACK_RELEASES_WEBHOOK }}\n"]


@T("neg_aws_sm_arn", "config", "en", "not_secret", "secret_reference")
def _(r):
    acct = digits(r, 12)
    return ["\"secrets\": [\n  {\n    \"name\": \"DB_PASSWORD\",\n    \"valueFrom\": \"arn:aws:secretsmanager:eu-west-1:", acct, ":secret:prod/orders/db-", rs(r, AN, 6), "\"\n  }\n]"]


@T("neg_keyvault_ref", "config", "en", "not_secret", "secret_reference")
def _(r):
    return ["App setting on the Function App:\nSqlConnection = @Microsoft.KeyVault(SecretUri=https://kv-orders-prod.vault.azure.net/secrets/SqlConnection/)\n"
            "The managed identity has Get permission on secrets."]


@T("neg_k8s_secretkeyref", "config", "en", "not_secret", "secret_reference")
def _(r):
    return ["        env:\n          - name: ANTHROPIC_API_KEY\n            valueFrom:\n              secretKeyRef:\n                name: llm-keys\n                key: anthropic\n"]


@T("neg_1password_ref", "config", "en", "not_secret", "secret_reference")
def _(r):
    return ["# .env.tpl — resolved at runtime by `op run --env-file=.env.tpl -- npm start`\nSTRIPE_SECRET_KEY=op://Engineering/Stripe Live/secret key\nGITHUB_TOKEN=op://Engineering/Release Bot/token\n"]


@T("neg_sops_encrypted", "config", "en", "not_secret", "encrypted_blob")
def _(r):
    return ["db:\n    password: ENC[AES256_GCM,data:", b64(rbytes(r, 18)), ",iv:", b64(rbytes(r, 32)), ",tag:", b64(rbytes(r, 16)), ",type:str]\n"
            "sops:\n    age:\n        - recipient: age1", rs(r, BECH32.lower(), 58), "\n"]


@T("neg_ansible_vault_blob", "config", "en", "not_secret", "encrypted_blob")
def _(r):
    body = "\n".join(hexs(r, 80) for _ in range(5))
    return ["# group_vars/prod/vault.yml (encrypted with ansible-vault)\n$ANSIBLE_VAULT;1.1;AES256\n", body, "\n"]


@T("neg_jenkins_withcredentials", "config", "en", "not_secret", "secret_reference")
def _(r):
    return ["withCredentials([usernamePassword(credentialsId: 'nexus-deployer', usernameVariable: 'NX_USER', passwordVariable: 'NX_PASS')]) {\n"
            "  sh 'mvn -s settings.xml deploy -Dnexus.user=$NX_USER -Dnexus.pass=$NX_PASS'\n}"]


@T("neg_gcp_secret_manager", "runbook", "en", "not_secret", "secret_reference")
def _(r):
    return ["Read the current value with:\n\ngcloud secrets versions access latest --secret=sendgrid-api-key --project=acme-mail-prod\n\n(needs roles/secretmanager.secretAccessor)."]


@T("neg_env_var_names", "handover", "en", "not_secret", "secret_reference")
def _(r):
    return ["Handover: the new summariser service needs OPENAI_API_KEY, ANTHROPIC_API_KEY and HF_TOKEN in its environment. "
            "I've requested them from the platform team; nothing has been set yet."]


@T("neg_sealed_secret", "config", "en", "not_secret", "encrypted_blob")
def _(r):
    return ["apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: api-db\n  namespace: payments\nspec:\n  encryptedData:\n"
            "    password: Ag", rs(r, B64, 340), "==\n"]


# ---- hashes, digests, signatures ------------------------------------------------

@T("neg_sha256_release", "runbook", "en", "not_secret", "hash")
def _(r):
    return ["Verify the download before installing:\n\n", hexs(r, 64), "  parapet-linux-amd64.tar.gz\n", hexs(r, 64), "  parapet-darwin-arm64.tar.gz\n\n`sha256sum -c SHA256SUMS`"]


@T("neg_bcrypt_dump", "log", "en", "not_secret", "password_hash")
def _(r):
    rows = []
    for name in ["alice", "bob", "carol"]:
        rows.append(f"| {digits(r, 3)} | {name}@acme.example | $2b$12${rs(r, AN + './', 53)} |")
    return ["mysql> SELECT id, email, password_hash FROM users LIMIT 3;\n+-----+------------------+--------------------------------------------------------------+\n" + "\n".join(rows) + "\n3 rows in set (0.00 sec)"]


@T("neg_argon2_dump", "log", "en", "not_secret", "password_hash")
def _(r):
    h = f"$argon2id$v=19$m=65536,t=3,p=4${b64(rbytes(r, 16)).rstrip('=')}${b64(rbytes(r, 32)).rstrip('=')}"
    return ["COPY public.accounts (id, username, pw_hash, created_at) FROM stdin;\n42\tmhernandez\t", h, "\t2024-11-02 10:11:09+00\n\\."]


@T("neg_django_pbkdf2", "config", "en", "not_secret", "password_hash")
def _(r):
    h = f"pbkdf2_sha256$720000${rs(r, AN, 22)}${b64(rbytes(r, 32))}"
    return ["[\n  {\n    \"model\": \"auth.user\",\n    \"pk\": 1,\n    \"fields\": {\n      \"username\": \"demo\",\n      \"password\": \"", h, "\",\n      \"is_superuser\": false\n    }\n  }\n]"]


@T("neg_hmac_signature_header", "log", "en", "not_secret", "signature")
def _(r):
    return ["Received webhook delivery ", uuid4(r), "\n  X-GitHub-Event: push\n  X-Hub-Signature-256: sha256=", hexs(r, 64), "\n  signature verified ✓"]


@T("neg_sri_integrity", "config", "en", "not_secret", "integrity_hash")
def _(r):
    return ["<script src=\"https://cdn.jsdelivr.net/npm/alpinejs@3.14.1/dist/cdn.min.js\" integrity=\"sha384-", b64(rbytes(r, 48)), "\" crossorigin=\"anonymous\" defer></script>"]


@T("neg_npm_integrity", "config", "en", "not_secret", "integrity_hash")
def _(r):
    return ["    \"node_modules/lodash\": {\n      \"version\": \"4.17.21\",\n      \"resolved\": \"https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz\",\n"
            "      \"integrity\": \"sha512-", b64(rbytes(r, 64)), "\"\n    },"]


@T("neg_gosum", "config", "en", "not_secret", "hash")
def _(r):
    return ["github.com/spf13/cobra v1.8.1 h1:", b64(rbytes(r, 32)), "\ngithub.com/spf13/cobra v1.8.1/go.mod h1:", b64(rbytes(r, 32)), "\n"]


@T("neg_leaked_token_fingerprint", "incident", "en", "not_secret", "hash")
def _(r):
    return ["For correlation across teams we only share the SHA-256 of the leaked token, never the token: ", hexs(r, 64),
            ". Search your logs for that hash of the Authorization header value."]


@T("neg_etag_md5", "log", "en", "not_secret", "hash")
def _(r):
    return ["< HTTP/1.1 200 OK\n< Content-Type: application/pdf\n< ETag: \"", hexs(r, 32), "\"\n< x-amz-request-id: ", rs(r, UP + DG, 16), "\n< x-amz-id-2: ", b64(rbytes(r, 48))]


@T("neg_git_log", "cli", "en", "not_secret", "git_sha")
def _(r):
    return ["$ git log --oneline -4\n", hexs(r, 7), " fix: retry on 429 from upstream\n", hexs(r, 7), " chore: bump go to 1.23\n", hexs(r, 7),
            " feat: add tenant header\n", hexs(r, 7), " Merge pull request #812 from acme/ops-runbook"]


@T("neg_revert_sha", "incident", "en", "not_secret", "git_sha")
def _(r):
    return ["Mitigation: reverted ", hexs(r, 40), " (the config change that disabled connection pooling) and redeployed at 14:32 UTC."]


@T("neg_git_lfs_pointer", "config", "en", "not_secret", "hash")
def _(r):
    return ["version https://git-lfs.github.com/spec/v1\noid sha256:", hexs(r, 64), "\nsize ", digits(r, 8), "\n"]


# ---- identifiers ---------------------------------------------------------------------

@T("neg_request_ids", "log", "en", "not_secret", "request_id")
def _(r):
    return ["{\"level\":\"error\",\"msg\":\"upstream timeout\",\"request_id\":\"", uuid4(r), "\",\"trace_id\":\"", hexs(r, 32), "\",\"span_id\":\"", hexs(r, 16), "\",\"latency_ms\":30001}"]


@T("neg_traceparent", "log", "en", "not_secret", "trace_id")
def _(r):
    return ["GET /api/cart HTTP/1.1\nHost: shop.acme.example\ntraceparent: 00-", hexs(r, 32), "-", hexs(r, 16), "-01\ntracestate: congo=t61rcWkgMzE\nAccept: application/json"]


@T("neg_aws_request_id", "incident", "en", "not_secret", "request_id")
def _(r):
    return ["AWS support case opened; they asked for the request IDs of the throttled calls: ", uuid4(r), ", ", uuid4(r), ". Extended request id ", b64(rbytes(r, 54)), "."]


@T("neg_azure_ids", "config", "en", "not_secret", "identifier")
def _(r):
    return ["Azure identifiers for the landing zone (not secrets, safe to share with the vendor):\n  tenant:        ", uuid4(r), "\n  subscription:  ", uuid4(r),
            "\n  app (client) ID of the deployment SPN: ", uuid4(r), "\n"]


@T("neg_stripe_object_ids", "chat", "en", "not_secret", "identifier")
def _(r):
    return [f"customer cus_{rs(r, AN, 14)} says she was charged twice — payment intents pi_{rs(r, AN, 24)} and pi_{rs(r, AN, 24)}, both succeeded. Can someone refund the second?"]


@T("neg_slack_ids", "chat", "en", "not_secret", "identifier")
def _(r):
    return [f"bot posts to channel C0{rs(r, UP + DG, 9)} as app A0{rs(r, UP + DG, 9)}; the thread ts is 17{digits(r, 8)}.{rs(r, DG, 6)} if you want to reply via API"]


@T("neg_pod_uid", "log", "en", "not_secret", "identifier")
def _(r):
    return ["Events:\n  Normal  Scheduled  12s  default-scheduler  Successfully assigned payments/api-7c9d5b8f4d-", rs(r, LO + DG, 5), " to node-", rs(r, LO + DG, 5),
            "\n  Warning  FailedMount  4s  kubelet  MountVolume.SetUp failed for volume \"pvc-", uuid4(r), "\" : timed out"]


@T("neg_twilio_sid_only", "runbook", "en", "not_secret", "identifier")
def _(r):
    return ["Our Twilio account SID is AC", hexs(r, 32), " and the messaging service is MG", hexs(r, 32),
            ". The auth token is NOT here — fetch it from the vault when needed."]


@T("neg_oauth_client_id", "config", "en", "not_secret", "identifier")
def _(r):
    return ["// Google Sign-In (public client, PKCE — no secret)\nconst GOOGLE_CLIENT_ID = \"", digits(r, 12), "-", rs(r, LO + DG, 32), ".apps.googleusercontent.com\";"]


@T("neg_openai_org_project", "chat", "en", "not_secret", "identifier")
def _(r):
    return [f"for the billing question: our org is org-{rs(r, AN, 24)} and the project that's spending is proj_{rs(r, AN, 24)}. usage spiked on the 14th."]


@T("neg_docker_ps", "cli", "en", "not_secret", "identifier")
def _(r):
    return ["$ docker ps\nCONTAINER ID   IMAGE                 STATUS         NAMES\n", hexs(r, 12), "   postgres:16           Up 3 hours     db\n", hexs(r, 12), "   ghcr.io/acme/api:2.1  Up 3 hours     api"]


@T("neg_kms_arn", "config", "en", "not_secret", "identifier")
def _(r):
    return ["resource \"aws_s3_bucket_server_side_encryption_configuration\" \"logs\" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    apply_server_side_encryption_by_default {\n"
            "      sse_algorithm     = \"aws:kms\"\n      kms_master_key_id = \"arn:aws:kms:us-east-1:", digits(r, 12), ":key/", uuid4(r), "\"\n    }\n  }\n}"]


@T("neg_grafana_uid", "chat", "en", "not_secret", "identifier")
def _(r):
    return [f"dashboard link for the incident: https://grafana.acme.example/d/{rs(r, AN, 9)}/checkout-latency?orgId=1&from=now-6h — panel id 14"]


# ---- container digests, base64 data --------------------------------------------------

@T("neg_image_digest", "config", "en", "not_secret", "image_digest")
def _(r):
    return ["      containers:\n        - name: api\n          image: ghcr.io/acme/api@sha256:", hexs(r, 64), "\n          imagePullPolicy: IfNotPresent\n"]


@T("neg_docker_pull_output", "cli", "en", "not_secret", "image_digest")
def _(r):
    return ["$ docker pull nginx:1.27-alpine\n1.27-alpine: Pulling from library/nginx\n", hexs(r, 12), ": Pull complete\nDigest: sha256:", hexs(r, 64),
            "\nStatus: Downloaded newer image for nginx:1.27-alpine"]


@T("neg_data_uri_png", "assistant", "en", "not_secret", "base64_data")
def _(r):
    return ["Here's the inline favicon so you don't need a separate request:\n\n<link rel=\"icon\" href=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA", b64(rbytes(r, 120)), "\">"]


@T("neg_grpc_base64", "cli", "en", "not_secret", "base64_data")
def _(r):
    return ["$ grpcurl -d '{\"id\": 42}' orders.internal:443 orders.v1.Orders/Get\n{\n  \"order\": {\n    \"id\": \"42\",\n    \"payload\": \"", b64(rbytes(r, 45)), "\",\n    \"status\": \"SHIPPED\"\n  }\n}"]


@T("neg_pubsub_b64_message", "log", "en", "not_secret", "base64_data")
def _(r):
    msg = json.dumps({"event": "order.shipped", "order_id": digits(r, 7), "carrier": "DHL"})
    return ["Received Pub/Sub push: {\"message\": {\"data\": \"", b64(msg.encode()), "\", \"messageId\": \"", digits(r, 16), "\"}, \"subscription\": \"projects/acme/subscriptions/shipping\"}"]


@T("neg_configmap_binary", "config", "en", "not_secret", "base64_data")
def _(r):
    return ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nginx-extra\nbinaryData:\n  logo.ico: ", b64(rbytes(r, 90)), "\ndata:\n  worker_processes: \"auto\"\n"]


# ---- public keys and certificates ----------------------------------------------------

@T("neg_certificate", "config", "en", "not_secret", "certificate")
def _(r):
    return ["Add this CA to the trust store on the runners:\n\n", pem_block("CERTIFICATE", "MIIDdzCCAl+gAwIBAgIU" + rs(r, B64, 64 * 10)), "\n"]


@T("neg_ssh_ed25519_pub", "runbook", "en", "not_secret", "public_key")
def _(r):
    return ["Give the contractor access by appending their public key to /home/deploy/.ssh/authorized_keys:\n\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI", rs(r, B64, 43), " nina@laptop\n"]


@T("neg_pgp_public", "runbook", "en", "not_secret", "public_key")
def _(r):
    body = "mQINBG" + rs(r, B64, 64 * 8 - 6)
    return ["Our security.txt points here. Encrypt vulnerability reports to this key:\n\n-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n", wrap64(body), "\n=", rs(r, B64, 4), "\n-----END PGP PUBLIC KEY BLOCK-----"]


@T("neg_rsa_public_pem", "config", "en", "not_secret", "public_key")
def _(r):
    return ["jwt:\n  # public half only; the signing key stays in the KMS\n  verification_key: |\n    -----BEGIN PUBLIC KEY-----\n    MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA",
            rs(r, B64, 20), "\n    ", rs(r, B64, 64), "\n    ", rs(r, B64, 64), "\n    ", rs(r, B64, 40), "IDAQAB\n    -----END PUBLIC KEY-----\n"]


@T("neg_age_public", "chat", "en", "not_secret", "public_key")
def _(r):
    return ["encrypt the export to my age public key and I'll decrypt on my side: age1", rs(r, BECH32.lower(), 58)]


@T("neg_wireguard_peer_pub", "config", "en", "not_secret", "public_key")
def _(r):
    return ["# peer section shared by the remote site (their public key only)\n[Peer]\nPublicKey = ", b64(rbytes(r, 32)), "\nAllowedIPs = 10.50.0.0/24\nEndpoint = vpn.branch.example:51820\nPersistentKeepalive = 25\n"]


@T("neg_known_hosts_fp", "cli", "en", "not_secret", "fingerprint")
def _(r):
    return ["The authenticity of host 'bastion.acme.example (198.51.100.7)' can't be established.\nED25519 key fingerprint is SHA256:", b64(rbytes(r, 32)).rstrip("="),
            ".\nAre you sure you want to continue connecting (yes/no/[fingerprint])? yes"]


@T("neg_jwks_public", "config", "en", "not_secret", "public_key")
def _(r):
    return ["{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"", hexs(r, 16), "\",\"alg\":\"RS256\",\"n\":\"", b64u_nopad(rbytes(r, 256)), "\",\"e\":\"AQAB\"}]}"]


@T("neg_gpg_fingerprint", "chat", "en", "not_secret", "fingerprint")
def _(r):
    fp = " ".join(rs(r, "0123456789ABCDEF", 4) for _ in range(10))
    return ["Release tags are signed by the key with fingerprint ", fp, ". Verify with `git tag -v v3.2.0`."]


# ---- publishable / public client keys -----------------------------------------------

@T("neg_stripe_pk", "config", "en", "not_secret", "publishable_key")
def _(r):
    return ["<!-- Stripe.js: publishable key, safe to expose in the browser -->\n<script>\n  const stripe = Stripe('pk_live_51", rs(r, AN, 97), "');\n</script>"]


@T("neg_algolia_search_only", "config", "en", "not_secret", "publishable_key")
def _(r):
    return ["// DocSearch config — this is the search-only API key Algolia generates for public front-ends; it cannot write to the index\n"
            "docsearch({ appId: '", rs(r, UP + DG, 10), "', apiKey: '", hexs(r, 32), "', indexName: 'acme-docs', container: '#search' });"]


@T("neg_firebase_web_config", "config", "en", "not_secret", "public_client_key")
def _(r):
    return ["// Firebase web app config. These values are public by design and ship in the JS bundle;\n// access is enforced by Security Rules and App Check.\nconst firebaseConfig = {\n"
            "  apiKey: \"", google(r), "\",\n  authDomain: \"acme-shop.firebaseapp.com\",\n  projectId: \"acme-shop\",\n  appId: \"1:", digits(r, 12), ":web:", hexs(r, 22), "\"\n};"]


@T("neg_sentry_dsn", "config", "en", "not_secret", "public_client_key")
def _(r):
    return ["Sentry.init({\n  dsn: \"https://", hexs(r, 32), "@o", digits(r, 6), ".ingest.sentry.io/", digits(r, 7), "\",  // DSN public key, fine in client code\n  tracesSampleRate: 0.1,\n});"]


@T("neg_mapbox_pk", "config", "en", "not_secret", "publishable_key")
def _(r):
    payload = b64u_nopad(json.dumps({"u": "acme-maps", "a": rs(r, LO + DG, 25)}, separators=(",", ":")).encode())
    return ["mapboxgl.accessToken = 'pk.", payload, ".", rs(r, B64U, 22), "'; // public token, URL-restricted to *.acme.example"]


@T("neg_recaptcha_site_key", "config", "en", "not_secret", "publishable_key")
def _(r):
    return ["<div class=\"g-recaptcha\" data-sitekey=\"6L", rs(r, B64U, 38), "\"></div>\n<!-- site key is public; the secret key is only on the server -->"]


@T("neg_posthog_project_key", "config", "en", "not_secret", "publishable_key")
def _(r):
    return ["posthog.init('phc_", rs(r, AN, 43), "', { api_host: 'https://eu.i.posthog.com' }) // project API key, write-only for events, public"]


@T("neg_supabase_anon", "assistant", "en", "not_secret", "publishable_key")
def _(r):
    t = jwt(r, {"iss": "supabase", "ref": rs(r, LO, 20), "role": "anon", "iat": 1717000000, "exp": 2032576000})
    return ["The `anon` key is meant to be public — it's what the browser uses, and row-level security does the protection. So this is fine in your frontend:\n\n```js\nconst supabase = createClient('https://xyzcompany.supabase.co', '", t, "')\n```"]


# ---- documentation example keys ------------------------------------------------------

@T("neg_aws_doc_example", "assistant", "en", "not_secret", "doc_example_key")
def _(r):
    return ["Your `~/.aws/credentials` file should look like this (these are AWS's documentation example values, replace them with your own):\n\n```\n[default]\n"
            "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n```"]


@T("neg_azurite_dev_key", "config", "en", "not_secret", "doc_example_key")
def _(r):
    return ["# local emulator (Azurite) — well-known development account key published in Microsoft's docs\nAZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;\n"]


@T("neg_jwtio_example", "chat", "en", "not_secret", "doc_example_key")
def _(r):
    return ["that's just the sample token from jwt.io, decode it and you get sub 1234567890 / name John Doe: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"]


@T("neg_regex_pattern", "assistant", "en", "not_secret", "pattern")
def _(r):
    return ["A pre-commit regex that catches classic GitHub tokens and Slack bot tokens:\n\n```\n(ghp_[A-Za-z0-9]{36}|xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24})\n```"]


# ---- policies, advice, rotation talk ----------------------------------------------------

@T("neg_password_policy", "runbook", "en", "not_secret", "password_policy")
def _(r):
    return ["Password policy (v3):\n- at least 14 characters, or a passphrase of 4+ random words\n- no reuse of the last 10 passwords\n- no forced periodic rotation unless compromise is suspected\n- MFA required for all admin accounts"]


@T("neg_security_advice", "assistant", "en", "not_secret", "security_advice")
def _(r):
    return ["Good news: you don't need to paste the key here. Put it in a secrets manager (AWS Secrets Manager, Vault or 1Password), inject it at runtime as an environment variable, "
            "and add `.env` to `.gitignore`. If it was ever committed, rotate it first and then rewrite history."]


@T("neg_rotation_discussion", "incident", "en", "not_secret", "rotation_discussion")
def _(r):
    return ["Action items:\n1. Rotate the SendGrid key used by the mailer (owner: Priya, due Fri)\n2. Revoke the personal GitHub PAT that the release job borrowed\n3. Move both to the org secrets store and add an expiry alert"]


@T("neg_generate_pw_cmd", "assistant", "en", "not_secret", "security_advice")
def _(r):
    return ["To generate a strong password locally, run one of these and paste the result straight into your password manager:\n\n```\nopenssl rand -base64 24\npython3 -c 'import secrets; print(secrets.token_urlsafe(24))'\n```"]


@T("neg_assistant_removed_key", "assistant", "en", "not_secret", "redacted")
def _(r):
    return ["I've removed the API key from your snippet before explaining it — the line now reads `api_key = os.getenv(\"COHERE_API_KEY\")`. Since the original key was shared in this chat, please revoke it in the Cohere dashboard."]


@T("neg_password_reset_prose", "chat", "en", "not_secret", "prose")
def _(r):
    return ["FYI password reset emails now expire after 30 minutes instead of 24 hours, and the reset link can only be used once. Support macros have been updated."]


@T("neg_wifi_sticker", "chat", "en", "not_secret", "wifi_ssid")
def _(r):
    return ["the guest network is \"ACME-Visitors\", password is on the card at reception (it changes every Monday)"]


@T("neg_key_last4_timeline", "incident", "en", "not_secret", "masked_key")
def _(r):
    return [f"09:12 alert: unusual usage on Anthropic key ending …{rs(r, AN, 4)}\n09:20 key disabled in console\n09:31 new key issued to the service via Vault; old key confirmed dead"]


# ---- licence keys, coupons, tracking, bookings, serials ------------------------------------

@T("neg_license_key", "chat", "en", "not_secret", "license_key")
def _(r):
    k = "-".join(rs(r, UP + DG, 5) for _ in range(5))
    return ["Here's the licence key for the new seat of the diagram tool: ", k, " — register it under your work email."]


@T("neg_coupon", "chat", "en", "not_secret", "coupon_code")
def _(r):
    return [f"marketing says use code SPRING{r.randint(10, 40)}-{rs(r, UP + DG, 6)} for 20% off the conference tickets, valid till end of month"]


@T("neg_tracking_number", "chat", "en", "not_secret", "tracking_number")
def _(r):
    return [f"replacement SSDs shipped, UPS tracking 1Z{rs(r, UP + DG, 6)}{rs(r, DG, 10)}, ETA Thursday. The RMA number is RMA-{digits(r, 7)}."]


@T("neg_booking_ref", "handover", "en", "not_secret", "booking_ref")
def _(r):
    return [f"Travel for the DC visit: flight booking ref {rs(r, UP, 6)}, hotel confirmation {digits(r, 9)}. Badge pickup at the north gate."]


@T("neg_serial_numbers", "runbook", "en", "not_secret", "serial_number")
def _(r):
    return ["Replaced PSU in rack C3. Old unit S/N ", rs(r, UP + DG, 14), ", new unit S/N ", rs(r, UP + DG, 14), ". Chassis service tag ", rs(r, UP + DG, 7), "."]


@T("neg_order_number", "chat", "en", "not_secret", "identifier")
def _(r):
    return [f"the customer's order is #{digits(r, 10)}, invoice INV-{r.randint(2024, 2025)}-{digits(r, 6)}. please escalate, it's been 9 days"]


@T("neg_otp_expired", "log", "en", "not_secret", "otp_expired")
def _(r):
    return ["2025-06-02T07:41:10Z WARN auth: verification code ", rs(r, DG, 6), " for user 8812 rejected: expired at 2025-06-02T07:35:10Z (ttl 300s); a new code must be requested"]


@T("neg_otp_example_docs", "runbook", "en", "not_secret", "otp_example")
def _(r):
    return ["Enrolment: scan the QR code in your authenticator app, then type the 6-digit code it shows (for example 123456) to confirm. Codes change every 30 seconds."]


# ---- random-looking names, keys of objects, misc ---------------------------------------------

@T("neg_s3_object_keys", "cli", "en", "not_secret", "object_key")
def _(r):
    lines = [f"2025-05-0{i} 02:00:1{i}   {digits(r, 8)} exports/{hexs(r, 2)}/{hexs(r, 32)}.parquet" for i in range(1, 4)]
    return ["$ aws s3 ls s3://acme-exports/ --recursive | tail -3\n" + "\n".join(lines)]


@T("neg_random_filenames", "cli", "en", "not_secret", "object_key")
def _(r):
    return ["$ ls uploads/\n", rs(r, LO + DG, 26), ".jpg  ", rs(r, LO + DG, 26), ".jpg  ", b64u_nopad(rbytes(r, 16)), ".pdf"]


@T("neg_crypto_address", "chat", "en", "not_secret", "public_address")
def _(r):
    return ["Donations for the open-source fund can go to our public ETH address 0x", hexs(r, 40), " — it's on the website too."]


@T("neg_acme_challenge", "log", "en", "not_secret", "public_token")
def _(r):
    return ["certbot: Performing the following challenges: http-01 challenge for shop.acme.example\nServing http://shop.acme.example/.well-known/acme-challenge/", b64u_nopad(rbytes(r, 32)), " ... OK"]


@T("neg_csp_nonce", "log", "en", "not_secret", "public_token")
def _(r):
    return ["< content-security-policy: script-src 'self' 'nonce-", b64(rbytes(r, 16)), "'; object-src 'none'; base-uri 'self'"]


@T("neg_tf_state_lineage", "config", "en", "not_secret", "identifier")
def _(r):
    return ["{\n  \"version\": 4,\n  \"terraform_version\": \"1.9.5\",\n  \"serial\": 118,\n  \"lineage\": \"", uuid4(r), "\",\n  \"outputs\": {},\n  \"resources\": []\n}"]


@T("neg_youtube_ids", "chat", "en", "not_secret", "identifier")
def _(r):
    return [f"the onboarding videos are https://youtu.be/{rs(r, B64U, 11)} and https://youtu.be/{rs(r, B64U, 11)}, plus the slides at https://bit.ly/{rs(r, AN, 7)}"]


@T("neg_kafka_topics", "cli", "en", "not_secret", "identifier")
def _(r):
    return ["$ kafka-topics --bootstrap-server kafka:9092 --list\n__consumer_offsets\n_confluent-ksql-", rs(r, LO + DG, 10), "_command_topic\norders.v2\nconnect-offsets-", hexs(r, 12)]


@T("neg_password_word_config", "config", "en", "not_secret", "prose")
def _(r):
    return ["[auth]\npassword_min_length = 14\npassword_require_symbol = true\npassword_reset_token_ttl = 1800\nlockout_after_failed_attempts = 5\n"]


@T("neg_password_null_keyfile", "config", "en", "not_secret", "secret_reference")
def _(r):
    return ["ssh:\n  user: deploy\n  password: null          # key-based auth only\n  private_key_path: ~/.ssh/id_ed25519_deploy\n"]


@T("neg_vault_accessor_docs", "assistant", "en", "not_secret", "prose")
def _(r):
    return ["To revoke a token without knowing its value, look up its accessor (`vault list auth/token/accessors`) and run `vault token revoke -accessor <accessor>`. Accessors can't be used to authenticate."]


@T("neg_uuid_list", "log", "en", "not_secret", "identifier")
def _(r):
    return ["Deleted 3 stale sessions from the cleanup job: ", uuid4(r), ", ", uuid4(r), ", ", uuid4(r), " (all had expired more than 30 days ago)"]


@T("neg_encrypted_pw_maven", "config", "en", "not_secret", "encrypted_blob")
def _(r):
    return ["<server>\n  <id>nexus-releases</id>\n  <username>deployer</username>\n  <!-- encrypted with mvn --encrypt-password; master password lives in settings-security.xml on the build host -->\n"
            "  <password>{", b64(rbytes(r, 33)), "}</password>\n</server>"]


@T("neg_helm_chart_digest", "cli", "en", "not_secret", "image_digest")
def _(r):
    return ["$ helm push mychart-0.3.1.tgz oci://registry.acme.example/charts\nPushed: registry.acme.example/charts/mychart:0.3.1\nDigest: sha256:", hexs(r, 64)]


@T("neg_ipfs_cid", "chat", "en", "not_secret", "identifier")
def _(r):
    return ["the dataset snapshot is pinned at ipfs://bafybei", rs(r, "abcdefghijklmnopqrstuvwxyz234567", 52), " if you want to mirror it"]


@T("neg_keyboard_walk_advice", "assistant", "en", "not_secret", "security_advice")
def _(r):
    return ["Avoid keyboard patterns such as \"qwerty\" or \"1qaz2wsx\" and keyboard-walk variations — they are among the first guesses in every cracking wordlist. A random four-word passphrase is both stronger and easier to type."]


# ==========================================================================
# NOT_SECRET templates, other languages
# ==========================================================================

@T("de_neg_policy", "runbook", "de", "not_secret", "password_policy")
def _(r):
    return ["Passwortrichtlinie: mindestens 12 Zeichen, Groß- und Kleinbuchstaben, eine Ziffer und ein Sonderzeichen. Das Kennwort darf nicht den Benutzernamen enthalten und wird nach 5 Fehlversuchen gesperrt."]


@T("de_neg_placeholder", "assistant", "de", "not_secret", "placeholder")
def _(r):
    return ["Ersetze in der Datei `config.yaml` den Wert `<DEIN_API_SCHLÜSSEL>` durch deinen eigenen Schlüssel. Teile den echten Schlüssel bitte nicht hier im Chat."]


@T("fr_neg_tracking", "chat", "fr", "not_secret", "tracking_number")
def _(r):
    return [f"Le colis avec les nouveaux badges est parti, numéro de suivi Colissimo 6A{digits(r, 11)}. Livraison prévue jeudi."]


@T("fr_neg_rotation", "incident", "fr", "not_secret", "rotation_discussion")
def _(r):
    return ["Actions correctives : révoquer le jeton d'accès exposé, générer une nouvelle clé API pour le service de facturation et la stocker dans le coffre-fort (Vault). Aucune valeur n'est reproduite dans ce rapport."]


@T("es_neg_hash", "log", "es", "not_secret", "password_hash")
def _(r):
    return ["Volcado de la tabla usuarios (solo hashes, nunca contraseñas en claro):\nid=17 usuario=mgarcia hash=$2b$10$", rs(r, AN + "./", 53)]


@T("es_neg_wifi", "chat", "es", "not_secret", "wifi_ssid")
def _(r):
    return ["La red wifi para invitados se llama \"Cafeteria-Sol\". La contraseña está en la pizarra junto a la caja, cambia cada semana."]


@T("pt_neg_env_ref", "config", "pt", "not_secret", "secret_reference")
def _(r):
    return ["# a senha do banco vem do cofre de segredos, não coloque o valor aqui\nDB_SENHA=${{ secrets.DB_SENHA }}\nAPI_CHAVE=${{ secrets.API_CHAVE }}\n"]


@T("pt_neg_booking", "chat", "pt", "not_secret", "booking_ref")
def _(r):
    return [f"Reserva do hotel confirmada, código da reserva {rs(r, UP + DG, 8)}. O voo tem localizador {rs(r, UP, 6)}."]


@T("it_neg_license", "chat", "it", "not_secret", "license_key")
def _(r):
    k = "-".join(rs(r, UP + DG, 4) for _ in range(4))
    return ["Ecco il codice di licenza del software di contabilità per il nuovo PC: ", k, ". Va attivato entro 30 giorni."]


@T("it_neg_uuid", "log", "it", "not_secret", "request_id")
def _(r):
    return ["Errore 502 dal gateway: ID richiesta ", uuid4(r), ", ID traccia ", hexs(r, 32), ". Riprovare più tardi."]


@T("nl_neg_redacted", "incident", "nl", "not_secret", "redacted")
def _(r):
    return ["In het logbestand stond het wachtwoord als ******** gemaskeerd; het token is in dit verslag vervangen door [VERWIJDERD]."]


@T("nl_neg_sha", "chat", "nl", "not_secret", "git_sha")
def _(r):
    return ["De fout zit in commit ", hexs(r, 40), ", die heb ik teruggedraaid. Nieuwe build draait nu."]


@T("sv_neg_advice", "assistant", "sv", "not_secret", "security_advice")
def _(r):
    return ["Klistra inte in ditt lösenord här. Använd en lösenordshanterare och aktivera tvåfaktorsautentisering på kontot i stället."]


@T("pl_neg_serial", "runbook", "pl", "not_secret", "serial_number")
def _(r):
    return ["Wymieniono dysk w macierzy. Numer seryjny starego dysku: ", rs(r, UP + DG, 12), ", nowego: ", rs(r, UP + DG, 12), "."]


@T("pl_neg_otp_expired", "chat", "pl", "not_secret", "otp_expired")
def _(r):
    return ["Kod weryfikacyjny ", rs(r, DG, 6), " z wczoraj już wygasł, system poprosi o nowy przy następnym logowaniu."]


@T("cs_neg_keyvault", "config", "cs", "not_secret", "secret_reference")
def _(r):
    return ["# heslo se načítá z Key Vaultu, nikdy ho sem nepiš\nConnectionStrings__Db=@Microsoft.KeyVault(VaultName=kv-eshop;SecretName=DbHeslo)\n"]


@T("ru_neg_public_key", "runbook", "ru", "not_secret", "public_key")
def _(r):
    return ["Добавьте свой публичный ключ в authorized_keys (это не секрет, его можно пересылать):\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI", rs(r, B64, 43), " ivan@workstation"]


@T("ru_neg_policy", "chat", "ru", "not_secret", "security_advice")
def _(r):
    return ["Напоминание: никогда не отправляйте пароли и токены в общий чат. Для передачи секретов используйте менеджер паролей."]


@T("uk_neg_digest", "config", "uk", "not_secret", "image_digest")
def _(r):
    return ["# фіксуємо образ за дайджестом, а не за тегом\nimage: registry.example.ua/api@sha256:", hexs(r, 64), "\n"]


@T("ja_neg_placeholder", "runbook", "ja", "not_secret", "placeholder")
def _(r):
    return ["設定例：\nAPI_KEY=your-api-key-here\n※ 実際のAPIキーは各自のダッシュボードで発行し、リポジトリにはコミットしないでください。"]


@T("ja_neg_tracking", "chat", "ja", "not_secret", "tracking_number")
def _(r):
    return [f"交換用のサーバー部品を発送しました。お問い合わせ伝票番号は {digits(r, 4)}-{digits(r, 4)}-{digits(r, 4)} です。"]


@T("zh_neg_hash", "chat", "zh", "not_secret", "hash")
def _(r):
    return ["安装包的 SHA-256 校验值是 ", hexs(r, 64), "，下载后请先校验再安装。"]


@T("zh_neg_ref", "config", "zh", "not_secret", "secret_reference")
def _(r):
    return ["# 密钥从阿里云 KMS 凭据管家读取，此处只写凭据名称\nsecret_name: acs/ram/user/oss-uploader\nregion: cn-hangzhou\n"]


@T("ko_neg_coupon", "chat", "ko", "not_secret", "coupon_code")
def _(r):
    return [f"팀 회식 예약할 때 할인 쿠폰 코드 TEAM{rs(r, UP + DG, 6)} 쓰시면 돼요. 이번 달 말까지 유효합니다."]


@T("ko_neg_policy", "runbook", "ko", "not_secret", "password_policy")
def _(r):
    return ["비밀번호 정책: 최소 12자 이상, 영문 대소문자·숫자·특수문자 포함, 최근 5개 비밀번호 재사용 금지."]


@T("ar_neg_uuid", "log", "ar", "not_secret", "request_id")
def _(r):
    return ["فشل الطلب بسبب انتهاء المهلة. معرّف الطلب: ", uuid4(r), " — يرجى إرساله إلى فريق الدعم."]


@T("ar_neg_wifi", "chat", "ar", "not_secret", "wifi_ssid")
def _(r):
    return ["اسم شبكة الواي فاي للضيوف هو \"Office-Guest\"، وكلمة المرور مكتوبة على البطاقة عند الاستقبال."]


@T("hi_neg_advice", "assistant", "hi", "not_secret", "security_advice")
def _(r):
    return ["कृपया अपनी API कुंजी यहाँ साझा न करें। उसे एनवायरनमेंट वेरिएबल में रखें और अगर वह लीक हो गई है तो तुरंत नई कुंजी बनाएँ।"]


@T("hi_neg_booking", "handover", "hi", "not_secret", "booking_ref")
def _(r):
    return [f"डेटा सेंटर विज़िट के लिए ट्रेन टिकट का पीएनआर {digits(r, 10)} है, होटल बुकिंग आईडी {rs(r, UP + DG, 8)} है।"]


@T("vi_neg_masked", "chat", "vi", "not_secret", "masked_key")
def _(r):
    return [f"Khóa API cũ có đuôi ...{rs(r, AN, 4)} đã bị thu hồi hôm qua, khóa mới đã được lưu trong Vault, không gửi qua chat."]


@T("id_neg_cert", "config", "id", "not_secret", "certificate")
def _(r):
    return ["# sertifikat publik CA internal, aman untuk dibagikan\n", pem_block("CERTIFICATE", "MIIB9TCCAZugAwIBAgIU" + rs(r, B64, 64 * 6)), "\n"]


# ==========================================================================
# build, validate, write, stats
# ==========================================================================

LANG_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese",
              "it": "Italian", "nl": "Dutch", "sv": "Swedish", "pl": "Polish", "cs": "Czech",
              "ru": "Russian", "uk": "Ukrainian", "ja": "Japanese", "zh": "Chinese", "ko": "Korean",
              "ar": "Arabic", "hi": "Hindi", "vi": "Vietnamese", "id": "Indonesian"}
GROUPS = {"chat": "Slack/Teams/chat threads", "runbook": "runbooks and wiki pages",
          "incident": "incident timelines and postmortems", "handover": "on-call handover notes",
          "config": "config files of many formats", "cli": "CLI transcripts and shell history",
          "log": "logs, CI output, stack traces, HTTP dumps", "assistant": "answers written by an assistant"}
# values that must never be marked as a secret (public documentation examples)
PUBLIC_EXAMPLES = ["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                   "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="]


def build():
    """Return a list of (meta, row); meta = (name, group, lang)."""
    built = []
    for name, group, lang, label, rtype, fn in TEMPLATES:
        assert group in GROUPS and lang in LANG_NAMES, name
        parts = fn(random.Random(f"{SEED}/{name}"))
        if isinstance(parts, str):
            parts = [parts]
        text, ents = "", []
        for p in parts:
            if isinstance(p, S):
                start = len(text)
                text += p.value
                ents.append({"type": p.etype or rtype, "start": start, "end": len(text), "value": p.value})
            else:
                assert isinstance(p, str), (name, p)
                text += p
        row = {"id": None, "text": text, "label": label, "type": rtype, "entities": ents,
               "spans_known": True, "source": dict(SOURCE)}
        built.append(((name, group, lang), row))
    random.Random(SEED).shuffle(built)
    for i, (_, row) in enumerate(built):
        row["id"] = f"g5-{i:03d}"
    return built


def validate(built):
    errors = []
    texts = set()
    for (name, group, lang), row in built:
        where = f"{row['id']} ({name})"
        assert list(row) == ["id", "text", "label", "type", "entities", "spans_known", "source"], where
        text, ents = row["text"], row["entities"]
        if text in texts:
            errors.append(f"{where}: duplicate text")
        texts.add(text)
        if row["label"] == "not_secret" and ents:
            errors.append(f"{where}: not_secret row has entities")
        if row["label"] == "secret" and not ents:
            errors.append(f"{where}: secret row has no entity")
        spans = sorted((e["start"], e["end"]) for e in ents)
        for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
            if a2 < b1:
                errors.append(f"{where}: overlapping spans")
        for e in ents:
            v = e["value"]
            if text[e["start"]:e["end"]] != v:
                errors.append(f"{where}: span text mismatch for {v!r}")
            if not v or v != v.strip():
                errors.append(f"{where}: empty or padded value {v!r}")
            if v.startswith(("Bearer ", "Basic ", "Token ")):
                errors.append(f"{where}: auth scheme inside span")
            if v in PUBLIC_EXAMPLES:
                errors.append(f"{where}: public example marked as secret")
            i = text.find(v)
            while i != -1:
                if not any(a <= i and i + len(v) <= b for a, b in spans):
                    errors.append(f"{where}: unmarked occurrence of {v!r} at {i}")
                i = text.find(v, i + 1)
        for ex in PUBLIC_EXAMPLES:
            if ex in text and row["label"] == "secret":
                errors.append(f"{where}: documentation example inside a secret row")
    n = len(built)
    share = sum(1 for _, r in built if r["label"] == "secret") / n
    non_en = sum(1 for m, _ in built if m[2] != "en") / n
    if not 0.52 <= share <= 0.58:
        errors.append(f"secret share {share:.3f} outside 0.52-0.58")
    if not 0.20 <= non_en <= 0.25:
        errors.append(f"non-English share {non_en:.3f} outside 0.20-0.25")
    if errors:
        sys.exit("validation failed:\n  " + "\n  ".join(errors))


def serialise(built):
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for _, row in built).encode("utf-8")


def stats(built):
    out = []
    n = len(built)
    lab = collections.Counter(r["label"] for _, r in built)
    out.append(f"rows: {n}")
    out.append("label: " + ", ".join(f"{k} {v}" for k, v in sorted(lab.items())) + f"  (secret share {lab['secret'] / n:.1%})")
    non_en = sum(1 for m, _ in built if m[2] != "en")
    out.append(f"non-English rows: {non_en} ({non_en / n:.1%})")
    out.append(f"templates: {len(TEMPLATES)} (each used once)")
    out.append("")
    out.append("group                secret  not_secret  total")
    for g in GROUPS:
        s = sum(1 for m, r in built if m[1] == g and r["label"] == "secret")
        t = sum(1 for m, r in built if m[1] == g)
        out.append(f"  {g:<18} {s:>6}  {t - s:>10}  {t:>5}")
    out.append("")
    out.append("language             secret  not_secret  total")
    for l in LANG_NAMES:
        s = sum(1 for m, r in built if m[2] == l and r["label"] == "secret")
        t = sum(1 for m, r in built if m[2] == l)
        if t:
            out.append(f"  {l} {LANG_NAMES[l]:<15} {s:>6}  {t - s:>10}  {t:>5}")
    for label in ("secret", "not_secret"):
        c = collections.Counter(r["type"] for _, r in built if r["label"] == label)
        out.append("")
        out.append(f"row type ({label}, {len(c)} kinds):")
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"  {k:<34} {v}")
    ec = collections.Counter(e["type"] for _, r in built for e in r["entities"])
    out.append("")
    out.append(f"entity type ({sum(ec.values())} spans, {len(ec)} kinds):")
    for k, v in sorted(ec.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"  {k:<34} {v}")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stats", action="store_true", help="print counts instead of writing")
    ap.add_argument("--check", action="store_true", help="verify holdout.jsonl matches a fresh build")
    args = ap.parse_args()
    built = build()
    validate(built)
    data = serialise(built)
    if args.stats:
        print(stats(built))
        return
    if args.check:
        with open(OUT, "rb") as f:
            old = f.read()
        if old != data:
            sys.exit("holdout.jsonl differs from a fresh build")
        print(f"ok: {len(built)} rows, sha256 {hashlib.sha256(data).hexdigest()}")
        return
    with open(OUT, "wb") as f:
        f.write(data)
    # re-read and re-validate what was written
    with open(OUT, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    assert [r for _, r in built] == rows
    print(f"wrote {len(rows)} rows to holdout.jsonl, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
