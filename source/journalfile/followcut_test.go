package journalfile

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFollowedFileCutBehindTheReaderLosesNothing follows a file that is
// cut after every entry it counts was read: nothing is missing, so nothing
// is reported (it was "an unknown amount may be missing").
func TestFollowedFileCutBehindTheReaderLosesNothing(t *testing.T) {
	j, dir := followedAndRead(t)
	if err := os.Truncate(filepath.Join(dir, "a.journal"), 100_000); err != nil {
		t.Fatal(err)
	}
	change, err := j.Poll()
	if p := j.Problems(); change != Invalidated || err != nil || len(p) != 0 {
		t.Fatalf("after a cut of entries read: %v %v, problems %v; want Invalidated and none", change, err, p)
	}
}

// TestFollowedFileCutIsReportedOnce follows a directory whose one file is
// truncated, behind the entries read, after entries were added that were
// not read yet: the next poll sees it and reports their loss once, counted;
// a file that appears later is read, and the cut one is not opened (and
// reported) again.
func TestFollowedFileCutIsReportedOnce(t *testing.T) {
	j, dir := followedAndRead(t)
	buildJournal(t, dir, "a.journal", syntheticExport(40, 65, 1), false)
	if err := os.Truncate(filepath.Join(dir, "a.journal"), 100_000); err != nil {
		t.Fatal(err)
	}
	change, err := j.Poll()
	problems := j.Problems()
	var loss *LossError
	if change != Invalidated || err != nil || len(problems) != 1 || !errors.As(problems[0], &loss) || !errors.Is(problems[0], ErrTruncated) {
		t.Fatalf("after the cut: %v %v, problems %v; want Invalidated and one truncation", change, err, problems)
	}
	if loss.Entries != 25 {
		t.Fatalf("the cut lost the 25 entries added since the reading, reported %d", loss.Entries)
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

// TestFollowedFileCutAmongNewEntries follows a file that grows and is cut
// among the entries it gained before the follower looks again: the
// follower reads the entries the file still holds and then reports the
// rest, counted, as a reading of the cut file does (it reported "an
// unknown amount" before reading them, and the real loss as 1).
func TestFollowedFileCutAmongNewEntries(t *testing.T) {
	j, dir := followedAndRead(t)
	path := filepath.Join(dir, "a.journal")
	before := usedSize(t, path)
	buildJournal(t, dir, "a.journal", syntheticExport(40, 240, 1), false)
	if err := os.Truncate(path, before+(usedSize(t, path)-before)/2); err != nil {
		t.Fatal(err)
	}
	if change, err := j.Poll(); change == Nothing || err != nil {
		t.Fatalf("after the growth and the cut: %v %v; want the reader told to read on", change, err)
	}
	if p := j.Problems(); len(p) != 0 {
		t.Fatalf("the loss was reported before the entries before it were read: %v", p)
	}
	// Said once: a damage that waits to be reported must not wake the
	// follower at every poll.
	if change, err := j.Poll(); change != Nothing || err != nil {
		t.Fatalf("the next poll, with nothing new: %v %v; want Nothing", change, err)
	}
	var followed int
	for {
		ok, err := j.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		followed++
	}
	fresh, err := OpenFiles([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	cat, _ := readAll(t, fresh)
	want := lossCount(t, fresh.Problems())
	got := lossCount(t, j.Problems())
	if read := strings.Count(string(cat), "\n"); followed != read-40 || got != want || want == 0 {
		t.Fatalf("followed %d new entries and reported %d lost; a reading of the cut file reads %d new and reports %d", followed, got, read-40, want)
	}
}

// lossCount adds up the entries problems say are lost or skipped.
func lossCount(t *testing.T, problems []error) uint64 {
	t.Helper()
	var n uint64
	for _, p := range problems {
		var loss *LossError
		var skip *SkipError
		switch {
		case errors.As(p, &loss):
			n += loss.Entries
		case errors.As(p, &skip):
			n += uint64(skip.Entries)
		default:
			t.Fatalf("a problem without a count: %v", p)
		}
	}
	return n
}

// usedSize is where the last object of a journal file ends (journald
// preallocates past it).
func usedSize(t *testing.T, path string) int64 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tail := int64(binary.LittleEndian.Uint64(b[136:]))
	return tail + int64(binary.LittleEndian.Uint64(b[tail+8:]))
}

// followedAndRead opens a directory whose a.journal holds 40 entries, as a
// follower does, and reads them all; the journal is closed at the test's end.
func followedAndRead(t *testing.T) (*Journal, string) {
	t.Helper()
	dir := buildJournal(t, t.TempDir(), "a.journal", syntheticExport(0, 40, 1), false)
	j, err := OpenDirectories([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	if cat, _ := readAll(t, j); len(cat) == 0 {
		t.Fatal("nothing read")
	}
	return j, dir
}
