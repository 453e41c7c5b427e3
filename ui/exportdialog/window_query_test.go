package exportdialog

import (
	"slices"
	"strings"
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
	tokyo := time.FixedZone("JST", 9*3600)
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

// TestBundleQueryKeepsTheFiltersMoments: a filter's relative times
// (since:15m) are written in the manifest as the moments they named when
// the filter was applied, in UTC: reopened later, since:15m would name
// another moment and select other lines.
func TestBundleQueryKeepsTheFiltersMoments(t *testing.T) {
	src := newSource(t, 10)
	applied := base.Add(10 * time.Minute)
	src.Query, src.QueryOpt = "line since:15m until:-9m59.5s", query.Options{Now: applied, Location: time.FixedZone("CET", 3600)}
	for _, scope := range []Scope{ScopeView, ScopeWindow} {
		s := Settings{Scope: scope, From: "08:00:00", To: "09:00", Format: export.FormatBundle}
		got := src.Options(s, nil, nil, "").Bundle.Query
		want := "line " + query.ClosedWindow(applied.Add(-15*time.Minute), applied.Add(-9*time.Minute-59500*time.Millisecond))
		if scope == ScopeView && got != want || scope == ScopeWindow && !strings.HasPrefix(got, want+" ") {
			t.Errorf("scope %v: the manifest's query is %q, want %q first", scope, got, want)
		}
	}
}
