package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrIsInput means the target is one of the files the export reads.
// Replacing it would destroy the log being exported, and a reader
// following it would take the export for a rotation and read every entry
// a second time; not even Force replaces one.
var ErrIsInput = errors.New("path is one of the inputs")

// checkNotInput refuses path when it is, itself or through a symbolic link,
// one of inputs (compared as files, by device and inode, for one file has
// many names) or a file this process holds open for reading: connlog's
// inputs hold their files open, rotated generations and the files of a
// journal directory included, whatever their names are now.
func checkNotInput(path string, inputs []string) error {
	targets := existingFiles(path)
	if len(targets) == 0 {
		return nil
	}
	for _, in := range inputs {
		if fi, err := os.Stat(in); err == nil && sameAsAny(fi, targets) {
			return isInput(path)
		}
	}
	for _, fi := range heldOpenForReading() {
		if sameAsAny(fi, targets) {
			return isInput(path)
		}
	}
	return nil
}

// existingFiles is what path names now: the path itself and, for a
// symbolic link, the file it points to.
func existingFiles(path string) []fs.FileInfo {
	var out []fs.FileInfo
	if fi, err := os.Lstat(path); err == nil {
		out = append(out, fi)
		if fi.Mode()&fs.ModeSymlink != 0 {
			if to, err := os.Stat(path); err == nil {
				out = append(out, to)
			}
		}
	}
	return out
}

func sameAsAny(fi fs.FileInfo, among []fs.FileInfo) bool {
	for _, t := range among {
		if os.SameFile(fi, t) {
			return true
		}
	}
	return false
}

func isInput(path string) error {
	return &FileError{ErrIsInput, path, fmt.Sprintf("%s is one of the inputs being read — choose another path", path), fs.ErrExist}
}
