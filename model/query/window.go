package query

import "time"

// boundLayout writes a time bound to the nanosecond it needs: a whole
// second has no fraction, so the usual bound reads as it is typed.
const boundLayout = "2006-01-02T15:04:05.999999999"

// BoundText writes t, in loc, as since:, until: and time take it back
// exactly: with its date, and the fraction of a second it has.
func BoundText(t time.Time, loc *time.Location) string {
	return t.In(loc).Format(boundLayout)
}

// Window writes the terms of the half-open window [from, to):
// since:FROM time<TO, so that an entry at TO, the first of what comes
// next (the next bucket of a timeline, the window after), is not in it,
// as until:, which is inclusive, would take it. A zero end is open; both
// zero give "".
func Window(from, to time.Time, loc *time.Location) string {
	var terms []string
	if !from.IsZero() {
		terms = append(terms, Term(keywordSince, BoundText(from, loc)))
	}
	if !to.IsZero() {
		terms = append(terms, "time<"+valueText(BoundText(to, loc)))
	}
	return And(terms...)
}

// ClosedWindow writes the terms of the window [from, to], both ends in,
// as since: and until: take them: in RFC 3339 UTC, which mean the same
// instant in any zone, on any day (a query kept in a file, to be run
// elsewhere and later, must not move). A zero end is open; both zero
// give "".
func ClosedWindow(from, to time.Time) string {
	var terms []string
	for _, b := range []struct {
		keyword string
		t       time.Time
	}{{keywordSince, from}, {keywordUntil, to}} {
		if !b.t.IsZero() {
			terms = append(terms, Term(b.keyword, b.t.UTC().Format(time.RFC3339Nano)))
		}
	}
	return And(terms...)
}
