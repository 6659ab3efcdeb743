#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# SPDX-License-Identifier: Apache-2.0
"""Generator for the `general2` labelled evaluation set of the secrets detector.

Run in this directory:   python3 gen.py
Writes dev.jsonl and holdout.jsonl byte-for-byte reproducibly (standard library
only, one random.Random seeded with 20261126).  Prints count tables on stdout.

Every credential written by this script is generated from the seeded RNG: none
is copied from a real system.  The only fixed "key-like" strings are the two
well-known documentation samples used as hard negatives (AWS's
AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY and the jwt.io
debugger sample token), labelled not_secret.

Templates use slots written as ⟨name⟩.  A slot whose value is an E(...) object
becomes an entity (exact code-point span); any other slot is filled from the
per-row Fill() pool.  Template lists are split between the two files by index
parity (even -> dev, odd -> holdout) so the files share as few wrappers as
possible; holdout rows whose masked text is more than 85 % similar
(difflib.SequenceMatcher ratio) to any dev row are redrawn.
"""
import base64
import difflib
import hashlib
import json
import random
import re
import string
import struct
import sys
import unicodedata
import zlib

SEED = 20261126
R = random.Random(SEED)
SIM_MAX = 0.85
SOURCE = {"repo": "parapet/general2-handwritten"}
SPLITS = ("dev", "holdout")

DIG = string.digits
UP = string.ascii_uppercase
LO = string.ascii_lowercase
ALNUM = DIG + UP + LO
HEXL = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
B64 = UP + LO + DIG + "+/"
B64U = UP + LO + DIG + "-_"
B32U = UP + "234567"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

# Substrings that would make a value look like a placeholder / sample.  No
# secret entity may contain one of them (checked in validate()).
MARKERS = ("example", "test", "dummy", "fake", "sample", "xxxx", "changeme",
           "redacted", "placeholder", "your_", "your-", "lorem", "****",
           "password", "secret")


# --------------------------------------------------------------------------
# small random helpers
# --------------------------------------------------------------------------
def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


def rb(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def pick(seq):
    return R.choice(seq)


def b64(b):
    return base64.b64encode(b).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def wrap(s, width):
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))


def uuid4():
    b = bytearray(rb(16))
    b[6] = (b[6] & 0x0F) | 0x40
    b[8] = (b[8] & 0x3F) | 0x80
    h = b.hex()
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def half(seq, s):
    """Even-indexed items go to dev (s=0), odd-indexed to holdout (s=1)."""
    out = list(seq)[s::2]
    if not out:
        raise ValueError("empty half")
    return out


def b62(n):
    a = DIG + UP + LO
    if n == 0:
        return "0"
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = a[r] + out
    return out


def asciify(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("ł", "l")


# --------------------------------------------------------------------------
# entities and template rendering
# --------------------------------------------------------------------------
class E(object):
    """A secret value; rendered text, recorded as an entity."""
    __slots__ = ("type", "value")

    def __init__(self, type_, value):
        self.type = type_
        self.value = value


SLOT = re.compile(r"⟨(\w+)⟩")


def T(tpl, F, **kw):
    parts = []
    pos = 0
    for m in SLOT.finditer(tpl):
        parts.append(tpl[pos:m.start()])
        name = m.group(1)
        v = kw[name] if name in kw else F[name]
        if isinstance(v, list):
            parts.extend(v)
        else:
            parts.append(v)
        pos = m.end()
    parts.append(tpl[pos:])
    return parts


def slots(tpl):
    return SLOT.findall(tpl)


def assemble(parts):
    out = []
    ents = []
    pos = 0
    for p in parts:
        if isinstance(p, E):
            ents.append({"type": p.type, "start": pos, "end": pos + len(p.value), "value": p.value})
            out.append(p.value)
            pos += len(p.value)
        else:
            if not isinstance(p, str):
                p = str(p)
            out.append(p)
            pos += len(p)
    return "".join(out), ents


# --------------------------------------------------------------------------
# fill pools (identifiers and other non-secret text)
# --------------------------------------------------------------------------
FIRST = ["Anna", "Lukas", "Chloé", "Mateo", "João", "Sanne", "Giulia", "Kasia", "Priya", "Wei",
         "Omar", "Aisha", "Tom", "Sarah", "Jonas", "Léa", "Diego", "Inês", "Bram", "Marco",
         "Zofia", "Ravi", "Mei", "Ben", "Fatima", "Olivia", "Noah", "Emma", "Hugo", "Lucía",
         "Pedro", "Femke", "Luca", "Piotr", "Yuki", "Kwame", "Elif", "Sven", "Nora", "Ahmed"]
LAST = ["Müller", "Dubois", "García", "Silva", "de Vries", "Rossi", "Kowalski", "Smith", "Nguyen",
        "Okafor", "Jansen", "Moreau", "Fernández", "Costa", "Bianchi", "Nowak", "Schneider",
        "Patel", "Kim", "Larsen", "Brennan", "Haddad"]
COMPANIES = ["brightlane", "kestrelsoft", "meridianhq", "tallpine", "bluefjord", "corvidlabs",
             "lumenpay", "orbitale", "quantafin", "riverbend", "solvyn", "tesseradata", "veloxa",
             "zenmark", "harborline", "nordwerk", "cascadia-it", "aldermoor", "pinecrest",
             "sundial-ops"]
TLDS = ["io", "com", "net", "de", "fr", "nl", "eu", "co.uk", "it", "pl", "es", "com.br"]
ROLES = ["db", "pg", "mysql", "sql", "app", "api", "cache", "mq", "ldap", "git", "ci", "nas",
         "files", "vpn", "mail", "bastion", "kafka", "es", "web", "jump"]
ENVS = ["prod", "production", "staging", "stage", "dev", "qa", "uat"]
SVCS = ["Jenkins", "Grafana", "Metabase", "Kibana", "the billing portal", "Jira", "Confluence",
        "pfSense", "the Synology NAS", "Nextcloud", "GitLab", "Airflow", "Superset", "Zabbix",
        "Proxmox", "vCenter", "the HR portal", "SAP", "Odoo", "Salesforce", "Mailchimp", "the CMS",
        "WordPress", "Tableau", "Power BI", "the intranet", "Keycloak", "Harbor", "SonarQube",
        "Nexus", "Artifactory", "ServiceNow", "Zendesk", "HubSpot"]
APPS = ["billing-api", "orders", "checkout", "ledger", "inventory-svc", "auth-gateway",
        "reporting", "notifier", "etl", "webshop", "crm-sync", "payments", "search",
        "media-proxy", "scheduler", "invoicer", "warehouse"]
DBS = ["orders", "billing", "analytics", "crm", "inventory", "payroll", "app_prod", "wordpress",
       "keycloak", "metabase", "ledger", "shop", "events", "hr"]
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2",
           "eu-north-1", "ca-central-1", "sa-east-1"]
USERS_FIXED = ["deploy", "app_user", "svc-backup", "jenkins", "ci-bot", "admin_ops", "reporting",
               "etl_loader", "webadmin", "dbadmin", "monitor", "gitlab-runner", "backup",
               "nagios", "svc_sync", "ansible", "replicator", "grafana_ro", "sftpuser",
               "opsadmin"]
NPM_PKGS = ["lodash", "left-pad", "chalk", "debug", "semver", "minimist", "yargs", "axios",
            "uuid", "dayjs", "zod", "rxjs", "tslib", "picomatch", "esbuild", "undici"]
GO_MODS = ["pkg/errors", "google/uuid", "spf13/cobra", "stretchr/testify", "rs/zerolog",
           "gorilla/mux", "sirupsen/logrus", "go-chi/chi/v5"]
CRATES = ["serde", "tokio", "anyhow", "regex", "itoa", "memchr", "bytes", "hashbrown", "rand_core"]
PY_PKGS = ["requests", "urllib3", "certifi", "idna", "charset-normalizer", "pydantic", "attrs",
           "packaging", "click", "jinja2"]
DOCKER_IMGS = ["nginx", "postgres", "redis", "alpine", "node", "python", "traefik", "grafana/grafana"]
MIME_TEXT = ["Hi all, the quarterly report is attached. Numbers are up in every region except "
             "the north, see slide 4 for details. Cheers.",
             "Reminder: the office is closed on Friday for maintenance of the heating system. "
             "Please take your laptops home on Thursday.",
             "Meeting notes: we agreed to ship the new onboarding flow in two phases and to "
             "review the analytics dashboard again next sprint."]


def _first():
    return pick(FIRST)


def _user():
    f = asciify(pick(FIRST)).lower()
    l_ = asciify(pick(LAST)).lower().replace(" ", "")
    c = R.random()
    if c < 0.25:
        return f
    if c < 0.45:
        return f[0] + l_
    if c < 0.55:
        return f + "." + l_
    return pick(USERS_FIXED)


def _domain():
    return pick(COMPANIES) + "." + pick(TLDS)


def _host():
    role = pick(ROLES)
    env = pick(["prod", "stg", "dev", "qa", "int"])
    n = R.randint(1, 12)
    suffix = pick(["internal", "corp.local", pick(COMPANIES) + ".lan",
                   "prod." + pick(COMPANIES) + ".io", pick(COMPANIES) + ".net"])
    return "%s-%s-%02d.%s" % (role, env, n, suffix)


def _hostshort():
    return "%s-%s-%02d" % (pick(ROLES), pick(["prod", "stg", "dev", "qa"]), R.randint(1, 12))


def _ip():
    c = R.random()
    if c < 0.5:
        return "10.%d.%d.%d" % (R.randint(0, 255), R.randint(0, 255), R.randint(2, 254))
    if c < 0.8:
        return "192.168.%d.%d" % (R.randint(0, 20), R.randint(2, 254))
    return "172.%d.%d.%d" % (R.randint(16, 31), R.randint(0, 255), R.randint(2, 254))


def _date():
    return "%d-%02d-%02d" % (pick([2024, 2025, 2025, 2026]), R.randint(1, 12), R.randint(1, 28))


def _time():
    return "%02d:%02d" % (R.randint(7, 19), R.randint(0, 59))


def _ts():
    d = _date()
    t = "%02d:%02d:%02d" % (R.randint(0, 23), R.randint(0, 59), R.randint(0, 59))
    if R.random() < 0.5:
        return "%sT%sZ" % (d, t)
    return "%s %s,%03d" % (d, t, R.randint(0, 999))


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _clf():
    return "%02d/%s/2025:%02d:%02d:%02d +0000" % (R.randint(1, 28), pick(MONTHS), R.randint(0, 23),
                                                  R.randint(0, 59), R.randint(0, 59))


def _gitdate():
    return "%s %s %d %02d:%02d:%02d 2025 %s" % (pick(DAYS), pick(MONTHS), R.randint(1, 28),
                                                R.randint(0, 23), R.randint(0, 59), R.randint(0, 59),
                                                pick(["+0100", "+0200", "-0500", "+0000"]))


def _semver():
    return "%d.%d.%d" % (R.randint(0, 9), R.randint(0, 30), R.randint(0, 40))


def _ssh_pub_ed25519(comment=True):
    blob = sshstr(b"ssh-ed25519") + sshstr(rb(32))
    s = "ssh-ed25519 " + b64(blob)
    if comment:
        s += " " + _user() + "@" + _hostshort()
    return s


def _ssh_pub_rsa():
    n = bytes([R.randint(0xC0, 0xFF)]) + rb(255)
    blob = sshstr(b"ssh-rsa") + sshstr(b"\x01\x00\x01") + sshstr(b"\x00" + n)
    return "ssh-rsa " + b64(blob) + " " + _user() + "@" + pick(["laptop", "mbp", "workstation", _hostshort()])


def _sshpub():
    return _ssh_pub_ed25519() if R.random() < 0.55 else _ssh_pub_rsa()


def _knownhost():
    blob = sshstr(b"ecdsa-sha2-nistp256") + sshstr(b"nistp256") + sshstr(b"\x04" + rb(64))
    return "ecdsa-sha2-nistp256 " + b64(blob)


def _rsapubpem():
    der = (bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100")
           + bytes([R.randint(0xC0, 0xFF)]) + rb(255) + bytes.fromhex("0203010001"))
    return pem("PUBLIC KEY", der)


def _ecpubpem():
    der = bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d03010703420004") + rb(64)
    return pem("PUBLIC KEY", der)


def _certpem():
    head = bytes.fromhex("3082034d30820235a0030201020214") + rb(20) + bytes.fromhex("300d06092a864886f70d01010b0500")
    der = head + rb(849 - len(head))
    return pem("CERTIFICATE", der)


def _pgpbody():
    body = b64(bytes.fromhex("99020d04") + rb(521))
    return wrap(body, 64) + "\n=" + b64(rb(3))


def _pngdata():
    w, h = R.randint(16, 64), R.randint(16, 64)
    raw = (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + struct.pack(">II", w, h)
           + b"\x08\x06\x00\x00\x00" + rb(4) + b"\x00\x00\x00" + bytes([R.randint(40, 120)]) + b"IDAT" + rb(R.randint(60, 140)))
    return b64(raw)


def _jsid():
    return pick(["_0x", "a0_0x", "t", "n", "r", "e"]) + rs(HEXL, R.choice([2, 4, 5]))


def _fake(prefix, n, seps=""):
    marker = pick(["EXAMPLE", "example", "dummy", "fake", "test", "FAKE", "DUMMY"])
    pads = ["0000", "xxxx", "XXXX", "1234", "abcd", marker, marker]
    s = marker
    while len(s) < n:
        s += (pick(seps) if seps and R.random() < 0.2 else "") + pick(pads)
    return prefix + s[:n]


FILLERS = {
    "first": _first,
    "last": lambda: pick(LAST),
    "user": _user,
    "email": lambda: "%s.%s@%s" % (asciify(pick(FIRST)).lower(), asciify(pick(LAST)).lower().replace(" ", ""), _domain()),
    "host": _host,
    "hostshort": _hostshort,
    "ip": _ip,
    "domain": _domain,
    "company": lambda: pick(COMPANIES),
    "Company": lambda: pick(COMPANIES).split("-")[0].capitalize(),
    "db": lambda: pick(DBS),
    "svc": lambda: pick(SVCS),
    "app": lambda: pick(APPS),
    "APP": lambda: pick(APPS).upper().replace("-", "_"),
    "ssid": lambda: pick(["%s-Guest" % pick(COMPANIES).split("-")[0].capitalize(),
                          "%s-Staff" % pick(COMPANIES).split("-")[0].capitalize(), "Office-5G", "Lab-WLAN",
                          "FRITZ!Box 7590 %s" % rs(UP, 2), "Meeting-Room", "Warehouse-AP",
                          "%s_IoT" % pick(COMPANIES).split("-")[0].capitalize()]),
    "date": _date,
    "time": _time,
    "ts": _ts,
    "clf": _clf,
    "gitdate": _gitdate,
    "ticket": lambda: "%s-%d" % (pick(["OPS", "IT", "INFRA", "SEC", "HELP", "DEV", "SUP"]), R.randint(100, 9999)),
    "env": lambda: pick(ENVS),
    "region": lambda: pick(REGIONS),
    "bucket": lambda: "%s-%s" % (pick(COMPANIES), pick(["backups", "logs", "artifacts", "data-lake", "exports", "media"])),
    "repo": lambda: "%s/%s" % (pick(COMPANIES), pick(APPS)),
    "org": lambda: pick(COMPANIES),
    "proj": lambda: "%s-%s-%d" % (pick(COMPANIES), pick(["prod", "data", "ml", "analytics"]), R.randint(100000, 999999)),
    "stacct": lambda: pick(COMPANIES).replace("-", "")[:12] + pick(["prod", "data", "sa", "store"]) + str(R.randint(1, 99)),
    "acct12": lambda: str(R.randint(1, 9)) + rs(DIG, 11),
    "r5": lambda: rs(LO + DIG, 5),
    "r17": lambda: rs(ALNUM, 17),
    "n": lambda: R.randint(2, 40),
    "n3": lambda: R.randint(100, 999),
    "n6": lambda: R.randint(100000, 9999999),
    "histn": lambda: R.randint(100, 2999),
    "uuid": uuid4,
    "semver": _semver,
    "npmpkg": lambda: pick(NPM_PKGS),
    "gomod": lambda: pick(GO_MODS),
    "crate": lambda: pick(CRATES),
    "pypkg": lambda: pick(PY_PKGS),
    "dockerimg": lambda: pick(DOCKER_IMGS),
    "sha1hex": lambda: rs(HEXL, 40),
    "sha256hex": lambda: rs(HEXL, 64),
    "sha512b64": lambda: b64(rb(64)),
    "sha384b64": lambda: b64(rb(48)),
    "goh1": lambda: b64(rb(32)),
    "gitsha": lambda: rs(HEXL, 40),
    "shortsha": lambda: rs(HEXL, 7),
    "hex32": lambda: rs(HEXL, 32),
    "hex16": lambda: rs(HEXL, 16),
    "hex16u": lambda: rs(HEXU, 16),
    "hex40u": lambda: rs(HEXU, 40),
    "hex6": lambda: rs(HEXL, 6),
    "hex8": lambda: rs(HEXL, 8),
    "hex12": lambda: rs(HEXL, 12),
    "podhash": lambda: rs(LO + DIG, 10) + "-" + rs(LO + DIG, 5),
    "pngdata": _pngdata,
    "amzid2": lambda: b64(rb(57)),
    "fp": lambda: b64(rb(32)).rstrip("="),
    "oid": lambda: rs(HEXL, 24),
    "stripe_pi": lambda: "pi_3" + rs(ALNUM, 23),
    "stripe_cus": lambda: "cus_" + rs(ALNUM, 14),
    "stripe_in": lambda: "in_1" + rs(ALNUM, 23),
    "mimeb64": lambda: wrap(b64(pick(MIME_TEXT).encode()), 76),
    "jsid": _jsid,
    "ytid": lambda: rs(B64U, 11),
    "cid": lambda: "bafybei" + rs("abcdefghijklmnopqrstuvwxyz234567", 52),
    "last4": lambda: rs(ALNUM, 4),
    "last4u": lambda: rs(B32U, 4),
    "first3": lambda: rs(ALNUM, 3),
    "sshpub": _sshpub,
    "knownhost": _knownhost,
    "wgpub": lambda: b64(rb(32)),
    "agepub": lambda: "age1" + rs(BECH32, 58),
    "jwkn": lambda: b64u(bytes([R.randint(0xC0, 0xFF)]) + rb(255)),
    "kid": lambda: rs(B64U, 43),
    "pgpbody": _pgpbody,
    "rsapubpem": _rsapubpem,
    "ecpubpem": _ecpubpem,
    "certpem": _certpem,
    "certpem_ind": lambda: "\n".join("  " + l for l in _certpem().split("\n")),
    "gclient": lambda: "%d-%s" % (R.randint(10 ** 11, 10 ** 12 - 1), rs(LO + DIG, 32)),
    # Publishable / client-side keys, documented as safe to expose (labelled not_secret):
    #   Stripe pk_ https://docs.stripe.com/keys ; Mapbox public pk. tokens
    #   https://docs.mapbox.com/help/dive-deeper/access-tokens/ ; reCAPTCHA site key
    #   https://developers.google.com/recaptcha/docs/display ; PostHog project API key phc_
    #   https://posthog.com/docs/api ; Clerk publishable key pk_live_<base64(frontend api)>
    #   https://clerk.com/docs/deployments/clerk-environment-variables
    "pk_live": lambda: "pk_live_" + pick(["51" + rs(ALNUM, 97), rs(ALNUM, 24)]),
    "pk_test": lambda: "pk_test_" + pick(["51" + rs(ALNUM, 97), rs(ALNUM, 24)]),
    "mapbox_pk": lambda: "pk." + b64u(json.dumps({"u": _user().replace(".", ""), "a": rs(LO + DIG, 25)},
                                                 separators=(",", ":")).encode()) + "." + rs(B64U, 22),
    "recaptcha_site": lambda: "6L" + rs(B64U, 38),
    "posthog": lambda: "phc_" + rs(ALNUM, 43),
    "clerk_pk": lambda: "pk_live_" + b64(("clerk.%s$" % _domain()).encode()),
    "FAKE_stripe": lambda: _fake("sk_live_", 24),
    "FAKE_gh": lambda: _fake("ghp_", 36),
    "FAKE_slack": lambda: "xoxb-" + _fake("", 30, "-"),
    "FAKE_openai": lambda: _fake("sk-proj-", 40, "-"),
    "FAKE_anthropic": lambda: _fake("sk-ant-api03-", 40, "-"),
    "FAKE_hf": lambda: _fake("hf_", 34),
    "FAKE_sendgrid": lambda: "SG." + _fake("", 22) + "." + _fake("", 30),
    "FAKE_google": lambda: _fake("AIzaSy", 33, "-"),
    "FAKE_generic": lambda: pick(["test-token-123", "fake.jwt.token", "dummy-access-token",
                                  "example-bearer-token", "not-a-real-token-test"]),
    "FAKE_glpat": lambda: _fake("glpat-", 20),
    "FAKE_aws_secret": lambda: _fake("", 40, "/"),
}


