import assert from "node:assert/strict";
import { test } from "node:test";
import { placeholders, restore, stripThink } from "../dist/esm/index.js";
import { YAMLError, load } from "./_yaml.mjs";

const decision = (messages, evidence, ph) => ({
  decision_id: "x", effect: "redact", allow: true, bundle: { name: "", revision: "" }, timings_us: {},
  reasons: [{ id: "r", effect: "redact", message: "", severity: "", controls: [], evidence }],
  messages, obligations: { restore: true, placeholders: ph },
});

test("code points, not UTF-16 units, and repeated values", () => {
  const text = "Héllo 👋 to a@b.io and again a@b.io";
  const req = { phase: "prompt", subject: { id: "a" }, resource: { model: "m" }, messages: [{ role: "user", content: text }] };
  const d = decision([{ role: "user", content: "Héllo 👋 to <EMAIL_ADDRESS_1> and again <EMAIL_ADDRESS_1>" }],
    [{ field: "messages[0].content", start: 11, end: 17, type: "EMAIL_ADDRESS" },
      { field: "messages[0].content", start: 28, end: 34, type: "EMAIL_ADDRESS" }], { "<EMAIL_ADDRESS_1>": "EMAIL_ADDRESS" });
  const ph = placeholders(req, d);
  assert.deepEqual(ph, { "<EMAIL_ADDRESS_1>": "a@b.io" });
  assert.equal(restore(d.messages[0].content, ph), text);
});

test("overlapping spans merge", () => {
  const req = { messages: [{ role: "user", content: "Visit Jane Doe at 1 Main St" }] };
  const d = decision([{ role: "user", content: "Visit <PERSON_1> at <STREET_ADDRESS_1>" }],
    [{ field: "messages[0].content", start: 6, end: 14, type: "PERSON" },
      { field: "messages[0].content", start: 18, end: 27, type: "STREET_ADDRESS" },
      { field: "messages[0].content", start: 20, end: 24, type: "PERSON" }],
    { "<PERSON_1>": "PERSON", "<STREET_ADDRESS_1>": "STREET_ADDRESS" });
  assert.deepEqual(placeholders(req, d), { "<PERSON_1>": "Jane Doe", "<STREET_ADDRESS_1>": "1 Main St" });
});

test("a mismatch gives nothing", () => {
  const req = { messages: [{ role: "user", content: "mail bob@example.com now" }] };
  const d = decision([{ role: "user", content: "mail <EMAIL_ADDRESS_1> later" }],
    [{ field: "messages[0].content", start: 5, end: 20, type: "EMAIL_ADDRESS" }], { "<EMAIL_ADDRESS_1>": "EMAIL_ADDRESS" });
  assert.deepEqual(placeholders(req, d), {});
});

test("restore and stripThink", () => {
  assert.equal(restore("<A_1> <B_2> <a_1> <A_1>", { "<A_1>": "x" }), "x <B_2> <a_1> x");
  assert.equal(restore("<toString_1> <__proto___1>", {}), "<toString_1> <__proto___1>");
  assert.equal(stripThink("<think>a</think>\n\nb"), "b");
  assert.equal(stripThink("x <think>unclosed"), "x");
});

test("the YAML reader", () => {
  const doc = load(`# comment
cases:
  - name: a/b   # trailing comment
    n: 42
    t: true
    z: null
    q: "tab\\there \\u00e9 # not a comment"
    s: 'it''s'
    flow: {role: user, content: "hi, there", list: [1, two, "3"], empty: {}}
    <EMAIL_1>: EMAIL
    folded: >-
      one
      two

      three
    literal: |
      line 1
        line 2
    seq:
    - x
    - - nested
    items:
      - k: v
        k2: v2
  - name: second
`);
  const c = doc.cases[0];
  assert.deepEqual([c.name, c.n, c.t, c.z, c.q, c.s], ["a/b", 42, true, null, "tab\there é # not a comment", "it's"]);
  assert.deepEqual(c.flow, { role: "user", content: "hi, there", list: [1, "two", "3"], empty: {} });
  assert.equal(c["<EMAIL_1>"], "EMAIL");
  assert.equal(c.folded, "one two\nthree");
  assert.equal(c.literal, "line 1\n  line 2\n");
  assert.deepEqual(c.seq, ["x", ["nested"]]);
  assert.deepEqual(c.items, [{ k: "v", k2: "v2" }]);
  assert.deepEqual(doc.cases[1], { name: "second" });
  for (const bad of ["a: &x 1", "a: *x", "a: !!str 1", "a: 1\n---\nb: 2", "a: 1\na: 2", "a: [1, 2"]) {
    assert.throws(() => load(bad), YAMLError, bad);
  }
});
