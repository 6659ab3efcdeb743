#!/usr/bin/env python3
"""Per-type table for a general set: python3 score.py FILE.jsonl (run from the repo root).

Runs `go run ./cmd/parapet eval secrets FILE --json` and joins its missed /
flagged counts with the number of rows of each type.
"""
import collections
import json
import subprocess
import sys

f = sys.argv[1]
rep = json.loads(subprocess.run(["go", "run", "./cmd/parapet", "eval", "secrets", f, "--json"], check=True,
                                capture_output=True, text=True).stdout)
tot = collections.Counter()
lab = {}
for line in open(f):
    r = json.loads(line)
    tot[r["type"]] += 1
    lab[r["type"]] = r["label"]
bad = {t["type"]: t for t in rep.get("worst_types") or []}
s, n = rep["secret_recall"], rep["not_secret_flag_rate"]
print(f"secret recall {s['hits']}/{s['total']} = {s['rate']:.3f}; not_secret flag rate {n['hits']}/{n['total']} = {n['rate']:.3f}")
print("| type | label | rows | missed/flagged | rate |")
print("|---|---|---|---|---|")
for t in sorted(tot, key=lambda t: (lab[t], t)):
    b = bad.get(t, {})
    k = b.get("missed", 0) if lab[t] == "secret" else b.get("flagged", 0)
    rate = (tot[t] - k) / tot[t] if lab[t] == "secret" else k / tot[t]
    print(f"| {t} | {lab[t]} | {tot[t]} | {k} | {rate:.2f} |")
