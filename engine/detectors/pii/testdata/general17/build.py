#!/usr/bin/env python3
"""Build holdout.jsonl for general17 from holdout.txt.

Python 3, standard library only. Written from scratch from the checklist in
the general16 README. Refuses to write the output if any check fails.

    python3 build.py            check and write holdout.jsonl
    python3 build.py --check    check only
    python3 build.py --review   check, then list unmarked 7+ digit runs
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
ID_PREFIX = "pg17-"

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

# ---------------------------------------------------------------- helpers


def is_wordch(c):
    cat = unicodedata.category(c)
    return cat[0] in "LMN" or c == "_"


def is_cjkish(c):
    o = ord(c)
    return (
        0x3040 <= o <= 0x30FF  # kana
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2FA1F
        or 0xAC00 <= o <= 0xD7AF  # hangul syllables
        or 0x1100 <= o <= 0x11FF
        or 0x3130 <= o <= 0x318F
        or 0x0E00 <= o <= 0x0E7F  # thai
        or 0x31F0 <= o <= 0x31FF
        or 0xFF66 <= o <= 0xFF9F
    )


def digits(s):
    return "".join(c for c in s if c.isdigit() and c.isascii())


def luhn_ok(d):
    tot = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return tot % 10 == 0


def luhn_fill(d_with_hash):
    for x in "0123456789":
        cand = d_with_hash.replace("#", x)
        if luhn_ok(digits(cand)):
            return cand
    raise ValueError("no luhn digit")


def card_brand(d):
    n = len(d)
    p2, p3, p4, p6 = int(d[:2]), int(d[:3]), int(d[:4]), int(d[:6])
    if d[0] == "4" and n in (13, 16, 19):
        return "Visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "Mastercard"
    if p2 in (34, 37) and n == 15:
        return "Amex"
    if (p4 == 6011 or p2 == 65 or 644 <= p3 <= 649 or 622126 <= p6 <= 622925) and 16 <= n <= 19:
        return "Discover"
    if (300 <= p3 <= 305 or p2 in (36, 38, 39) or p4 == 3095) and 14 <= n <= 19:
        return "Diners"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "JCB"
    if p2 == 62 and 16 <= n <= 19:
        return "UnionPay"
    if 2200 <= p4 <= 2204 and 16 <= n <= 19:
        return "Mir"
    return None


def card_groups_ok(v):
    if re.fullmatch(r"\d+", v):
        return True
    for sep in (" ", "-"):
        if re.fullmatch(r"\d+(?:%s\d+)+" % re.escape(sep), v):
            return True
    return False


# IBAN lengths and simplified BBAN shapes (n = digits, a = upper letters,
# c = alphanumeric).
IBAN = {
    "AD": (24, "8n12c"), "AE": (23, "3n16n"), "AT": (20, "16n"),
    "BE": (16, "12n"), "BG": (22, "4a6n8c"), "BR": (29, "23n1a1c"),
    "CH": (21, "5n12c"), "CY": (28, "8n16c"), "CZ": (24, "20n"),
    "DE": (22, "18n"), "DK": (18, "14n"), "EE": (20, "16n"),
    "ES": (24, "20n"), "FI": (18, "14n"), "FR": (27, "10n11c2n"),
    "GB": (22, "4a14n"), "GR": (27, "7n16c"), "HR": (21, "17n"),
    "HU": (28, "24n"), "IE": (22, "4c14n"), "IL": (23, "19n"),
    "IT": (27, "1a10n12c"), "LU": (20, "3n13c"), "MT": (31, "4a5n18c"),
    "NL": (18, "4a10n"), "NO": (15, "11n"), "PL": (28, "24n"),
    "PT": (25, "21n"), "RO": (24, "4a16c"), "SA": (24, "2n18c"),
    "SE": (24, "20n"), "TR": (26, "5n1n16c"), "UA": (29, "6n19c"),
    "EG": (29, "25n"), "MA": (28, "24n"),
}


def bban_re(shape):
    out = ""
    for num, kind in re.findall(r"(\d+)([nac])", shape):
        cls = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}[kind]
        out += "%s{%s}" % (cls, num)
    return re.compile(out + r"\Z")


def iban_mod97(s):
    r = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in r)
    return int(num) % 97 == 1


def iban_valid(compact):
    cc = compact[:2]
    if cc not in IBAN or len(compact) != IBAN[cc][0]:
        return False
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", compact):
        return False
    return iban_mod97(compact)


def iban_fill(v):
    compact = v.replace(" ", "")
    for k in range(2, 99):
        cand = compact.replace("##", "%02d" % k, 1)
        if iban_mod97(cand):
            return v.replace("##", "%02d" % k, 1)
    raise ValueError("no iban check digits")


def iban_check(v):
    compact = v.replace(" ", "")
    cc = compact[:2]
    if cc not in IBAN:
        return "unknown IBAN country %s" % cc
    ln, shape = IBAN[cc]
    if len(compact) != ln:
        return "IBAN %s length %d != %d" % (cc, len(compact), ln)
    if not bban_re(shape).match(compact[4:]):
        return "IBAN %s BBAN shape" % cc
    if not iban_mod97(compact):
        return "IBAN mod 97"
    if " " in v:
        parts = v.split(" ")
        if any(len(p) != 4 for p in parts[:-1]) or not 1 <= len(parts[-1]) <= 4:
            return "IBAN not grouped by 4"
    return None


SSN_BAD = {"078051120", "219099999", "123456789"}


def ssn_rules(area, group, serial):
    if area in ("000", "666") or area[0] == "9":
        return False
    if group == "00" or serial == "0000":
        return False
    d = area + group + serial
    if d in SSN_BAD or d.startswith("98765432"):
        return False
    if len(set(d)) == 1:
        return False
    return True


def ssn_shape(v):
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", v)
    return m


# ---------------------------------------------------------------- phones
# cc: (calling code, trunk prefix, trunk optional, NSN regex)
PHONES = {
    "US": ("1", "", False, r"[2-9]\d\d555(01\d\d)"),
    "CA": ("1", "", False, r"[2-9]\d\d555(01\d\d)"),
    "GB": ("44", "0", False,
           r"(7700900\d{3}|1134960\d{3}|1174960\d{3}|1314960\d{3}|1514960\d{3}|1614960\d{3}|1632960\d{3}|2079460\d{3})"),
    "IE": ("353", "0", False, r"[1-9]\d{6,8}"),
    "DE": ("49", "0", False, r"(1[5-7]\d{8,9}|[2-9]\d{5,10})"),
    "AT": ("43", "0", False, r"[1-9]\d{5,11}"),
    "CH": ("41", "0", False, r"[1-9]\d{8}"),
    "FR": ("33", "0", False, r"[1-9]\d{8}"),
    "BE": ("32", "0", False, r"[1-9]\d{7,8}"),
    "NL": ("31", "0", False, r"[1-9]\d{8}"),
    "LU": ("352", "", False, r"\d{6,9}"),
    "ES": ("34", "", False, r"[6-9]\d{8}"),
    "PT": ("351", "", False, r"[29]\d{8}"),
    "IT": ("39", "", False, r"(0\d{5,10}|3\d{8,9})"),
    "PL": ("48", "", False, r"[1-9]\d{8}"),
    "CZ": ("420", "", False, r"[2-9]\d{8}"),
    "SE": ("46", "0", False, r"[1-9]\d{6,8}"),
    "NO": ("47", "", False, r"[2-9]\d{7}"),
    "DK": ("45", "", False, r"[2-9]\d{7}"),
    "FI": ("358", "0", False, r"[1-9]\d{5,9}"),
    "GR": ("30", "", False, r"(2\d{9}|69\d{8})"),
    "TR": ("90", "0", False, r"[2-5]\d{9}"),
    "RU": ("7", "8", False, r"[3489]\d{9}"),
    "UA": ("380", "0", False, r"[3-9]\d{8}"),
    "IL": ("972", "0", False, r"([2-489]\d{7}|5\d{8}|7\d{8})"),
    "SA": ("966", "0", False, r"(1\d{7}|5\d{8})"),
    "AE": ("971", "0", False, r"([2-79]\d{7}|5\d{8})"),
    "EG": ("20", "0", False, r"(1\d{9}|[2-9]\d{7,8})"),
    "MA": ("212", "0", False, r"[5-7]\d{8}"),
    "IN": ("91", "0", True, r"[2-9]\d{9}"),
    "PK": ("92", "0", False, r"[2-9]\d{8,9}"),
    "CN": ("86", "0", True, r"(1[3-9]\d{9}|[2-9]\d{8,10})"),
    "JP": ("81", "0", False, r"[1-9]\d{8,9}"),
    "KR": ("82", "0", False, r"(1[0-9]\d{7,8}|[2-6]\d{7,9})"),
    "VN": ("84", "0", False, r"[1-9]\d{8,9}"),
    "TH": ("66", "0", False, r"[2-9]\d{7,8}"),
    "ID": ("62", "0", False, r"[2-9]\d{7,11}"),
    "MY": ("60", "0", False, r"[1-9]\d{7,9}"),
    "PH": ("63", "0", False, r"[2-9]\d{7,9}"),
    "SG": ("65", "", False, r"[3689]\d{7}"),
    "AU": ("61", "0", False, r"[2-478]\d{8}"),
    "NZ": ("64", "0", False, r"[2-9]\d{7,9}"),
    "BR": ("55", "0", True, r"[1-9]{2}9?\d{8}"),
    "MX": ("52", "", False, r"[1-9]\d{9}"),
    "AR": ("54", "0", False, r"9?[1-9]\d{9}"),
    "ZA": ("27", "0", False, r"[1-8]\d{8}"),
    "NG": ("234", "0", False, r"[1-9]\d{7,9}"),
    "KE": ("254", "0", False, r"[17]\d{8}"),
}


def phone_format_ok(v):
    return re.fullmatch(r"\+?[0-9(][0-9 ()\-./]*[0-9]", v) is not None


def phone_check(v, cc):
    """Return None if valid, else an error string."""
    if not phone_format_ok(v):
        return "phone characters"
    s = v.strip()
    intl = s.startswith("+") or s.startswith("00")
    if intl:
        body = s[1:] if s.startswith("+") else s[2:]
        body = body.replace("(0)", "", 1)
        d = digits(body)
        matches = []
        for c, (code, trunk, opt, nsn) in PHONES.items():
            if d.startswith(code) and re.fullmatch(nsn, d[len(code):]):
                matches.append(c)
        if not matches:
            return "international phone matches no country"
        if cc and cc not in matches:
            return "international phone not in %s (%s)" % (cc, matches)
        return None
    d = digits(s)
    if cc is None:
        # must be NANP
        if len(d) == 11 and d[0] == "1":
            d = d[1:]
        if re.fullmatch(PHONES["US"][3], d):
            return None
        return "PHONE without @cc must be international or NANP 555-01xx"
    if cc not in PHONES:
        return "unknown phone country %s" % cc
    code, trunk, opt, nsn = PHONES[cc]
    if cc in ("US", "CA") and len(d) == 11 and d[0] == "1":
        d = d[1:]
    if trunk:
        if d.startswith(trunk) and re.fullmatch(nsn, d[len(trunk):]):
            return None
        if opt and re.fullmatch(nsn, d):
            return None
        return "national %s phone" % cc
    if re.fullmatch(nsn, d):
        return None
    return "national %s phone" % cc


# ---------------------------------------------------------------- syntax

EMAIL_RE = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}")
URL_RE = re.compile(
    r"(?:https?://[^\s/$.?#][^\s]*"
    r"|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[^\s]*)?"
    r"|(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/[^\s]*)")

# Leak patterns (applied to masked text).
LEAK_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
LEAK_URL = re.compile(
    r"(?i)(?:https?://\S+|\bwww\.[a-z0-9-]+\.\S+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/\S*)")
LEAK_V4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d])")
LEAK_V6 = re.compile(r"(?<![0-9A-Za-z:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.%A-Za-z0-9]*")
LEAK_SSN = re.compile(r"(?<!\d)(\d{3})([- ])(\d{2})\2(\d{4})(?!\d)")

TITLES = {
    # English and general
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev",
    "revd", "reverend", "sir", "dame", "lord", "lady", "coach", "captain",
    "capt", "sgt", "officer", "judge", "justice", "auntie", "aunty",
    "aunt", "uncle", "father", "fr", "mother", "sister", "brother", "nana",
    "grandma", "grandpa", "granny", "mum", "mom", "dad", "teacher", "madam",
    "sr", "jr", "esq", "hon", "mister", "nurse", "pastor", "rabbi", "imam",
    "sheikh", "cllr", "councillor",
    # German, Dutch, French, Spanish, Portuguese, Italian
    "herr", "frau", "hr", "fr.", "dhr", "mevr", "mevrouw", "meneer",
    "juf", "meester", "mme", "mlle", "monsieur", "madame", "maître",
    "maitre", "don", "doña", "dona", "sr.", "sra", "srta", "señor",
    "señora", "senhor", "senhora", "signor", "signora", "signorina",
    "sig", "sig.ra", "dott", "dott.ssa", "avv", "ing", "prof.ssa",
    "professora", "profesora", "profesor", "maestra", "maestro", "tía",
    "tio", "tío", "tia", "zia", "zio", "tante", "onkel", "oma", "opa",
    # Polish, Turkish, Greek, Russian, Ukrainian
    "pan", "pani", "panie", "panu", "państwo", "bey", "hanım", "hanim",
    "hoca", "hocam", "abla", "abi", "teyze", "amca", "κ", "κα", "κος",
    "κυρία", "κύριος", "κύριε", "господин", "госпожа", "тренер",
    "учитель", "учительница", "тётя", "дядя", "пан", "пані",
    # Arabic, Hebrew, Hindi
    "السيد", "السيدة", "الأستاذ", "الأستاذة", "د", "الدكتور", "أستاذ",
    "مر", "מר", "גב", "גברת", "ד\"ר", "הגב", "श्री", "श्रीमती", "जी",
    "डॉ", "सुश्री", "मैडम", "सर",
    "ibu", "bapak", "encik", "puan",
}
# Honorifics that are also common name parts: checked at the start only.
START_ONLY = {"anh", "chị", "em", "cô", "chú", "bác", "ông", "bà", "thầy",
              "pak", "bu", "mas", "mbak", "kak"}
CJK_SUFFIXES = ["様", "さん", "くん", "ちゃん", "님", "씨", "先生", "女士",
                "阿姨", "教练", "老师", "师傅", "妈妈", "엄마", "先輩", "선생님", "부장", "과장",
                "사장", "殿", "氏", "部長", "课长", "經理", "经理", "总"]
THAI_PREFIXES = ["คุณ", "โค้ช", "ครู", "นาย", "นาง", "นางสาว"]
PARTICLES = {"van", "der", "den", "de", "la", "le", "du", "des", "da",
             "das", "do", "dos", "di", "del", "della", "von", "zu", "al",
             "el", "bin", "binti", "bint", "ibn", "ben", "bat", "ap", "ter",
             "ten", "op", "y", "e", "mac", "abu", "af", "av"}


def script_cjkish(s):
    return any(is_cjkish(c) for c in s)


def person_check(v):
    if any(c.isdigit() for c in v):
        return "PERSON has digit"
    if not is_wordch(v[0]) or not is_wordch(v[-1]):
        return "PERSON outer punctuation"
    toks = re.split(r"\s+", v)
    for pos, t in ((0, toks[0]), (1, toks[-1])):
        tl = t.lower().rstrip(".")
        if tl in TITLES or t.lower() in TITLES or (pos == 0 and tl in START_ONLY):
            return "PERSON title/honorific at edge: %r" % t
    for suf in CJK_SUFFIXES:
        if v.endswith(suf) and len(v) > len(suf):
            return "PERSON has attached suffix %s" % suf
    for pre in THAI_PREFIXES:
        if v.startswith(pre):
            return "PERSON has Thai prefix %s" % pre
    return None


# ---------------------------------------------------------------- parse

MARK_RE = re.compile(r"⟦(~?)([A-Z]*)(?:@([A-Z]{2}))?\|([^⟦⟧]*)⟧")


def unescape(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s) and s[i + 1] in "nt\\":
            out.append({"n": "\n", "t": "\t", "\\": "\\"}[s[i + 1]])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def parse_line(body, errs):
    text = []
    pos = 0
    ents = []
    looks = []
    last = 0
    for m in MARK_RE.finditer(body):
        pre = unescape(body[last:m.start()])
        text.append(pre)
        pos += len(pre)
        tilde, kind, cc, val = m.group(1), m.group(2), m.group(3), unescape(m.group(4))
        if tilde:
            if kind not in LOOKALIKES:
                errs.append("unknown look-alike kind ~%s" % kind)
            looks.append((kind, pos, pos + len(val), val))
        else:
            if kind not in TYPES:
                errs.append("unknown type %s" % kind)
                kind = "PER"
            if kind == "CC" and "#" in val:
                val = luhn_fill(val)
            if kind == "IBAN" and "##" in val:
                val = iban_fill(val)
            if cc and kind != "PHONE":
                errs.append("@cc only for PHONE")
            ents.append({"kind": kind, "cc": cc, "start": pos,
                         "end": pos + len(val), "value": val})
        text.append(val)
        pos += len(val)
        last = m.end()
    tail = unescape(body[last:])
    if "⟦" in tail or "⟧" in tail or any("⟦" in unescape(body[a:b]) for a, b in []):
        errs.append("stray markup bracket")
    text.append(tail)
    full = "".join(text)
    if "⟦" in full or "⟧" in full:
        errs.append("stray markup bracket")
    return full, ents, looks


# ---------------------------------------------------------------- checks


def check_entity(e, errs):
    k, v = e["kind"], e["value"]
    if v != v.strip() or not v:
        errs.append("%s span has outer whitespace: %r" % (k, v))
    if k == "PER":
        r = person_check(v)
        if r:
            errs.append("%s: %r" % (r, v))
    elif k == "ADDR":
        if not any(unicodedata.decimal(c, None) is not None for c in v):
            errs.append("ADDR without digit: %r" % v)
    elif k == "EMAIL":
        if not EMAIL_RE.fullmatch(v):
            errs.append("bad email %r" % v)
    elif k == "URL":
        if not URL_RE.fullmatch(v):
            errs.append("bad url %r" % v)
    elif k == "IP":
        try:
            ipaddress.ip_address(v)
        except ValueError:
            errs.append("bad ip %r" % v)
    elif k == "CC":
        d = digits(v)
        if not card_groups_ok(v):
            errs.append("card grouping %r" % v)
        if not 13 <= len(d) <= 19 or not luhn_ok(d):
            errs.append("card luhn %r" % v)
        elif not card_brand(d):
            errs.append("card brand %r" % v)
    elif k == "IBAN":
        r = iban_check(v)
        if r:
            errs.append("%s: %r" % (r, v))
    elif k == "SSN":
        m = ssn_shape(v)
        if not m or m.group(2) == "":
            errs.append("SSN shape %r" % v)
        elif not ssn_rules(m.group(1), m.group(3), m.group(4)):
            errs.append("SSN rules %r" % v)
    elif k == "PHONE":
        r = phone_check(v, e["cc"])
        if r:
            errs.append("%s: %r" % (r, v))


def check_lookalike(kind, v, errs):
    if kind == "CC":
        d = digits(v)
        if not 13 <= len(d) <= 19 or luhn_ok(d):
            errs.append("~CC must be 13-19 digits and fail Luhn: %r" % v)
    elif kind == "IBAN":
        c = v.replace(" ", "")
        if c[:2] in IBAN and len(c) == IBAN[c[:2]][0] and iban_mod97(c):
            errs.append("~IBAN is valid: %r" % v)
    elif kind == "SSN":
        m = ssn_shape(v)
        if not m:
            errs.append("~SSN not SSN-shaped: %r" % v)
        elif ssn_rules(m.group(1), m.group(3), m.group(4)) and digits(v) not in SSN_BAD:
            errs.append("~SSN obeys the rules: %r" % v)


def masked(text, spans):
    t = list(text)
    for a, b in spans:
        for i in range(a, b):
            t[i] = "\u2591"  # light shade: not a word char, not a digit
    return "".join(t)


def leak_scan(text, ents, looks, errs):
    spans = [(e["start"], e["end"]) for e in ents] + [(a, b) for _, a, b, _ in looks]
    mt = masked(text, spans)
    for m in LEAK_EMAIL.finditer(mt):
        errs.append("unmarked email %r" % m.group())
    for m in LEAK_URL.finditer(mt):
        errs.append("unmarked url %r" % m.group())
    for m in LEAK_V4.finditer(mt):
        try:
            ipaddress.IPv4Address(m.group())
            errs.append("unmarked IPv4 %r" % m.group())
        except ValueError:
            pass
    for m in LEAK_V6.finditer(mt):
        s = m.group().rstrip(".,;")
        for cand in (s, s.split("%")[0]):
            try:
                ipaddress.IPv6Address(cand)
                errs.append("unmarked IPv6 %r" % s)
                break
            except ValueError:
                pass
    # cards: group-aligned windows over runs of digits joined by single space/dash
    for m in re.finditer(r"\d+(?:[ -]\d+)*", mt):
        groups = re.split(r"[ -]", m.group())
        for i in range(len(groups)):
            acc = ""
            for j in range(i, len(groups)):
                acc += groups[j]
                if len(acc) > 19:
                    break
                if 13 <= len(acc) and luhn_ok(acc) and card_brand(acc):
                    errs.append("unmarked Luhn-valid card %r" % acc)
    # IBANs: every prefix length
    for m in re.finditer(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}", mt):
        rest = mt[m.start():]
        compact = ""
        for ch in rest:
            if ch == " ":
                continue
            if not (ch.isascii() and ch.isalnum()):
                break
            compact += ch.upper()
            if len(compact) > 34:
                break
            if len(compact) >= 15 and iban_valid(compact):
                errs.append("unmarked valid IBAN %r" % compact)
    for m in LEAK_SSN.finditer(mt):
        if ssn_rules(m.group(1), m.group(3), m.group(4)):
            errs.append("unmarked valid SSN %r" % m.group())
    # repeated values
    runs = [digits(r.group()) for r in re.finditer(r"\d[\d \-./()]*\d", mt)]
    for e in ents:
        v = e["value"]
        if v in mt:
            errs.append("value appears unmarked again: %r" % v)
        if e["kind"] in ("PHONE", "CC", "IBAN", "SSN"):
            d = digits(v)
            if len(d) >= 7 and any(d in r for r in runs):
                errs.append("bare digits of %r appear unmarked" % v)
    # name parts
    for e in ents:
        if e["kind"] != "PER":
            continue
        v = e["value"]
        if script_cjkish(v):
            if v.replace(" ", "") in mt.replace(" ", "") and v in mt:
                errs.append("CJK/Thai name %r appears unmarked" % v)
            continue
        for part in re.split(r"[\s\-‐]+", v):
            part = part.strip(".'’")
            if part.lower() in PARTICLES:
                continue
            letters = sum(1 for c in part if c.isalpha())
            if letters < 3:
                continue
            pat = r"(?<![\w])" + re.escape(part) + r"(?![\w])"
            for mm in re.finditer(pat, mt, re.IGNORECASE):
                errs.append("name part %r of %r appears unmarked" % (part, v))
                break


def check_row(text, ents, looks, errs):
    allspans = sorted([(e["start"], e["end"], e["kind"]) for e in ents]
                      + [(a, b, "~" + k) for k, a, b, _ in looks])
    for (a1, b1, k1), (a2, b2, k2) in zip(allspans, allspans[1:]):
        if a2 < b1:
            errs.append("overlapping spans %s/%s" % (k1, k2))
    for a, b, k in allspans:
        if a > 0:
            p, f = text[a - 1], text[a]
            if is_wordch(p) and is_wordch(f) and not (is_cjkish(p) or is_cjkish(f)):
                errs.append("span %s cuts a word at start: %r" % (k, text[max(0, a - 8):b]))
        if b < len(text):
            l, n = text[b - 1], text[b]
            if is_wordch(l) and is_wordch(n) and not (is_cjkish(l) or is_cjkish(n)):
                errs.append("span %s cuts a word at end: %r" % (k, text[a:b + 8]))
    for e in ents:
        check_entity(e, errs)
    for k, a, b, v in looks:
        check_lookalike(k, v, errs)
    leak_scan(text, ents, looks, errs)


def main(argv):
    mode_check = "--check" in argv
    review = "--review" in argv
    rows = []
    bad = 0
    seen = {}
    with open(SRC, encoding="utf-8") as f:
        for ln, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            m = re.match(r"\[([a-z]{2}(?:-[A-Z]{2})?)\] (.+)\Z", line)
            if not m:
                print("line %d: bad row format" % ln)
                bad += 1
                continue
            lang, body = m.group(1), m.group(2)
            errs = []
            text, ents, looks = parse_line(body, errs)
            check_row(text, ents, looks, errs)
            if text in seen:
                errs.append("duplicate of line %d" % seen[text])
            seen[text] = ln
            for e in errs:
                print("line %d: %s" % (ln, e))
            bad += bool(errs)
            rows.append((lang, text, ents, looks))
    if review:
        for i, (lang, text, ents, looks) in enumerate(rows):
            spans = [(e["start"], e["end"]) for e in ents] + [(a, b) for _, a, b, _ in looks]
            mt = masked(text, spans)
            for r in re.finditer(r"\d[\d \-./]*\d", mt):
                if len(digits(r.group())) >= 7:
                    print("review %s%03d [%s]: %r" % (ID_PREFIX, i, lang, r.group()))
    if bad:
        print("%d bad rows; not writing" % bad)
        return 1
    out = []
    for i, (lang, text, ents, looks) in enumerate(rows):
        ej = []
        for e in sorted(ents, key=lambda e: e["start"]):
            assert text[e["start"]:e["end"]] == e["value"]
            ej.append({"type": TYPES[e["kind"]], "start": e["start"],
                       "end": e["end"], "value": e["value"]})
        out.append(json.dumps({"id": "%s%03d" % (ID_PREFIX, i), "text": text,
                               "entities": ej, "annotated_types": ALL_TYPES},
                              ensure_ascii=False))
    if mode_check or review:
        print("OK: %d rows (not written)" % len(rows))
        return 0
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    print("OK: wrote %d rows to %s" % (len(rows), OUT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
