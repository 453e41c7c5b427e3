package source

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"connlog/model"
)

// rotateByRename does what logrotate's default "create" mode does: rename
// the live file away, then create a new one at the path and write to it.
func rotateByRename(t *testing.T, path, content string) {
	t.Helper()
	if err := os.Rename(path, path+".1"); err != nil {
		t.Fatal(err)
	}
	appendTo(t, path, content)
}

func TestFileFollowAppend(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "before start\n")
	src := NewFile(path, 1, FileOptions{Follow: true})
	r := start(t, src)
	r.waitLines(1)
	want := []string{"before start"}
	for i := range 5 {
		line := fmt.Sprintf("appended %d", i)
		want = append(want, line)
		appendTo(t, path, line+"\n")
		r.waitLines(len(want))
	}
	equalLines(t, lineTexts(r.got), want)
	if got := src.State(); got != "following" {
		t.Errorf("State() = %q", got)
	}
	if err := r.stop(); err != nil {
		t.Fatalf("Run after cancel = %v, want nil", err)
	}
}

func TestFileFollowRotation(t *testing.T) {
	first := numbered("old", 50)
	second := numbered("new", 50)
	tests := []struct {
		name   string
		rotate func(t *testing.T, path string)
		gap    bool // whether a truncation gap must appear
	}{
		{"rename", func(t *testing.T, path string) {
			rotateByRename(t, path, joinLines(second))
		}, false},
		{"delete and re-create", func(t *testing.T, path string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			appendTo(t, path, joinLines(second))
		}, false},
		{"copytruncate, shorter", func(t *testing.T, path string) {
			copyTruncate(t, path, "")
			appendTo(t, path, joinLines(second[:2]))
			appendTo(t, path, joinLines(second[2:]))
		}, true},
		{"truncated and refilled past the old length", func(t *testing.T, path string) {
			copyTruncate(t, path, joinLines(second)+joinLines(second))
		}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := logPath(t)
			appendTo(t, path, joinLines(first))
			r := start(t, NewFile(path, 1, FileOptions{Follow: true}))
			r.waitLines(len(first))
			tc.rotate(t, path)
			want := append(slices.Clone(first), second...)
			if strings.Contains(tc.name, "refilled") {
				want = append(want, second...)
			}
			got := r.waitLines(len(want))
			equalLines(t, lineTexts(got), want)
			g := gaps(got)
			if tc.gap != (len(g) == 1) || (tc.gap && g[0].Note != NoteTruncated) {
				t.Fatalf("gaps %s, want a truncation gap: %v", describe(g), tc.gap)
			}
			if tc.gap && lineTexts(got[:slices.IndexFunc(got, func(r model.Record) bool { return r.Mark == model.MarkGap })])[len(first)-1] != first[len(first)-1] {
				t.Fatalf("the gap is not between the old and the new lines: %s", describe(got))
			}
			checkOffsetsGrow(t, got)
		})
	}
}

// logrotate renames the file and creates a new one, and only then has the
// writer reopen the path (postrotate): until then its lines go to the
// renamed file. They are read, before the new file's, for rotationGrace
// after the new file appeared, even when a poll found the renamed file
// quiet in between; then the new file is.
func TestFileReadsTheRenamedFileUntilItsWriterMoves(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "before\n")
	src := NewFile(path, 1, FileOptions{Follow: true})
	src.grace = time.Second
	r := start(t, src)
	r.waitLines(1)
	w, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rotateByRename(t, path, "in the new file\n")
	time.Sleep(4 * pollInterval) // polls find the renamed file quiet
	if _, err := w.WriteString("late, in the renamed file\n"); err != nil {
		t.Fatal(err)
	}
	equalLines(t, lineTexts(r.waitLines(3)), []string{"before", "late, in the renamed file", "in the new file"})
	appendTo(t, path, "new again\n")
	equalLines(t, lineTexts(r.waitLines(4)), []string{"before", "late, in the renamed file", "in the new file", "new again"})
}

// copyTruncate empties the file in place, as logrotate's copytruncate does
// after copying it, and writes content in the same open.
func copyTruncate(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkOffsetsGrow holds logical offsets to their promise: every line's
// offset is larger than the previous line's, across rotations.
func checkOffsetsGrow(t *testing.T, rs []model.Record) {
	t.Helper()
	last := int64(-1)
	for _, r := range rs {
		if r.Mark != model.MarkLine {
			continue
		}
		if r.Offset <= last {
			t.Fatalf("offset %d after %d: logical offsets must keep growing (%s)", r.Offset, last, describe(rs))
		}
		last = r.Offset
	}
}

func TestFileFollowMissingAtStart(t *testing.T) {
	path := logPath(t)
	src := NewFile(path, 1, FileOptions{Follow: true})
	r := start(t, src)
	waitFor(t, "the waiting state", func() bool { return src.State() == "waiting for "+path })
	appendTo(t, path, "finally\n")
	equalLines(t, lineTexts(r.waitLines(1)), []string{"finally"})
	waitFor(t, "the following state", func() bool { return src.State() == "following" })
}

func TestFileFollowWaitsWhileRemoved(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "one\n")
	src := NewFile(path, 1, FileOptions{Follow: true})
	r := start(t, src)
	r.waitLines(1)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the removed state", func() bool { return strings.HasPrefix(src.State(), "waiting for "+path) })
	appendTo(t, path, "two\n")
	equalLines(t, lineTexts(r.waitLines(2)), []string{"one", "two"})
}

