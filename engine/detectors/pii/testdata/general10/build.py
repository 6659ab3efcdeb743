#!/usr/bin/env python3
"""Build holdout.jsonl for the general10 PII hold-out set from holdout.txt.

Standard library only. Written from scratch from the validation checklist in
general8/README.md.

    python3 build.py           check everything, then write holdout.jsonl
    python3 build.py --check   check everything, write nothing
    python3 build.py --review  check, write nothing, and list unmarked digit
                               runs of 7+ digits for a human look
    python3 build.py --stats   check, write nothing, print counts for README

Source format (holdout.txt): one row per line, `[lang] text`. Lines that are
empty or start with `#` are ignored. Markup:

    ⟦TYPE|value⟧       an entity; TYPE in PER EMAIL PHONE ADDR URL IP IBAN CC SSN
    ⟦PHONE@cc|value⟧   a phone written in the national format of country cc
    ⟦~KIND|value⟧      a checked look-alike (not an entity): ~CC ~IBAN ~SSN,
                       or plain ~ for a dotted version that is a valid IPv4
    #  in CC values    the Luhn check digit, computed here
    ## in IBAN values  the two IBAN check digits, computed here
    \\n \\t \\\\         escapes
"""

import ipaddress
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "holdout.txt")
OUT = os.path.join(HERE, "holdout.jsonl")
ID_PREFIX = "pg10-"

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
ANNOTATED = sorted(TYPES.values())
LOOKALIKES = {"", "CC", "IBAN", "SSN"}

LANGS = {
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "fi",
    "lt", "el", "tr", "ar", "he", "hi", "zh", "ja", "ko", "th", "vi", "sv",
}

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


def card_brand(d):
    n = len(d)
    if not d.isdigit() or n < 13 or n > 19:
        return None
    p2, p3, p4 = int(d[:2]), int(d[:3]), int(d[:4])
    if d[0] == "4" and n in (13, 16, 19):
        return "Visa"
    if 51 <= p2 <= 55 and n == 16:
        return "Mastercard"
    if 2221 <= p4 <= 2720 and n == 16:
        return "Mastercard"
    if p2 in (34, 37) and n == 15:
        return "Amex"
    if (p4 == 6011 or 644 <= p3 <= 649 or p2 == 65) and 16 <= n <= 19:
        return "Discover"
    if (300 <= p3 <= 305 or p2 in (36, 38, 39)) and n == 14:
        return "Diners"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "JCB"
    if p2 == 62 and 16 <= n <= 19:
        return "UnionPay"
    if 2200 <= p4 <= 2204 and 16 <= n <= 19:
        return "Mir"
    return None


CARD_SHAPE = re.compile(r"\d+(?:([ -])\d+(?:\1\d+)*)?")


def check_card(v):
    if not CARD_SHAPE.fullmatch(v):
        return "card has characters other than digits and one kind of separator"
    d = re.sub(r"[ -]", "", v)
    brand = card_brand(d)
    if brand is None:
        return "no card brand matches prefix %s and length %d" % (d[:4], len(d))
    if not luhn_ok(d):
        return "card fails Luhn"
    return None


def fill_luhn(v):
    if v.count("#") != 1:
        return v, "CC value needs exactly one # (got %d)" % v.count("#")
    for c in "0123456789":
        cand = v.replace("#", c)
        if luhn_ok(re.sub(r"\D", "", cand)):
            return cand, None
    return v, "no Luhn digit found"


# ---------------------------------------------------------------- IBANs

