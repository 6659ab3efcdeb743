#!/usr/bin/env python3
"""Build holdout.jsonl for general18 from holdout.txt.

Standard library only; deterministic. Refuses to write when a check fails.
Usage: python3 build.py [--check | --review]
"""
import ipaddress
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "holdout.txt")
OUT = os.path.join(HERE, "holdout.jsonl")

TYPES = {
    "PER": "PERSON", "EMAIL": "EMAIL_ADDRESS", "PHONE": "PHONE_NUMBER",
    "ADDR": "STREET_ADDRESS", "URL": "URL", "IP": "IP_ADDRESS",
    "IBAN": "IBAN_CODE", "CC": "CREDIT_CARD", "SSN": "US_SSN",
}
ANNOTATED = sorted(TYPES.values())
NEG_KINDS = {"", "CC", "IBAN", "SSN", "PHONE"}

errors = []


def err(line_no, msg):
    errors.append("line %d: %s" % (line_no, msg))


# ---------------------------------------------------------------- cards
def luhn_ok(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0


def luhn_fill(value):
    """Replace the single '#' in value with the Luhn check digit."""
    for c in "0123456789":
        cand = value.replace("#", c)
        if luhn_ok(re.sub(r"\D", "", cand)):
            return cand
    raise ValueError("no luhn digit")


def card_brand(d):
    n = len(d)
    p2, p3, p4, p6 = int(d[:2]), int(d[:3]), int(d[:4]), int(d[:6])
    if d[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if (p4 == 6011 or p2 == 65 or 644 <= p3 <= 649 or 622126 <= p6 <= 622925) and 16 <= n <= 19:
        return "discover"
    if (300 <= p3 <= 305 or p2 in (36, 38, 39)) and 14 <= n <= 19:
        return "diners"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    if 2200 <= p4 <= 2204 and 16 <= n <= 19:
        return "mir"
    return None


def card_ok(value):
    if not re.fullmatch(r"\d+(?:[ -]\d+)*", value):
        return "bad grouping"
    seps = set(re.findall(r"[ -]", value))
    if len(seps) > 1:
        return "mixed separators"
    d = re.sub(r"\D", "", value)
    if not luhn_ok(d):
        return "luhn"
    if card_brand(d) is None:
        return "brand"
    return None


# ---------------------------------------------------------------- IBAN
IBAN_LEN = {
    "AD": 24, "AE": 23, "AT": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "EG": 29,
    "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "LB": 28,
    "LT": 20, "LU": 20, "LV": 21, "MA": 28, "MC": 27, "MT": 31, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PT": 25, "QA": 29, "RO": 24, "SA": 24,
    "SE": 24, "SI": 19, "SK": 24, "TN": 24, "TR": 26, "UA": 29,
}


def iban_mod(s):
    s = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in s)
    return int(num) % 97


def iban_fill(value):
    compact = re.sub(r"\s", "", value)
    if compact[2:4] != "##":
        raise ValueError("IBAN needs ## check digits")
    base = compact[:2] + "00" + compact[4:]
    check = 98 - iban_mod(base)
    return value.replace("##", "%02d" % check, 1)


def iban_ok(value):
    compact = re.sub(r" ", "", value)
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact):
        return "shape"
    cc = compact[:2]
    if cc not in IBAN_LEN:
        return "country"
    if len(compact) != IBAN_LEN[cc]:
        return "length %d != %d" % (len(compact), IBAN_LEN[cc])
    if iban_mod(compact) != 1:
        return "mod97"
    if " " in value:
        groups = value.split(" ")
        if any(len(g) != 4 for g in groups[:-1]) or not 1 <= len(groups[-1]) <= 4:
            return "grouping"
    return None


# ---------------------------------------------------------------- SSN
SSN_BLOCK = {"078051120", "219099999", "123456789"}


def ssn_ok(value):
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})([- ]?)(\d{4})", value)
    if not m or m.group(2) != m.group(4):
        return "shape"
    a, g, s = m.group(1), m.group(3), m.group(5)
    d = a + g + s
    if a in ("000", "666") or a[0] == "9" or g == "00" or s == "0000":
        return "rules"
    if d in SSN_BLOCK or d.startswith("98765432") or len(set(d)) == 1:
        return "placeholder"
    return None


