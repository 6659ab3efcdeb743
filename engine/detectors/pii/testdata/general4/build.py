#!/usr/bin/env python3
"""Build holdout.jsonl from holdout.txt (general4 PII hold-out set).

Standard library only.  Usage:

    python3 build.py            # write holdout.jsonl, print counts
    python3 build.py --review   # also list digit runs left unmarked, for a human check

Source format (holdout.txt): one row per line, "[lang] text".  Blank lines
and lines starting with "#" are ignored.  In the text:

    ⟦TYPE|value⟧      an entity (TYPE is a short name, see TYPES)
    ⟦PHONE@cc|value⟧  a phone written in national format; cc is the country
    ⟦~KIND|value⟧     not an entity: a look-alike that is checked and then
                      written as plain text (~CC fails Luhn, ~IBAN fails
                      mod 97, ~SSN breaks the SSN rules, ~NHS is a valid NHS
                      number, ~ISBN a valid ISBN-13, ~IMEI a valid IMEI,
                      plain ~ is only exempt from the leak scan)
    \\n, \\t, \\\\        newline, tab, backslash (other backslashes are literal)

Check digits: in CC / ~IMEI / ~NHS / ~ISBN values a "#" is the final check
digit; in IBAN values "##" are the IBAN check digits and "*" the national
check characters (BE, ES, FR, IT, PT).  build.py computes them, keeping the
spacing written in the source.

Everything is validated; any problem stops the build with a non-zero exit.
The output is deterministic (byte-identical on every run).
"""

import hashlib
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
ID_PREFIX = "pg4-"

TYPES = {
    "CC": "CREDIT_CARD",
    "EMAIL": "EMAIL_ADDRESS",
    "IBAN": "IBAN_CODE",
    "IP": "IP_ADDRESS",
    "PER": "PERSON",
    "PHONE": "PHONE_NUMBER",
    "ADDR": "STREET_ADDRESS",
    "URL": "URL",
    "SSN": "US_SSN",
}
ANNOTATED = sorted(TYPES.values())
NEGATIVE_KINDS = {"", "CC", "IBAN", "SSN", "NHS", "ISBN", "IMEI"}
LANGS = {
    "en", "de", "fr", "es", "it", "pt-BR", "pt-PT", "nl", "pl", "sv", "tr",
    "ru", "ja", "zh", "ko", "hi", "hi-Latn", "ar", "vi", "id",
}

MARK = re.compile(r"⟦(~?)([A-Z]*)(?:@([a-z]{2}))?\|([^⟦⟧]*)⟧")
ESC = re.compile(r"\\([nt\\])")
ESC_MAP = {"n": "\n", "t": "\t", "\\": "\\"}

errors = []


def err(msg):
    errors.append(msg)


# ---------------------------------------------------------------- check digits

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
    if d[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720) and n == 16:
        return "mastercard"
    if d[:2] in ("34", "37") and n == 15:
        return "amex"
    if (d.startswith("6011") or d.startswith("65") or 644 <= int(d[:3]) <= 649) and 16 <= n <= 19:
        return "discover"
    if 3528 <= int(d[:4]) <= 3589 and 16 <= n <= 19:
        return "jcb"
    if (d[:2] in ("36", "38", "39") or 300 <= int(d[:3]) <= 305) and 14 <= n <= 19:
        return "diners"
    if d.startswith("62") and 16 <= n <= 19:
        return "unionpay"
    return None


def card_ok(d):
    return 13 <= len(d) <= 19 and card_brand(d) is not None and luhn_ok(d)


IBAN_BBAN = {  # country: BBAN pattern (per the SWIFT IBAN registry)
    "AE": r"\d{19}",
    "AT": r"\d{16}",
    "BE": r"\d{12}",
    "BR": r"\d{23}[A-Z][0-9A-Z]",
    "CH": r"\d{5}[0-9A-Z]{12}",
    "DE": r"\d{18}",
    "ES": r"\d{20}",
    "FR": r"\d{10}[0-9A-Z]{11}\d{2}",
    "GB": r"[A-Z]{4}\d{14}",
    "IE": r"[A-Z]{4}\d{14}",
    "IT": r"[A-Z]\d{10}[0-9A-Z]{12}",
    "NL": r"[A-Z]{4}\d{10}",
    "PL": r"\d{24}",
    "PT": r"\d{21}",
    "SA": r"\d{2}[0-9A-Z]{18}",
    "SE": r"\d{20}",
    "TR": r"\d{5}0[0-9A-Z]{16}",
}
IBAN_LEN = {"AE": 23, "AT": 20, "BE": 16, "BR": 29, "CH": 21, "DE": 22, "ES": 24,
            "FR": 27, "GB": 22, "IE": 22, "IT": 27, "NL": 18, "PL": 28, "PT": 25,
            "SA": 24, "SE": 24, "TR": 26}


