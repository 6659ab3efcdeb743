#!/usr/bin/env python3
"""Generator for the Parapet secrets-detector hold-out set `general4`.

Hand-written templates (written blind to the detector) filled with fake,
randomly generated credential values from a seeded random.Random.

    python3 gen.py           rewrite holdout.jsonl (byte-identical every run) and validate it
    python3 gen.py --stats   print counts per label / group / type / language / entity type

Standard library only.

Template mini-language (inside template strings):
    ⟦gen⟧             insert a generated value, not marked
    ⟦gen:etype⟧       insert a generated value and mark it as an entity of type etype
    ⟦gen#t⟧ / ⟦gen:etype#t⟧   same, and remember the value under tag t
    ⟦#t⟧              insert the value remembered under tag t again (marked if it was marked)
A template may also be a function(rng) returning a list of segments: str, or
(value, etype_or_None) tuples.
"""
import base64
import hashlib
import json
import os
import random
import re
import string
import struct
import sys
import uuid
from collections import Counter, defaultdict

SEED = "parapet/general4/holdout/v1"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")
SOURCE = {"repo": "parapet/general4-handwritten"}

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DIG = string.digits
LET = UP + LO
ALNUM = LET + DIG
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
HEX = "0123456789abcdef"
HEXU = "0123456789ABCDEF"


def rs(r, chars, n):
    return "".join(r.choice(chars) for _ in range(n))


def rbytes(r, n):
    return bytes(r.getrandbits(8) for _ in range(n))


def b64(b):
    return base64.b64encode(b).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def ruuid(r):
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def wrap(s, n):
    return "\n".join(s[i:i + n] for i in range(0, len(s), n))


def digits(r, n, lead_nonzero=True):
    s = rs(r, DIG, n)
    if lead_nonzero and s[0] == "0":
        s = r.choice("123456789") + s[1:]
    return s


# ---------------------------------------------------------------- people, places
FIRST_EN = ["Priya", "Tom", "Aisha", "Liam", "Sofia", "Daniel", "Mei", "Jonas", "Grace",
            "Noah", "Hana", "Omar", "Rachel", "Kwame", "Elena", "Marcus", "Ingrid", "Ravi"]
LAST_EN = ["Nair", "Becker", "Khan", "O'Connor", "Marin", "Okafor", "Lin", "Berg", "Adeyemi",
           "Fischer", "Sato", "Haddad", "Lindqvist", "Mensah", "Petrova", "Doyle", "Varga", "Iyer"]
FIRST_ASCII = ["anna", "tom", "priya", "liam", "sofia", "daniel", "mei", "jonas", "grace", "noah",
               "hana", "omar", "lea", "felix", "marta", "diego", "joao", "giulia", "sanne", "piotr",
               "elif", "burak", "kenji", "minji", "olga", "camille"]
LAST_ASCII = ["keller", "nair", "becker", "khan", "oconnor", "marin", "okafor", "lin", "berg",
              "adeyemi", "fischer", "sato", "haddad", "novak", "rossi", "silva", "jansen", "nowak",
              "yilmaz", "moreau", "tanaka", "park", "ivanova", "dubois"]
