package ui

import (
	"time"

	"connlog/model"
	"connlog/ui/theme"
)

// evictedSeek is what a go-to says of a time before every row of the view
// and before the oldest line held, once the memory budget evicted older
// lines: the time is among those, or before the input began, not merely
// before this view's rows. The cursor then goes to the first row, the gap
// row that tells of them unless a filter hides it. ok is false for any
// other time. The notice takes one line: the words shorten to fit the
// terminal (theme.GotoEvictedForms).
func (m Model) evictedSeek(t time.Time, r seekResult, sn *model.Snapshot) (note string, ok bool) {
	ev := sn.Eviction()
	if r.where != seekBefore || !ev.Partial() || !t.Before(ev.Before) {
		return "", false
	}
	at := ": at the first row"
	if m.live.seqAt(0) == ev.GapSeq {
		at = ": at the gap row"
	}
	forms := theme.GotoEvictedForms(t, ev, timedFrom(sn, sn.End()-1, -1), m.loc(), m.thisYear(), at)
	return theme.Fitting(m.width, forms...), true
}
