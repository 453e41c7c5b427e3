package triage

import (
	"testing"
	"time"

	"connlog/model"
)

// TestGapRowsAreNotEntries: a gap row notes lines lost; it is counted as a
// gap row (among the rows added) and a mark on the timeline, never in a
// level, nor as an untimed entry.
func TestGapRowsAreNotEntries(t *testing.T) {
	at := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	gap := func(when time.Time) model.Entry {
		return model.Entry{Time: when, Kind: model.KindGap, Level: model.LevelWarn,
			Fields: model.Fields{model.Str(model.KeyGapReason, "nul bytes"), model.Int(model.KeyGapCount, 4)}}
	}
	es := []model.Entry{serviceEntry(at, "[INFO] [connector] one"), gap(at), gap(time.Time{}), serviceEntry(at.Add(time.Second), "[INFO] [connector] two")}
	tr := New(Options{})
	tr.Add(es)
	r := tr.Report(ReportOptions{})
	var total, gaps int64
	for _, b := range r.Histogram {
		total += b.Total
		gaps += b.Gaps
	}
	if r.Entries != 4 || r.GapRows != 2 || r.Untimed != 0 || total != 2 || gaps != 1 || r.Histogram[0].Counts["warn"] != 0 {
		t.Errorf("entries %d, gap rows %d, untimed %d, timeline total %d, gap marks %d, first bucket %v",
			r.Entries, r.GapRows, r.Untimed, total, gaps, r.Histogram[0].Counts)
	}
}
