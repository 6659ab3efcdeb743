"""The request and decision of POST /v1/decide as dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Union

__all__ = [
    "Subject", "Resource", "Message", "Response", "Document", "Context", "Attachment", "Request",
    "Evidence", "Reason", "Route", "Obligations", "BundleInfo", "Decision",
    "PROMPT", "RESPONSE", "ALLOW", "WARN", "REDACT", "REVIEW", "DENY",
]

PROMPT = "prompt"
RESPONSE = "response"

ALLOW = "allow"
WARN = "warn"
REDACT = "redact"
REVIEW = "review"
DENY = "deny"


def _drop_empty(d: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != "" and v != [] and v != {}}


@dataclass
class Subject:
    """The person or service the call is for."""

    id: str = ""
    roles: List[str] = field(default_factory=list)
    tenant: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        return _drop_empty({"id": self.id, "roles": list(self.roles), "tenant": self.tenant})

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Subject":
        return cls(id=d.get("id", ""), roles=list(d.get("roles") or []), tenant=d.get("tenant"))


@dataclass
class Resource:
    """The model and API being called."""

    model: str = ""
    endpoint: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        return _drop_empty({"model": self.model, "endpoint": self.endpoint})

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Resource":
        return cls(model=d.get("model", ""), endpoint=d.get("endpoint"))


@dataclass
class Message:
    """One chat message; role is system, developer, user, assistant or tool."""

    role: str
    content: str
    name: Optional[str] = None
    tool_call_id: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        d = {"role": self.role, "content": self.content}
        if self.name:
            d["name"] = self.name
        if self.tool_call_id:
            d["tool_call_id"] = self.tool_call_id
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Message":
        return cls(role=d.get("role", ""), content=d.get("content", ""),
                   name=d.get("name"), tool_call_id=d.get("tool_call_id"))


@dataclass
class Response:
    """A model's answer: its content and, for reasoning models, its reasoning."""

    content: str = ""
    reasoning: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        d: Dict[str, Any] = {"content": self.content}
        if self.reasoning:
            d["reasoning"] = self.reasoning
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Response":
        return cls(content=d.get("content", ""), reasoning=d.get("reasoning"))


@dataclass
class Document:
    """Retrieved text (source "retrieval") or tool output (source "tool")."""

    text: str
    id: Optional[str] = None
    classification: Optional[str] = None
    source: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        d = _drop_empty({"id": self.id, "classification": self.classification, "source": self.source})
        d["text"] = self.text
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Document":
        return cls(text=d.get("text", ""), id=d.get("id"), classification=d.get("classification"),
                   source=d.get("source"))


@dataclass
class Context:
    """What else the caller knows about the call."""

    classification: Optional[str] = None
    documents: List[Document] = field(default_factory=list)
    conversation_id: Optional[str] = None
    request_id: Optional[str] = None
    labels: Dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> Dict[str, Any]:
        return _drop_empty({
            "classification": self.classification,
            "documents": [x.to_dict() for x in self.documents],
            "conversation_id": self.conversation_id,
            "request_id": self.request_id,
            "labels": dict(self.labels),
        })

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Context":
        return cls(classification=d.get("classification"),
                   documents=[Document.from_dict(x) for x in d.get("documents") or []],
                   conversation_id=d.get("conversation_id"), request_id=d.get("request_id"),
                   labels=dict(d.get("labels") or {}))


@dataclass
class Attachment:
    """Prompt content no detector reads (an image, audio, a file): what it
    is and where, never its content. type is image, audio, video or file;
    source is inline, url or file."""

    type: str
    field: Optional[str] = None
    media_type: Optional[str] = None
    source: Optional[str] = None
    bytes: int = 0

    def to_dict(self) -> Dict[str, Any]:
        d = _drop_empty({"field": self.field, "media_type": self.media_type, "source": self.source})
        d["type"] = self.type
        if self.bytes:
            d["bytes"] = self.bytes
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Attachment":
        return cls(type=d.get("type", ""), field=d.get("field"), media_type=d.get("media_type"),
                   source=d.get("source"), bytes=int(d.get("bytes") or 0))


MessageLike = Union[Message, Mapping[str, Any]]


