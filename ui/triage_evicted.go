package ui

import (
	"connlog/model"
	"connlog/ui/theme"
)

// A triage view counts the entries held: once the memory budget evicted
// older lines, a line over it says which entries those are (see
// theme.EvictedHeading), for its counts and shares are not the input's.

// triageMode reports whether mode shows a triage view, which the
// eviction note stands over.
func triageMode(mode Mode) bool {
	switch mode {
	case ModeTopN, ModeTemplates, ModeSessions, ModeChanged, ModeCompare:
		return true
	}
	return false
}

// triageNoteLines is how many lines the eviction note takes over a
// triage view: one once the budget evicted lines, none before.
func (m Model) triageNoteLines() int {
	if m.stats.Evicted > 0 {
		return 1
	}
	return 0
}

// triageNote is the eviction note's line, w cells wide; "" when nothing
// was evicted.
func (m Model) triageNote(w int) string {
	if m.triageNoteLines() == 0 {
		return ""
	}
	ev := m.store.Snapshot().Eviction()
	if !ev.Partial() {
		ev = model.Eviction{Lines: m.stats.Evicted, Held: m.stats.Entries - 1}
	}
	return m.styles.Notice.Render(theme.Fit(theme.EvictedHeading(ev), w))
}

// setStats takes the store's counters; the first eviction lays the screen
// out again, for the note it brings takes a line from a triage view.
func (m *Model) setStats(st model.Stats) {
	first := (m.stats.Evicted == 0) != (st.Evicted == 0)
	m.stats = st
	if first {
		m.layout()
	}
}
