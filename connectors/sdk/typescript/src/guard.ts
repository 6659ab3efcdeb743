import { DeniedError } from "./errors.js";
import { placeholders, restore, stripThink } from "./restore.js";
import type { Decider, Decision, Message, ModelResponse, Reason, Request } from "./types.js";

/** Calls the model: the messages as Parapet left them, and the model to call (the policy may reroute). */
export type CallModel = (messages: Message[], model: string) =>
  string | ModelResponse | Promise<string | ModelResponse>;

export interface GuardOptions {
  /** Check the model's answer too (the second decision). Default true. */
  checkResponse?: boolean;
  signal?: AbortSignal;
}

/** A guarded call that went ahead. */
export interface GuardResult {
  /**
   * The answer to show: redacted where the response check redacted,
   * reasoning stripped when the policy says so, the prompt's redacted
   * values restored.
   */
  content: string;
  reasoning?: string;
  /** The model that was called. */
  model: string;
  prompt: Decision;
  response?: Decision;
  notices: string[];
  /** The warn reasons of both decisions. */
  warnings: Reason[];
}

/**
 * One guarded model call: prompt check → callModel with the redacted or
 * rerouted request → response check → restore. A deny or review at either
 * check throws DeniedError with the step; the model is not called when the
 * prompt is refused.
 */
export async function guard(decider: Decider, request: Request, callModel: CallModel,
  options: GuardOptions = {}): Promise<GuardResult> {
  const call = options.signal ? { signal: options.signal } : {};
  const req: Request = { ...request, phase: "prompt" };
  const prompt = await decider.decide(req, call);
  if (!prompt.allow) throw new DeniedError("prompt", prompt);
  const messages = prompt.messages && prompt.messages.length > 0 ? prompt.messages : (req.messages ?? []);
  const model = prompt.route?.model || req.resource.model;
  const raw = await callModel(messages, model);
  const answer: ModelResponse = typeof raw === "string" ? { content: raw } : { ...raw };
  const out = finish(req, prompt, answer, undefined, model);
  if (options.checkResponse === false) return out;
  const rreq: Request = { ...withCanary(req, prompt), phase: "response", messages, resource: { ...req.resource, model },
    response: answer };
  const response = await decider.decide(rreq, call);
  if (!response.allow) throw new DeniedError("response", response);
  return finish(req, prompt, answer, response, model);
}

/**
 * The request for the response check carries the canary the prompt
 * decision planted in the system prompt (obligations.canary) as
 * context.labels.canary: the response check looks for it.
 */
export function withCanary(req: Request, prompt: Decision): Request {
  const canary = prompt.obligations?.canary;
  if (!canary) return req;
  return { ...req, context: { ...req.context, labels: { ...req.context?.labels, canary } } };
}

/** Applies a response decision and the prompt's restore obligation to an answer. */
export function finish(req: Request, prompt: Decision, answer: ModelResponse, response: Decision | undefined,
  model: string): GuardResult {
  let content = answer.content ?? "";
  let reasoning = answer.reasoning;
  if (response?.response) {
    content = response.response.content;
    reasoning = response.response.reasoning;
  }
  if (prompt.obligations?.strip_reasoning || response?.obligations?.strip_reasoning) {
    content = stripThink(content);
    reasoning = undefined;
  }
  if (prompt.obligations?.restore) {
    const ph = placeholders(req, prompt);
    content = restore(content, ph);
    if (reasoning) reasoning = restore(reasoning, ph);
  }
  const decisions = response ? [prompt, response] : [prompt];
  const result: GuardResult = {
    content, model, prompt,
    notices: decisions.map((d) => d.obligations?.notice ?? "").filter((n) => n !== ""),
    warnings: decisions.flatMap((d) => d.reasons.filter((r) => r.effect === "warn")),
  };
  if (reasoning) result.reasoning = reasoning;
  if (response) result.response = response;
  return result;
}
