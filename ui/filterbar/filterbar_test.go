package filterbar

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/ui/theme"
)

func newBar(t *testing.T) Model {
	t.Helper()
	k := DefaultKeyMap()
	b := New(&k, &plain)
	b.SetSize(80, 2)
	return b
}

// send feeds keys to the bar and returns it with the Cmd of the last one.
func send(b Model, names ...string) (Model, tea.Cmd) {
	var cmd tea.Cmd
	for _, msg := range keyMsgs(names...) {
		b, cmd = b.Update(msg)
	}
	return b, cmd
}

// fire runs a debounce Cmd (waiting out its timer), hands its message to
// the bar and returns what the bar emits then.
func fire(t *testing.T, b Model, cmd tea.Cmd) tea.Msg {
	t.Helper()
	if cmd == nil {
		t.Fatal("no debounce was scheduled")
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var tick tea.Msg
	select {
	case tick = <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the debounce timer never fired")
	}
	_, out := b.Update(tick)
	if out == nil {
		return nil
	}
	return out()
}

// TestDebounceEmitsOnlyTheLastEdit types three characters: only the timer
// of the last edit emits QueryChanged, with the whole text.
func TestDebounceEmitsOnlyTheLastEdit(t *testing.T) {
	b := newBar(t).Open("", Filter)
	b, first := send(b, "a")
	b, _ = send(b, "b")
	b, last := send(b, "c")
	if msg := fire(t, b, first); msg != nil {
		t.Errorf("a stale timer emitted %#v", msg)
	}
	got, ok := fire(t, b, last).(QueryChanged)
	if !ok || got.Text != "abc" || got.Mode != Filter {
		t.Errorf("emitted %#v; want QueryChanged{abc, filter}", got)
	}
}

// TestDebounceAfterCloseIsDropped: a timer that fires after enter closed
// the bar emits nothing.
func TestDebounceAfterCloseIsDropped(t *testing.T) {
	b := newBar(t).Open("", Filter)
	b, cmd := send(b, "x")
	b = b.Close(true)
	if msg := fire(t, b, cmd); msg != nil {
		t.Errorf("a closed bar emitted %#v", msg)
	}
}

func TestEvents(t *testing.T) {
	cases := []struct {
		name string
		keys []string
		want Event
	}{
		{"enter commits", []string{"user:bob", "enter"}, Committed{Text: "user:bob", Mode: Filter}},
		{"esc cancels", []string{"user:bob", "esc"}, Cancelled{}},
		{"ctrl+s toggles to search", []string{"bob", "ctrl+s"}, ModeToggled{Text: "bob", Mode: Search}},
		{"typing is no event", []string{"bob"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, _ := send(newBar(t).Open("", Filter), c.keys...)
			b, ev := b.TakeEvent()
			if ev != c.want {
				t.Errorf("event %#v; want %#v", ev, c.want)
			}
			if _, again := b.TakeEvent(); again != nil {
				t.Errorf("the event was not taken: %#v", again)
			}
		})
	}
}

// TestSearchPrompt: the toggle shows in the prompt, with the text typed.
func TestSearchPrompt(t *testing.T) {
	b, _ := send(newBar(t).Open("", Filter), "bob", "ctrl+s")
	if v := ansi.Strip(b.View()); !strings.HasPrefix(v, "search: bob") || b.Mode() != Search {
		t.Errorf("mode %v, view %q; want the search prompt", b.Mode(), v)
	}
}

// TestToggleBringsTheOtherQuery: while the bar holds the query it opened
// on, ctrl+s shows the other mode's query in force (nothing when there is
// none), and back again; a text typed is carried over instead.
func TestToggleBringsTheOtherQuery(t *testing.T) {
	cases := []struct {
		name    string
		bar     Model
		keys    []string
		want    string
		wantEvt Event
	}{
		{"no search in force", newBar(t).Open("user:bob", Filter), []string{"ctrl+s"}, "", ModeToggled{Text: "", Mode: Search}},
		{"a search in force", newBar(t).Open("user:bob", Filter).WithOther("alice"), []string{"ctrl+s"}, "alice", ModeToggled{Text: "alice", Mode: Search}},
		{"and back", newBar(t).Open("user:bob", Filter).WithOther("alice"), []string{"ctrl+s", "ctrl+s"}, "user:bob", ModeToggled{Text: "user:bob", Mode: Filter}},
		{"a text typed", newBar(t).Open("user:bob", Filter).WithOther("alice"), []string{"x", "ctrl+s"}, "user:bobx", ModeToggled{Text: "user:bobx", Mode: Search}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, _ := send(c.bar, c.keys...)
			if _, ev := b.TakeEvent(); b.Value() != c.want || ev != c.wantEvt {
				t.Errorf("bar %q, event %#v; want %q, %#v", b.Value(), ev, c.want, c.wantEvt)
			}
		})
	}
}

