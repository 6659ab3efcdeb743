#!/usr/bin/env python3
"""Build holdout.jsonl from holdout.txt (general7 PII hold-out set).

Python 3 standard library only. The output is deterministic: every
generated value (card and NHS check digits, IBAN check digits, Bitcoin
addresses) is derived from the source text alone.

    python3 build.py            check everything, write holdout.jsonl
    python3 build.py --review   also list unmarked long digit / hex runs
                                and the generated values for a human check
    python3 build.py --stats    print the count tables used in README.md

The build refuses to write anything if any check fails.
"""

import hashlib
import ipaddress
import json
import re
import sys
import unicodedata
from collections import Counter, OrderedDict
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
SRC = HERE / "holdout.txt"
OUT = HERE / "holdout.jsonl"
ID_PREFIX = "pg7-"

TYPES = OrderedDict(
    [
        ("PER", "PERSON"),
        ("EMAIL", "EMAIL_ADDRESS"),
        ("PHONE", "PHONE_NUMBER"),
        ("ADDR", "STREET_ADDRESS"),
        ("URL", "URL"),
        ("IP", "IP_ADDRESS"),
        ("IBAN", "IBAN_CODE"),
        ("CC", "CREDIT_CARD"),
        ("SSN", "US_SSN"),
        ("MAC", "MAC_ADDRESS"),
        ("NHS", "UK_NHS"),
        ("NINO", "UK_NINO"),
        ("BTC", "CRYPTO"),
    ]
)
ANNOTATED = sorted(TYPES.values())
LOOKALIKE_KINDS = {"", "CC", "IBAN", "SSN", "NHS", "NINO", "BTC", "MAC"}

LANGS = {
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "pl", "ru", "uk", "tr",
    "el", "cs", "zh", "ja", "ko", "ar", "hi", "vi", "id", "he", "da",
}


class BuildError(Exception):
    pass


# --------------------------------------------------------------------------
# Check-digit helpers


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
    for d in "0123456789":
        if luhn_ok(body + d):
            return d
    raise AssertionError


def card_brand(digits):
    n = len(digits)
    p2, p3, p4, p6 = (int(digits[:k]) for k in (2, 3, 4, 6))
    if digits[0] == "4" and n in (13, 16, 19):
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
    if 2200 <= p4 <= 2204 and n == 16:
        return "Mir"
    if p2 == 62 and 16 <= n <= 19:
        return "UnionPay"
    del p6
    return None


def nhs_check(nine):
    """Return the NHS check digit for nine digits, or None if it would be 10."""
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10:
        return None
    return str(check)


def nhs_ok(digits):
    return len(digits) == 10 and nhs_check(digits[:9]) == digits[9]


# IBAN: country -> (length, BBAN regex) -- simplified structures.
IBAN_SPEC = {
    "AD": (24, r"\d{8}[A-Z0-9]{12}"),
    "AE": (23, r"\d{19}"),
    "AT": (20, r"\d{16}"),
    "BE": (16, r"\d{12}"),
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
    num = "".join(str(int(c, 36)) for c in s)
    return int(num) % 97


def iban_ok(compact):
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact):
        return False
    spec = IBAN_SPEC.get(compact[:2])
    if not spec or len(compact) != spec[0]:
        return False
    if not re.fullmatch(spec[1], compact[4:]):
        return False
    return iban_mod97(compact) == 1


def iban_grouping_ok(value):
    if " " not in value:
        return True
    groups = value.split(" ")
    return all(len(g) == 4 for g in groups[:-1]) and 1 <= len(groups[-1]) <= 4


SSN_REFUSED = {
    "078051120", "219099999", "123456789", "111111111", "222222222",
    "333333333", "444444444", "555555555", "777777777", "987654320",
    "987654321", "987654322", "987654323", "987654324", "987654325",
    "987654326", "987654327", "987654328", "987654329",
}


def ssn_ok(digits):
    if len(digits) != 9:
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area == "000" or area == "666" or area[0] == "9":
        return False
    if group == "00" or serial == "0000":
        return False
    return digits not in SSN_REFUSED


