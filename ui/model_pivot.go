package ui

import (
	"context"
	"slices"
	"time"

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
	decide := func() tea.Msg {
		return pivotChoicesMsg{gen: gen, items: pivotChoices(ctx, sn, &vc, from, items, opt), exclude: exclude}
	}
	slow := tea.Tick(pivotSlowAfter, func(time.Time) tea.Msg { return pivotSlowMsg{gen: gen} })
	return m, tea.Batch(decide, slow)
}

// pivotSlowAfter is how long a menu's choices may take before the footer
// says they are being decided: the values every row of a view of millions
// shares take the whole view's scan (most of a second).
const pivotSlowAfter = 150 * time.Millisecond

// pivotDeciding is the footer's notice while a menu's choices take long.
const pivotDeciding = "looking for the values that leave rows in the view… esc gives up"

// pivotSlowMsg says that the choices of the menu asked for as gen were
// not decided within pivotSlowAfter.
type pivotSlowMsg struct{ gen int }

// onPivotSlow says so in the footer, if they still are not.
func (m Model) onPivotSlow(msg pivotSlowMsg) (tea.Model, tea.Cmd) {
	if msg.gen == m.pivotAsk.gen && m.pivotAsk.waiting {
		m.notice = pivotDeciding
	}
	return m, nil
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
	m.clearDeciding()
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
		m.clearDeciding()
	case len(m.pivotAsk.held) < maxHeldKeys:
		m.pivotAsk.held = append(m.pivotAsk.held, msg)
	}
	return m, nil, true
}

// clearDeciding takes the notice that a menu's choices are being decided
// off the footer, once they are or the menu is given up.
func (m *Model) clearDeciding() {
	if m.notice == pivotDeciding {
		m.notice = ""
	}
}

// pivotChoices keeps the items that split the view: some row of it
// matches the item's term and some row does not. So the term, ANDed into
// the filter (exclude: its negation), narrows the view and leaves a row of
// it: neither menu offers a choice that empties the view (a value every
// row shares, excluded) or changes nothing (a value every row shares, a
// term the filter has already). A row of a gap or a boundary, which every
// view keeps, does not count.
//
// One pass over the view decides every item: each row is loaded once and
// tried against the items still undecided, from the cursor's row on,
// wrapping round, so that the cursor's row matches its own values at once
// and a row without one is usually found within a few rows. Only values
// every row shares make it read the whole view, once for all of them.
func pivotChoices(ctx context.Context, sn *model.Snapshot, v *model.View, from int, items []pivot.Item, opt query.Options) []pivot.Item {
	split := make([]itemSplit, len(items))
	var open []*itemSplit // the items still undecided
	for i, it := range items {
		if q, err := compileQuery(it.Term, opt); err == nil {
			split[i].q = q
			open = append(open, &split[i])
		}
	}
	var e model.Entry
	n, load := v.Len(), loadFor(open)
	for k := 0; k < n && len(open) > 0; k++ {
		if k%4096 == 4095 && ctx.Err() != nil {
			return nil
		}
		seq := v.At((from + k) % n)
		if kind := sn.Kind(seq); kind == model.KindGap || kind == model.KindBoundary {
			continue
		}
		if sn.Load(seq, &e, load) != nil {
			continue
		}
		decided := len(open)
		open = slices.DeleteFunc(open, func(s *itemSplit) bool { return s.see(&e) })
		if len(open) < decided {
			// What is left may need less of each row.
			load = loadFor(open)
		}
	}
	var out []pivot.Item
	for i, it := range items {
		if split[i].matched && split[i].missed {
			out = append(out, it)
		}
	}
	return out
}

// itemSplit is what pivotChoices has seen of an item's term on the view.
type itemSplit struct {
	q               *query.Query
	matched, missed bool // a row matched the term, a row did not
}

// see tries the term on e and reports whether the item is decided: some
// row matched it and some did not.
func (s *itemSplit) see(e *model.Entry) bool {
	if s.q.Match(e) {
		s.matched = true
	} else {
		s.missed = true
	}
	return s.matched && s.missed
}

// loadFor is how much of an entry the queries read.
func loadFor(open []*itemSplit) model.Load {
	load := model.LoadIndex
	for _, s := range open {
		load = max(load, makeModelFilter(s.q, nil).Load)
	}
	return load
}

// onPivotChosen ANDs the chosen term into the filter.
func (m Model) onPivotChosen(term string) (tea.Model, tea.Cmd) {
	m.mode = ModeNormal
	m.layout()
	return m.setFilterText(query.And(m.filter.text, term))
}
