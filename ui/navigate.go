package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// searchState is the search query: it highlights and n/N jump to its
// matches, without filtering the rows.
type searchState struct {
	text  string
	query *query.Query
	terms []query.Finder // to highlight
	gen   int
}

// pairFoundMsg is where the selected entry's paired event is.
type pairFoundMsg struct {
	from    int64
	partner int64
	id      string
}

// jumpTo puts the cursor on seq's row; the table pauses like any move.
func (m Model) jumpTo(seq int64) (tea.Model, tea.Cmd) {
	i := m.live.indexOf(seq)
	if m.live.seqAt(i) != seq {
		m.rowNote("that entry is not in this view (the filter hides it)")
		return m, nil
	}
	m.table.MoveTo(i)
	return m.afterMove(false)
}

// levelJump moves to the next or previous error or warning, from the level
// index: no scan.
func (m Model) levelJump(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	seqs, what := m.live.levels.errs, "error"
	if key.Matches(msg, k.NextWarn, k.PrevWarn) {
		seqs, what = m.live.levels.warns, "warning"
	}
	forward := key.Matches(msg, k.NextError, k.NextWarn)
	seq, ok := seqs.next(m.table.CursorSeq(), forward)
	if !ok {
		dir := "after"
		if !forward {
			dir = "before"
		}
		m.rowNote("no " + what + " " + dir + " this row")
		return m, nil
	}
	return m.jumpTo(seq)
}

// searchJump scans for the next (or previous) match of the search query in
// a Cmd, over a copy of the view; a newer jump makes its result stale.
func (m Model) searchJump(forward bool) (tea.Model, tea.Cmd) {
	q := m.search.query
	if q == nil || m.live.view == nil {
		m.notice = "no search: press " + keyOf(m.keys.Filter) + " then " + keyOf(m.keys.Bar.SearchMode) + " to search without filtering"
		return m, nil
	}
	m.search.gen++
	gen, sn, vc, from := m.search.gen, m.store.Snapshot(), *m.live.view, m.table.Cursor()
	load := makeModelFilter(q, nil).Load
	return m, func() tea.Msg {
		var e model.Entry
		step := 1
		if !forward {
			step = -1
		}
		for i := from + step; i >= 0 && i < vc.Len(); i += step {
			seq := vc.At(i)
			if sn.Load(seq, &e, load) == nil && q.Match(&e) {
				return searchResultMsg{gen: gen, seq: seq, found: true}
			}
		}
		return searchResultMsg{gen: gen, fromTop: !forward || from <= 0}
	}
}

// onSearchResult moves to a found match.
func (m Model) onSearchResult(msg searchResultMsg) (tea.Model, tea.Cmd) {
	if msg.gen != m.search.gen {
		return m, nil
	}
	if !msg.found {
		what := " of " + theme.Clean(m.search.text)
		if ev := m.store.Snapshot().Eviction(); ev.Partial() && msg.fromTop {
			// The search reached the oldest line held, and the input's
			// older lines were not there to search: say where they went.
			// A forward search from a later row could not reach them.
			m.rowNote(theme.Fitting(m.width, theme.NoMatchHeldForms(what, ev, m.loc(), m.thisYear(), m.width)...))
			return m, nil
		}
		m.rowNote("no more matches" + what)
		return m, nil
	}
	return m.jumpTo(msg.seq)
}

// openGoto opens the go-to-time prompt.
func (m Model) openGoto() (tea.Model, tea.Cmd) {
	m.mode = ModeGoto
	m.gotoIn.SetValue("")
	m.notice = "14:05 · 2026-11-20 14:05:00 · -10m — " + keyOf(m.keys.Bar.Apply) + " goes, " + keyOf(m.keys.Bar.Cancel) + " cancels"
	return m, nil
}

// gotoKey edits the prompt; enter moves to the first row at or after the
// time (a binary search over the view: O(log n)).
func (m Model) gotoKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Bar.Cancel):
		m.mode, m.notice = ModeNormal, ""
		return m, nil
	case key.Matches(msg, m.keys.Bar.Apply):
		text := strings.TrimSpace(m.gotoIn.Value())
		t, err := parseGotoTime(text, m.timeOptions())
		if err != nil {
			m.notice = theme.Clean(err.Error())
			return m, nil
		}
		m.mode = ModeNormal
		return m.gotoTyped(text, t)
	}
	m.gotoIn.SetKeys(m.keys.Bar.Edit)
	m.gotoIn, _ = m.gotoIn.Update(msg)
	return m, nil
}

