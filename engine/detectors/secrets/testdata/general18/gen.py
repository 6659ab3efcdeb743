#!/usr/bin/env python3
"""general18 hold-out set for the secrets detector.

Python 3, standard library only. Every row comes from one hand-written
template, used exactly once. Values are random draws in public shapes.

    python3 gen.py            write holdout.jsonl and validate it
    python3 gen.py --check    rebuild and compare byte for byte
    python3 gen.py --stats    print counts
"""
import base64
import json
import os
import random
import re
import string
import sys
from collections import Counter

SEED = "parapet/general18/holdout/v1"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

GROUPS = ["travel", "media", "logistics", "personal", "research"]
LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "pl": "Polish",
    "sv": "Swedish", "tr": "Turkish", "ja": "Japanese", "zh": "Chinese",
    "ko": "Korean", "ru": "Russian", "uk": "Ukrainian", "cs": "Czech",
    "ar": "Arabic", "fi": "Finnish", "el": "Greek", "da": "Danish",
    "ro": "Romanian", "hu": "Hungarian", "no": "Norwegian", "vi": "Vietnamese",
    "id": "Indonesian", "hi": "Hindi", "he": "Hebrew", "th": "Thai",
}
HUMAN = {"password", "pin", "puk", "one_time_code", "recovery_code",
         "recovery_key", "passphrase", "recovery_phrase", "security_answer"}

ALPHA = {
    "A": string.ascii_letters + string.digits,
    "a": string.ascii_lowercase + string.digits,
    "l": string.ascii_lowercase,
    "U": string.ascii_uppercase + string.digits,
    "L": string.ascii_uppercase,
    "h": "0123456789abcdef",
    "H": "0123456789ABCDEF",
    "d": string.digits,
    "n": "123456789",
    "b": string.ascii_letters + string.digits + "-_",
    "B": string.ascii_letters + string.digits + "+/",
    "Z": "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
}

WORDS = ["sol", "mare", "tiger", "Falke", "lumi", "kawa", "sakura", "nube",
         "Rabe", "ulmo", "pepper", "kiwi", "Bergen", "tango", "Loire",
         "monsun", "Zitrone", "orzo", "cactus", "Ostsee", "jaguar", "tundra",
         "Faro", "Kobe", "marmot", "Vistula", "ceviche", "Donau", "yuzu",
         "aurora", "Lisboa", "kestrel", "Tatra", "basil", "Ganges", "oliva",
         "Hokkaido", "ferrum", "Anatolia", "piment", "Sahara", "nordlys",
         "kumquat", "Bodrum", "otter", "Kraken", "mango", "Zagreb", "rosmarin",
         "pingvin", "chaton", "fjell", "Medina", "drozd", "Zephyr", "kakao"]
ACCENTED = ["Großvater", "Sjöström", "Żubrówka", "Ñandú", "Ärmel", "Cœur",
            "Øresund", "Ģirts", "Tűzoltó", "Çamlıca", "Mañana", "Brücke",
            "Šumava", "Łódka", "Ísland", "Ğüneş"]
LOWER = ["amber", "river", "copper", "lantern", "maple", "orbit", "quartz",
         "saddle", "timber", "velvet", "walnut", "harbor", "island", "meadow",
         "pebble", "rocket", "spruce", "thistle", "violet", "willow", "cobalt",
         "ember", "glacier", "hazel", "juniper", "kettle", "lemon", "nectar",
         "ocean", "prairie", "raven", "sierra", "tulip", "umber", "vapor",
         "badger", "canyon", "dune", "falcon", "garnet", "heron", "iris"]
SAFE_SYM = "!*_-+.@%"


def draw(rng, code, n):
    return "".join(rng.choice(ALPHA[code]) for _ in range(n))


def gen_pw_word(rng):
    return rng.choice(WORDS) + draw(rng, "d", rng.randint(2, 4)) + rng.choice("!*_-+@%")


def gen_pw_two(rng):
    a, b = rng.sample(WORDS, 2)
    return a + rng.choice("!*_-+.@") + b + draw(rng, "d", rng.randint(1, 3))


def gen_pw_phrase(rng):
    sep = rng.choice("-._")
    return sep.join(rng.sample(LOWER, rng.randint(3, 4)))


def gen_pw_rand(rng):
    n = rng.randint(12, 18)
    while True:
        s = "".join(rng.choice(ALPHA["A"] + SAFE_SYM) for _ in range(n))
        if (any(c.isdigit() for c in s) and any(c in SAFE_SYM for c in s)
                and s[-1] != "." and s[0] not in SAFE_SYM):
            return s


def gen_pw_walk(rng):
    walk = rng.choice(["Qwerty", "Asdfgh", "Zxcvbn", "Qazwsx", "Wsxedc", "Poiuyt", "1qaz2wsx", "Mnbvcx"])
    return walk + rng.choice("!*_-+@%") + draw(rng, "d", rng.randint(2, 4))


def gen_pw_leet(rng):
    w = rng.choice(LOWER)
    t = w.translate(str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5"}))
    return t[0].upper() + t[1:] + rng.choice("!*_-+@%") + draw(rng, "d", 2)


def gen_pw_accent(rng):
    return rng.choice(ACCENTED) + draw(rng, "d", rng.randint(2, 4)) + rng.choice("!*_-+@%")


def gen_pw_url(rng):
    n = rng.randint(12, 16)
    while True:
        s = "".join(rng.choice(ALPHA["A"] + "-_~") for _ in range(n))
        if any(c.isdigit() for c in s) and s[0] not in "-_~":
            return s


def gen_pw_any(rng):
    return rng.choice([gen_pw_word, gen_pw_two, gen_pw_rand, gen_pw_walk,
                       gen_pw_leet, gen_pw_accent])(rng)


def gen_spaced_phrase(rng):
    return " ".join(rng.sample(LOWER, 4))


def gen_seed12(rng):
    return " ".join(rng.choice(LOWER + ["cabin", "north", "spice", "total", "usual",
                                        "fringe", "ladder", "mosaic", "pilot",
                                        "sudden", "wrist", "yellow"]) for _ in range(12))


def gen_uuid(rng):
    h = draw(rng, "h", 32)
    return "-".join([h[:8], h[8:12], "4" + h[13:16], rng.choice("89ab") + h[17:20], h[20:]])


def gen_gapp(rng):
    s = draw(rng, "l", 16)
    return " ".join(s[i:i + 4] for i in range(0, 16, 4))


def gen_icloud(rng):
    s = draw(rng, "l", 16)
    return "-".join(s[i:i + 4] for i in range(0, 16, 4))


def gen_wpapp(rng):
    s = draw(rng, "A", 24)
    return " ".join(s[i:i + 4] for i in range(0, 24, 4))


def gen_ytkey(rng):
    s = draw(rng, "a", 20)
    return "-".join(s[i:i + 4] for i in range(0, 20, 4))


def gen_backup8(rng):
    return draw(rng, "n", 1) + draw(rng, "d", 3) + " " + draw(rng, "d", 4)


def gen_rc10(rng):
    return draw(rng, "a", 10)


def gen_rc_dash(rng):
    return draw(rng, "a", 5) + "-" + draw(rng, "a", 5)


def gen_jwt(rng):
    def b64(obj):
        return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")
    head = b64({"alg": "HS256", "typ": "JWT"})
    body = b64({"iss": draw(rng, "h", 32), "iat": rng.randint(1700000000, 1790000000),
                "exp": rng.randint(2000000000, 2100000000)})
    return head + "." + body + "." + draw(rng, "b", 43)


def gen_neptune(rng):
    obj = {"api_address": "https://app.neptune.ai", "api_url": "https://app.neptune.ai",
           "api_key": gen_uuid(rng)}
    return base64.b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


def _b64lines(rng, nbytes, width=64):
    raw = bytes(rng.randrange(256) for _ in range(nbytes))
    s = base64.b64encode(raw).decode()
    return [s[i:i + width] for i in range(0, len(s), width)]


def gen_pem_rsa(rng):
    body = "\n".join(_b64lines(rng, 600))
    return "-----BEGIN RSA PRIVATE KEY-----\nMIIEow" + body[6:] + "\n-----END RSA PRIVATE KEY-----"


def gen_pem_ec(rng):
    body = "\n".join(_b64lines(rng, 118))
    return "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE" + body[8:] + "\n-----END EC PRIVATE KEY-----"


def gen_ssh_pub(rng):
    return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + draw(rng, "B", 43)


def gen_pub_pem(rng):
    body = "\n".join(_b64lines(rng, 270))
    return "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + body[44:] + "\n-----END PUBLIC KEY-----"


def gen_bcrypt(rng):
    return "$2b$12$" + "".join(rng.choice(string.ascii_letters + string.digits + "./") for _ in range(53))


def gen_totp(rng):
    return draw(rng, "Z", 32)


def gen_b64_44(rng):
    return base64.b64encode(bytes(rng.randrange(256) for _ in range(32))).decode()


def gen_twitter(rng):
    return "AAAAAAAAAAAAAAAAAAAAA" + draw(rng, "A", 20) + "%2B" + draw(rng, "A", 22) + "%3D" + draw(rng, "A", 50)


NAMED = {k[4:]: v for k, v in globals().items() if k.startswith("gen_")}


def make_value(rng, spec):
    out = []
    for piece in spec.split("+"):
        if piece.startswith("'"):
            out.append(piece[1:-1])
        elif piece.startswith("@"):
            out.append(NAMED[piece[1:]](rng))
        else:
            out.append(draw(rng, piece[0], int(piece[1:])))
    return "".join(out)


# ⟪type:spec⟫ marks a value (⟪type:spec=k⟫ names it, ⟪=k⟫ repeats it);
# ⟦spec⟧ / ⟦spec=k⟧ / ⟦=k⟧ insert an unmarked random value.
MARK = re.compile(r"⟪(?:([a-z0-9_]+):)?([^⟫=]*)(?:=([a-z0-9]+))?⟫|⟦([^⟧=]*)(?:=([a-z0-9]+))?⟧")

TEMPLATES = []


def T(name, group, lang, label, typ, text):
    TEMPLATES.append(dict(name=name, group=group, lang=lang, label=label, type=typ, text=text))


def render(t, rng):
    names = {}
    types = {}
    out = []
    ents = []
    pos = 0
    placed = Counter()
    for m in MARK.finditer(t["text"]):
        out.append(t["text"][pos:m.start()])
        pos = m.end()
        cur = len("".join(out))
        if m.group(4) is not None or m.group(5) is not None:
            spec, key = m.group(4), m.group(5)
            if spec:
                v = make_value(rng, spec)
                if key:
                    names[key] = v
            else:
                v = names[key]
            out.append(v)
            continue
        etype, spec, key = m.group(1), m.group(2), m.group(3)
        if spec:
            v = make_value(rng, spec)
            if key:
                names[key] = v
                types[key] = etype
        else:
            v = names[key]
            etype = etype or types[key]
        out.append(v)
        ents.append({"type": etype, "start": cur, "end": cur + len(v), "value": v})
        placed[v] += 1
    out.append(t["text"][pos:])
    text = "".join(out).rstrip()
    return text, ents, placed


def check_row(text, ents, placed):
    word = set(string.ascii_letters + string.digits + "_")
    for e in ents:
        s, en, v = e["start"], e["end"], e["value"]
        if text[s:en] != v:
            return "span mismatch"
        if v != v.strip():
            return "whitespace"
        if s > 0 and text[s - 1] in word and text[s] in word:
            return "starts inside word"
        if en < len(text) and text[en] in word and text[en - 1] in word:
            return "ends inside word"
        if v.endswith(".") and e["type"] == "password":
            return "password ends with ."
    spans = sorted((e["start"], e["end"]) for e in ents)
    for (a, b), (c, d) in zip(spans, spans[1:]):
        if c < b:
            return "overlap"
    for v, n in placed.items():
        occ = [m.start() for m in re.finditer(re.escape(v), text)]
        if len(occ) != n:
            return "value occurs %d times, placed %d" % (len(occ), n)
        for o in occ:
            if not any(a <= o and o + len(v) <= b for a, b in spans):
                return "occurrence not covered"
    if any(c in text for c in "⟪⟫⟦⟧"):
        return "marker left"
    return None


def build():
    order_rng = random.Random(SEED)
    rows = []
    meta = []
    for t in TEMPLATES:
        k = 0
        while True:
            seed = SEED + "/" + t["name"] + ("" if k == 0 else "/%d" % k)
            rng = random.Random(seed)
            text, ents, placed = render(t, rng)
            err = check_row(text, ents, placed)
            if err is None:
                break
            k += 1
            if k > 50:
                raise SystemExit("template %s: %s" % (t["name"], err))
        rows.append(dict(text=text, label=t["label"], type=t["type"], entities=ents))
        meta.append(t)
    idx = list(range(len(rows)))
    order_rng.shuffle(idx)
    out, outmeta = [], []
    for i, j in enumerate(idx):
        r = rows[j]
        out.append({"id": "sg18-%03d" % i, "text": r["text"], "label": r["label"],
                    "type": r["type"], "entities": r["entities"], "spans_known": True,
                    "source": {"repo": "handwritten/general18"}})
        outmeta.append(meta[j])
    validate(out, outmeta)
    return out, outmeta


def validate(rows, meta):
    assert 195 <= len(rows) <= 205, len(rows)
    names = [t["name"] for t in TEMPLATES]
    assert len(names) == len(set(names)), "template names repeat"
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["text"] for r in rows}) == len(rows), "duplicate text"
    for r, t in zip(rows, meta):
        assert t["group"] in GROUPS, t["name"]
        assert t["lang"] in LANGS, t["name"]
        assert r["label"] in ("secret", "not_secret"), t["name"]
        if r["label"] == "not_secret":
            assert not r["entities"], t["name"]
        else:
            assert r["entities"], t["name"]
            assert any(e["type"] == r["type"] for e in r["entities"]), t["name"]
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["value"], t["name"]
        assert not any(c in r["text"] for c in "⟪⟫⟦⟧"), t["name"]
    sec = sum(r["label"] == "secret" for r in rows)
    assert 0.55 <= sec / len(rows) <= 0.65, sec
    ne = [t["lang"] for t in meta if t["lang"] != "en"]
    assert 0.38 <= len(ne) / len(rows) <= 0.48, len(ne)
    assert len(set(ne)) >= 15, len(set(ne))


