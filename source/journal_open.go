package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"connlog/internal/shellquote"
)

// journalPermissionHint is added to a permission error on -D or --file.
const journalPermissionHint = "run with sudo or add your user to the systemd-journal group"

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

// journalCheckDirectory fails when dir cannot be listed, when it holds no
// journal file and is not followed, or when it holds journal files and
// none of them can be read.
func journalCheckDirectory(dir string, follow bool) error {
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
	if len(files) == 0 && !follow {
		return noJournalFiles(dir)
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

// noJournalFiles says that dir, given with -D, holds no journal file, and
// what to do when it holds logs of text instead (/var/log). A followed
// directory may still get its first file, and is waited for.
func noJournalFiles(dir string) error {
	msg := fmt.Sprintf("%s holds no journal files (*.journal, also in a machine-ID directory): check the path given with -D", dir)
	if logs, _ := filepath.Glob(filepath.Join(dir, "*.log")); len(logs) > 0 {
		msg += fmt.Sprintf(", or read its log files by naming them: connlog %s", shellquote.Arg(filepath.Join(dir, "*.log")))
	}
	return errors.New(msg)
}
