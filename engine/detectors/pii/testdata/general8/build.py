#!/usr/bin/env python3
"""Build holdout.jsonl from holdout.txt for the general8 PII hold-out set.

Standard library only, deterministic. Refuses to write the output if any
check fails. Usage:

    python3 build.py            # check and write holdout.jsonl, print counts
    python3 build.py --review   # also list unmarked digit runs (7+ digits)
    python3 build.py --check    # check only, write nothing
"""

import hashlib
import ipaddress
import json
import os
import re
import sys
import unicodedata
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "holdout.txt")
OUT = os.path.join(HERE, "holdout.jsonl")
ID_PREFIX = "pg8-"

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
LOOKALIKES = {"~", "~CC", "~IBAN", "~SSN"}

# --------------------------------------------------------------------------
# Phones: country -> (calling code, regex for the national form incl. trunk
# prefix, regex for the national significant number after the calling code).
# Simplified patterns, not full numbering plans. US/CA numbers must be in the
# fictional 555-01xx range; UK numbers in Ofcom's drama ranges.
# --------------------------------------------------------------------------
_US_NSN = r"[2-9]\d\d55501\d\d"
_GB_NSN = (r"(?:7700900\d{3}|2079460\d{3}|1(?:1[3-8]|[2-9]1)4960\d{3}"
           r"|2896496\d{3}|2920180\d{3}|1632960\d{3}|8081570\d{3}|3069990\d{3})")
PHONE = {
    "us": ("1", r"1?" + _US_NSN, _US_NSN),
    "ca": ("1", r"1?" + _US_NSN, _US_NSN),
    "gb": ("44", "0" + _GB_NSN, _GB_NSN),
    "ie": ("353", r"0[1-9]\d{7,8}", r"[1-9]\d{7,8}"),
    "de": ("49", r"0(?:1[5-7]\d{8,9}|[2-9]\d{6,10})", r"1[5-7]\d{8,9}|[2-9]\d{6,10}"),
    "at": ("43", r"0[1-9]\d{6,12}", r"[1-9]\d{6,12}"),
    "ch": ("41", r"0[1-9]\d{8}", r"[1-9]\d{8}"),
    "fr": ("33", r"0[1-9]\d{8}", r"[1-9]\d{8}"),
    "be": ("32", r"0(?:4\d{8}|[1-9]\d{7})", r"4\d{8}|[1-9]\d{7}"),
    "nl": ("31", r"0[1-9]\d{8}", r"[1-9]\d{8}"),
    "es": ("34", r"[6-9]\d{8}", r"[6-9]\d{8}"),
    "it": ("39", r"3\d{8,9}|0\d{5,10}", r"3\d{8,9}|0\d{5,10}"),
    "pt": ("351", r"[29]\d{8}", r"[29]\d{8}"),
    "pl": ("48", r"[1-9]\d{8}", r"[1-9]\d{8}"),
    "se": ("46", r"0(?:7[02369]\d{7}|[1-9]\d{6,8})", r"7[02369]\d{7}|[1-9]\d{6,8}"),
    "no": ("47", r"[2-9]\d{7}", r"[2-9]\d{7}"),
    "dk": ("45", r"[2-9]\d{7}", r"[2-9]\d{7}"),
    "tr": ("90", r"0[2-5]\d{9}", r"[2-5]\d{9}"),
    "ru": ("7", r"8[3489]\d{9}", r"[3489]\d{9}"),
    "ua": ("380", r"0[3-9]\d{8}", r"[3-9]\d{8}"),
    "gr": ("30", r"2\d{9}|69\d{8}", r"2\d{9}|69\d{8}"),
    "il": ("972", r"0(?:5\d{8}|[2-489]\d{7}|7\d{8})", r"5\d{8}|[2-489]\d{7}|7\d{8}"),
    "cn": ("86", r"1[3-9]\d{9}|0[2-9]\d{8,10}", r"1[3-9]\d{9}|[2-9]\d{8,10}"),
    "tw": ("886", r"09\d{8}|0[2-8]\d{7,8}", r"9\d{8}|[2-8]\d{7,8}"),
    "jp": ("81", r"0\d{9,10}", r"[1-9]\d{8,9}"),
    "kr": ("82", r"0\d{8,10}", r"[1-9]\d{7,9}"),
    "in": ("91", r"0?[6-9]\d{9}|0[1-9]\d{9}", r"[1-9]\d{9}"),
    "vn": ("84", r"0[35789]\d{8}|02\d{9}", r"[35789]\d{8}|2\d{9}"),
    "th": ("66", r"0[689]\d{8}|0[2-7]\d{7}", r"[689]\d{8}|[2-7]\d{7}"),
    "ae": ("971", r"05\d{8}|0[2-9]\d{7}", r"5\d{8}|[2-9]\d{7}"),
    "sa": ("966", r"05\d{8}|01\d{8}", r"5\d{8}|1\d{8}"),
    "eg": ("20", r"01[0125]\d{8}|0[2-9]\d{7,8}", r"1[0125]\d{8}|[2-9]\d{7,8}"),
    "ma": ("212", r"0[5-7]\d{8}", r"[5-7]\d{8}"),
    "br": ("55", r"[1-9]\d(?:9\d{8}|[2-5]\d{7})", r"[1-9]\d(?:9\d{8}|[2-5]\d{7})"),
    "mx": ("52", r"[1-9]\d{9}", r"1?[1-9]\d{9}"),
    "au": ("61", r"0[2-478]\d{8}", r"[2-478]\d{8}"),
    "ng": ("234", r"0[789][01]\d{8}", r"[789][01]\d{8}"),
    "za": ("27", r"0[1-8]\d{8}", r"[1-8]\d{8}"),
}


