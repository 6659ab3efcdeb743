#!/usr/bin/env python3
"""Generate the general9 blind hold-out set for the secrets detector.

Every row comes from one hand-written template below; each template is used
exactly once. Credential values are random strings in the documented public
shape of each kind; none is real and none carries a valid checksum.

    python3 gen.py           write holdout.jsonl and validate it
    python3 gen.py --check   rebuild and compare with holdout.jsonl byte for byte
    python3 gen.py --stats   print aggregate counts (labels, groups, languages, kinds)

Python 3 standard library only. String seeds are hashed with SHA-512 by
random.Random, so the output does not depend on PYTHONHASHSEED.
"""
import argparse
import base64
import json
import os
import random
import string
import struct
import sys
from collections import Counter

SEED = "parapet/general9/holdout/v1"
SOURCE = {"repo": "handwritten/general9"}
ID_PREFIX = "sg9-"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

GROUPS = [
    ("shell", "shell history and terminal scrollback"),
    ("ci", "CI/CD logs and pipeline files"),
    ("notebook", "notebooks and data science"),
    ("infra", "infrastructure state, plans and config"),
    ("app", "mobile and desktop apps"),
    ("http", "browser devtools and HTTP captures"),
    ("database", "database dumps and admin"),
    ("observability", "crash reports and observability"),
    ("ticket", "e-mail and ticketing"),
    ("export", "secrets-manager and password-manager exports"),
    ("prose", "messages and documents in prose"),
]
LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "pl": "Polish",
    "ru": "Russian", "uk": "Ukrainian", "zh": "Chinese", "ja": "Japanese",
    "ko": "Korean", "tr": "Turkish", "sv": "Swedish", "id": "Indonesian",
    "ar": "Arabic", "el": "Greek", "hu": "Hungarian", "vi": "Vietnamese",
    "cs": "Czech",
}
HUMAN_TYPES = {"password", "passphrase", "pin", "recovery_code", "seed_phrase"}

# Published documentation examples: may appear in negatives, never marked.
DOC_EXAMPLES = [
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "pk_test_TYooMQauvdEDq54NiTphI7jx",
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    "EXAMPLE",
]

# ---------------------------------------------------------------------------
# markup: S() marks a span, G() marks a "glued" span (may touch a word
# character on its left, e.g. mysql -pSECRET or /bot<token>/).
_O, _G, _M, _C = "\ue000", "\ue003", "\ue001", "\ue002"


def S(typ, val):
    assert not any(c in val for c in (_O, _G, _M, _C)), val
    return _O + typ + _M + val + _C


def G(typ, val):
    assert not any(c in val for c in (_O, _G, _M, _C)), val
    return _G + typ + _M + val + _C


def parse(marked):
    out, ents, i, pos = [], [], 0, 0
    while i < len(marked):
        c = marked[i]
        if c in (_O, _G):
            j = marked.index(_M, i)
            k = marked.index(_C, j)
            typ, val = marked[i + 1:j], marked[j + 1:k]
            ents.append({"type": typ, "start": pos, "end": pos + len(val),
                         "value": val, "glued": c == _G})
            out.append(val)
            pos += len(val)
            i = k + 1
        else:
            out.append(c)
            pos += 1
            i += 1
    return "".join(out), ents


def fill(text, **kw):
    for k, v in kw.items():
        key = "\u27e6" + k + "\u27e7"
        assert key in text, k
        text = text.replace(key, v)
    assert "\u27e6" not in text, text[text.index("\u27e6"):][:40]
    return text


# ---------------------------------------------------------------------------
# random value helpers
UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
LAN = LO + DG
UAN = UP + DG
HEX = "0123456789abcdef"
B64 = AN + "+/"
B64U = AN + "-_"


def rs(r, n, a=AN):
    return "".join(r.choice(a) for _ in range(n))


def mid(r, n, a):
    """n chars from alphabet a, first and last alphanumeric."""
    if n <= 2:
        return rs(r, n, AN)
    return r.choice(AN) + rs(r, n - 2, a) + r.choice(AN)


def hexs(r, n):
    return rs(r, n, HEX)


def digits(r, n):
    return r.choice("123456789") + rs(r, n - 1, DG)


def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"),
                                   h[17:20], h[20:32])


def rbytes(r, n):
    return bytes(r.getrandbits(8) for _ in range(n))


def b64(b):
    return base64.b64encode(b).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def wrap(s, n=64):
    return [s[i:i + n] for i in range(0, len(s), n)]


def jdump(o):
    return json.dumps(o, separators=(",", ":"), ensure_ascii=False)


def jwt(r, payload, alg="HS256", kid=None):
    head = {"alg": alg, "typ": "JWT"}
    if kid:
        head = {"alg": alg, "kid": kid, "typ": "JWT"}
    siglen = 43 if alg.startswith("HS") else 342
    return (b64u(jdump(head).encode()) + "." + b64u(jdump(payload).encode())
            + "." + mid(r, siglen, B64U))


# --- credential shapes (random values in documented public shapes) ----------
def openai_key(r, kind="proj"):
    return "sk-%s-%sT3BlbkFJ%s" % (kind, mid(r, 74, B64U), mid(r, 74, B64U))


def anthropic_key(r):
    return "sk-ant-api03-" + mid(r, 93, B64U) + "AA"


def deepseek_key(r):
    return "sk-" + hexs(r, 32)


def hf_token(r):
    return "hf_" + rs(r, 34, UP + LO)


def google_key(r):
    return "AIzaSy" + mid(r, 33, B64U)


def groq_key(r):
    return "gsk_" + rs(r, 52)


def together_key(r):
    return "tgp_v1_" + mid(r, 43, B64U)


def fireworks_key(r):
    return "fw_" + rs(r, 24)


def pplx_key(r):
    return "pplx-" + rs(r, 48)


def xai_key(r):
    return "xai-" + rs(r, 80)


def openrouter_key(r):
    return "sk-or-v1-" + hexs(r, 64)


def aws_id(r, prefix="AKIA"):
    return prefix + rs(r, 16, UP + "234567")


def aws_secret(r):
    return mid(r, 40, AN + "/+")


def aws_session(r):
    return "IQoJb3JpZ2luX2Vj" + mid(r, 340, B64) + "="


def ghp(r, p="ghp_"):
    return p + rs(r, 36)


def github_pat(r):
    return "github_pat_11" + rs(r, 20, UAN) + "_" + rs(r, 59)


def glpat(r):
    return "glpat-" + mid(r, 20, AN + "-_")


def slack_webhook(r):
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (
        rs(r, 8, UAN), rs(r, 10, UAN), rs(r, 24))


def telegram_token(r):
    return "%s:AA%s" % (digits(r, 10), mid(r, 33, B64U))


def stripe_key(r, p="sk_live_"):
    return p + "51" + rs(r, 97)


def pem_body(prefix, r, n):
    return b64(prefix + rbytes(r, n))


RSA_PKCS1 = bytes.fromhex("308204a40201000282010100")
RSA_PKCS8 = bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100")
EC_PKCS8 = bytes.fromhex("308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420")


def pem(r, label, der_prefix, nrand, sep="\n", indent=""):
    lines = wrap(pem_body(der_prefix, r, nrand))
    return sep.join(["-----BEGIN %s-----" % label]
                    + [indent + x for x in lines]
                    + [indent + "-----END %s-----" % label])


def rsa_pkcs8(r, sep="\n", indent=""):
    return pem(r, "PRIVATE KEY", RSA_PKCS8, 1194, sep, indent)


def rsa_pkcs1(r, sep="\n", indent=""):
    return pem(r, "RSA PRIVATE KEY", RSA_PKCS1, 1180, sep, indent)


def ec_p8(r, sep="\n", indent=""):
    body = EC_PKCS8 + rbytes(r, 32) + bytes.fromhex("a144034200") + b"\x04" + rbytes(r, 64)
    lines = wrap(b64(body))
    return sep.join(["-----BEGIN PRIVATE KEY-----"] + [indent + x for x in lines]
                    + [indent + "-----END PRIVATE KEY-----"])


def _sshstr(b):
    return struct.pack(">I", len(b)) + b


def openssh_ed25519(r, comment, sep="\n", indent=""):
    pk, sk = rbytes(r, 32), rbytes(r, 32)
    pub = _sshstr(b"ssh-ed25519") + _sshstr(pk)
    chk = rbytes(r, 4)
    priv = chk + chk + pub + _sshstr(sk + pk) + _sshstr(comment.encode())
    pad = 1
    while len(priv) % 8:
        priv += bytes([pad])
        pad += 1
    blob = (b"openssh-key-v1\x00" + _sshstr(b"none") + _sshstr(b"none")
            + _sshstr(b"") + struct.pack(">I", 1) + _sshstr(pub) + _sshstr(priv))
    lines = wrap(b64(blob), 70)
    return sep.join(["-----BEGIN OPENSSH PRIVATE KEY-----"] + [indent + x for x in lines]
                    + [indent + "-----END OPENSSH PRIVATE KEY-----"])


def ssh_ed25519_pub(r):
    return "ssh-ed25519 " + b64(_sshstr(b"ssh-ed25519") + _sshstr(rbytes(r, 32)))


# --- human passwords --------------------------------------------------------
SYM = {
    "url": "-_.~",
    "shell": "@%^+=-_.,:",
    "ini": "@^*+-_.!?",
    "json": "!@#$%^&*-_+=.?",
    "cs": "!@#%^*-_+.?",
    "xml": "!@#$%^*-_+=.?",
    "yaml": "!@#%^&*-_+=.?",
    "sql": "!@#$%^&*-_+=.?",
    "prose": "!@#$%&*-_+=?",
}
WORDS = {
    "en": ["Sunflower", "Harbor", "Maple", "Falcon", "Copper", "Lantern", "Thunder",
           "Meadow", "Biscuit", "Orchard", "Walnut", "Juniper", "Pebble", "Saffron"],
    "de": ["Sonnenblume", "Schneeberg", "Brezel", "Waldmeister", "Feuerwehr", "Bergsee",
           "Gartenzwerg", "Kuckuck", "Apfelstrudel", "Zugspitze"],
    "fr": ["Papillon", "Tournesol", "Libellule", "Fromage", "Marmotte", "Chouquette",
           "Bretagne", "Cerisier"],
    "es": ["Girasol", "Mariposa", "Tortuga", "Cangrejo", "Golondrina", "Pimiento",
           "Alhambra", "Churros"],
    "pt": ["Saudade", "Jabuticaba", "Cajueiro", "Borboleta", "Tucano", "Mangueira",
           "Brigadeiro"],
    "it": ["Girasole", "Farfalla", "Cannolo", "Lucciola", "Pappagallo", "Tramonto",
           "Vesuvio"],
    "nl": ["Stroopwafel", "Fietsbel", "Tulpenveld", "Hagelslag", "Molenwiek", "Kikker"],
    "pl": ["Pierogi", "Wiewiorka", "Bocian", "Kielbasa", "Zubrowka", "Tatry"],
    "ru": ["Medved", "Ryabina", "Solnyshko", "Matryoshka", "Berezka", "Pelmeni"],
    "uk": ["Kalyna", "Vyshyvanka", "Sonyashnyk", "Varenyky", "Karpaty"],
    "zh": ["woaini", "xiaoming", "baozi", "huangshan", "xiongmao", "chunjie"],
    "ja": ["sakura", "tanuki", "onigiri", "fujisan", "tamagoyaki", "hanabi"],
    "ko": ["saranghae", "kimchi", "hangang", "bada", "dubu", "namsan"],
    "tr": ["Simit", "Lokum", "Karadeniz", "Kapadokya", "Bosfor", "Kumpir"],
    "sv": ["Kanelbulle", "Midsommar", "Fika", "Smultron", "Lingon", "Vasaloppet"],
    "id": ["Nasigoreng", "Kucing", "Merdeka", "Rendang", "Bunga", "Kopiluwak"],
    "ar": ["Habibi", "Yasmin", "Qamar", "Sahara", "Falafel", "Nakhla"],
    "el": ["Thalassa", "Elia", "Kalimera", "Ouranos", "Meli", "Santorini"],
    "hu": ["Pogacsa", "Kifli", "Balaton", "Nyuszi", "Gulyas", "Tokaj"],
    "vi": ["Hoasen", "Phobo", "Matroi", "Banhmi", "Halong"],
    "cs": ["Knedlik", "Vltava", "Rohlik", "Krtek", "Snezka"],
}
UWORDS = {
    "de": ["Müllerstraße", "Eichhörnchen", "Grünkohl", "Bärlauch"],
    "fr": ["Châtaigne", "Étoile", "Crème", "Noël"],
    "es": ["Ñandú", "Albóndiga", "Corazón", "Pingüino"],
    "pt": ["Coração", "Pão", "Maçã", "Açaí"],
    "pl": ["Łódka", "Żubr", "Wiewiórka", "Gęś"],
    "tr": ["Kaplumbağa", "Boğaziçi", "Gül", "Çiçek"],
    "sv": ["Älgen", "Smörgås", "Blåbär", "Kåldolmar"],
    "uk": ["Їжачок", "Калина", "Сонях"],
    "ru": ["Ромашка", "Пельмени", "Снегирь"],
    "hu": ["Pogácsa", "Túró", "Gulyás"],
    "cs": ["Knedlík", "Řeřicha", "Žížala"],
    "el": ["Θάλασσα", "Ελιά"],
    "it": ["Città", "Perché", "Caffè"],
    "nl": ["Café", "Ruïne"],
    "vi": ["Hoàsen", "Phởbò"],
}
PHRASE = {
    "en": ["copper", "lantern", "meadow", "biscuit", "orchard", "harbor", "falcon",
           "pebble", "thistle", "walnut", "cobalt", "juniper", "marble", "ember", "willow"],
    "de": ["tanne", "brezel", "nebel", "wolke", "fuchs", "ampel", "kaese", "birne",
           "ofen", "weide"],
    "fr": ["pomme", "nuage", "renard", "velo", "tarte", "orage", "miel", "plage"],
    "es": ["queso", "nube", "zorro", "arena", "limon", "barco", "gato", "sierra"],
    "sv": ["gran", "moln", "räv", "hav", "ost", "snö", "björk", "kaffe"],
    "nl": ["fiets", "wolk", "tulp", "kaas", "molen", "dijk", "regen"],
    "pt": ["areia", "caju", "nuvem", "gato", "praia", "sol", "milho"],
}
KBWALK = ["1qaz2wsx", "q1w2e3r4t5", "zaq12wsx", "1q2w3e4r", "qazwsxedc", "asdfghjkl",
          "1qazxsw2", "qwertzuiop", "azertyuiop", "zxcvbnm"]


def _words(lang, uni):
    w = list(WORDS.get(lang, WORDS["en"]))
    if uni and lang in UWORDS:
        w = UWORDS[lang]
    return w


def pw(r, ctx="prose", lang="en", shape=None):
    syms = SYM[ctx]
    uni_ok = ctx not in ("url", "shell")
    shapes = ["word", "word", "two", "phrase", "random", "walk", "leet"]
    if uni_ok and lang in UWORDS:
        shapes.append("uni")
    shape = shape or r.choice(shapes)
    sym = r.choice(syms)
    year = str(r.randint(1978, 2024)) if r.random() < 0.5 else digits(r, r.randint(2, 4))
    if shape in ("word", "uni"):
        w = r.choice(_words(lang, shape == "uni"))
        form = r.randint(0, 3)
        if form == 0:
            v = w + year + sym
        elif form == 1:
            v = w + sym + year
        elif form == 2:
            v = w.lower() + year + sym
        else:
            v = w + year
    elif shape == "two":
        a, b = r.sample(WORDS.get(lang, WORDS["en"]), 2)
        v = a + sym + b + str(r.randint(1, 99))
    elif shape == "phrase":
        words = PHRASE.get(lang, PHRASE["en"])
        if not uni_ok:
            words = [x for x in words if x.isascii()]
        seps = [s for s in "-." if s in syms]
        if ctx in ("prose", "json"):
            seps.append(" ")
        sep = r.choice(seps)
        v = sep.join(r.sample(words, 4))
        if r.random() < 0.5:
            v += sep + str(r.randint(2, 99))
    elif shape == "random":
        n = r.randint(12, 20)
        while True:
            v = r.choice(AN) + rs(r, n - 1, AN + syms + syms)
            if any(c in syms for c in v) and any(c.isdigit() for c in v):
                break
    elif shape == "walk":
        w = r.choice(KBWALK)
        v = w + sym + str(r.randint(10, 99)) if r.random() < 0.5 else w.capitalize() + year
    elif shape == "leet":
        w = r.choice(WORDS.get(lang, WORDS["en"]))
        tr = {"a": "@" if "@" in syms else "4", "e": "3", "o": "0", "i": "1",
              "s": "$" if "$" in syms else "5"}
        v = "".join(tr.get(c, c) if r.random() < 0.7 else c for c in w) + year
    else:
        raise ValueError(shape)
    while v[-1] in ".,:-" or v[0] in "-.":
        v = v.strip(".,:-") + str(r.randint(1, 9))
    return v


def pin(r, n=4):
    while True:
        v = rs(r, n, DG)
        if len(set(v)) >= 3 and v[0] != "0":
            return v


TEMPLATES = []


def T(name, group, lang, label, typ):
    def deco(fn):
        TEMPLATES.append({"name": name, "group": group, "lang": lang,
                          "label": label, "type": typ, "fn": fn})
        return fn
    return deco

# ===========================================================================
# group: shell — shell history and terminal scrollback
# ===========================================================================


@T("sh_history_mysql_glued", "shell", "en", "secret", "password")
def _(r):
    n = r.randint(900, 1900)
    p = pw(r, "shell")
    return fill("""\
$ history | tail -8
 ⟦a⟧  cd ~/deploy/shop-api
 ⟦b⟧  git pull --rebase
 ⟦c⟧  docker compose ps
 ⟦d⟧  mysql -h 10.20.4.15 -u shop_rw -p⟦pw⟧ shop_prod -e "SHOW FULL PROCESSLIST"
 ⟦e⟧  mysql -h 10.20.4.15 -u shop_rw -p shop_prod
 ⟦f⟧  tail -f /var/log/shop-api/app.log
 ⟦g⟧  sudo systemctl restart shop-api
 ⟦h⟧  history | tail -8""", a=str(n), b=str(n + 1), c=str(n + 2), d=str(n + 3),
                e=str(n + 4), f=str(n + 5), g=str(n + 6), h=str(n + 7),
                pw=G("password", p))


@T("sh_zsh_history_openai", "shell", "en", "secret", "openai_api_key")
def _(r):
    t = r.randint(1712000000, 1719000000)
    k = openai_key(r)
    lines = [
        "cd ~/src/rag-eval",
        "source .venv/bin/activate",
        "export OPENAI_API_KEY=" + S("openai_api_key", k),
        "python eval.py --model gpt-4o-mini --n 200",
        "python eval.py --model gpt-4o-mini --n 200 --resume",
        "git status",
        "git add results/ && git commit -m 'eval: 200 samples, mini'",
    ]
    out = ["$ tail -n 7 ~/.zsh_history"]
    for ln in lines:
        t += r.randint(5, 300)
        out.append(": %d:%d;%s" % (t, r.choice([0, 0, 2, 11]), ln))
    return "\n".join(out)


@T("sh_setx_release_github", "shell", "en", "secret", "github_pat")
def _(r):
    k = ghp(r)
    return fill("""\
$ bash -x scripts/release.sh v2.8.1
+ set -euo pipefail
+ TAG=v2.8.1
+ REPO=acme-labs/ledger-cli
+ GITHUB_TOKEN=⟦k1⟧
+ echo 'Creating draft release v2.8.1'
Creating draft release v2.8.1
++ jq -n --arg tag v2.8.1 '{tag_name: $tag, draft: true, generate_release_notes: true}'
+ BODY='{
  "tag_name": "v2.8.1",
  "draft": true,
  "generate_release_notes": true
}'
+ curl -sS -X POST -H 'Authorization: Bearer ⟦k2⟧' -H 'Accept: application/vnd.github+json' -d '{
  "tag_name": "v2.8.1",
  "draft": true,
  "generate_release_notes": true
}' https://api.github.com/repos/acme-labs/ledger-cli/releases
{
  "message": "Validation Failed",
  "errors": [
    {
      "resource": "Release",
      "code": "already_exists",
      "field": "tag_name"
    }
  ],
  "documentation_url": "https://docs.github.com/rest/releases/releases#create-a-release",
  "status": "422"
}""", k1=S("github_pat", k), k2=S("github_pat", k))


@T("sh_printenv_stripe", "shell", "en", "secret", "stripe_secret_key")
def _(r):
    sk = stripe_key(r)
    pk = stripe_key(r, "pk_live_")
    wh = "whsec_" + rs(r, 32)
    return fill("""\
root@checkout-7f9c6d8b5-x2kqp:/app# printenv | sort
HOME=/root
HOSTNAME=checkout-7f9c6d8b5-x2kqp
KUBERNETES_PORT=tcp://10.96.0.1:443
KUBERNETES_SERVICE_HOST=10.96.0.1
LANG=C.UTF-8
NODE_ENV=production
NODE_VERSION=20.14.0
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
PORT=8080
PWD=/app
SHLVL=1
STRIPE_PUBLISHABLE_KEY=⟦pk⟧
STRIPE_SECRET_KEY=⟦sk⟧
STRIPE_WEBHOOK_SECRET=⟦wh⟧
TERM=xterm
YARN_VERSION=1.22.19
_=/usr/bin/printenv""", pk=pk, sk=S("stripe_secret_key", sk),
                wh=S("stripe_webhook_secret", wh))


@T("sh_docker_inspect_postgres", "shell", "en", "secret", "password")
def _(r):
    p = pw(r, "json")
    cid = hexs(r, 64)
    return fill("""\
$ docker inspect --format '{{json .Config}}' keycloak-db | jq .
{
  "Hostname": "⟦short⟧",
  "Domainname": "",
  "User": "",
  "ExposedPorts": {
    "5432/tcp": {}
  },
  "Env": [
    "POSTGRES_USER=keycloak",
    "POSTGRES_PASSWORD=⟦pw⟧",
    "POSTGRES_DB=keycloak",
    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin",
    "GOSU_VERSION=1.17",
    "LANG=en_US.utf8",
    "PG_MAJOR=16",
    "PG_VERSION=16.3-1.pgdg120+1",
    "PGDATA=/var/lib/postgresql/data"
  ],
  "Cmd": [
    "postgres"
  ],
  "Image": "postgres:16",
  "Volumes": {
    "/var/lib/postgresql/data": {}
  },
  "Entrypoint": [
    "docker-entrypoint.sh"
  ],
  "Labels": {
    "com.docker.compose.project": "iam",
    "com.docker.compose.service": "keycloak-db"
  },
  "StopSignal": "SIGINT"
}""", short=cid[:12], pw=S("password", p))


@T("sh_ps_aux_sshpass", "shell", "en", "secret", "password")
def _(r):
    p = pw(r, "shell", shape=r.choice(["random", "two", "walk"]))
    return fill("""\
$ ps aux | grep -v grep | grep -E 'rsync|sshpass'
backup    41822  0.0  0.0   6420  1876 ?        S    02:00   0:00 /bin/sh -c /opt/backup/nightly.sh >> /var/log/backup.log 2>&1
backup    41830  0.0  0.0   4528  1024 ?        S    02:00   0:00 sshpass -p ⟦pw⟧ rsync -az --delete /srv/nextcloud/data/ backup@nas02.lan:/volume1/nc/
backup    41831  2.1  0.1  13880  6120 ?        S    02:00   1:12 rsync -az --delete /srv/nextcloud/data/ backup@nas02.lan:/volume1/nc/
backup    41832  0.4  0.0  11220  5012 ?        S    02:00   0:14 ssh -l backup nas02.lan rsync --server -logDtprze.iLsfxCIvu --delete . /volume1/nc/""",
                pw=S("password", p))


@T("sh_ps_ef_java_ru", "shell", "ru", "secret", "password")
def _(r):
    p = pw(r, "shell", "ru")
    return fill("""\
# смотрю, почему billing жрёт память; заодно видно, с какими параметрами его запустили
[admin@app-prod-3 ~]$ ps -ef | grep [j]ava
app       2214     1 12 мар03 ?      09:41:55 /usr/lib/jvm/java-17-openjdk/bin/java -Xms2g -Xmx6g -XX:+UseG1GC -Dspring.profiles.active=prod -Dspring.datasource.url=jdbc:postgresql://db-prod-2.int:5432/billing -Dspring.datasource.username=billing_app -Dspring.datasource.password=⟦pw⟧ -jar /opt/billing/billing-service.jar
[admin@app-prod-3 ~]$ free -h
               total        used        free      shared  buff/cache   available
Mem:            15Gi        13Gi       412Mi       8,0Mi       1,9Gi       1,6Gi
Swap:          2,0Gi       1,2Gi       820Mi
# пароль в аргументах видят все, кто может сделать ps — завести задачу, чтобы перенести в переменные окружения""",
                pw=S("password", p))


@T("sh_history_aws_configure_ja", "shell", "ja", "secret", "aws_access_key")
def _(r):
    n = r.randint(200, 700)
    ak, sk = aws_id(r), aws_secret(r)
    rows = [
        "# 本番アカウント用のプロファイルを作成（あとで SSO に切り替える）",
        "aws configure set aws_access_key_id " + S("aws_access_key_id", ak) + " --profile prod-deploy",
        "aws configure set aws_secret_access_key " + S("aws_secret_access_key", sk) + " --profile prod-deploy",
        "aws configure set region ap-northeast-1 --profile prod-deploy",
        "aws sts get-caller-identity --profile prod-deploy",
        "# S3 同期のドライラン",
        "aws s3 sync ./dist s3://ec-front-prod-assets --profile prod-deploy --dryrun",
        "history | tail -n 8",
    ]
    return "$ history | tail -n 8\n" + "\n".join("  %d  %s" % (n + i, x) for i, x in enumerate(rows))


@T("sh_bash_history_hf", "shell", "en", "secret", "huggingface_token")
def _(r):
    k = hf_token(r)
    return fill("""\
ubuntu@gpu-a100-02:~$ cat ~/.bash_history | tail -n 9
nvidia-smi
conda activate llm
pip install -U "huggingface_hub[cli]" hf_transfer
export HF_HUB_ENABLE_HF_TRANSFER=1
huggingface-cli login --token ⟦k⟧ --add-to-git-credential
huggingface-cli download mistralai/Mistral-7B-Instruct-v0.3 --local-dir ./models/mistral-7b-v03
du -sh ./models/*
python -m vllm.entrypoints.openai.api_server --model ./models/mistral-7b-v03 --port 8000
tmux attach -t serve""", k=S("huggingface_token", k))


@T("sh_env_grep_anthropic_fr", "shell", "fr", "secret", "anthropic_api_key")
def _(r):
    k = anthropic_key(r)
    return fill("""\
thomas@portable:~/projets/assistant$ pyhton agent.py
La commande « pyhton » n'a pas été trouvée, voulez-vous dire :
  commande « python3 » du paquet deb « python3 »
Essayez : sudo apt install <nom du paquet deb>
thomas@portable:~/projets/assistant$ python3 agent.py
Traceback (most recent call last):
  File "/home/thomas/projets/assistant/agent.py", line 41, in <module>
    reponse = client.messages.create(model=MODELE, max_tokens=1024, messages=historique)
anthropic.AuthenticationError: Error code: 401 - {'type': 'error', 'error': {'type': 'authentication_error', 'message': 'invalid x-api-key'}}
thomas@portable:~/projets/assistant$ env | grep -i anthropic
ANTHROPIC_API_KEY=⟦k⟧
ANTHROPIC_BASE_URL=https://api.anthropic.com
thomas@portable:~/projets/assistant$ ls -la ~/.config/assistant/
ls: impossible d'accéder à '/home/thomas/.config/assistant/': Aucun fichier ou dossier de ce nom""",
                k=S("anthropic_api_key", k))


@T("sh_setx_pgdump_de", "shell", "de", "secret", "password")
def _(r):
    p = pw(r, "shell", "de")
    return fill("""\
root@sicherung01:~# bash -x /usr/local/bin/db-sicherung.sh
+ ZIEL=/mnt/sicherung/warenwirtschaft_2024-05-13.dump
+ echo 'Starte Sicherung der Datenbank warenwirtschaft …'
Starte Sicherung der Datenbank warenwirtschaft …
+ export PGPASSWORD=⟦pw⟧
+ pg_dump -h db01.intern -U sicherung -Fc warenwirtschaft -f /mnt/sicherung/warenwirtschaft_2024-05-13.dump
pg_dump: Fehler: Verbindung zum Server auf „db01.intern“ (10.0.3.21), Port 5432 fehlgeschlagen: FATAL:  Passwort-Authentifizierung für Benutzer „sicherung“ fehlgeschlagen
+ echo 'Sicherung fehlgeschlagen, Exit-Code 1'
Sicherung fehlgeschlagen, Exit-Code 1
+ exit 1""", pw=S("password", p))


@T("sh_history_docker_mistral", "shell", "en", "secret", "mistral_api_key")
def _(r):
    k = rs(r, 32)
    n = r.randint(100, 600)
    rows = [
        "docker build -t ghcr.io/lumen-labs/support-bot:1.4 .",
        "docker run -d --name support-bot -e LLM_PROVIDER=mistral -e MISTRAL_API_KEY=" + S("mistral_api_key", k) + " -e MISTRAL_MODEL=mistral-small-latest -p 8080:8080 ghcr.io/lumen-labs/support-bot:1.4",
        "docker logs -f support-bot",
        "curl -s localhost:8080/healthz",
        "docker push ghcr.io/lumen-labs/support-bot:1.4",
    ]
    return "\n".join("%5d  %s" % (n + i, x) for i, x in enumerate(rows))