class Fill(dict):
    """Lazily generated, per-row consistent identifier values."""

    def __missing__(self, k):
        if k in FILLERS:
            base = k
        elif k[-2:] in ("_b", "_c", "_d") and k[:-2] in FILLERS:
            base = k[:-2]
        elif k[-1].isdigit() and k[:-1] in FILLERS:
            base = k[:-1]
        else:
            raise KeyError(k)
        v = FILLERS[base]()
        self[k] = v
        return v


# --------------------------------------------------------------------------
# passwords
# --------------------------------------------------------------------------
WORDS = ["correct", "horse", "battery", "staple", "blue", "elephant", "rocket", "maple", "harbor",
         "falcon", "river", "copper", "lantern", "orbit", "cactus", "velvet", "thunder", "pepper",
         "marble", "glacier", "violet", "canyon", "ember", "willow", "meadow", "quartz", "saffron",
         "tundra", "pixel", "walrus", "badger", "cobalt", "juniper", "nebula", "otter", "prairie",
         "raven", "sierra", "tango", "umber", "voyage", "zephyr", "almond", "biscuit", "crimson",
         "dolphin", "eclipse", "fjord", "granite", "hazel", "jasmine", "kettle", "lemon", "mango",
         "nutmeg", "olive", "panda", "quill", "rhubarb", "salmon", "tulip", "vortex", "wombat",
         "zebra", "anchor", "bramble", "cinder", "drift", "frost", "gravel", "hollow", "ivory",
         "jigsaw", "kayak", "lilac", "mosaic", "nimbus", "oyster", "pebble", "ripple", "sparrow",
         "timber", "valley", "wander", "yarrow", "basil", "comet", "dune", "puffin"]
SEASONS = {
    "en": ["Summer", "Winter", "Spring", "Autumn"],
    "de": ["Sommer", "Winter", "Herbst", "Fruehling"],
    "fr": ["Printemps", "Automne", "Hiver"],
    "es": ["Verano", "Invierno", "Otono"],
    "pt": ["Verao", "Inverno", "Outono"],
    "nl": ["Zomer", "Lente", "Herfst"],
    "it": ["Estate", "Inverno", "Autunno"],
    "pl": ["Lato", "Zima", "Jesien", "Wiosna"],
}
INTL_WORDS = {
    "de": ["Bärenhöhle", "Apfelbaum", "Frühling", "Brücke", "Fuchsbau", "Schneeweiß"],
    "fr": ["Été", "Château", "Étoile", "Fromage", "Montagne", "Papillon"],
    "es": ["Otoño", "Corazón", "Montaña", "Mariposa", "Naranja"],
    "pt": ["Verão", "Coração", "Saudade", "Estrela", "Laranja"],
    "nl": ["Fietsbel", "Molenaar", "Tulpenveld", "Haven"],
    "it": ["Farfalla", "Girasole", "Città", "Perché"],
    "pl": ["Jesień", "Żubr", "Słońce", "Bursztyn", "Źródło"],
}
SYMS = {
    "any": "!@#$%^&*-_=+.?~",
    "sq": "!@#$%^&*-_=+.?~",
    "dq": "@#%^&*-_=+.?~",
    "plain": "-_.+~@%",
    "url": "-_.~",
    "xml": "!#%^*-_=+.?~@",
}
PW_STYLES = [("phrase", 14), ("dotted", 9), ("leet", 15), ("season", 12), ("random", 22),
             ("worddigits", 10), ("twowords", 10), ("alnum", 8)]
LEET = {"o": "0", "a": "4", "e": "3", "i": "1", "s": "5", "t": "7"}


def wchoice(pairs):
    tot = sum(w for _, w in pairs)
    x = R.uniform(0, tot)
    acc = 0
    for v, w in pairs:
        acc += w
        if x <= acc:
            return v
    return pairs[-1][0]


def clean(v):
    lv = v.lower()
    return not any(m in lv for m in MARKERS)


def pw(mode="sq", lang="en", end_alnum=False, uni=False):
    syms = SYMS[mode]
    seps = [c for c in "-._" if c in syms]
    while True:
        style = wchoice(PW_STYLES)
        if uni and lang != "en" and R.random() < 0.35:
            style = "intl"
        if style == "phrase":
            p = pick(seps).join(R.sample(WORDS, R.randint(3, 5)))
            if R.random() < 0.3:
                p += str(R.randint(1, 99))
        elif style == "dotted":
            p = pick(seps).join(w.capitalize() for w in R.sample(WORDS, R.randint(3, 4)))
            if R.random() < 0.4:
                p += str(R.randint(1, 9))
        elif style == "leet":
            w = pick([w for w in WORDS if len(w) >= 6])
            w = w[0].upper() + "".join(LEET[c] if c in LEET and R.random() < 0.55 else c for c in w[1:])
            p = w + pick(syms) + str(R.randint(0, 99))
        elif style == "season":
            p = pick(SEASONS.get(lang, SEASONS["en"])) + str(R.randint(2019, 2026)) + pick([c for c in syms if c in "!#?*.@%~"] or ["1"])
        elif style == "random":
            n = R.randint(12, 24)
            chars = ALNUM * 3 + syms
            p = pick(UP + LO) + "".join(R.choice(chars) for _ in range(n - 1))
            if not any(c in DIG for c in p):
                p += pick(DIG)
            if not any(c in syms for c in p):
                p = p[:5] + pick(syms) + p[5:]
        elif style == "worddigits":
            p = pick(WORDS).capitalize() + str(R.randint(10, 9999))
            if R.random() < 0.5:
                p += pick(syms)
        elif style == "twowords":
            p = pick(WORDS).capitalize() + pick(syms) + pick(WORDS).capitalize() + str(R.randint(10, 99))
        elif style == "alnum":
            p = pick(UP + LO) + rs(ALNUM, R.randint(15, 31))
            if not any(c in DIG for c in p):
                p += pick(DIG)
        else:  # intl
            p = pick(INTL_WORDS[lang]) + pick(syms) + str(R.randint(10, 99))
        if end_alnum and not p[-1].isalnum():
            p += pick(DIG)
        if clean(p) and 8 <= len(p) <= 40:
            return p


# --------------------------------------------------------------------------
# Provider key makers.  Each comment names where the shape is documented:
# the provider's own docs and/or a public rule set:
#   gitleaks default rules, MIT licence:
#     https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml
#   Yelp detect-secrets plugins, Apache-2.0 licence:
#     https://github.com/Yelp/detect-secrets/tree/master/detect_secrets/plugins
# Only the *shape* (prefix, alphabet, length) is taken from them; every value
# is drawn from the seeded RNG.
# --------------------------------------------------------------------------
def sshstr(b):
    return struct.pack(">I", len(b)) + b


def pem(label, der, width=64):
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (label, wrap(b64(der), width), label)


# AWS access key id / secret access key:
#   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
#   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
#   gitleaks aws-access-token `(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}`; secret = 40 base64 chars.
def k_aws_id(prefix="AKIA"):
    return prefix + rs(B32U, 16)


def k_aws_secret():
    return rs(UP + LO + DIG + "/+", 40)


# AWS STS session token (AWS_SESSION_TOKEN), a long opaque base64 blob:
#   https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html
def k_aws_session():
    return "IQoJb3JpZ2luX2Vj" + rs(B64, R.randint(330, 420))


# Google API key: https://cloud.google.com/docs/authentication/api-keys ; gitleaks gcp-api-key `AIza[\w-]{35}`.
def k_google_api():
    return "AIzaSy" + rs(ALNUM + "-_", 33)


# Azure Storage account key (88-char base64 in AccountKey=...):
#   https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string
def k_azure_account_key():
    return b64(rb(64))


# Azure AD / Entra client secret: gitleaks azure-ad-client-secret
# `[a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34}`;
#   https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials
def k_azure_client_secret():
    return rs(ALNUM + "_~.", 3) + pick(DIG) + "Q~" + rs(ALNUM + "_~.-", 34)


# GitHub tokens (prefix + 30 base62 + 6-char base62 CRC32 checksum of the 30 chars):
#   https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
#   https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats
#   gitleaks github-pat `ghp_[0-9a-zA-Z]{36}`, github-oauth, github-app-token, github-fine-grained-pat `github_pat_\w{82}`.
# npm uses the same scheme: https://github.blog/security/announcing-npms-new-access-token-format/
#   gitleaks npm-access-token `npm_[a-z0-9]{36}` (case-insensitive).
def checksum_token(prefix):
    body = rs(ALNUM, 30)
    return prefix + body + b62(zlib.crc32(body.encode())).rjust(6, "0")


def k_github(kind=None):
    kind = kind or pick(["ghp", "ghp", "ghp", "github_pat", "gho", "ghs"])
    if kind == "github_pat":
        return "github_pat_11" + rs(UP + DIG, 20) + "_" + rs(ALNUM, 59)
    return checksum_token(kind + "_")


def k_npm():
    return checksum_token("npm_")


# GitLab PAT: https://docs.gitlab.com/security/tokens/#token-prefixes ; gitleaks gitlab-pat `glpat-[\w-]{20}`.
def k_glpat():
    return "glpat-" + rs(ALNUM + "-_", 20)


# Slack: https://api.slack.com/authentication/token-types , https://api.slack.com/messaging/webhooks ;
#   gitleaks slack-bot-token `xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*`,
#   slack-user-token `xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}`, slack-webhook-url.
def k_slack_bot():
    return "xoxb-%s-%s-%s" % (rs(DIG, pick([11, 12, 13])), rs(DIG, 13), rs(ALNUM, 24))


def k_slack_user():
    return "xoxp-%s-%s-%s-%s" % (rs(DIG, 12), rs(DIG, 12), rs(DIG, 13), rs(HEXL, 32))


def k_slack_webhook():
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(UP + DIG, 10), rs(UP + DIG, 10), rs(ALNUM, 24))


# Stripe: https://docs.stripe.com/keys (sk_live_/rk_live_ secret and restricted keys; pk_ publishable;
#   whsec_ webhook signing secrets: https://docs.stripe.com/webhooks#verify-webhook-signatures);
#   gitleaks stripe-access-token `(?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,99}`.
def k_stripe(kind="sk"):
    return "%s_live_" % kind + pick(["51" + rs(ALNUM, 97), rs(ALNUM, 24)])


def k_stripe_whsec():
    return "whsec_" + rs(ALNUM, 32)


# Twilio: API key SID `SK[0-9a-fA-F]{32}` (gitleaks twilio-api-key), Account SID AC+32 hex,
# auth token 32 hex: https://www.twilio.com/docs/iam/api-keys , https://www.twilio.com/docs/iam/credentials/api
def k_twilio_sk():
    return "SK" + rs(HEXL, 32)


# SendGrid: gitleaks sendgrid-api-token `SG\.[a-z0-9=_\-\.]{66}` (22 + "." + 43);
#   https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys
def k_sendgrid():
    return "SG." + rs(ALNUM + "-_", 22) + "." + rs(ALNUM + "-_", 43)


# Mailgun private API key: gitleaks mailgun-private-api-token `key-[a-f0-9]{32}`;
#   https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/
def k_mailgun():
    return "key-" + rs(HEXL, 32)


# OpenAI: gitleaks openai-api-key (sk-proj-/sk-svcacct- + 74 + "T3BlbkFJ" + 74, or legacy sk- + 20 + T3BlbkFJ + 20);
#   https://platform.openai.com/docs/api-reference/authentication
def k_openai():
    c = R.random()
    if c < 0.6:
        return "sk-proj-" + rs(B64U, 74) + "T3BlbkFJ" + rs(B64U, 74)
    if c < 0.8:
        return "sk-svcacct-" + rs(B64U, 74) + "T3BlbkFJ" + rs(B64U, 74)
    return "sk-" + rs(ALNUM, 20) + "T3BlbkFJ" + rs(ALNUM, 20)


# Anthropic: gitleaks anthropic-api-key `sk-ant-api03-[a-zA-Z0-9_\-]{93}AA`;
#   https://docs.anthropic.com/en/api/overview (x-api-key header)
def k_anthropic():
    return "sk-ant-api03-" + rs(B64U, 93) + "AA"


# Hugging Face user access token: gitleaks huggingface-access-token `hf_(?i:[a-z]{34})`;
#   https://huggingface.co/docs/hub/security-tokens
def k_hf():
    return "hf_" + rs(UP + LO, 34)


# PyPI API token: https://pypi.org/help/#apitoken ; gitleaks pypi-upload-token `pypi-AgEIcHlwaS5vcmc[\w-]{50,1000}`.
def k_pypi():
    return "pypi-AgEIcHlwaS5vcmc" + rs(B64U, R.randint(140, 200))


# Shopify: gitleaks shopify-access-token `shpat_[a-fA-F0-9]{32}`, shopify-shared-secret `shpss_[a-fA-F0-9]{32}`;
#   https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens
def k_shopify(kind="shpat"):
    return kind + "_" + rs(HEXL, 32)


# Square: gitleaks square-access-token `(?:EAAA|sq0atp-)[\w-]{22,60}`; application secret sq0csp- + 43
#   (detect-secrets square_oauth.py); https://developer.squareup.com/docs/build-basics/access-tokens
def k_square():
    return "EAAA" + rs(B64U, 60)


def k_square_secret():
    return "sq0csp-" + rs(B64U, 43)


# Okta API token: gitleaks okta-access-token `00[\w=\-]{40}` (keyword-anchored on "okta");
#   https://developer.okta.com/docs/guides/create-an-api-token/main/
def k_okta():
    return "00" + rs(ALNUM + "-_", 40)


# Datadog: API key 32 hex, application key 40 hex: https://docs.datadoghq.com/account_management/api-app-keys/ ;
#   gitleaks datadog-access-token (keyword-anchored, 40 chars).
def k_dd_api():
    return rs(HEXL, 32)


def k_dd_app():
    return rs(HEXL, 40)


# New Relic: gitleaks new-relic-user-api-key `NRAK-[a-z0-9]{27}`; license key 40 chars ending NRAL:
#   https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
def k_nr_user():
    return "NRAK-" + rs(UP + DIG, 27)


def k_nr_license():
    return rs(HEXL, 36) + "NRAL"


# Heroku platform API key (new format): gitleaks heroku-api-key-v2 `HRKU-AA[0-9a-zA-Z_-]{58}`;
#   https://devcenter.heroku.com/articles/authentication
def k_heroku():
    return "HRKU-AA" + rs(ALNUM + "_-", 58)


# DigitalOcean: gitleaks digitalocean-pat `dop_v1_[a-f0-9]{64}`;
#   https://docs.digitalocean.com/reference/api/create-personal-access-token/
def k_do():
    return "dop_v1_" + rs(HEXL, 64)


# Cloudflare: API token 40 chars (gitleaks cloudflare-api-key, keyword-anchored), global API key
# 37 hex (gitleaks cloudflare-global-api-key); https://developers.cloudflare.com/fundamentals/api/get-started/create-token/
def k_cf_token():
    return rs(ALNUM + "-_", 40)


def k_cf_global():
    return rs(HEXL, 37)


# Atlassian API token: gitleaks atlassian-api-token `ATATT3[A-Za-z0-9_\-=]{186}`;
#   https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/
def k_atlassian():
    return "ATATT3xFfGF0" + rs(B64U, 171) + "=" + rs(HEXU, 8)


# Discord bot token: https://discord.com/developers/docs/reference#authentication ;
#   detect-secrets discord.py `[MN][a-zA-Z\d_-]{23}\.[a-zA-Z\d_-]{6}\.[a-zA-Z\d_-]{27}`
#   (first part = unpadded base64 of the bot's snowflake id; 19-digit ids give 26 chars, and
#   current tokens carry a 38-char last part, so both 27 and 38 are drawn).
def k_discord():
    bot_id = str(R.randint(700000000000000000, 1399999999999999999))
    return b64(bot_id.encode()).rstrip("=") + "." + rs(B64U, 6) + "." + rs(B64U, pick([27, 38]))


# Telegram bot token: https://core.telegram.org/bots/api#authorizing-your-bot (<bot id>:<secret>);
#   detect-secrets telegram_token.py `\d{8,10}:[0-9A-Za-z_-]{35}`;
#   gitleaks telegram-bot-api-token `[0-9]{5,16}:A[a-z0-9_\-]{34}`.
def k_telegram():
    return "%d:AA%s" % (R.randint(1000000000, 7999999999), rs(B64U, 33))


# HashiCorp Vault service token: https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes ;
#   gitleaks vault-service-token `hvs\.[\w-]{90,120}`.
def k_vault():
    return "hvs.CAESI" + rs(B64U, 86)


# Postman: gitleaks postman-api-token `PMAK-[a-f0-9]{24}-[a-f0-9]{34}`;
#   https://learning.postman.com/docs/developer/postman-api/authentication/
def k_postman():
    return "PMAK-" + rs(HEXL, 24) + "-" + rs(HEXL, 34)


# Linear: gitleaks linear-api-key `lin_api_[a-z0-9]{40}` (case-insensitive); https://linear.app/developers
def k_linear():
    return "lin_api_" + rs(ALNUM, 40)


# Grafana service account token: gitleaks grafana-service-account-token `glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}`;
#   https://grafana.com/docs/grafana/latest/administration/service-accounts/
def k_grafana():
    return "glsa_" + rs(ALNUM, 32) + "_" + rs(HEXL, 8)


# Databricks: gitleaks databricks-api-token `dapi[a-f0-9]{32}(?:-\d)?`;
#   https://docs.databricks.com/en/dev-tools/auth/pat.html
def k_databricks():
    return "dapi" + rs(HEXL, 32)


# JWT: RFC 7519 https://www.rfc-editor.org/rfc/rfc7519 (base64url header.payload.signature);
#   gitleaks jwt rule; detect-secrets jwt.py.  Kubernetes service-account tokens are RS256 JWTs:
#   https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/
def jwt(alg, payload, kid=None):
    header = {"alg": alg, "typ": "JWT"}
    if kid:
        header["kid"] = kid
    sig = {"HS256": 32, "HS384": 48, "HS512": 64, "RS256": 256, "ES256": 64}[alg]
    return ".".join([b64u(json.dumps(header, separators=(",", ":")).encode()),
                     b64u(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()),
                     b64u(rb(sig))])


def jwt_user(F):
    iat = R.randint(1735689600, 1767225600)
    p = {}
    if R.random() < 0.5:
        p["iss"] = "https://auth.%s/" % F["domain"]
    p["sub"] = pick([str(R.randint(10000, 9999999)), uuid4(), "auth0|" + rs(HEXL, 24)])
    if R.random() < 0.5:
        p["name"] = "%s %s" % (F["first"], F["last"])
    if R.random() < 0.4:
        p["email"] = F["email"]
    if R.random() < 0.5:
        p["scope"] = pick(["read:orders write:orders", "openid profile email", "api.read", "admin"])
    if R.random() < 0.5:
        p["aud"] = pick(["api", "https://api.%s" % F["domain"], F["app"]])
    p["iat"] = iat
    p["exp"] = iat + pick([900, 3600, 86400, 604800])
    alg = pick(["HS256", "HS256", "HS256", "RS256", "ES256", "HS512"])
    return jwt(alg, p, kid=rs(B64U, 22) if alg in ("RS256", "ES256") and R.random() < 0.6 else None)


