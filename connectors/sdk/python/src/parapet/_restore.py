"""Restoring redacted values: the decision carries placeholders and types
only; the caller has the original text, and the evidence of the redact
reasons says where each value was."""

from __future__ import annotations

import re
from typing import Dict, List, Mapping, Optional, Tuple

from ._types import REDACT, Decision, Request

__all__ = ["placeholders", "restore"]

_AT = re.compile(r"<[A-Z][A-Z0-9_]*_[0-9]+>")


def placeholders(request: Request, decision: Decision) -> Dict[str, str]:
    """Maps each placeholder of a redacting decision on ``request`` to the
    value it replaced. A field whose redacted text does not line up with
    the evidence contributes nothing rather than a wrong value."""
    out: Dict[str, str] = {}
    if not decision.obligations.placeholders:
        return out
    spans: Dict[str, List[Tuple[int, int]]] = {}
    for r in decision.reasons:
        if r.effect != REDACT:
            continue
        for e in r.evidence:
            if e.end > e.start and e.type:
                spans.setdefault(e.field, []).append((e.start, e.end))
    if decision.messages and len(decision.messages) == len(request.messages):
        for i, (orig, red) in enumerate(zip(request.messages, decision.messages)):
            _match(orig.content, red.content, spans.get("messages[%d].content" % i), out)
    if request.response is not None and decision.response is not None:
        _match(request.response.content, decision.response.content, spans.get("response.content"), out)
        _match(request.response.reasoning or "", decision.response.reasoning or "",
               spans.get("response.reasoning"), out)
    return out


def _match(original: str, redacted: str, spans: Optional[List[Tuple[int, int]]], out: Dict[str, str]) -> None:
    if not spans or original == redacted:
        return
    merged: List[List[int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    found: Dict[str, str] = {}
    pos = prev = 0
    n = len(original)
    for s, e in merged:
        s, e = min(max(s, 0), n), min(e, n)
        if s >= e:
            continue
        lit = original[prev:s]
        if not redacted.startswith(lit, pos):
            return
        pos += len(lit)
        m = _AT.match(redacted, pos)
        if m is None:
            return
        ph, val = m.group(0), original[s:e]
        if found.get(ph, val) != val:
            return
        found[ph] = val
        pos = m.end()
        prev = e
    if redacted[pos:] != original[prev:]:
        return
    out.update(found)


def restore(text: str, mapping: Mapping[str, str]) -> str:
    """Puts original values back in place of the placeholders in text;
    placeholders not in mapping stay."""
    if not mapping or "<" not in text:
        return text
    return _AT.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)