# country: (length, simplified BBAN shape)
IBAN_FORMATS = {
    "AD": (24, r"\d{8}[A-Z0-9]{12}"),
    "AE": (23, r"\d{19}"),
    "AT": (20, r"\d{16}"),
    "BE": (16, r"\d{12}"),
    "BG": (22, r"[A-Z]{4}\d{6}[A-Z0-9]{8}"),
    "BR": (29, r"\d{23}[A-Z][A-Z0-9]"),
    "CH": (21, r"\d{5}[A-Z0-9]{12}"),
    "CY": (28, r"\d{8}[A-Z0-9]{16}"),
    "CZ": (24, r"\d{20}"),
    "DE": (22, r"\d{18}"),
    "DK": (18, r"\d{14}"),
    "EE": (20, r"\d{16}"),
    "EG": (29, r"\d{25}"),
    "ES": (24, r"\d{20}"),
    "FI": (18, r"\d{14}"),
    "FR": (27, r"\d{10}[A-Z0-9]{11}\d{2}"),
    "GB": (22, r"[A-Z]{4}\d{14}"),
    "GR": (27, r"\d{7}[A-Z0-9]{16}"),
    "HR": (21, r"\d{17}"),
    "HU": (28, r"\d{24}"),
    "IE": (22, r"[A-Z]{4}\d{14}"),
    "IL": (23, r"\d{19}"),
    "IS": (26, r"\d{22}"),
    "IT": (27, r"[A-Z]\d{10}[A-Z0-9]{12}"),
    "LT": (20, r"\d{16}"),
    "LU": (20, r"\d{3}[A-Z0-9]{13}"),
    "LV": (21, r"[A-Z]{4}[A-Z0-9]{13}"),
    "MC": (27, r"\d{10}[A-Z0-9]{11}\d{2}"),
    "MT": (31, r"[A-Z]{4}\d{5}[A-Z0-9]{18}"),
    "NL": (18, r"[A-Z]{4}\d{10}"),
    "NO": (15, r"\d{11}"),
    "PL": (28, r"\d{24}"),
    "PT": (25, r"\d{21}"),
    "RO": (24, r"[A-Z]{4}[A-Z0-9]{16}"),
    "SA": (24, r"\d{2}[A-Z0-9]{18}"),
    "SE": (24, r"\d{20}"),
    "SI": (19, r"\d{15}"),
    "SK": (24, r"\d{20}"),
    "TR": (26, r"\d{5}0[A-Z0-9]{16}"),
    "UA": (29, r"\d{6}[A-Z0-9]{19}"),
}


def iban_mod97(compact):
    s = compact[4:] + compact[:4]
    num = "".join(str(int(c, 36)) for c in s)
    return int(num) % 97


def iban_problem(compact):
    """None if compact (no spaces) is a valid IBAN, else the reason."""
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact):
        return "not IBAN-shaped"
    cc = compact[:2]
    if cc not in IBAN_FORMATS:
        return "country %s not in the IBAN table" % cc
    length, bban = IBAN_FORMATS[cc]
    if len(compact) != length:
        return "%s IBAN must have %d characters, has %d" % (cc, length, len(compact))
    if not re.fullmatch(bban, compact[4:]):
        return "%s BBAN shape wrong" % cc
    if iban_mod97(compact) != 1:
        return "mod 97 fails"
    return None


def check_iban(v):
    if "  " in v or v != v.strip():
        return "bad spacing"
    if " " in v:
        groups = v.split(" ")
        if any(len(g) != 4 for g in groups[:-1]) or not 1 <= len(groups[-1]) <= 4:
            return "spaced IBAN not grouped by 4"
    return iban_problem(v.replace(" ", ""))


def fill_iban(v):
    if v.count("##") != 1 or v.find("##") != 2:
        return v, "IBAN value needs ## right after the country code"
    compact = v.replace(" ", "").replace("##", "00")
    if not re.fullmatch(r"[A-Z]{2}00[A-Z0-9]+", compact):
        return v, "IBAN body has bad characters"
    check = 98 - iban_mod97(compact)
    return v.replace("##", "%02d" % check), None


# ---------------------------------------------------------------- SSNs

SSN_SHAPE = re.compile(r"(\d{3})([- ]?)(\d{2})\2(\d{4})")
SSN_PLACEHOLDERS = {"078051120", "219099999", "123456789"} | {
    "98765432%d" % i for i in range(10)
}


def ssn_problem(v):
    m = SSN_SHAPE.fullmatch(v)
    if not m:
        return "not SSN-shaped (AAA-GG-SSSS with consistent separators)"
    area, group, serial = m.group(1), m.group(3), m.group(4)
    d = area + group + serial
    if area == "000" or area == "666" or area[0] == "9":
        return "area %s is never issued" % area
    if group == "00":
        return "group 00"
    if serial == "0000":
        return "serial 0000"
    if d in SSN_PLACEHOLDERS:
        return "known advertising/placeholder SSN"
    if len(set(d)) == 1:
        return "repeated digit"
    return None


