"""Exceptions: one class per error code of the API (docs/api.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Optional, Type

if TYPE_CHECKING:  # pragma: no cover
    from ._types import Decision

__all__ = [
    "ParapetError", "APIError", "BadRequestError", "InvalidJSONError", "InvalidUTF8Error",
    "UnknownFieldError", "MissingFieldError", "InvalidFieldError", "UnauthorizedError",
    "ForbiddenError", "NotFoundError", "MethodNotAllowedError", "RequestTooLargeError",
    "UnsupportedMediaTypeError", "InternalServerError", "UnexpectedResponseError",
    "APIConnectionError", "APITimeoutError", "DeniedError",
]


class ParapetError(Exception):
    """Base of every error the SDK raises."""


class APIError(ParapetError):
    """An error answer from Parapet: the HTTP status, the stable code, the
    message, the field the server named (``messages[1].role``) and the id
    of the server's log line."""

    code: str = ""

    def __init__(self, status: int, code: str, message: str = "", field: Optional[str] = None,
                 error_id: Optional[str] = None):
        self.status = status
        self.code = code
        self.message = message
        self.field = field or None
        self.error_id = error_id or None
        super().__init__(str(self))

    def __str__(self) -> str:
        s = "%d %s" % (self.status, self.code)
        if self.field:
            s += ": " + self.field
        if self.message:
            s += ": " + self.message
        if self.error_id:
            s += " (error_id %s)" % self.error_id
        return s

    def __repr__(self) -> str:
        return "%s(status=%r, code=%r, field=%r, message=%r, error_id=%r)" % (
            type(self).__name__, self.status, self.code, self.field, self.message, self.error_id)


class BadRequestError(APIError):
    """400: the request is wrong; ``field`` names where."""


class InvalidJSONError(BadRequestError):
    code = "invalid_json"


class InvalidUTF8Error(BadRequestError):
    code = "invalid_utf8"


class UnknownFieldError(BadRequestError):
    code = "unknown_field"


class MissingFieldError(BadRequestError):
    code = "missing_field"


class InvalidFieldError(BadRequestError):
    code = "invalid_field"


class UnauthorizedError(APIError):
    """401: no bearer token, or a wrong one."""

    code = "unauthorized"


class ForbiddenError(APIError):
    """403: the key is bound to another tenant than subject.tenant."""

    code = "forbidden"


class NotFoundError(APIError):
    code = "not_found"


class MethodNotAllowedError(APIError):
    code = "method_not_allowed"


class RequestTooLargeError(APIError):
    """413: the body is over the server's limit, or one text field is over 1 MiB."""

    code = "request_too_large"


class UnsupportedMediaTypeError(APIError):
    code = "unsupported_media_type"


class InternalServerError(APIError):
    """5xx: retried by the client before it is raised."""

    code = "internal"


class UnexpectedResponseError(APIError):
    """The answer was not a Parapet error body (a proxy's error page, say)."""

    code = "unexpected_response"


class APIConnectionError(ParapetError):
    """Parapet could not be reached (after the client's retries)."""


class APITimeoutError(APIConnectionError):
    """An attempt took longer than the client's timeout."""


class DeniedError(ParapetError):
    """A guarded call refused by a decision (deny, or review: held for a
    person). ``step`` is "prompt" or "response"; ``decision`` says why."""

    def __init__(self, step: str, decision: "Decision"):
        self.step = step
        self.decision = decision
        ids = ", ".join(decision.reason_ids)
        msg = "the %s was refused (%s%s%s)" % (step, decision.effect, ": " + ids if ids else "",
                                               "; fail-closed" if decision.fail_closed else "")
        super().__init__(msg)

    @property
    def effect(self) -> str:
        return self.decision.effect


_BY_CODE: Dict[str, Type[APIError]] = {
    c.code: c for c in (InvalidJSONError, InvalidUTF8Error, UnknownFieldError, MissingFieldError,
                        InvalidFieldError, UnauthorizedError, ForbiddenError, NotFoundError,
                        MethodNotAllowedError, RequestTooLargeError, UnsupportedMediaTypeError,
                        InternalServerError)
}


def error_for(status: int, code: str, message: str = "", field: Optional[str] = None,
              error_id: Optional[str] = None) -> APIError:
    """The exception for an error answer: by code, else by status."""
    cls = _BY_CODE.get(code)
    if cls is None:
        if status == 400:
            cls = BadRequestError
        elif status >= 500:
            cls = InternalServerError
        else:
            cls = APIError
    return cls(status, code, message, field, error_id)
