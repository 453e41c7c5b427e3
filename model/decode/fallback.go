package decode

import (
	"time"

	"connlog/model"
)

// When the clocks go back (Europe/Berlin's fall-back on the last Sunday of
// October), the hour before reads twice: "02:30" without a zone is two
// instants an hour apart. time.Date picks one, the same for every line, so
// a syslog file's second pass through that hour sorted among its first,
// and since: and until: selected the wrong lines. A file is in write
// order: the first reading of the hour is the earlier instant, and a line
// that would go back in time from the line before, by more than writers'
// jitter but by no more than the clocks went back, is in the second pass.

// fallBackJitter is how far a line may go back in time from the line
// before it and still be read in the same pass of a repeated hour: lines
// of concurrent writers reach a file a little out of order.
const fallBackJitter = time.Minute

// wallClocks places the times a source wrote without a zone, which the
// decoder read in its location (see ownTime, envelope.Context.Location),
// in the pass of a repeated hour that keeps them in write order.
type wallClocks struct {
	loc  *time.Location
	last time.Time // of the source's last line written without a zone
	have bool
}

// reads reports whether e's time is a wall clock the decoder placed in its
// location: only those carry it (zoned times are read in UTC), except a
// journal's own times, which are exact whatever location they carry. A
// location without a zone's changes (UTC) has no hour read twice.
func (w *wallClocks) reads(e *model.Entry) bool {
	return w.loc != time.UTC && e.Time.Location() == w.loc && e.Origin.Journal == nil &&
		!e.Flags.Has(model.FlagTimeInferred)
}

// place returns t, a wall clock in the decoder's location, as the instant
// that follows the source's previous such line in write order, and
// remembers it.
func (w *wallClocks) place(t time.Time) time.Time {
	if early, late, ok := readTwice(t); ok {
		t = early
		if floor := w.last.Add(-fallBackJitter); w.have && early.Before(floor) && !late.Before(floor) {
			t = late
		}
	}
	w.last, w.have = t, true
	return t
}

// readTwice returns the two instants that t's wall clock names in t's
// location when it falls in the hour a fall-back repeats, earlier first,
// and false for any other wall clock.
func readTwice(t time.Time) (early, late time.Time, ok bool) {
	start, end := t.ZoneBounds()
	_, off := t.Zone()
	if !start.IsZero() {
		_, before := start.Add(-time.Second).Zone()
		if back := time.Duration(before-off) * time.Second; back > 0 && t.Sub(start) < back {
			return t.Add(-back), t, true
		}
	}
	if !end.IsZero() {
		_, after := end.Zone()
		if back := time.Duration(off-after) * time.Second; back > 0 && end.Sub(t) <= back {
			return t, t.Add(back), true
		}
	}
	return t, t, false
}
