package journalfile

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// interleavedPair builds a directory of two interleaved files of 200
// entries each (lines 0, 2, … and 1, 3, … of syntheticExport), and returns
// it with a.journal's path and the offset of its entry k.
func interleavedPair(t *testing.T, compact bool, k int) (dir, a string, off int64) {
	t.Helper()
	dir = t.TempDir()
	buildJournal(t, dir, "a.journal", syntheticExport(0, 400, 2), compact)
	buildJournal(t, dir, "b.journal", syntheticExport(1, 400, 2), compact)
	a = filepath.Join(dir, "a.journal")
	f, err := Open(a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return dir, a, int64(f.EntryOffset(k))
}

// cutDirectory builds an interleavedPair whose a.journal is cut in the
// middle of its entry k: those before it are intact, its entry arrays
// still list those after it.
func cutDirectory(t *testing.T, compact bool, k int) string {
	t.Helper()
	dir, a, off := interleavedPair(t, compact, k)
	if err := os.Truncate(a, off+24); err != nil {
		t.Fatal(err)
	}
	return dir
}

// openCut opens a cutDirectory, closed when the test ends.
func openCut(t *testing.T, compact bool, k int) *Journal {
	t.Helper()
	j, err := OpenDirectories([]string{cutDirectory(t, compact, k)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	return j
}

// reported fails the test unless j reported a file it dropped.
func reported(t *testing.T, j *Journal) {
	t.Helper()
	if len(j.Problems()) == 0 {
		t.Fatal("the damaged file was not reported")
	}
}

// cutLines are the lines numbered from on that a directory cut at a's
// entry k still holds.
func cutLines(from, k int) []string {
	var out []string
	for i := from; i < 400; i++ {
		if i%2 == 1 || i < 2*k {
			out = append(out, fmt.Sprintf("line %04d", i))
		}
	}
	return out
}

// readLines reads on to the end, the first 9 bytes of each MESSAGE.
func readLines(t *testing.T, j *Journal) []string {
	t.Helper()
	var got []string
	for {
		ok, err := j.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return got
		}
		msg, _, err := j.Field("MESSAGE", nil)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(msg[:9]))
	}
}

// TestSeekOverCutFile seeks a directory holding a truncated file: the seek
// must not fail for the whole journal; the entries of both files after the
// time come out, the cut file's as far as they are intact, and the cut
// file is reported.
func TestSeekOverCutFile(t *testing.T) {
	for _, compact := range []bool{false, true} {
		for _, k := range []int{1, 80, 160, 199} {
			t.Run(fmt.Sprintf("compact=%v/entry %d", compact, k), func(t *testing.T) {
				j := openCut(t, compact, k)
				if err := j.SeekRealtime(1_770_000_000_000_000 + 250*1000); err != nil {
					t.Fatalf("seek: %v", err)
				}
				if got, want := readLines(t, j), cutLines(250, k); !slices.Equal(got, want) {
					t.Fatalf("read %d lines from the time:\n%q\nwant %d:\n%q", len(got), got, len(want), want)
				}
				reported(t, j)
			})
		}
	}
}

// TestSeekOverCorruptedEntry seeks a directory where one file's entry, the
// first a bisection reads, is overwritten: the bisection judges it by the
// entry after it, so neither file is dropped and both files' entries from
// the time on are read; the bad entry lies before the time, so no loss is
// reported (see skip_test.go for the skip itself).
func TestSeekOverCorruptedEntry(t *testing.T) {
	dir, a, mid := interleavedPair(t, false, 100)
	fh, err := os.OpenFile(a, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fh.WriteAt([]byte{0xee}, mid); err != nil { // the object's type
		t.Fatal(err)
	}
	fh.Close()
	j, err := OpenDirectories([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	if err := j.SeekRealtime(1_770_000_000_000_000 + 390*1000); err != nil {
		t.Fatalf("seek: %v", err)
	}
	if got := readLines(t, j); fmt.Sprint(got) != "[line 0390 line 0391 line 0392 line 0393 line 0394 line 0395 line 0396 line 0397 line 0398 line 0399]" {
		t.Fatalf("read %q", got)
	}
	if p := j.Problems(); len(p) != 0 {
		t.Fatalf("problems %v, where nothing in the window was lost", p)
	}
}

// TestValuesOverCutFile lists a field's values in a directory holding a
// cut file, whose newest values are gone: the other file's values are
// listed, and the cut file is reported.
func TestValuesOverCutFile(t *testing.T) {
	j := openCut(t, false, 80)
	vals, err := j.UniqueValues("MESSAGE")
	if err != nil {
		t.Fatalf("values: %v", err)
	}
	if !slices.Contains(vals, "line 0397") {
		t.Fatalf("%d values, without the whole file's last", len(vals))
	}
	reported(t, j)
}

// TestMatchesOverCutFile looks up, in a directory holding a cut file, a
// value that file held past its end: the other file's entries are found,
// and the cut file is reported.
func TestMatchesOverCutFile(t *testing.T) {
	j := openCut(t, false, 80)
	if err := j.SetMatches(Expr{{{"MESSAGE=line 0398"}, {"MESSAGE=line 0397"}}}); err != nil {
		t.Fatalf("matches: %v", err)
	}
	if err := j.SeekHead(); err != nil {
		t.Fatal(err)
	}
	if got := readLines(t, j); fmt.Sprint(got) != "[line 0397]" {
		t.Fatalf("read %q", got)
	}
	reported(t, j)
}
