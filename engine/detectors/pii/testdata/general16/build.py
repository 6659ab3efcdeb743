#!/usr/bin/env python3
"""Build holdout.jsonl for general16 from holdout.txt.

Standard library only. Refuses to write when any check fails.

    python3 build.py            check and write holdout.jsonl
    python3 build.py --check    check only
    python3 build.py --review   check, and list unmarked digit runs of 7+ digits
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
ID_PREFIX = "pg16-"

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

# ---------------------------------------------------------------- helpers

def is_cjk_like(ch):
    """CJK, kana, Hangul and Thai: scripts written without spaces."""
    if not ch:
        return False
    o = ord(ch)
    return (
        0x3040 <= o <= 0x30FF      # kana
        or 0x3400 <= o <= 0x4DBF   # CJK ext A
        or 0x4E00 <= o <= 0x9FFF   # CJK unified
        or 0xF900 <= o <= 0xFAFF
        or 0xAC00 <= o <= 0xD7AF   # Hangul syllables
        or 0x1100 <= o <= 0x11FF
        or 0x3130 <= o <= 0x318F
        or 0x0E00 <= o <= 0x0E7F   # Thai
        or 0xFF66 <= o <= 0xFF9F
    )


def is_word(ch):
    if not ch:
        return False
    cat = unicodedata.category(ch)
    return cat[0] in ("L", "N") or cat in ("Mn", "Mc")


def digits_of(s):
    return "".join(str(unicodedata.digit(c)) for c in s if unicodedata.category(c) == "Nd")


def luhn_ok(num):
    total = 0
    for i, c in enumerate(reversed(num)):
        d = int(c)
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
    if (p4 == 6011 or p2 == 65 or 644 <= p3 <= 649 or 622126 <= p6 <= 622925) and 16 <= n <= 19:
        return "discover"
    if (300 <= p3 <= 305 or p2 in (36, 38, 39) or p4 == 3095) and 14 <= n <= 19:
        return "diners"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    if 2200 <= p4 <= 2204 and 16 <= n <= 19:
        return "mir"
    return None


# IBAN: country -> (length, simplified BBAN shape)
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
    "IT": (27, r"[A-Z]\d{10}[A-Z0-9]{12}"),
    "LU": (20, r"\d{3}[A-Z0-9]{13}"),
    "NL": (18, r"[A-Z]{4}\d{10}"),
    "NO": (15, r"\d{11}"),
    "PL": (28, r"\d{24}"),
    "PT": (25, r"\d{21}"),
    "RO": (24, r"[A-Z]{4}[A-Z0-9]{16}"),
    "SA": (24, r"\d{2}[A-Z0-9]{18}"),
    "SE": (24, r"\d{20}"),
    "TR": (26, r"\d{5}0[A-Z0-9]{16}"),
    "UA": (29, r"\d{6}[A-Z0-9]{19}"),
}


def iban_mod97(s):
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97


def iban_ok(compact):
    cc = compact[:2]
    if cc not in IBAN_SPEC:
        return False
    length, shape = IBAN_SPEC[cc]
    if len(compact) != length or not compact[2:4].isdigit():
        return False
    if not re.fullmatch(shape, compact[4:]):
        return False
    return iban_mod97(compact) == 1


def iban_fill(value):
    """Replace the ## check digits in an IBAN value."""
    compact = value.replace(" ", "")
    assert compact[2:4] == "##", value
    base = compact[:2] + "00" + compact[4:]
    check = 98 - iban_mod97(base)
    return value.replace("##", "%02d" % check, 1)


SSN_BANNED = {"078051120", "219099999", "123456789"}


def ssn_ok(value):
    m = re.fullmatch(r"(\d{3})([- ])(\d{2})\2(\d{4})", value)
    if not m:
        return False
    a, g, s = m.group(1), m.group(3), m.group(4)
    if a in ("000", "666") or a[0] == "9" or g == "00" or s == "0000":
        return False
    d = a + g + s
    if d in SSN_BANNED or d.startswith("98765432") or len(set(d)) == 1:
        return False
    return True


def ssn_shaped(value):
    return re.fullmatch(r"\d{3}([- ])\d{2}\1\d{4}", value) is not None


