package exportdialog

import (
	"strings"
	"testing"

	"connlog/model/export"
	"connlog/ui/theme"
)

// An export that could not take its path but was kept beside it is shown
// as written, where it is, with why it is not at the path asked for; not
// as a failure, nor as a file to confirm replacing.
func TestDialogShowsAnExportSavedElsewhere(t *testing.T) {
	keys := DefaultKeyMap()
	styles := theme.Monochrome()
	d := New(&keys, &styles)
	d.SetSize(100, 30)
	d.state = Writing
	why := "out.log appeared while the export was written, and connlog did not replace it; the export is saved as out-1.log instead"
	err := &export.FileError{Kind: export.ErrSavedElsewhere, Path: "out-1.log", Msg: why, Err: export.ErrExists}
	d = d.onDone(doneMsg{path: "out.log", stats: export.Stats{Path: "out-1.log", Entries: 3}, err: err})
	s := strings.Join(d.statusLines(), " ")
	if d.state != Done || !strings.Contains(s, "saved as out-1.log instead") || !strings.Contains(s, "wrote out-1.log") {
		t.Errorf("state %v, status %q", d.state, s)
	}
}
