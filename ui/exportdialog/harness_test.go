package exportdialog

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/internal/uitest"
	"connlog/ui/theme"
)

// base is the time of the first test entry.
var base = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)

func at(ms int) time.Time { return base.Add(time.Duration(ms) * time.Millisecond) }

// textEntry is a plain line held in memory.
func textEntry(ms int, raw string) model.Entry {
	return model.Entry{Time: at(ms), Level: model.LevelInfo, Kind: model.KindText,
		Fields: model.Fields{model.Str(model.KeyMessage, raw)}, Raw: []byte(raw), Payload: []byte(raw),
		Origin: model.Origin{Offset: -1, Host: "conn-host", Envelope: "bare"}}
}

// newSource is a store of n lines a second apart and a view of them all.
func newSource(t *testing.T, n int) *Source {
	t.Helper()
	es := make([]model.Entry, n)
	for i := range es {
		es[i] = textEntry(1000*i, "line "+theme.Commas(int64(i)))
	}
	return sourceOf(t, es)
}

// sourceOf is a store of es and a view of them all.
func sourceOf(t *testing.T, es []model.Entry) *Source {
	t.Helper()
	st := model.NewStore(model.StoreOptions{})
	st.Append(es)
	return sourceOfStore(t, st)
}

// sourceOfStore is st and a view of all it holds.
func sourceOfStore(t *testing.T, st *model.Store) *Source {
	t.Helper()
	sn := st.Snapshot()
	v, err := model.BuildView(context.Background(), sn, model.Filter{Load: model.LoadIndex})
	if err != nil {
		t.Fatal(err)
	}
	opt := query.Options{Now: base.Add(time.Hour), Location: time.UTC, Day: base}
	return &Source{Store: st, Snapshot: sn, View: *v, Location: time.UTC,
		ParseTime: func(s string) (time.Time, error) { return query.ParseTime(s, opt) }}
}

// newDialog opens a dialog over n lines at 120×40, its plan made.
func newDialog(t *testing.T, n int) Model {
	t.Helper()
	return dialogOver(t, newSource(t, n))
}

// dialogOver opens a dialog over src at 120×40, its plan made.
func dialogOver(t *testing.T, src *Source) Model {
	t.Helper()
	k := DefaultKeyMap()
	k.Visual, k.Mark = theme.Bind("select", "v"), theme.Bind("mark", "m")
	styles := theme.Monochrome()
	d := New(&k, &styles)
	d.SetSize(120, 40)
	d, cmd := d.Open(src, []Scope{ScopeView, ScopeWindow}, ScopeView)
	return run(t, d, cmd)
}

// send presses keys (see keyMsgs) and runs what they lead to.
func send(t *testing.T, d Model, names ...string) Model {
	t.Helper()
	for _, msg := range keyMsgs(names...) {
		var cmd tea.Cmd
		d, cmd = d.Update(msg)
		d = run(t, d, cmd)
	}
	return d
}

// run runs cmd and everything it leads to, as the program would.
func run(t *testing.T, d Model, cmd tea.Cmd) Model {
	t.Helper()
	return uitest.Run(t, d, cmd, Model.Update)
}

// call runs one Cmd with a deadline (see uitest.Call).
func call(t *testing.T, c tea.Cmd) tea.Msg { t.Helper(); return uitest.Call(t, c) }

// keyMsgs turns names into key presses (see uitest.Keys).
func keyMsgs(names ...string) []tea.Msg { return uitest.Keys(names...) }

// screen is the dialog as a person sees it.
func screen(d Model) string { return ansi.Strip(d.View()) }

func dirEntries(t *testing.T, dir string) []string { t.Helper(); return uitest.DirEntries(t, dir) }
