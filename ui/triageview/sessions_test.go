package triageview

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model/triage"
)

func sessionsReport() triage.Report {
	return triage.Report{Sessions: triage.Sessions{Open: 1, Closed: 1, Failed: 1, Rows: []triage.Session{
		{ID: "late", User: "bob@x", Status: triage.StatusOpen, Start: start.Add(time.Hour)},
		{ID: "failed", User: hostile, Status: triage.StatusFailed, Reason: hostile, Start: start.Add(time.Minute), End: start.Add(time.Minute)},
		{ID: "before", User: "erin@x", Status: triage.StatusClosed, End: start, Rx: 1200, Tx: 3400},
	}}}
}

func shownSessions(t *testing.T, w, h int) SessionsView {
	t.Helper()
	v := NewSessionsView(DefaultKeyMap(), styles())
	v.SetSize(w, h)
	return v.Start(newJob(2, nil), time.UTC).SetReport(ResultMsg{Gen: 2, Report: sessionsReport()})
}

// TestSessionsOrderAndChoice: rows read oldest start first, those begun
// before the data first of all, and enter chooses the row under the cursor.
func TestSessionsOrderAndChoice(t *testing.T) {
	v := shownSessions(t, 160, 20)
	var ids []string
	for _, r := range v.Rows() {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, ",") != "before,failed,late" {
		t.Errorf("rows %v; want before, failed, late", ids)
	}
	if v.Totals().Failed != 1 {
		t.Errorf("totals %+v", v.Totals())
	}
	for _, k := range press("j", "enter") {
		v, _ = v.Update(k)
	}
	v, chosen := v.TakeChoice()
	if chosen == nil || chosen.ID != "failed" {
		t.Fatalf("j, enter chose %+v; want the failed session", chosen)
	}
	if _, again := v.TakeChoice(); again != nil {
		t.Error("the choice is taken twice")
	}
}

func TestSessionsFitAndStayInert(t *testing.T) {
	for _, sz := range sizes {
		checkScreen(t, shownSessions(t, sz[0], sz[1]).View(), sz[0], sz[1])
	}
	out := ansi.Strip(shownSessions(t, 160, 10).View())
	for _, want := range []string{"sessions · 3 connections: 1 open, 1 closed, 1 failed", "STATUS", "failed: evil", "1.2KB/3.4KB"} {
		if !strings.Contains(out, want) {
			t.Errorf("the view lacks %q:\n%s", want, out)
		}
	}
	empty := NewSessionsView(DefaultKeyMap(), styles())
	empty.SetSize(80, 5)
	empty = empty.Start(newJob(1, nil), time.UTC).SetReport(ResultMsg{Gen: 1})
	if out := ansi.Strip(empty.View()); !strings.Contains(out, "no connection in the view") {
		t.Errorf("an empty view does not say so:\n%s", out)
	}
}

// TestSessionStatusText checks how each status reads on screen.
func TestSessionStatusText(t *testing.T) {
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	cases := []struct {
		name     string
		s        triage.Session
		status   string
		duration string
		rx       string
	}{
		{"open", triage.Session{Status: triage.StatusOpen, Start: start}, "open", "", ""},
		{"closed", triage.Session{Status: triage.StatusClosed, Start: start, End: start.Add(90 * time.Second),
			Duration: 90 * time.Second, Rx: 1500}, "closed", "1m30s", "1.5KB"},
		{"closed reaped", triage.Session{Status: triage.StatusClosed, Reason: "reaped", Start: start, End: start,
			Rx: 0}, "closed (reaped)", "0ms", "0B"},
		{"failed", triage.Session{Status: triage.StatusFailed, Reason: "CONNECTION_FAILED", Start: start, End: start},
			"failed: CONNECTION_FAILED", "0ms", ""},
		{"failed without reason", triage.Session{Status: triage.StatusFailed}, "failed", "?", ""},
		{"unknown end", triage.Session{Status: triage.StatusUnknownEnd, Start: start}, "unknown end", "?", ""},
		{"start outside", triage.Session{Status: triage.StatusClosed, End: start}, "closed", "?", "0B"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := StatusText(&c.s); got != c.status {
				t.Errorf("status %q; want %q", got, c.status)
			}
			if got := sessDuration(&c.s); got != c.duration {
				t.Errorf("duration %q; want %q", got, c.duration)
			}
			if got := sessBytes(&c.s, c.s.RxText(), c.s.Rx); got != c.rx {
				t.Errorf("rx %q; want %q", got, c.rx)
			}
		})
	}
}

