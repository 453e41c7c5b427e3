package journalfile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// withItemsPerRead runs the test with the entry arrays read n items at a
// time.
func withItemsPerRead(t *testing.T, n uint64) {
	t.Helper()
	old := itemsPerRead
	itemsPerRead = n
	t.Cleanup(func() { itemsPerRead = old })
}

// entryOffsets lists the entry offsets of every file of j, by path.
func entryOffsets(j *Journal) map[string][]uint64 {
	out := map[string][]uint64{}
	for _, m := range j.members {
		for i := range m.f.Len() {
			out[m.f.Path()] = append(out[m.f.Path()], m.f.EntryOffset(i))
		}
	}
	return out
}

// arrayRooms lists how many items each entry array of f's chain has room
// for.
func arrayRooms(t *testing.T, f *File) []int {
	var rooms []int
	for off := f.hdr.EntryArrayOffset; off != 0; {
		next, n, err := f.entryArrayHead(off)
		if err != nil {
			t.Fatal(err)
		}
		rooms = append(rooms, n)
		off = next
	}
	return rooms
}

// TestEntryArraysReadInPieces indexes files whose entry arrays are read a
// few items at a time, so that most arrays take several reads and the
// reads end inside an array: the index and the entries read through it are
// those of a whole read, in both layouts.
func TestEntryArraysReadInPieces(t *testing.T) {
	const n = 600 // 300 entries a file
	j, dir := openInterleaved(t, n, nil)
	want := entryOffsets(j)
	wantCat, wantCursors := readAll(t, j)
	for _, m := range j.members {
		if m.f.Len() != n/2 {
			t.Fatalf("a whole read indexed %d entries, want %d", m.f.Len(), n/2)
		}
		if rooms := arrayRooms(t, m.f); len(rooms) < 3 || slices.Max(rooms) < 128 {
			t.Fatalf("the entry arrays have room for %v items: not the chain this test needs", rooms)
		}
	}
	for _, pieces := range []uint64{1, 3, 7} {
		t.Run(fmt.Sprint(pieces), func(t *testing.T) {
			withItemsPerRead(t, pieces)
			j, err := OpenDirectories([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			defer j.Close()
			got := entryOffsets(j)
			for path, offs := range want {
				if !slices.Equal(got[path], offs) {
					t.Fatalf("%s: %d entries indexed in pieces of %d, %d whole, or different offsets",
						filepath.Base(path), len(got[path]), pieces, len(offs))
				}
			}
			cat, cursors := readAll(t, j)
			if !bytes.Equal(cat, wantCat) || !slices.Equal(cursors, wantCursors) {
				t.Fatal("the entries read differ from those of a whole read")
			}
			if p := j.Problems(); len(p) > 0 {
				t.Fatalf("problems reported: %v", p)
			}
		})
	}
}

// TestTruncatedFileReadInPieces cuts files and indexes them a few items at
// a time: the intact entries are read, as with a whole read.
func TestTruncatedFileReadInPieces(t *testing.T) {
	withItemsPerRead(t, 3)
	TestTruncatedFileReadsItsIntactEntries(t)
}

// TestFileOverTheIndexedSizeIsRefused opens a journal file grown (sparse)
// past the largest size the index holds: it is refused as unsupported,
// saying what reads it, where a wrong index would have been built.
func TestFileOverTheIndexedSizeIsRefused(t *testing.T) {
	dir := fixtureJournal(t, "connector.export", false)
	path := filepath.Join(dir, "x.journal")
	if _, err := Open(path); err != nil {
		t.Fatalf("the file at its own size: %v", err)
	}
	if err := os.Truncate(path, maxFileSize+8); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	var unsupported *UnsupportedError
	if !errors.As(err, &unsupported) || !unsupported.TooLarge || unsupported.Path != path ||
		!strings.Contains(err.Error(), "32 GiB") || !strings.Contains(err.Error(), "journalctl") {
		t.Fatalf("a file of %d bytes opened with %v, want it refused as too large, naming what reads it", maxFileSize+8, err)
	}
}

// TestSelectiveMatchReadInPieces answers a selective match from the DATA
// objects' entry arrays read two items at a time.
func TestSelectiveMatchReadInPieces(t *testing.T) {
	withItemsPerRead(t, 2)
	TestSelectiveMatchReadsEntryArrays(t)
}
