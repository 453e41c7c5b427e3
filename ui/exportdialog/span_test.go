package exportdialog

import (
	"strings"
	"testing"
	"time"

	"connlog/model"

	"connlog/ui/theme"
)

// TestRangeIsTheEarliestToTheLatestRow: a line between the rows the
// estimate samples is an hour older than the first row (a clock stepped
// back); the export writes it, so the dialog's range starts with it, in
// the words `connlog summary` uses for the same entries.
func TestRangeIsTheEarliestToTheLatestRow(t *testing.T) {
	es := make([]model.Entry, 1000)
	for i := range es {
		es[i] = textEntry(1000*i, "line "+theme.Commas(int64(i)))
	}
	es[2].Time = base.Add(-time.Hour)
	d := dialogOver(t, sourceOf(t, es))
	if got := d.Plan().First; !got.Equal(base.Add(-time.Hour)) {
		t.Errorf("the plan starts at %v; want the earliest row's time, %v", got, base.Add(-time.Hour))
	}
	want := "from 2026-11-20 07:00:00 UTC to 2026-11-20 08:16:39 UTC (1h16m39s)"
	if s := screen(d); !strings.Contains(strings.Join(strings.Fields(s), " "), want) {
		t.Errorf("the dialog does not say %q:\n%s", want, s)
	}
}

// TestRowsSpan: the range covers every row's time, in whatever order the
// rows came; rows without a time, or with one the summary cannot place
// (before 1990), are left out.
func TestRowsSpan(t *testing.T) {
	timed := func(times ...time.Time) []model.Entry {
		es := make([]model.Entry, len(times))
		for i, at := range times {
			es[i] = textEntry(0, "line")
			es[i].Time = at
		}
		return es
	}
	cases := []struct {
		name        string
		entries     []model.Entry
		first, last time.Time
	}{
		{"none", nil, time.Time{}, time.Time{}},
		{"in order", timed(at(1), at(2), at(3)), at(1), at(3)},
		{"out of order", timed(at(5), at(1), at(9), at(2)), at(1), at(9)},
		{"untimed entries are left out", timed(time.Time{}, at(4), time.Time{}), at(4), at(4)},
		{"a time before 1990 is left out", timed(at(4), time.Unix(0, 0), at(6)), at(4), at(6)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := sourceOf(t, c.entries)
			first, last := rowsSpan(src.Snapshot, viewRows(&src.View, 0, src.View.Len()))
			if !first.Equal(c.first) || !last.Equal(c.last) {
				t.Errorf("rowsSpan = %v, %v; want %v, %v", first, last, c.first, c.last)
			}
		})
	}
}
