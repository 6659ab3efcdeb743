#!/usr/bin/env python3
"""Build holdout.jsonl from the marked-up source holdout.txt.

Source format: one row per line; blank lines and lines starting with '#'
are skipped. Inside a row, a literal backslash-n stands for a newline and
a literal backslash-t for a tab.

Entities are marked [[TYPE:value]] with the short type names in TYPES.
In a CC value a trailing '?' is replaced by the Luhn check digit; in an
IBAN value '??' after the country code is replaced by the mod-97 check
digits (grouping spaces are kept).

Hard-negative helpers (emitted as plain text, checked to be INVALID):
  {{NOLUHN:digits}}  must fail the Luhn check
  {{NOIBAN:iban}}    must fail the mod-97 check
  {{NOSSN:ddd-dd-dddd}} must be outside the valid SSN ranges

Checks: text[start:end] == value for every entity (code-point offsets),
Luhn for every CC, mod-97 and country length for every IBAN, SSN ranges,
parseable IPs, email shape, no overlapping entities, no duplicate texts
inside the set or against ../general/*.jsonl (texts only). It also warns
about unmarked text that looks like an email, IP, Luhn-valid number,
valid IBAN or dashed SSN so the annotation can be reviewed.

Run: python3 build.py
"""
import ipaddress
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "holdout.txt")
OUT = os.path.join(HERE, "holdout.jsonl")
OTHERS = [os.path.join(HERE, "..", "general", f) for f in ("dev.jsonl", "holdout.jsonl")]

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

IBAN_LEN = {
    "AT": 20, "BE": 16, "BR": 29, "CH": 21, "DE": 22, "DK": 18, "ES": 24,
    "FI": 18, "FR": 27, "GB": 22, "IE": 22, "IT": 27, "NL": 18, "NO": 15,
    "PL": 28, "PT": 25, "SE": 24,
}

MARK = re.compile(r"\[\[([A-Z]+):(.+?)\]\]|\{\{(NOLUHN|NOIBAN|NOSSN):(.+?)\}\}", re.S)


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
    for d in "0123456789":
        if luhn_ok(partial + d):
            return d
    raise AssertionError(partial)


