package triage

import "time"

// NoReason is the value the failure tables count a failed connection under
// when it logged no reason, so that a view can tell that row from a reason.
const NoReason = noReason

// Usable reports whether t is a time the timeline and the windows count:
// times outside 1990–2200 are taken for garbage, as Add takes them.
func Usable(t time.Time) bool { return usableTime(t) }
