// Package contract loads Parapet's contract suite: language-agnostic YAML
// cases (a decide request and the decision or error it must produce) that
// the HTTP API's tests and the Go, Python and TypeScript SDKs all run
// against a real server. It also assembles the suite's bundle and starts
// `parapet serve` for it. See README.md in this folder for the format.
package contract
