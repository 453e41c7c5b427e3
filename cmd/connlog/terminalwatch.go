package main

import (
	"context"
	"errors"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// terminalCheckEvery is how often the interface checks that its terminal
// is still there: one ioctl a check, so a lost terminal ends connlog
// within a second at no cost worth counting.
const terminalCheckEvery = time.Second

// watchTerminal calls gone, once, when one of files that was a terminal
// when the watch began stops being one, until ctx ends.
//
// An SSH drop normally ends connlog by SIGHUP. But the kernel sends it
// only to the terminal's session leader and foreground group: connlog
// started by make or a script in its own group is not told, and a
// hung-up terminal gives its reader only an end of file, which Bubble
// Tea's input loop takes as the end of input, not of the program. Left
// alone, connlog would then run on with no screen, holding its memory,
// until someone found and killed it.
func watchTerminal(ctx context.Context, gone func(), files ...*os.File) {
	var ttys []*os.File
	for _, f := range files {
		if terminalErr(f) == nil {
			ttys = append(ttys, f)
		}
	}
	if len(ttys) == 0 {
		return
	}
	go func() {
		tick := time.NewTicker(terminalCheckEvery)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			for _, f := range ttys {
				if err := terminalErr(f); err != nil && !errors.Is(err, unix.EINTR) {
					gone()
					return
				}
			}
		}
	}()
}

// terminalErr asks f's terminal for its size: a hung-up terminal answers
// EIO, a file that is not a terminal ENOTTY. It goes through SyscallConn
// so that the file is left in the mode its reader set (Fd would make it
// blocking).
func terminalErr(f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var ioErr error
	if err := rc.Control(func(fd uintptr) {
		_, ioErr = unix.IoctlGetWinsize(int(fd), unix.TIOCGWINSZ)
	}); err != nil {
		return err
	}
	return ioErr
}
