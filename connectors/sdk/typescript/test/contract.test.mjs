// The contract suite (connectors/sdk/contract/*.yaml) through Client
// against a real `parapet serve`.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import * as parapet from "../dist/esm/index.js";
import { CONTRACT, caseBody, cases, startServer, tokens } from "./_server.mjs";

const all = cases();
let server;
const clients = {};

before(async () => {
  server = await startServer();
  const t = tokens();
  for (const auth of ["default", "acme", "invalid", "none"]) {
    const opts = { baseURL: server.url, maxRetries: 0 };
    if (auth !== "none") opts.token = t[auth];
    clients[auth] = new parapet.Client(opts);
  }
});
after(async () => server && (await server.close()));

test("every case in the files was read", () => {
  let n = 0;
  for (const f of readdirSync(CONTRACT).filter((x) => x.endsWith(".yaml"))) {
    n += (readFileSync(join(CONTRACT, f), "utf8").match(/^\s*- name:/gm) ?? []).length;
  }
  assert.equal(all.length, n);
  assert.ok(n >= 40);
});

function checkDecision(exp, d, request) {
  if ("effect" in exp) assert.equal(d.effect, exp.effect, "effect");
  if ("allow" in exp) assert.equal(d.allow, exp.allow, "allow");
  if ("fail_closed" in exp) assert.equal(d.fail_closed ?? false, exp.fail_closed, "fail_closed");
  const ids = d.reasons.map((r) => r.id);
  if ("reasons" in exp) assert.deepEqual([...ids].sort(), [...exp.reasons].sort(), "reasons");
  for (const r of exp.reasons_include ?? []) assert.ok(ids.includes(r), `reasons ${ids} lack ${r}`);
  for (const r of exp.reasons_exclude ?? []) assert.ok(!ids.includes(r), `reasons ${ids} include ${r}`);
  if ("messages" in exp) {
    const got = d.messages?.length ? d.messages.map((m) => ({ role: m.role, content: m.content })) : null;
    assert.deepEqual(got, exp.messages, "messages");
  }
  if ("response" in exp) {
    if (exp.response === null) assert.equal(d.response, undefined, "response");
    else {
      assert.equal(d.response?.content, exp.response.content, "response.content");
      assert.equal(d.response?.reasoning ?? "", exp.response.reasoning ?? "", "response.reasoning");
    }
  }
  if ("route" in exp) {
    if (exp.route === null) assert.equal(d.route, undefined, "route");
    else assert.deepEqual([d.route?.model ?? "", d.route?.upstream ?? ""], [exp.route.model ?? "", exp.route.upstream ?? ""]);
  }
  const ob = exp.obligations ?? {};
  if ("restore" in ob) assert.equal(d.obligations?.restore ?? false, ob.restore, "obligations.restore");
  if ("strip_reasoning" in ob) assert.equal(d.obligations?.strip_reasoning ?? false, ob.strip_reasoning, "obligations.strip_reasoning");
  if ("notice" in ob) assert.equal(d.obligations?.notice ?? "", ob.notice, "obligations.notice");
  if ("placeholders" in ob) assert.deepEqual(d.obligations?.placeholders ?? {}, ob.placeholders, "obligations.placeholders");
  if ("restored" in exp) {
    const ph = parapet.placeholders(request, d);
    assert.equal(parapet.restore(exp.restored.answer, ph), exp.restored.want, "restored");
  }
}

function checkError(exp, err) {
  assert.ok(err instanceof parapet.APIError, `want an APIError, got ${err}`);
  assert.equal(err.status, exp.status, "status");
  assert.equal(err.code, exp.code, "code");
  if ("field" in exp) assert.equal(err.field ?? "", exp.field, "field");
  assert.ok(err.errorId, "errorId");
  assert.equal(err.constructor.code, exp.code, `${err.constructor.name} mirrors the code`);
}

describe("contract", () => {
  for (const c of all) {
    test(c.name, async () => {
      const client = clients[c.auth ?? "default"];
      const typed = "request" in c && !("http" in c);
      let d;
      try {
        if (typed) d = await client.decide(c.request);
        else {
          const h = c.http ?? {};
          d = await client.request({ method: h.method ?? "POST", path: h.path ?? "/v1/decide",
            body: caseBody(c), contentType: h.content_type ?? "application/json" });
        }
      } catch (e) {
        if (!c.expect_error) throw e;
        checkError(c.expect_error, e);
        return;
      }
      assert.ok(!c.expect_error, `got a decision (${d?.effect}), want an error`);
      checkDecision(c.expect, d, typed ? c.request : undefined);
    });
  }
});