def check_phone(value, cc):
    if not re.fullmatch(r"\+?[\d \-.()/\u00a0]+", value):
        return "bad characters"
    if value.count("(") != value.count(")"):
        return "unbalanced parentheses"
    intl = value.startswith("+") or value.startswith("00")
    if intl:
        v = value[1:] if value.startswith("+") else value[2:]
        v = v.replace("(0)", "")
        digits = re.sub(r"\D", "", v)
        hits = [c for c, (code, _n, nsn) in sorted(PHONE.items())
                if digits.startswith(code) and re.fullmatch(nsn, digits[len(code):])]
        if not hits:
            return "international number matches no country"
        if cc and cc not in hits:
            return "international number does not match @%s" % cc
        return None
    cc = cc or "us"
    if cc not in PHONE:
        return "unknown country %s" % cc
    digits = re.sub(r"\D", "", value)
    if not re.fullmatch(PHONE[cc][1], digits):
        return "national number does not match %s pattern" % cc
    return None


# --------------------------------------------------------------------------
# Cards
# --------------------------------------------------------------------------
def luhn_ok(d):
    total = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def luhn_digit(d_without_check):
    for c in "0123456789":
        if luhn_ok(d_without_check + c):
            return c
    raise AssertionError


def card_brand(d):
    n = len(d)
    p2, p3, p4 = int(d[:2]), int(d[:3]), int(d[:4])
    if d[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if (d.startswith("6011") or 644 <= p3 <= 649 or p2 == 65) and 16 <= n <= 19:
        return "discover"
    if (300 <= p3 <= 305 or p2 in (36, 38, 39) or d.startswith("3095")) and n in (14, 16):
        return "diners"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    if 2200 <= p4 <= 2204 and 16 <= n <= 19:
        return "mir"
    return None


def card_digits(value):
    if not re.fullmatch(r"\d+(?:[ \-]\d+)*", value):
        return None
    return re.sub(r"\D", "", value)


def check_card(value):
    d = card_digits(value)
    if d is None or not 13 <= len(d) <= 19:
        return "not a 13-19 digit number"
    if not card_brand(d):
        return "no brand for prefix/length"
    if not luhn_ok(d):
        return "Luhn fails"
    return None


# --------------------------------------------------------------------------
# IBAN: country -> (length, simplified BBAN regex)
# --------------------------------------------------------------------------
IBAN = {
    "AE": (23, r"\d{19}"),
    "AT": (20, r"\d{16}"),
    "BE": (16, r"\d{12}"),
    "BR": (29, r"\d{23}[A-Z][A-Z0-9]"),
    "CH": (21, r"\d{5}[A-Z0-9]{12}"),
    "DE": (22, r"\d{18}"),
    "DK": (18, r"\d{14}"),
    "ES": (24, r"\d{20}"),
    "FI": (18, r"\d{14}"),
    "FR": (27, r"\d{10}[A-Z0-9]{11}\d{2}"),
    "GB": (22, r"[A-Z]{4}\d{14}"),
    "GR": (27, r"\d{7}[A-Z0-9]{16}"),
    "IE": (22, r"[A-Z]{4}\d{14}"),
    "IL": (23, r"\d{19}"),
    "IT": (27, r"[A-Z]\d{10}[A-Z0-9]{12}"),
    "LU": (20, r"\d{3}[A-Z0-9]{13}"),
    "NL": (18, r"[A-Z]{4}\d{10}"),
    "NO": (15, r"\d{11}"),
    "PL": (28, r"\d{24}"),
    "PT": (25, r"\d{21}"),
    "SA": (24, r"\d{2}[A-Z0-9]{18}"),
    "SE": (24, r"\d{20}"),
    "TR": (26, r"\d{5}0[A-Z0-9]{16}"),
    "UA": (29, r"\d{6}[A-Z0-9]{19}"),
}


def iban_mod97(compact):
    s = compact[4:] + compact[:4]
    num = "".join(str(int(ch, 36)) for ch in s)
    return int(num) % 97


def iban_valid(compact):
    cc = compact[:2]
    if cc not in IBAN or len(compact) != IBAN[cc][0]:
        return False
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact):
        return False
    return iban_mod97(compact) == 1


