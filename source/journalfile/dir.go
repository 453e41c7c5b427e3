package journalfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// fileKey identifies a file whatever its name: journald renames the active
// file when it archives it.
type fileKey struct{ dev, ino uint64 }

// origin is where a Journal's files come from: named files (fixed) or
// directories (rescanned for new and vanished files while following).
type origin struct {
	files []string
	dirs  []string
}

// OpenFiles opens the named journal files.
func OpenFiles(paths []string) (*Journal, error) {
	j := &Journal{origin: origin{files: paths}, dropped: map[fileKey]bool{}}
	if err := j.addPaths(paths, addStrict); err != nil {
		j.Close()
		return nil, err
	}
	return j, nil
}

// OpenDirectories opens the journal files in dirs and in their machine-ID
// subdirectories, as journalctl -D does. A file that cannot be read is
// skipped unless none can: journald may be writing a new one.
func OpenDirectories(dirs []string) (*Journal, error) {
	j := &Journal{origin: origin{dirs: dirs}, dropped: map[fileKey]bool{}}
	paths, err := j.origin.list()
	if err != nil {
		return nil, err
	}
	if err := j.addPaths(paths, addLenient); err != nil {
		j.Close()
		return nil, err
	}
	return j, nil
}

// list returns the journal files of the origin's directories.
func (o origin) list() ([]string, error) {
	if len(o.dirs) == 0 {
		return o.files, nil
	}
	var out []string
	for _, d := range o.dirs {
		found, err := listDir(d)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	sort.Strings(out)
	return out, nil
}

// listDir returns d's journal files and those of its machine-ID subdirectories.
func listDir(d string) ([]string, error) {
	entries, err := os.ReadDir(d)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := filepath.Join(d, e.Name())
		switch {
		case e.Type().IsRegular() && isJournalName(e.Name()):
			out = append(out, name)
		case e.IsDir() && isMachineID(e.Name()):
			sub, err := os.ReadDir(name)
			if err != nil {
				continue
			}
			for _, s := range sub {
				if s.Type().IsRegular() && isJournalName(s.Name()) {
					out = append(out, filepath.Join(name, s.Name()))
				}
			}
		}
	}
	return out, nil
}

func isJournalName(n string) bool {
	return strings.HasSuffix(n, ".journal") || strings.HasSuffix(n, ".journal~")
}

func isMachineID(n string) bool {
	return len(n) == 32 && strings.Trim(n, "0123456789abcdef") == ""
}

// addMode says how addPaths treats a file it cannot open.
type addMode int

const (
	addStrict    addMode = iota // any failure is an error (named files)
	addLenient                  // a file that cannot be read is skipped and reported
	addFollowing                // as addLenient, but a file whose header is not written yet is tried again at the next poll
)

// addPaths opens the files not open yet. With addStrict, any failure is
// an error; otherwise a file that cannot be read is skipped, and an error
// is returned only when it is a permission problem and nothing could be
// opened.
func (j *Journal) addPaths(paths []string, how addMode) error {
	strict := how == addStrict
	var firstErr error
	for _, p := range paths {
		key, err := keyOf(p)
		if err == nil && (j.has(key) || j.dropped[key]) {
			continue
		}
		if err == nil {
			err = j.add(p, key)
		}
		if err != nil {
			if strict {
				return err
			}
			if firstErr == nil {
				firstErr = err
			}
			if how == addFollowing && errors.Is(err, errHeaderUnwritten) {
				continue // journald is creating it: nothing of it is lost
			}
			if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrTruncated) || errors.Is(err, ErrUnsupported) {
				j.problems = append(j.problems, err)
			}
		}
	}
	if len(j.members) == 0 && firstErr != nil && errors.Is(firstErr, fs.ErrPermission) {
		return firstErr
	}
	return nil
}

// add opens one file and resolves the matches in it.
func (j *Journal) add(p string, key fileKey) error {
	if j.cache == nil {
		j.cache = &pageCache{}
	}
	f, err := openCached(p, j.cache)
	if err != nil {
		return err
	}
	r, err := resolve(f, j.expr)
	if err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", p, err)
	}
	// A damaged file's entries are read up to the damage, which Next
	// reports once past them (noteDamage).
	j.members = append(j.members, &member{f: f, key: key, res: r})
	return nil
}

func (j *Journal) has(k fileKey) bool {
	for _, m := range j.members {
		if m.key == k {
			return true
		}
	}
	return false
}
