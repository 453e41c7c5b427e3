package triage

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used (user and system). On a
// machine shared with other work, wall time per operation says more about
// the neighbours than about the code; CPU time per operation does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
