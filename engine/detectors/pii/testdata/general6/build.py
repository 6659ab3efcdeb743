#!/usr/bin/env python3
"""Build and validate the general6 PII hold-out set.

Reads holdout.txt (one row per line: `[lang] text`, inline markup) and
writes holdout.jsonl. Standard library only. Exits non-zero on any
validation error.

Markup:
  ⟦TYPE|value⟧      entity; TYPE in PER EMAIL PHONE ADDR URL IP IBAN CC SSN
  ⟦PHONE@cc|value⟧  phone in national format for country cc
  ⟦~KIND|value⟧     NOT an entity (look-alike), written as plain text after a
                    check: ~CC must fail Luhn, ~IBAN must fail mod 97 or the
                    country length, ~SSN must break the SSN rules; plain `~`
                    or any other KIND only exempts the text from the leak scan.
  In CC values a `#` is the Luhn check digit, in IBAN values `##` are the
  two check digits; both are computed here.
  Escapes: \\n newline, \\t tab, \\\\ backslash.
Lines that are empty or start with `#` are comments.

Usage: python3 build.py [--review]
"""
import hashlib
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

TYPES = {
    "PER": "PERSON", "EMAIL": "EMAIL_ADDRESS", "PHONE": "PHONE_NUMBER",
    "ADDR": "STREET_ADDRESS", "URL": "URL", "IP": "IP_ADDRESS",
    "IBAN": "IBAN_CODE", "CC": "CREDIT_CARD", "SSN": "US_SSN",
}
ANNOTATED = sorted(TYPES.values())

errors = []


def err(rowno, msg):
    errors.append(f"row {rowno}: {msg}")


# ---------------------------------------------------------------- checks
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


def luhn_digit(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
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
    if (d[:4] == "6011" or d[:2] == "65" or 644 <= int(d[:3]) <= 649) and 16 <= n <= 19:
        return "discover"
    if (d[:2] in ("36", "38") or 300 <= int(d[:3]) <= 305) and n == 14:
        return "diners"
    if 3528 <= int(d[:4]) <= 3589 and 16 <= n <= 19:
        return "jcb"
    if d[:2] == "62" and 16 <= n <= 19:
        return "unionpay"
    if 2200 <= int(d[:4]) <= 2204 and 16 <= n <= 19:
        return "mir"
    return None


IBAN_LEN = {
    "AD": 24, "AE": 23, "AT": 20, "BE": 16, "BR": 29, "CH": 21, "CZ": 24,
    "DE": 22, "DK": 18, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27,
    "IE": 22, "IT": 27, "LU": 20, "NL": 18, "NO": 15, "PL": 28, "PT": 25,
    "RO": 24, "SA": 24, "SE": 24, "TR": 26, "SK": 24, "HU": 28, "EG": 29,
}
IBAN_BBAN = {  # simplified BBAN structure after the 4 leading chars
    "DE": r"\d{18}", "GB": r"[A-Z]{4}\d{14}", "NL": r"[A-Z]{4}\d{10}",
    "BE": r"\d{12}", "FR": r"\d{10}[A-Z0-9]{11}\d{2}", "ES": r"\d{20}",
    "IT": r"[A-Z]\d{10}[A-Z0-9]{12}", "PT": r"\d{21}", "PL": r"\d{24}",
    "SE": r"\d{20}", "TR": r"\d{5}0[A-Z0-9]{16}", "AE": r"\d{19}",
    "SA": r"\d{2}[A-Z0-9]{18}", "CH": r"\d{5}[A-Z0-9]{12}", "AT": r"\d{16}",
    "BR": r"\d{23}[A-Z][A-Z0-9]", "IE": r"[A-Z]{4}\d{14}", "NO": r"\d{11}",
    "EG": r"\d{25}", "LU": r"\d{3}[A-Z0-9]{13}", "DK": r"\d{14}", "FI": r"\d{14}",
}


def iban_mod(s):
    s = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in s)
    return int(num) % 97


