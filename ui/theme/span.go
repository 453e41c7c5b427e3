package theme

import "time"

// SpanPhrases says over what time entries range, from the earliest to the
// latest, in the words `connlog summary` and the export dialog both use:
// "from 2026-11-20 07:00:00 UTC", "to 2026-11-20 08:16:39 UTC (1h16m39s)".
// They are two phrases so that a narrow screen breaks the line between
// them, not inside a date. The length is the one between the ends as
// written, which Stamp cuts to the second: 08:00:00 to 08:50:35 is 50m35s
// even when the last line came at 08:50:35.7.
func SpanPhrases(from, to time.Time, loc *time.Location) []string {
	length := to.Truncate(time.Second).Sub(from.Truncate(time.Second))
	return []string{"from " + Stamp(from, loc), "to " + Stamp(to, loc) + " (" + length.String() + ")"}
}

// Stamp is a time to the second with its zone, as a summary states it;
// "-" for the zero time.
func Stamp(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "-"
	}
	return t.In(loc).Format("2006-01-02 15:04:05 MST")
}
