#!/usr/bin/env python3
"""Build holdout.jsonl from holdout.txt for the general11 PII development set.

Standard library only. Written from scratch from the checklist in the
general8 README. The build refuses to write anything if a check fails.

    python3 build.py            check and write holdout.jsonl
    python3 build.py --check    check only
    python3 build.py --review   check, and list unmarked digit runs of 7+ digits
"""
import ipaddress
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "holdout.txt"
OUT = HERE / "holdout.jsonl"
ID_PREFIX = "pg11-"

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


def luhn_digit(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return c
    raise AssertionError


def card_brand(d):
    n = len(d)
    if d.startswith("4") and n in (13, 16, 19):
        return "visa"
    if n == 16 and (51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720):
        return "mastercard"
    if n == 16 and 2200 <= int(d[:4]) <= 2204:
        return "mir"
    if n == 15 and d[:2] in ("34", "37"):
        return "amex"
    if n in (16, 19) and (d.startswith("6011") or d.startswith("65")
                          or 644 <= int(d[:3]) <= 649):
        return "discover"
    if n == 14 and (d[:2] in ("36", "38") or 300 <= int(d[:3]) <= 305):
        return "diners"
    if 16 <= n <= 19 and 3528 <= int(d[:4]) <= 3589:
        return "jcb"
    if 16 <= n <= 19 and d.startswith("62"):
        return "unionpay"
    return None


# country: (length, simplified BBAN shape)
IBAN_SPEC = {
    "AE": (23, r"\d{19}"),
    "AT": (20, r"\d{16}"),
    "BE": (16, r"\d{12}"),
    "BG": (22, r"[A-Z]{4}\d{6}[A-Z0-9]{8}"),
    "BR": (29, r"\d{23}[A-Z][A-Z0-9]"),
    "CH": (21, r"\d{5}[A-Z0-9]{12}"),
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
    "LT": (20, r"\d{16}"),
    "LU": (20, r"\d{3}[A-Z0-9]{13}"),
    "NL": (18, r"[A-Z]{4}\d{10}"),
    "NO": (15, r"\d{11}"),
    "PL": (28, r"\d{24}"),
    "PT": (25, r"\d{21}"),
    "RO": (24, r"[A-Z]{4}[A-Z0-9]{16}"),
    "SA": (24, r"\d{2}[A-Z0-9]{18}"),
    "SE": (24, r"\d{20}"),
    "SK": (24, r"\d{20}"),
    "TR": (26, r"\d{5}[A-Z0-9]{17}"),
    "UA": (29, r"\d{6}[A-Z0-9]{19}"),
}


def iban_mod97(compact):
    s = compact[4:] + compact[:4]
    num = "".join(str(int(c, 36)) for c in s)
    return int(num) % 97


def iban_fill(compact):
    """Replace the ## check digits with the right ones."""
    body = compact[:2] + "00" + compact[4:]
    check = 98 - iban_mod97(body)
    return compact[:2] + "%02d" % check + compact[4:]


def iban_valid(compact):
    spec = IBAN_SPEC.get(compact[:2])
    if not spec or len(compact) != spec[0]:
        return False
    if not re.fullmatch(r"[A-Z]{2}\d{2}" + spec[1], compact):
        return False
    return iban_mod97(compact) == 1


SSN_PLACEHOLDERS = {"078051120", "219099999", "123456789"}


def ssn_valid(d):
    if len(d) != 9 or not d.isdigit():
        return False
    a, g, s = d[:3], d[3:5], d[5:]
    if a in ("000", "666") or a[0] == "9":
        return False
    if g == "00" or s == "0000":
        return False
    if d in SSN_PLACEHOLDERS or d.startswith("98765432"):
        return False
    if len(set(d)) == 1:
        return False
    return True


SSN_SHAPE = re.compile(r"(\d{3})([- ])(\d{2})\2(\d{4})")

# ----------------------------------------------------------------- phones
# cc: (calling code, trunk prefix, national significant number pattern,
#      pattern for national forms written without the trunk prefix or None)
GB_NSN = (r"(7700900\d{3}|2079460\d{3}|1(13|14|15|16|17|18|21|31|41|51|61)4960\d{3}"
          r"|1914980\d{3}|3069990\d{3}|1632960\d{3})")
NANP_NSN = r"[2-9]\d\d55501\d\d"
PHONE_SPEC = {
    "us": ("1", "1", NANP_NSN, NANP_NSN),
    "ca": ("1", "1", NANP_NSN, NANP_NSN),
    "gb": ("44", "0", GB_NSN, None),
    "ie": ("353", "0", r"(8[3-9]\d{7}|1\d{7}|[2-9]\d{7,8})", None),
    "fr": ("33", "0", r"[1-9]\d{8}", None),
    "de": ("49", "0", r"(1[5-7]\d{8,9}|[2-9]\d{5,10})", None),
    "at": ("43", "0", r"[1-9]\d{3,12}", None),
    "ch": ("41", "0", r"[1-9]\d{8}", None),
    "nl": ("31", "0", r"[1-9]\d{8}", None),
    "be": ("32", "0", r"[1-9]\d{7,8}", None),
    "es": ("34", "", r"[6-9]\d{8}", None),
    "it": ("39", "", r"(0\d{5,10}|3\d{8,9})", None),
    "pt": ("351", "", r"[29]\d{8}", None),
    "pl": ("48", "", r"[1-9]\d{8}", None),
    "cz": ("420", "", r"[2-9]\d{8}", None),
    "ro": ("40", "0", r"[2-7]\d{8}", None),
    "tr": ("90", "0", r"[2-5]\d{9}", None),
    "gr": ("30", "", r"[26]\d{9}", None),
    "ru": ("7", "8", r"[3489]\d{9}", None),
    "ua": ("380", "0", r"[3-9]\d{8}", None),
    "il": ("972", "0", r"([2-4689]\d{7}|5\d{8}|7\d{8})", None),
    "ae": ("971", "0", r"([2-9]\d{7}|5\d{8})", None),
    "sa": ("966", "0", r"(1\d{7}|5\d{8})", None),
    "eg": ("20", "0", r"(1[0125]\d{8}|[2-9]\d{7,8})", None),
    "ma": ("212", "0", r"[5-7]\d{8}", None),
    "in": ("91", "0", r"[6-9]\d{9}", r"[6-9]\d{9}"),
    "th": ("66", "0", r"([2-7]\d{7}|[689]\d{8})", None),
    "vn": ("84", "0", r"[235789]\d{8}", None),
    "id": ("62", "0", r"(8\d{8,11}|[2-7]\d{7,10})", None),
    "ph": ("63", "0", r"(9\d{9}|2\d{7,8})", None),
    "my": ("60", "0", r"1\d{8,9}", None),
    "sg": ("65", "", r"[689]\d{7}", None),
    "hk": ("852", "", r"[2-9]\d{7}", None),
    "cn": ("86", "0", r"(1[3-9]\d{9}|(10|2\d|[3-9]\d\d)\d{7,8})", r"1[3-9]\d{9}"),
    "tw": ("886", "0", r"[2-9]\d{7,8}", None),
    "jp": ("81", "0", r"[1-9]\d{8,9}", None),
    "kr": ("82", "0", r"[1-9]\d{7,9}", None),
    "ke": ("254", "0", r"[17]\d{8}", None),
    "tz": ("255", "0", r"[2-7]\d{8}", None),
    "ng": ("234", "0", r"[789][01]\d{8}", None),
    "za": ("27", "0", r"[1-8]\d{8}", None),
    "br": ("55", "0", r"[1-9]{2}9?\d{8}", r"[1-9]{2}9?\d{8}"),
    "mx": ("52", "", r"[1-9]\d{9}", None),
    "au": ("61", "0", r"[2-478]\d{8}", None),
    "se": ("46", "0", r"[1-9]\d{6,9}", None),
}


def phone_error(value, cc):
    if not re.fullmatch(r"[0-9+ ()\-./]+", value):
        return "bad characters"
    if value != value.strip():
        return "surrounding space"
    intl = value.startswith("+") or value.startswith("00")
    if intl:
        v = value.replace("(0)", "")
        digits = re.sub(r"\D", "", v)
        if value.startswith("00"):
            digits = digits[2:]
        countries = [cc] if cc else list(PHONE_SPEC)
        for c in countries:
            code, _trunk, nsn, _direct = PHONE_SPEC[c]
            if digits.startswith(code) and re.fullmatch(nsn, digits[len(code):]):
                return None
        return "international number fits no country" + (" " + cc if cc else "")
    if "+" in value:
        return "stray +"
    digits = re.sub(r"\D", "", value)
    c = cc or "us"
    code, trunk, nsn, direct = PHONE_SPEC[c]
    if trunk and digits.startswith(trunk) and re.fullmatch(nsn, digits[len(trunk):]):
        return None
    if not trunk and re.fullmatch(nsn, digits):
        return None
    if direct and re.fullmatch(direct, digits):
        return None
    return "national number does not fit " + c


# ------------------------------------------------------------ person check
TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "coach",
    "grandpa", "grandma", "granny", "granddad", "grandad", "grandmother", "grandfather", "nan", "nana", "auntie", "aunt", "aunty", "uncle",
    "father", "mother", "mum", "mom", "dad", "cousin", "bro", "sis",
    "herr", "frau", "familie", "oma", "opa", "tante", "onkel",
    "mme", "mlle", "m", "monsieur", "madame", "tata", "tonton",
    "doña", "señor", "señora", "sr", "sra", "srta", "tío", "tía", "tio", "tia",
    "abuela", "abuelo", "vovó", "vovô", "dona", "seu",
    "signora", "signor", "sig", "maestra", "maestro", "nonna", "nonno", "zia", "zio",
    "meneer", "mevrouw", "mevr", "dhr", "oom",
    "pani", "panie", "babcia", "dziadek", "ciocia", "wujek",
    "bey", "hanım", "hanim", "teyze", "amca", "abla", "abi", "hoca",
    "κ", "κα", "κος", "κυρία", "κύριος", "θεία", "θείος", "γιαγιά", "παππούς",
    "السيد", "السيدة", "الأستاذ", "الاستاذ", "د", "عمو", "خالة", "خالتي", "عمي", "أم", "أبو",
    "מר", "גברת", "ד\"ר", "דוד", "דודה", "סבתא", "סבא",
    "श्री", "जी", "डॉ", "भैया", "दीदी", "चाचा", "चाची", "मामा", "मौसी", "आंटी",
    "дядя", "тётя", "тетя", "бабушка", "дедушка", "баба", "пані", "пан",
    "tante", "bibi", "babu", "mzee", "dada", "kaka", "shangazi",
    "tita", "tito", "lola", "lolo", "kuya", "ate",
    "pak", "bu", "kak", "bang", "mas", "mbak",
    "doamna", "doamnă", "domnul", "dl", "tanti", "nenea", "bunica",
    "paní", "pán", "teta", "strejda", "babička",
}
# short words that are also names: only refused in lower case
CASE_TITLES = {"anh", "chị", "em", "cô", "chú", "bác", "ông", "bà", "don", "pan", "mama", "baba"}
ATTACHED_END = ("様", "さん", "ちゃん", "くん", "君", "氏", "님", "씨", "先生", "女士", "阿姨",
                "老师", "小姐", "叔叔", "哥", "姐")
