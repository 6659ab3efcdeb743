#!/usr/bin/env python3
"""general14 -- blind hold-out set for the secrets detector ("the platform team's week").

Every row comes from one hand-written template below; each template is used
exactly once. Credential values are random strings in the documented public
shape of each kind; none is a real credential.

    python3 gen.py           write holdout.jsonl and validate it
    python3 gen.py --check   rebuild and compare byte for byte with holdout.jsonl
    python3 gen.py --stats   print counts by label, group, language and kind

Standard library only. Template t draws from
random.Random("parapet/general14/holdout/v1/" + t); the row order comes from
random.Random("parapet/general14/holdout/v1"). String seeds are hashed with
SHA-512, so the output does not depend on PYTHONHASHSEED.
"""

import base64
import collections
import hashlib
import json
import os
import random
import re
import string
import struct
import sys
import textwrap

SEED = "parapet/general14/holdout/v1"
REPO = "handwritten/general14"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "ja": "Japanese", "zh": "Chinese", "ko": "Korean",
    "ru": "Russian", "pl": "Polish", "tr": "Turkish", "vi": "Vietnamese",
    "id": "Indonesian", "hi": "Hindi", "ar": "Arabic",
}
GROUPS = ["k8s", "iac", "cicd", "registry", "observability", "data",
          "messaging", "identity", "cloud", "keys", "incident"]
HUMAN_PASSWORD_TYPES = {"password", "password_base64", "passphrase"}

# Published documentation examples: never marked as a secret.
DOC_EXAMPLES = [
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AKIAI44QH8DHBEXAMPLE",
    "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
    "hvs.EXAMPLE",
    "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
]

# ---------------------------------------------------------------- alphabets
UP = string.ascii_uppercase
LO = string.ascii_lowercase
DIG = string.digits
ALNUM = UP + LO + DIG
HEX = "0123456789abcdef"
HEXUP = "0123456789ABCDEF"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
B32 = UP + "234567"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def rs(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


def rbytes(r, n):
    return bytes(r.getrandbits(8) for _ in range(n))


def b64(b):
    return base64.b64encode(b).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def uuid4(r):
    h = rs(r, HEX, 32)
    h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def digits(r, n):
    return str(r.randint(1, 9)) + rs(r, DIG, n - 1)


def wrap(s, n=64):
    return "\n".join(s[i:i + n] for i in range(0, len(s), n))


def D(s):
    """Dedent a template and drop the first and last newline."""
    s = textwrap.dedent(s)
    if s.startswith("\n"):
        s = s[1:]
    if s.endswith("\n"):
        s = s[:-1]
    return s


def indent(s, pad):
    return "\n".join(pad + line if line else line for line in s.split("\n"))


# ---------------------------------------------------------------- human passwords
WORDS = {
    "en": ["Harbor", "Falcon", "Granite", "Sunset", "Maple", "Orbit", "Copper", "Willow", "Thunder", "Rocket"],
    "de": ["Sonnenblume", "Kuckuck", "Zugspitze", "Brezel", "Schwalbe", "Eichhorn", "Fernweh", "Gartenzaun"],
    "fr": ["Papillon", "Croissant", "Marmotte", "Tournesol", "Cerise", "Grenouille", "Soleil"],
    "es": ["Mariposa", "Girasol", "Tortuga", "Relampago", "Naranja", "Estrella"],
    "pt": ["Saudade", "Cajueiro", "Jabuti", "Beija", "Tucano", "Goiaba"],
    "it": ["Farfalla", "Girasole", "Tramonto", "Limone", "Cavallo"],
    "pl": ["Bursztyn", "Wiewiorka", "Pierogi", "Zuraw", "Jezioro"],
    "ru": ["Matryoshka", "Berezka", "Solnyshko", "Medved", "Rodina"],
    "ja": ["Sakura", "Tanuki", "Fujiyama", "Hanabi", "Kaminari", "Tsubame"],
    "zh": ["Xiongmao", "Longjing", "Chunjie", "Yueliang", "Huanghe"],
    "ko": ["Haneul", "Bulgogi", "Saranghae", "Hangang", "Mugunghwa"],
    "tr": ["Lale", "Simit", "Kartal", "Deniz", "Yildiz", "Cinar"],
    "vi": ["Hoasen", "Phobo", "Saigon", "Mattroi", "Quehuong"],
    "id": ["Merdeka", "Rendang", "Garuda", "Melati", "Nusantara"],
    "hi": ["Suraj", "Chandni", "Himalaya", "Ganga", "Tiranga"],
    "ar": ["Qamar", "Sahara", "Yasmin", "Nakhla", "Bahr"],
}
LOWER_WORDS = ["river", "lantern", "cobalt", "pepper", "violet", "glacier", "tundra",
               "saffron", "meadow", "quartz", "harvest", "marble", "cricket", "bamboo",
               "ember", "walrus", "nimbus", "fjord", "papaya", "sonar", "tulip", "basalt"]
UNI_WORDS = ["Müllerstraße", "Łódź", "Ñandú", "Ördek", "Żubrówka", "Ямщик", "Crème",
             "Ğüneş", "Đàlạt", "Kökörcsin", "Ärmelkanal", "Søndag", "Çilek"]
WALKS = ["1qaz2wsx", "q1w2e3r4t5", "zaq12wsx", "qwerty123", "asdfgh", "1q2w3e4r",
         "!QAZ2wsx", "qazwsxedc", "zxcvbnm1", "poiuytrewq"]
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}

SYM = {
    "url": "-_.~",                 # URL userinfo, JDBC/AMQP/Redis URLs
    "std": "!*+-_.=^~?,@%",        # INI, conn strings, single-quoted shell, YAML/JSON strings
    "env": "-_.+=*^~,",            # unquoted .env / bare YAML values / HCL
}


def password(r, ctx="std", lang=None, unicode_ok=False, spaces_ok=False, shape=None):
    sym = SYM[ctx]
    shapes = ["word_digits", "two_words", "passphrase", "random", "walk", "leet"]
    if unicode_ok and ctx != "url":
        shapes.append("unicode")
    if shape is None:
        shape = r.choice(shapes)
    pool = WORDS.get(lang or r.choice(list(WORDS)), WORDS["en"])
    if shape == "word_digits":
        pw = r.choice(pool) + digits(r, r.choice([2, 3, 4])) + r.choice(sym)
    elif shape == "two_words":
        pw = r.choice(pool) + r.choice(sym) + r.choice(r.choice(list(WORDS.values()))) + digits(r, 2)
    elif shape == "passphrase":
        sep = r.choice(["-", "."] + ([" "] if spaces_ok else []))
        pw = sep.join(r.sample(LOWER_WORDS, r.choice([3, 4])))
        if r.random() < 0.5:
            pw += sep + str(r.randint(2, 99))
    elif shape == "random":
        n = r.randint(14, 22)
        pw = r.choice(ALNUM) + "".join(r.choice(ALNUM + sym * 3) for _ in range(n - 1))
        if not any(c in sym for c in pw):
            pw = pw[:-1] + r.choice(sym)
    elif shape == "walk":
        pw = r.choice(WALKS).lstrip("!") + r.choice(["", "!", "#", "$"][:1] + list(sym[:3])) + str(r.randint(1, 2026))
    elif shape == "leet":
        w = r.choice(pool).lower() + r.choice(LOWER_WORDS)
        pw = "".join(LEET.get(c, c) if r.random() < 0.7 else c for c in w)
        pw = pw[0].upper() + pw[1:] + r.choice(sym) + str(r.randint(10, 99))
    elif shape == "unicode":
        pw = r.choice(UNI_WORDS) + str(r.randint(10, 9999)) + r.choice(sym)
    else:
        raise ValueError(shape)
    return pw


def machine_password(r, n=24, alphabet=ALNUM):
    return rs(r, alphabet, n)


# ---------------------------------------------------------------- credential shapes
def aws_key_id(r, prefix="AKIA"):
    return prefix + rs(r, B32, 16)


def aws_secret(r):
    return rs(r, ALNUM + "+/", 40)


def aws_session_token(r):
    return "IQoJb3JpZ2luX2VjE" + rs(r, ALNUM, 3) + "aDGV1LWNlbnRyYWwtMSJH" + rs(r, B64, 380)


def ghp(r):
    return "ghp_" + rs(r, ALNUM, 36)


def ghs(r):
    return "ghs_" + rs(r, ALNUM, 36)


def github_pat(r):
    return "github_pat_11" + rs(r, UP + DIG, 20) + "_" + rs(r, ALNUM, 59)


def glpat(r):
    return "glpat-" + rs(r, B64URL, 20)


def glrt(r):
    return "glrt-" + rs(r, B64URL, 20)


def gldt(r):
    return "gldt-" + rs(r, B64URL, 20)


def dckr(r):
    return "dckr_pat_" + rs(r, B64URL, 27)


def npm_token(r):
    return "npm_" + rs(r, ALNUM, 36)


def hvs_service(r):
    return "hvs.CAESI" + rs(r, B64URL, 87)


def hvs_root(r):
    return "hvs." + rs(r, ALNUM, 24)


def vault_unseal(r):
    return b64(rbytes(r, 33))


def age_secret(r):
    return "AGE-SECRET-KEY-1" + rs(r, BECH32.upper(), 58)


def age_public(r):
    return "age1" + rs(r, BECH32, 58)


def wg_key(r):
    return b64(rbytes(r, 32))


def kubeadm_token(r):
    return rs(r, LO + DIG, 6) + "." + rs(r, LO + DIG, 16)


def datadog_api(r):
    return rs(r, HEX, 32)


def datadog_app(r):
    return rs(r, HEX, 40)


def nr_license(r):
    return rs(r, HEX, 36) + "NRAL"


def nr_user(r):
    return "NRAK-" + rs(r, UP + DIG, 27)


def sentry_user(r):
    return "sntryu_" + rs(r, HEX, 64)


def sentry_org(r, org):
    payload = json.dumps({"iat": r.randint(1700000000, 1760000000), "url": "https://sentry.io",
                          "region_url": "https://de.sentry.io", "org": org}, separators=(",", ":"))
    return "sntrys_" + b64(payload.encode()).rstrip("=") + "_" + rs(r, B64, 43)


def glsa(r):
    return "glsa_" + rs(r, ALNUM, 32) + "_" + rs(r, HEX, 8)


def glc(r, org_id, name, region):
    payload = json.dumps({"o": org_id, "n": name, "k": rs(r, ALNUM, 24), "m": {"r": region}},
                         separators=(",", ":"))
    return "glc_" + b64(payload.encode())


def databricks(r):
    return "dapi" + rs(r, HEX, 32)


def confluent_key(r):
    return rs(r, UP + DIG, 16)


def confluent_secret(r):
    return rs(r, ALNUM + "+/", 64)


def pulumi_token(r):
    return "pul-" + rs(r, HEX, 40)


def tfc_token(r):
    return rs(r, ALNUM, 14) + ".atlasv1." + rs(r, ALNUM, 67)


def azure_client_secret(r):
    return rs(r, ALNUM, 3) + "8Q~" + rs(r, ALNUM + "_.~-", 34)


def azure_storage_key(r):
    return b64(rbytes(r, 64))


def azure_sb_key(r):
    return b64(rbytes(r, 32))


def ado_pat(r):
    return rs(r, LO + "234567", 52)


def acr_password(r):
    return rs(r, ALNUM + "+/", 42) + "+ACR" + rs(r, ALNUM, 6)


def google_api_key(r):
    return "AIza" + "Sy" + rs(r, B64URL, 33)


def gocspx(r):
    return "GOCSPX-" + rs(r, B64URL, 28)


def do_token(r):
    return "dop_v1_" + rs(r, HEX, 64)


def hetzner(r):
    return rs(r, ALNUM, 64)


def cf_token(r):
    return rs(r, B64URL, 40)


def cf_global(r):
    return rs(r, HEX, 37)


def okta_token(r):
    return "00" + rs(r, B64URL, 40)


def auth0_secret(r):
    return rs(r, B64URL, 64)


def keycloak_secret(r):
    return rs(r, ALNUM, 32)


def slack_bot(r):
    return "xoxb-" + digits(r, 12) + "-" + digits(r, 13) + "-" + rs(r, ALNUM, 24)


def slack_webhook(r):
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(r, UP + DIG, 8), rs(r, UP + DIG, 10), rs(r, ALNUM, 24))


def jenkins_token(r):
    return "11" + rs(r, HEX, 32)


def sonar_token(r, kind="squ_"):
    return kind + rs(r, HEX, 40)


def circleci_token(r):
    return "CCIPAT_" + rs(r, ALNUM, 22) + "_" + rs(r, HEX, 40)


def quay_robot(r):
    return rs(r, UP + DIG, 64)


def artifactory_key(r):
    return "AKCp" + rs(r, ALNUM, 69)


def fernet(r):
    return base64.urlsafe_b64encode(rbytes(r, 32)).decode()


def django_key(r):
    return rs(r, LO + DIG + "!@%^*(-_=+)", 50)


def rancher_token(r):
    return "token-" + rs(r, LO + DIG, 5) + ":" + rs(r, LO + DIG, 54)


def erlang_cookie(r):
    return rs(r, UP, 20)


def nkey_seed(r, kind="U"):
    return "S" + kind + rs(r, B32, 56)


def nkey_public(r, kind="U"):
    return kind + rs(r, B32, 55)


def ses_smtp(r):
    return b64(b"\x04" + rbytes(r, 32))


def sendgrid(r):
    return "SG." + rs(r, B64URL, 22) + "." + rs(r, B64URL, 43)


def openai_key(r):
    return "sk-proj-" + rs(r, B64URL, 74) + "T3BlbkFJ" + rs(r, B64URL, 74)


def anthropic_key(r):
    return "sk-ant-api03-" + rs(r, B64URL, 93) + "AA"


def tailscale(r):
    return "tskey-auth-k" + rs(r, ALNUM, 11) + "CNTRL-" + rs(r, ALNUM, 33)


def doppler(r):
    return "dp.st.prd." + rs(r, ALNUM, 40)


def stripe_whsec(r):
    return "whsec_" + rs(r, ALNUM, 32)


def mailgun(r):
    return "key-" + rs(r, HEX, 32)


def pagerduty_key(r):
    return rs(r, HEX, 32)


def minio_key(r):
    return rs(r, UP + DIG, 20)


def minio_secret(r):
    return rs(r, ALNUM, 40)


def rabbit_pw(r):
    return rs(r, ALNUM, 24)


def jwt(r, header, payload, sig_bytes=256):
    h = b64u(json.dumps(header, separators=(",", ":")).encode())
    p = b64u(json.dumps(payload, separators=(",", ":")).encode())
    return h + "." + p + "." + b64u(rbytes(r, sig_bytes))


def k8s_sa_jwt(r, ns, sa, legacy=False):
    iat = r.randint(1735000000, 1765000000)
    if legacy:
        payload = {"iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": ns,
                   "kubernetes.io/serviceaccount/secret.name": sa + "-token-" + rs(r, LO + DIG, 5),
                   "kubernetes.io/serviceaccount/service-account.name": sa,
                   "kubernetes.io/serviceaccount/service-account.uid": uuid4(r),
                   "sub": "system:serviceaccount:%s:%s" % (ns, sa)}
    else:
        payload = {"aud": ["https://kubernetes.default.svc.cluster.local"], "exp": iat + 31536000,
                   "iat": iat, "iss": "https://kubernetes.default.svc.cluster.local",
                   "kubernetes.io": {"namespace": ns, "serviceaccount": {"name": sa, "uid": uuid4(r)}},
                   "nbf": iat, "sub": "system:serviceaccount:%s:%s" % (ns, sa)}
    return jwt(r, {"alg": "RS256", "kid": rs(r, B64URL, 43)}, payload)


def _pem(label, der, width=64):
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (label, wrap(b64(der), width), label)


def pem_rsa(r):
    der = bytes.fromhex("308204a40201000282010100") + rbytes(r, 0x4a4 + 4 - 12)
    return _pem("RSA PRIVATE KEY", der)


def pem_pkcs8(r):
    head = bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7308204a30201000282010100")
    return _pem("PRIVATE KEY", head + rbytes(r, 0x4bd + 4 - len(head)))


def pem_ec(r):
    der = (bytes.fromhex("30770201010420") + rbytes(r, 32) +
           bytes.fromhex("a00a06082a8648ce3d030107a14403420004") + rbytes(r, 64))
    return _pem("EC PRIVATE KEY", der)


def _sshstr(b):
    return struct.pack(">I", len(b)) + b


def pem_openssh(r, comment="deploy@ci"):
    pub = rbytes(r, 32)
    pubblob = _sshstr(b"ssh-ed25519") + _sshstr(pub)
    check = rbytes(r, 4)
    priv = (check + check + _sshstr(b"ssh-ed25519") + _sshstr(pub) + _sshstr(rbytes(r, 32) + pub)
            + _sshstr(comment.encode()))
    priv += bytes(range(1, 1 + (-len(priv)) % 8))
    der = (b"openssh-key-v1\x00" + _sshstr(b"none") + _sshstr(b"none") + _sshstr(b"")
           + struct.pack(">I", 1) + _sshstr(pubblob) + _sshstr(priv))
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----" % wrap(b64(der), 70)


def ssh_ed25519_pub(r, comment):
    blob = _sshstr(b"ssh-ed25519") + _sshstr(rbytes(r, 32))
    return "ssh-ed25519 %s %s" % (b64(blob), comment)


def ssh_rsa_pub(r, comment):
    blob = _sshstr(b"ssh-rsa") + _sshstr(b"\x01\x00\x01") + _sshstr(b"\x00" + rbytes(r, 256))
    return "ssh-rsa %s %s" % (b64(blob), comment)


def pem_public(r):
    head = bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100")
    return _pem("PUBLIC KEY", head + rbytes(r, 256) + bytes.fromhex("0203010001"))


def pem_cert(r, n=900):
    der = bytes.fromhex("308203c2308202aaa003020102021400") + rbytes(r, n)
    return _pem("CERTIFICATE", der)


def pgp_private(r):
    body = bytes.fromhex("9501d804") + rbytes(r, 470)
    return ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----"
            % (wrap(b64(body), 64), rs(r, B64, 4)))


def pgp_public(r):
    body = bytes.fromhex("98330465") + rbytes(r, 300)
    return ("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PUBLIC KEY BLOCK-----"
            % (wrap(b64(body), 64), rs(r, B64, 4)))


def sha256hex(r):
    return rs(r, HEX, 64)


def gitsha(r):
    return rs(r, HEX, 40)


def ansible_vault_blob(r, lines=5):
    return "$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join(rs(r, HEX, 80) for _ in range(lines)) + "\n" + rs(r, HEX, 34)


def sops_enc(r, n=24):
    return "ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (
        b64(rbytes(r, n)), b64(rbytes(r, 32)), b64(rbytes(r, 16)))


def sealed(r, n=300):
    return "AgB" + rs(r, B64, n)


# ---------------------------------------------------------------- template registry
TEMPLATES = []


def t(group, lang, label, kind):
    assert group in GROUPS, group
    assert lang in LANGS, lang
    assert label in ("secret", "not_secret"), label

    def deco(fn):
        TEMPLATES.append({"name": fn.__name__, "group": group, "lang": lang,
                          "label": label, "type": kind, "fn": fn})
        return fn
    return deco


MARK = re.compile(r"⟪([a-z0-9_]+)(?:\|([a-z0-9_]+))?(?:\|(g))?⟫")


# ================================================================ group: k8s
@t("k8s", "en", "secret", "password_base64")
def k8s_opaque_secret_b64(r):
    pw = password(r, "std", unicode_ok=True)
    v = {"user": b64(b"orders_app"), "pw": b64(pw.encode()),
         "host": b64(b"pg-orders.data.svc.cluster.local")}
    return D("""
        The orders-api pods are in CrashLoopBackOff with "password authentication failed for user orders_app".
        Here's the Secret they mount, did I get the encoding wrong?

        apiVersion: v1
        kind: Secret
        metadata:
          name: orders-db
          namespace: orders
        type: Opaque
        data:
          DB_HOST: ⟪host⟫
          DB_USER: ⟪user⟫
          DB_PASSWORD: ⟪pw|password_base64⟫
        """), v


@t("k8s", "de", "secret", "password")
def k8s_stringdata_de(r):
    v = {"pw": password(r, "std", lang="de")}
    return D("""
        Warum landet mein Wert aus stringData nicht im Pod? `kubectl exec` zeigt das Passwort (POSTGRES_PASSWORD) leer an.

        apiVersion: v1
        kind: Secret
        metadata:
          name: keycloak-db
          namespace: iam
        type: Opaque
        stringData:
          POSTGRES_USER: keycloak
          POSTGRES_PASSWORD: "⟪pw|password⟫"
        ---
        # im Deployment:
        envFrom:
          - secretRef:
              name: keycloak-db-secret

        Der Cluster läuft auf k3s 1.30, Namespace stimmt.
        """), v


@t("k8s", "pt", "not_secret", "secret_reference")
def k8s_secretkeyref_pt(r):
    return D("""
        Tem como fazer esse Deployment reiniciar sozinho quando o secret referenciado muda? Hoje eu reinicio na mão.

            spec:
              containers:
                - name: billing
                  image: ghcr.io/acme-fin/billing:2.14.3
                  env:
                    - name: STRIPE_API_KEY
                      valueFrom:
                        secretKeyRef:
                          name: billing-stripe
                          key: api-key
                    - name: DATABASE_URL
                      valueFrom:
                        secretKeyRef:
                          name: billing-db
                          key: url
                          optional: false
        """), {}


@t("k8s", "fr", "not_secret", "redacted")
def k8s_describe_secret_fr(r):
    return D("""
        Le secret existe bien mais l'appli dit toujours « invalid credentials ». Voici ce que j'obtiens, est-ce qu'on peut voir si la valeur est vide ?

        $ kubectl -n paiement describe secret paiement-redis
        Name:         paiement-redis
        Namespace:    paiement
        Labels:       app.kubernetes.io/managed-by=Helm
        Annotations:  meta.helm.sh/release-name: paiement

        Type:  Opaque

        Data
        ====
        redis-password:  0 bytes
        redis-host:      34 bytes
        """), {}


@t("k8s", "en", "secret", "password")
def helm_values_postgres(r):
    v = {"admin": password(r, "std"), "app": password(r, "std")}
    return D("""
        helm install fails with "PostgreSQL password must not be empty" on upgrade even though I set them. values-prod.yaml:

        global:
          storageClass: gp3
        auth:
          enablePostgresUser: true
          postgresPassword: "⟪admin|password⟫"
          username: inventory
          password: "⟪app|password⟫"
          database: inventory
        primary:
          persistence:
            size: 50Gi
          resources:
            requests:
              memory: 2Gi

        Command: helm upgrade --install inv-pg oci://registry-1.docker.io/bitnamicharts/postgresql -f values-prod.yaml -n inventory
        """), v


@t("k8s", "en", "not_secret", "secret_reference")
def helm_values_existing_secret(r):
    return D("""
        Anyone know why the chart ignores existingSecret and keeps generating a random password on every upgrade? My values:

        auth:
          existingSecret: mariadb-credenciales
          secretKeys:
            adminPasswordKey: root-password
            userPasswordKey: app-password
          rootPassword: ""
          password: ""
          username: tienda
          database: tienda_prod

        The mariadb-credenciales secret is created by External Secrets from Vault, and it does exist in the namespace.
        """), {}


@t("k8s", "en", "secret", "password")
def kustomize_secretgen(r):
    v = {"pw": password(r, "env", lang="pt"), "jwt": rs(r, ALNUM, 48)}
    return D("""
        kustomize adds a hash suffix to the secret name and the Deployment can't find it. kustomization.yaml of our staging (homologação) overlay:

        resources:
          - ../../base
        secretGenerator:
          - name: api-config
            literals:
              - DB_USER=app_hml
              - DB_PASSWORD=⟪pw|password⟫
              - JWT_SECRET=⟪jwt|signing_secret⟫
        generatorOptions:
          disableNameSuffixHash: false

        Do I need to change something in base?
        """), v


