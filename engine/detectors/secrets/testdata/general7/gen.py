#!/usr/bin/env python3
"""general7 -- blind hold-out set for the Parapet secrets detector.

Every row comes from one hand-written template below; each template is used
exactly once.  Standard library only, deterministic.

    python3 gen.py            write holdout.jsonl and validate it
    python3 gen.py --check    rebuild in memory and compare byte for byte
    python3 gen.py --stats    print counts (groups, languages, kinds)

Template t draws from random.Random(SEED + "/" + t); the row order comes from
random.Random(SEED).  String seeds are hashed with SHA-512 by Python, so the
output does not depend on PYTHONHASHSEED.
"""
import argparse
import base64
import json
import os
import random
import re
import string
import sys
import textwrap
import unicodedata
import uuid

SEED = "parapet/general7/holdout/v1"
REPO = "handwritten/general7"
ID_PREFIX = "sg7-"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "pl": "Polish",
    "ru": "Russian", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
    "tr": "Turkish", "sv": "Swedish",
}

GROUPS = [
    ("k8s", "Kubernetes manifests, Helm values, kustomize, kubectl"),
    ("compose", "docker-compose files, Dockerfiles, compose .env"),
    ("systemd", "systemd units and overrides, supervisord"),
    ("ansible", "Ansible inventories, group_vars / host_vars, tasks"),
    ("shellhist", "shell history: bash, zsh, fish, PowerShell"),
    ("dotfiles", "dotfiles: .npmrc, .pypirc, .netrc, .git-credentials, docker config.json, .m2, NuGet, .s3cfg, rclone.conf, ssh/git config"),
    ("framework", "web framework settings: Spring, WordPress, Laravel, Rails, Django, ASP.NET, Symfony"),
    ("crash", "crash reports, stack traces and error-tracker / APM event payloads"),
    ("messages", "Slack and Teams messages and exports"),
    ("wiki", "Confluence and Notion pages"),
    ("onboarding", "vendor onboarding / welcome emails"),
    ("monitoring", "Prometheus, Alertmanager, Grafana, OTel, agent configs"),
    ("webserver", "nginx, Apache, HAProxy, Traefik, Caddy, htpasswd"),
    ("identity", "LDAP, SAML, OIDC, Keycloak, JWK / JWKS"),
    ("network", "VPN (WireGuard, OpenVPN, IPsec), routers, SNMP, RADIUS"),
    ("cloudcli", "cloud CLI output (aws, az, gcloud, hcloud, ibmcloud)"),
    ("payments", "payment gateways and webhook signing secrets"),
    ("llm", "model-provider keys in code and tool configs"),
    ("datastore", "Redis, MongoDB, Elasticsearch, Neo4j, Snowflake, Databricks"),
    ("platform", "Vault, Doppler, 1Password, Pulumi, Terraform Cloud, Netlify, Vercel, Atlassian, Auth0"),
    ("keys", "age, PGP, SSH keys, TOTP seeds, recovery codes"),
]
GROUP_NAMES = [g for g, _ in GROUPS]

# Published documentation examples: never marked as secrets.
DOC_EXAMPLES = [
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
]

# --------------------------------------------------------------------------
# registry

REGISTRY = []


def _reg(group, lang, label, kind):
    assert group in GROUP_NAMES, group
    assert lang in LANGS, lang

    def deco(fn):
        REGISTRY.append({"name": fn.__name__, "group": group, "lang": lang,
                         "label": label, "kind": kind, "fn": fn})
        return fn
    return deco


def sec(group, lang, kind):
    return _reg(group, lang, "secret", kind)


def neg(group, lang, kind):
    return _reg(group, lang, "not_secret", kind)


# --------------------------------------------------------------------------
# span markers and text templates

_O, _M, _C = "\x02", "\x1f", "\x03"
_SPAN = re.compile("\x02([a-z0-9_]+)\x1f(.*?)\x03", re.S)
_PH = re.compile("\u27e6([a-z0-9_]+)\u27e7")


def S(kind, value):
    """Mark value as a secret span of the given entity type."""
    assert value and value == value.strip(), repr(value)
    assert not any(c in value for c in (_O, _M, _C))
    return _O + kind + _M + value + _C


def F(tmpl, **kw):
    """Dedent a template and fill its \u27e6name\u27e7 placeholders."""
    t = textwrap.dedent(tmpl)
    if t.startswith("\n"):
        t = t[1:]
    t = t.rstrip()
    used = []

    def sub(m):
        used.append(m.group(1))
        return kw[m.group(1)]
    t = _PH.sub(sub, t)
    assert sorted(set(used)) == sorted(kw), (sorted(set(used)), sorted(kw))
    return t


def render(marked):
    out, ents, pos, n = [], [], 0, 0
    for m in _SPAN.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        n += len(chunk)
        v = m.group(2)
        ents.append({"type": m.group(1), "start": n, "end": n + len(v), "value": v})
        out.append(v)
        n += len(v)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    assert not any(c in text for c in (_O, _M, _C, "\u27e6", "\u27e7")), text[:80]
    return text, ents


# --------------------------------------------------------------------------
# random values

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
HEX = "0123456789abcdef"
HEXU = HEX.upper()
B64 = AN + "+/"
B64U = AN + "-_"
B32 = UP + "234567"
BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
CRYPT = "./" + DG + UP + LO


def rs(r, alpha, n):
    return "".join(r.choice(alpha) for _ in range(n))


def rb(r, n):
    return bytes(r.getrandbits(8) for _ in range(n))


