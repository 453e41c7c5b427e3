package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Errors an export's file can fail with; test them with errors.Is. The
// error's message says what happened and what to do.
var (
	// ErrExists means the target exists and overwriting was not allowed.
	ErrExists = errors.New("file exists")
	// ErrIsDirectory means the target path names a directory.
	ErrIsDirectory = errors.New("path is a directory")
	// ErrNoDirectory means the target's directory is missing or is not a directory.
	ErrNoDirectory = errors.New("directory does not exist")
	// ErrReadOnly means the target's file system is mounted read-only.
	ErrReadOnly = errors.New("read-only file system")
	// ErrPermission means the user may not write in the target's directory.
	ErrPermission = errors.New("permission denied")
	// ErrDiskFull means the file system ran out of space or quota; nothing was kept.
	ErrDiskFull = errors.New("disk full")
)

// FileError is a failure to create, write or commit an export file, with a
// message for the user.
type FileError struct {
	Kind error  // one of the Err values above, or nil
	Path string // the file or directory concerned
	Msg  string // what happened and what to do
	Err  error  // the underlying error
}

// Error returns the message for the user.
func (e *FileError) Error() string { return e.Msg }

// Unwrap gives errors.Is and errors.As both the kind and the cause.
func (e *FileError) Unwrap() []error {
	if e.Kind == nil {
		return []error{e.Err}
	}
	return []error{e.Kind, e.Err}
}

// fileError explains err, met while doing op on path (a file, or the
// directory for operations on it), in the user's terms.
func fileError(op, path string, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	path = namedInFull(path)
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return diskFull(path, err)
	case errors.Is(err, syscall.EROFS):
		return &FileError{ErrReadOnly, path, fmt.Sprintf("cannot write %s: the file system is read-only — choose another directory", path), err}
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		return &FileError{ErrPermission, path, fmt.Sprintf("cannot write %s: permission denied — choose a directory you can write to", path), err}
	case errors.Is(err, syscall.ENOENT) && isDirectory(path):
		return cannotCreateIn(path, err)
	case errors.Is(err, syscall.ENOENT):
		return noDirectory(path, err)
	}
	return &FileError{nil, path, fmt.Sprintf("%s %s: %v", op, path, err), err}
}

// writeError labels err with what a format was writing (what), for an
// error of the writer it writes to; an error of the export's own file or a
// bundle's member is a FileError already, which names the file, says what
// happened and what to do, and is returned alone: a label such as "write
// csv row" would only stand before the user's message.
func writeError(what string, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return fe
	}
	return fmt.Errorf("%s: %w", what, err)
}

func diskFull(path string, err error) error {
	return &FileError{ErrDiskFull, path,
		fmt.Sprintf("disk full while writing %s: nothing was written; free space or choose another directory", path), err}
}

func noDirectory(dir string, err error) error {
	return &FileError{ErrNoDirectory, dir, fmt.Sprintf("directory %s does not exist — create it or choose another path", dir), err}
}

// cannotCreateIn explains "no such file" from creating a file in dir, a
// directory that exists: its file system makes no new files (/proc, /sys).
func cannotCreateIn(dir string, err error) error {
	return &FileError{nil, dir, fmt.Sprintf("cannot create a file in %s: the directory exists, but its file system "+
		"does not let files be created in it (%v) — choose another directory", dir, unwrapPath(err)), err}
}

// namedInFull is path as a message names it: a directory written "." or
// ".." (the directory of a bare file name, the current one) tells the user
// nothing, so it is named by its absolute path; other paths are kept as
// the user wrote them.
func namedInFull(path string) string {
	if base := filepath.Base(path); base != "." && base != ".." {
		return path
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// isDirectory reports whether path is a directory now.
func isDirectory(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// unwrapPath is err without the path an *fs.PathError adds: the message
// names the directory already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// notDirectory explains a path whose directory part names a file.
func notDirectory(dir string, err error) error {
	return &FileError{ErrNoDirectory, dir, fmt.Sprintf("%s is not a directory — create the directory or choose another path", dir), err}
}
