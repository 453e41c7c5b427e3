package exportdialog

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"connlog/model/export"
)

// While a bundle's entries go into its members, before its archive is
// written, the progress line counts the bytes the members took, not 0B.
func TestBundleProgressCountsItsMembers(t *testing.T) {
	d, write := startWrite(t, typePath(t, newDialog(t, 5), filepath.Join(t.TempDir(), "x.tar")))
	if d.Settings().Format != export.FormatBundle {
		t.Fatalf("format %v; want a bundle from the .tar name", d.Settings().Format)
	}
	// The writing the dialog watches, stopped before the archive.
	w, err := export.New(io.Discard, export.Options{Format: export.FormatBundle, Progress: d.progress})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	src := d.Source()
	for e := range src.entries(viewRows(&src.View, 0, src.View.Len()), nil) {
		for range 400 { // past the members' buffers
			if err := w.Write(e); err != nil {
				t.Fatal(err)
			}
		}
	}
	staged := d.progress.Staged()
	line := d.progressLine()
	if staged == 0 || strings.Contains(line, " 0B ") || !strings.Contains(line, "written to its members") {
		t.Errorf("%d bytes in the members; the progress line says %q", staged, line)
	}
	d.SetSize(80, 24)
	if line := d.progressLine(); ansi.StringWidth(line) > d.wrapWidth() {
		t.Errorf("at 80 columns the progress line is %d wide, past the %d of the dialog: %q", ansi.StringWidth(line), d.wrapWidth(), line)
	}
	d = send(t, d, "esc")
	call(t, write)
}
