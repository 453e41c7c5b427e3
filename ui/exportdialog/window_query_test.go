package exportdialog

import (
	"slices"
	"testing"
	"time"

	"connlog/model/export"
	"connlog/model/query"
)

// TestWindowBundleQuerySelectsTheWindow writes a bundle of a time window:
// its manifest's query holds the window, in times that mean the same in
// any zone, and selects of the lines exactly those the export wrote, as
// connlog export's manifest does.
func TestWindowBundleQuerySelectsTheWindow(t *testing.T) {
	src := newSource(t, 10)
	src.Query = "line"
	s := Settings{Scope: ScopeWindow, From: "08:00:02", To: "08:00:05.5", Format: export.FormatBundle}
	rows, err := src.seqs(s)
	if err != nil {
		t.Fatal(err)
	}
	var want []time.Time
	for i := range rows.Len() {
		want = append(want, src.Snapshot.Time(rows.At(i)))
	}
	got := src.Options(s, nil, nil, "").Bundle.Query
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	q, err := query.Compile(got, query.Options{Location: tokyo, Now: base.Add(48 * time.Hour)})
	if err != nil {
		t.Fatalf("the manifest's query %q does not compile: %v", got, err)
	}
	var selected []time.Time
	for e := range src.entries(viewRows(&src.View, 0, src.View.Len()), nil) {
		if q.Match(e) {
			selected = append(selected, e.Time)
		}
	}
	if len(want) != 4 || !slices.EqualFunc(selected, want, time.Time.Equal) {
		t.Errorf("the manifest's query %q selects %v; the export wrote %v", got, selected, want)
	}
}