def jwt_k8s(F):
    iat = R.randint(1735689600, 1767225600)
    ns = pick(["ci", "default", "deploy", F["app"]])
    sa = pick(["ci-deployer", "argocd-manager", "gitlab-runner", "deployer"])
    p = {"aud": ["https://kubernetes.default.svc.cluster.local"], "exp": iat + 31536000, "iat": iat,
         "iss": "https://kubernetes.default.svc.cluster.local",
         "kubernetes.io": {"namespace": ns, "serviceaccount": {"name": sa, "uid": uuid4()}},
         "nbf": iat, "sub": "system:serviceaccount:%s:%s" % (ns, sa)}
    return jwt("RS256", p, kid=rs(B64U, 43))


# Supabase service_role key, a HS256 JWT: https://supabase.com/docs/guides/api/api-keys
def k_supabase_service():
    iat = R.randint(1690000000, 1760000000)
    return jwt("HS256", {"iss": "supabase", "ref": rs(LO, 20), "role": "service_role",
                         "iat": iat, "exp": iat + 315360000})


# Private keys with random bodies behind realistic DER / openssh-key-v1 headers:
#   PEM RFC 7468 https://www.rfc-editor.org/rfc/rfc7468 ; PKCS#1 RFC 8017; PKCS#8 RFC 5208;
#   SEC1 EC keys RFC 5915; OpenSSH https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key ;
#   gitleaks private-key; detect-secrets private_key.py.
# GCP service-account key files (private_key field, JSON-escaped PKCS#8):
#   https://cloud.google.com/iam/docs/keys-create-delete
def pk_rsa_pkcs1(bits=2048):
    if bits == 2048:
        head, total = bytes.fromhex("308204a40201000282010100"), 1192
    else:
        head, total = bytes.fromhex("3082025c02010002818100"), 608
    der = head + bytes([R.randint(0xC0, 0xFF)]) + rb(total - len(head) - 1)
    return pem("RSA PRIVATE KEY", der)


def pk_pkcs8_rsa():
    head = bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7308204a30201000282010100")
    der = head + bytes([R.randint(0xC0, 0xFF)]) + rb(1217 - len(head) - 1)
    return pem("PRIVATE KEY", der)


def pk_ec():
    der = (bytes.fromhex("30770201010420") + rb(32) + bytes.fromhex("a00a06082a8648ce3d030107a144034200")
           + b"\x04" + rb(64))
    return pem("EC PRIVATE KEY", der)


def pk_openssh(comment):
    pk, sk = rb(32), rb(32)
    pub = sshstr(b"ssh-ed25519") + sshstr(pk)
    chk = rb(4)
    priv = chk + chk + sshstr(b"ssh-ed25519") + sshstr(pk) + sshstr(sk + pk) + sshstr(comment.encode())
    i = 1
    while len(priv) % 8:
        priv += bytes([i])
        i += 1
    blob = (b"openssh-key-v1\x00" + sshstr(b"none") + sshstr(b"none") + sshstr(b"")
            + struct.pack(">I", 1) + sshstr(pub) + sshstr(priv))
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----" % wrap(b64(blob), 70)


def k_private(F):
    c = R.random()
    if c < 0.3:
        return pk_openssh("%s@%s" % (F["user"], F["hostshort"]))
    if c < 0.5:
        return pk_rsa_pkcs1(pick([1024, 2048]))
    if c < 0.75:
        return pk_ec()
    return pk_pkcs8_rsa()


DJANGO_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)"
WP_CHARS = ALNUM + "!@#$%^&*()-_[]{}<>~`+=,.;:/?|"


# WireGuard private key: 32 bytes (X25519, clamped) in base64, https://www.wireguard.com/quickstart/
def wg_private():
    b = bytearray(rb(32))
    b[0] &= 248
    b[31] = (b[31] & 127) | 64
    return b64(bytes(b))


# --------------------------------------------------------------------------
# value specs used by the templates
# --------------------------------------------------------------------------
PUNCT_AFTER = ".,;:!?)"


def needs_end(tpl, slot):
    i = tpl.find("⟨%s⟩" % slot)
    j = i + len(slot) + 2
    return 0 <= i and j < len(tpl) and tpl[j] in PUNCT_AFTER


def v_opaque(F):
    return E("token", pick([rs(ALNUM, R.randint(32, 64)), rs(HEXL, 40), b64u(rb(32)),
                            rs(ALNUM + "-_", 43)]))


def v_refresh(F):
    return E("token", pick([rs(ALNUM, 64), "rt_" + rs(B64U, 48), b64u(rb(48))]))


def v_apikey(F):
    return E("api_key", pick([rs(HEXL, 32), rs(ALNUM, 40), rs(ALNUM + "-_", 48)]))


def v_basic(F):
    return E("basic_auth", b64(("%s:%s" % (F["user"], pw("plain"))).encode()))


def v_bearer(F):
    c = R.random()
    if c < 0.35:
        return E("jwt", jwt_user(F))
    if c < 0.62:
        return v_opaque(F)
    kind = pick(["gh", "glpat", "xoxb", "openai", "hf", "do", "square", "sendgrid", "cf", "linear"])
    return {
        "gh": lambda: E("token", k_github()),
        "glpat": lambda: E("token", k_glpat()),
        "xoxb": lambda: E("token", k_slack_bot()),
        "openai": lambda: E("api_key", k_openai()),
        "hf": lambda: E("token", k_hf()),
        "do": lambda: E("token", k_do()),
        "square": lambda: E("token", k_square()),
        "sendgrid": lambda: E("api_key", k_sendgrid()),
        "cf": lambda: E("token", k_cf_token()),
        "linear": lambda: E("api_key", k_linear()),
    }[kind]()


# Framework secrets: Django SECRET_KEY (50 chars from get_random_secret_key's alphabet)
#   https://docs.djangoproject.com/en/stable/ref/settings/#secret-key ; Rails secret_key_base (128 hex)
#   https://guides.rubyonrails.org/security.html#custom-credentials ; WordPress salts (64 printable)
#   https://developer.wordpress.org/apis/wp-config-php/#security-keys ; Laravel APP_KEY (base64 of 32 bytes)
#   https://laravel.com/docs/encryption#configuration ; Fernet key (urlsafe base64 of 32 bytes)
#   https://github.com/fernet/spec/blob/master/Spec.md ; Jupyter token (48 hex)
#   https://jupyter-server.readthedocs.io/en/latest/operators/security.html .
# Docker config.json "auth" = base64("user:password"): https://docs.docker.com/reference/cli/docker/login/ ;
# HTTP Basic credentials = base64("user:password"): RFC 7617 https://www.rfc-editor.org/rfc/rfc7617
VALS = {
    "gh": lambda F: E("token", k_github()),
    "glpat": lambda F: E("token", k_glpat()),
    "npm": lambda F: E("token", k_npm()),
    "pypi": lambda F: E("token", k_pypi()),
    "vault": lambda F: E("token", k_vault()),
    "aws_id": lambda F: E("access_key_id", k_aws_id()),
    "aws_secret": lambda F: E("api_key", k_aws_secret()),
    "minio_id": lambda F: E("access_key_id", rs(UP + DIG, 20)),
    "minio_secret": lambda F: E("api_key", rs(ALNUM, 40)),
    "azcs": lambda F: E("client_secret", k_azure_client_secret()),
    "cs": lambda F: E("client_secret", rs(ALNUM, pick([32, 40, 48]))),
    "django": lambda F: E("secret_key", rs(DJANGO_CHARS, 50)),
    "hex128": lambda F: E("secret_key", rs(HEXL, 128)),
    "hex64": lambda F: E("secret_key", rs(HEXL, 64)),
    "wpsalt": lambda F: E("secret_key", rs(WP_CHARS, 64)),
    "laravel": lambda F: E("secret_key", b64(rb(32))),
    "fernet": lambda F: E("secret_key", base64.urlsafe_b64encode(rb(32)).decode()),
    "alnum32": lambda F: E("secret_key", rs(ALNUM, 32)),
    "hex48tok": lambda F: E("token", rs(HEXL, 48)),
    "k8sjwt": lambda F: E("jwt", jwt_k8s(F)),
    "jwt": lambda F: E("jwt", jwt_user(F)),
    "basic": v_basic,
    "heroku": lambda F: E("api_key", k_heroku()),
    "wgpriv": lambda F: E("private_key", wg_private()),
    "bearer": v_bearer,
    "opaque": v_opaque,
    "opaque_or_jwt": lambda F: E("jwt", jwt_user(F)) if R.random() < 0.5 else v_opaque(F),
    "refresh": v_refresh,
    "apikey": v_apikey,
}


def make_value(spec, F, tpl, slot, lang="en", uni=False):
    if spec.startswith("pw:"):
        return E("password", pw(spec[3:], lang=lang, end_alnum=needs_end(tpl, slot), uni=uni))
    return VALS[spec](F)


def fill_specs(tpl, specs, F, placeholder=None):
    kw = {}
    for slot_, spec in specs.items():
        if placeholder is not None:
            kw[slot_] = placeholder(slot_, spec)
        else:
            kw[slot_] = make_value(spec, F, tpl, slot_)
    return T(tpl, F, **kw)


# ==========================================================================
# SECRET GROUP 1: passwords in chat / email / ticket prose
# ==========================================================================
PW_EN = [
    "hey ⟨first⟩, the password for the admin account on ⟨host⟩ is ⟨P⟩\nplease change it after your first login",
    "⟨svc⟩ staging\nuser: ⟨user⟩\npw: ⟨P⟩\n(shared vault is down again, sorry)",
    "login ⟨user⟩ / ⟨P⟩ — that one is for the ⟨svc⟩ console, not the database",
    "For the jump box use user: ⟨user⟩ pass: ⟨P⟩ and then sudo -i, key-based login is disabled until Monday",
    "creds are ⟨user⟩:⟨P⟩ if you need to get into the ⟨svc⟩ dashboard before the demo",
    "Use ⟨P⟩ to log in, the username is your employee number",
    "🔑 New wifi password: ⟨P⟩\nNetwork name stays ⟨ssid⟩, the guest network is unchanged.",
    "FYI the root password on ⟨host⟩ was changed to ⟨P⟩ during the maintenance window on ⟨date⟩",
    "Subject: Your ⟨svc⟩ account\n\nHi ⟨first⟩,\n\nyour account has been created.\nUsername: ⟨email⟩\nTemporary password: ⟨P⟩\n\nYou will be asked to choose a new one at first login.\n\nBest regards,\n⟨first2⟩\nIT Service Desk",
    "[⟨time⟩] ⟨first⟩: what's the pw for the shared ⟨svc⟩ account again?\n[⟨time2⟩] ⟨first2⟩: ⟨P⟩\n[⟨time2⟩] ⟨first⟩: thx",
    "can you check why I can't log in? I'm typing ⟨user⟩ and ⟨P⟩ and it keeps saying invalid credentials",
    "The VPN password got reset, it's now ⟨P⟩ (same username as before)",
    "Action items:\n- ⟨first⟩ to rotate the DB creds\n- current ⟨db⟩ password is ⟨P⟩ until then\n- move everything into the vault by Friday",
    "Ticket ⟨ticket⟩: customer cannot reach SFTP.\nTested with account ⟨user⟩, password ⟨P⟩ — works from our side, asked them to check their firewall.",
    "router admin is http://⟨ip⟩/ , login admin, password ⟨P⟩ — please don't share outside the office",
    "Can you write a short email telling the new intern that her laptop password is ⟨P⟩ and that she has to change it on day one?",
    "Please summarise this thread for me:\n> ⟨first⟩: the kiosk login changed\n> ⟨first2⟩: what's the new password for the kiosk user?\n> ⟨first⟩: ⟨P⟩\n> ⟨first2⟩: 👍",
    "I set the BIOS supervisor password to ⟨P⟩ on all ⟨n⟩ new laptops, noting it here until the asset DB is fixed",
    "Reminder: the shared mailbox ⟨email⟩ uses ⟨P⟩ — change it when someone leaves the team",
    "ok so I'm logged into ⟨svc⟩ as ⟨user⟩ with password ⟨P⟩ and the export button is greyed out, any idea why?",
    "Here's the email from IT, can you make it friendlier?\n\n\"Your account on ⟨svc⟩ is ready. Username ⟨user⟩, initial password ⟨P⟩\nChange it within 24 hours or the account will be locked.\"",
    "root / ⟨P⟩ works on the old NAS, haven't tried the new one yet",
    "Password for the ⟨svc⟩ sandbox tenant (yes, the real one): ⟨P⟩",
    "the passphrase for the backup encryption key is ⟨P⟩ — write it down somewhere offline",
    "note to self: ⟨svc⟩ -> ⟨user⟩ / ⟨P⟩",
    "we changed the admin password from ⟨P⟩ to ⟨P2⟩ last night, the old one should no longer work",
    "Guest Wi-Fi for the offsite: SSID ⟨ssid⟩, key ⟨P⟩",
    "@⟨user⟩ the jenkins admin pass is `⟨P⟩` fyi",
    "Dear ⟨first⟩,\n\nas requested, here are the credentials for the ⟨company⟩ partner portal:\nLogin: ⟨email⟩\nPassword: ⟨P⟩\n\nKind regards,\n⟨first2⟩",
    "Can you help me write a PowerShell script that connects to ⟨host⟩ as ⟨user⟩? The password is ⟨P⟩ if that matters",
    "my ⟨svc⟩ login is ⟨email⟩ pw ⟨P⟩ — why does SSO keep bouncing me back to the start page?",
    "The alarm panel master password is still ⟨P⟩, only the door code changed",
    "I run the installer, it asks for the service account password, I type ⟨P⟩ and it says 'account locked'. What now?",
    "Sharing the ⟨svc⟩ superuser since ⟨first⟩ is out this week: ⟨user⟩ / ⟨P⟩",
    "db pass for staging is ⟨P⟩ btw, prod is in the vault",
    "Here are my notes, turn them into a handover doc:\n- backups run at 02:00\n- NAS admin password: ⟨P⟩\n- UPS shuts down after 10 min on battery",
    "password is ⟨P⟩ and the account is ⟨user⟩ — try it now and tell me if it works",
    "Why does this fail? I do ssh ⟨user⟩@⟨host⟩ and type ⟨P⟩ when prompted but get 'Permission denied, please try again'",
    "Hi team, the shared Zoom host account changed. Email ⟨email⟩ / password ⟨P⟩\nPlease don't change it without telling me.",
    "Login for the printer web UI: admin\nPassword: ⟨P⟩",
    "quick q — is ⟨P⟩ strong enough as the new master password for our team's ⟨svc⟩ admin? it's what I set yesterday",
    "From: ⟨email⟩\nTo: ⟨email2⟩\nSubject: RE: access\n\nSure, use ⟨user⟩ and ⟨P⟩ for now, I'll create your own account next week.",
]

# (language, template) -- each language has at least two consecutive entries so
# both halves of the parity split get at least one.
PW_INTL = [
    ("de", "Hallo ⟨first⟩, das Passwort für den Server ⟨host⟩ ist ⟨P⟩ – bitte nach dem ersten Login ändern."),
    ("de", "Zugangsdaten fürs Büro-WLAN:\nSSID: ⟨ssid⟩\nPasswort: ⟨P⟩"),
    ("de", "Kannst du mir helfen? Ich melde mich mit ⟨user⟩ und dem Kennwort ⟨P⟩ an, aber es kommt immer „Zugriff verweigert“."),
    ("de", "Das neue Root-Passwort lautet ⟨P⟩ (gültig ab ⟨date⟩)"),
    ("fr", "Bonjour ⟨first⟩, le mot de passe du compte admin est ⟨P⟩ — merci de ne pas le diffuser."),
    ("fr", "Identifiants pour le portail ⟨svc⟩ :\nidentifiant : ⟨user⟩\nmot de passe : ⟨P⟩"),
    ("fr", "Peux-tu reformuler ce message plus poliment ? « Ton mot de passe provisoire est ⟨P⟩ et tu dois le changer dès ta première connexion. »"),
    ("es", "la contraseña del router es ⟨P⟩ y el usuario es admin"),
    ("es", "Hola ⟨first⟩, te paso los datos de acceso: usuario ⟨user⟩, contraseña ⟨P⟩ (cámbiala cuando entres)"),
    ("es", "¿Me ayudas a redactar un correo? Quiero avisar al equipo de que la nueva clave del Wi-Fi es ⟨P⟩ a partir del lunes."),
    ("pt", "Oi ⟨first⟩, a senha do servidor de homologação é ⟨P⟩ — não compartilhe no grupo."),
    ("pt", "Usuário: ⟨user⟩\nSenha: ⟨P⟩\nQualquer problema me avisa."),
    ("nl", "Hoi ⟨first⟩, het wachtwoord voor de beheeromgeving is ⟨P⟩ (graag na het inloggen wijzigen)"),
    ("nl", "Inloggegevens ⟨svc⟩: gebruikersnaam ⟨user⟩, wachtwoord ⟨P⟩\nGroet, ⟨first2⟩"),
    ("it", "Ciao ⟨first⟩, la password dell'account amministratore è ⟨P⟩ — cambiala al primo accesso."),
    ("it", "Credenziali VPN: utente ⟨user⟩ / password ⟨P⟩\nSe non funziona scrivimi."),
    ("pl", "Cześć ⟨first⟩, hasło do serwera ⟨host⟩ to ⟨P⟩ — zmień je po pierwszym logowaniu."),
    ("pl", "Dane logowania do ⟨svc⟩: login ⟨user⟩, hasło ⟨P⟩\nPozdrawiam, ⟨first2⟩"),
]


def g_pw_prose(F, s):
    if R.random() < 0.3:
        lang, tpl = pick(half(PW_INTL, s))
    else:
        lang, tpl = "en", pick(half(PW_EN, s))
    kw = {}
    for sl in slots(tpl):
        if sl in ("P", "P2") and sl not in kw:
            kw[sl] = make_value("pw:any", F, tpl, sl, lang=lang, uni=True)
    return T(tpl, F, **kw)


