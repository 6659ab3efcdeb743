#!/usr/bin/env python3
"""Build the general10 blind hold-out set for the secrets detector.

Every row comes from one hand-written template below; each template is used
exactly once.  Values are random strings in the documented public shape of
each credential kind (none is real, none carries a valid checksum).

    python3 gen.py            write holdout.jsonl and validate it
    python3 gen.py --check    rebuild in memory and compare byte for byte
    python3 gen.py --stats    print aggregate counts (for the README)

Standard library only.  String seeds are hashed with SHA-512 by Python's
random module, so the output does not depend on PYTHONHASHSEED.
"""
import base64
import collections
import json
import os
import random
import string
import struct
import sys

SEED = "parapet/general10/holdout/v1"
REPO = "handwritten/general10"
ID_PREFIX = "sg10-"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

LANG_NAMES = collections.OrderedDict([
    ("en", "English"), ("de", "German"), ("fr", "French"), ("es", "Spanish"),
    ("pt", "Portuguese"), ("it", "Italian"), ("nl", "Dutch"), ("pl", "Polish"),
    ("ru", "Russian"), ("uk", "Ukrainian"), ("zh", "Chinese"),
    ("ja", "Japanese"), ("ko", "Korean"), ("tr", "Turkish"), ("cs", "Czech"),
    ("vi", "Vietnamese"), ("sv", "Swedish"), ("id", "Indonesian"),
])

GROUPS = collections.OrderedDict([
    ("office", "office documents pasted as text"),
    ("email", "e-mail threads, helpdesk macros, IT tickets"),
    ("lowcode", "low-code and automation"),
    ("lang", "less common languages and tools"),
    ("network", "network and hardware"),
    ("commerce", "finance and e-commerce admin"),
    ("identity", "identity and SSO"),
    ("prose", "prose in many languages"),
])

# Row types counted as "human password" for the share check.
HUMAN = {"password", "password_spelled", "pin", "recovery_code",
         "recovery_phrase"}

# Published documentation examples: never marked as a secret.
DOC_EXAMPLES = [
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "pk_test_TYooMQauvdEDq54NiTphI7jx",
    "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=",
    "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=",
    "JBSWY3DPEHPK3PXP",
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    "correct horse battery staple",
    "EXAMPLE",
]

# --------------------------------------------------------------------------
# registry

Template = collections.namedtuple("Template", "name group lang glued fn")
TEMPLATES = []


def tpl(group, lang, glued=False):
    assert group in GROUPS, group
    assert lang in LANG_NAMES, lang

    def deco(fn):
        TEMPLATES.append(Template(fn.__name__, group, lang, glued, fn))
        return fn
    return deco


def S(typ, text, *ents):
    """A secret row: ents are (entity_type, value); every occurrence of each
    value in text is marked."""
    return ("secret", typ, text, list(ents))


def N(typ, text):
    return ("not_secret", typ, text, [])


# --------------------------------------------------------------------------
# value generators

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DIG = string.digits
ALNUM = UP + LO + DIG
LOALNUM = LO + DIG
UPALNUM = UP + DIG
HEX = "0123456789abcdef"
UHEX = "0123456789ABCDEF"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
B32 = UP + "234567"


