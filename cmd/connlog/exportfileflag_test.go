package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestJournalExportFileGivenAsAJournal: --file names a journal file; a
// journal export file (text fields, __CURSOR=…) given to it is not called
// corrupted: the message says what it is and how connlog reads it.
func TestJournalExportFileGivenAsAJournal(t *testing.T) {
	export := filepath.Join("..", "..", "testdata", "journal", "connector.export")
	for _, args := range [][]string{{"--list-boots", "--file", export}, {"export", "--file", export}} {
		_, stderr, code := runCLI(t, args...)
		if code != 2 || strings.Contains(stderr, "corrupt") || !strings.Contains(stderr, "is a journal export file") ||
			!strings.Contains(stderr, "connlog export "+export) {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// TestTextLogGivenAsAJournal: a text log or journalctl -o json output given
// to --file is not called corrupted either: it is named a log of text
// lines, to be read without --file.
func TestTextLogGivenAsAJournal(t *testing.T) {
	for _, name := range []string{"days/yesterday.log", "envelopes/journal-json.log"} {
		path := filepath.Join("..", "..", "testdata", name)
		_, stderr, code := runCLI(t, "export", "--file", path)
		if code != 2 || strings.Contains(stderr, "corrupt") || !strings.Contains(stderr, path+" is a log of text lines, not a binary journal file") ||
			!strings.Contains(stderr, "connlog export "+path) {
			t.Errorf("%s: exit %d, stderr %q", name, code, stderr)
		}
	}
}

// TestBadBoundSaysItOnce: a --since or --until that is not a time names
// the value and lists the accepted forms once each.
func TestBadBoundSaysItOnce(t *testing.T) {
	for _, flag := range []string{"--since", "--until"} {
		_, stderr, code := runCLI(t, "export", flag, "yesterdayy", "x.log")
		if code != 2 || strings.Count(stderr, "yesterdayy") != 1 || strings.Count(stderr, "a duration ago") != 1 || strings.Contains(stderr, "(use ") ||
			!strings.HasPrefix(stderr, "connlog: "+flag+` "yesterdayy" is not a time — use `) {
			t.Errorf("%s: exit %d, stderr %q", flag, code, stderr)
		}
	}
}

// fullDisk is standard output redirected to a full file system.
type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
}

// TestFullDiskOnStandardOutput: an export to standard output on a full
// disk says so in the user's terms, whatever the format, not as the
// format's internal step.
func TestFullDiskOnStandardOutput(t *testing.T) {
	in := hostileLogFile(t)
	for _, format := range []string{"raw", "text", "csv", "ndjson", "journal"} {
		var stderr bytes.Buffer
		code := run([]string{"export", "--format", format, in}, strings.NewReader(""), fullDisk{}, &stderr)
		msg := stderr.String()
		if code != 1 || !strings.HasPrefix(msg, "connlog: disk full while writing standard output") ||
			strings.Contains(msg, ": write") || strings.Count(msg, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q", format, code, msg)
		}
	}
}
