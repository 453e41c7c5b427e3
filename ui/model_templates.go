package ui

import (
	"slices"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/triage"
	"connlog/ui/triageview"
)

// openTemplates shows the templates view of the current view.
func (m Model) openTemplates() (tea.Model, tea.Cmd) {
	job, cmd, ok := m.startTriage(m.keys.Templates, ModeTemplates)
	if !ok {
		return m, nil
	}
	m.tmpl.SetNow(m.now)
	m.tmpl = m.tmpl.Start(job, m.loc())
	return m.showTriage(ModeTemplates), cmd
}

// templatesKey handles a key in the templates view: esc goes back, enter
// filters to a template, the mute key mutes or un-mutes one.
func (m Model) templatesKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if out, cmd, done := m.triageFirst(msg, m.keys.Templates, m.tmpl.Waiting(), m.keys.Triage.Choose, m.keys.Triage.Mute); done {
		return out, cmd
	}
	m.tmpl, _ = m.tmpl.Update(msg)
	var chosen, toggled *triageview.TemplateRow
	m.tmpl, chosen, toggled = m.tmpl.TakeAction()
	switch {
	case toggled != nil && !toggled.Template.Other:
		return m.toggleMute(toggled.Template)
	case chosen != nil && !chosen.Template.Other && !chosen.Muted:
		return m.closeTriage().pivotToTemplate(chosen.Template.Query, chosen.Template.Key, chosen.Template.Exact)
	case chosen != nil || toggled != nil:
		m.notice = "choose a template of the view (not the other row, nor a muted one)"
	}
	return m, nil
}

// toggleMute mutes or un-mutes a template and rebuilds the table's view
// without (or with) its lines; the templates view stays open.
func (m Model) toggleMute(t triage.Template) (tea.Model, tea.Cmd) {
	m.mutes.snapshot = m.store.Snapshot
	m.mutes = m.mutes.toggle(mutedOf(t))
	m.countMutes(m.store.Snapshot())
	m.tmpl = m.tmpl.SetMutes(m.mutes.templates(m.muted))
	nm, cmd := m.applyFilter(m.filter.text, m.filter.tab)
	mm := nm.(Model)
	mm.notice = strconv.Itoa(len(m.mutes.list)) + " muted"
	return mm, cmd
}

// showMuteCounts brings the muted lines' counts shown, in the status line
// and the muted rows of the templates view, to the lines they hide from the
// view, which the filter counts as it builds the view and as lines arrive
// (the count a template had when it was muted goes stale), less those the
// store has evicted since. Both show the one figure: the status line's,
// read as it was drawn, ran ahead of the row's while a big file loaded.
func (m *Model) showMuteCounts(sn *model.Snapshot) {
	shown := m.muted
	m.countMutes(sn)
	// Every frame comes here: the rows are laid out again only for new
	// counts (a report or a mute lays them out with the counts of the time).
	if m.mode == ModeTemplates && len(m.mutes.list) > 0 && !m.tmpl.Waiting() && !slices.Equal(shown, m.muted) {
		m.tmpl = m.tmpl.SetMutes(m.mutes.templates(m.muted))
	}
}

// countMutes takes the counts of the lines the muted templates hide that
// sn holds.
func (m *Model) countMutes(sn *model.Snapshot) {
	first := sn.FirstLine()
	m.mutes.forget(first)
	m.muted = m.mutes.counts(first)
}

// mutedLines is how many lines the muted templates hide, as shown.
func (m Model) mutedLines() int64 {
	var n int64
	for _, c := range m.muted {
		n += c
	}
	return n
}