# ==========================================================================
# SECRET GROUP 2: command lines and shell history
# ==========================================================================
CMD = [
    ("mysql -u root -p'⟨P⟩' -h ⟨host⟩ ⟨db⟩", {"P": "pw:sq"}),
    ("mysql -u⟨user⟩ -p⟨P⟩ ⟨db⟩ < dump_⟨date⟩.sql", {"P": "pw:plain"}),
    ("PGPASSWORD=⟨P⟩ psql -h ⟨host⟩ -U ⟨user⟩ -d ⟨db⟩ -c 'select count(*) from orders;'", {"P": "pw:plain"}),
    ("export PGPASSWORD='⟨P⟩'\npsql -h ⟨host⟩ -p 5432 -U ⟨user⟩ ⟨db⟩", {"P": "pw:sq"}),
    ("htpasswd -b -c /etc/nginx/.htpasswd ⟨user⟩ '⟨P⟩'", {"P": "pw:sq"}),
    ("curl -u ⟨user⟩:⟨P⟩ https://⟨host⟩/api/v2/status", {"P": "pw:url"}),
    ("sshpass -p '⟨P⟩' ssh -o StrictHostKeyChecking=no ⟨user⟩@⟨ip⟩ 'systemctl restart ⟨app⟩'", {"P": "pw:sq"}),
    ("docker login -u ⟨user⟩ -p ⟨P⟩ registry.⟨domain⟩", {"P": "pw:plain"}),
    ("echo '⟨P⟩' | docker login registry.⟨domain⟩ -u ⟨user⟩ --password-stdin", {"P": "pw:sq"}),
    ("redis-cli -h ⟨host⟩ -p 6379 -a '⟨P⟩' INFO replication", {"P": "pw:sq"}),
    ('mongosh "mongodb://⟨user⟩:⟨P⟩@⟨host⟩:27017/admin?authSource=admin"', {"P": "pw:url"}),
    ("export RESTIC_REPOSITORY=s3:s3.amazonaws.com/⟨bucket⟩\nexport RESTIC_PASSWORD='⟨P⟩'\nrestic backup /srv/data --tag nightly", {"P": "pw:sq"}),
    ("RCLONE_CONFIG_PASS='⟨P⟩' rclone sync /data remote:⟨bucket⟩ --progress", {"P": "pw:sq"}),
    ("git clone https://⟨user⟩:⟨T⟩@github.com/⟨repo⟩.git", {"T": "gh"}),
    ("mysqldump -u backup --password=⟨P⟩ --single-transaction ⟨db⟩ | gzip > /backups/⟨db⟩.sql.gz", {"P": "pw:plain"}),
    ("net use Z: \\\\⟨hostshort⟩\\share /user:CORP\\⟨user⟩ ⟨P⟩ /persistent:yes", {"P": "pw:plain"}),
    ("smbclient //⟨hostshort⟩/finance -U ⟨user⟩%⟨P⟩ -c 'ls'", {"P": "pw:url"}),
    ("ldapsearch -x -H ldap://⟨host⟩ -D \"cn=⟨user⟩,ou=svc,dc=corp,dc=local\" -w '⟨P⟩' -b \"dc=corp,dc=local\" \"(uid=⟨user2⟩)\"", {"P": "pw:sq"}),
    ("openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:⟨P⟩", {"P": "pw:plain"}),
    ("keytool -importcert -alias ⟨app⟩ -file ca.crt -keystore truststore.jks -storepass ⟨P⟩ -noprompt", {"P": "pw:plain"}),
    ("sqlcmd -S ⟨host⟩,1433 -U sa -P '⟨P⟩' -Q \"SELECT @@VERSION\"", {"P": "pw:sq"}),
    ("az login --service-principal -u ⟨uuid⟩ -p ⟨CS⟩ --tenant ⟨uuid2⟩", {"CS": "azcs"}),
    ("wget --user=⟨user⟩ --password='⟨P⟩' https://⟨host⟩/exports/latest.csv", {"P": "pw:sq"}),
    ("lftp -u ⟨user⟩,'⟨P⟩' sftp://⟨host⟩", {"P": "pw:sq"}),
    ("rabbitmqctl add_user ⟨user⟩ '⟨P⟩' && rabbitmqctl set_user_tags ⟨user⟩ administrator", {"P": "pw:sq"}),
    ("kubectl create secret generic ⟨app⟩-db --from-literal=username=⟨user⟩ --from-literal=password='⟨P⟩' -n ⟨env⟩", {"P": "pw:sq"}),
    ("zip -P '⟨P⟩' -r payroll-⟨date⟩.zip payroll/", {"P": "pw:sq"}),
    ("7z a -p⟨P⟩ -mhe=on backup.7z /home/⟨user⟩/docs", {"P": "pw:plain"}),
    ("gpg --batch --yes --passphrase '⟨P⟩' --symmetric archive.tar", {"P": "pw:sq"}),
    ("docker run -d --name pg -e POSTGRES_USER=⟨user⟩ -e POSTGRES_PASSWORD=⟨P⟩ -p 5432:5432 postgres:16", {"P": "pw:plain"}),
    ("aws configure set aws_access_key_id ⟨AK⟩ --profile ⟨env⟩\naws configure set aws_secret_access_key ⟨SK⟩ --profile ⟨env⟩", {"AK": "aws_id", "SK": "aws_secret"}),
    ("npm config set //registry.npmjs.org/:_authToken ⟨T⟩", {"T": "npm"}),
    ("echo ⟨T⟩ | gh auth login --with-token", {"T": "gh"}),
    ("$pw = ConvertTo-SecureString \"⟨P⟩\" -AsPlainText -Force\n$cred = New-Object System.Management.Automation.PSCredential (\"CORP\\⟨user⟩\", $pw)", {"P": "pw:dq"}),
    ("mysql --user=admin --password=\"⟨P⟩\" --host=⟨host⟩ -e 'SHOW PROCESSLIST'", {"P": "pw:dq"}),
    ("psql -U postgres -c \"ALTER USER ⟨user⟩ WITH PASSWORD '⟨P⟩';\"", {"P": "pw:dq"}),
    ("echo '⟨user⟩:⟨P⟩' | sudo chpasswd", {"P": "pw:sq"}),
    ("nmcli dev wifi connect \"⟨ssid⟩\" password \"⟨P⟩\"", {"P": "pw:dq"}),
    ("ssh-keygen -t ed25519 -N '⟨P⟩' -f ~/.ssh/id_deploy -C \"deploy@⟨hostshort⟩\"", {"P": "pw:sq"}),
    ("vault login ⟨T⟩", {"T": "vault"}),
    ("curl -s -X POST https://auth.⟨domain⟩/oauth/token -d grant_type=client_credentials -d client_id=⟨app⟩-cli -d client_secret=⟨CS⟩", {"CS": "cs"}),
    ("mongodump --uri=\"mongodb+srv://⟨user⟩:⟨P⟩@cluster0.⟨r5⟩.mongodb.net/⟨db⟩\" --out /backups/⟨date⟩", {"P": "pw:url"}),
    ("ftp -n ⟨host⟩ <<EOF\nuser ⟨user⟩ ⟨P⟩\nbinary\nput report.csv\nbye\nEOF", {"P": "pw:plain"}),
    ("SNOWSQL_PWD='⟨P⟩' snowsql -a ⟨company⟩-eu1 -u ⟨user⟩ -d ANALYTICS -w REPORTING_WH", {"P": "pw:sq"}),
    ("cqlsh ⟨host⟩ 9042 -u cassandra -p '⟨P⟩'", {"P": "pw:sq"}),
    ("mc alias set minio http://⟨host⟩:9000 ⟨AK⟩ ⟨SK⟩", {"AK": "minio_id", "SK": "minio_secret"}),
    ("psql \"host=⟨host⟩ port=5432 dbname=⟨db⟩ user=⟨user⟩ password=⟨P⟩ sslmode=require\"", {"P": "pw:plain"}),
    ("git remote set-url origin https://oauth2:⟨T⟩@gitlab.⟨domain⟩/⟨repo⟩.git", {"T": "glpat"}),
    ("helm repo add internal https://charts.⟨domain⟩ --username ⟨user⟩ --password '⟨P⟩'", {"P": "pw:sq"}),
    ("pip install --index-url https://⟨user⟩:⟨P⟩@pypi.⟨domain⟩/simple/ ⟨app⟩==2.4.1", {"P": "pw:url"}),
    ("sudo openconnect vpn.⟨domain⟩ -u ⟨user⟩ --passwd-on-stdin <<< '⟨P⟩'", {"P": "pw:sq"}),
    ("influx setup --username ⟨user⟩ --password '⟨P⟩' --org ⟨company⟩ --bucket metrics --force", {"P": "pw:sq"}),
]

# (wrapper, ok for multi-line commands)
CMD_WRAP = [
    ("$ ⟨CMD⟩", True),
    ("⟨user⟩@⟨hostshort⟩:~$ ⟨CMD⟩", False),
    ("  ⟨histn⟩  ⟨CMD⟩", False),
    ("I ran this and it just hangs:\n\n```\n⟨CMD⟩\n```\n\nany idea what's wrong?", True),
    ("root@⟨hostshort⟩:/opt/⟨app⟩# ⟨CMD⟩", False),
    ("PS C:\\Users\\⟨user⟩> ⟨CMD⟩", False),
    ("Can you turn this into a bash script with proper error handling?\n\n⟨CMD⟩", True),
    ("from my shell history on ⟨hostshort⟩:\n⟨CMD⟩", True),
    ("```sh\n⟨CMD⟩\n```\nwhy does this print access denied?", True),
    ("+ ⟨CMD⟩", False),
    ("⟨CMD⟩", True),
    ("Explain what each flag does here:\n`⟨CMD⟩`", False),
    ("[⟨ts⟩] runner-⟨n⟩ | executing: ⟨CMD⟩", False),
    ("Step 4/9 : RUN ⟨CMD⟩", False),
    ("In the runbook it says to run\n\n    ⟨CMD⟩\n\nbut I get a timeout. Is the port wrong?", False),
    ("#!/bin/bash\nset -euo pipefail\n⟨CMD⟩\necho \"done\"", True),
    ("Kannst du mir erklären, was dieser Befehl macht?\n\n⟨CMD⟩", True),
    ("Ce script plante chez moi :\n\n⟨CMD⟩\n\nune idée ?", True),
]


def g_cmd(F, s, placeholder=None):
    tpl, specs = pick(half(CMD, s))
    parts = fill_specs(tpl, specs, F, placeholder)
    multi = "\n" in tpl
    wr = pick([w for w, ok in half(CMD_WRAP, s) if ok or not multi])
    return T(wr, F, CMD=parts)


# ==========================================================================
# SECRET GROUP 3: configuration files
# ==========================================================================
CFG = [
    ("spring.datasource.url=jdbc:postgresql://⟨host⟩:5432/⟨db⟩\nspring.datasource.username=⟨user⟩\nspring.datasource.password=⟨P⟩\nspring.jpa.hibernate.ddl-auto=validate", {"P": "pw:plain"}, "application.properties"),
    ("spring:\n  datasource:\n    url: jdbc:mysql://⟨host⟩:3306/⟨db⟩?useSSL=true\n    username: ⟨user⟩\n    password: \"⟨P⟩\"\n  jpa:\n    open-in-view: false", {"P": "pw:dq"}, "application.yml"),
    ("SECRET_KEY = '⟨K⟩'\n\nDEBUG = False\nALLOWED_HOSTS = ['⟨host⟩']", {"K": "django"}, "settings.py"),
    ("DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': '⟨db⟩',\n        'USER': '⟨user⟩',\n        'PASSWORD': '⟨P⟩',\n        'HOST': '⟨host⟩',\n        'PORT': '5432',\n    }\n}", {"P": "pw:sq"}, "settings.py"),
    ("production:\n  adapter: postgresql\n  encoding: unicode\n  database: ⟨db⟩_production\n  username: ⟨user⟩\n  password: ⟨P⟩\n  host: ⟨host⟩\n  pool: 10", {"P": "pw:plain"}, "config/database.yml"),
    ("# bin/rails credentials:show\nsecret_key_base: ⟨K⟩\naws:\n  access_key_id: ⟨AK⟩\n  secret_access_key: ⟨SK⟩", {"K": "hex128", "AK": "aws_id", "SK": "aws_secret"}, "credentials.yml.enc (decrypted)"),
    ("registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=⟨T⟩\nsave-exact=true", {"T": "npm"}, ".npmrc"),
    ("@⟨org⟩:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=⟨T⟩", {"T": "gh"}, ".npmrc"),
    ("[distutils]\nindex-servers =\n    pypi\n\n[pypi]\nusername = __token__\npassword = ⟨T⟩", {"T": "pypi"}, ".pypirc"),
    ("[global]\nindex-url = https://⟨user⟩:⟨P⟩@pypi.⟨domain⟩/simple\ntimeout = 60", {"P": "pw:url"}, "pip.conf"),
    ("machine ⟨host⟩\n  login ⟨user⟩\n  password ⟨P⟩\n\nmachine api.heroku.com\n  login ⟨email⟩\n  password ⟨HK⟩", {"P": "pw:plain", "HK": "heroku"}, ".netrc"),
    ("https://⟨user⟩:⟨T⟩@github.com\nhttps://⟨user⟩:⟨T2⟩@gitlab.⟨domain⟩", {"T": "gh", "T2": "glpat"}, ".git-credentials"),
    ("{\n  \"auths\": {\n    \"registry.⟨domain⟩\": {\n      \"auth\": \"⟨B⟩\"\n    }\n  },\n  \"credsStore\": \"\"\n}", {"B": "basic"}, "~/.docker/config.json"),
    ("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://⟨ip⟩:6443\n  name: ⟨env⟩\nusers:\n- name: ci-deployer\n  user:\n    token: ⟨J⟩\ncontexts:\n- context:\n    cluster: ⟨env⟩\n    user: ci-deployer\n  name: ⟨env⟩\ncurrent-context: ⟨env⟩", {"J": "k8sjwt"}, "kubeconfig"),
    ("db_username = \"⟨user⟩\"\ndb_password = \"⟨P⟩\"\ninstance_class = \"db.t3.medium\"\nmulti_az = true", {"P": "pw:dq"}, "terraform.tfvars"),
    ("[web]\n⟨ip⟩ ansible_user=⟨user⟩ ansible_password=⟨P⟩\n⟨ip2⟩ ansible_user=⟨user⟩ ansible_password=⟨P⟩\n\n[web:vars]\nansible_connection=ssh", {"P": "pw:plain"}, "inventory.ini"),
    ("ansible_user: ⟨user⟩\nansible_become: true\nansible_become_password: \"⟨P⟩\"", {"P": "pw:dq"}, "group_vars/all.yml"),
    ("define( 'DB_NAME', '⟨db⟩' );\ndefine( 'DB_USER', '⟨user⟩' );\ndefine( 'DB_PASSWORD', '⟨P⟩' );\ndefine( 'DB_HOST', 'localhost' );", {"P": "pw:sq"}, "wp-config.php"),
    ("define( 'AUTH_KEY',         '⟨K⟩' );\ndefine( 'SECURE_AUTH_KEY',  '⟨K2⟩' );\ndefine( 'LOGGED_IN_KEY',    '⟨K3⟩' );", {"K": "wpsalt", "K2": "wpsalt", "K3": "wpsalt"}, "wp-config.php"),
    ("{\n  \"ConnectionStrings\": {\n    \"Default\": \"Server=⟨host⟩;Database=⟨db⟩;User Id=⟨user⟩;Password=⟨P⟩;TrustServerCertificate=True\"\n  },\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } }\n}", {"P": "pw:dq"}, "appsettings.json"),
    ("jdbc:mysql://⟨host⟩:3306/⟨db⟩?user=⟨user⟩&password=⟨P⟩&useSSL=true", {"P": "pw:url"}, "JDBC URL"),
    ("db.url=jdbc:sqlserver://⟨host⟩:1433;databaseName=⟨db⟩;user=⟨user⟩;password=⟨P⟩;encrypt=true", {"P": "pw:url"}, "db.properties"),
    ("MONGODB_URI=mongodb+srv://⟨user⟩:⟨P⟩@cluster0.⟨r5⟩.mongodb.net/⟨db⟩?retryWrites=true&w=majority", {"P": "pw:url"}, ".env"),
    ("REDIS_URL=redis://:⟨P⟩@⟨host⟩:6379/0\nCELERY_BROKER_URL=amqp://⟨user⟩:⟨P2⟩@⟨host2⟩:5672/⟨app⟩", {"P": "pw:url", "P2": "pw:url"}, ".env"),
    ("cache:\n  url: rediss://default:⟨P⟩@⟨host⟩:6380\n  ttl_seconds: 300", {"P": "pw:url"}, "config.yml"),
    ("MAIL_MAILER=smtp\nMAIL_HOST=smtp.⟨domain⟩\nMAIL_PORT=587\nMAIL_USERNAME=⟨email⟩\nMAIL_PASSWORD=⟨P⟩\nMAIL_ENCRYPTION=tls", {"P": "pw:plain"}, ".env"),
    ("[smtp.⟨domain⟩]:587 ⟨email⟩:⟨P⟩", {"P": "pw:plain"}, "/etc/postfix/sasl_passwd"),
    ("ldap_uri = ldaps://⟨host⟩\nldap_search_base = dc=corp,dc=local\nldap_default_bind_dn = cn=⟨user⟩,ou=svc,dc=corp,dc=local\nldap_default_authtok = ⟨P⟩", {"P": "pw:plain"}, "sssd.conf"),
    ("spring.ldap.urls=ldap://⟨host⟩:389\nspring.ldap.base=dc=⟨company⟩,dc=com\nspring.ldap.username=cn=admin,dc=⟨company⟩,dc=com\nspring.ldap.password=⟨P⟩", {"P": "pw:plain"}, "application.properties"),
    ("APP_ENV=production\nAPP_KEY=base64:⟨K⟩\nDB_CONNECTION=mysql\nDB_HOST=⟨host⟩\nDB_DATABASE=⟨db⟩\nDB_USERNAME=⟨user⟩\nDB_PASSWORD=⟨P⟩", {"K": "laravel", "P": "pw:plain"}, ".env"),
    ("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: ⟨user⟩\n      POSTGRES_PASSWORD: ⟨P⟩\n      POSTGRES_DB: ⟨db⟩\n    ports:\n      - \"5432:5432\"", {"P": "pw:plain"}, "docker-compose.yml"),
    ("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ⟨app⟩-db\ntype: Opaque\nstringData:\n  username: ⟨user⟩\n  password: \"⟨P⟩\"", {"P": "pw:dq"}, "secret.yaml"),
    ("[security]\nadmin_user = admin\nadmin_password = ⟨P⟩\nsecret_key = ⟨K⟩", {"P": "pw:plain", "K": "alnum32"}, "grafana.ini"),
    ("listen stats\n    bind :8404\n    stats enable\n    stats uri /haproxy?stats\n    stats auth admin:⟨P⟩", {"P": "pw:plain"}, "haproxy.cfg"),
    ("<servers>\n  <server>\n    <id>⟨company⟩-releases</id>\n    <username>⟨user⟩</username>\n    <password>⟨P⟩</password>\n  </server>\n</servers>", {"P": "pw:xml"}, "settings.xml"),
    ("mavenUser=⟨user⟩\nmavenPassword=⟨P⟩\norg.gradle.jvmargs=-Xmx2g", {"P": "pw:plain"}, "gradle.properties"),
    ("SECRET_KEY = \"⟨K⟩\"\nSQLALCHEMY_DATABASE_URI = \"postgresql://⟨user⟩:⟨P⟩@⟨host⟩/⟨db⟩\"", {"K": "hex64", "P": "pw:url"}, "config.py"),
    ("[⟨db⟩]\nDriver=ODBC Driver 18 for SQL Server\nServer=⟨host⟩\nDatabase=⟨db⟩\nUID=⟨user⟩\nPWD=⟨P⟩", {"P": "pw:plain"}, "odbc.ini"),
    ("[client]\nuser=⟨user⟩\npassword=⟨P⟩\nhost=⟨host⟩", {"P": "pw:plain"}, "~/.my.cnf"),
    ("⟨host⟩:5432:⟨db⟩:⟨user⟩:⟨P⟩\n⟨host2⟩:5432:*:⟨user⟩:⟨P⟩", {"P": "pw:plain"}, "~/.pgpass"),
    ("//⟨hostshort⟩/shared  /mnt/shared  cifs  username=⟨user⟩,password=⟨P⟩,uid=1000,vers=3.0  0  0", {"P": "pw:url"}, "/etc/fstab"),
    ("<Context>\n  <Resource name=\"jdbc/⟨db⟩\" auth=\"Container\" type=\"javax.sql.DataSource\"\n            username=\"⟨user⟩\" password=\"⟨P⟩\"\n            url=\"jdbc:postgresql://⟨host⟩:5432/⟨db⟩\"/>\n</Context>", {"P": "pw:xml"}, "context.xml"),
    ("<tomcat-users>\n  <role rolename=\"manager-gui\"/>\n  <user username=\"admin\" password=\"⟨P⟩\" roles=\"manager-gui\"/>\n</tomcat-users>", {"P": "pw:xml"}, "tomcat-users.xml"),
    ("elasticsearch.hosts: [\"https://⟨host⟩:9200\"]\nelasticsearch.username: \"kibana_system\"\nelasticsearch.password: \"⟨P⟩\"", {"P": "pw:dq"}, "kibana.yml"),
    ("[Interface]\nPrivateKey = ⟨WG⟩\nAddress = 10.8.0.2/24\nDNS = 1.1.1.1\n\n[Peer]\nPublicKey = ⟨wgpub⟩\nEndpoint = vpn.⟨domain⟩:51820\nAllowedIPs = 0.0.0.0/0", {"WG": "wgpriv"}, "wg0.conf"),
    ("interface=wlan0\nssid=⟨ssid⟩\nwpa=2\nwpa_key_mgmt=WPA-PSK\nwpa_passphrase=⟨P⟩", {"P": "pw:plain"}, "hostapd.conf"),
    ("network={\n    ssid=\"⟨ssid⟩\"\n    psk=\"⟨P⟩\"\n    key_mgmt=WPA-PSK\n}", {"P": "pw:dq"}, "wpa_supplicant.conf"),
    ("c.ServerApp.token = '⟨T⟩'\nc.ServerApp.ip = '0.0.0.0'\nc.ServerApp.open_browser = False", {"T": "hex48tok"}, "jupyter_server_config.py"),
    ("auth:\n  postgresPassword: \"⟨P⟩\"\n  username: ⟨user⟩\n  password: \"⟨P2⟩\"\n  database: ⟨db⟩", {"P": "pw:dq", "P2": "pw:dq"}, "values.yaml"),
    ("<connectionStrings>\n  <add name=\"Main\" connectionString=\"Data Source=⟨host⟩;Initial Catalog=⟨db⟩;User ID=⟨user⟩;Password=⟨P⟩\" providerName=\"System.Data.SqlClient\" />\n</connectionStrings>", {"P": "pw:xml"}, "web.config"),
    ("[database]\nsql_alchemy_conn = postgresql+psycopg2://⟨user⟩:⟨P⟩@⟨host⟩:5432/airflow\n\n[core]\nfernet_key = ⟨K⟩", {"P": "pw:url", "K": "fernet"}, "airflow.cfg"),
    ("[default]\naccess_key = ⟨AK⟩\nsecret_key = ⟨SK⟩\nhost_base = s3.amazonaws.com\nuse_https = True", {"AK": "aws_id", "SK": "aws_secret"}, ".s3cfg"),
    ("[default]\naws_access_key_id = ⟨AK⟩\naws_secret_access_key = ⟨SK⟩\nregion = ⟨region⟩", {"AK": "aws_id", "SK": "aws_secret"}, "~/.aws/credentials"),
    ("username=⟨user⟩\npassword=⟨P⟩\ndomain=CORP", {"P": "pw:plain"}, "/root/.smbcredentials"),
]

