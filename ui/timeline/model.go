package timeline

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
)

// SpanMsg asks the root to bound the filter to [From, To): the selected
// span, or the cursor's bucket when nothing is selected.
type SpanMsg struct{ From, To time.Time }

// MoveMsg tells the root that the strip's cursor moved to the bucket
// [At, To), so that the table can go to a row of it.
type MoveMsg struct{ At, To time.Time }

// State is whether the strip is on screen and has the keys.
type State uint8

// The states of the strip.
const (
	Hidden  State = iota // not drawn
	Shown                // drawn, its cursor on the table's
	Focused              // drawn, and the keys move over its buckets
)

// String names the state.
func (s State) String() string {
	switch s {
	case Shown:
		return "shown"
	case Focused:
		return "focused"
	}
	return "hidden"
}

// selState is where a span selection stands.
type selState uint8

const (
	selNone   selState = iota
	selActive          // the span follows the cursor from the anchor
	selFixed           // the span is set (v pressed twice)
)

// String names the selection state.
func (s selState) String() string {
	return [...]string{selNone: "none", selActive: "selecting", selFixed: "selected"}[s]
}

// Model is the timeline strip. It is a value: Update and the setters
// return the changed copy.
type Model struct {
	keys   *KeyMap
	styles *theme.Styles
	loc    *time.Location
	year   int       // the current year: a day of another is written with its year; 0 for always without
	now    time.Time // the clock (SetNow); zero says nothing of the day

	width, height int
	state         State
	// counting says a count is under way: the strip says so until the
	// counts arrive.
	counting bool

	counts Counts
	// version names the counts (unique across copies of the model), and
	// laid keeps the counts last laid out at a coarser step: drawing a
	// frame then costs no merge of the buckets unless they changed.
	version uint64
	laid    *layoutMemo
	zoom    int   // ladder steps finer than the step that fits the width
	cursor  int64 // ns: a time in the cursor's bucket; 0 for none
	anchor  int64 // ns: where the span selection started
	sel     selState
	offset  int // first bucket shown, at the zoomed step, from the series' first
}

// New returns a hidden strip.
func New(keys *KeyMap, styles *theme.Styles) Model {
	return Model{keys: keys, styles: styles, loc: time.Local, laid: &layoutMemo{}}
}

// Show shows the strip with the focus, its cursor on at (the table's
// cursor); Hide hides it.
func (m Model) Show(at time.Time) Model {
	m.state = Focused
	m.cursor = nsOf(at)
	return m.clampOffset()
}

// Hide hides the strip and drops its focus and selection.
func (m Model) Hide() Model {
	m.state, m.sel = Hidden, selNone
	return m
}

// Focus gives the strip the keys, its cursor on at.
func (m Model) Focus(at time.Time) Model {
	m.state = Focused
	if m.sel == selNone {
		m.cursor = nsOf(at)
	}
	return m.clampOffset()
}

// Blur gives the keys back to the table.
func (m Model) Blur() Model {
	if m.state == Focused {
		m.state = Shown
	}
	return m
}

// State returns whether the strip is hidden, shown or focused.
func (m Model) State() State { return m.state }

// Shown reports whether the strip is on screen.
func (m Model) Shown() bool { return m.state != Hidden }

// Focused reports whether the strip has the keys.
func (m Model) Focused() bool { return m.state == Focused }

// SetLocation sets the zone times are written in.
func (m Model) SetLocation(loc *time.Location) Model {
	if loc != nil {
		m.loc = loc
	}
	return m
}

// SetYear sets the current year: the strip writes the days of other years
// with their year, as the table does.
func (m Model) SetYear(year int) Model {
	m.year = year
	return m
}

// SetNow sets the clock: a window of another day than its own is written
// with its dates, as the table writes the rows of yesterday's log.
func (m Model) SetNow(now time.Time) Model {
	m.now = now
	return m
}

// Counting marks the counts as being recounted from scratch (a new view).
func (m Model) Counting() Model { m.counting = true; return m }

// SetCounts replaces the counts with a full count of the view.
func (m Model) SetCounts(c Counts) Model {
	m.counts, m.counting, m.version = c, false, versions.Add(1)
	return m.clampOffset()
}

// AddCounts adds the counts of rows appended to the view since.
func (m Model) AddCounts(c Counts) Model {
	m.counts.Add(c)
	m.version = versions.Add(1)
	return m.clampOffset()
}

// Counted returns how many entries the strip has counted.
func (m Model) Counted() int64 { return m.counts.Entries() }

// WithCursor puts the cursor on the bucket of at, as the table's cursor
// moves; it does nothing while the strip has the focus. The strip scrolls
// to it when drawn.
func (m Model) WithCursor(at time.Time) Model {
	if !m.Focused() {
		m.cursor = nsOf(at)
	}
	return m
}

func nsOf(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// Handles reports whether a key is one the strip acts on now.
func (m Model) Handles(msg tea.KeyPressMsg) bool {
	return m.Focused() && key.Matches(msg, m.keys.active()...)
}

// ShortHelp is the hint line while the strip has the focus.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// Update moves, zooms and selects; enter sends a SpanMsg, a move a
// MoveMsg. esc clears the selection, or leaves the strip when there is
// none.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || !m.Focused() {
		return m, nil
	}
	k := m.keys
	switch {
	case key.Matches(km, k.Left):
		return m.moveBy(-1)
	case key.Matches(km, k.Right):
		return m.moveBy(1)
	case key.Matches(km, k.First):
		return m.moveTo(0)
	case key.Matches(km, k.Last):
		return m.moveTo(len(m.series().t) - 1)
	case key.Matches(km, k.ZoomIn):
		return m.zoomBy(1), nil
	case key.Matches(km, k.ZoomOut):
		return m.zoomBy(-1), nil
	case key.Matches(km, k.Select):
		return m.toggleSelect(), nil
	case key.Matches(km, k.Apply):
		return m.apply()
	case key.Matches(km, k.Cancel):
		if m.sel != selNone {
			m.sel = selNone
			return m, nil
		}
		return m.Blur(), nil
	}
	return m, nil
}
