"""Guarding one model call: prompt check → call the model with the
redacted or rerouted request → response check → restore."""

from __future__ import annotations

import dataclasses
import functools
import inspect
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Union

from ._errors import DeniedError
from ._restore import placeholders, restore
from ._types import (PROMPT, RESPONSE, WARN, Context, Decision, Message, Reason, Request, Resource,
                     Response, Subject)

__all__ = ["guard", "guard_async", "guarded", "GuardResult", "strip_think"]

ModelAnswer = Union[str, Response, Mapping[str, Any]]
CallModel = Callable[[List[Dict[str, Any]], str], Any]


@dataclass
class GuardResult:
    """A guarded call that went ahead."""

    content: str
    """The answer to show: redacted where the response check redacted,
    reasoning stripped when the policy says so, the prompt's redacted values
    restored."""
    reasoning: Optional[str]
    model: str
    """The model that was called (the request's, or the policy's route)."""
    prompt: Decision
    response: Optional[Decision]
    notices: List[str] = field(default_factory=list)

    @property
    def warnings(self) -> List[Reason]:
        return [r for d in (self.prompt, self.response) if d for r in d.reasons if r.effect == WARN]

    def __str__(self) -> str:
        return self.content


def strip_think(s: str) -> str:
    """Removes <think>…</think> blocks (an unclosed one to the end)."""
    while True:
        i = s.find("<think>")
        if i < 0:
            return s
        j = s.find("</think>", i)
        if j < 0:
            return s[:i].rstrip(" \n")
        s = s[:i] + s[j + len("</think>"):].lstrip("\n")


def _as_response(answer: Any) -> Response:
    if answer is None:
        return Response()
    if isinstance(answer, str):
        return Response(content=answer)
    if isinstance(answer, Response):
        return answer
    if isinstance(answer, Mapping):
        return Response(content=answer.get("content") or "", reasoning=answer.get("reasoning"))
    raise TypeError("the model function must return a str, a parapet.Response or a dict, not %s"
                    % type(answer).__name__)


class _Run:
    """The steps of one guarded call, shared by the sync and async paths."""

    def __init__(self, request: Request, check_response: bool):
        if not isinstance(request, Request):
            request = Request.from_dict(request)
        self.request = dataclasses.replace(request, phase=PROMPT)
        self.check_response = check_response

    def after_prompt(self, d: Decision) -> None:
        if not d.allow:
            raise DeniedError(PROMPT, d)
        self.prompt = d
        self.messages = d.messages if d.messages else self.request.messages
        self.model = d.route.model if d.route and d.route.model else self.request.resource.model

    def model_args(self) -> tuple:
        return [m.to_dict() for m in self.messages], self.model

    def response_request(self, answer: Response) -> Request:
        self.answer = answer
        context = self.request.context
        if self.prompt.obligations.canary:
            # The canary planted in the system prompt: the response check
            # looks for it.
            base = context or Context()
            context = dataclasses.replace(base, labels={**base.labels, "canary": self.prompt.obligations.canary})
        return dataclasses.replace(self.request, phase=RESPONSE, messages=list(self.messages),
                                   resource=dataclasses.replace(self.request.resource, model=self.model),
                                   response=answer, context=context)

    def finish(self, answer: Response, d: Optional[Decision]) -> GuardResult:
        if d is not None and not d.allow:
            raise DeniedError(RESPONSE, d)
        content, reasoning = answer.content, answer.reasoning
        if d is not None and d.response is not None:
            content, reasoning = d.response.content, d.response.reasoning
        if self.prompt.obligations.strip_reasoning or (d is not None and d.obligations.strip_reasoning):
            content, reasoning = strip_think(content), None
        if self.prompt.obligations.restore:
            ph = placeholders(self.request, self.prompt)
            content = restore(content, ph)
            reasoning = restore(reasoning, ph) if reasoning else reasoning
        notices = [x.obligations.notice for x in (self.prompt, d) if x and x.obligations.notice]
        return GuardResult(content=content, reasoning=reasoning or None, model=self.model,
                           prompt=self.prompt, response=d, notices=notices)


def guard(decider: Any, request: Union[Request, Mapping[str, Any]], call_model: CallModel, *,
          check_response: bool = True) -> GuardResult:
    """Runs one guarded model call with a Client (or anything with
    ``decide(request) -> Decision``).

    ``call_model(messages, model)`` gets the messages to send as dicts
    (placeholders in place of redacted values) and the model to call (the
    policy may route elsewhere); it returns the answer as a str, a
    :class:`Response` (with reasoning) or a dict. A refusal at either check
    raises :class:`DeniedError` with ``step`` "prompt" or "response"; the
    model is not called when the prompt is refused.
    """
    run = _Run(request, check_response)
    run.after_prompt(decider.decide(run.request))
    answer = _as_response(call_model(*run.model_args()))
    d = decider.decide(run.response_request(answer)) if check_response else None
    return run.finish(answer, d)


async def guard_async(decider: Any, request: Union[Request, Mapping[str, Any]],
                      call_model: Callable[[List[Dict[str, Any]], str], Union[Any, Awaitable[Any]]], *,
                      check_response: bool = True) -> GuardResult:
    """guard() for asyncio, with an AsyncClient; ``call_model`` may be a
    coroutine function or a plain one."""
    run = _Run(request, check_response)
    run.after_prompt(await decider.decide(run.request))
    answer = call_model(*run.model_args())
    if inspect.isawaitable(answer):
        answer = await answer
    answer = _as_response(answer)
    d = (await decider.decide(run.response_request(answer))) if check_response else None
    return run.finish(answer, d)


def guarded(decider: Any, *, subject: Union[Subject, Mapping[str, Any], str], model: str,
            endpoint: Optional[str] = None, purpose: Optional[str] = None,
            context: Optional[Union[Context, Mapping[str, Any]]] = None, check_response: bool = True,
            full_result: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorates a function that calls a model, ``fn(messages, model, **kw)``,
    so that every call is guarded::

        @parapet.guarded(client, subject="alice", model="gpt-4o")
        def ask(messages, model):
            return openai.chat.completions.create(model=model, messages=messages).choices[0].message.content

        answer = ask("Draft a reply to jane@example.com")   # or a list of messages

    The decorated function takes the messages (a str is one user message)
    and returns the guarded answer's content (the :class:`GuardResult` with
    ``full_result=True``). An ``async def`` function needs an AsyncClient.
    """
    if isinstance(subject, str):
        subj = Subject(id=subject)
    elif isinstance(subject, Subject):
        subj = subject
    else:
        subj = Subject.from_dict(subject)
    ctx = Context.from_dict(context) if isinstance(context, Mapping) else context

    def build(messages: Any) -> Request:
        if isinstance(messages, str):
            msgs = [Message(role="user", content=messages)]
        else:
            msgs = [m if isinstance(m, Message) else Message.from_dict(m) for m in messages]
        return Request(phase=PROMPT, subject=subj, resource=Resource(model=model, endpoint=endpoint),
                       messages=msgs, purpose=purpose, context=ctx)

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.iscoroutinefunction(fn):
            @functools.wraps(fn)
            async def async_wrapper(messages: Any, **kw: Any) -> Any:
                res = await guard_async(decider, build(messages), lambda m, mdl: fn(m, mdl, **kw),
                                        check_response=check_response)
                return res if full_result else res.content
            return async_wrapper

        @functools.wraps(fn)
        def wrapper(messages: Any, **kw: Any) -> Any:
            res = guard(decider, build(messages), lambda m, mdl: fn(m, mdl, **kw), check_response=check_response)
            return res if full_result else res.content
        return wrapper

    return decorate