NAMES = {
    "de": (["Jonas", "Lea", "Felix", "Hannah", "Lukas", "Marie", "Tobias", "Katrin", "Stefan", "Anja"],
           ["Keller", "Wagner", "Hoffmann", "Brandt", "Schulze", "Neumann", "Vogel", "Krüger"]),
    "fr": (["Camille", "Julien", "Manon", "Théo", "Claire", "Nicolas", "Inès", "Mathieu"],
           ["Lefèvre", "Moreau", "Girard", "Fontaine", "Rousseau", "Chevalier"]),
    "es": (["Lucía", "Javier", "Marta", "Diego", "Carmen", "Álvaro", "Paula", "Sergio"],
           ["García", "Navarro", "Ortega", "Romero", "Castillo", "Iglesias"]),
    "pt": (["João", "Beatriz", "Rafael", "Mariana", "Tiago", "Larissa", "Gustavo", "Inês"],
           ["Silva", "Ferreira", "Costa", "Almeida", "Ribeiro", "Carvalho"]),
    "it": (["Giulia", "Marco", "Chiara", "Lorenzo", "Francesca", "Matteo", "Sara", "Davide"],
           ["Rossi", "Bianchi", "Esposito", "Ferrari", "Ricci", "Colombo"]),
    "nl": (["Sanne", "Daan", "Lotte", "Bram", "Femke", "Joris", "Eva", "Thijs"],
           ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Mulder"]),
    "pl": (["Kasia", "Piotr", "Agnieszka", "Tomasz", "Magda", "Paweł", "Ola", "Michał"],
           ["Nowak", "Kowalski", "Wiśniewska", "Zieliński", "Kamińska", "Lewandowski"]),
    "tr": (["Ayşe", "Mehmet", "Elif", "Burak", "Zeynep", "Emre", "Selin", "Can"],
           ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın"]),
}
NAMES_JA = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林"]
NAMES_ZH = ["小王", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "周敏"]
NAMES_KO = ["김민준", "이서연", "박지훈", "최수빈", "정하은", "강도윤", "윤지아"]
NAMES_RU = ["Саша", "Дима", "Катя", "Оля", "Игорь", "Наташа", "Артём", "Лена"]
PINYIN = ["wangxiao", "lina", "zhangwei", "liuyang", "chenjing", "yangfan", "zhaolei"]

DOMAINS = ["kaltbach-logistik.example", "northwind-travel.example", "bluepeak.internal",
           "orbita-media.example", "helvia.local", "lumen-analytics.example", "fennick.internal",
           "tidewater-foods.example", "grupo-sierra.example", "verdant-labs.example",
           "marrow-and-pike.example", "corp.oskarsson.internal", "studio-amarelo.example",
           "hanse-moebel.local", "quaystone.example", "nordlicht-versand.example"]
COMPANIES = ["Kaltbach Logistik", "Northwind Travel", "Bluepeak", "Orbita Media", "Helvia",
             "Lumen Analytics", "Tidewater Foods", "Grupo Sierra", "Verdant Labs", "Quaystone"]
ORGS = ["kaltbach", "northwind-travel", "bluepeak", "orbita", "helvia", "lumen", "tidewater",
        "gruposierra", "verdant", "quaystone", "fennick", "amarelo"]
HOST_PREFIX = {
    "db": ["sql-bi", "dwh", "pg-analytics", "mysql-reports", "reporting-db", "mssql03", "etl-db",
           "pg-warehouse", "db-finance", "sqlprod02"],
    "ldap": ["dc01", "dc02", "ldap1", "ad-ldaps", "idm"],
    "fs": ["nas01", "fs02", "files", "fileserver", "stor01"],
}
SSID_WORDS = ["Kaltbach", "Lumen", "Northwind", "Helvia", "Atelier", "Lager", "Office", "Studio",
              "Quay", "Werkstatt", "Sede", "Filiale", "Bureau", "Kantoor"]
SSID_SUFFIX = ["-Staff", "-Guest", "_Gast", "-Invites", "_5G", "-Lager", "-Conf", "_Visitor", ""]

PW_WORDS = {
    "de": ["Sommer", "Winter", "Fruehling", "Tannenbaum", "Kaffee", "Fussball", "Bergsee",
           "Sonnenblume", "Hamburg", "Apfelkuchen", "Schneemann", "Wanderweg"],
    "fr": ["Soleil", "Printemps", "Fromage", "Lavande", "Bretagne", "Chocolat", "Papillon",
           "Montagne", "Croissant"],
    "es": ["Verano", "Naranja", "Sevilla", "Girasol", "Playa", "Primavera", "Mariposa", "Tortilla"],
    "pt": ["Saudade", "Praia", "Cafezinho", "Lisboa", "Abacaxi", "Girassol", "Verao", "Samba"],
    "it": ["Estate", "Limone", "Gelato", "Tramonto", "Girasole", "Venezia", "Cappuccino"],
    "nl": ["Tulpen", "Fietsen", "Zomer", "Stroopwafel", "Molen", "Haring", "Gracht"],
    "pl": ["Lato", "Zima", "Jesien", "Wisla", "Pierogi", "Kasztan", "Bursztyn"],
    "ja": ["Sakura", "Fujisan", "Natsu", "Tanuki", "Momiji", "Ramen", "Kitsune"],
    "ko": ["Haneul", "Saranghae", "Kimchi", "Gyeoul", "Hangang", "Nabi", "Dalbit"],
    "ru": ["Leto", "Zima", "Vesna", "Medved", "Kalinka", "Solnce", "Berezka"],
    "tr": ["Yaz", "Kahve", "Istanbul", "Lale", "Deniz", "Simit", "Bahar"],
    "en": ["Sunshine", "Harbor", "Maple", "Falcon", "Riverbank", "Copper", "Lantern", "Meadow",
           "Thunder", "Biscuit", "Orchard"],
}
PHRASE_WORDS = ["amber", "orbit", "cactus", "velvet", "glacier", "pepper", "tundra", "walnut",
                "pixel", "harbor", "quartz", "meadow", "lantern", "saffron", "ember", "cobalt",
                "willow", "rocket", "marble", "ferry", "nectar", "falcon", "granite", "tulip"]
SYMS = "!#$%*+-=?@^_~."


def pw_human(r, lang):
    w = r.choice(PW_WORDS[lang])
    y = str(r.randint(2019, 2026))
    s = r.choice("!#?$*.%+")
    k = r.randint(0, 5)
    if k == 0:
        return f"{w}{y}{s}"
    if k == 1:
        return f"{w}{s}{digits(r, r.randint(3, 4))}"
    if k == 2:
        w2 = r.choice([x for x in PW_WORDS[lang] if x != w])
        return f"{w}{r.randint(10, 99)}{w2.lower()}{s}"
    if k == 3:
        w2 = r.choice([x for x in PW_WORDS[lang] if x != w])
        return f"{w.lower()}.{w2.lower()}.{r.randint(10, 999)}"
    if k == 4:
        return f"{s}{w}{y[2:]}{rs(r, UP, 1)}{rs(r, DIG, 2)}"
    leet = w.replace("e", "3").replace("a", "@").replace("o", "0")
    if leet == w:
        leet = w + "X"
    return f"{leet}{r.randint(1, 99)}{s}"


def pw_strong(r):
    n = r.randint(12, 20)
    while True:
        p = rs(r, ALNUM + ALNUM + SYMS, n)
        if (any(c in UP for c in p) and any(c in LO for c in p) and any(c in DIG for c in p)
                and any(c in SYMS for c in p) and p[0] not in "-=.+"):
            return p


def pw_url(r):
    while True:
        p = rs(r, ALNUM + ALNUM + "-_.", r.randint(14, 24))
        if any(c in DIG for c in p) and any(c in UP for c in p) and p[0] not in "-_.":
            return p


def pw_temp(r):
    k = r.randint(0, 3)
    base = r.choice(["Welcome", "Start", "Temp", "Init", "Hello", "Onboard", "Bienvenue", "Neu"])
    if k == 0:
        return f"{base}-{digits(r, 4)}{r.choice('!#?')}"
    if k == 1:
        return f"{base}{r.randint(2024, 2026)}{r.choice('#!$')}{rs(r, LO, 2)}"
    if k == 2:
        return f"{rs(r, UP, 1)}{rs(r, LO, 3)}{rs(r, DIG, 4)}{r.choice('!#?')}{rs(r, LO + UP, 2)}"
    return f"{base}.{rs(r, ALNUM, 6)}"


def pw_wifi(r):
    k = r.randint(0, 3)
    if k == 0:
        return "-".join(r.choice(PHRASE_WORDS) for _ in range(3)) + str(r.randint(10, 99))
    if k == 1:
        return rs(r, ALNUM, r.randint(14, 18))
    if k == 2:
        return f"{r.choice(PW_WORDS['en'])}{r.choice(PHRASE_WORDS).capitalize()}{r.randint(100, 9999)}"
    return f"{rs(r, LO, 4)}{rs(r, DIG, 4)}{rs(r, UP, 4)}{rs(r, DIG, 2)}"


def pw_phrase(r):
    return "-".join(r.choice(PHRASE_WORDS) for _ in range(4)) + "-" + str(r.randint(10, 99))


# ---------------------------------------------------------------- key material
def der_pem(r, label, prefix_hex, nrand, suffix_hex="", width=64):
    body = bytes.fromhex(prefix_hex) + rbytes(r, nrand) + bytes.fromhex(suffix_hex)
    return f"-----BEGIN {label}-----\n{wrap(b64(body), width)}\n-----END {label}-----"


def pem_rsa(r):
    return der_pem(r, "RSA PRIVATE KEY", "308204a40201000282010100", 1180)


def pem_pkcs8(r):
    return der_pem(r, "PRIVATE KEY",
                   "308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100", 1204)


def pem_ec(r):
    body = (bytes.fromhex("307702010104 20".replace(" ", "")) + rbytes(r, 32)
            + bytes.fromhex("a00a06082a8648ce3d030107a144034200 04".replace(" ", "")) + rbytes(r, 64))
    return f"-----BEGIN EC PRIVATE KEY-----\n{wrap(b64(body), 64)}\n-----END EC PRIVATE KEY-----"


def pem_p8(r):
    body = (bytes.fromhex("308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420")
            + rbytes(r, 32) + bytes.fromhex("a00a06082a8648ce3d030107a14403420004") + rbytes(r, 64))
    return f"-----BEGIN PRIVATE KEY-----\n{wrap(b64(body), 64)}\n-----END PRIVATE KEY-----"


def sshstr(b):
    if isinstance(b, str):
        b = b.encode()
    return struct.pack(">I", len(b)) + b


def ed25519_pub_blob(r):
    return sshstr("ssh-ed25519") + sshstr(rbytes(r, 32))


def pem_openssh(r):
    pub32 = rbytes(r, 32)
    pubblob = sshstr("ssh-ed25519") + sshstr(pub32)
    check = rbytes(r, 4)
    comment = f"{r.choice(FIRST_ASCII)}@{r.choice(['sftp-upload', 'agency', 'macbook', 'deploy'])}"
    priv = (check + check + sshstr("ssh-ed25519") + sshstr(pub32) + sshstr(rbytes(r, 32) + pub32)
            + sshstr(comment))
    pad = 1
    while len(priv) % 8:
        priv += bytes([pad])
        pad += 1
    blob = (b"openssh-key-v1\x00" + sshstr("none") + sshstr("none") + sshstr(b"")
            + struct.pack(">I", 1) + sshstr(pubblob) + sshstr(priv))
    return f"-----BEGIN OPENSSH PRIVATE KEY-----\n{wrap(b64(blob), 70)}\n-----END OPENSSH PRIVATE KEY-----"


def ovpn_static(r):
    lines = "\n".join(rs(r, HEX, 32) for _ in range(16))
    return f"-----BEGIN OpenVPN Static key V1-----\n{lines}\n-----END OpenVPN Static key V1-----"


def pem_public(r):
    return der_pem(r, "PUBLIC KEY", "30820122300d06092a864886f70d01010105000382010f003082010a0282010100",
                   256, "0203010001")


def pem_cert(r):
    return der_pem(r, "CERTIFICATE", "3082035a30820242a0030201020214", 846)


def pem_csr(r):
    return der_pem(r, "CERTIFICATE REQUEST", "3082029a308201820201003059310b3009060355040613024445", 640)


def pgp_public(r):
    body = b64(bytes.fromhex("98330465") + rbytes(r, 300))
    return ("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + wrap(body, 64) + "\n=" + rs(r, B64, 4)
            + "\n-----END PGP PUBLIC KEY BLOCK-----")


def jwt_token(r, payload, alg="HS256"):
    h = b64u(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    p = b64u(json.dumps(payload, separators=(",", ":")).encode())
    sig = b64u(rbytes(r, 32 if alg == "HS256" else 256))
    return f"{h}.{p}.{sig}"


def jwt_user(r):
    iat = r.randint(1735689600, 1767225600)
    payload = {"sub": ruuid(r), "email": f"{r.choice(FIRST_ASCII)}.{r.choice(LAST_ASCII)}@{r.choice(DOMAINS)}",
               "roles": r.choice([["staff"], ["finance", "reports"], ["support"]]),
               "iat": iat, "exp": iat + r.choice([900, 3600, 28800])}
    return jwt_token(r, payload, r.choice(["HS256", "RS256"]))


def jwt_service(r):
    iat = r.randint(1700000000, 1760000000)
    return jwt_token(r, {"iss": "supabase", "ref": rs(r, LO, 20), "role": "service_role",
                         "iat": iat, "exp": iat + 315360000})


def mapbox(r, kind):
    user = r.choice(FIRST_ASCII) + r.choice(["maps", "-geo", "studio", ""])
    mid = b64u(json.dumps({"u": user, "a": rs(r, LO + DIG, 25)}, separators=(",", ":")).encode())
    return f"{kind}.{mid}.{rs(r, B64URL, 22)}"


def bitlocker(r):
    return "-".join(f"{r.randint(0, 65535) * 11:06d}" for _ in range(8))


def discord_bot(r):
    uid = digits(r, 19)
    return f"{b64(uid.encode()).rstrip('=')}.{rs(r, B64URL, 6)}.{rs(r, B64URL, 38)}"


def b64png(r):
    return b64(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rbytes(r, 102))


def sas_sig(r):
    return b64(rbytes(r, 32)).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def gclid(r):
    return "Cj0KCQjw" + rs(r, B64URL, 84) + "BwE"


def order_no(r):
    k = r.randint(0, 3)
    if k == 0:
        return f"SO-{r.randint(2024, 2026)}-{digits(r, 6, False)}"
    if k == 1:
        return f"{digits(r, 3)}-{digits(r, 7)}-{digits(r, 7)}"
    if k == 2:
        return f"WEB{digits(r, 8)}"
    return f"{r.randint(100000, 999999)}"


def invoice_no(r):
    return r.choice(["INV", "RE", "FA", "FT", "NF"]) + f"-{r.randint(2024, 2026)}-{digits(r, 5, False)}"


def coupon(r):
    k = r.randint(0, 2)
    if k == 0:
        return f"{r.choice(['SPRING', 'SUMMER', 'AUTUMN', 'WINTER', 'HELLO'])}{r.choice([10, 15, 20, 25])}-{rs(r, UP + DIG, 4)}"
    if k == 1:
        return f"{r.choice(['WELCOME', 'VIP', 'FRIENDS', 'BACK2SCHOOL'])}{r.randint(5, 30)}"
    return f"BF{r.randint(2024, 2026)}{rs(r, UP, 2)}{rs(r, DIG, 2)}"


def pnr(r):
    return rs(r, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6)


def grouped(r, groups, sep=" "):
    return sep.join(digits(r, g, i == 0) for i, g in enumerate(groups))


def plate(r, country):
    U = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if country == "fr":
        return f"{rs(r, U, 2)}-{digits(r, 3)}-{rs(r, U, 2)}"
    if country == "it":
        return f"{rs(r, U, 2)} {digits(r, 3)}{rs(r, U, 2)}"
    if country == "de":
        return f"{r.choice(['M', 'HH', 'B', 'K', 'L', 'HB', 'S'])}-{rs(r, U, 2)} {r.randint(1, 9999)}"
    if country == "ko":
        return f"{r.randint(10, 399)}{r.choice('가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허호')} {digits(r, 4)}"
    return f"{rs(r, U, 2)}{digits(r, 2, False)} {rs(r, U, 3)}"


def ssid(r):
    return r.choice(SSID_WORDS) + r.choice(SSID_SUFFIX)


def host(r, kind):
    return f"{r.choice(HOST_PREFIX[kind])}.{r.choice(DOMAINS)}"


def user_login(r):
    f, l = r.choice(FIRST_ASCII), r.choice(LAST_ASCII)
    return r.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}.{l[0]}", f"{l}.{f}"])


def name_loc(r, lang):
    f, l = NAMES[lang]
    return f"{r.choice(f)} {r.choice(l)}"


def wg_key(r):
    return b64(rbytes(r, 32))


def okta_masked(r):
    return "00" + rs(r, ALNUM, 2) + "\u2022" * 20 + rs(r, ALNUM, 4)


def mfa_code(r):
    return f"{digits(r, 4, False)} {digits(r, 4, False)}"


def asp(r):
    return "-".join(rs(r, LO, 4) for _ in range(4))


def b64_basic(r, secret):
    return b64(f"{user_login(r)}:{secret}".encode())


def gcp_sa_json(r):
    """segments for a service-account JSON; only the private key is marked"""
    proj = f"{r.choice(['mkt', 'bi', 'ga4', 'growth', 'finance'])}-{r.choice(['reporting', 'export', 'warehouse', 'dash'])}-{digits(r, 6)}"
    sa = f"{r.choice(['looker-studio', 'bq-export', 'sheets-sync', 'airflow-loader', 'fcm-sender'])}@{proj}.iam.gserviceaccount.com"
    key = pem_pkcs8(r).replace("\n", "\\n") + "\\n"
    cid = digits(r, 21)
    pre = ("{\n  \"type\": \"service_account\",\n  \"project_id\": \"" + proj + "\",\n"
           "  \"private_key_id\": \"" + rs(r, HEX, 40) + "\",\n  \"private_key\": \"")
    post = ("\",\n  \"client_email\": \"" + sa + "\",\n  \"client_id\": \"" + cid + "\",\n"
            "  \"auth_uri\": \"https://accounts.google.com/o/oauth2/auth\",\n"
            "  \"token_uri\": \"https://oauth2.googleapis.com/token\"\n}")
    return pre, key[:-2], post, proj


# generator table ---------------------------------------------------------------
G = {
    # people / places (not marked)
    "name": lambda r: f"{r.choice(FIRST_EN)} {r.choice(LAST_EN)}",
    "first": lambda r: r.choice(FIRST_EN),
    "first_lo": lambda r: r.choice(FIRST_ASCII),
    "user": user_login,
    "user_up": lambda r: f"{r.choice(FIRST_ASCII)}_{r.choice(LAST_ASCII)}".upper(),
    "dom": lambda r: r.choice(DOMAINS),
    "email": lambda r: f"{user_login(r)}@{r.choice(DOMAINS)}",
    "company": lambda r: r.choice(COMPANIES),
    "org": lambda r: r.choice(ORGS),
    "dbhost": lambda r: host(r, "db"), "ldaphost": lambda r: host(r, "ldap"), "fshost": lambda r: host(r, "fs"),
    "host_short": lambda r: r.choice(["laptop-", "mbp-", "ws-", "pc-"]) + digits(r, 3, False),
    "ip": lambda r: r.choice([f"192.168.{r.randint(0, 20)}.{r.randint(1, 254)}",
                              f"10.{r.randint(0, 40)}.{r.randint(0, 255)}.{r.randint(1, 254)}"]),
    "ssid": ssid,
    "dc": lambda r: r.choice(["kaltbach", "helvia", "fennick", "bluepeak", "corp", "lumen"]),
    "bucket": lambda r: f"{r.choice(ORGS)}-{r.choice(['events-raw', 'video-assets', 'exports', 'dl-landing'])}",
    "azacct": lambda r: r.choice(ORGS).replace("-", "") + r.choice(["datalake", "exports", "stg", "media"]) + digits(r, 2, False),
    "sf_account": lambda r: f"{rs(r, UP, 2)}{digits(r, 5)}.{r.choice(['eu-central-1', 'west-europe.azure', 'us-east-2.aws'])}",
    "name_de": lambda r: name_loc(r, "de"), "name_fr": lambda r: name_loc(r, "fr"),
    "name_es": lambda r: name_loc(r, "es"), "name_pt": lambda r: name_loc(r, "pt"),
    "name_it": lambda r: name_loc(r, "it"), "name_nl": lambda r: name_loc(r, "nl"),
    "name_pl": lambda r: name_loc(r, "pl"), "name_tr": lambda r: name_loc(r, "tr"),
    "first_de": lambda r: r.choice(NAMES["de"][0]), "surname_de": lambda r: r.choice(NAMES["de"][1]),
    "first_es": lambda r: r.choice(NAMES["es"][0]), "first_pt": lambda r: r.choice(NAMES["pt"][0]),
    "first_tr": lambda r: r.choice(NAMES["tr"][0]), "first_fr": lambda r: r.choice(NAMES["fr"][0]),
    "first_nl": lambda r: r.choice(NAMES["nl"][0]), "first_it": lambda r: r.choice(NAMES["it"][0]),
    "name_ja": lambda r: r.choice(NAMES_JA), "name_zh": lambda r: r.choice(NAMES_ZH),
    "name_ko": lambda r: r.choice(NAMES_KO), "name_ru": lambda r: r.choice(NAMES_RU),
    "pinyin_user": lambda r: r.choice(PINYIN) + digits(r, 2, False),
    # identifiers for hard negatives (not marked)
    "uuid": ruuid,
    "uuid8": lambda r: rs(r, HEXU, 8),
    "sha256": lambda r: rs(r, HEX, 64),
    "sha40": lambda r: rs(r, HEX, 40),
    "sha7": lambda r: rs(r, HEX, 7),
    "sha1_colon": lambda r: ":".join(rs(r, HEXU, 2) for _ in range(20)),
    "sha1_upper": lambda r: rs(r, HEXU, 40),
    "mac": lambda r: ":".join(rs(r, HEXU, 2) for _ in range(6)),
    "serial": lambda r: rs(r, UP, 3) + digits(r, 7, False),
    "asset": lambda r: f"IT-{digits(r, 5)}",
    "fw": lambda r: f"{r.randint(2, 7)}.{r.randint(0, 9)}.{r.randint(0, 40)}",
    "ver": lambda r: f"{r.randint(1, 5)}.{r.randint(0, 12)}.{r.randint(0, 30)}",
    "build": lambda r: str(r.randint(100, 2400)),
    "order": order_no, "invoice": invoice_no, "coupon": coupon, "pnr": pnr,
    "conf": lambda r: digits(r, r.randint(9, 10)),
    "order_jp": lambda r: f"{digits(r, 3)}-{digits(r, 7)}-{digits(r, 7)}",
    "zoom_id": lambda r: grouped(r, [3, 4, 4]),
    "teams_id": lambda r: grouped(r, [3, 3, 3, 3]),
    "webex": lambda r: grouped(r, [4, 3, 4]),
    "dhl": lambda r: "00340434" + digits(r, 12, False),
    "ups": lambda r: "1Z" + rs(r, UP + DIG, 6) + "03" + digits(r, 8, False),
    "tracking_br": lambda r: rs(r, "ABCDEFGHJKLMNOPQRSTUVWXYZ", 2) + digits(r, 9) + "BR",
    "ru_track": lambda r: digits(r, 14),
    "sf_express": lambda r: "SF" + digits(r, 13),
    "jp_tracking": lambda r: grouped(r, [4, 4, 4], "-"),
    "inpost": lambda r: digits(r, 24),
    "yurtici": lambda r: digits(r, 12),
    "verbale": lambda r: f"{digits(r, 6)}/{r.choice(['V', 'P'])}/{r.randint(2024, 2026)}",
    "debnr": lambda r: digits(r, 5),
    "ticket": lambda r: r.choice(["INC", "REQ", "RITM"]) + digits(r, 7, False),
    "jira": lambda r: f"{r.choice(['OPS', 'MKT', 'HELP', 'DATA', 'APP'])}-{r.randint(100, 4999)}",
    "plate_fr": lambda r: plate(r, "fr"), "plate_it": lambda r: plate(r, "it"),
    "plate_de": lambda r: plate(r, "de"), "plate_ko": lambda r: plate(r, "ko"),
    "plate_uk": lambda r: plate(r, "uk"),
    "b64png": b64png,
    "ssh_pub": lambda r: "ssh-ed25519 " + b64(ed25519_pub_blob(r)),
    "ssh_pub_rsa": lambda r: "ssh-rsa " + b64(sshstr("ssh-rsa") + sshstr(b"\x01\x00\x01") + sshstr(b"\x00" + rbytes(r, 256))),
    "wg_pub": wg_key,
    "pem_public": pem_public, "pem_cert": pem_cert, "pem_csr": pem_csr, "pgp_public": pgp_public,
    "stripe_pk": lambda r: "pk_live_51" + rs(r, ALNUM, 97),
    "stripe_obj": lambda r: rs(r, ALNUM, 24),
    "stripe_cus": lambda r: rs(r, ALNUM, 14),
    "mapbox_pk": lambda r: mapbox(r, "pk"),
    "algolia_app": lambda r: rs(r, UP + DIG, 10),
    "okta_client_id": lambda r: "0oa" + rs(r, ALNUM, 17),
    "okta_masked": okta_masked,
    "intercom_appid": lambda r: rs(r, LO + DIG, 8),
    "gclient_id": lambda r: digits(r, 12) + "-" + rs(r, LO + DIG, 32),
    "gcp_project": lambda r: f"{r.choice(['mkt', 'bi', 'sandbox', 'analytics'])}-{r.choice(['lake', 'lab', 'dash'])}-{digits(r, 6)}",
    "proj": lambda r: f"{r.choice(ORGS)}-{r.choice(['app', 'mobile', 'field'])}-{rs(r, LO + DIG, 5)}",
    "ga": lambda r: rs(r, UP + DIG, 10),
    "gtm": lambda r: rs(r, UP + DIG, 7),
    "recap": lambda r: "6L" + r.choice("cdef") + rs(r, B64URL, 37),
    "rc_pub": lambda r: rs(r, ALNUM, 27),
    "asc_kid": lambda r: rs(r, UP + DIG, 10),
    "teamid": lambda r: rs(r, UP + DIG, 10),
    "slack_team": lambda r: "T" + rs(r, UP + DIG, 10),
    "slack_chan": lambda r: "C" + rs(r, UP + DIG, 10),
    "gclid": gclid,
    "alnum4": lambda r: rs(r, ALNUM, 4),
    "model": lambda r: r.choice(["FRITZ!Box 7590 AX", "Speedport Smart 4", "Livebox 6", "Vodafone Station", "TP-Link Archer AX55"]),
    "r5": lambda r: rs(r, LO + DIG, 5),
    "r20": lambda r: rs(r, LO, 20),
    "snowflake_id": lambda r: digits(r, 18),
    # secrets (marked)
    "pwh_en": lambda r: pw_human(r, "en"),
    "pws": pw_strong, "pwurl": pw_url, "pwt": pw_temp, "pwwifi": pw_wifi, "pwphrase": pw_phrase,
    "psk": lambda r: rs(r, ALNUM + "!#%+", r.randint(20, 28)),
    "snmp": lambda r: r.choice(PHRASE_WORDS) + rs(r, ALNUM, 8) + r.choice(PHRASE_WORDS).upper(),
    "wpa_numeric": lambda r: grouped(r, [4, 4, 4, 4, 4]),
    "asp": asp, "bitlocker": bitlocker, "mfa_code": mfa_code,
    "aws_akid": lambda r: "AKIA" + rs(r, UP + "234567", 16),
    "aws_secret": lambda r: rs(r, ALNUM + ALNUM + "/+", 40),
    "gapi": lambda r: "AIza" + rs(r, ALNUM + "-_", 35),
    "gocspx": lambda r: "GOCSPX-" + rs(r, B64URL, 28),
    "azure_key": lambda r: b64(rbytes(r, 64)),
    "azure_cs": lambda r: rs(r, ALNUM, 3) + rs(r, DIG, 1) + "Q~" + rs(r, ALNUM + ALNUM + "_-.~", 34),
    "sas_sig": sas_sig,
    "openai": lambda r: "sk-proj-" + rs(r, B64URL, 74) + "T3BlbkFJ" + rs(r, B64URL, 74),
    "openai_svc": lambda r: "sk-svcacct-" + rs(r, B64URL, 74) + "T3BlbkFJ" + rs(r, B64URL, 74),
    "openai_legacy": lambda r: "sk-" + rs(r, ALNUM, 20) + "T3BlbkFJ" + rs(r, ALNUM, 20),
    "anthropic": lambda r: "sk-ant-api03-" + rs(r, B64URL, 93) + "AA",
    "hf": lambda r: "hf_" + rs(r, LET, 34),
    "groq": lambda r: "gsk_" + rs(r, ALNUM, 52),
    "mistral": lambda r: rs(r, ALNUM, 32),
    "cohere": lambda r: rs(r, ALNUM, 40),
    "replicate": lambda r: "r8_" + rs(r, ALNUM, 37),
    "deepseek": lambda r: "sk-" + rs(r, HEX, 32),
    "stripe_sk": lambda r: "sk_live_" + r.choice([rs(r, ALNUM, 24), "51" + rs(r, ALNUM, 97)]),
    "stripe_rk": lambda r: "rk_live_51" + rs(r, ALNUM, 97),
    "whsec": lambda r: "whsec_" + rs(r, ALNUM, 32),
    "slack_bot": lambda r: f"xoxb-{digits(r, 11)}-{digits(r, 13)}-{rs(r, ALNUM, 24)}",
    "slack_user": lambda r: f"xoxp-{digits(r, 11)}-{digits(r, 11)}-{digits(r, 13)}-{rs(r, HEX, 32)}",
    "slack_webhook": lambda r: f"https://hooks.slack.com/services/T{rs(r, UP + DIG, 8)}/B{rs(r, UP + DIG, 10)}/{rs(r, ALNUM, 24)}",
    "discord_bot": discord_bot,
    "discord_webhook": lambda r: f"https://discord.com/api/webhooks/{digits(r, 19)}/{rs(r, B64URL, 68)}",
    "telegram": lambda r: f"{digits(r, 10)}:AA{rs(r, B64URL, 33)}",
    "twilio_sid": lambda r: "AC" + rs(r, HEX, 32),
    "twilio_sk": lambda r: "SK" + rs(r, HEX, 32),
    "sendgrid": lambda r: f"SG.{rs(r, B64URL, 22)}.{rs(r, B64URL, 43)}",
    "mailgun": lambda r: r.choice(["key-" + rs(r, HEX, 32), f"{rs(r, HEX, 32)}-{rs(r, HEX, 8)}-{rs(r, HEX, 8)}"]),
    "mailchimp": lambda r: f"{rs(r, HEX, 32)}-us{r.randint(1, 21)}",
    "shopify": lambda r: "shpat_" + rs(r, HEX, 32),
    "shpss": lambda r: "shpss_" + rs(r, HEX, 32),
    "zendesk": lambda r: rs(r, ALNUM, 40),
    "intercom": lambda r: b64(f"tok:{ruuid(r)}:1:0".encode()),
    "notion": lambda r: "secret_" + rs(r, ALNUM, 43),
    "notion_ntn": lambda r: "ntn_" + digits(r, 11) + rs(r, ALNUM, 35),
    "airtable": lambda r: "pat" + rs(r, ALNUM, 14) + "." + rs(r, HEX, 64),
    "airtable_base": lambda r: "app" + rs(r, ALNUM, 14),
    "linear": lambda r: "lin_api_" + rs(r, ALNUM, 40),
    "atlassian": lambda r: "ATATT3xFfGF0" + rs(r, B64URL, 170) + "=" + rs(r, HEXU, 8),
    "segment": lambda r: "sgp_" + rs(r, ALNUM, 64),
    "hubspot": lambda r: f"pat-{r.choice(['na1', 'eu1'])}-{ruuid(r)}",
    "sf_sectoken": lambda r: rs(r, ALNUM, 24),
    "sf_access": lambda r: "00D" + rs(r, ALNUM, 12) + "!AR" + rs(r, ALNUM + "._", 96),
    "okta": lambda r: "00" + rs(r, ALNUM + "-_", 40),
    "ghp": lambda r: "ghp_" + rs(r, ALNUM, 36),
    "github_pat": lambda r: "github_pat_11" + rs(r, UP + DIG, 20) + "_" + rs(r, ALNUM, 59),
    "npm": lambda r: "npm_" + rs(r, ALNUM, 36),
    "expo": lambda r: rs(r, ALNUM + "_-", 40),
    "databricks": lambda r: "dapi" + rs(r, HEX, 32),
    "tableau_pat": lambda r: b64(rbytes(r, 16)) + ":" + rs(r, ALNUM, 32),
    "fcm": lambda r: "AAAA" + rs(r, B64URL, 7) + ":APA91b" + rs(r, B64URL, 134),
    "firebase_ci": lambda r: "1//0" + rs(r, ALNUM + "-_", 99),
    "sntryu": lambda r: "sntryu_" + rs(r, HEX, 64),
    "mapbox_sk": lambda r: mapbox(r, "sk"),
    "rc_sk": lambda r: "sk_" + rs(r, ALNUM, 32),
    "cfpat": lambda r: "CFPAT-" + rs(r, B64URL, 43),
    "brevo": lambda r: f"xkeysib-{rs(r, HEX, 64)}-{rs(r, ALNUM, 16)}",
    "jamf_secret": lambda r: rs(r, ALNUM + "-_", 64),
    "jwt": jwt_user, "jwt_service": jwt_service,
    "basic": lambda r: b64_basic(r, pw_strong(r)),
    "match_basic": lambda r: b64_basic(r, "ghp_" + rs(r, ALNUM, 36)),
    "wg": wg_key,
    "pem_rsa": pem_rsa, "pem_openssh": pem_openssh, "pem_ec": pem_ec, "pem_pkcs8": pem_pkcs8,
    "p8": pem_p8, "ovpn_static": ovpn_static,
}
for _lang in PW_WORDS:
    G["pwh_" + _lang] = (lambda L: (lambda r: pw_human(r, L)))(_lang)

DYN = re.compile(r"^(d|hex|HEX|alnum|upper|lower|b64url)(\d+)$")
DYN_SETS = {"d": DIG, "hex": HEX, "HEX": HEXU, "alnum": ALNUM, "upper": UP + DIG, "lower": LO + DIG,
            "b64url": B64URL}


def gen_value(name, r):
    if name in G:
        return G[name](r)
    m = DYN.match(name)
    if not m:
        raise KeyError(f"unknown generator {name!r}")
    kind, n = m.group(1), int(m.group(2))
    if kind == "d":
        return digits(r, n)
    return rs(r, DYN_SETS[kind], n)


# ---------------------------------------------------------------- template registry
TEMPLATES = []


def add(group, label, typ, tmpl, n=1, lang="en"):
    TEMPLATES.append(dict(group=group, label=label, type=typ, tmpl=tmpl, n=n, lang=lang))


def S(group, typ, tmpl, n=1, lang="en"):
    add(group, "secret", typ, tmpl, n, lang)


def N(group, typ, tmpl, n=1, lang="en"):
    add(group, "not_secret", typ, tmpl, n, lang)


MARK = re.compile(r"⟦([^⟧]+)⟧")


def parse(tmpl, r):
    segs, tags, pos = [], {}, 0
    for m in MARK.finditer(tmpl):
        segs.append(tmpl[pos:m.start()])
        spec = m.group(1)
        if spec.startswith("#"):
            segs.append(tags[spec[1:]])
        else:
            tag = None
            if "#" in spec:
                spec, tag = spec.split("#", 1)
            name, _, etype = spec.partition(":")
            value = gen_value(name, r)
            if tag:  # values under different tags must differ (e.g. two people in a chat)
                for _ in range(50):
                    if value not in {v for v, _ in tags.values()}:
                        break
                    value = gen_value(name, r)
            seg = (value, etype or None)
            if tag:
                tags[tag] = seg
            segs.append(seg)
        pos = m.end()
    segs.append(tmpl[pos:])
    return segs


# ================================================================ group: i18n (non-English / mixed)
I = "i18n"
# --- German
S(I, "password", "Hi ⟦first_de⟧, hier die Zugangsdaten für das Buchhaltungs-Postfach: Benutzer "
  "buchhaltung@⟦dom⟧, Passwort ⟦pwh_de:password⟧ – bitte nach dem ersten Login ändern. LG ⟦first_de⟧", lang="de")
S(I, "password", "Übergabe Urlaubsvertretung (KW 32)\n- Drucker 2. OG: Admin-Oberfläche http://⟦ip⟧, Login admin / "
  "⟦pws:password⟧\n- Lieferantenportal: läuft über mein Konto, Kennwort steht absichtlich nicht im Wiki, hier: "
  "⟦pwh_de:password⟧\n- Bei Fragen: ⟦name_de⟧ (Durchwahl -214)", lang="de")
S(I, "password", "Ticket ⟦ticket⟧ – Kundin schreibt: \"Nach dem Zurücksetzen komme ich nicht mehr rein. Das neue "
  "Kennwort laut Mail ist ⟦pwt:password⟧, aber die Anmeldung sagt 'ungültig'.\" Kannst du mir eine Antwort formulieren "
  "und sagen, was ich prüfen soll?", lang="de")
S(I, "shopify_access_token", "Kannst du diese Mail an unseren Dienstleister ins Englische übersetzen? „Hallo Herr "
  "⟦surname_de⟧, anbei wie besprochen der Zugangsschlüssel für die Anbindung an unseren Shop: "
  "⟦shopify:shopify_access_token⟧. Bitte vertraulich behandeln und nicht ins Ticket kopieren. Viele Grüße“", lang="de")
N(I, "password_policy", "Bitte formuliere das freundlicher: Ab 1. Oktober gelten neue Passwortregeln. Mindestens 14 "
  "Zeichen, davon ein Sonderzeichen, keine Wiederverwendung der letzten 10 Kennwörter. Muster wie „Herbst2023!“ oder "
  "„Firma123“ lehnt das System ab.", lang="de")
N(I, "tracking_number", "Hallo, die Lieferung mit der Sendungsnummer ⟦dhl⟧ ist immer noch nicht da, Bestellnummer "
  "⟦order⟧. Kannst du mir eine Beschwerde an den Versender formulieren? Nicht zu böse bitte.", lang="de")
N(I, "placeholder", "Anleitung VPN für neue Mitarbeitende:\n1. FortiClient öffnen\n2. Benutzername: Ihr Windows-Login "
  "(z. B. vorname.nachname)\n3. Passwort: <Ihr Windows-Passwort>\n4. Code aus der Authenticator-App eingeben\n"
  "Kannst du daraus eine hübsche Schritt-für-Schritt-Seite fürs Intranet machen?", lang="de")

# --- French
S(I, "mailchimp_api_key", "Bonjour ⟦first_fr⟧, comme convenu voici les identifiants du compte Mailchimp de l'asso : "
  "login communication@⟦dom⟧, mot de passe ⟦pwh_fr:password⟧. La clé API pour le plugin WordPress est "
  "⟦mailchimp:mailchimp_api_key⟧. Merci de ne pas les transférer.", lang="fr")
S(I, "password", "Pour le séminaire de jeudi : réseau « ⟦ssid⟧ », mot de passe : ⟦pwwifi:password⟧ (valable jusqu'à "
  "vendredi 18 h). Tu peux me faire une jolie affiche A4 avec ça ?", lang="fr")
S(I, "airtable_token", "Peux-tu m'aider à corriger ce script ? Il renvoie une erreur 401.\n\nimport requests\n"
  "JETON = \"⟦airtable:airtable_token⟧\"\nr = requests.get(\"https://api.airtable.com/v0/⟦airtable_base⟧/Contacts\",\n"
  "                 headers={\"Authorization\": f\"Bearer {JETON}\"})\nprint(r.json())", lang="fr")
S(I, "password", "Passation de poste – ⟦name_fr⟧\nAccès au NAS de l'agence : https://⟦ip⟧:5001\nCompte : "
  "admin-agence\nMDP : ⟦pws:password⟧\nLe code de l'alarme n'est pas ici, demande-le à l'accueil.", lang="fr")
N(I, "security_advice", "Réécris ce message pour l'équipe : « Rappel : le service informatique ne vous demandera "
  "JAMAIS votre mot de passe par e-mail ou par téléphone. Si quelqu'un vous demande vos identifiants, signalez-le à "
  "securite@⟦dom⟧. »", lang="fr")
N(I, "booking_reference", "Ma réservation de train a la référence ⟦pnr⟧ et le numéro de commande ⟦order⟧. Comment "
  "je demande une compensation pour un retard de 2 heures ?", lang="fr")
N(I, "license_plate", "Facture n° ⟦invoice⟧ du garage pour le véhicule immatriculé ⟦plate_fr⟧ : le montant ne "
  "correspond pas au devis. Peux-tu rédiger une réclamation polie ?", lang="fr")

# --- Spanish
S(I, "hubspot_token", "Hola ⟦first_es⟧, te paso los accesos del CRM para la campaña: usuario ventas.norte, "
  "contraseña ⟦pwh_es:password⟧. El token de HubSpot que pide la integración es ⟦hubspot:hubspot_token⟧. "
  "Cualquier cosa me dices.", lang="es")
S(I, "password", "[10:02] ⟦first_es#a⟧: oye, ¿cuál era la clave del router de la oficina?\n[10:05] ⟦first_es#b⟧: la "
  "de admin es ⟦pws:password⟧\n[10:05] ⟦#b⟧: pero no la cambies que luego nadie se acuerda jaja\n\n¿Me resumes "
  "qué hay que hacer para abrir el puerto 8080?", lang="es")
S(I, "stripe_secret_key", "Necesito que me expliques por qué falla este webhook en producción. En el .env tengo\n"
  "STRIPE_SECRET_KEY=⟦stripe_sk:stripe_secret_key⟧\nSTRIPE_WEBHOOK_SECRET=⟦whsec:stripe_webhook_secret⟧\n"
  "y el error es 'No signatures found matching the expected signature for payload'.", lang="es")
S(I, "password", "⟦name_es⟧, te damos la bienvenida a ⟦company⟧.\nTu cuenta corporativa ya está activa:\nCorreo: "
  "⟦user⟧@⟦dom⟧\nContraseña temporal: ⟦pwt:password⟧\nAl iniciar sesión se te pedirá cambiarla y activar la "
  "verificación en dos pasos.\n\n(¿Puedes traducir este correo al inglés para los nuevos de Dublín?)", lang="es")
N(I, "password_policy", "¿Me ayudas a traducir al inglés esta política? «Las contraseñas deben tener al menos 12 "
  "caracteres, combinar mayúsculas, minúsculas y números, y cambiarse cada 180 días. No se permite reutilizar las "
  "últimas cinco.»", lang="es")
N(I, "coupon_code", "El cupón ⟦coupon⟧ no funciona en la tienda online y el cliente tiene el pedido ⟦order⟧. Redacta "
  "una respuesta de soporte pidiendo disculpas y ofreciendo el descuento a mano.", lang="es")
N(I, "secret_reference", "En el pipeline tengo `api_key: ${{ secrets.MAILGUN_API_KEY }}` y dice que está vacío. "
  "¿Dónde se configuran los secretos a nivel de organización en GitHub?", lang="es")

# --- Portuguese
S(I, "zendesk_api_token", "Oi ⟦first_pt⟧! Segue o acesso do painel da Zendesk pra você cobrir minhas férias: e-mail "
  "suporte@⟦dom⟧, senha ⟦pwh_pt:password⟧. O token da API (pra automação do Zapier) é "
  "⟦zendesk:zendesk_api_token⟧. Qualquer dúvida me chama no WhatsApp.", lang="pt")
S(I, "password", "Bom dia. Para configurar a impressora da sala 3 use o utilizador 'tecnico' e a palavra-passe "
  "⟦pws:password⟧. Depois de instalar, por favor confirme por e-mail. Cumprimentos, ⟦name_pt⟧", lang="pt")
S(I, "twilio_auth_token", "Estou com erro 20003 na Twilio ao mandar SMS de confirmação. Minhas credenciais: Account "
  "SID ⟦twilio_sid:twilio_account_sid⟧, Auth Token ⟦hex32:twilio_auth_token⟧. O que significa esse erro?", lang="pt")
S(I, "password", "— Você tem a senha do Wi-Fi do depósito?\n— Tenho sim, a rede é ⟦ssid⟧\n— E a senha?\n— "
  "⟦pwwifi:password⟧\n— valeu!!\n\nTransforma essa conversa num aviso curto pro mural?", lang="pt")
N(I, "tracking_number", "Meu pedido ⟦order⟧ com código de rastreio ⟦tracking_br⟧ está parado há 6 dias. Escreve uma "
  "mensagem educada para o vendedor?", lang="pt")
N(I, "masked_value", "O sistema mostra a senha como ******** e não consigo ver qual é. Como faço para redefinir a "
  "senha do meu usuário no Outlook sem ligar pro suporte?", lang="pt")
N(I, "commit_sha", "O deploy do site quebrou depois do commit ⟦sha40⟧. Como faço para reverter só esse commit no "
  "GitHub Desktop sem perder as outras alterações?", lang="pt")

# --- Italian
S(I, "password", "Ciao ⟦first_it⟧, ti giro le credenziali del gestionale per la fatturazione: utente "
  "amministrazione, password ⟦pwh_it:password⟧. Mi raccomando, non salvarle nel browser del PC condiviso.", lang="it")
S(I, "notion_token", "Puoi spiegarmi perché questa integrazione Notion non vede il database? Ho usato il token "
  "⟦notion:notion_token⟧ e l'ID del database ⟦hex32⟧, ma la risposta è 'object_not_found'.", lang="it")
S(I, "pre_shared_key", "Configurazione VPN per lo smart working:\nServer: vpn.⟦dom⟧\nTipo: L2TP/IPsec con chiave "
  "precondivisa\nChiave precondivisa: ⟦psk:pre_shared_key⟧\nUtente e password: quelli di dominio.\n\nMi scrivi "
  "le istruzioni per Windows 11?", lang="it")
S(I, "telegram_bot_token", "Ho creato il bot Telegram per gli avvisi del magazzino, il token che mi ha dato "
  "BotFather è ⟦telegram:telegram_bot_token⟧. Come lo collego a Google Sheets per mandare un messaggio quando "
  "una scorta scende sotto 10?", lang="it")
N(I, "password_policy", "Scrivi un promemoria per i colleghi: la password va cambiata ogni 90 giorni, deve avere "
  "almeno 10 caratteri e non può contenere il proprio nome. Chi ha problemi apra un ticket su helpdesk.⟦dom⟧.", lang="it")
N(I, "meeting_id", "La riunione di domani è su Zoom, ID riunione ⟦zoom_id⟧. Puoi scrivere un invito formale da "
  "mandare ai fornitori?", lang="it")
N(I, "license_plate", "Il furgone aziendale con targa ⟦plate_it⟧ ha preso una multa, verbale n. ⟦verbale⟧. Come si "
  "fa ricorso al giudice di pace?", lang="it")

# --- Dutch
S(I, "password", "Hoi ⟦first_nl⟧, het wachtwoord van de gedeelde inbox info@⟦dom⟧ is gewijzigd naar "
  "⟦pwh_nl:password⟧. Wil je het ook even in de kluis van de wachtwoordmanager zetten?", lang="nl")
S(I, "sendgrid_api_key", "Kun je deze code nakijken? De mails van ons nieuwsbrief-script komen niet aan.\n\n"
  "sg = SendGridAPIClient('⟦sendgrid:sendgrid_api_key⟧')\nbericht = Mail(from_email='nieuws@⟦dom⟧', "
  "to_emails=ontvangers, subject=onderwerp)\nsg.send(bericht)", lang="nl")
S(I, "password", "Overdracht receptie:\n• Alarmcode: staat hier niet (vraag ⟦name_nl⟧)\n• Wachtwoord kassa-pc: "
  "⟦pws:password⟧\n• Gastenwifi: zie bordje bij de koffieautomaat\nMaak hier een nette checklist van a.u.b.", lang="nl")
N(I, "wifi_ssid_only", "Ons wifi-netwerk heet '⟦ssid⟧'. Het wachtwoord staat op de achterkant van de router in de "
  "meterkast. Kun je een korte welkomsttekst voor nieuwe collega's schrijven?", lang="nl")
N(I, "invoice_id", "Wat betekent deze foutmelding in ons boekhoudpakket? 'Factuur ⟦invoice⟧ kan niet worden geboekt: "
  "debiteur ⟦debnr⟧ bestaat niet.'", lang="nl")
N(I, "secret_reference", "In onze documentatie staat dat het API-wachtwoord in Vault staat onder "
  "kv/data/marketing/crm-koppeling, sleutel 'password'. Hoe lees ik dat uit met de CLI?", lang="nl")

# --- Polish
S(I, "password", "Cześć Kasiu, dane do logowania na serwer plików: użytkownik magazyn, hasło "
  "⟦pwh_pl:password⟧. Jakby nie działało, zadzwoń do mnie.", lang="pl")
S(I, "openai_api_key", "Zgłoszenie: po aktualizacji wtyczki do Excela przestało działać tłumaczenie opisów "
  "produktów. W ustawieniach wpisany jest klucz ⟦openai:openai_api_key⟧. Czy trzeba wygenerować nowy?", lang="pl")
S(I, "password", "Konfiguracja skanera do wysyłki na e-mail i książki adresowej LDAP:\nserwer LDAP: ldap://⟦ldaphost⟧:389\n"
  "Bind DN: CN=svc-skaner,OU=Serwisowe,DC=⟦dc⟧,DC=local\nhasło bind: ⟦pws:password⟧\nCo wpisać w polu 'search "
  "base'?", lang="pl")
N(I, "password_policy", "Przetłumacz na angielski: „Hasło musi mieć co najmniej 12 znaków. Nie używaj tego samego "
  "hasła w różnych serwisach. Do przechowywania haseł używamy menedżera Bitwarden.”", lang="pl")
N(I, "tracking_number", "Numer przesyłki InPost: ⟦inpost⟧, zamówienie nr ⟦order⟧. Klient pisze, że paczkomat był "
  "pełny. Jak mu odpisać?", lang="pl")
N(I, "uuid", "W logach aplikacji widzę błąd: request_id=⟦uuid⟧ tenant=⟦uuid⟧ status=502. Co może oznaczać błąd 502 "
  "z bramy i komu to zgłosić?", lang="pl")

# --- Japanese
S(I, "password", "⟦name_ja⟧さん、お疲れさまです。経理の共有メールボックスのパスワードを変更しました。新しいパスワードは "
  "⟦pwh_ja:password⟧ です。よろしくお願いします。", lang="ja")
S(I, "password", "引き継ぎメモ\n・ルーター管理画面: http://⟦ip⟧ （ID: admin / PW: ⟦pws:password⟧）\n・複合機のアドレス帳は"
  "USBにバックアップ済み\n・不明点は⟦name_ja⟧まで\nこれを箇条書きで見やすく整えてください。", lang="ja")
S(I, "slack_bot_token", "Slackのボットが「not_authed」エラーを返します。設定ファイルは以下です。\n"
  "SLACK_BOT_TOKEN=⟦slack_bot:slack_bot_token⟧\nSLACK_CHANNEL=#営業-通知\n何が原因でしょうか？", lang="ja")
S(I, "aws_access_key", "AWSのCLIを設定したいです。管理者から以下を受け取りました。\nアクセスキーID: "
  "⟦aws_akid:aws_access_key_id⟧\nシークレットアクセスキー: ⟦aws_secret:aws_secret_access_key⟧\nリージョンは東京"
  "（ap-northeast-1）で良いですか？", lang="ja")
N(I, "password_policy", "パスワードポリシーの社内通知文を作ってください。条件：12文字以上、英大文字・小文字・数字・記号を"
  "それぞれ1文字以上、90日ごとに変更、過去5回分は再利用不可。", lang="ja")
N(I, "tracking_number", "注文番号 ⟦order_jp⟧ の商品がまだ届きません。追跡番号は ⟦jp_tracking⟧ です。丁寧な問い合わせ"
  "メールを書いてください。", lang="ja")
N(I, "placeholder", "READMEに次のように書いてあります。\nOPENAI_API_KEY=your-api-key-here\nここには何を入れれば"
  "いいですか？キーはどこで発行できますか？", lang="ja")

# --- Chinese
S(I, "password", "⟦name_zh⟧，财务系统的账号给你开好了：用户名 ⟦pinyin_user⟧，初始密码 ⟦pwt:password⟧，首次登录后请务必"
  "修改。", lang="zh")
S(I, "password", "这是我们BI看板连数据库的配置，帮我看看为什么连不上：\nhost: ⟦dbhost⟧\nport: 3306\nuser: bi_readonly\n"
  "password: ⟦pws:password⟧\ndatabase: sales_dw", lang="zh")
S(I, "deepseek_api_key", "我在用DeepSeek的API写一个客服机器人，代码如下，一直报401错误：\n"
  "client = OpenAI(api_key=\"⟦deepseek:deepseek_api_key⟧\", base_url=\"https://api.deepseek.com\")\n请帮我排查。",
  lang="zh")
S(I, "password", "王经理：新来的实习生要用公司Wi-Fi，密码是多少？\n⟦name_zh⟧：办公网是 ⟦ssid⟧，密码 "
  "⟦pwwifi:password⟧\n王经理：好的，谢谢\n\n帮我把这段对话整理成一条入职须知。", lang="zh")
N(I, "security_advice", "帮我写一条通知：公司邮箱密码即将过期，请员工在登录页面点击“忘记密码”自行重置。IT部门不会通过"
  "电话或微信索取密码。", lang="zh")
N(I, "tracking_number", "快递单号 ⟦sf_express⟧ 显示已签收，但是我没有收到。订单号 ⟦order⟧。帮我写一封投诉信给商家。",
  lang="zh")
N(I, "hash_checksum", "下载的安装包校验值是 ⟦sha256⟧，官网上写的也是这个值，说明文件没有被篡改吗？SHA-256 校验的原理"
  "是什么？", lang="zh")

# --- Korean
S(I, "password", "⟦name_ko⟧님, 공용 계정 정보 전달드립니다. 아이디: marketing_team / 비밀번호: ⟦pwh_ko:password⟧ "
  "입니다. 외부 공유는 삼가 주세요.", lang="ko")
S(I, "password", "인수인계 문서\n- 그룹웨어 관리자 비밀번호: ⟦pws:password⟧\n- 사내 NAS: \\\\⟦fshost⟧\\공유 (계정은 개인 AD "
  "계정 사용)\n- 문의: ⟦name_ko⟧ 대리\n이 내용을 표로 정리해 주세요.", lang="ko")
S(I, "anthropic_api_key", "Claude API로 회의록 요약 스크립트를 만들었는데 인증 오류가 나요.\n"
  "client = anthropic.Anthropic(api_key=\"⟦anthropic:anthropic_api_key⟧\")\n무엇이 문제일까요?", lang="ko")
N(I, "password_policy", "비밀번호 재설정 안내 메일 문구를 작성해 주세요. 링크는 24시간 동안 유효하며, 새 비밀번호는 "
  "이전 3개와 달라야 합니다.", lang="ko")
N(I, "meeting_id", "회의 ID ⟦teams_id⟧ 로 Teams 회의에 참석하려고 하는데 '회의를 찾을 수 없음' 오류가 나요. 어떻게 "
  "해야 하나요?", lang="ko")
N(I, "license_plate", "차량 번호 ⟦plate_ko⟧ 주차 등록을 해야 합니다. 관리사무소에 보낼 요청 문자를 써 주세요.", lang="ko")

# --- Russian
S(I, "password", "Привет, ⟦name_ru⟧! Доступ к админке сайта: логин manager, пароль ⟦pwh_ru:password⟧. Только не "
  "меняй его, пожалуйста, им пользуется ещё отдел продаж.", lang="ru")
S(I, "telegram_bot_token", "Сделал бота для уведомлений о заказах. Токен: ⟦telegram:telegram_bot_token⟧. Помоги "
  "написать код на Python, чтобы он отправлял сообщение в чат при новом заказе.", lang="ru")
S(I, "password", "Строка подключения к базе для отчётов: Server=⟦dbhost⟧;Database=Reports;User Id=report_user;"
  "Password=⟦pws:password⟧; — почему Power BI пишет, что не может подключиться?", lang="ru")
S(I, "huggingface_token", "Коллега передал токен Hugging Face, чтобы скачать закрытую модель: "
  "⟦hf:huggingface_token⟧. Как его правильно указать в huggingface-cli login на сервере без браузера?", lang="ru")
N(I, "security_advice", "Переведи на английский: «Никогда не сообщайте пароль третьим лицам. Сотрудники IT-отдела "
  "никогда не попросят вас назвать пароль.»", lang="ru")
N(I, "tracking_number", "Номер заказа ⟦order⟧, трек-номер ⟦ru_track⟧. Посылка застряла на таможне уже неделю. Что "
  "делать и куда писать?", lang="ru")
N(I, "public_key", "Вот мой публичный SSH-ключ, добавь его на сервер, пожалуйста:\n⟦ssh_pub⟧ ⟦user⟧@laptop", lang="ru")

# --- Turkish
S(I, "password", "Merhaba ⟦first_tr⟧, muhasebe programının şifresi ⟦pwh_tr:password⟧ olarak güncellendi. Kullanıcı "
  "adı aynı: muhasebe01.", lang="tr")
S(I, "intercom_access_token", "Intercom entegrasyonu çalışmıyor. Kullandığım erişim anahtarı: "
  "⟦intercom:intercom_access_token⟧. Hata mesajı 'token_not_found'. Ne yapmalıyım?", lang="tr")
S(I, "password", "⟦first_tr#a⟧: toplantı odasındaki ekranın yönetici şifresi neydi?\n⟦first_tr#b⟧: ⟦pws:password⟧\n"
  "⟦#b⟧: büyük harflere dikkat\n\nBu konuşmayı IT'ye iletmek için kısa bir not yazar mısın?", lang="tr")
N(I, "password_policy", "Şifre politikası duyurusunu düzelt: 'Şifreniz en az 10 karakter olmalı ve rakam içermelidir. "
  "Şifrenizi kimseyle paylaşmayın.'", lang="tr")
N(I, "tracking_number", "Kargo takip numarası ⟦yurtici⟧ olan paketim 5 gündür dağıtımda görünüyor. Fatura numarası "
  "⟦invoice⟧. Şikayet metni yazar mısın?", lang="tr")
N(I, "coupon_code", "Kupon kodu ⟦coupon⟧ sepette geçersiz görünüyor, kampanya 31 Aralık'a kadar geçerliydi. Müşteriye "
  "ne cevap verelim?", lang="tr")


# ================================================================ group: data (analysts, data scientists)
D = "data"


def gcp_sa_row(intro, outro):
    def f(r):
        pre, key, post, proj = gcp_sa_json(r)
        return [intro, pre, (key, "private_key"), "\\n" + post, outro]
    return f


S(D, "password", "In [3]:\nimport snowflake.connector\nconn = snowflake.connector.connect(\n    user='⟦user_up⟧',\n"
  "    password='⟦pws:password⟧',\n    account='⟦sf_account⟧',\n    warehouse='ANALYTICS_WH',\n    database='MARKETING',\n)\n\n"
  "ProgrammingError: 250001: Could not connect to Snowflake backend after 0 attempt(s).\n\nwhat am I doing wrong?")
S(D, "gcp_service_account_key", gcp_sa_row(
    "Looker Studio keeps saying 'invalid_grant' with our BigQuery key file. Here is what's in it:\n\n",
    "\n\nDo I need to re-share the dataset with the client_email?"))
S(D, "databricks_token", "databricks configure --token asked for host and token. I put host "
  "https://adb-⟦d16⟧.⟦d2⟧.azuredatabricks.net and token ⟦databricks:databricks_token⟧ but `databricks clusters list` "
  "returns 403. Is it a workspace permission thing?")
S(D, "password", "jdbc:redshift://⟦org⟧-analytics.⟦lower12⟧.eu-central-1.redshift.amazonaws.com:5439/analytics?user=analyst_ro&password=⟦pwurl:password⟧\n"
  "DBeaver says 'SSL is required'. Which parameter do I add to this URL?")
S(D, "password", "my dbt profiles.yml:\n\nwarehouse:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n"
  "      host: ⟦dbhost⟧\n      user: dbt_⟦first_lo#u⟧\n      password: ⟦pws:password⟧\n      port: 5432\n"
  "      dbname: analytics\n      schema: dbt_⟦#u⟧\n      threads: 4\n\n`dbt debug` says Connection test: ERROR. ideas?")
S(D, "password", "dbt Cloud won't accept this, can you rewrite it with env_var() so I can set it in the job "
  "instead?\n\n  snowflake:\n    type: snowflake\n    account: ⟦sf_account⟧\n    user: DBT_SVC\n"
  "    password: \"⟦pws:password⟧\"\n    role: TRANSFORMER\n    warehouse: TRANSFORMING")
S(D, "password", "AIRFLOW_CONN_SALES_DB='postgresql://airflow_etl:⟦pwurl:password⟧@⟦dbhost⟧:5432/sales'\n"
  "How do I add sslmode=require to this so the DAG stops failing on the new RDS instance?")
S(D, "password", "I ran\nairflow connections add 'mssql_crm' --conn-type mssql --conn-host ⟦dbhost⟧ --conn-login "
  "crm_reader --conn-password '⟦pws:password⟧' --conn-port 1433\nand the DAG fails with 'Login failed for user "
  "crm_reader'. The same login works in SSMS.")
S(D, "aws_access_key", "spark = (SparkSession.builder\n    .appName('clickstream')\n"
  "    .config('spark.hadoop.fs.s3a.access.key', '⟦aws_akid:aws_access_key_id⟧')\n"
  "    .config('spark.hadoop.fs.s3a.secret.key', '⟦aws_secret:aws_secret_access_key⟧')\n    .getOrCreate())\n"
  "df = spark.read.json('s3a://⟦bucket⟧/events/2025/')\n-> java.nio.file.AccessDeniedException 403. Why?")
S(D, "azure_storage_key", "spark.conf.set(\n  \"fs.azure.account.key.⟦azacct#a⟧.dfs.core.windows.net\",\n"
  "  \"⟦azure_key:azure_storage_key⟧\")  # TODO move to secret scope\n"
  "df = spark.read.parquet(\"abfss://raw@⟦#a⟧.dfs.core.windows.net/orders/\")\n\nThis notebook works but is slow, "
  "how would you partition the read?")
S(D, "password", "library(DBI)\ncon <- dbConnect(RPostgres::Postgres(),\n  host = \"⟦dbhost⟧\", dbname = \"survey\",\n"
  "  user = \"⟦first_lo⟧\", password = \"⟦pws:password⟧\")\n\nI want to turn this into a Shiny app for the "
  "research team — how should I structure the project?")
S(D, "openai_api_key", "Sys.setenv(OPENAI_API_KEY = \"⟦openai:openai_api_key⟧\")\nlibrary(ellmer)\n"
  "chat <- chat_openai(model = \"gpt-4o-mini\")\n\nHow do I get it to classify 3,000 free-text survey answers into "
  "five themes and return a data frame?")
S(D, "tableau_pat_secret", "Tableau Server PAT for the nightly extract refresh — name: extract_refresh_bot, secret: "
  "⟦tableau_pat:tableau_pat_secret⟧. `tabcmd login` keeps failing with 401002. Did they change the flag names?")
S(D, "password", "Power BI gateway data source (copied from the settings screen):\nData Source Type: SQL Server\n"
  "Server: ⟦dbhost⟧\nDatabase: FinanceDW\nAuthentication Method: Basic\nUsername: svc_pbi_gateway\n"
  "Password: ⟦pws:password⟧\n\nTest connection fails. Which ports does the gateway need outbound?")
S(D, "password", "Starting Metabase with:\nMB_DB_TYPE=postgres MB_DB_DBNAME=metabase MB_DB_PORT=5432 "
  "MB_DB_USER=metabase MB_DB_PASS=⟦pws:password⟧ MB_DB_HOST=⟦dbhost⟧\nThe container exits with code 1 straight away.")
S(D, "google_oauth_client_secret", "Google OAuth client for our internal Streamlit dashboard: client_id "
  "⟦gclient_id⟧.apps.googleusercontent.com, client_secret ⟦gocspx:google_oauth_client_secret⟧. Login gives "
  "redirect_uri_mismatch — what URI should I register for Streamlit Cloud?")
S(D, "datadog_api_key", "Pulling metrics into a notebook for the capacity report:\n\nconfiguration = Configuration()\n"
  "configuration.api_key['apiKeyAuth'] = '⟦hex32:datadog_api_key⟧'\n"
  "configuration.api_key['appKeyAuth'] = '⟦hex40:datadog_application_key⟧'\nconfiguration.server_variables['site'] = "
  "'datadoghq.eu'\n\nHow do I query p95 latency per day for the last 90 days?")
S(D, "huggingface_token", "!huggingface-cli login --token ⟦hf:huggingface_token⟧\nfrom datasets import load_dataset\n"
  "ds = load_dataset(\"⟦org⟧/support-tickets-private\")\n\nRepositoryNotFoundError — but I can see the dataset in the "
  "browser?")
S(D, "mistral_api_key", "from mistralai import Mistral\nclient = Mistral(api_key=\"⟦mistral:mistral_api_key⟧\")\n"
  "# classify 40k product reviews by sentiment\n\nWhich model is cheapest for this and can I batch it?")
S(D, "cohere_api_key", "co = cohere.ClientV2(\"⟦cohere:cohere_api_key⟧\")\n"
  "resp = co.embed(texts=docs, model=\"embed-multilingual-v3.0\", input_type=\"search_document\", "
  "embedding_types=[\"float\"])\nI hit a rate limit after ~100 calls. How do I chunk this properly?")
S(D, "password", "DBeaver connection export — why doesn't the import keep the password?\n{\n  \"folder\": \"Prod\",\n"
  "  \"configuration\": {\n    \"host\": \"⟦dbhost⟧\",\n    \"port\": \"1521\",\n    \"database\": \"ORCLPDB1\",\n"
  "    \"user\": \"FIN_ANALYST\",\n    \"password\": \"⟦pws:password⟧\"\n  }\n}")
S(D, "password", "my ~/.pgpass has the line\n⟦dbhost⟧:5432:warehouse:⟦first_lo⟧:⟦pws:password⟧\nand psql still prompts "
  "for a password. File permissions are 644 if that matters.")
S(D, "private_key", "Snowflake key-pair auth: I made the key with openssl and set RSA_PUBLIC_KEY on the user, but "
  "the connector says 'JWT token is invalid'. This is the key file I'm pointing private_key_file at:\n\n"
  "⟦pem_pkcs8:private_key⟧")
S(D, "password", "Excel Power Query connection string from the old budget workbook:\nProvider=MSOLEDBSQL;Data "
  "Source=⟦dbhost⟧;Initial Catalog=Budget;User ID=budget_ro;Password=⟦pws:password⟧;Encrypt=yes\n"
  "How do I switch it to Windows authentication so people stop sharing this?")
S(D, "password", "mongodb+srv://analytics:⟦pwurl:password⟧@cluster0.⟦r5⟧.mongodb.net/?retryWrites=true&w=majority\n"
  "pandas can't read this directly, what's the pymongo code to get the 'orders' collection into a DataFrame?")
S(D, "replicate_api_token", "I set REPLICATE_API_TOKEN=⟦replicate:replicate_api_token⟧ in the notebook env, but "
  "replicate.run() for captioning 2,000 product photos times out after a few minutes. Async?")
S(D, "groq_api_key", "client = Groq(api_key=\"⟦groq:groq_api_key⟧\")\nI need to label 10k tweets by sentiment. "
  "Is there a batch endpoint or should I just loop with a sleep?")
S(D, "kaggle_api_key", "Put this in ~/.kaggle/kaggle.json:\n{\"username\":\"⟦first_lo⟧⟦d2⟧\",\"key\":\"⟦hex32:kaggle_api_key⟧\"}\n"
  "but `kaggle competitions download` says 401 Unauthorized. Permissions on the file?")

N(D, "placeholder", "conn = snowflake.connector.connect(\n    user=os.environ['SF_USER'],\n"
  "    password=getpass.getpass('Snowflake password: '),\n    account='⟦sf_account⟧')\n\nIs getpass OK inside "
  "JupyterLab or will it hang the kernel?")
N(D, "placeholder", "profiles.yml:\n  dev:\n    type: postgres\n    host: ⟦dbhost⟧\n    user: \"{{ env_var('DBT_USER') }}\"\n"
  "    password: \"{{ env_var('DBT_PASSWORD') }}\"\n    dbname: analytics\n\ndbt says env var DBT_PASSWORD is "
  "required but not provided — I exported it in .zshrc?")
N(D, "secret_reference", "Variable.get('openai_api_key') returns None in my DAG, although I created it in the UI "
  "under Admin > Variables. The connection id I use elsewhere is `openai_default`. What's the difference?")
N(D, "masked_value", "dbutils.secrets.get(scope=\"kv-analytics\", key=\"sf-password\") prints [REDACTED] in the "
  "notebook. Is that expected, and can I still pass it to the JDBC options?")
N(D, "hash_checksum", "We pseudonymise customer e-mails before loading them: sha256(lower(trim(email))). For example "
  "⟦email⟧ becomes ⟦sha256⟧. Is salting needed for this to count as pseudonymisation under GDPR?")
N(D, "uuid", "SELECT * FROM events WHERE session_id = '⟦uuid⟧' AND user_id = '⟦uuid⟧';\nreturns nothing although "
  "the row exists in the raw table. Could it be a uuid vs varchar type issue in Redshift?")
N(D, "commit_sha", "dbt run was green on ⟦sha7⟧ but fails on ⟦sha40⟧. How can I diff the compiled SQL between the two "
  "commits?")
N(D, "base64_image", "Our BI export embeds charts like <img src=\"data:image/png;base64,⟦b64png⟧\"> in the HTML. How "
  "do I decode all of them back to PNG files with Python?")
N(D, "security_advice", "Our users table has columns id, email, password_hash, created_at. Should analysts ever have "
  "SELECT on password_hash? In Looker we currently mask it as '••••'.")
N(D, "identifier", "SELECT word, word_count FROM `bigquery-public-data.samples.shakespeare` — my billing project is "
  "⟦gcp_project⟧ and it still asks me to enable billing. Sandbox limits?")
N(D, "identifier", "Our Snowflake account identifier is ⟦sf_account⟧ and my user is ⟦user_up⟧. Which server "
  "name do I put in the ODBC DSN? Authentication is SSO through Okta, so no password.")
N(D, "doc_example_key", "The vendor docs show\nconn = redshift_connector.connect(host='examplecluster.abc123xyz789"
  ".us-west-1.redshift.amazonaws.com', database='dev', port=5439, user='awsuser', password='my_password')\n"
  "What do I put for host if we use a serverless workgroup?")
N(D, "masked_value", "`airflow connections get sales_db` shows the password as '***'. How can I check it's set "
  "correctly without printing it?")
N(D, "security_advice", "spark.hadoop.fs.s3a.aws.credentials.provider = "
  "com.amazonaws.auth.InstanceProfileCredentialsProvider\nWith this set, do I still need fs.s3a.access.key and "
  "fs.s3a.secret.key on EMR?")
N(D, "file_name", "The bucket has files like part-00000-⟦uuid⟧-c000.snappy.parquet plus a _SUCCESS marker. How do I "
  "read only the parquet files with pandas and pyarrow?")
N(D, "placeholder", "The Kaggle docs say to put {\"username\":\"<your-username>\",\"key\":\"<your-api-key>\"} into "
  "~/.kaggle/kaggle.json. On Windows, where does that folder go?")
N(D, "secret_reference", "password = keyring::key_get(\"warehouse\", \"⟦first_lo⟧\") works in RStudio but fails in the "
  "scheduled Rscript job on the server. Why?")
N(D, "publishable_key", "Mixpanel project token ⟦hex32⟧ is in our website snippet. The docs say the project token is "
  "not a secret, but the security scan flagged it. Can you write two sentences for the security team explaining why "
  "it's public?")
N(D, "order_number", "Why does CAST(order_no AS INT) overflow on values like '⟦d12⟧'? It's our order number column "
  "in the legacy ERP extract.")
N(D, "secret_reference", "great_expectations.yml has\n  datasources:\n    warehouse:\n      connection_string: "
  "${WAREHOUSE_CONNECTION_STRING}\nWhere does GX read that variable from — the shell or config_variables.yml?")
N(D, "hash_checksum", "Downloaded the model weights; `sha256sum model.safetensors` gives ⟦sha256⟧. How do I check "
  "that against what's on the hub?")
N(D, "identifier", "MLflow run id ⟦hex32⟧ in experiment 17 has the best F1. How do I load the logged sklearn model "
  "from exactly this run?")


# ================================================================ group: mobile / front-end
M = "mobile"
S(M, "github_token", ".npmrc in the app repo:\n\n//npm.pkg.github.com/:_authToken=⟦ghp:github_token⟧\n"
  "@⟦org⟧:registry=https://npm.pkg.github.com\n\nyarn install still gives 401 on our private design-system "
  "package. Do I need always-auth?")
S(M, "npm_token", "Our CI .npmrc:\nalways-auth=true\n//registry.npmjs.org/:_authToken=⟦npm:npm_token⟧\n\n"
  "Publishing the React Native SDK from GitHub Actions fails with E403. Is this token type wrong for publish?")
S(M, "password", "android/gradle.properties:\nMYAPP_UPLOAD_STORE_FILE=upload.keystore\nMYAPP_UPLOAD_KEY_ALIAS=upload\n"
  "MYAPP_UPLOAD_STORE_PASSWORD=⟦pws:password⟧\nMYAPP_UPLOAD_KEY_PASSWORD=⟦pws:password⟧\n\nAndroid Studio says "
  "'Keystore was tampered with, or password was incorrect'. I copied these from the old laptop.")
S(M, "password", "gradle.properties has\nnexusUser=ci-android\nnexusPassword=⟦pws:password⟧\nfor our internal Maven "
  "repo. How do I move these into ~/.gradle so they're not in the repo anymore?")
S(M, "algolia_admin_key", "Info.plist excerpt:\n<key>AlgoliaAppID</key>\n<string>⟦algolia_app⟧</string>\n"
  "<key>AlgoliaAPIKey</key>\n<string>⟦hex32:algolia_admin_key⟧</string>\n\nThat second one is the Admin API key "
  "from the dashboard. Search works — is it fine to ship it like this?")
S(M, "firebase_server_key", "Sending pushes from our little Node script:\nheaders: { 'Content-Type': "
  "'application/json', Authorization: 'key=⟦fcm:firebase_server_key⟧' }\nIt returns 404 since June. What changed "
  "with FCM?")
S(M, "gcp_service_account_key", gcp_sa_row(
    "Firebase Admin SDK in our Expo API route can't send notifications. serviceAccount.json:\n\n",
    "\n\nError: Credential implementation provided to initializeApp() failed to fetch a valid Google OAuth2 token."))
S(M, "expo_token", "eas build in GitHub Actions:\n\n- name: Build\n  run: eas build --platform ios --non-interactive\n"
  "  env:\n    EXPO_TOKEN: ⟦expo:expo_token⟧\n\nThe log says 'You are not logged in'. Is env in the wrong place?")
S(M, "app_specific_password", "fastlane pilot asks for the password on every upload. Apple ID ⟦email⟧, "
  "app-specific password ⟦asp:app_specific_password⟧. Which environment variable does fastlane read this from?")
S(M, "private_key", "App Store Connect API key for CI. AuthKey_⟦asc_kid#k⟧.p8:\n⟦p8:private_key⟧\nKey ID ⟦#k⟧, "
  "issuer ⟦uuid⟧. `xcrun altool --upload-app` says 'Unable to authenticate'. What am I missing?")
S(M, "password", "Matchfile is set up, CI has\nMATCH_PASSWORD=⟦pwphrase:password⟧\n"
  "MATCH_GIT_BASIC_AUTHORIZATION=⟦match_basic:basic_auth⟧\nand match fails with 'Could not decrypt the repo'. "
  "Did someone change the passphrase?")
S(M, "sentry_auth_token", "ios/sentry.properties:\ndefaults.url=https://sentry.io/\ndefaults.org=⟦org⟧\n"
  "defaults.project=ios-app\nauth.token=⟦sntryu:sentry_auth_token⟧\n\nDebug symbols aren't uploaded on release "
  "builds. Is the build phase script order wrong?")
S(M, "openai_api_key", "REACT_APP_OPENAI_KEY=⟦openai:openai_api_key⟧ is in our create-react-app .env. A colleague "
  "says this ends up in the browser bundle?? Is that true and what should we do instead?")
S(M, "supabase_service_key", ".env.local for the Next.js admin panel:\nNEXT_PUBLIC_SUPABASE_URL=https://⟦r20⟧.supabase.co\n"
  "SUPABASE_SERVICE_ROLE_KEY=⟦jwt_service:supabase_service_key⟧\n\nRow level security seems to be ignored "
  "everywhere. Related?")
S(M, "mapbox_secret_token", "The iOS Mapbox install guide says to put a secret token with DOWNLOADS:READ in ~/.netrc. "
  "Mine is:\nmachine api.mapbox.com\nlogin mapbox\npassword ⟦mapbox_sk:mapbox_secret_token⟧\nCocoaPods still "
  "gets 401.")
S(M, "revenuecat_secret_key", "We call the RevenueCat REST API straight from the Flutter app to grant promo "
  "entitlements, using the secret key ⟦rc_sk:revenuecat_secret_key⟧. It works, but is this a bad idea?")
S(M, "contentful_management_token", "contentful space import --space-id ⟦lower12⟧ --management-token "
  "⟦cfpat:contentful_management_token⟧ --content-file export.json\nfails halfway on 'RateLimitExceeded'. Flags to "
  "slow it down?")
S(M, "shopify_access_token", "This is inside our React Native app:\nconst client = createAdminApiClient({\n"
  "  storeDomain: '⟦org⟧-store.myshopify.com',\n  apiVersion: '2025-01',\n"
  "  accessToken: '⟦shopify:shopify_access_token⟧',\n});\nIt works in dev, but the reviewer said no. Why?")
S(M, "firebase_ci_token", "We still deploy Firebase Hosting from Bitrise with FIREBASE_TOKEN=⟦firebase_ci:firebase_ci_token⟧ "
  "from `firebase login:ci`. The CLI now prints a deprecation warning — what's the replacement?")
S(M, "twilio_api_key", "Config.xcconfig for the video-call feature:\nTWILIO_API_KEY = ⟦twilio_sk:twilio_api_key⟧\n"
  "TWILIO_API_SECRET = ⟦alnum32:twilio_api_secret⟧\nThe app generates its own access tokens with these. Should "
  "that move to a server?")
S(M, "password", "fetch('https://api.⟦dom⟧/v1/stock', {\n  headers: { Authorization: 'Basic ' + "
  "btoa('shopfront:⟦pws:password⟧') }\n})\nThis is in the storefront widget. Safari blocks it with a CORS error, "
  "Chrome is fine.")

N(M, "publishable_key", "const firebaseConfig = {\n  apiKey: process.env.NEXT_PUBLIC_FIREBASE_API_KEY,\n"
  "  authDomain: \"⟦proj#p⟧.firebaseapp.com\",\n  projectId: \"⟦#p⟧\",\n  storageBucket: \"⟦#p⟧.appspot.com\",\n"
  "  messagingSenderId: \"⟦d12#s⟧\",\n  appId: \"1:⟦#s⟧:web:⟦hex22⟧\",\n  measurementId: \"G-⟦ga⟧\"\n};\n"
  "Analytics events don't show in DebugView. Why?")
N(M, "publishable_key", "Our checkout page calls loadStripe('⟦stripe_pk⟧'). The pentest report says 'API key "
  "exposed in JavaScript' — but that's the publishable key, right? Help me reply.")
N(M, "publishable_key", "InstantSearch setup: algoliasearch('⟦algolia_app⟧', '⟦hex32⟧') — the second value is the "
  "search-only API key from the dashboard, restricted to the products index. Results are empty on mobile Safari.")
N(M, "publishable_key", "Sentry.init({\n  dsn: \"https://⟦hex32⟧@o⟦d6⟧.ingest.sentry.io/⟦d7⟧\",\n  tracesSampleRate: 0.2,\n"
  "});\nHow do I filter out 'Network request failed' errors from the React Native app?")
N(M, "publishable_key", "Purchases.configure(withAPIKey: \"appl_⟦rc_pub⟧\") — RevenueCat calls this the public "
  "app-specific API key. Sandbox purchases don't show in the dashboard; what should I check?")
N(M, "publishable_key", "<div class=\"g-recaptcha\" data-sitekey=\"⟦recap⟧\"></div>\nThe widget shows 'Invalid "
  "domain for site key' on the staging site only.")
N(M, "identifier", "We have GTM container GTM-⟦gtm⟧ and the GA4 measurement ID G-⟦ga⟧ hard-coded in the theme too. "
  "Page views are counted twice. Which one should go?")
N(M, "identifier", "<key>CFBundleIdentifier</key>\n<string>com.⟦org⟧.fieldapp</string>\n<key>CFBundleVersion</key>\n"
  "<string>⟦build⟧</string>\n<key>NSCameraUsageDescription</key>\n<string>Scan delivery labels</string>\n"
  "App Store rejects the build with ITMS-90683. Which key is missing?")
N(M, "secret_reference", "signingConfigs {\n  release {\n    storePassword System.getenv(\"ANDROID_KEYSTORE_PASSWORD\")\n"
  "    keyPassword System.getenv(\"ANDROID_KEY_PASSWORD\")\n  }\n}\nDoes Bitrise inject these automatically from "
  "the Code Signing tab?")
N(M, "secret_reference", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nThis .npmrc works locally but on Vercel "
  "the install fails with 'Failed to replace env in config'. Where do I set it?")
N(M, "hash_checksum", "Google Sign-In on Android needs the SHA-1 of the signing cert. Ours is\n⟦sha1_colon⟧\n"
  "Do I register the upload key fingerprint or the Play app signing one?")
N(M, "identifier", "app.json:\n\"extra\": { \"eas\": { \"projectId\": \"⟦uuid⟧\" } },\n\"owner\": \"⟦org⟧\"\n"
  "`eas update` says the project is not linked. Did the owner change?")
N(M, "identifier", "Firebase wants the APNs auth key for push: Key ID ⟦asc_kid⟧, Team ID ⟦teamid⟧. I already "
  "uploaded the .p8 for development — do I need to upload it again for production?")
N(M, "publishable_key", "mapboxgl.accessToken = '⟦mapbox_pk⟧';\nIt's the default public token with URL "
  "restrictions. The map is blank on Safari 17 but fine in Chrome.")
N(M, "placeholder", "The fastlane docs show\nexport FASTLANE_USER=\"you@example.com\"\nexport "
  "FASTLANE_PASSWORD=\"<your-apple-id-password>\"\nShould we use an App Store Connect API key instead for CI?")
N(M, "identifier", "APNs device token ⟦hex64⟧ from the log — the push arrives on the TestFlight build but not on "
  "the debug build. Sandbox vs production gateway?")
N(M, "base64_image", "<Image source={{ uri: 'data:image/png;base64,⟦b64png⟧' }} style={styles.logo} />\n"
  "shows nothing on Android but works on iOS.")


# ================================================================ group: itadmin (IT admins, help desk)
A = "itadmin"
S(A, "password", "GUEST WI-FI\nNetwork: ⟦ssid⟧\nPassword: ⟦pwwifi:password⟧\nValid: this week only\n\n"
  "Please make this look nicer for the lobby screen, maybe with a little wifi icon.")
S(A, "password", "⟦pwwifi:password⟧ ← that's the new warehouse Wi-Fi key (network ⟦ssid⟧). Can you write the "
  "notice for the board by the loading dock? Keep it short, most of the team reads Polish too.")
S(A, "password", "The Ricoh in Finance reset itself after the power cut. Web Image Monitor login is admin and the "
  "password we set is ⟦pws:password⟧. How do I restore scan-to-folder to \\\\⟦fshost⟧\\scans?")
S(A, "password", "Synology DS920+ at https://⟦ip⟧:5001, account itadmin (pw: ⟦pws:password⟧). Hyper Backup task "
  "failed overnight with 'destination corrupted'. What are my options before I delete the backup?")
S(A, "password", "FritzBox in der Filiale Leipzig, Kennwort ⟦pws:password⟧ — how do I set up port forwarding for "
  "the door intercom? The vendor says port 5060 UDP.", lang="mixed-de")
S(A, "password", "Draft a short e-mail to the events team: the shared mailbox events@⟦dom⟧ now has the password "
  "⟦pwh_en:password⟧ because the old one leaked, and everyone should remove and re-add the account on their "
  "phones.")
S(A, "openvpn_static_key", "client\ndev tun\nproto udp\nremote vpn.⟦dom⟧ 1194\nremote-cert-tls server\n"
  "<ca>\n⟦pem_cert⟧\n</ca>\nkey-direction 1\n<tls-auth>\n#\n# 2048 bit OpenVPN Static key\n#\n"
  "⟦ovpn_static:openvpn_static_key⟧\n</tls-auth>\n\nThis is the profile I send to field staff. Tunnelblick says "
  "'TLS handshake failed'. Where do I start?")
S(A, "wireguard_private_key", "[Interface]\nPrivateKey = ⟦wg:wireguard_private_key⟧\nAddress = 10.⟦d2⟧.0.⟦d2⟧/32\n"
  "DNS = 10.0.0.1\n\n[Peer]\nPublicKey = ⟦wg_pub⟧\nEndpoint = vpn.⟦dom⟧:51820\nAllowedIPs = 0.0.0.0/0\n\n"
  "User says she has no internet at all once connected. Split tunnel?")
S(A, "password", "Welcome aboard, ⟦first⟧!\nYour laptop is ready for pickup at IT (room 2.14).\nUsername: ⟦user⟧\n"
  "Temporary password: ⟦pwt:password⟧\nYou'll be asked to change it at first sign-in and to set up Microsoft "
  "Authenticator.\n\n-- can you make this onboarding mail friendlier and add a line about the IT handbook?")
S(A, "password", "Hi ⟦first⟧ — I've reset your account as requested in ⟦ticket⟧. Your new one-time password is "
  "⟦pwt:password⟧ and it expires in 24 hours. Let me know if the Authenticator prompt doesn't appear.")
S(A, "password", "ldapsearch -x -H ldaps://⟦ldaphost⟧ -D \"cn=svc_wiki,ou=service,dc=⟦dc#d⟧,dc=internal\" -w "
  "'⟦pws:password⟧' -b \"dc=⟦#d⟧,dc=internal\" \"(sAMAccountName=⟦user⟧)\"\nreturns 'Invalid credentials (49)'. The "
  "wiki's LDAP sync uses the same account and works.")
S(A, "password", "$pw = ConvertTo-SecureString '⟦pwt:password⟧' -AsPlainText -Force\nNew-ADUser -Name \"⟦name⟧\" "
  "-SamAccountName ⟦user⟧ -AccountPassword $pw -Enabled $true -Path \"OU=Staff,DC=⟦dc⟧,DC=local\"\n"
  "How do I make it force a password change at next logon?")
S(A, "azure_client_secret", "Graph API app for our Intune device report: tenant ⟦uuid⟧, client id ⟦uuid⟧, client "
  "secret ⟦azure_cs:azure_client_secret⟧. Power Automate gets AADSTS7000215. What's wrong?")
S(A, "okta_api_token", "curl -s -H \"Authorization: SSWS ⟦okta:okta_api_token⟧\" "
  "\"https://⟦org⟧.okta.com/api/v1/users?filter=status%20eq%20%22LOCKED_OUT%22\"\nThis gives me the first 200. "
  "How do I page through the rest in PowerShell?")
S(A, "password", "Local admin on the 12 kiosk PCs is .\\kioskadmin with password ⟦pws:password⟧. We have no "
  "domain there. What's a sane way to rotate it on all of them?")
S(A, "password", "The Teams Rooms console in the boardroom signs out every morning. Resource account "
  "boardroom@⟦dom⟧, password ⟦pws:password⟧. Could it be the password expiry policy?")
S(A, "password", "From: ⟦name⟧\nTo: helpdesk@⟦dom#d⟧\nSubject: RE: access to payroll portal\n\nThanks, that worked!\n\n"
  "> From: Helpdesk\n> Your account on payroll.⟦#d⟧ has been unlocked. Temporary password: ⟦pwt:password⟧\n"
  "> Please change it after signing in.\n\nCan you close the ticket with a summary?")
S(A, "snmp_community", "SNMP community on the access switches is ⟦snmp:snmp_community⟧ (v2c, read-only). PRTG shows "
  "no data for the new stack. ACL on the switch?")
S(A, "password", "Service account for the backup software: CORP\\svc_veeam / ⟦pws:password⟧. Veeam says access "
  "denied to the admin$ share on the new file server.")
S(A, "password", "Scanner SMTP settings: smtp.office365.com:587, STARTTLS, user scanner@⟦dom⟧, password "
  "⟦pws:password⟧. Microsoft says basic auth is going away — what are my options for the old MFPs?")
S(A, "bitlocker_recovery_key", "BitLocker recovery key for ⟦first⟧'s laptop: ⟦bitlocker:bitlocker_recovery_key⟧. "
  "She's at the airport on her phone. What's the clearest way to read it out to her?")
S(A, "password", "Intune Wi-Fi profile XML, imported as custom OMA-URI:\n<sharedKey>\n  <keyType>passPhrase</keyType>\n"
  "  <protected>false</protected>\n  <keyMaterial>⟦pwwifi:password⟧</keyMaterial>\n</sharedKey>\n"
  "Devices show the profile as 'Error 0x87d1fde8'.")
S(A, "mfa_backup_code", "Backup codes for the shared IT admin Google account (printed, for the safe):\n"
  "1. ⟦mfa_code:mfa_backup_code⟧   2. ⟦mfa_code:mfa_backup_code⟧\n3. ⟦mfa_code:mfa_backup_code⟧   "
  "4. ⟦mfa_code:mfa_backup_code⟧\n5. ⟦mfa_code:mfa_backup_code⟧   6. ⟦mfa_code:mfa_backup_code⟧\n"
  "Format these as a one-page printout with a warning banner.")
S(A, "client_secret", "Jamf Pro API client for the inventory export:\nclient_id: ⟦uuid⟧\nclient_secret: "
  "⟦jamf_secret:client_secret⟧\nThe token call works but /api/v1/computers-inventory returns 403.")
S(A, "password", "Hi IT, the conference room iPad is locked to the Zoom app. The guided access passcode doesn't work "
  "anymore and the MDM admin login (mdm-admin@⟦dom⟧ / ⟦pws:password⟧) says 'account disabled'. Who can help?")

N(A, "wifi_ssid_only", "Our networks are ⟦ssid#s⟧ (staff, 802.1X with your Windows login) and ⟦#s⟧-Guest (voucher "
  "from reception). Write a one-page Wi-Fi guide for new starters.")
N(A, "password_policy", "Summarise our password policy for the intranet: minimum 14 characters, passphrases "
  "encouraged, no forced expiry unless compromised (per NIST 800-63B), MFA mandatory, lockout after 10 failed "
  "attempts.")
N(A, "security_advice", "Users who forgot their password should go to https://passwordreset.microsoftonline.com, "
  "verify with their phone and choose a new one. Write that as a friendly Teams post and add: never send passwords "
  "in chat.")
N(A, "placeholder", "Template for our onboarding e-mails:\nUsername: {{username}}\nTemporary password: "
  "{{temp_password}}\nStart date: {{start_date}}\nDo these placeholder names line up with what BambooHR exports?")
N(A, "ticket_number", "⟦ticket⟧: laptop serial ⟦serial⟧, asset tag ⟦asset⟧ won't enrol in Intune (error "
  "0x80180014). What does that code mean?")
N(A, "identifier", "The BitLocker screen only shows recovery key ID ⟦uuid8⟧. Where in the Entra admin center do I "
  "look up the actual key for that ID?")
N(A, "masked_value", "The Okta admin console shows the API token as ⟦okta_masked⟧. Can I recover the full token or "
  "do I have to create a new one?")
N(A, "public_key", "Please add my key to the jump host:\n⟦ssh_pub_rsa⟧ ⟦user⟧@⟦host_short⟧")
N(A, "hash_checksum", "The RADIUS server certificate thumbprint is ⟦sha1_upper⟧ and it expires next month. How do I "
  "renew it on NPS without breaking Wi-Fi for everyone?")
N(A, "identifier", "HP LaserJet configuration page: serial ⟦serial⟧, firmware ⟦fw⟧, MAC ⟦mac⟧. The admin password "
  "is the PIN printed on the label inside the front door — change it at first use. Which menu has the SNMP settings?")
N(A, "secret_reference", "Where do we keep the router passwords? → Keeper, shared folder 'IT / Network / Branch "
  "routers', records named like rtr-leipzig-admin. Write a short KB article telling the team to look there.")
N(A, "security_advice", "> can you send me the VPN password?\nNo — we never send passwords by e-mail. Please call "
  "the service desk on ext. 4400 and we'll verify your identity first.\n\nIs this reply too blunt? Rewrite it.")
N(A, "doc_example_key", "The NAS manual says the default login is admin with no password and that the setup wizard "
  "forces a change. Is that still true on DSM 7.2?")
N(A, "meeting_id", "Town hall: Webex meeting number ⟦webex⟧, Thursday 15:00 CET. People keep joining last month's "
  "meeting — write a clear reminder.")
N(A, "publishable_key", "Okta OIDC app for the intranet SPA: client ID ⟦okta_client_id⟧ (PKCE, no client secret). "
  "After login we get a redirect loop. Which settings should I check?")
N(A, "identifier", "Tenant ID ⟦uuid⟧ and Application (client) ID ⟦uuid⟧ — the vendor needs these for SAML setup. Are "
  "they safe to send by e-mail?")
N(A, "security_advice", "Your password for ⟦dom⟧ will expire in 5 days. To change it, press Ctrl+Alt+Del and choose "
  "'Change a password'.\n\nIs this notification text OK, or could people mistake it for phishing?")
N(A, "hash_checksum", "In the AD password audit we found accounts whose NT hash equals the well-known hash of an "
  "empty password (31d6cfe0d16ae931b73c59d7e0c089c0). How do I list them with DSInternals?")
N(A, "secret_reference", "LAPS: the ms-Mcs-AdmPwd attribute is empty for some computers in OU=Kiosk. Which GPO "
  "setting is probably missing?")
N(A, "security_advice", "Create a shared mailbox billing@⟦dom⟧ — shared mailboxes don't have their own password; "
  "access is through membership. Give me the Exchange Online PowerShell.")


# ================================================================ group: saas (SaaS admins, marketers, model/cloud keys)
P = "saas"
S(P, "salesforce_security_token", "Connecting Salesforce to the marketing tool: username integration@⟦dom⟧, "
  "password ⟦pws:password⟧, security token ⟦sf_sectoken:salesforce_security_token⟧. It says INVALID_LOGIN. "
  "Do I append the token to the password?")
S(P, "salesforce_access_token", "curl https://⟦org⟧.my.salesforce.com/services/data/v60.0/sobjects/Lead/ \\\n"
  "  -H \"Authorization: Bearer ⟦sf_access:salesforce_access_token⟧\" \\\n  -H \"Content-Type: application/json\" "
  "-d @lead.json\nReturns INVALID_FIELD for LeadSource. The picklist value exists though.")
S(P, "hubspot_token", "HubSpot private app 'Webinar sync' — access token ⟦hubspot:hubspot_token⟧. Zapier complains "
  "the scope crm.objects.contacts.write is missing. Where do I add it?")
S(P, "mailchimp_api_key", "Mailchimp API key for the Shopify connector: ⟦mailchimp:mailchimp_api_key⟧. The "
  "connector asks for an audience ID too — where do I find it?")
S(P, "sendgrid_api_key", "SENDGRID_API_KEY=⟦sendgrid:sendgrid_api_key⟧\nEvery send from the event-registration "
  "form fails with 'The from address does not match a verified Sender Identity'.")
S(P, "mailgun_api_key", "Mailgun domain mg.⟦dom⟧, private API key ⟦mailgun:mailgun_api_key⟧. The WordPress plugin "
  "test says 'Unauthorized'. EU region maybe?")
S(P, "postmark_server_token", "Postmark server token for transactional mails: ⟦uuid:postmark_server_token⟧. Our CRM "
  "wants it in an 'X-Postmark-Server-Token' header field. Does it also need the account token?")
S(P, "twilio_auth_token", "Twilio for appointment SMS reminders — Account SID ⟦twilio_sid:twilio_account_sid⟧, "
  "auth token ⟦hex32:twilio_auth_token⟧, sender +44 7700 900⟦d3⟧. Messages stay 'queued' for hours.")
S(P, "stripe_restricted_key", "I made a restricted key for the accountant's reporting tool: "
  "⟦stripe_rk:stripe_restricted_key⟧ (read on balance and payouts only). Is that enough for the Xero sync?")
S(P, "shopify_access_token", "Custom app in Shopify admin. Admin API access token ⟦shopify:shopify_access_token⟧, "
  "API secret key ⟦shpss:shopify_shared_secret⟧. Which one does our reviews app need?")
S(P, "zendesk_api_token", "Zendesk API from a Google Sheet: ⟦email⟧/token:⟦zendesk:zendesk_api_token⟧ base64'd "
  "into a Basic header returns 401. Should there be a space somewhere?")
S(P, "intercom_access_token", "Intercom access token for the support dashboard in Looker Studio: "
  "⟦intercom:intercom_access_token⟧. Which API version gives me conversation ratings?")
S(P, "slack_webhook_url", "Our Google Form → Slack alert posts to ⟦slack_webhook:slack_webhook_url⟧ and messages "
  "stopped arriving last week. Did Slack deprecate these?")
S(P, "slack_user_token", "User token for archiving old project channels: ⟦slack_user:slack_user_token⟧. Which scope "
  "does conversations.archive need, and can a user token archive channels it isn't in?")
S(P, "discord_webhook_url", "Discord webhook for the community team's release announcements: "
  "⟦discord_webhook:discord_webhook_url⟧ — how do I add an embed with the product image and a button?")
S(P, "discord_bot_token", "Our moderation bot token is ⟦discord_bot:discord_bot_token⟧ and the bot goes offline "
  "every night. We host it on a free Replit. Is that the reason?")
S(P, "notion_token", "Notion internal integration secret: ⟦notion_ntn:notion_token⟧. The content calendar database "
  "doesn't show up in the Make.com scenario. Did I forget to connect it?")
S(P, "airtable_token", "Airtable personal access token for the event check-in sheet: ⟦airtable:airtable_token⟧, "
  "scopes data.records:read and write. The Softr app says 'not authorized'.")
S(P, "linear_api_key", "Linear API key ⟦linear:linear_api_key⟧ — I want a weekly digest of issues labelled "
  "'customer-request' into our newsletter tool. GraphQL query please?")
S(P, "atlassian_api_token", "Jira Cloud API from Apps Script: email ⟦email⟧, API token "
  "⟦atlassian:atlassian_api_token⟧. I'm trying to pull sprint velocity into a Google Sheet.")
S(P, "segment_token", "Segment Public API token ⟦segment:segment_token⟧. I want to list all sources in our workspace "
  "and which destinations they feed.")
S(P, "mixpanel_service_account_secret", "Mixpanel service account: username ⟦first_lo⟧-export.⟦d6⟧.mp-service-account, "
  "secret ⟦alnum32:mixpanel_service_account_secret⟧. The export API says 'project_id is required'.")
S(P, "algolia_admin_key", "Algolia admin API key ⟦hex32:algolia_admin_key⟧ for app ⟦algolia_app⟧ — I'm reindexing "
  "the help center from a Google Apps Script every night. Is there a partial update call?")
S(P, "openai_api_key", "The copywriting tool the agency built uses ⟦openai_svc:openai_api_key⟧ as its key. Our "
  "monthly bill doubled. Can I see which project that key belongs to?")
S(P, "anthropic_api_key", "In n8n I created an Anthropic credential with ⟦anthropic:anthropic_api_key⟧ but the "
  "node says 'invalid x-api-key'. It works in curl.")
S(P, "google_api_key", "Gemini key from AI Studio: ⟦gapi:google_api_key⟧. The Apps Script UrlFetchApp call returns "
  "400 'API key not valid'. Is there a region restriction?")
S(P, "aws_access_key", "The agency gave us S3 access for the video assets:\nAccess key: ⟦aws_akid:aws_access_key_id⟧\n"
  "Secret: ⟦aws_secret:aws_secret_access_key⟧\nBucket: ⟦bucket⟧ (eu-west-1)\nHow do I connect with Cyberduck?")
S(P, "azure_storage_key", "DefaultEndpointsProtocol=https;AccountName=⟦azacct⟧;AccountKey=⟦azure_key:azure_storage_key⟧;"
  "EndpointSuffix=core.windows.net\nPasting this into Azure Storage Explorer gives 'invalid connection string'.")
S(P, "azure_sas_signature", "The vendor sent this link for the monthly lead export:\nhttps://⟦azacct⟧.blob.core.windows.net/"
  "exports/leads-⟦d6⟧.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-03-31T17:00:00Z&st=2025-01-01T09:00:00Z&spr=https&"
  "sig=⟦sas_sig:azure_sas_signature⟧\nPower Query can't open it. Why?")
S(P, "brevo_api_key", "Brevo (ex-Sendinblue) key for the webinar follow-ups: ⟦brevo:brevo_api_key⟧. The contacts "
  "import returns 'unauthorized IP address'.")
S(P, "pipedrive_api_token", "https://⟦org⟧.pipedrive.com/api/v1/deals?status=won&api_token=⟦hex40:pipedrive_api_token⟧\n"
  "This works in the browser; how do I put it into Power BI so it refreshes daily?")

N(P, "publishable_key", "WooCommerce Stripe settings page (copied):\nPublishable key: ⟦stripe_pk⟧\nSecret key: "
  "sk_live_••••••••••••⟦alnum4⟧\nWebhook status: failing\nWhat does the webhook error usually mean?")
N(P, "doc_example_key", "The AWS docs show AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY in the "
  "credentials file example. Do I replace both lines with what the agency sends?")
N(P, "placeholder", "Tutorial says: set SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
  "in the .env. Where do I create a key with only Mail Send permission?")
N(P, "secret_reference", "In Zapier I keep the HubSpot token in Storage by Zapier under 'hubspot_token' and use it "
  "as {{storage.hubspot_token}}. Is that secure enough?")
N(P, "identifier", "Slack workspace ID ⟦slack_team⟧, channel ⟦slack_chan⟧. How do I get the channel's member count "
  "through the API?")
N(P, "identifier", "Stripe invoice in_⟦stripe_obj⟧ for customer cus_⟦stripe_cus⟧ — why was the customer charged "
  "twice? I see payment intents pi_⟦stripe_obj⟧ and pi_⟦stripe_obj⟧.")
N(P, "publishable_key", "hbspt.forms.create({ region: \"eu1\", portalId: \"⟦d8⟧\", formId: \"⟦uuid⟧\" });\n"
  "The form doesn't render on our Webflow page.")
N(P, "publishable_key", "Mailchimp embedded form action: https://⟦org⟧.us⟦d1⟧.list-manage.com/subscribe/post?"
  "u=⟦hex25⟧&amp;id=⟦hex10⟧ — how do I turn on double opt-in for this form only?")
N(P, "identifier", "Twilio message SM⟦hex32⟧ failed with error 30007 (carrier violation). What does that mean for our "
  "UK sender?")
N(P, "coupon_code", "Discount code ⟦coupon⟧ on Shopify order #⟦d4⟧ didn't apply free shipping. Combination rules?")
N(P, "identifier", "org-⟦alnum24⟧ and proj_⟦alnum24⟧ — which of these goes in the OpenAI-Organization header and "
  "which in OpenAI-Project?")
N(P, "masked_value", "API keys page (screenshot text):\nName: marketing-bot\nSecret key: sk-...⟦alnum4⟧\n"
  "Created: 12 Mar 2025\nLast used: never\nCan I delete unused keys safely?")
N(P, "placeholder", "The quickstart says:\nexport ANTHROPIC_API_KEY='your-api-key-here'\nOn Windows PowerShell what's "
  "the equivalent?")
N(P, "ticket_number", "Zendesk ticket #⟦d6⟧ was merged into #⟦d6⟧ and the requester got no notification. Which "
  "trigger condition handles merges?")
N(P, "publishable_key", "window.intercomSettings = { api_base: \"https://api-iam.intercom.io\", app_id: "
  "\"⟦intercom_appid⟧\" };\nThe messenger doesn't load on the pricing page only.")
N(P, "secret_reference", "op read \"op://Marketing/Mailgun prod/api key\" returns 'could not find item'. The item "
  "exists in the vault. Is the space in the name the problem?")
N(P, "booking_reference", "Trade fair travel: hotel confirmation ⟦conf⟧, flight booking reference ⟦pnr⟧. Draft the "
  "info e-mail to the three colleagues travelling.")
N(P, "identifier", "Landing page URL ends with ?utm_campaign=spring_launch&gclid=⟦gclid⟧ and the gclid gets stripped "
  "by our redirect. How do I preserve it?")
N(P, "hash_checksum", "Meta Conversions API wants hashed e-mails: SHA-256 of the normalised address, e.g. ⟦sha256⟧. "
  "Do phone numbers need the country code before hashing?")
N(P, "doc_example_key", "Slack's docs use https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX "
  "as the sample URL. Where do I get a real one for our workspace?")
N(P, "doc_example_key", "Stripe test card 4242 4242 4242 4242 gets declined in our sandbox checkout with 'Your card "
  "was declined'. Wrong mode?")
N(P, "identifier", "OpenAI usage export shows request IDs like req_⟦hex32⟧. Can support look up a specific request "
  "from that?")
N(P, "identifier", "Discord server ID ⟦snowflake_id⟧, channel ID ⟦d19⟧ — how do I make the announcement bot post only "
  "there?")
N(P, "uuid", "Jira cloud ID ⟦uuid#c⟧ shows up in https://api.atlassian.com/ex/jira/⟦#c⟧/rest/api/3/search. Is this "
  "ID sensitive, or fine to put in our wiki?")


# ================================================================ group: chat (transcripts, split labels, tables, OCR, voice)
C = "chat"
NUMWORD_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
NUMWORD_DE = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]


def voice_en(r):
    w1 = r.choice(["Tiger", "Falcon", "Harbor", "Copper", "Maple", "Orbit", "Pepper", "Lantern", "Walrus"])
    dg = r.randint(2, 9)
    w2 = r.choice(["lamp", "river", "stone", "cloud", "piano", "ticket", "garden", "kettle"])
    sym, symname = r.choice([("!", "an exclamation mark"), ("#", "a hash sign"), ("?", "a question mark"),
                             ("$", "a dollar sign"), ("%", "a percent sign")])
    pw = f"{w1}{dg}{w2}{sym}"
    return [f"Voice note transcript (auto-generated, 0:{r.randint(30, 59)}):\n\"Hi, it's {r.choice(FIRST_EN)}. "
            f"Quick one about the tablet at the trade fair booth, you log in with booth@{r.choice(DOMAINS)} and "
            "the password is ", (pw, "password"),
            f", so that's {w1} with a capital {w1[0]}, then the number {NUMWORD_EN[dg]}, then {w2} all lower case, "
            f"and {symname} at the end. Please don't write it on a sticky note.\"\n\nCan you turn this into a short "
            "checklist for the booth staff?"]


def voice_de(r):
    w1 = r.choice(["Kaffee", "Bergsee", "Ahorn", "Leuchtturm", "Zebra", "Sonne"])
    dg = r.randint(2, 9)
    w2 = r.choice(["tasse", "brot", "wolke", "mantel", "garten", "kiste"])
    sym, symname = r.choice([("!", "ein Ausrufezeichen"), ("#", "eine Raute"), ("?", "ein Fragezeichen"),
                             ("%", "ein Prozentzeichen")])
    pw = f"{w1}{dg}{w2}{sym}"
    return ["Sprachnachricht (Transkript):\n„Hallo, hier ist ", r.choice(NAMES["de"][0]),
            ". Für den Laptop im Schulungsraum: Benutzer schulung, Passwort ist ", (pw, "password"),
            f", also {w1} mit großem {w1[0]}, dann die {NUMWORD_DE[dg]}, dann {w2} klein und am Ende {symname}. "
            "Danke dir!“\n\nKannst du daraus eine kurze Nachricht an die Trainerin machen?"]


S(C, "password", "⟦name#a⟧ 09:12\nwhat's the password for the Canva team account?\n⟦name#b⟧ 09:14\none sec, "
  "checking the sheet\n⟦#b⟧ 09:15\n⟦pwh_en:password⟧\n⟦#a⟧ 09:15\nthx!!\n\nCan you summarise this thread for our "
  "tool-access log?")
S(C, "password", "⟦pws:password⟧ — that's the one for the finance share now, the old one stopped working on Monday. "
  "Can you tell me how to map it as a drive on a Mac?")
S(C, "password", "Could you log into the agency's Vimeo (user: video@⟦dom⟧ / ⟦pwh_en:password⟧) and download the "
  "raw cut? Actually no — write me the steps so the intern can do it.")
S(C, "password", "Shared Figma login -- design-team@⟦dom⟧ -- ⟦pws:password⟧ -- don't turn on 2FA or we all get "
  "locked out.\n\nRewrite this as a proper note for the design channel.")
S(C, "password", "| Tool | Login | Password |\n|---|---|---|\n| Canva | marketing@⟦dom#d⟧ | ⟦pwh_en:password⟧ |\n"
  "| Hootsuite | social@⟦#d⟧ | ⟦pws:password⟧ |\n| Later | social@⟦#d⟧ | ⟦pws:password⟧ |\n\nTurn this into a nicer "
  "table for the onboarding doc.")
S(C, "password", "site,username,password,notes\nwordpress,⟦user⟧,⟦pws:password⟧,admin\nsquarespace,⟦user⟧,"
  "⟦pwh_en:password⟧,old site\nnewsletter,⟦user⟧,⟦pwt:password⟧,\n\nPlease dedupe this export and flag the weak "
  "passwords.")
S(C, "password", "Location\tDevice\tUser\tPassword\nLobby\tAccess point\tadmin\t⟦pws:password⟧\nStore 4\tNVR cameras\t"
  "admin\t⟦pws:password⟧\nStore 7\tNVR cameras\tadmin\t⟦pws:password⟧\n\n(pasted from the facilities spreadsheet) "
  "which of these should we change first?")
S(C, "password", "[OCR of screenshot]\nMicrosoft 365 admin center\nReset password\nPassword for ⟦email⟧ has been "
  "reset\nNew password\n⟦pwt:password⟧   Show\n[ ] Send password in email\nClose\n\nWhat should I tell the user "
  "when I call her?")
S(C, "password", "Text extracted from a photo of the whiteboard in meeting room B:\nWIFI ⟦ssid⟧\nPW ⟦pwwifi:password⟧\n"
  "Q3 roadmap -> see Miro\nOwner: marketing ops\n\nCan you turn this into meeting notes?")
S(C, "password", voice_en)
S(C, "password", voice_de, lang="de")
S(C, "password", "From: ⟦name#a⟧\nSent: Tuesday 10:02\nSubject: RE: RE: survey tool\n\n⟦pws:password⟧\n\n"
  "-----Original Message-----\nFrom: ⟦name#b⟧\nHi, could you send me the password for the SurveyMonkey team "
  "account? The login is research@⟦dom⟧.\n\nCan you write a polite reminder that passwords shouldn't go by e-mail?")
S(C, "openai_api_key", "A: did you get the OpenAI key from finance?\nB: yes hold on\nB: ⟦openai:openai_api_key⟧\n"
  "A: 🙏 which model can we use with it?\n\nSummarise what B and A agreed.")
S(C, "stripe_secret_key", "[14:03] ⟦first#a⟧: here's the Stripe key for the refund script ⟦stripe_sk:stripe_secret_key⟧\n"
  "[14:04] ⟦first#b⟧: you shouldn't paste that here lol\n[14:04] ⟦#a⟧: I'll rotate it after the refunds run\n\n"
  "Is a Teams chat really that bad a place for this?")
S(C, "password", "Reminder for tomorrow's demo: the sandbox account is demo@⟦dom⟧, passcode ⟦pws:password⟧, and "
  "please log out on the shared laptop afterwards. Make this sound less bossy?")
S(C, "zendesk_api_token", "User: I need to call the Zendesk API from a Google Sheet.\nAssistant: Sure — what's your "
  "subdomain, and do you have an API token?\nUser: subdomain ⟦org⟧, token ⟦zendesk:zendesk_api_token⟧, my e-mail "
  "is ⟦email⟧")
S(C, "password", "Label on the back of the new router (photo, OCR):\nModel: ⟦model⟧\nS/N: ⟦serial⟧\nWLAN name "
  "(SSID): ⟦ssid⟧\nWLAN network key (WPA2): ⟦wpa_numeric:password⟧\n\nHow do I change the network name to "
  "something nicer?")
S(C, "password", "Slack message (edited): password for the shared Adobe Stock account → ⟦pwh_en:password⟧  (edited)\n"
  "People keep asking. Can you write a pinned message that says where to find it instead?")

N(C, "secret_reference", "A: what's the Canva password?\nB: it's in 1Password under 'Marketing – Canva', I can't paste "
  "it here\nA: ok found it, thanks\n\nSummarise this for the onboarding FAQ.")
N(C, "masked_value", "| System | Owner | Password |\n|---|---|---|\n| Payroll | HR | stored in vault |\n| Xero | "
  "Finance | ******** |\n| Canva | Marketing | (SSO) |\n\nAdd a column for MFA status please.")
N(C, "order_number", "order_id,tracking,coupon\n⟦order⟧,⟦ups⟧,⟦coupon⟧\n⟦order⟧,⟦ups⟧,\n⟦order⟧,⟦ups⟧,⟦coupon⟧\n\n"
  "Which of these orders used a discount?")
N(C, "identifier", "OCR of a card receipt:\nReceipt #⟦d6⟧\nTerminal ID ⟦upper8⟧\nAuth code ⟦d6⟧\nCard **** ⟦d4⟧\n"
  "Total EUR 148.20\n\nCan you put this into the expense report format?")
N(C, "security_advice", "Voicemail transcript: \"Hi, it's IT. Just a reminder that your password expires on "
  "Friday. Please don't reply with your password — just change it through the portal. Thanks!\"\n\nIs this a "
  "legit message style or does it look like phishing?")
N(C, "password_policy", "> The temporary password format is first name + year + ! (e.g. <Firstname>2025!)\n\n"
  "Our auditor flagged this line in the onboarding doc. Suggest a better process.")
N(C, "booking_reference", "[08:55] ⟦first#a⟧: flight booking ref ⟦pnr⟧, seat 14C\n[08:56] ⟦first#b⟧: hotel "
  "confirmation ⟦conf⟧\n[08:58] ⟦#a⟧: can you put both in the travel sheet?\n\nMake a neat itinerary out of this.")
N(C, "wifi_ssid_only", "Photo text from the café sign: 'Free Wi-Fi: ⟦ssid⟧ — no password, accept the terms in your "
  "browser.' Is it safe to open the CRM on that?")
N(C, "security_advice", "Meeting transcript excerpt:\n[00:12:31] ⟦name⟧: the password reset flow sends a six-digit code "
  "by SMS, valid for ten minutes.\n[00:12:48] ⟦name⟧: and after five wrong codes the account locks for an hour.\n"
  "Write this up as a requirement.")
N(C, "license_plate", "| Name | Plate | Spot |\n|---|---|---|\n| ⟦name⟧ | ⟦plate_uk⟧ | P2-14 |\n| ⟦name⟧ | ⟦plate_de⟧ "
  "| P2-15 |\n| ⟦name⟧ | ⟦plate_uk⟧ | P3-02 |\n\nSort by spot and make it printable.")
N(C, "commit_sha", "[16:20] ⟦first⟧: the fix for the broken checkout button is in ⟦sha7⟧\n[16:21] ⟦first⟧: ticket "
  "⟦jira⟧, deployed at 16:40\n\nWrite a short customer-facing status update.")
N(C, "file_name", "Files in the shared drive: invoice_⟦hex12⟧.pdf, IMG_⟦d4⟧.HEIC, export_⟦sha7⟧_final(2).xlsx, "
  "⟦uuid⟧.png\nSuggest a naming convention and a rename plan.")
N(C, "coupon_code", "Voice note transcript: \"...and tell the customer to use code ⟦coupon⟧ at checkout, that gives "
  "fifteen percent off until Sunday.\"\n\nWrite the reply e-mail.")
N(C, "placeholder", "Ops wiki snippet: 'The demo container starts with user demo and password changeme — this is "
  "only for local testing on your laptop and is never deployed.' Rewrite this for non-technical sales staff.")


# ================================================================ group: classic formats
K = "classic"
S(K, "private_key", "What format is this and how do I turn it into a .ppk for PuTTY?\n\n⟦pem_rsa:private_key⟧")
S(K, "private_key", "This is the key the agency gave us for the SFTP upload, FileZilla refuses it:\n"
  "⟦pem_openssh:private_key⟧\nDoes it need a passphrase?")
S(K, "private_key", "Found this in the old kiosk config folder. Which curve is it and what could it have been used for?\n"
  "⟦pem_ec:private_key⟧")
S(K, "jwt", "Is this token expired? I copied it from the browser dev tools while logged into the staff portal:\n"
  "⟦jwt:jwt⟧")
S(K, "jwt", "GET /api/v2/reports/monthly HTTP/1.1\nHost: portal.⟦dom⟧\nAuthorization: Bearer ⟦jwt:jwt⟧\n"
  "Accept: application/json\n\nThe request returns 403 for me but 200 for my manager. Can you decode what roles I have?")
S(K, "password", "APP_ENV=production\nDB_HOST=⟦dbhost⟧\nDB_USER=shop\nDB_PASSWORD=⟦pws:password⟧\nMAIL_USERNAME=shop@⟦dom⟧\n"
  "MAIL_PASSWORD=⟦pws:password⟧\nSTRIPE_SECRET=⟦stripe_sk:stripe_secret_key⟧\n\nOur freelancer left this .env in "
  "the public web folder. What exactly is exposed and what do I rotate first?")
S(K, "password", "Our old intranet link is https://staff:⟦pwurl:password⟧@intranet.⟦dom⟧/handbook/ and Chrome now "
  "refuses it. Why, and what should we do instead?")
S(K, "password", "The printer vendor wants to push scans to ftp://scanupload:⟦pwurl:password⟧@files.⟦dom⟧/incoming. "
  "Is FTP still acceptable for this?")
S(K, "github_token", "git remote -v shows\norigin  https://⟦first_lo⟧:⟦github_pat:github_token⟧@github.com/⟦org⟧/"
  "website.git (fetch)\nOur web designer set this up. Is that bad?")
S(K, "aws_access_key", "~/.aws/credentials on the marketing laptop:\n[default]\n"
  "aws_access_key_id = ⟦aws_akid:aws_access_key_id⟧\naws_secret_access_key = ⟦aws_secret:aws_secret_access_key⟧\n"
  "region = eu-west-1\n\nThe S3 upload plugin in Lightroom says SignatureDoesNotMatch.")
S(K, "basic_auth", "The kiosk sends this header to the menu API:\nAuthorization: Basic ⟦basic:basic_auth⟧\n"
  "What does it decode to, and is that OK over plain HTTP?")

N(K, "public_key", "This is the public key the bank gave us for verifying webhook signatures. Where do I paste it in "
  "Zapier?\n\n⟦pem_public⟧")
N(K, "public_key", "Here's the CSR our SSL vendor asked for — can you tell me which domain names it covers?\n\n⟦pem_csr⟧")
N(K, "doc_example_key", "The jwt.io homepage shows eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6"
  "IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c as the sample token. What "
  "do the three parts mean?")
N(K, "placeholder", ".env.example from the theme:\nDB_PASSWORD=\nMAIL_PASSWORD=changeme\nSTRIPE_SECRET=sk_live_your_key_here\n"
  "APP_KEY=base64:GENERATE_ME\n\nWhich of these do I have to fill in for a staging site?")
N(K, "identifier", "https://⟦first_lo⟧@bitbucket.org/⟦org⟧/site.git asks for my password every single time. How do I "
  "make Sourcetree remember it?")
N(K, "public_key", "I'd like to add my PGP key to my e-mail signature. Is it OK to paste the whole block?\n\n⟦pgp_public⟧")
N(K, "hash_checksum", "md5 of the logo file we got from the printer is ⟦hex32⟧ and ours is ⟦hex32⟧, so the files "
  "differ? They look identical.")
N(K, "hash_checksum", "docker-compose line: image: ⟦org⟧/menu-kiosk@sha256:⟦sha256⟧ — why pin by digest instead of "
  "a tag?")
N(K, "secret_reference", "arn:aws:secretsmanager:eu-central-1:⟦d12⟧:secret:prod/crm/api-key-⟦alnum6⟧ — how do I let "
  "the Lambda read this secret without giving it access to all secrets?")


# ================================================================ build / validate / stats
KEYS = ["id", "text", "label", "type", "entities", "spans_known", "source"]
ENT_KEYS = ["type", "start", "end", "value"]


def count_overlapping(text, value):
    n, i = 0, text.find(value)
    while i != -1:
        n += 1
        i = text.find(value, i + 1)
    return n


def render(t, r):
    segs = t["tmpl"](r) if callable(t["tmpl"]) else parse(t["tmpl"], r)
    text, ents, marked = "", [], Counter()
    for s in segs:
        if isinstance(s, str):
            text += s
            continue
        value, etype = s
        if etype:
            ents.append({"type": etype, "start": len(text), "end": len(text) + len(value), "value": value})
            marked[value] += 1
        text += value
    where = f"template #{t['idx']} ({t['group']}/{t['type']})"
    assert "⟦" not in text and "⟧" not in text, where
    for v, c in marked.items():
        assert count_overlapping(text, v) == c, f"{where}: value {v!r} occurs unmarked"
    if t["label"] == "secret":
        assert ents, f"{where}: secret row without entities"
    else:
        assert not ents, f"{where}: not_secret row with entities"
    return text, ents


def build():
    rows = []
    for idx, t in enumerate(TEMPLATES):
        t["idx"] = idx
        for k in range(t["n"]):
            r = random.Random(f"{SEED}#{idx}#{k}")
            text, ents = render(t, r)
            rows.append(({"text": text, "label": t["label"], "type": t["type"], "entities": ents},
                         {"group": t["group"], "lang": t["lang"]}))
    random.Random(SEED + "#order").shuffle(rows)
    out = []
    for i, (row, meta) in enumerate(rows):
        full = {"id": f"g4-{i:03d}", "text": row["text"], "label": row["label"], "type": row["type"],
                "entities": row["entities"], "spans_known": True, "source": dict(SOURCE)}
        out.append((full, meta))
    return out


def serialise(rows):
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row, _ in rows).encode("utf-8")


