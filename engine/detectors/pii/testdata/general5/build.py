#!/usr/bin/env python3
"""Builds dev.jsonl from the hand-written marked-up source dev.txt (one row
a line), following ../general/build.py (its helpers are imported from there).

Line format: "[lang] text", lang a BCP 47-style tag (zh-Hans, ja, hi-Latn, en,
...); it is written to the row's "lang" field, which `parapet eval pii`
ignores. Markup: ⟦TYPE|value⟧ marks an entity (short type names as in
../general/build.py: E, P, CC, IBAN, SSN, IP, N, A, U); "\\n" in a line is a
newline. In a CC value a trailing "?" is replaced by the Luhn check digit; in
an IBAN value "??" at positions 2-3 by the mod-97 check digits, and the IBAN
length is checked for its country. ⟦~CC|value⟧ and ⟦~IBAN|value⟧ are hard
negatives: the value is written as plain text, not as an entity, and must
FAIL the Luhn / mod-97 check. Every offset is checked (code points, end
exclusive). Lines starting with "#" and blank lines are skipped. Row texts
must be unique and must not occur in ../general/dev.jsonl.

Usage: python3 build.py   (from this folder)
"""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # leave ../general untouched
sys.path.insert(0, os.path.join(HERE, "..", "general"))
from build import TYPES, ANNOTATED, luhn_ok, luhn_fill, iban_ok, iban_fill  # noqa: E402

IBAN_LEN = {"AT": 20, "BE": 16, "CH": 21, "CZ": 24, "DE": 22, "ES": 24,
            "FR": 27, "GB": 22, "GR": 27, "IT": 27, "NL": 18, "PL": 28,
            "PT": 25, "SA": 24, "AE": 23, "SE": 24, "TR": 26, "UA": 29}
MARK = re.compile(r"⟦(~?[A-Z]+)\|(.*?)⟧", re.S)
LINE = re.compile(r"^\[([A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)\] (.*)$")


def build(src, dst, prefix):
    rows = []
    for ln, line in enumerate(open(src, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        m = LINE.match(line)
        assert m, ("no [lang] prefix", ln)
        lang, line = m.group(1), m.group(2).replace("\\n", "\n")
        text, ents, pos = "", [], 0
        for m in MARK.finditer(line):
            text += line[pos:m.start()]
            t, v = m.group(1), m.group(2)
            pos = m.end()
            if t.startswith("~"):
                if t == "~CC":
                    assert not luhn_ok(re.sub(r"\D", "", v)), ("negative card passes Luhn", ln, v)
                elif t == "~IBAN":
                    assert not iban_ok(v), ("negative IBAN passes mod-97", ln, v)
                else:
                    raise AssertionError(("unknown negative type", ln, t))
                text += v
                continue
            t = TYPES[t]
            if t == "CREDIT_CARD":
                if v.endswith("?"):
                    v = luhn_fill(v)
                assert luhn_ok(re.sub(r"\D", "", v)), (ln, v)
            if t == "IBAN_CODE":
                if v[2:4] == "??":
                    v = iban_fill(v)
                assert iban_ok(v), (ln, v)
                assert len(re.sub(r"\s", "", v)) == IBAN_LEN[v[:2]], ("IBAN length", ln, v)
            assert v == v.strip() and v, ("span has outer whitespace", ln, v)
            ents.append({"type": t, "start": len(text), "end": len(text) + len(v), "value": v})
            text += v
        text += line[pos:]
        assert "⟦" not in text and "⟧" not in text, ln
        for e in ents:
            assert text[e["start"]:e["end"]] == e["value"], (ln, e)
        rows.append({"id": "%s-%03d" % (prefix, len(rows) + 1), "lang": lang, "text": text,
                     "entities": ents, "annotated_types": ANNOTATED})
    with open(dst, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return rows


if __name__ == "__main__":
    os.chdir(HERE)
    rows = build("dev.txt", "dev.jsonl", "gen5-dev")
    texts = [r["text"] for r in rows]
    dup = [t for t, n in Counter(texts).items() if n > 1]
    assert not dup, ("duplicate rows", dup)
    other = os.path.join("..", "general", "dev.jsonl")
    if os.path.exists(other):
        seen = {json.loads(l)["text"] for l in open(other, encoding="utf-8")}
        assert not seen & set(texts), "row shared with ../general/dev.jsonl"
    c = Counter(e["type"] for r in rows for e in r["entities"])
    langs = Counter(r["lang"] for r in rows)
    print("dev", len(rows), "rows,", sum(1 for r in rows if not r["entities"]), "without PII,",
          sum(1 for r in rows if r["lang"] != "en"), "not English,", sum(c.values()), "entities")
    print("types", dict(sorted(c.items())))
    print("langs", dict(sorted(langs.items(), key=lambda kv: (-kv[1], kv[0]))))
