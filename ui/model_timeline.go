package ui

import (
	"context"
	"log"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/query"
	"connlog/ui/timeline"
)

// timelineCounts is the root's bookkeeping of the strip's counts: which
// view they are of and how far into it, so that rows appended while
// following are counted alone and added (never a recount), and a new view
// is counted anew.
type timelineCounts struct {
	gen     int   // bumped by every full count: an older result is dropped
	liveGen int   // the view generation counted; -1 for none
	next    int64 // every row of the view with a Seq below it is counted
	first   int64 // the Seq of the view's first row when counted
	busy    bool  // a count is running
	cancel  context.CancelFunc
	started time.Time // when the full count was asked for
	// terms are the since:/time< terms the strip last added to the filter,
	// replaced rather than piled up when another span is chosen.
	terms string
}

// timelineCountedMsg carries counts of rows of the view: all of them
// (full) or those appended since the last count.
type timelineCountedMsg struct {
	gen    int
	full   bool
	counts timeline.Counts
	next   int64
}

// cursorTime is the time of the table's cursor row (zero when none).
func (m Model) cursorTime() time.Time {
	sn := m.store.Snapshot()
	if seq := m.table.CursorSeq(); sn.Has(seq) {
		return sn.Time(seq)
	}
	return time.Time{}
}

// timelineKey handles the strip's keys in the table's mode: its toggle,
// tab into and out of it, and the keys it acts on while focused. ok is
// false for any other key.
func (m Model) timelineKey(msg tea.KeyPressMsg) (out tea.Model, cmd tea.Cmd, ok bool) {
	switch {
	case key.Matches(msg, m.keys.Timeline.Toggle):
		out, cmd = m.toggleTimeline()
		return out, cmd, true
	case m.tl.Handles(msg):
		m.tl, cmd = m.tl.Update(msg)
		m.layout()
		return m, cmd, true
	case key.Matches(msg, m.keys.Focus) && m.tl.Focused():
		m.tl, m.focus = m.tl.Blur(), FocusTable
		m.layout()
		return m, nil, true
	case key.Matches(msg, m.keys.Focus) && m.tl.Shown() && (!m.showDetail || m.focus == FocusDetail):
		m.tl, m.focus = m.tl.Focus(m.cursorTime()), FocusTable
		m.layout()
		return m, nil, true
	}
	return m, nil, false
}

// toggleTimeline shows the strip with the focus (and counts the view),
// focuses it when shown, and hides it when it has the focus.
func (m Model) toggleTimeline() (tea.Model, tea.Cmd) {
	switch {
	case !m.tl.Shown():
		m.tl, m.focus = m.tl.Show(m.cursorTime()), FocusTable
		m.layout()
		return m, m.countTimeline()
	case m.tl.Focused():
		m.tl = m.tl.Hide()
		if m.tlc.cancel != nil {
			m.tlc.cancel()
		}
		// The generation goes on: a count still in flight stays stale.
		m.tlc = timelineCounts{gen: m.tlc.gen, liveGen: -1, terms: m.tlc.terms}
		m.layout()
		return m, nil
	}
	m.tl, m.focus = m.tl.Focus(m.cursorTime()), FocusTable
	m.layout()
	return m, nil
}

