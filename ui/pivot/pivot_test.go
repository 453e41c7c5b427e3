package pivot

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/internal/uitest"
	"connlog/ui/theme"
)

var plain = theme.Monochrome()

func entry(host string, lvl model.Level, kind model.Kind, fs ...model.Field) model.Entry {
	return model.Entry{Level: lvl, Kind: kind, Fields: fs, Origin: model.Origin{Offset: -1, Host: host}}
}

func labels(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}

// TestItemsOfAConnection: the items of an ANALYTICS row, the first of
// several fields taken, every term a query that keeps the row.
func TestItemsOfAConnection(t *testing.T) {
	e := entry("gw-1", model.LevelInfo, model.KindAnalytics, model.Str(model.KeyUserID, "113256"),
		model.Str(model.KeyUserEmail, "alice@example.com"), model.Str(model.KeyConnID, "e755-24"),
		model.Str(model.KeyResourceAddr, "app.website.com"), model.Str(model.KeyClientIP, "192.0.2.10"))
	items := Items(&e, false, nil)
	want := []string{"user alice@example.com", "resource app.website.com", "connection e755-24", "client IP 192.0.2.10",
		"level info and above", "kind analytics", "host gw-1"}
	if got := labels(items); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("items %q; want %q", got, want)
	}
	for _, it := range items {
		q, err := query.Compile(it.Term, query.Options{})
		if err != nil || !q.Match(&e) {
			t.Errorf("%q: compiles %v, keeps its row %v", it.Term, err, err == nil && q.Match(&e))
		}
	}
}

// TestItemsHostMatchesOnlyItsHost: the host item keeps the row's host and
// drops another's.
func TestItemsHostMatchesOnlyItsHost(t *testing.T) {
	e := entry("gw-fra-2", model.LevelInfo, model.KindService, model.Str(model.KeyModule, "connector"))
	other := entry("gw-fra-1", model.LevelInfo, model.KindService, model.Str(model.KeyModule, "connector"))
	for _, it := range Items(&e, false, nil) {
		if !strings.HasPrefix(it.Label, "host ") {
			continue
		}
		q, err := query.Compile(it.Term, query.Options{})
		if err != nil || !q.Match(&e) || q.Match(&other) {
			t.Errorf("host item %q: compiles %v, matches its row %v, matches another host's %v", it.Term, err, q.Match(&e), q.Match(&other))
		}
		return
	}
	t.Errorf("no host item in %q", labels(Items(&e, false, nil)))
}

// TestItemsExclude: excluding offers this level alone, and leaves out the
// kind when the tab shows only that kind.
func TestItemsExclude(t *testing.T) {
	e := entry("", model.LevelDebug, model.KindAnalytics)
	got := strings.Join(labels(Items(&e, true, []model.Kind{model.KindAnalytics, model.KindGap, model.KindBoundary})), "|")
	if got != "level debug" {
		t.Errorf("exclusion on a one-kind tab: %q; want only the level", got)
	}
	if got := strings.Join(labels(Items(&e, true, nil)), "|"); got != "level debug|kind analytics" {
		t.Errorf("exclusion on every kind: %q", got)
	}
}

// TestItemsAreInert: a hostile value is cleaned in the label; the term
// quotes it.
func TestItemsAreInert(t *testing.T) {
	e := entry("", model.LevelNone, model.KindText, model.Str(model.KeyModule, "x\x1b[2J\u202Ey"))
	items := Items(&e, false, nil)
	if len(items) == 0 || strings.ContainsAny(items[0].Label, "\x1b\u202E") {
		t.Fatalf("items %q; want the module cleaned", labels(items))
	}
}

func newMenu(t *testing.T, items []Item, exclude bool, h int) Model {
	t.Helper()
	k := DefaultKeyMap()
	m := New(&k, &plain)
	m.SetSize(60, h)
	return m.Show(items, exclude)
}

func sendKeys(m Model, names ...string) Model {
	for _, msg := range uitest.Keys(names...) {
		m, _ = m.Update(msg)
	}
	return m
}

var three = []Item{{"user bob", "user:bob"}, {"module m", "module:m"}, {"kind text", "kind:text"}}

func TestMenuChoose(t *testing.T) {
	cases := []struct {
		name    string
		exclude bool
		keys    []string
		want    string
		chosen  bool
	}{
		{"enter chooses the first", false, []string{"enter"}, "user:bob", true},
		{"down then enter", false, []string{"down", "j", "enter"}, "kind:text", true},
		{"down stops at the last", false, []string{"down", "down", "down", "enter"}, "kind:text", true},
		{"a digit picks", false, []string{"2"}, "module:m", true},
		{"a digit past the items does nothing", false, []string{"7"}, "", false},
		{"exclude negates", true, []string{"1"}, query.Not("user:bob"), true},
		{"esc closes", false, []string{"esc"}, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := sendKeys(newMenu(t, three, c.exclude, 10), c.keys...)
			m, term, chosen := m.TakeChoice()
			if chosen != c.chosen || term != c.want {
				t.Errorf("chose %v %q; want %v %q", chosen, term, c.chosen, c.want)
			}
			if _, _, again := m.TakeChoice(); again {
				t.Error("the choice was not taken")
			}
			if c.chosen && m.Open() {
				t.Error("the menu stays open after a choice")
			}
		})
	}
}

// TestMenuShortTerminal: with two lines the menu shows the title and the
// cursor's item; with one, the cursor's item alone.
func TestMenuShortTerminal(t *testing.T) {
	m := sendKeys(newMenu(t, three, false, 2), "down", "down")
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if m.Height() != 2 || len(lines) != 2 || !strings.Contains(lines[1], "kind text") {
		t.Errorf("height %d, lines %q; want the title and the cursor's item", m.Height(), lines)
	}
	m.SetSize(60, 1)
	if v := ansi.Strip(m.View()); strings.Contains(v, "\n") || !strings.Contains(v, "kind text") {
		t.Errorf("one line: %q; want the cursor's item alone", v)
	}
}

// TestMenuHintFollowsKeyMap: the title's hint is drawn from the bindings.
func TestMenuHintFollowsKeyMap(t *testing.T) {
	k := DefaultKeyMap()
	m := New(&k, &plain)
	m.SetSize(100, 10)
	m = m.Show(three, false)
	k.Close = theme.Bind("close", "ctrl+g")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "ctrl+g close") || !strings.Contains(v, "1-9 choose by number") {
		t.Errorf("the hint does not follow the KeyMap:\n%s", v)
	}
}

// TestMenuClosedIgnoresKeys: a closed menu draws nothing.
func TestMenuClosedIgnoresKeys(t *testing.T) {
	m := newMenu(t, nil, false, 10)
	if m.Open() || m.View() != "" || m.Height() != 0 {
		t.Errorf("an empty menu opened: %q", m.View())
	}
}

// TestMenuLabelsWholeWhenThereIsRoom: on a wide terminal a long label
// (a resource's address) is shown whole beside its term; on a narrow
// one the label column keeps its width and the label is cut.
func TestMenuLabelsWholeWhenThereIsRoom(t *testing.T) {
	long := []Item{{"resource app.website.example.com", "resource:app.website.example.com"}, {"user bob", "user:bob"}}
	m := newMenu(t, long, false, 10)
	m.SetSize(120, 10)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "resource app.website.example.com resource:") {
		t.Errorf("at 120 columns the label is cut:\n%s", v)
	}
	m.SetSize(60, 10)
	if v := ansi.Strip(m.View()); strings.Contains(v, "resource app.website.example.com") || !strings.Contains(v, "user bob") {
		t.Errorf("at 60 columns:\n%s", v)
	}
}
