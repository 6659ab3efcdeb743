// Package bundles is the policy lifecycle, on OPA's own formats so that
// OPA's tooling and bundle servers work unchanged: load a bundle from a
// folder, an OPA bundle tarball or the library embedded in the binary;
// build a tarball (.manifest with revision and roots, tests left out,
// optional optimisation); sign and verify it (OPA's JWS .signatures.json,
// RS256, ES256, HS256 and the rest); and serve it with a Manager that
// polls folders, tarballs and OPA-compatible bundle servers (ETag and 304,
// long polling, bearer or mTLS), checks every new bundle before it takes
// traffic (signature, compile, input schema, its own tests, a probe
// decision), keeps the last good one on failure and on disk, layers
// tenant bundles over the base, and evaluates a shadow bundle beside the
// active one. Replay re-evaluates logged decisions against a candidate
// and reports what would change.
package bundles
