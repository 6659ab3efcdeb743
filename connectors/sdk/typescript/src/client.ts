import {
  APIConnectionError, APIError, APITimeoutError, ParapetError, UnexpectedResponseError, errorFor,
} from "./errors.js";
import type { Decider, Decision, Request } from "./types.js";

export const DEFAULT_URL = "http://127.0.0.1:8282";

export interface ClientOptions {
  /** Default: $PARAPET_URL, else http://127.0.0.1:8282. */
  baseURL?: string;
  /** Bearer token (servers with a keys file). Default: $PARAPET_TOKEN. */
  token?: string;
  /** Bound on each attempt, in milliseconds. Default 10000. */
  timeoutMs?: number;
  /** Retries after a 5xx answer or a connection error; 4xx answers are never retried. Default 2. */
  maxRetries?: number;
  /** First and longest wait between attempts (ms); waits double, with jitter. Default [100, 2000]. */
  backoffMs?: [number, number];
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /** Extra headers on every call. */
  headers?: Record<string, string>;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface RawRequest extends CallOptions {
  method: string;
  path: string;
  body?: string | Uint8Array;
  /** Default application/json when there is a body. */
  contentType?: string;
}

function env(name: string): string | undefined {
  const p = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return p?.env?.[name] || undefined;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A client for a remote `parapet serve`. Retries 5xx answers and
 * connection errors with backoff, never 4xx; every error answer is thrown
 * as the APIError subclass of its code, with the field the server named.
 */
export class Client implements Decider {
  readonly baseURL: string;
  private readonly token?: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffMs: [number, number];
  private readonly fetchFn: typeof fetch;
  private readonly headers: Record<string, string>;

  constructor(options: ClientOptions = {}) {
    const base = (options.baseURL ?? env("PARAPET_URL") ?? DEFAULT_URL).replace(/\/+$/, "");
    let u: URL;
    try {
      u = new URL(base);
    } catch {
      throw new TypeError(`parapet: base URL ${JSON.stringify(base)} must be http(s)://host[:port]`);
    }
    if ((u.protocol !== "http:" && u.protocol !== "https:") || !u.hostname) {
      throw new TypeError(`parapet: base URL ${JSON.stringify(base)} must be http(s)://host[:port]`);
    }
    this.baseURL = base;
    const token = options.token ?? env("PARAPET_TOKEN");
    if (token) this.token = token;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetries = Math.max(0, options.maxRetries ?? 2);
    this.backoffMs = options.backoffMs ?? [100, 2000];
    this.fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.headers = options.headers ?? {};
  }

  /** Decides one request. */
  async decide(request: Request, options: CallOptions = {}): Promise<Decision> {
    return this.request<Decision>({ method: "POST", path: "/v1/decide", body: JSON.stringify(request), ...options });
  }

  /** Sends an already encoded request body. */
  async decideRaw(body: string | Uint8Array, options: CallOptions & { contentType?: string } = {}): Promise<Decision> {
    return this.request<Decision>({ method: "POST", path: "/v1/decide", body, ...options });
  }

  /** true once the server has an active bundle (GET /health/ready), false on 503. */
  async ready(options: CallOptions = {}): Promise<boolean> {
    try {
      await this.attempt({ method: "GET", path: "/health/ready", ...options });
      return true;
    } catch (e) {
      if (e instanceof APIError && e.status === 503) return false;
      throw e;
    }
  }

  /** One call with the client's token, timeout and retries; resolves to the decoded JSON answer. */
  async request<T = unknown>(req: RawRequest): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.attempt(req)) as T;
      } catch (e) {
        const retryable = (e instanceof APIError && e.status >= 500) || e instanceof APIConnectionError;
        if (!retryable || attempt >= this.maxRetries || req.signal?.aborted) throw e;
        await sleep(this.wait(attempt, e as ParapetError), req.signal);
      }
    }
  }

  private wait(attempt: number, e: ParapetError): number {
    const [lo, hi] = this.backoffMs;
    if (e instanceof APIError && e.retryAfter !== undefined && e.retryAfter * 1000 <= hi) return e.retryAfter * 1000;
    const cap = Math.min(hi, lo * 2 ** attempt);
    return lo / 2 + Math.random() * Math.max(0, cap - lo / 2);
  }

  private async attempt(req: RawRequest): Promise<unknown> {
    const headers: Record<string, string> = { accept: "application/json", ...this.headers };
    if (req.body !== undefined) headers["content-type"] = req.contentType ?? "application/json";
    if (this.token) headers["authorization"] = `Bearer ${this.token}`;
    const ctl = new AbortController();
    let timedOut = false;
    const timer = this.timeoutMs > 0 ? setTimeout(() => { timedOut = true; ctl.abort(); }, this.timeoutMs) : undefined;
    const onAbort = () => ctl.abort(req.signal!.reason);
    req.signal?.addEventListener("abort", onAbort, { once: true });
    const what = `${req.method} ${req.path}`;
    try {
      let resp: Response;
      let text: string;
      try {
        const init: RequestInit = { method: req.method, headers, signal: ctl.signal };
        if (req.body !== undefined) init.body = req.body as BodyInit;
        resp = await this.fetchFn(this.baseURL + req.path, init);
        text = await resp.text();
      } catch (e) {
        if (req.signal?.aborted) throw req.signal.reason ?? e;
        if (timedOut) throw new APITimeoutError(`parapet: ${what}: timed out after ${this.timeoutMs}ms`, { cause: e });
        const cause = (e as { cause?: { message?: string } }).cause;
        throw new APIConnectionError(`parapet: ${what}: ${cause?.message ?? (e as Error).message}`, { cause: e });
      }
      if (resp.ok) {
        if (!text) return undefined;
        try {
          return JSON.parse(text);
        } catch {
          throw new UnexpectedResponseError(resp.status, UnexpectedResponseError.code, "the answer is not JSON");
        }
      }
      const ra = Number.parseFloat(resp.headers.get("retry-after") ?? "");
      const retryAfter = Number.isFinite(ra) && ra >= 0 ? ra : undefined;
      let body: { error?: { code?: string; message?: string; field?: string; error_id?: string } } | undefined;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      const e = body?.error;
      if (e?.code) throw errorFor(resp.status, e.code, e.message ?? "", e.field, e.error_id, retryAfter);
      throw new UnexpectedResponseError(resp.status, UnexpectedResponseError.code,
        `${resp.statusText}${text ? ": " + text.slice(0, 200) : ""}`, undefined, undefined, retryAfter);
    } finally {
      if (timer) clearTimeout(timer);
      req.signal?.removeEventListener("abort", onAbort);
    }
  }
}