def iban_fill(value):
    compact = value.replace(" ", "")
    filled = compact[:2] + "00" + compact[4:]
    check = 98 - iban_mod97(filled)
    return value.replace("##", "%02d" % check, 1)


def check_iban(value):
    if not re.fullmatch(r"[A-Z0-9]+(?: [A-Z0-9]+)*", value):
        return "bad characters"
    compact = value.replace(" ", "")
    cc = compact[:2]
    if cc not in IBAN:
        return "country %s not in table" % cc
    length, bban = IBAN[cc]
    if len(compact) != length:
        return "length %d, %s needs %d" % (len(compact), cc, length)
    if not re.fullmatch(bban, compact[4:]):
        return "BBAN shape"
    if " " in value:
        groups = value.split(" ")
        if any(len(g) != 4 for g in groups[:-1]) or not 1 <= len(groups[-1]) <= 4:
            return "grouping is not by 4"
    if iban_mod97(compact) != 1:
        return "mod 97 fails"
    return None


# --------------------------------------------------------------------------
# US SSN
# --------------------------------------------------------------------------
SSN_REFUSED = {"078051120", "219099999", "123456789", "987654320", "987654321"}


def ssn_parts(value):
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", value)
    return (m.group(1), m.group(3), m.group(4)) if m else None


def ssn_ok(value):
    p = ssn_parts(value)
    if not p:
        return False
    a, g, s = p
    if a in ("000", "666") or a[0] == "9" or g == "00" or s == "0000":
        return False
    d = a + g + s
    if d in SSN_REFUSED or len(set(d)) == 1:
        return False
    return True


# --------------------------------------------------------------------------
# Email, URL, IP
# --------------------------------------------------------------------------
EMAIL_RE = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9._%+\-]*[A-Za-z0-9_])?@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}")
HOST_RE = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}")


def check_email(value):
    if not EMAIL_RE.fullmatch(value) or ".." in value:
        return "bad email syntax"
    return None


def check_url(value):
    if re.search(r"\s", value) or value[-1] in ".,;:!?)]'\"":
        return "whitespace or trailing punctuation"
    if re.match(r"(?i)https?://", value):
        parts = urlsplit(value)
        host = parts.hostname or ""
        if not (HOST_RE.fullmatch(host) or host == "localhost" or host.endswith(".local")):
            try:
                ipaddress.ip_address(host)
            except ValueError:
                return "bad host %r" % host
        try:
            parts.port
        except ValueError:
            return "bad port"
        return None
    if value.lower().startswith("www."):
        host = re.split(r"[/?#:]", value, 1)[0]
        return None if HOST_RE.fullmatch(host) else "bad www host"
    host = re.split(r"[/?#]", value, 1)[0]
    if HOST_RE.fullmatch(host) and "/" in value:
        return None
    return "not an http(s)/www/domain-with-path URL"


