package main

import (
	"os"
	"os/signal"
	"syscall"
)

// catchBrokenPipe makes a write to a standard output whose reader went
// away (`connlog export | head -c 100`) an error the export reports, as it
// reports a full disk, instead of the silent death by SIGPIPE the Go
// runtime gives a program that does not ask for the signal: the export is
// cut short, and a script must be told. The handler goes with connlog, so
// programs it starts get the default again.
func catchBrokenPipe() (stop func()) {
	pipe := make(chan os.Signal, 1)
	signal.Notify(pipe, syscall.SIGPIPE)
	return func() { signal.Stop(pipe) }
}

// closedPipe is a standard output whose reader closed it before the
// export ended; errors.Is still sees the cause.
type closedPipe struct{ err error }

func (e closedPipe) Error() string {
	return "standard output was closed by the command reading it (as head does once it has what it wants) " +
		"before the export ended: what it read is incomplete; to keep the whole export, write it with -o FILE"
}

func (e closedPipe) Unwrap() error { return e.err }
