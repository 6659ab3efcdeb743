#!/usr/bin/env python3
"""Build holdout.jsonl for the general9 PII hold-out set from holdout.txt.

Python 3, standard library only. Written from scratch for general9.

    python3 build.py            check everything, then write holdout.jsonl
    python3 build.py --check    check everything, write nothing
    python3 build.py --review   check, write nothing, and list unmarked digit
                                runs of 7+ digits (and the look-alikes) for a
                                human check

Source format (holdout.txt): one row per line, `[lang] text`. Lines that are
empty or start with `#` are comments. Markup inside the text:

    ⟦TYPE|value⟧      an entity; TYPE in PER EMAIL PHONE ADDR URL IP IBAN CC SSN
    ⟦PHONE@cc|value⟧  a phone in the national format of country cc
    ⟦~KIND|value⟧     a checked look-alike, kept as plain text (KIND: CC, IBAN,
                      SSN, or empty for a dotted version that is a valid IPv4)
    In CC values `#` is the Luhn check digit; in IBAN values `##` are the two
    check digits. Both are computed here.
    Escapes: \\n newline, \\t tab, \\\\ backslash. Any other backslash is an
    error.

The build refuses to write anything if a single check fails.
"""
import ipaddress
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "holdout.txt"
OUT = HERE / "holdout.jsonl"
ID_FMT = "pg9-{:03d}"

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

LANGS = {
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "no", "fi",
    "cs", "sk", "hu", "ro", "ru", "uk", "el", "tr", "ar", "he", "hi", "zh",
    "ja", "ko", "th", "vi", "id", "ms", "fa", "bg", "hr", "sr",
}


class BuildError(Exception):
    pass


# ---------------------------------------------------------------- cards

def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return total % 10 == 0


def card_brand(d):
    n = len(d)
    if not d.isdigit() or n < 13:
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
    if 2200 <= p4 <= 2204 and 16 <= n <= 19:
        return "Mir"
    if p2 == 62 and 16 <= n <= 19:
        return "UnionPay"
    return None


CARD_SHAPE = re.compile(r"^\d+(?:([ -])\d+)*$")


def card_shape_ok(value):
    m = CARD_SHAPE.match(value)
    if not m:
        return False
    seps = set(re.findall(r"[ -]", value))
    return len(seps) <= 1


def fill_card(value):
    if value.count("#") != 1 or not value.endswith("#"):
        raise BuildError("CC value needs exactly one # as its last character: %r" % value)
    for k in "0123456789":
        v = value.replace("#", k)
        if luhn_ok(re.sub(r"\D", "", v)):
            return v
    raise BuildError("no Luhn digit for %r" % value)


def card_problem(value):
    if not card_shape_ok(value):
        return "bad card grouping"
    d = re.sub(r"\D", "", value)
    if not card_brand(d):
        return "no brand matches prefix and length"
    if not luhn_ok(d):
        return "fails Luhn"
    return None


# ---------------------------------------------------------------- IBANs
# Simplified BBAN shapes after the SWIFT IBAN registry: n digits, a upper-case
# letters, c alphanumerics. IBAN_LEN is kept separately as a cross-check.
BBAN = {
    "AD": "4n4n12c", "AE": "3n16n", "AL": "8n16c", "AT": "5n11n",
    "AZ": "4a20c", "BA": "3n3n8n2n", "BE": "3n7n2n", "BG": "4a4n2n8c",
    "BH": "4a14c", "BR": "8n5n10n1a1c", "CH": "5n12c", "CY": "3n5n16c",
    "CZ": "4n6n10n", "DE": "8n10n", "DK": "4n9n1n", "EE": "2n2n11n1n",
    "EG": "4n4n17n", "ES": "4n4n1n1n10n", "FI": "3n11n", "FR": "5n5n11c2n",
    "GB": "4a6n8n", "GE": "2a16n", "GR": "3n4n16c", "HR": "7n10n",
    "HU": "3n4n1n15n1n", "IE": "4a6n8n", "IL": "3n3n13n", "IS": "4n2n6n10n",
    "IT": "1a5n5n12c", "JO": "4a4n18c", "KW": "4a22c", "KZ": "3n13c",
    "LB": "4n20c", "LI": "5n12c", "LT": "5n11n", "LU": "3n13c",
    "LV": "4a13c", "MC": "5n5n11c2n", "MD": "2c18c", "ME": "3n13n2n",
    "MK": "3n10c2n", "MT": "4a5n18c", "NL": "4a10n", "NO": "4n6n1n",
    "PK": "4a16c", "PL": "8n16n", "PS": "4a21c", "PT": "4n4n11n2n",
    "QA": "4a21c", "RO": "4a16c", "RS": "3n13n2n", "SA": "2n18c",
    "SE": "3n16n1n", "SI": "5n8n2n", "SK": "4n6n10n", "SM": "1a5n5n12c",
    "TN": "2n3n13n2n", "TR": "5n1n16c", "UA": "6n19c", "XK": "4n10n2n",
}
IBAN_LEN = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16,
    "BG": 22, "BH": 22, "BR": 29, "CH": 21, "CY": 28, "CZ": 24, "DE": 22,
    "DK": 18, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FR": 27, "GB": 22,
    "GE": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MT": 31,
    "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
    "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "TN": 24, "TR": 26, "UA": 29, "XK": 20,
}
_CLS = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}


