package timeline

import (
	"strings"
	"testing"
	"time"
)

// TestSelectSpanSendsBounds moves, selects three buckets and applies: the
// root is asked for exactly their start and end.
func TestSelectSpanSendsBounds(t *testing.T) {
	m := strip(countOf(t, sample()), 80, 5, nil) // 30 s buckets, cursor on the last (08:29:30)
	m, msgs := press(m, "left", "v", "left", "left")
	if len(msgs) != 3 {
		t.Fatalf("%d move messages; want 3", len(msgs))
	}
	if mv, ok := msgs[2].(MoveMsg); !ok || !mv.At.Equal(t0.Add(28*time.Minute)) {
		t.Errorf("last move %v; want 08:28:00", msgs[2])
	}
	if !strings.Contains(lines(m)[0], "span 08:28:00–08:29:30") {
		t.Errorf("info line %q", lines(m)[0])
	}
	m, msgs = press(m, "enter")
	span, ok := msgs[0].(SpanMsg)
	if !ok || !span.From.Equal(t0.Add(28*time.Minute)) || !span.To.Equal(t0.Add(29*time.Minute+30*time.Second)) {
		t.Fatalf("enter sent %v; want 08:28:00–08:29:30", msgs)
	}
	// With no span, enter takes the cursor's bucket.
	_, msgs = press(m, "home", "enter")
	if span := msgs[1].(SpanMsg); !span.From.Equal(t0) || !span.To.Equal(t0.Add(30*time.Second)) {
		t.Errorf("bucket span %v–%v", span.From, span.To)
	}
}

// TestZoomKeepsTheCursor zooms in to the finest step and back out: the
// cursor's time stays in the cursor's bucket and the scale follows.
func TestZoomKeepsTheCursor(t *testing.T) {
	m := strip(countOf(t, sample()), 80, 5, nil)
	m, _ = press(m, "home", "right", "right")
	at := m.cursor
	for range 5 {
		m, _ = press(m, "+")
	}
	if !strings.HasPrefix(lines(m)[0], "timeline 1s") {
		t.Errorf("zoomed in: %q", lines(m)[0])
	}
	if !strings.Contains(lines(m)[0], "▲ 08:01:00") || m.cursor != at {
		t.Errorf("the cursor moved when zooming: %q", lines(m)[0])
	}
	if !strings.Contains(lines(m)[4], "▲") {
		t.Errorf("the cursor is off screen: %q", lines(m)[4])
	}
	for range 9 {
		m, _ = press(m, "-")
	}
	if !strings.HasPrefix(lines(m)[0], "timeline 30s") {
		t.Errorf("zoomed out past the fit: %q", lines(m)[0])
	}
}

// TestEscClearsThenLeaves checks esc: the span goes first, then the focus.
func TestEscClearsThenLeaves(t *testing.T) {
	m := strip(countOf(t, sample()), 80, 5, nil)
	m, _ = press(m, "v", "left", "esc")
	if m.sel != selNone || !m.Focused() {
		t.Fatalf("first esc: sel %v focused %v", m.sel, m.Focused())
	}
	m, _ = press(m, "esc")
	if m.Focused() || !m.Shown() {
		t.Errorf("second esc: focused %v shown %v", m.Focused(), m.Shown())
	}
}

// TestAddCountsFollows adds the counts of appended rows: the strip grows
// at its end without a recount, and rescales when the span outgrows it.
func TestAddCountsFollows(t *testing.T) {
	es := sample()
	m := strip(countOf(t, es[:100]), 80, 5, nil)
	m = m.Blur()
	before := m.step()
	m = m.AddCounts(countOf(t, es[100:]))
	if m.counts.Entries() != int64(len(es)) {
		t.Fatalf("%d entries after the add; want %d", m.counts.Entries(), len(es))
	}
	if m.step() <= before {
		t.Errorf("step %d after the span grew; was %d", m.step(), before)
	}
	m = m.WithCursor(t0.Add(29 * time.Minute))
	if !strings.Contains(lines(m)[0], "▲ 08:29:00") {
		t.Errorf("the cursor does not follow the table: %q", lines(m)[0])
	}
}
