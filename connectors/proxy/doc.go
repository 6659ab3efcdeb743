// Package proxy is Parapet's model-API proxy: OpenAI-compatible
// (/v1/chat/completions, /v1/completions, /v1/embeddings, /v1/models) and
// Anthropic-compatible (/v1/messages) routes served by the same process as
// the decision API. Every call is decided twice by the engine, on the
// prompt before it is forwarded and on the response before the caller sees
// it; the proxy only enforces what the policy decided: it refuses, forwards
// redacted messages, restores placeholders, routes to another model or
// upstream, strips reasoning, and cuts a stream with content_filter.
//
// Streams are checked as they arrive: the response so far is decided at
// sentence boundaries (or every few hundred characters) and text is only
// released once a decision covers it, holding back the word in progress
// and anything that may still grow into a secret or a number, so that a
// value split across chunks is redacted before any of it is sent.
package proxy