def dump(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows, meta):
    n = len(rows)
    sec = [r for r in rows if r["label"] == "secret"]
    print("rows: %d" % n)
    lab = Counter(r["label"] for r in rows)
    print("label: not_secret %d, secret %d  (secret share %.1f%%)" % (lab["not_secret"], lab["secret"], 100 * lab["secret"] / n))
    ne = [t for t in meta if t["lang"] != "en"]
    print("non-English rows: %d (%.1f%%), languages: %d" % (len(ne), 100 * len(ne) / n, len({t["lang"] for t in meta})))
    print("templates: %d (each used once)" % len(TEMPLATES))
    hs = [r for r in sec if r["type"] in HUMAN]
    print("human-secret rows (%s): %d of %d secret rows (%.1f%%)" % (", ".join(sorted(HUMAN)), len(hs), len(sec), 100 * len(hs) / len(sec)))
    print()
    print("%-20s %8s %11s %6s" % ("group", "secret", "not_secret", "total"))
    for g in GROUPS:
        s = sum(1 for r, t in zip(rows, meta) if t["group"] == g and r["label"] == "secret")
        ns = sum(1 for r, t in zip(rows, meta) if t["group"] == g and r["label"] != "secret")
        print("  %-18s %8d %11d %6d" % (g, s, ns, s + ns))
    print()
    print("%-20s %8s %11s %6s" % ("language", "secret", "not_secret", "total"))
    for code in LANGS:
        s = sum(1 for r, t in zip(rows, meta) if t["lang"] == code and r["label"] == "secret")
        ns = sum(1 for r, t in zip(rows, meta) if t["lang"] == code and r["label"] != "secret")
        if s + ns:
            print("  %-18s %8d %11d %6d" % (code + " " + LANGS[code], s, ns, s + ns))
    for lab_ in ("secret", "not_secret"):
        c = Counter(r["type"] for r in rows if r["label"] == lab_)
        print()
        print("row type (%s, %d kinds):" % (lab_, len(c)))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %-32s %4d" % (k, v))
    c = Counter(e["type"] for r in rows for e in r["entities"])
    print()
    print("entity type (%d spans, %d kinds):" % (sum(c.values()), len(c)))
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        print("  %-32s %4d" % (k, v))


def main():
    rows, meta = build()
    data = dump(rows)
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != data:
                raise SystemExit("holdout.jsonl differs from a fresh build")
        print("ok: holdout.jsonl matches a fresh build (%d rows)" % len(rows))
        return
    if "--stats" in sys.argv:
        stats(rows, meta)
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(data)
    with open(OUT, encoding="utf-8") as f:
        back = [json.loads(line) for line in f]
    assert back == rows
    print("wrote %d rows to %s" % (len(rows), OUT))


