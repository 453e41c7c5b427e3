package source

import (
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"connlog/model"
)

// graceState is the state while the renamed-away file is still read.
const graceState = "reading the renamed file until its writer moves to the new one"

// placeWhole puts a file holding content at path in one step (written
// beside it, then renamed), so that whoever looks finds all of it or none.
func placeWhole(t *testing.T, path, content string) {
	t.Helper()
	tmp := path + ".incoming"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// The file is renamed away and a new one takes its place; before connlog
// moves to the new file (it still reads the renamed one, rotationGrace),
// the new one is rotated too: copied and truncated, or renamed. The lines
// it held are read from where they went, in order, or a gap says they may
// be missing; none is lost silently.
func TestRotationDuringTheGraceOfAnother(t *testing.T) {
	old, held, after := numbered("old", 5), numbered("held", 4), numbered("after", 1)
	tests := []struct {
		name     string
		rotate   func(t *testing.T, path string)
		readHeld bool // the held lines are found; otherwise a truncation gap stands for them
	}{
		{"copytruncate", func(t *testing.T, path string) { logrotateCopyTruncate(t, path, false) }, true},
		{"copytruncate, gzipped copy", func(t *testing.T, path string) { logrotateCopyTruncate(t, path, true) }, true},
		{"truncated without a copy", func(t *testing.T, path string) {
			if err := os.Truncate(path, 0); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"renamed", func(t *testing.T, path string) {
			if err := os.Rename(path, path+".1"); err != nil {
				t.Fatal(err)
			}
		}, true},
	}
	for _, tc := range tests {
		for _, streamOnly := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, stream only %v", tc.name, streamOnly), func(t *testing.T) {
				path := logPath(t)
				appendTo(t, path, joinLines(old))
				src := NewFile(path, 1, FileOptions{Follow: true, StreamOnly: streamOnly})
				src.grace = time.Second
				r := start(t, src)
				r.waitLines(len(old))
				if err := os.Rename(path, path+".moved"); err != nil {
					t.Fatal(err)
				}
				placeWhole(t, path, joinLines(held))
				waitFor(t, "the grace", func() bool { return src.State() == graceState })
				tc.rotate(t, path)
				appendTo(t, path, joinLines(after))
				want := slices.Concat(old, after)
				if tc.readHeld {
					want = slices.Concat(old, held, after)
				}
				got := r.waitLines(len(want))
				equalLines(t, lineTexts(got), want)
				checkOffsetsGrow(t, got)
				g := gaps(got)
				if tc.readHeld {
					if len(g) != 0 {
						t.Fatalf("gaps %s: nothing was lost", describe(g))
					}
				} else {
					i := slices.IndexFunc(got, func(r model.Record) bool { return r.Mark == model.MarkGap })
					if len(g) != 1 || g[0].Note != NoteTruncated || lineTexts(got[:i])[len(old)-1] != old[len(old)-1] {
						t.Fatalf("want one truncation gap before the new line: %s", describe(got))
					}
				}
				if !streamOnly {
					os.Remove(path + ".1")
					checkReRead(t, src, got)
				}
			})
		}
	}
}

// The file that took the renamed one's place is copied and truncated
// twice while the renamed one is still read (size-based rotation in a
// burst), each time with lines connlog has not read: both are read from
// their copies, in order, and nothing is reported lost (the second stint
// was lost without a word).
func TestNewFileCopiedAndTruncatedTwiceDuringTheGrace(t *testing.T) {
	old, first, second, after := numbered("old", 5), numbered("first", 4), numbered("second", 3), numbered("after", 1)
	for _, streamOnly := range []bool{false, true} {
		t.Run(fmt.Sprintf("stream only %v", streamOnly), func(t *testing.T) {
			path := logPath(t)
			appendTo(t, path, joinLines(old))
			src := NewFile(path, 1, FileOptions{Follow: true, StreamOnly: streamOnly})
			// Both cuts come within the grace on a machine that is not
			// too busy; on one that is, the second comes after the
			// switch, and is found as any followed file's copy is.
			src.grace = 2 * time.Second
			r := start(t, src)
			r.waitLines(len(old))
			if err := os.Rename(path, path+".moved"); err != nil {
				t.Fatal(err)
			}
			placeWhole(t, path, joinLines(first))
			waitFor(t, "the grace", func() bool { return src.State() == graceState })
			logrotateCopyTruncate(t, path, false)
			appendTo(t, path, joinLines(second))
			looks := src.pathChecks.Load()
			waitFor(t, "two looks at the refilled file", func() bool { return src.pathChecks.Load() >= looks+2 })
			copyTruncateTo(t, path, path+"-20261206")
			appendTo(t, path, joinLines(after))
			got := r.waitLines(len(old) + len(first) + len(second) + len(after))
			equalLines(t, lineTexts(got), slices.Concat(old, first, second, after))
			if g := gaps(got); len(g) != 0 {
				t.Fatalf("gaps %s: nothing was lost", describe(g))
			}
		})
	}
}