# ---------------------------------------------------------------- phones

# country: (calling code, trunk prefix or None, trunk optional, NSN regex)
PHONES = {
    "US": ("1", "1", True, r"[2-9]\d{2}[2-9]\d{6}"),
    "CA": ("1", "1", True, r"[2-9]\d{2}[2-9]\d{6}"),
    "MX": ("52", None, False, r"[1-9]\d{9}"),
    "BR": ("55", "0", True, r"[1-9][1-9](?:9\d{8}|[2-5]\d{7})"),
    "GB": ("44", "0", False, r"(?:7\d{9}|[123]\d{8,9}|8\d{9})"),
    "IE": ("353", "0", False, r"(?:8[3-9]\d{7}|1\d{7}|[2-9]\d{7,8})"),
    "DE": ("49", "0", False, r"(?:1[5-7]\d{8,9}|[2-9]\d{6,10})"),
    "AT": ("43", "0", False, r"(?:6[4-9]\d{7,10}|[1-5]\d{5,11})"),
    "CH": ("41", "0", False, r"[1-9]\d{8}"),
    "FR": ("33", "0", False, r"[1-9]\d{8}"),
    "BE": ("32", "0", False, r"(?:4[5-9]\d{7}|[1-9]\d{7})"),
    "NL": ("31", "0", False, r"[1-9]\d{8}"),
    "ES": ("34", None, False, r"[6-9]\d{8}"),
    "IT": ("39", None, False, r"(?:3\d{8,9}|0\d{5,10})"),
    "PT": ("351", None, False, r"(?:9[1236]\d{7}|2\d{8})"),
    "PL": ("48", None, False, r"[1-9]\d{8}"),
    "CZ": ("420", None, False, r"[2-9]\d{8}"),
    "SE": ("46", "0", False, r"(?:7[02369]\d{7}|[1-9]\d{6,8})"),
    "FI": ("358", "0", False, r"(?:4\d{7,9}|50\d{6,8}|[1-9]\d{5,9})"),
    "LT": ("370", "8", False, r"[3-9]\d{7}"),
    "RU": ("7", "8", False, r"[3489]\d{9}"),
    "UA": ("380", "0", False, r"[3-9]\d{8}"),
    "TR": ("90", "0", False, r"(?:5\d{9}|[2-4]\d{9})"),
    "GR": ("30", None, False, r"(?:69\d{8}|2\d{9})"),
    "IL": ("972", "0", False, r"(?:5\d{8}|[2-489]\d{7})"),
    "EG": ("20", "0", False, r"(?:1[0125]\d{8}|[2-9]\d{7,8})"),
    "AE": ("971", "0", False, r"(?:5[024568]\d{7}|[2-9]\d{7})"),
    "MA": ("212", "0", False, r"[5-7]\d{8}"),
    "IN": ("91", "0", True, r"[6-9]\d{9}|[1-5]\d{9}"),
    "CN": ("86", "0", True, r"(?:1[3-9]\d{9}|[2-9]\d{8,10})"),
    "JP": ("81", "0", False, r"(?:[789]0\d{8}|[1-9]\d{8})"),
    "KR": ("82", "0", False, r"(?:1[016789]\d{7,8}|2\d{7,8}|[3-6][1-5]\d{6,8})"),
    "TH": ("66", "0", False, r"(?:[689]\d{8}|[2-7]\d{7})"),
    "VN": ("84", "0", False, r"(?:[35789]\d{8}|2\d{9})"),
    "AU": ("61", "0", False, r"(?:4\d{8}|[2378]\d{8})"),
    "NZ": ("64", "0", False, r"(?:2\d{7,9}|[3-9]\d{7})"),
}

WORD_DIGITS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0",
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}


def spoken_to_digits(v):
    """English digits read out one by one: 'oh seven double oh nine'."""
    out, mult = [], 1
    for tok in re.split(r"[\s-]+", v.strip().lower()):
        if tok in ("double", "triple"):
            mult = 2 if tok == "double" else 3
            continue
        if tok in WORD_DIGITS:
            piece = WORD_DIGITS[tok]
        elif tok.isdigit():
            piece = tok
        else:
            return None
        out.append(piece[0] * mult + piece[1:])
        mult = 1
    return "".join(out)