NINO_RE = re.compile(r"([A-Z])([A-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-Z])")
NINO_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nino_ok(value):
    m = NINO_RE.fullmatch(value)
    if not m:
        return False
    a, b, suffix = m.group(1), m.group(2), m.group(6)
    if a in "DFIQUV" or b in "DFIOQUV":
        return False
    if a + b in NINO_BAD_PREFIX:
        return False
    return suffix in "ABCD"


MAC_RES = [
    re.compile(r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}"),
    re.compile(r"[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}"),
    re.compile(r"[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}"),
]


def mac_ok(value):
    return any(r.fullmatch(value) for r in MAC_RES)


# --------------------------------------------------------------------------
# Bitcoin: base58check and bech32 / bech32m (BIP-173, BIP-350)

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def sha256d(b):
    return hashlib.sha256(hashlib.sha256(b).digest()).digest()


def b58encode(raw):
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(raw) - len(raw.lstrip(b"\0"))
    return "1" * pad + out


def b58decode(s):
    n = 0
    for c in s:
        i = B58.find(c)
        if i < 0:
            return None
        n = n * 58 + i
    pad = len(s) - len(s.lstrip("1"))
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * pad + body


def base58_addr_ok(s):
    raw = b58decode(s)
    if raw is None or len(raw) != 25:
        return False
    payload, chk = raw[:21], raw[21:]
    if sha256d(payload)[:4] != chk:
        return False
    return payload[0] in (0x00, 0x05)


BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BECH32_CONST = 1
BECH32M_CONST = 0x2BC830A3


def bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            if (top >> i) & 1:
                chk ^= gen[i]
    return chk


def bech32_hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def convertbits(data, frombits, tobits, pad):
    acc = bits = 0
    out = []
    maxv = (1 << tobits) - 1
    for value in data:
        if value < 0 or value >> frombits:
            return None
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if pad:
        if bits:
            out.append((acc << (tobits - bits)) & maxv)
    elif bits >= frombits or ((acc << (tobits - bits)) & maxv):
        return None
    return out


def segwit_encode(hrp, witver, prog):
    data = [witver] + convertbits(prog, 8, 5, True)
    const = BECH32_CONST if witver == 0 else BECH32M_CONST
    pm = bech32_polymod(bech32_hrp_expand(hrp) + data + [0] * 6) ^ const
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32_CHARSET[d] for d in data + chk)


def segwit_addr_ok(addr):
    if addr.lower() != addr and addr.upper() != addr:
        return False
    addr = addr.lower()
    pos = addr.rfind("1")
    if pos < 1 or addr[:pos] != "bc" or len(addr) > 90:
        return False
    data = [BECH32_CHARSET.find(c) for c in addr[pos + 1:]]
    if -1 in data or len(data) < 7:
        return False
    const = bech32_polymod(bech32_hrp_expand("bc") + data)
    if const not in (BECH32_CONST, BECH32M_CONST):
        return False
    witver = data[0]
    prog = convertbits(data[1:-6], 5, 8, False)
    if prog is None or not 2 <= len(prog) <= 40 or witver > 16:
        return False
    if witver == 0:
        return const == BECH32_CONST and len(prog) in (20, 32)
    return const == BECH32M_CONST


def btc_ok(value):
    if value[:3].lower() == "bc1":
        return segwit_addr_ok(value)
    if value[:1] in ("1", "3"):
        return base58_addr_ok(value)
    return False


BTC_KINDS = ("p2pkh", "p2sh", "p2wpkh", "p2wsh", "p2tr")


def btc_generate(kind, tag):
    upper = kind.endswith("-uc")
    base = kind[:-3] if upper else kind
    seed = hashlib.sha256(("general7/btc/" + tag).encode()).digest()
    if base == "p2pkh":
        addr = b58encode(b"\x00" + seed[:20] + sha256d(b"\x00" + seed[:20])[:4])
    elif base == "p2sh":
        addr = b58encode(b"\x05" + seed[:20] + sha256d(b"\x05" + seed[:20])[:4])
    elif base == "p2wpkh":
        addr = segwit_encode("bc", 0, list(seed[:20]))
    elif base == "p2wsh":
        addr = segwit_encode("bc", 0, list(seed))
    elif base == "p2tr":
        addr = segwit_encode("bc", 1, list(seed))
    else:
        raise BuildError("unknown BTC kind %r (use %s, optional -uc)" % (kind, "/".join(BTC_KINDS)))
    if upper:
        if not base.startswith("p2w") and base != "p2tr":
            raise BuildError("-uc only for bech32 kinds")
        addr = addr.upper()
    return addr