def _bban_regex(spec):
    parts = re.findall(r"(\d+)([nac])", spec)
    return re.compile("^" + "".join("%s{%s}" % (_CLS[c], k) for k, c in parts) + "$")


BBAN_RE = {}
for _cc, _spec in BBAN.items():
    _n = sum(int(k) for k, _ in re.findall(r"(\d+)([nac])", _spec))
    assert _n + 4 == IBAN_LEN[_cc], (_cc, _n + 4, IBAN_LEN[_cc])
    BBAN_RE[_cc] = _bban_regex(_spec)


def mod97(s):
    num = "".join(str(int(ch, 36)) for ch in s)
    r = 0
    for i in range(0, len(num), 9):
        r = int(str(r) + num[i:i + 9]) % 97
    return r


def iban_valid_compact(c):
    """Country known, length right, BBAN shape right, mod 97 == 1."""
    if len(c) < 5 or c[:2] not in IBAN_LEN or len(c) != IBAN_LEN[c[:2]]:
        return False
    if not c[2:4].isdigit() or not BBAN_RE[c[:2]].match(c[4:]):
        return False
    return mod97(c[4:] + c[:4]) == 1


def fill_iban(value):
    if value.count("##") != 1 or value[2:4] != "##":
        raise BuildError("IBAN value needs ## right after the country code: %r" % value)
    compact = value.replace(" ", "")
    cc, bban = compact[:2], compact[4:]
    check = 98 - mod97(bban + cc + "00")
    return value.replace("##", "%02d" % check)


def iban_grouping_ok(value):
    if " " not in value:
        return True
    groups = value.split(" ")
    if any(len(g) != 4 for g in groups[:-1]):
        return False
    return 1 <= len(groups[-1]) <= 4


def iban_problem(value):
    if not re.fullmatch(r"[A-Z0-9 ]+", value):
        return "bad characters"
    if not iban_grouping_ok(value):
        return "not grouped by 4"
    c = value.replace(" ", "")
    cc = c[:2]
    if cc not in IBAN_LEN:
        return "unknown country %s" % cc
    if len(c) != IBAN_LEN[cc]:
        return "length %d, %s needs %d" % (len(c), cc, IBAN_LEN[cc])
    if not BBAN_RE[cc].match(c[4:]):
        return "BBAN shape does not match %s" % BBAN[cc]
    if mod97(c[4:] + c[:4]) != 1:
        return "fails mod 97"
    return None


# ---------------------------------------------------------------- SSNs
SSN_RE = re.compile(r"^(\d{3})([- ])(\d{2})\2(\d{4})$")
SSN_PLACEHOLDERS = {"078051120", "219099999", "123456789"} | {
    "98765432%d" % k for k in range(10)}


def ssn_problem(value):
    m = SSN_RE.match(value)
    if not m:
        return "not SSN-shaped (ddd-dd-dddd or ddd dd dddd)"
    area, group, serial = m.group(1), m.group(3), m.group(4)
    digits = area + group + serial
    if area in ("000", "666") or area[0] == "9":
        return "area %s not issued" % area
    if group == "00":
        return "group 00"
    if serial == "0000":
        return "serial 0000"
    if digits in SSN_PLACEHOLDERS:
        return "known placeholder/advertising number"
    if len(set(digits)) == 1:
        return "repeated digit"
    return None


