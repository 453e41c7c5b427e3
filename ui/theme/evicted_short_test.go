package theme

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// The notices of a go-to or a search that reached the evicted lines fit
// one line of 80 columns with a count in the millions and spans of one
// day or two, of this year or another, and still say the time asked with
// its date, how many lines went and why; a long search is cut to fit.
func TestEvictedNoticesFitEightyColumns(t *testing.T) {
	before := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	ev := model.Eviction{Lines: 1828846, Before: before, Earliest: before.Add(-10 * time.Hour), Held: 1507674}
	notRead := ev
	notRead.Earliest = time.Time{}
	asked := before.Add(-50 * time.Second)
	for _, year := range []int{2026, 2027} {
		date := asked.Format(time.DateTime)
		if year == 2026 {
			date = asked.Format("01-02 15:04:05")
		}
		for _, last := range []time.Time{before.Add(72 * time.Minute), before.Add(25 * time.Hour)} {
			cases := []struct {
				name string
				ev   model.Eviction
				at   time.Time
				says string
			}{
				{"among the evicted lines", ev, asked, date},
				{"before the first entry", ev, ev.Earliest.Add(-time.Hour), "before the first entry"},
				{"before the lines held", notRead, asked, date},
			}
			for _, c := range cases {
				got := Fitting(80, GotoEvictedForms(c.at, c.ev, last, time.UTC, year, ": at the gap row")...)
				checkFits(t, got, c.says, "1,828,846", "--max-memory")
			}
		}
		for _, what := range []string{` of "ERROR"`, " of " + strings.Repeat("connection reset by peer ", 4)} {
			got := Fitting(80, NoMatchHeldForms(what, ev, time.UTC, year, 80)...)
			checkFits(t, got, "no matches of ", "1,828,846", "--max-memory")
		}
	}
}

func checkFits(t *testing.T, notice string, says ...string) {
	t.Helper()
	if w := CellWidth(notice); w > 80 {
		t.Errorf("%q is %d cells, wider than 80", notice, w)
	}
	for _, s := range says {
		if !strings.Contains(notice, s) {
			t.Errorf("%q does not say %q", notice, s)
		}
	}
}

// A date of this year is written without its year, as 11-20 reads as this
// year's; another year's keeps it.
func TestShortStamp(t *testing.T) {
	at := time.Date(2026, 11, 20, 8, 0, 10, 0, time.UTC)
	if got := ShortStamp(at, time.UTC, 2026); got != "11-20 08:00:10" {
		t.Errorf("this year: %q", got)
	}
	if got := ShortStamp(at, time.UTC, 2027); got != "2026-11-20 08:00:10" {
		t.Errorf("another year: %q", got)
	}
}

// A search of a dozen letters keeps them whole at 80 columns: the words
// around it shorten first.
func TestNoMatchHeldKeepsTheSearchWhole(t *testing.T) {
	ev := model.Eviction{Lines: 655360, Before: time.Date(2026, 12, 6, 19, 26, 0, 0, time.UTC)}
	got := Fitting(80, NoMatchHeldForms(` of "nosuchthing"`, ev, time.UTC, 2026, 80)...)
	checkFits(t, got, `no matches of "nosuchthing" in the lines held`, "655,360", "--max-memory")
}
