package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"connlog/ui/exportdialog"
)

// TestExportErrorReadWholeWhenSmall: at 80×24, 60×20 and 40×15, an export
// refused for a long path has an error taller than the dialog. Its start
// shows with a line that says which keys show the rest; scrolling down
// brings in its end, what to do, and esc still goes back to the settings.
// No line is wider than the terminal.
func TestExportErrorReadWholeWhenSmall(t *testing.T) {
	dir := filepath.Join(t.TempDir(), strings.Repeat("incident-4711-for-the-vendor/", 50), "no-such-dir")
	const end = "does not exist — create it or choose another path"
	for _, sz := range [][2]int{{80, 24}, {60, 20}, {40, 15}} {
		m := drive(t, goldenModel(t, sz[0], sz[1]), keys("x", "up", "ctrl+u")...)
		m = drive(t, m, tea.PasteMsg{Content: filepath.Join(dir, "x.ndjson")}, keys("enter")[0])
		if m.dialog.State() != exportdialog.Failed {
			t.Fatalf("%dx%d: the dialog is %v; want failed", sz[0], sz[1], m.dialog.State())
		}
		first := strings.Join(screenLines(t, m), "\n")
		if !strings.Contains(first, "export failed: directory") || !strings.Contains(first, "↑/↓ more · ") ||
			strings.Contains(words(first), words(end)) {
			t.Fatalf("%dx%d: the error's start, and how to see the rest, do not show (or it all fits):\n%s",
				sz[0], sz[1], first)
		}
		out := first
		for i := 0; i < 100 && strings.Contains(out, " below"); i++ {
			m = drive(t, m, keys("down")...)
			out = strings.Join(screenLines(t, m), "\n")
		}
		if !strings.Contains(words(out), words("no-such-dir "+end)) {
			t.Errorf("%dx%d: scrolled to the end, what to do is not read whole:\n%s", sz[0], sz[1], out)
		}
		if m = drive(t, m, keys("esc")...); m.mode != ModeExport || m.dialog.State() != exportdialog.Editing {
			t.Errorf("%dx%d: esc after scrolling: mode %v, dialog %v; want the settings", sz[0], sz[1], m.mode, m.dialog.State())
		}
	}
}