# ---------------------------------------------------------------- phones
# country: (calling code, trunk prefix, trunk optional in national form,
#           national significant number pattern)
PHONES = {
    "US": ("1", "1", True, r"[2-9]\d{2}[2-9]\d{6}"),
    "CA": ("1", "1", True, r"[2-9]\d{2}[2-9]\d{6}"),
    "GB": ("44", "0", False, r"[1-9]\d{8,9}"),
    "IE": ("353", "0", False, r"[1-9]\d{6,8}"),
    "DE": ("49", "0", False, r"[1-9]\d{5,11}"),
    "AT": ("43", "0", False, r"[1-9]\d{3,12}"),
    "CH": ("41", "0", False, r"[1-9]\d{8}"),
    "FR": ("33", "0", False, r"[1-9]\d{8}"),
    "BE": ("32", "0", False, r"[1-9]\d{7,8}"),
    "NL": ("31", "0", False, r"[1-9]\d{8}"),
    "LU": ("352", "", False, r"[2-9]\d{5,10}"),
    "ES": ("34", "", False, r"[6-9]\d{8}"),
    "PT": ("351", "", False, r"[29]\d{8}"),
    "IT": ("39", "", False, r"0\d{5,10}|3\d{8,9}"),
    "PL": ("48", "", False, r"[1-9]\d{8}"),
    "CZ": ("420", "", False, r"[2-9]\d{8}"),
    "SK": ("421", "0", False, r"[2-9]\d{8}"),
    "HU": ("36", "06", False, r"[1-9]\d{7,8}"),
    "RO": ("40", "0", False, r"[2-7]\d{8}"),
    "BG": ("359", "0", False, r"[2-9]\d{7,8}"),
    "SE": ("46", "0", False, r"[1-9]\d{6,8}"),
    "NO": ("47", "", False, r"[2-9]\d{7}"),
    "DK": ("45", "", False, r"[2-9]\d{7}"),
    "FI": ("358", "0", False, r"[1-9]\d{4,9}"),
    "GR": ("30", "", False, r"[26]\d{9}"),
    "TR": ("90", "0", False, r"[2-5]\d{9}"),
    "RU": ("7", "8", False, r"[3-9]\d{9}"),
    "UA": ("380", "0", False, r"[3-9]\d{8}"),
    "IL": ("972", "0", False, r"[2-9]\d{7,8}"),
    "AE": ("971", "0", False, r"[2-9]\d{7,8}"),
    "SA": ("966", "0", False, r"[1-9]\d{8}"),
    "EG": ("20", "0", False, r"[1-9]\d{7,9}"),
    "MA": ("212", "0", False, r"[5-7]\d{8}"),
    "NG": ("234", "0", False, r"[7-9]\d{9}"),
    "KE": ("254", "0", False, r"[17]\d{8}"),
    "ZA": ("27", "0", False, r"[1-8]\d{8}"),
    "IN": ("91", "0", True, r"[1-9]\d{9}"),
    "CN": ("86", "0", True, r"1[3-9]\d{9}|[2-9]\d{8,10}"),
    "HK": ("852", "", False, r"[2-9]\d{7}"),
    "TW": ("886", "0", False, r"[2-9]\d{7,8}"),
    "JP": ("81", "0", False, r"[1-9]\d{8,9}"),
    "KR": ("82", "0", False, r"[1-9]\d{7,9}"),
    "TH": ("66", "0", False, r"[2-9]\d{7,8}"),
    "VN": ("84", "0", False, r"[1-9]\d{8,9}"),
    "SG": ("65", "", False, r"[689]\d{7}"),
    "MY": ("60", "0", False, r"1\d{8,9}|[3-9]\d{7,8}"),
    "PH": ("63", "0", False, r"[2-9]\d{7,9}"),
    "ID": ("62", "0", False, r"[2-9]\d{7,11}"),
    "AU": ("61", "0", False, r"[2-478]\d{8}"),
    "NZ": ("64", "0", False, r"[2-9]\d{7,9}"),
    "BR": ("55", "0", True, r"[1-9]\d{9,10}"),
    "MX": ("52", "", False, r"[1-9]\d{9}"),
    "AR": ("54", "0", False, r"[1-9]\d{9,10}"),
    "CL": ("56", "", False, r"[2-9]\d{8}"),
    "CO": ("57", "", False, r"[1-8]\d{6,9}"),
}
PHONE_CHARS = re.compile(r"^[+(]?[\d][\d ()./\-]*\d$")


def _nsn_ok(cc, nsn):
    return re.fullmatch(PHONES[cc][3], nsn) is not None