ATTACHED_START = ("คุณ", "พี่", "น้อง")


def person_error(value):
    if any(ch.isdecimal() for ch in value):
        return "digit in PERSON"
    toks = value.split()
    for t in {toks[0], toks[-1]}:
        bare = t.strip(".,:;!?'’\"")
        if bare.lower() in TITLE_WORDS or t.lower() in TITLE_WORDS:
            return "title/kinship word %r in PERSON" % t
        if bare in CASE_TITLES:
            return "title word %r in PERSON" % t
    for suf in ATTACHED_END:
        if value.endswith(suf):
            return "attached honorific %r" % suf
    for pre in ATTACHED_START:
        if value.startswith(pre):
            return "attached honorific %r" % pre
    return None


# ------------------------------------------------------------------ parse


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


MARK = re.compile(r"⟦([^|⟦⟧]*)\|([^⟦⟧]*)⟧")


def parse(body):
    """Return text, entities [(kind, cc, start, end, value)], lookalikes."""
    text, ents, looks = [], [], []
    pos = 0
    n = 0  # code points emitted so far
    for m in MARK.finditer(body):
        plain = unescape(body[pos:m.start()])
        text.append(plain)
        n += len(plain)
        head, val = m.group(1), unescape(m.group(2))
        text.append(val)
        if head.startswith("~"):
            looks.append((head[1:], n, n + len(val), val))
        else:
            kind, _, cc = head.partition("@")
            ents.append((kind, cc, n, n + len(val), val))
        n += len(val)
        pos = m.end()
    text.append(unescape(body[pos:]))
    return "".join(text), ents, looks


