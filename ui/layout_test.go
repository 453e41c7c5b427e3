package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/model"
)

// TestScreenFitsEverySize resizes through narrow, usual and wide terminals,
// with the detail pane open and closed, and checks that the screen is
// exactly the terminal's height and no line is wider than it.
func TestScreenFitsEverySize(t *testing.T) {
	m := goldenModel(t, 80, 24)
	m = moveToKind(t, m, model.KindAnalytics, 0)
	for _, detail := range []bool{false, true} {
		if detail {
			m = drive(t, m, keys("enter")...)
		}
		for _, sz := range [][2]int{{40, 12}, {80, 24}, {100, 30}, {139, 40}, {140, 40}, {200, 60}, {80, 10}} {
			t.Run(fmt.Sprintf("detail=%v/%dx%d", detail, sz[0], sz[1]), func(t *testing.T) {
				m := drive(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				for _, tab := range []string{"1", "2", "3", "4", "5"} {
					lines := strings.Split(drive(t, m, keys(tab)...).View().Content, "\n")
					if len(lines) != sz[1] {
						t.Errorf("tab %s: %d lines; want %d", tab, len(lines), sz[1])
					}
					for i, l := range lines {
						if w := ansi.StringWidth(l); w > sz[0] {
							t.Errorf("tab %s line %d is %d cells wide (max %d): %q", tab, i, w, sz[0], ansi.Strip(l))
						}
					}
				}
			})
		}
	}
}