# ---------------------------------------------------------------- phones
# cc: (calling code, trunk prefix, min NSN digits, max NSN digits)
PHONES = {
    "US": ("1", "", 10, 10), "CA": ("1", "", 10, 10), "GB": ("44", "0", 9, 10),
    "IE": ("353", "0", 7, 9), "DE": ("49", "0", 6, 11), "AT": ("43", "0", 6, 12),
    "CH": ("41", "0", 9, 9), "FR": ("33", "0", 9, 9), "BE": ("32", "0", 8, 9),
    "NL": ("31", "0", 9, 9), "ES": ("34", "", 9, 9), "PT": ("351", "", 9, 9),
    "IT": ("39", "", 6, 11), "PL": ("48", "", 9, 9), "CZ": ("420", "", 9, 9),
    "SE": ("46", "0", 7, 9), "NO": ("47", "", 8, 8), "DK": ("45", "", 8, 8),
    "FI": ("358", "0", 6, 10), "GR": ("30", "", 10, 10), "TR": ("90", "0", 10, 10),
    "RU": ("7", "8", 10, 10), "UA": ("380", "0", 9, 9), "IL": ("972", "0", 8, 9),
    "SA": ("966", "0", 8, 9), "AE": ("971", "0", 8, 9), "EG": ("20", "0", 9, 10),
    "MA": ("212", "0", 9, 9), "NG": ("234", "0", 8, 10), "KE": ("254", "0", 9, 9),
    "ZA": ("27", "0", 9, 9), "IN": ("91", "0", 10, 10), "PK": ("92", "0", 9, 10),
    "CN": ("86", "0", 9, 11), "JP": ("81", "0", 9, 10), "KR": ("82", "0", 8, 10),
    "VN": ("84", "0", 9, 10), "ID": ("62", "0", 9, 12), "PH": ("63", "0", 9, 10),
    "TH": ("66", "0", 8, 9), "MY": ("60", "0", 8, 10), "AU": ("61", "0", 9, 9),
    "NZ": ("64", "0", 8, 10), "BR": ("55", "0", 10, 11), "MX": ("52", "", 10, 10),
    "AR": ("54", "0", 10, 10), "CO": ("57", "", 10, 10), "CL": ("56", "", 9, 9),
    "RO": ("40", "0", 9, 9), "HU": ("36", "06", 8, 9),
}


def phone_ok(value, cc):
    if not re.fullmatch(r"[+\d(][\d ()./\-]*\d(?: ?(?:ext\.?|x) ?\d+)?", value):
        return "characters"
    core = re.sub(r" ?(?:ext\.?|x) ?\d+$", "", value)
    core = core.replace("(0)", "")
    digits = re.sub(r"\D", "", core)
    intl = None
    if core.startswith("+"):
        intl = digits
    elif core.startswith("00"):
        intl = digits[2:]
    if intl is not None:
        cands = [k for k, v in PHONES.items() if intl.startswith(v[0])
                 and v[2] <= len(intl) - len(v[0]) <= v[3]]
        if cc:
            cands = [k for k in cands if k == cc]
        if not cands:
            return "international number fits no country"
        nsn_cc = cands[0]
        nsn = intl[len(PHONES[nsn_cc][0]):]
        return fictional_check(nsn_cc, nsn)
    if not cc:
        cc = "US"
    code, trunk, lo, hi = PHONES[cc]
    d = digits
    if cc in ("US", "CA"):
        if d.startswith("1") and len(d) == 11:
            d = d[1:]
        if len(d) != 10:
            return "NANP length"
        return fictional_check(cc, d)
    if trunk and d.startswith(trunk):
        d = d[len(trunk):]
    elif trunk and cc not in ("CN", "IN", "BR"):
        return "national form without trunk prefix"
    if not lo <= len(d) <= hi:
        return "national length %d" % len(d)
    return fictional_check(cc, d)


