package timeline

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/ui/theme"
)

// t0 is the time of the first test entry.
var t0 = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)

func entry(at time.Time, lvl model.Level, kind model.Kind, fs ...model.Field) model.Entry {
	return model.Entry{Time: at, Level: lvl, Kind: kind, Fields: fs, Raw: []byte("line"), Origin: model.Origin{Offset: -1}}
}

func failed(at time.Time) model.Entry {
	return entry(at, model.LevelInfo, model.KindAnalytics, model.Str(model.KeyEventType, model.EventFailed))
}

func denied(at time.Time) model.Entry {
	return entry(at, model.LevelInfo, model.KindAudit, model.Str(model.KeyAccessGranted, "false"))
}

// countOf stores es and counts the whole view of them.
func countOf(t *testing.T, es []model.Entry) Counts {
	t.Helper()
	st := model.NewStore(model.StoreOptions{})
	st.Append(append([]model.Entry(nil), es...))
	sn := st.Snapshot()
	v, err := model.BuildView(context.Background(), sn, model.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return Count(context.Background(), sn, v, 0, v.Len())
}

// strip returns a shown strip over c, w wide and h high, drawn without
// styling unless styles are given.
func strip(c Counts, w, h int, styles *theme.Styles) Model {
	k := DefaultKeyMap()
	if styles == nil {
		mono := theme.Monochrome()
		styles = &mono
	}
	m := New(&k, styles).SetLocation(time.UTC).SetCounts(c)
	return m.Show(time.Time{}).SetSize(w, h)
}

// press sends keys to the strip and returns the messages its Cmds give.
func press(m Model, names ...string) (Model, []tea.Msg) {
	special := map[string]tea.KeyPressMsg{"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd}}
	var out []tea.Msg
	for _, n := range names {
		k, ok := special[n]
		if !ok {
			k = tea.KeyPressMsg{Code: []rune(n)[0], Text: n}
		}
		var cmd tea.Cmd
		m, cmd = m.Update(k)
		if cmd != nil {
			out = append(out, cmd())
		}
	}
	return m, out
}

func lines(m Model) []string { return strings.Split(ansi.Strip(m.View()), "\n") }
