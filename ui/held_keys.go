package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// maxHeldKeys bounds the keys held while a view is built; past it a held
// key's repeats are dropped rather than let act out of order.
const maxHeldKeys = 256

// holdKey reports whether a key typed while the view of a new filter is
// being built waits for that view: every key that acts on the view or on
// the row under the cursor (a move, a jump, a pivot menu, a connection,
// the detail pane, a selection, an export, a go-to, a tab, the strip's
// moves, the key of a triage view), typed with the enter that applied the
// filter or faster than the build, so that it acts on the rows it was
// typed for, and every key after a held one, so that they act in order.
// Only the keys blind to the view act at once (see actsAtOnce).
func (m Model) holdKey(msg tea.KeyPressMsg) bool {
	if !m.live.building || m.mode != ModeNormal {
		return false
	}
	if key.Matches(msg, m.keys.Quit) && !m.heldOpensOverlay() {
		return false // quitting does not wait for the view
	}
	return len(m.heldKeys) > 0 || !m.actsAtOnce(msg)
}

// heldOpensOverlay reports whether a held key opens something that takes
// the keyboard: the help, the bar, the go-to prompt, the export dialog or
// the pivot menu. A q typed after it is that overlay's key, not the
// table's (it closes the help, it is a letter of a query or a path), and
// waits with it: quitting at once would quit from inside the overlay.
func (m Model) heldOpensOverlay() bool {
	k := m.keys
	for _, held := range m.heldKeys {
		if key.Matches(held, k.Help, k.Filter, k.GotoTime, k.Export, k.Pivot, k.Exclude) {
			return true
		}
	}
	return false
}

// actsAtOnce reports whether a key of the table acts the same whatever
// view is shown, and so need not wait for the one being built: the help
// screen, and the bar and esc, which type another filter or clear the one
// being applied (a slow build is not to be waited for to be replaced).
func (m Model) actsAtOnce(msg tea.KeyPressMsg) bool {
	k := m.keys
	return key.Matches(msg, k.Help, k.Filter, k.Cancel)
}

// holdKeyPress keeps a key holdKey holds, up to maxHeldKeys.
func (m *Model) holdKeyPress(msg tea.KeyPressMsg) {
	if len(m.heldKeys) < maxHeldKeys {
		m.heldKeys = append(m.heldKeys, msg)
	}
}

// replayHeldKeys feeds the keys held while the view was built through
// Update, now that it is shown.
func (m Model) replayHeldKeys() (tea.Model, tea.Cmd) {
	held := m.heldKeys
	m.heldKeys = nil
	return m.onBurst(held)
}

// holdTriageKey reports whether a key typed in a triage view waits for the
// view's first report: an action on a row (acts, the ones the view takes)
// typed while there is no row yet, as when the keys arrive with the one
// that opened the view or faster than the count, and every key after a
// held one, so that they act in order once the rows are shown. The moves
// before the first held key wait in the view itself (it replays them on
// its report); leaving the view or quitting never waits, and drops what
// was held for it.
func (m Model) holdTriageKey(msg tea.KeyPressMsg, waiting bool, own key.Binding, acts ...key.Binding) bool {
	if key.Matches(msg, m.keys.Menu.Close, m.keys.Quit, m.keys.ForceQuit, own) {
		return false
	}
	return len(m.triageHeld) > 0 || (waiting && key.Matches(msg, acts...))
}

// holdTriageKeyPress keeps a key holdTriageKey holds, up to maxHeldKeys.
func (m *Model) holdTriageKeyPress(msg tea.KeyPressMsg) {
	if len(m.triageHeld) < maxHeldKeys {
		m.triageHeld = append(m.triageHeld, msg)
	}
}

// replayTriageKeys feeds the keys held for a triage view's first report
// through Update once the view shows it (or why it could not count).
func (m Model) replayTriageKeys() (tea.Model, tea.Cmd) {
	if len(m.triageHeld) == 0 || m.triageWaiting() {
		return m, nil
	}
	held := m.triageHeld
	m.triageHeld = nil
	return m.onBurst(held)
}

// triageWaiting reports whether the triage view shown has no report yet.
func (m Model) triageWaiting() bool {
	switch m.mode {
	case ModeTopN:
		return m.topN.Waiting()
	case ModeTemplates:
		return m.tmpl.Waiting()
	case ModeSessions:
		return m.sess.Waiting()
	case ModeChanged:
		return m.changed.Waiting()
	}
	return false
}
