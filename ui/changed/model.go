package changed

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/triage"
	"connlog/ui/internal/job"
	"connlog/ui/theme"
)

// Job is a comparison in flight, as the root started it: its generation (a
// newer job makes its result stale), how many entries it will read (known
// once the windows are) and has read, for the progress line, and its cancel.
type Job = job.Job

// ResultMsg carries a finished comparison of job Gen.
type ResultMsg struct {
	Gen     int
	Changed triage.Changed
	// Basis says how the windows were chosen ("the selection", "the last
	// 15m of the view"...), for the title.
	Basis string
	// EntriesA and EntriesB are how many entries of the view fell in each
	// window: with none before, everything now is new.
	EntriesA, EntriesB int
	Elapsed            time.Duration
	Err                error
}

// Model is the view. Its zero value is not usable: build it with New.
type Model struct {
	keys          KeyMap
	styles        *theme.Styles
	loc           *time.Location
	width, height int

	run job.State // the comparison shown
	// early are the moves typed while the comparison runs (a held key,
	// keys sent in one write): they act once its rows are shown.
	early []theme.ListMove

	result ResultMsg
	rows   []row
	cursor int // an index into rows, on a change row when there is one

	chosen       *triage.Change // the row enter was pressed on, until the root takes it
	wantsWindows bool           // the windows key was pressed, until the root takes it
}

// New returns an empty view.
func New(keys KeyMap, styles *theme.Styles) Model {
	return Model{keys: keys, styles: styles, loc: time.UTC}
}

// SetSize sets the view's size.
func (m *Model) SetSize(w, h int) { m.width, m.height = max(w, 0), max(h, 0) }

// Start shows the view computing job (times shown in loc); a job in flight
// is cancelled.
func (m Model) Start(j Job, loc *time.Location) Model {
	if loc == nil {
		loc = time.UTC
	}
	m.run, m.loc = m.run.Start(j), loc
	m.result, m.rows, m.cursor, m.chosen, m.wantsWindows, m.early = ResultMsg{}, nil, 0, nil, false, nil
	return m
}

// Stop cancels the job in flight, if any.
func (m Model) Stop() { m.run.Stop() }

// Computing reports whether a job is in flight.
func (m Model) Computing() bool { return m.run.Running() }

// Waiting reports whether the view has no rows to show yet: its comparison
// is running.
func (m Model) Waiting() bool { return m.run.Running() }

// maxEarlyMoves bounds the moves kept while the comparison runs.
const maxEarlyMoves = 256

// SetResult shows a finished comparison, unless a newer job was started
// since (or none is running).
func (m Model) SetResult(msg ResultMsg) Model {
	if !m.run.Finish(msg.Gen, msg.Err) {
		return m
	}
	m.result, m.rows = msg, rowsOf(&msg.Changed)
	m.cursor = theme.MoveCursor(theme.MoveTop, 0, len(m.rows), 1, m.isHeading)
	for _, mv := range m.early {
		m.cursor = theme.MoveCursor(mv, m.cursor, len(m.rows), m.page(), m.isHeading)
	}
	m.early = nil
	return m
}

// Windows returns the windows of the comparison shown: now (A) and before
// (B); ok is false while there is none.
func (m Model) Windows() (now, before triage.Window, ok bool) {
	if m.run.Running() || m.run.Err() != "" || m.result.Changed.A == (triage.Window{}) {
		return triage.Window{}, triage.Window{}, false
	}
	return m.result.Changed.A, m.result.Changed.B, true
}

// page is how far a page key moves the cursor: the rows shown, less the
// title, the two windows and the column heads.
func (m Model) page() int { return max(m.height-4, 1) }

// isHeading says row i is a section's heading, which the cursor skips.
func (m Model) isHeading(i int) bool { return m.rows[i].heading }

// Update moves the cursor; enter chooses the row under it, the windows key
// asks for other windows. Moves typed while the comparison runs act once
// its rows are shown.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	k := m.keys
	switch {
	case key.Matches(km, k.Windows):
		m.wantsWindows = true
	case m.run.Running():
		if mv := k.moveOf(km); mv != theme.NoMove && len(m.early) < maxEarlyMoves {
			m.early = append(m.early, mv)
		}
	case len(m.rows) == 0:
	case k.moveOf(km) != theme.NoMove:
		m.cursor = theme.MoveCursor(k.moveOf(km), m.cursor, len(m.rows), m.page(), m.isHeading)
	case key.Matches(km, k.Choose):
		if m.cursor < len(m.rows) && !m.rows[m.cursor].heading {
			c := m.rows[m.cursor].change
			m.chosen = &c
		}
	}
	return m, nil
}

// TakeChoice returns the change enter chose, if any, and the view without it.
func (m Model) TakeChoice() (Model, triage.Change, bool) {
	if m.chosen == nil {
		return m, triage.Change{}, false
	}
	c := *m.chosen
	m.chosen = nil
	return m, c, true
}

// TakeWindowsRequest reports whether other windows were asked for, and
// returns the view without the request.
func (m Model) TakeWindowsRequest() (Model, bool) {
	asked := m.wantsWindows
	m.wantsWindows = false
	return m, asked
}

// ShortHelp lists the keys the view answers to, for the hint line.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// Keys returns the view's bindings, so that a message of the root can name
// the key that acts.
func (m Model) Keys() KeyMap { return m.keys }
