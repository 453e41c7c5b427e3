package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/ui/theme"
)

// laterDay is a clock two weeks after the fixtures' day (2026-11-20): the
// on-call engineer reading yesterday's log, or an older one.
var laterDay = time.Date(2026, 12, 3, 1, 0, 0, 0, time.UTC)

// earlierDayModel is the interface over es with the clock on a later day.
func earlierDayModel(t *testing.T, es []model.Entry, w, h int) Model {
	t.Helper()
	return clockedModel(t, es, w, h, func() time.Time { return laterDay })
}

// clockedModel is the interface over es, w by h, with the clock now.
func clockedModel(t *testing.T, es []model.Entry, w, h int, now func() time.Time) Model {
	t.Helper()
	st, _ := newFixtureStore(t, es)
	cfg := testConfig()
	cfg.Now = now
	m := drive(t, New(cfg, st, nil), tea.WindowSizeMsg{Width: w, Height: h})
	return runCmd(t, m, m.initCmd)
}

// everySecond is n service lines, one a second from 08:00:00.
func everySecond(n int) []model.Entry {
	es := make([]model.Entry, n)
	for i := range es {
		es[i] = service(i*1000, model.LevelInfo, "connector", "", "processing \"health\" request "+strconv.Itoa(i))
	}
	return es
}

func viewSeqs(m Model) []int64 {
	var out []int64
	for i := 0; i < m.live.len(); i++ {
		out = append(out, m.live.seqAt(i))
	}
	return out
}

// A time without a date in the go-to prompt, the filter and the export
// window means that time on the day of the data, not today; the go-to
// says the day, which its row does not show.
func TestDatelessTimesOnAnEarlierDay(t *testing.T) {
	t.Run("go to", func(t *testing.T) {
		m := drive(t, earlierDayModel(t, fixtureEntries(), 100, 30), keys(":", "08:00:03", "enter")...)
		if got, want := m.table.CursorSeq(), "at 2026-11-20 08:00:03.000"; got != 7 || m.notice != want {
			t.Errorf("cursor on %d, notice %q; want 7, %q", got, m.notice, want)
		}
	})
	t.Run("filter", func(t *testing.T) {
		m := drive(t, earlierDayModel(t, fixtureEntries(), 100, 30), keys("/", "since:08:00:03", "enter")...)
		if got, want := viewSeqs(m), []int64{7, 8, 9, 10, 11, 12, 13, 14, 15}; !slices.Equal(got, want) {
			t.Errorf("rows %v; want %v", got, want)
		}
	})
	t.Run("export window", func(t *testing.T) {
		m := drive(t, earlierDayModel(t, fixtureEntries(), 120, 40), keys("x", "right", "down", "08:00:03", "down", "08:00:10")...)
		if got, want := slices.Collect(m.dialog.Plan().Seqs.All()), []int64{7, 8, 9, 10}; !slices.Equal(got, want) {
			t.Errorf("window writes %v; want %v (%s)", got, want, m.dialog.Err())
		}
	})
}

// The day is that of the row under the cursor, as lnav's :goto reads it:
// on a log of two days, 08:00:01 means the cursor's day.
func TestDatelessTimeFollowsTheCursorsDay(t *testing.T) {
	es := everySecond(4)
	for i := range 4 {
		e := service(i*1000, model.LevelInfo, "connector", "", "next day "+strconv.Itoa(i))
		e.Time = e.Time.AddDate(0, 0, 1)
		es = append(es, e)
	}
	m := earlierDayModel(t, es, 100, 30) // the cursor is on the newest row, of the 21st
	if m = drive(t, m, keys(":", "08:00:01", "enter")...); m.table.CursorSeq() != 6 {
		t.Errorf("from the 21st: cursor on %d; want 6", m.table.CursorSeq())
	}
	m = drive(t, m, keys("g", ":", "08:00:02", "enter")...) // from a row of the 20th
	if m.table.CursorSeq() != 3 {
		t.Errorf("from the 20th: cursor on %d; want 3", m.table.CursorSeq())
	}
}

// A log past midnight (every half hour from 21:00 on the 20th to 02:30 on
// the 21st), read the morning after: from the newest row, of the 21st,
// 23:00 is the evening before (the 21st's is after the log); from a row of
// the 20th, a window up to 00:30 ends after midnight (the 20th's 00:30 is
// before the log).
func TestDatelessTimesAcrossMidnight(t *testing.T) {
	m := earlierDayModel(t, midnightLog(), 100, 30)
	if m = drive(t, m, keys(":", "23:00", "enter")...); m.table.CursorSeq() != 5 || m.notice != "at 2026-11-20 23:00:00.000" {
		t.Errorf("from the 21st: cursor on %d, notice %q; want 5, at 2026-11-20 23:00:00.000", m.table.CursorSeq(), m.notice)
	}
	m = drive(t, m, keys("g", "/", "since:23:30 until:00:30", "enter")...)
	if got, want := viewSeqs(m), []int64{6, 7, 8}; !slices.Equal(got, want) {
		t.Errorf("from the 20th: rows %v, notice %q; want %v", got, m.notice, want)
	}
}