def rs(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


def hexs(r, n):
    return rs(r, HEX, n)


def digits(r, n, lead=True):
    s = rs(r, DIG, n)
    if lead and s[0] == "0":
        s = r.choice("123456789") + s[1:]
    return s


def rbytes(r, n):
    return bytes(r.getrandbits(8) for _ in range(n))


def b64(r, n):
    return base64.b64encode(rbytes(r, n)).decode()


def b64u(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def uuid4(r):
    h = hexs(r, 32)
    h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def jwt(r, header, payload, siglen=43):
    enc = lambda o: b64u(json.dumps(o, separators=(",", ":")).encode())
    return "%s.%s.%s" % (enc(header), enc(payload), rs(r, B64URL, siglen))


def wrap(s, n=64):
    return "\n".join(s[i:i + n] for i in range(0, len(s), n))


def pem(label, der):
    body = wrap(base64.b64encode(der).decode())
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (label, body, label)


def rsa_private_key(r, label="PRIVATE KEY"):
    # PKCS#8 RSA-2048 header bytes, random remainder (not a usable key).
    head = bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7"
                         "308204a30201000282010100")
    return pem(label, head + rbytes(r, 1217 - len(head)))


def certificate(r, n=780):
    head = bytes.fromhex("3082030c308201f4a003020102")
    return pem("CERTIFICATE", head + rbytes(r, n - len(head)))


def wg_key(r, private=True):
    b = bytearray(rbytes(r, 32))
    if private:
        b[0] &= 248
        b[31] = (b[31] & 127) | 64
    return base64.b64encode(bytes(b)).decode()


CISCO7_XLAT = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87"


def cisco7(r, plain):
    seed = r.randrange(0, 16)
    out = "%02d" % seed
    for i, ch in enumerate(plain):
        out += "%02X" % (ord(ch) ^ ord(CISCO7_XLAT[(seed + i) % len(CISCO7_XLAT)]))
    return out


# ---- human passwords -----------------------------------------------------

WORDS = {
    "en": ["Sunshine", "Falcon", "Harbor", "Maple", "Thunder", "Copper",
           "Willow", "Orchid", "Granite", "Pepper", "Meadow", "Rocket",
           "Lantern", "Biscuit", "Walnut", "Badger"],
    "de": ["Sommer", "Schneeball", "Kuchen", "Bergsee", "Zugspitze",
           "Eichhorn", "Wolke", "Sonnenblume", "Apfelbaum", "Brezel",
           "Regenbogen", "Hasenbrot"],
    "fr": ["Soleil", "Papillon", "Chaton", "Marseille", "Fromage", "Baguette",
           "Printemps", "Lavande", "Croissant", "Nuage", "Tartine"],
    "es": ["Girasol", "Mariposa", "Tortuga", "Verano", "Canela", "Limonada",
           "Estrella", "Paloma", "Alegria", "Sevilla", "Churros"],
    "pt": ["Saudade", "Cachorro", "Laranja", "Jabuticaba", "Brigadeiro",
           "Floresta", "Amizade", "Coqueiro", "Praia", "Pitanga"],
    "it": ["Girasole", "Farfalla", "Gelato", "Tramonto", "Limone", "Stella",
           "Ciliegia", "Vesuvio", "Cannolo", "Pineta"],
    "nl": ["Tulpen", "Fietsbel", "Stroopwafel", "Molen", "Zonnetje", "Haring",
           "Kaasboer", "Dijkgraaf", "Hagelslag"],
    "pl": ["Kwiatek", "Slonce", "Wiosna", "Pierogi", "Jezioro", "Biedronka",
           "Wawel", "Zabka", "Szarlotka"],
    "ru": ["Solnyshko", "Medved", "Zvezda", "Berezka", "Malina", "Vesna",
           "Kotenok", "Romashka"],
    "uk": ["Kalyna", "Sonechko", "Vyshnia", "Karpaty", "Lastivka", "Kvitka",
           "Smereka"],
    "tr": ["Gunes", "Bahar", "Kelebek", "Deniz", "Lale", "Simit", "Papatya",
           "Karadeniz"],
    "cs": ["Slunicko", "Kocicka", "Jahoda", "Vltava", "Houba", "Krtek",
           "Borovice"],
    "sv": ["Sommar", "Kanelbulle", "Granskog", "Midsommar", "Blabar", "Alg",
           "Fjallet"],
    "id": ["Matahari", "Kucing", "Melati", "Rendang", "Pelangi", "Merdeka",
           "Kopitubruk"],
    "vi": ["Hoasen", "Mattroi", "Caphe", "Phoxua", "Bienxanh", "Halong"],
    "ja": ["Sakura", "Hanabi", "Tanuki", "Fujisan", "Neko", "Ramen", "Momiji"],
    "ko": ["Saranghae", "Haneul", "Kimchi", "Bomnal", "Dalbit", "Nabi"],
    "zh": ["Xiaoming", "Huanghe", "Taiyang", "Xiongmao", "Longma", "Chunjie"],
}
NONASCII_WORDS = ["Grünkohl", "Kärlek", "Żurawina", "Ćwierćnuta",
                  "Café", "Crème", "Öğretmen", "Žirafa", "Ёлочка", "Sóc",
                  "Ørken", "Señal", "Maçã", "Città", "Smørbrød", "Ďábel"]

SYM_STD = "!@%*-_+?"
SYM_URL = "-_.~"


def _sym(r, syms):
    return r.choice(syms) if syms else r.choice(DIG)


def _leet(r, word, syms):
    table = {"a": "@" if "@" in syms else "4", "e": "3", "i": "1", "o": "0",
             "s": "5", "t": "7"}
    out = []
    for ch in word:
        if ch.lower() in table and r.random() < 0.6:
            out.append(table[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


WALKS = ["1qaz2wsx", "q1w2e3r4t5", "zaq12wsx", "1q2w3e4r", "qazwsx", "asdf1234",
         "!QAZ2wsx", "1qazXSW@", "poiu0987", "mnbvcxz1"]


def password(r, lang="en", syms=SYM_STD, shape=None, ascii_only=False):
    """A human-chosen looking password in one of several shapes."""
    words = WORDS.get(lang, WORDS["en"])
    shapes = ["word_digits", "two_words", "phrase", "random", "walk", "leet",
              "nonascii", "word_sym_digits"]
    if not syms:
        shapes.remove("phrase")
    if syms == SYM_URL or ascii_only:
        shapes.remove("nonascii")
    shape = shape or r.choice(shapes)
    if shape == "word_digits":
        pw = r.choice(words) + digits(r, r.choice([2, 4])) + _sym(r, syms)
    elif shape == "word_sym_digits":
        pw = r.choice(words) + _sym(r, syms) + digits(r, r.choice([3, 4]))
    elif shape == "two_words":
        a, b = r.sample(words, 2)
        pw = a + _sym(r, syms) + b + digits(r, r.choice([1, 2]))
    elif shape == "phrase":
        sep = r.choice([c for c in "-._" if c in syms] or ["-"])
        pool = [w.lower() for w in words + WORDS["en"]]
        pw = sep.join(r.sample(pool, r.choice([3, 4])))
    elif shape == "random":
        alpha = ALNUM + syms
        while True:
            pw = rs(r, alpha, r.choice([12, 14, 16, 18]))
            if (any(c.isdigit() for c in pw) and any(c.isupper() for c in pw)
                    and pw[-1] not in ".~" and pw[0] not in "-."):
                break
    elif shape == "walk":
        walks = [w for w in WALKS if all(c.isalnum() or c in syms for c in w)]
        pw = r.choice(walks) + _sym(r, syms) + digits(r, 2)
    elif shape == "leet":
        pw = _leet(r, r.choice(words), syms) + _sym(r, syms) + digits(r, 4)
    elif shape == "nonascii":
        pw = r.choice(NONASCII_WORDS) + digits(r, r.choice([2, 4])) + _sym(r, syms)
    else:
        raise ValueError(shape)
    for c in pw:
        assert c.isalnum() or c in syms, (pw, syms)
    return pw


def phrase(r, n=4, sep=" ", lang="en"):
    pool = [w.lower() for w in WORDS.get(lang, WORDS["en"])]
    if len(pool) < n:
        pool += [w.lower() for w in WORDS["en"]]
    return sep.join(r.sample(pool, n))


def pin(r, n=4):
    while True:
        p = rs(r, DIG, n)
        if len(set(p)) >= 3 and p not in "0123456789" and p not in "9876543210":
            return p


def wifi_key(r, lang="en"):
    kind = r.choice(["pw", "random", "groups"])
    if kind == "pw":
        return password(r, lang, syms="!-_+")
    if kind == "random":
        return rs(r, ALNUM, r.choice([12, 16, 20]))
    return "-".join(rs(r, LOALNUM, 4) for _ in range(4))


BIP39ISH = ["abandon", "ability", "absorb", "access", "actor", "adapt", "alarm",
            "album", "anchor", "animal", "artist", "aunt", "autumn", "badge",
            "balcony", "bamboo", "banana", "barrel", "basket", "beach",
            "blanket", "bonus", "border", "bracket", "bridge", "cabin",
            "cactus", "canal", "candy", "carbon", "castle", "cherry", "cinnamon",
            "clever", "coconut", "copper", "crystal", "dolphin", "eagle",
            "engine", "fabric", "festival", "garden", "giraffe", "harbor",
            "hollow", "island", "jungle", "kitten", "ladder", "lemon", "marble",
            "meadow", "mirror", "oyster", "pepper", "planet", "puzzle",
            "rabbit", "ribbon", "saddle", "salmon", "tunnel", "velvet",
            "walnut", "window", "zebra"]


def seed_phrase(r, n=12):
    return " ".join(r.choice(BIP39ISH) for _ in range(n))


# --------------------------------------------------------------------------
# building and validating rows

WORD = set(string.ascii_letters + string.digits + "_")


def make_spans(text, ents):
    spans = []
    seen = {}
    for typ, val in ents:
        assert val, "empty value"
        if val in seen:
            assert seen[val] == typ, ("same value, two types", val)
            continue
        seen[val] = typ
        i = text.find(val)
        assert i >= 0, ("value not in text", val)
        while i >= 0:
            spans.append({"type": typ, "start": i, "end": i + len(val),
                          "value": val})
            i = text.find(val, i + 1)
    spans.sort(key=lambda e: (e["start"], e["end"]))
    return spans


def build():
    results = []
    names = set()
    for t in sorted(TEMPLATES, key=lambda t: t.name):
        assert t.name not in names, t.name
        names.add(t.name)
        r = random.Random(SEED + "/" + t.name)
        label, typ, text, ents = t.fn(r)
        assert label in ("secret", "not_secret")
        results.append((t, label, typ, text, ents))
    order = list(range(len(results)))
    random.Random(SEED).shuffle(order)
    rows, meta = [], []
    for i, k in enumerate(order):
        t, label, typ, text, ents = results[k]
        rows.append(collections.OrderedDict([
            ("id", "%s%03d" % (ID_PREFIX, i)),
            ("text", text),
            ("label", label),
            ("type", typ),
            ("entities", make_spans(text, ents)),
            ("spans_known", True),
            ("source", collections.OrderedDict([("repo", REPO)])),
        ]))
        meta.append(t)
    return rows, meta


def validate(rows, meta):
    texts = set()
    for row, t in zip(rows, meta):
        where = "%s (%s)" % (row["id"], t.name)
        text = row["text"]
        assert text not in texts, "duplicate text " + where
        texts.add(text)
        assert text == text.strip(), "outer whitespace " + where
        ents = row["entities"]
        if row["label"] == "not_secret":
            assert not ents, "not_secret row with entities " + where
        else:
            assert ents, "secret row without entities " + where
        prev_end = -1
        for e in ents:
            s, x, v = e["start"], e["end"], e["value"]
            assert list(e.keys()) == ["type", "start", "end", "value"], where
            assert 0 <= s < x <= len(text), where
            assert text[s:x] == v, "span text mismatch " + where
            assert s >= prev_end, "overlapping spans " + where
            prev_end = x
            assert not v[0].isspace() and not v[-1].isspace(), \
                "whitespace at span end " + where
            if not t.glued:
                assert not (s > 0 and text[s - 1] in WORD and text[s] in WORD), \
                    "span starts inside a word %s: %r" % (where, v)
                assert not (x < len(text) and text[x] in WORD and
                            text[x - 1] in WORD), \
                    "span ends inside a word %s: %r" % (where, v)
            for ex in DOC_EXAMPLES:
                assert ex not in v, "documentation example marked " + where
            assert e["type"] == e["type"].lower() and " " not in e["type"]
        # every occurrence of every marked value is covered
        covered = [(e["start"], e["end"]) for e in ents]
        for v in set(e["value"] for e in ents):
            i = text.find(v)
            while i >= 0:
                assert any(a <= i and i + len(v) <= b for a, b in covered), \
                    "uncovered occurrence %s: %r" % (where, v)
                i = text.find(v, i + 1)
    n = len(rows)
    assert 230 <= n <= 250, n
    assert len(set(t.name for t in meta)) == n
    sec = [r for r in rows if r["label"] == "secret"]
    share = len(sec) / n
    assert 0.50 <= share <= 0.57, share
    non_en = sum(1 for t in meta if t.lang != "en")
    assert 0.35 <= non_en / n <= 0.50, non_en / n
    assert len(set(t.lang for t in meta) - {"en"}) >= 14
    human = sum(1 for r in sec if r["type"] in HUMAN)
    assert 0.35 <= human / len(sec) <= 0.50, human / len(sec)


def dump(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows, meta):
    n = len(rows)
    sec = [r for r in rows if r["label"] == "secret"]
    non_en = sum(1 for t in meta if t.lang != "en")
    human = sum(1 for r in sec if r["type"] in HUMAN)
    out = []
    out.append("rows: %d" % n)
    out.append("label: not_secret %d, secret %d  (secret share %.1f%%)"
               % (n - len(sec), len(sec), 100.0 * len(sec) / n))
    out.append("non-English rows: %d (%.1f%%)" % (non_en, 100.0 * non_en / n))
    out.append("templates: %d (each used once)" % len(set(t.name for t in meta)))
    out.append("human-password rows (%s): %d of %d secret rows (%.1f%%)"
               % (", ".join(sorted(HUMAN)), human, len(sec),
                  100.0 * human / len(sec)))
    out.append("")
    out.append("%-20s  %6s  %10s  %5s" % ("group", "secret", "not_secret", "total"))
    for g in GROUPS:
        s = sum(1 for r, t in zip(rows, meta) if t.group == g and r["label"] == "secret")
        a = sum(1 for t in meta if t.group == g)
        out.append("  %-18s  %6d  %10d  %5d" % (g, s, a - s, a))
    out.append("")
    out.append("%-20s  %6s  %10s  %5s" % ("language", "secret", "not_secret", "total"))
    for code, name in LANG_NAMES.items():
        s = sum(1 for r, t in zip(rows, meta) if t.lang == code and r["label"] == "secret")
        a = sum(1 for t in meta if t.lang == code)
        if a:
            out.append("  %-18s  %6d  %10d  %5d" % (code + " " + name, s, a - s, a))
    for label in ("secret", "not_secret"):
        c = collections.Counter(r["type"] for r in rows if r["label"] == label)
        out.append("")
        out.append("row type (%s, %d kinds):" % (label, len(c)))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append("  %-34s %d" % (k, v))
    c = collections.Counter(e["type"] for r in rows for e in r["entities"])
    out.append("")
    out.append("entity type (%d spans, %d kinds):" % (sum(c.values()), len(c)))
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append("  %-34s %d" % (k, v))
    return "\n".join(out)


def main(argv):
    rows, meta = build()
    validate(rows, meta)
    data = dump(rows).encode("utf-8")
    if "--check" in argv:
        with open(OUT, "rb") as f:
            old = f.read()
        if old != data:
            print("holdout.jsonl differs from a fresh build", file=sys.stderr)
            return 1
        print("ok: holdout.jsonl matches a fresh build (%d rows)" % len(rows))
        return 0
    if "--stats" in argv:
        print(stats(rows, meta))
        return 0
    with open(OUT, "wb") as f:
        f.write(data)
    print("wrote %s (%d rows)" % (OUT, len(rows)))
    return 0


# ==========================================================================
# templates
# ==========================================================================

# ---------------------------------------------------------------- office ---

@tpl("office", "de")
def office_word_runbook_backup_de(r):
    pw = password(r, "de")
    return S("password", f"""Kannst du aus diesem Word-Dokument eine übersichtliche Checkliste machen? Der Text ist aus "Betriebshandbuch_Backup_v3.docx" kopiert:

3.2 Wiederherstellung einzelner Dateien
Melden Sie sich an der Veeam-Konsole (VBR01.firma.local) mit dem Dienstkonto an.
Benutzer: FIRMA\\svc_veeam
Kennwort: {pw}
Wählen Sie unter „Home > Backups > Disk“ den gewünschten Job aus und starten Sie „Restore guest files“.
Hinweis: Das Kennwort wird jährlich im Januar geändert (zuständig: IT-Betrieb, Hr. Kowalczyk).""",
             ("password", pw))


@tpl("office", "en")
def office_csv_shared_accounts_en(r):
    p1 = password(r, "en", syms="!@%*-_+?")
    p2 = password(r, "en", syms="!@%*-_+?")
    p3 = password(r, "en", syms="!@%*-_+?")
    return S("password", f"""Can you turn this spreadsheet export into a markdown table grouped by department? Keep all columns.

Service,URL,Username,Password,Owner,Notes
Canva Teams,https://www.canva.com,marketing@brightwellfoods.com,{p1},Marketing,shared seat
Mailchimp,https://login.mailchimp.com,brightwell_news,{p2},Marketing,2FA on Dana's phone
Xero,https://login.xero.com,accounts@brightwellfoods.com,SSO,Finance,uses Google login
Hootsuite,https://hootsuite.com/login,social@brightwellfoods.com,{p3},Marketing,
FedEx Ship Manager,https://www.fedex.com,brightwell-ship,(ask Tom),Logistics,""",
             ("password", p1), ("password", p2), ("password", p3))


@tpl("office", "en")
def office_csv_integration_keys_en(r):
    mj_key, mj_sec = hexs(r, 32), hexs(r, 32)
    pm = uuid4(r)
    alg_app, alg_key = rs(r, UPALNUM, 10), hexs(r, 32)
    return S("mailjet_secret_key", f"""I exported our "Integrations" sheet to CSV. Please write a short paragraph per integration explaining what it's for, for the new ops person.

Integration,Owner,Credential,Value,Created,Last rotated
Mailjet (newsletters),Priya,API key,{mj_key},2023-04-11,never
Mailjet (newsletters),Priya,Secret key,{mj_sec},2023-04-11,never
Postmark (transactional),Jonas,Server API token,{pm},2024-01-08,2024-09-30
Algolia (site search),Jonas,Application ID,{alg_app},2022-11-02,n/a
Algolia (site search),Jonas,Admin API key,{alg_key},2022-11-02,never""",
             ("mailjet_api_key", mj_key), ("mailjet_secret_key", mj_sec),
             ("postmark_server_token", pm), ("algolia_admin_key", alg_key))


@tpl("office", "en")
def office_pptx_speaker_notes_en(r):
    pw = password(r, "en")
    wifi = wifi_key(r)
    return S("password", f"""These are my speaker notes from the PowerPoint for Thursday's customer demo. Can you tighten them so each slide's notes fit on one index card?

Slide 1 – Welcome
Thank everyone, introduce Raj and myself. Mention the pilot started in March.

Slide 4 – Live demo
Log in to the demo tenant at https://demo.fieldpulse.app as demo.admin@fieldpulse.app, password {pw} (do NOT use my own account, it has real customer data). Open the "Springfield Water" workspace, show the work-order map.

Slide 5 – Backup plan
If the venue Wi-Fi dies, switch to my phone hotspot "Pixel-Mara", key {wifi}, and reload.

Slide 9 – Pricing
Only show if they ask. Don't quote discounts on the call.""",
             ("password", pw), ("password", wifi))


@tpl("office", "fr")
def office_confluence_release_fr(r):
    dapi = "dapi" + hexs(r, 32)
    pw = password(r, "fr")
    return S("databricks_token", f"""Peux-tu reformuler cette page Confluence en checklist numérotée, plus lisible pour l'équipe d'astreinte ?

Mise en production du pipeline « ventes_quotidiennes »
1. Vérifier que le job Databricks « ingest_ventes » est en état SUCCEEDED dans l'espace de travail https://adb-4417208810362.12.azuredatabricks.net.
2. Si besoin de relancer à la main depuis le poste d'astreinte : databricks jobs run-now --job-id 812 avec le jeton {dapi} (compte technique svc-data-astreinte).
3. Côté Snowflake, se connecter avec l'utilisateur ETL_ASTREINTE / mot de passe {pw} et lancer CALL refresh_ventes();
4. Prévenir #data-ops une fois terminé.""",
             ("databricks_token", dapi), ("password", pw))


@tpl("office", "es")
def office_notion_onboarding_es(r):
    pw = password(r, "es")
    zd = rs(r, ALNUM, 40)
    return S("password", f"""Tengo esta checklist de incorporación copiada de Notion. ¿Me la ordenas por día (día 1, día 2...) y le das un tono más cercano?

✅ Recoger portátil y tarjeta de acceso en recepción
☐ Entrar en Zendesk (https://ayuda-viajesnorte.zendesk.com) con tu correo y la contraseña temporal {pw} — te pedirá cambiarla
☐ Leer las macros de "Reembolsos" y "Cambios de fecha"
☐ Configurar la integración con el CRM: en Ajustes > API pega el token {zd} (usuario integraciones@viajesnorte.es/token)
☐ Sombra con Lucía en llamadas de la tarde""",
             ("password", pw), ("zendesk_api_token", zd))


@tpl("office", "it")
def office_meeting_minutes_it(r):
    pw = password(r, "it")
    return S("password", f"""Mi riassumi questo verbale in cinque punti elenco? È per chi era assente.

Verbale riunione di reparto – 14 marzo
Presenti: Bianchi, Esposito, Romano, Ricci (collegato da remoto)
1. Migrazione file server: Esposito conferma che i documenti dell'amministrazione sono già sul nuovo NAS Synology (\\\\nas-amm\\contabilita). Per chi deve accedere nei prossimi giorni l'utente è "amministrazione" e la password {pw}; Romano la cambierà dopo la chiusura del trimestre.
2. Ferie estive: le richieste vanno inviate entro il 30 aprile.
3. Stampante del secondo piano: ordinato il toner, arriva giovedì.""",
             ("password", pw))


@tpl("office", "nl")
def office_onboarding_checklist_nl(r):
    pw = password(r, "nl")
    return S("password", f"""Kun je deze onboarding-checklist omzetten naar een vriendelijke welkomstmail voor onze nieuwe collega Sanne?

Onboarding – Sanne de Wit (start maandag 3 juni)
- Laptop: HP EliteBook, asset-tag NL-LT-0452, staat klaar bij de servicedesk
- Account: s.dewit@devriesbouw.nl
- Tijdelijk wachtwoord: {pw} (moet bij eerste login gewijzigd worden)
- Teams-kanalen: Projecten Noord, Algemeen, Vrijdagmiddagborrel
- Buddy: Kees (werkvoorbereiding)""",
             ("password", pw))


@tpl("office", "pl")
def office_gdocs_handover_pl(r):
    hs = "pat-eu1-" + uuid4(r)
    asana = "2/%s/%s:%s" % (digits(r, 16), digits(r, 16), hexs(r, 32))
    ado = rs(r, LO + "234567", 52)
    return S("hubspot_private_app_token", f"""Przerób proszę ten dokument przekazania obowiązków (Google Docs) na tabelę: zadanie / narzędzie / kto przejmuje.

Przekazanie obowiązków – Marta (urlop macierzyński od 1.07)
• Cotygodniowy raport leadów: skrypt w Google Sheets pobiera dane z HubSpota przez prywatną aplikację „Raport-Leady”, token: {hs}. Przejmuje Tomek.
• Synchronizacja zadań marketingu z Asaną – integracja używa mojego osobistego tokena {asana}; po moim odejściu trzeba go zastąpić kontem serwisowym.
• Wdrożenia strony w Azure DevOps (projekt „Strona-WWW”): pipeline loguje się moim tokenem PAT {ado}, ważnym do końca roku.
• Newsletter: szablony w Mailchimpie, folder „2024”. Przejmuje Ola.""",
             ("hubspot_private_app_token", hs), ("asana_pat", asana),
             ("azure_devops_pat", ado))


@tpl("office", "en")
def office_lastpass_export_en(r):
    p1 = password(r, "en", syms="!@%*-_+?")
    p2 = password(r, "en", syms="!@%*-_+?")
    totp = rs(r, B32, 32)
    return S("password", f"""I exported my vault from LastPass and want to move to Bitwarden. Bitwarden's importer complains about the file. Here are the first lines, does the header look right?

url,username,password,totp,extra,name,grouping,fav
https://github.com/login,halvorsen-dev,{p1},{totp},,GitHub,Work,1
https://www.ebay.com,thalvorsen84,{p2},,,eBay,Shopping,0
http://sn,,,,"NoteType:Server Name
Hostname:nas.home.arpa",NAS note,Home,0""",
             ("password", p1), ("password", p2), ("totp_seed", totp))


@tpl("office", "ja")
def office_excel_shared_accounts_ja(r):
    p1 = password(r, "ja")
    p2 = password(r, "ja")
    return S("password", f"""Excelの共有アカウント一覧をコピーしました。部署ごとに見やすい表に整形してもらえますか？

No.	サービス名	ログインID	パスワード	管理部署	備考
1	freee会計	keiri@yamabuki-shoji.co.jp	{p1}	経理部	二段階認証なし
2	楽楽精算	admin01	{p2}	総務部	月末に使用
3	Microsoft 365	（各自のアカウント）	－	情報システム課	SSO
4	ヤマト運輸 B2クラウド	（別シート参照）	－	物流課""",
             ("password", p1), ("password", p2))


@tpl("office", "sv")
def office_confluence_integrations_sv(r):
    atl = "ATATT3xFfGF0" + rs(r, B64URL, 180) + "=" + hexs(r, 8).upper()
    bb = "ATBB" + rs(r, ALNUM, 32)
    return S("atlassian_api_token", f"""Kan du skriva om den här Confluence-sidan så att den blir tydligare? Den heter "Integrationer – bygg och release".

Jira-automation (release notes)
Skriptet release_notes.py läser ärenden från https://lindqvist-data.atlassian.net via användaren build-bot@lindqvist-data.se och API-token {atl}.

Bitbucket
Byggservern klonar repona med app-lösenordet {bb} (användare: lindqvist-ci). Behörigheter: repo read, pull request write.

Kontakt: Elin i plattformsteamet.""",
             ("atlassian_api_token", atl), ("bitbucket_app_password", bb))


@tpl("office", "cs")
def office_bitlocker_runbook_cs(r):
    key = "-".join(digits(r, 6, lead=False) for _ in range(8))
    return S("bitlocker_recovery_key", f"""Můžeš z tohoto postupu z Wordu udělat stručný návod pro kolegy na pobočce? Stačí body.

Postup: notebook po aktualizaci BIOSu žádá obnovovací klíč BitLockeru
1. Ověřte, že jde o notebook účetní (inventární číslo NB-2291, Dell Latitude 5440).
2. Na obrazovce „Obnovení nástroje BitLocker“ zadejte obnovovací klíč:
   {key}
   (ID klíče začíná 4B7E1A09)
3. Po spuštění Windows pozastavte BitLocker před další aktualizací BIOSu.
4. Zapište do helpdesku číslo požadavku.""",
             ("bitlocker_recovery_key", key))


@tpl("office", "zh")
def office_meeting_minutes_zh(r):
    akid = "LTAI5t" + rs(r, ALNUM, 18)
    aksec = rs(r, ALNUM, 30)
    return S("alibaba_access_key", f"""帮我把这份会议纪要整理成待办清单，按负责人分组。

项目周会纪要（3月18日）
参会：王磊、陈静、刘洋、赵敏
1. 图片迁移到OSS：刘洋已建好 bucket "shop-img-prod"（华东2）。迁移脚本暂时用下面这对 AccessKey，迁移完成后由王磊禁用：
   AccessKey ID：{akid}
   AccessKey Secret：{aksec}
2. 小程序审核被驳回，陈静周三前补充隐私协议。
3. 下次周会改到周五上午十点。""",
             ("alibaba_access_key_id", akid), ("alibaba_access_key_secret", aksec))


@tpl("office", "ru")
def office_pptx_training_ru(r):
    pw = password(r, "ru")
    return S("password", f"""Вот заметки докладчика из моей презентации для обучения новых кассиров. Сократи их, пожалуйста, чтобы каждый слайд укладывался в 2–3 предложения.

Слайд 3. Вход в учебную кассу
Открываем программу «Касса Учебная» на ноутбуке у проектора. Логин trainer01, пароль {pw}. Показываем, что учебные чеки помечены словом «ОБРАЗЕЦ».

Слайд 4. Возврат товара
Разбираем два случая: возврат в день покупки и возврат по чеку прошлого месяца.""",
             ("password", pw))


@tpl("office", "en")
def office_word_vendor_access_en(r):
    cid = rs(r, LOALNUM, 32)
    sec = rs(r, ALNUM, 32)
    ent = digits(r, 9)
    return S("box_client_secret", f"""Below is the "Vendor access" section of our IT policy doc (Word). Can you rewrite it so it reads like a policy and not like someone's notes?

4.3 Vendor access – Box
The scanning vendor (DocuFlow Ltd) uploads scanned invoices into the Finance team folder through our Box Platform app "Finance Intake" (server authentication, client credentials grant).
Client ID: {cid}
Client secret: {sec}
Enterprise ID: {ent}
They were given these on 12 Feb by email. Access should be reviewed every 6 months.""",
             ("box_client_secret", sec))


@tpl("office", "en")
def office_notion_analytics_keys_en(r):
    mp_token = hexs(r, 32)
    mp_secret = hexs(r, 32)
    amp_key = hexs(r, 32)
    amp_secret = hexs(r, 32)
    glc = "glc_" + base64.b64encode(json.dumps(
        {"o": digits(r, 7), "n": "analytics-export-write", "k": rs(r, ALNUM, 24),
         "m": {"r": "prod-eu-west-2"}}, separators=(",", ":")).encode()).decode()
    return S("mixpanel_api_secret", f"""This is our Notion page "Analytics setup". Could you turn it into a proper README section for the data repo?

Mixpanel
- Project: Tinyhouse App (prod), project id 2981734
- Project token (goes in the app, fine to be public): {mp_token}
- API secret (for the nightly export script only!): {mp_secret}

Amplitude
- API key: {amp_key}
- Secret key: {amp_secret}
- Export runs at 03:00 UTC from the data VM.

Grafana Cloud
- Dashboards read from the export tables; the export job pushes metrics with the access policy token {glc}""",
             ("mixpanel_api_secret", mp_secret), ("amplitude_secret_key", amp_secret),
             ("grafana_cloud_token", glc))


@tpl("office", "en")
def office_excel_branch_wifi_en(r):
    k1 = wifi_key(r)
    k2 = wifi_key(r)
    p3 = password(r, "en", syms="!@%*-_+?", ascii_only=True)
    return S("password", f"""I pasted a sheet from our branch-office workbook. Can you spot inconsistencies in the SSID naming and suggest a standard?

Branch	SSID	WPA2 key	Printer	Printer admin pw
Leeds	HWL-Staff	{k1}	HP M479 (10.20.1.15)	{p3}
York	hwl_york_staff	{k2}	Brother MFC-L8900 (10.20.2.15)	(default, not changed)
Hull	HWL-Staff-Hull	(see router label)	none	-""",
             ("password", k1), ("password", k2), ("password", p3))


@tpl("office", "en")
def office_meeting_notes_zoom_en(r):
    acc = rs(r, B64URL, 22)
    cid = rs(r, B64URL, 22)
    sec = rs(r, ALNUM, 32)
    return S("zoom_client_secret", f"""Meeting notes from today's webinar planning sync. Please extract the action items with owners and due dates.

Attendees: Fatima, Joel, Chen
- Registration form goes live Monday (Joel).
- Chen built the Server-to-Server OAuth app in the Zoom marketplace so the CRM can create webinars automatically:
  Account ID {acc}
  Client ID {cid}
  Client secret {sec}
  Joel to add these to the CRM integration by Friday.
- Fatima to draft the reminder emails (due Wed).""",
             ("zoom_client_secret", sec))


@tpl("office", "en")
def office_csv_masked_export_en(r):
    return N("redacted", """Our password manager's "shared folder report" export looks like this. Can you write a formula for Google Sheets that flags rows where "Last changed" is older than 365 days?

Folder,Item,Username,Password,Last changed,Shared with
Shared-Finance,Xero,accounts@harbourlane.co.nz,********,2023-02-14,4 users
Shared-Finance,ANZ Transactive,HLANE001,********,2024-08-01,2 users
Shared-Ops,Fleet tracker,ops@harbourlane.co.nz,********,2022-11-30,6 users
Shared-Ops,Courier portal,harbourlane,********,2024-05-19,6 users""")


@tpl("office", "de")
def office_word_keepass_reference_de(r):
    return N("secret_reference", """Bitte formuliere diesen Abschnitt aus unserem Notfallhandbuch (Word) verständlicher, ohne Inhalte wegzulassen:

5.1 Zugang zur Firewall bei Ausfall des VPN
Der Notfallzugang erfolgt über die Konsole im Serverraum (Schrank R2, oberste HE). Benutzername und Kennwort stehen in der KeePass-Datenbank „Infrastruktur.kdbx“ im Eintrag „Sophos XGS – lokaler Admin“. Die Datenbank liegt verschlüsselt auf dem USB-Stick im Tresor der Geschäftsführung; das Master-Kennwort kennen nur Herr Albers und Frau Demir.""")


@tpl("office", "fr")
def office_password_policy_fr(r):
    return N("password_policy", """Voici un extrait de notre charte informatique (document Word). Tu peux le simplifier pour une affiche à mettre près de la machine à café ?

Article 7 – Mots de passe
7.1 Tout mot de passe doit comporter au moins 14 caractères, dont des majuscules, des minuscules, des chiffres et un caractère spécial.
7.2 Il est interdit de réutiliser l'un des 10 derniers mots de passe.
7.3 Les mots de passe ne doivent jamais être notés sur papier ni transmis par courriel ; utiliser le coffre-fort Bitwarden de l'entreprise.
7.4 Après 5 tentatives infructueuses, le compte est verrouillé 30 minutes.""")


@tpl("office", "es")
def office_minutes_rotation_es(r):
    return N("rotation_notice", """¿Puedes resumir este acta en tres líneas para mandarla por Slack?

Acta – Comité de seguridad, 9 de octubre
1. Tras la salida de un proveedor, el lunes se rotaron las claves secretas de Stripe y de Redsys. Las nuevas claves solo están en el gestor de secretos (AWS Secrets Manager, ruta prod/pagos/*) y ningún miembro del comité las ha visto.
2. Se revocaron los tokens de acceso personales de GitHub del proveedor.
3. Próxima revisión de accesos: enero.""")


@tpl("office", "en")
def office_confluence_app_registration_ids_en(r):
    tenant, sub, client, obj = uuid4(r), uuid4(r), uuid4(r), uuid4(r)
    return N("identifier", f"""Can you turn this Confluence table into a short paragraph for the architecture doc?

App registration: invoice-portal-prod
Directory (tenant) ID: {tenant}
Subscription: {sub} (Pay-As-You-Go, West Europe)
Application (client) ID: {client}
Object ID: {obj}
Client secret: not stored here – Key Vault kv-invportal-prod, secret name "aad-client-secret" (rotated by pipeline every 90 days)
Redirect URIs: https://invoices.kestrelgroup.eu/signin-oidc""")


@tpl("office", "en")
def office_csv_bcrypt_hashes_en(r):
    rows = []
    for name in ["a.okafor", "b.lindgren", "c.moreau", "d.nakamura"]:
        salt_hash = rs(r, ALNUM + "./", 53)
        rows.append(f"{name},{name}@clinicbook.io,$2b$12${salt_hash},{r.choice(['true', 'false'])}")
    body = "\n".join(rows)
    return N("password_hash", f"""I exported the users table to CSV to migrate to Auth0. Does Auth0's bulk import accept these hashes as-is, and what do I need to put in the custom_password_hash field?

username,email,password_hash,email_verified
{body}""")


@tpl("office", "pt")
def office_pptx_placeholder_pt(r):
    return N("placeholder", """Estas são as notas do orador da apresentação de treinamento do novo ERP. Pode melhorar o texto e deixar mais curto?

Slide 6 – Primeiro acesso
Cada participante recebe um usuário no formato nome.sobrenome. A senha inicial será [PREENCHER NO DIA DO TREINAMENTO – pedir ao TI]. Mostrar a tela de troca obrigatória de senha.

Slide 7 – Pedido de venda
Demonstrar um pedido com três itens e desconto por volume.""")


@tpl("office", "nl")
def office_onboarding_sms_notice_nl(r):
    return N("out_of_band_notice", """Kun je deze tekst uit ons onboardingdocument wat vriendelijker maken?

Je eerste dag
Je ontvangt je gebruikersnaam per e-mail op je privéadres. Het tijdelijke wachtwoord sturen we om veiligheidsredenen apart per sms naar je mobiele nummer, op de ochtend van je eerste werkdag. Bij de eerste keer inloggen kies je zelf een nieuw wachtwoord en stel je de Microsoft Authenticator-app in.""")


@tpl("office", "en")
def office_notion_frontend_public_keys_en(r):
    pk = "pk_live_" + rs(r, ALNUM, 99)
    alg_app = rs(r, UPALNUM, 10)
    alg_search = hexs(r, 32)
    mb = "pk.eyJ1IjoicGFkZGxlYm9hcmRzIiwiYSI6Im" + rs(r, B64URL, 20) + "." + rs(r, B64URL, 22)
    seg = rs(r, ALNUM, 32)
    ld = hexs(r, 24)
    return N("publishable_key", f"""This is the "Frontend config" page from our Notion wiki. Can you turn it into a .env.example with comments?

Stripe publishable key: {pk}
Algolia app id: {alg_app}
Algolia search-only key: {alg_search}  (search only, restricted to index products_prod)
Mapbox public token (URL-restricted to *.paddleboards.shop): {mb}
Segment write key (browser source, ships in analytics.js): {seg}
LaunchDarkly client-side ID: {ld}
All secret keys live in the backend's Doppler project, never here.""")


@tpl("office", "ja")
def office_excel_empty_password_ja(r):
    return N("empty_value", """Excelのアカウント管理表です。パスワード欄が空の行があるのですが、「初期設定のまま」という意味なのか確認したいので、空欄の行だけ抜き出してもらえますか？

No.	システム	ユーザーID	パスワード	最終変更日
1	勤怠管理	tanaka.k		2024/04/01
2	勤怠管理	suzuki.m		2024/04/01
3	経費精算	admin	（情シス管理）	2023/10/12
4	経費精算	sato.y		2024/05/20""")


@tpl("office", "en")
def office_training_doc_aws_example_en(r):
    return N("doc_example_key", """I'm writing an internal training handout on the AWS CLI. Is this section correct?

Step 3 – Configure your profile
Run `aws configure --profile training` and enter the values you received from the lab portal. It will look like this (these are the example values from the AWS documentation, not real keys):

AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE
AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
Default region name [None]: eu-central-1
Default output format [None]: json""")


@tpl("office", "zh")
def office_minutes_wecom_notice_zh(r):
    return N("out_of_band_notice", """请帮我把这段会议纪要改得正式一些，用于发给全体员工。

关于新OA系统上线
1. 新OA系统将于下周一正式启用，网址为 https://oa.hengda-jixie.cn。
2. 每位员工的初始账号为工号，初始密码由信息部通过企业微信单独发送给本人，请勿转发。
3. 首次登录后系统会强制修改密码，新密码需至少10位并包含字母和数字。
4. 如有问题请联系信息部分机 8021。""")


@tpl("office", "it")
def office_sheet_iban_it(r):
    iban1 = "IT" + digits(r, 2, lead=False) + "X" + digits(r, 10, lead=False) + digits(r, 12, lead=False)
    iban2 = "IT" + digits(r, 2, lead=False) + "K" + digits(r, 10, lead=False) + digits(r, 12, lead=False)
    piva1, piva2 = digits(r, 11, lead=False), digits(r, 11, lead=False)
    return N("account_number", f"""Ho copiato questo foglio Google dei fornitori. Mi scrivi una formula che controlli se l'IBAN ha 27 caratteri?

Fornitore	Partita IVA	IBAN	Condizioni
Tipografia Lariana srl	{piva1}	{iban1}	30 gg d.f.
Trasporti Cattaneo spa	{piva2}	{iban2}	60 gg f.m.""")


@tpl("office", "pl")
def office_checklist_env_reference_pl(r):
    return N("secret_reference", """Zamień proszę tę checklistę wdrożeniową na instrukcję krok po kroku dla nowej osoby w zespole danych.

☐ Poproś w Jira (projekt ACCESS) o dostęp do workspace'u Databricks „analityka-prod”
☐ Wygeneruj własny token w Databricks (User Settings → Developer) – NIE używaj tokenów kolegów
☐ Zapisz go w 1Password w sejfie „Osobisty”, a lokalnie ustaw zmienną DATABRICKS_TOKEN przez `op read "op://Osobisty/databricks/token"`
☐ Sprawdź: `databricks clusters list` powinno zwrócić listę klastrów""")


@tpl("office", "en")
def office_gdocs_ids_en(r):
    doc = "1" + rs(r, B64URL, 43)
    sheet = "1" + rs(r, B64URL, 43)
    folder = "1" + rs(r, B64URL, 32)
    return N("identifier", f"""Our Apps Script can't find the template document. The runbook (Google Doc) says these are the IDs to use, can you check which one I'd pass to DocumentApp.openById?

Templates
- Offer letter template (Doc): {doc}
- Salary bands (Sheet): {sheet}
- Output folder for generated letters: {folder}
The script runs as hr-automation@ and only needs Viewer on the template.""")


@tpl("office", "ru")
def office_minutes_passkeys_ru(r):
    return N("security_advice", """Сделай, пожалуйста, из этого протокола короткое письмо для всех сотрудников.

Протокол совещания ИТ-отдела от 12.02
1. Решили отказаться от хранения паролей в Excel-файлах на общем диске. Все файлы вида «пароли*.xlsx» будут удалены 1 марта.
2. Для общих учётных записей используем корпоративный менеджер паролей (Passwork), для личных — ключи доступа (passkeys) там, где сервис их поддерживает.
3. Пароли нельзя пересылать в мессенджерах и по почте, даже внутри компании.""")


# ----------------------------------------------------------------- email ---

@tpl("email", "de")
def email_outlook_vpn_de(r):
    pw = password(r, "de")
    return S("password", f"""Kannst du mir helfen, eine höfliche Antwort an Herrn Brandt zu formulieren? Ich möchte ihm sagen, dass der Zugang jetzt funktioniert und er das Kennwort bitte ändern soll.

-----Ursprüngliche Nachricht-----
Von: Brandt, Oliver <o.brandt@stb-brandt-partner.de>
Gesendet: Dienstag, 4. Februar 2025 08:17
An: IT-Service <it@mueller-metallbau.de>
Betreff: AW: VPN-Zugang Steuerberater

Guten Morgen,

danke für die Einrichtung. Ich habe mich mit Benutzer extern.brandt und dem Kennwort {pw} versucht einzuwählen, bekomme aber „Authentifizierung fehlgeschlagen“. Können Sie das prüfen?

Mit freundlichen Grüßen
Oliver Brandt
Steuerberater""",
             ("password", pw))


@tpl("email", "en")
def email_original_message_sftp_en(r):
    pw = password(r, "en", syms="!@%*-_+?")
    return S("password", f"""Can you summarise this email chain for my manager in 3 bullet points? He just needs to know where we are with the supplier integration.

From: Dana Whitfield
Sent: Thursday, March 6, 2025 2:41 PM
To: Integration Team
Subject: RE: EDI feed – SFTP details

Thanks Gareth, connection works from our side now. First test file is uploaded.

-----Original Message-----
From: Gareth Lowe <g.lowe@northgate-wholesale.co.uk>
Sent: Thursday, March 6, 2025 11:02 AM
To: Dana Whitfield <dana@pixelpantry.com>
Subject: EDI feed – SFTP details

Hi Dana,

As discussed, please drop the order files on our SFTP:
Host: sftp.northgate-wholesale.co.uk (port 2222)
User: pixelpantry_edi
Password: {pw}
Folder: /inbound/orders

Kind regards,
Gareth Lowe | Integration Analyst | Northgate Wholesale""",
             ("password", pw))


@tpl("email", "en")
def email_ticket_closed_temp_password_en(r):
    pw = password(r, "en")
    return S("password", f"""Is the tone of this ticket reply OK? I'm a new helpdesk agent and my lead says I'm too informal. Please rewrite it.

Ticket #58213 – Locked out of Outlook
Status: Solved

Hi Marcus,

No worries, happens to everyone on a Monday! I unlocked your account and set a temporary password: {pw}
You'll be asked to change it as soon as you log in. If MFA prompts go to your old phone, ping us again.

Cheers,
Kev – IT Helpdesk""",
             ("password", pw))


@tpl("email", "fr")
def email_ticket_resolved_fr(r):
    pw = password(r, "fr")
    return S("password", f"""Peux-tu traduire cette réponse de ticket en anglais ? La collaboratrice vient d'arriver de notre filiale de Dublin.

[GLPI] Ticket n° 20417 – Résolu
Demandeur : Aoife Brennan
Catégorie : Compte utilisateur

Bonjour Aoife,

Votre compte sur l'intranet a été créé. Identifiant : abrennan
Mot de passe provisoire : {pw}
Il vous sera demandé de le modifier à la première connexion.

Cordialement,
Le support informatique""",
             ("password", pw))


@tpl("email", "es")
def email_signature_freshdesk_es(r):
    key = rs(r, ALNUM, 20)
    return S("freshdesk_api_key", f"""¿Me ayudas a contestar a Rodrigo? Quiero decirle que ya funciona la integración pero que la próxima vez no mande la clave por correo.

De: Rodrigo Peña <rpena@soporte-andino.cl>
Enviado: lunes, 10 de marzo de 2025 9:14
Para: Camila Torres
Asunto: Clave API Freshdesk

Hola Camila:

Te paso la clave de API de Freshdesk para el conector con el ERP: {key}
El dominio es soporteandino.freshdesk.com y el agente es integraciones@.

Saludos,
--
Rodrigo Peña
Jefe de Soporte | Soporte Andino SpA
+56 2 2345 6789""",
             ("freshdesk_api_key", key))


@tpl("email", "pt")
def email_reply_chain_router_pt(r):
    pw = password(r, "pt")
    return S("password", f"""Pode resumir essa troca de e-mails? Preciso explicar para o meu sócio o que o técnico fez no escritório.

Ok, obrigado Wesley. Vou repassar para o pessoal.

Em qua., 5 de mar. de 2025 às 14:02, Wesley Nascimento <wesley@redes-serra.com.br> escreveu:
> Boa tarde, Sr. Carlos.
> Concluí a troca do roteador. Seguem os dados:
> Rede: ESCRITORIO_CONTABIL_5G
> Senha do Wi-Fi: {pw}
> Painel do roteador: http://192.168.0.1 (usuário admin, mesma senha do Wi-Fi por enquanto)
> Qualquer coisa estou à disposição.
> Att,
> Wesley""",
             ("password", pw))


@tpl("email", "it")
def email_gmail_forward_intercom_it(r):
    tok = base64.b64encode(("tok:" + uuid4(r) + ":1:0").encode()).decode()
    return S("intercom_access_token", f"""Mi aiuti a scrivere un'email a Giulia per chiederle di creare un'app separata su Intercom invece di condividere il token?

---------- Forwarded message ---------
Da: Giulia Ferri <giulia.ferri@casaverde-arredi.it>
Date: mar 11 feb 2025 alle ore 16:40
Subject: credenziali Intercom ambiente di test
To: Davide Conti <davide@studiopixel.it>

Ciao Davide,
ti inoltro il token di accesso dell'app Intercom che usiamo per il widget sul sito, così puoi collegare il CRM:
{tok}
Fammi sapere se funziona!
Giulia""",
             ("intercom_access_token", tok))


@tpl("email", "nl")
def email_hosting_linode_nl(r):
    tok = hexs(r, 64)
    return S("linode_token", f"""Wil je deze mail van onze freelancer samenvatten en aangeven wat ik nog moet doen?

Onderwerp: Oplevering server klantportaal
Van: Bram Hoekstra <bram@hoekstra-dev.nl>
Aan: Ingrid Visser

Hoi Ingrid,

De nieuwe server voor het klantportaal draait in het Linode-datacenter in Amsterdam. Voor de back-ups heb ik een API-token aangemaakt met alleen rechten op Object Storage: {tok}
Die staat ook in het back-upscript op de server. Als je wilt dat ik er nog monitoring bij zet, hoor ik het graag.

Groet,
Bram""",
             ("linode_token", tok))


@tpl("email", "pl")
def email_ticket_mailbox_pl(r):
    pw = password(r, "pl")
    return S("password", f"""Popraw proszę tę odpowiedź na zgłoszenie, żeby brzmiała bardziej profesjonalnie.

Zgłoszenie #4821 – Nowa skrzynka dla działu kadr
Status: Zamknięte

Dzień dobry Pani Agnieszko,
skrzynka kadry@piekarnia-zlotyklos.pl została utworzona. Dane do logowania w Outlooku:
login: kadry@piekarnia-zlotyklos.pl
hasło: {pw}
Proszę zmienić hasło po pierwszym logowaniu.
Pozdrawiam, Michał (IT)""",
             ("password", pw))


@tpl("email", "ru")
def email_outlook_vultr_ru(r):
    key = rs(r, UPALNUM, 36)
    return S("vultr_api_key", f"""Помоги ответить подрядчику: нужно вежливо сказать, что ключ API нельзя было присылать письмом и что мы его перевыпустим.

-----Исходное сообщение-----
От: Игорь Савельев <i.savelev@webstroy-studio.ru>
Отправлено: среда, 12 марта 2025 г. 18:05
Кому: Ольга Миронова
Тема: Доступ к Vultr для деплоя

Ольга, добрый вечер!
Для автоматического деплоя нам нужен доступ к вашему аккаунту Vultr. Я создал ключ в разделе Account → API, вот он: {key}
Ограничение по IP пока не ставил.

С уважением,
Игорь""",
             ("vultr_api_key", key))


@tpl("email", "uk")
def email_accountant_bank_uk(r):
    pw = password(r, "uk")
    return S("password", f"""Допоможи, будь ласка, написати бухгалтерці коротку відповідь: подякувати і попросити більше не надсилати паролі поштою.

Від: Наталія Гребенюк <n.grebeniuk@buh-servis.com.ua>
Кому: ФОП Ковальчук О. П.
Тема: Доступ до клієнт-банку

Доброго дня, Олександре!
Я налаштувала доступ до клієнт-банку для сплати податків. Логін — kovalchuk_fop, пароль — {pw}
Файловий ключ КЕП лежить у вас на флешці, його пароль я не знаю.
З повагою, Наталія""",
             ("password", pw))


@tpl("email", "ja")
def email_ppap_zip_password_ja(r):
    pw = rs(r, ALNUM, 12)
    return S("password", f"""取引先から届いたメールです。「PPAPは廃止します」と返信したいので、丁寧な文面を考えてもらえますか？

件名：【パスワード送付】見積書_2025年3月分.zip
株式会社みどり工務店
総務部 佐藤様

いつもお世話になっております。
株式会社サンライズ設備の田中でございます。

先ほどお送りいたしました添付ファイルのパスワードをお知らせいたします。

パスワード：{pw}

お手数ですがご確認のほどよろしくお願いいたします。""",
             ("password", pw))


@tpl("email", "ko")
def email_groupware_temp_ko(r):
    pw = password(r, "ko")
    return S("password", f"""아래 메일을 신입사원 안내문 형식으로 다시 써 줄 수 있을까요?

제목: [전산팀] 그룹웨어 계정 발급 안내
받는 사람: 김지우 사원

안녕하세요, 전산팀 박성민입니다.
그룹웨어(https://gw.hanbit-logis.co.kr) 계정이 발급되었습니다.
아이디: jwkim
임시 비밀번호: {pw}
최초 로그인 시 비밀번호를 반드시 변경해 주세요.
감사합니다.""",
             ("password", pw))


@tpl("email", "tr")
def email_postmark_token_tr(r):
    tok = uuid4(r)
    return S("postmark_server_token", f"""Bu e-posta zincirini özetler misin? Ayrıca ajansa token'ı e-postayla göndermenin neden riskli olduğunu kibarca anlatan bir cevap yazabilir misin?

Kimden: Emre Yılmaz <emre@dijitalkare.com.tr>
Tarih: 7 Mart 2025 Cuma 11:26
Kime: Selin Aydın
Konu: Ynt: Sipariş e-postaları gitmiyor

Selin Hanım merhaba,
Sorun Postmark tarafındaymış. Sunucu token'ını yeniledim, yenisi bu: {tok}
Sitedeki ayarlara ben girdim, test siparişi başarılı.
İyi çalışmalar,
Emre""",
             ("postmark_server_token", tok))


@tpl("email", "en")
def email_contractor_pusher_en(r):
    app_id = digits(r, 7)
    key = hexs(r, 20)
    sec = hexs(r, 20)
    return S("pusher_app_secret", f"""Can you help me reply to this contractor? I want to thank him and ask him to move the values into our secrets manager instead of email.

On Tue, 18 Feb 2025 at 09:12, Luca Moretti <luca@morettistudio.dev> wrote:
> Hey team,
> Realtime notifications are live on staging. For prod I created a separate Pusher Channels app:
> app_id = "{app_id}"
> key = "{key}"
> secret = "{sec}"
> cluster = "eu"
> The key is fine in the frontend bundle, the secret only belongs on the server.
> Cheers, Luca""",
             ("pusher_app_secret", sec))


@tpl("email", "en")
def email_ably_root_key_en(r):
    key = "%s.%s:%s" % (rs(r, B64URL, 6), rs(r, B64URL, 6), rs(r, B64URL, 43))
    return S("ably_api_key", f"""Please rewrite this email so it's clearer for a non-technical client. Keep the technical bits at the bottom.

Subject: Re: Live scoreboard – go-live checklist

Hi Aisha,

Quick update: the scoreboard now pushes scores through Ably. On your side nothing changes, but for your IT team, the publisher service uses this API key (root capability, we'll scope it down next sprint):

ABLY_API_KEY={key}

Let me know if the Saturday match goes smoothly.

Best,
Tom Reyes
Reyes Digital""",
             ("ably_api_key", key))


@tpl("email", "en")
def email_reset_self_service_en(r):
    return N("reset_notice", """Can you shorten this reply chain into one clean email I can send to the whole office?

-----Original Message-----
From: IT Support <itsupport@fairbanks-legal.com>
Sent: Monday, January 13, 2025 8:02 AM
To: All Staff
Subject: Password expiry this week

Good morning,

Windows passwords for all staff expire on Friday. Please change yours before then using the self-service portal at https://passwordreset.microsoftonline.com (you'll need your Authenticator app). IT will never ask you for your password by email or phone.

Thanks,
IT Support""")


@tpl("email", "ja")
def email_ppap_separate_ja(r):
    return N("out_of_band_notice", """このメールをもう少し簡潔に書き直してもらえますか？

件名：契約書データ送付の件
株式会社あおば物産
法務部 山本様

いつも大変お世話になっております。
ご依頼の契約書ドラフトを添付にてお送りいたします。
なお、セキュリティの観点から、ファイルのパスワードは本メールには記載せず、別途お電話にてお伝えいたします。

何卒よろしくお願い申し上げます。""")


@tpl("email", "id")
def email_invoice_virtual_account_id(r):
    va = "8808" + digits(r, 12, lead=False)
    inv = "INV/2025/03/" + digits(r, 4)
    npwp = "%s.%s.%s.%s-%s.%s" % (digits(r, 2), digits(r, 3, False), digits(r, 3, False), digits(r, 1, False), digits(r, 3, False), digits(r, 3, False))
    return N("account_number", f"""Tolong bantu saya membalas email ini dengan sopan, saya mau konfirmasi bahwa pembayaran sudah dilakukan.

Dari: Finance PT Sinar Nusantara <finance@sinarnusantara.co.id>
Perihal: Tagihan {inv}

Yth. Bapak/Ibu,
Bersama ini kami sampaikan tagihan {inv} sebesar Rp 12.450.000.
Pembayaran dapat dilakukan melalui Virtual Account BCA: {va}
NPWP: {npwp}
Terima kasih atas kerja samanya.
Hormat kami,
Dewi Lestari""")


@tpl("email", "en")
def email_helpdesk_macro_placeholder_en(r):
    return N("placeholder", """This is our Zendesk macro for account unlocks. Customers say it sounds robotic. Can you make it warmer without breaking the placeholders?

Hi {{ticket.requester.first_name}},

Thanks for reaching out! We've unlocked your account for {{ticket.organization.name}}.

Your temporary password is: {{dc.temp_password_placeholder}}

You'll be asked to choose a new one the first time you sign in.

Best,
{{current_user.first_name}} from the Support team""")


@tpl("email", "de")
def email_phishing_forward_de(r):
    return N("no_credential", """Ist diese Mail echt? Ein Kollege hat sie mir weitergeleitet, sie kam angeblich von Microsoft.

---------- Weitergeleitete Nachricht ---------
Von: Microsoft 365 Team <no-reply@m365-kontoservice.info>
Betreff: Ihr Postfach ist fast voll – Aktion erforderlich

Sehr geehrter Benutzer,
Ihr Postfach hat 99 % des Speichers erreicht. Um Datenverlust zu vermeiden, bestätigen Sie bitte innerhalb von 24 Stunden Ihr Kennwort über den folgenden Link:
https://m365-kontoservice.info/verify?user=j.hartmann
Ihr Microsoft-Team""")


@tpl("email", "fr")
def email_forward_masked_fr(r):
    return N("redacted", """J'ai masqué les infos sensibles avant de coller. Tu peux me dire si ce prestataire a bien fait les choses ?

-------- Message transféré --------
Sujet : Mise en place de la messagerie
Date : 03/03/2025 10:12
De : Support Hébergement <support@hebergeur-pro.fr>
Pour : contact@boulangerie-lefevre.fr

Bonjour,
Votre boîte contact@boulangerie-lefevre.fr est active.
Serveur IMAP : imap.hebergeur-pro.fr (993, SSL)
Identifiant : contact@boulangerie-lefevre.fr
Mot de passe : ********** [masqué par moi]
Cordialement""")


@tpl("email", "es")
def email_rotation_notice_es(r):
    return N("rotation_notice", """¿Puedes traducir este correo al inglés para el equipo de Lisboa?

Asunto: Rotación de la clave de API de pagos

Hola a todos:
Esta mañana hemos rotado la clave secreta de la pasarela de pagos. La anterior quedó revocada a las 09:30 y ya no funciona. La nueva se ha cargado directamente en el almacén de secretos y las aplicaciones la leen desde allí, así que no hay que tocar nada en los servidores.
Si veis errores 401 en los logs, avisad en #pagos.
Un saludo,
Marta (Seguridad)""")


@tpl("email", "en")
def email_registrar_dkim_en(r):
    p = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + rs(r, B64, 300) + "IDAQAB"
    return N("public_key", f"""Our registrar sent this. Which record do I need to add to Cloudflare, and does the long value go in quotes?

Subject: Action needed: DKIM setup for ridgeline-outdoors.com

Hello,
To finish setting up email authentication, please publish the following TXT record:

Name: google._domainkey.ridgeline-outdoors.com
Value: v=DKIM1; k=rsa; p={p}

Regards,
Domain Support""")


@tpl("email", "pl")
def email_ticket_reset_pl(r):
    return N("reset_notice", """Czy mógłbyś skrócić tę odpowiedź z helpdesku do dwóch zdań?

Zgłoszenie #5107 – Nie mogę zalogować się do systemu kadrowego
Status: Rozwiązane

Dzień dobry,
zresetowaliśmy hasło do Pani konta w systemie Symfonia Kadry. Przy najbliższym logowaniu system poprosi o ustawienie nowego hasła – tymczasowego hasła nie wysyłamy mailem, wystarczy kliknąć „Nie pamiętam hasła” i potwierdzić kodem SMS.
Pozdrawiamy,
Dział IT""")


@tpl("email", "ru")
def email_smime_thumbprint_ru(r):
    thumb = " ".join(rs(r, UHEX, 2) for _ in range(20))
    serial = rs(r, UHEX, 32)
    return N("hash", f"""Объясни, пожалуйста, простыми словами, что мне пишет безопасник и что я должна сделать.

Тема: Проверка сертификата электронной подписи почты

Добрый день, Анна!
Ваш новый сертификат S/MIME выпущен. Перед первым использованием сверьте отпечаток в Outlook (Файл → Параметры → Центр управления безопасностью):
Отпечаток (SHA-1): {thumb}
Серийный номер: {serial}
Закрытый ключ хранится только на вашем токене Рутокен, никому его не передавайте.
С уважением, отдел ИБ""")


@tpl("email", "ko")
def email_password_policy_ko(r):
    return N("password_policy", """사내 공지 메일인데 너무 딱딱해요. 좀 더 부드럽게 바꿔 줄 수 있나요?

제목: [정보보안팀] 비밀번호 정책 변경 안내

임직원 여러분, 4월 1일부터 사내 시스템 비밀번호 정책이 아래와 같이 변경됩니다.
- 최소 12자 이상, 영문 대소문자·숫자·특수문자 중 3종류 이상 조합
- 90일마다 변경, 직전 5개 비밀번호 재사용 금지
- 5회 연속 실패 시 계정 잠금(30분)
비밀번호는 메신저나 메일로 공유하지 마시기 바랍니다.""")


@tpl("email", "en")
def email_headers_message_ids_en(r):
    mid = "<%s@%s.eurprd04.prod.outlook.com>" % (rs(r, UPALNUM, 36), rs(r, UPALNUM, 12))
    net = uuid4(r)
    corr = uuid4(r)
    return N("request_id", f"""This email went to spam at the client. Here are the headers, can you tell me why?

Message-ID: {mid}
X-MS-Exchange-Organization-Network-Message-Id: {net}
X-MS-Exchange-CrossTenant-Id: {uuid4(r)}
X-Correlation-ID: {corr}
Authentication-Results: spf=pass (sender IP is 40.107.22.91) smtp.mailfrom=orbitlabs.io; dkim=none (message not signed) header.d=none; dmarc=fail action=quarantine header.from=orbitlabs.io
X-Forefront-Antispam-Report: CIP:40.107.22.91;CTRY:IE;LANG:en;SCL:5;SRV:;IPV:NLI""")


@tpl("email", "nl")
def email_dmarc_report_nl(r):
    rid = digits(r, 20)
    return N("identifier", f"""We krijgen elke dag zo'n DMARC-rapport binnen. Kun je uitleggen wat dit betekent en of er iets mis is?

<feedback>
  <report_metadata>
    <org_name>google.com</org_name>
    <email>noreply-dmarc-support@google.com</email>
    <report_id>{rid}</report_id>
    <date_range><begin>1741046400</begin><end>1741132799</end></date_range>
  </report_metadata>
  <policy_published><domain>bakkerij-jansen.nl</domain><p>none</p><pct>100</pct></policy_published>
  <record>
    <row><source_ip>185.45.113.20</source_ip><count>14</count>
      <policy_evaluated><disposition>none</disposition><dkim>fail</dkim><spf>pass</spf></policy_evaluated></row>
  </record>
</feedback>""")


@tpl("email", "tr")
def email_password_hint_tr(r):
    return N("password_hint", """Annem bu e-postayı kendine not olarak göndermiş, şimdi şifreyi hatırlamıyor. Bu ipucundan yola çıkarak hesabını kurtarmak için ne yapabiliriz, bankayı mı aramalıyız?

Konu: not - internet bankacılığı
Şifre ipucu: kızlık soyadımın ilk üç harfi + Elif'in doğum yılı + bir ünlem
Müşteri numarası kartın arkasında yazıyor.""")


# --------------------------------------------------------------- lowcode ---

@tpl("lowcode", "en")
def lc_zapier_webhook_airtable_en(r):
    pat = "pat" + rs(r, ALNUM, 14) + "." + hexs(r, 64)
    return S("airtable_pat", f"""My Zap fails at step 3 with "422 INVALID_REQUEST_UNKNOWN". Here's the step config copied from the Zap editor. What's wrong with the body?

Step 3: Webhooks by Zapier – Custom Request
Method: POST
URL: https://api.airtable.com/v0/appQ3kd9Lh2TzWp1v/Leads
Data Pass-Through?: False
Data:
{{"records": [{{"fields": {{"Name": "{{{{1.name}}}}", "Email": "{{{{1.email}}}}", "Source": "Typeform"}}}}]}}
Unflatten: yes
Headers:
  Authorization | Bearer {pat}
  Content-Type | application/json""",
             ("airtable_pat", pat))


@tpl("lowcode", "en")
def lc_make_blueprint_contentful_en(r):
    tok = "CFPAT-" + rs(r, B64URL, 43)
    return S("contentful_management_token", f"""Our Make scenario (ex-Integromat) should push blog posts from Google Docs into Contentful, but the HTTP module returns 422. This is the module from the exported blueprint, our content is German so the locale is de-DE. Do you see the mistake?

{{
  "id": 4,
  "module": "http:ActionSendData",
  "version": 3,
  "mapper": {{
    "url": "https://api.contentful.com/spaces/x7q2m1k9pz3a/environments/master/entries",
    "method": "post",
    "headers": [
      {{"name": "Authorization", "value": "Bearer {tok}"}},
      {{"name": "X-Contentful-Content-Type", "value": "blogPost"}}
    ],
    "bodyType": "raw",
    "contentType": "application/json",
    "data": "{{\\"fields\\": {{\\"title\\": {{\\"de-DE\\": \\"{{{{2.title}}}}\\"}}}}}}"
  }}
}}""",
             ("contentful_management_token", tok))


@tpl("lowcode", "en")
def lc_n8n_http_algolia_en(r):
    app = rs(r, UPALNUM, 10)
    key = hexs(r, 32)
    return S("algolia_admin_key", f"""In n8n, my HTTP Request node that updates our Algolia index ("produits", it's a French shop) returns "Method not allowed with this API key". Here's the node JSON copied from the editor. What's wrong?

{{
  "parameters": {{
    "method": "POST",
    "url": "=https://{app}-dsn.algolia.net/1/indexes/produits/batch",
    "sendHeaders": true,
    "headerParameters": {{
      "parameters": [
        {{"name": "X-Algolia-Application-Id", "value": "{app}"}},
        {{"name": "X-Algolia-API-Key", "value": "{key}"}}
      ]
    }},
    "sendBody": true,
    "specifyBody": "json",
    "jsonBody": "={{{{ JSON.stringify({{requests: $json.items}}) }}}}"
  }},
  "name": "Algolia batch",
  "type": "n8n-nodes-base.httpRequest",
  "typeVersion": 4.2
}}""",
             ("algolia_admin_key", key))


@tpl("lowcode", "en")
def lc_power_automate_http_trigger_en(r):
    wf = hexs(r, 32)
    sig = rs(r, B64URL, 43)
    url = ("https://prod-%d.westeurope.logic.azure.com:443/workflows/%s/triggers/manual/paths/invoke"
           "?api-version=2016-06-01&sp=%%2Ftriggers%%2Fmanual%%2Frun&sv=1.0&sig=%s" % (r.randrange(10, 80), wf, sig))
    return S("logic_app_signature", f"""I built a Power Automate flow with "When a HTTP request is received" so our website form can post to it. From Postman it works, from the site I get a CORS error. Here's the trigger URL and the fetch call:

const FLOW_URL = "{url}";

await fetch(FLOW_URL, {{
  method: "POST",
  headers: {{ "Content-Type": "application/json" }},
  body: JSON.stringify({{ name, email, message }})
}});""",
             ("logic_app_signature", sig))


@tpl("lowcode", "es")
def lc_ifttt_webhook_es(r):
    key = rs(r, B64URL, 22)
    return S("ifttt_webhook_key", f"""Tengo un applet de IFTTT que enciende la luz del salón cuando llamo a un webhook. Desde el navegador funciona, pero desde el atajo del iPhone no hace nada. Esta es la URL que puse en el atajo:

https://maker.ifttt.com/trigger/luz_salon_on/with/key/{key}?value1=80

¿Hay que usar POST en vez de GET? ¿Cómo paso el brillo?""",
             ("ifttt_webhook_key", key))


@tpl("lowcode", "en")
def lc_retool_postgres_resource_en(r):
    pw = password(r, "en")
    return S("password", f"""Retool says "connection terminated unexpectedly" when I test this resource. These are the values I typed into the PostgreSQL resource form:

Name: Orders DB (prod read replica)
Host: orders-replica.c9akcl2xq0fv.eu-west-2.rds.amazonaws.com
Port: 5432
Database name: orders
Database username: retool_readonly
Database password: {pw}
Connect using SSL: off
Outbound region: EU

The RDS security group allows Retool's IPs. What else could it be?""",
             ("password", pw))


@tpl("lowcode", "en")
def lc_appsmith_plaid_en(r):
    cid = hexs(r, 24)
    sec = hexs(r, 30)
    return S("plaid_secret", f"""In Appsmith I created an API "CriarLinkToken" for Plaid, but the response is "INVALID_API_KEYS". Here's the body I configured. Is it right to use the production environment?

POST https://production.plaid.com/link/token/create
Headers: Content-Type: application/json
Body:
{{
  "client_id": "{cid}",
  "secret": "{sec}",
  "client_name": "Finanças Casa Verde",
  "country_codes": ["US"],
  "language": "en",
  "user": {{ "client_user_id": "{{{{appsmith.user.email}}}}" }},
  "products": ["transactions"]
}}""",
             ("plaid_secret", sec))


@tpl("lowcode", "en")
def lc_apps_script_chatwork_en(r):
    tok = hexs(r, 32)
    return S("chatwork_api_token", f"""I wrote an Apps Script that posts Google Form answers to our team's Chatwork room (we're a small office in Osaka), but it returns "Invalid API Token". What's wrong?

function onFormSubmit(e) {{
  const token = '{tok}';
  const roomId = '318422907';
  const body = '[info][title]新しい問い合わせ[/title]' + e.values.join('\\n') + '[/info]';
  UrlFetchApp.fetch('https://api.chatwork.com/v2/rooms/' + roomId + '/messages', {{
    method: 'post',
    headers: {{ 'X-ChatWorkToken': token }},
    payload: {{ body: body }}
  }});
}}""",
             ("chatwork_api_token", tok))


@tpl("lowcode", "en")
def lc_excel_vba_adodb_en(r):
    pw = password(r, "en", syms="!@%*-_+?")
    return S("password", f"""This Excel macro used to refresh our stock report from SQL Server. Since IT moved the database it errors with "Login failed for user". Can you also make it close the connection properly?

Sub RefreshStock()
    Dim cn As Object, rs As Object
    Set cn = CreateObject("ADODB.Connection")
    cn.Open "Provider=MSOLEDBSQL;Server=SQL-WH02\\STOCK;Database=Warehouse;" & _
            "User ID=excel_report;Password={pw};Encrypt=yes;TrustServerCertificate=yes"
    Set rs = cn.Execute("SELECT sku, description, qty_on_hand FROM dbo.v_stock ORDER BY sku")
    Sheets("Stock").Range("A2").CopyFromRecordset rs
End Sub""",
             ("password", pw))


@tpl("lowcode", "ko")
def lc_power_query_asana_ko(r):
    tok = "2/%s/%s:%s" % (digits(r, 16), digits(r, 16), hexs(r, 32))
    return S("asana_pat", f"""Power BI에서 Asana 작업 목록을 가져오는 Power Query를 만들었는데, 새로 고침하면 "자격 증명이 필요합니다"라고 나와요. 코드 좀 봐 주세요.

let
    Token = "{tok}",
    Source = Json.Document(
        Web.Contents("https://app.asana.com/api/1.0/projects/1207719364512870/tasks",
            [Headers = [Authorization = "Bearer " & Token],
             Query = [opt_fields = "name,assignee.name,due_on,completed"]])),
    Data = Source[data],
    Result = Table.FromRecords(Data)
in
    Result""",
             ("asana_pat", tok))


@tpl("lowcode", "en")
def lc_autohotkey_hotstring_en(r):
    pw = password(r, "en", syms="!@*-_?")
    return S("password", f"""My AutoHotkey v1 script stopped typing the last character of my password since I upgraded to v2. How do I convert it?

#SingleInstance Force
; type the SAP GUI login quickly
::sapl::
SendRaw, {pw}
Send, {{Enter}}
return

^!n::Run, notepad.exe""",
             ("password", pw))


@tpl("lowcode", "zh")
def lc_tasker_wecom_webhook_zh(r):
    key = uuid4(r)
    return S("wecom_webhook_key", f"""我用 Tasker 做了一个任务：手机收到快递短信时，自动转发到企业微信群机器人。现在一直返回 errcode 93000，帮我看看哪里不对？

任务：转发快递短信
A1: HTTP Request
    Method: POST
    URL: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={key}
    Headers: Content-Type:application/json
    Body: {{"msgtype":"text","text":{{"content":"%SMSRB"}}}}
    Timeout (Seconds): 30""",
             ("wecom_webhook_key", key))


@tpl("lowcode", "vi")
def lc_zapier_code_dropbox_vi(r):
    tok = "sl.B" + rs(r, B64URL, 136)
    return S("dropbox_access_token", f"""Bước "Code by Zapier" của mình bị lỗi "expired_access_token" sau vài tiếng. Mình dán code dưới đây, làm sao để không phải dán token mới mỗi ngày?

const DROPBOX_TOKEN = "{tok}";
const res = await fetch("https://content.dropboxapi.com/2/files/upload", {{
  method: "POST",
  headers: {{
    "Authorization": "Bearer " + DROPBOX_TOKEN,
    "Dropbox-API-Arg": JSON.stringify({{ path: "/HoaDon/" + inputData.fileName, mode: "add" }}),
    "Content-Type": "application/octet-stream"
  }},
  body: inputData.fileContent
}});
output = {{ status: res.status }};""",
             ("dropbox_access_token", tok))


@tpl("lowcode", "id")
def lc_n8n_docker_env_id(r):
    pw = password(r, "id", syms="!@%*-_+?")
    enc = rs(r, ALNUM, 32)
    return S("password", f"""Saya pasang n8n pakai Docker di VPS. Setelah update ke versi baru, semua kredensial hilang dan muncul error "Credentials could not be decrypted". Ini file .env saya, apa yang salah?

N8N_HOST=otomasi.tokokainbatik.id
N8N_PROTOCOL=https
N8N_BASIC_AUTH_ACTIVE=true
N8N_BASIC_AUTH_USER=admin
N8N_BASIC_AUTH_PASSWORD={pw}
N8N_ENCRYPTION_KEY={enc}
GENERIC_TIMEZONE=Asia/Jakarta
WEBHOOK_URL=https://otomasi.tokokainbatik.id/""",
             ("password", pw), ("n8n_encryption_key", enc))


@tpl("lowcode", "tr")
def lc_make_basic_auth_tr(r):
    user = "entegrasyon"
    pw = password(r, "tr", syms="!@%*-_+?")
    basic = base64.b64encode(("%s:%s" % (user, pw)).encode()).decode()
    return S("basic_auth_credentials", f"""Make'te Logo Tiger'ın REST servisine istek atan bir HTTP modülüm var. 401 alıyorum. Header'ı şöyle girdim, Basic auth doğru mu kodlanmış?

URL: https://erp.ozkanmobilya.com.tr:8443/api/v1/salesOrders
Method: GET
Headers:
  Authorization: Basic {basic}
  Accept: application/json
Parse response: Yes""",
             ("basic_auth_credentials", basic))


@tpl("lowcode", "en")
def lc_airtable_script_zoom_en(r):
    acc = rs(r, B64URL, 22)
    cid = rs(r, B64URL, 22)
    sec = rs(r, ALNUM, 32)
    return S("zoom_client_secret", f"""This Airtable automation script should create a Zoom meeting for each new booking but I get "Invalid client_id or client_secret". Did I build the token request wrong?

const accountId = "{acc}";
const clientId = "{cid}";
const clientSecret = "{sec}";

let auth = btoa(clientId + ":" + clientSecret);
let tokenRes = await fetch(
  "https://zoom.us/oauth/token?grant_type=account_credentials&account_id=" + accountId,
  {{ method: "POST", headers: {{ Authorization: "Basic " + auth }} }}
);
let {{ access_token }} = await tokenRes.json();
output.set("token", access_token ? "ok" : "missing");""",
             ("zoom_client_secret", sec))


@tpl("lowcode", "en")
def lc_zapier_connected_account_en(r):
    return N("secret_reference", """Why does my Zap say "The app returned 'Unauthorized'" only for some runs? Here's the step summary:

Step 2: Airtable – Find Record
  Account: Airtable #3 (ops@lumenbakery.com) – connected 14 Jan 2024
  Base: Orders 2024
  Table: Wholesale
  Search by Field: Order ID
  Search Value: {{1__order_id}}
Step 3: Gmail – Send Email
  Account: Gmail (orders@lumenbakery.com) – reconnect required

Zapier stores both accounts under "My Apps"; I never typed a key anywhere.""")


@tpl("lowcode", "de")
def lc_n8n_credentials_reference_de(r):
    return N("secret_reference", """Ich habe einen n8n-Workflow exportiert, um ihn auf eine andere Instanz zu importieren. Werden dabei die Zugangsdaten mit übertragen? Hier der relevante Teil:

{
  "name": "Shopify Bestellungen → Lexoffice",
  "nodes": [
    {
      "name": "Shopify Trigger",
      "type": "n8n-nodes-base.shopifyTrigger",
      "credentials": {
        "shopifyAccessTokenApi": { "id": "7", "name": "Shopify Admin (Live)" }
      }
    },
    {
      "name": "HTTP Request",
      "type": "n8n-nodes-base.httpRequest",
      "credentials": {
        "httpHeaderAuth": { "id": "12", "name": "Lexoffice API-Key" }
      }
    }
  ]
}""")


@tpl("lowcode", "fr")
def lc_power_automate_secure_inputs_fr(r):
    return N("redacted", """Mon flux Power Automate échoue à l'action HTTP, mais je ne vois pas ce qui est envoyé. Voici ce que j'obtiens dans l'historique d'exécution :

Action : HTTP – Créer facture Pennylane
Statut : Échec (401)
Entrées
  Méthode : POST
  URI : https://app.pennylane.com/api/external/v1/customer_invoices
  En-têtes : {"Authorization": "*** Entrées sécurisées ***"}
  Corps : Le contenu n'est pas affiché car les entrées sécurisées sont activées.

Comment afficher la requête pour déboguer sans exposer la clé ?""")


@tpl("lowcode", "en")
def lc_apps_script_properties_en(r):
    return N("secret_reference", """I moved the Holded API key into script properties like you suggested. Is this OK now, or can people with edit access to the sheet read it?

function sincronizarFacturas() {
  const props = PropertiesService.getScriptProperties();
  const apiKey = props.getProperty('HOLDED_API_KEY');
  const resp = UrlFetchApp.fetch('https://api.holded.com/api/invoicing/v1/documents/invoice', {
    headers: { key: apiKey },
    muteHttpExceptions: true
  });
  Logger.log(resp.getResponseCode());
}""")


@tpl("lowcode", "pt")
def lc_vba_inputbox_prompt_pt(r):
    return N("password_prompt", """Esta macro pede a senha do banco de dados toda vez. Tem como mascarar o que o usuário digita no InputBox?

Sub AtualizarVendas()
    Dim senha As String
    senha = InputBox("Digite a senha do banco de dados VENDAS:", "Autenticação")
    If senha = "" Then Exit Sub
    Dim cn As Object
    Set cn = CreateObject("ADODB.Connection")
    cn.Open "Driver={MySQL ODBC 8.0 Unicode Driver};Server=10.1.0.12;Database=vendas;User=relatorio;Password=" & senha & ";"
    ' ...
End Sub""")


@tpl("lowcode", "en")
def lc_power_query_current_credential_en(r):
    return N("secret_reference", """I'm writing a custom Power Query connector for our internal API. Is this the right way to get the key the user typed in the "Data source settings" dialog?

[DataSource.Kind="FleetApi", Publish="FleetApi.Publish"]
shared FleetApi.Contents = (url as text) =>
    let
        apiKey = Extension.CurrentCredential()[Key],
        source = Web.Contents(url, [Headers = [#"X-Api-Key" = apiKey]]),
        json = Json.Document(source)
    in
        json;

FleetApi = [ Authentication = [ Key = [] ], Label = "Fleet API" ];""")


@tpl("lowcode", "ja")
def lc_ahk_credential_manager_ja(r):
    return N("secret_reference", """AutoHotkey v2で、パスワードをスクリプトに直書きせずWindowsの資格情報マネージャーから読むようにしました。これで安全になっていますか？

#Requires AutoHotkey v2.0
#Include CredRead.ahk   ; CredReadW を DllCall するラッパー

^!l:: {
    cred := CredRead("kintai-system")
    if !cred {
        MsgBox "資格情報が見つかりません"
        return
    }
    Send "{Text}" cred.password
    Send "{Enter}"
}""")


@tpl("lowcode", "ko")
def lc_ifttt_placeholder_ko(r):
    return N("placeholder", """블로그 튜토리얼을 따라 하고 있는데, IFTTT 웹훅 URL이 아래처럼 되어 있어요. 어디에 무엇을 넣어야 하나요?

https://maker.ifttt.com/trigger/{이벤트_이름}/with/key/{여기에_본인_키_입력}

튜토리얼에는 "Webhooks 서비스의 Documentation 페이지에서 키를 확인하세요"라고만 적혀 있어요.""")


@tpl("lowcode", "zh")
def lc_make_scenario_ids_zh(r):
    sid = digits(r, 7)
    conn = digits(r, 7)
    team = digits(r, 6)
    hook = digits(r, 6)
    return N("identifier", f"""Make 的场景每次执行到第三个模块就报错 "Connection not found"。下面是场景详情页上能看到的信息，帮我分析一下可能的原因：

场景 ID：{sid}
团队 ID：{team}
组织区域：eu1.make.com
模块 3：Google Sheets - Add a Row
  连接：My Google Restricted connection（ID {conn}，已失效）
触发器：自定义 Webhook（ID {hook}）
最近一次执行：2025-03-14 09:12:55，状态：警告""")


@tpl("lowcode", "vi")
def lc_retool_config_vars_vi(r):
    return N("secret_reference", """Trong Retool mình dùng configuration variable cho khóa Stripe như dưới. Mình muốn chắc là khóa không lộ ra trình duyệt, bạn xem giúp:

Resource: Stripe REST API
Base URL: https://api.stripe.com/v1
Authentication: Bearer token
Token: {{ retoolContext.configVars.STRIPE_SECRET_KEY }}
(Biến STRIPE_SECRET_KEY được đánh dấu "Secret" trong Settings → Configuration variables)""")


@tpl("lowcode", "id")
def lc_tasker_mqtt_ids_id(r):
    dev = uuid4(r)
    mac = ":".join(rs(r, UHEX, 2) for _ in range(6))
    return N("identifier", f"""Profil Tasker saya harusnya mengirim status baterai ke broker MQTT di rumah, tapi tidak pernah sampai. Ini detail profilnya (kata sandi broker disimpan di plugin, tidak saya tulis di sini):

Profil: Baterai < 20%
Tugas: Kirim MQTT
  Plugin: MQTT Client
  Topik: rumah/hp-ayu/baterai
  Payload: %BATT
  QoS: 1
  Client ID: tasker-{dev}
  MAC ponsel: {mac}""")


@tpl("lowcode", "en")
def lc_airtable_ids_en(r):
    app = "app" + rs(r, ALNUM, 14)
    tbl = "tbl" + rs(r, ALNUM, 14)
    viw = "viw" + rs(r, ALNUM, 14)
    recs = ", ".join("rec" + rs(r, ALNUM, 14) for _ in range(3))
    return N("identifier", f"""My Airtable script's `table.selectRecordsAsync` returns nothing. Are these IDs from the URL the right ones to use?

Base ID: {app}
Table ID: {tbl}
View ID: {viw}
Sample record IDs: {recs}

The script runs as an automation inside the same base, so there's no token involved.""")


@tpl("lowcode", "tr")
def lc_power_automate_connection_reference_tr(r):
    return N("secret_reference", """Power Automate akışını test ortamından canlıya taşımak için çözüm (solution) olarak dışa aktardım. Canlıda içe aktarırken bağlantılar ne olacak? İşte solution.xml içinden bir parça:

<connectionreference connectionreferencelogicalname="cr1a2_sharedsharepointonline_9f3e1">
  <connectionreferencedisplayname>SharePoint - Satış Belgeleri</connectionreferencedisplayname>
  <connectorid>/providers/Microsoft.PowerApps/apis/shared_sharepointonline</connectorid>
  <iscustomizable>1</iscustomizable>
  <statecode>0</statecode>
</connectionreference>""")


@tpl("lowcode", "en")
def lc_apps_script_digest_en(r):
    digest = hexs(r, 64)
    return N("hash", f"""I use this Apps Script to detect if a sheet changed since the last run. It logs the SHA-256 below every time even when nothing changed. Why?

function checksum() {{
  const values = SpreadsheetApp.getActive().getSheetByName('Prices').getDataRange().getValues();
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, JSON.stringify(values));
  const hex = bytes.map(b => ('0' + (b & 0xff).toString(16)).slice(-2)).join('');
  Logger.log(hex);
}}

Log output:
09:00:01 Info {digest}
10:00:02 Info {digest}""")


# ------------------------------------------------------------------ lang ---

@tpl("lang", "en")
def lang_perl_dbi_en(r):
    pw = password(r, "en")
    return S("password", f"""This old Perl script started dying with "DBI connect failed: SCRAM authentication requires libpq version 10 or above". We can't upgrade the box this week. Any workaround?

#!/usr/bin/perl
use strict;
use warnings;
use DBI;

my $dbh = DBI->connect(
    "dbi:Pg:dbname=inventory;host=pg-legacy.lab.internal;port=5432",
    'inv_report', '{pw}',
    {{ RaiseError => 1, AutoCommit => 1, pg_enable_utf8 => 1 }}
) or die $DBI::errstr;

my $sth = $dbh->prepare("SELECT sku, qty FROM stock WHERE qty < ?");
$sth->execute(5);""",
             ("password", pw))


@tpl("lang", "en")
def lang_lua_openresty_redis_en(r):
    pw = password(r, "en")
    return S("password", f"""OpenResty rate limiter: after moving Redis to a managed instance every request logs "failed to authenticate: WRONGPASS invalid username-password pair". The password is right, I copied it from the console. What am I missing?

local redis = require "resty.redis"
local red = redis:new()
red:set_timeouts(1000, 1000, 1000)

local ok, err = red:connect("10.18.4.7", 6379)
if not ok then
    ngx.log(ngx.ERR, "failed to connect: ", err)
    return ngx.exit(500)
end

local res, err = red:auth("{pw}")
if not res then
    ngx.log(ngx.ERR, "failed to authenticate: ", err)
    return ngx.exit(500)
end""",
             ("password", pw))


@tpl("lang", "en")
def lang_elixir_prod_config_en(r):
    pw = password(r, "en")
    skb = rs(r, ALNUM + "+/", 64)
    return S("password", f"""My Phoenix release crashes on boot with "(DBConnection.ConnectionError) tcp connect (db.internal:5432): non-existing domain". Here's config/prod.exs – is the hostname being read at compile time?

import Config

config :marketplace, Marketplace.Repo,
  username: "marketplace",
  password: "{pw}",
  hostname: "db.internal",
  database: "marketplace_prod",
  pool_size: 15

config :marketplace, MarketplaceWeb.Endpoint,
  url: [host: "shop.tidepool.market", port: 443],
  secret_key_base: "{skb}",
  server: true""",
             ("password", pw), ("phoenix_secret_key_base", skb))


@tpl("lang", "de")
def lang_erlang_rabbitmq_cookie_de(r):
    pw = password(r, "de")
    cookie = rs(r, UP, 20)
    return S("erlang_cookie", f"""Unser dritter RabbitMQ-Knoten will dem Cluster nicht beitreten („Authentication failed (rejected by the remote node), please check the Erlang cookie“). Ich habe das Cookie von Knoten 1 kopiert. Hier die Konfiguration und das Cookie – siehst du einen Unterschied?

% /etc/rabbitmq/advanced.config
[
 {{rabbit, [
   {{default_user, <<"mq_admin">>}},
   {{default_pass, <<"{pw}">>}},
   {{cluster_nodes, {{['rabbit@mq01', 'rabbit@mq02', 'rabbit@mq03'], disc}}}}
 ]}}
].

root@mq01:~# cat /var/lib/rabbitmq/.erlang.cookie
{cookie}
root@mq03:~# ls -l /var/lib/rabbitmq/.erlang.cookie
-rw-r--r-- 1 root root 20 Mar 12 09:41 /var/lib/rabbitmq/.erlang.cookie""",
             ("erlang_cookie", cookie), ("password", pw))


@tpl("lang", "en")
def lang_haskell_postgres_en(r):
    pw = password(r, "en")
    return S("password", f"""Learning Haskell with a small reporting tool. GHC complains "Couldn't match type '[Char]' with 'Text'" in this record. How do I fix it without OverloadedStrings everywhere?

import Database.PostgreSQL.Simple

connInfo :: ConnectInfo
connInfo = defaultConnectInfo
  {{ connectHost     = "pg.reporting.lan"
  , connectPort     = 5432
  , connectUser     = "report_reader"
  , connectPassword = "{pw}"
  , connectDatabase = "sales"
  }}

main :: IO ()
main = do
  conn <- connect connInfo
  [Only n] <- query_ conn "select count(*) from orders" :: IO [Only Int]
  print n""",
             ("password", pw))


@tpl("lang", "en")
def lang_scala_kafka_confluent_en(r):
    key = rs(r, UPALNUM, 16)
    sec = rs(r, ALNUM + "+/", 64)
    return S("confluent_api_secret", f"""My Scala Kafka producer can't connect to Confluent Cloud: "SaslAuthenticationException: Authentication failed". Here's the config, can you spot the error?

import java.util.Properties
import org.apache.kafka.clients.producer.KafkaProducer

val props = new Properties()
props.put("bootstrap.servers", "pkc-4r297.europe-west1.gcp.confluent.cloud:9092")
props.put("security.protocol", "SASL_SSL")
props.put("sasl.mechanism", "PLAIN")
props.put("sasl.jaas.config",
  "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"{key}\\" password=\\"{sec}\\";")
props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer")
props.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer")

val producer = new KafkaProducer[String, String](props)""",
             ("confluent_api_key", key), ("confluent_api_secret", sec))


@tpl("lang", "en")
def lang_dart_supabase_service_role_en(r):
    ref = rs(r, LO, 20)
    key = jwt(r, {"alg": "HS256", "typ": "JWT"},
              {"iss": "supabase", "ref": ref, "role": "service_role",
               "iat": 1718000000 + r.randrange(0, 9000000), "exp": 2033000000 + r.randrange(0, 9000000)})
    return S("supabase_service_role_key", f"""In my Flutter app RLS is enabled on the "pedidos" table, but any user can delete other users' orders. Why aren't the policies applied?

import 'package:supabase_flutter/supabase_flutter.dart';

Future<void> main() async {{
  WidgetsFlutterBinding.ensureInitialized();
  await Supabase.initialize(
    url: 'https://{ref}.supabase.co',
    anonKey: '{key}',
  );
  runApp(const PedidosApp());
}}""",
             ("supabase_service_role_key", key))


@tpl("lang", "en")
def lang_r_snowflake_odbc_en(r):
    pw = password(r, "en")
    return S("password", f"""R question: dbGetQuery works in RStudio on my laptop but fails on the Posit Connect server with "Incorrect username or password was specified". Same code:

library(DBI)
con <- dbConnect(odbc::odbc(),
                 Driver    = "SnowflakeDSIIDriver",
                 Server    = "xq48213.eu-central-1.snowflakecomputing.com",
                 UID       = "ANALYST_SVC",
                 PWD       = "{pw}",
                 Warehouse = "ANALYTICS_WH",
                 Database  = "SALES",
                 Schema    = "PUBLIC")
monthly <- dbGetQuery(con, "select month, sum(revenue) from orders group by 1")""",
             ("password", pw))


@tpl("lang", "pt")
def lang_matlab_thingspeak_pt(r):
    key = rs(r, UPALNUM, 16)
    return S("thingspeak_write_key", f"""Estou fazendo um trabalho da faculdade com MATLAB e ThingSpeak. O gráfico do canal só atualiza de vez em quando. O código é este:

channelID = {digits(r, 7)};
writeKey  = '{key}';
for k = 1:120
    temp = lerTemperatura(sensor);   % função minha, lê o DS18B20
    thingSpeakWrite(channelID, temp, 'WriteKey', writeKey);
    pause(5);
end

Recebo às vezes o aviso "Rate limit exceeded". O que significa?""",
             ("thingspeak_write_key", key))


@tpl("lang", "en")
def lang_jcl_ftp_batch_en(r):
    pw = rs(r, UP + DIG, 8)
    return S("password", f"""Our nightly JCL job that sends the settlement file to the clearing house now ends with "EZA1554I Connection to server interrupted or timed out". Nothing changed on our side. Here's the job:

//SETLFTP  JOB (ACCT),'SETTLEMENT FTP',CLASS=A,MSGCLASS=X
//FTPSTEP  EXEC PGM=FTP,PARM='(EXIT TIMEOUT 120'
//SYSPRINT DD SYSOUT=*
//OUTPUT   DD SYSOUT=*
//INPUT    DD *
ftp.meridianclearing.com
MRDBATCH
{pw}
cd /inbound/settle
put 'PROD.SETTLE.DAILY(0)' settle.txt
quit
/*""",
             ("password", pw))


@tpl("lang", "en")
def lang_abap_http_client_en(r):
    pw = password(r, "ja")
    return S("password", f"""We call our Japanese logistics partner's API from ABAP. In production we get HTTP 401, in the dev system it works. Could you look at the code?

DATA lo_client TYPE REF TO if_http_client.

cl_http_client=>create_by_url(
  EXPORTING url    = 'https://api.sakura-butsuryu.co.jp/v2/shipments'
  IMPORTING client = lo_client ).

lo_client->authenticate( username = 'SAPIF_PRD' password = '{pw}' ).
lo_client->request->set_method( if_http_request=>co_request_method_get ).
lo_client->send( ).
lo_client->receive( ).""",
             ("password", pw))


@tpl("lang", "pl")
def lang_delphi_firedac_pl(r):
    pw = password(r, "pl")
    return S("password", f"""Stara aplikacja magazynowa w Delphi po przeniesieniu bazy Firebird na nowy serwer wyrzuca „Your user name and password are not defined”. Co może być nie tak?

procedure TdmMagazyn.PolaczZBaza;
begin
  FDConnection1.Params.Clear;
  FDConnection1.Params.Add('DriverID=FB');
  FDConnection1.Params.Add('Server=192.168.10.5');
  FDConnection1.Params.Database := 'D:\\Dane\\MAGAZYN.FDB';
  FDConnection1.Params.UserName := 'SYSDBA';
  FDConnection1.Params.Password := '{pw}';
  FDConnection1.Connected := True;
end;""",
             ("password", pw))


@tpl("lang", "en")
def lang_vbnet_smtp_en(r):
    pw = password(r, "en")
    return S("password", f"""Our VB.NET invoice mailer throws "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox". Is it the code or a tenant setting?

Imports System.Net
Imports System.Net.Mail

Module InvoiceMailer
    Sub SendInvoice(toAddr As String, pdfPath As String)
        Dim smtp As New SmtpClient("smtp.office365.com", 587)
        smtp.EnableSsl = True
        smtp.Credentials = New NetworkCredential("invoices@kestrelfreight.com", "{pw}")
        Dim msg As New MailMessage("invoices@kestrelfreight.com", toAddr, "Your invoice", "Please find attached.")
        msg.Attachments.Add(New Attachment(pdfPath))
        smtp.Send(msg)
    End Sub
End Module""",
             ("password", pw))


@tpl("lang", "en")
def lang_jenkinsfile_bitbucket_en(r):
    app = "ATBB" + rs(r, ALNUM, 32)
    return S("bitbucket_app_password", f"""Jenkins pipeline hangs at the checkout stage with no output. Works when I run the same git command by hand on the agent. Jenkinsfile:

pipeline {{
  agent {{ label 'linux-docker' }}
  stages {{
    stage('Checkout') {{
      steps {{
        sh 'git clone --depth 1 https://ci-bot:{app}@bitbucket.org/nordhavn/payments-api.git'
      }}
    }}
    stage('Build') {{
      steps {{ sh './gradlew build -x test' }}
    }}
  }}
}}""",
             ("bitbucket_app_password", app))


@tpl("lang", "en")
def lang_nix_wireless_psk_en(r):
    pw = password(r, "en", syms="!@*-_+?")
    return S("password", f"""NixOS on my old ThinkPad doesn't connect to my home Wi-Fi after rebuild, wpa_supplicant logs "4-Way Handshake failed - pre-shared key may be incorrect". Config:

{{ config, pkgs, ... }}:
{{
  networking.hostName = "x230";
  networking.wireless = {{
    enable = true;
    networks."Vodafone-7F3A".psk = "{pw}";
    networks."Vodafone-7F3A".priority = 10;
  }};
  networking.networkmanager.enable = false;
}}""",
             ("password", pw))


@tpl("lang", "cs")
def lang_packer_vsphere_cs(r):
    pw = password(r, "cs", syms="!@*-_+?")
    pw2 = password(r, "cs", syms="!@*-_+?")
    return S("password", f"""Packer build šablony Windows Serveru ve vSphere visí na „Waiting for WinRM to become available...“. Tady je zdroj, nevidíš chybu?

source "vsphere-iso" "win2022" {{
  vcenter_server      = "vcsa.logistika-brno.cz"
  username            = "packer@vsphere.local"
  password            = "{pw}"
  insecure_connection = true
  datacenter          = "DC-Brno"
  cluster             = "Cluster01"
  guest_os_type       = "windows2019srvNext_64Guest"
  communicator        = "winrm"
  winrm_username      = "Administrator"
  winrm_password      = "{pw2}"
  winrm_timeout       = "2h"
}}""",
             ("password", pw), ("password", pw2))


@tpl("lang", "en")
def lang_consul_gossip_acl_en(r):
    gossip = b64(r, 32)
    tok = uuid4(r)
    return S("consul_gossip_key", f"""New Consul client can't join: "memberlist: Failed to receive remote state: Remote state is encrypted and encryption is not configured". I thought I set it. Here's /etc/consul.d/consul.hcl:

datacenter = "fra1"
data_dir   = "/opt/consul"
retry_join = ["10.40.0.11", "10.40.0.12", "10.40.0.13"]
encrypt    = "{gossip}"

acl {{
  enabled        = true
  default_policy = "deny"
  tokens {{
    agent = "{tok}"
  }}
}}""",
             ("consul_gossip_key", gossip), ("consul_acl_token", tok))


@tpl("lang", "en")
def lang_salt_pillar_mysql_en(r):
    pw = password(r, "ru", syms="!@*-_+?")
    pw2 = password(r, "ru", syms="!@*-_+?")
    return S("password", f"""Salt state mysql_user.present fails with "Access denied for user 'root'@'localhost'". Here's the pillar, did I get a key name wrong?

# /srv/pillar/mysql.sls
mysql:
  server:
    root_user: root
    root_password: '{pw}'
  users:
    bitrix:
      password: '{pw2}'
      host: localhost
      databases:
        - bitrix_prod""",
             ("password", pw), ("password", pw2))


@tpl("lang", "zh")
def lang_puppet_ibm_cloud_zh(r):
    key = rs(r, B64URL, 44)
    return S("ibm_cloud_api_key", f"""Puppet 应用这个类时报错 "Evaluation Error: ... Sensitive [String] cannot be converted to JSON"，应该怎么改？

class profile::ibmcloud_cli {{
  file {{ '/root/.bluemix/apikey.json':
    ensure  => file,
    mode    => '0600',
    content => to_json({{
      'name'   => 'puppet-automation',
      'apikey' => Sensitive('{key}'),
    }}),
  }}
}}""",
             ("ibm_cloud_api_key", key))


@tpl("lang", "en")
def lang_chef_ocir_auth_token_en(r):
    tok = rs(r, ALNUM + "()[]<>:;+-_.", 20)
    while not tok[-1].isalnum():
        tok = tok[:-1] + r.choice(ALNUM)
    return S("oracle_auth_token", f"""Chef run fails with "Error connecting: unauthorized: authentication required" when pulling from Oracle Container Registry. Recipe snippet:

docker_registry 'fra.ocir.io' do
  username 'frxk2l9mzq4a/oracleidentitycloudservice/deploy@meridianlabs.io'
  password '{tok}'
  email    'deploy@meridianlabs.io'
end

docker_image 'fra.ocir.io/frxk2l9mzq4a/billing/api' do
  tag '2.14.1'
  action :pull
end""",
             ("oracle_auth_token", tok))


@tpl("lang", "en")
def lang_perl_env_reference_en(r):
    return N("secret_reference", """Is this Perl the right way to avoid hard-coding the DB password? perlcritic still complains about something.

use DBI;
my $dsn = sprintf "dbi:mysql:database=%s;host=%s", $ENV{APP_DB_NAME}, $ENV{APP_DB_HOST};
my $dbh = DBI->connect($dsn, $ENV{APP_DB_USER}, $ENV{APP_DB_PASS},
                       { RaiseError => 1, mysql_enable_utf8mb4 => 1 })
    or die "connect failed: $DBI::errstr";""")


@tpl("lang", "en")
def lang_lua_nvim_api_key_cmd_en(r):
    return N("secret_reference", """My Neovim config (lazy.nvim) for ChatGPT.nvim errors with "api_key_cmd returned empty". The 1Password CLI works in the terminal. Config:

return {
  "jackMort/ChatGPT.nvim",
  event = "VeryLazy",
  config = function()
    require("chatgpt").setup({
      api_key_cmd = "op read op://Private/OpenAI/credential --no-newline",
      openai_params = { model = "gpt-4o-mini", max_tokens = 800 },
    })
  end,
  dependencies = { "MunifTanjim/nui.nvim", "nvim-lua/plenary.nvim" },
}""")


@tpl("lang", "en")
def lang_elixir_runtime_env_en(r):
    return N("secret_reference", """Moved everything to config/runtime.exs as the Phoenix guide says. Does this still leak secrets into the release at build time?

import Config

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      raise "environment variable DATABASE_URL is missing."

  config :marketplace, Marketplace.Repo,
    url: database_url,
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10")

  config :marketplace, MarketplaceWeb.Endpoint,
    secret_key_base: System.fetch_env!("SECRET_KEY_BASE")
end""")


@tpl("lang", "en")
def lang_haskell_sha256_en(r):
    d1, d2 = hexs(r, 64), hexs(r, 64)
    return N("hash", f"""Why does my Haskell program print a different SHA-256 than `sha256sum` for the same file? Code and output:

import qualified Data.ByteString.Char8 as BC
import Crypto.Hash (hash, Digest, SHA256)

main :: IO ()
main = do
  inhalt <- readFile "rechnung_2025_03.pdf"
  print (hash (BC.pack inhalt) :: Digest SHA256)

$ runghc Pruefsumme.hs
{d1}
$ sha256sum rechnung_2025_03.pdf
{d2}  rechnung_2025_03.pdf""")


@tpl("lang", "en")
def lang_scala_sbt_credentials_en(r):
    return N("secret_reference", """sbt publish to our Nexus fails with 401 on CI but works locally. build.sbt:

ThisBuild / organization := "io.nordhavn"
publishTo := Some("nexus-releases" at "https://nexus.nordhavn.io/repository/maven-releases/")
credentials += Credentials(
  "Sonatype Nexus Repository Manager",
  "nexus.nordhavn.io",
  sys.env.getOrElse("NEXUS_USER", ""),
  sys.env.getOrElse("NEXUS_PASSWORD", "")
)

In GitHub Actions I set env: NEXUS_PASSWORD: ${{ secrets.NEXUS_PASSWORD }}.""")


@tpl("lang", "en")
def lang_dart_firebase_options_en(r):
    key = "AIzaSy" + rs(r, B64URL, 33)
    proj = "tidepool-" + rs(r, LOALNUM, 5)
    sender = digits(r, 12)
    app = "1:%s:android:%s" % (sender, hexs(r, 22))
    return N("public_client_key", f"""Flutter app crashes on Android with "FirebaseException: [core/no-app] No Firebase App '[DEFAULT]' has been created". Here is the generated firebase_options.dart (Android part). Is something missing?

static const FirebaseOptions android = FirebaseOptions(
  apiKey: '{key}',
  appId: '{app}',
  messagingSenderId: '{sender}',
  projectId: '{proj}',
  storageBucket: '{proj}.appspot.com',
);

This file is generated by flutterfire configure and committed, as the docs recommend.""")


@tpl("lang", "fr")
def lang_r_keyring_fr(r):
    return N("secret_reference", """Est-ce que cette façon de stocker le mot de passe Snowflake dans R est correcte ? Je ne veux plus l'avoir en clair dans mes scripts.

# une seule fois, dans la console (demande le mot de passe de façon masquée) :
# keyring::key_set("snowflake", username = "ANALYST_SVC")

library(DBI)
con <- dbConnect(odbc::odbc(),
                 Driver = "SnowflakeDSIIDriver",
                 Server = "xq48213.eu-central-1.snowflakecomputing.com",
                 UID    = "ANALYST_SVC",
                 PWD    = keyring::key_get("snowflake", "ANALYST_SVC"))""")


@tpl("lang", "it")
def lang_matlab_placeholder_it(r):
    return N("placeholder", """Sto seguendo un esempio MATLAB per inviare dati a ThingSpeak dal mio Arduino. L'esempio ha questa riga, cosa devo metterci?

channelID = 123456;
writeKey  = 'INSERISCI_QUI_LA_TUA_WRITE_API_KEY';
thingSpeakWrite(channelID, [temperatura umidita], 'WriteKey', writeKey);

Il canale l'ho già creato, ma non trovo dove si vede la chiave.""")


@tpl("lang", "en")
def lang_cobol_copybook_en(r):
    return N("empty_value", """A colleague says this COBOL program "has the FTP password hard-coded". I only see this in the copybook – is he right?

       01  WS-FTP-PARMS.
           05  WS-FTP-HOST         PIC X(30) VALUE 'ftp.meridianclearing.com'.
           05  WS-FTP-USER         PIC X(08) VALUE 'MRDBATCH'.
           05  WS-FTP-PASSWORD     PIC X(08) VALUE SPACES.
           05  WS-FTP-RETRIES      PIC 9(02) VALUE 03.

      * WS-FTP-PASSWORD is filled at run time from the RACF-protected
      * dataset PROD.SECURE.FTPPARM (READ access: batch user only).""")


@tpl("lang", "en")
def lang_abap_sm59_destination_en(r):
    return N("secret_reference", """Our auditor asked where the credentials for the partner API are stored. Is this ABAP enough to show they're not in the code?

DATA lo_client TYPE REF TO if_http_client.

cl_http_client=>create_by_destination(
  EXPORTING  destination = 'Z_PARTNER_LOGI_API'   " maintained in SM59, logon via basic auth
  IMPORTING  client      = lo_client
  EXCEPTIONS OTHERS      = 1 ).
IF sy-subrc <> 0.
  MESSAGE 'Destination Z_PARTNER_LOGI_API not found' TYPE 'E'.
ENDIF.""")


@tpl("lang", "ru")
def lang_delphi_md5_ru(r):
    h = hexs(r, 32)
    return N("hash", f"""В старой программе на Delphi пароли пользователей хранятся вот так. Насколько это плохо и на что лучше перейти?

function ПроверитьПароль(const Логин, Пароль: string): Boolean;
begin
  qUser.ParamByName('login').AsString := Логин;
  qUser.Open;
  Result := qUser.FieldByName('pass_md5').AsString = THashMD5.GetHashString(Пароль);
end;

Пример строки из таблицы users:
id=17; login=buh_ivanova; pass_md5={h}""")


@tpl("lang", "en")
def lang_vbnet_dpapi_blob_en(r):
    blob = base64.b64encode(bytes.fromhex("01000000d08c9ddf0115d1118c7a00c04fc297eb01000000") + rbytes(r, 178)).decode()
    return N("encrypted_blob", f"""We store the SQL password in app.config encrypted with DPAPI. On the new server Unprotect throws "Key not valid for use in specified state". Code and value:

Dim blob = Convert.FromBase64String(ConfigurationManager.AppSettings("DbPasswordProtected"))
Dim plain = ProtectedData.Unprotect(blob, Nothing, DataProtectionScope.LocalMachine)
Dim pwd = Encoding.UTF8.GetString(plain)

<add key="DbPasswordProtected" value="{blob}" />""")


@tpl("lang", "pt")
def lang_jenkinsfile_withcredentials_pt(r):
    return N("secret_reference", """Troquei a senha que estava no Jenkinsfile por withCredentials, como o pessoal da segurança pediu. Está certo assim? O log ainda mostra **** no lugar da senha, isso é normal?

pipeline {
  agent any
  stages {
    stage('Deploy') {
      steps {
        withCredentials([usernamePassword(credentialsId: 'bitbucket-app-password',
                                          usernameVariable: 'BB_USER',
                                          passwordVariable: 'BB_PASS')]) {
          sh 'git push https://$BB_USER:$BB_PASS@bitbucket.org/nordhavn/site.git HEAD:release'
        }
      }
    }
  }
}""")


@tpl("lang", "nl")
def lang_nix_agenix_nl(r):
    return N("secret_reference", """Ik gebruik agenix voor mijn Nextcloud-server op NixOS. Is dit de juiste manier om het admin-wachtwoord door te geven, of komt het alsnog in de Nix store terecht?

{ config, ... }:
{
  age.secrets.nextcloud-admin = {
    file = ../secrets/nextcloud-admin.age;
    owner = "nextcloud";
  };
  services.nextcloud = {
    enable = true;
    hostName = "cloud.familie-devries.nl";
    config.adminpassFile = config.age.secrets.nextcloud-admin.path;
  };
}""")


@tpl("lang", "cs")
def lang_nomad_vault_template_cs(r):
    return N("secret_reference", """Nomad job se po nasazení zasekne ve stavu „pending“ a v událostech je „Missing: vault.read(kv/data/eshop/db)“. Tady je šablona z jobu, je cesta správně?

task "api" {
  driver = "docker"
  vault {
    policies = ["eshop-read"]
  }
  template {
    data = <<EOH
{{ with secret "kv/data/eshop/db" }}
DB_USER={{ .Data.data.username }}
DB_PASSWORD={{ .Data.data.password }}
{{ end }}
EOH
    destination = "secrets/db.env"
    env         = true
  }
}""")


@tpl("lang", "en")
def lang_chef_encrypted_data_bag_en(r):
    enc = b64(r, 48)
    iv = b64(r, 12)
    tag = b64(r, 16)
    return N("encrypted_blob", f"""Chef says "Chef::EncryptedDataBagItem::DecryptionFailure: Error decrypting data bag value: 'bad decrypt'" on the new node. This is the item as stored on the server; is the format v3 supported by our client?

{{
  "id": "mysql",
  "root_password": {{
    "encrypted_data": "{enc}",
    "iv": "{iv}",
    "auth_tag": "{tag}",
    "version": 3,
    "cipher": "aes-256-gcm"
  }}
}}""")


@tpl("lang", "en")
def lang_puppet_eyaml_en(r):
    blob = "MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAxggEhMIIBHQIBADAFMAACAQEwDQYJ" + rs(r, B64, 300) + "=="
    return N("encrypted_blob", f"""Values encrypted with hiera-eyaml end up in the config file still encrypted instead of being decrypted during the Puppet run. Is my hiera.yaml wrong?

# data/common.yaml
profile::app::db_password: >
  ENC[PKCS7,{blob}]""")


# --------------------------------------------------------------- network ---

@tpl("network", "en")
def net_cisco_ios_init_en(r):
    pw = password(r, "en", syms="!@*-_+", ascii_only=True)
    comm = rs(r, LOALNUM, 6) + "-" + rs(r, LOALNUM, 5)
    return S("password", f"""I'm setting up a new Catalyst 9200 for a branch. Before I paste this into the console, can you check for mistakes? Especially the SNMP part, the NMS can't poll the old switch.

hostname BR-LYON-SW01
!
username netadmin privilege 15 secret 0 {pw}
enable secret 0 {pw}
!
snmp-server community {comm} RO SNMP-ACL
snmp-server location Lyon Part-Dieu, rack B2
snmp-server contact noc@alpesnet.fr
!
ip access-list standard SNMP-ACL
 permit 10.250.0.0 0.0.0.255
!
line vty 0 15
 login local
 transport input ssh""",
             ("password", pw), ("snmp_community", comm))


@tpl("network", "de")
def net_cisco_type7_de(r):
    plain = password(r, "de", syms="!-_")
    t7 = cisco7(r, plain)
    plain2 = rs(r, ALNUM, 12)
    t7b = cisco7(r, plain2)
    return S("cisco_type7_password", f"""Ich habe einen alten Router übernommen und verstehe ein paar Zeilen in der running-config nicht. Was bedeutet die „7“ und ist das sicher?

!
enable password 7 {t7}
!
username technik password 7 {t7b}
!
line con 0
 password 7 {t7}
 login
!""",
             ("cisco_type7_password", t7), ("cisco_type7_password", t7b))


@tpl("network", "fr")
def net_juniper_radius_fr(r):
    sec = rs(r, ALNUM + "!-_", 20)
    comm = rs(r, LOALNUM, 10)
    return S("radius_shared_secret", f"""Je prépare la config d'un EX3400 pour l'authentification 802.1X avec notre serveur NPS. Tu peux vérifier la syntaxe avant que je fasse un commit ?

set system radius-server 10.12.0.20 secret "{sec}"
set system radius-server 10.12.0.20 source-address 10.12.1.2
set access radius-server 10.12.0.20 secret "{sec}"
set access profile dot1x-nps authentication-order radius
set access profile dot1x-nps radius authentication-server 10.12.0.20
set protocols dot1x authenticator authentication-profile-name dot1x-nps
set protocols dot1x authenticator interface ge-0/0/0.0 supplicant multiple
set snmp community {comm} authorization read-only""",
             ("radius_shared_secret", sec), ("snmp_community", comm))


@tpl("network", "es")
def net_mikrotik_wifi_user_es(r):
    wifi = password(r, "es", syms="-_+", ascii_only=True)
    pw = password(r, "es", syms="-_+", ascii_only=True)
    return S("password", f"""Tengo un MikroTik hAP ac² en la oficina. Quiero que la red de invitados quede aislada de la LAN. ¿Me revisas este script antes de pegarlo en el terminal?

/interface wireless security-profiles
add name=invitados authentication-types=wpa2-psk mode=dynamic-keys wpa2-pre-shared-key={wifi}
/interface wireless
add master-interface=wlan1 name=wlan-invitados ssid=Oficina-Invitados security-profile=invitados
/ip address
add address=192.168.77.1/24 interface=wlan-invitados
/user
add name=soporte group=full password={pw}""",
             ("password", wifi), ("password", pw))


@tpl("network", "pt")
def net_pfsense_ipsec_psk_pt(r):
    psk = rs(r, ALNUM, 28)
    return S("ipsec_psk", f"""A VPN IPsec entre a matriz e a filial no pfSense cai toda noite por volta das 3h. Peguei o trecho do config.xml da fase 1, o que pode ser?

<phase1>
  <ikeid>2</ikeid>
  <iketype>ikev2</iketype>
  <interface>wan</interface>
  <remote-gateway>177.84.12.201</remote-gateway>
  <protocol>inet</protocol>
  <myid_type>myaddress</myid_type>
  <peerid_type>peeraddress</peerid_type>
  <encryption><item><encryption-algorithm><name>aes</name><keylen>256</keylen></encryption-algorithm><hash-algorithm>sha256</hash-algorithm><dhgroup>14</dhgroup></item></encryption>
  <lifetime>28800</lifetime>
  <pre-shared-key>{psk}</pre-shared-key>
  <authentication_method>pre_shared_key</authentication_method>
  <descr><![CDATA[Filial Campinas]]></descr>
  <dpd_delay>10</dpd_delay>
</phase1>""",
             ("ipsec_psk", psk))


@tpl("network", "it")
def net_fortigate_psk_it(r):
    psk = password(r, "it", syms="!-_+", ascii_only=True)
    return S("ipsec_psk", f"""Sto configurando una VPN site-to-site su un FortiGate 60F verso un router Draytek del fornitore. Questi sono i comandi che ho preparato, mi confermi che la fase 1 è corretta?

config vpn ipsec phase1-interface
    edit "to-fornitore"
        set interface "wan1"
        set ike-version 2
        set peertype any
        set net-device disable
        set proposal aes256-sha256
        set dhgrp 14
        set remote-gw 93.42.118.7
        set psksecret {psk}
    next
end""",
             ("ipsec_psk", psk))


@tpl("network", "en")
def net_edgeos_user_en(r):
    pw = password(r, "en", syms="!@*-_+", ascii_only=True)
    return S("password", f"""EdgeRouter X: after "commit" I get "Password must be at least 8 characters" but mine is longer. What's going on?

configure
set system login user netops authentication plaintext-password {pw}
set system login user netops level admin
set service ssh port 2222
set service gui https-port 8443
commit
save""",
             ("password", pw))


@tpl("network", "ru")
def net_cisco_tacacs_ru(r):
    key = rs(r, ALNUM, 18)
    return S("tacacs_shared_secret", f"""Настраиваю TACACS+ на Cisco ISR 4331 для входа через ISE. Авторизация не проходит, в логах ISE «Invalid TACACS+ request packet - possibly mismatched Shared Secrets». Вот конфиг:

aaa new-model
!
tacacs server ISE-01
 address ipv4 10.30.0.15
 key 0 {key}
 timeout 5
!
aaa group server tacacs+ ISE-GROUP
 server name ISE-01
!
aaa authentication login default group ISE-GROUP local
aaa authorization exec default group ISE-GROUP local""",
             ("tacacs_shared_secret", key))


@tpl("network", "uk")
def net_openvpn_static_key_uk(r):
    lines = "\n".join(hexs(r, 32) for _ in range(16))
    key = "-----BEGIN OpenVPN Static key V1-----\n" + lines + "\n-----END OpenVPN Static key V1-----"
    ca = certificate(r)
    return S("openvpn_static_key", f"""Клієнт OpenVPN на ноутбуці пише «TLS Error: incoming packet authentication failed from [AF_INET]91.203.44.10:1194». Ось профіль .ovpn, який мені дав адміністратор. Що не так?

client
dev tun
proto udp
remote vpn.agrotex.com.ua 1194
auth-user-pass
cipher AES-256-GCM
key-direction 1
<ca>
{ca}
</ca>
<tls-auth>
{key}
</tls-auth>""",
             ("openvpn_static_key", key))


@tpl("network", "zh")
def net_wireguard_conf_zh(r):
    priv = wg_key(r)
    pub = wg_key(r, private=False)
    psk = b64(r, 32)
    return S("wireguard_private_key", f"""我在家里的树莓派上搭了 WireGuard，手机能连上但是访问不了内网的 NAS。下面是手机端的配置，帮我看看 AllowedIPs 是不是写错了？

[Interface]
PrivateKey = {priv}
Address = 10.8.0.2/32
DNS = 192.168.31.1

[Peer]
PublicKey = {pub}
PresharedKey = {psk}
Endpoint = home.liwei-nas.cn:51820
AllowedIPs = 10.8.0.0/24
PersistentKeepalive = 25""",
             ("wireguard_private_key", priv), ("wireguard_preshared_key", psk))


@tpl("network", "sv")
def net_strongswan_secrets_sv(r):
    psk = password(r, "sv", syms="!-_+", ascii_only=True)
    pw = password(r, "sv", syms="!-_+")
    return S("ipsec_psk", f"""Jag har satt upp strongSwan på en Ubuntu-server för att koppla ihop kontoret med lagret. Tunneln kommer upp men roadwarrior-användaren får "EAP method EAP_MSCHAPV2 failed". Här är /etc/ipsec.secrets:

# /etc/ipsec.secrets
185.71.64.10 81.226.30.4 : PSK "{psk}"
: RSA "server-key.pem"
anders.berg : EAP "{pw}"

ipsec.conf har rightauth=eap-mschapv2 och eap_identity=%identity.""",
             ("ipsec_psk", psk), ("password", pw))


@tpl("network", "ja")
def net_printer_admin_ja(r):
    pw = password(r, "ja", syms="!-_+", ascii_only=True)
    return S("password", f"""複合機（RICOH IM C3000）のWeb Image Monitorの画面をOCRで文字にしました。スキャン to フォルダが失敗するので、設定がおかしくないか見てください。

Web Image Monitor ログイン
ログインユーザー名：admin
ログインパスワード：{pw}

[送信設定] SMB
送信先フォルダ：\\\\fs01\\scan\\営業部
SMBユーザー名：YAMABUKI\\scanner
SMBパスワード：（前回の値を保持）""",
             ("password", pw))


@tpl("network", "ko")
def net_camera_rtsp_ko(r):
    pw = password(r, "ko", syms=SYM_URL)
    return S("password", f"""가게 CCTV(하이크비전) 영상을 VLC로 보려고 하는데 "연결할 수 없습니다"라고 떠요. 이 주소가 맞나요?

rtsp://admin:{pw}@192.168.0.64:554/Streaming/Channels/101

카메라 웹페이지에서는 같은 아이디랑 비밀번호로 로그인이 잘 돼요.""",
             ("password", pw))


@tpl("network", "pl")
def net_mosquitto_pub_pl(r):
    pw = password(r, "pl", syms="-_+", ascii_only=True)
    return S("password", f"""Czujnik temperatury w szklarni wysyła dane przez MQTT, ale broker odrzuca połączenie: „Connection Refused: not authorised.” Testuję z laptopa tak:

mosquitto_pub -h mqtt.szklarnia-kowalscy.pl -p 8883 --cafile ca.crt \\
  -u czujnik01 -P {pw} \\
  -t szklarnia/strefa1/temperatura -m 21.4

A w /etc/mosquitto/passwd jest użytkownik czujnik01. Co sprawdzić?""",
             ("password", pw))


@tpl("network", "en")
def net_lorawan_appkey_en(r):
    deveui = "70B3D57ED" + rs(r, UHEX, 7)
    joineui = "0000000000000000"
    appkey = rs(r, UHEX, 32)
    return S("lorawan_appkey", f"""My LoRaWAN soil sensor never joins on The Things Network, the console shows "join-request" but no "join-accept". These are the values I registered and flashed into the device:

Frequency plan: Europe 863-870 MHz (SF9 for RX2)
LoRaWAN version: 1.0.3
DevEUI:  {deveui}
JoinEUI: {joineui}
AppKey:  {appkey}

Arduino sketch (MKR WAN 1310):
  const char *appEui = "{joineui}";
  const char *appKey = "{appkey}";
  modem.joinOTAA(appEui, appKey);""",
             ("lorawan_appkey", appkey))


@tpl("network", "tr")
def net_zwave_security_keys_tr(r):
    keys = [rs(r, UHEX, 32) for _ in range(4)]
    return S("zwave_network_key", f"""Home Assistant'ı yeni bir mini PC'ye taşıdım. Z-Wave JS UI açıldı ama kapı kilidi (S2 Access Control) artık yanıt vermiyor. Eski kurulumdan kopyaladığım güvenlik anahtarları bunlar, doğru yere mi girmişim?

Settings → Z-Wave → Security Keys
S0 Legacy:                 {keys[0]}
S2 Unauthenticated:        {keys[1]}
S2 Authenticated:          {keys[2]}
S2 Access Control:         {keys[3]}""",
             *[("zwave_network_key", k) for k in keys])


@tpl("network", "vi")
def net_zigbee2mqtt_vi(r):
    nk = ", ".join(str(r.randrange(0, 256)) for _ in range(16))
    pw = password(r, "vi", syms="-_+", ascii_only=True)
    return S("zigbee_network_key", f"""Mình vừa cài lại Zigbee2MQTT trên Raspberry Pi, giờ tất cả công tắc Zigbee trong nhà đều mất kết nối. Đây là file configuration.yaml, mình có cần ghép nối lại từ đầu không?

homeassistant: true
mqtt:
  base_topic: zigbee2mqtt
  server: mqtt://192.168.1.20:1883
  user: z2m
  password: {pw}
serial:
  port: /dev/ttyUSB0
advanced:
  pan_id: 6754
  channel: 15
  network_key: [{nk}]""",
             ("zigbee_network_key", nk), ("password", pw))


@tpl("network", "en")
def net_cisco_type9_hashes_en(r):
    h1 = "$9$" + rs(r, ALNUM + "./", 14) + "$" + rs(r, ALNUM + "./", 43)
    h2 = "$9$" + rs(r, ALNUM + "./", 14) + "$" + rs(r, ALNUM + "./", 43)
    return N("password_hash", f"""Security scan flagged our switch configs for "credentials in config backups". These are the only lines with secrets in them. Are type 9 values safe to keep in the Git repo with the backups?

enable secret 9 {h1}
username netadmin privilege 15 secret 9 {h2}
service password-encryption
no ip http server
ip ssh version 2""")


@tpl("network", "en")
def net_juniper_sha512_en(r):
    h = "$6$" + rs(r, ALNUM + "./", 16) + "$" + rs(r, ALNUM + "./", 86)
    return N("password_hash", f"""Is this Junos config OK to share with the vendor for troubleshooting, or do I need to strip something?

system {{
    host-name fw-edge-01;
    root-authentication {{
        encrypted-password "{h}"; ## SECRET-DATA
    }}
    login {{
        user vendor-ro {{
            class read-only;
            authentication {{
                ssh-ed25519 "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{rs(r, B64, 43)} vendor@support"; ## SECRET-DATA
            }}
        }}
    }}
}}""")


@tpl("network", "it")
def net_fortigate_enc_it(r):
    enc1 = "ENC " + b64(r, 96)
    enc2 = "ENC " + b64(r, 96)
    return N("encrypted_blob", f"""Ho esportato la configurazione del FortiGate per mandarla al supporto. Le password sono al sicuro in questo formato o devo cancellarle a mano?

config system admin
    edit "admin"
        set accprofile "super_admin"
        set vdom "root"
        set password {enc1}
    next
end
config vpn ipsec phase1-interface
    edit "to-fornitore"
        set psksecret {enc2}
    next
end""")


@tpl("network", "es")
def net_snmp_public_default_es(r):
    return N("default_credential", """En el laboratorio de la universidad los switches tienen esto en la configuración. El profesor dice que es un problema de seguridad aunque sea "la de fábrica". ¿Por qué?

snmp-server community public RO
snmp-server community private RW
snmp-server enable traps

Son Cisco 2960 que solo están en la red del laboratorio.""")


@tpl("network", "pt")
def net_wireguard_placeholder_pt(r):
    pub = wg_key(r, private=False)
    return N("placeholder", f"""Um tutorial de WireGuard mandou criar este arquivo no cliente, mas o wg-quick dá "Key is not the correct length or format". O que eu coloco no PrivateKey?

[Interface]
PrivateKey = <cole aqui a sua chave privada>
Address = 10.0.0.2/24

[Peer]
PublicKey = {pub}
Endpoint = vpn.minhacasa.dev.br:51820
AllowedIPs = 0.0.0.0/0""")


@tpl("network", "en")
def net_wireguard_doc_example_en(r):
    return N("doc_example_key", """I copied the example from the wg(8) man page to understand the format. Which of these lines is the part I need to generate myself?

[Interface]
PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=
ListenPort = 51820

[Peer]
PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=
Endpoint = 192.95.5.67:1234
AllowedIPs = 10.192.122.3/32, 10.192.124.1/24""")


@tpl("network", "ru")
def net_mikrotik_hide_sensitive_ru(r):
    return N("no_credential", """Сделал экспорт конфигурации MikroTik для форума. Проверь, пожалуйста, что тут не осталось паролей перед публикацией.

# mar/14/2025 10:22:51 by RouterOS 7.14.1
# software id = 7KXD-2QLM
# model = RB4011iGS+
/interface bridge
add name=bridge-lan
/interface wireguard
add listen-port=13231 mtu=1420 name=wg-office
/ip pool
add name=dhcp-lan ranges=192.168.88.100-192.168.88.200
/ip firewall nat
add action=masquerade chain=srcnat out-interface=ether1

Экспорт делал командой /export hide-sensitive file=forum.""")


@tpl("network", "uk")
def net_pfsense_bcrypt_uk(r):
    h = "$2y$10$" + rs(r, ALNUM + "./", 53)
    return N("password_hash", f"""Забув пароль від веб-інтерфейсу pfSense, але маю резервну копію config.xml. Ось фрагмент із користувачем. Чи можна з цього дізнатися пароль, чи краще скинути через консоль?

<user>
  <scope>system</scope>
  <groupname>admins</groupname>
  <name>admin</name>
  <descr><![CDATA[System Administrator]]></descr>
  <uid>0</uid>
  <bcrypt-hash>{h}</bcrypt-hash>
</user>""")


@tpl("network", "en")
def net_lorawan_ids_only_en(r):
    deveui = "A84041" + rs(r, UHEX, 10)
    return N("identifier", f"""Dragino LHT65N: the sticker on the box and the TTN console show these values. Which one do I put where when registering manually? The AppKey field in TTN is empty and there's a "Generate" button.

DevEUI:  {deveui}
AppEUI:  A840410000000101
Serial:  LHT65N-{digits(r, 8)}
Firmware: v1.2.5 (EU868)""")


@tpl("network", "zh")
def net_router_label_serial_zh(r):
    sn = rs(r, UPALNUM, 16)
    mac = ":".join(rs(r, UHEX, 2) for _ in range(6))
    imei = digits(r, 15)
    return N("serial_number", f"""这是我家光猫背面标签拍照后识别出来的文字，装维师傅走了以后我不知道管理地址是多少，帮我看看哪个是？

型号：HN8145XR
设备序列号(SN)：{sn}
MAC：{mac}
IMEI：{imei}
默认终端配置地址：192.168.1.1
无线网络名称(SSID)：CMCC-8Xq2
（无线密钥与管理员密码已由装维人员修改，见工单回执）""")


@tpl("network", "ja")
def net_openvpn_ca_only_ja(r):
    ca = certificate(r)
    return N("certificate", f"""会社から配布された.ovpnファイルです。「この中に秘密の情報が入っているので他人に渡さないで」と言われましたが、見た感じ証明書だけのように思えます。本当に秘密の情報は入っていますか？

client
dev tun
proto udp
remote vpn.kitamura-seiki.co.jp 1194
auth-user-pass
remote-cert-tls server
cipher AES-256-GCM
<ca>
{ca}
</ca>""")


@tpl("network", "ko")
def net_ssh_hostkey_fingerprint_ko(r):
    fp = "SHA256:" + rs(r, B64, 43)
    return N("hash", f"""새로 설치한 L3 스위치에 SSH로 접속하려고 하니 아래 메시지가 나와요. 그냥 yes 해도 되나요? 스위치 콘솔에서 확인한 지문과 어떻게 비교하나요?

The authenticity of host '10.1.1.2 (10.1.1.2)' can't be established.
ECDSA key fingerprint is {fp}.
This key is not known by any other names.
Are you sure you want to continue connecting (yes/no/[fingerprint])?""")


@tpl("network", "pl")
def net_radius_ansible_vault_pl(r):
    return N("secret_reference", """Wdrażam FreeRADIUS przez Ansible. Czy tak zdefiniowany klient jest OK? Sekret ma być w ansible-vault, a nie w repo jawnym tekstem.

# roles/freeradius/templates/clients.conf.j2
client ap-biuro {
    ipaddr = 10.20.0.0/24
    secret = {{ vault_radius_secret_ap_biuro }}
    shortname = ap-biuro
    nas_type = other
}

# group_vars/radius/vault.yml jest zaszyfrowany (ansible-vault encrypt).""")


@tpl("network", "tr")
def net_unifi_masked_ocr_tr(r):
    return N("redacted", """UniFi Network uygulamasının ekran görüntüsünü metne çevirdim. Misafir ağı için "Hotspot Portal" açık mı kapalı mı anlayamadım, yardımcı olur musun?

WiFi > Misafir-Ofis
Ad (SSID): Misafir-Ofis
Parola: ••••••••••••  [Göster]
Güvenlik Protokolü: WPA2/WPA3
Ağ: Misafir (VLAN 30)
Misafir Hotspot: Kapalı
Bant: 2.4 GHz + 5 GHz""")


@tpl("network", "vi")
def net_ipsec_proposal_no_psk_vi(r):
    return N("no_credential", """Hai đầu VPN IPsec giữa văn phòng Hà Nội và kho Bình Dương không lên được phase 2. Đây là tham số hai bên, mình đã bỏ khóa chia sẻ ra rồi. Có gì không khớp không?

Hà Nội (Fortigate):
  Phase1: IKEv2, aes256-sha256, DH 14, lifetime 28800
  Phase2: aes256-sha256, PFS DH 14, lifetime 3600
  Local subnet: 10.10.0.0/16  Remote subnet: 10.20.0.0/16
Bình Dương (Draytek):
  Phase1: IKEv2, AES256/SHA256, DH 14, lifetime 28800
  Phase2: AES256/SHA1, PFS off, lifetime 3600
  Local subnet: 10.20.0.0/16  Remote subnet: 10.10.0.0/16""")


# -------------------------------------------------------------- commerce ---

@tpl("commerce", "en")
def com_shopify_custom_app_en(r):
    tok = "shpat_" + hexs(r, 32)
    sec = "shpss_" + hexs(r, 32)
    return S("shopify_access_token", f"""Shopify custom app: my inventory sync script gets 401 "[API] Invalid API key or access token (unrecognized login or wrong password)". I copied everything from the app's "API credentials" tab:

SHOP = "lumen-candles.myshopify.com"
API_VERSION = "2024-10"
ADMIN_API_ACCESS_TOKEN = "{tok}"
API_SECRET_KEY = "{sec}"

resp = requests.get(
    f"https://{{SHOP}}/admin/api/{{API_VERSION}}/products.json?limit=50",
    headers={{"X-Shopify-Access-Token": API_SECRET_KEY}},
)""",
             ("shopify_access_token", tok), ("shopify_shared_secret", sec))


@tpl("commerce", "en")
def com_woocommerce_rest_keys_en(r):
    ck = "ck_" + hexs(r, 40)
    cs = "cs_" + hexs(r, 40)
    return S("woocommerce_consumer_secret", f"""Our German WooCommerce shop: the ERP connector gets "woocommerce_rest_cannot_view – Sorry, you cannot list resources." Keys were created under WooCommerce → Settings → Advanced → REST API with Read/Write. Request from the connector log:

GET https://shop.holzspielzeug-maier.de/wp-json/wc/v3/orders?status=processing
  consumer_key={ck}
  consumer_secret={cs}
Response: 401

The site runs behind Cloudflare and uses HTTPS.""",
             ("woocommerce_consumer_key", ck), ("woocommerce_consumer_secret", cs))


@tpl("commerce", "en")
def com_magento_env_php_en(r):
    crypt = hexs(r, 32)
    pw = password(r, "en")
    return S("magento_crypt_key", f"""Magento 2.4 migration: after copying app/etc/env.php to the new server, saved payment method settings show as garbage and admin login fails. Relevant part of env.php:

return [
    'backend' => ['frontName' => 'admin_k3x9q'],
    'crypt' => [
        'key' => '{crypt}'
    ],
    'db' => [
        'table_prefix' => '',
        'connection' => [
            'default' => [
                'host' => 'db-m2.internal',
                'dbname' => 'magento',
                'username' => 'magento',
                'password' => '{pw}',
                'active' => '1',
            ]
        ]
    ],
];""",
             ("magento_crypt_key", crypt), ("password", pw))


@tpl("commerce", "en")
def com_stripe_webhook_secret_en(r):
    wh = "whsec_" + rs(r, ALNUM, 32)
    return S("stripe_webhook_secret", f"""Stripe webhooks: every event fails with "No signatures found matching the expected signature for payload". I'm on Express. Is it the body parser?

const endpointSecret = "{wh}";

app.post("/stripe/webhook", express.json(), (req, res) => {{
  const sig = req.headers["stripe-signature"];
  let event;
  try {{
    event = stripe.webhooks.constructEvent(req.body, sig, endpointSecret);
  }} catch (err) {{
    return res.status(400).send(`Webhook Error: ${{err.message}}`);
  }}
  res.json({{ received: true }});
}});""",
             ("stripe_webhook_secret", wh))


@tpl("commerce", "en")
def com_paypal_rest_credentials_en(r):
    cid = "A" + rs(r, B64URL, 79)
    sec = "E" + rs(r, B64URL, 79)
    return S("paypal_client_secret", f"""Moving our ticket shop from PayPal sandbox to live. Token request works in sandbox, in live I get "invalid_client – Client Authentication failed". Do live apps need approval first?

curl -v https://api-m.paypal.com/v1/oauth2/token \\
  -u "{cid}:{sec}" \\
  -H "Content-Type: application/x-www-form-urlencoded" \\
  -d "grant_type=client_credentials"
""".rstrip(),
             ("paypal_client_secret", sec))


@tpl("commerce", "en")
def com_braintree_access_token_en(r):
    tok = "access_token$production$" + rs(r, LOALNUM, 16) + "$" + hexs(r, 32)
    return S("braintree_access_token", f"""We use the Braintree SDK through PayPal's "Braintree Direct" onboarding, so we got an access token instead of merchant/public/private keys. The Python client throws "ConfigurationError: Merchant ID is required". How do I pass the token?

import braintree

gateway = braintree.BraintreeGateway(
    access_token="{tok}"
)
result = gateway.transaction.sale({{
    "amount": "49.00",
    "payment_method_nonce": nonce_from_client,
    "options": {{"submit_for_settlement": True}},
}})""",
             ("braintree_access_token", tok))


@tpl("commerce", "en")
def com_adyen_api_key_en(r):
    key = ("AQE" + rs(r, ALNUM + "+/", 61) + "==-" + rs(r, ALNUM + "+/", 43) + "=-"
           + rs(r, ALNUM + "<>[]()%:;", 16))
    return S("adyen_api_key", f"""We're a Dutch webshop moving from the Adyen test to the live environment. The payments call returns 401 "HTTP Status Response - Unauthorized". Config in our .NET app:

"Adyen": {{
  "Environment": "Live",
  "LiveEndpointUrlPrefix": "1797a841fbb37ca7-FietsplaatsNL",
  "MerchantAccount": "FietsplaatsNLECOM",
  "ApiKey": "{key}",
  "ClientKey": "live_{rs(r, UPALNUM, 32)}"
}}

The API credential in the Customer Area has the "Checkout webservice role".""",
             ("adyen_api_key", key))


@tpl("commerce", "en")
def com_mollie_api_key_en(r):
    key = "live_" + rs(r, ALNUM, 30)
    return S("mollie_api_key", f"""Belgian shop on a custom PHP site. Bancontact payments through Mollie worked until yesterday, now createPayment throws "[401] Missing authentication, or failed to authenticate". Nothing changed in code:

$mollie = new \\Mollie\\Api\\MollieApiClient();
$mollie->setApiKey("{key}");

$payment = $mollie->payments->create([
    "amount" => ["currency" => "EUR", "value" => "24.95"],
    "method" => "bancontact",
    "description" => "Bestelling #" . $orderId,
    "redirectUrl" => "https://www.pralines-dewever.be/bedankt",
]);""",
             ("mollie_api_key", key))


@tpl("commerce", "en")
def com_paystack_secret_key_en(r):
    key = "sk_live_" + hexs(r, 40)
    return S("paystack_secret_key", f"""Paystack verify endpoint returns "Invalid key" for a customer in Lagos even though the payment shows as successful in the dashboard. Our Laravel controller:

public function verify(Request $request)
{{
    $reference = $request->query('reference');
    $response = Http::withToken('{key}')
        ->get("https://api.paystack.co/transaction/verify/{{$reference}}");

    if ($response->json('data.status') === 'success') {{
        Order::where('reference', $reference)->update(['paid' => true]);
    }}
}}""",
             ("paystack_secret_key", key))


@tpl("commerce", "en")
def com_flutterwave_secret_key_en(r):
    key = "FLWSECK-" + hexs(r, 32) + "-X"
    return S("flutterwave_secret_key", f"""Flutterwave M-Pesa charge from our Nairobi booking site keeps coming back "Invalid authorization key". Node code:

const res = await fetch("https://api.flutterwave.com/v3/charges?type=mpesa", {{
  method: "POST",
  headers: {{
    Authorization: "Bearer {key}",
    "Content-Type": "application/json",
  }},
  body: JSON.stringify({{
    tx_ref: `BK-${{bookingId}}`,
    amount: 3500,
    currency: "KES",
    email: customer.email,
    phone_number: customer.phone,
  }}),
}});""",
             ("flutterwave_secret_key", key))


@tpl("commerce", "en")
def com_razorpay_key_secret_en(r):
    kid = "rzp_live_" + rs(r, ALNUM, 14)
    sec = rs(r, ALNUM, 24)
    return S("razorpay_key_secret", f"""Razorpay signature verification fails for every payment on our Django site (Pune, live mode). Here's the settings and the check:

RAZORPAY_KEY_ID = "{kid}"
RAZORPAY_KEY_SECRET = "{sec}"

client = razorpay.Client(auth=(RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET))
client.utility.verify_payment_signature({{
    "razorpay_order_id": data["razorpay_order_id"],
    "razorpay_payment_id": data["razorpay_payment_id"],
    "razorpay_signature": data["razorpay_signature"],
}})""",
             ("razorpay_key_secret", sec))


@tpl("commerce", "es")
def com_mercadopago_access_token_es(r):
    tok = "APP_USR-%s-%s-%s-%s" % (digits(r, 16), digits(r, 6), hexs(r, 32), digits(r, 9))
    return S("mercadopago_access_token", f"""Tengo una tienda en Córdoba y estoy integrando Mercado Pago Checkout Pro en PHP. Con las credenciales de prueba anda, con las de producción el botón da "invalid_token". ¿Qué me falta?

<?php
require __DIR__ . '/vendor/autoload.php';
use MercadoPago\\MercadoPagoConfig;
use MercadoPago\\Client\\Preference\\PreferenceClient;

MercadoPagoConfig::setAccessToken("{tok}");
$client = new PreferenceClient();
$preference = $client->create([
  "items" => [["title" => "Mate de calabaza", "quantity" => 1, "unit_price" => 18500]],
  "back_urls" => ["success" => "https://matesdelsur.com.ar/gracias"],
]);""",
             ("mercadopago_access_token", tok))


@tpl("commerce", "en")
def com_square_access_token_en(r):
    tok = "EAAA" + rs(r, B64URL, 60)
    return S("square_access_token", f"""I run a small cafe in Melbourne and a friend wrote a script that pulls yesterday's Square sales into a Google Sheet. It stopped working with "UNAUTHORIZED". Did the token expire?

from square.client import Client

client = Client(
    access_token="{tok}",
    environment="production",
)
result = client.orders.search_orders(body={{
    "location_ids": ["L8Q2K1MZ7T9XB"],
    "query": {{"filter": {{"date_time_filter": {{"closed_at": {{"start_at": start, "end_at": end}}}}}}}},
}})""",
             ("square_access_token", tok))


@tpl("commerce", "en")
def com_quickbooks_refresh_token_en(r):
    cid = "AB" + rs(r, ALNUM, 48)
    csec = rs(r, ALNUM, 40)
    refresh = "AB11" + digits(r, 13) + rs(r, ALNUM, 33)
    realm = digits(r, 19)
    return S("quickbooks_refresh_token", f"""Our QuickBooks Online sync worked for 100 days and then started failing with "invalid_grant". Here's the token refresh we do every night. Is the refresh token supposed to change?

QBO_CLIENT_ID={cid}
QBO_CLIENT_SECRET={csec}
QBO_REALM_ID={realm}
QBO_REFRESH_TOKEN={refresh}

auth_client = AuthClient(QBO_CLIENT_ID, QBO_CLIENT_SECRET, REDIRECT_URI, "production")
auth_client.refresh(refresh_token=QBO_REFRESH_TOKEN)""",
             ("quickbooks_client_secret", csec), ("quickbooks_refresh_token", refresh))


@tpl("commerce", "en")
def com_xero_client_secret_en(r):
    cid = rs(r, UHEX, 32)
    sec = rs(r, B64URL, 48)
    return S("xero_client_secret", f"""Xero custom connection for our NZ accounting practice. Client-credentials request returns "unauthorized_client". I set it up in the developer portal yesterday and the client authorised it. Request:

POST https://identity.xero.com/connect/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials&scope=accounting.transactions accounting.contacts
client_id={cid}
client_secret={sec}""",
             ("xero_client_secret", sec))


@tpl("commerce", "en")
def com_pos_terminal_pins_en(r):
    sup = pin(r, 6)
    mgr = pin(r, 4)
    return S("pin", f"""Can you turn these notes into a laminated card for the shop counter? It's for the weekend staff at our bakery.

Card terminal (Ingenico Move/5000)
- Refund: Menu → 3 → enter amount → supervisor password {sup} → present card
- End of day: Menu → 5 → "Z report" (do this before closing!)
- Paper roll: 57 mm, spare rolls under the till

Till
- Void a line: manager PIN {mgr}
- No-sale (open drawer): only Anna or Tim""",
             ("pin", sup), ("pin", mgr))


@tpl("commerce", "en")
def com_stripe_publishable_key_en(r):
    pk = "pk_live_" + rs(r, ALNUM, 99)
    return N("publishable_key", f"""Stripe Elements doesn't render on our checkout page, the console says "IntegrationError: Please call Stripe() with your publishable key. You used an empty string." Here's the snippet – it has the key, so why?

<script src="https://js.stripe.com/v3/"></script>
<script>
  const stripe = Stripe(window.STRIPE_PK || "");
  // window.STRIPE_PK is set in layout.html:
  // <script>window.STRIPE_PK = "{pk}";</script>
  const elements = stripe.elements({{ clientSecret }});
  elements.create("payment").mount("#payment-element");
</script>""")


@tpl("commerce", "en")
def com_shopify_storefront_public_token_en(r):
    tok = hexs(r, 32)
    return N("public_client_key", f"""Headless Shopify with Hydrogen: product queries work but cart mutations fail. Is the public Storefront API token enough for carts, or do I need the private one on the server?

PUBLIC_STOREFRONT_API_TOKEN={tok}
PUBLIC_STORE_DOMAIN=lumen-candles.myshopify.com
PUBLIC_STOREFRONT_API_VERSION=2024-10
PRIVATE_STOREFRONT_API_TOKEN=   # not set yet, Oxygen injects it in production""")


@tpl("commerce", "en")
def com_flutterwave_public_key_en(r):
    pk = "FLWPUBK-" + hexs(r, 32) + "-X"
    return N("publishable_key", f"""Flutterwave inline checkout on our Accra shop opens, but after paying the modal just closes and the callback never fires. Snippet:

<script src="https://checkout.flutterwave.com/v3.js"></script>
<script>
  FlutterwaveCheckout({{
    public_key: "{pk}",
    tx_ref: "ORD-" + orderId,
    amount: 250,
    currency: "GHS",
    payment_options: "card, mobilemoneyghana",
    customer: {{ email: buyerEmail }},
    callback: function (data) {{ window.location = "/verify?tx=" + data.transaction_id; }},
  }});
</script>""")


@tpl("commerce", "en")
def com_pos_receipt_ids_en(r):
    mid = digits(r, 15)
    tid = digits(r, 8)
    rrn = digits(r, 12)
    auth = rs(r, UPALNUM, 6)
    return N("identifier", f"""A customer disputes this card payment and our bank asks for the receipt details. Which of these numbers do they need?

PRAIRIE HOME GOODS – Saskatoon SK
MID: {mid}
TID: {tid}
VISA ************4417   CONTACTLESS
PURCHASE            CAD 184.60
AUTH CODE: {auth}
RRN: {rrn}
AID: A0000000031010
01/APPROVED – THANK YOU""")


@tpl("commerce", "en")
def com_razorpay_key_id_checkout_en(r):
    kid = "rzp_live_" + rs(r, ALNUM, 14)
    return N("public_client_key", f"""Our React checkout opens Razorpay but UPI intent doesn't show on mobile. Options object below; is something missing? (The key_secret is only on our backend.)

const options = {{
  key: "{kid}",
  amount: order.amount,
  currency: "INR",
  name: "Chai & Co",
  order_id: order.id,
  prefill: {{ contact: user.phone, email: user.email }},
  config: {{ display: {{ preferences: {{ show_default_blocks: true }} }} }},
}};
new window.Razorpay(options).open();""")


@tpl("commerce", "en")
def com_stripe_dashboard_masked_en(r):
    tail = rs(r, ALNUM, 4)
    return N("masked_key", f"""This is what I see under Developers → API keys in Stripe. Which one should go into our accounting plugin, and why can I only see part of the secret key?

Standard keys
  Publishable key   pk_live_••••••••••••••••••••••••{rs(r, ALNUM, 4)}
  Secret key        sk_live_••••••••••••••••••••••••{tail}   Last used: Mar 12   [Reveal live key]
Restricted keys
  accounting-sync   rk_live_••••••••••••••••••••••••{rs(r, ALNUM, 4)}   Created: Jan 4""")


@tpl("commerce", "en")
def com_stripe_docs_test_key_en(r):
    return N("doc_example_key", """I'm following the Stripe quickstart and it has this line. Do I need to replace the key or does this work for testing as it is?

import stripe
stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"

stripe.PaymentIntent.create(amount=2000, currency="usd", automatic_payment_methods={"enabled": True})

The comment in the docs says it's a sample test key that's shared publicly.""")


@tpl("commerce", "en")
def com_woocommerce_placeholder_en(r):
    return N("placeholder", """The WooCommerce REST API docs show this Node example. What exactly do I paste where? Do I keep the ck_/cs_ prefixes?

const WooCommerceRestApi = require("@woocommerce/woocommerce-rest-api").default;

const api = new WooCommerceRestApi({
  url: "https://your-store.example",
  consumerKey: "ck_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
  consumerSecret: "cs_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
  version: "wc/v3"
});""")


@tpl("commerce", "en")
def com_adyen_client_key_en(r):
    ck = "live_" + rs(r, UPALNUM, 32)
    return N("public_client_key", f"""Adyen Drop-in shows "Invalid ClientKey" only on our staging domain. Frontend config:

const checkout = await AdyenCheckout({{
  environment: "live",
  clientKey: "{ck}",
  session: {{ id: session.id, sessionData: session.sessionData }},
  onPaymentCompleted: (result) => console.info(result.resultCode),
}});
checkout.create("dropin").mount("#dropin-container");

Allowed origins on the credential: https://www.fietsplaats.nl only.""")


@tpl("commerce", "en")
def com_magento_env_reference_en(r):
    return N("secret_reference", """After a security review we changed Magento's env.php to read secrets from the environment. Will bin/magento setup:upgrade overwrite this?

return [
    'crypt' => [
        'key' => getenv('MAGENTO_CRYPT_KEY')
    ],
    'db' => [
        'connection' => [
            'default' => [
                'host' => getenv('MAGENTO_DB_HOST'),
                'dbname' => 'magento',
                'username' => getenv('MAGENTO_DB_USER'),
                'password' => getenv('MAGENTO_DB_PASSWORD'),
            ]
        ]
    ],
];""")


@tpl("commerce", "en")
def com_stripe_test_cards_en(r):
    return N("test_card_number", """For our QA checklist, can you put these Stripe test cards in a table with the expected result?

4242 4242 4242 4242 – succeeds
4000 0000 0000 9995 – declined, insufficient funds
4000 0025 0000 3155 – requires 3-D Secure authentication
Any future expiry date (e.g. 12/34), any 3-digit CVC, any postal code.""")


@tpl("commerce", "id")
def com_xendit_public_key_id(r):
    pk = "xnd_public_production_" + rs(r, ALNUM, 44)
    return N("publishable_key", f"""Saya pasang Xendit di toko online (Next.js). Tokenisasi kartu gagal dengan pesan "API_VALIDATION_ERROR". Ini kodenya. Apakah kunci publik boleh ditaruh di frontend seperti ini?

Xendit.setPublishableKey("{pk}");
Xendit.card.createToken({{
  amount: 150000,
  card_number: form.nomorKartu,
  card_exp_month: form.bulan,
  card_exp_year: form.tahun,
  card_cvn: form.cvn,
  is_multiple_use: false
}}, responseHandler);

Kunci rahasia (secret key) hanya ada di server.""")


@tpl("commerce", "en")
def com_stripe_signature_header_en(r):
    ts = str(1741700000 + r.randrange(0, 90000))
    v1 = hexs(r, 64)
    v0 = hexs(r, 64)
    return N("hash", f"""Logged the incoming webhook header while debugging signature errors. Is the v0 signature something I should check too?

POST /stripe/webhook
Stripe-Signature: t={ts},v1={v1},v0={v0}
Content-Type: application/json; charset=utf-8
User-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)""")


@tpl("commerce", "en")
def com_paypal_transaction_ids_en(r):
    txn = rs(r, UPALNUM, 17)
    payer = rs(r, UPALNUM, 13)
    merchant = rs(r, UPALNUM, 13)
    inv = "INV2-" + "-".join(rs(r, UPALNUM, 4) for _ in range(4))
    return N("identifier", f"""A buyer says she paid but our system didn't mark the order. This is from the PayPal activity details. Which ID should I search for in our IPN logs?

Transaction ID: {txn}
Payer ID: {payer}
Merchant ID: {merchant}
Invoice ID: {inv}
Status: Completed
Gross amount: €64.90 EUR""")


# -------------------------------------------------------------- identity ---


def keytab(r, realm, principal):
    def cstr(s):
        b = s.encode()
        return struct.pack(">H", len(b)) + b
    comps = principal.split("/")
    out = b"\x05\x02"
    for enctype, klen in ((18, 32), (17, 16)):
        body = (struct.pack(">H", len(comps)) + cstr(realm) +
                b"".join(cstr(c) for c in comps) +
                struct.pack(">I", 1) + struct.pack(">I", 1736000000 + r.randrange(0, 9000000)) +
                bytes([3]) + struct.pack(">H", enctype) + struct.pack(">H", klen) +
                rbytes(r, klen) + struct.pack(">I", 3))
        out += struct.pack(">i", len(body)) + body
    return base64.b64encode(out).decode()


@tpl("identity", "en")
def id_okta_terraform_token_en(r):
    tok = "00" + rs(r, B64URL, 40)
    return S("okta_api_token", f"""terraform plan against our Okta org fails with "Error: failed to get user: the API returned an error: Invalid token provided". The token is brand new. Provider block:

terraform {{
  required_providers {{
    okta = {{ source = "okta/okta", version = "~> 4.8" }}
  }}
}}

provider "okta" {{
  org_name  = "northwind-health"
  base_url  = "oktapreview.com"
  api_token = "{tok}"
}}""",
             ("okta_api_token", tok))


@tpl("identity", "en")
def id_auth0_nextjs_env_en(r):
    sess = hexs(r, 64)
    cid = rs(r, ALNUM, 32)
    sec = rs(r, B64URL, 64)
    return S("auth0_client_secret", f"""Next.js + @auth0/nextjs-auth0: login redirects back with "Callback URL mismatch". My .env.local:

AUTH0_SECRET='{sess}'
APP_BASE_URL='http://localhost:3000'
AUTH0_DOMAIN='greenleaf-dev.eu.auth0.com'
AUTH0_CLIENT_ID='{cid}'
AUTH0_CLIENT_SECRET='{sec}'

Allowed Callback URLs in the Auth0 app: https://app.greenleaf.io/api/auth/callback""",
             ("session_secret", sess), ("auth0_client_secret", sec))


@tpl("identity", "en")
def id_keycloak_adapter_json_en(r):
    sec = rs(r, ALNUM, 32)
    return S("keycloak_client_secret", f"""Spring Boot service behind Keycloak returns 401 for every call with a valid token. This is the keycloak.json I downloaded from the client's "Action → Download adapter config" (German company, hence the host):

{{
  "realm": "intranet",
  "auth-server-url": "https://sso.hafenlogistik.de/",
  "ssl-required": "external",
  "resource": "zeiterfassung-api",
  "credentials": {{
    "secret": "{sec}"
  }},
  "confidential-port": 0,
  "bearer-only": true
}}""",
             ("keycloak_client_secret", sec))


@tpl("identity", "ja")
def id_azure_ad_app_registration_ja(r):
    tenant, client = uuid4(r), uuid4(r)
    sec = rs(r, B64URL + "~.", 3) + "8Q~" + rs(r, ALNUM + "_-.~", 34)
    while sec[-1] in ".~-":
        sec = sec[:-1] + r.choice(ALNUM)
    return S("azure_client_secret", f"""Microsoft Graphでメール送信するPythonスクリプトを作っています。トークンは取れるのですが、sendMail で 403 になります。アプリ登録の情報は以下です。API のアクセス許可が足りないのでしょうか？

アプリケーション (クライアント) ID: {client}
ディレクトリ (テナント) ID: {tenant}
クライアント シークレット（値）: {sec}
API のアクセス許可: Mail.Send（委任）

app = msal.ConfidentialClientApplication(CLIENT_ID, authority=f"https://login.microsoftonline.com/{{TENANT_ID}}", client_credential=CLIENT_SECRET)
token = app.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])""",
             ("azure_client_secret", sec))


@tpl("identity", "en")
def id_sssd_ldap_bind_en(r):
    pw = password(r, "en", syms="!@*-_+?")
    return S("password", f"""Ubuntu boxes stopped resolving LDAP users after we rotated the AD certificate. `id jdoe` returns "no such user". sssd.conf:

[sssd]
services = nss, pam
domains = corp.orbitlabs.io

[domain/corp.orbitlabs.io]
id_provider = ldap
auth_provider = ldap
ldap_uri = ldaps://dc01.corp.orbitlabs.io
ldap_search_base = dc=corp,dc=orbitlabs,dc=io
ldap_default_bind_dn = CN=svc-sssd,OU=Service Accounts,DC=corp,DC=orbitlabs,DC=io
ldap_default_authtok_type = password
ldap_default_authtok = {pw}
ldap_tls_reqcert = demand""",
             ("password", pw))


@tpl("identity", "en")
def id_kerberos_keytab_secret_en(r):
    kt = keytab(r, "CORP.KESTREL.LOCAL", "HTTP/intranet.corp.kestrel.local")
    return S("kerberos_keytab", f"""Our intranet pod does SPNEGO with a keytab from a Kubernetes Secret. Browsers fall back to the login form. Is the keytab itself broken? This is the secret (I decoded nothing, just pasted):

apiVersion: v1
kind: Secret
metadata:
  name: intranet-keytab
  namespace: intranet
type: Opaque
data:
  krb5.keytab: {kt}""",
             ("kerberos_keytab", kt))


@tpl("identity", "en")
def id_totp_otpauth_uri_en(r):
    sec = rs(r, B32, 32)
    return S("totp_seed", f"""I'm moving my work 2FA from Google Authenticator to KeePassXC. I exported the QR and decoded it with zbarimg. KeePassXC says "invalid TOTP settings" when I paste this – what part does it want?

QR-Code:otpauth://totp/Okta:priya.raman%40northwind-health.com?secret={sec}&issuer=Okta&algorithm=SHA1&digits=6&period=30""",
             ("totp_seed", sec))


@tpl("identity", "en")
def id_github_recovery_codes_en(r):
    codes = ["%s-%s" % (hexs(r, 5), hexs(r, 5)) for _ in range(16)]
    body = "\n".join(codes)
    return S("recovery_code", f"""I downloaded my GitHub recovery codes and want to print them nicely for my safe. Can you lay them out in two columns with checkboxes so I can tick off used ones?

{body}

Put these in a safe spot.
If you lose your device and don't have the recovery codes you will lose access to your account.""",
             *[("recovery_code", c) for c in codes])


@tpl("identity", "uk")
def id_google_backup_codes_uk(r):
    codes = ["%s %s" % (digits(r, 4), digits(r, 4, lead=False)) for _ in range(10)]
    body = "\n".join("%d. %s" % (i + 1, c) for i, c in enumerate(codes))
    return S("recovery_code", f"""Тато попросив зберегти його резервні коди Google, бо він міняє телефон. Допоможи оформити їх як табличку для друку, щоб він тримав її вдома.

РЕЗЕРВНІ КОДИ
petro.melnyk1958@gmail.com
{body}
(кожен код можна використати лише один раз)""",
             *[("recovery_code", c) for c in codes])


@tpl("identity", "en")
def id_python3_saml_settings_en(r):
    full = rsa_private_key(r)
    body = "".join(full.splitlines()[1:-1])
    cert = "".join(certificate(r).splitlines()[1:-1])
    return S("private_key", f"""python3-saml throws "OneLogin_Saml2_Error: Invalid dict settings: sp_cert_not_found_and_required" even though I filled the cert. settings.json (sp part):

"sp": {{
    "entityId": "https://timesheets.orbitlabs.io/saml/metadata/",
    "assertionConsumerService": {{
        "url": "https://timesheets.orbitlabs.io/saml/acs/",
        "binding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
    }},
    "NameIDFormat": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    "x509cert": "{cert}",
    "privateKey": "{body}"
}}""",
             ("private_key", body))


@tpl("identity", "en")
def id_grafana_generic_oauth_en(r):
    cid = rs(r, ALNUM, 40)
    sec = rs(r, ALNUM, 128)
    return S("oidc_client_secret", f"""Grafana login via Authentik fails with "login.OAuthLogin(NewTransportWithCode) failed: oauth2: cannot fetch token: 401". Here's grafana.ini:

[auth.generic_oauth]
enabled = true
name = Authentik
client_id = {cid}
client_secret = {sec}
scopes = openid email profile
auth_url = https://auth.homelab.lan/application/o/authorize/
token_url = https://auth.homelab.lan/application/o/token/
api_url = https://auth.homelab.lan/application/o/userinfo/
role_attribute_path = contains(groups, 'Grafana Admins') && 'Admin' || 'Viewer'""",
             ("oidc_client_secret", sec))


@tpl("identity", "en")
def id_auth0_management_token_en(r):
    tok = jwt(r, {"alg": "RS256", "typ": "JWT", "kid": rs(r, B64URL, 22)},
              {"iss": "https://greenleaf.eu.auth0.com/",
               "sub": rs(r, ALNUM, 32) + "@clients",
               "aud": "https://greenleaf.eu.auth0.com/api/v2/",
               "iat": 1741600000, "exp": 1741686400,
               "scope": "read:users update:users delete:users read:logs",
               "gty": "client-credentials",
               "azp": rs(r, ALNUM, 32)}, siglen=342)
    return S("auth0_management_token", f"""Calling the Auth0 Management API from Postman gives "Insufficient scope, expected any of: create:users". I copied the token from the API Explorer tab:

PATCH https://greenleaf.eu.auth0.com/api/v2/users/auth0|65f1c2a9e4b0a1d2c3e4f5a6
Authorization: Bearer {tok}
Content-Type: application/json

{{"blocked": false}}""",
             ("auth0_management_token", tok))


@tpl("identity", "en")
def id_onepassword_service_account_en(r):
    payload = {
        "signInAddress": "my.1password.eu",
        "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256",
                     "iterations": 650000, "salt": rs(r, B64URL, 22)},
        "email": rs(r, LOALNUM, 13) + "@1passwordserviceaccounts.eu",
        "srpX": hexs(r, 64),
        "muk": {"alg": "A256GCM", "ext": True, "k": rs(r, B64URL, 43),
                "key_ops": ["encrypt", "decrypt"], "kty": "oct", "kid": "mp"},
        "secretKey": "A3-%s-%s-%s-%s-%s-%s" % (rs(r, UPALNUM, 6), rs(r, UPALNUM, 6),
                                               rs(r, UPALNUM, 5), rs(r, UPALNUM, 5),
                                               rs(r, UPALNUM, 5), rs(r, UPALNUM, 5)),
        "throttleSecret": {"seed": hexs(r, 64), "uuid": rs(r, UPALNUM, 26)},
        "deviceUuid": rs(r, LOALNUM, 26),
    }
    tok = "ops_" + b64u(json.dumps(payload, separators=(",", ":")).encode())
    return S("onepassword_service_account_token", f"""GitHub Actions step using 1Password's load-secrets-action fails with "authorization prompt dismissed". I think the service account token is wrong. Workflow (yes, I know it shouldn't be inline, this is a test repo):

- name: Load secrets
  uses: 1password/load-secrets-action@v2
  env:
    OP_SERVICE_ACCOUNT_TOKEN: {tok}
    DB_PASSWORD: op://ci-staging/postgres/password""",
             ("onepassword_service_account_token", tok))


@tpl("identity", "en")
def id_doppler_service_token_en(r):
    tok = "dp.st.prd." + rs(r, ALNUM, 40)
    return S("doppler_token", f"""Docker container can't fetch secrets: "Doppler Error: This token does not have access to requested project 'billing'". docker-compose.yml:

services:
  billing-worker:
    image: ghcr.io/orbitlabs/billing-worker:1.9.2
    command: ["doppler", "run", "--", "node", "worker.js"]
    environment:
      DOPPLER_TOKEN: "{tok}"
      DOPPLER_PROJECT: billing
      DOPPLER_CONFIG: prd""",
             ("doppler_token", tok))


@tpl("identity", "en")
def id_putty_ppk_en(r):
    comment = "eddsa-key-2025%02d%02d" % (r.randrange(1, 13), r.randrange(1, 28))
    pub = base64.b64encode(struct.pack(">I", 11) + b"ssh-ed25519" + struct.pack(">I", 32) + rbytes(r, 32)).decode()
    priv = base64.b64encode(struct.pack(">I", 32) + rbytes(r, 32)).decode()
    mac = hexs(r, 64)
    ppk = ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: %s\n"
           "Public-Lines: 2\n%s\n%s\nPrivate-Lines: 1\n%s\nPrivate-MAC: %s"
           % (comment, pub[:64], pub[64:], priv, mac))
    return S("putty_private_key", f"""WinSCP asks me for a passphrase for this key even though I never set one, and then says the key is invalid. Is something wrong with the file? This is the whole .ppk:

{ppk}

I generated it with PuTTYgen 0.80 on my work laptop.""",
             ("putty_private_key", ppk))


@tpl("identity", "en")
def id_saml_idp_metadata_cert_en(r):
    cert = "".join(certificate(r).splitlines()[1:-1])
    return N("certificate", f"""Our SP rejects the SAML response with "Signature validation failed". This is the IdP metadata we imported. Is the certificate expired or is it the wrong one?

<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk9q2x7LmN3pR4sT5d7">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
        <ds:X509Data><ds:X509Certificate>{cert}</ds:X509Certificate></ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://northwind-health.okta.com/app/northwind_timesheets_1/exk9q2x7LmN3pR4sT5d7/sso/saml"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>""")


@tpl("identity", "en")
def id_oidc_jwks_public_en(r):
    n = b64u(b"\xc4" + rbytes(r, 255))
    kid = rs(r, B64URL, 43)
    return N("public_key", f"""Our API validates Keycloak tokens with this JWKS, but after Keycloak's key rotation some tokens fail with "kid not found". Here's what /protocol/openid-connect/certs returns now:

{{
  "keys": [
    {{
      "kid": "{kid}",
      "kty": "RSA",
      "alg": "RS256",
      "use": "sig",
      "n": "{n}",
      "e": "AQAB"
    }}
  ]
}}""")


@tpl("identity", "en")
def id_spa_pkce_config_en(r):
    cid = "0oa" + rs(r, ALNUM, 17)
    return N("public_client_key", f"""Okta sign-in widget in our React SPA loops back to the login page after successful sign-in. Config:

const oktaAuth = new OktaAuth({{
  issuer: "https://northwind-health.okta.com/oauth2/default",
  clientId: "{cid}",
  redirectUri: window.location.origin + "/login/callback",
  scopes: ["openid", "profile", "email"],
  pkce: true,
}});

It's a public client with PKCE, so there's no client secret.""")


@tpl("identity", "en")
def id_ldapsearch_prompt_en(r):
    return N("password_prompt", """ldapsearch gives "ldap_bind: Invalid credentials (49) additional info: 80090308: LdapErr: DSID-0C090569, comment: AcceptSecurityContext error, data 52e". I type the password at the prompt. Command:

ldapsearch -H ldaps://dc01.corp.orbitlabs.io \\
  -D "CN=svc-sssd,OU=Service Accounts,DC=corp,DC=orbitlabs,DC=io" -W \\
  -b "dc=corp,dc=orbitlabs,dc=io" "(sAMAccountName=jdoe)" memberOf
Enter LDAP Password:""")


@tpl("identity", "en")
def id_klist_keytab_listing_en(r):
    return N("no_credential", """Which of these keytab entries does the browser's SPNEGO ticket need to match? Output from the container:

$ klist -kte /etc/krb5.keytab
Keytab name: FILE:/etc/krb5.keytab
KVNO Timestamp           Principal
---- ------------------- ------------------------------------------------------
   3 02/11/2025 09:14:07 HTTP/intranet.corp.kestrel.local@CORP.KESTREL.LOCAL (aes256-cts-hmac-sha1-96)
   3 02/11/2025 09:14:07 HTTP/intranet.corp.kestrel.local@CORP.KESTREL.LOCAL (aes128-cts-hmac-sha1-96)""")


@tpl("identity", "en")
def id_totp_doc_example_en(r):
    return N("doc_example_key", """The Google Authenticator wiki's key URI example is below. I'm building a QR code generator for our app – is the secret base32 without padding, and is issuer required?

otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example""")


@tpl("identity", "en")
def id_azure_secret_list_masked_en(r):
    rows = []
    for desc, exp in (("gh-actions-deploy", "9/14/2025"), ("postman-testing", "2/1/2025"), ("old-prod", "11/30/2024")):
        rows.append("%-19s %-10s %s***********************   %s" % (desc, exp, rs(r, ALNUM + "~", 3), uuid4(r)))
    body = "\n".join(rows)
    return N("masked_key", f"""Azure portal, App registrations → invoice-portal-prod → Certificates & secrets. Which of these can I delete safely? The "old-prod" one expired already.

Description         Expires    Value                         Secret ID
{body}""")


@tpl("identity", "en")
def id_keycloak_export_masked_en(r):
    return N("redacted", """I exported our Keycloak realm to move it to a new server. After import the confidential clients don't work. Part of realm-export.json:

{
  "clientId": "zeiterfassung-api",
  "enabled": true,
  "clientAuthenticatorType": "client-secret",
  "secret": "**********",
  "bearerOnly": true,
  "publicClient": false,
  "protocol": "openid-connect"
}""")


@tpl("identity", "en")
def id_okta_password_policy_en(r):
    return N("password_policy", """Can you explain this Okta password policy to our HR team in plain English?

"settings": {
  "password": {
    "complexity": {
      "minLength": 14, "minLowerCase": 1, "minUpperCase": 1,
      "minNumber": 1, "minSymbol": 0, "excludeUsername": true,
      "dictionary": { "common": { "exclude": true } }
    },
    "age": { "maxAgeDays": 0, "expireWarnDays": 0, "minAgeMinutes": 60, "historyCount": 10 },
    "lockout": { "maxAttempts": 10, "autoUnlockMinutes": 30, "showLockoutFailures": false }
  }
}""")


@tpl("identity", "en")
def id_jwt_io_example_en(r):
    return N("doc_example_key", """I'm teaching a workshop on JWTs and want to decode the classic example from jwt.io step by step. Can you walk through the three parts of this token?

eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c""")


@tpl("identity", "en")
def id_auth0_github_secrets_reference_en(r):
    return N("secret_reference", """Deploy workflow for our Next.js app. Login works locally but on Vercel preview deployments I get "secret is required". Are the env names right?

- name: Deploy to Vercel
  run: vercel deploy --prebuilt --token=${{ secrets.VERCEL_TOKEN }}
  env:
    AUTH0_SECRET: ${{ secrets.AUTH0_SECRET }}
    AUTH0_DOMAIN: greenleaf.eu.auth0.com
    AUTH0_CLIENT_ID: ${{ vars.AUTH0_CLIENT_ID }}
    AUTH0_CLIENT_SECRET: ${{ secrets.AUTH0_CLIENT_SECRET }}""")


# ----------------------------------------------------------------- prose ---

@tpl("prose", "sv")
def prose_sv_bankid_pin(r):
    code = pin(r, 6)
    return S("pin", f"""Min mamma (79) har skrivit sin säkerhetskod till BankID på en lapp i plånboken: {code}. Hon tycker det är svårt att komma ihåg den. Kan du skriva en enkel steg-för-steg-instruktion för hur hon byter till att logga in med ansiktsigenkänning i stället, så att hon kan slänga lappen?""",
             ("pin", code))


@tpl("prose", "id")
def prose_id_kos_wifi(r):
    pw = password(r, "id", syms="-_")
    return S("password", f"""Tolong buatkan pengumuman yang sopan untuk grup WhatsApp penghuni kos. Isinya: mulai hari ini nama wifi diganti jadi "KosMelati_Lt2" dan password barunya {pw}. Tolong jangan dibagikan ke tamu, kalau ada tamu pakai wifi "KosMelati_Tamu" saja. Kalau ada kendala hubungi Bu Ratna.""",
             ("password", pw))


@tpl("prose", "uk")
def prose_uk_grandma_email(r):
    pw = password(r, "uk")
    return S("password", f"""Допоможи, будь ласка, написати для бабусі дуже просту інструкцію великими літерами, як зайти в пошту з нового планшета. Адреса: halyna.kovalenko47@ukr.net, пароль: {pw}. Їй треба натиснути на значок конверта, ввести адресу, потім пароль, і все. Вона часто плутає, де адреса, а де пароль.""",
             ("password", pw))


@tpl("prose", "cs")
def prose_cs_pohoda_handover(r):
    pw = password(r, "cs")
    return S("password", f"""Kolegyně z účtárny odchází na mateřskou a já po ní přebírám fakturaci. Napsala mi tohle, můžeš z toho udělat přehledný seznam, co mám kdy dělat?

„Pohoda se spouští z plochy, přihlašuješ se jako FAKTURACE, heslo {pw}. Vydané faktury posílej vždy do 5. v měsíci, zálohové do 15. Banku párujeme každé pondělí. Kdyby něco, volej mi, ale až po obědě :)“""",
             ("password", pw))


@tpl("prose", "vi")
def prose_vi_mom_zalo(r):
    pw = password(r, "vi")
    return S("password", f"""Mẹ mình vừa bị mất điện thoại nên mình đã đổi mật khẩu Zalo cho mẹ thành {pw}. Bạn viết giúp mình một hướng dẫn thật đơn giản, từng bước, để mẹ đăng nhập Zalo trên điện thoại mới nhé (số điện thoại vẫn như cũ). Mẹ mình không rành công nghệ lắm.""",
             ("password", pw))


@tpl("prose", "nl")
def prose_nl_babysitter_alarm(r):
    code = pin(r, 4)
    return S("pin", f"""Kun je een kort briefje maken voor onze nieuwe oppas? Dit moet erin: de kinderen gaan om 19:30 naar bed, Noor mag nog een kwartiertje lezen. Als ze weggaat na 23:00 moet het alarm aan: code {code} en dan op "afwezig" drukken. De sleutel ligt onder de bloempot bij de achterdeur. Ons nummer staat op de koelkast.""",
             ("pin", code))


@tpl("prose", "it")
def prose_it_gpg_passphrase(r):
    pp = phrase(r, 4, " ", "it")
    return S("password", f"""Sto preparando le istruzioni per mio fratello nel caso mi succeda qualcosa (i documenti importanti sono in un archivio cifrato con GPG sulla chiavetta nel cassetto). Mi aiuti a scriverle in modo chiaro? Lui non è pratico di computer. La passphrase della chiave è "{pp}" (tutto minuscolo, con gli spazi).""",
             ("password", pp))


@tpl("prose", "ko")
def prose_ko_airbnb_doorlock(r):
    code = pin(r, 6)
    wifi = wifi_key(r, "ko")
    return S("pin", f"""에어비앤비 게스트한테 보낼 체크인 안내 메시지를 영어랑 한국어로 같이 써 줄 수 있어요? 내용은 이거예요: 체크인은 오후 3시부터, 건물 1층 공동현관은 호출 없이 열려 있고, 402호 도어락 비밀번호는 {code} 누르고 별표(*)예요. 와이파이 이름은 Mapo_402, 비번은 {wifi}. 쓰레기는 분리수거해서 1층에 버려 주세요.""",
             ("pin", code), ("password", wifi))


@tpl("prose", "tr")
def prose_tr_edevlet_father(r):
    pw = password(r, "tr")
    return S("password", f"""Babam emekliliği için SGK hizmet dökümünü almak istiyor. Onun e-Devlet şifresi {pw}, TC kimlik numarasını da biliyorum. Bana adım adım, e-Devlet'ten hizmet dökümü barkodlu belgeyi nasıl indireceğimi anlatır mısın? Telefondan mı bilgisayardan mı yapmak daha kolay?""",
             ("password", pw))


@tpl("prose", "de")
def prose_de_ferienwohnung(r):
    wifi = password(r, "de", syms="-_!")
    box = pin(r, 4)
    return S("password", f"""Hilf mir bitte, eine freundliche Willkommensnachricht für die Gäste unserer Ferienwohnung in Garmisch zu schreiben (Anreise Samstag). Inhalt: Der Schlüssel ist in der Schlüsselbox neben der Haustür, Code {box}. WLAN heißt „Alpenblick-Gast“, Passwort {wifi}. Brötchenservice bis 18 Uhr am Vortag bestellen, Mülltonnen stehen hinter der Garage. Bei Fragen: Frau Huber, 0151 2384 7712.""",
             ("password", wifi), ("pin", box))


@tpl("prose", "fr")
def prose_fr_digicode_livraison(r):
    code = rs(r, "ABC", 1) + pin(r, 4)
    return S("pin", f"""Tu peux m'aider à écrire une consigne courte pour les livreurs, à mettre dans mon compte Amazon et Chronopost ? L'adresse c'est 14 rue des Tanneurs à Lyon, le digicode de la porte d'entrée est {code}, puis interphone au nom de "Benali / Roux", 3e étage gauche. Si personne ne répond, déposer le colis chez la gardienne (loge au fond de la cour).""",
             ("pin", code))


@tpl("prose", "es")
def prose_es_madre_banco(r):
    p = pin(r, 4)
    clave = digits(r, 6)
    return S("pin", f"""Mi madre me ha pedido que le ayude con el banco desde que se cayó y no puede salir. Me dio el PIN de su tarjeta ({p}) y la clave de la banca online ({clave}). ¿Cómo puedo ponerme como autorizado en su cuenta de forma legal para no tener que usar sus claves? Es de Unicaja.""",
             ("pin", p), ("pin", clave))


@tpl("prose", "en")
def prose_en_wallet_seed_phrase(r):
    sp = seed_phrase(r, 12)
    return S("recovery_phrase", f"""My late uncle left a note with "MetaMask" written on it and these words:

{sp}

My cousin and I want to check if there's anything in the wallet before we tell the rest of the family. What's the safest way to do this? We don't want to make a mistake and lose anything.""",
             ("recovery_phrase", sp))


@tpl("prose", "en")
def prose_en_family_streaming(r):
    pw = password(r, "en")
    return S("password", f"""Can you write a short, friendly text I can send to my two sisters? Our family Disney+ account now uses my new email, kaylee.morgan.home@outlook.com, and the password is {pw}. Please say they should each make their own profile and not change the password, and that I'll split the bill monthly on Venmo.""",
             ("password", pw))


@tpl("prose", "en")
def prose_en_office_safe_combination(r):
    combo = "%d-%d-%d" % (r.randrange(10, 99), r.randrange(10, 99), r.randrange(10, 99))
    return S("pin", f"""I'm writing the handover notes for the Saturday supervisor at our pharmacy. Please make this clearer and put it in order:

Cash float is in the back-office safe. Combination {combo} (turn right four times to the first number, left three times to the second, right twice to the third). Count the float (should be $300) before opening. Controlled-drug cabinet keys are NOT in the safe, the pharmacist keeps them.""",
             ("pin", combo))


NUM_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven",
             "eight", "nine"]
