package export

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// staging is where a bundle keeps its members until they are archived:
// beside the bundle's file when it has one, so that they fill the disk the
// bundle goes to, else the directory the caller chose or the system's temp
// directory ($TMPDIR), which the errors then name.
type staging struct {
	dir    string
	target string // the bundle's file, when dir is its directory
	system bool   // dir is the system temp directory: no caller chose it
}

// StageBeside keeps a bundle's members in path's directory while they are
// written, path being the file the bundle goes to: a full disk is then
// the target's, and its error names the target.
func (o *Options) StageBeside(path string) {
	o.TempDir, o.target = filepath.Dir(path), path
}

func newStaging(opts Options) staging {
	if opts.TempDir == "" {
		return staging{dir: os.TempDir(), system: true}
	}
	if opts.target != "" && filepath.Dir(opts.target) == opts.TempDir {
		return staging{dir: opts.TempDir, target: opts.target}
	}
	return staging{dir: opts.TempDir}
}

// pattern names a named member file (where no unnamed one can be made)
// after the target, so that a followed pattern knows it for the export's
// own (see IsTempOf) and a leftover says what it was.
func (s staging) pattern() string {
	if s.target != "" {
		return tempPattern(filepath.Base(s.target))
	}
	return ".connlog-bundle-*"
}

// explain says why a member could not be created or written (op on
// path), naming the file system that failed: the target's, or the temp
// directory's with what to do about it.
func (s staging) explain(op, path string, err error) error {
	fe := fileError(op, path, err)
	full := errors.Is(fe, ErrDiskFull)
	switch {
	case full && s.target != "":
		return diskFull(s.target, err)
	case !s.system:
		return fe
	case full:
		return &FileError{ErrDiskFull, s.dir, fmt.Sprintf("disk full in %s, where a bundle's members are kept until they are archived: "+
			"nothing was written; free space there, or set TMPDIR to a directory with room", s.dir), err}
	}
	var kind error
	if f := (*FileError)(nil); errors.As(fe, &f) {
		kind = f.Kind
	}
	return &FileError{kind, s.dir, fmt.Sprintf("cannot keep a bundle's members in the temp directory %s: %v — "+
		"set TMPDIR to a directory you can write to", s.dir, unwrapPath(err)), err}
}