def fictional_check(cc, nsn):
    if cc in ("US", "CA"):
        if not re.fullmatch(r"\d{3}55501\d\d", nsn):
            return "NANP number outside 555-01xx"
    if cc == "GB":
        ok = (re.fullmatch(r"7700900\d{3}", nsn) or
              re.fullmatch(r"(113|117|118|121|131|141|151|161|191)4960\d{3}", nsn) or
              re.fullmatch(r"20794600\d\d|207946\d{4}", nsn) or
              re.fullmatch(r"1632960\d{3}", nsn))
        if not ok:
            return "UK number outside the drama ranges"
    return None


# ---------------------------------------------------------------- misc syntax
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+|\b[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.(?:com|org|net|io|de|fr|es|it|nl|pl|jp|uk|example|app|ru|br)/[^\s<>\"')\]]*", re.I)
IPV4_RE = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
IPV6_RE = re.compile(r"(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Fa-f:])")
DIGITS_RE = re.compile(r"\d[\d -]{11,30}\d")


def email_ok(v):
    return None if EMAIL_RE.fullmatch(v) else "email syntax"


def url_ok(v):
    if re.fullmatch(r"https?://[^\s]+", v) or re.fullmatch(r"www\.[^\s]+", v):
        return None
    if re.fullmatch(r"[a-z0-9\-]+(?:\.[a-z0-9\-]+)+/[^\s]*", v, re.I):
        return None
    return "url syntax"


def ip_ok(v):
    try:
        ipaddress.ip_address(v)
        return None
    except ValueError:
        return "ip syntax"


TITLES_START = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "dame", "coach",
    "nurse", "sister", "auntie", "aunt", "uncle", "mum", "dad", "herr", "frau",
    "mme", "m.", "mlle", "don", "doña", "dona", "sr", "sra", "signora", "signor",
    "sig.", "sig.ra", "pan", "pani", "pak", "bu", "κ.", "κα", "dott.", "dott.ssa",
    "anh", "chị", "em", "cô", "chú", "bà", "ông", "sayın", "السيد", "السيدة",
    "מר", "גב'", "श्री", "डॉ.", "г-н", "г-жа", "pr", "dre",
}
TITLES_END = {"bey", "hanım", "hanim", "abi", "jee", "ji", "जी", "san", "sama", "sensei"}
CJK_SUFFIX = ("様", "さん", "くん", "ちゃん", "님", "씨", "先生", "女士", "阿姨", "老师",
              "师傅", "妈妈", "엄마", "선생님", "医生", "大夫", "经理")


def person_ok(v):
    if re.search(r"\d", v):
        return "digit in PERSON"
    if v != v.strip() or v[0] in ".,;:!?'\"()-" or v[-1] in ",;:!?'\"()-":
        return "outer punctuation"
    words = v.split()
    if words[0].lower().rstrip(".") in {t.rstrip(".") for t in TITLES_START} and len(words) > 1:
        return "title at start: %s" % words[0]
    if words[0].lower() in TITLES_START:
        return "title at start: %s" % words[0]
    if words[-1].lower() in TITLES_END:
        return "title at end: %s" % words[-1]
    for s in CJK_SUFFIX:
        if v.endswith(s):
            return "honorific at end: %s" % s
    return None


def addr_ok(v):
    if not any(unicodedata.category(c) == "Nd" for c in v):
        return "address without digit"
    if v != v.strip() or v[-1] in ",;":
        return "outer space/punctuation"
    return None


CHECKS = {
    "CC": card_ok, "IBAN": iban_ok, "SSN": ssn_ok, "EMAIL": email_ok,
    "URL": url_ok, "IP": ip_ok, "PER": person_ok, "ADDR": addr_ok,
}


def is_word_char(c):
    return c.isalnum() or c == "_"


