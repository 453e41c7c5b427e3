package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/ui/detail"
	"connlog/ui/filterbar"
)

// onUpdate applies an ingest update to the counters at once and schedules
// one frame to catch the view up. The next update is awaited at that frame,
// not now: the ingest loop adds up what it stores meanwhile, so a file read
// at full speed costs the UI one update, and one redraw, a frame rather
// than one a batch of lines.
func (m Model) onUpdate(msg updateMsg) (tea.Model, tea.Cmd) {
	m.rate.add(msg.Appended)
	m.bulk = msg.Appended >= bulkLines
	if msg.Stats != nil {
		// The memory and loss counters follow the rows, not only the clock:
		// a big file's first second showed an empty store's.
		m.setStats(*msg.Stats)
	}
	var ask tea.Cmd
	if msg.Sources != nil {
		if failed, ok := newFailure(m.sources, msg.Sources); ok {
			m.notice = m.failureNotice(failed)
		}
		m.sources = msg.Sources
		var settled tea.Cmd
		m, settled = m.settleGoto() // the head may be read now
		var released tea.Cmd
		m, released = m.releaseTopWait()
		ask = tea.Batch(m.askWindowMiss(), settled, released)
	}
	m.updateHeld = true
	ask = tea.Batch(ask, m.feedExport())
	if m.scheduled {
		return m, ask
	}
	return m, tea.Batch(ask, m.scheduleFrame())
}

// scheduleFrame schedules the next catch-up. The first comes at once:
// frames are paced for the updates that follow, and the first screen is
// what a user waits for.
func (m *Model) scheduleFrame() tea.Cmd {
	m.scheduled = true
	if !m.caughtUp {
		return func() tea.Msg { return frameMsg{} }
	}
	return frameTick(m.bulk)
}

// onFrame brings the view up to date with the store: evicted rows are
// trimmed and new ones examined in a Cmd (View.Extend). It awaits the next
// update when one was held back.
func (m Model) onFrame() (tea.Model, tea.Cmd) {
	m.scheduled = false
	var next tea.Cmd
	if m.updateHeld {
		m.updateHeld, next = false, waitForUpdate(m.updates)
	}
	sn := m.store.Snapshot()
	m.caughtUp = m.caughtUp || sn.Len() > 0
	if m.awaitDay && sn.Len() > 0 {
		m.awaitDay = false
		opt := m.timeOptions() // now on the day of the data
		if m.cfg.DayOfFirstLines {
			m.cfg.First, m.cfg.Last = firstLinesSpan(sn)
			m.cfg.Day = m.cfg.Last
			opt = m.commandLineTimes()
		}
		nm, cmd := m.applyFilterWith(m.filter.text, m.filter.tab, opt)
		return nm, tea.Batch(next, cmd)
	}
	m.applyTrim(sn)
	m.keepWindowNote() // the span grows with the lines read, matched or not
	return m, tea.Batch(next, m.live.extend(sn, m.filter.filter))
}

// applyTrim drops evicted rows and moves the cursor and the selection with
// them; the muted lines' counts drop the evicted ones with them, and take
// in those the filter counted since.
func (m *Model) applyTrim(sn *model.Snapshot) {
	if n := m.live.trim(sn); n > 0 {
		// Shift first: with the shorter data first, a cursor among the last
		// n rows would be clamped to the end before it moves up.
		m.table.ShiftUp(n)
		m.table = m.table.WithData(m.tableData())
	}
	m.showMuteCounts(sn)
}

// onExtended adopts newly matched rows: appended ones scroll in when
// following and are counted when paused; prepended ones go above without
// moving the cursor off its entry.
func (m Model) onExtended(msg viewExtendedMsg) (tea.Model, tea.Cmd) {
	pinned := m.topPin != 0 && m.table.CursorSeq() == m.topPin
	if !m.live.extended(msg) {
		return m, nil
	}
	sn := m.store.Snapshot()
	m.applyTrim(sn)
	m.table = m.table.WithData(m.tableData())
	m.showCount()
	m.keepWindowNote()
	cmds := []tea.Cmd{m.live.keepTriage(sn, msg.front), m.refreshTriage(), m.feedExport()}
	if m.follow == Following {
		m.table.MoveTo(m.live.len() - 1)
		cmds = append(cmds, m.loadDetail())
	} else {
		// Rows prepended above (the head of a file opened tail first) push
		// the cursor's entry down: follow it, as a trim follows evictions;
		// unless g sent it to the first row and it stayed there: it stays
		// on the first row, the oldest line read so far.
		m.table.ShiftUp(-msg.front)
		m.newSince += msg.added
		if pinned && msg.front > 0 {
			m.table.MoveTo(0)
			m.topPin = m.table.CursorSeq()
			cmds = append(cmds, m.loadDetail())
		}
	}
	if m.live.pending(sn) && !m.scheduled {
		cmds = append(cmds, m.scheduleFrame())
	}
	m, settled := m.settleGoto()
	m, released := m.releaseTopWait()
	return m, tea.Batch(append(cmds, settled, released)...)
}

