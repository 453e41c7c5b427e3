// Package cputime reads the CPU time the process has used, for benchmarks
// and the tools that measure the load. On a machine shared with other work,
// wall time says more about the neighbours than about the code; CPU time
// does not.
package cputime

import "time"

// Process returns the user and system CPU time this process has used so
// far, or 0 where it cannot be read.
func Process() time.Duration { return process() }
