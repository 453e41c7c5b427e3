package table

import (
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// termsOf returns the terms a query highlights.
func termsOf(t *testing.T, src string) []query.Finder {
	t.Helper()
	q, err := query.Compile(src, query.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return q.Finders()
}

// rowsOf draws the table and returns its entry rows, styled.
func rowsOf(t *testing.T, d Data, cols ...Column) []string {
	t.Helper()
	return strings.Split(newTable(t, d, 80, 6, cols...).View(), "\n")[1:]
}

// TestRegexIsHighlighted: a regular expression of the search or the filter
// is marked in the cells where it matches, as a bare word is.
func TestRegexIsHighlighted(t *testing.T) {
	st := theme.Monochrome()
	d := lines(t, 5, oneHost)
	d.Terms = termsOf(t, "/ne [13]/")
	rows := rowsOf(t, d, TimeColumn(), message)
	for i, want := range []bool{false, true, false, true, false} {
		got := strings.Contains(rows[i], st.Match.Render("ne "+theme.Commas(int64(i))))
		if got != want {
			t.Errorf("row %d marked %v; want %v: %q", i, got, want, rows[i])
		}
	}
}

// TestRegexIsHighlightedInEscapedText: in a cell of hostile text the
// expression is matched against the text as shown, escapes made visible,
// and nothing of it reaches the terminal raw.
func TestRegexIsHighlightedInEscapedText(t *testing.T) {
	st := theme.Monochrome()
	d := lines(t, 3, oneHost)
	d.Terms = termsOf(t, "/ev.l/")
	hostile := TextColumn("X", 4, 40, 50, func(*model.Entry) string { return "a\x1b[31mevil\x07b" })
	rows := rowsOf(t, d, TimeColumn(), hostile)
	if !strings.Contains(rows[1], st.Match.Render("evil")) {
		t.Errorf("evil not marked: %q", rows[1])
	}
	if strings.Contains(strings.Join(rows, ""), "\x07") {
		t.Errorf("a control byte reached the screen: %q", rows)
	}
}

// TestCursorRowIsHighlighted: the cursor's row marks its matches too, in a
// style of their own that its reverse video does not hide.
func TestCursorRowIsHighlighted(t *testing.T) {
	st := theme.Monochrome()
	d := lines(t, 3, oneHost)
	d.Terms = termsOf(t, "line")
	rows := rowsOf(t, d, TimeColumn(), message)
	if !strings.Contains(rows[0], st.CursorMatch.Render("line")) {
		t.Errorf("the cursor's row does not mark its match: %q", rows[0])
	}
	if !strings.Contains(rows[1], st.Match.Render("line")) {
		t.Errorf("another row does not mark its match: %q", rows[1])
	}
	if st.CursorMatch.Render("x") == st.Cursor.Render("x") || st.CursorMatch.Render("x") == st.Match.Render("x") {
		t.Error("without colour, a match on the cursor's row looks like the row or like another match")
	}
}
