"""The contract suite (connectors/sdk/contract/*.yaml) through Client and
AsyncClient against a real `parapet serve`."""

import asyncio
import glob
import os
import re
import unittest

import parapet

from . import _server


def check_decision(tc, exp, d, request):
    """Compares a typed Decision with a case's expect block."""
    if "effect" in exp:
        tc.assertEqual(d.effect, exp["effect"], "effect")
    if "allow" in exp:
        tc.assertIs(d.allow, exp["allow"], "allow")
    if "fail_closed" in exp:
        tc.assertIs(d.fail_closed, exp["fail_closed"], "fail_closed")
    ids = d.reason_ids
    if "reasons" in exp:
        tc.assertEqual(sorted(ids), sorted(exp["reasons"]), "reasons")
    for r in exp.get("reasons_include", []):
        tc.assertIn(r, ids)
    for r in exp.get("reasons_exclude", []):
        tc.assertNotIn(r, ids)
    if "messages" in exp:
        got = [{"role": m.role, "content": m.content} for m in d.messages] if d.messages else None
        tc.assertEqual(got, exp["messages"], "messages")
    if "response" in exp:
        if exp["response"] is None:
            tc.assertIsNone(d.response, "response")
        else:
            tc.assertIsNotNone(d.response, "response")
            tc.assertEqual(d.response.content, exp["response"]["content"])
            tc.assertEqual(d.response.reasoning or "", exp["response"].get("reasoning", ""))
    if "route" in exp:
        if exp["route"] is None:
            tc.assertIsNone(d.route, "route")
        else:
            tc.assertEqual((d.route.model or "", d.route.upstream or ""),
                           (exp["route"].get("model", ""), exp["route"].get("upstream", "")))
    ob = exp.get("obligations", {})
    if "restore" in ob:
        tc.assertIs(d.obligations.restore, ob["restore"], "obligations.restore")
    if "strip_reasoning" in ob:
        tc.assertIs(d.obligations.strip_reasoning, ob["strip_reasoning"], "obligations.strip_reasoning")
    if "notice" in ob:
        tc.assertEqual(d.obligations.notice, ob["notice"], "obligations.notice")
    if "placeholders" in ob:
        tc.assertEqual(d.obligations.placeholders, ob["placeholders"], "obligations.placeholders")
    if "restored" in exp:
        ph = parapet.placeholders(request, d)
        tc.assertEqual(parapet.restore(exp["restored"]["answer"], ph), exp["restored"]["want"], "restored")


def check_error(tc, exp, err):
    tc.assertIsInstance(err, parapet.APIError)
    tc.assertEqual(err.status, exp["status"], "status")
    tc.assertEqual(err.code, exp["code"], "code")
    if "field" in exp:
        tc.assertEqual(err.field or "", exp["field"], "field")
    tc.assertTrue(err.error_id, "error_id")
    # The exception class mirrors the code.
    tc.assertEqual(type(err).code, exp["code"], type(err).__name__)


def typed(c):
    return "request" in c and "http" not in c


class ContractTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = _server.server()
        cls.cases = _server.cases()
        toks = _server.tokens()
        cls.tokens = {"default": toks["default"], "acme": toks["acme"], "invalid": toks["invalid"], "none": ""}

    def client(self, c, cls=parapet.Client):
        return cls(self.srv.url, token=self.tokens[c.get("auth", "default")], max_retries=0)

    def test_cases_parsed(self):
        # Every "- name:" line of the files is a case: the YAML reader missed none.
        n = 0
        for path in glob.glob(os.path.join(_server.CONTRACT, "*.yaml")):
            with open(path, encoding="utf-8") as f:
                n += len(re.findall(r"(?m)^\s*- name:", f.read()))
        self.assertEqual(len(self.cases), n)
        self.assertGreaterEqual(n, 40)

    def run_case(self, c, client):
        request = parapet.Request.from_dict(c["request"]) if typed(c) else None
        try:
            if request is not None:
                d = client.decide(request)
            else:
                h = c.get("http", {})
                raw = client.request(h.get("method", "POST"), h.get("path", "/v1/decide"), _server.case_body(c),
                                     h.get("content_type", "application/json"))
                d = parapet.Decision.from_dict(raw)
        except parapet.APIError as e:
            if "expect_error" not in c:
                raise
            check_error(self, c["expect_error"], e)
            return
        self.assertNotIn("expect_error", c, "got a decision, want an error")
        check_decision(self, c["expect"], d, request)

    async def run_case_async(self, c, client):
        request = parapet.Request.from_dict(c["request"]) if typed(c) else None
        try:
            if request is not None:
                d = await client.decide(request)
            else:
                h = c.get("http", {})
                raw = await client.request(h.get("method", "POST"), h.get("path", "/v1/decide"),
                                           _server.case_body(c), h.get("content_type", "application/json"))
                d = parapet.Decision.from_dict(raw)
        except parapet.APIError as e:
            if "expect_error" not in c:
                raise
            check_error(self, c["expect_error"], e)
            return
        self.assertNotIn("expect_error", c, "got a decision, want an error")
        check_decision(self, c["expect"], d, request)


def _add_tests():
    # One test per case and client, named after the case.
    for c in _server.cases():
        name = re.sub(r"[^a-z0-9]+", "_", c["name"].lower())

        def sync(self, c=c):
            self.run_case(c, self.client(c))

        def asynchronous(self, c=c):
            asyncio.run(self.run_case_async(c, self.client(c, parapet.AsyncClient)))

        setattr(ContractTest, "test_sync_" + name, sync)
        setattr(ContractTest, "test_async_" + name, asynchronous)


_add_tests()

if __name__ == "__main__":
    unittest.main()
