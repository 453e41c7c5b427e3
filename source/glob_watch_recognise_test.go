package source

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// followedWithWatch follows dir/svc-a.log, which holds content of lines
// lines, until they are read, and returns the glob watch of dir/*.log
// whose inputs it is, skipping what the source recognises.
func followedWithWatch(t *testing.T, dir, content string, lines int, streamOnly bool) (*GlobWatch, func(Candidate) Verdict) {
	t.Helper()
	a := filepath.Join(dir, "svc-a.log")
	writeLog(t, a, content)
	src := NewFile(a, 1, FileOptions{Follow: true, StreamOnly: streamOnly})
	src.grace = 100 * time.Millisecond
	start(t, src).waitLines(lines)
	w := NewGlobWatch([]string{filepath.Join(dir, "*.log")}, []string{a}, false)
	w.undecidedFor = 200 * time.Millisecond
	return w, func(c Candidate) Verdict { return src.Recognises(c.File, c.Info) }
}

// foundAfterUndecided checks that b is not found at once (it may be
// copytruncate's copy of the followed log, on its way), and is found, as a
// new log, once it has been undecided for the watch's undecidedFor.
func foundAfterUndecided(t *testing.T, w *GlobWatch, judge func(Candidate) Verdict, b string) {
	t.Helper()
	if got := w.NewMatches(judge); len(got) != 0 {
		t.Fatalf("found %v at once: it may be a copy on its way", matchedPaths(got))
	}
	time.Sleep(w.undecidedFor)
	if got, want := w.NewMatches(judge), []Input{{Path: b, Follow: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("found %v, want %v", got, want)
	}
}

// TestGlobWatchReadsANewLogThatBeginsWithAllAFollowedOneHolds: two
// services whose logs begin with the same banner, svc-a.log holding only
// the banner yet. svc-b.log holding the banner alone is no new log: it
// holds nothing that was not read. Once a line is written to it, it is
// one, read from its start; before, it was skipped for good and its lines
// were never read.
func TestGlobWatchReadsANewLogThatBeginsWithAllAFollowedOneHolds(t *testing.T) {
	banner := joinLines([]string{strings.Repeat("#", 60),
		"# MyApp service log, version 1.2.3 build abcdef - (c) Example Corp." + strings.Repeat(" ", 100),
		strings.Repeat("#", 60)})
	for _, streamOnly := range []bool{false, true} {
		t.Run(fmt.Sprintf("stream only %v", streamOnly), func(t *testing.T) {
			dir := t.TempDir()
			w, judge := followedWithWatch(t, dir, banner, 3, streamOnly)
			b := filepath.Join(dir, "svc-b.log")
			writeLog(t, b, banner)
			if got := w.NewMatches(judge); len(got) != 0 {
				t.Fatalf("found %v: it holds only what svc-a.log's reading read", matchedPaths(got))
			}
			appendTo(t, b, "2026-02-10T09:00:01Z INFO B line 1\n")
			foundAfterUndecided(t, w, judge, b)
		})
	}
}

// TestGlobWatchReadsANewLogWhoseFirstLineIsAllAFollowedOneHolds: a new
// log whose first line is the whole of a followed log, and which holds
// more, is a new log.
func TestGlobWatchReadsANewLogWhoseFirstLineIsAllAFollowedOneHolds(t *testing.T) {
	short := "2026-02-10T08:00:00Z INFO short\n"
	for _, streamOnly := range []bool{false, true} {
		t.Run(fmt.Sprintf("stream only %v", streamOnly), func(t *testing.T) {
			dir := t.TempDir()
			w, judge := followedWithWatch(t, dir, short, 1, streamOnly)
			b := filepath.Join(dir, "svc-b.log")
			writeLog(t, b, short+"2026-02-10T09:00:01Z INFO B line 1\n")
			foundAfterUndecided(t, w, judge, b)
		})
	}
}