def iban_num(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban_mod97_ok(c):
    return iban_num(c[4:] + c[:4]) % 97 == 1


def iban_check_digits(c):
    return "%02d" % (98 - iban_num(c[4:] + c[:2] + "00") % 97)


def iban_ok(c):
    cc = c[:2]
    return (cc in IBAN_BBAN and len(c) == IBAN_LEN[cc]
            and re.fullmatch(IBAN_BBAN[cc], c[4:]) is not None
            and c[2:4].isdigit() and iban_mod97_ok(c))


ES_W = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14,
          16, 10, 22, 25, 24, 23]


def it_val(ch):
    return int(ch) if ch.isdigit() else ord(ch) - 65


def national_check(cc, bban):
    """Return the BBAN with its national check characters computed."""
    if cc == "BE":
        r = int(bban[:10]) % 97 or 97
        return bban[:10] + "%02d" % r
    if cc == "ES":
        def dc(s):
            r = 11 - sum(int(a) * w for a, w in zip(s, ES_W)) % 11
            return {11: 0, 10: 1}.get(r, r)
        return bban[:8] + "%d%d" % (dc("00" + bban[:8]), dc(bban[10:])) + bban[10:]
    if cc == "FR":
        bank, branch, acct = bban[:5], bban[5:10], bban[10:21]
        # letters in the account map to digits as in the RIB key rules
        acct_n = "".join(c if c.isdigit() else str("123456789123456789234567890"[ord(c) - 65])
                         for c in acct)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct_n)) % 97
        return bban[:21] + "%02d" % key
    if cc == "IT":
        body = bban[1:]
        s = sum(IT_ODD[it_val(ch)] if i % 2 == 0 else it_val(ch) for i, ch in enumerate(body))
        return chr(65 + s % 26) + body
    if cc == "PT":
        return bban[:19] + "%02d" % (98 - int(bban[:19]) * 100 % 97)
    return bban


def nhs_digit(body):
    r = 11 - sum(int(d) * w for d, w in zip(body, range(10, 1, -1))) % 11
    if r == 11:
        return "0"
    if r == 10:
        return None
    return str(r)


def isbn13_digit(body):
    s = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
    return str((10 - s % 10) % 10)


def ssn_ok(value):
    if not re.fullmatch(r"\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}|\d{9}", value):
        return False
    d = re.sub(r"\D", "", value)
    area, group, serial = d[:3], d[3:5], d[5:]
    if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
        return False
    if d in ("078051120", "219099999", "123456789") or len(set(d)) == 1:
        return False
    return True


def relayout(template, compact):
    """Put the characters of compact back into template's non-space slots."""
    it = iter(compact)
    out = "".join(ch if ch == " " else next(it) for ch in template)
    assert next(it, None) is None
    return out


def fill(kind, value, where):
    """Compute placeholder check digits; return the final value."""
    compact = value.replace(" ", "").replace("-", "")
    if kind in ("CC", "IMEI", "NHS", "ISBN"):
        if compact.count("#") > 1 or ("#" in compact and not compact.endswith("#")):
            err(f"{where}: '#' must be the last digit: {value}")
            return value
        if compact.endswith("#"):
            body = compact[:-1]
            if kind in ("CC", "IMEI"):
                digit = luhn_digit(body)
            elif kind == "NHS":
                digit = nhs_digit(body)
                if digit is None:
                    err(f"{where}: NHS body {body} has no valid check digit")
                    return value
            else:
                digit = isbn13_digit(body)
            return value.replace("#", digit)
        return value
    if kind == "IBAN":
        c = value.replace(" ", "")
        if "#" not in c and "*" not in c:
            return value
        cc = c[:2]
        bban = national_check(cc, c[4:]) if "*" in c else c[4:]
        if "*" in bban:
            err(f"{where}: national check placeholders not supported for {cc}")
            return value
        check = iban_check_digits(cc + "00" + bban) if c[2:4] == "##" else c[2:4]
        return relayout(value, cc + check + bban)
    return value


# ---------------------------------------------------------------- phones