def phone_problem(v, cc):
    if cc is not None and cc not in PHONES:
        return "country %s not in the phone table" % cc
    raw = v
    if re.search(r"[A-Za-z]", raw):
        digits = spoken_to_digits(raw)
        if digits is None:
            return "spoken phone has words that are not digits"
        intl = False
    else:
        if not re.fullmatch(r"\+?[\d\s().\-/]+", raw):
            return "phone has unexpected characters"
        intl = raw.startswith("+") or raw.startswith("00")
        zero_bracket = "(0)" in raw
        digits = re.sub(r"\D", "", raw)
        if raw.startswith("00"):
            digits = digits[2:]
    if intl:
        matches = []
        for c, (code, _trunk, _opt, nsn) in PHONES.items():
            if digits.startswith(code):
                rest = digits[len(code):]
                if zero_bracket and rest.startswith("0"):
                    rest = rest[1:]
                if re.fullmatch(nsn, rest):
                    matches.append(c)
        if not matches:
            return "international number matches no country in the table"
        if cc is not None and cc not in matches:
            return "international number does not match @%s" % cc
        return None
    if cc is None:
        # no @cc: must be a NANP number
        d = digits[1:] if len(digits) == 11 and digits[0] == "1" else digits
        if re.fullmatch(PHONES["US"][3], d):
            return None
        return "national number without @cc is not a NANP number"
    code, trunk, optional, nsn = PHONES[cc]
    if trunk and digits.startswith(trunk) and re.fullmatch(nsn, digits[len(trunk):]):
        return None
    if (trunk is None or optional) and re.fullmatch(nsn, digits):
        return None
    return "does not fit the national format of %s" % cc


# ---------------------------------------------------------------- email, URL, IP

EMAIL_RE = re.compile(
    r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
)
URL_RE = re.compile(
    r"(?:https?://[A-Za-z0-9\-.]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s]*)?"
    r"|www\.[A-Za-z0-9\-.]+\.[A-Za-z]{2,}(?:[/?#][^\s]*)?"
    r"|[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/[^\s]*)"
)


def email_problem(v):
    if not EMAIL_RE.fullmatch(v):
        return "bad email syntax"
    local = v.split("@")[0]
    if local.startswith(".") or local.endswith(".") or ".." in v:
        return "bad dots in email"
    return None


def url_problem(v):
    if not URL_RE.fullmatch(v):
        return "bad URL syntax (need http(s)://, www. or domain/path)"
    if v[-1] in ".,;:!?)]'\"":
        return "URL ends with punctuation"
    return None


def ip_problem(v):
    try:
        ipaddress.ip_address(v)
    except ValueError:
        return "not an IP literal"
    return None


# ---------------------------------------------------------------- PERSON

EDGE_WORDS = set(
    """
    mr mr. mrs mrs. ms ms. miss mx dr dr. prof prof. professor sir dame lady
    lord madam coach officer captain capt pastor father fr fr. rev rev.
    reverend sister brother uncle aunt auntie aunty grandpa grandma granny
    grandad grandmother grandfather nana nanna gran mum mom mummy mommy dad
    daddy cousin little baby bro sis
    herr herrn frau familie fam. tante onkel oma opa
    m. mme mme. mlle monsieur madame mademoiselle tata tonton oncle mamie papi
    don doña señor señora señorita sr sr. sra sra. srta tía tío abuela abuelo
    profe signor signore signora signorina sig. sig.ra dott. dott.ssa maestra
    maestro zia zio nonna nonno
    senhor senhora dona seu tia tio vó vô avó avô
    meneer mevrouw mevr. dhr. oom
    pan pani panie pana państwo ciocia cioci wujek babcia dziadek
    paní pane teta strejda babička děda
    herra rouva neiti täti setä mummo
    ponas ponia pone dėdė močiutė
    господин госпожа тётя тетя дядя бабушка дедушка пані тітка дядько бабуся
    κ. κα κα. κος κύριος κυρία κύριε θεία θείος γιαγιά παππούς κυρ
    bey hanım hoca hocam abla abi teyze amca dayı
    السيد السيدة الأستاذ أستاذ الدكتور د. الحاج
    מר גב' גברת ד"ר הרב סבתא סבא
    श्री श्रीमती जी डॉ. भैया दीदी आंटी अंकल चाचा चाची मौसी दादी नानी सुश्री
    anh chị em cô chú bác ông bà thầy
    คุณ พี่ น้อง ป้า ลุง
    """.split()
)
ATTACHED_END = (
    "様", "さま", "さん", "くん", "ちゃん", "先生", "氏", "님", "씨", "선생님",
    "女士", "阿姨", "老师", "小姐", "叔叔", "형", "누나", "언니", "오빠",
)
ATTACHED_START = ("คุณ", "พี่", "น้อง")


