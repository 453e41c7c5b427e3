package theme

import "time"

// SpanPhrases says over what time entries range, from the earliest to the
// latest, in the words `connlog summary` and the export dialog both use:
// "from 2026-11-20 07:00:00 UTC", "to 2026-11-20 08:16:39 UTC (1h16m39s)".
// They are two phrases so that a narrow screen breaks the line between
// them, not inside a date.
func SpanPhrases(from, to time.Time, loc *time.Location) []string {
	return []string{"from " + Stamp(from, loc), "to " + Stamp(to, loc) + " (" + to.Sub(from).Round(time.Second).String() + ")"}
}

// Stamp is a time to the second with its zone, as a summary states it;
// "-" for the zero time.
func Stamp(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "-"
	}
	return t.In(loc).Format("2006-01-02 15:04:05 MST")
}