def iban_ok(compact):
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact):
        return False
    cc = compact[:2]
    if IBAN_LEN.get(cc) != len(compact):
        return False
    return iban_mod(compact) == 1


def iban_fill(value):
    compact = value.replace(" ", "")
    filled = compact.replace("##", "00", 1)
    chk = 98 - iban_mod(filled)
    return value.replace("##", f"{chk:02d}", 1)


SSN_BAD = {"078051120", "219099999", "123456789", "111111111", "987654320"}


def ssn_ok(v):
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", v)
    if not m:
        return False
    a, g, s = m.group(1), m.group(3), m.group(4)
    if a in ("000", "666") or a[0] == "9" or g == "00" or s == "0000":
        return False
    if a + g + s in SSN_BAD:
        return False
    return True


# country: (calling code, trunk prefix or "", trunk optional?, NSN regex)
PHONES = {
    "us": ("1", "1", True, r"[2-9]\d{2}[2-9]\d{6}"),
    "ca": ("1", "1", True, r"[2-9]\d{2}[2-9]\d{6}"),
    "gb": ("44", "0", False, r"7\d{9}|[123]\d{8,9}|80\d{7,8}|8[47]\d{8}"),
    "ie": ("353", "0", False, r"[1-9]\d{6,8}"),
    "de": ("49", "0", False, r"1[5-7]\d{8,9}|[2-9]\d{5,10}"),
    "at": ("43", "0", False, r"[1-9]\d{3,12}"),
    "ch": ("41", "0", False, r"[1-9]\d{8}"),
    "fr": ("33", "0", False, r"[1-9]\d{8}"),
    "be": ("32", "0", False, r"4\d{8}|[1-9]\d{7}"),
    "nl": ("31", "0", False, r"[1-9]\d{8}"),
    "es": ("34", "", False, r"[6-9]\d{8}"),
    "it": ("39", "", False, r"3\d{8,9}|0\d{5,10}"),
    "pt": ("351", "", False, r"[29]\d{8}"),
    "br": ("55", "0", True, r"[1-9][1-9](?:9\d{8}|[2-5]\d{7})"),
    "mx": ("52", "", False, r"[1-9]\d{9}"),
    "pl": ("48", "", False, r"[1-9]\d{8}"),
    "se": ("46", "0", False, r"7[02369]\d{7}|[1-9]\d{6,8}"),
    "tr": ("90", "0", False, r"5\d{9}|[2-4]\d{9}|8[58]0\d{7}"),
    "ru": ("7", "8", False, r"[3489]\d{9}"),
    "cn": ("86", "0", True, r"1[3-9]\d{9}|10\d{8}|2\d{9}|[3-9]\d{9,10}"),
    "jp": ("81", "0", False, r"[1-9]\d{8,9}"),
    "kr": ("82", "0", False, r"1[0-9]\d{7,8}|[2-6]\d{7,9}"),
    "in": ("91", "0", True, r"[6-9]\d{9}|[1-8]\d{9}"),
    "vn": ("84", "0", False, r"[35789]\d{8}|2\d{9}"),
    "ae": ("971", "0", False, r"5\d{8}|[2-4679]\d{7}"),
    "sa": ("966", "0", False, r"5\d{8}|1\d{7}"),
    "eg": ("20", "0", False, r"1[0125]\d{8}|[2-9]\d{7,8}"),
    "au": ("61", "0", False, r"[2-478]\d{8}"),
    "ng": ("234", "0", False, r"[789][01]\d{8}"),
}


def phone_ok(value, cc):
    if not re.fullmatch(r"[+(\d][\d ()\-./]*\d", value):
        return "bad characters"
    v = value.replace("(0)", "")
    digits = re.sub(r"\D", "", v)
    if cc is None:
        if value.startswith("+"):
            rest = digits
        elif value.startswith("00"):
            rest = digits[2:]
        else:
            return "national format without @cc"
        for c, (code, trunk, opt, pat) in sorted(PHONES.items(), key=lambda kv: -len(kv[1][0])):
            if rest.startswith(code) and re.fullmatch(pat, rest[len(code):]):
                return None
        return "no country matches " + rest
    if cc not in PHONES:
        return "unknown country " + cc
    code, trunk, opt, pat = PHONES[cc]
    if value.startswith("+") or value.startswith("00"):
        return "international number marked @cc"
    if trunk and digits.startswith(trunk) and re.fullmatch(pat, digits[len(trunk):]):
        return None
    if (not trunk or opt) and re.fullmatch(pat, digits):
        return None
    return f"not a valid {cc} national number"