// onClock refreshes the clock, the ingest rate and the store's counters,
// the muted rows' counts, and brings an open triage view that owes a
// refresh up to date. The triage views get the clock too: one left open
// across midnight dates its rows, today's times being yesterday's now.
func (m Model) onClock(t time.Time) (tea.Model, tea.Cmd) {
	m.now = m.cfg.now()
	m.sess.SetNow(m.now)
	m.tmpl.SetNow(m.now)
	m.rate.tick(t)
	m.setStats(m.store.Stats())
	m.showMuteCounts(m.store.Snapshot()) // a build counts the muted lines long before it is done
	if feed := m.feedExport(); feed != nil {
		return m, tea.Batch(clockTick(), feed)
	}
	if m.triBehind {
		return m, tea.Batch(clockTick(), m.refreshTriage())
	}
	return m, clockTick()
}

// onBuilt adopts a finished view build, keeping the cursor on the same
// entry (or the next one that matches) unless following.
func (m Model) onBuilt(msg viewBuiltMsg) (tea.Model, tea.Cmd) {
	keep := m.table.CursorSeq()
	if !m.live.built(msg) {
		return m, nil
	}
	if m.land != 0 {
		keep, m.land = m.land, 0
	}
	m.mutes.counted() // before applyTrim shows the counts
	m.applyTrim(m.store.Snapshot())
	m.table = m.table.WithData(m.tableData())
	if m.follow == Following || keep == 0 {
		m.table.MoveTo(m.live.len() - 1)
	} else {
		m.table.MoveTo(m.live.indexOf(keep))
		m.newSince = m.live.len() - m.live.indexOf(m.pausedEnd) // of this view's rows
	}
	m.showCount()
	m.sayWindowNote()
	m.timing.viewBuilt(m.filter.text, m.live.len(), m.live.snap.Len(), m.live.started)
	cmds := []tea.Cmd{m.loadDetail(), m.checkTemplate()}
	if m.exportPending && m.mode == ModeNormal {
		nm, cmd := m.openExport()
		m = nm.(Model)
		cmds = append(cmds, cmd)
	}
	if m.live.pending(m.store.Snapshot()) && !m.scheduled {
		cmds = append(cmds, m.scheduleFrame())
	}
	if len(m.heldKeys) > 0 {
		nm, cmd := m.replayHeldKeys()
		return nm, tea.Batch(append(cmds, cmd)...)
	}
	return m, tea.Batch(cmds...)
}

// loadDetail loads the cursor's entry for the detail pane in a Cmd, with
// its connection pairing. An empty view has no entry to show: the pane
// says so rather than keep the one it showed before the filter.
func (m *Model) loadDetail() tea.Cmd {
	seq := m.table.CursorSeq()
	if seq == 0 {
		m.detail, m.peek = m.detail.Clear(), 0
		return nil
	}
	if !m.showDetail {
		return nil
	}
	if seq == m.detail.Seq() {
		var cmd tea.Cmd
		m.detail, cmd = m.detail.Refresh() // the pane may have a new width
		return cmd
	}
	m.detail = m.detail.Loading(seq)
	return m.loadEntry(seq)
}

// onDetail shows a loaded entry unless the cursor has moved on since.
func (m Model) onDetail(msg detailLoadedMsg) (tea.Model, tea.Cmd) {
	if msg.seq != m.detail.Seq() {
		return m, nil
	}
	var cmd tea.Cmd
	m.detail, cmd = m.detail.SetEntry(detail.Input{Entry: msg.entry, Pair: msg.pair, HasPair: msg.hasPair,
		Location: m.loc(), Sources: m.sourceNames(), PairKey: keyOf(m.keys.Pair), Following: !m.inputEnded(), Now: m.cfg.now(),
		Terms: m.highlightTerms(), Queries: m.highlightQueries()})
	return m, cmd
}

// sourceNames lists the sources' names by SourceID.
func (m Model) sourceNames() []string {
	out := make([]string, len(m.sources))
	for i, s := range m.sources {
		out[i] = s.Name
	}
	return out
}

// showCount puts the view's count in the filter bar, as the view is built
// and as lines arrive, when the bar's text is the filter in force: a count
// beside other text would be another query's.
func (m *Model) showCount() {
	if m.bar.Mode() == filterbar.Filter && m.bar.Value() == m.filter.text && !m.live.building {
		m.bar.SetInfo(matchCount(m.live.len()))
	}
}

// matchCount says how many rows match, for the filter bar.
func matchCount(n int) string {
	if n == 1 {
		return "1 match"
	}
	return commas(int64(n)) + " matches"
}
