package ui

import (
	"testing"
	"time"

	"connlog/model"
)

// TestDataDaySkipsUntimedEnds: the day a time without a date falls on is
// the newest timed entry's, whatever stands after it without a time of its
// own (a gap, a boundary, a line the store holds at time zero): a filter
// since:08:01:30 on yesterday's piped log is yesterday's, not today's.
func TestDataDaySkipsUntimedEnds(t *testing.T) {
	day := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	es := []model.Entry{service(0, model.LevelInfo, "connector", "", "tick 0")}
	es[0].Time = day
	gap := model.Entry{Kind: model.KindGap, Level: model.LevelWarn, Origin: model.Origin{Offset: -1},
		Fields: model.Fields{model.Str(model.KeyGapReason, "x"), model.Int(model.KeyGapCount, 1)}}
	untimed := service(0, model.LevelInfo, "connector", "", "no time")
	untimed.Time = time.Unix(0, 0)
	es = append(es, gap, untimed)
	st, _ := newFixtureStore(t, es)
	m := newTestModel(t, st, 120, 24)
	m.table.MoveTo(-1) // no row under the cursor to take the day from
	if got := m.dataDay(); !got.Equal(day) {
		t.Errorf("dataDay = %v, want the timed entry's %v", got, day)
	}
	if opt := m.timeOptions(); !opt.Last.Equal(day) || !opt.First.Equal(day) {
		t.Errorf("the data's span = %v – %v, want %v", opt.First, opt.Last, day)
	}
}
