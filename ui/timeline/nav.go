package timeline

import (
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model/triage"
)

// step returns the ladder step the strip draws at: the one that fits the
// view's span in the width, made finer by the zoom (no finer than the
// counts hold).
func (m Model) step() int {
	fit := m.counts.fitStep(max(m.width, 1))
	return max(fit-m.zoom, m.counts.step)
}

// versions numbers the counts a strip adopts.
var versions atomic.Uint64

// layoutMemo is the counts of one version laid out at one step.
type layoutMemo struct {
	version uint64
	s       series
}

// series returns the counts at the strip's step, laid out once per
// version and step.
func (m Model) series() series {
	step := m.step()
	if step == m.counts.step || m.laid == nil {
		return m.counts.at(step)
	}
	if l := m.laid; l.version == m.version && l.s.step == step && m.version != 0 {
		return l.s
	}
	*m.laid = layoutMemo{version: m.version, s: m.counts.at(step)}
	return m.laid.s
}

// visible returns how many of n buckets are on screen: all of them when
// they fit (each then takes one or more columns, so that the strip fills
// the width), else one per column.
func (m Model) visible(n int) int { return max(min(n, m.width), 1) }

// indexOf returns the bucket of time ns in s, from s's first (it may be
// out of range).
func indexOf(s series, ns int64) int {
	return int(triage.FloorDiv(ns, widthAt(s.step)) - s.first)
}

// startOf returns the start of bucket i of s.
func startOf(s series, i int) int64 { return (s.first + int64(i)) * widthAt(s.step) }

// cursorIndex returns the cursor's bucket, clamped into the series (-1
// when the series is empty).
func (m Model) cursorIndex(s series) int {
	if len(s.t) == 0 {
		return -1
	}
	if m.cursor == 0 {
		return len(s.t) - 1
	}
	return min(max(indexOf(s, m.cursor), 0), len(s.t)-1)
}

// clampOffset scrolls so that the cursor's bucket is on screen.
func (m Model) clampOffset() Model { return m.clampOffsetIn(m.series()) }

// clampOffsetIn is clampOffset over the series already laid out.
func (m Model) clampOffsetIn(s series) Model {
	vis := m.visible(len(s.t))
	if i := m.cursorIndex(s); i >= 0 {
		if i < m.offset {
			m.offset = i
		}
		if i >= m.offset+vis {
			m.offset = i - vis + 1
		}
	}
	m.offset = max(min(m.offset, len(s.t)-vis), 0)
	return m
}

// moveBy moves the cursor d buckets.
func (m Model) moveBy(d int) (Model, tea.Cmd) {
	return m.moveTo(m.cursorIndex(m.series()) + d)
}

// moveTo puts the cursor on bucket i (clamped) and tells the root.
func (m Model) moveTo(i int) (Model, tea.Cmd) {
	s := m.series()
	if len(s.t) == 0 {
		return m, nil
	}
	i = min(max(i, 0), len(s.t)-1)
	m.cursor = startOf(s, i)
	m = m.clampOffset()
	at, to := time.Unix(0, m.cursor), time.Unix(0, startOf(s, i+1))
	return m, func() tea.Msg { return MoveMsg{At: at, To: to} }
}

// zoomBy zooms in (d > 0) or out, keeping the cursor's time.
func (m Model) zoomBy(d int) Model {
	fit := m.counts.fitStep(max(m.width, 1))
	m.zoom = min(max(m.zoom+d, 0), fit-m.counts.step)
	return m.clampOffset()
}

// toggleSelect starts a span at the cursor, fixes it, or starts anew.
func (m Model) toggleSelect() Model {
	if m.sel == selActive {
		m.sel = selFixed
		return m
	}
	s := m.series()
	if i := m.cursorIndex(s); i >= 0 {
		m.anchor, m.sel = startOf(s, i), selActive
	}
	return m
}

// spanOf returns the buckets of the selection (or of the cursor alone).
func (m Model) spanOf(s series) (lo, hi int) {
	c := m.cursorIndex(s)
	if m.sel == selNone || c < 0 {
		return c, c
	}
	a := min(max(indexOf(s, m.anchor), 0), len(s.t)-1)
	return min(a, c), max(a, c)
}

// apply asks the root to filter to the span; the strip goes back to
// fitting the width, since the view it will show is the span.
func (m Model) apply() (Model, tea.Cmd) {
	s := m.series()
	lo, hi := m.spanOf(s)
	if lo < 0 {
		return m, nil
	}
	from, to := time.Unix(0, startOf(s, lo)), time.Unix(0, startOf(s, hi+1))
	m.sel, m.zoom = selNone, 0
	return m, func() tea.Msg { return SpanMsg{From: from, To: to} }
}
