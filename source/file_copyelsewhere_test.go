package source

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"connlog/model"
)

// copyTruncateNames are names loggers and logrotate give copytruncate's
// copy of app.log: an application's numbered or dated name, which is no
// rotated name of app.log, and logrotate's dateext, plain and compressed.
var copyTruncateNames = []string{"app-1.log", "app-20261206.log", "app.2026-12-06.log", "app.log-20261206", "app.log-20261206.gz"}

// copyTruncateAs copies the log at path to copyPath (compressed when its
// name ends in .gz, the uncompressed copy removed) and truncates it.
func copyTruncateAs(t *testing.T, path, copyPath string) {
	t.Helper()
	plain, gzipped := strings.CutSuffix(copyPath, ".gz")
	copyTruncateTo(t, path, plain)
	if gzipped {
		if out, err := exec.Command("gzip", plain).CombinedOutput(); err != nil {
			t.Fatalf("gzip: %v %s", err, out)
		}
	}
}

// TestCopyTruncateToAnotherNameReadsTheCopy: a followed app.log is copied
// to a name beside it that is none of its rotated names (app-1.log,
// app-20261206.log), or to a dateext name, and truncated, the writer
// having added lines connlog had not read yet: they are read from the
// copy, every line comes once, in order, and no gap says lines may be
// missing (it said so for any name but app.log.N).
func TestCopyTruncateToAnotherNameReadsTheCopy(t *testing.T) {
	for _, name := range copyTruncateNames {
		for _, streamOnly := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, stream only %v", name, streamOnly), func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "app.log")
				first, unread, after := numbered("first", 30), numbered("unread", 30), numbered("after", 3)
				appendTo(t, path, joinLines(first))
				src := NewFile(path, 1, FileOptions{Follow: true, StreamOnly: streamOnly})
				r := start(t, src)
				r.waitLines(len(first))
				appendTo(t, path, joinLines(unread))
				copyTruncateAs(t, path, filepath.Join(dir, name))
				appendTo(t, path, joinLines(after))
				got := r.waitUntil("the lines written after the cut", lastLineIs(after[len(after)-1]))
				equalLines(t, lineTexts(got), slices.Concat(first, unread, after))
				if g := gaps(got); len(g) != 0 {
					t.Errorf("gaps %s: the copy holds every line", describe(g))
				}
				checkOffsetsGrow(t, got)
				if !streamOnly {
					must(t, os.Remove(filepath.Join(dir, name))) // held open, or kept decompressed
					checkReRead(t, src, got)
				}
			})
		}
	}
}

// TestCopyTruncateToAnotherNameRemovedAtOnce: the copy is removed before
// connlog looks for it: the lines written since the last read may be
// missing, and a gap says so.
func TestCopyTruncateToAnotherNameRemovedAtOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	first, after := numbered("first", 30), numbered("after", 3)
	appendTo(t, path, joinLines(first))
	src := NewFile(path, 1, FileOptions{Follow: true})
	r := start(t, src)
	r.waitLines(len(first))
	appendTo(t, path, joinLines(numbered("unread", 30)))
	copyTruncateAs(t, path, filepath.Join(dir, "app-1.log"))
	must(t, os.Remove(filepath.Join(dir, "app-1.log")))
	appendTo(t, path, joinLines(after))
	got := r.waitUntil("the lines written after the cut", lastLineIs(after[len(after)-1]))
	if i := slices.IndexFunc(got, func(r model.Record) bool { return r.Note == NoteTruncated }); i < 0 {
		t.Fatalf("no gap says lines may be missing: %s", describe(got))
	}
	texts := lineTexts(got)
	if !slices.Equal(texts[:len(first)], first) || !slices.Equal(texts[len(texts)-len(after):], after) {
		t.Errorf("lines %q", texts)
	}
}

// lastLineIs says whether the last line received is last.
func lastLineIs(last string) func([]model.Record) bool {
	return func(rs []model.Record) bool {
		texts := lineTexts(rs)
		return len(texts) > 0 && texts[len(texts)-1] == last
	}
}

// TestCopyTruncateOfABannerIsNotFoundInAnotherLog: app.log holds only its
// banner, fewer bytes than a fingerprint, and is truncated without a copy,
// while app-access.log, another log beginning with the same banner, holds
// more: its lines are not read as app.log's, and a gap says lines may be
// missing.
func TestCopyTruncateOfABannerIsNotFoundInAnotherLog(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	banner := []string{"# MyApp service log, version 1.2.3"}
	appendTo(t, path, joinLines(banner))
	src := NewFile(path, 1, FileOptions{Follow: true})
	r := start(t, src)
	r.waitLines(len(banner))
	writeLog(t, filepath.Join(dir, "app-access.log"), joinLines(slices.Concat(banner, numbered("access", 3))))
	must(t, os.Truncate(path, 0))
	after := numbered("after", 1)
	appendTo(t, path, joinLines(after))
	got := r.waitUntil("the line written after the cut", lastLineIs(after[0]))
	equalLines(t, lineTexts(got), slices.Concat(banner, after))
	if g := gaps(got); len(g) != 1 || g[0].Note != NoteTruncated {
		t.Errorf("want one gap saying lines may be missing: %s", describe(got))
	}
}
