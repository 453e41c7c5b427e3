package source

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// logrotateCopyTruncate does what logrotate's copytruncate does: copy the
// file to path.1, then truncate it in place; with compress, the copy is
// then gzipped and the uncompressed copy removed (no delaycompress).
func logrotateCopyTruncate(t *testing.T, path string, compress bool) {
	t.Helper()
	copyTruncateTo(t, path, path+".1")
	if compress {
		if out, err := exec.Command("gzip", path+".1").CombinedOutput(); err != nil {
			t.Fatalf("gzip: %v %s", err, out)
		}
	}
}

// TestCopyTruncateReadsTheCopy: lines written after the last read and
// before the truncation are read from the copy logrotate made, no gap is
// reported, and every line re-reads exactly, the copy compressed or not.
func TestCopyTruncateReadsTheCopy(t *testing.T) {
	for _, compress := range []bool{false, true} {
		name := map[bool]string{false: "plain copy", true: "gzipped copy"}[compress]
		t.Run(name, func(t *testing.T) {
			path := logPath(t)
			first, unread, after := numbered("first", 30), numbered("unread", 30), numbered("after", 30)
			appendTo(t, path, joinLines(first))
			src := NewFile(path, 1, FileOptions{Follow: true})
			r := start(t, src)
			r.waitLines(len(first))
			// Within one poll: appended, copied and truncated before connlog
			// looks again.
			appendTo(t, path, joinLines(unread))
			logrotateCopyTruncate(t, path, compress)
			appendTo(t, path, joinLines(after))
			want := append(append(append([]string{}, first...), unread...), after...)
			got := r.waitLines(len(want))
			equalLines(t, lineTexts(got), want)
			if g := gaps(got); len(g) != 0 {
				t.Errorf("gaps %s: nothing was lost", describe(g))
			}
			checkOffsetsGrow(t, got)
			os.Remove(path + ".1") // gone from disk: held open, or kept decompressed
			os.Remove(path + ".1.gz")
			checkReRead(t, src, got)
		})
	}
}

// TestCopyTruncateCopyShorterThanWhatWasRead: the copy was made, then more
// was written and read from the original, then it was truncated. The lines
// read after the copy are in no file; they are kept from the recent bytes.
func TestCopyTruncateCopyShorterThanWhatWasRead(t *testing.T) {
	path := logPath(t)
	first, late := numbered("first", 30), numbered("late", 30)
	appendTo(t, path, joinLines(first))
	src := NewFile(path, 1, FileOptions{Follow: true})
	r := start(t, src)
	r.waitLines(len(first))
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path+".1", data, 0o644); err != nil {
		t.Fatal(err)
	}
	appendTo(t, path, joinLines(late))
	r.waitLines(len(first) + len(late))
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	appendTo(t, path, "new\n")
	got := r.waitLines(len(first) + len(late) + 1)
	if g := gaps(got); len(g) != 0 {
		t.Errorf("gaps %s: nothing was lost", describe(g))
	}
	os.Remove(path + ".1")
	checkReRead(t, src, got)
}

// TestCopyTruncateWithoutCopyCountsWhatCannotBeKept: more was read than the
// recent bytes hold and no copy exists: the lines that can no longer be
// re-read are counted in a gap, and those that can still be re-read are:
// what the recent bytes hold, by default and with a file's share when many
// are followed.
func TestCopyTruncateWithoutCopyCountsWhatCannotBeKept(t *testing.T) {
	for _, kept := range []int{0, RecentBytesShare(300)} {
		t.Run(fmt.Sprintf("RecentBytes %d", kept), func(t *testing.T) {
			checkTruncateWithoutCopy(t, kept)
		})
	}
}

func checkTruncateWithoutCopy(t *testing.T, kept int) {
	path := logPath(t)
	line := strings.Repeat("x", 99) // 100 bytes with its newline
	window := kept
	if window == 0 {
		window = recentBytesKept
	}
	n := 2*window/100 + 500
	var b bytes.Buffer
	for range n {
		b.WriteString(line + "\n")
	}
	appendTo(t, path, b.String())
	src := NewFile(path, 1, FileOptions{Follow: true, RecentBytes: kept})
	r := start(t, src)
	r.waitLines(n)
	copyTruncate(t, path, "")
	appendTo(t, path, "new\n")
	got := r.waitUntil("the loss gap and the new line", func(rs []model.Record) bool {
		return len(gaps(rs)) == 2 && lineTexts(rs)[len(lineTexts(rs))-1] == "new"
	})
	var lost int64
	for _, g := range gaps(got) {
		if g.Note == NoteRawLost {
			lost = g.Count
		}
	}
	readable := 0
	for _, rec := range got {
		if rec.Mark != model.MarkLine {
			continue
		}
		raw, err := src.ReadRaw(rec.Offset, len(rec.Raw), nil)
		switch {
		case err == nil && string(raw) == string(rec.Raw):
			readable++
		case err == nil:
			t.Fatalf("ReadRaw(%d) returned other bytes: %q", rec.Offset, raw)
		}
	}
	if unreadable := int64(n + 1 - readable); lost == 0 || unreadable != lost {
		t.Errorf("%d lines cannot be re-read, the gap counts %d", unreadable, lost)
	}
	// The new line, and the old ones the recent bytes hold: window bytes
	// at least, twice that at most.
	if old := readable - 1; old < window/100-1 || old > 2*window/100 {
		t.Errorf("%d old lines of 100 bytes can be re-read, with %d bytes kept", old, window)
	}
}

// TestStreamOnlyKeepsNothingAside: a headless export follows the same
// rotations and gets the same lines, copytruncate's included, but keeps no
// rotated file open and nothing in the spill file.
func TestStreamOnlyKeepsNothingAside(t *testing.T) {
	path := logPath(t)
	src := NewFile(path, 1, FileOptions{Follow: true, StreamOnly: true})
	src.grace = 50 * time.Millisecond // the renamed files are done with
	appendTo(t, path, "")
	r := start(t, src)
	var want []string
	for round := range maxRetainedGenerations + 2 {
		lines := numbered("round"+strings.Repeat("i", round), 10)
		want = append(want, lines...)
		appendTo(t, path, joinLines(lines))
		r.waitLines(len(want))
		if round%2 == 0 {
			rotateByRename(t, path, "")
		} else {
			more := numbered("unread"+strings.Repeat("i", round), 5)
			want = append(want, more...)
			appendTo(t, path, joinLines(more))
			os.Remove(path + ".1") // rotated further, as logrotate would
			os.Remove(path + ".1.gz")
			logrotateCopyTruncate(t, path, round%4 == 3)
		}
	}
	got := r.waitLines(len(want))
	equalLines(t, lineTexts(got), want)
	src.gens.mu.Lock()
	defer src.gens.mu.Unlock()
	for _, g := range src.gens.list[:len(src.gens.list)-1] {
		if len(g.extents()) != 0 {
			t.Fatalf("a rotated generation is kept: %+v", g.extents())
		}
	}
	if src.gens.spill.size != 0 {
		t.Errorf("spill holds %d bytes", src.gens.spill.size)
	}
}
