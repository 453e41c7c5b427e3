package main

import (
	"fmt"
	"io"
	"strings"

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
}

// note is the ingest's status callback. A nil waitNotes says nothing.
func (n *waitNotes) note(states []model.SourceStatus) {
	if n == nil {
		return
	}
	for len(n.told) < len(states) {
		n.told, n.failed, n.down = append(n.told, ""), append(n.failed, false), append(n.down, false)
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

// formatHint points out an input named like an export format: `-f` is
// --follow, and `export -f text app.log` follows a file named "text".
func formatHint(name string) string {
	if _, err := export.ParseFormat(name); err != nil {
		return ""
	}
	return fmt.Sprintf(" (-f is --follow; to choose the format, write --format %s)", name)
}
