//go:build race

package engine

// raceEnabled: the race detector slows evaluation about tenfold; tests
// that only repeat single-goroutine work do less of it under it.
const raceEnabled = true