def btc_corrupt(addr, tag):
    """Change one character so the checksum no longer holds."""
    h = hashlib.sha256(("general7/btc-broken/" + tag).encode()).digest()
    if addr[:3].lower() == "bc1":
        alphabet = BECH32_CHARSET.upper() if addr.isupper() else BECH32_CHARSET
        lo = 4
    else:
        alphabet = B58
        lo = 1
    for k in range(64):
        pos = lo + (h[k % 32] + k) % (len(addr) - lo)
        cur = addr[pos]
        cand = alphabet[(alphabet.index(cur) + 1 + h[(k + 7) % 32] % (len(alphabet) - 1)) % len(alphabet)]
        broken = addr[:pos] + cand + addr[pos + 1:]
        if not btc_ok(broken):
            return broken
    raise BuildError("could not corrupt %s" % addr)


# --------------------------------------------------------------------------
# Phones: country -> (calling code, trunk prefix, trunk required, NSN regex)

PHONES = {
    "gb": ("44", "0", True, r"(?:1\d{8,9}|2\d{9}|3\d{9}|7\d{9}|8\d{9}|9\d{9})"),
    "us": ("1", "1", False, r"[2-9]\d{2}[2-9]\d{6}"),
    "ca": ("1", "1", False, r"[2-9]\d{2}[2-9]\d{6}"),
    "ie": ("353", "0", True, r"[1-9]\d{6,9}"),
    "au": ("61", "0", True, r"[2-478]\d{8}"),
    "nz": ("64", "0", True, r"[2-9]\d{7,9}"),
    "de": ("49", "0", True, r"[1-9]\d{5,10}"),
    "at": ("43", "0", True, r"[1-9]\d{3,12}"),
    "ch": ("41", "0", True, r"[1-9]\d{8}"),
    "fr": ("33", "0", True, r"[1-9]\d{8}"),
    "be": ("32", "0", True, r"[1-9]\d{7,8}"),
    "nl": ("31", "0", True, r"[1-9]\d{8}"),
    "es": ("34", "", False, r"[6-9]\d{8}"),
    "it": ("39", "", False, r"(?:0\d{5,10}|3\d{8,9})"),
    "pt": ("351", "", False, r"[29]\d{8}"),
    "br": ("55", "0", False, r"[1-9][1-9](?:9\d{8}|[2-5]\d{7})"),
    "mx": ("52", "", False, r"\d{10}"),
    "se": ("46", "0", True, r"[1-9]\d{6,9}"),
    "dk": ("45", "", False, r"[2-9]\d{7}"),
    "pl": ("48", "", False, r"[1-9]\d{8}"),
    "cz": ("420", "", False, r"[2-9]\d{8}"),
    "ru": ("7", "8", True, r"[3489]\d{9}"),
    "ua": ("380", "0", True, r"[3-9]\d{8}"),
    "tr": ("90", "0", True, r"[2-5]\d{9}"),
    "gr": ("30", "", False, r"[26]\d{9}"),
    "cn": ("86", "0", False, r"(?:1[3-9]\d{9}|10\d{8}|2\d{9}|[3-9]\d{9,10})"),
    "hk": ("852", "", False, r"[2-9]\d{7}"),
    "tw": ("886", "0", True, r"[2-9]\d{7,8}"),
    "jp": ("81", "0", True, r"[1-9]\d{8,9}"),
    "kr": ("82", "0", True, r"[1-9]\d{7,9}"),
    "ae": ("971", "0", True, r"(?:5\d{8}|[2-9]\d{7})"),
    "sa": ("966", "0", True, r"(?:5\d{8}|1\d{7,8})"),
    "eg": ("20", "0", True, r"(?:1\d{9}|[2-9]\d{7,8})"),
    "ma": ("212", "0", True, r"[5-7]\d{8}"),
    "il": ("972", "0", True, r"(?:5\d{8}|[2-9]\d{7})"),
    "in": ("91", "0", False, r"[1-9]\d{9}"),
    "vn": ("84", "0", True, r"(?:[35789]\d{8}|2\d{9})"),
    "id": ("62", "0", True, r"(?:8\d{8,11}|[2-7]\d{7,10})"),
    "sg": ("65", "", False, r"[3689]\d{7}"),
    "za": ("27", "0", True, r"[1-8]\d{8}"),
    "ng": ("234", "0", True, r"[7-9][01]\d{8}"),
}

