package detail

import (
	"time"

	"connlog/model"
	"connlog/ui/internal/uitest"
	"connlog/ui/theme"
)

// base is the time of the test entries.
var base = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)

// testKeys gives the pane its keys, as the interface's KeyMap does.
type testKeys struct{ km KeyMap }

func (k *testKeys) DetailKeys() KeyMap { return k.km }

func newTestKeys() *testKeys {
	m := uitest.DefaultMoves()
	return &testKeys{KeyMap{Up: m.Up, Down: m.Down, PageUp: m.PageUp, PageDown: m.PageDown, HalfUp: m.HalfUp,
		HalfDown: m.HalfDown, Top: m.Top, Bottom: m.Bottom,
		Focus: theme.Bind("focus table/detail", "tab"), Pair: theme.Bind("paired event", "p")}}
}

// serviceEntry is a Twingate service line.
func serviceEntry(seq int64, lvl model.Level, module, msg string) *model.Entry {
	raw := "[" + lvl.String() + "] [" + module + "] " + msg
	return &model.Entry{Seq: seq, Time: base, Level: lvl, Kind: model.KindService, Raw: []byte(raw), Payload: []byte(raw),
		Fields: model.Fields{model.Str(model.KeyModule, module), model.Str(model.KeyMessage, msg)},
		Origin: model.Origin{Offset: -1, Host: "conn-host"}}
}
