package main

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// refuseClosedStdout refuses an export or a summary to standard output
// that was closed (`connlog export … >&-`) before anything is read: the Go
// runtime puts /dev/null in place of a closed standard descriptor, so the
// output would be written to nowhere and exit 0, and an input read from a
// pipe would be used up for nothing. what names the output lost, remedy
// says what to do instead.
func refuseClosedStdout(cfg Config, stdout io.Writer, what, remedy string) error {
	f, ok := stdout.(*os.File)
	if cfg.Output != "-" || !ok || !reopenedNull(f) {
		return nil
	}
	return usageError{"standard output is closed, so the " + what + " would be lost: " + remedy}
}

// guardStdout readies standard output for an export or a summary: it
// refuses a closed one (refuseClosedStdout), and makes a reader that goes
// away an error the command ends on (catchBrokenPipe) until stop is called.
func guardStdout(cfg Config, stdout io.Writer, what, remedy string) (stop func(), err error) {
	if err := refuseClosedStdout(cfg, stdout, what, remedy); err != nil {
		return nil, err
	}
	return catchBrokenPipe(), nil
}

// reopenedNull reports whether f is the /dev/null the Go runtime opens,
// read-write, in place of a standard descriptor closed when connlog
// started. A shell's >/dev/null opens it write-only, and stays allowed:
// it asks for the export to be thrown away.
func reopenedNull(f *os.File) bool {
	flags, err := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0)
	if err != nil || flags&unix.O_ACCMODE != unix.O_RDWR {
		return false
	}
	got, err := f.Stat()
	if err != nil {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err == nil && os.SameFile(got, null)
}