# --- shell negatives --------------------------------------------------------


@T("sh_history_read_prompt", "shell", "en", "not_secret", "password_prompt")
def _(r):
    n = r.randint(100, 900)
    rows = [
        "read -rs -p 'DB password: ' DB_PASS; echo",
        'export PGPASSWORD="$DB_PASS"',
        "psql -h pg-analytics.internal -U analyst -d warehouse -c '\\dt mart.*'",
        "psql -h pg-analytics.internal -U analyst -d warehouse -f queries/weekly_churn.sql -o /tmp/churn.csv",
        "unset PGPASSWORD DB_PASS",
    ]
    return "\n".join("  %d  %s" % (n + i, x) for i, x in enumerate(rows))


@T("sh_setx_token_silenced", "shell", "en", "not_secret", "secret_reference")
def _(r):
    return """\
+ echo '--- fetching deploy token'
--- fetching deploy token
+ set +x
Token loaded from Vault (secret/ci/helm-deployer, 40 chars), expires in 3600s
+ helm upgrade --install storefront ./charts/storefront --namespace shop --set image.tag=2024.06.11-3 --wait --timeout 5m
Release "storefront" has been upgraded. Happy Helming!
NAME: storefront
LAST DEPLOYED: Tue Jun 11 09:42:17 2024
NAMESPACE: shop
STATUS: deployed
REVISION: 57"""


@T("sh_env_dump_no_credential", "shell", "en", "not_secret", "no_credential")
def _(r):
    return fill("""\
$ env | sort
AWS_PROFILE=dev-sso
AWS_REGION=eu-west-1
COLORTERM=truecolor
EDITOR=nvim
GOPATH=/Users/dana/go
HOME=/Users/dana
HOMEBREW_PREFIX=/opt/homebrew
KUBECONFIG=/Users/dana/.kube/config:/Users/dana/.kube/eks-dev.yaml
LANG=en_US.UTF-8
SHELL=/bin/zsh
SSH_AUTH_SOCK=/private/tmp/com.apple.launchd.⟦sock⟧/Listeners
TERM_PROGRAM=iTerm.app
TERM_SESSION_ID=w0t1p0:⟦sess⟧
TMPDIR=/var/folders/7x/⟦tmp⟧/T/
USER=dana
VAULT_ADDR=https://vault.platform.internal:8200
VIRTUAL_ENV=/Users/dana/src/billing/.venv
XPC_SERVICE_NAME=0""", sock=rs(r, 10), sess=uuid4(r).upper(), tmp=rs(r, 30, LAN) + "0000gn")


@T("sh_docker_inspect_secret_files_de", "shell", "de", "not_secret", "secret_reference")
def _(r):
    return """\
# Warum startet der Container nicht? Die Umgebung sieht so aus (Passwörter kommen aus Docker-Secrets):
$ docker inspect --format '{{range .Config.Env}}{{println .}}{{end}}' nextcloud-db
MARIADB_ROOT_PASSWORD_FILE=/run/secrets/mariadb_root_password
MARIADB_PASSWORD_FILE=/run/secrets/nextcloud_db_password
MARIADB_USER=nextcloud
MARIADB_DATABASE=nextcloud
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
GOSU_VERSION=1.17
LANG=C.UTF-8
MARIADB_VERSION=1:11.4.2+maria~ubu2404
$ docker logs nextcloud-db 2>&1 | tail -n 2
2024-06-14 07:31:02+00:00 [ERROR] [Entrypoint]: Both MARIADB_PASSWORD and MARIADB_PASSWORD_FILE are set (but are exclusive)
# Also doppelt gesetzt – in der compose.yaml die alte Variable MARIADB_PASSWORD entfernen."""


@T("sh_ps_aux_password_file", "shell", "en", "not_secret", "secret_reference")
def _(r):
    return """\
$ ps aux --sort=-%mem | head -6
USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
mysql       1187  3.2 18.4 2450112 1498212 ?     Ssl  Jun10  92:14 /usr/sbin/mysqld --defaults-extra-file=/etc/mysql/debian.cnf
postgres    1302  0.1  2.2 219744 181020 ?       Ss   Jun10   4:03 postgres: 16/main: checkpointer
redis       1411  0.6  1.1 118532 91240 ?        Ssl  Jun10  17:55 /usr/bin/redis-server 127.0.0.1:6379
pgbouncer   1522  0.0  0.1  22184  9012 ?        Ss   Jun10   0:41 /usr/sbin/pgbouncer -d /etc/pgbouncer/pgbouncer.ini
restic      8810 22.7  0.8 1290344 70112 ?       Sl   02:00  11:09 restic backup /srv --password-file /etc/restic/password --repo sftp:backup@nas02.lan:/restic"""


@T("sh_checksums_zh", "shell", "zh", "not_secret", "hash")
def _(r):
    h = hexs(r, 64)
    fp = hexs(r, 40).upper()
    return fill("""\
$ # 校验下载的安装包，确认没有被篡改
$ sha256sum node-v20.14.0-linux-x64.tar.xz
⟦h⟧  node-v20.14.0-linux-x64.tar.xz
$ grep node-v20.14.0-linux-x64.tar.xz SHASUMS256.txt
⟦h⟧  node-v20.14.0-linux-x64.tar.xz
$ gpg --verify SHASUMS256.txt.sig SHASUMS256.txt
gpg: 签名建立于 2024年05月28日 星期二 14时12分31秒 CST
gpg:                使用 RSA 密钥 ⟦fp⟧
gpg: 完好的签名，来自于 “Release Signing Key <release@nodejs-mirror.cn>” [未知]
gpg: 警告：此密钥未被受信任签名认证！
$ # 哈希一致，可以安装""", h=h, fp=fp)


@T("sh_printenv_empty_tr", "shell", "tr", "not_secret", "empty_value")
def _(r):
    return """\
$ printenv | grep -E '^(DB_|REDIS_|JWT_)'
DB_HOST=postgres
DB_PORT=5432
DB_USER=stok_app
DB_PASSWORD=
REDIS_URL=redis://redis:6379/0
JWT_SECRET=
$ npm run start:prod

> stok-api@3.2.0 start:prod
> node dist/main

[Nest] 31  - 14.06.2024 09:12:44   ERROR [ConfigService] Yapılandırma hatası: DB_PASSWORD ve JWT_SECRET boş olamaz. .env.production dosyasını kontrol edin.
# Konteyner ortam değişkenlerini secret'tan almıyor, deployment dosyasına bakacağım."""


@T("sh_ssh_keygen_public", "shell", "en", "not_secret", "public_key")
def _(r):
    fp = b64(rbytes(r, 32)).rstrip("=")
    pub = ssh_ed25519_pub(r)
    return fill("""\
$ ssh-keygen -t ed25519 -C "ci-deploy@fleet" -f ~/.ssh/ci_deploy -N ''
Generating public/private ed25519 key pair.
Your identification has been saved in /home/ops/.ssh/ci_deploy
Your public key has been saved in /home/ops/.ssh/ci_deploy.pub
The key fingerprint is:
SHA256:⟦fp⟧ ci-deploy@fleet
The key's randomart image is:
+--[ED25519 256]--+
|        .o+=*B=o.|
|       . oo+=.=o |
|      . o +o.=.. |
|       o = +o..  |
|        S = o.   |
|         + +  .  |
|        o * .. E |
|         = +o    |
|         .=+     |
+----[SHA256]-----+
$ cat ~/.ssh/ci_deploy.pub
⟦pub⟧ ci-deploy@fleet""", fp=fp, pub=pub)


@T("sh_envrc_placeholder_pl", "shell", "pl", "not_secret", "placeholder")
def _(r):
    return """\
$ cat .envrc
# Skopiuj do .envrc.local i uzupełnij własnymi danymi — NIE commituj tego pliku!
export OPENAI_API_KEY="TU_WKLEJ_SWÓJ_KLUCZ"
export ALLEGRO_CLIENT_SECRET="<sekret z panelu deweloperskiego>"
export DATABASE_URL="postgres://uzytkownik:HASLO@localhost:5432/sklep"
source_env_if_exists .envrc.local
$ direnv allow
direnv: loading ~/projekty/sklep/.envrc
direnv: export +ALLEGRO_CLIENT_SECRET +DATABASE_URL +OPENAI_API_KEY"""


@T("sh_git_config_list", "shell", "en", "not_secret", "secret_reference")
def _(r):
    return fill("""\
$ git config --list --show-origin | grep -Ev 'alias\\.'
file:/opt/homebrew/etc/gitconfig	credential.helper=osxkeychain
file:/Users/mei/.gitconfig	user.name=Mei Lin
file:/Users/mei/.gitconfig	user.email=mei.lin@harborfreight-logistics.com
file:/Users/mei/.gitconfig	user.signingkey=⟦sk⟧
file:/Users/mei/.gitconfig	commit.gpgsign=true
file:/Users/mei/.gitconfig	gpg.program=/opt/homebrew/bin/gpg
file:/Users/mei/.gitconfig	url.git@github.com:.insteadof=https://github.com/
file:/Users/mei/.gitconfig	credential.https://dev.azure.com.usehttppath=true
file:.git/config	remote.origin.url=git@github.com:harborfreight/route-planner.git
file:.git/config	branch.main.remote=origin""", sk=hexs(r, 16).upper())

# ===========================================================================
# group: ci — CI/CD logs and pipeline files
# ===========================================================================


@T("ci_gha_workflow_aws_hardcoded", "ci", "en", "secret", "aws_access_key")
def _(r):
    return fill("""\
# .github/workflows/deploy-site.yml
name: deploy-site
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      AWS_ACCESS_KEY_ID: ⟦ak⟧
      AWS_SECRET_ACCESS_KEY: ⟦sk⟧
      AWS_DEFAULT_REGION: eu-central-1
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci && npm run build
      - run: aws s3 sync build/ s3://marketing-site-prod --delete
      - run: aws cloudfront create-invalidation --distribution-id E2QWRUHAPOMQZL --paths "/*"
""", ak=S("aws_access_key_id", aws_id(r)), sk=S("aws_secret_access_key", aws_secret(r)))


@T("ci_gitlab_sonar_de", "ci", "de", "secret", "sonarqube_token")
def _(r):
    return fill("""\
# .gitlab-ci.yml – Qualitätsprüfung für das Kundenportal
stages:
  - test
  - analyse

variables:
  # Token des technischen Benutzers „ci-sonar“ (nur Analyse-Rechte)
  SONAR_TOKEN: "⟦tok⟧"
  SONAR_HOST_URL: "https://sonar.stadtwerke-nord.de"
  GIT_DEPTH: "0"  # Sonar braucht die komplette Historie

unit-tests:
  stage: test
  image: maven:3.9-eclipse-temurin-21
  script:
    - mvn -B verify

sonar:
  stage: analyse
  image: maven:3.9-eclipse-temurin-21
  script:
    - mvn -B sonar:sonar -Dsonar.projectKey=kundenportal
  only:
    - main
    - merge_requests
""", tok=S("sonarqube_token", "squ_" + hexs(r, 40)))


@T("ci_jenkins_console_docker_login", "ci", "en", "secret", "password")
def _(r):
    p = pw(r, "shell")
    return fill("""\
Started by GitHub push by priya-nair
Obtained Jenkinsfile from git https://github.com/northwind-traders/inventory-svc.git
[Pipeline] Start of Pipeline
[Pipeline] node
Running on build-agent-04 in /var/lib/jenkins/workspace/inventory-svc_main
[Pipeline] stage
[Pipeline] { (Push image)
[Pipeline] sh
+ docker login -u ci-pusher -p ⟦pw⟧ harbor.northwind.io
WARNING! Using --password via the CLI is insecure. Use --password-stdin.
WARNING! Your password will be stored unencrypted in /var/lib/jenkins/.docker/config.json.
Configure a credential helper to remove this warning. See
https://docs.docker.com/engine/reference/commandline/login/#credential-stores

Login Succeeded
[Pipeline] sh
+ docker push harbor.northwind.io/inventory/inventory-svc:1.18.0-⟦sha⟧
The push refers to repository [harbor.northwind.io/inventory/inventory-svc]""",
                pw=S("password", p), sha=hexs(r, 7))


@T("ci_circleci_npm_token", "ci", "en", "secret", "npm_token")
def _(r):
    return fill("""\
# .circleci/config.yml
version: 2.1
orbs:
  node: circleci/node@5.2.0
jobs:
  publish:
    docker:
      - image: cimg/node:20.14
    environment:
      NPM_TOKEN: ⟦tok⟧
    steps:
      - checkout
      - node/install-packages:
          pkg-manager: pnpm
      - run: pnpm build
      - run: echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > ~/.npmrc
      - run: pnpm publish --access public --no-git-checks
workflows:
  release:
    jobs:
      - publish:
          filters:
            tags:
              only: /^v.*/
            branches:
              ignore: /.*/
""", tok=S("npm_token", "npm_" + rs(r, 36)))


@T("ci_azure_pipelines_acr_fr", "ci", "fr", "secret", "container_registry_password")
def _(r):
    v = rs(r, 42, AN) + "+ACR" + rs(r, 6, AN)
    return fill("""\
# azure-pipelines.yml — construction et publication de l'image de l'API de facturation
trigger:
  branches:
    include:
      - main

pool:
  vmImage: ubuntu-latest

variables:
  registre: 'acrfacturationprod.azurecr.io'
  utilisateurAcr: 'acrfacturationprod'
  # mot de passe admin du registre (provisoire, en attendant la connexion de service)
  motDePasseAcr: '⟦pw⟧'
  tagImage: '$(Build.BuildId)'

steps:
  - script: |
      echo "$(motDePasseAcr)" | docker login $(registre) -u $(utilisateurAcr) --password-stdin
      docker build -t $(registre)/facturation-api:$(tagImage) .
      docker push $(registre)/facturation-api:$(tagImage)
    displayName: 'Construire et pousser l’image'
""", pw=S("container_registry_password", v))


@T("ci_buildkite_pipeline_token", "ci", "en", "secret", "buildkite_api_token")
def _(r):
    return fill("""\
# .buildkite/pipeline.yml
env:
  BUILDKITE_API_TOKEN: "⟦tok⟧"
  DOCKER_BUILDKIT: "1"

steps:
  - label: ":pytest: unit"
    command: make test
    plugins:
      - docker-compose#v5.2.0:
          run: app

  - wait

  - label: ":rocket: trigger downstream"
    command: |
      curl -sf -X POST "https://api.buildkite.com/v2/organizations/tidewater/pipelines/infra-deploy/builds" \\
        -H "Authorization: Bearer $$BUILDKITE_API_TOKEN" \\
        -d '{"commit":"HEAD","branch":"main","message":"deploy from app pipeline"}'
    branches: main
""", tok=S("buildkite_api_token", "bkua_" + hexs(r, 40)))


@T("ci_gha_log_unmasked_var", "ci", "en", "secret", "digitalocean_token")
def _(r):
    tok = "dop_v1_" + hexs(r, 64)
    return fill("""\
2024-06-12T08:14:03.1182341Z ##[group]Run doctl auth init --access-token "$DO_TOKEN"
2024-06-12T08:14:03.1183012Z doctl auth init --access-token "$DO_TOKEN"
2024-06-12T08:14:03.1221904Z shell: /usr/bin/bash -e {0}
2024-06-12T08:14:03.1222310Z env:
2024-06-12T08:14:03.1222719Z   DO_TOKEN: ⟦tok⟧
2024-06-12T08:14:03.1223120Z   CLUSTER: k8s-ams3-prod
2024-06-12T08:14:03.1223514Z ##[endgroup]
2024-06-12T08:14:04.0081176Z Validating token... OK
2024-06-12T08:14:04.2210387Z ##[group]Run doctl kubernetes cluster kubeconfig save "$CLUSTER"
2024-06-12T08:14:05.9017740Z Notice: Adding cluster credentials to kubeconfig file found in "/home/runner/.kube/config"
2024-06-12T08:14:05.9018811Z Notice: Setting current-context to do-ams3-k8s-ams3-prod""",
                tok=S("digitalocean_token", tok))


@T("ci_gitlab_log_glpat_es", "ci", "es", "secret", "gitlab_pat")
def _(r):
    return fill("""\
Running with gitlab-runner 17.0.0 (44feccdf)
  on runner-docker-02 zK9pQe3x, system ID: s_6b1f0c2e8d4a
Preparing the "docker" executor
Using Docker executor with image node:20-alpine ...
Getting source from Git repository
Fetching changes with git depth set to 20...
Checking out 9c41e7d2 as detached HEAD (ref is v2.3.0)...
Executing "step_script" stage of the job script
$ echo "Publicando el paquete en el registro interno…"
Publicando el paquete en el registro interno…
$ npm pack
facturacion-2.3.0.tgz
$ curl --fail --header "PRIVATE-TOKEN: ⟦tok⟧" --upload-file facturacion-2.3.0.tgz "https://gitlab.empresa-logistica.es/api/v4/projects/412/packages/generic/facturacion/2.3.0/facturacion-2.3.0.tgz"
{"message":"201 Created"}
$ echo "Paquete publicado correctamente"
Paquete publicado correctamente
Job succeeded""", tok=S("gitlab_pat", glpat(r)))


@T("ci_jenkinsfile_slack_webhook_it", "ci", "it", "secret", "slack_webhook")
def _(r):
    return fill("""\
// Jenkinsfile — pipeline del gestionale ordini
pipeline {
    agent any
    environment {
        // webhook del canale #rilasci (da spostare nelle credenziali di Jenkins, prima o poi)
        SLACK_WEBHOOK = '⟦wh⟧'
        MAVEN_OPTS = '-Xmx1g'
    }
    stages {
        stage('Compilazione') {
            steps { sh 'mvn -B clean package -DskipTests' }
        }
        stage('Test') {
            steps { sh 'mvn -B test' }
        }
        stage('Notifica') {
            steps {
                sh '''curl -s -X POST -H 'Content-type: application/json' --data '{"text":"Build completata su main"}' "$SLACK_WEBHOOK"'''
            }
        }
    }
}""", wh=S("slack_webhook", slack_webhook(r)))


@T("ci_gha_ssh_private_key_ja", "ci", "ja", "secret", "private_key")
def _(r):
    key = openssh_ed25519(r, "deploy@ec-shop", indent="            ")
    return fill("""\
# .github/workflows/deploy.yml
name: 本番デプロイ
on:
  workflow_dispatch:
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - name: 本番サーバーへデプロイ
        uses: appleboy/ssh-action@v1.0.3
        with:
          host: 203.0.113.24
          username: deploy
          # TODO: あとで secrets.DEPLOY_KEY に移す（とりあえず動作確認用）
          key: |
            ⟦key⟧
          script: |
            cd /var/www/ec-shop && git pull --ff-only && pm2 reload all
""", key=S("private_key", key))


@T("ci_bitbucket_heroku_key", "ci", "en", "secret", "heroku_api_key")
def _(r):
    return fill("""\
# bitbucket-pipelines.yml
image: node:20

pipelines:
  branches:
    main:
      - step:
          name: Build and test
          caches:
            - node
          script:
            - npm ci
            - npm test
      - step:
          name: Deploy to Heroku
          deployment: production
          script:
            - pipe: atlassian/heroku-deploy:2.4.0
              variables:
                HEROKU_API_KEY: '⟦tok⟧'
                HEROKU_APP_NAME: 'tidewater-booking'
                ZIP_FILE: 'build.tar.gz'
""", tok=S("heroku_api_key", "HRKU-AA" + mid(r, 58, B64U)))


# --- ci negatives -----------------------------------------------------------


@T("ci_gha_log_masked", "ci", "en", "not_secret", "redacted")
def _(r):
    return """\
2024-05-21T16:02:11.4410023Z ##[group]Run aws s3 sync ./public s3://docs-site-prod --delete
2024-05-21T16:02:11.4410871Z aws s3 sync ./public s3://docs-site-prod --delete
2024-05-21T16:02:11.4449012Z shell: /usr/bin/bash -e {0}
2024-05-21T16:02:11.4449533Z env:
2024-05-21T16:02:11.4449951Z   AWS_ACCESS_KEY_ID: ***
2024-05-21T16:02:11.4450377Z   AWS_SECRET_ACCESS_KEY: ***
2024-05-21T16:02:11.4450803Z   AWS_DEFAULT_REGION: us-east-1
2024-05-21T16:02:11.4451219Z ##[endgroup]
2024-05-21T16:02:14.9930216Z upload: public/index.html to s3://docs-site-prod/index.html
2024-05-21T16:02:15.0127745Z upload: public/search.json to s3://docs-site-prod/search.json
2024-05-21T16:02:15.3397002Z ##[group]Run curl -s -H "Authorization: token ***" https://api.github.com/repos/acme/docs/deployments
2024-05-21T16:02:15.9910337Z ##[endgroup]"""


@T("ci_gha_log_masked_pt", "ci", "pt", "not_secret", "redacted")
def _(r):
    return """\
2024-06-11T22:05:13.4471003Z ##[group]Run echo "Publicando a versão $VERSAO na loja…"
2024-06-11T22:05:13.4479120Z echo "Publicando a versão $VERSAO na loja…"
2024-06-11T22:05:13.4480554Z fastlane supply --track internal --json_key_data "$GOOGLE_PLAY_JSON"
2024-06-11T22:05:13.4518801Z shell: /usr/bin/bash -e {0}
2024-06-11T22:05:13.4519230Z env:
2024-06-11T22:05:13.4519662Z   VERSAO: 3.14.0
2024-06-11T22:05:13.4520105Z   GOOGLE_PLAY_JSON: ***
2024-06-11T22:05:13.4520571Z   KEYSTORE_SENHA: ***
2024-06-11T22:05:13.4520998Z ##[endgroup]
2024-06-11T22:05:13.4603350Z Publicando a versão 3.14.0 na loja…
2024-06-11T22:05:41.0081774Z [22:05:41]: Preparando o upload do AAB (app-release.aab, 38,2 MB)
2024-06-11T22:06:12.9930265Z [22:06:12]: Senha do keystore recebida: ***
2024-06-11T22:06:19.2216630Z [22:06:19]: Versão 3.14.0 (código 31400) enviada para a faixa interna com sucesso"""


@T("ci_gha_secrets_reference_ko", "ci", "ko", "not_secret", "secret_reference")
def _(r):
    return """\
# .github/workflows/nightly-eval.yml
name: 야간 평가
on:
  schedule:
    - cron: "0 18 * * *"   # 한국 시간 새벽 3시
jobs:
  eval:
    runs-on: ubuntu-latest
    environment: eval
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install -r requirements.txt
      # 키는 저장소 시크릿에서만 가져온다. 로그에 출력하지 말 것!
      - run: python -m evals.run --suite ko-qa --out results.json
        env:
          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}
          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}
          UPSTAGE_API_KEY: ${{ secrets.UPSTAGE_API_KEY }}
      - uses: actions/upload-artifact@v4
        with:
          name: results
          path: results.json"""


@T("ci_gitlab_log_masked_ru", "ci", "ru", "not_secret", "redacted")
def _(r):
    return """\
Running with gitlab-runner 16.11.1 (535ced5f)
  on shared-runner-msk-01 Hx2PwQ9d, system ID: r_93c1a7e40b5f
Executing "step_script" stage of the job script
$ echo "Загружаем артефакты в S3-совместимое хранилище…"
Загружаем артефакты в S3-совместимое хранилище…
$ export AWS_ACCESS_KEY_ID=[MASKED]
$ export AWS_SECRET_ACCESS_KEY=[MASKED]
$ aws --endpoint-url https://storage.yandexcloud.net s3 cp dist/ s3://releases-mobile/2.14.0/ --recursive
upload: dist/app-release.apk to s3://releases-mobile/2.14.0/app-release.apk
upload: dist/mapping.txt to s3://releases-mobile/2.14.0/mapping.txt
$ echo "Готово. Токен для Telegram-уведомления: $TG_BOT_TOKEN"
Готово. Токен для Telegram-уведомления: [MASKED]
Job succeeded"""


@T("ci_jenkins_with_credentials", "ci", "en", "not_secret", "secret_reference")
def _(r):
    return """\
// Jenkinsfile (excerpt)
stage('Migrate') {
    steps {
        withCredentials([usernamePassword(credentialsId: 'pg-prod-migrator',
                                          usernameVariable: 'PGUSER',
                                          passwordVariable: 'PGPASSWORD')]) {
            sh 'flyway -url=jdbc:postgresql://pg-prod.internal:5432/orders -user=$PGUSER -password=$PGPASSWORD migrate'
        }
    }
}

--- console ---
[Pipeline] withCredentials
Masking supported pattern matches of $PGPASSWORD
[Pipeline] {
[Pipeline] sh
+ flyway -url=jdbc:postgresql://pg-prod.internal:5432/orders -user=**** -password=**** migrate
Flyway Community Edition 10.13.0 by Redgate
Successfully validated 84 migrations (execution time 00:00.142s)
Current version of schema "public": 83
Migrating schema "public" to version "84 - add shipment eta"
[Pipeline] }
[Pipeline] // withCredentials"""


@T("ci_circleci_contexts", "ci", "en", "not_secret", "secret_reference")
def _(r):
    return """\
# .circleci/config.yml (excerpt)
version: 2.1
jobs:
  deploy:
    docker:
      - image: cimg/python:3.12
    steps:
      - checkout
      - run:
          name: Deploy to Fly
          command: |
            if [ -z "${FLY_API_TOKEN:-}" ]; then
              echo "FLY_API_TOKEN is not set; attach the 'fly-prod' context" >&2
              exit 1
            fi
            flyctl deploy --remote-only --app ledger-api
workflows:
  main:
    jobs:
      - deploy:
          context:
            - fly-prod
            - sentry-release
          filters:
            branches:
              only: main"""


@T("ci_azure_keyvault_sv", "ci", "sv", "not_secret", "secret_reference")
def _(r):
    return """\
# azure-pipelines.yml — hämtar hemligheter från Key Vault i stället för att lagra dem i pipelinen
variables:
  - group: kassasystem-prod   # variabelgrupp kopplad till Key Vault kv-kassa-prod

steps:
  - task: AzureKeyVault@2
    displayName: 'Hämta hemligheter från Key Vault'
    inputs:
      azureSubscription: 'sc-kassa-prod'   # tjänstanslutning med arbetsbelastningsidentitet
      KeyVaultName: 'kv-kassa-prod'
      SecretsFilter: 'sql-admin-losenord,swish-cert-losenord'
      RunAsPreJob: true

  - script: |
      sqlcmd -S tcp:sql-kassa-prod.database.windows.net -d kassa -U kassaadmin -P "$(sql-admin-losenord)" -i migrering.sql
    displayName: 'Kör databasmigrering'
    # Värdet maskeras automatiskt i loggen som ***"""


@T("ci_gha_cache_hashes", "ci", "en", "not_secret", "hash")
def _(r):
    h1, h2 = hexs(r, 64), hexs(r, 64)
    return fill("""\
2024-06-03T11:20:44.2040127Z ##[group]Run actions/cache@v4
2024-06-03T11:20:44.2040903Z with:
2024-06-03T11:20:44.2041354Z   path: ~/.cache/pip
2024-06-03T11:20:44.2041907Z   key: Linux-pip-⟦h1⟧
2024-06-03T11:20:44.2042526Z   restore-keys: Linux-pip-
2024-06-03T11:20:44.2043011Z ##[endgroup]
2024-06-03T11:20:45.1187716Z Cache hit for: Linux-pip-⟦h1⟧
2024-06-03T11:20:46.5521083Z Received 104857600 of 231704411 (45.3%), 99.8 MBs/sec
2024-06-03T11:20:47.6613370Z Cache Size: ~221 MB (231704411 B)
2024-06-03T11:20:49.0218841Z Cache restored successfully
2024-06-03T11:23:10.4471902Z ##[group]Run docker/build-push-action@v5
2024-06-03T11:25:52.9109463Z #14 exporting manifest sha256:⟦h2⟧ done
2024-06-03T11:25:53.4410288Z ImageID: sha256:⟦h2⟧""", h1=h1, h2=h2)


@T("ci_gitlab_oidc_id_tokens", "ci", "en", "not_secret", "secret_reference")
def _(r):
    return """\
# .gitlab-ci.yml (excerpt) — no stored credentials; the job exchanges its OIDC token
read-secrets:
  stage: deploy
  image: hashicorp/vault:1.16
  id_tokens:
    VAULT_ID_TOKEN:
      aud: https://vault.platform.internal
  variables:
    VAULT_ADDR: https://vault.platform.internal:8200
  script:
    - export VAULT_TOKEN="$(vault write -field=token auth/jwt/login role=payments-deploy jwt=$VAULT_ID_TOKEN)"
    - export DB_PASSWORD="$(vault kv get -field=password kv/payments/prod/db)"
    - ./deploy.sh
  rules:
    - if: $CI_COMMIT_BRANCH == "main\""""


@T("ci_readme_aws_doc_example", "ci", "en", "not_secret", "doc_example_key")
def _(r):
    return """\
## Running the pipeline locally with act

The workflow expects AWS credentials in the environment. For a dry run against
LocalStack you can use the dummy values from the AWS documentation:

    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
    export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
    export AWS_DEFAULT_REGION=us-east-1
    act push -j deploy --env AWS_ENDPOINT_URL=http://localhost:4566

LocalStack accepts any key; never put real credentials in `.actrc` or `.secrets`."""