@t("k8s", "en", "not_secret", "secret_reference")
def kustomize_ksops_ref(r):
    v = {"fp": rs(r, HEXUP, 40)}
    return D("""
        Can kustomize build handle the KSOPS generator inside Argo CD or do I need a custom plugin sidecar?

        # overlays/prod/kustomization.yaml
        generators:
          - ./secret-generator.yaml

        # overlays/prod/secret-generator.yaml
        apiVersion: viaduct.ai/v1
        kind: ksops
        metadata:
          name: prod-secrets
          annotations:
            config.kubernetes.io/function: |
              exec:
                path: ksops
        files:
          - ./secrets.enc.yaml

        # .sops.yaml
        creation_rules:
          - path_regex: .*\\.enc\\.yaml$
            pgp: ⟪fp⟫
        """), v


@t("k8s", "en", "secret", "github_pat")
def argocd_repo_secret(r):
    v = {"tok": ghp(r)}
    return D("""
        Registered a private repo in Argo CD but it says "authentication required". Is my Secret wrong?

        apiVersion: v1
        kind: Secret
        metadata:
          name: repo-platform-manifests
          namespace: argocd
          labels:
            argocd.argoproj.io/secret-type: repository
        stringData:
          type: git
          url: https://github.com/hoshino-logi/platform-manifests.git
          username: argocd-bot
          password: ⟪tok|github_pat⟫

        argocd repo list still shows STATUS Failed.
        """), v


@t("k8s", "en", "secret", "password")
def argocd_initial_admin(r):
    v = {"pw": rs(r, ALNUM + "-", 16)}
    return D("""
        Fresh Argo CD install on the staging cluster. I grabbed the initial admin password but the UI login says invalid username or password:

        $ kubectl -n argocd get secret argocd-initial-admin-secret -o jsonpath="{.data.password}" | base64 -d; echo
        ⟪pw|password⟫
        $ argocd login argocd.stg.internal --username admin --grpc-web
        Password:
        FATA[0003] rpc error: code = Unauthenticated desc = Invalid username or password

        Is the secret stale after a reinstall?
        """), v


@t("k8s", "zh", "not_secret", "secret_reference")
def external_secret_zh(r):
    v = {"acct": digits(r, 12)}
    return D("""
        ExternalSecret 一直显示 SecretSyncedError，帮我看看是不是 remoteRef 写错了？IRSA 的角色已经绑定到 external-secrets 的 ServiceAccount 上。

        apiVersion: external-secrets.io/v1beta1
        kind: ExternalSecret
        metadata:
          name: mysql-creds
          namespace: shop
        spec:
          refreshInterval: 1h
          secretStoreRef:
            name: aws-sm
            kind: ClusterSecretStore
          target:
            name: mysql-creds
          data:
            - secretKey: password
              remoteRef:
                key: prod/shop/mysql
                property: password

        ClusterSecretStore 用的是 arn:aws:iam::⟪acct⟫:role/eso-reader，区域 ap-east-1。
        """), v


@t("k8s", "en", "not_secret", "encrypted_blob")
def sealed_secret_blob(r):
    v = {"a": sealed(r, 340), "b": sealed(r, 290)}
    return D("""
        We moved to Sealed Secrets last sprint. Controller logs "no key could decrypt secret (password)" for this one after the cluster rebuild. Is the private key gone for good?

        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata:
          name: grafana-admin
          namespace: monitoring
        spec:
          encryptedData:
            admin-user: ⟪b⟫
            password: ⟪a⟫
          template:
            type: Opaque
        """), v


@t("k8s", "ko", "secret", "kubernetes_token")
def kubeconfig_token_ko(r):
    v = {"jwt": k8s_sa_jwt(r, "ci", "deployer", legacy=True), "srv": "https://10.20.%d.%d:6443" % (r.randint(1, 250), r.randint(1, 250))}
    return D("""
        젠킨스에서 쓰려고 서비스어카운트 토큰으로 kubeconfig 를 만들었는데 "Unauthorized" 가 나옵니다. 클러스터는 1.24 이전 버전이에요.

        apiVersion: v1
        kind: Config
        clusters:
          - name: onprem
            cluster:
              server: ⟪srv⟫
              insecure-skip-tls-verify: true
        users:
          - name: deployer
            user:
              token: ⟪jwt|kubernetes_token⟫
        contexts:
          - name: deployer@onprem
            context:
              cluster: onprem
              user: deployer
              namespace: ci
        current-context: deployer@onprem
        """), v


@t("k8s", "en", "not_secret", "certificate")
def kubeconfig_eks_exec(r):
    v = {"ca": b64((pem_cert(r, 700) + "\n").encode()), "acct": digits(r, 12)}
    return D("""
        Why does kubectl keep asking for the AWS profile even though AWS_PROFILE is exported? kubeconfig generated by `aws eks update-kubeconfig`:

        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: ⟪ca⟫
            server: https://4F1C8A2E7B9D.gr7.eu-central-1.eks.amazonaws.com
          name: arn:aws:eks:eu-central-1:⟪acct⟫:cluster/platform-prod
        users:
        - name: arn:aws:eks:eu-central-1:⟪acct⟫:cluster/platform-prod
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: aws
              args: ["--region", "eu-central-1", "eks", "get-token", "--cluster-name", "platform-prod", "--output", "json"]
              env:
                - name: AWS_PROFILE
                  value: platform-admin
        """), v


@t("k8s", "en", "secret", "private_key")
def kubeconfig_client_key(r):
    v = {"crt": b64((pem_cert(r, 560) + "\n").encode()), "key": b64((pem_ec(r) + "\n").encode()),
         "ca": b64((pem_cert(r, 480) + "\n").encode())}
    return D("""
        Copied the kubeconfig from the k3s server node to my laptop and changed server to the external address; now kubectl says x509: certificate is valid for 127.0.0.1, not 203.0.113.40. Do I have to reissue the certificates?

        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: ⟪ca⟫
            server: https://203.0.113.40:6443
          name: default
        users:
        - name: default
          user:
            client-certificate-data: ⟪crt⟫
            client-key-data: ⟪key|private_key_base64⟫
        """), v


@t("k8s", "en", "secret", "kubeadm_bootstrap_token")
def kubeadm_join_cp(r):
    v = {"tok": kubeadm_token(r), "hash": sha256hex(r), "ck": rs(r, HEX, 64)}
    return D("""
        Third control-plane node won't join, it hangs at "[preflight] Running pre-flight checks". This is exactly what I ran (copied from the init output an hour ago):

        sudo kubeadm join 10.0.12.10:6443 --token ⟪tok|kubeadm_bootstrap_token⟫ \\
            --discovery-token-ca-cert-hash sha256:⟪hash⟫ \\
            --control-plane --certificate-key ⟪ck|kubeadm_certificate_key⟫ \\
            --apiserver-advertise-address 10.0.12.13

        Port 6443 is reachable from the node (nc -vz works).
        """), v


@t("k8s", "pl", "not_secret", "hash")
def kubeadm_ca_hash_pl(r):
    v = {"h": sha256hex(r)}
    return D("""
        Jak policzyć discovery-token-ca-cert-hash, jeśli nie mam już wyjścia z `kubeadm init`? Zrobiłem tak i wyszło mi to poniżej, ale nie wiem, czy to dobry format:

        $ openssl x509 -pubkey -in /etc/kubernetes/pki/ca.crt | openssl rsa -pubin -outform der 2>/dev/null | \\
            openssl dgst -sha256 -hex | sed 's/^.* //'
        ⟪h⟫

        Token i tak wygeneruję nowy przez `kubeadm token create --ttl 2h`.
        """), v


@t("k8s", "tr", "secret", "docker_config_base64")
def k8s_dockerconfigjson_tr(r):
    user, pw = "ci-pull", password(r, "std", lang="tr")
    inner = json.dumps({"auths": {"registry.ornek-lojistik.com.tr": {
        "username": user, "password": pw, "auth": b64((user + ":" + pw).encode())}}}, separators=(",", ":"))
    v = {"cfg": b64(inner.encode())}
    return D("""
        Pod'lar ImagePullBackOff veriyor, "unauthorized: authentication required" diyor. imagePullSecrets olarak bunu verdim, base64 doğru mu sizce?

        apiVersion: v1
        kind: Secret
        metadata:
          name: regcred
          namespace: sevkiyat
        type: kubernetes.io/dockerconfigjson
        data:
          .dockerconfigjson: ⟪cfg|docker_config_base64⟫
        """), v


@t("k8s", "en", "secret", "encryption_key")
def etcd_encryption_config(r):
    v = {"k": b64(rbytes(r, 32))}
    return D("""
        After adding --encryption-provider-config the kube-apiserver static pod never comes back. /etc/kubernetes/enc/enc.yaml:

        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
          - resources:
              - secrets
              - configmaps
            providers:
              - aescbc:
                  keys:
                    - name: key-2025-03
                      secret: ⟪k|encryption_key⟫
              - identity: {}

        Did I forget to mount the directory into the static pod manifest?
        """), v


@t("k8s", "en", "secret", "kubernetes_token")
def k8s_static_token_csv(r):
    v = {"a": rs(r, ALNUM, 32), "b": rs(r, ALNUM, 32)}
    return D("""
        Old on-prem cluster still uses the static token file (I know, I know). Audit wants it gone; before that, why does the second token get 403 on everything?

        # /etc/kubernetes/auth/tokens.csv  (passed with --token-auth-file)
        ⟪a|kubernetes_token⟫,admin,1000,"system:masters"
        ⟪b|kubernetes_token⟫,jenkins,1001,"ci-deployers"
        """), v


@t("k8s", "en", "not_secret", "no_credential")
def k8s_projected_sa_token(r):
    return D("""
        Vault's Kubernetes auth is rejecting the token with "claim aud is invalid". Pod spec part:

          serviceAccountName: payments-vault
          volumes:
            - name: vault-token
              projected:
                sources:
                  - serviceAccountToken:
                      path: token
                      expirationSeconds: 600
                      audience: vault
          containers:
            - name: app
              volumeMounts:
                - name: vault-token
                  mountPath: /var/run/secrets/vault
                  readOnly: true

        And the role: vault write auth/kubernetes/role/payments bound_service_account_names=payments-vault bound_service_account_namespaces=payments audience=https://kubernetes.default.svc policies=payments-read ttl=15m
        """), {}


@t("k8s", "en", "secret", "password")
def helm_set_cli_history(r):
    v = {"root": password(r, "std"), "rep": password(r, "std")}
    return D("""
        from my shell history, this is how the mysql release was installed last year. now `helm upgrade` complains the passwords don't match, which values do I need to pass again?

          512  helm repo add bitnami https://charts.bitnami.com/bitnami
          513  helm install crm-mysql bitnami/mysql -n crm --set auth.rootPassword='⟪root|password⟫' --set auth.replicationPassword='⟪rep|password⟫' --set architecture=replication
          514  kubectl -n crm get pods -w
        """), v


@t("k8s", "en", "not_secret", "secret_reference")
def helm_set_from_secret(r):
    return D("""
        This works but feels hacky, is there a cleaner way to reuse the existing password on helm upgrade?

        export RABBITMQ_PASSWORD=$(kubectl get secret --namespace queue rmq-rabbitmq -o jsonpath="{.data.rabbitmq-password}" | base64 -d)
        export RABBITMQ_ERLANG_COOKIE=$(kubectl get secret --namespace queue rmq-rabbitmq -o jsonpath="{.data.rabbitmq-erlang-cookie}" | base64 -d)
        helm upgrade rmq bitnami/rabbitmq -n queue \\
          --set auth.password="$RABBITMQ_PASSWORD" \\
          --set auth.erlangCookie="$RABBITMQ_ERLANG_COOKIE"
        """), {}


@t("k8s", "en", "secret", "password")
def kubectl_create_secret_literal(r):
    v = {"pw": password(r, "std")}
    return D("""
        quick one: does --from-literal keep the trailing characters? the app gets a different password than what I typed.

        kubectl -n ledger create secret generic ledger-mssql \\
          --from-literal=username=sa \\
          --from-literal=password='⟪pw|password⟫' \\
          --dry-run=client -o yaml | kubectl apply -f -
        """), v


@t("k8s", "en", "not_secret", "redacted")
def kubectl_get_secret_redacted(r):
    return D("""
        Sharing the object with values stripped. Why is the `kubectl.kubernetes.io/last-applied-configuration` annotation so big on this Secret, and should I worry?

        apiVersion: v1
        data:
          access-key-id: <redacted>
          secret-access-key: <redacted>
        kind: Secret
        metadata:
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: |
              {"apiVersion":"v1","data":{"access-key-id":"<redacted>","secret-access-key":"<redacted>"},"kind":"Secret","metadata":{"annotations":{},"name":"velero-s3","namespace":"velero"},"type":"Opaque"}
          name: velero-s3
          namespace: velero
        type: Opaque
        """), {}


@t("k8s", "en", "not_secret", "certificate")
def k8s_ca_crt_decoded(r):
    v = {"crt": pem_cert(r, 760)}
    return D("""
        The webhook call fails with "x509: certificate signed by unknown authority". Here's the CA I'm putting in caBundle (decoded from the cert-manager secret), is it the right one?

        $ kubectl -n admission get secret policy-webhook-tls -o jsonpath='{.data.ca\\.crt}' | base64 -d
        ⟪crt⟫
        """), v


# ================================================================ group: iac
@t("iac", "en", "secret", "password")
def tfvars_rds(r):
    v = {"pw": password(r, "env", lang="vi")}
    return D("""
        terraform apply fails with "InvalidParameterValue: The parameter MasterUserPassword is not a valid password". Prod terraform.tfvars below; is one of the characters not allowed?

        region            = "ap-southeast-1"
        db_instance_class = "db.r6g.large"
        db_name           = "donhang"
        db_username       = "dh_admin"
        db_password       = "⟪pw|password⟫"
        multi_az          = true
        """), v


@t("iac", "en", "not_secret", "secret_reference")
def tf_variable_sensitive(r):
    return D("""
        Terraform 1.7 keeps printing "Error: Output refers to sensitive values" even though I never output the password directly. Relevant bits:

        variable "db_password" {
          type      = string
          sensitive = true
        }

        resource "aws_db_instance" "main" {
          identifier        = "ledger-prod"
          engine            = "postgres"
          engine_version    = "16.3"
          username          = "ledger"
          password          = var.db_password
          instance_class    = "db.m7g.large"
        }

        output "db_conn" {
          value = "postgresql://${aws_db_instance.main.username}:${var.db_password}@${aws_db_instance.main.address}/ledger"
        }

        CI sets TF_VAR_db_password from the GitLab masked variable.
        """), {}


@t("iac", "en", "secret", "password")
def tf_state_snippet(r):
    v = {"pw": password(r, "std"), "acct": digits(r, 12)}
    return D("""
        Someone edited the RDS instance in the console and now `terraform plan` wants to replace it. This is the resource from the state file (terraform state pull | jq), can you tell which attribute drifted?

        {
          "mode": "managed",
          "type": "aws_db_instance",
          "name": "reporting",
          "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
          "instances": [
            {
              "schema_version": 2,
              "attributes": {
                "allocated_storage": 200,
                "arn": "arn:aws:rds:eu-west-1:⟪acct⟫:db:reporting-prod",
                "engine": "mysql",
                "engine_version": "8.0.36",
                "identifier": "reporting-prod",
                "instance_class": "db.r6g.xlarge",
                "manage_master_user_password": null,
                "password": "⟪pw|password⟫",
                "username": "reporting",
                "storage_encrypted": false
              },
              "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]]
            }
          ]
        }
        """), v


@t("iac", "id", "not_secret", "redacted")
def tf_plan_sensitive_id(r):
    return D("""
        Kenapa output plan-nya selalu menampilkan (sensitive value)? Saya cuma mau memastikan apakah password database-nya ikut berubah atau tidak.

          # google_sql_user.app will be updated in-place
          ~ resource "google_sql_user" "app" {
                id       = "app//billing-pg"
                name     = "app"
              ~ password = (sensitive value)
                # (4 unchanged attributes hidden)
            }

          # kubernetes_secret.app_db will be updated in-place
          ~ resource "kubernetes_secret" "app_db" {
              ~ data = (sensitive value)
                id   = "billing/app-db"
            }

        Plan: 0 to add, 2 to change, 0 to destroy.
        """), {}


@t("iac", "en", "secret", "aws_access_key")
def tf_provider_static_keys(r):
    v = {"id": aws_key_id(r), "sk": aws_secret(r)}
    return D("""
        Inherited this from a contractor. Before I move it to a profile, why does it work locally but fail in Atlantis with "SignatureDoesNotMatch"?

        provider "aws" {
          region     = "us-east-2"
          access_key = "⟪id|aws_access_key_id⟫"
          secret_key = "⟪sk|aws_secret_access_key⟫"

          default_tags {
            tags = { owner = "platform", cost_center = "cc-4410" }
          }
        }
        """), v


@t("iac", "hi", "not_secret", "doc_example_key")
def tf_provider_doc_example_hi(r):
    return D("""
        यह provider block मैंने AWS के documentation से कॉपी किया था, लेकिन terraform plan चलाने पर "InvalidClientTokenId: The security token included in the request is invalid" आ रहा है। क्या मुझे कुछ और सेट करना होगा?

        provider "aws" {
          region     = "ap-south-1"
          access_key = "AKIAIOSFODNN7EXAMPLE"
          secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        }
        """), {}


@t("iac", "en", "secret", "terraform_cloud_token")
def tfc_credentials_json(r):
    v = {"tok": tfc_token(r)}
    return D("""
        terraform init says "Required token could not be found" for app.terraform.io, but I did run terraform login. ~/.terraform.d/credentials.tfrc.json:

        {
          "credentials": {
            "app.terraform.io": {
              "token": "⟪tok|terraform_cloud_token⟫"
            }
          }
        }

        TF_CLI_CONFIG_FILE is not set. Running inside WSL2.
        """), v


@t("iac", "ar", "not_secret", "identifier")
def tf_backend_s3_ar(r):
    v = {"acct": digits(r, 12)}
    return D("""
        عندي مشكلة في قفل الحالة في Terraform، يظهر الخطأ ConditionalCheckFailedException عند كل تشغيل للـ pipeline. هذا إعداد الـ backend، هل المشكلة في جدول DynamoDB؟

        terraform {
          backend "s3" {
            bucket         = "tfstate-⟪acct⟫-me-south-1"
            key            = "network/prod/terraform.tfstate"
            region         = "me-south-1"
            dynamodb_table = "tf-locks"
            encrypt        = true
            role_arn       = "arn:aws:iam::⟪acct⟫:role/terraform-state"
          }
        }
        """), v


@t("iac", "de", "secret", "cloudflare_api_token")
def tf_cloudflare_provider_de(r):
    v = {"tok": cf_token(r), "zone": rs(r, HEX, 32)}
    return D("""
        Terraform meldet beim Anlegen der DNS-Records "Authentication error (10000)". Das Token hat laut Dashboard Zone:DNS:Edit. Fehlt noch eine Berechtigung?

        provider "cloudflare" {
          api_token = "⟪tok|cloudflare_api_token⟫"
        }

        resource "cloudflare_record" "api" {
          zone_id = "⟪zone⟫"
          name    = "api"
          content = "203.0.113.17"
          type    = "A"
          proxied = true
        }
        """), v


@t("iac", "fr", "secret", "hetzner_token")
def tfvars_hcloud_fr(r):
    v = {"tok": hetzner(r)}
    return D("""
        Bonjour, je débute avec Terraform sur Hetzner Cloud. Le plan passe mais l'apply échoue avec « server type cx22 not available in location nbg1 ». Voici mon terraform.tfvars :

        hcloud_token = "⟪tok|hetzner_token⟫"
        location     = "nbg1"
        server_type  = "cx22"
        image        = "debian-12"
        ssh_keys     = ["thomas@portable"]

        Est-ce que je dois changer de datacenter ?
        """), v


@t("iac", "es", "secret", "password")
def ansible_group_vars_plain_es(r):
    v = {"root": password(r, "std", lang="es"), "repl": password(r, "std")}
    return D("""
        El playbook de MySQL falla en la tarea "Set root password" con "Access denied for user 'root'@'localhost'". Esto es group_vars/bbdd.yml (sí, todavía sin cifrar con ansible-vault, lo haré después):

        mysql_root_password: "⟪root|password⟫"
        mysql_replication_user: replicador
        mysql_replication_password: "⟪repl|password⟫"
        mysql_bind_address: 0.0.0.0
        mysql_databases:
          - name: facturacion
            encoding: utf8mb4

        ¿Puede ser que la contraseña de root ya estuviera cambiada en el servidor?
        """), v


@t("iac", "en", "not_secret", "encrypted_blob")
def ansible_vault_file(r):
    v = {"blob": ansible_vault_blob(r, 6)}
    return D("""
        ansible-playbook site.yml --ask-vault-pass gives "ERROR! Decryption failed (no vault secrets were found that could decrypt)". The file starts like this:

        ⟪blob⟫

        I'm sure the password is the one from our 1Password "ansible-vault prod" item. Could the vault id label be the issue?
        """), v


@t("iac", "pt", "not_secret", "encrypted_blob")
def ansible_vault_inline_pt(r):
    v = {"blob": indent(ansible_vault_blob(r, 3), "  ").lstrip()}
    return D("""
        Alguém sabe por que o ansible-lint reclama de "yaml[indentation]" nesse arquivo? A variável criptografada foi gerada com ansible-vault encrypt_string.

        zabbix_server_dbuser: zabbix
        zabbix_server_dbpassword: !vault |
          ⟪blob⟫
        zabbix_server_dbport: 5432
        """), v


@t("iac", "en", "secret", "password")
def ansible_vault_pass_file(r):
    v = {"pw": password(r, "std", spaces_ok=True, shape=r.choice(["passphrase", "two_words"]))}
    return D("""
        Jenkins job runs ansible with vault_password_file but still prompts. Workspace looks like this:

        $ cat ansible.cfg
        [defaults]
        inventory = inventories/prod/hosts.ini
        vault_password_file = ./.vault_pass
        host_key_checking = False

        $ cat .vault_pass
        ⟪pw|password⟫

        $ ls -l .vault_pass
        -rwxr-xr-x 1 jenkins jenkins 27 Mar  3 10:14 .vault_pass

        Is it because the file is executable so ansible tries to run it as a script?
        """), v


@t("iac", "ja", "secret", "password")
def ansible_inventory_become_ja(r):
    v = {"ssh": password(r, "std", lang="ja"), "become": password(r, "std", lang="ja")}
    return D("""
        Ansible で古い CentOS 7 のサーバーに接続すると「Timeout (12s) waiting for privilege escalation prompt」になります。インベントリはこうです：

        [legacy_web]
        web01.osaka.example.local ansible_host=192.168.40.11
        web02.osaka.example.local ansible_host=192.168.40.12

        [legacy_web:vars]
        ansible_user=opsadmin
        ansible_ssh_pass=⟪ssh|password⟫
        ansible_become=true
        ansible_become_method=su
        ansible_become_password=⟪become|password⟫

        su の場合は何か追加の設定が必要でしょうか？
        """), v


@t("iac", "zh", "not_secret", "encrypted_blob")
def pulumi_config_secure_zh(r):
    v = {"a": "v1:" + b64(rbytes(r, 12)) + ":" + b64(rbytes(r, 30)),
         "b": "v1:" + b64(rbytes(r, 12)) + ":" + b64(rbytes(r, 45))}
    return D("""
        Pulumi 从 Pulumi Cloud 迁移到自建的 S3 backend 之后，pulumi up 报错 "failed to decrypt encrypted configuration value"。Pulumi.prod.yaml 如下，是不是要重新设置 secrets provider？

        config:
          aws:region: cn-northwest-1
          shop:dbUser: shop_admin
          shop:dbPassword:
            secure: ⟪a⟫
          shop:wechatAppSecret:
            secure: ⟪b⟫
        """), v


@t("iac", "en", "secret", "pulumi_access_token")
def pulumi_access_token_ci(r):
    v = {"tok": pulumi_token(r)}
    return D("""
        Bitbucket pipeline step for the infra repo. `pulumi stack select` fails with "getting stack: 403 Forbidden" only on the main branch:

        - step:
            name: Pulumi preview
            image: pulumi/pulumi-nodejs:3.130.0
            script:
              - export PULUMI_ACCESS_TOKEN=⟪tok|pulumi_access_token⟫
              - npm ci
              - pulumi stack select acme/platform/prod
              - pulumi preview --diff
        """), v


