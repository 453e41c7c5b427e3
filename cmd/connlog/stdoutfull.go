package main

import (
	"errors"
	"syscall"

	"connlog/model/export"
)

// explainStdoutFull words a full disk met writing standard output (a
// redirection to a file on a full file system) as a file export's is
// worded, rather than as the step of the format that met it, and so a
// pipe whose reader went away (see catchBrokenPipe), for a summary too. An
// export to a file is explained by the file's writer already, and so is a full temp
// directory a bundle keeps its members in (a FileError names it).
func explainStdoutFull(cfg Config, err error) error {
	if err == nil || (cfg.Output != "-" && cfg.Output != "") || errors.As(err, new(*export.FileError)) {
		return err
	}
	switch {
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		return fullStdout{err}
	case errors.Is(err, syscall.EPIPE):
		return closedPipe{err}
	}
	return err
}

// fullStdout is a full disk under standard output; errors.Is still sees
// the cause.
type fullStdout struct{ err error }

func (e fullStdout) Error() string {
	return "disk full while writing standard output: what it holds is incomplete; free space or write elsewhere"
}

func (e fullStdout) Unwrap() error { return e.err }
