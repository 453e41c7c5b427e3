package main

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"connlog/model/export"
)

// openRegular opens path for writing (O_WRONLY|O_CREATE and flags) for a
// file connlog writes beside its work: the debug log, a CPU profile. what
// names the file in errors. connlog often runs as root, so the file is
// created 0600, a symbolic link is refused rather than written through
// (O_NOFOLLOW), and so is anything but a regular file (a FIFO would block,
// a device would be written to).
func openRegular(path string, flags int, what string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|flags|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o600)
	if errors.Is(err, syscall.ELOOP) {
		return nil, fmt.Errorf("%s %s is a symbolic link, and connlog does not write through one — give the path of a regular file", what, path)
	}
	if err != nil {
		// A FIFO with no reader (ENXIO) or a directory (EISDIR) fails the
		// open itself: say what it is rather than the errno.
		if info, lerr := os.Lstat(path); lerr == nil && !info.Mode().IsRegular() {
			return nil, notRegular(what, path, info.Mode())
		}
		return nil, fmt.Errorf("open %s %s: %w", what, path, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open %s %s: %w", what, path, err)
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(what, path, info.Mode())
	}
	return f, nil
}

func notRegular(what, path string, mode os.FileMode) error {
	return fmt.Errorf("%s %s is %s, not a regular file — give the path of a regular file", what, path, export.FileKind(mode))
}
