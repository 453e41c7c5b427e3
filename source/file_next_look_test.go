package source

import (
	"os"
	"testing"
)

// A look that measures the file before it is truncated and reads its head
// after notes the one truncation, not a second one when it looks again:
// the size it measured was stale, not the file cut twice. (Under load the
// second, empty note became a truncation gap for lines that all arrived.)
func TestLookAcrossATruncationNotesItOnce(t *testing.T) {
	path := logPath(t)
	held := joinLines(numbered("held", 4))
	appendTo(t, path, held)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := &nextFile{file: f}
	n.lookAt(int64(len(held)))
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	n.lookAt(int64(len(held))) // measured just before the truncation
	appendTo(t, path, joinLines(numbered("after", 1)))
	n.look()
	if len(n.cut) != 1 || string(n.cut[0]) != held[:min(len(held), fingerprintBytes)] {
		t.Fatalf("cuts noted %q, want the held lines' head once", n.cut)
	}
}
