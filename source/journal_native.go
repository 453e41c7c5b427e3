package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"connlog/source/journalfile"
)

// nativeArenaSize is the size of the chunks field values are copied into:
// one allocation serves many records, each owning its slice of it.
const nativeArenaSize = 256 << 10

// nativeJournal adapts journalfile.Journal, connlog's own reader of the
// journal file format, to journalReader.
type nativeJournal struct {
	j     *journalfile.Journal
	arena []byte
}

// openNativeJournal opens the files, the directory or the local system's
// journal the options name.
func openNativeJournal(opts JournalOptions) (journalReader, error) {
	var (
		j   *journalfile.Journal
		err error
	)
	switch {
	case len(opts.Files) > 0:
		if err := journalCheckReadable(opts.Files); err != nil {
			return nil, err
		}
		j, err = journalfile.OpenFiles(opts.Files)
	case opts.Directory != "":
		if err := journalCheckDirectory(opts.Directory); err != nil {
			return nil, err
		}
		j, err = journalfile.OpenDirectories([]string{opts.Directory})
	default:
		if probeJournalAccess(journalSystemDirs).onlyOwnJournal() {
			return nil, fmt.Errorf("open the system journal: %w", ErrJournalPermission)
		}
		j, err = journalfile.OpenDirectories(localJournalDirs())
	}
	if err != nil {
		return nil, journalOpenError(err)
	}
	return &nativeJournal{j: j}, nil
}

// journalOpenError words a failure to open journal files.
func journalOpenError(err error) error {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("open the journal: %w: %s", err, journalPermissionHint)
	case errors.Is(err, journalfile.ErrUnsupported):
		return fmt.Errorf("open the journal: %w", err)
	case errors.Is(err, journalfile.ErrCorrupt), errors.Is(err, journalfile.ErrTruncated):
		return fmt.Errorf("open the journal: %w: check the file with journalctl --verify --file", err)
	}
	return fmt.Errorf("open the journal: %w", err)
}

// localJournalDirs are the directories of this machine's journal, as
// journalctl reads them without -D: persistent, then volatile.
func localJournalDirs() []string {
	b, err := os.ReadFile(journalMachineIDFile)
	id := strings.TrimSpace(string(b))
	var dirs []string
	for _, d := range journalSystemDirs {
		if err == nil && id != "" {
			d = filepath.Join(d, id)
		}
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// SetMatches turns the match expression into the reader's.
func (n *nativeJournal) SetMatches(m journalMatches) error {
	var e journalfile.Expr
	if len(m.groups) > 0 {
		e = append(e, m.groups)
	}
	if m.boot != "" {
		e = append(e, [][]string{{journalFieldBootID + "=" + m.boot}})
	}
	return n.j.SetMatches(e)
}

func (n *nativeJournal) SeekHead() error                { return n.j.SeekHead() }
func (n *nativeJournal) SeekTail() error                { return n.j.SeekTail() }
func (n *nativeJournal) SeekRealtime(usec uint64) error { return n.j.SeekRealtime(usec) }
func (n *nativeJournal) SeekCursor(c string) error      { return n.j.SeekCursor(c) }
func (n *nativeJournal) Next() (bool, error)            { return n.j.Next() }
func (n *nativeJournal) Previous() (bool, error)        { return n.j.Previous() }
func (n *nativeJournal) Problems() []error              { return n.j.Problems() }
func (n *nativeJournal) Close() error                   { return n.j.Close() }

func (n *nativeJournal) Cursor() (string, error) {
	l, err := n.j.Location()
	if err != nil {
		return "", err
	}
	return l.Cursor(), nil
}

func (n *nativeJournal) TestCursor(c string) bool {
	want, err := journalfile.ParseCursor(c)
	if err != nil {
		return false
	}
	l, err := n.j.Location()
	return err == nil && l.Matches(want)
}

func (n *nativeJournal) Realtime() (uint64, error) {
	l, err := n.j.Location()
	return l.Realtime, err
}

// Field copies the value into the arena, so that records own it without an
// allocation each. A value too big for the arena's room makes the reader
// allocate; that buffer then serves as the arena.
func (n *nativeJournal) Field(name string) ([]byte, bool, error) {
	if cap(n.arena)-len(n.arena) < 4<<10 {
		n.arena = make([]byte, 0, nativeArenaSize)
	}
	start := len(n.arena)
	out, ok, err := n.j.Field(name, n.arena)
	if err != nil || !ok {
		return nil, ok, err
	}
	n.arena = out
	return out[start:len(out):len(out)], true, nil
}

func (n *nativeJournal) UniqueValues(field string) ([]string, error) { return n.j.UniqueValues(field) }

func (n *nativeJournal) Wait(timeout time.Duration) (journalChange, error) {
	c, err := n.j.Wait(timeout)
	switch c {
	case journalfile.Appended:
		return journalAppended, err
	case journalfile.Invalidated:
		return journalInvalidated, err
	}
	return journalNothing, err
}