# ---------------------------------------------------------------- phones
# country -> (calling code, trunk prefix or "", NSN regex)
PHONES = {
    "US": ("1", "1", r"[2-9]\d{2}5550(1\d\d)"),
    "CA": ("1", "1", r"[2-9]\d{2}5550(1\d\d)"),
    "GB": ("44", "0", r"7700900\d{3}|2079460\d{3}|1[1-9]14960\d{3}|11[3-8]4960\d{3}|1914980\d{3}|2920180\d{3}|2896496\d{3}|1632960\d{3}"),
    "IE": ("353", "0", r"[1-9]\d{6,8}"),
    "AU": ("61", "0", r"491570\d{3}|4915707\d{2}|255501\d{3}|370101\d{3}|755501\d{3}|855501\d{3}"),
    "DE": ("49", "0", r"1[5-7]\d{8,9}|[2-9]\d{6,10}"),
    "AT": ("43", "0", r"6[5-9]\d{7,10}|[1-9]\d{6,10}"),
    "CH": ("41", "0", r"[2-9]\d{8}"),
    "FR": ("33", "0", r"[1-9]\d{8}"),
    "BE": ("32", "0", r"4\d{8}|[1-9]\d{7}"),
    "NL": ("31", "0", r"6\d{8}|[1-9]\d{8}"),
    "ES": ("34", "", r"[6-9]\d{8}"),
    "PT": ("351", "", r"9[1236]\d{7}|2\d{8}"),
    "IT": ("39", "", r"3\d{8,9}|0\d{5,10}"),
    "PL": ("48", "", r"[1-9]\d{8}"),
    "SE": ("46", "0", r"7[02369]\d{7}|[1-9]\d{6,8}"),
    "TR": ("90", "0", r"5\d{9}|[2-4]\d{9}"),
    "GR": ("30", "", r"69\d{8}|2\d{9}"),
    "RU": ("7", "8", r"9\d{9}|[3-8]\d{9}"),
    "UA": ("380", "0", r"[3-9]\d{8}"),
    "IL": ("972", "0", r"5\d{8}|[2-9]\d{7}"),
    "AE": ("971", "0", r"5\d{8}|[2-9]\d{7}"),
    "SA": ("966", "0", r"5\d{8}|1\d{7,8}"),
    "EG": ("20", "0", r"1[0125]\d{8}|[2-9]\d{7,8}"),
    "MA": ("212", "0", r"[5-7]\d{8}"),
    "IN": ("91", "0?", r"[6-9]\d{9}|[1-5]\d{9}"),
    "TH": ("66", "0", r"[689]\d{8}|[2-7]\d{7}"),
    "VN": ("84", "0", r"[35789]\d{8}|2\d{9}"),
    "ID": ("62", "0", r"8\d{8,11}|[2-7]\d{7,10}"),
    "KE": ("254", "0", r"[17]\d{8}|[2-6]\d{7,8}"),
    "TZ": ("255", "0", r"[67]\d{8}|2\d{8}"),
    "NG": ("234", "0", r"[789][01]\d{8}"),
    "CN": ("86", "0?", r"1[3-9]\d{9}|[2-9]\d{9,10}"),
    "JP": ("81", "0", r"[789]0\d{8}|[1-9]\d{8}"),
    "KR": ("82", "0", r"1[016789]\d{7,8}|[2-6]\d{7,9}"),
    "BR": ("55", "", r"[1-9][1-9]9\d{8}|[1-9][1-9][2-5]\d{7}"),
    "MX": ("52", "", r"[1-9]\d{9}"),
    "AR": ("54", "0", r"9?[1-9]\d{9}"),
    "PH": ("63", "0", r"9\d{9}|[2-8]\d{7,9}"),
    "SG": ("65", "", r"[689]\d{7}"),
}
PHONE_CHARS = re.compile(r"[0-9 ()\-./+]+")


def phone_country_match(value, cc):
    """True if value is a valid national or international number of cc."""
    code, trunk, nsn = PHONES[cc]
    v = value.strip()
    if v.startswith("+") or v.startswith("00"):
        rest = v[1:] if v.startswith("+") else v[2:]
        rest = re.sub(r"^[ ]*", "", rest)
        if not rest.startswith(code):
            return False
        tail = rest[len(code):]
        tail = re.sub(r"^[ \-.]*\(0\)", "", tail)
        d = re.sub(r"[ ()\-./]", "", tail)
        if not d.isdigit():
            return False
        return re.fullmatch(nsn, d) is not None
    d = re.sub(r"[ ()\-./]", "", v)
    if not d.isdigit():
        return False
    if trunk == "0?":
        return re.fullmatch("0?(?:%s)" % nsn, d) is not None
    if code == "1":
        return re.fullmatch("1?(?:%s)" % nsn, d) is not None
    if trunk:
        return d.startswith(trunk) and re.fullmatch(nsn, d[len(trunk):]) is not None
    return re.fullmatch(nsn, d) is not None