PHONE_CHARS = re.compile(r"\+?[\d(][\d\s().\-/]*\d")


def phone_ok(value, cc):
    if not PHONE_CHARS.fullmatch(value):
        return "bad characters"
    if cc and cc not in PHONES:
        return "unknown country %s" % cc
    digits = re.sub(r"\D", "", value)
    intl = None
    if value.startswith("+"):
        intl = digits
    elif value.startswith("00"):
        intl = digits[2:]
    if intl is not None:
        countries = [cc] if cc else sorted(PHONES)
        for c in countries:
            code, trunk, _, pat = PHONES[c]
            if not intl.startswith(code):
                continue
            nsn = intl[len(code):]
            if "(0)" in value and trunk == "0" and nsn.startswith("0"):
                nsn = nsn[1:]
            if re.fullmatch(pat, nsn):
                return None
        return "international number matches no country"
    if not cc:
        return "national number needs @cc"
    code, trunk, required, pat = PHONES[cc]
    nsn = digits
    if trunk and nsn.startswith(trunk) and re.fullmatch(pat, nsn[len(trunk):]):
        return None
    if required and trunk:
        return "national %s number must start with trunk %s" % (cc, trunk)
    if re.fullmatch(pat, nsn):
        return None
    return "does not match %s pattern" % cc


# --------------------------------------------------------------------------
# Other syntax checks

EMAIL_RE = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
)


def email_ok(value):
    return EMAIL_RE.fullmatch(value) is not None


HOST_RE = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}")


def url_ok(value):
    if re.search(r"\s", value) or value[-1] in ".,;:!?)]}'\"":
        return False
    v = value
    if re.match(r"(?i)www\.", v):
        v = "http://" + v
    if not re.match(r"(?i)(https?|ftp)://", v):
        return False
    try:
        parts = urlsplit(v)
        host = parts.hostname
        parts.port  # raises on a bad port
    except ValueError:
        return False
    if not host:
        return False
    if host == "localhost" or HOST_RE.fullmatch(host):
        return True
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def ip_ok(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return "%" not in value


# PERSON spans must not contain a title or honorific.
TITLES_CI = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr.",
    "prof", "prof.", "sir", "dame", "lord", "lady", "rev", "rev.", "revd",
    "pc", "ds", "dc", "sgt", "sgt.", "insp", "insp.", "judge", "justice",
    "herr", "herrn", "frau", "fr.", "hr.", "dipl.-ing.",
    "mme", "mme.", "mlle", "mlle.", "monsieur", "madame", "maître", "me",
    "sr.", "sra.", "srta.", "señor", "señora", "doña", "dña.", "d.", "dª",
    "dott.", "dott.ssa", "sig.", "sig.ra", "signor", "signora", "avv.", "ing.",
    "pan", "pani", "panie", "pana", "panią", "mgr", "inż.", "lek.", "uzm.",
    "bey", "hanım", "hanim", "bay", "bayan",
    "г-н", "г-жа", "господин", "госпожа", "гн", "пан", "пані", "пане",
    "κ.", "κος", "κα", "κυρία", "κύριε", "κύριος", "δρ.",
    "meneer", "mevrouw", "dhr.", "mevr.", "fru", "hr",
    "sr", "sra", "snr", "dona", "senhor", "senhora",
    "श्री", "श्रीमती", "सुश्री", "डॉ.", "डॉ", "जी",
    "السيد", "السيدة", "الدكتور", "الدكتورة", "د.", "الأستاذ", "الأستاذة",
    "bapak", "ibu", "pak", "bu", "sdr.", "sdri.",
    "מר", "גב'", "ד\"ר",
}
TITLES_CS = {"anh", "chị", "ông", "bà", "cô", "em", "thầy"}
TITLE_AFFIXES = [
    "様", "さま", "さん", "先生", "氏", "君", "くん", "ちゃん", "殿",
    "님", "씨", "선생님", "교수님", "고객님",
    "先生", "女士", "小姐", "老师", "太太", "经理",
]


