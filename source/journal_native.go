package source

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"connlog/source/journalfile"
)

// nativeArenaSize is the size of the chunks field values are copied into:
// one allocation serves many records, each owning its slice of it.
const nativeArenaSize = 256 << 10

// nativeJournal adapts journalfile.Journal, connlog's own reader of the
// journal file format, to journalReader. The fields the session wants are
// read together, in one pass over an entry, the first time one is asked for.
type nativeJournal struct {
	j     *journalfile.Journal
	arena []byte
	names []string // the wanted fields
	vals  [][]byte // their values in the current entry, once read
	read  bool     // vals hold the current entry's
	// unreadable counts the current entry's DATA objects that could not
	// be read, once vals are: a wanted field missing from vals may have
	// been in one of them.
	unreadable int
	misses     []byte // scratch for a field outside names

	// Reading ahead (see journal_native_stream.go).
	sequential     bool // the caller reads forward to the end: reading ahead pays
	nexts          int  // Next calls in a row
	stream         *journalfile.Stream
	streamed       bool // the current entry came from the stream
	scur           journalfile.StreamEntry
	streamProblems []error
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
		if err := journalCheckDirectory(opts.Directory, opts.Follow); err != nil {
			return nil, err
		}
		j, err = journalfile.OpenDirectories([]string{opts.Directory})
	default:
		if probeJournalAccess(journalSystemDirs).onlyOwnJournal() {
			return nil, fmt.Errorf("open the system journal: %w", ErrJournalPermission)
		}
		j, err = journalfile.OpenDirectories(LocalJournalDirs())
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

// LocalJournalDirs are the directories of this machine's journal, as
// journalctl reads them without -D: persistent, then volatile. They are
// what the journal reads when no file or directory is named, and so what
// an export must never write into the place of.
func LocalJournalDirs() []string {
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
	n.endStream()
	var e journalfile.Expr
	if len(m.groups) > 0 {
		e = append(e, m.groups)
	}
	if m.boot != "" {
		e = append(e, [][]string{{journalFieldBootID + "=" + m.boot}})
	}
	return n.j.SetMatches(e)
}

// Problems returns the files dropped since the last call.
func (n *nativeJournal) Problems() []error {
	p := n.streamProblems
	n.streamProblems = nil
	if n.stream == nil {
		p = append(p, n.j.Problems()...)
	}
	return p
}

// ReadOutDrops returns how many files were dropped since the last call,
// read to their end.
func (n *nativeJournal) ReadOutDrops() int { return n.j.ReadOutDrops() }

// Peek runs fn without reporting the losses it steps over.
func (n *nativeJournal) Peek(fn func() error) error { return n.j.Peek(fn) }

func (n *nativeJournal) Close() error {
	n.endStream()
	return n.j.Close()
}

// moved forgets the fields read: the position changed.
func (n *nativeJournal) moved(err error) error {
	n.read, n.nexts, n.streamed = false, 0, false
	return err
}

func (n *nativeJournal) SeekHead() error { n.endStream(); return n.moved(n.j.SeekHead()) }
func (n *nativeJournal) SeekTail() error { n.endStream(); return n.moved(n.j.SeekTail()) }

func (n *nativeJournal) SeekRealtime(usec uint64) error {
	n.endStream()
	return n.moved(n.j.SeekRealtime(usec))
}

func (n *nativeJournal) SeekCursor(c string) error {
	n.endStream()
	return n.moved(n.j.SeekCursor(c))
}

func (n *nativeJournal) Previous() (bool, error) {
	n.endStream()
	ok, err := n.j.Previous()
	return ok, n.moved(err)
}

// WantFields sets the fields read together.
func (n *nativeJournal) WantFields(names []string) {
	n.endStream()
	n.names = append([]string(nil), names...)
	n.vals = make([][]byte, len(names))
	n.read = false
}

// Cursor is the current entry's cursor, in journalctl's form.
func (n *nativeJournal) Cursor() (string, error) {
	l, err := n.location()
	return l.Cursor(), err
}

// TestCursor reports whether the current entry is the one the cursor names.
func (n *nativeJournal) TestCursor(c string) bool {
	want, err := journalfile.ParseCursor(c)
	if err != nil {
		return false
	}
	l, err := n.location()
	return err == nil && l.Matches(want)
}

func (n *nativeJournal) Realtime() (uint64, error) {
	l, err := n.location()
	return l.Realtime, err
}

// TestCursorOf reports whether the reader's current entry is at l.
func (n *nativeJournal) TestCursorOf(l journalfile.Location) bool {
	got, err := n.j.Location()
	return err == nil && got == l
}

// location is the current entry's place, from the stream or the reader.
func (n *nativeJournal) location() (journalfile.Location, error) {
	if n.streamed {
		return n.scur.Loc, nil
	}
	return n.j.Location()
}

// Field returns a wanted field from the values read together (reading them
// into the arena, so that records own them without an allocation each), or
// copies any other field on its own.
func (n *nativeJournal) Field(name string) ([]byte, bool, error) {
	k := slices.Index(n.names, name)
	if k < 0 {
		n.endStream()
		v, ok, err := n.j.Field(name, n.misses[:0])
		n.misses = v
		return bytes.Clone(v), ok, err
	}
	if n.streamed && n.scur.Err != nil {
		return nil, false, n.scur.Err
	}
	if err := n.collect(); err != nil {
		return nil, false, err
	}
	if n.vals[k] == nil && n.unreadable > 0 {
		return nil, false, fmt.Errorf("field %s: %w", name, journalfile.ErrFieldUnreadable)
	}
	return n.vals[k], n.vals[k] != nil, nil
}

// collect reads the wanted fields of the reader's current entry, once.
func (n *nativeJournal) collect() error {
	if n.read {
		return nil
	}
	if cap(n.arena)-len(n.arena) < 4<<10 {
		n.arena = make([]byte, 0, nativeArenaSize)
	}
	var err error
	if n.arena, n.unreadable, err = n.j.Collect(n.names, n.vals, n.arena); err != nil {
		return err
	}
	n.read = true
	return nil
}

func (n *nativeJournal) UniqueValues(field string) ([]string, error) {
	n.endStream()
	return n.j.UniqueValues(field)
}

func (n *nativeJournal) Wait(timeout time.Duration) (journalChange, error) {
	n.endStream()
	c, err := n.j.Wait(timeout)
	switch c {
	case journalfile.Appended:
		return journalAppended, err
	case journalfile.Invalidated:
		return journalInvalidated, err
	}
	return journalNothing, err
}
