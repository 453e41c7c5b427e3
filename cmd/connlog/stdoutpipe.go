package main

import (
	"os"
	"os/signal"
	"syscall"
)

// catchBrokenPipe makes a write to a standard output whose reader went
// away (`connlog export | head -c 100`) an error the export or the summary
// returns, instead of the death by SIGPIPE the Go runtime gives a program
// that does not ask for the signal: the command ends as on any error,
// leaving no temp file behind. The handler goes with connlog, so programs
// it starts get the default again.
func catchBrokenPipe() (stop func()) {
	pipe := make(chan os.Signal, 1)
	signal.Notify(pipe, syscall.SIGPIPE)
	return func() { signal.Stop(pipe) }
}

// closedPipe is a standard output whose reader closed it before an export
// or a summary ended; errors.Is still sees the cause. connlog then exits as
// a program killed by SIGPIPE is reported (exitClosedPipe), saying nothing:
// the reader chose to stop (| head), and a pipeline's tools stay quiet
// then, as grep and journalctl do; `set -o pipefail` still sees it.
type closedPipe struct{ err error }

// exitClosedPipe is the status a shell gives a program SIGPIPE ended.
const exitClosedPipe = 128 + int(syscall.SIGPIPE)

func (e closedPipe) Error() string {
	return "standard output was closed by the command reading it before connlog ended writing it"
}

func (e closedPipe) Unwrap() error { return e.err }