def person_title(value):
    for tok in re.split(r"[\s,]+", value):
        if not tok:
            continue
        if tok.lower() in TITLES_CI or tok in TITLES_CS:
            return tok
    for a in TITLE_AFFIXES:
        if value.endswith(a) or value.startswith(a):
            return a
    return None


def is_cjk(ch):
    if not ch:
        return False
    name = unicodedata.name(ch, "")
    return name.startswith(("CJK UNIFIED", "HIRAGANA", "KATAKANA", "HANGUL", "CJK COMPATIBILITY"))


def is_word(ch):
    return bool(ch) and (ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M"))


# --------------------------------------------------------------------------
# Source parsing

LINE_RE = re.compile(r"\[([a-z]{2})\] (.+)")
MARK_RE = re.compile(r"⟦([^|⟦⟧]*)\|([^⟦⟧]*)⟧")


def unescape(s, where):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            nxt = s[i + 1:i + 2]
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
        out.append(c)
        i += 1
    return "".join(out)


def fill_value(kind, value, where, tags):
    """Return the final value of a span (check digits / addresses filled)."""
    base, _, param = kind.partition("@")
    neg = base.startswith("~")
    b = base[1:] if neg else base
    if b == "CC" and not neg and "#" in value:
        if value.count("#") != 1 or not value.endswith("#"):
            raise BuildError("%s: CC placeholder must be the last character" % where)
        body = re.sub(r"\D", "", value[:-1])
        value = value[:-1] + luhn_digit(body)
    if b == "NHS" and not neg and "#" in value:
        if value.count("#") != 1 or not value.endswith("#"):
            raise BuildError("%s: NHS placeholder must be the last character" % where)
        body = re.sub(r"\D", "", value[:-1])
        chk = nhs_check(body)
        if chk is None:
            raise BuildError("%s: NHS body %s gives check digit 10; pick another" % (where, body))
        value = value[:-1] + chk
    if b == "IBAN" and not neg and "##" in value:
        if value[2:4] != "##":
            raise BuildError("%s: IBAN placeholder must be characters 3-4" % where)
        compact = value.replace(" ", "").replace("##", "00")
        chk = 98 - iban_mod97(compact)
        value = value[:2] + "%02d" % chk + value[4:]
    if b == "BTC":
        if not param:
            raise BuildError("%s: BTC needs @kind" % where)
        if value in tags:
            raise BuildError("%s: BTC tag %r used twice" % (where, value))
        tags.add(value)
        addr = btc_generate(param, value)
        value = btc_corrupt(addr, value) if neg else addr
    return value


def check_span(t, value, param, where):
    """Validate a positive span of markup type t. Raise on failure."""
    def fail(msg):
        raise BuildError("%s: %s %r: %s" % (where, t, value, msg))

    if value != value.strip() or not value:
        fail("leading/trailing whitespace or empty")
    if param and t not in ("PHONE", "BTC"):
        fail("@ only for PHONE and BTC")
    if t == "PER":
        title = person_title(value)
        if title:
            fail("title %r inside PERSON span" % title)
        if any(ch.isdigit() for ch in value) or "@" in value:
            fail("digits or @ in a name")
    elif t == "EMAIL":
        if not email_ok(value):
            fail("bad email syntax")
    elif t == "PHONE":
        err = phone_ok(value, param)
        if err:
            fail(err)
    elif t == "ADDR":
        if not any(unicodedata.category(ch) == "Nd" for ch in value):
            fail("address without a digit")
    elif t == "URL":
        if not url_ok(value):
            fail("bad URL syntax")
    elif t == "IP":
        if not ip_ok(value):
            fail("not an IP literal (ports and prefixes stay outside)")
    elif t == "IBAN":
        compact = value.replace(" ", "")
        if not iban_ok(compact):
            fail("IBAN invalid (mod 97 / length / BBAN)")
        if not iban_grouping_ok(value):
            fail("IBAN grouping must be by 4")
    elif t == "CC":
        if not re.fullmatch(r"\d(?:[ -]?\d)+", value):
            fail("card syntax")
        digits = re.sub(r"\D", "", value)
        if not luhn_ok(digits):
            fail("Luhn fails")
        if not card_brand(digits):
            fail("no brand prefix/length")
    elif t == "SSN":
        if not re.fullmatch(r"\d(?:[ -]?\d){8}", value):
            fail("SSN syntax")
        if not ssn_ok(re.sub(r"\D", "", value)):
            fail("SSN rules")
    elif t == "MAC":
        if not mac_ok(value):
            fail("MAC syntax (colon, dash or dotted)")
    elif t == "NHS":
        if not re.fullmatch(r"\d(?:[ -]?\d){9}", value):
            fail("NHS syntax")
        if not nhs_ok(re.sub(r"\D", "", value)):
            fail("NHS mod 11 fails")
    elif t == "NINO":
        if not nino_ok(value):
            fail("NINO prefix/suffix rules")
    elif t == "BTC":
        if not btc_ok(value):
            fail("Bitcoin checksum")
    else:
        fail("unknown type")


def check_lookalike(kind, value, where):
    def fail(msg):
        raise BuildError("%s: ~%s %r: %s" % (where, kind, value, msg))

    digits = re.sub(r"\D", "", value)
    if kind == "CC":
        if not 12 <= len(digits) <= 19 or luhn_ok(digits):
            fail("must be a 12-19 digit number failing Luhn")
    elif kind == "IBAN":
        if iban_ok(value.replace(" ", "")):
            fail("must fail mod 97 or length")
    elif kind == "SSN":
        if len(digits) != 9 or ssn_ok(digits):
            fail("must be 9 digits breaking the SSN rules")
    elif kind == "NHS":
        if len(digits) != 10 or nhs_ok(digits):
            fail("must be 10 digits failing mod 11")
    elif kind == "NINO":
        if not NINO_RE.fullmatch(value) or nino_ok(value):
            fail("must be NINO-shaped with a bad prefix or suffix")
    elif kind == "BTC":
        if btc_ok(value):
            fail("must fail the checksum")
    elif kind == "MAC":
        if not mac_ok(value):
            fail("must be MAC-shaped (it is a look-alike by context)")


def parse_row(line, lineno):
    m = LINE_RE.fullmatch(line)
    if not m:
        raise BuildError("line %d: expected '[lang] text'" % lineno)
    lang, body = m.group(1), m.group(2)
    if lang not in LANGS:
        raise BuildError("line %d: unknown language %s" % (lineno, lang))
    text_parts = []
    spans = []  # (type, start, end, value)
    masks = []  # (start, end) of spans and look-alikes
    looks = []
    pos = 0
    length = 0
    tags = parse_row.tags
    for mm in MARK_RE.finditer(body):
        plain = unescape(body[pos:mm.start()], "line %d" % lineno)
        if "⟦" in plain or "⟧" in plain:
            raise BuildError("line %d: stray markup bracket" % lineno)
        text_parts.append(plain)
        length += len(plain)
        kind = mm.group(1)
        where = "line %d" % lineno
        value = unescape(mm.group(2), where)
        value = fill_value(kind, value, where, tags)
        base, _, param = kind.partition("@")
        start, end = length, length + len(value)
        if base.startswith("~"):
            lk = base[1:]
            if lk not in LOOKALIKE_KINDS:
                raise BuildError("%s: unknown look-alike kind ~%s" % (where, lk))
            if param and lk != "BTC":
                raise BuildError("%s: @ only on ~BTC" % where)
            check_lookalike(lk, value, where)
            looks.append((lk, start, end, value))
        else:
            if base not in TYPES:
                raise BuildError("%s: unknown type %s" % (where, base))
            check_span(base, value, param, where)
            spans.append((base, start, end, value))
        masks.append((start, end))
        text_parts.append(value)
        length = end
        pos = mm.end()
    plain = unescape(body[pos:], "line %d" % lineno)
    if "⟦" in plain or "⟧" in plain:
        raise BuildError("line %d: stray markup bracket" % lineno)
    text_parts.append(plain)
    text = "".join(text_parts)
    return lang, text, spans, masks, looks


parse_row.tags = set()


# --------------------------------------------------------------------------
# Whole-row checks


def check_boundaries(text, spans, lineno):
    last_end = -1
    for t, s, e, v in spans:
        if s < last_end:
            raise BuildError("line %d: overlapping spans" % lineno)
        last_end = e
        assert text[s:e] == v
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < len(text) else ""
        if is_word(before) and is_word(v[0]) and not (is_cjk(before) or is_cjk(v[0])):
            raise BuildError("line %d: %s span %r starts inside a word" % (lineno, t, v))
        if is_word(after) and is_word(v[-1]) and not (is_cjk(after) or is_cjk(v[-1])):
            raise BuildError("line %d: %s span %r ends inside a word" % (lineno, t, v))


LEAK_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
LEAK_URL = re.compile(r"(?i)\b(?:https?|ftp)://\S+|(?<![\w.@/])www\.[\w-]+\.\S+")
LEAK_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)")
LEAK_IPV6 = re.compile(r"(?<![\w:.])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?![\w:])")
LEAK_DIGITS = re.compile(r"(?<![\w-])\d(?:[ -]?\d){8,18}(?![\w])")
LEAK_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}")
LEAK_SSN = re.compile(r"(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])")
LEAK_MAC = re.compile(
    r"(?<![0-9A-Fa-f:\-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}"
    r"(?![0-9A-Fa-f]|[:\-][0-9A-Fa-f])"
)
LEAK_MAC_DOT = re.compile(r"(?<![\w.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w]|\.[0-9A-Fa-f])")
LEAK_NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Z]\b")
LEAK_B58 = re.compile(r"(?<![\w])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![\w])")
LEAK_BECH = re.compile(r"(?i)(?<![\w])bc1[02-9ac-hj-np-z]{6,87}(?![\w])")