@T("ci_buildkite_log_redacted", "ci", "en", "not_secret", "redacted")
def _(r):
    return """\
~~~ Preparing working directory
$ cd /var/lib/buildkite-agent/builds/bk-agent-7/tidewater/payments-api
$ git fetch -v --prune -- origin refs/heads/main
~~~ Running global environment hook
~~~ Running plugin ecr pre-command hook
~~~ Authenticating with AWS ECR in eu-west-1 for 412907335518
$ aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 412907335518.dkr.ecr.eu-west-1.amazonaws.com
Login Succeeded
~~~ Running commands
$ echo "deploying with STRIPE_API_KEY=$STRIPE_API_KEY PAGERDUTY_TOKEN=$PAGERDUTY_TOKEN"
deploying with STRIPE_API_KEY=[REDACTED] PAGERDUTY_TOKEN=[REDACTED]
$ ./scripts/deploy.sh payments-api
+++ Deployed payments-api build 4471 to production"""


@T("ci_gha_sha_pinned_actions", "ci", "en", "not_secret", "git_sha")
def _(r):
    return fill("""\
# .github/workflows/ci.yml — third-party actions pinned to full commit SHAs
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@⟦a⟧ # v4.1.7
      - uses: actions/setup-go@⟦b⟧ # v5.0.1
        with:
          go-version-file: go.mod
      - uses: aws-actions/configure-aws-credentials@⟦c⟧ # v4.0.2
        with:
          role-to-assume: arn:aws:iam::381492006617:role/gha-ci-readonly
          aws-region: eu-west-1
      - run: go test ./...
""", a=hexs(r, 40), b=hexs(r, 40), c=hexs(r, 40))

# ===========================================================================
# group: notebook — notebooks and data science
# ===========================================================================