def check_ip(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return "not an IP literal"
    return None


# --------------------------------------------------------------------------
# Persons and addresses
# --------------------------------------------------------------------------
TITLES = {
    # en
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "fr",
    "coach", "aunt", "auntie", "uncle", "grandma", "grandpa", "nan", "mum", "mom",
    "dad", "captain", "judge", "officer", "father", "sister", "brother", "pastor",
    # de nl sv
    "herr", "herrn", "frau", "familie", "dhr", "mevr", "mw", "fam",
    # fr es it pt
    "mme", "mlle", "me", "sr", "sra", "srta", "don", "doña", "dña",
    "dona", "dra", "sig", "sig.ra", "sig.na", "signora", "signor", "dott",
    "dott.ssa", "avv", "ing", "maestra", "maestro", "seu", "tía", "tío",
    # pl tr
    "pan", "pani", "panie", "państwo", "bey", "hanım", "hanim", "abla", "abi",
    "teyze", "amca", "hoca",
    # ru uk el
    "г-н", "г-жа", "господин", "госпожа", "пан", "пані", "κ", "κα", "κύριος",
    "κυρία", "κύριε",
    # ar he hi
    "السيد", "السيدة", "الدكتور", "الدكتورة", "د", "الأستاذ", "الأستاذة",
    "מר", "גב", "גב'", "ד\"ר", "הגברת",
    "श्री", "श्रीमती", "जी", "डॉ", "डॉ.", "भैया", "दीदी", "साहब",
    # vi
    "anh", "chị", "ông", "bà", "em", "cô", "chú", "bác",
}
CJK_SUFFIXES = ("様", "さん", "先生", "くん", "君", "ちゃん", "殿", "님", "씨",
                "선생님", "女士", "小姐", "老师", "老師", "阿姨", "叔叔")
CJK_PREFIXES = ("คุณ", "นาย", "นาง", "นางสาว")


def check_person(value):
    if re.search(r"[\d@/]", value):
        return "digit, @ or / in a name"
    toks = value.split()
    for t in (toks[0], toks[-1]):
        if t.lower().rstrip(".") in TITLES or t.lower() in TITLES:
            return "title %r inside PERSON span" % t
    if value.endswith(CJK_SUFFIXES) or value.startswith(CJK_PREFIXES):
        return "honorific inside PERSON span"
    return None


def check_address(value):
    if not any(unicodedata.category(c) == "Nd" for c in value):
        return "address without a digit"
    return None


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------
MARK_RE = re.compile(r"⟦([^⟦⟧|]*)\|([^⟦⟧]*)⟧")


def unescape(s, where, errors):
    def rep(m):
        c = m.group(1)
        if c == "n":
            return "\n"
        if c == "t":
            return "\t"
        if c == "\\":
            return "\\"
        errors.append("%s: unknown escape \\%s" % (where, c))
        return c
    return re.sub(r"\\(.)", rep, s)


def is_word(c):
    return unicodedata.category(c)[0] in "LMN"


def no_space_script(c):
    o = ord(c)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF
            or 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F
            or 0x0E00 <= o <= 0x0E7F or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF)


def parse_line(body, where, errors):
    text = ""
    ents = []
    exempt = []
    pos = 0
    for m in MARK_RE.finditer(body):
        plain = body[pos:m.start()]
        if "⟦" in plain or "⟧" in plain:
            errors.append("%s: stray bracket in %r" % (where, plain))
        text += unescape(plain, where, errors)
        tag, raw = m.group(1), m.group(2)
        value = unescape(raw, where, errors)
        kind, _, cc = tag.partition("@")
        if kind == "CC" and "#" in value:
            if value.count("#") != 1 or not value.endswith("#"):
                errors.append("%s: CC '#' must be the last digit: %r" % (where, value))
            else:
                digits = re.sub(r"\D", "", value[:-1])
                value = value[:-1] + luhn_digit(digits)
        if kind == "IBAN" and "##" in value:
            if value.find("##") != 2:
                errors.append("%s: IBAN '##' must be the check digits: %r" % (where, value))
            else:
                value = iban_fill(value)
        if "#" in value and kind in ("CC", "IBAN"):
            errors.append("%s: leftover '#' in %r" % (where, value))
        start = len(text)
        text += value
        end = len(text)
        if kind in TYPES:
            if cc and kind != "PHONE":
                errors.append("%s: @cc only allowed on PHONE" % where)
            ents.append({"kind": kind, "cc": cc, "start": start, "end": end, "value": value})
        elif tag in LOOKALIKES:
            exempt.append({"kind": tag, "start": start, "end": end, "value": value})
        else:
            errors.append("%s: unknown tag %r" % (where, tag))
        pos = m.end()
    plain = body[pos:]
    if "⟦" in plain or "⟧" in plain:
        errors.append("%s: stray bracket in %r" % (where, plain))
    text += unescape(plain, where, errors)
    return text, ents, exempt


