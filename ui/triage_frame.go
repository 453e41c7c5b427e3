package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
)

// triageState is what the triage views share: the computation they show,
// whether it is still running, and why it failed.
type triageState struct {
	job       triageJob
	computing bool
	errMsg    string
}

// start follows a new job, cancelling the one in flight.
func (s triageState) start(job triageJob) triageState {
	s.stop()
	return triageState{job: job, computing: true}
}

// stop cancels the job in flight, if any.
func (s triageState) stop() {
	if s.computing && s.job.cancel != nil {
		s.job.cancel()
	}
}

// finish takes a result: it reports false for a stale one (a newer job
// was started since) and for a failed one, whose error it keeps.
func (s *triageState) finish(msg triageMsg) bool {
	if msg.gen != s.job.gen || !s.computing {
		return false
	}
	s.job.cancel()
	s.computing = false
	if msg.err != nil {
		s.errMsg = msg.err.Error()
		return false
	}
	return true
}

// triageFrame draws a triage view at exactly w×h: the title, then the
// progress, the error, or the body's lines (body is given the lines left).
func triageFrame(st *theme.Styles, w, h int, title string, s triageState, body func(h int) []string) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := []string{st.DialogTitle.Render(theme.Fit(title, w))}
	switch {
	case s.computing:
		lines = append(lines, theme.Fit(s.job.progressText(), w))
	case s.errMsg != "":
		lines = append(lines, st.ErrorText.Render(theme.Fit("could not count: "+theme.Clean(s.errMsg), w)))
	default:
		lines = append(lines, body(h-1)...)
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines[:h], "\n")
}

// moveInList moves a cursor over n rows for a movement key of a list view
// h lines high; moved is false for a key that is not a movement.
func moveInList(k *KeyMap, km tea.KeyPressMsg, cursor, n, h int) (next int, moved bool) {
	page := max(h-2, 1)
	last := n - 1
	switch {
	case key.Matches(km, k.Up):
		return max(cursor-1, 0), true
	case key.Matches(km, k.Down):
		return min(cursor+1, last), true
	case key.Matches(km, k.PageUp, k.HalfUp):
		return max(cursor-page, 0), true
	case key.Matches(km, k.PageDown, k.HalfDown):
		return min(cursor+page, last), true
	case key.Matches(km, k.Top):
		return 0, true
	case key.Matches(km, k.Bottom):
		return last, true
	}
	return cursor, false
}
