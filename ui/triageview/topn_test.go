package triageview

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model/triage"
)

func topReport() triage.Report {
	buckets := []uint32{1, 4, 9, 2}
	return triage.Report{Entries: 1234, Top: triage.Tops{
		Users:     []triage.Value{{Value: "alice@x", Count: 700, Share: 0.57, Buckets: buckets}, {Value: hostile, Count: 500, Share: 0.4}},
		Resources: []triage.Value{{Value: "db.internal", Count: 12, Share: 0.01}},
		Modules:   []triage.ModuleValue{{Value: triage.Value{Value: "libsdwan", Count: 3}}},
	}}
}

func shownTopN(t *testing.T, w, h int) TopNView {
	t.Helper()
	v := NewTopNView(DefaultKeyMap(), styles())
	v.SetSize(w, h)
	return v.Start(newJob(7, nil)).SetReport(ResultMsg{Gen: 7, Report: topReport(), Elapsed: 2 * time.Second})
}

func updateTopN(v TopNView, keys ...string) TopNView {
	for _, k := range press(keys...) {
		v, _ = v.Update(k)
	}
	return v
}

// TestTopNCursorSkipsHeadings: the cursor starts on the first value,
// moves over values only, and enter chooses the value under it, once.
func TestTopNCursorSkipsHeadings(t *testing.T) {
	v := shownTopN(t, 100, 30)
	if _, _, _, chosen := v.TakeChoice(); chosen {
		t.Fatal("a choice before enter")
	}
	v = updateTopN(v, "j", "j", "enter") // alice, the hostile user, then over the resources heading
	v, tb, val, chosen := v.TakeChoice()
	if !chosen || tb != TopResources || val.Value != "db.internal" {
		t.Fatalf("enter chose %v %q (%v); want the resource", tb, val.Value, chosen)
	}
	if _, _, _, again := v.TakeChoice(); again {
		t.Error("the choice is taken twice")
	}
	v = updateTopN(v, "G", "enter")
	if _, tb, val, _ := v.TakeChoice(); tb != TopModules || val.Value != "libsdwan" {
		t.Errorf("G then enter chose %v %q; want the last module", tb, val.Value)
	}
	v = updateTopN(v, "g", "k", "enter")
	if _, tb, val, _ := v.TakeChoice(); tb != TopUsers || val.Value != "alice@x" {
		t.Errorf("g, k then enter chose %v %q; want the first user", tb, val.Value)
	}
}

// TestTopNEmptyTablesKeepHeadings: every table has its heading, so that
// "nobody was denied" shows.
func TestTopNEmptyTablesKeepHeadings(t *testing.T) {
	v := shownTopN(t, 100, 40)
	if v.Len() != int(TableCount)+4 {
		t.Errorf("%d rows; want %d headings and 4 values", v.Len(), TableCount)
	}
	out := ansi.Strip(v.View())
	for tb := Table(0); tb < TableCount; tb++ {
		if !strings.Contains(out, tb.String()) {
			t.Errorf("no heading %q:\n%s", tb, out)
		}
	}
	for _, want := range []string{"top values of the view · 1,234 entries in 2s", "▸ alice@x", "57.0%"} {
		if !strings.Contains(out, want) {
			t.Errorf("the view lacks %q:\n%s", want, out)
		}
	}
}

func TestTopNStaleReportIsDropped(t *testing.T) {
	v := NewTopNView(DefaultKeyMap(), styles())
	v.SetSize(80, 10)
	cancelled := false
	v = v.Start(newJob(1, &cancelled)).Start(newJob(2, nil))
	if !cancelled {
		t.Error("a new job does not cancel the one in flight")
	}
	v = v.SetReport(ResultMsg{Gen: 1, Report: topReport()})
	if !v.Computing() || v.Len() != 0 {
		t.Error("the report of an older job was shown")
	}
	if v = v.SetReport(ResultMsg{Gen: 2, Report: topReport()}); v.Computing() || v.Len() == 0 {
		t.Error("the current report was not shown")
	}
}

func TestTopNFitsAndStaysInert(t *testing.T) {
	for _, sz := range sizes {
		v := updateTopN(shownTopN(t, sz[0], sz[1]), "j")
		checkScreen(t, v.View(), sz[0], sz[1])
	}
}

// TestTopNEmptyTableSaysNone: a table with no values says so on its
// heading's line, at 80 and 120 columns, and one with values does not.
func TestTopNEmptyTableSaysNone(t *testing.T) {
	for _, w := range []int{80, 120} {
		out := ansi.Strip(shownTopN(t, w, 24).View())
		for _, empty := range []string{"client IPs", "countries", "failure reasons", "denied accesses"} {
			if !strings.Contains(out, " "+empty+" · none") {
				t.Errorf("%d columns: the empty table %q does not say none:\n%s", w, empty, out)
			}
		}
		if strings.Contains(out, "users · none") || strings.Contains(out, "resources · none") {
			t.Errorf("%d columns: a table with values says none:\n%s", w, out)
		}
	}
}