# ---------------------------------------------------------------------------
# travel: hotel PMS, channel managers, airline / ground handling, ticketing
# ---------------------------------------------------------------------------
G = "travel"
T("tr_mews_tokens", G, "en", "secret", "mews_access_token", r"""Our night-audit export from Mews stopped working after the upgrade. Here is the request body the script sends, can you see what's wrong with the date format?

{
  "ClientToken": "⟪mews_client_token:H32+'-'+H31⟫",
  "AccessToken": "⟪mews_access_token:H32+'-'+H31⟫",
  "Client": "HarbourViewNightAudit 1.4",
  "StartUtc": "2026-11-26 00:00",
  "EndUtc": "2026-11-27T00:00:00Z"
}""")
T("tr_opera_nightaudit", G, "de", "secret", "password", r"""Kannst du mir eine kurze Übergabe für die neue Nachtschicht schreiben? Inhalt: Nachtaudit in Opera startet um 02:30, vorher alle Walk-ins einchecken. Login für den Audit-Lauf: Benutzer NACHTAUDIT, Passwort ⟪password:@pw_word⟫. Bei Fehlern Kassenbericht ausdrucken und Herrn Yilmaz anrufen.""")
T("tr_extranet_handover", G, "fr", "secret", "password", r"""Je pars en congé demain. Peux-tu reformuler ce mot pour ma remplaçante à la réception ?

« Les tarifs du week-end se changent dans l'extranet Booking.com, pas dans SiteMinder. Identifiant : reservations@hotel-lescigales.fr, mot de passe : ⟪password:@pw_two⟫. Ne touche pas aux restrictions de séjour minimum. »""")
T("tr_eventbrite_curl", G, "en", "secret", "eventbrite_token", r"""Pulling the congress attendee list from the Eventbrite API only gives me 50 rows. How do I paginate?

curl -s "https://www.eventbriteapi.com/v3/events/⟦n1+d11⟧/attendees/" \
  -H "Authorization: Bearer ⟪eventbrite_token:U20⟫"
""")
T("tr_amadeus_oauth", G, "en", "secret", "client_secret", r"""Getting 401 invalid_client from the Amadeus test API. Is the body right?

curl -X POST "https://test.api.amadeus.com/v1/security/oauth2/token" \
  -H "Content-Type: application/x-www-form-urlencoded" \
  -d "grant_type=client_credentials&client_id=⟦A32⟧&client_secret=⟪client_secret:A16⟫"
""")
T("tr_backoffice_wifi", G, "it", "secret", "password", r"""Scrivi un cartello per l'ufficio prenotazioni (non per gli ospiti!): la rete dello staff si chiama HOTEL-BACKOFFICE e la password è ⟪password:@pw_rand⟫. Chi la dà ai clienti riceve un richiamo.""")
T("tr_duffel_env", G, "en", "secret", "duffel_token", r"""Our flight search lambda returns "unauthorized" in prod only. Staging works. This is the prod env:

DUFFEL_API_URL=https://api.duffel.com
DUFFEL_ACCESS_TOKEN=⟪duffel_token:'duffel_live_'+b43⟫
DUFFEL_VERSION=v2""")
T("tr_dcs_login", G, "ja", "secret", "password", r"""地上係員向けの引き継ぎメモを丁寧な日本語に直してください。

・チェックインカウンター3番の端末は再起動済み
・DCSの共用ID：GHKIX07、パスワード：⟪password:@pw_walk⟫
・最終便の搭乗締切は22:40""")
T("tr_safe_master", G, "pt", "secret", "pin", r"""Preciso de um e-mail curto para o chefe da governança: o código mestre dos cofres dos quartos mudou para ⟪pin:d6⟫ e só ele e o gerente de plantão podem usá-lo. Pedir que não anote no quadro da lavandaria.""")
T("tr_scanner_pin", G, "en", "secret", "pin", r"""Draft the volunteer briefing for the festival gates. Points: scanners are in the blue cases, unlock each one with PIN ⟪pin:d4⟫, open the "Check-in" app, pick your gate. If a ticket shows "already scanned", send the guest to the box office.""")
T("tr_ticketmaster_key", G, "en", "secret", "ticketmaster_api_key", r"""Our Utrecht concerts widget loads nothing any more. This is the call our server-side proxy makes:

GET https://app.ticketmaster.com/discovery/v2/events.json?city=Utrecht&apikey=⟪ticketmaster_api_key:A32⟫&size=20

Response: 429 Too Many Requests. How should I cache this?""")
T("tr_booking_xml", G, "en", "secret", "password", r"""Booking.com rejects our availability push with "Authentication failed". Here's the XML our channel manager sends, anything obvious?

<?xml version="1.0" encoding="UTF-8"?>
<request>
  <username>⟦l8+d3⟧</username>
  <password>⟪password:@pw_rand⟫</password>
  <hotel_id>⟦n1+d6⟧</hotel_id>
  <version>1.0</version>
</request>""")
T("tr_ctrip_sign", G, "en", "secret", "api_secret", r"""The Trip.com direct-connect signature keeps failing validation. Is my concatenation order right?

partner_id = "⟦n1+d7⟧"
secret_key = "⟪api_secret:h32⟫"
sign = md5(partner_id + timestamp + secret_key).upper()""")
T("tr_backstage_door", G, "ko", "secret", "pin", r"""공연 스태프 공지문 좀 다듬어 주세요. 내용: 무대 뒤 출입문 비밀번호는 ⟪pin:d4⟫ 이고 공연 끝나면 바뀝니다. 외부인에게 절대 알려주지 마세요.""")
T("tr_mailgun_key", G, "en", "secret", "mailgun_api_key", r"""Booking confirmations from our small B&B site aren't going out. Can you check the PHP config?

$mg = Mailgun::create('⟪mailgun_api_key:'key-'+h32⟫', 'https://api.eu.mailgun.net');
$domain = 'mg.seaside-bnb.co.uk';""")
T("tr_keycard_admin", G, "de", "secret", "password", r"""Der Kartencodierer an der Rezeption zeigt "Lizenz abgelaufen". Für den Support-Anruf brauche ich eine Zusammenfassung: Software Visionline 1.26, Server im Technikraum, Admin-Konto "sysadmin" mit dem Passwort ⟪password:@pw_accent⟫, letzte Sicherung gestern 23:00.""")
T("tr_crew_otp", G, "es", "secret", "one_time_code", r"""Mi compañero no sabe entrar al portal de tripulación y me reenvió el SMS. ¿Le explicas los pasos? Dice: «Iberia Crew: tu código de acceso es ⟪one_time_code:d6⟫. Caduca en 10 minutos.»""")
T("tr_cloudbeds_key", G, "sv", "secret", "cloudbeds_api_key", r"""Vi kopplar vårt vandrarhems bokningssystem till bokföringen. Anropet ger 403, saknas en scope?

curl https://api.cloudbeds.com/api/v1.2/getReservations \
  -H "x-api-key: ⟪cloudbeds_api_key:'cbat_'+A32⟫"
""")
T("tr_expedia_rapid", G, "en", "secret", "api_secret", r"""For the Rapid API signature I hash key + secret + timestamp. Still "invalid signature". Python:

API_KEY = "⟦a30⟧"
SHARED_SECRET = "⟪api_secret:a13⟫"
sig = hashlib.sha512((API_KEY + SHARED_SECRET + str(int(time.time()))).encode()).hexdigest()""")
T("tr_ticket_recovery", G, "pl", "secret", "recovery_code", r"""Zapisuję kody zapasowe do konta organizatora w systemie biletowym, żeby szefowa miała je w sejfie. Ułóż to ładnie w tabelkę:

⟪recovery_code:@rc10⟫
⟪recovery_code:@rc10⟫
⟪recovery_code:@rc10⟫
⟪recovery_code:@rc10⟫
⟪recovery_code:@rc10⟫""")
T("tr_crew_app_pin", G, "fr", "secret", "pin", r"""Aide-moi à rédiger un message à la planification : l'appli équipage me bloque depuis la mise à jour. Mon matricule est 40871 et mon code PIN ⟪pin:d4⟫, il marchait encore hier soir à Nantes.""")
T("tr_support_phrase", G, "en", "secret", "passphrase", r"""Write a sticky note for the front-office manager: when calling the channel manager's support line they will ask for our account security phrase, which is "⟪passphrase:@pw_phrase⟫". Don't give it out by e-mail.""")
T("tr_b2b_turkish", G, "tr", "secret", "password", r"""Acenteye göndereceğim mesajı düzeltir misin? "Merhaba, B2B portalına giriş bilgileriniz: kullanıcı adı antalya_tur, şifre ⟪password:@pw_word⟫. Lütfen ilk girişte değiştirin."
""")
T("tr_ohip_secret", G, "en", "secret", "client_secret", r"""OHIP token call returns 400. Config from our integration (Opera Cloud, chain test env):

ohip:
  gateway: https://hotelapi-test.example-chain.com
  app_key: ⟦@uuid⟧
  client_id: ⟦l6+'_Client'⟧
  client_secret: ⟪client_secret:'x'+b31⟫
  enterprise_id: HVCHAIN""")

T("tr_neg_pnr", G, "en", "not_secret", "identifier", r"""Please turn this into a polite e-mail to the guest: booking reference ⟦L3+d1+L2⟧, e-ticket 075-⟦d10⟧, flight LH 1234 FRA–LIS on 4 December, seat 23C. Hotel confirmation number ⟦n1+d8⟧. Transfer pick-up at 14:10.""")
T("tr_neg_mews_placeholder", G, "en", "not_secret", "placeholder", r"""Where do I put the tokens in this sample from the Mews docs? I haven't got mine yet.

{
  "ClientToken": "<YOUR_CLIENT_TOKEN>",
  "AccessToken": "<YOUR_ACCESS_TOKEN>",
  "Client": "Sample Client 1.0.0"
}""")
T("tr_neg_loyalty", G, "de", "not_secret", "identifier", r"""Bitte formuliere eine Antwort an den Gast: Seine Bonuskartennummer ist ⟦n1+d9⟧, die Reservierung ⟦L2+d7⟧ ist für drei Nächte bestätigt, Zimmerkategorie DZ-SUP, Stornonummer ⟦U10⟧.""")
T("tr_neg_pms_redacted", G, "fr", "not_secret", "redacted", r"""Voici le journal d'erreur de l'interface PMS–serrures, qu'est-ce que ça veut dire ?

2026-11-26 03:12:44 ERROR LockLink: login failed user=interface password=******** host=10.20.0.15
2026-11-26 03:12:45 WARN  retry 3/5""")
T("tr_neg_env_ref", G, "en", "not_secret", "secret_reference", r"""Is this the right way to pass the Eventbrite token in GitHub Actions?

      - name: Sync attendees
        run: python sync.py
        env:
          EVENTBRITE_TOKEN: ${{ secrets.EVENTBRITE_TOKEN }}
          EVENT_ID: ${{ vars.EVENT_ID }}""")
T("tr_neg_stripe_pk", G, "en", "not_secret", "publishable_key", r"""The pay button doesn't show on the ticket checkout page. Front-end script:

const stripe = Stripe('pk_live_⟦A24⟧');
const elements = stripe.elements({ locale: 'es' });""")
T("tr_neg_recaptcha", G, "en", "not_secret", "public_client_key", r"""The registration form for the conference shows "Invalid domain for site key". The snippet:

<div class="g-recaptcha" data-sitekey="6L⟦b38⟧"></div>
<script src="https://www.google.com/recaptcha/api.js" async defer></script>""")
T("tr_neg_door_oob", G, "it", "not_secret", "out_of_band_notice", r"""Scrivimi un messaggio per gli ospiti dell'appartamento: il codice della porta d'ingresso verrà inviato per SMS il giorno dell'arrivo alle 12:00, non chiederlo via e-mail. Check-in dalle 15:00.""")
T("tr_neg_bcbp", G, "en", "not_secret", "identifier", r"""Our boarding-pass parser fails on this barcode string, which field is off?

M1KOWALSKI/ANNA       E⟦L3+d1+L2⟧ WAWCDGLO 0331 338Y023C0087 100""")
T("tr_neg_rate_checksum", G, "en", "not_secret", "checksum", r"""The rate upload to the channel manager is rejected. rates_dec.csv has SHA-256 ⟦h64⟧ and the server expects a different one. What could go wrong in the export?""")
T("tr_neg_ticket_qr", G, "en", "not_secret", "identifier", r"""Scanning the ticket QR code gives this string. Which part is the seat number?

TKT-⟦d12⟧-A-12-34
Order number: ⟦U10⟧""")
T("tr_neg_policy", G, "pt", "not_secret", "password_policy", r"""Reescreve esta regra para o manual da receção: as palavras-passe do PMS têm no mínimo 12 caracteres, com maiúsculas, números e um símbolo, e mudam a cada 90 dias. Nunca partilhar a conta de outro rececionista.""")
T("tr_neg_masked_card", G, "en", "not_secret", "masked_card", r"""Guest disputes a no-show charge. Folio extract: Visa **** **** **** ⟦d4⟧, auth code ⟦U6⟧, amount EUR 184.00, reservation ⟦n1+d7⟧. Help me write the reply to the card issuer.""")
T("tr_neg_flight_info", G, "zh", "not_secret", "identifier", r"""帮我把这条航班变更通知翻译成英文：您的航班 CA⟦n1+d3⟧ 改为 14:35 起飞，登机口 E18，座位 31K，订单号 ⟦n1+d11⟧。""")
T("tr_neg_webhook_sig", G, "en", "not_secret", "signature", r"""Our ticketing webhook handler rejects every call. Incoming headers:

X-Webhook-Timestamp: 1764201600
X-Webhook-Signature: sha256=⟦h64⟧
Content-Type: application/json

Should I compare against the raw body or the parsed JSON?""")
T("tr_neg_client_id", G, "en", "not_secret", "identifier", r"""Which Amadeus environment is this app in? Dashboard shows: App name "fare-watch", API key (client id) ⟦A32⟧, status Active, the API secret is kept in our vault and not shown here.""")