PHONE_RULES = {  # cc: (calling code, trunk prefix, national significant number)
    "ae": ("971", "0", r"5[024568]\d{7}|[2-4679]\d{7}"),
    "au": ("61", "0", r"4\d{8}|[2378]\d{8}"),
    "be": ("32", "0", r"4[5-9]\d{7}|[1-9]\d{7}"),
    "br": ("55", "0", r"[1-9][1-9](?:9\d{8}|[2-5]\d{7})"),
    "cn": ("86", "0", r"1[3-9]\d{9}|10\d{8}|2\d{9}|[3-9]\d{9,10}"),
    "co": ("57", "", r"3\d{9}|60\d{8}"),
    "de": ("49", "0", r"1[5-7]\d{8,9}|[2-9]\d{6,10}"),
    "eg": ("20", "0", r"1[0125]\d{8}|[23]\d{7,8}"),
    "es": ("34", "", r"[6-9]\d{8}"),
    "fr": ("33", "0", r"[1-79]\d{8}"),
    "gb": ("44", "0", r"7[1-57-9]\d{8}|20\d{8}|1\d{8,9}|3\d{9}|80\d{7,8}"),
    "id": ("62", "0", r"8\d{8,11}|21\d{7,8}"),
    "ie": ("353", "0", r"8[35-9]\d{7}|1\d{7}|[2-9]\d{7,8}"),
    "in": ("91", "0", r"[6-9]\d{9}|[1-5]\d{9}"),
    "it": ("39", "", r"0\d{5,10}|3\d{8,9}"),
    "jp": ("81", "0", r"[789]0\d{8}|[1-9]\d{8}"),
    "kr": ("82", "0", r"10\d{8}|2\d{7,8}|[3-6][1-5]\d{7,8}"),
    "mx": ("52", "", r"[1-9]\d{9}"),
    "ng": ("234", "0", r"[789][01]\d{8}"),
    "nl": ("31", "0", r"6\d{8}|[1-57-9]\d{8}"),
    "pl": ("48", "", r"[1-9]\d{8}"),
    "pt": ("351", "", r"[29]\d{8}"),
    "ru": ("7", "8", r"9\d{9}|[348]\d{9}"),
    "sa": ("966", "0", r"5\d{8}|1\d{7,8}"),
    "se": ("46", "0", r"7[02369]\d{7}|8\d{6,8}|[1-69]\d{6,8}"),
    "tr": ("90", "0", r"5\d{9}|[2-4]\d{9}"),
    "us": ("1", "1", r"[2-9]\d{2}[2-9]\d{6}"),
    "vn": ("84", "0", r"[35789]\d{8}|2\d{9}"),
    "za": ("27", "0", r"[1-8]\d{8}"),
}


# Countries whose national format is usually written without the trunk prefix
# (mobiles in BR/CN/IN; US numbers without the leading 1).
TRUNK_OPTIONAL = {"br", "cn", "in", "us"}


def phone_country(value, cc):
    """Return the country the phone is valid for, or None."""
    if not re.fullmatch(r"\+?[0-9 ()\-./]+", value):
        return None
    v = value.replace("(0)", "")
    intl = v.startswith("+") or v.startswith("00")
    digits = re.sub(r"\D", "", v)
    if intl:
        if cc:
            return None  # international numbers must not carry a country tag
        if v.startswith("00"):
            digits = digits[2:]
        for country, (code, trunk, nsn) in sorted(PHONE_RULES.items()):
            if digits.startswith(code) and re.fullmatch(nsn, digits[len(code):]):
                return country
        return None
    if cc not in PHONE_RULES:
        return None
    code, trunk, nsn = PHONE_RULES[cc]
    candidates = []
    if trunk and digits.startswith(trunk):
        candidates.append(digits[len(trunk):])
    if not trunk or cc in TRUNK_OPTIONAL:
        candidates.append(digits)
    return cc if any(re.fullmatch(nsn, c) for c in candidates) else None


# ---------------------------------------------------------------- entity checks

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(r"(?:https?://)?(?:localhost|(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?::\d+)?(?:[/?#]\S*)?")
TITLE_RE = re.compile(r"(?i)(mr|mrs|ms|miss|dr|dra|prof|herr|frau|mme|mlle|sr|sra|dott|signor|pak|bu)\.?\s")


def is_letter(ch):
    return unicodedata.category(ch)[0] in "LM"


