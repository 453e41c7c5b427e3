package ui

import (
	tea "charm.land/bubbletea/v2"

	"connlog/model"
)

// toPair moves to the paired event. When the filter (or the tab) hides it,
// p is never a dead end: the pair is shown in the detail pane, and p again
// clears the filter and lands on it.
func (m Model) toPair(partner int64) (tea.Model, tea.Cmd) {
	if m.live.seqAt(m.live.indexOf(partner)) == partner {
		return m.jumpTo(partner)
	}
	if m.peek == partner && m.detail.Seq() == partner {
		return m.revealPair(partner)
	}
	m.peek = partner
	if !m.showDetail {
		m.showDetail = true
		m.layout()
	}
	m.detail = m.detail.Loading(partner)
	m.notice = "the filter hides the pair: it is in the detail pane · " + keyOf(m.keys.Pair) + " again clears the filter"
	return m, m.loadEntry(partner)
}

// revealPair clears the filter (and leaves a tab that does not show the
// pair's kind) and lands on the pair once the view is built. The cleared
// filter is one ↑ away in the bar.
func (m Model) revealPair(partner int64) (tea.Model, tea.Cmd) {
	tab := m.filter.tab
	if set := tab.kindSet(); set != nil && !set[m.store.Snapshot().Kind(partner)&0xf] {
		tab = TabAll
	}
	m.peek, m.land = 0, partner
	m.pause()
	return m.clearFilter(tab, "filter cleared to show the pair")
}

// loadEntry loads entry seq fully for the detail pane in a Cmd, with its
// connection pairing.
func (m Model) loadEntry(seq int64) tea.Cmd {
	store, sn := m.store, m.store.Snapshot()
	return func() tea.Msg {
		e := new(model.Entry)
		err := sn.Load(seq, e, model.LoadFull)
		if err != nil && e.Err == "" {
			e.Err = err.Error()
		}
		p, ok := store.PairOf(e)
		return detailLoadedMsg{seq: seq, entry: e, pair: p, hasPair: ok}
	}
}