# ---------------------------------------------------------------------------
# media: CMS, ad platforms, social scheduling, newsroom tools, streaming
# ---------------------------------------------------------------------------
G = "media"
T("me_wp_app_password", G, "en", "secret", "wp_application_password", r"""The scheduled-post script returns 401 from WordPress. Do application passwords keep the spaces?

curl -u "newsdesk:⟪wp_application_password:@wpapp⟫" \
  -X POST https://blog.example-magazine.com/wp-json/wp/v2/posts \
  -d '{"title":"Draft","status":"draft"}'
""")
T("me_contentful_cma", G, "en", "secret", "contentful_token", r"""The migration script for the magazine CMS aborts with "AccessTokenInvalid". The .env:

CONTENTFUL_SPACE_ID=⟦a12⟧
CONTENTFUL_ENVIRONMENT=master
CONTENTFUL_MANAGEMENT_TOKEN=⟪contentful_token:'CFPAT-'+b43⟫""")
T("me_ghost_admin", G, "en", "secret", "ghost_admin_key", r"""How do I sign the JWT for the Ghost Admin API from Node? Our newsletter tool has:

const ADMIN_KEY = '⟪ghost_admin_key:h24+':'+h64⟫';
const [id, secret] = ADMIN_KEY.split(':');""")
T("me_meta_page_token", G, "en", "secret", "facebook_access_token", r"""Auto-posting to the paper's Facebook page fails (error 190). The call:

curl -X POST "https://graph.facebook.com/v21.0/⟦n1+d14⟧/feed" \
  -d "message=Édition du soir en ligne" \
  -d "access_token=⟪facebook_access_token:'EAAG'+A160⟫"
""")
T("me_youtube_stream_key", G, "es", "secret", "stream_key", r"""Vamos a emitir el pleno municipal en directo. ¿Puedes revisar la configuración de OBS?

Servicio: YouTube - RTMPS
Servidor: rtmps://a.rtmps.youtube.com:443/live2
Clave de retransmisión: ⟪stream_key:@ytkey⟫
Bitrate: 6000 kbps""")
T("me_twitch_key", G, "en", "secret", "stream_key", r"""Our esports desk keeps dropping frames. ffmpeg command we use for the Twitch restream:

ffmpeg -re -i program.ts -c:v libx264 -b:v 6000k -c:a aac \
  -f flv rtmp://live.twitch.tv/app/⟪stream_key:'live_'+n1+d8+'_'+A30⟫
""")
T("me_newsroom_cms", G, "it", "secret", "password", r"""Mi scrivi un messaggio per i collaboratori esterni del weekend? Devono entrare nel CMS della redazione con l'account condiviso "desk-weekend" e la password ⟪password:@pw_two⟫, pubblicare solo in bozza e avvisare il caporedattore.""")
T("me_x_bearer", G, "en", "secret", "twitter_bearer_token", r"""Social listening script for the campaign gets 401 from the X API. Is the header right?

headers = {"Authorization": "Bearer ⟪twitter_bearer_token:@twitter⟫"}
r = requests.get("https://api.x.com/2/tweets/search/recent", params={"query": "#launch2026"}, headers=headers)""")
T("me_brand_instagram", G, "nl", "secret", "password", r"""Kun je dit overdrachtsbericht netjes maken? "Vanaf maandag beheert Sanne het Instagram-account van de klant (bakkerij_devries). Inloggen met het wachtwoord ⟪password:@pw_leet⟫, de tweestapsverificatie loopt via de agency-telefoon. Planning staat in Buffer."
""")
T("me_cloudinary_url", G, "en", "secret", "cloudinary_api_secret", r"""Image uploads from the newsroom app fail with "Invalid Signature". The environment has:

CLOUDINARY_URL=cloudinary://⟦n1+d14⟧:⟪cloudinary_api_secret:b27⟫@dailyharbor""")
T("me_mux_env", G, "en", "secret", "mux_token_secret", r"""Newsroom video uploads to Mux return 401. Are these variables right?

MUX_TOKEN_ID=⟦@uuid⟧
MUX_TOKEN_SECRET=⟪mux_token_secret:B75⟫""")
T("me_ig_backup", G, "ja", "secret", "recovery_code", r"""クライアントのInstagramアカウントのバックアップコードです。共有フォルダ用にきれいな表にしてください。

⟪recovery_code:@backup8⟫
⟪recovery_code:@backup8⟫
⟪recovery_code:@backup8⟫
⟪recovery_code:@backup8⟫
⟪recovery_code:@backup8⟫""")
T("me_pinterest_token", G, "en", "secret", "pinterest_token", r"""Pinterest ads report job for the retail client fails. Here's the call:

curl -H "Authorization: Bearer ⟪pinterest_token:'pina_'+U96⟫" \
  "https://api.pinterest.com/v5/ad_accounts/⟦n1+d11⟧/reports"
""")
T("me_figma_pat", G, "en", "secret", "figma_token", r"""I want to export the magazine covers from Figma with a script. Is this header right?

curl -H "X-Figma-Token: ⟪figma_token:'figd_'+b40⟫" \
  "https://api.figma.com/v1/files/⟦A22⟧/images?ids=12:34&format=png"
""")
T("me_notion_token", G, "en", "secret", "notion_token", r"""Our editorial calendar sync from Notion to Slack broke. Config:

NOTION_TOKEN=⟪notion_token:'ntn_'+d11+A35⟫
NOTION_DATABASE_ID=⟦h32⟧""")
T("me_airtable_pat", G, "sv", "secret", "airtable_token", r"""Vårt publiceringsschema ligger i Airtable. Varför får jag 403 här?

curl "https://api.airtable.com/v0/app⟦A14⟧/Artiklar" \
  -H "Authorization: Bearer ⟪airtable_token:'pat'+A14+'.'+h64⟫"
""")
T("me_hubspot_pat", G, "en", "secret", "hubspot_token", r"""Lead form from the campaign landing page isn't reaching HubSpot. Server code:

const hubspot = new Client({ accessToken: '⟪hubspot_token:'pat-na1-'+@uuid⟫' });""")
T("me_naver_secret", G, "ko", "secret", "api_secret", r"""네이버 검색광고 API 서명이 계속 실패합니다. 설정값 확인 부탁드려요.

CUSTOMER_ID = "⟦n1+d6⟧"
API_KEY = "⟦h72⟧"
SECRET_KEY = "⟪api_secret:@b64_44⟫"
""")
T("me_vault_phrase", G, "en", "secret", "passphrase", r"""I'm leaving the agency on Friday. Write a handover line for my boss: the master passphrase for the shared password manager vault is "⟪passphrase:@pw_phrase⟫"; please change it after my account is removed.""")
T("me_vk_token", G, "ru", "secret", "vk_token", r"""Автопостинг в сообщество ВКонтакте перестал работать. Вот вызов, что не так с версией API?

https://api.vk.com/method/wall.post?owner_id=-⟦n1+d8⟧&message=test&access_token=⟪vk_token:'vk1.a.'+b120⟫&v=5.199""")
T("me_elevenlabs_key", G, "en", "secret", "elevenlabs_api_key", r"""The podcast voice-over job fails with "invalid_api_key". Python:

client = ElevenLabs(api_key="⟪elevenlabs_api_key:'sk_'+h48⟫")
audio = client.text_to_speech.convert(voice_id="⟦A20⟧", text=script)""")
T("me_shared_phone_pin", G, "it", "secret", "pin", r"""Aggiungi al vademecum della redazione: il telefono condiviso per i codici di verifica dei social è nel cassetto del desk, PIN di sblocco ⟪pin:d6⟫. Non portarlo a casa.""")
T("me_ads_otp", G, "en", "secret", "one_time_code", r"""Client just texted me this so I can get into their Google Ads account. Can you write the steps to add me as admin once I'm in? The SMS: "G-⟪one_time_code:d6⟫ is your Google verification code."
""")
T("me_tiktok_ar", G, "ar", "secret", "password", r"""ساعدني في كتابة رسالة لزميلي الجديد: حساب تيك توك الخاص بالعميل هو @cafe.yasmin وكلمة المرور ⟪password:@pw_word⟫ ، ولا تنشر أي شيء قبل موافقة العميل.""")