CFG_WRAP = [
    "⟨CFG⟩",
    "Here's my ⟨fname⟩ — why won't the app connect?\n\n```\n⟨CFG⟩\n```",
    "$ cat ⟨fname⟩\n⟨CFG⟩",
    "# ⟨fname⟩\n⟨CFG⟩",
    "Can you convert this ⟨fname⟩ to environment variables?\n\n⟨CFG⟩",
    "DIFF",
    "I'm getting 'authentication failed' with this config (⟨fname⟩):\n⟨CFG⟩\nWhat am I missing?",
    "⟨fname⟩ on ⟨hostshort⟩ after the migration:\n\n⟨CFG⟩",
    "Please review my ⟨fname⟩ for best practices:\n```\n⟨CFG⟩\n```",
    "Anbei die ⟨fname⟩ vom Testsystem, kannst du prüfen, was falsch ist?\n\n⟨CFG⟩",
    "Voici mon fichier ⟨fname⟩, la connexion échoue toujours :\n\n⟨CFG⟩",
    "Este es mi ⟨fname⟩, ¿por qué no conecta?\n\n⟨CFG⟩",
]


def diffify(parts):
    out = ["+"]
    for p in parts:
        out.append(p.replace("\n", "\n+") if isinstance(p, str) else p)
    return out


def g_cfg(F, s, placeholder=None):
    tpl, specs, fname = pick(half(CFG, s))
    parts = fill_specs(tpl, specs, F, placeholder)
    wr = pick(half(CFG_WRAP, s))
    if wr == "DIFF":
        n = tpl.count("\n") + 1
        return T("--- a/⟨fname⟩\n+++ b/⟨fname⟩\n@@ -0,0 +1,%d @@\n⟨CFG⟩" % n, F, fname=fname, CFG=diffify(parts))
    return T(wr, F, fname=fname, CFG=parts)


# ==========================================================================
# SECRET GROUP 4: provider keys in code, logs, tickets, env files, CI YAML
# ==========================================================================
def camel(k):
    ps = k.lower().split("_")
    return ps[0] + "".join(p.capitalize() for p in ps[1:])


def lower(k):
    return k.lower()


def lines(pairs, fmt, sep="\n"):
    out = []
    for i, (k, v) in enumerate(pairs):
        if i:
            out.append(sep)
        out.extend(fmt(k, v))
    return out


def fillers(F, k):
    pool = [("NODE_ENV", "production"), ("LOG_LEVEL", pick(["info", "debug", "warn"])),
            ("PORT", str(pick([3000, 8080, 8000, 5000]))), ("AWS_REGION", F["region"]),
            ("APP_NAME", F["app"]), ("TZ", "Europe/Berlin"), ("SENTRY_ENVIRONMENT", F["env"]),
            ("FEATURE_NEW_CHECKOUT", "true"), ("DATABASE_HOST", F["host"]), ("CACHE_TTL", "300")]
    return R.sample(pool, k)


def w_env(F, pairs):
    fl = fillers(F, R.randint(1, 4))
    cut = R.randint(0, len(fl))
    items = fl[:cut] + pairs + fl[cut:]
    head = ["# %s (%s)\n" % (F["app"], F["env"])] if R.random() < 0.6 else []
    return head + lines(items, lambda k, v: [k + "=", v])


def w_export(F, pairs):
    return ["# local dev setup for %s\n" % F["app"]] + lines(pairs, lambda k, v: ['export %s="' % k, v, '"'])


def w_py(F, pairs):
    return (["import os\n\n"] + lines(pairs, lambda k, v: ['%s = "' % k, v, '"'])
            + ["\n\n\ndef get_client():\n    return Client(%s)" % ", ".join("%s=%s" % (lower(k), k) for k, _ in pairs)])


def w_js(F, pairs):
    return ["module.exports = {\n"] + lines(pairs, lambda k, v: ["  %s: '" % camel(k), v, "',"]) + ["\n  timeoutMs: 5000,\n};"]


def w_gha(F, pairs):
    return (["name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n"]
            + lines(pairs, lambda k, v: ["      %s: " % k, v])
            + ["\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./scripts/deploy.sh"])


def w_gitlab(F, pairs):
    return (["variables:\n"] + lines(pairs, lambda k, v: ['  %s: "' % k, v, '"'])
            + ["\n\ndeploy:\n  stage: deploy\n  image: alpine:3.20\n  script:\n    - ./deploy.sh %s" % F["env"]])


def w_json(F, pairs):
    return ["{\n"] + lines(pairs, lambda k, v: ['  "%s": "' % camel(k), v, '",']) + ['\n  "region": "%s"\n}' % F["region"]]


def w_log(F, pairs):
    return (["%s DEBUG [config] loaded settings: {" % F["ts"]]
            + lines(pairs, lambda k, v: ["'%s': '" % k, v, "'"], sep=", ")
            + [", 'region': '%s'}" % F["region"]])


def w_ticket(F, pairs):
    return (["Hi %s,\n\nhere are the credentials for the %s integration:\n\n" % (F["first"], F["app"])]
            + lines(pairs, lambda k, v: [k + ": ", v])
            + ["\n\nLet me know if anything is missing.\n%s" % F["first2"]])


def w_docker(F, pairs):
    return (["FROM node:20-alpine\nWORKDIR /app\n"] + lines(pairs, lambda k, v: ["ENV %s=" % k, v])
            + ["\nCOPY . .\nRUN npm ci --omit=dev\nCMD [\"node\", \"server.js\"]"])


def w_k8s(F, pairs):
    return (["apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s-secrets\n  namespace: %s\ntype: Opaque\nstringData:\n" % (F["app"], F["env"])]
            + lines(pairs, lambda k, v: ['  %s: "' % k, v, '"']))


def w_tf(F, pairs):
    return lines(pairs, lambda k, v: ['variable "%s" {\n  type      = string\n  default   = "' % lower(k), v, '"\n  sensitive = true\n}'], sep="\n\n")


def w_go(F, pairs):
    return ["func init() {\n"] + lines(pairs, lambda k, v: ['\tos.Setenv("%s", "' % k, v, '")']) + ["\n}"]


def w_java(F, pairs):
    return ["public final class Config {\n"] + lines(pairs, lambda k, v: ['    public static final String %s = "' % k, v, '";']) + ["\n}"]


def w_cs(F, pairs):
    return lines(pairs, lambda k, v: ['Environment.SetEnvironmentVariable("%s", "' % k, v, '");'])


def w_ruby(F, pairs):
    return ["# config/initializers/%s.rb\n" % F["app"].replace("-", "_")] + lines(pairs, lambda k, v: ["ENV['%s'] ||= '" % k, v, "'"])


def w_php(F, pairs):
    return ["<?php\n"] + lines(pairs, lambda k, v: ["define('%s', '" % k, v, "');"])


def w_toml(F, pairs):
    return ["[%s]\n" % F["app"]] + lines(pairs, lambda k, v: ['%s = "' % lower(k), v, '"'])


def w_jupyter(F, pairs):
    n = R.randint(2, 30)
    return (["In [%d]: import os\n" % n] + lines(pairs, lambda k, v: ['   ...: os.environ["%s"] = "' % k, v, '"'])
            + ["\n\nIn [%d]: client = connect()" % (n + 1)])


def w_compose(F, pairs):
    return (["services:\n  %s:\n    image: ghcr.io/%s:latest\n    environment:\n" % (F["app"], F["repo"])]
            + lines(pairs, lambda k, v: ["      - %s=" % k, v]))


def w_systemd(F, pairs):
    return (["[Unit]\nDescription=%s\n\n[Service]\n" % F["app"]] + lines(pairs, lambda k, v: ['Environment="%s=' % k, v, '"'])
            + ["\nExecStart=/usr/local/bin/%s\nRestart=always" % F["app"]])


def w_chat(F, pairs):
    return (["my "] + lines(pairs, lambda k, v: [k + " is ", v], sep=" and ")
            + [pick([" and every call comes back 401 — what am I doing wrong?",
                     " but the SDK says the credentials are invalid, can you spot the problem?",
                     " — can you write me a quick script that lists everything in the account?"])])


def w_props(F, pairs):
    return lines(pairs, lambda k, v: ["%s.%s=" % (F["app"], k.lower().replace("_", ".")), v])


def w_ps(F, pairs):
    return lines(pairs, lambda k, v: ['$env:%s = "' % k, v, '"']) + ["\n.\\deploy.ps1 -Environment %s" % F["env"]]


def w_helm(F, pairs):
    return ["# values-%s.yaml\nsecrets:\n" % F["env"]] + lines(pairs, lambda k, v: ["  %s: " % camel(k), v])


def w_settings_py(F, pairs):
    return ["%s_CONFIG = {\n" % F["APP"]] + lines(pairs, lambda k, v: ["    '%s': '" % lower(k), v, "',"]) + ["\n}"]


def w_jenkins(F, pairs):
    return (["pipeline {\n  agent any\n  environment {\n"] + lines(pairs, lambda k, v: ["    %s = '" % k, v, "'"])
            + ["\n  }\n  stages {\n    stage('Deploy') { steps { sh './deploy.sh' } }\n  }\n}"])


def w_ghsecret(F, pairs):
    return lines(pairs, lambda k, v: ['gh secret set %s --body "' % k, v, '" --repo %s' % F["repo"]])


def w_heroku(F, pairs):
    return ["heroku config:set "] + lines(pairs, lambda k, v: [k + "=", v], sep=" ") + [" -a %s" % F["app"]]


def w_fly(F, pairs):
    return ["$ fly secrets set "] + lines(pairs, lambda k, v: [k + "=", v], sep=" ") + ["\nRelease v%d created" % R.randint(3, 90)]


def w_dotnet(F, pairs):
    return lines(pairs, lambda k, v: ['dotnet user-secrets set "%s:%s" "' % (F["APP"].title().replace("_", ""), camel(k)[0].upper() + camel(k)[1:]), v, '"'])


def w_error(F, pairs):
    return (["Error: Request failed with status code 401\n    at createError (node_modules/axios/lib/core/createError.js:16:15)\n  config: {\n    baseURL: 'https://api.%s',\n" % F["domain"]]
            + lines(pairs, lambda k, v: ["    %s: '" % camel(k), v, "',"]) + ["\n  }"])


PROV_WRAP = [w_env, w_export, w_py, w_js, w_gha, w_gitlab, w_json, w_log, w_ticket, w_docker, w_k8s,
             w_tf, w_go, w_java, w_cs, w_ruby, w_php, w_toml, w_jupyter, w_compose, w_systemd,
             w_chat, w_props, w_ps, w_helm, w_settings_py, w_jenkins, w_ghsecret, w_heroku, w_fly,
             w_dotnet, w_error]

GCP_JSON = ('{\n  "type": "service_account",\n  "project_id": "⟨proj⟩",\n  "private_key_id": "⟨sha1hex⟩",\n'
            '  "private_key": "⟨K1⟩",\n  "client_email": "⟨saname⟩@⟨proj⟩.iam.gserviceaccount.com",\n'
            '  "client_id": "⟨gcid⟩",\n  "auth_uri": "https://accounts.google.com/o/oauth2/auth",\n'
            '  "token_uri": "https://oauth2.googleapis.com/token",\n'
            '  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",\n'
            '  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/⟨saname⟩%40⟨proj⟩.iam.gserviceaccount.com",\n'
            '  "universe_domain": "googleapis.com"\n}')
FILLERS["saname"] = lambda: pick(["terraform", "ci-deployer", "bq-loader", "airflow", "backup-sa", "looker"])
FILLERS["gcid"] = lambda: "1" + rs(DIG, 20)


def esc_nl(pem_text):
    return pem_text.replace("\n", "\\n") + "\\n"


def _pk_env(F, pairs):
    return ['JWT_PRIVATE_KEY="', E("private_key", pairs[0][1].value.replace("\n", "\\n")), '"\nJWT_ISSUER=https://auth.%s/' % F["domain"]]


def _pk_json(F, pairs):
    return ['{\n  "issuer": "%s",\n  "keyId": "%s",\n  "signingKey": "' % (F["app"], rs(HEXL, 16)),
            E("private_key", esc_nl(pairs[0][1].value)), '"\n}']


def spec(name, make, custom=(), generic=True):
    return {"name": name, "make": make, "custom": list(custom), "generic": generic}


def one(varnames, type_, maker):
    return lambda F: [(pick(varnames), E(type_, maker()))]


def m_aws(F):
    if R.random() < 0.25:
        return [("AWS_ACCESS_KEY_ID", E("access_key_id", k_aws_id("ASIA"))),
                ("AWS_SECRET_ACCESS_KEY", E("api_key", k_aws_secret())),
                ("AWS_SESSION_TOKEN", E("token", k_aws_session()))]
    return [("AWS_ACCESS_KEY_ID", E("access_key_id", k_aws_id())), ("AWS_SECRET_ACCESS_KEY", E("api_key", k_aws_secret()))]


