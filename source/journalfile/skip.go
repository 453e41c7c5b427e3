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
	m      *member
	lo, hi int // the lowest and highest entries skipped
	n      int
	err    error
}

// skip leaves entry idx of m behind, which failed with err: counted in the
// run the first time it is met (a later pass over it, a seek's or the
// other direction's, says nothing again), unless it cannot be told to
// match the journal's expression, or the journal is only peeked at.
func (r *skipRun) skip(j *Journal, m *member, idx int, err error) {
	if j.peeking || m.bad[idx] || !j.likelyMatched(m, idx) {
		return
	}
	if m.bad == nil {
		m.bad = map[int]bool{}
	}
	m.bad[idx] = true
	if r.n == 0 {
		r.m, r.lo, r.hi, r.err = m, idx, idx, err
	}
	r.lo, r.hi = min(r.lo, idx), max(r.hi, idx)
	r.n++
}

// report adds the run, if any, to the journal's problems, dated by the
// file's last entry before it or, when there is none, by the entry found
// past it (at, 0 when none).
func (r *skipRun) report(j *Journal, at uint64) {
	if r.n == 0 {
		return
	}
	after := at
	if r.lo > 0 {
		if e, err := r.m.f.Meta(r.lo - 1); err == nil {
			after = e.Realtime
		}
	}
	j.problems = append(j.problems, &LossError{Err: &SkipError{Path: r.m.f.path, Entries: r.n, Err: r.err}, After: after})
	*r = skipRun{}
}

// likelyMatched reports whether the unreadable entry idx of m would have
// matched the journal's expression: always without one, or when the
// candidates come from the matched values' own entry lists (which list
// it); otherwise when its nearest readable neighbours match (an entry of
// another boot or unit, between that boot's or unit's entries, is not
// this reading's loss).
func (j *Journal) likelyMatched(m *member, idx int) bool {
	if len(j.expr) == 0 || m.res.cands.use {
		return true
	}
	below, above := j.neighbourMatches(m, idx, -1), j.neighbourMatches(m, idx, 1)
	return below != neighbourNo && above != neighbourNo && (below == neighbourYes || above == neighbourYes)
}

// neighbour answers for the nearest readable entry on one side.
type neighbour int

const (
	neighbourNone neighbour = iota // no readable entry on that side
	neighbourNo
	neighbourYes
)

// neighbourMatches tells whether the nearest readable entry from idx in
// direction step matches the expression.
func (j *Journal) neighbourMatches(m *member, idx, step int) neighbour {
	for i := idx + step; i >= 0 && i < m.f.Len(); i += step {
		_, ok, err := j.candidate(m, i)
		if err != nil {
			continue
		}
		if ok {
			return neighbourYes
		}
		return neighbourNo
	}
	return neighbourNone
}
