package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ErrNotOwner means the target belongs to another user in a sticky
// directory (mode 1777, as /tmp): only its owner, the directory's or root
// may replace it there, though anyone may write in the directory.
var ErrNotOwner = errors.New("another user's file in a sticky directory")

// notOwner explains a replacement of path the kernel refused (err) when
// path is another user's file in a sticky directory, me being this
// process's user; nil when it is not.
func notOwner(path string, err error, me uint32) error {
	if !errors.Is(err, syscall.EPERM) && !errors.Is(err, syscall.EACCES) {
		return nil
	}
	dir, derr := os.Stat(filepath.Dir(path))
	file, ferr := os.Lstat(path)
	if derr != nil || ferr != nil || dir.Mode()&fs.ModeSticky == 0 {
		return nil
	}
	if ownerOf(file) == me || ownerOf(dir) == me {
		return nil
	}
	return &FileError{ErrNotOwner, path, notOwnerReason(path), err}
}

func notOwnerReason(path string) string {
	return fmt.Sprintf("%s belongs to another user, in a sticky directory (like /tmp) where only a file's owner may replace it, "+
		"and connlog did not replace it", path)
}

// ownerOf is the user that owns the file, or an id no one has when the
// system does not say.
func ownerOf(info fs.FileInfo) uint32 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Uid
	}
	return ^uint32(0)
}