// gotoContextRows is how many rows stay on screen above the row a go-to
// lands on: the target sits near the top with what followed it below, as
// lnav puts it, and one row of what came before.
const gotoContextRows = 1

// goTo moves to the row nearest t at or after it (see timeSeek.at), near
// the top of the screen, and says when t is outside the rows so that a
// clamped move is not mistaken for a match; once the memory budget
// evicted older lines, a time before those held is said to be among them,
// or before the input, on the gap row (see evictedSeek). A time before
// every row while a file's head is still being read is waited for (see
// awaitGoto); waited says a wait is going on.
func (m Model) goTo(t time.Time, waited bool) (tea.Model, tea.Cmd) {
	m.gotoWait, m.notice = gotoWait{}, ""
	sn, n := m.store.Snapshot(), m.live.len()
	if n == 0 {
		m.notice = "no rows to go to"
		return m, nil
	}
	r, ok := m.live.seeker(sn).at(t.UnixNano())
	switch {
	case !ok:
		m.notice = "no row of this view has a time to go by"
		return m, nil
	case r.where == seekBefore && m.headUnread(waited):
		return m.awaitGoto(t)
	}
	if note, evicted := m.evictedSeek(t, r, sn); evicted {
		r.row = 0
		m.rowNote(note)
	} else {
		m.rowNote(m.seekNotice(r, n))
	}
	m.table.MoveNearTop(r.row, gotoContextRows)
	return m.afterMove(false)
}

// gotoBucket moves to the first row whose time is in [from, to): a bucket
// of the timeline strip, whatever order the times come in; to the row
// gotoTime finds when the bucket has none.
func (m Model) gotoBucket(from, to time.Time) (tea.Model, tea.Cmd) {
	if m.live.len() == 0 || to.IsZero() {
		return m.gotoTime(from)
	}
	r, ok := m.live.seeker(m.store.Snapshot()).within(from.UnixNano(), to.UnixNano())
	if !ok {
		return m.gotoTime(from)
	}
	m.gotoWait, m.notice = gotoWait{}, ""
	m.table.MoveNearTop(r.row, gotoContextRows)
	return m.afterMove(false)
}

// seekNotice says where a time asked for stands when it is outside the
// rows; "" when it is among them.
func (m Model) seekNotice(r seekResult, n int) string {
	at := m.clockText(time.Unix(0, r.ns))
	switch {
	case r.where == seekBefore && r.row == 0:
		return "before the first entry (" + at + "): at the first row"
	case r.where == seekBefore:
		return "before the earliest entry (" + at + ", not the first: times go back in this view): at its row"
	case r.where == seekAfter && r.row == n-1:
		return "after the last entry (" + at + "): at the last row"
	case r.where == seekAfter:
		return "after the latest entry (" + at + ", not the last: times go back in this view): at its row"
	}
	return ""
}

// clockText writes a time for a notice, with its date: the date is what a
// go-to past the data most often got wrong.
func (m Model) clockText(t time.Time) string { return t.In(m.loc()).Format("2006-01-02 15:04:05") }

// pairJump finds the selected entry's paired event (in a Cmd: it loads the
// entry and asks the store).
func (m Model) pairJump() (tea.Model, tea.Cmd) {
	seq := m.table.CursorSeq()
	if seq == 0 {
		return m, nil
	}
	store, sn := m.store, m.store.Snapshot()
	return m, func() tea.Msg {
		var e model.Entry
		_ = sn.Load(seq, &e, model.LoadIndex)
		p, _ := store.PairOf(&e)
		return pairFoundMsg{from: seq, partner: p.Partner, id: p.ID}
	}
}

