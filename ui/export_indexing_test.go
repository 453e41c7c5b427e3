package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/ui/exportdialog"
	"connlog/ui/internal/uitest"
)

// indexingTest is the interface over the fixtures while the head of the
// file is still being read (tail first), with a clock the test moves.
type indexingTest struct {
	t     *testing.T
	st    *model.Store
	rp    *reparser
	m     Model
	now   time.Time
	added int
}

func newIndexingTest(t *testing.T) *indexingTest {
	st, rp := newFixtureStore(t, fixtureEntries())
	it := &indexingTest{t: t, st: st, rp: rp, now: testNow}
	it.m = newTestModel(t, st, 120, 35)
	it.m.cfg.Now = func() time.Time { return it.now }
	it.m = drive(t, it.m, indexingAt("40% (1.0 GB)"))
	return it
}

// indexingAt is the update of a file whose head is being read.
func indexingAt(progress string) updateMsg {
	return updateMsg{model.Update{Sources: []model.SourceStatus{{Name: "big.log", State: model.StateIndexing + " " + progress}}}}
}

// indexed is the update of the file once its head is stored.
var indexed = updateMsg{model.Update{Sources: []model.SourceStatus{{Name: "big.log", State: "following"}}}}

// prepend stores n older lines before the others, as a block of the head,
// and hands the interface the update that tells of them, with states.
func (it *indexingTest) prepend(n int, states updateMsg) {
	es := make([]model.Entry, n)
	for i := range es {
		es[i] = service(-100_000+1000*(it.added+i), model.LevelInfo, "connector", "", fmt.Sprintf("older %03d", it.added+i))
	}
	it.added += n
	it.rp.add(es)
	it.st.Prepend(es)
	states.Appended = n
	it.m = drive(it.t, it.m, states)
}

// tick moves the clock a second on and hands the interface its tick.
func (it *indexingTest) tick() {
	it.now = it.now.Add(exportRefreshEvery)
	it.m = tickOnce(it.t, it.m, it.now)
}

// An export of the filtered view opened while the file is indexed counts
// the rows so far and says the rest is coming, follows the count as rows
// arrive, and on enter waits for the end of the indexing before writing
// every matching row of the input, in the file's order and numbering.
func TestExportOfTheViewWaitsForTheIndexing(t *testing.T) {
	it := newIndexingTest(t)
	path := filepath.Join(t.TempDir(), "all.ndjson")
	it.m = drive(t, it.m, keys("x")...)
	if s := flat(screen(it.m)); !strings.Contains(s, "13 entries so far and 2 gap or restart marks") || !strings.Contains(s, "still indexing big.log 40% (1.0 GB)") {
		t.Fatalf("the dialog does not say the count is of the rows so far:\n%s", screen(it.m))
	}
	if name := it.m.dialog.Path(); !strings.Contains(name, "-until-") {
		t.Errorf("while the head is indexed the default name %q names a first time it does not know", name)
	}
	it.prepend(20, indexingAt("70% (1.0 GB)"))
	it.tick()
	if got := it.m.dialog.Plan().Seqs.Len(); got != 35 {
		t.Fatalf("after 20 rows more and a tick the dialog counts %d; want 35:\n%s", got, screen(it.m))
	}
	if s := flat(screen(it.m)); !strings.Contains(s, "33 entries so far and 2 gap or restart marks") || !strings.Contains(s, "big.log 70%") {
		t.Errorf("the dialog does not show the new count and progress:\n%s", screen(it.m))
	}
	it.m = drive(t, it.m, keys("up", "ctrl+u", path, "enter")...)
	if it.m.dialog.State() != exportdialog.Waiting || !strings.Contains(flat(screen(it.m)), "waiting for the end of the indexing of big.log 70%") {
		t.Fatalf("enter while indexing: state %v; want waiting, said:\n%s", it.m.dialog.State(), screen(it.m))
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a file was written before the indexing ended")
	}
	it.prepend(10, indexed)
	if it.m.dialog.State() != exportdialog.Done {
		t.Fatalf("the indexing ended: state %v; want the export written:\n%s", it.m.dialog.State(), screen(it.m))
	}
	// The fixture's gap and restart rows are said apart, not as entries.
	if !strings.Contains(flat(screen(it.m)), "43 entries and 2 gap or restart marks in ") {
		t.Errorf("the result does not say the 43 entries and 2 marks written:\n%s", screen(it.m))
	}
	if name := it.m.dialog.Plan().DefaultName; !strings.Contains(name, "-20261120T075820Z-") {
		t.Errorf("the default name %q does not begin at the earliest entry written (07:58:20)", name)
	}
	lines := strings.Split(strings.TrimSpace(readFile(t, path)), "\n")
	if len(lines) != 45 || !strings.HasPrefix(lines[0], `{"seq":1,`) || !strings.Contains(lines[0], "older 020") {
		t.Errorf("wrote %d lines, the first %.80s; want 45 from the file's first, numbered 1", len(lines), lines[0])
	}
}

// esc while the export waits for the indexing stops waiting, and writes
// nothing; a selection is exactly its rows and never waits.
func TestWaitingExportStopsOnEscAndSelectionsDoNotWait(t *testing.T) {
	it := newIndexingTest(t)
	dir := t.TempDir()
	it.m = drive(t, it.m, keys("x", "up", "ctrl+u", filepath.Join(dir, "view.ndjson"), "enter", "esc")...)
	if it.m.dialog.State() != exportdialog.Editing || !strings.Contains(screen(it.m), "stopped waiting: nothing was written") {
		t.Errorf("esc while waiting: state %v; want back to the settings, said:\n%s", it.m.dialog.State(), screen(it.m))
	}
	it.m = drive(t, it.m, keys("esc", "esc", "g", "v", "j", "v", "x")...)
	sel := filepath.Join(dir, "sel.ndjson")
	it.m = drive(t, it.m, keys("up", "ctrl+u", sel, "enter")...)
	if it.m.dialog.State() != exportdialog.Done {
		t.Fatalf("a selection while indexing: state %v; want written at once:\n%s", it.m.dialog.State(), screen(it.m))
	}
	if n := strings.Count(readFile(t, sel), "\n"); n != 2 {
		t.Errorf("the selection wrote %d lines; want its 2 rows", n)
	}
	if names := uitest.DirEntries(t, dir); len(names) != 1 {
		t.Errorf("files written: %v; want the selection's alone", names)
	}
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Quitting while the export waits for the indexing says the export the
// user asked for was not written (AbortExport reports it).
func TestAbortExportWhileWaitingSaysSo(t *testing.T) {
	it := newIndexingTest(t)
	path := filepath.Join(t.TempDir(), "view.ndjson")
	it.m = drive(t, it.m, keys("x", "up", "ctrl+u", path, "enter")...)
	if it.m.dialog.State() != exportdialog.Waiting {
		t.Fatalf("state %v; want waiting", it.m.dialog.State())
	}
	got, ok := it.m.AbortExport()
	if want := (exportdialog.Aborted{Path: path, Waiting: true}); !ok || got != want {
		t.Errorf("AbortExport said %+v, %v; want %+v", got, ok, want)
	}
}
