//go:build linux && cgo

package source

import (
	"fmt"
	"syscall"
	"time"

	"github.com/coreos/go-systemd/v22/sdjournal"
)

// libsystemdJournal adapts sd-journal (through go-systemd) to journalReader.
// sd-journal maps the files: a file truncated under it raises SIGBUS, which
// kills the process; the native reader does not have that weakness.
type libsystemdJournal struct{ sd *sdjournal.Journal }

// openLibsystemdJournal opens the journal through libsystemd.
func openLibsystemdJournal(opts JournalOptions) (journalReader, error) {
	sd, err := openSDJournal(opts)
	if err != nil {
		return nil, err
	}
	// Without this, fields above 64 KiB would come back cut.
	if err := sd.SetDataThreshold(0); err != nil {
		sd.Close()
		return nil, fmt.Errorf("set up the journal: %w", err)
	}
	// The first wait starts watching the files; doing it now means nothing
	// appended between the backfill and the first real wait can be missed.
	sd.Wait(0)
	return &libsystemdJournal{sd: sd}, nil
}

func (l *libsystemdJournal) SetMatches(m journalMatches) error { return applyJournalMatches(l.sd, m) }
func (l *libsystemdJournal) SeekHead() error                   { return l.sd.SeekHead() }
func (l *libsystemdJournal) SeekTail() error                   { return l.sd.SeekTail() }
func (l *libsystemdJournal) SeekRealtime(usec uint64) error    { return l.sd.SeekRealtimeUsec(usec) }
func (l *libsystemdJournal) SeekCursor(c string) error         { return l.sd.SeekCursor(c) }
func (l *libsystemdJournal) Cursor() (string, error)           { return l.sd.GetCursor() }
func (l *libsystemdJournal) TestCursor(c string) bool          { return l.sd.TestCursor(c) == nil }
func (l *libsystemdJournal) Realtime() (uint64, error)         { return l.sd.GetRealtimeUsec() }
func (l *libsystemdJournal) Problems() []error                 { return nil }
func (l *libsystemdJournal) ReadOutDrops() int                 { return 0 }
func (l *libsystemdJournal) Peek(fn func() error) error        { return fn() }
func (l *libsystemdJournal) WantFields([]string)               {}
func (l *libsystemdJournal) ReadAhead(bool)                    {}
func (l *libsystemdJournal) Close() error                      { return l.sd.Close() }

func (l *libsystemdJournal) Next() (bool, error) {
	n, err := l.sd.Next()
	return n > 0, err
}

func (l *libsystemdJournal) Previous() (bool, error) {
	n, err := l.sd.Previous()
	return n > 0, err
}

// Field reads one field; sd-journal's errors for an absent field and an
// unreadable one look alike, so both are "absent", as before.
func (l *libsystemdJournal) Field(name string) ([]byte, bool, error) {
	b, err := l.sd.GetDataBytes(name)
	if err != nil || len(b) <= len(name) || b[len(name)] != '=' || string(b[:len(name)]) != name {
		return nil, false, nil
	}
	return b[len(name)+1 : len(b) : len(b)], true, nil
}

func (l *libsystemdJournal) UniqueValues(field string) ([]string, error) {
	return l.sd.GetUniqueValues(field)
}

func (l *libsystemdJournal) Wait(timeout time.Duration) (journalChange, error) {
	switch r := l.sd.Wait(timeout); {
	case r < 0:
		return journalNothing, syscall.Errno(-r)
	case r == sdjournal.SD_JOURNAL_INVALIDATE:
		return journalInvalidated, nil
	case r == sdjournal.SD_JOURNAL_APPEND:
		return journalAppended, nil
	}
	return journalNothing, nil
}

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
		if err := journalCheckDirectory(opts.Directory, opts.Follow); err != nil {
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
