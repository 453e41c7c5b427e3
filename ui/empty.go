package ui

import (
	"strings"

	"connlog/model"
	"connlog/ui/theme"
)

// emptyNote says why the table has no rows, so that an empty screen tells
// a filter that matches nothing from a tab whose kind of lines the input
// does not hold, and both from a view still being built or an input that
// has sent nothing yet. held is how many entries the store holds. A
// filter's note also names the inputs not read at all: their lines, of
// unknown time, may be what it looked for.
func (m Model) emptyNote(held int) string {
	note := m.emptyReason(held)
	if m.filter.text == "" || m.live.building {
		return note
	}
	// Every filtered reason is one parenthesis, which the clause joins.
	if nr := theme.NotReadClause(m.stats.Loss); nr != "" {
		return strings.TrimSuffix(note, ")") + "; " + nr + ")"
	}
	return note
}

// emptyReason is emptyNote without the inputs not read.
func (m Model) emptyReason(held int) string {
	more := "yet"
	if m.inputEnded() {
		more = "in this input" // nothing more will come
	}
	filtered := m.filter.text != ""
	switch {
	case m.live.building && filtered:
		return "(filtering…)"
	case m.live.building:
		return "(loading…)"
	case held == 0 && m.windowMiss != "":
		return "(" + m.windowMiss + ")"
	case held == 0:
		return "(no entries" + m.whyNoEntries(more) + ")"
	case filtered && m.windowNote() != "":
		// Said here whether the window was typed or came from the command
		// line, whose first view is built before any line is read.
		return "(" + m.windowNote() + ")"
	case filtered && m.store.Snapshot().Eviction().Partial():
		return "(" + theme.NoMatchHeld("", m.store.Snapshot().Eviction(), m.loc()) + ")"
	case filtered:
		return "(no entries match the filter)"
	case m.mutedLines() > 0:
		return "(every line is muted: " + keyOf(m.keys.Templates) + " lists the templates, " + keyOf(m.keys.Mute) + " un-mutes)"
	case m.filter.tab != TabAll:
		return "(no " + m.filter.tab.noun() + " " + more + ")"
	}
	return "(no entries match)"
}

// whyNoEntries completes "(no entries" for an input that sent none: the
// one input's error, or the file it waits for, which the status line has
// little room for; else more ("yet", "in this input").
func (m Model) whyNoEntries(more string) string {
	if len(m.sources) == 1 {
		switch s := m.sources[0]; {
		case s.Err != "":
			return ": " + theme.Clean(s.Err)
		case strings.HasPrefix(s.State, model.StateWaiting):
			return " yet: " + theme.Clean(s.State)
		}
	}
	return " " + more
}

// noun names the lines a tab shows, as an empty tab says it has none.
func (t Tab) noun() string {
	switch t {
	case TabConnections:
		return "connection events (ANALYTICS)"
	case TabService:
		return "service or text lines"
	case TabAudit:
		return "audit records"
	case TabFlows:
		return "Tailscale flows or Pangolin sessions"
	}
	return "entries"
}