SYM_WORDS = {"!": "exclamation mark", "-": "dash", "_": "underscore",
             "@": "at sign", "?": "question mark", "+": "plus"}


def spell(pw):
    out = []
    for ch in pw:
        if ch.isdigit():
            out.append(NUM_WORDS[int(ch)])
        elif ch.isupper():
            out.append("capital " + ch)
        elif ch.isalpha():
            out.append(ch)
        else:
            out.append(SYM_WORDS[ch])
    return ", ".join(out)


@tpl("prose", "en")
def prose_en_voicemail_spelled(r):
    pw = r.choice(WORDS["en"]) + digits(r, 2) + r.choice("!?-")
    sp = spell(pw)
    return S("password_spelled", f"""Can you clean up this voicemail transcription from my neighbour so I can save it as a note? The speech-to-text made a mess.

"Hi love it's Maureen from number twelve, um, you asked about the Wi-Fi while your broadband's down, no problem at all, the network is Maureen's Hub and the password is {sp}, all one word, um, give me a ring if it doesn't work, bye bye, bye.\"""",
             ("password_spelled", sp))


@tpl("prose", "sv")
def prose_sv_fridge_note(r):
    return N("out_of_band_notice", """Kan du hjälpa mig skriva ett välkomstbrev till vår nya inneboende? Hon flyttar in på lördag. Ta med: tvättstugan bokas på lappen i trapphuset, soporna sorteras i gården, och wifi-lösenordet står på lappen på kylskåpet (jag vill inte skriva det i brevet ifall det hamnar fel). Hyran betalas den 25:e varje månad.""")


