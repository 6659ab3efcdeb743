"""Parapet's Python client: ask a Parapet decision service before and after
every model call.

    import parapet

    client = parapet.Client("http://127.0.0.1:8282")
    decision = client.decide({
        "phase": "prompt",
        "subject": {"id": "alice", "tenant": "acme"},
        "resource": {"model": "gpt-4o"},
        "messages": [{"role": "user", "content": "Draft a reply to jane.doe@example.com"}],
    })
    decision.effect          # "redact"
    decision.messages[0].content   # "Draft a reply to <EMAIL_ADDRESS_1>"

Standard library only; Python 3.9 or later.
"""

from ._client import DEFAULT_URL, AsyncClient, Client
from ._errors import (APIConnectionError, APIError, APITimeoutError, BadRequestError, DeniedError,
                      ForbiddenError, InternalServerError, InvalidFieldError, InvalidJSONError,
                      InvalidUTF8Error, MethodNotAllowedError, MissingFieldError, NotFoundError,
                      ParapetError, RequestTooLargeError, UnauthorizedError, UnexpectedResponseError,
                      UnknownFieldError, UnsupportedMediaTypeError)
from ._guard import GuardResult, guard, guard_async, guarded, strip_think
from ._restore import placeholders, restore
from ._types import (ALLOW, DENY, PROMPT, REDACT, RESPONSE, REVIEW, WARN, Attachment, BundleInfo, Context, Decision,
                     Document, Evidence, Message, Obligations, Reason, Request, Resource, Response, Route,
                     Subject)

__version__ = "0.1.0"

__all__ = [
    "Client", "AsyncClient", "DEFAULT_URL",
    "Request", "Subject", "Resource", "Message", "Response", "Context", "Document", "Attachment",
    "Decision", "Reason", "Evidence", "Route", "Obligations", "BundleInfo",
    "PROMPT", "RESPONSE", "ALLOW", "WARN", "REDACT", "REVIEW", "DENY",
    "guard", "guard_async", "guarded", "GuardResult", "strip_think", "placeholders", "restore",
    "ParapetError", "APIError", "BadRequestError", "InvalidJSONError", "InvalidUTF8Error",
    "UnknownFieldError", "MissingFieldError", "InvalidFieldError", "UnauthorizedError", "ForbiddenError",
    "NotFoundError", "MethodNotAllowedError", "RequestTooLargeError", "UnsupportedMediaTypeError",
    "InternalServerError", "UnexpectedResponseError", "APIConnectionError", "APITimeoutError",
    "DeniedError",
]