@t("iac", "en", "secret", "passphrase")
def pulumi_config_passphrase(r):
    v = {"pw": password(r, "env", shape="passphrase")}
    return D("""
        Our Makefile for the self-hosted Pulumi backend. Team says `make up` works for me but not for them; they get "incorrect passphrase". Same Makefile, same repo:

        export PULUMI_BACKEND_URL := s3://pulumi-state-platform?region=eu-north-1
        export PULUMI_CONFIG_PASSPHRASE := ⟪pw|passphrase⟫

        up:
        	pulumi up --stack dev --yes
        """).replace("\t", "    "), v


@t("iac", "en", "secret", "azure_client_secret")
def tf_azurerm_sp(r):
    v = {"cs": azure_client_secret(r), "app": uuid4(r), "ten": uuid4(r), "sub": uuid4(r)}
    return D("""
        azurerm provider fails with AADSTS7000215: Invalid client secret provided. I copied the secret from the app registration page today.

        provider "azurerm" {
          features {}
          subscription_id = "⟪sub⟫"
          tenant_id       = "⟪ten⟫"
          client_id       = "⟪app⟫"
          client_secret   = "⟪cs|azure_client_secret⟫"
        }
        """), v


@t("iac", "ja", "not_secret", "secret_reference")
def tf_random_password_output_ja(r):
    return D("""
        apply 後に生成されたパスワードを、CI のログに出さずに確認するにはどうすればいいですか？

        resource "random_password" "redis" {
          length           = 32
          special          = true
          override_special = "!#%&*()-_=+[]{}<>:?"
        }

        resource "azurerm_key_vault_secret" "redis" {
          name         = "redis-auth"
          value        = random_password.redis.result
          key_vault_id = azurerm_key_vault.platform.id
        }

        output "redis_password" {
          value     = random_password.redis.result
          sensitive = true
        }
        """), {}


@t("iac", "en", "secret", "datadog_api_key")
def terragrunt_datadog_inputs(r):
    v = {"api": datadog_api(r), "app": datadog_app(r)}
    return D("""
        terragrunt run-all plan picks up the wrong Datadog org in the eu module. root terragrunt.hcl:

        inputs = {
          datadog_api_url = "https://api.datadoghq.eu/"
          datadog_api_key = "⟪api|datadog_api_key⟫"
          datadog_app_key = "⟪app|datadog_app_key⟫"
          env             = "prod"
        }

        And modules/monitors/provider.tf just does `provider "datadog" { api_key = var.datadog_api_key  app_key = var.datadog_app_key  api_url = var.datadog_api_url }`.
        """), v


@t("iac", "en", "not_secret", "secret_reference")
def tf_google_impersonation(r):
    return D("""
        Trying to drop the JSON key and use impersonation instead. Is this right, and what role does my user need on the SA?

        provider "google" {
          project                     = "acme-data-prod"
          region                      = "europe-west4"
          impersonate_service_account = "terraform@acme-data-prod.iam.gserviceaccount.com"
        }

        # before:
        # credentials = file(pathexpand("~/.config/gcloud/terraform-sa.json"))
        """), {}


@t("iac", "en", "secret", "password")
def cloud_init_chpasswd(r):
    v = {"pw": password(r, "std"),
         "hash": "$6$rounds=4096$" + rs(r, ALNUM + "./", 16) + "$" + rs(r, ALNUM + "./", 86)}
    return D("""
        cloud-init user-data for the bastion image. ubuntu user can log in on the serial console, but ops-break-glass can't. Why?

        #cloud-config
        ssh_pwauth: false
        users:
          - default
          - name: ops-break-glass
            groups: [sudo]
            shell: /bin/bash
            lock_passwd: false
            passwd: ⟪hash⟫
        chpasswd:
          expire: false
          users:
            - name: ubuntu
              password: ⟪pw|password⟫
              type: text
        """), v


@t("iac", "en", "not_secret", "placeholder")
def packer_pkrvars_placeholder(r):
    return D("""
        Packer build for the Windows Server 2022 template. Reviewer asked whether anything sensitive is committed here, I think it's fine?

        # windows-2022.auto.pkrvars.hcl
        vsphere_server   = "vcsa01.dc1.corp.local"
        vsphere_user     = "svc-packer@vsphere.local"
        vsphere_password = env("VSPHERE_PASSWORD")
        winrm_username   = "Administrator"
        winrm_password   = "<set-in-CI>"
        iso_path         = "[nfs-iso] windows/SERVER_EVAL_x64FRE_en-us.iso"
        """), {}


# ================================================================ group: cicd
@t("cicd", "ko", "secret", "github_pat")
def gha_hardcoded_pat_ko(r):
    v = {"tok": github_pat(r)}
    return D("""
        릴리스 워크플로우에서 다른 저장소로 태그를 푸시하려는데 "Resource not accessible by personal access token" 에러가 나요. 토큰 권한 문제인가요?

        name: release
        on:
          push:
            tags: ["v*"]
        jobs:
          bump-manifests:
            runs-on: ubuntu-latest
            env:
              GH_TOKEN: ⟪tok|github_pat⟫
            steps:
              - uses: actions/checkout@v4
                with:
                  repository: haneul-soft/deploy-manifests
                  token: ${{ env.GH_TOKEN }}
              - run: ./scripts/bump.sh "${GITHUB_REF_NAME}"
        """), v


@t("cicd", "en", "not_secret", "secret_reference")
def gha_oidc_and_secrets(r):
    v = {"acct": digits(r, 12)}
    return D("""
        Is this the right way to combine OIDC for AWS with a repo secret for Snyk? The assume-role step fails with "Not authorized to perform sts:AssumeRoleWithWebIdentity".

        permissions:
          id-token: write
          contents: read
        jobs:
          scan-and-push:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v4
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: arn:aws:iam::⟪acct⟫:role/gha-ecr-push
                  aws-region: eu-west-1
              - uses: snyk/actions/docker@master
                env:
                  SNYK_TOKEN: ${{ secrets.SNYK_TOKEN }}
                with:
                  image: app:${{ github.sha }}
        """), v


@t("cicd", "ru", "not_secret", "masked")
def gha_log_masked_ru(r):
    v = {"run": digits(r, 11)}
    return D("""
        В логе GitHub Actions вместо токена звёздочки, но curl всё равно получает 401. Значит ли это, что секрет пустой? Кусок лога (run ⟪run⟫):

        Run curl -sf -X POST "$DEPLOY_HOOK" -H "Authorization: Bearer $DEPLOY_TOKEN"
          curl -sf -X POST "$DEPLOY_HOOK" -H "Authorization: Bearer $DEPLOY_TOKEN"
          shell: /usr/bin/bash -e {0}
          env:
            DEPLOY_HOOK: ***
            DEPLOY_TOKEN: ***
        curl: (22) The requested URL returned error: 401
        Error: Process completed with exit code 22.
        """), v


@t("cicd", "en", "secret", "gitlab_runner_token")
def gitlab_runner_register(r):
    v = {"tok": glrt(r)}
    return D("""
        Registering a new runner on the build VM. It registers, shows up in the UI, but never picks up jobs tagged `docker-arm`. What am I missing?

        sudo gitlab-runner register --non-interactive \\
          --url https://gitlab.fabrik-intern.de \\
          --token ⟪tok|gitlab_runner_token⟫ \\
          --executor docker \\
          --docker-image alpine:3.20 \\
          --description arm-builder-02
        """), v


@t("cicd", "pl", "secret", "password")
def gitlab_ci_sshpass_pl(r):
    v = {"pw": password(r, "std", lang="pl")}
    return D("""
        Deploy na serwer testowy przestał działać po aktualizacji obrazu, rsync zwraca "Permission denied, please try again." Oto job z .gitlab-ci.yml:

        deploy_test:
          stage: deploy
          image: instrumentisto/rsync-ssh
          script:
            - apk add --no-cache sshpass
            - sshpass -p '⟪pw|password⟫' rsync -az --delete -e "ssh -o StrictHostKeyChecking=no" dist/ wdrozenie@test.sklep-kowalski.pl:/var/www/sklep/
          only:
            - develop

        Hasło sprawdzałem ręcznie i przez ssh loguje się normalnie.
        """), v


@t("cicd", "vi", "not_secret", "secret_reference")
def gitlab_ci_job_token_refs_vi(r):
    return D("""
        Tại sao job thứ hai không pull được image mà job đầu vừa push? Cả hai đều dùng biến có sẵn của GitLab:

        build:
          stage: build
          script:
            - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"
            - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
            - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"

        helm-package:
          stage: package
          script:
            - git clone "https://gitlab-ci-token:${CI_JOB_TOKEN}@gitlab.com/acme/charts.git"
            - helm registry login registry.gitlab.com -u gitlab-ci-token -p "$CI_JOB_TOKEN"
        """), {}


@t("cicd", "tr", "not_secret", "secret_reference")
def jenkinsfile_with_credentials_tr(r):
    return D("""
        Jenkinsfile'da withCredentials kullanıyorum ama Nexus'a yükleme 401 dönüyor. Kimlik bilgisi ID'si doğru, Jenkins'te "nexus-deploy" olarak tanımlı.

        stage('Publish') {
            steps {
                withCredentials([usernamePassword(credentialsId: 'nexus-deploy',
                                                  usernameVariable: 'NEXUS_USER',
                                                  passwordVariable: 'NEXUS_PASS')]) {
                    sh 'mvn -B -s ci/settings.xml deploy -DaltDeploymentRepository=releases::https://nexus.firma.com.tr/repository/maven-releases/'
                }
            }
        }

        settings.xml içinde <password>${env.NEXUS_PASS}</password> yazıyor.
        """), {}


@t("cicd", "es", "secret", "jenkins_api_token")
def jenkins_remote_trigger_es(r):
    v = {"tok": jenkins_token(r)}
    return D("""
        Intento lanzar un job parametrizado de Jenkins desde una máquina con cron y recibo 403 "No valid crumb was included in the request". ¿Los API tokens no se saltaban la protección CSRF?

        curl -X POST -u svc-cron:⟪tok|jenkins_api_token⟫ \\
          "https://jenkins.build.internal/job/nightly-db-refresh/buildWithParameters?TARGET=staging&SNAPSHOT=latest"
        """), v


@t("cicd", "vi", "not_secret", "encrypted_blob")
def jenkins_credentials_xml_vi(r):
    v = {"blob": "{AQAAABAAAAAw" + rs(r, B64, 52) + "=}", "id": uuid4(r)}
    return D("""
        Mình đang migrate Jenkins sang server mới, copy nguyên thư mục JENKINS_HOME nhưng các credential đều báo lỗi giải mã. Trong credentials.xml thấy như này, có lấy lại được không?

        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>
          <scope>GLOBAL</scope>
          <id>⟪id⟫</id>
          <description>tai khoan deploy staging</description>
          <username>deploy</username>
          <password>⟪blob⟫</password>
        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>
        """), v


@t("cicd", "en", "secret", "circleci_token")
def circleci_api_trigger(r):
    v = {"tok": circleci_token(r)}
    return D("""
        Script we use to kick off the nightly e2e pipeline on CircleCI. Started getting 404 "Project not found" today, nothing changed on our side:

        #!/usr/bin/env bash
        set -euo pipefail
        curl -sS -X POST https://circleci.com/api/v2/project/gh/northwind-labs/e2e-suite/pipeline \\
          -H "Circle-Token: ⟪tok|circleci_token⟫" \\
          -H "Content-Type: application/json" \\
          -d '{"branch":"main","parameters":{"run_nightly":true}}'
        """), v


@t("cicd", "id", "secret", "azure_devops_pat")
def azure_pipelines_pat_url_id(r):
    v = {"pat": ado_pat(r)}
    return D("""
        Halo, pipeline Azure DevOps kami gagal di langkah clone repo kedua dengan pesan "fatal: Authentication failed". Padahal PAT-nya baru dibuat kemarin. Ini potongan azure-pipelines.yml:

        steps:
          - checkout: self
          - script: |
              git clone https://build:⟪pat|azure_devops_pat⟫@dev.azure.com/tokomaju/Platform/_git/shared-templates
              cp -r shared-templates/ci ./ci
            displayName: Ambil template bersama

        Apakah scope "Code (Read)" saja tidak cukup?
        """), v


@t("cicd", "hi", "not_secret", "secret_reference")
def azure_pipelines_var_group_hi(r):
    return D("""
        Azure Pipelines में variable group से ACR का password आ रहा है, लेकिन docker login पर "unauthorized" मिलता है। क्या $(ACR_PASSWORD) वाली syntax script के अंदर काम करती है?

        variables:
          - group: acr-prod-credentials

        steps:
          - script: |
              echo $(ACR_PASSWORD) | docker login bharatretail.azurecr.io -u $(ACR_USERNAME) --password-stdin
              docker push bharatretail.azurecr.io/checkout:$(Build.BuildId)
            displayName: Push image
        """), {}


@t("cicd", "ar", "secret", "password")
def argocd_cli_login_ar(r):
    v = {"pw": password(r, "std", lang="ar")}
    return D("""
        أحاول مزامنة التطبيق من خطوة CI، لكن أمر الدخول يفشل بخطأ "context deadline exceeded". هل المشكلة في الشهادة أم في الشبكة؟

        argocd login argocd.sharikat-alnaql.sa --username ci-sync --password '⟪pw|password⟫' --grpc-web --insecure
        argocd app sync tatbiq-almadfouat --prune --timeout 300
        """), v


@t("cicd", "en", "secret", "gitlab_pat")
def tekton_git_basic_auth(r):
    v = {"tok": glpat(r)}
    return D("""
        Tekton git-clone task can't fetch from our self-managed GitLab. The Secret is annotated and linked to the pipeline SA, but the pod logs show "could not read Username".

        apiVersion: v1
        kind: Secret
        metadata:
          name: gitlab-basic-auth
          annotations:
            tekton.dev/git-0: https://gitlab.werk.example.net
        type: kubernetes.io/basic-auth
        stringData:
          username: tekton-bot
          password: ⟪tok|gitlab_pat⟫
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: pipeline
        secrets:
          - name: gitlab-basic-auth
        """), v


@t("cicd", "de", "not_secret", "secret_reference")
def tekton_eventlistener_de(r):
    return D("""
        Der GitHub-Webhook auf unseren Tekton-EventListener liefert immer 202, aber es startet kein PipelineRun. Liegt es am Interceptor?

        apiVersion: triggers.tekton.dev/v1beta1
        kind: EventListener
        metadata:
          name: github-push
        spec:
          serviceAccountName: tekton-triggers
          triggers:
            - name: on-push
              interceptors:
                - ref:
                    name: github
                  params:
                    - name: secretRef
                      value:
                        secretName: github-webhook-secret
                        secretKey: token
                    - name: eventTypes
                      value: ["push"]
              template:
                ref: build-and-deploy
        """), {}


@t("cicd", "fr", "secret", "webhook_secret")
def atlantis_env_fr(r):
    v = {"wh": rs(r, HEX, 40), "tok": ghp(r)}
    return D("""
        Atlantis ne répond plus aux commentaires « atlantis plan » sur les PR. Le pod tourne et les logs disent « invalid signature » à chaque webhook. Voici l'env du déploiement :

        ATLANTIS_REPO_ALLOWLIST=github.com/boulangerie-numerique/*
        ATLANTIS_GH_USER=atlantis-bot
        ATLANTIS_GH_TOKEN=⟪tok|github_pat⟫
        ATLANTIS_GH_WEBHOOK_SECRET=⟪wh|webhook_secret⟫
        ATLANTIS_ATLANTIS_URL=https://atlantis.boulangerie-numerique.fr

        Faut-il que le secret soit identique à celui configuré dans le webhook GitHub ?
        """), v


@t("cicd", "en", "secret", "sonarqube_token")
def sonar_scanner_cli(r):
    v = {"tok": sonar_token(r)}
    return D("""
        sonar-scanner run from a Jenkins agent ends with "Project not found. Please check the 'sonar.projectKey' and 'sonar.organization' properties". Command:

        sonar-scanner \\
          -Dsonar.projectKey=payments-gateway \\
          -Dsonar.sources=src \\
          -Dsonar.host.url=https://sonar.internal.acme.io \\
          -Dsonar.token=⟪tok|sonarqube_token⟫
        """), v


@t("cicd", "en", "secret", "npm_token")
def npmrc_cat_in_ci(r):
    v = {"tok": npm_token(r)}
    return D("""
        Added a debug step to see why `npm publish` says "You must be logged in". Output from the job:

        $ cat ~/.npmrc
        //registry.npmjs.org/:_authToken=⟪tok|npm_token⟫
        always-auth=true
        $ npm whoami
        npm ERR! code E401

        Is the token type wrong (automation vs publish)?
        """), v


@t("cicd", "en", "not_secret", "secret_reference")
def npmrc_github_packages_ref(r):
    return D("""
        Monorepo with two scopes, one on npmjs and one on GitHub Packages. Local installs work, CI gets 403 on @acme-internal packages.

        # .npmrc (committed)
        @acme-internal:registry=https://npm.pkg.github.com
        //npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}
        //registry.npmjs.org/:_authToken=${NPM_TOKEN}
        """), {}


@t("cicd", "en", "not_secret", "identifier")
def gha_debug_identifiers(r):
    v = {"run": digits(r, 10), "job": digits(r, 11), "repo": digits(r, 9), "sha": gitsha(r)}
    return D("""
        With ACTIONS_STEP_DEBUG on, the cache restore step prints this and then times out. Are these ids enough for GitHub support?

        ##[debug]Evaluating condition for step: 'Restore cache'
        ##[debug]GITHUB_RUN_ID=⟪run⟫
        ##[debug]GITHUB_JOB_ID=⟪job⟫
        ##[debug]GITHUB_REPOSITORY_ID=⟪repo⟫
        ##[debug]GITHUB_SHA=⟪sha⟫
        ##[debug]Resolved Keys: ["node-cache-Linux-x64-npm-⟪sha⟫"]
        ##[debug]Cache service version: v2
        """), v


@t("cicd", "en", "secret", "sentry_auth_token")
def sentry_release_env(r):
    v = {"tok": sentry_org(r, "lumen-health")}
    return D("""
        Source maps upload step in our Vercel build fails with "error: API request failed: 401 Unauthorized". .env.ci:

        SENTRY_ORG=lumen-health
        SENTRY_PROJECT=patient-portal
        SENTRY_AUTH_TOKEN=⟪tok|sentry_auth_token⟫
        NEXT_PUBLIC_SENTRY_ENVIRONMENT=production

        sentry-cli 2.33, @sentry/nextjs 8.x.
        """), v


@t("cicd", "en", "secret", "github_runner_token")
def gha_runner_config(r):
    v = {"tok": "A" + rs(r, UP + DIG, 28)}
    return D("""
        Self-hosted runner on an EC2 box, registration fails with "Http response code: NotFound from 'POST https://api.github.com/actions/runner-registration'". Ran this right after copying the command from the UI:

        ./config.sh --url https://github.com/meridian-freight --token ⟪tok|github_runner_token⟫ --labels self-hosted,linux,x64,gpu --unattended --replace
        """), v


@t("cicd", "en", "not_secret", "placeholder")
def gha_runner_readme_placeholder(r):
    return D("""
        Can you tidy up this section of our runbook so it reads better?

        ## Adding a self-hosted runner
        1. Go to Settings → Actions → Runners → New self-hosted runner and copy the registration token (valid for 1 hour).
        2. On the host:
           ./config.sh --url https://github.com/<ORG> --token <RUNNER_REGISTRATION_TOKEN> --labels self-hosted,linux
        3. sudo ./svc.sh install && sudo ./svc.sh start
        4. Never paste the token in Slack, it's single-use anyway.
        """), {}


@t("cicd", "en", "not_secret", "encrypted_blob")
def renovate_encrypted_host_rule(r):
    v = {"blob": "wcFMA" + rs(r, B64, 360)}
    return D("""
        Renovate on our GitHub org can't access the private Artifactory npm registry after we rotated keys. renovate.json:

        {
          "extends": ["config:recommended"],
          "hostRules": [
            {
              "matchHost": "artifactory.acme.io",
              "hostType": "npm",
              "encrypted": {
                "token": "⟪blob⟫"
              }
            }
          ]
        }

        Do encrypted values have to be regenerated when the org's Renovate key changes?
        """), v


# ================================================================ group: registry
@t("registry", "en", "secret", "docker_registry_auth")
def docker_config_json_auth(r):
    pw = password(r, "std")
    v = {"auth": b64(("ci-builder:" + pw).encode())}
    return D("""
        docker push to our Harbor works from my laptop but the build VM says "unauthorized: unauthorized to access repository". I copied my config.json over:

        {
          "auths": {
            "harbor.platform.acme-logistics.com": {
              "auth": "⟪auth|docker_registry_auth⟫"
            }
          },
          "currentContext": "default"
        }

        Does Harbor need the project to be public for push?
        """), v


@t("registry", "es", "not_secret", "secret_reference")
def docker_config_credhelpers_es(r):
    v = {"acct": digits(r, 12)}
    return D("""
        Después de instalar Docker Desktop ya no puedo hacer pull de ECR desde la terminal: "no basic auth credentials". Mi ~/.docker/config.json quedó así:

        {
          "auths": {},
          "credsStore": "desktop",
          "credHelpers": {
            "⟪acct⟫.dkr.ecr.eu-south-2.amazonaws.com": "ecr-login",
            "europe-southwest1-docker.pkg.dev": "gcloud"
          }
        }

        ¿El credsStore pisa al credHelper?
        """), v


@t("registry", "pt", "secret", "docker_hub_pat")
def docker_login_cli_pat_pt(r):
    v = {"tok": dckr(r)}
    return D("""
        Gente, o login funciona mas logo depois o push dá "denied: requested access to the resource is denied". O token foi criado com permissão Read & Write.

        $ docker login -u rafaelmonteiro -p ⟪tok|docker_hub_pat⟫
        WARNING! Using --password via the CLI is insecure. Use --password-stdin.
        Login Succeeded
        $ docker push rafaelmonteiro/api-pagamentos:1.8.0
        The push refers to repository [docker.io/rafaelmonteiro/api-pagamentos]
        denied: requested access to the resource is denied
        """), v


@t("registry", "ja", "not_secret", "secret_reference")
def ecr_login_password_stdin_ja(r):
    v = {"acct": digits(r, 12)}
    return D("""
        デプロイスクリプトのこの行が、ときどき「Error saving credentials: error storing credentials - err: exit status 1」で失敗します。毎回ではないのはなぜでしょうか？

        aws ecr get-login-password --region ap-northeast-1 | docker login --username AWS --password-stdin ⟪acct⟫.dkr.ecr.ap-northeast-1.amazonaws.com
        """), v


@t("registry", "ja", "secret", "github_pat")
def dockerfile_arg_token_ja(r):
    v = {"tok": ghp(r)}
    return D("""
        社内の Go のプライベートモジュールを取得するために Dockerfile をこう書いたのですが、ビルドが遅いうえに「terminal prompts disabled」で失敗することがあります。書き方として問題ありますか？

        FROM golang:1.23 AS build
        ENV GOPRIVATE=github.com/kumo-systems/*
        ENV GITHUB_TOKEN=⟪tok|github_pat⟫
        RUN git config --global url."https://${GITHUB_TOKEN}:x-oauth-basic@github.com/".insteadOf "https://github.com/"
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN CGO_ENABLED=0 go build -o /out/gateway ./cmd/gateway
        """), v


@t("registry", "pt", "not_secret", "secret_reference")
def dockerfile_buildkit_secret_mount_pt(r):
    return D("""
        Converti nosso Dockerfile para usar secrets do BuildKit. Isso basta para o token não ficar nas camadas da imagem final?

        # syntax=docker/dockerfile:1.7
        FROM node:20-alpine AS deps
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev

        Build feito com: docker buildx build --secret id=npmrc,src=$HOME/.npmrc -t web:latest .
        """), {}


