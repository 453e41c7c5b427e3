package changed

import (
	"errors"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/model/triage"
	"connlog/ui/theme"
)

var start = time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)

// hostile carries a screen clear, an OSC 52 clipboard write, a bell, a
// bidi override and a byte that is not UTF-8.
const hostile = "evil\x1b[2J\x1b]52;c;ZXZpbA==\x07\u202Egnp.exe\xff"

func sample() triage.Changed {
	errLine := triage.Change{What: "template", Template: "[libsdwan] connect failed: no route to host <ip>", Kind: "service", Level: "error", A: 40}
	return triage.Changed{
		A:       triage.Window{From: start.Add(15 * time.Minute), To: start.Add(30 * time.Minute)},
		B:       triage.Window{From: start, To: start.Add(15 * time.Minute)},
		Errors:  []triage.Change{errLine},
		New:     []triage.Change{errLine, {What: "failure", Value: "RESOURCE_UNREACHABLE: no route to <ip>", A: 40}},
		Failing: []triage.Change{{What: "user", Value: hostile, A: 12}, {What: "resource", Value: "db-new.internal", A: 40}},
		Rates:   []triage.Change{{What: "template", Template: "ANALYTICS closed_connection", Kind: "analytics", A: 400, B: 100, Score: 15}},
		Gone:    []triage.Change{{What: "template", Template: "[connector] State: Online", Kind: "service", Level: "info", B: 3}},
	}
}

// shown is a view with the sample's comparison finished, at a size.
func shown(t *testing.T, w, h int) Model {
	t.Helper()
	m := New(DefaultKeyMap(), ptr(theme.Monochrome()))
	m.SetSize(w, h)
	m = m.Start(Job{Gen: 3, Total: new(atomic.Int64), Done: new(atomic.Int64), Cancel: func() {}}, time.UTC)
	return m.SetResult(ResultMsg{Gen: 3, Changed: sample(), Basis: "the last 15m of the view against the 15m before",
		EntriesA: 2345, EntriesB: 1200})
}

func ptr[T any](v T) *T { return &v }

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		default:
			msg = tea.KeyPressMsg{Code: rune(k[0]), Text: k}
		}
		m, _ = m.Update(msg)
	}
	return m
}

