import type { Decision } from "./types.js";

/** Base of every error the SDK throws. */
export class ParapetError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options as never);
    this.name = new.target.name;
  }
}

/**
 * An error answer from Parapet: the HTTP status, the stable code, the
 * message, the field the server named ("messages[1].role") and the id of
 * the server's log line.
 */
export class APIError extends ParapetError {
  static readonly code: string = "";
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly errorId?: string;
  /** Seconds from a Retry-After header, when there was one. */
  readonly retryAfter?: number;
  readonly serverMessage: string;

  constructor(status: number, code: string, message = "", field?: string, errorId?: string, retryAfter?: number) {
    let s = `${status} ${code}`;
    if (field) s += `: ${field}`;
    if (message) s += `: ${message}`;
    if (errorId) s += ` (error_id ${errorId})`;
    super(s);
    this.status = status;
    this.code = code;
    this.serverMessage = message;
    if (field) this.field = field;
    if (errorId) this.errorId = errorId;
    if (retryAfter !== undefined) this.retryAfter = retryAfter;
  }
}

/** 400: the request is wrong; field names where. */
export class BadRequestError extends APIError {}
export class InvalidJSONError extends BadRequestError { static override readonly code = "invalid_json"; }
export class InvalidUTF8Error extends BadRequestError { static override readonly code = "invalid_utf8"; }
export class UnknownFieldError extends BadRequestError { static override readonly code = "unknown_field"; }
export class MissingFieldError extends BadRequestError { static override readonly code = "missing_field"; }
export class InvalidFieldError extends BadRequestError { static override readonly code = "invalid_field"; }
/** 401: no bearer token, or a wrong one. */
export class UnauthorizedError extends APIError { static override readonly code = "unauthorized"; }
/** 403: the key is bound to another tenant than subject.tenant. */
export class ForbiddenError extends APIError { static override readonly code = "forbidden"; }
export class NotFoundError extends APIError { static override readonly code = "not_found"; }
export class MethodNotAllowedError extends APIError { static override readonly code = "method_not_allowed"; }
/** 413: the body is over the server's limit, or one text field is over 1 MiB. */
export class RequestTooLargeError extends APIError { static override readonly code = "request_too_large"; }
export class UnsupportedMediaTypeError extends APIError { static override readonly code = "unsupported_media_type"; }
/** 5xx, after the client's retries. */
export class InternalServerError extends APIError { static override readonly code = "internal"; }
/** The answer was not a Parapet error body (a proxy's error page, say). */
export class UnexpectedResponseError extends APIError { static override readonly code = "unexpected_response"; }

/** Parapet could not be reached (after the client's retries). */
export class APIConnectionError extends ParapetError {}
/** An attempt took longer than the client's timeout. */
export class APITimeoutError extends APIConnectionError {}

/**
 * A guarded call refused by a decision: a deny, or a review (held for a
 * person). step is "prompt" or "response"; decision says why.
 */
export class DeniedError extends ParapetError {
  readonly step: "prompt" | "response";
  readonly decision: Decision;
  constructor(step: "prompt" | "response", decision: Decision) {
    const ids = decision.reasons.map((r) => r.id).join(", ");
    super(`the ${step} was refused (${decision.effect}${ids ? ": " + ids : ""}${decision.fail_closed ? "; fail-closed" : ""})`);
    this.step = step;
    this.decision = decision;
  }
  get effect(): string {
    return this.decision.effect;
  }
}

const byCode: Record<string, new (...a: ConstructorParameters<typeof APIError>) => APIError> = {};
for (const c of [InvalidJSONError, InvalidUTF8Error, UnknownFieldError, MissingFieldError, InvalidFieldError,
  UnauthorizedError, ForbiddenError, NotFoundError, MethodNotAllowedError, RequestTooLargeError,
  UnsupportedMediaTypeError, InternalServerError]) {
  byCode[c.code] = c;
}

/** The error for an answer: by code, else by status. */
export function errorFor(status: number, code: string, message = "", field?: string, errorId?: string,
  retryAfter?: number): APIError {
  const C = byCode[code] ?? (status === 400 ? BadRequestError : status >= 500 ? InternalServerError : APIError);
  return new C(status, code, message, field, errorId, retryAfter);
}
