package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"connlog/model"
	"connlog/model/export"
	"connlog/model/inert"
)

// waitNotes says on standard error when a followed input cannot be read
// and when it is read again, as tail -F does. A headless follow has no
// status line: without them, `connlog export -f` of a mistyped path (or
// `-f text`, meant as the format) waits in silence.
type waitNotes struct {
	w      io.Writer
	told   []string // the waiting state last told of each input, "" while it reads
	failed []bool   // the inputs whose failure was told
	down   []bool   // the log stores told to be down, until told to answer again
	late   []int64  // how many late entries of each input were told
	lateAt []time.Time
	now    func() time.Time // nil: time.Now
}

// note is the ingest's status callback. A nil waitNotes says nothing.
func (n *waitNotes) note(states []model.SourceStatus) {
	if n == nil {
		return
	}
	for len(n.told) < len(states) {
		n.told, n.failed, n.down = append(n.told, ""), append(n.failed, false), append(n.down, false)
		n.late, n.lateAt = append(n.late, 0), append(n.lateAt, time.Time{})
	}
	for i, s := range states {
		if s.Done && s.Err != "" && !n.failed[i] {
			// An export that runs until stopped must not hide, until then,
			// that an input's lines are missing from it (too many open
			// files among a glob's matches, a file it may not read).
			fmt.Fprintf(n.w, "connlog: %s: %s — its lines are missing from the export, which goes on with the others\n",
				inert.Sanitize(s.Name), inert.Sanitize(s.Err))
			n.failed[i] = true
		}
		n.noteDown(i, s)
		n.noteLate(i, s)
		waiting := !s.Done && strings.HasPrefix(s.State, model.StateWaiting)
		switch {
		case waiting && s.State != n.told[i]:
			fmt.Fprintf(n.w, "connlog: %s%s\n", inert.Sanitize(s.State), formatHint(s.Name))
			n.told[i] = s.State
		case !waiting && n.told[i] != "":
			// An input that ended meanwhile (the follow was stopped, or it
			// failed and says why) was not found again.
			if !s.Done && s.Err == "" {
				fmt.Fprintf(n.w, "connlog: %s is there now: following it\n", inert.Sanitize(s.Name))
			}
			n.told[i] = ""
		}
	}
}

// noteDown tells, once, that the log store of input i stopped answering
// (its state counts the seconds: only the first is told), and, once, that
// it answers again.
func (n *waitNotes) noteDown(i int, s model.SourceStatus) {
	down := !s.Done && strings.HasPrefix(s.State, model.StateDown)
	switch {
	case down && !n.down[i]:
		fmt.Fprintf(n.w, "connlog: %s: %s — the export goes on when it answers\n", inert.Sanitize(s.Name), inert.Sanitize(s.State))
	case !down && n.down[i] && !s.Done:
		fmt.Fprintf(n.w, "connlog: %s answers again: following it\n", inert.Sanitize(s.Name))
	}
	n.down[i] = down
}

// lateNoteEvery spaces the notes of late entries: a host whose clock runs
// ahead of the others makes theirs late all the time, and one line every
// status report would bury the rest of standard error.
const lateNoteEvery = time.Minute

// noteLate tells of the entries input i handed on after newer ones had
// been written (see model.LateRows): a stream cannot take back what it
// wrote, so they are written as they come, and told at most every
// lateNoteEvery, and when the input ends.
func (n *waitNotes) noteLate(i int, s model.SourceStatus) {
	more := s.Late.Count - n.late[i]
	now := n.clock()
	if more <= 0 || !s.Done && !n.lateAt[i].IsZero() && now.Sub(n.lateAt[i]) < lateNoteEvery {
		return
	}
	what := "1 entry"
	if more > 1 {
		what = fmt.Sprintf("%d entries", more)
	}
	if n.late[i] > 0 {
		what = strings.Replace(what, " ", " more ", 1)
	}
	fmt.Fprintf(n.w, "connlog: %s: %s came from the store after newer ones were written (the latest: %s, host %s): "+
		"written now, after them — `connlog export` without -f writes in time order\n",
		inert.Sanitize(s.Name), what, s.Late.Time.UTC().Format("2006-01-02T15:04:05.000Z07:00"), inert.Sanitize(s.Late.Host))
	n.late[i], n.lateAt[i] = s.Late.Count, now
}

// clock is the time the notes go by.
func (n *waitNotes) clock() time.Time {
	if n.now != nil {
		return n.now()
	}
	return time.Now()
}

// formatHint points out an input named like an export format: `-f` is
// --follow, and `export -f text app.log` follows a file named "text".
func formatHint(name string) string {
	if _, err := export.ParseFormat(name); err != nil {
		return ""
	}
	return fmt.Sprintf(" (-f is --follow; to choose the format, write --format %s)", name)
}
