package journalfile

import (
	"errors"
	"fmt"
)

// LossError is a file's loss as Problems reports it: why the file was
// dropped or stops short, and the time of the last of its entries before
// the loss, which dates it (the entries lost come after that one).
type LossError struct {
	Err error
	// After is the realtime (µs) of the file's last entry read before the
	// loss, or of its first entry when the whole file is lost; 0 when the
	// file has no readable entry.
	After uint64
	// Entries is how many entries the loss holds, as far as the file's
	// index and header say; 0 when unknown.
	Entries uint64
	// Kept is set when the file is read on: its entries before the loss
	// were read, only those past it are missing. Otherwise it was dropped.
	Kept bool
}

func (e *LossError) Error() string { return e.Err.Error() }
func (e *LossError) Unwrap() error { return e.Err }

// LossTime returns the time that dates the loss err reports, 0 if none.
func LossTime(err error) uint64 {
	var l *LossError
	if errors.As(err, &l) {
		return l.After
	}
	return 0
}

// lost wraps err with the time of m's entry before its split (the file's
// last one at or before the location), or of its first entry when none is.
func lost(m *member, err error) *LossError {
	i := min(max(m.split-1, 0), m.f.Len()-1)
	var after uint64
	if i >= 0 {
		if e, merr := m.f.Meta(i); merr == nil {
			after = e.Realtime
		}
	}
	return &LossError{Err: err, After: after, Entries: uint64(m.f.Len()-max(m.split, 0)) + m.f.unindexed()}
}

// noteDamage reports, once, that m's index stops short of its entries
// (the file was cut or its entry arrays are damaged), when the reading has
// passed the last entry it has: that is where its entries are missing.
// Not when they belong to a boot other than the one read (tailIsRead),
// nor during a peek: the reading that follows reports them.
func (j *Journal) noteDamage(m *member) {
	if j.peeking || !j.tailIsRead(m) {
		return
	}
	if err := m.f.TakeDamage(); err != nil {
		loss := lost(m, err)
		loss.Kept = true
		j.problems = append(j.problems, loss)
	}
}

// dropWhole drops a file that fails before any of its entries is read (a
// seek, a lookup): the loss is the whole file's, dated by its first entry.
func (j *Journal) dropWhole(m *member, err error) {
	m.split = 0
	j.drop(m, fmt.Errorf("%s: %w", m.f.path, err))
}
