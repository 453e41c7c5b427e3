package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/filterbar"
)

// onKey sends a key to the component the mode gives the keyboard to.
func (m Model) onKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if m.dialog.Busy() && key.Matches(msg, m.keys.Quit, m.keys.ForceQuit) {
		return m.quitDuringExport()
	}
	if key.Matches(msg, m.keys.ForceQuit) {
		m.live.cancelBuild()
		return m, tea.Quit
	}
	if out, cmd, held := m.pivotKey(msg); held {
		return out, cmd
	}
	if m.holdKey(msg) {
		m.holdKeyPress(msg)
		return m, nil
	}
	if out, cmd, done := m.topWaitKey(msg); done {
		return out, cmd
	}
	switch m.mode {
	case ModeFilter:
		var cmd tea.Cmd
		var ev filterbar.Event
		m.bar, cmd = m.bar.Update(msg)
		if m.bar, ev = m.bar.TakeEvent(); ev != nil {
			return m.onBarEvent(ev)
		}
		return m, cmd
	case ModeGoto:
		return m.gotoKey(msg)
	case ModePivot:
		var term string
		var chosen bool
		m.pivot, _ = m.pivot.Update(msg)
		if m.pivot, term, chosen = m.pivot.TakeChoice(); chosen {
			return m.onPivotChosen(term)
		}
		if !m.pivot.Open() {
			m.mode = ModeNormal
			m.layout()
		}
		return m, nil
	case ModeHelp:
		if key.Matches(msg, m.keys.Help, m.keys.Menu.Close, m.keys.Quit) {
			m.mode = ModeNormal
			return m, nil
		}
		// Scrolled over the lines it draws, inputs included, so that its
		// last offset reaches the end of the note.
		m.help, _ = m.help.WithInputs(m.inputLines()).Update(msg)
		return m, nil
	case ModeExport:
		return m.dialogKey(msg)
	case ModeTopN:
		return m.topNKey(msg)
	case ModeTemplates:
		return m.templatesKey(msg)
	case ModeSessions:
		return m.sessionsKey(msg)
	case ModeChanged:
		return m.changedKey(msg)
	case ModeCompare:
		return m.compareKey(msg)
	}
	if out, cmd, ok := m.timelineKey(msg); ok {
		return out, cmd
	}
	return m.normalKey(msg)
}

// isMove reports whether a key moves the cursor or scrolls.
func (m Model) isMove(msg tea.KeyPressMsg) bool {
	k := m.keys
	return key.Matches(msg, k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom)
}

// normalKey handles the keys of the table and detail pane.
func (m Model) normalKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	if m.isMove(msg) {
		if m.focus == FocusDetail && m.showDetail {
			m.detail, _ = m.detail.Update(msg)
			return m, nil
		}
		m.table, _ = m.table.Update(msg)
		m.topPin = 0
		m.dropRowNote()
		if m.gotoWait.active() {
			m.gotoWait, m.notice = gotoWait{}, ""
		}
		m.topWait = false
		if key.Matches(msg, k.Top) {
			m.topPin = m.table.CursorSeq()
			m.startTopWait()
		}
		return m.afterMove(key.Matches(msg, k.Bottom))
	}
	m.notice = ""
	switch {
	case key.Matches(msg, k.Left, k.Right):
		m.table, _ = m.table.Update(msg)
		return m, nil
	case key.Matches(msg, k.Quit):
		m.live.cancelBuild()
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.mode = ModeHelp
		return m, nil
	case key.Matches(msg, k.Tab1, k.Tab2, k.Tab3, k.Tab4, k.Tab5):
		return m.setTab(k.tabOf(msg))
	case key.Matches(msg, k.Follow):
		return m.toggleFollow()
	case key.Matches(msg, k.UTC):
		m.utc = !m.utc
		var cmd tea.Cmd
		m.detail, cmd = m.detail.SetLocation(m.loc())
		if m.filter.readsTime() {
			// A time in the filter is read in the zone the table shows:
			// shown in another, the same text means the new zone's time.
			nm, refilter := m.applyFilter(m.filter.text, m.filter.tab)
			return nm, tea.Batch(cmd, refilter)
		}
		return m, cmd
	case key.Matches(msg, k.Detail):
		m.showDetail = !m.showDetail
		if !m.showDetail {
			m.focus = FocusTable
		}
		m.layout()
		return m, m.loadDetail()
	case key.Matches(msg, k.Focus):
		if m.showDetail && m.focus == FocusTable {
			m.focus = FocusDetail
		} else {
			m.focus = FocusTable
		}
		m.layout()
		return m, nil
	}
	return m.actionKey(msg)
}

