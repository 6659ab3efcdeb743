"""Client behaviour against scripted local servers: retries, errors, timeouts."""

import asyncio
import http.server
import json
import socket
import threading
import time
import unittest

import parapet

DECISION = {"decision_id": "d1", "effect": "allow", "allow": True, "reasons": [],
            "bundle": {"name": "default", "revision": "r1"}, "timings_us": {"total": 4}}
HELLO = parapet.Request(subject=parapet.Subject("alice"), resource=parapet.Resource("gpt-4o"),
                        messages=[parapet.Message("user", "hi")])


class Scripted:
    """A local HTTP server answering from a list of (status, body, headers)
    in turn, then 200 with a decision; it records each request."""

    def __init__(self, script=(), delay=0.0):
        self.script = list(script)
        self.requests = []
        outer = self

        class H(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def handle_any(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else b""
                outer.requests.append((self.command, self.path, dict(self.headers), body))
                if delay and len(outer.requests) == 1:
                    time.sleep(delay)
                status, payload, headers = outer.script.pop(0) if outer.script else (200, DECISION, {})
                raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(raw)))
                    self.end_headers()
                    self.wfile.write(raw)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = handle_any

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        self.url = "http://127.0.0.1:%d" % self.httpd.server_address[1]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def err(status, code, field=None):
    e = {"code": code, "message": "m", "error_id": "e-%d" % status}
    if field:
        e["field"] = field
    return (status, {"error": e}, {})


