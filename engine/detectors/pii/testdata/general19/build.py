#!/usr/bin/env python3
"""Build holdout.jsonl for general19 from holdout.txt.

Standard library only. Refuses to write if any check fails.
  python3 build.py            check and write holdout.jsonl
  python3 build.py --check    check only
  python3 build.py --review   check and list unmarked digit runs of 7+ digits
"""
import ipaddress
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "holdout.txt"
OUT = HERE / "holdout.jsonl"

TYPES = {
    "PER": "PERSON", "EMAIL": "EMAIL_ADDRESS", "PHONE": "PHONE_NUMBER",
    "ADDR": "STREET_ADDRESS", "URL": "URL", "IP": "IP_ADDRESS",
    "IBAN": "IBAN_CODE", "CC": "CREDIT_CARD", "SSN": "US_SSN",
    "DOB": "DATE_TIME",
}
ANNOTATED = sorted(set(TYPES.values()))

errors = []


def err(lineno, msg):
    errors.append(f"line {lineno}: {msg}")


# ---------------------------------------------------------------- checks

def luhn_ok(d):
    s = 0
    for i, c in enumerate(reversed(d)):
        n = int(c)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        s += n
    return s % 10 == 0


def luhn_digit(d_without):
    for x in "0123456789":
        if luhn_ok(d_without + x):
            return x
    raise ValueError


def card_brand(d):
    n = len(d)
    p2, p4 = int(d[:2]), int(d[:4])
    if d[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if (d.startswith("6011") or d.startswith("65") or 644 <= int(d[:3]) <= 649) and n == 16:
        return "discover"
    if 3528 <= p4 <= 3589 and n == 16:
        return "jcb"
    if d.startswith("62") and 16 <= n <= 19:
        return "unionpay"
    if 2200 <= p4 <= 2204 and n == 16:
        return "mir"
    if (p2 in (36, 38) or 300 <= int(d[:3]) <= 305) and n == 14:
        return "diners"
    return None


IBAN_LEN = {
    "GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "PT": 25,
    "PL": 28, "BE": 16, "CH": 21, "AT": 20, "SE": 24, "NO": 15, "FI": 18,
    "DK": 18, "IE": 22, "TR": 26, "SA": 24, "AE": 23, "UA": 29, "RO": 24,
    "CZ": 24, "GR": 27, "HU": 28, "LU": 20, "IS": 26, "LT": 20, "LV": 21,
    "EE": 20, "HR": 21, "SI": 19, "SK": 24, "BG": 22, "IL": 23, "JO": 30,
    "QA": 29, "KW": 30, "BH": 22, "EG": 29, "MA": 28, "TN": 24, "BR": 29,
    "PK": 24, "KZ": 20, "GE": 22, "AZ": 28, "MT": 31, "CY": 28,
}


def iban_num(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(compact):
    cc = compact[:2]
    if cc not in IBAN_LEN or len(compact) != IBAN_LEN[cc]:
        return False
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact):
        return False
    return iban_num(compact[4:] + compact[:4]) % 97 == 1


def iban_fill(value):
    compact = value.replace(" ", "")
    cc, bban = compact[:2], compact[4:]
    chk = 98 - iban_num(bban + cc + "00") % 97
    filled = compact[:2] + f"{chk:02d}" + bban
    if " " in value:
        return " ".join(filled[i:i + 4] for i in range(0, len(filled), 4))
    return filled


def ssn_ok(v):
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})([- ]?)(\d{4})", v)
    if not m or m.group(2) != m.group(4):
        return False
    a, g, s = m.group(1), m.group(3), m.group(5)
    if a in ("000", "666") or a[0] == "9" or g == "00" or s == "0000":
        return False
    if v.replace("-", "").replace(" ", "") in ("123456789", "078051120", "219099999"):
        return False
    if len(set(a + g + s)) == 1:
        return False
    return True