def is_dense_script(ch):
    if not ch:
        return False
    o = ord(ch)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF
            or 0x1100 <= o <= 0x11FF or 0x0E00 <= o <= 0x0E7F or 0xF900 <= o <= 0xFAFF
            or 0x31F0 <= o <= 0x31FF)


def wordish(ch):
    return bool(ch) and (ch.isalnum() or unicodedata.category(ch).startswith("M") or ch == "_")


# ------------------------------------------------------------- leak scan
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(r"(?:https?://|\bwww\.)[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+", re.I)
IPV4_RE = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d]|\.\d)")
IPV6_RE = re.compile(r"(?<![0-9A-Fa-f:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?:%\w+)?")
DIGITRUN_RE = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
IBAN_START_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}")
SSN_RE = re.compile(r"(?<!\d)\d{3}([- ])\d{2}\1\d{4}(?!\d)")


def leak_errors(text, covered):
    errs = []

    def uncovered(a, b):
        return any(not covered[i] for i in range(a, b))

    for m in EMAIL_RE.finditer(text):
        if uncovered(m.start(), m.end()):
            errs.append("unmarked email %r" % m.group())
    for m in URL_RE.finditer(text):
        s = m.group().rstrip(".,;:!?)]}'\"")
        if uncovered(m.start(), m.start() + len(s)):
            errs.append("unmarked URL %r" % s)
    for m in IPV4_RE.finditer(text):
        try:
            ipaddress.IPv4Address(m.group())
        except ValueError:
            continue
        if uncovered(m.start(), m.end()):
            errs.append("unmarked IPv4 %r" % m.group())
    for m in IPV6_RE.finditer(text):
        tok = m.group().strip(":") if not m.group().startswith("::") else m.group()
        cand = m.group()
        for c in (cand, cand.rstrip(":"), tok):
            try:
                ipaddress.IPv6Address(c.split("%")[0])
            except ValueError:
                continue
            if uncovered(m.start(), m.start() + len(c)):
                errs.append("unmarked IPv6 %r" % c)
            break
    for m in DIGITRUN_RE.finditer(text):
        d = re.sub(r"\D", "", m.group())
        if 13 <= len(d) <= 19 and luhn_ok(d) and card_brand(d) and uncovered(m.start(), m.end()):
            errs.append("unmarked card-like number %r" % m.group())
    for m in IBAN_START_RE.finditer(text):
        if m.group()[:2] not in IBAN_SPEC:
            continue
        # gather alnum chars with optional single spaces
        i, compact, ends = m.start(), "", []
        while i < len(text) and len(compact) < 34:
            ch = text[i]
            if ch.isascii() and ch.isalnum():
                compact += ch.upper() if ch.isalpha() else ch
                ends.append(i + 1)
            elif ch == " " and i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalnum():
                pass
            else:
                break
            i += 1
        for k in range(15, len(compact) + 1):
            if iban_valid(compact[:k]) and uncovered(m.start(), ends[k - 1]):
                errs.append("unmarked IBAN %r" % compact[:k])
    for m in SSN_RE.finditer(text):
        d = re.sub(r"\D", "", m.group())
        if ssn_valid(d) and uncovered(m.start(), m.end()):
            errs.append("unmarked SSN %r" % m.group())
    return errs