@t("registry", "zh", "secret", "password")
def docker_history_leak_zh(r):
    v = {"pw": password(r, "env", lang="zh"), "img": rs(r, HEX, 12)}
    return D("""
        安全扫描说我们的镜像里有明文密码，我用 docker history 看了一下，确实在 ENV 里。这个镜像已经推到公网的仓库了，现在应该怎么处理？只删 tag 够吗？

        $ docker history --no-trunc registry.cn-hangzhou.aliyuncs.com/xingyun/order-svc:3.2.1 | head -5
        IMAGE          CREATED       CREATED BY                                                        SIZE
        ⟪img⟫   3 weeks ago   ENTRYPOINT ["java" "-jar" "/app/order-svc.jar"]                   0B
        <missing>      3 weeks ago   ENV SPRING_DATASOURCE_PASSWORD=⟪pw|password⟫                       0B
        <missing>      3 weeks ago   ENV SPRING_DATASOURCE_USERNAME=order_rw                           0B
        <missing>      3 weeks ago   COPY target/order-svc.jar /app/order-svc.jar                      84.2MB
        """), v


@t("registry", "ko", "not_secret", "hash")
def image_digest_ko(r):
    v = {"d": sha256hex(r), "d2": sha256hex(r)}
    return D("""
        같은 태그인데 스테이징과 운영에서 다이제스트가 다르게 나옵니다. 누군가 태그를 덮어쓴 걸까요?

        staging$ crictl images --digests | grep billing
        harbor.corp.kr/pay/billing   2.4.0   sha256:⟪d⟫   ...

        prod$ docker pull harbor.corp.kr/pay/billing:2.4.0
        2.4.0: Pulling from pay/billing
        Digest: sha256:⟪d2⟫
        Status: Image is up to date for harbor.corp.kr/pay/billing:2.4.0
        """), v


@t("registry", "en", "not_secret", "public_key")
def cosign_public_key(r):
    v = {"pub": pem_public(r)}
    return D("""
        cosign verify fails with "no matching signatures: invalid signature when validating ASN.1 encoded signature". This is the cosign.pub we ship in the repo:

        ⟪pub⟫

        $ cosign verify --key cosign.pub ghcr.io/aurora-infra/ingress-proxy:1.12.0
        """), v


@t("registry", "en", "secret", "harbor_robot_secret")
def harbor_robot(r):
    v = {"sec": rs(r, ALNUM, 32), "id": str(r.randint(10, 300))}
    return D("""
        Created a Harbor robot account through the API, response below. docker login with it gives "unauthorized: authentication required". Do I need to escape the $ in the name?

        {
          "id": ⟪id⟫,
          "name": "robot$ci-push",
          "secret": "⟪sec|harbor_robot_secret⟫",
          "creation_time": "2025-02-11T09:41:07.512Z",
          "expires_at": -1
        }

        $ docker login harbor.sklad.local -u robot$ci-push
        """), v


@t("registry", "en", "secret", "quay_robot_token")
def quay_robot_login(r):
    v = {"tok": quay_robot(r)}
    return D("""
        Our Tekton task logs into Quay with a robot account. Since yesterday: "Error: error authenticating creds for quay.io: invalid username/password". Step script:

        buildah login -u="tidewater+tekton_push" -p="⟪tok|quay_robot_token⟫" quay.io
        buildah push quay.io/tidewater/notifier:$(params.version)
        """), v


@t("registry", "pl", "not_secret", "masked")
def acr_credential_show_pl(r):
    return D("""
        Czy admin user w ACR musi być włączony, żeby AKS mógł pobierać obrazy? Wynik `az acr credential show` (hasła zamaskowałem):

        {
          "passwords": [
            { "name": "password",  "value": "********************************" },
            { "name": "password2", "value": "********************************" }
          ],
          "username": "hurtowniaprod"
        }

        Wolałbym użyć managed identity zamiast tego.
        """), {}


@t("registry", "en", "not_secret", "identifier")
def ecr_describe_images(r):
    v = {"acct": digits(r, 12), "d": sha256hex(r)}
    return D("""
        Lifecycle policy deleted an image that is still running in prod. describe-images output for the one that survived:

        {
          "imageDetails": [
            {
              "registryId": "⟪acct⟫",
              "repositoryName": "checkout/api",
              "imageDigest": "sha256:⟪d⟫",
              "imageTags": ["2025.06.3"],
              "imageSizeInBytes": 118734212,
              "imagePushedAt": "2025-06-18T14:02:55+02:00",
              "imageManifestMediaType": "application/vnd.oci.image.manifest.v1+json"
            }
          ]
        }
        """), v


@t("registry", "en", "secret", "artifactory_api_key")
def pip_conf_artifactory(r):
    v = {"key": artifactory_key(r)}
    return D("""
        pip keeps hitting PyPI instead of our Artifactory remote even with this /etc/pip.conf on the build image:

        [global]
        index-url = https://svc-pip:⟪key|artifactory_api_key⟫@artifactory.acme.io/artifactory/api/pypi/pypi-remote/simple
        trusted-host = artifactory.acme.io
        timeout = 60
        """), v


@t("registry", "en", "not_secret", "placeholder")
def nerdctl_login_placeholder(r):
    return D("""
        Please turn these notes into a proper step list for the wiki:

        containerd nodes don't use docker, so for Harbor pulls:
        nerdctl login harbor.lab.local -u '<robot-account-name>' -p '<robot-secret-from-vault>'
        then nerdctl pull harbor.lab.local/base/ubuntu:24.04 to test.
        robot secret lives in Vault at kv/platform/harbor/robots/<node-pool>.
        """), {}


@t("registry", "en", "secret", "password")
def k3s_registries_yaml(r):
    v = {"pw": password(r, "std", shape="unicode", unicode_ok=True)}
    return D("""
        k3s agents still pull from Docker Hub instead of our mirror. /etc/rancher/k3s/registries.yaml on every node:

        mirrors:
          docker.io:
            endpoint:
              - "https://nexus.edge.internal:8443"
        configs:
          "nexus.edge.internal:8443":
            auth:
              username: k3s-pull
              password: "⟪pw|password⟫"
            tls:
              insecure_skip_verify: true

        I restarted k3s-agent after changing it.
        """), v


@t("registry", "en", "not_secret", "dummy_value")
def compose_local_dev_defaults(r):
    return D("""
        docker compose up works, but the API container can't reach Postgres ("connection refused"). It's just the local dev stack:

        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_USER: postgres
              POSTGRES_PASSWORD: postgres
              POSTGRES_DB: app_dev
            ports: ["5432:5432"]
          api:
            build: .
            environment:
              DATABASE_URL: postgres://postgres:postgres@localhost:5432/app_dev
            depends_on: [db]
        """), {}


@t("registry", "en", "secret", "gitlab_deploy_token")
def skopeo_copy_deploy_token(r):
    v = {"tok": gldt(r)}
    return D("""
        Mirroring images from GitLab's registry to the air-gapped Harbor with skopeo. Source side says "reading manifest: unauthorized". Command:

        skopeo copy --all \\
          --src-creds gitlab+deploy-token-4471:⟪tok|gitlab_deploy_token⟫ \\
          --dest-creds "$HARBOR_USER:$HARBOR_PASS" \\
          docker://registry.gitlab.com/polar-grid/scada/collector:5.1.0 \\
          docker://harbor.airgap.local/scada/collector:5.1.0
        """), v


# ================================================================ group: observability
@t("observability", "tr", "secret", "datadog_api_key")
def datadog_agent_yaml_tr(r):
    v = {"k": datadog_api(r)}
    return D("""
        Datadog agent'ı kurdum ama host'lar panelde görünmüyor. `datadog-agent status` çıktısında "API key invalid" yazıyor. /etc/datadog-agent/datadog.yaml dosyam:

        api_key: ⟪k|datadog_api_key⟫
        site: datadoghq.eu
        hostname: odeme-api-01
        logs_enabled: true
        process_config:
          process_collection:
            enabled: true

        Site ayarı yanlış olabilir mi?
        """), v


@t("observability", "en", "not_secret", "secret_reference")
def datadog_helm_existing_secret(r):
    return D("""
        Datadog Helm chart 3.x: the cluster agent can't talk to the node agents ("Cluster Agent token mismatch"). values.yaml:

        datadog:
          apiKeyExistingSecret: datadog-keys
          appKeyExistingSecret: datadog-keys
          site: us5.datadoghq.com
          clusterName: prod-us5
        clusterAgent:
          enabled: true
          tokenExistingSecret: datadog-cluster-agent-token

        datadog-keys has api-key and app-key entries, created by our ExternalSecret.
        """), {}


@t("observability", "vi", "secret", "grafana_cloud_token")
def promtail_grafana_cloud_vi(r):
    uid = str(r.randint(400000, 999999))
    v = {"tok": glc(r, str(r.randint(700000, 999999)), "stack-%s-hl-write-logs" % uid, "prod-ap-southeast-1"), "uid": uid}
    return D("""
        Promtail gửi log lên Grafana Cloud bị lỗi 401 "invalid token", mình đã tạo access policy có quyền logs:write rồi. Cấu hình client như sau:

        clients:
          - url: https://logs-prod-020.grafana.net/loki/api/v1/push
            basic_auth:
              username: "⟪uid⟫"
              password: "⟪tok|grafana_cloud_token⟫"

        Username có phải là số User ID của stack Loki không bạn?
        """), v


@t("observability", "en", "secret", "password")
def prom_remote_write_basic_auth(r):
    v = {"pw": password(r, "std")}
    return D("""
        Prometheus remote_write to our central Mimir starts dropping samples with "context deadline exceeded" every night at 02:00. Relevant config:

        remote_write:
          - url: https://mimir.obs.acme.internal/api/v1/push
            basic_auth:
              username: edge-fra-1
              password: "⟪pw|password⟫"
            queue_config:
              capacity: 10000
              max_shards: 50
              max_samples_per_send: 2000
            headers:
              X-Scope-OrgID: edge
        """), v


@t("observability", "id", "not_secret", "secret_reference")
def prom_remote_write_password_file_id(r):
    return D("""
        Apakah password_file dibaca ulang otomatis kalau isinya berubah, atau Prometheus harus di-reload? Konfigurasi kami:

        remote_write:
          - url: https://prometheus-prod-18-prod-ap-southeast-0.grafana.net/api/prom/push
            basic_auth:
              username: "1583302"
              password_file: /etc/prometheus/secrets/grafana-cloud-token
        """), {}


@t("observability", "hi", "secret", "newrelic_license_key")
def newrelic_dockerfile_hi(r):
    v = {"k": nr_license(r)}
    return D("""
        हमारे Java service का data New Relic में नहीं दिख रहा। agent log में "Invalid license key" लिखा है। Dockerfile का यह हिस्सा देखिए, क्या EU region के लिए कुछ अलग करना पड़ता है?

        FROM eclipse-temurin:21-jre
        COPY newrelic/newrelic.jar /opt/newrelic/newrelic.jar
        ENV NEW_RELIC_APP_NAME="order-service (prod)"
        ENV NEW_RELIC_LICENSE_KEY=⟪k|newrelic_license_key⟫
        ENV NEW_RELIC_LOG_FILE_NAME=STDOUT
        ENTRYPOINT ["java", "-javaagent:/opt/newrelic/newrelic.jar", "-jar", "/app/order-service.jar"]
        """), v


@t("observability", "en", "not_secret", "public_client_key")
def newrelic_browser_snippet(r):
    v = {"k": "NRJS-" + rs(r, HEX, 19), "app": digits(r, 10), "acct": digits(r, 7)}
    return D("""
        Security review flagged this in our index.html as a "leaked New Relic key". It's the browser agent config, that's meant to be public, right?

        <script type="text/javascript">
        ;window.NREUM||(NREUM={});NREUM.init={distributed_tracing:{enabled:true},privacy:{cookies_enabled:true}};
        ;NREUM.loader_config={accountID:"⟪acct⟫",trustKey:"⟪acct⟫",agentID:"⟪app⟫",licenseKey:"⟪k⟫",applicationID:"⟪app⟫"};
        ;NREUM.info={beacon:"bam.eu01.nr-data.net",errorBeacon:"bam.eu01.nr-data.net",licenseKey:"⟪k⟫",applicationID:"⟪app⟫",sa:1};
        </script>
        """), v


@t("observability", "ar", "not_secret", "public_client_key")
def sentry_dsn_frontend_ar(r):
    v = {"k": rs(r, HEX, 32), "o": digits(r, 6), "p": digits(r, 7)}
    return D("""
        سؤال من فريق الواجهة: هل يجب إخفاء قيمة الـ DSN الخاصة بـ Sentry في تطبيق React؟ ستظهر في ملف الـ bundle على أي حال.

        import * as Sentry from "@sentry/react";

        Sentry.init({
          dsn: "https://⟪k⟫@o⟪o⟫.ingest.de.sentry.io/⟪p⟫",
          integrations: [Sentry.browserTracingIntegration()],
          tracesSampleRate: 0.2,
          environment: "production",
        });
        """), v


@t("observability", "en", "secret", "sentry_dsn_secret")
def sentry_legacy_dsn_secret(r):
    v = {"pub": rs(r, HEX, 32), "sec": rs(r, HEX, 32)}
    return D("""
        Old Django 2 service still on raven, pointing at our self-hosted Sentry 9. Events stopped arriving after the Sentry box moved. settings.py:

        RAVEN_CONFIG = {
            "dsn": "https://⟪pub⟫:⟪sec|sentry_dsn_secret⟫@sentry.ops.wernerbau.de/7",
            "release": raven.fetch_git_sha(os.path.dirname(os.pardir)),
        }

        Do I need to update anything besides the host?
        """), v


@t("observability", "de", "secret", "honeycomb_api_key")
def otel_collector_honeycomb_de(r):
    v = {"k": rs(r, ALNUM, 22)}
    return D("""
        Unser OpenTelemetry Collector schickt Traces an Honeycomb, aber im Dataset kommt nichts an. Im Log steht "rpc error: code = Unauthenticated". Exporter-Konfiguration:

        exporters:
          otlp/honeycomb:
            endpoint: api.eu1.honeycomb.io:443
            headers:
              x-honeycomb-team: ⟪k|honeycomb_api_key⟫
              x-honeycomb-dataset: bestellservice

        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [batch]
              exporters: [otlp/honeycomb]

        Ist der Endpoint für EU richtig?
        """), v


@t("observability", "fr", "secret", "splunk_hec_token")
def splunk_hec_curl_fr(r):
    v = {"tok": uuid4(r).upper() if r.random() < 0.5 else uuid4(r)}
    return D("""
        Je teste l'envoi vers le HTTP Event Collector de Splunk et j'obtiens {"text":"Invalid token","code":4}. Le jeton vient d'être créé dans l'index « supervision ».

        curl -k https://splunk-hec.mutuelle-ouest.fr:8088/services/collector/event \\
          -H "Authorization: Splunk ⟪tok|splunk_hec_token⟫" \\
          -d '{"event": "test depuis bastion", "sourcetype": "manual", "index": "supervision"}'

        Faut-il activer le jeton quelque part en plus ?
        """), v


@t("observability", "en", "not_secret", "secret_reference")
def fluentbit_splunk_env(r):
    return D("""
        Fluent Bit sends nothing to Splunk and its logs only show "http_status=403". The token comes from the DaemonSet environment. Does the variable get expanded with this syntax?

        [OUTPUT]
            Name          splunk
            Match         kube.*
            Host          splunk-hec.bancolatino.internal
            Port          8088
            TLS           On
            Splunk_Token  ${SPLUNK_HEC_TOKEN}
            Splunk_Send_Raw Off
        """), {}


@t("observability", "en", "secret", "elastic_api_key")
def elastic_apikey_header(r):
    v = {"k": b64((rs(r, B64URL, 20) + ":" + rs(r, B64URL, 22)).encode())}
    return D("""
        Created an API key in Kibana for the log shipper, but _bulk returns 401 "unable to authenticate with provided credentials". I'm using the "encoded" value:

        curl -s -X POST "https://es-prod.varejo-sul.com.br:9243/_bulk" \\
          -H "Authorization: ApiKey ⟪k|elastic_api_key⟫" \\
          -H "Content-Type: application/x-ndjson" \\
          --data-binary @lote.ndjson

        The key has the "create_doc" privilege on logs-pdv-*.
        """), v


@t("observability", "en", "not_secret", "identifier")
def elastic_cloud_id_keystore(r):
    name = "obs-prod"
    host = "europe-west3.gcp.cloud.es.io:443$%s$%s" % (rs(r, HEX, 32), rs(r, HEX, 32))
    v = {"cid": name + ":" + b64(host.encode())}
    return D("""
        Filebeat 8.14 can't connect to Elastic Cloud: "Failed to connect to backoff(elasticsearch(https://...))". filebeat.yml:

        cloud.id: "⟪cid⟫"
        cloud.auth: "filebeat_writer:${ES_PWD}"

        ES_PWD is in the filebeat keystore (filebeat keystore list shows it).
        """), v


@t("observability", "en", "secret", "password")
def grafana_ini_admin(r):
    v = {"pw": password(r, "std", lang="ja"), "sk": rs(r, ALNUM, 32)}
    return D("""
        After upgrading Grafana I can no longer log in as admin. I didn't touch grafana.ini. Could secret_key have something to do with it?

        [server]
        root_url = https://grafana.kanri.example.jp/

        [security]
        admin_user = admin
        admin_password = ⟪pw|password⟫
        secret_key = ⟪sk|signing_secret⟫
        disable_gravatar = true
        """), v


@t("observability", "en", "not_secret", "masked")
def grafana_token_truncated(r):
    v = {"pre": "glsa_" + rs(r, ALNUM, 4)}
    return D("""
        Our dashboard provisioning script gets 401 from Grafana 11. Token created 10 min ago as Admin. Pasting with the token cut:

        $ curl -s -H "Authorization: Bearer ⟪pre⟫…(cut)" https://grafana.obs.internal/api/dashboards/uid/k8s-overview
        {"extra":null,"message":"Invalid API key","messageId":"api-keys.invalid","statusCode":401,"traceID":""}
        """), v


@t("observability", "en", "not_secret", "identifier")
def loki_tenant_orgid(r):
    return D("""
        Multi-tenant Loki: queries from Grafana return data from the wrong team. Datasource has a custom header, the gateway adds another. Which wins?

        Datasource "Loki (payments)": HTTP header X-Scope-OrgID = payments
        nginx gateway: proxy_set_header X-Scope-OrgID $http_x_scope_orgid;
        Loki limits_config per tenant: payments, search, fleet|payments (federated)
        """), {}


@t("observability", "en", "secret", "grafana_cloud_token")
def alloy_otlp_basic_auth(r):
    uid = str(r.randint(800000, 1300000))
    v = {"tok": glc(r, str(r.randint(900000, 1200000)), "stack-%s-otlp-write" % uid, "prod-eu-west-2"), "uid": uid}
    return D("""
        Grafana Alloy sends metrics fine but traces to Grafana Cloud OTLP get 401. config.alloy:

        otelcol.auth.basic "grafana_cloud" {
          username = "⟪uid⟫"
          password = "⟪tok|grafana_cloud_token⟫"
        }

        otelcol.exporter.otlphttp "grafana_cloud" {
          client {
            endpoint = "https://otlp-gateway-prod-eu-west-2.grafana.net/otlp"
            auth     = otelcol.auth.basic.grafana_cloud.handler
          }
        }
        """), v


@t("observability", "en", "secret", "pagerduty_integration_key")
def alertmanager_receivers(r):
    v = {"pd": pagerduty_key(r), "slack": slack_webhook(r)}
    return D("""
        Alertmanager only pages for the first alert in a group, later ones go nowhere. Receivers section:

        receivers:
          - name: sre-pager
            pagerduty_configs:
              - routing_key: ⟪pd|pagerduty_integration_key⟫
                severity: '{{ .CommonLabels.severity }}'
                send_resolved: true
          - name: sre-slack
            slack_configs:
              - api_url: ⟪slack|slack_webhook⟫
                channel: '#sre-alerts'
                title: '{{ template "slack.title" . }}'
        """), v


@t("observability", "en", "not_secret", "secret_reference")
def alertmanager_file_refs(r):
    return D("""
        We switched Alertmanager to read credentials from files mounted from a Secret. Config check passes; is `routing_key_file` supported in 0.27?

        global:
          slack_api_url_file: /etc/alertmanager/secrets/slack-url
        receivers:
          - name: sre-pager
            pagerduty_configs:
              - routing_key_file: /etc/alertmanager/secrets/pd-routing-key
          - name: sre-opsgenie
            opsgenie_configs:
              - api_key_file: /etc/alertmanager/secrets/opsgenie-key
        """), {}


@t("observability", "en", "secret", "newrelic_user_key")
def newrelic_nerdgraph_curl(r):
    v = {"k": nr_user(r), "acct": digits(r, 7)}
    return D("""
        NerdGraph query for our alert policies returns an empty list, but the UI shows 40 policies. What's wrong with the query?

        curl -s https://api.eu.newrelic.com/graphql \\
          -H 'Content-Type: application/json' \\
          -H 'API-Key: ⟪k|newrelic_user_key⟫' \\
          -d '{"query":"{ actor { account(id: ⟪acct⟫) { alerts { policiesSearch { policies { id name } } } } } }"}'
        """), v


@t("observability", "en", "not_secret", "request_id")
def trace_ids_log(r):
    v = {"tr": rs(r, HEX, 32), "sp": rs(r, HEX, 16), "sp2": rs(r, HEX, 16), "req": uuid4(r)}
    return D("""
        Tempo can't find this trace even though the log line has the ids. Are we propagating the wrong header?

        2025-05-14T09:12:44.381Z ERROR checkout-api request failed status=502 upstream=inventory:8080 request_id=⟪req⟫ trace_id=⟪tr⟫ span_id=⟪sp⟫
        incoming headers: traceparent: 00-⟪tr⟫-⟪sp2⟫-01
        """), v


@t("observability", "en", "not_secret", "no_credential")
def prom_scrape_bearer_file(r):
    return D("""
        Scraping the kubelet cAdvisor endpoint from an external Prometheus. Getting 401. Job config:

        - job_name: kubelet-cadvisor
          scheme: https
          metrics_path: /metrics/cadvisor
          authorization:
            type: Bearer
            credentials_file: /etc/prometheus/k8s/token
          tls_config:
            ca_file: /etc/prometheus/k8s/ca.crt
            insecure_skip_verify: false
          static_configs:
            - targets: ["10.40.1.11:10250", "10.40.1.12:10250"]
        """), {}


@t("observability", "en", "not_secret", "password_hash")
def prom_web_config_bcrypt(r):
    v = {"h": "$2y$10$" + rs(r, ALNUM + "./", 53)}
    return D("""
        Enabled basic auth on node_exporter with a web-config file. Now Prometheus gets 401 even though I put the same password in the scrape job. web-config.yml:

        basic_auth_users:
          scraper: ⟪h⟫

        Does node_exporter accept $2y$ hashes or only $2b$?
        """), v


# ================================================================ group: data
@t("data", "zh", "secret", "password")
def sqlalchemy_pg_url_zh(r):
    v = {"pw": password(r, "url", lang="zh")}
    return D("""
        数据迁移脚本跑到一半就报 "server closed the connection unexpectedly"，是不是连接池的参数要调？代码如下：

        from sqlalchemy import create_engine

        engine = create_engine(
            "postgresql+psycopg2://etl_writer:⟪pw|password⟫@pg-master.dw.lan:5432/jingying",
            pool_size=10,
            max_overflow=20,
            pool_pre_ping=True,
        )
        """), v


@t("data", "en", "secret", "password")
def pgpass_file(r):
    v = {"a": password(r, "url"), "b": password(r, "url")}
    return D("""
        psql still prompts for a password even though I have a .pgpass. Permissions are 0600. File:

        # hostname:port:database:username:password
        pg-prod-rw.db.internal:5432:billing:billing_app:⟪a|password⟫
        pg-prod-ro.db.internal:5432:*:analyst:⟪b|password⟫

        Connecting with: psql -h pg-prod-rw.db.internal -U billing_app billing
        """), v


