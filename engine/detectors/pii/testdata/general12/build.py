#!/usr/bin/env python3
"""Build holdout.jsonl for the general12 blind PII hold-out set.

Written from scratch from the checklist in the general8 README.
Standard library only.

    python3 build.py            check everything, then write holdout.jsonl
    python3 build.py --check    check only, write nothing
    python3 build.py --review   check, and list unmarked digit runs (7+ digits)
    python3 build.py --stats    check, and print counts for the README

The build refuses to write if any check fails.
"""
import ipaddress
import json
import re
import sys
import unicodedata
from collections import Counter, OrderedDict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "holdout.txt"
OUT = HERE / "holdout.jsonl"
ID_PREFIX = "pg12-"

TYPES = OrderedDict([
    ("PER", "PERSON"),
    ("EMAIL", "EMAIL_ADDRESS"),
    ("PHONE", "PHONE_NUMBER"),
    ("ADDR", "STREET_ADDRESS"),
    ("URL", "URL"),
    ("IP", "IP_ADDRESS"),
    ("IBAN", "IBAN_CODE"),
    ("CC", "CREDIT_CARD"),
    ("SSN", "US_SSN"),
])
ALL_TYPES = sorted(TYPES.values())
LOOKALIKE_KINDS = {"", "CC", "IBAN", "SSN"}

LANGS = {
    "en", "es", "pt", "fr", "it", "de", "nl", "pl", "tr", "vi", "id", "sv",
    "hu", "cs", "ro", "ru", "uk", "el", "ar", "fa", "he", "hi", "bn", "th",
    "zh", "ja", "ko",
}

errors = []


def err(lineno, msg):
    errors.append("holdout.txt:%d: %s" % (lineno, msg))


# ---------------------------------------------------------------- scripts

def is_tight_script(ch):
    """CJK, kana, Hangul and Thai: words are written together."""
    cp = ord(ch)
    return (
        0x3040 <= cp <= 0x30FF      # hiragana, katakana
        or 0x31F0 <= cp <= 0x31FF
        or 0x3400 <= cp <= 0x4DBF   # CJK ext A
        or 0x4E00 <= cp <= 0x9FFF   # CJK unified
        or 0xF900 <= cp <= 0xFAFF
        or 0xAC00 <= cp <= 0xD7AF   # Hangul syllables
        or 0x1100 <= cp <= 0x11FF
        or 0x3130 <= cp <= 0x318F
        or 0x0E00 <= cp <= 0x0E7F   # Thai
        or 0x3000 <= cp <= 0x303F   # CJK punctuation (〒 is 0x3012)
        or 0xFF00 <= cp <= 0xFFEF   # full-width forms
    )


def is_word_char(ch):
    cat = unicodedata.category(ch)
    return cat[0] in "LMN"


def has_digit(s):
    return any(unicodedata.category(c) == "Nd" for c in s)


# ---------------------------------------------------------------- cards

def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_fill(value):
    """Replace the single '#' in a card value with its Luhn check digit."""
    if value.count("#") != 1:
        return None
    for d in "0123456789":
        cand = value.replace("#", d)
        if luhn_ok(re.sub(r"\D", "", cand)):
            return cand
    return None