// copyTruncateTo copies the file at path to copyPath and empties it, as
// logrotate's copytruncate does with a dated name.
func copyTruncateTo(t *testing.T, path, copyPath string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copyPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
}

// A steady writer: the file is renamed away, the writer moves to the new
// one and keeps writing, and the new one is copied and truncated while the
// renamed one is still read. Every line arrives, in order.
func TestSteadyWriterRotatedTwiceWithinTheGrace(t *testing.T) {
	lines := numbered("steady", 20_000)
	path := logPath(t)
	appendTo(t, path, "")
	src := NewFile(path, 1, FileOptions{Follow: true})
	r := start(t, src)
	write := func(from, to int, read bool) {
		for i := from; i < to; i += 100 {
			appendTo(t, path, joinLines(lines[i:min(i+100, to)]))
			if read { // as a reader keeps up: the source is never held up sending
				r.waitLines(min(i+100, to))
			}
			time.Sleep(time.Millisecond)
		}
	}
	write(0, 10_000, true)
	if err := os.Rename(path, path+".moved"); err != nil {
		t.Fatal(err)
	}
	write(10_000, 14_000, false) // not read until the grace ends
	// The new file's copy can be told from it only once connlog holds the
	// file open: a poll must have seen it before it is truncated (a busy
	// machine may delay the poll past the writes above).
	waitFor(t, "the new file to be seen", func() bool { return src.State() == graceState })
	logrotateCopyTruncate(t, path, false)
	write(14_000, 20_000, false)
	got := r.waitLines(len(lines))
	equalLines(t, lineTexts(got), lines)
	if g := gaps(got); len(g) != 0 {
		t.Fatalf("gaps %s: nothing was lost", describe(g))
	}
}

// Files keep taking the path's place while the renamed one is still read:
// once maxNextFiles of them wait, connlog moves on without waiting for the
// grace to end, so that the files it holds open stay few.
func TestTooManyWaitingFilesEndTheGrace(t *testing.T) {
	path := logPath(t)
	first := numbered("file00", 3)
	appendTo(t, path, joinLines(first))
	src := NewFile(path, 1, FileOptions{Follow: true})
	src.grace = time.Hour
	r := start(t, src)
	r.waitLines(len(first))
	want := first
	for i := 1; i <= maxNextFiles; i++ {
		lines := numbered(fmt.Sprintf("file%02d", i), 3)
		if i == 1 {
			want = slices.Concat(want, lines) // read once the grace ends
		}
		if err := os.Rename(path, fmt.Sprintf("%s.%d", path, i)); err != nil {
			t.Fatal(err)
		}
		placeWhole(t, path, joinLines(lines))
		time.Sleep(pollInterval + 50*time.Millisecond) // a poll finds it at the path
	}
	got := r.waitLines(len(want))
	equalLines(t, lineTexts(got), want)
}

// The new file is truncated without a copy before connlog moves to it, and
// the renamed file beside it (a rotated name, a candidate copy) begins
// with the same header: it is not taken for the copy, since it is a file
// already read. A gap says lines may be missing; none is read twice.
func TestRenamedFileIsNotTakenForTheCopy(t *testing.T) {
	header := joinLines(numbered("# the same header in every file", 8)) // more than fingerprintBytes
	path := logPath(t)
	appendTo(t, path, header+"old\n")
	src := NewFile(path, 1, FileOptions{Follow: true})
	src.grace = time.Second
	r := start(t, src)
	r.waitLines(9)
	if err := os.Rename(path, path+".1"); err != nil {
		t.Fatal(err)
	}
	placeWhole(t, path, header+"held\n")
	waitFor(t, "the grace", func() bool { return src.State() == graceState })
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	appendTo(t, path, "after\n")
	got := r.waitUntil("the line after", func(rs []model.Record) bool { return slices.Contains(lineTexts(rs), "after") })
	want := slices.Concat(numbered("# the same header in every file", 8), []string{"old", "after"})
	equalLines(t, lineTexts(got), want)
	if g := gaps(got); len(g) != 1 || g[0].Note != NoteTruncated {
		t.Fatalf("gaps %s, want one truncation gap", describe(g))
	}
}