// onPairFound jumps to the partner when it is in the view.
func (m Model) onPairFound(msg pairFoundMsg) (tea.Model, tea.Cmd) {
	if msg.from != m.table.CursorSeq() {
		return m, nil
	}
	switch {
	case msg.id == "":
		m.rowNote("this entry is not part of a connection")
		return m, nil
	case msg.partner == 0:
		// "(yet)" only while lines may still come.
		when := " (yet)"
		if m.inputEnded() {
			when = " in the lines read"
		}
		m.rowNote("no paired event for connection " + theme.Clean(msg.id) + when)
		return m, nil
	}
	return m.toPair(msg.partner)
}

// timeOptions are what the interface reads times with: its clock and zone,
// and the day of the data for a time written without a date, with the span
// of the entries held, so that on a log past midnight a time after its end
// falls on the day before (see query.Options.First).
func (m Model) timeOptions() query.Options {
	opt := query.Options{Now: m.cfg.now(), Location: m.loc(), Day: m.dataDay(), Dir: m.cfg.Dir}
	sn := m.store.Snapshot()
	if first, last := timedFrom(sn, sn.First(), 1), timedFrom(sn, sn.End()-1, -1); !first.IsZero() && !last.IsZero() {
		opt.First, opt.Last = first, last
	}
	// What the command line found of the inputs' span holds what is not
	// read yet (a big file's head) or no longer held (evicted).
	if !m.cfg.First.IsZero() && (opt.First.IsZero() || m.cfg.First.Before(opt.First)) {
		opt.First = m.cfg.First
	}
	if !m.cfg.Last.IsZero() && (opt.Last.IsZero() || m.cfg.Last.After(opt.Last)) {
		opt.Last = m.cfg.Last
	}
	return opt
}

// commandLineTimes are the time options of the command line: the day and
// the span of the data it found before reading the inputs, when it found
// them. The first filter (-q, --since, --until) is compiled with them, so
// that it selects what `connlog export` writes, not what the rows read by
// the time the interface starts make of a time without a date; without
// them, the interface's own (timeOptions).
func (m Model) commandLineTimes() query.Options {
	if m.cfg.Day.IsZero() {
		return m.timeOptions()
	}
	return query.Options{Now: m.cfg.now(), Location: m.loc(), Day: m.cfg.Day, First: m.cfg.First, Last: m.cfg.Last, Dir: m.cfg.Dir}
}

// timedFrom returns the time of the first entry from seq on, in the
// direction of step, that has one (zero when none of the few it looks at
// has): the end of a piped input, a gap or a boundary may stand last,
// without a time of its own, and the day of the data must not fall back
// to today for it.
func timedFrom(sn *model.Snapshot, seq, step int64) time.Time {
	for n := 0; n < timedLookAround && sn.Has(seq); n++ {
		if k := sn.Kind(seq); k != model.KindGap && k != model.KindBoundary && sn.Time(seq).Unix() > 0 {
			return sn.Time(seq)
		}
		if seq += step; seq == 0 { // no entry has Seq 0: prepended ones are below it
			seq += step
		}
	}
	return time.Time{}
}

// timedLookAround is how many entries timedFrom looks at.
const timedLookAround = 64

// dataDay is the day a time without a date falls on: the day of the row
// under the cursor (as lnav's :goto reads it), else of the newest entry,
// else the one the command line found. On yesterday's log 08:00 is
// yesterday at 08:00, not a time in the future that matches nothing.
func (m Model) dataDay() time.Time {
	sn := m.store.Snapshot()
	if seq := m.table.CursorSeq(); sn.Has(seq) && sn.Time(seq).Unix() > 0 {
		return sn.Time(seq)
	}
	if last := timedFrom(sn, sn.End()-1, -1); !last.IsZero() {
		return last
	}
	return m.cfg.Day
}

// windowNote explains an empty view whose filter has a time window that
// misses every entry, with the span of the log: "no entries since
// 2026-12-02 08:00; the input spans 2026-11-20 08:00–09:12" (see
// theme.OutsideHeld once older lines were evicted). It is "" otherwise.
func (m Model) windowNote() string {
	sn := m.store.Snapshot()
	if m.live.len() > 0 || sn.Len() == 0 {
		return ""
	}
	since, until := m.filter.query.TimeBounds()
	return theme.OutsideHeld(since, until, sn, m.loc())
}
