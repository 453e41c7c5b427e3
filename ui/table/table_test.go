package table

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/ui/internal/uitest"
	"connlog/ui/theme"
)

var base = time.Date(2026, 11, 20, 23, 59, 58, 0, time.UTC)

type testKeys struct{ km KeyMap }

func (k *testKeys) TableKeys() KeyMap { return k.km }

func newTestKeys() *testKeys {
	m := uitest.DefaultMoves()
	return &testKeys{KeyMap{Up: m.Up, Down: m.Down, PageUp: m.PageUp, PageDown: m.PageDown, HalfUp: m.HalfUp,
		HalfDown: m.HalfDown, Top: m.Top, Bottom: m.Bottom,
		Left: theme.Bind("left", "left", "h"), Right: theme.Bind("right", "right", "l")}}
}

var message = TextColumn("MESSAGE", 4, 40, 50, func(e *model.Entry) string { return string(e.Raw) })

// lines is a store of n lines a second apart, from one second before
// midnight, with their host, and a view of them all.
func lines(t testing.TB, n int, host func(i int) string) Data {
	t.Helper()
	return linesAt(t, n, host, func(i int) time.Time { return base.Add(time.Duration(i) * time.Second) })
}

// linesAt is lines with the times at gives.
func linesAt(t testing.TB, n int, host func(i int) string, at func(i int) time.Time) Data {
	t.Helper()
	es := make([]model.Entry, n)
	for i := range es {
		msg := "line " + theme.Commas(int64(i))
		es[i] = model.Entry{Time: at(i), Kind: model.KindText, Raw: []byte(msg),
			Fields: model.Fields{model.Str(model.KeyMessage, msg)}, Origin: model.Origin{Offset: -1, Host: host(i)}}
	}
	return dataOf(t, es)
}

// dataOf is a store of es and a view of them all.
func dataOf(t testing.TB, es []model.Entry) Data {
	t.Helper()
	st := model.NewStore(model.StoreOptions{})
	st.Append(es)
	sn := st.Snapshot()
	v, err := model.BuildView(context.Background(), sn, model.Filter{Load: model.LoadIndex})
	if err != nil {
		t.Fatal(err)
	}
	return Data{Snapshot: sn, View: v, Location: time.UTC}
}

func oneHost(int) string { return "conn-host" }

func newTable(t testing.TB, d Data, w, h int, cols ...Column) Model {
	t.Helper()
	st := theme.Monochrome()
	tb := New(newTestKeys(), &st)
	tb.SetColumns(cols)
	tb.SetSize(w, h)
	return tb.WithData(d)
}

func press(tb Model, names ...string) Model {
	for _, msg := range uitest.Keys(names...) {
		tb, _ = tb.Update(msg)
	}
	return tb
}

// TestLoadsOnlyTheRowsOnScreen: over a view of 200,000 rows, drawing a
// page loads the page's entries and no more, wherever the cursor is.
func TestLoadsOnlyTheRowsOnScreen(t *testing.T) {
	tb := newTable(t, lines(t, 200_000, oneHost), 80, 11, TimeColumn(), message)
	for _, keys := range [][]string{nil, {"G"}, {"g", "pgdown", "pgdown"}} {
		tb = press(tb, keys...)
		tb.cache = newEntryCache()
		v := ansi.Strip(tb.View())
		if n := tb.cache.len(); n > 10 {
			t.Errorf("after %v: %d entries loaded for 10 rows on screen", keys, n)
		}
		want := "line " + theme.Commas(int64(tb.Cursor()))
		if !strings.Contains(v, want) {
			t.Errorf("after %v the cursor's row %q is not on screen:\n%s", keys, want, v)
		}
	}
}

// TestCursorMoves: the moves, a page at a time, clamped at both ends,
// with the cursor kept on screen.
func TestCursorMoves(t *testing.T) {
	tb := newTable(t, lines(t, 100, oneHost), 80, 11, TimeColumn(), message)
	steps := []struct {
		key  string
		want int
	}{{"j", 1}, {"pgdown", 11}, {"ctrl+d", 16}, {"G", 99}, {"j", 99}, {"pgup", 89}, {"g", 0}, {"k", 0}}
	for _, s := range steps {
		tb = press(tb, s.key)
		if tb.Cursor() != s.want {
			t.Fatalf("after %s: cursor %d; want %d", s.key, tb.Cursor(), s.want)
		}
		if tb.Cursor() < tb.Top() || tb.Cursor() >= tb.Top()+10 {
			t.Errorf("after %s the cursor %d is off screen (top %d)", s.key, tb.Cursor(), tb.Top())
		}
	}
	if tb.AtEnd() != (tb.Cursor() == 99) {
		t.Error("AtEnd disagrees with the cursor")
	}
}

// TestDateWhenTheDayChanges: the time shows the date on the first row and
// where the day changes, the time alone otherwise.
func TestDateWhenTheDayChanges(t *testing.T) {
	rows := strings.Split(ansi.Strip(newTable(t, lines(t, 4, oneHost), 80, 5, TimeColumn(), message).View()), "\n")
	want := []string{"11-20 23:59:58.000", "23:59:59.000", "11-21 00:00:00.000", "00:00:01.000"}
	for i, w := range want {
		row := rows[i+1]
		if !strings.Contains(row, w) || (len(w) == len("00:00:01.000") && strings.Contains(row, "11-2")) {
			t.Errorf("row %d: %q; want the time %s", i, row, w)
		}
	}
}