T("me_neg_ga_ids", G, "en", "not_secret", "identifier", r"""Tracking on the new microsite: GA4 measurement ID G-⟦U10⟧, GTM container GTM-⟦U7⟧, Meta pixel ⟦n1+d15⟧. Which of these do I put in the consent banner config?""")
T("me_neg_pixel_appid", G, "de", "not_secret", "identifier", r"""Für den Kunden-Report brauche ich eine Tabelle: Facebook-App-ID ⟦n1+d15⟧, Werbekonto act_⟦n1+d15⟧, Kampagnen-ID ⟦n1+d17⟧, Zielgruppe "Newsletter-Leser 2026".""")
T("me_neg_youtube_ids", G, "en", "not_secret", "identifier", r"""Make a list for the archive: channel UC⟦b22⟧, videos https://youtu.be/⟦b11⟧ and https://youtu.be/⟦b11⟧, playlist PL⟦b32⟧.""")
T("me_neg_cma_placeholder", G, "en", "not_secret", "placeholder", r"""The migration tutorial says:

export CONTENTFUL_MANAGEMENT_TOKEN=<your-CMA-token>

Where exactly do I generate it?""")
T("me_neg_image_hash", G, "en", "not_secret", "hash", r"""Archive photos are named like ⟦h40⟧.jpg (the file's SHA-1). Can I rename them by date without breaking CMS links?""")
T("me_neg_stream_redacted", G, "en", "not_secret", "redacted", r"""OBS log from last night's stream, why did it reconnect?

14:02:11 [rtmp stream: 'adv_stream'] Connecting to RTMP URL rtmp://live.twitch.tv/app/live_****************
14:02:13 [rtmp stream: 'adv_stream'] Connection to rtmp://live.twitch.tv/app/ failed: -2""")
T("me_neg_coupon", G, "pt", "not_secret", "coupon_code", r"""Cria três variações de post para o Instagram da livraria: 20% em todos os livros de culinária até domingo com o cupão LIVROS⟦d2⟧ no site.""")
T("me_neg_ghost_content", G, "en", "not_secret", "publishable_key", r"""The Ghost Content API key is in our public theme JS, is that a problem? The docs say it's safe for the browser:

const api = new GhostContentAPI({ url: 'https://news.example-town.org', key: '⟦h26⟧', version: 'v5.0' });""")
T("me_neg_masked", G, "it", "not_secret", "masked_key", r"""Nella dashboard di ElevenLabs vedo due chiavi: "podcast" sk_…⟦h4⟧ e "test" sk_…⟦h4⟧. Quale posso cancellare senza fermare la produzione?""")
T("me_neg_policy", G, "nl", "not_secret", "password_policy", r"""Herschrijf dit voor het redactiehandboek: wachtwoorden voor het CMS zijn minimaal 14 tekens, geen namen van de krant of de stad, en tweestapsverificatie is verplicht voor iedereen met publicatierechten.""")
T("me_neg_env_ref", G, "en", "not_secret", "secret_reference", r"""Is this how I read the Mux secret in our Next.js API route?

const mux = new Mux({
  tokenId: process.env.MUX_TOKEN_ID,
  tokenSecret: process.env.MUX_TOKEN_SECRET,
});""")
T("me_neg_ad_ids", G, "ja", "not_secret", "identifier", r"""広告レポートの列名を日本語にしてください。Google広告の顧客ID ⟦n1+d2⟧-⟦d3⟧-⟦d4⟧、キャンペーンID ⟦n1+d10⟧、広告グループID ⟦n1+d11⟧。""")
T("me_neg_isbn", G, "en", "not_secret", "identifier", r"""Prepare the catalogue note: ISBN 978-83-⟦d4⟧-⟦d3⟧-⟦d1⟧, ISSN 2081-⟦d4⟧, DOI 10.⟦d5⟧/wyd.2026.⟦d3⟧.""")
T("me_neg_gclid", G, "en", "not_secret", "identifier", r"""Why does this landing-page URL break our UTM parsing?

https://shop.example-brand.com/sale?utm_source=google&utm_medium=cpc&utm_campaign=bf26&gclid=Cj0KCQiA⟦b60⟧_BwE""")
T("me_neg_advice", G, "es", "not_secret", "security_advice", r"""Escribe un post para la cuenta de la agencia sobre seguridad: no uséis contraseñas como «Instagram2026!» o «marca123», activad la verificación en dos pasos y no compartáis códigos por WhatsApp.""")
T("me_neg_reset", G, "zh", "not_secret", "reset_notice", r"""帮我回复客户：我们已经向您的邮箱发送了微博账号的密码重置链接，链接30分钟内有效。请不要把新密码发给我们。""")

# ---------------------------------------------------------------------------
# logistics: TMS / WMS, carrier APIs, telematics, customs, warehouse scanners
# ---------------------------------------------------------------------------
G = "logistics"
T("lo_shipstation", G, "en", "secret", "api_secret", r"""Label printing from our WMS to ShipStation stopped overnight. Env on the print server:

SHIPSTATION_API_KEY=⟪api_key:h32⟫
SHIPSTATION_API_SECRET=⟪api_secret:h32⟫
SHIPSTATION_STORE_ID=⟦n1+d5⟧""")
T("lo_keytool_zoll", G, "en", "secret", "password", r"""The customs (ATLAS) connector needs the certificate as a JKS. Is this command right?

keytool -importkeystore -srckeystore zoll_atlas.p12 -srcstoretype PKCS12 \
  -destkeystore atlas.jks -deststorepass ⟪password:@pw_rand=p1⟫ -srcstorepass ⟪=p1⟫
""")
T("lo_zebra_wifi", G, "en", "secret", "password", r"""I'm building a StageNow profile for the new warehouse handheld scanners. Is this part right?

<wap-provisioningdoc>
  <characteristic type="Wi-Fi">
    <parm name="SSID" value="DC-VENLO-SCAN"/>
    <parm name="SecurityMode" value="WPA2-PSK"/>
    <parm name="PassPhrase" value="⟪password:@pw_two⟫"/>
  </characteristic>
</wap-provisioningdoc>""")
T("lo_fedex_oauth", G, "en", "secret", "client_secret", r"""FedEx rate quotes work in sandbox but prod returns NOT.AUTHORIZED.ERROR. Token request:

POST https://apis.fedex.com/oauth/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials&client_id=l7⟦h32⟧&client_secret=⟪client_secret:h32⟫""")
T("lo_driver_pin", G, "pl", "secret", "pin", r"""Napisz SMS do nowego kierowcy: aplikacja flotowa działa na tablecie w kabinie, logujesz się numerem służbowym 2231 i PIN-em ⟪pin:d4⟫, przed wyjazdem zrób kontrolę pojazdu w aplikacji.""")
T("lo_samsara", G, "en", "secret", "samsara_token", r"""Pulling HOS logs from Samsara for the safety report, but I only get the first page. Script:

SAMSARA_TOKEN = "⟪samsara_token:'samsara_api_'+A30⟫"
resp = requests.get("https://api.samsara.com/fleet/hos/logs", headers={"Authorization": f"Bearer {SAMSARA_TOKEN}"})""")
T("lo_edi_sftp", G, "fr", "secret", "password", r"""Le transporteur ne reçoit plus nos fichiers EDI (IFTMIN). Le script d'envoi fait :

lftp -e "put /edi/out/IFTMIN_⟦d8⟧.edi; bye" sftp://edi_lyon:⟪password:@pw_url⟫@sftp.transports-rhone.fr:22""")
T("lo_geotab", G, "en", "secret", "password", r"""The Geotab connector for the fuel report fails at Authenticate. Which parameter is missing?

api = mygeotab.API(username="flota@transportes-ebro.es",
                   password="⟪password:@pw_accent⟫",
                   database="transportes_ebro")
api.authenticate()""")
T("lo_servicebus", G, "en", "secret", "azure_sas_key", r"""Our TMS publishes shipment events to Service Bus and we now get 401 since Monday. Connection string in appsettings:

"ServiceBus": "Endpoint=sb://tms-events.servicebus.windows.net/;SharedAccessKeyName=publisher;SharedAccessKey=⟪azure_sas_key:@b64_44⟫;EntityPath=shipments"
""")
T("lo_wms_turkish", G, "tr", "secret", "password", r"""Vardiya amirine gidecek notu düzeltir misin: "Depo yönetim sistemine gece vardiyasında vardiya_amiri hesabıyla girin, şifresi ⟪password:@pw_word⟫. Sayım bitince çıkış yapmayı unutmayın."
""")
T("lo_mqtt_reefer", G, "en", "secret", "password", r"""Reefer temperature messages stopped arriving. Testing from the gateway:

mosquitto_pub -h mqtt.coldchain.local -p 8883 --cafile ca.crt \
  -u reefer-gw -P ⟪password:@pw_rand⟫ -t reefers/TRU-114/temp -m '{"t":-18.2}'
""")
T("lo_ecard_pin", G, "zh", "secret", "pin", r"""帮我写一份报关员交接说明：电子口岸IC卡放在财务室保险柜里，卡密码是 ⟪pin:d8⟫ ，每次申报完要拔卡。""")
T("lo_newrelic", G, "en", "secret", "newrelic_key", r"""Dashboards for the WMS pickers are empty. This is the NerdGraph call from our cron:

curl https://api.eu.newrelic.com/graphql \
  -H "API-Key: ⟪newrelic_key:'NRAK-'+U27⟫" \
  -d '{"query":"{ actor { user { name } } }"}'
""")
T("lo_depot_codes", G, "it", "secret", "pin", r"""Scrivi un promemoria per gli autisti del turno di notte: il cancello del deposito si apre con il codice ⟪pin:d5⟫ e l'allarme del magazzino si disattiva con ⟪pin:d4⟫ entro 30 secondi.""")
T("lo_datadog", G, "en", "secret", "datadog_api_key", r"""Datadog agent on the sorting-line PCs won't send metrics. datadog.yaml:

api_key: ⟪datadog_api_key:h32⟫
app_key: ⟪datadog_app_key:h40⟫
site: datadoghq.eu
tags:
  - site:hub-leipzig""")
T("lo_ups_pt", G, "en", "secret", "client_secret", r"""The UPS integration returns "Invalid Authentication Information". From the UPS portal I copied this into appsettings:

"Ups": {
  "ClientId": "⟦A48⟧",
  "ClientSecret": "⟪client_secret:A64⟫",
  "AccountNumber": "⟦U6⟧"
}""")
T("lo_tms_postgres", G, "en", "secret", "password", r"""TMS reporting container can't reach the DB after the move. docker-compose excerpt:

  report:
    image: tms-report:3.2
    environment:
      DATABASE_URL: postgresql://tms_report:⟪password:@pw_url⟫@db.internal:5432/tms""")