func TestRowsInOrderWithoutRepeats(t *testing.T) {
	c := sample()
	var got []string
	for _, r := range rowsOf(&c) {
		if r.heading {
			got = append(got, "# "+r.section.String())
			continue
		}
		got = append(got, r.change.What+" "+text(&r.change))
	}
	want := []string{
		"# new error messages", "template [libsdwan] connect failed: no route to host <ip>",
		"# started failing", "user " + hostile, "resource db-new.internal",
		"# new templates and failure reasons", "failure RESOURCE_UNREACHABLE: no route to <ip>",
		"# rates that changed most", "template ANALYTICS closed_connection",
		"# gone templates and failure reasons", "template [connector] State: Online",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rows := rowsOf(&triage.Changed{}); len(rows) != 0 {
		t.Errorf("an empty comparison has rows: %v", rows)
	}
}

func TestChangeText(t *testing.T) {
	cases := []struct {
		name   string
		s      section
		c      triage.Change
		la, lb float64
		want   string
	}{
		{"new", sectionNew, triage.Change{A: 4}, 15, 15, "new"},
		{"gone", sectionGone, triage.Change{B: 4}, 15, 15, "gone"},
		{"failing", sectionFailing, triage.Change{A: 4}, 15, 15, "failing"},
		{"four times", sectionRates, triage.Change{A: 400, B: 100}, 15, 15, "×4.0"},
		{"a quarter", sectionRates, triage.Change{A: 25, B: 100}, 15, 15, "×0.25"},
		{"rates, not counts", sectionRates, triage.Change{A: 100, B: 100}, 5, 15, "×3.0"},
		{"a hundredfold", sectionRates, triage.Change{A: 12000, B: 100}, 15, 15, "×120"},
		{"almost gone", sectionRates, triage.Change{A: 1, B: 1000}, 15, 15, "×<0.01"},
	}
	for _, c := range cases {
		if got := changeText(c.s, &c.c, c.la, c.lb); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCursorSkipsHeadingsAndEnterChooses(t *testing.T) {
	m := shown(t, 100, 30)
	if _, _, chosen := m.TakeChoice(); chosen {
		t.Fatal("a choice before enter")
	}
	m = press(m, "j", "enter") // from the error line to the first failing user
	m, c, chosen := m.TakeChoice()
	if !chosen || c.What != "user" || c.Value != hostile {
		t.Fatalf("enter chose %+v, %v; want the failing user", c, chosen)
	}
	if _, _, again := m.TakeChoice(); again {
		t.Error("the choice is taken twice")
	}
	m = press(m, "G", "enter")
	if _, c, _ := m.TakeChoice(); c.Template != "[connector] State: Online" {
		t.Errorf("G then enter chose %+v, want the last row", c)
	}
	m = press(m, "g", "k", "enter")
	if _, c, _ := m.TakeChoice(); c.Level != "error" {
		t.Errorf("g, k then enter chose %+v, want the first row (k stays on it)", c)
	}
}

func TestWindowsKeyAsks(t *testing.T) {
	m := press(shown(t, 80, 24), "w")
	m, asked := m.TakeWindowsRequest()
	if !asked {
		t.Fatal("w does not ask for other windows")
	}
	if _, again := m.TakeWindowsRequest(); again {
		t.Error("the request is taken twice")
	}
	a, b, ok := m.Windows()
	if !ok || a != sample().A || b != sample().B {
		t.Errorf("Windows() = %v %v %v, want the sample's", a, b, ok)
	}
}

func TestStaleResultIsDropped(t *testing.T) {
	m := New(DefaultKeyMap(), ptr(theme.Monochrome()))
	m.SetSize(80, 10)
	cancelled := false
	m = m.Start(Job{Gen: 1, Total: new(atomic.Int64), Done: new(atomic.Int64), Cancel: func() { cancelled = true }}, time.UTC)
	m = m.Start(Job{Gen: 2, Total: new(atomic.Int64), Done: new(atomic.Int64), Cancel: func() {}}, time.UTC)
	if !cancelled {
		t.Error("a new job does not cancel the one in flight")
	}
	m = m.SetResult(ResultMsg{Gen: 1, Changed: sample()})
	if !m.Computing() || len(m.rows) != 0 {
		t.Error("the result of an older job was shown")
	}
	m = m.SetResult(ResultMsg{Gen: 2, Err: errors.New("boom")})
	if out := ansi.Strip(m.View()); !strings.Contains(out, "could not compare: boom") {
		t.Errorf("the error is not shown:\n%s", out)
	}
}

func TestProgressLine(t *testing.T) {
	m := New(DefaultKeyMap(), ptr(theme.Monochrome()))
	m.SetSize(80, 5)
	job := Job{Gen: 1, Total: new(atomic.Int64), Done: new(atomic.Int64), Cancel: func() {}}
	m = m.Start(job, time.UTC)
	if out := m.View(); !strings.Contains(out, "finding the windows") {
		t.Errorf("before the windows are known:\n%s", out)
	}
	job.Total.Store(20000)
	job.Done.Store(5000)
	if out := m.View(); !strings.Contains(out, "comparing… 5,000 of 20,000 entries (25%)") {
		t.Errorf("while loading:\n%s", out)
	}
}

// TestViewFitsAndStaysInert: at every size each line is exactly the
// width, nothing from the log reaches the screen as a control sequence,
// and the rows read in order.
func TestViewFitsAndStaysInert(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}, {40, 8}, {20, 3}, {1, 1}} {
		m := shown(t, size[0], size[1])
		out := m.View()
		lines := strings.Split(out, "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for i, l := range lines {
			if w := theme.CellWidth(l); w != size[0] {
				t.Errorf("%v: line %d is %d cells: %q", size, i, w, l)
			}
		}
		if plain := sgr.ReplaceAllString(out, ""); strings.ContainsAny(plain, "\x1b\x07\u202E") {
			t.Errorf("%v: a control sequence from the log reached the screen: %q", size, out)
		}
	}
	out := shown(t, 80, 24).View()
	for _, want := range []string{"what changed · the last 15m", "now    2026-02-10 08:15:00–08:30:00 (15m): 2,345 entries",
		"before 2026-02-10 08:00:00–08:15:00 (15m): 1,200 entries", "▸ tmpl       0  40     new",
		"failing  evil", "×4.0  ANALYTICS closed_connection", "gone  [connector] State: Online"} {
		if !strings.Contains(out, want) {
			t.Errorf("the view lacks %q:\n%s", want, out)
		}
	}
}

// sgr matches the styling sequences the view's own styles write; any other
// escape sequence on screen came from the log.
var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func TestTitleSaysHowLongOnlyWhenSlow(t *testing.T) {
	for _, c := range []struct {
		took time.Duration
		want string
	}{{300 * time.Millisecond, "before\n"}, {3460 * time.Millisecond, "before · 3.5s\n"}} {
		m := New(DefaultKeyMap(), ptr(theme.Monochrome()))
		m.SetSize(200, 5)
		m = m.Start(Job{Gen: 1, Cancel: func() {}}, time.UTC)
		m = m.SetResult(ResultMsg{Gen: 1, Changed: sample(), Basis: "the last 15m of the view against the 15m before", Elapsed: c.took})
		title := strings.TrimRight(strings.SplitN(ansi.Strip(m.View()), "\n", 2)[0], " ") + "\n"
		if !strings.HasSuffix(title, c.want) {
			t.Errorf("took %v: title %q, want it to end with %q", c.took, title, c.want)
		}
	}
}

func TestEmptyComparisonSaysWhy(t *testing.T) {
	m := New(DefaultKeyMap(), ptr(theme.Monochrome()))
	m.SetSize(100, 6)
	m = m.Start(Job{Gen: 1, Cancel: func() {}}, time.UTC)
	m = m.SetResult(ResultMsg{Gen: 1, Changed: triage.Changed{A: sample().A, B: sample().B}})
	if out := m.View(); !strings.Contains(out, "no entry of the view falls in either window — w chooses other windows") {
		t.Errorf("no entries:\n%s", out)
	}
	m = m.Start(Job{Gen: 2, Cancel: func() {}}, time.UTC)
	m = m.SetResult(ResultMsg{Gen: 2, Changed: triage.Changed{A: sample().A, B: sample().B}, EntriesA: 5, EntriesB: 5})
	if out := m.View(); !strings.Contains(out, "nothing changed between the windows") {
		t.Errorf("nothing changed:\n%s", out)
	}
}

// TestErrorWrapsWhole: why the view could not compare is read whole,
// wrapped over the lines the view has, its control bytes made inert.
func TestErrorWrapsWhole(t *testing.T) {
	const why = "the windows hold no entry with a time\x1b]0;x\x07 — press w and choose windows the view covers"
	m := New(DefaultKeyMap(), ptr(theme.Monochrome()))
	m.SetSize(28, 9)
	m = m.Start(Job{Gen: 1, Cancel: func() {}}, time.UTC).SetResult(ResultMsg{Gen: 1, Err: errors.New(why)})
	out := m.View()
	lines := strings.Split(out, "\n")
	var text []string
	for i, l := range lines {
		if cw := theme.CellWidth(l); cw != 28 {
			t.Errorf("line %d is %d cells: %q", i, cw, ansi.Strip(l))
		}
		if i > 0 {
			text = append(text, strings.TrimSpace(ansi.Strip(l)))
		}
	}
	if len(lines) != 9 || strings.ContainsAny(ansi.Strip(out), "\x1b\x07") {
		t.Errorf("%d lines, control bytes: %q", len(lines), out)
	}
	got := strings.Join(strings.Fields(strings.Join(text, " ")), " ")
	if want := "could not compare: " + theme.Clean(why); got != want {
		t.Errorf("the error reads %q; want it whole: %q", got, want)
	}
}

// TestNarrowViewGivesTheTemplateTheRoom: the columns are as wide as what
// they hold, and the row's kind is shortened on a narrow terminal, so that
// at 60 columns the template is not cut to a third of the line.
func TestNarrowViewGivesTheTemplateTheRoom(t *testing.T) {
	for w, want := range map[int]string{
		60:  "▸ tmpl       0  40     new  [libsdwan] connect failed: no …",
		120: "▸ template       0  40     new  [libsdwan] connect failed: no route to host <ip>",
	} {
		if out := sgr.ReplaceAllString(shown(t, w, 16).View(), ""); !strings.Contains(out, want) {
			t.Errorf("%d columns: the view lacks %q:\n%s", w, want, out)
		}
	}
}
