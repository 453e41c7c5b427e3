package journalfile

import (
	"errors"
	"fmt"
)

// SkipError reports a run of entries of one file whose objects could not
// be read (their bytes were overwritten): they were skipped, as journalctl
// skips them, and the file was read on past them.
type SkipError struct {
	Path    string
	Entries int   // how many entries were skipped
	Err     error // why the first of them could not be read
}

func (e *SkipError) Error() string {
	// Err names the file and the entry.
	return fmt.Sprintf("%d unreadable entries skipped, the first: %v", e.Entries, e.Err)
}

func (e *SkipError) Unwrap() error { return e.Err }

// skippable reports whether err, met reading one entry, is that entry's
// alone: its object is corrupted, while the file around it can still be
// read. A file cut short, or one that cannot be read at all, is dropped.
func skippable(err error) bool {
	return errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrTruncated)
}

// skipRun counts the entries of one file skipped in a row, and reports
// them as one problem once the reader is past them.
type skipRun struct {
	m     *member
	first int // the first skipped entry
	n     int
	err   error
}

// add skips entry idx, which failed with err.
func (r *skipRun) add(m *member, idx int, err error) {
	if r.n == 0 {
		r.m, r.first, r.err = m, idx, err
	}
	r.n++
}

// report adds the run, if any, to the journal's problems, dated by the
// file's last entry before it or, when it is the file's first, by the
// entry found after it (at, 0 when none).
func (r *skipRun) report(j *Journal, at uint64) {
	if r.n == 0 {
		return
	}
	after := at
	if r.first > 0 {
		if e, err := r.m.f.Meta(r.first - 1); err == nil {
			after = e.Realtime
		}
	}
	j.problems = append(j.problems, &LossError{Err: &SkipError{Path: r.m.f.path, Entries: r.n, Err: r.err}, After: after})
	*r = skipRun{}
}
