package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"connlog/ui/exportdialog"
)

// A quit key (q or ctrl+c) while an export waits to be written, or is
// being written, would cancel it: the first asks in the dialog, and the
// export goes on; a second quits. Once the export is no longer busy, q in
// the dialog does not quit at all, as before.
func TestQuitWhileAnExportIsBusyAsksFirst(t *testing.T) {
	for _, first := range []string{"q", "ctrl+c"} {
		it := newIndexingTest(t)
		path := filepath.Join(t.TempDir(), "view.ndjson")
		it.m = drive(t, it.m, keys("x", "up", "ctrl+u", path, "enter")...)
		if it.m.dialog.State() != exportdialog.Waiting {
			t.Fatalf("state %v; want waiting", it.m.dialog.State())
		}
		next, cmd := it.m.Update(keys(first)[0])
		m := next.(Model)
		if quits(t, cmd) {
			t.Fatalf("%s while the export waits quit at once", first)
		}
		if said := flat(screen(m)); m.dialog.State() != exportdialog.Waiting || !strings.Contains(said, "an export waits to be written: q/ctrl+c again to cancel it and quit") {
			t.Errorf("%s while the export waits: state %v; want it waiting, and the dialog asking:\n%s", first, m.dialog.State(), screen(m))
		}
		for _, again := range []string{"q", "ctrl+c"} {
			if _, cmd := m.Update(keys(again)[0]); !quits(t, cmd) {
				t.Errorf("%s, then %s: did not quit", first, again)
			}
		}
	}
}
