package exportdialog

import (
	"testing"

	"connlog/ui/theme"
)

// TestFieldsFollowTheEditKeys: the path field edits with the dialog's
// editing keys, as rebound.
func TestFieldsFollowTheEditKeys(t *testing.T) {
	d := send(t, newDialog(t, 3), "up", "ctrl+u", "ab cd")
	d.keys.Edit.WordLeft = theme.Bind("word left", "ctrl+a")
	d = send(t, d, "ctrl+a", "x")
	if d.Path() != "ab xcd" {
		t.Errorf("path %q; want the rebound word motion to act", d.Path())
	}
}
