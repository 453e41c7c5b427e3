package triage

import (
	"time"
)

// Window is a stretch of time, From included, To excluded.
type Window struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Contains reports whether t lies in the window.
func (w Window) Contains(t time.Time) bool { return !t.Before(w.From) && t.Before(w.To) }

// Length is how long the window is.
func (w Window) Length() time.Duration { return w.To.Sub(w.From) }

// Compare says which two windows "what changed" compares. With A set, the
// windows are fixed: A is compared against B (by default the same length
// just before A). Otherwise they trail the newest entry: the last Trailing
// (default 15 minutes) against the same length just before; with Fit (or
// no Trailing), data that spans less than both compares its newer half with
// its older (see TrailingPair).
type Compare struct {
	A, B     Window
	Trailing time.Duration
	Fit      bool
}

// DefaultTrailing is the length of the trailing windows.
const DefaultTrailing = 15 * time.Minute

// slotsPerWindow is how finely trailing windows are kept: their edges fall
// on multiples of about Trailing/slotsPerWindow (a minute for 15 minutes).
const slotsPerWindow = 15

// comparer keeps the tallies "what changed" reads: two fixed windows, or
// the slots of the trailing ones, dropped as the data moves past them.
// While data that may fit spans less than the two trailing windows, its
// slots are a second wide (its halves are whole seconds) and none is
// dropped: the windows' length is known only at the end.
type comparer struct {
	fixed    bool
	a, b     *tally
	win      [2]Window
	cmp      Compare
	length   time.Duration // the trailing length asked for
	fine     bool          // one-second slots, kept while the span may be halved
	seen     int64         // entries counted, in a window or not
	slot     int64         // slot width, ns
	slots    map[int64]*tally
	oldest   int64 // the oldest and newest times seen, ns
	newest   int64
	first    int64 // the first slot kept (of the older window)
	hasSlots bool
	max      int
	lastN    int64  // the slot of the previous entry, found again without
	last     *tally // a map lookup, since entries come mostly in order
}

func newComparer(c Compare, limit int) *comparer {
	if !c.A.From.IsZero() || !c.A.To.IsZero() {
		if c.B == (Window{}) {
			c.B = Window{From: c.A.From.Add(-c.A.Length()), To: c.A.From}
		}
		return &comparer{fixed: true, a: newTally(limit), b: newTally(limit), win: [2]Window{c.A, c.B}, max: limit}
	}
	length := trailingLength(&c)
	cm := &comparer{cmp: c, length: length, slot: int64(trailingSlot(length)), slots: map[int64]*tally{}, max: limit}
	if fits(&c) {
		cm.fine, cm.slot = true, int64(time.Second)
	}
	return cm
}

// add counts an entry of template id at time t.
func (c *comparer) add(t time.Time, id int32, f *facts, reason string) {
	c.seen++
	if c.fixed {
		switch {
		case c.win[0].Contains(t):
			c.a.add(id, f, reason)
		case c.win[1].Contains(t):
			c.b.add(id, f, reason)
		}
		return
	}
	ns := t.UnixNano()
	n := FloorDiv(ns, c.slot)
	if c.hasSlots && !c.fine && n < c.first {
		return // older than both windows
	}
	s := c.last
	if s == nil || n != c.lastN {
		if s = c.slots[n]; s == nil {
			s = newTally(c.max)
			c.slots[n] = s
		}
		c.last, c.lastN = s, n
	}
	s.add(id, f, reason)
	c.see(ns)
}

// see moves the span on to take in ns, and drops what it leaves behind.
func (c *comparer) see(ns int64) {
	starts := !c.hasSlots
	c.hasSlots = true
	if starts || ns < c.oldest {
		c.oldest = ns
	}
	if !starts && ns <= c.newest {
		return
	}
	moved := starts || FloorDiv(ns, c.slot) > FloorDiv(c.newest, c.slot)
	c.newest = ns
	if c.fine && time.Duration(c.newest-c.oldest) >= 2*c.length {
		c.coarsen()
		moved = true
	}
	if moved && !c.fine {
		c.forget()
	}
}

// coarsen merges the one-second slots into the trailing length's, once the
// data spans both windows and it is no longer halved.
func (c *comparer) coarsen() {
	slot := int64(trailingSlot(c.length))
	slots := map[int64]*tally{}
	for n, s := range c.slots {
		m := FloorDiv(n*c.slot, slot)
		if into := slots[m]; into != nil {
			into.merge(s)
		} else {
			slots[m] = s
		}
	}
	c.fine, c.slot, c.slots, c.last = false, slot, slots, nil
}

// forget drops the slots neither trailing window covers any more: those
// before the older window as the newest entry places it.
func (c *comparer) forget() {
	_, b := TrailingWindows(time.Unix(0, c.newest), c.length)
	c.first = FloorDiv(b.From.UnixNano(), c.slot)
	for n := range c.slots {
		if n < c.first {
			delete(c.slots, n)
			if n == c.lastN {
				c.last = nil
			}
		}
	}
}

// windows returns the two windows and their tallies as they stand.
func (c *comparer) windows() (wa, wb Window, a, b *tally) {
	if c.fixed {
		return c.win[0], c.win[1], c.a, c.b
	}
	a, b = newTally(c.max), newTally(c.max)
	if !c.hasSlots {
		wa, wb = TrailingWindows(time.Time{}, c.length)
		return wa, wb, a, b
	}
	wa, wb, _ = TrailingPair(&c.cmp, time.Unix(0, c.oldest), time.Unix(0, c.newest))
	for n, s := range c.slots {
		at := time.Unix(0, n*c.slot)
		switch {
		case wa.Contains(at):
			a.merge(s)
		case wb.Contains(at):
			b.merge(s)
		}
	}
	return wa, wb, a, b
}