T("lo_tacho_fi", G, "fi", "secret", "pin", r"""Kirjoita ohje uudelle ajojärjestelijälle: yrityskortti on toimiston kassakaapissa, sen PIN-koodi on ⟪pin:d6⟫. Ajopiirturitiedot ladataan joka maanantai.""")
T("lo_here_key", G, "en", "secret", "here_api_key", r"""Truck routing calls to HERE return 401 only from the new server. URL we build:

https://router.hereapi.com/v8/routes?transportMode=truck&origin=52.52,13.40&destination=48.13,11.58&return=summary&apiKey=⟪here_api_key:b43⟫""")
T("lo_carrier_soap", G, "cs", "secret", "password", r"""Volání API přepravce pro tisk štítků vrací chybu přihlášení. Posílám hlavičku SOAP:

<soapenv:Header>
  <Auth>
    <CustId>⟦n1+d7⟧</CustId>
    <Password>⟪password:@pw_word⟫</Password>
  </Auth>
</soapenv:Header>""")
T("lo_shared_otp", G, "ro", "secret", "one_time_code", r"""Șoferul mi-a trimis codul primit pe telefonul firmei ca să intru în portalul vamal. Scrie-mi pașii pentru declarație. Mesajul: „Codul tău de autentificare este ⟪one_time_code:d6⟫.”""")
T("lo_novaposhta", G, "uk", "secret", "api_key", r"""Допоможи виправити запит до API Нової пошти, повертає помилку "API key expired":

{
  "apiKey": "⟪api_key:h32⟫",
  "modelName": "TrackingDocument",
  "calledMethod": "getStatusDocuments"
}""")
T("lo_dockerhub", G, "en", "secret", "docker_hub_token", r"""CI can't pull our private WMS image. Pipeline step:

echo "⟪docker_hub_token:'dckr_pat_'+b27⟫" | docker login -u logi-ci --password-stdin
docker pull logi/wms-core:2026.11""")
T("lo_yamato_ja", G, "ja", "secret", "password", r"""出荷担当の新人さん向けに手順を書いてください。送り状発行システムのログインIDは ⟦d10⟧ 、パスワードは ⟪password:@pw_two⟫ です。発行後は必ずログアウト。""")

T("lo_neg_tracking", G, "en", "not_secret", "identifier", r"""Customer asks where the pallets are. Tracking 1Z⟦U16⟧, container MSCU⟦d7⟧, AWB 176-⟦d8⟧, booking ⟦U9⟧. Write a short status reply.""")
T("lo_neg_customs_ids", G, "de", "not_secret", "identifier", r"""Bitte erkläre dem Kunden die Zollpapiere: MRN 26DE⟦U14⟧, EORI DE⟦d12⟧, Warentarifnummer 8471 30 00, Verwahrungsnummer ⟦d10⟧.""")
T("lo_neg_device_ids", G, "en", "not_secret", "serial_number", r"""Telematics box swap for truck 47: VIN WDB⟦U14⟧, old unit IMEI ⟦d15⟧, serial TBX-⟦U10⟧, MAC ⟦H2⟧:⟦H2⟧:⟦H2⟧:⟦H2⟧:⟦H2⟧:⟦H2⟧. Draft the work order.""")
T("lo_neg_gh_secret", G, "en", "not_secret", "secret_reference", r"""Does this workflow leak the FedEx secret in logs?

    env:
      FEDEX_CLIENT_ID: ${{ secrets.FEDEX_CLIENT_ID }}
      FEDEX_CLIENT_SECRET: ${{ secrets.FEDEX_CLIENT_SECRET }}
    run: ./scripts/rate_shop.sh""")
T("lo_neg_compose_file", G, "en", "not_secret", "secret_reference", r"""Is this the right way to pass the WMS database password without writing it in clear?

services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/wms_db_password
    secrets:
      - wms_db_password""")
T("lo_neg_sscc", G, "en", "not_secret", "identifier", r"""The pallet label doesn't scan. Content: SSCC (00)⟦d18⟧, GTIN (01)⟦d14⟧, batch (10)L⟦d6⟧. Which AI codes are missing?""")
T("lo_neg_here_placeholder", G, "en", "not_secret", "placeholder", r"""The manual's example says:

HERE_API_KEY=your-here-api-key
ORIGIN=40.4168,-3.7038

Where do I get mine?""")
T("lo_neg_redacted_log", G, "en", "not_secret", "redacted", r"""Carrier integration log, why does the token call keep failing?

POST /oauth/token grant_type=client_credentials client_id=dhl-int-07 client_secret=[REDACTED] -> 401
retrying in 30s""")
T("lo_neg_seal", G, "zh", "not_secret", "identifier", r"""请帮我核对一下这票货的信息：订舱号 ⟦U10⟧，柜号 TGHU⟦d7⟧，封条号 ⟦U2+d6⟧，提单号 COSU⟦d10⟧。""")
T("lo_neg_bcrypt", G, "en", "not_secret", "password_hash", r"""Our WMS users table after the migration, is this hash format compatible with the new login service?

id | username      | password_hash
17 | picker_anna   | ⟦@bcrypt⟧""")
T("lo_neg_pin_policy", G, "pl", "not_secret", "password_policy", r"""Przepisz to jako komunikat dla magazynierów: PIN do skanera ma 4 cyfry, zmieniamy go co 90 dni, nie może to być data urodzenia ani 1234.""")
T("lo_neg_ssh_pub", G, "en", "not_secret", "public_key", r"""The carrier wants our SFTP public key. Is this the right file to send them?

⟦@ssh_pub⟧ edi@dc-hamburg""")
T("lo_neg_gate_oob", G, "it", "not_secret", "out_of_band_notice", r"""Scrivi una mail ai trasportatori: il codice del cancello del nuovo magazzino non verrà più mandato via e-mail, lo riceverete per SMS al momento della prenotazione dello slot.""")
T("lo_neg_md5", G, "en", "not_secret", "checksum", r"""Customs broker says the uploaded manifest is corrupt. MD5 on our side: ⟦h32⟧, theirs is different. File: MANIFEST_⟦d8⟧.xml. How do I prove the file left intact?""")
T("lo_neg_gps", G, "ko", "not_secret", "identifier", r"""차량 고장 보고서를 정리해 주세요. 차량번호 ⟦d2⟧가⟦d4⟧, 위치 37.5665, 126.9780, 주행거리 ⟦n1+d5⟧ km, 고장 코드 P0⟦d3⟧, SPN ⟦d4⟧ FMI 3.""")
T("lo_neg_signature", G, "en", "not_secret", "signature", r"""Our fleet webhook receiver says signature mismatch. Headers we got:

X-Samsara-Timestamp: 1764207000
X-Samsara-Signature: v1=⟦h64⟧""")

