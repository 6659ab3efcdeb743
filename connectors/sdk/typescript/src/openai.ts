import { DeniedError } from "./errors.js";
import { finish, withCanary } from "./guard.js";
import type { Context, Decider, Decision, Message, Request, Subject } from "./types.js";

/** The part of an `openai` client the wrapper needs. */
export interface OpenAILike {
  chat: { completions: { create(body: any, options?: any): any } };
}

export interface WithParapetOptions {
  /** Decides each call: a Client (or any Decider). */
  parapet: Decider;
  /** Who the calls are for; a function gets the request body. */
  subject: Subject | ((body: any) => Subject);
  purpose?: string;
  context?: Context;
  /** Check the model's answer too. Default true. */
  checkResponse?: boolean;
}

type Part = { type?: string; text?: string };
type ChatMessage = { role: string; content?: string | Part[] | null | undefined; name?: string; tool_call_id?: string };

/** Where each Parapet message came from: message index, and part index (-1 for string content). */
type Origin = [number, number];

function toParapet(messages: ChatMessage[]): { msgs: Message[]; origin: Origin[] } {
  const msgs: Message[] = [];
  const origin: Origin[] = [];
  messages.forEach((m, i) => {
    const role = m.role === "function" ? "tool" : m.role;
    const extra: Partial<Message> = {};
    if (m.name) extra.name = m.name;
    if (m.tool_call_id) extra.tool_call_id = m.tool_call_id;
    if (typeof m.content === "string") {
      msgs.push({ role, content: m.content, ...extra });
      origin.push([i, -1]);
    } else if (Array.isArray(m.content)) {
      m.content.forEach((p, j) => {
        if (p && p.type === "text" && typeof p.text === "string") {
          msgs.push({ role, content: p.text, ...extra });
          origin.push([i, j]);
        }
      });
    }
  });
  return { msgs, origin };
}

function applyRedactions(messages: ChatMessage[], origin: Origin[], redacted: Message[] | undefined): ChatMessage[] {
  if (!redacted) return messages;
  const out = messages.map((m) => ({ ...m, content: Array.isArray(m.content) ? m.content.map((p) => ({ ...p })) : m.content }));
  origin.forEach(([i, j], k) => {
    const text = redacted[k]?.content ?? "";
    const m = out[i]!;
    if (j < 0) m.content = text;
    else (m.content as Part[])[j]!.text = text;
  });
  return out;
}

/**
 * Wraps an `openai` client so that `chat.completions.create` goes through
 * Parapet's checks, for apps that cannot use the Parapet proxy: the prompt
 * is decided (and redacted or rerouted), the call is made, each choice's
 * answer is decided, and redacted values are restored in it. A refusal
 * throws DeniedError. Everything else on the client is untouched.
 *
 * With `stream: true` the stream is read to its end and checked before the
 * first chunk is released; the result is an async iterable of chunks.
 */
