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
// (default 15 minutes) against the same length just before.
type Compare struct {
	A, B     Window
	Trailing time.Duration
}

// DefaultTrailing is the length of the trailing windows.
const DefaultTrailing = 15 * time.Minute

// slotsPerWindow is how finely trailing windows are kept: their edges fall
// on multiples of Trailing/slotsPerWindow (a minute for 15 minutes).
const slotsPerWindow = 15

// comparer keeps the tallies "what changed" reads: two fixed windows, or
// the slots of the trailing ones, dropped as the data moves past them.
type comparer struct {
	fixed    bool
	a, b     *tally
	win      [2]Window
	slot     int64 // slot width, ns
	slots    map[int64]*tally
	newest   int64 // newest slot number
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
	if c.Trailing <= 0 {
		c.Trailing = DefaultTrailing
	}
	slot := max(int64(c.Trailing)/slotsPerWindow, int64(time.Second))
	return &comparer{slot: slot, slots: map[int64]*tally{}, max: limit}
}

// add counts an entry of template id at time t.
func (c *comparer) add(t time.Time, id int32, f *facts, reason string) {
	if c.fixed {
		switch {
		case c.win[0].Contains(t):
			c.a.add(id, f, reason)
		case c.win[1].Contains(t):
			c.b.add(id, f, reason)
		}
		return
	}
	n := FloorDiv(t.UnixNano(), c.slot)
	if c.hasSlots && n <= c.newest-2*slotsPerWindow {
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
	if !c.hasSlots || n > c.newest {
		c.newest, c.hasSlots = n, true
		c.forget()
	}
}

// forget drops the slots neither trailing window covers any more.
func (c *comparer) forget() {
	for n := range c.slots {
		if n <= c.newest-2*slotsPerWindow {
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
	end := (c.newest + 1) * c.slot
	mid := end - slotsPerWindow*c.slot
	start := mid - slotsPerWindow*c.slot
	for n, s := range c.slots {
		switch {
		case n*c.slot >= mid:
			a.merge(s)
		case n*c.slot >= start:
			b.merge(s)
		}
	}
	wa = Window{From: time.Unix(0, mid).UTC(), To: time.Unix(0, end).UTC()}
	wb = Window{From: time.Unix(0, start).UTC(), To: time.Unix(0, mid).UTC()}
	return wa, wb, a, b
}