PROVIDERS = [
    spec("aws", m_aws, [
        "import boto3\n\ns3 = boto3.client(\n    \"s3\",\n    aws_access_key_id=\"⟨K1⟩\",\n    aws_secret_access_key=\"⟨K2⟩\",\n    region_name=\"⟨region⟩\",\n)",
        "provider \"aws\" {\n  region     = \"⟨region⟩\"\n  access_key = \"⟨K1⟩\"\n  secret_key = \"⟨K2⟩\"\n}",
        "I created an IAM user for the pipeline — access key ⟨K1⟩, secret ⟨K2⟩. Can you write the GitHub Actions step that uses them?",
        "AwsBasicCredentials creds = AwsBasicCredentials.create(\"⟨K1⟩\", \"⟨K2⟩\");\nS3Client s3 = S3Client.builder()\n    .region(Region.of(\"⟨region⟩\"))\n    .credentialsProvider(StaticCredentialsProvider.create(creds))\n    .build();",
        "[⟨env⟩]\naws_access_key_id = ⟨K1⟩\naws_secret_access_key = ⟨K2⟩\naws_session_token = ⟨K3⟩",
        "Access key ID,Secret access key\n⟨K1⟩,⟨K2⟩",
        "const client = new S3Client({\n  region: '⟨region⟩',\n  credentials: { accessKeyId: '⟨K1⟩', secretAccessKey: '⟨K2⟩' },\n});",
        "{\n    \"Credentials\": {\n        \"AccessKeyId\": \"⟨K1⟩\",\n        \"SecretAccessKey\": \"⟨K2⟩\",\n        \"SessionToken\": \"⟨K3⟩\",\n        \"Expiration\": \"⟨date⟩T18:04:11+00:00\"\n    }\n}",
    ]),
    spec("gcp_service_account", lambda F: [("private_key", E("private_key", esc_nl(pk_pkcs8_rsa())))], [
        GCP_JSON,
        "from google.oauth2 import service_account\n\ninfo = {\n    \"type\": \"service_account\",\n    \"client_email\": \"⟨saname⟩@⟨proj⟩.iam.gserviceaccount.com\",\n    \"private_key\": \"⟨K1⟩\",\n    \"token_uri\": \"https://oauth2.googleapis.com/token\",\n}\ncreds = service_account.Credentials.from_service_account_info(info)",
        "Here's the service account key our contractor sent, how do I use it with gcloud?\n\n" + GCP_JSON,
        "gcp:\n  project: ⟨proj⟩\n  serviceAccount:\n    email: ⟨saname⟩@⟨proj⟩.iam.gserviceaccount.com\n    privateKey: \"⟨K1⟩\"\n  bigquery:\n    dataset: ⟨db⟩_raw",
    ], generic=False),
    spec("google_api_key", one(["GOOGLE_API_KEY", "GOOGLE_MAPS_API_KEY", "YOUTUBE_API_KEY", "GEMINI_API_KEY"], "api_key", k_google_api), [
        "This request works in the browser but not from the server:\nhttps://maps.googleapis.com/maps/api/geocode/json?address=Rue+de+Rivoli+⟨n⟩&key=⟨K1⟩",
        "import google.generativeai as genai\n\ngenai.configure(api_key=\"⟨K1⟩\")\nmodel = genai.GenerativeModel(\"gemini-1.5-flash\")",
        "curl \"https://www.googleapis.com/youtube/v3/search?part=snippet&q=⟨company⟩&key=⟨K1⟩\"",
    ]),
    spec("azure_storage", lambda F: [("AccountKey", E("api_key", k_azure_account_key()))], [
        "AZURE_STORAGE_CONNECTION_STRING=\"DefaultEndpointsProtocol=https;AccountName=⟨stacct⟩;AccountKey=⟨K1⟩;EndpointSuffix=core.windows.net\"",
        "blob_service = BlobServiceClient.from_connection_string(\n    \"DefaultEndpointsProtocol=https;AccountName=⟨stacct⟩;AccountKey=⟨K1⟩;EndpointSuffix=core.windows.net\"\n)",
        "{\n  \"Storage\": {\n    \"ConnectionString\": \"DefaultEndpointsProtocol=https;AccountName=⟨stacct⟩;AccountKey=⟨K1⟩;EndpointSuffix=core.windows.net\",\n    \"Container\": \"uploads\"\n  }\n}",
        "az storage blob upload --account-name ⟨stacct⟩ --account-key ⟨K1⟩ --container-name backups --file ./⟨db⟩.bak --name ⟨db⟩-⟨date⟩.bak",
    ], generic=False),
    spec("azure_ad_client_secret", lambda F: [("AZURE_TENANT_ID", uuid4()), ("AZURE_CLIENT_ID", uuid4()),
                                              ("AZURE_CLIENT_SECRET", E("client_secret", k_azure_client_secret()))], [
        "app = msal.ConfidentialClientApplication(\n    \"⟨K2⟩\",\n    authority=\"https://login.microsoftonline.com/⟨K1⟩\",\n    client_credential=\"⟨K3⟩\",\n)",
        "$ az ad sp credential reset --id ⟨K2⟩\n{\n  \"appId\": \"⟨K2⟩\",\n  \"password\": \"⟨K3⟩\",\n  \"tenant\": \"⟨K1⟩\"\n}",
    ]),
    spec("github", one(["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "GH_PAT"], "token", k_github), [
        "from github import Github, Auth\n\ng = Github(auth=Auth.Token(\"⟨K1⟩\"))\nrepo = g.get_repo(\"⟨repo⟩\")",
        "git push https://x-access-token:⟨K1⟩@github.com/⟨repo⟩.git HEAD:main",
        "const octokit = new Octokit({ auth: \"⟨K1⟩\" });\nconst { data } = await octokit.rest.repos.listForOrg({ org: \"⟨org⟩\" });",
    ]),
    spec("gitlab", one(["GITLAB_TOKEN", "GL_TOKEN", "GITLAB_PRIVATE_TOKEN"], "token", k_glpat), [
        "curl --header \"PRIVATE-TOKEN: ⟨K1⟩\" \"https://gitlab.⟨domain⟩/api/v4/projects?membership=true\"",
        "gl = gitlab.Gitlab('https://gitlab.⟨domain⟩', private_token='⟨K1⟩')\ngl.auth()",
    ]),
    spec("slack_bot", lambda F: [("SLACK_BOT_TOKEN", E("token", k_slack_bot()))]
         + ([("SLACK_SIGNING_SECRET", E("secret_key", rs(HEXL, 32)))] if R.random() < 0.5 else []), [
        "client = WebClient(token=\"⟨K1⟩\")\nclient.chat_postMessage(channel=\"#⟨app⟩-alerts\", text=\"deploy finished\")",
        "app = App(\n    token=\"⟨K1⟩\",\n    signing_secret=\"⟨K2⟩\",\n)",
    ]),
    spec("slack_user", one(["SLACK_USER_TOKEN", "SLACK_TOKEN"], "token", k_slack_user), [
        "curl -H \"Authorization: Bearer ⟨K1⟩\" \"https://slack.com/api/conversations.history?channel=general&limit=20\"",
    ]),
    spec("slack_webhook", one(["SLACK_WEBHOOK_URL", "SLACK_WEBHOOK", "ALERTS_WEBHOOK_URL"], "webhook_url", k_slack_webhook), [
        "curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"Deploy of ⟨app⟩ finished\"}' ⟨K1⟩",
        "requests.post(\"⟨K1⟩\", json={\"text\": f\"Backup failed on {host}\"}, timeout=5)",
    ]),
    spec("stripe", lambda F: [("STRIPE_SECRET_KEY", E("api_key", k_stripe(pick(["sk", "sk", "rk"]))))]
         + ([("STRIPE_WEBHOOK_SECRET", E("secret_key", k_stripe_whsec()))] if R.random() < 0.4 else []), [
        "stripe.api_key = \"⟨K1⟩\"\nintent = stripe.PaymentIntent.create(amount=2000, currency=\"eur\")",
        "curl https://api.stripe.com/v1/charges -u ⟨K1⟩: -d limit=3",
        "const stripe = require('stripe')('⟨K1⟩');",
    ]),
    spec("twilio", lambda F: pick([
        [("TWILIO_ACCOUNT_SID", "AC" + rs(HEXL, 32)), ("TWILIO_AUTH_TOKEN", E("api_key", rs(HEXL, 32)))],
        [("TWILIO_API_KEY", E("access_key_id", k_twilio_sk())), ("TWILIO_API_SECRET", E("api_key", rs(ALNUM, 32)))]]), [
        "client = Client(\"⟨K1⟩\", \"⟨K2⟩\")\nmessage = client.messages.create(to=\"+4915112345678\", from_=\"+15017122661\", body=\"Your order shipped\")",
    ]),
    spec("sendgrid", one(["SENDGRID_API_KEY"], "api_key", k_sendgrid), [
        "sg = SendGridAPIClient('⟨K1⟩')\nresponse = sg.send(message)",
        "curl --request POST --url https://api.sendgrid.com/v3/mail/send --header \"Authorization: Bearer ⟨K1⟩\" --header \"Content-Type: application/json\" --data @mail.json",
    ]),
    spec("mailgun", one(["MAILGUN_API_KEY", "MAILGUN_PRIVATE_KEY"], "api_key", k_mailgun), [
        "curl -s --user 'api:⟨K1⟩' https://api.eu.mailgun.net/v3/mg.⟨domain⟩/messages -F from='noreply@⟨domain⟩' -F to=⟨email⟩ -F subject='Hello' -F text='Hi there'",
    ]),
    spec("openai", one(["OPENAI_API_KEY"], "api_key", k_openai), [
        "from openai import OpenAI\n\nclient = OpenAI(api_key=\"⟨K1⟩\")",
        "llm = ChatOpenAI(model=\"gpt-4o-mini\", api_key=\"⟨K1⟩\", temperature=0)",
    ]),
    spec("anthropic", one(["ANTHROPIC_API_KEY"], "api_key", k_anthropic), [
        "client = anthropic.Anthropic(api_key=\"⟨K1⟩\")",
        "curl https://api.anthropic.com/v1/messages \\\n  -H \"x-api-key: ⟨K1⟩\" \\\n  -H \"anthropic-version: 2023-06-01\" \\\n  -H \"content-type: application/json\" \\\n  -d '{\"model\": \"claude-sonnet-4-5\", \"max_tokens\": 256, \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}'",
    ]),
    spec("huggingface", one(["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"], "token", k_hf), [
        "from huggingface_hub import login\nlogin(token=\"⟨K1⟩\")",
        "huggingface-cli login --token ⟨K1⟩ --add-to-git-credential",
    ]),
    spec("npm", one(["NPM_TOKEN", "NODE_AUTH_TOKEN"], "token", k_npm), [
        "echo \"//registry.npmjs.org/:_authToken=⟨K1⟩\" > ~/.npmrc && npm publish --access public",
    ]),
    spec("pypi", lambda F: pick([[("TWINE_USERNAME", "__token__"), ("TWINE_PASSWORD", E("token", k_pypi()))],
                                 [("PYPI_API_TOKEN", E("token", k_pypi()))]]), [
        "twine upload -u __token__ -p ⟨K1⟩ dist/*",
        "uv publish --token ⟨K1⟩",
    ]),
    spec("shopify", lambda F: pick([[("SHOPIFY_ACCESS_TOKEN", E("token", k_shopify("shpat")))],
                                    [("SHOPIFY_API_KEY", rs(HEXL, 32)), ("SHOPIFY_API_SECRET", E("client_secret", k_shopify("shpss")))]]), [
        "curl -H \"X-Shopify-Access-Token: ⟨K1⟩\" https://⟨company⟩.myshopify.com/admin/api/2024-10/products.json",
    ]),
    spec("square", lambda F: [("SQUARE_ACCESS_TOKEN", E("token", k_square()))]
         + ([("SQUARE_APPLICATION_SECRET", E("client_secret", k_square_secret()))] if R.random() < 0.4 else []), [
        "client = Client(access_token='⟨K1⟩', environment='production')",
    ]),
    spec("okta", lambda F: [("OKTA_ORG_URL", "https://%s.okta.com" % F["company"]), ("OKTA_API_TOKEN", E("token", k_okta()))], [
        "curl -H \"Authorization: SSWS ⟨K2⟩\" \"⟨K1⟩/api/v1/users?limit=25\"",
    ]),
    spec("datadog", lambda F: [("DD_API_KEY", E("api_key", k_dd_api()))]
         + ([("DD_APP_KEY", E("api_key", k_dd_app()))] if R.random() < 0.5 else []), [
        "# /etc/datadog-agent/datadog.yaml\napi_key: ⟨K1⟩\nsite: datadoghq.eu\nlogs_enabled: true",
        "docker run -d --name dd-agent -e DD_API_KEY=⟨K1⟩ -e DD_SITE=\"datadoghq.com\" -v /var/run/docker.sock:/var/run/docker.sock:ro gcr.io/datadoghq/agent:7",
    ]),
    spec("newrelic", lambda F: pick([[("NEW_RELIC_API_KEY", E("api_key", k_nr_user()))],
                                     [("NEW_RELIC_LICENSE_KEY", E("api_key", k_nr_license()))]])),
    spec("heroku", one(["HEROKU_API_KEY"], "api_key", k_heroku)),
    spec("digitalocean", one(["DIGITALOCEAN_TOKEN", "DO_API_TOKEN"], "token", k_do), [
        "doctl auth init --access-token ⟨K1⟩",
        "provider \"digitalocean\" {\n  token = \"⟨K1⟩\"\n}",
    ]),
    spec("cloudflare", lambda F: pick([[("CLOUDFLARE_API_TOKEN", E("token", k_cf_token()))],
                                       [("CF_API_EMAIL", F["email"]), ("CF_API_KEY", E("api_key", k_cf_global()))]]), [
        "curl \"https://api.cloudflare.com/client/v4/user/tokens/verify\" -H \"Authorization: Bearer ⟨K1⟩\"",
    ]),
    spec("atlassian", lambda F: pick([[("JIRA_EMAIL", F["email"]), ("JIRA_API_TOKEN", E("token", k_atlassian()))],
                                      [("CONFLUENCE_API_TOKEN", E("token", k_atlassian()))]]), [
        "curl -u ⟨K1⟩:⟨K2⟩ -H \"Accept: application/json\" https://⟨company⟩.atlassian.net/rest/api/3/myself",
        "jira = JIRA(server=\"https://⟨company⟩.atlassian.net\", basic_auth=(\"⟨K1⟩\", \"⟨K2⟩\"))",
    ]),
    spec("discord", one(["DISCORD_TOKEN", "DISCORD_BOT_TOKEN"], "token", k_discord), [
        "client.run('⟨K1⟩')",
        "client.login(\"⟨K1⟩\");",
    ]),
    spec("telegram", one(["TELEGRAM_BOT_TOKEN", "TG_BOT_TOKEN"], "token", k_telegram), [
        "curl \"https://api.telegram.org/bot⟨K1⟩/getUpdates\"",
        "app = ApplicationBuilder().token(\"⟨K1⟩\").build()",
    ]),
    spec("vault", lambda F: [("VAULT_ADDR", "https://vault.%s:8200" % F["domain"]), ("VAULT_TOKEN", E("token", k_vault()))], [
        "curl -H \"X-Vault-Token: ⟨K2⟩\" ⟨K1⟩/v1/secret/data/⟨app⟩",
    ]),
    spec("postman", one(["POSTMAN_API_KEY"], "api_key", k_postman), [
        "curl -H \"X-Api-Key: ⟨K1⟩\" https://api.getpostman.com/collections",
    ]),
    spec("linear", one(["LINEAR_API_KEY"], "api_key", k_linear), [
        "curl -X POST https://api.linear.app/graphql -H \"Authorization: ⟨K1⟩\" -H \"Content-Type: application/json\" --data '{\"query\": \"{ viewer { id name } }\"}'",
    ]),
    spec("grafana", one(["GRAFANA_TOKEN", "GRAFANA_SERVICE_ACCOUNT_TOKEN"], "token", k_grafana), [
        "curl -H \"Authorization: Bearer ⟨K1⟩\" https://grafana.⟨domain⟩/api/dashboards/home",
    ]),
    spec("databricks", lambda F: [("DATABRICKS_HOST", "https://adb-%s.%d.azuredatabricks.net" % (rs(DIG, 16), R.randint(1, 19))),
                                  ("DATABRICKS_TOKEN", E("token", k_databricks()))], [
        "[DEFAULT]\nhost  = ⟨K1⟩\ntoken = ⟨K2⟩",
    ]),
    spec("supabase", lambda F: [("SUPABASE_URL", "https://%s.supabase.co" % rs(LO, 20)),
                                ("SUPABASE_SERVICE_ROLE_KEY", E("jwt", k_supabase_service()))], [
        "const supabase = createClient('⟨K1⟩', '⟨K2⟩')",
    ]),
    spec("private_key", lambda F: [("PRIVATE_KEY", E("private_key", k_private(F)))], [
        "$ cat ~/.ssh/id_deploy\n⟨K1⟩",
        "Here's the deploy key, can you add it to the runner config?\n\n⟨K1⟩\n\nthanks!",
        "variable \"ssh_private_key\" {\n  type    = string\n  default = <<EOF\n⟨K1⟩\nEOF\n}",
        "SIGNING_KEY = \"\"\"⟨K1⟩\"\"\"\n\n\ndef sign(payload: bytes) -> bytes:\n    ...",
        "Jira ⟨ticket⟩ — attaching server.key inline because the upload keeps failing:\n\n⟨K1⟩",
        "why does ssh say 'invalid format' for this key?\n⟨K1⟩",
        _pk_env,
        _pk_json,
    ], generic=False),
]
PROV_BY_NAME = {p["name"]: p for p in PROVIDERS}
# rows per split: every provider once, plus extra weight on the most common kinds
PROV_EXTRA = ["private_key", "private_key", "private_key", "private_key", "aws", "github", "gcp_service_account"]


def fits(c, pairs):
    if callable(c):
        return True
    want = set(str(i + 1) for i in range(len(pairs)))
    return set(re.findall(r"⟨K(\d)⟩", c)) == want


def g_provider(F, s, name):
    sp = PROV_BY_NAME[name]
    pairs = sp["make"](F)
    customs = [c for c in half(sp["custom"], s) if fits(c, pairs)] if len(sp["custom"]) > s else []
    if customs and (not sp["generic"] or R.random() < 0.5):
        c = pick(customs)
        if callable(c):
            return c(F, pairs)
        return T(c, F, **{"K%d" % (i + 1): v for i, (_, v) in enumerate(pairs)})
    if not sp["generic"]:
        raise RuntimeError("no custom template for " + name)
    return pick(half(PROV_WRAP, s))(F, pairs)


# ==========================================================================
# SECRET GROUP 5: bearer tokens / basic auth in HTTP requests and logs
# ==========================================================================
HTTP = [
    ("GET /api/v1/invoices?limit=50 HTTP/1.1\nHost: api.⟨domain⟩\nAuthorization: Bearer ⟨TOK⟩\nAccept: application/json\nUser-Agent: ⟨app⟩/2.3.1", {"TOK": "bearer"}),
    ("curl -sS https://api.⟨domain⟩/v2/reports/⟨n3⟩ \\\n  -H \"Authorization: Bearer ⟨TOK⟩\" \\\n  -H \"Accept: application/json\"", {"TOK": "bearer"}),
    ("headers = {\n    \"Authorization\": \"Bearer ⟨TOK⟩\",\n    \"Content-Type\": \"application/json\",\n}\nresp = requests.get(f\"{BASE_URL}/orders\", headers=headers, timeout=10)", {"TOK": "bearer"}),
    ("resp = requests.get(\n    \"https://⟨host⟩/api/export\",\n    auth=(\"⟨user⟩\", \"⟨P⟩\"),\n    timeout=30,\n)", {"P": "pw:dq"}),
    ("const res = await fetch(`${API}/tickets`, {\n  headers: { Authorization: 'Bearer ⟨TOK⟩' },\n});", {"TOK": "bearer"}),
    ("await axios.get('https://⟨host⟩/metrics', {\n  auth: { username: '⟨user⟩', password: '⟨P⟩' },\n});", {"P": "pw:sq"}),
    ("http GET https://api.⟨domain⟩/v1/me 'Authorization:Bearer ⟨TOK⟩'", {"TOK": "bearer"}),
    ("http -a ⟨user⟩:⟨P⟩ POST https://⟨host⟩/api/deploy ref=main", {"P": "pw:url"}),
    ("⟨ts⟩ DEBUG urllib3.connectionpool: https://api.⟨domain⟩:443 \"POST /v1/events HTTP/1.1\" 401 87\n⟨ts⟩ DEBUG ⟨app⟩.client: request headers={'Authorization': 'Bearer ⟨TOK⟩', 'Content-Type': 'application/json'}", {"TOK": "bearer"}),
    ("\"request\": {\n  \"method\": \"GET\",\n  \"url\": \"https://api.⟨domain⟩/v1/orders\",\n  \"headers\": [\n    { \"name\": \"Accept\", \"value\": \"application/json\" },\n    { \"name\": \"Authorization\", \"value\": \"Bearer ⟨TOK⟩\" }\n  ]\n}", {"TOK": "bearer"}),
    ("POST /login HTTP/1.1\nHost: ⟨host⟩\nAuthorization: Basic ⟨B⟩\nContent-Length: 0", {"B": "basic"}),
    ("curl -H 'Authorization: Basic ⟨B⟩' https://⟨host⟩/api/health", {"B": "basic"}),
    ("req, _ := http.NewRequest(\"GET\", \"https://api.⟨domain⟩/v1/users\", nil)\nreq.Header.Set(\"Authorization\", \"Bearer ⟨TOK⟩\")", {"TOK": "bearer"}),
    ("CONNECT api.⟨domain⟩:443 HTTP/1.1\nHost: api.⟨domain⟩:443\nProxy-Authorization: Basic ⟨B⟩", {"B": "basic"}),
    ("HttpRequest request = HttpRequest.newBuilder()\n    .uri(URI.create(\"https://api.⟨domain⟩/v3/accounts\"))\n    .header(\"Authorization\", \"Bearer ⟨TOK⟩\")\n    .build();", {"TOK": "bearer"}),
    ("client.DefaultRequestHeaders.Authorization =\n    new AuthenticationHeaderValue(\"Bearer\", \"⟨TOK⟩\");", {"TOK": "bearer"}),
    ("curl https://api.⟨domain⟩/v1/search?q=invoice -H \"X-API-Key: ⟨KEY⟩\"", {"KEY": "apikey"}),
    ("const ws = new WebSocket(\"wss://stream.⟨domain⟩/v1/live?access_token=⟨TOK⟩&channel=orders\");", {"TOK": "opaque"}),
    ("{\n  \"auth\": {\n    \"type\": \"bearer\",\n    \"bearer\": [\n      { \"key\": \"token\", \"value\": \"⟨TOK⟩\", \"type\": \"string\" }\n    ]\n  }\n}", {"TOK": "bearer"}),
    ("location /internal/ {\n    proxy_pass http://backend;\n    proxy_set_header Authorization \"Basic ⟨B⟩\";\n}", {"B": "basic"}),
    ("### Get current user\nGET https://api.⟨domain⟩/v1/me\nAuthorization: Bearer ⟨TOK⟩", {"TOK": "bearer"}),
    ("⟨ip⟩ - - [⟨clf⟩] \"GET /api/v2/export?api_key=⟨KEY⟩&format=csv HTTP/1.1\" 200 48213 \"-\" \"python-requests/2.32.3\"", {"KEY": "apikey"}),
    ("curl_setopt($ch, CURLOPT_USERPWD, \"⟨user⟩:⟨P⟩\");", {"P": "pw:dq"}),
    ("val credential = Credentials.basic(\"⟨user⟩\", \"⟨P⟩\")\nval request = Request.Builder().url(url).header(\"Authorization\", credential).build()", {"P": "pw:dq"}),
    ("req = Net::HTTP::Get.new(uri)\nreq.basic_auth '⟨user⟩', '⟨P⟩'", {"P": "pw:sq"}),
    ("Invoke-RestMethod -Uri \"https://api.⟨domain⟩/v1/jobs\" -Headers @{ Authorization = \"Bearer ⟨TOK⟩\" }", {"TOK": "bearer"}),
    ("metadata = [(\"authorization\", \"Bearer ⟨TOK⟩\")]\nresponse = stub.ListOrders(request, metadata=metadata)", {"TOK": "bearer"}),
    ("HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"access_token\":\"⟨TOK⟩\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"⟨RT⟩\"}", {"TOK": "opaque_or_jwt", "RT": "refresh"}),
    ("scrape_configs:\n  - job_name: ⟨app⟩\n    scheme: https\n    basic_auth:\n      username: ⟨user⟩\n      password: ⟨P⟩\n    static_configs:\n      - targets: ['⟨host⟩:9100']", {"P": "pw:plain"}),
    ("git -c http.extraheader=\"AUTHORIZATION: basic ⟨B⟩\" clone https://dev.azure.com/⟨company⟩/⟨app⟩/_git/⟨app⟩", {"B": "basic"}),
    ("  - job_name: federate\n    authorization:\n      type: Bearer\n      credentials: ⟨TOK⟩\n    static_configs:\n      - targets: ['⟨host⟩:9090']", {"TOK": "opaque"}),
    ("session = requests.Session()\nsession.headers.update({\"X-Auth-Token\": \"⟨KEY⟩\"})", {"KEY": "apikey"}),
    ("send: b'GET /v1/account HTTP/1.1\\r\\nHost: api.⟨domain⟩\\r\\nAuthorization: Basic ⟨B⟩\\r\\nAccept: */*\\r\\n\\r\\n'", {"B": "basic"}),
    ("> GET /api/v4/projects HTTP/2\n> Host: ⟨host⟩\n> user-agent: curl/8.5.0\n> accept: */*\n> authorization: Bearer ⟨TOK⟩\n>\n< HTTP/2 401", {"TOK": "bearer"}),
    ("fetch('https://⟨host⟩/api/upload', {\n  method: 'POST',\n  headers: { 'Authorization': 'Basic ' + '⟨B⟩' },\n  body: form,\n});", {"B": "basic"}),
    ("\"datasource\": {\n  \"type\": \"prometheus\",\n  \"url\": \"https://⟨host⟩\",\n  \"basicAuth\": true,\n  \"basicAuthUser\": \"⟨user⟩\",\n  \"secureJsonData\": { \"basicAuthPassword\": \"⟨P⟩\" }\n}", {"P": "pw:dq"}),
]

HTTP_WRAP = [
    "⟨X⟩",
    "Why do I get 401 here?\n\n⟨X⟩",
    "⟨X⟩",
    "⟨X⟩\n\nthis worked yesterday, now it returns 403",
    "⟨X⟩",
    "Convert this to Python please:\n\n⟨X⟩",
    "⟨X⟩",
    "Pourquoi est-ce que j'obtiens une erreur 401 ?\n\n⟨X⟩",
]


def g_http(F, s, placeholder=None):
    tpl, specs = pick(half(HTTP, s))
    parts = fill_specs(tpl, specs, F, placeholder)
    return T(pick(half(HTTP_WRAP, s)), F, X=parts)


# ==========================================================================
# HARD NEGATIVES (label not_secret, no entities)
# ==========================================================================
NEG_PROSE = [
    "Reset your password via the self-service portal at https://password.⟨domain⟩ — IT will never ask for it by email.",
    "The API key for ⟨svc⟩ is in the vault under the team folder, ping ⟨first⟩ if you don't have access.",
    "Reminder: rotate the deploy token every 90 days; the next rotation is due on ⟨date⟩.",
    "Passwords must be at least 12 characters and can't reuse any of your last five passwords.",
    "Can you write a policy paragraph explaining why we don't share passwords over Slack?",
    "I forgot my ⟨svc⟩ password again, who can reset it for me?",
    "We moved all database credentials to AWS Secrets Manager last sprint, so the .env files no longer contain any secrets.",
    "How do I rotate a GitHub personal access token without breaking the CI pipelines that use it?",
    "The password field should be masked in the UI and never logged, even at debug level.",
    "Never paste API keys into tickets. If you did, revoke the key immediately and create a new one.",
    "⟨first⟩ asked whether the token expires — it does, after 60 minutes, and the client refreshes it automatically.",
    "What's the difference between an access token and a refresh token in OAuth 2.0?",
    "The SSH key for the build server was rotated on ⟨date⟩; update your known_hosts if you get a warning.",
    "Our password manager is 1Password; the shared vault for on-call is called 'Ops – Break Glass'.",
    "Please enable MFA on your ⟨svc⟩ account before Friday, password-only logins will be blocked.",
    "The secret key is generated at deploy time and is never written to disk.",
    "Write a regex that checks a password has one uppercase letter, one digit and one symbol.",
    "Login failed for user '⟨user⟩'. Reason: Password did not match that for the login provided. [CLIENT: ⟨ip⟩]",
    "Error 401: invalid API key. Check that the key is active and has the 'write' scope.",
    "After three wrong password attempts the account is locked for 15 minutes.",
    "Where should I store the Stripe secret key in a Next.js app — env var or a secrets manager?",
    "The client secret for the Azure app registration expires in 24 months; set a calendar reminder.",
    "If you lose your recovery codes, contact the service desk with your employee ID.",
    "Summarise: the team agreed to store all tokens in Vault and inject them at runtime via the sidecar.",
    "The connection string is read from the environment at startup; locally it falls back to SQLite.",
    "Do not commit .env files. The repository has a pre-commit hook that blocks files containing keys.",
    "Password expiry has been disabled per NIST SP 800-63B guidance; we only force a reset after a suspected compromise.",
    "Tokens issued by the staging identity provider are not accepted by production.",
    "I need a checklist for offboarding: disable the account, revoke tokens, rotate shared passwords, transfer ownership of docs.",
    "The webhook signing secret is different per endpoint; copy it from the dashboard when you create the endpoint.",
    "Why does my private key need chmod 600? SSH refuses to use it otherwise.",
    "The API returns 403 when the key has been revoked and 401 when it's missing entirely.",
    "Generated a new deploy key for ⟨repo⟩ (read-only) and removed the old one.",
    "Our SOC 2 auditor wants evidence that secrets are rotated. Where do we get the rotation logs?",
    "Can you explain how bcrypt stores the salt together with the hash?",
    "The Wi-Fi password is on the whiteboard in the kitchen, not in this channel please.",
    "⟨first⟩: is the admin password the same as last quarter?\n⟨first2⟩: no, it was rotated, get it from the vault",
    "Use a passphrase of four or more random words rather than a short complex password.",
    "The token in the screenshot has been revoked, so no harm done, but please blur them next time.",
    "Don't type the database password on the command line; put it in ~/.pgpass with mode 0600 instead.",
    "Service accounts authenticate with workload identity federation, so there are no long-lived keys to manage.",
    "The keystore password is supplied by the deployment pipeline at runtime.",
    "Subject: Password expiry notice\n\nHi ⟨first⟩,\n\nyour ⟨svc⟩ password expires in 5 days. Change it at https://id.⟨domain⟩/account before then.\n\nIT Service Desk",
    "The personal access token needs the read:packages scope, otherwise docker pull from GHCR fails with 'denied'.",
    "We should switch the integration from a static API key to OAuth client credentials.",
    "Please draft a Slack message reminding everyone that passwords and tokens must never be pasted into chat.",
]
NEG_PROSE_INTL = [
    "Das Passwort muss mindestens 12 Zeichen lang sein und darf nicht den Benutzernamen enthalten.",
    "Bitte setze dein Kennwort über das Self-Service-Portal zurück, der Helpdesk kann es nicht einsehen.",
    "Le mot de passe doit être changé tous les 90 jours, conformément à la politique de sécurité.",
    "La clé API se trouve dans le coffre-fort de l'équipe ; demande l'accès à ⟨first⟩.",
    "La contraseña debe tener al menos diez caracteres y un número.",
    "¿Dónde guardo el token de acceso para que no quede en el repositorio?",
    "A senha expira a cada 60 dias e o sistema avisa uma semana antes.",
    "Esqueci minha senha do ⟨svc⟩, alguém pode resetar?",
    "Het wachtwoord wordt nooit per e-mail verstuurd; gebruik de resetlink.",
    "De API-sleutel staat in Key Vault, niet in de repository.",
    "La password va cambiata al primo accesso e non può essere uguale al nome utente.",
    "Il token scade dopo un'ora, poi il client lo rinnova da solo.",
    "Hasło musi mieć co najmniej 12 znaków i nie może zawierać loginu.",
    "Klucz API jest przechowywany w sejfie zespołu, nie wklejaj go do zgłoszeń.",
]


def n_prose(F, s):
    if R.random() < 0.3:
        return T(pick(half(NEG_PROSE_INTL, s)), F)
    return T(pick(half(NEG_PROSE, s)), F)


# Placeholders, references and obviously-not-real values.  Decision: changeme,
# password, secret, xxxx, ****, <redacted>, [REDACTED] are treated as not secret.
PH_POOL = ["${DB_PASSWORD}", "$PGPASSWORD", "<your-api-key>", "YOUR_API_KEY_HERE", "changeme",
           "password", "secret", "xxxx", "****", "<redacted>", "[REDACTED]", "{{ .Values.password }}",
           "%(password)s", "${{ secrets.DEPLOY_TOKEN }}", "<PASSWORD>", "REPLACE_ME",
           "your-password-here", "${SMTP_PASSWORD}", "{{ vault_db_password }}", "$(DB_PASSWORD)",
           "%DB_PASS%", "<insert-token-here>", "xxxxxxxxxxxxxxxxxxxxxxxx", "${env:API_TOKEN}",
           "<secret>", "TODO", "********", "${API_KEY}", "{password}", "<token>"]

PH_CODE = [
    "password = os.environ[\"DB_PASSWORD\"]\nconn = psycopg2.connect(host=DB_HOST, user=DB_USER, password=password)",
    "const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);",
    "      env:\n        AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n        AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}",
    "        - name: POSTGRES_PASSWORD\n          value: {{ .Values.postgresql.auth.password | quote }}",
    "DSN = \"postgresql://%(user)s:%(password)s@%(host)s:5432/%(dbname)s\"",
    "@Value(\"${spring.datasource.password}\")\nprivate String dbPassword;",
    "DB_PASSWORD=$(vault kv get -field=password secret/⟨app⟩/db)",
    "api_key = var.datadog_api_key\napp_key = var.datadog_app_key",
    "ansible_become_password: \"{{ vault_become_password }}\"",
    "token := os.Getenv(\"SLACK_BOT_TOKEN\")\nif token == \"\" {\n\tlog.Fatal(\"SLACK_BOT_TOKEN not set\")\n}",
    "String secret = System.getenv(\"AWS_SECRET_ACCESS_KEY\");",
    "var key = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");",
    "Stripe.api_key = Rails.application.credentials.dig(:stripe, :secret_key)",
    "'mailgun' => [\n    'domain' => env('MAILGUN_DOMAIN'),\n    'secret' => env('MAILGUN_SECRET'),\n],",
    "let token = std::env::var(\"GITHUB_TOKEN\").expect(\"GITHUB_TOKEN not set\");",
    "# .env.example\nOPENAI_API_KEY=<your-api-key>\nDATABASE_URL=postgres://user:password@localhost:5432/app",
    "ANTHROPIC_API_KEY=YOUR_API_KEY_HERE",
    "- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: ⟨app⟩-db\n      key: password",
    "environment:\n  POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password\nsecrets:\n  - postgres_password",
    "op run --env-file=.env.tpl -- npm start   # .env.tpl holds DB_PASSWORD=op://Engineering/Postgres/password",
    "aws secretsmanager get-secret-value --secret-id prod/⟨app⟩/db --query SecretString --output text",
    "kubectl get secret ⟨app⟩-db -o jsonpath=\"{.data.password}\" | base64 -d",
    "\"SqlPassword\": \"@Microsoft.KeyVault(SecretUri=https://kv-⟨app⟩-prod.vault.azure.net/secrets/sql-password/)\"",
    ": \"${DB_PASSWORD:?DB_PASSWORD must be set}\"",
    "sqlcmd -S ⟨host⟩ -U sa -P %SQL_PASSWORD% -i migrate.sql",
    "$headers = @{ Authorization = \"Bearer $env:API_TOKEN\" }",
    "curl -H \"Authorization: Bearer $TOKEN\" https://api.⟨domain⟩/v1/me",
    "mysql -u root -p\"$MYSQL_ROOT_PASSWORD\" -e \"SHOW DATABASES\"",
    "docker login ghcr.io -u ⟨user⟩ --password-stdin < ~/.config/ghcr-token",
    "smtp_password = {{ smtp_password }}",
    "spring.datasource.password=${DB_PASSWORD}\nspring.datasource.username=${DB_USER:app}",
    "DATABASE_URL=postgres://⟨user⟩:${DB_PASSWORD}@⟨host⟩:5432/⟨db⟩",
    "const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
    "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
    "password: \"{{ lookup('env', 'DB_PASS') }}\"",
    "export TF_VAR_db_password=\"$(pass show infra/db)\"",
    "password = getpass.getpass(\"Password for %s: \" % user)",
    "api_key: !ENV ${GRAFANA_API_KEY}",
    "client_secret = dbutils.secrets.get(scope=\"⟨app⟩\", key=\"sp-client-secret\")",
    "db_password = data.aws_secretsmanager_secret_version.db.secret_string",
]


