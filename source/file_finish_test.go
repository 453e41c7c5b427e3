package source

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"connlog/model"
)

// Following stops (the export's signal) while the renamed-away file is
// still read and the file that took its place waits its turn: every line
// on disk then is sent before Run returns, the renamed file's to its end
// first, then the new file's, as they would have been had following gone
// on.
func TestStopWithinTheGraceReadsWhatIsOnDisk(t *testing.T) {
	tests := []struct {
		name    string
		replace func(t *testing.T, path string) // takes the path's place with another file
	}{
		{"renamed and created again", func(t *testing.T, path string) {
			if err := os.Rename(path, path+".1"); err != nil {
				t.Fatal(err)
			}
			appendTo(t, path, "")
		}},
		{"removed and created again", func(t *testing.T, path string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			time.Sleep(pollInterval + 50*time.Millisecond) // a poll finds the path empty
			appendTo(t, path, "")
		}},
	}
	old, late, fresh := numbered("old", 3), numbered("late", 2), numbered("new", 2)
	for _, tc := range tests {
		for _, streamOnly := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, stream only %v", tc.name, streamOnly), func(t *testing.T) {
				path := logPath(t)
				appendTo(t, path, joinLines(old))
				f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				src := NewFile(path, 1, FileOptions{Follow: true, StreamOnly: streamOnly, Finish: context.Background()})
				src.grace = time.Hour
				r := start(t, src)
				r.waitLines(len(old))
				tc.replace(t, path)
				appendTo(t, path, joinLines(fresh))
				waitFor(t, "the grace", func() bool { return src.State() == graceState })
				// The writer has not reopened the path yet.
				if _, err := f.WriteString(joinLines(late)); err != nil {
					t.Fatal(err)
				}
				r.cancel()
				if err := r.finish(); err != nil {
					t.Fatalf("Run: %v", err)
				}
				equalLines(t, lineTexts(r.got), slices.Concat(old, late, fresh))
				if g := gaps(r.got); len(g) != 0 {
					t.Fatalf("gaps %s: nothing was lost", describe(g))
				}
				checkOffsetsGrow(t, r.got)
			})
		}
	}
}

// A file that appears at the path after the last poll, or when no file
// was there to follow, is on disk at the stop too: it is read.
func TestStopReadsAFileTheLastPollDidNotSee(t *testing.T) {
	for _, existed := range []bool{true, false} {
		t.Run(fmt.Sprintf("a file was followed %v", existed), func(t *testing.T) {
			path := logPath(t)
			want := numbered("new", 2)
			if existed {
				want = slices.Concat(numbered("old", 3), want)
				appendTo(t, path, joinLines(want[:3]))
			}
			src := NewFile(path, 1, FileOptions{Follow: true, StreamOnly: true, Finish: context.Background()})
			src.grace = time.Hour
			r := start(t, src)
			if existed {
				r.waitLines(3)
				if err := os.Rename(path, path+".1"); err != nil {
					t.Fatal(err)
				}
			} else {
				waitFor(t, "the wait", func() bool { return src.State() == waitingState(path, "") })
			}
			// A poll may find it before the stop, or not: the lines arrive
			// either way.
			placeWhole(t, path, joinLines(want[len(want)-2:]))
			r.cancel()
			if err := r.finish(); err != nil {
				t.Fatalf("Run: %v", err)
			}
			equalLines(t, lineTexts(r.got), want)
		})
	}
}

// A file that cannot be read at the stop is counted in a gap that says
// which file, from where, why and how many bytes; the files after it are
// still read.
func TestStopCountsWhatCannotBeRead(t *testing.T) {
	path := logPath(t)
	old, unreadable, last := numbered("old", 3), numbered("unreadable", 2), numbered("last", 1)
	appendTo(t, path, joinLines(old))
	var opened atomic.Int32
	open := func(name string) (*os.File, error) {
		if opened.Add(1) == 2 { // the first file that takes the path's place
			return os.OpenFile(name, os.O_WRONLY, 0) // its reads fail
		}
		return os.Open(name)
	}
	src := NewFile(path, 1, FileOptions{Follow: true, StreamOnly: true, Open: open, Finish: context.Background()})
	src.grace = time.Hour
	r := start(t, src)
	r.waitLines(len(old))
	for i, lines := range [][]string{unreadable, last} {
		if err := os.Rename(path, fmt.Sprintf("%s.%d", path, i+1)); err != nil {
			t.Fatal(err)
		}
		placeWhole(t, path, joinLines(lines))
		want := int32(i + 2)
		waitFor(t, "the new file opened", func() bool { return opened.Load() == want })
	}
	r.cancel()
	if err := r.finish(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	equalLines(t, lineTexts(r.got), slices.Concat(old, last))
	g := gaps(r.got)
	size := int64(len(joinLines(unreadable)))
	if len(g) != 1 || !strings.HasPrefix(g[0].Note, GapNotReadAtStop+": the file read at "+path+" from byte 1 (read ") || g[0].Count != size {
		t.Fatalf("gaps %s; want one saying %d bytes of the file read at %s were not read, and why", describe(g), size, path)
	}
	i := slices.IndexFunc(r.got, func(rec model.Record) bool { return rec.Mark == model.MarkGap })
	if got := lineTexts(r.got[:i]); !slices.Equal(got, old) {
		t.Fatalf("the gap comes after %q, want after the old lines", got)
	}
}

// Without Finish, or once it has ended (the export can no longer write),
// the stop ends Run at once: the file waiting its turn is not read.
func TestStopWithoutFinishReadsNoMore(t *testing.T) {
	abandoned, abandon := context.WithCancel(context.Background())
	abandon()
	for _, finish := range []context.Context{nil, abandoned} {
		t.Run(fmt.Sprintf("finish %v", finish), func(t *testing.T) {
			path := logPath(t)
			old := numbered("old", 3)
			appendTo(t, path, joinLines(old))
			src := NewFile(path, 1, FileOptions{Follow: true, StreamOnly: true, Finish: finish})
			src.grace = time.Hour
			r := start(t, src)
			r.waitLines(len(old))
			if err := os.Rename(path, path+".1"); err != nil {
				t.Fatal(err)
			}
			placeWhole(t, path, joinLines(numbered("new", 2)))
			waitFor(t, "the grace", func() bool { return src.State() == graceState })
			r.cancel()
			if err := r.finish(); err != nil {
				t.Fatalf("Run: %v", err)
			}
			equalLines(t, lineTexts(r.got), old)
		})
	}
}

// The last read at a stop ends on a line without its newline: the writer
// may be writing it still, so it is sent flagged partial, as a quiet
// file's unfinished line is, not as the complete last line of a file read
// without following.
func TestStopSendsAnUnfinishedLastLineAsPartial(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "whole\n")
	src := NewFile(path, 1, FileOptions{Follow: true, Finish: context.Background()})
	src.quietAfter = time.Hour // only the stop sends it
	r := start(t, src)
	r.waitLines(1)
	appendTo(t, path, "no newline yet")
	r.cancel()
	if err := r.finish(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(r.got) != 2 || string(r.got[1].Raw) != "no newline yet" || r.got[1].Note != NotePartialLine {
		t.Fatalf("got %s; want the unfinished line flagged %q", describe(r.got), NotePartialLine)
	}
}
