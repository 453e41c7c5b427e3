package theme

import (
	"time"

	"connlog/model"
	"connlog/model/query"
)

// The words every place that speaks of "everything" (an export's result,
// an empty search or filter, a window that misses, the triage views'
// headings) uses to say that the memory budget evicted older lines, so
// that they read alike wherever they are seen.

// EvictedClause says what the budget cost: "1,828,846 older lines (before
// 2026-02-09 08:34:38) were evicted by --max-memory".
func EvictedClause(ev model.Eviction, loc *time.Location) string {
	verb := " were"
	if ev.Lines == 1 {
		verb = " was"
	}
	return Plural(ev.Lines, "older line") + " (before " + ev.Before.In(loc).Format(time.DateTime) + ")" + verb +
		" evicted by --max-memory"
}

// EvictedHeading says over a count of the view which entries it is of:
// "of the last 1,507,674 entries; 1,828,846 older evicted by --max-memory".
func EvictedHeading(ev model.Eviction) string {
	return "of the last " + Plural(ev.Held, "entry") + "; " + Commas(ev.Lines) + " older evicted by --max-memory"
}

// NoMatchHeld says that a search or a filter found nothing in the lines
// held, which are not all the input: "no matches of X in the lines held;
// 1,828,846 older lines (before …) were evicted by --max-memory". what is
// "" or " of X", already made safe to show.
func NoMatchHeld(what string, ev model.Eviction, loc *time.Location) string {
	return "no matches" + what + " in the lines held; " + EvictedClause(ev, loc)
}

// OutsideHeld is query.OutsideSpan over what sn holds: once older lines
// were evicted, it names the span of the part held, not of the input, and
// says what was evicted when the window reaches before that part.
func OutsideHeld(since, until time.Time, sn *model.Snapshot, loc *time.Location) string {
	first, last := sn.Time(sn.First()), sn.Time(sn.End()-1)
	ev := sn.Eviction()
	if !ev.Partial() {
		// The first and the last row in the order read need not be the
		// earliest and the newest: a pipe read beside a file.
		if f, l := sn.ReadSpan(); !f.IsZero() && !l.IsZero() {
			first, last = f, l
		}
		return query.OutsideSpan(since, until, first, last, loc)
	}
	note := query.OutsideSpanOf("the part held", since, until, first, last, loc)
	if note != "" && (since.IsZero() || since.Before(ev.Before)) {
		note += "; " + EvictedClause(ev, loc)
	}
	return note
}

// GotoEvicted says where a time asked for stands when it is before the
// lines held, once the budget evicted older lines (last is the newest
// line's time): before the first entry read, which went with them; among
// them ("2026-02-10 08:30:00 is in the 711,740 older lines evicted by
// --max-memory; the part held spans …"); or, when some were counted
// without being read and where the input begins is not known, before the
// lines held, saying what was evicted.
func GotoEvicted(t time.Time, ev model.Eviction, last time.Time, loc *time.Location) string {
	held := "the part held spans " + query.SpanText(ev.Before, last, loc)
	switch {
	case ev.Earliest.IsZero():
		return t.In(loc).Format(time.DateTime) + " is before the lines held; " + held + "; " + EvictedClause(ev, loc)
	case t.Before(ev.Earliest):
		return "before the first entry (" + ev.Earliest.In(loc).Format(time.DateTime) + "); " + EvictedClause(ev, loc)
	}
	return t.In(loc).Format(time.DateTime) + " is in the " + Commas(ev.Lines) + " older lines evicted by --max-memory; " + held
}
