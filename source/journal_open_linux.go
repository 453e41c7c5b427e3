//go:build linux && cgo

package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/coreos/go-systemd/v22/sdjournal"
)

// journalPermissionHint is added to a permission error on -D or --file.
const journalPermissionHint = "run with sudo or add your user to the systemd-journal group"

// openSDJournal opens the journal the options name: files, a directory, or
// the local system's journal. Errors say what to do.
func openSDJournal(opts JournalOptions) (*sdjournal.Journal, error) {
	var (
		sd  *sdjournal.Journal
		err error
	)
	switch {
	case len(opts.Files) > 0:
		if err := journalCheckReadable(opts.Files); err != nil {
			return nil, err
		}
		sd, err = sdjournal.NewJournalFromFiles(opts.Files...)
	case opts.Directory != "":
		if err := journalCheckDirectory(opts.Directory); err != nil {
			return nil, err
		}
		sd, err = sdjournal.NewJournalFromDir(opts.Directory)
	default:
		if probeJournalAccess(journalSystemDirs).onlyOwnJournal() {
			return nil, fmt.Errorf("open the system journal: %w", ErrJournalPermission)
		}
		sd, err = sdjournal.NewJournal()
	}
	if err != nil {
		if journalLibraryMissing(err) {
			return nil, fmt.Errorf("open the journal: %w", ErrLibsystemdMissing)
		}
		return nil, fmt.Errorf("open the journal: %w", err)
	}
	return sd, nil
}

// journalCheckReadable opens each journal file once, because sd-journal
// skips a file it cannot read without saying so.
func journalCheckReadable(paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return fmt.Errorf("open journal file: %w: %s", err, journalPermissionHint)
			}
			return fmt.Errorf("open journal file: %w: check the path", err)
		}
		st, err := f.Stat()
		f.Close()
		if err == nil && st.IsDir() {
			return fmt.Errorf("journal file %s is a directory: pass it with -D instead", p)
		}
	}
	return nil
}

// journalCheckDirectory fails when dir cannot be listed or when it holds
// journal files and none of them can be read.
func journalCheckDirectory(dir string) error {
	if _, err := os.ReadDir(dir); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("read journal directory: %w: %s", err, journalPermissionHint)
		}
		return fmt.Errorf("read journal directory: %w: check the path given with -D", err)
	}
	var files []string
	for _, pattern := range []string{"*.journal", "*.journal~", "*/*.journal", "*/*.journal~"} {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		files = append(files, m...)
	}
	var firstErr error
	for _, f := range files {
		fh, err := os.Open(f)
		if err == nil {
			fh.Close()
			return nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr != nil && errors.Is(firstErr, fs.ErrPermission) {
		return fmt.Errorf("read the journal files in %s: %w: %s", dir, firstErr, journalPermissionHint)
	}
	return nil
}

// applyJournalMatches installs the match expression, replacing any other.
func applyJournalMatches(sd *sdjournal.Journal, m journalMatches) error {
	sd.FlushMatches()
	for i, group := range m.groups {
		if i > 0 {
			if err := sd.AddDisjunction(); err != nil {
				return fmt.Errorf("filter the journal: %w", err)
			}
		}
		for _, match := range group {
			if err := sd.AddMatch(match); err != nil {
				return fmt.Errorf("filter the journal on %s: %w", match, err)
			}
		}
	}
	if m.boot == "" {
		return nil
	}
	if len(m.groups) > 0 {
		if err := sd.AddConjunction(); err != nil {
			return fmt.Errorf("filter the journal: %w", err)
		}
	}
	if err := sd.AddMatch(journalFieldBootID + "=" + m.boot); err != nil {
		return fmt.Errorf("filter the journal on boot %s: %w", m.boot, err)
	}
	return nil
}
