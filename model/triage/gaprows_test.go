package triage

import (
	"reflect"
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

// TestNotesAreNotTemplates: a gap row (the memory budget's, first) and a
// boundary row fold into no template, and count in no table nor window
// compared: the templates, the top values, the sessions and what changed
// are those of the entries alone.
func TestNotesAreNotTemplates(t *testing.T) {
	at := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	entries := []model.Entry{
		serviceEntry(at, "[INFO] [connector] one"),
		serviceEntry(at.Add(time.Second), "[ERROR] [connector] two"),
	}
	notes := []model.Entry{
		{Time: at, Kind: model.KindGap, Level: model.LevelWarn, Fields: model.Fields{model.Str(model.KeyGapReason, model.GapEvictionReason),
			model.Int(model.KeyGapCount, 1828846), model.Str(model.KeyMessage, "1,828,846 older lines dropped or not loaded to stay within the memory budget (--max-memory)")}},
		{Time: at.Add(time.Second), Kind: model.KindBoundary, Level: model.LevelNotice, Fields: model.Fields{model.Str(model.KeyBoundary, "restart")}},
	}
	report := func(es ...model.Entry) Report {
		tr := New(Options{Compare: &Compare{Trailing: DefaultTrailing, Fit: true}})
		tr.Add(clone(es))
		r := tr.Report(ReportOptions{Ended: true})
		for i := range r.Templates {
			r.Templates[i].ID = 0 // the order added, not what the template is
		}
		return r
	}
	with, without := report(append([]model.Entry{notes[0]}, append(entries, notes[1])...)...), report(entries...)
	if with.TemplateCount != without.TemplateCount || !reflect.DeepEqual(with.Templates, without.Templates) {
		t.Errorf("templates with the notes: %d %+v\nwithout: %d %+v", with.TemplateCount, with.Templates, without.TemplateCount, without.Templates)
	}
	if !reflect.DeepEqual(with.Top, without.Top) || !reflect.DeepEqual(with.Sessions, without.Sessions) || !reflect.DeepEqual(with.Changed, without.Changed) {
		t.Errorf("the notes changed the tables:\n%+v\n%+v\n%+v\nwithout them:\n%+v\n%+v\n%+v", with.Top, with.Sessions, with.Changed, without.Top, without.Sessions, without.Changed)
	}
}
