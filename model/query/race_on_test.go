//go:build race

package query

// raceEnabled is true when the tests run under the race detector, which
// makes sync.Pool drop items on purpose: regexp then allocates a matcher.
const raceEnabled = true