def ipynb(cells, kernel="python3", display="Python 3 (ipykernel)"):
    out = []
    for c in cells:
        kind, src = c[0], c[1]
        lines = src.split("\n")
        source = [ln + "\n" for ln in lines[:-1]] + [lines[-1]]
        if kind == "md":
            out.append({"cell_type": "markdown", "id": c[2], "metadata": {}, "source": source})
        else:
            cell = {"cell_type": "code", "execution_count": c[3], "id": c[2],
                    "metadata": {}, "outputs": [], "source": source}
            if len(c) > 4:
                txt = c[4].split("\n")
                cell["outputs"] = [{"name": "stdout", "output_type": "stream",
                                    "text": [t + "\n" for t in txt[:-1]] + [txt[-1]]}]
            out.append(cell)
    nb = {"cells": out,
          "metadata": {"kernelspec": {"display_name": display, "language": "python", "name": kernel},
                       "language_info": {"name": "python", "version": "3.11.9"}},
          "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, indent=1, ensure_ascii=False)


@T("nb_ipynb_openai_client", "notebook", "en", "secret", "openai_api_key")
def _(r):
    k = S("openai_api_key", openai_key(r))
    return "$ cat notebooks/02_summarise_tickets.ipynb\n" + ipynb([
        ("md", "# Summarise support tickets\nPulls last week's tickets and asks the model for a 3-line summary each.", rs(r, 8, LAN)),
        ("code", 'from openai import OpenAI\nimport pandas as pd\n\nclient = OpenAI(api_key="%s")\ndf = pd.read_parquet("data/tickets_2024w23.parquet")\nlen(df)' % k, rs(r, 8, LAN), 1, "1843"),
        ("code", 'def summarise(text):\n    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Summarise in 3 lines:\\n" + text}])\n    return resp.choices[0].message.content', rs(r, 8, LAN), 2),
    ])


@T("nb_ipynb_snowflake_de", "notebook", "de", "secret", "password")
def _(r):
    p = S("password", pw(r, "json", "de"))
    return ipynb([
        ("md", "## Umsatzanalyse Q2\nDieses Notebook lädt die Tagesumsätze aus Snowflake und vergleicht sie mit dem Vorjahr. **Bitte nicht ohne Rücksprache mit dem Controlling teilen.**", rs(r, 8, LAN)),
        ("code", 'import snowflake.connector\n\nconn = snowflake.connector.connect(\n    user="ANALYTICS_SVC",\n    password="%s",\n    account="xy12345.eu-central-1",\n    warehouse="WH_ANALYSE",\n    database="VERTRIEB",\n    schema="MART",\n)\ncur = conn.cursor()' % p, rs(r, 8, LAN), 1),
        ("code", 'df = cur.execute("SELECT datum, filiale, umsatz_eur FROM tagesumsatz WHERE datum >= \'2024-04-01\'").fetch_pandas_all()\ndf.groupby("filiale").umsatz_eur.sum().sort_values(ascending=False).head(10)', rs(r, 8, LAN), 2),
    ])


@T("nb_bigquery_service_account_inline", "notebook", "en", "secret", "gcp_service_account_key")
def _(r):
    key = rsa_pkcs8(r, sep="\\n")
    return fill("""\
# %% [markdown]
# Cohort retention — pulls events straight from BigQuery (temporary: inline creds until the
# workbench service account gets dataViewer on the events dataset)

# %%
from google.cloud import bigquery
from google.oauth2 import service_account

info = {
    "type": "service_account",
    "project_id": "growth-analytics-prod",
    "private_key_id": "⟦kid⟧",
    "private_key": "⟦key⟧\\n",
    "client_email": "nb-reader@growth-analytics-prod.iam.gserviceaccount.com",
    "client_id": "⟦cid⟧",
    "token_uri": "https://oauth2.googleapis.com/token",
}
creds = service_account.Credentials.from_service_account_info(info)
bq = bigquery.Client(credentials=creds, project=info["project_id"])

# %%
sql = \"\"\"
SELECT DATE_TRUNC(first_seen, WEEK) AS cohort, weeks_since, COUNT(DISTINCT user_id) AS users
FROM `growth-analytics-prod.events.retention_base`
GROUP BY 1, 2
\"\"\"
df = bq.query(sql).to_dataframe()""", kid=hexs(r, 40), key=S("gcp_service_account_key", key),
                cid=digits(r, 21))


@T("nb_r_dbi_postgres_es", "notebook", "es", "secret", "password")
def _(r):
    p = pw(r, "json", "es")
    return fill("""\
# informe_ventas.R — se ejecuta cada lunes desde RStudio Server
library(DBI)
library(dplyr)

# Conexión a la réplica de lectura (no usar la base principal)
con <- dbConnect(
  RPostgres::Postgres(),
  host     = "replica-ventas.interno.tiendaverde.es",
  port     = 5432,
  dbname   = "ventas",
  user     = "analista_r",
  password = "⟦pw⟧"
)

ventas <- tbl(con, "pedidos") %>%
  filter(fecha >= as.Date("2024-01-01")) %>%
  group_by(provincia) %>%
  summarise(total = sum(importe, na.rm = TRUE)) %>%
  collect()

dbDisconnect(con)""", pw=S("password", p))


@T("nb_julia_libpq", "notebook", "en", "secret", "password")
def _(r):
    p = pw(r, "ini")
    return fill("""\
# sensors.jl — Pluto notebook cell export
using LibPQ, DataFrames, Dates

conn = LibPQ.Connection("host=timescale.lab.internal port=5432 dbname=sensors user=julia_ro password=⟦pw⟧ sslmode=require")

df = DataFrame(execute(conn, \"\"\"
    SELECT time_bucket('15 minutes', ts) AS bucket, device_id, avg(temp_c) AS temp
    FROM readings
    WHERE ts > now() - interval '7 days'
    GROUP BY bucket, device_id
    ORDER BY bucket
\"\"\"))

close(conn)
first(df, 5)""", pw=S("password", p))


@T("nb_databricks_token_fr", "notebook", "fr", "secret", "databricks_token")
def _(r):
    tok = "dapi" + hexs(r, 32)
    return fill("""\
# Databricks notebook source
# MAGIC %md
# MAGIC # Réentraînement du modèle de prévision des ventes
# MAGIC Ce notebook déclenche le job d'entraînement via l'API REST, puis enregistre le modèle dans le registre.

# COMMAND ----------

import requests

DATABRICKS_HOST = "https://adb-4412873091264518.18.azuredatabricks.net"
DATABRICKS_TOKEN = "⟦tok⟧"  # jeton personnel de Camille, à remplacer par un principal de service

# COMMAND ----------

r = requests.post(
    f"{DATABRICKS_HOST}/api/2.1/jobs/run-now",
    headers={"Authorization": f"Bearer {DATABRICKS_TOKEN}"},
    json={"job_id": 918273645, "notebook_params": {"horizon": "28"}},
)
r.raise_for_status()
print("Exécution lancée :", r.json()["run_id"])""", tok=S("databricks_token", tok))


@T("nb_dbt_profiles_nl", "notebook", "nl", "secret", "password")
def _(r):
    p = pw(r, "yaml", "nl")
    return fill("""\
# ~/.dbt/profiles.yml
# Profiel voor het datateam van de gemeente; 'dev' schrijft naar je eigen schema
gemeente_dwh:
  target: dev
  outputs:
    dev:
      type: postgres
      host: dwh-test.gemeente-intern.nl
      port: 5432
      user: dbt_ontwikkelaar
      password: "⟦pw⟧"
      dbname: dwh
      schema: dbt_jvandijk
      threads: 4
    prod:
      type: postgres
      host: dwh.gemeente-intern.nl
      port: 5432
      user: dbt_prod
      password: "{{ env_var('DBT_PROD_WACHTWOORD') }}"
      dbname: dwh
      schema: analytics
      threads: 8""", pw=S("password", p))


@T("nb_sql_magic_connection", "notebook", "en", "secret", "password")
def _(r):
    p = pw(r, "url")
    return fill("""\
In [1]: %load_ext sql

In [2]: %sql postgresql://analyst:⟦pw⟧@pg-warehouse.corp.internal:5432/warehouse
Out[2]: 'Connected: analyst@warehouse'

In [3]: %%sql
   ...: SELECT plan, COUNT(*) AS accounts, ROUND(AVG(mrr), 2) AS avg_mrr
   ...: FROM billing.accounts
   ...: WHERE churned_at IS NULL
   ...: GROUP BY plan ORDER BY accounts DESC;
 * postgresql://analyst:***@pg-warehouse.corp.internal:5432/warehouse
4 rows affected.
Out[3]:
plan        accounts  avg_mrr
team        1832      149.00
pro         944       59.00
enterprise  121       2410.55
starter     4410      19.00""", pw=S("password", p))


@T("nb_colab_cohere_pt", "notebook", "pt", "secret", "cohere_api_key")
def _(r):
    return fill("""\
# Célula 1 — Classificação de avaliações de clientes (Colab)
# Instala o SDK e classifica as avaliações da loja em positiva / neutra / negativa.
!pip -q install cohere pandas

import cohere, pandas as pd
co = cohere.ClientV2("⟦k⟧")   # chave de produção da conta da loja

avaliacoes = pd.read_csv("/content/drive/MyDrive/avaliacoes_maio.csv")
resposta = co.chat(
    model="command-r-plus",
    messages=[{"role": "user", "content": "Classifique cada avaliação como positiva, neutra ou negativa:\\n" + "\\n".join(avaliacoes.texto[:50])}],
)
print(resposta.message.content[0].text)""", k=S("cohere_api_key", rs(r, 40)))


@T("nb_provider_benchmark_keys", "notebook", "en", "secret", "together_api_key")
def _(r):
    return fill("""\
# %% benchmark open-weight models across two hosted providers
import os, time
from openai import OpenAI

PROVIDERS = {
    "together": OpenAI(base_url="https://api.together.xyz/v1",
                       api_key="⟦tg⟧"),
    "fireworks": OpenAI(base_url="https://api.fireworks.ai/inference/v1",
                        api_key="⟦fw⟧"),
}
MODELS = {
    "together": "meta-llama/Llama-3.3-70B-Instruct-Turbo",
    "fireworks": "accounts/fireworks/models/llama-v3p3-70b-instruct",
}

# %%
for name, client in PROVIDERS.items():
    t0 = time.perf_counter()
    out = client.chat.completions.create(model=MODELS[name], messages=[{"role": "user", "content": "Say hi"}], max_tokens=8)
    print(f"{name:10s} {time.perf_counter() - t0:.2f}s  {out.choices[0].message.content!r}")""",
                tg=S("together_api_key", together_key(r)), fw=S("fireworks_api_key", fireworks_key(r)))


@T("nb_gemini_configure_it", "notebook", "it", "secret", "google_ai_api_key")
def _(r):
    return fill("""\
# %% [markdown]
# ### Estrazione dati dalle fatture PDF con Gemini
# Carichiamo le fatture scansionate e chiediamo al modello di restituire un JSON con fornitore, data e totale.

# %%
import google.generativeai as genai
genai.configure(api_key="⟦k⟧")  # chiave del progetto fatture-ocr
modello = genai.GenerativeModel("gemini-1.5-flash")

# %%
fattura = genai.upload_file("fatture/2024-05/ft_00318.pdf")
risposta = modello.generate_content([fattura, "Estrai fornitore, data e totale in JSON."])
print(risposta.text)""", k=S("google_ai_api_key", google_key(r)))


# --- notebook negatives -----------------------------------------------------


@T("nb_ipynb_getpass", "notebook", "en", "not_secret", "password_prompt")
def _(r):
    return ipynb([
        ("code", "import getpass, oracledb\n\npwd = getpass.getpass('Oracle password for FIN_RO: ')\nconn = oracledb.connect(user='FIN_RO', password=pwd, dsn='orafin-scan.corp.internal:1521/FINPRD')", rs(r, 8, LAN), 3, "Oracle password for FIN_RO: ········"),
        ("code", "pd.read_sql('SELECT ledger, period, SUM(amount) FROM gl_balances GROUP BY ledger, period', conn).tail()", rs(r, 8, LAN), 4),
    ])


@T("nb_colab_userdata_ko", "notebook", "ko", "not_secret", "secret_reference")
def _(r):
    return """\
# 셀 1 — Colab 보안 비밀(왼쪽 🔑 메뉴)에 HF_TOKEN, OPENAI_API_KEY 를 등록해 두세요.
# 노트북을 공유해도 키 값은 함께 공유되지 않습니다.
from google.colab import userdata
import os

os.environ["HF_TOKEN"] = userdata.get("HF_TOKEN")
os.environ["OPENAI_API_KEY"] = userdata.get("OPENAI_API_KEY")

# 셀 2 — 한국어 리뷰 감성 분석 데이터셋 불러오기
from datasets import load_dataset
ds = load_dataset("nsmc", split="test[:1000]")
print(ds[0])"""


@T("nb_databricks_secrets_redacted", "notebook", "en", "not_secret", "secret_reference")
def _(r):
    return """\
# Databricks notebook source
# COMMAND ----------

jdbc_password = dbutils.secrets.get(scope="kv-analytics", key="sqlserver-etl-password")
print(jdbc_password)

# COMMAND ----------
# output:
# [REDACTED]

# COMMAND ----------

df = (spark.read.format("jdbc")
      .option("url", "jdbc:sqlserver://sql-erp-prod.database.windows.net:1433;database=erp")
      .option("dbtable", "dbo.SalesOrderHeader")
      .option("user", "etl_reader")
      .option("password", jdbc_password)
      .load())
display(df.limit(10))"""


@T("nb_dbt_profiles_env_var", "notebook", "en", "not_secret", "secret_reference")
def _(r):
    return """\
# profiles.yml — committed to the repo; every credential comes from the environment
analytics:
  target: "{{ env_var('DBT_TARGET', 'dev') }}"
  outputs:
    dev:
      type: snowflake
      account: "{{ env_var('SNOWFLAKE_ACCOUNT') }}"
      user: "{{ env_var('SNOWFLAKE_USER') }}"
      authenticator: externalbrowser
      role: TRANSFORMER_DEV
      warehouse: TRANSFORMING
      database: ANALYTICS_DEV
      schema: "dbt_{{ env_var('USER') }}"
    ci:
      type: snowflake
      account: "{{ env_var('SNOWFLAKE_ACCOUNT') }}"
      user: DBT_CI
      private_key_path: /run/secrets/snowflake_ci_key.p8
      private_key_passphrase: "{{ env_var('DBT_ENV_SECRET_SNOWFLAKE_KEY_PASSPHRASE') }}"
      role: TRANSFORMER_CI
      warehouse: TRANSFORMING
      database: ANALYTICS_CI
      schema: "ci_pr_{{ env_var('PR_NUMBER', '0') }}\""""


@T("nb_output_user_hashes", "notebook", "en", "not_secret", "hash")
def _(r):
    rows = []
    for i in range(5):
        rows.append("%d  %s  %s  %s  %d" % (i, hexs(r, 32), uuid4(r), r.choice(["DE", "FR", "US", "BR", "JP"]), r.randint(1, 40)))
    return ("In [7]: users[['email_md5', 'account_uuid', 'country', 'sessions_30d']].head()\nOut[7]:\n"
            "   email_md5                         account_uuid                          country  sessions_30d\n"
            + "\n".join(rows)
            + "\n\nIn [8]: users.email_md5.nunique(), len(users)\nOut[8]: (48213, 48213)")


@T("nb_r_keyring", "notebook", "en", "not_secret", "secret_reference")
def _(r):
    return """\
```{r setup, include=FALSE}
library(DBI)
library(keyring)
# Run once per machine: keyring::key_set("mssql-finance", username = "fin_reader")
con <- dbConnect(
  odbc::odbc(),
  Driver   = "ODBC Driver 18 for SQL Server",
  Server   = "sql-finance.corp.internal",
  Database = "Finance",
  UID      = "fin_reader",
  PWD      = key_get("mssql-finance", "fin_reader"),
  Encrypt  = "yes"
)
```

## Monthly close — variance report

```{r}
dbGetQuery(con, "SELECT account, budget, actual, actual - budget AS variance FROM close.v_monthly WHERE period = '2024-05'")
```"""


@T("nb_output_masked_keys", "notebook", "en", "not_secret", "masked_key")
def _(r):
    def m(p, n):
        return p + "..." + rs(r, n)
    return fill("""\
In [12]: for k in settings.provider_keys():
    ...:     print(f"{k.provider:12s} {k.masked:28s} last_used={k.last_used:%Y-%m-%d}")
openai       ⟦a⟧              last_used=2024-06-10
anthropic    ⟦b⟧        last_used=2024-06-11
groq         ⟦c⟧                 last_used=2024-05-29
mistral      ⟦d⟧                   last_used=2024-04-02
huggingface  ⟦e⟧                  last_used=2024-06-11""",
                a=m("sk-proj-", 4), b=m("sk-ant-api03-", 4), c=m("gsk_", 4), d="****" + rs(r, 4), e=m("hf_", 4))


@T("nb_bigquery_adc_ru", "notebook", "ru", "not_secret", "no_credential")
def _(r):
    return """\
# %% [markdown]
# Анализ оттока клиентов. Авторизация — через Application Default Credentials:
# один раз выполните в терминале `gcloud auth application-default login`,
# ключи сервисных аккаунтов в ноутбук НЕ вставляем.

# %%
from google.cloud import bigquery
client = bigquery.Client(project="retail-analytics-ru")
print(client.project)
# retail-analytics-ru

# %%
q = \"\"\"
SELECT region, COUNTIF(churned) / COUNT(*) AS churn_rate
FROM `retail-analytics-ru.crm.customers_snapshot`
WHERE snapshot_date = '2024-06-01'
GROUP BY region ORDER BY churn_rate DESC
\"\"\"
client.query(q).to_dataframe().head(10)"""


@T("nb_snowflake_externalbrowser", "notebook", "en", "not_secret", "no_credential")
def _(r):
    return ipynb([
        ("code", "import snowflake.connector\n\nconn = snowflake.connector.connect(\n    account='ab12345.eu-west-1',\n    user='KENJI.WATANABE@ORIONFOODS.CO',\n    authenticator='externalbrowser',\n    role='ANALYST',\n    warehouse='WH_XS',\n)", rs(r, 8, LAN), 1, "Initiating login request with your identity provider. A browser window should have opened for you to complete the login. If you can't see it, check existing browser windows, or your OS settings. Press CTRL+C to abort and try again...\nGoing to open: https://orionfoods.okta.com/app/snowflake/exk1a2b3c4d5e6f7g8h9/sso/saml?SAMLRequest=... to authenticate..."),
        ("code", "conn.cursor().execute('select current_user(), current_role()').fetchone()", rs(r, 8, LAN), 2),
    ])

# ===========================================================================
# group: infra — infrastructure state, plans and config
# ===========================================================================


def tfstate(resources, serial):
    return json.dumps({"version": 4, "terraform_version": "1.8.5", "serial": serial,
                       "lineage": "LINEAGE", "outputs": {}, "resources": resources,
                       "check_results": None}, indent=2, ensure_ascii=False)


@T("inf_tfstate_rds_password", "infra", "en", "secret", "password")
def _(r):
    p = pw(r, "json")
    res = [{"mode": "managed", "type": "aws_db_instance", "name": "orders",
            "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
            "instances": [{"schema_version": 2, "attributes": {
                "allocated_storage": 100,
                "arn": "arn:aws:rds:eu-west-1:%s:db:orders-prod" % digits(r, 12),
                "db_name": "orders", "engine": "postgres", "engine_version": "16.3",
                "identifier": "orders-prod", "instance_class": "db.m6g.large",
                "multi_az": True, "password": S("password", p),
                "port": 5432, "publicly_accessible": False,
                "username": "orders_admin",
                "vpc_security_group_ids": ["sg-0" + hexs(r, 16)]},
                "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]]}]}]
    return "$ cat envs/prod/terraform.tfstate\n" + tfstate(res, r.randint(20, 400)).replace("LINEAGE", uuid4(r))


@T("inf_tfstate_iam_access_key", "infra", "en", "secret", "aws_access_key")
def _(r):
    ak, sk = aws_id(r), aws_secret(r)
    res = [{"mode": "managed", "type": "aws_iam_access_key", "name": "ci_uploader",
            "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
            "instances": [{"schema_version": 0, "attributes": {
                "create_date": "2024-02-19T10:44:08Z",
                "encrypted_secret": None, "encrypted_ses_smtp_password_v4": None,
                "id": S("aws_access_key_id", ak), "key_fingerprint": None,
                "pgp_key": None, "secret": S("aws_secret_access_key", sk),
                "ses_smtp_password_v4": S("ses_smtp_password", "B" + mid(r, 43, B64)),
                "status": "Active", "user": "ci-artifact-uploader"},
                "sensitive_attributes": [], "dependencies": ["aws_iam_user.ci_uploader"]}]}]
    return tfstate(res, r.randint(20, 400)).replace("LINEAGE", uuid4(r))


@T("inf_tfvars_hcloud_de", "infra", "de", "secret", "hetzner_api_token")
def _(r):
    return fill("""\
# terraform.tfvars – Testumgebung Warenwirtschaft (Hetzner Cloud, Falkenstein)
# Achtung: Datei steht NICHT in .gitignore, bitte vor dem Commit prüfen!

hcloud_token     = "⟦tok⟧"
# DNS-Zone moebel-krueger-test.de liegt bei Cloudflare (Token nur mit Zone:DNS:Edit)
cloudflare_token = "⟦cf⟧"
standort         = "fsn1"
server_typ       = "cx32"
anzahl_worker    = 3
ssh_schluessel   = ["jonas@laptop", "ci-deploy"]
netz_cidr        = "10.42.0.0/16"
backup_aktiviert = true""", tok=S("hetzner_api_token", rs(r, 64)),
                cf=S("cloudflare_api_token", mid(r, 40, AN + "-_")))


@T("inf_pulumi_config_plain", "infra", "en", "secret", "password")
def _(r):
    p = pw(r, "yaml")
    return fill("""\
# Pulumi.prod.yaml
encryptionsalt: v1:⟦salt⟧:v1:⟦s2⟧:⟦s3⟧
config:
  aws:region: eu-west-1
  shop:dbInstanceClass: db.t4g.medium
  shop:dbUser: shop_admin
  shop:dbPassword: "⟦pw⟧"
  shop:stripeSecretKey:
    secure: v1:⟦sec⟧
  shop:domain: shop.lindqvist-design.se""", salt=b64(rbytes(r, 8)), s2=b64(rbytes(r, 12)),
                s3=b64(rbytes(r, 32)), pw=S("password", p), sec=b64(rbytes(r, 12)) + ":" + b64(rbytes(r, 80)))


@T("inf_ansible_group_vars_es", "infra", "es", "secret", "password")
def _(r):
    p1, p2 = pw(r, "yaml", "es"), pw(r, "yaml", "es")
    return fill("""\
# inventories/produccion/group_vars/bd.yml
# Variables del grupo de servidores de base de datos (MySQL 8)
mysql_version: "8.0"
mysql_bind_address: "0.0.0.0"
mysql_root_password: "⟦p1⟧"
mysql_databases:
  - name: tienda
    encoding: utf8mb4
mysql_users:
  - name: tienda_app
    host: "10.0.2.%"
    password: "⟦p2⟧"
    priv: "tienda.*:SELECT,INSERT,UPDATE,DELETE"
# Pendiente: mover las contraseñas a ansible-vault antes de subirlo al repositorio""",
                p1=S("password", p1), p2=S("password", p2))


@T("inf_cloudformation_master_password", "infra", "en", "secret", "password")
def _(r):
    p = pw(r, "yaml")
    return fill("""\
# templates/aurora.yaml
AWSTemplateFormatVersion: "2010-09-09"
Description: Aurora PostgreSQL cluster for the reporting service
Resources:
  ReportingCluster:
    Type: AWS::RDS::DBCluster
    DeletionPolicy: Snapshot
    Properties:
      Engine: aurora-postgresql
      EngineVersion: "15.4"
      DatabaseName: reporting
      MasterUsername: reporting_admin
      MasterUserPassword: "⟦pw⟧"
      DBSubnetGroupName: !Ref ReportingSubnets
      VpcSecurityGroupIds:
        - !Ref ReportingDbSg
      StorageEncrypted: true
  ReportingInstance1:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref ReportingCluster
      DBInstanceClass: db.r6g.large
      Engine: aurora-postgresql""", pw=S("password", p))


@T("inf_helm_values_fr", "infra", "fr", "secret", "password")
def _(r):
    p1, p2 = pw(r, "yaml", "fr"), pw(r, "yaml", "fr")
    return fill("""\
# values-prod.yaml — surcharge des valeurs du chart « portail-adherents »
replicaCount: 3

image:
  repository: registry.mutuelle-atlantique.fr/portail/adherents
  tag: "4.12.2"

redis:
  enabled: true
  auth:
    enabled: true
    # mot de passe Redis (à sortir dans un Secret dès que possible)
    password: "⟦p1⟧"

smtp:
  hote: smtp.mutuelle-atlantique.fr
  port: 587
  utilisateur: notifications@mutuelle-atlantique.fr
  motDePasse: "⟦p2⟧"

ingress:
  enabled: true
  hosts:
    - host: adherents.mutuelle-atlantique.fr
      paths: ["/"]""", p1=S("password", p1), p2=S("password", p2))


@T("inf_argocd_repository_secret", "infra", "en", "secret", "github_pat")
def _(r):
    return fill("""\
# argocd/repositories/platform-charts.yaml
apiVersion: v1
kind: Secret
metadata:
  name: repo-platform-charts
  namespace: argocd
  labels:
    argocd.argoproj.io/secret-type: repository
stringData:
  type: git
  url: https://github.com/fjord-analytics/platform-charts.git
  username: argocd-bot
  password: ⟦tok⟧
  project: platform""", tok=S("github_pat", github_pat(r)))


@T("inf_swarm_secret_create_pl", "infra", "pl", "secret", "password")
def _(r):
    p = pw(r, "shell", "pl")
    return fill("""\
# Rotacja hasła do bazy w klastrze Swarm (produkcja, 3 managery)
# 1) tworzymy nowy sekret w wersji v2
admin@swarm-mgr-1:~$ printf '%s' '⟦pw⟧' | docker secret create pg_haslo_v2 -
tq8d0m3c7x2u9p1v4r6s5k0w
# 2) podmieniamy sekret w usłudze (stary zostaje do czasu sprawdzenia)
admin@swarm-mgr-1:~$ docker service update --secret-rm pg_haslo_v1 --secret-add source=pg_haslo_v2,target=pg_haslo sklep_api
sklep_api
overall progress: 3 out of 3 tasks
verify: Service converged
# 3) po weryfikacji: docker secret rm pg_haslo_v1""", pw=S("password", p))


@T("inf_tfvars_scaleway_nl", "infra", "nl", "secret", "scaleway_secret_key")
def _(r):
    return fill("""\
# scaleway.auto.tfvars — omgeving 'acceptatie' van het klantportaal
# Let op: de secret key hieronder is die van het serviceaccount 'terraform-acc'.
scw_access_key      = "⟦ak⟧"
scw_secret_key      = "⟦sk⟧"
scw_project_id      = "⟦proj⟧"
scw_organization_id = "⟦org⟧"
regio               = "nl-ams"
zone                = "nl-ams-1"
k8s_versie          = "1.29"
node_type           = "PRO2-S\"""", ak=S("scaleway_access_key", "SCW" + rs(r, 17, UAN)), sk=S("scaleway_secret_key", uuid4(r)),
                proj=uuid4(r), org=uuid4(r))


@T("inf_terraform_plan_env_leak", "infra", "en", "secret", "datadog_api_key")
def _(r):
    return fill("""\
Terraform will perform the following actions:

  # aws_lambda_function.log_forwarder will be updated in-place
  ~ resource "aws_lambda_function" "log_forwarder" {
        function_name                  = "datadog-log-forwarder"
        id                             = "datadog-log-forwarder"
      ~ last_modified                  = "2024-04-02T09:11:43.000+0000" -> (known after apply)
        # (24 unchanged attributes hidden)

      ~ environment {
          ~ variables = {
              + "DD_API_KEY"        = "⟦k⟧"
              - "DD_API_KEY_SECRET_ARN" = "arn:aws:secretsmanager:eu-west-1:204931178845:secret:datadog/api-key-Ab12Cd" -> null
                "DD_SITE"           = "datadoghq.eu"
                "DD_TAGS"           = "team:platform,env:prod"
            }
        }

        # (3 unchanged blocks hidden)
    }

Plan: 0 to add, 1 to change, 0 to destroy.""", k=S("datadog_api_key", hexs(r, 32)))


@T("inf_sops_age_keys_file", "infra", "en", "secret", "age_secret_key")
def _(r):
    bech = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    return fill("""\
$ cat ~/.config/sops/age/keys.txt
# created: 2024-03-18T10:22:41+01:00
# public key: age1⟦pub⟧
⟦sk⟧
$ sops --decrypt secrets/prod.enc.yaml | head -3
database:
    host: pg-prod.internal
    port: 5432""", pub=rs(r, 58, bech), sk=S("age_secret_key", "AGE-SECRET-KEY-1" + rs(r, 58, bech.upper())))


# --- infra negatives --------------------------------------------------------


@T("inf_plan_sensitive_value", "infra", "en", "not_secret", "redacted")
def _(r):
    return fill("""\
  # aws_db_instance.main will be updated in-place
  ~ resource "aws_db_instance" "main" {
        id                                    = "db-⟦id⟧"
        identifier                            = "billing-prod"
      ~ password                              = (sensitive value)
        tags                                  = {
            "team" = "billing"
        }
        # (61 unchanged attributes hidden)
    }

  # random_password.db will be created
  + resource "random_password" "db" {
      + bcrypt_hash = (sensitive value)
      + id          = (known after apply)
      + length      = 32
      + result      = (sensitive value)
      + special     = true
    }

Plan: 1 to add, 1 to change, 0 to destroy.

Changes to Outputs:
  ~ db_password = (sensitive value)""", id=rs(r, 26, UAN))


@T("inf_ansible_vault_references_es", "infra", "es", "not_secret", "secret_reference")
def _(r):
    return """\
# inventories/produccion/group_vars/web/vars.yml
# Las contraseñas reales están cifradas en vault.yml (ansible-vault); aquí solo se referencian.
nginx_server_name: tienda.ferreteria-goya.es
php_fpm_pm_max_children: 40
app_db_host: "{{ groups['bd'][0] }}"
app_db_user: tienda_app
app_db_password: "{{ vault_app_db_password }}"
redsys_clave_comercio: "{{ vault_redsys_clave_comercio }}"
smtp_password: "{{ lookup('community.hashi_vault.hashi_vault', 'secret=kv/data/tienda/smtp:password') }}"

# Para editar los secretos:
#   ansible-vault edit inventories/produccion/group_vars/web/vault.yml --vault-id prod@prompt"""


@T("inf_ansible_vault_blob", "infra", "en", "not_secret", "encrypted_blob")
def _(r):
    body = hexs(r, 80 * 9 + 42)
    lines = wrap(body, 80)
    return ("$ cat group_vars/prod/vault.yml\n$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join(lines)
            + "\n$ ansible-vault view group_vars/prod/vault.yml\nVault password: ")


@T("inf_tfstate_identifiers", "infra", "en", "not_secret", "identifier")
def _(r):
    acct = digits(r, 12)
    res = [{"mode": "managed", "type": "aws_instance", "name": "bastion",
            "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
            "instances": [{"schema_version": 1, "attributes": {
                "ami": "ami-0" + hexs(r, 16),
                "arn": "arn:aws:ec2:eu-north-1:%s:instance/i-0%s" % (acct, hexs(r, 16)),
                "instance_type": "t3.micro", "key_name": "ops-2024",
                "private_ip": "10.30.1.%d" % r.randint(4, 250),
                "subnet_id": "subnet-0" + hexs(r, 16),
                "tags": {"Name": "bastion", "owner": "platform"},
                "user_data": None,
                "vpc_security_group_ids": ["sg-0" + hexs(r, 16)]},
                "sensitive_attributes": []}]}]
    return tfstate(res, r.randint(20, 400)).replace("LINEAGE", uuid4(r))


@T("inf_helm_existing_secret_ja", "infra", "ja", "not_secret", "secret_reference")
def _(r):
    return """\
# values-production.yaml（本番用）
# パスワード類はすべて External Secrets で作成した Secret を参照する。ここに値は書かないこと。
postgresql:
  auth:
    existingSecret: keiyaku-db-credentials      # キー: postgres-password, password
    secretKeys:
      adminPasswordKey: postgres-password
      userPasswordKey: password
redis:
  auth:
    existingSecret: keiyaku-redis
    existingSecretPasswordKey: redis-password
app:
  env:
    - name: SENDGRID_API_KEY
      valueFrom:
        secretKeyRef:
          name: keiyaku-mail
          key: sendgrid-api-key"""


@T("inf_cloudformation_dynamic_reference", "infra", "en", "not_secret", "secret_reference")
def _(r):
    return """\
Parameters:
  AdminPassword:
    Type: String
    NoEcho: true
    MinLength: 16
    Description: Only used for the first deploy; rotated by Secrets Manager afterwards
Resources:
  AppDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t4g.small
      MasterUsername: '{{resolve:secretsmanager:prod/appdb/master:SecretString:username}}'
      MasterUserPassword: '{{resolve:secretsmanager:prod/appdb/master:SecretString:password}}'
  ApiKeyParam:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /prod/partner-api/key-id
      Type: String
      Value: !Sub '{{resolve:ssm:/prod/partner-api/key-id:3}}'"""


@T("inf_sealed_secret", "infra", "en", "not_secret", "encrypted_blob")
def _(r):
    def blob():
        return "AgB" + b64(rbytes(r, 420))[3:]
    return fill("""\
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: checkout-api
  namespace: checkout
spec:
  encryptedData:
    STRIPE_SECRET_KEY: ⟦a⟧
    DATABASE_URL: ⟦b⟧
  template:
    metadata:
      name: checkout-api
      namespace: checkout
    type: Opaque""", a=blob(), b=blob())


@T("inf_sops_encrypted_it", "infra", "it", "not_secret", "encrypted_blob")
def _(r):
    def enc(n):
        return "ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (b64(rbytes(r, n)), b64(rbytes(r, 32)), b64(rbytes(r, 16)))
    return fill("""\
# segreti/produzione.yaml — cifrato con SOPS (chiave age del team piattaforma)
# I commenti restano in chiaro: NON scrivere qui valori sensibili.
database:
    utente: ⟦u⟧
    password: ⟦p⟧
pagamenti:
    # chiave del gateway, ruotata ogni 90 giorni
    chiave_api: ⟦k⟧
sops:
    age:
        - recipient: age1⟦rec⟧
          enc: |
            -----BEGIN AGE ENCRYPTED FILE-----
            ⟦e1⟧
            ⟦e2⟧
            -----END AGE ENCRYPTED FILE-----
    lastmodified: "2024-05-30T08:12:44Z"
    mac: ⟦mac⟧
    version: 3.8.1""", u=enc(12), p=enc(24), k=enc(40), rec=rs(r, 58, "qpzry9x8gf2tvdw0s3jn54khce6mua7l"),
                e1=b64(rbytes(r, 48)), e2=b64(rbytes(r, 48)), mac=enc(32))


@T("inf_oci_config_key_file", "infra", "en", "not_secret", "secret_reference")
def _(r):
    fp = ":".join(hexs(r, 2) for _ in range(16))
    return fill("""\
$ cat ~/.oci/config
[DEFAULT]
user=ocid1.user.oc1..aaaaaaaa⟦u⟧
fingerprint=⟦fp⟧
tenancy=ocid1.tenancy.oc1..aaaaaaaa⟦t⟧
region=eu-frankfurt-1
key_file=~/.oci/oci_api_key.pem

[BUILD]
user=ocid1.user.oc1..aaaaaaaa⟦u2⟧
fingerprint=⟦fp2⟧
tenancy=ocid1.tenancy.oc1..aaaaaaaa⟦t⟧
region=eu-amsterdam-1
key_file=/run/secrets/oci_build_key.pem
$ ls -l ~/.oci/oci_api_key.pem
-rw------- 1 ops ops 1708 Mar 12 09:40 /home/ops/.oci/oci_api_key.pem""",
                u=rs(r, 52, LAN), fp=fp, t=rs(r, 52, LAN), u2=rs(r, 52, LAN),
                fp2=":".join(hexs(r, 2) for _ in range(16)))


@T("inf_tfvars_placeholders_uk", "infra", "uk", "not_secret", "placeholder")
def _(r):
    return """\
# terraform.tfvars.example — скопіюйте у terraform.tfvars і заповніть власними значеннями.
# Справжні токени НЕ комітимо: terraform.tfvars уже в .gitignore.

cloudflare_api_token = "ВСТАВТЕ_ТОКЕН_CLOUDFLARE"
hcloud_token         = "<токен проєкту Hetzner>"
db_password          = "змініть-мене"
github_owner         = "lviv-it-cluster"
domain               = "portal.example.ua"
alert_email          = "ops@example.ua\""""


@T("inf_argocd_app_get", "infra", "en", "not_secret", "git_sha")
def _(r):
    sha = hexs(r, 40)
    return fill("""\
$ argocd app get payments-prod
Name:               argocd/payments-prod
Project:            payments
Server:             https://kubernetes.default.svc
Namespace:          payments
URL:                https://argocd.fjord.internal/applications/payments-prod
Source:
- Repo:             https://github.com/fjord-analytics/platform-charts.git
  Target:           main
  Path:             apps/payments/overlays/prod
SyncWindow:         Sync Allowed
Sync Policy:        Automated (Prune)
Sync Status:        Synced to main (⟦short⟧)
Health Status:      Healthy

GROUP  KIND        NAMESPACE  NAME          STATUS  HEALTH   HOOK  MESSAGE
       Secret      payments   payments-db   Synced                 secret/payments-db unchanged
       Service     payments   payments-api  Synced  Healthy        service/payments-api unchanged
apps   Deployment  payments   payments-api  Synced  Healthy        deployment.apps/payments-api configured
$ argocd app history payments-prod | tail -2
57  2024-06-10 14:02:11 +0200 CEST  main (⟦sha⟧)
58  2024-06-11 09:40:52 +0200 CEST  main (⟦sha2⟧)""", short=sha[:7], sha=hexs(r, 40), sha2=sha)


@T("inf_external_secret_manifest", "infra", "en", "not_secret", "secret_reference")
def _(r):
    return """\
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata:
  name: payments-db
  namespace: payments
spec:
  refreshInterval: 1h
  secretStoreRef:
    name: aws-secrets-manager
    kind: ClusterSecretStore
  target:
    name: payments-db
    creationPolicy: Owner
  data:
    - secretKey: password
      remoteRef:
        key: prod/payments/postgres
        property: password
    - secretKey: username
      remoteRef:
        key: prod/payments/postgres
        property: username"""

# ===========================================================================
# group: app — mobile and desktop apps
# ===========================================================================


def supabase_jwt(r, role, ref):
    iat = r.randint(1690000000, 1715000000)
    return jwt(r, {"iss": "supabase", "ref": ref, "role": role, "iat": iat, "exp": iat + 315360000})


@T("app_gradle_properties_signing", "app", "en", "secret", "password")
def _(r):
    p = pw(r, "ini")
    return fill("""\
# gradle.properties (project root)
org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8
org.gradle.parallel=true
android.useAndroidX=true
android.nonTransitiveRClass=true
kotlin.code.style=official

# release signing
RELEASE_STORE_FILE=../keystore/tidepool-release.jks
RELEASE_STORE_PASSWORD=⟦p1⟧
RELEASE_KEY_ALIAS=upload
RELEASE_KEY_PASSWORD=⟦p2⟧""", p1=S("password", p), p2=S("password", p))


@T("app_strings_xml_openai_es", "app", "es", "secret", "openai_api_key")
def _(r):
    return fill("""\
<?xml version="1.0" encoding="utf-8"?>
<!-- app/src/main/res/values/strings.xml -->
<resources>
    <string name="app_name">Recetas IA</string>
    <string name="hint_ingredientes">Escribe los ingredientes que tienes en la nevera</string>
    <string name="boton_generar">Generar receta</string>
    <!-- TODO: mover la clave al backend; ahora la app llama directamente a la API -->
    <string name="openai_api_key" translatable="false">⟦k⟧</string>
    <string name="error_red">No hay conexión. Inténtalo de nuevo.</string>
</resources>""", k=S("openai_api_key", openai_key(r)))


@T("app_fcm_legacy_server_key_zh", "app", "zh", "secret", "firebase_server_key")
def _(r):
    k = "AAAA" + mid(r, 7, B64U) + ":APA91b" + mid(r, 134, B64U)
    return fill("""\
// PushSender.kt —— 测试用：直接从 App 里给另一台设备发推送
// 注意：这是 FCM 旧版服务器密钥，上线前必须移到服务端！
object PushSender {
    private const val FCM_URL = "https://fcm.googleapis.com/fcm/send"
    private val client = OkHttpClient()

    fun send(deviceToken: String, title: String, body: String) {
        val json = JSONObject()
            .put("to", deviceToken)
            .put("notification", JSONObject().put("title", title).put("body", body))
        val request = Request.Builder()
            .url(FCM_URL)
            .addHeader("Authorization", "key=⟦k⟧")
            .post(json.toString().toRequestBody("application/json".toMediaType()))
            .build()
        client.newCall(request).execute().use { Log.d("PushSender", "发送结果: ${it.code}") }
    }
}""", k=S("firebase_server_key", k))


@T("app_xcconfig_algolia_admin", "app", "en", "secret", "algolia_admin_key")
def _(r):
    return fill("""\
// Config/Release.xcconfig
#include "Shared.xcconfig"

PRODUCT_BUNDLE_IDENTIFIER = com.fernbook.reader
MARKETING_VERSION = 3.6.0
API_BASE_URL = https:/$()/api.fernbook.app/v2

ALGOLIA_APP_ID = ⟦app⟧
ALGOLIA_SEARCH_KEY = ⟦search⟧
// used by the in-app "report a typo" editor to update the index directly
ALGOLIA_ADMIN_KEY = ⟦admin⟧""", app=rs(r, 10, UAN), search=hexs(r, 32),
                admin=S("algolia_admin_key", hexs(r, 32)))


@T("app_info_plist_twilio_ja", "app", "ja", "secret", "twilio_auth_token")
def _(r):
    return fill("""\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>CFBundleDisplayName</key>
	<string>らくらく予約</string>
	<key>NSCameraUsageDescription</key>
	<string>会員証のバーコードを読み取るためにカメラを使用します。</string>
	<!-- SMS 認証（Twilio Verify）。暫定的にアプリ側から直接呼び出している -->
	<key>TwilioAccountSID</key>
	<string>⟦sid⟧</string>
	<key>TwilioAuthToken</key>
	<string>⟦tok⟧</string>
	<key>TwilioVerifyServiceSID</key>
	<string>⟦vsid⟧</string>
</dict>
</plist>""", sid="AC" + hexs(r, 32), tok=S("twilio_auth_token", hexs(r, 32)), vsid="VA" + hexs(r, 32))


@T("app_electron_builder_publish_token", "app", "en", "secret", "github_pat")
def _(r):
    return fill("""\
{
  "appId": "io.quillnote.desktop",
  "productName": "Quillnote",
  "directories": { "output": "release" },
  "files": ["dist/**/*", "package.json"],
  "mac": { "target": ["dmg", "zip"], "category": "public.app-category.productivity", "hardenedRuntime": true },
  "win": { "target": "nsis" },
  "linux": { "target": ["AppImage", "deb"] },
  "publish": {
    "provider": "github",
    "owner": "quillnote",
    "repo": "desktop",
    "releaseType": "draft",
    "token": "⟦tok⟧"
  }
}""", tok=S("github_pat", ghp(r)))


@T("app_flutter_supabase_service_role_tr", "app", "tr", "secret", "supabase_service_role_key")
def _(r):
    ref = rs(r, 20, LO)
    return fill("""\
// lib/core/supabase_ayarlari.dart
// Yönetici ekranı için service_role anahtarı kullanıyoruz (RLS'yi atlıyor!).
// Mağazaya göndermeden önce bunu mutlaka Edge Function'a taşıyın.
class SupabaseAyarlari {
  static const String url = 'https://⟦ref⟧.supabase.co';
  static const String serviceRoleAnahtari =
      '⟦k⟧';
}

Future<void> main() async {
  WidgetsFlutterBinding.ensureInitialized();
  await Supabase.initialize(url: SupabaseAyarlari.url, anonKey: SupabaseAyarlari.serviceRoleAnahtari);
  runApp(const SiparisTakipUygulamasi());
}""", ref=ref, k=S("supabase_service_role_key", supabase_jwt(r, "service_role", ref)))


@T("app_rn_env_sentry_token_pt", "app", "pt", "secret", "sentry_auth_token")
def _(r):
    iat = r.randint(1700000000, 1716000000)
    payload = b64u(jdump({"iat": iat, "url": "https://sentry.io", "region_url": "https://us.sentry.io", "org": "entrega-rapida"}).encode())
    tok = "sntrys_" + payload + "_" + rs(r, 43)
    return fill("""\
# .env — app React Native "Entrega Rápida"
# Variáveis usadas no build (EAS). Não versionar este arquivo!
EXPO_PUBLIC_API_URL=https://api.entregarapida.com.br/v3
EXPO_PUBLIC_SENTRY_DSN=https://⟦dsnkey⟧@o⟦org⟧.ingest.us.sentry.io/⟦proj⟧
# token para enviar os source maps no build de produção
SENTRY_AUTH_TOKEN=⟦tok⟧
SENTRY_ORG=entrega-rapida
SENTRY_PROJECT=app-mobile""", dsnkey=hexs(r, 32), org=digits(r, 7), proj=digits(r, 16),
                tok=S("sentry_auth_token", tok))


@T("app_appstore_connect_p8", "app", "en", "secret", "private_key")
def _(r):
    kid = rs(r, 10, UAN)
    return fill("""\
$ cat fastlane/keys/AuthKey_⟦kid⟧.p8
⟦key⟧
$ cat fastlane/Fastfile | sed -n '3,9p'
  lane :beta do
    api_key = app_store_connect_api_key(
      key_id: "⟦kid⟧",
      issuer_id: "⟦iss⟧",
      key_filepath: "fastlane/keys/AuthKey_⟦kid⟧.p8"
    )
    upload_to_testflight(api_key: api_key, skip_waiting_for_build_processing: true)""",
                kid=kid, key=S("private_key", ec_p8(r)), iss=uuid4(r))


@T("app_expo_config_openrouter", "app", "en", "secret", "openrouter_api_key")
def _(r):
    return fill("""\
// app.config.js
export default ({ config }) => ({
  ...config,
  name: "Pocket Tutor",
  slug: "pocket-tutor",
  version: "1.9.0",
  ios: { bundleIdentifier: "app.pockettutor", supportsTablet: true },
  android: { package: "app.pockettutor" },
  extra: {
    // shipped inside the bundle: anyone can pull it out of the .ipa/.apk
    openRouterKey: "⟦k⟧",
    defaultModel: "meta-llama/llama-3.1-8b-instruct",
    eas: { projectId: "⟦pid⟧" },
  },
});""", k=S("openrouter_api_key", openrouter_key(r)), pid=uuid4(r))


@T("app_filezilla_sitemanager", "app", "en", "secret", "base64_password")
def _(r):
    p = pw(r, "xml")
    enc = base64.b64encode(p.encode()).decode()
    return fill("""\
$ cat ~/.config/filezilla/sitemanager.xml
<?xml version="1.0" encoding="UTF-8"?>
<FileZilla3 version="3.67.0" platform="*nix">
	<Servers>
		<Server>
			<Host>sftp.printworks-media.co.uk</Host>
			<Port>22</Port>
			<Protocol>1</Protocol>
			<Type>0</Type>
			<User>artwork_upload</User>
			<Pass encoding="base64">⟦enc⟧</Pass>
			<Logontype>1</Logontype>
			<Name>Printworks artwork drop</Name>
			<RemoteDir>1 0 6 upload</RemoteDir>
			<SyncBrowsing>0</SyncBrowsing>
		</Server>
	</Servers>
</FileZilla3>""", enc=S("base64_password", enc))


# --- app negatives ----------------------------------------------------------


@T("app_google_services_json", "app", "en", "not_secret", "public_client_key")
def _(r):
    num = digits(r, 12)
    return json.dumps({
        "project_info": {"project_number": num, "project_id": "habit-garden-prod",
                         "storage_bucket": "habit-garden-prod.appspot.com"},
        "client": [{"client_info": {"mobilesdk_app_id": "1:%s:android:%s" % (num, hexs(r, 22)),
                                    "android_client_info": {"package_name": "app.habitgarden"}},
                    "oauth_client": [{"client_id": "%s-%s.apps.googleusercontent.com" % (num, rs(r, 32, LAN)),
                                      "client_type": 3}],
                    "api_key": [{"current_key": google_key(r)}],
                    "services": {"appinvite_service": {"other_platform_oauth_client": []}}}],
        "configuration_version": "1"}, indent=2, ensure_ascii=False)


@T("app_strings_xml_maps_key_fr", "app", "fr", "not_secret", "public_client_key")
def _(r):
    return fill("""\
<resources>
    <string name="app_name">Balades Vosges</string>
    <string name="titre_carte">Carte des sentiers</string>
    <!-- Clé Maps SDK : restreinte à l'application Android (nom de package + empreinte SHA-1 du certificat)
         et à la seule API « Maps SDK for Android ». Elle est de toute façon visible dans l'APK. -->
    <string name="google_maps_key" templateMergeStrategy="preserve" translatable="false">⟦k⟧</string>
    <string name="erreur_gps">Activez la localisation pour afficher votre position.</string>
</resources>""", k=google_key(r))


@T("app_flutter_supabase_anon_id", "app", "id", "not_secret", "publishable_key")
def _(r):
    ref = rs(r, 20, LO)
    return fill("""\
// lib/main.dart
// Kunci anon memang aman ditaruh di aplikasi: akses data dibatasi oleh Row Level Security.
// Jangan pernah menaruh kunci service_role di sini.
import 'package:flutter/material.dart';
import 'package:supabase_flutter/supabase_flutter.dart';

Future<void> main() async {
  WidgetsFlutterBinding.ensureInitialized();
  await Supabase.initialize(
    url: 'https://⟦ref⟧.supabase.co',
    anonKey: '⟦k⟧',
  );
  runApp(const AplikasiKasir());
}""", ref=ref, k=supabase_jwt(r, "anon", ref))


@T("app_rn_env_stripe_publishable", "app", "en", "not_secret", "publishable_key")
def _(r):
    return fill("""\
# .env.production — bundled into the app at build time (everything here is public)
EXPO_PUBLIC_API_URL=https://api.greengrocer.app
EXPO_PUBLIC_STRIPE_PUBLISHABLE_KEY=⟦pk⟧
EXPO_PUBLIC_MERCHANT_ID=merchant.app.greengrocer
EXPO_PUBLIC_SENTRY_DSN=https://⟦dsn⟧@o⟦org⟧.ingest.sentry.io/⟦proj⟧
EXPO_PUBLIC_POSTHOG_KEY=phc_⟦ph⟧""", pk=stripe_key(r, "pk_live_"), dsn=hexs(r, 32), org=digits(r, 6),
                proj=digits(r, 7), ph=rs(r, 43))


@T("app_gradle_kts_env_signing", "app", "en", "not_secret", "secret_reference")
def _(r):
    return """\
// app/build.gradle.kts (excerpt)
android {
    signingConfigs {
        create("release") {
            storeFile = file(System.getenv("KEYSTORE_PATH") ?: "release.jks")
            storePassword = System.getenv("KEYSTORE_PASSWORD")
            keyAlias = System.getenv("KEY_ALIAS") ?: "upload"
            keyPassword = System.getenv("KEY_PASSWORD")
        }
    }
    buildTypes {
        release {
            isMinifyEnabled = true
            signingConfig = signingConfigs.getByName("release")
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }
}
// CI: the keystore is decoded from $KEYSTORE_BASE64 into release.jks before ./gradlew bundleRelease"""


@T("app_xcconfig_placeholder_it", "app", "it", "not_secret", "placeholder")
def _(r):
    return """\
// Secrets.xcconfig.template
// Copia questo file in Secrets.xcconfig (escluso da git) e inserisci le tue chiavi.
// Le chiavi vere si trovano nel vault del team mobile, voce "Menu Trattoria – iOS".

OPENAI_API_KEY = INSERISCI_QUI_LA_TUA_CHIAVE
REVENUECAT_API_KEY = <chiave pubblica RevenueCat>
BACKEND_TOKEN = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"""


@T("app_electron_safe_storage_blob", "app", "en", "not_secret", "encrypted_blob")
def _(r):
    blob = b64(b"v10" + rbytes(r, 160))
    return fill("""\
$ cat ~/Library/Application\\ Support/Driftwood/config.json
{
  "windowBounds": { "x": 212, "y": 88, "width": 1280, "height": 820 },
  "theme": "system",
  "lastWorkspace": "⟦ws⟧",
  "account": {
    "email": "lena.hoffmann@driftwood.so",
    "tokenEncrypted": true,
    "token": "⟦blob⟧"
  },
  "telemetry": false
}""", ws=uuid4(r), blob=blob)


@T("app_rn_env_example_ru", "app", "ru", "not_secret", "empty_value")
def _(r):
    return """\
# .env.example — шаблон переменных для мобильного приложения «Доставка продуктов»
# Скопируйте в .env и заполните. Значения спросите у тимлида, в репозиторий их не добавляйте.
API_URL=https://api.dostavka-test.ru
YANDEX_MAPKIT_KEY=
SENTRY_AUTH_TOKEN=
FIREBASE_SERVER_KEY=
# ключ для тестовых платежей ЮKassa (тестовый магазин)
YOOKASSA_SECRET_KEY="""


@T("app_export_options_plist", "app", "en", "not_secret", "identifier")
def _(r):
    return fill("""\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>method</key>
	<string>app-store-connect</string>
	<key>teamID</key>
	<string>⟦team⟧</string>
	<key>signingStyle</key>
	<string>manual</string>
	<key>provisioningProfiles</key>
	<dict>
		<key>com.lanternhealth.companion</key>
		<string>⟦p1⟧</string>
		<key>com.lanternhealth.companion.widgets</key>
		<string>⟦p2⟧</string>
	</dict>
	<key>uploadSymbols</key>
	<true/>
</dict>
</plist>""", team=rs(r, 10, UAN), p1=uuid4(r).upper(), p2=uuid4(r).upper())


@T("app_info_plist_facebook_client_token", "app", "en", "not_secret", "public_client_key")
def _(r):
    appid = digits(r, 15)
    gid = digits(r, 12) + "-" + rs(r, 32, LAN)
    return fill("""\
	<key>CFBundleURLTypes</key>
	<array>
		<dict>
			<key>CFBundleURLSchemes</key>
			<array>
				<string>fb⟦app⟧</string>
				<string>com.googleusercontent.apps.⟦gid⟧</string>
			</array>
		</dict>
	</array>
	<key>FacebookAppID</key>
	<string>⟦app⟧</string>
	<key>FacebookClientToken</key>
	<string>⟦ct⟧</string>
	<key>FacebookDisplayName</key>
	<string>Trailmate</string>
	<key>GIDClientID</key>
	<string>⟦gid⟧.apps.googleusercontent.com</string>""", app=appid, gid=gid, ct=hexs(r, 32))

# ===========================================================================
# group: http — browser devtools and HTTP captures
# ===========================================================================


@T("http_curl_anthropic_x_api_key", "http", "en", "secret", "anthropic_api_key")
def _(r):
    return fill(r"""curl 'https://api.anthropic.com/v1/messages' \
  -H 'accept: application/json' \
  -H 'anthropic-dangerous-direct-browser-access: true' \
  -H 'anthropic-version: 2023-06-01' \
  -H 'content-type: application/json' \
  -H 'origin: http://localhost:5173' \
  -H 'referer: http://localhost:5173/' \
  -H 'user-agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36' \
  -H 'x-api-key: ⟦k⟧' \
  --data-raw '{"model":"claude-3-5-sonnet-latest","max_tokens":512,"messages":[{"role":"user","content":"Rewrite this release note in plain English"}]}'""",
                k=S("anthropic_api_key", anthropic_key(r)))


@T("http_curl_django_session_cookie", "http", "en", "secret", "session_cookie")
def _(r):
    csrf = rs(r, 32)
    return fill(r"""curl 'https://admin.larkspur-clinic.com/admin/appointments/appointment/?o=-2' \
  -H 'accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8' \
  -H 'accept-language: en-GB,en;q=0.9' \
  -b 'csrftoken=⟦csrf⟧; sessionid=⟦sid⟧; django_language=en-gb' \
  -H 'referer: https://admin.larkspur-clinic.com/admin/' \
  -H 'sec-fetch-mode: navigate' \
  -H 'upgrade-insecure-requests: 1' \
  -H 'user-agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'""",
                csrf=csrf, sid=S("session_cookie", rs(r, 32, LAN)))


@T("http_har_bearer_access_token", "http", "en", "secret", "oauth_access_token")
def _(r):
    now = r.randint(1715000000, 1719000000)
    tok = jwt(r, {"iss": "https://login.tidewater.io/", "sub": "auth0|" + hexs(r, 24),
                  "aud": ["https://api.tidewater.io", "https://tidewater.eu.auth0.com/userinfo"],
                  "iat": now, "exp": now + 86400, "scope": "openid profile email read:orders write:orders",
                  "azp": rs(r, 32)}, alg="RS256", kid=rs(r, 22, B64U))
    entry = {"startedDateTime": "2024-06-12T10:41:07.331Z", "time": 182.4,
             "request": {"method": "GET", "url": "https://api.tidewater.io/v2/orders?status=open&limit=50",
                         "httpVersion": "http/2.0",
                         "headers": [{"name": ":authority", "value": "api.tidewater.io"},
                                     {"name": "accept", "value": "application/json"},
                                     {"name": "authorization", "value": "Bearer " + S("oauth_access_token", tok)},
                                     {"name": "origin", "value": "https://app.tidewater.io"}],
                         "queryString": [{"name": "status", "value": "open"}, {"name": "limit", "value": "50"}],
                         "cookies": [], "headersSize": -1, "bodySize": 0},
             "response": {"status": 200, "statusText": "", "httpVersion": "http/2.0",
                          "headers": [{"name": "content-type", "value": "application/json"}],
                          "content": {"size": 18422, "mimeType": "application/json"},
                          "redirectURL": "", "headersSize": -1, "bodySize": -1}}
    return json.dumps(entry, indent=2, ensure_ascii=False)


@T("http_raw_request_basic_auth_de", "http", "de", "secret", "basic_auth")
def _(r):
    p = pw(r, "json", "de")
    tok = base64.b64encode(("lager-sync:" + p).encode()).decode()
    return fill("""\
POST /api/v1/lagerbestand/abgleich HTTP/1.1
Host: erp.moebelhaus-krueger.de
Authorization: Basic ⟦tok⟧
Content-Type: application/json; charset=utf-8
Accept: application/json
User-Agent: LagerSync/2.4 (Windows NT 10.0)
Content-Length: 214

{"filiale":"Bielefeld-Mitte","artikel":[{"nr":"SOF-2291","bezeichnung":"Ecksofa Lindholm, anthrazit","bestand":4},{"nr":"TIS-0417","bezeichnung":"Esstisch Eiche massiv 180 cm","bestand":0}],"hinweis":"Abgleich nach Inventur"}""",
                tok=S("basic_auth", tok))


@T("http_set_cookie_express_session_fr", "http", "fr", "secret", "session_cookie")
def _(r):
    sid = "s%3A" + rs(r, 32, B64U.replace("-", "")) + "." + rs(r, 43)
    return fill("""\
HTTP/1.1 302 Found
X-Powered-By: Express
Location: /espace-client/tableau-de-bord
Vary: Accept
Content-Type: text/html; charset=utf-8
Content-Length: 98
Set-Cookie: connect.sid=⟦sid⟧; Path=/; Expires=Fri, 14 Jun 2024 18:22:05 GMT; HttpOnly; Secure; SameSite=Lax
Date: Thu, 13 Jun 2024 18:22:05 GMT
Connection: keep-alive

<p>Connexion réussie. Redirection vers <a href="/espace-client/tableau-de-bord">votre tableau de bord</a>…</p>""",
                sid=S("session_cookie", sid))


@T("http_websocket_supabase_service_role", "http", "en", "secret", "supabase_service_role_key")
def _(r):
    ref = rs(r, 20, LO)
    return fill("""\
General
  Request URL: wss://⟦ref⟧.supabase.co/realtime/v1/websocket?apikey=⟦k⟧&vsn=1.0.0
  Request Method: GET
  Status Code: 101 Switching Protocols

Messages
  ↑ {"topic":"realtime:public:orders","event":"phx_join","payload":{"config":{"postgres_changes":[{"event":"*","schema":"public","table":"orders"}]}},"ref":"1"}
  ↓ {"event":"phx_reply","payload":{"response":{"postgres_changes":[{"id":⟦n⟧,"event":"*","schema":"public","table":"orders"}]},"status":"ok"},"ref":"1","topic":"realtime:public:orders"}
  ↑ {"topic":"phoenix","event":"heartbeat","payload":{},"ref":"2"}""",
                ref=ref, k=S("supabase_service_role_key", supabase_jwt(r, "service_role", ref)),
                n=digits(r, 8))


@T("http_curl_form_login_es", "http", "es", "secret", "password")
def _(r):
    p = pw(r, "url", "es")
    return fill(r"""curl 'https://intranet.cooperativa-olivar.es/acceso/entrar' \
  -H 'content-type: application/x-www-form-urlencoded' \
  -H 'origin: https://intranet.cooperativa-olivar.es' \
  -H 'referer: https://intranet.cooperativa-olivar.es/acceso?volver=%2Fnominas' \
  -H 'accept-language: es-ES,es;q=0.9' \
  --data-raw 'usuario=mgarcia&contrasena=⟦pw⟧&recordarme=1&_token=⟦t⟧'

Respuesta (200):
{"ok":true,"mensaje":"Sesión iniciada correctamente. Bienvenida, María.","redirigir":"/nominas"}""",
                pw=S("password", p), t=rs(r, 40))


@T("http_curl_square_bearer", "http", "en", "secret", "square_access_token")
def _(r):
    return fill(r"""curl https://connect.squareup.com/v2/payments?location_id=L⟦loc⟧\&limit=20 \
  -H 'Square-Version: 2024-05-15' \
  -H 'Authorization: Bearer ⟦k⟧' \
  -H 'Content-Type: application/json'
{
  "payments": [
    {
      "id": "⟦pid⟧",
      "amount_money": { "amount": 1850, "currency": "USD" },
      "status": "COMPLETED",
      "source_type": "CARD",
      "location_id": "L⟦loc⟧"
    }
  ],
  "cursor": "⟦cur⟧"
}""", loc=rs(r, 12, UAN), k=S("square_access_token", "EAAA" + mid(r, 60, B64U)),
                pid=rs(r, 29, AN), cur=rs(r, 40, AN))


@T("http_curl_xai_chat", "http", "en", "secret", "xai_api_key")
def _(r):
    return fill(r"""$ curl -sS https://api.x.ai/v1/chat/completions \
    -H "Content-Type: application/json" \
    -H "Authorization: Bearer ⟦k⟧" \
    -d '{"model": "grok-2-latest", "messages": [{"role": "user", "content": "Classify this support ticket: refund not received"}], "temperature": 0}'
{"id":"⟦id⟧","object":"chat.completion","created":1718201142,"model":"grok-2-1212","choices":[{"index":0,"message":{"role":"assistant","content":"billing/refund"},"finish_reason":"stop"}],"usage":{"prompt_tokens":24,"completion_tokens":4,"total_tokens":28}}""",
                k=S("xai_api_key", xai_key(r)), id=uuid4(r))


@T("http_oauth_token_response_google", "http", "en", "secret", "oauth_refresh_token")
def _(r):
    return fill("""\
POST https://oauth2.googleapis.com/token
Status: 200 OK
content-type: application/json; charset=utf-8
cache-control: no-cache, no-store, max-age=0, must-revalidate

{
  "access_token": "⟦at⟧",
  "expires_in": 3599,
  "refresh_token": "⟦rt⟧",
  "scope": "https://www.googleapis.com/auth/drive.readonly https://www.googleapis.com/auth/spreadsheets",
  "token_type": "Bearer"
}""", at=S("google_oauth_access_token", "ya29.a0" + mid(r, 210, B64U)),
                rt=S("oauth_refresh_token", "1//0" + r.choice("cdghn") + mid(r, 98, B64U)))


@T("http_copy_as_powershell_shopify", "http", "en", "secret", "shopify_access_token")
def _(r):
    return fill("""\
$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession
$session.UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0"
Invoke-WebRequest -UseBasicParsing -Uri "https://harbor-and-hound.myshopify.com/admin/api/2024-04/orders.json?status=any&limit=50" `
-WebSession $session `
-Headers @{
"authority"="harbor-and-hound.myshopify.com"
  "method"="GET"
  "accept"="application/json"
  "X-Shopify-Access-Token"="⟦k⟧"
} `
-ContentType "application/json\"""", k=S("shopify_access_token", "shpat_" + hexs(r, 32)))


# --- http negatives ---------------------------------------------------------


@T("http_har_sanitized", "http", "en", "not_secret", "redacted")
def _(r):
    entry = {"request": {"method": "POST", "url": "https://api.pinewood.health/v1/sessions/refresh",
                         "headers": [{"name": "authorization", "value": "[REDACTED]"},
                                     {"name": "cookie", "value": "[REDACTED]"},
                                     {"name": "content-type", "value": "application/json"},
                                     {"name": "x-client-version", "value": "web-4.18.2"}],
                         "postData": {"mimeType": "application/json", "text": "{\"refresh_token\":\"[REDACTED]\"}"}},
             "response": {"status": 401, "headers": [{"name": "set-cookie", "value": "[REDACTED]"},
                                                     {"name": "x-request-id", "value": uuid4(r)}],
                          "content": {"mimeType": "application/json",
                                      "text": "{\"error\":\"refresh_token_expired\"}"}},
             "comment": "exported with har-sanitizer: cookies, authorization and *token* fields scrubbed"}
    return json.dumps(entry, indent=2, ensure_ascii=False)


@T("http_curl_analytics_cookies", "http", "en", "not_secret", "identifier")
def _(r):
    ts = r.randint(1710000000, 1718000000)
    return fill(r"""curl 'https://www.northbeam-outdoors.com/collections/tents?page=2' \
  -H 'accept: text/html' \
  -b '_ga=GA1.1.⟦ga1⟧.⟦ts⟧; _ga_⟦gid⟧=GS1.1.⟦ts⟧.4.1.⟦ts2⟧.0.0.0; _fbp=fb.1.⟦ms⟧.⟦fbp⟧; _gcl_au=1.1.⟦gcl⟧.⟦ts⟧; ajs_anonymous_id=⟦ajs⟧; OptanonConsent=isGpcEnabled=0&datestamp=Tue+Jun+11+2024&version=202401.2.0&groups=C0001%3A1%2CC0002%3A1' \
  -H 'referer: https://www.northbeam-outdoors.com/collections/tents' \
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36'""",
                ga1=digits(r, 10), ts=str(ts), gid=rs(r, 10, UAN), ts2=str(ts + 611), ms=str(ts) + digits(r, 3),
                fbp=digits(r, 10), gcl=digits(r, 10), ajs=uuid4(r))


@T("http_response_request_ids", "http", "en", "not_secret", "request_id")
def _(r):
    return fill("""\
HTTP/2 200
content-type: application/json; charset=utf-8
etag: W/"⟦etag⟧"
x-request-id: ⟦rid⟧
x-amzn-trace-id: Root=1-⟦t1⟧-⟦t2⟧
cf-ray: ⟦ray⟧-FRA
content-security-policy: default-src 'self'; script-src 'self' 'nonce-⟦nonce⟧'; object-src 'none'
strict-transport-security: max-age=63072000; includeSubDomains; preload
x-envoy-upstream-service-time: 41

{"items":[],"page":3,"request_id":"⟦rid⟧"}""", etag="5f2-" + rs(r, 27, B64U),
                rid=uuid4(r), t1=hexs(r, 8), t2=hexs(r, 24), ray=hexs(r, 16), nonce=b64(rbytes(r, 16)))


@T("http_set_cookie_logout_fr", "http", "fr", "not_secret", "empty_value")
def _(r):
    return """\
HTTP/1.1 200 OK
Server: nginx
Content-Type: text/html; charset=UTF-8
Set-Cookie: PHPSESSID=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; secure; HttpOnly
Set-Cookie: remember_me=; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; secure; HttpOnly
Cache-Control: no-store

<!doctype html>
<html lang="fr"><body>
<h1>Vous êtes déconnecté</h1>
<p>Pour votre sécurité, fermez votre navigateur si vous utilisez un ordinateur partagé.</p>
<a href="/connexion">Se reconnecter</a>
</body></html>"""


@T("http_stripe_js_publishable", "http", "en", "not_secret", "publishable_key")
def _(r):
    return fill("""\
Request URL: https://api.stripe.com/v1/elements/sessions?key=⟦pk⟧&type=deferred_intent&locale=en-GB&deferred_intent[mode]=payment&deferred_intent[amount]=4900&deferred_intent[currency]=gbp
Request Method: GET
Status Code: 200 OK
Referrer Policy: strict-origin-when-cross-origin
stripe-version: 2020-08-27
request-id: req_⟦req⟧""", pk=stripe_key(r, "pk_live_"), req=rs(r, 14))


@T("http_websocket_frames_zh", "http", "zh", "not_secret", "no_credential")
def _(r):
    return fill("""\
请求网址: wss://kefu.xiaoyu-shangcheng.cn/ws/v3?device_id=⟦dev⟧&platform=web&lang=zh-CN
状态代码: 101 Switching Protocols
（登录态由 HttpOnly Cookie 携带，开发者工具里“已过滤”）

消息
  ↑ {"type":"ping","ts":1718160001}
  ↓ {"type":"pong","ts":1718160001}
  ↑ {"type":"msg","conversation_id":"⟦cid⟧","text":"你好，我的订单 20240611-88231 什么时候发货？"}
  ↓ {"type":"msg","from":"客服小美","text":"您好，仓库预计明天下午发出，发货后会短信通知您。"}""",
                dev=uuid4(r), cid=hexs(r, 24))


@T("http_bearer_placeholder_ru", "http", "ru", "not_secret", "placeholder")
def _(r):
    return """\
### Получить список заказов (пример запроса из документации партнёрского API)

GET /partner/v1/orders?status=new HTTP/1.1
Host: api.sklad-online.ru
Authorization: Bearer <ваш_токен_доступа>
X-Partner-Id: <идентификатор партнёра>
Accept: application/json

Токен выдаётся в личном кабинете партнёра (раздел «Интеграции» → «Ключи API») и действует 90 дней."""


@T("http_oauth_authorize_pkce", "http", "en", "not_secret", "identifier")
def _(r):
    return fill("""\
Request URL: https://auth.meadowbank.co.uk/oauth2/authorize?response_type=code&client_id=⟦cid⟧&redirect_uri=https%3A%2F%2Fapp.meadowbank.co.uk%2Fcallback&scope=openid%20profile%20accounts%3Aread&state=⟦state⟧&nonce=⟦nonce⟧&code_challenge=⟦cc⟧&code_challenge_method=S256
Request Method: GET
Status Code: 302 Found
Location: https://auth.meadowbank.co.uk/login?flow=⟦flow⟧""", cid=rs(r, 26, LAN), state=rs(r, 32, B64U),
                nonce=rs(r, 24, B64U), cc=mid(r, 43, B64U), flow=uuid4(r))


@T("http_jwks_response", "http", "en", "not_secret", "public_key")
def _(r):
    def key():
        return {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": rs(r, 22, B64U),
                "n": b64u(rbytes(r, 256)), "e": "AQAB"}
    return ("GET https://login.tidewater.io/.well-known/jwks.json\nHTTP/2 200\ncontent-type: application/json\n\n"
            + json.dumps({"keys": [key(), key()]}, indent=2, ensure_ascii=False))


@T("http_401_www_authenticate_es", "http", "es", "not_secret", "no_credential")
def _(r):
    return fill("""\
HTTP/1.1 401 Unauthorized
Date: Wed, 12 Jun 2024 08:03:19 GMT
Content-Type: application/problem+json
WWW-Authenticate: Bearer realm="api-facturacion", error="invalid_token", error_description="El token ha caducado"
X-Correlation-Id: ⟦cid⟧

{
  "type": "https://api.facturacion-norte.es/errores/token-caducado",
  "title": "No autorizado",
  "status": 401,
  "detail": "El token de acceso ha caducado. Solicite uno nuevo con su refresh token.",
  "instance": "/v2/facturas/2024-000913"
}""", cid=uuid4(r))


@T("http_csrf_token_only", "http", "en", "not_secret", "csrf_token")
def _(r):
    c = rs(r, 64)
    return fill(r"""curl 'https://portal.brightwater-utilities.com/accounts/login/' \
  -H 'accept: text/html' \
  -b 'csrftoken=⟦c⟧' \
  -H 'x-csrftoken: ⟦c⟧' \
  -H 'user-agent: Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
# anonymous login page: no session yet, only the CSRF double-submit cookie""", c=c)

# ===========================================================================
# group: database — database dumps and admin
# ===========================================================================


@T("db_sql_dump_plaintext_users", "database", "en", "secret", "password")
def _(r):
    ps = []
    while len(ps) < 3:
        p = pw(r, "sql")
        if p not in ps:
            ps.append(p)
    return fill("""\
--
-- Table structure for table `staff_users`
--

DROP TABLE IF EXISTS `staff_users`;
CREATE TABLE `staff_users` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `login` varchar(64) NOT NULL,
  `email` varchar(191) NOT NULL,
  `password` varchar(64) NOT NULL COMMENT 'legacy: plain text, migrate to bcrypt',
  `role` enum('admin','editor','viewer') NOT NULL DEFAULT 'viewer',
  `created_at` datetime NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

--
-- Dumping data for table `staff_users`
--

LOCK TABLES `staff_users` WRITE;
INSERT INTO `staff_users` VALUES (1,'admin','it@riverside-gazette.com','⟦p1⟧','admin','2016-03-02 09:14:00'),(2,'hgreene','h.greene@riverside-gazette.com','⟦p2⟧','editor','2018-11-19 16:40:12'),(3,'sports_desk','sports@riverside-gazette.com','⟦p3⟧','editor','2021-08-30 07:02:51');
UNLOCK TABLES;""", p1=S("password", ps[0]), p2=S("password", ps[1]), p3=S("password", ps[2]))


@T("db_pgpass_file", "database", "en", "secret", "password")
def _(r):
    p1, p2 = pw(r, "ini"), pw(r, "ini")
    return fill("""\
$ cat ~/.pgpass
# hostname:port:database:username:password
pg-prod-primary.internal:5432:billing:billing_ro:⟦p1⟧
pg-prod-primary.internal:5432:*:replicator:⟦p2⟧
$ ls -l ~/.pgpass
-rw------- 1 dba dba 173 Jun  3 11:02 /home/dba/.pgpass""", p1=S("password", p1), p2=S("password", p2))


@T("db_alter_role_migration_de", "database", "de", "secret", "password")
def _(r):
    p = pw(r, "sql", "de")
    return fill("""\
-- V2024_06_03__berichts_rolle.sql
-- Lesender Zugriff für das neue Reporting (Metabase). Passwort bitte nach dem Einspielen ändern!
CREATE ROLE berichte_leser WITH LOGIN PASSWORD '⟦pw⟧' CONNECTION LIMIT 10;
GRANT CONNECT ON DATABASE warenwirtschaft TO berichte_leser;
GRANT USAGE ON SCHEMA vertrieb TO berichte_leser;
GRANT SELECT ON ALL TABLES IN SCHEMA vertrieb TO berichte_leser;
ALTER DEFAULT PRIVILEGES IN SCHEMA vertrieb GRANT SELECT ON TABLES TO berichte_leser;

$ psql -h db01.intern -U admin -d warenwirtschaft -f V2024_06_03__berichts_rolle.sql
CREATE ROLE
GRANT
GRANT
GRANT
ALTER DEFAULT PRIVILEGES""", pw=S("password", p))


@T("db_mysqldump_password_cli", "database", "en", "secret", "password")
def _(r):
    p = pw(r, "shell")
    return fill("""\
[backup@db-replica-2 ~]$ mysqldump -h 127.0.0.1 -u backup --password=⟦pw⟧ --single-transaction --routines --triggers shop | gzip > /backups/shop_$(date +%F).sql.gz
mysqldump: [Warning] Using a password on the command line interface can be insecure.
[backup@db-replica-2 ~]$ zcat /backups/shop_2024-06-12.sql.gz | head -5
-- MySQL dump 10.13  Distrib 8.0.37, for Linux (x86_64)
--
-- Host: 127.0.0.1    Database: shop
-- ------------------------------------------------------
-- Server version	8.0.37""", pw=S("password", p))


@T("db_mongosh_create_user_es", "database", "es", "secret", "password")
def _(r):
    p = pw(r, "json", "es")
    return fill("""\
test> use admin
switched to db admin
admin> // Usuario de la aplicación de reservas: solo lectura/escritura en la base "reservas"
admin> db.createUser({ user: "app_reservas", pwd: "⟦pw⟧", roles: [ { role: "readWrite", db: "reservas" } ] })
{ ok: 1 }
admin> // Comprobamos que puede autenticarse
admin> db.auth("app_reservas", "⟦pw2⟧")
{ ok: 1 }""", pw=S("password", p), pw2=S("password", p))


@T("db_redis_acl_file", "database", "en", "secret", "password")
def _(r):
    p = pw(r, "ini")
    return fill("""\
$ sudo cat /etc/redis/users.acl
user default off
user worker on >⟦pw⟧ ~jobs:* &jobs:* +@list +@connection +@pubsub -@dangerous
user admin on #⟦h⟧ ~* &* +@all
user metrics on nopass ~* +info +ping +client|list
$ redis-cli ACL WHOAMI
(error) NOAUTH Authentication required.""", pw=S("password", p), h=hexs(r, 64))


@T("db_jdbc_properties_it", "database", "it", "secret", "password")
def _(r):
    p = pw(r, "url", "it")
    return fill("""\
# application-prod.properties — gestionale ordini
# Connessione al database di produzione (utente applicativo, NON usare per le migrazioni)
spring.datasource.url=jdbc:mysql://db-gestionale.interno:3306/ordini?user=ordini_app&password=⟦pw⟧&useSSL=true&serverTimezone=Europe/Rome
spring.datasource.hikari.maximum-pool-size=20
spring.jpa.hibernate.ddl-auto=validate
# coda messaggi
spring.rabbitmq.host=mq.interno
spring.rabbitmq.username=ordini
spring.rabbitmq.password=${RABBIT_PASSWORD}""", pw=S("password", p))


@T("db_appsettings_ado_net", "database", "en", "secret", "password")
def _(r):
    p = pw(r, "cs")
    return fill("""\
{
  "Logging": {
    "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" }
  },
  "ConnectionStrings": {
    "DefaultConnection": "Server=tcp:sql-crm-prod.database.windows.net,1433;Initial Catalog=crm;Persist Security Info=False;User ID=crm_app;Password=⟦pw⟧;MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;",
    "Cache": "crm-cache.redis.cache.windows.net:6380,ssl=True,abortConnect=False",
    "Documents": "DefaultEndpointsProtocol=https;AccountName=crmdocsprod;AccountKey=⟦ak⟧;EndpointSuffix=core.windows.net"
  },
  "AllowedHosts": "*"
}""", pw=S("password", p), ak=S("azure_storage_key", b64(rbytes(r, 64))))


@T("db_go_mysql_dsn_zh", "database", "zh", "secret", "password")
def _(r):
    p = pw(r, "url", "zh")
    return fill("""\
// internal/db/mysql.go
package db

import (
	"database/sql"
	"time"

	_ "github.com/go-sql-driver/mysql"
)

// 订单服务数据库连接（临时写死，配置中心上线后改为读取环境变量）
const dsn = "order_svc:⟦pw⟧@tcp(10.8.0.12:3306)/orders?charset=utf8mb4&parseTime=True&loc=Local"

func Open() (*sql.DB, error) {
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, err
	}
	db.SetConnMaxLifetime(3 * time.Minute) // 连接最长存活时间
	db.SetMaxOpenConns(50)
	return db, nil
}""", pw=S("password", p))


@T("db_clickhouse_users_xml_ru", "database", "ru", "secret", "password")
def _(r):
    p = pw(r, "xml", "ru")
    return fill("""\
<!-- /etc/clickhouse-server/users.d/analytics.xml -->
<clickhouse>
    <users>
        <!-- Пользователь для дашбордов Grafana: только чтение -->
        <grafana>
            <password>⟦pw⟧</password>
            <networks><ip>10.20.0.0/16</ip></networks>
            <profile>readonly</profile>
            <quota>default</quota>
        </grafana>
        <!-- Администратор: пароль хранится только в виде хеша -->
        <ch_admin>
            <password_sha256_hex>⟦h⟧</password_sha256_hex>
            <access_management>1</access_management>
        </ch_admin>
    </users>
</clickhouse>""", pw=S("password", p), h=hexs(r, 64))


@T("db_planetscale_database_url", "database", "en", "secret", "planetscale_password")
def _(r):
    return fill("""\
# .env.local
DATABASE_URL='mysql://⟦u⟧:⟦pw⟧@aws.connect.psdb.cloud/storefront?sslaccept=strict'
NEXTAUTH_URL=http://localhost:3000

$ npx prisma db pull
Environment variables loaded from .env.local
Prisma schema loaded from prisma/schema.prisma
Datasource "db": MySQL database "storefront" at "aws.connect.psdb.cloud"
✔ Introspected 14 models and wrote them into prisma/schema.prisma in 1.21s""",
                u=rs(r, 12, LAN), pw=S("planetscale_password", "pscale_pw_" + mid(r, 43, B64U)))


@T("db_atlas_cli_config", "database", "en", "secret", "mongodb_atlas_private_key")
def _(r):
    return fill("""\
$ cat ~/.config/atlascli/config.toml
[default]
  org_id = "⟦org⟧"
  output = "json"
  private_api_key = "⟦priv⟧"
  project_id = "⟦proj⟧"
  public_api_key = "⟦pub⟧"
  service = "cloud"
$ atlas clusters list --output table
ID                         NAME           MDB VER   STATE
⟦cid⟧   orders-prod    7.0.11    IDLE""", org=hexs(r, 24), priv=S("mongodb_atlas_private_key", uuid4(r)),
                proj=hexs(r, 24), pub=rs(r, 8, LO), cid=hexs(r, 24))


# --- database negatives -----------------------------------------------------


@T("db_sql_dump_password_hashes", "database", "en", "not_secret", "password_hash")
def _(r):
    bc = "$2y$10$" + rs(r, 53, AN + "./")
    ar = "$argon2id$v=19$m=65536,t=3,p=4$" + b64(rbytes(r, 16)).rstrip("=") + "$" + b64(rbytes(r, 32)).rstrip("=")
    return fill("""\
LOCK TABLES `customers` WRITE;
/*!40000 ALTER TABLE `customers` DISABLE KEYS */;
INSERT INTO `customers` (`id`, `email`, `password_hash`, `created_at`) VALUES
(10231,'j.okafor@mailbox.org','⟦bc⟧','2021-04-11 18:20:03'),
(10232,'linh.tran@fastmail.com','⟦ar⟧','2023-09-02 07:55:41'),
(10233,'sso-only@corp.tidewater.io',NULL,'2024-01-15 12:00:00');
/*!40000 ALTER TABLE `customers` ENABLE KEYS */;
UNLOCK TABLES;""", bc=bc, ar=ar)


@T("db_spring_jasypt_de", "database", "de", "not_secret", "encrypted_blob")
def _(r):
    return fill("""\
# application-prod.yml – Zugangsdaten sind mit Jasypt verschlüsselt,
# der Schlüssel kommt zur Laufzeit aus JASYPT_ENCRYPTOR_PASSWORD (Kubernetes-Secret).
spring:
  datasource:
    url: jdbc:postgresql://pg-lager.intern:5432/lagerverwaltung
    username: lager_app
    password: ENC(⟦a⟧)
  mail:
    host: smtp.spedition-hartmann.de
    username: benachrichtigung@spedition-hartmann.de
    password: ENC(⟦b⟧)
jasypt:
  encryptor:
    algorithm: PBEWITHHMACSHA512ANDAES_256
    iv-generator-classname: org.jasypt.iv.RandomIvGenerator""", a=b64(rbytes(r, 48)), b=b64(rbytes(r, 48)))


@T("db_pg_hba_conf_ja", "database", "ja", "not_secret", "no_credential")
def _(r):
    return """\
# /etc/postgresql/16/main/pg_hba.conf
# TYPE  DATABASE        USER            ADDRESS                 METHOD

# ローカル接続は OS ユーザーで認証（peer）
local   all             postgres                                peer
local   all             all                                     peer
# アプリサーバー（10.10.1.0/24）からは SCRAM 認証のみ許可
hostssl kintai          kintai_app      10.10.1.0/24            scram-sha-256
# レプリケーション用
hostssl replication     replicator      10.10.2.11/32           scram-sha-256
# それ以外はすべて拒否
host    all             all             0.0.0.0/0               reject"""


@T("db_mysql_user_table_hashes", "database", "en", "not_secret", "password_hash")
def _(r):
    return fill("""\
mysql> SELECT user, host, plugin, authentication_string FROM mysql.user WHERE user NOT LIKE 'mysql.%';
+------------------+-----------+-----------------------+-------------------------------------------+
| user             | host      | plugin                | authentication_string                     |
+------------------+-----------+-----------------------+-------------------------------------------+
| root             | localhost | auth_socket           |                                           |
| wp_blog          | 10.0.1.%  | mysql_native_password | *⟦h1⟧ |
| backup           | localhost | mysql_native_password | *⟦h2⟧ |
| debian-sys-maint | localhost | mysql_native_password | *⟦h3⟧ |
+------------------+-----------+-----------------------+-------------------------------------------+
4 rows in set (0.00 sec)""", h1=hexs(r, 40).upper(), h2=hexs(r, 40).upper(), h3=hexs(r, 40).upper())


@T("db_mongo_get_users_scram", "database", "en", "not_secret", "password_hash")
def _(r):
    return fill("""\
admin> db.system.users.find({ user: "app_reports" }, { credentials: 1, roles: 1 })
[
  {
    _id: 'admin.app_reports',
    credentials: {
      'SCRAM-SHA-256': {
        iterationCount: 15000,
        salt: '⟦s⟧',
        storedKey: '⟦k1⟧',
        serverKey: '⟦k2⟧'
      }
    },
    roles: [ { role: 'read', db: 'reports' } ]
  }
]""", s=b64(rbytes(r, 28)), k1=b64(rbytes(r, 32)), k2=b64(rbytes(r, 32)))


@T("db_redis_acl_list_hashed", "database", "en", "not_secret", "password_hash")
def _(r):
    return fill("""\
127.0.0.1:6379> ACL LIST
1) "user admin on #⟦h1⟧ ~* &* +@all"
2) "user default off sanitize-payload resetchannels -@all"
3) "user sessions on #⟦h2⟧ ~sess:* resetchannels +@read +@write +@keyspace -@dangerous"
127.0.0.1:6379> ACL LOG 1
1)  1) "count"
    2) (integer) 3
    3) "reason"
    4) "auth"
    5) "username"
    6) "sessions\"""", h1=hexs(r, 64), h2=hexs(r, 64))


@T("db_dump_masked_settings_fr", "database", "fr", "not_secret", "redacted")
def _(r):
    return """\
-- Extrait de pg_dump (table parametres), anonymisé avant envoi au prestataire
-- Les valeurs sensibles ont été remplacées par des astérisques par le script d'export.
COPY public.parametres (cle, valeur, modifie_le) FROM stdin;
smtp.hote	smtp.mairie-saint-brieuc.fr	2024-02-12 10:14:00+01
smtp.utilisateur	noreply@mairie-saint-brieuc.fr	2024-02-12 10:14:00+01
smtp.mot_de_passe	********	2024-02-12 10:14:00+01
paiement.cle_secrete	********	2024-05-03 16:41:27+02
sms.jeton_api	********	2023-11-20 09:02:45+01
\\."""


@T("db_knexfile_env", "database", "en", "not_secret", "secret_reference")
def _(r):
    return """\
// knexfile.js
require('dotenv').config();

module.exports = {
  production: {
    client: 'pg',
    connection: {
      host: process.env.PGHOST,
      port: Number(process.env.PGPORT || 5432),
      database: process.env.PGDATABASE,
      user: process.env.PGUSER,
      password: process.env.PGPASSWORD,
      ssl: { rejectUnauthorized: true, ca: process.env.PG_CA_CERT },
    },
    pool: { min: 2, max: 20 },
    migrations: { tableName: 'knex_migrations' },
  },
};"""


@T("db_rds_iam_auth_token", "database", "en", "not_secret", "secret_reference")
def _(r):
    return """\
# No stored password: the token is generated per connection from the caller's IAM role
$ export PGPASSWORD="$(aws rds generate-db-auth-token --hostname orders.cluster-ro-c9xk2.eu-west-1.rds.amazonaws.com --port 5432 --region eu-west-1 --username iam_reader)"
$ psql "host=orders.cluster-ro-c9xk2.eu-west-1.rds.amazonaws.com port=5432 dbname=orders user=iam_reader sslmode=verify-full sslrootcert=global-bundle.pem"
psql (16.3, server 15.6)
SSL connection (protocol: TLSv1.3, cipher: TLS_AES_256_GCM_SHA384, compression: off)
Type "help" for help.

orders=> \\conninfo
You are connected to database "orders" as user "iam_reader" on host "orders.cluster-ro-c9xk2.eu-west-1.rds.amazonaws.com" at port "5432"."""


@T("db_mysqldump_header", "database", "en", "not_secret", "version_string")
def _(r):
    u = uuid4(r)
    return fill("""\
-- MySQL dump 10.13  Distrib 8.0.36-28, for Linux (x86_64)
--
-- Host: db-primary.internal    Database: crm
-- ------------------------------------------------------
-- Server version	8.0.36-28

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!50606 SET @OLD_INNODB_STATS_AUTO_RECALC=@@INNODB_STATS_AUTO_RECALC */;
SET @MYSQLDUMP_TEMP_LOG_BIN = @@SESSION.SQL_LOG_BIN;
SET @@SESSION.SQL_LOG_BIN= 0;

--
-- GTID state at the beginning of the backup
--

SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*/ '⟦u⟧:1-⟦n⟧';""", u=u, n=digits(r, 7))


@T("db_validate_password_policy_uk", "database", "uk", "not_secret", "password_policy")
def _(r):
    return """\
mysql> SHOW VARIABLES LIKE 'validate_password%';
+-------------------------------------------------+--------+
| Variable_name                                   | Value  |
+-------------------------------------------------+--------+
| validate_password.check_user_name               | ON     |
| validate_password.length                        | 14     |
| validate_password.mixed_case_count              | 1      |
| validate_password.number_count                  | 1      |
| validate_password.policy                        | STRONG |
| validate_password.special_char_count            | 1      |
+-------------------------------------------------+--------+

Нотатка для команди: з понеділка всі нові облікові записи в MySQL мають пароль щонайменше
з 14 символів (великі й малі літери, цифра, спецсимвол). Старі паролі змінимо під час
планового вікна обслуговування 22.06. Самі паролі — лише через сейф, не в чаті."""

# ===========================================================================
# group: observability — crash reports, APM, structured logs, telemetry
# ===========================================================================


@T("obs_sentry_event_request_headers", "observability", "en", "secret", "deepseek_api_key")
def _(r):
    ev = {"event_id": hexs(r, 32), "level": "error", "platform": "python",
          "timestamp": "2024-06-11T14:22:09.551Z", "release": "summariser@1.7.3",
          "environment": "production",
          "exception": {"values": [{"type": "HTTPStatusError",
                                    "value": "Client error '402 Payment Required' for url 'https://api.deepseek.com/chat/completions'",
                                    "module": "httpx"}]},
          "request": {"method": "POST", "url": "https://api.deepseek.com/chat/completions",
                      "headers": {"Authorization": "Bearer " + S("deepseek_api_key", deepseek_key(r)),
                                  "Content-Type": "application/json",
                                  "User-Agent": "python-httpx/0.27.0"}},
          "tags": {"worker": "summary-queue-3", "send_default_pii": "true"}}
    return json.dumps(ev, indent=2, ensure_ascii=False)


@T("obs_core_dump_strings", "observability", "en", "secret", "password")
def _(r):
    p = pw(r, "shell")
    return fill("""\
$ file core.report-worker.31877
core.report-worker.31877: ELF 64-bit LSB core file, x86-64, version 1 (SYSV), SVR4-style, from '/opt/reports/bin/report-worker --queue nightly', real uid: 998
$ strings -n 8 core.report-worker.31877 | grep -iE 'pass|secret|token' | sort -u | head
Authorization: Bearer %s
PGPASSWORD=⟦pw⟧
password authentication failed for user "%s"
secret_key_base
token_refresh_interval
x-amz-security-token""", pw=S("password", p))


@T("obs_apm_span_groq_header", "observability", "en", "secret", "groq_api_key")
def _(r):
    span = {"trace_id": str(r.getrandbits(63)), "span_id": str(r.getrandbits(63)),
            "name": "http.request", "resource": "POST /openai/v1/chat/completions",
            "service": "triage-bot", "type": "http", "duration": 812443021,
            "meta": {"http.method": "POST", "http.status_code": "429",
                     "http.url": "https://api.groq.com/openai/v1/chat/completions",
                     "http.request.headers.authorization": "Bearer " + S("groq_api_key", groq_key(r)),
                     "http.request.headers.content-type": "application/json",
                     "http.response.headers.retry-after": "7",
                     "env": "prod", "version": "0.9.4"}}
    return "Datadog trace export (span flagged by the header-capture rule)\n" + json.dumps(span, indent=2, ensure_ascii=False)


@T("obs_json_log_linear_es", "observability", "es", "secret", "linear_api_key")
def _(r):
    k = "lin_api_" + rs(r, 40)
    lines = [
        {"ts": "2024-06-12T07:41:02.118Z", "level": "info", "msg": "sincronización de incidencias iniciada", "equipo": "SOP"},
        {"ts": "2024-06-12T07:41:02.131Z", "level": "debug", "msg": "petición saliente", "metodo": "POST",
         "url": "https://api.linear.app/graphql", "cabeceras": {"Authorization": S("linear_api_key", k), "Content-Type": "application/json"}},
        {"ts": "2024-06-12T07:41:02.904Z", "level": "warn", "msg": "límite de peticiones cercano", "restantes": 37},
        {"ts": "2024-06-12T07:41:03.010Z", "level": "info", "msg": "sincronización terminada", "incidencias": 128, "duracion_ms": 892},
    ]
    return "\n".join(jdump(x) for x in lines)


@T("obs_otel_span_telegram_url", "observability", "en", "secret", "telegram_bot_token")
def _(r):
    tok = telegram_token(r)
    return fill("""\
Span #2
    Trace ID       : ⟦tid⟧
    Parent ID      : ⟦pid⟧
    ID             : ⟦sid⟧
    Name           : POST
    Kind           : Client
    Start time     : 2024-06-12 09:14:51.20741 +0000 UTC
    End time       : 2024-06-12 09:14:51.58302 +0000 UTC
    Status code    : Unset
Attributes:
     -> http.request.method: Str(POST)
     -> url.full: Str(https://api.telegram.org/bot⟦tok⟧/sendMessage)
     -> server.address: Str(api.telegram.org)
     -> http.response.status_code: Int(200)
     -> service.name: Str(alert-relay)""", tid=hexs(r, 32), pid=hexs(r, 16), sid=hexs(r, 16),
                tok=G("telegram_bot_token", tok))


@T("obs_jcmd_system_properties_ja", "observability", "ja", "secret", "password")
def _(r):
    p = pw(r, "ini", "ja")
    return fill("""\
2024-06-12 03:12:44.201 ERROR [batch-seikyu] c.e.s.SeikyuJob - 請求書バッチが異常終了しました（ヒープ不足の可能性）
# 調査のためプロセスのシステムプロパティを取得
$ jcmd 4412 VM.system_properties | grep -E 'javax.net.ssl|spring.profiles|file.encoding'
file.encoding=UTF-8
javax.net.ssl.keyStore=/opt/seikyu/conf/client.p12
javax.net.ssl.keyStorePassword=⟦pw⟧
javax.net.ssl.keyStoreType=PKCS12
javax.net.ssl.trustStore=/opt/seikyu/conf/truststore.jks
spring.profiles.active=prod
# ↑ キーストアのパスワードが丸見え。共有前に消すこと""", pw=S("password", p))


@T("obs_traceback_locals_pplx_pt", "observability", "pt", "secret", "perplexity_api_key")
def _(r):
    k = pplx_key(r)
    return fill("""\
2024-06-12 10:03:57 ERRO  Erro ao gerar o resumo semanal de notícias do cliente 4471
Traceback (most recent call last):
  File "/srv/resumos/tarefas.py", line 88, in gerar_resumo
    resposta = cliente.chat.completions.create(model=MODELO, messages=mensagens)
    ╭──────────────────────────── locals ─────────────────────────────╮
    │    api_key = '⟦k⟧' │
    │    cliente = <openai.OpenAI object at 0x7f3a2c1d9e50>             │
    │ cliente_id = 4471                                                 │
    │     MODELO = 'sonar-pro'                                          │
    ╰───────────────────────────────────────────────────────────────────╯
openai.RateLimitError: Error code: 429 - {'error': {'message': 'Limite de requisições excedido', 'type': 'rate_limit'}}""",
                k=S("perplexity_api_key", k))


@T("obs_newrelic_yml_license", "observability", "en", "secret", "newrelic_license_key")
def _(r):
    return fill("""\
# newrelic.yml (Ruby agent)
common: &default_settings
  license_key: '⟦k⟧'
  app_name: 'Ledgerline API'
  log_level: info
  distributed_tracing:
    enabled: true
  attributes:
    exclude:
      - request.headers.authorization
      - request.headers.cookie

production:
  <<: *default_settings

staging:
  <<: *default_settings
  app_name: 'Ledgerline API (staging)'""", k=S("newrelic_license_key", hexs(r, 36) + "NRAL"))


@T("obs_alertmanager_receivers", "observability", "en", "secret", "pagerduty_integration_key")
def _(r):
    return fill("""\
# alertmanager.yml
route:
  receiver: oncall-pagerduty
  group_by: [alertname, cluster]
  routes:
    - matchers: [severity="warning"]
      receiver: opsgenie-low

receivers:
  - name: oncall-pagerduty
    pagerduty_configs:
      - routing_key: ⟦pd⟧
        severity: '{{ .CommonLabels.severity }}'
        description: '{{ .CommonAnnotations.summary }}'
  - name: opsgenie-low
    opsgenie_configs:
      - api_key: ⟦og⟧
        api_url: https://api.eu.opsgenie.com/
        priority: P4""", pd=S("pagerduty_integration_key", hexs(r, 32)), og=S("opsgenie_api_key", uuid4(r)))


@T("obs_crash_report_honeycomb_ko", "observability", "ko", "secret", "honeycomb_api_key")
def _(r):
    k = "hcaik_01" + rs(r, 56, LAN)
    return fill("""\
=== 크래시 리포트 ===
서비스: 결제-알림-워커 (notify-worker 3.2.0)
발생 시각: 2024-06-12 02:41:17 KST
원인: SIGSEGV (주소 0x0000000000000018) — libgrpc 재연결 중 널 포인터 접근

[환경 변수 스냅샷]
OTEL_SERVICE_NAME=notify-worker
OTEL_EXPORTER_OTLP_ENDPOINT=https://api.honeycomb.io:443
OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=⟦k⟧
OTEL_RESOURCE_ATTRIBUTES=deployment.environment=prod,region=ap-northeast-2

[스레드 0 백트레이스]
#0  0x00007f1c2a4b91e0 in grpc_core::Subchannel::OnConnectingFinished ()
#1  0x00007f1c2a4b3c55 in grpc_core::ExecCtx::Flush ()
※ 리포트에 환경 변수가 그대로 포함됨 — 외부 공유 금지""", k=S("honeycomb_api_key", k))


# --- observability negatives ------------------------------------------------


@T("obs_sentry_event_filtered", "observability", "en", "not_secret", "redacted")
def _(r):
    ev = {"event_id": hexs(r, 32), "level": "error", "platform": "node",
          "exception": {"values": [{"type": "Error", "value": "Stripe webhook signature verification failed"}]},
          "request": {"method": "POST", "url": "https://api.kettle.coffee/webhooks/stripe",
                      "headers": {"Stripe-Signature": "[Filtered]", "Authorization": "[Filtered]",
                                  "Cookie": "[Filtered]", "Content-Type": "application/json; charset=utf-8",
                                  "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)"},
                      "data": {"id": "evt_" + rs(r, 24), "type": "checkout.session.completed"}},
          "extra": {"STRIPE_WEBHOOK_SECRET": "[Filtered]"}}
    return json.dumps(ev, indent=2, ensure_ascii=False)


@T("obs_otel_trace_ids", "observability", "en", "not_secret", "request_id")
def _(r):
    return fill("""\
ResourceSpans #0
Resource attributes:
     -> service.name: Str(checkout-api)
     -> service.version: Str(2.31.0)
     -> k8s.pod.name: Str(checkout-api-6d9f7c9b8-qk2lp)
ScopeSpans #0
Span #0
    Trace ID       : ⟦tid⟧
    Parent ID      : ⟦pid⟧
    ID             : ⟦sid⟧
    Name           : SELECT orders
    Kind           : Client
Attributes:
     -> db.system: Str(postgresql)
     -> db.name: Str(orders)
     -> db.statement: Str(SELECT id, status FROM orders WHERE customer_id = $1 LIMIT $2)
     -> server.address: Str(pg-orders.internal)
     -> enduser.id: Str(⟦uid⟧)""", tid=hexs(r, 32), pid=hexs(r, 16), sid=hexs(r, 16), uid=uuid4(r))


@T("obs_sentry_browser_dsn", "observability", "en", "not_secret", "public_client_key")
def _(r):
    return fill("""\
// src/main.tsx — shipped to every browser; the DSN only allows sending events
import * as Sentry from "@sentry/react";

Sentry.init({
  dsn: "https://⟦k⟧@o⟦org⟧.ingest.de.sentry.io/⟦proj⟧",
  release: import.meta.env.VITE_RELEASE,
  integrations: [Sentry.browserTracingIntegration(), Sentry.replayIntegration({ maskAllText: true })],
  tracesSampleRate: 0.1,
  replaysOnErrorSampleRate: 1.0,
  sendDefaultPii: false,
});""", k=hexs(r, 32), org=digits(r, 7), proj=digits(r, 16))


@T("obs_gdb_backtrace", "observability", "en", "not_secret", "identifier")
def _(r):
    def a():
        return "0x0000" + hexs(r, 12)
    return fill("""\
Core was generated by `/usr/local/bin/imgproxy'.
Program terminated with signal SIGABRT, Aborted.
#0  __pthread_kill_implementation (threadid=⟦a0⟧, signo=signo@entry=6, no_tid=no_tid@entry=0) at ./nptl/pthread_kill.c:44
#1  ⟦a1⟧ in __GI_raise (sig=sig@entry=6) at ../sysdeps/posix/raise.c:26
#2  ⟦a2⟧ in __GI_abort () at ./stdlib/abort.c:79
#3  ⟦a3⟧ in vips_image_write_to_memory (in=0x55d1c0a4e8c0, size_out=0x7ffc2b9e1a48) at iofuncs/image.c:2961
#4  ⟦a4⟧ in runtime.asmcgocall () at /usr/local/go/src/runtime/asm_amd64.s:918
Build ID: ⟦bid⟧""", a0=str(r.getrandbits(47)), a1=a(), a2=a(), a3=a(), a4=a(), bid=hexs(r, 40))


@T("obs_apm_headers_redacted", "observability", "en", "not_secret", "redacted")
def _(r):
    tx = {"transaction": {"id": hexs(r, 16), "trace_id": hexs(r, 32), "name": "POST /api/v2/invoices",
                          "type": "request", "result": "HTTP 5xx", "duration": 1204.3,
                          "context": {"request": {"method": "POST",
                                                  "headers": {"authorization": "[REDACTED]", "cookie": "[REDACTED]",
                                                              "x-api-key": "[REDACTED]", "content-type": "application/json",
                                                              "x-forwarded-for": "203.0.113.77"}},
                                      "response": {"status_code": 502}}}}
    return "# Elastic APM document (sanitize_field_names applied)\n" + json.dumps(tx, indent=2, ensure_ascii=False)


@T("obs_datadog_agent_status_zh", "observability", "zh", "not_secret", "masked_key")
def _(r):
    return fill("""\
$ sudo datadog-agent status | sed -n '1,20p'
===============
Agent (v7.54.0)
===============
  Status date: 2024-06-12 10:21:44.512 CST / 2024-06-12 02:21:44.512 UTC
  Agent start: 2024-06-03 08:02:11.004 CST
  Pid: 1184
  Go Version: go1.21.9
  Python Version: 3.11.8
  Check Runners: 4
  Log Level: info

  Hostname
  ========
    hostname: order-db-01.sh.internal

=========
Forwarder
=========
    API Keys status
    ===============
      API key ending with ⟦last⟧: API Key valid

# 只显示密钥末尾 4 位，确认新密钥已经生效，旧密钥可以在控制台吊销了。""", last=hexs(r, 5))


@T("obs_key_rotation_log_it", "observability", "it", "not_secret", "rotation_notice")
def _(r):
    return fill("""\
2024-06-12T06:00:00.012+02:00 INFO  rotazione-chiavi  Avvio rotazione programmata delle chiavi API (ogni 30 giorni)
2024-06-12T06:00:01.447+02:00 INFO  rotazione-chiavi  Nuova chiave creata per "gateway-pagamenti": id=key_⟦k1⟧ (valore salvato in Vault, percorso kv/pagamenti/gateway)
2024-06-12T06:00:01.902+02:00 INFO  rotazione-chiavi  Servizi aggiornati: checkout-api, rimborsi-worker, riconciliazione
2024-06-12T06:15:02.330+02:00 INFO  rotazione-chiavi  Chiave precedente id=key_⟦k0⟧ revocata
2024-06-12T06:15:02.331+02:00 INFO  rotazione-chiavi  Rotazione completata senza errori""", k1=rs(r, 26, UAN), k0=rs(r, 26, UAN))


@T("obs_prometheus_metrics", "observability", "en", "not_secret", "identifier")
def _(r):
    return fill("""\
$ curl -s http://10.42.3.17:9102/metrics | grep -E '^(http_requests_total|build_info|process_start)'
build_info{branch="main",goversion="go1.22.4",revision="⟦rev⟧",version="1.14.2"} 1
http_requests_total{code="200",handler="/api/v1/quotes",method="GET"} 1.829144e+06
http_requests_total{code="401",handler="/api/v1/quotes",method="GET"} 2211
http_requests_total{code="500",handler="/api/v1/quotes",method="POST"} 17
process_start_time_seconds 1.71813842163e+09""", rev=hexs(r, 40))


@T("obs_sentry_fingerprint_release", "observability", "en", "not_secret", "hash")
def _(r):
    return fill("""\
Issue ⟦short⟧ · TypeError: Cannot read properties of undefined (reading 'lineItems')
  Events: 1,284   Users: 311   First seen: 3 days ago   Last seen: 2 minutes ago
  Release: web@⟦rel⟧
  Event ID: ⟦eid⟧
  Grouping: fingerprint ["{{ default }}", "cart-render"] → hash ⟦hash⟧
  Source map: app.⟦chunk⟧.js.map (debug id ⟦dbg⟧)""", short="WEB-" + rs(r, 3, UAN), rel=hexs(r, 40),
                eid=hexs(r, 32), hash=hexs(r, 32), chunk=hexs(r, 8), dbg=uuid4(r))

# ===========================================================================
# group: ticket — e-mail and ticketing
# ===========================================================================


def dkim(r, d, s):
    return ("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s; s=%s;\n"
            "\th=from:to:subject:date:message-id:mime-version:content-type;\n"
            "\tbh=%s;\n\tb=%s\n\t %s") % (d, s, b64(rbytes(r, 32)), b64(rbytes(r, 96)), b64(rbytes(r, 96)))


@T("tk_raw_mail_vpn_onboarding_de", "ticket", "de", "secret", "password")
def _(r):
    p = pw(r, "prose", "de")
    return fill("""\
Return-Path: <it-service@elektro-brandt.de>
Received: from mail.elektro-brandt.de (mail.elektro-brandt.de [198.51.100.20])
	by mx.elektro-brandt.de with ESMTPS id 4VzQk21TbQz9sWd
	for <a.yilmaz@elektro-brandt.de>; Mon, 10 Jun 2024 08:02:11 +0200 (CEST)
⟦dkim⟧
Message-ID: <⟦mid⟧@elektro-brandt.de>
Date: Mon, 10 Jun 2024 08:02:09 +0200
From: IT-Service <it-service@elektro-brandt.de>
To: Aylin Yilmaz <a.yilmaz@elektro-brandt.de>
Subject: Ihre Zugangsdaten für VPN und Zeiterfassung
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hallo Frau Yilmaz,

herzlich willkommen bei Elektro Brandt! Für den Fernzugriff (FortiClient VPN) gelten folgende Daten:

  Server:       vpn.elektro-brandt.de:10443
  Benutzername: a.yilmaz
  Passwort:     ⟦pw⟧

Bitte ändern Sie das Passwort bei der ersten Anmeldung unter https://konto.elektro-brandt.de.
Die Zeiterfassung erreichen Sie mit denselben Zugangsdaten.

Viele Grüße
Ihr IT-Service, Durchwahl -310""", dkim=dkim(r, "elektro-brandt.de", "mail2024"), mid=uuid4(r),
                pw=S("password", p))


@T("tk_jira_comment_db_role", "ticket", "en", "secret", "password")
def _(r):
    p = pw(r, "prose")
    return fill("""\
[OPS-4821] Reporting DB: read access for the finance analysts
Type: Task    Priority: Medium    Status: Done    Resolution: Done
Reporter: Owen Marsh    Assignee: Kasia Nowak
Labels: access-request, finance

Description
Finance needs read-only access to the reporting schema for the quarter-end close. Three analysts,
one shared login is fine for now (ticket to move them to SSO: OPS-4830).

Activity
Kasia Nowak added a comment - 11/Jun/24 4:02 PM
Done. Role fin_analyst_ro created on reporting-db.internal (port 5432, database reporting).
Password: ⟦pw⟧
Connection works from the finance VDI pool; I'll rotate it once OPS-4830 lands.

Owen Marsh added a comment - 11/Jun/24 4:17 PM
Thanks, confirmed with Priya, they can query mart.gl_balances.""", pw=S("password", p))


@T("tk_zendesk_customer_stripe_key_es", "ticket", "es", "secret", "stripe_restricted_key")
def _(r):
    k = stripe_key(r, "rk_live_")
    return fill("""\
Ticket #88213 — La sincronización de pagos no funciona desde ayer
Solicitante: Lucía Fernández (lucia@calzadosfernandez.es)
Estado: Abierto · Prioridad: Alta · Grupo: Soporte integraciones

Lucía Fernández · 12 jun 2024, 09:14
Hola, desde ayer por la tarde los pagos de Stripe ya no aparecen en el panel. No hemos cambiado nada.
Por si os sirve para revisarlo, la clave restringida que configuramos en vuestra plataforma es esta:
⟦k⟧
Tenemos rebajas este fin de semana, ¿podéis mirarlo cuanto antes? Gracias.

Javier (Soporte) · 12 jun 2024, 09:31
Hola Lucía, gracias por el aviso. Por seguridad, no compartas claves por aquí: te recomiendo revocarla en el panel de Stripe
y crear una nueva con permiso de lectura sobre «Charges» y «Payouts». Mientras tanto revisamos el registro de errores.""",
                k=S("stripe_restricted_key", k))


@T("tk_helpdesk_handover_firewall_fr", "ticket", "fr", "secret", "password")
def _(r):
    p = pw(r, "prose", "fr")
    return fill("""\
Passation d'astreinte — semaine 24 (de Julien à Sarah)

Bonjour Sarah,

Rien de bloquant cette semaine, mais trois points à suivre :

1. Le pare-feu du site de Quimper (pfSense, https://10.12.0.1) redémarre tout seul la nuit. J'ai ouvert un ticket
   chez Netgate (#NG-55190). Si ça recommence, connecte-toi avec le compte admin local : identifiant « admin »,
   mot de passe ⟦pw⟧ , puis exporte les journaux système avant de redémarrer.
2. Le certificat du portail RH expire le 28/06 ; le renouvellement Let's Encrypt est planifié, vérifie juste le 27.
3. Le NAS de sauvegarde est à 91 % ; Thomas doit valider la suppression des archives 2019.

Bonne semaine,
Julien""", pw=S("password", p))


@T("tk_mail_temporary_password_pt", "ticket", "pt", "secret", "password")
def _(r):
    p = pw(r, "prose", "pt")
    return fill("""\
De: Suporte TI <suporte.ti@construtora-horizonte.com.br>
Para: Rafael Almeida <rafael.almeida@construtora-horizonte.com.br>
Data: 11 de jun. de 2024 14:05
Assunto: [Chamado 20451] Redefinição de senha do e-mail corporativo

Olá Rafael,

Conforme solicitado no chamado 20451, redefinimos a senha da sua conta de e-mail.

Senha temporária: ⟦pw⟧

Ao entrar no Outlook Web (https://mail.construtora-horizonte.com.br), o sistema vai pedir uma nova senha.
A senha temporária expira em 24 horas.

Atenciosamente,
Equipe de Suporte TI — ramal 2200""", pw=S("password", p))


@T("tk_backlog_notion_token_ja", "ticket", "ja", "secret", "notion_token")
def _(r):
    return fill("""\
【課題】SUP-312 Notion 連携で議事録が同期されない
種別: バグ　優先度: 高　状態: 処理中　担当者: 佐藤 美咲

詳細:
昨日から、会議メモを Notion のデータベース「議事録 2024」に自動登録するボットが 401 を返しています。
インテグレーションのトークンは以下です（再発行はしていません）。

  ⟦k⟧

ボットのログ:
  2024-06-11 18:02:14 ERROR notion-sync: API token is invalid. (code=unauthorized)

コメント（田中 健一）:
トークンをチケットに貼るのはやめましょう。ワークスペースの管理者がインテグレーションを削除した可能性があります。""",
                k=S("notion_token", "ntn_" + rs(r, 46)))


@T("tk_forwarded_mail_aws_keys", "ticket", "en", "secret", "aws_access_key")
def _(r):
    return fill("""\
---------- Forwarded message ---------
From: Dmitri Volkov <dmitri@volkov-consulting.io>
Date: Tue, 11 Jun 2024 at 17:48
Subject: Re: staging bucket access
To: Hannah Price <hannah.price@ridgeline-outfitters.com>

Hi Hannah,

As discussed on the call, here are the credentials for the IAM user I created for the image pipeline
(it only has s3:PutObject/GetObject on ridgeline-staging-media):

Access key ID: ⟦ak⟧
Secret access key: ⟦sk⟧
Region: us-west-2

Let me know once your team has the CDN pointed at it.

Cheers,
Dmitri""", ak=S("aws_access_key_id", aws_id(r)), sk=S("aws_secret_access_key", aws_secret(r)))


@T("tk_ticket_mailchimp_key_it", "ticket", "it", "secret", "mailchimp_api_key")
def _(r):
    k = hexs(r, 32) + "-us" + str(r.randint(2, 21))
    return fill("""\
Richiesta #5521 — Collegare il modulo iscrizioni del sito a Mailchimp
Aperta da: Giulia Rinaldi (marketing) · Assegnata a: Web agency Pixelverde

Buongiorno,
vorremmo che le iscrizioni alla newsletter dal sito finissero direttamente nella lista «Clienti 2024».
Vi passo i dati che ci servono:
- chiave API Mailchimp: ⟦k⟧
- ID della lista (audience): ⟦list⟧
- tag da applicare: sito-web

Se serve altro scrivetemi pure. Grazie!
Giulia""", k=S("mailchimp_api_key", k), list=hexs(r, 10))


@T("tk_freshdesk_recovery_codes_pl", "ticket", "pl", "secret", "recovery_code")
def _(r):
    codes = []
    while len(codes) < 8:
        c = hexs(r, 5) + "-" + hexs(r, 5)
        if c not in codes:
            codes.append(c)
    grid = "\n".join("  %s   %s" % (S("recovery_code", codes[i]), S("recovery_code", codes[i + 1]))
                     for i in range(0, 8, 2))
    return fill("""\
Zgłoszenie #4410 · Przekazanie konta GitHub organizacji „drukarnia-sowa”
Od: Marek Zieliński · Do: Zespół IT · Priorytet: Normalny

Cześć,
odchodzę z firmy w piątek, więc przekazuję konto właściciela organizacji. Login i hasło są w sejfie działu,
a poniżej kody zapasowe do 2FA (gdyby telefon z aplikacją był już oddany):

⟦grid⟧

Każdy kod działa tylko raz. Po przejęciu konta wygenerujcie proszę nowe.
Pozdrawiam, Marek""", grid=grid)


@T("tk_otrs_rdp_password_ru", "ticket", "ru", "secret", "password")
def _(r):
    p = pw(r, "prose", "ru")
    return fill("""\
Заявка № 2024061110000123 — Нет доступа к серверу 1С у бухгалтерии
Очередь: Инфраструктура · Приоритет: 3 высокий · Владелец: Смирнов А.

Статья от: Смирнов Алексей
Бухгалтерия не может зайти на сервер 1С по RDP после смены доменного пароля.
Для проверки подключался сам под служебной учёткой:
  сервер: 1c-buh.office.local (10.1.5.20)
  пользователь: OFFICE\\svc-1c-rdp
  пароль: ⟦pw⟧
Под ней вход работает, значит, проблема в группе «Пользователи удалённого рабочего стола».
Добавил группу «Бухгалтерия» обратно, прошу проверить.""", pw=S("password", p))


@T("tk_github_issue_sendgrid", "ticket", "en", "secret", "sendgrid_api_key")
def _(r):
    k = "SG." + mid(r, 22, B64U) + "." + mid(r, 43, B64U)
    return fill("""\
### Password reset e-mails are not delivered (self-hosted 2.9.1) #1873

**Describe the bug**
After upgrading from 2.8 to 2.9.1, password reset e-mails are never delivered. The log shows
`SMTP 535 Authentication failed: The provided authorization grant is invalid, expired, or revoked`.

**Configuration**
```env
MAIL_DRIVER=smtp
MAIL_HOST=smtp.sendgrid.net
MAIL_PORT=587
MAIL_USERNAME=apikey
MAIL_PASSWORD=⟦k⟧
MAIL_FROM=no-reply@tasklane.dev
```

**Environment**
- Docker image `tasklane/server:2.9.1`
- Postgres 15

> **maintainer-bot**: It looks like this issue contains a credential. Please revoke it and edit the issue.""",
                k=S("sendgrid_api_key", k))


@T("tk_incident_okta_token", "ticket", "en", "secret", "okta_api_token")
def _(r):
    return fill("""\
INC0048823 | SCIM provisioning to Okta failing for new hires
State: In Progress   Impact: 2 - Medium   Assignment group: Identity & Access

Work notes (Rohan Mehta, 2024-06-12 11:20:43):
HRIS connector returns 403 on every /api/v1/users call since the token owner (svc-hris) was moved to
a different admin role. Reproduced with:

  curl -s -H "Authorization: SSWS ⟦tok⟧" \\
       "https://brightline.okta.com/api/v1/users?limit=1"
  {"errorCode":"E0000006","errorSummary":"You do not have permission to perform the requested action"}

Next step: restore "Group Membership Admin" for svc-hris, then re-run the failed provisioning jobs.""",
                tok=S("okta_api_token", "00" + mid(r, 40, B64U)))


# --- ticket negatives -------------------------------------------------------


@T("tk_raw_headers_dkim_arc", "ticket", "en", "not_secret", "signature")
def _(r):
    return fill("""\
ARC-Seal: i=1; a=rsa-sha256; t=1718092931; cv=none; d=google.com; s=arc-20160816;
	b=⟦arc⟧
Authentication-Results: mx.google.com;
	dkim=pass header.i=@billing.corvid-energy.com header.s=s1 header.b=⟦hb⟧;
	spf=pass (google.com: domain of bounces+2931@billing.corvid-energy.com designates 149.72.1.14 as permitted sender);
	dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=corvid-energy.com
⟦dkim⟧
Message-ID: <⟦mid⟧@billing.corvid-energy.com>
Subject: Your May 2024 electricity statement is ready
From: Corvid Energy <statements@corvid-energy.com>

Your statement for account ending 4417 is available in your online account. We will never ask for
your password by e-mail.""", arc=b64(rbytes(r, 180)), hb=rs(r, 8, B64),
                dkim=dkim(r, "billing.corvid-energy.com", "s1"), mid=hexs(r, 24))


@T("tk_helpdesk_never_ask_password", "ticket", "en", "not_secret", "security_advice")
def _(r):
    return """\
Subject: [IT Notice] Phishing messages pretending to be the helpdesk

Hi all,

Several colleagues received e-mails this morning titled "Mailbox quota exceeded – verify your account",
with a link to a fake Microsoft login page. Please remember:

- The IT helpdesk will never ask for your password, MFA code or recovery codes, by e-mail, chat or phone.
- If you entered your password on that page, reset it immediately at https://passwordreset.microsoftonline.com
  and call us on extension 4400 so we can revoke your sessions.
- Forward suspicious messages as an attachment to phishing@glenmore-foods.co.uk.

Thanks,
IT Service Desk"""


@T("tk_jira_rotation_no_values", "ticket", "en", "not_secret", "rotation_notice")
def _(r):
    return fill("""\
[SEC-219] Rotate Stripe live secret key after contractor offboarding
Status: Done    Assignee: Grace Liu    Due: 14/Jun/24

Checklist
[x] Roll the standard secret key in the Stripe dashboard (old key ...⟦l1⟧ expires in 12h)
[x] Update kv/payments/stripe in Vault (version 14 → 15)
[x] Redeploy checkout-api, refunds-worker, invoicing
[x] Verify webhooks still validate (endpoint we_⟦we⟧)
[x] Confirm in the Stripe request log that ...⟦l1⟧ has no traffic after 15:10 UTC

Resolution: rotated. New key ends in ...⟦l2⟧; nobody outside the payments on-call rota has read access.""",
                l1=rs(r, 4), we=rs(r, 24), l2=rs(r, 4))


@T("tk_zendesk_agent_redaction", "ticket", "en", "not_secret", "redacted")
def _(r):
    return """\
Ticket #120448 — Can't connect my store to your shipping app
Requester: Ben Howell (ben@howellandsons-hardware.com)

Ben Howell · Jun 11, 2024 3:12 PM
Hi, I keep getting "invalid credentials" when I link my store. This is the API password I'm pasting into the
connection screen: ▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇
And my admin login is ben@howellandsons-hardware.com / ▇▇▇▇▇▇▇▇▇▇▇▇

Support (Amara) · Jun 11, 2024 3:26 PM
Hi Ben, I've redacted the credentials from this ticket for your safety. Please reset that password, then
reconnect using "Sign in with your store" instead of pasting a key; the app no longer accepts API passwords."""


@T("tk_password_policy_mail_sv", "ticket", "sv", "not_secret", "password_policy")
def _(r):
    return """\
Från: IT-avdelningen <it@kommunfastigheter.se>
Till: Alla medarbetare
Ämne: Nya regler för lösenord från den 1 juli

Hej!

Från den 1 juli gäller nya regler för lösenord till datorer, e-post och verksamhetssystem:

• minst 14 tecken – gärna en lösenfras med fyra eller fler ord
• lösenord som finns i kända dataläckor spärras automatiskt
• du behöver inte längre byta lösenord var 90:e dag, bara om vi misstänker att det har läckt
• tvåstegsverifiering med Microsoft Authenticator blir obligatoriskt för alla

Du får en påminnelse när det är dags att byta. Frågor? Ring servicedesk på 010-123 45 00.

Vänliga hälsningar
IT-avdelningen"""


@T("tk_out_of_band_notice_tr", "ticket", "tr", "not_secret", "out_of_band_notice")
def _(r):
    return """\
Konu: Yeni muhasebe kullanıcısı – Logo Tiger erişimi
Kimden: Bilgi İşlem <bilgiislem@yildiz-tekstil.com.tr>
Kime: Elif Demir <elif.demir@yildiz-tekstil.com.tr>

Merhaba Elif Hanım,

Logo Tiger ve e-fatura portalı için kullanıcı hesabınız açıldı. Kullanıcı adınız: edemir

Güvenlik gereği şifrenizi bu e-postada paylaşmıyoruz; cep telefonunuza ayrıca SMS ile gönderilecek.
İlk girişte şifrenizi değiştirmeniz istenecek. Sorun yaşarsanız dahili 1204'ten bize ulaşabilirsiniz.

İyi çalışmalar,
Bilgi İşlem"""


@T("tk_ticket_identifiers_zh", "ticket", "zh", "not_secret", "identifier")
def _(r):
    return fill("""\
工单 #⟦tk⟧ · 退款未到账
客户：王女士 · 渠道：在线客服 · 状态：处理中

客户留言：
我 6 月 3 日退的货，订单号 ⟦order⟧，快递单号 SF⟦sf⟧，到现在还没收到退款。

客服处理记录（李明，2024-06-12 10:22）：
已查到退款单 RF⟦rf⟧，支付渠道返回流水号 ⟦flow⟧，状态为“银行处理中”。
内部追踪 ID：⟦trace⟧。已告知客户 1-3 个工作日内到账，并设置 48 小时后回访。""",
                tk=digits(r, 7), order=digits(r, 18), sf=digits(r, 12), rf=digits(r, 16),
                flow=digits(r, 28), trace=uuid4(r))


@T("tk_pgp_encrypted_mail", "ticket", "en", "not_secret", "encrypted_blob")
def _(r):
    body = "\n".join(wrap(b64(b"\x85\x01\x0c\x03" + rbytes(r, 700)), 64))
    return fill("""\
From: Security Team <security@ridgeline-outfitters.com>
To: Dmitri Volkov <dmitri@volkov-consulting.io>
Subject: Replacement credentials (encrypted)

Dmitri, the new credentials are in the encrypted block below (your key 0x⟦kid⟧).
Please confirm once decrypted and delete the previous set.

-----BEGIN PGP MESSAGE-----

⟦body⟧
=⟦crc⟧
-----END PGP MESSAGE-----""", kid=hexs(r, 16).upper(), body=body, crc=b64(rbytes(r, 3)))


@T("tk_account_invite_id", "ticket", "id", "not_secret", "reset_notice")
def _(r):
    return """\
Subjek: Akun Jurnal.id Anda sudah dibuat
Dari: Tim Keuangan <keuangan@sinarlaut-logistik.co.id>
Kepada: Dewi Lestari <dewi.lestari@sinarlaut-logistik.co.id>

Halo Mbak Dewi,

Akun Anda di aplikasi akuntansi sudah kami buat dengan alamat email ini. Anda akan menerima email undangan
terpisah dari sistem; klik tombol "Atur kata sandi" di email tersebut untuk membuat kata sandi sendiri.
Tautan undangan berlaku 72 jam. Kami tidak pernah mengirimkan kata sandi lewat email atau WhatsApp.

Kalau undangannya tidak masuk, cek folder spam atau hubungi saya di ext. 118.

Salam,
Rina — Tim Keuangan"""


@T("tk_phishing_warning_ar", "ticket", "ar", "not_secret", "security_advice")
def _(r):
    return """\
الموضوع: تنبيه أمني — رسائل احتيالية باسم البنك

زملائي الكرام،

وصلت إلى عدد من الموظفين رسائل نصية تطلب «تحديث بيانات الحساب» عبر رابط مزيّف، ثم تطلب إدخال كلمة المرور ورمز التحقق.
نذكّركم بما يلي:
- لن يطلب منكم قسم تقنية المعلومات أو البنك كلمة المرور أو رمز التحقق لمرة واحدة (OTP) أبدًا.
- لا تضغطوا على الروابط الواردة في هذه الرسائل، واحذفوها فورًا.
- إذا أدخلتم بياناتكم بالخطأ، غيّروا كلمة المرور واتصلوا بالدعم الفني على الرقم الداخلي 5050.

مع التحية،
فريق أمن المعلومات"""

# ===========================================================================
# group: export — secrets-manager and password-manager exports, credential files
# ===========================================================================

B32 = UP + "234567"


@T("ex_bitwarden_csv", "export", "en", "secret", "password")
def _(r):
    ps = [pw(r, "json") for _ in range(3)]
    totp = rs(r, 32, B32)
    return fill("""\
folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
Work,,login,Grafana (prod),,,0,https://grafana.tidewater.io,ops-admin,⟦p1⟧,
Work,1,login,AWS root (billing account),Break-glass only,,1,https://signin.aws.amazon.com,root-billing@tidewater.io,⟦p2⟧,⟦totp⟧
Personal,,login,Netflix,,,0,https://www.netflix.com,sam.okoro@gmail.com,⟦p3⟧,
Work,,login,Okta (SSO),Passkey on YubiKey,,0,https://tidewater.okta.com,sam.okoro@tidewater.io,,""",
                p1=S("password", ps[0]), p2=S("password", ps[1]), p3=S("password", ps[2]),
                totp=S("totp_secret", totp))


@T("ex_1password_csv_de", "export", "de", "secret", "password")
def _(r):
    ps = [pw(r, "json", "de") for _ in range(3)]
    return fill("""\
Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes
Router Büro (FRITZ!Box 7590),http://fritz.box,admin,⟦p1⟧,,false,false,Büro,Nur aus dem Büronetz erreichbar
DATEV Arbeitsplatz,https://login.datev.de,kanzlei-weber,⟦p2⟧,,true,false,Kanzlei,SmartLogin-Karte liegt im Tresor
ELSTER Zertifikat (Kanzlei),https://www.elster.de,,⟦p3⟧,,false,false,Steuern,PIN für die Zertifikatsdatei weber-kanzlei.pfx
Telekom Kundencenter,https://www.telekom.de/kundencenter,,,,false,true,,Archiviert – Vertrag gekündigt""",
                p1=S("password", ps[0]), p2=S("password", ps[1]), p3=S("password", ps[2]))


@T("ex_keepass_xml_export_fr", "export", "fr", "secret", "password")
def _(r):
    p1, p2 = pw(r, "xml", "fr"), pw(r, "xml", "fr")
    def entry(title, user, p, url, notes):
        return """\
			<Entry>
				<UUID>%s</UUID>
				<String><Key>Title</Key><Value>%s</Value></String>
				<String><Key>UserName</Key><Value>%s</Value></String>
				<String><Key>Password</Key><Value ProtectInMemory="True">%s</Value></String>
				<String><Key>URL</Key><Value>%s</Value></String>
				<String><Key>Notes</Key><Value>%s</Value></String>
			</Entry>""" % (b64(rbytes(r, 16)), title, user, S("password", p), url, notes)
    return ("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n<!-- Export XML KeePass 2.57 — base « Cabinet Morel » -->\n"
            "<KeePassFile>\n\t<Root>\n\t\t<Group>\n\t\t\t<Name>Cabinet</Name>\n"
            + entry("Messagerie OVH (contact@)", "contact@cabinet-morel.fr", p1, "https://www.ovh.com/manager/", "Boîte partagée du secrétariat")
            + "\n"
            + entry("Box Internet (Livebox)", "admin", p2, "http://192.168.1.1", "Ne pas redémarrer pendant les visios")
            + "\n\t\t</Group>\n\t</Root>\n</KeePassFile>")


@T("ex_netrc_heroku_github", "export", "en", "secret", "heroku_api_key")
def _(r):
    hk = "HRKU-AA" + mid(r, 58, B64U)
    return fill("""\
$ cat ~/.netrc
machine api.heroku.com
  login nadia@quaystone.dev
  password ⟦h1⟧
machine git.heroku.com
  login nadia@quaystone.dev
  password ⟦h2⟧
machine github.com
  login nadia-q
  password ⟦gh⟧""", h1=S("heroku_api_key", hk), h2=S("heroku_api_key", hk), gh=S("github_pat", ghp(r)))


@T("ex_git_credentials_store", "export", "en", "secret", "gitlab_pat")
def _(r):
    return fill("""\
$ git config --global credential.helper
store
$ cat ~/.git-credentials
https://mkowalski:⟦gl⟧@gitlab.com
https://mkowalski:⟦gh⟧@github.com
https://build-agent@dev.azure.com""", gl=S("gitlab_pat", glpat(r)), gh=S("github_pat", github_pat(r)))


@T("ex_aws_credentials_file", "export", "en", "secret", "aws_access_key")
def _(r):
    return fill("""\
$ cat ~/.aws/credentials
[default]
aws_access_key_id = ⟦a1⟧
aws_secret_access_key = ⟦s1⟧

[analytics-prod]
aws_access_key_id = ⟦a2⟧
aws_secret_access_key = ⟦s2⟧
aws_session_token = ⟦t2⟧
# expires 2024-06-12T18:40:00Z (assumed via `aws sts assume-role`)""",
                a1=S("aws_access_key_id", aws_id(r)), s1=S("aws_secret_access_key", aws_secret(r)),
                a2=S("aws_access_key_id", aws_id(r, "ASIA")), s2=S("aws_secret_access_key", aws_secret(r)),
                t2=S("aws_session_token", aws_session(r)))


def fake_cert_b64(r):
    body = "\n".join(wrap(b64(bytes.fromhex("308203") + rbytes(r, 760))))
    pemtxt = "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n"
    return b64(pemtxt.encode())


@T("ex_kubeconfig_sa_token", "export", "en", "secret", "kubernetes_token")
def _(r):
    iat = r.randint(1700000000, 1716000000)
    tok = jwt(r, {"aud": ["https://kubernetes.default.svc.cluster.local"], "exp": iat + 31536000, "iat": iat,
                  "iss": "https://kubernetes.default.svc.cluster.local",
                  "kubernetes.io": {"namespace": "ci", "serviceaccount": {"name": "ci-deployer", "uid": uuid4(r)}},
                  "nbf": iat, "sub": "system:serviceaccount:ci:ci-deployer"}, alg="RS256", kid=mid(r, 43, B64U))
    return fill("""\
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: ⟦ca⟧
    server: https://k8s-api.prod.harborline.net:6443
  name: prod
contexts:
- context:
    cluster: prod
    namespace: ci
    user: ci-deployer
  name: ci-deployer@prod
current-context: ci-deployer@prod
users:
- name: ci-deployer
  user:
    token: ⟦tok⟧""", ca=fake_cert_b64(r), tok=S("kubernetes_token", tok))


@T("ex_kubeconfig_client_key_zh", "export", "zh", "secret", "kubeconfig_client_key")
def _(r):
    key = rsa_pkcs1(r) + "\n"
    return fill("""\
# 运维发来的测试集群配置（cluster-admin 权限），保存为 ~/.kube/config-test
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: ⟦ca⟧
    server: https://10.60.1.10:6443
  name: test-cluster
contexts:
- context:
    cluster: test-cluster
    user: kubernetes-admin
  name: kubernetes-admin@test-cluster
current-context: kubernetes-admin@test-cluster
users:
- name: kubernetes-admin
  user:
    client-certificate-data: ⟦crt⟧
    client-key-data: ⟦key⟧""", ca=fake_cert_b64(r), crt=fake_cert_b64(r),
                key=S("kubeconfig_client_key", b64(key.encode())))


@T("ex_bitwarden_json_es", "export", "es", "secret", "password")
def _(r):
    f = uuid4(r)
    def item(name, notes, uri, user, p):
        return {"passwordHistory": None, "revisionDate": "2024-05-30T17:22:41.133Z", "creationDate": "2023-02-11T09:01:12.004Z",
                "deletedDate": None, "id": uuid4(r), "organizationId": None, "folderId": f, "type": 1, "reprompt": 0,
                "name": name, "notes": notes, "favorite": False,
                "login": {"fido2Credentials": [], "uris": [{"match": None, "uri": uri}], "username": user,
                          "password": S("password", p), "totp": None},
                "collectionIds": None}
    data = {"encrypted": False, "folders": [{"id": f, "name": "Asociación de vecinos"}],
            "items": [item("Correo de la asociación", "Cuenta compartida por la junta directiva", "https://webmail.vecinosdelcarmen.org",
                           "junta@vecinosdelcarmen.org", pw(r, "json", "es")),
                      item("Banco – banca online asociación", "Solo tesorería. Firma con SMS al móvil de Pilar", "https://www.bancocooperativo.es",
                           "G12345678", pw(r, "json", "es"))]}
    return json.dumps(data, indent=2, ensure_ascii=False)


@T("ex_docker_config_auths", "export", "en", "secret", "basic_auth")
def _(r):
    a1 = b64(("deploy-bot:" + glpat(r)).encode())
    a2 = b64(("quaystone:" + "dckr_pat_" + mid(r, 27, B64U)).encode())
    return json.dumps({"auths": {"registry.gitlab.com": {"auth": S("basic_auth", a1)},
                                 "https://index.docker.io/v1/": {"auth": S("basic_auth", a2)},
                                 "ghcr.io": {}},
                       "credHelpers": {"412907335518.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login"},
                       "currentContext": "default"}, indent="\t", ensure_ascii=False)


@T("ex_pypirc_token_pt", "export", "pt", "secret", "pypi_token")
def _(r):
    tok = "pypi-AgEIcHlwaS5vcmc" + mid(r, 150, B64U)
    return fill("""\
# ~/.pypirc — publicação dos pacotes da equipe de dados
# (token com escopo só para o projeto "ibge-tools"; não apagar o usuário __token__)
[distutils]
index-servers =
    pypi
    testpypi

[pypi]
username = __token__
password = ⟦tok⟧

[testpypi]
repository = https://test.pypi.org/legacy/
username = __token__
# para o TestPyPI usamos a variável TWINE_PASSWORD na CI""", tok=S("pypi_token", tok))


@T("ex_keepassxc_csv_passphrases_sv", "export", "sv", "secret", "passphrase")
def _(r):
    p1 = pw(r, "json", "sv", shape="phrase")
    p2 = pw(r, "json", "sv", shape="phrase")
    return fill("""\
"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"
"Root/Hemma","Diskkryptering – jobbdatorn (LUKS)","","⟦p1⟧","","Lösenfras vid uppstart, byttes i maj","","0","2024-05-14T19:02:11Z","2022-08-30T07:44:51Z"
"Root/Hemma","Nas i källaren (Synology)","admin","⟦p2⟧","https://nas.hemma.lan:5001","","","0","2024-01-03T12:10:41Z","2021-12-24T10:15:00Z"
"Root/Jobb","Bank-ID","","","","Finns bara i mobilen – ingen kod här","","0","2023-03-01T08:00:00Z","2023-03-01T08:00:00Z\"""",
                p1=S("passphrase", p1), p2=S("passphrase", p2))


@T("ex_vault_kv_get_table", "export", "en", "secret", "password")
def _(r):
    p = pw(r, "json")
    return fill("""\
$ vault kv get kv/payments/prod
======= Secret Path =======
kv/data/payments/prod

======= Metadata =======
Key                Value
---                -----
created_time       2024-06-10T14:02:11.528Z
custom_metadata    <nil>
deletion_time      n/a
destroyed          false
version            15

============ Data ============
Key                      Value
---                      -----
db_host                  pg-payments.internal
db_password              ⟦pw⟧
db_user                  payments_app
razorpay_key_id          rzp_live_⟦rid⟧
razorpay_key_secret      ⟦rs⟧
stripe_webhook_secret    ⟦wh⟧""", pw=S("password", p), wh=S("stripe_webhook_secret", "whsec_" + rs(r, 32)),
                rid=rs(r, 14), rs=S("razorpay_key_secret", rs(r, 24)))


# --- export negatives -------------------------------------------------------


def encstring(r, n):
    return "2.%s|%s|%s" % (b64(rbytes(r, 16)), b64(rbytes(r, n)), b64(rbytes(r, 32)))


@T("ex_bitwarden_encrypted_export", "export", "en", "not_secret", "encrypted_blob")
def _(r):
    return json.dumps({"encrypted": True, "passwordProtected": True, "salt": b64(rbytes(r, 16)),
                       "kdfType": 0, "kdfIterations": 600000, "kdfMemory": None, "kdfParallelism": None,
                       "encKeyValidation_DO_NOT_EDIT": encstring(r, 48),
                       "data": encstring(r, 900)}, indent=2, ensure_ascii=False)


@T("ex_aws_config_sso", "export", "en", "not_secret", "no_credential")
def _(r):
    return fill("""\
$ cat ~/.aws/config
[sso-session harborline]
sso_start_url = https://harborline.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = harborline
sso_account_id = ⟦a1⟧
sso_role_name = PowerUserAccess
region = eu-west-1

[profile prod-readonly]
sso_session = harborline
sso_account_id = ⟦a2⟧
sso_role_name = ReadOnlyAccess
region = eu-west-1
$ aws sso login --sso-session harborline
Attempting to automatically open the SSO authorization page in your default browser.""",
                a1=digits(r, 12), a2=digits(r, 12))


@T("ex_kubeconfig_exec_plugin", "export", "en", "not_secret", "secret_reference")
def _(r):
    return fill("""\
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: ⟦ca⟧
    server: https://⟦eks⟧.gr7.eu-west-1.eks.amazonaws.com
  name: arn:aws:eks:eu-west-1:⟦acct⟧:cluster/platform-prod
users:
- name: platform-prod
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: aws
      args: [eks, get-token, --cluster-name, platform-prod, --region, eu-west-1]
      env:
      - name: AWS_PROFILE
        value: prod-readonly
      interactiveMode: IfAvailable""", ca=fake_cert_b64(r), eks=hexs(r, 32).upper(), acct=digits(r, 12))


@T("ex_netrc_placeholder_nl", "export", "nl", "not_secret", "placeholder")
def _(r):
    return """\
# netrc.voorbeeld — kopieer naar ~/.netrc (chmod 600) en vul je eigen gegevens in.
# Gebruik een persoonlijk toegangstoken, NIET je wachtwoord.
machine gitlab.gemeente-intern.nl
  login JOUW_GEBRUIKERSNAAM
  password VUL_HIER_JE_TOKEN_IN

machine nexus.gemeente-intern.nl
  login <gebruikersnaam>
  password <token uit Nexus → Profiel → User Token>"""


@T("ex_git_credential_manager_ru", "export", "ru", "not_secret", "secret_reference")
def _(r):
    return """\
PS C:\\Users\\a.petrov\\source\\crm> git config --show-origin --get-all credential.helper
file:C:/Program Files/Git/etc/gitconfig	manager
PS C:\\Users\\a.petrov\\source\\crm> git push
info: please complete authentication in your browser...
Enumerating objects: 9, done.
Writing objects: 100% (5/5), 1.02 KiB | 1.02 MiB/s, done.
To https://github.com/neva-soft/crm.git
   3f1c2aa..8d90b41  feature/otchety -> feature/otchety
# Токен хранится в «Диспетчере учётных данных Windows» (git:https://github.com), в репозитории и в .gitconfig его нет.
# Чтобы сбросить: cmdkey /delete:git:https://github.com"""


@T("ex_1password_op_references", "export", "en", "not_secret", "secret_reference")
def _(r):
    return """\
$ cat .env.tpl
DATABASE_URL=op://Engineering/payments-db-prod/connection-string
STRIPE_SECRET_KEY=op://Engineering/Stripe live/secret key
SENTRY_AUTH_TOKEN=op://Engineering/Sentry CI/credential
$ op run --env-file=.env.tpl -- printenv STRIPE_SECRET_KEY
<concealed by 1Password>
$ op item get "Stripe live" --vault Engineering --fields label=username
payments@harborline.net"""


@T("ex_keepass_protected_values", "export", "en", "not_secret", "encrypted_blob")
def _(r):
    return fill("""\
<!-- KeePass database XML (inner stream still encrypted: protected values are ChaCha20 ciphertext) -->
<Entry>
	<UUID>⟦u⟧</UUID>
	<Times><LastModificationTime>⟦t⟧</LastModificationTime></Times>
	<String><Key>Title</Key><Value>Domain admin (break glass)</Value></String>
	<String><Key>UserName</Key><Value>CORP\\da-breakglass</Value></String>
	<String><Key>Password</Key><Value Protected="True">⟦v1⟧</Value></String>
	<String><Key>otp</Key><Value Protected="True">⟦v2⟧</Value></String>
	<String><Key>URL</Key><Value>rdp://dc01.corp.local</Value></String>
</Entry>""", u=b64(rbytes(r, 16)), t=b64(rbytes(r, 8)), v1=b64(rbytes(r, 24)), v2=b64(rbytes(r, 48)))


@T("ex_bitwarden_csv_empty_passwords_pl", "export", "pl", "not_secret", "empty_value")
def _(r):
    return """\
folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
Praca,,login,Microsoft 365 (firma),Logowanie kluczem dostępu (passkey) – brak hasła,,0,https://login.microsoftonline.com,j.wisniewska@biuro-rachunkowe.pl,,
Praca,,login,Slack,Logowanie przez Google – hasło niepotrzebne,,0,https://biuro-rachunkowe.slack.com,j.wisniewska@biuro-rachunkowe.pl,,
Prywatne,,login,Allegro,Konto usunięte w 2023 – zostawione dla historii zamówień,,0,https://allegro.pl,,,
Prywatne,,login,Profil Zaufany,Logowanie przez bank (PKO) – tu nic nie przechowuję,,0,https://pz.gov.pl,,,"""


@T("ex_vault_kv_metadata", "export", "en", "not_secret", "identifier")
def _(r):
    return """\
$ vault kv metadata get kv/payments/prod
======= Metadata Path =======
kv/metadata/payments/prod

========== Metadata ==========
Key                     Value
---                     -----
cas_required            false
created_time            2023-01-17T09:12:44.019Z
current_version         15
delete_version_after    0s
max_versions            20
oldest_version          1
updated_time            2024-06-10T14:02:11.528Z

====== Version 15 ======
Key              Value
---              -----
created_time     2024-06-10T14:02:11.528Z
deletion_time    n/a
destroyed        false

====== Version 14 ======
Key              Value
---              -----
created_time     2024-03-11T08:40:02.915Z
deletion_time    n/a
destroyed        false"""

# ===========================================================================
# group: prose — messages and documents with human passwords, PINs, codes
# ===========================================================================

BIP39 = ["orange", "window", "travel", "cabbage", "pistol", "anchor", "velvet", "mercy", "dolphin",
         "harvest", "lunar", "oxygen", "gravity", "muffin", "tenant", "ripple", "sketch", "brave",
         "elbow", "fossil", "glimpse", "hobby", "ivory", "jungle", "kitten", "ladder", "magnet",
         "napkin", "object", "parade", "rescue", "saddle", "thunder", "uniform", "vacant", "wagon",
         "yellow", "zebra"]


@T("pr_family_chat_wifi_de", "prose", "de", "secret", "password")
def _(r):
    p = pw(r, "prose", "de")
    return fill("""\
[12.06.24, 19:42] Mama: Kinder, Oma hat jetzt endlich WLAN! 🎉 Das Netz heißt „FRITZ!Box 7530 KL“ und das Passwort ist ⟦pw⟧
[12.06.24, 19:43] Mama: Steht auch auf dem Zettel am Kühlschrank, falls ihr am Sonntag kommt.
[12.06.24, 19:45] Jonas: 👍 Tablet von Opa ist verbunden
[12.06.24, 19:46] Lea: Kannst du bei Gelegenheit den Netzwerknamen ändern? Dann sieht man gleich, dass es Omas ist 😄""",
                pw=S("password", p))


@T("pr_office_opening_alarm_code_it", "prose", "it", "secret", "pin")
def _(r):
    c = pin(r, 6)
    return fill("""\
ISTRUZIONI PER CHI APRE LO STUDIO (turno del sabato)

1. Entrare dalla porta laterale in via Garibaldi con la chiave n. 3.
2. Entro 30 secondi digitare sul tastierino dell'allarme il codice ⟦c⟧ e premere OFF.
   Se l'allarme suona comunque, chiamare la vigilanza Securitas al numero verde e dire «studio Ferretti, operatore 2».
3. Accendere il server nello sgabuzzino solo se è spento (di solito resta acceso).
4. Alla chiusura: codice di nuovo, poi ON, e uscire entro 45 secondi.

Il codice cambia ogni trimestre: questo vale fino al 30 settembre.""", c=S("pin", c))


@T("pr_family_streaming_password_pt", "prose", "pt", "secret", "password")
def _(r):
    p = pw(r, "prose", "pt")
    return fill("""\
Família Souza 🏠 (grupo do Telegram)

Cláudia: Gente, precisei trocar a senha da Netflix porque alguém de fora estava usando a conta 😤
Cláudia: O e-mail continua o mesmo (familia.souza@gmail.com), a senha nova é ⟦pw⟧
Cláudia: Vovó, se a TV pedir para entrar de novo, me liga que eu te ajudo por vídeo.
Marcos: Valeu, mãe! Já entrei no notebook.""", pw=S("password", p))


@T("pr_google_backup_codes_ja", "prose", "ja", "secret", "recovery_code")
def _(r):
    codes = []
    while len(codes) < 6:
        c = digits(r, 4) + " " + rs(r, 4, DG)
        if c not in codes:
            codes.append(c)
    lines = "\n".join("  %d. %s" % (i + 1, S("recovery_code", c)) for i, c in enumerate(codes))
    return fill("""\
メモ：母のスマホ機種変更の準備（6/15 ドコモショップ予約 14:00）

・Google アカウント：kazuko.yamada.1958@gmail.com
・2段階認証のバックアップコード（1つにつき1回だけ使える）
⟦lines⟧
・LINE の引き継ぎはアカウント引き継ぎ設定を前日にオンにしておく
・おサイフケータイの残高は店舗で移せないので、先に使い切る""", lines=lines)


@T("pr_bitlocker_recovery_key", "prose", "en", "secret", "recovery_code")
def _(r):
    key = "-".join(rs(r, 6, DG) for _ in range(8))
    return fill("""\
Hi Marcus,

Your laptop (LAPTOP-HR-014) is asking for the BitLocker recovery key after the BIOS update. I looked it up in Intune:

Recovery key ID: ⟦kid⟧
Recovery key: ⟦key⟧

Type the 48 digits on the blue screen (the dashes are added automatically). Once Windows starts, restart
once more and it should stop asking. I'll rotate the key from Intune tomorrow morning.

Ellie, IT""", kid=uuid4(r).upper()[:8], key=S("recovery_code", key))


@T("pr_wallet_seed_phrase_ko", "prose", "ko", "secret", "seed_phrase")
def _(r):
    words = " ".join(r.sample(BIP39, 12))
    return fill("""\
나에게 보내는 메모 (카카오톡 '나와의 채팅')

하드웨어 지갑 복구 문구 — 절대 다른 사람한테 보여주지 말 것!
⟦w⟧

- 순서 중요. 종이 백업은 본가 금고에 있음
- 지갑 앱 잠금 PIN은 생일 아님 (따로 기억)
- 거래소 출금 주소 화이트리스트는 다음 달에 정리""", w=S("seed_phrase", words))


@T("pr_sim_pin_puk_es", "prose", "es", "secret", "pin")
def _(r):
    p1, p2 = pin(r, 4), rs(r, 8, DG)
    return fill("""\
Mamá, ya te he metido la tarjeta SIM nueva en el móvil. Cuando lo enciendas te va a pedir el PIN: es ⟦p1⟧.
Si lo pones mal tres veces se bloquea y entonces pide el PUK, que es ⟦p2⟧ (lo tienes también en la tarjeta de
plástico grande que guardé en el cajón de la entrada). Cualquier cosa me llamas al fijo, ¿vale? Un beso.""",
                p1=S("pin", p1), p2=S("pin", p2))


@T("pr_shop_accounts_doc_vi", "prose", "vi", "secret", "password")
def _(r):
    p = pw(r, "prose", "vi")
    return fill("""\
TÀI KHOẢN QUẢN LÝ SHOP — Mỹ phẩm Hoa Sen (chỉ chia sẻ cho nhân viên trực page)

1. Shopee Kênh Người Bán
   - Tên đăng nhập: myphamhoasen.official
   - Mật khẩu: ⟦pw⟧
   - Mã OTP gửi về số của chị Hạnh, cần thì nhắn chị ấy.
2. Fanpage Facebook: mọi người dùng tài khoản cá nhân, chị đã thêm quyền biên tập.
3. Ca trực: sáng 8h–14h (Linh), chiều 14h–22h (Tuấn). Trả lời tin nhắn khách trong vòng 15 phút.""",
                pw=S("password", p))


@T("pr_guest_house_wifi_ar", "prose", "ar", "secret", "password")
def _(r):
    p = pw(r, "prose", "ar")
    return fill("""\
أهلاً وسهلاً بكم في شقتنا بالإسكندرية 🌊

• اسم شبكة الواي فاي: Villa_Yasmin_5G
• كلمة المرور: ⟦pw⟧
• موعد تسجيل الخروج: الساعة 12 ظهرًا، يرجى ترك المفتاح في الصندوق بجانب الباب.
• للطوارئ اتصلوا بأحمد على الرقم المكتوب على الثلاجة.

نتمنى لكم إقامة سعيدة!""", pw=S("password", p))


@T("pr_new_office_email_id", "prose", "id", "secret", "password")
def _(r):
    p = pw(r, "prose", "id")
    return fill("""\
Pak Budi (WhatsApp, 09.12):
Mbak Sari, email kantor kamu sudah dibuatkan sama vendor IT ya.
Alamat: sari.wulandari@cvmakmurjaya.co.id
Kata sandi awal: ⟦pw⟧
Login lewat https://mail.cvmakmurjaya.co.id, nanti sistem minta ganti kata sandi. Kalau ada kendala langsung
tanya Mas Dedi di bagian gudang, dia yang pegang urusan komputer.""", pw=S("password", p))


@T("pr_router_admin_note_el", "prose", "el", "secret", "password")
def _(r):
    p = pw(r, "prose", "el")
    return fill("""\
Σημείωμα για τον Νίκο (τεχνικός)

Καλημέρα Νίκο, το ρούτερ του καταστήματος είναι στο πίσω δωμάτιο, πάνω από το ψυγείο με τα αναψυκτικά.
Σελίδα διαχείρισης: http://192.168.1.1
Χρήστης: admin
Κωδικός: ⟦pw⟧
Αν χρειαστεί επανεκκίνηση, κάν' την μετά τις 3 το μεσημέρι που δεν έχουμε κόσμο. Ευχαριστώ, Ελένη""",
                pw=S("password", p))


@T("pr_gate_code_hu", "prose", "hu", "secret", "pin")
def _(r):
    c = pin(r, 5)
    return fill("""\
Sziasztok! Szombaton a kertes házban tartjuk a szülinapot 🎈
A kapu kódja ⟦c⟧, utána nyomjátok meg a kulcs gombot. Az autókkal álljatok be az udvarra, a ház mögött is van hely.
Ha valaki később jön és nem nyílik a kapu, hívjon fel, kiszaladok. Hozzatok fürdőruhát, a medence már tiszta!""",
                c=S("pin", c))


@T("pr_bank_codeword_uk", "prose", "uk", "secret", "passphrase")
def _(r):
    cw = r.choice(["Рудий кіт Мурчик", "Бабусина вишня", "Зелений трамвай", "Солодкий узвар"]) + " " + str(r.randint(1960, 1999))
    return fill("""\
Тату, записую тобі, щоб не загубилося:

Якщо телефонуєш у банк на гарячу лінію, оператор спитає кодове слово. Наше кодове слово: ⟦cw⟧
Нікому його не кажи, якщо дзвонять тобі самі — навіть якщо представляються банком. Банк сам ніколи не питає
кодове слово у вхідному дзвінку, тільки коли ти телефонуєш.

Картку я перевипустив, нова прийде на «Нову пошту» в четвер.""", cw=S("passphrase", cw))


@T("pr_usb_disk_passphrase_sv", "prose", "sv", "secret", "passphrase")
def _(r):
    p = " ".join(r.sample(PHRASE["sv"], 4)) + " " + str(r.randint(10, 99))
    return fill("""\
Till Anna (om något händer mig)

Den krypterade USB-disken med alla familjefoton ligger i den blå pärmen i bokhyllan.
Lösenfrasen är: ⟦p⟧
Skriv den exakt så, med små bokstäver och mellanslag. Disken fungerar med både Mac och Windows
(VeraCrypt finns installerat på den gamla bärbara datorn).

Kram, pappa""", p=S("passphrase", p))


@T("pr_house_sitter_note_nl", "prose", "nl", "secret", "password")
def _(r):
    c = pin(r, 4)
    p = pw(r, "prose", "nl")
    return fill("""\
Hoi Femke, fijn dat je op Bollie past! Een paar dingen:

- Alarm: bij binnenkomst binnen 30 seconden ⟦c⟧ intoetsen op het paneel in de gang, daarna op ✓ drukken.
- Wifi: netwerk „deBoer-thuis“, wachtwoord ⟦pw⟧
- Bollie krijgt ’s ochtends en ’s avonds één schepje brokken, niet meer (ook al kijkt hij zielig).
- De kliko (groen) moet donderdagavond aan de straat.

We zijn zondag rond 18.00 uur terug. Dank je wel!""", c=S("pin", c), pw=S("password", p))


@T("pr_data_box_login_cs", "prose", "cs", "secret", "password")
def _(r):
    p = pw(r, "prose", "cs")
    return fill("""\
Ahoj Jano,

od pondělí za mě přebíráš poštu z datové schránky firmy, tak ti posílám přihlašovací údaje:
  uživatelské jméno: x7kq2mf
  heslo: ⟦pw⟧
Přihlašuje se na www.mojedatovaschranka.cz. Doručené zprávy prosím stahuj každý den do složky
„Úřady“ na sdíleném disku a faktury přeposílej Petře do účtárny. Heslo si po prvním přihlášení změň.

Díky, Martina""", pw=S("password", p))


# --- prose negatives --------------------------------------------------------


@T("pr_password_policy_intranet_de", "prose", "de", "not_secret", "password_policy")
def _(r):
    return """\
Intranet › IT › Richtlinien › Passwörter (gültig ab 01.07.2024)

Für alle Konten der Stadtverwaltung gilt:
• Mindestens 12 Zeichen; empfohlen ist eine Passphrase aus vier zufälligen Wörtern.
• Keine Namen, Geburtsdaten oder Kfz-Kennzeichen.
• Dasselbe Passwort darf nicht für private Dienste verwendet werden.
• Ein Wechsel ist nur noch nötig, wenn ein Verdacht auf Kompromittierung besteht.
• Passwörter werden niemals per E-Mail, Telefon oder Chat weitergegeben – auch nicht an die IT.

Ansprechpartner: IT-Sicherheit, Herr Kowalczyk, Tel. 0711 216-4410"""


@T("pr_taxisnet_advice_el", "prose", "el", "not_secret", "security_advice")
def _(r):
    return """\
Γιώργο, μην στείλεις τους κωδικούς Taxisnet στον λογιστή με μήνυμα. Είναι προσωπικοί και με αυτούς
μπαίνει κανείς σε όλα: εφορία, ΕΦΚΑ, ακόμα και gov.gr. Ο λογιστής μπορεί να πάρει εξουσιοδότηση
από τη δική του πρόσβαση, του δίνεις μόνο το ΑΦΜ σου. Αν τους έχεις ήδη στείλει, άλλαξέ τους σήμερα."""


@T("pr_cafe_wifi_ssid_vi", "prose", "vi", "not_secret", "wifi_ssid")
def _(r):
    return """\
Chào mừng bạn đến Cà phê Gác Nhỏ ☕
• Wi-Fi: tên mạng "GacNho_Khach" (tầng 1) hoặc "GacNho_Tang2" (tầng 2)
• Mật khẩu Wi-Fi in trên hóa đơn của bạn và đổi mỗi ngày — cần thì hỏi bạn thu ngân nhé.
• Quán mở cửa 7h00–22h30, ổ cắm sạc ở dãy bàn cạnh cửa sổ.
Chúc bạn một ngày làm việc hiệu quả!"""


@T("pr_password_hint_fr", "prose", "fr", "not_secret", "password_hint")
def _(r):
    return """\
Papa, pour l'ordinateur du salon, tu te souviens du mot de passe ? C'est le prénom du chien avec une majuscule,
suivi de l'année où on a emménagé dans la maison, et un point d'exclamation à la fin. Si ça ne marche pas,
n'essaie pas plus de trois fois, sinon la session se bloque pendant une heure. Je t'appelle ce soir. Bisous, Chloé"""


@T("pr_reset_notice_es", "prose", "es", "not_secret", "reset_notice")
def _(r):
    return """\
Hola Carmen, te he restablecido la contraseña del programa de nóminas como me pediste.
En unos minutos te llegará un SMS al móvil con un enlace para elegir una nueva; el enlace caduca en una hora.
Si no te llega, revisa que el número que tenemos sea el acabado en 42 y me dices. ¡Buen fin de semana!
— Álvaro (informática)"""


@T("pr_onboarding_template_ja", "prose", "ja", "not_secret", "placeholder")
def _(r):
    return """\
【入社初日のご案内（テンプレート）】

〇〇 様

ご入社おめでとうございます。初日に使用するアカウント情報は以下のとおりです。

　社員番号：＜社員番号＞
　メールアドレス：＜氏名ローマ字＞@＜会社ドメイン＞
　初期パスワード：＜人事からお渡しする封筒をご確認ください＞

初回ログイン時にパスワードの変更と多要素認証の設定をお願いします。
ご不明な点は情報システム部（内線 3300）までお問い合わせください。"""


@T("pr_out_of_band_ko", "prose", "ko", "not_secret", "out_of_band_notice")
def _(r):
    return """\
팀장님, 거래처 세금계산서 발행용 홈택스 공동 계정은 제가 오늘 오후에 새로 만들었습니다.
아이디는 팀 메일로 보내드렸고, 비밀번호는 보안상 따로 문자로 보내드릴게요.
인증서 비밀번호도 같은 날 바꿨으니, 이전에 저장해 두신 건 지워 주세요. 감사합니다!"""


@T("pr_hotel_wifi_ssid_ru", "prose", "ru", "not_secret", "wifi_ssid")
def _(r):
    return """\
Добрый день, Ирина! Спасибо, что выбрали нашу гостиницу.

Немного полезной информации на время проживания:
• Завтрак с 7:00 до 10:30 на первом этаже.
• Wi-Fi: сеть «Neva_Hotel_Guest». Пароль меняется каждый день — его можно узнать на ресепшене или
  на карточке в номере.
• Трансфер в аэропорт Пулково заказывается накануне до 20:00.

Хорошего отдыха в Санкт-Петербурге!"""


@T("pr_rent_transfer_iban_ar", "prose", "ar", "not_secret", "account_number")
def _(r):
    iban = "SA" + rs(r, 2, DG) + " " + " ".join(rs(r, 4, DG) for _ in range(5))
    return fill("""\
مرحبًا أستاذ خالد،
هذه بيانات الحساب لتحويل إيجار شهر يونيو:
اسم المستفيد: مؤسسة النخلة العقارية
رقم الآيبان: ⟦iban⟧
البنك: البنك الأهلي السعودي
يرجى كتابة رقم الشقة (14) في خانة الملاحظات. شكرًا لك!""", iban=iban)


@T("pr_pix_key_split_bill_pt", "prose", "pt", "not_secret", "account_number")
def _(r):
    return fill("""\
Pessoal, o churrasco de sábado deu R$ 62,50 por pessoa (carne, carvão e bebida). 🍖
Podem mandar o Pix pra mim até sexta:
Chave Pix (aleatória): ⟦k⟧
Nome: Thiago R. Lima — Nubank
Quem já pagou: Bia, Dudu e Rafa. Valeu!""", k=uuid4(r))


@T("pr_case_numbers_it", "prose", "it", "not_secret", "identifier")
def _(r):
    return fill("""\
Ciao Marta, per la pratica dell'assicurazione auto ti giro i riferimenti che mi hanno chiesto:
- numero sinistro: ⟦s⟧
- numero polizza: ⟦p⟧
- targa: GK 418 ZR
Il perito passa giovedì tra le 9 e le 12. Ti avviso appena mi mandano la perizia.""",
                s="SIN-2024-" + digits(r, 6), p=rs(r, 3, UP) + digits(r, 8))


@T("pr_card_pin_letter_pl", "prose", "pl", "not_secret", "out_of_band_notice")
def _(r):
    return """\
Babciu, bank wysłał nową kartę, bo stara traciła ważność w czerwcu. Karta przyjdzie listem poleconym,
a PIN osobno, w drugiej kopercie, kilka dni później – tak ma być, nie martw się. Jak przyjdą oba listy,
zadzwoń do mnie, to razem aktywujemy kartę w bankomacie przy Biedronce. Nikomu nie podawaj PIN-u przez telefon!"""


@T("pr_parcel_tracking_cs", "prose", "cs", "not_secret", "identifier")
def _(r):
    return fill("""\
Ahoj Petře, posílám ti tu objednávku pro tátu (nová sekačka). Číslo objednávky je ⟦o⟧ a zásilka
jede přes PPL, sledovací číslo ⟦t⟧. Doručení má být ve středu mezi 12 a 16 hodinou, tak
prosím buď doma nebo dej vědět sousedům. Díky!""", o=digits(r, 10), t=digits(r, 11))


@T("pr_training_dummy_password_id", "prose", "id", "not_secret", "dummy_value")
def _(r):
    return """\
Materi Pelatihan Admin Sekolah — Modul 2: Membuat Akun Guru

Langkah 3. Isi formulir "Tambah Pengguna":
   Nama pengguna : guru.contoh
   Kata sandi    : password123   ← hanya contoh untuk latihan di server uji coba!
Langkah 4. Centang "Wajib ganti kata sandi saat login pertama", lalu klik Simpan.

Catatan: jangan pernah memakai kata sandi seperti contoh di atas untuk akun sungguhan. Gunakan minimal
12 karakter dan aktifkan verifikasi dua langkah."""


@T("pr_wifi_rotation_hu", "prose", "hu", "not_secret", "rotation_notice")
def _(r):
    return """\
Kedves Kollégák!

Hétfőtől megváltozik az irodai vendég Wi-Fi jelszava (a régi hétfő reggel 8-kor megszűnik).
Az újat a recepción kérhetitek el, illetve kint lesz a tárgyalók ajtaján lévő kártyán.
A munkahelyi hálózatot („Iroda-Belso”) a változás nem érinti.

Köszönöm,
Kata (irodavezető)"""


@T("pr_family_vault_notice_en", "prose", "en", "not_secret", "out_of_band_notice")
def _(r):
    return """\
Hey all, I changed the Disney+ and Spotify passwords this morning because Spotify flagged a login from
another country. The new ones are in the shared "Family" vault in Bitwarden. Grandpa, I'll come round on
Saturday and put them in the TV for you myself, so don't worry about typing anything. Love, Jess"""

# ===========================================================================
# build, validate, stats
# ===========================================================================


def _is_word(c):
    return c.isascii() and (c.isalnum() or c == "_")


def build():
    names = [t["name"] for t in TEMPLATES]
    assert len(set(names)) == len(names), "duplicate template name"
    order = list(range(len(TEMPLATES)))
    random.Random(SEED).shuffle(order)
    rows, meta = [], []
    for i, ti in enumerate(order):
        t = TEMPLATES[ti]
        r = random.Random(SEED + "/" + t["name"])
        text, ents = parse(t["fn"](r))
        rows.append({
            "id": "%s%03d" % (ID_PREFIX, i),
            "text": text,
            "label": t["label"],
            "type": t["type"],
            "entities": [{"type": e["type"], "start": e["start"], "end": e["end"], "value": e["value"]}
                         for e in ents],
            "spans_known": True,
            "source": dict(SOURCE),
        })
        meta.append((t, ents))
    validate(rows, meta)
    return rows


def validate(rows, meta):
    assert 230 <= len(rows) <= 250, len(rows)
    texts = set()
    for row, (t, ents) in zip(rows, meta):
        name = t["name"]
        text = row["text"]
        assert t["group"] in dict(GROUPS), name
        assert t["lang"] in LANGS, name
        assert row["label"] in ("secret", "not_secret"), name
        assert text not in texts, "duplicate text: " + name
        texts.add(text)
        assert not any(c in text for c in (_O, _G, _M, _C, "\u27e6", "\u27e7")), name
        if row["label"] == "not_secret":
            assert not ents, "negative with entities: " + name
            continue
        assert ents, "secret without entities: " + name
        assert any(e["type"].startswith(row["type"]) for e in ents), "row type not among entity types: " + name
        spans = sorted((e["start"], e["end"]) for e in ents)
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert e1 <= s2, "overlapping spans: " + name
        for e in ents:
            s, en, v = e["start"], e["end"], e["value"]
            assert text[s:en] == v, name
            assert v and not v[0].isspace() and not v[-1].isspace(), "whitespace at span end: " + name
            if s > 0 and _is_word(text[s - 1]) and _is_word(text[s]) and not e["glued"]:
                raise AssertionError("span starts inside a word: %s %r" % (name, text[s - 5:s + 5]))
            if en < len(text) and _is_word(text[en - 1]) and _is_word(text[en]):
                raise AssertionError("span ends inside a word: %s %r" % (name, text[en - 5:en + 5]))
            for d in DOC_EXAMPLES:
                assert d not in v, "documentation example marked: " + name
            # every occurrence of the value must be covered by a span
            i = text.find(v)
            while i != -1:
                assert any(a <= i and i + len(v) <= b for a, b in spans), \
                    "unmarked occurrence of %r in %s" % (v[:20], name)
                i = text.find(v, i + 1)
    sec = [x for x in rows if x["label"] == "secret"]
    share = len(sec) / len(rows)
    assert 0.50 <= share <= 0.57, share
    non_en = sum(1 for _, (t, _e) in zip(rows, meta) if t["lang"] != "en")
    assert 0.35 <= non_en / len(rows) <= 0.50, non_en / len(rows)
    human = sum(1 for x in sec if x["type"] in HUMAN_TYPES)
    assert 0.35 <= human / len(sec) <= 0.50, human / len(sec)
    assert len({t["lang"] for t, _ in meta if t["lang"] != "en"}) >= 14


def serialize(rows):
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows).encode("utf-8")


def stats(rows):
    by_name = {t["name"]: t for t in TEMPLATES}
    order = list(range(len(TEMPLATES)))
    random.Random(SEED).shuffle(order)
    tmpl = [TEMPLATES[i] for i in order]
    out = []
    n = len(rows)
    sec = [x for x in rows if x["label"] == "secret"]
    neg = [x for x in rows if x["label"] == "not_secret"]
    non_en = sum(1 for t in tmpl if t["lang"] != "en")
    human = sum(1 for x in sec if x["type"] in HUMAN_TYPES)
    out.append("rows: %d" % n)
    out.append("label: not_secret %d, secret %d  (secret share %.1f%%)" % (len(neg), len(sec), 100.0 * len(sec) / n))
    out.append("non-English rows: %d (%.1f%%)" % (non_en, 100.0 * non_en / n))
    out.append("templates: %d (each used once)" % len(by_name))
    out.append("human-password rows (%s): %d of %d secret rows (%.1f%%)"
               % (", ".join(sorted(HUMAN_TYPES)), human, len(sec), 100.0 * human / len(sec)))
    out.append("")
    out.append("%-20s %7s %11s %6s" % ("group", "secret", "not_secret", "total"))
    for g, _desc in GROUPS:
        s = sum(1 for t, x in zip(tmpl, rows) if t["group"] == g and x["label"] == "secret")
        ng = sum(1 for t, x in zip(tmpl, rows) if t["group"] == g and x["label"] == "not_secret")
        out.append("  %-18s %7d %11d %6d" % (g, s, ng, s + ng))
    out.append("")
    out.append("%-20s %7s %11s %6s" % ("language", "secret", "not_secret", "total"))
    for code in LANGS:
        s = sum(1 for t, x in zip(tmpl, rows) if t["lang"] == code and x["label"] == "secret")
        ng = sum(1 for t, x in zip(tmpl, rows) if t["lang"] == code and x["label"] == "not_secret")
        if s + ng:
            out.append("  %-2s %-15s %7d %11d %6d" % (code, LANGS[code], s, ng, s + ng))
    for label, title in (("secret", "row type (secret, %d kinds):"), ("not_secret", "row type (not_secret, %d kinds):")):
        c = Counter(x["type"] for x in rows if x["label"] == label)
        out.append("")
        out.append(title % len(c))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append("  %-34s %d" % (k, v))
    c = Counter(e["type"] for x in rows for e in x["entities"])
    out.append("")
    out.append("entity type (%d spans, %d kinds):" % (sum(c.values()), len(c)))
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append("  %-34s %d" % (k, v))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="rebuild and compare with holdout.jsonl")
    ap.add_argument("--stats", action="store_true", help="print aggregate counts")
    a = ap.parse_args()
    rows = build()
    data = serialize(rows)
    if a.check:
        with open(OUT, "rb") as f:
            old = f.read()
        if old != data:
            print("holdout.jsonl differs from a fresh build", file=sys.stderr)
            return 1
        print("holdout.jsonl matches a fresh build (%d rows)" % len(rows))
        return 0
    if a.stats:
        print(stats(rows))
        return 0
    with open(OUT, "wb") as f:
        f.write(data)
    print("wrote %s (%d rows)" % (OUT, len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
