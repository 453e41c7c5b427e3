package triageview

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/triage"
	"connlog/ui/internal/job"
	"connlog/ui/theme"
)

// Job is one computation of the triage report over the current view, as
// the root started it: its generation (a newer job makes its result
// stale), how many entries it will read and has read, for the progress
// line, and its cancel.
type Job = job.Job

// ResultMsg carries the finished report of job Gen, or why it failed.
type ResultMsg struct {
	Gen     int
	Report  triage.Report
	Elapsed time.Duration
	Err     error
}

// progressText says how far the job has read.
func progressText(j Job) string {
	done, total, known := j.Progress()
	if !known {
		return ""
	}
	pct := int64(100)
	if total > 0 {
		pct = done * 100 / total
	}
	return fmt.Sprintf(" counting… %s of %s entries (%d%%)", theme.Commas(done), theme.Commas(total), pct)
}

// state is the job a triage view shows, read alike by every view. A
// refresh (the same count carried on over rows that arrived since) keeps
// showing the report it will replace.
type state struct {
	run        job.State
	refreshing bool
	// early are the moves typed while the first report was computed (a
	// held key, keys sent in one write): they act once it is shown.
	early []theme.ListMove
}

// maxEarlyMoves bounds the moves kept while the first report is computed.
const maxEarlyMoves = 256

// holdMove keeps a move typed while there is nothing to move over yet,
// when a report is coming.
func (s *state) holdMove(mv theme.ListMove) {
	if mv != theme.NoMove && s.run.Running() && len(s.early) < maxEarlyMoves {
		s.early = append(s.early, mv)
	}
}

// replayMoves applies the moves typed before the first report to a cursor
// over its n rows, and forgets them.
func (s *state) replayMoves(cursor, n, page int, skip func(int) bool) int {
	for _, mv := range s.early {
		cursor = theme.MoveCursor(mv, cursor, n, page, skip)
	}
	s.early = nil
	return cursor
}

// start follows a new job, cancelling the one in flight.
func (s state) start(j Job) state { return state{run: s.run.Start(j)} }

// refresh follows a job that updates the report shown, which stays shown
// until the job's result replaces it.
func (s state) refresh(j Job) state { return state{run: s.run.Start(j), refreshing: true} }

// stop cancels the job in flight, if any.
func (s state) stop() { s.run.Stop() }

// Computing reports whether a job is in flight.
func (s state) Computing() bool { return s.run.Running() }

// Waiting reports whether the view has no report to show yet: its first
// one is being counted (a refresh keeps showing the report it replaces).
func (s state) Waiting() bool { return s.run.Running() && !s.refreshing }

// finish takes a result: it reports false for a stale one (a newer job
// was started since) and for a failed one, whose error it keeps.
func (s *state) finish(msg ResultMsg) bool {
	ok := s.run.Finish(msg.Gen, msg.Err)
	if !s.run.Running() {
		s.refreshing = false
	}
	return ok
}

// frame draws a triage view at exactly w×h: the title, then the progress,
// the error, or the body's lines (body is given the lines left).
func frame(st *theme.Styles, w, h int, title string, s state, body func(h int) []string) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := []string{st.DialogTitle.Render(theme.Fit(title, w))}
	switch {
	case s.Computing() && !s.refreshing:
		lines = append(lines, theme.Fit(progressText(s.run.Job()), w))
	case s.run.Err() != "":
		// Wrapped whole: why, and what to do, is often past the width.
		lines = append(lines, theme.WrapIn(st.ErrorText, "could not count: "+theme.Clean(s.run.Err()), w)...)
	default:
		lines = append(lines, body(h-1)...)
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines[:h], "\n")
}

// keepCursor returns where the cursor goes in rows, laid out anew from
// old, where it was at cursor: on the row whose key is that of the row it
// was on, or at fallback when there is none (an empty key names no row:
// a heading).
func keepCursor[T any](old, rows []T, cursor, fallback int, key func(T) string) int {
	if cursor >= len(old) || key(old[cursor]) == "" {
		return fallback
	}
	was := key(old[cursor])
	for i, r := range rows {
		if key(r) == was {
			return i
		}
	}
	return fallback
}

// moveOf is the movement of the cursor a key asks for: theme.NoMove for a
// key that is not a movement.
func moveOf(k *KeyMap, km tea.KeyPressMsg) theme.ListMove {
	switch {
	case key.Matches(km, k.Up):
		return theme.MoveUp
	case key.Matches(km, k.Down):
		return theme.MoveDown
	case key.Matches(km, k.PageUp, k.HalfUp):
		return theme.MovePageUp
	case key.Matches(km, k.PageDown, k.HalfDown):
		return theme.MovePageDown
	case key.Matches(km, k.Top):
		return theme.MoveTop
	case key.Matches(km, k.Bottom):
		return theme.MoveBottom
	}
	return theme.NoMove
}

// pageRows is how far a page key moves the cursor in a view h lines high:
// the rows shown, less the title and the column heads.
func pageRows(h int) int { return max(h-2, 1) }