def n_placeholder(F, s):
    c = R.random()
    pool = half(PH_POOL, s)

    def ph(slot_, spec_):
        return pick(pool)
    if c < 0.45:
        return T(pick(half(PH_CODE, s)), F)
    if c < 0.65:
        return g_cfg(F, s, placeholder=ph)
    if c < 0.8:
        return g_cmd(F, s, placeholder=ph)
    if c < 0.92:
        return g_http(F, s, placeholder=ph)
    tpl = pick(half(PW_EN, s))
    return T(tpl, F, **{sl: pick(pool) for sl in slots(tpl) if sl in ("P", "P2")})


AWS_DOC_ID = "AKIAIOSFODNN7EXAMPLE"
AWS_DOC_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
JWT_IO = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0"
          "IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
FILLERS["AWS_DOC_ID"] = lambda: AWS_DOC_ID
FILLERS["AWS_DOC_SECRET"] = lambda: AWS_DOC_SECRET
FILLERS["JWT_IO"] = lambda: JWT_IO

NEG_EXAMPLE = [
    "[default]\naws_access_key_id = ⟨AWS_DOC_ID⟩\naws_secret_access_key = ⟨AWS_DOC_SECRET⟩\nregion = us-east-1",
    "$ aws configure\nAWS Access Key ID [None]: ⟨AWS_DOC_ID⟩\nAWS Secret Access Key [None]: ⟨AWS_DOC_SECRET⟩\nDefault region name [None]: us-west-2\nDefault output format [None]: json",
    "In the docs they use ⟨AWS_DOC_ID⟩ as the access key — is that a real key or just a sample?",
    "Paste a token like ⟨JWT_IO⟩ into the debugger and you'll see the decoded header and payload.",
    "Why does my unit test decode this to John Doe?\n\ntoken = \"⟨JWT_IO⟩\"",
    "# tests/fixtures/settings.py\nSTRIPE_SECRET_KEY = \"⟨FAKE_stripe⟩\"",
    "def test_rejects_expired_token(client):\n    resp = client.get(\"/me\", headers={\"Authorization\": \"Bearer ⟨FAKE_generic⟩\"})\n    assert resp.status_code == 401",
    "GITHUB_TOKEN=⟨FAKE_gh⟩  # example value, replace with your own",
    "mock_slack = MockSlack(token=\"⟨FAKE_slack⟩\")",
    "# README: set your key first\nOPENAI_API_KEY=⟨FAKE_openai⟩",
    "In the README we show `export HF_TOKEN=⟨FAKE_hf⟩` — readers replace it with their own.",
    "def test_login_with_wrong_password(client):\n    r = client.post(\"/login\", data={\"user\": \"alice\", \"password\": \"fake-password-123\"})\n    assert r.status_code == 401",
    "user = UserFactory(username=\"test_user\", password=\"dummy-password\")",
    "ANTHROPIC_API_KEY=⟨FAKE_anthropic⟩ pytest tests/unit -k client",
    "beforeEach(() => {\n  process.env.SENDGRID_API_KEY = '⟨FAKE_sendgrid⟩';\n});",
    "# .env.example\nDB_PASSWORD=example-password\nSECRET_KEY=example-secret-key-not-for-production",
    "google_api_key: ⟨FAKE_google⟩   # dummy key used by the offline test suite",
    "@mock_aws\ndef test_upload():\n    os.environ[\"AWS_ACCESS_KEY_ID\"] = \"⟨AWS_DOC_ID⟩\"\n    os.environ[\"AWS_SECRET_ACCESS_KEY\"] = \"⟨AWS_DOC_SECRET⟩\"",
    "const stripe = new Stripe('⟨FAKE_stripe⟩'); // fake key, requests are intercepted by nock",
    "vcr_config = {\"filter_headers\": [(\"authorization\", \"Bearer ⟨FAKE_generic⟩\")]}",
    "The AWS docs sample secret ⟨AWS_DOC_SECRET⟩ shows up in our scanner output, can we allowlist it?",
    "GITLAB_TOKEN=⟨FAKE_glpat⟩   # placeholder for the docs",
    "aws_secret_access_key = ⟨FAKE_aws_secret⟩  # fake, used only by the localstack tests",
    "jwt.io's sample token ⟨JWT_IO⟩ decodes to {\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}.",
]


def n_example(F, s):
    return T(pick(half(NEG_EXAMPLE, s)), F)


NEG_PUBLIC = [
    "Please add my key to the bastion:\n\n⟨sshpub⟩",
    "$ cat ~/.ssh/authorized_keys\n⟨sshpub⟩\n⟨sshpub2⟩",
    "#cloud-config\nusers:\n  - name: ⟨user⟩\n    sudo: ALL=(ALL) NOPASSWD:ALL\n    ssh_authorized_keys:\n      - ⟨sshpub⟩",
    "⟨host⟩,⟨ip⟩ ⟨knownhost⟩\n⟨host2⟩ ⟨knownhost2⟩",
    "This is the public key for verifying our webhook signatures:\n\n⟨rsapubpem⟩",
    "Here's our server certificate, can you tell me when it expires?\n\n⟨certpem⟩",
    "$ sudo wg show\ninterface: wg0\n  public key: ⟨wgpub⟩\n  private key: (hidden)\n  listening port: 51820\n\npeer: ⟨wgpub2⟩\n  endpoint: ⟨ip⟩:51820\n  allowed ips: 10.8.0.2/32\n  latest handshake: 42 seconds ago\n  transfer: 1.21 MiB received, 3.80 MiB sent",
    "[Peer]\n# ⟨first⟩'s laptop\nPublicKey = ⟨wgpub⟩\nAllowedIPs = 10.8.0.⟨n⟩/32\n\n[Peer]\n# ⟨first2⟩'s laptop\nPublicKey = ⟨wgpub2⟩\nAllowedIPs = 10.8.0.⟨n2⟩/32",
    "# age recipients for the secrets repo\n⟨agepub⟩  # ⟨first⟩\n⟨agepub2⟩  # ⟨first2⟩",
    "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"⟨kid⟩\",\"alg\":\"RS256\",\"n\":\"⟨jwkn⟩\",\"e\":\"AQAB\"}]}",
    "resource \"aws_key_pair\" \"deployer\" {\n  key_name   = \"deployer-key\"\n  public_key = \"⟨sshpub⟩\"\n}",
    "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n⟨pgpbody⟩\n-----END PGP PUBLIC KEY BLOCK-----",
    "gh api repos/⟨repo⟩/keys -f title=ci-deploy -f key=\"⟨sshpub⟩\" -F read_only=true",
    "JWT verification key (public, safe to share):\n⟨ecpubpem⟩",
    "ssl_certificate: |\n⟨certpem_ind⟩\nssl_certificate_key: /etc/ssl/private/⟨app⟩.key",
    "Fingerprint check please — is this the same key as on the old server?\n⟨sshpub⟩",
]


def n_public(F, s):
    return T(pick(half(NEG_PUBLIC, s)), F)


NEG_PUBLISHABLE = [
    "const stripe = Stripe('⟨pk_live⟩');",
    "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=⟨pk_live⟩",
    "<script>\n  const stripe = Stripe('⟨pk_live⟩', { locale: 'de' });\n</script>",
    "STRIPE_PUBLISHABLE_KEY=⟨pk_test⟩",
    "mapboxgl.accessToken = '⟨mapbox_pk⟩';",
    "<div class=\"g-recaptcha\" data-sitekey=\"⟨recaptcha_site⟩\"></div>",
    "posthog.init('⟨posthog⟩', { api_host: 'https://eu.i.posthog.com' })",
    "The publishable key (⟨pk_live⟩) is meant for the browser, so it's fine that it shows up in the bundle.",
    "VITE_MAPBOX_TOKEN=⟨mapbox_pk⟩",
    "<ClerkProvider publishableKey=\"⟨clerk_pk⟩\">\n  <App />\n</ClerkProvider>",
    "Our checkout page source shows ⟨pk_live⟩ — is it a problem that this is public?",
    "RECAPTCHA_SITE_KEY=⟨recaptcha_site⟩",
]