# ---------------------------------------------------------------------------
# personal: family accounts, home routers, smart home, banking, streaming,
# helping a parent, freelancers
# ---------------------------------------------------------------------------
G = "personal"
T("pe_mom_phone", G, "en", "secret", "password", r"""I'm setting up Mom's new iPhone this weekend. Make me a checklist. Her Apple ID password is ⟪password:@pw_accent⟫ and she wants the screen passcode to stay ⟪pin:d6⟫ like on the old phone. Don't forget WhatsApp backup.""")
T("pe_fritzbox", G, "de", "secret", "password", r"""Kannst du meinem Vater erklären, wie er das WLAN-Passwort ändert? Die FRITZ!Box erreicht er unter fritz.box, das Kennwort für die Oberfläche ist ⟪password:@pw_word⟫. Der jetzige WLAN-Schlüssel ist ⟪password:@pw_rand⟫.""")
T("pe_netflix_family", G, "es", "secret", "password", r"""Escríbele un mensaje a mi hermana: la cuenta de Netflix de la familia es netflix@familiaortega.es y la nueva contraseña es ⟪password:@pw_two⟫. Que no la cambie sin avisar a papá.""")
T("pe_bank_code", G, "fr", "secret", "pin", r"""Ma mère ne se souvient jamais de son code. Écris-lui un petit mot simple : pour ouvrir l'appli de la banque, tu tapes ⟪pin:d6⟫, puis tu appuies sur « Mes comptes ».""")
T("pe_puk", G, "it", "secret", "puk", r"""Il telefono di mia nonna chiede il PUK dopo tre PIN sbagliati. Sulla tessera della SIM c'è PUK ⟪puk:d8⟫. Come glielo spiego al telefono senza che blocchi tutto?""")
T("pe_seed_phrase", G, "en", "secret", "recovery_phrase", r"""I want to write my crypto recovery phrase on the steel plate in the right order. Can you number the words for me?

⟪recovery_phrase:@seed12⟫""")
T("pe_smart_lock", G, "pt", "secret", "pin", r"""Escreve uma mensagem simpática para os hóspedes do nosso apartamento em Porto: a fechadura eletrónica abre com o código ⟪pin:d6⟫ seguido de ✓. O wi-fi está no frigorífico.""")
T("pe_home_assistant", G, "en", "secret", "home_assistant_token", r"""My Node-RED flow can't talk to Home Assistant anymore. The HTTP node header:

Authorization: Bearer ⟪home_assistant_token:@jwt⟫

Did the long-lived token format change in 2026.11?""")
T("pe_gmail_app_pw", G, "pl", "secret", "app_password", r"""Thunderbird nie chce się połączyć z Gmailem taty. W ustawieniach serwera wpisałem hasło aplikacji „⟪app_password:@gapp⟫”. Czy spacje są problemem?""")
T("pe_digid_opa", G, "nl", "secret", "password", r"""Opa moet zijn toeslag aanvragen en ik help hem op afstand. Schrijf de stappen op: inloggen bij DigiD met gebruikersnaam jvdberg1941 en wachtwoord ⟪password:@pw_walk⟫, dan "Mijn toeslagen".""")
T("pe_google_backup", G, "en", "secret", "recovery_code", r"""Printing these for the fire safe. Format them two per line with checkboxes:

⟪recovery_code:@backup8⟫
⟪recovery_code:@backup8⟫
⟪recovery_code:@backup8⟫
⟪recovery_code:@backup8⟫
⟪recovery_code:@backup8⟫
⟪recovery_code:@backup8⟫""")
T("pe_freelance_stripe", G, "en", "secret", "stripe_restricted_key", r"""I'm a freelancer building my own invoicing app. The Stripe restricted key gives permission_error. Config:

STRIPE_KEY=⟪stripe_restricted_key:'rk_live_'+A99⟫""")
T("pe_bankid_code", G, "sv", "secret", "pin", r"""Hjälp mig skriva en lapp till mamma: säkerhetskoden till BankID är ⟪pin:d6⟫. Ge den aldrig till någon som ringer, inte ens banken.""")
T("pe_garage_codes", G, "en", "secret", "pin", r"""Note for the dog-sitter: garage keypad code is ⟪pin:d4⟫, then disarm the alarm with ⟪pin:d4⟫ within 45 seconds. Food is in the laundry room.""")
T("pe_wifi_ko", G, "ko", "secret", "password", r"""부모님 집 와이파이 정보를 카드로 만들어 주세요. 이름: KT_GiGA_5G_Home, 비밀번호: ⟪password:@pw_leet⟫""")
T("pe_plex_token", G, "en", "secret", "plex_token", r"""My Plex library refresh script stopped working. Here's the call:

curl -X GET "http://192.168.1.20:32400/library/sections/2/refresh?X-Plex-Token=⟪plex_token:b20⟫"
""")
T("pe_edevlet", G, "tr", "secret", "password", r"""Babam için e-Devlet'e giriş adımlarını basitçe yazar mısın? T.C. kimlik numarasıyla giriyor, e-Devlet şifresi ⟪password:@pw_word⟫. SGK hizmet dökümünü indirmek istiyor.""")
T("pe_icloud_app_pw", G, "en", "secret", "app_password", r"""Outlook on my Windows laptop keeps asking for my iCloud mail password. I made an app-specific password: ⟪app_password:@icloud⟫. Which server settings go with it?""")
T("pe_upi_pin", G, "hi", "secret", "pin", r"""माँ के फ़ोन के लिए एक छोटा नोट लिख दो: पेमेंट करते समय UPI PIN ⟪pin:d4⟫ डालना है, और किसी को भी फ़ोन पर यह PIN मत बताना।""")
T("pe_wise_token", G, "en", "secret", "wise_api_token", r"""Freelancer here, automating invoices. Wise API says 401 on the profiles endpoint:

curl https://api.wise.com/v2/profiles -H "Authorization: Bearer ⟪wise_api_token:@uuid⟫"
""")
T("pe_parent_email_el", G, "el", "secret", "password", r"""Γράψε μου οδηγίες για τη μητέρα μου: για να δει τα email της στο tablet, ο κωδικός πρόσβασης είναι ⟪password:@pw_two⟫ και το email mariapap1958@example.gr.""")
T("pe_pm_passphrase", G, "en", "secret", "passphrase", r"""Help me word the emergency sheet for my family. It says that if something happens to me, the password manager opens with the master passphrase "⟪passphrase:@spaced_phrase⟫" and the list of accounts is inside.""")
T("pe_bank_otp_vi", G, "vi", "secret", "one_time_code", r"""Mẹ tôi vừa gửi tin nhắn ngân hàng này, nhờ bạn giải thích mẹ cần làm gì: "Ma OTP cua quy khach la ⟪one_time_code:d6⟫, co hieu luc trong 3 phut."
""")
T("pe_router_id", G, "id", "secret", "password", r"""Tolong buatkan langkah-langkah untuk ganti nama WiFi di router rumah. Login ke 192.168.1.1 pakai user admin, kata sandi ⟪password:@pw_rand⟫.""")

T("pe_neg_router_ids", G, "de", "not_secret", "serial_number", r"""Der Router meiner Eltern zeigt ständig "Internet getrennt". Auf dem Aufkleber steht: Modell 7590 AX, Seriennummer ⟦U4+d12⟧, CWMP-Account ⟦d18⟧, MAC ⟦H12⟧. Was soll ich dem Anbieter sagen?""")
T("pe_neg_reset_notice", G, "en", "not_secret", "reset_notice", r"""Is this e-mail real? "We received a request to reset your Netflix password. If this was you, click the link below within 24 hours. If not, you can ignore this message."
""")
T("pe_neg_iban", G, "fr", "not_secret", "account_number", r"""Rédige une facture de freelance : IBAN FR76 ⟦d4⟧ ⟦d4⟧ ⟦d4⟧ ⟦d4⟧ ⟦d4⟧ ⟦d3⟧, BIC ⟦L6⟧2X, SIRET ⟦d14⟧, numéro de facture 2026-⟦d3⟧.""")
T("pe_neg_bank_advice", G, "es", "not_secret", "security_advice", r"""Explícale a mi abuela este aviso del banco con palabras sencillas: «Nunca te pediremos tu clave ni el código de SMS por teléfono. Si alguien te lo pide, cuelga y llama al número de tu tarjeta».""")
T("pe_neg_hint", G, "en", "not_secret", "password_hint", r"""My dad set a password hint on his old laptop: "first dog + the year we moved to Leeds". Can you suggest how he can reset it if he can't remember?""")
T("pe_neg_masked", G, "it", "not_secret", "masked_card", r"""Nel riepilogo dell'abbonamento vedo: carta Mastercard •••• ⟦d4⟧, Apple ID m•••@icloud.com, rinnovo il 3 dicembre. Come disdico?""")
T("pe_neg_wallet_addr", G, "en", "not_secret", "public_address", r"""A client wants to pay my invoice in bitcoin. I'll put my receiving address on the invoice, is that safe? bc1q⟦a38⟧""")
T("pe_neg_ha_secret", G, "nl", "not_secret", "secret_reference", r"""Waarom pakt Home Assistant mijn wifi-wachtwoord niet? In configuration.yaml staat:

wifi:
  ssid: !secret wifi_ssid
  password: !secret wifi_password""")
T("pe_neg_parcel", G, "en", "not_secret", "identifier", r"""Help me write to the shop: order no. ⟦d9⟧ hasn't arrived, tracking code LP⟦d9⟧CN, and the tax number on the invoice is wrong.""")
T("pe_neg_hue", G, "sv", "not_secret", "identifier", r"""Min Hue-brygga syns inte i appen. Info från routern: brygg-ID ⟦H16⟧, IP 192.168.0.⟦n1+d1⟧, modell BSB002. Vad ska jag testa först?""")
T("pe_neg_bank_policy", G, "pl", "not_secret", "password_policy", r"""Wytłumacz mamie zasady banku: hasło do bankowości musi mieć od 8 do 20 znaków, w tym cyfrę i wielką literę, a kodu BLIK nie podaje się nikomu przez telefon.""")
T("pe_neg_weak_examples", G, "ja", "not_secret", "security_advice", r"""家族向けにパスワードの注意点をまとめてください。「123456」や「password」、誕生日は使わないこと、同じパスワードを使い回さないこと、二段階認証をオンにすること。""")
T("pe_neg_iccid", G, "en", "not_secret", "serial_number", r"""Carrier support asked for these to port my mum's number: ICCID 8944⟦d15⟧, IMEI ⟦d15⟧, account number ⟦d8⟧. Which one do I give them?""")
T("pe_neg_netrc_placeholder", G, "en", "not_secret", "placeholder", r"""The tutorial tells me to create ~/.netrc like this, what do I replace?

machine api.example-invoices.com
  login your_username
  password your_password_here""")
T("pe_neg_wifi_qr_redacted", G, "es", "not_secret", "redacted", r"""He generado un código QR para el wifi de invitados. El texto que se ve en la vista previa es WIFI:S:Casa_Invitados;T:WPA;P:********;; ¿por qué sale con asteriscos?""")
T("pe_neg_rotation", G, "zh", "not_secret", "rotation_notice", r"""帮我给家人发个通知：家里的无线网络密码下周一会更换，新密码我会当面告诉大家，不会发在群里。""")

# ---------------------------------------------------------------------------
# research: HPC clusters, lab instruments, data repositories, notebooks,
# cloud credits
# ---------------------------------------------------------------------------
G = "research"
T("re_jupyter_url", G, "en", "secret", "jupyter_token", r"""I started Jupyter on a compute node and tunnelled the port, but the browser says "Invalid credentials". The log printed:

    To access the server, open this file in a browser:
        file:///home/u/.local/share/jupyter/runtime/jpserver-⟦n1+d5⟧-open.html
    Or copy and paste one of these URLs:
        http://gpu017:8888/lab?token=⟪jupyter_token:h48⟫""")