def edge_token(tok):
    t = tok.lower().strip(",;:!?()\"“”«»")
    t = re.split(r"['’]", t)[0] if not t.endswith("'") else t
    return t


def person_problem(v):
    if any(ch.isdigit() for ch in v):
        return "PERSON contains a digit"
    if "@" in v:
        return "PERSON contains @"
    toks = v.split()
    if not toks:
        return "empty PERSON"
    for tok in (toks[0], toks[-1]):
        t = edge_token(tok)
        if t in EDGE_WORDS or t.rstrip(".") in EDGE_WORDS:
            return "title/honorific/kinship word %r at the edge" % tok
    for suf in ATTACHED_END:
        if v.endswith(suf):
            return "attached honorific %s at the end" % suf
    for pre in ATTACHED_START:
        if v.startswith(pre):
            return "attached honorific %s at the start" % pre
    if not any(ch.isalpha() for ch in v):
        return "PERSON has no letters"
    return None


# ---------------------------------------------------------------- addresses

NUMBER_WORDS = set(
    """one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred""".split()
)


def address_problem(v, lang):
    if any(ch.isdecimal() for ch in v):
        return None
    if lang == "en" and any(w in NUMBER_WORDS for w in re.findall(r"[a-z]+", v.lower())):
        return None  # a house number dictated in words
    return "address has no house/building number"


# ---------------------------------------------------------------- spans


def is_word_char(ch):
    return unicodedata.category(ch)[0] in "LNM"


def is_dense_script(ch):
    o = ord(ch)
    return (
        0x3040 <= o <= 0x30FF      # kana
        or 0x3400 <= o <= 0x4DBF   # CJK ext A
        or 0x4E00 <= o <= 0x9FFF   # CJK
        or 0xF900 <= o <= 0xFAFF
        or 0xAC00 <= o <= 0xD7AF   # Hangul syllables
        or 0x1100 <= o <= 0x11FF
        or 0x3130 <= o <= 0x318F
        or 0x0E00 <= o <= 0x0E7F   # Thai
        or o == 0x3005             # 々
    )


# one-letter proclitics written attached to the next word
PROCLITICS = {"he": set("ובלמשהכ"), "ar": set("وبلفك")}


def cut_problem(text, start, end, lang):
    if start > 0:
        left, first = text[start - 1], text[start]
        if is_word_char(left) and is_word_char(first):
            ok = is_dense_script(left) or is_dense_script(first)
            if not ok and left in PROCLITICS.get(lang, ()):
                ok = start < 2 or not is_word_char(text[start - 2])
            if not ok:
                return "span starts inside a word"
    if end < len(text):
        last, right = text[end - 1], text[end]
        if is_word_char(last) and is_word_char(right):
            if not (is_dense_script(last) or is_dense_script(right)):
                return "span ends inside a word"
    return None


# ---------------------------------------------------------------- parsing

ESCAPES = {"n": "\n", "t": "\t", "\\": "\\"}
HEAD_RE = re.compile(r"(~?)([A-Z]*)(?:@([A-Z]{2}))?")


def unescape(s, errors, where):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            if i + 1 < len(s) and s[i + 1] in ESCAPES:
                out.append(ESCAPES[s[i + 1]])
                i += 2
                continue
            errors.append("%s: bad escape" % where)
        out.append(c)
        i += 1
    return "".join(out)


