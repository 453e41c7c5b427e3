package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/ui/theme"
)

// TestFirstFilterTakesTheCommandLinesSpan: a log of 21:00 to 02:30, read
// the morning after, of which only the rows after midnight have arrived
// when the interface starts (a big file's tail, read first). The command
// line found the whole span: since:23:00, from --since 23:00, is the
// evening before, as `connlog export` writes it, not the coming night that
// the rows read so far would make of it. A time typed while the evening is
// still being read falls there too.
func TestFirstFilterTakesTheCommandLinesSpan(t *testing.T) {
	evening := time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC)
	var tail []model.Entry
	for at := evening.Add(3 * time.Hour); !at.After(evening.Add(5*time.Hour + 30*time.Minute)); at = at.Add(30 * time.Minute) {
		e := service(0, model.LevelInfo, "connector", "tick", "tick")
		e.Time = at
		tail = append(tail, e)
	}
	st, _ := newFixtureStore(t, tail) // 00:00 to 02:30 of the 21st
	cfg := testConfig()
	cfg.Query = "since:23:00"
	cfg.Day, cfg.First, cfg.Last = tail[len(tail)-1].Time, evening, tail[len(tail)-1].Time
	m := withStyles(New(cfg, st, nil), unstyled(theme.Default()))
	m = runCmd(t, drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}), m.initCmd)
	if n := m.live.len(); n != len(tail) {
		t.Errorf("since:23:00 from the command line: %d rows, want all %d after the evening's 23:00 (filter %q)", n, len(tail), m.filter.text)
	}
	m = drive(t, m, keys("esc", "G", "/", "until:23:30", "enter")...)
	if n := m.live.len(); n != 0 {
		t.Errorf("until:23:30 typed: %d rows, want none (the evening's 23:30 is before every row read)", n)
	}
}

// TestStreamDayIsThatOfItsFirstLines: a log of two days piped whole, all
// of it read before the first frame: since:08:00 falls on the day of its
// first lines, as `connlog export` takes it, not on the day of the newest
// line that happened to arrive by then.
func TestStreamDayIsThatOfItsFirstLines(t *testing.T) {
	st, rp := newFixtureStore(t, nil)
	cfg := testConfig()
	cfg.Query, cfg.DayOfFirstLines = "since:08:00", true
	m := drive(t, New(cfg, st, nil), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = runCmd(t, m, m.initCmd)
	day := time.Date(2026, 11, 20, 6, 0, 0, 0, time.UTC)
	var es []model.Entry
	for i := range 2000 { // a line a minute, 06:00 on the 20th to 15:19 on the 21st
		e := service(0, model.LevelInfo, "connector", "tick", "tick")
		e.Time = day.Add(time.Duration(i) * time.Minute)
		es = append(es, e)
	}
	rp.add(es)
	st.Append(es)
	m = drive(t, m, frameMsg{})
	if n, want := m.live.len(), 2000-120; n != want {
		t.Errorf("since:08:00 on a stream of two days: %d rows, want %d (from the first day's 08:00; filter %q)", n, want, m.filter.text)
	}
}
