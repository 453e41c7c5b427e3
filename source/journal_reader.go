package source

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// Names of the journal readers (--journal-reader).
const (
	// JournalReaderNative is connlog's own reader of the journal file
	// format: the default, available in every build.
	JournalReaderNative = "native"
	// JournalReaderLibsystemd reads through libsystemd's sd-journal, in
	// builds with cgo on Linux.
	JournalReaderLibsystemd = "libsystemd"
)

// journalChange is what a wait for new entries saw.
type journalChange int

const (
	journalNothing     journalChange = iota // the timeout passed
	journalAppended                         // entries were appended: read on
	journalInvalidated                      // files came or went: seek the anchor again
)

// journalReader is what the journald source needs of a journal reader: an
// sd-journal-like cursor over the matching entries of a set of files. One
// goroutine uses it at a time.
type journalReader interface {
	SetMatches(m journalMatches) error
	SeekHead() error
	SeekTail() error
	SeekRealtime(usec uint64) error
	SeekCursor(cursor string) error
	// Next and Previous move to the adjacent matching entry; false at an end.
	Next() (bool, error)
	Previous() (bool, error)
	Cursor() (string, error)
	// TestCursor reports whether the current entry is the one cursor names.
	TestCursor(cursor string) bool
	Realtime() (uint64, error)
	// Field returns a field of the current entry, owned by the caller; ok
	// is false when the entry has no such field.
	Field(name string) (value []byte, ok bool, err error)
	UniqueValues(field string) ([]string, error)
	// WantFields names every field Field will be asked for, so that a
	// reader can fetch them together.
	WantFields(names []string)
	// ReadAhead says whether the caller reads forward to the end without
	// other calls, so that a reader may decode entries ahead.
	ReadAhead(on bool)
	Wait(timeout time.Duration) (journalChange, error)
	// Problems returns, once, the files dropped since the last call because
	// they could no longer be read (truncated, corrupted, replaced).
	Problems() []error
	// ReadOutDrops returns, once, how many files were dropped since the
	// last call after every entry they held was read: nothing is lost.
	ReadOutDrops() int
	// Peek runs fn, which only looks at the journal (where its boots begin
	// and end): the losses fn steps over are reported by the reading that
	// follows, under its matches, not by fn; files dropped are reported.
	Peek(fn func() error) error
	Close() error
}

// ErrJournalReader is returned for a --journal-reader this build lacks.
var ErrJournalReader = errors.New("unknown journal reader")

// openJournalReader opens the reader the options name.
func openJournalReader(opts JournalOptions) (journalReader, error) {
	switch opts.Reader {
	case "", JournalReaderNative:
		return openNativeJournal(opts)
	case JournalReaderLibsystemd:
		return openLibsystemdJournal(opts)
	}
	return nil, fmt.Errorf("--journal-reader %q: %w: use %s (the default) or %s",
		opts.Reader, ErrJournalReader, JournalReaderNative, JournalReaderLibsystemd)
}

// journalBootIDFile holds the running kernel's boot ID.
const journalBootIDFile = "/proc/sys/kernel/random/boot_id"

// currentBootID returns the running system's boot ID in the journal's
// 32-digit form.
func currentBootID() (string, error) {
	b, err := os.ReadFile(journalBootIDFile)
	if err != nil {
		return "", fmt.Errorf("read the current boot ID: %w", err)
	}
	return strings.ReplaceAll(strings.TrimSpace(string(b)), "-", ""), nil
}

// journalMachineIDFile names the local machine; its journal lives in a
// directory of that name. A variable so that tests can point it elsewhere.
var journalMachineIDFile = "/etc/machine-id"
