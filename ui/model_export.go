package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"
)

// openExport opens the export dialog over the state as it is now.
func (m Model) openExport() (tea.Model, tea.Cmd) {
	if m.live.view == nil || m.live.building {
		// Export what the filter selects, not what it selected before:
		// the dialog opens when the view is built.
		m.exportPending = true
		m.notice = "the filter is being applied: the export dialog opens when it is done"
		return m, nil
	}
	m.exportPending, m.notice = false, ""
	src := &exportSource{store: m.store, sn: m.store.Snapshot(), view: *m.live.view, query: m.filter.text,
		tab: m.filter.tab, loc: m.loc(), sources: m.sources, now: m.cfg.now(), day: m.dataDay(), version: m.cfg.Version, fleet: m.cfg.Fleet}
	src.selFrom, src.selTo = m.sel.bounds()
	for _, t := range m.mutes.list {
		src.muted = append(src.muted, t.text)
	}
	for seq := range m.marks {
		src.marks = append(src.marks, seq)
	}
	slices.Sort(src.marks)
	var scopes []Scope
	if src.selFrom != 0 {
		scopes = append(scopes, ScopeSelection)
	}
	if len(src.marks) > 0 {
		scopes = append(scopes, ScopeMarked)
	}
	scopes = append(scopes, ScopeView, ScopeWindow)
	var cmd tea.Cmd
	m.dialog, cmd = m.dialog.Open(src, scopes, scopes[0])
	m.mode = ModeExport
	return m, cmd
}

// dialogKey sends a key to the dialog and closes it when it is done.
func (m Model) dialogKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.dialog, cmd = m.dialog.Update(msg)
	if !m.dialog.IsOpen() {
		m.mode = ModeNormal
	}
	return m, cmd
}

// routeDialog hands the dialog the results of its commands.
func (m Model) routeDialog(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case exportPlanMsg, exportTickMsg, exportDoneMsg, completeMsg:
		var cmd tea.Cmd
		m.dialog, cmd = m.dialog.Update(msg)
		return m, cmd
	}
	var cmd tea.Cmd
	m.bar, cmd = m.bar.Update(msg) // the bar's own debounce timer
	return m, cmd
}
