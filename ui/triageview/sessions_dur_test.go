package triageview

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"connlog/model/triage"
)

// TestSessionsDurationFitsEightyColumns: sessions across midnight carry
// dated times, yet at 80 columns (and 120) the DUR column stays, each
// duration whole and ending under the end of its head; the names give it
// their last cells, and a failure's reason keeps its room.
func TestSessionsDurationFitsEightyColumns(t *testing.T) {
	evening := time.Date(2026, 12, 5, 23, 10, 0, 0, time.UTC)
	night := triage.Report{Sessions: triage.Sessions{Closed: 2, Failed: 1, Rows: []triage.Session{
		{ID: "a", User: "alice@example.com", Resource: "app.website.com:443", Status: triage.StatusClosed,
			Start: evening, End: evening.Add(50*time.Minute + 34*time.Second), Duration: 50*time.Minute + 34*time.Second},
		{ID: "b", User: "bob@example.com", Resource: "db.internal:5432", Status: triage.StatusFailed, Reason: "CONNECTION_FAILED",
			Start: evening.Add(55 * time.Minute), End: evening.Add(55 * time.Minute)},
		{ID: "c", User: "carol@example.com", Resource: "app.website.com:443", Status: triage.StatusClosed,
			Start: evening.Add(60 * time.Minute), End: evening.Add(26*time.Hour + time.Minute), Duration: 25*time.Hour + time.Minute},
	}}}
	for _, w := range []int{80, 120} {
		v := NewSessionsView(DefaultKeyMap(), styles())
		v.SetSize(w, 10)
		v = v.Start(newJob(7, nil), time.UTC).SetReport(ResultMsg{Gen: 7, Report: night})
		checkScreen(t, v.View(), w, 10)
		lines := strings.Split(ansi.Strip(v.View()), "\n")
		head := lines[1]
		end := strings.Index(head, "DUR") + len("DUR")
		if end < len("DUR") {
			t.Errorf("%d columns: no DUR column:\n%s", w, strings.Join(lines, "\n"))
			continue
		}
		for i, dur := range []string{"50m34s", "0ms", "25h01m"} {
			row := lines[2+i]
			at := strings.Index(row, " "+dur+" ")
			if at < 0 || utf8.RuneCountInString(row[:at+1+len(dur)]) != end { // the cursor's mark is one rune, one cell
				t.Errorf("%d columns: %q does not end under DUR (cell %d):\n%s", w, dur, end, strings.Join(lines, "\n"))
			}
		}
		if !strings.Contains(lines[3], "failed: CONNECTION_FAILED") {
			t.Errorf("%d columns: the failure's reason is cut:\n%s", w, strings.Join(lines, "\n"))
		}
	}
}
