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

// TestNotesAreNotInputEntries: neither a gap row nor a boundary row (a
// restart, a reboot) is an entry of the input: InputEntries, what a
// summary and the views' titles count, leaves both out.
func TestNotesAreNotInputEntries(t *testing.T) {
	at := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	es := []model.Entry{
		serviceEntry(at, "[INFO] [connector] one"),
		{Time: at, Kind: model.KindBoundary, Level: model.LevelNotice, Fields: model.Fields{model.Str(model.KeyBoundary, "restart")}},
		{Time: at, Kind: model.KindGap, Level: model.LevelWarn, Fields: model.Fields{model.Str(model.KeyGapReason, "memory budget")}},
		{Time: at, Kind: model.KindBoundary, Level: model.LevelNotice, Fields: model.Fields{model.Str(model.KeyBoundary, "reboot")}},
		serviceEntry(at.Add(time.Second), "[INFO] [connector] two"),
	}
	tr := New(Options{})
	tr.Add(es)
	r := tr.Report(ReportOptions{})
	if r.Entries != 5 || r.GapRows != 1 || r.BoundaryRows != 2 || r.InputEntries() != 2 {
		t.Errorf("rows %d, gap rows %d, boundary rows %d, input entries %d; want 5, 1, 2, 2", r.Entries, r.GapRows, r.BoundaryRows, r.InputEntries())
	}
}
