package ui

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// templateRowsEntries are lines whose templates the filter cannot take
// word for word: three coloured inside a word (shown "state=stalled"), two
// longer than a template (cut with an ellipsis), and a reboot boundary
// (a note, of no template).
func templateRowsEntries() []model.Entry {
	d := decode.New(0, decode.Options{Location: time.UTC})
	var out []model.Entry
	for _, l := range []string{
		"2026-12-06T01:00:01Z [WARN] [connector] relay state=\x1b[31mstalled\x1b[0m id 1",
		"2026-12-06T01:00:02Z [WARN] [connector] relay state=\x1b[31mstalled\x1b[0m id 2",
		"2026-12-06T01:00:03Z [WARN] [connector] relay state=\x1b[31mstalled\x1b[0m id 3",
		"2026-12-06T01:00:04Z [INFO] [connector] token refresh payload=" + strings.Repeat("A", 400),
		"2026-12-06T01:00:05Z [INFO] [connector] token refresh payload=" + strings.Repeat("A", 401),
	} {
		out = d.Decode(&model.Record{Raw: []byte(l), Offset: -1}, out)
	}
	out = d.Flush(out)
	boundary := marker(0, model.KindBoundary, model.Str(model.KeyBoundary, "reboot"), model.Str(model.KeyMessage, model.BoundaryMessage("reboot")))
	boundary.Time, boundary.Level = time.Date(2026, 12, 6, 1, 0, 6, 0, time.UTC), model.LevelNotice
	return append(out, boundary)
}

// TestTemplateFilterKeepsItsRows: enter on each template, be it coloured
// or cut, filters the table to its lines; the boundary, a note, is no
// template.
func TestTemplateFilterKeepsItsRows(t *testing.T) {
	st, _ := newFixtureStore(t, templateRowsEntries())
	if rows := drive(t, newTestModel(t, st, 120, 35), keys("P")...).tmpl.Rows(); len(rows) != 2 {
		t.Errorf("%d templates, want 2 (the boundary is none): %+v", len(rows), rows)
	}
	for row, want := range []int{3, 2} {
		m := drive(t, newTestModel(t, st, 120, 35), append(append(keys("P"), keys(strings.Repeat("j", row))...), keys("enter")...)...)
		if m.mode != ModeNormal {
			t.Fatalf("row %d: mode %s after enter; want normal", row, m.mode)
		}
		if got := m.live.len(); got != want {
			t.Errorf("row %d: filter %q keeps %d rows, want the template's %d", row, m.filter.text, got, want)
		}
	}
}