// TestFileFollowWaitsWhileNotRegular: a followed path that names a FIFO or
// a directory after a rotation is not read, and its state says the source
// waits and why, in the words that begin every waiting state
// (model.StateWaiting); nothing failed, and a log that comes back at the
// path is read.
func TestFileFollowWaitsWhileNotRegular(t *testing.T) {
	for _, tc := range []struct {
		name, why string
		put       func(path string) error
	}{
		{"fifo", "it is not a regular file", func(path string) error { return syscall.Mkfifo(path, 0o600) }},
		{"directory", "it is a directory", func(path string) error { return os.Mkdir(path, 0o755) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := logPath(t)
			appendTo(t, path, "one\n")
			src := NewFile(path, 1, FileOptions{Follow: true})
			src.grace = 50 * time.Millisecond
			r := start(t, src)
			r.waitLines(1)
			if err := os.Rename(path, path+".1"); err != nil {
				t.Fatal(err)
			}
			if err := tc.put(path); err != nil {
				t.Fatal(err)
			}
			want := model.StateWaiting + " " + path + " (" + tc.why + ")"
			waitFor(t, "the waiting state", func() bool { return src.State() == want })
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			appendTo(t, path, "two\n")
			equalLines(t, lineTexts(r.waitLines(2)), []string{"one", "two"})
			waitFor(t, "the following state", func() bool { return src.State() == "following" })
			if err := r.stop(); err != nil {
				t.Fatalf("the run ended with %v", err)
			}
		})
	}
}

func TestFileLineSplitAcrossWrites(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "")
	src := NewFile(path, 1, FileOptions{Follow: true})
	// However slow this machine is between the two writes, the first half
	// must wait for the second.
	src.quietAfter = time.Hour
	r := start(t, src)
	appendTo(t, path, "first half, ")
	appendTo(t, path, "second half\nnext\n")
	got := r.waitLines(2)
	equalLines(t, lineTexts(got), []string{"first half, second half", "next"})
	if got[0].Note != "" || got[0].Offset != 0 || got[1].Offset != int64(len("first half, second half\n")) {
		t.Fatalf("records: %s", describe(got))
	}
}

func TestFileFollowHighRate(t *testing.T) {
	const total = 200_000
	path := logPath(t)
	appendTo(t, path, "")
	r := start(t, NewFile(path, 1, FileOptions{Follow: true}))
	want := numbered("fast", total)
	writeErr := make(chan error, 1)
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			writeErr <- err
			return
		}
		defer f.Close()
		// Many small writes, each a few lines, so that reads often end in
		// the middle of a line.
		for i := 0; i < total; i += 7 {
			if _, err := f.WriteString(joinLines(want[i:min(i+7, total)])); err != nil {
				writeErr <- err
				return
			}
		}
		writeErr <- nil
	}()
	got := r.waitLines(total)
	if err := <-writeErr; err != nil {
		t.Fatal(err)
	}
	equalLines(t, lineTexts(got), want)
	if len(gaps(got)) != 0 {
		t.Fatalf("unexpected gaps: %s", describe(gaps(got)))
	}
}

func TestFileFollowManyRotations(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "")
	src := NewFile(path, 1, FileOptions{Follow: true})
	src.grace = 50 * time.Millisecond // eleven rotations: the renamed files are done with
	r := start(t, src)
	var want []string
	for round := range maxRetainedGenerations + 3 {
		lines := numbered(fmt.Sprintf("round%02d", round), 20)
		want = append(want, lines...)
		appendTo(t, path, joinLines(lines))
		r.waitLines(len(want))
		if err := os.Rename(path, fmt.Sprintf("%s.%d", path, round)); err != nil {
			t.Fatal(err)
		}
	}
	appendTo(t, path, "last\n")
	want = append(want, "last")
	got := r.waitLines(len(want))
	equalLines(t, lineTexts(got), want)
	checkOffsetsGrow(t, got)
	// The newest rotated files are still open; the oldest were kept aside
	// before they were let go, and every one is deleted now: every line
	// still re-reads exactly.
	for round := range maxRetainedGenerations + 3 {
		if err := os.Remove(fmt.Sprintf("%s.%d", path, round)); err != nil {
			t.Fatal(err)
		}
	}
	checkReRead(t, src, got)
}

// TestFileSendsItsContentAtOnce: what a followed file holds when it is
// opened is sent as soon as it is read, not when a batch of lines that
// trickle in would be: the first screen waits for it. The batch deadline
// is an hour here, so only the flush after the first read can send it.
func TestFileSendsItsContentAtOnce(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "one\ntwo\nthree\n")
	src := NewFile(path, 1, FileOptions{Follow: true})
	src.batchWait = time.Hour
	r := start(t, src)
	equalLines(t, lineTexts(r.waitLines(3)), []string{"one", "two", "three"})
}
