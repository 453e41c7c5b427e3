package ui

import (
	"testing"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/cell"
	"connlog/ui/theme"
)

// TestConnectionCellsMarkTheirFields: the connection tab's cells mark what
// a field term matched at its place in the cell: the country after the
// client's address, the port after the resource, a byte count whole.
func TestConnectionCellsMarkTheirFields(t *testing.T) {
	e := analytics(1000, model.EventClosed, "c1", "us@example.com", "", 3<<20, 0, 0)
	cases := []struct {
		src  string
		cell markedCell
		want string
	}{
		{"country:US", clientCell, "192.0.2.10 ([US])"},
		{"port=443", resourceCell, "app.website.com:[443]"},
		{"rx>1MB", shownAs(func(e *model.Entry) string { return "3.1MB" }, model.KeyRx), "[3.1MB]"},
		{"tx>1MB", shownAs(func(e *model.Entry) string { return "0B" }, model.KeyTx), "0B"},
		{"user:us*", firstOf(model.KeyUserEmail, model.KeyUserID), "[us]@example.com"},
		{"-country:FR", clientCell, "192.0.2.10 (US)"},
		{"event:closed_connection", shownAs(cell.Event, model.KeyEventType), "[closed]"},
	}
	for _, tc := range cases {
		t.Run(tc.src, func(t *testing.T) {
			q, err := query.Compile(tc.src, query.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := bracketed(tc.cell(&e, q.FieldMarks(&e))); got != tc.want {
				t.Errorf("cell %q, want %q", got, tc.want)
			}
		})
	}
}

// bracketed draws a cell's marks in brackets.
func bracketed(m theme.Marked) string {
	out, at := "", 0
	for _, sp := range m.Spans {
		out += m.Text[at:sp[0]] + "[" + m.Text[sp[0]:sp[1]] + "]"
		at = sp[1]
	}
	return out + m.Text[at:]
}
