#!/usr/bin/env python3
"""Builds dev.jsonl and holdout.jsonl from the hand-written marked-up
sources dev.txt and holdout.txt (one row a line).

Markup: ⟦TYPE|value⟧ marks an entity; "\\n" in a line is a newline.
TYPE is a short name (see TYPES). In a CC value a trailing "?" is replaced
by the Luhn check digit; in an IBAN value "??" at positions 2-3 is
replaced by the ISO 13616 mod-97 check digits. Every card and IBAN
value is then checked, and every offset is checked (text[start:end] ==
value, code points, end exclusive). Lines starting with "#" and blank
lines are skipped.

Usage: python3 build.py   (from this folder)
"""
import json, re, sys

TYPES = {"E": "EMAIL_ADDRESS", "P": "PHONE_NUMBER", "CC": "CREDIT_CARD",
         "IBAN": "IBAN_CODE", "SSN": "US_SSN", "IP": "IP_ADDRESS",
         "N": "PERSON", "A": "STREET_ADDRESS", "U": "URL"}
# Every row is annotated completely for these types, so a finding of one
# of them where none is marked counts as a false positive. Other types
# (LOCATION, DATE_TIME, MAC_ADDRESS, ...) are not annotated and not scored.
ANNOTATED = sorted(TYPES.values())

def luhn_ok(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0

def luhn_fill(v):
    body = re.sub(r"\D", "", v[:-1])
    for c in "0123456789":
        if luhn_ok(body + c):
            return v[:-1] + c

def iban_ok(v):
    s = re.sub(r"\s", "", v).upper()
    s = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in s)
    return int(n) % 97 == 1

def iban_fill(v):
    s = re.sub(r"\s", "", v).upper()
    r = s[4:] + s[:2] + "00"
    n = "".join(str(int(c, 36)) for c in r)
    cd = "%02d" % (98 - int(n) % 97)
    return v[:2] + cd + v[4:]

MARK = re.compile(r"⟦([A-Z]+)\|(.*?)⟧", re.S)

def build(src, dst, prefix):
    rows = []
    for ln, line in enumerate(open(src, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        line = line.replace("\\n", "\n")
        text, ents, pos = "", [], 0
        for m in MARK.finditer(line):
            text += line[pos:m.start()]
            t, v = TYPES[m.group(1)], m.group(2)
            if t == "CREDIT_CARD":
                if v.endswith("?"):
                    v = luhn_fill(v)
                assert luhn_ok(re.sub(r"\D", "", v)), (ln, v)
            if t == "IBAN_CODE":
                if v[2:4] == "??":
                    v = iban_fill(v)
                assert iban_ok(v), (ln, v)
            ents.append({"type": t, "start": len(text), "end": len(text) + len(v), "value": v})
            text += v
            pos = m.end()
        text += line[pos:]
        assert "⟦" not in text and "⟧" not in text, ln
        for e in ents:
            assert text[e["start"]:e["end"]] == e["value"], (ln, e)
        rows.append({"id": "%s-%03d" % (prefix, len(rows) + 1), "text": text,
                     "entities": ents, "annotated_types": ANNOTATED})
    with open(dst, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return rows

if __name__ == "__main__":
    a = build("dev.txt", "dev.jsonl", "gen-dev")
    b = build("holdout.txt", "holdout.jsonl", "gen-hold")
    ta = {r["text"] for r in a}
    assert not ta & {r["text"] for r in b}, "shared rows"
    from collections import Counter
    for name, rows in (("dev", a), ("holdout", b)):
        c = Counter(e["type"] for r in rows for e in r["entities"])
        print(name, len(rows), "rows,", sum(1 for r in rows if not r["entities"]), "without PII,", dict(sorted(c.items())))
