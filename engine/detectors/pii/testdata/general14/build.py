#!/usr/bin/env python3
"""Build holdout.jsonl for general14 from holdout.txt.

Python 3, standard library only. Written from scratch from the checklist in
general8/README.md. Refuses to write the output if any check fails.

    python3 build.py            # check and write holdout.jsonl
    python3 build.py --check    # check only
    python3 build.py --review   # check, and list unmarked digit runs (7+)
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
ID_PREFIX = "pg14-"

TYPES = {
    "PER": "PERSON",
    "EMAIL": "EMAIL_ADDRESS",
    "PHONE": "PHONE_NUMBER",
    "ADDR": "STREET_ADDRESS",
    "URL": "URL",
    "IP": "IP_ADDRESS",
    "IBAN": "IBAN_CODE",
    "CC": "CREDIT_CARD",
    "SSN": "US_SSN",
}
ALL_TYPES = sorted(TYPES.values())
LOOKALIKES = {"", "CC", "IBAN", "SSN"}

errors = []


def err(lineno, msg):
    errors.append("line %d: %s" % (lineno, msg))


# ---------------------------------------------------------------- parsing

def parse_line(body, lineno):
    """Return (text, spans, lookalikes). spans: (tag, cc, start, end, value)."""
    out = []
    spans = []
    looks = []
    i = 0
    n = len(body)
    pos = 0  # code points written so far

    def read_escaped(stop):
        nonlocal i
        buf = []
        while i < n:
            c = body[i]
            if c == "\\" and i + 1 < n:
                nx = body[i + 1]
                if nx == "n":
                    buf.append("\n")
                elif nx == "t":
                    buf.append("\t")
                elif nx == "\\":
                    buf.append("\\")
                else:
                    err(lineno, "unknown escape \\%s" % nx)
                    buf.append(nx)
                i += 2
                continue
            if c in stop:
                return "".join(buf)
            if c in "⟦⟧":
                err(lineno, "stray bracket %r" % c)
            buf.append(c)
            i += 1
        return "".join(buf)

    while i < n:
        c = body[i]
        if c == "⟦":
            j = body.find("|", i)
            if j < 0:
                err(lineno, "markup without |")
                return None
            tag = body[i + 1:j]
            i = j + 1
            value = read_escaped("⟧")
            if i >= n or body[i] != "⟧":
                err(lineno, "unclosed markup")
                return None
            i += 1
            if tag.startswith("~"):
                kind = tag[1:]
                if kind not in LOOKALIKES:
                    err(lineno, "unknown look-alike kind %r" % tag)
                looks.append((kind, pos, pos + len(value), value))
            else:
                cc = None
                if "@" in tag:
                    tag, cc = tag.split("@", 1)
                    if tag != "PHONE":
                        err(lineno, "@cc on non-phone %s" % tag)
                if tag not in TYPES:
                    err(lineno, "unknown type %r" % tag)
                    return None
                if tag == "CC":
                    value = fill_luhn(value, lineno)
                elif tag == "IBAN":
                    value = fill_iban(value, lineno)
                spans.append((tag, cc, pos, pos + len(value), value))
            out.append(value)
            pos += len(value)
        elif c == "⟧":
            err(lineno, "stray closing bracket")
            i += 1
        else:
            s = read_escaped("⟦⟧")
            out.append(s)
            pos += len(s)
    return "".join(out), spans, looks


# ---------------------------------------------------------------- cards

def luhn_ok(digits):
    total = 0
    for k, ch in enumerate(reversed(digits)):
        d = int(ch)
        if k % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def fill_luhn(value, lineno):
    if value.count("#") != 1:
        err(lineno, "CC %r needs exactly one #" % value)
        return value
    if not value.rstrip().endswith("#"):
        err(lineno, "CC %r: # must be the last digit" % value)
    for d in "0123456789":
        cand = value.replace("#", d)
        if luhn_ok(re.sub(r"\D", "", cand)):
            return cand
    return value


def card_brand(digits):
    n = len(digits)
    p2, p3, p4 = int(digits[:2]), int(digits[:3]), int(digits[:4])
    if digits[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if 2200 <= p4 <= 2204 and n in (16, 17, 18, 19):
        return "mir"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if (p4 == 6011 or p2 == 65 or 644 <= p3 <= 649) and n in (16, 19):
        return "discover"
    if (p2 in (36, 38, 39) or 300 <= p3 <= 305) and n == 14:
        return "diners"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    return None


def card_shape_ok(value):
    return re.fullmatch(r"\d+(?:[ -]\d+)*", value) is not None


# ---------------------------------------------------------------- IBAN

# country: (length, simplified BBAN shape in SWIFT notation)
IBAN = {
    "AT": (20, "16n"), "BE": (16, "12n"), "BR": (29, "23n1a1c"),
    "CH": (21, "5n12c"), "CZ": (24, "20n"), "DE": (22, "18n"),
    "DK": (18, "14n"), "EG": (29, "25n"), "ES": (24, "20n"),
    "FI": (18, "14n"), "FR": (27, "10n11c2n"), "GB": (22, "4a14n"),
    "GR": (27, "7n16c"), "HU": (28, "24n"), "IE": (22, "4a14n"),
    "IL": (23, "19n"), "IT": (27, "1a10n12c"), "LU": (20, "3n13c"),
    "NL": (18, "4a10n"), "NO": (15, "11n"), "PL": (28, "24n"),
    "PT": (25, "21n"), "RO": (24, "4a16c"), "SA": (24, "2n18c"),
    "SE": (24, "20n"), "TR": (26, "5n1n16c"), "UA": (29, "6n19c"),
    "AE": (23, "19n"),
}


def bban_regex(shape):
    parts = []
    for cnt, kind in re.findall(r"(\d+)([nac])", shape):
        cls = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}[kind]
        parts.append("%s{%s}" % (cls, cnt))
    return "".join(parts)


def iban_mod(s):
    s = s[4:] + s[:4]
    num = "".join(str(int(ch, 36)) for ch in s)
    return int(num) % 97


def fill_iban(value, lineno):
    compact = value.replace(" ", "")
    if compact[2:4] != "##":
        err(lineno, "IBAN %r needs ## check digits" % value)
        return value
    probe = compact[:2] + "00" + compact[4:]
    try:
        chk = 98 - iban_mod(probe)
    except ValueError:
        err(lineno, "IBAN %r has bad characters" % value)
        return value
    return value.replace("##", "%02d" % chk, 1)


def iban_valid(compact):
    cc = compact[:2]
    if cc not in IBAN:
        return False
    ln, shape = IBAN[cc]
    if len(compact) != ln:
        return False
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}" + bban_regex(shape), compact):
        return False
    return iban_mod(compact) == 1


def iban_checks(value):
    problems = []
    compact = value.replace(" ", "")
    cc = compact[:2]
    if cc not in IBAN:
        return ["IBAN country %s not in table" % cc]
    ln, shape = IBAN[cc]
    if len(compact) != ln:
        problems.append("IBAN %s length %d != %d" % (value, len(compact), ln))
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}" + bban_regex(shape), compact):
        problems.append("IBAN %s BBAN shape" % value)
    if iban_mod(compact) != 1:
        problems.append("IBAN %s mod 97" % value)
    if " " in value:
        groups = value.split(" ")
        if any(len(g) != 4 for g in groups[:-1]) or not 1 <= len(groups[-1]) <= 4:
            problems.append("IBAN %s not grouped by 4" % value)
    return problems


# ---------------------------------------------------------------- SSN

SSN_KNOWN_BAD = {"078051120", "219099999", "123456789"}


def ssn_problems(value):
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})([- ]?)(\d{4})", value)
    if not m:
        return ["not SSN-shaped"]
    a, s1, g, s2, s = m.groups()
    probs = []
    if s1 != s2:
        probs.append("inconsistent separators")
    if a in ("000", "666") or a[0] == "9":
        probs.append("bad area")
    if g == "00":
        probs.append("group 00")
    if s == "0000":
        probs.append("serial 0000")
    d = a + g + s
    if d in SSN_KNOWN_BAD or d.startswith("98765432"):
        probs.append("known placeholder")
    if len(set(d)) == 1:
        probs.append("repeated digits")
    return probs


# ---------------------------------------------------------------- phones

# cc: (calling code, trunk prefixes allowed in national form, NSN lengths)
PHONES = {
    "US": ("1", ("", "1"), (10,)), "CA": ("1", ("", "1"), (10,)),
    "GB": ("44", ("0",), (9, 10)), "IE": ("353", ("0",), (7, 8, 9)),
    "AU": ("61", ("0",), (9,)), "NZ": ("64", ("0",), (8, 9)),
    "DE": ("49", ("0",), (7, 8, 9, 10, 11)), "AT": ("43", ("0",), tuple(range(7, 14))),
    "CH": ("41", ("0",), (9,)), "FR": ("33", ("0",), (9,)),
    "BE": ("32", ("0",), (8, 9)), "NL": ("31", ("0",), (9,)),
    "LU": ("352", ("",), (6, 7, 8, 9)),
    "ES": ("34", ("",), (9,)), "PT": ("351", ("",), (9,)),
    "IT": ("39", ("",), (6, 7, 8, 9, 10, 11)), "PL": ("48", ("",), (9,)),
    "CZ": ("420", ("",), (9,)), "SK": ("421", ("0",), (9,)),
    "SE": ("46", ("0",), (7, 8, 9)), "NO": ("47", ("",), (8,)),
    "DK": ("45", ("",), (8,)), "FI": ("358", ("0",), (6, 7, 8, 9, 10)),
    "RO": ("40", ("0",), (9,)), "HU": ("36", ("06",), (8, 9)),
    "GR": ("30", ("",), (10,)), "TR": ("90", ("0",), (10,)),
    "RU": ("7", ("8",), (10,)), "UA": ("380", ("0",), (9,)),
    "IL": ("972", ("0",), (8, 9)), "AE": ("971", ("0",), (8, 9)),
    "SA": ("966", ("0",), (8, 9)), "EG": ("20", ("0",), (8, 9, 10)),
    "MA": ("212", ("0",), (9,)), "JO": ("962", ("0",), (8, 9)),
    "IN": ("91", ("0", ""), (10,)), "JP": ("81", ("0",), (9, 10)),
    "KR": ("82", ("0",), (8, 9, 10)), "CN": ("86", ("0", ""), (10, 11)),
    "TW": ("886", ("0",), (8, 9)), "HK": ("852", ("",), (8,)),
    "TH": ("66", ("0",), (8, 9)), "VN": ("84", ("0",), (9, 10)),
    "ID": ("62", ("0",), (9, 10, 11, 12)), "MY": ("60", ("0",), (8, 9, 10)),
    "SG": ("65", ("",), (8,)), "PH": ("63", ("0",), (9, 10)),
    "BR": ("55", ("0", ""), (10, 11)), "MX": ("52", ("",), (10,)),
    "AR": ("54", ("0",), (10, 11)), "CO": ("57", ("",), (10,)),
    "CL": ("56", ("",), (9,)), "ZA": ("27", ("0",), (9,)),
}

# UK drama ranges (Ofcom), as national digit prefixes + total length
UK_DRAMA = [
    ("07700900", 11), ("02079460", 11), ("01134960", 11), ("01144960", 11),
    ("01154960", 11), ("01164960", 11), ("01174960", 11), ("01184960", 11),
    ("01214960", 11), ("01314960", 11), ("01414960", 11), ("01514960", 11),
    ("01614960", 11), ("01914980", 11), ("02896496", 11), ("02920180", 11), ("01632960", 11),
    ("08081570", 11), ("09098790", 11), ("03069990", 11),
]


def uk_fictional(national):
    return any(national.startswith(p) and len(national) == ln for p, ln in UK_DRAMA)


def us_fictional(nsn):
    return len(nsn) == 10 and nsn[3:6] == "555" and nsn[6:8] == "01"


def phone_problems(value, cc):
    if not re.fullmatch(r"[+0-9 ()./-]+", value):
        return ["odd characters"]
    if not re.search(r"\d$", value):
        return ["must end with a digit"]
    v = value.replace("(0)", "")
    digits = re.sub(r"\D", "", v)
    intl = None
    if v.strip().startswith("+"):
        intl = digits
    elif digits.startswith("00"):
        intl = digits[2:]
    if intl is not None:
        matches = []
        for country, (code, trunks, lens) in PHONES.items():
            if intl.startswith(code) and len(intl) - len(code) in lens:
                nsn = intl[len(code):]
                matches.append((country, nsn))
        if cc:
            matches = [m for m in matches if m[0] == cc]
        if not matches:
            return ["international number matches no country%s" % (" " + cc if cc else "")]
        for country, nsn in matches:
            if country == "GB" and not uk_fictional("0" + nsn):
                return ["UK number outside drama ranges"]
            if country in ("US", "CA") and not us_fictional(nsn):
                return ["NANP number outside 555-01xx"]
        return []
    # national
    if cc is None:
        # must be NANP
        nsn = digits[1:] if len(digits) == 11 and digits[0] == "1" else digits
        if len(nsn) != 10:
            return ["phone without @cc must be international or NANP"]
        if not us_fictional(nsn):
            return ["NANP number outside 555-01xx"]
        return []
    if cc not in PHONES:
        return ["country %s not in phone table" % cc]
    code, trunks, lens = PHONES[cc]
    ok = False
    for t in trunks:
        if digits.startswith(t) and len(digits) - len(t) in lens:
            ok = True
            break
    if not ok:
        return ["national %s number has wrong trunk/length" % cc]
    if cc == "GB" and not uk_fictional(digits):
        return ["UK number outside drama ranges"]
    if cc in ("US", "CA"):
        nsn = digits[1:] if len(digits) == 11 else digits
        if not us_fictional(nsn):
            return ["NANP number outside 555-01xx"]
    return []


# ---------------------------------------------------------------- persons

LEAD_CI = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "coach",
    "grandpa", "grandma", "granny", "nana", "auntie", "aunt", "aunty", "uncle",
    "father", "fr", "rev", "herr", "frau", "familie", "fam", "mme", "mlle",
    "monsieur", "madame", "doña", "dona", "sr", "sra", "srta", "señor",
    "señora", "senhor", "senhora", "signor", "signora", "sig", "sig.ra",
    "maestra", "maestro", "dott", "dott.ssa", "pan", "pani", "panie", "paní",
    "κ", "κα", "κος", "κύριος", "κυρία", "السيد", "السيدة", "الأستاذ",
    "الأستاذة", "د", "مر", "מר", "גב'", "גברת", "ד\"ר", "श्री", "श्रीमती",
    "डॉ", "bapak", "pak", "ibu", "bu", "mas", "mbak", "dhr", "mevr", "mw",
    "fru", "doamna", "doamnei", "domnul", "dl", "dna", "господин", "госпожа",
    "г-н", "г-жа", "tante", "onkel", "oma", "opa", "tía", "tío", "tia", "tio",
    "nonna", "nonno", "zia", "zio", "ciocia", "wujek", "babcia", "teyze",
    "amca", "hoca", "bayan", "bay", "κυρ", "θεία", "θείος", "пан", "пані",
    "тётя", "дядя", "ông", "bà", "ingeniero", "ing", "mudr", "judr", "mgr",
    "sayın", "kapten", "bruder", "schwester", "hr", "pane", "paní", "dna", "dr.",
}
LEAD_CS = {"Don", "don", "anh", "chị", "em", "cô", "chú", "bác", "M."}
TRAIL_CI = {
    "bey", "hanım", "hanim", "efendi", "jee", "ji", "जी", "भैया", "दीदी",
    "san", "sama", "úr", "néni", "bácsi", "asszony", "hanımefendi", "abla",
    "ağabey", "abi", "sensei", "nim", "ssi",
}
TRAIL_ATTACHED = ("様", "さん", "ちゃん", "先生", "님", "씨", "女士", "阿姨", "小姐",
                  "师傅", "老师", "くん", "氏", "殿", "선생님", "사장님")
LEAD_ATTACHED = ("คุณ", "นาย", "นาง", "นางสาว")


def person_problems(value):
    probs = []
    if any(unicodedata.category(c) == "Nd" for c in value):
        probs.append("digit in PERSON")
    words = value.split()
    if not words:
        return ["empty PERSON"]
    first = words[0]
    last = words[-1]
    f = first.lower().rstrip(".:,")
    l = last.lower().rstrip(".:,")
    if f in LEAD_CI or first in LEAD_CS or first.rstrip(".") in LEAD_CS:
        probs.append("title %r at start" % first)
    if len(words) > 1 and (l in TRAIL_CI):
        probs.append("honorific %r at end" % last)
    for t in TRAIL_ATTACHED:
        if value.endswith(t):
            probs.append("attached honorific %r" % t)
    for t in LEAD_ATTACHED:
        if value.startswith(t):
            probs.append("attached title %r" % t)
    if value != value.strip():
        probs.append("PERSON has outer whitespace")
    return probs


# ---------------------------------------------------------------- syntax

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(r"(?:https?://[^\s/$.?#][^\s]*|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/\S*)?|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/\S*)")


def ip_ok(v):
    try:
        ipaddress.ip_address(v)
        return True
    except ValueError:
        return False


def script_of(ch):
    o = ord(ch)
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:
        return "kana"
    if 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x3000 <= o <= 0x303F:
        return "cjk"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x0E00 <= o <= 0x0E7F:
        return "thai"
    if 0xFF00 <= o <= 0xFFEF:
        return "cjk"
    return None


def is_word(ch):
    return unicodedata.category(ch)[0] in "LNM"


# ---------------------------------------------------------------- leak scan

def masked(text, ranges):
    chars = list(text)
    for s, e in ranges:
        for k in range(s, e):
            if chars[k] not in "\n":
                chars[k] = "\u2400"
    return "".join(chars)


def leak_scan(m):
    found = []
    for x in EMAIL_RE.finditer(m):
        found.append("email %r" % x.group())
    for x in re.finditer(r"(?i)(?:https?://|\bwww\.)\S*", m):
        found.append("url %r" % x.group())
    for x in re.finditer(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)", m):
        if ip_ok(x.group()):
            found.append("ipv4 %r" % x.group())
    for x in re.finditer(r"[0-9A-Fa-f]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*", m):
        t = x.group().strip(":") if x.group() not in ("::", "::1") else x.group()
        for cand in {x.group(), t}:
            if cand.count(":") >= 2 and ip_ok(cand):
                found.append("ipv6 %r" % cand)
                break
    for x in re.finditer(r"\d+(?:[ -]\d+)*", m):
        groups = re.split(r"[ -]", x.group())
        for a in range(len(groups)):
            for b in range(a + 1, len(groups) + 1):
                d = "".join(groups[a:b])
                if 13 <= len(d) <= 19 and luhn_ok(d) and card_brand(d):
                    found.append("card %r" % d)
    for x in re.finditer(r"[A-Z]{2}\d{2}", m):
        rest = m[x.start():x.start() + 50]
        compact = ""
        for ch in rest:
            if ch == " ":
                continue
            if not (ch.isascii() and ch.isalnum()):
                break
            compact += ch.upper()
            if 15 <= len(compact) <= 34 and iban_valid(compact):
                found.append("iban %r" % compact)
                break
    for x in re.finditer(r"(?<!\d)\(?\d{3}\)?[ .-]?555[ .-]?01\d\d(?!\d)", m):
        found.append("fictional US phone %r" % x.group())
    for x in re.finditer(r"(?<![\d+])0\d(?:[ ]?\d){8,9}(?!\d)", m):
        if uk_fictional(re.sub(r"\D", "", x.group())):
            found.append("fictional UK phone %r" % x.group())
    for x in re.finditer(r"(?<!\d)(\d{3})([- ])(\d{2})\2(\d{4})(?!\d)", m):
        if not ssn_problems(x.group()):
            found.append("ssn %r" % x.group())
    return found


def has_cjk(s):
    return any(script_of(c) for c in s)


def value_leaks(m, spans):
    found = []
    for tag, cc, s, e, v in spans:
        if v in m:
            found.append("%s value %r occurs unmarked" % (tag, v))
        if tag != "PER":
            continue
        if has_cjk(v):
            parts = v.split()
            if len(parts) == 1 and len(v) == 3 and script_of(v[0]) in ("cjk", "hangul"):
                parts = [v[1:]]
            for p in parts:
                if len(p) >= 2 and p != v and p in m:
                    found.append("PER part %r occurs unmarked" % p)
            continue
        for p in re.split(r"[\s\-'’.]+", v):
            if len(p) < 3:
                continue
            if re.search(r"(?<![\w])" + re.escape(p) + r"(?![\w])", m, re.IGNORECASE):
                found.append("PER part %r occurs unmarked" % p)
    return found


# ---------------------------------------------------------------- main

def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    rows = []
    seen = {}
    with open(SRC, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        mm = re.match(r"\[([a-z]{2})\] (.+)$", line)
        if not mm:
            err(lineno, "bad row format")
            continue
        lang, body = mm.groups()
        parsed = parse_line(body, lineno)
        if parsed is None:
            continue
        text, spans, looks = parsed
        if text in seen:
            err(lineno, "duplicate of line %d" % seen[text])
        seen[text] = lineno
        if text != text.strip():
            err(lineno, "leading/trailing whitespace")
        for tag, cc, s, e, v in spans:
            if v != v.strip() or not v:
                err(lineno, "%s span %r has outer whitespace" % (tag, v))
            # word boundaries
            if s > 0:
                b = text[s - 1]
                if is_word(b) and is_word(text[s]) and not (script_of(b) or script_of(text[s])):
                    err(lineno, "%s span %r starts inside a word" % (tag, v))
            if e < len(text):
                a = text[e]
                if is_word(a) and is_word(text[e - 1]) and not (script_of(a) or script_of(text[e - 1])):
                    err(lineno, "%s span %r ends inside a word" % (tag, v))
            if tag == "CC":
                d = re.sub(r"\D", "", v)
                if not card_shape_ok(v):
                    err(lineno, "CC %r shape" % v)
                if not luhn_ok(d):
                    err(lineno, "CC %r fails Luhn" % v)
                if not card_brand(d):
                    err(lineno, "CC %r has no brand" % v)
            elif tag == "IBAN":
                for p in iban_checks(v):
                    err(lineno, p)
            elif tag == "SSN":
                for p in ssn_problems(v):
                    err(lineno, "SSN %r: %s" % (v, p))
            elif tag == "PHONE":
                for p in phone_problems(v, cc):
                    err(lineno, "PHONE %r: %s" % (v, p))
            elif tag == "EMAIL":
                if not EMAIL_RE.fullmatch(v):
                    err(lineno, "EMAIL %r syntax" % v)
            elif tag == "URL":
                if not URL_RE.fullmatch(v):
                    err(lineno, "URL %r syntax" % v)
                if v[-1] in ".,;:!?)":
                    err(lineno, "URL %r ends in punctuation" % v)
            elif tag == "IP":
                if not ip_ok(v):
                    err(lineno, "IP %r invalid" % v)
            elif tag == "ADDR":
                if not any(unicodedata.category(c) == "Nd" for c in v):
                    err(lineno, "ADDR %r has no digit" % v)
            elif tag == "PER":
                for p in person_problems(v):
                    err(lineno, "PER %r: %s" % (v, p))
        for kind, s, e, v in looks:
            if kind == "CC":
                d = re.sub(r"\D", "", v)
                if not (13 <= len(d) <= 19) or luhn_ok(d):
                    err(lineno, "~CC %r must be card-length and fail Luhn" % v)
            elif kind == "IBAN":
                c = v.replace(" ", "")
                if iban_valid(c):
                    err(lineno, "~IBAN %r is valid" % v)
                if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", c):
                    err(lineno, "~IBAN %r not IBAN-shaped" % v)
            elif kind == "SSN":
                p = ssn_problems(v)
                if not p or p == ["not SSN-shaped"]:
                    err(lineno, "~SSN %r must be SSN-shaped and break rules" % v)
            elif kind == "":
                if not ip_ok(v):
                    err(lineno, "~ %r is not a valid IPv4 look-alike" % v)
        ranges = [(s, e) for _, _, s, e, _ in spans] + [(s, e) for _, s, e, _ in looks]
        m = masked(text, ranges)
        for p in leak_scan(m):
            err(lineno, "leak: " + p)
        for p in value_leaks(m, spans):
            err(lineno, "leak: " + p)
        rows.append((lineno, lang, text, spans, m))

    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        print("%d error(s); nothing written" % len(errors), file=sys.stderr)
        sys.exit(1)

    if mode == "--review":
        for lineno, lang, text, spans, m in rows:
            for x in re.finditer(r"\d(?:[ ./-]?\d){6,}", m):
                print("line %d [%s]: %s" % (lineno, lang, x.group()))

    out_lines = []
    for k, (lineno, lang, text, spans, m) in enumerate(rows):
        ents = [
            {"type": TYPES[tag], "start": s, "end": e, "value": v}
            for tag, cc, s, e, v in sorted(spans, key=lambda t: t[2])
        ]
        for ent in ents:
            assert text[ent["start"]:ent["end"]] == ent["value"]
        out_lines.append(json.dumps({
            "id": "%s%03d" % (ID_PREFIX, k),
            "text": text,
            "entities": ents,
            "annotated_types": ALL_TYPES,
        }, ensure_ascii=False))

    if mode == "--stats" or mode == "--review":
        stats(rows)
    if mode in ("--check", "--review", "--stats"):
        print("OK: %d rows checked" % len(rows))
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(out_lines) + "\n")
    print("wrote %d rows to %s" % (len(rows), OUT))


def stats(rows):
    from collections import Counter
    langs = Counter()
    nopii = Counter()
    types = Counter()
    types_ne = Counter()
    phone_cc = Counter()
    for lineno, lang, text, spans, m in rows:
        langs[lang] += 1
        if not spans:
            nopii[lang] += 1
        for tag, cc, s, e, v in spans:
            types[TYPES[tag]] += 1
            if lang != "en":
                types_ne[TYPES[tag]] += 1
            if tag == "PHONE":
                phone_cc[cc or ("intl/NANP")] += 1
    print("rows", len(rows), "no-PII", sum(nopii.values()),
          "non-en", sum(v for k, v in langs.items() if k != "en"))
    for k, v in langs.most_common():
        print("  %s %d (no PII %d)" % (k, v, nopii[k]))
    print("spans", sum(types.values()))
    for k, v in types.most_common():
        print("  %s %d (non-en %d)" % (k, v, types_ne[k]))
    print("phones", dict(phone_cc))


if __name__ == "__main__":
    main()
