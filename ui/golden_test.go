package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"connlog/model"
	"connlog/ui/detail"
)

// goldenSizes are the terminal sizes every golden screen is taken at.
var goldenSizes = [][2]int{{80, 24}, {160, 45}}

// fixedMem replaces the store's memory estimate in the status line, so that
// a change in the store's accounting does not change every screen.
const fixedMem = 12_345_678

func goldenModel(t *testing.T, w, h int) Model {
	t.Helper()
	st, _ := newFixtureStore(t, fixtureEntries())
	m := newTestModel(t, st, w, h)
	m.stats.MemBytes = fixedMem
	return m
}

// moveToKind puts the cursor on the nth entry of a kind, with keys.
func moveToKind(t *testing.T, m Model, k model.Kind, nth int) Model {
	t.Helper()
	m = drive(t, m, keys("g")...)
	sn := m.store.Snapshot()
	for i := 0; i < m.live.len(); i++ {
		if sn.Kind(m.live.seqAt(i)) == k {
			if nth == 0 {
				return drive(t, m, keys(strings.Repeat("j", i))...)
			}
			nth--
		}
	}
	t.Fatalf("no entry of kind %s", k)
	return m
}

func TestGoldenTabs(t *testing.T) {
	for _, sz := range goldenSizes {
		for tab := TabAll; tab < tabCount; tab++ {
			name := fmt.Sprintf("%s_%dx%d", strings.ReplaceAll(tab.String(), "/", "-"), sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				m := goldenModel(t, sz[0], sz[1])
				m = drive(t, m, keys(string(rune('1'+tab)))...)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
}

// detailCases are the entries whose detail card has a golden screen.
var detailCases = []struct {
	name string
	kind model.Kind
	nth  int
}{
	{"analytics_closed", model.KindAnalytics, 3},
	{"analytics_failed", model.KindAnalytics, 1},
	{"audit_denied", model.KindAudit, 0},
	{"service", model.KindService, 2},
	{"flow", model.KindFlow, 0},
	{"session", model.KindSession, 1},
	{"hostile_text", model.KindText, 0},
}

func TestGoldenDetail(t *testing.T) {
	for _, sz := range goldenSizes {
		for _, c := range detailCases {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, sz[0], sz[1]), func(t *testing.T) {
				m := goldenModel(t, sz[0], sz[1])
				m = moveToKind(t, m, c.kind, c.nth)
				m = drive(t, m, keys("enter")...)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
}

// TestGoldenCard keeps the whole card of each kind, beyond what one screen
// shows, so that every line of it is reviewed.
func TestGoldenCard(t *testing.T) {
	for _, c := range detailCases {
		t.Run(c.name, func(t *testing.T) {
			m := goldenModel(t, 80, 24)
			m = moveToKind(t, m, c.kind, c.nth)
			m = drive(t, m, keys("enter")...)
			if m.detail.Input() == nil {
				t.Fatal("the detail pane did not load the entry")
			}
			golden.RequireEqual(t, []byte(stripLines(detail.BuildCard(m.styles, 78, *m.detail.Input()))))
		})
	}
}

func TestGoldenFilterError(t *testing.T) {
	for _, sz := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := goldenModel(t, sz[0], sz[1])
			m = drive(t, m, keys("/", "level>=warn (user:alice* or rx>10XB")...)
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}

func TestGoldenHelp(t *testing.T) {
	for _, sz := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := goldenModel(t, sz[0], sz[1])
			m = drive(t, m, keys("?")...)
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}
