package detail

import (
	"time"

	"connlog/model"
	"connlog/ui/theme"
)

// base is the time of the test entries.
var base = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)

// testKeys gives the pane its keys, as the interface's KeyMap does.
type testKeys struct{ km KeyMap }

func (k *testKeys) DetailKeys() KeyMap { return k.km }

func newTestKeys() *testKeys {
	return &testKeys{KeyMap{
		Up: theme.Bind("up", "k", "up"), Down: theme.Bind("down", "j", "down"),
		PageUp: theme.Bind("page up", "pgup"), PageDown: theme.Bind("page down", "pgdown"),
		HalfUp: theme.Bind("half up", "ctrl+u"), HalfDown: theme.Bind("half down", "ctrl+d"),
		Top: theme.Bind("top", "g", "home"), Bottom: theme.Bind("bottom", "G", "end"),
		Focus: theme.Bind("focus table/detail", "tab"), Pair: theme.Bind("paired event", "p"),
	}}
}

// serviceEntry is a Twingate service line.
func serviceEntry(seq int64, lvl model.Level, module, msg string) *model.Entry {
	raw := "[" + lvl.String() + "] [" + module + "] " + msg
	return &model.Entry{Seq: seq, Time: base, Level: lvl, Kind: model.KindService, Raw: []byte(raw), Payload: []byte(raw),
		Fields: model.Fields{model.Str(model.KeyModule, module), model.Str(model.KeyMessage, msg)},
		Origin: model.Origin{Offset: -1, Host: "conn-host"}}
}