# cc: (calling code, trunk prefix, allowed NSN lengths)
PHONES = {
    "us": ("1", "1", {10}), "ca": ("1", "1", {10}), "gb": ("44", "0", {9, 10}),
    "ie": ("353", "0", {7, 8, 9}), "de": ("49", "0", set(range(6, 12))),
    "at": ("43", "0", set(range(6, 14))), "ch": ("41", "0", {9}),
    "fr": ("33", "0", {9}), "be": ("32", "0", {8, 9}), "nl": ("31", "0", {9}),
    "es": ("34", "", {9}), "pt": ("351", "", {9}), "it": ("39", "", set(range(6, 12))),
    "pl": ("48", "", {9}), "cz": ("420", "", {9}), "ro": ("40", "0", {9}),
    "hu": ("36", "06", {8, 9}), "gr": ("30", "", {10}), "ru": ("7", "8", {10}),
    "ua": ("380", "0", {9}), "tr": ("90", "0", {10}), "se": ("46", "0", set(range(7, 10))),
    "no": ("47", "", {8}), "dk": ("45", "", {8}), "fi": ("358", "0", set(range(5, 11))),
    "is": ("354", "", {7}), "cn": ("86", "", {10, 11}), "jp": ("81", "0", {9, 10}),
    "kr": ("82", "0", {9, 10}), "in": ("91", "", {10}), "pk": ("92", "0", {10}),
    "bd": ("880", "0", {10}), "lk": ("94", "0", {9}), "np": ("977", "", {8, 10}),
    "ng": ("234", "0", {10}), "gh": ("233", "0", {9}), "ke": ("254", "0", {9}),
    "tz": ("255", "0", {9}), "et": ("251", "0", {9}), "za": ("27", "0", {9}),
    "eg": ("20", "0", {9, 10}), "ma": ("212", "0", {9}), "sa": ("966", "0", {9}),
    "ae": ("971", "0", {8, 9}), "il": ("972", "0", {8, 9}), "jo": ("962", "0", {8, 9}),
    "br": ("55", "0", {10, 11}), "mx": ("52", "", {10}), "ar": ("54", "0", {10, 11}),
    "co": ("57", "", {10}), "pe": ("51", "", {9}), "cl": ("56", "", {9}),
    "vn": ("84", "0", {9, 10}), "id": ("62", "0", set(range(9, 13))),
    "ph": ("63", "0", {10}), "th": ("66", "0", {8, 9}), "my": ("60", "0", {9, 10}),
    "au": ("61", "0", {9}), "nz": ("64", "0", {8, 9, 10}), "so": ("252", "0", {8, 9}),
    "sn": ("221", "", {9}), "ug": ("256", "0", {9}), "rw": ("250", "0", {9}),
}


def us_ok(nsn):
    return nsn[3:6] == "555" and nsn[6:8] == "01"


def uk_ok(nsn):
    full = "0" + nsn
    return (full.startswith("07700900") or full.startswith("01134960")
            or full.startswith("01614960") or full.startswith("02079460")
            or full.startswith("01632960") or full.startswith("01174960")
            or full.startswith("01314960"))


def phone_ok(value, cc):
    v = value.replace("(0)", "")
    if not re.fullmatch(r"[+\d(][\d ()./\-]*\d", v):
        return False
    d = re.sub(r"\D", "", v)
    intl = v.startswith("+") or v.startswith("00")
    if intl:
        d = d[2:] if v.startswith("00") else d
        cands = [cc] if cc else list(PHONES)
        for c in cands:
            code, trunk, lens = PHONES[c]
            if d.startswith(code):
                nsn = d[len(code):]
                if c == "ar" and nsn.startswith("9"):
                    nsn = nsn[1:]
                if len(nsn) in lens:
                    if c in ("us", "ca") and not us_ok(nsn):
                        continue
                    if c == "gb" and not uk_ok(nsn):
                        continue
                    return True
        return False
    if cc is None:
        cc = "us"
    code, trunk, lens = PHONES[cc]
    nsn = d
    if cc in ("us", "ca"):
        if len(nsn) == 11 and nsn[0] == "1":
            nsn = nsn[1:]
        return len(nsn) == 10 and us_ok(nsn)
    if trunk:
        if cc in ("br", "ar") and not nsn.startswith(trunk):
            pass
        elif not nsn.startswith(trunk):
            return False
        else:
            nsn = nsn[len(trunk):]
    if cc == "gb" and not uk_ok(nsn):
        return False
    return len(nsn) in lens


EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(r"(https?://[^\s]+|www\.[^\s]+|[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.(com|org|net|io|example|de|fr|uk|es|it|nl|pl|ru|jp|kr|cn|br|mx|se|no|fi|gov|edu|ngo|church|app)/[^\s]*)")

TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "revd",
    "fr", "father", "sister", "brother", "pastor", "imam", "rabbi", "sheikh",
    "herr", "frau", "mme", "mlle", "m", "monsieur", "madame", "pani", "pan",
    "sr", "sra", "srta", "don", "doña", "dña", "dona", "sig", "sig.ra", "signora",
    "signor", "meneer", "mevrouw", "dhr", "mevr", "κ", "bi", "bw", "bapak", "ibu",
    "pak", "bu", "uncle", "auntie", "aunty", "coach", "officer", "pc", "sgt",
    "hr", "fru", "pastora", "padre", "hermano", "hermana", "ustaz", "haji", "hajji",
    "г-н", "г-жа", "господин", "госпожа", "bay", "bayan", "sayın", "pán", "paní",
    "domnul", "doamna", "dna", "dl", "shri", "smt", "श्री", "श्रीमती", "anh", "chị",
    "ông", "bà", "em", "cô", "chú", "mama", "baba", "mzee", "ndugu",
}
CJK_HON_END = ("様", "さん", "くん", "ちゃん", "先生", "님", "씨", "女士", "先生", "老师", "牧师")
PARTICLES = {"van", "von", "der", "den", "de", "da", "das", "do", "dos", "del", "della",
             "di", "la", "le", "bin", "binti", "bint", "ibn", "al", "el", "abu", "ter",
             "ten", "und", "and", "y", "e", "du", "des", "mac", "ap", "ben", "bat", "dan"}