def script_joined(c):
    if not c:
        return False
    n = unicodedata.name(c, "")
    return any(k in n for k in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI"))


# ---------------------------------------------------------------- parsing
MARK_RE = re.compile(r"⟦(?:(~?)([A-Z]*)(?:@([A-Z]{2}))?\|)?([^⟧|]*)⟧")


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            nxt = s[i + 1]
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def parse_line(line_no, body):
    text, ents, negs = [], [], []
    pos = 0
    cur = 0
    for m in MARK_RE.finditer(body):
        plain = unescape(body[pos:m.start()])
        text.append(plain)
        cur += len(plain)
        neg, kind, cc, value = m.group(1), m.group(2), m.group(3), unescape(m.group(4))
        if kind is None and not neg:
            kind = "PER"  # a bare ⟦value⟧ is a PERSON
        if neg:
            if kind not in NEG_KINDS:
                err(line_no, "unknown look-alike kind %r" % kind)
            if kind == "CC":
                d = re.sub(r"\D", "", value)
                if luhn_ok(d):
                    err(line_no, "~CC passes Luhn: %s" % value)
            if kind == "IBAN":
                if iban_ok(value) is None:
                    err(line_no, "~IBAN is valid: %s" % value)
            if kind == "SSN":
                if not re.fullmatch(r"\d{3}-\d{2}-\d{4}", value) or ssn_ok(value) is None:
                    err(line_no, "~SSN is not a broken SSN: %s" % value)
            negs.append((cur, cur + len(value), kind, value))
        else:
            if kind not in TYPES:
                err(line_no, "unknown type %r" % kind)
                continue
            if kind == "CC" and "#" in value:
                value = luhn_fill(value)
            if kind == "IBAN" and "##" in value:
                value = iban_fill(value)
            if kind == "PHONE":
                problem = phone_ok(value, cc)
            elif cc:
                problem = "@cc only for PHONE"
            else:
                problem = CHECKS.get(kind, lambda v: None)(value)
            if problem:
                err(line_no, "%s %r: %s" % (kind, value, problem))
            ents.append({"type": TYPES[kind], "start": cur, "end": cur + len(value), "value": value})
        text.append(value)
        cur += len(value)
        pos = m.end()
    text.append(unescape(body[pos:]))
    full = "".join(text)
    if "⟦" in full or "⟧" in full:
        err(line_no, "stray markup")
    return full, ents, negs


def check_row(line_no, text, ents, negs):
    spans = sorted([(e["start"], e["end"]) for e in ents] + [(n[0], n[1]) for n in negs])
    for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
        if a2 < b1:
            err(line_no, "overlapping spans")
    for e in ents:
        s, t = e["start"], e["end"]
        if text[s:t] != e["value"]:
            err(line_no, "offset mismatch")
        before = text[s - 1] if s > 0 else ""
        after = text[t] if t < len(text) else ""
        if before and is_word_char(before) and is_word_char(text[s]) and not (script_joined(before) or script_joined(text[s])):
            err(line_no, "span cuts a word at start: %r" % e["value"])
        if after and is_word_char(after) and is_word_char(text[t - 1]) and not (script_joined(after) or script_joined(text[t - 1])):
            err(line_no, "span cuts a word at end: %r" % e["value"])
    # leak scan on the text with spans and look-alikes blanked out
    masked = list(text)
    for s, t in spans:
        for i in range(s, t):
            masked[i] = " "
    rest = "".join(masked)
    for rx, what in ((EMAIL_RE, "email"), (URL_RE, "url")):
        for m in rx.finditer(rest):
            err(line_no, "unmarked %s: %r" % (what, m.group(0)))
    for m in IPV4_RE.finditer(rest):
        if ip_ok(m.group(0)) is None:
            err(line_no, "unmarked IPv4: %r" % m.group(0))
    for m in IPV6_RE.finditer(rest):
        g = m.group(0)
        if g.count(":") >= 2 and re.search(r"[0-9a-fA-F]", g) and ip_ok(g) is None and not re.fullmatch(r"[\d:]+", g):
            err(line_no, "unmarked IPv6: %r" % g)
    for m in DIGITS_RE.finditer(rest):
        d = re.sub(r"\D", "", m.group(0))
        for i in range(len(d)):
            for j in range(i + 13, min(len(d), i + 19) + 1):
                sub = d[i:j]
                if luhn_ok(sub) and card_brand(sub):
                    err(line_no, "unmarked card-like number: %r" % m.group(0))
                    break
            else:
                continue
            break
    for m in re.finditer(r"\b[A-Z]{2}\d{2}[A-Z0-9 ]{10,40}", rest):
        c = re.sub(" ", "", m.group(0))
        for k in range(15, len(c) + 1):
            if c[:2] in IBAN_LEN and k == IBAN_LEN[c[:2]] and iban_mod(c[:k]) == 1:
                err(line_no, "unmarked IBAN: %r" % m.group(0))
    for m in re.finditer(r"(?<!\d)\d{3}([- ])\d{2}\1\d{4}(?!\d)", rest):
        if ssn_ok(m.group(0)) is None:
            err(line_no, "unmarked SSN: %r" % m.group(0))
    low = rest.lower()
    for e in ents:
        v = e["value"]
        if v.lower() in low and len(v) >= 3:
            err(line_no, "entity value appears again unmarked: %r" % v)
        if e["type"] in ("PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN"):
            d = re.sub(r"\D", "", v)
            if len(d) >= 7 and d in re.sub(r"\D", "", rest):
                err(line_no, "digits of %r appear again unmarked" % v)
        if e["type"] == "PERSON":
            if script_joined(v[0]):
                parts = [v.replace(" ", "")] if len(v.replace(" ", "")) >= 2 else []
                for p in parts:
                    if p in rest:
                        err(line_no, "name %r appears unmarked" % p)
            else:
                for p in re.split(r"[\s\-]+", v):
                    p = p.strip(".'")
                    if len(p) < 3 or p.lower() in PARTICLES:
                        continue
                    if re.search(r"(?<!\w)" + re.escape(p.lower()) + r"(?!\w)", low):
                        err(line_no, "name part %r appears unmarked" % p)


PARTICLES = {"van", "von", "der", "den", "del", "della", "de", "la", "le", "al", "el",
             "bin", "bint", "ben", "ter", "dos", "das", "da", "du", "ibn", "abu", "mac"}


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    rows = []
    seen = set()
    langs = {}
    with open(SRC, encoding="utf-8") as f:
        for line_no, raw in enumerate(f, 1):
            raw = raw.rstrip("\n")
            if not raw.strip() or raw.startswith("#"):
                continue
            m = re.match(r"\[([a-z]{2})\] (.+)$", raw)
            if not m:
                err(line_no, "bad line shape")
                continue
            lang, body = m.group(1), m.group(2)
            text, ents, negs = parse_line(line_no, body)
            check_row(line_no, text, ents, negs)
            if text in seen:
                err(line_no, "duplicate row")
            seen.add(text)
            langs.setdefault(lang, [0, 0])
            langs[lang][0] += 1
            if not ents:
                langs[lang][1] += 1
            rows.append((lang, text, ents, negs, line_no))
    if mode == "--review":
        for lang, text, ents, negs, ln in rows:
            masked = list(text)
            for e in ents:
                for i in range(e["start"], e["end"]):
                    masked[i] = " "
            for m in re.finditer(r"\d[\d .\-/]{5,}\d", "".join(masked)):
                if len(re.sub(r"\D", "", m.group(0))) >= 7:
                    print("review line %d: %r" % (ln, m.group(0)))
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        print("%d problems; nothing written" % len(errors), file=sys.stderr)
        sys.exit(1)
    counts = {}
    nonen = {}
    for lang, text, ents, negs, ln in rows:
        for e in ents:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
            if lang != "en":
                nonen[e["type"]] = nonen.get(e["type"], 0) + 1
    print("rows %d, without PII %d, non-English %d" % (
        len(rows), sum(1 for r in rows if not r[2]), sum(1 for r in rows if r[0] != "en")))
    print("langs", json.dumps(dict(sorted(langs.items())), ensure_ascii=False))
    for k in sorted(counts, key=lambda k: -counts[k]):
        print("  %-15s %4d  (non-en %d)" % (k, counts[k], nonen.get(k, 0)))
    if mode in ("--check", "--review"):
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for i, (lang, text, ents, negs, ln) in enumerate(rows):
            rec = {"id": "pg18-%03d" % i, "text": text, "entities": ents,
                   "annotated_types": ANNOTATED}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