export function withParapet<T extends OpenAILike>(client: T, options: WithParapetOptions): T {
  const create = async (body: any, reqOptions?: any): Promise<any> => {
    const subject = typeof options.subject === "function" ? options.subject(body) : options.subject;
    const { msgs, origin } = toParapet(body.messages ?? []);
    const req: Request = { phase: "prompt", subject, resource: { model: body.model, endpoint: "chat.completions" },
      messages: msgs.length > 0 ? msgs : [{ role: "user", content: "" }] };
    if (options.purpose) req.purpose = options.purpose;
    if (options.context) req.context = options.context;
    const signal = reqOptions?.signal ? { signal: reqOptions.signal } : {};
    const prompt = await options.parapet.decide(req, signal);
    if (!prompt.allow) throw new DeniedError("prompt", prompt);
    const model = prompt.route?.model || body.model;
    const sent = applyRedactions(body.messages ?? [], origin, prompt.messages);
    const sentMsgs = prompt.messages ?? req.messages!;
    const upstream = await client.chat.completions.create({ ...body, model, messages: sent }, reqOptions);

    const check = async (content: string, reasoning: string | undefined) => {
      const answer = reasoning ? { content, reasoning } : { content };
      let response: Decision | undefined;
      if (options.checkResponse !== false) {
        response = await options.parapet.decide({ ...withCanary(req, prompt), phase: "response", messages: sentMsgs,
          resource: { ...req.resource, model }, response: answer }, signal);
        if (!response.allow) throw new DeniedError("response", response);
      }
      return finish(req, prompt, answer, response, model);
    };

    if (!body.stream) {
      const choices = await Promise.all((upstream.choices ?? []).map(async (c: any) => {
        const msg = c.message ?? {};
        const reasoning = typeof msg.reasoning_content === "string" ? msg.reasoning_content : undefined;
        if (typeof msg.content !== "string" && !reasoning) return c;
        const r = await check(msg.content ?? "", reasoning);
        const m = { ...msg, content: msg.content === null && !r.content ? null : r.content };
        if ("reasoning_content" in msg) m.reasoning_content = r.reasoning ?? null;
        return { ...c, message: m };
      }));
      return { ...upstream, choices };
    }

    // Streaming: hold the chunks, check the whole answer, then release.
    const chunks: any[] = [];
    const text = new Map<number, { content: string; reasoning: string }>();
    for await (const chunk of upstream as AsyncIterable<any>) {
      chunks.push(chunk);
      for (const c of chunk.choices ?? []) {
        const t = text.get(c.index ?? 0) ?? { content: "", reasoning: "" };
        if (typeof c.delta?.content === "string") t.content += c.delta.content;
        if (typeof c.delta?.reasoning_content === "string") t.reasoning += c.delta.reasoning_content;
        text.set(c.index ?? 0, t);
      }
    }
    const final = new Map<number, { content: string; reasoning?: string }>();
    let changed = false;
    for (const [i, t] of text) {
      const r = await check(t.content, t.reasoning || undefined);
      final.set(i, r.reasoning ? { content: r.content, reasoning: r.reasoning } : { content: r.content });
      if (r.content !== t.content || (r.reasoning ?? "") !== t.reasoning) changed = true;
    }
    return guardedStream(chunks, final, changed, upstream);
  };

  const completions = new Proxy(client.chat.completions, {
    get(target, prop, receiver) {
      return prop === "create" ? create : Reflect.get(target, prop, receiver);
    },
  });
  const chat = new Proxy(client.chat, {
    get(target, prop, receiver) {
      return prop === "completions" ? completions : Reflect.get(target, prop, receiver);
    },
  });
  return new Proxy(client, {
    get(target, prop, receiver) {
      return prop === "chat" ? chat : Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * The released stream: the upstream's chunks as they were when the checks
 * changed nothing; otherwise one chunk per choice with the checked text,
 * followed by the upstream's chunks without their text (roles, tool calls,
 * finish reasons and usage kept).
 */
function guardedStream(chunks: any[], final: Map<number, { content: string; reasoning?: string }>, changed: boolean,
  upstream: any): AsyncIterable<any> & { controller?: AbortController } {
  const it = {
    controller: upstream?.controller,
    async *[Symbol.asyncIterator]() {
      if (!changed) {
        yield* chunks;
        return;
      }
      const first = chunks[0] ?? {};
      for (const [index, t] of final) {
        const delta: Record<string, unknown> = { role: "assistant", content: t.content };
        if (t.reasoning) delta.reasoning_content = t.reasoning;
        yield { ...first, choices: [{ index, delta, finish_reason: null }] };
      }
      for (const chunk of chunks) {
        const choices = (chunk.choices ?? []).map((c: any) => {
          const { content: _c, reasoning_content: _r, role: _role, ...delta } = c.delta ?? {};
          return { ...c, delta };
        }).filter((c: any) => Object.keys(c.delta).length > 0 || c.finish_reason != null);
        if (choices.length > 0 || chunk.usage) yield { ...chunk, choices };
      }
    },
  };
  return it;
}
