package ui

import "slices"

// onInputsJoined names the inputs that joined: in the title, among the
// files an export must not replace, and in the footer when one could not
// be added.
func (m Model) onInputsJoined(msg InputsJoinedMsg) Model {
	m.status.SetTitle(msg.Title)
	// A copy: the configuration's list may be shared with the caller.
	m.cfg.Inputs = append(slices.Clip(m.cfg.Inputs), msg.Paths...)
	m.cfg.Opened = append(slices.Clip(m.cfg.Opened), msg.Opened...)
	if msg.Notice != "" {
		m.notice = msg.Notice
	}
	return m
}