// TestVisibleColsFit: at every width the chosen columns and the status's
// least room fit, and the start is the last column to go.
func TestVisibleColsFit(t *testing.T) {
	for w := 0; w <= 200; w++ {
		cols, hidden := visibleCols(w, "", 0)
		used := sessMarkW + statusRoom(w)
		for _, c := range cols {
			used += c.width + 1
		}
		if len(cols) > 0 && used > w {
			t.Errorf("width %d: columns take %d cells", w, used)
		}
		if len(cols)+hidden != len(sessCols) {
			t.Errorf("width %d: %d shown + %d hidden != %d", w, len(cols), hidden, len(sessCols))
		}
		if len(cols) > 0 && cols[0].title != "START" {
			t.Errorf("width %d: START dropped before %s", w, cols[0].title)
		}
	}
	if cols, _ := visibleCols(80, "", 0); len(cols) < 4 {
		t.Errorf("only %d columns at 80 cells", len(cols))
	}
}

// TestSessionsTitleCountsOne: one connection is not "1 connections".
func TestSessionsTitleCountsOne(t *testing.T) {
	v := NewSessionsView(DefaultKeyMap(), styles())
	v.SetSize(120, 10)
	one := triage.Report{Sessions: triage.Sessions{Closed: 1, Rows: []triage.Session{
		{ID: "only", User: "erin@x", Status: triage.StatusClosed, Start: start, End: start.Add(time.Minute)}}}}
	v = v.Start(newJob(3, nil), time.UTC).SetReport(ResultMsg{Gen: 3, Report: one})
	if out := ansi.Strip(v.View()); !strings.Contains(out, "sessions · 1 connection: 1 closed") {
		t.Errorf("the title of one connection:\n%s", out)
	}
}

// TestSessionsDateTimesOfANight: sessions across midnight show their
// start and end with the date; the time columns widen for it (at 80
// columns the end gives way, as before).
func TestSessionsDateTimesOfANight(t *testing.T) {
	evening := time.Date(2026, 12, 5, 23, 57, 30, 0, time.UTC)
	night := triage.Report{Sessions: triage.Sessions{Closed: 2, Rows: []triage.Session{
		{ID: "a", User: "erin@x", Status: triage.StatusClosed, Start: evening, End: evening.Add(time.Minute)},
		{ID: "b", User: "bob@x", Status: triage.StatusClosed, Start: evening.Add(2 * time.Minute), End: evening.Add(3 * time.Minute)},
	}}}
	for _, w := range []int{80, 120} {
		v := NewSessionsView(DefaultKeyMap(), styles())
		v.SetSize(w, 10)
		v = v.Start(newJob(6, nil), time.UTC).SetReport(ResultMsg{Gen: 6, Report: night})
		out := ansi.Strip(v.View())
		if !strings.Contains(out, "12-05 23:57") || (w >= 120 && !strings.Contains(out, "12-06 00:00")) {
			t.Errorf("%d columns: the night's times lack their dates:\n%s", w, out)
		}
		checkScreen(t, v.View(), w, 10)
	}
}

// TestSessionsDateTimesOfNewYear: sessions across the new year show their
// times with the year (12-31 and 01-01 alone read as one year's).
func TestSessionsDateTimesOfNewYear(t *testing.T) {
	eve := time.Date(2025, 12, 31, 23, 57, 30, 0, time.UTC)
	night := triage.Report{Sessions: triage.Sessions{Closed: 2, Rows: []triage.Session{
		{ID: "a", User: "erin@x", Status: triage.StatusClosed, Start: eve, End: eve.Add(time.Minute)},
		{ID: "b", User: "bob@x", Status: triage.StatusClosed, Start: eve.Add(3 * time.Minute), End: eve.Add(4 * time.Minute)},
	}}}
	v := NewSessionsView(DefaultKeyMap(), styles())
	v.SetSize(120, 10)
	v = v.Start(newJob(6, nil), time.UTC).SetReport(ResultMsg{Gen: 6, Report: night})
	out := ansi.Strip(v.View())
	if !strings.Contains(out, "2025-12-31 23:57") || !strings.Contains(out, "2026-01-01 00:00") {
		t.Errorf("the new year's times lack their years:\n%s", out)
	}
}