def check_entity(e):
    k, v = e["kind"], e["value"]
    if not v or v != v.strip():
        return "empty value or surrounding whitespace"
    if k == "PER":
        return check_person(v)
    if k == "EMAIL":
        return check_email(v)
    if k == "PHONE":
        return check_phone(v, e["cc"])
    if k == "ADDR":
        return check_address(v)
    if k == "URL":
        return check_url(v)
    if k == "IP":
        return check_ip(v)
    if k == "IBAN":
        return check_iban(v)
    if k == "CC":
        return check_card(v)
    if k == "SSN":
        return None if ssn_ok(v) else "SSN breaks the rules"
    return "unknown kind"


def check_lookalike(x):
    k, v = x["kind"], x["value"]
    if k == "~CC":
        d = card_digits(v)
        if d is None or not 13 <= len(d) <= 19:
            return "~CC is not card shaped"
        if luhn_ok(d):
            return "~CC passes Luhn"
    elif k == "~IBAN":
        compact = v.replace(" ", "")
        if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact):
            return "~IBAN is not IBAN shaped"
        if iban_valid(compact):
            return "~IBAN is a valid IBAN"
    elif k == "~SSN":
        if not ssn_parts(v):
            return "~SSN is not SSN shaped"
        if ssn_ok(v):
            return "~SSN passes the SSN rules"
    return None


# --------------------------------------------------------------------------
# Leak scan over text outside spans and look-alikes
# --------------------------------------------------------------------------
LEAK_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
LEAK_URL = re.compile(r"(?i)(?<![\w@/.])(?:https?://|www\.)\S+")
LEAK_V4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d)")
LEAK_V6 = re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
LEAK_CARD = re.compile(r"(?<!\d)\d(?:[ \-]?\d){12,18}(?!\d)")
LEAK_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){8,32}")
LEAK_SSN = re.compile(r"(?<![\d\-])\d{3}([\- ])\d{2}\1\d{4}(?![\d\-])")
DIGIT_RUN = re.compile(r"\+?\(?\d[\d \-./()]*\d\)?")


def masked(text, regions):
    chars = list(text)
    for r in regions:
        for i in range(r["start"], r["end"]):
            chars[i] = "■"
    return "".join(chars)


def leak_scan(m):
    found = []
    for x in LEAK_EMAIL.finditer(m):
        found.append(("email", x.group()))
    for x in LEAK_URL.finditer(m):
        found.append(("url", x.group()))
    for x in LEAK_V4.finditer(m):
        try:
            ipaddress.ip_address(x.group())
            found.append(("ipv4", x.group()))
        except ValueError:
            pass
    for x in LEAK_V6.finditer(m):
        s = x.group()
        if re.search(r"[0-9A-Fa-f]", s) or s == "::":
            try:
                ipaddress.ip_address(s)
                found.append(("ipv6", s))
            except ValueError:
                pass
    for x in LEAK_CARD.finditer(m):
        d = re.sub(r"\D", "", x.group())
        if card_brand(d) and luhn_ok(d):
            found.append(("card", x.group()))
    for x in LEAK_IBAN.finditer(m):
        compact = x.group().replace(" ", "")
        for n in range(12, min(34, len(compact)) + 1):
            if iban_valid(compact[:n]):
                found.append(("iban", compact[:n]))
                break
    for x in LEAK_SSN.finditer(m):
        if ssn_ok(x.group()):
            found.append(("ssn", x.group()))
    return found


