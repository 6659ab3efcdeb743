"""Clients for a remote ``parapet serve``: Client (blocking) and
AsyncClient (asyncio). Both retry 5xx answers and connection errors with
backoff, never 4xx."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import os
import random
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Mapping, Optional, Tuple, Union

from ._errors import (APIConnectionError, APIError, APITimeoutError, ParapetError,
                      UnexpectedResponseError, error_for)
from ._types import Decision, Request

__all__ = ["Client", "AsyncClient", "DEFAULT_URL"]

DEFAULT_URL = "http://127.0.0.1:8282"

RequestLike = Union[Request, Mapping[str, Any]]


def _body_of(request: RequestLike) -> bytes:
    d = request.to_dict() if isinstance(request, Request) else dict(request)
    return json.dumps(d, ensure_ascii=False).encode("utf-8")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Transport:
    """One attempt of one HTTP call, and the retry policy around it."""

    def __init__(self, base_url: Optional[str], token: Optional[str], timeout: float, max_retries: int,
                 backoff: Tuple[float, float], user_agent: str):
        base_url = base_url or os.environ.get("PARAPET_URL") or DEFAULT_URL
        u = urllib.parse.urlsplit(base_url.rstrip("/"))
        if u.scheme not in ("http", "https") or not u.hostname:
            raise ValueError("parapet: base URL %r must be http(s)://host[:port]" % base_url)
        self.base_url = base_url.rstrip("/")
        self.token = token if token is not None else os.environ.get("PARAPET_TOKEN")
        self.timeout = timeout
        self.max_retries = max(0, max_retries)
        self.backoff = backoff
        self.user_agent = user_agent
        # Honour proxy settings from the environment, except for a server on
        # this machine (urllib would send even 127.0.0.1 through them).
        handlers = [urllib.request.ProxyHandler({})] if _is_loopback(u.hostname) else []
        self.opener = urllib.request.build_opener(*handlers)

    def attempt(self, method: str, path: str, body: Optional[bytes], content_type: Optional[str]) -> Any:
        headers = {"Accept": "application/json", "User-Agent": self.user_agent}
        if body is not None:
            headers["Content-Type"] = content_type or "application/json"
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        req = urllib.request.Request(self.base_url + path, data=body, headers=headers, method=method)
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as e:
            raw = e.read() if e.fp is not None else b""
            raise self._error(e.code, raw, e.headers.get("Retry-After") if e.headers else None) from None
        except (socket.timeout, TimeoutError) as e:
            raise APITimeoutError("parapet: %s %s: timed out after %ss" % (method, path, self.timeout)) from e
        except urllib.error.URLError as e:
            if isinstance(e.reason, (socket.timeout, TimeoutError)):
                raise APITimeoutError("parapet: %s %s: timed out after %ss" % (method, path, self.timeout)) from e
            raise APIConnectionError("parapet: %s %s: %s" % (method, path, e.reason)) from e
        except (ConnectionError, OSError) as e:
            raise APIConnectionError("parapet: %s %s: %s" % (method, path, e)) from e
        if not raw:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            raise UnexpectedResponseError(200, UnexpectedResponseError.code, "the answer is not JSON") from None

    @staticmethod
    def _error(status: int, raw: bytes, retry_after: Optional[str]) -> APIError:
        try:
            e = json.loads(raw)["error"]
            err = error_for(status, e["code"], e.get("message", ""), e.get("field"), e.get("error_id"))
        except (ValueError, KeyError, TypeError):
            text = raw.decode("utf-8", "replace").strip()[:200]
            err = UnexpectedResponseError(status, UnexpectedResponseError.code, text)
        try:
            err.retry_after = float(retry_after) if retry_after else None  # type: ignore[attr-defined]
        except ValueError:
            err.retry_after = None  # type: ignore[attr-defined]
        return err

    def retryable(self, err: ParapetError) -> bool:
        if isinstance(err, APIError):
            return err.status >= 500
        return isinstance(err, APIConnectionError)

    def wait(self, attempt: int, err: ParapetError) -> float:
        lo, hi = self.backoff
        ra = getattr(err, "retry_after", None)
        if ra is not None and 0 <= ra <= hi:
            return ra
        cap = min(hi, lo * (2 ** attempt))
        return random.uniform(lo / 2, max(cap, lo / 2))


class Client:
    """A blocking client for ``parapet serve``.

    ``base_url`` defaults to ``$PARAPET_URL``, else http://127.0.0.1:8282;
    ``token`` to ``$PARAPET_TOKEN``. ``timeout`` bounds each attempt (seconds);
    a 5xx answer or a connection error is retried ``max_retries`` times,
    waiting between ``backoff[0]`` and ``backoff[1]`` seconds (doubling, with
    jitter). 4xx answers are raised at once as the APIError subclass of their
    code, with the field the server named in ``.field``.
    """

    def __init__(self, base_url: Optional[str] = None, *, token: Optional[str] = None, timeout: float = 10.0,
                 max_retries: int = 2, backoff: Tuple[float, float] = (0.1, 2.0),
                 user_agent: str = "parapet-python-sdk"):
        self._t = _Transport(base_url, token, timeout, max_retries, backoff, user_agent)

    @property
    def base_url(self) -> str:
        return self._t.base_url

    def decide(self, request: RequestLike) -> Decision:
        """Decides a Request (or the same as a dict)."""
        return Decision.from_dict(self.request("POST", "/v1/decide", _body_of(request)))

    def decide_raw(self, body: Union[bytes, str], content_type: str = "application/json") -> Decision:
        """Sends an already encoded request body."""
        if isinstance(body, str):
            body = body.encode("utf-8")
        return Decision.from_dict(self.request("POST", "/v1/decide", body, content_type))

    def ready(self) -> bool:
        """True once the server has an active bundle (GET /health/ready)."""
        try:
            self._t.attempt("GET", "/health/ready", None, None)
            return True
        except APIError as e:
            if e.status == 503:
                return False
            raise

    def request(self, method: str, path: str, body: Optional[bytes] = None,
                content_type: Optional[str] = None) -> Any:
        """One call with the client's token, timeout and retries; returns the
        decoded JSON answer."""
        attempt = 0
        while True:
            try:
                return self._t.attempt(method, path, body, content_type)
            except ParapetError as e:
                if not self._t.retryable(e) or attempt >= self._t.max_retries:
                    raise
                time.sleep(self._t.wait(attempt, e))
                attempt += 1

    def close(self) -> None:
        """Nothing to release (each call opens its own connection); for symmetry."""

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class AsyncClient:
    """The asyncio twin of Client, with the same arguments. Each attempt runs
    the standard library's blocking HTTP in a worker thread; backoff waits
    are asyncio sleeps, so cancelling a call stops its retries."""

    def __init__(self, base_url: Optional[str] = None, *, token: Optional[str] = None, timeout: float = 10.0,
                 max_retries: int = 2, backoff: Tuple[float, float] = (0.1, 2.0),
                 user_agent: str = "parapet-python-sdk"):
        self._t = _Transport(base_url, token, timeout, max_retries, backoff, user_agent)

    @property
    def base_url(self) -> str:
        return self._t.base_url

    async def decide(self, request: RequestLike) -> Decision:
        return Decision.from_dict(await self.request("POST", "/v1/decide", _body_of(request)))

    async def decide_raw(self, body: Union[bytes, str], content_type: str = "application/json") -> Decision:
        if isinstance(body, str):
            body = body.encode("utf-8")
        return Decision.from_dict(await self.request("POST", "/v1/decide", body, content_type))

    async def ready(self) -> bool:
        try:
            await asyncio.to_thread(self._t.attempt, "GET", "/health/ready", None, None)
            return True
        except APIError as e:
            if e.status == 503:
                return False
            raise

    async def request(self, method: str, path: str, body: Optional[bytes] = None,
                      content_type: Optional[str] = None) -> Any:
        attempt = 0
        while True:
            try:
                return await asyncio.to_thread(self._t.attempt, method, path, body, content_type)
            except ParapetError as e:
                if not self._t.retryable(e) or attempt >= self._t.max_retries:
                    raise
                await asyncio.sleep(self._t.wait(attempt, e))
                attempt += 1

    async def aclose(self) -> None:
        """Nothing to release; for symmetry with other async clients."""

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()