@dataclass
class Request:
    """A decide request (docs/api.md). phase is "prompt" or "response"."""

    phase: str = PROMPT
    subject: Subject = field(default_factory=Subject)
    resource: Resource = field(default_factory=Resource)
    messages: List[Message] = field(default_factory=list)
    response: Optional[Response] = None
    purpose: Optional[str] = None
    context: Optional[Context] = None
    attachments: List[Attachment] = field(default_factory=list)

    def to_dict(self) -> Dict[str, Any]:
        d: Dict[str, Any] = {"phase": self.phase, "subject": self.subject.to_dict(),
                             "resource": self.resource.to_dict()}
        if self.purpose:
            d["purpose"] = self.purpose
        if self.messages:
            d["messages"] = [m.to_dict() for m in self.messages]
        if self.response is not None:
            d["response"] = self.response.to_dict()
        if self.context is not None:
            c = self.context.to_dict()
            if c:
                d["context"] = c
        if self.attachments:
            d["attachments"] = [a.to_dict() for a in self.attachments]
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Request":
        return cls(
            phase=d.get("phase", ""),
            subject=Subject.from_dict(d.get("subject") or {}),
            resource=Resource.from_dict(d.get("resource") or {}),
            messages=[Message.from_dict(m) for m in d.get("messages") or []],
            response=Response.from_dict(d["response"]) if d.get("response") is not None else None,
            purpose=d.get("purpose"),
            context=Context.from_dict(d["context"]) if d.get("context") is not None else None,
            attachments=[Attachment.from_dict(a) for a in d.get("attachments") or []],
        )


@dataclass
class Evidence:
    """A span of the request that made a rule fire: Unicode code points
    into field (Python string indexes), end exclusive."""

    field: str
    start: int
    end: int
    type: str = ""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Evidence":
        return cls(field=d.get("field", ""), start=int(d.get("start", 0)), end=int(d.get("end", 0)),
                   type=d.get("type", ""))


@dataclass
class Reason:
    """One rule that fired."""

    id: str
    effect: str
    message: str = ""
    severity: str = ""
    controls: List[str] = field(default_factory=list)
    evidence: List[Evidence] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Reason":
        return cls(id=d.get("id", ""), effect=d.get("effect", ""), message=d.get("message", ""),
                   severity=d.get("severity", ""), controls=list(d.get("controls") or []),
                   evidence=[Evidence.from_dict(e) for e in d.get("evidence") or []])


@dataclass
class Route:
    """Where the policy sends the call instead."""

    model: Optional[str] = None
    upstream: Optional[str] = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Route":
        return cls(model=d.get("model") or None, upstream=d.get("upstream") or None)


@dataclass
class Obligations:
    """What the caller must do besides forwarding."""

    strip_reasoning: bool = False
    notice: str = ""
    restore: bool = False
    placeholders: Dict[str, str] = field(default_factory=dict)
    canary: str = ""
    """The canary token planted in the system prompt of ``messages``: pass
    it back as ``context.labels["canary"]`` with the response."""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Obligations":
        return cls(strip_reasoning=bool(d.get("strip_reasoning")), notice=d.get("notice") or "",
                   restore=bool(d.get("restore")), placeholders=dict(d.get("placeholders") or {}),
                   canary=d.get("canary") or "")


@dataclass
class BundleInfo:
    name: str = ""
    revision: str = ""


@dataclass
class Decision:
    """Parapet's answer. allow is False for deny and review."""

    decision_id: str
    effect: str
    allow: bool
    reasons: List[Reason] = field(default_factory=list)
    messages: Optional[List[Message]] = None
    response: Optional[Response] = None
    route: Optional[Route] = None
    obligations: Obligations = field(default_factory=Obligations)
    fail_closed: bool = False
    bundle: BundleInfo = field(default_factory=BundleInfo)
    timings_us: Dict[str, int] = field(default_factory=dict)
    analysis: Dict[str, Any] = field(default_factory=dict)
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """The decision's JSON as received, including fields newer than this SDK."""

    @property
    def reason_ids(self) -> List[str]:
        return [r.id for r in self.reasons]

    @property
    def warnings(self) -> List[Reason]:
        return [r for r in self.reasons if r.effect == WARN]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Decision":
        msgs = d.get("messages")
        b = d.get("bundle") or {}
        return cls(
            decision_id=d.get("decision_id", ""),
            effect=d.get("effect", ""),
            allow=bool(d.get("allow")),
            reasons=[Reason.from_dict(r) for r in d.get("reasons") or []],
            messages=[Message.from_dict(m) for m in msgs] if msgs else None,
            response=Response.from_dict(d["response"]) if d.get("response") else None,
            route=Route.from_dict(d["route"]) if d.get("route") else None,
            obligations=Obligations.from_dict(d.get("obligations") or {}),
            fail_closed=bool(d.get("fail_closed")),
            bundle=BundleInfo(name=b.get("name", ""), revision=b.get("revision", "")),
            timings_us=dict(d.get("timings_us") or {}),
            analysis=dict(d.get("analysis") or {}),
            raw=dict(d),
        )
