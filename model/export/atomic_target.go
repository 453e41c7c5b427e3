package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ErrNotRegular means the target exists and is not a regular file: a
// device, a FIFO, a socket or a symbolic link. connlog often runs as root
// and never replaces one of those, not even with --force.
var ErrNotRegular = errors.New("not a regular file")

// checkTarget explains, before anything is written, why path cannot be an
// export file. It looks at the path itself (lstat), never through a link.
func checkTarget(path string, force bool) error {
	info, err := os.Lstat(path)
	switch {
	case err == nil && !info.Mode().IsRegular():
		return notRegular(path, info.Mode())
	case err == nil && !force:
		return &FileError{ErrExists, path, fmt.Sprintf("%s already exists — choose another name, or replace it with --force", path), fs.ErrExist}
	case errors.Is(err, syscall.ENOTDIR):
		return notDirectory(filepath.Dir(path), err)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fileError("check", path, err)
	}
	dir := filepath.Dir(path)
	info, err = os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return noDirectory(dir, err)
	case err != nil:
		return fileError("check", dir, err)
	case !info.IsDir():
		return notDirectory(dir, syscall.ENOTDIR)
	}
	return nil
}

// replaceable checks, at the moment of replacing, that path is absent or
// a regular file.
func replaceable(path string) error {
	info, err := os.Lstat(path)
	switch {
	case err == nil && !info.Mode().IsRegular():
		return notRegular(path, info.Mode())
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fileError("check", path, err)
	}
	return nil
}

// ErrChanged means another file took the target's name while the export
// was written. Force replaces only the file that was there when the export
// began: the newcomer may hold data (a log rotated to that name).
var ErrChanged = errors.New("target changed while the export was written")

// checkUnchanged checks, at the moment of replacing, that path is absent
// or still the file was (nil: none), compared by device and inode.
func checkUnchanged(path string, was fs.FileInfo) error {
	now, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fileError("check", path, err)
	case was != nil && os.SameFile(was, now):
		return nil
	}
	msg := changedReason(path) + "; the export was not saved — choose another path"
	return &FileError{ErrChanged, path, msg, fs.ErrExist}
}

func changedReason(path string) string {
	return fmt.Sprintf("%s is no longer the file that was there when the export began: another file took its name meanwhile (a log rotated to it?) and connlog did not replace it", path)
}

// notRegular says what path is and what to write instead: another path,
// which every caller can offer (the command line adds standard output).
func notRegular(path string, mode fs.FileMode) error {
	if mode.IsDir() {
		return &FileError{ErrIsDirectory, path, fmt.Sprintf("%s is a directory — give a file name inside it", path), syscall.EISDIR}
	}
	what := FileKind(mode)
	msg := fmt.Sprintf("%s is %s, not a regular file, and connlog never replaces one — choose another path", path, what)
	return &FileError{ErrNotRegular, path, msg, ErrNotRegular}
}

// FileKind names the type of a file that is not a regular file, as ls -l
// users know it: "a symbolic link", "a character device"…
func FileKind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a block device"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode.IsDir():
		return "a directory"
	}
	return "a special file"
}
