package ui

import (
	"context"

	"charm.land/bubbles/v2/key"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/pivot"
)

// pivotAsk is a pivot menu whose choices are being decided (see
// pivotChoices), and the keys typed meanwhile, which act on the menu once
// it shows.
type pivotAsk struct {
	gen     int
	waiting bool
	cancel  context.CancelFunc
	held    []tea.KeyPressMsg
}

// pivotChoicesMsg carries the choices of the menu asked for as gen.
type pivotChoicesMsg struct {
	gen     int
	items   []pivot.Item
	exclude bool
}

// openPivot decides, off the interface's loop, which of the cursor row's
// values the menu offers (see pivotChoices).
func (m Model) openPivot(exclude bool) (tea.Model, tea.Cmd) {
	sn := m.store.Snapshot()
	e := m.table.Entry(sn, m.table.CursorSeq())
	if e == nil || m.live.view == nil {
		return m, nil
	}
	items := pivot.Items(e, exclude, tabKinds[m.filter.tab])
	opt := m.timeOptions()
	m.pivotAsk.cancelAsk()
	ctx, cancel := context.WithCancel(context.Background())
	m.pivotAsk = pivotAsk{gen: m.pivotAsk.gen + 1, waiting: true, cancel: cancel}
	gen, vc, from := m.pivotAsk.gen, *m.live.view, m.table.Cursor()
	return m, func() tea.Msg {
		return pivotChoicesMsg{gen: gen, items: pivotChoices(ctx, sn, &vc, from, items, exclude, opt), exclude: exclude}
	}
}

// cancelAsk stops deciding a menu's choices and drops the keys held for it.
func (a *pivotAsk) cancelAsk() {
	if a.cancel != nil {
		a.cancel()
	}
	a.waiting, a.cancel, a.held = false, nil, nil
}

// onPivotChoices opens the menu on its choices, or says there is none,
// then replays the keys typed while they were decided.
func (m Model) onPivotChoices(msg pivotChoicesMsg) (tea.Model, tea.Cmd) {
	if msg.gen != m.pivotAsk.gen || !m.pivotAsk.waiting {
		return m, nil
	}
	held := m.pivotAsk.held
	m.pivotAsk.cancelAsk()
	m.pivot = m.pivot.Show(msg.items, msg.exclude)
	switch {
	case m.pivot.Open():
		m.mode = ModePivot
		m.layout()
	case msg.exclude:
		m.notice = "nothing to exclude: every row of the view shares this row's values"
	default:
		m.notice = "nothing to filter on: no value of this row narrows the view"
	}
	return m.onBurst(held)
}

// pivotKey holds a key typed while the menu's choices are decided; esc
// gives the menu up, and quitting never waits.
func (m Model) pivotKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	switch {
	case !m.pivotAsk.waiting || key.Matches(msg, m.keys.Quit):
		return m, nil, false
	case key.Matches(msg, m.keys.Menu.Close) && len(m.pivotAsk.held) == 0:
		m.pivotAsk.cancelAsk()
	case len(m.pivotAsk.held) < maxHeldKeys:
		m.pivotAsk.held = append(m.pivotAsk.held, msg)
	}
	return m, nil, true
}

// pivotChoices keeps the items whose term, ANDed into the filter (exclude:
// its negation), leaves a row of the view: the one rule of both menus, so
// that neither offers a choice that empties the view (a value every row
// shares, excluded). A row of a gap or a boundary, which every view keeps,
// does not count.
func pivotChoices(ctx context.Context, sn *model.Snapshot, v *model.View, from int, items []pivot.Item, exclude bool, opt query.Options) []pivot.Item {
	var out []pivot.Item
	for _, it := range items {
		q, err := compileQuery(it.Term, opt)
		if err == nil && leavesRow(ctx, sn, v, from, q, exclude) {
			out = append(out, it)
		}
	}
	return out
}

// leavesRow reports whether a row of the view, other than a gap or a
// boundary, matches q (exclude: does not). It looks from the cursor's row
// on, wrapping round, so that a value of the cursor's row to keep is found
// at once, and a value to exclude usually within a few rows.
func leavesRow(ctx context.Context, sn *model.Snapshot, v *model.View, from int, q *query.Query, exclude bool) bool {
	load := makeModelFilter(q, nil).Load
	var e model.Entry
	n := v.Len()
	for k := range n {
		if k%4096 == 4095 && ctx.Err() != nil {
			return false
		}
		seq := v.At((from + k) % n)
		if kind := sn.Kind(seq); kind == model.KindGap || kind == model.KindBoundary {
			continue
		}
		if sn.Load(seq, &e, load) == nil && q.Match(&e) != exclude {
			return true
		}
	}
	return false
}

// onPivotChosen ANDs the chosen term into the filter.
func (m Model) onPivotChosen(term string) (tea.Model, tea.Cmd) {
	m.mode = ModeNormal
	m.layout()
	return m.setFilterText(query.And(m.filter.text, term))
}