@tpl("prose", "id")
def prose_id_otp_scam(r):
    return N("security_advice", """Tadi ibu saya ditelepon orang yang mengaku dari bank, katanya rekeningnya akan diblokir kalau tidak menyebutkan kode OTP yang dikirim lewat SMS. Untungnya ibu belum sempat kasih. Tolong buatkan pesan singkat untuk grup keluarga supaya semua orang tahu bahwa bank tidak pernah meminta kode OTP, PIN, atau password lewat telepon.""")


@tpl("prose", "uk")
def prose_uk_password_hint(r):
    return N("password_hint", """Я забула пароль від сімейного ноутбука. Чоловік каже, що пароль — це кличка нашого першого кота плюс рік, коли ми одружилися, але не пам'ятає, з великої літери чи з малої. Скільки спроб дає Windows, перш ніж заблокувати обліковий запис, і чи можна скинути пароль через обліковий запис Microsoft?""")


@tpl("prose", "cs")
def prose_cs_datovka_reset(r):
    return N("reset_notice", """Zapomněla jsem heslo do datové schránky, tak jsem si na Czech POINTu nechala vydat nové přístupové údaje. Prý mi přijdou doporučeně poštou do vlastních rukou. Co mám udělat, až dopis přijde, a musím si heslo hned změnit? Napiš mi to prosím v bodech.""")


