package journalfile

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
)

// member is one file of a Journal and the reader's place in it.
type member struct {
	f   *File
	key fileKey
	res resolved
	// split is how many of the file's entries are at or before the
	// journal's location: Next looks at split onwards, Previous before it.
	split int
	// The last answer of nextIn, kept while split and the file's length are
	// unchanged, so that a file with few matches is not rescanned per Next.
	next nextCache
	// bad are the entries found unreadable and reported (see skipRun).
	bad map[int]bool
}

// nextCache is a remembered nextIn result.
type nextCache struct {
	valid      bool
	split, len int
	idx        int
	loc        Location
	found      bool
}

// Journal reads the entries of several journal files as one sequence,
// interleaved as journalctl does, duplicates dropped, filtered by a match
// expression. Not safe for concurrent use.
type Journal struct {
	members []*member
	expr    Expr
	origin  origin     // where the files come from, for rescans
	cache   *pageCache // shared by the files

	watch      *watcher // inotify, once Wait was called; nil when unavailable
	watchTried bool

	loc    Location // the current entry's location, or a sought one
	hasLoc bool
	cur    *member // the current entry's file; nil when there is none
	curIdx int
	meta   EntryMeta
	items  []uint64 // the current entry's DATA offsets, once loaded
	spans  [][2]int // Collect's scratch
	loaded bool
	// problems are the errors of files dropped since Problems was called.
	problems []error
	// readOut counts the files dropped since ReadOutDrops was called
	// that lost nothing: cut behind the reading (see cutBehind).
	readOut int
	// While a Stream's workers read the files, a dropped file is closed
	// only when the Stream stops: its descriptor must not be reused under
	// a worker.
	streaming  bool
	closeLater []*File
	// dropped are the files dropped as unreadable: a rescan of the
	// directories does not open one again (and report its loss again)
	// while it is the same file.
	dropped map[fileKey]bool
	// peeking is set while Peek runs.
	peeking bool
}

// Peek runs fn, a look at the files rather than a reading of them (where
// each boot begins and ends): the unreadable entries and cut indexes it
// steps over are left for the reading that follows, which reports them
// where they stand, under its own matches. A file it has to drop is
// reported: nothing reads it after.
func (j *Journal) Peek(fn func() error) error {
	j.peeking = true
	defer func() { j.peeking = false }()
	return fn()
}

// SetMatches installs a match expression (nil for none) and forgets the
// position: seek before reading on. A file whose matches cannot be looked
// up (it was cut or is corrupted) is dropped, as Next drops one, so that
// it does not hide the others.
func (j *Journal) SetMatches(e Expr) error {
	j.expr = e
	for _, m := range slices.Clone(j.members) {
		r, err := resolve(m.f, e)
		if err != nil {
			j.dropWhole(m, err)
			continue
		}
		m.res, m.next.valid = r, false
	}
	return nil
}

// setAll sets every member's split with fn and forgets the current entry.
// A file fn cannot place (a seek that reads a damaged entry) is dropped.
func (j *Journal) setAll(fn func(m *member) (int, error)) error {
	j.cur, j.loaded = nil, false
	for _, m := range slices.Clone(j.members) {
		s, err := fn(m)
		if err != nil {
			j.dropWhole(m, err)
			continue
		}
		m.split = s
	}
	return nil
}

// SeekHead moves before the first entry.
func (j *Journal) SeekHead() error {
	j.hasLoc = false
	return j.setAll(func(*member) (int, error) { return 0, nil })
}

// SeekTail moves after the last entry: Next then returns only entries
// appended later, Previous the last one.
func (j *Journal) SeekTail() error {
	j.hasLoc = false
	return j.setAll(func(m *member) (int, error) { return m.f.Len(), nil })
}

// SeekRealtime moves before the first entry stamped at or after usec,
// bisecting each file's entries.
func (j *Journal) SeekRealtime(usec uint64) error {
	j.hasLoc = false
	return j.setAll(func(m *member) (int, error) {
		return bisect(m.f, func(e EntryMeta) bool { return e.Realtime >= usec })
	})
}

// SeekCursor moves before the entry a journalctl cursor names (or, when it
// is gone, before where it was): Next then returns it, or the one after.
func (j *Journal) SeekCursor(c string) error {
	l, err := ParseCursor(c)
	if err != nil {
		return err
	}
	j.loc, j.hasLoc = l, true
	return j.setAll(func(m *member) (int, error) {
		sid := m.f.hdr.SeqnumID
		return bisect(m.f, func(e EntryMeta) bool { return Compare(locationOf(sid, e), l) >= 0 })
	})
}

// bisect returns the first entry index for which ok holds, assuming it holds
// for a suffix of the entries. An entry that cannot be read (see
// skippable) is judged by the first readable one after it, which keeps the
// suffix a suffix; Next skips it.
func bisect(f *File, ok func(EntryMeta) bool) (int, error) {
	var err error
	i := sort.Search(f.Len(), func(i int) bool {
		if err != nil {
			return true
		}
		var m EntryMeta
		var found bool
		if m, found, err = readableMetaFrom(f, i); err != nil || !found {
			return true
		}
		return ok(m)
	})
	return i, err
}

