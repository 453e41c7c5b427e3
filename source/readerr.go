package source

import (
	"fmt"
	"io/fs"
)

// readError is a read error of the file name, which it names once.
func readError(name string, err error) error {
	return fmt.Errorf("read %s: %w", name, withoutPath(err, name))
}

// namedOnce is a read error of a file for a message that names the file
// already: its text is the system's reason alone, where the *fs.PathError
// it holds would name the file again ("read X: read X: …"). errors.Is and
// errors.As still see the whole error.
type namedOnce struct{ pe *fs.PathError }

func (e namedOnce) Error() string { return e.pe.Err.Error() }

func (e namedOnce) Unwrap() error { return e.pe }

// withoutPath returns err, a read error of the file name, for a message
// that names the file: without the path when err is the system's read
// error of that file itself (os, and the gzip and zstd decoders, which
// pass it on as it is); any other error as it is, for what it says.
func withoutPath(err error, name string) error {
	// Only the system's error itself: one wrapped says more than the path.
	if pe, ok := err.(*fs.PathError); ok && pe.Op == "read" && pe.Path == name {
		return namedOnce{pe}
	}
	return err
}