def parse_row(body, lang, where, errors):
    """Return text, entities [(type, start, end, value)], lookalikes [(kind, start, end, value)]."""
    text, ents, looks = [], [], []
    pos, i = 0, 0
    while i < len(body):
        j = body.find("⟦", i)
        chunk = body[i:] if j < 0 else body[i:j]
        if "⟧" in chunk:
            errors.append("%s: stray ⟧" % where)
        plain = unescape(chunk, errors, where)
        text.append(plain)
        pos += len(plain)
        if j < 0:
            break
        k = body.find("⟧", j)
        if k < 0:
            errors.append("%s: unclosed ⟦" % where)
            break
        inner = body[j + 1:k]
        if "⟦" in inner:
            errors.append("%s: nested ⟦" % where)
        head, bar, raw = inner.partition("|")
        m = HEAD_RE.fullmatch(head)
        if not bar or not m:
            errors.append("%s: bad markup %r" % (where, inner))
            i = k + 1
            continue
        tilde, kind, cc = m.groups()
        value = unescape(raw, errors, where)
        if not tilde and kind == "CC":
            value, err = fill_luhn(value)
            if err:
                errors.append("%s: %s" % (where, err))
        if not tilde and kind == "IBAN":
            value, err = fill_iban(value)
            if err:
                errors.append("%s: %s" % (where, err))
        if value != value.strip() or not value:
            errors.append("%s: value %r has edge whitespace" % (where, value))
        start, end = pos, pos + len(value)
        if tilde:
            if kind not in LOOKALIKES or cc:
                errors.append("%s: bad look-alike kind %r" % (where, head))
            looks.append((kind, start, end, value))
        else:
            if kind not in TYPES:
                errors.append("%s: unknown type %r" % (where, kind))
            if cc and kind != "PHONE":
                errors.append("%s: @cc only on PHONE" % where)
            ents.append((kind, start, end, value, cc))
        text.append(value)
        pos = end
        i = k + 1
    return "".join(text), ents, looks


# ---------------------------------------------------------------- leak scan

LEAK_EMAIL = EMAIL_RE
LEAK_URL = re.compile(r"(?i)(?:\bhttps?://|\bwww\.)\S+")
LEAK_BARE_URL = re.compile(
    r"(?i)\b[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.(?:com|org|net|io|co|uk|de|fr|me|ly|gg|ee|app|"
    r"nl|es|it|pl|ru|ua|cz|fi|lt|gr|tr|jp|kr|cn|in|il|th|vn|pt|br|be|at|ch|ie|se|eu|"
    r"info|help|link|us|ca)/\S*"
)
LEAK_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\d|\.\d)")
LEAK_IPV6 = re.compile(r"(?<![0-9A-Za-z:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?![0-9A-Za-z])")
DIGIT_RUN = re.compile(r"\d+(?:[ \-]\d+)*")
LEAK_SSN = re.compile(r"(?<![\d\-])\d{3}([ \-])\d{2}\1\d{4}(?![\d])")
IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}")
MASK = "\u0000"


def masked_text(text, spans):
    chars = list(text)
    for _k, s, e, *_rest in spans:
        for p in range(s, e):
            chars[p] = MASK
    return "".join(chars)