def card_brand(digits):
    n = len(digits)
    p2, p3, p4 = int(digits[:2]), int(digits[:3]), int(digits[:4])
    if digits[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if 2200 <= p4 <= 2204 and 16 <= n <= 19:
        return "mir"
    if (p4 == 6011 or 644 <= p3 <= 649 or p2 == 65) and 16 <= n <= 19:
        return "discover"
    if (300 <= p3 <= 305 or p2 in (36, 38, 39)) and n in (14, 16):
        return "diners"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    return None


def check_card(value):
    if not re.fullmatch(r"\d[\d -]*\d", value):
        return "card has characters other than digits, spaces and dashes"
    digits = re.sub(r"\D", "", value)
    if not 13 <= len(digits) <= 19:
        return "card length %d" % len(digits)
    if not luhn_ok(digits):
        return "card fails Luhn"
    if card_brand(digits) is None:
        return "card prefix/length matches no brand"
    return None


# ---------------------------------------------------------------- IBAN

# country: (length, simplified BBAN shape; n = digit, a = upper letter,
# c = upper letter or digit)
IBAN_SPEC = {
    "AD": (24, "8n12c"), "AE": (23, "3n16n"), "AL": (28, "8n16c"),
    "AT": (20, "16n"), "AZ": (28, "4a20c"), "BA": (20, "16n"),
    "BE": (16, "12n"), "BG": (22, "4a6n8c"), "BH": (22, "4a14c"),
    "BR": (29, "23n1a1c"), "CH": (21, "5n12c"), "CY": (28, "8n16c"),
    "CZ": (24, "20n"), "DE": (22, "18n"), "DK": (18, "14n"),
    "EE": (20, "16n"), "EG": (29, "25n"), "ES": (24, "20n"),
    "FI": (18, "14n"), "FO": (18, "14n"), "FR": (27, "10n11c2n"),
    "GB": (22, "4a14n"), "GE": (22, "2a16n"), "GI": (23, "4a15c"),
    "GL": (18, "14n"), "GR": (27, "7n16c"), "HR": (21, "17n"),
    "HU": (28, "24n"), "IE": (22, "4a14n"), "IL": (23, "19n"),
    "IR": (26, "22n"), "IS": (26, "22n"), "IT": (27, "1a10n12c"),
    "JO": (30, "4a4n18c"), "KW": (30, "4a22c"), "KZ": (20, "3n13c"),
    "LB": (28, "4n20c"), "LI": (21, "5n12c"), "LT": (20, "16n"),
    "LU": (20, "3n13c"), "LV": (21, "4a13c"), "MC": (27, "10n11c2n"),
    "ME": (22, "18n"), "MK": (19, "3n10c2n"), "MT": (31, "4a5n18c"),
    "MU": (30, "4a19n3a"), "NL": (18, "4a10n"), "NO": (15, "11n"),
    "PK": (24, "4a16c"), "PL": (28, "24n"), "PS": (29, "4a21c"),
    "PT": (25, "21n"), "QA": (29, "4a21c"), "RO": (24, "4a16c"),
    "RS": (22, "18n"), "SA": (24, "2n18c"), "SE": (24, "20n"),
    "SI": (19, "15n"), "SK": (24, "20n"), "SM": (27, "1a10n12c"),
    "TN": (24, "20n"), "TR": (26, "5n1n16c"), "UA": (29, "6n19c"),
    "VG": (24, "4a16n"), "XK": (20, "16n"),
}
SHAPE_CLASS = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}


def shape_regex(shape):
    return "".join("%s{%s}" % (SHAPE_CLASS[k], n)
                   for n, k in re.findall(r"(\d+)([nac])", shape))


def iban_mod97(compact):
    s = compact[4:] + compact[:4]
    num = "".join(str(int(c, 36)) for c in s)
    return int(num) % 97


def iban_fill(value):
    if value.count("##") != 1 or not value.startswith(value[:2] + "##"):
        return None
    compact = re.sub(r"\s", "", value).replace("##", "00")
    if not re.fullmatch(r"[A-Z]{2}00[A-Z0-9]+", compact):
        return None
    check = 98 - iban_mod97(compact)
    return value.replace("##", "%02d" % check, 1)


def iban_valid(compact):
    """Mod 97 and country length (used by the leak scan and ~IBAN)."""
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", compact):
        return False
    spec = IBAN_SPEC.get(compact[:2])
    if spec is None or len(compact) != spec[0]:
        return False
    return iban_mod97(compact) == 1


def check_iban(value):
    if " " in value:
        groups = value.split(" ")
        if any(len(g) != 4 for g in groups[:-1]) or not 1 <= len(groups[-1]) <= 4:
            return "spaced IBAN is not grouped by 4"
    elif re.search(r"\s", value):
        return "IBAN has odd whitespace"
    compact = value.replace(" ", "")
    cc = compact[:2]
    if cc not in IBAN_SPEC:
        return "unknown IBAN country %s" % cc
    length, shape = IBAN_SPEC[cc]
    if len(compact) != length:
        return "IBAN %s length %d, want %d" % (cc, len(compact), length)
    if not re.fullmatch(shape_regex(shape), compact[4:]):
        return "IBAN %s BBAN shape %s not matched" % (cc, shape)
    if iban_mod97(compact) != 1:
        return "IBAN fails mod 97"
    return None