def phone_countries_intl(value):
    """Countries an international number (+cc or 00cc) can belong to."""
    v = value.strip()
    if v.startswith("+"):
        rest = v[1:]
    elif v.startswith("00"):
        rest = v[2:]
    else:
        return None
    rest = rest.replace("(0)", "")
    digits = re.sub(r"\D", "", rest)
    hits = []
    for cc, (code, _t, _o, _p) in PHONES.items():
        if digits.startswith(code) and _nsn_ok(cc, digits[len(code):]):
            hits.append(cc)
    return hits


def phone_national_ok(value, cc):
    code, trunk, optional, _pat = PHONES[cc]
    digits = re.sub(r"\D", "", value)
    if trunk and digits.startswith(trunk) and _nsn_ok(cc, digits[len(trunk):]):
        return True
    if (not trunk or optional) and _nsn_ok(cc, digits):
        return True
    return False


def phone_problem(value, cc):
    if not PHONE_CHARS.match(value):
        return "bad characters"
    if value.count("(") != value.count(")"):
        return "unbalanced parentheses"
    if cc is not None and cc not in PHONES:
        return "country %s not in the phone table" % cc
    intl = phone_countries_intl(value)
    if intl is not None:
        if not intl:
            return "international number matches no country"
        if cc is not None and cc not in intl:
            return "international number is not a %s number (%s)" % (cc, intl)
        return None
    if cc is None:
        if phone_national_ok(value, "US"):
            return None
        return "national number without @cc must be US/NANP"
    if not phone_national_ok(value, cc):
        return "does not fit the %s national format" % cc
    return None


def phone_country(value, cc):
    if cc:
        return cc
    intl = phone_countries_intl(value)
    if intl:
        return "US" if "US" in intl else intl[0]
    return "US"


