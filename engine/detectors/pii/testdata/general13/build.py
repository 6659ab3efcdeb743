#!/usr/bin/env python3
"""Build holdout.jsonl for general13 from holdout.txt.

Standard library only. Refuses to write the output if any check fails.

    python3 build.py            check and write holdout.jsonl
    python3 build.py --check    check only
    python3 build.py --review   check, then list unmarked 7+ digit runs
    python3 build.py --stats    check, then print counts per type/language
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
ID_PREFIX = "pg13-"

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
LOOKALIKES = {"", "CC", "IBAN", "SSN"}

errors = []


def err(lineno, msg):
    errors.append("line %d: %s" % (lineno, msg))


# ---------------------------------------------------------------- parsing

MARK = re.compile(r"⟦(~?)([A-Z]*)(?:@([a-z]{2}))?\|([^⟦⟧]*)⟧")
LINE = re.compile(r"^\[([a-z]{2})\] (.+)$")


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


# ---------------------------------------------------------------- cards

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


def luhn_digit(payload):
    for c in "0123456789":
        if luhn_ok(payload + c):
            return c
    raise AssertionError


def card_brand(d):
    n = len(d)
    p2, p3, p4, p6 = int(d[:2]), int(d[:3]), int(d[:4]), int(d[:6])
    if d[0] == "4" and n in (13, 16, 19):
        return "visa"
    if 51 <= p2 <= 55 and n == 16:
        return "mastercard"
    if 2221 <= p4 <= 2720 and n == 16:
        return "mastercard"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if (p4 == 6011 or p2 == 65 or 644 <= p3 <= 649 or 622126 <= p6 <= 622925) and n in (16, 19):
        return "discover"
    if (300 <= p3 <= 305 or p2 in (36, 38, 39) or p4 == 3095) and n in (14, 16):
        return "diners"
    if 3528 <= p4 <= 3589 and n in (16, 19):
        return "jcb"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    if 2200 <= p4 <= 2204 and n in (16, 19):
        return "mir"
    return None


def fill_card(v):
    if v.count("#") != 1 or not v.endswith("#"):
        raise ValueError("CC needs exactly one trailing # check digit")
    payload = re.sub(r"\D", "", v[:-1])
    return v[:-1] + luhn_digit(payload)


def check_card(v):
    if not re.fullmatch(r"\d+(?:[ -]\d+)*", v):
        return "bad characters/grouping"
    d = re.sub(r"\D", "", v)
    if not 13 <= len(d) <= 19:
        return "length %d" % len(d)
    if not luhn_ok(d):
        return "Luhn fails"
    if card_brand(d) is None:
        return "no brand for prefix/length"
    return None


# ---------------------------------------------------------------- IBANs

# country: (total length, simplified BBAN shape)
IBAN_FMT = {
    "AD": (24, r"\d{8}[A-Z0-9]{12}"), "AE": (23, r"\d{19}"),
    "AT": (20, r"\d{16}"), "BE": (16, r"\d{12}"),
    "BG": (22, r"[A-Z]{4}\d{6}[A-Z0-9]{8}"), "BH": (22, r"[A-Z]{4}[A-Z0-9]{14}"),
    "BR": (29, r"\d{23}[A-Z][A-Z0-9]"), "CH": (21, r"\d{5}[A-Z0-9]{12}"),
    "CY": (28, r"\d{8}[A-Z0-9]{16}"), "CZ": (24, r"\d{20}"),
    "DE": (22, r"\d{18}"), "DK": (18, r"\d{14}"), "EE": (20, r"\d{16}"),
    "EG": (29, r"\d{25}"), "ES": (24, r"\d{20}"), "FI": (18, r"\d{14}"),
    "FR": (27, r"\d{10}[A-Z0-9]{11}\d{2}"), "GB": (22, r"[A-Z]{4}\d{14}"),
    "GR": (27, r"\d{7}[A-Z0-9]{16}"), "HR": (21, r"\d{17}"),
    "HU": (28, r"\d{24}"), "IE": (22, r"[A-Z]{4}\d{14}"),
    "IL": (23, r"\d{19}"), "IS": (26, r"\d{22}"),
    "IT": (27, r"[A-Z]\d{10}[A-Z0-9]{12}"), "JO": (30, r"[A-Z]{4}\d{4}[A-Z0-9]{18}"),
    "KW": (30, r"[A-Z]{4}[A-Z0-9]{22}"), "KZ": (20, r"\d{3}[A-Z0-9]{13}"),
    "LB": (28, r"\d{4}[A-Z0-9]{20}"), "LT": (20, r"\d{16}"),
    "LU": (20, r"\d{3}[A-Z0-9]{13}"), "LV": (21, r"[A-Z]{4}[A-Z0-9]{13}"),
    "MC": (27, r"\d{10}[A-Z0-9]{11}\d{2}"), "MT": (31, r"[A-Z]{4}\d{5}[A-Z0-9]{18}"),
    "NL": (18, r"[A-Z]{4}\d{10}"), "NO": (15, r"\d{11}"),
    "PK": (24, r"[A-Z]{4}[A-Z0-9]{16}"), "PL": (28, r"\d{24}"),
    "PT": (25, r"\d{21}"), "QA": (29, r"[A-Z]{4}[A-Z0-9]{21}"),
    "RO": (24, r"[A-Z]{4}[A-Z0-9]{16}"), "RS": (22, r"\d{18}"),
    "SA": (24, r"\d{2}[A-Z0-9]{18}"), "SE": (24, r"\d{20}"),
    "SI": (19, r"\d{15}"), "SK": (24, r"\d{20}"),
    "TN": (24, r"\d{20}"), "TR": (26, r"\d{5}0[A-Z0-9]{16}"),
    "UA": (29, r"\d{6}[A-Z0-9]{19}"), "XK": (20, r"\d{16}"),
}


def iban_mod97(s):
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97


def fill_iban(v):
    if v.count("##") != 1 or v[2:4] != "##":
        raise ValueError("IBAN needs ## as check digits")
    compact = re.sub(r"\s", "", v).replace("##", "00")
    chk = 98 - iban_mod97(compact)
    return v[:2] + "%02d" % chk + v[4:]


def iban_valid(compact):
    cc = compact[:2]
    if cc not in IBAN_FMT:
        return False
    ln, shape = IBAN_FMT[cc]
    if len(compact) != ln or not re.fullmatch(r"\d{2}" + shape, compact[2:]):
        return False
    return iban_mod97(compact) == 1


def check_iban(v):
    if " " in v:
        groups = v.split(" ")
        if any(len(g) != 4 for g in groups[:-1]) or not 1 <= len(groups[-1]) <= 4:
            return "spaced IBAN not grouped by 4"
    compact = v.replace(" ", "")
    cc = compact[:2]
    if cc not in IBAN_FMT:
        return "unknown country " + cc
    ln, shape = IBAN_FMT[cc]
    if len(compact) != ln:
        return "length %d != %d" % (len(compact), ln)
    if not re.fullmatch(r"[A-Z]{2}\d{2}" + shape, compact):
        return "BBAN shape"
    if iban_mod97(compact) != 1:
        return "mod 97 fails"
    return None


# ---------------------------------------------------------------- SSNs

SSN_BLOCKED = {"078051120", "219099999", "123456789"}


def ssn_rule_error(v):
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})([- ]?)(\d{4})", v)
    if not m:
        return "not SSN-shaped"
    a, s1, g, s2, s = m.groups()
    if s1 != s2:
        return "inconsistent separators"
    d = a + g + s
    if a in ("000", "666") or a[0] == "9":
        return "bad area"
    if g == "00":
        return "bad group"
    if s == "0000":
        return "bad serial"
    if d in SSN_BLOCKED or d.startswith("98765432"):
        return "known placeholder"
    if len(set(d)) == 1:
        return "repeated digit"
    return None


# ---------------------------------------------------------------- phones

# cc: (calling code, trunk prefix ("" none, "0", "8", "0?" optional), NSN regex)
PHONES = {
    "us": ("1", "1?", r"[2-9]\d{2}55501\d{2}"),
    "ca": ("1", "1?", r"[2-9]\d{2}55501\d{2}"),
    "gb": ("44", "0", r"7700900\d{3}|2079460\d{3}|(?:113|114|115|116|117|118|121|131|141|151|161|191)4960\d{3}|1632960\d{3}|2890180\d{3}|2920180\d{3}"),
    "ie": ("353", "0", r"8[35-9]\d{7}|1\d{7}|[2-9]\d{7,8}"),
    "au": ("61", "0", r"4\d{8}|[2378]\d{8}"),
    "nz": ("64", "0", r"2\d{7,9}|[3-9]\d{7}"),
    "de": ("49", "0", r"1[5-7]\d{8,9}|[2-9]\d{5,10}"),
    "at": ("43", "0", r"[1-9]\d{3,12}"),
    "ch": ("41", "0", r"[1-9]\d{8}"),
    "fr": ("33", "0", r"[1-9]\d{8}"),
    "be": ("32", "0", r"4\d{8}|[1-9]\d{7}"),
    "nl": ("31", "0", r"[1-9]\d{8}"),
    "es": ("34", "", r"[6-9]\d{8}"),
    "pt": ("351", "", r"[29]\d{8}"),
    "it": ("39", "", r"3\d{8,9}|0\d{5,10}"),
    "pl": ("48", "", r"[1-9]\d{8}"),
    "tr": ("90", "0", r"[2-5]\d{9}"),
    "ru": ("7", "8", r"[3489]\d{9}"),
    "ua": ("380", "0", r"[3-9]\d{8}"),
    "gr": ("30", "", r"2\d{9}|69\d{8}"),
    "ro": ("40", "0", r"[237]\d{8}"),
    "se": ("46", "0", r"[1-9]\d{6,8}"),
    "br": ("55", "0?", r"[1-9]{2}9\d{8}|[1-9]{2}[2-5]\d{7}"),
    "mx": ("52", "", r"[1-9]\d{9}"),
    "co": ("57", "", r"3\d{9}|60\d{8}"),
    "in": ("91", "0?", r"[6-9]\d{9}|[1-5]\d{9}"),
    "bd": ("880", "0", r"1[3-9]\d{8}|[2-9]\d{7,9}"),
    "ng": ("234", "0", r"[7-9][01]\d{8}|[1-9]\d{7}"),
    "ke": ("254", "0", r"[17]\d{8}|[2-6]\d{7,8}"),
    "tz": ("255", "0", r"[67]\d{8}|2\d{8}"),
    "gh": ("233", "0", r"[235]\d{8}"),
    "za": ("27", "0", r"[1-8]\d{8}"),
    "ph": ("63", "0", r"9\d{9}|2\d{7,8}|[3-8]\d{8}"),
    "id": ("62", "0", r"8\d{8,11}|[2-7]\d{7,10}"),
    "vn": ("84", "0", r"[35789]\d{8}|2\d{9}"),
    "th": ("66", "0", r"[689]\d{8}|[2-7]\d{7}"),
    "cn": ("86", "0?", r"1[3-9]\d{9}|[2-9]\d{8,10}"),
    "hk": ("852", "", r"[2-9]\d{7}"),
    "tw": ("886", "0", r"9\d{8}|[2-8]\d{7,8}"),
    "jp": ("81", "0", r"[5789]0\d{8}|[1-9]\d{8}"),
    "kr": ("82", "0", r"10\d{8}|[2-6]\d{7,9}"),
    "il": ("972", "0", r"5\d{8}|7\d{8}|[2-489]\d{7}"),
    "eg": ("20", "0", r"1[0125]\d{8}|[2-9]\d{7,8}"),
    "sa": ("966", "0", r"5\d{8}|1\d{7,8}"),
    "ae": ("971", "0", r"5\d{8}|[2-9]\d{7}"),
    "ir": ("98", "0", r"9\d{9}|[1-8]\d{9}"),
    "ma": ("212", "0", r"[5-7]\d{8}"),
    "sg": ("65", "", r"[689]\d{7}"),
}

SPOKEN = {"oh": "0", "o": "0", "zero": "0", "one": "1", "two": "2",
          "three": "3", "four": "4", "five": "5", "six": "6",
          "seven": "7", "eight": "8", "nine": "9"}


def spoken_to_digits(v):
    """English digit-by-digit speech ('oh seven double oh ...')."""
    toks = v.lower().replace("-", " ").split()
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "plus" and not out:
            out.append("+")
        elif t in ("double", "triple") and i + 1 < len(toks) and toks[i + 1] in SPOKEN:
            out.append(SPOKEN[toks[i + 1]] * (2 if t == "double" else 3))
            i += 1
        elif t in SPOKEN:
            out.append(SPOKEN[t])
        elif t.isdigit():
            out.append(t)
        else:
            return None
        i += 1
    return "".join(out)


def nsn_ok(cc, nsn):
    return re.fullmatch(PHONES[cc][2], nsn) is not None


def ascii_digits(s):
    return "".join(str(unicodedata.digit(c)) if c.isdecimal() else c for c in s)


def check_phone(v, cc):
    s = ascii_digits(v)
    if re.search(r"[A-Za-z]", s):
        s = spoken_to_digits(s)
        if s is None:
            return "spoken phone not parseable"
    if not re.fullmatch(r"[+(\d][\d \-.()/\u00a0]*\d", s):
        return "bad characters"
    if cc is not None and cc not in PHONES:
        return "no phone table for " + cc
    intl = s.startswith("+") or s.startswith("00")
    if intl:
        t = s.replace("(0)", "")
        d = re.sub(r"\D", "", t)
        if s.startswith("00"):
            d = d[2:]
        cands = [cc] if cc else list(PHONES)
        for c in cands:
            code = PHONES[c][0]
            if d.startswith(code) and nsn_ok(c, d[len(code):]):
                return None
        return "international number matches no country" + (" (%s)" % cc if cc else "")
    d = re.sub(r"\D", "", s)
    if cc is None:
        cc = "us"  # bare numbers must be NANP
    trunk = PHONES[cc][1]
    opts = []
    if trunk == "":
        opts = [d]
    elif trunk.endswith("?"):
        t = trunk[:-1]
        opts = [d] + ([d[len(t):]] if d.startswith(t) else [])
    else:
        if not d.startswith(trunk):
            return "national number lacks trunk prefix %s" % trunk
        opts = [d[len(trunk):]]
    if any(nsn_ok(cc, o) for o in opts):
        return None
    return "national number does not fit %s" % cc


# ---------------------------------------------------------------- email/url/ip

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def spoken_email(v):
    s = " " + v.lower() + " "
    for w, r in ((" at ", "@"), (" dot ", "."), (" underscore ", "_"),
                 (" dash ", "-"), (" hyphen ", "-")):
        s = s.replace(w, " " + r + " ")
    return s.replace(" ", "")


def check_email(v):
    if " " in v:
        v = spoken_email(v)
    if not EMAIL_RE.fullmatch(v) or ".." in v or v.startswith("."):
        return "bad email syntax"
    return None


URL_RE = re.compile(
    r"(?:https?://[^\s/]+\.[^\s/]+(?:[/?#]\S*)?|https?://[^\s/]+(?::\d+)?(?:/\S*)?"
    r"|www\.[^\s/]+\.[a-z]{2,}(?:/\S*)?|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*)",
    re.I)


def check_url(v):
    if not URL_RE.fullmatch(v):
        return "bad URL"
    return None


def check_ip(v):
    try:
        ipaddress.ip_address(v)
    except ValueError:
        return "not an IP"
    return None


# ---------------------------------------------------------------- persons

TITLES = {
    # English and generic
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.",
    "sir", "mister", "herrn", "mamie", "papi", "profª", "prof.ª", "enf.", "pana", "panu",
    "ciocia", "halam", "teyzem", "خاله", "جان", "jan", "آنتی", "आंटी", "अंकल", "mzee", "ìyá", "bàbá",
    "mọ́mì", "đàn", "dì", "dượng", "tía", "mbak", "eyang", "tante", "م.", "ד\"ר", "דוקטור", "dr.ª", "missus", "councillor", "madam", "coach", "captain", "officer", "nurse", "pastor", "father",
    "mother", "sister", "brother", "uncle", "auntie", "aunty", "aunt", "grandpa",
    "grandma", "gran", "granny", "nan", "nana", "mum", "mom", "dad", "cousin",
    # de/nl/fr/es/pt/it/ro/pl
    "herr", "frau", "familie", "tante", "onkel", "oma", "opa", "mevrouw", "meneer",
    "mw.", "dhr.", "m.", "mme", "mlle", "monsieur", "madame", "tata", "tonton",
    "don", "doña", "sr.", "sra.", "señor", "señora", "tía", "tío", "dona", "seu",
    "tia", "tio", "vovó", "vó", "signor", "signora", "sig.", "sig.ra", "dott.",
    "dott.ssa", "maestra", "maestro", "zia", "zio", "nonna", "nonno", "domnul",
    "doamna", "dl.", "dna.", "tanti", "nenea", "pan", "pani", "panie", "ciocia",
    "wujek", "babcia",
    # tr/sw/yo/tl/id/vi
    "bey", "hanım", "abla", "abi", "hoca", "teyze", "amca", "mzee", "bwana", "bi",
    "mama", "baba", "dada", "kaka", "iya", "alhaji", "alhaja", "oga", "aunty",
    "kuya", "ate", "tita", "tito", "lola", "lolo", "pak", "bu", "ibu", "bapak",
    "mas", "mbak", "kak", "anh", "chị", "em", "cô", "chú", "bác", "ông", "bà",
    # hi/bn/ur
    "ji", "जी", "श्री", "श्रीमती", "डॉ.", "भैया", "दीदी", "bhai", "bhaiya", "didi",
    "দা", "দি", "বাবু",
    # el/ru/uk/he/ar/fa
    "κ.", "κα", "κυρία", "κύριε", "θεία", "θείος", "тётя", "дядя", "бабушка",
    "мам", "тітка", "дядько", "מר", "גב'", "השר", "السيد", "السيدة", "أستاذ",
    "الأستاذ", "خالة", "عمو", "آقای", "خانم", "دکتر", "عمه",
    # ja/ko romanised honorific suffixes
    "san", "sama", "kun", "chan", "sensei", "ssi", "nim",
}
# honorifics that are also given names: refused only when written in lower case
AMBIGUOUS_TITLES = {"abi", "em", "bi", "mas", "dada", "kaka", "nana", "nan", "don",
                    "tata", "san", "ate", "bu", "kak", "chan"}
CJK_SUFFIXES = ("总", "叔", "哥哥", "姐姐", "君", "氏", "님", "様", "さん", "くん", "ちゃん", "先生", "님", "씨", "女士", "阿姨",
                "老师", "师傅", "哥", "姐", "선생님")
THAI_PREFIXES = ("คุณ", "พี่", "น้อง", "ป้า", "ลุง")


def check_person(v):
    if re.search(r"\d", v):
        return "digit in PERSON"
    toks = v.split()
    if not toks:
        return "empty"
    for t in (toks[0], toks[-1]):
        w = t.strip(",:;")
        if w.lower() in AMBIGUOUS_TITLES:
            if w == w.lower():
                return "title/honorific/kinship word at edge: " + t
        elif w.lower() in TITLES:
            return "title/honorific/kinship word at edge: " + t
    if v.endswith(CJK_SUFFIXES):
        return "attached CJK honorific"
    if v.startswith(THAI_PREFIXES):
        return "attached Thai prefix"
    if v != v.strip():
        return "whitespace at edge"
    return None


def check_addr(v):
    if not any(c.isdecimal() for c in v):
        return "address without a digit"
    return None


# ---------------------------------------------------------------- boundaries

def tight_script(c):
    if not c:
        return False
    o = ord(c)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF
            or 0x1100 <= o <= 0x11FF or 0x0E00 <= o <= 0x0E7F or 0xF900 <= o <= 0xFAFF
            or 0x3130 <= o <= 0x318F)


def wordish(c):
    if not c:
        return False
    cat = unicodedata.category(c)
    return cat[0] in "LNM" or c == "_"


# ---------------------------------------------------------------- leak scan

def masked(text, spans):
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = "\x00"
    return "".join(chars)


LEAK_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
LEAK_URL = re.compile(r"https?://\S+|\bwww\.\S+", re.I)
LEAK_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.]?\d)")
LEAK_IPV6 = re.compile(r"(?<![0-9A-Fa-f:])[0-9A-Fa-f:]*::?[0-9A-Fa-f:]*(?![0-9A-Fa-f:])")
LEAK_DIGITRUN = re.compile(r"\d+(?:[ -]\d+)*")
LEAK_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}")
LEAK_SSN = re.compile(r"(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])")


# name particles that are also common words: not scanned as name parts
PARTICLES = {"de", "da", "di", "do", "du", "del", "della", "der", "den", "van", "von",
             "la", "le", "el", "al", "bin", "ibn", "bint", "dos", "das", "ter", "ten",
             "zu", "y", "e"}


def leak_scan(text, spans, ents):
    m = masked(text, spans)
    out = []
    for x in LEAK_EMAIL.finditer(m):
        out.append("email " + x.group())
    for x in LEAK_URL.finditer(m):
        out.append("url " + x.group())
    for x in LEAK_IPV4.finditer(m):
        try:
            ipaddress.IPv4Address(x.group())
            out.append("ipv4 " + x.group())
        except ValueError:
            pass
    for x in LEAK_IPV6.finditer(m):
        g = x.group()
        if g.count(":") >= 2:
            try:
                ipaddress.IPv6Address(g)
                out.append("ipv6 " + g)
            except ValueError:
                pass
    for x in LEAK_DIGITRUN.finditer(m):
        groups = re.split(r"[ -]", x.group())
        for i in range(len(groups)):
            d = ""
            for j in range(i, len(groups)):
                d += groups[j]
                if 13 <= len(d) <= 19 and luhn_ok(d) and card_brand(d):
                    out.append("card " + d)
                if len(d) > 19:
                    break
    for x in LEAK_IBAN.finditer(m):
        compact = x.group().replace(" ", "")
        for ln in range(15, len(compact) + 1):
            if iban_valid(compact[:ln]):
                out.append("iban " + compact[:ln])
    for x in LEAK_SSN.finditer(m):
        if ssn_rule_error(x.group()) is None:
            out.append("ssn " + x.group())
    # entity values and PERSON name parts elsewhere in the row
    for typ, val in ents:
        needles = {val}
        if typ == "PER":
            for p in val.split():
                p = p.strip(",.;:!?()\"'")
                if len(p) >= 2 and not re.fullmatch(r"\w\.", p) and p not in PARTICLES:
                    needles.add(p)
        for n in needles:
            start = 0
            while True:
                i = m.find(n, start)
                if i < 0:
                    break
                start = i + 1
                before = m[i - 1] if i > 0 else ""
                after = m[i + len(n)] if i + len(n) < len(m) else ""
                if tight_script(n[0]) or tight_script(n[-1]):
                    # Thai has no spaces and short nicknames recur inside words
                    if not (re.search(r"[\u0e00-\u0e7f]", n) and len(n) < 4):
                        out.append("%s part %r unmarked" % (typ, n))
                    continue
                if wordish(before) or before in "@" or wordish(after) or after == "@":
                    continue
                if before == "." or (after == "." and i + len(n) + 1 < len(m) and wordish(m[i + len(n) + 1])):
                    continue
                out.append("%s part %r unmarked" % (typ, n))
    return out


# ---------------------------------------------------------------- main

def parse_line(lineno, raw):
    mm = LINE.match(raw)
    if not mm:
        err(lineno, "bad row syntax")
        return None
    lang, body = mm.groups()
    text = []
    pos = 0
    ents = []
    look = []
    last = 0
    for x in MARK.finditer(body):
        try:
            text.append(unescape(body[last:x.start()]))
        except ValueError as e:
            err(lineno, str(e))
            return None
        pos = sum(len(t) for t in text)
        neg, kind, cc, val = x.groups()
        try:
            val = unescape(val)
        except ValueError as e:
            err(lineno, str(e))
            return None
        if neg:
            if kind not in LOOKALIKES:
                err(lineno, "unknown look-alike kind ~" + kind)
            look.append((kind, pos, pos + len(val), val))
        else:
            if kind not in TYPES:
                err(lineno, "unknown type " + kind)
                return None
            if cc and kind != "PHONE":
                err(lineno, "@cc only on PHONE")
            try:
                if kind == "CC":
                    val = fill_card(val)
                elif kind == "IBAN":
                    val = fill_iban(val)
            except ValueError as e:
                err(lineno, str(e))
            ents.append((kind, cc, pos, pos + len(val), val))
        text.append(val)
        last = x.end()
    try:
        text.append(unescape(body[last:]))
    except ValueError as e:
        err(lineno, str(e))
        return None
    text = "".join(text)
    if "⟦" in text or "⟧" in text:
        err(lineno, "stray markup bracket")
    return lang, text, ents, look


def validate(lineno, text, ents, look):
    spans = sorted([(s, e) for _, _, s, e, _ in ents] + [(s, e) for _, s, e, _ in look])
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        if s2 < e1:
            err(lineno, "overlapping spans")
    for kind, cc, s, e, v in ents:
        if text[s:e] != v:
            err(lineno, "offset mismatch")
        if v != v.strip():
            err(lineno, "%s span has edge whitespace: %r" % (kind, v))
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < len(text) else ""
        if (wordish(before) and wordish(v[0]) and not (tight_script(before) or tight_script(v[0]))) or \
           (wordish(after) and wordish(v[-1]) and not (tight_script(after) or tight_script(v[-1]))):
            err(lineno, "%s span cuts a word: %r" % (kind, v))
        problem = None
        if kind == "CC":
            problem = check_card(v)
        elif kind == "IBAN":
            problem = check_iban(v)
        elif kind == "SSN":
            problem = ssn_rule_error(v)
        elif kind == "PHONE":
            problem = check_phone(v, cc)
        elif kind == "EMAIL":
            problem = check_email(v)
        elif kind == "URL":
            problem = check_url(v)
        elif kind == "IP":
            problem = check_ip(v)
        elif kind == "PER":
            problem = check_person(v)
        elif kind == "ADDR":
            problem = check_addr(v)
        if problem:
            err(lineno, "%s %r: %s" % (kind, v, problem))
    for kind, s, e, v in look:
        if kind == "CC":
            d = re.sub(r"\D", "", v)
            if not 13 <= len(d) <= 19 or luhn_ok(d):
                err(lineno, "~CC %r passes Luhn or is not card-shaped" % v)
        elif kind == "IBAN":
            if check_iban(v) is None:
                err(lineno, "~IBAN %r is valid" % v)
        elif kind == "SSN":
            if not re.fullmatch(r"\d{3}([- ])\d{2}\1\d{4}", v) or ssn_rule_error(v) is None:
                err(lineno, "~SSN %r not SSN-shaped or passes the rules" % v)
    for problem in leak_scan(text, spans, [(k, v) for k, _, _, _, v in ents]):
        err(lineno, "leak: " + problem)


def main():
    args = set(sys.argv[1:])
    rows = []
    seen = set()
    for lineno, raw in enumerate(SRC.read_text(encoding="utf-8").split("\n"), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parsed = parse_line(lineno, raw)
        if parsed is None:
            continue
        lang, text, ents, look = parsed
        validate(lineno, text, ents, look)
        if text in seen:
            err(lineno, "duplicate row")
        seen.add(text)
        rows.append((lineno, lang, text, ents, look))
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        print("%d error(s); nothing written" % len(errors), file=sys.stderr)
        sys.exit(1)
    lines = []
    for i, (_, lang, text, ents, _) in enumerate(rows):
        obj = OrderedDict()
        obj["id"] = "%s%03d" % (ID_PREFIX, i)
        obj["text"] = text
        obj["entities"] = [OrderedDict([("type", TYPES[k]), ("start", s), ("end", e), ("value", v)])
                           for k, _, s, e, v in sorted(ents, key=lambda t: t[2])]
        obj["annotated_types"] = ALL_TYPES
        lines.append(json.dumps(obj, ensure_ascii=False))
    if "--review" in args:
        for i, (lineno, lang, text, ents, look) in enumerate(rows):
            m = masked(text, [(s, e) for _, _, s, e, _ in ents] + [(s, e) for _, s, e, _ in look])
            for x in re.finditer(r"\d(?:[ \-./]?\d){6,}", m):
                if len(re.sub(r"\D", "", x.group())) >= 7:
                    print("%s%03d [%s] unmarked: %s" % (ID_PREFIX, i, lang, x.group()))
    if "--stats" in args:
        per_type = Counter()
        per_type_ne = Counter()
        per_lang = Counter()
        nopii = Counter()
        phone_cc = Counter()
        for _, lang, text, ents, look in rows:
            per_lang[lang] += 1
            if not ents:
                nopii[lang] += 1
            for k, cc, _, _, v in ents:
                per_type[TYPES[k]] += 1
                if lang != "en":
                    per_type_ne[TYPES[k]] += 1
                if k == "PHONE":
                    phone_cc[cc or "intl/nanp"] += 1
        print("rows", len(rows), "with PII", len(rows) - sum(nopii.values()),
              "without", sum(nopii.values()), "spans", sum(per_type.values()))
        for t, n in per_type.most_common():
            print("  %-15s %4d  non-en %4d" % (t, n, per_type_ne[t]))
        for l, n in sorted(per_lang.items(), key=lambda t: (-t[1], t[0])):
            print("  %s %3d  no PII %d" % (l, n, nopii[l]))
        print("  phones:", dict(phone_cc))
    if "--check" in args or "--review" in args or "--stats" in args:
        print("OK: %d rows" % len(rows))
        return
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote %d rows to %s" % (len(rows), OUT.name))


if __name__ == "__main__":
    main()
