package exportdialog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/ui/theme"
)

// evictedSource is a store whose memory budget evicted its oldest lines
// ("line N", a second apart from base), and a view of what it holds.
func evictedSource(t *testing.T) (*Source, model.Eviction) {
	t.Helper()
	st := model.NewStore(model.StoreOptions{MaxMemory: 8 << 20})
	for b := 0; st.Stats().Evicted == 0 && b < 4000; b++ {
		es := make([]model.Entry, 1000)
		for i := range es {
			n := 1000*b + i
			es[i] = textEntry(1000*n, "line "+theme.Commas(int64(n)))
		}
		st.Append(es)
	}
	src := sourceOfStore(t, st)
	ev := src.Snapshot.Eviction()
	if !ev.Partial() {
		t.Fatal("nothing was evicted: the test does not test")
	}
	return src, ev
}

// evictedClause is what the dialog says the budget cost.
func evictedClause(ev model.Eviction) string {
	return theme.Commas(ev.Lines) + " older lines (before " + ev.Before.UTC().Format("2006-01-02 15:04:05") +
		") were evicted by --max-memory and are not in it"
}

// An export of the filtered view after an eviction says, before and after
// writing, that the older lines are not in it; the front gap is counted
// neither as an entry nor as one the format left out. A raw file holds the
// lines alone; an ndjson file keeps the gap entry, which says so too.
func TestExportAfterEvictionSaysTheOlderLinesAreNotInIt(t *testing.T) {
	for _, name := range []string{"x.log", "x.ndjson"} {
		src, ev := evictedSource(t)
		path := filepath.Join(t.TempDir(), name)
		d := typePath(t, dialogOver(t, src), path)
		if said := flat(screen(d)); !strings.Contains(said, theme.Commas(ev.Held)+" entries from") || !strings.Contains(said, evictedClause(ev)) {
			t.Errorf("%s: the plan does not say %d entries and %q:\n%s", name, ev.Held, evictedClause(ev), screen(d))
		}
		d = send(t, d, "enter")
		if d.State() != Done {
			t.Fatalf("%s: state %v:\n%s", name, d.State(), screen(d))
		}
		said := flat(screen(d))
		if r := d.Result(); r.Entries != ev.Held || r.Skipped != 0 || strings.Contains(said, "left out") {
			t.Errorf("%s: wrote %d entries, %d left out; want the %d held and none left out:\n%s", name, r.Entries, r.Skipped, ev.Held, screen(d))
		}
		if !strings.Contains(said, evictedClause(ev)) {
			t.Errorf("%s: the result does not say %q:\n%s", name, evictedClause(ev), screen(d))
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(string(data), "\n")
		gaps := strings.Count(string(data), `"kind":"gap"`)
		if want := int(ev.Held) + gaps; lines != want || (name == "x.ndjson") != (gaps == 1) {
			t.Errorf("%s: %d lines, %d gap entries; want the %d held, and the gap in ndjson alone", name, lines, gaps, ev.Held)
		}
	}
}

// A selection is rows the user picked among those held, and a window that
// opens within them reaches none of the lines evicted before them: their
// results need not speak of those.
func TestExportOfASelectionAfterEvictionSaysNothingOfIt(t *testing.T) {
	src, ev := evictedSource(t)
	src.SelFrom, src.SelTo = src.View.At(10), src.View.At(20)
	if got := evictedOf(t, src, Settings{Scope: ScopeSelection}); got.Partial() {
		t.Errorf("a selection reports %+v", got)
	}
	later := ev.Before.Add(time.Minute).UTC().Format("2006-01-02 15:04:05")
	if got := evictedOf(t, src, Settings{Scope: ScopeWindow, From: later}); got.Partial() {
		t.Errorf("a window from %s, within the lines held from %v, reports %+v", later, ev.Before, got)
	}
	if got := evictedOf(t, src, Settings{Scope: ScopeWindow, From: "2026-11-20 08:00"}); !got.Partial() {
		t.Errorf("a window from before the lines held reports %+v", got)
	}
}

// A time window before the lines held says that the part held spans
// later, and that older lines were evicted: not that the input spans it.
func TestWindowBeforeTheLinesHeld(t *testing.T) {
	src, ev := evictedSource(t)
	d := send(t, dialogOver(t, src), "right", "down", "08:00", "down", "08:01")
	said := flat(screen(d))
	want := "the part held spans "
	if !strings.Contains(said, want) || !strings.Contains(said, theme.Commas(ev.Lines)+" older lines (before ") || strings.Contains(said, "the input spans") {
		t.Errorf("want %q and the lines evicted:\n%s", want, screen(d))
	}
}

// evictedOf is what the budget cost an export of the rows s selects.
func evictedOf(t *testing.T, src *Source, s Settings) model.Eviction {
	t.Helper()
	rows, err := src.seqs(s)
	if err != nil {
		t.Fatal(err)
	}
	return src.evictedFrom(s, rows)
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// selectionDialog opens the dialog on a selection of the first rows held,
// the front gap among them.
func selectionDialog(t *testing.T, src *Source, rows int) Model {
	t.Helper()
	src.SelFrom, src.SelTo = src.View.At(0), src.View.At(rows-1)
	k := DefaultKeyMap()
	styles := theme.Monochrome()
	d := New(&k, &styles)
	d.SetSize(120, 40)
	d, cmd := d.Open(src, []Scope{ScopeSelection, ScopeView, ScopeWindow}, ScopeSelection)
	return run(t, d, cmd)
}

// A selection that takes in the front gap counts the lines selected, not
// the gap, and says, before and after writing, what the budget evicted
// before them, as the filtered view does; a raw file leaves the gap out
// without calling it an entry left out, an ndjson file keeps it.
func TestExportOfASelectionWithTheFrontGap(t *testing.T) {
	for _, name := range []string{"x.log", "x.ndjson"} {
		src, ev := evictedSource(t)
		if src.View.At(0) != ev.GapSeq {
			t.Fatal("the view does not begin with the front gap: the test does not test")
		}
		path := filepath.Join(t.TempDir(), name)
		d := typePath(t, selectionDialog(t, src, 5), path)
		if said := flat(screen(d)); !strings.Contains(said, "4 entries from") || !strings.Contains(said, evictedClause(ev)) {
			t.Errorf("%s: the plan does not say 4 entries and %q:\n%s", name, evictedClause(ev), screen(d))
		}
		d = send(t, d, "enter")
		if d.State() != Done {
			t.Fatalf("%s: state %v:\n%s", name, d.State(), screen(d))
		}
		said := flat(screen(d))
		if r := d.Result(); r.Entries != 4 || r.Skipped != 0 || strings.Contains(said, "left out") {
			t.Errorf("%s: wrote %d entries, %d left out; want 4 and none left out:\n%s", name, r.Entries, r.Skipped, screen(d))
		}
		if !strings.Contains(said, evictedClause(ev)) {
			t.Errorf("%s: the result does not say %q:\n%s", name, evictedClause(ev), screen(d))
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines, gaps := strings.Count(string(data), "\n"), strings.Count(string(data), `"kind":"gap"`)
		if want := 4 + gaps; lines != want || (name == "x.ndjson") != (gaps == 1) {
			t.Errorf("%s: %d lines, %d gap entries; want 4 lines, and the gap in ndjson alone", name, lines, gaps)
		}
	}
}