class ClientTest(unittest.TestCase):
    def serve(self, *script, delay=0.0):
        s = Scripted(script, delay)
        self.addCleanup(s.close)
        return s

    def client(self, url, **kw):
        kw.setdefault("backoff", (0.001, 0.005))
        return parapet.Client(url, **kw)

    def test_decide_sends_typed_request(self):
        s = self.serve()
        d = self.client(s.url, token="t0k").decide(HELLO)
        self.assertEqual(d.effect, parapet.ALLOW)
        self.assertTrue(d.allow)
        self.assertEqual(d.bundle.revision, "r1")
        method, path, headers, body = s.requests[0]
        self.assertEqual((method, path), ("POST", "/v1/decide"))
        self.assertEqual(headers["Authorization"], "Bearer t0k")
        self.assertEqual(headers["Content-Type"], "application/json")
        self.assertEqual(json.loads(body), {"phase": "prompt", "subject": {"id": "alice"},
                                            "resource": {"model": "gpt-4o"},
                                            "messages": [{"role": "user", "content": "hi"}]})

    def test_decide_accepts_a_dict(self):
        s = self.serve()
        self.client(s.url).decide({"phase": "prompt", "subject": {"id": "a"}, "resource": {"model": "m"},
                                   "messages": [{"role": "user", "content": "hi"}]})
        self.assertEqual(json.loads(s.requests[0][3])["subject"], {"id": "a"})

    def test_retries_5xx(self):
        s = self.serve(err(503, "internal"), err(502, "internal"))
        d = self.client(s.url).decide(HELLO)
        self.assertEqual(d.effect, "allow")
        self.assertEqual(len(s.requests), 3)

    def test_gives_up_after_retries(self):
        s = self.serve(*[err(500, "internal")] * 5)
        with self.assertRaises(parapet.InternalServerError) as cm:
            self.client(s.url, max_retries=2).decide(HELLO)
        self.assertEqual(cm.exception.status, 500)
        self.assertEqual(cm.exception.error_id, "e-500")
        self.assertEqual(len(s.requests), 3)

    def test_never_retries_4xx(self):
        s = self.serve(err(400, "invalid_field", "messages[0].role"))
        with self.assertRaises(parapet.InvalidFieldError) as cm:
            self.client(s.url).decide(HELLO)
        e = cm.exception
        self.assertIsInstance(e, parapet.BadRequestError)
        self.assertEqual((e.status, e.code, e.field), (400, "invalid_field", "messages[0].role"))
        self.assertIn("messages[0].role", str(e))
        self.assertEqual(len(s.requests), 1)

    def test_error_classes_by_code(self):
        for status, code, cls in [(401, "unauthorized", parapet.UnauthorizedError),
                                  (403, "forbidden", parapet.ForbiddenError),
                                  (404, "not_found", parapet.NotFoundError),
                                  (405, "method_not_allowed", parapet.MethodNotAllowedError),
                                  (413, "request_too_large", parapet.RequestTooLargeError),
                                  (415, "unsupported_media_type", parapet.UnsupportedMediaTypeError),
                                  (400, "missing_field", parapet.MissingFieldError),
                                  (400, "unknown_field", parapet.UnknownFieldError),
                                  (400, "invalid_json", parapet.InvalidJSONError),
                                  (400, "invalid_utf8", parapet.InvalidUTF8Error),
                                  (400, "something_new", parapet.BadRequestError),
                                  (418, "teapot", parapet.APIError)]:
            with self.subTest(code):
                s = self.serve(err(status, code))
                with self.assertRaises(cls) as cm:
                    self.client(s.url).decide(HELLO)
                self.assertEqual(cm.exception.code, code)

    def test_non_parapet_error_body(self):
        s = self.serve((502, b"<html>bad gateway</html>", {}), (404, b"nope", {}))
        with self.assertRaises(parapet.UnexpectedResponseError) as cm:
            self.client(s.url).decide(HELLO)
        self.assertEqual(cm.exception.status, 404)
        self.assertEqual(len(s.requests), 2)  # the 502 was retried

    def test_retry_after(self):
        s = self.serve((503, {"error": {"code": "internal", "message": "", "error_id": "x"}}, {"Retry-After": "0"}))
        t = time.monotonic()
        self.client(s.url, backoff=(1.0, 2.0)).decide(HELLO)
        self.assertLess(time.monotonic() - t, 0.9)

    def test_connection_errors_are_retried(self):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        sock.close()  # nothing listens there
        c = self.client("http://127.0.0.1:%d" % port, max_retries=2)
        t = time.monotonic()
        with self.assertRaises(parapet.APIConnectionError):
            c.decide(HELLO)
        self.assertLess(time.monotonic() - t, 5)

    def test_timeout_then_retry(self):
        s = self.serve(delay=1.0)
        d = self.client(s.url, timeout=0.2).decide(HELLO)
        self.assertEqual(d.effect, "allow")
        self.assertEqual(len(s.requests), 2)

    def test_timeout_error(self):
        s = self.serve(delay=1.0)
        with self.assertRaises(parapet.APITimeoutError):
            self.client(s.url, timeout=0.2, max_retries=0).decide(HELLO)

    def test_ready(self):
        s = self.serve((200, {"status": "ready"}, {}), (503, {"status": "not_ready"}, {}))
        c = self.client(s.url)
        self.assertTrue(c.ready())
        self.assertFalse(c.ready())
        self.assertEqual(s.requests[0][1], "/health/ready")

    def test_env_defaults(self):
        import os
        old = dict(os.environ)
        try:
            os.environ["PARAPET_URL"] = "http://127.0.0.1:9999/"
            os.environ["PARAPET_TOKEN"] = "from-env"
            c = parapet.Client()
            self.assertEqual(c.base_url, "http://127.0.0.1:9999")
            self.assertEqual(c._t.token, "from-env")
        finally:
            os.environ.clear()
            os.environ.update(old)

    def test_bad_base_url(self):
        for u in ("localhost:8282", "ftp://x", "http://"):
            with self.assertRaises(ValueError):
                parapet.Client(u)

    def test_decision_keeps_unknown_fields(self):
        s = self.serve((200, dict(DECISION, shiny_new_field=1), {}))
        d = self.client(s.url).decide(HELLO)
        self.assertEqual(d.raw["shiny_new_field"], 1)


class AsyncClientTest(unittest.TestCase):
    def test_retries_and_errors(self):
        s = Scripted([err(503, "internal"), err(400, "missing_field", "phase")])
        self.addCleanup(s.close)

        async def main():
            c = parapet.AsyncClient(s.url, backoff=(0.001, 0.005))
            with self.assertRaises(parapet.MissingFieldError) as cm:
                await c.decide(HELLO)
            self.assertEqual(cm.exception.field, "phase")
            d = await c.decide(HELLO)
            self.assertEqual(d.effect, "allow")
            self.assertTrue(await c.ready())

        asyncio.run(main())
        self.assertEqual(len(s.requests), 4)

    def test_cancel_stops_retries(self):
        s = Scripted([err(503, "internal")] * 10)
        self.addCleanup(s.close)

        async def main():
            c = parapet.AsyncClient(s.url, max_retries=9, backoff=(5.0, 5.0))
            with self.assertRaises(asyncio.TimeoutError):
                await asyncio.wait_for(c.decide(HELLO), 0.5)

        t = time.monotonic()
        asyncio.run(main())
        self.assertLess(time.monotonic() - t, 3)
        self.assertEqual(len(s.requests), 1)


if __name__ == "__main__":
    unittest.main()
