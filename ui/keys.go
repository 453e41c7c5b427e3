package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/exportdialog"
	"connlog/ui/filterbar"
	"connlog/ui/pivot"
	"connlog/ui/theme"
	"connlog/ui/timeline"
	"connlog/ui/triageview"
)

// KeyMap holds every binding of the interface. The help screen is rendered
// from it, so a key added here is documented there.
type KeyMap struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding

	// Left and Right scroll the table's columns.
	Left, Right key.Binding

	NextError, PrevError, NextWarn, PrevWarn, NextMatch, PrevMatch, GotoTime, Pair key.Binding

	Tab1, Tab2, Tab3, Tab4, Tab5, Follow, UTC, Detail, Focus key.Binding

	Filter, Pivot, Exclude, Conn key.Binding

	// TopN, Templates, Sessions and Changed open the triage views of the
	// current view; Mute mutes or un-mutes the template under the cursor of
	// the templates view.
	TopN, Templates, Sessions, Changed, Mute key.Binding

	Visual, Mark, ClearMarks, Copy, Export key.Binding

	Help, Quit, Cancel key.Binding

	// ForceQuit quits from anywhere, even while a prompt takes the letters.
	ForceQuit key.Binding

	// Timeline holds the keys of the timeline strip.
	Timeline timeline.KeyMap

	// Bar holds the keys of the filter bar and the prompts.
	Bar filterbar.KeyMap
	// Dialog holds the keys of the export dialog.
	Dialog exportdialog.KeyMap
	// Triage holds the keys of the triage views, the table's own movement
	// keys among them.
	Triage triageview.KeyMap
	// Menu holds the keys of the pivot menu and the help screen.
	Menu MenuKeyMap
}

// MenuKeyMap holds the keys of the small menus and screens that take the
// keyboard: the pivot menu's (choose, pick, close), which the triage views
// and the help screen share, and the help screen's scroll.
type MenuKeyMap struct {
	pivot.KeyMap
	Scroll key.Binding
}

// bind is a binding labelled the way a user types its keys.
func bind(help string, keys ...string) key.Binding { return theme.Bind(help, keys...) }

// DefaultKeyMap returns the bindings: less and vim habits.
func DefaultKeyMap() KeyMap {
	k := KeyMap{
		Up: bind("up", "k", "up"), Down: bind("down", "j", "down"),
		PageUp: bind("page up", "pgup", "ctrl+b"), PageDown: bind("page down", "pgdown", "ctrl+f"),
		HalfUp: bind("half page up", "ctrl+u"), HalfDown: bind("half page down", "ctrl+d"),
		Top: bind("oldest", "g", "home"), Bottom: bind("newest + follow", "G", "end"),
		Left: bind("columns left", "left", "h"), Right: bind("columns right", "right", "l"),

		NextError: bind("next error", "e"), PrevError: bind("previous error", "E"),
		NextWarn: bind("next warning", "w"), PrevWarn: bind("previous warning", "W"),
		NextMatch: bind("next match", "n"), PrevMatch: bind("previous match", "N"),
		GotoTime: bind("go to a time", ":"), Pair: bind("paired event", "p"),

		Tab1: bind("all entries", "1"), Tab2: bind("connections", "2"), Tab3: bind("service lines", "3"),
		Tab4: bind("audit", "4"), Tab5: bind("flows/sessions", "5"),
		Follow: bind("toggle follow", "f"), UTC: bind("local/UTC time", "t"),
		Detail: bind("toggle detail pane", "enter"), Focus: bind("focus table/detail", "tab"),
		TopN: bind("top values (top-N)", "s"), Templates: bind("templates of the lines", "P"),
		Sessions: bind("sessions: connections", "S"), Changed: bind("what changed", "C"),
		Mute: bind("templates: mute/un-mute", "m"),

		Filter: bind("filter or search", "/"), Pivot: bind("pivot: filter on row", "="),
		Exclude: bind("pivot: exclude", "-"), Conn: bind("whole connection", "c"),

		Visual: bind("select a range", "v"), Mark: bind("mark row", "m"),
		ClearMarks: bind("clear marks", "M"), Copy: bind("copy raw line(s)", "y"),
		Export: bind("export…", "x"),

		Help: bind("help", "?"), Quit: bind("quit", "q", "ctrl+c"), Cancel: bind("close/clear in turn", "esc"),
		ForceQuit: bind("quit", "ctrl+c"),

		Timeline: timeline.DefaultKeyMap(),
		Bar:      filterbar.DefaultKeyMap(),
		Dialog:   exportdialog.DefaultKeyMap(),
		Menu: MenuKeyMap{
			KeyMap: pivot.DefaultKeyMap(),
			Scroll: key.NewBinding(key.WithKeys("j", "k", "down", "up"), key.WithHelp("j/k", "scroll")),
		},
	}
	d := &k.Dialog
	d.Visual, d.Mark, d.Templates, d.Mute, d.Edit = k.Visual, k.Mark, k.Templates, k.Mute, k.Bar.Edit
	k.Menu.Up, k.Menu.Down = k.Up, k.Down
	k.Triage = triageview.KeyMap{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown,
		HalfUp: k.HalfUp, HalfDown: k.HalfDown, Top: k.Top, Bottom: k.Bottom,
		Choose: k.Menu.Choose, Mute: k.Mute, Close: k.Menu.Close}
	return k
}

// tabOf returns the tab whose binding a key matches (TabAll when none does),
// so that the tabs follow their bindings rather than the digits typed.
func (k KeyMap) tabOf(msg tea.KeyPressMsg) Tab {
	for i, b := range []key.Binding{k.Tab1, k.Tab2, k.Tab3, k.Tab4, k.Tab5} {
		if key.Matches(msg, b) {
			return Tab(i)
		}
	}
	return TabAll
}

// ShortHelp is the one-line hint under the table.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.Filter, k.Detail, k.Pivot, k.Conn, k.Export, k.Follow, k.Quit}
}

// FullHelp is every binding, grouped as the help screen shows them.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom, k.Left, k.Right},
		{k.NextError, k.PrevError, k.NextWarn, k.PrevWarn, k.NextMatch, k.PrevMatch, k.GotoTime, k.Pair},
		{k.Tab1, k.Tab2, k.Tab3, k.Tab4, k.Tab5, k.Follow, k.UTC, k.Detail, k.Focus, k.TopN, k.Templates, k.Sessions, k.Changed, k.Mute},
		{k.Filter, k.Pivot, k.Exclude, k.Conn, k.Bar.SearchMode, k.Bar.HistPrev, k.Bar.HistNext, k.Bar.Cancel},
		{k.Visual, k.Mark, k.ClearMarks, k.Copy, k.Export, k.Help, k.Cancel, k.Quit},
		k.Timeline.FullHelp()[0],
	}
}

// helpGroupTitles name FullHelp's groups, in the same order.
var helpGroupTitles = []string{"Move", "Jump", "View", "Filter & search", "Select & act", "Timeline strip"}
