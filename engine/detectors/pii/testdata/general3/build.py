#!/usr/bin/env python3
"""Builds dev.jsonl from the hand-written marked-up source dev.txt (one
row a line), as ../general/build.py does for the general set.

Markup: ⟦TYPE|value⟧ marks an entity; "\\n" in a line is a newline.
TYPE is a short name (see TYPES). In a CC value a trailing "?" is replaced
by the Luhn check digit; in an IBAN value "??" at positions 2-3 is
replaced by the ISO 13616 mod-97 check digits. Every card and IBAN value
is then checked, and every offset is checked (text[start:end] == value,
code points, end exclusive). Lines starting with "#" and blank lines are
skipped.

The script also checks that no row text (nor any line of a row) appears in
the other hand-written sets, ../general/*.jsonl and ../general2/*.jsonl;
it compares texts only and prints nothing of theirs.

Usage: python3 build.py   (from this folder)
"""
import glob, json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "general"))
from build import build  # noqa: E402  (same markup, checks and output format)

def other_texts():
    texts, lines = set(), set()
    here = os.path.dirname(os.path.abspath(__file__))
    for f in sorted(glob.glob(os.path.join(here, "..", "general", "*.jsonl")) +
                    glob.glob(os.path.join(here, "..", "general2", "*.jsonl"))):
        for ln in open(f, encoding="utf-8"):
            if ln.strip():
                t = json.loads(ln)["text"]
                texts.add(t)
                lines.update(x.strip() for x in t.split("\n") if len(x.strip()) > 25)
    return texts, lines

if __name__ == "__main__":
    rows = build("dev.txt", "dev.jsonl", "gen3-dev")
    texts, lines = other_texts()
    shared = sum(1 for r in rows if r["text"] in texts)
    shared_lines = sum(1 for r in rows for x in r["text"].split("\n") if x.strip() in lines)
    assert shared == 0 and shared_lines == 0, "%d rows and %d lines shared with general/ or general2/" % (shared, shared_lines)
    assert len({r["text"] for r in rows}) == len(rows), "duplicate rows"
    from collections import Counter
    c = Counter(e["type"] for r in rows for e in r["entities"])
    print("dev", len(rows), "rows,", sum(1 for r in rows if not r["entities"]), "without PII,", dict(sorted(c.items())))
