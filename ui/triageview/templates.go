package triageview

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/triage"
	"connlog/ui/theme"
)

// TemplateRows is how many templates the view lists, most frequent first:
// the root asks the report for as many.
const TemplateRows = 500

// TemplateRow is one line of the templates view: a template of the view,
// or a muted one (whose lines the view no longer holds).
type TemplateRow struct {
	Template triage.Template
	Muted    bool
}

// TemplatesView lists the current view's lines folded into templates, with
// their count, level, first and last time; the muted templates come first,
// so that they can be un-muted. enter asks the root to filter to the
// template under the cursor, the mute key to mute or un-mute it.
type TemplatesView struct {
	keys          KeyMap
	styles        *theme.Styles
	width, height int
	loc           *time.Location
	now           time.Time // the clock: see SetNow
	report        []triage.Template
	rows          []TemplateRow
	clockAs       string // the rows' times' dated layout (see clockLayout); "" for the time of day
	levelW        int    // the level column's width (levelWidth)
	cursor        int
	state
	entries int64 // the report's entries, muted templates' lines included if it counted them
	count   int   // distinct templates the report found
	// rejoined are the templates un-muted since the report, which it did
	// not count: their lines are back in the view.
	rejoined []triage.Template
	// viewEntries and viewTemplates are what the title counts: the
	// report's numbers with the mutes made since taken into account.
	viewEntries   int64
	viewTemplates int
	chosen        *TemplateRow // the row enter was pressed on
	toggled       *TemplateRow // the row the mute key was pressed on
}

// NewTemplatesView returns an empty view.
func NewTemplatesView(keys KeyMap, styles *theme.Styles) TemplatesView {
	return TemplatesView{keys: keys, styles: styles, loc: time.Local, levelW: levelWidth(nil)}
}

// SetNow sets the clock: rows of another day than its own show their
// times with their date (see clockLayout). A view left open across
// midnight dates its rows again: today's are yesterday's now.
func (v *TemplatesView) SetNow(now time.Time) {
	changed := newDay(v.now, now, v.loc)
	v.now = now
	if changed {
		v.clockAs = clockLayout(v.loc, v.now, templateTimes(v.rows))
	}
}

// SetSize sets the view's size; the title takes one line.
func (v *TemplatesView) SetSize(w, h int) { v.width, v.height = max(w, 0), max(h, 0) }

// Start shows the view computing; a running job is cancelled.
func (v TemplatesView) Start(job Job, loc *time.Location) TemplatesView {
	v.state = v.start(job)
	v.rows, v.report, v.cursor, v.loc = nil, nil, 0, loc
	return v
}

// Refresh follows a job that updates the report shown (over the rows that
// arrived since), which stays shown, cursor and all, until it is replaced.
func (v TemplatesView) Refresh(job Job) TemplatesView {
	v.state = v.refresh(job)
	return v
}

// Stop cancels the job in flight, if any.
func (v TemplatesView) Stop() { v.stop() }

// SetReport shows a finished report, with the muted templates first,
// unless a newer job was started since. The cursor stays on its template
// while the report lists it.
func (v TemplatesView) SetReport(msg ResultMsg, muted []triage.Template) TemplatesView {
	if !v.finish(msg) {
		return v
	}
	old, cursor := v.rows, v.cursor
	v.entries, v.count, v.report = msg.Report.InputEntries(), msg.Report.TemplateCount, msg.Report.Templates
	v.rejoined = nil // the report counts the lines of the templates un-muted before it
	v = v.layout(muted)
	v.cursor = keepCursor(old, v.rows, cursor, v.cursor, rowKey)
	v.cursor = v.replayMoves(v.cursor, len(v.rows), pageRows(v.height), nil)
	return v
}

// Update moves the cursor; enter and the mute key act on its row.
func (v TemplatesView) Update(msg tea.Msg) (TemplatesView, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	k := &v.keys
	if len(v.rows) == 0 {
		v.holdMove(moveOf(k, km))
		return v, nil
	}
	if mv := moveOf(k, km); mv != theme.NoMove {
		v.cursor = theme.MoveCursor(mv, v.cursor, len(v.rows), pageRows(v.height), nil)
		return v, nil
	}
	switch {
	case key.Matches(km, k.Choose):
		row := v.rows[v.cursor]
		v.chosen = &row
	case key.Matches(km, k.Mute):
		row := v.rows[v.cursor]
		v.toggled = &row
	}
	return v, nil
}

// TakeAction returns the row enter chose and the row whose mute was
// toggled, each if any, and the view without them.
func (v TemplatesView) TakeAction() (TemplatesView, *TemplateRow, *TemplateRow) {
	chosen, toggled := v.chosen, v.toggled
	v.chosen, v.toggled = nil, nil
	return v, chosen, toggled
}

// Rows returns the rows the view lists, the muted first.
func (v TemplatesView) Rows() []TemplateRow { return v.rows }

// Cursor returns the index in Rows of the row under the cursor.
func (v TemplatesView) Cursor() int { return v.cursor }

// ShortHelp lists the keys the view answers to, for the hint line.
func (v TemplatesView) ShortHelp() []key.Binding {
	k := &v.keys
	return []key.Binding{k.Up, k.Down, k.Choose, k.Mute, k.Close}
}
