package exportdialog

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestFieldsSayWhatAPasteLeftOut: a paste into a text field of the dialog
// leaves its control characters out, as the filter bar does, and the
// dialog says so in the same words, until the next key.
func TestFieldsSayWhatAPasteLeftOut(t *testing.T) {
	d := send(t, newDialog(t, 7), "up", "ctrl+u")
	d, _ = d.Update(tea.PasteMsg{Content: "/tmp/x\x1b.ndjson\x07"})
	if strings.ContainsAny(d.pathIn.Value(), "\x1b\x07") {
		t.Fatalf("the path kept control characters: %q", d.pathIn.Value())
	}
	if s := screen(d); !strings.Contains(s, "2 control characters of the paste left out") {
		t.Errorf("the dialog does not say what the paste lost:\n%s", s)
	}
	if s := screen(send(t, d, "x")); strings.Contains(s, "control character") {
		t.Errorf("the note outlived the next key:\n%s", s)
	}
}
