// Client behaviour against scripted local servers: retries, errors, timeouts.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, test } from "node:test";
import * as parapet from "../dist/esm/index.js";

const DECISION = { decision_id: "d1", effect: "allow", allow: true, reasons: [], bundle: { name: "default", revision: "r1" }, timings_us: { total: 4 } };
const HELLO = { phase: "prompt", subject: { id: "alice" }, resource: { model: "gpt-4o" }, messages: [{ role: "user", content: "hi" }] };
const servers = [];
after(() => Promise.all(servers.map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); }))));

/** A server answering from script in turn, then 200 with a decision. */
async function scripted(script = [], { delayFirst = 0 } = {}) {
  const requests = [];
  const srv = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    requests.push({ method: req.method, url: req.url, headers: req.headers, body });
    if (delayFirst && requests.length === 1) await new Promise((r) => setTimeout(r, delayFirst));
    const [status, payload, headers] = script.shift() ?? [200, DECISION, {}];
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(typeof payload === "string" ? payload : JSON.stringify(payload));
  });
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  servers.push(srv);
  return { url: `http://127.0.0.1:${srv.address().port}`, requests };
}
const err = (status, code, field) => [status, { error: { code, message: "m", error_id: `e-${status}`, ...(field ? { field } : {}) } }, {}];
const client = (url, o = {}) => new parapet.Client({ baseURL: url, backoffMs: [1, 5], ...o });

test("decide sends the request with the token", async () => {
  const s = await scripted();
  const d = await client(s.url, { token: "t0k" }).decide(HELLO);
  assert.equal(d.effect, "allow");
  assert.equal(s.requests[0].method, "POST");
  assert.equal(s.requests[0].url, "/v1/decide");
  assert.equal(s.requests[0].headers.authorization, "Bearer t0k");
  assert.equal(s.requests[0].headers["content-type"], "application/json");
  assert.deepEqual(JSON.parse(s.requests[0].body), HELLO);
});

test("retries 5xx", async () => {
  const s = await scripted([err(503, "internal"), err(502, "internal")]);
  assert.equal((await client(s.url).decide(HELLO)).effect, "allow");
  assert.equal(s.requests.length, 3);
});

test("gives up after the retries", async () => {
  const s = await scripted(Array(5).fill(err(500, "internal")));
  await assert.rejects(client(s.url, { maxRetries: 2 }).decide(HELLO), (e) => {
    assert.ok(e instanceof parapet.InternalServerError);
    assert.equal(e.errorId, "e-500");
    return true;
  });
  assert.equal(s.requests.length, 3);
});

test("never retries 4xx; the error names the field", async () => {
  const s = await scripted([err(400, "invalid_field", "messages[0].role")]);
  await assert.rejects(client(s.url).decide(HELLO), (e) => {
    assert.ok(e instanceof parapet.InvalidFieldError && e instanceof parapet.BadRequestError && e instanceof parapet.APIError);
    assert.deepEqual([e.status, e.code, e.field], [400, "invalid_field", "messages[0].role"]);
    assert.match(e.message, /messages\[0\]\.role/);
    assert.equal(e.name, "InvalidFieldError");
    return true;
  });
  assert.equal(s.requests.length, 1);
});

test("error classes by code", async () => {
  const table = [[401, "unauthorized", parapet.UnauthorizedError], [403, "forbidden", parapet.ForbiddenError],
    [404, "not_found", parapet.NotFoundError], [405, "method_not_allowed", parapet.MethodNotAllowedError],
    [413, "request_too_large", parapet.RequestTooLargeError], [415, "unsupported_media_type", parapet.UnsupportedMediaTypeError],
    [400, "missing_field", parapet.MissingFieldError], [400, "unknown_field", parapet.UnknownFieldError],
    [400, "invalid_json", parapet.InvalidJSONError], [400, "invalid_utf8", parapet.InvalidUTF8Error],
    [400, "something_new", parapet.BadRequestError], [418, "teapot", parapet.APIError]];
  const s = await scripted(table.map(([st, code]) => err(st, code)));
  for (const [, code, C] of table) {
    await assert.rejects(client(s.url).decide(HELLO), (e) => e instanceof C && e.code === code);
  }
});

test("an answer that is not Parapet's", async () => {
  const s = await scripted([[502, "<html>bad gateway</html>", { "content-type": "text/html" }], [404, "nope", {}]]);
  await assert.rejects(client(s.url).decide(HELLO), (e) => e instanceof parapet.UnexpectedResponseError && e.status === 404);
  assert.equal(s.requests.length, 2);
});

test("Retry-After is honoured", async () => {
  const s = await scripted([[503, { error: { code: "internal", message: "", error_id: "x" } }, { "retry-after": "0" }]]);
  const t = Date.now();
  await client(s.url, { backoffMs: [1000, 2000] }).decide(HELLO);
  assert.ok(Date.now() - t < 900);
});

test("connection errors are retried, then thrown", async () => {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  const port = srv.address().port;
  await new Promise((r) => srv.close(r));
  let calls = 0;
  const counting = (...a) => { calls++; return fetch(...a); };
  await assert.rejects(client(`http://127.0.0.1:${port}`, { maxRetries: 2, fetch: counting }).decide(HELLO),
    (e) => e instanceof parapet.APIConnectionError && !(e instanceof parapet.APIError));
  assert.equal(calls, 3);
});

test("a slow attempt times out and is retried", async () => {
  const s = await scripted([], { delayFirst: 1000 });
  assert.equal((await client(s.url, { timeoutMs: 200 }).decide(HELLO)).effect, "allow");
  assert.equal(s.requests.length, 2);
  const s2 = await scripted([], { delayFirst: 1000 });
  await assert.rejects(client(s2.url, { timeoutMs: 200, maxRetries: 0 }).decide(HELLO), parapet.APITimeoutError);
});

test("an abort signal stops the call and its retries", async () => {
  const s = await scripted(Array(10).fill(err(503, "internal")));
  const t = Date.now();
  await assert.rejects(client(s.url, { maxRetries: 9, backoffMs: [5000, 5000] }).decide(HELLO, { signal: AbortSignal.timeout(300) }),
    (e) => e.name === "TimeoutError" || e.name === "AbortError");
  assert.ok(Date.now() - t < 3000);
  assert.equal(s.requests.length, 1);
});

test("ready", async () => {
  const s = await scripted([[200, { status: "ready" }, {}], [503, { status: "not_ready" }, {}]]);
  const c = client(s.url);
  assert.equal(await c.ready(), true);
  assert.equal(await c.ready(), false);
  assert.equal(s.requests[0].url, "/health/ready");
});

test("bad base URLs", () => {
  for (const u of ["localhost:8282", "ftp://x", "not a url"]) {
    assert.throws(() => new parapet.Client({ baseURL: u }), TypeError);
  }
});

test("environment defaults", () => {
  const old = { ...process.env };
  try {
    process.env.PARAPET_URL = "http://127.0.0.1:9999/";
    assert.equal(new parapet.Client().baseURL, "http://127.0.0.1:9999");
  } finally {
    process.env = old;
  }
});
