package source

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"

	"connlog/model"
)

// followedState is the state once connlog reads the file at the path.
const followedState = "following"

// writerHoldingTheLog opens path for appending, as the application that
// writes the log holds it: a rename rotation leaves it writing to the
// renamed file until it reopens the path.
func writerHoldingTheLog(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func writeLines(t *testing.T, f *os.File, lines []string) {
	t.Helper()
	if _, err := f.WriteString(joinLines(lines)); err != nil {
		t.Fatal(err)
	}
}

// logrotateCreate does what logrotate's create does: the log is renamed to
// path.1 and an empty file takes its place; with compress (and no
// delaycompress) path.1 is then gzipped and removed at once, while its
// writer may still hold it open.
func logrotateCreate(t *testing.T, path string) {
	t.Helper()
	if err := os.Rename(path, path+".1"); err != nil {
		t.Fatal(err)
	}
	appendTo(t, path, "")
}

func gzipAway(t *testing.T, name string) {
	t.Helper()
	if out, err := exec.Command("gzip", name).CombinedOutput(); err != nil {
		t.Fatalf("gzip: %v %s", err, out)
	}
}

// The writer keeps appending to the renamed file in bursts, with pauses
// longer than the grace, after connlog has moved to the new file (a busy
// machine, a postrotate that signals late). The renamed file stays open:
// its late lines are read, before the new file's next ones, whether it is
// still there, or compressed and removed; and when following stops just
// after them (an export's signal) they are read too. No line is lost.
func TestRenamedFileWrittenAfterTheSwitchIsStillRead(t *testing.T) {
	old, burst := numbered("old", 5), numbered("burst", 50)
	late1, late2, fresh := numbered("late1", 10), numbered("late2", 10), numbered("new", 5)
	for _, compress := range []bool{false, true} {
		for _, stop := range []bool{false, true} {
			for _, streamOnly := range []bool{false, true} {
				name := fmt.Sprintf("compressed %v, stopped %v, stream only %v", compress, stop, streamOnly)
				t.Run(name, func(t *testing.T) {
					path := logPath(t)
					appendTo(t, path, joinLines(old))
					w := writerHoldingTheLog(t, path)
					opts := FileOptions{Follow: true, StreamOnly: streamOnly}
					if stop {
						opts.Finish = context.Background()
					}
					src := NewFile(path, 1, opts)
					src.grace = 300 * time.Millisecond
					r := start(t, src)
					r.waitLines(len(old))
					logrotateCreate(t, path)
					waitFor(t, "the grace", func() bool { return src.State() == graceState })
					writeLines(t, w, burst)
					r.waitLines(len(old) + len(burst))
					waitFor(t, "the switch to the new file", func() bool { return src.State() == followedState })
					if compress {
						gzipAway(t, path+".1")
					}
					writeLines(t, w, late1)
					if stop {
						r.cancel()
						if err := r.finish(); err != nil {
							t.Fatalf("Run: %v", err)
						}
						equalLines(t, lineTexts(r.got), slices.Concat(old, burst, late1))
						checkNoGapAndOffsets(t, src, r, streamOnly)
						return
					}
					time.Sleep(2 * src.grace) // a pause longer than the grace
					writeLines(t, w, late2)
					w.Close()
					appendTo(t, path, joinLines(fresh)) // the writer has moved on
					want := slices.Concat(old, burst, late1, late2, fresh)
					r.waitLines(len(want))
					equalLines(t, lineTexts(r.got), want)
					checkNoGapAndOffsets(t, src, r, streamOnly)
				})
			}
		}
	}
}

func checkNoGapAndOffsets(t *testing.T, src *File, r *running, streamOnly bool) {
	t.Helper()
	if g := gaps(r.got); len(g) != 0 {
		t.Fatalf("gaps %s: nothing was lost", describe(g))
	}
	checkOffsetsGrow(t, r.got)
	if !streamOnly {
		checkReRead(t, src, r.got)
	}
}

// The writer appends to the renamed file now and then, longer than the
// grace, and has not written the new (empty) file: it has not moved on,
// so connlog stays with the renamed file until it has been quiet for the
// grace, and reads its lines before the new file's.
func TestRenamedFileStillWrittenKeepsTheGrace(t *testing.T) {
	path := logPath(t)
	old := numbered("old", 3)
	appendTo(t, path, joinLines(old))
	w := writerHoldingTheLog(t, path)
	src := NewFile(path, 1, FileOptions{Follow: true})
	src.grace = 1500 * time.Millisecond
	r := start(t, src)
	r.waitLines(len(old))
	logrotateCreate(t, path)
	waitFor(t, "the grace", func() bool { return src.State() == graceState })
	renamed := numbered("renamed", 24)
	for i := range renamed { // 2.4 s of writes, one every 100 ms
		writeLines(t, w, renamed[i:i+1])
		time.Sleep(100 * time.Millisecond)
	}
	r.waitLines(len(old) + len(renamed))
	if st := src.State(); st != graceState {
		t.Fatalf("state %q after a write to the renamed file, want %q: its writer has not moved on", st, graceState)
	}
	fresh := numbered("new", 3)
	appendTo(t, path, joinLines(fresh))
	want := slices.Concat(old, renamed, fresh)
	r.waitLines(len(want))
	equalLines(t, lineTexts(r.got), want)
	checkNoGapAndOffsets(t, src, r, false)
}

// The renamed file stays open after the switch, also for a stream-only
// source, which keeps no generation open: it is still a file already
// read, never taken for the copy of the new file when that is truncated
// without one, even when it begins with what the new file held. A gap
// says lines may be missing; none is read from the renamed file again.
func TestRenamedFileIsNotTakenForTheCopyAfterTheSwitch(t *testing.T) {
	header := numbered("# the same header in every file", 8) // more than fingerprintBytes
	path := logPath(t)
	old := slices.Concat(header, []string{"a", "b"})
	appendTo(t, path, joinLines(old))
	src := NewFile(path, 1, FileOptions{Follow: true, StreamOnly: true})
	src.grace = 100 * time.Millisecond
	r := start(t, src)
	r.waitLines(len(old))
	if err := os.Rename(path, path+".1"); err != nil {
		t.Fatal(err)
	}
	fresh := slices.Concat(header, []string{"a"})
	placeWhole(t, path, joinLines(fresh))
	r.waitLines(len(old) + len(fresh))
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	appendTo(t, path, "after\n")
	got := r.waitUntil("the line after", func(rs []model.Record) bool { return slices.Contains(lineTexts(rs), "after") })
	equalLines(t, lineTexts(got), slices.Concat(old, fresh, []string{"after"}))
	if g := gaps(got); len(g) != 1 || g[0].Note != NoteTruncated {
		t.Fatalf("gaps %s, want one truncation gap", describe(g))
	}
}