EMAIL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}")
HOST_RE = r"(?:localhost|(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\])"
URL_RE = re.compile(r"(?:(?:https?|ftp)://)?" + HOST_RE + r"(?::\d{1,5})?(?:[/?#][^\s]*)?", re.I)

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "herr", "herrn", "frau", "hr", "fr",
    "mme", "mlle", "m", "monsieur", "madame", "sr", "sra", "srta", "dra", "don",
    "doña", "dott", "dottssa", "sig", "sigra", "signor", "signora", "pan", "pani",
    "dhr", "mevr", "bay", "bayan", "bey", "hanım", "г-н", "г-жа", "господин",
    "госпожа", "様", "さん", "님", "씨", "先生", "女士", "小姐", "ji", "श्री",
    "श्रीमती", "السيد", "السيدة", "د", "anh", "chị", "ông", "bà", "exmo", "exma",
    "senhor", "senhora", "engº", "eng", "ing", "avv",
}


def is_cjk(ch):
    if not ch:
        return False
    n = unicodedata.name(ch, "")
    return any(k in n for k in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))


def wordish(ch):
    return bool(ch) and (ch.isalnum() or ch == "_") and not is_cjk(ch) \
        and unicodedata.category(ch)[0] != "M"


# ---------------------------------------------------------------- parse
def unescape_iter(s):
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s) and s[i + 1] in "nt\\":
            yield {"n": "\n", "t": "\t", "\\": "\\"}[s[i + 1]]
            i += 2
        else:
            yield c
            i += 1


def unescape(s):
    return "".join(unescape_iter(s))


MARK = re.compile(r"⟦([~A-Za-z]*)(?:@([a-z]{2}))?\|(.*?)⟧")


def parse(rowno, body):
    out = []
    pos = 0
    ents = []
    negs = []
    for m in MARK.finditer(body):
        out.append(unescape(body[pos:m.start()]))
        kind, cc, raw = m.group(1), m.group(2), m.group(3)
        start = sum(len(x) for x in out)
        val = unescape(raw)
        if kind.startswith("~"):
            k = kind[1:]
            if k == "CC" and "#" in val:
                err(rowno, "no placeholders in ~CC")
            out.append(val)
            negs.append((k, start, start + len(val), val))
        else:
            if kind not in TYPES:
                err(rowno, f"unknown type {kind}")
                continue
            if cc and kind != "PHONE":
                err(rowno, "@cc only for PHONE")
            if kind == "CC" and "#" in val:
                head = val[:val.index("#")]
                val = head + luhn_digit(re.sub(r"\D", "", head)) + val[val.index("#") + 1:]
            if kind == "IBAN" and "##" in val:
                val = iban_fill(val)
            out.append(val)
            ents.append({"type": TYPES[kind], "start": start, "end": start + len(val),
                         "value": val, "_k": kind, "_cc": cc})
        pos = m.end()
    out.append(unescape(body[pos:]))
    text = "".join(out)
    if "⟦" in text or "⟧" in text:
        err(rowno, "unbalanced markup")
    return text, ents, negs


