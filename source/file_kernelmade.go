package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// madeWhenRead reports whether fh, opened as fi, is a regular file whose
// content is made as it is read, as the kernel makes those of /proc and
// /sys: its size says 0, so reading it up to its size, and polling that
// size to follow it, would never read a byte. Such a file is read as a
// stream instead, once, to its end. Past the file systems known to work
// so (onKernelMadeFS), a file is taken for one when it yields a byte at
// its start while its size still says 0 (a cgroup or debugfs file), or
// fails that read, which an empty log file never does.
func madeWhenRead(fh *os.File, fi fs.FileInfo) bool {
	if !fi.Mode().IsRegular() || fi.Size() != 0 {
		return false
	}
	return onKernelMadeFS(fh) || yieldsPastSize(fh)
}

// yieldsPastSize reports whether fh, whose size said 0, gives a byte at its
// start (or fails to read there) while its size still says 0: an empty log
// file that was just written to has grown by then.
func yieldsPastSize(fh *os.File) bool {
	one := make([]byte, 1)
	n, err := fh.ReadAt(one, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return true // the read as a stream reports why
	}
	if n == 0 {
		return false
	}
	now, err := fh.Stat()
	return err == nil && now.Size() == 0
}

// kernelMadeReadError says why a file made as it is read gave no lines:
// /proc/self/mem fails its first read with EIO, and "0 entries" alone
// would hide that.
func kernelMadeReadError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is said once
	}
	return fmt.Errorf("read %s: %w — its size says 0, as for the files the kernel makes when they are read (/proc, /sys), "+
		"and it cannot be read from its start: it holds no lines to show", path, err)
}
