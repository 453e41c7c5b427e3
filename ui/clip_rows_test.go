package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// clipOf is what y would copy in m: the text and how the notice names
// it, or why it refuses.
func clipOf(t *testing.T, m Model) (clipText, error) {
	t.Helper()
	rows, why, ok := m.clipRows(m.table.CursorSeq())
	if !ok {
		t.Fatal("y would copy nothing: " + why)
	}
	return rows.load()
}

// y with a v selection copies the selected rows' raw lines, one a line,
// and says how many; without one, the cursor's line.
func TestCopyTakesTheSelectedRows(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 35), keys("g", "j", "v", "j", "j")...)
	c, err := clipOf(t, m)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(c.raw), "\n")
	sn := st.Snapshot()
	var want []string
	for i := 1; i <= 3; i++ {
		var e model.Entry
		if err := sn.Load(m.live.seqAt(i), &e, model.LoadRaw); err != nil {
			t.Fatal(err)
		}
		want = append(want, string(e.Raw))
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("copied %q; want the 3 selected rows' lines %q", lines, want)
	}
	if !strings.HasPrefix(c.what, "3 raw lines of the 3 selected rows (") {
		t.Errorf("the notice names the copy %q; want the 3 selected rows", c.what)
	}
	m = drive(t, m, keys("esc")...)
	if c, err = clipOf(t, m); err != nil || strings.Contains(string(c.raw), "\n") || !strings.HasPrefix(c.what, "the raw line (") {
		t.Errorf("without a selection: %q, %q, %v; want the cursor's line", c.raw, c.what, err)
	}
}

// A line cut when read (longer than the longest kept) is copied as kept,
// and the notice says its end is not in it.
func TestCopyOfACutLineSaysSo(t *testing.T) {
	cut := text(20_000, strings.Repeat("x", 4096))
	cut.Flags |= model.FlagTruncated
	st, _ := newFixtureStore(t, append(fixtureEntries(), cut))
	m := drive(t, newTestModel(t, st, 120, 35), keys("G")...)
	c, err := clipOf(t, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.raw) != 4096 || c.what != "the raw line (4,096 bytes; the line was cut at that length when read, its end was not kept)" {
		t.Errorf("copied %d bytes, named %q; want the 4,096 kept, said to be cut", len(c.raw), c.what)
	}
}

// A selection too big for a clipboard is refused, with what to do.
func TestCopyRefusesABigSelection(t *testing.T) {
	es := fixtureEntries()
	for i := range 3 {
		es = append(es, text(20_000+i, strings.Repeat("y", clipMaxBytes/2)))
	}
	st, _ := newFixtureStore(t, es)
	m := drive(t, newTestModel(t, st, 120, 35), keys("G", "v", "k", "k")...)
	if _, err := clipOf(t, m); err == nil || !strings.Contains(err.Error(), "export them with x") {
		t.Errorf("copying 1.5 MiB: %v; want a refusal that says to export", err)
	}
}

// y with marks and no v selection copies the marked rows (as x offers
// them), in order, and says so; a v selection still comes first.
func TestCopyTakesTheMarkedRows(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 35), keys("g", "j", "m", "j", "j", "m", "G")...)
	c, err := clipOf(t, m)
	if err != nil {
		t.Fatal(err)
	}
	sn := st.Snapshot()
	var want []string
	for _, i := range []int{1, 3} {
		var e model.Entry
		if err := sn.Load(m.live.seqAt(i), &e, model.LoadRaw); err != nil {
			t.Fatal(err)
		}
		want = append(want, string(e.Raw))
	}
	if string(c.raw) != strings.Join(want, "\n") {
		t.Errorf("copied %q; want the 2 marked rows' lines %q", c.raw, want)
	}
	if !strings.HasPrefix(c.what, "2 raw lines of the 2 marked rows (") {
		t.Errorf("the notice names the copy %q; want the 2 marked rows", c.what)
	}
	m = drive(t, m, keys("v", "k")...)
	if c, err = clipOf(t, m); err != nil || !strings.HasPrefix(c.what, "2 raw lines of the 2 selected rows (") {
		t.Errorf("with a selection as well: %q, %v; want the selection", c.what, err)
	}
}

// y copies the raw bytes, control characters included, and the notice
// names those that act when pasted (a CR runs what came before it in a
// shell); tab does not count, nor a multi-byte character.
func TestCopyNamesTheControlCharacters(t *testing.T) {
	raws := map[string]string{
		"cr before\rAFTER CR end":                     "; holds control characters CR: paste with care)",
		"\x1b[31mred\x1b]0;PWNED\x07 \x9b \xc2\x9b z": "; holds control characters ESC, BEL, 0x9B: paste with care)",
		"a\x00b\x08c\x7fd\re":                         "; holds control characters NUL, BS, DEL, …: paste with care)",
		"tab\there, naïve 👍":                          " bytes)",
	}
	for raw, tail := range raws {
		st, _ := newFixtureStore(t, append(fixtureEntries(), text(20_000, raw)))
		m := drive(t, newTestModel(t, st, 120, 35), keys("G")...)
		c, err := clipOf(t, m)
		if err != nil {
			t.Fatal(err)
		}
		if string(c.raw) != raw || !strings.HasSuffix(c.what, tail) {
			t.Errorf("copying %q: %q named %q; want the raw bytes, named ending %q", raw, c.raw, c.what, tail)
		}
	}
}

// Rows of one record (a Tailscale response's flows) share its line: a
// copy of them holds it once, as a raw export does, and the notice counts
// the line once and says that the rows share it.
func TestCopyOfRowsOfOneRecordCountsItsLineOnce(t *testing.T) {
	doc := `{"logs":[{"nodeId":"n1","virtualTraffic":[{"dst":"a:1"},{"dst":"b:2"},{"dst":"c:3"}]}]}`
	es := fixtureEntries()
	for i := range 3 {
		e := text(20_000, doc)
		e.Item = i
		es = append(es, e)
	}
	es = append(es, text(20_001, "after"))
	st, _ := newFixtureStore(t, es)
	for _, tc := range []struct {
		keys []string
		raw  string
		what string
	}{
		{[]string{"G", "k", "v", "k", "k"}, doc,
			"1 raw line of the 3 selected rows (" + commas(int64(len(doc))) + " bytes; the line the 3 rows share, copied once)"},
		{[]string{"G", "v", "k", "k", "k"}, doc + "\nafter",
			"2 raw lines of the 4 selected rows (" + commas(int64(len(doc)+6)) + " bytes; 2 rows share the line of the row before, copied once)"},
		{[]string{"G", "v", "k", "k"}, doc + "\nafter",
			"2 raw lines of the 3 selected rows (" + commas(int64(len(doc)+6)) + " bytes; 1 row shares the line of the row before, copied once)"},
	} {
		m := drive(t, newTestModel(t, st, 120, 35), keys(tc.keys...)...)
		c, err := clipOf(t, m)
		if err != nil {
			t.Fatal(err)
		}
		if string(c.raw) != tc.raw || c.what != tc.what {
			t.Errorf("%v: copied %q, named %q; want %q, named %q", tc.keys, c.raw, c.what, tc.raw, tc.what)
		}
	}
}
