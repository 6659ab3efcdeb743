// Package usage holds the engine's usage stores and token counter: an
// in-memory store for one process, a Redis store that many replicas share,
// and an offline tiktoken counter. The engine puts the totals in
// input.usage; policy decides what a budget or a rate limit means.
package usage