// countTimeline counts the whole view in a Cmd, over a copy of its header,
// cancelling a count in flight. While the view is being built the strip
// says it is counting, and the count starts when the view arrives.
func (m *Model) countTimeline() tea.Cmd {
	if m.tlc.cancel != nil {
		m.tlc.cancel()
	}
	m.tlc.gen++
	m.tl = m.tl.Counting()
	if m.live.view == nil || m.live.building {
		m.tlc.liveGen, m.tlc.busy = -1, false
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	sn, vc, gen := m.store.Snapshot(), *m.live.view, m.tlc.gen
	m.tlc = timelineCounts{gen: gen, liveGen: m.live.gen, next: vc.Next(), first: m.live.seqAt(0), busy: true,
		cancel: cancel, terms: m.tlc.terms, started: time.Now()}
	return func() tea.Msg {
		return timelineCountedMsg{gen: gen, full: true, counts: timeline.Count(ctx, sn, &vc, 0, vc.Len()), next: vc.Next()}
	}
}

// refreshTimeline keeps the counts up with the view: a new view is counted
// anew, rows appended to it are counted alone and added. One count runs at
// a time; the next starts when it is in.
func (m *Model) refreshTimeline() tea.Cmd {
	if !m.tl.Shown() || m.live.view == nil || m.live.building {
		return nil
	}
	if m.tlc.liveGen != m.live.gen || m.timelineStale(m.live.seqAt(0)) {
		return m.countTimeline()
	}
	vc := *m.live.view
	if m.tlc.busy || vc.Next() <= m.tlc.next {
		return nil
	}
	m.tlc.busy = true
	sn, gen, lo := m.store.Snapshot(), m.tlc.gen, vc.Index(m.tlc.next)
	return func() tea.Msg {
		return timelineCountedMsg{gen: gen, counts: timeline.Count(context.Background(), sn, &vc, lo, vc.Len()), next: vc.Next()}
	}
}

// evictedShare is the share of the counted rows the store may evict (the
// oldest, under its memory budget) before the strip is counted anew:
// evicted rows cannot be read back to be taken out of their buckets, and a
// recount on every eviction would cost a full count per frame.
const evictedShare = 8 // one eighth

// timelineStale reports whether the view's rows moved under the counts
// (first is the Seq of its first row now): rows were prepended above them
// (a file opened tail first), or an eighth of them were evicted.
func (m Model) timelineStale(first int64) bool {
	counted := m.tlc.first
	if first == 0 || counted == 0 {
		return false
	}
	return first < counted || (first-counted)*evictedShare >= m.tlc.next-counted
}

// onTimelineCounted adopts counts, unless a newer count made them stale.
func (m Model) onTimelineCounted(msg timelineCountedMsg) (tea.Model, tea.Cmd) {
	if msg.gen != m.tlc.gen || !m.tl.Shown() {
		return m, nil
	}
	m.tlc.busy, m.tlc.next = false, msg.next
	if msg.full {
		if m.tlc.cancel != nil {
			m.tlc.cancel() // done: release the context
			m.tlc.cancel = nil
		}
		m.tl = m.tl.SetCounts(msg.counts)
		m.timing.timelineCounted(msg.counts.Entries(), m.tlc.started)
	} else {
		m.tl = m.tl.AddCounts(msg.counts)
	}
	return m, m.refreshTimeline()
}

// withTimeline brings the strip's counts up after the view changed.
func withTimeline(out tea.Model, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	m, ok := out.(Model)
	if !ok {
		return out, cmd
	}
	return m, tea.Batch(cmd, m.refreshTimeline())
}

// onTimelineSpan bounds the filter to a span chosen on the strip, as
// since:… time<… terms the user sees in the bar and can edit (the span
// ends where the next bucket begins); the terms the strip added before are
// replaced. Its bounds carry their date, in the zone the table shows, so
// that they mean the same whatever the day of the data.
func (m Model) onTimelineSpan(msg timeline.SpanMsg) (tea.Model, tea.Cmd) {
	terms := query.Window(msg.From, msg.To, m.loc())
	text := m.filter.text
	if m.tlc.terms != "" {
		if rest, ok := strings.CutSuffix(text, m.tlc.terms); ok {
			text = strings.TrimSpace(rest)
		}
	}
	m.tlc.terms = terms
	m.tl, m.focus = m.tl.Blur(), FocusTable
	m.layout()
	return m.setFilterText(query.And(text, terms))
}

// timelineLines draws the strip above the table, its cursor on the
// table's when the table has the keys.
func (m Model) timelineLines() []string {
	switch m.mode {
	case ModeNormal, ModeFilter, ModeGoto, ModePivot:
	default:
		return nil
	}
	tl := m.tl.SetLocation(m.loc()).SetYear(m.thisYear()).SetNow(m.now).WithCursor(m.cursorTime())
	if v := tl.View(); v != "" {
		return splitLines(v)
	}
	return nil
}

// stripLines is how many lines of a body the timeline strip takes, in the
// modes that show it (see timelineLines).
func (m Model) stripLines(body int) int {
	switch m.mode {
	case ModeNormal, ModeFilter, ModeGoto, ModePivot:
		return m.tl.Height(body)
	}
	return 0
}

// layoutTimeline sizes the strip and returns what of the body is left for
// the table and the detail pane.
func (m *Model) layoutTimeline(w, body int) int {
	h := m.tl.Height(body)
	m.tl = m.tl.SetSize(w, h)
	return body - h
}

// timelineCounted logs a full count of the strip adopted by the model,
// timed from when it was asked for (the key, or the view it waited for).
func (t *timing) timelineCounted(entries int64, since time.Time) {
	if t == nil || !t.enabled() {
		return
	}
	log.Printf("connlog-timing timeline-counted entries=%d took=%dms", entries, time.Since(since).Milliseconds())
}