@t("data", "ko", "not_secret", "secret_reference")
def rds_iam_auth_ko(r):
    return D("""
        RDS IAM 인증으로 접속하려고 하는데 "PAM authentication failed for user app_iam" 이 나옵니다. rds_iam 역할은 부여했어요.

        export PGPASSWORD="$(aws rds generate-db-auth-token \\
          --hostname jumun-prod.cluster-abc.ap-northeast-2.rds.amazonaws.com \\
          --port 5432 --region ap-northeast-2 --username app_iam)"
        psql "host=jumun-prod.cluster-abc.ap-northeast-2.rds.amazonaws.com port=5432 dbname=jumun user=app_iam sslmode=verify-full sslrootcert=global-bundle.pem"
        """), {}


@t("data", "ru", "secret", "password")
def mysql_cli_glued_ru(r):
    v = {"pw": password(r, "env", lang="ru")}
    return D("""
        Скрипт бэкапа из cron не отрабатывает, а руками всё работает. В логе только "mysqldump: Got error: 1045: Access denied". Строка из crontab:

        30 2 * * * /usr/bin/mysqldump -h 10.8.0.15 -u backup -p⟪pw|password|g⟫ --single-transaction --routines sklad | gzip > /backup/sklad_$(date +\\%F).sql.gz

        Может, cron как-то портит спецсимволы в пароле?
        """), v


@t("data", "en", "secret", "password")
def mssql_appsettings(r):
    v = {"pw": password(r, "std")}
    return D("""
        EF Core migrations fail from the release pipeline with "A connection was successfully established with the server, but then an error occurred during the pre-login handshake". appsettings.Production.json:

        {
          "ConnectionStrings": {
            "Warehouse": "Server=tcp:sql-wh-prod.database.windows.net,1433;Initial Catalog=wh;User ID=wh_migrator;Password=⟪pw|password⟫;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;"
          },
          "Logging": { "LogLevel": { "Default": "Warning" } }
        }
        """), v


@t("data", "pl", "not_secret", "no_credential")
def mssql_managed_identity_pl(r):
    return D("""
        Przeszliśmy na managed identity w App Service i teraz aplikacja rzuca "Login failed for user '<token-identified principal>'". Connection string bez hasła:

        Server=tcp:sql-faktury.database.windows.net,1433;Database=faktury;Authentication=Active Directory Managed Identity;Encrypt=True;

        Użytkownik w bazie został utworzony przez CREATE USER [app-faktury-prod] FROM EXTERNAL PROVIDER. Czego brakuje?
        """), {}


@t("data", "tr", "secret", "password")
def oracle_sqlplus_tr(r):
    v = {"pw": password(r, "url", lang="tr")}
    return D("""
        Gece çalışan rapor betiği ORA-12514 hatası veriyor ama aynı komutu elle çalıştırınca bağlanıyor. Betikteki satır:

        sqlplus -s rapor_user/⟪pw|password⟫@//ora-scan.banka.local:1521/RAPORPDB @/opt/raporlar/gunluk_ozet.sql

        Servis adını lsnrctl status ile kontrol ettim, RAPORPDB listede var.
        """), v


@t("data", "en", "not_secret", "secret_reference")
def oracle_wallet_external_store(r):
    return D("""
        We moved the batch jobs to the Oracle secure external password store. `sqlplus /@PRODDB` works as oracle but not as the batch user. sqlnet.ora:

        WALLET_LOCATION = (SOURCE = (METHOD = FILE) (METHOD_DATA = (DIRECTORY = /u01/app/oracle/wallet)))
        SQLNET.WALLET_OVERRIDE = TRUE

        $ mkstore -wrl /u01/app/oracle/wallet -listCredential
        Oracle Secret Store Tool Release 19.0.0.0.0 - Production
        List credential (index: connect_string username)
        1: PRODDB batch_etl
        """), {}


@t("data", "vi", "secret", "password")
def mongodb_srv_vi(r):
    v = {"pw": password(r, "url", lang="vi")}
    return D("""
        App Node.js của mình kết nối MongoDB Atlas bị timeout sau khi deploy lên server mới, ở máy local thì chạy bình thường. Chuỗi kết nối (mật khẩu mình đã kiểm tra là đúng):

        MONGODB_URI=mongodb+srv://shop_api:⟪pw|password⟫@cluster0.k3xq9.mongodb.net/banhang?retryWrites=true&w=majority&appName=shop-api

        Có phải do chưa thêm IP server vào Network Access không?
        """), v


@t("data", "en", "secret", "mongodb_atlas_private_key")
def atlas_cli_config(r):
    v = {"pub": rs(r, LO, 8), "priv": uuid4(r), "org": rs(r, HEX, 24), "proj": rs(r, HEX, 24)}
    return D("""
        atlas CLI works for `atlas clusters list` but `atlas backups snapshots create` says "UNAUTHORIZED". ~/.config/atlascli/config.toml:

        [default]
          org_id = "⟪org⟫"
          project_id = "⟪proj⟫"
          public_api_key = "⟪pub⟫"
          private_api_key = "⟪priv|mongodb_atlas_private_key⟫"
          output = "json"
          service = "cloud"

        The API key has Project Read Only on that project.
        """), v


@t("data", "id", "secret", "password")
def redis_cli_tls_id(r):
    v = {"pw": password(r, "std", lang="id")}
    return D("""
        Mau cek isi antrean di Redis produksi, tapi perintah ini selalu kena "I/O error" setelah AUTH. Redis-nya pakai TLS di port 6380.

        $ redis-cli -h redis-antrean.internal -p 6380 --tls --cacert /etc/ssl/redis-ca.pem -a '⟪pw|password⟫' LLEN antrean:email
        Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.
        I/O error

        Kata sandinya sudah benar, sudah saya coba lewat redis-cli di laptop. Apakah perlu --sni juga?
        """), v


@t("data", "en", "not_secret", "password_hash")
def redis_acl_file(r):
    v = {"a": sha256hex(r), "b": sha256hex(r)}
    return D("""
        Redis 7 ACL file loaded via `aclfile`. `ACL LOAD` fails with "Error in ACL SETUSER modifier '#…': Syntax error". Which line is bad?

        user default off
        user app on #⟪a⟫ ~app:* &app:* +@read +@write -@dangerous
        user metrics on #⟪b⟫ ~* +info +client|list +latency
        """), v


@t("data", "es", "secret", "password")
def cassandra_cqlshrc_es(r):
    v = {"pw": password(r, "std")}
    return D("""
        cqlsh conecta con un nodo pero no con los demás ("Unable to connect to any servers", falla el handshake SSL). Mi ~/.cassandra/cqlshrc:

        [authentication]
        username = ops_admin
        password = ⟪pw|password⟫

        [connection]
        hostname = cass-dc1-a.db.internal
        port = 9142
        ssl = true

        [ssl]
        certfile = /etc/cassandra/tls/ca.pem
        validate = true
        """), v


@t("data", "hi", "secret", "password")
def snowflake_python_hi(r):
    v = {"pw": password(r, "std", lang="hi")}
    return D("""
        Snowflake से data लाने वाली यह script Airflow में चलाने पर "250001: Could not connect to Snowflake backend after 0 attempt(s)" देती है। laptop पर ठीक चलती है। क्या account identifier गलत है?

        import snowflake.connector

        conn = snowflake.connector.connect(
            user="ETL_SVC",
            password="⟪pw|password⟫",
            account="xq41207.ap-south-1.aws",
            warehouse="ETL_WH",
            database="BIKRI",
            schema="RAW",
            role="ETL_ROLE",
        )
        """), v


