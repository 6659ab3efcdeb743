#!/usr/bin/env python3
"""Build holdout.jsonl for the general15 blind PII hold-out set.

Reads holdout.txt (one row per line, `[lang] text`, markup ⟦TYPE|value⟧),
validates every entity and look-alike, scans for unmarked leaks and writes
holdout.jsonl with exact Unicode code-point offsets.  Refuses to write if any
check fails.

    python3 build.py            # check and write holdout.jsonl
    python3 build.py --check    # check only
    python3 build.py --review   # check, list unmarked 7+ digit runs, stats
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
ID_PREFIX = "pg15-"

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
LOOKALIKES = {"~", "~CC", "~IBAN", "~SSN"}


class BuildError(Exception):
    pass


# ---------------------------------------------------------------- helpers

def digits_of(s):
    """Decimal digits of s in any script, as ASCII."""
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                out.append(str(unicodedata.decimal(ch)))
            except (TypeError, ValueError):
                pass
    return "".join(out)


def to_ascii_digits(s):
    out = []
    for ch in s:
        try:
            out.append(str(unicodedata.decimal(ch)))
        except (TypeError, ValueError):
            out.append(ch)
    return "".join(out)


def luhn_ok(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_digit(partial):
    for d in "0123456789":
        if luhn_ok(partial + d):
            return d
    raise AssertionError


def card_brand(num):
    n = len(num)
    p2, p3, p4, p6 = int(num[:2]), int(num[:3]), int(num[:4]), int(num[:6])
    if num[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if (num.startswith("6011") or 644 <= p3 <= 649 or p2 == 65
            or 622126 <= p6 <= 622925) and 16 <= n <= 19:
        return "discover"
    if (300 <= p3 <= 305 or p2 in (36, 38)) and n in (14, 16):
        return "diners"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    if 2200 <= p4 <= 2204 and 16 <= n <= 19:
        return "mir"
    return None


# IBAN: country -> (length, simplified BBAN regex)
IBAN_SPEC = {
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
    "IR": (26, r"\d{22}"),
    "IT": (27, r"[A-Z]\d{10}[A-Z0-9]{12}"),
    "LT": (20, r"\d{16}"),
    "LU": (20, r"\d{3}[A-Z0-9]{13}"),
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


def iban_mod97(s):
    r = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in r)
    return int(num) % 97


def iban_valid(compact):
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact):
        return False
    spec = IBAN_SPEC.get(compact[:2])
    if spec is None or len(compact) != spec[0]:
        return False
    return iban_mod97(compact) == 1


def iban_fill(value):
    """Replace the `##` check digits with computed ones."""
    compact = value.replace(" ", "")
    if compact[2:4] != "##":
        raise BuildError("IBAN without ## check digits: %r" % value)
    base = compact[:2] + "00" + compact[4:]
    check = "%02d" % (98 - iban_mod97(base))
    return value.replace("##", check, 1)


SSN_BAD = {"078051120", "219099999", "123456789"}


def ssn_problem(s):
    m = re.fullmatch(r"(\d{3})([- ])(\d{2})([- ])(\d{4})", s)
    if not m:
        return "not in AAA-GG-SSSS / AAA GG SSSS form"
    a, s1, g, s2, ser = m.groups()
    if s1 != s2:
        return "inconsistent separators"
    if a in ("000", "666") or a[0] == "9":
        return "bad area"
    if g == "00":
        return "bad group"
    if ser == "0000":
        return "bad serial"
    d = a + g + ser
    if d in SSN_BAD or d.startswith("98765432"):
        return "advertising/placeholder number"
    if len(set(d)) == 1:
        return "repeated digits"
    return None


# ---------------------------------------------------------------- phones
# cc -> (calling code, national trunk prefix or None, trunk optional?, NSN regex)
PHONE_SPEC = {
    "US": ("1", "1", True, r"[2-9]\d{2}[2-9]\d{6}"),
    "CA": ("1", "1", True, r"[2-9]\d{2}[2-9]\d{6}"),
    "GB": ("44", "0", False, r"(7\d{9}|[123]\d{8,9}|8\d{9})"),
    "IE": ("353", "0", False, r"[1-9]\d{6,9}"),
    "DE": ("49", "0", False, r"[1-9]\d{5,11}"),
    "AT": ("43", "0", False, r"[1-9]\d{3,12}"),
    "CH": ("41", "0", False, r"[1-9]\d{8}"),
    "FR": ("33", "0", False, r"[1-9]\d{8}"),
    "BE": ("32", "0", False, r"(4\d{8}|[1-9]\d{7})"),
    "NL": ("31", "0", False, r"[1-9]\d{8}"),
    "ES": ("34", None, False, r"[6789]\d{8}"),
    "PT": ("351", None, False, r"[29]\d{8}"),
    "IT": ("39", None, False, r"(0\d{5,10}|3\d{8,9})"),
    "PL": ("48", None, False, r"[1-9]\d{8}"),
    "CZ": ("420", None, False, r"[2-9]\d{8}"),
    "SE": ("46", "0", False, r"[1-9]\d{6,9}"),
    "NO": ("47", None, False, r"[2-9]\d{7}"),
    "DK": ("45", None, False, r"[2-9]\d{7}"),
    "FI": ("358", "0", False, r"[1-9]\d{5,10}"),
    "RO": ("40", "0", False, r"[237]\d{8}"),
    "HU": ("36", "06", False, r"[1-9]\d{7,8}"),
    "GR": ("30", None, False, r"[26]\d{9}"),
    "TR": ("90", "0", False, r"[2-5]\d{9}"),
    "RU": ("7", "8", False, r"[3489]\d{9}"),
    "UA": ("380", "0", False, r"[3-9]\d{8}"),
    "IL": ("972", "0", False, r"[2-9]\d{7,8}"),
    "SA": ("966", "0", False, r"(5\d{8}|1\d{7,8})"),
    "AE": ("971", "0", False, r"(5\d{8}|[2-9]\d{7})"),
    "EG": ("20", "0", False, r"(1\d{9}|[2-9]\d{7,8})"),
    "MA": ("212", "0", False, r"[5-7]\d{8}"),
    "IR": ("98", "0", False, r"[1-9]\d{9}"),
    "IN": ("91", "0", True, r"[6-9]\d{9}|[1-9]\d{9}"),
    "BD": ("880", "0", False, r"(1[3-9]\d{8}|[2-9]\d{7,9})"),
    "TH": ("66", "0", False, r"([689]\d{8}|[2-7]\d{7})"),
    "CN": ("86", "0", True, r"(1[3-9]\d{9}|[2-9]\d{8,10})"),
    "TW": ("886", "0", False, r"[2-9]\d{7,8}"),
    "JP": ("81", "0", False, r"[1-9]\d{8,9}"),
    "KR": ("82", "0", False, r"[1-9]\d{7,9}"),
    "VN": ("84", "0", False, r"([35789]\d{8}|2\d{9})"),
    "ID": ("62", "0", False, r"([2-9]\d{7,11})"),
    "MX": ("52", None, False, r"\d{10}"),
    "BR": ("55", "0", True, r"[1-9]{2}9?\d{8}"),
    "AU": ("61", "0", False, r"[2-478]\d{8}"),
    "ZA": ("27", "0", False, r"[1-8]\d{8}"),
    "NG": ("234", "0", False, r"[7-9][01]\d{8}"),
}

PHONE_CHARS = re.compile(r"[\d\s\-.()/+]+")


def phone_problem(value, cc):
    v = to_ascii_digits(value)
    if not PHONE_CHARS.fullmatch(v):
        return "unexpected characters"
    if v.count("(") != v.count(")"):
        return "unbalanced parentheses"
    intl = None
    s = v.strip()
    if s.startswith("+"):
        intl = s[1:]
    elif s.startswith("00"):
        intl = s[2:]
    if intl is not None:
        intl = intl.replace("(0)", "")
        d = re.sub(r"\D", "", intl)
        ok = []
        for c, (code, _tr, _opt, nsn) in PHONE_SPEC.items():
            if d.startswith(code) and re.fullmatch(nsn, d[len(code):]):
                ok.append(c)
        if not ok:
            return "international number matches no country"
        if cc and cc not in ok:
            return "international number does not match @%s" % cc
        return None
    # national form
    if cc is None:
        cc = "US"
        label = "no @cc, so must be NANP or international"
    else:
        label = "@%s national" % cc
    if cc not in PHONE_SPEC:
        return "unknown country %s" % cc
    code, trunk, optional, nsn = PHONE_SPEC[cc]
    d = re.sub(r"\D", "", s)
    cands = []
    if trunk:
        if d.startswith(trunk):
            cands.append(d[len(trunk):])
        if optional:
            cands.append(d)
    else:
        cands.append(d)
    if not any(re.fullmatch(nsn, x) for x in cands):
        return "does not fit %s" % label
    if cc in ("US", "CA"):
        # fictional range only
        core = cands[0] if re.fullmatch(nsn, cands[0]) else cands[-1]
        if core[3:6] != "555" or core[6:8] != "01":
            return "NANP number outside 555-01xx"
    return None


# ---------------------------------------------------------------- persons

TITLE_WORDS = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "dr", "dr.",
    "prof", "prof.", "sir", "madam", "miss", "coach", "grandpa", "grandma",
    "auntie", "aunt", "uncle", "father", "mother", "nurse", "sister",
    "herr", "frau", "familie", "mme", "mme.", "m.", "mlle", "monsieur",
    "madame", "don", "doña", "dona", "sr.", "sra.", "sr", "sra", "srta.",
    "signor", "signora", "sig.", "sig.ra", "dott.", "dott.ssa", "maestra",
    "pan", "pani", "panie", "paní", "pane", "bey", "hanım", "κ.", "κα",
    "κος", "κα.", "السيد", "السيدة", "د.", "الدكتور", "מר", "גב'", "ד\"ר",
    "श्री", "श्रीमती", "जी", "डॉ.", "भैया", "anh", "chị", "em", "ông", "bà",
    "bapak", "bu", "ibu", "pak", "dhr.", "mevr.", "mw.", "dl.", "dna.",
    "úr", "dr.-ing.", "г-н", "г-жа", "пан", "пані", "господин", "آقای",
    "خانم", "дp.", "sayın", "doktor", "dokter", "fru", "herr.", "ks.",
}
ATTACHED_SUFFIX = ("様", "さん", "님", "씨", "先生", "女士", "阿姨", "君",
                   "ちゃん", "小姐", "さま", "선생님")
ATTACHED_PREFIX = ("คุณ", "นาย", "นาง")


def person_problem(v):
    if any(ch.isdigit() for ch in v):
        return "digit in PERSON"
    words = v.split()
    if not words:
        return "empty"
    for w in (words[0], words[-1]):
        if w.lower().strip(",") in TITLE_WORDS:
            return "title/honorific %r at an end" % w
    for suf in ATTACHED_SUFFIX:
        if v.endswith(suf):
            return "attached honorific %r" % suf
    for pre in ATTACHED_PREFIX:
        if v.startswith(pre):
            return "attached honorific %r" % pre
    return None


# ---------------------------------------------------------------- scripts

def tight_script(ch):
    """Scripts written without spaces between words."""
    if not ch:
        return False
    cp = ord(ch)
    return (0x3040 <= cp <= 0x30FF or 0x3400 <= cp <= 0x9FFF
            or 0xAC00 <= cp <= 0xD7AF or 0x1100 <= cp <= 0x11FF
            or 0x3130 <= cp <= 0x318F or 0x0E00 <= cp <= 0x0E7F
            or 0xF900 <= cp <= 0xFAFF or 0xFF66 <= cp <= 0xFF9F)


def wordish(ch):
    return bool(ch) and (ch.isalnum() or unicodedata.category(ch).startswith("M"))


# ---------------------------------------------------------------- parsing

ESCAPES = {"n": "\n", "t": "\t", "\\": "\\"}
MARK = re.compile(r"⟦([^|⟦⟧]+)\|([^⟦⟧]*)⟧")


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in ESCAPES:
            out.append(ESCAPES[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def parse(body):
    """Return (text, entities, lookalikes) with code-point offsets."""
    text, ents, looks = [], [], []
    pos = 0
    i = 0
    for m in MARK.finditer(body):
        plain = unescape(body[i:m.start()])
        if "⟦" in plain or "⟧" in plain:
            raise BuildError("stray bracket")
        text.append(plain)
        pos += len(plain)
        tag, raw = m.group(1), unescape(m.group(2))
        cc = None
        if "@" in tag:
            tag, cc = tag.split("@", 1)
            if tag != "PHONE":
                raise BuildError("@cc on non-PHONE")
        if tag in LOOKALIKES:
            looks.append((tag, pos, pos + len(raw), raw))
            value = raw
        elif tag in TYPES:
            value = raw
            if tag == "CC":
                if value.count("#") != 1 or not value.rstrip().endswith("#"):
                    raise BuildError("CC needs one trailing #: %r" % raw)
                d = re.sub(r"\D", "", value)
                value = value.replace("#", luhn_digit(d))
            elif tag == "IBAN":
                value = iban_fill(value)
            ents.append({"tag": tag, "cc": cc, "start": pos,
                         "end": pos + len(value), "value": value})
        else:
            raise BuildError("unknown tag %r" % tag)
        text.append(value)
        pos += len(value)
        i = m.end()
    rest = unescape(body[i:])
    if "⟦" in rest or "⟧" in rest:
        raise BuildError("stray bracket")
    text.append(rest)
    return "".join(text), ents, looks


# ---------------------------------------------------------------- checks

EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
URL_RE = re.compile(r"^(https?://[^\s]+|www\.[^\s]+|[a-z0-9\-]+(\.[a-z0-9\-]+)+/[^\s]*)$", re.I)


def check_entity(e):
    t, v = e["tag"], e["value"]
    if v != v.strip() or not v:
        return "leading/trailing space"
    if t == "PER":
        return person_problem(v)
    if t == "EMAIL":
        return None if EMAIL_RE.match(v) else "bad email"
    if t == "URL":
        if not URL_RE.match(v):
            return "bad URL"
        if v[-1] in ".,;:)":
            return "URL ends in punctuation"
        return None
    if t == "IP":
        try:
            ipaddress.ip_address(v)
        except ValueError:
            return "bad IP"
        return None
    if t == "ADDR":
        return None if any(ch.isdigit() for ch in v) else "address without digit"
    if t == "PHONE":
        return phone_problem(v, e["cc"])
    if t == "SSN":
        return ssn_problem(v)
    if t == "CC":
        if not re.fullmatch(r"\d+([ \-]\d+)*", v):
            return "bad card characters"
        d = re.sub(r"\D", "", v)
        if not luhn_ok(d):
            return "Luhn"
        if card_brand(d) is None:
            return "no brand matches prefix/length"
        return None
    if t == "IBAN":
        compact = v.replace(" ", "")
        if not iban_valid(compact):
            return "IBAN mod97/length"
        spec = IBAN_SPEC[compact[:2]]
        if not re.fullmatch(spec[1], compact[4:]):
            return "IBAN BBAN shape"
        if " " in v:
            groups = v.split(" ")
            if any(len(g) != 4 for g in groups[:-1]) or not 1 <= len(groups[-1]) <= 4:
                return "IBAN not grouped by 4"
        return None
    return "unknown"


def check_lookalike(tag, v):
    if tag == "~":
        return None
    if tag == "~CC":
        d = re.sub(r"\D", "", v)
        if len(d) < 12:
            return "~CC too short"
        return "~CC passes Luhn" if luhn_ok(d) else None
    if tag == "~IBAN":
        c = v.replace(" ", "")
        return "~IBAN is valid" if iban_valid(c) else None
    if tag == "~SSN":
        if not re.fullmatch(r"\d{3}([- ])\d{2}\1\d{4}", v):
            return "~SSN not SSN-shaped"
        return "~SSN is a valid SSN" if ssn_problem(v) is None else None
    return "unknown look-alike"


IPV4_RE = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.]*\d)")
IPV6_RE = re.compile(r"(?<![0-9A-Fa-f:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")
EMAIL_SCAN = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+\.[A-Za-z0-9.\-]+")
URL_SCAN = re.compile(r"(https?://|www\.)\S+", re.I)
CARD_SCAN = re.compile(r"\d+(?:[ \-]\d+)*")
SSN_SCAN = re.compile(r"(?<!\d)\d{3}([- ])\d{2}\1\d{4}(?!\d)")
IBAN_SCAN = re.compile(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]){8,}")


def leak_scan(text, blocked):
    """blocked: list of (start, end) ranges (entities and look-alikes)."""
    chars = list(text)
    for s, e in blocked:
        for k in range(s, e):
            chars[k] = "\u2591" if not chars[k].isspace() else chars[k]
    t = "".join(chars)
    probs = []
    for m in EMAIL_SCAN.finditer(t):
        probs.append("unmarked email %r" % m.group())
    for m in URL_SCAN.finditer(t):
        probs.append("unmarked URL %r" % m.group())
    for m in IPV4_RE.finditer(t):
        try:
            ipaddress.IPv4Address(m.group())
            probs.append("unmarked IPv4 %r" % m.group())
        except ValueError:
            pass
    for m in IPV6_RE.finditer(t):
        cand = m.group().strip(":.")
        if cand.count(":") >= 2 or "::" in m.group():
            for c in (m.group(), cand):
                try:
                    ipaddress.IPv6Address(c)
                    probs.append("unmarked IPv6 %r" % c)
                    break
                except ValueError:
                    pass
    for m in CARD_SCAN.finditer(t):
        raw = m.group()
        groups = re.split(r"[ \-]", raw)
        hit = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups) + 1):
                d = "".join(groups[i:j])
                if 13 <= len(d) <= 19 and luhn_ok(d) and card_brand(d):
                    hit = True
        if hit:
            probs.append("unmarked card-like number %r" % raw)
    for m in SSN_SCAN.finditer(t):
        if ssn_problem(m.group()) is None:
            probs.append("unmarked SSN %r" % m.group())
    for m in IBAN_SCAN.finditer(t):
        raw = m.group()
        # try every prefix length
        for end in range(len(raw), 9, -1):
            c = raw[:end].replace(" ", "")
            if iban_valid(c):
                probs.append("unmarked IBAN %r" % raw[:end])
                break
    return probs, t


NAME_STOP = {"de", "da", "do", "dos", "das", "del", "della", "di", "van",
             "von", "der", "den", "le", "la", "du", "el", "al", "bin", "ben",
             "y", "e", "i", "und", "ter", "ten", "zu", "af", "St", "st"}


def repeat_scan(masked, ents):
    """An entity value (or a PERSON name part) appearing unmarked elsewhere."""
    probs = []
    for e in ents:
        v = e["value"]
        if e["tag"] == "PER":
            parts = [p.strip(".,'’-") for p in re.split(r"[\s\-]+", v)]
            parts = [p for p in parts if p and p.lower() not in NAME_STOP]
            if any(tight_script(ch) for ch in v):
                parts = [v] if len(v) >= 2 else []
            for p in parts:
                if len(p) < 3 and not any(tight_script(ch) for ch in p):
                    continue
                if p.endswith("."):
                    continue
                for m in re.finditer(re.escape(p), masked):
                    a, b = m.start(), m.end()
                    before = masked[a - 1] if a > 0 else ""
                    after = masked[b] if b < len(masked) else ""
                    if tight_script(p[0]) or (not wordish(before) and not wordish(after)):
                        probs.append("unmarked repeat of name part %r" % p)
                        break
        else:
            if v in masked:
                probs.append("unmarked repeat of %s %r" % (e["tag"], v))
    return probs


def check_row(text, ents, looks):
    probs = []
    spans = sorted([(e["start"], e["end"]) for e in ents] +
                   [(s, e) for _t, s, e, _v in looks])
    for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
        if a2 < b1:
            probs.append("overlapping spans")
    for e in ents:
        if text[e["start"]:e["end"]] != e["value"]:
            probs.append("offset mismatch")
        p = check_entity(e)
        if p:
            probs.append("%s %r: %s" % (e["tag"], e["value"], p))
        before = text[e["start"] - 1] if e["start"] > 0 else ""
        after = text[e["end"]] if e["end"] < len(text) else ""
        first, last = e["value"][0], e["value"][-1]
        if wordish(before) and wordish(first) and not (tight_script(before) or tight_script(first)):
            probs.append("%s %r cuts a word at its start" % (e["tag"], e["value"]))
        if wordish(after) and wordish(last) and not (tight_script(after) or tight_script(last)):
            probs.append("%s %r cuts a word at its end" % (e["tag"], e["value"]))
    for tag, s, e, v in looks:
        p = check_lookalike(tag, v)
        if p:
            probs.append("%s %r: %s" % (tag, v, p))
    leaks, masked = leak_scan(text, spans)
    probs += leaks
    probs += repeat_scan(masked, ents)
    return probs, masked


# ---------------------------------------------------------------- main

def main(argv):
    check_only = "--check" in argv
    review = "--review" in argv
    rows, errors, seen = [], [], {}
    with open(SRC, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for ln, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        m = re.match(r"^\[([a-z]{2})\] (.+)$", line)
        if not m:
            errors.append("line %d: bad row format" % ln)
            continue
        lang, body = m.groups()
        try:
            text, ents, looks = parse(body)
        except BuildError as ex:
            errors.append("line %d: %s" % (ln, ex))
            continue
        if text in seen:
            errors.append("line %d: duplicate of line %d" % (ln, seen[text]))
        seen[text] = ln
        probs, masked = check_row(text, ents, looks)
        for p in probs:
            errors.append("line %d: %s" % (ln, p))
        rows.append((lang, text, ents, looks, masked, ln))

    if errors:
        for e in errors:
            print("ERROR", e, file=sys.stderr)
        print("%d error(s); holdout.jsonl NOT written" % len(errors), file=sys.stderr)
        return 1

    out_lines = []
    for i, (lang, text, ents, looks, masked, ln) in enumerate(rows):
        obj = {
            "id": "%s%03d" % (ID_PREFIX, i),
            "text": text,
            "entities": [{"type": TYPES[e["tag"]], "start": e["start"],
                          "end": e["end"], "value": e["value"]}
                         for e in sorted(ents, key=lambda x: x["start"])],
            "annotated_types": ANNOTATED,
        }
        out_lines.append(json.dumps(obj, ensure_ascii=False))

    if review or check_only:
        stats(rows)
    if review:
        print("\nUnmarked digit runs of 7+ digits:")
        for i, (lang, text, ents, looks, masked, ln) in enumerate(rows):
            for m in re.finditer(r"\d(?:[\d\-/. ]*\d)?", to_ascii_digits(masked)):
                if len(re.sub(r"\D", "", m.group())) >= 7:
                    print("  %s%03d [%s] %s" % (ID_PREFIX, i, lang, m.group()))
    if check_only:
        print("check OK: %d rows" % len(rows))
        return 0
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out_lines) + "\n")
    print("wrote %s: %d rows" % (OUT, len(rows)))
    return 0


def stats(rows):
    from collections import Counter, OrderedDict
    langs = OrderedDict()
    types, types_ne = Counter(), Counter()
    phone_cc, looks_c, brands, iban_cc = Counter(), Counter(), Counter(), Counter()
    intl = 0
    nopii = 0
    for lang, text, ents, looks, masked, ln in rows:
        r = langs.setdefault(lang, [0, 0])
        r[0] += 1
        if not ents:
            r[1] += 1
            nopii += 1
        for e in ents:
            types[TYPES[e["tag"]]] += 1
            if lang != "en":
                types_ne[TYPES[e["tag"]]] += 1
            if e["tag"] == "PHONE":
                v = to_ascii_digits(e["value"]).strip()
                if v.startswith("+") or v.startswith("00"):
                    intl += 1
                phone_cc[e["cc"] or ("INTL/US")] += 1
            if e["tag"] == "CC":
                brands[card_brand(re.sub(r"\D", "", e["value"]))] += 1
            if e["tag"] == "IBAN":
                iban_cc[e["value"][:2]] += 1
        for t, *_ in looks:
            looks_c[t] += 1
    n = len(rows)
    ne = sum(v[0] for k, v in langs.items() if k != "en")
    print("rows %d, no PII %d (%.1f%%), non-English %d (%.1f%%), languages %d"
          % (n, nopii, 100.0 * nopii / n, ne, 100.0 * ne / n, len(langs)))
    for k, v in sorted(langs.items(), key=lambda kv: (-kv[1][0], kv[0])):
        print("  %s %d %d" % (k, v[0], v[1]))
    print("spans %d" % sum(types.values()))
    for k, v in types.most_common():
        print("  %-15s %4d %4d" % (k, v, types_ne[k]))
    print("phones intl %d; by @cc %s" % (intl, dict(phone_cc.most_common())))
    print("cards %s" % dict(brands.most_common()))
    print("ibans %s" % dict(sorted(iban_cc.items())))
    print("look-alikes %s" % dict(looks_c))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
