import type { Decision, Request } from "./types.js";

const AT = /<[A-Z][A-Z0-9_]*_[0-9]+>/y;
const ANY = /<[A-Z][A-Z0-9_]*_[0-9]+>/g;

/**
 * Maps each placeholder of a redacting decision on request to the value it
 * replaced. The decision carries placeholders and types only; the values
 * come from the request, at the redact reasons' evidence offsets (Unicode
 * code points). A field whose redacted text does not line up with the
 * evidence contributes nothing rather than a wrong value.
 */
export function placeholders(request: Request, decision: Decision): Record<string, string> {
  const out: Record<string, string> = {};
  if (!decision.obligations?.placeholders || Object.keys(decision.obligations.placeholders).length === 0) return out;
  const spans = new Map<string, Array<[number, number]>>();
  for (const r of decision.reasons) {
    if (r.effect !== "redact") continue;
    for (const e of r.evidence ?? []) {
      if (e.end > e.start && e.type) {
        const list = spans.get(e.field) ?? [];
        list.push([e.start, e.end]);
        spans.set(e.field, list);
      }
    }
  }
  const msgs = request.messages ?? [];
  if (decision.messages && decision.messages.length === msgs.length) {
    msgs.forEach((m, i) => match(m.content, decision.messages![i]!.content, spans.get(`messages[${i}].content`), out));
  }
  if (request.response && decision.response) {
    match(request.response.content, decision.response.content, spans.get("response.content"), out);
    match(request.response.reasoning ?? "", decision.response.reasoning ?? "", spans.get("response.reasoning"), out);
  }
  return out;
}

function match(original: string, redacted: string, spans: Array<[number, number]> | undefined,
  out: Record<string, string>): void {
  if (!spans || spans.length === 0 || original === redacted) return;
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const cps = Array.from(original); // code points, as the offsets count
  const found: Record<string, string> = {};
  let pos = 0;
  let prev = 0;
  for (const [s0, e0] of merged) {
    const s = Math.min(Math.max(s0, 0), cps.length);
    const e = Math.min(e0, cps.length);
    if (s >= e) continue;
    const lit = cps.slice(prev, s).join("");
    if (!redacted.startsWith(lit, pos)) return;
    pos += lit.length;
    AT.lastIndex = pos;
    const m = AT.exec(redacted);
    if (!m) return;
    const ph = m[0];
    const val = cps.slice(s, e).join("");
    if (ph in found && found[ph] !== val) return;
    found[ph] = val;
    pos += ph.length;
    prev = e;
  }
  if (redacted.slice(pos) !== cps.slice(prev).join("")) return;
  Object.assign(out, found);
}

/** Puts original values back in place of the placeholders in text; unknown placeholders stay. */
export function restore(text: string, mapping: Record<string, string>): string {
  if (!text || !text.includes("<") || Object.keys(mapping).length === 0) return text;
  return text.replace(ANY, (p) => (Object.prototype.hasOwnProperty.call(mapping, p) ? mapping[p]! : p));
}

/** Removes <think>…</think> blocks (an unclosed one to the end). */
export function stripThink(s: string): string {
  for (;;) {
    const i = s.indexOf("<think>");
    if (i < 0) return s;
    const j = s.indexOf("</think>", i);
    if (j < 0) return s.slice(0, i).replace(/[ \n]+$/, "");
    s = s.slice(0, i) + s.slice(j + "</think>".length).replace(/^\n+/, "");
  }
}