def mask(text, masks):
    chars = list(text)
    for s, e in masks:
        for i in range(s, e):
            chars[i] = "\x00"
    return "".join(chars)


def leak_scan(text, masks, lineno):
    m = mask(text, masks)
    leaks = []
    for r in (LEAK_EMAIL, LEAK_URL):
        for x in r.finditer(m):
            leaks.append(("email/url", x.group()))
    for x in LEAK_IPV4.finditer(m):
        if ip_ok(x.group()):
            leaks.append(("ipv4", x.group()))
    for x in LEAK_IPV6.finditer(m):
        g = x.group().rstrip(".")
        if g.count(":") >= 2 and re.search(r"[0-9A-Fa-f]", g) and ip_ok(g):
            leaks.append(("ipv6", g))
    for x in LEAK_DIGITS.finditer(m):
        d = re.sub(r"\D", "", x.group())
        if 13 <= len(d) <= 19 and luhn_ok(d) and card_brand(d):
            leaks.append(("card", x.group()))
        if len(d) == 10 and nhs_ok(d) and re.fullmatch(r"\d{3}([ -]?)\d{3}\1\d{4}", x.group()):
            leaks.append(("nhs", x.group()))
    for x in LEAK_IBAN.finditer(m):
        compact = x.group().replace(" ", "")
        spec = IBAN_SPEC.get(compact[:2])
        if spec and iban_ok(compact[:spec[0]]):
            leaks.append(("iban", x.group()))
    for x in LEAK_SSN.finditer(m):
        if ssn_ok(re.sub(r"\D", "", x.group())):
            leaks.append(("ssn", x.group()))
    for r in (LEAK_MAC, LEAK_MAC_DOT):
        for x in r.finditer(m):
            leaks.append(("mac", x.group()))
    for x in LEAK_NINO.finditer(m):
        if nino_ok(x.group()):
            leaks.append(("nino", x.group()))
    for r in (LEAK_B58, LEAK_BECH):
        for x in r.finditer(m):
            if btc_ok(x.group()):
                leaks.append(("btc", x.group()))
    if leaks:
        raise BuildError("line %d: unmarked %s" % (lineno, "; ".join("%s %r" % l for l in leaks)))


