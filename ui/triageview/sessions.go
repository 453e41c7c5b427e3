package triageview

import (
	"sort"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/triage"
	"connlog/ui/theme"
)

// SessionRows is how many rows of each kind (open, ended) the sessions
// view keeps: the root asks the report for as many, and the engine keeps
// the most recent ones past it.
const SessionRows = 10000

// SessionsView lists the connections of the current view, one row per
// connection (not per event), oldest start first. enter asks the root to
// filter the table to the connection under the cursor.
type SessionsView struct {
	keys          KeyMap
	styles        *theme.Styles
	width, height int
	loc           *time.Location
	now           time.Time // the clock: see SetNow
	rows          []triage.Session
	clockAs       string          // the rows' times' dated layout (see clockLayout); "" for the time of day
	durW          int             // the width the rows' durations need (see durWidth)
	totals        triage.Sessions // the counts over every connection, rows aside
	cursor        int
	apart         sessApart // how the rows' long names are cut at the width
	state
	chosen *triage.Session // the row enter was pressed on
}

// NewSessionsView returns an empty view.
func NewSessionsView(keys KeyMap, styles *theme.Styles) SessionsView {
	return SessionsView{keys: keys, styles: styles, loc: time.Local}
}

// SetNow sets the clock: rows of another day than its own show their
// times with their date (see clockLayout). A view left open across
// midnight dates its rows again: today's are yesterday's now.
func (v *SessionsView) SetNow(now time.Time) {
	changed := newDay(v.now, now, v.loc)
	v.now = now
	if changed {
		v.clockAs = clockLayout(v.loc, v.now, sessionTimes(v.rows))
	}
}

// SetSize sets the view's size; the title takes one line.
func (v *SessionsView) SetSize(w, h int) {
	v.width, v.height = max(w, 0), max(h, 0)
	if v.apart.layout != v.layout() {
		v.tellApart()
	}
}

// Start shows the view computing; a running job is cancelled.
func (v SessionsView) Start(job Job, loc *time.Location) SessionsView {
	v.state = v.start(job)
	v.rows, v.totals, v.cursor, v.loc = nil, triage.Sessions{}, 0, loc
	v.apart = sessApart{}
	return v
}

// Refresh follows a job that updates the report shown (over the rows that
// arrived since), which stays shown, cursor and all, until it is replaced.
func (v SessionsView) Refresh(job Job) SessionsView {
	v.state = v.refresh(job)
	return v
}

// Stop cancels the job in flight, if any.
func (v SessionsView) Stop() { v.stop() }

// SetReport shows a finished report, unless a newer job was started since.
// The cursor stays on its connection while the report lists it.
func (v SessionsView) SetReport(msg ResultMsg) SessionsView {
	if !v.finish(msg) {
		return v
	}
	old := v.rows
	v.totals = msg.Report.Sessions
	v.rows = sortByStart(msg.Report.Sessions.Rows)
	v.clockAs = clockLayout(v.loc, v.now, sessionTimes(v.rows))
	v.durW = durWidth(v.rows)
	v.tellApart()
	clamped := min(v.cursor, max(len(v.rows)-1, 0))
	v.cursor = keepCursor(old, v.rows, v.cursor, clamped, func(s triage.Session) string { return s.ID })
	v.cursor = v.replayMoves(v.cursor, len(v.rows), pageRows(v.height), nil)
	return v
}

// sessionTimes are the times the rows show, for clockLayout.
func sessionTimes(rows []triage.Session) []time.Time {
	times := make([]time.Time, 0, 2*len(rows))
	for _, r := range rows {
		times = append(times, r.Start, r.End)
	}
	return times
}

// sortByStart orders sessions oldest start first; those whose start is
// outside the data began before it, so they come first of all.
func sortByStart(rows []triage.Session) []triage.Session {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].Start, rows[j].Start
		if a.IsZero() != b.IsZero() {
			return a.IsZero()
		}
		return a.Before(b)
	})
	return rows
}

// Update moves the cursor; enter chooses its row.
func (v SessionsView) Update(msg tea.Msg) (SessionsView, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	if len(v.rows) == 0 {
		v.holdMove(moveOf(&v.keys, km))
		return v, nil
	}
	if mv := moveOf(&v.keys, km); mv != theme.NoMove {
		v.cursor = theme.MoveCursor(mv, v.cursor, len(v.rows), pageRows(v.height), nil)
	} else if key.Matches(km, v.keys.Choose) {
		row := v.rows[v.cursor]
		v.chosen = &row
	}
	return v, nil
}

// TakeChoice returns the row enter chose, if any, and the view without it.
func (v SessionsView) TakeChoice() (SessionsView, *triage.Session) {
	chosen := v.chosen
	v.chosen = nil
	return v, chosen
}

// Rows returns the connections the view lists, oldest start first.
func (v SessionsView) Rows() []triage.Session { return v.rows }

// Totals returns the counts over every connection, listed or not.
func (v SessionsView) Totals() triage.Sessions { return v.totals }

// ShortHelp lists the keys the view answers to, for the hint line.
func (v SessionsView) ShortHelp() []key.Binding {
	k := v.keys
	return []key.Binding{k.Up, k.Down, k.Choose, k.Close}
}
