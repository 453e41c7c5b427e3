package main

import (
	"io"
	"os"
)

// pipedIn reports whether r, the process's standard input, is a pipe or a
// regular file: lines given to connlog, not a terminal (nor /dev/null, a
// character device like it).
func pipedIn(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && (fi.Mode()&os.ModeNamedPipe != 0 || fi.Mode().IsRegular())
}