def b64(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return base64.b64encode(data).decode("ascii")


def b64u_nopad(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def uid(r):
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def hexs(r, n):
    return rs(r, HEX, n)


def digits(r, n):
    return str(r.randint(1, 9)) + rs(r, DG, n - 1)


def wrap(s, w=64):
    return "\n".join(s[i:i + w] for i in range(0, len(s), w))


def pem(r, label, prefix_b64="", nbytes=1190, width=64):
    body = base64.b64encode(base64.b64decode(prefix_b64) + rb(r, nbytes)).decode()
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (label, wrap(body, width), label)


def rsa_pem(r):
    return pem(r, "RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA", 1180)


def pkcs8_pem(r):
    return pem(r, "PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIB", 1180)


def ec_pem(r):
    return pem(r, "EC PRIVATE KEY", "MHcCAQEE", 113)


def cert_pem(r):
    return pem(r, "CERTIFICATE", "MIIDXzCCAkegAwIBAgIU", 850)


def openssh_ed25519(r, comment="user@host"):
    def s(b):
        return len(b).to_bytes(4, "big") + b
    pub = rb(r, 32)
    pubblob = s(b"ssh-ed25519") + s(pub)
    chk = rb(r, 4)
    priv = (chk + chk + s(b"ssh-ed25519") + s(pub) + s(rb(r, 32) + pub)
            + s(comment.encode()))
    priv += bytes(range(1, 1 + (-len(priv)) % 8))
    blob = (b"openssh-key-v1\x00" + s(b"none") + s(b"none") + s(b"")
            + (1).to_bytes(4, "big") + s(pubblob) + s(priv))
    body = base64.b64encode(blob).decode()
    return ("-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----"
            % wrap(body, 70))


def ssh_ed25519_pub(r, comment):
    def s(b):
        return len(b).to_bytes(4, "big") + b
    return "ssh-ed25519 " + b64(s(b"ssh-ed25519") + s(rb(r, 32))) + " " + comment


def ssh_rsa_pub(r, comment):
    def s(b):
        return len(b).to_bytes(4, "big") + b
    n = b"\x00" + bytes([r.randint(0xc0, 0xff)]) + rb(r, 255)
    return "ssh-rsa " + b64(s(b"ssh-rsa") + s(b"\x01\x00\x01") + s(n)) + " " + comment


def _crc24(data):
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def pgp_block(r, private, comment=None, nbytes=None):
    if private:
        data = b"\x94\x58\x04" + rb(r, nbytes or 640)
        label = "PGP PRIVATE KEY BLOCK"
    else:
        data = b"\x98\x33\x04" + rb(r, nbytes or 560)
        label = "PGP PUBLIC KEY BLOCK"
    crc = b64(_crc24(data).to_bytes(3, "big"))
    head = "-----BEGIN %s-----\n" % label
    if comment:
        head += "Comment: %s\n" % comment
    return head + "\n" + wrap(b64(data), 64) + "\n=" + crc + "\n-----END %s-----" % label


def jwt(r, payload, alg="HS256", sig_bytes=32):
    h = b64u_nopad(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")))
    p = b64u_nopad(json.dumps(payload, separators=(",", ":")))
    return h + "." + p + "." + b64u_nopad(rb(r, sig_bytes))


def wg_key(r):
    return b64(rb(r, 32))


# credential shapes -------------------------------------------------------

def aws_id(r, prefix="AKIA"):
    return prefix + rs(r, B32, 16)


def aws_secret(r):
    return rs(r, B64, 40)


def aws_session(r):
    return "IQoJb3JpZ2luX2VjE" + rs(r, B64, 411) + "="


def ghp(r):
    return "ghp_" + rs(r, AN, 36)


def ghs(r):
    return "ghs_" + rs(r, AN, 36)


def glpat(r):
    return "glpat-" + rs(r, AN + "-_", 20)


def npm_tok(r):
    return "npm_" + rs(r, AN, 36)


def pypi_tok(r):
    return "pypi-AgEIcHlwaS5vcmcCJD" + rs(r, B64U, 157)


def slack_webhook(r):
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (
        rs(r, UP + DG, 10), rs(r, UP + DG, 10), rs(r, AN, 24))


def xoxb(r):
    return "xoxb-%s-%s-%s" % (digits(r, 12), digits(r, 13), rs(r, AN, 24))


def sendgrid(r):
    return "SG." + rs(r, B64U, 22) + "." + rs(r, B64U, 43)


def azure_secret(r):
    return rs(r, AN, 3) + "8Q~" + rs(r, AN + "~_.-", 34)


def azdo_pat(r):
    return rs(r, LO + "234567", 52)


def datadog_api(r):
    return hexs(r, 32)


def datadog_app(r):
    return hexs(r, 40)


def glc(r, stack):
    body = json.dumps({"o": digits(r, 6), "n": stack, "k": rs(r, AN, 24),
                       "m": {"r": "prod-eu-west-2"}}, separators=(",", ":"))
    return "glc_" + b64(body)


def glsa(r):
    return "glsa_" + rs(r, AN, 32) + "_" + hexs(r, 8)


def hcaik(r):
    return "hcaik_01" + rs(r, "0123456789abcdefghjkmnpqrstvwxyz", 56)


def nrak(r):
    return "NRAK-" + rs(r, UP + DG, 27)


def nr_license(r):
    return hexs(r, 36) + "NRAL"


def vault_hvs(r, long=False):
    if long:
        return "hvs.CAESI" + rs(r, B64U, 82) + "Gh4KHGh2cy4" + rs(r, AN, 22)
    return "hvs." + rs(r, AN, 24)


def age_secret(r):
    return "AGE-SECRET-KEY-1" + rs(r, BECH.upper(), 58)


def age_public(r):
    return "age1" + rs(r, BECH, 58)


def bcrypt_hash(r, v="2b", cost=12):
    return "$%s$%02d$%s" % (v, cost, rs(r, CRYPT, 53))


def sha512_crypt(r):
    return "$6$%s$%s" % (rs(r, CRYPT, 16), rs(r, CRYPT, 86))


def argon2_hash(r):
    return "$argon2id$v=19$m=65536,t=3,p=4$%s$%s" % (
        b64(rb(r, 16)).rstrip("="), b64(rb(r, 32)).rstrip("="))


def sops_enc(r, plain_len, typ="str"):
    return "ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:%s]" % (
        b64(rb(r, plain_len)), b64(rb(r, 32)), b64(rb(r, 16)), typ)


# passwords -----------------------------------------------------------------

WORDS = {
    "en": ["copper", "harbor", "maple", "falcon", "sunset", "thunder", "pepper",
           "orchid", "lantern", "meadow", "biscuit", "granite", "walrus", "velvet"],
    "de": ["Sonnenblume", "Schmetterling", "Apfelbaum", "Eichhörnchen", "Bergwerk",
           "Kaffeetasse", "Frühling", "Wanderweg", "Regenbogen", "Zugspitze",
           "Brezel", "Feuerwehr", "Maulwurf", "Käsekuchen"],
    "fr": ["soleil", "papillon", "chocolat", "fromage", "citron", "printemps",
           "château", "étoile", "mistral", "baguette", "lavande", "grenouille",
           "marmotte", "crêpe"],
    "es": ["mariposa", "girasol", "corazón", "montaña", "tortuga", "naranja",
           "guitarra", "estrella", "flamenco", "tormenta", "churro", "pingüino",
           "alcachofa", "sardina"],
    "pt": ["saudade", "abacaxi", "cachorro", "estrela", "futebol", "passarinho",
           "coração", "limão", "jabuticaba", "maracujá", "farol", "sertão",
           "goiaba", "caju"],
    "it": ["girasole", "farfalla", "tramonto", "limoncello", "pomodoro", "montagna",
           "gelato", "cavallo", "primavera", "vespa", "basilico", "carciofo",
           "lucciola", "tiramisù"],
    "nl": ["tulpen", "fietsbel", "stroopwafel", "windmolen", "zonnebloem", "kikker",
           "regenboog", "grachten", "hagelslag", "vlinder", "kaasboer", "drop",
           "polder", "klompen"],
    "pl": ["kwiatek", "słoneczko", "wiewiórka", "pierogi", "zamek", "jesień",
           "biedronka", "kotek", "żubr", "bursztyn", "malina", "krasnal",
           "szarlotka", "czereśnia"],
    "ru": ["solnyshko", "kotenok", "zvezda", "berezka", "medved", "vesna",
           "matryoshka", "ghbdtn", "vjcrdf", "rjirf", "lfxf", "pelmeni",
           "samovar", "babushka"],
    "zh": ["woaini", "zhongguo", "xiaobai", "tianshi", "laohu", "huanghe",
           "meihua", "wangzi", "xingxing", "shanghai", "xiongmao", "baozi",
           "jiayou", "longmen"],
    "ja": ["sakura", "tanuki", "neko", "fujisan", "hanabi", "kitsune", "momiji",
           "ramen", "sora", "tsubasa", "onigiri", "matcha", "hotaru", "daruma"],
    "ko": ["saranghae", "haneul", "byeol", "gangaji", "hodu", "bada", "namu",
           "dalbit", "kimchi", "hangang", "nabi", "tteokbokki", "bibimbap",
           "hodugwaja"],
    "tr": ["galatasaray", "kelebek", "papatya", "güneş", "deniz", "aslan",
           "bülbül", "çiçek", "karadeniz", "simit", "yıldız", "lokum",
           "kaplumbağa", "boğaz"],
    "sv": ["blåbär", "kanelbulle", "älgen", "sommar", "fjäril", "midsommar",
           "hallon", "snögubbe", "lingon", "fika", "granen", "kräfta",
           "korvstånd", "trollet"],
}
SEASONS = {
    "en": ["Spring", "Summer", "Autumn", "Winter"],
    "de": ["Fruehling", "Sommer", "Herbst", "Winter"],
    "fr": ["Printemps", "Ete", "Automne", "Hiver"],
    "es": ["Primavera", "Verano", "Otono", "Invierno"],
    "pt": ["Primavera", "Verao", "Outono", "Inverno"],
    "it": ["Primavera", "Estate", "Autunno", "Inverno"],
    "nl": ["Lente", "Zomer", "Herfst", "Winter"],
    "pl": ["Wiosna", "Lato", "Jesien", "Zima"],
    "ru": ["Vesna", "Leto", "Osen", "Zima"],
    "zh": ["Chuntian", "Xiatian", "Qiutian", "Dongtian"],
    "ja": ["Haru", "Natsu", "Aki", "Fuyu"],
    "ko": ["Bom", "Yeoreum", "Gaeul", "Gyeoul"],
    "tr": ["Ilkbahar", "Yaz", "Sonbahar", "Kis"],
    "sv": ["Var", "Sommar", "Host", "Vinter"],
}
WALKS = ["1qaz2wsx", "1q2w3e4r", "qwertz", "azerty", "zxcvbn", "asdfgh", "qazwsx",
         "1qay2wsx", "poiuyt", "mnbvcx", "123qwe", "zaq12wsx"]
SYM = "!#*-_.+?@=^~"
URLSYM = "-._~!*"
STYLES = ["wordyear", "leet", "phrase", "random", "walk", "mixed", "season"]
_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def ascii_fold(s):
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def cap(w):
    return w[:1].upper() + w[1:]


def pw(r, lang="en", url=False, sym=None, style=None, ascii_only=False):
    """A human-made password: words of the language, years, digits, symbols."""
    if sym is None:
        sym = URLSYM if url else SYM
    words = WORDS[lang]
    if url or ascii_only:
        words = [ascii_fold(w) for w in words]
    w = r.choice(words)
    w2 = r.choice([x for x in words if x != w])
    style = style or r.choice(STYLES)

    def s():
        return r.choice(sym) if sym else ""
    if style == "wordyear":
        p = cap(w) + str(r.randint(1971, 2024)) + s()
    elif style == "leet":
        p = "".join(_LEET.get(c, c) if r.random() < 0.6 else c for c in cap(w))
        p = p + s() + str(r.randint(10, 99))
    elif style == "phrase":
        seps = [c for c in "-._" if c in sym] or [""]
        sep = r.choice(seps)
        ws = r.sample(words, 3)
        i = r.randrange(3)
        ws[i] = cap(ws[i])
        p = sep.join(ws) + sep + str(r.randint(2, 99))
    elif style == "random":
        while True:
            p = r.choice(AN) + rs(r, AN + sym * 2, r.randint(13, 19))
            if (any(c in DG for c in p) and any(c in UP for c in p)
                    and any(c in LO for c in p)):
                break
    elif style == "walk":
        p = r.choice(WALKS) + s() + cap(w)
    elif style == "mixed":
        p = cap(w) + s() + w2 + str(r.randint(10, 99))
    elif style == "season":
        p = r.choice(SEASONS[lang]) + str(r.randint(2019, 2025)) + s()
    else:
        raise ValueError(style)
    if len(p) < 10:
        p += str(r.randint(100, 999))
    assert p[0].isalnum(), p
    return p



# ==========================================================================
# k8s -- Kubernetes manifests, Helm values, kustomize, kubectl

@sec("k8s", "en", "k8s_secret_data")
def k8s_secret_data_db(r):
    p = pw(r, "en")
    return F("""
        My orders-api pod keeps failing with "password authentication failed for user orders_app". Here's the Secret it mounts -- is the encoding wrong somewhere?

        apiVersion: v1
        kind: Secret
        metadata:
          name: orders-db
          namespace: orders
        type: Opaque
        data:
          DB_USER: ⟦u⟧
          DB_PASSWORD: ⟦p⟧
          DB_HOST: ⟦h⟧
          DB_PORT: NTQzMg==
        """, u=b64("orders_app"), p=S("k8s_secret_data", b64(p)),
        h=b64("orders-pg.orders.svc.cluster.local"))


@sec("k8s", "de", "password")
def k8s_stringdata_smtp(r):
    return F("""
        Frage zu stringData: Wenn ich das so mit kubectl apply einspiele, liegt das Passwort dann im Klartext in etcd? Unser Mailversand im Namespace „shop“ nutzt genau dieses Objekt:

        apiVersion: v1
        kind: Secret
        metadata:
          name: smtp-relay
          namespace: shop
        type: Opaque
        stringData:
          SMTP_HOST: mail.your-server.de
          SMTP_PORT: "587"
          SMTP_USER: noreply@kaufhaus-lindner.de
          SMTP_PASSWORD: "⟦p⟧"
        """, p=S("password", pw(r, "de")))


@sec("k8s", "fr", "password")
def helm_values_redis(r):
    return F("""
        Le chart bitnami/redis refuse de démarrer depuis la montée en 19.x (les sentinelles redémarrent en boucle). Voici mon values-prod.yaml, vous voyez quelque chose de louche ?

        architecture: replication
        auth:
          enabled: true
          sentinel: true
          password: "⟦p⟧"
        master:
          persistence:
            size: 8Gi
        replica:
          replicaCount: 3
        sentinel:
          enabled: true
          quorum: 2
        """, p=S("password", pw(r, "fr")))


@sec("k8s", "en", "k8s_secret_data")
def k8s_tls_secret_key(r):
    crt = b64(cert_pem(r) + "\n")
    key = b64(rsa_pem(r) + "\n")
    return F("""
        cert-manager stopped renewing this one and the ingress serves the old cert. Output of `kubectl -n storefront get secret storefront-tls -o yaml` below -- does the secret look sane?

        apiVersion: v1
        data:
          tls.crt: ⟦crt⟧
          tls.key: ⟦key⟧
        kind: Secret
        metadata:
          annotations:
            cert-manager.io/certificate-name: storefront-tls
            cert-manager.io/issuer-name: letsencrypt-prod
          name: storefront-tls
          namespace: storefront
        type: kubernetes.io/tls
        """, crt=crt, key=S("k8s_secret_data", key))


@sec("k8s", "ja", "datadog_api_key")
def helm_values_datadog(r):
    return F("""
        Datadog の Helm チャートで Agent を入れたのですが、ノードが UI に一台も出てきません。values.yaml はこれです。どこがおかしいでしょうか？

        datadog:
          site: ap1.datadoghq.com
          apiKey: ⟦a⟧
          appKey: ⟦b⟧
          clusterName: prod-tokyo
          logs:
            enabled: true
            containerCollectAll: true
        clusterAgent:
          enabled: true
          replicas: 2
        """, a=S("datadog_api_key", datadog_api(r)), b=S("datadog_app_key", datadog_app(r)))


@sec("k8s", "pl", "k8s_secret_data")
def k8s_dockerconfigjson(r):
    user = "robot$magazyn+ci"
    secret = rs(r, AN, 32)
    cfg = json.dumps({"auths": {"harbor.firma-logistyka.pl": {
        "username": user, "password": secret, "auth": b64(user + ":" + secret)}}},
        separators=(",", ":"))
    return F("""
        Pody wiszą w ImagePullBackOff z komunikatem „unauthorized: authentication required”. Sekret wygląda tak -- czy coś jest nie tak z formatem?

        apiVersion: v1
        kind: Secret
        metadata:
          name: harbor-pull
          namespace: magazyn
        type: kubernetes.io/dockerconfigjson
        data:
          .dockerconfigjson: ⟦c⟧
        """, c=S("k8s_secret_data", b64(cfg)))


@sec("k8s", "es", "password")
def kubectl_create_secret_literal(r):
    return F("""
        ¿Este comando deja la contraseña en el historial del bastión? Lo ejecuté tal cual y ahora me preocupa:

        kubectl -n facturacion create secret generic mysql-facturacion \\
          --from-literal=MYSQL_USER=facturas \\
          --from-literal=MYSQL_PASSWORD='⟦p⟧' \\
          --dry-run=client -o yaml | kubectl apply -f -
        """, p=S("password", pw(r, "es", sym="!#*-_.+?@=^~")))


@sec("k8s", "zh", "gitlab_runner_token")
def helm_install_gitlab_runner(r):
    tok = "glrt-" + rs(r, AN + "-_", 20)
    return F("""
        用下面的命令安装 gitlab-runner，Pod 日志一直报 "unregistered runner"，是不是 token 传错了？

        helm upgrade --install gitlab-runner gitlab/gitlab-runner \\
          -n ci --create-namespace \\
          --set gitlabUrl=https://git.huadong-tech.cn/ \\
          --set runnerToken=⟦t⟧ \\
          --set rbac.create=true \\
          --set concurrent=4
        """, t=S("gitlab_runner_token", tok))


@sec("k8s", "en", "stripe_secret_key")
def kustomize_secret_generator(r):
    return F("""
        I read that kustomize appends a hash suffix to generated secrets so pods roll on change. Is this kustomization right for that?

        resources:
          - deployment.yaml
          - service.yaml
        secretGenerator:
          - name: payment-keys
            literals:
              - STRIPE_SECRET_KEY=⟦k⟧
              - STRIPE_PRICE_ID=price_1⟦pid⟧
        generatorOptions:
          disableNameSuffixHash: false
        """, k=S("stripe_secret_key", "sk_live_51" + rs(r, AN, 97)), pid=rs(r, AN, 23))


@neg("k8s", "en", "secret_reference")
def k8s_secretkeyref(r):
    return F("""
        Can you convert these env entries to a single envFrom? Current container spec:

            containers:
              - name: billing-worker
                image: registry.internal/billing-worker:2.14.1
                env:
                  - name: DATABASE_PASSWORD
                    valueFrom:
                      secretKeyRef:
                        name: billing-db
                        key: password
                  - name: STRIPE_API_KEY
                    valueFrom:
                      secretKeyRef:
                        name: billing-stripe
                        key: api-key
                        optional: false
                envFrom:
                  - configMapRef:
                      name: billing-config
        """)


@neg("k8s", "de", "sealed_secret")
def k8s_sealed_secret(r):
    def enc():
        return b64(b"\x02\x00" + rb(r, r.randint(520, 560)))
    return F("""
        Darf diese Datei so ins öffentliche GitHub-Repo? Erzeugt mit `kubeseal --format yaml --controller-namespace kube-system < secret.yaml`:

        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata:
          name: newsletter-api
          namespace: marketing
        spec:
          encryptedData:
            MAILJET_API_KEY: ⟦a⟧
            MAILJET_SECRET_KEY: ⟦b⟧
          template:
            metadata:
              name: newsletter-api
              namespace: marketing
        """, a=enc(), b=enc())


@neg("k8s", "fr", "sops_encrypted")
def k8s_sops_secret(r):
    age_blob = wrap(b64(b"age-encryption.org/v1\n-> X25519 " + rb(r, 180)), 64)
    return F("""
        Pouvez-vous m'expliquer à quoi sert chaque champ du bloc « sops » ? Le fichier a été chiffré avec `sops --encrypt --age age1... --encrypted-regex '^(data|stringData)$'`.

        apiVersion: v1
        kind: Secret
        metadata:
          name: facturation-api
        type: Opaque
        stringData:
          PG_PASSWORD: ⟦a⟧
          BREVO_API_KEY: ⟦b⟧
        sops:
          age:
            - recipient: ⟦rec⟧
              enc: |
                -----BEGIN AGE ENCRYPTED FILE-----
                ⟦blob⟧
                -----END AGE ENCRYPTED FILE-----
          lastmodified: "2026-10-03T08:41:17Z"
          mac: ⟦mac⟧
          encrypted_regex: ^(data|stringData)$
          version: 3.9.1
        """, a=sops_enc(r, 18), b=sops_enc(r, 89), rec=age_public(r),
        blob=age_blob.replace("\n", "\n        "), mac=sops_enc(r, 32))


@neg("k8s", "en", "base64_data")
def k8s_configmap_binarydata(r):
    flags = json.dumps({"checkout_v2": True, "wishlist": False, "banner": "black-friday",
                        "rollout_percent": 25}, separators=(",", ":"))
    return F("""
        Why does kubectl print this ConfigMap field as base64? Is it encrypted, and do I need to treat it like a Secret?

        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: storefront-flags
          namespace: storefront
        data:
          LOG_LEVEL: info
          REGION: eu-central-1
        binaryData:
          feature-flags.json: ⟦f⟧
        """, f=b64(flags))


@neg("k8s", "es", "secret_reference")
def helm_values_existing_secret(r):
    return F("""
        Según la documentación del chart de bitnami/postgresql, si uso existingSecret tengo que dejar vacías las contraseñas. ¿Así está bien o me falta algo?

        global:
          postgresql:
            auth:
              existingSecret: "pg-credenciales"
              secretKeys:
                adminPasswordKey: postgres-password
                userPasswordKey: password
                replicationPasswordKey: replication-password
        auth:
          username: inventario
          database: inventario
          password: ""
          postgresPassword: ""
        primary:
          persistence:
            size: 20Gi
        """)


@neg("k8s", "it", "secret_reference")
def k8s_csi_secret_provider(r):
    return F("""
        Sto montando i segreti da Azure Key Vault con il driver CSI. Il pod resta in ContainerCreating: mi aiuti a capire se la SecretProviderClass è scritta bene?

        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata:
          name: kv-ordini
          namespace: ordini
        spec:
          provider: azure
          parameters:
            usePodIdentity: "false"
            clientID: "⟦c⟧"
            keyvaultName: kv-ordini-prod
            tenantId: "⟦t⟧"
            objects: |
              array:
                - |
                  objectName: sql-password
                  objectType: secret
                - |
                  objectName: servicebus-connection
                  objectType: secret
        """, c=uid(r), t=uid(r))


@neg("k8s", "en", "secret_reference")
def k8s_external_secret(r):
    return F("""
        We're moving off hand-made Secrets to External Secrets Operator. Does this ExternalSecret pull the right field from AWS Secrets Manager?

        apiVersion: external-secrets.io/v1beta1
        kind: ExternalSecret
        metadata:
          name: payments-stripe
          namespace: payments
        spec:
          refreshInterval: 1h
          secretStoreRef:
            kind: ClusterSecretStore
            name: aws-secrets-manager
          target:
            name: payments-stripe
            creationPolicy: Owner
          data:
            - secretKey: STRIPE_SECRET_KEY
              remoteRef:
                key: prod/payments/stripe
                property: secret_key
        """)


@neg("k8s", "en", "redacted")
def kubectl_describe_secret(r):
    return F("""
        Our auditor wants evidence that the replication credentials exist in the cluster. I ran describe rather than get -o yaml; is this output safe to attach to the audit ticket?

        $ kubectl -n data describe secret pg-replication
        Name:         pg-replication
        Namespace:    data
        Labels:       app.kubernetes.io/managed-by=Helm
        Annotations:  meta.helm.sh/release-name: pg
                      meta.helm.sh/release-namespace: data

        Type:  Opaque

        Data
        ====
        replication-password:  24 bytes
        replication-user:      11 bytes
        """)

# ==========================================================================
# compose -- docker-compose files, Dockerfiles, compose .env

@sec("compose", "en", "password")
def compose_postgres_env(r):
    p = S("password", pw(r, "en", url=True))
    return F("""
        The api container starts before Postgres is ready and dies with ECONNREFUSED. How do I make it wait? Full compose file:

        services:
          db:
            image: postgres:16-alpine
            environment:
              POSTGRES_USER: tally
              POSTGRES_PASSWORD: ⟦p⟧
              POSTGRES_DB: tally
            volumes:
              - pgdata:/var/lib/postgresql/data
          api:
            build: ./api
            environment:
              DATABASE_URL: postgres://tally:⟦p⟧@db:5432/tally
            ports:
              - "8080:8080"
            depends_on:
              - db
        volumes:
          pgdata:
        """, p=p)


@sec("compose", "pt", "password")
def compose_minio_buckets(r):
    p = S("password", pw(r, "pt", sym="-_.+"))
    return F("""
        Montei o MinIO no docker compose com um serviço que cria os buckets na subida, mas o createbuckets sai com código 1 antes do MinIO aceitar conexões. Alguém sabe o porquê?

        services:
          minio:
            image: quay.io/minio/minio:RELEASE.2024-06-13T22-53-53Z
            command: server /data --console-address ":9001"
            environment:
              MINIO_ROOT_USER: admin-arquivos
              MINIO_ROOT_PASSWORD: "⟦p⟧"
            ports: ["9000:9000", "9001:9001"]
          createbuckets:
            image: quay.io/minio/mc
            depends_on: [minio]
            entrypoint: >
              /bin/sh -c "
              mc alias set local http://minio:9000 admin-arquivos ⟦p⟧;
              mc mb -p local/notas-fiscais;
              mc anonymous set none local/notas-fiscais;"
        """, p=p)


@sec("compose", "tr", "password")
def compose_keycloak_admin(r):
    return F("""
        Keycloak 26'ya geçtikten sonra admin konsoluna giriş yapamıyorum, "invalid credentials" diyor. docker-compose.yml dosyam aşağıda, bootstrap değişkenlerini doğru mu yazmışım?

        services:
          keycloak:
            image: quay.io/keycloak/keycloak:26.0
            command: start --optimized --hostname=sso.anadolu-lojistik.com.tr
            environment:
              KC_BOOTSTRAP_ADMIN_USERNAME: admin
              KC_BOOTSTRAP_ADMIN_PASSWORD: "⟦a⟧"
              KC_DB: postgres
              KC_DB_URL: jdbc:postgresql://kc-db:5432/keycloak
              KC_DB_USERNAME: keycloak
              KC_DB_PASSWORD: "⟦b⟧"
            ports:
              - "8443:8443"
        """, a=S("password", pw(r, "tr")), b=S("password", pw(r, "tr", style="random")))


@sec("compose", "en", "npm_token")
def dockerfile_env_npm_token(r):
    return F("""
        Our image is 1.4 GB and I want to switch to a multi-stage build. Can you rewrite this Dockerfile?

        FROM node:20-bullseye
        WORKDIR /app
        ENV NPM_TOKEN=⟦t⟧
        RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc
        COPY package.json package-lock.json ./
        RUN npm ci
        COPY . .
        RUN npm run build
        EXPOSE 3000
        CMD ["node", "dist/server.js"]
        """, t=S("npm_token", npm_tok(r)))


@sec("compose", "sv", "encryption_key")
def compose_n8n(r):
    return F("""
        Efter omstart av n8n-containern får alla sparade credentials felet "Credentials could not be decrypted". Har jag satt krypteringsnyckeln fel i compose-filen?

        services:
          n8n:
            image: docker.n8n.io/n8nio/n8n:1.64.0
            restart: unless-stopped
            environment:
              - N8N_HOST=automation.vattenfall-partner.se
              - N8N_ENCRYPTION_KEY=⟦k⟧
              - DB_TYPE=postgresdb
              - DB_POSTGRESDB_HOST=n8n-db
              - DB_POSTGRESDB_USER=n8n
              - DB_POSTGRESDB_PASSWORD=⟦p⟧
              - GENERIC_TIMEZONE=Europe/Stockholm
            volumes:
              - n8n_data:/home/node/.n8n
        """, k=S("encryption_key", rs(r, AN, 32)), p=S("password", pw(r, "sv", sym="-_.+!")))


@sec("compose", "ru", "sendgrid_api_key")
def compose_env_file_sendgrid(r):
    return F("""
        Почему docker compose не подхватывает переменные из .env? В compose.yaml указано env_file: .env, а сервис уведомлений всё равно падает с "SENDGRID_API_KEY is not set". Вот содержимое .env:

        COMPOSE_PROJECT_NAME=uvedomleniya
        NOTIFY_FROM=noreply@gorodskoy-portal.ru
        SENDGRID_API_KEY = ⟦k⟧
        RETRY_LIMIT=5
        TZ=Europe/Moscow
        """, k=S("sendgrid_api_key", sendgrid(r)))


@neg("compose", "en", "secret_reference")
def compose_secrets_files(r):
    return F("""
        Is this the recommended way to pass the DB password in Compose, or should I use environment variables?

        services:
          db:
            image: mariadb:11.4
            environment:
              MARIADB_ROOT_PASSWORD_FILE: /run/secrets/db_root_password
              MARIADB_PASSWORD_FILE: /run/secrets/db_password
              MARIADB_USER: wiki
              MARIADB_DATABASE: wiki
            secrets:
              - db_root_password
              - db_password
        secrets:
          db_root_password:
            file: ./secrets/db_root_password.txt
          db_password:
            file: ./secrets/db_password.txt
        """)


@neg("compose", "de", "interpolation")
def compose_interpolation(r):
    return F("""
        Ich möchte, dass docker compose sofort abbricht, wenn eine Variable fehlt, statt mit leerem Passwort zu starten. Ist die :?-Syntax hier richtig eingesetzt?

        services:
          redis:
            image: redis:7.4
            command: ["redis-server", "--requirepass", "${REDIS_PASSWORD:?REDIS_PASSWORD fehlt}"]
          worker:
            image: ghcr.io/stadtwerke-nord/abrechnung-worker:3.2.0
            environment:
              REDIS_URL: redis://:${REDIS_PASSWORD}@redis:6379/0
              SMTP_PASSWORD: ${SMTP_PASSWORD:-}
              API_TOKEN: ${ABRECHNUNG_API_TOKEN:?bitte in .env setzen}
        """)


@neg("compose", "zh", "image_digest")
def compose_image_digests(r):
    return F("""
        安全团队要求所有镜像都按 digest 固定版本。下面这个 compose 文件里有没有需要脱敏的信息？可以直接贴到工单里吗？

        services:
          gateway:
            image: nginx:1.27.2@sha256:⟦a⟧
            ports: ["443:443"]
            healthcheck:
              test: ["CMD", "curl", "-fsS", "http://localhost/healthz"]
              interval: 30s
          app:
            image: registry.cn-hangzhou.aliyuncs.com/xinghe/app@sha256:⟦b⟧
            labels:
              org.opencontainers.image.revision: "⟦c⟧"
        """, a=hexs(r, 64), b=hexs(r, 64), c=hexs(r, 40))


@neg("compose", "es", "secret_reference")
def dockerfile_build_secret_mount(r):
    return F("""
        Leí que no hay que meter el token de npm con ARG porque queda en las capas. ¿Con esto el .npmrc ya no acaba dentro de la imagen?

        # syntax=docker/dockerfile:1.7
        FROM node:20-alpine AS deps
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev

        # y lo construyo con:
        # docker build --secret id=npmrc,src=$HOME/.npmrc -t tienda-api:1.8.0 .
        """)

# ==========================================================================
# systemd -- unit files, overrides, systemctl output, supervisord

@sec("systemd", "en", "password")
def systemd_env_line(r):
    return F("""
        This unit works when I start it by hand but after a reboot it comes up before the network and fails. What should I add?

        # /etc/systemd/system/ledger-api.service
        [Unit]
        Description=Ledger API
        After=syslog.target

        [Service]
        User=ledger
        WorkingDirectory=/opt/ledger
        Environment="DATABASE_URL=postgresql://ledger:⟦p⟧@10.0.4.12:5432/ledger"
        Environment="RUST_LOG=info"
        ExecStart=/opt/ledger/bin/ledger-api --port 8087
        Restart=on-failure

        [Install]
        WantedBy=multi-user.target
        """, p=S("password", pw(r, "en", url=True)))


@sec("systemd", "en", "password")
def systemd_override_grafana(r):
    return F("""
        I added an override with `systemctl edit grafana-server`, but Grafana ignores the admin password. Do I have to reset its database? /etc/systemd/system/grafana-server.service.d/override.conf:

        [Service]
        Environment=GF_SECURITY_ADMIN_USER=admin
        Environment=GF_SECURITY_ADMIN_PASSWORD=⟦a⟧
        Environment=GF_SMTP_ENABLED=true
        Environment=GF_SMTP_HOST=smtp.office365.com:587
        Environment=GF_SMTP_USER=monitoring@brandt-electrical.co.uk
        Environment=GF_SMTP_PASSWORD=⟦b⟧
        """, a=S("password", pw(r, "en", sym="!#*-_.+?@")),
        b=S("password", pw(r, "en", style="season", sym="!#*")))


@sec("systemd", "en", "aws_access_key")
def systemctl_show_env(r):
    return F("""
        Why does the backup job upload to the wrong bucket? Here is what systemd thinks the environment is:

        $ systemctl show restic-backup.service -p Environment --no-pager
        Environment=RESTIC_REPOSITORY=s3:s3.eu-west-1.amazonaws.com/acme-backups-old AWS_ACCESS_KEY_ID=⟦a⟧ AWS_SECRET_ACCESS_KEY=⟦b⟧ RESTIC_PASSWORD_FILE=/etc/restic/pass
        """, a=S("aws_access_key_id", aws_id(r)), b=S("aws_secret_access_key", aws_secret(r)))


@sec("systemd", "it", "password")
def supervisord_celery(r):
    return F("""
        Con supervisord i worker Celery partono ma non prendono task dalla coda. Il broker è RabbitMQ su un'altra macchina. Ecco il blocco del programma, vedi errori?

        [program:celery-fatture]
        command=/srv/fatture/venv/bin/celery -A fatture worker -l info -Q fatture,default
        directory=/srv/fatture
        user=fatture
        autostart=true
        autorestart=true
        environment=CELERY_BROKER_URL="amqp://fatture:⟦p⟧@10.20.0.15:5672/fatture",DJANGO_SETTINGS_MODULE="fatture.settings.prod"
        stdout_logfile=/var/log/celery/fatture.log
        """, p=S("password", pw(r, "it", url=True)))


@neg("systemd", "fr", "secret_reference")
def systemd_load_credential(r):
    return F("""
        Je voudrais éviter que le mot de passe de la base apparaisse dans `systemctl show`. Est-ce que LoadCredential fait bien ça, et comment le lire depuis l'application ?

        [Service]
        User=facturx
        EnvironmentFile=/etc/default/facturx
        LoadCredential=db-password:/etc/credstore/facturx-db-password
        LoadCredential=smtp-password:/etc/credstore/facturx-smtp
        ExecStart=/opt/facturx/bin/facturx serve --db-password-file=${CREDENTIALS_DIRECTORY}/db-password
        """)


@neg("systemd", "en", "encrypted_blob")
def systemd_creds_encrypted(r):
    blob = b64(b"c\xa9\x8b\x1a" + rb(r, 280))
    return F("""
        I ran `systemd-creds encrypt --name=mqtt-password -p - -` and pasted the result into the unit. Is the output tied to this machine's TPM, i.e. useless if the unit file leaks?

        [Service]
        ExecStart=/usr/local/bin/telemetry-bridge
        SetCredentialEncrypted=mqtt-password: \\
                ⟦b⟧
        """, b=" \\\n        ".join(wrap(blob, 60).split("\n")))


@neg("systemd", "ja", "secret_reference")
def systemd_password_file(r):
    return F("""
        パスワードを unit ファイルに直接書かずに済む方法を探しています。下の書き方で、鍵ファイルの権限を 600 にしておけば十分でしょうか？

        [Service]
        Type=simple
        User=hanbai
        ExecStart=/usr/bin/pg_dump --dbname=hanbai --file=/backup/hanbai.sql --no-password
        Environment=PGPASSFILE=/etc/hanbai/.pgpass
        Environment=PGHOST=db01.hanbai.local
        Environment=PGUSER=backup
        """)

# ==========================================================================
# ansible -- inventories, group_vars / host_vars, tasks

@sec("ansible", "en", "password")
def ansible_inventory_ini(r):
    return F("""
        Ansible says "Missing sudo password" only for the db hosts even though I set it. Inventory below -- what did I miss?

        [web]
        web01.prod.lan ansible_host=10.1.0.11
        web02.prod.lan ansible_host=10.1.0.12

        [db]
        db01.prod.lan ansible_host=10.1.0.21 ansible_user=deploy ansible_ssh_pass=⟦a⟧

        [web:vars]
        ansible_user=deploy
        ansible_become=true
        ansible_become_password=⟦b⟧

        [all:vars]
        ansible_python_interpreter=/usr/bin/python3
        """, a=S("password", pw(r, "en", sym="!#*-_.+?@")), b=S("password", pw(r, "en", style="walk")))


@sec("ansible", "nl", "password")
def ansible_group_vars_nl(r):
    return F("""
        Kun je deze group_vars omzetten naar een rol met defaults? Nu staat alles in group_vars/webservers.yml:

        ---
        php_version: "8.3"
        nginx_worker_processes: auto
        mysql_root_password: "⟦a⟧"
        wordpress_db_name: gemeentesite
        wordpress_db_user: wp_gemeente
        wordpress_db_password: "⟦b⟧"
        wordpress_site_url: https://www.gemeente-dijkerveen.nl
        letsencrypt_email: ict@gemeente-dijkerveen.nl
        """, a=S("password", pw(r, "nl")), b=S("password", pw(r, "nl", style="phrase")))


@sec("ansible", "pl", "password")
def ansible_host_vars_winrm(r):
    return F("""
        Połączenie WinRM z Ansible kończy się błędem „ntlm: HTTP 401 Unauthorized”. Na serwerze Basic jest wyłączony. Tak wygląda host_vars/ksiegowosc-win01.yml:

        ansible_host: 192.168.40.15
        ansible_connection: winrm
        ansible_port: 5986
        ansible_winrm_transport: ntlm
        ansible_winrm_server_cert_validation: ignore
        ansible_user: BIURO\\svc-ansible
        ansible_password: "⟦p⟧"
        """, p=S("password", pw(r, "pl")))


@sec("ansible", "es", "password")
def ansible_vault_view_output(r):
    return F("""
        Quiero separar estas variables en dos ficheros, uno para staging y otro para producción. Esto es lo que sale de `ansible-vault view group_vars/prod/vault.yml`:

        vault_pg_password: "⟦a⟧"
        vault_pg_replication_password: "⟦b⟧"
        vault_cloudflare_api_token: "⟦c⟧"
        vault_backup_bucket: clinica-backups-prod
        """, a=S("password", pw(r, "es")), b=S("password", pw(r, "es", style="random")),
        c=S("cloudflare_api_token", rs(r, B64U, 40)))


@sec("ansible", "en", "okta_api_token")
def ansible_uri_okta(r):
    return F("""
        This task is supposed to deactivate leavers in Okta but it returns 403. Is the header format right?

        - name: Deactivate user in Okta
          ansible.builtin.uri:
            url: "https://northwind-health.okta.com/api/v1/users/{{ okta_user_id }}/lifecycle/deactivate"
            method: POST
            headers:
              Authorization: "SSWS ⟦t⟧"
              Accept: application/json
            status_code: [200, 204]
          loop: "{{ leavers }}"
        """, t=S("okta_api_token", "00" + rs(r, B64U, 40)))


@neg("ansible", "de", "encrypted_blob")
def ansible_vault_inline(r):
    body = hexs(r, 64) + "\n" + hexs(r, 64) + "\n" + hexs(r, 160)
    hx = body.encode().hex()
    lines = wrap(hx, 80).split("\n")
    blob = "\n          ".join(lines)
    return F("""
        Kann ich so einen verschlüsselten Wert gefahrlos in die Merge-Request-Beschreibung kopieren, damit die Kollegen sehen, welche Variable sich geändert hat?

        smtp_relay_password: !vault |
                  $ANSIBLE_VAULT;1.1;AES256
                  ⟦b⟧
        """, b=blob)


@neg("ansible", "en", "secret_reference")
def ansible_lookup_hashi(r):
    return F("""
        Is there a cleaner way to write these lookups? They work, but the lines are huge.

        db_password: "{{ lookup('community.hashi_vault.hashi_vault', 'secret=kv/data/inventory/prod:db_password url=https://vault.corp.lan:8200 auth_method=approle') }}"
        sentry_dsn: "{{ lookup('ansible.builtin.env', 'SENTRY_DSN') }}"
        api_token: "{{ lookup('community.general.onepassword', 'Inventory API', field='credential', vault='Ops') }}"
        """)


@neg("ansible", "ru", "password_hash")
def ansible_user_password_hash(r):
    return F("""
        Заводим пользователя через модуль user. Хеш я сгенерировал командой mkpasswd --method=sha-512. Можно ли держать такую строку в открытом репозитории с ролями?

        - name: Создать пользователя для дежурных
          ansible.builtin.user:
            name: dezhurny
            groups: [sudo]
            shell: /bin/bash
            password: "⟦h⟧"
            update_password: on_create
        """, h=sha512_crypt(r))


@neg("ansible", "tr", "secret_reference")
def ansible_vars_prompt(r):
    return F("""
        Playbook çalışırken şifreyi sormasını istiyorum ama ekrana yazılmasın ve loglara düşmesin. Bu tanım yeterli mi?

        - hosts: muhasebe
          vars_prompt:
            - name: db_sifre
              prompt: "Muhasebe veritabanı şifresi"
              private: true
              confirm: true
          tasks:
            - name: Yedek kullanıcısının şifresini güncelle
              community.postgresql.postgresql_user:
                name: yedek
                password: "{{ db_sifre }}"
              no_log: true
        """)

# ==========================================================================
# shellhist -- bash / zsh / fish / PowerShell history

@sec("shellhist", "en", "password")
def bash_history_mysql(r):
    return F("""
        Trying to reconstruct what the contractor did on the box before the outage. Last lines of /root/.bash_history:

          412  systemctl status mysqld
          413  tail -n 200 /var/log/mysqld.log
          414  mysql -u root -p'⟦p⟧' -h 127.0.0.1 -e "SHOW PROCESSLIST"
          415  mysqldump --single-transaction shop > /tmp/shop.sql
          416  gzip /tmp/shop.sql
          417  scp /tmp/shop.sql.gz backup@10.9.0.4:/srv/dumps/
          418  rm /tmp/shop.sql.gz
        """, p=S("password", pw(r, "en", sym="!#*-_.+?@=^")))


@sec("shellhist", "de", "doppler_token")
def zsh_history_doppler(r):
    tok = "dp.st.prd." + rs(r, AN, 43)
    return F("""
        Aus meiner ~/.zsh_history -- kannst du mir daraus ein kleines Makefile bauen, damit ich das nicht jedes Mal tippen muss?

        : 1727789012:0;cd ~/code/rechnungsportal
        : 1727789020:0;export DOPPLER_TOKEN=⟦t⟧
        : 1727789031:0;doppler run --project rechnungsportal --config prd -- npm run migrate
        : 1727789102:0;doppler run --project rechnungsportal --config prd -- npm start
        : 1727789340:0;git status
        """, t=S("doppler_token", tok))


@sec("shellhist", "en", "password")
def powershell_history_securestring(r):
    return F("""
        Found this in (Get-PSReadLineOption).HistorySavePath on the jump host. Can you turn it into a proper script with parameters?

        Import-Module ActiveDirectory
        $sec = ConvertTo-SecureString '⟦p⟧' -AsPlainText -Force
        $cred = New-Object System.Management.Automation.PSCredential('CORP\\svc-fileshare', $sec)
        New-PSDrive -Name Z -PSProvider FileSystem -Root \\\\fs02\\finance$ -Credential $cred -Persist
        Get-ChildItem Z:\\Closing\\2026 | Measure-Object
        Remove-PSDrive Z
        """, p=S("password", pw(r, "en")))


@sec("shellhist", "fr", "password")
def bash_history_curl_jenkins(r):
    return F("""
        Pourquoi Jenkins me renvoie 403 « No valid crumb » alors que l'authentification passe ? Voici les commandes tapées (extrait de l'historique) :

        curl -s -u 'admin:⟦p⟧' https://ci.atelier-numerique.fr/crumbIssuer/api/json
        curl -X POST -u 'admin:⟦p⟧' https://ci.atelier-numerique.fr/job/facturation/build
        curl -X POST -u 'admin:⟦p⟧' -H 'Jenkins-Crumb: 7f0c2d...' https://ci.atelier-numerique.fr/job/facturation/build
        """, p=S("password", pw(r, "fr", ascii_only=True, sym="#*-_.+@=^~")))


@sec("shellhist", "ko", "password")
def bash_history_pgpassword(r):
    return F("""
        운영 DB 백업 스크립트를 cron 으로 돌리려고 합니다. 지금까지 터미널에서 직접 실행한 명령은 아래와 같은데, 이걸 스크립트로 정리해 주실 수 있나요?

        export PGPASSWORD='⟦p⟧'
        pg_dump -h pg-main.internal -U backup_user -d shopdb -Fc -f /backup/shopdb_$(date +%F).dump
        ls -lh /backup/
        unset PGPASSWORD
        """, p=S("password", pw(r, "ko")))


@sec("shellhist", "zh", "docker_hub_pat")
def history_grep_docker_login(r):
    return F("""
        构建机上推送镜像一直报 denied，我翻了一下之前是怎么登录的：

        $ history | grep docker
          88  docker login -u xinghe-ci -p ⟦t⟧
          91  docker build -t xinghe/report-service:1.4.2 .
          92  docker push xinghe/report-service:1.4.2
         140  docker logout

        是不是 token 权限只有 read？
        """, t=S("docker_hub_pat", "dckr_pat_" + rs(r, B64U, 27)))


@sec("shellhist", "en", "vault_token")
def bash_history_vault_login(r):
    t = S("vault_token", vault_hvs(r))
    return F("""
        Why does `vault kv get` say permission denied right after I log in? Commands in order:

        export VAULT_ADDR=https://vault.ops.lan:8200
        vault login ⟦t⟧
        vault token lookup
        export VAULT_TOKEN=⟦t⟧
        vault kv get -mount=secret payments/prod
        """, t=t)


@sec("shellhist", "sv", "azure_client_secret")
def powershell_az_login(r):
    return F("""
        Det här har jag kört i PowerShell för att logga in med vår service principal. Nu vill jag lägga det i en schemalagd uppgift -- hur gör jag det säkrare?

        PS C:\\drift> az login --service-principal -u ⟦app⟧ -p ⟦s⟧ --tenant ⟦t⟧
        PS C:\\drift> az account set --subscription "Kommun-Produktion"
        PS C:\\drift> az storage blob list --account-name kommunarkiv --container-name protokoll -o table
        """, app=uid(r), s=S("azure_client_secret", azure_secret(r)), t=uid(r))


@neg("shellhist", "en", "secret_reference")
def bash_history_read_s(r):
    return F("""
        Is this pattern OK for a one-off DB fix, or does the password still end up somewhere on disk?

        $ read -rs PGPASSWORD && export PGPASSWORD
        $ psql -h db.internal -U ops -d billing -f fix_invoice_totals.sql
        $ unset PGPASSWORD
        $ pass show infra/billing-db | head -1 | wl-copy
        """)


@neg("shellhist", "en", "hash")
def bash_history_checksums(r):
    return F("""
        I downloaded the ISO and checked the signature. Are these steps right? From my history:

          301  wget https://cdimage.debian.org/debian-cd/current/amd64/iso-cd/debian-12.8.0-amd64-netinst.iso
          302  wget https://cdimage.debian.org/debian-cd/current/amd64/iso-cd/SHA256SUMS{,.sign}
          303  gpg --verify SHA256SUMS.sign SHA256SUMS
          304  sha256sum -c SHA256SUMS --ignore-missing
          305  sha256sum debian-12.8.0-amd64-netinst.iso
        ⟦h⟧  debian-12.8.0-amd64-netinst.iso
        """, h=hexs(r, 64))


@neg("shellhist", "ja", "secret_reference")
def powershell_get_credential(r):
    return F("""
        PowerShell の履歴です。資格情報を平文で残さないようにしたつもりですが、この使い方で問題ないか見てもらえますか？

        Install-Module Microsoft.PowerShell.SecretManagement, Microsoft.PowerShell.SecretStore
        Register-SecretVault -Name LocalStore -ModuleName Microsoft.PowerShell.SecretStore -DefaultVault
        Set-Secret -Name SqlBackup -Secret (Get-Credential -UserName 'KAISHA\\sql-backup')
        $cred = Get-Secret -Name SqlBackup
        Invoke-Sqlcmd -ServerInstance sql01 -Credential $cred -Query "BACKUP DATABASE Hanbai TO DISK='D:\\bk\\hanbai.bak'"
        """)


@neg("shellhist", "pt", "redacted")
def zsh_history_redacted(r):
    return F("""
        Tirei as chaves antes de colar, fica tranquilo. Pode me explicar por que o segundo comando falha com "No such customer"?

        export STRIPE_API_KEY=sk_live_••••••••••••••••
        stripe customers retrieve cus_⟦c⟧ --live
        stripe charges list --customer cus_⟦c⟧ --limit 3
        """, c=rs(r, AN, 14))


@neg("shellhist", "es", "public_key")
def bash_history_ssh_keygen(r):
    return F("""
        Generé una clave nueva para el servidor de la tienda y la copié. ¿Puedo pegar esta salida en el canal del equipo para que la añadan a GitLab?

        $ ssh-keygen -t ed25519 -C "lucia@tienda-online" -f ~/.ssh/tienda_ed25519
        $ ssh-copy-id -i ~/.ssh/tienda_ed25519.pub deploy@185.42.17.9
        $ cat ~/.ssh/tienda_ed25519.pub
        ⟦k⟧
        """, k=ssh_ed25519_pub(r, "lucia@tienda-online"))


@neg("shellhist", "pl", "interpolation")
def cmd_batch_env_pl(r):
    return F("""
        Skrypt wdrożeniowy .bat na serwerze Windows. Czy hasło jest tu bezpieczne, skoro pochodzi ze zmiennej środowiskowej ustawionej w harmonogramie zadań?

        @echo off
        setlocal
        if "%DB_PASSWORD%"=="" (
          echo Brak zmiennej DB_PASSWORD & exit /b 1
        )
        sqlcmd -S sql02\\FAKTURY -U wdrozenie -P "%DB_PASSWORD%" -i migracja_2026_11.sql
        robocopy .\\publish \\\\app03\\wwwroot\\faktury /MIR /R:2 /W:5
        endlocal
        """)

# ==========================================================================
# dotfiles -- .npmrc, .pypirc, .netrc, .git-credentials, docker, maven, nuget,
# s3cmd, rclone, ssh / git config

@sec("dotfiles", "en", "npm_token")
def npmrc_token(r):
    return F("""
        npm install works for public packages but our scoped ones 404. This is my ~/.npmrc:

        @lumen-ui:registry=https://registry.npmjs.org/
        //registry.npmjs.org/:_authToken=⟦t⟧
        fund=false
        audit-level=high
        save-exact=true
        """, t=S("npm_token", npm_tok(r)))


@sec("dotfiles", "en", "pypi_token")
def pypirc_token(r):
    return F("""
        twine upload fails with "403 Invalid or non-existent authentication information". The token is scoped to this one project. Is my ~/.pypirc right?

        [distutils]
        index-servers =
            pypi
            testpypi

        [pypi]
        username = __token__
        password = ⟦t⟧

        [testpypi]
        repository = https://test.pypi.org/legacy/
        username = __token__
        """, t=S("pypi_token", pypi_tok(r)))


@sec("dotfiles", "fr", "password")
def netrc_ftp_github(r):
    return F("""
        J'ai deux entrées dans mon ~/.netrc et curl n'utilise que la première. Est-ce que l'ordre compte ?

        machine ftp.hebergeur-lyon.fr
          login boutique-savons
          password ⟦p⟧

        machine api.github.com
          login claire-morel
          password ⟦t⟧
        """, p=S("password", pw(r, "fr")), t=S("github_pat", ghp(r)))


@sec("dotfiles", "en", "gitlab_pat")
def git_credentials_file(r):
    return F("""
        Git keeps pushing as the wrong account on this laptop. Contents of ~/.git-credentials -- which line wins for gitlab.com?

        https://dana.whitfield:⟦a⟧@gitlab.com
        https://x-access-token:⟦b⟧@github.com
        https://ci-bot:⟦c⟧@gitlab.com
        """, a=S("gitlab_pat", glpat(r)), b=S("github_token", ghs(r)), c=S("gitlab_pat", glpat(r)))


@sec("dotfiles", "nl", "docker_registry_auth")
def docker_config_auths(r):
    a1 = b64("deploy-bot:" + rs(r, AN, 28))
    return F("""
        Waarom vraagt docker push toch om in te loggen bij ons eigen register? Zo ziet ~/.docker/config.json eruit op de buildserver:

        {
          "auths": {
            "registry.waterschap-noord.nl": {
              "auth": "⟦a⟧"
            },
            "https://index.docker.io/v1/": {}
          },
          "currentContext": "default"
        }
        """, a=S("docker_registry_auth", a1))


@sec("dotfiles", "pl", "password")
def m2_settings_xml(r):
    return F("""
        Maven przy `mvn deploy` zwraca 401 z Nexusa. W pom.xml mam distributionManagement z id nexus-releases. Oto ~/.m2/settings.xml:

        <settings>
          <servers>
            <server>
              <id>nexus-releases</id>
              <username>deploy-ksiegowosc</username>
              <password>⟦p⟧</password>
            </server>
          </servers>
          <mirrors>
            <mirror>
              <id>nexus</id>
              <mirrorOf>*</mirrorOf>
              <url>https://nexus.biuro-rachunkowe.pl/repository/maven-public/</url>
            </mirror>
          </mirrors>
        </settings>
        """, p=S("password", pw(r, "pl")))


@sec("dotfiles", "en", "azure_devops_pat")
def nuget_config_pat(r):
    return F("""
        dotnet restore fails on the build agent with NU1301 for our Azure Artifacts feed. NuGet.Config in the repo root:

        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
            <add key="contoso-internal" value="https://pkgs.dev.azure.com/contoso-eng/_packaging/internal/nuget/v3/index.json" />
          </packageSources>
          <packageSourceCredentials>
            <contoso-internal>
              <add key="Username" value="build" />
              <add key="ClearTextPassword" value="⟦t⟧" />
            </contoso-internal>
          </packageSourceCredentials>
        </configuration>
        """, t=S("azure_devops_pat", azdo_pat(r)))


@sec("dotfiles", "ja", "aws_access_key")
def s3cfg_keys(r):
    return F("""
        s3cmd で東京リージョンのバケットに put すると SignatureDoesNotMatch になります。~/.s3cfg の設定はこうなっています。どこを直せばよいですか？

        [default]
        access_key = ⟦a⟧
        secret_key = ⟦b⟧
        bucket_location = ap-northeast-1
        host_base = s3.ap-northeast-1.amazonaws.com
        host_bucket = %(bucket)s.s3.ap-northeast-1.amazonaws.com
        use_https = True
        signature_v2 = False
        """, a=S("aws_access_key_id", aws_id(r)), b=S("aws_secret_access_key", aws_secret(r)))


@sec("dotfiles", "sv", "s3_compatible_key")
def rclone_conf(r):
    obscured = b64u_nopad(rb(r, 16 + 15))
    return F("""
        rclone sync till Wasabi går bra, men remoten mot NAS:en ger "ssh: handshake failed". Här är ~/.config/rclone/rclone.conf:

        [wasabi]
        type = s3
        provider = Wasabi
        access_key_id = ⟦a⟧
        secret_access_key = ⟦b⟧
        endpoint = s3.eu-central-2.wasabisys.com

        [nas]
        type = sftp
        host = nas.hemma.lan
        user = backup
        pass = ⟦c⟧
        shell_type = unix
        """, a=S("s3_access_key_id", rs(r, UP + DG, 20)), b=S("s3_secret_key", rs(r, AN, 40)),
        c=S("rclone_obscured_password", obscured))


@neg("dotfiles", "en", "interpolation")
def npmrc_env_interpolation(r):
    return F("""
        In CI our install step prints "npm warn config ... unknown env config". Is this ~/.npmrc syntax still supported in npm 10?

        @acme-internal:registry=https://npm.pkg.github.com
        //npm.pkg.github.com/:_authToken=${GITHUB_PACKAGES_TOKEN}
        //registry.npmjs.org/:_authToken=${NPM_TOKEN}
        always-auth=true
        """)


@neg("dotfiles", "de", "secret_reference")
def docker_config_credstore(r):
    return F("""
        Auf dem Mac steht in ~/.docker/config.json gar kein Passwort mehr. Wo speichert Docker Desktop die Zugangsdaten eigentlich?

        {
          "auths": {
            "ghcr.io": {},
            "registry.gitlab.com": {},
            "https://index.docker.io/v1/": {}
          },
          "credsStore": "osxkeychain",
          "currentContext": "desktop-linux"
        }
        """)


@neg("dotfiles", "zh", "public_key")
def ssh_known_hosts(r):
    return F("""
        每次连跳板机都提示 "REMOTE HOST IDENTIFICATION HAS CHANGED"。这是我的 ~/.ssh/config 和 known_hosts 里对应的行，应该删哪一行？

        Host bastion
            HostName 47.96.12.8
            User ops
            IdentityFile ~/.ssh/id_ed25519
            StrictHostKeyChecking yes

        # ~/.ssh/known_hosts
        47.96.12.8 ⟦a⟧
        |1|⟦s⟧=|⟦h⟧= ⟦b⟧
        """, a=ssh_ed25519_pub(r, "").strip(), s=b64(rb(r, 20))[:27],
        h=b64(rb(r, 20))[:27], b=ssh_rsa_pub(r, "").strip())


@neg("dotfiles", "ko", "public_key")
def gitconfig_signing(r):
    return F("""
        커밋 서명을 SSH 키로 바꿨는데 GitHub 에 "Unverified" 로 나옵니다. ~/.gitconfig 설정이 맞는지 봐 주세요.

        [user]
            name = Park Jiwoo
            email = jiwoo.park@hanul-soft.co.kr
            signingkey = ⟦k⟧
        [gpg]
            format = ssh
        [commit]
            gpgsign = true
        [credential]
            helper = osxkeychain
        """, k=ssh_ed25519_pub(r, "jiwoo.park@hanul-soft.co.kr"))


@neg("dotfiles", "it", "placeholder")
def pip_conf_placeholder(r):
    return F("""
        Sto scrivendo la guida interna per i nuovi sviluppatori. Va bene questo esempio di pip.conf o è meglio suggerire keyring?

        [global]
        index-url = https://__token__:<IL_TUO_TOKEN_GITLAB>@gitlab.studio-bianchi.it/api/v4/projects/112/packages/pypi/simple
        timeout = 60

        (sostituire <IL_TUO_TOKEN_GITLAB> con un token personale con scope read_api)
        """)

# ==========================================================================
# framework -- Spring, WordPress, Laravel, Rails, Django, ASP.NET, Symfony

WP_ALPHA = AN + "!@#$%^&*()-_[]{}<>~`+=,.;:/?|"
DJ_ALPHA = LO + DG + "!@#$%^&*(-_=+)"


@sec("framework", "en", "password")
def spring_application_yml(r):
    return F("""
        After upgrading to Spring Boot 3.3 the app fails with "Failed to configure a DataSource: 'url' attribute is not specified". application-prod.yml:

        spring:
          datasource:
            url: jdbc:postgresql://pg-prod.internal:5432/claims
            username: claims_app
            password: ⟦a⟧
            hikari:
              maximum-pool-size: 20
          mail:
            host: smtp.sendgrid.net
            port: 587
            username: apikey
            password: ⟦b⟧
        server:
          port: 8443
        """, a=S("password", pw(r, "en")), b=S("sendgrid_api_key", sendgrid(r)))


@sec("framework", "de", "password")
def spring_properties_jasypt(r):
    enc = b64(rb(r, 48))
    return F("""
        Wir verschlüsseln die DB-Zugangsdaten mit Jasypt. Beim Start kommt aber „EncryptionOperationNotPossibleException“. Ist die Konfiguration in application.properties so korrekt?

        spring.datasource.url=jdbc:mariadb://db-intern.stadtwerke-hameln.local:3306/zaehlerstand
        spring.datasource.username=zaehler
        spring.datasource.password=ENC(⟦e⟧)
        jasypt.encryptor.password=⟦p⟧
        jasypt.encryptor.algorithm=PBEWITHHMACSHA512ANDAES_256
        jasypt.encryptor.iv-generator-classname=org.jasypt.iv.RandomIvGenerator
        """, e=enc, p=S("password", pw(r, "de")))


@sec("framework", "fr", "password")
def wp_config_php(r):
    def salt():
        return S("wordpress_salt", rs(r, WP_ALPHA, 64))
    return F("""
        Après migration chez le nouvel hébergeur, j'ai « Erreur lors de la connexion à la base de données ». Voici le début de wp-config.php, qu'est-ce qui cloche ?

        <?php
        define( 'DB_NAME', 'boulangerie_wp' );
        define( 'DB_USER', 'boulangerie' );
        define( 'DB_PASSWORD', '⟦p⟧' );
        define( 'DB_HOST', 'localhost:3307' );
        define( 'DB_CHARSET', 'utf8mb4' );

        define( 'AUTH_KEY',         '⟦s1⟧' );
        define( 'SECURE_AUTH_KEY',  '⟦s2⟧' );
        define( 'LOGGED_IN_KEY',    '⟦s3⟧' );
        define( 'NONCE_KEY',        '⟦s4⟧' );

        $table_prefix = 'bq_';
        """, p=S("password", pw(r, "fr")), s1=salt(), s2=salt(), s3=salt(), s4=salt())


@sec("framework", "es", "laravel_app_key")
def laravel_env(r):
    return F("""
        Subí el proyecto a producción y todas las sesiones dan "The MAC is invalid". ¿Tiene que ver con la APP_KEY? Este es mi .env:

        APP_NAME="Reservas Clínica"
        APP_ENV=production
        APP_KEY=⟦k⟧
        APP_DEBUG=false
        APP_URL=https://reservas.clinicasanrafael.es

        DB_CONNECTION=mysql
        DB_HOST=127.0.0.1
        DB_DATABASE=reservas
        DB_USERNAME=reservas
        DB_PASSWORD="⟦p⟧"

        MAIL_MAILER=smtp
        MAIL_HOST=smtp.ionos.es
        MAIL_USERNAME=citas@clinicasanrafael.es
        MAIL_PASSWORD="⟦m⟧"
        """, k=S("laravel_app_key", "base64:" + b64(rb(r, 32))),
        p=S("password", pw(r, "es")), m=S("password", pw(r, "es", style="season")))


@sec("framework", "en", "rails_secret_key_base")
def rails_credentials_show(r):
    return F("""
        I want to split production credentials per environment. Here's what `bin/rails credentials:show` prints today; how would the new files look?

        # aws:
        #   access_key_id: 123
        secret_key_base: ⟦k⟧
        aws:
          access_key_id: ⟦a⟧
          secret_access_key: ⟦b⟧
          bucket: harvest-uploads-prod
        stripe:
          secret_key: ⟦s⟧
        """, k=S("rails_secret_key_base", hexs(r, 128)), a=S("aws_access_key_id", aws_id(r)),
        b=S("aws_secret_access_key", aws_secret(r)),
        s=S("stripe_secret_key", "sk_live_" + rs(r, AN, 24)))


@sec("framework", "pt", "django_secret_key")
def django_settings(r):
    return F("""
        Preciso separar o settings.py em base/dev/prod. Hoje está tudo num arquivo só, assim:

        DEBUG = False
        ALLOWED_HOSTS = ["loja.sabordaterra.com.br"]
        SECRET_KEY = '⟦k⟧'

        DATABASES = {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "loja",
                "USER": "loja",
                "PASSWORD": "⟦p⟧",
                "HOST": "10.0.3.7",
                "PORT": "5432",
            }
        }
        LANGUAGE_CODE = "pt-br"
        TIME_ZONE = "America/Sao_Paulo"
        """, k=S("django_secret_key", rs(r, DJ_ALPHA, 50)), p=S("password", pw(r, "pt")))


@sec("framework", "tr", "password")
def aspnet_appsettings(r):
    return F("""
        Uygulama Azure App Service'e taşındıktan sonra JWT doğrulaması "IDX10503: Signature validation failed" hatası veriyor. appsettings.Production.json aşağıda:

        {
          "ConnectionStrings": {
            "Default": "Server=tcp:sql-kargo.database.windows.net,1433;Database=KargoTakip;User Id=kargo_app;Password=⟦p⟧;Encrypt=True;"
          },
          "Jwt": {
            "Issuer": "https://api.kargotakip.com.tr",
            "Audience": "kargotakip-mobile",
            "Key": "⟦k⟧"
          },
          "Logging": { "LogLevel": { "Default": "Warning" } }
        }
        """, p=S("password", pw(r, "tr", sym="!#*-_.+?@")), k=S("jwt_signing_key", rs(r, AN, 64)))


@sec("framework", "ru", "app_secret")
def symfony_env_local(r):
    return F("""
        Symfony после деплоя пишет "Invalid CSRF token" на всех формах. Может, дело в APP_SECRET? Вот .env.local с продового сервера:

        APP_ENV=prod
        APP_SECRET=⟦s⟧
        DATABASE_URL="mysql://magazin:⟦p⟧@127.0.0.1:3306/magazin?serverVersion=8.0.36&charset=utf8mb4"
        MESSENGER_TRANSPORT_DSN=doctrine://default?auto_setup=0
        """, s=S("app_secret", hexs(r, 32)), p=S("password", pw(r, "ru", url=True)))


@neg("framework", "en", "secret_reference")
def spring_placeholders(r):
    return F("""
        Is it safe to commit this application.yml? Everything sensitive should come from Vault or the environment now.

        spring:
          config:
            import: "vault://secret/claims-service"
          datasource:
            url: jdbc:postgresql://${DB_HOST:localhost}:5432/claims
            username: ${DB_USER}
            password: ${DB_PASSWORD}
          cloud:
            vault:
              uri: https://vault.internal:8200
              authentication: KUBERNETES
              kubernetes:
                role: claims-service
        """)


@neg("framework", "nl", "secret_reference")
def wp_config_getenv(r):
    return F("""
        Voor de container-versie van onze WordPress-site halen we alles uit omgevingsvariabelen. Kan dit zo, of mis ik iets bij de salts?

        define( 'DB_NAME',     getenv('WORDPRESS_DB_NAME') );
        define( 'DB_USER',     getenv('WORDPRESS_DB_USER') );
        define( 'DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD') );
        define( 'DB_HOST',     getenv('WORDPRESS_DB_HOST') ?: 'mysql:3306' );
        define( 'AUTH_KEY',    getenv('WORDPRESS_AUTH_KEY') );
        define( 'NONCE_KEY',   getenv('WORDPRESS_NONCE_KEY') );
        """)


@neg("framework", "pl", "empty_value")
def laravel_env_example(r):
    return F("""
        Czy plik .env.example w repozytorium może wyglądać tak? Nowi programiści kopiują go do .env i uruchamiają php artisan key:generate.

        APP_NAME=Rezerwacje
        APP_ENV=local
        APP_KEY=
        APP_DEBUG=true
        DB_CONNECTION=pgsql
        DB_HOST=127.0.0.1
        DB_DATABASE=rezerwacje
        DB_USERNAME=rezerwacje
        DB_PASSWORD=
        MAIL_PASSWORD=null
        PRZELEWY24_CRC=
        """)


@neg("framework", "en", "encrypted_blob")
def rails_credentials_enc(r):
    blob = b64(rb(r, 402)) + "--" + b64(rb(r, 12)) + "--" + b64(rb(r, 16))
    return F("""
        A junior asked whether config/credentials.yml.enc being in the repo is a leak. This is the whole file; master.key is not in git (it's in our password manager). Can you explain why this is fine?

        ⟦b⟧
        """, b=blob)


@neg("framework", "zh", "password_hash")
def django_argon2_fixture(r):
    h = "argon2$argon2id$v=19$m=102400,t=2,p=8$%s$%s" % (
        b64(rb(r, 16)).rstrip("="), b64(rb(r, 32)).rstrip("="))
    return F("""
        测试环境要导入一个管理员账号，下面是用 dumpdata 导出的 fixture。把它提交到仓库有没有安全问题？

        [
          {
            "model": "auth.user",
            "pk": 1,
            "fields": {
              "username": "admin",
              "password": "⟦h⟧",
              "is_superuser": true,
              "is_staff": true,
              "email": "admin@xinghe.local"
            }
          }
        ]
        """, h=h)


@neg("framework", "ja", "dummy_value")
def aspnet_fake_fixture(r):
    return F("""
        単体テスト用の appsettings.Test.json です。コメントの通り全部ダミー値ですが、シークレットスキャナに引っかからない書き方はありますか？

        {
          "_comment": "FAKE VALUES FOR TESTS ONLY - 本番の値ではありません",
          "Stripe": { "SecretKey": "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx" },
          "SendGrid": { "ApiKey": "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" },
          "ConnectionStrings": { "Default": "Server=localhost;Database=test;User Id=sa;Password=xxxxxxxx;" }
        }
        """)

# ==========================================================================
# crash -- crash reports, stack traces, error-tracker / APM payloads

@sec("crash", "en", "password")
def django_debug_page_meta(r):
    return F("""
        A customer sent us this screenshot text -- apparently DEBUG was on in staging and the yellow error page was public for a few hours. What exactly leaked?

        OperationalError at /checkout/confirm
        could not translate host name "pg-staging" to address
        Request Method: POST
        Django Version: 5.0.6
        Python Version: 3.12.3
        ...
        META
        Variable                 Value
        CONTENT_TYPE             'application/x-www-form-urlencoded'
        DATABASE_URL             'postgres://shop:⟦p⟧@pg-staging:5432/shop'
        DJANGO_SETTINGS_MODULE   'shop.settings.staging'
        MAILGUN_API_KEY          '⟦m⟧'
        HTTP_USER_AGENT          'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)'
        """, p=S("password", pw(r, "en", url=True)), m=S("mailgun_api_key", "key-" + hexs(r, 32)))


@sec("crash", "en", "replicate_api_token")
def node_crash_process_env(r):
    return F("""
        The image-generation worker crashes now and then. A colleague added console.log(process.env) while debugging, which is why that's in the log. Can you explain the actual error?

        {
          NODE_ENV: 'production',
          HOSTNAME: 'imggen-7c9f8d6b5-q2kzt',
          REPLICATE_API_TOKEN: '⟦t⟧',
          MODEL_VERSION: 'stability-ai/sdxl',
          HOME: '/home/node'
        }
        node:internal/process/promises:391
            triggerUncaughtException(err, true /* fromPromise */);
            ^
        Error: Prediction failed: CUDA out of memory
            at pollPrediction (/app/dist/replicate.js:88:15)
        """, t=S("replicate_api_token", "r8_" + rs(r, AN, 37)))


@sec("crash", "en", "password")
def java_stacktrace_jdbc_url(r):
    p = pw(r, "en", url=True)
    return F("""
        Stack trace from the nightly report job. Why does the driver say the host is unknown when I can ping it?

        2026-11-03 02:00:04.117 ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed
        org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection
        Caused by: java.sql.SQLNonTransientConnectionException: Could not create connection to database server. URL: jdbc:mysql://reports-db.prod:3306/reports?user=reporter&password=⟦p⟧&useSSL=true
            at com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:111)
            at com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:815)
        Caused by: java.net.UnknownHostException: reports-db.prod: Name or service not known
        """, p=S("password", p))


@sec("crash", "fr", "basic_auth")
def sentry_event_basic_auth(r):
    blob = b64("api-partenaires:" + pw(r, "fr", ascii_only=True))
    return F("""
        Sentry a capturé cet événement sur l'API partenaires. Faut-il supprimer l'événement, ou les en-têtes sont-ils déjà filtrés ? Extrait du JSON :

        {
          "event_id": "⟦e⟧",
          "level": "error",
          "exception": {"values": [{"type": "TimeoutError", "value": "upstream timed out"}]},
          "request": {
            "method": "POST",
            "url": "https://api.transports-garnier.fr/v2/expeditions",
            "headers": {
              "Authorization": "Basic ⟦b⟧",
              "Content-Type": "application/json",
              "X-Request-Id": "⟦q⟧"
            }
          }
        }
        """, e=hexs(r, 32), b=S("basic_auth", blob), q=uid(r))


@sec("crash", "es", "password")
def datadog_log_redis_url(r):
    return F("""
        Este log salió en Datadog después del despliegue del worker de pedidos. ¿Por qué se conecta al Redis equivocado?

        {
          "service": "pedidos-worker",
          "status": "error",
          "host": "ip-10-4-2-17",
          "message": "Error 111 connecting to redis://:⟦p⟧@redis-master.pedidos.svc:6379/0. Connection refused.",
          "dd": {"trace_id": "⟦t⟧", "span_id": "⟦s⟧"}
        }
        """, p=S("password", pw(r, "es", url=True)), t=digits(r, 19), s=digits(r, 19))


@sec("crash", "en", "slack_bot_token")
def go_panic_config_struct(r):
    return F("""
        Our alert-router panicked on startup. Someone had added a debug Printf of the config. What's the nil pointer?

        2026/11/12 07:41:09 config: {ListenAddr::9094 SlackToken:⟦t⟧ DefaultChannel:#ops-alerts PagerDuty:<nil> Retries:3}
        panic: runtime error: invalid memory address or nil pointer dereference
        [signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6d2f14]

        goroutine 1 [running]:
        main.(*Router).routeCritical(0xc0001a4000, {0xc00012e0c0, 0x2a})
                /src/router.go:142 +0x54
        main.main()
                /src/main.go:57 +0x2b1
        """, t=S("slack_bot_token", xoxb(r)))


@sec("crash", "zh", "jwt")
def android_logcat_okhttp(r):
    tok = jwt(r, {"sub": digits(r, 8), "role": "member", "iss": "https://auth.xiaoyu-app.cn",
                  "exp": 1794067200}, alg="RS256", sig_bytes=256)
    return F("""
        测试同事发来的 logcat，App 在打开订单页时崩溃。请帮忙分析一下 NullPointerException 的原因：

        11-20 14:02:31.455  8812  8870 I okhttp.OkHttpClient: --> GET https://api.xiaoyu-app.cn/v3/orders?page=1
        11-20 14:02:31.455  8812  8870 I okhttp.OkHttpClient: Authorization: Bearer ⟦t⟧
        11-20 14:02:31.612  8812  8870 I okhttp.OkHttpClient: <-- 200 OK (156ms)
        11-20 14:02:31.640  8812  8812 E AndroidRuntime: FATAL EXCEPTION: main
        11-20 14:02:31.640  8812  8812 E AndroidRuntime: java.lang.NullPointerException: Attempt to invoke virtual method 'java.lang.String cn.xiaoyu.model.Order.getTitle()' on a null object reference
        """, t=S("jwt", tok))


@neg("crash", "en", "redacted")
def sentry_event_filtered(r):
    return F("""
        Sentry's data scrubber seems to be working -- can you confirm nothing sensitive is left in this event before I share it with the vendor?

        "request": {
          "url": "https://app.fieldnote.io/api/sync",
          "headers": {
            "Authorization": "[Filtered]",
            "Cookie": "[Filtered]",
            "User-Agent": "FieldNote/4.2.1 (iPad; iOS 18.1)"
          },
          "data": {"password": "[Filtered]", "email": "[email]", "device_id": "⟦d⟧"}
        },
        "extra": {"sys.argv": ["gunicorn", "fieldnote.wsgi"], "DATABASE_URL": "[Filtered]"}
        """, d=uid(r))


@neg("crash", "en", "identifier")
def java_oom_thread_dump(r):
    return F("""
        The orders service hits OutOfMemoryError every night around 3 am. Here's the start of the thread dump -- what should I be looking at?

        "scheduling-1" #42 prio=5 os_prio=0 cpu=81234.55ms elapsed=10822.41s tid=0x00007f3c⟦a⟧ nid=0x2f1c waiting on condition  [0x00007f3b⟦b⟧]
           java.lang.Thread.State: TIMED_WAITING (parking)
            at jdk.internal.misc.Unsafe.park(java.base@21.0.4/Native Method)
            - parking to wait for  <0x00000006⟦c⟧> (a java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject)
        java.lang.OutOfMemoryError: Java heap space
        Dumping heap to /var/dump/java_pid1.hprof ...
        Heap dump file created [2147395632 bytes in 11.204 secs]
        """, a=hexs(r, 8), b=hexs(r, 8), c=hexs(r, 8))


@neg("crash", "ru", "benign_env")
def core_dump_env_benign(r):
    return F("""
        Получил core dump от падения демона печати. coredumpctl info выдал окружение процесса — есть ли тут что-то, что нельзя отправлять разработчикам вендора?

        Environment:
          LANG=ru_RU.UTF-8
          PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin
          HOME=/var/spool/cups
          INVOCATION_ID=⟦i⟧
          JOURNAL_STREAM=8:⟦j⟧
          SYSTEMD_EXEC_PID=1187
          CUPS_SERVERROOT=/etc/cups
        """, i=hexs(r, 32), j=str(r.randint(20000, 99999)))


@neg("crash", "ko", "request_id")
def datadog_apm_trace_ids(r):
    return F("""
        결제 API 응답이 느려서 Datadog APM 트레이스를 내보냈습니다. 이 중에 외부 공유하면 안 되는 값이 있을까요?

        {
          "trace_id": "⟦t⟧",
          "span_id": "⟦s⟧",
          "service": "payment-api",
          "resource": "POST /v1/payments/confirm",
          "duration_ms": 4821,
          "meta": {
            "version": "⟦v⟧",
            "http.request_id": "⟦q⟧",
            "env": "prod"
          }
        }
        """, t=digits(r, 19), s=digits(r, 19), v=hexs(r, 40), q=uid(r))


@neg("crash", "sv", "public_client_key")
def datadog_rum_client_token(r):
    return F("""
        Vår säkerhetsskanner flaggar den här raden i frontend-koden som en läckt nyckel. Är clientToken verkligen hemlig? Den ligger ju i webbläsaren ändå.

        import { datadogRum } from '@datadog/browser-rum';

        datadogRum.init({
          applicationId: '⟦a⟧',
          clientToken: 'pub⟦c⟧',
          site: 'datadoghq.eu',
          service: 'bokning-web',
          env: 'prod',
          sessionSampleRate: 20,
        });
        """, a=uid(r), c=hexs(r, 32))

# ==========================================================================
# messages -- Slack and Teams messages and exports

@sec("messages", "en", "password")
def slack_thread_db_pw(r):
    return F("""
        Can you summarise this Slack thread into a short incident timeline for the postmortem doc?

        #data-eng  Tue 10:42
        Priya Raman: replica lag is at 40 min again, anyone touching pg-analytics?
        Tom Becker: not me. if you need to get in, the read-only user is analyst_ro / ⟦p⟧
        Priya Raman: thx, looks like the nightly VACUUM FULL is still running
        Tom Becker: killing it, will reschedule for Sunday
        Priya Raman: lag dropping 👍
        """, p=S("password", pw(r, "en")))


@sec("messages", "de", "password")
def teams_message_de(r):
    return F("""
        Bitte formuliere aus diesem Teams-Verlauf eine kurze Übergabe-Mail an den Dienstleister:

        Weber, Jonas  09:14
        Der Backup-Job auf FS03 läuft seit Montag nicht mehr durch.
        Kaya, Elif  09:16
        Liegt am abgelaufenen Kennwort vom Dienstkonto. Neues Kennwort für svc-veeam ist ⟦p⟧ – hab ich gerade im AD gesetzt.
        Weber, Jonas  09:21
        Danke, Job läuft wieder an. Ich schließe das Ticket.
        """, p=S("password", pw(r, "de")))


@sec("messages", "en", "linear_api_key")
def slack_json_export_linear(r):
    return F("""
        Parsing our Slack export with jq and this message breaks my script -- can you give me a jq filter that pulls user, ts and text?

        [
          {
            "type": "message",
            "user": "U04KX8Q2M1P",
            "ts": "1730802211.559029",
            "text": "for the triage bot, use this Linear key: ⟦k⟧ (workspace: Orbit)",
            "team": "T02HH7R9L5A",
            "blocks": []
          }
        ]
        """, k=S("linear_api_key", "lin_api_" + rs(r, AN, 40)))


@sec("messages", "fr", "teams_webhook")
def teams_webhook_url(r):
    url = "https://agenceduval.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s/V2%s" % (
        uid(r), uid(r), hexs(r, 32), uid(r), rs(r, B64U, 44))
    return F("""
        Message reçu dans le canal Teams « Supervision ». Tu peux m'écrire le script PowerShell qui poste une alerte dessus ?

        Marc Lefèvre (11:05) : J'ai créé le connecteur entrant pour les alertes Zabbix, voici l'URL à utiliser :
        ⟦u⟧
        Marc Lefèvre (11:06) : format MessageCard pour l'instant, on passera aux Adaptive Cards plus tard.
        """, u=S("teams_webhook", url))


@sec("messages", "ja", "password")
def slack_dm_snowflake_ja(r):
    return F("""
        Slack の DM をそのまま貼ります。この内容を元に、新メンバー向けのアカウント発行手順書を作ってください。

        佐藤 健 10:31
        Snowflake の分析用アカウント作りました。ユーザー名は HAYASHI_MIKI、初期パスワードは ⟦p⟧ です。
        佐藤 健 10:32
        初回ログインでパスワード変更を求められるので、変えておいてください。ロールは ANALYST_JP です。
        林 美希 10:40
        ありがとうございます！ログインできました。
        """, p=S("password", pw(r, "ja")))


@sec("messages", "tr", "discord_webhook")
def discord_webhook_tr(r):
    url = "https://discord.com/api/webhooks/%s/%s" % (digits(r, 19), rs(r, B64U, 68))
    return F("""
        Sunucudaki #duyurular kanalına otomatik mesaj atmak için arkadaşım bu webhook'u Slack'ten gönderdi. Python ile nasıl kullanırım?

        [14:22] Emre Yılmaz: webhook hazır, şu adrese POST atman yeterli
        [14:22] Emre Yılmaz: ⟦u⟧
        [14:23] Emre Yılmaz: username alanına "Duyuru Botu" yazarsan güzel görünür
        """, u=S("discord_webhook", url))


@sec("messages", "pl", "recovery_code")
def teams_chat_recovery_codes_pl(r):
    codes = [S("recovery_code", "%s-%s" % (hexs(r, 5), hexs(r, 5))) for _ in range(4)]
    return F("""
        Z czatu Teams w zespole IT. Napisz mi proszę procedurę, jak bezpiecznie przechowywać takie kody:

        Nowak, Agnieszka  13:47
        Wklejam kody odzyskiwania do wspólnego konta GitHub „biuro-admin”, gdyby ktoś zgubił telefon z aplikacją 2FA:
        ⟦a⟧
        ⟦b⟧
        ⟦c⟧
        ⟦d⟧
        Zieliński, Piotr  13:49
        Dzięki, zapisałem.
        """, a=codes[0], b=codes[1], c=codes[2], d=codes[3])


@neg("messages", "en", "rotation_notice")
def slack_rotation_notice(r):
    return F("""
        Turn this announcement into a checklist for the other squads:

        #payments-eng  Thu 16:03
        Lena Fischer: Heads-up: I rotated the Stripe webhook signing secret for the prod endpoint (we_⟦w⟧) after the laptop incident. The new value is in 1Password → "Payments / Stripe webhook (prod)" and already deployed via the payments-webhook ExternalSecret. Old secret stays valid for 24h. If you run stripe listen locally, nothing changes for you.
        """, w=rs(r, AN, 24))


@neg("messages", "es", "masked_key")
def teams_masked_es(r):
    return F("""
        Mensaje de Teams del proveedor. ¿Qué les contesto para que revoquen la clave correcta?

        Gómez, Andrea  12:10
        Hola, vemos en nuestros registros llamadas con una clave vuestra que termina en …⟦a⟧ desde una IP que no está en la lista blanca. La clave se creó el 14/03 y su prefijo es pk_live_…; la secreta asociada es la que empieza por sk_live_51… y termina en …⟦b⟧. ¿La podéis revocar hoy?
        """, a=rs(r, AN, 4), b=rs(r, AN, 4))


@neg("messages", "en", "identifier")
def slack_azure_ids(r):
    return F("""
        Microsoft support asked for these ids in the case. Can you format them as a table for the email reply?

        Jamal Okafor  09:58
        tenant: ⟦t⟧
        subscription: ⟦s⟧
        app registration (client id): ⟦c⟧
        object id of the managed identity: ⟦o⟧
        correlation id from the failed deployment: ⟦x⟧
        """, t=uid(r), s=uid(r), c=uid(r), o=uid(r), x=uid(r))


@neg("messages", "zh", "vault_path")
def slack_bot_vault_path_zh(r):
    return F("""
        这是机器人在 #infra 频道里发的消息，我想让它的格式更友好一点，帮我改写一下模板：

        vault-bot  15:20
        ✅ 密钥已迁移：订单服务的数据库密码现在位于 kv/data/prod/order-service 的 db_password 字段。
        读取方式：vault kv get -field=db_password kv/prod/order-service
        旧的路径 secret/order/db 将于 12 月 1 日删除。
        """)


@neg("messages", "it", "placeholder")
def teams_placeholder_it(r):
    return F("""
        Ho mandato questo messaggio su Teams ai colleghi del negozio di Verona. Me lo rendi più chiaro?

        Ciao a tutti, per collegarvi al nuovo gestionale aprite il file config.ini e alla riga password= scrivete <LA_VOSTRA_PASSWORD_DEL_PORTALE> al posto del testo tra parentesi. Se non la ricordate, chiedetela a Francesca, non scrivetela qui in chat.
        """)


@neg("messages", "ko", "security_advice")
def slack_security_advice_ko(r):
    return F("""
        보안팀 공지를 조금 더 부드러운 말투로 다듬어 주세요.

        #전체공지  월 09:00
        최근 슬랙 채널에 비밀번호나 API 키를 그대로 붙여 넣는 사례가 있었습니다. 앞으로 자격 증명은 반드시 1Password 공유 기능이나 Vault 를 통해 전달해 주세요. 실수로 올렸다면 메시지를 지우는 것만으로는 부족하니, 해당 키를 즉시 폐기하고 보안팀(#security)에 알려 주세요.
        """)

# ==========================================================================
# wiki -- Confluence and Notion pages

@sec("wiki", "en", "password")
def confluence_env_table(r):
    return F("""
        This Confluence page is from 2021 and is out of date. Please turn it into a cleaner "How to connect" section; the host names changed to *.db.internal.

        Environments
        || Env || Host || DB user || Password || Notes ||
        | dev | pg-dev-01 | reporting | (trust auth, none) | local only |
        | staging | pg-stg-01 | reporting | ⟦a⟧ | refreshed weekly from prod |
        | prod | pg-prd-01 | reporting_ro | ⟦b⟧ | read replica, ask #dba before heavy queries |
        """, a=S("password", pw(r, "en")), b=S("password", pw(r, "en", style="phrase")))


@sec("wiki", "de", "postmark_server_token")
def notion_vendor_access_de(r):
    return F("""
        Ich habe diese Notion-Seite als Markdown exportiert. Kannst du daraus eine Tabelle „Dienst / Verantwortlich / Ablaufdatum“ machen?

        # Zugänge Dienstleister

        ## Transaktions-Mails (Postmark)
        - Verantwortlich: Sandra Kühn
        - Server: „Shop Produktion“
        - Server API Token: ⟦t⟧
        - Läuft nicht ab, Rotation halbjährlich

        ## Newsletter (CleverReach)
        - Verantwortlich: Marketing
        - Zugang über SSO, kein eigener Schlüssel
        """, t=S("postmark_server_token", uid(r)))


@sec("wiki", "fr", "password")
def confluence_storage_nas_fr(r):
    return F("""
        J'ai récupéré le format de stockage Confluence de la page « Accès NAS » via l'API. Tu peux le convertir en Markdown propre ?

        <h2>NAS Synology du siège</h2>
        <p>Adresse : <code>https://nas-siege.cabinet-roux.local:5001</code></p>
        <ac:structured-macro ac:name="code">
          <ac:parameter ac:name="title">Compte administrateur</ac:parameter>
          <ac:plain-text-body><![CDATA[utilisateur : admin-cabinet
        mot de passe : ⟦p⟧]]></ac:plain-text-body>
        </ac:structured-macro>
        <p>Sauvegarde Hyper Backup chaque nuit à 2 h vers le NAS de Mâcon.</p>
        """, p=S("password", pw(r, "fr")))


@sec("wiki", "es", "atlassian_api_token")
def notion_export_atlassian_es(r):
    tok = "ATATT3xFfGF0" + rs(r, B64U, 168) + "=" + rs(r, HEXU, 8)
    return F("""
        Exporté esta página de Notion donde documentamos la integración con Jira. ¿Me ayudas a convertirla en un README para el repo?

        # Integración Jira ↔ Helpdesk

        ▸ Cuenta de servicio
          Usuario: integraciones@grupo-almendra.es
          Token API de Atlassian: ⟦t⟧
          Creado por: Javier Ortiz

        ▸ Proyecto destino: SOP (Soporte)
        ▸ Webhook de salida: configurado en Automatización → Regla 14
        """, t=S("atlassian_api_token", tok))


@sec("wiki", "pt", "password")
def confluence_vpn_portal_pt(r):
    return F("""
        Página do Confluence da equipe de suporte. Preciso transformar em um passo a passo para os técnicos novos:

        Acesso remoto – clientes da rede de farmácias
        1. Abrir o FortiClient e conectar em vpn.farmaviva.com.br:10443
        2. Usuário: suporte.terceiro
        3. Senha (trocada em outubro): ⟦p⟧
        4. Depois de conectar, acessar o servidor de retaguarda em 10.30.0.5 via RDP
        """, p=S("password", pw(r, "pt")))


@sec("wiki", "en", "grafana_service_account_token")
def notion_db_csv_observability(r):
    return F("""
        Exported our Notion "Observability keys" database to CSV. Can you tell me which of these should be moved to the secret manager first?

        Name,Service,Owner,Created,Value
        Axiom ingest (edge logs),cdn,@marta,2026-02-11,⟦a⟧
        Grafana SA (dashboards-as-code),grafana,@devin,2026-05-02,⟦b⟧
        Grafana folder UID,grafana,@devin,2026-05-02,⟦u⟧
        """, a=S("axiom_api_token", "xaat-" + uid(r)), b=S("grafana_service_account_token", glsa(r)),
        u=rs(r, LO + DG, 14))


@neg("wiki", "nl", "password_policy")
def wiki_password_policy_nl(r):
    return F("""
        Dit is onze huidige wikipagina over wachtwoorden. Klopt dit nog met de BIO-richtlijnen, en wat zou je aanpassen?

        Wachtwoordbeleid medewerkers
        • Minimaal 14 tekens, bij voorkeur een zin van vier of meer woorden
        • Geen verplichte wisseling meer, alleen bij vermoeden van lekken
        • MFA verplicht voor e-mail, VPN en het zaaksysteem
        • Wachtwoorden nooit delen via Teams of e-mail; gebruik de kluis in Keeper
        • Lokale beheerderswachtwoorden worden door LAPS beheerd
        """)


@neg("wiki", "en", "vault_path")
def confluence_access_request(r):
    return F("""
        Can you shorten this Confluence section? It's the onboarding page for backend engineers.

        Where secrets live
        All service credentials are in Vault (https://vault.corp.internal). Paths follow kv/<team>/<service>/<env>, for example kv/checkout/payments-api/prod. You do not need to copy anything locally: services read them through the Vault Agent sidecar. To get read access, open a ServiceNow request "Vault policy – read" and name the path. Break-glass credentials are in the sealed envelope in the Frankfurt office safe.
        """)


@neg("wiki", "ja", "placeholder")
def notion_template_ja(r):
    return F("""
        Notion の「外部サービス登録」テンプレートです。入力例をもう少し分かりやすくしたいので改善案をください。

        ■ サービス名：<例：Backlog>
        ■ 管理者アカウント：<メールアドレス>
        ■ APIキー：<ここにAPIキーを貼らないでください。1Password のリンクを記載>
        ■ 保管場所：op://Engineering/<アイテム名>/credential
        ■ 更新期限：<YYYY-MM-DD>
        """)


@neg("wiki", "tr", "identifier")
def confluence_ids_tr(r):
    return F("""
        Confluence sayfamızdaki bu tabloyu Jira otomasyonu için JSON'a çevirebilir misin?

        | Takım | Jira proje anahtarı | Confluence alan ID | Pano ID | Sorumlu hesap ID |
        | Ödeme | ODM | ⟦a⟧ | 412 | ⟦x⟧ |
        | Lojistik | LOJ | ⟦b⟧ | 415 | ⟦y⟧ |
        """, a=digits(r, 9), b=digits(r, 9), x="712020:" + uid(r), y="712020:" + uid(r))


@neg("wiki", "sv", "hash")
def wiki_host_key_fingerprints_sv(r):
    return F("""
        Vi har en wikisida med servrarnas SSH-fingeravtryck så att man kan verifiera första anslutningen. Kan du lägga till en förklaring av hur man jämför dem?

        Server              Typ       Fingeravtryck
        bastion.kommun.se   ED25519   SHA256:⟦a⟧
        bastion.kommun.se   RSA       SHA256:⟦b⟧
        git.kommun.se       ED25519   SHA256:⟦c⟧
        """, a=b64(rb(r, 32)).rstrip("="), b=b64(rb(r, 32)).rstrip("="), c=b64(rb(r, 32)).rstrip("="))

# ==========================================================================
# onboarding -- vendor welcome / onboarding emails

@sec("onboarding", "en", "password")
def onboarding_sftp_en(r):
    return F("""
        We got this from the payroll provider. Can you draft the firewall change request it implies?

        From: Onboarding Team <onboarding@paycircle-hr.com>
        Subject: Welcome to PayCircle -- your SFTP drop is ready

        Hello Northbridge Logistics team,

        Your dedicated SFTP folder for payroll exports is now live.

          Host:      sftp.paycircle-hr.com (port 2222)
          Username:  nbl_payroll_01
          Temporary password: ⟦p⟧

        Please log in within 7 days and change the password; afterwards we recommend switching to key-based authentication. Our egress IPs for the return files are 203.0.113.40 and 203.0.113.41.

        Kind regards,
        PayCircle Implementation
        """, p=S("password", pw(r, "en", style="random")))


@sec("onboarding", "de", "mollie_api_key")
def onboarding_mollie_de(r):
    return F("""
        Die Agentur hat uns diese Mail weitergeleitet. Was genau müssen wir in unserem Shopware-Plugin eintragen?

        Betreff: Ihr Mollie-Konto ist freigeschaltet

        Guten Tag Frau Albrecht,

        Ihr Händlerkonto für „Teehaus Albrecht“ wurde geprüft und ist nun live. Für die Integration benötigen Sie folgende Zugangsdaten:

        Live-API-Schlüssel: ⟦k⟧
        Profil-ID: pfl_⟦p⟧

        Bitte bewahren Sie den Schlüssel vertraulich auf.

        Mit freundlichen Grüßen
        Ihr Onboarding-Team
        """, k=S("mollie_api_key", "live_" + rs(r, AN, 30)), p=rs(r, AN, 10))


@sec("onboarding", "en", "splunk_hec_token")
def onboarding_splunk_hec(r):
    tok = uid(r).upper()
    return F("""
        Forwarding the welcome mail from our Splunk Cloud partner. Which of these settings go into the Fluent Bit output block?

        Subject: [Action required] Your Splunk Cloud trial stack is ready

        Stack URL: https://prd-p-7x2kq.splunkcloud.com
        HTTP Event Collector endpoint: https://http-inputs-prd-p-7x2kq.splunkcloud.com:443/services/collector/event
        HEC token (index: app_logs): ⟦t⟧
        Default sourcetype: _json

        This token can write to the app_logs index only. Contact your partner manager to raise daily ingest limits.
        """, t=S("splunk_hec_token", tok))


@sec("onboarding", "fr", "newrelic_api_key")
def onboarding_newrelic_fr(r):
    return F("""
        Notre intégrateur nous a envoyé ce courriel après la création du compte New Relic. Quelle clé va dans l'agent PHP et laquelle sert au Terraform ?

        Objet : Accès New Relic – compte 4418203

        Bonjour Mme Girard,

        Voici les éléments pour démarrer :
        • Clé utilisateur (API NerdGraph, Terraform) : ⟦u⟧
        • Clé de licence (ingest, agents APM) : ⟦l⟧
        • Région : EU (collector.eu01.nr-data.net)

        Pensez à créer ensuite vos propres clés et à désactiver celles-ci.

        Cordialement,
        L'équipe Déploiement
        """, u=S("newrelic_api_key", nrak(r)), l=S("newrelic_license_key", nr_license(r)))


@sec("onboarding", "it", "password")
def onboarding_portal_it(r):
    return F("""
        Ci è arrivata questa email dal fornitore del software gestionale. Puoi prepararmi una risposta per chiedere l'accesso con SSO invece della password?

        Oggetto: Credenziali di accesso al portale assistenza

        Gentile cliente Ottica Ferraris,

        le confermiamo l'attivazione dell'area riservata. Di seguito le credenziali:
        Utente: ottica.ferraris
        Password provvisoria: ⟦p⟧
        Portale: https://assistenza.gestionaleplus.it

        Al primo accesso le verrà chiesto di impostare una nuova password.
        Cordiali saluti,
        Ufficio Attivazioni
        """, p=S("password", pw(r, "it")))


@sec("onboarding", "ko", "toss_secret_key")
def onboarding_toss_ko(r):
    return F("""
        결제대행사에서 온 계약 완료 메일입니다. 스프링 서버에 어떤 키를 넣어야 하는지 정리해 주세요.

        제목: [토스페이먼츠] 라이브 키 발급 안내

        안녕하세요, 하늘꽃집 담당자님.
        전자결제 계약이 완료되어 라이브 키가 발급되었습니다.

        - 클라이언트 키: live_ck_⟦c⟧
        - 시크릿 키: ⟦s⟧

        시크릿 키는 서버에서만 사용하시고 외부에 노출되지 않도록 주의해 주세요.
        """, c=rs(r, AN, 28), s=S("toss_secret_key", "live_sk_" + rs(r, AN, 28)))


@neg("onboarding", "es", "out_of_band_notice")
def onboarding_out_of_band_es(r):
    return F("""
        Recibimos este correo del nuevo proveedor de facturación electrónica. ¿Es normal que no incluyan la contraseña?

        Asunto: Alta completada – Portal FacturaRed

        Estimado cliente:

        Su cuenta para Distribuciones Lorca S.L. ya está creada. Por seguridad, la contraseña inicial no se envía por correo: recibirá un SMS en el teléfono registrado con un enlace de un solo uso, válido durante 24 horas. Su usuario es el NIF de la empresa.

        Atentamente,
        Equipo de Activaciones
        """)


@neg("onboarding", "en", "identifier")
def onboarding_client_id_only(r):
    return F("""
        The HR platform sent this after we registered our OAuth app. What else do we need before we can call their API?

        Subject: Your API application "Northbridge Sync" was approved

        Client ID: ⟦c⟧
        Allowed redirect URIs: https://sync.northbridge.io/oauth/callback
        Scopes granted: employees.read, timeoff.read
        Sandbox tenant: nbl-sandbox-⟦t⟧

        The client secret was displayed once when the app was created and is not included in this message. If it was not saved, generate a new one under Settings > Developer > Applications.
        """, c=uid(r), t=rs(r, LO + DG, 6))


@neg("onboarding", "pt", "publishable_key")
def onboarding_mercadopago_public_pt(r):
    return F("""
        O Mercado Pago mandou este e-mail de boas-vindas. Posso colocar essa chave direto no JavaScript do checkout?

        Assunto: Suas credenciais de produção estão ativas

        Olá, Doceria Bem-Casado!

        Public Key (use no front-end, Checkout Bricks): APP_USR-⟦p⟧
        Access Token: disponível em Suas integrações > Credenciais de produção (não enviamos por e-mail)

        Qualquer dúvida, fale com a gente.
        """, p=uid(r))


@neg("onboarding", "ja", "identifier")
def onboarding_merchant_ids_ja(r):
    return F("""
        決済代行会社からの開通メールです。社内 Wiki に載せてよい情報かどうか判断してください。

        件名：【開通のお知らせ】オンライン決済サービス

        株式会社みどり書房 ご担当者様

        本番環境の開通が完了しました。
        ・マーチャントID：⟦m⟧
        ・ショップID：⟦s⟧
        ・管理画面URL：https://merchant.pay-gateway.jp/login
        本番用シークレットキーは、管理画面の「API設定」から各自発行してください（本メールには記載しておりません）。
        """, m=digits(r, 8), s="tshop" + digits(r, 8))


@neg("onboarding", "en", "certificate")
def onboarding_mtls_cert(r):
    return F("""
        Our bank's treasury API uses mutual TLS. They emailed this; what do we do with it, and does it need to go into Vault?

        Subject: Host-to-host connectivity -- server certificate for pinning

        Please pin the following server certificate (SHA-256 fingerprint ⟦f⟧). Your client certificate must be issued from the CSR you generate on your side; never send us your private key.

        ⟦c⟧
        """, f=":".join(hexs(r, 2).upper() for _ in range(32)), c=cert_pem(r))

# ==========================================================================
# monitoring -- Prometheus, Alertmanager, Grafana, OTel, agents

@sec("monitoring", "en", "grafana_cloud_token")
def prometheus_remote_write_glc(r):
    return F("""
        Remote write to Grafana Cloud returns 401 although the URL is right. prometheus.yml excerpt:

        global:
          scrape_interval: 30s
          external_labels:
            cluster: eu-prod-1
        remote_write:
          - url: https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push
            basic_auth:
              username: "⟦u⟧"
              password: ⟦p⟧
            queue_config:
              max_samples_per_send: 2000
        """, u=digits(r, 7), p=S("grafana_cloud_token", glc(r, "stack-" + digits(r, 6) + "-hm-write-prom-eu")))


@sec("monitoring", "de", "slack_webhook")
def alertmanager_receivers_de(r):
    return F("""
        Kritische Alerts sollen zusätzlich an PagerDuty gehen, aber es kommt nichts an. Hier ist unsere alertmanager.yml – siehst du den Fehler im Routing?

        global:
          slack_api_url: '⟦s⟧'
          smtp_smarthost: 'mail.netzbetrieb-sued.de:587'
          smtp_from: 'alertmanager@netzbetrieb-sued.de'
          smtp_auth_username: 'alertmanager@netzbetrieb-sued.de'
          smtp_auth_password: '⟦m⟧'
        route:
          receiver: team-slack
          routes:
            - matchers: [severity="critical"]
              receiver: pagerduty-netz
        receivers:
          - name: team-slack
            slack_configs:
              - channel: '#netz-alerts'
          - name: pagerduty-netz
            pagerduty_configs:
              - routing_key: ⟦k⟧
        """, s=S("slack_webhook", slack_webhook(r)), m=S("password", pw(r, "de", sym="!#*-_.+?@")),
        k=S("pagerduty_routing_key", hexs(r, 32)))


@sec("monitoring", "pl", "password")
def grafana_ini_pl(r):
    return F("""
        Po aktualizacji Grafany do 11.x nie da się zalogować na konto admina, a w logach jest „invalid username or password”. Oto fragment grafana.ini:

        [server]
        root_url = https://grafana.energa-serwis.pl/

        [database]
        type = postgres
        host = 10.12.0.8:5432
        name = grafana
        user = grafana
        password = \"\"\"⟦d⟧\"\"\"

        [security]
        admin_user = admin
        admin_password = ⟦a⟧
        secret_key = ⟦k⟧
        """, d=S("password", pw(r, "pl")), a=S("password", pw(r, "pl", style="season")),
        k=S("grafana_secret_key", rs(r, AN, 32)))


@sec("monitoring", "en", "honeycomb_api_key")
def otel_collector_honeycomb(r):
    return F("""
        Spans reach the collector (I see them in the debug exporter) but never show up in Honeycomb. Collector config:

        receivers:
          otlp:
            protocols:
              grpc: {}
              http: {}
        exporters:
          otlp/honeycomb:
            endpoint: api.eu1.honeycomb.io:443
            headers:
              x-honeycomb-team: ⟦k⟧
          debug:
            verbosity: basic
        service:
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [debug]
        """, k=S("honeycomb_api_key", hcaik(r)))


@sec("monitoring", "ru", "datadog_api_key")
def datadog_agent_yaml_ru(r):
    return F("""
        Агент Datadog на сервере 1С запускается, но в логах пишет "API Key invalid, dropping transaction". Вот /etc/datadog-agent/datadog.yaml, что не так?

        api_key: ⟦k⟧
        site: datadoghq.com
        hostname: srv-1c-prod
        tags:
          - env:prod
          - team:buh
        logs_enabled: true
        process_config:
          process_collection:
            enabled: true
        """, k=S("datadog_api_key", datadog_api(r)))


@sec("monitoring", "zh", "influxdb_token")
def telegraf_influx_zh(r):
    tok = base64.urlsafe_b64encode(rb(r, 64)).decode()
    return F("""
        Telegraf 往 InfluxDB 2 写数据一直报 401 unauthorized，bucket 名字我确认过没错。下面是 telegraf.conf 的输出部分：

        [[outputs.influxdb_v2]]
          urls = ["http://10.8.1.20:8086"]
          token = "⟦t⟧"
          organization = "huanan-factory"
          bucket = "plc-metrics"

        [[inputs.modbus]]
          name = "line3"
          controller = "tcp://10.8.3.11:502"
        """, t=S("influxdb_token", tok))


@neg("monitoring", "en", "secret_reference")
def prometheus_password_file(r):
    return F("""
        Is password_file re-read on SIGHUP, or do I need a full restart when the mounted secret rotates? Scrape config:

        scrape_configs:
          - job_name: rabbitmq
            scheme: https
            basic_auth:
              username: prometheus
              password_file: /etc/prometheus/secrets/rabbitmq-password
            static_configs:
              - targets: ["rabbit-1:15692", "rabbit-2:15692"]
          - job_name: kube-state
            authorization:
              credentials_file: /var/run/secrets/kubernetes.io/serviceaccount/token
        """)


@neg("monitoring", "fr", "secret_reference")
def alertmanager_templates_fr(r):
    return F("""
        J'aimerais que le message Slack affiche le runbook. Tu peux m'aider à écrire le template ? Voici la config actuelle :

        global:
          slack_api_url_file: /etc/alertmanager/secrets/slack-webhook
        receivers:
          - name: equipe-exploitation
            slack_configs:
              - channel: '#exploit-alertes'
                title: '{{ template "slack.default.title" . }}'
                text: '{{ range .Alerts }}{{ .Annotations.summary }}{{ end }}'
                send_resolved: true
        """)


@neg("monitoring", "es", "interpolation")
def grafana_provisioning_env_es(r):
    return F("""
        ¿Grafana expande estas variables en los ficheros de provisioning o tengo que usar otra sintaxis?

        apiVersion: 1
        datasources:
          - name: Postgres ventas
            type: grafana-postgresql-datasource
            url: pg-ventas.internal:5432
            user: grafana_ro
            jsonData:
              database: ventas
              sslmode: require
            secureJsonData:
              password: $__env{PG_VENTAS_PASSWORD}
          - name: Loki
            type: loki
            url: http://loki:3100
            basicAuthUser: ${LOKI_USER}
            secureJsonData:
              basicAuthPassword: ${LOKI_PASSWORD}
        """)


@neg("monitoring", "en", "public_client_key")
def newrelic_browser_snippet(r):
    return F("""
        A pentest report lists this as "hard-coded New Relic license key in JavaScript". Is that a real finding?

        <script type="text/javascript">
        ;window.NREUM||(NREUM={});NREUM.init={distributed_tracing:{enabled:true},privacy:{cookies_enabled:true}};
        NREUM.loader_config={accountID:"⟦a⟧",trustKey:"⟦a⟧",agentID:"⟦g⟧",licenseKey:"NRJS-⟦l⟧",applicationID:"⟦g⟧"};
        NREUM.info={beacon:"bam.eu01.nr-data.net",errorBeacon:"bam.eu01.nr-data.net",licenseKey:"NRJS-⟦l⟧",applicationID:"⟦g⟧",sa:1};
        </script>
        """, a=digits(r, 7), g=digits(r, 9), l=hexs(r, 19))


@neg("monitoring", "en", "identifier")
def grafana_dashboard_uids(r):
    return F("""
        I need to import this dashboard into another Grafana instance. Which fields have to change for it to work there?

        {
          "uid": "⟦u⟧",
          "title": "Warehouse – orders shipped",
          "panels": [
            {
              "id": 4,
              "type": "timeseries",
              "datasource": {"type": "prometheus", "uid": "⟦d⟧"},
              "targets": [{"expr": "sum(rate(orders_shipped_total[5m])) by (warehouse)"}]
            }
          ],
          "version": 17
        }
        """, u=rs(r, AN, 9), d=rs(r, LO + DG, 14))

# ==========================================================================
# webserver -- nginx, Apache, HAProxy, Traefik, Caddy, htpasswd

@sec("webserver", "en", "basic_auth")
def nginx_proxy_basic_auth(r):
    blob = b64("geo-proxy:" + pw(r, "en", style="random"))
    return F("""
        nginx returns 502 for /geocode/ but the upstream works with curl. Here's the location block:

        location /geocode/ {
            proxy_pass https://geocoder.partner-maps.net/v1/;
            proxy_set_header Host geocoder.partner-maps.net;
            proxy_set_header Authorization "Basic ⟦b⟧";
            proxy_ssl_server_name on;
            proxy_read_timeout 15s;
        }
        """, b=S("basic_auth", blob))


@sec("webserver", "it", "password")
def haproxy_stats_auth(r):
    return F("""
        La pagina delle statistiche di HAProxy chiede il login ma non accetta nessuno dei due utenti. Cosa c'è di sbagliato nella configurazione?

        userlist esercizio
            user monitoraggio insecure-password ⟦a⟧

        frontend stats
            bind *:8404
            stats enable
            stats uri /stats
            stats refresh 10s
            stats auth admin:⟦b⟧
            acl auth_ok http_auth(esercizio)
            http-request auth realm Statistiche unless auth_ok
        """, a=S("password", pw(r, "it", sym="!*-_.+?@=^~")),
        b=S("password", pw(r, "it", sym="!*-_.+?@=^~", style="walk")))


@sec("webserver", "fr", "algolia_admin_key")
def apache_algolia_admin_fr(r):
    return F("""
        On passe par Apache pour relayer les requêtes d'indexation vers Algolia depuis l'intranet. Est-ce que cette configuration est propre ?

        <Location "/algolia-proxy/">
            ProxyPass "https://PL7X3Q9KZA.algolia.net/"
            ProxyPassReverse "https://PL7X3Q9KZA.algolia.net/"
            RequestHeader set X-Algolia-Application-Id "PL7X3Q9KZA"
            RequestHeader set X-Algolia-API-Key "⟦k⟧"
            Require ip 10.50.0.0/16
        </Location>
        """, k=S("algolia_admin_key", hexs(r, 32)))


@sec("webserver", "en", "cloudflare_api_token")
def traefik_cloudflare_token(r):
    return F("""
        Traefik doesn't get wildcard certs -- the log says "cloudflare: failed to find zone". Compose service for Traefik:

        traefik:
          image: traefik:v3.1
          command:
            - --certificatesresolvers.le.acme.dnschallenge=true
            - --certificatesresolvers.le.acme.dnschallenge.provider=cloudflare
            - --certificatesresolvers.le.acme.email=ops@brightpath.dev
          environment:
            CF_DNS_API_TOKEN: ⟦t⟧
          ports:
            - "443:443"
        """, t=S("cloudflare_api_token", rs(r, B64U, 40)))


@sec("webserver", "es", "oauth_client_secret")
def nginx_openidc_es(r):
    return F("""
        Estamos protegiendo el panel interno con lua-resty-openidc delante de Keycloak. Tras el login vuelve al callback y da "state from argument does not match". Este es el bloque:

        access_by_lua_block {
            local opts = {
                redirect_uri = "https://panel.logistica-iberia.es/redirect_uri",
                discovery = "https://sso.logistica-iberia.es/realms/interno/.well-known/openid-configuration",
                client_id = "panel-interno",
                client_secret = "⟦s⟧",
                scope = "openid email profile",
                session_contents = {id_token=true}
            }
            local res, err = require("resty.openidc").authenticate(opts)
            if err then ngx.exit(ngx.HTTP_FORBIDDEN) end
        }
        """, s=S("oauth_client_secret", rs(r, AN, 32)))


@neg("webserver", "en", "password_hash")
def htpasswd_file(r):
    return F("""
        Which of these .htpasswd entries use a weak scheme and should be regenerated with bcrypt?

        grafana-viewer:$apr1$⟦s⟧$⟦a⟧
        status-page:⟦b⟧
        legacy-ci:{SHA}⟦c⟧
        """, s=rs(r, CRYPT, 8), a=rs(r, CRYPT, 22), b=bcrypt_hash(r, "2y", 10),
        c=b64(rb(r, 20)))


@neg("webserver", "nl", "password_hash")
def caddy_basicauth_hash_nl(r):
    return F("""
        Ik heb de hash gegenereerd met `caddy hash-password`. Is het veilig om deze Caddyfile in onze publieke repository te zetten?

        beheer.fietsenmakerij-devries.nl {
            basicauth /admin/* {
                beheerder ⟦h⟧
            }
            reverse_proxy localhost:3000
        }
        """, h=bcrypt_hash(r, "2a", 14))


@neg("webserver", "ru", "certificate")
def nginx_ssl_cert_ru(r):
    return F("""
        Браузер ругается на неполную цепочку сертификатов. Вот конфиг nginx и содержимое fullchain.pem (первый блок) — чего не хватает?

        server {
            listen 443 ssl;
            server_name lk.vodokanal-tver.ru;
            ssl_certificate     /etc/nginx/ssl/fullchain.pem;
            ssl_certificate_key /etc/nginx/ssl/privkey.pem;
        }

        ⟦c⟧
        """, c=cert_pem(r))


@neg("webserver", "en", "interpolation")
def haproxy_env_interpolation(r):
    return F("""
        HAProxy 2.8 starts fine but the stats page rejects my login. Do environment variables work inside "stats auth"?

        global
            setenv STATS_USER ops
        frontend stats
            bind :8404
            stats enable
            stats uri /
            stats auth "${STATS_USER}":"${STATS_PASSWORD}"
        """)


@neg("webserver", "ja", "hash")
def nginx_sri_hashes_ja(r):
    return F("""
        CSP ヘッダーにインラインスクリプトのハッシュを入れました。この nginx 設定、公開リポジトリに置いても問題ありませんか？

        add_header Content-Security-Policy "default-src 'self'; script-src 'self' 'sha256-⟦a⟧' 'sha256-⟦b⟧'; object-src 'none'" always;
        add_header Strict-Transport-Security "max-age=63072000; includeSubDomains; preload" always;
        etag on;
        """, a=b64(rb(r, 32)), b=b64(rb(r, 32)))

# ==========================================================================
# identity -- LDAP, SAML, OIDC, Keycloak, JWK / JWKS

@sec("identity", "en", "password")
def sssd_conf_bind(r):
    return F("""
        id lookups for AD users work, but `su - jdoe` says "Authentication failure". /etc/sssd/sssd.conf:

        [sssd]
        services = nss, pam
        domains = corp.meridian.local

        [domain/corp.meridian.local]
        id_provider = ldap
        auth_provider = ldap
        ldap_uri = ldaps://dc01.corp.meridian.local
        ldap_search_base = dc=corp,dc=meridian,dc=local
        ldap_default_bind_dn = CN=svc-sssd,OU=Service Accounts,DC=corp,DC=meridian,DC=local
        ldap_default_authtok_type = password
        ldap_default_authtok = ⟦p⟧
        ldap_tls_reqcert = demand
        """, p=S("password", pw(r, "en")))


@sec("identity", "it", "oauth_client_secret")
def keycloak_realm_export(r):
    return F("""
        Vogliamo gestire il realm con Terraform invece che con l'import del JSON. Ecco un estratto di realm-export.json: come diventerebbe questo client come risorsa keycloak_openid_client?

        {
          "realm": "portale-comune",
          "clients": [
            {
              "clientId": "servizi-cittadini-backend",
              "enabled": true,
              "clientAuthenticatorType": "client-secret",
              "secret": "⟦s⟧",
              "redirectUris": ["https://servizi.comune-valdarno.it/*"],
              "serviceAccountsEnabled": true,
              "publicClient": false
            }
          ]
        }
        """, s=S("oauth_client_secret", rs(r, AN, 32)))


@sec("identity", "en", "private_key")
def saml_settings_private_key(r):
    key = b64(base64.b64decode("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIB") + rb(r, 1180))
    crt = b64(base64.b64decode("MIIDXzCCAkegAwIBAgIU") + rb(r, 850))
    return F("""
        python3-saml throws "invalid_response: Signature validation failed" after the IdP rolled its cert. Which of these fields do I need to update? settings.json (sp part):

        "sp": {
          "entityId": "https://hr.quarrytech.io/saml/metadata/",
          "assertionConsumerService": {
            "url": "https://hr.quarrytech.io/saml/acs/",
            "binding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
          },
          "x509cert": "⟦c⟧",
          "privateKey": "⟦k⟧"
        }
        """, c=crt, k=S("private_key", key))


@sec("identity", "fr", "jwk_private_key")
def oidc_private_jwk_fr(r):
    return F("""
        Pour signer nos jetons client_assertion (private_key_jwt), j'ai généré cette clé avec jose. Est-ce le bon format à donner à la bibliothèque authlib ?

        {
          "kty": "EC",
          "crv": "P-256",
          "kid": "facturation-2026-11",
          "use": "sig",
          "alg": "ES256",
          "x": "⟦x⟧",
          "y": "⟦y⟧",
          "d": "⟦d⟧"
        }
        """, x=b64u_nopad(rb(r, 32)), y=b64u_nopad(rb(r, 32)),
        d=S("jwk_private_key", b64u_nopad(rb(r, 32))))


@sec("identity", "ko", "password")
def gitlab_rb_ldap_ko(r):
    return F("""
        사내 GitLab 에 LDAP 로그인을 붙였는데 gitlab-rake gitlab:ldap:check 가 "Invalid credentials for bind" 를 출력합니다. /etc/gitlab/gitlab.rb 설정을 봐 주세요.

        gitlab_rails['ldap_enabled'] = true
        gitlab_rails['ldap_servers'] = {
          'main' => {
            'label' => '사내 AD',
            'host' => 'dc1.hanul.local',
            'port' => 636,
            'encryption' => 'simple_tls',
            'bind_dn' => 'CN=gitlab-bind,OU=Service,DC=hanul,DC=local',
            'password' => '⟦p⟧',
            'base' => 'OU=Users,DC=hanul,DC=local',
            'uid' => 'sAMAccountName'
          }
        }
        """, p=S("password", pw(r, "ko")))


@neg("identity", "en", "public_key")
def jwks_public(r):
    return F("""
        Our API gateway caches this JWKS. Is it OK to bake it into the container image as a fallback, or is there anything private in it?

        {
          "keys": [
            {
              "kty": "RSA",
              "kid": "⟦k⟧",
              "use": "sig",
              "alg": "RS256",
              "n": "⟦n⟧",
              "e": "AQAB"
            }
          ]
        }
        """, k=hexs(r, 16), n=b64u_nopad(bytes([r.randint(0xc0, 0xff)]) + rb(r, 255)))


@neg("identity", "de", "certificate")
def saml_idp_metadata_de(r):
    body = b64(base64.b64decode("MIIDXzCCAkegAwIBAgIU") + rb(r, 850))
    return F("""
        Der Dienstleister bittet um unsere IdP-Metadaten. Kann ich ihm diese XML-Datei einfach per Mail schicken?

        <EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://adfs.kreis-wendland.de/adfs/services/trust">
          <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <KeyDescriptor use="signing">
              <KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#">
                <X509Data><X509Certificate>⟦c⟧</X509Certificate></X509Data>
              </KeyInfo>
            </KeyDescriptor>
            <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://adfs.kreis-wendland.de/adfs/ls/"/>
          </IDPSSODescriptor>
        </EntityDescriptor>
        """, c=body)


@neg("identity", "es", "public_metadata")
def oidc_discovery_es(r):
    return F("""
        ¿Qué endpoint de este documento de descubrimiento debo usar para el flujo de dispositivo en la app de la tele?

        {
          "issuer": "https://auth.cadena-sur.tv",
          "authorization_endpoint": "https://auth.cadena-sur.tv/oauth2/authorize",
          "token_endpoint": "https://auth.cadena-sur.tv/oauth2/token",
          "device_authorization_endpoint": "https://auth.cadena-sur.tv/oauth2/device",
          "jwks_uri": "https://auth.cadena-sur.tv/.well-known/jwks.json",
          "grant_types_supported": ["authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"],
          "id_token_signing_alg_values_supported": ["RS256", "ES256"]
        }
        """)


@neg("identity", "en", "identifier")
def auth0_spa_config(r):
    return F("""
        Security asked why the Auth0 client ID is visible in our React bundle. Is this config exposing anything?

        <Auth0Provider
          domain="brightpath.eu.auth0.com"
          clientId="⟦c⟧"
          authorizationParams={{
            redirect_uri: window.location.origin,
            audience: "https://api.brightpath.dev",
          }}
          useRefreshTokens
          cacheLocation="memory"
        >
        """, c=rs(r, AN, 32))


@neg("identity", "pl", "password_hash")
def ldif_ssha_pl(r):
    return F("""
        Importuję użytkowników do OpenLDAP z pliku LDIF i ldapadd zwraca „invalid DN syntax”. Gdzie jest błąd?

        dn: uid=kowalska,ou=ludzie,dc=urzad-gminy,dc=pl
        objectClass: inetOrgPerson
        cn: Anna Kowalska
        sn: Kowalska
        uid: kowalska
        mail: a.kowalska@urzad-gminy.pl
        userPassword: {SSHA}⟦h⟧
        """, h=b64(rb(r, 24)))


@neg("identity", "en", "doc_example_key")
def jwt_io_example(r):
    return F("""
        Our API docs show how to send a bearer token, and a reviewer flagged the sample as a leaked credential. It's the jwt.io default token -- fine to keep?

        curl https://api.lumenfield.io/v2/me \\
          -H "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"

        Decoded payload: {"sub": "1234567890", "name": "John Doe", "iat": 1516239022}
        """)

# ==========================================================================
# network -- WireGuard, OpenVPN, IPsec, routers, SNMP, RADIUS

@sec("network", "en", "wireguard_private_key")
def wireguard_conf(r):
    return F("""
        Handshake never completes between my laptop and the office gateway. This is /etc/wireguard/wg0.conf on the laptop:

        [Interface]
        Address = 10.77.0.14/32
        PrivateKey = ⟦a⟧
        DNS = 10.77.0.1

        [Peer]
        PublicKey = ⟦b⟧
        PresharedKey = ⟦c⟧
        Endpoint = vpn.harrowgate.co.uk:51820
        AllowedIPs = 10.77.0.0/24, 192.168.10.0/24
        PersistentKeepalive = 25
        """, a=S("wireguard_private_key", wg_key(r)), b=wg_key(r),
        c=S("wireguard_preshared_key", wg_key(r)))


@sec("network", "de", "openvpn_static_key")
def openvpn_static_key_de(r):
    lines = "\n".join(hexs(r, 32) for _ in range(16))
    block = ("-----BEGIN OpenVPN Static key V1-----\n" + lines
             + "\n-----END OpenVPN Static key V1-----")
    return F("""
        Der Client bricht mit „TLS Error: tls-crypt unwrapping failed“ ab. Ich habe den Schlüssel direkt in die .ovpn-Datei eingebettet – ist das Format korrekt?

        client
        dev tun
        proto udp
        remote vpn.spedition-hartmann.de 1194
        cipher AES-256-GCM
        auth SHA256
        <tls-crypt>
        ⟦k⟧
        </tls-crypt>
        """, k=S("openvpn_static_key", block))


@sec("network", "en", "snmp_community")
def cisco_snmp_community(r):
    comm = "nms" + r.choice(["-", "_", "."]) + rs(r, AN, 10)
    return F("""
        Our NMS stopped polling this switch after someone "hardened" it. Relevant part of show running-config:

        hostname sw-core-02
        enable secret 9 $9$⟦s⟧$⟦h⟧
        username netops privilege 15 password 0 ⟦p⟧
        snmp-server community ⟦c⟧ RO 20
        snmp-server location DC2-Row4-Rack11
        access-list 20 permit 10.200.5.10
        """, s=rs(r, CRYPT, 14), h=rs(r, CRYPT, 43),
        p=S("password", pw(r, "en", sym="!#*-_.+@=^~")), c=S("snmp_community", comm))


@sec("network", "en", "preshared_key")
def ipsec_psk(r):
    return F("""
        The IPsec tunnel between the Leeds branch and head office drops every 8 hours. Here's ipsec.secrets and the matching conn section:

        # /etc/ipsec.secrets
        82.64.118.20 91.121.40.7 : PSK "⟦k⟧"

        # /etc/ipsec.conf
        conn leeds-hq
            keyexchange=ikev2
            left=82.64.118.20
            leftsubnet=192.168.50.0/24
            right=91.121.40.7
            rightsubnet=10.0.0.0/16
            ike=aes256-sha256-modp2048
            ikelifetime=8h
            auto=start
        """, k=S("preshared_key", rs(r, AN + "+/", 32)))


@sec("network", "ru", "password")
def mikrotik_export_ru(r):
    return F("""
        Выгрузил конфиг MikroTik командой /export show-sensitive. Помогите понять, почему клиенты PPPoE не получают адреса из пула:

        /ip pool
        add name=pppoe-pool ranges=100.64.10.2-100.64.10.254
        /ppp profile
        add local-address=100.64.10.1 name=abonenty remote-address=pppoe-pool
        /ppp secret
        add name=ivanov-kv12 password=⟦a⟧ profile=abonenty service=pppoe
        add name=petrova-kv7 password=⟦b⟧ profile=abonenty service=pppoe
        """, a=S("password", pw(r, "ru", sym="-_.")), b=S("password", pw(r, "ru", sym="-_.", style="wordyear")))


@sec("network", "sv", "radius_secret")
def radius_clients_sv(r):
    return F("""
        WLAN-kontrollern får "Access-Reject" fast användarnamn och lösenord stämmer. Kan det vara shared secret som inte matchar? Här är clients.conf i FreeRADIUS:

        client wlc-kontor {
            ipaddr = 10.40.0.5
            secret = ⟦s⟧
            shortname = wlc-kontor
            nas_type = other
        }
        client vpn-gw {
            ipaddr = 10.40.0.1
            secret = ⟦t⟧
        }
        """, s=S("radius_secret", rs(r, AN, 24)), t=S("radius_secret", pw(r, "sv", ascii_only=True, sym="-_.")))


@neg("network", "en", "public_key")
def wireguard_peer_public(r):
    return F("""
        A contractor sent me their [Peer] block to add to our gateway. Anything in here I should not paste into our config repo?

        [Peer]
        # Vendor: Kestrel Analytics (Sam Ortiz)
        PublicKey = ⟦k⟧
        AllowedIPs = 10.77.0.60/32
        Endpoint = 198.51.100.23:51820
        """, k=wg_key(r))


@neg("network", "es", "password_hash")
def cisco_type9_es(r):
    return F("""
        Auditoría: ¿estas líneas del router de la sucursal cumplen con la norma de no guardar contraseñas reversibles?

        enable algorithm-type scrypt secret 9 $9$⟦a⟧$⟦b⟧
        username soporte privilege 15 algorithm-type scrypt secret 9 $9$⟦c⟧$⟦d⟧
        service password-encryption
        login block-for 120 attempts 5 within 60
        """, a=rs(r, CRYPT, 14), b=rs(r, CRYPT, 43), c=rs(r, CRYPT, 14), d=rs(r, CRYPT, 43))


@neg("network", "it", "placeholder")
def snmp_placeholder_it(r):
    return F("""
        Sto preparando il template di configurazione per i nuovi switch dei punti vendita. Va bene lasciare così il segnaposto per la community SNMP?

        hostname {{ nome_negozio }}-sw01
        snmp-server community <COMMUNITY_SNMP_DA_VAULT> RO 30
        snmp-server host 10.90.0.15 version 2c <COMMUNITY_SNMP_DA_VAULT>
        ntp server 10.90.0.1
        """)


@neg("network", "zh", "certificate")
def openvpn_ca_only_zh(r):
    return F("""
        这是 IT 发给员工的 .ovpn 文件，登录时会弹出用户名密码框。里面的证书可以公开吗？

        client
        dev tun
        proto tcp
        remote vpn.jiahe-trading.com 443
        auth-user-pass
        remote-cert-tls server
        <ca>
        ⟦c⟧
        </ca>
        """, c=cert_pem(r))


@neg("network", "nl", "identifier")
def device_inventory_nl(r):
    def mac():
        return ":".join(hexs(r, 2) for _ in range(6))
    return F("""
        Kun je van deze inventarislijst van de filialen een nette CSV maken met kolommen locatie, type, serienummer, MAC en firmware-hash?

        Filiaal Zwolle – router FortiGate 60F, serienummer FGT60F⟦a⟧, MAC ⟦m1⟧, firmware sha256 ⟦h1⟧
        Filiaal Deventer – switch Aruba 2930F, serienummer SG⟦b⟧, MAC ⟦m2⟧, firmware sha256 ⟦h2⟧
        """, a=rs(r, UP + DG, 10), m1=mac(), h1=hexs(r, 64), b=rs(r, UP + DG, 8), m2=mac(), h2=hexs(r, 64))


@neg("network", "tr", "redacted")
def wg_show_tr(r):
    return F("""
        Sunucuda `wg show` çalıştırdım, çıktıyı destek ekibine göndermem güvenli mi?

        interface: wg0
          public key: ⟦a⟧
          private key: (hidden)
          listening port: 51820

        peer: ⟦b⟧
          endpoint: 78.180.44.9:60512
          allowed ips: 10.8.0.2/32
          latest handshake: 1 minute, 12 seconds ago
          transfer: 48.21 MiB received, 301.77 MiB sent
        """, a=wg_key(r), b=wg_key(r))

# ==========================================================================
# cloudcli -- aws, az, gcloud, hcloud, ibmcloud output

@sec("cloudcli", "en", "aws_access_key")
def aws_create_access_key(r):
    return F("""
        I created a key for the new backup user. What's the least-privilege policy for writing to one S3 prefix?

        $ aws iam create-access-key --user-name svc-backup-writer
        {
            "AccessKey": {
                "UserName": "svc-backup-writer",
                "AccessKeyId": "⟦a⟧",
                "Status": "Active",
                "SecretAccessKey": "⟦b⟧",
                "CreateDate": "2026-11-18T09:12:44+00:00"
            }
        }
        """, a=S("aws_access_key_id", aws_id(r)), b=S("aws_secret_access_key", aws_secret(r)))


@sec("cloudcli", "de", "azure_client_secret")
def az_sp_create_for_rbac_de(r):
    return F("""
        Ich habe für die Pipeline einen Service Principal angelegt. Welche Werte muss ich in GitHub als Secrets hinterlegen, und wie heißen die Variablen für azure/login?

        $ az ad sp create-for-rbac --name gh-deploy-rechnungen --role contributor --scopes /subscriptions/⟦s⟧/resourceGroups/rg-rechnungen
        {
          "appId": "⟦a⟧",
          "displayName": "gh-deploy-rechnungen",
          "password": "⟦p⟧",
          "tenant": "⟦t⟧"
        }
        """, s=uid(r), a=uid(r), p=S("azure_client_secret", azure_secret(r)), t=uid(r))


@sec("cloudcli", "ja", "gcp_service_account_key")
def gcloud_sa_key_ja(r):
    key = pkcs8_pem(r).replace("\n", "\\n")
    kid = hexs(r, 40)
    cid = digits(r, 21)
    return F("""
        CI 用にサービスアカウントのキーを作成しました。Workload Identity Federation に移行した方がいいと言われたのですが、違いを教えてください。

        $ gcloud iam service-accounts keys create key.json --iam-account=ci-deployer@mirai-shop-prod.iam.gserviceaccount.com
        created key [⟦kid⟧] of type [json] as [key.json]
        $ cat key.json
        {
          "type": "service_account",
          "project_id": "mirai-shop-prod",
          "private_key_id": "⟦kid⟧",
          "private_key": "⟦k⟧\\n",
          "client_email": "ci-deployer@mirai-shop-prod.iam.gserviceaccount.com",
          "client_id": "⟦cid⟧",
          "token_uri": "https://oauth2.googleapis.com/token"
        }
        """, kid=kid, k=S("gcp_private_key", key), cid=cid)


@sec("cloudcli", "en", "aws_session_credentials")
def aws_sts_assume_role(r):
    return F("""
        How do I turn this assume-role output into env vars in one line of jq?

        $ aws sts assume-role --role-arn arn:aws:iam::⟦acct⟧:role/deploy-prod --role-session-name marco-laptop
        {
            "Credentials": {
                "AccessKeyId": "⟦a⟧",
                "SecretAccessKey": "⟦b⟧",
                "SessionToken": "⟦c⟧",
                "Expiration": "2026-11-21T17:03:55+00:00"
            },
            "AssumedRoleUser": {
                "AssumedRoleId": "AROA⟦ro⟧:marco-laptop",
                "Arn": "arn:aws:sts::⟦acct⟧:assumed-role/deploy-prod/marco-laptop"
            }
        }
        """, acct=digits(r, 12), a=S("aws_access_key_id", aws_id(r, "ASIA")),
        b=S("aws_secret_access_key", aws_secret(r)), c=S("aws_session_token", aws_session(r)),
        ro=rs(r, B32, 17))


@sec("cloudcli", "nl", "hetzner_api_token")
def hcloud_cli_toml_nl(r):
    return F("""
        Na `hcloud context create productie` werkt alles, maar op mijn tweede laptop niet. Kan ik dit bestand (~/.config/hcloud/cli.toml) gewoon kopiëren?

        active_context = "productie"

        [[contexts]]
          name = "productie"
          token = "⟦t⟧"

        [[contexts]]
          name = "test"
          token = "⟦u⟧"
        """, t=S("hetzner_api_token", rs(r, AN, 64)), u=S("hetzner_api_token", rs(r, AN, 64)))


@sec("cloudcli", "es", "ibm_cloud_api_key")
def ibmcloud_api_key_es(r):
    return F("""
        Creé una API key para el pipeline de Code Engine. ¿Cómo la guardo en Secrets Manager y la referencio desde el toolchain?

        $ ibmcloud iam api-key-create pipeline-facturas -d "Despliegue Code Engine"
        Creando clave de API pipeline-facturas bajo ⟦acct⟧ como ana.molina@transportes-rio.es...
        OK
        Se ha creado correctamente la clave de API pipeline-facturas

        ID            ApiKey-⟦id⟧
        Name          pipeline-facturas
        Description   Despliegue Code Engine
        Created At    2026-11-19T10:02+0000
        API Key       ⟦k⟧
        Locked        false
        """, acct=hexs(r, 32), id=uid(r), k=S("ibm_cloud_api_key", rs(r, B64U, 44)))


@neg("cloudcli", "en", "identifier")
def aws_sts_caller_identity(r):
    return F("""
        Which account am I actually in? Output below -- and is it OK to paste this into a public GitHub issue?

        $ aws sts get-caller-identity
        {
            "UserId": "AIDA⟦u⟧",
            "Account": "⟦a⟧",
            "Arn": "arn:aws:iam::⟦a⟧:user/oleg.petrenko"
        }
        """, u=rs(r, B32, 17), a=digits(r, 12))


@neg("cloudcli", "pt", "identifier")
def az_account_show_pt(r):
    return F("""
        Rodei esse comando pra confirmar a assinatura antes do deploy. O que cada campo significa?

        $ az account show
        {
          "environmentName": "AzureCloud",
          "homeTenantId": "⟦t⟧",
          "id": "⟦s⟧",
          "isDefault": true,
          "name": "Assinatura-Producao-Varejo",
          "state": "Enabled",
          "tenantId": "⟦t⟧",
          "user": {"name": "renata.alves@varejobom.com.br", "type": "user"}
        }
        """, t=uid(r), s=uid(r))


@neg("cloudcli", "fr", "identifier")
def gcloud_kms_list_fr(r):
    return F("""
        Je dois documenter quelles clés KMS chiffrent nos buckets. Tu peux me faire un tableau à partir de cette sortie ?

        $ gcloud kms keys list --keyring=facturation --location=europe-west9
        NAME                                                                                    PURPOSE          ALGORITHM                    PROTECTION_LEVEL  PRIMARY_ID  PRIMARY_STATE
        projects/facturation-prod-⟦p⟧/locations/europe-west9/keyRings/facturation/cryptoKeys/gcs-factures  ENCRYPT_DECRYPT  GOOGLE_SYMMETRIC_ENCRYPTION  HSM               3           ENABLED
        projects/facturation-prod-⟦p⟧/locations/europe-west9/keyRings/facturation/cryptoKeys/bq-export     ENCRYPT_DECRYPT  GOOGLE_SYMMETRIC_ENCRYPTION  SOFTWARE          1           ENABLED
        """, p=digits(r, 6))


@neg("cloudcli", "en", "secret_metadata")
def aws_secretsmanager_describe(r):
    return F("""
        Rotation for this secret seems stuck -- which version is current, and why is there an AWSPENDING label?

        $ aws secretsmanager describe-secret --secret-id prod/checkout/db
        {
            "ARN": "arn:aws:secretsmanager:eu-west-1:⟦a⟧:secret:prod/checkout/db-⟦s⟧",
            "Name": "prod/checkout/db",
            "RotationEnabled": true,
            "RotationLambdaARN": "arn:aws:lambda:eu-west-1:⟦a⟧:function:SecretsManagerRDSPostgreSQLRotationSingleUser",
            "LastRotatedDate": "2026-10-02T03:00:12+00:00",
            "VersionIdsToStages": {
                "⟦v1⟧": ["AWSCURRENT"],
                "⟦v2⟧": ["AWSPENDING"]
            }
        }
        """, a=digits(r, 12), s=rs(r, AN, 6), v1=uid(r), v2=uid(r))


@neg("cloudcli", "ko", "identifier")
def aws_list_access_keys_ko(r):
    return F("""
        퇴사자 계정의 액세스 키를 정리하려고 합니다. 아래 출력에서 어떤 키를 먼저 비활성화해야 할까요?

        $ aws iam list-access-keys --user-name kim.minsu
        {
            "AccessKeyMetadata": [
                {"UserName": "kim.minsu", "AccessKeyId": "⟦a⟧", "Status": "Active", "CreateDate": "2023-04-11T02:15:09+00:00"},
                {"UserName": "kim.minsu", "AccessKeyId": "⟦b⟧", "Status": "Inactive", "CreateDate": "2021-09-30T08:41:51+00:00"}
            ]
        }
        """, a=aws_id(r), b=aws_id(r))


@neg("cloudcli", "it", "secret_reference")
def ecr_get_login_password_it(r):
    return F("""
        Nella pipeline faccio il login a ECR così. La password compare nei log del job o no?

        aws ecr get-login-password --region eu-south-1 \\
          | docker login --username AWS --password-stdin ⟦a⟧.dkr.ecr.eu-south-1.amazonaws.com
        docker push ⟦a⟧.dkr.ecr.eu-south-1.amazonaws.com/gestionale/api:$CI_COMMIT_SHORT_SHA
        """, a=digits(r, 12))


@neg("cloudcli", "sv", "doc_example_key")
def aws_docs_example_keys_sv(r):
    return F("""
        Jag skriver en intern introduktion till AWS CLI. Är det okej att visa de här värdena i guiden, eller ser de ut som riktiga nycklar?

        $ aws configure --profile demo
        AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE
        AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
        Default region name [None]: eu-north-1
        Default output format [None]: json
        """)

# ==========================================================================
# payments -- payment gateways and webhook signing secrets

@sec("payments", "en", "stripe_webhook_secret")
def stripe_webhook_express(r):
    return F("""
        Stripe keeps reporting "No signatures found matching the expected signature for payload". I think express.json() is mangling the body. Handler:

        const endpointSecret = '⟦w⟧';

        app.post('/webhooks/stripe', express.json(), (req, res) => {
          const sig = req.headers['stripe-signature'];
          let event;
          try {
            event = stripe.webhooks.constructEvent(req.body, sig, endpointSecret);
          } catch (err) {
            return res.status(400).send(`Webhook Error: ${err.message}`);
          }
          res.json({ received: true });
        });
        """, w=S("stripe_webhook_secret", "whsec_" + rs(r, AN, 32)))


@sec("payments", "de", "github_webhook_secret")
def github_webhook_flask_de(r):
    return F("""
        Unsere Flask-App soll GitHub-Webhooks prüfen, aber hmac.compare_digest liefert immer False. Siehst du den Fehler?

        import hashlib, hmac
        from flask import Flask, request, abort

        WEBHOOK_SECRET = b"⟦s⟧"
        app = Flask(__name__)

        @app.post("/hooks/github")
        def github_hook():
            sig = request.headers.get("X-Hub-Signature-256", "")
            digest = hmac.new(WEBHOOK_SECRET, request.data, hashlib.sha1).hexdigest()
            if not hmac.compare_digest(sig, "sha256=" + digest):
                abort(401)
            return "", 204
        """, s=S("github_webhook_secret", hexs(r, 40)))


@sec("payments", "en", "shopify_app_secret")
def shopify_app_env(r):
    return F("""
        Our custom Shopify app's HMAC check on the OAuth callback fails. Which of these does the verification use?

        SHOPIFY_API_KEY=⟦k⟧
        SHOPIFY_API_SECRET=⟦s⟧
        SHOPIFY_ADMIN_ACCESS_TOKEN=⟦t⟧
        SHOPIFY_SHOP=north-fern-goods.myshopify.com
        SCOPES=read_orders,write_fulfillments
        """, k=hexs(r, 32), s=S("shopify_app_secret", "shpss_" + hexs(r, 32)),
        t=S("shopify_access_token", "shpat_" + hexs(r, 32)))


@sec("payments", "nl", "adyen_api_key")
def adyen_config_nl(r):
    key = ("AQE" + rs(r, AN + "+/", 89) + "==-" + rs(r, B64, 43) + "=-"
           + rs(r, AN + "<>{}()[]*.,?!", 16))
    return F("""
        De notificaties van Adyen komen binnen maar onze HMAC-controle faalt. Dit staat in application-prod.yml van de betaalservice:

        adyen:
          environment: LIVE
          live-endpoint-url-prefix: "1797a841fbb37ca7-BoekhandelDeVries"
          merchant-account: BoekhandelDeVriesNL
          api-key: "⟦k⟧"
          notification-hmac-key: "⟦h⟧"
        """, k=S("adyen_api_key", key), h=S("adyen_hmac_key", rs(r, HEXU, 64)))


@sec("payments", "es", "braintree_private_key")
def braintree_gateway_es(r):
    return F("""
        Pasamos de sandbox a producción en Braintree y ahora todas las transacciones fallan con AuthenticationError. ¿Qué me falta en este inicializador de Rails?

        Braintree::Configuration.environment = :production
        $gateway = Braintree::Gateway.new(
          environment: :production,
          merchant_id: "⟦m⟧",
          public_key: "⟦p⟧",
          private_key: "⟦k⟧",
        )
        """, m=rs(r, LO + DG, 16), p=rs(r, LO + DG, 16), k=S("braintree_private_key", hexs(r, 32)))


@sec("payments", "pt", "paypal_client_secret")
def paypal_client_secret_pt(r):
    return F("""
        A chamada para pegar o access token do PayPal retorna "invalid_client". Estou montando assim em PHP, o que está errado?

        $clientId = 'A⟦c⟧';
        $secret   = 'E⟦s⟧';

        $ch = curl_init('https://api-m.paypal.com/v1/oauth2/token');
        curl_setopt($ch, CURLOPT_USERPWD, $clientId . ':' . $secret);
        curl_setopt($ch, CURLOPT_POSTFIELDS, 'grant_type=client_credentials');
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        $resposta = json_decode(curl_exec($ch), true);
        """, c=rs(r, B64U, 79), s=S("paypal_client_secret", rs(r, B64U, 79)))


@sec("payments", "en", "razorpay_key_secret")
def razorpay_node(r):
    return F("""
        Payment signature verification fails for every order in production but works in test mode. Server code:

        const Razorpay = require('razorpay');
        const crypto = require('crypto');

        const rzp = new Razorpay({
          key_id: 'rzp_live_⟦i⟧',
          key_secret: '⟦s⟧',
        });

        function verify(orderId, paymentId, signature) {
          const expected = crypto.createHmac('sha256', 'rzp_test_secret_placeholder')
            .update(orderId + '|' + paymentId).digest('hex');
          return expected === signature;
        }
        """, i=rs(r, AN, 14), s=S("razorpay_key_secret", rs(r, AN, 24)))


@sec("payments", "ja", "square_access_token")
def square_access_token_ja(r):
    return F("""
        Square の本番環境で注文 API を呼ぶと 401 UNAUTHORIZED になります。サンドボックスでは動いていました。Python のコードはこれです。

        from square.client import Client

        client = Client(
            access_token="⟦t⟧",
            environment="production",
        )
        result = client.orders.create_order(body={
            "order": {"location_id": "L⟦l⟧", "line_items": [{"name": "抹茶ラテ", "quantity": "1",
                      "base_price_money": {"amount": 580, "currency": "JPY"}}]},
            "idempotency_key": "⟦k⟧",
        })
        """, t=S("square_access_token", "EAAA" + rs(r, B64U, 60)), l=rs(r, UP + DG, 12), k=uid(r))


@neg("payments", "en", "publishable_key")
def stripe_publishable_ids(r):
    return F("""
        Can you check this checkout config before we ship? The secret key and webhook secret are in Secret Manager, not here.

        export const stripeConfig = {
          publishableKey: "pk_live_⟦p⟧",
          prices: {
            monthly: "price_1⟦a⟧",
            yearly: "price_1⟦b⟧",
          },
          webhookEndpointId: "we_1⟦w⟧",
          customerPortalConfig: "bpc_1⟦c⟧",
        };
        """, p="51" + rs(r, AN, 97), a=rs(r, AN, 23), b=rs(r, AN, 23), w=rs(r, AN, 23), c=rs(r, AN, 23))


@neg("payments", "fr", "signature")
def stripe_signature_header_fr(r):
    return F("""
        Voici les en-têtes d'une requête webhook Stripe que j'ai loguée. La signature est-elle sensible ? Je voudrais la garder dans les logs pour déboguer.

        POST /webhooks/stripe HTTP/1.1
        Host: api.librairie-dumont.fr
        Content-Type: application/json; charset=utf-8
        Stripe-Signature: t=1732012844,v1=⟦v⟧,v0=⟦z⟧
        User-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)
        """, v=hexs(r, 64), z=hexs(r, 64))


@neg("payments", "en", "signature")
def github_webhook_delivery_headers(r):
    return F("""
        The webhook delivery log shows these request headers. Our verifier rejects it -- what should I compare X-Hub-Signature-256 against?

        Request URL: https://ci.quillstack.dev/hooks/github
        Request method: POST
        Accept: */*
        content-type: application/json
        User-Agent: GitHub-Hookshot/⟦u⟧
        X-GitHub-Delivery: ⟦d⟧
        X-GitHub-Event: pull_request
        X-GitHub-Hook-ID: ⟦h⟧
        X-Hub-Signature: sha1=⟦s1⟧
        X-Hub-Signature-256: sha256=⟦s2⟧
        """, u=hexs(r, 7), d=uid(r), h=digits(r, 9), s1=hexs(r, 40), s2=hexs(r, 64))


@neg("payments", "it", "publishable_key")
def adyen_client_key_it(r):
    return F("""
        Il nostro scanner segnala questa chiave nel bundle del checkout web. È un problema o la clientKey di Adyen è fatta per stare nel browser?

        const checkout = await AdyenCheckout({
          environment: 'live',
          clientKey: 'live_⟦k⟧',
          locale: 'it-IT',
          countryCode: 'IT',
          session: { id: sessionId, sessionData },
          onPaymentCompleted: (result) => mostraEsito(result),
        });
        """, k=rs(r, UP + DG, 32))


@neg("payments", "zh", "placeholder")
def paypal_placeholder_zh(r):
    return F("""
        这是我们开发文档里的 PayPal 配置示例，新人照着填就行。这样写清楚吗？

        paypal:
          mode: live
          client-id: 替换为你的Client ID
          client-secret: 替换为你的Secret（从 1Password 的“支付/PayPal 生产”条目复制，不要提交到仓库）
          webhook-id: <WEBHOOK_ID>
        """)

# ==========================================================================
# llm -- model-provider keys in code and tool configs

@sec("llm", "en", "groq_api_key")
def groq_python(r):
    return F("""
        Streaming works but the final chunk never has usage stats. Am I missing a flag?

        from groq import Groq

        client = Groq(api_key="⟦k⟧")
        stream = client.chat.completions.create(
            model="llama-3.3-70b-versatile",
            messages=[{"role": "user", "content": "Summarise the attached shift log."}],
            stream=True,
        )
        for chunk in stream:
            print(chunk.choices[0].delta.content or "", end="")
        """, k=S("groq_api_key", "gsk_" + rs(r, AN, 52)))


@sec("llm", "fr", "mistral_api_key")
def mistral_curl_fr(r):
    return F("""
        Pourquoi cette requête vers l'API Mistral me renvoie 422 « Extra inputs are not permitted » ? Je l'ai copiée d'un tutoriel :

        curl https://api.mistral.ai/v1/chat/completions \\
          -H "Content-Type: application/json" \\
          -H "Authorization: Bearer ⟦k⟧" \\
          -d '{"model": "mistral-large-latest", "messages": [{"role": "user", "content": "Résume ce contrat en 5 points"}], "max_token": 400}'
        """, k=S("mistral_api_key", rs(r, AN, 32)))


@sec("llm", "en", "openrouter_api_key")
def openrouter_ts(r):
    return F("""
        Using the OpenAI SDK against OpenRouter; requests work but the dashboard shows no app name. What headers am I missing?

        import OpenAI from "openai";

        const client = new OpenAI({
          baseURL: "https://openrouter.ai/api/v1",
          apiKey: "⟦k⟧",
        });

        const res = await client.chat.completions.create({
          model: "anthropic/claude-3.5-sonnet",
          messages: [{ role: "user", content: prompt }],
        });
        """, k=S("openrouter_api_key", "sk-or-v1-" + hexs(r, 64)))


@sec("llm", "ja", "google_ai_studio_key")
def gemini_ai_studio_ja(r):
    return F("""
        Gemini API で画像付きのプロンプトを送ると 400 になります。google-genai のバージョンは 1.2.0 です。コードを見てもらえますか？

        from google import genai
        from PIL import Image

        client = genai.Client(api_key="⟦k⟧")
        img = Image.open("receipt.jpg")
        resp = client.models.generate_content(
            model="gemini-2.0-flash",
            contents=["このレシートの合計金額を教えて", img],
        )
        print(resp.text)
        """, k=S("google_ai_studio_key", "AIza" + rs(r, B64U, 35)))


@sec("llm", "zh", "deepseek_api_key")
def deepseek_continue_zh(r):
    return F("""
        我在 VS Code 的 Continue 插件里配置了 DeepSeek，但补全一直没反应。这是 ~/.continue/config.json，帮我看看哪里写错了：

        {
          "models": [
            {
              "title": "DeepSeek Chat",
              "provider": "deepseek",
              "model": "deepseek-chat",
              "apiKey": "⟦k⟧"
            }
          ],
          "tabAutocompleteModel": {
            "title": "DeepSeek Coder",
            "provider": "deepseek",
            "model": "deepseek-coder"
          }
        }
        """, k=S("deepseek_api_key", "sk-" + hexs(r, 32)))


@sec("llm", "en", "perplexity_api_key")
def perplexity_xai_env(r):
    return F("""
        I'm comparing search-grounded answers from two providers. My .env for the benchmark script -- can you write the Python that loads it and calls both?

        PPLX_API_KEY=⟦a⟧
        XAI_API_KEY=⟦b⟧
        BENCH_QUESTIONS=questions/q4.jsonl
        BENCH_MAX_TOKENS=600
        """, a=S("perplexity_api_key", "pplx-" + rs(r, AN, 48)),
        b=S("xai_api_key", "xai-" + rs(r, AN, 80)))


@sec("llm", "ko", "cohere_api_key")
def litellm_config_ko(r):
    return F("""
        LiteLLM 프록시로 여러 모델을 묶으려고 합니다. config.yaml 에서 rerank 모델만 인식이 안 되는데 이유가 뭘까요?

        model_list:
          - model_name: rerank-ko
            litellm_params:
              model: cohere/rerank-multilingual-v3.0
              api_key: ⟦a⟧
          - model_name: llama-70b
            litellm_params:
              model: together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo
              api_key: ⟦b⟧
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
        """, a=S("cohere_api_key", rs(r, AN, 40)), b=S("together_api_key", hexs(r, 64)))


@sec("llm", "es", "anthropic_api_key")
def aider_conf_es(r):
    return F("""
        Quiero que aider use Sonnet por defecto y que no haga commits automáticos. ¿Está bien mi .aider.conf.yml?

        model: sonnet
        anthropic-api-key: ⟦k⟧
        auto-commits: false
        dark-mode: true
        read:
          - CONVENTIONS.md
        """, k=S("anthropic_api_key", "sk-ant-api03-" + rs(r, B64U, 93) + "AA"))


@neg("llm", "en", "placeholder")
def llm_env_example(r):
    return F("""
        Is this .env.example clear enough for contributors, or should the placeholders look different?

        # Copy to .env and fill in your own keys
        GROQ_API_KEY=gsk_your_key_here
        OPENROUTER_API_KEY=sk-or-v1-<your-openrouter-key>
        MISTRAL_API_KEY=
        GOOGLE_API_KEY=AIza...your-ai-studio-key
        DEFAULT_MODEL=llama-3.3-70b-versatile
        """)


@neg("llm", "de", "masked_key")
def llm_masked_console_de(r):
    return F("""
        Das ist die Schlüsselübersicht aus unserer OpenRouter-Konsole. Welche Schlüssel sollten wir löschen, wenn wir nur noch einen pro Umgebung wollen?

        Name              Schlüssel              Erstellt     Zuletzt genutzt   Limit
        prod-chatbot      sk-or-v1-⟦a⟧…⟦b⟧     12.03.2026   heute             500 $
        staging           sk-or-v1-⟦c⟧…⟦d⟧     02.05.2026   vor 3 Tagen       50 $
        laptop-jens       sk-or-v1-⟦e⟧…⟦f⟧     19.08.2025   vor 4 Monaten     —
        """, a=hexs(r, 3), b=hexs(r, 3), c=hexs(r, 3), d=hexs(r, 3), e=hexs(r, 3), f=hexs(r, 3))


@neg("llm", "it", "secret_reference")
def llm_env_reference_it(r):
    return F("""
        Ho scritto questa funzione per il nostro assistente interno. Ti sembra corretta la gestione degli errori quando la chiave manca?

        import os
        from mistralai import Mistral

        def crea_client() -> Mistral:
            chiave = os.environ.get("MISTRAL_API_KEY")
            if not chiave:
                raise RuntimeError("MISTRAL_API_KEY non impostata: vedi il vault 'ai-assistente'")
            return Mistral(api_key=chiave)
        """)


@neg("llm", "pt", "request_id")
def llm_request_ids_pt(r):
    return F("""
        O suporte do provedor pediu os identificadores da requisição que deu timeout. Tirei isso do nosso log, serve?

        {
          "id": "chatcmpl-⟦c⟧",
          "object": "chat.completion",
          "model": "gpt-4o-2024-08-06",
          "system_fingerprint": "fp_⟦f⟧",
          "x_request_id": "req_⟦q⟧",
          "usage": {"prompt_tokens": 18231, "completion_tokens": 0}
        }
        """, c=rs(r, AN, 29), f=hexs(r, 10), q=hexs(r, 32))


@neg("llm", "en", "dummy_value")
def llm_fake_fixture(r):
    return F("""
        Our secret scanner blocks this test file. The values are obviously fake -- how do I allowlist it properly instead of disabling the scanner?

        # tests/conftest.py
        import pytest

        FAKE_OPENAI_KEY = "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"   # fake, for tests
        FAKE_GROQ_KEY = "gsk_" + "0" * 52                                      # fake, for tests

        @pytest.fixture
        def llm_env(monkeypatch):
            monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
            monkeypatch.setenv("GROQ_API_KEY", FAKE_GROQ_KEY)
        """)


@neg("llm", "tr", "rotation_notice")
def llm_revoked_notice_tr(r):
    return F("""
        Ekibe göndereceğim duyuruyu düzeltir misin?

        Merhaba arkadaşlar, dün GitHub'a yanlışlıkla pushlanan Anthropic API anahtarını iptal ettim ve yerine yenisini oluşturdum. Yeni anahtar sadece Vault'ta, kv/ai/asistan/prod yolunda duruyor; kimse .env dosyasına kopyalamasın. Eski anahtarla yapılan çağrılar artık 401 dönüyor, sizde bir servis hata verirse bana yazın.
        """)

# ==========================================================================
# datastore -- Redis, MongoDB, Elasticsearch, Neo4j, Snowflake, Databricks

@sec("datastore", "en", "password")
def redis_conf_requirepass(r):
    p = S("password", pw(r, "en", sym="!*-_.+?@=^~"))
    return F("""
        Replica logs "MASTER aborted replication with an error: NOAUTH Authentication required". Both nodes use the same redis.conf apart from replicaof:

        bind 0.0.0.0
        port 6379
        protected-mode yes
        requirepass ⟦p⟧
        masterauth ⟦p⟧
        replicaof 10.0.6.11 6379
        appendonly yes
        maxmemory 4gb
        maxmemory-policy allkeys-lru
        """, p=p)


@sec("datastore", "pt", "password")
def mongodb_atlas_uri_pt(r):
    return F("""
        O Mongoose demora uns 30 segundos pra conectar no Atlas e às vezes dá "MongoServerSelectionError". A string de conexão está assim:

        const uri = "mongodb+srv://app_pedidos:⟦p⟧@cluster0.x7kq2.mongodb.net/pedidos?retryWrites=true&w=majority&appName=api-pedidos";
        await mongoose.connect(uri, { serverSelectionTimeoutMS: 30000 });
        """, p=S("password", pw(r, "pt", url=True)))


@sec("datastore", "en", "elastic_api_key")
def elastic_api_key_response(r):
    kid = rs(r, B64U, 20)
    key = rs(r, B64U, 22)
    return F("""
        I created an API key for Filebeat in Kibana Dev Tools. Which value goes into output.elasticsearch.api_key -- the encoded one or id:api_key?

        POST /_security/api_key
        {"name": "filebeat-edge", "role_descriptors": {"writer": {"index": [{"names": ["logs-edge-*"], "privileges": ["create_doc"]}]}}}

        {
          "id": "⟦i⟧",
          "name": "filebeat-edge",
          "api_key": "⟦k⟧",
          "encoded": "⟦e⟧"
        }
        """, i=kid, k=S("elastic_api_key", key), e=S("elastic_api_key", b64(kid + ":" + key)))


@sec("datastore", "it", "password")
def neo4j_docker(r):
    return F("""
        Neo4j parte nel container, ma il browser risponde «The client is unauthorized due to authentication failure». Lo avvio così:

        docker run -d --name grafo-catalogo \\
          -p 7474:7474 -p 7687:7687 \\
          -v /srv/neo4j/data:/data \\
          -e NEO4J_AUTH=neo4j/⟦p⟧ \\
          -e NEO4J_PLUGINS='["apoc"]' \\
          neo4j:5.24-community
        """, p=S("password", pw(r, "it", ascii_only=True, sym="-_.+")))


@sec("datastore", "sv", "password")
def snowflake_connections_sv(r):
    return F("""
        snowsql fungerar men nya Snowflake CLI hittar inte min anslutning. Så här ser ~/.snowflake/connections.toml ut:

        [default]
        account = "xy12345.eu-north-1"
        user = "ANALYS_BATCH"
        password = "⟦p⟧"
        warehouse = "WH_RAPPORT"
        database = "FORSALJNING"
        role = "RAPPORT_LAS"
        """, p=S("password", pw(r, "sv")))


@sec("datastore", "en", "databricks_token")
def databricks_cfg(r):
    return F("""
        databricks-cli v0.2xx says "default auth: cannot configure default credentials". Here's ~/.databrickscfg -- is the profile format wrong?

        [DEFAULT]
        host  = https://adb-⟦w⟧.12.azuredatabricks.net
        token = ⟦t⟧

        [staging]
        host      = https://adb-⟦v⟧.3.azuredatabricks.net
        auth_type = databricks-cli
        """, w=digits(r, 16), t=S("databricks_token", "dapi" + hexs(r, 32) + "-2"), v=digits(r, 16))


@neg("datastore", "en", "base64_data")
def elastic_cloud_id(r):
    cid = "logs-prod:" + b64("europe-west3.gcp.cloud.es.io:443$%s$%s" % (hexs(r, 32), hexs(r, 32)))
    return F("""
        Is cloud.id sensitive? It looks like base64. Filebeat config:

        cloud.id: "⟦c⟧"
        cloud.auth: "${ES_USER}:${ES_PASSWORD}"
        filebeat.inputs:
          - type: filestream
            id: nginx-access
            paths: [/var/log/nginx/access.log]
        """, c=cid)


@neg("datastore", "es", "placeholder")
def mongo_uri_placeholder_es(r):
    return F("""
        En el README del proyecto pusimos este ejemplo de cadena de conexión. ¿Se entiende que hay que sustituir las partes entre < >?

        MONGODB_URI="mongodb+srv://<usuario>:<contraseña>@<tu-cluster>.mongodb.net/tienda?retryWrites=true&w=majority"
        """)


@neg("datastore", "fr", "password_hash")
def redis_acl_hashes_fr(r):
    return F("""
        On a migré de requirepass vers les ACL Redis. Le fichier users.acl contient des hachages SHA-256 : est-ce qu'il peut rester dans le dépôt Ansible ?

        user default off
        user app-commandes on #⟦a⟧ ~commandes:* &* +@read +@write -@dangerous
        user exporteur on #⟦b⟧ ~* +info +ping +client|list
        """, a=hexs(r, 64), b=hexs(r, 64))


@neg("datastore", "ja", "public_key")
def snowflake_rsa_public_ja(r):
    pub = b64(base64.b64decode("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA") + rb(r, 262))
    return F("""
        Snowflake のキーペア認証を設定しています。下の ALTER USER 文を変更管理チケットにそのまま貼っても大丈夫でしょうか？

        ALTER USER ETL_NIGHTLY SET RSA_PUBLIC_KEY='⟦p⟧';
        DESC USER ETL_NIGHTLY;
        """, p=pub)


@neg("datastore", "ko", "identifier")
def databricks_ids_ko(r):
    return F("""
        Databricks 지원팀에 문의할 때 아래 정보를 보내도 괜찮을까요? 작업이 계속 실패합니다.

        Workspace ID: ⟦w⟧
        Cluster ID: ⟦c⟧
        Job ID: ⟦j⟧, Run ID: ⟦n⟧
        Notebook path: /Repos/data-eng/etl/daily_sales
        """, w=digits(r, 16), c="%s-%s-%s" % (digits(r, 4), digits(r, 6), rs(r, LO + DG, 8)),
        j=digits(r, 15), n=digits(r, 15))

# ==========================================================================
# platform -- Vault, Doppler, 1Password, Pulumi, Terraform Cloud, Netlify,
# Vercel, Auth0

@sec("platform", "en", "vault_token")
def vault_login_output(r):
    return F("""
        After logging in I can read kv/payments but not kv/payments-eu. Here's the login output -- which policy is missing?

        $ vault login -method=userpass username=m.keller
        Password (will be hidden):
        Success! You are now authenticated. The token information displayed below
        is already stored in the token helper. You do NOT need to run "vault login"
        again. Future Vault requests will automatically use this token.

        Key                    Value
        ---                    -----
        token                  ⟦t⟧
        token_accessor         ⟦a⟧
        token_duration         8h
        token_renewable        true
        token_policies         ["default" "payments-read"]
        identity_policies      []
        policies               ["default" "payments-read"]
        token_meta_username    m.keller
        """, t=S("vault_token", vault_hvs(r, long=True)), a=rs(r, AN, 24))


@sec("platform", "it", "doppler_token")
def doppler_personal(r):
    return F("""
        Sul portatile nuovo la CLI di Doppler continua a chiedermi il login. Su quello vecchio c'era questo file in ~/.doppler/.doppler.yaml: posso semplicemente copiarlo?

        scoped:
            /:
                token: ⟦t⟧
                api-host: https://api.doppler.com
                dashboard-host: https://dashboard.doppler.com
            /Users/giulia/code/portale-clienti:
                enclave.project: portale-clienti
                enclave.config: dev_giulia
        """, t=S("doppler_token", "dp.pt." + rs(r, AN, 43)))


@sec("platform", "en", "onepassword_service_account_token")
def onepassword_sa_export(r):
    body = json.dumps({
        "signInAddress": "my.1password.eu",
        "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000,
                     "salt": b64u_nopad(rb(r, 16))},
        "email": rs(r, LO + DG, 13) + "@1passwordserviceaccounts.eu",
        "srpX": hexs(r, 64),
        "muk": {"alg": "A256GCM", "ext": False, "k": b64u_nopad(rb(r, 32)),
                "key_ops": ["decrypt", "encrypt"], "kty": "oct", "kid": "mp"},
        "secretKey": "A3-" + "-".join(rs(r, UP + DG, n) for n in (6, 6, 5, 5, 5, 5)),
        "throttleSecret": {"seed": hexs(r, 64), "uuid": rs(r, UP + DG, 26)},
        "deviceUuid": rs(r, LO + DG, 26)}, separators=(",", ":"))
    tok = "ops_" + b64u_nopad(body)
    return F("""
        The deploy script can't find the item even though the service account has access to the vault. Script:

        #!/usr/bin/env bash
        set -euo pipefail
        export OP_SERVICE_ACCOUNT_TOKEN=⟦t⟧
        DB_URL=$(op read "op://Deploy/checkout-db/connection string")
        helm upgrade checkout ./chart --set db.url="$DB_URL"
        """, t=S("onepassword_service_account_token", tok))


@sec("platform", "en", "pulumi_access_token")
def pulumi_credentials(r):
    return F("""
        I'd like our CI runner to use the same Pulumi account as me. Is copying ~/.pulumi/credentials.json over a reasonable idea? Here it is:

        {
            "current": "https://api.pulumi.com",
            "accessTokens": {
                "https://api.pulumi.com": "⟦t⟧"
            },
            "accounts": {
                "https://api.pulumi.com": {
                    "accessToken": "⟦t⟧",
                    "username": "cam-infra",
                    "organizations": ["tidewater-digital"],
                    "lastValidatedAt": "2026-11-14T09:31:07.118Z"
                }
            }
        }
        """, t=S("pulumi_access_token", "pul-" + hexs(r, 40)))


@sec("platform", "en", "terraform_cloud_token")
def terraform_credentials_tfrc(r):
    return F("""
        terraform init fails with "Required token could not be found" on the build agent, even though I copied my credentials file there. Path is /home/buildkite/.terraform.d/credentials.tfrc.json:

        {
          "credentials": {
            "app.terraform.io": {
              "token": "⟦t⟧"
            }
          }
        }
        """, t=S("terraform_cloud_token", rs(r, AN, 14) + ".atlasv1." + rs(r, AN, 67)))


@sec("platform", "es", "netlify_token")
def netlify_vercel_es(r):
    return F("""
        Estamos migrando la web de la academia de Netlify a Vercel. Para el script de migración necesito las dos CLIs autenticadas en el servidor. Copié estos ficheros de mi portátil, ¿sirven así?

        ~/.config/netlify/config.json
        {"telemetryDisabled": true, "userId": "⟦u⟧", "users": {"⟦u⟧": {"id": "⟦u⟧", "name": "Rocío Vidal", "auth": {"token": "⟦n⟧"}}}}

        ~/Library/Application Support/com.vercel.cli/auth.json
        {"token": "⟦v⟧"}
        """, u=hexs(r, 24), n=S("netlify_token", "nfp_" + rs(r, AN, 36)),
        v=S("vercel_token", rs(r, AN, 24)))


@sec("platform", "it", "vault_token")
def vault_batch_token_it(r):
    tok = "hvb.AAAAAQ" + rs(r, B64U, 130)
    return F("""
        Nel Jenkinsfile ho messo un token batch di Vault per leggere i segreti durante la build. Funziona, ma il collega dice che è una pessima idea. Perché?

        pipeline {
          agent any
          environment {
            VAULT_ADDR  = 'https://vault.gruppo-rossi.it:8200'
            VAULT_TOKEN = '⟦t⟧'
          }
          stages {
            stage('Segreti') {
              steps { sh 'vault kv get -field=password kv/ordini/db > .dbpass' }
            }
          }
        }
        """, t=S("vault_token", tok))


@sec("platform", "zh", "auth0_client_secret")
def auth0_m2m_zh(r):
    return F("""
        后端服务用 client_credentials 向 Auth0 换 token，返回 "access_denied: Unauthorized"。下面是配置文件 config/auth0.yaml，哪里不对？

        auth0:
          domain: xinghe-prod.jp.auth0.com
          audience: https://api.xinghe.cn/orders
          client_id: ⟦c⟧
          client_secret: ⟦s⟧
          grant_type: client_credentials
        """, c=rs(r, AN, 32), s=S("auth0_client_secret", rs(r, B64U, 64)))


@neg("platform", "en", "vault_path")
def vault_policy_hcl(r):
    return F("""
        Review request: does this Vault policy give the checkout service more than it needs?

        path "kv/data/checkout/*" {
          capabilities = ["read"]
        }
        path "kv/metadata/checkout/*" {
          capabilities = ["list"]
        }
        path "database/creds/checkout-rw" {
          capabilities = ["read"]
        }
        path "transit/encrypt/checkout-pii" {
          capabilities = ["update"]
        }
        """)


@neg("platform", "nl", "vault_template")
def consul_template_nl(r):
    return F("""
        Vault Agent schrijft het bestand wel, maar de applicatie leest een lege waarde. Klopt de template-syntax hieronder?

        template {
          destination = "/etc/zorgportaal/db.env"
          contents    = <<EOT
        {{ with secret "database/creds/zorgportaal" }}
        DB_USER={{ .Data.username }}
        DB_PASSWORD={{ .Data.password }}
        {{ end }}
        {{ with secret "kv/data/zorgportaal/prod" }}
        MAIL_API_KEY={{ .Data.data.mail_api_key }}
        {{ end }}
        EOT
        }
        """)


@neg("platform", "pt", "secret_reference")
def doppler_yaml_pt(r):
    return F("""
        Coloquei este doppler.yaml na raiz do repositório para que todo mundo use o mesmo projeto. Tem algum problema em versionar isso?

        setup:
          - project: app-entregas
            config: dev
            path: ./api
          - project: app-entregas
            config: dev_web
            path: ./web

        # uso: doppler setup && doppler run -- npm run dev
        """)


@neg("platform", "en", "secret_reference")
def op_references_env(r):
    return F("""
        We switched to 1Password secret references. Does `op run --env-file=.env.tpl -- ./start.sh` resolve all of these?

        # .env.tpl (committed)
        DATABASE_URL=op://Engineering/checkout-db/connection string
        STRIPE_SECRET_KEY=op://Engineering/Stripe prod/secret key
        SENTRY_AUTH_TOKEN=op://Engineering/Sentry CI/credential
        LOG_LEVEL=info
        """)


@neg("platform", "ru", "secret_reference")
def terraform_sensitive_ru(r):
    return F("""
        Terraform всё равно показывает пароль в plan, хотя я пометил переменную как sensitive? Вот variables.tf и фрагмент main.tf:

        variable "db_password" {
          type      = string
          sensitive = true
        }

        resource "yandex_mdb_postgresql_user" "app" {
          cluster_id = yandex_mdb_postgresql_cluster.main.id
          name       = "app"
          password   = var.db_password
        }

        # пароль передаю так: export TF_VAR_db_password=$(pass show yc/pg-app)
        """)


@neg("platform", "sv", "interpolation")
def okta_docs_sv(r):
    return F("""
        Kan du förbättra det här avsnittet i vår interna dokumentation om Okta-API:t?

        Alla anrop kräver en API-token i headern. Exempel:

        curl -H "Authorization: SSWS ${OKTA_API_TOKEN}" \\
             -H "Accept: application/json" \\
             "https://${OKTA_ORG}.okta.com/api/v1/users?limit=25"

        Token skapas under Security → API → Tokens och sparas i Bitwarden, aldrig i repo eller chatt.
        """)

# ==========================================================================
# keys -- age, PGP, SSH keys, TOTP seeds, recovery codes

@sec("keys", "en", "age_secret_key")
def age_keys_txt(r):
    return F("""
        sops can't decrypt on the new CI runner ("no identity matched any of the recipients"). I copied this file to ~/.config/sops/age/keys.txt there. Is the path wrong?

        # created: 2026-04-09T14:22:51+02:00
        # public key: ⟦p⟧
        ⟦k⟧
        """, p=age_public(r), k=S("age_secret_key", age_secret(r)))


@sec("keys", "de", "pgp_private_key")
def pgp_private_block_de(r):
    return F("""
        Ich muss den Signierschlüssel für unsere Debian-Pakete auf den neuen Build-Server umziehen. Ich habe ihn so exportiert – wie importiere ich ihn dort richtig und setze das Vertrauen?

        $ gpg --export-secret-keys --armor pakete@stadtwerke-lindau.de
        ⟦k⟧
        """, k=S("pgp_private_key", pgp_block(r, True)))


@sec("keys", "en", "totp_seed")
def totp_otpauth(r):
    seed = rs(r, B32, 32)
    return F("""
        I'm moving our shared break-glass AWS root MFA into the team password manager. The QR code decoded to this -- which fields does the password manager need?

        otpauth://totp/Amazon%20Web%20Services:root-account@harborline.io?secret=⟦s⟧&issuer=Amazon%20Web%20Services&algorithm=SHA1&digits=6&period=30
        """, s=S("totp_seed", seed))


@sec("keys", "es", "recovery_code")
def recovery_codes_file_es(r):
    codes = [S("recovery_code", "%s-%s" % (hexs(r, 5), hexs(r, 5))) for _ in range(8)]
    return F("""
        Encontré este fichero en el escritorio compartido del equipo de sistemas. ¿Cómo deberíamos guardarlo y qué pasa si alguien ya lo ha copiado?

        github-recovery-codes.txt (cuenta: sistemas-cooperativa)
        ⟦a⟧
        ⟦b⟧
        ⟦c⟧
        ⟦d⟧
        ⟦e⟧
        ⟦f⟧
        ⟦g⟧
        ⟦h⟧
        """, a=codes[0], b=codes[1], c=codes[2], d=codes[3], e=codes[4], f=codes[5],
        g=codes[6], h=codes[7])


@sec("keys", "ko", "ssh_private_key")
def ssh_private_key_ko(r):
    return F("""
        배포 서버에 접속할 때 "Load key: invalid format" 오류가 납니다. 윈도우에서 메모장으로 복사해 온 키인데, 줄바꿈 문제일까요? 파일 내용은 아래와 같습니다.

        ⟦k⟧
        """, k=S("ssh_private_key", openssh_ed25519(r, "deploy@hanul-build")))


@neg("keys", "en", "public_key")
def pgp_public_block(r):
    return F("""
        We publish this key on our security.txt page so researchers can encrypt reports. Is the block complete, or did the copy lose the checksum?

        ⟦k⟧
        """, k=pgp_block(r, False, comment="security@lumenfield.io"))


@neg("keys", "fr", "public_key")
def sops_yaml_age_recipients_fr(r):
    return F("""
        Voici notre .sops.yaml. Je veux ajouter une nouvelle développeuse : il suffit d'ajouter sa clé publique age à la liste ?

        creation_rules:
          - path_regex: secrets/prod/.*\\.yaml$
            age: >-
              ⟦a⟧,
              ⟦b⟧
          - path_regex: secrets/dev/.*\\.yaml$
            age: ⟦c⟧
            pgp: ⟦f⟧
        """, a=age_public(r), b=age_public(r), c=age_public(r), f=hexs(r, 40).upper())


@neg("keys", "ja", "security_advice")
def totp_setup_instructions_ja(r):
    return F("""
        社内向けの二段階認証の設定手順です。分かりにくいところがあれば直してください。

        1. 管理画面の「セキュリティ」→「二段階認証を有効にする」を開きます。
        2. 表示された QR コードを Google Authenticator か 1Password で読み取ります。
        3. QR コードの下にある英数字のシークレットは、スクリーンショットを撮ったりチャットに貼ったりしないでください。
        4. アプリに表示された 6 桁のコードを入力して完了です。
        5. リカバリーコードは印刷して金庫に保管します。
        """)


@neg("keys", "en", "hash")
def ssh_keygen_fingerprint(r):
    return F("""
        The host key changed warning appeared after we rebuilt the bastion. Ops posted these fingerprints in the change record -- how do I check them before accepting?

        $ ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub
        256 SHA256:⟦a⟧ root@bastion-02 (ED25519)
        $ ssh-keygen -lf /etc/ssh/ssh_host_rsa_key.pub -E md5
        3072 MD5:⟦b⟧ root@bastion-02 (RSA)
        """, a=b64(rb(r, 32)).rstrip("="), b=":".join(hexs(r, 2) for _ in range(16)))


@neg("keys", "ru", "redacted")
def recovery_codes_masked_ru(r):
    return F("""
        Составляю отчёт для аудита. Нормально ли описан порядок хранения резервных кодов?

        Учётная запись: admin@zavod-progress.ru (Google Workspace)
        Резервные коды сгенерированы 12.11.2026, распечатаны в одном экземпляре.
        Коды: xxxx xxxx (10 шт.), хранятся в сейфе № 2 у главного инженера.
        Электронных копий нет. При использовании кода — запись в журнал и перевыпуск набора.
        """)


@neg("keys", "zh", "identifier")
def gpg_list_secret_keys_zh(r):
    fp = hexs(r, 40).upper()
    sub = hexs(r, 40).upper()
    return F("""
        这是 gpg --list-secret-keys 的输出。我想确认哪个子密钥用于签名、哪个用于加密，这些信息可以贴到内部 Wiki 上吗？

        sec   ed25519 2025-06-01 [SC] [expires: 2027-06-01]
              ⟦f⟧
        uid           [ultimate] 发布签名 (Release) <release@jiahe-trading.com>
        ssb   cv25519 2025-06-01 [E] [expires: 2027-06-01]
              ⟦s⟧
        """, f=fp, s=sub)

# ==========================================================================
# build, validate, write



def build():
    names = [t["name"] for t in REGISTRY]
    assert len(names) == len(set(names)), "duplicate template names"
    rows = []
    for t in REGISTRY:
        r = random.Random(SEED + "/" + t["name"])
        text, ents = render(t["fn"](r))
        assert (len(ents) > 0) == (t["label"] == "secret"), t["name"]
        rows.append((t, text, ents))
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    out = []
    for i, k in enumerate(order):
        t, text, ents = rows[k]
        out.append((t, {
            "id": "%s%03d" % (ID_PREFIX, i),
            "text": text,
            "label": t["label"],
            "type": t["kind"],
            "entities": ents,
            "spans_known": True,
            "source": {"repo": REPO},
        }))
    return out


def validate(built):
    n = len(built)
    assert 240 <= n <= 260, n
    texts, firsts = set(), set()
    for t, row in built:
        text, ents = row["text"], row["entities"]
        assert text not in texts, t["name"]
        texts.add(text)
        first = text.split("\n", 1)[0]
        assert first not in firsts, ("repeated opening line", t["name"])
        firsts.add(first)
        assert text == text.strip(), t["name"]
        if row["label"] == "not_secret":
            assert ents == [], t["name"]
        else:
            assert row["label"] == "secret" and ents, t["name"]
        prev = -1
        for e in sorted(ents, key=lambda e: e["start"]):
            v = e["value"]
            assert text[e["start"]:e["end"]] == v, (t["name"], e)
            assert v == v.strip() and v, (t["name"], e)
            assert e["start"] >= prev, ("overlap", t["name"])
            prev = e["end"]
            assert v not in DOC_EXAMPLES, ("doc example marked", t["name"])
            assert re.fullmatch(r"[a-z0-9_]+", e["type"]), e["type"]
        for e in ents:
            v = e["value"]
            i = text.find(v)
            while i != -1:
                assert any(f["start"] <= i and i + len(v) <= f["end"] for f in ents), (
                    "uncovered occurrence", t["name"], v)
                i = text.find(v, i + 1)
        for d in DOC_EXAMPLES:
            if d in text:
                assert row["label"] == "not_secret" or all(d != e["value"] for e in ents)
    sec_n = sum(1 for _, row in built if row["label"] == "secret")
    share = sec_n / n
    assert 0.50 <= share <= 0.57, share
    non_en = sum(1 for t, _ in built if t["lang"] != "en")
    assert non_en / n >= 0.35, non_en / n
    return True


def serialise(built):
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for _, row in built).encode("utf-8")


def stats(built):
    n = len(built)
    lines = []
    lab = {}
    for _, row in built:
        lab[row["label"]] = lab.get(row["label"], 0) + 1
    sec_n = lab.get("secret", 0)
    lines.append("rows: %d" % n)
    lines.append("label: not_secret %d, secret %d  (secret share %.1f%%)"
                 % (lab.get("not_secret", 0), sec_n, 100.0 * sec_n / n))
    non_en = sum(1 for t, _ in built if t["lang"] != "en")
    lines.append("non-English rows: %d (%.1f%%)" % (non_en, 100.0 * non_en / n))
    lines.append("templates: %d (each used once)" % len(REGISTRY))
    lines.append("")

    def table(title, keys, keyfn, fmt):
        lines.append("%-21s secret  not_secret  total" % title)
        for k in keys:
            s = sum(1 for t, row in built if keyfn(t) == k and row["label"] == "secret")
            ns = sum(1 for t, row in built if keyfn(t) == k and row["label"] == "not_secret")
            if s + ns:
                lines.append("  %-19s %6d  %10d  %5d" % (fmt(k), s, ns, s + ns))
        lines.append("")
    table("group", GROUP_NAMES, lambda t: t["group"], lambda k: k)
    table("language", list(LANGS), lambda t: t["lang"], lambda k: "%s %s" % (k, LANGS[k]))

    def counts(items):
        c = {}
        for x in items:
            c[x] = c.get(x, 0) + 1
        return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
    for label in ("secret", "not_secret"):
        cs = counts(row["type"] for _, row in built if row["label"] == label)
        lines.append("row type (%s, %d kinds):" % (label, len(cs)))
        for k, v in cs:
            lines.append("  %-34s %d" % (k, v))
        lines.append("")
    ents = [e["type"] for _, row in built for e in row["entities"]]
    cs = counts(ents)
    lines.append("entity type (%d spans, %d kinds):" % (len(ents), len(cs)))
    for k, v in cs:
        lines.append("  %-34s %d" % (k, v))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="rebuild and compare byte for byte")
    ap.add_argument("--stats", action="store_true", help="print counts")
    args = ap.parse_args()
    built = build()
    validate(built)
    data = serialise(built)
    if args.check:
        with open(OUT, "rb") as fh:
            old = fh.read()
        if old != data:
            print("holdout.jsonl differs from a fresh build", file=sys.stderr)
            return 1
        print("ok: holdout.jsonl matches a fresh build (%d rows)" % len(built))
        return 0
    if args.stats:
        print(stats(built))
        return 0
    with open(OUT, "wb") as fh:
        fh.write(data)
    # re-read and validate what is on disk
    with open(OUT, "rb") as fh:
        disk = [json.loads(line) for line in fh.read().decode("utf-8").splitlines()]
    assert len(disk) == len(built)
    for (t, row), d in zip(built, disk):
        assert d == row
        for e in d["entities"]:
            assert d["text"][e["start"]:e["end"]] == e["value"]
    print("wrote %s (%d rows)" % (os.path.relpath(OUT), len(built)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
