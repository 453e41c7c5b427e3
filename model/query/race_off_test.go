//go:build !race

package query

// raceEnabled is true when the tests run under the race detector.
const raceEnabled = false