T("re_hpc_rsa", G, "de", "secret", "private_key", r"""Der Login auf den Cluster mit meinem alten Schlüssel klappt nicht mehr ("invalid format"). Ist die Datei kaputt?

⟪private_key:@pem_rsa⟫""")
T("re_wandb", G, "en", "secret", "wandb_api_key", r"""Sweeps on the cluster can't log to W&B because compute nodes have no browser. I'm doing this in the job script, is it ok?

export WANDB_API_KEY=⟪wandb_api_key:h40⟫
export WANDB_MODE=online
srun python train.py --config configs/vit_b16.yaml""")
T("re_zenodo", G, "en", "secret", "zenodo_token", r"""I'm depositing the thesis dataset on Zenodo via the API but the deposit stays empty. Command:

curl -H "Content-Type: application/json" -X POST \
  "https://zenodo.org/api/deposit/depositions?access_token=⟪zenodo_token:A60⟫" -d '{}'
""")
T("re_kaggle", G, "en", "secret", "kaggle_key", r"""The kaggle CLI says 401 on the cluster. My ~/.kaggle/kaggle.json:

{"username":"⟦l6+d2⟧","key":"⟪kaggle_key:h32⟫"}""")
T("re_microscope_login", G, "es", "secret", "password", r"""¿Me ayudas a redactar las normas del confocal? Puntos: reservar en el calendario, entrar en el PC del microscopio con el usuario "confocal-usuarios" y la contraseña ⟪password:@pw_walk⟫, guardar los datos en D:\Usuarios y apagar el láser al terminar.""")
T("re_globus", G, "en", "secret", "client_secret", r"""Automated transfers from the beamline to our storage fail with "invalid client". Python:

client = globus_sdk.ConfidentialAppAuthClient(
    "⟦@uuid⟧",
    "⟪client_secret:B44⟫",
)""")
T("re_cluster_initial", G, "ja", "secret", "password", r"""研究室の新入生向けにスパコン利用の案内を書いてください。初回ログインのユーザー名は各自の学籍番号、初期パスワードは ⟪password:@pw_rand⟫ で、最初のログイン時に必ず変更すること。""")
T("re_figshare", G, "en", "secret", "figshare_token", r"""Our lab's figshare upload script fails at the file part step. Header:

headers = {"Authorization": "token ⟪figshare_token:h128⟫"}""")
T("re_redcap", G, "en", "secret", "redcap_token", r"""Exporting the study records from REDCap into R gives "You do not have permissions". Request:

curl -X POST https://redcap.exemplo-hospital.pt/api/ \
  -d token=⟪redcap_token:H32⟫ \
  -d content=record -d format=csv
""")
T("re_ncbi", G, "en", "secret", "ncbi_api_key", r"""Entrez keeps rate-limiting my batch download. Biopython setup:

Entrez.email = "lab@example-uni.edu"
Entrez.api_key = "⟪ncbi_api_key:h36⟫"
handle = Entrez.efetch(db="nucleotide", id=ids, rettype="fasta")""")
T("re_freezer_code", G, "it", "secret", "pin", r"""Aggiorna il foglio per chi fa la reperibilità di laboratorio: la porta della sala congelatori -80 si apre con il codice ⟪pin:d6⟫ e l'allarme dei freezer si tacita dal pannello con ⟪pin:d4⟫.""")
T("re_cds_key", G, "en", "secret", "cds_api_key", r"""cdsapi keeps saying my key is wrong after the new CDS launch. ~/.cdsapirc:

url: https://cds.climate.copernicus.eu/api
key: ⟪cds_api_key:@uuid⟫""")
T("re_root_zh", G, "zh", "secret", "password", r"""课题组的GPU服务器要交接给新同学，帮我写个说明：IP 10.12.3.45，root 密码 ⟪password:@pw_two⟫，conda 环境都在 /opt/envs 下面，别随便升级驱动。""")
T("re_earthdata_netrc", G, "en", "secret", "password", r"""wget downloads from NASA Earthdata return the login HTML instead of the granule. My ~/.netrc:

machine urs.earthdata.nasa.gov login ⟦l7+d2⟧ password ⟪password:@pw_word⟫""")
T("re_slurmdbd_ru", G, "ru", "secret", "password", r"""slurmdbd не стартует после обновления, в логе "Access denied for user". Вот кусок slurmdbd.conf:

StorageType=accounting_storage/mysql
StorageHost=db01
StorageUser=slurm
StoragePass=⟪password:@pw_rand⟫
StorageLoc=slurm_acct_db""")
T("re_dataverse", G, "en", "secret", "dataverse_token", r"""Uploading a file to our institutional Dataverse with the native API returns 403:

curl -H "X-Dataverse-key:⟪dataverse_token:@uuid⟫" -X POST -F file=@results.csv \
  "https://dataverse.example-uni.edu/api/datasets/:persistentId/add?persistentId=doi:10.⟦d5⟧/FK2/⟦U6⟧"
""")
T("re_irods_nl", G, "nl", "secret", "password", r"""Ik probeer via de terminal bij de onderzoeksdata op iRODS te komen. iinit vraagt om een wachtwoord en ik geef ⟪password:@pw_accent⟫, maar ik krijg CAT_INVALID_AUTHENTICATION. Wat kan ik controleren?""")
T("re_neptune", G, "en", "secret", "neptune_api_token", r"""Neptune run init fails on the cluster with "invalid API token". I set:

export NEPTUNE_API_TOKEN="⟪neptune_api_token:@neptune⟫"
export NEPTUNE_PROJECT="ml-lab/protein-fold"
""")
T("re_minio_ko", G, "ko", "secret", "minio_secret_key", r"""연구실 MinIO 서버에 데이터셋을 올리려는데 SignatureDoesNotMatch 오류가 나요.

mc alias set labstore http://10.0.5.20:9000 ⟪minio_access_key:U20⟫ ⟪minio_secret_key:A40⟫""")
T("re_teamviewer_sv", G, "sv", "secret", "password", r"""Leverantören av masspektrometern vill fjärrstyra instrumentdatorn i morgon. Skriv ett mejl till dem med TeamViewer-ID ⟦n1+d2⟧ ⟦d3⟧ ⟦d3⟧ och lösenordet ⟪password:a8⟫, som vi byter efteråt.""")
T("re_vastai", G, "en", "secret", "vastai_api_key", r"""We got cloud credits on Vast.ai for the thesis experiments. CLI says unauthorized:

vastai set api-key ⟪vastai_api_key:h64⟫
vastai search offers 'gpu_name=RTX_4090 num_gpus=2'""")
T("re_totp_pl", G, "pl", "secret", "totp_secret", r"""Konfiguruję drugi składnik do VPN uczelni w aplikacji na komputerze, bo telefon mi padł. Z maila od działu IT mam klucz: ⟪totp_secret:@totp⟫. Jak go dodać ręcznie w KeePassXC?""")
T("re_orcid_fi", G, "fi", "secret", "recovery_code", r"""Tallennan ORCID-tilin varakoodit tutkimusryhmän kassakaappiin. Muotoile ne listaksi:

⟪recovery_code:@rc10⟫
⟪recovery_code:@rc10⟫
⟪recovery_code:@rc10⟫
⟪recovery_code:@rc10⟫""")

T("re_neg_orcid_doi", G, "en", "not_secret", "identifier", r"""Format the author block for the preprint: ORCID 0000-000⟦d1⟧-⟦d4⟧-⟦d3⟧X, DOI 10.⟦d5⟧/zenodo.⟦n1+d7⟧, grant ⟦U3⟧-⟦d6⟧.""")
T("re_neg_sha256", G, "en", "not_secret", "checksum", r"""Please put the checksums into the dataset README:

⟦h64⟧  raw_counts.tsv.gz
⟦h64⟧  metadata.csv""")
T("re_neg_commit_hash", G, "en", "not_secret", "hash", r"""Reviewer asks which code version produced Table 2. It was commit ⟦h40⟧ in our repo, conda env built from environment.yml with lock hash ⟦h64⟧. Write the reproducibility statement.""")
T("re_neg_slurm_ids", G, "en", "not_secret", "identifier", r"""My job ⟦n1+d7⟧ stays PENDING (Priority). I use --account=proj⟦d4⟧ --partition=gpu --qos=normal on node gpu0⟦d2⟧. Is that normal?""")
T("re_neg_host_fp", G, "en", "not_secret", "fingerprint", r"""First login to the new cluster shows this, should I type yes?

The authenticity of host 'login2.hpc.example-uni.edu' can't be established.
ED25519 key fingerprint is SHA256:⟦B43⟧.""")
T("re_neg_ssh_pub_es", G, "es", "not_secret", "public_key", r"""El administrador del clúster me pide mi clave pública para darme acceso. ¿Es esta la correcta?

⟦@ssh_pub⟧ ana@portatil-lab""")
T("re_neg_accessions", G, "ja", "not_secret", "identifier", r"""論文のデータ可用性の文を英語で書いてください。配列データは GEO GSE⟦n1+d5⟧（SRA SRR⟦n1+d7⟧）、構造は PDB ⟦d1+U3⟧ に登録済み。""")
T("re_neg_zenodo_ids", G, "en", "not_secret", "identifier", r"""In the thesis I cite the dataset as: Zenodo record ⟦n1+d7⟧, concept DOI 10.5281/zenodo.⟦n1+d7⟧, version 2. Is the format fine?""")
T("re_neg_env_ref", G, "en", "not_secret", "secret_reference", r"""Is it fine to read the key like this in the notebook?

import os
wandb.login(key=os.environ["WANDB_API_KEY"])""")
T("re_neg_cds_placeholder", G, "en", "not_secret", "placeholder", r"""The CDS how-to says to create ~/.cdsapirc with

url: https://cds.climate.copernicus.eu/api
key: <PERSONAL-ACCESS-TOKEN>

where do I find mine on the profile page?""")
T("re_neg_masked", G, "nl", "not_secret", "masked_key", r"""Op de W&B-instellingenpagina zie ik mijn API-sleutel als ••••••••••••⟦h4⟧. Hoe zie ik de hele sleutel weer?""")
T("re_neg_docker_digest", G, "en", "not_secret", "hash", r"""Pinning the analysis container for the paper: ghcr.io/lab/pipeline@sha256:⟦h64⟧. Is a digest enough or should I also tag it?""")
T("re_neg_sample_uuids", G, "zh", "not_secret", "identifier", r"""帮我把样本表整理一下：样本 ⟦@uuid⟧ 对应小鼠 M-⟦d3⟧，样本 ⟦@uuid⟧ 对应小鼠 M-⟦d3⟧，随机种子 ⟦n1+d8⟧。""")
T("re_neg_policy", G, "en", "not_secret", "password_policy", r"""Rewrite the cluster account rules for the onboarding wiki: passwords at least 15 characters, no reuse of the last 10, SSH keys must be ed25519 or RSA 4096, accounts lock after 5 failed logins.""")
T("re_neg_rotation_pl", G, "pl", "not_secret", "rotation_notice", r"""Przetłumacz komunikat na angielski: tokeny dostępu do repozytorium danych wygasają 1 grudnia, każdy musi wygenerować nowy w profilu i zaktualizować skrypty.""")
T("re_neg_jupyter_redacted", G, "ko", "not_secret", "redacted", r"""주피터 로그인데 토큰 부분이 가려져 있어요. 원래 이렇게 나오나요?

[I 2026-11-26 10:12:01 ServerApp] http://127.0.0.1:8888/lab?token=...
[I 2026-11-26 10:12:01 ServerApp] Use Control-C to stop this server""")


def _main_guard():
    if __name__ == "__main__":
        main()


_main_guard()