# ---------------------------------------------------------------- SSN

SSN_BLOCKED = {"078051120", "219099999", "123456789"}


def ssn_problem(value):
    """None if value is a valid dashed/spaced SSN, else the reason."""
    m = re.fullmatch(r"(\d{3})([- ])(\d{2})\2(\d{4})", value)
    if not m:
        return "not SSN-shaped (ddd-dd-dddd or ddd dd dddd)"
    area, group, serial = m.group(1), m.group(3), m.group(4)
    digits = area + group + serial
    if area in ("000", "666") or area[0] == "9":
        return "SSN area %s not allowed" % area
    if group == "00":
        return "SSN group 00"
    if serial == "0000":
        return "SSN serial 0000"
    if digits in SSN_BLOCKED or digits.startswith("98765432"):
        return "SSN is a known advertising/placeholder number"
    if len(set(digits)) == 1:
        return "SSN is one repeated digit"
    return None


# ---------------------------------------------------------------- phones

# cc: (calling code, trunk prefix or "", trunk optional in national form,
#      national significant number regex)
PHONE_SPEC = {
    "us": ("1", "1", True, r"[2-9]\d{2}[2-9]\d{6}"),
    "ca": ("1", "1", True, r"[2-9]\d{2}[2-9]\d{6}"),
    "gb": ("44", "0", False, r"[1-9]\d{8,9}"),
    "ie": ("353", "0", False, r"[1-9]\d{6,8}"),
    "au": ("61", "0", False, r"[2-478]\d{8}"),
    "nz": ("64", "0", False, r"[2-9]\d{7,9}"),
    "za": ("27", "0", False, r"[1-8]\d{8}"),
    "ng": ("234", "0", False, r"[1-9]\d{7,9}"),
    "de": ("49", "0", False, r"[1-9]\d{5,10}"),
    "at": ("43", "0", False, r"[1-9]\d{3,12}"),
    "ch": ("41", "0", False, r"[1-9]\d{8}"),
    "fr": ("33", "0", False, r"[1-9]\d{8}"),
    "be": ("32", "0", False, r"[1-9]\d{7,8}"),
    "nl": ("31", "0", False, r"[1-9]\d{8}"),
    "es": ("34", "", False, r"[6-9]\d{8}"),
    "pt": ("351", "", False, r"[29]\d{8}"),
    "it": ("39", "", False, r"(0\d{5,10}|3\d{8,9})"),
    "pl": ("48", "", False, r"[1-9]\d{8}"),
    "cz": ("420", "", False, r"[2-9]\d{8}"),
    "hu": ("36", "06", False, r"[1-9]\d{7,8}"),
    "ro": ("40", "0", False, r"[237]\d{8}"),
    "se": ("46", "0", False, r"[1-9]\d{6,8}"),
    "no": ("47", "", False, r"[2-9]\d{7}"),
    "dk": ("45", "", False, r"[2-9]\d{7}"),
    "fi": ("358", "0", False, r"[1-9]\d{4,9}"),
    "gr": ("30", "", False, r"[26]\d{9}"),
    "tr": ("90", "0", False, r"[2-5]\d{9}"),
    "ru": ("7", "8", False, r"[3-9]\d{9}"),
    "ua": ("380", "0", False, r"[3-9]\d{8}"),
    "il": ("972", "0", False, r"[2-9]\d{7,8}"),
    "ae": ("971", "0", False, r"[2-9]\d{7,8}"),
    "sa": ("966", "0", False, r"[1-9]\d{7,8}"),
    "eg": ("20", "0", False, r"[1-9]\d{7,9}"),
    "ma": ("212", "0", False, r"[5-7]\d{8}"),
    "ir": ("98", "0", False, r"[1-9]\d{9}"),
    "in": ("91", "0", True, r"[6-9]\d{9}|[1-8]\d{9}"),
    "bd": ("880", "0", False, r"1[3-9]\d{8}|[2-9]\d{7,9}"),
    "th": ("66", "0", False, r"[2-9]\d{7,8}"),
    "vn": ("84", "0", False, r"[2-9]\d{8,9}"),
    "id": ("62", "0", False, r"[2-9]\d{8,11}"),
    "cn": ("86", "0", True, r"1[3-9]\d{9}|[2-9]\d{8,9}|10\d{8}"),
    "jp": ("81", "0", False, r"[1-9]\d{8,9}"),
    "kr": ("82", "0", False, r"[1-9]\d{7,9}"),
    "tw": ("886", "0", False, r"[2-9]\d{7,8}"),
    "sg": ("65", "", False, r"[3689]\d{7}"),
    "br": ("55", "0", True, r"[1-9]{2}9?\d{8}"),
    "mx": ("52", "", False, r"[1-9]\d{9}"),
}