// TestNoTimeCell: an entry without a time shows dashes, not a date of the
// year 1 (or 1754), and the row after it shows its date.
func TestNoTimeCell(t *testing.T) {
	at := func(i int) time.Time {
		if i == 1 {
			return time.Time{}
		}
		return base.Add(time.Duration(i) * time.Second)
	}
	rows := strings.Split(ansi.Strip(newTable(t, linesAt(t, 3, oneHost, at), 80, 4, TimeColumn(), message).View()), "\n")
	for i, w := range []string{"11-20 23:59:58.000", "--:--:--.---", "11-21 00:00:00.000"} {
		if !strings.Contains(rows[i+1], w) {
			t.Errorf("row %d: %q; want the time %s", i, rows[i+1], w)
		}
	}
}

// TestYearWhenNotThisYear: rows of another year than the current one show
// it in their date; this year's rows do not.
func TestYearWhenNotThisYear(t *testing.T) {
	d := lines(t, 3, oneHost) // 2026-11-20 23:59:58 on
	for _, tc := range []struct {
		year int
		want string
	}{{2026, "11-20 23:59:58.000"}, {2027, "2026-11-20 23:59:58.000"}, {0, "11-20 23:59:58.000"}} {
		d.Year = tc.year
		row := strings.Split(ansi.Strip(newTable(t, d, 80, 4, TimeColumn(), message).View()), "\n")[1]
		if !strings.Contains(row, tc.want) || (tc.want[:2] == "11" && strings.Contains(row, "2026-")) {
			t.Errorf("this year %d: %q; want %s", tc.year, row, tc.want)
		}
	}
}

// TestHostColumnOnlyWhenItVaries: the host column shows while the rows on
// screen come from more than one host.
func TestHostColumnOnlyWhenItVaries(t *testing.T) {
	one := newTable(t, lines(t, 5, oneHost), 100, 6, TimeColumn(), HostColumn(), message)
	if h := strings.Split(ansi.Strip(one.View()), "\n")[0]; strings.Contains(h, "HOST") {
		t.Errorf("one host, yet a host column: %q", h)
	}
	two := newTable(t, lines(t, 5, func(i int) string { return []string{"gw-1", "gw-2"}[i%2] }), 100, 6,
		TimeColumn(), HostColumn(), message)
	if v := ansi.Strip(two.View()); !strings.Contains(v, "HOST") || !strings.Contains(v, "gw-2") {
		t.Errorf("two hosts, no host column:\n%s", v)
	}
}

// TestCellsAreInert: hostile text in a cell reaches the screen as visible
// text.
func TestCellsAreInert(t *testing.T) {
	d := lines(t, 3, func(int) string { return "h\x1b[2J\u202E" })
	hostile := TextColumn("X", 4, 40, 50, func(*model.Entry) string { return "a\x1b]52;c;ZXZpbA==\x07b\u202Ec" })
	v := newTable(t, d, 100, 4, TimeColumn(), hostile, HostColumn()).View()
	for _, bad := range []string{"\x1b[2J", "\x1b]52", "\x07", "\u202E"} {
		if strings.Contains(v, bad) {
			t.Errorf("%q reached the screen: %q", bad, v)
		}
	}
}

// TestGutter: the cursor, a mark and the visual range are said in the
// gutter, without colour.
func TestGutter(t *testing.T) {
	d := lines(t, 5, oneHost)
	d.Marks = map[int64]bool{d.View.At(3): true}
	d.SelFrom, d.SelTo = d.View.At(1), d.View.At(2)
	rows := strings.Split(ansi.Strip(newTable(t, d, 60, 6, TimeColumn(), message).View()), "\n")[1:]
	want := []string{"> ", " +", " +", " *", "  "}
	for i, w := range want {
		if !strings.HasPrefix(rows[i], w) {
			t.Errorf("row %d gutter %q; want %q", i, rows[i][:2], w)
		}
	}
}

// TestEmpty: an empty view says so.
func TestEmpty(t *testing.T) {
	tb := newTable(t, Data{Location: time.UTC}, 60, 4, TimeColumn(), message)
	if v := ansi.Strip(tb.View()); !strings.Contains(v, "(no entries match)") || tb.CursorSeq() != 0 {
		t.Errorf("empty table:\n%s", v)
	}
}

// TestSeparatorShowsItsTimeAtEightyColumns: a gap with a long message
// keeps its time on an 80-column screen: the time comes first.
func TestSeparatorShowsItsTimeAtEightyColumns(t *testing.T) {
	gap := model.Entry{Time: base, Kind: model.KindGap, Level: model.LevelWarn, Origin: model.Origin{Offset: -1},
		Fields: model.Fields{model.Str(model.KeyGapReason, model.GapJournalEntryUnreadable), model.Int(model.KeyGapCount, 140),
			model.Str(model.KeyMessage, model.GapMessage(model.GapJournalEntryUnreadable, 140))}}
	st := model.NewStore(model.StoreOptions{})
	st.Append([]model.Entry{gap})
	sn := st.Snapshot()
	v, err := model.BuildView(context.Background(), sn, model.Filter{Load: model.LoadIndex})
	if err != nil {
		t.Fatal(err)
	}
	out := ansi.Strip(newTable(t, Data{Snapshot: sn, View: v, Location: time.UTC}, 80, 3, TimeColumn(), message).View())
	if !strings.Contains(out, "2026-11-20 23:59:58.000") || !strings.Contains(out, "journal entry unreadable") {
		t.Errorf("the gap's row at 80 columns:\n%s", out)
	}
}
