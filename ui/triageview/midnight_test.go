package triageview

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// A view left open across midnight: today's rows, shown with their time
// of day alone, are yesterday's once the clock moves to the next day, and
// say their date without the view being opened again.
func TestSessionsLeftOpenAcrossMidnightSayTheDay(t *testing.T) {
	v := NewSessionsView(DefaultKeyMap(), styles())
	v.SetSize(120, 10)
	v.SetNow(start.Add(2 * time.Hour))
	v = v.Start(newJob(2, nil), time.UTC).SetReport(ResultMsg{Gen: 2, Report: sessionsReport()})
	checkDatedAfterMidnight(t, "sessions", start.Add(time.Hour), v.SetNow, func() string { return v.View() })
}

// The templates view, likewise.
func TestTemplatesLeftOpenAcrossMidnightSayTheDay(t *testing.T) {
	v := NewTemplatesView(DefaultKeyMap(), styles())
	v.SetSize(120, 10)
	v.SetNow(start.Add(2 * time.Hour))
	v = v.Start(newJob(4, nil), time.UTC).SetReport(ResultMsg{Gen: 4, Report: templatesReport()}, nil)
	checkDatedAfterMidnight(t, "templates", start, v.SetNow, func() string { return v.View() })
}

// checkDatedAfterMidnight checks that a view (drawn by view, not a method
// value of a copy) whose clock reads the day of its row at time row shows
// that row without its date, and with it once setNow moves the clock to
// the next day.
func checkDatedAfterMidnight(t *testing.T, rows string, row time.Time, setNow func(time.Time), view func() string) {
	t.Helper()
	dated := row.Format("01-02 15:04")
	if out := ansi.Strip(view()); strings.Contains(out, dated) {
		t.Fatalf("today's %s show their date:\n%s", rows, out)
	}
	setNow(start.Add(24 * time.Hour))
	if out := ansi.Strip(view()); !strings.Contains(out, dated) {
		t.Errorf("after midnight, yesterday's %s lack their date:\n%s", rows, out)
	}
}

// Sessions of another year than the clock's keep their year on a narrow
// terminal, in two digits: "02-10 08:01" alone reads as this year's.
func TestNarrowSessionsOfAnotherYearSayTheYear(t *testing.T) {
	for _, w := range []int{80, 99} {
		v := NewSessionsView(DefaultKeyMap(), styles())
		v.SetSize(w, 6)
		v.SetNow(start.AddDate(1, 0, 0))
		v = v.Start(newJob(2, nil), time.UTC).SetReport(ResultMsg{Gen: 2, Report: sessionsReport()})
		out := ansi.Strip(v.View())
		if !strings.Contains(out, "26-02-10 08:01") || !strings.Contains(out, "failed: evil") {
			t.Errorf("%d cols: the sessions lack their year, or the failure its reason:\n%s", w, out)
		}
	}
}
