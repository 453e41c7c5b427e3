package ui

import (
	"slices"

	"connlog/model"
	"connlog/ui/status"
	"connlog/ui/theme"
)

// newFailure returns the first input of after that has failed and had not
// in before: the status line counts failed inputs, and its head, where
// their reasons are, is the first part cut on a narrow terminal.
func newFailure(before, after []model.SourceStatus) (model.SourceStatus, bool) {
	for _, s := range after {
		if s.Err == "" {
			continue
		}
		known := slices.ContainsFunc(before, func(b model.SourceStatus) bool { return b.Name == s.Name && b.Err != "" })
		if !known {
			return s, true
		}
	}
	return model.SourceStatus{}, false
}

// failureNotice says which input failed and why, and where to read it
// again; the footer wraps it whole (and makes it inert).
func (m Model) failureNotice(s model.SourceStatus) string {
	return s.Name + " failed: " + s.Err + " — " + keyOf(m.keys.Help) + " lists the inputs"
}

// inputLines are the inputs with their states in full, for the help
// screen: the status line has room for a count of the failed ones only.
func (m Model) inputLines() []string {
	out := make([]string, 0, len(m.sources))
	for _, s := range m.sources {
		out = append(out, theme.Clean(s.Name)+status.StateText(s))
	}
	return out
}