def is_cjk(ch):
    if not ch:
        return False
    n = unicodedata.name(ch, "")
    return any(k in n for k in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI"))


def is_wordch(ch):
    return ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc")


CJK_NUM = set("〇一二三四五六七八九十百千")


def check_entity(lineno, typ, cc, value, text, start, end):
    v = value
    if v != v.strip() or not v:
        err(lineno, f"{typ} has outer space: {v!r}")
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before and is_wordch(before) and is_wordch(v[0]) and not (is_cjk(before) or is_cjk(v[0])):
        err(lineno, f"span cuts a word at start: {v!r}")
    if after and is_wordch(after) and is_wordch(v[-1]) and not (is_cjk(after) or is_cjk(v[-1])):
        err(lineno, f"span cuts a word at end: {v!r}")
    if typ == "PER":
        if any(c.isdigit() for c in v):
            err(lineno, f"PERSON with digit: {v!r}")
        if any(not (is_wordch(c) or c in " -'.,’・") for c in v):
            err(lineno, f"PERSON with odd character: {v!r}")
        if not is_wordch(v[0]) or not (is_wordch(v[-1]) or v[-1] == "."):
            err(lineno, f"PERSON with outer punctuation: {v!r}")
        first = re.split(r"[\s.]+", v.lower())[0]
        if first in TITLES and len(v.split()) > 1:
            err(lineno, f"PERSON starts with a title: {v!r}")
        if v.endswith(CJK_HON_END):
            err(lineno, f"PERSON ends with an honorific: {v!r}")
    elif typ == "ADDR":
        if not any(c.isdigit() or c in CJK_NUM for c in v):
            err(lineno, f"address without digit: {v!r}")
    elif typ == "PHONE":
        if not phone_ok(v, cc):
            err(lineno, f"phone fails ({cc}): {v!r}")
    elif typ == "EMAIL":
        if not EMAIL_RE.fullmatch(v):
            err(lineno, f"bad email: {v!r}")
    elif typ == "URL":
        if not URL_RE.fullmatch(v) and not re.fullmatch(r"[a-z0-9\-]+(\.[a-z0-9\-]+)+(/\S*)?", v):
            err(lineno, f"bad url: {v!r}")
    elif typ == "IP":
        try:
            ipaddress.ip_address(v)
        except ValueError:
            err(lineno, f"bad ip: {v!r}")
    elif typ == "CC":
        d = re.sub(r"[ \-]", "", v)
        seps = set(re.findall(r"[ \-]", v))
        if len(seps) > 1 or not d.isdigit() or not luhn_ok(d) or not card_brand(d):
            err(lineno, f"bad card: {v!r}")
    elif typ == "IBAN":
        c = v.replace(" ", "")
        if not iban_ok(c):
            err(lineno, f"bad iban: {v!r}")
        if " " in v and v != " ".join(c[i:i + 4] for i in range(0, len(c), 4)):
            err(lineno, f"iban not grouped by 4: {v!r}")
    elif typ == "SSN":
        if not ssn_ok(v):
            err(lineno, f"bad ssn: {v!r}")
    elif typ == "DOB":
        if not any(c.isdigit() or c in CJK_NUM for c in v):
            err(lineno, f"DOB without digit: {v!r}")


def check_lookalike(lineno, kind, value):
    if kind == "CC":
        d = re.sub(r"\D", "", value)
        if luhn_ok(d):
            err(lineno, f"~CC passes Luhn: {value!r}")
    elif kind == "IBAN":
        if iban_ok(value.replace(" ", "")):
            err(lineno, f"~IBAN is valid: {value!r}")
    elif kind == "SSN":
        if not re.fullmatch(r"\d{3}-\d{2}-\d{4}", value) or ssn_ok(value):
            err(lineno, f"~SSN not a broken SSN: {value!r}")
    elif kind == "PHONE":
        pass
    else:
        err(lineno, f"unknown look-alike kind {kind}")


MARK = re.compile(r"⟦([^⟦⟧]*)⟧")
ESC = {"n": "\n", "t": "\t", "\\": "\\"}


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in ESC:
            out.append(ESC[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def parse(lineno, raw):
    text, ents, looks, pos = [], [], [], 0
    cur = 0
    for m in MARK.finditer(raw):
        plain = unescape(raw[pos:m.start()])
        text.append(plain)
        cur += len(plain)
        body = m.group(1)
        typ, cc = "PER", None
        if "|" in body:
            head, value = body.split("|", 1)
            if "@" in head:
                head, cc = head.split("@", 1)
            typ = head
        else:
            value = body
        value = unescape(value)
        if typ.startswith("~"):
            check_lookalike(lineno, typ[1:], value)
            looks.append((cur, cur + len(value), value))
        else:
            if typ not in TYPES:
                err(lineno, f"unknown type {typ}")
                typ = "PER"
            if typ == "CC" and "#" in value:
                d = re.sub(r"\D|#", "", value)
                value = value.replace("#", luhn_digit(d))
            if typ == "IBAN" and "##" in value:
                value = iban_fill(value)
            if cc and cc not in PHONES:
                err(lineno, f"unknown country {cc}")
            ents.append([typ, cc, cur, cur + len(value), value])
        text.append(value)
        cur += len(value)
        pos = m.end()
    text.append(unescape(raw[pos:]))
    if "⟦" in raw[pos:] or "⟧" in raw[pos:]:
        err(lineno, "unbalanced markup")
    return "".join(text), ents, looks


def leak_scan(lineno, text, ents, looks):
    covered = [False] * len(text)
    for _, _, s, e, _ in ents:
        for i in range(s, e):
            if covered[i]:
                err(lineno, "overlapping spans")
                break
            covered[i] = True
    mask = list(covered)
    for s, e, _ in looks:
        for i in range(s, e):
            mask[i] = True
    outside = "".join(" " if mask[i] else ch for i, ch in enumerate(text))
    for m in EMAIL_RE.finditer(outside):
        err(lineno, f"unmarked email {m.group()!r}")
    for m in re.finditer(r"https?://\S+|www\.\S+", outside):
        err(lineno, f"unmarked url {m.group()!r}")
    for m in re.finditer(r"(?<![\d.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?![\d.])", outside):
        try:
            ipaddress.ip_address(m.group(1))
            err(lineno, f"unmarked ip {m.group(1)!r}")
        except ValueError:
            pass
    for m in re.finditer(r"(?<![\w:])([0-9a-fA-F]{1,4}(:[0-9a-fA-F]{0,4}){2,7})(?![\w:])", outside):
        try:
            ipaddress.IPv6Address(m.group(1))
            err(lineno, f"unmarked ipv6 {m.group(1)!r}")
        except ValueError:
            pass
    for m in re.finditer(r"\d[\d \-]{11,22}\d", outside):
        d = re.sub(r"\D", "", m.group())
        for L in range(13, 20):
            for i in range(0, len(d) - L + 1):
                sub = d[i:i + L]
                if luhn_ok(sub) and card_brand(sub) and L == len(d):
                    err(lineno, f"unmarked card {m.group()!r}")
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b", outside):
        if iban_ok(m.group().replace(" ", "")):
            err(lineno, f"unmarked iban {m.group()!r}")
    for m in re.finditer(r"(?<!\d)\d{3}[- ]\d{2}[- ]\d{4}(?!\d)", outside):
        if ssn_ok(m.group()):
            err(lineno, f"unmarked ssn {m.group()!r}")
    low = outside.lower()
    for typ, cc, s, e, v in ents:
        if typ in ("EMAIL", "URL", "IP", "ADDR") and v.lower() in low:
            err(lineno, f"entity value again unmarked {v!r}")
        if typ in ("PHONE", "CC", "IBAN", "SSN"):
            dv = re.sub(r"\D", "", v)
            if len(dv) >= 6 and dv in re.sub(r"\D", "", outside):
                # only a problem when it is a contiguous run in the text
                for m in re.finditer(r"\d[\d \-]*\d", outside):
                    if dv in re.sub(r"\D", "", m.group()):
                        err(lineno, f"{typ} digits again unmarked {v!r}")
        if typ == "PER":
            if any(is_cjk(c) for c in v):
                if v in outside:
                    err(lineno, f"PERSON {v!r} again unmarked")
                continue
            for part in re.findall(r"[^\W\d_]+", v):
                if len(part) < 3 or part.lower() in PARTICLES:
                    continue
                if re.search(r"(?<![^\W\d_])" + re.escape(part.lower()) + r"(?![^\W\d_])", low):
                    err(lineno, f"PERSON part {part!r} of {v!r} unmarked elsewhere")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    rows, seen = [], set()
    for lineno, line in enumerate(SRC.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        m = re.match(r"\[([a-z]{2})\] (.*)$", line)
        if not m:
            err(lineno, "no [lang] prefix")
            continue
        lang, raw = m.groups()
        text, ents, looks = parse(lineno, raw)
        for typ, cc, s, e, v in ents:
            check_entity(lineno, typ, cc, v, text, s, e)
        leak_scan(lineno, text, ents, looks)
        if text in seen:
            err(lineno, "duplicate row")
        seen.add(text)
        rows.append((lineno, lang, text, ents, looks))
    if mode == "--review":
        for lineno, lang, text, ents, looks in rows:
            mask = [False] * len(text)
            for _, _, s, e, _ in ents:
                for i in range(s, e):
                    mask[i] = True
            for m in re.finditer(r"\d[\d \-/.]{5,}\d", text):
                if not any(mask[m.start():m.end()]) and len(re.sub(r"\D", "", m.group())) >= 7:
                    print(f"review line {lineno}: {m.group()!r}")
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        print(f"{len(errors)} problem(s); nothing written", file=sys.stderr)
        sys.exit(1)
    stats = {}
    for _, lang, text, ents, _ in rows:
        stats.setdefault(lang, [0, 0])
        stats[lang][0] += 1
        if not ents:
            stats[lang][1] += 1
    tcount = {}
    for _, lang, _, ents, _ in rows:
        for typ, *_ in ents:
            k = TYPES[typ]
            tcount.setdefault(k, [0, 0])
            tcount[k][0] += 1
            if lang != "en":
                tcount[k][1] += 1
    print(f"{len(rows)} rows; with PII {sum(1 for r in rows if r[3])}; "
          f"non-English {sum(1 for r in rows if r[1] != 'en')}", file=sys.stderr)
    print("langs:", sorted(stats.items(), key=lambda kv: -kv[1][0]), file=sys.stderr)
    print("types:", sorted(tcount.items(), key=lambda kv: -kv[1][0]), file=sys.stderr)
    if mode in ("--check", "--review"):
        return
    with OUT.open("w", encoding="utf-8") as f:
        for i, (_, lang, text, ents, _) in enumerate(rows):
            obj = {
                "id": f"pg19-{i:03d}",
                "text": text,
                "entities": [{"type": TYPES[t], "start": s, "end": e, "value": v}
                             for t, cc, s, e, v in ents],
                "annotated_types": ANNOTATED,
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
