package exportdialog

import (
	"strings"
	"testing"

	"connlog/model"
)

// TestDialogSaysWhichFilesWereNotRead: over an input of which a file was
// not read at all, the count, the empty window's "nothing to write" and
// the result each say so, for the export is not all of the input.
func TestDialogSaysWhichFilesWereNotRead(t *testing.T) {
	gap := model.Entry{Time: at(1500), Kind: model.KindGap, Level: model.LevelWarn, Origin: model.Origin{Offset: -1},
		Fields: model.Fields{model.Str(model.KeyGapReason,
			model.GapFileNotRead+": app.log.1: "+model.GapNothingRead+": open /var/log/app.log.1: permission denied")}}
	es := []model.Entry{textEntry(0, "one"), textEntry(1000, "two"), gap, textEntry(2000, "three")}
	want := "app.log.1 was not read (permission denied): its lines are not in it"
	says := func(t *testing.T, d Model, when string) {
		t.Helper()
		if s := strings.Join(strings.Fields(screen(d)), " "); !strings.Contains(s, want) {
			t.Errorf("%s: the dialog does not say %q:\n%s", when, want, screen(d))
		}
	}
	d := dialogOver(t, sourceOf(t, es))
	says(t, d, "the count")

	empty := send(t, d, "right", "down", "09:00", "down", "09:30", "enter")
	says(t, empty, "nothing to write")

	dir := t.TempDir()
	d = send(t, d, "down", "down", "down", "down", "down", "down")
	d.pathIn.SetValue(dir + "/out.ndjson")
	done := send(t, d, "enter")
	if done.State() != Done {
		t.Fatalf("state %v, want done:\n%s", done.State(), screen(done))
	}
	says(t, done, "the result")

	if s := screen(newDialog(t, 3)); strings.Contains(s, "not read") {
		t.Errorf("a dialog over an input read whole speaks of files not read:\n%s", s)
	}
}