// TestClockLayout: the time of day within a day, the date within a year,
// the year beyond; zero times are left aside.
func TestClockLayout(t *testing.T) {
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		times []time.Time
		want  string
	}{
		{[]time.Time{at(2026, 3, 1), {}, at(2026, 3, 1)}, ""},
		{[]time.Time{at(2026, 3, 1), at(2026, 3, 2)}, datedClock},
		{[]time.Time{{}, at(2025, 12, 31), at(2026, 1, 1)}, yearClock},
		{[]time.Time{at(2026, 3, 1), at(2026, 3, 2), at(2027, 3, 2)}, yearClock},
	} {
		if got := clockLayout(time.UTC, time.Time{}, tc.times); got != tc.want {
			t.Errorf("clockLayout(%v) = %q, want %q", tc.times, got, tc.want)
		}
	}
}

// TestSessionsYearsGiveWayAtEightyColumns: at 80 columns the times keep
// their dates but not their years, which would cut a failure's reason.
func TestSessionsYearsGiveWayAtEightyColumns(t *testing.T) {
	eve := time.Date(2025, 12, 31, 23, 57, 30, 0, time.UTC)
	night := triage.Report{Sessions: triage.Sessions{Closed: 1, Failed: 1, Rows: []triage.Session{
		{ID: "a", User: "erin@x", Resource: "db.internal:5432", Status: triage.StatusFailed, Reason: "CONNECTION_FAILED", Start: eve, End: eve},
		{ID: "b", User: "bob@x", Status: triage.StatusClosed, Start: eve.Add(3 * time.Minute), End: eve.Add(4 * time.Minute)},
	}}}
	v := NewSessionsView(DefaultKeyMap(), styles())
	v.SetSize(80, 10)
	v = v.Start(newJob(6, nil), time.UTC).SetReport(ResultMsg{Gen: 6, Report: night})
	out := ansi.Strip(v.View())
	if !strings.Contains(out, "12-31 23:57") || strings.Contains(out, "2025-12-31") || !strings.Contains(out, "CONNECTION_FAILED") {
		t.Errorf("at 80 columns:\n%s", out)
	}
}

// TestSessionsTitleFitsEightyColumns: a busy view's title, too long for 80
// columns in full, says it all in fewer words rather than being cut; with
// no connection it hides no column.
func TestSessionsTitleFitsEightyColumns(t *testing.T) {
	busy := sessionsReport()
	busy.Sessions.Open, busy.Sessions.Closed, busy.Sessions.Failed, busy.Sessions.UnknownEnd = 617, 62000, 1300, 63
	v := NewSessionsView(DefaultKeyMap(), styles())
	v.SetSize(80, 10)
	v = v.Start(newJob(4, nil), time.UTC).SetReport(ResultMsg{Gen: 4, Report: busy})
	title := strings.TrimRight(strings.Split(ansi.Strip(v.View()), "\n")[0], " ")
	if want := "63,980: 617 open, 62,000 closed, 1,300 failed, 63 unknown end · 3 listed"; !strings.HasPrefix(title, want) || strings.Contains(title, "…") {
		t.Errorf("the title at 80 columns is %q; want it to start %q, uncut", title, want)
	}
	none := NewSessionsView(DefaultKeyMap(), styles())
	none.SetSize(120, 10)
	none = none.Start(newJob(5, nil), time.UTC).SetReport(ResultMsg{Gen: 5, Report: triage.Report{}})
	if out := ansi.Strip(none.View()); strings.Contains(out, "hidden") {
		t.Errorf("with no connection the title says columns are hidden:\n%s", out)
	}
}

// TestTimesOfAnotherDaySayTheDay: the rows of yesterday's log, all of one
// day, show their times with the date, which a time of day alone would
// read as today's; another year's with the year; today's alone.
func TestTimesOfAnotherDaySayTheDay(t *testing.T) {
	day := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		now  time.Time
		want string
	}{
		{day.Add(24 * time.Hour), datedClock},
		{day.AddDate(1, 0, 0), yearClock},
		{day.Add(time.Hour), ""},
		{time.Time{}, ""},
	} {
		if got := clockLayout(time.UTC, tc.now, []time.Time{day, day.Add(time.Hour)}); got != tc.want {
			t.Errorf("now %v: clockLayout = %q, want %q", tc.now, got, tc.want)
		}
	}
	v := NewSessionsView(DefaultKeyMap(), styles())
	v.SetSize(120, 10)
	v.SetNow(start.Add(48 * time.Hour))
	v = v.Start(newJob(2, nil), time.UTC).SetReport(ResultMsg{Gen: 2, Report: sessionsReport()})
	if out := ansi.Strip(v.View()); !strings.Contains(out, start.Add(time.Hour).Format("01-02 15:04")) {
		t.Errorf("yesterday's sessions lack their date:\n%s", out)
	}
}