def validate(rowno, text, ents, negs):
    spans = sorted([(e["start"], e["end"], e["_k"]) for e in ents] +
                   [(n[1], n[2], "~" + n[0]) for n in negs])
    for (s1, e1, k1), (s2, e2, k2) in zip(spans, spans[1:]):
        if s2 < e1:
            err(rowno, f"overlap {k1}/{k2}")
    for s, e, k in spans:
        v = text[s:e]
        if v != v.strip() or not v:
            err(rowno, f"{k} span has outer whitespace: {v!r}")
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < len(text) else ""
        if (wordish(before) and wordish(v[0])) or (wordish(after) and wordish(v[-1])):
            err(rowno, f"{k} span cuts a word: {v!r}")
    for e in ents:
        k, v, cc = e["_k"], e["value"], e["_cc"]
        assert text[e["start"]:e["end"]] == v
        if k == "CC":
            d = re.sub(r"[ \-]", "", v)
            if not d.isdigit() or not luhn_ok(d) or not card_brand(d):
                err(rowno, f"bad card {v}")
        elif k == "IBAN":
            if not iban_ok(v.replace(" ", "")):
                err(rowno, f"bad IBAN {v}")
            else:
                c = v.replace(" ", "")
                pat = IBAN_BBAN.get(c[:2])
                if pat and not re.fullmatch(pat, c[4:]):
                    err(rowno, f"IBAN BBAN structure {v}")
                if " " in v and not re.fullmatch(r"[A-Z0-9]{4}(?: [A-Z0-9]{4})*(?: [A-Z0-9]{1,3})?", v):
                    err(rowno, f"IBAN grouping {v}")
        elif k == "SSN":
            if not ssn_ok(v):
                err(rowno, f"bad SSN {v}")
        elif k == "PHONE":
            p = phone_ok(v, cc)
            if p:
                err(rowno, f"phone {v}: {p}")
        elif k == "EMAIL":
            if not EMAIL_RE.fullmatch(v):
                err(rowno, f"bad email {v}")
        elif k == "URL":
            if not URL_RE.fullmatch(v) or v[-1] in ".,;:!?)'\"":
                err(rowno, f"bad URL {v}")
            if "@" in v.split("/")[0]:
                err(rowno, f"URL with userinfo {v}")
        elif k == "IP":
            try:
                ipaddress.ip_address(v)
            except ValueError:
                err(rowno, f"bad IP {v}")
        elif k == "PER":
            toks = re.split(r"[\s.]+", v.lower())
            toks = [t for t in toks if t]
            if toks and (toks[0] in TITLES or toks[-1] in TITLES):
                err(rowno, f"title inside PERSON {v}")
            for t in ("様", "さん", "님", "先生", "女士", "小姐", "ji"):
                if v.endswith(t) and t != "ji":
                    err(rowno, f"honorific inside PERSON {v}")
            if any(ch.isdigit() for ch in v) or "@" in v:
                err(rowno, f"odd PERSON {v}")
        elif k == "ADDR":
            if not any(ch.isdigit() for ch in v):
                err(rowno, f"address without number {v}")
    for k, s, e, v in negs:
        if k == "CC":
            d = re.sub(r"[ \-]", "", v)
            if not d.isdigit() or luhn_ok(d):
                err(rowno, f"~CC passes Luhn or is not digits: {v}")
        elif k == "IBAN":
            if iban_ok(v.replace(" ", "")):
                err(rowno, f"~IBAN is valid: {v}")
        elif k == "SSN":
            if ssn_ok(v):
                err(rowno, f"~SSN is valid: {v}")


# ---------------------------------------------------------------- leak scan
LEAK_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}")
LEAK_URL = re.compile(r"(?:https?://|ftp://|www\.)\S+", re.I)
LEAK_V4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])")
LEAK_V6 = re.compile(r"(?<![0-9A-Za-z:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")
LEAK_DIGITS = re.compile(r"(?<![\d])\d(?:[ \-]?\d){12,18}(?!\d)")
LEAK_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}")
LEAK_SSN = re.compile(r"(?<![\d\-])\d{3}([- ])\d{2}\1\d{4}(?![\d\-])")


