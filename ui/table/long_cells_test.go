package table

import (
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/export"
	"connlog/model/query"
	"connlog/ui/theme"
)

// longRaws are lines many times longer than any screen's width (8 KB:
// the cut is at a few hundred cells, and formerView draws each line whole,
// which under the race detector made 100 KB lines take minutes) that a
// cut near a screen's width could show otherwise than the whole: plain,
// wide and combining characters, control and invalid bytes, stand-ins
// right at the cut, and a match of a term and of an expression far past it.
func longRaws() []string {
	tail := strings.Repeat("z", 8_000)
	return []string{
		"plain " + tail,
		strings.Repeat("漢字", 2_500),
		strings.Repeat("e\u0301", 300) + tail,
		strings.Repeat("\x1b[31m\x00\xff\u202e", 100) + tail,
		strings.Repeat("ab\x00", 60) + tail + " needle",
		strings.Repeat("e\u0301", 3_000),
		strings.Repeat("x", 170) + "\x1b" + tail,
		"short needle",
	}
}

// longData is a view of longRaws, as text lines and as service lines, the
// filter's terms set from src.
func longData(t *testing.T, src string) Data {
	t.Helper()
	var es []model.Entry
	for i, raw := range longRaws() {
		es = append(es,
			model.Entry{Time: base, Kind: model.KindText, Raw: []byte(raw),
				Fields: model.Fields{model.Str(model.KeyMessage, raw)}, Origin: model.Origin{Offset: -1, Host: "h"}},
			model.Entry{Time: base, Kind: model.KindService, Raw: []byte(raw), Level: model.LevelInfo,
				Fields: model.Fields{model.Str(model.KeyModule, "m"+strings.Repeat("q", i)), model.Str(model.KeyMessage, raw)},
				Origin: model.Origin{Offset: -1, Host: "h"}})
	}
	d := dataOf(t, es)
	if src != "" {
		q, err := query.Compile(src, query.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d.Terms, d.Queries = q.Finders(), []*query.Query{q}
	}
	return d
}

// formerView is View as it was drawn before cells were cut: each from its
// whole text, cleaned and measured whole.
func formerView(t Model) string {
	rows := t.visibleRows()
	for ri := range rows {
		r := &rows[ri]
		if r.e == nil {
			continue
		}
		r.spans = nil
		for c, col := range t.cols {
			if col.kind == colText {
				r.setCell(c, theme.Plain(col.cell(r.e)).WithTerms(t.data.Terms).Clean())
			}
		}
	}
	cols, widths := t.layout(rows)
	lines := []string{t.headerLine(rows, cols, widths)}
	for _, r := range rows {
		lines = append(lines, t.rowLine(r, cols, widths))
	}
	for len(lines) < t.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:t.height], "\n")
}

// TestLongCellsShowAsBefore: a row of 8 KB, cut to what the table can
// show before it is cleaned and measured, is drawn exactly as it was from
// its whole text, at every width, with and without a search, on the
// cursor's row and the others.
func TestLongCellsShowAsBefore(t *testing.T) {
	summary := FlexColumn("SUMMARY", 10, 80, func(e *model.Entry) string { return export.Summary(e) }).
		WithHead(export.SummaryHead)
	raw := TextColumn("RAW", 4, 300, 40, func(e *model.Entry) string { return string(e.Raw) })
	for _, src := range []string{"", "needle", `/a.*z/`, `/\x00/`, `"zz"`} {
		d := longData(t, src)
		for _, w := range []int{30, 120, 201} {
			tb := newTable(t, d, w, 20, TimeColumn(), LevelColumn(90), raw, summary)
			for _, move := range []string{"", "j", "j"} {
				tb = press(tb, move)
				if got, want := tb.View(), formerView(tb); got != want {
					t.Fatalf("search %q, width %d: the rows differ from their whole text's:\n%s\nwant\n%s", src, w, got, want)
				}
			}
		}
	}
}
