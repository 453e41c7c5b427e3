package journalfile

import (
	"fmt"
	"time"
)

// Change is what Wait saw happen to the journal.
type Change int

// The changes, as sd_journal_wait names them.
const (
	// Nothing changed before the timeout.
	Nothing Change = iota
	// Appended: entries were added to open files; reading on sees them.
	Appended
	// Invalidated: files appeared or vanished; the position must be sought
	// again (SeekCursor) before reading on.
	Invalidated
)

// pollInterval is how often Wait looks at the files when inotify cannot
// tell it: inotify misses nothing on local files, but a journal on a
// network file system changes without events.
const pollInterval = 100 * time.Millisecond

// Wait returns when the journal changes or timeout passes. It sleeps on
// inotify where available and looks at the files at least every
// pollInterval. A file that can no longer be read is dropped (Invalidated)
// and its error kept for Problems, so that the caller notes the gap and
// carries on.
func (j *Journal) Wait(timeout time.Duration) (Change, error) {
	if !j.watchTried {
		j.watchTried = true
		j.watch = newWatcher(append(append([]string(nil), j.origin.dirs...), j.origin.files...))
	}
	deadline := time.Now().Add(timeout)
	for {
		c, err := j.Poll()
		if c != Nothing || err != nil {
			return c, err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return Nothing, nil
		}
		if j.watch != nil {
			j.watch.wait(min(left, pollInterval))
		} else {
			time.Sleep(min(left, pollInterval))
		}
	}
}

// Poll checks once for appended entries and added or removed files. A file
// that can no longer be read is dropped, its error kept for Problems.
func (j *Journal) Poll() (Change, error) {
	change := Nothing
	kept := j.members[:0]
	for _, m := range j.members {
		before, damaged := m.f.Len(), m.f.damage != nil
		if err := m.f.Refresh(); err != nil {
			if m.f.cutBehind(m.split) {
				j.readOut++
			} else {
				j.problems = append(j.problems, lost(m, fmt.Errorf("%s: %w", m.f.path, err)))
			}
			j.dropped[m.key] = true
			m.f.Close()
			change = Invalidated
			continue
		}
		if m.f.Len() != before {
			change = max(change, Appended)
			j.reresolve(m)
		}
		// Entries the header counts that the index cannot reach (the file
		// was cut among them) are reported where a reading of the file
		// would report them: once the reading has passed the last entry
		// it can read, with their count (noteDamage). Reading on gets
		// there: said once, when the damage is found, or every poll would
		// wake the follower while a damage waits (a file of a boot not read
		// never reports it).
		if !damaged && m.f.damage != nil {
			change = max(change, Appended)
		}
		kept = append(kept, m)
	}
	j.members = kept
	if j.removeVanished() || j.addNew() {
		change = Invalidated
	}
	if change == Invalidated {
		j.cur, j.loaded = nil, false
	}
	return change, nil
}

// reresolve looks the matches up again in a grown file: a value seen for
// the first time (a unit's first line) has a DATA object only now.
func (j *Journal) reresolve(m *member) {
	if len(j.expr) == 0 {
		return
	}
	if r, err := resolveTerms(m.f, j.expr); err == nil {
		r.cands = m.res.cands // still right for the entries it covers; the new ones are all candidates
		m.res, m.next.valid = r, false
	}
}

// removeVanished drops files deleted from disk (vacuumed).
func (j *Journal) removeVanished() bool {
	if len(j.origin.dirs) == 0 {
		return false
	}
	kept, removed := j.members[:0], false
	for _, m := range j.members {
		if fi, err := m.f.Stat(); err == nil && linkCount(fi) == 0 {
			m.f.Close()
			removed = true
			continue
		}
		kept = append(kept, m)
	}
	j.members = kept
	return removed
}

// addNew opens files that appeared in the directories, or at a named
// file's path (mv new.journal F): the file read until then stays open,
// as a file journald archives does, and the new one is read from where
// the reading stands.
func (j *Journal) addNew() bool {
	paths, err := j.origin.list()
	if err != nil {
		return false
	}
	n := len(j.members)
	_ = j.addPaths(paths, addFollowing)
	return len(j.members) != n
}