# ---------------------------------------------------------------- email, URL, IP
EMAIL_RE = re.compile(
    r"^[A-Za-z0-9](?:[A-Za-z0-9._%+\-]*[A-Za-z0-9_])?@"
    r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")
URL_RE = re.compile(
    r"^(?:https?://[^\s/?#]+(?:[/?#]\S*)?"
    r"|www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:[/?#]\S*)?"
    r"|[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/\S*)$")


def email_problem(v):
    if ".." in v or not EMAIL_RE.match(v):
        return "bad email syntax"
    return None


def url_problem(v):
    if not URL_RE.match(v):
        return "bad URL syntax (http(s), www. or domain with a path)"
    if v[-1] in ".,;:!?)]}'\"":
        return "URL ends with punctuation"
    return None


def ip_problem(v):
    try:
        ipaddress.ip_address(v)
    except ValueError:
        return "not an IP literal (ports and prefixes stay outside)"
    return None


# ---------------------------------------------------------------- PERSON rules
# Titles, honorifics and kinship words, lower case, without a final dot.
# BOTH_ENDS are refused as the first or last word; START_ONLY only as the
# first word (they are also given names or name parts at the end, e.g. Vietnamese
# "Anh", Chinese "Pan"); END_ONLY only as the last word.
BOTH_ENDS = {
    # en
    "mr", "mrs", "ms", "mx", "dr", "prof", "professor", "sir", "dame",
    "rev", "revd", "reverend", "father", "coach", "judge", "cllr",
    "councillor", "officer", "pc", "sgt", "insp", "inspector", "capt",
    "captain", "hon", "esq", "phd", "mum", "mom", "mommy", "mummy", "dad",
    "daddy", "grandma", "grandpa", "granny", "grandad", "nana", "auntie",
    "aunty", "aunt", "uncle", "nurse", "doctor", "madam",
    # de
    "herr", "herrn", "frau", "familie", "fräulein", "dipl", "oma", "opa",
    "tante", "gez",
    # fr
    "mme", "mlle", "maître", "monsieur", "madame", "mademoiselle",
    # es / pt / it
    "sra", "srta", "doña", "dña", "señor", "señora", "senhor", "senhora",
    "sig", "sig.ra", "signor", "signora", "signorina", "dott", "dott.ssa",
    "avv", "maestra", "maestro", "lic", "licda", "engª", "nonna", "nonno",
    "abuela", "abuelo", "tía", "tío", "tia", "tio",
    # nl
    "dhr", "mevr", "mevrouw", "meneer",
    # pl / cs / ru / uk
    "pani", "panie", "panu", "panią", "państwo", "paní", "panem", "mgr",
    "inż", "lek", "mudr", "господин", "госпожа", "г-н", "г-жа", "гражданин",
    "гражданка", "пані", "пане", "бабушка", "дедушка", "мама", "папа", "тётя", "дядя",
    "babcia", "dziadek", "ciocia", "wujek",
    # tr
    "sayın", "teyze", "amca", "dayı", "abla",
    # el
    "κ", "κα", "κος", "κύριος", "κυρία", "κύριε", "δρ",
    # ar
    "السيد", "السيدة", "الأستاذ", "الأستاذة", "الدكتور", "الدكتورة", "د",
    "الشيخ", "المهندس", "المهندسة", "المحترم", "المحترمة",
    # he
    "מר", "גב'", "גברת", "ד\"ר", "עו\"ד", "פרופ'",
    # hi
    "श्री", "श्रीमती", "सुश्री", "कुमारी", "डॉ", "डॉ.", "जी", "भैया", "दीदी",
    "साहब",
    # sv / da / fi
    "fru", "herra", "rouva",
}
START_ONLY = {
    "miss", "lady", "lord", "sister", "brother", "fr", "sr", "sra",
    "me", "don", "dona", "pan", "bay", "bayan", "ing", "mag", "eng",
    "anh", "chị", "em", "ông", "bà", "cô", "chú", "bác",
    "пан",
}
END_ONLY = {
    "bey", "hanım", "hanim", "efendi", "san", "sama", "sensei", "kun",
    "chan", "ssi", "nim", "sahib", "ji",
}
ATTACHED_END = ("様", "さま", "さん", "先生", "くん", "ちゃん", "殿", "部長", "課長",
                "社長", "님", "씨", "팀장", "부장", "과장", "女士", "小姐", "阿姨",
                "老师", "老師", "经理", "經理", "总监", "师傅", "師傅")
ATTACHED_START = ("คุณ", "นาย", "นางสาว", "นาง")


def _words(value):
    return [w for w in re.split(r"[\s,;/()]+", value) if w]


def _norm(w):
    w = w.lower().strip("\"“”„«»:")
    return w.rstrip(".")


def person_problem(v):
    if any(unicodedata.category(ch) == "Nd" for ch in v):
        return "PERSON contains a digit"
    if v[-1] in ".,:;" and not re.search(r"\b[A-Z]\.$", v):
        # a final dot is allowed only after an initial (e.g. "Jr." is fine too)
        if not v.endswith("Jr.") and not v.endswith("Sr."):
            return "PERSON ends with punctuation"
    if v.endswith("'s") or v.endswith("’s"):
        return "possessive inside PERSON"
    ws = _words(v)
    if not ws:
        return "empty PERSON"
    first, last = _norm(ws[0]), _norm(ws[-1])
    if first in BOTH_ENDS or first in START_ONLY:
        return "title/honorific/kinship word at the start: %r" % ws[0]
    if last in BOTH_ENDS or last in END_ONLY:
        return "title/honorific/kinship word at the end: %r" % ws[-1]
    for suf in ATTACHED_END:
        if v.endswith(suf):
            return "attached honorific %s at the end" % suf
    for pre in ATTACHED_START:
        if v.startswith(pre):
            return "attached honorific %s at the start" % pre
    return None


def addr_problem(v):
    if not any(unicodedata.category(ch) == "Nd" for ch in v):
        return "address without a digit"
    return None


# ---------------------------------------------------------------- boundaries

def _tight_script(ch):
    o = ord(ch)
    return (0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or
            0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or
            0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF or
            0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or
            0x3130 <= o <= 0x318F or 0xFF66 <= o <= 0xFF9F or
            0x0E00 <= o <= 0x0E7F)


def _wordy(ch):
    return unicodedata.category(ch)[0] in "LNM"


def boundary_problem(text, s, e):
    v = text[s:e]
    if not v or v != v.strip():
        return "span is empty or starts/ends with whitespace"
    if s > 0:
        b = text[s - 1]
        if _wordy(b) and _wordy(v[0]) and not _tight_script(b):
            return "span cuts a word at its start (%r|%r)" % (b, v[0])
    if e < len(text):
        a = text[e]
        if _wordy(a) and _wordy(v[-1]) and not _tight_script(a):
            return "span cuts a word at its end (%r|%r)" % (v[-1], a)
    return None


# ---------------------------------------------------------------- leak scan
MASK = "\u2588"
LEAK_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
LEAK_URL = re.compile(r"(?i)\bhttps?://\S+|\bwww\.[A-Za-z0-9\-]+\.\S+")
LEAK_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)")
LEAK_IPV6 = re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
LEAK_DIGITRUN = re.compile(r"(?<!\d)\d+(?:[ -]\d+)*(?!\d)")
LEAK_SSN = re.compile(r"(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])")
LEAK_IBAN = re.compile(r"(?i)(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,32}")


