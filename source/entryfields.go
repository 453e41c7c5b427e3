package source

import (
	"errors"
	"sync"
	"time"

	"connlog/source/journalfile"
)

// JournalEntries re-reads entries of the journal the options name by their
// cursors, with every field: the journal source keeps only the fields
// connlog uses, and a journal export gives back the rest from the files.
// It opens the files when first asked, with connlog's own reader whichever
// reader the source uses (the cursors are journalctl's), and is safe for
// concurrent use.
type JournalEntries struct {
	opts JournalOptions
	mu   sync.Mutex
	j    *journalfile.Journal
	err  error // why the files could not be opened
	buf  []byte
}

// NewJournalEntries returns the entries of the journal opts names (its
// files, its directory or the system's journal); nothing is opened yet.
func NewJournalEntries(opts JournalOptions) *JournalEntries {
	return &JournalEntries{opts: opts}
}

// JournalEntry calls fn with each field ("NAME=value") of the entry the
// cursor names, valid during the call only; found is false when no file
// holds it any more (vacuumed). An entry written since the files were
// opened is looked for again once they are read anew. The cursor names one
// entry alone: its time is not looked at.
func (r *JournalEntries) JournalEntry(cursor string, _ time.Time, fn func(field []byte)) (found bool, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.j == nil && r.err == nil {
		r.j, r.err = r.open()
	}
	if r.err != nil {
		return false, r.err
	}
	found, err = r.j.Find(cursor)
	if err == nil && !found {
		if _, err = r.j.Poll(); err == nil {
			found, err = r.j.Find(cursor)
		}
	}
	if err != nil || !found {
		return false, err
	}
	r.buf, _, err = r.j.Fields(r.buf, fn)
	return err == nil, err
}

// open opens the journal files as the native journal source does.
func (r *JournalEntries) open() (*journalfile.Journal, error) {
	switch {
	case len(r.opts.Files) > 0:
		return journalfile.OpenFiles(r.opts.Files)
	case r.opts.Directory != "":
		return journalfile.OpenDirectories([]string{r.opts.Directory})
	}
	return journalfile.OpenDirectories(LocalJournalDirs())
}

// errEntriesClosed is the error of a look-up after Close.
var errEntriesClosed = errors.New("journal entries closed")

// Close closes the files, if they were opened.
func (r *JournalEntries) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.j == nil {
		return nil
	}
	err := r.j.Close()
	r.j, r.err = nil, errEntriesClosed
	return err
}
