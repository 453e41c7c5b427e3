package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// tempFile is the part of *os.File an export writes through, so that tests
// can make it fail the way a full or read-only disk does.
type tempFile interface {
	io.ReadWriteSeeker
	Sync() error
	Close() error
	Name() string
}

// createTemp makes a 0600 temp file: unnamed where the file system allows
// it (so that even a SIGKILL leaves nothing behind), else a hidden named
// one. Tests replace it to inject failures.
var createTemp = func(dir, pattern string) (tempFile, error) {
	if f, ok := createUnnamed(dir); ok {
		return f, nil
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// unnamedTemp is a temp file with no name yet: linkTo gives it one.
type unnamedTemp interface {
	tempFile
	linkTo(path string) error
}

// AtomicFile is an export file that appears whole or not at all: it is
// written to a 0600 temp file in the target's directory and renamed into
// place by Commit. Until then the target is untouched.
type AtomicFile struct {
	path   string
	force  bool
	inputs []string // the files the export reads, which it never replaces
	// was is the file at path when the export began (nil when there was
	// none): the only file Force may replace (see checkUnchanged).
	was  fs.FileInfo
	f    tempFile
	err  error // the first write error; every later call returns it
	done bool
}

// CreateFile starts writing path. Without force it refuses a path that
// exists, and it never replaces a directory, nor one of inputs (the files
// the export reads, see checkNotInput). The errors are FileErrors that tell
// the user what to do.
func CreateFile(path string, force bool, inputs []string) (*AtomicFile, error) {
	return ClaimPath(path).Create(force, inputs)
}

// Claim is an export's path as it was when the export began.
type Claim struct {
	path string
	// was is the file at path then, nil when there was none: the only file
	// a forced export may replace (see checkUnchanged).
	was fs.FileInfo
}

// ClaimPath notes which file is at path now. A command that opens its
// inputs before its output claims the path first: a log may rotate to
// that name in between, and the rotated log is not the file the user
// asked to replace.
func ClaimPath(path string) Claim {
	was, _ := os.Lstat(path)
	return Claim{path: path, was: was}
}

// Create is CreateFile for the claimed path.
func (c Claim) Create(force bool, inputs []string) (*AtomicFile, error) {
	path, was := c.path, c.was
	if err := checkNotInput(path, inputs); err != nil {
		return nil, err
	}
	if err := checkTarget(path, force); err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	noteOwnOutput(path) // before its temp file appears
	f, err := createTemp(dir, tempPattern(filepath.Base(path)))
	if err != nil {
		return nil, fileError("create a file in", dir, err)
	}
	return &AtomicFile{path: path, force: force, inputs: inputs, was: was, f: f}, nil
}

// maxTempBase keeps the temp file's name within NAME_MAX (255 bytes) when
// the target's own name is already long.
const maxTempBase = 200

// tempPattern names the hidden temp file after its target, so that a
// leftover (after a crash) says what it was.
func tempPattern(base string) string {
	if len(base) > maxTempBase {
		base = base[:maxTempBase]
	}
	return "." + base + ".tmp-*"
}

// IsTempOf reports whether path may be the temp file an export to target
// writes before it commits (where no unnamed one could be made): a
// followed pattern must not read an export's own output back.
func IsTempOf(path, target string) bool {
	if filepath.Dir(path) != filepath.Dir(target) {
		return false
	}
	prefix := strings.TrimSuffix(tempPattern(filepath.Base(target)), "*")
	return strings.HasPrefix(filepath.Base(path), prefix)
}

// Name returns the path the file will have once committed.
func (a *AtomicFile) Name() string { return a.path }

// Write writes to the temp file. When the disk is full it removes the temp
// file at once, so that nothing half-written is left even if the caller
// never calls Abort.
func (a *AtomicFile) Write(p []byte) (int, error) {
	if a.err != nil {
		return 0, a.err
	}
	if a.done {
		return 0, errClosed
	}
	n, err := a.f.Write(p)
	if err != nil {
		a.fail(fileError("write", a.path, err))
	}
	return n, a.err
}

// fail records err and, for a full disk, frees the space at once.
func (a *AtomicFile) fail(err error) {
	a.err = err
	if errors.Is(err, ErrDiskFull) {
		a.Abort()
	}
}

// Commit makes the file appear at its path: flush to disk, rename into
// place (or, without force, link, which fails rather than replace a file
// that appeared meanwhile), then flush the directory. On failure the temp
// file is removed and the target is as it was.
func (a *AtomicFile) Commit() error {
	if a.err != nil {
		a.Abort()
		return a.err
	}
	if a.done {
		return errClosed
	}
	if err := a.f.Sync(); err != nil {
		a.fail(fileError("flush", a.path, err))
		a.Abort()
		return a.err
	}
	if u, ok := a.f.(unnamedTemp); ok {
		return a.commitUnnamed(u)
	}
	if err := a.f.Close(); err != nil {
		a.fail(fileError("close", a.path, err))
		a.Abort()
		return a.err
	}
	a.done = true
	tmp := a.f.Name()
	if err := a.place(tmp); err != nil {
		err = keepElsewhere(a.path, err, linkNamed(tmp))
		_ = os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(a.path))
}

// commitUnnamed names the synced unnamed file, then closes it: it can be
// linked only while open, and once it is named and flushed a failing close
// cannot lose what was written.
func (a *AtomicFile) commitUnnamed(u unnamedTemp) error {
	a.done = true
	err := a.placeUnnamed(u)
	_ = u.Close()
	if err != nil {
		return err
	}
	return syncDir(filepath.Dir(a.path))
}

// placeUnnamed gives the finished unnamed file its name. Without force the
// link is made at the target itself, which fails rather than replace a file
// that appeared meanwhile; with force it is linked under a hidden name and
// renamed over the target.
func (a *AtomicFile) placeUnnamed(u unnamedTemp) error {
	if !a.force {
		err := u.linkTo(a.path)
		if errors.Is(err, fs.ErrExist) {
			return keepElsewhere(a.path, appeared(a.path, err), u.linkTo)
		}
		if err != nil {
			return fileError("link into", a.path, err)
		}
		return nil
	}
	tmp, err := hiddenName(a.path)
	if err != nil {
		return fileError("name a file in", filepath.Dir(a.path), err)
	}
	if err := u.linkTo(tmp); err != nil {
		return fileError("link into", a.path, err)
	}
	if err := a.place(tmp); err != nil {
		err = keepElsewhere(a.path, err, linkNamed(tmp))
		_ = os.Remove(tmp)
		return err
	}
	return nil
}

// place moves the finished temp file to the target path. Replacing, it
// checks again just before the rename that the target is still a regular
// file or absent, not an input, and the file that was there when the
// export began: something else may have been put there meanwhile (a log
// rotated to that name once its reader had closed it).
func (a *AtomicFile) place(tmp string) error {
	if a.force {
		if err := checkNotInput(a.path, a.inputs); err != nil {
			return err
		}
		if err := replaceable(a.path); err != nil {
			return err
		}
		if err := checkUnchanged(a.path, a.was); err != nil {
			return err
		}
		if err := os.Rename(tmp, a.path); err != nil {
			if nerr := notOwner(a.path, err, uint32(os.Geteuid())); nerr != nil {
				return nerr
			}
			return fileError("rename into", a.path, err)
		}
		return nil
	}
	err := os.Link(tmp, a.path)
	switch {
	case err == nil:
		// The export is in place under its name; a leftover temp link would
		// only waste a name, not space, so a failure to remove it is ignored.
		_ = os.Remove(tmp)
		return nil
	case errors.Is(err, fs.ErrExist):
		return appeared(a.path, err)
	}
	// Some file systems have no hard links: check, then rename.
	if _, serr := os.Lstat(a.path); serr == nil {
		return appeared(a.path, fs.ErrExist)
	}
	if err := os.Rename(tmp, a.path); err != nil {
		return fileError("rename into", a.path, err)
	}
	return nil
}

func appeared(path string, err error) error {
	return &FileError{ErrExists, path, appearedReason(path) + " — choose another name, or replace it with --force", err}
}

func appearedReason(path string) string {
	return fmt.Sprintf("%s appeared while the export was written, and connlog did not replace it", path)
}

// Abort removes the temp file; the target is untouched. It may be called
// at any time, more than once, and after Commit (when it does nothing).
func (a *AtomicFile) Abort() {
	if a.done {
		return
	}
	a.done = true
	_ = a.f.Close()
	if _, unnamed := a.f.(unnamedTemp); !unnamed {
		_ = os.Remove(a.f.Name())
	}
}

// syncDir makes the rename durable. File systems that cannot sync a
// directory say EINVAL; the file is in place then and that is not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fileError("open directory", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return fileError("flush directory", dir, err)
	}
	return nil
}