def leak_problems(masked):
    probs = []
    for m in LEAK_EMAIL.finditer(masked):
        probs.append("unmarked email %r" % m.group())
    for m in LEAK_URL.finditer(masked):
        probs.append("unmarked URL %r" % m.group())
    for m in LEAK_IPV4.finditer(masked):
        try:
            ipaddress.IPv4Address(m.group())
            probs.append("unmarked IPv4 %r" % m.group())
        except ValueError:
            pass
    for m in LEAK_IPV6.finditer(masked):
        g = m.group()
        if g.count(":") < 2:
            continue
        try:
            ipaddress.IPv6Address(g)
            probs.append("unmarked IPv6 %r" % g)
        except ValueError:
            pass
    for m in LEAK_DIGITRUN.finditer(masked):
        groups = re.split(r"[ -]", m.group())
        for i in range(len(groups)):
            for j in range(i + 1, len(groups) + 1):
                d = "".join(groups[i:j])
                if 13 <= len(d) <= 19 and card_brand(d) and luhn_ok(d):
                    probs.append("unmarked Luhn-valid %s number %r" % (card_brand(d), d))
    for m in LEAK_SSN.finditer(masked):
        if ssn_problem(m.group()) is None:
            probs.append("unmarked valid SSN %r" % m.group())
    for m in LEAK_IBAN.finditer(masked):
        cand = m.group().upper()
        compact = cand.replace(" ", "")
        for n in range(15, len(compact) + 1):
            if iban_valid_compact(compact[:n]):
                probs.append("unmarked valid IBAN %r" % compact[:n])
    return probs


# ---------------------------------------------------------------- parsing

