package source

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// errIsDirectory is wrapped by the error for a path that names a directory.
var errIsDirectory = errors.New("is a directory")

// openRead opens path read-only with open (openNonBlocking when nil) and
// turns the usual failures into errors that say what to do. The file info
// comes from the opened descriptor, so it describes exactly the file that
// was opened. Opening never blocks: a FIFO is opened without waiting for a
// writer, and only when waitFIFO is set is a writer waited for (see
// waitFIFOWriter), a wait ctx can interrupt.
func openRead(ctx context.Context, open func(string) (*os.File, error), path string, waitFIFO bool) (*os.File, fs.FileInfo, error) {
	if open == nil {
		open = openNonBlocking
	}
	f, err := open(path)
	if err != nil {
		return nil, nil, explainOpenError(path, err)
	}
	fi, err := f.Stat()
	if err == nil && waitFIFO && fi.Mode()&fs.ModeNamedPipe != 0 {
		if err := waitFIFOWriter(ctx, f); err != nil {
			f.Close()
			return nil, nil, err
		}
	}
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("stat %s: %w", path, err)
	}
	if fi.IsDir() {
		f.Close()
		return nil, nil, directoryError(path)
	}
	return f, fi, nil
}

// explainOpenError adds the fix to the errors a person can act on. The
// original error stays wrapped so that errors.Is(err, fs.ErrNotExist) and
// fs.ErrPermission keep working.
func explainOpenError(path string, err error) error {
	cause := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		cause = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("open %s: %w — check the path", path, cause)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("open %s: %w — %s", path, cause, permissionHint(path))
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		// Every input is held open while followed: a glob over hundreds of
		// container logs can reach the limit.
		return fmt.Errorf("open %s: %w — connlog holds every input open: raise the limit (ulimit -n, or LimitNOFILE= for a service) or name fewer files", path, cause)
	}
	return fmt.Errorf("open %s: %w", path, cause)
}

func directoryError(path string) error {
	return fmt.Errorf("%s %w — give the log files inside it, e.g. '%s/*.log'", path, errIsDirectory, path)
}