@tpl("prose", "en")
def prose_en_xkcd_passphrase(r):
    return N("doc_example_key", """Is the "correct horse battery staple" advice from that famous xkcd comic still good in 2025? I want to explain passphrases to my parents and I'm not sure if four random words is still considered strong, or if they should just use a password manager.""")


@tpl("prose", "en")
def prose_en_wifi_text_later(r):
    return N("out_of_band_notice", """Can you help me write a message to the family staying at our cabin this weekend? Key is in the lockbox by the shed (I'll text them the code the morning they arrive), the Wi-Fi password is on the card inside the kitchen drawer, and the hot tub cover has to go back on every night because of the raccoons.""")


@tpl("prose", "en")
def prose_en_seed_phrase_scam(r):
    return N("security_advice", """Someone in a crypto Discord DM'd me saying my wallet was "flagged" and I need to "validate" it by entering my 12-word recovery phrase on their site. I didn't do it. Is this a scam? How do I report them, and is there anything I should do to protect my wallet now?""")


@tpl("prose", "en")
def prose_en_netflix_changed(r):
    return N("rotation_notice", """Please write a short, not-too-passive-aggressive message to my roommates: I changed the Netflix password because someone's ex was still logged in. I've put the new one in our shared Apple Notes, not in the group chat. Also remind them it's their turn to buy toilet paper.""")


