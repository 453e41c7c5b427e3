package source

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// dirWatch wakes the follow loop as soon as the followed file or one of its
// rotated siblings changes (inotify), so that lines are read, and a
// rotation is noticed, within milliseconds rather than at the next poll.
// The poll stays: inotify says nothing on NFS and similar file systems.
type dirWatch struct {
	f    *os.File
	wake chan struct{}
}

// watchDir watches path's directory; nil when inotify is not available.
func watchDir(path string) *dirWatch {
	fd, err := unix.InotifyInit1(unix.IN_NONBLOCK | unix.IN_CLOEXEC)
	if err != nil {
		return nil
	}
	const events = unix.IN_MODIFY | unix.IN_CREATE | unix.IN_DELETE | unix.IN_MOVED_FROM | unix.IN_MOVED_TO | unix.IN_CLOSE_WRITE | unix.IN_ATTRIB
	if _, err := unix.InotifyAddWatch(fd, filepath.Dir(path), events); err != nil {
		unix.Close(fd)
		return nil
	}
	w := &dirWatch{f: os.NewFile(uintptr(fd), "inotify"), wake: make(chan struct{}, 1)}
	go w.run([]byte(filepath.Base(path)))
	return w
}

// run reads events until the watch is closed, and wakes the loop for
// those about names that start with base (the file and its siblings).
func (w *dirWatch) run(base []byte) {
	buf := make([]byte, 64<<10)
	for {
		n, err := w.f.Read(buf)
		if err != nil {
			return
		}
		if concernsBase(buf[:n], base) {
			select {
			case w.wake <- struct{}{}:
			default:
			}
		}
	}
}

// concernsBase reports whether a buffer of inotify events names base or a
// sibling of it.
func concernsBase(b, base []byte) bool {
	for len(b) >= unix.SizeofInotifyEvent {
		nameLen := int(binary.NativeEndian.Uint32(b[12:16]))
		end := unix.SizeofInotifyEvent + nameLen
		if end > len(b) {
			return false
		}
		name := bytes.TrimRight(b[unix.SizeofInotifyEvent:end], "\x00")
		if bytes.HasPrefix(name, base) {
			return true
		}
		b = b[end:]
	}
	return false
}

// C is the channel the watch wakes; nil (never ready) without a watch.
func (w *dirWatch) C() <-chan struct{} {
	if w == nil {
		return nil
	}
	return w.wake
}

// Close ends the watch.
func (w *dirWatch) Close() {
	if w != nil {
		w.f.Close()
	}
}
