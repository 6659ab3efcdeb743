// The request and decision of POST /v1/decide (docs/api.md).

export type Phase = "prompt" | "response";
export type Effect = "allow" | "warn" | "redact" | "review" | "deny";
export type Role = "system" | "developer" | "user" | "assistant" | "tool";

/** The person or service the call is for. */
export interface Subject {
  id: string;
  roles?: string[];
  /** The casbin domain; default "default". */
  tenant?: string;
}

/** The model and API being called. */
export interface Resource {
  model: string;
  /** chat.completions (default), completions, embeddings, messages or responses. */
  endpoint?: string;
}

export interface Message {
  role: Role | string;
  content: string;
  name?: string;
  tool_call_id?: string;
}

/** A model's answer; reasoning for reasoning models. */
export interface ModelResponse {
  content: string;
  reasoning?: string;
}

export interface Document {
  text: string;
  id?: string;
  classification?: string;
  /** "retrieval" (default) or "tool". */
  source?: string;
}

export interface Context {
  classification?: string;
  documents?: Document[];
  conversation_id?: string;
  request_id?: string;
  labels?: Record<string, string>;
}

/** Prompt content no detector reads (an image, audio, a file): described, never included. */
export interface Attachment {
  type: "image" | "audio" | "video" | "file" | string;
  /** Where it sits in your request, e.g. messages[1].content[2]. */
  field?: string;
  media_type?: string;
  /** inline, url or file. */
  source?: string;
  bytes?: number;
}

/** A decide request. */
export interface Request {
  phase: Phase | string;
  subject: Subject;
  resource: Resource;
  purpose?: string;
  /** The prompt; required in the prompt phase. */
  messages?: Message[];
  /** The model's answer; required in the response phase. */
  response?: ModelResponse;
  context?: Context;
  /** Images, audio and files sent with the prompt, for the policy to see. */
  attachments?: Attachment[];
}

/** A span that made a rule fire: Unicode code point offsets into field, end exclusive. */
export interface Evidence {
  field: string;
  start: number;
  end: number;
  type?: string;
}

export interface Reason {
  id: string;
  effect: Effect;
  message: string;
  severity: string;
  controls: string[];
  evidence?: Evidence[];
}

export interface Route {
  model?: string;
  upstream?: string;
}

export interface Obligations {
  strip_reasoning?: boolean;
  notice?: string;
  restore?: boolean;
  /** Each placeholder and the type it stands for; never the values. */
  placeholders?: Record<string, string>;
  /**
   * The canary token planted in the system prompt of `messages`: pass it
   * back as `context.labels.canary` with the response.
   */
  canary?: string;
}

/** Parapet's answer. allow is false for deny and review. */
export interface Decision {
  decision_id: string;
  effect: Effect;
  allow: boolean;
  reasons: Reason[];
  /** The prompt with redactions applied: send these instead. */
  messages?: Message[];
  /** The response with redactions applied or reasoning stripped. */
  response?: ModelResponse;
  route?: Route;
  obligations?: Obligations;
  /** true when Parapet denied because it could not decide. */
  fail_closed?: boolean;
  bundle: { name: string; revision: string };
  timings_us: Record<string, number>;
  analysis?: { counts?: Record<string, number>; injection_score?: number };
}

/** Anything that decides: a Client, or a test double. */
export interface Decider {
  decide(request: Request, options?: { signal?: AbortSignal }): Promise<Decision>;
}
