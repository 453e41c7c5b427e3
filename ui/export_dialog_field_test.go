package ui

import (
	"strings"
	"testing"
)

// TestExportFieldEditedStaysInSight: with redact on, the preview of what
// it replaces makes the dialog's status taller than a small terminal; the
// field edited (redact, then the path) must stay on the screen all the
// same, for the keys typed go into it, with the status under it scrolled.
func TestExportFieldEditedStaysInSight(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {80, 24}, {120, 35}} {
		m := drive(t, goldenModel(t, sz[0], sz[1]), keys("x", "down", "down", "down", "right")...)
		if !m.dialog.Settings().Redact {
			t.Fatalf("%dx%d: redact is not on", sz[0], sz[1])
		}
		for _, want := range []string{"> redact", "> path"} {
			out := strings.Join(screenLines(t, m), "\n")
			if !strings.Contains(out, want) {
				t.Errorf("%dx%d: the field edited (%q) is out of sight:\n%s", sz[0], sz[1], want, out)
			}
			m = drive(t, m, keys("down")...)
		}
	}
}
