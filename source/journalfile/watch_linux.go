//go:build linux

package journalfile

import (
	"errors"
	"time"

	"golang.org/x/sys/unix"
)

// watchMask is what wakes a waiting reader: a file written, created,
// renamed or deleted in a watched directory, or a watched file written.
const watchMask = unix.IN_MODIFY | unix.IN_CREATE | unix.IN_DELETE | unix.IN_MOVED_FROM | unix.IN_MOVED_TO |
	unix.IN_ATTRIB | unix.IN_DELETE_SELF | unix.IN_MOVE_SELF

// watcher wakes Wait through inotify instead of polling.
type watcher struct{ fd int }

// newWatcher watches paths (directories or files); nil when inotify is not
// available (then Wait polls).
func newWatcher(paths []string) *watcher {
	fd, err := unix.InotifyInit1(unix.IN_CLOEXEC | unix.IN_NONBLOCK)
	if err != nil {
		return nil
	}
	added := 0
	for _, p := range paths {
		if _, err := unix.InotifyAddWatch(fd, p, watchMask); err == nil {
			added++
		}
	}
	if added == 0 {
		unix.Close(fd)
		return nil
	}
	return &watcher{fd: fd}
}

// wait blocks until an event arrives or timeout passes; it reports whether
// something happened, and drains the events.
func (w *watcher) wait(timeout time.Duration) bool {
	fds := []unix.PollFd{{Fd: int32(w.fd), Events: unix.POLLIN}}
	n, err := unix.Poll(fds, int(timeout.Milliseconds()))
	if err != nil || n == 0 {
		return false
	}
	var buf [4096]byte
	for {
		if _, err := unix.Read(w.fd, buf[:]); err != nil {
			return !errors.Is(err, unix.EBADF)
		}
	}
}

func (w *watcher) close() { unix.Close(w.fd) }