// readableMetaFrom returns the metadata of the first entry at or after i
// that can be read; found is false when none can.
func readableMetaFrom(f *File, i int) (m EntryMeta, found bool, err error) {
	for ; i < f.Len(); i++ {
		m, err = f.Meta(i)
		if err == nil {
			return m, true, nil
		}
		if !skippable(err) {
			return m, false, err
		}
	}
	return m, false, nil
}

// Next moves to the next matching entry; false at the end.
func (j *Journal) Next() (bool, error) {
	var best *member
	var bestIdx int
	var bestLoc Location
	for _, m := range slices.Clone(j.members) {
		idx, loc, found, err := j.nextReadable(m)
		if err != nil {
			m.split = idx // the loss begins after the entry before the one that failed
			j.drop(m, err)
			continue
		}
		if !found {
			j.noteDamage(m)
		}
		if found && (best == nil || Compare(loc, bestLoc) < 0) {
			best, bestIdx, bestLoc = m, idx, loc
		}
	}
	if best == nil {
		return false, nil
	}
	j.enter(best, bestIdx, bestLoc)
	for _, m := range j.members {
		if m != best {
			j.skipDuplicate(m)
		}
	}
	return true, nil
}

// nextIn finds the first matching entry of m at or after its split.
func (j *Journal) nextIn(m *member) (int, Location, bool, error) {
	c := &m.next
	if c.valid && c.split == m.split && (c.found || c.len == m.f.Len()) {
		return c.idx, c.loc, c.found, nil
	}
	start := m.split
	if c.valid && !c.found && c.split == m.split {
		start = max(start, c.len) // the entries up to the old length did not match
	}
	*c = nextCache{valid: true, split: m.split, len: m.f.Len()}
	for i := m.res.cands.next(start); i < m.f.Len(); i = m.res.cands.next(i + 1) {
		loc, ok, err := j.candidate(m, i)
		if err != nil {
			c.valid = false
			return i, loc, false, err
		}
		if ok {
			c.idx, c.loc, c.found = i, loc, true
			return i, loc, true, nil
		}
	}
	return 0, Location{}, false, nil
}

// nextReadable is nextIn past the entries of m that cannot be read (see
// skippable), each left behind, all of them reported as one problem.
func (j *Journal) nextReadable(m *member) (int, Location, bool, error) {
	var run skipRun
	for {
		idx, loc, found, err := j.nextIn(m)
		if err == nil || !skippable(err) {
			run.report(j, loc.Realtime)
			return idx, loc, found, err
		}
		run.skip(j, m, idx, err)
		m.split = idx + 1
	}
}

// prevReadable is prevIn past the entries of m that cannot be read. They
// are not reported here: a reader steps back only to read forward from
// there (a window's newest lines, a tail-first block), and Next reports
// them where they stand.
func (j *Journal) prevReadable(m *member) (int, Location, bool, error) {
	for {
		idx, loc, found, err := j.prevIn(m)
		if err == nil || !skippable(err) {
			return idx, loc, found, err
		}
		m.split = idx // prevIn looks below its split
	}
}

// skipDuplicate steps m past an entry equal to the current one: the same
// entry stored in two files is shown once.
func (j *Journal) skipDuplicate(m *member) {
	if idx, loc, found, err := j.nextIn(m); err == nil && found && Compare(loc, j.loc) == 0 {
		m.split = idx + 1
	}
}

// Previous moves to the previous matching entry; false at the start.
func (j *Journal) Previous() (bool, error) {
	type candidate struct {
		m     *member
		idx   int
		loc   Location
		found bool
	}
	var cands []candidate
	for _, m := range slices.Clone(j.members) {
		idx, loc, found, err := j.prevReadable(m)
		if err != nil {
			j.drop(m, err)
			continue
		}
		cands = append(cands, candidate{m, idx, loc, found})
	}
	best := -1
	for k, c := range cands {
		if c.found && (best < 0 || Compare(c.loc, cands[best].loc) > 0) {
			best = k
		}
	}
	if best < 0 {
		return false, nil
	}
	for _, c := range cands {
		c.m.split = 0 // the entries after a file's candidate are past the new location
		if c.found {
			c.m.split = c.idx + 1
		}
	}
	j.enter(cands[best].m, cands[best].idx, cands[best].loc)
	return true, nil
}

// prevIn finds the last matching entry of m before its split that comes
// strictly before the location.
func (j *Journal) prevIn(m *member) (int, Location, bool, error) {
	for i := m.res.cands.prev(m.split - 1); i >= 0; i = m.res.cands.prev(i - 1) {
		loc, ok, err := j.candidate(m, i)
		if err != nil {
			return i, loc, false, err
		}
		if ok && (!j.hasLoc || Compare(loc, j.loc) < 0) {
			return i, loc, true, nil
		}
	}
	return 0, Location{}, false, nil
}

