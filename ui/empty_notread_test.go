package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// notReadGap is the gap the file source reports for a rotated copy it
// could not open: nothing of it was read.
func notReadGap(ms int, name string) model.Entry {
	return marker(ms, model.KindGap, model.Str(model.KeyGapReason,
		model.GapFileNotRead+": "+name+": "+model.GapNothingRead+": open /var/log/"+name+": permission denied"))
}

// TestAnEmptyWindowSaysWhichFilesWereNotRead: a window that finds nothing
// while some input was not read at all says so where the rows would be,
// naming the first file and why, and where its gap is: its lines' time
// is unknown, so the window may have held them.
func TestAnEmptyWindowSaysWhichFilesWereNotRead(t *testing.T) {
	es := []model.Entry{text(0, "first"), notReadGap(500, "app.log.1"), text(1000, "second")}
	st, _ := newFixtureStore(t, es)
	m := newTestModel(t, st, 200, 12)
	m = drive(t, m, keys("/", "zzzz", "enter")...)
	want := "app.log.1 was not read (permission denied)"
	if s := screen(m); !strings.Contains(s, want) || !strings.Contains(s, "kind:gap") {
		t.Errorf("the empty view does not say %q and where its gap is:\n%s", want, s)
	}

	two := append(es, notReadGap(1500, "app.log.2"))
	st, _ = newFixtureStore(t, two)
	m = drive(t, newTestModel(t, st, 200, 12), keys("/", "zzzz", "enter")...)
	if s := screen(m); !strings.Contains(s, "2 input files were not read") || !strings.Contains(s, "app.log.1") {
		t.Errorf("the empty view does not count the files not read:\n%s", s)
	}

	// Other gaps are no file not read.
	st, _ = newFixtureStore(t, fixtureEntries())
	m = drive(t, newTestModel(t, st, 200, 12), keys("/", "zzzz", "enter")...)
	if s := screen(m); strings.Contains(s, "not read") {
		t.Errorf("a view without such a gap speaks of files not read:\n%s", s)
	}
}
