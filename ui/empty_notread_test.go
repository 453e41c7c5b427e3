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
	want = "app.log.1 (permission denied) and app.log.2 (permission denied) were not read"
	if s := screen(m); !strings.Contains(s, want) {
		t.Errorf("the empty view does not name both files not read (%q):\n%s", want, s)
	}

	// Beyond three, the first three are named (app.log.10 after app.log.9,
	// as rotation numbers them) and the others counted.
	var many []model.Entry
	for i, n := range []string{"app.log.10", "app.log.9", "app.log.2", "app.log.3", "app.log.1"} {
		many = append(many, notReadGap(100*(i+1), n))
	}
	st, _ = newFixtureStore(t, append(es, many...))
	m = drive(t, newTestModel(t, st, 200, 12), keys("/", "zzzz", "enter")...)
	want = "5 input files were not read: app.log.1 (permission denied), app.log.2 (permission denied), app.log.3 (permission denied) and 2 more"
	if s := screen(m); !strings.Contains(strings.Join(strings.Fields(s), " "), want) {
		t.Errorf("the empty view does not say %q:\n%s", want, s)
	}

	// Other gaps are no file not read.
	st, _ = newFixtureStore(t, fixtureEntries())
	m = drive(t, newTestModel(t, st, 200, 12), keys("/", "zzzz", "enter")...)
	if s := screen(m); strings.Contains(s, "not read") {
		t.Errorf("a view without such a gap speaks of files not read:\n%s", s)
	}
}