def check_entity(t, value, cc, where):
    if value != value.strip() or not value or "\n" in value:
        err(f"{where}: bad whitespace in {value!r}")
    if t == "CC":
        d = re.sub(r"[ -]", "", value)
        if not d.isdigit() or not card_ok(d):
            err(f"{where}: invalid card {value}")
    elif t == "IBAN":
        if not iban_ok(value.replace(" ", "")):
            err(f"{where}: invalid IBAN {value}")
    elif t == "SSN":
        if not ssn_ok(value):
            err(f"{where}: invalid SSN {value}")
    elif t == "EMAIL":
        if not EMAIL_RE.fullmatch(value):
            err(f"{where}: bad email {value}")
    elif t == "URL":
        if not URL_RE.fullmatch(value) or value[-1] in ".,;:)":
            err(f"{where}: bad URL {value}")
    elif t == "IP":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            err(f"{where}: bad IP {value}")
    elif t == "PHONE":
        if phone_country(value, cc) is None:
            err(f"{where}: phone not valid for its country: {value} ({cc})")
    elif t == "PER":
        if TITLE_RE.match(value) or any(ch.isdigit() for ch in value) or not is_letter(value[-1]):
            err(f"{where}: PERSON span should be the bare name: {value!r}")
    elif t == "ADDR":
        if not any(unicodedata.category(ch) == "Nd" for ch in value) or value[-1] in ".,;:":
            err(f"{where}: address needs a number and no trailing punctuation: {value!r}")
    if t != "PHONE" and cc:
        err(f"{where}: country tag only allowed on PHONE")


def check_negative(kind, value, where):
    d = re.sub(r"[ -]", "", value)
    if kind == "CC" and (not d.isdigit() or luhn_ok(d)):
        err(f"{where}: ~CC should fail Luhn: {value}")
    elif kind == "IBAN" and (iban_ok(d) or d[:2] not in IBAN_LEN or len(d) != IBAN_LEN[d[:2]]):
        err(f"{where}: ~IBAN should have the right length and a wrong check: {value}")
    elif kind == "SSN" and ssn_ok(value):
        err(f"{where}: ~SSN should break the SSN rules: {value}")
    elif kind == "NHS" and (len(d) != 10 or nhs_digit(d[:9]) != d[9]):
        err(f"{where}: ~NHS should be a valid NHS number: {value}")
    elif kind == "ISBN" and (len(d) != 13 or isbn13_digit(d[:12]) != d[12]):
        err(f"{where}: ~ISBN should be a valid ISBN-13: {value}")
    elif kind == "IMEI" and (len(d) != 15 or not luhn_ok(d) or card_brand(d)):
        err(f"{where}: ~IMEI should be a valid IMEI that is not a card: {value}")


# ---------------------------------------------------------------- leak scan

def leak_scan(text, spans, where, review):
    """Find likely PII left unmarked (outside entity and ~ spans)."""
    masked = list(text)
    for s, e in spans:
        for i in range(s, e):
            masked[i] = "\x00"
    m = "".join(masked)
    found = []
    for x in EMAIL_RE.finditer(m):
        found.append(("email", x.group()))
    for x in re.finditer(r"https?://\S+|www\.\S+", m):
        found.append(("url", x.group()))
    for x in re.finditer(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])", m):
        try:
            ipaddress.IPv4Address(x.group())
            found.append(("ipv4", x.group()))
        except ValueError:
            pass
    for x in re.finditer(r"(?<![0-9A-Za-z:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?![0-9A-Za-z:])", m):
        if x.group().count(":") >= 2:
            try:
                ipaddress.IPv6Address(x.group())
                found.append(("ipv6", x.group()))
            except ValueError:
                pass
    for x in re.finditer(r"(?<![\dA-Za-z])\d(?:[ -]?\d){12,18}(?![\dA-Za-z])", m):
        d = re.sub(r"\D", "", x.group())
        if card_ok(d):
            found.append(("card", x.group()))
    for x in re.finditer(r"(?<![A-Za-z])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}", m):
        c = x.group().replace(" ", "")
        cc = c[:2]
        if cc in IBAN_LEN and len(c) >= IBAN_LEN[cc] and iban_ok(c[:IBAN_LEN[cc]]):
            found.append(("iban", x.group()))
    for x in re.finditer(r"(?<![\dA-Za-z])\d{3}[- ]?\d{2}[- ]?\d{4}(?![\dA-Za-z])", m):
        if ssn_ok(x.group()):
            found.append(("ssn", x.group()))
    for kind, v in found:
        err(f"{where}: unmarked {kind}-like string {v!r} (mark it, or wrap it in ⟦~|…⟧)")
    if review:
        for x in re.finditer(r"\+?\d[\d ()./-]{5,}\d", m):
            print(f"  review {where}: {x.group()!r}")


