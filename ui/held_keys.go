package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// maxHeldKeys bounds the keys held while a view is built; past it a held
// key's repeats are dropped rather than let act out of order.
const maxHeldKeys = 256

// holdKey reports whether a key typed while the view of a new filter is
// being built waits for that view: a move of the table or a jump to the
// next error, warning or match (typed with the enter that applied the
// filter, or faster than the build), and every key after a held one, so
// that they act in order on the rows they were typed for. Quitting never
// waits.
func (m Model) holdKey(msg tea.KeyPressMsg) bool {
	if !m.live.building || m.mode != ModeNormal || key.Matches(msg, m.keys.Quit) {
		return false
	}
	if len(m.heldKeys) > 0 {
		return true
	}
	if m.tl.Focused() || (m.focus == FocusDetail && m.showDetail) {
		return false
	}
	k := m.keys
	return m.isMove(msg) || key.Matches(msg, k.NextError, k.PrevError, k.NextWarn, k.PrevWarn, k.NextMatch, k.PrevMatch)
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