def iban_num(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(iban):
    s = iban.replace(" ", "").upper()
    return iban_num(s[4:] + s[:4]) % 97 == 1


def iban_fill(value):
    compact = value.replace(" ", "")
    assert compact[2:4] == "??", value
    check = 98 - iban_num(compact[4:] + compact[:2] + "00") % 97
    i = value.index("??")
    return value[:i] + "%02d" % check + value[i + 2:]


def ssn_ok(v):
    d = re.sub(r"[ -]", "", v)
    if not re.fullmatch(r"\d{9}", d):
        return False
    area, group, serial = d[:3], d[3:5], d[5:]
    if area in ("000", "666") or area[0] == "9":
        return False
    return group != "00" and serial != "0000"


def fail(n, msg):
    sys.exit("row %d: %s" % (n, msg))


def check_entity(n, typ, value):
    if typ == "CREDIT_CARD":
        d = re.sub(r"[ \-.]", "", value)
        if not (d.isdigit() and 13 <= len(d) <= 19 and luhn_ok(d)):
            fail(n, "bad card " + value)
    elif typ == "IBAN_CODE":
        c = value.replace(" ", "")
        if IBAN_LEN.get(c[:2]) != len(c) or not iban_ok(c):
            fail(n, "bad IBAN " + value)
    elif typ == "US_SSN":
        if not ssn_ok(value):
            fail(n, "bad SSN " + value)
    elif typ == "IP_ADDRESS":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            fail(n, "bad IP " + value)
    elif typ == "EMAIL_ADDRESS":
        if not re.fullmatch(r"[^@\s]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", value):
            fail(n, "bad email " + value)
    if value != value.strip() or not value:
        fail(n, "untrimmed value %r" % value)


def build_row(n, line):
    line = line.replace("\\n", "\n").replace("\\t", "\t")
    text, ents, pos = [], [], 0
    length = 0
    for m in MARK.finditer(line):
        chunk = line[pos:m.start()]
        text.append(chunk)
        length += len(chunk)
        if m.group(1):
            short, value = m.group(1), m.group(2)
            if short not in TYPES:
                fail(n, "unknown type " + short)
            typ = TYPES[short]
            if typ == "CREDIT_CARD" and value.endswith("?"):
                value = value[:-1] + luhn_digit(re.sub(r"[ \-.]", "", value[:-1]))
            if typ == "IBAN_CODE" and "??" in value:
                value = iban_fill(value)
            check_entity(n, typ, value)
            ents.append({"type": typ, "start": length, "end": length + len(value), "value": value})
        else:
            kind, value = m.group(3), m.group(4)
            if kind == "NOLUHN" and luhn_ok(re.sub(r"\D", "", value)):
                fail(n, "NOLUHN passes Luhn: " + value)
            if kind == "NOIBAN" and iban_ok(value):
                fail(n, "NOIBAN passes mod-97: " + value)
            if kind == "NOSSN" and ssn_ok(value):
                fail(n, "NOSSN is in a valid range: " + value)
        text.append(value)
        length += len(value)
        pos = m.end()
    text.append(line[pos:])
    text = "".join(text)
    for bad in ("[[", "]]", "{{", "}}"):
        if bad in text:
            fail(n, "stray markup %r" % bad)
    for e in ents:
        if text[e["start"]:e["end"]] != e["value"]:
            fail(n, "offset mismatch " + e["value"])
    ents.sort(key=lambda e: e["start"])
    for a, b in zip(ents, ents[1:]):
        if b["start"] < a["end"]:
            fail(n, "overlap %s / %s" % (a["value"], b["value"]))
    return text, ents


WARN_PATTERNS = [
    ("email?", re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")),
    ("ipv4?", re.compile(r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])")),
    ("ssn?", re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")),
    ("iban?", re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")),
]


def warn_unmarked(n, text, ents):
    mask = [False] * len(text)
    for e in ents:
        for i in range(e["start"], e["end"]):
            mask[i] = True

    def covered(a, b):
        return any(mask[a:b])

    for name, rx in WARN_PATTERNS:
        for m in rx.finditer(text):
            if covered(m.start(), m.end()):
                continue
            if name == "ssn?" and not ssn_ok(m.group()):
                continue
            if name == "iban?" and not (m.group()[:2] in IBAN_LEN and iban_ok(m.group())):
                continue
            print("warn row %d: unmarked %s %r" % (n, name, m.group()))
    for m in re.finditer(r"\d(?:[ -]?\d){12,18}", text):
        if covered(m.start(), m.end()):
            continue
        d = re.sub(r"\D", "", m.group())
        if luhn_ok(d):
            print("warn row %d: unmarked Luhn-valid %r" % (n, m.group()))


def main():
    rows, seen = [], {}
    with open(SRC, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f]
    n = 0
    for raw in lines:
        if not raw.strip() or raw.startswith("#"):
            continue
        n += 1
        text, ents = build_row(n, raw)
        if text in seen:
            fail(n, "duplicates row %d" % seen[text])
        seen[text] = n
        warn_unmarked(n, text, ents)
        rows.append({
            "id": "gen2-ho-%03d" % n,
            "text": text,
            "entities": ents,
            "annotated_types": ANNOTATED,
        })
    others = set()
    for path in OTHERS:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for l in f:
                    if l.strip():
                        others.add(json.loads(l)["text"])
    for r in rows:
        if r["text"] in others:
            sys.exit("%s duplicates a row of the general/ sets" % r["id"])
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    neg = sum(1 for r in rows if not r["entities"])
    counts = {}
    for r in rows:
        for e in r["entities"]:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
    print("%d rows, %d without PII (%.0f%%)" % (len(rows), neg, 100.0 * neg / len(rows)))
    for t in ANNOTATED:
        print("  %-15s %d" % (t, counts.get(t, 0)))


if __name__ == "__main__":
    main()