// A filter whose window misses the log says so with the log's span.
func TestFilterWindowMissesTheLog(t *testing.T) {
	m := drive(t, earlierDayModel(t, fixtureEntries(), 100, 30), keys("/", "since:2026-12-02", "enter")...)
	want := "no entries since 2026-12-02; the input spans 2026-11-20 08:00–08:50"
	if m.live.len() != 0 || m.notice != want {
		t.Errorf("%d rows, notice %q; want none and %q", m.live.len(), m.notice, want)
	}
	if !strings.Contains(screen(m), "no entries since 2026-12-02") {
		t.Errorf("the status line does not say it:\n%s", screen(m))
	}
}

// `:` puts the row it lands on near the top of the screen, one row of
// context above, and says when the time is outside the rows.
func TestGotoLandsNearTheTop(t *testing.T) {
	st, _ := newFixtureStore(t, everySecond(200))
	m := drive(t, newTestModel(t, st, 100, 30), keys(":", "08:01:40", "enter")...)
	if m.table.CursorSeq() != 101 {
		t.Fatalf("cursor on %d; want 101", m.table.CursorSeq())
	}
	if m.table.Top() != m.table.Cursor()-gotoContextRows {
		t.Errorf("row %d is at screen row %d; want %d", m.table.Cursor(), m.table.Cursor()-m.table.Top(), gotoContextRows)
	}
	cases := []struct{ at, want string }{
		{"07:59", "before the first entry (2026-11-20 08:00:00): at the first row"},
		{"09:00", "after the last entry (2026-11-20 08:03:19): at the last row"},
	}
	for _, c := range cases {
		m = drive(t, m, keys(":", c.at, "enter")...)
		if m.notice != c.want {
			t.Errorf(":%s says %q; want %q", c.at, m.notice, c.want)
		}
	}
}

// TestInitialFilterWaitsForTheDay: a -q with a time without a date,
// compiled before any entry arrived (standard input: no day known up
// front), is compiled again on the day of the first entries. Its line
// names no day until then.
func TestInitialFilterWaitsForTheDay(t *testing.T) {
	st, rp := newFixtureStore(t, nil)
	cfg := testConfig()
	cfg.Now, cfg.Query = func() time.Time { return laterDay }, "since:08:00:03"
	m := drive(t, New(cfg, st, nil), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = runCmd(t, m, m.initCmd)
	if got := filterLine(t, m); got != "filter: since:08:00:03" {
		t.Errorf("before any entry, the filter line is %q", got)
	}
	es := fixtureEntries()
	rp.add(es)
	st.Append(es)
	m = drive(t, m, frameMsg{})
	if got, want := viewSeqs(m), []int64{7, 8, 9, 10, 11, 12, 13, 14, 15}; !slices.Equal(got, want) {
		t.Errorf("rows %v; want %v (filter %q)", got, want, m.filter.text)
	}
	if got, want := filterLine(t, m), "filter: since:08:00:03 (2026-11-20 08:00:03)"; got != want {
		t.Errorf("on the day of the data, the filter line is %q; want %q", got, want)
	}
}

// A time in the filter is read in the zone the table shows: after t shows
// the other zone, the same text means that zone's time, so the rows shown
// begin where the filter says (a filter kept in the old zone began an hour
// off in Paris).
func TestFilterTimesFollowTheShownZone(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database")
	}
	st, _ := newFixtureStore(t, everySecond(4000)) // 08:00:00 to 09:06:39 UTC
	cfg := testConfig()
	cfg.Location = paris
	for _, filter := range []string{"since:09:00:00", `since:"2026-11-20 09:00:00"`, "since:09:00:00 or kind:gap"} {
		m := withStyles(New(cfg, st, nil), unstyled(theme.Default()))
		m = runCmd(t, drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}), m.initCmd)
		m = drive(t, m, keys("/", filter, "enter")...) // Paris: 08:00 UTC, every row
		if n := m.live.len(); n != 4000 {
			t.Fatalf("%s in Paris: %d rows, want 4000", filter, n)
		}
		m = drive(t, m, keys("t")...) // UTC: since 09:00 UTC
		if n := m.live.len(); n != 400 {
			t.Errorf("after t, %s in UTC: %d rows, want 400", filter, n)
		}
	}
}
