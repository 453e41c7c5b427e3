package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model/export"
)

// defaultJournal makes a journal of this machine in a temp directory, a
// persistent and a volatile one, points the default journal at it for
// the test, and returns its files.
func defaultJournal(t *testing.T) []string {
	const id = "0123456789abcdef0123456789abcdef"
	root := t.TempDir()
	dirs := []string{filepath.Join(root, "var", id), filepath.Join(root, "run", id)}
	var files []string
	for _, d := range dirs {
		must(t, os.MkdirAll(d, 0o755))
		for _, name := range []string{"system.journal", "system@0001-0002.journal~"} {
			f := filepath.Join(d, name)
			must(t, os.WriteFile(f, []byte("LPKSHHRH journal bytes"), 0o640))
			files = append(files, f)
		}
	}
	old := localJournalDirs
	localJournalDirs = func() []string { return dirs }
	t.Cleanup(func() { localJournalDirs = old })
	return files
}

// TestExportNeverWritesOverTheDefaultJournal: `connlog export -o FILE`
// with no input named reads this machine's journal, whose files must be
// refused as outputs as -D's and --file's are, --force or not: they are
// not open yet when the export opens its output, so only their names
// tell.
func TestExportNeverWritesOverTheDefaultJournal(t *testing.T) {
	files := defaultJournal(t)
	for _, target := range files {
		for _, force := range [][]string{nil, {"--force"}} {
			t.Run(filepath.Base(filepath.Dir(filepath.Dir(target)))+"/"+filepath.Base(target)+strings.Join(force, ""), func(t *testing.T) {
				_, stderr, code := runCLI(t, append([]string{"export", "-o", target}, force...)...)
				if want := target + " is one of the inputs being read — choose another path"; code != 1 || !strings.Contains(stderr, want) {
					t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, want)
				}
				if got, _ := os.ReadFile(target); string(got) != "LPKSHHRH journal bytes" {
					t.Errorf("the journal file now holds %q", got)
				}
			})
		}
	}
}

// TestExportDialogNeverWritesOverTheDefaultJournal: the interface reading
// the default journal gives its export dialog the journal's files as
// inputs, which the export refuses to replace even when told to.
func TestExportDialogNeverWritesOverTheDefaultJournal(t *testing.T) {
	files := defaultJournal(t)
	cfg, err := parseArgs(nil, io.Discard)
	must(t, err)
	inputs := uiConfig(cfg, nil, "", time.Now()).Inputs
	for _, target := range files {
		if f, err := export.CreateFile(target, true, inputs); !errors.Is(err, export.ErrIsInput) {
			if f != nil {
				f.Abort()
			}
			t.Errorf("replacing %s: %v; want %v", target, err, export.ErrIsInput)
		}
	}
}
