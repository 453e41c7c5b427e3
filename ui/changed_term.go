package ui

import (
	"time"

	"connlog/model"
	"connlog/model/query"
	"connlog/model/triage"
)

// changeTerm is the query term that narrows the view to the rows a row of
// the what-changed view counts, built as the top-N and templates views
// build theirs, with a note when it is wider than the row: within the
// windows the row counts in (now is a, before is b), and for a user or a
// resource that started failing, to its failures and denials, which are
// all the row counts of it.
func changeTerm(c triage.Change, a, b triage.Window, loc *time.Location) (term, note string) {
	switch c.What {
	case "template":
		if c.Template == triage.Other {
			return "", ""
		}
		term = c.Query // its note is the count of other templates' lines (pivotToTemplate)
	case "failure":
		term, _ = failureTerm(c.Value)
		note = failureNote
	case "user", "resource":
		term = query.And(query.Term(c.What, c.Value), failedOrDeniedTerm())
	default:
		return "", ""
	}
	return query.And(term, windowsTerm(c, a, b, loc)), note
}

// windowsTerm is the windows a row of the what-changed view counts in:
// now (a), before (b), or both.
func windowsTerm(c triage.Change, a, b triage.Window, loc *time.Location) string {
	var ws []string
	for _, w := range []struct {
		win   triage.Window
		count int64
	}{{a, c.A}, {b, c.B}} {
		if w.count > 0 && w.win != (triage.Window{}) {
			ws = append(ws, query.Window(w.win.From, w.win.To, loc))
		}
	}
	if len(ws) == 2 && a.From.Equal(b.To) {
		return query.Window(b.From, a.To, loc) // one stretch of time
	}
	return query.Or(ws...)
}

// failedOrDeniedTerm matches what the tables count as a failure or a
// denial (triage.Marks): a failed or denied connection event, an audit
// record whose access was not granted, a Linux audit record that failed
// or was denied.
func failedOrDeniedTerm() string {
	return query.Or(query.Term("event", model.EventFailed), query.Term("event", model.EventDenied),
		query.Term("granted", "false"), linuxAuditFailedTerm(), linuxAuditDeniedTerm())
}
