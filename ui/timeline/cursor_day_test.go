package timeline

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// The cursor's bucket is written with its date while the strip's window
// spans days, as its range is: "▲ 21:00" over a week reads as today's.
// Over one day its time of day says it.
func TestCursorBucketHasItsDateOverDays(t *testing.T) {
	var week []model.Entry
	for i := range 45 {
		week = append(week, entry(t0.Add(time.Duration(i)*220*time.Minute), model.LevelInfo, model.KindService))
	}
	for _, w := range []int{120, 80} {
		m := strip(countOf(t, week), w, 5, nil).SetYear(2026)
		info := lines(m)[0]
		if !strings.Contains(info, "▲ 11-27 ") {
			t.Errorf("%d cols: info line %q; want the cursor's bucket dated 11-27", w, info)
		}
		m, _ = press(m, "home")
		if info := lines(m)[0]; !strings.Contains(info, "▲ 11-20 ") {
			t.Errorf("%d cols: info line %q; want the cursor's bucket dated 11-20", w, info)
		}
	}
	day := []model.Entry{entry(t0, model.LevelInfo, model.KindService), entry(t0.Add(time.Hour), model.LevelInfo, model.KindService)}
	if info := lines(strip(countOf(t, day), 120, 5, nil).SetYear(2026))[0]; strings.Contains(info, "▲ 11-20") {
		t.Errorf("one day's strip dates its cursor: %q", info)
	}
}

// Over yesterday's log, all of one day, the strip's window and its
// cursor's bucket are written with their date: a time of day alone reads
// as today's.
func TestStripOfAnotherDaySaysTheDay(t *testing.T) {
	day := []model.Entry{entry(t0, model.LevelInfo, model.KindService), entry(t0.Add(time.Hour), model.LevelInfo, model.KindService)}
	m := strip(countOf(t, day), 80, 5, nil).SetYear(2026).SetNow(t0.Add(24 * time.Hour))
	info := lines(m)[0]
	for _, want := range []string{"▲ 11-20 ", "│ 11-20 "} {
		if !strings.Contains(info, want) {
			t.Errorf("info line %q; want %q in it", info, want)
		}
	}
	if info := lines(m.SetNow(t0.Add(2 * time.Hour)))[0]; strings.Contains(info, "11-20") {
		t.Errorf("today's strip dates its times: %q", info)
	}
}
