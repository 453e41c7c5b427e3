package ui

import (
	"fmt"
	"slices"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// viewKeysOutcome is what a key acting on the view or its cursor's row
// left: the mode, the filter, the cursor's row, the pivot menu's choices,
// the detail pane, the selection, the marks and the footer's notice.
func viewKeysOutcome(m Model) string {
	var menu []string
	if m.mode == ModePivot {
		for _, it := range m.pivot.Items() {
			menu = append(menu, it.Term)
		}
	}
	return fmt.Sprintf("mode %v | filter %q tab %d | cursor %d | menu %q | detail %v %v %d | sel %v %d-%d | %d marked | follow %v | notice %q",
		m.mode, m.filter.text, m.filter.tab, m.table.CursorSeq(), menu, m.showDetail, m.focus, m.detail.Seq(),
		m.sel.state, m.sel.anchor, m.sel.end, len(m.marks), m.follow, m.notice)
}

// sameTypedWith checks that keys typed in one write with the keys of
// prefix (which start a view's build) leave what they leave typed once
// that view is shown, and that they do something there at all. Each run
// starts from a model of its own (the marks are a map the model's copies
// share).
func sameTypedWith(t *testing.T, base func() Model, prefix, names []string) {
	t.Helper()
	built := drive(t, base(), keys(prefix...)...)
	before := viewKeysOutcome(built)
	want := viewKeysOutcome(drive(t, built, keys(names...)...))
	if want == before {
		t.Fatalf("the keys %q do nothing once the view is shown: the case tests nothing", names)
	}
	if got := viewKeysOutcome(typeAhead(t, base(), append(prefix, names...)...)); got != want {
		t.Errorf("typed with %q:\n  %s\ntyped once its view shows:\n  %s", prefix, got, want)
	}
}

// TestViewKeysTypedWithTheFilterWait types, in the write of a filter's
// enter, the keys that act on the view or on the row under the cursor: they
// act once the filter's view is shown, on the row it shows, as they do
// typed after it. The cursor is on a warning no row of the filter's view
// is, so the old row's menu would offer values that empty the new view.
func TestViewKeysTypedWithTheFilterWait(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	base := func() Model {
		return drive(t, newTestModel(t, st, 120, 35), keys("g", "j", "j", "j", "j", "j", "j", "j")...)
	}
	filter := []string{"/", "user=alice@example.com", "enter"}
	// Alice's rows share every value the filter menu offers: it offers
	// nothing on her view, so its cases take the view of every connection.
	events := []string{"/", "kind=analytics", "enter"}
	for _, c := range []struct {
		name string
		keys []string
	}{
		{"filter on the row's values: the menu", []string{"="}},
		{"filter on the row's values: a choice", []string{"=", "1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sameTypedWith(t, base, events, c.keys)
		})
	}
	for _, c := range []struct {
		name string
		keys []string
	}{
		{"exclude the row's values: the menu", []string{"-"}},
		{"the row's whole connection", []string{"c"}},
		{"the row's paired event", []string{"p"}},
		{"the detail pane", []string{"enter"}},
		{"the detail pane, focused and scrolled", []string{"enter", "tab", "j"}},
		{"a range selected", []string{"v", "k"}},
		{"a row marked", []string{"m"}},
		{"the export dialog, closed, the detail pane", []string{"x", "esc", "enter"}},
		{"go to a time", []string{":", "08:00:00.5", "enter"}},
		{"pause", []string{"f"}},
		{"another tab", []string{"2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sameTypedWith(t, base, filter, c.keys)
		})
	}
}

// TestExcludeTypedWithTheEscThatClearsTheFilter: esc clears a filter at
// once, and the exclusion menu typed with it is of the view without the
// filter, not of the view esc cleared.
func TestExcludeTypedWithTheEscThatClearsTheFilter(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	base := func() Model { return drive(t, newTestModel(t, st, 120, 35), keys("g", "j", "j", "j", "=", "1")...) }
	if base().filter.text == "" {
		t.Fatal("setup: no filter on the row's values")
	}
	sameTypedWith(t, base, []string{"esc"}, []string{"-"})
}

// TestOnlyKeysBlindToTheViewActWhileItIsBuilt goes through every key of
// the table's mode, typed while a filter's view is built: each waits for
// the view, but for the keys whose action does not depend on it (quitting,
// the help screen, the bar that types another filter, esc that clears the
// filter being applied), whether the table, the detail pane or the strip
// (whose moves move the table's cursor) has the keyboard.
func TestOnlyKeysBlindToTheViewActWhileItIsBuilt(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	for _, focus := range [][]string{nil, {"enter", "tab"}, {"T"}} {
		base := drive(t, newTestModel(t, st, 120, 35), append(keys("g", "j", "j", "j"), keys(focus...)...)...)
		building, _ := typeTogether(base, keys("/", "kind:service", "enter"))
		if !building.live.building || (focus != nil && building.focus != FocusDetail && !building.tl.Focused()) {
			t.Fatalf("setup: focused by %q, the view is not being built or %q did not focus", focus, focus)
		}
		k := building.keys
		atOnce := []key.Binding{k.Quit, k.Help, k.Filter, k.Cancel}
		for _, b := range tableBindings(*k) {
			msg, ok := pressOf(b)
			if !ok {
				continue
			}
			want := !slices.ContainsFunc(atOnce, func(a key.Binding) bool { return key.Matches(msg, a) })
			if got := building.holdKey(msg); got != want {
				t.Errorf("focused by %q: %q (%s) typed while the view is built waits %v, want %v",
					focus, msg.String(), b.Help().Desc, got, want)
			}
		}
	}
}

// tableBindings are the bindings of the table's mode (not the bar's).
func tableBindings(k KeyMap) []key.Binding {
	var out []key.Binding
	for i, g := range k.FullHelp() {
		if helpGroupTitles[i] == "Filter & search" {
			g = []key.Binding{k.Filter, k.Pivot, k.Exclude, k.Conn}
		}
		out = append(out, g...)
	}
	return out
}

// pressOf is a press of one of b's keys that the tests can type.
func pressOf(b key.Binding) (tea.KeyPressMsg, bool) {
	for _, name := range b.Keys() {
		msgs := keys(name)
		if press, ok := msgs[0].(tea.KeyPressMsg); ok && len(msgs) == 1 && key.Matches(press, b) {
			return press, true
		}
	}
	return tea.KeyPressMsg{}, false
}
