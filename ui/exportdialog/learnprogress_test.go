package exportdialog

import (
	"path/filepath"
	"strings"
	"testing"
)

// While a redacted write reads its entries once for what they reveal,
// before it writes any, the progress line counts that reading: it stood
// at 0% of the write the whole time, which on a big range looks hung.
func TestRedactedWriteProgressCountsItsFirstRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.log")
	d := send(t, typePath(t, newDialog(t, 5), path), "up", "right")
	if !d.Settings().Redact {
		t.Fatal("setup: redaction is not on")
	}
	d, write := startWrite(t, d)
	src := d.Source()
	n := 0
	for range d.progress.Learning(5, src.entries(viewRows(&src.View, 0, src.View.Len()), nil)) {
		if n++; n == 3 {
			break
		}
	}
	if line := d.progressLine(); !strings.Contains(line, "60% 3/5 read for what to redact") {
		t.Errorf("after 3 of 5 entries read for redaction the progress line says %q", line)
	}
	d = send(t, d, "esc")
	call(t, write)
}
