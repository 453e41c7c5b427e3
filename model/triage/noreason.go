package triage

// NoReason is the value the failure tables count a failed connection under
// when it logged no reason, so that a view can tell that row from a reason.
const NoReason = noReason