# Ofcom numbers reserved for drama (national significant numbers).
GB_DRAMA = [
    r"7700900\d{3}", r"2079460\d{3}", r"11[3-8]4960\d{3}", r"1214960\d{3}",
    r"1314960\d{3}", r"1414960\d{3}", r"1514960\d{3}", r"1614960\d{3}",
    r"2920180\d{3}", r"1632960\d{3}", r"8081570\d{3}", r"9098790\d{3}",
    r"3069990\d{3}",
]


def phone_fictional(cc, nsn):
    if cc in ("us", "ca"):
        return nsn[3:6] == "555" and nsn[6:8] == "01"
    if cc == "gb":
        return any(re.fullmatch(p, nsn) for p in GB_DRAMA)
    return True


def ascii_digits(s):
    return "".join(str(unicodedata.decimal(c)) if unicodedata.category(c) == "Nd" else c for c in s)


def check_phone(value, cc):
    value = ascii_digits(value)
    if not re.fullmatch(r"[+(]?\d[\d \u00a0().\-/]*\d", value):
        return "phone has unexpected characters or ends"
    if value.count("(") != value.count(")"):
        return "unbalanced parentheses in phone"
    v = value.replace("(0)", "", 1) if re.match(r"(\+|00)\d{1,3}\s?\(0\)", value) else value
    digits = re.sub(r"\D", "", v)
    if value.startswith("+") or value.startswith("00"):
        if value.startswith("00"):
            digits = digits[2:]
        matches = []
        for c, (code, _t, _o, nsn_re) in PHONE_SPEC.items():
            if digits.startswith(code) and re.fullmatch(nsn_re, digits[len(code):]):
                matches.append(c)
        if cc:
            if cc not in matches:
                return "international phone does not fit @%s" % cc
            matches = [cc]
        if not matches:
            return "international phone fits no country in the table"
        code = PHONE_SPEC[matches[0]][0]
        if not phone_fictional(matches[0], digits[len(code):]):
            return "phone not in the %s fictional range" % matches[0]
        return None
    cc = cc or "us"
    if cc not in PHONE_SPEC:
        return "unknown phone country %s" % cc
    code, trunk, optional, nsn_re = PHONE_SPEC[cc]
    cands = []
    if trunk and digits.startswith(trunk):
        cands.append(digits[len(trunk):])
    if not trunk or optional:
        cands.append(digits)
    for nsn in cands:
        if re.fullmatch(nsn_re, nsn):
            if not phone_fictional(cc, nsn):
                return "phone not in the %s fictional range" % cc
            return None
    return "national phone does not fit %s (trunk %r, NSN %s)" % (cc, trunk, nsn_re)


# ---------------------------------------------------------------- email/url/ip

EMAIL_RE = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9._%+\-]*[A-Za-z0-9_])?@"
    r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}")


def check_email(value):
    if not EMAIL_RE.fullmatch(value) or ".." in value:
        return "bad email syntax"
    return None


def check_url(value):
    if re.search(r"\s", value):
        return "URL contains whitespace"
    if value[-1] in ".,;:!?)'\"":
        return "URL ends with punctuation"
    if re.fullmatch(r"https?://[A-Za-z0-9.\-]+(:\d+)?(/\S*)?", value):
        return None
    if re.fullmatch(r"www\.[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+(/\S*)?", value):
        return None
    if re.fullmatch(r"[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/\S+", value):
        return None
    return "URL is not http(s), www. or a domain with a path"


