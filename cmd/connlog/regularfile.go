package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
		return nil, cannotOpen(what, path, err)
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

// cannotOpen explains a failed open in the user's terms: what is wrong
// with the path and what to do about it.
func cannotOpen(what, path string, err error) error {
	dir := filepath.Dir(path)
	var why string
	switch {
	case errors.Is(err, syscall.ENOENT) && isDir(dir):
		// The directory is there: its file system makes no new files (/proc).
		why = fmt.Sprintf("the directory %s exists, but its file system does not let files be created in it — give a path in another directory", dir)
	case errors.Is(err, syscall.ENOENT):
		why = fmt.Sprintf("directory %s does not exist — create it or give another path", dir)
	case errors.Is(err, syscall.ENOTDIR):
		why = fmt.Sprintf("%s is not a directory — give a path inside a directory", dir)
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		why = "permission denied — give a path you can write to"
	case errors.Is(err, syscall.EROFS):
		why = "the file system is read-only — give a path on another file system"
	default:
		return fmt.Errorf("open %s %s: %w", what, path, err)
	}
	return &openError{msg: fmt.Sprintf("cannot write %s %s: %s", what, path, why), err: err}
}

// isDir reports whether path is a directory now.
func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// openError is a failed open said in the user's terms; errors.Is still
// sees the cause.
type openError struct {
	msg string
	err error
}

func (e *openError) Error() string { return e.msg }
func (e *openError) Unwrap() error { return e.err }

func notRegular(what, path string, mode os.FileMode) error {
	return fmt.Errorf("%s %s is %s, not a regular file — give the path of a regular file", what, path, export.FileKind(mode))
}
