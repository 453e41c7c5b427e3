package ui

import (
	"strings"
	"testing"

	"connlog/model"
	"connlog/ui/theme"
)

// evictedModel is the interface over a store whose budget evicted its
// oldest warning lines (warnBatch: "line N", a second apart from base).
func evictedModel(t *testing.T, w, h int) (Model, *model.Store) {
	t.Helper()
	st := model.NewStore(model.StoreOptions{MaxMemory: 8 << 20})
	st.Append(warnBatch(0, 0))
	for b := 1; st.Stats().Evicted == 0 && b < 400; b++ {
		st.Append(warnBatch(1000*b, 0))
	}
	if st.Stats().Evicted == 0 {
		t.Fatal("nothing was evicted: the test does not test")
	}
	m := newTestModel(t, st, w, h)
	return drive(t, m, frameMsg{}), st
}

// Once the budget evicted older lines, the triage views count only the
// lines held: each says so under its title, with how many entries are held
// and how many older lines went, at 120 columns and at 80.
func TestTriageViewsSayOlderLinesWereEvicted(t *testing.T) {
	for _, w := range []int{120, 80} {
		m, st := evictedModel(t, w, 30)
		ev := st.Snapshot().Eviction()
		want := "of the last " + theme.Commas(ev.Held) + " entries; " + theme.Commas(ev.Lines) + " older evicted by --max-memory"
		for _, k := range []string{"s", "P", "S", "C"} {
			v := drive(t, m, keys(k)...)
			lines := strings.Split(screen(v), "\n")
			at := -1
			for i, l := range lines {
				if strings.Contains(l, want) {
					at = i
				}
			}
			if at < 1 || !strings.Contains(lines[at-1], "of the view") && !strings.Contains(lines[at-1], "sessions") && !strings.Contains(lines[at-1], "what changed") {
				t.Errorf("%d columns, %s: no %q under the view's title:\n%s", w, k, want, screen(v))
			}
			if n := len(lines); n != 30 {
				t.Errorf("%d columns, %s: the screen is %d lines high, want 30", w, k, n)
			}
		}
	}
}

// A filter or a search that finds nothing in the lines held says that
// older lines were evicted, and when: they might have matched.
func TestNoMatchSaysOlderLinesWereEvicted(t *testing.T) {
	m, st := evictedModel(t, 120, 30)
	ev := st.Snapshot().Eviction()
	clause := theme.Commas(ev.Lines) + " older lines (before " + ev.Before.UTC().Format("2006-01-02 15:04:05") + ") were evicted by --max-memory"
	f := drive(t, m, keys("/", `"line 5 "`, "enter")...)
	if want := "no matches in the lines held; " + clause; !strings.Contains(flat(screen(f)), want) {
		t.Errorf("a filter that matches nothing held: want %q:\n%s", want, screen(f))
	}
	s := drive(t, m, keys("g", "/", "ctrl+s", `"line 5 "`, "enter")...)
	if want := `no matches of "line 5 " in the lines held; ` + clause; !strings.Contains(flat(screen(s)), want) {
		t.Errorf("a search that finds nothing held: want %q:\n%s", want, screen(s))
	}
}

// A time window before the lines held names the span of what is held, not
// of the input, and says the older lines were evicted.
func TestWindowBeforeTheLinesHeldSaysTheyWereEvicted(t *testing.T) {
	m, st := evictedModel(t, 120, 30)
	ev := st.Snapshot().Eviction()
	f := drive(t, m, keys("/", "since:2026-11-20T08:00:00Z until:2026-11-20T08:00:10Z", "enter")...)
	said := flat(screen(f))
	for _, want := range []string{"; the part held spans ", "; " + theme.Commas(ev.Lines) + " older lines (before "} {
		if !strings.Contains(said, want) {
			t.Errorf("want %q:\n%s", want, screen(f))
		}
	}
	if strings.Contains(said, "the input spans") {
		t.Errorf("the span of the part held is called the input's:\n%s", screen(f))
	}
}

// A forward search from a row past the first cannot reach the lines the
// budget evicted, which are older than every row: finding nothing, it
// says no more matches, without the eviction. A backward one went toward
// them, and says they were evicted.
func TestOnlyASearchTowardTheEvictedLinesSaysTheyWereEvicted(t *testing.T) {
	m, st := evictedModel(t, 120, 30)
	ev := st.Snapshot().Eviction()
	clause := theme.Commas(ev.Lines) + " older lines (before "
	fwd := drive(t, m, keys("G", "/", "ctrl+s", `"line 5 "`, "enter")...)
	if said := flat(screen(fwd)); !strings.Contains(said, `no more matches of "line 5 "`) || strings.Contains(said, clause) {
		t.Errorf("a forward search from the last row: want no more matches, without the eviction:\n%s", screen(fwd))
	}
	back := drive(t, fwd, keys("N")...)
	if want := `no matches of "line 5 " in the lines held; ` + clause; !strings.Contains(flat(screen(back)), want) {
		t.Errorf("a backward search: want %q:\n%s", want, screen(back))
	}
}
