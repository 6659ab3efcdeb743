// Package injection detects prompt injection and jailbreak attempts in one
// text field and reports a per-field attack probability.
//
// Draft: see the full documentation below once complete.
package injection
