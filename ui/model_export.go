package ui

import (
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/ui/exportdialog"
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
	m.exportFed = m.cfg.now()
	src := m.exportSource()
	var scopes []exportdialog.Scope
	if src.SelFrom != 0 {
		scopes = append(scopes, exportdialog.ScopeSelection)
	}
	if len(src.Marks) > 0 {
		scopes = append(scopes, exportdialog.ScopeMarked)
	}
	scopes = append(scopes, exportdialog.ScopeView, exportdialog.ScopeWindow)
	var cmd tea.Cmd
	m.dialog, cmd = m.dialog.Open(src, scopes, scopes[0])
	m.mode = ModeExport
	return m, cmd
}

// exportSource is the state an export is taken from, as it is now.
func (m Model) exportSource() *exportdialog.Source {
	opt := m.timeOptions()
	sn := m.store.Snapshot()
	src := &exportdialog.Source{Store: m.store, Snapshot: sn, View: *m.live.view, Query: m.filter.text, QueryOpt: m.filter.opt,
		Kinds: exportKinds(m.filter.tab), Location: m.loc(), Sources: m.sources, Version: m.cfg.Version, Fleet: m.manyHosts(sn), Inputs: m.cfg.Inputs, Opened: m.cfg.Opened,
		ParseTime: func(s string) (time.Time, error) { return parseGotoTime(s, opt) }, Indexing: m.indexing(sn)}
	src.SelFrom, src.SelTo = m.sel.bounds()
	for _, t := range m.mutes.list {
		src.Muted = append(src.Muted, t.text)
	}
	for seq := range m.marks {
		src.Marks = append(src.Marks, seq)
	}
	slices.Sort(src.Marks)
	return src
}

// indexing names what of the input is still being indexed before the
// rows of the view ("big.log 43% (1.0 GB)"): a file read tail first whose
// head is not all stored, or stored rows the view has not taken in yet;
// "" when the view holds every row read. Rows appended to a followed file
// are not waited for: they keep coming.
func (m Model) indexing(sn *model.Snapshot) string {
	var names []string
	for _, s := range m.sources {
		if rest, ok := strings.CutPrefix(s.State, model.StateIndexing); ok && !s.Done && s.Err == "" {
			names = append(names, s.Name+rest)
		}
	}
	if len(names) == 0 && (m.live.building || m.live.view == nil || m.live.view.PendingFront(sn)) {
		return "the last rows read"
	}
	return strings.Join(names, ", ")
}

// exportRefreshEvery is how often an export dialog open while the input
// is indexed is given the rows indexed since: each time it counts the
// scope's rows anew, in a Cmd.
const exportRefreshEvery = time.Second

// feedExport gives an export dialog that follows the indexing (see
// exportdialog.Model.Following) the state as it is now: at most every
// exportRefreshEvery while the indexing goes on, and at once when it
// has ended, which a dialog waiting to write waits for.
func (m *Model) feedExport() tea.Cmd {
	if m.mode != ModeExport || !m.dialog.Following() {
		return nil
	}
	sn := m.store.Snapshot()
	if m.indexing(sn) != "" && m.cfg.now().Sub(m.exportFed) < exportRefreshEvery {
		return nil
	}
	m.exportFed = m.cfg.now()
	var cmd tea.Cmd
	m.dialog, cmd = m.dialog.Refresh(m.exportSource())
	return cmd
}

// exportKinds are the kinds an export of a tab's view holds, for the
// formats whose columns depend on the kind (nil: every kind).
func exportKinds(t Tab) []model.Kind {
	switch t {
	case TabConnections:
		return []model.Kind{model.KindAnalytics}
	case TabAudit:
		return []model.Kind{model.KindAudit}
	}
	return nil
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

// routeOthers hands the components the messages the root does not handle:
// the results of their own commands (the dialog's plan, progress, write
// and completion; the bar's debounce timer; the detail pane's card), which
// each ignores when they are not its own.
func (m Model) routeOthers(msg tea.Msg) (tea.Model, tea.Cmd) {
	var toDialog, toBar, toDetail tea.Cmd
	m.dialog, toDialog = m.dialog.Update(msg)
	m.bar, toBar = m.bar.Update(msg)
	m.detail, toDetail = m.detail.Update(msg)
	return m, tea.Batch(toDialog, toBar, toDetail)
}