// actionKey handles the keys that filter, jump, select and export.
func (m Model) actionKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Filter):
		return m.openBar()
	case key.Matches(msg, k.Pivot):
		return m.openPivot(false)
	case key.Matches(msg, k.Exclude):
		return m.openPivot(true)
	case key.Matches(msg, k.Conn):
		return m.connectionFilter()
	case key.Matches(msg, k.NextError, k.PrevError, k.NextWarn, k.PrevWarn):
		return m.levelJump(msg)
	case key.Matches(msg, k.NextMatch):
		return m.searchJump(true)
	case key.Matches(msg, k.PrevMatch):
		return m.searchJump(false)
	case key.Matches(msg, k.GotoTime):
		return m.openGoto()
	case key.Matches(msg, k.Pair):
		return m.pairJump()
	case key.Matches(msg, k.Visual, k.Mark, k.ClearMarks, k.Copy):
		return m.selectKey(msg)
	case key.Matches(msg, k.Export):
		return m.openExport()
	case key.Matches(msg, k.TopN):
		return m.openTopN()
	case key.Matches(msg, k.Templates):
		return m.openTemplates()
	case key.Matches(msg, k.Sessions):
		return m.openSessions()
	case key.Matches(msg, k.Changed):
		return m.openChanged()
	case key.Matches(msg, k.Cancel):
		return m.escape()
	}
	return m, nil
}

// afterMove applies the follow rules after the cursor moved: moving off the
// newest row pauses, G (or reaching the end with G) resumes.
func (m Model) afterMove(toEnd bool) (tea.Model, tea.Cmd) {
	switch {
	case toEnd:
		m.follow, m.newSince = Following, 0
	case !m.table.AtEnd():
		m.pause()
	}
	m.sel.extendTo(m.table.CursorSeq())
	m.peek = 0
	return m, m.loadDetail()
}

// pause stops following, noting where the store ended: the entries after
// it are the new ones the status line counts, in whatever view is built
// while paused.
func (m *Model) pause() {
	if m.follow == Following {
		m.follow, m.pausedEnd = Paused, m.store.Snapshot().End()
	}
}

// toggleFollow pauses, or resumes at the newest row.
func (m Model) toggleFollow() (tea.Model, tea.Cmd) {
	if m.follow == Following {
		m.pause()
		return m, nil
	}
	m.table.MoveTo(m.live.len() - 1)
	return m.afterMove(true)
}

// onMouse scrolls with the wheel (only reported when Config.Mouse is set).
func (m Model) onMouse(msg tea.MouseWheelMsg) (tea.Model, tea.Cmd) {
	if !m.cfg.Mouse || m.mode != ModeNormal {
		return m, nil
	}
	switch msg.Mouse().Button {
	case tea.MouseWheelUp:
		m.table.MoveBy(-3)
	case tea.MouseWheelDown:
		m.table.MoveBy(3)
	default:
		return m, nil
	}
	m.dropRowNote()
	return m.afterMove(false)
}

// onPaste hands a bracketed paste, whole, to the prompt that has the
// keyboard; elsewhere pasted text is not a string of commands and is
// dropped.
func (m Model) onPaste(msg tea.PasteMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.mode {
	case ModeFilter:
		m.bar, cmd = m.bar.Update(msg)
	case ModeGoto:
		m.gotoIn, cmd = m.gotoIn.Update(msg)
	case ModeCompare:
		m.cmpIn, cmd = m.cmpIn.Update(msg)
	case ModeExport:
		m.dialog, cmd = m.dialog.Update(msg)
	}
	return m, cmd
}