// TestHistory commits three queries and walks back and forth with ↑/↓;
// each recall schedules a run, and past the newest the bar is empty.
func TestHistory(t *testing.T) {
	b := newBar(t)
	for _, q := range []string{"kind:audit", "user:bob", "user:bob", "level>=warn"} {
		b = b.Open(q, Filter).Close(true)
	}
	b = b.Open("", Filter)
	steps := []struct {
		key  string
		want string
	}{
		{"up", "level>=warn"}, {"up", "user:bob"}, {"up", "kind:audit"}, {"up", "kind:audit"},
		{"down", "user:bob"}, {"down", "level>=warn"}, {"down", ""}, {"down", ""},
	}
	for i, s := range steps {
		var cmd tea.Cmd
		before := b.Value()
		b, cmd = send(b, s.key)
		if b.Value() != s.want {
			t.Fatalf("step %d (%s): %q; want %q", i, s.key, b.Value(), s.want)
		}
		if moved := b.Value() != before; moved && cmd == nil {
			t.Errorf("step %d: a recalled query schedules no run", i)
		}
	}
}

// TestRememberOnce: the same query twice in a row is kept once, and an
// empty one not at all.
func TestRememberOnce(t *testing.T) {
	b := newBar(t).Remember("a").Remember("a").Remember("")
	b = b.Open("", Filter)
	b, _ = send(b, "up", "up")
	if b.Value() != "a" {
		t.Errorf("%q; want a", b.Value())
	}
	if len(b.history) != 1 {
		t.Errorf("history %q; want one entry", b.history)
	}
}

// TestErrorCaret draws a syntax error with the caret under the byte it
// names, counted in cells of the cleaned text.
func TestErrorCaret(t *testing.T) {
	b := newBar(t).Open("user:bob level>=loud", Filter)
	b.SetError(16, "unknown level")
	lines := strings.Split(ansi.Strip(b.View()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines; want 2", len(lines))
	}
	caret := strings.Index(lines[1], "^")
	if want := len("/ ") + 16; caret != want || !strings.Contains(lines[1], "unknown level") {
		t.Errorf("caret at %d; want %d:\n%s", caret, want, strings.Join(lines, "\n"))
	}
	b.ClearError()
	if strings.Contains(b.View(), "^") || b.Err() != "" {
		t.Error("the error stays after ClearError")
	}
}

// TestHintFollowsKeyMap: the hint line is drawn from the bindings.
func TestHintFollowsKeyMap(t *testing.T) {
	k := DefaultKeyMap()
	b := New(&k, &plain)
	b.SetSize(100, 2)
	k.Apply = theme.Bind("apply", "ctrl+j")
	if v := ansi.Strip(b.Open("", Filter).View()); !strings.Contains(v, "ctrl+j apply") {
		t.Errorf("the hint does not follow the KeyMap:\n%s", v)
	}
}

// TestClosedBarIgnoresKeys: keys reach a closed bar only by mistake, and
// change nothing.
func TestClosedBarIgnoresKeys(t *testing.T) {
	b, cmd := send(newBar(t), "abc", "enter")
	if b.Value() != "" || cmd != nil {
		t.Errorf("a closed bar took keys: %q", b.Value())
	}
	if _, ev := b.TakeEvent(); ev != nil {
		t.Errorf("a closed bar raised %#v", ev)
	}
}

// TestHintsKeepWholeItems: the bar's key hints at 80 columns end in a
// whole item, not in a label cut short.
func TestHintsKeepWholeItems(t *testing.T) {
	lines := strings.Split(ansi.Strip(newBar(t).Open("", Filter).View()), "\n")
	hints := strings.TrimRight(lines[len(lines)-1], " ")
	if !strings.HasSuffix(hints, "↑ older query …") {
		t.Errorf("the hints end in %q; want whole items, the rest marked", hints)
	}
}