def leak_problems(text, ents, looks):
    m = masked_text(text, list(ents) + list(looks))
    probs = []
    for x in LEAK_EMAIL.finditer(m):
        probs.append("unmarked email %r" % x.group())
    for x in LEAK_URL.finditer(m):
        probs.append("unmarked URL %r" % x.group())
    for x in LEAK_BARE_URL.finditer(m):
        probs.append("unmarked domain/path URL %r" % x.group())
    for x in LEAK_IPV4.finditer(m):
        try:
            ipaddress.IPv4Address(x.group())
            probs.append("unmarked IPv4 %r" % x.group())
        except ValueError:
            pass
    for x in LEAK_IPV6.finditer(m):
        cand = x.group().strip(".")
        if cand.count(":") >= 2:
            try:
                ipaddress.IPv6Address(cand)
                probs.append("unmarked IPv6 %r" % cand)
            except ValueError:
                pass
    for x in DIGIT_RUN.finditer(m):
        groups = re.split(r"[ \-]", x.group())
        for a in range(len(groups)):
            acc = ""
            for b in range(a, len(groups)):
                acc += groups[b]
                if len(acc) > 19:
                    break
                if 13 <= len(acc) and card_brand(acc) and luhn_ok(acc):
                    probs.append("unmarked Luhn-valid %s number %r" % (card_brand(acc), acc))
    for x in IBAN_START.finditer(m):
        rest = m[x.start():x.start() + 50]
        compact = ""
        for ch in rest:
            if ch == " ":
                continue
            if not (ch.isascii() and (ch.isdigit() or ch.isupper())):
                break
            compact += ch
        for n in range(15, min(len(compact), 34) + 1):
            if iban_problem(compact[:n]) is None:
                probs.append("unmarked valid IBAN %r" % compact[:n])
    for x in LEAK_SSN.finditer(m):
        if ssn_problem(x.group()) is None:
            probs.append("unmarked valid SSN %r" % x.group())
        else:
            probs.append("unmarked SSN-shaped number %r (mark it ~SSN)" % x.group())
    return probs


# ---------------------------------------------------------------- main


def validate_entity(kind, value, cc, lang):
    if kind == "PER":
        return person_problem(value)
    if kind == "EMAIL":
        return email_problem(value)
    if kind == "PHONE":
        return phone_problem(value, cc)
    if kind == "ADDR":
        return address_problem(value, lang)
    if kind == "URL":
        return url_problem(value)
    if kind == "IP":
        return ip_problem(value)
    if kind == "IBAN":
        return check_iban(value)
    if kind == "CC":
        return check_card(value)
    if kind == "SSN":
        return ssn_problem(value)
    return "unknown type"


def validate_lookalike(kind, value):
    if kind == "CC":
        d = re.sub(r"[ -]", "", value)
        if not d.isdigit() or not 13 <= len(d) <= 19:
            return "~CC is not card-shaped"
        if luhn_ok(d):
            return "~CC passes Luhn"
    elif kind == "IBAN":
        if iban_problem(value.replace(" ", "")) is None:
            return "~IBAN is a valid IBAN"
        compact = value.replace(" ", "")
        if compact[:2] not in IBAN_FORMATS:
            return "~IBAN country not in table"
        length = IBAN_FORMATS[compact[:2]][0]
        if len(compact) == length and iban_mod97(compact) == 1:
            return "~IBAN fails only on BBAN shape, not mod 97 or length"
    elif kind == "SSN":
        if not SSN_SHAPE.fullmatch(value) or not re.search(r"[- ]", value):
            return "~SSN must be dashed or spaced SSN-shaped"
        if ssn_problem(value) is None:
            return "~SSN is a valid SSN"
    elif kind == "":
        try:
            ipaddress.IPv4Address(value)
        except ValueError:
            return "plain ~ is only for dotted versions that are valid IPv4"
    return None


