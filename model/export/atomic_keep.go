package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrSavedElsewhere means the export could not take its path and was
// saved under another name beside it (FileError.Path), so that nothing it
// holds is lost: an export -f may have run for hours when a log rotated
// to its name.
var ErrSavedElsewhere = errors.New("saved under another name")

// maxKeptNames is how many names beside the target keepElsewhere tries.
const maxKeptNames = 100

// keepElsewhere saves a finished export that placing refused under the
// first free name beside path (see keptName), with link, which must fail
// rather than replace a file. It returns the error to report: where the
// export is and why it is not at path, or refused itself when no name
// could be given (the caller then removes the export).
func keepElsewhere(path string, refused error, link func(name string) error) error {
	for n := 1; n <= maxKeptNames; n++ {
		alt := keptName(path, n)
		err := link(alt)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return refused
		}
		_ = syncDir(filepath.Dir(alt))
		msg := fmt.Sprintf("%s; the export is saved as %s instead", notPlacedReason(path, refused), alt)
		return &FileError{ErrSavedElsewhere, alt, msg, refused}
	}
	return refused
}

// notPlacedReason says why the export is not at path.
func notPlacedReason(path string, refused error) string {
	switch {
	case errors.Is(refused, ErrExists):
		return appearedReason(path)
	case errors.Is(refused, ErrChanged):
		return changedReason(path)
	case errors.Is(refused, ErrNotOwner):
		return notOwnerReason(path)
	}
	return fmt.Sprintf("connlog did not write to %s (%v)", path, refused)
}

// keptName is path with -n before its extensions: out.ndjson.gz becomes
// out-1.ndjson.gz, so that the name still says what the file holds.
func keptName(path string, n int) string {
	dir, base := filepath.Split(path)
	stem, ext := base, ""
	if i := strings.IndexByte(base[1:], '.'); i >= 0 {
		stem, ext = base[:i+1], base[i+1:]
	}
	return dir + stem + "-" + strconv.Itoa(n) + ext
}

// linkNamed returns the link keepElsewhere gives a named temp file: a hard
// link, or where the file system has none a rename to a name that was
// free just before.
func linkNamed(tmp string) func(string) error {
	return func(alt string) error {
		err := os.Link(tmp, alt)
		if err == nil || errors.Is(err, fs.ErrExist) {
			return err
		}
		if _, serr := os.Lstat(alt); serr == nil {
			return fs.ErrExist
		}
		return os.Rename(tmp, alt)
	}
}
