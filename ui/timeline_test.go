package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"connlog/model"
)

// TestGoldenTimeline keeps the strip above the table, focused, with a span
// of two buckets selected.
func TestGoldenTimeline(t *testing.T) {
	for _, sz := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := goldenModel(t, sz[0], sz[1])
			m = drive(t, m, keys("T", "g", "v", "l")...)
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}

// TestFlowTimelineSpanFilters opens the strip, selects the first two
// minutes and applies them: the filter bar shows the bounds as since: and
// time< terms (the span ends where the next bucket begins), and the table
// keeps the rows inside them.
func TestFlowTimelineSpanFilters(t *testing.T) {
	l := startLive(t, fixtureEntries(), 100, 30)
	l.waitFor("15/15")
	l.press("T")
	l.waitFor("timeline 1m", "▲ 08:50")
	l.press("g", "v", "l")
	l.waitFor("span 08:00–08:02")
	l.press("enter")
	l.waitFor("filter: since:2026-11-20T08:00:00 time<2026-11-20T08:02:00", "14/15")
	m := l.final()
	if m.filter.text != "since:2026-11-20T08:00:00 time<2026-11-20T08:02:00" {
		t.Errorf("filter = %q", m.filter.text)
	}
	if m.tl.Focused() {
		t.Error("the strip kept the keys after the span was applied")
	}
}

// TestFlowTimelineFollowsWithoutRecount appends lines while the strip is
// shown: its buckets grow by what arrived, and the view is never counted
// again from scratch.
func TestFlowTimelineFollowsWithoutRecount(t *testing.T) {
	l := startLive(t, fixtureEntries(), 100, 30)
	l.waitFor("15/15")
	l.press("T", "tab") // shown, the keys back to the table: its cursor follows the newest row
	l.waitFor("timeline 1m")
	l.appendLines(0, 30)
	l.waitFor("45/45", "▲ 08:00 43")
	m := l.final()
	if m.tlc.gen != 1 {
		t.Errorf("%d full counts; want 1, the rest added", m.tlc.gen)
	}
	if got := m.tl.Counted(); got != 45 {
		t.Errorf("the strip counted %d entries; want 45", got)
	}
}

// TestTimelineSpanReplacesItsTerms chooses a second span: the strip's
// earlier terms are replaced, the rest of the filter kept.
func TestTimelineSpanReplacesItsTerms(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 100, 30)
	m = drive(t, m, keys("/", "kind:service", "enter")...)
	m = drive(t, m, keys("T", "g", "enter")...)
	first := m.filter.text
	m = drive(t, m, keys("T", "G", "enter")...)
	if want := "kind:service since:2026-11-20T08:00:00 time<2026-11-20T08:00:01"; first != want {
		t.Errorf("first span: %q; want %q", first, want)
	}
	if strings.Count(m.filter.text, "since:") != 1 || !strings.HasPrefix(m.filter.text, "kind:service ") {
		t.Errorf("second span: %q; want kind:service and one pair of bounds", m.filter.text)
	}
}

// TestTimelineRecountsAfterEvictions follows a store that evicts its
// oldest entries under its memory budget: once an eighth of the counted
// rows are gone the strip counts the view anew, so its buckets never hold
// much more than the view does.
func TestTimelineRecountsAfterEvictions(t *testing.T) {
	st := model.NewStore(model.StoreOptions{MaxMemory: 256 << 10})
	st.Append(serviceBatch(0))
	m := drive(t, newTestModel(t, st, 100, 30), keys("T")...)
	first := m.tlc.gen
	for b := 1; b <= 40; b++ {
		st.Append(serviceBatch(1000 * b))
		m = drive(t, m, frameMsg{})
	}
	if st.Stats().Evicted == 0 {
		t.Fatal("the store evicted nothing: the test does not test")
	}
	if m.tlc.gen == first {
		t.Error("the strip was never counted anew after evictions")
	}
	if n, got := int64(m.live.len()), m.tl.Counted(); got > n+n/evictedShare+1000 {
		t.Errorf("the strip counts %d entries for a view of %d", got, n)
	}
}

// TestTimelineDropsAnOldCount hides and shows the strip again while its
// first count is in flight: the first count, cancelled and late, must not
// replace the second.
func TestTimelineDropsAnOldCount(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, 100, 30)
	nm, first := m.Update(keys("T")[0])
	nm, _ = nm.(Model).Update(keys("T")[0]) // hidden again: the first count is cancelled
	nm, second := nm.(Model).Update(keys("T")[0])
	m = nm.(Model)
	if first == nil || second == nil {
		t.Fatal("showing the strip started no count")
	}
	m = drive(t, m, callCmd(t, second), callCmd(t, first))
	if got := m.tl.Counted(); got != 15 {
		t.Errorf("the strip counts %d entries; want the 15 of the second count", got)
	}
}