def n_publishable(F, s):
    return T(pick(half(NEG_PUBLISHABLE, s)), F)


NEG_MASKED = [
    "Your API key sk-proj-…⟨last4⟩ was used from a new location (⟨ip⟩). If this wasn't you, revoke it.",
    "AWS_ACCESS_KEY_ID=AKIA************⟨last4u⟩\nAWS_SECRET_ACCESS_KEY=****************************************",
    "Run ./scripts/deploy.sh\n  env:\n    NPM_TOKEN: ***\n    AWS_SECRET_ACCESS_KEY: ***\n    DEPLOY_ENV: production",
    "⟨ts⟩ INFO db: connecting to postgres://⟨user⟩:********@⟨host⟩:5432/⟨db⟩",
    "{\"name\": \"Authorization\", \"value\": \"Bearer [REDACTED]\"}",
    "The key ending in ⟨last4⟩ has been revoked; the new one is in the vault.",
    "Someone pasted ghp_⟨first3⟩… in #general this morning — it's been revoked already.",
    "NAME        TOKEN                      CREATED\nci-bot      glpat-••••••••••••⟨last4⟩     ⟨date⟩\nrenovate    glpat-••••••••••••⟨last4_b⟩     ⟨date2⟩",
    "Secret key   sk_live_••••••••••••••••⟨last4⟩   Reveal live key",
    "\"Env\": [\n    \"POSTGRES_USER=⟨user⟩\",\n    \"POSTGRES_PASSWORD=********\",\n    \"PGDATA=/var/lib/postgresql/data\"\n]",
    "\"spring.datasource.password\": {\n  \"value\": \"******\",\n  \"origin\": \"System Environment Property \\\"SPRING_DATASOURCE_PASSWORD\\\"\"\n}",
    "Name:         ⟨app⟩-db\nNamespace:    ⟨env⟩\nType:  Opaque\n\nData\n====\npassword:  24 bytes\nusername:  ⟨n⟩ bytes",
    "  # module.db.aws_db_instance.main will be updated in-place\n  ~ resource \"aws_db_instance\" \"main\" {\n      ~ password = (sensitive value)\n        # (42 unchanged attributes hidden)\n    }",
    "ok: [⟨hostshort⟩] => {\"censored\": \"the output has been hidden due to the fact that 'no_log: true' was specified for this result\", \"changed\": false}",
    "+ curl -u deploy:**** https://⟨host⟩/api/release",
    "Server=⟨host⟩;Database=⟨db⟩;User Id=⟨user⟩;Password=*****;",
    "$ gh secret list\nNAME               UPDATED\nAWS_ROLE_ARN       about 2 months ago\nNPM_TOKEN          about 5 days ago\nSLACK_WEBHOOK_URL  about 1 year ago",
    "password=<redacted> user=⟨user⟩ host=⟨host⟩ sslmode=require",
    "xoxb-…redacted… — I removed the token from the screenshot before sharing.",
    "Stripe says the failing requests used key rk_live_…⟨last4⟩, which was rolled yesterday.",
    "Authorization: Bearer eyJhbGciOi… (truncated in the log, the full token is never written)",
    "API token: ••••••••••••••••••••  (click to reveal)",
    "Found 1 secret: GitHub Personal Access Token ghp_⟨first3⟩*************************** in config/ci.yml line 14 (revoked)",
    "Key1: ••••••••••••••••••••••••••   Key2: ••••••••••••••••••••••••••   [Rotate]",
    "OPENAI_API_KEY=sk-****⟨last4⟩   (value masked by the settings page; the real key is in the vault)",
]


def n_masked(F, s):
    return T(pick(half(NEG_MASKED, s)), F)


NEG_IDENT = [
    "git remote add origin git@github.com:⟨repo⟩.git",
    "ssh -i ~/.ssh/id_ed25519 -p 2222 ⟨user⟩@⟨ip⟩",
    "DATABASE_URL=postgres://⟨user⟩@⟨host⟩:5432/⟨db⟩",
    "Clone it with https://⟨user⟩@bitbucket.org/⟨repo⟩.git and you'll be prompted for your app password.",
    "spring.datasource.username=⟨user⟩\nspring.datasource.url=jdbc:postgresql://⟨host⟩:5432/⟨db⟩",
    "Service account: ⟨saname⟩@⟨proj⟩.iam.gserviceaccount.com (roles/storage.objectViewer)",
    "The pipeline assumes arn:aws:iam::⟨acct12⟩:role/⟨app⟩-deploy via OIDC.",
    "Bind DN: cn=⟨user⟩,ou=Service Accounts,dc=corp,dc=local — the bind password is managed by the directory team.",
    "OAuth client ID: ⟨gclient⟩.apps.googleusercontent.com",
    "Tenant ID ⟨uuid⟩, application (client) ID ⟨uuid2⟩ — the secret itself lives in Key Vault.",
    "mongodb://⟨host⟩:27017,⟨host2⟩:27017/?replicaSet=rs0",
    "CACHE_URL=redis://⟨host⟩:6379/2",
    "From: ⟨first⟩ <⟨email⟩>\nTo: it-support@⟨domain⟩\nSubject: Can't log into ⟨svc⟩",
    "Host ⟨hostshort⟩\n    HostName ⟨ip⟩\n    User ⟨user⟩\n    Port 2222\n    IdentityFile ~/.ssh/id_ed25519",
    "SMTP relay: smtp.⟨domain⟩:587 (STARTTLS), user ⟨email⟩",
    "LDAP_URL=ldaps://⟨host⟩:636",
    "[database]\nhost = ⟨host⟩\nport = 5432\nuser = ⟨user⟩\nname = ⟨db⟩",
    "okta org: https://⟨company⟩.okta.com, client_id=0oa⟨r17⟩",
    "AWS account ⟨acct12⟩ (⟨company⟩-prod), region ⟨region⟩, bucket s3://⟨bucket⟩",
    "Connect with psql -h ⟨host⟩ -U ⟨user⟩ -d ⟨db⟩ and enter your own password when prompted.",
    "https://⟨user⟩@dev.azure.com/⟨company⟩/⟨app⟩/_git/⟨app⟩",
    "BROKER_URL=amqp://⟨host⟩:5672/%2F",
    "ftp://⟨user⟩@⟨host⟩/outgoing/",
    "kubectl config set-context ⟨env⟩ --cluster=⟨env⟩ --user=⟨user⟩ --namespace=⟨app⟩",
]


def n_ident(F, s):
    return T(pick(half(NEG_IDENT, s)), F)


NEG_ENTROPY = [
    "\"node_modules/⟨npmpkg⟩\": {\n  \"version\": \"⟨semver⟩\",\n  \"resolved\": \"https://registry.npmjs.org/⟨npmpkg⟩/-/⟨npmpkg⟩-⟨semver⟩.tgz\",\n  \"integrity\": \"sha512-⟨sha512b64⟩\",\n  \"dev\": true\n}",
    "⟨npmpkg⟩@^⟨semver⟩:\n  version \"⟨semver⟩\"\n  resolved \"https://registry.yarnpkg.com/⟨npmpkg⟩/-/⟨npmpkg⟩-⟨semver⟩.tgz#⟨sha1hex⟩\"\n  integrity sha512-⟨sha512b64⟩",
    "github.com/⟨gomod⟩ v⟨semver⟩ h1:⟨goh1⟩\ngithub.com/⟨gomod⟩ v⟨semver⟩/go.mod h1:⟨goh1_b⟩",
    "[[package]]\nname = \"⟨crate⟩\"\nversion = \"⟨semver⟩\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"⟨sha256hex⟩\"",
    "⟨pypkg⟩==⟨semver⟩ \\\n    --hash=sha256:⟨sha256hex⟩ \\\n    --hash=sha256:⟨sha256hex2⟩",
    "image: registry.⟨domain⟩/⟨app⟩@sha256:⟨sha256hex⟩",
    "⟨semver⟩: Pulling from library/⟨dockerimg⟩\nDigest: sha256:⟨sha256hex⟩\nStatus: Downloaded newer image for ⟨dockerimg⟩:⟨semver⟩",
    "commit ⟨gitsha⟩\nAuthor: ⟨first⟩ ⟨last⟩ <⟨email⟩>\nDate:   ⟨gitdate⟩\n\n    Fix retry logic in ⟨app⟩ client",
    "⟨shortsha⟩ fix: handle empty payload\n⟨shortsha2⟩ chore(deps): bump ⟨npmpkg⟩ to ⟨semver⟩\n⟨shortsha3⟩ feat: add export endpoint",
    "⟨sha256hex⟩  ⟨app⟩-⟨semver⟩-linux-amd64.tar.gz\n⟨sha256hex2⟩  ⟨app⟩-⟨semver⟩-darwin-arm64.tar.gz",
    "⟨ts⟩ INFO request_id=⟨uuid⟩ method=GET path=/api/orders status=200 duration_ms=⟨n3⟩",
    "traceparent: 00-⟨hex32⟩-⟨hex16⟩-01\ntracestate: ⟨company⟩=⟨hex16_b⟩",
    "metadata:\n  name: ⟨app⟩-⟨podhash⟩\n  namespace: ⟨env⟩\n  uid: ⟨uuid⟩\n  resourceVersion: \"⟨n6⟩\"",
    "<img alt=\"logo\" width=\"32\" src=\"data:image/png;base64,⟨pngdata⟩\">",
    "2025-10-01 12:00:01   ⟨n6⟩ raw/⟨date⟩/part-00000-⟨uuid⟩-c000.snappy.parquet",
    ":root {\n  --brand-primary: #⟨hex6⟩;\n  --brand-secondary: #⟨hex6_b⟩;\n  --surface: #⟨hex6_c⟩;\n  --accent: #⟨hex6_d⟩;\n}",
    "!function(e,t){\"use strict\";var ⟨jsid⟩=t(⟨n3⟩),⟨jsid2⟩=t(⟨n3_b⟩);e.exports=function(n){return ⟨jsid⟩.a(n,⟨jsid2⟩.b)}}(module,require);",
    "HTTP/1.1 200 OK\nx-amz-id-2: ⟨amzid2⟩\nx-amz-request-id: ⟨hex16u⟩\nETag: \"⟨hex32⟩\"\nContent-Type: application/octet-stream",
    "version https://git-lfs.github.com/spec/v1\noid sha256:⟨sha256hex⟩\nsize ⟨n6⟩",
    "<script src=\"https://cdn.jsdelivr.net/npm/⟨npmpkg⟩@⟨semver⟩/dist/⟨npmpkg⟩.min.js\" integrity=\"sha384-⟨sha384b64⟩\" crossorigin=\"anonymous\"></script>",
    "The authenticity of host '⟨host⟩ (⟨ip⟩)' can't be established.\nED25519 key fingerprint is SHA256:⟨fp⟩.\nAre you sure you want to continue connecting (yes/no/[fingerprint])?",
    "pub   rsa4096 2023-03-14 [SC] [expires: 2027-03-13]\n      ⟨hex40u⟩\nuid           [ultimate] ⟨first⟩ ⟨last⟩ <⟨email⟩>",
    "{\"_id\": {\"$oid\": \"⟨oid⟩\"}, \"status\": \"shipped\", \"customer\": {\"$oid\": \"⟨oid2⟩\"}}",
    "Payment ⟨stripe_pi⟩ for customer ⟨stripe_cus⟩ failed with card_declined; invoice ⟨stripe_in⟩ stays open.",
    "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n⟨mimeb64⟩",
    "dist/assets/index-⟨hex8⟩.js   245.31 kB │ gzip: 79.02 kB\ndist/assets/index-⟨hex8_b⟩.css   18.77 kB │ gzip: 4.10 kB",
    "Cache restored from key: node-cache-Linux-x64-npm-⟨sha256hex⟩",
    "/subscriptions/⟨uuid⟩/resourceGroups/rg-⟨app⟩-prod/providers/Microsoft.Web/sites/⟨app⟩-api",
    "CONTAINER ID   IMAGE              STATUS\n⟨hex12⟩   ⟨dockerimg⟩:latest   Up 3 hours\n⟨hex12_b⟩   redis:7            Up 3 hours",
    "Sentry event ⟨hex32⟩ — TypeError: Cannot read properties of undefined (reading 'id')",
    "Watch the recording: https://youtu.be/⟨ytid⟩ (starts at 12:40)",
    "ipfs://⟨cid⟩/metadata.json",
    "md5sum backup-⟨date⟩.tar.gz\n⟨hex32⟩  backup-⟨date⟩.tar.gz",
    "Order ⟨uuid⟩ shipped; tracking 1Z⟨hex16u⟩, invoice INV-⟨n6⟩.",
]


def n_entropy(F, s):
    return T(pick(half(NEG_ENTROPY, s)), F)


# ==========================================================================
# driver
# ==========================================================================
SECRET_PLAN = [("passwords_prose", g_pw_prose, 35), ("command_line", g_cmd, 34),
               ("config_file", g_cfg, 35), ("provider_key", None, 44), ("http_auth", g_http, 28)]
NEG_PLAN = [("prose", n_prose, 22), ("placeholder", n_placeholder, 28), ("example_key", n_example, 16),
            ("high_entropy", n_entropy, 28), ("public_key", n_public, 12),
            ("publishable_key", n_publishable, 8), ("masked", n_masked, 16), ("identifier", n_ident, 14)]
MAX_ATTEMPTS = 400


def build_plan():
    plan = []
    for group, fn, n in SECRET_PLAN:
        if group == "provider_key":
            names = [p["name"] for p in PROVIDERS] + PROV_EXTRA
            assert len(names) == n, (len(names), n)
            for name in names:
                plan.append((group, "secret", (lambda F, s, nm=name: g_provider(F, s, nm)), name))
        else:
            plan += [(group, "secret", fn, None)] * n
    for group, fn, n in NEG_PLAN:
        plan += [(group, "not_secret", fn, None)] * n
    return plan


def mask(text, ents):
    out, pos = [], 0
    for e in sorted(ents, key=lambda x: x["start"]):
        out.append(text[pos:e["start"]])
        out.append("\u2588")
        pos = e["end"]
    out.append(text[pos:])
    return "".join(out)


def too_similar(m, dev_masked):
    sm = difflib.SequenceMatcher(None)
    sm.set_seq2(m)
    for d in dev_masked:
        sm.set_seq1(d)
        if sm.real_quick_ratio() > SIM_MAX and sm.quick_ratio() > SIM_MAX and sm.ratio() > SIM_MAX:
            return True
    return False


def row_type(label, group, ents):
    if label == "not_secret":
        return group
    for e in ents:
        if e["type"] != "access_key_id":
            return e["type"]
    return ents[0]["type"]


def build_split(s, seen, dev_masked, stats):
    rows = []
    for group, label, fn, sub in build_plan():
        for _ in range(MAX_ATTEMPTS):
            F = Fill()
            text, ents = assemble(fn(F, s))
            if (label == "secret") != bool(ents):
                raise RuntimeError("label/entity mismatch in %s: %r" % (group, text[:80]))
            if text in seen:
                continue
            m = mask(text, ents)
            if s == 1 and too_similar(m, dev_masked):
                stats["redraws"] += 1
                continue
            break
        else:
            raise RuntimeError("could not draw a dissimilar row for %s/%s" % (group, sub))
        seen.add(text)
        rows.append({"_group": group, "_sub": sub, "_masked": m, "text": text, "label": label,
                     "type": row_type(label, group, ents), "entities": ents})
    R.shuffle(rows)
    out = []
    for i, r in enumerate(rows):
        r["id"] = "g2-%s-%03d" % (SPLITS[s], i)
        out.append(r)
    return out


def public_row(r):
    return {"id": r["id"], "text": r["text"], "label": r["label"], "type": r["type"],
            "entities": [{"type": e["type"], "start": e["start"], "end": e["end"], "value": e["value"]} for e in r["entities"]],
            "spans_known": True, "source": dict(SOURCE)}


def validate(rows_by_split):
    ids = set()
    secret_values = set()
    for rows in rows_by_split:
        for r in rows:
            assert r["id"] not in ids, r["id"]
            ids.add(r["id"])
            t = r["text"]
            assert "⟨" not in t and "⟩" not in t, r["id"]
            last_end = -1
            for e in r["entities"]:
                assert t[e["start"]:e["end"]] == e["value"], (r["id"], e)
                assert e["start"] >= last_end, ("overlap", r["id"])
                last_end = e["end"]
                assert clean(e["value"]), ("marker in secret value", r["id"], e["value"])
                assert len(e["value"]) >= 8, ("short secret", r["id"], e["value"])
                secret_values.add(e["value"])
            if r["label"] == "secret":
                assert r["entities"], r["id"]
            else:
                assert not r["entities"], r["id"]
    for rows in rows_by_split:
        for r in rows:
            if r["label"] == "not_secret":
                for v in secret_values:
                    assert v not in r["text"], ("secret value inside a negative", r["id"])


def table(title, counter_dev, counter_ho, keys=None):
    keys = keys or sorted(set(counter_dev) | set(counter_ho))
    w = max([len(title)] + [len(k) for k in keys])
    lines_ = ["| %s | dev | holdout |" % title.ljust(w), "|%s|----:|--------:|" % ("-" * (w + 2))]
    for k in keys:
        lines_.append("| %s | %3d | %7d |" % (k.ljust(w), counter_dev.get(k, 0), counter_ho.get(k, 0)))
    lines_.append("| %s | %3d | %7d |" % ("**total**".ljust(w), sum(counter_dev.values()), sum(counter_ho.values())))
    return "\n".join(lines_)


def count(rows, key):
    c = {}
    for r in rows:
        for k in key(r):
            c[k] = c.get(k, 0) + 1
    return c


def main():
    stats = {"redraws": 0}
    seen = set()
    dev = build_split(0, seen, [], stats)
    holdout = build_split(1, seen, [r["_masked"] for r in dev], stats)
    validate([dev, holdout])
    for name, rows in (("dev.jsonl", dev), ("holdout.jsonl", holdout)):
        with open(name, "w", encoding="utf-8", newline="\n") as fh:
            for r in rows:
                fh.write(json.dumps(public_row(r), ensure_ascii=False) + "\n")
    # re-read and re-check what was written
    for name in ("dev.jsonl", "holdout.jsonl"):
        with open(name, encoding="utf-8") as fh:
            for line in fh:
                o = json.loads(line)
                assert list(o) == ["id", "text", "label", "type", "entities", "spans_known", "source"]
                for e in o["entities"]:
                    assert o["text"][e["start"]:e["end"]] == e["value"]
    print(table("label", count(dev, lambda r: [r["label"]]), count(holdout, lambda r: [r["label"]])))
    print()
    print(table("group (secret rows)", count([r for r in dev if r["label"] == "secret"], lambda r: [r["_group"]]),
                count([r for r in holdout if r["label"] == "secret"], lambda r: [r["_group"]]),
                [g for g, _, _ in SECRET_PLAN]))
    print()
    print(table("type (secret rows)", count([r for r in dev if r["label"] == "secret"], lambda r: [r["type"]]),
                count([r for r in holdout if r["label"] == "secret"], lambda r: [r["type"]])))
    print()
    print(table("type (not_secret rows)", count([r for r in dev if r["label"] == "not_secret"], lambda r: [r["type"]]),
                count([r for r in holdout if r["label"] == "not_secret"], lambda r: [r["type"]]),
                [g for g, _, _ in NEG_PLAN]))
    print()
    print(table("entity type", count(dev, lambda r: [e["type"] for e in r["entities"]]),
                count(holdout, lambda r: [e["type"] for e in r["entities"]])))
    print()
    print(table("provider (provider_key rows)", count([r for r in dev if r["_sub"]], lambda r: [r["_sub"]]),
                count([r for r in holdout if r["_sub"]], lambda r: [r["_sub"]])))
    print()
    print("holdout redraws for similarity > %.2f: %d" % (SIM_MAX, stats["redraws"]), file=sys.stderr)


if __name__ == "__main__":
    main()