@tpl("prose", "en")
def prose_en_pin_letter_placeholder(r):
    return N("placeholder", """I'm drafting a letter template for our credit union's card mailer. Does this read well? The bracketed parts are merge fields.

Dear [MEMBER_FIRST_NAME],
Your new debit card ending in [LAST4] is enclosed. Your PIN will arrive separately in a sealed envelope within 5 business days. For your security, please never write your PIN on the card. If you did not request this card, call us at [BRANCH_PHONE].""")


@tpl("prose", "en")
def prose_en_rent_bank_details(r):
    sort = "%s-%s-%s" % (digits(r, 2, False), digits(r, 2, False), digits(r, 2, False))
    acct = digits(r, 8, lead=False)
    return N("account_number", f"""Can you write a polite message to my new tenant explaining how to pay rent? It's due on the 1st, by standing order to: account name J. Okonkwo, sort code {sort}, account number {acct}, reference "FLAT 3 RENT". Also mention the deposit is protected with the DPS and I'll send the certificate by email.""")


@tpl("prose", "en")
def prose_en_open_wifi(r):
    return N("empty_value", """Our village hall has a new Wi-Fi for events. Can you make a small sign for the noticeboard?

Network: VillageHall-Public
Password: none (open network – just connect and accept the terms on the page that pops up)
Please don't do online banking on it.
Problems? Ask Geoff at the bar.""")


