package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// g typed while a file opened tail first is still reading its head puts
// the cursor on the oldest row read so far, and topPin keeps it on the
// first row as the head arrives. The moves typed after g wait too, so that
// they act from the true first row rather than from one that the head will
// push down mid-file. Any other key ends the wait: a selection or an export
// made meanwhile acts at once on the rows read (see topWaitKey).

// startTopWait notes, after g, that the head is still being read: the
// keys typed from now on wait for it.
func (m *Model) startTopWait() {
	st := indexingState(m.sources)
	if st == "" {
		return
	}
	m.topWait = true
	m.notice = topWaitNotice + " (" + st + "): moves typed now wait for it, then act from the first row"
}

// topWaitNotice begins what the footer says while g waits for the head.
const topWaitNotice = "at the oldest row read so far; the file's head is being read"

// awaitingHead reports whether keys must wait for the head g is waiting
// for: the cursor is still on the row g put it on and rows older than it
// may still come.
func (m Model) awaitingHead() bool {
	return m.topWait && m.topPin != 0 && m.table.CursorSeq() == m.topPin && m.headUnread(true)
}

// topWaitKey holds a move typed while g waits for the head. Another key
// ends the wait: the moves held act first, from where the cursor is, then
// the key, in the order typed. done reports whether the key was taken.
func (m Model) topWaitKey(msg tea.KeyPressMsg) (out tea.Model, cmd tea.Cmd, done bool) {
	if m.mode != ModeNormal || (m.focus == FocusDetail && m.showDetail) || !m.awaitingHead() {
		return m, nil, false
	}
	if m.isMove(msg) {
		m.holdKeyPress(msg)
		return m, nil, true
	}
	m.topWait = false
	if len(m.heldKeys) == 0 {
		return m, nil, false
	}
	held := append(m.heldKeys, msg)
	m.heldKeys = nil
	out, cmd = m.onBurst(held)
	return out, cmd, true
}

// releaseTopWait ends g's wait once the head is read, replaying the keys
// typed meanwhile.
func (m Model) releaseTopWait() (Model, tea.Cmd) {
	if !m.topWait || m.awaitingHead() {
		return m, nil
	}
	m.topWait = false
	if strings.HasPrefix(m.notice, topWaitNotice) {
		m.notice = "" // the cursor is on the first row now
	}
	if len(m.heldKeys) == 0 || m.live.building {
		return m, nil
	}
	nm, cmd := m.replayHeldKeys()
	return nm.(Model), cmd
}