def leak_scan(rowno, text, ents, negs):
    masked = list(text)
    for s, e in [(x["start"], x["end"]) for x in ents] + [(n[1], n[2]) for n in negs]:
        for i in range(s, e):
            masked[i] = " "
    t = "".join(masked)
    for m in LEAK_EMAIL.finditer(t):
        err(rowno, f"unmarked email {m.group()}")
    for m in LEAK_URL.finditer(t):
        err(rowno, f"unmarked URL {m.group()}")
    for m in LEAK_V4.finditer(t):
        try:
            ipaddress.IPv4Address(m.group())
            err(rowno, f"unmarked IPv4 {m.group()}")
        except ValueError:
            pass
    for m in LEAK_V6.finditer(t):
        g = m.group().rstrip(".:")
        if g.count(":") >= 2:
            try:
                ipaddress.IPv6Address(g)
                err(rowno, f"unmarked IPv6 {g}")
            except ValueError:
                pass
    for m in LEAK_DIGITS.finditer(t):
        d = re.sub(r"\D", "", m.group())
        for n in range(13, 20):
            for i in range(0, len(d) - n + 1):
                sub = d[i:i + n]
                if card_brand(sub) and luhn_ok(sub):
                    err(rowno, f"unmarked card-like {sub} in {m.group()}")
                    break
    for m in LEAK_IBAN.finditer(t):
        c = m.group().replace(" ", "")
        L = IBAN_LEN.get(c[:2])
        if L and len(c) >= L and iban_ok(c[:L]):
            err(rowno, f"unmarked IBAN {m.group()}")
    for m in LEAK_SSN.finditer(t):
        if ssn_ok(m.group()):
            err(rowno, f"unmarked SSN {m.group()}")


# ---------------------------------------------------------------- main
def main():
    review = "--review" in sys.argv
    rows = []
    with open(SRC, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            m = re.match(r"\[([a-z]{2}(?:-[A-Za-z]+)?)\] (.+)$", line)
            if not m:
                errors.append(f"line {ln}: bad row syntax")
                continue
            rows.append((ln, m.group(1), m.group(2)))
    seen = {}
    out = []
    stats_type = Counter()
    stats_type_ne = Counter()
    stats_lang = Counter()
    nopii_lang = Counter()
    for i, (ln, lang, body) in enumerate(rows):
        text, ents, negs = parse(ln, body)
        validate(ln, text, ents, negs)
        leak_scan(ln, text, ents, negs)
        if text in seen:
            err(ln, f"duplicate of line {seen[text]}")
        seen[text] = ln
        ents.sort(key=lambda e: (e["start"], e["end"]))
        stats_lang[lang] += 1
        if not ents:
            nopii_lang[lang] += 1
        for e in ents:
            stats_type[e["type"]] += 1
            if lang != "en":
                stats_type_ne[e["type"]] += 1
        out.append({
            "id": f"pg6-{i:03d}", "text": text,
            "entities": [{k: e[k] for k in ("type", "start", "end", "value")} for e in ents],
            "annotated_types": ANNOTATED,
        })
        if review:
            t = list(text)
            for e in ents:
                for j in range(e["start"], e["end"]):
                    t[j] = " "
            for m in re.finditer(r"\+?\d[\d \-().]{5,}\d", "".join(t)):
                if len(re.sub(r"\D", "", m.group())) >= 7:
                    print(f"review line {ln}: unmarked digits {m.group()!r}")
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} error(s); holdout.jsonl not written")
        sys.exit(1)
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    n = len(out)
    ne = n - stats_lang["en"]
    print(f"{n} rows, {sum(nopii_lang.values())} without PII, "
          f"{ne} non-English ({100 * ne / n:.1f}%)")
    print("spans:", sum(stats_type.values()))
    for t in sorted(stats_type, key=lambda k: -stats_type[k]):
        print(f"  {t:15s} {stats_type[t]:4d}  (non-English {stats_type_ne[t]})")
    print("rows by language (rows / without PII):")
    for l in sorted(stats_lang, key=lambda k: (-stats_lang[k], k)):
        print(f"  {l:8s} {stats_lang[l]:4d} {nopii_lang[l]:4d}")
    print("sha256", hashlib.sha256(data.encode("utf-8")).hexdigest())


if __name__ == "__main__":
    main()