@tpl("prose", "en")
def prose_en_manager_hidden_value(r):
    return N("redacted", """In Bitwarden, my router's admin login shows up like this and I can't figure out how to see the password so I can type it into the router page. I'm on the iPhone app:

Name: Router admin
Username: admin
Password: ••••••••••••  (eye icon)
URL: http://192.168.1.254

Is the eye icon the only way, and why does it ask for my master password again?""")


# ------------------------------------------------------------ more rows ---

@tpl("lowcode", "en")
def lc_node_red_twitch_en(r):
    cid = rs(r, LOALNUM, 30)
    tok = rs(r, LOALNUM, 30)
    nid1, nid2 = hexs(r, 16), hexs(r, 16)
    return S("twitch_oauth_token", f"""Node-RED flow that turns my desk lamp red when my favourite streamer goes live. The http request node always returns 401 "Invalid OAuth token". Here's the function node from the export:

[{{"id":"{nid1}","type":"function","z":"3c1d7a90b2e4f581","name":"Twitch headers","func":"msg.headers = {{\\n  'Client-Id': '{cid}',\\n  'Authorization': 'Bearer {tok}'\\n}};\\nmsg.url = 'https://api.twitch.tv/helix/streams?user_login=' + msg.payload;\\nreturn msg;","outputs":1,"x":330,"y":160,"wires":[["{nid2}"]]}}]""",
             ("twitch_oauth_token", tok))


@tpl("lang", "en")
def lang_r_mapbox_secret_token_en(r):
    payload = json.dumps({"u": "agrimap-ke", "a": "cm" + rs(r, LOALNUM, 23)},
                         separators=(",", ":")).encode()
    tok = "sk." + b64u(payload) + "." + rs(r, B64URL, 22)
    return S("mapbox_secret_token", f"""R / mapboxapi: uploading our field boundaries as a tileset fails with "Upload failed: Unauthorized". The docs say I need a secret token with uploads:write, which I think this is:

library(mapboxapi)
library(sf)

mb_access_token("{tok}", install = TRUE, overwrite = TRUE)
parcels <- st_read("data/parcels_nakuru_2025.gpkg")
upload_tiles(input = parcels, username = "agrimap-ke",
             tileset_id = "parcels_2025", multipart = TRUE)""",
             ("mapbox_secret_token", tok))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