def validate_file(path):
    texts, ids, n_sec = set(), [], 0
    with open(path, "rb") as fh:
        raw = fh.read()
    lines = raw.decode("utf-8").split("\n")
    assert lines[-1] == "", "file must end with a newline"
    for ln, line in enumerate(lines[:-1], 1):
        row = json.loads(line)
        assert list(row.keys()) == KEYS, f"line {ln}: key order {list(row.keys())}"
        assert row["id"] == f"g4-{ln - 1:03d}", f"line {ln}: id {row['id']}"
        assert row["label"] in ("secret", "not_secret"), f"line {ln}: label"
        assert isinstance(row["type"], str) and row["type"], f"line {ln}: type"
        assert row["spans_known"] is True and row["source"] == SOURCE, f"line {ln}: spans_known/source"
        text = row["text"]
        assert text not in texts, f"line {ln}: duplicate text"
        texts.add(text)
        ids.append(row["id"])
        ents = row["entities"]
        if row["label"] == "secret":
            n_sec += 1
            assert ents, f"line {ln}: secret without entities"
        else:
            assert ents == [], f"line {ln}: not_secret with entities"
        last_end = -1
        for e in ents:
            assert list(e.keys()) == ENT_KEYS, f"line {ln}: entity keys"
            assert text[e["start"]:e["end"]] == e["value"], f"line {ln}: span mismatch {e}"
            assert e["start"] >= last_end, f"line {ln}: overlapping spans"
            assert not e["value"].startswith(("Bearer ", "Basic ")), f"line {ln}: scheme inside span"
            last_end = e["end"]
        for v in {e["value"] for e in ents}:
            assert count_overlapping(text, v) == sum(1 for e in ents if e["value"] == v), \
                f"line {ln}: unmarked occurrence of {v!r}"
    n = len(ids)
    assert 300 <= n <= 340, f"row count {n}"
    share = n_sec / n
    assert 0.50 <= share <= 0.60, f"secret share {share:.3f}"
    return n, n_sec