// candidate reads entry i of m and reports whether it matches.
func (j *Journal) candidate(m *member, i int) (Location, bool, error) {
	if len(j.expr) == 0 {
		e, err := m.f.Meta(i)
		if err != nil {
			return Location{}, false, fmt.Errorf("%s: entry %d: %w", m.f.path, i, err)
		}
		return locationOf(m.f.hdr.SeqnumID, e), true, nil
	}
	if m.res.none {
		return Location{}, false, nil
	}
	e, items, err := m.f.Entry(m.f.EntryOffset(i), j.items[:0])
	j.items, j.loaded = items, false
	if err != nil {
		return Location{}, false, fmt.Errorf("%s: entry %d: %w", m.f.path, i, err)
	}
	return locationOf(m.f.hdr.SeqnumID, e), m.res.matches(items), nil
}

// enter makes entry idx of m the current one.
func (j *Journal) enter(m *member, idx int, loc Location) {
	m.split = idx + 1
	j.cur, j.curIdx, j.loc, j.hasLoc, j.loaded = m, idx, loc, true, false
}

// ErrNoEntry is returned by the accessors of the current entry when there
// is none (before the first Next, or after a seek).
var ErrNoEntry = errors.New("no current journal entry")

// Location is the current entry's location.
func (j *Journal) Location() (Location, error) {
	if j.cur == nil {
		return Location{}, ErrNoEntry
	}
	return j.loc, nil
}

// Field appends the value of the current entry's field name to dst; ok is
// false when the entry has no such field. The first value wins when a field
// repeats, as with sd_journal_get_data. DATA objects that cannot be read
// are skipped, as journalctl skips them; when the field is not among the
// others, the error is ErrFieldUnreadable.
func (j *Journal) Field(name string, dst []byte) (value []byte, ok bool, err error) {
	if _, err := j.loadItems(); err != nil {
		return dst, false, err
	}
	var unreadable error
	for _, off := range j.items {
		found, out, err := j.cur.f.HasField(off, name, dst)
		if skippable(err) {
			unreadable = err
			continue
		}
		if err != nil {
			return dst, false, fmt.Errorf("%s: field %s: %w", j.cur.f.path, name, err)
		}
		if found {
			return out, true, nil
		}
	}
	if unreadable != nil {
		return dst, false, fieldUnreadable(j.cur.f.path, name, unreadable)
	}
	return dst, false, nil
}

// ErrFieldUnreadable is wrapped when an entry lacks a field among its DATA
// objects that can be read while some cannot (they were overwritten): the
// field may have been in one of them. journalctl shows such an entry
// without the field.
var ErrFieldUnreadable = errors.New("field not found among the entry's readable data, some of which is unreadable")

// fieldUnreadable is ErrFieldUnreadable for field name of the file at
// path, with why an object of the entry could not be read.
func fieldUnreadable(path, name string, why error) error {
	return fmt.Errorf("%s: field %s: %w (%w)", path, name, ErrFieldUnreadable, why)
}

// UniqueValues returns every value of a field across the files, sorted.
// A file whose values cannot be read is dropped, its values left out: the
// chain of a field's values starts at its newest, which a cut file lacks.
func (j *Journal) UniqueValues(field string) ([]string, error) {
	seen := map[string]bool{}
	for _, m := range slices.Clone(j.members) {
		fileSeen := map[string]bool{}
		err := m.f.FieldValues(field, func(v []byte) { fileSeen[string(v)] = true })
		if err != nil {
			j.dropWhole(m, err)
			continue
		}
		maps.Copy(seen, fileSeen)
	}
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	sort.Strings(out)
	return out, nil
}

// Close closes every file.
func (j *Journal) Close() error {
	var first error
	for _, m := range j.members {
		if err := m.f.Close(); err != nil && first == nil {
			first = err
		}
	}
	j.members = nil
	if j.watch != nil {
		j.watch.close()
		j.watch = nil
	}
	return first
}

// Problems returns, once, the errors of files dropped because they could
// no longer be read.
func (j *Journal) Problems() []error {
	p := j.problems
	j.problems = nil
	return p
}

// ReadOutDrops returns, once, how many files were dropped since the last
// call after every entry they held was read (cut behind the reading):
// nothing of them is lost, but an entry the reading stood on in one is
// gone with it, and seeking it again finds only the entries after it.
func (j *Journal) ReadOutDrops() int {
	n := j.readOut
	j.readOut = 0
	return n
}

// drop removes a file that can no longer be read and remembers why.
func (j *Journal) drop(m *member, err error) {
	// The drop reports the file's whole loss, its damage included: one
	// gap. Its time is read while the file is open.
	m.f.TakeDamage()
	j.problems = append(j.problems, lost(m, err))
	j.dropped[m.key] = true
	for k, o := range j.members {
		if o == m {
			j.members = append(j.members[:k], j.members[k+1:]...)
			break
		}
	}
	if j.streaming {
		j.closeLater = append(j.closeLater, m.f)
	} else {
		m.f.Close()
	}
	if j.cur == m {
		j.cur, j.loaded = nil, false
	}
}
