package source

import (
	"context"
	"fmt"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// openNonBlocking opens path read-only without blocking: O_NONBLOCK makes
// the open of a FIFO return at once instead of waiting for a writer (an
// open that cannot be interrupted), and a regular file ignores it.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// fifoWaitSlice is how often a wait for a FIFO's first writer looks at its
// context.
const fifoWaitSlice = 100 * time.Millisecond

// waitFIFOWriter waits, as cat does, until a writer has opened the FIFO f
// (opened without blocking): until it is readable, or a writer has come
// and gone. Until then a read would report the end at once. It gives up
// when ctx ends. Later reads of f go through the runtime's poller, so
// closing f ends a blocked read too.
func waitFIFOWriter(ctx context.Context, f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	for {
		var ready bool
		var perr error
		// Control, not Fd: Fd would switch the descriptor to blocking mode.
		err := rc.Control(func(fd uintptr) {
			fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
			n, err := unix.Poll(fds, int(fifoWaitSlice/time.Millisecond))
			ready, perr = n > 0, err
		})
		switch {
		case err != nil:
			return err
		case perr != nil && perr != unix.EINTR:
			return fmt.Errorf("wait for a writer to %s: %w", f.Name(), perr)
		case ready:
			return nil
		case ctx.Err() != nil:
			return ctx.Err()
		}
	}
}