def stats(rows):
    lab = Counter(r["label"] for r, _ in rows)
    print(f"rows: {len(rows)}  secret: {lab['secret']}  not_secret: {lab['not_secret']}  "
          f"(secret share {lab['secret'] / len(rows):.1%})")
    print(f"entities: {sum(len(r['entities']) for r, _ in rows)}")

    def table(title, keyf):
        c = defaultdict(Counter)
        for r, m in rows:
            c[keyf(r, m)][r["label"]] += 1
        print(f"\n{title:<34} {'secret':>6} {'not_sec':>7} {'total':>6}")
        for k in sorted(c, key=lambda k: (-sum(c[k].values()), k)):
            print(f"  {k:<32} {c[k]['secret']:>6} {c[k]['not_secret']:>7} {sum(c[k].values()):>6}")

    table("group", lambda r, m: m["group"])
    table("language", lambda r, m: m["lang"])
    table("type", lambda r, m: r["type"])
    ec = Counter(e["type"] for r, _ in rows for e in r["entities"])
    print(f"\n{'entity type':<34} {'spans':>6}")
    for k, v in sorted(ec.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {k:<32} {v:>6}")


def main(argv):
    rows = build()
    data = serialise(rows)
    assert serialise(build()) == data, "generator is not deterministic"
    if "--stats" in argv:
        stats(rows)
        return 0
    with open(OUT, "wb") as fh:
        fh.write(data)
    n, n_sec = validate_file(OUT)
    print(f"wrote {OUT}: {n} rows ({n_sec} secret, {n - n_sec} not_secret), "
          f"sha256 {hashlib.sha256(data).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