def unescape(s, where):
    out = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            nxt = s[i + 1] if i + 1 < len(s) else ""
            if nxt == "n":
                out.append("\n")
            elif nxt == "t":
                out.append("\t")
            elif nxt == "\\":
                out.append("\\")
            else:
                raise BuildError("%s: unknown escape \\%s" % (where, nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def parse_row(body, where):
    """Return (text, entities, lookalikes). Offsets are code points."""
    text = []
    ents = []
    looks = []
    i = 0
    plain_start = 0
    while i < len(body):
        ch = body[i]
        if ch == "⟧":
            raise BuildError("%s: stray ⟧" % where)
        if ch != "⟦":
            i += 1
            continue
        text.append(unescape(body[plain_start:i], where))
        bar = body.find("|", i)
        close = body.find("⟧", i)
        nxt_open = body.find("⟦", i + 1)
        if bar < 0 or close < 0 or bar > close:
            raise BuildError("%s: malformed span at %d" % (where, i))
        if 0 <= nxt_open < close:
            raise BuildError("%s: nested span at %d" % (where, i))
        head = body[i + 1:bar]
        raw = unescape(body[bar + 1:close], where)
        start = sum(len(t) for t in text)
        if head.startswith("~"):
            kind = head[1:]
            if kind not in ("", "CC", "IBAN", "SSN"):
                raise BuildError("%s: unknown look-alike kind %r" % (where, head))
            value = raw
            looks.append((kind, start, start + len(value), value))
        else:
            cc = None
            tag = head
            if "@" in head:
                tag, cc = head.split("@", 1)
                if tag != "PHONE":
                    raise BuildError("%s: @cc only on PHONE (%r)" % (where, head))
            if tag not in TYPES:
                raise BuildError("%s: unknown type %r" % (where, tag))
            value = raw
            try:
                if tag == "CC":
                    value = fill_card(raw)
                elif tag == "IBAN":
                    value = fill_iban(raw)
            except BuildError as exc:
                raise BuildError("%s: %s" % (where, exc))
            ents.append({"tag": tag, "cc": cc, "start": start,
                         "end": start + len(value), "value": value})
        text.append(value)
        i = close + 1
        plain_start = i
    text.append(unescape(body[plain_start:], where))
    return "".join(text), ents, looks


def check_entity(e, text, where):
    tag, v = e["tag"], e["value"]
    if text[e["start"]:e["end"]] != v:
        return "offsets do not give the value"
    if tag == "CC":
        return card_problem(v)
    if tag == "IBAN":
        return iban_problem(v)
    if tag == "SSN":
        return ssn_problem(v)
    if tag == "PHONE":
        return phone_problem(v, e["cc"])
    if tag == "EMAIL":
        return email_problem(v)
    if tag == "URL":
        return url_problem(v)
    if tag == "IP":
        return ip_problem(v)
    if tag == "PER":
        return person_problem(v)
    if tag == "ADDR":
        return addr_problem(v)
    return None


def check_lookalike(kind, v):
    if kind == "CC":
        d = re.sub(r"[ -]", "", v)
        if not d.isdigit() or not 13 <= len(d) <= 19:
            return "~CC must be a 13-19 digit number"
        if luhn_ok(d):
            return "~CC passes Luhn"
        return None
    if kind == "IBAN":
        c = v.replace(" ", "").upper()
        if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", c):
            return "~IBAN must be IBAN-shaped"
        if c[:2] in IBAN_LEN and len(c) == IBAN_LEN[c[:2]] and mod97(c[4:] + c[:4]) == 1:
            return "~IBAN passes mod 97 with the right length"
        return None
    if kind == "SSN":
        if not SSN_RE.match(v):
            return "~SSN must be SSN-shaped"
        if ssn_problem(v) is None:
            return "~SSN is a valid SSN"
        return None
    # plain ~: a dotted version string that is a valid IPv4 literal
    try:
        ipaddress.IPv4Address(v)
    except ValueError:
        return "plain ~ is only for dotted versions that are valid IPv4"
    return None


def load():
    rows = []
    errors = []
    seen = {}
    for lineno, line in enumerate(SRC.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = "holdout.txt:%d" % lineno
        m = re.match(r"^\[([a-z]{2})\] (.+)$", line)
        if not m:
            errors.append("%s: row must be `[lang] text`" % where)
            continue
        lang, body = m.group(1), m.group(2)
        if lang not in LANGS:
            errors.append("%s: unknown language %s" % (where, lang))
        try:
            text, ents, looks = parse_row(body, where)
        except BuildError as exc:
            errors.append(str(exc))
            continue
        if "⟦" in text or "⟧" in text:
            errors.append("%s: markup left in text" % where)
        for e in ents:
            p = check_entity(e, text, where)
            if p:
                errors.append("%s: %s %r: %s" % (where, e["tag"], e["value"], p))
        spans = sorted([(e["start"], e["end"], e["value"]) for e in ents] +
                       [(s, t, v) for _k, s, t, v in looks])
        for (s1, e1, v1), (s2, e2, v2) in zip(spans, spans[1:]):
            if s2 < e1:
                errors.append("%s: overlapping spans %r %r" % (where, v1, v2))
        for s, t, v in spans:
            p = boundary_problem(text, s, t)
            if p:
                errors.append("%s: %r: %s" % (where, v, p))
        for kind, s, t, v in looks:
            p = check_lookalike(kind, v)
            if p:
                errors.append("%s: look-alike %r: %s" % (where, v, p))
        masked = list(text)
        for s, t, _v in spans:
            for k in range(s, t):
                masked[k] = MASK
        for p in leak_problems("".join(masked)):
            errors.append("%s: leak: %s" % (where, p))
        if text in seen:
            errors.append("%s: duplicate of line %d" % (where, seen[text]))
        seen[text] = lineno
        rows.append({"lang": lang, "text": text, "ents": ents, "looks": looks,
                     "line": lineno, "masked": "".join(masked)})
    return rows, errors


def to_jsonl(rows):
    out = []
    for i, r in enumerate(rows):
        obj = {
            "id": ID_FMT.format(i),
            "text": r["text"],
            "entities": [{"type": TYPES[e["tag"]], "start": e["start"],
                          "end": e["end"], "value": e["value"]} for e in r["ents"]],
            "annotated_types": ANNOTATED,
        }
        out.append(json.dumps(obj, ensure_ascii=False) + "\n")
    return "".join(out)


def stats(rows):
    lines = []
    n = len(rows)
    pii = sum(1 for r in rows if r["ents"])
    non_en = [r for r in rows if r["lang"] != "en"]
    lines.append("rows %d, with PII %d, without %d (%.1f%%)" % (n, pii, n - pii, 100.0 * (n - pii) / n))
    lines.append("non-English rows %d (%.1f%%) in %d languages" % (
        len(non_en), 100.0 * len(non_en) / n, len({r["lang"] for r in non_en})))
    by_lang = Counter(r["lang"] for r in rows)
    nopii_lang = Counter(r["lang"] for r in rows if not r["ents"])
    lines.append("by language (rows / no PII):")
    for lang, k in sorted(by_lang.items(), key=lambda x: (-x[1], x[0])):
        lines.append("  %s %d / %d" % (lang, k, nopii_lang[lang]))
    tot = Counter()
    tot_ne = Counter()
    for r in rows:
        for e in r["ents"]:
            tot[TYPES[e["tag"]]] += 1
            if r["lang"] != "en":
                tot_ne[TYPES[e["tag"]]] += 1
    lines.append("spans %d:" % sum(tot.values()))
    for t, k in sorted(tot.items(), key=lambda x: (-x[1], x[0])):
        lines.append("  %-15s %4d  (non-English %d)" % (t, k, tot_ne[t]))
    for t in ANNOTATED:
        if t not in tot:
            lines.append("  %-15s    0" % t)
    rows_per = Counter()
    for r in rows:
        for t in {TYPES[e["tag"]] for e in r["ents"]}:
            rows_per[t] += 1
    lines.append("rows containing each type: " + ", ".join(
        "%s %d" % (t, rows_per[t]) for t in ANNOTATED))
    ph = Counter()
    intl = 0
    for r in rows:
        for e in r["ents"]:
            if e["tag"] == "PHONE":
                ph[phone_country(e["value"], e["cc"])] += 1
                if phone_countries_intl(e["value"]) is not None:
                    intl += 1
    lines.append("phones by country (%d international): %s" % (intl, ", ".join(
        "%s %d" % kv for kv in sorted(ph.items(), key=lambda x: (-x[1], x[0])))))
    ib = Counter(e["value"][:2] for r in rows for e in r["ents"] if e["tag"] == "IBAN")
    lines.append("IBAN countries: %s" % ", ".join("%s %d" % kv for kv in sorted(ib.items())))
    br = Counter(card_brand(re.sub(r"\D", "", e["value"])) for r in rows for e in r["ents"] if e["tag"] == "CC")
    lines.append("card brands: %s" % ", ".join("%s %d" % kv for kv in sorted(br.items())))
    ssn = Counter("spaced" if " " in e["value"] else "dashed" for r in rows for e in r["ents"] if e["tag"] == "SSN")
    lines.append("SSNs: %s" % ", ".join("%s %d" % kv for kv in sorted(ssn.items())))
    ipv = Counter("IPv%d" % ipaddress.ip_address(e["value"]).version for r in rows for e in r["ents"] if e["tag"] == "IP")
    lines.append("IPs: %s" % ", ".join("%s %d" % kv for kv in sorted(ipv.items())))
    lk = Counter(("~" + k) if k else "~ (version)" for r in rows for k, _s, _e, _v in r["looks"])
    lines.append("look-alikes: %s" % ", ".join("%s %d" % kv for kv in sorted(lk.items())))
    multiline = Counter(TYPES[e["tag"]] for r in rows for e in r["ents"] if "\n" in e["value"])
    lines.append("spans containing a newline: %s" % ", ".join("%s %d" % kv for kv in sorted(multiline.items())))
    return "\n".join(lines)


def review(rows):
    print("Unmarked digit runs of 7+ digits (check each is an intended negative):")
    run = re.compile(r"(?<![\d])\d(?:[ \-./]?\d)*(?!\d)")
    for i, r in enumerate(rows):
        for m in run.finditer(r["masked"]):
            if sum(ch.isdigit() for ch in m.group()) >= 7:
                ctx = r["masked"][max(0, m.start() - 30):m.end() + 10].replace("\n", " ")
                print("  %s  %-24s  …%s…" % (ID_FMT.format(i), m.group(), ctx))
    print("Look-alikes:")
    for i, r in enumerate(rows):
        for kind, _s, _e, v in r["looks"]:
            print("  %s  ~%-5s %s" % (ID_FMT.format(i), kind, v))


def main(argv):
    mode = argv[1] if len(argv) > 1 else ""
    if mode not in ("", "--check", "--review"):
        print(__doc__)
        return 2
    rows, errors = load()
    if errors:
        for e in errors:
            print("ERROR", e, file=sys.stderr)
        print("%d error(s); nothing written" % len(errors), file=sys.stderr)
        return 1
    print(stats(rows))
    if mode == "--review":
        review(rows)
        return 0
    data = to_jsonl(rows)
    if mode == "--check":
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == data
        print("check ok; holdout.jsonl is %s" % ("up to date" if same else "NOT up to date (run build.py)"))
        return 0 if same or not OUT.exists() else 1
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    print("wrote %s (%d rows)" % (OUT.name, len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
