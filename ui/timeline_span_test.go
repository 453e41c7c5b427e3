package ui

import (
	"testing"

	"connlog/model"
	"connlog/ui/timeline"
)

// TestTimelineSpanIsHalfOpen: a span of the strip ends where the next
// bucket begins, and that bucket's first entry, at that very time, is not
// in it.
func TestTimelineSpanIsHalfOpen(t *testing.T) {
	var es []model.Entry
	for s := 0; s <= 120; s += 10 {
		es = append(es, service(s*1000, model.LevelInfo, "connector", "", "tick"))
	}
	st, _ := newFixtureStore(t, es)
	m := newTestModel(t, st, 100, 30)
	m = drive(t, m, timeline.SpanMsg{From: at(0), To: at(60_000)})
	if m.live.len() != 6 {
		t.Errorf("the span 08:00:00–08:01:00 of a line every 10 s keeps %d rows (filter %q); want 6", m.live.len(), m.filter.text)
	}
	m = drive(t, m, timeline.SpanMsg{From: at(10_250), To: at(20_250)})
	if m.live.len() != 1 {
		t.Errorf("a span within seconds keeps %d rows (filter %q); want the line of 08:00:20", m.live.len(), m.filter.text)
	}
}
