package triageview

import (
	"errors"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/ui/theme"
)

var start = time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)

// hostile carries a screen clear, an OSC 52 clipboard write, a bell, a
// bidi override and a byte that is not UTF-8.
const hostile = "evil\x1b[2J\x1b]52;c;ZXZpbA==\x07\u202Egnp.exe\xff"

// sgr matches the styling sequences the views' own styles write; any other
// escape sequence on screen came from the log.
var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func ptr[T any](v T) *T { return &v }

func styles() *theme.Styles { return ptr(theme.Default()) }

// job is a job of generation gen whose cancel records that it ran.
func newJob(gen int, cancelled *bool) Job {
	j := Job{Gen: gen, Total: new(atomic.Int64), Done: new(atomic.Int64), Cancel: func() {
		if cancelled != nil {
			*cancelled = true
		}
	}}
	j.Total.Store(200)
	return j
}

func press(keys ...string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, k := range keys {
		switch k {
		case "enter":
			out = append(out, tea.KeyPressMsg{Code: tea.KeyEnter})
		case "pgdown":
			out = append(out, tea.KeyPressMsg{Code: tea.KeyPgDown})
		default:
			out = append(out, tea.KeyPressMsg{Code: rune(k[0]), Text: k})
		}
	}
	return out
}

// checkScreen fails unless out is exactly w×h cells and holds no escape
// sequence but the styles' own.
func checkScreen(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if cw := theme.CellWidth(l); cw != w {
			t.Errorf("%dx%d: line %d is %d cells: %q", w, h, i, cw, ansi.Strip(l))
		}
	}
	if plain := sgr.ReplaceAllString(out, ""); strings.ContainsAny(plain, "\x1b\x07\u202E") {
		t.Errorf("%dx%d: a control sequence from the log reached the screen: %q", w, h, out)
	}
}

var sizes = [][2]int{{120, 40}, {80, 24}, {40, 8}, {20, 3}, {1, 1}}

// TestMoveInList moves over ten rows of a view six lines high: a page is
// four rows.
func TestMoveInList(t *testing.T) {
	k := DefaultKeyMap()
	cases := []struct {
		key          string
		cursor, want int
		moved        bool
	}{
		{"j", 0, 1, true}, {"j", 9, 9, true}, {"k", 0, 0, true}, {"k", 5, 4, true},
		{"G", 2, 9, true}, {"g", 7, 0, true}, {"pgdown", 0, 4, true}, {"x", 3, 3, false},
	}
	for _, c := range cases {
		mv := moveOf(&k, press(c.key)[0])
		got := theme.MoveCursor(mv, c.cursor, 10, pageRows(6), nil)
		if got != c.want || (mv != theme.NoMove) != c.moved {
			t.Errorf("%s from %d: %d, %v; want %d, %v", c.key, c.cursor, got, mv != theme.NoMove, c.want, c.moved)
		}
	}
}

func TestProgressAndError(t *testing.T) {
	v := NewTopNView(DefaultKeyMap(), styles())
	v.SetSize(60, 4)
	j := newJob(1, nil)
	j.Done.Store(50)
	v = v.Start(j)
	if out := ansi.Strip(v.View()); !strings.Contains(out, "counting… 50 of 200 entries (25%)") {
		t.Errorf("while counting:\n%s", out)
	}
	v = v.SetReport(ResultMsg{Gen: 1, Err: errors.New("boom\x1b[2J")})
	out := v.View()
	if !strings.Contains(ansi.Strip(out), "could not count: boom") {
		t.Errorf("the error is not shown:\n%s", ansi.Strip(out))
	}
	checkScreen(t, out, 60, 4)
}

// TestErrorWrapsWhole: why a view could not count is read whole, wrapped
// over the lines the view has, with the log's control bytes made inert,
// rather than cut at the width.
func TestErrorWrapsWhole(t *testing.T) {
	const why = "read /var/log/connector.log: input/output error\x1b[2J — check the disk, then press P again"
	v := NewTemplatesView(DefaultKeyMap(), styles())
	v.SetSize(30, 8)
	v = v.Start(newJob(1, nil), time.UTC).SetReport(ResultMsg{Gen: 1, Err: errors.New(why)}, nil)
	out := v.View()
	checkScreen(t, out, 30, 8)
	var text []string
	for _, l := range strings.Split(ansi.Strip(out), "\n")[1:] {
		text = append(text, strings.TrimSpace(l))
	}
	got := strings.Join(strings.Fields(strings.Join(text, " ")), " ")
	if want := "could not count: " + theme.Clean(why); got != want {
		t.Errorf("the error reads %q; want it whole: %q", got, want)
	}
}