# --------------------------------------------------------------------------


def build():
    rows = []
    seen = {}
    with open(SRC, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            lang, text, spans, masks, looks = parse_row(line, lineno)
            check_boundaries(text, spans, lineno)
            leak_scan(text, masks, lineno)
            if text in seen:
                raise BuildError("line %d: duplicate of line %d" % (lineno, seen[text]))
            seen[text] = lineno
            rows.append((lineno, lang, text, spans, masks, looks))
    return rows


def render(rows):
    out = []
    for i, (_, _, text, spans, _, _) in enumerate(rows):
        obj = OrderedDict()
        obj["id"] = "%s%03d" % (ID_PREFIX, i)
        obj["text"] = text
        obj["entities"] = [
            OrderedDict([("type", TYPES[t]), ("start", s), ("end", e), ("value", v)])
            for t, s, e, v in spans
        ]
        obj["annotated_types"] = ANNOTATED
        line = json.dumps(obj, ensure_ascii=False)
        back = json.loads(line)
        for ent in back["entities"]:
            assert back["text"][ent["start"]:ent["end"]] == ent["value"]
        out.append(line)
    return "\n".join(out) + "\n"


def stats(rows):
    n = len(rows)
    nopii = sum(1 for r in rows if not r[3])
    non_en = [r for r in rows if r[1] != "en"]
    print("rows %d, with PII %d, without %d; non-English %d (%.1f%%) in %d languages"
          % (n, n - nopii, nopii, len(non_en), 100.0 * len(non_en) / n,
             len({r[1] for r in non_en})))
    langs = Counter(r[1] for r in rows)
    langs_nopii = Counter(r[1] for r in rows if not r[3])
    print("\n| lang | rows | no PII |")
    for lang, c in sorted(langs.items(), key=lambda kv: (-kv[1], kv[0])):
        print("| %s | %d | %d |" % (lang, c, langs_nopii[lang]))
    allc = Counter()
    nonc = Counter()
    for r in rows:
        for t, *_ in r[3]:
            allc[TYPES[t]] += 1
            if r[1] != "en":
                nonc[TYPES[t]] += 1
    print("\nspans %d" % sum(allc.values()))
    print("| type | all | in non-English rows |")
    for t, c in sorted(allc.items(), key=lambda kv: (-kv[1], kv[0])):
        print("| %s | %d | %d |" % (t, c, nonc[t]))
    looks = Counter()
    for r in rows:
        for lk, *_ in r[5]:
            looks["~" + lk] += 1
    print("\nlook-alikes: " + ", ".join("%s %d" % kv for kv in sorted(looks.items())))
    per_lang_type = {}
    for r in rows:
        for t, *_ in r[3]:
            per_lang_type.setdefault(r[1], Counter())[TYPES[t]] += 1
    print("\nspans per language:")
    for lang in sorted(per_lang_type):
        print("  %s: %s" % (lang, dict(sorted(per_lang_type[lang].items()))))


def review(rows):
    print("Unmarked digit runs of 7+ digits (separators allowed) and hex runs of 12+:")
    for lineno, lang, text, spans, masks, looks in rows:
        m = mask(text, masks)
        for x in re.finditer(r"\d(?:[ \-./]?\d){6,}", m):
            print("  line %d [%s]: %r" % (lineno, lang, x.group()))
        for x in re.finditer(r"(?<![0-9A-Za-z])[0-9A-Fa-f]{12,}(?![0-9A-Za-z])", m):
            if not x.group().isdigit():
                print("  line %d [%s]: hex %r" % (lineno, lang, x.group()))
    print("\nGenerated / checked values:")
    for lineno, lang, text, spans, masks, looks in rows:
        for t, s, e, v in spans:
            if t in ("CC", "IBAN", "NHS", "BTC", "NINO", "MAC", "SSN"):
                print("  line %d %s %s" % (lineno, t, v))
        for lk, s, e, v in looks:
            print("  line %d ~%s %s" % (lineno, lk, v))


def main(argv):
    try:
        rows = build()
    except BuildError as e:
        print("build.py: refusing to write: %s" % e, file=sys.stderr)
        return 1
    data = render(rows)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    digest = hashlib.sha256(data.encode("utf-8")).hexdigest()
    print("wrote %s: %d rows, sha256 %s" % (OUT.name, len(rows), digest))
    if "--stats" in argv:
        stats(rows)
    if "--review" in argv:
        review(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