# ---------------------------------------------------------------- build

def unescape(s):
    return ESC.sub(lambda mo: ESC_MAP[mo.group(1)], s)


def parse_line(lang, raw, where):
    text = ""
    entities = []
    exempt = []
    pos = 0
    for mo in MARK.finditer(raw):
        text += unescape(raw[pos:mo.start()])
        neg, kind, cc, value = mo.group(1), mo.group(2), mo.group(3), mo.group(4)
        if neg:
            if kind not in NEGATIVE_KINDS or cc:
                err(f"{where}: unknown negative marker ~{kind}")
            value = fill(kind, value, where)
            check_negative(kind, value, where)
            exempt.append((len(text), len(text) + len(value)))
        else:
            if kind not in TYPES:
                err(f"{where}: unknown type {kind}")
                continue
            value = fill(kind, value, where)
            check_entity(kind, value, cc, where)
            entities.append({"type": TYPES[kind], "start": len(text),
                             "end": len(text) + len(value), "value": value})
        text += value
        pos = mo.end()
    text += unescape(raw[pos:])
    if "⟦" in text or "⟧" in text:
        err(f"{where}: stray markup bracket")
    return text, entities, exempt


def main():
    review = "--review" in sys.argv[1:]
    rows = []
    langs = []
    for lineno, line in enumerate(SRC.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"holdout.txt:{lineno}"
        mo = re.fullmatch(r"\[([A-Za-z-]+)\] (.+)", line)
        if not mo or mo.group(1) not in LANGS:
            err(f"{where}: line must start with a known [lang] tag")
            continue
        lang, raw = mo.group(1), mo.group(2)
        text, entities, exempt = parse_line(lang, raw, where)
        for e in entities:
            assert text[e["start"]:e["end"]] == e["value"]
            before = text[e["start"] - 1] if e["start"] > 0 else " "
            after = text[e["end"]] if e["end"] < len(text) else " "
            if (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum()):
                err(f"{where}: span {e['value']!r} cuts through a word")
        spans = sorted((e["start"], e["end"]) for e in entities) + exempt
        spans.sort()
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            if s2 < e1:
                err(f"{where}: overlapping spans")
        leak_scan(text, spans, where, review)
        entities.sort(key=lambda e: (e["start"], e["end"]))
        rows.append((text, entities))
        langs.append(lang)

    texts = [t for t, _ in rows]
    for t, n in Counter(texts).items():
        if n > 1:
            err(f"duplicate row text: {t[:60]!r}")
    if len(rows) > 1000:
        err("too many rows for a 3-digit id")

    if errors:
        for e in errors:
            print("ERROR", e, file=sys.stderr)
        print(f"{len(errors)} error(s); holdout.jsonl not written", file=sys.stderr)
        sys.exit(1)

    out_lines = []
    for i, (text, entities) in enumerate(rows):
        row = {"id": f"{ID_PREFIX}{i:03d}", "text": text, "entities": entities,
               "annotated_types": ANNOTATED}
        out_lines.append(json.dumps(row, ensure_ascii=False))
    data = ("\n".join(out_lines) + "\n").encode("utf-8")
    OUT.write_bytes(data)

    # Re-read and re-check what was written.
    for line in OUT.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for e in row["entities"]:
            assert row["text"][e["start"]:e["end"]] == e["value"], row["id"]

    types = Counter(e["type"] for _, ents in rows for e in ents)
    neg = sum(1 for _, ents in rows if not ents)
    lang_count = Counter(langs)
    non_en = len(rows) - lang_count["en"]
    print(f"rows {len(rows)}, with PII {len(rows) - neg}, without PII {neg} "
          f"({100 * neg / len(rows):.1f}%)")
    print(f"entities {sum(types.values())}: " +
          ", ".join(f"{t} {types[t]}" for t in ANNOTATED))
    print(f"non-English rows {non_en} ({100 * non_en / len(rows):.1f}%): " +
          ", ".join(f"{k} {v}" for k, v in sorted(lang_count.items())))
    neg_lang = Counter(l for l, (_, ents) in zip(langs, rows) if not ents)
    print("rows without PII by language: " +
          ", ".join(f"{k} {v}" for k, v in sorted(neg_lang.items())))
    print("sha256", hashlib.sha256(data).hexdigest(), OUT.name)


if __name__ == "__main__":
    main()
