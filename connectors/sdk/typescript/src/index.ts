/**
 * Parapet's TypeScript client: ask a Parapet decision service before and
 * after every model call. Zero runtime dependencies; uses fetch.
 *
 * @example
 * import { Client } from "@parapet/sdk";
 * const parapet = new Client({ baseURL: "http://127.0.0.1:8282" });
 * const d = await parapet.decide({
 *   phase: "prompt",
 *   subject: { id: "alice", tenant: "acme" },
 *   resource: { model: "gpt-4o" },
 *   messages: [{ role: "user", content: "Draft a reply to jane.doe@example.com" }],
 * });
 * d.effect; // "redact"
 */
export * from "./types.js";
export * from "./errors.js";
export { Client, DEFAULT_URL } from "./client.js";
export type { ClientOptions, CallOptions, RawRequest } from "./client.js";
export { guard } from "./guard.js";
export type { CallModel, GuardOptions, GuardResult } from "./guard.js";
export { placeholders, restore, stripThink } from "./restore.js";
export { withParapet } from "./openai.js";
export type { OpenAILike, WithParapetOptions } from "./openai.js";