# --------------------------------------------------------------------------
def main():
    review = "--review" in sys.argv
    check_only = "--check" in sys.argv
    errors = []
    rows = []
    seen = {}
    with open(SRC, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = "line %d" % lineno
        m = re.fullmatch(r"\[([a-z]{2})\] (.+)", line)
        if not m:
            errors.append("%s: expected '[lang] text'" % where)
            continue
        lang, body = m.group(1), m.group(2)
        text, ents, exempt = parse_line(body, where, errors)
        if text in seen:
            errors.append("%s: duplicate of line %d" % (where, seen[text]))
        seen[text] = lineno
        if text != text.strip():
            errors.append("%s: leading/trailing whitespace" % where)
        for e in ents:
            err = check_entity(e)
            if err:
                errors.append("%s: %s %r: %s" % (where, e["kind"], e["value"], err))
        for x in exempt:
            err = check_lookalike(x)
            if err:
                errors.append("%s: %s %r: %s" % (where, x["kind"], x["value"], err))
        regions = sorted(ents + exempt, key=lambda r: (r["start"], r["end"]))
        for a, b in zip(regions, regions[1:]):
            if b["start"] < a["end"]:
                errors.append("%s: overlapping spans %r %r" % (where, a["value"], b["value"]))
        for r in regions:
            if r["kind"].startswith("~"):
                continue
            s, e, v = r["start"], r["end"], r["value"]
            if s > 0 and is_word(text[s - 1]) and is_word(v[0]) and not (
                    no_space_script(text[s - 1]) or no_space_script(v[0])):
                errors.append("%s: span %r starts inside a word" % (where, v))
            if e < len(text) and is_word(text[e]) and is_word(v[-1]) and not (
                    no_space_script(text[e]) or no_space_script(v[-1])):
                errors.append("%s: span %r ends inside a word" % (where, v))
            if text[s:e] != v:
                errors.append("%s: offset mismatch for %r" % (where, v))
        mtext = masked(text, regions)
        for kind, s in leak_scan(mtext):
            errors.append("%s: unmarked %s %r" % (where, kind, s))
        digit_runs = []
        for x in DIGIT_RUN.finditer(mtext):
            if len(re.sub(r"\D", "", x.group())) >= 7:
                digit_runs.append(x.group())
        rows.append({"lang": lang, "text": text, "ents": ents, "exempt": exempt, "runs": digit_runs,
                     "line": lineno})

    if errors:
        for e in errors:
            print("ERROR", e)
        print("%d error(s); holdout.jsonl not written" % len(errors))
        return 1

    out_lines = []
    for i, r in enumerate(rows):
        entities = [{"type": TYPES[e["kind"]], "start": e["start"], "end": e["end"],
                     "value": e["value"]} for e in sorted(r["ents"], key=lambda e: e["start"])]
        obj = {"id": "%s%03d" % (ID_PREFIX, i), "text": r["text"], "entities": entities,
               "annotated_types": ALL_TYPES}
        out_lines.append(json.dumps(obj, ensure_ascii=False))
    data = ("\n".join(out_lines) + "\n").encode("utf-8")
    if not check_only:
        with open(OUT, "wb") as f:
            f.write(data)

    # ---- counts ----
    n = len(rows)
    with_pii = sum(1 for r in rows if r["ents"])
    non_en = [r for r in rows if r["lang"] != "en"]
    print("rows %d: %d with PII, %d without; %d (%.1f%%) not in English"
          % (n, with_pii, n - with_pii, len(non_en), 100.0 * len(non_en) / n))
    langs = {}
    for r in rows:
        a = langs.setdefault(r["lang"], [0, 0])
        a[0] += 1
        if not r["ents"]:
            a[1] += 1
    print("languages (%d): " % len(langs) + ", ".join(
        "%s %d/%d" % (k, v[0], v[1]) for k, v in sorted(langs.items(), key=lambda kv: (-kv[1][0], kv[0]))))
    counts = {}
    for r in rows:
        for e in r["ents"]:
            c = counts.setdefault(TYPES[e["kind"]], [0, 0])
            c[0] += 1
            if r["lang"] != "en":
                c[1] += 1
    total = sum(c[0] for c in counts.values())
    print("entity spans %d:" % total)
    for t in sorted(counts, key=lambda t: (-counts[t][0], t)):
        print("  %-15s %4d  (non-English %d)" % (t, counts[t][0], counts[t][1]))
    phone_cc = {}
    intl = 0
    for r in rows:
        for e in r["ents"]:
            if e["kind"] != "PHONE":
                continue
            v = e["value"]
            if v.startswith(("+", "00")):
                intl += 1
                d = re.sub(r"\D", "", (v[1:] if v[0] == "+" else v[2:]).replace("(0)", ""))
                hits = [c for c, (code, _n, nsn) in sorted(PHONE.items())
                        if d.startswith(code) and re.fullmatch(nsn, d[len(code):])]
                key = e["cc"] or "/".join(hits)
            else:
                key = e["cc"] or "us"
            phone_cc[key] = phone_cc.get(key, 0) + 1
    print("phones: %d international format; by country: " % intl + ", ".join(
        "%s %d" % kv for kv in sorted(phone_cc.items())))
    look = {}
    for r in rows:
        for x in r["exempt"]:
            look[x["kind"]] = look.get(x["kind"], 0) + 1
    print("look-alikes: " + ", ".join("%s %d" % kv for kv in sorted(look.items())))
    if review:
        print("\nunmarked digit runs (7+ digits):")
        for i, r in enumerate(rows):
            for s in r["runs"]:
                print("  %s%03d (line %d, %s): %s" % (ID_PREFIX, i, r["line"], r["lang"], s))
    if not check_only:
        print("\nsha256 holdout.jsonl %s" % hashlib.sha256(data).hexdigest())
    return 0


if __name__ == "__main__":
    sys.exit(main())