# Names that are also ordinary words. Their lower-case form elsewhere in a
# row is the word (a deliberate hard negative), not a leak of the name.
COMMON_WORDS = {"dawn", "will", "may", "bill", "rose", "hope", "mark", "grace",
                "summer", "jack", "amber", "sunny", "joy", "faith", "pat", "sky"}


def value_leaks(text, spans, covered):
    """An entity value that also occurs unmarked elsewhere in the row."""
    errs = []
    for kind, _cc, s, e, v in spans:
        start = 0
        while True:
            i = text.find(v, start)
            if i < 0:
                break
            start = i + 1
            if i == s:
                continue
            if kind == "PER" and not is_dense_script(v[0]):
                before = text[i - 1] if i > 0 else ""
                after = text[i + len(v)] if i + len(v) < len(text) else ""
                if wordish(before) or wordish(after):
                    continue
            if any(not covered[j] for j in range(i, i + len(v))):
                errs.append("value %r of %s also occurs unmarked at %d" % (v, kind, i))
        if kind == "PER":
            # each part of a multi-word name, if it occurs unmarked on its own
            for tok in set(v.split()):
                tok = tok.strip(".,'’")
                if len(tok) < 3 or tok.lower() in TITLE_WORDS:
                    continue
                for m in re.finditer(re.escape(tok), text, re.I):
                    a, b = m.start(), m.end()
                    if not is_dense_script(tok[0]):
                        before = text[a - 1] if a > 0 else ""
                        after = text[b] if b < len(text) else ""
                        if wordish(before) or wordish(after):
                            continue
                    if m.group() in COMMON_WORDS:
                        continue  # the lower-case word, used as a word
                    if any(not covered[j] for j in range(a, b)):
                        errs.append("name part %r of %r occurs unmarked at %d" % (tok, v, a))
    return errs