def phone_ok(value, cc):
    if not PHONE_CHARS.fullmatch(value) or value.count("+") > 1:
        return "bad characters"
    if "+" in value and not value.startswith("+"):
        return "plus not at start"
    intl = value.startswith("+") or value.startswith("00")
    if cc:
        if cc not in PHONES:
            return "unknown country " + cc
        return None if phone_country_match(value, cc) else "not a valid %s number" % cc
    if intl:
        for c in PHONES:
            if phone_country_match(value, c):
                return None
        return "international number matches no country"
    if phone_country_match(value, "US"):
        return None
    return "national number without @cc must be US/NANP"


# ---------------------------------------------------------------- other syntax
EMAIL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(
    r"(https?://[^\s/]+(/\S*)?|www\.[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+(/\S*)?|[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(:\d+)?/\S*)"
)

TITLES_START = [
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "coach",
    "grandpa", "grandma", "auntie", "aunt", "uncle", "father", "mother", "fr.", "captain", "capt.", "skipper",
    "herr", "frau", "familie", "mme", "mme.", "m.", "mlle", "madame", "monsieur", "don", "doña", "señor",
    "señora", "sr.", "sra.", "signora", "signor", "maestra", "maestro", "pan", "pani", "panie", "κ.", "κα",
    "κος", "السيد", "السيدة", "الأستاذ", "الكابتن", "מר", "גב'", "श्री", "डॉ.", "anh", "chị", "em", "cô", "chú", "ông", "bà",
    "bapak", "pak", "bu", "ibu", "mama", "baba", "bwana", "tante", "onkel", "tio", "tia", "tía", "tío",
    "senhor", "senhora", "sr", "sra", "dona", "seu", "hoca", "hocam", "abi", "abla", "teyze", "тренер",
    "господин", "госпожа", "коуч", "kak", "mbak", "mas",
]
TITLES_END = [
    "bey", "hanım", "hanim", "jee", "जी", "भैया", "sahab", "san", "sama", "sensei", "-san", "-sama", "hoca", "hocam",
    "abi", "abla",
]
CJK_SUFFIX = ["様", "さん", "님", "씨", "先生", "女士", "阿姨", "くん", "ちゃん", "선생님", "코치", "監督", "教练", "老师"]
CJK_PREFIX = ["คุณ", "โค้ช"]


def person_problem(v):
    if any(unicodedata.category(c) == "Nd" for c in v):
        return "digit in PERSON"
    words = v.split()
    if not words:
        return "empty PERSON"
    if words[0].lower() in TITLES_START:
        return "title at start of PERSON: " + words[0]
    if len(words) > 1 and words[-1].lower() in TITLES_END:
        return "title at end of PERSON: " + words[-1]
    for s in CJK_SUFFIX:
        if v.endswith(s):
            return "attached honorific in PERSON: " + s
    for p in CJK_PREFIX:
        if v.startswith(p):
            return "attached honorific in PERSON: " + p
    if v != v.strip() or v[-1] in ".,;:!?'’\"":
        return "PERSON has surrounding punctuation/space"
    return None


# ---------------------------------------------------------------- parsing
MARK = re.compile(r"⟦([^|⟦⟧]*)\|([^⟦⟧]*)⟧")