def check_ip(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return "not a valid IP literal"
    return None


# ---------------------------------------------------------------- persons

PER_PREFIX = {
    # en
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "dr", "dr.",
    "prof", "prof.", "sir", "dame", "rev", "rev.", "father", "fr.",
    "sister", "coach", "grandpa", "grandma", "granny", "nana", "auntie",
    "aunt", "uncle", "officer", "judge", "captain", "capt.", "lady",
    "lord", "mayor", "councillor", "cllr", "nurse", "pastor",
    # de, nl, sv
    "herr", "frau", "familie", "fam.", "meneer", "mevrouw", "dhr.", "mevr.",
    "fru",
    # fr, es, pt, it, ro
    "m.", "mme", "mme.", "mlle", "maître", "me", "sr.", "sra.", "srta.",
    "don", "doña", "dña.", "dona", "dom", "seu", "signor", "signora",
    "sig.", "sig.ra", "dott.", "dott.ssa", "maestra", "maestro", "domnul",
    "doamna", "dl.", "dna.", "d-na", "dl",
    # pl, cs, hu
    "pan", "pani", "panie", "panią", "paní", "pane", "dr.",
    # tr, id, vi
    "bay", "bayan", "bapak", "pak", "ibu", "bu", "mas", "mbak", "kak",
    "anh", "chị", "em", "ông", "bà", "cô", "chú", "thầy",
    # el, ru, uk
    "κ.", "κα", "κος", "κύριος", "κυρία", "κυρ", "господин", "госпожа",
    "г-н", "г-жа", "пан", "пані",
    # ar, fa, he
    "السيد", "السيدة", "الأستاذ", "الأستاذة", "د.", "الدكتور", "آقای",
    "خانم", "دکتر", "מר", "גב'", "ד\"ר", "גברת",
    # hi, bn, th
    "श्री", "श्रीमती", "डॉ.", "सुश्री", "শ্রী", "শ্রীমতী", "জনাব", "ড.",
    "คุณ", "นาย", "นาง", "นางสาว",
}
PER_SUFFIX = {
    "bey", "hanım", "hanim", "bey'e", "जी", "भैया", "दीदी", "néni",
    "bácsi", "úr", "asszony", "خانم", "آقا", "সাহেব", "দিদি", "भाई",
}
TIGHT_SUFFIX = ("様", "さん", "くん", "ちゃん", "님", "씨", "先生", "女士",
                "阿姨", "小姐", "老师", "殿")
KIN = {"mum", "mom", "dad", "grandma", "grandpa", "мама", "папа", "бабушка",
       "妈", "爸", "妈妈", "爸爸"}


def check_person(value):
    if has_digit(value):
        return "PERSON span contains a digit"
    toks = value.split()
    if not toks:
        return "empty PERSON"
    first, last = toks[0].lower(), toks[-1].lower()
    if first in PER_PREFIX:
        return "PERSON starts with title/honorific %r" % toks[0]
    if last in PER_SUFFIX or (len(toks) > 1 and last in PER_PREFIX and last not in {"em", "anh", "bà"}):
        return "PERSON ends with title/honorific %r" % toks[-1]
    if value.endswith(TIGHT_SUFFIX):
        return "PERSON ends with an attached honorific"
    if value.startswith("คุณ"):
        return "PERSON starts with คุณ"
    if value.lower() in KIN:
        return "kinship word as PERSON"
    if value[0] in " ,.;:" or value[-1] in " ,;:":
        return "PERSON has edge punctuation/space"
    return None


# ---------------------------------------------------------------- parsing

MARK_RE = re.compile(r"⟦(~?)([A-Z]*)(?:@([a-z]{2}))?\|")


def unescape(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(n, "\\" + n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def parse_row(lineno, body):
    """Return (text, entities, lookalikes)."""
    text = []
    pos = 0
    ents, looks = [], []
    i = 0
    while i < len(body):
        if body.startswith("⟦", i):
            m = MARK_RE.match(body, i)
            if not m:
                err(lineno, "bad markup at column %d" % i)
                return None
            neg, kind, cc = m.group(1), m.group(2), m.group(3)
            close = body.find("⟧", m.end())
            if close < 0:
                err(lineno, "unclosed markup")
                return None
            raw = body[m.end():close]
            if "⟦" in raw:
                err(lineno, "nested markup")
                return None
            value = unescape(raw)
            start = len("".join(text))
            if neg:
                if kind not in LOOKALIKE_KINDS or cc:
                    err(lineno, "bad look-alike kind %r" % kind)
                looks.append({"kind": kind, "start": start,
                              "end": start + len(value), "value": value})
            else:
                if kind not in TYPES:
                    err(lineno, "unknown type %r" % kind)
                    return None
                if cc and kind != "PHONE":
                    err(lineno, "@cc only on PHONE")
                if kind == "CC":
                    filled = luhn_fill(value)
                    if filled is None:
                        err(lineno, "CC value needs exactly one '#': %r" % value)
                        filled = value
                    value = filled
                elif kind == "IBAN":
                    filled = iban_fill(value)
                    if filled is None:
                        err(lineno, "IBAN value needs '##' check digits: %r" % value)
                        filled = value
                    value = filled
                ents.append({"kind": kind, "cc": cc, "start": start,
                             "end": start + len(value), "value": value})
            text.append(value)
            i = close + 1
            continue
        if body[i] == "⟧":
            err(lineno, "stray ⟧")
            return None
        # plain text up to the next markup
        j = body.find("⟦", i)
        if j < 0:
            j = len(body)
        chunk = body[i:j]
        if "⟧" in chunk:
            err(lineno, "stray ⟧")
            return None
        text.append(unescape(chunk))
        i = j
    return "".join(text), ents, looks


# ---------------------------------------------------------------- checks

def check_entity(lineno, e):
    k, v = e["kind"], e["value"]
    if v != v.strip():
        err(lineno, "%s span has outer whitespace: %r" % (k, v))
    problem = None
    if k == "PER":
        problem = check_person(v)
    elif k == "EMAIL":
        problem = check_email(v)
    elif k == "PHONE":
        problem = check_phone(v, e["cc"])
    elif k == "ADDR":
        if not has_digit(v):
            problem = "address without a digit"
    elif k == "URL":
        problem = check_url(v)
    elif k == "IP":
        problem = check_ip(v)
    elif k == "IBAN":
        problem = check_iban(v)
    elif k == "CC":
        problem = check_card(v)
    elif k == "SSN":
        problem = ssn_problem(v)
    if problem:
        err(lineno, "%s %r: %s" % (k, v, problem))


def check_lookalike(lineno, lk):
    k, v = lk["kind"], lk["value"]
    if k == "CC":
        d = re.sub(r"[ -]", "", v)
        if not re.fullmatch(r"\d{13,19}", d):
            err(lineno, "~CC %r is not card-shaped" % v)
        elif luhn_ok(d):
            err(lineno, "~CC %r passes Luhn" % v)
    elif k == "IBAN":
        if iban_valid(v.replace(" ", "")):
            err(lineno, "~IBAN %r is valid" % v)
    elif k == "SSN":
        p = ssn_problem(v)
        if p is None:
            err(lineno, "~SSN %r is a valid SSN" % v)
        elif p.startswith("not SSN-shaped"):
            err(lineno, "~SSN %r is not SSN-shaped" % v)


def check_boundaries(lineno, text, spans):
    spans = sorted(spans, key=lambda s: (s["start"], s["end"]))
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            err(lineno, "overlapping spans %r and %r" % (a["value"], b["value"]))
    for s in spans:
        st, en = s["start"], s["end"]
        if st == en:
            err(lineno, "empty span")
            continue
        if st > 0:
            x, y = text[st - 1], text[st]
            if is_word_char(x) and is_word_char(y) and not (is_tight_script(x) or is_tight_script(y)):
                err(lineno, "span %r cuts a word at its start" % s["value"])
        if en < len(text):
            x, y = text[en - 1], text[en]
            if is_word_char(x) and is_word_char(y) and not (is_tight_script(x) or is_tight_script(y)):
                err(lineno, "span %r cuts a word at its end" % s["value"])


IPV4_RE = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)")
IPV6_RE = re.compile(r"(?<![0-9A-Za-z:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?![0-9A-Za-z:])")
URL_RE = re.compile(r"(?i)\bhttps?://\S+|\bwww\.[a-z0-9\-]+\.\S+")
DIGITRUN_RE = re.compile(r"(?<!\d)\d(?:[ \-]?\d){12,18}(?!\d)")
SSN_RE = re.compile(r"(?<!\d)\d{3}([- ])\d{2}\1\d{4}(?!\d)")
IBAN_START_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}[A-Z0-9 ]{8,}")
MASK = "\u0000"


def masked_text(text, spans):
    chars = list(text)
    for s in spans:
        for i in range(s["start"], s["end"]):
            chars[i] = MASK
    return "".join(chars)


def leak_scan(lineno, text, ents, looks):
    m = masked_text(text, ents + looks)
    for hit in EMAIL_RE.finditer(m):
        err(lineno, "unmarked email %r" % hit.group())
    for hit in URL_RE.finditer(m):
        err(lineno, "unmarked URL %r" % hit.group())
    for hit in IPV4_RE.finditer(m):
        if check_ip(hit.group()) is None:
            err(lineno, "unmarked IPv4 %r" % hit.group())
    for hit in IPV6_RE.finditer(m):
        cand = hit.group().rstrip(".")
        if re.search(r"[0-9A-Fa-f]", cand) and check_ip(cand) is None:
            err(lineno, "unmarked IPv6 %r" % cand)
    for hit in DIGITRUN_RE.finditer(m):
        d = re.sub(r"\D", "", hit.group())
        if luhn_ok(d) and card_brand(d):
            err(lineno, "unmarked Luhn-valid card %r" % hit.group())
    for hit in SSN_RE.finditer(m):
        if ssn_problem(hit.group()) is None:
            err(lineno, "unmarked valid SSN %r" % hit.group())
    for hit in IBAN_START_RE.finditer(m):
        s = hit.group()
        compact = ""
        for ch in s:
            if ch == " ":
                continue
            compact += ch
            if len(compact) >= 15 and iban_valid(compact):
                err(lineno, "unmarked valid IBAN %r" % compact)
                break
    # an entity value must not occur again, unmarked, in the same row
    for e in ents:
        vals = [e["value"]]
        if e["kind"] == "PER":
            vals += [t for t in re.split(r"[\s\-]+", e["value"]) if len(t) >= 3 and t[0].isupper()]
        if e["kind"] == "PHONE":
            vals.append(re.sub(r"\D", "", e["value"]))
        for v in sorted(set(vals)):
            if len(v) < 3:
                continue
            start = 0
            while True:
                k = m.find(v, start)
                if k < 0:
                    break
                start = k + 1
                before = m[k - 1] if k > 0 else " "
                after = m[k + len(v)] if k + len(v) < len(m) else " "
                tight = is_tight_script(v[0]) or is_tight_script(v[-1])
                if tight or not (is_word_char(before) or is_word_char(after)):
                    err(lineno, "%s value %r also occurs unmarked in the row" % (e["kind"], v))


def review_digits(lineno, text, ents, looks):
    m = masked_text(text, ents + looks)
    out = []
    for hit in re.finditer(r"\d(?:[ \-./]?\d)+", m):
        if len(re.sub(r"\D", "", hit.group())) >= 7:
            out.append("holdout.txt:%d: unmarked digit run %r" % (lineno, hit.group()))
    return out


# ---------------------------------------------------------------- main

def main(argv):
    mode = argv[1] if len(argv) > 1 else ""
    if mode not in ("", "--check", "--review", "--stats"):
        print(__doc__)
        return 2
    rows = []
    seen = {}
    reviews = []
    for lineno, line in enumerate(SRC.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        mm = re.match(r"\[([a-z]{2})\] (.+)$", line)
        if not mm:
            err(lineno, "row is not '[lang] text'")
            continue
        lang, body = mm.group(1), mm.group(2)
        if lang not in LANGS:
            err(lineno, "unknown language %r" % lang)
        parsed = parse_row(lineno, body)
        if parsed is None:
            continue
        text, ents, looks = parsed
        if text in seen:
            err(lineno, "duplicate of row on line %d" % seen[text])
        seen[text] = lineno
        for e in ents:
            if text[e["start"]:e["end"]] != e["value"]:
                err(lineno, "offset mismatch for %r" % e["value"])
            check_entity(lineno, e)
        for lk in looks:
            check_lookalike(lineno, lk)
        check_boundaries(lineno, text, ents + looks)
        leak_scan(lineno, text, ents, looks)
        if mode == "--review":
            reviews += review_digits(lineno, text, ents, looks)
        rows.append((lang, text, ents, looks))

    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        print("%d error(s); holdout.jsonl not written" % len(errors), file=sys.stderr)
        return 1

    out_lines = []
    for n, (lang, text, ents, _looks) in enumerate(rows):
        obj = OrderedDict()
        obj["id"] = "%s%03d" % (ID_PREFIX, n)
        obj["text"] = text
        obj["entities"] = [
            OrderedDict([("type", TYPES[e["kind"]]), ("start", e["start"]),
                         ("end", e["end"]), ("value", e["value"])])
            for e in sorted(ents, key=lambda e: e["start"])
        ]
        obj["annotated_types"] = ALL_TYPES
        out_lines.append(json.dumps(obj, ensure_ascii=False))

    if mode == "--review":
        for r in reviews:
            print(r)
        print("%d unmarked digit run(s) of 7+ digits" % len(reviews))
    if mode == "--stats":
        stats(rows)
    if mode in ("--check", "--review", "--stats"):
        print("OK: %d rows checked, nothing written" % len(rows))
        return 0
    OUT.write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    print("wrote %s: %d rows, %d spans" % (OUT.name, len(rows), sum(len(r[2]) for r in rows)))
    return 0


def stats(rows):
    lang_rows, lang_empty = Counter(), Counter()
    all_t, non_en_t = Counter(), Counter()
    cc_count, looks = Counter(), Counter()
    intl = 0
    brands = Counter()
    iban_cc = Counter()
    ipv = Counter()
    for lang, _text, ents, lks in rows:
        lang_rows[lang] += 1
        if not ents:
            lang_empty[lang] += 1
        for e in ents:
            t = TYPES[e["kind"]]
            all_t[t] += 1
            if lang != "en":
                non_en_t[t] += 1
            if e["kind"] == "PHONE":
                v = e["value"]
                if v.startswith("+") or v.startswith("00"):
                    intl += 1
                cc_count[e["cc"] or "us/intl"] += 1
            if e["kind"] == "CC":
                brands[card_brand(re.sub(r"\D", "", e["value"]))] += 1
            if e["kind"] == "IBAN":
                iban_cc[e["value"][:2]] += 1
            if e["kind"] == "IP":
                ipv["v%d" % ipaddress.ip_address(e["value"]).version] += 1
        for lk in lks:
            looks[lk["kind"] or "~"] += 1
    n = len(rows)
    empty = sum(lang_empty.values())
    print("rows %d, with PII %d, without %d (%.1f%%)" % (n, n - empty, empty, 100.0 * empty / n))
    ne = n - lang_rows["en"]
    print("non-English rows %d (%.1f%%), languages %d" % (ne, 100.0 * ne / n, len(lang_rows)))
    for lang, c in sorted(lang_rows.items(), key=lambda x: (-x[1], x[0])):
        print("  %s %d (no PII %d)" % (lang, c, lang_empty[lang]))
    print("spans %d" % sum(all_t.values()))
    for t, c in all_t.most_common():
        print("  %-15s %4d  non-en %4d" % (t, c, non_en_t[t]))
    print("phones: international %d; by @cc %s" % (intl, dict(cc_count.most_common())))
    print("cards: %s" % dict(brands))
    print("ibans: %s" % dict(sorted(iban_cc.items())))
    print("ips: %s" % dict(ipv))
    print("look-alikes: %s" % dict(looks))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