# ---------------------------------------------------------------- checks


def check_entity(kind, cc, value):
    if value != value.strip() or not value:
        return "surrounding space or empty"
    if kind not in TYPES:
        return "unknown type " + kind
    if cc and kind != "PHONE":
        return "@cc on a non-phone"
    if cc and cc not in PHONE_SPEC:
        return "unknown phone country " + cc
    if kind == "PER":
        return person_error(value)
    if kind == "PHONE":
        return phone_error(value, cc)
    if kind == "ADDR":
        if not any(ch.isdecimal() for ch in value):
            return "address without a digit"
        return None
    if kind == "EMAIL":
        if not re.fullmatch(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", value):
            return "bad email"
        if ".." in value or value.split("@")[0].startswith(".") or value.split("@")[0].endswith("."):
            return "bad email dots"
        return None
    if kind == "URL":
        if re.fullmatch(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/[^\s]*)?", value):
            return None
        if re.fullmatch(r"https?://(\d{1,3}\.){3}\d{1,3}(:\d+)?(/[^\s]*)?", value):
            return None
        if re.fullmatch(r"www\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/[^\s]*)?", value):
            return None
        if re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/[^\s]+", value):
            return None
        return "bad URL"
    if kind == "IP":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return "bad IP"
        return None
    if kind == "CC":
        if not re.fullmatch(r"\d[\d #-]*", value):
            return "bad card characters"
        d = re.sub(r"[ -]", "", value)
        if not re.fullmatch(r"\d+", d):
            return "card with # not filled"
        if not luhn_ok(d):
            return "card fails Luhn"
        if not card_brand(d):
            return "card brand/length unknown"
        seps = set(re.findall(r"[ -]", value))
        if len(seps) > 1:
            return "mixed card separators"
        return None
    if kind == "IBAN":
        compact = value.replace(" ", "")
        if not iban_valid(compact):
            return "IBAN invalid"
        if " " in value:
            groups = value.split(" ")
            if any(len(g) != 4 for g in groups[:-1]) or not 1 <= len(groups[-1]) <= 4:
                return "IBAN not grouped by 4"
        return None
    if kind == "SSN":
        m = SSN_SHAPE.fullmatch(value)
        if not m:
            return "SSN not dashed/spaced"
        if not ssn_valid(re.sub(r"\D", "", value)):
            return "SSN breaks the rules"
        return None
    return None


def fill_markup(body):
    """Compute '#' (Luhn) in CC values and '##' in IBAN values."""
    def rep(m):
        head, val = m.group(1), m.group(2)
        if head == "CC" and "#" in val:
            if val.count("#") != 1 or not val.endswith("#"):
                raise ValueError("CC '#' must be the last character: " + val)
            digits = re.sub(r"\D", "", val[:-1])
            val = val[:-1] + luhn_digit(digits)
        if head == "IBAN" and "##" in val:
            if val[2:4] != "##":
                raise ValueError("IBAN '##' must be the check digits: " + val)
            compact = val.replace(" ", "")
            filled = iban_fill(compact)
            val = val[:2] + filled[2:4] + val[4:]
        return "⟦%s|%s⟧" % (head, val)
    return MARK.sub(rep, body)


def check_lookalike(kind, value):
    d = re.sub(r"\D", "", value)
    if kind == "CC":
        if not 13 <= len(d) <= 19:
            return "~CC not 13-19 digits"
        if luhn_ok(d):
            return "~CC passes Luhn"
        return None
    if kind == "IBAN":
        compact = value.replace(" ", "")
        if iban_valid(compact):
            return "~IBAN is valid"
        return None
    if kind == "SSN":
        if not SSN_SHAPE.fullmatch(value):
            return "~SSN not SSN-shaped"
        if ssn_valid(d):
            return "~SSN is valid"
        return None
    if kind == "":
        try:
            ipaddress.IPv4Address(value)
        except ValueError:
            return "~ used on something that is not a valid IPv4 literal"
        return None
    return "unknown look-alike kind " + kind


def build():
    rows, errors, seen = [], [], {}
    for lineno, raw in enumerate(SRC.read_text(encoding="utf-8").split("\n"), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        m = re.match(r"\[([a-z]{2}(?:-[A-Z]{2})?)\] (.+)$", line)
        if not m:
            errors.append("%d: bad line" % lineno)
            continue
        lang, body = m.group(1), m.group(2)
        try:
            body = fill_markup(body)
        except ValueError as e:
            errors.append("%d: %s" % (lineno, e))
            continue
        stripped = MARK.sub("", body)
        if "⟦" in stripped or "⟧" in stripped:
            errors.append("%d: unbalanced markup" % lineno)
            continue
        text, ents, looks = parse(body)
        errs = []
        covered = [False] * len(text)
        intervals = []
        for kind, cc, s, e, v in ents:
            err = check_entity(kind, cc, v)
            if err:
                errs.append("%s %r: %s" % (kind, v, err))
            intervals.append((s, e))
        for kind, s, e, v in looks:
            if kind not in LOOKALIKES:
                errs.append("unknown look-alike ~%s" % kind)
                continue
            err = check_lookalike(kind, v)
            if err:
                errs.append("%r: %s" % (v, err))
            intervals.append((s, e))
        intervals.sort()
        for (a1, b1), (a2, b2) in zip(intervals, intervals[1:]):
            if a2 < b1:
                errs.append("overlapping spans")
        for s, e in intervals:
            for i in range(s, e):
                covered[i] = True
            before = text[s - 1] if s > 0 else ""
            after = text[e] if e < len(text) else ""
            first, last = text[s], text[e - 1]
            if wordish(before) and wordish(first) and not (is_dense_script(before) or is_dense_script(first)):
                errs.append("span %r cuts a word at its start" % text[s:e])
            if wordish(after) and wordish(last) and not (is_dense_script(after) or is_dense_script(last)):
                errs.append("span %r cuts a word at its end" % text[s:e])
        errs += leak_errors(text, covered)
        errs += value_leaks(text, ents, covered)
        if text in seen:
            errs.append("duplicate of line %d" % seen[text])
        seen[text] = lineno
        for e in errs:
            errors.append("%d: %s" % (lineno, e))
        rows.append((lang, text, ents, covered, lineno))
    return rows, errors


def main():
    args = set(sys.argv[1:])
    rows, errors = build()
    if errors:
        for e in errors:
            print("ERROR line " + e, file=sys.stderr)
        print("%d error(s); nothing written" % len(errors), file=sys.stderr)
        sys.exit(1)

    out_lines = []
    for n, (lang, text, ents, _cov, _ln) in enumerate(rows):
        entities = [{"type": TYPES[k], "start": s, "end": e, "value": v}
                    for k, _cc, s, e, v in sorted(ents, key=lambda x: x[2])]
        for ent in entities:
            assert text[ent["start"]:ent["end"]] == ent["value"]
        out_lines.append(json.dumps({"id": "%s%03d" % (ID_PREFIX, n), "text": text,
                                     "entities": entities, "annotated_types": ANNOTATED},
                                    ensure_ascii=False))

    # summary
    langs = Counter(r[0] for r in rows)
    nopii = Counter(r[0] for r in rows if not r[2])
    types = Counter(TYPES[k] for r in rows for k, *_ in r[2])
    types_ne = Counter(TYPES[k] for r in rows if r[0] != "en" for k, *_ in r[2])
    phones = Counter((cc or "intl/us") for r in rows for k, cc, *_ in r[2] if k == "PHONE")
    print("rows %d, with PII %d, without %d, non-English %d, languages %d"
          % (len(rows), sum(1 for r in rows if r[2]), sum(1 for r in rows if not r[2]),
             sum(1 for r in rows if r[0] != "en"), len(langs)))
    for lang, c in sorted(langs.items(), key=lambda x: (-x[1], x[0])):
        print("  %-3s %3d rows, %2d without PII" % (lang, c, nopii[lang]))
    print("spans %d" % sum(types.values()))
    for t, c in types.most_common():
        print("  %-15s %3d  (non-English %d)" % (t, c, types_ne[t]))
    print("phones by @cc: " + ", ".join("%s %d" % kv for kv in sorted(phones.items())))

    if "--review" in args:
        print("unmarked digit runs of 7+ digits:")
        for lang, text, ents, covered, ln in rows:
            for m in re.finditer(r"\d(?:[ \-./]?\d){6,}", text):
                d = re.sub(r"\D", "", m.group())
                if len(d) >= 7 and not all(covered[m.start():m.end()]):
                    print("  line %d [%s] %r" % (ln, lang, m.group()))
    if "--check" in args:
        print("check OK; nothing written")
        return
    OUT.write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    print("wrote %s" % OUT.name)


if __name__ == "__main__":
    main()