def load():
    errors, rows, seen = [], [], {}
    with open(SRC, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = "line %d" % n
        m = re.fullmatch(r"\[([a-z]{2})\] (.+)", line)
        if not m:
            errors.append("%s: not `[lang] text`" % where)
            continue
        lang, body = m.groups()
        if lang not in LANGS:
            errors.append("%s: unknown language %s" % (where, lang))
        text, ents, looks = parse_row(body, lang, where, errors)
        for kind, s, e, v, cc in ents:
            if text[s:e] != v:
                errors.append("%s: offset bug" % where)
            p = validate_entity(kind, v, cc, lang)
            if p:
                errors.append("%s: %s %r: %s" % (where, kind, v, p))
            p = cut_problem(text, s, e, lang)
            if p:
                errors.append("%s: %s %r: %s" % (where, kind, v, p))
        for kind, s, e, v in looks:
            p = validate_lookalike(kind, v)
            if p:
                errors.append("%s: ~%s %r: %s" % (where, kind, v, p))
        spans = sorted([(s, e) for _k, s, e, _v, _c in ents] + [(s, e) for _k, s, e, _v in looks])
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            if s2 < e1:
                errors.append("%s: overlapping spans" % where)
        for p in leak_problems(text, [(k, s, e) for k, s, e, _v, _c in ents], looks):
            errors.append("%s: leak: %s" % (where, p))
        if text in seen:
            errors.append("%s: duplicate of line %d" % (where, seen[text]))
        seen[text] = n
        rows.append({"lang": lang, "text": text, "ents": ents, "looks": looks, "line": n})
    return rows, errors


def to_jsonl(rows):
    out = []
    for i, r in enumerate(rows):
        obj = {
            "id": "%s%03d" % (ID_PREFIX, i),
            "text": r["text"],
            "entities": [
                {"type": TYPES[k], "start": s, "end": e, "value": v}
                for k, s, e, v, _cc in r["ents"]
            ],
            "annotated_types": ANNOTATED,
        }
        out.append(json.dumps(obj, ensure_ascii=False))
    return "\n".join(out) + "\n"


def review(rows):
    print("Unmarked digit runs of 7+ digits (outside spans and look-alikes):")
    run = re.compile(r"\d+(?:[ .\-/]\d+)*")
    for i, r in enumerate(rows):
        m = masked_text(r["text"], [(k, s, e) for k, s, e, _v, _c in r["ents"]] + r["looks"])
        for x in run.finditer(m):
            if sum(ch.isdigit() for ch in x.group()) >= 7:
                ctx = r["text"][max(0, x.start() - 30):x.end() + 10].replace("\n", " ")
                print("  %s%03d [%s] %r  …%s…" % (ID_PREFIX, i, r["lang"], x.group(), ctx))


def stats(rows):
    by_lang = Counter(r["lang"] for r in rows)
    nopii = Counter(r["lang"] for r in rows if not r["ents"])
    types = Counter()
    types_ne = Counter()
    phone_cc = Counter()
    phone_intl = 0
    looks = Counter()
    for r in rows:
        for k, _s, _e, v, cc in r["ents"]:
            types[TYPES[k]] += 1
            if r["lang"] != "en":
                types_ne[TYPES[k]] += 1
            if k == "PHONE":
                intl = v.startswith("+") or v.startswith("00")
                phone_intl += intl
                if cc:
                    phone_cc[cc] += 1
                else:
                    phone_cc["NANP(no @cc)" if not intl else "intl(no @cc)"] += 1
        for k, _s, _e, _v in r["looks"]:
            looks["~" + k] += 1
    n = len(rows)
    ne = n - by_lang["en"]
    print("rows %d, with PII %d, without %d (%.1f%%)" % (
        n, n - sum(nopii.values()), sum(nopii.values()), 100.0 * sum(nopii.values()) / n))
    print("not English: %d (%.1f%%) across %d languages" % (ne, 100.0 * ne / n, len(by_lang) - 1))
    for lang, c in sorted(by_lang.items(), key=lambda kv: (-kv[1], kv[0])):
        print("  %s %d (no PII %d)" % (lang, c, nopii[lang]))
    print("spans %d" % sum(types.values()))
    for t, c in types.most_common():
        print("  %-15s %3d  non-English %3d" % (t, c, types_ne[t]))
    print("phones: %d international; by country %s" % (phone_intl, dict(phone_cc.most_common())))
    print("look-alikes: %s" % dict(looks))
    brands = Counter()
    ibans = Counter()
    for r in rows:
        for k, _s, _e, v, _cc in r["ents"]:
            if k == "CC":
                brands[card_brand(re.sub(r"\D", "", v))] += 1
            if k == "IBAN":
                ibans[v[:2]] += 1
    print("cards: %s" % dict(brands))
    print("IBANs: %s" % dict(ibans))


def main(argv):
    opts = set(argv[1:])
    unknown = opts - {"--check", "--review", "--stats"}
    if unknown:
        print("unknown option(s): %s" % " ".join(sorted(unknown)), file=sys.stderr)
        return 2
    rows, errors = load()
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        print("%d problem(s); holdout.jsonl not written" % len(errors), file=sys.stderr)
        return 1
    data = to_jsonl(rows)
    if "--review" in opts:
        review(rows)
    if "--stats" in opts:
        stats(rows)
    if opts:
        print("OK: %d rows checked, nothing written" % len(rows))
        return 0
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    print("OK: wrote %d rows to holdout.jsonl" % len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
