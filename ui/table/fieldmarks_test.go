package table

import (
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// twoHosts is n lines from two hosts in turn, with src as the filter.
func twoHosts(t *testing.T, n int, src string) Data {
	t.Helper()
	d := lines(t, n, func(i int) string { return []string{"gw-fra-1", "gw-ams-2"}[i%2] })
	q, err := query.Compile(src, query.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.Queries = []*query.Query{q}
	return d
}

// TestFieldTermsAreMarkedInTheirColumns: host:gw-fra-1 marks the host in
// the HOST column of the rows it matched, on the cursor's row in its own
// style; a column that shows the value among other text (WithMarks) marks
// it there and not the same letters before it; a number is marked whole.
func TestFieldTermsAreMarkedInTheirColumns(t *testing.T) {
	st := theme.Monochrome()
	d := twoHosts(t, 4, "host:gw-fra-1")
	from := TextColumn("FROM", 4, 30, 50, nil).WithMarks(func(e *model.Entry, marks []query.FieldMark) theme.Marked {
		return theme.Plain("gw-fra-1 says: ").Plus(theme.AttrText(e.Origin.Host, query.AttrHost, marks))
	})
	size := NumColumn("N", 40, nil).WithMarks(func(e *model.Entry, marks []query.FieldMark) theme.Marked {
		m := theme.Plain("42")
		if len(theme.AttrText(e.Origin.Host, query.AttrHost, marks).Spans) > 0 {
			m.Spans = [][2]int{{0, 2}}
		}
		return m
	})
	rows := rowsOf(t, d, TimeColumn(), HostColumn(), from, size)
	for i, row := range rows[:4] {
		match := st.Match
		if i == 0 {
			match = st.CursorMatch
		}
		want := 0
		if i%2 == 0 {
			want = 2 // the HOST column and the end of FROM, not its start
		}
		if got := strings.Count(row, match.Render("gw-fra-1")); got != want {
			t.Errorf("row %d: the host marked %d times, want %d: %q", i, got, want, row)
		}
		if got := strings.Contains(row, match.Render("42")); got != (i%2 == 0) {
			t.Errorf("row %d: the number marked %v: %q", i, got, row)
		}
	}
}

// TestNegatedFieldTermMarksNothing: -host:gw-ams-2 selects by the host but
// marks nothing.
func TestNegatedFieldTermMarksNothing(t *testing.T) {
	st := theme.Monochrome()
	d := twoHosts(t, 2, "-host:gw-ams-2")
	for i, row := range rowsOf(t, d, TimeColumn(), HostColumn(), message)[:2] {
		if strings.Contains(row, st.Match.Render("gw-")) || strings.Contains(row, st.CursorMatch.Render("gw-")) {
			t.Errorf("row %d marked: %q", i, row)
		}
	}
}
