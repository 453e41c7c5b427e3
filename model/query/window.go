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
