package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/triage"
	"connlog/ui/theme"
)

// templateRows is how many templates the view lists, most frequent first.
const templateRows = 500

// templateRow is one line of the templates view: a template of the view,
// or a muted one (whose lines the view no longer holds).
type templateRow struct {
	t     triage.Template
	muted bool
}

// TemplatesView lists the current view's lines folded into templates, with
// their count, level, first and last time; the muted templates come first,
// so that they can be un-muted. enter asks the root to filter to the
// template under the cursor, the mute key to mute or un-mute it.
type TemplatesView struct {
	keys          *KeyMap
	styles        *theme.Styles
	width, height int
	loc           *time.Location
	report        []triage.Template
	rows          []templateRow
	cursor        int
	triageState
	entries int64
	count   int          // distinct templates found
	chosen  *templateRow // the row enter was pressed on
	toggled *templateRow // the row the mute key was pressed on
}

// NewTemplatesView returns an empty view.
func NewTemplatesView(keys *KeyMap, styles *theme.Styles) TemplatesView {
	return TemplatesView{keys: keys, styles: styles, loc: time.Local}
}

// SetSize sets the view's size; the title takes one line.
func (v *TemplatesView) SetSize(w, h int) { v.width, v.height = max(w, 0), max(h, 0) }

// Start shows the view computing; a running job is cancelled.
func (v TemplatesView) Start(job triageJob, loc *time.Location) TemplatesView {
	v.triageState = v.start(job)
	v.rows, v.report, v.cursor, v.loc = nil, nil, 0, loc
	return v
}

// Stop cancels the job in flight, if any.
func (v TemplatesView) Stop() { v.stop() }

// SetReport shows a finished report, unless a newer job was started since.
func (v TemplatesView) SetReport(msg triageMsg, mutes muteSet) TemplatesView {
	if !v.finish(msg) {
		return v
	}
	v.entries, v.count, v.report = msg.report.Entries, msg.report.TemplateCount, msg.report.Templates
	return v.SetMutes(mutes)
}

// SetMutes lays the rows out again for a new set of muted templates: the
// muted first, then the report's others.
func (v TemplatesView) SetMutes(mutes muteSet) TemplatesView {
	rows := make([]templateRow, 0, len(mutes.list)+len(v.report))
	for _, m := range mutes.list {
		rows = append(rows, templateRow{muted: true, t: triage.Template{Key: m.key, Template: m.text,
			Kind: m.kind, Level: m.level, Count: m.count}})
	}
	for _, t := range v.report {
		if !mutes.has(t.Key) {
			rows = append(rows, templateRow{t: t})
		}
	}
	v.rows = rows
	v.cursor = min(v.cursor, max(len(rows)-1, 0))
	return v
}

// Update moves the cursor; enter and the mute key act on its row.
func (v TemplatesView) Update(msg tea.Msg) (TemplatesView, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || len(v.rows) == 0 {
		return v, nil
	}
	k := v.keys
	var moved bool
	if v.cursor, moved = moveInList(k, km, v.cursor, len(v.rows), v.height); moved {
		return v, nil
	}
	switch {
	case key.Matches(km, k.Menu.Choose):
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
func (v TemplatesView) TakeAction() (TemplatesView, *templateRow, *templateRow) {
	chosen, toggled := v.chosen, v.toggled
	v.chosen, v.toggled = nil, nil
	return v, chosen, toggled
}

// ShortHelp lists the keys the view answers to, for the hint line.
func (v TemplatesView) ShortHelp() []key.Binding {
	k := v.keys
	return []key.Binding{k.Up, k.Down, k.Menu.Choose, k.Mute, k.Menu.Close}
}
