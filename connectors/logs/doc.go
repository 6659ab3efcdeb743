// Package logs is Parapet's compliance record: it turns every decision into
// an event in OPA's decision-log format (plus Parapet's own fields), masks
// it so the log never becomes a second copy of the prompts, chains events
// by SHA-256 and signs checkpoints so edits are detectable, optionally
// encrypts them at rest, and ships them to named sinks (console, JSON Lines
// files, OPA-compatible HTTP collectors, Kafka, alert webhooks) without a
// decision ever waiting on sink I/O. A sink that is down spills to an
// on-disk spool that is replayed when it recovers and after a restart.
//
// It also holds the readers of what it writes: Verify checks chains and
// checkpoint signatures across rotated files, and the exchange reader
// feeds logged model calls to the engine for `parapet audit scan`.
package logs