@t("data", "en", "not_secret", "public_key")
def snowflake_rsa_public_key(r):
    body = b64(bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100") + rbytes(r, 256) + bytes.fromhex("0203010001"))
    v = {"k": body}
    return D("""
        Switching the dbt service user to key-pair auth. I ran this in Snowflake, then `DESC USER DBT_SVC` shows RSA_PUBLIC_KEY_FP set. dbt still says "JWT token is invalid". Is the key format right (no header lines)?

        ALTER USER DBT_SVC SET RSA_PUBLIC_KEY='⟪k⟫';

        profiles.yml uses private_key_path: /secrets/dbt/rsa_key.p8 and private_key_passphrase: "{{ env_var('DBT_KEY_PASSPHRASE') }}".
        """), v


@t("data", "ar", "secret", "gcp_service_account_key")
def bigquery_sa_json_ar(r):
    pk = pem_pkcs8(r).replace("\n", "\\n")
    v = {"pk": pk, "kid": rs(r, HEX, 40), "cid": digits(r, 21)}
    return D("""
        أحاول تشغيل استعلام BigQuery من سكربت Python باستخدام حساب خدمة، لكن يظهر الخطأ "403 Access Denied: User does not have bigquery.jobs.create permission". هذا ملف المفتاح الذي نزّلته:

        {
          "type": "service_account",
          "project_id": "tahlilat-prod",
          "private_key_id": "⟪kid⟫",
          "private_key": "⟪pk|gcp_service_account_key⟫\\n",
          "client_email": "bq-reader@tahlilat-prod.iam.gserviceaccount.com",
          "client_id": "⟪cid⟫",
          "auth_uri": "https://accounts.google.com/o/oauth2/auth",
          "token_uri": "https://oauth2.googleapis.com/token",
          "universe_domain": "googleapis.com"
        }

        ما الدور الذي يجب إضافته؟
        """), v


@t("data", "de", "not_secret", "identifier")
def gcloud_sa_keys_list_de(r):
    v = {"a": rs(r, HEX, 40), "b": rs(r, HEX, 40), "c": rs(r, HEX, 40)}
    return D("""
        Für das Audit soll ich alle nutzerverwalteten Schlüssel des Service-Accounts auflisten und die alten löschen. Welche davon sind noch in Verwendung, kann man das sehen?

        $ gcloud iam service-accounts keys list --iam-account=dwh-loader@kunden-dwh.iam.gserviceaccount.com --managed-by=user
        KEY_ID                                    CREATED_AT            EXPIRES_AT            DISABLED
        ⟪a⟫  2022-03-14T08:11:52Z  9999-12-31T23:59:59Z
        ⟪b⟫  2023-11-02T13:40:07Z  9999-12-31T23:59:59Z
        ⟪c⟫  2025-01-20T10:02:33Z  9999-12-31T23:59:59Z
        """), v


@t("data", "en", "secret", "databricks_token")
def databrickscfg(r):
    v = {"tok": databricks(r), "tok2": databricks(r) + "-2"}
    return D("""
        databricks CLI v0.2xx ignores my DEFAULT profile and always uses the staging one. ~/.databrickscfg:

        [DEFAULT]
        host  = https://adb-4413092288764312.12.azuredatabricks.net
        token = ⟪tok|databricks_token⟫

        [staging]
        host  = https://adb-7730112093555021.1.azuredatabricks.net
        token = ⟪tok2|databricks_token⟫

        DATABRICKS_CONFIG_PROFILE is not set anywhere.
        """), v


@t("data", "en", "not_secret", "secret_reference")
def databricks_secret_scope(r):
    return D("""
        Notebook works interactively but the job cluster fails to read from ADLS with "This request is not authorized". Cluster Spark config and notebook code:

        spark.hadoop.fs.azure.account.oauth2.client.secret.lakeprod.dfs.core.windows.net {{secrets/lake-prod/sp-client-secret}}
        spark.hadoop.fs.azure.account.oauth2.client.id.lakeprod.dfs.core.windows.net {{secrets/lake-prod/sp-client-id}}

        jdbc_password = dbutils.secrets.get(scope="lake-prod", key="sqldw-password")
        """), {}


@t("data", "en", "secret", "password")
def clickhouse_users_xml(r):
    v = {"pw": password(r, "std"), "h": sha256hex(r)}
    return D("""
        ClickHouse ignores my new user; `clickhouse-client --user grafana` says "Authentication failed: password is incorrect, or there is no user with such name". /etc/clickhouse-server/users.d/grafana.xml:

        <clickhouse>
          <users>
            <grafana>
              <password>⟪pw|password⟫</password>
              <networks><ip>10.60.0.0/16</ip></networks>
              <profile>readonly</profile>
              <quota>default</quota>
            </grafana>
            <etl>
              <password_sha256_hex>⟪h⟫</password_sha256_hex>
              <profile>default</profile>
            </etl>
          </users>
        </clickhouse>
        """), v


@t("data", "en", "not_secret", "secret_reference")
def dbt_profiles_env_var(r):
    return D("""
        dbt debug passes locally but in the CI container says "Env var required but not provided: 'DBT_CH_PASSWORD'". profiles.yml:

        analytics:
          target: prod
          outputs:
            prod:
              type: clickhouse
              host: ch-prod.analytics.internal
              port: 9440
              user: dbt
              password: "{{ env_var('DBT_CH_PASSWORD') }}"
              secure: true
              schema: marts
        """), {}


@t("data", "en", "secret", "password")
def airflow_conn_env(r):
    v = {"pw": password(r, "url"), "fk": fernet(r)}
    return D("""
        Airflow 2.9 on Kubernetes: the warehouse connection defined via env var doesn't show up in the UI connection list. Is that expected? Scheduler env:

        AIRFLOW_CONN_WAREHOUSE='postgresql://etl:⟪pw|password⟫@dw-primary.data.svc:5432/dw?sslmode=require'
        AIRFLOW__CORE__FERNET_KEY=⟪fk|fernet_key⟫
        AIRFLOW__CORE__EXECUTOR=KubernetesExecutor
        """), v


@t("data", "en", "not_secret", "masked")
def airflow_task_log_masked(r):
    return D("""
        Task log from the failing load. Airflow masked the URI itself; I can't tell whether it picked up the new host.

        [2025-04-02, 03:10:14 UTC] {base.py:84} INFO - Using connection ID 'warehouse' for task execution.
        [2025-04-02, 03:10:14 UTC] {sql.py:509} INFO - Running statement: COPY staging.orders FROM STDIN WITH CSV HEADER
        [2025-04-02, 03:10:44 UTC] {taskinstance.py:2905} ERROR - Task failed with exception
        psycopg2.OperationalError: connection to server at "dw-primary.data.svc" (10.96.14.2), port 5432 failed: FATAL:  password authentication failed for user "etl"
        [2025-04-02, 03:10:44 UTC] {logging_mixin.py:190} INFO - conn uri: postgresql://etl:***@dw-primary.data.svc:5432/dw?sslmode=require
        """), {}


@t("data", "en", "not_secret", "no_credential")
def pg_hba_scram(r):
    return D("""
        After upgrading to PG 16 the app fails with "password authentication failed", psql from the same pod works with the same password. pg_hba.conf:

        # TYPE  DATABASE  USER        ADDRESS         METHOD
        local   all       postgres                    peer
        hostssl billing   billing_app 10.50.0.0/16    scram-sha-256
        host    all       all         0.0.0.0/0       reject

        password_encryption = scram-sha-256 in postgresql.conf. The app driver is an old pgjdbc 42.2.5.
        """), {}


@t("data", "en", "not_secret", "password_hash")
def pg_authid_scram_verifier(r):
    v = {"a": "SCRAM-SHA-256$4096:%s$%s:%s" % (b64(rbytes(r, 16)), b64(rbytes(r, 32)), b64(rbytes(r, 32))),
         "b": "md5" + rs(r, HEX, 32)}
    return D("""
        Which of these roles still have MD5 passwords we need to reset before disabling md5 auth?

        postgres=# SELECT rolname, rolpassword FROM pg_authid WHERE rolcanlogin;
           rolname    |                                rolpassword
        --------------+---------------------------------------------------------------------------
         billing_app  | ⟪a⟫
         legacy_batch | ⟪b⟫
        (2 rows)
        """), v


@t("data", "en", "not_secret", "masked")
def mysql_config_editor_print(r):
    return D("""
        mysqldump picks up the wrong login path in cron. What does this output say about which one is default?

        $ mysql_config_editor print --all
        [client]
        user = "backup"
        password = *****
        host = "localhost"
        [replica]
        user = "repl_check"
        password = *****
        host = "db-replica-02.lan"
        port = 3307
        """), {}


# ================================================================ group: messaging
@t("messaging", "fr", "secret", "password")
def kafka_jaas_plain_fr(r):
    v = {"pw": password(r, "std", lang="fr")}
    return D("""
        Le consumer Java n'arrive pas à s'authentifier sur le cluster Kafka de recette : « SaslAuthenticationException: Authentication failed: Invalid username or password ». Mon client.properties :

        bootstrap.servers=kafka-rec-1.interne:9094,kafka-rec-2.interne:9094
        security.protocol=SASL_SSL
        sasl.mechanism=PLAIN
        sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="facturation-consumer" password="⟪pw|password⟫";
        ssl.truststore.location=/etc/kafka/truststore.jks

        Le mécanisme du broker est peut-être SCRAM et pas PLAIN ?
        """), v


@t("messaging", "en", "secret", "confluent_api_secret")
def confluent_cloud_python(r):
    v = {"k": confluent_key(r), "s": confluent_secret(r)}
    return D("""
        Producer to Confluent Cloud hangs on flush() and then "Local: Message timed out". Config:

        from confluent_kafka import Producer

        producer = Producer({
            "bootstrap.servers": "pkc-4nmjv.francecentral.azure.confluent.cloud:9092",
            "security.protocol": "SASL_SSL",
            "sasl.mechanisms": "PLAIN",
            "sasl.username": "⟪k|confluent_api_key⟫",
            "sasl.password": "⟪s|confluent_api_secret⟫",
            "linger.ms": 50,
            "acks": "all",
        })
        """), v


@t("messaging", "es", "not_secret", "secret_reference")
def kafka_config_provider_es(r):
    return D("""
        En Kafka Connect configuré el FileConfigProvider para no dejar contraseñas en el JSON del conector, pero al crear el conector dice "Could not resolve variable". ¿Qué me falta?

        # connect-distributed.properties
        config.providers=file
        config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider

        # conector
        {
          "name": "pedidos-sink",
          "config": {
            "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",
            "connection.url": "jdbc:postgresql://pg-pedidos:5432/pedidos",
            "connection.user": "${file:/opt/connect/secretos/pg.properties:usuario}",
            "connection.password": "${file:/opt/connect/secretos/pg.properties:clave}"
          }
        }
        """), {}


@t("messaging", "ru", "not_secret", "identifier")
def kafka_acls_list_ru(r):
    return D("""
        Consumer group "fraud-scoring" не может закоммитить офсеты: GROUP_AUTHORIZATION_FAILED. Текущие ACL для этого principal:

        $ kafka-acls --bootstrap-server kafka-1.stream.internal:9093 --command-config admin.properties --list --principal User:fraud-scoring
        Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=payments.authorized, patternType=LITERAL)`:
            (principal=User:fraud-scoring, host=*, operation=READ, permissionType=ALLOW)
            (principal=User:fraud-scoring, host=*, operation=DESCRIBE, permissionType=ALLOW)
        Current ACLs for resource `ResourcePattern(resourceType=GROUP, name=fraud-, patternType=PREFIXED)`:
            (principal=User:fraud-scoring, host=*, operation=DESCRIBE, permissionType=ALLOW)
        """), {}


@t("messaging", "pt", "secret", "password")
def celery_amqp_url_pt(r):
    v = {"pw": password(r, "url", lang="pt")}
    return D("""
        Os workers do Celery ficam reiniciando com "ConnectionResetError: [Errno 104] Connection reset by peer" a cada poucos minutos. settings.py:

        CELERY_BROKER_URL = "amqp://notas_fiscais:⟪pw|password⟫@rabbitmq.interno:5672/nfe"
        CELERY_BROKER_HEARTBEAT = 0
        CELERY_RESULT_BACKEND = "redis://redis.interno:6379/3"
        CELERY_TASK_ACKS_LATE = True

        O heartbeat 0 pode ser o problema? A senha não tem caracteres que precisem de escape na URL.
        """), v


@t("messaging", "en", "secret", "erlang_cookie")
def rabbitmq_erlang_cookie_mismatch(r):
    v = {"a": erlang_cookie(r), "b": erlang_cookie(r)}
    return D("""
        rabbit-3 won't join the cluster: "Authentication failed (rejected by the remote node), please check the Erlang cookie". Checked on two nodes:

        root@rabbit-1:~# cat /var/lib/rabbitmq/.erlang.cookie; echo
        ⟪a|erlang_cookie⟫
        root@rabbit-3:~# cat /var/lib/rabbitmq/.erlang.cookie; echo
        ⟪b|erlang_cookie⟫

        So I just copy the first one over and restart?
        """), v


@t("messaging", "ja", "not_secret", "password_hash")
def rabbitmq_definitions_ja(r):
    v = {"h1": b64(rbytes(r, 36)), "h2": b64(rbytes(r, 36))}
    return D("""
        RabbitMQ の定義ファイルを新しいクラスタにインポートしたら、既存ユーザーでログインできなくなりました。definitions.json のユーザー部分はこうなっています。ハッシュアルゴリズムの違いが原因でしょうか？

        "users": [
          {
            "name": "chumon-app",
            "password_hash": "⟪h1⟫",
            "hashing_algorithm": "rabbit_password_hashing_sha256",
            "tags": []
          },
          {
            "name": "kanshi",
            "password_hash": "⟪h2⟫",
            "hashing_algorithm": "rabbit_password_hashing_sha512",
            "tags": ["monitoring"]
          }
        ]
        """), v


@t("messaging", "en", "secret", "nats_nkey_seed")
def nats_creds_file(r):
    user_jwt = jwt(r, {"typ": "JWT", "alg": "ed25519-nkey"},
                   {"jti": rs(r, B32, 52), "iat": r.randint(1730000000, 1760000000), "iss": nkey_public(r, "A"),
                    "name": "telemetry-ingest", "sub": nkey_public(r, "U"),
                    "nats": {"pub": {}, "sub": {}, "subs": -1, "data": -1, "payload": -1, "type": "user", "version": 2}},
                   sig_bytes=64)
    v = {"jwt": user_jwt, "seed": nkey_seed(r, "U")}
    return D("""
        nats CLI says "nats: Authorization Violation" with this creds file, but the same file works from the edge gateway. Clock skew?

        -----BEGIN NATS USER JWT-----
        ⟪jwt⟫
        ------END NATS USER JWT------

        ************************* IMPORTANT *************************
        NKEY Seed printed below can be used to sign and prove identity.
        NKEYs are sensitive and should be treated as secrets.

        -----BEGIN USER NKEY SEED-----
        ⟪seed|nats_nkey_seed⟫
        ------END USER NKEY SEED------

        *************************************************************
        """), v


@t("messaging", "zh", "not_secret", "public_key")
def nsc_describe_user_zh(r):
    v = {"u": nkey_public(r, "U"), "a": nkey_public(r, "A"), "j": rs(r, B32, 52)}
    return D("""
        用 nsc 新建的用户连不上 NATS，服务端日志是 "user not found in account"。下面是 nsc describe user 的输出，账户公钥和服务端 resolver 里的对得上吗？

        +----------------------+----------------------------------------------------------+
        |                                      User                                       |
        +----------------------+----------------------------------------------------------+
        | Name                 | cangku-sensor                                            |
        | User ID              | ⟪u⟫ |
        | Issuer ID            | ⟪a⟫ |
        | Issued               | 2025-03-02 06:14:51 UTC                                  |
        | Expires              |                                                          |
        | Bearer Token         | No                                                       |
        | ID                   | ⟪j⟫     |
        +----------------------+----------------------------------------------------------+
        """), v


@t("messaging", "ko", "secret", "password")
def mosquitto_pub_ko(r):
    v = {"pw": password(r, "std", lang="ko")}
    return D("""
        공장 게이트웨이에서 MQTT 브로커로 테스트 메시지를 보내면 "Connection Refused: not authorised." 가 떠요. 사용자와 비밀번호는 mosquitto_passwd 로 만들었습니다.

        mosquitto_pub -h mqtt.gongjang.local -p 8883 --cafile /etc/ssl/certs/gongjang-ca.pem \\
          -u sensor-line3 -P '⟪pw|password⟫' \\
          -t 'line3/temp' -m '{"c": 71.4}' -q 1

        acl 파일에 topic readwrite line3/# 도 넣었어요.
        """), v


@t("messaging", "en", "not_secret", "password_hash")
def mosquitto_password_file(r):
    v = {"a": "$7$101$" + b64(rbytes(r, 12)) + "$" + b64(rbytes(r, 64)),
         "b": "$7$101$" + b64(rbytes(r, 12)) + "$" + b64(rbytes(r, 64))}
    return D("""
        After upgrading Mosquitto from 1.6 to 2.0 nobody can log in. Here's /etc/mosquitto/passwd, did the hash format change?

        sensor-line1:⟪a⟫
        dashboard:⟪b⟫
        """), v


@t("messaging", "ru", "secret", "azure_servicebus_key")
def servicebus_connstr_ru(r):
    v = {"k": azure_sb_key(r)}
    return D("""
        Сервис на .NET 8 перестал читать сообщения из очереди Service Bus после переезда в другую подписку: "Unauthorized access. 'Listen' claim(s) are required". Строка подключения из appsettings:

        "ServiceBus": "Endpoint=sb://sb-zakazy-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=⟪k|azure_servicebus_key⟫"

        Ключ копировал из портала, вкладка Shared access policies.
        """), v


@t("messaging", "en", "not_secret", "no_credential")
def eventhubs_default_credential(r):
    return D("""
        Moved the ingest function from connection strings to managed identity. Works locally with `az login`, fails in Azure with "Unauthorized". Code:

        from azure.identity import DefaultAzureCredential
        from azure.eventhub import EventHubProducerClient

        producer = EventHubProducerClient(
            fully_qualified_namespace="evh-telemetry-weu.servicebus.windows.net",
            eventhub_name="device-events",
            credential=DefaultAzureCredential(),
        )

        The function app's system-assigned identity has "Azure Event Hubs Data Sender" on the namespace.
        """), {}


@t("messaging", "en", "not_secret", "identifier")
def sqs_receive_message_output(r):
    v = {"acct": digits(r, 12), "mid": uuid4(r), "rh": "AQEB" + rs(r, B64, 300), "md5": rs(r, HEX, 32)}
    return D("""
        Messages keep coming back to the queue after the visibility timeout even though the worker deletes them. receive-message output:

        {
          "Messages": [
            {
              "MessageId": "⟪mid⟫",
              "ReceiptHandle": "⟪rh⟫",
              "MD5OfBody": "⟪md5⟫",
              "Body": "{\\"orderId\\": 88213, \\"action\\": \\"capture\\"}"
            }
          ]
        }

        Queue: https://sqs.eu-west-1.amazonaws.com/⟪acct⟫/payments-capture
        """), v


@t("messaging", "en", "not_secret", "doc_example_credential")
def kafka_docs_alice_example(r):
    return D("""
        I'm reading the Kafka security docs and they show this JAAS section for the broker. Do I literally need user_alice, or is that just the docs' example user?

        KafkaServer {
            org.apache.kafka.common.security.plain.PlainLoginModule required
            username="admin"
            password="admin-secret"
            user_admin="admin-secret"
            user_alice="alice-secret";
        };
        """), {}


@t("messaging", "en", "secret", "password_base64")
def strimzi_kafkauser_secret(r):
    pw = rs(r, ALNUM, 32)
    jaas = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="orders-svc" password="%s";' % pw
    v = {"pw": b64(pw.encode()), "jaas": b64(jaas.encode())}
    return D("""
        Strimzi created the KafkaUser secret but the app still fails SCRAM auth. Am I supposed to use the `password` key or `sasl.jaas.config`?

        $ kubectl -n kafka get secret orders-svc -o yaml
        apiVersion: v1
        data:
          password: ⟪pw|password_base64⟫
          sasl.jaas.config: ⟪jaas|jaas_config_base64⟫
        kind: Secret
        metadata:
          labels:
            strimzi.io/cluster: events
            strimzi.io/kind: KafkaUser
          name: orders-svc
          namespace: kafka
        type: Opaque
        """), v


@t("messaging", "en", "not_secret", "encrypted_blob")
def artemis_masked_password(r):
    v = {"a": "ENC(" + rs(r, HEX, 32) + ")", "b": "ENC(" + rs(r, HEX, 32) + ")"}
    return D("""
        Artemis cluster bridge won't connect after we switched to masked passwords. broker.xml excerpt:

        <cluster-user>artemis-cluster</cluster-user>
        <cluster-password>⟪a⟫</cluster-password>
        ...
        <acceptor name="amqps">tcp://0.0.0.0:5671?sslEnabled=true;keyStorePath=/etc/artemis/broker.ks;keyStorePassword=⟪b⟫;protocols=AMQP</acceptor>

        Do both nodes need the same codec class configured?
        """), v


@t("messaging", "en", "not_secret", "doc_default_credential")
def kafka_truststore_changeit(r):
    return D("""
        Java client can't connect to the broker with TLS: "PKIX path building failed". We just pointed it at the JDK's default cacerts:

        security.protocol=SSL
        ssl.truststore.location=/usr/lib/jvm/java-17-openjdk/lib/security/cacerts
        ssl.truststore.password=changeit
        ssl.endpoint.identification.algorithm=https

        The broker cert is issued by our internal CA, not a public one.
        """), {}


# ================================================================ group: identity
@t("identity", "pl", "secret", "okta_api_token")
def okta_ssws_curl_pl(r):
    v = {"tok": okta_token(r)}
    return D("""
        Skrypt do offboardingu ma dezaktywować użytkownika w Okcie, ale dostaję 403 "You do not have permission to perform the requested action". Token był tworzony przez super admina.

        curl -s -X POST \\
          -H "Accept: application/json" \\
          -H "Authorization: SSWS ⟪tok|okta_api_token⟫" \\
          "https://hurtownia-nowak.okta.com/api/v1/users/00u8k2lq7tZfX9yQm417/lifecycle/deactivate"

        Czy token dziedziczy uprawnienia po koncie, które go utworzyło?
        """), v


@t("identity", "en", "not_secret", "identifier")
def okta_spa_oidc_config(r):
    v = {"cid": "0oa" + rs(r, ALNUM, 17)}
    return D("""
        SPA login loops back to /login/callback forever. Okta app is "Single-Page App", PKCE on. Our config:

        const oktaAuth = new OktaAuth({
          issuer: "https://login.meridian-freight.com/oauth2/default",
          clientId: "⟪cid⟫",
          redirectUri: window.location.origin + "/login/callback",
          scopes: ["openid", "profile", "email", "groups"],
          pkce: true,
        });

        No client secret anywhere since it's a public client.
        """), v


@t("identity", "tr", "secret", "auth0_client_secret")
def auth0_m2m_token_tr(r):
    v = {"sec": auth0_secret(r), "cid": rs(r, ALNUM, 32)}
    return D("""
        Auth0'dan makine-makine token'ı almaya çalışıyorum ama "access_denied: Unauthorized" dönüyor. Uygulama API'ye yetkilendirilmiş görünüyor.

        curl --request POST \\
          --url https://kargo-takip.eu.auth0.com/oauth/token \\
          --header 'content-type: application/json' \\
          --data '{"client_id":"⟪cid⟫","client_secret":"⟪sec|auth0_client_secret⟫","audience":"https://api.kargo-takip.com.tr","grant_type":"client_credentials"}'
        """), v


@t("identity", "en", "not_secret", "secret_reference")
def auth0_action_event_secrets(r):
    return D("""
        Post-login Action should call our entitlement service but it times out. Is reading the key like this correct in Actions?

        exports.onExecutePostLogin = async (event, api) => {
          const res = await fetch("https://entitlements.internal.acme.io/v1/lookup", {
            method: "POST",
            headers: { "x-api-key": event.secrets.ENTITLEMENTS_API_KEY, "content-type": "application/json" },
            body: JSON.stringify({ user: event.user.user_id }),
          });
          const data = await res.json();
          api.idToken.setCustomClaim("https://acme.io/plan", data.plan);
        };
        """), {}


@t("identity", "en", "secret", "keycloak_client_secret")
def keycloak_spring(r):
    v = {"sec": keycloak_secret(r)}
    return D("""
        Our Spring Boot service fails to log in through Keycloak with "[invalid_client] Invalid client or Invalid client credentials". The Keycloak client has Client authentication = On. application.yml:

        spring:
          security:
            oauth2:
              client:
                registration:
                  keycloak:
                    client-id: quan-ly-kho
                    client-secret: ⟪sec|keycloak_client_secret⟫
                    authorization-grant-type: authorization_code
                    scope: openid,profile
                provider:
                  keycloak:
                    issuer-uri: https://sso.congty-abc.vn/realms/noibo
        """), v


@t("identity", "en", "secret", "password")
def kcadm_config_credentials(r):
    v = {"pw": password(r, "std")}
    return D("""
        kcadm.sh in our init container fails with "Invalid user credentials" right after Keycloak starts. Race condition?

        /opt/keycloak/bin/kcadm.sh config credentials \\
          --server http://keycloak:8080 --realm master \\
          --user admin --password '⟪pw|password⟫'
        /opt/keycloak/bin/kcadm.sh create realms -s realm=platform -s enabled=true
        """), v


@t("identity", "id", "not_secret", "masked")
def keycloak_partial_export_id(r):
    v = {"id": uuid4(r)}
    return D("""
        Saya ekspor realm dari Keycloak lewat menu Partial export untuk dipindah ke server baru. Setelah diimpor, login aplikasi gagal "invalid_client". Di file hasil ekspor, secret client-nya seperti ini:

        {
          "id": "⟪id⟫",
          "clientId": "portal-pelanggan",
          "enabled": true,
          "clientAuthenticatorType": "client-secret",
          "secret": "**********",
          "redirectUris": ["https://portal.tokosejahtera.co.id/*"],
          "publicClient": false
        }

        Apakah secret-nya memang tidak ikut diekspor?
        """), v


@t("identity", "hi", "secret", "azure_client_secret")
def msal_confidential_hi(r):
    v = {"sec": azure_client_secret(r), "app": uuid4(r), "ten": uuid4(r)}
    return D("""
        यह Python script Microsoft Graph से users की list लाने के लिए है, लेकिन token मिलने के बाद Graph "Authorization_RequestDenied" देता है। क्या app registration में कोई permission छूट गई है?

        import msal

        app = msal.ConfidentialClientApplication(
            client_id="⟪app⟫",
            authority="https://login.microsoftonline.com/⟪ten⟫",
            client_credential="⟪sec|azure_client_secret⟫",
        )
        token = app.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])
        """), v


@t("identity", "en", "not_secret", "masked")
def entra_credential_list_hint(r):
    v = {"kid": uuid4(r), "kid2": uuid4(r), "hint": rs(r, ALNUM, 3), "hint2": rs(r, ALNUM, 3)}
    return D("""
        Which of these client secrets is the one our integration uses? The portal only shows the first three characters.

        $ az ad app credential list --id 3f1c9a7e-52d4-4c1b-9f0e-8a2b6d7c4e10 -o json
        [
          {
            "displayName": "sync-prod-2024",
            "endDateTime": "2025-08-30T10:12:44Z",
            "hint": "⟪hint⟫",
            "keyId": "⟪kid⟫",
            "secretText": null
          },
          {
            "displayName": "sync-prod-2025",
            "endDateTime": "2027-02-11T08:03:19Z",
            "hint": "⟪hint2⟫",
            "keyId": "⟪kid2⟫",
            "secretText": null
          }
        ]
        """), v


@t("identity", "ar", "secret", "password")
def ldapsearch_bind_ar(r):
    v = {"pw": password(r, "std", lang="ar")}
    return D("""
        أحاول التحقق من أن حساب الخدمة يستطيع قراءة مجموعات المستخدمين من Active Directory، لكن الأمر يعيد "ldap_bind: Invalid credentials (49)". هل صيغة الـ DN صحيحة؟ كلمة المرور صحيحة لأنني أستخدمها للدخول إلى بوابة الإدارة.

        ldapsearch -x -H ldaps://dc01.sharika.local:636 \\
          -D "CN=svc-ldap-read,OU=Service Accounts,DC=sharika,DC=local" \\
          -w '⟪pw|password⟫' \\
          -b "OU=Users,DC=sharika,DC=local" "(memberOf=CN=vpn-users,OU=Groups,DC=sharika,DC=local)" sAMAccountName
        """), v


@t("identity", "en", "not_secret", "password_prompt")
def ldapsearch_prompt(r):
    return D("""
        Why does this work for my account but not for the new bind user? It prompts, I paste the password from Vault, then error 49.

        $ ldapsearch -x -W -H ldaps://ldap.corp.internal -D "uid=svc-grafana,ou=services,dc=corp,dc=internal" -b "ou=people,dc=corp,dc=internal" "(uid=jdoe)"
        Enter LDAP Password:
        ldap_bind: Invalid credentials (49)
        """), {}


@t("identity", "de", "secret", "password")
def gitlab_rb_ldap_de(r):
    v = {"pw": password(r, "std", lang="de", shape="unicode", unicode_ok=True)}
    return D("""
        Nach dem Update auf GitLab 17 können sich LDAP-Nutzer nicht mehr anmelden, `gitlab-rake gitlab:ldap:check` meldet "Could not authenticate you from Ldapmain because Invalid credentials". Auszug aus /etc/gitlab/gitlab.rb:

        gitlab_rails['ldap_enabled'] = true
        gitlab_rails['ldap_servers'] = {
          'main' => {
            'label' => 'Firmen-AD',
            'host' => 'dc02.musterbau.local',
            'port' => 636,
            'encryption' => 'simple_tls',
            'uid' => 'sAMAccountName',
            'bind_dn' => 'CN=svc-gitlab,OU=Dienstkonten,DC=musterbau,DC=local',
            'password' => '⟪pw|password⟫',
            'base' => 'OU=Mitarbeiter,DC=musterbau,DC=local'
          }
        }
        """), v


@t("identity", "en", "secret", "saml_private_key")
def python3_saml_settings(r):
    head = bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100")
    v = {"key": b64(head + rbytes(r, 0x4be + 4 - len(head))), "crt": b64(bytes.fromhex("308203") + rbytes(r, 700))}
    return D("""
        python3-saml raises "Signature validation failed. SAML Response rejected" only for the new IdP. Our settings.json (sp part):

        {
          "strict": true,
          "sp": {
            "entityId": "https://apps.brightline-health.com/saml/metadata",
            "assertionConsumerService": {
              "url": "https://apps.brightline-health.com/saml/acs",
              "binding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
            },
            "x509cert": "⟪crt⟫",
            "privateKey": "⟪key|saml_private_key⟫"
          }
        }
        """), v


@t("identity", "fr", "not_secret", "certificate")
def saml_idp_metadata_fr(r):
    v = {"crt": wrap(b64(bytes.fromhex("308203") + rbytes(r, 720)), 76)}
    return D("""
        Notre fournisseur d'identité a renouvelé son certificat de signature et depuis, le SSO vers l'intranet échoue. Voici les métadonnées qu'ils nous ont envoyées, il faut juste remplacer le certificat côté SP ?

        <md:EntityDescriptor entityID="https://idp.mairie-exemple.fr/saml">
          <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <md:KeyDescriptor use="signing">
              <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                <ds:X509Data>
                  <ds:X509Certificate>⟪crt⟫</ds:X509Certificate>
                </ds:X509Data>
              </ds:KeyInfo>
            </md:KeyDescriptor>
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.mairie-exemple.fr/saml/sso"/>
          </md:IDPSSODescriptor>
        </md:EntityDescriptor>
        """), v


@t("identity", "en", "secret", "oauth_refresh_token")
def adc_authorized_user(r):
    v = {"cid": digits(r, 12) + "-" + rs(r, LO + DIG, 32) + ".apps.googleusercontent.com",
         "cs": gocspx(r), "rt": "1//0" + rs(r, "cdefg", 1) + rs(r, B64URL, 98)}
    return D("""
        Terraform picks up my personal ADC instead of the workload identity in CI. This is the file it finds at ~/.config/gcloud/application_default_credentials.json on the runner (someone baked it into the image):

        {
          "account": "",
          "client_id": "⟪cid⟫",
          "client_secret": "⟪cs|gcp_oauth_client_secret⟫",
          "quota_project_id": "platform-ci-7731",
          "refresh_token": "⟪rt|oauth_refresh_token⟫",
          "type": "authorized_user",
          "universe_domain": "googleapis.com"
        }
        """), v


@t("identity", "es", "secret", "private_key")
def arc_github_app_key_es(r):
    v = {"pem": pem_rsa(r).replace("\n", "\n    ")}
    return D("""
        El controlador de actions-runner-controller no consigue registrar los runners: "failed to get access token for GitHub App auth: 401". Este es el values.yaml del scale set:

        githubConfigUrl: https://github.com/cooperativa-digital
        githubConfigSecret:
          github_app_id: "912344"
          github_app_installation_id: "51877203"
          github_app_private_key: |
            ⟪pem|private_key⟫
        minRunners: 1
        maxRunners: 10

        ¿Tiene que ir la clave en formato PKCS#8?
        """), v


@t("identity", "en", "not_secret", "public_key")
def jwks_document(r):
    v = {"n": b64u(rbytes(r, 256)), "kid": rs(r, B64URL, 43), "n2": b64u(rbytes(r, 256)), "kid2": rs(r, B64URL, 43)}
    return D("""
        API gateway rejects tokens after the IdP key rollover with "kid not found". The JWKS endpoint currently returns:

        {
          "keys": [
            {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "⟪kid⟫", "e": "AQAB", "n": "⟪n⟫"},
            {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "⟪kid2⟫", "e": "AQAB", "n": "⟪n2⟫"}
          ]
        }

        Gateway caches JWKS for 24h. Is that the problem?
        """), v


@t("identity", "en", "not_secret", "no_credential")
def id_token_decoded_claims(r):
    v = {"sub": uuid4(r), "oid": uuid4(r), "tid": uuid4(r), "aud": uuid4(r)}
    return D("""
        I decoded the ID token (claims only) to see why group-based access doesn't work. There's no "groups" claim at all:

        {
          "aud": "⟪aud⟫",
          "iss": "https://login.microsoftonline.com/⟪tid⟫/v2.0",
          "iat": 1747812931,
          "exp": 1747816831,
          "name": "Priya Raman",
          "oid": "⟪oid⟫",
          "preferred_username": "priya.raman@northwind-energy.com",
          "sub": "⟪sub⟫",
          "tid": "⟪tid⟫",
          "ver": "2.0"
        }
        """), v


@t("identity", "en", "not_secret", "secret_reference")
def vault_oidc_config_env(r):
    return D("""
        Configuring Vault OIDC auth against Entra ID. The login redirects fine but then Vault says "error validating claims: claim \\"groups\\" not found". Setup:

        vault write auth/oidc/config \\
          oidc_discovery_url="https://login.microsoftonline.com/$TENANT_ID/v2.0" \\
          oidc_client_id="$VAULT_OIDC_CLIENT_ID" \\
          oidc_client_secret="$VAULT_OIDC_CLIENT_SECRET" \\
          default_role="engineer"
        """), {}


@t("identity", "en", "not_secret", "out_of_band_notice")
def scim_token_rotation_notice(r):
    return D("""
        Can you make this announcement shorter and friendlier?

        Hi all, the SCIM provisioning token between Okta and Tailscale was rotated this morning after the audit finding. The new token is stored in 1Password (vault "Platform / IdP", item "Tailscale SCIM"). Nothing to do on your side; if you see provisioning errors in Okta between 09:00 and 09:20 that's expected. Please don't request the token in Slack, ping #platform-oncall instead.
        """), {}


@t("identity", "en", "secret", "oauth_client_secret")
def dex_static_clients(r):
    v = {"sec": rs(r, ALNUM, 40), "hash": "$2a$10$" + rs(r, ALNUM + "./", 53)}
    return D("""
        Argo Workflows SSO via Dex says "invalid client credentials" after the Dex upgrade. dex config:

        staticClients:
          - id: argo-workflows-sso
            name: Argo Workflows
            redirectURIs:
              - https://workflows.data.acme.io/oauth2/callback
            secret: ⟪sec|oauth_client_secret⟫
        enablePasswordDB: true
        staticPasswords:
          - email: breakglass@acme.io
            hash: "⟪hash⟫"
            username: breakglass
            userID: 08a8684b-db88-4b73-90a9-3cd1661f5466
        """), v


# ================================================================ group: cloud
@t("cloud", "pt", "secret", "aws_access_key")
def aws_credentials_file_pt(r):
    v = {"id": aws_key_id(r), "sk": aws_secret(r), "acct": digits(r, 12)}
    return D("""
        O perfil "producao" funciona, mas o "auditoria" dá "An error occurred (AccessDenied) when calling the AssumeRole operation". Meu ~/.aws/credentials e ~/.aws/config:

        # ~/.aws/credentials
        [producao]
        aws_access_key_id = ⟪id|aws_access_key_id⟫
        aws_secret_access_key = ⟪sk|aws_secret_access_key⟫

        # ~/.aws/config
        [profile auditoria]
        role_arn = arn:aws:iam::⟪acct⟫:role/AuditoriaSomenteLeitura
        source_profile = producao
        region = sa-east-1

        A trust policy da role precisa citar o usuário ou a conta inteira?
        """), v


@t("cloud", "en", "not_secret", "no_credential")
def aws_config_sso(r):
    v = {"a": digits(r, 12), "b": digits(r, 12)}
    return D("""
        `aws sso login --profile data-prod` opens the browser, I approve, and then every command says "Token has expired and refresh failed". ~/.aws/config:

        [sso-session acme]
        sso_start_url = https://acme-corp.awsapps.com/start
        sso_region = eu-central-1
        sso_registration_scopes = sso:account:access

        [profile data-prod]
        sso_session = acme
        sso_account_id = ⟪a⟫
        sso_role_name = DataEngineer
        region = eu-central-1

        [profile shared-services]
        sso_session = acme
        sso_account_id = ⟪b⟫
        sso_role_name = ReadOnly
        """), v


@t("cloud", "ja", "secret", "aws_session_token")
def sts_assume_role_output_ja(r):
    v = {"id": aws_key_id(r, "ASIA"), "sk": aws_secret(r), "st": aws_session_token(r), "acct": digits(r, 12),
         "rid": "AROA" + rs(r, B32, 17)}
    return D("""
        AssumeRole で取得した一時認証情報を環境変数に入れたのに「The security token included in the request is invalid」になります。出力をそのまま貼ります：

        $ aws sts assume-role --role-arn arn:aws:iam::⟪acct⟫:role/DeployRole --role-session-name yamada-deploy
        {
            "Credentials": {
                "AccessKeyId": "⟪id|aws_access_key_id⟫",
                "SecretAccessKey": "⟪sk|aws_secret_access_key⟫",
                "SessionToken": "⟪st|aws_session_token⟫",
                "Expiration": "2025-07-09T06:41:12+00:00"
            },
            "AssumedRoleUser": {
                "AssumedRoleId": "⟪rid⟫:yamada-deploy",
                "Arn": "arn:aws:sts::⟪acct⟫:assumed-role/DeployRole/yamada-deploy"
            }
        }

        AWS_SESSION_TOKEN も export しています。
        """), v


@t("cloud", "zh", "not_secret", "identifier")
def sts_caller_identity_zh(r):
    v = {"acct": digits(r, 12), "uid": "AROA" + rs(r, B32, 17)}
    return D("""
        我在 EC2 上执行 aws s3 ls 提示 AccessDenied，但 IAM 角色里明明有 s3:ListBucket 权限。这是 get-caller-identity 的输出，是不是用了错误的角色？

        $ aws sts get-caller-identity
        {
            "UserId": "⟪uid⟫:i-0a7c31f9d2be48e15",
            "Account": "⟪acct⟫",
            "Arn": "arn:aws:sts::⟪acct⟫:assumed-role/ec2-batch-worker/i-0a7c31f9d2be48e15"
        }
        """), v


@t("cloud", "ko", "secret", "gcs_hmac_secret")
def gcs_hmac_keys_ko(r):
    v = {"id": "GOOG1E" + rs(r, UP + DIG, 55), "sec": rs(r, B64, 40)}
    return D("""
        GCS 를 S3 호환 API 로 쓰려고 서비스 계정용 HMAC 키를 만들었는데, rclone 으로 접근하면 SignatureDoesNotMatch 가 납니다. 생성 결과:

        $ gcloud storage hmac create backup-sa@bogwan-prod.iam.gserviceaccount.com
        accessId: ⟪id|gcs_hmac_access_id⟫
        secret: ⟪sec|gcs_hmac_secret⟫

        rclone 설정에서 provider 를 GCS 로 해야 하나요, Other 로 해야 하나요?
        """), v


@t("cloud", "en", "not_secret", "identifier")
def gcloud_api_keys_list(r):
    v = {"uid": uuid4(r), "uid2": uuid4(r)}
    return D("""
        Which of these API keys is safe to delete? Neither has been used in 90 days according to the metrics page.

        $ gcloud services api-keys list --project=storefront-prod --format="table(uid,displayName,restrictions.browserKeyRestrictions.allowedReferrers.list())"
        UID                                   DISPLAY_NAME          ALLOWED_REFERRERS
        ⟪uid⟫  Maps JS (web)         https://www.storefront.example/*
        ⟪uid2⟫  legacy geocoder
        """), v


@t("cloud", "ru", "secret", "azure_storage_key")
def azure_storage_connstr_ru(r):
    v = {"k": azure_storage_key(r)}
    return D("""
        Функция на Azure Functions локально работает, а после деплоя падает с "Server failed to authenticate the request". В local.settings.json вот такая строка, в App Settings скопировал её же:

        {
          "IsEncrypted": false,
          "Values": {
            "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=stotchetyprod;AccountKey=⟪k|azure_storage_key⟫;EndpointSuffix=core.windows.net",
            "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated"
          }
        }
        """), v


@t("cloud", "pl", "not_secret", "redacted")
def az_storage_keys_list_pl(r):
    return D("""
        Chcę zrotować klucze konta magazynu bez przestoju. W jakiej kolejności to robić, skoro aplikacja używa key1? Wynik (wartości wycięte):

        $ az storage account keys list -g rg-magazyn -n stmagazynprod -o table
        CreationTime                      KeyName    Permissions    Value
        --------------------------------  ---------  -------------  ---------
        2024-02-11T09:13:40.118112+00:00  key1       FULL           <wycięte>
        2024-02-11T09:13:40.118112+00:00  key2       FULL           <wycięte>
        """), {}


@t("cloud", "en", "secret", "azure_client_secret")
def az_sp_create_for_rbac(r):
    v = {"pw": azure_client_secret(r), "app": uuid4(r), "ten": uuid4(r), "sub": uuid4(r)}
    return D("""
        Created a service principal for the GitHub deploy, copied the JSON into a secret, and now azure/login says "AADSTS700016: Application not found in the directory". Output was:

        $ az ad sp create-for-rbac --name gh-deploy-webshop --role contributor --scopes /subscriptions/⟪sub⟫/resourceGroups/rg-webshop
        {
          "appId": "⟪app⟫",
          "displayName": "gh-deploy-webshop",
          "password": "⟪pw|azure_client_secret⟫",
          "tenant": "⟪ten⟫"
        }
        """), v


@t("cloud", "en", "not_secret", "secret_reference")
def az_login_identity_keyvault(r):
    return D("""
        Script on the jump VM. The second command returns "Caller is not authorized to perform action on resource" even though I added an access policy. Is it RBAC vs access policy mode?

        az login --identity --username /subscriptions/2b7e0c14-9d3a-4f61-8e25-71c4a0d9e3b6/resourceGroups/rg-ops/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-jumpvm
        DB_PASS=$(az keyvault secret show --vault-name kv-ops-weu --name sql-admin-password --query value -o tsv)
        """), {}


@t("cloud", "tr", "not_secret", "identifier")
def oci_config_tr(r):
    v = {"user": "ocid1.user.oc1.." + rs(r, LO + DIG, 60), "ten": "ocid1.tenancy.oc1.." + rs(r, LO + DIG, 60),
         "fp": ":".join(rs(r, HEX, 2) for _ in range(16))}
    return D("""
        OCI CLI her komutta "NotAuthenticated" hatası veriyor. Anahtarı konsoldan yükledim, parmak izi aynı görünüyor. ~/.oci/config dosyam:

        [DEFAULT]
        user=⟪user⟫
        fingerprint=⟪fp⟫
        tenancy=⟪ten⟫
        region=eu-frankfurt-1
        key_file=~/.oci/oci_api_key.pem

        Dosya izinleri 600. Başka neye bakmalıyım?
        """), v


@t("cloud", "en", "secret", "private_key")
def oci_api_key_pem(r):
    v = {"pem": pem_pkcs8(r)}
    return D("""
        OCI Terraform provider: "can not create client, bad configuration: did not find a proper configuration for private key". Is there something wrong with the key file itself? cat ~/.oci/oci_api_key.pem:

        ⟪pem|private_key⟫
        OCI_API_KEY
        """), v


@t("cloud", "vi", "secret", "oci_auth_token")
def ocir_docker_login_vi(r):
    v = {"tok": rs(r, ALNUM + "()[]{}<>:._+-", 20)}
    return D("""
        Mình push image lên Oracle Container Registry bị "unauthorized: authentication required". Auth token tạo trong phần User Settings rồi. Lệnh đăng nhập:

        docker login hcm.ocir.io -u 'axk7wq2ytz9c/oracleidentitycloudservice/minh.tran@congnghe-xanh.vn' -p '⟪tok|oci_auth_token⟫'

        Có phải username phải dùng tenancy namespace chứ không phải tên tenancy?
        """), v


@t("cloud", "id", "secret", "digitalocean_token")
def doctl_config_id(r):
    v = {"tok": do_token(r)}
    return D("""
        doctl di laptop kantor tiba-tiba error "Unable to authenticate you" padahal kemarin masih jalan. Isi ~/.config/doctl/config.yaml:

        access-token: ⟪tok|digitalocean_token⟫
        context: default
        output: text

        Apakah token DigitalOcean punya masa berlaku default?
        """), v


@t("cloud", "en", "not_secret", "empty_value")
def s3cfg_spaces_empty(r):
    return D("""
        s3cmd against DigitalOcean Spaces says "ERROR: S3 error: 403 (SignatureDoesNotMatch)". The keys are injected at runtime by vault-agent into this template; here's the template as committed:

        [default]
        access_key =
        secret_key =
        host_base = fra1.digitaloceanspaces.com
        host_bucket = %(bucket)s.fra1.digitaloceanspaces.com
        signature_v2 = False
        use_https = True
        """), {}


@t("cloud", "hi", "not_secret", "placeholder")
def hcloud_cli_config_hi(r):
    return D("""
        टीम के नए लोगों के लिए hcloud CLI setup का यह नोट ठीक है क्या? कृपया भाषा सुधार दीजिए।

        ~/.config/hcloud/cli.toml

        active_context = "production"

        [[contexts]]
          name = "production"
          token = "<यहाँ-अपना-API-token-डालें>"

        token Hetzner Console → Security → API Tokens से बनाएं, Read & Write चुनें, और इसे किसी के साथ share न करें।
        """), {}


@t("cloud", "en", "secret", "cloudflare_global_key")
def cloudflare_global_key_curl(r):
    v = {"k": cf_global(r), "zone": rs(r, HEX, 32)}
    return D("""
        Old purge script still uses the global key. It now returns code 9103 "Unknown X-Auth-Key or X-Auth-Email". Script:

        curl -s -X POST "https://api.cloudflare.com/client/v4/zones/⟪zone⟫/purge_cache" \\
          -H "X-Auth-Email: webmaster@lindenhof-hotels.at" \\
          -H "X-Auth-Key: ⟪k|cloudflare_global_key⟫" \\
          -H "Content-Type: application/json" \\
          --data '{"purge_everything":true}'
        """), v


@t("cloud", "en", "secret", "cloudflare_tunnel_token")
def cloudflared_tunnel_token(r):
    payload = json.dumps({"a": rs(r, HEX, 32), "t": uuid4(r), "s": b64(rbytes(r, 32))}, separators=(",", ":"))
    v = {"tok": b64(payload.encode()).rstrip("=")}
    return D("""
        cloudflared in docker-compose keeps restarting with "Unauthorized: Failed to get tunnel". compose file:

        services:
          tunnel:
            image: cloudflare/cloudflared:2025.4.0
            restart: unless-stopped
            command: tunnel --no-autoupdate run --token ⟪tok|cloudflare_tunnel_token⟫
            networks: [internal]
        """), v


@t("cloud", "en", "not_secret", "identifier")
def wrangler_toml_ids(r):
    v = {"acct": rs(r, HEX, 32), "kv": rs(r, HEX, 32), "d1": uuid4(r)}
    return D("""
        `wrangler deploy` from CI says "Authentication error [code: 10000]" but the token has Workers Scripts:Edit. Is something in wrangler.toml wrong?

        name = "edge-router"
        main = "src/index.ts"
        compatibility_date = "2025-03-01"
        account_id = "⟪acct⟫"

        [[kv_namespaces]]
        binding = "ROUTES"
        id = "⟪kv⟫"

        [[d1_databases]]
        binding = "DB"
        database_name = "edge-router"
        database_id = "⟪d1⟫"
        """), v


@t("cloud", "en", "not_secret", "public_client_key")
def turnstile_sitekey(r):
    v = {"sk": "0x4AAAAAAA" + rs(r, ALNUM + "-_", 14)}
    return D("""
        Turnstile widget renders but server-side validation fails with "invalid-input-secret". Front end:

        <div class="cf-turnstile" data-sitekey="⟪sk⟫" data-theme="light"></div>

        Backend (Go):
        form := url.Values{"secret": {os.Getenv("TURNSTILE_SECRET_KEY")}, "response": {token}, "remoteip": {ip}}
        resp, err := http.PostForm("https://challenges.cloudflare.com/turnstile/v0/siteverify", form)
        """), v


@t("cloud", "vi", "not_secret", "masked")
def aws_configure_list_vi(r):
    v = {"a": rs(r, B32, 4), "b": rs(r, ALNUM, 4)}
    return D("""
        CLI đang thực sự dùng credential nào vậy? Mình tưởng biến môi trường sẽ được ưu tiên hơn.

        $ aws configure list
              Name                    Value             Type    Location
              ----                    -----             ----    --------
           profile                <not set>             None    None
        access_key     ****************⟪a⟫ shared-credentials-file
        secret_key     ****************⟪b⟫ shared-credentials-file
            region                eu-west-3      config-file    ~/.aws/config
        """), v


@t("cloud", "en", "secret", "gcp_access_token")
def gcloud_print_access_token(r):
    v = {"tok": "ya29.a0" + rs(r, B64URL, 210)}
    return D("""
        Calling the Cloud Run admin API by hand to debug a revision. Getting 403 "Permission 'run.services.get' denied". Token was printed a minute earlier:

        $ gcloud auth print-access-token
        ⟪tok|gcp_access_token⟫
        $ curl -H "Authorization: Bearer ⟪tok|gcp_access_token⟫" \\
            https://run.googleapis.com/v2/projects/ledger-prod/locations/europe-west1/services/ledger-api
        """), v


@t("cloud", "en", "not_secret", "encrypted_blob")
def kms_encrypt_output(r):
    v = {"blob": "AQICAHh" + rs(r, B64, 230) + "==", "acct": digits(r, 12), "kid": uuid4(r)}
    return D("""
        We store this ciphertext in the Lambda env and decrypt at cold start. After moving to a new account the decrypt call fails with "InvalidCiphertextException". Encrypt output was:

        {
            "CiphertextBlob": "⟪blob⟫",
            "KeyId": "arn:aws:kms:eu-west-1:⟪acct⟫:key/⟪kid⟫",
            "EncryptionAlgorithm": "SYMMETRIC_DEFAULT"
        }
        """), v


@t("cloud", "en", "secret", "minio_secret_key")
def mc_alias_set(r):
    v = {"ak": minio_key(r), "sk": minio_secret(r)}
    return D("""
        mc mirror to the new MinIO cluster fails with "The request signature we calculated does not match the signature you provided". How I set the alias:

        mc alias set backup-dc2 https://minio.dc2.internal:9000 ⟪ak|minio_access_key⟫ ⟪sk|minio_secret_key⟫ --api S3v4
        mc mirror --overwrite local/backups backup-dc2/backups
        """), v


# ================================================================ group: keys
@t("keys", "ar", "secret", "private_key")
def ssh_ed25519_private_ar(r):
    v = {"pem": pem_openssh(r, "deploy@khadim-build")}
    return D("""
        أنشأت مفتاح SSH جديداً للنشر وأضفت المفتاح العام إلى الخادم، لكن الاتصال يفشل بالرسالة "Load key: invalid format". هذا محتوى الملف الذي نسخته إلى متغير CI، هل هناك مشكلة في نهاية الأسطر؟

        ⟪pem|private_key⟫
        """), v


@t("keys", "en", "not_secret", "public_key")
def authorized_keys_file(r):
    v = {"a": ssh_ed25519_pub(r, "anna@laptop"), "b": ssh_rsa_pub(r, "ci-deploy"), "c": ssh_ed25519_pub(r, "backup@nas01")}
    return D("""
        sshd ignores the forced command for the backup key. ~backup/.ssh/authorized_keys:

        ⟪a⟫
        from="10.20.0.0/16",no-port-forwarding ⟪b⟫
        command="/usr/local/bin/rrsync -ro /srv/backup",restrict ⟪c⟫

        sshd_config has AuthorizedKeysFile .ssh/authorized_keys and PubkeyAuthentication yes.
        """), v


@t("keys", "de", "secret", "private_key")
def gitlab_ci_ssh_key_de(r):
    v = {"pem": pem_rsa(r)}
    return D("""
        Im Deploy-Job bekomme ich "Error loading key "(stdin)": error in libcrypto". Die CI-Variable SSH_PRIVATE_KEY ist vom Typ Variable (nicht File) und enthält genau das hier:

        ⟪pem|private_key⟫

        Im Job: eval $(ssh-agent -s) && echo "$SSH_PRIVATE_KEY" | tr -d '\\r' | ssh-add -
        Fehlt am Ende ein Zeilenumbruch?
        """), v


@t("keys", "fr", "not_secret", "hash")
def ssh_fingerprints_fr(r):
    v = {"fp": b64(rbytes(r, 32)).rstrip("="), "fp2": b64(rbytes(r, 32)).rstrip("="),
         "kh": "|1|" + b64(rbytes(r, 20)) + "|" + b64(rbytes(r, 20))}
    return D("""
        Après la réinstallation du bastion, ssh affiche « REMOTE HOST IDENTIFICATION HAS CHANGED ». Comment vérifier que la nouvelle empreinte est la bonne avant de nettoyer known_hosts ?

        $ ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub     (sur le bastion, via la console)
        256 SHA256:⟪fp⟫ root@bastion-prod (ED25519)

        Message côté client :
        The fingerprint for the ED25519 key sent by the remote host is
        SHA256:⟪fp2⟫.

        Ligne actuelle dans ~/.ssh/known_hosts :
        ⟪kh⟫ ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI...
        """), v


@t("keys", "en", "secret", "private_key")
def nginx_key_mismatch(r):
    v = {"pem": pem_ec(r)}
    return D("""
        nginx -t: "SSL_CTX_use_PrivateKey failed (SSL: error:05800074:x509 certificate routines::key values mismatch)". The key I'm using, straight from /etc/nginx/tls/api.key:

        ⟪pem|private_key⟫

        Cert was reissued yesterday by our internal CA from a new CSR. I think I kept the old key?
        """), v


@t("keys", "es", "not_secret", "certificate")
def fullchain_order_es(r):
    v = {"a": pem_cert(r, 820), "b": pem_cert(r, 760)}
    return D("""
        El balanceador rechaza el certificado con "certificate chain is incomplete". ¿Está bien el orden de este fullchain.pem? Primero va el del servidor y luego el intermedio:

        ⟪a⟫
        ⟪b⟫
        """), v


@t("keys", "pt", "secret", "pgp_private_key")
def gpg_export_secret_pt(r):
    v = {"k": pgp_private(r)}
    return D("""
        Preciso assinar os pacotes .deb no pipeline. Exportei a chave assim e colei numa variável do GitLab, mas o `gpg --import` no job diz "no valid OpenPGP data found". O conteúdo exportado foi:

        $ gpg --export-secret-keys --armor release@pacotes.empresa.com.br
        ⟪k|pgp_private_key⟫
        """), v


@t("keys", "en", "not_secret", "public_key")
def apt_repo_signing_key_public(r):
    v = {"k": pgp_public(r)}
    return D("""
        apt update: "NO_PUBKEY 6A1F0E9B3C2D7E45". I added the key from our internal repo page to /etc/apt/keyrings/internal.asc:

        ⟪k⟫

        and the sources entry has signed-by=/etc/apt/keyrings/internal.asc. Still the same error.
        """), v


@t("keys", "ja", "secret", "age_secret_key")
def age_keys_txt_ja(r):
    v = {"pub": age_public(r), "sec": age_secret(r)}
    return D("""
        SOPS で暗号化したファイルを CI で復号しようとすると「no identity matched any of the recipients」になります。CI に渡している keys.txt の中身はこれです。.sops.yaml の recipient と合っていますか？

        # created: 2025-01-15T10:22:31+09:00
        # public key: ⟪pub⟫
        ⟪sec|age_secret_key⟫

        SOPS_AGE_KEY_FILE=/tmp/keys.txt を設定しています。
        """), v


@t("keys", "en", "not_secret", "public_key")
def sops_yaml_age_recipients(r):
    v = {"a": age_public(r), "b": age_public(r), "c": age_public(r)}
    return D("""
        Adding a third recipient for the new SRE. Do I need to re-encrypt every file after changing .sops.yaml, or is `sops updatekeys` enough?

        creation_rules:
          - path_regex: clusters/prod/.*\\.enc\\.yaml$
            encrypted_regex: ^(data|stringData)$
            age: >-
              ⟪a⟫,
              ⟪b⟫,
              ⟪c⟫
        """), v


@t("keys", "zh", "secret", "vault_unseal_key")
def vault_operator_init_zh(r):
    v = {"k1": vault_unseal(r), "k2": vault_unseal(r), "k3": vault_unseal(r), "root": hvs_root(r)}
    return D("""
        测试环境的 Vault 初始化完了，但重启之后用下面的 key 解封总是提示 "invalid key"。初始化时的输出我保存下来了：

        $ vault operator init -key-shares=3 -key-threshold=2
        Unseal Key 1: ⟪k1|vault_unseal_key⟫
        Unseal Key 2: ⟪k2|vault_unseal_key⟫
        Unseal Key 3: ⟪k3|vault_unseal_key⟫

        Initial Root Token: ⟪root|vault_token⟫

        是不是重启后 Vault 重新初始化了？存储用的是 file backend，挂在 emptyDir 上。
        """), v


@t("keys", "ru", "not_secret", "no_credential")
def vault_status_output_ru(r):
    v = {"cid": uuid4(r)}
    return D("""
        После перезагрузки ноды Vault поднялся в состоянии sealed, и auto-unseal через AWS KMS не сработал. Вот статус:

        $ vault status
        Key                      Value
        ---                      -----
        Recovery Seal Type       shamir
        Initialized              true
        Sealed                   true
        Total Recovery Shares    5
        Threshold                3
        Version                  1.17.2
        Storage Type             raft
        Cluster Name             vault-cluster-prod
        Cluster ID               ⟪cid⟫
        HA Enabled               true
        """), v


@t("keys", "ko", "secret", "vault_token")
def vault_token_export_ko(r):
    v = {"tok": hvs_service(r)}
    return D("""
        Vault 에서 DB 동적 자격증명을 받으려고 하는데 "permission denied" 가 나요. 정책에는 database/creds/readonly 경로 read 권한이 있어요.

        export VAULT_ADDR=https://vault.sinmun.co.kr:8200
        export VAULT_TOKEN=⟪tok|vault_token⟫
        vault read database/creds/readonly

        토큰은 어제 동료가 만들어 준 거예요. TTL 이 지난 걸까요?
        """), v


@t("keys", "en", "not_secret", "identifier")
def vault_token_lookup_accessor(r):
    v = {"acc": rs(r, ALNUM, 24)}
    return D("""
        I only have the accessor from the audit log. Can I revoke the token with it, and why does the lookup show id n/a?

        $ vault token lookup -accessor ⟪acc⟫
        Key                 Value
        ---                 -----
        accessor            ⟪acc⟫
        creation_time       1749103221
        creation_ttl        768h
        display_name        approle
        entity_id           n/a
        expire_time         2025-07-07T08:40:21.00413Z
        id                  n/a
        policies            [default payments-read]
        ttl                 612h31m2s
        type                service
        """), v


@t("keys", "ru", "secret", "vault_approle_secret_id")
def vault_approle_login_ru(r):
    v = {"role": uuid4(r), "sid": uuid4(r)}
    return D("""
        Сервис на старте логинится в Vault через AppRole и получает "invalid role or secret ID". secret_id выпускали неделю назад с ttl 30 дней. Вот как он логинится:

        vault write auth/approle/login \\
            role_id=⟪role⟫ \\
            secret_id=⟪sid|vault_approle_secret_id⟫

        Может, у secret_id закончилось количество использований (secret_id_num_uses)?
        """), v


@t("keys", "en", "secret", "wireguard_private_key")
def wireguard_wg0_conf(r):
    v = {"priv": wg_key(r), "pub": wg_key(r), "psk": wg_key(r)}
    return D("""
        Handshake never completes between the office gateway and the cloud VPN box. Gateway /etc/wireguard/wg0.conf:

        [Interface]
        Address = 10.99.0.2/24
        PrivateKey = ⟪priv|wireguard_private_key⟫
        ListenPort = 51820

        [Peer]
        PublicKey = ⟪pub⟫
        PresharedKey = ⟪psk|wireguard_preshared_key⟫
        Endpoint = vpn.cloud.acme-logistics.com:51820
        AllowedIPs = 10.99.0.0/24, 10.40.0.0/16
        PersistentKeepalive = 25
        """), v


@t("keys", "en", "not_secret", "public_key")
def wg_show_output(r):
    v = {"a": wg_key(r), "b": wg_key(r), "c": wg_key(r)}
    return D("""
        One peer shows no handshake at all. wg show on the hub:

        interface: wg0
          public key: ⟪a⟫
          private key: (hidden)
          listening port: 51820

        peer: ⟪b⟫
          endpoint: 198.51.100.23:40312
          allowed ips: 10.99.0.2/32
          latest handshake: 41 seconds ago
          transfer: 1.21 GiB received, 388.04 MiB sent

        peer: ⟪c⟫
          allowed ips: 10.99.0.3/32
        """), v


@t("keys", "en", "secret", "passphrase")
def gpg_loopback_passphrase(r):
    v = {"pw": password(r, "std", shape="passphrase", spaces_ok=True)}
    return D("""
        Release signing in our Jenkins job hangs forever on the gpg step. Here's the shell step (yes I know the passphrase shouldn't be inline, that's next):

        gpg --batch --yes --pinentry-mode loopback --passphrase '⟪pw|passphrase⟫' \\
            --local-user releases@northwind-labs.io --armor --detach-sign dist/northwind-cli_2.8.0_linux_amd64.tar.gz
        """), v


@t("keys", "en", "not_secret", "password_prompt")
def openssl_pkcs12_prompt(r):
    return D("""
        Building a .p12 for the Windows IIS box. It asks twice for an export password and then IIS says the password is wrong on import. Transcript:

        $ openssl pkcs12 -export -in api.crt -inkey api.key -certfile chain.pem -out api.p12 -name "api.contoso-retail.com"
        Enter Export Password:
        Verifying - Enter Export Password:

        Is it the OpenSSL 3 default encryption (AES-256) that older Windows can't read?
        """), {}


@t("keys", "en", "not_secret", "certificate_request")
def csr_pem(r):
    body = b64(bytes.fromhex("308202a230820188") + rbytes(r, 660))
    v = {"csr": "-----BEGIN CERTIFICATE REQUEST-----\n" + wrap(body) + "\n-----END CERTIFICATE REQUEST-----"}
    return D("""
        Our internal CA rejects this CSR with "unsupported SAN type". Can you see what's inside? I generated it with openssl req and a config file that has DNS and IP SANs.

        ⟪csr⟫
        """), v


@t("keys", "en", "not_secret", "redacted")
def tls_secret_key_omitted(r):
    v = {"crt": b64((pem_cert(r, 640) + "\n").encode())}
    return D("""
        Ingress serves the default fake certificate instead of ours. The TLS secret (I removed the key before pasting):

        apiVersion: v1
        kind: Secret
        type: kubernetes.io/tls
        metadata:
          name: shop-tls
          namespace: web
        data:
          tls.crt: ⟪crt⟫
          tls.key: <removed, 1704 bytes>
        """), v


# ================================================================ group: incident
@t("incident", "pl", "not_secret", "masked")
def postmortem_masked_key_pl(r):
    v = {"tail": rs(r, B32, 4), "acct": digits(r, 12)}
    return D("""
        Popraw proszę styl tego fragmentu post-mortem, żeby był bardziej zwięzły:

        Przebieg zdarzenia: 14.03 o 22:41 bot skanujący GitHuba wykrył w publicznym forku repozytorium "magazyn-api" klucz dostępu AWS (AKIA…⟪tail⟫) należący do użytkownika IAM ci-deployer na koncie ⟪acct⟫. O 22:58 klucz został dezaktywowany, o 23:20 usunięty. W CloudTrail nie stwierdziliśmy wywołań z nieznanych adresów IP. Nowy klucz nie został utworzony — pipeline korzysta teraz z OIDC.
        """), v


@t("incident", "tr", "secret", "password")
def oncall_chat_db_pw_tr(r):
    v = {"pw": password(r, "std", lang="tr")}
    return D("""
        Bu nöbet yazışmasını olay raporu için toparlar mısın?

        [02:14] Emre: sipariş-db replikası yine geride, 40 dk lag
        [02:16] Zeynep: primary'ye bağlanıp bakabilir misin? kullanıcı dba_nobet, şifre ⟪pw|password⟫
        [02:17] Emre: girdim, uzun süren bir VACUUM var, pid 88123
        [02:25] Zeynep: tamam iptal et, sabah tekrar planlarız
        """), v


@t("incident", "en", "not_secret", "redacted")
def gitleaks_report_redacted(r):
    v = {"c": gitsha(r)}
    return D("""
        CI started failing on gitleaks after the merge. Report (run with --redact):

        [
          {
            "Description": "Generic API Key",
            "StartLine": 14,
            "EndLine": 14,
            "Match": "api_key = \\"REDACTED\\"",
            "Secret": "REDACTED",
            "File": "services/notifier/config/prod.toml",
            "Commit": "⟪c⟫",
            "Author": "ci-bot",
            "RuleID": "generic-api-key",
            "Fingerprint": "⟪c⟫:services/notifier/config/prod.toml:generic-api-key:14"
          }
        ]

        Is it enough to remove the line in a new commit?
        """), v


@t("incident", "vi", "secret", "github_pat")
def trufflehog_raw_vi(r):
    v = {"tok": ghp(r), "c": gitsha(r)}
    return D("""
        TruffleHog quét repo cũ và báo kết quả này là "verified". Mình cần thu hồi token ngay hay chỉ cần xoá khỏi lịch sử git?

        Found verified result 🐷🔑
        Detector Type: Github
        Decoder Type: PLAIN
        Raw result: ⟪tok|github_pat⟫
        Commit: ⟪c⟫
        File: scripts/dong-bo-du-lieu.sh
        Line: 7
        Email: tuan.le <tuan.le@giaohang-nhanh.vn>
        """), v


@t("incident", "en", "secret", "password")
def shell_history_pgpassword(r):
    v = {"pw": password(r, "std")}
    return D("""
        Auditing the bastion after the incident. Found this in /home/ops/.bash_history, is there anything here besides the obvious?

         1012  ssh pg-prod-1
         1013  export PGPASSWORD='⟪pw|password⟫'
         1014  psql -h pg-prod-1.db.internal -U postgres -c "select pid, state, query from pg_stat_activity where state <> 'idle';"
         1015  psql -h pg-prod-1.db.internal -U postgres -c "select pg_terminate_backend(48211);"
         1016  unset PGPASSWORD
        """), v


@t("incident", "id", "not_secret", "secret_reference")
def shell_history_refs_id(r):
    return D("""
        Tolong cek riwayat perintah ini dari server bastion, apakah ada kredensial yang bocor di sini?

          201  vault login -method=oidc role=sre
          202  export DB_PASS=$(vault kv get -field=password kv/prod/pembayaran/postgres)
          203  read -s REDIS_PASS
          204  redis-cli -h redis-bayar.internal --askpass
          205  op read "op://Infra/Cloudflare API/credential" > /dev/null
          206  unset DB_PASS REDIS_PASS
        """), {}


@t("incident", "hi", "not_secret", "masked")
def audit_table_masked_hi(r):
    return D("""
        ऑडिट रिपोर्ट के इस हिस्से को हिंदी में साफ़ और औपचारिक भाषा में लिख दीजिए:

        | फ़ाइल | पंक्ति | प्रकार | मान |
        | --- | --- | --- | --- |
        | deploy/helm/values-prod.yaml | 42 | DB पासवर्ड | ●●●●●●●● (छिपाया गया) |
        | infra/terraform/prod.tfvars | 7 | Cloudflare API टोकन | cf_…(अंतिम 4: x9Qa) |
        | .github/workflows/release.yml | 31 | GitHub PAT | ghp_************************************ |

        निष्कर्ष: तीनों क्रेडेंशियल 48 घंटे के भीतर बदले जाने चाहिए।
        """), {}


@t("incident", "ar", "not_secret", "rotation_notice")
def postmortem_timeline_ar(r):
    return D("""
        هذا الجدول الزمني من تقرير ما بعد الحادث، هل يمكنك ترجمته إلى الإنجليزية؟

        - 09:12 تنبيه من GitHub Secret Scanning: رمز وصول شخصي في مستودع عام.
        - 09:20 تم إلغاء الرمز من حساب المستخدم وإشعار فريق الأمن.
        - 09:45 تدوير كلمة مرور قاعدة البيانات وحساب الخدمة المرتبط، وتخزين القيم الجديدة في Vault فقط.
        - 10:30 مراجعة سجلات الوصول: لا يوجد استخدام غير مصرح به.
        - 11:00 إغلاق الحادث، والمتابعة بإضافة فحص gitleaks إلى الـ pipeline.
        """), {}


@t("incident", "de", "secret", "slack_bot_token")
def oncall_slack_bot_token_de(r):
    v = {"tok": slack_bot(r)}
    return D("""
        Kannst du aus diesem Bereitschafts-Chat eine kurze Übergabenotiz machen?

        [23:05] Jonas: der Alert-Bot postet nicht mehr in #betrieb-alarme, Slack sagt invalid_auth
        [23:09] Miriam: ich hab in der Slack-App einen neuen Token erzeugt: ⟪tok|slack_bot_token⟫ – trag den bitte im alertmanager-Secret ein
        [23:15] Jonas: drin, Pod neu gestartet, Testalarm kommt an
        [23:16] Miriam: danke, morgen machen wir das sauber über Vault
        """), v


@t("incident", "fr", "secret", "password")
def jdbc_log_password_fr(r):
    v = {"pw": password(r, "url", lang="fr")}
    return D("""
        Pendant l'incident d'hier soir, ce message est apparu dans les logs de l'API facturation (envoyés à Loki). Est-ce que je dois considérer le mot de passe comme compromis ?

        2025-06-02 21:47:13.402 ERROR 1 --- [main] com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Exception during pool initialization.
        org.postgresql.util.PSQLException: Connection to pg-facturation.interne:5432 refused. Check that the hostname and port are correct.
        	url=jdbc:postgresql://pg-facturation.interne:5432/facturation?user=facturation_app&password=⟪pw|password⟫&sslmode=require
        """).replace("\t", "    "), v


@t("incident", "es", "not_secret", "rotation_notice")
def ticket_rotation_es(r):
    return D("""
        Ayúdame a convertir este ticket en una lista de pasos más clara:

        OPS-2291 — Rotar credenciales de la cuenta de servicio svc-reporting
        Motivo: la contraseña apareció en un log de depuración (ya purgado de Elastic).
        1. Generar nueva contraseña en el gestor (política: 24 caracteres, sin reutilizar).
        2. Actualizar el secreto "reporting-db" en Vault (kv/prod/reporting).
        3. Reiniciar los pods de reporting-api y verificar conexión.
        4. Deshabilitar la contraseña anterior en PostgreSQL y revisar pg_stat_activity.
        No pegar la contraseña nueva en el ticket ni en Slack.
        """), {}


@t("incident", "en", "secret", "basic_auth_credentials")
def curl_verbose_basic_auth(r):
    pw = password(r, "std")
    v = {"b": b64(("svc-backup:" + pw).encode())}
    return D("""
        Nexus upload returns 401 only from the backup host. curl -v output:

        * Connected to nexus.infra.internal (10.30.4.12) port 443
        * using HTTP/1.x
        > PUT /repository/db-dumps/2025/06/orders.sql.gz HTTP/1.1
        > Host: nexus.infra.internal
        > Authorization: Basic ⟪b|basic_auth_credentials⟫
        > User-Agent: curl/8.5.0
        > Content-Length: 734003200
        >
        < HTTP/1.1 401 Unauthorized
        < WWW-Authenticate: BASIC realm="Sonatype Nexus Repository Manager"
        """), v


@t("incident", "en", "not_secret", "out_of_band_notice")
def breakglass_out_of_band(r):
    return D("""
        Rewrite this on-call note so it's clearer for the next person:

        break glass for the vSphere cluster: root creds are NOT in the wiki. they're in the safe in the DC2 office (envelope "ESXi-root-2025") and a copy in the 1Password "Break Glass" vault which needs two approvers. if you need them at night call Marta or me, don't ask in #ops.
        """), {}


@t("incident", "en", "secret", "password")
def breakglass_esxi_chat(r):
    v = {"pw": password(r, "std")}
    return D("""
        Summarise this incident channel for the post-mortem please:

        [03:02] pager: ESXi host esx-dc2-07 not responding
        [03:05] marta: vCenter can't reach it, iLO shows it up. anyone have host root?
        [03:07] kai: root / ⟪pw|password⟫ — same on all dc2 hosts, we rotate after this
        [03:15] marta: in. hostd was hung, restarted management agents
        [03:22] marta: host reconnected to vCenter, VMs fine
        """), v


@t("incident", "en", "not_secret", "hash")
def ioc_hash_list(r):
    v = {"a": sha256hex(r), "b": sha256hex(r), "c": rs(r, HEX, 32)}
    return D("""
        Please format these indicators of compromise from the incident into a table for the report:

        - dropper: /tmp/.x/kworkerd  sha256 ⟪a⟫
        - persistence: /etc/cron.d/.sysupdate  sha256 ⟪b⟫
        - miner config: config.json  md5 ⟪c⟫
        - C2: 45.155.205.0/24, update-cdn-check[.]top
        """), v


@t("incident", "en", "not_secret", "redacted")
def log_bearer_filtered(r):
    v = {"req": uuid4(r)}
    return D("""
        Our API gateway logs during the outage. Headers are filtered by the logging middleware. Does this show the client sent a token at all?

        2025-05-21T14:03:55Z WARN gateway request_id=⟪req⟫ method=POST path=/v2/shipments status=401 latency_ms=3
          headers={"authorization": "Bearer [FILTERED]", "x-client-id": "partner-dhl-eu", "user-agent": "okhttp/4.12.0"}
        """), v


@t("incident", "en", "secret", "stripe_webhook_secret")
def printenv_crash_dump(r):
    v = {"wh": stripe_whsec(r), "sg": sendgrid(r)}
    return D("""
        The checkout worker crashed and our error handler dumped the environment into the Sentry event. Which of these do we need to rotate?

        NODE_ENV=production
        PORT=8080
        DATABASE_URL=${DATABASE_URL}
        STRIPE_WEBHOOK_SECRET=⟪wh|stripe_webhook_secret⟫
        SENDGRID_API_KEY=⟪sg|sendgrid_api_key⟫
        REDIS_URL=redis://redis-master.checkout.svc:6379/0
        OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector.observability:4318
        """), v


@t("incident", "en", "not_secret", "request_id")
def k8s_events_uids(r):
    v = {"a": uuid4(r), "b": uuid4(r)}
    return D("""
        Events from the namespace during the incident window. Which controller evicted the pods?

        LAST SEEN   TYPE      REASON             OBJECT                         MESSAGE
        12m         Warning   Evicted            pod/ledger-api-7d9f8c6b5-x2kqp   The node was low on resource: memory. Threshold quantity: 100Mi, available: 81240Ki.
        12m         Normal    Killing            pod/ledger-api-7d9f8c6b5-x2kqp   Stopping container ledger-api
        11m         Normal    SuccessfulCreate   replicaset/ledger-api-7d9f8c6b5  Created pod: ledger-api-7d9f8c6b5-q8m4z

        involvedObject.uid: ⟪a⟫
        audit auditID: ⟪b⟫
        """), v


@t("incident", "en", "not_secret", "version_string")
def incident_versions(r):
    v = {"sha": gitsha(r), "build": "%d.%d.%d+build.%d" % (r.randint(1, 9), r.randint(0, 30), r.randint(0, 9), r.randint(1000, 9999))}
    return D("""
        For the post-mortem "what changed" section:

        - ingress-nginx controller upgraded v1.10.1 → v1.11.2 at 16:40 (chart 4.11.2)
        - checkout-api rolled out ⟪build⟫ (git ⟪sha⟫)
        - node image: amazon-eks-node-al2023-x86_64-standard-1.30-v20250519
        - cert-manager untouched (v1.15.1)
        """), v


@t("incident", "en", "not_secret", "rotation_notice")
def github_revocation_email(r):
    return D("""
        Got this from GitHub this morning. What should we check beyond what it says?

        Subject: [GitHub] Personal access token (classic) revoked
        Hi @platform-bot,
        We noticed that a valid personal access token (classic) of yours was committed to a public repository, northwind-labs/helm-charts, in commit 4f0c2a1. As a precaution we have revoked the token "renovate-bot-2024". You can generate a new token in your settings.
        """), {}


@t("incident", "en", "not_secret", "password_policy")
def password_policy_after_incident(r):
    return D("""
        Draft of our updated credential policy after last month's incident, can you tighten the wording?

        1. Service-account passwords: minimum 32 random characters, generated by Vault, never typed by humans.
        2. Human admin passwords: minimum 16 characters, passphrases allowed, MFA mandatory.
        3. No credentials in shell history: use `read -s`, `--password-stdin`, or env files with 0600.
        4. Rotation: 90 days for shared break-glass accounts, immediately after any suspected exposure.
        """), {}


@t("incident", "en", "not_secret", "placeholder")
def retro_placeholders(r):
    return D("""
        Retro action item: make these commands copy-paste safe in the runbook. Can you rewrite them so nobody types a password on the command line?

        mysql -h <replica-host> -u <dba-user> -p<PASSWORD> -e "STOP REPLICA; START REPLICA;"
        redis-cli -h <redis-host> -a <REDIS_PASSWORD> INFO replication
        curl -u admin:<ADMIN_PASSWORD> https://rabbitmq.<env>.internal/api/queues
        """), {}


@t("incident", "en", "not_secret", "security_advice")
def pasted_key_private_channel(r):
    return D("""
        Quick question from the on-call: I pasted our staging Datadog API key into a private Slack DM with a vendor engineer by mistake and deleted it two minutes later. Do I need to rotate it, and is there anything in Datadog's audit trail that would show misuse?
        """), {}


@t("incident", "en", "not_secret", "username")
def oncall_usernames_only(r):
    return D("""
        Which of these accounts should we disable first? From the suspicious-login alert:

        - svc-jenkins@corp.northwind.io — 14 failed logins from 185.220.101.0/24, then 1 success
        - k.nakamura@corp.northwind.io — impossible travel (Osaka → São Paulo in 40 min)
        - backup-admin (local, nas-02) — login at 03:11 outside the maintenance window
        """), {}


# ---------------------------------------------------------------- build and validate
def render(text, vals):
    out, ents, pos = [], [], 0
    n = 0
    for m in MARK.finditer(text):
        out.append(text[pos:m.start()])
        n += len(text[pos:m.start()])
        name, etype, glued = m.group(1), m.group(2), bool(m.group(3))
        if name not in vals:
            raise KeyError(name)
        v = vals[name]
        if etype:
            ents.append({"type": etype, "start": n, "end": n + len(v), "value": v, "_glued": glued})
        out.append(v)
        n += len(v)
        pos = m.end()
    out.append(text[pos:])
    res = "".join(out)
    assert "⟪" not in res and "⟫" not in res, res[:80]
    return res, ents


def build():
    rows = []
    for tpl in TEMPLATES:
        r = random.Random(SEED + "/" + tpl["name"])
        text, vals = tpl["fn"](r)
        text, ents = render(text, vals)
        rows.append((tpl, text, ents))
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    out = []
    for i, k in enumerate(order):
        tpl, text, ents = rows[k]
        out.append({
            "id": "sg14-%03d" % i,
            "text": text,
            "label": tpl["label"],
            "type": tpl["type"],
            "entities": ents,
            "spans_known": True,
            "source": {"repo": REPO},
            "_tpl": tpl,
        })
    return out


def is_word(c):
    return c.isascii() and (c.isalnum() or c == "_")


def validate(rows):
    errs = []
    names = [tp["name"] for tp in TEMPLATES]
    assert len(names) == len(set(names)), "duplicate template names"
    texts = set()
    ids = set()
    for row in rows:
        rid, text, tpl = row["id"], row["text"], row["_tpl"]
        where = "%s (%s)" % (rid, tpl["name"])
        if rid in ids:
            errs.append(where + ": duplicate id")
        ids.add(rid)
        if text in texts:
            errs.append(where + ": duplicate text")
        texts.add(text)
        if "\r" in text or "\t" in text:
            errs.append(where + ": CR or TAB in text")
        ents = row["entities"]
        if row["label"] == "not_secret" and ents:
            errs.append(where + ": not_secret row with entities")
        if row["label"] == "secret" and not ents:
            errs.append(where + ": secret row without entities")
        spans = sorted((e["start"], e["end"]) for e in ents)
        for a, b in zip(spans, spans[1:]):
            if a[1] > b[0]:
                errs.append(where + ": overlapping spans")
        for e in ents:
            s, en, v = e["start"], e["end"], e["value"]
            if text[s:en] != v:
                errs.append(where + ": span does not match value")
            if not v or v != v.strip():
                errs.append(where + ": empty span or surrounding whitespace")
            if not re.fullmatch(r"[a-z][a-z0-9_]*", e["type"]):
                errs.append(where + ": bad entity type " + e["type"])
            if not e["_glued"]:
                if s > 0 and is_word(text[s - 1]) and is_word(text[s]):
                    errs.append(where + ": span starts inside a word: " + v[:20])
            if en < len(text) and is_word(text[en - 1]) and is_word(text[en]):
                errs.append(where + ": span ends inside a word: " + v[-20:])
            for ex in DOC_EXAMPLES:
                if ex in v:
                    errs.append(where + ": documentation example marked")
            # every occurrence of the value is covered
            i = text.find(v)
            while i != -1:
                if (i, i + len(v)) not in spans:
                    errs.append(where + ": uncovered occurrence of " + v[:20])
                i = text.find(v, i + 1)
        if not re.fullmatch(r"[a-z][a-z0-9_]*", row["type"]):
            errs.append(where + ": bad row type")
    n = len(rows)
    if n != 250:
        errs.append("expected 250 rows, got %d" % n)
    sec = [x for x in rows if x["label"] == "secret"]
    share = len(sec) / n
    if not 0.46 <= share <= 0.56:
        errs.append("secret share %.3f out of range" % share)
    ne = sum(1 for x in rows if x["_tpl"]["lang"] != "en") / n
    if not 0.35 <= ne <= 0.50:
        errs.append("non-English share %.3f out of range" % ne)
    langs = {x["_tpl"]["lang"] for x in rows} - {"en"}
    if len(langs) < 10:
        errs.append("fewer than 10 non-English languages")
    for lg in langs:
        labs = {x["label"] for x in rows if x["_tpl"]["lang"] == lg}
        if labs != {"secret", "not_secret"}:
            errs.append("language %s lacks secret or negative rows" % lg)
    hp = sum(1 for x in sec if x["type"] in HUMAN_PASSWORD_TYPES) / len(sec)
    if not 0.30 <= hp <= 0.50:
        errs.append("human-password share %.3f out of range" % hp)
    if errs:
        raise SystemExit("validation failed:\n  " + "\n  ".join(errs))


def serialise(rows):
    lines = []
    for row in rows:
        obj = {k: row[k] for k in ("id", "text", "label", "type")}
        obj["entities"] = [{k: e[k] for k in ("type", "start", "end", "value")} for e in row["entities"]]
        obj["spans_known"] = True
        obj["source"] = {"repo": REPO}
        lines.append(json.dumps(obj, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")


def validate_file(data):
    """Re-read the serialised JSON and check spans against code-point offsets."""
    for line in data.decode("utf-8").splitlines():
        obj = json.loads(line)
        assert list(obj) == ["id", "text", "label", "type", "entities", "spans_known", "source"]
        for e in obj["entities"]:
            assert obj["text"][e["start"]:e["end"]] == e["value"], obj["id"]


def stats(rows):
    n = len(rows)
    sec = [x for x in rows if x["label"] == "secret"]
    neg = [x for x in rows if x["label"] == "not_secret"]
    ne = [x for x in rows if x["_tpl"]["lang"] != "en"]
    hp = [x for x in sec if x["type"] in HUMAN_PASSWORD_TYPES]
    print("rows: %d" % n)
    print("label: not_secret %d, secret %d  (secret share %.1f%%)" % (len(neg), len(sec), 100.0 * len(sec) / n))
    print("non-English rows: %d (%.1f%%)" % (len(ne), 100.0 * len(ne) / n))
    print("templates: %d (each used once)" % len(TEMPLATES))
    print("human-password rows (%s): %d of %d secret rows (%.1f%%)"
          % (", ".join(sorted(HUMAN_PASSWORD_TYPES)), len(hp), len(sec), 100.0 * len(hp) / len(sec)))
    print()
    print("%-20s  %6s  %10s  %5s" % ("group", "secret", "not_secret", "total"))
    for g in GROUPS:
        s = sum(1 for x in sec if x["_tpl"]["group"] == g)
        k = sum(1 for x in neg if x["_tpl"]["group"] == g)
        print("  %-18s  %6d  %10d  %5d" % (g, s, k, s + k))
    print()
    print("%-20s  %6s  %10s  %5s" % ("language", "secret", "not_secret", "total"))
    for lg, name in LANGS.items():
        s = sum(1 for x in sec if x["_tpl"]["lang"] == lg)
        k = sum(1 for x in neg if x["_tpl"]["lang"] == lg)
        if s + k:
            print("  %-18s  %6d  %10d  %5d" % (lg + " " + name, s, k, s + k))
    for title, items in (("row type (secret", [x["type"] for x in sec]),
                         ("row type (not_secret", [x["type"] for x in neg]),
                         ("entity type (", [e["type"] for x in sec for e in x["entities"]])):
        c = collections.Counter(items)
        print()
        if title.startswith("entity"):
            print("entity type (%d spans, %d kinds):" % (len(items), len(c)))
        else:
            print("%s, %d kinds):" % (title, len(c)))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %-34s %d" % (k, v))


def main(argv):
    rows = build()
    validate(rows)
    data = serialise(rows)
    validate_file(data)
    if "--check" in argv:
        with open(OUT, "rb") as f:
            old = f.read()
        if old != data:
            raise SystemExit("holdout.jsonl differs from a fresh build")
        print("ok: holdout.jsonl matches (%d rows, sha256 %s)" % (len(rows), hashlib.sha256(data).hexdigest()))
        return
    if "--stats" in argv:
        stats(rows)
        return
    with open(OUT, "wb") as f:
        f.write(data)
    print("wrote %s: %d rows, sha256 %s" % (OUT, len(rows), hashlib.sha256(data).hexdigest()))


if __name__ == "__main__":
    main(sys.argv[1:])
