package journalfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestFollowedFileCutIsReportedOnce follows a directory whose one file is
// truncated after it was read: the next poll sees it and reports its loss
// once; a file that appears later is read, and the cut one is not opened
// (and reported) again.
func TestFollowedFileCutIsReportedOnce(t *testing.T) {
	dir := buildJournal(t, t.TempDir(), "a.journal", syntheticExport(0, 40, 1), false)
	j, err := OpenDirectories([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	if cat, _ := readAll(t, j); len(cat) == 0 {
		t.Fatal("nothing read")
	}
	if err := os.Truncate(filepath.Join(dir, "a.journal"), 100_000); err != nil {
		t.Fatal(err)
	}
	change, err := j.Poll()
	problems := j.Problems()
	var loss *LossError
	if change != Invalidated || err != nil || len(problems) != 1 || !errors.As(problems[0], &loss) || !errors.Is(problems[0], ErrTruncated) {
		t.Fatalf("after the cut: %v %v, problems %v; want Invalidated and one truncation", change, err, problems)
	}
	// A file journald has just created, its header not written yet, is
	// not a loss: it is opened once it can be.
	b := filepath.Join(dir, "b.journal")
	if err := os.WriteFile(b, nil, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Poll(); err != nil {
		t.Fatal(err)
	}
	if p := j.Problems(); len(p) != 0 {
		t.Fatalf("a file being created was reported: %v", p)
	}
	if err := os.Remove(b); err != nil {
		t.Fatal(err)
	}
	buildJournal(t, dir, "b.journal", syntheticExport(100, 110, 1), false)
	for range 3 {
		if _, err := j.Poll(); err != nil {
			t.Fatal(err)
		}
	}
	if p := j.Problems(); len(p) != 0 {
		t.Fatalf("the cut file was reported again: %v", p)
	}
	if err := j.SeekHead(); err != nil {
		t.Fatal(err)
	}
	cat, _ := readAll(t, j)
	if want := "line 0100\n"; len(cat) < len(want) || string(cat[:len(want)]) != want {
		t.Fatalf("after the new file appeared, read %q", cat)
	}
}
