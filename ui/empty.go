package ui

import (
	"strings"

	"connlog/ui/theme"
)

// emptyNote says why the table has no rows, so that an empty screen tells
// a filter that matches nothing from a tab whose kind of lines the input
// does not hold, and both from a view still being built or an input that
// has sent nothing yet. held is how many entries the store holds.
func (m Model) emptyNote(held int) string {
	more := "yet"
	if m.updatesClosed {
		more = "in this input" // nothing more will come
	}
	filtered := m.filter.text != ""
	switch {
	case m.live.building && filtered:
		return "(filtering…)"
	case m.live.building:
		return "(loading…)"
	case held == 0:
		return "(no entries " + more + m.sourceNote() + ")"
	case filtered:
		return "(no entries match the filter)"
	case m.mutes.lines() > 0:
		return "(every line is muted: " + keyOf(m.keys.Templates) + " lists the templates, " + keyOf(m.keys.Mute) + " un-mutes)"
	case m.filter.tab != TabAll:
		return "(no " + m.filter.tab.noun() + " " + more + ")"
	}
	return "(no entries match)"
}

// sourceNote is why the one input sends nothing, when it says so: it
// failed, or waits for its file to appear. The status line has little room
// for it.
func (m Model) sourceNote() string {
	if len(m.sources) != 1 {
		return ""
	}
	why := m.sources[0].Err
	if why == "" && strings.HasPrefix(m.sources[0].State, "waiting") {
		why = m.sources[0].State
	}
	if why == "" {
		return ""
	}
	return ": " + theme.Clean(why)
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