def unescape(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            if n == "n":
                out.append("\n")
            elif n == "t":
                out.append("\t")
            elif n == "\\":
                out.append("\\")
            else:
                raise ValueError("unknown escape \\" + n)
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def parse_line(line):
    m = re.match(r"\[([a-z]{2}(?:-[A-Z]{2})?)\] (.*)$", line)
    if not m:
        raise ValueError("bad line shape")
    lang, body = m.group(1), m.group(2)
    text = []
    pos = 0
    spans = []   # (type, start, end, value, cc)
    looks = []   # (kind, start, end, value)
    last = 0
    for mm in MARK.finditer(body):
        pre = unescape(body[last:mm.start()])
        if "⟦" in pre or "⟧" in pre:
            raise ValueError("stray bracket")
        text.append(pre)
        pos += len(pre)
        tag, raw = mm.group(1), mm.group(2)
        value = unescape(raw)
        if tag.startswith("~"):
            kind = tag[1:]
            if kind not in LOOKALIKES:
                raise ValueError("unknown look-alike kind " + tag)
            looks.append((kind, pos, pos + len(value), value))
        else:
            cc = None
            if "@" in tag:
                tag, cc = tag.split("@", 1)
                if tag != "PHONE":
                    raise ValueError("@cc only on PHONE")
            if tag not in TYPES:
                raise ValueError("unknown tag " + tag)
            if tag == "CC":
                if value.count("#") != 1 or not value.endswith("#"):
                    raise ValueError("CC value needs one trailing #")
                d = re.sub(r"[ \-]", "", value[:-1])
                value = value[:-1] + luhn_digit(d)
            elif tag == "IBAN":
                value = iban_fill(value)
            spans.append((tag, pos, pos + len(value), value, cc))
        text.append(value)
        pos += len(value)
        last = mm.end()
    tail = unescape(body[last:])
    if "⟦" in tail or "⟧" in tail:
        raise ValueError("stray bracket")
    text.append(tail)
    return lang, "".join(text), spans, looks


# ---------------------------------------------------------------- checks
PARTICLES = {
    "van", "der", "den", "de", "la", "le", "del", "della", "da", "das", "dos", "do", "di", "du", "von", "al",
    "el", "bin", "binti", "ben", "bint", "y", "e", "ter", "ten", "mc", "st", "abu", "ibn", "jr", "de'",
}


def check_span(tag, value, cc, text, start, end):
    errs = []
    if value != value.strip():
        errs.append("span has outer whitespace")
    if not value:
        errs.append("empty span")
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    first, lastc = value[:1], value[-1:]
    if is_word(before) and is_word(first) and not (is_cjk_like(before) or is_cjk_like(first)):
        errs.append("span cuts a word at start")
    if is_word(after) and is_word(lastc) and not (is_cjk_like(after) or is_cjk_like(lastc)):
        errs.append("span cuts a word at end")
    if tag == "CC":
        d = re.sub(r"[ \-]", "", value)
        if not d.isdigit() or not luhn_ok(d) or not card_brand(d):
            errs.append("bad card " + value)
        if not re.fullmatch(r"\d+([ \-]\d+)*", value):
            errs.append("bad card grouping " + value)
    elif tag == "IBAN":
        compact = value.replace(" ", "")
        if not iban_ok(compact):
            errs.append("bad IBAN " + value)
        if " " in value and not re.fullmatch(r"([A-Z0-9]{4} )+[A-Z0-9]{1,4}", value):
            errs.append("IBAN not grouped by 4: " + value)
    elif tag == "SSN":
        if not ssn_ok(value):
            errs.append("bad SSN " + value)
    elif tag == "PHONE":
        p = phone_ok(value, cc)
        if p:
            errs.append("phone %s: %s" % (value, p))
    elif tag == "EMAIL":
        if not EMAIL_RE.fullmatch(value):
            errs.append("bad email " + value)
    elif tag == "URL":
        if not URL_RE.fullmatch(value):
            errs.append("bad URL " + value)
    elif tag == "IP":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            errs.append("bad IP " + value)
    elif tag == "PER":
        p = person_problem(value)
        if p:
            errs.append(p)
    elif tag == "ADDR":
        if not any(unicodedata.category(c) == "Nd" for c in value):
            errs.append("address without digit: " + value)
    return errs


def check_look(kind, value):
    if kind == "CC":
        d = re.sub(r"[ \-]", "", value)
        if not d.isdigit() or luhn_ok(d):
            return ["~CC passes Luhn: " + value]
    elif kind == "IBAN":
        if iban_ok(value.replace(" ", "")):
            return ["~IBAN is valid: " + value]
    elif kind == "SSN":
        if not ssn_shaped(value) or ssn_ok(value):
            return ["~SSN not a rule-breaking SSN shape: " + value]
    return []


def masked(text, ranges):
    chars = list(text)
    for s, e in ranges:
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = "\u2591"
    return "".join(chars)


def find_word(hay, needle):
    """Case-insensitive search for needle as a whole word (substring for CJK/Thai)."""
    h, n = hay.lower(), needle.lower()
    i = h.find(n)
    while i >= 0:
        b = h[i - 1] if i > 0 else ""
        a = h[i + len(n)] if i + len(n) < len(h) else ""
        if is_cjk_like(n[0]) or (not is_word(b) and not is_word(a)):
            return i
        i = h.find(n, i + 1)
    return -1


IPV4_RE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d]|\.\d)")
IPV6_RE = re.compile(r"(?<![\w:])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![\w:])")
CARD_RE = re.compile(r"(?<!\d)\d(?:[ \-]?\d){12,18}(?!\d)")
SSN_RE = re.compile(r"(?<!\d)\d{3}([- ])\d{2}\1\d{4}(?!\d)")
IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}")


def leak_scan(text, spans, looks):
    errs = []
    m = masked(text, [(s, e) for _, s, e, _, _ in spans] + [(s, e) for _, s, e, _ in looks])
    for x in EMAIL_RE.finditer(m):
        errs.append("unmarked email: " + x.group(0))
    for x in URL_RE.finditer(m):
        g = x.group(0)
        if re.match(r"\d", g) and not g.startswith("www"):
            continue
        errs.append("unmarked URL: " + g)
    for x in IPV4_RE.finditer(m):
        try:
            ipaddress.IPv4Address(x.group(1))
            errs.append("unmarked IPv4: " + x.group(1))
        except ValueError:
            pass
    for x in IPV6_RE.finditer(m):
        g = x.group(1)
        if g.count(":") >= 2 and re.search(r"[0-9A-Fa-f]", g):
            try:
                ipaddress.IPv6Address(g)
                errs.append("unmarked IPv6: " + g)
            except ValueError:
                pass
    for x in CARD_RE.finditer(m):
        d = re.sub(r"[ \-]", "", x.group(0))
        if 13 <= len(d) <= 19 and luhn_ok(d) and card_brand(d):
            errs.append("unmarked card: " + x.group(0))
    for x in SSN_RE.finditer(m):
        if ssn_ok(x.group(0)):
            errs.append("unmarked SSN: " + x.group(0))
    for x in IBAN_START.finditer(m):
        rest = m[x.start():x.start() + 50]
        compact = ""
        for ch in rest:
            if ch == " ":
                continue
            if not (ch.isascii() and ch.isalnum()):
                break
            compact += ch.upper() if ch.isalpha() else ch
            if len(compact) >= 15 and iban_ok(compact):
                errs.append("unmarked IBAN: " + compact)
                break
    # entity values and name parts must not appear unmarked elsewhere
    for tag, s, e, v, _ in spans:
        if tag == "PER":
            parts = [v] if is_cjk_like(v[0]) else re.split(r"[\s\-'’.]+", v)
            for p in parts:
                if len(p) < 2 or p.lower() in PARTICLES:
                    continue
                if not is_cjk_like(p[0]) and len(p) < 3:
                    continue
                if find_word(m, p) >= 0:
                    errs.append("name part %r of PERSON %r appears unmarked" % (p, v))
        else:
            if v in m:
                errs.append("%s value %r appears unmarked" % (tag, v))
            if tag in ("PHONE", "CC", "IBAN", "SSN"):
                dv = re.sub(r"\D", "", v) if tag != "IBAN" else v.replace(" ", "")
                dm = re.sub(r"[ \-().]", "", m)
                if len(dv) >= 7 and dv in dm:
                    errs.append("%s value %r appears unmarked (compact)" % (tag, v))
    return errs


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    rows = []
    errors = []
    seen = {}
    with open(SRC, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            try:
                lang, text, spans, looks = parse_line(line)
            except ValueError as ex:
                errors.append("line %d: %s" % (lineno, ex))
                continue
            errs = []
            for tag, s, e, v, cc in spans:
                errs += check_span(tag, v, cc, text, s, e)
                if text[s:e] != v:
                    errs.append("offset mismatch")
            for kind, s, e, v in looks:
                errs += check_look(kind, v)
            errs += leak_scan(text, spans, looks)
            if text in seen:
                errs.append("duplicate of line %d" % seen[text])
            seen[text] = lineno
            for x in errs:
                errors.append("line %d: %s" % (lineno, x))
            rows.append((lineno, lang, text, spans, looks))
    if mode == "--review":
        for lineno, lang, text, spans, looks in rows:
            m = masked(text, [(s, e) for _, s, e, _, _ in spans] + [(s, e) for _, s, e, _ in looks])
            for x in re.finditer(r"\d[\d \-./]{5,}\d", m):
                if len(re.sub(r"\D", "", x.group(0))) >= 7:
                    print("review line %d [%s]: %s" % (lineno, lang, x.group(0)))
    if errors:
        for x in errors:
            print(x, file=sys.stderr)
        print("%d error(s); holdout.jsonl NOT written" % len(errors), file=sys.stderr)
        sys.exit(1)
    out = []
    for i, (lineno, lang, text, spans, looks) in enumerate(rows):
        ents = [
            {"type": TYPES[t], "start": s, "end": e, "value": v}
            for t, s, e, v, _ in sorted(spans, key=lambda x: x[1])
        ]
        out.append(json.dumps(
            {"id": "%s%03d" % (ID_PREFIX, i), "text": text, "entities": ents, "annotated_types": ANNOTATED},
            ensure_ascii=False,
        ))
    print("%d rows, %d spans: OK" % (len(rows), sum(len(r[3]) for r in rows)))
    if mode in ("--check", "--review"):
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
